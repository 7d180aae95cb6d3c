//! Waitable objects (events, threads) and the waits on them (`WaitForSingleObject`,
//! `WaitForMultipleObjects` any/all).
//!
//! Each object keeps a signaled flag and the waiters parked on it. A waiter registers on every object
//! it waits for while holding that object's lock, checking the flag in the same critical section, so a
//! `SetEvent` between the check and the sleep cannot be lost. Auto-reset objects are consumed by the
//! first waiter that sees them signaled.
use parking_lot::{Condvar, Mutex};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A hook a waiter runs when an object it is parked on is signaled.
type Hook = Box<dyn Fn() + Send + Sync>;

/// One parked thread, or a watcher that runs a hook instead of sleeping (the thread pool's wait objects:
/// no thread blocks per wait).
pub struct Waiter {
    fired: Mutex<bool>,
    cv: Condvar,
    hook: Option<Hook>,
}

impl Waiter {
    fn new() -> Arc<Self> {
        Arc::new(Waiter { fired: Mutex::new(false), cv: Condvar::new(), hook: None })
    }

    /// A watcher: `hook` runs on the signaling thread, after the object's lock is released, each time an
    /// object it is parked on is signaled (it is unparked by then; it calls [`Waitable::acquire_or_park`]
    /// to take the signal or park again).
    pub fn with_hook(hook: Hook) -> Arc<Self> {
        Arc::new(Waiter { fired: Mutex::new(false), cv: Condvar::new(), hook: Some(hook) })
    }

    fn wake(&self) {
        if let Some(hook) = &self.hook {
            hook();
            return;
        }
        *self.fired.lock() = true;
        self.cv.notify_one();
    }
    /// Sleeps until woken or the deadline; returns false on timeout.
    fn sleep(&self, deadline: Option<Instant>) -> bool {
        let mut fired = self.fired.lock();
        while !*fired {
            match deadline {
                None => self.cv.wait(&mut fired),
                Some(d) => {
                    if self.cv.wait_until(&mut fired, d).timed_out() {
                        return *fired;
                    }
                }
            }
        }
        *fired = false;
        true
    }
}

struct State {
    signaled: bool,
    manual_reset: bool,
    waiters: Vec<Arc<Waiter>>,
}

/// The signal state of one waitable object.
pub struct Waitable {
    state: Mutex<State>,
}

impl Waitable {
    /// A new object: manual-reset objects stay signaled until reset; auto-reset ones wake one waiter.
    pub fn new(manual_reset: bool, signaled: bool) -> Self {
        Waitable { state: Mutex::new(State { signaled, manual_reset, waiters: Vec::new() }) }
    }

    /// Signals the object (`SetEvent`, thread exit) and wakes its waiters.
    pub fn set(&self) {
        let waiters = {
            let mut s = self.state.lock();
            s.signaled = true;
            std::mem::take(&mut s.waiters)
        };
        for w in waiters {
            w.wake();
        }
    }

    /// Clears the signal (`ResetEvent`).
    pub fn reset(&self) {
        self.state.lock().signaled = false;
    }

    /// Whether the object is signaled now, without consuming it.
    pub fn is_signaled(&self) -> bool {
        self.state.lock().signaled
    }

    /// Consumes the signal if present (auto-reset) or observes it (manual-reset); otherwise parks
    /// `waiter` on the object. Returns whether the object was signaled.
    pub(crate) fn acquire_or_park(&self, waiter: &Arc<Waiter>) -> bool {
        let mut s = self.state.lock();
        if s.signaled {
            if !s.manual_reset {
                s.signaled = false;
            }
            return true;
        }
        s.waiters.push(waiter.clone());
        false
    }

    /// Removes a parked waiter (its wait ended another way).
    pub(crate) fn unpark(&self, waiter: &Arc<Waiter>) {
        self.state.lock().waiters.retain(|w| !Arc::ptr_eq(w, waiter));
    }
}

/// How a wait ended.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum WaitOutcome {
    /// The object at this index was signaled (and consumed, if auto-reset).
    Signaled(usize),
    /// The timeout ran out.
    TimedOut,
}

/// Converts a Win32 millisecond timeout (`INFINITE` = `u32::MAX`) to a deadline.
pub fn deadline_after(timeout_ms: u32) -> Option<Instant> {
    if timeout_ms == u32::MAX {
        None
    } else {
        Some(Instant::now() + Duration::from_millis(timeout_ms as u64))
    }
}

/// Waits until any of `objects` is signaled; the lowest index wins when several are.
pub fn wait_any(objects: &[&Waitable], deadline: Option<Instant>) -> WaitOutcome {
    let waiter = Waiter::new();
    loop {
        let mut parked = 0;
        let mut hit = None;
        for (i, o) in objects.iter().enumerate() {
            if o.acquire_or_park(&waiter) {
                hit = Some(i);
                break;
            }
            parked = i + 1;
        }
        if let Some(i) = hit {
            for o in &objects[..parked] {
                o.unpark(&waiter);
            }
            return WaitOutcome::Signaled(i);
        }
        let woken = waiter.sleep(deadline);
        for o in objects {
            o.unpark(&waiter);
        }
        if !woken {
            return WaitOutcome::TimedOut;
        }
    }
}

/// Waits until all of `objects` are signaled at once, then consumes the auto-reset ones together.
pub fn wait_all(objects: &[&Waitable], deadline: Option<Instant>) -> WaitOutcome {
    let waiter = Waiter::new();
    // Lock in address order so two wait-alls over the same objects cannot deadlock.
    let mut order: Vec<usize> = (0..objects.len()).collect();
    order.sort_by_key(|&i| objects[i] as *const Waitable as usize);
    order.dedup_by_key(|i| objects[*i] as *const Waitable as usize);
    loop {
        {
            let mut guards: Vec<_> = order.iter().map(|&i| objects[i].state.lock()).collect();
            if guards.iter().all(|g| g.signaled) {
                for g in guards.iter_mut() {
                    if !g.manual_reset {
                        g.signaled = false;
                    }
                }
                return WaitOutcome::Signaled(0);
            }
            for g in guards.iter_mut() {
                g.waiters.push(waiter.clone());
            }
        }
        let woken = waiter.sleep(deadline);
        for o in objects {
            o.unpark(&waiter);
        }
        if !woken {
            return WaitOutcome::TimedOut;
        }
    }
}
