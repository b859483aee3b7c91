//! The `*.journey.ron` file format: load with limits and `line:column` errors,
//! canonical deterministic output, atomic save.

mod atomic;
mod comments;
mod convert;
pub mod dto;
mod fingerprint;
pub mod locate;

pub use atomic::{
    FileMeta, Fs, RealFs, SaveError, Target, WriteOptions, apply_meta, explain, inspect_target,
    save_all_atomic, save_bytes_atomic, save_bytes_atomic_with, temp_path, write_into_stream,
};
pub use comments::{Comments, find_comments};
pub use convert::{
    MAX_HANDOFFS, MAX_ITEMS, MAX_PARTS, MAX_TEXT, MAX_TOUCHPOINTS, PathProblem, dto_from_journey,
    handoff_dto, journey_from_dto, touchpoint_dto, validate,
};
pub use dto::CURRENT_FORMAT;
pub use fingerprint::{
    DiskState, Fingerprint, SaveOptions, backup_path, check, check_with, content_hash,
    fingerprint_file, save_checked,
};
pub use locate::Pos;

use crate::model::Journey;
use std::path::Path;

/// Largest file accepted (bytes).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 32;
/// Most problems listed for one file.
pub const MAX_PROBLEMS: usize = 200;

/// One thing wrong in a file, at a position when it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub pos: Option<Pos>,
    pub message: String,
}

/// Why a file could not be loaded: every problem found, each with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file name as given (or `<memory>`).
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    fn single(file: &str, pos: Option<Pos>, message: impl Into<String>) -> Self {
        LoadError {
            file: file.to_owned(),
            problems: vec![Problem {
                pos,
                message: message.into(),
            }],
        }
    }

    /// Lines `FILE:LINE:COLUMN: message`, one per problem.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| match p.pos {
                Some(pos) => format!("{}:{}:{}: {}", self.file, pos.line, pos.col, p.message),
                None => format!("{}: {}", self.file, p.message),
            })
            .collect()
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for LoadError {}

/// Parse and validate journey text. `file` names it in errors.
pub fn load_str(file: &str, src: &str) -> Result<Journey, LoadError> {
    if src.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::single(
            file,
            None,
            format!(
                "the file is {} bytes; the limit is {MAX_FILE_BYTES}",
                src.len()
            ),
        ));
    }
    // `Some(x)` may be written as plain `x` in hand-edited files (output keeps `Some`).
    let options = ron::Options::default()
        .with_recursion_limit(MAX_DEPTH)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let dto: dto::FileDto = match options.from_str(src) {
        Ok(dto) => dto,
        Err(e) => {
            // A file from a newer version fails to parse on its new fields: say so instead.
            if let Some((format, pos)) = peek_format(src)
                && format > u64::from(CURRENT_FORMAT)
            {
                return Err(LoadError::single(
                    file,
                    Some(pos),
                    format!(
                        "this file is format {format}, newer than this version of Touchpoint understands (format {CURRENT_FORMAT}); update Touchpoint to open it"
                    ),
                ));
            }
            // A file cut off (a copy or download that stopped) fails wherever the cut
            // fell, often as a misspelt or missing field: say what happened instead.
            if let Some(end) = ends_early(src) {
                return Err(LoadError::single(
                    file,
                    Some(end),
                    format!(
                        "the file ends early at line {} (it may be cut off)",
                        end.line
                    ),
                ));
            }
            let pos = Pos {
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
            };
            return Err(LoadError::single(
                file,
                Some(pos),
                describe_ron_error(&e.code),
            ));
        }
    };
    let dto = migrate(dto);
    let problems = validate(&dto);
    if !problems.is_empty() {
        return Err(located(file, src, problems));
    }
    journey_from_dto(dto).map_err(|p| located(file, src, p))
}

/// Bring an older format up to the current one. Format 1 is the first; a future
/// format 2 adds a `V1 -> V2` step here, typed, never by string surgery.
fn migrate(dto: dto::FileDto) -> dto::FileDto {
    dto
}

fn describe_ron_error(code: &ron::Error) -> String {
    let text = code.to_string();
    if text.contains("recursion limit") {
        return format!("nesting is deeper than the limit of {MAX_DEPTH} levels");
    }
    // Speak of the file's parts, not of the program's types.
    const PARTS: [(&str, &str); 12] = [
        ("`FileDto`", "the journey"),
        ("`TouchpointDto`", "a touchpoint"),
        ("`HandoffDto`", "a handoff"),
        ("`StageDto`", "a stage"),
        ("`DepartmentDto`", "a department"),
        ("`MetricDto`", "a metric"),
        ("`ScoresDto`", "scores"),
        ("`OutcomeDto`", "an outcome"),
        ("`NoteDto`", "a note"),
        ("`ActionDto`", "an action"),
        ("`AnchorDto`", "an anchor"),
        ("Dto", ""),
    ];
    PARTS
        .iter()
        .fold(cut_message(text), |t, (from, to)| t.replace(from, to))
}

/// Where the file ends, when it ends inside a string, a comment or an open bracket
/// (it was cut off); `None` when every bracket it opens is closed, or when it nests
/// deeper than any journey does (a hostile file, reported as such by the parser).
fn ends_early(src: &str) -> Option<Pos> {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut chars = src.chars().peekable();
    let (mut in_string, mut in_line_comment, mut block_comments) = (false, false, 0usize);
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
        } else if in_line_comment {
            in_line_comment = c != '\n';
        } else if block_comments > 0 {
            if c == '*' && chars.peek() == Some(&'/') {
                chars.next();
                block_comments -= 1;
            } else if c == '/' && chars.peek() == Some(&'*') {
                chars.next();
                block_comments += 1;
            }
        } else {
            match c {
                '"' => in_string = true,
                '/' if chars.peek() == Some(&'/') => in_line_comment = true,
                '/' if chars.peek() == Some(&'*') => {
                    chars.next();
                    block_comments += 1;
                }
                '(' | '[' | '{' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    if depth == 0 && !in_string && block_comments == 0 || deepest > MAX_DEPTH {
        return None;
    }
    let line = src.lines().count().max(1);
    let col = src.lines().last().map_or(0, |l| l.chars().count()) + 1;
    Some(Pos { line, col })
}

/// Most characters of one parser message (it may quote a value from the file).
const MAX_MESSAGE_CHARS: usize = 300;

fn cut_message(text: String) -> String {
    match text.char_indices().nth(MAX_MESSAGE_CHARS) {
        None => text,
        Some((cut, _)) => format!("{}... (cut)", text.get(..cut).unwrap_or_default()),
    }
}

/// The value of the top-level `format` field, if it is a plain integer.
fn peek_format(src: &str) -> Option<(u64, Pos)> {
    let mut found = None;
    locate::scan(src, |path, pos| {
        if path == "format" {
            found = Some(pos);
            return false;
        }
        true
    });
    let pos = found?;
    let line = src.lines().nth(pos.line - 1)?;
    let rest: String = line
        .chars()
        .skip(pos.col - 1)
        .take_while(char::is_ascii_digit)
        .collect();
    Some((rest.parse().ok()?, pos))
}

fn located(file: &str, src: &str, mut problems: Vec<PathProblem>) -> LoadError {
    let extra = problems.len().saturating_sub(MAX_PROBLEMS);
    problems.truncate(MAX_PROBLEMS);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    let positions = locate::locate_many(src, &paths);
    let mut out: Vec<Problem> = problems
        .into_iter()
        .zip(positions)
        .map(|(p, pos)| Problem {
            pos: Some(pos),
            message: p.message,
        })
        .collect();
    out.sort_by_key(|p| p.pos);
    if extra > 0 {
        out.push(Problem {
            pos: None,
            message: format!("... and {extra} more problems"),
        });
    }
    LoadError {
        file: file.to_owned(),
        problems: out,
    }
}

/// Read, parse and validate a journey file.
pub fn load_file(path: &Path) -> Result<Journey, LoadError> {
    let (_, journey) = load_file_bytes(path)?;
    Ok(journey)
}

/// Like [`load_file`], also returning the bytes read (to fingerprint what was loaded).
pub fn load_file_bytes(path: &Path) -> Result<(Vec<u8>, Journey), LoadError> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| LoadError::single(&name, None, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(LoadError::single(
            &name,
            None,
            "is a folder, not a journey file",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::single(
            &name,
            None,
            format!(
                "the file is {} bytes; the limit is {MAX_FILE_BYTES}",
                meta.len()
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| LoadError::single(&name, None, format!("cannot read: {e}")))?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let prefix = String::from_utf8_lossy(valid);
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(LoadError::single(
                &name,
                Some(Pos { line, col }),
                "the file is not valid UTF-8 text",
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let journey = load_str(&name, text)?;
    Ok((bytes, journey))
}

/// The canonical text of a journey: deterministic, `\n` newlines, sorted by id
/// where order carries no meaning.
pub fn to_ron_string(journey: &Journey) -> String {
    let dto = dto_from_journey(journey);
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .depth_limit(4)
        .struct_names(false);
    let mut text = match ron::ser::to_string_pretty(&dto, config) {
        Ok(t) => t,
        // Serialising plain data to a String cannot fail; keep a total function anyway.
        Err(e) => format!("// serialisation failed: {e}\n"),
    };
    text.push('\n');
    text
}

/// Serialise, parse back and compare, then write atomically (a read-only target is
/// refused; see [`save_bytes_atomic_with`]).
pub fn save(path: &Path, journey: &Journey) -> Result<Vec<u8>, SaveError> {
    save_with(&RealFs, path, journey)
}

/// [`save`] through a given file system (tests inject failures).
pub fn save_with(fs: &dyn Fs, path: &Path, journey: &Journey) -> Result<Vec<u8>, SaveError> {
    save_with_options(fs, path, journey, WriteOptions::default())
}

/// [`save`] with [`WriteOptions`] (`--force` overwrites a read-only file).
pub fn save_with_options(
    fs: &dyn Fs,
    path: &Path,
    journey: &Journey,
    options: WriteOptions,
) -> Result<Vec<u8>, SaveError> {
    let text = verified_text(path, journey)?;
    save_bytes_atomic_with(fs, path, text.as_bytes(), options)?;
    Ok(text.into_bytes())
}

/// The canonical text of `journey`, after checking that it reads back to the same journey.
fn verified_text(path: &Path, journey: &Journey) -> Result<String, SaveError> {
    let text = to_ron_string(journey);
    match load_str(&path.display().to_string(), &text) {
        Ok(back) if &back == journey => Ok(text),
        Ok(_) => Err(SaveError::Verify(
            "the saved text does not read back to the same journey".into(),
        )),
        Err(e) => Err(SaveError::Verify(e.to_string())),
    }
}

/// Read, parse and validate a journey file, with the fingerprint of the bytes read
/// (to notice later when someone else changes the file).
pub fn load_file_fingerprinted(path: &Path) -> Result<(Journey, Fingerprint), LoadError> {
    load_file_noting_comments(path).map(|(j, fp, _)| (j, fp))
}

/// [`load_file_fingerprinted`], and the file's comments, which a save would drop.
pub fn load_file_noting_comments(
    path: &Path,
) -> Result<(Journey, Fingerprint, Option<Comments>), LoadError> {
    let (bytes, journey) = load_file_bytes(path)?;
    let mtime = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let comments = std::str::from_utf8(&bytes).ok().and_then(find_comments);
    Ok((journey, Fingerprint::of_bytes(&bytes, mtime), comments))
}

/// Write a journey to a file (atomically) or to standard output (`-`): the CLI's way of
/// writing a journey (`generate`, `new`, `import`, `recover`). Returns the exit code.
pub fn write_journey(
    journey: &Journey,
    output: &Path,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> u8 {
    write_journey_with(journey, output, WriteOptions::default(), out, err)
}

/// [`write_journey`] with [`WriteOptions`] (`--force`).
pub fn write_journey_with(
    journey: &Journey,
    output: &Path,
    options: WriteOptions,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
) -> u8 {
    if output == Path::new("-") {
        let _ = out.write_all(to_ron_string(journey).as_bytes());
        return 0;
    }
    match save_with_options(&RealFs, output, journey, options) {
        Ok(bytes) => {
            let _ = writeln!(
                out,
                "{}: {} touchpoints, {} handoffs ({} bytes)",
                output.display(),
                journey.touchpoint_count(),
                journey.handoff_count(),
                bytes.len()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}{}", force_hint(&e));
            1
        }
    }
}

/// What the command line adds to a save error: how to overwrite a read-only file.
pub fn force_hint(e: &SaveError) -> &'static str {
    match e {
        SaveError::ReadOnly { .. } => " (use --force to overwrite it)",
        _ => "",
    }
}
