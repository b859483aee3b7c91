//! Progress and cancellation for long work (exports, imports) that the app runs on a
//! worker thread. The work calls [`Progress::update`] now and then with how far it is
//! (0..=1); a `false` answer means "stop": the work returns early and writes nothing.
//! No threads and no egui here: the app's job runner (`ui::jobs`) supplies the callback.

/// Told how far a piece of work is; answers whether to go on.
pub trait Progress {
    /// `done` in 0..=1. Returns `false` when the work should stop (cancelled).
    fn update(&self, done: f32) -> bool;
}

impl<F: Fn(f32) -> bool> Progress for F {
    fn update(&self, done: f32) -> bool {
        self(done)
    }
}

/// No one is watching and nothing cancels (the command line, tests).
pub struct Unattended;

impl Progress for Unattended {
    fn update(&self, _done: f32) -> bool {
        true
    }
}

/// The work was cancelled before it finished; nothing was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// `Ok(())` to go on, `Err(Cancelled)` to stop (for `?`).
pub fn step(progress: &dyn Progress, done: f32) -> Result<(), Cancelled> {
    if progress.update(done.clamp(0.0, 1.0)) {
        Ok(())
    } else {
        Err(Cancelled)
    }
}
