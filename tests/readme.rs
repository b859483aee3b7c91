//! The README stays true: its file-format example loads, and every subcommand it
//! documents exists.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

#[test]
fn the_file_format_example_loads() {
    let text = readme();
    let start = text.find("```ron\n").expect("a ron block") + "```ron\n".len();
    let len = text[start..].find("```").expect("closed block");
    let journey = touchpoint::io::load_str("README.md", &text[start..start + len])
        .unwrap_or_else(|e| panic!("the README example does not load:\n{e}"));
    assert_eq!(journey.touchpoint_count(), 2);
    assert_eq!(journey.handoff_count(), 1);
    assert_eq!(journey.departments().len(), 3);
    assert_eq!(journey.notes().count(), 1);
    assert_eq!(journey.actions().count(), 1);
}

#[test]
fn every_documented_subcommand_exists() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_touchpoint"))
        .arg("--help")
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    let text = readme();
    for sub in [
        "validate",
        "fmt",
        "new",
        "generate",
        "analyze",
        "diff",
        "export",
        "import",
        "portfolio",
        "compare",
        "present",
        "drivers",
        "whatif",
        "recover",
        "mine",
        "measure",
        "generate-log",
    ] {
        assert!(
            text.contains(&format!("`touchpoint {sub}")),
            "README documents {sub}"
        );
        assert!(help.contains(&format!("  {sub} ")), "--help lists {sub}");
    }
}
