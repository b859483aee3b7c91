//! `touchpoint portfolio`.

use crate::portfolio::{portfolio_json, portfolio_markdown, portfolio_text, scan};
use crate::report::ReportFormat;
use std::io::Write;
use std::path::Path;

/// `touchpoint portfolio DIR`: exit 0, or 1 when the folder or some file in it
/// cannot be read.
pub fn cli_portfolio(
    dir: &Path,
    format: ReportFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let entries = match scan(dir) {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(err, "touchpoint: cannot read folder {}: {e}", dir.display());
            return 1;
        }
    };
    let text = match format {
        ReportFormat::Text => portfolio_text(&entries),
        ReportFormat::Markdown => portfolio_markdown(&entries),
        ReportFormat::Json => portfolio_json(&entries) + "\n",
    };
    if let Err(e) = out.write_all(text.as_bytes()) {
        let _ = writeln!(err, "touchpoint: {e}");
        return 1;
    }
    u8::from(entries.iter().any(|e| e.error().is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in crate::samples::SAMPLES {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        std::fs::write(dir.path().join("broken.journey.ron"), "(format: 1, title: ").unwrap();
        std::fs::write(dir.path().join("readme.txt"), "not a journey").unwrap();
        dir
    }

    #[test]
    fn exit_codes() {
        let dir = folder();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(
            cli_portfolio(dir.path(), ReportFormat::Text, &mut out, &mut err),
            1
        );
        std::fs::remove_file(dir.path().join("broken.journey.ron")).unwrap();
        assert_eq!(
            cli_portfolio(dir.path(), ReportFormat::Json, &mut out, &mut err),
            0
        );
        assert_eq!(
            cli_portfolio(
                &dir.path().join("missing"),
                ReportFormat::Text,
                &mut out,
                &mut err
            ),
            1,
            "a folder that cannot be read is an unreadable input (exit 1), not a usage error"
        );
        assert!(String::from_utf8_lossy(&err).contains("cannot read folder"));
    }
}
