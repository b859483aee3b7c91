# App interface: menus, panels, dialogs, status bar (issue 20, UI side).

## Commands: menus, toolbar tooltips, command palette, shortcuts help

## Menus
menu-file = File
menu-edit = Edit
menu-view = View
menu-workshop = Workshop
menu-help = Help

## App: status line, window title, undo labels
title-not-saved = not saved
new-journey-title = New journey
new-stage-name = Stage { $n }
new-department-name = Department { $n }
status-opened = Opened { $path }
status-could-not-open = Could not open { $path }
status-saved = Saved { $path }
status-not-saved = Not saved: { $path }
status-new-journey = New journey: double-click an empty cell to add a touchpoint
status-settings-not-saved = Could not save settings: { $error }
status-opened-sample = Opened the bundled move-address journey
status-imported = Imported { $count } touchpoints (not saved yet)
status-restored = Restored
status-refused = { $what } refused: { $error }
status-undid = Undid: { $what }
status-nothing-to-undo = Nothing to undo
status-undo-failed = Undo failed: { $error }
status-redid = Redid: { $what }
status-nothing-to-redo = Nothing to redo
status-redo-failed = Redo failed: { $error }
status-copied = Copied { $count } touchpoint(s)
status-ui-scale = UI scale { $percent }%
status-nothing-pasted = Nothing pasted: { $error }
status-language = Language: { $name }
cmd-undo-what = Undo { $what }
cmd-redo-what = Redo { $what }
undo-delete-stage = Delete stage
undo-delete-department = Delete department
undo-cut = Cut { $count } touchpoint(s)
undo-add-touchpoint = Add touchpoint “{ $name }”
undo-delete-handoff = Delete handoff
undo-delete-touchpoints = Delete { $count } touchpoint(s)
undo-paste = Paste { $count } touchpoint(s)
undo-move-touchpoints = Move touchpoints
undo-add-stage = Add stage
undo-add-department = Add department
theme-system = Follow system
theme-light = Light
theme-dark = Dark
menu-language = Language

## Toolbar, status bar, left panel (gaps, structure), matrix view
tool-new = New
tool-open = Open
tool-save = Save
tool-undo = Undo
tool-redo = Redo
tool-add-touchpoint = + Touchpoint
tool-add-stage = + Stage
tool-add-department = + Department
tool-fit = Fit
tool-gaps = Gap overlay
tool-layers = Layers
tool-matrix = Matrix
tool-find = Find
tool-commands = Commands
tool-map-only = Map only
tool-more = More…
canvas-show-panels = Show panels (F9)
canvas-show-panels-tip = Bring back the menu, toolbar and panels
status-map-only = Map only: F9 brings the panels back
status-panels-back = Panels back
menu-backup-on-save = Keep a backup (.bak) on save
menu-backup-on-save-tip = Before each save, copy the previous version to NAME.journey.ron.bak
menu-recovered = Recovered journeys...
menu-open-recent = Open recent
menu-import = Import
menu-import-table = Table or diagram (CSV, Excel, Mermaid)…
menu-import-event-log = Event log (CSV, XES)…
menu-import-feedback = Survey answers (feedback)…
status-zoom = zoom { $percent }%
status-selected = { $count } selected
status-counts =
    { $touchpoints ->
        [one] { $touchpoints } touchpoint
       *[other] { $touchpoints } touchpoints
    } · { $handoffs ->
        [one] { $handoffs } handoff
       *[other] { $handoffs } handoffs
    }
status-unsaved = unsaved changes
status-saved-state = saved
tab-gaps = Gaps
tab-structure = Structure
headline-touchpoints = touchpoints
headline-internal-handoffs = internal handoffs
headline-cross-department-handoffs = cross-department handoffs
headline-elapsed = end-to-end elapsed time
headline-mean-satisfaction = mean satisfaction
headline-gaps-found = gaps found
gaps-ranked = Ranked gaps
gaps-none = No gaps found.
structure-stages = Stages
structure-stage-name = Stage { $n } name
undo-rename-stage = Rename stage
structure-up = Up
structure-down = Down
structure-move-left = Move left
structure-move-right = Move right
structure-move-up = Move up
structure-move-down = Move down
undo-move-stage = Move stage
structure-delete-stage-named = Delete stage { $name }
structure-add-stage = + Add stage
structure-departments = Departments (swimlanes)
undo-recolour-department = Recolour department
structure-department-name = Department { $n } name
undo-rename-department = Rename department
undo-move-department = Move department
structure-delete-department-named = Delete department { $name }
structure-customer-lane-stays = The Customer lane always exists
structure-add-department = + Add department
structure-lanes = Lanes
lanes-departments = Departments
lanes-layers = Blueprint layers
matrix-back = Back to the map
matrix-explain = Each row hands off to each column. Off the diagonal: the journey crosses a department boundary.
matrix-corner = from \ to
matrix-cell =
    { $from } to { $to }: { $count ->
        [one] { $count } handoff
       *[other] { $count } handoffs
    }
matrix-cell-tip = { $cell }, queue { $queue }
matrix-cell-tip-failure = { $cell }, queue { $queue }, failure { $failure }%

## Commands: menus, toolbar tooltips, command palette, shortcuts help
cmd-new = New journey
cmd-open = Open…
cmd-import = Import…
cmd-export = Export…
cmd-save = Save
cmd-save-as = Save as…
cmd-open-sample = Open the move-address sample
cmd-quit = Quit
cmd-undo = Undo
cmd-redo = Redo
cmd-cut = Cut
cmd-copy = Copy
cmd-paste = Paste
cmd-duplicate = Duplicate
cmd-delete = Delete
cmd-select-all = Select all
cmd-clear-selection = Clear selection
cmd-rename = Rename touchpoint
cmd-add-touchpoint = Add touchpoint
cmd-add-stage = Add stage
cmd-add-department = Add department
cmd-move-left = Move to previous stage
cmd-move-right = Move to next stage
cmd-move-up = Move to lane above
cmd-move-down = Move to lane below
cmd-fit = Fit journey to window
cmd-zoom-in = Zoom in
cmd-zoom-out = Zoom out
cmd-zoom-reset = Zoom 100%
cmd-toggle-gaps = Gap overlay
cmd-toggle-lane-mode = Blueprint layers (instead of departments)
cmd-toggle-matrix = Department handoff matrix
cmd-toggle-minimap = Minimap
cmd-toggle-left-panel = Gaps and structure panel
cmd-toggle-inspector = Inspector panel
cmd-map-only = Map only (whole window)
cmd-search = Find touchpoint…
cmd-palette = Command palette…
cmd-full-screen = Full screen
cmd-ui-scale-up = Larger UI (projector)
cmd-ui-scale-down = Smaller UI
cmd-ui-scale-reset = Normal UI size
cmd-theme-system = Theme: follow system
cmd-theme-light = Theme: light
cmd-theme-dark = Theme: dark
cmd-shortcuts = Keyboard shortcuts
cmd-about = About Touchpoint
cmd-present = Present
cmd-add-note = Add sticky note
cmd-add-action = Add improvement action
cmd-toggle-war-room-panel = Notes and actions panel
cmd-toggle-notes = Show notes on the map
cmd-department-focus = Department focus: next department
cmd-toggle-timer = Session timer
cmd-save-as-to-be = Save as to-be…
cmd-compare = Compare as-is / to-be…
cmd-export-comparison = Export comparison…
cmd-portfolio = Journey portfolio…

## Dialogs: unsaved changes, load errors, delete stage/department, shortcuts, about, file pickers
picker-open-journey = Open journey
picker-save-journey = Save journey
picker-journey = Journey
picker-all-files = All files
picker-folder = Open a folder of journeys
picker-export = Export
picker-import = Import
picker-csv-mermaid = CSV, Excel or Mermaid
dialog-unsaved = Unsaved changes
dialog-unsaved-question = “{ $title }” has changes that are not saved. Save them first?
button-save = Save
button-discard = Discard
button-cancel = Cancel
button-ok = OK
button-close = Close
dialog-load-error = Could not open the journey
dialog-delete-stage = Delete stage “{ $name }”
dialog-delete-stage-move = { $count } touchpoint(s) are in this stage. Move them to:
dialog-no-stage = (no stage)
dialog-move-touchpoints-to = Move touchpoints to
dialog-delete-department = Delete department “{ $name }”
dialog-delete-department-move = { $count } touchpoint(s) are owned by it. Give them to:
dialog-no-owner = (no owner)
dialog-new-owner = New owner
about-version = Version { $version }
about-text = Customer-journey mapping across departments: see where the journey breaks between them.
shortcut-or = { "  or  " }
gesture-1-keys = Wheel / pinch
gesture-1-what = Zoom around the cursor
gesture-2-keys = Drag empty space / middle-drag
gesture-2-what = Pan
gesture-3-keys = Shift+drag empty space
gesture-3-what = Rubber-band selection
gesture-4-keys = Click / Shift+click / Ctrl+click
gesture-4-what = Select / add to selection / toggle
gesture-5-keys = Double-click empty cell
gesture-5-what = Add a touchpoint there and type its name
gesture-6-keys = Double-click card
gesture-6-what = Rename
gesture-7-keys = Enter / Tab / Esc (while naming)
gesture-7-what = Confirm / confirm and add the next step / cancel
gesture-8-keys = Drag card
gesture-8-what = Move to another stage or department (drop inside its cell to reorder)
gesture-9-keys = Drag the round handle on the right edge of a card onto another
gesture-9-what = Add a handoff
gesture-10-keys = Click an arrow
gesture-10-what = Select the handoff; drag its end dot to reconnect

## Inspector: journey, touchpoint and handoff fields
insp-err-nonneg = { $what } must be a number >= 0, not “{ $text }”
insp-err-number = { $what } must be a number, not “{ $text }”
insp-err-count = { $what } must be a whole number >= 0, not “{ $text }”
insp-n-selected = { $count } touchpoints selected.
insp-title = Title
insp-owner = Owner
insp-variant = Variant
insp-journey-field = Journey { $field }
insp-new-outcome = New outcome
undo-edit-journey = Edit journey { $field }
insp-journey-counts =
    { $touchpoints ->
        [one] { $touchpoints } touchpoint
       *[other] { $touchpoints } touchpoints
    } · { $handoffs ->
        [one] { $handoffs } handoff
       *[other] { $handoffs } handoffs
    } · { $stages ->
        [one] { $stages } stage
       *[other] { $stages } stages
    } · { $departments ->
        [one] { $departments } department
       *[other] { $departments } departments
    }
undo-edit-field = Edit { $field }
insp-touchpoint-id = Touchpoint  ·  { $id }
insp-on-target = on target
insp-off-target = off target
insp-new-metric = New metric
insp-higher-better = >= higher is better
insp-lower-better = <= lower is better
insp-err-mean-range = Mean score must be between 0 and 10
insp-mean-from = mean { $mean } from { $count } responses
insp-handoffs-in-out = { $incoming } handoff(s) in · { $outgoing } out
insp-responses-scoring = Responses scoring { $score }
insp-err-too-large = That count is too large
insp-from-to = { $from }  to  { $to }
insp-from-to-crossing = { $from }  to  { $to }  (crosses a department boundary)
insp-err-failure-range = Failure rate must be between 0 and 100 %
undo-edit-handoff = Edit handoff { $field }
field-title = title
field-owner = owner
field-variant = variant
field-description = description
field-outcomes = outcomes
field-name = name
field-stage = stage
field-channel = channel
field-layer = layer
field-volume = volume
field-handling-time = handling time
field-metric = metric
field-metrics = metrics
field-satisfaction = satisfaction
field-pain-points = pain points
field-notes = notes
field-label = label
field-queue-time = queue time
field-failure-rate = failure rate
insp-heading = Inspector
insp-multi-hint = Drag them together, or press Delete, Ctrl+C, Ctrl+D.
insp-journey = Journey
insp-description = Description
insp-journey-description = Journey description
insp-outcomes = Outcomes
insp-outcome-name = Outcome name
insp-outcome-value = Outcome value
insp-outcome-unit = Outcome unit
insp-remove-outcome = Remove outcome
insp-add-outcome = + Outcome
insp-select-hint = Select a touchpoint or a handoff to see and edit all its fields.
insp-name = Name
insp-stage = Stage
insp-owner-label = Owner
insp-channel = Channel
insp-layer = Layer
insp-volume = Volume
insp-handling-min = Handling time (min)
insp-handling = Handling time
insp-metrics = Metrics
insp-metric-name = Metric name
insp-remove-metric = Remove this metric
insp-value = value
insp-metric-value = Metric value
insp-unit = unit
insp-metric-unit = Metric unit
insp-target = target
insp-metric-target = Metric target
insp-add-metric = + Add metric
insp-satisfaction = Satisfaction (0-10)
insp-sat-none = none
insp-sat-histogram = histogram
insp-sat-mean-only = mean only
insp-mean = mean
insp-mean-score = Mean score
insp-responses = Responses
insp-responses-lower = responses
insp-no-score-yet = No score until a mean is typed.
insp-pain-points = Pain points and evidence
insp-pain-point = Pain point
insp-remove = Remove
insp-add-pain-point = + Add pain point
insp-notes = Notes
insp-delete-touchpoint = Delete touchpoint
insp-score-histogram = Score histogram
insp-handoff = Handoff
insp-label = Label
insp-queue-hours = Queue time (hours)
insp-queue = Queue time
insp-failure-pct = Failure rate (%)
insp-failure = Failure rate
insp-handoff-notes = Handoff notes
insp-delete-handoff = Delete handoff

## War room side panel
warroom-notes-tab = Notes ({ $count })
warroom-actions-tab = Actions ({ $count })
warroom-heading = War room

## Command palette
palette-hint = Type a command
palette-name = Command

## Find touchpoint
search-matches = { $count } match(es)
search-hint = Touchpoint name
search-name = Find touchpoint

## Presentation mode
present-status = Presenting: Right or Page Down next stage, Left or Page Up back, Esc leaves
present-left = Left presentation mode
present-stage = Stage { $n } of { $total }: { $name }
present-whole = The whole journey · { $count } stages
present-owner = Journey owner: { $owner }
present-keys = Right / Page Down: next stage   Left / Page Up: back   1-9: department focus   0: all   N: note   Esc: leave
present-focus = Focus: { $name }
present-end-to-end = end to end
present-staff-handling = staff handling

## Session timer
timer-over = { $time } over
timer-left = { $time } left
timer-minutes = { $count } min
timer-spent-tip = Time spent on this agenda item
timer-pause = Pause
timer-start = Start
timer-reset = Reset
timer-hide = Hide the timer

## Handoff facts on the canvas (tooltip)
hover-from = From: { $name } ({ $owner })
hover-to = To: { $name } ({ $owner })
hover-queue = Queue: { $value }
hover-failure = Failure rate: { $value }
hover-not-recorded = not recorded
hover-label = Label: { $label }

## Clipboard errors
clip-too-large = the clipboard text is too large
clip-not-touchpoints = the clipboard does not hold touchpoints ({ $error })
clip-empty = the clipboard holds no touchpoints
clip-too-many = more than { $max } touchpoints
clip-invalid = invalid fragment

## Background jobs

## Canvas
canvas-name = Journey canvas
canvas-empty-hint = Double-click an empty cell to add a touchpoint
undo-reorder-touchpoint = Reorder touchpoint
undo-move-n = Move { $count } touchpoint(s)
undo-add-handoff = Add handoff
undo-reconnect-handoff = Reconnect handoff
canvas-new-name = New touchpoint name

## Sticky notes
undo-add-note = Add note on { $on }
note-colour = Colour: { $name }
colour-yellow = yellow
colour-pink = pink
colour-green = green
colour-blue = blue
colour-orange = orange
note-on = on { $on }
undo-edit-note = Edit note
undo-edit-note-author = Edit note author
undo-colour-note = Colour note
undo-delete-note = Delete note
note-empty = The note is empty
undo-note-to-pain = Note to pain point
undo-note-to-action = Note to action
note-add = ＋ Note
note-add-tip = Add a note to the selected touchpoint or handoff (N)
note-show-on-map = Show on map
note-author = Author
note-author-hint = name or department
note-none = No notes yet. Select a card and press N.
note-text-hint = What was said
note-text = Note text
note-author-lower = author
note-author-name = Note author
note-make-pain = Make pain point
note-make-pain-tip = Add the note's text to the touchpoint's pain points
note-make-pain-disabled = Only a note on a touchpoint becomes its pain point
note-make-action = Make action
note-make-action-tip = Turn the note into an improvement action
note-delete = Delete
note-text-hint-map = What was said (Esc when done)

## Improvement actions panel
undo-add-action = Add action on { $on }
actions-all-owners = All owners
actions-all = All
actions-count = { $shown } of { $total } action(s)
undo-edit-action = Edit action
undo-edit-action-owner = Edit action owner
undo-edit-action-due = Edit action due date
undo-set-action-status = Set action status
undo-delete-action = Delete action
actions-add = ＋ Action
actions-add-tip = Add an action on the selected touchpoint or handoff
actions-owner = Owner
actions-status = Status
actions-what-hint = What will be done
actions-action = Action
actions-owner-hint = owner
actions-action-owner = Action owner
actions-date-hint = YYYY-MM-DD
actions-due = Due date
actions-delete = Delete

## Department focus
focus-on = Focus on { $name } (0 shows every department)
focus-off = Department focus off
focus-waits =  · waits { $time }
focus-fail =  · { $share } fail
focus-window = Department focus: { $name }
focus-summary = Handling { $handling } · waits { $waits } for what it receives{ $satisfaction }
focus-satisfaction =  · satisfaction { $score }
focus-owns = Owns { $count } touchpoint(s)
focus-receives = Receives { $count } handoff(s)
focus-hands-off = Hands off { $count } handoff(s)
focus-boundary-gaps = Gaps at its boundaries: { $count }
focus-inside = Inside: { $count }
focus-all = All departments
undo-set-journey-owner = Set journey owner
focus-variant = variant: { $variant }
action-status-open = Open
action-status-in-progress = In progress
action-status-done = Done
focus-tip = Department focus (number keys 1-9, 0 for all)
focus-journey-owner = Journey owner
focus-owner-hint = accountable executive
focus-label = Focus

## Journey portfolio
pfui-cannot-read = Cannot read { $path }: { $error }
pfui-title = Journey portfolio
pfui-col-journey = Journey
pfui-col-owner = Owner
pfui-col-variant = Variant
pfui-col-touchpoints = Touchpoints
pfui-col-cross = Cross-dept handoffs
pfui-col-elapsed = Elapsed
pfui-col-satisfaction = Satisfaction
pfui-col-serious = Serious gaps
pfui-col-open-actions = Open actions
pfui-open-file = Open { $file }
pfui-unreadable = cannot be read: { $error }
pfui-open-folder = Open folder…
pfui-rescan = Rescan
pfui-empty = No *.journey.ron files in this folder.

## As-is / to-be comparison
cmp-comparing = Comparing with { $path }
undo-make-to-be = Make the to-be variant
cmp-saved-to-be = Saved the to-be variant as { $path }; Workshop > Compare shows it against the as-is
cmp-exported = Exported the comparison to { $path }
cmp-export-failed = Export failed
cmp-could-not-write = Could not write { $path }: { $error }
cmp-points = { $points } points
cmp-nothing = Nothing to compare: Workshop > Compare as-is / to-be… opens the other journey.
cmp-heading = As-is vs to-be
cmp-efficient = { $ratio }× as efficient
cmp-efficient-tip = The smaller of the staff-handling-time and elapsed-time ratios
cmp-as-is = As-is
cmp-to-be = To-be
cmp-figure = Figure
cmp-ratio = Ratio
cmp-tps-removed = { $count } touchpoint(s) removed
cmp-tps-added = { $count } touchpoint(s) added
cmp-handoffs-removed = { $count } handoff(s) removed
cmp-handoffs-added = { $count } handoff(s) added
# Big journeys: the figures computed in the background are not yet those of the last change.
status-updating = updating figures
status-updating-hint = The gap figures and badges are being recomputed for the last change.
gaps-updating = updating… (figures of the previous change)

## Recovery, changed-on-disk and save dialogs
rec-could-not-reload = Could not reload: { $error }
rec-still-open = Your version is still open.
rec-could-not-restore = Could not restore: { $error }
rec-file-stays = The recovery file stays where it is; `touchpoint recover --list` shows it.
rec-drops-comments = Saving drops the file's comments
rec-drops-comments-text =
    { $path } has { $count ->
        [one] { $count } comment
       *[other] { $count } comments
    } (the first on line { $line }). Touchpoint saves journeys in canonical form, which cannot keep comments.
rec-keeps-commented = Saving keeps the commented file as { $path }.
rec-read-only = The file is read-only
rec-read-only-text = { $path } is marked read-only. Overwrite it anyway? It stays read-only afterwards.
rec-heading = Recover unsaved work
rec-stopped-one = Touchpoint stopped before this journey was saved. Its last autosave is here:
rec-stopped-many = Touchpoint stopped before { $count } journeys were saved. Their last autosaves are here:
rec-autosaved = Autosaved { $when }
rec-from = From { $path }
rec-never-saved = Never saved to a file
rec-save-keep-bak = Save and keep a .bak
rec-save-as = Save As…
rec-cancel = Cancel
rec-overwrite = Overwrite
rec-could-not-save = Could not save
rec-ok = OK
rec-restore = Restore
rec-discard = Discard
rec-later = Decide later

## Changed on disk
rec-gone-text = { $path } was deleted or moved since you opened it.
rec-changed-text = { $path } was changed by someone else since you opened it.
rec-gone = The file is gone
rec-save-anyway = Save here anyway
rec-changed = The file changed on disk
rec-would-overwrite = Saving now would overwrite their changes.
rec-reload-theirs = Reload theirs
rec-reload = Reload
rec-keep-mine = Keep mine
rec-reload-note = Reload replaces your unsaved changes with the file on disk.

## File > Export… dialog
exp-format-svg = SVG drawing (.svg)
exp-format-png = PNG image (.png)
exp-format-pdf = PDF document (.pdf)
exp-format-csv = CSV tables (.csv)
exp-format-md = Markdown report (.md)
exp-format-html = HTML report (.html)
exp-format-mermaid = Mermaid journey (.mmd)
exp-format-dot = Graphviz DOT (.dot)
exp-exporting = Exporting { $path }
exp-all-tables = All three tables
exp-none = (none)
exp-folder = Folder: { $path }
exp-written = Written { $what }
exp-not-exported = Not exported: { $error }
exp-cancelled = Export cancelled; nothing written
exp-exported = Exported { $what }
exp-failed = Export failed: { $error }
exp-format = Format
exp-theme = Theme
exp-light = Light
exp-dark = Dark
exp-gaps = Gaps
exp-gap-badges = Gap badges on the map
exp-scale = Scale
exp-contents = Contents
exp-whole-report = Whole report (figures, gaps, matrix, departments, notes)
exp-paper = Paper
exp-pages = Pages
exp-auto = Auto
exp-fit-page = Fit on one page
exp-table = Table
exp-bom = Byte-order mark (older spreadsheets)
exp-compare = Compare with a to-be journey:
exp-choose = Choose…
exp-clear = Clear
exp-export-button = Export…
exp-export-tip = Choose where to write the file, then export
exp-preview = Preview
exp-text-format = A text format: no map
exp-updating = updating…
exp-drawing = Drawing the preview…
exp-drawing-job = Drawing the preview

## Import preview
imp-not-importable = { $path }: not a file Touchpoint can import (tables: .csv .tsv .txt .xlsx; Mermaid: .mmd .mermaid .md; event logs: .xes .xes.gz)
imp-assumed = Assumed: { $what }
imp-lines-not-read = Lines not (fully) read: { $count }
imp-file = file
imp-line = line { $line }
imp-title = Import preview
imp-cancelled = Import cancelled
imp-reading = Reading the file…
imp-updating = updating…
imp-columns = Columns
imp-header = Header
imp-first-value = First value
imp-read-as = Read as
imp-all-read = Every line was read.
imp-import = Import
imp-nothing-usable = Nothing usable yet: give a column the touchpoint name

cmp-handoff = { $from } -> { $to }
cmp-handoff-cross = { $from } -> { $to } (cross-department)

## Autosave problems and import jobs (issue 20)
rec-autosave-off-no-folder = autosave is off: no data folder was found
rec-autosave-off = autosave is off: { $error }
rec-autosave-failed = autosave failed: { $error }
imp-reading-file = Reading { $name }
pfui-outcomes = Outcomes: { $outcomes }
