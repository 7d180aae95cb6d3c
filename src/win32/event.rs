//! Events (`CreateEvent`, `SetEvent`, `ResetEvent`): a named kernel object around a [`Waitable`].
use super::handle::KernelObject;
use super::wait::Waitable;

/// An event object. Operations: `SetEvent`, `ResetEvent`, the waits in [`super::wait`], and
/// completion of an `OVERLAPPED` whose `hEvent` names it.
pub struct Event {
    pub signal: Waitable,
}

impl Event {
    pub fn new(manual_reset: bool, initial: bool) -> Self {
        Event { signal: Waitable::new(manual_reset, initial) }
    }
}

impl KernelObject for Event {
    fn kind(&self) -> &'static str {
        "event"
    }
    fn waitable(&self) -> Option<&Waitable> {
        Some(&self.signal)
    }
}
