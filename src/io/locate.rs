//! Find the `line:column` of a value in RON text by its path
//! (`touchpoints[3].scores.histogram[2]`), so that errors found after parsing
//! (unknown ids, bad numbers) point at the right place, like syntax errors do.
//!
//! A small, iterative scanner: it understands strings, raw strings, chars,
//! comments, struct fields, tuples, lists and maps, and treats `Some(x)` as `x`.
//! It never panics and never recurses, whatever the input.

/// 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// `( ... )`: fields or tuple elements.
    Paren,
    /// `[ ... ]`
    List,
    /// `{ ... }`
    Map,
    /// `Some( ... )`: transparent.
    Some,
}

struct Frame {
    kind: Kind,
    /// Path length when this frame was opened (to truncate back to).
    base: usize,
    index: usize,
    field: Option<String>,
}

/// Where the value at `path` starts. Returns the nearest recorded ancestor when the
/// exact path is not found, and 1:1 when nothing matches.
pub fn locate(src: &str, path: &str) -> Pos {
    let mut best = Pos { line: 1, col: 1 };
    let mut best_len = 0;
    scan(src, |p, pos| {
        if p == path {
            best = pos;
            best_len = usize::MAX;
            return false;
        }
        if path.starts_with(p)
            && p.len() > best_len
            && matches!(path.as_bytes().get(p.len()), Some(b'.' | b'['))
        {
            best = pos;
            best_len = p.len();
        }
        true
    });
    best
}

/// Nesting deeper than any journey file can be (the parser refuses more than
/// `MAX_DEPTH`): the scan stops there, so pathological nesting costs linear time
/// instead of building ever longer paths.
const MAX_SCAN_DEPTH: usize = 2 * super::MAX_DEPTH;

/// Call `visit(path, pos)` for the start of every value; stop when it returns false
/// (or at nesting deeper than a journey file can have).
pub fn scan(src: &str, mut visit: impl FnMut(&str, Pos) -> bool) {
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    let mut line = 1;
    let mut col = 1;
    let mut path = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    // Whether the next token starts a value (recorded with its path).
    let mut expect_value = true;

    macro_rules! advance {
        () => {{
            if chars[i] == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
            i += 1;
        }};
    }

    // Path of the current element inside the top frame.
    fn element_path(path: &str, frame: Option<&Frame>) -> String {
        let mut p = path.to_owned();
        match frame {
            None => {}
            Some(f) => match f.kind {
                Kind::Some => {}
                Kind::Paren => match &f.field {
                    Some(name) => {
                        if !p.is_empty() {
                            p.push('.');
                        }
                        p.push_str(name);
                    }
                    None => p.push_str(&format!("[{}]", f.index)),
                },
                Kind::List | Kind::Map => p.push_str(&format!("[{}]", f.index)),
            },
        }
        p
    }

    while i < chars.len() {
        let c = chars[i];
        // whitespace
        if c.is_whitespace() {
            advance!();
            continue;
        }
        // comments
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                advance!();
            }
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            let mut depth = 0usize;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    advance!();
                    advance!();
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth = depth.saturating_sub(1);
                    advance!();
                    advance!();
                    if depth == 0 {
                        break;
                    }
                } else {
                    advance!();
                }
            }
            continue;
        }
        let pos = Pos { line, col };
        // A field name inside a paren frame: `ident :`
        if (c.is_alphabetic() || c == '_')
            && stack.last().is_some_and(|f| f.kind == Kind::Paren)
            && expect_value
        {
            let start = i;
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].is_whitespace() && chars[k] != '\n' {
                k += 1;
            }
            if chars.get(k) == Some(&':') && chars.get(k + 1) != Some(&':') {
                let name: String = chars[start..j].iter().collect();
                if let Some(f) = stack.last_mut() {
                    f.field = Some(name);
                }
                while i <= k {
                    advance!();
                }
                continue;
            }
        }
        if stack.len() > MAX_SCAN_DEPTH {
            return;
        }
        if expect_value && !matches!(c, ')' | ']' | '}' | ',') {
            let p = element_path(&path, stack.last());
            if !visit(&p, pos) {
                return;
            }
            expect_value = false;
            // An identifier followed by `(`: a struct/variant name, or `Some`.
            if c.is_alphabetic() || c == '_' {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    advance!();
                }
                let word: String = chars[start..i].iter().collect();
                let mut k = i;
                while k < chars.len() && chars[k].is_whitespace() {
                    k += 1;
                }
                if chars.get(k) == Some(&'(') {
                    while i < k {
                        advance!();
                    }
                    advance!();
                    let kind = if word == "Some" {
                        Kind::Some
                    } else {
                        Kind::Paren
                    };
                    stack.push(Frame {
                        kind,
                        base: path.len(),
                        index: 0,
                        field: None,
                    });
                    path = p;
                    expect_value = true;
                }
                continue;
            }
            match c {
                '(' | '[' | '{' => {
                    advance!();
                    let kind = match c {
                        '(' => Kind::Paren,
                        '[' => Kind::List,
                        _ => Kind::Map,
                    };
                    stack.push(Frame {
                        kind,
                        base: path.len(),
                        index: 0,
                        field: None,
                    });
                    path = p;
                    expect_value = true;
                    continue;
                }
                _ => {}
            }
        }
        match c {
            '"' => {
                advance!();
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        advance!();
                        if i >= chars.len() {
                            break;
                        }
                    }
                    advance!();
                }
                if i < chars.len() {
                    advance!();
                }
            }
            'r' if matches!(chars.get(i + 1), Some('#' | '"')) => {
                advance!();
                let mut hashes = 0;
                while i < chars.len() && chars[i] == '#' {
                    hashes += 1;
                    advance!();
                }
                if i < chars.len() {
                    advance!(); // opening quote
                }
                while i < chars.len() {
                    if chars[i] == '"' && (1..=hashes).all(|h| chars.get(i + h) == Some(&'#')) {
                        for _ in 0..=hashes {
                            advance!();
                        }
                        break;
                    }
                    advance!();
                }
            }
            '\'' => {
                advance!();
                while i < chars.len() && chars[i] != '\'' {
                    if chars[i] == '\\' {
                        advance!();
                        if i >= chars.len() {
                            break;
                        }
                    }
                    advance!();
                }
                if i < chars.len() {
                    advance!();
                }
            }
            ',' => {
                advance!();
                if let Some(f) = stack.last_mut() {
                    f.index += 1;
                    f.field = None;
                }
                expect_value = true;
            }
            ':' => {
                // map key done: the value shares the key's element path
                advance!();
                expect_value = false;
            }
            ')' | ']' | '}' => {
                advance!();
                if let Some(f) = stack.pop() {
                    path.truncate(f.base);
                }
                expect_value = false;
            }
            _ => advance!(),
        }
    }
}

/// [`locate`] for many paths in one pass over the text.
pub fn locate_many(src: &str, paths: &[&str]) -> Vec<Pos> {
    use std::collections::HashMap;
    let mut best: Vec<(usize, Pos)> = vec![(0, Pos { line: 1, col: 1 }); paths.len()];
    // Every prefix of a wanted path that ends at a segment boundary, with the paths it serves.
    let mut prefixes: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, p) in paths.iter().enumerate() {
        prefixes.entry(p).or_default().push(k);
        for (i, b) in p.bytes().enumerate() {
            if (b == b'.' || b == b'[')
                && i > 0
                && let Some(pre) = p.get(..i)
            {
                prefixes.entry(pre).or_default().push(k);
            }
        }
    }
    scan(src, |path, pos| {
        if let Some(ks) = prefixes.get(path) {
            for &k in ks {
                if path.len() > best[k].0 || (path.len() == best[k].0 && best[k].0 == 0) {
                    best[k] = (path.len(), pos);
                }
            }
        }
        true
    });
    best.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r#"(
    format: 1,
    title: "A (tricky) \"title\"",
    touchpoints: [
        (id: "a", owner: Some("x"), scores: Some((histogram: [0, 1, -2]))),
        // a comment with ( and [
        (
            id: "b",
            owner: None,
        ),
    ],
)"#;

    #[test]
    fn finds_values_by_path() {
        assert_eq!(locate(SRC, "format"), Pos { line: 2, col: 13 });
        assert_eq!(
            locate(SRC, "touchpoints[0].owner"),
            Pos { line: 5, col: 26 }
        );
        assert_eq!(
            locate(SRC, "touchpoints[0].scores.histogram[2]"),
            Pos { line: 5, col: 69 }
        );
        assert_eq!(locate(SRC, "touchpoints[1].id"), Pos { line: 8, col: 17 });
        // unknown field: nearest ancestor
        assert_eq!(locate(SRC, "touchpoints[1].stage"), Pos { line: 7, col: 9 });
    }

    #[test]
    fn never_panics_on_garbage() {
        for s in [
            "",
            "(",
            ")))",
            "\"unterminated",
            "r#\"x",
            "'",
            "/* open",
            "(a: Some(",
            "[,,,]",
        ] {
            let _ = locate(s, "a.b[1]");
        }
    }
}
