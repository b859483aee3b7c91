//! The `*.journey.ron` file format: load with limits and `line:column` errors,
//! canonical deterministic output, atomic save.

mod atomic;
mod census;
mod comments;
mod convert;
pub mod dto;
mod fast;
mod fingerprint;
pub mod locate;

pub use atomic::{
    FileMeta, Fs, RealFs, SaveError, Target, WriteOptions, apply_meta, explain, inspect_target,
    save_all_atomic, save_bytes_atomic, save_bytes_atomic_with, temp_path, write_into_stream,
};
pub use census::{CardFacts, Census, EdgeFacts, census};
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

use crate::i18n::{tr, tr_args};
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

thread_local! {
    static FULL_LOADS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many journey texts this thread has parsed in full ([`load_str`]): what shows
/// that a command answered from a file's [`census`] without loading it.
pub fn full_loads_on_this_thread() -> u64 {
    FULL_LOADS.with(std::cell::Cell::get)
}

/// How `ron` reads a journey file: nesting capped at [`MAX_DEPTH`]; `Some(x)` may be
/// written as plain `x` in hand-edited files (output keeps `Some`).
fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(MAX_DEPTH)
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parse and validate journey text. `file` names it in errors.
pub fn load_str(file: &str, src: &str) -> Result<Journey, LoadError> {
    FULL_LOADS.with(|n| n.set(n.get() + 1));
    if src.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::single(file, None, too_big(src.len() as u64)));
    }
    // The plain RON that `save` writes is read by the fast path; anything else, and
    // every error, by `ron` (see `fast`).
    let parsed = match fast::from_str::<dto::FileDto>(src, MAX_DEPTH) {
        Some(dto) => Ok(dto),
        None => ron_options().from_str(src),
    };
    let dto: dto::FileDto = match parsed {
        Ok(dto) => dto,
        Err(e) => {
            // A file from a newer version fails to parse on its new fields: say so instead.
            if let Some((format, pos)) = peek_format(src)
                && format > u64::from(CURRENT_FORMAT)
            {
                return Err(LoadError::single(
                    file,
                    Some(pos),
                    convert::newer_format(format),
                ));
            }
            // A file cut off (a copy or download that stopped) fails wherever the cut
            // fell, often as a misspelt or missing field: say what happened instead.
            if let Some(end) = ends_early(src) {
                return Err(LoadError::single(
                    file,
                    Some(end),
                    tr_args("io-ends-early", &[("line", end.line.into())]),
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

/// The message for a file over [`MAX_FILE_BYTES`].
fn too_big(size: u64) -> String {
    tr_args(
        "io-file-too-big",
        &[
            ("size", size.to_string().into()),
            ("limit", MAX_FILE_BYTES.to_string().into()),
        ],
    )
}

/// "cannot read: why", the why in the current language for the common cases.
fn cannot_read(e: &std::io::Error) -> String {
    tr_args("io-cannot-read", &[("error", explain_read(e).into())])
}

/// Why a file could not be read, in the current language for the common cases (the
/// system's own text, in English, after it).
pub fn explain_read(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "io-read-not-found",
        K::PermissionDenied => "io-read-permission",
        K::IsADirectory => "io-is-folder",
        _ => return e.to_string(),
    };
    if crate::i18n::current() == crate::i18n::Lang::english() {
        return e.to_string();
    }
    tr(id)
}

/// The parser's complaint in the current language, speaking of the file's parts
/// (`a touchpoint`), not of the program's types (`TouchpointDto`).
fn describe_ron_error(code: &ron::Error) -> String {
    use ron::Error as E;
    let simple = |id: &str| tr(id);
    let bracket = |id: &str, b: &str| tr_args(id, &[("bracket", format!("`{b}`").into())]);
    let text = match code {
        E::ExceededRecursionLimit => {
            tr_args("io-too-deep", &[("limit", MAX_DEPTH.to_string().into())])
        }
        E::Eof => simple("ron-eof"),
        E::ExpectedArray => bracket("ron-expected-open", "["),
        E::ExpectedMap => bracket("ron-expected-open", "{"),
        E::ExpectedStructLike => bracket("ron-expected-open", "("),
        E::ExpectedArrayEnd => bracket("ron-expected-close", "]"),
        E::ExpectedMapEnd => bracket("ron-expected-close", "}"),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => bracket("ron-expected-close", ")"),
        E::ExpectedNamedStructLike(name) => {
            tr_args("ron-expected-open-for", &[("what", part_name(name).into())])
        }
        E::ExpectedComma => simple("ron-expected-comma"),
        E::ExpectedMapColon => simple("ron-expected-colon"),
        E::ExpectedBoolean => simple("ron-expected-boolean"),
        E::ExpectedChar => simple("ron-expected-char"),
        E::ExpectedFloat => simple("ron-expected-float"),
        E::ExpectedInteger => simple("ron-expected-integer"),
        E::ExpectedOption => simple("ron-expected-option"),
        E::ExpectedUnit => simple("ron-expected-unit"),
        E::ExpectedString => simple("ron-expected-string"),
        E::ExpectedStringEnd => simple("ron-expected-string-end"),
        E::ExpectedIdentifier => simple("ron-expected-identifier"),
        E::ExpectedByteString | E::ExpectedByteLiteral => simple("ron-expected-bytes"),
        E::ExpectedDifferentStructName { expected, found } => tr_args(
            "ron-expected-struct-name",
            &[
                ("expected", part_name(expected).into()),
                ("found", part_name(found).into()),
            ],
        ),
        E::FloatUnderscore => simple("ron-float-underscore"),
        E::UnderscoreAtBeginning => simple("ron-leading-underscore"),
        E::IntegerOutOfBounds => simple("ron-integer-bounds"),
        E::InvalidIntegerDigit { digit, base } => tr_args(
            "ron-integer-digit",
            &[
                ("digit", format!("{digit:?}").into()),
                ("base", base.to_string().into()),
            ],
        ),
        E::InvalidEscape(detail) => tr_args("ron-invalid-escape", &[("detail", (*detail).into())]),
        E::UnclosedBlockComment => simple("ron-unclosed-comment"),
        E::UnexpectedChar(c) => {
            tr_args("ron-unexpected-char", &[("char", format!("{c:?}").into())])
        }
        E::TrailingCharacters => simple("ron-trailing"),
        E::InvalidIdentifier(id) => tr_args(
            "ron-invalid-identifier",
            &[("id", format!("{id:?}").into())],
        ),
        E::Utf8Error(_) => tr("io-not-utf8"),
        E::InvalidValueForType { expected, found } => tr_args(
            "ron-wrong-type",
            &[
                ("expected", serde_words(expected).into()),
                ("found", serde_words(found).into()),
            ],
        ),
        E::ExpectedDifferentLength { expected, found } => tr_args(
            "ron-wrong-length",
            &[
                ("expected", serde_words(expected).into()),
                ("count", (*found).into()),
            ],
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => named_in(
            ("ron-unknown-variant", "ron-unknown-variant-in"),
            "found",
            found,
            outer.as_deref(),
            Some(alternatives(expected, "ron-no-variants")),
        ),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => named_in(
            ("ron-unknown-field", "ron-unknown-field-in"),
            "found",
            found,
            outer.as_deref(),
            Some(alternatives(expected, "ron-no-fields")),
        ),
        E::MissingStructField { field, outer } => named_in(
            ("ron-missing-field", "ron-missing-field-in"),
            "field",
            field,
            outer.as_deref(),
            None,
        ),
        E::DuplicateStructField { field, outer } => named_in(
            ("ron-duplicate-field", "ron-duplicate-field-in"),
            "field",
            field,
            outer.as_deref(),
            None,
        ),
        other => tr_args("ron-other", &[("detail", other.to_string().into())]),
    };
    cut_message(text)
}

/// `id`, or `id_in` with the part it is in: "Unexpected field named `x` in a touchpoint".
fn named_in(
    (id, id_in): (&str, &str),
    name: &str,
    value: &str,
    outer: Option<&str>,
    alts: Option<String>,
) -> String {
    let mut args = vec![(name, ident(value).into())];
    if let Some(a) = alts {
        args.push(("alts", a.into()));
    }
    match outer {
        Some(o) => {
            args.push(("outer", part_name(o).into()));
            tr_args(id_in, &args)
        }
        None => tr_args(id, &args),
    }
}

/// A name from the file or the format, quoted as the parser does: `` `name` ``.
fn ident(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_') {
        format!("`{s}`")
    } else {
        format!("{s:?}")
    }
}

/// "expected one of `a`, `b`, or `c` instead" in the current language.
fn alternatives(alts: &[&str], none: &str) -> String {
    match alts {
        [] => tr(none),
        [a] => tr_args("ron-alts-one", &[("a", ident(a).into())]),
        [a, b] => tr_args(
            "ron-alts-two",
            &[("a", ident(a).into()), ("b", ident(b).into())],
        ),
        [first @ .., last] => {
            let list: Vec<String> = first.iter().map(|a| ident(a)).collect();
            tr_args(
                "ron-alts-many",
                &[
                    ("list", list.join(&tr("ron-alts-sep")).into()),
                    ("last", ident(last).into()),
                ],
            )
        }
    }
}

/// The file's word for a type of the format (`TouchpointDto` is "a touchpoint").
fn part_name(type_name: &str) -> String {
    let id = match type_name {
        "FileDto" => "io-part-journey",
        "TouchpointDto" => "io-part-touchpoint",
        "HandoffDto" => "io-part-handoff",
        "StageDto" => "io-part-stage",
        "DepartmentDto" => "io-part-department",
        "MetricDto" => "io-part-metric",
        "ScoresDto" => "io-part-scores",
        "OutcomeDto" => "io-part-outcome",
        "NoteDto" => "io-part-note",
        "ActionDto" => "io-part-action",
        "AnchorDto" => "io-part-anchor",
        other => return ident(other.strip_suffix("Dto").unwrap_or(other)),
    };
    tr(id)
}

/// Serde's words for what was expected or found ("a string", "the signed integer
/// `-1`", "struct TouchpointDto"), in the current language as far as they are known.
fn serde_words(text: &str) -> String {
    if let Some(name) = text.strip_prefix("struct ") {
        return part_name(name);
    }
    const WORDS: [(&str, &str); 14] = [
        ("a string", "ron-word-string"),
        ("a borrowed string", "ron-word-string"),
        ("a boolean", "ron-word-boolean"),
        ("a sequence", "ron-word-list"),
        ("a map", "ron-word-map"),
        ("a unit value", "ron-word-unit"),
        ("an optional value", "ron-word-option"),
        ("a character", "ron-word-char"),
        ("u8", "ron-word-count"),
        ("u16", "ron-word-count"),
        ("u32", "ron-word-count"),
        ("u64", "ron-word-count"),
        ("i64", "ron-word-integer"),
        ("f64", "ron-word-number"),
    ];
    if let Some((_, id)) = WORDS.iter().find(|(w, _)| *w == text) {
        return tr(id);
    }
    const VALUES: [(&str, &str); 6] = [
        ("the boolean ", "ron-value-boolean"),
        ("the unsigned integer ", "ron-value-integer"),
        ("the signed integer ", "ron-value-integer"),
        ("the floating point number ", "ron-value-number"),
        ("the UTF-8 character ", "ron-value-char"),
        ("the string ", "ron-value-string"),
    ];
    for (prefix, id) in VALUES {
        if let Some(value) = text.strip_prefix(prefix) {
            return tr_args(id, &[("value", value.into())]);
        }
    }
    text.to_owned()
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
        Some((cut, _)) => tr_args(
            "io-message-cut",
            &[("text", text.get(..cut).unwrap_or_default().into())],
        ),
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
            message: tr_args("io-more-problems", &[("count", extra.into())]),
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
    let bytes = read_file(path)?;
    let journey = load_bytes(&path.display().to_string(), &bytes)?;
    Ok((bytes, journey))
}

/// The bytes of a journey file, with the checks made before reading it (a folder, a
/// file over [`MAX_FILE_BYTES`]); [`load_bytes`] parses them.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    let meta =
        std::fs::metadata(path).map_err(|e| LoadError::single(&name, None, cannot_read(&e)))?;
    if meta.is_dir() {
        return Err(LoadError::single(&name, None, tr("io-is-folder")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::single(&name, None, too_big(meta.len())));
    }
    std::fs::read(path).map_err(|e| LoadError::single(&name, None, cannot_read(&e)))
}

/// The [`census`] of the bytes of a journey file (UTF-8, a byte order mark skipped,
/// within [`MAX_FILE_BYTES`]); `None` when only the full load can tell.
pub fn census_bytes(bytes: &[u8]) -> Option<Census> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    census(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Parse and validate the bytes of a journey file: the UTF-8 check (located), a byte
/// order mark skipped, then [`load_str`]. The one way every file is read (app, CLI,
/// portfolio, recovery), and what the `load` fuzz target exercises.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Journey, LoadError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let prefix = String::from_utf8_lossy(valid);
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Err(LoadError::single(
                name,
                Some(Pos { line, col }),
                tr("io-not-utf8"),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    load_str(name, text)
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
        Ok(_) => Err(SaveError::Verify(tr("save-verify-differs"))),
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
                "{}",
                tr_args(
                    "io-written",
                    &[
                        ("file", output.display().to_string().into()),
                        ("touchpoints", journey.touchpoint_count().to_string().into()),
                        ("handoffs", journey.handoff_count().to_string().into()),
                        ("size", bytes.len().to_string().into()),
                    ],
                )
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
pub fn force_hint(e: &SaveError) -> String {
    match e {
        SaveError::ReadOnly { .. } => tr("io-force-hint"),
        _ => String::new(),
    }
}
