# Core messages: the language's name, counts, gap kinds and their explanations,
# severity names, load errors. Owned by the i18n/UI side (issue 20).

# The language's own name, shown in View > Language.
language-name = English

n-touchpoints = { $count ->
    [one] { $count } touchpoint
   *[other] { $count } touchpoints
}
n-handoffs = { $count ->
    [one] { $count } handoff
   *[other] { $count } handoffs
}

## Gap explanations (one line each; names and numbers are variables)
gap-no-owner-name = no owner
gap-list-sep = { ", " }
gap-part-queue = { $time } queue
gap-part-loss = { $share } information loss
gap-part-drop = satisfaction drops { $before } -> { $after }
gap-cross-department = { $from_owner } -> { $to_owner }: { $what } ({ $from } -> { $to })
gap-satisfaction-drop = { $from } -> { $to }: satisfaction drops { $before } -> { $after } ({ $owner })
gap-overall-satisfaction = overall satisfaction
gap-quoted = "{ $text }"
gap-key-driver = { $name } ({ $owner }): key driver, { $share } of what explains { $what } ({ $respondents } respondents), mean { $mean } against { $average } on average: fixing it moves { $what } most
gap-part-satisfaction = satisfaction { $score }
gap-part-detractors = { $share } detractors
gap-watermelon = { $name } ({ $owner }): every target met ({ $metrics }) but { $said }
gap-split-opinion = { $name } ({ $owner }): split opinion, { $low } score 0-3 and { $high } score 7-10; the mean { $mean } hides two groups
gap-hot-spot = { $name } ({ $owner }): mean { $mean } over { $volume } customers, about { $dissatisfied } dissatisfied
gap-getting-worse = { $name } ({ $owner }): getting worse, mean { $first } in { $first_period } -> { $last } in { $last_period } ({ $first_answers } and { $last_answers } answers)
gap-loop-more = ... ({ $count } touchpoints)
gap-loop-back = ; { $from } goes back to { $to }
gap-rework-loop = Rework loop through { $names } ({ $owners }){ $back }
gap-silent-wait = The customer hears nothing for { $count } internal handoffs ({ $time }) from { $from } to { $to }
gap-no-owner-visible = { $name }: no department owns it although customers meet it
gap-no-owner = { $name }: no department owns it
gap-unmeasured-hands-over = { $name } ({ $owner }): not measured (no metric with a target), yet it hands work to another department
gap-unmeasured = { $name } ({ $owner }): not measured (no metric with a target)
gap-unreachable = { $name }: no path from the start of the journey reaches it
gap-disconnected = { $name }: no handoff arrives or leaves
gap-dead-end = { $name }: work arrives here and goes nowhere before the journey's last stage
gap-idle-department = { $name }: owns no touchpoint

## Gap kinds (short labels)
gap-kind-cross-department-handoff = cross-department handoff
gap-kind-satisfaction-drop = satisfaction drop
gap-kind-watermelon = watermelon
gap-kind-split-opinion = split opinion
gap-kind-hot-spot = hot spot
gap-kind-getting-worse = getting worse
gap-kind-rework-loop = rework loop
gap-kind-silent-wait = silent wait
gap-kind-no-owner = no owner
gap-kind-unmeasured = unmeasured
gap-kind-no-score = no score
gap-kind-no-stage = no stage
gap-kind-unreachable = unreachable
gap-kind-disconnected = disconnected
gap-kind-dead-end = dead end
gap-kind-idle-department = department owns nothing
gap-kind-key-driver = key driver

## Severities
severity-info = info
severity-low = low
severity-medium = medium
severity-high = high
severity-critical = critical

## Channels and service-blueprint layers
channel-Phone = Phone
channel-Web = Web
channel-App = App
channel-Email = Email
channel-Letter = Letter
channel-Chat = Chat / IM
channel-InPerson = In person
channel-FieldVisit = Field visit
channel-SocialMedia = Social media
channel-Internal = Internal system
channel-Partner = Partner
channel-Other = Other
layer-CustomerAction = Customer action
layer-Frontstage = Frontstage
layer-Backstage = Backstage
layer-Support = Support process

## Anchors of notes and actions
anchor-journey = the journey

## Load errors (src/io). FILE:LINE:COLUMN is written in front of each, never in the
## message; values quoted from the file are variables.
io-file-too-big = the file is { $size } bytes; the limit is { $limit }
io-cannot-read = cannot read: { $error }
io-is-folder = is a folder, not a journey file
io-not-utf8 = the file is not valid UTF-8 text
io-newer-format = this file is format { $format }, newer than this version of Touchpoint understands (format { $current }); update Touchpoint to open it
io-format-zero = format 0 does not exist; the first format is 1
io-ends-early = the file ends early at line { $line } (it may be cut off)
io-too-deep = nesting is deeper than the limit of { $limit } levels
io-more-problems = ... and { $count } more problems
io-message-cut = { $text }... (cut)
io-shown-cut = { $head }... ({ $size } bytes)
io-text-too-long = { $what } is { $size } bytes long; the limit is { $limit }
io-bad-id = { $what } id { $id } is not valid: use letters, digits, '-', '_' or '.' (1 to 128)
io-not-finite = { $what } must be a finite number, not { $value }
io-negative = { $what } cannot be negative ({ $value })
io-out-of-range = { $what } must be between { $min } and { $max }, not { $value }
io-bad-date = { $value } is not a date of the form "YYYY-MM-DD"
io-too-many = too many { $what }: { $count }; the limit is { $limit }
io-duplicate-stage = duplicate stage id { $id }
io-duplicate-department = duplicate department id { $id }
io-duplicate-touchpoint = duplicate touchpoint id { $id }
io-duplicate-note = duplicate note id { $id }
io-duplicate-note-or-action = duplicate note or action id { $id }
io-duplicate-handoff = duplicate handoff { $from } -> { $to }
io-duplicate-scenario = duplicate scenario name { $name }
io-duplicate-driver = duplicate driver result for { $id }
io-bad-colour = colour { $value } is not of the form "#rrggbb"
io-unknown-stage-listed = unknown stage { $id } (not in `stages`)
io-unknown-department-listed = unknown department { $id } (not in `departments`)
io-unknown-touchpoint-listed = unknown touchpoint { $id } (not in `touchpoints`)
io-unknown-touchpoint = unknown touchpoint { $id }
io-unknown-handoff = unknown handoff { $from } -> { $to }
io-unknown-stage = unknown stage { $id }
io-unknown-department = unknown department { $id }
io-scores-both = give either `histogram` or `mean` with `responses`, not both
io-scores-none = scores need a `histogram` or a `mean`
io-histogram-length = a histogram has 11 counts (scores 0 to 10), not { $count }
io-count-negative = a count cannot be negative ({ $count })
io-count-too-large = count { $count } is too large
io-responses-with-histogram = `responses` goes with `mean`; a histogram counts its own
io-responses-not-count = `responses` must be a count, not { $count }
io-scenario-needs-name = a scenario needs a name
## What a message is about ({ $what } above)
io-what-title = the title
io-what-description = the description
io-what-journey-owner = the journey owner
io-what-variant = the variant
io-what-outcome-name = an outcome name
io-what-unit = a unit
io-what-outcome-value = an outcome's value
io-what-stage-name = a stage name
io-what-stage-description = a stage description
io-what-department-name = a department name
io-what-name = a name
io-what-a-description = a description
io-what-notes = notes
io-what-handling-time = handling time
io-what-metric-name = a metric name
io-what-metric-value = a metric value
io-what-metric-target = a metric target
io-what-pain = a pain point
io-what-theme-term = a theme term
io-what-quote = a quote
io-what-period = a period
io-what-mean-score = a mean score
io-what-wait-time = wait time
io-what-wait-time-p90 = wait time p90
io-what-failure-rate = failure rate
io-what-label = a label
io-what-note = a note
io-what-author = an author
io-what-action = an action
io-what-action-owner = an action owner
io-what-due = a due date
io-what-scenario-name = a scenario name
io-what-source = a source
io-what-column = a column name
io-what-source-file = a source file name
io-kind-stage = stage
io-kind-department = department
io-kind-touchpoint = touchpoint
io-kind-note = note
io-kind-action = action
io-many-outcomes = outcomes
io-many-stages = stages
io-many-departments = departments
io-many-touchpoints = touchpoints
io-many-handoffs = handoffs
io-many-notes = notes
io-many-actions = actions
io-many-metrics = metrics
io-many-pains = pain points
io-many-themes = themes
io-many-trend = trend periods
io-many-theme-terms = theme terms
io-many-quotes = quotes
io-many-scenarios = scenarios
io-many-changes = changes
io-many-drivers = driver results
## The parts of a file, in parser messages
io-part-journey = the journey
io-part-touchpoint = a touchpoint
io-part-handoff = a handoff
io-part-stage = a stage
io-part-department = a department
io-part-metric = a metric
io-part-scores = scores
io-part-outcome = an outcome
io-part-note = a note
io-part-action = an action
io-part-anchor = an anchor
## Parser messages (RON syntax and types)
ron-eof = Unexpected end of RON
ron-expected-open = Expected opening { $bracket }
ron-expected-close = Expected closing { $bracket }
ron-expected-open-for = Expected opening `(` for struct { $what }
ron-expected-comma = Expected comma
ron-expected-colon = Expected colon
ron-expected-boolean = Expected boolean
ron-expected-char = Expected char
ron-expected-float = Expected float
ron-expected-integer = Expected integer
ron-expected-option = Expected option
ron-expected-unit = Expected unit
ron-expected-string = Expected string
ron-expected-string-end = Expected end of string
ron-expected-identifier = Expected identifier
ron-expected-bytes = Expected byte string
ron-expected-struct-name = Expected struct { $expected } but found { $found }
ron-float-underscore = Unexpected underscore in float
ron-leading-underscore = Unexpected leading underscore in a number
ron-integer-bounds = Integer is out of bounds
ron-integer-digit = Invalid digit { $digit } for base { $base } integers
ron-invalid-escape = { $detail }
ron-unclosed-comment = Unclosed block comment
ron-unexpected-char = Unexpected char { $char }
ron-trailing = Non-whitespace trailing characters
ron-invalid-identifier = Invalid identifier { $id }
ron-wrong-type = Expected { $expected } but found { $found } instead
ron-wrong-length = Expected { $expected } but found { $count ->
    [0] zero elements
    [one] one element
   *[other] { $count } elements
} instead
ron-unknown-variant = Unexpected enum variant named { $found }, { $alts }
ron-unknown-variant-in = Unexpected variant named { $found } in enum { $outer }, { $alts }
ron-unknown-field = Unexpected field named { $found }, { $alts }
ron-unknown-field-in = Unexpected field named { $found } in { $outer }, { $alts }
ron-missing-field = Unexpected missing field named { $field }
ron-missing-field-in = Unexpected missing field named { $field } in { $outer }
ron-duplicate-field = Unexpected duplicate field named { $field }
ron-duplicate-field-in = Unexpected duplicate field named { $field } in { $outer }
ron-no-fields = there are no fields
ron-no-variants = there are no variants
ron-alts-one = expected { $a } instead
ron-alts-two = expected either { $a } or { $b } instead
ron-alts-many = expected one of { $list }, or { $last } instead
ron-alts-sep = { ", " }
ron-other = { $detail }
ron-word-string = a string
ron-word-boolean = a boolean
ron-word-list = a list
ron-word-map = a map
ron-word-unit = a unit value
ron-word-option = an optional value
ron-word-char = a character
ron-word-count = a whole number of 0 or more
ron-word-integer = a whole number
ron-word-number = a number
ron-value-boolean = the boolean { $value }
ron-value-integer = the integer { $value }
ron-value-number = the number { $value }
ron-value-char = the character { $value }
ron-value-string = the string { $value }
io-read-not-found = the file does not exist
io-read-permission = you may not read this file

## Why a change to a journey is refused (the status bar, load errors)
model-invalid-id = `{ $id }` is not a valid id (use letters, digits, '-', '_' or '.', at most 128)
model-duplicate-id = the id `{ $id }` is already used
model-unknown-touchpoint = there is no touchpoint `{ $id }`
model-unknown-stage = there is no stage `{ $id }`
model-unknown-department = there is no department `{ $id }`
model-unknown-handoff = there is no handoff { $key }
model-duplicate-handoff = there is already a handoff { $key }
model-unknown-note = there is no note or action `{ $id }`
model-in-use = { $what } is still in use: { $why }
model-out-of-range = position { $index } is out of range
model-stage-named = stage `{ $id }`
model-department-named = department `{ $id }`
model-touchpoint-named = touchpoint `{ $id }`
model-handoff-named = handoff { $id }
model-why-touchpoint-in-it = touchpoint `{ $id }` is in it
model-why-note-pinned = a note is pinned to it
model-why-owns-touchpoint = it owns touchpoint `{ $id }`
model-why-has-handoffs = it has handoffs
model-why-note-attached = a note or action is attached
model-what-metric-value = metric `{ $name }` value
model-what-metric-target = metric `{ $name }` target
model-what-satisfaction-mean = satisfaction mean
model-what-outcome = outcome `{ $name }`
model-two-scenarios = there are two scenarios called `{ $name }`
model-in-scenario = scenario `{ $name }`: { $error }
model-what-score-change = a score change
model-what-target-mean = a target mean score
model-what-wait-cut = a queue-time cut
model-what-handling = a handling time
model-at-least = { $what } must be a number of at least { $min }, not { $value }
model-r2-range = R^2 must be between 0 and 1, not { $value }
model-importance-range = the importance of `{ $id }` must be between 0 and 1, not { $value }
model-driver-mean-range = the mean of `{ $id }` must be between 0 and 10, not { $value }
model-coefficient-finite = the coefficient of `{ $id }` must be a finite number

## Why a save failed (the status bar, dialogs, the command line)
save-could-not-write = could not write { $path }: { $error }
save-could-not-replace = could not replace { $path }: { $error }
save-could-not-backup = could not keep a backup at { $path }: { $error }
save-refused = refused to save: { $error }
save-changed-on-disk = { $path } was changed on disk by someone else since it was opened
save-deleted-on-disk = { $path } was deleted or moved since it was opened
save-drops-comments = { $path } has { $count } comment(s) (the first on line { $line }) that saving would drop; nothing was written
save-read-only = { $path } is read-only; nothing was written
save-not-a-file = { $path } is { $what }, not a file; nothing was written
save-what-folder = a folder
save-what-block-device = a block device (a disk)
save-what-socket = a socket
save-what-not-regular = not a regular file
save-why = { $why } ({ $error })
save-why-read-only = the folder is read-only or you may not write there
save-why-disk-full = the disk is full
save-why-folder-gone = the folder does not exist any more (moved, deleted or disconnected?)
save-why-bad-name = the path is too long or the file name is not allowed
save-why-too-large = the file is too large for this disk
save-advice-changed = Overwrite it with your version, save yours under another name (Save As), or reload theirs.
save-advice-comments = Save anyway to drop them (a .bak copy keeps the commented file), or cancel.
save-advice-read-only = Nothing was saved. Overwrite it anyway, or use Save As to save elsewhere.
save-advice-backup = Nothing was saved. Use Save As to save elsewhere, or turn off backups in the settings.
save-advice-other = Your changes are still open and the file on disk was not changed. Use Save As to save them elsewhere.
save-verify-differs = the saved text does not read back to the same journey
io-written = { $file }: { $touchpoints } touchpoints, { $handoffs } handoffs ({ $size } bytes)
io-force-hint = { " " }(use --force to overwrite it)

## Recovery files and autosave
rec-error-no-data-dir = no data folder could be found for recovery files (set { $env })
rec-error-io = { $path }: { $error }
rec-error-save = could not write the recovery file: { $error }
rec-error-unknown = there is no recovered journey { $id } (see `touchpoint recover --list`)
rec-error-invalid-id = { $id } is not a recovery id (letters, digits and '-', at most 80)
rec-error-load = the recovered journey could not be read:
    { $error }
imp-is-folder = is a folder, not a file

## A map too big for one drawing (PNG, one-page PDF): what was asked and what works
render-too-big = the map is too big to draw at once: { $size } would take { $nodes } shapes and texts, more than the { $max } one drawing can hold; { $advice }
render-too-big-at-least = the map is too big to draw at once: { $size } would take at least { $nodes } shapes even without any text, more than the { $max } one drawing can hold; { $advice }
render-size-png = a PNG of { $width } x { $height } px (scale { $scale })
render-size-png-map = a PNG of this map ({ $touchpoints } touchpoints, { $handoffs } handoffs)
render-size-pdf-page = one { $paper } page (scale { $percent }%)
render-size-pdf-map = one { $paper } page of this map ({ $touchpoints } touchpoints, { $handoffs } handoffs)
render-size-pdf-page-of = page { $page } of { $pages } (scale { $percent }%)
render-size-report-map = the map of the report ({ $width } x { $height } pt)
render-advice-scale = export with `--scale { $scale }` (card text left out), or as PDF pages (`--format pdf --pages`) or SVG (`--format svg`)
render-advice-pages-or-svg = export it as PDF pages (`--format pdf --pages`) or as SVG (`--format svg`)
render-advice-pdf-pages = print it on pages (`--pages`) or export it as SVG (`--format svg`)
render-advice-svg = export it as SVG (`--format svg`)
render-advice-report = export the map alone as PDF pages (`--format pdf --pages`) and the report as HTML or Markdown
## Import problems (CSV and Mermaid; the program writes FILE:LINE: in front)
imp-assume-already = column { $column } { $header } is read as the { $meaning }, since column { $other } { $other_header } is already the { $other_meaning }
imp-assume-is = column { $column } { $header } is read as the { $meaning }, since column { $other } { $other_header } is the { $other_meaning }
imp-bad-channel = channel { $value } is not known (phone, web, app, email, letter, chat, in person, field visit, social media, internal, partner); Other is used
imp-bad-colour = owner_color { $value } is not a colour like #4e79a7; a palette colour is used
imp-bad-department-id = `{ $id }` is not a valid department id; using `{ $new }`
imp-bad-failure = failure_rate { $value } is not a share between 0 and 1 (or 0% to 100%); left empty
imp-bad-handling = handling time { $value } is not a number of minutes >= 0; left empty
imp-bad-id = `{ $id }` is not a valid id; using `{ $new }`
imp-bad-kind = owner_kind { $value } is not Internal, Customer or Partner; Internal is used
imp-bad-layer = layer { $value } is not customer action, frontstage, backstage or support; Frontstage is used
imp-bad-metric-cell = metric { $name }: { $value } is not a number (optionally followed by `target<=X`); left out
imp-bad-order = order { $value } is not a whole number; left empty
imp-bad-responses = responses { $value } is not a count; 0 is used
imp-bad-row = cannot read this row: { $error }
imp-bad-satisfaction = satisfaction { $value } is not a number; left empty
imp-bad-score-count = score_{ $score } { $value } is not a count of responses; counted as 0
imp-bad-stage-id = `{ $id }` is not a valid stage id; using `{ $new }`
imp-bad-volume = volume { $value } is not a whole number; left empty
imp-bad-wait = wait_hours { $value } is not a number of hours >= 0; left empty
imp-cli-assumed = assumed: { $what }
imp-cli-no-input = import: give a file to import
imp-cli-not-fully = { $count } row(s) or line(s) not fully imported; see the messages above
imp-cli-nothing = nothing imported
imp-cli-only-csv-follows = import: only CSV handoff tables can follow the first file, not a { $format } input
imp-cli-strict = { $count } problem(s); nothing written (--strict)
imp-cli-unknown-format = cannot tell the format from the extension; use --from csv or --from mermaid
imp-col-column = column
imp-col-derived = derived column
imp-col-hist = response count of one score
imp-col-ignored = (ignored)
imp-col-metric = metric
imp-col-metric-header = metric (as its header says)
imp-col-score = responses scoring { $score }
imp-col-id = touchpoint id
imp-col-name = touchpoint name
imp-col-description = description
imp-col-stage = stage
imp-col-stage_id = stage id
imp-col-owner = department
imp-col-owner_id = department id
imp-col-owner_color = department colour
imp-col-owner_kind = department kind
imp-col-channel = channel
imp-col-layer = layer
imp-col-volume = volume
imp-col-handling_minutes = handling time (min)
imp-col-satisfaction = satisfaction mean
imp-col-responses = responses
imp-col-pains = pain points
imp-col-notes = notes
imp-col-order = order in cell
imp-col-next = next touchpoints
imp-col-from = handoff from (id)
imp-col-to = handoff to (id)
imp-col-from_name = handoff from (name)
imp-col-to_name = handoff to (name)
imp-col-from_owner = from department
imp-col-to_owner = to department
imp-col-label = handoff label
imp-col-wait_hours = queue time (h)
imp-col-failure_rate = failure rate
imp-column-error = column { $column } { $header }: { $error }; ignored
imp-column-repeats = column { $column } { $header } repeats an earlier column with the same meaning; ignored
imp-column-unknown = column { $column } { $header } is not a known column; ignored
imp-department-colour = department { $name } already has colour { $old }; { $new } is ignored
imp-department-error = department { $name }: { $error }
imp-department-named = department `{ $id }` is already named { $old }; the name { $name } is ignored
imp-empty-table = the table is empty: no header row
imp-extra-cells = { $cells } cells but only { $columns } columns; the extra cells are ignored
imp-handoff-again = the handoff { $key } is also on line { $line }; this row's values replace that row's
imp-handoff-error = handoff { $key } not imported: { $error }
imp-handoff-needs-ends = a handoff needs both `from` and `to`; not imported
imp-handoff-unknown-end = there is no touchpoint `{ $id }` in the journey; this handoff is not imported
imp-id-twice = the id `{ $id }` is used twice; this row gets `{ $new }`
imp-input-size = the input is { $size } bytes; the limit is { $limit }
imp-input-too-big = the input is larger than { $limit } bytes; not read
imp-latin1 = the file is not UTF-8; it was read as Latin-1 (save it as "CSV UTF-8" to keep accents exact)
imp-matrix = this is a department x department handoff matrix; it has no touchpoints. Import the touchpoints table instead
imp-mean-mismatch = the satisfaction { $given } does not match the histogram's mean { $mean }; the histogram is used
imp-metric-needs-name = a metric column needs a name: `metric:Handle time [min] target<=8`
imp-mmd-acc-title = accTitle { $value } is not kept: the journey's title is { $title }
imp-mmd-accdescr-open = `accDescr { "{" }` is never closed with `{ "}" }`; the description is left out
imp-mmd-after-actors = text after the actors is ignored (as Mermaid does): { $value }
imp-mmd-bad-score = the score { $value } is not a number; satisfaction left empty
imp-mmd-empty-title = an empty `title`; ignored
imp-mmd-front-matter = front matter `---` is never closed; read as diagram text
imp-mmd-meta-error = title and description not kept: { $error }
imp-mmd-no-journey = the diagram does not start with `journey`; read as a journey anyway
imp-mmd-no-journey-block = { $count } ```mermaid block(s), none of them a `journey` diagram
imp-mmd-no-score = a task without a score (1-5); satisfaction left empty
imp-mmd-no-tasks = no tasks (`Task name: score: actor`) found: nothing to import
imp-mmd-not-task = { $value } is not a task (`Task name: score: actor, actor`); ignored
imp-mmd-score-range = the score { $value } is outside Mermaid's 1-5; clamped to { $clamped }
imp-mmd-second-journey = a second `journey` keyword; ignored
imp-mmd-section-extra = a section name cannot contain `:` or `;`; { $value } is ignored
imp-mmd-section-unnamed = a `section` without a name; its tasks have no stage
imp-mmd-task-unnamed = a task without a name; ignored
imp-next-twice = next: the handoff { $key } is listed twice; kept once
imp-next-unknown = next: there is no touchpoint `{ $id }`; that handoff is not imported
imp-no-name-column = no `name` (or `id`) column, and no `from`/`to` columns: nothing to import
imp-no-rows = no touchpoint rows below the header
imp-not-handoff-table = not a handoff table: it needs `from` and `to` columns
imp-responses-alone = responses without a satisfaction score; ignored
imp-row-without-name = a row without a name or an id; not imported
imp-satisfaction-range = satisfaction { $value } is outside the 0-10 scale; left empty
imp-stage-error = stage { $name }: { $error }
imp-stage-named = stage `{ $id }` is already named { $old }; the name { $name } is ignored
imp-target-not-number = the target { $value } is not a number
imp-text-cut = { $what }: { $size } bytes, cut to the limit of { $limit }
imp-too-many-columns = more than { $limit } columns; the rest are ignored
imp-too-many-departments = more than { $limit } departments; { $name } is left without owner
imp-too-many-handoffs = more than { $limit } handoffs; { $key } is not imported
imp-too-many-items = { $count } { $what }; the limit is { $limit }: the first { $limit } are kept
imp-too-many-rows = more than { $limit } rows; this row and the rest are not imported
imp-too-many-stages = more than { $limit } stages; stage { $name } is left empty
imp-too-many-touchpoints = more than { $limit } touchpoints; this one is not imported
imp-touchpoint-error = touchpoint { $name } not imported: { $error }
imp-what-actors = the actors
imp-what-handoff-label = a handoff label
imp-what-handoff-notes = the handoff notes
imp-what-metric-unit = a metric unit
imp-what-task-name = a task name
imp-what-the-name = the name
imp-what-the-notes = the notes
pf-could-not-read = could not be read

## Where a figure came from (reports, tooltips)
source-typed = typed
source-survey = survey
source-log = log
source-period = { $from } to { $to }
source-responses = { $count } responses
source-cases = { $count } cases
source-sep = { ", " }

## touchpoint fmt (the file name and line are written in front)
fmt-comments-not-checked = { $count ->
    [one] { $count } comment that the canonical form would drop; not checked (use --drop-comments to rewrite it anyway)
   *[other] { $count } comments that the canonical form would drop; not checked (use --drop-comments to rewrite it anyway)
}
fmt-comments-not-rewritten = { $count ->
    [one] { $count } comment that the canonical form would drop; not rewritten (use --drop-comments to rewrite it anyway)
   *[other] { $count } comments that the canonical form would drop; not rewritten (use --drop-comments to rewrite it anyway)
}
fmt-not-canonical = not in canonical form (run `touchpoint fmt { $file }`)
fmt-formatted = formatted
io-pipe-no-reader = it is a named pipe that no program is reading
