//! The file an open document belongs to, and what this app last saw on disk:
//! saving marks the document clean only when the bytes are safely on disk, never
//! overwrites someone else's change without asking, and notices such changes
//! when the window regains focus.

use crate::history::Document;
use crate::io::{self, DiskState, Fingerprint, Fs, LoadError, SaveError, SaveOptions};
use std::path::{Path, PathBuf};

/// Where a document lives on disk, and the fingerprint of what was loaded or saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenFile {
    /// `None` for a journey that was never saved (new, imported, recovered).
    pub path: Option<PathBuf>,
    /// What this app last read from or wrote to `path`.
    pub disk: Option<Fingerprint>,
    /// An external change the user already answered ("keep mine"): not asked again.
    dismissed: Option<Dismissed>,
    /// The comments of the file as loaded: the first save asks before dropping them.
    comments: Option<io::Comments>,
    /// The user agreed to drop them (a `.bak` copy keeps them).
    comments_agreed: bool,
}

/// The external state the user has seen and chose to keep their version over.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Dismissed {
    Version(Fingerprint),
    Missing,
}

/// What [`OpenFile::external_change`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalChange {
    /// The file is as we left it (or the document was never saved).
    None,
    /// Someone else changed it: offer to reload.
    Changed,
    /// It was deleted or moved away: say so; saving will ask first.
    Missing,
}

impl OpenFile {
    /// Load `path` into a new document.
    pub fn open(path: &Path) -> Result<(Document, OpenFile), LoadError> {
        let (journey, fp, comments) = io::load_file_noting_comments(path)?;
        Ok((
            Document::new(journey),
            OpenFile {
                path: Some(path.to_path_buf()),
                disk: Some(fp),
                comments,
                ..OpenFile::default()
            },
        ))
    }

    /// The comments of the file as loaded, while no save has dropped them.
    pub fn comments(&self) -> Option<io::Comments> {
        self.comments
    }

    /// The user agreed that the next save drops the file's comments (keeping a `.bak`).
    pub fn agree_to_drop_comments(&mut self) {
        self.comments_agreed = true;
    }

    /// A journey restored from a recovery file: it belongs to `path` as it was
    /// (`disk`) when the journey was loaded or last saved.
    pub fn recovered(path: Option<PathBuf>, disk: Option<Fingerprint>) -> OpenFile {
        OpenFile {
            path,
            disk,
            ..OpenFile::default()
        }
    }

    /// A journey not yet saved anywhere.
    pub fn untitled() -> OpenFile {
        OpenFile::default()
    }

    /// Save to the document's own file. Refuses with [`SaveError::ChangedOnDisk`]
    /// when the file changed since it was loaded or saved, unless `force` (the user
    /// chose "Overwrite"). On success the document is marked saved; on any error
    /// nothing changes: the document stays dirty and the file on disk stays as it was.
    pub fn save(
        &mut self,
        fs: &dyn Fs,
        doc: &mut Document,
        backup: bool,
        force: bool,
    ) -> Result<Fingerprint, SaveError> {
        let Some(path) = self.path.clone() else {
            return Err(SaveError::Verify(
                "this journey has no file yet; use Save As".into(),
            ));
        };
        if let Some(c) = self.comments
            && !self.comments_agreed
        {
            return Err(SaveError::DropsComments {
                path: path.display().to_string(),
                count: c.count,
                line: c.first.line,
            });
        }
        let fp = io::save_checked(
            fs,
            &path,
            doc.journey(),
            SaveOptions {
                expected: self.disk.as_ref(),
                force,
                // The commented file is kept as a `.bak` whatever the setting.
                backup: backup || self.comments.is_some(),
                overwrite_read_only: force,
            },
        )?;
        self.disk = Some(fp);
        self.dismissed = None;
        self.comments = None;
        doc.mark_saved();
        Ok(fp)
    }

    /// Save to a new `path` the user chose (the file dialog asked about replacing
    /// an existing file). The document then belongs to `path`.
    pub fn save_as(
        &mut self,
        fs: &dyn Fs,
        doc: &mut Document,
        path: &Path,
        backup: bool,
    ) -> Result<Fingerprint, SaveError> {
        let fp = io::save_checked(
            fs,
            path,
            doc.journey(),
            SaveOptions {
                expected: None,
                force: true,
                backup,
                overwrite_read_only: false,
            },
        )?;
        self.path = Some(path.to_path_buf());
        self.disk = Some(fp);
        self.dismissed = None;
        // The commented file stays as it was at its old path.
        self.comments = None;
        doc.mark_saved();
        Ok(fp)
    }

    /// How the file on disk compares with what we loaded or saved.
    pub fn disk_state(&self, fs: &dyn Fs) -> DiskState {
        match (&self.path, &self.disk) {
            (Some(path), Some(fp)) => io::check_with(fs, path, fp),
            _ => DiskState::Unchanged,
        }
    }

    /// For when the window regains focus: a change on disk not yet shown to the
    /// user. Each distinct external version is reported once (see [`OpenFile::dismiss`]).
    pub fn external_change(&self, fs: &dyn Fs) -> ExternalChange {
        let Some(path) = &self.path else {
            return ExternalChange::None;
        };
        match self.disk_state(fs) {
            DiskState::Unchanged => ExternalChange::None,
            DiskState::Missing => match self.dismissed {
                Some(Dismissed::Missing) => ExternalChange::None,
                _ => ExternalChange::Missing,
            },
            DiskState::Changed => {
                let now = fs.read(path).ok().map(|b| Fingerprint::of_bytes(&b, None));
                match (now, self.dismissed) {
                    (Some(now), Some(Dismissed::Version(d))) if now.same_content(&d) => {
                        ExternalChange::None
                    }
                    _ => ExternalChange::Changed,
                }
            }
        }
    }

    /// The user chose to keep their version: don't report this external version
    /// again (saving will still ask before overwriting it).
    pub fn dismiss(&mut self, fs: &dyn Fs) {
        let Some(path) = &self.path else {
            return;
        };
        self.dismissed = Some(match fs.read(path) {
            Ok(b) => Dismissed::Version(Fingerprint::of_bytes(&b, None)),
            Err(_) => Dismissed::Missing,
        });
    }

    /// Replace the document with what is on disk now (the user chose "Reload").
    /// Clears the undo history; the document is clean afterwards.
    pub fn reload(&mut self, doc: &mut Document) -> Result<(), LoadError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let (journey, fp, comments) = io::load_file_noting_comments(&path)?;
        doc.replace(journey);
        self.disk = Some(fp);
        self.dismissed = None;
        self.comments = comments;
        self.comments_agreed = false;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::io::RealFs;
    use crate::model::{Journey, JourneyMeta};

    fn rename(doc: &mut Document, title: &str) {
        let meta = JourneyMeta {
            title: title.into(),
            ..doc.journey().meta().clone()
        };
        doc.apply("Rename journey", Edit::SetMeta(Box::new(meta)))
            .unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn external_changes_are_reported_once_and_saving_asks() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = tmp.path().join("move.journey.ron");
        io::save(&path, &Journey::starter("Move address")).unwrap_or_else(|e| panic!("{e}"));
        let (mut doc, mut file) = OpenFile::open(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.external_change(&RealFs), ExternalChange::None);

        // Touching the file without changing it is not a change.
        let same = std::fs::read(&path).unwrap_or_default();
        std::fs::write(&path, &same).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.external_change(&RealFs), ExternalChange::None);

        // A colleague saves their version.
        io::save(&path, &Journey::starter("Their version")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.external_change(&RealFs), ExternalChange::Changed);
        file.dismiss(&RealFs);
        assert_eq!(file.external_change(&RealFs), ExternalChange::None);

        // Saving still refuses to overwrite it silently.
        rename(&mut doc, "My version");
        let err = file
            .save(&RealFs, &mut doc, false, false)
            .err()
            .unwrap_or_else(|| panic!("saved over their change"));
        assert!(matches!(
            err,
            SaveError::ChangedOnDisk {
                state: DiskState::Changed,
                ..
            }
        ));
        assert!(doc.is_dirty());
        assert_eq!(
            io::load_file(&path).map(|j| j.title().to_owned()).ok(),
            Some("Their version".to_owned())
        );
        // "Overwrite".
        file.save(&RealFs, &mut doc, false, true)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!doc.is_dirty());
        assert_eq!(file.external_change(&RealFs), ExternalChange::None);

        // A third version arrives; "Reload" takes it.
        io::save(&path, &Journey::starter("Third")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.external_change(&RealFs), ExternalChange::Changed);
        file.reload(&mut doc).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.journey().title(), "Third");
        assert!(!doc.is_dirty());
        assert!(!doc.can_undo());
        assert_eq!(file.external_change(&RealFs), ExternalChange::None);

        // Deleted: reported once, and saving asks.
        std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(file.external_change(&RealFs), ExternalChange::Missing);
        file.dismiss(&RealFs);
        assert_eq!(file.external_change(&RealFs), ExternalChange::None);
        rename(&mut doc, "Mine again");
        assert!(matches!(
            file.save(&RealFs, &mut doc, false, false),
            Err(SaveError::ChangedOnDisk {
                state: DiskState::Missing,
                ..
            })
        ));
        assert!(!path.exists());
    }

    #[test]
    fn save_as_moves_the_document_and_untitled_needs_it() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut doc = Document::new_unsaved(Journey::starter("Recovered"));
        let mut file = OpenFile::untitled();
        assert!(matches!(
            file.save(&RealFs, &mut doc, false, false),
            Err(SaveError::Verify(_))
        ));
        assert!(doc.is_dirty());
        let path = tmp.path().join("recovered.journey.ron");
        file.save_as(&RealFs, &mut doc, &path, false)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!doc.is_dirty());
        assert_eq!(file.path.as_deref(), Some(path.as_path()));
        assert_eq!(file.disk_state(&RealFs), DiskState::Unchanged);
    }
}
