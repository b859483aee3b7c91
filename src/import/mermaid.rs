//! Mermaid `journey` import, following Mermaid's own grammar (journey.jison):
//!
//! ```text
//! ---
//! title: Front-matter title          (optional; a `title` statement wins)
//! ---
//! journey
//!     title My working day           (title + space + text)
//!     accTitle: ...                  accDescr: ...   accDescr { multi-line }
//!     %% a comment                   (also after text on a line; `#` starts one too)
//!     section Go to work             (section + space + name; no `:`)
//!       Make tea: 5: Me, Cat         (task: score: actor, actor)
//!       Do work: 1                   (actors are optional)
//! ```
//!
//! * Sections become stages (a repeated section name is the same stage); tasks before the
//!   first section have no stage. Tasks become touchpoints connected in order.
//! * Score s (Mermaid's 1-5) becomes `Satisfaction::Summary { mean: (s - 1) * 2.5,
//!   responses: 0 }`: 1 -> 0, 2 -> 2.5, 3 -> 5, 4 -> 7.5, 5 -> 10. A score outside 1-5 is
//!   reported and clamped to 1-5; an empty or non-numeric score is reported and left empty.
//!   A `%% unscored` comment line directly before a task means "no score" (our export
//!   writes it for touchpoints without a score, because Mermaid requires a number).
//! * The first actor becomes the owner (a department, created by name); the others
//!   become departments too and are kept on the touchpoint's notes as
//!   `Also involved: B, C`.
//! * Mermaid entity codes are decoded (`#58;` -> `:`, `#lt;` -> `<`), `<br>` is a line break.
//! * In Markdown, the first ```` ```mermaid ```` block that holds a `journey` is read.

use super::build::{Builder, DeptSpec, Problems};
use super::{ImportError, ImportResult, title_from_name};
use crate::dialect::mermaid::{ALSO_INVOLVED, UNSCORED, decode_text, entity_at, score_to_mean};
use crate::model::{Handoff, Satisfaction, StageId, Touchpoint, TouchpointId};

/// Cut a `#` comment, skipping entity codes.
fn cut_hash_comment(line: &str) -> &str {
    let mut i = 0;
    while let Some(pos) = line.get(i..).and_then(|s| s.find('#')) {
        let at = i + pos;
        match line.get(at..).and_then(entity_at) {
            Some((_, len)) => i = at + len,
            None => return line.get(..at).unwrap_or(line),
        }
    }
    line
}

/// The position of the first of `stops` outside entity codes (`#59;` is not a `;`).
fn find_stop(text: &str, stops: &[char]) -> Option<usize> {
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|s| s.chars().next()) {
        if stops.contains(&c) {
            return Some(i);
        }
        match (c, text.get(i..).and_then(entity_at)) {
            ('#', Some((_, len))) => i += len,
            _ => i += c.len_utf8(),
        }
    }
    None
}

/// Cut at the first `;` that does not end an entity code (Mermaid ends task data there).
fn cut_semicolon(text: &str) -> &str {
    match find_stop(text, &[';']) {
        Some(p) => text.get(..p).unwrap_or(text),
        None => text,
    }
}

/// Cut a `%%` comment that is not at the start of the line (Mermaid: `[^}]%%...`).
fn cut_percent_comment(line: &str) -> &str {
    let mut from = 0;
    while let Some(pos) = line.get(from..).and_then(|s| s.find("%%")) {
        let at = from + pos;
        if at == 0 || !line.get(..at).is_some_and(|s| s.ends_with('}')) {
            return line.get(..at).unwrap_or(line);
        }
        from = at + 2;
    }
    line
}

/// `keyword` (case-insensitive) at the start of `s`, returning the rest.
fn keyword<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let head = s.get(..word.len())?;
    head.eq_ignore_ascii_case(word)
        .then(|| s.get(word.len()..))?
}

/// The lines to read: the whole text, or the first ```mermaid block of a Markdown file
/// that holds a journey. Each with its 1-based line number.
fn source_lines(text: &str) -> Result<Vec<(usize, &str)>, String> {
    let all: Vec<(usize, &str)> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .collect();
    let is_fence = |l: &str| {
        let t = l.trim_start();
        t.starts_with("```") || t.starts_with("~~~") || t.starts_with(":::")
    };
    let opens_mermaid = |l: &str| {
        let t = l.trim_start();
        is_fence(t)
            && t.trim_start_matches(['`', '~', ':'])
                .trim()
                .to_ascii_lowercase()
                .starts_with("mermaid")
    };
    if !all.iter().any(|(_, l)| opens_mermaid(l)) {
        return Ok(all);
    }
    let mut i = 0;
    let mut blocks = 0;
    while i < all.len() {
        let Some(&(_, line)) = all.get(i) else { break };
        if opens_mermaid(line) {
            blocks += 1;
            let start = i + 1;
            let mut end = start;
            while all.get(end).is_some_and(|(_, l)| !is_fence(l)) {
                end += 1;
            }
            let block = all.get(start..end).unwrap_or_default();
            let holds_journey = block.iter().any(|(_, l)| {
                l.trim_start()
                    .get(..7)
                    .is_some_and(|w| w.eq_ignore_ascii_case("journey"))
            });
            if holds_journey {
                return Ok(block.to_vec());
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    Err(crate::tr!("imp-mmd-no-journey-block", count = blocks))
}

struct State {
    b: Builder,
    problems: Problems,
    title: Option<String>,
    front_title: Option<String>,
    acc_title: Option<(usize, String)>,
    description: Option<String>,
    section: Option<StageId>,
    previous: Option<TouchpointId>,
    unscored: bool,
}

/// Import a Mermaid `journey` (or a Markdown file holding one).
pub fn import(name: &str, text: &str) -> Result<ImportResult, ImportError> {
    let mut st = State {
        b: Builder::new(&title_from_name(name)),
        problems: Problems::new(name),
        title: None,
        front_title: None,
        acc_title: None,
        description: None,
        section: None,
        previous: None,
        unscored: false,
    };
    let lines = match source_lines(text) {
        Ok(l) => l,
        Err(e) => {
            st.problems.general(e);
            return Err(ImportError {
                file: name.to_owned(),
                problems: st.problems.finish(),
            });
        }
    };
    let mut i = 0;
    // Front matter: `---` ... `---` before anything else.
    let first = lines.iter().position(|(_, l)| !l.trim().is_empty());
    if let Some(f) = first
        && lines.get(f).is_some_and(|(_, l)| l.trim() == "---")
    {
        let close = lines
            .iter()
            .skip(f + 1)
            .position(|(_, l)| l.trim() == "---");
        match close {
            Some(c) => {
                for (_, l) in lines.get(f + 1..f + 1 + c).unwrap_or_default() {
                    if let Some(v) = keyword(l, "title:") {
                        let v = v.trim().trim_matches(['"', '\'']).trim();
                        if !v.is_empty() {
                            st.front_title = Some(v.to_owned());
                        }
                    }
                }
                i = f + c + 2;
            }
            None => {
                let line = lines.get(f).map_or(1, |(n, _)| *n);
                st.problems
                    .at(line, crate::i18n::tr("imp-mmd-front-matter"));
            }
        }
    }
    let mut header = Header::NotYet;
    let mut in_directive = false;
    let mut multiline: Option<(usize, String)> = None;
    while let Some(&(n, raw)) = lines.get(i) {
        i += 1;
        if let Some((start, mut acc)) = multiline.take() {
            match raw.find('}') {
                Some(p) => {
                    acc.push_str(raw.get(..p).unwrap_or_default());
                    st.description = Some(tidy_multiline(&acc));
                }
                None => {
                    acc.push_str(raw);
                    acc.push('\n');
                    multiline = Some((start, acc));
                }
            }
            continue;
        }
        let trimmed = raw.trim();
        if in_directive {
            if trimmed.contains("}%%") {
                in_directive = false;
            }
            continue;
        }
        if trimmed.starts_with("%%{") {
            in_directive = !trimmed.contains("}%%");
            continue;
        }
        if trimmed.starts_with("%%") {
            if trimmed.eq_ignore_ascii_case(UNSCORED) {
                st.unscored = true;
            }
            continue;
        }
        let line = cut_percent_comment(raw);
        // Accessibility statements keep `#` and `;` in their value.
        let t = line.trim();
        if let Some(rest) = keyword(t, "accTitle")
            && let Some(v) = rest.trim_start().strip_prefix(':')
        {
            header = note_missing_journey(&mut st, header, n);
            let v = decode_text(v.trim()).replace('\n', " ");
            st.acc_title = Some((n, v));
            continue;
        }
        if let Some(rest) = keyword(t, "accDescr") {
            let rest = rest.trim_start();
            if let Some(v) = rest.strip_prefix(':') {
                header = note_missing_journey(&mut st, header, n);
                st.description = Some(decode_text(v.trim()));
                continue;
            }
            if let Some(v) = rest.strip_prefix('{') {
                header = note_missing_journey(&mut st, header, n);
                match v.find('}') {
                    Some(p) => st.description = Some(tidy_multiline(v.get(..p).unwrap_or(v))),
                    None => multiline = Some((n, format!("{v}\n"))),
                }
                continue;
            }
        }
        let code = cut_hash_comment(line).trim();
        if code.is_empty() {
            continue;
        }
        if let Some(rest) = keyword(code, "journey") {
            if header == Header::Seen {
                st.problems.at(n, crate::i18n::tr("imp-mmd-second-journey"));
            }
            header = Header::Seen;
            let rest = rest.trim();
            if !rest.is_empty() {
                statement(&mut st, n, rest);
            }
            continue;
        }
        header = note_missing_journey(&mut st, header, n);
        statement(&mut st, n, code);
    }
    if let Some((start, _)) = multiline {
        st.problems
            .at(start, crate::i18n::tr("imp-mmd-accdescr-open"));
    }
    finish(name, st)
}

/// Mermaid trims each line of a multi-line accDescr.
fn tidy_multiline(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    decode_text(&lines.get(start..end).unwrap_or_default().join("\n"))
}

/// Has the `journey` keyword been met, or assumed (reported) because text came first?
#[derive(Clone, Copy, PartialEq, Eq)]
enum Header {
    NotYet,
    Assumed,
    Seen,
}

fn note_missing_journey(st: &mut State, header: Header, line: usize) -> Header {
    if header == Header::NotYet {
        st.problems.at(line, crate::i18n::tr("imp-mmd-no-journey"));
        return Header::Assumed;
    }
    header
}

/// One statement line (comments already removed): title, section or task.
fn statement(st: &mut State, n: usize, code: &str) {
    if let Some(rest) = keyword(code, "title")
        && (rest.starts_with(char::is_whitespace) || rest.is_empty())
    {
        let v = decode_text(rest.trim()).replace('\n', " ");
        if v.is_empty() {
            st.problems.at(n, crate::i18n::tr("imp-mmd-empty-title"));
        } else {
            st.title = Some(v);
        }
        return;
    }
    if let Some(rest) = keyword(code, "section")
        && (rest.starts_with(char::is_whitespace) || rest.is_empty())
    {
        let (name, extra) = match find_stop(rest, &[':', ';']) {
            Some(p) => (rest.get(..p).unwrap_or(rest), rest.get(p..)),
            None => (rest, None),
        };
        if let Some(extra) = extra {
            st.problems.at(
                n,
                crate::tr!("imp-mmd-section-extra", value = format!("{extra:?}")),
            );
        }
        let name = decode_text(name.trim()).replace('\n', " ");
        if name.is_empty() {
            st.problems
                .at(n, crate::i18n::tr("imp-mmd-section-unnamed"));
            st.section = None;
            return;
        }
        st.section = st.b.stage("", &name, n, &mut st.problems);
        return;
    }
    task(st, n, code);
}

fn task(st: &mut State, n: usize, code: &str) {
    let unscored = std::mem::take(&mut st.unscored);
    let Some((name, data)) = code.split_once(':') else {
        st.problems.at(
            n,
            crate::tr!("imp-mmd-not-task", value = format!("{code:?}")),
        );
        return;
    };
    let name = decode_text(name.trim());
    let name = name.trim();
    if name.is_empty() {
        st.problems.at(n, crate::i18n::tr("imp-mmd-task-unnamed"));
        return;
    }
    let data = cut_semicolon(data);
    let mut pieces = data.split(':');
    let score_text = pieces.next().unwrap_or_default().trim();
    let actors: Vec<String> = pieces
        .next()
        .unwrap_or_default()
        .split(',')
        .map(|a| decode_text(a.trim()).trim().replace('\n', " "))
        .filter(|a| !a.is_empty())
        .collect();
    let extra: Vec<&str> = pieces.collect();
    if !extra.is_empty() {
        st.problems.at(
            n,
            crate::tr!(
                "imp-mmd-after-actors",
                value = format!("{:?}", extra.join(":"))
            ),
        );
    }
    let satisfaction = if unscored {
        None
    } else {
        score(st, n, score_text)
    };
    let (id, _) = st.b.touchpoint_id("", name);
    let mut tp = Touchpoint::new(
        id.0.clone(),
        st.b.text("imp-what-task-name", name, n, &mut st.problems),
    );
    tp.stage = st.section.clone();
    tp.satisfaction = satisfaction;
    let mut owners = Vec::new();
    for actor in &actors {
        let d = st.b.department(
            &DeptSpec {
                name: actor,
                ..Default::default()
            },
            n,
            &mut st.problems,
        );
        owners.push(d);
    }
    tp.owner = owners.first().cloned().flatten();
    if let Some(others) = actors.get(1..)
        && !others.is_empty()
    {
        tp.notes = st.b.text(
            "imp-what-actors",
            &format!("{ALSO_INVOLVED}{}", others.join(", ")),
            n,
            &mut st.problems,
        );
    }
    if st.b.add_touchpoint(tp, n, &mut st.problems)
        && let Some(prev) = st.previous.replace(id.clone())
    {
        st.b.connect(Handoff::new(prev.0, id.0), n, &mut st.problems);
    }
}

/// A Mermaid score -> satisfaction (see the module docs for the rules).
fn score(st: &mut State, n: usize, text: &str) -> Option<Satisfaction> {
    if text.is_empty() {
        st.problems.at(n, crate::i18n::tr("imp-mmd-no-score"));
        return None;
    }
    let Some(mut s) = crate::dialect::csv::parse_number(text) else {
        st.problems.at(
            n,
            crate::tr!("imp-mmd-bad-score", value = format!("{text:?}")),
        );
        return None;
    };
    if !(1.0..=5.0).contains(&s) {
        let clamped = s.clamp(1.0, 5.0);
        st.problems.at(
            n,
            crate::tr!(
                "imp-mmd-score-range",
                value = text,
                clamped = crate::model::fmt_num(clamped)
            ),
        );
        s = clamped;
    }
    Some(Satisfaction::Summary {
        mean: score_to_mean(s),
        responses: 0,
    })
}

fn finish(name: &str, mut st: State) -> Result<ImportResult, ImportError> {
    let title = st
        .title
        .clone()
        .or_else(|| st.front_title.clone())
        .or_else(|| st.acc_title.as_ref().map(|(_, t)| t.clone()));
    if let (Some((line, acc)), Some(t)) = (&st.acc_title, &title)
        && acc != t
    {
        st.problems.at(
            *line,
            crate::tr!(
                "imp-mmd-acc-title",
                value = format!("{acc:?}"),
                title = format!("{t:?}")
            ),
        );
    }
    if st.b.journey.touchpoint_count() == 0 {
        st.problems.general(crate::i18n::tr("imp-mmd-no-tasks"));
        return Err(ImportError {
            file: name.to_owned(),
            problems: st.problems.finish(),
        });
    }
    let mut meta = st.b.journey.meta().clone();
    if let Some(t) = title {
        meta.title = st.b.text("io-what-title", &t, 1, &mut st.problems);
    }
    if let Some(d) = &st.description {
        meta.description = st.b.text("io-what-description", d, 1, &mut st.problems);
    }
    if let Err(e) = st.b.journey.set_meta(meta) {
        st.problems
            .general(crate::tr!("imp-mmd-meta-error", error = e.to_string()));
    }
    Ok(ImportResult {
        journey: st.b.journey,
        problems: st.problems.finish(),
        assumptions: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_cut_outside_entities() {
        assert_eq!(cut_hash_comment("Pay #36; now # later"), "Pay #36; now ");
        assert_eq!(cut_percent_comment("Task: 3: A %% note"), "Task: 3: A ");
        assert_eq!(cut_percent_comment("x}%%y"), "x}%%y");
        assert_eq!(cut_semicolon(" 3: A#44; B; C"), " 3: A#44; B");
        assert_eq!(cut_semicolon("#;x"), "#");
    }
}
