//! Figures that came from data in the inspector (issue 17): a small "measured" mark
//! with where the figure came from (the log or survey file, the period it covers, the
//! cases behind it), and a figure typed over by hand becomes a typed one again.

use crate::i18n::tr;
use crate::model::{Handoff, Source, Touchpoint};

/// The mark's colour: the teal the map uses for what the log shows.
fn teal(ui: &egui::Ui) -> egui::Color32 {
    if ui.visuals().dark_mode {
        egui::Color32::from_rgb(0x4d, 0xd0, 0xbd)
    } else {
        egui::Color32::from_rgb(0x00, 0x89, 0x7b)
    }
}

/// One line: the "measured" mark, the figure's name and its source.
fn line(ui: &mut egui::Ui, figure: &str, source: &Source) {
    if !source.kind.is_measured() {
        return;
    }
    let describe = source.describe();
    ui.horizontal_wrapped(|ui| {
        let mark = egui::RichText::new(tr("evlog-measured-mark"))
            .small()
            .color(egui::Color32::WHITE)
            .background_color(teal(ui));
        ui.label(mark).on_hover_text(describe.as_str());
        ui.label(
            egui::RichText::new(crate::tr!(
                "evlog-source-line",
                figure = tr(figure),
                source = describe.as_str()
            ))
            .small(),
        );
    });
}

/// Where the touchpoint's measured figures came from (nothing for typed ones).
pub fn touchpoint_sources(ui: &mut egui::Ui, t: &Touchpoint) {
    if t.volume.is_some() {
        line(ui, "evlog-figure-volume", &t.volume_source);
    }
    if t.handling_minutes.is_some() {
        line(ui, "evlog-figure-handling", &t.handling_source);
    }
    if t.satisfaction.is_some() {
        line(ui, "evlog-figure-satisfaction", &t.satisfaction_source);
    }
}

/// Where the handoff's measured figures came from.
pub fn handoff_sources(ui: &mut egui::Ui, h: &Handoff) {
    if h.wait_hours.is_some() {
        line(ui, "evlog-figure-wait", &h.wait_source);
    }
    if h.volume.is_some() {
        line(ui, "evlog-figure-transitions", &h.volume_source);
    }
}

/// A figure typed over in the inspector is no longer the measured one: its source
/// becomes "typed".
pub fn typed_over_touchpoint(orig: &Touchpoint, t: &mut Touchpoint) {
    if t.volume != orig.volume {
        t.volume_source = Source::default();
    }
    if t.handling_minutes != orig.handling_minutes {
        t.handling_source = Source::default();
    }
    if t.satisfaction != orig.satisfaction {
        t.satisfaction_source = Source::default();
    }
}

/// [`typed_over_touchpoint`] for a handoff's queue time and volume.
pub fn typed_over_handoff(orig: &Handoff, h: &mut Handoff) {
    if h.wait_hours != orig.wait_hours {
        *h.wait_source = Source::default();
        h.wait_hours_p90 = None;
    }
    if h.volume != orig.volume {
        *h.volume_source = Source::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    #[test]
    fn a_figure_typed_over_becomes_typed_the_others_stay_measured() {
        let src = Source::log(
            Some("move.csv".into()),
            Some(Period {
                from: "2026-01-01".into(),
                to: "2026-03-31".into(),
            }),
            Some(500),
        );
        let mut orig = Touchpoint::new("a", "A");
        orig.volume = Some(500);
        orig.volume_source = src.clone();
        orig.handling_minutes = Some(12.0);
        orig.handling_source = src.clone();
        let mut t = orig.clone();
        t.volume = Some(450);
        typed_over_touchpoint(&orig, &mut t);
        assert!(t.volume_source.is_typed());
        assert_eq!(t.handling_source, src);
        let mut h = Handoff::new("a", "b");
        h.wait_hours = Some(3.0);
        h.wait_hours_p90 = Some(9.0);
        *h.wait_source = src.clone();
        let mut typed = h.clone();
        typed.wait_hours = Some(2.0);
        typed_over_handoff(&h, &mut typed);
        assert!(typed.wait_source.is_typed());
        assert_eq!(typed.wait_hours_p90, None);
    }
}
