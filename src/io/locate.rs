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

/// The path of the current element inside the top frame.
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

/// The scanner's place in the text: the characters, the index and its line and column.
struct Cursor {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
}

impl Cursor {
    fn at(&self, k: usize) -> Option<char> {
        self.chars.get(k).copied()
    }

    fn done(&self) -> bool {
        self.i >= self.chars.len()
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    /// One character on (the caller checked there is one).
    fn advance(&mut self) {
        if self.chars[self.i] == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        self.i += 1;
    }

    /// Skip whitespace or a comment at the cursor; true when something was skipped.
    fn skip_blank(&mut self) -> bool {
        let c = self.chars[self.i];
        if c.is_whitespace() {
            self.advance();
            return true;
        }
        if c == '/' && self.at(self.i + 1) == Some('/') {
            while !self.done() && self.chars[self.i] != '\n' {
                self.advance();
            }
            return true;
        }
        if c == '/' && self.at(self.i + 1) == Some('*') {
            let mut depth = 0usize;
            while !self.done() {
                if self.chars[self.i] == '/' && self.at(self.i + 1) == Some('*') {
                    depth += 1;
                    self.advance();
                    self.advance();
                } else if self.chars[self.i] == '*' && self.at(self.i + 1) == Some('/') {
                    depth = depth.saturating_sub(1);
                    self.advance();
                    self.advance();
                    if depth == 0 {
                        break;
                    }
                } else {
                    self.advance();
                }
            }
            return true;
        }
        false
    }

    /// A field name `ident :` at the cursor: its name, with the cursor past the colon.
    fn field_name(&mut self) -> Option<String> {
        let start = self.i;
        let mut j = self.i;
        while j < self.chars.len() && (self.chars[j].is_alphanumeric() || self.chars[j] == '_') {
            j += 1;
        }
        let mut k = j;
        while k < self.chars.len() && self.chars[k].is_whitespace() && self.chars[k] != '\n' {
            k += 1;
        }
        if self.at(k) == Some(':') && self.at(k + 1) != Some(':') {
            let name: String = self.chars[start..j].iter().collect();
            while self.i <= k {
                self.advance();
            }
            return Some(name);
        }
        None
    }

    /// An identifier at the cursor (the cursor moves past it); with `(` next, the
    /// cursor also moves past the `(` and the frame kind is returned (`Some` or a
    /// struct/variant name).
    fn word(&mut self) -> Option<Kind> {
        let start = self.i;
        while !self.done() && (self.chars[self.i].is_alphanumeric() || self.chars[self.i] == '_') {
            self.advance();
        }
        let word: String = self.chars[start..self.i].iter().collect();
        let mut k = self.i;
        while k < self.chars.len() && self.chars[k].is_whitespace() {
            k += 1;
        }
        if self.at(k) != Some('(') {
            return None;
        }
        while self.i < k {
            self.advance();
        }
        self.advance();
        Some(if word == "Some" {
            Kind::Some
        } else {
            Kind::Paren
        })
    }

    /// A string or a char opened by `quote` at the cursor: skip to the matching
    /// unescaped quote.
    fn skip_quoted(&mut self, quote: char) {
        self.advance();
        while !self.done() && self.chars[self.i] != quote {
            if self.chars[self.i] == '\\' {
                self.advance();
                if self.done() {
                    break;
                }
            }
            self.advance();
        }
        if !self.done() {
            self.advance();
        }
    }

    /// A raw string `r#"..."#` at the cursor.
    fn skip_raw(&mut self) {
        self.advance();
        let mut hashes = 0;
        while !self.done() && self.chars[self.i] == '#' {
            hashes += 1;
            self.advance();
        }
        if !self.done() {
            self.advance(); // opening quote
        }
        while !self.done() {
            if self.chars[self.i] == '"' && (1..=hashes).all(|h| self.at(self.i + h) == Some('#')) {
                for _ in 0..=hashes {
                    self.advance();
                }
                break;
            }
            self.advance();
        }
    }
}

/// The scanner's structure: the open frames, the path of the innermost one, and
/// whether the next token starts a value (recorded with its path).
struct Nesting {
    path: String,
    stack: Vec<Frame>,
    expect_value: bool,
}

impl Nesting {
    fn open(&mut self, kind: Kind, p: String) {
        self.stack.push(Frame {
            kind,
            base: self.path.len(),
            index: 0,
            field: None,
        });
        self.path = p;
        self.expect_value = true;
    }

    /// Punctuation and everything else that is not the start of a value.
    fn other(&mut self, cur: &mut Cursor, c: char) {
        match c {
            '"' | '\'' => cur.skip_quoted(c),
            'r' if matches!(cur.at(cur.i + 1), Some('#' | '"')) => cur.skip_raw(),
            ',' => {
                cur.advance();
                if let Some(f) = self.stack.last_mut() {
                    f.index += 1;
                    f.field = None;
                }
                self.expect_value = true;
            }
            ':' => {
                // map key done: the value shares the key's element path
                cur.advance();
                self.expect_value = false;
            }
            ')' | ']' | '}' => {
                cur.advance();
                if let Some(f) = self.stack.pop() {
                    self.path.truncate(f.base);
                }
                self.expect_value = false;
            }
            _ => cur.advance(),
        }
    }
}

/// Call `visit(path, pos)` for the start of every value; stop when it returns false
/// (or at nesting deeper than a journey file can have).
pub fn scan(src: &str, mut visit: impl FnMut(&str, Pos) -> bool) {
    let mut cur = Cursor {
        chars: src.chars().collect(),
        i: 0,
        line: 1,
        col: 1,
    };
    let mut n = Nesting {
        path: String::new(),
        stack: Vec::new(),
        expect_value: true,
    };
    while !cur.done() {
        if cur.skip_blank() {
            continue;
        }
        let c = cur.chars[cur.i];
        let pos = cur.pos();
        // A field name inside a paren frame: `ident :`
        if (c.is_alphabetic() || c == '_')
            && n.stack.last().is_some_and(|f| f.kind == Kind::Paren)
            && n.expect_value
            && let Some(name) = cur.field_name()
        {
            if let Some(f) = n.stack.last_mut() {
                f.field = Some(name);
            }
            continue;
        }
        if n.stack.len() > MAX_SCAN_DEPTH {
            return;
        }
        if n.expect_value && !matches!(c, ')' | ']' | '}' | ',') {
            let p = element_path(&n.path, n.stack.last());
            if !visit(&p, pos) {
                return;
            }
            n.expect_value = false;
            // An identifier followed by `(`: a struct/variant name, or `Some`.
            if c.is_alphabetic() || c == '_' {
                if let Some(kind) = cur.word() {
                    n.open(kind, p);
                }
                continue;
            }
            if let Some(kind) = match c {
                '(' => Some(Kind::Paren),
                '[' => Some(Kind::List),
                '{' => Some(Kind::Map),
                _ => None,
            } {
                cur.advance();
                n.open(kind, p);
                continue;
            }
        }
        n.other(&mut cur, c);
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
