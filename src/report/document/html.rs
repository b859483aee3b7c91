//! The HTML report: one self-contained XHTML-compatible file, styled for screen and print.

use super::{Block, ReportOptions, TableKind, blocks};
use crate::analysis::Analysis;
use crate::i18n::{tr, tr_args};
use crate::model::Journey;
use crate::report::escape::xml as escape;
use crate::scene::clean_text;
use std::fmt::Write as _;

/// The Content-Security-Policy of the HTML report: nothing loads, nothing runs.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE: &str = "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
body{font-family:'DejaVu Sans','Droid Sans Fallback',system-ui,sans-serif;\
color:#1f2328;background:#fff;margin:2rem auto;max-width:1280px;padding:0 1rem;line-height:1.45}\
h1{font-size:1.7rem;margin-bottom:.3rem}h2{margin-top:2.2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}\
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem;max-width:100%}\
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}\
th{background:#f3f4f6}td.num{text-align:right}td.cross{background:#fff1e6}\
td.rowhead{font-weight:bold;background:#f6f8fa}\
td.sev{font-weight:bold;text-transform:uppercase;font-size:.8rem;white-space:nowrap}\
td.critical{background:#b42318;color:#fff}td.high{background:#e5533d;color:#fff}\
td.medium{background:#f5b83d}td.low{background:#fbe7a1}td.info{background:#e8ecf0}\
ul{padding-left:1.2rem}\
table.matrix th:not(:first-child){writing-mode:vertical-rl;transform:rotate(180deg);\
vertical-align:bottom;text-align:left;white-space:nowrap;max-height:11rem;overflow:hidden}\
table.matrix td,table.matrix th{overflow-wrap:anywhere}\
.map{border:1px solid #d0d7de;margin:.4rem 0 1rem}\
.map svg{display:block;width:100%;height:auto}\
.full{position:absolute;opacity:0;width:1px;height:1px}\
.full+label{display:inline-block;cursor:pointer;font-size:.85rem;color:#0969da;margin-top:.4rem}\
.full:focus-visible+label{outline:2px solid #0969da}\
.full:checked+label+.map{overflow:auto;max-height:90vh}\
.full:checked+label+.map svg{width:auto;max-width:none}\
@media print{body{margin:0;max-width:none;padding:0;font-size:10pt}\
h2,h3{break-after:avoid}tr,li,p{break-inside:avoid}thead{display:table-header-group}\
table{width:100%}.full,.full+label{display:none}\
section.mappage{page:map;break-before:page;break-after:page;break-inside:avoid}\
section.mappage h2{margin-top:0}\
.map{border:0;margin:0}.map svg{width:100%;height:auto;max-height:165mm}}\
@page{size:A4;margin:16mm 12mm 16mm 12mm}\
@page map{size:A4 landscape;margin:10mm 10mm 12mm 10mm}";

/// `text` as the inside of a CSS string ("…"): quotes, backslashes and markup
/// characters as CSS escapes, control characters as spaces (spaces are kept: the
/// parts of "Page N of M" keep theirs).
fn css_string(text: &str) -> String {
    let mut t = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(t, "\\{:x} ", u32::from(c));
            }
            c if c.is_control() => t.push(' '),
            c => t.push(c),
        }
    }
    t
}

/// The words of the page: the map switch's two labels, and the running header and
/// page numbers of the printed report (CSS `@page` margin boxes) with the title.
fn print_style(title: &str) -> String {
    let t = css_string(&clean_text(title));
    let mut s = format!(
        ".full+label::before{{content:'\\2922  ' \"{}\"}}\
.full:checked+label::before{{content:'\\2921  ' \"{}\"}}",
        css_string(&tr("doc-map-full-size")),
        css_string(&tr("doc-map-fit"))
    );
    let (before, between, after) = page_words();
    for page in ["", " map"] {
        let _ = write!(
            s,
            "@page{page}{{@top-left{{content:\"{t}\";font:8pt 'DejaVu Sans','Droid Sans Fallback',sans-serif;color:#57606a}}\
@bottom-right{{content:\"{before}\" counter(page) \"{between}\" counter(pages) \"{after}\";font:8pt 'DejaVu Sans','Droid Sans Fallback',sans-serif;color:#57606a}}}}"
        );
    }
    s
}

/// "Page N of M" split around its two numbers, each part a CSS string's inside.
fn page_words() -> (String, String, String) {
    const N: &str = "\u{1}";
    const M: &str = "\u{2}";
    let text = tr_args("doc-page-of", &[("page", N.into()), ("pages", M.into())]);
    let (before, rest) = text.split_once(N).unwrap_or((text.as_str(), ""));
    let (between, after) = rest.split_once(M).unwrap_or((rest, ""));
    (css_string(before), css_string(between), css_string(after))
}

/// The HTML report: one self-contained XHTML-compatible file with `svg` (and the
/// to-be map's `to_be_svg`) inlined.
pub fn report_html(
    journey: &Journey,
    a: &Analysis,
    svg: &str,
    to_be_svg: Option<&str>,
    options: &ReportOptions<'_>,
) -> String {
    let blocks = blocks(journey, a, options);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut s = String::with_capacity(svg.len() + 32_000);
    let lang = crate::i18n::current();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"{}\">\n<head>\n",
        lang.tag()
    );
    s.push_str("<meta charset=\"utf-8\"/>\n");
    let _ = writeln!(
        s,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"/>"
    );
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    let _ = writeln!(s, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        s,
        "<style>{STYLE}{}</style>\n</head>\n<body>",
        print_style(&title)
    );
    let mut open_map_section = false;
    let mut blocks = blocks.into_iter().peekable();
    while let Some(b) = blocks.next() {
        match b {
            // A map and its heading print on a landscape page of their own.
            Block::Heading(t) | Block::SubHeading(t)
                if matches!(blocks.peek(), Some(Block::Diagram(_))) =>
            {
                open_map_section = true;
                let _ = writeln!(s, "<section class=\"mappage\">\n<h2>{}</h2>", escape(&t));
            }
            Block::Title(t) => {
                let _ = writeln!(s, "<h1>{}</h1>", escape(&t));
            }
            Block::Heading(t) => {
                let _ = writeln!(s, "<h2>{}</h2>", escape(&t));
            }
            Block::SubHeading(t) => {
                let _ = writeln!(s, "<h3>{}</h3>", escape(&t));
            }
            Block::Para(t) => {
                let _ = writeln!(s, "<p>{}</p>", escape(&t));
            }
            Block::List(items) => {
                s.push_str("<ul>\n");
                for (label, text) in items {
                    let _ = writeln!(
                        s,
                        "<li><strong>{}</strong>: {}</li>",
                        escape(&label),
                        escape(&text)
                    );
                }
                s.push_str("</ul>\n");
            }
            Block::Table { head, rows, kind } => {
                s.push_str(match kind {
                    TableKind::Matrix => "<table class=\"matrix\">\n<thead><tr>",
                    TableKind::Gaps => "<table class=\"gaps\">\n<thead><tr>",
                    TableKind::Plain => "<table>\n<thead><tr>",
                });
                for h in &head {
                    let _ = write!(s, "<th>{}</th>", escape(h));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    s.push_str("<tr>");
                    for c in row {
                        if c.class.is_empty() {
                            let _ = write!(s, "<td>{}</td>", escape(&c.text));
                        } else {
                            let _ = write!(s, "<td class=\"{}\">{}</td>", c.class, escape(&c.text));
                        }
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
            }
            Block::Chart(_) => {
                if let Some(doc) = &options.chart_svg {
                    s.push_str("<div class=\"map chart\" style=\"max-width:760px\">\n");
                    s.push_str(strip_xml_declaration(doc));
                    s.push_str("</div>\n");
                }
            }
            Block::Diagram(i) => {
                let doc = if i == 0 { Some(svg) } else { to_be_svg };
                if let Some(doc) = doc {
                    let _ = write!(
                        s,
                        "<input type=\"checkbox\" class=\"full\" id=\"full-map-{i}\"/>\
                         <label for=\"full-map-{i}\"></label>\n<div class=\"map\">\n"
                    );
                    s.push_str(strip_xml_declaration(doc));
                    s.push_str("</div>\n");
                }
                if std::mem::take(&mut open_map_section) {
                    s.push_str("</section>\n");
                }
            }
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn strip_xml_declaration(svg: &str) -> &str {
    match svg.strip_prefix("<?xml") {
        Some(rest) => rest
            .find("?>")
            .and_then(|i| rest.get(i + 2..))
            .map_or(svg, str::trim_start),
        None => svg,
    }
}
