//! Escaping user text for the report and drawing formats: XML/HTML ([`xml`]) and
//! Markdown ([`md`], [`md_line`]: the one Markdown escaper, which also neutralises HTML).

use crate::scene::clean_text;

/// Is `c` allowed in an XML 1.0 document?
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Append `s` escaped for XML text and attribute values (`&`, `<`, `>`, `"`, `'`);
/// characters that XML 1.0 forbids are dropped.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// `s` escaped for XML / HTML.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// Escape text for Markdown inside a line (table cells, list items, headings): HTML
/// is neutralised with entities, emphasis, links, code and table syntax with
/// backslashes; newlines become spaces.
pub fn md(text: &str) -> String {
    let text = clean_text(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// [`md`] for text that starts a line (a paragraph): a leading `#`, `-`, `+`, `=` or
/// `1.` would start a heading, a list or a rule, so it is escaped too.
pub fn md_line(text: &str) -> String {
    let mut out = md(text);
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    } else if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out
            .get(..dot)
            .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        out.insert(dot, '\\');
    }
    out
}
