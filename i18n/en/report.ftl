# Reports: `touchpoint analyze` and `touchpoint diff` (src/report/analyze.rs), the
# Markdown/HTML/PDF report (src/report/document.rs, src/export/report_pdf.rs).

## analyze: text and Markdown
an-and-more = ... and { $count } more
an-list-separator = { ", " }
an-list-separator-long = { "; " }
an-title-variant = { $title } ({ $variant })
an-drop = { $from } -> { $to } ({ $before } -> { $after })
an-path-longest = { $elapsed } along the longest path ({ $touchpoints } touchpoints, { $handoffs } handoffs, { $cross } cross-department, { $changes } department changes; handling { $handling }, queue { $queue })
an-path-typical = { $elapsed } along the typical path ({ $touchpoints } touchpoints, { $handoffs } handoffs, { $cross } cross-department, { $changes } department changes; handling { $handling }, queue { $queue })
an-touchpoints = Touchpoints
an-handoffs = Handoffs
an-handoffs-value = { $handoffs } ({ $customer } customer { $customer ->
    [one] interaction
   *[other] interactions
}, { $internal } internal)
an-cross-department = Cross-department
an-cross-department-value = { $cross } of { $internal } internal handoffs ({ $internal_share }); { $cross } of { $handoffs } handoffs in all
an-departments-involved = Departments involved
an-handling-time = Handling time
an-handling-time-value = { $hours } (all touchpoints)
an-elapsed-time = Elapsed time
an-typical-path = Typical path
an-silent = Customer hears nothing
an-silent-value = { $handoffs } internal handoffs in a row ({ $hours }) on the typical path
an-paths = Paths
an-paths-value = { $count } from { $entries } { $entries ->
    [one] entry
   *[other] entries
} to { $ends } { $ends ->
    [one] end
   *[other] ends
}
an-paths-saturated = more than 1.8 x 10^19
an-mean-satisfaction = Mean satisfaction
an-mean-satisfaction-value = { $mean } ({ $scored } of { $touchpoints } touchpoints scored, { $responses } responses)
an-mean-satisfaction-detractors = { $mean } ({ $scored } of { $touchpoints } touchpoints scored, { $responses } responses, { $detractors } detractors)
an-no-scores = no scores
an-funnel = Funnel
an-funnel-end = , { $share } reach the end
an-funnel-holds = the volume holds from { $base }{ $end }
an-funnel-conversion = conversion { $share } ({ $converted } of { $base }){ $end }
an-gaps = Gaps
an-gaps-none = none
an-severity-count = { $count } { $severity }
an-matrix-title = Handoff matrix (rows: from department, columns: to department; handoff counts)
an-between-title = Between departments (handoffs, summed queue, mean failure rate)
an-between-line = { $from } -> { $to }: { $count }{ $queue }{ $failure }
an-between-queue = , { $hours } queue
an-between-failure = , { $share } failure
an-more-pairs = ... and { $count } more department pairs
an-top-gaps = Top gaps
an-more-gaps = ... and { $count } more (use --format markdown or json for all)
an-watermelons = Watermelons
an-split-opinions = Split opinions
an-drops = Satisfaction drops
an-hot-spots = Hot spots
an-rework-loops = Rework loops
an-no-owner = No owner
an-unmeasured = Unmeasured
an-no-score = No score
an-no-stage = No stage
an-unreachable = Unreachable
an-disconnected = Disconnected
an-dead-ends = Dead ends
an-idle-departments = Departments owning nothing
an-md-title = Gap analysis: { $title }
an-md-figure = Figure
an-md-value = Value
an-md-matrix = Handoff matrix
an-md-matrix-about = Rows: from department; columns: to department. Each cell: handoffs / summed queue / mean failure rate.
an-md-from-to = from \ to
an-md-severity = Severity
an-md-kind = Kind
an-md-gap = Gap
an-md-more-gaps = ... and { $count } more gaps.
an-md-emotion-curve = Emotion curve
an-md-touchpoint = Touchpoint
an-md-mean = Mean
an-md-responses = Responses
an-md-detractors = Detractors
an-md-flags = Flags
an-md-funnel = Funnel (typical path)
an-md-volume = Volume
an-md-drop-off = Drop-off
an-md-of-first = Of first
an-md-of-base = Of base
an-md-base = (base)
an-md-converted = (converted)
an-md-completeness = Completeness
an-md-unmeasured = Unmeasured (no metric with a target)
an-md-nothing-missing = Nothing missing.

## diff
an-diff-as-is = as-is
an-diff-to-be = to-be
an-diff-ratio = ratio
an-diff-row = { $label }: { $value }
an-md-as-is = As-is
an-md-to-be = To-be
an-md-ratio = Ratio (as-is / to-be)
an-md-changes = Changes
an-tp-removed = Touchpoints removed ({ $count })
an-tp-added = Touchpoints added ({ $count })
an-tp-changed = Touchpoints changed ({ $count })
an-ho-removed = Handoffs removed ({ $count })
an-ho-added = Handoffs added ({ $count })
an-ho-changed = Handoffs changed ({ $count })
an-tp-unchanged = Touchpoints unchanged: { $count }
figure-touchpoints = Touchpoints
figure-handoffs = Handoffs
figure-internal-handoffs = Internal handoffs
figure-cross-department-handoffs = Cross-department handoffs
figure-handling-hours = Handling time
figure-elapsed-hours = Elapsed time (longest path)
figure-mean-satisfaction = Mean satisfaction

## The Markdown/HTML/PDF report (src/report/document.rs)
doc-and-more = and { $count } more
doc-touchpoints = Touchpoints
doc-handoffs = Handoffs
doc-handoffs-value = { $handoffs } ({ $customer } with the customer, { $internal } internal)
doc-cross-department = Cross-department handoffs
doc-cross-department-value = { $cross } of { $internal } internal ({ $share })
doc-departments-involved = Departments involved
doc-elapsed = Elapsed time, end to end
doc-elapsed-value = { $hours } (longest path, { $handoffs } { $handoffs ->
    [one] handoff
   *[other] handoffs
})
doc-elapsed-typical = Elapsed time, typical path
doc-handling = Staff handling time
doc-queue = Queue time (all handoffs)
doc-mean = Mean satisfaction (0-10)
doc-mean-value = { $mean } ({ $scored } scored touchpoints, { $responses } responses)
doc-mean-value-detractors = { $mean } ({ $scored } scored touchpoints, { $responses } responses, { $detractors } detractors)
doc-watermelons = Watermelons
doc-split-opinions = Split opinions
doc-drops = Satisfaction drops
doc-hot-spots = Hot spots (low score, high volume)
doc-rework-loops = Rework loops
doc-gaps = Gaps
doc-gaps-value = { $critical } critical, { $high } high, { $medium } medium, { $low } low, { $info } info
doc-no-gaps = No gaps found.
doc-col-severity = Severity
doc-col-gap = Gap
doc-col-where = Where (owners)
doc-col-why = Why it matters
doc-more-gaps = And { $count } more gaps of lower rank (see `touchpoint analyze`).
doc-no-handoffs = No handoffs.
doc-from-to = from \ to
doc-matrix-about = Rows: the department handing off; columns: the department receiving. Each cell: handoffs (summed queue time). Off the diagonal, the work crosses a department boundary.
doc-owns = Owns
doc-owns-nothing = no touchpoint
doc-owns-value = { $count } { $count ->
    [one] touchpoint
   *[other] touchpoints
}: { $names }
doc-department-queue = { $department } ({ $count }, { $hours } queue)
doc-department-count = { $department } ({ $count })
doc-hands-off = Hands off
doc-hands-off-nothing = nothing to other departments
doc-hands-off-value = { $count } { $count ->
    [one] handoff
   *[other] handoffs
} to other departments: { $departments }
doc-receives = Receives
doc-receives-nothing = nothing from other departments
doc-receives-value = { $count } { $count ->
    [one] handoff
   *[other] handoffs
} from other departments: { $departments }
doc-suffer = Where customers suffer
doc-suffer-nothing = no low score or flag
doc-mean-of = mean { $mean }
doc-gaps-involved = Gaps involved in
doc-gaps-involved-value = { $count } ({ $serious } high or critical)
doc-score-from = Score from
doc-trend = Trend
doc-trend-worse = { $points }, getting worse
doc-col-theme = Theme
doc-col-comments = Comments
doc-col-detractors = Detractors
doc-col-promoters = Promoters
doc-col-quotes = Quotes
doc-times-less = { $ratio } times less
doc-times-more = { $ratio } times more
doc-compare-titles = As-is: { $as_is }. To-be: { $to_be }.
doc-col-figure = Figure
doc-col-value = Value
doc-col-as-is = As-is
doc-col-to-be = To-be
doc-col-change = Change
doc-tp-changed = Touchpoints changed
doc-tp-changed-value = { $changed }; { $unchanged } unchanged
doc-handoffs-changes = { $removed } removed, { $added } added, { $changed } changed
doc-to-be-map = To-be map
doc-whole-journey = The whole journey
doc-status-Open = Open
doc-status-InProgress = In progress
doc-status-Done = Done
doc-workshop = Workshop notes and actions
doc-notes = Notes ({ $count })
doc-actions = Actions ({ $count })
doc-col-note = Note
doc-col-author = Author
doc-col-on = On
doc-col-action = Action
doc-col-owner = Owner
doc-col-due = Due
doc-col-status = Status
doc-journey-owner = Journey owner
doc-journey-owner-nobody = nobody owns the whole journey
doc-exported = Exported
doc-headline = Headline figures
doc-journey-map = Journey map
doc-gaps-worst-first = Gaps, worst first
doc-matrix = Handoff matrix
doc-departments = Departments
doc-voice = Voice of the customer
doc-as-is-vs-to-be = As-is vs to-be
doc-map-full-size = Show the map at full size
doc-map-fit = Fit the map to the page
doc-page-of = Page { $page } of { $pages }

## The PDF report (src/export/report_pdf.rs)
pdf-map-next-page = { $pages ->
    [one] The map on the next page.
   *[other] The map on the next pages.
}
pdf-to-be-map-next-page = { $pages ->
    [one] The to-be map on the next page.
   *[other] The to-be map on the next pages.
}

## What an export wrote (the command line prints it after the file name)
export-summary-svg = { $touchpoints } touchpoints, { $handoffs } handoffs, { $width } x { $height } pt
export-summary-png = { $width } x { $height } px
export-summary-png-reduced = { " " }(scale reduced to { $scale } to stay within { $side } px a side and { $megapixels } megapixels)
export-summary-pdf = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} { $paper } landscape, scale { $scale }%
export-summary-report = { $touchpoints } touchpoints, { $gaps } gaps
export-summary-report-compared = { $touchpoints } touchpoints, { $gaps } gaps, compared with the to-be
export-summary-report-pages = { $summary }; { $pages } pages
export-summary-touchpoints = { $count } touchpoints
export-summary-handoffs = { $count } handoffs
export-summary-matrix = department x department handoff matrix
export-summary-tasks = { $count } tasks
export-summary-dot = { $nodes } nodes, { $edges } edges

## The journey portfolio (src/portfolio.rs)
pf-files = { $count } journey file(s)
pf-owner = owner: { $owner }
pf-figures = { $touchpoints } touchpoints, { $cross } cross-department handoffs, elapsed { $elapsed }, satisfaction { $satisfaction }, { $gaps } serious gaps, { $actions } open actions
pf-outcomes = outcomes: { $outcomes }
pf-unreadable = { $file }: cannot be read: { $error }
pf-md-title = Journey portfolio
pf-md-journey = Journey
pf-md-owner = Owner
pf-md-variant = Variant
pf-md-touchpoints = Touchpoints
pf-md-cross = Cross-department handoffs
pf-md-elapsed = Elapsed
pf-md-satisfaction = Satisfaction
pf-md-gaps = Serious gaps
pf-md-actions = Open actions
pf-md-outcomes = Outcomes
pf-md-unreadable = cannot be read: { $error }

## touchpoint drivers (key-driver analysis: the report and its notes)
drv-title = Key drivers of { $title } ({ $respondents } respondents in { $file })
drv-title-md = Key drivers: { $title }
drv-respondents-md = { $respondents } respondents in `{ $file }`
drv-overall = Overall `{ $column }`: mean { $mean }, R^2 { $r2 }, { $respondents } respondents
drv-outcome = Outcome `{ $column }`: rate { $rate }, pseudo-R^2 { $r2 }, { $respondents } respondents
drv-col-rank = rank
drv-col-touchpoint = touchpoint
drv-col-importance = importance
drv-col-interval = interval
drv-col-odds-ratio = odds ratio
drv-col-coefficient = coefficient
drv-col-mean = mean
drv-col-quadrant = quadrant
drv-quadrant-act = act
drv-quadrant-maintain = maintain
drv-quadrant-monitor = monitor
drv-quadrant-secondary = secondary
drv-act-first = Act first (high importance, low score): { $touchpoints }
drv-left-out = left out: { $touchpoint }: { $reason }
drv-note-cannot = cannot conclude: { $text }
drv-note-warning = warning: { $text }
drv-note-info = note: { $text }
drv-segment = Segment `{ $segment }` ({ $respondents } respondents)
drv-label-overall = the overall score
drv-label-outcome = the outcome
drv-yes = yes
drv-no = no
drv-n-few = { $label }: { $n } respondents for { $p } touchpoints is fewer than { $min } per touchpoint; treat the ranking as a hint, not a conclusion
drv-collinear = { $label }: collinearity: { $list } move together with other touchpoints (variance inflation above { $vif }); their coefficients are unstable and their importance is shared with the touchpoints they move with
drv-too-few = { $label }: { $n } { $n ->
        [one] respondent
       *[other] respondents
    } for { $p } { $p ->
        [one] touchpoint
       *[other] touchpoints
    }: a model needs at least { $need } respondents, so no conclusion can be drawn
drv-same-answer = { $label }: every respondent gave the same answer, so there is nothing to explain
drv-inseparable = { $label }: the touchpoint scores cannot be separated from each other
drv-explain-none-r2 = { $label }: the touchpoint scores explain none of it (R^2 = 0)
drv-same-outcome-all = { $label }: all { $answers } respondents have the same outcome ({ $value }), so nothing can explain it
drv-same-outcome-used = { $label }: every respondent used has the same outcome, so nothing can explain it
drv-inseparable-outcome = { $label }: the touchpoint scores cannot be separated from each other for this outcome
drv-separation = { $label }: the scores predict the outcome perfectly (complete separation), so odds ratios and importances would be infinite; more respondents are needed
drv-explain-none = { $label }: the touchpoint scores explain none of it
drv-excl-unscored = no respondent with an answer for { $label } scored it
drv-excl-constant = every answer is { $score }: a touchpoint without variance cannot explain { $label }
drv-listwise = { $label }: { $dropped } of { $total } respondents left out because they left a touchpoint blank (listwise)
drv-excl-no-variance-used = its answers do not vary among the respondents used for { $label }
drv-none-vary = { $label }: no touchpoint has answers that vary, so nothing can explain it
drv-excl-no-variance = its answers do not vary
drv-excl-collinear = its answers are an exact combination of { $others } (perfectly collinear): the data cannot tell them apart
drv-other-touchpoints = other touchpoints
drv-imputed = { $label }: { $share } of the touchpoint answers were blank and filled with the touchpoint's mean
drv-imputed-most = { $label }: more than half of the touchpoint answers were filled in; the importances mostly reflect who answered, not how
drv-not-in-model = `{ $id }` is not in the fitted models (no respondent column, or left out): changing its score predicts nothing

## touchpoint whatif (scenarios)
wif-add-score = { $touchpoint } { $points } points
wif-set-score = { $touchpoint } mean = { $mean }
wif-cut-wait = cut the wait { $from } -> { $to } by { $percent }%
wif-remove-handoff = remove the handoff { $from } -> { $to }
wif-merge = merge { $from } into { $into }
wif-set-handling = { $touchpoint } handling { $minutes } min
wif-merge-itself = cannot merge `{ $touchpoint }` into itself
wif-not-in-journey = `{ $touchpoint }` is not in the journey
wif-no-handoff = there is no handoff { $from } -> { $to }
wif-skipped = { $change }: skipped, { $error }
wif-needs-responses = score changes need respondent answers (RESPONSES) to predict overall satisfaction and the outcome
wif-command-line = command line
wif-range = { $value } ({ $low } to { $high })
wif-row-overall = overall satisfaction
wif-row-outcome = outcome rate
wif-row-elapsed-critical = elapsed time (critical path)
wif-row-elapsed-typical = elapsed time (typical path)
wif-row-handling = staff handling time
wif-row-touchpoints = touchpoints
wif-row-handoffs = handoffs
wif-row-cross = cross-department handoffs
wif-figure = figure
wif-before = before
wif-after = after
wif-ratio = ratio
wif-scenario = Scenario "{ $name }": { $changes }
wif-scenario-md = Scenario: { $name }
wif-note = note: { $text }

## touchpoint feedback (survey answers and comments)
fb-na = n/a
fb-none = none
fb-summary = { $rows } rows, { $matched } matched to a touchpoint, { $unmatched } not matched; { $responses } usable answers
fb-sentence = { $text }.
fb-scale = { $file }: scale { $scale }
fb-scale-detected = { $file }: scale { $scale } (detected)
fb-scale-stars = stars
fb-figures = { $responses } responses, mean { $mean } (was { $was }), NPS { $nps }, { $comments } comments
fb-theme-figures = { $count } comments, { $detractors } from detractors, { $promoters } from promoters
fb-theme = theme { $terms }: { $figures }
fb-trend-point = { $period } { $mean } ({ $responses })
fb-trend = trend: { $points }
fb-trend-md = Trend: { $points }
fb-getting-worse = getting worse
fb-not-matched-heading = Not matched to a touchpoint:
fb-no-touchpoint = (no touchpoint)
fb-and-more = ... and { $count } more
fb-problems-heading = Problems:
fb-md-title = Feedback
fb-md-not-matched = Not matched
fb-md-problems = Problems
fb-col-touchpoint = Touchpoint
fb-col-responses = Responses
fb-col-mean = Mean
fb-col-was = Was
fb-col-nps = NPS
fb-col-comments = Comments

## touchpoint mine (process mining of an event log)
mine-title = Mined journey: { $file }
mine-cases = { $cases } cases, { $events } events
mine-cases-period = { $cases } cases, { $events } events, { $from } to { $to }
mine-elapsed = Elapsed time per case: median { $median }, p90 { $p90 }
mine-activities = Activities (in journey order)
mine-handoffs = Handoffs taken by { $share }% of cases or more ({ $kept } of { $total })
mine-paths = Top paths ({ $distinct } distinct)
mine-paths-over = Top paths ({ $distinct } distinct, { $over } cases over the limits)
mine-ends = Where cases end
mine-none = (none)
mine-col-activity = activity
mine-col-department = department
mine-col-cases = cases
mine-col-events = events
mine-col-handling-median = handling median
mine-col-p90 = p90
mine-col-rework-cases = rework cases
mine-col-handoff = handoff
mine-col-count = count
mine-col-wait-median = wait median
mine-col-share = share
mine-col-elapsed-median = elapsed median
mine-col-path = path
mine-col-last-activity = last activity

## touchpoint measure (the drawn journey against an event log)
meas-title = { $journey } measured against { $file }
meas-hidden = Hidden handoffs: in the log, not on the map ({ $count })
meas-unseen = Unseen handoffs: on the map, never in the log ({ $count })
meas-unmapped = Activities on no touchpoint ({ $count })
meas-unlogged = Touchpoints the log does not record ({ $count })
meas-touchpoints-off = Touchpoints more than { $tolerance }% off ({ $count })
meas-handoffs-off = Handoffs more than { $tolerance }% off ({ $count })
meas-col-handoff = handoff
meas-col-count = count
meas-col-activity = activity
meas-col-cases = cases
meas-col-touchpoint = touchpoint
meas-col-name = name
meas-col-drawn-volume = drawn volume
meas-col-measured = measured
meas-col-drawn-handling = drawn handling
meas-col-drawn-wait = drawn wait
meas-col-off = off
meas-off-volume = volume
meas-off-handling = handling
meas-off-wait = wait
wif-parse-not-number = `{ $value }` is not a number (in `{ $change }`)
wif-parse-not-id = `{ $value }` is not a touchpoint id (in `{ $change }`)
wif-parse-expected = expected { $form }, not `{ $change }`
wif-parse-expected-set = expected TOUCHPOINT+POINTS, TOUCHPOINT-POINTS or TOUCHPOINT=MEAN, not `{ $change }`
