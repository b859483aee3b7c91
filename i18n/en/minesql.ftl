# touchpoint mine --emit-sql and --from-aggregates (src/evidence/eventlog/sql.rs,
# aggregates.rs, src/cli/minesql.rs).

## The comments at the top of the emitted SQL
minesql-sql-what = Touchpoint: reduces an event table to the figures `touchpoint mine` computes (per activity, per directly-follows pair, per log), for a warehouse engine to run over logs too big for one machine.
minesql-sql-input = Input: one row per event, with its case, activity, completion time and, when known, start time, department, channel and layer; rows with an empty case or activity or no time are left out, duplicates (same case, activity, start and end) count once.
minesql-sql-rename = Other table or column names: `touchpoint mine --emit-sql --table NAME --case NAME --activity NAME --timestamp NAME --start NAME --department NAME --channel NAME --layer NAME` (`-` for a column the table lacks), or edit the first SELECT below. Timestamps must be TIMESTAMP columns; times without a zone are read as UTC.
minesql-sql-exact = Medians and p90s: continuous quantiles (linear interpolation between the two nearest ranks), as the native miner computes them.
minesql-sql-approx = Medians and p90s: the engine's approximate quantiles; the journey's waits and handling times may differ slightly from the native miner's.
minesql-sql-run-duckdb = Run: duckdb -c "COPY (<this query without its final semicolon>) TO 'aggregates.csv' (HEADER)", then `touchpoint mine --from-aggregates aggregates.csv -o as-is.journey.ron`.
minesql-sql-run-spark = Run: spark.sql(query).coalesce(1).write.option("header", True).csv("aggregates"), then `touchpoint mine --from-aggregates aggregates/part-*.csv -o as-is.journey.ron`.
minesql-sql-run-trino = Run: trino --output-format CSV_HEADER --execute "$(cat query.sql)" > aggregates.csv (SET TIME ZONE 'UTC' for timestamps without a zone), then `touchpoint mine --from-aggregates aggregates.csv -o as-is.journey.ron`.
minesql-sql-columns = the result's columns are { $columns }

## Command line
minesql-required-column = { $flag } names a column the query cannot do without; give its name instead of `-`

## Reading the aggregates (problems are `file:line: ...`)
minesql-agg-unreadable = could not read the aggregates: { $error }
minesql-agg-missing-column = no `{ $column }` column: the aggregates need the columns { $columns } (the result of `touchpoint mine --emit-sql`, saved with its header)
minesql-agg-bad-row = unreadable row: { $error }
minesql-agg-too-many-rows = more than { $max } rows; the rest left out
minesql-agg-bad-count = `{ $column }` is not a count: { $value }; row left out
minesql-agg-bad-number = `{ $column }` is not a number of 0 or more: { $value }; row left out
minesql-agg-duplicate = a second `{ $kind }` row; left out
minesql-agg-no-activity = a `{ $kind }` row without an activity; left out
minesql-agg-no-other = a `{ $kind }` row without its value in `other`; left out
minesql-agg-unknown-kind = unknown kind `{ $kind }` (expected log, activity, department, channel, layer, pair, start or end); row left out
minesql-agg-too-many = more than { $max } activities; further ones left out
minesql-agg-no-log = no `{ $kind }` row (cases, events and the log's period): is this the result of `touchpoint mine --emit-sql`?
minesql-agg-no-activity-row = activity { $activity } has no `activity` row; left out
minesql-agg-pair-unknown = the pair { $from } to { $to } names an activity without an `activity` row; left out
minesql-agg-nothing = nothing usable: no activity in { $file }
