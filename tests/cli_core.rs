//! The command line as a user runs it: validate, fmt, generate, new.

use std::path::Path;
use std::process::{Command, Output};

fn touchpoint(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn generate_validate_and_fmt_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let out = touchpoint(
        &[
            "generate",
            "--touchpoints",
            "300",
            "--seed",
            "4",
            "-o",
            "big.journey.ron",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = touchpoint(&["validate", "big.journey.ron"], dir.path());
    assert!(out.status.success());
    let line = text(&out.stdout);
    assert!(
        line.starts_with("big.journey.ron: 300 touchpoints, "),
        "{line}"
    );
    assert!(
        line.trim_end().ends_with("4 stages, 12 departments"),
        "{line}"
    );
    // Generated output is canonical; fmt --check agrees and fmt changes nothing.
    let before = std::fs::read(dir.path().join("big.journey.ron")).unwrap();
    assert!(
        touchpoint(&["fmt", "--check", "big.journey.ron"], dir.path())
            .status
            .success()
    );
    assert!(
        touchpoint(&["fmt", "big.journey.ron"], dir.path())
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(dir.path().join("big.journey.ron")).unwrap(),
        before
    );
}

#[test]
fn fmt_check_flags_and_fmt_fixes_a_hand_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let hand = "(title: \"Hand\", stages: [(id: \"b\", name: \"B\")], touchpoints: [(id: \"z\", name: \"Z\", stage: \"b\"), (id: \"a\", name: \"A\")])";
    std::fs::write(dir.path().join("hand.journey.ron"), hand).unwrap();
    let out = touchpoint(&["fmt", "--check", "hand.journey.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("hand.journey.ron: not in canonical form"));
    assert!(
        touchpoint(&["fmt", "hand.journey.ron"], dir.path())
            .status
            .success()
    );
    let canonical = std::fs::read_to_string(dir.path().join("hand.journey.ron")).unwrap();
    assert!(canonical.starts_with("(\n    format: 1,\n    title: \"Hand\",\n"));
    assert!(
        canonical.find("id: \"a\"").unwrap() < canonical.find("id: \"z\"").unwrap(),
        "touchpoints sorted by id"
    );
    assert!(canonical.contains("stage: Some(\"b\")"));
    assert!(
        touchpoint(&["fmt", "--check", "hand.journey.ron"], dir.path())
            .status
            .success()
    );
}

#[test]
fn validate_lists_every_problem_of_every_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.journey.ron"),
        "(\n    title: \"Bad\",\n    touchpoints: [(id: \"a\", name: \"A\", owner: Some(\"x\"))],\n    handoffs: [(from: \"a\", to: \"b\")],\n)\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("ok.journey.ron"), "(title: \"Ok\")").unwrap();
    let out = touchpoint(
        &[
            "validate",
            "bad.journey.ron",
            "ok.journey.ron",
            "missing.journey.ron",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "bad.journey.ron:3:47: unknown department \"x\" (not in `departments`)"
    );
    assert_eq!(
        lines[1],
        "bad.journey.ron:4:32: unknown touchpoint \"b\" (not in `touchpoints`)"
    );
    assert!(
        lines[2].starts_with("missing.journey.ron: cannot read:"),
        "{err}"
    );
    assert_eq!(
        text(&out.stdout),
        "ok.journey.ron: 0 touchpoints, 0 handoffs, 0 stages, 0 departments\n"
    );
}

#[test]
fn new_writes_a_starter_journey_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        touchpoint(
            &["new", "mine.journey.ron", "--title", "Moving home"],
            dir.path()
        )
        .status
        .success()
    );
    let out = touchpoint(&["validate", "mine.journey.ron"], dir.path());
    assert_eq!(
        text(&out.stdout),
        "mine.journey.ron: 0 touchpoints, 0 handoffs, 4 stages, 1 departments\n"
    );
    let out = touchpoint(&["new", "mine.journey.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn help_explains_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let out = touchpoint(&["--help"], dir.path());
    let help = text(&out.stdout);
    for sub in ["validate", "fmt", "generate", "new", "open"] {
        assert!(help.contains(sub), "{sub} missing from --help");
        let out = touchpoint(&[sub, "--help"], dir.path());
        assert!(
            out.status.success() && text(&out.stdout).contains("Usage: touchpoint"),
            "{sub} --help"
        );
    }
    // Every subcommand's own help opens with the description the top-level help gives
    // it (the subcommands' arguments are built only when asked for: an argument
    // struct's doc comment must not replace the description).
    let listed: Vec<(&str, &str)> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.trim().split_once(' '))
        .map(|(name, about)| (name, about.trim()))
        .filter(|(name, _)| *name != "help")
        .collect();
    assert!(listed.len() >= 19, "{listed:?}");
    for (sub, about) in listed {
        let out = touchpoint(&[sub, "--help"], dir.path());
        let own = text(&out.stdout);
        let first = own.lines().next().unwrap_or_default();
        let start: String = about.chars().take(40).collect();
        assert!(
            first.starts_with(&start),
            "{sub} --help opens with {first:?}, not {about:?}"
        );
    }
}
