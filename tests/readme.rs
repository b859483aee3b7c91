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

/// `n` with thousands separators, as the README writes numbers: 200000 -> "200,000".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Every limit the code enforces is in the README's Limits table with its current value
/// (issue 21): changing a constant without the README fails here.
#[test]
fn every_enforced_limit_is_in_the_limits_table() {
    use touchpoint::evidence::{drivers, eventlog, feedback, table, themes};
    use touchpoint::export::{pdf, raster};
    let text = readme();
    let start = text.find("\n## Limits\n").expect("a Limits section");
    let end = text[start + 1..]
        .find("\n## ")
        .map_or(text.len(), |e| start + 1 + e);
    let limits = &text[start..end];
    let mib = |b: u64| format!("{} MiB", b / (1024 * 1024));
    let n = |v: usize| grouped(v as u64);
    let expected = [
        mib(touchpoint::io::MAX_FILE_BYTES),
        format!("{} levels", touchpoint::io::MAX_DEPTH),
        format!("{} KiB", touchpoint::io::MAX_TEXT / 1024),
        format!(
            "{} / {}",
            n(touchpoint::io::MAX_TOUCHPOINTS),
            n(touchpoint::io::MAX_HANDOFFS)
        ),
        format!("| {} each |", n(touchpoint::io::MAX_PARTS)),
        format!("| {} each |", n(touchpoint::io::MAX_ITEMS)),
        format!("| {} |", touchpoint::io::MAX_PROBLEMS),
        mib(touchpoint::import::MAX_IMPORT_BYTES as u64),
        format!("| {} |", n(touchpoint::import::MAX_ROWS)),
        format!("| {} |", n(touchpoint::import::csv::MAX_COLUMNS)),
        format!("| {} |", touchpoint::import::MAX_PROBLEMS),
        format!(
            "{} px a side, {} megapixels",
            n(raster::MAX_SIDE as usize),
            raster::MAX_PIXELS / 1_000_000
        ),
        format!("{} shapes and texts", n(raster::MAX_NODES)),
        format!("| {} |", pdf::MAX_PAGES),
        format!("{:.0}% or more", pdf::MIN_FIT_SCALE * 100.0),
        format!("pages at {:.0}%", pdf::PAGE_SCALE * 100.0),
        format!("| {} |", touchpoint::report::document::MAX_GAPS),
        format!("{} journey files", touchpoint::portfolio::MAX_FILES),
        mib(table::MAX_XLSX_BYTES),
        format!("| {} |", n(table::MAX_TABLE_ROWS)),
        format!("| {} |", n(table::MAX_CELLS)),
        format!("| {} |", table::MAX_ENCODING_REPORTS),
        format!("{} bytes | cut", feedback::MAX_KEPT_COMMENT),
        format!(
            "{}, from the {} most used words, {} quotes of at most {} characters",
            feedback::MAX_THEMES,
            themes::MAX_CANDIDATES,
            themes::MAX_QUOTES,
            themes::MAX_QUOTE_CHARS
        ),
        format!("| {} |", feedback::MAX_PROBLEMS),
        format!("| {} |", drivers::MAX_TOUCHPOINTS),
        format!("| {} |", n(eventlog::MAX_ACTIVITIES)),
        format!(
            "{} / {} events",
            n(eventlog::MAX_VARIANTS),
            eventlog::MAX_VARIANT_LEN
        ),
        n(eventlog::DEFAULT_BUDGET),
        format!("| {} |", eventlog::MAX_LISTED),
    ];
    let missing: Vec<&String> = expected
        .iter()
        .filter(|e| !limits.contains(e.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "not in the README's Limits table: {missing:?}"
    );
}
