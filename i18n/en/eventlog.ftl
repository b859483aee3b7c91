# Event logs in the app (issue 17): File > Import event log…, View > Measure against a
# log…, the measured marks; and the words the map prints for a log check.

## Commands
evlog-cmd-import = Import event log…
evlog-cmd-measure = Measure against a log…

## File pickers
evlog-picker = Choose an event log
evlog-picker-logs = Event logs (CSV, XES, XES.GZ)

## The import preview of an event log
evlog-title = Event log preview
evlog-reading = Reading { $name }
evlog-reading-log = Reading the log…
evlog-cancelled = Event log import cancelled
# The title of the progress window of any long work (reading a log, exporting, ...).
evlog-working = Working
evlog-updating = updating…
evlog-stop = Stop
evlog-summary =
    { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    } · { $events ->
        [one] { $events } event
       *[other] { $events } events
    } · { $activities ->
        [one] { $activities } activity
       *[other] { $activities } activities
    } · { $handoffs ->
        [one] { $handoffs } handoff
       *[other] { $handoffs } handoffs
    } · { $stages ->
        [one] { $stages } stage
       *[other] { $stages } stages
    }
evlog-period = From { $from } to { $to }
evlog-elapsed = Elapsed time per case (median): { $hours }
evlog-columns = Columns
evlog-header = Header
evlog-first-value = First value
evlog-read-as = Read as
evlog-xes-attribute = XES attribute
evlog-role-none = (ignored)
evlog-role-case = case
evlog-role-activity = activity
evlog-role-timestamp = timestamp (completion)
evlog-role-start = start time
evlog-role-lifecycle = lifecycle (start/complete)
evlog-role-department = department
evlog-role-resource = resource
evlog-role-channel = channel
evlog-role-layer = layer
evlog-role-customer = performed by the customer
evlog-role-visible = visible to the customer
evlog-role-cost = cost
evlog-min-share = Keep handoffs taken by at least
evlog-dropped =
    { $count ->
        [one] { $count } handoff taken by fewer than { $share } of the cases is left out
       *[other] { $count } handoffs taken by fewer than { $share } of the cases are left out
    }
evlog-map = The map to be built
evlog-stage-line = { $stage }: { $touchpoints }
evlog-more = , and { $count } more
evlog-from = From
evlog-to = To
evlog-transitions = Transitions
evlog-wait = Queue time (median)
evlog-more-handoffs =
    { $count ->
        [one] and { $count } more handoff
       *[other] and { $count } more handoffs
    }
evlog-all-read =
    { $rows ->
        [one] Every row was read ({ $rows } row).
       *[other] Every row was read ({ $rows } rows).
    }
evlog-rows-not-read = Rows not (fully) read: { $count }
evlog-open = Open as a new journey
evlog-nothing-yet = Nothing to open yet: name the case, activity and timestamp columns
evlog-looks-like-log = This looks like an event log (a case, an activity and a timestamp column).
evlog-mine-instead = Mine it as an event log…

## View > Measure against a log
evlog-measuring = Measuring against { $name }
evlog-measuring-now = Measuring…
evlog-measure-cancelled = Measuring cancelled
evlog-measured-status =
    Measured against { $log }: { $hidden ->
        [one] { $hidden } hidden handoff
       *[other] { $hidden } hidden handoffs
    }, { $unseen ->
        [one] { $unseen } unseen
       *[other] { $unseen } unseen
    }
evlog-measure-heading = Measured against a log
evlog-close-measure = Close the log check
evlog-measure-cases =
    { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    }, { $events ->
        [one] { $events } event
       *[other] { $events } events
    }
evlog-map-file = Activities matched by { $file }
evlog-legend-hidden = dashed: in the log, not drawn ({ $count })
evlog-legend-unseen = faded: drawn, never in the log ({ $count })
evlog-legend-unmapped = dashed card: activity on no touchpoint ({ $count })
evlog-legend-measured = measured from data (the inspector shows the source and period)
evlog-hidden = Hidden handoffs: { $count }
evlog-unseen = Unseen handoffs: { $count }
evlog-unmapped = Activities on no touchpoint: { $count }
evlog-unmapped-hint = Match them with an activity map (activity,touchpoint id per row), or add touchpoints of that name.
evlog-differences = Figures more than { $tolerance } off: { $count }
evlog-pair = { $from } to { $to }
evlog-pair-count = { $from } to { $to }: { $count }
evlog-activity-cases =
    { $name }: { $count ->
        [one] { $count } case
       *[other] { $count } cases
    }
evlog-diff-volume = volume drawn { $drawn }, measured { $measured }
evlog-diff-handling = handling drawn { $drawn }, measured { $measured }
evlog-diff-wait = queue drawn { $drawn }, measured { $measured }
evlog-apply = Apply measured figures
evlog-apply-tip = Volumes, handling and queue times from the log, each marked as measured with the log's period (one undo step)
evlog-undo-apply = Apply measured figures
evlog-again = Measure again
evlog-again-tip = Read the log again (after renaming touchpoints, or a newer log)
evlog-choose-map = Activity map…
evlog-choose-map-tip = A CSV of activity,touchpoint id rows, for activities named differently from their touchpoints
evlog-clear-map = Match by name

## Measured figures in the inspector
evlog-measured-mark = measured
evlog-source-line = { $figure }: { $source }
evlog-figure-volume = Volume
evlog-figure-handling = Handling time
evlog-figure-satisfaction = Satisfaction
evlog-figure-wait = Queue time
evlog-figure-transitions = Cases taking it

## The map (canvas and exports)
evlog-map-hidden = hidden: { $count }
evlog-map-not-on-map = In the log, on no touchpoint
evlog-map-unmapped-cases =
    { $count ->
        [one] { $count } case
       *[other] { $count } cases
    }
evlog-map-legend = Measured against { $log }

## Command line
evlog-cli-measure-drawn = note: --measure applies to svg, png, pdf, md and html; ignored for { $format }

## View > Measure against a log (more)
evlog-stale = The journey changed since it was measured: Measure again to follow it.
evlog-unlogged = Touchpoints not in the log: { $count }
