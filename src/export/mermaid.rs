//! Mermaid `journey` export, for pasting a summary into a wiki:
//!
//! ```text
//! journey
//!     title Move address
//!     section Notify the move
//!       Customer reports the move: 2: Customer
//! ```
//!
//! * Sections are the stages in order (empty ones too); touchpoints without a stage come
//!   first, before any section. Tasks are the touchpoints in reading order
//!   ([`super::order`]).
//! * Score: mean m (0-10) -> `round(m / 2.5) + 1`, clamped to 1..=5 (0-1.24 -> 1,
//!   1.25-3.74 -> 2, 3.75-6.24 -> 3, 6.25-8.74 -> 4, 8.75-10 -> 5). Mermaid needs a score,
//!   so a touchpoint without one is written as 3 after a `%% unscored` comment line, which
//!   our importer honours.
//! * Actors: the owner's name, then the names kept on an `Also involved: ` notes line.
//! * Escaping, with Mermaid's entity codes (decoded by Mermaid when it renders):
//!   `#` -> `#35;`, `:` -> `#58;`, `;` -> `#59;`, `<` -> `#lt;`, `>` -> `#gt;`,
//!   in actors `,` -> `#44;`, the second `%` of `%%` -> `#37;`; a line break becomes
//!   `<br>`; other control characters become spaces. A task name that would start with
//!   a Mermaid keyword (`journey`, `title`, `section`, `accTitle`, `accDescr`) gets its
//!   first letter as an entity code. So `<script>` comes out as `#lt;script#gt;`: inert text.

use crate::dialect::mermaid::{ALSO_INVOLVED, UNSCORED, escape, escape_task, mean_to_score};
use crate::model::{Journey, Touchpoint};
use std::fmt::Write as _;

/// The actors of a task: the owner, then the names on an `Also involved: ` notes line.
fn actors(journey: &Journey, t: &Touchpoint) -> Vec<String> {
    let Some(owner) = &t.owner else {
        return Vec::new();
    };
    let mut out = vec![journey.department_name(Some(owner))];
    if let Some(line) = t.notes.lines().find_map(|l| l.strip_prefix(ALSO_INVOLVED)) {
        out.extend(
            line.split(", ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
    }
    out
}

/// One task line (with the `%% unscored` line before it when it has no score).
fn task(out: &mut String, journey: &Journey, t: &Touchpoint) {
    let name = escape_task(t.name.trim());
    let name = if name.trim().is_empty() {
        escape_task(t.id.as_str())
    } else {
        name
    };
    let score = match t.mean_score() {
        Some(m) => mean_to_score(m),
        None => {
            let _ = writeln!(out, "      {UNSCORED}");
            3
        }
    };
    let actors: Vec<String> = actors(journey, t)
        .iter()
        .map(|a| escape(a.trim(), true))
        .filter(|a| !a.trim().is_empty())
        .collect();
    if actors.is_empty() {
        let _ = writeln!(out, "      {name}: {score}");
    } else {
        let _ = writeln!(out, "      {name}: {score}: {}", actors.join(", "));
    }
}

/// The Mermaid `journey` text of a journey.
pub fn to_mermaid(journey: &Journey) -> String {
    let mut out = String::from("journey\n");
    let title = escape(journey.title().trim(), false).replace("<br>", " ");
    if !title.trim().is_empty() {
        let _ = writeln!(out, "    title {title}");
    }
    let description = journey.meta().description.trim();
    if !description.is_empty() {
        let d = escape(description, false).replace("<br>", " ");
        let _ = writeln!(out, "    accDescr: {d}");
    }
    let order = super::reading_order(journey);
    for t in order.iter().filter(|t| t.stage.is_none()) {
        task(&mut out, journey, t);
    }
    for stage in journey.stages() {
        let name = escape(stage.name.trim(), false).replace("<br>", " ");
        let name = if name.trim().is_empty() {
            escape(stage.id.as_str(), false)
        } else {
            name
        };
        let _ = writeln!(out, "    section {name}");
        for t in order.iter().filter(|t| t.stage.as_ref() == Some(&stage.id)) {
            task(&mut out, journey, t);
        }
    }
    out
}
