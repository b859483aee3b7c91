//! `touchpoint import` and `touchpoint export` on real files: exit codes, messages,
//! the three CSV files, standard output, and import of what export wrote.

use clap::Parser;
use std::path::Path;
use touchpoint::cli::{Cli, Command};

/// Run a command line; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (u8, String, String) {
    let cli = Cli::try_parse_from(std::iter::once("touchpoint").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = match cli.command {
        Some(Command::Export(a)) => touchpoint::cli::cli_export(&a, &mut out, &mut err),
        Some(Command::Import(a)) => touchpoint::cli::cli_import(&a, &mut out, &mut err),
        other => panic!("not an import or export: {other:?}"),
    };
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn sample(name: &str) -> String {
    format!("{}/sample_journeys/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn p(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[test]
fn csv_export_writes_three_files_that_import_back() {
    let dir = tempfile::tempdir().unwrap();
    let src = sample("move-address.journey.ron");
    let (code, out, err) = run(&["export", &src, "-o", &p(dir.path(), "move.csv")]);
    assert_eq!(code, 0, "{err}");
    for (table, what) in [
        ("touchpoints", "19 touchpoints"),
        ("handoffs", "24 handoffs"),
        ("matrix", "department x department handoff matrix"),
    ] {
        let path = p(dir.path(), &format!("move.{table}.csv"));
        assert!(out.contains(&format!("{path}: {what}")), "{out}");
        assert!(Path::new(&path).exists());
    }
    // Import the touchpoints and the handoffs tables back into a journey file.
    let ron = p(dir.path(), "back.journey.ron");
    let (code, out, err) = run(&[
        "import",
        &p(dir.path(), "move.touchpoints.csv"),
        &p(dir.path(), "move.handoffs.csv"),
        "-o",
        &ron,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("19 touchpoints, 24 handoffs"), "{out}");
    let back = touchpoint::io::load_file(Path::new(&ron)).unwrap();
    let original = touchpoint::io::load_file(Path::new(&src)).unwrap();
    assert_eq!(back.title(), "move");
    assert_eq!(back.handoffs(), original.handoffs());
    let names = |j: &touchpoint::model::Journey| j.touchpoints().cloned().collect::<Vec<_>>();
    assert_eq!(names(&back), names(&original));
}

#[test]
fn text_formats_go_to_standard_output() {
    let src = sample("fixed-line-installation.journey.ron");
    let (code, out, _) = run(&["export", &src, "--format", "mermaid", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("journey\n    title Fixed-line installation\n"),
        "{out}"
    );
    let (code, out, _) = run(&["export", &src, "--format", "dot", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("digraph journey {"), "{out}");
    let (code, out, err) = run(&["export", &src, "--format", "csv", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("id,name,"), "{out}");
    assert!(err.contains("writing the touchpoints table"), "{err}");
    let (code, out, _) = run(&[
        "export", &src, "--format", "csv", "--table", "matrix", "--bom", "-o", "-",
    ]);
    assert_eq!(code, 0);
    assert!(out.starts_with("\u{feff}from \\ to,Sales,"), "{out}");
}

#[test]
fn format_is_inferred_from_the_extension_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let src = sample("fibre-installation.journey.ron");
    let (code, out, err) = run(&["export", &src, "-o", &p(dir.path(), "f.gv")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("f.gv: "), "{out}");
    let text = std::fs::read_to_string(dir.path().join("f.gv")).unwrap();
    assert!(text.starts_with("digraph journey {"));
    let (code, _, err) = run(&["export", &src, "-o", &p(dir.path(), "f.xyz")]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot tell the format"), "{err}");
    let (code, _, err) = run(&["export", &src, "-o", &p(dir.path(), "f.svg")]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(dir.path().join("f.svg")).unwrap();
    assert!(svg.starts_with("<?xml"), "{svg}");
    let (code, _, err) = run(&["export", &src, "--format", "png", "-o", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("binary format"), "{err}");
    let (code, _, err) = run(&[
        "export",
        "/nonexistent/x.journey.ron",
        "-o",
        "-",
        "--format",
        "dot",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn import_reports_problems_and_strict_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("team.csv");
    std::fs::write(
        &csv,
        "name,stage,owner,satisfaction\nA,S,X,7\nB,S,Y,eleven\n",
    )
    .unwrap();
    let out_path = p(dir.path(), "team.journey.ron");
    let csv_s = csv.display().to_string();
    let (code, out, err) = run(&["import", &csv_s, "-o", &out_path]);
    assert_eq!(code, 0);
    assert_eq!(
        err,
        format!("{csv_s}:3: satisfaction \"eleven\" is not a number; left empty\n")
    );
    assert!(out.contains("2 touchpoints, 1 handoffs"), "{out}");
    assert!(
        out.contains("1 row(s) or line(s) not fully imported"),
        "{out}"
    );
    let j = touchpoint::io::load_file(Path::new(&out_path)).unwrap();
    assert_eq!(j.title(), "team");

    let strict_out = p(dir.path(), "strict.journey.ron");
    let (code, _, err) = run(&["import", &csv_s, "-o", &strict_out, "--strict"]);
    assert_eq!(code, 1);
    assert!(err.contains("nothing written (--strict)"), "{err}");
    assert!(!Path::new(&strict_out).exists());

    // Nothing usable: exit 1.
    let empty = dir.path().join("empty.mmd");
    std::fs::write(&empty, "journey\ntitle Nothing here\n").unwrap();
    let (code, _, err) = run(&["import", &empty.display().to_string(), "-o", "-"]);
    assert_eq!(code, 1);
    assert!(err.contains("nothing imported"), "{err}");

    // An unknown extension needs --from.
    let odd = dir.path().join("journey.data");
    std::fs::write(&odd, "journey\nA: 3: X\n").unwrap();
    let odd_s = odd.display().to_string();
    let (code, _, err) = run(&["import", &odd_s, "-o", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("--from csv or --from mermaid"), "{err}");
    let (code, out, _) = run(&["import", &odd_s, "--from", "mermaid", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(out.contains("title: \"journey\""), "{out}");
}

#[test]
fn mermaid_export_imports_back_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let src = sample("ecommerce.journey.ron");
    let mmd = p(dir.path(), "shop.mmd");
    assert_eq!(run(&["export", &src, "-o", &mmd]).0, 0);
    let ron = p(dir.path(), "shop.journey.ron");
    let (code, _, err) = run(&["import", &mmd, "-o", &ron]);
    assert_eq!(code, 0, "{err}");
    let back = touchpoint::io::load_file(Path::new(&ron)).unwrap();
    let original = touchpoint::io::load_file(Path::new(&src)).unwrap();
    assert_eq!(back.touchpoint_count(), original.touchpoint_count());
    assert_eq!(back.title(), original.title());
    let mut a: Vec<String> = back.touchpoints().map(|t| t.name.clone()).collect();
    let mut b: Vec<String> = original.touchpoints().map(|t| t.name.clone()).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}
