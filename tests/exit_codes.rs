//! Issue #21, finding 7: the same kind of failure gives the same exit code in every
//! command, as the README says: 1 for an input that cannot be read (or is invalid),
//! 2 for a usage error.

use std::path::Path;
use std::process::Command;

fn code(dir: &Path, args: &[&str]) -> Option<i32> {
    Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run")
        .status
        .code()
}

#[test]
fn unreadable_input_exits_1_in_every_command() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path();
    std::fs::write(p.join("ok.journey.ron"), "(title: \"Ok\")\n").unwrap();
    std::fs::write(p.join("bad.journey.ron"), "(title: 3)\n").unwrap();
    for missing in ["missing.journey.ron", "bad.journey.ron"] {
        for args in [
            vec!["validate", missing],
            vec!["fmt", missing],
            vec!["analyze", missing],
            vec!["diff", "ok.journey.ron", missing],
            vec!["export", missing, "-o", "out.dot"],
        ] {
            assert_eq!(code(p, &args), Some(1), "{args:?}");
        }
    }
    assert_eq!(
        code(p, &["import", "missing.csv", "-o", "o.journey.ron"]),
        Some(1)
    );
    assert_eq!(code(p, &["portfolio", "no-such-folder"]), Some(1));
}

#[test]
fn usage_errors_exit_2_in_every_command() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path();
    std::fs::write(p.join("ok.journey.ron"), "(title: \"Ok\")\n").unwrap();
    for args in [
        vec!["analyze", "ok.journey.ron", "--format", "yaml"],
        vec![
            "diff",
            "ok.journey.ron",
            "ok.journey.ron",
            "--format",
            "yaml",
        ],
        vec!["export", "ok.journey.ron", "-o", "out.unknown"],
        vec!["import", "ok.journey.ron", "-o", "o.journey.ron"],
        vec!["fmt", "--no-such-option", "ok.journey.ron"],
        vec!["portfolio", ".", "--format", "yaml"],
    ] {
        assert_eq!(code(p, &args), Some(2), "{args:?}");
    }
}
