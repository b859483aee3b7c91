//! Applying what the import, export and evidence windows asked for ([`EvidenceAction`]),
//! at the end of the frame.

use super::AppState;
use crate::ui::action::EvidenceAction;

impl AppState {
    pub(super) fn apply_evidence(&mut self, ctx: &egui::Context, action: EvidenceAction) {
        use crate::ui::export_dialog;
        match action {
            EvidenceAction::ImportRepreview => self.import.repreview(Some(ctx.clone())),
            EvidenceAction::StartEventLog(path) => {
                crate::ui::eventlog_dialog::start(ctx, self, &path);
            }
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
