//! The war-room record of a journey as text for reports: the improvement actions
//! (what, owner, due, status, on what) and the sticky notes. Pure; the Markdown
//! report export appends [`workshop_markdown`].

use crate::model::{ActionItem, ActionStatus, Anchor, Journey};
use std::fmt::Write as _;

/// What a note or action is attached to, for a reader.
pub fn anchor_text(journey: &Journey, anchor: &Anchor) -> String {
    let name = |id: &crate::model::TouchpointId| {
        journey
            .touchpoint(id)
            .map_or_else(|| id.to_string(), |t| t.name.clone())
    };
    match anchor {
        Anchor::Journey => crate::i18n::tr("anchor-journey"),
        Anchor::Touchpoint(t) => name(t),
        Anchor::Handoff(k) => format!("{} -> {}", name(&k.from), name(&k.to)),
        Anchor::Cell(s, d) => format!(
            "{} / {}",
            journey
                .stage(s)
                .map_or_else(|| s.to_string(), |s| s.name.clone()),
            journey.department_name(Some(d))
        ),
    }
}

fn cell(s: &str) -> String {
    let t = s.replace('|', "\\|").replace(['\n', '\r'], " ");
    if t.trim().is_empty() { "-".into() } else { t }
}

/// Actions in report order: open first, then in progress, then done; by due date
/// (undated last), then id.
pub fn sorted_actions(journey: &Journey) -> Vec<&ActionItem> {
    let rank = |s: ActionStatus| match s {
        ActionStatus::Open => 0,
        ActionStatus::InProgress => 1,
        ActionStatus::Done => 2,
    };
    let mut v: Vec<&ActionItem> = journey.actions().collect();
    v.sort_by(|a, b| {
        (rank(a.status), a.due.is_empty(), &a.due, &a.id).cmp(&(
            rank(b.status),
            b.due.is_empty(),
            &b.due,
            &b.id,
        ))
    });
    v
}

/// "## Improvement actions" and "## Workshop notes" sections (empty string when the
/// journey has neither).
pub fn workshop_markdown(journey: &Journey) -> String {
    let mut s = String::new();
    let actions = sorted_actions(journey);
    if !actions.is_empty() {
        let _ = writeln!(
            s,
            "## Improvement actions\n\n| Action | Owner | Due | Status | On |\n| --- | --- | --- | --- | --- |"
        );
        for a in actions {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                cell(&a.what),
                cell(&a.owner),
                cell(&a.due),
                a.status.label(),
                cell(&anchor_text(journey, &a.anchor))
            );
        }
        s.push('\n');
    }
    let notes: Vec<_> = journey.notes().collect();
    if !notes.is_empty() {
        let _ = writeln!(s, "## Workshop notes\n");
        for n in notes {
            let author = if n.author.trim().is_empty() {
                String::new()
            } else {
                format!(" — {}", n.author.trim())
            };
            let _ = writeln!(
                s,
                "- **{}**: {}{author}",
                cell(&anchor_text(journey, &n.anchor)),
                cell(&n.text)
            );
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoteId;

    #[test]
    fn the_move_address_record_lists_actions_and_notes() {
        let j = crate::samples::move_address().unwrap();
        let md = workshop_markdown(&j);
        assert!(md.starts_with("## Improvement actions"));
        let rows = md
            .lines()
            .filter(|l| {
                l.starts_with("| ") && !l.starts_with("| Action") && !l.starts_with("| ---")
            })
            .count();
        assert_eq!(rows, j.actions().count());
        assert!(md.contains("## Workshop notes"));
        assert!(md.contains("These calls are a symptom"));
        // Open actions come before done ones.
        let order: Vec<ActionStatus> = sorted_actions(&j).iter().map(|a| a.status).collect();
        let mut sorted = order.clone();
        sorted.sort_by_key(|s| match s {
            ActionStatus::Open => 0,
            ActionStatus::InProgress => 1,
            ActionStatus::Done => 2,
        });
        assert_eq!(order, sorted);
    }

    #[test]
    fn pipes_and_newlines_do_not_break_the_table() {
        let mut j = Journey::new("t");
        j.add_action(ActionItem {
            id: NoteId::new("a-1"),
            what: "split | merge\nlater".into(),
            ..Default::default()
        })
        .unwrap();
        let md = workshop_markdown(&j);
        assert!(md.contains("| split \\| merge later | - | - | Open | the journey |"));
        assert_eq!(workshop_markdown(&Journey::new("empty")), "");
    }
}
