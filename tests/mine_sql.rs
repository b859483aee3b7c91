//! Issue #17, beyond one machine: `touchpoint mine --emit-sql` prints the SQL that
//! reduces an event table to the miner's figures, and `touchpoint mine
//! --from-aggregates` builds the journey from its result. The DuckDB dialect is run
//! (the `duckdb` Python package) on generated logs, and the journey must be the one
//! mined natively, byte for byte, with every median and p90 exactly the native one.
//! Skipped only when duckdb is missing and TOUCHPOINT_REQUIRE_DUCKDB is unset (CI
//! sets it and installs duckdb).

use std::path::Path;
use std::process::Command;
use touchpoint::evidence::eventlog::{self, ReadOptions, aggregates, sql};

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether `python3 -c "import duckdb"` works; panics when it does not and CI asks for it.
fn duckdb_available() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("TOUCHPOINT_REQUIRE_DUCKDB").is_none(),
            "TOUCHPOINT_REQUIRE_DUCKDB is set but `python3 -c \"import duckdb\"` fails: \
             pip3 install duckdb (see .ci/run)"
        );
        eprintln!("skipped: the duckdb Python package is not installed");
    }
    ok
}

/// Run `query` in DuckDB over the CSV `log` loaded as the table `event_log`, and save
/// the result as CSV with its header in `out`.
fn duckdb(dir: &Path, log: &str, query: &str, out: &str) {
    std::fs::write(dir.join("query.sql"), query).unwrap();
    let script = format!(
        "import duckdb\n\
         con = duckdb.connect()\n\
         con.execute(\"CREATE TABLE event_log AS SELECT * FROM read_csv('{log}', header=true)\")\n\
         con.sql(open('query.sql', encoding='utf-8').read()).write_csv('{out}')\n"
    );
    let o = Command::new("python3")
        .current_dir(dir)
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "duckdb failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Generate a log of `cases` cases through `sample`, mine it natively and through the
/// DuckDB SQL, and compare the journeys and figures.
fn same_journey_both_ways(sample: &str, cases: &str, seed: &str) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // The log's file name is the table's, so both journeys name the same source.
    let (code, _, err) = run(
        d,
        &[
            "generate-log",
            sample,
            "-o",
            "event_log",
            "--cases",
            cases,
            "--seed",
            seed,
        ],
    );
    assert_eq!(code, 0, "{err}");
    // The generated log names its completion column `end`: renamed on the command line.
    let (code, query, err) = run(d, &["mine", "--emit-sql", "--timestamp", "end"]);
    assert_eq!(code, 0, "{err}");
    assert!(query.contains("epoch_ms(\"end\")"), "{query}");
    duckdb(d, "event_log", &query, "aggregates.csv");
    for min_share in ["0", "0.05"] {
        let (code, native_json, err) = run(
            d,
            &[
                "mine",
                "event_log",
                "-o",
                "native.journey.ron",
                "--format",
                "json",
                "--min-share",
                min_share,
            ],
        );
        assert_eq!(code, 0, "{err}");
        let (code, sql_json, err) = run(
            d,
            &[
                "mine",
                "--from-aggregates",
                "aggregates.csv",
                "-o",
                "sql.journey.ron",
                "--format",
                "json",
                "--min-share",
                min_share,
            ],
        );
        assert_eq!(code, 0, "{err}");
        let native = std::fs::read_to_string(d.join("native.journey.ron")).unwrap();
        let from_sql = std::fs::read_to_string(d.join("sql.journey.ron")).unwrap();
        let j = touchpoint::io::load_str("native", &native).unwrap();
        assert!(j.touchpoint_count() >= 10 && j.handoff_count() >= 10);
        assert!(
            j.handoffs()
                .iter()
                .any(|h| h.wait_hours.is_some_and(|w| w > 0.0))
        );
        assert!(
            native == from_sql,
            "{sample}, --min-share {min_share}: the journeys differ\n{}",
            first_difference(&native, &from_sql)
        );
        // The report's figures too (variants are not aggregated).
        let (a, b): (serde_json::Value, serde_json::Value) = (
            serde_json::from_str(&native_json).unwrap(),
            serde_json::from_str(&sql_json).unwrap(),
        );
        for key in [
            "cases",
            "events",
            "period",
            "elapsed_hours_median",
            "elapsed_hours_p90",
            "activities",
            "handoffs",
            "dropped_handoffs",
            "starts",
            "ends",
        ] {
            assert_eq!(a[key], b[key], "{sample}: {key}");
        }
    }
    // Every figure exactly, not only to the file's two decimals.
    let native = eventlog::mine_path(&d.join("event_log"), &ReadOptions::default(), None)
        .unwrap()
        .mined;
    let agg = aggregates::read_path(&d.join("aggregates.csv")).unwrap();
    assert!(agg.problems.is_empty(), "{:?}", agg.problems.lines());
    let agg = agg.mined;
    assert!(native.exact);
    assert_eq!(native.activities, agg.activities);
    assert_eq!(native.pairs, agg.pairs);
    assert_eq!(native.elapsed_hours_median, agg.elapsed_hours_median);
    assert_eq!(native.elapsed_hours_p90, agg.elapsed_hours_p90);
    assert_eq!(
        (native.cases, native.events, native.period),
        (agg.cases, agg.events, agg.period)
    );
    assert_eq!((&native.starts, &native.ends), (&agg.starts, &agg.ends));
}

fn first_difference(a: &str, b: &str) -> String {
    for (k, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  native: {x}\n  sql:    {y}", k + 1);
        }
    }
    format!("lengths {} and {}", a.len(), b.len())
}

#[test]
fn the_duckdb_sql_mines_the_move_address_journey_the_native_miner_mines() {
    if duckdb_available() {
        same_journey_both_ways("sample:move-address", "700", "3");
    }
}

#[test]
fn the_duckdb_sql_orders_chinese_activity_names_as_the_native_miner() {
    if duckdb_available() {
        same_journey_both_ways("sample:ecommerce", "400", "11");
    }
}

#[test]
fn the_sql_of_each_dialect() {
    for (d, name) in [
        (sql::Dialect::DuckDb, "duckdb"),
        (sql::Dialect::Spark, "spark"),
        (sql::Dialect::Trino, "trino"),
    ] {
        let text = sql::emit(d, &sql::Table::default(), false);
        insta::assert_snapshot!(format!("mine_sql_{name}"), text);
    }
    // Renamed table and columns, columns the table lacks, approximate quantiles.
    let table = sql::Table {
        name: "crm.ticket_events".into(),
        case: "ticket id".into(),
        activity: "step".into(),
        timestamp: "done_at".into(),
        start: None,
        department: Some("team".into()),
        channel: None,
        layer: None,
    };
    let spark = sql::emit(sql::Dialect::Spark, &table, true);
    assert!(spark.contains("FROM `crm`.`ticket_events`"), "{spark}");
    assert!(spark.contains("trim(CAST(`ticket id` AS STRING)) AS case_id"));
    assert!(spark.contains("unix_millis(`done_at`) AS end_ms"));
    assert!(spark.contains("CAST(NULL AS BIGINT) AS start_ms"));
    assert!(spark.contains("percentile_approx(wait, 0.5)"));
    assert!(!spark.contains("percentile(wait"));
    let duck = sql::emit(sql::Dialect::DuckDb, &table, true);
    assert!(duck.contains("approx_quantile(wait, 0.9)") && !duck.contains("quantile_cont"));
    // The comments follow the language; the query does not.
    let zh = touchpoint::i18n::Lang::parse("zh-CN").unwrap();
    let zh_text = touchpoint::i18n::with_lang(&zh, || {
        sql::emit(sql::Dialect::DuckDb, &sql::Table::default(), false)
    });
    let en_text = sql::emit(sql::Dialect::DuckDb, &sql::Table::default(), false);
    let body = |t: &str| {
        t.lines()
            .filter(|l| !l.starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(body(&zh_text), body(&en_text));
    assert!(
        zh_text.contains("中位数") && !zh_text.contains("Medians"),
        "{zh_text}"
    );
}

#[test]
fn the_command_line_names_columns_and_refuses_what_cannot_work() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (code, out, err) = run(
        d,
        &[
            "mine",
            "--emit-sql",
            "--dialect",
            "trino",
            "--table",
            "events",
            "--case",
            "ticket",
            "--start",
            "-",
            "--channel",
            "-",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("FROM \"events\""), "{out}");
    assert!(out.contains("trim(CAST(\"ticket\" AS VARCHAR))"), "{out}");
    assert!(out.contains("CAST(NULL AS BIGINT) AS start_ms"), "{out}");
    assert!(out.contains("approx_percentile(handling, 0.5)"), "{out}");
    assert!(out.contains("\"layer\""), "{out}");
    assert!(!out.contains("\"channel\""), "{out}");
    // The case, activity and time cannot be left out.
    let (code, _, err) = run(d, &["mine", "--emit-sql", "--case", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("--case"), "{err}");
    // --emit-sql takes no log; a log or aggregates are needed otherwise.
    let (code, _, _) = run(d, &["mine", "--emit-sql", "log.csv"]);
    assert_eq!(code, 2);
    let (code, _, _) = run(d, &["mine"]);
    assert_eq!(code, 2);
}

#[test]
fn bad_aggregates_are_reported_by_line_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("wrong.csv"), "a,b\n1,2\n").unwrap();
    let (code, _, err) = run(d, &["mine", "--from-aggregates", "wrong.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("wrong.csv: no `kind` column"), "{err}");
    let text = "kind,activity,other,n,cases,rework,median,p90,position_median,first_ms,last_ms\n\
        log,,crm,30,10,,5.5,9.25,,1767225600000,1767830400000\n\
        activity,Call,,10,10,0,4.0,6.0,0.0,,\n\
        activity,Fix,,20,10,5,,,1.0,,\n\
        department,Call,Care,10,,,,,,,\n\
        department,Fix,Field,20,,,,,,,\n\
        pair,Call,Fix,10,10,,2.5,4.0,,,\n\
        pair,Call,Ghost,1,1,,1.0,1.0,,,\n\
        activity,Bad,,x,1,0,,,0.5,,\n\
        mystery,Call,,1,,,,,,,\n\
        pair,Fix,Fix,10,5,,-1,,,,\n";
    std::fs::write(d.join("agg.csv"), text).unwrap();
    let (code, out, err) = run(
        d,
        &[
            "mine",
            "--from-aggregates",
            "agg.csv",
            "-o",
            "j.journey.ron",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("agg.csv:8: the pair Call to Ghost")
            && err.contains("agg.csv:9: `n` is not a count: x")
            && err.contains("agg.csv:10: unknown kind `mystery`")
            && err.contains("agg.csv:11: `median` is not a number of 0 or more: -1"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cases"], 10);
    assert_eq!(v["activities"][1]["department"], "Field");
    assert_eq!(v["handoffs"][0]["wait_hours_median"], 2.5);
    let j = touchpoint::io::load_file(&d.join("j.journey.ron")).unwrap();
    assert_eq!(j.touchpoint_count(), 2);
    assert_eq!(j.handoff_count(), 1);
    let h = &j.handoffs()[0];
    assert_eq!((h.volume, h.wait_hours), (Some(10), Some(2.5)));
    assert!(j.meta().title.contains("crm"), "{}", j.meta().title);
    // Garbage never panics.
    for junk in ["", "kind\n", "\u{feff}\"", "kind,activity\nlog\n"] {
        let r = aggregates::read("junk.csv", junk.as_bytes());
        assert!(r.is_err(), "{junk:?}");
    }
}
