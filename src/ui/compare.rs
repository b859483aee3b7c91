//! As-is vs to-be: the open journey compared with another one (opened from a file,
//! or the as-is left behind by "Save as to-be"). The view shows the headline
//! figures side by side with ratios, the removed handoffs struck through, the added
//! ones, and exports the comparison as Markdown.

use super::app::AppState;
use super::dialogs::Dialog;
use super::frame::{FrameView, Outbox};
use crate::analysis::{AnalysisConfig, FigureComparison, JourneyDiff, diff};
use crate::edit::Edit;
use crate::history::{Document, Version};
use crate::i18n::tr;
use crate::model::{Journey, TouchpointId, slugify};
use crate::report::diff_markdown;
use egui::{Color32, RichText};
use std::path::{Path, PathBuf};

/// The journey the open document is compared with.
#[derive(Clone, Debug)]
pub struct Other {
    pub journey: Journey,
    pub path: Option<PathBuf>,
    /// Is the open document the as-is side (and `journey` the to-be)?
    pub current_is_as_is: bool,
}

#[derive(Clone, Debug, Default)]
pub struct CompareState {
    /// The comparison view replaces the canvas.
    pub open: bool,
    pub other: Option<Other>,
    /// The diff, for the document revision it was computed at.
    diff: Option<(Version, Box<JourneyDiff>)>,
}

impl CompareState {
    pub fn is_open(&self) -> bool {
        self.open && self.other.is_some()
    }

    /// The current diff (as-is -> to-be), when a comparison is set up.
    pub fn diff(&self) -> Option<&JourneyDiff> {
        self.other.as_ref()?;
        self.diff.as_ref().map(|(_, d)| d.as_ref())
    }

    /// Recompute the diff when the document changed.
    pub fn refresh(&mut self, doc: &Document) {
        let Some(other) = &self.other else {
            self.diff = None;
            return;
        };
        if self.diff.as_ref().is_some_and(|(r, _)| *r == doc.version()) {
            return;
        }
        let config = AnalysisConfig::default();
        let d = if other.current_is_as_is {
            diff(doc.journey(), &other.journey, &config)
        } else {
            diff(&other.journey, doc.journey(), &config)
        };
        self.diff = Some((doc.version(), Box::new(d)));
    }

    /// Compare with `journey`; which side is which follows their variants.
    pub fn set_other(&mut self, current: &Journey, journey: Journey, path: Option<PathBuf>) {
        let other_variant = journey.meta().variant.trim().to_ascii_lowercase();
        let current_variant = current.meta().variant.trim().to_ascii_lowercase();
        let current_is_as_is = !(other_variant == "as-is" || current_variant == "to-be");
        self.other = Some(Other {
            journey,
            path,
            current_is_as_is,
        });
        self.diff = None;
        self.open = true;
    }
}

/// The headline "N× as efficient": the smaller of the handling-time and elapsed-time
/// ratios (both must improve for the claim).
pub fn efficiency(d: &JourneyDiff) -> Option<f64> {
    let a = d.figure("handling_hours")?.ratio?;
    let b = d.figure("elapsed_hours")?.ratio?;
    Some(a.min(b))
}

/// Open the comparison with the journey in `path` (errors show in a dialog).
pub fn open_path(state: &mut AppState, path: &Path) {
    match crate::io::load_file(path) {
        Ok(j) => {
            open_journey(state, j, Some(path.to_path_buf()));
            state.status = crate::tr!("cmp-comparing", path = path.display().to_string());
        }
        Err(e) => {
            state.dialog = Some(Dialog::LoadError {
                file: path.display().to_string(),
                lines: e.lines(),
            });
        }
    }
}

/// Open the comparison with `journey`.
pub fn open_journey(state: &mut AppState, journey: Journey, path: Option<PathBuf>) {
    let current = state.doc.journey();
    state.warroom.compare.set_other(current, journey, path);
    let doc = &state.doc;
    state.warroom.compare.refresh(doc);
}

/// Workshop > Compare as-is / to-be: close the view, reopen the last comparison, or
/// ask for the other journey.
pub fn ask_and_open(state: &mut AppState) {
    let c = &mut state.warroom.compare;
    if c.open {
        c.open = false;
        return;
    }
    if c.other.is_some() {
        c.open = true;
        return;
    }
    if let Some(p) = state.file_dialogs.open_file() {
        open_path(state, &p);
    }
}

/// Save as to-be: the open journey becomes the to-be variant in a new file, and the
/// as-is (as it was) stays available for the comparison.
pub fn save_as_to_be(state: &mut AppState) {
    let as_is = state.journey().clone();
    let mut meta = as_is.meta().clone();
    meta.variant = "to-be".into();
    meta.title = to_be_title(&meta.title);
    let suggested = format!("{}.journey.ron", slugify(&meta.title, "journey-to-be"));
    let Some(path) = state.file_dialogs.save_file(&suggested) else {
        return;
    };
    save_as_to_be_at(state, &path, as_is, meta);
}

fn to_be_title(title: &str) -> String {
    if let Some(base) = title.strip_suffix("(as-is)") {
        format!("{}(to-be)", base)
    } else {
        format!("{title} (to-be)")
    }
}

fn save_as_to_be_at(
    state: &mut AppState,
    path: &Path,
    as_is: Journey,
    meta: crate::model::JourneyMeta,
) {
    let as_is_path = state.path.clone();
    state.edit(&tr("undo-make-to-be"), Edit::SetMeta(Box::new(meta)), None);
    if state.save_to_path(path).is_ok() {
        let mut as_is = as_is;
        if as_is.meta().variant.trim().is_empty() {
            let mut m = as_is.meta().clone();
            m.variant = "as-is".into();
            let _ = as_is.set_meta(m);
        }
        open_journey(state, as_is, as_is_path);
        state.warroom.compare.open = false;
        state.status = crate::tr!("cmp-saved-to-be", path = path.display().to_string());
    }
}

/// Save as to-be to a known path (tests, scripts).
pub fn save_as_to_be_to(state: &mut AppState, path: &Path) {
    let as_is = state.journey().clone();
    let mut meta = as_is.meta().clone();
    meta.variant = "to-be".into();
    meta.title = to_be_title(&meta.title);
    save_as_to_be_at(state, path, as_is, meta);
}

/// Export the comparison as Markdown (asks where).
pub fn export(state: &mut AppState) {
    let Some(d) = state.warroom.compare.diff() else {
        return;
    };
    let text = diff_markdown(d);
    let suggested = format!("{}-comparison.md", slugify(&d.as_is_title, "journey"));
    let Some(path) = state.file_dialogs.save_file(&suggested) else {
        return;
    };
    match crate::io::save_bytes_atomic(&crate::io::RealFs, &path, text.as_bytes()) {
        Ok(()) => state.status = crate::tr!("cmp-exported", path = path.display().to_string()),
        Err(e) => {
            state.dialog = Some(Dialog::Error {
                title: tr("cmp-export-failed"),
                message: crate::tr!(
                    "cmp-could-not-write",
                    path = path.display().to_string(),
                    error = e.to_string()
                ),
            })
        }
    }
}

fn value_text(f: &FigureComparison, v: Option<f64>) -> String {
    match v {
        None => "-".into(),
        Some(x) if f.figure.ends_with("_hours") => crate::analysis::fmt_hours(x),
        Some(x) if f.figure == "mean_satisfaction" => format!("{x:.1}"),
        Some(x) => crate::model::fmt_num(x),
    }
}

fn ratio_text(r: Option<f64>) -> String {
    r.map_or_else(|| "-".into(), |r| format!("{r:.1}×"))
}

/// The last column: "how many times less" for counts and times; for the mean
/// satisfaction (higher is better) a ratio reads backwards, so the change in points.
fn change_text(f: &FigureComparison) -> String {
    match (f.figure.as_str(), f.as_is, f.to_be) {
        ("mean_satisfaction", Some(a), Some(b)) => {
            crate::tr!("cmp-points", points = format!("{:+.1}", b - a))
        }
        _ => ratio_text(f.ratio),
    }
}

/// The comparison view (in place of the canvas).
pub fn view(ui: &mut egui::Ui, v: FrameView<'_>, c: &mut CompareState, out: &mut Outbox<'_>) {
    let Some(d) = c.diff().cloned() else {
        ui.label(tr("cmp-nothing"));
        return;
    };
    let Some(other) = c.other.clone() else {
        return;
    };
    let (as_is, to_be) = if other.current_is_as_is {
        (v.journey().clone(), other.journey.clone())
    } else {
        (other.journey.clone(), v.journey().clone())
    };
    let good = Color32::from_rgb(40, 150, 60);
    let bad = Color32::from_rgb(200, 50, 50);
    egui::Frame::NONE
        .inner_margin(egui::Margin::same(16))
        .fill(ui.visuals().panel_fill)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(RichText::new(tr("cmp-heading")).size(26.0).strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(tr("button-close")).clicked() {
                        c.open = false;
                    }
                    if ui.button(tr("cmd-export-comparison")).clicked() {
                        out.command(super::action::Command::ExportComparison);
                    }
                });
            });
            if let Some(e) = efficiency(&d) {
                let color = if e >= 1.0 { good } else { bad };
                ui.label(
                    RichText::new(crate::tr!("cmp-efficient", ratio = format!("{e:.1}")))
                        .size(34.0)
                        .strong()
                        .color(color),
                )
                .on_hover_text(tr("cmp-efficient-tip"));
            }
            ui.add_space(8.0);
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    figures_table(ui, &d, &as_is, &to_be);
                    ui.add_space(14.0);
                    ui.columns(2, |cols| {
                        if let [left, right] = cols {
                            // Left-aligned: a column's justified layout would
                            // stretch the spaces of every wrapped line.
                            let top_down = egui::Layout::top_down(egui::Align::Min);
                            left.with_layout(top_down, |ui| {
                                side(ui, &tr("cmp-as-is"), &as_is, &d, true, bad);
                            });
                            right.with_layout(top_down, |ui| {
                                side(ui, &tr("cmp-to-be"), &to_be, &d, false, good);
                            });
                        }
                    });
                });
        });
}

fn figures_table(ui: &mut egui::Ui, d: &JourneyDiff, as_is: &Journey, to_be: &Journey) {
    let big = 18.0;
    // Four columns in the width there is (a larger UI or a narrow window leaves less):
    // long titles and figure names wrap in their column instead of being cut off.
    let gap = 28.0;
    let col = ((ui.available_width() - 3.0 * gap) / 4.0).floor().max(60.0);
    egui::Grid::new("compare-figures")
        .striped(true)
        .min_col_width(col.min(120.0))
        .max_col_width(col)
        .spacing([gap, 8.0])
        .show(ui, |ui| {
            ui.label(RichText::new(tr("cmp-figure")).size(big).strong());
            ui.label(RichText::new(title_of(as_is)).size(big).strong());
            ui.label(RichText::new(title_of(to_be)).size(big).strong());
            ui.label(RichText::new(tr("cmp-ratio")).size(big).strong());
            ui.end_row();
            ui.label(RichText::new(tr("focus-journey-owner")).size(big));
            ui.label(RichText::new(owner_of(as_is)).size(big));
            ui.label(RichText::new(owner_of(to_be)).size(big));
            ui.label("");
            ui.end_row();
            for f in &d.figures {
                ui.label(
                    RichText::new(crate::report::analyze::figure_label(&f.figure, &f.label))
                        .size(big),
                );
                ui.label(RichText::new(value_text(f, f.as_is)).size(big));
                ui.label(RichText::new(value_text(f, f.to_be)).size(big));
                ui.label(RichText::new(change_text(f)).size(big).strong());
                ui.end_row();
            }
        });
}

fn title_of(j: &Journey) -> String {
    let v = &j.meta().variant;
    if v.is_empty() || j.title().contains(v.as_str()) {
        j.title().to_owned()
    } else {
        format!("{} ({v})", j.title())
    }
}

fn owner_of(j: &Journey) -> String {
    let o = j.meta().owner.trim();
    if o.is_empty() { "-".into() } else { o.into() }
}

fn name(j: &Journey, id: &TouchpointId) -> String {
    j.touchpoint(id)
        .map_or_else(|| id.to_string(), |t| t.name.clone())
}

fn side(ui: &mut egui::Ui, heading: &str, j: &Journey, d: &JourneyDiff, as_is: bool, c: Color32) {
    ui.label(
        RichText::new(format!("{heading}: {}", j.title()))
            .size(18.0)
            .strong(),
    );
    let (tps, hs) = if as_is {
        (&d.touchpoints_removed, &d.handoffs_removed)
    } else {
        (&d.touchpoints_added, &d.handoffs_added)
    };
    let tp_text = if as_is {
        crate::tr!("cmp-tps-removed", count = tps.len())
    } else {
        crate::tr!("cmp-tps-added", count = tps.len())
    };
    ui.label(RichText::new(tp_text).strong());
    for id in tps {
        let t = RichText::new(name(j, id)).color(c);
        ui.label(if as_is {
            t.strikethrough()
        } else {
            RichText::new(format!("＋ {}", name(j, id))).color(c)
        });
    }
    ui.add_space(6.0);
    let h_text = if as_is {
        crate::tr!("cmp-handoffs-removed", count = hs.len())
    } else {
        crate::tr!("cmp-handoffs-added", count = hs.len())
    };
    ui.label(RichText::new(h_text).strong());
    for h in hs {
        let cross = j.crosses_departments(&h.from, &h.to);
        let text = handoff_line(&name(j, &h.from), &name(j, &h.to), cross);
        ui.label(if as_is {
            RichText::new(text).strikethrough().color(c)
        } else {
            RichText::new(format!("＋ {text}")).color(c)
        });
    }
}

/// One added or removed handoff: "A -> B", with " (cross-department)" when it
/// crosses a department boundary (one message, so the space is the language's).
fn handoff_line(from: &str, to: &str, cross: bool) -> String {
    let id = if cross {
        "cmp-handoff-cross"
    } else {
        "cmp-handoff"
    };
    crate::tr!(id, from = from, to = to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(figure: &str, as_is: f64, to_be: f64) -> FigureComparison {
        FigureComparison {
            figure: figure.into(),
            label: figure.into(),
            as_is: Some(as_is),
            to_be: Some(to_be),
            ratio: Some(as_is / to_be),
        }
    }

    #[test]
    fn satisfaction_shows_points_gained_and_times_show_a_ratio() {
        assert_eq!(
            change_text(&fig("mean_satisfaction", 4.0, 7.8)),
            "+3.8 points"
        );
        assert_eq!(change_text(&fig("handling_hours", 4.7, 0.75)), "6.3×");
    }

    #[test]
    fn a_cross_department_handoff_keeps_its_space() {
        assert_eq!(handoff_line("A", "B", false), "A -> B");
        assert_eq!(
            handoff_line("Order", "Billing", true),
            "Order -> Billing (cross-department)"
        );
        let zh = crate::i18n::Lang::parse("zh-CN").expect("zh-CN");
        crate::i18n::with_lang(&zh, || {
            assert_eq!(handoff_line("下单", "账务", true), "下单 -> 账务（跨部门）");
        });
    }
}
