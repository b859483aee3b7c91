# The command line's human output (src/cli). Machine output (JSON, CSV headers, exit
# codes) never goes through here.
cli-unknown-lang = unknown language `{ $lang }` for --lang; use one of { $available }
cli-validate-ok = { $file }: { $touchpoints } touchpoints, { $handoffs } handoffs, { $stages } stages, { $departments } departments
cli-analyze-bad-drop = --drop must be a number of points between 0 and 10, not { $value }
cli-analyze-fail-on = { $file }: { $count } { $count ->
    [one] gap
   *[other] gaps
} at or above { $severity }
cli-export-written = { $file }: { $summary } ({ $bytes } bytes)
cli-export-none-written = none of the { $count } files was written
cli-export-note-drawn = note: --theme, --no-gaps and --date apply to svg, png, pdf, md and html; ignored for { $format }
cli-export-note-scale = note: --scale applies to png and svg; ignored for { $format }
cli-export-note-paper = note: --paper, --fit and --pages apply to pdf; ignored for { $format }
cli-export-note-table = note: --table and --bom apply to csv; ignored for { $format }
cli-export-note-report = note: --report applies to pdf (md and html are always reports); ignored for { $format }
cli-export-note-compare = note: --compare applies to the reports (md, html, pdf --report); ignored for { $format }
cli-export-note-stdout-table = note: writing the touchpoints table to standard output; use --table handoffs or --table matrix for the others

## drivers, whatif, feedback, mine, measure (standard error)
cli-drv-nothing-to-save = nothing to save: no model could be fitted
cli-drv-saved = saved the key-driver results in { $path }
cli-drv-more-problems = { $path }: { $count } more problems
cli-wif-saved = saved scenario `{ $name }` in { $path }
cli-fb-nothing-usable = feedback: no usable answer matched a touchpoint; nothing written
cli-fb-strict = feedback: { $count } row(s) or problem(s); nothing written (--strict)
cli-mine-saved = { $path }: { $touchpoints } touchpoints, { $handoffs } handoffs ({ $bytes } bytes)
cli-mine-strict = --strict: { $count } problems in { $path }; nothing written
cli-wif-save-needs-changes = --save needs changes (--set, --cut-wait, --remove-handoff, --merge, --handling)
cli-wif-no-scenario = { $path }: no scenario named `{ $name }` (saved: { $saved })
cli-wif-none = none
cli-wif-nothing = no changes given and no scenario saved in { $path }: use --set, --cut-wait, --remove-handoff, --merge or --handling
cli-drv-bad-missing = --missing must be mean-impute or listwise, not `{ $value }`
cli-drv-too-many-resamples = --resamples { $count } is more than 10000
cli-rec-none = No recovered journeys in { $dir }.
cli-rec-count = { $count ->
    [one] 1 recovered journey (newest first):
   *[other] { $count } recovered journeys (newest first):
}
cli-rec-never-saved = (never saved)
cli-rec-from = from { $path }
cli-rec-how = Restore one with `touchpoint recover ID -o FILE`; delete one with `touchpoint recover ID --discard`.
cli-rec-running = ({ $count } more belong to a Touchpoint window that is still open.)
cli-rec-discarded = discarded { $id } ("{ $title }")
cli-rec-say-where = say where to restore it: `touchpoint recover { $id } -o FILE` (or `--discard` to delete it)
cli-rec-exists = { $path }: already exists; not overwritten (add --force to replace it)
cli-rec-stays = restored, but the recovery file stays: { $error }
cli-gen-too-many = at most { $max } touchpoints
cli-new-exists = { $path }: already exists; not overwritten
