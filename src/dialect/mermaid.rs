//! The Mermaid `journey` dialect, written by `export::mermaid` and read by
//! `import::mermaid` alike: the score mapping (1-5 <-> 0-10), the notes line that keeps
//! further actors, the unscored marker, and the escaping of text with Mermaid's entity
//! codes and its decoding. Pure text functions.
//!
//! Escaping: `#` -> `#35;`, `:` -> `#58;`, `;` -> `#59;`, `<` -> `#lt;`, `>` -> `#gt;`,
//! in actors `,` -> `#44;`, the second `%` of `%%` -> `#37;`; a line break becomes
//! `<br>`; other control characters become spaces. A task name that would start with a
//! Mermaid keyword gets its first letter as an entity code.

/// The notes line that keeps the second and further actors of a task.
pub const ALSO_INVOLVED: &str = "Also involved: ";
/// The comment line that marks the next task as having no score.
pub const UNSCORED: &str = "%% unscored";

/// Mermaid score 1..=5 -> mean on the 0-10 scale.
pub fn score_to_mean(score: f64) -> f64 {
    (score - 1.0) * 2.5
}

/// Mean on the 0-10 scale -> Mermaid score: `round(mean / 2.5) + 1`, clamped to 1..=5.
pub fn mean_to_score(mean: f64) -> u8 {
    if !mean.is_finite() {
        return 3;
    }
    ((mean / 2.5).round() + 1.0).clamp(1.0, 5.0) as u8
}

/// Decode Mermaid entity codes (`#35;`, `#lt;`) and `<br>` line breaks.
pub fn decode_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '#'
            && let Some((decoded, len)) = entity_at(rest)
        {
            out.push_str(&decoded);
            rest = rest.get(len..).unwrap_or_default();
            continue;
        }
        if c == '<'
            && let Some(len) = br_at(rest)
        {
            out.push('\n');
            rest = rest.get(len..).unwrap_or_default();
            continue;
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// `#\w+;` at the start of `s`: (decoded text, length). Unknown names stay as written.
pub(crate) fn entity_at(s: &str) -> Option<(String, usize)> {
    let body = s.strip_prefix('#')?;
    let end = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    if end == 0 || body.get(end..end + 1) != Some(";") {
        return None;
    }
    let word = body.get(..end)?;
    let len = end + 2;
    if word.bytes().all(|b| b.is_ascii_digit()) {
        let code: u32 = word.parse().ok()?;
        return Some((char::from_u32(code)?.to_string(), len));
    }
    let c = match word {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "hash" | "num" => '#',
        "colon" => ':',
        "semi" => ';',
        "comma" => ',',
        "percnt" => '%',
        "hearts" => '♥',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "infin" => '∞',
        _ => return Some((format!("#{word};"), len)),
    };
    Some((c.to_string(), len))
}

/// `<br>`, `<br/>`, `<br />` (any case, any spaces) at the start of `s`: its length.
fn br_at(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('<')?;
    if !rest.get(..2)?.eq_ignore_ascii_case("br") {
        return None;
    }
    let after = rest.get(2..)?;
    let spaces = after.len() - after.trim_start().len();
    let after = after.get(spaces..)?;
    let slash = usize::from(after.starts_with('/'));
    let after = after.get(slash..)?;
    after.starts_with('>').then_some(1 + 2 + spaces + slash + 1)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_mapping_is_documented_and_round_trips() {
        assert_eq!(score_to_mean(1.0), 0.0);
        assert_eq!(score_to_mean(3.0), 5.0);
        assert_eq!(score_to_mean(5.0), 10.0);
        for s in 1..=5u8 {
            assert_eq!(mean_to_score(score_to_mean(f64::from(s))), s);
        }
        assert_eq!(mean_to_score(0.0), 1);
        assert_eq!(mean_to_score(1.24), 1);
        assert_eq!(mean_to_score(1.25), 2);
        assert_eq!(mean_to_score(6.3), 4);
        assert_eq!(mean_to_score(10.0), 5);
        assert_eq!(mean_to_score(f64::NAN), 3);
    }

    #[test]
    fn entities_and_line_breaks_decode() {
        assert_eq!(decode_text("a#58;b#35;c#59;"), "a:b#c;");
        assert_eq!(decode_text("#lt;script#gt;"), "<script>");
        assert_eq!(decode_text("I #9829; it"), "I ♥ it");
        assert_eq!(decode_text("#unknown; #"), "#unknown; #");
        assert_eq!(decode_text("a<br>b<BR />c<br/>d"), "a\nb\nc\nd");
        assert_eq!(decode_text("#99999999999;"), "#99999999999;");
    }

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
