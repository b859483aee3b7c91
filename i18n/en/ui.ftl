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
tool-zoom-reset-tip = Zoom 100% (Ctrl+0)
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
duration-days = { $days } days
duration-hours = { $hours } h
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
