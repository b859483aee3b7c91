//! Text: measuring (an approximate width for DejaVu Sans and the CJK fallback), fitting
//! with '…', and wrapping. Numbers, durations and dates come from `i18n::format`.

use super::*;

/// Is `c` drawn double width (CJK ideographs, kana, hangul, full-width forms)?
pub(super) fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Advance of one character in em, a slightly generous estimate for DejaVu Sans.
pub(super) fn char_em(c: char) -> f32 {
    match c {
        ' ' => 0.32,
        'i' | 'l' | 'j' | '!' | '|' | '.' | ',' | ':' | ';' | '\'' | '`' => 0.30,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '/' | '\\' | '"' => 0.43,
        'm' | 'w' => 0.95,
        'M' | 'W' => 1.0,
        'a'..='z' => 0.63,
        'A'..='Z' => 0.75,
        '0'..='9' => 0.65,
        '…' => 1.0,
        '%' | '@' | '&' => 0.95,
        c if is_wide(c) => 1.02,
        c if c.is_ascii() => 0.7,
        _ => 0.72,
    }
}

/// Approximate width of `text` at font `size` (points).
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let em: f32 = text.chars().map(char_em).sum();
    em * size * if bold { 1.1 } else { 1.0 }
}

/// Replace control characters (newlines, tabs, NUL...) with spaces and drop the bidi
/// embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069: an unclosed
/// one reverses the rest of a line in a browser), and trim, so every text item is one
/// printable line that reads as it was written.
pub fn clean_text(text: &str) -> String {
    // Most text is clean already: one copy, not two.
    if is_clean(text) {
        return text.to_owned();
    }
    let s: String = text
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    s.trim().to_owned()
}

/// [`clean_text`] of a string already owned: kept as it is when clean (most are).
pub fn clean_owned(text: String) -> String {
    if is_clean(&text) {
        text
    } else {
        clean_text(&text)
    }
}

fn is_clean(text: &str) -> bool {
    !text.chars().any(|c| c.is_control() || is_bidi_control(c)) && text.trim().len() == text.len()
}

/// A bidi embedding, override or isolate control.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` cut with '…' so that it fits `max_width`.
pub fn fit_text(text: &str, size: f32, bold: bool, max_width: f32) -> String {
    if text_width(text, size, bold) <= max_width {
        return text.to_owned();
    }
    let scale = size * if bold { 1.1 } else { 1.0 };
    let budget = max_width - char_em('…') * scale;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = char_em(c) * scale;
        if used + w > budget {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end();
    if trimmed.is_empty() && budget < 0.0 {
        return String::new();
    }
    format!("{trimmed}…")
}

/// Word-wrap `text` into at most `max_lines` lines of `max_width`; the last line is
/// cut with '…' when the text does not fit. Words longer than a line (and text
/// without spaces, such as Chinese) are broken between characters.
pub fn wrap_text(
    text: &str,
    size: f32,
    bold: bool,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    wrap_with(text, size, bold, max_lines, |_| max_width)
}

/// Word-wrap `text` into lines of the given widths (line `i` is at most `widths[i]`
/// wide, as beside a badge on the first line), as [`wrap_text`] does.
pub fn wrap_text_in(text: &str, size: f32, bold: bool, widths: &[f32]) -> Vec<String> {
    wrap_with(text, size, bold, widths.len(), |line| {
        widths.get(line).copied().unwrap_or(0.0)
    })
}

fn wrap_with(
    text: &str,
    size: f32,
    bold: bool,
    max_lines: usize,
    width_of: impl Fn(usize) -> f32,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if max_lines == 0 {
        return lines;
    }
    // Widths as [`text_width`] gives them, the em sums carried along in the same order
    // (so the same floats), without building each candidate line (issue 16).
    let width = |em: f32| em * size * if bold { 1.1 } else { 1.0 };
    let em_after = |start: f32, s: &str| s.chars().fold(start, |a, c| a + char_em(c));
    let mut words: VecDeque<&str> = text.split_whitespace().collect();
    let mut current = String::new();
    let mut current_em = 0.0_f32;
    while let Some(word) = words.pop_front() {
        let candidate_em = if current.is_empty() {
            em_after(0.0, word)
        } else {
            em_after(em_after(current_em, " "), word)
        };
        if width(candidate_em) <= width_of(lines.len()) {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            current_em = candidate_em;
            continue;
        }
        if current.is_empty() {
            // One word wider than the line: break it between characters.
            // After a hyphen or slash when one fits ("Stop-of-" / "service").
            let mut part_em = 0.0_f32;
            let mut split_at = word.len();
            let mut after_hyphen = None;
            for (i, c) in word.char_indices() {
                let em = part_em + char_em(c);
                if width(em) > width_of(lines.len()) {
                    split_at = i;
                    break;
                }
                part_em = em;
                if matches!(c, '-' | '/') && i + c.len_utf8() < word.len() {
                    after_hyphen = Some(i + c.len_utf8());
                }
            }
            if let Some(at) = after_hyphen.filter(|_| split_at < word.len()) {
                split_at = at;
            }
            let part = word.get(..split_at).unwrap_or_default();
            if part.is_empty() {
                lines.push(fit_text(word, size, bold, width_of(lines.len())));
                return lines;
            }
            // A full line: committed below, so its width is not needed.
            current.push_str(part);
            words.push_front(word.get(split_at..).unwrap_or_default());
        } else {
            words.push_front(word);
        }
        // `current` is a full line and text remains.
        if lines.len() + 1 >= max_lines {
            let mut rest = std::mem::take(&mut current);
            for w in &words {
                rest.push(' ');
                rest.push_str(w);
            }
            let w = width_of(lines.len());
            lines.push(fit_text(&rest, size, bold, w));
            return lines;
        }
        lines.push(std::mem::take(&mut current));
        current_em = 0.0;
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}
