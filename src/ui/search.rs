//! Find touchpoints by name (Ctrl+F) and jump to them.

use super::action::Action;
use super::frame::{FrameView, Outbox};
use crate::i18n::tr;
use crate::model::{Journey, TouchpointId};

#[derive(Clone, Debug, Default)]
pub struct SearchState {
    pub open: bool,
    pub focus: bool,
    pub query: String,
}

/// Touchpoints whose name (or id) contains `query`, case-insensitively, in journey order
/// of ids; at most `limit`.
pub fn find(journey: &Journey, query: &str, limit: usize) -> Vec<(TouchpointId, String)> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(usize, TouchpointId, String)> = journey
        .touchpoints()
        .filter_map(|t| {
            let name = t.name.to_lowercase();
            let rank = if name.starts_with(&q) {
                0
            } else if name.contains(&q) {
                1
            } else if t.id.as_str().contains(&q) {
                2
            } else {
                return None;
            };
            Some((rank, t.id.clone(), t.name.clone()))
        })
        .collect();
    out.sort_by(|a, b| (a.0, &a.2, &a.1).cmp(&(b.0, &b.2, &b.1)));
    out.into_iter()
        .take(limit)
        .map(|(_, id, n)| (id, n))
        .collect()
}

/// The find window (its own state: `search`).
pub fn show(ctx: &egui::Context, v: FrameView<'_>, search: &mut SearchState, out: &mut Outbox<'_>) {
    if !search.open {
        return;
    }
    let mut open = true;
    let mut chosen = None;
    egui::Window::new(tr("search-name"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(380.0)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 90.0))
        .show(ctx, |ui| {
            let r = ui.add(
                egui::TextEdit::singleline(&mut search.query)
                    .hint_text(tr("search-hint"))
                    .desired_width(f32::INFINITY),
            );
            let r = r.accessible_name(tr("search-name"));
            if search.focus {
                r.request_focus();
                search.focus = false;
            }
            let hits = find(v.journey(), &search.query, 30);
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                chosen = hits.first().map(|(id, _)| id.clone());
            }
            if !search.query.trim().is_empty() {
                ui.label(crate::tr!("search-matches", count = hits.len()));
            }
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for (id, name) in &hits {
                        if ui.selectable_label(false, name).clicked() {
                            chosen = Some(id.clone());
                        }
                    }
                });
        });
    if let Some(id) = chosen {
        out.push(Action::Focus(vec![id]));
        search.open = false;
    }
    if !open {
        search.open = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Touchpoint;

    #[test]
    fn finds_by_name_prefix_first_then_substring() {
        let mut j = Journey::new("t");
        for (id, name) in [
            ("a", "Final meter read"),
            ("b", "Opening meter read"),
            ("c", "Final bill"),
        ] {
            j.add_touchpoint(Touchpoint::new(id, name)).unwrap();
        }
        let names: Vec<String> = find(&j, "METER", 10).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["Final meter read", "Opening meter read"]);
        let names: Vec<String> = find(&j, "final", 10).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["Final bill", "Final meter read"]);
        assert!(find(&j, "  ", 10).is_empty());
        assert_eq!(find(&j, "e", 1).len(), 1);
    }
}
