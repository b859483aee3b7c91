//! Every kind of bad input gets a located error, never a panic, and all problems are listed.

use touchpoint::io::{self, LoadError};

fn errors(src: &str) -> Vec<String> {
    match io::load_str("f.journey.ron", src) {
        Ok(_) => panic!("expected errors"),
        Err(e) => e.lines(),
    }
}

#[test]
fn syntax_error_is_located() {
    let src = "(\n    format: 1,\n    title: \"x\"\n    stages: [],\n)\n";
    assert_eq!(errors(src), ["f.journey.ron:4:5: Expected comma"]);
}

#[test]
fn wrong_type_is_located() {
    let src = "(\n    format: 1,\n    title: \"x\",\n    touchpoints: [\n        (id: \"a\", name: 5),\n    ],\n)\n";
    assert_eq!(errors(src), ["f.journey.ron:5:24: Expected string"]);
}

#[test]
fn misspelt_field_is_located_and_named_in_file_terms() {
    let src = "(\n    format: 1,\n    title: \"x\",\n    touchpoints: [\n        (id: \"a\", name: \"A\", onwer: Some(\"d\")),\n    ],\n)\n";
    let e = errors(src);
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with("f.journey.ron:5:30: Unexpected field named `onwer` in a touchpoint, expected one of `id`"),
        "{e:?}"
    );
}

const REFS: &str = r#"(
    format: 1,
    title: "Refs",
    stages: [(id: "s", name: "S"), (id: "s", name: "again")],
    departments: [(id: "d", name: "D", color: "blue")],
    touchpoints: [
        (id: "a", name: "A", stage: Some("s"), owner: Some("nobody")),
        (id: "b", name: "B", scores: Some((histogram: Some([1, 2, 3])))),
        (id: "c", name: "C", scores: Some((histogram: Some([0, 0, -4, 0, 0, 0, 0, 0, 0, 0, 0])))),
        (id: "a", name: "dup", handling_minutes: Some(NaN)),
        (id: "e", name: "E", metrics: [(name: "m", value: inf)]),
        (id: "bad id", name: "F", scores: Some((mean: 11.0, responses: 3))),
    ],
    handoffs: [
        (from: "a", to: "ghost", wait_hours: Some(-1.0)),
        (from: "b", to: "c", failure_rate: Some(1.5)),
        (from: "b", to: "c"),
    ],
)
"#;

#[test]
fn every_semantic_problem_is_listed_with_its_position() {
    assert_eq!(
        errors(REFS),
        [
            "f.journey.ron:4:41: duplicate stage id \"s\"",
            "f.journey.ron:5:47: colour \"blue\" is not of the form \"#rrggbb\"",
            "f.journey.ron:7:55: unknown department \"nobody\" (not in `departments`)",
            "f.journey.ron:8:55: a histogram has 11 counts (scores 0 to 10), not 3",
            "f.journey.ron:9:67: a count cannot be negative (-4)",
            "f.journey.ron:10:14: duplicate touchpoint id \"a\"",
            "f.journey.ron:10:50: handling time must be a finite number, not NaN",
            "f.journey.ron:11:59: a metric value must be a finite number, not inf",
            "f.journey.ron:12:14: touchpoint id \"bad id\" is not valid: use letters, digits, '-', '_' or '.' (1 to 128)",
            "f.journey.ron:12:55: a mean score must be between 0 and 10, not 11",
            "f.journey.ron:15:25: unknown touchpoint \"ghost\" (not in `touchpoints`)",
            "f.journey.ron:15:46: wait time cannot be negative (-1)",
            "f.journey.ron:16:44: failure rate must be between 0 and 1, not 1.5",
            "f.journey.ron:17:16: duplicate handoff \"b\" -> \"c\"",
        ]
    );
}

#[test]
fn a_file_from_the_future_is_refused_clearly() {
    let src = "(\n    format: 7,\n    title: \"From the future\",\n    hologram: true,\n)\n";
    assert_eq!(
        errors(src),
        [
            "f.journey.ron:2:13: this file is format 7, newer than this version of Touchpoint understands (format 1); update Touchpoint to open it"
        ]
    );
    // Even when it parses, a newer format is refused.
    let src = "(format: 2, title: \"x\")";
    assert!(errors(src)[0].starts_with("f.journey.ron:1:10: this file is format 2"));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let src = format!(
        "(format: 1, title: \"deep\", stages: [{}])",
        "(".repeat(100_000)
    );
    let e = errors(&src);
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("f.journey.ron:1:"), "{e:?}");
}

#[test]
fn files_over_the_size_cap_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.journey.ron");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(io::MAX_FILE_BYTES + 1).unwrap();
    let e: LoadError = io::load_file(&path).unwrap_err();
    assert_eq!(e.problems.len(), 1);
    assert!(
        e.to_string()
            .ends_with("the file is 67108865 bytes; the limit is 67108864"),
        "{e}"
    );
}

#[test]
fn invalid_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bin.journey.ron");
    std::fs::write(&path, b"(\n  title: \"ab\xff\",\n)").unwrap();
    let e = io::load_file(&path).unwrap_err();
    assert!(
        e.to_string()
            .ends_with(":2:13: the file is not valid UTF-8 text"),
        "{e}"
    );
}

#[test]
fn missing_optional_fields_default_and_format_defaults_to_1() {
    let j = io::load_str("f", "(title: \"Minimal\")").unwrap();
    assert_eq!(j.title(), "Minimal");
    assert_eq!(j.touchpoint_count(), 0);
}

#[test]
fn long_text_is_refused() {
    let src = format!("(title: \"{}\")", "x".repeat(io::MAX_TEXT + 1));
    assert_eq!(
        errors(&src),
        ["f.journey.ron:1:9: the title is 65537 bytes long; the limit is 65536"]
    );
}

/// Issue 14, item 10: a file cut off anywhere (a copy or a download that stopped) says
/// so, with its last line, instead of a misspelt or missing field where the cut fell.
#[test]
fn a_truncated_file_reads_as_cut_off_wherever_the_cut_falls() {
    let full = include_str!("../sample_journeys/move-address.journey.ron");
    assert!(io::load_str("f.journey.ron", full).is_ok());
    let cuts: Vec<usize> = (1..40)
        .map(|i| full.len() * i / 40)
        .chain(full.find("owner").map(|p| p + 3)) // inside a field name: "own"
        .chain(full.find("stage:").map(|p| p + 6))
        .collect();
    for cut in cuts {
        let Some(src) = full.get(..cut) else { continue };
        let e = errors(src);
        let lines = src.lines().count();
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with(&format!("f.journey.ron:{lines}:"))
                && e[0].ends_with(&format!(
                    "the file ends early at line {lines} (it may be cut off)"
                )),
            "cut at {cut}: {e:?}"
        );
    }
    // A complete file with a real mistake keeps its own message.
    let src = "(\n    format: 1,\n    title: \"x\",\n    touchpoints: [\n        (id: \"a\", name: \"A\", onwer: Some(\"d\")),\n    ],\n)\n";
    assert!(errors(src)[0].contains("Unexpected field named `onwer`"));
}
