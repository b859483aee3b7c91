# The command line's human output (src/cli). Machine output (JSON, CSV headers, exit
# codes) never goes through here.
cli-unknown-lang = unknown language `{ $lang }` for --lang; use one of { $available }
cli-validate-ok = { $file }: { $touchpoints } touchpoints, { $handoffs } handoffs, { $stages } stages, { $departments } departments
cli-analyze-bad-drop = --drop must be a number of points between 0 and 10, not { $value }
cli-analyze-fail-on = { $file }: { $count } { $count ->
    [one] gap
   *[other] gaps
} at or above { $severity }
