//! I/O completion ports (`CreateIoCompletionPort`, `GetQueuedCompletionStatus(Ex)`,
//! `PostQueuedCompletionStatus`): a packet queue that any number of threads drain.
use super::handle::KernelObject;
use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
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

/// A completion port. Operations: `post`, `dequeue`, `dequeue_many`; objects bound to it by
/// `CreateIoCompletionPort` post here through their [`super::overlapped::IoBinding`].
pub struct CompletionPort {
    queue: Mutex<VecDeque<Packet>>,
    ready: Condvar,
    closed: AtomicBool,
}

impl Default for CompletionPort {
    fn default() -> Self {
        Self::new()
    }
}

impl CompletionPort {
    pub fn new() -> Self {
        CompletionPort { queue: Mutex::new(VecDeque::new()), ready: Condvar::new(), closed: AtomicBool::new(false) }
    }

    /// Queues a packet and wakes one waiting thread.
    pub fn post(&self, packet: Packet) {
        self.queue.lock().push_back(packet);
        self.ready.notify_one();
    }

    /// Takes the oldest packet, waiting until `deadline` (None = forever).
    pub fn dequeue(&self, deadline: Option<Instant>) -> Result<Packet, DequeueError> {
        let mut out = [Packet { bytes: 0, key: 0, overlapped: 0, error: 0 }];
        self.dequeue_many(&mut out, deadline).map(|_| out[0])
    }

    /// Takes up to `out.len()` packets (at least one), waiting until `deadline` for the first.
    pub fn dequeue_many(&self, out: &mut [Packet], deadline: Option<Instant>) -> Result<usize, DequeueError> {
        let mut q = self.queue.lock();
        loop {
            if !q.is_empty() {
                let n = out.len().min(q.len());
                for slot in out.iter_mut().take(n) {
                    *slot = q.pop_front().expect("length checked");
                }
                if !q.is_empty() {
                    // More work remains: let another thread have it rather than waiting for the next post.
                    self.ready.notify_one();
                }
                return Ok(n);
            }
            if self.closed.load(Ordering::Acquire) {
                return Err(DequeueError::Closed);
            }
            match deadline {
                None => self.ready.wait(&mut q),
                Some(d) => {
                    if Instant::now() >= d || self.ready.wait_until(&mut q, d).timed_out() && q.is_empty() {
                        return Err(DequeueError::TimedOut);
                    }
                }
            }
        }
    }

    /// Packets waiting (for tests).
    pub fn pending(&self) -> usize {
        self.queue.lock().len()
    }
}

impl KernelObject for CompletionPort {
    fn kind(&self) -> &'static str {
        "completion port"
    }
    fn on_close(&self) {
        // Threads blocked in GetQueuedCompletionStatus on a closed port return ERROR_ABANDONED_WAIT_0.
        self.closed.store(true, Ordering::Release);
        let _q = self.queue.lock();
        self.ready.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn packets_come_out_in_order_and_timeout_is_reported() {
        let p = CompletionPort::new();
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
