//! The Drivers view's tables: each model's ranked drivers (importance with its
//! interval as a bar, coefficient or odds ratio, mean, variance inflation,
//! quadrant), the plain sentences, the file's problems, and the results saved with
//! the journey.

use super::action::Action;
use super::drivers_view::DriversUi;
use super::frame::{FrameView, Outbox};
use super::scene_paint::color;
use crate::evidence::drivers::{
    DriverConfig, DriverRow, Drivers, ModelReport, NoteLevel, Quadrant,
};
use crate::i18n::format as f;
use crate::i18n::tr;
use crate::model::TouchpointId;
use crate::scene::Theme;
use egui::{Color32, RichText};

/// Problems of the file listed in the view; the rest are counted.
const MAX_PROBLEMS: usize = 8;

fn quadrant_text(q: Quadrant) -> String {
    tr(match q {
        Quadrant::Act => "drv-quadrant-act",
        Quadrant::Maintain => "drv-quadrant-maintain",
        Quadrant::Monitor => "drv-quadrant-monitor",
        Quadrant::Secondary => "drv-quadrant-secondary",
    })
}

fn quadrant_color(q: Quadrant, dark: bool) -> Color32 {
    let pal = if dark { Theme::Dark } else { Theme::Light }.palette();
    color(match q {
        Quadrant::Act => pal.bad,
        Quadrant::Maintain => pal.good,
        Quadrant::Monitor => pal.warn,
        Quadrant::Secondary => pal.muted,
    })
}

/// The importance as a bar with its interval.
fn importance_bar(ui: &mut egui::Ui, d: &DriverRow, max: f64, c: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(140.0, 14.0), egui::Sense::hover());
    let p = ui.painter();
    p.rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
    let x = |v: f64| {
        let t = if max > 0.0 && v.is_finite() {
            (v / max).clamp(0.0, 1.0) as f32
        } else {
            0.0
        };
        rect.left() + t * rect.width()
    };
    p.rect_filled(
        egui::Rect::from_min_max(rect.min, egui::pos2(x(d.importance), rect.bottom())),
        2.0,
        c.gamma_multiply(0.75),
    );
    let stroke = egui::Stroke::new(1.5, ui.visuals().text_color());
    let y = rect.center().y;
    p.line_segment(
        [egui::pos2(x(d.ci_low), y), egui::pos2(x(d.ci_high), y)],
        stroke,
    );
    for v in [d.ci_low, d.ci_high] {
        p.line_segment(
            [egui::pos2(x(v), y - 4.0), egui::pos2(x(v), y + 4.0)],
            stroke,
        );
    }
}

pub fn model_section(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    out: &mut Outbox<'_>,
    m: &ModelReport,
    outcome: bool,
    total: usize,
) {
    let heading = if outcome {
        crate::tr!(
            "kd-outcome-summary",
            column = m.column.as_str(),
            r2 = format!("{:.2}", m.r2),
            rate = f::share(m.rate.unwrap_or(0.0)),
            used = f::count(m.respondents as u64),
            total = f::count(total as u64)
        )
    } else {
        crate::tr!(
            "kd-overall-summary",
            column = m.column.as_str(),
            r2 = format!("{:.2}", m.r2),
            mean = f::score(m.mean.unwrap_or(0.0)),
            used = f::count(m.respondents as u64),
            total = f::count(total as u64)
        )
    };
    ui.add_space(6.0);
    ui.label(RichText::new(heading).strong().size(15.0));
    if m.imputed_share > 0.0 {
        ui.label(RichText::new(crate::tr!("kd-imputed", share = f::share(m.imputed_share))).weak());
    }
    let dark = ui.visuals().dark_mode;
    let max = m
        .drivers
        .iter()
        .map(|d| d.ci_high.max(d.importance))
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let mut focus = None;
    egui::Grid::new(if outcome {
        "kd-outcome-grid"
    } else {
        "kd-overall-grid"
    })
    .striped(true)
    .spacing([12.0, 4.0])
    .show(ui, |ui| {
        for h in [
            "drv-col-rank",
            "drv-col-touchpoint",
            "drv-col-importance",
            "drv-col-interval",
            if outcome {
                "drv-col-odds-ratio"
            } else {
                "drv-col-coefficient"
            },
            "drv-col-mean",
            "kd-col-vif",
            "drv-col-quadrant",
        ] {
            ui.label(RichText::new(tr(h)).strong());
        }
        ui.end_row();
        for d in &m.drivers {
            let c = quadrant_color(d.quadrant, dark);
            ui.label(d.rank.to_string());
            let name = v
                .journey()
                .touchpoint(&TouchpointId::new(d.touchpoint.as_str()))
                .map_or_else(|| d.name.clone(), |t| t.name.clone());
            if ui
                .link(name)
                .on_hover_text(tr("kd-select-on-map"))
                .clicked()
            {
                focus = Some(TouchpointId::new(d.touchpoint.as_str()));
            }
            ui.horizontal(|ui| {
                importance_bar(ui, d, max, c);
                ui.label(f::share(d.importance));
            });
            ui.label(format!("{}-{}", f::share(d.ci_low), f::share(d.ci_high)));
            let effect = match d.odds_ratio {
                Some(or) => format!("{or:.2}"),
                None => format!(
                    "{:+.2} [{:+.2}, {:+.2}]",
                    d.coefficient, d.coefficient_low, d.coefficient_high
                ),
            };
            ui.label(effect);
            ui.label(f::score(d.mean));
            let vif = if d.vif >= 1e3 {
                ">999".to_owned()
            } else {
                format!("{:.1}", d.vif)
            };
            if d.vif > DriverConfig::default().vif_warning {
                ui.colored_label(ui.visuals().warn_fg_color, vif)
                    .on_hover_text(tr("kd-vif-high"));
            } else {
                ui.label(vif);
            }
            ui.colored_label(c, quadrant_text(d.quadrant));
            ui.end_row();
        }
    });
    for e in &m.excluded {
        ui.label(
            RichText::new(crate::tr!(
                "drv-left-out",
                touchpoint = e.touchpoint.as_str(),
                reason = e.reason.as_str()
            ))
            .weak(),
        );
    }
    if let Some(id) = focus {
        out.push(Action::Focus(vec![id]));
    }
}

pub fn notes(ui: &mut egui::Ui, drivers: &Drivers) {
    if drivers.report.notes.is_empty() {
        return;
    }
    ui.add_space(6.0);
    for n in &drivers.report.notes {
        let (id, c) = match n.level {
            NoteLevel::Cannot => ("kd-note-cannot", ui.visuals().error_fg_color),
            NoteLevel::Warning => ("kd-note-warning", ui.visuals().warn_fg_color),
            NoteLevel::Info => ("kd-note-info", ui.visuals().text_color()),
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr(id)).strong().color(c));
            ui.label(n.text.as_str());
        });
    }
}

pub fn problems(ui: &mut egui::Ui, d: &DriversUi) {
    let Some(fit) = &d.fit else {
        return;
    };
    if fit.problems.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(crate::tr!("kd-problems", count = fit.problems.len()))
        .id_salt("kd-problems")
        .show(ui, |ui| {
            for p in fit.problems.iter().take(MAX_PROBLEMS) {
                ui.label(RichText::new(p).weak());
            }
            if fit.problems.len() > MAX_PROBLEMS {
                ui.label(crate::tr!(
                    "kd-more-problems",
                    count = fit.problems.len() - MAX_PROBLEMS
                ));
            }
        });
}

/// The results saved with the journey (no intervals: those need the answers).
pub fn saved_table(
    ui: &mut egui::Ui,
    v: FrameView<'_>,
    out: &mut Outbox<'_>,
    kd: &crate::model::KeyDrivers,
) {
    let mut rows: Vec<&crate::model::DriverResult> = kd.touchpoints.iter().collect();
    rows.sort_by(|a, b| {
        b.importance
            .total_cmp(&a.importance)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    let p = rows.len().max(1) as f64;
    let avg_mean = rows.iter().map(|d| d.mean).sum::<f64>() / p;
    let dark = ui.visuals().dark_mode;
    let mut focus = None;
    egui::Grid::new("kd-saved-grid")
        .striped(true)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for h in [
                "drv-col-rank",
                "drv-col-touchpoint",
                "drv-col-importance",
                "drv-col-coefficient",
                "drv-col-mean",
                "drv-col-quadrant",
            ] {
                ui.label(RichText::new(tr(h)).strong());
            }
            ui.end_row();
            for (i, d) in rows.iter().enumerate() {
                let q = Quadrant::of(d.importance, d.mean, 1.0 / p, avg_mean);
                ui.label((i + 1).to_string());
                let name = v
                    .journey()
                    .touchpoint(&d.touchpoint)
                    .map_or_else(|| d.touchpoint.to_string(), |t| t.name.clone());
                if ui.link(name).clicked() {
                    focus = Some(d.touchpoint.clone());
                }
                ui.label(f::share(d.importance));
                ui.label(format!("{:+.2}", d.coefficient));
                ui.label(f::score(d.mean));
                ui.colored_label(quadrant_color(q, dark), quadrant_text(q));
                ui.end_row();
            }
        });
    if let Some(id) = focus {
        out.push(Action::Focus(vec![id]));
    }
}
