//! Import: start from what teams already have. CSV spreadsheets (one row per
//! touchpoint) and Mermaid `journey` diagrams become a [`Journey`].
//!
//! Everything here is total: bad input gives a list of problems (`file:line: reason`),
//! never a panic. Whatever can be read is imported; an [`ImportError`] is returned only
//! when nothing usable was found (no touchpoint) or the input is over a limit.

mod build;
pub mod csv;
pub mod mermaid;
pub mod preview;

use crate::model::Journey;
use std::path::Path;

pub use build::clip_text;

/// Largest input accepted (bytes).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
/// Most CSV rows (or Mermaid tasks) accepted; the same as the file format's touchpoint limit.
pub const MAX_ROWS: usize = crate::io::MAX_TOUCHPOINTS;
/// Most problems listed; the rest are counted in a last line.
pub const MAX_PROBLEMS: usize = 200;

/// What kind of text is being imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// A spreadsheet saved as CSV (comma, semicolon or tab separated).
    Csv,
    /// A Mermaid `journey` diagram (`.mmd`, `.mermaid`, or the first ```mermaid block of a `.md`).
    Mermaid,
}

impl ImportFormat {
    /// The format of a file from its extension: `.csv`/`.tsv` (and Excel `.xlsx`, read
    /// as the CSV of its first sheet by `evidence::table::importable_bytes`),
    /// `.mmd`/`.mermaid`/`.md`.
    pub fn from_path(path: &Path) -> Option<ImportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" | "txt" | "xlsx" | "xlsm" => Some(ImportFormat::Csv),
            "mmd" | "mermaid" | "md" | "markdown" => Some(ImportFormat::Mermaid),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ImportFormat::Csv => "CSV",
            ImportFormat::Mermaid => "Mermaid",
        }
    }
}

/// Read an input file to import, refusing folders and files over
/// [`MAX_IMPORT_BYTES`]. The error is one line, `FILE: why`, in the current language.
pub fn read_input(path: &Path) -> Result<Vec<u8>, String> {
    use crate::i18n::{tr, tr_args};
    let shown = path.display();
    let cannot = |e: std::io::Error| {
        let why = tr_args(
            "io-cannot-read",
            &[("error", crate::io::explain_read(&e).into())],
        );
        format!("{shown}: {why}")
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        return Err(format!("{shown}: {}", tr("imp-is-folder")));
    }
    if meta.len() > MAX_IMPORT_BYTES as u64 {
        let why = tr_args(
            "io-file-too-big",
            &[
                ("size", meta.len().to_string().into()),
                ("limit", MAX_IMPORT_BYTES.to_string().into()),
            ],
        );
        return Err(format!("{shown}: {why}"));
    }
    std::fs::read(path).map_err(cannot)
}

/// One row or line that could not be read (fully), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    /// The input's name as given (a file name, or what the app shows).
    pub file: String,
    /// 1-based line in the input; `None` for the input as a whole.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A journey read from a CSV or Mermaid text, with every problem met on the way.
#[derive(Clone, Debug)]
pub struct ImportResult {
    pub journey: Journey,
    /// Rows or lines not (fully) imported, in input order. Empty when all was read.
    pub problems: Vec<ImportProblem>,
    /// What was assumed to read ambiguous headers (one sentence each).
    pub assumptions: Vec<String>,
}

/// Nothing usable could be imported (or the input is over a limit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// Why, in input order; never empty.
    pub problems: Vec<ImportProblem>,
}

impl ImportError {
    fn single(file: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: file.to_owned(),
            problems: vec![ImportProblem {
                file: file.to_owned(),
                line: None,
                message: message.into(),
            }],
        }
    }

    /// Lines `file:line: reason`.
    pub fn lines(&self) -> Vec<String> {
        self.problems.iter().map(ToString::to_string).collect()
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for ImportError {}

/// Import a text. `name` labels problems (`name:line: reason`) and, for CSV, gives the
/// journey's title (the file name without its extensions). Never panics.
pub fn import_str(
    name: &str,
    text: &str,
    format: ImportFormat,
) -> Result<ImportResult, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::single(name, input_too_big(text.len())));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match format {
        ImportFormat::Csv => csv::import(name, text),
        ImportFormat::Mermaid => mermaid::import(name, text),
    }
}

/// Import raw bytes: UTF-8 with or without BOM, UTF-16 with a BOM (what spreadsheets
/// call "Unicode text"); other bytes are read as Latin-1 and that is reported.
pub fn import_bytes(
    name: &str,
    bytes: &[u8],
    format: ImportFormat,
) -> Result<ImportResult, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::single(name, input_too_big(bytes.len())));
    }
    let (text, note) = decode(bytes);
    let mut result = import_str(name, &text, format)?;
    if let Some((line, message)) = note {
        result.problems.insert(
            0,
            ImportProblem {
                file: name.to_owned(),
                line,
                message,
            },
        );
    }
    Ok(result)
}

/// "the input is N bytes; the limit is M", in the current language.
fn input_too_big(size: usize) -> String {
    crate::tr!(
        "imp-input-size",
        size = size.to_string(),
        limit = MAX_IMPORT_BYTES.to_string()
    )
}

/// Decode input bytes to text; the note says when the bytes were not UTF-8.
pub fn decode(bytes: &[u8]) -> (String, Option<(Option<usize>, String)>) {
    let utf16 = |be: bool, body: &[u8]| -> String {
        let units = body.chunks(2).map(|c| match (c.first(), c.get(1)) {
            (Some(&a), Some(&b)) if be => u16::from_be_bytes([a, b]),
            (Some(&a), Some(&b)) => u16::from_le_bytes([a, b]),
            (Some(&a), None) => u16::from(a),
            _ => 0,
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    if let Some(body) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return (utf16(false, body), None);
    }
    if let Some(body) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return (utf16(true, body), None);
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => (t.strip_prefix('\u{feff}').unwrap_or(t).to_owned(), None),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let text: String = bytes.iter().map(|&b| char::from(b)).collect();
            (text, Some((Some(line), crate::i18n::tr("imp-latin1"))))
        }
    }
}

/// A journey title from an input name: `path/move-address.touchpoints.csv` -> `move-address`.
pub fn title_from_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut t = base;
    for ext in [
        ".csv",
        ".tsv",
        ".txt",
        ".xlsx",
        ".xlsm",
        ".mmd",
        ".mermaid",
        ".md",
        ".touchpoints",
        ".handoffs",
    ] {
        if t.len() > ext.len()
            && t.get(t.len() - ext.len()..)
                .is_some_and(|e| e.eq_ignore_ascii_case(ext))
        {
            t = t.get(..t.len() - ext.len()).unwrap_or(t);
        }
    }
    if t == base
        && let Some(dot) = t.rfind('.')
        && dot > 0
    {
        t = t.get(..dot).unwrap_or(t);
    }
    t.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        assert_eq!(
            ImportFormat::from_path(Path::new("a/b.CSV")),
            Some(ImportFormat::Csv)
        );
        assert_eq!(
            ImportFormat::from_path(Path::new("x.mmd")),
            Some(ImportFormat::Mermaid)
        );
        assert_eq!(
            ImportFormat::from_path(Path::new("x.mermaid")),
            Some(ImportFormat::Mermaid)
        );
        assert_eq!(
            ImportFormat::from_path(Path::new("README.md")),
            Some(ImportFormat::Mermaid)
        );
        assert_eq!(ImportFormat::from_path(Path::new("x.journey.ron")), None);
        assert_eq!(ImportFormat::from_path(Path::new("noext")), None);
    }

    #[test]
    fn titles_from_names() {
        assert_eq!(
            title_from_name("out/move-address.touchpoints.csv"),
            "move-address"
        );
        assert_eq!(title_from_name("C:\\x\\Fibre.mmd"), "Fibre");
        assert_eq!(title_from_name(".csv"), ".csv");
        assert_eq!(title_from_name("journey"), "journey");
        assert_eq!(title_from_name("dir/journey.data"), "journey");
    }

    #[test]
    fn decodes_utf16_and_latin1() {
        let (t, note) = decode(&[0xff, 0xfe, b'a', 0, b';', 0, 0xe9, 0]);
        assert_eq!(t, "a;é");
        assert!(note.is_none());
        let (t, note) = decode(&[0xfe, 0xff, 0, b'h', 0, b'i']);
        assert_eq!(t, "hi");
        assert!(note.is_none());
        let (t, note) = decode(b"name\ncaf\xe9\n");
        assert_eq!(t, "name\ncafé\n");
        assert_eq!(note.map(|n| n.0), Some(Some(2)));
        let (t, _) = decode("\u{feff}x".as_bytes());
        assert_eq!(t, "x");
    }

    #[test]
    fn too_large_input_is_refused_with_a_clear_message() {
        let big = "a".repeat(MAX_IMPORT_BYTES + 1);
        let e = import_str("big.csv", &big, ImportFormat::Csv).unwrap_err();
        assert!(e.to_string().contains("the limit is 67108864"), "{e}");
    }
}
