//! The voice of the customer in the inspector: where a touchpoint's score came from
//! (a survey file, its period and count, or typed by hand), its NPS beside the mean, the
//! themes of its customers' comments with counts, detractor share and quotes, and its
//! trend as a small chart of the mean per period with the response counts, marked when
//! it is getting worse.
//!
//! Comment text is shown as plain text (never interpreted): control and bidi characters
//! dropped, long quotes cut with an ellipsis and shown whole on hover.

use crate::i18n::format as f;
use crate::i18n::tr;
use crate::model::{Satisfaction, Touchpoint, TrendPoint};
use egui::{RichText, Sense, Stroke, pos2, vec2};

/// Characters of a quote shown before it is cut (the whole quote is on hover).
pub const QUOTE_CHARS: usize = 140;
/// Themes shown per touchpoint.
const THEMES_SHOWN: usize = 6;
/// Quotes shown per theme.
const QUOTES_SHOWN: usize = 3;

/// The touchpoint's voice of the customer, under its satisfaction in the inspector.
pub fn show(ui: &mut egui::Ui, t: &Touchpoint) {
    ui.add_space(6.0);
    ui.label(RichText::new(tr("voice-heading")).strong());
    source_line(ui, t);
    if t.trend.is_empty() && t.themes.is_empty() {
        if t.satisfaction_source.kind.is_measured() {
            return;
        }
        ui.label(RichText::new(tr("voice-none-yet")).small().weak());
        return;
    }
    if !t.trend.is_empty() {
        trend(ui, &t.trend);
    }
    if !t.themes.is_empty() {
        themes(ui, t);
    }
}

/// "Score from: survey, answers.csv, …" (or typed by hand) and "Mean 6.4 · NPS -12".
fn source_line(ui: &mut egui::Ui, t: &Touchpoint) {
    let src = &t.satisfaction_source;
    let from = if src.kind.is_measured() {
        crate::scene::clean_text(&src.describe())
    } else {
        tr("voice-typed-by-hand")
    };
    ui.label(RichText::new(crate::tr!("voice-score-from", source = from)).small());
    let Some(s) = &t.satisfaction else {
        return;
    };
    let Some(mean) = s.mean() else {
        return;
    };
    let text = match nps(s) {
        Some(n) => crate::tr!(
            "voice-mean-nps",
            mean = f::score(mean),
            nps = format!("{n:+.0}")
        ),
        None => crate::tr!("voice-mean", mean = f::score(mean)),
    };
    ui.label(text);
}

/// NPS of a histogram score (promoters 9-10 minus detractors 0-6, in %).
pub fn nps(s: &Satisfaction) -> Option<f64> {
    s.histogram().and_then(super::feedback_dialog::nps_of)
}

/// The mean per period as a small line chart over the response counts (bars), the
/// first and last period named under it, the "getting worse" state above it.
fn trend(ui: &mut egui::Ui, points: &[TrendPoint]) {
    ui.add_space(4.0);
    let worse = crate::analysis::worsening(points);
    if let Some((first, last)) = worse {
        ui.label(
            RichText::new(crate::tr!(
                "voice-getting-worse",
                first = f::score(first.mean),
                first_period = crate::scene::clean_text(&first.period),
                last = f::score(last.mean),
                last_period = crate::scene::clean_text(&last.period)
            ))
            .color(ui.visuals().error_fg_color)
            .strong(),
        );
    } else {
        ui.label(RichText::new(tr("voice-trend")).small().strong());
    }
    let width = ui.available_width().clamp(160.0, 420.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, 84.0), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, tr("voice-trend-chart"))
    });
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 3.0, visuals.extreme_bg_color);
    let n = points.len();
    let plot = rect.shrink2(vec2(8.0, 6.0));
    let bars_h = 18.0;
    let line_area = egui::Rect::from_min_max(plot.min, pos2(plot.max.x, plot.max.y - bars_h - 4.0));
    let x_of = |i: usize| {
        if n <= 1 {
            plot.center().x
        } else {
            plot.min.x + plot.width() * i as f32 / (n - 1) as f32
        }
    };
    let y_of = |mean: f64| {
        let m = if mean.is_finite() {
            mean.clamp(0.0, 10.0)
        } else {
            0.0
        } as f32;
        line_area.max.y - line_area.height() * m / 10.0
    };
    // The 5/10 grid line and the response bars.
    let grid = visuals.weak_text_color().gamma_multiply(0.4);
    painter.line_segment(
        [pos2(plot.min.x, y_of(5.0)), pos2(plot.max.x, y_of(5.0))],
        Stroke::new(1.0, grid),
    );
    let max_responses = points.iter().map(|p| p.responses).max().unwrap_or(1).max(1);
    let bar_w = (plot.width() / n.max(1) as f32 * 0.5).clamp(2.0, 14.0);
    for (i, p) in points.iter().enumerate() {
        let h = (p.responses as f32 / max_responses as f32 * bars_h).max(1.0);
        let x = x_of(i);
        painter.rect_filled(
            egui::Rect::from_min_max(
                pos2(x - bar_w / 2.0, plot.max.y - h),
                pos2(x + bar_w / 2.0, plot.max.y),
            ),
            1.0,
            grid,
        );
    }
    let color = if worse.is_some() {
        visuals.error_fg_color
    } else {
        visuals.strong_text_color()
    };
    let line: Vec<egui::Pos2> = points
        .iter()
        .enumerate()
        .map(|(i, p)| pos2(x_of(i), y_of(p.mean)))
        .collect();
    if line.len() > 1 {
        painter.add(egui::Shape::line(line.clone(), Stroke::new(1.8, color)));
    }
    for p in &line {
        painter.circle_filled(*p, 2.5, color);
    }
    // Hover: the nearest period's figures.
    if let Some(pointer) = response.hover_pos() {
        let nearest = (0..n).min_by(|&a, &b| {
            (x_of(a) - pointer.x)
                .abs()
                .total_cmp(&(x_of(b) - pointer.x).abs())
        });
        if let Some(p) = nearest.and_then(|i| points.get(i)) {
            response.on_hover_text(point_text(p));
        }
    }
    if let (Some(first), Some(last)) = (points.first(), points.last()) {
        ui.horizontal(|ui| {
            ui.label(RichText::new(point_text(first)).small().weak());
            if n > 1 {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(point_text(last)).small().weak());
                });
            }
        });
    }
}

/// "2026-03: 6.1 (140 answers)".
fn point_text(p: &TrendPoint) -> String {
    crate::tr!(
        "voice-trend-point",
        period = crate::scene::clean_text(&p.period),
        mean = f::score(p.mean),
        count = p.responses
    )
}

/// Each theme: its terms, comment count and detractor share, and its quotes.
fn themes(ui: &mut egui::Ui, t: &Touchpoint) {
    ui.add_space(4.0);
    ui.label(RichText::new(tr("voice-themes")).small().strong());
    for th in t.themes.iter().take(THEMES_SHOWN) {
        ui.add_space(2.0);
        let terms: Vec<String> = th
            .terms
            .iter()
            .map(|w| crate::scene::clean_text(w))
            .collect();
        ui.label(RichText::new(terms.join(" / ")).strong());
        let share = if th.count == 0 {
            0.0
        } else {
            th.detractors as f64 / th.count as f64
        };
        ui.label(
            RichText::new(crate::tr!(
                "voice-theme-counts",
                count = th.count,
                detractors = f::share(share)
            ))
            .small()
            .weak(),
        );
        for q in th.quotes.iter().take(QUOTES_SHOWN) {
            quote(ui, q);
        }
    }
}

/// One quote as plain text, cut with an ellipsis (whole on hover).
fn quote(ui: &mut egui::Ui, q: &str) {
    let clean = crate::scene::clean_text(q);
    if clean.is_empty() {
        return;
    }
    let shown = super::feedback_dialog::clip(&clean, QUOTE_CHARS);
    let cut = shown != clean;
    let label = egui::Label::new(
        RichText::new(format!("\u{201c}{shown}\u{201d}"))
            .italics()
            .color(ui.visuals().text_color().gamma_multiply(0.9)),
    )
    .wrap();
    ui.horizontal_wrapped(|ui| {
        ui.add_space(8.0);
        let r = ui.add(label);
        if cut {
            r.on_hover_text(clean);
        }
    });
}
