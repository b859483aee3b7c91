//! Every cap on what a file may hold, with the exact message and position a user sees.

use touchpoint::io::{self, MAX_DEPTH, MAX_ITEMS, MAX_PARTS, MAX_TEXT, MAX_TOUCHPOINTS};

fn errors(src: &str) -> Vec<String> {
    match io::load_str("f.journey.ron", src) {
        Ok(_) => panic!("loaded, but should not have"),
        Err(e) => e.lines(),
    }
}

fn long(n: usize) -> String {
    "x".repeat(n)
}

#[test]
fn the_limits_are_what_the_docs_say() {
    assert_eq!(io::MAX_FILE_BYTES, 64 * 1024 * 1024);
    assert_eq!(MAX_DEPTH, 32);
    assert_eq!(MAX_TEXT, 65_536);
    assert_eq!(MAX_TOUCHPOINTS, 200_000);
    assert_eq!(io::MAX_HANDOFFS, 1_000_000);
    assert_eq!(MAX_PARTS, 10_000);
    assert_eq!(MAX_ITEMS, 1_000);
}

#[test]
fn text_at_the_limit_loads_and_one_byte_more_is_refused() {
    let ok = format!("(title: \"{}\")", long(MAX_TEXT));
    assert_eq!(io::load_str("f", &ok).unwrap().title().len(), MAX_TEXT);
    let src = format!("(title: \"{}\")", long(MAX_TEXT + 1));
    assert_eq!(
        errors(&src),
        vec!["f.journey.ron:1:9: the title is 65537 bytes long; the limit is 65536"]
    );
}

#[test]
fn every_text_field_is_capped_with_its_position() {
    let x = long(MAX_TEXT + 1);
    let src = format!(
        r#"(
    title: "t",
    owner: "{x}",
    outcomes: [(name: "{x}", value: 40.0, unit: "%")],
    stages: [(id: "s", name: "S", description: "{x}")],
    departments: [(id: "d", name: "D")],
    touchpoints: [
        (
            id: "t",
            name: "T",
            metrics: [(name: "{x}", value: 1.0, unit: "{x}")],
            pains: ["ok", "{x}"],
        ),
    ],
    notes: [(id: "n", text: "hi", author: "{x}")],
    actions: [(id: "a", what: "do", owner: "{x}", due: "{x}")],
)"#
    );
    assert_eq!(
        errors(&src),
        vec![
            "f.journey.ron:3:12: the journey owner is 65537 bytes long; the limit is 65536",
            "f.journey.ron:4:23: an outcome name is 65537 bytes long; the limit is 65536",
            "f.journey.ron:5:48: a stage description is 65537 bytes long; the limit is 65536",
            "f.journey.ron:11:30: a metric name is 65537 bytes long; the limit is 65536",
            "f.journey.ron:11:65589: a unit is 65537 bytes long; the limit is 65536",
            "f.journey.ron:12:27: a pain point is 65537 bytes long; the limit is 65536",
            "f.journey.ron:15:43: an author is 65537 bytes long; the limit is 65536",
            "f.journey.ron:16:44: an action owner is 65537 bytes long; the limit is 65536",
            "f.journey.ron:16:65590: a due date is 65537 bytes long; the limit is 65536",
        ]
    );
}

fn touchpoints(n: usize) -> String {
    let mut s = String::from("(title: \"many\", touchpoints: [\n");
    for i in 0..n {
        s.push_str(&format!("(id: \"t{i}\", name: \"\"),\n"));
    }
    s.push_str("])");
    s
}

#[test]
fn too_many_touchpoints() {
    // One over the cap: refused with one clear problem at the list, nothing else.
    let e = errors(&touchpoints(MAX_TOUCHPOINTS + 1));
    assert_eq!(
        e,
        vec!["f.journey.ron:1:30: too many touchpoints: 200001; the limit is 200000"]
    );
}

#[test]
fn too_many_stages_and_departments() {
    let stages: String = (0..=MAX_PARTS)
        .map(|i| format!("(id: \"s{i}\", name: \"\"),"))
        .collect();
    let src = format!("(\n    title: \"x\",\n    stages: [{stages}],\n    departments: [],\n)");
    assert_eq!(
        errors(&src),
        vec!["f.journey.ron:3:13: too many stages: 10001; the limit is 10000"]
    );
}

#[test]
fn too_many_pain_points_and_metrics_on_one_touchpoint() {
    let pains: String = (0..=MAX_ITEMS).map(|i| format!("\"p{i}\",")).collect();
    let metrics: String = (0..=MAX_ITEMS)
        .map(|i| format!("(name: \"m{i}\", value: 1.0),"))
        .collect();
    let src = format!(
        "(\n    title: \"x\",\n    touchpoints: [\n        (id: \"t\", name: \"T\", pains: [{pains}], metrics: [{metrics}]),\n    ],\n)"
    );
    let e = errors(&src);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(
        e[0],
        "f.journey.ron:4:37: too many pain points: 1001; the limit is 1000"
    );
    assert!(
        e[1].ends_with(": too many metrics: 1001; the limit is 1000"),
        "{e:?}"
    );
    let col: usize = e[1].split(':').nth(2).unwrap().parse().unwrap();
    assert_eq!(col, 37 + pains.len() + 13, "{e:?}");
}

#[test]
fn deep_nesting_of_any_shape_is_one_located_error() {
    // The file format itself is at most 6 levels deep, so a type error usually stops
    // deep nesting before the parser's depth cap (MAX_DEPTH) does; either way: one
    // located problem, no stack overflow, whatever the shape.
    let deep = 200_000;
    for (what, src) in [
        (
            "parens",
            format!("(title: \"d\", stages: [{}", "(".repeat(deep)),
        ),
        (
            "lists",
            format!("(title: \"d\", stages: {}", "[".repeat(deep)),
        ),
        (
            "maps",
            format!("(title: \"d\", stages: {}", "{".repeat(deep)),
        ),
        (
            "some",
            format!("(title: \"d\", owner: {}", "Some(".repeat(deep)),
        ),
        (
            "histogram",
            format!(
                "(title: \"d\", touchpoints: [(id: \"t\", name: \"T\", scores: (histogram: {}",
                "[".repeat(deep)
            ),
        ),
        ("top", "(".repeat(deep)),
    ] {
        let e = errors(&src);
        assert_eq!(e.len(), 1, "{what}: {e:?}");
        assert!(e[0].starts_with("f.journey.ron:1:"), "{what}: {e:?}");
    }
    let e = errors(&"(".repeat(deep));
    assert_eq!(e, vec!["f.journey.ron:1:2: Expected identifier"]);
}

#[test]
fn a_huge_bad_value_does_not_make_a_huge_message() {
    // An id of 1 MB.
    let id = long(1 << 20);
    let src = format!("(title: \"x\", stages: [(id: \"{id}\", name: \"S\")])");
    let e = errors(&src);
    assert_eq!(e.len(), 1);
    assert_eq!(
        e[0],
        format!(
            "f.journey.ron:1:28: stage id {:?}... (1048576 bytes) is not valid: use letters, digits, '-', '_' or '.' (1 to 128)",
            long(60)
        )
    );
    // A parser message that quotes a huge string is cut.
    let src = format!("(title: \"x\", {}: 1)", long(1 << 20));
    let e = errors(&src);
    assert_eq!(e.len(), 1);
    assert!(e[0].len() < 400, "{} bytes", e[0].len());
    assert!(
        e[0].starts_with("f.journey.ron:1:14: Unexpected field named `xxxx"),
        "{}",
        e[0]
    );
    assert!(e[0].ends_with("... (cut)"), "{}", e[0]);
}

#[test]
fn the_size_cap_applies_to_text_too() {
    let src = " ".repeat(usize::try_from(io::MAX_FILE_BYTES).unwrap() + 1);
    assert_eq!(
        errors(&src),
        vec!["f.journey.ron: the file is 67108865 bytes; the limit is 67108864"]
    );
}

#[test]
fn too_many_handoffs() {
    use touchpoint::io::dto::{FileDto, HandoffDto};
    let dto = FileDto {
        format: io::CURRENT_FORMAT,
        title: "many handoffs".into(),
        handoffs: (0..=io::MAX_HANDOFFS)
            .map(|_| HandoffDto::default())
            .collect(),
        ..Default::default()
    };
    let problems = io::validate(&dto);
    // Only the cap is reported, not a million unknown touchpoints.
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "handoffs");
    assert_eq!(
        problems[0].message,
        "too many handoffs: 1000001; the limit is 1000000"
    );
}
