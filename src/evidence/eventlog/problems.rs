//! Problems met while reading a log: `file:line: reason` (CSV) or `file: event N: reason`
//! (XES), the first [`MAX_LISTED`] kept in order and the rest counted, so a log with a
//! million bad rows costs no more memory than one with a thousand.

/// Most problems listed one by one.
pub const MAX_LISTED: usize = 200;

/// What a position number means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PosKind {
    /// A 1-based line of a text file.
    Line,
    /// A 1-based event of an XES file, in file order.
    XesEvent,
}

#[derive(Clone, Debug)]
pub struct Problems {
    file: String,
    kind: PosKind,
    listed: Vec<String>,
    unlisted: u64,
}

impl Problems {
    pub fn new(file: &str, kind: PosKind) -> Problems {
        Problems {
            file: file.to_owned(),
            kind,
            listed: Vec::new(),
            unlisted: 0,
        }
    }

    /// "line 12" or "event 12".
    pub fn place(&self, pos: u64) -> String {
        match self.kind {
            PosKind::Line => format!("line {pos}"),
            PosKind::XesEvent => format!("event {pos}"),
        }
    }

    pub fn at(&mut self, pos: u64, message: impl Into<String>) {
        let line = match self.kind {
            PosKind::Line => format!("{}:{pos}: {}", self.file, message.into()),
            PosKind::XesEvent => format!("{}: event {pos}: {}", self.file, message.into()),
        };
        self.add(line);
    }

    pub fn general(&mut self, message: impl Into<String>) {
        let line = format!("{}: {}", self.file, message.into());
        self.add(line);
    }

    fn add(&mut self, line: String) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(line);
        } else {
            self.unlisted += 1;
        }
    }

    /// How many problems were met in all.
    pub fn count(&self) -> u64 {
        self.listed.len() as u64 + self.unlisted
    }

    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    /// The lines to print: the listed problems, then "... and N more".
    pub fn lines(&self) -> Vec<String> {
        let mut v = self.listed.clone();
        if self.unlisted > 0 {
            v.push(format!(
                "{}: ... and {} more problems",
                self.file, self.unlisted
            ));
        }
        v
    }
}
