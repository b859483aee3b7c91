# Key drivers and scenarios in the app and in the charts (issue 19).

## Commands
kd-cmd-key-drivers = Key drivers…
kd-cmd-scenarios = Scenarios

## The chart
kd-chart-title = Key drivers: { $title }
kd-chart-title-plain = Key drivers
kd-chart-act = Act here: high importance, low score
kd-chart-maintain = Maintain: high importance, high score
kd-chart-monitor = Monitor: low importance, low score
kd-chart-secondary = Secondary: low importance, high score
kd-chart-x-axis = Mean score of the touchpoint (0-10)
kd-chart-y-axis = Importance (share of the explained variance)
kd-chart-empty = No key-driver results yet
kd-chart-format = the chart cannot be written as { $format }; use .svg, .png or .pdf
kd-chart-extension = { $path }: the chart is written as .svg, .png or .pdf; name the file with one of these
kd-chart-nothing = no chart: the answers supported no model (see the notes)
kd-chart-written = chart written to { $path }
kd-chart-exported = Chart exported to { $path }

## The scenario on the map
kd-overlay-add = { $points } points
kd-overlay-target = target { $mean }
kd-overlay-cut = wait -{ $percent }%
kd-overlay-struck = struck out
kd-overlay-merged = merged
kd-overlay-handling = { $minutes } min handling

## The Drivers view
kd-title = Key drivers
kd-answers = Answers (CSV or Excel):
kd-answers-hint = one row per customer: a score per touchpoint, overall, outcome
kd-choose-file = Choose file…
kd-fit = Analyse
kd-no-file = Choose the file of respondent answers first
kd-fitting = Analysing { $file }…
kd-fit-cancelled = Key-driver analysis cancelled
kd-detect = found by its header
kd-detected = { $column } (found)
kd-col-overall = Overall:
kd-col-outcome = Outcome:
kd-col-segment = Segment:
kd-segment-value = Respondents:
kd-all-respondents = all respondents
kd-intro = Choose a file of respondent answers (one row per customer, a 0-10 score column per touchpoint named by its id or name, an overall score and optionally an outcome such as renewed). The analysis shows which touchpoints drive satisfaction and where to act first.
kd-open-scenarios = Scenario panel…
kd-export-chart = Export chart…
kd-undo-results = Key-driver results from { $file }
kd-overall-summary = Overall score ({ $column }): R² { $r2 }, { $used } of { $total } respondents used, mean { $mean }
kd-outcome-summary = Outcome ({ $column }): pseudo-R² { $r2 }, rate { $rate }, { $used } of { $total } respondents used
kd-imputed = { $share } of the touchpoint answers were blank and filled with the touchpoint's mean
kd-col-vif = VIF
kd-vif-high = Moves together with other touchpoints (variance inflation above 5): its coefficient is unstable and its importance shared
kd-select-on-map = Select its card on the map
kd-point-tip = { $name }: importance { $importance }, mean score { $mean }
kd-note-cannot = Cannot conclude:
kd-note-warning = Warning:
kd-note-info = Note:
kd-problems = { $count } problems reading the file
kd-more-problems = … and { $count } more
kd-saved-summary = Saved results from { $file } ({ $column }): { $respondents } respondents, R² { $r2 }
kd-saved-hint = Intervals, the outcome and the scenarios' predictions need the answers: choose the file and analyse it again.

## The Scenario panel
kd-scenario-heading = Scenario
kd-scenario-name = Name:
kd-scenario-name-hint = e.g. Fix the final read
kd-save-scenario = Save scenario
kd-new-scenario = New
kd-scenario-needs-name = Name the scenario before saving it
kd-scenario-exists = There is already a scenario named “{ $name }”
kd-undo-save-scenario = Save scenario “{ $name }”
kd-undo-delete-scenario = Delete scenario “{ $name }”
kd-undo-rename-scenario = Rename scenario “{ $old }” to “{ $new }”
kd-figures = Before and after
kd-updating = updating…
kd-evaluating = Evaluating the scenario…
kd-points = { $points } points
kd-pp = { $points } pp
kd-saved-lift = Overall score: { $points } points (from the saved coefficients)
kd-saved-lift-hint = Without the answers there is no interval and no outcome rate: analyse the answers in the Drivers view.
kd-saved-lift-row = overall score change (saved coefficients)
kd-targets = Target scores
kd-targets-hint = Drag a touchpoint's target mean score; most important first.
kd-targets-none = No key-driver results: analyse respondent answers (View > Key drivers…) to set target scores.
kd-target-tip = Mean score now: { $mean }
kd-show-all = Show all { $count }
kd-handoffs = Handoffs
kd-no-handoffs = The journey has no handoffs.
kd-pick-handoff = choose a handoff (or select one on the map)
kd-handoff-name = { $from } to { $to }
kd-handoff-wait = { $handoff } (wait { $wait })
kd-cut-wait = cut the wait
kd-wait-now = wait { $before }, after the cut { $after }
kd-strike = Strike this handoff out
kd-strike-tip = The next step is done within this one: the two touchpoints merge, the wait and the failures go
kd-changes = Changes ({ $count })
kd-remove-change = Remove this change
kd-saved-scenarios = Saved scenarios ({ $count })
kd-no-saved = None yet: name the scenario and save it.
kd-change-count = { $count } changes
kd-open-scenario = Load
kd-rename-scenario = Rename
kd-rename-ok = OK
kd-delete-scenario = Delete
kd-compare-scenarios = Compare saved scenarios
kd-as-is = as it is

## Reports
kd-doc-heading = Key drivers
kd-doc-summary = From { $file } ({ $column }): { $respondents } respondents, R² { $r2 }. Importance is each touchpoint's share of the explained variance; the coefficient is points of the overall score per point of the touchpoint's score.
kd-doc-act-first = Act first (high importance, low score): { $touchpoints }
kd-doc-scenarios = Scenarios
kd-doc-no-changes = no changes
kd-doc-note = Note
kd-choose-columns = Choose the columns below: the overall score, and the outcome and segment if there are any.
