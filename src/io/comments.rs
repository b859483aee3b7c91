//! Comments in a journey file are the user's data: the format is meant to be edited
//! by hand, and a canonical save cannot keep them. This finds them, so `fmt` and the
//! app can say so before a save drops them.

use super::locate::Pos;

/// The comments of a RON text: where the first one starts and how many there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comments {
    pub first: Pos,
    pub count: usize,
}

/// Find the `//` and `/* */` comments of a RON text (outside strings, raw strings and
/// characters). Linear, iterative, total.
pub fn find_comments(src: &str) -> Option<Comments> {
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut line = 1;
    let mut line_start = 0;
    let mut first: Option<Pos> = None;
    let mut count = 0;
    let pos_of = |i: usize, line: usize, line_start: usize| Pos {
        line,
        col: src.get(line_start..i).map_or(1, |s| s.chars().count() + 1),
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                i += 1;
            }
            b'"' => {
                // A string: up to the closing quote that is not escaped.
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'\\' => i += 2,
                        b'"' => {
                            i += 1;
                            break;
                        }
                        b'\n' => {
                            line += 1;
                            line_start = i + 1;
                            i += 1;
                        }
                        _ => i += 1,
                    }
                }
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && !bytes
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_ascii_alphanumeric() || *p == b'_') =>
            {
                // A raw string r#"..."#: ends at `"` followed by as many `#`.
                let mut j = i + 1;
                let mut hashes = 0;
                while bytes.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if bytes.get(j) != Some(&b'"') {
                    i = j;
                    continue;
                }
                j += 1;
                loop {
                    match bytes.get(j) {
                        None => break,
                        Some(b'"') if (1..=hashes).all(|k| bytes.get(j + k) == Some(&b'#')) => {
                            j += 1 + hashes;
                            break;
                        }
                        Some(b'\n') => {
                            line += 1;
                            line_start = j + 1;
                            j += 1;
                        }
                        Some(_) => j += 1,
                    }
                }
                i = j;
            }
            b'\'' => {
                // A character: 'x', '\n', '\u{..}', '\''.
                i += 1;
                if bytes.get(i) == Some(&b'\\') {
                    i += 2;
                }
                while let Some(&c) = bytes.get(i) {
                    i += 1;
                    if c == b'\'' || c == b'\n' {
                        if c == b'\n' {
                            line += 1;
                            line_start = i;
                        }
                        break;
                    }
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                first.get_or_insert(pos_of(i, line, line_start));
                count += 1;
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                first.get_or_insert(pos_of(i, line, line_start));
                count += 1;
                // RON block comments nest.
                let mut depth = 0usize;
                loop {
                    match (bytes.get(i), bytes.get(i + 1)) {
                        (None, _) => break,
                        (Some(b'/'), Some(b'*')) => {
                            depth += 1;
                            i += 2;
                        }
                        (Some(b'*'), Some(b'/')) => {
                            depth -= 1;
                            i += 2;
                            if depth == 0 {
                                break;
                            }
                        }
                        (Some(b'\n'), _) => {
                            line += 1;
                            line_start = i + 1;
                            i += 1;
                        }
                        _ => i += 1,
                    }
                }
            }
            _ => i += 1,
        }
    }
    first.map(|first| Comments { first, count })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_line_and_block_comments_outside_strings() {
        assert_eq!(find_comments("(title: \"a // not a comment\")"), None);
        assert_eq!(find_comments("(title: r#\"/* no \"# */\"#)"), None);
        assert_eq!(find_comments("(c: '/', d: '\\'')"), None);
        let c = find_comments("(\n    // why\n    title: \"t\", /* a /* nested */ one */\n)")
            .expect("comments");
        assert_eq!(c.first, Pos { line: 2, col: 5 });
        assert_eq!(c.count, 2);
        let c = find_comments("(title: \"é\") // end").expect("comment");
        assert_eq!(c.first, Pos { line: 1, col: 14 });
        // Unterminated: still total.
        assert!(find_comments("/* open").is_some());
        assert_eq!(find_comments("\"open"), None);
    }
}
