//! The import, export and evidence windows in the frame (`evidence_windows`), and
//! applying what they asked for ([`EvidenceAction`]),
//! at the end of the frame.

use super::AppState;
use crate::ui::action::EvidenceAction;

impl AppState {
    /// Files dropped on the window, then the import, export, event-log, measure and
    /// survey-answer windows: each one's poll (finished work, progress), then the
    /// window drawn as a panel.
    pub(super) fn evidence_windows(&mut self, ctx: &egui::Context) {
        crate::ui::import_dialog::dropped_files(ctx, self);
        crate::ui::export_dialog::poll(ctx, self);
        self.panel(
            |s| &mut s.export,
            |v, d, out| crate::ui::export_dialog::show(ctx, v, d, out),
        );
        crate::ui::import_dialog::poll(ctx, self);
        self.panel(
            |s| &mut s.import,
            |v, d, out| crate::ui::import_dialog::show(ctx, v, d, out),
        );
        crate::ui::eventlog_dialog::poll(ctx, self);
        self.panel(
            |s| &mut s.evlog,
            |v, d, out| crate::ui::eventlog_dialog::show(ctx, v, d, out),
        );
        crate::ui::measure_view::poll(ctx, self);
        crate::ui::feedback_dialog::poll(ctx, self);
        self.panel(
            |s| &mut s.feedback,
            |v, d, out| crate::ui::feedback_dialog::show(ctx, v, d, out),
        );
    }

    pub(super) fn apply_evidence(&mut self, ctx: &egui::Context, action: EvidenceAction) {
        use crate::ui::eventlog_dialog::EventLogDialog;
        use crate::ui::{drivers_view, export_dialog, measure_view};
        match action {
            EvidenceAction::ImportRepreview => self.import.repreview(Some(ctx.clone())),
            EvidenceAction::StartEventLog(path) => {
                crate::ui::eventlog_dialog::start(ctx, self, &path);
            }
            EvidenceAction::EventLogMine => self.evlog.mine(Some(ctx.clone())),
            EvidenceAction::EventLogRebuild => self.evlog.rebuild(Some(ctx.clone())),
            EvidenceAction::EventLogAccepted => EventLogDialog::hand_over(self),
            EvidenceAction::FeedbackReread => crate::ui::feedback_dialog::reread(ctx, self),
            EvidenceAction::DriversFit => drivers_view::start_fit(self, Some(ctx.clone())),
            EvidenceAction::DriversChooseFile { fit } => drivers_view::choose_file(ctx, self, fit),
            EvidenceAction::DriversExportChart => drivers_view::export_chart(self),
            EvidenceAction::ScenarioCompareAll => crate::ui::scenario_panel::compare_all(ctx, self),
            EvidenceAction::MeasureClose => measure_view::close(self),
            EvidenceAction::MeasureAgain(map) => measure_view::measure_again(ctx, self, map),
            EvidenceAction::MeasureChooseMap => measure_view::choose_map(ctx, self),
            EvidenceAction::ExportPreview => {
                let version = self.doc.version();
                self.export.start_preview(ctx, self.doc.journey(), version);
            }
            EvidenceAction::ExportChooseCompare => {
                let chosen = self.file_dialogs.open_file();
                self.export.compare = chosen.or(self.export.compare.take());
            }
            EvidenceAction::ExportAskAndStart => export_dialog::ask_and_start(ctx, self),
        }
    }
}
