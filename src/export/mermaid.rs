//! Mermaid `journey` export, for pasting a summary into a wiki:
//!
//! ```text
//! journey
//!     title Move address
//!     section Notify the move
//!       Customer reports the move: 2: Customer
//! ```
//!
//! * Sections are the stages in order (empty ones too); touchpoints without a stage come
//!   first, before any section. Tasks are the touchpoints in reading order
//!   ([`super::order`]).
//! * Score: mean m (0-10) -> `round(m / 2.5) + 1`, clamped to 1..=5 (0-1.24 -> 1,
//!   1.25-3.74 -> 2, 3.75-6.24 -> 3, 6.25-8.74 -> 4, 8.75-10 -> 5). Mermaid needs a score,
//!   so a touchpoint without one is written as 3 after a `%% unscored` comment line, which
//!   our importer honours.
//! * Actors: the owner's name, then the names kept on an `Also involved: ` notes line.
//! * Escaping, with Mermaid's entity codes (decoded by Mermaid when it renders):
//!   `#` -> `#35;`, `:` -> `#58;`, `;` -> `#59;`, `<` -> `#lt;`, `>` -> `#gt;`,
//!   in actors `,` -> `#44;`, the second `%` of `%%` -> `#37;`; a line break becomes
//!   `<br>`; other control characters become spaces. A task name that would start with
//!   a Mermaid keyword (`journey`, `title`, `section`, `accTitle`, `accDescr`) gets its
//!   first letter as an entity code. So `<script>` comes out as `#lt;script#gt;`: inert text.

use crate::import::mermaid::{ALSO_INVOLVED, UNSCORED, mean_to_score};
use crate::model::{Journey, Touchpoint};
use std::fmt::Write as _;

/// Escape a text for a Mermaid journey statement (see the module docs).
pub fn escape(text: &str, actor: bool) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    let mut previous_percent = false;
    for c in text.chars() {
        let percent = c == '%';
        match c {
            '#' => out.push_str("#35;"),
            ':' => out.push_str("#58;"),
            ';' => out.push_str("#59;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            ',' if actor => out.push_str("#44;"),
            '%' if previous_percent => out.push_str("#37;"),
            '\n' | '\r' => out.push_str("<br>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
        previous_percent = percent && !previous_percent;
    }
    out
}

/// Escape a task name: [`escape`], and a name that would start with a Mermaid keyword
/// (`journey`, `title`, `section`, `accTitle`, `accDescr`) gets its first letter as an
/// entity code, so the line stays a task.
pub fn escape_task(text: &str) -> String {
    let out = escape(text, false);
    let lower = out.to_ascii_lowercase();
    let keyword = ["journey", "title", "section", "acctitle", "accdescr"]
        .iter()
        .any(|k| lower.starts_with(k));
    match out.chars().next() {
        Some(first) if keyword => {
            format!("#{};{}", u32::from(first), out.get(1..).unwrap_or_default())
        }
        _ => out,
    }
}

/// The actors of a task: the owner, then the names on an `Also involved: ` notes line.
fn actors(journey: &Journey, t: &Touchpoint) -> Vec<String> {
    let Some(owner) = &t.owner else {
        return Vec::new();
    };
    let mut out = vec![journey.department_name(Some(owner))];
    if let Some(line) = t.notes.lines().find_map(|l| l.strip_prefix(ALSO_INVOLVED)) {
        out.extend(
            line.split(", ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
    }
    out
}

/// One task line (with the `%% unscored` line before it when it has no score).
fn task(out: &mut String, journey: &Journey, t: &Touchpoint) {
    let name = escape_task(t.name.trim());
    let name = if name.trim().is_empty() {
        escape_task(t.id.as_str())
    } else {
        name
    };
    let score = match t.mean_score() {
        Some(m) => mean_to_score(m),
        None => {
            let _ = writeln!(out, "      {UNSCORED}");
            3
        }
    };
    let actors: Vec<String> = actors(journey, t)
        .iter()
        .map(|a| escape(a.trim(), true))
        .filter(|a| !a.trim().is_empty())
        .collect();
    if actors.is_empty() {
        let _ = writeln!(out, "      {name}: {score}");
    } else {
        let _ = writeln!(out, "      {name}: {score}: {}", actors.join(", "));
    }
}

/// The Mermaid `journey` text of a journey.
pub fn to_mermaid(journey: &Journey) -> String {
    let mut out = String::from("journey\n");
    let title = escape(journey.title().trim(), false).replace("<br>", " ");
    if !title.trim().is_empty() {
        let _ = writeln!(out, "    title {title}");
    }
    let description = journey.meta().description.trim();
    if !description.is_empty() {
        let d = escape(description, false).replace("<br>", " ");
        let _ = writeln!(out, "    accDescr: {d}");
    }
    let order = super::reading_order(journey);
    for t in order.iter().filter(|t| t.stage.is_none()) {
        task(&mut out, journey, t);
    }
    for stage in journey.stages() {
        let name = escape(stage.name.trim(), false).replace("<br>", " ");
        let name = if name.trim().is_empty() {
            escape(stage.id.as_str(), false)
        } else {
            name
        };
        let _ = writeln!(out, "    section {name}");
        for t in order.iter().filter(|t| t.stage.as_ref() == Some(&stage.id)) {
            task(&mut out, journey, t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::mermaid::decode_text;

    #[test]
    fn escapes_are_inert_and_decode_back() {
        for text in [
            "<script>alert(1)</script>",
            "\"]; evil [",
            "a: b # c; d",
            "100%% sure, 40% not",
            "Section review",
            "journey planner",
            "Title page",
            "#lt; literally",
        ] {
            let e = escape(text, true);
            assert_eq!(decode_text(&escape_task(text)), text);
            for bad in [':', ';', '<', '>', ','] {
                let stripped = e
                    .replace("#35;", "")
                    .replace("#58;", "")
                    .replace("#59;", "");
                let stripped = stripped
                    .replace("#lt;", "")
                    .replace("#gt;", "")
                    .replace("#44;", "")
                    .replace("#37;", "");
                assert!(!stripped.contains(bad), "{text:?} -> {e:?}");
            }
            assert!(!e.contains("%%"), "{e}");
            assert_eq!(decode_text(&e), text, "{e}");
        }
        assert_eq!(escape("<script>", false), "#lt;script#gt;");
        assert_eq!(escape_task("Section A"), "#83;ection A");
        assert_eq!(escape("Section A", false), "Section A");
        assert_eq!(escape("a\nb", false), "a<br>b");
        assert_eq!(escape("a, b", false), "a, b");
        assert_eq!(escape("a, b", true), "a#44; b");
    }
}
