//! I/O completion ports (`CreateIoCompletionPort`, `GetQueuedCompletionStatus(Ex)`,
//! `PostQueuedCompletionStatus`): a packet queue that any number of threads drain.
use super::handle::KernelObject;
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};
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
    /// Takes the lead if nobody has it (false: led already, or closed).
    fn try_lead(&self) -> bool;
    /// Leads (the lead was taken with `try_lead`) until it has a packet for the caller (returned in place
    /// of being posted), it is woken (a packet was posted to the port), or `deadline` passes. Gives the
    /// lead up before returning.
    fn lead(&self, port: &CompletionPort, deadline: Option<Instant>) -> Option<Packet>;
    /// Wakes the thread leading it.
    fn wake(&self);
}

#[derive(Default)]
struct PortState {
    packets: VecDeque<Packet>,
    /// Drivers being led by a thread of this port (woken when a packet is posted and nobody waits).
    leading: Vec<Arc<dyn PortDriver>>,
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
    drivers: Mutex<Vec<Weak<dyn PortDriver>>>,
    /// Threads blocked in the condition wait.
    waiting: AtomicUsize,
    /// Threads that returned a packet and have not come back.
    active: AtomicUsize,
}

impl Default for CompletionPort {
    fn default() -> Self {
        Self::new()
    }
}

thread_local! {
    /// The port this thread last returned a packet from (it counts as out until it waits there again).
    static OUT_WITH: std::cell::RefCell<Option<Weak<CompletionPort>>> = const { std::cell::RefCell::new(None) };
}

impl CompletionPort {
    pub fn new() -> Self {
        CompletionPort {
            queue: Mutex::new(PortState::default()),
            ready: Condvar::new(),
            closed: AtomicBool::new(false),
            drivers: Mutex::new(Vec::new()),
            waiting: AtomicUsize::new(0),
            active: AtomicUsize::new(0),
        }
    }

    /// Queues a packet and wakes one waiting thread (or the one leading a driver, when none waits).
    pub fn post(&self, packet: Packet) {
        let leading = {
            let mut q = self.queue.lock();
            q.packets.push_back(packet);
            if self.waiting.load(Ordering::Acquire) > 0 {
                Vec::new()
            } else {
                q.leading.clone()
            }
        };
        self.ready.notify_one();
        for d in leading {
            d.wake();
        }
    }

    /// A bound object its waiting threads may drive.
    pub fn add_driver(&self, d: Weak<dyn PortDriver>) {
        let mut v = self.drivers.lock();
        v.retain(|w| w.strong_count() > 0);
        v.push(d);
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
        let _q = self.queue.lock();
        self.ready.notify_one();
    }

    /// Takes the oldest packet, waiting until `deadline` (None = forever).
    pub fn dequeue(self: &Arc<Self>, deadline: Option<Instant>) -> Result<Packet, DequeueError> {
        let mut out = [Packet { bytes: 0, key: 0, overlapped: 0, error: 0 }];
        self.dequeue_many(&mut out, deadline).map(|_| out[0])
    }

    fn came_back(&self) {
        if let Some(w) = OUT_WITH.with(|o| o.borrow_mut().take()) {
            if let Some(p) = w.upgrade() {
                let _ = p.active.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
            }
        }
    }

    fn went_out(self: &Arc<Self>) {
        self.active.fetch_add(1, Ordering::AcqRel);
        OUT_WITH.with(|o| *o.borrow_mut() = Some(Arc::downgrade(self)));
    }

    /// A driver nobody leads, now led by the caller.
    fn take_lead(&self) -> Option<Arc<dyn PortDriver>> {
        self.drivers.lock().iter().filter_map(Weak::upgrade).find(|d| d.try_lead())
    }

    /// Takes up to `out.len()` packets (at least one), waiting until `deadline` for the first; while no
    /// packet is there, the caller may lead a bound driver.
    pub fn dequeue_many(
        self: &Arc<Self>,
        out: &mut [Packet],
        deadline: Option<Instant>,
    ) -> Result<usize, DequeueError> {
        self.came_back();
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
                self.went_out();
                return Ok(n);
            }
            if self.closed.load(Ordering::Acquire) {
                return Err(DequeueError::Closed);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return Err(DequeueError::TimedOut);
            }
            if let Some(d) = self.take_lead() {
                q.leading.push(d.clone());
                drop(q);
                let got = d.lead(self, deadline);
                q = self.queue.lock();
                if let Some(i) = q.leading.iter().position(|x| Arc::ptr_eq(x, &d)) {
                    q.leading.swap_remove(i);
                }
                if let Some(p) = got {
                    out[0] = p;
                    drop(q);
                    self.went_out();
                    return Ok(1);
                }
                continue;
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

impl KernelObject for CompletionPort {
    fn kind(&self) -> &'static str {
        "completion port"
    }
    fn on_close(&self) {
        // Threads blocked in GetQueuedCompletionStatus on a closed port return ERROR_ABANDONED_WAIT_0.
        self.closed.store(true, Ordering::Release);
        let q = self.queue.lock();
        self.ready.notify_all();
        for d in &q.leading {
            d.wake();
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
