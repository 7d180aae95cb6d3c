//! Events (`CreateEvent(Ex)`, `OpenEvent`, `SetEvent`, `ResetEvent`): a kernel object around a
//! [`Waitable`], optionally named.
//!
//! Names live in one process-wide namespace (Linux has no cross-process kernel objects for us to share):
//! `CreateEvent` with the name of a live event returns a new handle to that event and reports
//! `ERROR_ALREADY_EXISTS`; `OpenEvent` finds it; the name is free again once every handle to the event is
//! closed. Names are case-sensitive ("Object Names": event names are), and `Local\` is the namespace an
//! unprefixed name already lives in.
use super::error::*;
use super::handle::KernelObject;
use super::wait::Waitable;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::{Arc, Weak};

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

static NAMES: Mutex<Option<HashMap<String, Weak<Event>>>> = Mutex::new(None);

/// The key a name is filed under: `Local\x` and `x` are the same object; `Global\x` is another namespace.
fn key_of(name: &str) -> WinResult<String> {
    let key = name.strip_prefix("Local\\").unwrap_or(name);
    // Object names are limited to MAX_PATH characters.
    if key.chars().count() > 260 {
        return Err(ERROR_FILENAME_EXCED_RANGE);
    }
    Ok(key.to_string())
}

/// Creates an event, or, for a name already in use, returns the existing event and `true` (the flags
/// are then ignored, as `CreateEvent` documents). An empty name is no name.
pub fn create(manual_reset: bool, initial: bool, name: Option<&str>) -> WinResult<(Arc<Event>, bool)> {
    let Some(name) = name.filter(|n| !n.is_empty()) else {
        return Ok((Arc::new(Event::new(manual_reset, initial)), false));
    };
    let key = key_of(name)?;
    let mut names = NAMES.lock();
    let map = names.get_or_insert_with(HashMap::new);
    if let Some(existing) = map.get(&key).and_then(Weak::upgrade) {
        return Ok((existing, true));
    }
    map.retain(|_, w| w.strong_count() > 0);
    let event = Arc::new(Event::new(manual_reset, initial));
    map.insert(key, Arc::downgrade(&event));
    Ok((event, false))
}

/// `OpenEvent`: the live event of that name, else `ERROR_FILE_NOT_FOUND`.
pub fn open(name: &str) -> WinResult<Arc<Event>> {
    if name.is_empty() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let key = key_of(name)?;
    NAMES.lock().as_ref().and_then(|m| m.get(&key)).and_then(Weak::upgrade).ok_or(ERROR_FILE_NOT_FOUND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_shared_until_the_last_reference_goes() {
        let (a, existed) = create(true, false, Some("evt-test-shared")).unwrap();
        assert!(!existed);
        let (b, existed) = create(false, true, Some("Local\\evt-test-shared")).unwrap();
        assert!(existed && Arc::ptr_eq(&a, &b));
        assert!(Arc::ptr_eq(&open("evt-test-shared").unwrap(), &a));
        assert_eq!(open("EVT-TEST-SHARED").err(), Some(ERROR_FILE_NOT_FOUND));
        assert_eq!(open("Global\\evt-test-shared").err(), Some(ERROR_FILE_NOT_FOUND));
        drop((a, b));
        assert_eq!(open("evt-test-shared").err(), Some(ERROR_FILE_NOT_FOUND));
    }
}
