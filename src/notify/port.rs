//! A notification port (seeds/ApiGetNotifyAsync.txt): a bounded queue of events and the callers
//! waiting for them. A kernel object in the one handle table, with an [`IoBinding`] so
//! `CreateIoCompletionPort(port, ...)` and `CancelIoEx` work on its overlapped waits.
//!
//! Operations: [`NotifyPort::push`] (the hook's delivery), [`NotifyPort::get`] (a blocking wait:
//! `ApiGetNotify`, `ApiGetNotifyAsync`), [`NotifyPort::get_overlapped`] (the `OVERLAPPED` variant),
//! [`NotifyPort::unblock`], [`NotifyPort::close`], [`NotifyPort::cancel`], [`NotifyPort::set_limit`].
//!
//! Rules (MS-CMRP 3.1.4.2.143 and its neighbours): a wait completes only when an event is queued
//! (with that event), or when the port is unblocked or closed by another thread
//! (`ERROR_INVALID_FUNCTION`); a call made after that gets `ERROR_NO_MORE_ITEMS`. Waiters are served
//! first come, first served, and an event goes to exactly one of them: a waiter only parks while the
//! queue is empty, and `push` hands the event straight to the oldest one. Bounded memory: past the
//! limit the oldest event is dropped and counted; the next delivery starts with one
//! `HTTP_NOTIFY_EVENTS_LOST` notification carrying the count.
use super::abi::HTTP_NOTIFY_EVENTS_LOST;
use super::hook;
use crate::win32::error::*;
use crate::win32::handle::KernelObject;
use crate::win32::overlapped::{self, IoBinding, OverlappedPtr};
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::sync::Arc;

/// What an event's `Name` says: text, or a 64-bit id written in decimal only when delivered (the
/// hot path formats nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Name {
    Empty,
    Text(String),
    Id(u64),
}

impl Name {
    fn into_text(self) -> String {
        match self {
            Name::Empty => String::new(),
            Name::Text(t) => t,
            Name::Id(id) => id.to_string(),
        }
    }
}

/// One delivered event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    pub key: u32,
    pub filter: u32,
    /// Its number on this port (1, 2, ...; `ApiGetNotify`'s `dwStateSequence`): a gap shows loss.
    pub seq: u32,
    pub name: String,
}

struct Queued {
    key: u32,
    filter: u32,
    seq: u32,
    name: Name,
}

impl Queued {
    fn deliver(self) -> Notification {
        Notification { key: self.key, filter: self.filter, seq: self.seq, name: self.name.into_text() }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Phase {
    Open,
    /// `ApiUnblockGetNotifyCall`: closed for waits and events; the handle stays until `ApiCloseNotify`.
    Unblocked,
    Closed,
}

/// The waiting side of a blocking get.
#[derive(Default)]
struct Slot {
    result: Mutex<Option<WinResult<Vec<Notification>>>>,
    cv: Condvar,
}

impl Slot {
    fn set(&self, r: WinResult<Vec<Notification>>) {
        *self.result.lock() = Some(r);
        self.cv.notify_one();
    }
    fn wait(&self) -> WinResult<Vec<Notification>> {
        let mut r = self.result.lock();
        loop {
            if let Some(v) = r.take() {
                return v;
            }
            self.cv.wait(&mut r);
        }
    }
}

/// Writes a delivered batch to the caller's out-parameters (built by the C edge, which owns every
/// pointer); returns the count for `InternalHigh`.
pub type Deliver = Box<dyn FnOnce(Vec<Notification>) -> WinResult<u32> + Send>;

/// An overlapped get: `max` events at most when some are queued at the call.
pub struct PendingGet {
    pub ov: OverlappedPtr,
    pub max: usize,
    pub deliver: Deliver,
}

/// A parked get. It parks only while nothing is queued, so it is handed exactly one event.
enum Waiter {
    Sync(Arc<Slot>),
    Overlapped(PendingGet),
}

impl Waiter {
    /// Completes the wait (called with no lock held: an overlapped completion writes the caller's
    /// memory, signals its event and posts to its completion port).
    fn complete(self, binding: &IoBinding, r: WinResult<Vec<Notification>>) {
        match self {
            Waiter::Sync(slot) => slot.set(r),
            Waiter::Overlapped(p) => {
                let (e, n) = match r.and_then(p.deliver) {
                    Ok(n) => (ERROR_SUCCESS, n),
                    Err(e) => (e, 0),
                };
                // SAFETY: the caller keeps its OVERLAPPED valid until the wait completes (the contract
                // of every overlapped call); this is that completion, and it happens once.
                unsafe { overlapped::complete(Some(binding), p.ov, e, n as usize, false) };
            }
        }
    }
}

struct PortState {
    phase: Phase,
    events: VecDeque<Queued>,
    limit: usize,
    /// Events dropped since the last delivery, and the number of the last one dropped.
    lost: u64,
    lost_seq: u32,
    seq: u32,
    waiters: VecDeque<Waiter>,
}

impl PortState {
    fn has_any(&self) -> bool {
        !self.events.is_empty() || self.lost > 0
    }

    /// Up to `max` events, oldest first, after the loss notice if there is one.
    fn take(&mut self, max: usize) -> Vec<Notification> {
        let mut out = Vec::with_capacity(self.events.len().min(max) + 1);
        if self.lost > 0 {
            out.push(Notification {
                key: 0,
                filter: HTTP_NOTIFY_EVENTS_LOST,
                seq: self.lost_seq,
                name: self.lost.to_string(),
            });
            self.lost = 0;
        }
        while out.len() < max.max(1) {
            match self.events.pop_front() {
                Some(q) => out.push(q.deliver()),
                None => break,
            }
        }
        out
    }

    fn drop_oldest(&mut self) {
        if let Some(q) = self.events.pop_front() {
            self.lost += 1;
            self.lost_seq = q.seq;
        }
    }
}

pub struct NotifyPort {
    binding: IoBinding,
    st: Mutex<PortState>,
}

impl NotifyPort {
    /// Its `KernelObject::kind` (a closed port's handle is recognised by it).
    pub const KIND: &'static str = "notification port";

    pub fn new(limit: u32) -> Arc<Self> {
        Arc::new(NotifyPort {
            binding: IoBinding::default(),
            st: Mutex::new(PortState {
                phase: Phase::Open,
                events: VecDeque::new(),
                limit: limit.max(1) as usize,
                lost: 0,
                lost_seq: 0,
                seq: 0,
                waiters: VecDeque::new(),
            }),
        })
    }

    /// An identity for registrations.
    pub fn key(&self) -> usize {
        self as *const Self as usize
    }

    pub fn is_open(&self) -> bool {
        self.st.lock().phase == Phase::Open
    }

    /// The number of the last event queued (what `ApiAddNotifyHttpObject` reports: the new
    /// registration's events are numbered after it).
    pub fn sequence(&self) -> u32 {
        self.st.lock().seq
    }

    /// Queues one event (the hook calls this for each matching registration).
    pub fn push(&self, key: u32, filter: u32, name: Name) {
        let mut st = self.st.lock();
        if st.phase != Phase::Open {
            return;
        }
        st.seq = st.seq.wrapping_add(1);
        let q = Queued { key, filter, seq: st.seq, name };
        // A waiter parks only while nothing is queued, so the oldest one takes this event alone.
        if let Some(w) = st.waiters.pop_front() {
            drop(st);
            w.complete(&self.binding, Ok(vec![q.deliver()]));
            return;
        }
        if st.events.len() >= st.limit {
            st.drop_oldest();
        }
        st.events.push_back(q);
    }

    /// A blocking get of up to `max` events (`ApiGetNotify`: 1; `ApiGetNotifyAsync`: all queued).
    pub fn get(&self, max: usize) -> WinResult<Vec<Notification>> {
        let slot = {
            let mut st = self.st.lock();
            if st.phase != Phase::Open {
                return Err(ERROR_NO_MORE_ITEMS);
            }
            if st.has_any() {
                return Ok(st.take(max));
            }
            let slot = Arc::new(Slot::default());
            st.waiters.push_back(Waiter::Sync(slot.clone()));
            slot
        };
        slot.wait()
    }

    /// An overlapped get: `ERROR_SUCCESS` when events were there (delivered now, and reported
    /// through the `OVERLAPPED` as http.sys reports an operation that finished at once),
    /// `ERROR_IO_PENDING` when the wait was queued, `ERROR_NO_MORE_ITEMS` on a closed port.
    pub fn get_overlapped(&self, p: PendingGet) -> Win32Error {
        let mut st = self.st.lock();
        if st.phase != Phase::Open {
            return ERROR_NO_MORE_ITEMS;
        }
        // SAFETY: the caller's OVERLAPPED, valid until completion (see `Waiter::complete`); marked
        // before any other thread can complete it.
        unsafe { p.ov.mark_pending() };
        if st.has_any() {
            let batch = st.take(p.max);
            drop(st);
            let (e, n) = match (p.deliver)(batch) {
                Ok(n) => (ERROR_SUCCESS, n),
                Err(e) => (e, 0),
            };
            // SAFETY: as above.
            unsafe { overlapped::complete(Some(&self.binding), p.ov, e, n as usize, true) };
            return e;
        }
        st.waiters.push_back(Waiter::Overlapped(p));
        ERROR_IO_PENDING
    }

    /// Ends the port's phase `to`: every wait in progress completes with `ERROR_INVALID_FUNCTION`,
    /// undelivered events are dropped, and the port's registrations go.
    fn cut(&self, to: Phase) {
        let waiters = {
            let mut st = self.st.lock();
            if st.phase == Phase::Closed {
                return;
            }
            st.phase = to;
            st.events.clear();
            st.lost = 0;
            std::mem::take(&mut st.waiters)
        };
        hook::drop_port(self.key());
        for w in waiters {
            w.complete(&self.binding, Err(ERROR_INVALID_FUNCTION));
        }
    }

    /// `ApiUnblockGetNotifyCall`: waits end (`ERROR_INVALID_FUNCTION`) "so that the port can be
    /// closed"; from now on gets answer `ERROR_NO_MORE_ITEMS` and nothing more is queued.
    pub fn unblock(&self) {
        self.cut(Phase::Unblocked);
    }

    /// `ApiCloseNotify` (and `CloseHandle`): as unblock, for good.
    pub fn close(&self) {
        self.cut(Phase::Closed);
    }

    /// `CancelIoEx`: ends the overlapped waits on `ov` (0: all) with `ERROR_OPERATION_ABORTED`.
    pub fn cancel(&self, ov: usize) -> bool {
        let taken: VecDeque<Waiter> = {
            let mut st = self.st.lock();
            let (taken, keep) = std::mem::take(&mut st.waiters)
                .into_iter()
                .partition(|w| matches!(w, Waiter::Overlapped(p) if ov == 0 || p.ov.0 == ov));
            st.waiters = keep;
            taken
        };
        let any = !taken.is_empty();
        for w in taken {
            w.complete(&self.binding, Err(ERROR_OPERATION_ABORTED));
        }
        any
    }

    /// Sets how many undelivered events the port keeps; a queue already longer loses its oldest.
    pub fn set_limit(&self, limit: u32) {
        let mut st = self.st.lock();
        st.limit = limit.max(1) as usize;
        while st.events.len() > st.limit {
            st.drop_oldest();
        }
    }

    #[cfg(test)]
    fn waiting(&self) -> usize {
        self.st.lock().waiters.len()
    }
}

impl KernelObject for NotifyPort {
    fn kind(&self) -> &'static str {
        Self::KIND
    }
    fn on_close(&self) {
        self.close();
    }
    fn io_binding(&self) -> Option<&IoBinding> {
        Some(&self.binding)
    }
    fn cancel_io(&self, overlapped: usize) -> bool {
        self.cancel(overlapped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[Notification]) -> Vec<&str> {
        v.iter().map(|n| n.name.as_str()).collect()
    }

    #[test]
    fn events_come_out_in_order_in_batches_or_one_by_one() {
        let p = NotifyPort::new(100);
        for i in 1..=3 {
            p.push(7, 0x10, Name::Id(i));
        }
        assert_eq!(names(&p.get(1).unwrap()), ["1"]);
        let rest = p.get(usize::MAX).unwrap();
        assert_eq!(names(&rest), ["2", "3"]);
        assert_eq!(rest.iter().map(|n| n.seq).collect::<Vec<_>>(), [2, 3]);
        assert!(rest.iter().all(|n| n.key == 7 && n.filter == 0x10));
    }

    #[test]
    fn overflow_drops_the_oldest_and_says_how_many() {
        let p = NotifyPort::new(2);
        for i in 1..=5 {
            p.push(1, 0x10, Name::Id(i));
        }
        let got = p.get(usize::MAX).unwrap();
        assert_eq!(got[0].filter, HTTP_NOTIFY_EVENTS_LOST);
        assert_eq!(got[0].seq, 3);
        assert_eq!(names(&got), ["3", "4", "5"]);
        p.push(1, 0x10, Name::Empty);
        assert_eq!(names(&p.get(usize::MAX).unwrap()), [""]);
    }

    #[test]
    fn a_blocked_get_takes_the_next_event_and_unblock_cuts_the_others() {
        let p = NotifyPort::new(10);
        let waiters: Vec<_> = (0..3)
            .map(|_| {
                let p = p.clone();
                std::thread::spawn(move || p.get(usize::MAX))
            })
            .collect();
        while p.waiting() < 3 {
            std::thread::yield_now();
        }
        p.push(1, 0x10, Name::Text("a".into()));
        p.push(1, 0x10, Name::Text("b".into()));
        while p.waiting() > 1 {
            std::thread::yield_now();
        }
        p.unblock();
        let mut got: Vec<String> = Vec::new();
        let mut cut = 0;
        for w in waiters {
            match w.join().unwrap() {
                Ok(v) => got.extend(v.into_iter().map(|n| n.name)),
                Err(e) => {
                    assert_eq!(e, ERROR_INVALID_FUNCTION);
                    cut += 1;
                }
            }
        }
        got.sort();
        assert_eq!((got, cut), (vec!["a".to_string(), "b".to_string()], 1));
        assert_eq!(p.get(1), Err(ERROR_NO_MORE_ITEMS));
        p.push(1, 0x10, Name::Empty);
        assert_eq!(p.get(1), Err(ERROR_NO_MORE_ITEMS));
    }
}
