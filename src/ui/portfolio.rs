//! The portfolio window: a folder of journeys, each with its accountable owner and
//! headline figures, for the weekly review of the key journeys. Scanning is
//! [`crate::portfolio::scan`]; a row opens its journey.

use super::action::Action;
use super::app::AppState;
use super::frame::Outbox;
use super::warroom::WarRoomAction;
use crate::analysis::{fmt_hours, fmt_score};
use crate::i18n::tr;
use crate::portfolio::{EntryResult, PortfolioEntry, scan};
use egui::RichText;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Default)]
pub struct PortfolioState {
    pub open: bool,
    pub dir: Option<PathBuf>,
    pub entries: Vec<PortfolioEntry>,
    pub error: Option<String>,
}

/// Workshop > Journey portfolio: show the window, asking for a folder the first time.
pub fn open(state: &mut AppState) {
    let p = &mut state.warroom.portfolio;
    if p.open {
        p.open = false;
        return;
    }
    p.open = true;
    if p.dir.is_none()
        && let Some(dir) = state.file_dialogs.pick_folder()
    {
        load(state, &dir);
    }
}

/// Scan `dir` into the portfolio window.
pub fn load(state: &mut AppState, dir: &Path) {
    state.warroom.portfolio.load(dir);
}

impl PortfolioState {
    /// Scan `dir` into the window (and show it).
    pub fn load(&mut self, dir: &Path) {
        let p = self;
        p.open = true;
        p.dir = Some(dir.to_path_buf());
        match scan(dir) {
            Ok(entries) => {
                p.entries = entries;
                p.error = None;
            }
            Err(e) => {
                p.entries.clear();
                p.error = Some(crate::tr!(
                    "pfui-cannot-read",
                    path = dir.display().to_string(),
                    error = crate::io::explain_read(&e)
                ));
            }
        }
    }
}

/// The portfolio window (own state `p`); a row opens its journey.
pub fn window(ctx: &egui::Context, p: &mut PortfolioState, out: &mut Outbox<'_>) {
    if !p.open {
        return;
    }
    /// The widest a portfolio column grows before its text wraps.
    const COLUMN_WIDTH: f32 = 280.0;
    // As wide as the screen allows, up to what the table needs.
    let width = (ctx.content_rect().width() - 40.0).clamp(400.0, 1100.0);
    let mut open = true;
    let mut rescan = false;
    let mut pick = false;
    let mut to_open: Option<PathBuf> = None;
    egui::Window::new(tr("pfui-title"))
        .id(egui::Id::unique("journey-portfolio"))
        .open(&mut open)
        .default_width(width)
        .default_pos(ctx.content_rect().center() - egui::vec2(width / 2.0, 220.0))
        .show(ctx, |ui| {
            let p = &*p;
            ui.horizontal(|ui| {
                if ui.button(tr("pfui-open-folder")).clicked() {
                    pick = true;
                }
                if p.dir.is_some() && ui.button(tr("pfui-rescan")).clicked() {
                    rescan = true;
                }
                if let Some(d) = &p.dir {
                    ui.label(RichText::new(d.display().to_string()).weak());
                }
            });
            if let Some(e) = &p.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            if p.dir.is_some() && p.entries.is_empty() && p.error.is_none() {
                ui.label(tr("pfui-empty"));
            }
            ui.separator();
            egui::ScrollArea::both().max_height(520.0).show(ui, |ui| {
                // Long cells (a long title, the outcomes under it) wrap in their
                // column instead of running out of the window.
                egui::Grid::new("portfolio-grid")
                    .striped(true)
                    .spacing([12.0, 6.0])
                    .max_col_width(COLUMN_WIDTH)
                    .show(ui, |ui| {
                        for h in [
                            "pfui-col-journey",
                            "pfui-col-owner",
                            "pfui-col-variant",
                            "pfui-col-touchpoints",
                            "pfui-col-cross",
                            "pfui-col-elapsed",
                            "pfui-col-satisfaction",
                            "pfui-col-serious",
                            "pfui-col-open-actions",
                        ] {
                            ui.label(RichText::new(tr(h)).strong());
                        }
                        ui.end_row();
                        for e in &p.entries {
                            match &e.result {
                                EntryResult::Journey(s) => {
                                    if ui
                                        .link(&s.title)
                                        .on_hover_text(crate::tr!("pfui-open-file", file = &e.file))
                                        .clicked()
                                    {
                                        to_open = Some(e.path.clone());
                                    }
                                    ui.label(if s.owner.is_empty() {
                                        RichText::new(tr("gap-no-owner-name")).weak().italics()
                                    } else {
                                        RichText::new(&s.owner)
                                    });
                                    ui.label(&s.variant);
                                    ui.label(s.touchpoints.to_string());
                                    ui.label(s.cross_department_handoffs.to_string());
                                    ui.label(fmt_hours(s.elapsed_hours));
                                    ui.label(s.mean_satisfaction.map_or("-".into(), fmt_score));
                                    ui.label(s.serious_gaps.to_string());
                                    ui.label(s.open_actions.to_string());
                                    let outcomes = s.outcomes_line();
                                    if !outcomes.is_empty() {
                                        // On a row of their own under the journey: the
                                        // widest cell would not fit as a column.
                                        ui.end_row();
                                        ui.add(
                                            egui::Label::new(
                                                RichText::new(crate::tr!(
                                                    "pfui-outcomes",
                                                    outcomes = outcomes
                                                ))
                                                .weak(),
                                            )
                                            .wrap(),
                                        );
                                    }
                                }
                                EntryResult::Error { error } => {
                                    ui.label(&e.file);
                                    ui.colored_label(
                                        ui.visuals().error_fg_color,
                                        crate::tr!("pfui-unreadable", error = error.to_string()),
                                    );
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        });
    if pick {
        out.push(Action::WarRoom(WarRoomAction::PickPortfolioFolder));
    }
    if rescan && let Some(dir) = p.dir.clone() {
        p.load(&dir);
    }
    if let Some(path) = to_open {
        out.push(Action::OpenPath(path));
    }
    if !open {
        p.open = false;
    }
}
