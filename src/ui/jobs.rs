//! Long work off the UI thread. A [`Job`] runs a pure work function (an export, an
//! import preview) on a `std::thread`, with a progress value and a cancel flag shared
//! through atomics and the result sent back over a channel. The frame only polls:
//! it never waits, so the window stays responsive while the work runs.

use crate::i18n::tr;
use crate::progress::Progress;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// Work running on a worker thread.
pub struct Job<T> {
    pub label: String,
    rx: Receiver<Option<T>>,
    /// Progress 0..=1 as `f32` bits.
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    pub started: Instant,
}

/// What a poll found.
#[derive(Debug, PartialEq)]
pub enum Poll<T> {
    Running,
    Done(T),
    /// Cancelled, or the worker stopped without an answer.
    Stopped,
}

/// The progress callback a worker hands to the work.
struct Shared {
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
}

impl Progress for Shared {
    fn update(&self, done: f32) -> bool {
        self.progress.store(done.to_bits(), Ordering::Relaxed);
        !self.cancel.load(Ordering::Relaxed)
    }
}

impl<T: Send + 'static> Job<T> {
    /// Start `work` on a new thread. `None` from the work means "stopped" (cancelled).
    /// `ctx`, when given, is asked to repaint when the work ends.
    pub fn spawn(
        label: impl Into<String>,
        ctx: Option<egui::Context>,
        work: impl FnOnce(&dyn Progress) -> Option<T> + Send + 'static,
    ) -> Job<T> {
        let (tx, rx) = channel();
        let progress = Arc::new(AtomicU32::new(0f32.to_bits()));
        let cancel = Arc::new(AtomicBool::new(false));
        let shared = Shared {
            progress: progress.clone(),
            cancel: cancel.clone(),
        };
        // The worker speaks the language of the person who started it (the current
        // language is per thread).
        let lang = crate::i18n::current();
        let spawned = std::thread::Builder::new()
            .name("touchpoint-job".into())
            .spawn(move || {
                crate::i18n::set_current(&lang);
                let out = work(&shared);
                let out = if shared.cancel.load(Ordering::Relaxed) {
                    None
                } else {
                    out
                };
                let _ = tx.send(out);
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
            });
        // No thread: the channel's sender is gone, so the first poll says Stopped.
        drop(spawned);
        Job {
            label: label.into(),
            rx,
            progress,
            cancel,
            started: Instant::now(),
        }
    }

    /// How far the work is, 0..=1.
    pub fn progress(&self) -> f32 {
        f32::from_bits(self.progress.load(Ordering::Relaxed)).clamp(0.0, 1.0)
    }

    /// Ask the work to stop; its result (if it still comes) is dropped.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Has the work finished? Never blocks.
    pub fn poll(&self) -> Poll<T> {
        if self.is_cancelled() {
            return Poll::Stopped;
        }
        match self.rx.try_recv() {
            Ok(Some(v)) => Poll::Done(v),
            Ok(None) | Err(TryRecvError::Disconnected) => Poll::Stopped,
            Err(TryRecvError::Empty) => Poll::Running,
        }
    }

    /// Block until the work ends (tests and benches only; never in a frame).
    pub fn wait(&self, timeout: Duration) -> Poll<T> {
        match self.rx.recv_timeout(timeout) {
            Ok(Some(v)) => Poll::Done(v),
            Ok(None) => Poll::Stopped,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Poll::Running,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Poll::Stopped,
        }
    }
}

/// A progress window for a running job: its label, a bar and Cancel. Returns whether
/// Cancel was clicked. Shown only once the job has run for a moment, so quick work does
/// not flash a window.
pub fn progress_window<T: Send + 'static>(ctx: &egui::Context, job: &Job<T>) -> bool {
    let mut cancel = false;
    // Keep the bar moving while the worker runs (the app is otherwise idle).
    ctx.request_repaint_after(Duration::from_millis(50));
    if job.started.elapsed() < Duration::from_millis(100) {
        return false;
    }
    egui::Window::new(tr("evlog-working"))
        .id(egui::Id::unique("touchpoint-job-progress"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -48.0])
        .show(ctx, |ui| {
            ui.label(job.label.as_str());
            ui.add(
                egui::ProgressBar::new(job.progress())
                    .desired_width(320.0)
                    .show_percentage(),
            );
            if ui.button(tr("button-cancel")).clicked() {
                cancel = true;
            }
        });
    cancel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_runs_in_the_language_of_the_thread_that_started_it() {
        let zh = crate::i18n::Lang::parse("zh-CN").expect("zh-CN");
        crate::i18n::set_current(&zh);
        let job = Job::spawn(
            "lang",
            None,
            |_: &dyn Progress| Some(crate::i18n::current()),
        );
        assert_eq!(job.wait(Duration::from_secs(5)), Poll::Done(zh));
        crate::i18n::set_current(&crate::i18n::Lang::parse("en").expect("en"));
    }

    #[test]
    fn a_job_reports_progress_and_its_result() {
        let job = Job::spawn("count", None, |p: &dyn Progress| {
            p.update(0.5);
            Some(42)
        });
        assert_eq!(job.wait(Duration::from_secs(5)), Poll::Done(42));
        assert_eq!(job.progress(), 0.5);
    }

    #[test]
    fn a_cancelled_job_stops_and_its_work_sees_the_flag() {
        let (go_tx, go_rx) = channel::<()>();
        let job = Job::spawn("wait", None, move |p: &dyn Progress| {
            let _ = go_rx.recv();
            // The work checks the flag through its progress callback.
            if p.update(0.9) { Some(1) } else { None }
        });
        assert_eq!(job.poll(), Poll::Running);
        job.cancel();
        let _ = go_tx.send(());
        assert_eq!(job.poll(), Poll::Stopped);
        assert_eq!(job.wait(Duration::from_secs(5)), Poll::Stopped);
    }
}
