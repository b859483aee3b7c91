//! Interface languages: every string a person reads comes from here.
//!
//! Messages are [Project Fluent](https://projectfluent.org) files embedded at compile
//! time, one folder per language under `i18n/` (`i18n/en/`, `i18n/zh-CN/`), several
//! `.ftl` files in each (`core.ftl`, `ui.ftl`, `report.ftl`, `cli.ftl`); `build.rs`
//! lists the folders, so adding a language is dropping in one folder. Plurals and
//! variables are Fluent's (`fluent-bundle`), without bidi isolation marks.
//!
//! Start-up (issue 16): each file is its own bundle, read when a message of it is
//! first needed (so no message may reference another: a test checks), and a message
//! that is only text and variables is formatted directly, as Fluent would.
//!
//! The current language is per thread and English on every thread until set
//! ([`set_current`]): the app sets it at the start of every frame from its settings,
//! a worker job sets the one it captured, the CLI sets it from `--lang` or the
//! environment. Tests running in parallel threads never see each other's language.
//!
//! A message missing from a language falls back to English, then to its id. A file
//! that does not parse keeps what parsed; the broken messages fall back to English,
//! with a warning on stderr (never a crash). A bottom layer: names nothing of ours.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentMessage, FluentResource, FluentValue};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

pub mod format;

mod files {
    include!(concat!(env!("OUT_DIR"), "/i18n_files.rs"));
}

/// `tr!("menu-file")`, `tr!("n-touchpoints", count = n)`: the message in the
/// current language, variables by name.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}
pub use crate::tr;

/// The tag of the fallback language, always present.
const ENGLISH: &str = "en";
/// The tag of the pseudo-locale (English messages with accented letters in
/// brackets): renders a screen so that any string not going through here shows.
const PSEUDO: &str = "en-XA";

/// An interface language: one of the embedded folders (or the test pseudo-locale).
/// Serialised as its tag, `"en"`, `"zh-CN"`.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Lang {
    tag: &'static str,
}

impl Lang {
    /// English, the fallback for every missing message.
    pub fn english() -> Lang {
        Lang { tag: ENGLISH }
    }

    /// The pseudo-locale: English text with every letter accented, in `［…］`.
    /// Not in [`available`]; for tests that look for strings not translated.
    pub fn pseudo() -> Lang {
        Lang { tag: PSEUDO }
    }

    /// The tag, as in the folder name: `en`, `zh-CN`.
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// An available language for a locale name as systems and people write it:
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`, `en_US.UTF-8`, `EN`. The exact
    /// language (with script and region) first, then the same language; `None` for
    /// `C`, `POSIX`, empty or a language not available.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        let s = s.split(['.', '@']).next().unwrap_or("").replace('_', "-");
        if s.is_empty() || s.eq_ignore_ascii_case("c") || s.eq_ignore_ascii_case("posix") {
            return None;
        }
        let wanted: LanguageIdentifier = s.parse().ok()?;
        let langs = available();
        let parsed: Vec<(Lang, LanguageIdentifier)> = langs
            .into_iter()
            .filter_map(|l| l.tag.parse().ok().map(|id| (l, id)))
            .collect();
        if let Some((l, _)) = parsed.iter().find(|(_, id)| *id == wanted) {
            return Some(l.clone());
        }
        parsed
            .into_iter()
            .find(|(_, id)| id.language == wanted.language)
            .map(|(l, _)| l)
    }

    /// The language's name in itself ("English", "简体中文"), for the language menu.
    pub fn native_name(&self) -> String {
        let cat = catalog();
        cat.index_of(self.tag)
            .and_then(|i| cat.format(i, "language-name", &[]))
            .unwrap_or_else(|| self.tag.to_owned())
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::english()
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.tag)
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Lang::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown language \"{s}\"")))
    }
}

/// Every embedded language, English first.
pub fn available() -> Vec<Lang> {
    catalog()
        .slots
        .iter()
        .filter(|e| e.tag != PSEUDO)
        .map(|e| Lang { tag: e.tag })
        .collect()
}

/// The system's interface language (`sys-locale`), when one is available.
pub fn system() -> Option<Lang> {
    sys_locale::get_locale().and_then(|l| Lang::parse(&l))
}

/// The language the environment asks for, POSIX order: the first non-empty of
/// `LC_ALL`, `LC_MESSAGES`, `LANG`; `None` when that is `C` or not available.
pub fn from_env() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .and_then(|v| Lang::parse(&v))
}

thread_local! {
    /// Index into the catalog's entries; 0 is English.
    static CURRENT: Cell<usize> = const { Cell::new(0) };
}

/// Make `lang` this thread's language (other threads keep theirs).
pub fn set_current(lang: &Lang) {
    let i = catalog().index_of(lang.tag).unwrap_or(0);
    CURRENT.with(|c| c.set(i));
}

/// This thread's language; English until [`set_current`].
pub fn current() -> Lang {
    let cat = catalog();
    let i = CURRENT.with(|c| c.get());
    Lang {
        tag: cat.slots.get(i).map(|e| e.tag).unwrap_or(ENGLISH),
    }
}

/// Run `f` with this thread's language set to `lang`, then put the previous one back.
pub fn with_lang<R>(lang: &Lang, f: impl FnOnce() -> R) -> R {
    let before = CURRENT.with(|c| c.get());
    set_current(lang);
    let r = f();
    CURRENT.with(|c| c.set(before));
    r
}

/// A value for a message variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Str(String),
    Int(i64),
    Float(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Int(i64::from(n))
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        Arg::Int(i64::from(n))
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Float(n)
    }
}
impl From<f32> for Arg {
    fn from(n: f32) -> Self {
        Arg::Float(f64::from(n))
    }
}

impl Arg {
    fn value(&self) -> FluentValue<'_> {
        match self {
            Arg::Str(s) => FluentValue::from(s.as_str()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Float(n) => FluentValue::from(*n),
        }
    }
}

/// The message `id` in this thread's language (English when missing there; the id
/// itself when missing everywhere).
pub fn tr(id: &str) -> String {
    tr_args(id, &[])
}

/// The message `id` with variables: `tr_args("n-touchpoints", &[("count", 3.into())])`.
pub fn tr_args(id: &str, args: &[(&str, Arg)]) -> String {
    let cat = catalog();
    let i = CURRENT.with(|c| c.get());
    let text = cat.format(i, id, args).or_else(|| cat.format(0, id, args));
    match text {
        Some(t) if cat.slots.get(i).is_some_and(|e| e.tag == PSEUDO) => format!("［{t}］"),
        Some(t) => t,
        None => {
            missing_once(id);
            id.to_owned()
        }
    }
}

/// The variables `args` as Fluent's arguments (`None` when there are none).
fn fluent_args<'a>(args: &'a [(&str, Arg)]) -> Option<FluentArgs<'a>> {
    if args.is_empty() {
        return None;
    }
    let mut a = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        a.set(*k, v.value());
    }
    Some(a)
}

/// A piece of a plain message (see [`plain_pieces`]).
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Text(Box<str>),
    Var(Box<str>),
}

/// The pieces of a message value that is only text, variables and string literals
/// without escapes (most of ours: "{ $name } ({ $owner }): no department owns it"),
/// which [`fill`] formats as Fluent does, without its resolver (the analysis of a big
/// map formats thousands: issue 16). `None` for anything else (plurals, selectors,
/// functions, references), which Fluent formats.
fn plain_pieces(pattern: &fluent_syntax::ast::Pattern<&str>) -> Option<Vec<Piece>> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    pattern
        .elements
        .iter()
        .map(|e| match e {
            PatternElement::TextElement { value } => Some(Piece::Text((*value).into())),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => Some(Piece::Var(id.name.into())),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } if !value.contains('\\') => Some(Piece::Text((*value).into())),
            PatternElement::Placeable { .. } => None,
        })
        .collect()
}

/// A plain message's `pieces` with the variables `args`, as Fluent writes them
/// (strings as they are, numbers as `f64`'s `Display`; the last value given for a
/// name wins); `None` when a variable is missing (Fluent then writes `{$name}`).
fn fill(pieces: &[Piece], args: &[(&str, Arg)]) -> Option<String> {
    use std::fmt::Write as _;
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Var(name) => match args.iter().rev().find(|(k, _)| *k == &**name)?.1 {
                Arg::Str(ref v) => out.push_str(v),
                Arg::Int(n) => {
                    let _ = write!(out, "{}", n as f64);
                }
                Arg::Float(x) => {
                    let _ = write!(out, "{x}");
                }
            },
        }
    }
    Some(out)
}

/// Whether `id` is a message of `lang` (not counting the English fallback).
pub fn has_message(lang: &Lang, id: &str) -> bool {
    let cat = catalog();
    cat.index_of(lang.tag)
        .and_then(|i| cat.entry_at(i))
        .is_some_and(|e| e.ids().contains(id))
}

/// Every message id of `lang`.
pub fn message_ids(lang: &Lang) -> BTreeSet<String> {
    let cat = catalog();
    cat.index_of(lang.tag)
        .and_then(|i| cat.entry_at(i))
        .map(|e| e.ids().clone())
        .unwrap_or_default()
}

/// What keeps the languages from being complete: `"zh-CN lacks menu-file"`, `"en
/// lacks foo"` for every id some language has and another lacks, and every
/// warning from reading the files. Empty when every language is complete.
pub fn completeness_problems() -> Vec<String> {
    let cat = catalog();
    let mut out = cat.warnings();
    out.extend(cat.missing());
    out
}

/// Warnings from reading the embedded files (a file that did not parse, a message
/// defined twice). Empty for good files.
pub fn warnings() -> Vec<String> {
    catalog().warnings()
}

#[cfg(debug_assertions)]
fn missing_once(id: &str) {
    use std::sync::Mutex;
    static SEEN: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    if let Ok(mut seen) = SEEN.lock()
        && seen.insert(id.to_owned())
    {
        eprintln!("touchpoint: no message \"{id}\" in any language");
    }
}

#[cfg(not(debug_assertions))]
fn missing_once(_id: &str) {}

/// One language: a bundle per file, each read when a message of it is first needed
/// (a command reads the few files it speaks from, not all: issue 16).
struct Entry {
    tag: &'static str,
    files: &'static [(&'static str, &'static str)],
    pseudo: bool,
    /// Which files define each message id, in file order (the first definition is
    /// the one used), found by scanning the files' lines for `id =`.
    index: rustc_hash::FxHashMap<&'static str, Vec<usize>>,
    /// The value of each message whose first definition stands on one line, so that
    /// a plain one is formatted without reading its file into a bundle.
    one_line: rustc_hash::FxHashMap<&'static str, &'static str>,
    /// The bundle of each file, read when first needed, and the problems reading it.
    parts: Vec<OnceLock<(FluentBundle<FluentResource>, Vec<String>)>>,
    /// Print a file's problems when it is read (the process catalog).
    announce: bool,
    /// The ids of the messages with a value, collected when first asked for (only
    /// checks and the inspector ask: a command never pays for them).
    ids: OnceLock<BTreeSet<String>>,
    /// The pieces of every message formatted so far, `None` when it is not plain (see
    /// [`plain_pieces`]): made when a message is first formatted, not for all.
    plain: std::sync::Mutex<rustc_hash::FxHashMap<String, Option<std::sync::Arc<[Piece]>>>>,
    /// A message defined in more than one file (the first file's is used).
    duplicates: Vec<String>,
}

/// The messages defined in an FTL text, in order: every line that starts with an
/// identifier (`[a-zA-Z][a-zA-Z0-9_-]*`), then blanks and `=` (Fluent's syntax for a
/// message; terms start with `-`, comments with `#`, continuation lines with blanks);
/// with each message's value when it stands on its defining line alone (the next line
/// that is not blank does not start with a blank, so nothing continues it: no more
/// lines of text, no attributes).
fn definitions(text: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    let mut lines = text.lines().peekable();
    std::iter::from_fn(move || {
        loop {
            let line = lines.next()?;
            let end = ident_len(line);
            if end == 0 {
                continue;
            }
            let Some(value) = line.get(end..).map(|r| r.trim_start_matches(' ')) else {
                continue;
            };
            let (Some(id), Some(value)) = (line.get(..end), value.strip_prefix('=')) else {
                continue;
            };
            while lines.peek().is_some_and(|l| l.trim().is_empty()) {
                lines.next();
            }
            let alone = !lines.peek().is_some_and(|l| l.starts_with([' ', '\t']));
            return Some((id, alone.then_some(value)));
        }
    })
}

/// The length of the Fluent identifier (`[a-zA-Z][a-zA-Z0-9_-]*`) that `s` starts
/// with, 0 when it starts with none.
fn ident_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-'))
        .unwrap_or(bytes.len())
}

/// The pieces of a message value written on one line (see [`definitions`]) when it is
/// only text, variables (`{ $name }`) and string literals without escapes
/// (`{ "{" }`), as Fluent parses it; `None` for anything else, which the bundle then
/// reads (a test holds this to Fluent's parse of every message of every file).
fn line_pieces(value: &str) -> Option<Vec<Piece>> {
    let value = value.trim_start_matches(' ');
    if value.is_empty()
        || value.trim_end() != value
        || value.contains(['\t', '\r'])
        || value.starts_with(['[', '*', '.'])
    {
        return None;
    }
    let mut pieces = Vec::new();
    let mut rest = value;
    while !rest.is_empty() {
        let text_end = rest.find(['{', '}']).unwrap_or(rest.len());
        if text_end > 0 {
            pieces.push(Piece::Text(rest.get(..text_end)?.into()));
        }
        rest = rest.get(text_end..)?;
        let Some(inner) = rest.strip_prefix('{') else {
            if rest.is_empty() {
                break;
            }
            return None; // a `}` outside a placeable
        };
        let close = inner.find('}')?;
        let expr = inner.get(..close)?.trim_matches(' ');
        rest = inner.get(close + 1..)?;
        if let Some(name) = expr.strip_prefix('$') {
            if name.is_empty() || ident_len(name) != name.len() {
                return None;
            }
            pieces.push(Piece::Var(name.into()));
        } else if let Some(lit) = expr.strip_prefix('"').and_then(|e| e.strip_suffix('"')) {
            if lit.contains(['"', '\\']) {
                return None;
            }
            pieces.push(Piece::Text(lit.into()));
        } else {
            return None;
        }
    }
    Some(pieces)
}

impl Entry {
    fn new(
        tag: &'static str,
        files: &'static [(&'static str, &'static str)],
        pseudo: bool,
        announce: bool,
    ) -> Entry {
        let mut index: rustc_hash::FxHashMap<&'static str, Vec<usize>> =
            rustc_hash::FxHashMap::default();
        let mut duplicates = Vec::new();
        let mut one_line = rustc_hash::FxHashMap::default();
        for (f, (name, text)) in files.iter().enumerate() {
            for (id, value) in definitions(text) {
                let defined = index.entry(id).or_default();
                if let (true, Some(v)) = (defined.is_empty(), value) {
                    one_line.insert(id, v);
                }
                if defined.last().is_some_and(|&g| g != f) && !pseudo {
                    duplicates.push(format!(
                        "i18n/{tag}/{name}: message \"{id}\" is defined in an earlier file too; that one is used"
                    ));
                }
                if defined.last() != Some(&f) {
                    defined.push(f);
                }
            }
        }
        if announce {
            for w in &duplicates {
                eprintln!("touchpoint: {w}");
            }
        }
        Entry {
            tag,
            files,
            pseudo,
            index,
            one_line,
            parts: files.iter().map(|_| OnceLock::new()).collect(),
            announce,
            ids: OnceLock::new(),
            plain: std::sync::Mutex::default(),
            duplicates,
        }
    }

    /// The bundle of file `f`, read now if it was not yet.
    fn part(&self, f: usize) -> Option<&(FluentBundle<FluentResource>, Vec<String>)> {
        let (name, text) = *self.files.get(f)?;
        let part = self.parts.get(f)?;
        Some(part.get_or_init(|| {
            let (tag, pseudo) = (self.tag, self.pseudo);
            let mut warnings = Vec::new();
            let id: LanguageIdentifier = tag.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            if pseudo {
                bundle.set_transform(Some(pseudo_text));
            }
            let res = match FluentResource::try_new(text.to_owned()) {
                Ok(r) => r,
                Err((r, errors)) => {
                    for e in errors {
                        let (line, col) = line_col(text, e.pos.start);
                        warnings.push(format!(
                            "i18n/{tag}/{name}:{line}:{col}: {}; those messages fall back to English",
                            e.kind
                        ));
                    }
                    r
                }
            };
            if let Err(errors) = bundle.add_resource(res) {
                for e in errors {
                    warnings.push(format!("i18n/{tag}/{name}: {e}"));
                }
            }
            if pseudo {
                // The pseudo-locale repeats English: its problems are English's.
                warnings.clear();
            }
            if self.announce {
                for w in &warnings {
                    eprintln!("touchpoint: {w}");
                }
            }
            (bundle, warnings)
        }))
    }

    /// Message `id` and the bundle holding it: the first file defining it whose
    /// bundle has it (a broken definition is not in its bundle).
    fn message(&self, id: &str) -> Option<(&FluentBundle<FluentResource>, FluentMessage<'_>)> {
        self.index.get(id)?.iter().find_map(|&f| {
            let (bundle, _) = self.part(f)?;
            Some((bundle, bundle.get_message(id)?))
        })
    }

    /// Problems reading this language's files (reads them all).
    fn warnings(&self) -> Vec<String> {
        let mut out = self.duplicates.clone();
        for f in 0..self.files.len() {
            if let Some((_, w)) = self.part(f) {
                out.extend(w.iter().cloned());
            }
        }
        out
    }

    /// The ids of this language's messages that have a value (its files read again).
    fn ids(&self) -> &BTreeSet<String> {
        self.ids.get_or_init(|| {
            let mut ids = BTreeSet::new();
            for (_, text) in self.files {
                let res = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
                for entry in res.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry
                        && m.value.is_some()
                    {
                        ids.insert(m.id.name.to_owned());
                    }
                }
            }
            ids
        })
    }

    /// The pieces of message `id` when it is plain (from its line when it stands on
    /// one, else as the bundle holds it), `None` when it is not, or missing, or in the
    /// pseudo-locale (whose text Fluent transforms).
    fn plain(&self, id: &str) -> Option<std::sync::Arc<[Piece]>> {
        if self.pseudo {
            return None;
        }
        let mut known = self.plain.lock().ok()?;
        if let Some(p) = known.get(id) {
            return p.clone();
        }
        let pieces = self
            .one_line
            .get(id)
            .and_then(|v| line_pieces(v))
            .or_else(|| {
                self.message(id)
                    .and_then(|(_, m)| m.value())
                    .and_then(plain_pieces)
            })
            .map(std::sync::Arc::from);
        known.insert(id.to_owned(), pieces.clone());
        pieces
    }
}

/// Files embedded as `(language tag, [(file name, text)])`.
type Files = &'static [(&'static str, &'static [(&'static str, &'static str)])];

/// One language: its files, and its bundle, built the first time it is needed.
struct Slot {
    tag: &'static str,
    files: &'static [(&'static str, &'static str)],
    pseudo: bool,
    entry: OnceLock<Entry>,
}

/// Every language's bundle, each built from the embedded files when first used: a
/// command run in English never parses the other languages (issue 16: start-up).
struct Catalog {
    slots: Vec<Slot>,
    /// Print a language's warnings when its bundle is built (the process catalog).
    announce: bool,
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut cat = Catalog::build(files::FILES);
        cat.announce = true;
        cat
    })
}

/// Accented letters for the pseudo-locale.
fn pseudo_text(s: &str) -> Cow<'_, str> {
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                'a' => 'á',
                'e' => 'é',
                'i' => 'í',
                'o' => 'ó',
                'u' => 'ú',
                'c' => 'ç',
                'n' => 'ñ',
                'A' => 'Å',
                'E' => 'É',
                'I' => 'Í',
                'O' => 'Ø',
                'U' => 'Ü',
                'C' => 'Ç',
                'N' => 'Ñ',
                c => c,
            })
            .collect(),
    )
}

impl Catalog {
    /// Bundles for `(tag, [(file name, text)])`; English first, whether given or not,
    /// then the pseudo-locale built from English. Problems become warnings.
    fn build(files: Files) -> Catalog {
        let english: &'static [(&'static str, &'static str)] = files
            .iter()
            .find(|(t, _)| *t == ENGLISH)
            .map(|(_, f)| *f)
            .unwrap_or(&[]);
        let slot = |tag: &'static str, files, pseudo| Slot {
            tag,
            files,
            pseudo,
            entry: OnceLock::new(),
        };
        let mut slots = vec![slot(ENGLISH, english, false)];
        for (tag, fs) in files {
            if *tag == ENGLISH || *tag == PSEUDO {
                continue;
            }
            slots.push(slot(tag, fs, false));
        }
        slots.push(slot(PSEUDO, english, true));
        Catalog {
            slots,
            announce: false,
        }
    }

    /// Language `i`, indexed now if it was not yet (its files are read as needed).
    fn entry_at(&self, i: usize) -> Option<&Entry> {
        let slot = self.slots.get(i)?;
        Some(
            slot.entry
                .get_or_init(|| Entry::new(slot.tag, slot.files, slot.pseudo, self.announce)),
        )
    }

    /// Warnings from reading every language's files (reads them all).
    fn warnings(&self) -> Vec<String> {
        (0..self.slots.len())
            .filter_map(|i| self.entry_at(i))
            .flat_map(|e| e.warnings())
            .collect()
    }

    fn index_of(&self, tag: &str) -> Option<usize> {
        self.slots.iter().position(|e| e.tag == tag)
    }

    /// The message formatted in entry `i` with the variables `args`, `None` when it
    /// has no such message: a plain message directly, any other by Fluent.
    fn format(&self, i: usize, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let entry = self.entry_at(i)?;
        if let Some(text) = entry.plain(id).and_then(|p| fill(&p, args)) {
            return Some(text);
        }
        self.format_by_fluent(i, id, args)
    }

    /// [`Catalog::format`] by Fluent's resolver, plain or not.
    fn format_by_fluent(&self, i: usize, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        let (bundle, message) = self.entry_at(i)?.message(id)?;
        let pattern = message.value()?;
        let fargs = fluent_args(args);
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, fargs.as_ref(), &mut errors)
                .into_owned(),
        )
    }

    fn missing(&self) -> Vec<String> {
        let real: Vec<(&str, &Entry)> = (0..self.slots.len())
            .filter_map(|i| Some((self.slots.get(i)?.tag, self.entry_at(i)?)))
            .filter(|(tag, _)| *tag != PSEUDO)
            .collect();
        let all: BTreeSet<&String> = real.iter().flat_map(|(_, e)| e.ids().iter()).collect();
        let mut out = Vec::new();
        for (tag, e) in &real {
            for id in &all {
                if !e.ids().contains(*id) {
                    out.push(format!("{tag} lacks {id}"));
                }
            }
        }
        out
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let before = text.get(..pos.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests;
