//! The session timer: an optional, visible clock for the workshop agenda. Hidden, it
//! costs nothing (no repaint); visible and running, it asks for one repaint a second.
//! Time comes from egui's input clock, so tests drive it deterministically.

use crate::i18n::tr;
use egui::RichText;

/// Agenda lengths offered, in minutes.
pub const AGENDA_MINUTES: [u32; 6] = [10, 15, 20, 30, 45, 60];

#[derive(Clone, Debug, PartialEq)]
pub struct TimerState {
    pub visible: bool,
    /// When the current run started (egui input time, seconds); `None` = paused.
    started_at: Option<f64>,
    /// Seconds accumulated by earlier runs.
    banked: f64,
    /// The time box of the agenda item, in minutes.
    pub agenda_minutes: u32,
}

impl Default for TimerState {
    fn default() -> Self {
        TimerState {
            visible: false,
            started_at: None,
            banked: 0.0,
            agenda_minutes: 30,
        }
    }
}

impl TimerState {
    /// Seconds elapsed at input time `now`.
    pub fn elapsed(&self, now: f64) -> f64 {
        self.banked + self.started_at.map_or(0.0, |s| (now - s).max(0.0))
    }

    pub fn running(&self) -> bool {
        self.started_at.is_some()
    }

    pub fn start(&mut self, now: f64) {
        if self.started_at.is_none() {
            self.started_at = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        if let Some(s) = self.started_at.take() {
            self.banked += (now - s).max(0.0);
        }
    }

    pub fn reset(&mut self) {
        self.started_at = None;
        self.banked = 0.0;
    }

    /// Show or hide; showing starts it when it has never run.
    pub fn toggle(&mut self, ctx: &egui::Context) {
        self.visible = !self.visible;
        if self.visible && !self.running() && self.banked == 0.0 {
            self.start(ctx.input(|i| i.time));
        }
    }
}

/// `mm:ss` (or `h:mm:ss` from one hour).
pub fn fmt_clock(seconds: f64) -> String {
    let s = if seconds.is_finite() {
        seconds.max(0.0).floor() as u64
    } else {
        0
    };
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// The timer window (top centre), when visible.
pub fn show(ctx: &egui::Context, t: &mut TimerState, presenting: bool) {
    if !t.visible {
        return;
    }
    let now = ctx.input(|i| i.time);
    let elapsed = t.elapsed(now);
    let budget = f64::from(t.agenda_minutes) * 60.0;
    let over = elapsed > budget;
    let big = if presenting { 30.0 } else { 22.0 };
    egui::Window::new("Session timer")
        .id(egui::Id::unique("session-timer"))
        .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -48.0))
        .title_bar(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let color = if over {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().strong_text_color()
                };
                ui.label(
                    RichText::new(fmt_clock(elapsed))
                        .size(big)
                        .monospace()
                        .color(color),
                )
                .on_hover_text(tr("timer-spent-tip"));
                let left = if over {
                    crate::tr!("timer-over", time = fmt_clock(elapsed - budget))
                } else {
                    crate::tr!("timer-left", time = fmt_clock(budget - elapsed))
                };
                ui.label(RichText::new(left).size(big * 0.6));
                if t.running() {
                    if ui.button(tr("timer-pause")).clicked() {
                        t.pause(now);
                    }
                } else if ui.button(tr("timer-start")).clicked() {
                    t.start(now);
                }
                if ui.button(tr("timer-reset")).clicked() {
                    t.reset();
                }
                egui::ComboBox::from_id_salt("agenda-minutes")
                    .selected_text(crate::tr!("timer-minutes", count = t.agenda_minutes))
                    .width(70.0)
                    .show_ui(ui, |ui| {
                        for m in AGENDA_MINUTES {
                            ui.selectable_value(
                                &mut t.agenda_minutes,
                                m,
                                crate::tr!("timer-minutes", count = m),
                            );
                        }
                    });
                if ui
                    .small_button("×")
                    .on_hover_text(tr("timer-hide"))
                    .clicked()
                {
                    t.visible = false;
                }
            });
        });
    if t.visible && t.running() {
        // Wake up when the displayed second changes; no repaint loop otherwise.
        let into_second = elapsed.fract();
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            (1.0 - into_second).clamp(0.05, 1.0),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_pauses_and_resets() {
        let mut t = TimerState::default();
        assert_eq!(t.elapsed(100.0), 0.0);
        t.start(10.0);
        assert_eq!(t.elapsed(70.0), 60.0);
        t.pause(70.0);
        assert_eq!(t.elapsed(500.0), 60.0);
        t.start(500.0);
        assert_eq!(t.elapsed(530.0), 90.0);
        t.reset();
        assert_eq!(t.elapsed(600.0), 0.0);
        assert!(!t.running());
    }

    #[test]
    fn clock_format() {
        assert_eq!(fmt_clock(0.0), "00:00");
        assert_eq!(fmt_clock(61.9), "01:01");
        assert_eq!(fmt_clock(3725.0), "1:02:05");
        assert_eq!(fmt_clock(f64::NAN), "00:00");
        assert_eq!(fmt_clock(-5.0), "00:00");
    }
}
