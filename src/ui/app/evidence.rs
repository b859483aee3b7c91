//! Applying what the import, export and evidence windows asked for ([`EvidenceAction`]),
//! at the end of the frame.

use super::AppState;
use crate::ui::action::EvidenceAction;

impl AppState {
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
