//! The Markdown report.

use super::{Block, ReportOptions, blocks};
use crate::analysis::Analysis;
use crate::i18n::tr;
use crate::model::Journey;
use crate::report::escape::{md, md_line};
use std::fmt::Write as _;

/// Percent-encode a relative file name for a Markdown link.
fn url_path(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The Markdown report. The map is linked as `options.svg_name` (write the SVG next
/// to the report).
pub fn report_markdown(journey: &Journey, a: &Analysis, options: &ReportOptions<'_>) -> String {
    let mut s = String::new();
    for b in blocks(journey, a, options) {
        match b {
            Block::Title(t) => {
                let _ = writeln!(s, "# {}\n", md(&t));
            }
            Block::Heading(t) => {
                let _ = writeln!(s, "## {}\n", md(&t));
            }
            Block::SubHeading(t) => {
                let _ = writeln!(s, "### {}\n", md(&t));
            }
            Block::Para(t) => {
                let _ = writeln!(s, "{}\n", md_line(&t));
            }
            Block::List(items) => {
                for (label, text) in items {
                    let _ = writeln!(s, "- **{}**: {}", md(&label), md(&text));
                }
                s.push('\n');
            }
            Block::Table { head, rows, .. } => {
                s.push('|');
                for h in &head {
                    let _ = write!(s, " {} |", md(h));
                }
                s.push_str("\n|");
                for _ in &head {
                    s.push_str(" --- |");
                }
                s.push('\n');
                for row in rows {
                    s.push('|');
                    for c in row {
                        let _ = write!(s, " {} |", md(&c.text));
                    }
                    s.push('\n');
                }
                s.push('\n');
            }
            Block::Chart(_) => {
                if !options.chart_name.is_empty() {
                    let _ = writeln!(
                        s,
                        "![{}]({})\n",
                        md(&tr("kd-doc-heading")),
                        url_path(&options.chart_name)
                    );
                }
            }
            Block::Diagram(i) => {
                let name = if i == 0 {
                    options.svg_name.as_str()
                } else {
                    options.compare.as_ref().map_or("", |c| c.svg_name.as_str())
                };
                if !name.is_empty() {
                    let _ = writeln!(
                        s,
                        "![{}]({})\n",
                        md(&if i == 0 {
                            tr("doc-journey-map")
                        } else {
                            tr("doc-to-be-map")
                        }),
                        url_path(name)
                    );
                }
            }
        }
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}
