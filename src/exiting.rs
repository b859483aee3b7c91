//! Not freeing what a command leaves behind when the process ends right after it.
//!
//! A command of the command line builds big structures (a 1,000-touchpoint export:
//! the journey, its analysis and its scene, tens of thousands of allocations) and
//! exits. Freeing them one by one just before the exit costs about half a
//! millisecond that the operating system does anyway, at once, when it reclaims the
//! process. So the binary marks its command thread as one that ends the process
//! ([`ends_process`]), and the command code hands what it is done with to
//! [`discard`], which forgets it there and drops it everywhere else: in the app, in
//! tests, on any other thread. Compilers do the same (Clang's `-disable-free`).
//!
//! Only memory may be discarded this way: nothing whose drop does work that must
//! happen (files, locks, threads). Output is written and flushed before.

use std::cell::Cell;

thread_local! {
    static ENDS_PROCESS: Cell<bool> = const { Cell::new(false) };
}

/// Mark the calling thread as one after whose command the process exits (the
/// binary's main thread, for a command-line command; never the app's).
pub fn ends_process() {
    ENDS_PROCESS.with(|e| e.set(true));
}

/// Drop `value`, or forget it when the calling thread ends the process
/// ([`ends_process`]): the operating system reclaims its memory with the process.
pub fn discard<T>(value: T) {
    if ENDS_PROCESS.with(Cell::get) {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn discarded_values_are_dropped_unless_the_thread_ends_the_process() {
        let counted = Rc::new(());
        discard(Rc::clone(&counted));
        assert_eq!(
            Rc::strong_count(&counted),
            1,
            "dropped on an ordinary thread"
        );
        let other = std::thread::spawn(|| {
            ends_process();
            let counted = Rc::new(());
            discard((Rc::clone(&counted), vec![1u8; 1000]));
            Rc::strong_count(&counted)
        })
        .join()
        .unwrap_or(0);
        assert_eq!(other, 2, "forgotten on a thread that ends the process");
        discard(Rc::clone(&counted));
        assert_eq!(Rc::strong_count(&counted), 1, "only that thread forgets");
    }
}
