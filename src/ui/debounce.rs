//! One debouncer for the UI: of a burst of calls, only the last runs, once the
//! calls have paused for a while (the evaluation after edits, the library's
//! store after changes, a tab's view).
//!
//! Spec choice: a small helper over the page's timer rather than leptos-use's
//! `use_debounce_fn`: the evaluation's debouncer is in the first wasm module,
//! whose size budget has little room, and the helper needs to be cancellable.

use leptos::prelude::*;

use super::browser;

#[derive(Clone, Copy)]
pub struct Debounce {
    /// Numbers the calls; a timer runs its call only if no later one came.
    ticket: StoredValue<u64>,
    ms: u32,
}

impl Debounce {
    /// A debouncer that waits `ms` after the last call.
    pub fn new(ms: u32) -> Debounce {
        Debounce {
            ticket: StoredValue::new(0),
            ms,
        }
    }

    /// Run `f` once calls pause for the debouncer's time; a later call or
    /// [`Debounce::cancel`] drops it.
    pub fn call(&self, f: impl FnOnce() + 'static) {
        let run = self.arm(f);
        browser::after(self.ms, run);
    }

    /// As [`Debounce::call`], with the pause counted from the next frame (the
    /// page draws first).
    pub fn call_after_frame(&self, f: impl FnOnce() + 'static) {
        let run = self.arm(f);
        let ms = self.ms;
        request_animation_frame(move || browser::after(ms, run));
    }

    /// Drop the call waiting to run, if any.
    pub fn cancel(&self) {
        self.next();
    }

    fn arm(&self, f: impl FnOnce() + 'static) -> Box<dyn FnOnce()> {
        let ticket = self.next();
        let current = self.ticket;
        Box::new(move || {
            if current.try_get_value() == Some(ticket) {
                f();
            }
        })
    }

    fn next(&self) -> u64 {
        let mut t = 0;
        self.ticket.update_value(|n| {
            *n += 1;
            t = *n;
        });
        t
    }
}
