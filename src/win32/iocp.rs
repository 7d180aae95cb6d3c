//! I/O completion ports (`CreateIoCompletionPort`, `GetQueuedCompletionStatus(Ex)`,
//! `PostQueuedCompletionStatus`): a packet queue that any number of threads drain.
use super::handle::KernelObject;
use parking_lot::{Condvar, Mutex};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
use std::thread::LocalKey;
use std::time::Instant;

/// One completion packet, as `GetQueuedCompletionStatus` hands it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Packet {
    pub bytes: u32,
    pub key: usize,
    pub overlapped: usize,
    /// The Win32 code of the operation (0 = success); a failed operation makes
    /// `GetQueuedCompletionStatus` return FALSE with this as last error, with the packet still filled.
    pub error: u32,
}

/// Why no packet came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DequeueError {
    TimedOut,
    /// The port's handle was closed while waiting (`ERROR_ABANDONED_WAIT_0`).
    Closed,
}

/// Something the threads waiting on a port drive while no packet is there: a request queue bound to
/// the port, whose connections they read themselves (leader/followers, DESIGN.md section 6), so the
/// thread that returns a request's packet is the one that read the request.
pub trait PortDriver: Send + Sync {
    /// Takes the lead if nobody has it (None: led already, or closed) and leads until it has a packet for
    /// the caller (returned in place of being posted), it is woken (a packet was posted to the port, the
    /// port closed), or `deadline` passes (`Some(None)`). Gives the lead up before returning.
    /// `counted`: the caller counts as out with a packet already ([`CompletionPort::active`]), so leaving
    /// with one adds nothing.
    fn lead(&self, port: &CompletionPort, deadline: Option<Instant>, counted: bool) -> Option<Option<Packet>>;
    /// Wakes the thread leading it.
    fn wake(&self);
}

#[derive(Default)]
struct PortState {
    packets: VecDeque<Packet>,
    /// Counts [`CompletionPort::promote`] calls: a thread that looked for a driver to lead with the lock
    /// released sees by it that a driver lost its leader meanwhile, and looks again rather than sleep.
    promotions: u64,
}

/// A completion port. Operations: `post`, `dequeue`, `dequeue_many`; objects bound to it by
/// `CreateIoCompletionPort` post here through their [`super::overlapped::IoBinding`], and a bound object
/// that can be driven ([`PortDriver`]) is led by the threads that wait here.
///
/// Concurrency: like Windows' port with its default concurrency (the number of processors), a thread
/// waiting here is woken to lead only while fewer threads than the process has cores are out with a
/// packet ([`CompletionPort::active`]); a thread that comes back counts as back.
pub struct CompletionPort {
    queue: Mutex<PortState>,
    ready: Condvar,
    closed: AtomicBool,
    /// The bound drivers. Its lock is taken with no other held, and nothing is locked under it.
    drivers: Mutex<Vec<Weak<dyn PortDriver>>>,
    /// The first driver bound, read without a lock while it is the only one (the usual port: one request
    /// queue); `more_drivers` once another was bound.
    first_driver: once_cell::sync::OnceCell<Weak<dyn PortDriver>>,
    more_drivers: AtomicBool,
    /// Threads blocked in the condition wait.
    waiting: AtomicUsize,
    /// Threads that returned a packet and have not come back.
    active: AtomicUsize,
    /// Threads of this port leading a driver, or about to (raised under the port's lock after the packets were
    /// found empty): a packet posted or the port closed while it is not zero wakes the drivers, which
    /// ends such a lead at once (a driver's waker keeps a wake given before its lead starts).
    leaders: AtomicUsize,
}

impl Default for CompletionPort {
    fn default() -> Self {
        Self::new()
    }
}

thread_local! {
    /// The port this thread last returned a packet from (it counts as out until it waits there again).
    static OUT_WITH: std::cell::RefCell<OutWith<CompletionPort>> = const { std::cell::RefCell::new(OutWith::new()) };
}

/// What a thread is counted "out" with: the object (a port, a request queue) it last left with work, so
/// that object's count of busy threads drops when the thread asks it again. The object is remembered
/// after the thread comes back, so the usual loop on one object (back, out, back ...) only adds and
/// subtracts: no `Weak` made or upgraded per turn (a `Weak` keeps the allocation, so its address names
/// the object while it is held).
pub(crate) struct OutWith<T> {
    with: Option<Weak<T>>,
    /// The thread counts in `with`'s busy threads now.
    counted: bool,
}

impl<T> OutWith<T> {
    pub const fn new() -> Self {
        OutWith { with: None, counted: false }
    }

    /// The thread asks `me` again: it no longer counts as out (with `me`, or with what it left last).
    pub fn came_back(cell: &'static LocalKey<RefCell<Self>>, me: &T, sub: impl Fn(&T)) {
        let (mine, other) = cell.with(|o| {
            let mut o = o.borrow_mut();
            if !std::mem::replace(&mut o.counted, false) {
                return (false, None);
            }
            match &o.with {
                Some(w) if std::ptr::eq(w.as_ptr(), me) => (true, None),
                w => (false, w.clone()),
            }
        });
        if mine {
            sub(me);
        } else if let Some(x) = other.and_then(|w| w.upgrade()) {
            sub(&x);
        }
    }

    /// As [`OutWith::came_back`], except when the thread counts as out with `me` itself: then it stays
    /// counted and true is returned. The caller leaves with work again (it is counted already: nothing
    /// to do, no second look at the thread's state), or calls `came_back` before it waits or leaves
    /// without work. Only for an object whose busy count nobody else reads meanwhile (a request queue's,
    /// read by its leader alone).
    pub fn came_back_lazily(cell: &'static LocalKey<RefCell<Self>>, me: &T, sub: impl Fn(&T)) -> bool {
        let other = cell.with(|o| {
            let mut o = o.borrow_mut();
            if !o.counted {
                return Ok(None);
            }
            match &o.with {
                Some(w) if std::ptr::eq(w.as_ptr(), me) => Err(()),
                w => {
                    let w = w.clone();
                    o.counted = false;
                    Ok(w)
                }
            }
        });
        match other {
            Err(()) => true,
            Ok(other) => {
                if let Some(x) = other.and_then(|w| w.upgrade()) {
                    sub(&x);
                }
                false
            }
        }
    }

    /// The thread leaves `me` with work: it counts as out with `me` (and no longer with another).
    pub fn went_out(cell: &'static LocalKey<RefCell<Self>>, me: &Arc<T>, add: impl Fn(&T), sub: impl Fn(&T)) {
        add(me);
        let (mine, other) = cell.with(|o| {
            let mut o = o.borrow_mut();
            let counted = std::mem::replace(&mut o.counted, true);
            let same = o.with.as_ref().is_some_and(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(me)));
            let old = if same { None } else { o.with.replace(Arc::downgrade(me)) };
            (counted && same, old.filter(|_| counted))
        });
        if mine {
            sub(me);
        } else if let Some(x) = other.and_then(|w| w.upgrade()) {
            sub(&x);
        }
    }
}

impl CompletionPort {
    pub fn new() -> Self {
        CompletionPort {
            queue: Mutex::new(PortState::default()),
            ready: Condvar::new(),
            closed: AtomicBool::new(false),
            drivers: Mutex::new(Vec::new()),
            first_driver: once_cell::sync::OnceCell::new(),
            more_drivers: AtomicBool::new(false),
            waiting: AtomicUsize::new(0),
            active: AtomicUsize::new(0),
            leaders: AtomicUsize::new(0),
        }
    }

    /// Queues a packet and wakes one waiting thread (or the drivers, when none waits and a thread of the
    /// port may be leading one).
    pub fn post(&self, packet: Packet) {
        let leading = {
            let mut q = self.queue.lock();
            q.packets.push_back(packet);
            self.waiting.load(Ordering::Acquire) == 0 && self.leaders.load(Ordering::Acquire) > 0
        };
        self.ready.notify_one();
        if leading {
            self.wake_drivers();
        }
    }

    /// Wakes the thread leading each bound driver (no lock of the port's held: a driver's waker takes none).
    fn wake_drivers(&self) {
        let drivers: smallvec::SmallVec<[Arc<dyn PortDriver>; 2]> =
            self.drivers.lock().iter().filter_map(Weak::upgrade).collect();
        for d in drivers {
            d.wake();
        }
    }

    /// A bound object its waiting threads may drive.
    pub fn add_driver(&self, d: Weak<dyn PortDriver>) {
        let mut v = self.drivers.lock();
        v.retain(|w| w.strong_count() > 0);
        v.push(d.clone());
        if self.first_driver.set(d).is_err() {
            self.more_drivers.store(true, Ordering::Release);
        }
    }

    /// Threads waiting for a packet now.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Acquire)
    }

    /// Threads out with a packet now.
    pub fn active(&self) -> usize {
        self.active.load(Ordering::Acquire)
    }

    /// Wakes one waiting thread (a driver needs a leader).
    pub fn promote(&self) {
        let mut q = self.queue.lock();
        q.promotions = q.promotions.wrapping_add(1);
        self.ready.notify_one();
    }

    /// Takes the oldest packet, waiting until `deadline` (None = forever).
    pub fn dequeue(self: &Arc<Self>, deadline: Option<Instant>) -> Result<Packet, DequeueError> {
        let mut out = [Packet { bytes: 0, key: 0, overlapped: 0, error: 0 }];
        self.dequeue_many(&mut out, deadline).map(|_| out[0])
    }

    fn active_sub(&self) {
        let _ = self.active.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
    }

    fn came_back(&self) {
        OutWith::came_back(&OUT_WITH, self, Self::active_sub);
    }

    fn went_out(self: &Arc<Self>) {
        OutWith::went_out(
            &OUT_WITH,
            self,
            |p| {
                p.active.fetch_add(1, Ordering::AcqRel);
            },
            Self::active_sub,
        );
    }

    /// Leads a driver nobody leads: None when there is none; its result otherwise (see
    /// [`PortDriver::lead`]). The only driver is read without a lock; of several, one at a time is taken
    /// from the list (not locked while its lead is taken or led; no copy of the list per call).
    fn lead_a_driver(&self, deadline: Option<Instant>, counted: bool) -> Option<Option<Packet>> {
        if !self.more_drivers.load(Ordering::Acquire) {
            return self.first_driver.get()?.upgrade()?.lead(self, deadline, counted);
        }
        let mut i = 0;
        loop {
            let d = self.drivers.lock().get(i).map(Weak::upgrade)?;
            i += 1;
            if let Some(r) = d.and_then(|d| d.lead(self, deadline, counted)) {
                return Some(r);
            }
        }
    }

    /// Takes up to `out.len()` packets (at least one), waiting until `deadline` for the first; while no
    /// packet is there, the caller may lead a bound driver.
    pub fn dequeue_many(
        self: &Arc<Self>,
        out: &mut [Packet],
        deadline: Option<Instant>,
    ) -> Result<usize, DequeueError> {
        // A thread back from this port's last packet stays counted out while the port drives one object (the
        // usual port: one request queue), until it waits here or leaves without a packet; leaving with one,
        // it is counted already (no second look at its state, no count moved). Only that object's leader
        // reads the count meanwhile, and this thread is the leader, about to lead, or counted back before
        // it waits.
        let mut still_out = if self.more_drivers.load(Ordering::Acquire) {
            self.came_back();
            false
        } else {
            OutWith::came_back_lazily(&OUT_WITH, &**self, Self::active_sub)
        };
        let mut q = self.queue.lock();
        loop {
            if !q.packets.is_empty() {
                let n = out.len().min(q.packets.len());
                for slot in out.iter_mut().take(n) {
                    *slot = q.packets.pop_front().expect("length checked");
                }
                if !q.packets.is_empty() {
                    // More work remains: let another thread have it rather than waiting for the next post.
                    self.ready.notify_one();
                }
                drop(q);
                if !still_out {
                    self.went_out();
                }
                return Ok(n);
            }
            if self.closed.load(Ordering::Acquire) {
                if still_out {
                    self.came_back();
                }
                return Err(DequeueError::Closed);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                if still_out {
                    self.came_back();
                }
                return Err(DequeueError::TimedOut);
            }
            // Look for a driver to lead with the port's lock released: taking the lead takes the driver's own
            // lock (a request queue's), and threads that hold that lock post here (queue -> port); the port's
            // lock is never held while a driver's is taken. What can happen meanwhile is caught: a packet
            // posted or the port closed wakes the drivers, as `leaders` is raised under this lock (one posted
            // before was seen above), and the driver's waker keeps a wake given before `lead` starts; a
            // driver left without a leader (`promote`) is seen by the generation count, and the thread looks
            // again rather than sleep.
            let promotions = q.promotions;
            self.leaders.fetch_add(1, Ordering::AcqRel);
            drop(q);
            let got = self.lead_a_driver(deadline, still_out);
            self.leaders.fetch_sub(1, Ordering::AcqRel);
            match got {
                Some(Some(p)) => {
                    out[0] = p;
                    if !still_out {
                        self.went_out();
                    }
                    return Ok(1);
                }
                Some(None) => {
                    q = self.queue.lock();
                    continue;
                }
                None => q = self.queue.lock(),
            }
            if !q.packets.is_empty() || q.promotions != promotions || self.closed.load(Ordering::Acquire) {
                continue;
            }
            if std::mem::take(&mut still_out) {
                self.came_back();
            }
            self.waiting.fetch_add(1, Ordering::AcqRel);
            let timed_out = match deadline {
                None => {
                    self.ready.wait(&mut q);
                    false
                }
                Some(d) => self.ready.wait_until(&mut q, d).timed_out(),
            };
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            if timed_out && q.packets.is_empty() {
                return Err(DequeueError::TimedOut);
            }
        }
    }

    /// Packets waiting (for tests).
    pub fn pending(&self) -> usize {
        self.queue.lock().packets.len()
    }
}

/// `WINHTTPAPI_TEST_PAUSE_PORT_LEAD_US` (fault injection for c_tests/httpapi_port_ex.c, read once; off
/// unless set): microseconds between a port's thread taking a driver's lead and leading it, the window in
/// which a packet posted must still end the lead at once.
pub(crate) fn pause_after_take_lead() {
    static PAUSE: once_cell::sync::Lazy<Option<std::time::Duration>> = once_cell::sync::Lazy::new(|| {
        std::env::var("WINHTTPAPI_TEST_PAUSE_PORT_LEAD_US").ok()?.parse().ok().map(std::time::Duration::from_micros)
    });
    if let Some(d) = *PAUSE {
        std::thread::sleep(d);
    }
}

impl KernelObject for CompletionPort {
    fn kind(&self) -> &'static str {
        "completion port"
    }
    fn on_close(&self) {
        // Threads blocked in GetQueuedCompletionStatus on a closed port return ERROR_ABANDONED_WAIT_0.
        self.closed.store(true, Ordering::Release);
        let leading = {
            let _q = self.queue.lock();
            self.ready.notify_all();
            self.leaders.load(Ordering::Acquire) > 0
        };
        if leading {
            self.wake_drivers();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn packets_come_out_in_order_and_timeout_is_reported() {
        let p = Arc::new(CompletionPort::new());
        for i in 0..3 {
            p.post(Packet { bytes: i, key: 7, overlapped: 0, error: 0 });
        }
        for i in 0..3 {
            assert_eq!(p.dequeue(None).unwrap().bytes, i);
        }
        let d = Instant::now() + Duration::from_millis(20);
        assert_eq!(p.dequeue(Some(d)), Err(DequeueError::TimedOut));
        assert!(Instant::now() >= d);
    }

    #[test]
    fn many_posters_lose_nothing() {
        let p = Arc::new(CompletionPort::new());
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let p = p.clone();
                std::thread::spawn(move || {
                    for i in 0..1000 {
                        p.post(Packet { bytes: i, key: t, overlapped: 0, error: 0 });
                    }
                })
            })
            .collect();
        let mut seen = [0u32; 8];
        for _ in 0..8000 {
            let pk = p.dequeue(None).unwrap();
            assert_eq!(seen[pk.key], pk.bytes);
            seen[pk.key] += 1;
        }
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(p.pending(), 0);
    }
}
