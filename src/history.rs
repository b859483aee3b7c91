//! Undo and redo. One user gesture (a drag, a paste, a typed name) is one step.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::edit::Edit;
use crate::model::{Journey, ModelError};

/// Which document state this is, unique across every document of the process:
/// the document's identity (never shared by two documents, not even by a clone)
/// and its revision within that document. Everything derived from a document
/// (layout, analysis, display list, diff, inspector draft) is keyed by this, so
/// opening another journey can never show results computed for the previous one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    /// Unique per [`Document`] value created in this process.
    pub document: u64,
    /// Bumped on every change of that document.
    pub revision: u64,
}

impl Version {
    /// Is `self` the state right after `earlier` (one change later, same document)?
    pub fn follows(self, earlier: Version) -> bool {
        self.document == earlier.document && self.revision == earlier.revision + 1
    }
}

fn next_identity() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[derive(Clone, Debug)]
struct Step {
    label: String,
    /// Applying this undoes the step.
    undo: Edit,
    /// Applying this redoes the step.
    redo: Edit,
    /// Consecutive edits with the same merge key join one step (typing a name).
    merge_key: Option<String>,
    /// A unique number for the document state after this step.
    state: u64,
}

/// A journey with its undo history. The application owns one per open document and
/// changes the journey only through [`Document::apply`], [`Document::undo`], [`Document::redo`].
#[derive(Debug)]
pub struct Document {
    /// Unique per document value (see [`Version`]).
    identity: u64,
    journey: Journey,
    undo: Vec<Step>,
    redo: Vec<Step>,
    next_state: u64,
    /// The state that is on disk (`None` = never saved / unknown).
    saved_state: Option<u64>,
    /// Bumped on every change (edit, undo, redo, replace). Restarts at 0 in every
    /// document: caches key on [`Document::version`], never on this alone.
    revision: u64,
    limit: usize,
    /// The edits that made the last revisions, oldest first, as `(revision after, edit)`
    /// (see [`Document::changes_since`]). Cleared when the journey is replaced.
    changes: VecDeque<(u64, Edit)>,
}

/// How many recent edits [`Document::changes_since`] can replay.
const CHANGE_LOG: usize = 64;

impl Clone for Document {
    /// A clone is another document: it gets its own identity, so the two can change
    /// independently without ever sharing a [`Version`].
    fn clone(&self) -> Self {
        Document {
            identity: next_identity(),
            journey: self.journey.clone(),
            undo: self.undo.clone(),
            redo: self.redo.clone(),
            next_state: self.next_state,
            saved_state: self.saved_state,
            revision: self.revision,
            limit: self.limit,
            // Another identity: nobody can ask for changes since one of its versions.
            changes: VecDeque::new(),
        }
    }
}

impl Default for Document {
    fn default() -> Self {
        Document::new(Journey::default())
    }
}

impl Document {
    /// A document whose content counts as saved.
    pub fn new(journey: Journey) -> Self {
        Document {
            identity: next_identity(),
            journey,
            undo: Vec::new(),
            redo: Vec::new(),
            next_state: 1,
            saved_state: Some(0),
            revision: 0,
            limit: 1000,
            changes: VecDeque::new(),
        }
    }

    /// A document that has never been saved (an import, a recovered journey).
    pub fn new_unsaved(journey: Journey) -> Self {
        let mut doc = Document::new(journey);
        doc.saved_state = None;
        doc
    }

    pub fn journey(&self) -> &Journey {
        &self.journey
    }

    /// The number of changes within this document (restarts at 0 in each document).
    /// Caches must key on [`Document::version`] instead.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// This state, unique across documents: what every derived cache keys on.
    pub fn version(&self) -> Version {
        Version {
            document: self.identity,
            revision: self.revision,
        }
    }

    /// The edits that lead from `since` to the current state, in order, when this
    /// document still knows them (same document, at most the last 64 changes, no
    /// replace in between); `None` otherwise. Lets a copy of the journey kept elsewhere
    /// (the app's background analysis) follow the document without cloning it.
    pub fn changes_since(&self, since: Version) -> Option<Vec<&Edit>> {
        if since.document != self.identity || since.revision > self.revision {
            return None;
        }
        if since.revision == self.revision {
            return Some(Vec::new());
        }
        let first = self.changes.front()?.0;
        if first > since.revision + 1 {
            return None;
        }
        Some(
            self.changes
                .iter()
                .filter(|(r, _)| *r > since.revision)
                .map(|(_, e)| e)
                .collect(),
        )
    }

    fn log_change(&mut self, edit: Edit) {
        self.changes.push_back((self.revision, edit));
        if self.changes.len() > CHANGE_LOG {
            self.changes.pop_front();
        }
    }

    fn state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.state)
    }

    /// Unsaved changes?
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.state())
    }

    /// The current state is what is on disk now.
    pub fn mark_saved(&mut self) {
        self.saved_state = Some(self.state());
    }

    /// Forget which state is on disk (e.g. the file was changed by someone else).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = None;
    }

    /// Apply one gesture's edit as one undo step.
    pub fn apply(&mut self, label: impl Into<String>, edit: Edit) -> Result<(), ModelError> {
        self.apply_merging(label, edit, None)
    }

    /// Apply, merging into the previous step when both carry the same `merge_key`
    /// (so typing "Final read" letter by letter is one undo step).
    pub fn apply_merging(
        &mut self,
        label: impl Into<String>,
        edit: Edit,
        merge_key: Option<String>,
    ) -> Result<(), ModelError> {
        if edit.is_noop() {
            return Ok(());
        }
        let redo = edit.clone();
        let undo = edit.apply(&mut self.journey)?;
        self.revision += 1;
        self.log_change(redo.clone());
        self.redo.clear();
        if let (Some(key), Some(last)) = (&merge_key, self.undo.last_mut())
            && last.merge_key.as_ref() == Some(key)
            && self.saved_state != Some(last.state)
        {
            // New undo runs this step's inverse first, then the older one.
            let older = std::mem::replace(&mut last.undo, Edit::Batch(Vec::new()));
            last.undo = Edit::Batch(vec![undo, older]);
            let older_redo = std::mem::replace(&mut last.redo, Edit::Batch(Vec::new()));
            last.redo = Edit::Batch(vec![older_redo, redo]);
            return Ok(());
        }
        let state = self.next_state;
        self.next_state += 1;
        self.undo.push(Step {
            label: label.into(),
            undo,
            redo,
            merge_key,
            state,
        });
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        Ok(())
    }

    /// End the current merge run: the next edit starts a new undo step.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.merge_key = None;
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What Undo would undo ("Add touchpoint").
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// Undo the last step. Returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<String>, ModelError> {
        let Some(mut step) = self.undo.pop() else {
            return Ok(None);
        };
        match step.undo.clone().apply(&mut self.journey) {
            Ok(_) => {
                self.revision += 1;
                self.log_change(step.undo.clone());
                step.merge_key = None;
                let label = step.label.clone();
                self.redo.push(step);
                Ok(Some(label))
            }
            Err(e) => {
                self.undo.push(step);
                Err(e)
            }
        }
    }

    /// Redo the last undone step.
    pub fn redo(&mut self) -> Result<Option<String>, ModelError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        match step.redo.clone().apply(&mut self.journey) {
            Ok(_) => {
                self.revision += 1;
                self.log_change(step.redo.clone());
                let label = step.label.clone();
                self.undo.push(step);
                Ok(Some(label))
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    /// Replace the whole journey (reload from disk) as one undoable step is not
    /// wanted: this clears the history.
    pub fn replace(&mut self, journey: Journey) {
        self.journey = journey;
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        self.changes.clear();
        self.saved_state = Some(0);
    }
}
