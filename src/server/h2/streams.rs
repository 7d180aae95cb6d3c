//! The streams of one HTTP/2 connection, driven inside the connection's own task (not one runtime task
//! each): a stream that makes progress (a response from the engine, window from the client) wakes the
//! connection's task, which polls only the streams that were woken, then lets `h2` write what they
//! queued, so the responses that arrive together go out in one TLS write. No task is spawned a stream.
use parking_lot::Mutex;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

type Task<'a> = Pin<Box<dyn Future<Output = ()> + Send + 'a>>;

/// Which streams were woken, and the connection task to wake for them.
#[derive(Default)]
struct Woken {
    list: Mutex<Vec<usize>>,
    task: Mutex<Option<Waker>>,
}

/// One stream's waker: marks its slot and wakes the connection's task, once until the stream is polled
/// (a response wakes its stream twice or more: the pipe's data, the window, the application's last send).
struct Slot {
    at: usize,
    woken: Arc<Woken>,
    /// In the woken list, not polled since.
    listed: AtomicBool,
}

impl Wake for Slot {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        if self.listed.swap(true, Ordering::SeqCst) {
            return;
        }
        self.woken.list.lock().push(self.at);
        if let Some(w) = &*self.woken.task.lock() {
            w.wake_by_ref();
        }
    }
}

/// The live streams (a slab; a slot is reused once its stream ended).
pub struct Streams<'a> {
    slots: Vec<Option<(Task<'a>, Arc<Slot>, Waker)>>,
    free: Vec<usize>,
    woken: Arc<Woken>,
    live: usize,
}

impl<'a> Streams<'a> {
    pub fn new() -> Self {
        Streams { slots: Vec::new(), free: Vec::new(), woken: Default::default(), live: 0 }
    }

    /// Streams not ended yet.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Adds a stream; it is first polled by the next [`Self::drive`].
    pub fn push(&mut self, task: impl Future<Output = ()> + Send + 'a) {
        let at = self.free.pop().unwrap_or(self.slots.len());
        let slot = Arc::new(Slot { at, woken: self.woken.clone(), listed: AtomicBool::new(true) });
        let waker = Waker::from(slot.clone());
        if at == self.slots.len() {
            self.slots.push(None);
        }
        self.slots[at] = Some((Box::pin(task), slot, waker));
        self.live += 1;
        self.woken.list.lock().push(at);
    }

    /// Polls the woken streams once each. Never ready: the caller polls it beside the connection.
    pub async fn drive(&mut self) {
        std::future::poll_fn(|cx| self.poll_drive(cx)).await
    }

    fn poll_drive(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        {
            let mut task = self.woken.task.lock();
            if !task.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
                *task = Some(cx.waker().clone());
            }
        }
        let woken = std::mem::take(&mut *self.woken.list.lock());
        for at in woken {
            // A stale wake (the stream ended, its slot free or reused) polls nothing or polls early.
            let Some(Some((task, slot, waker))) = self.slots.get_mut(at) else { continue };
            // Wakes from now on list it again (before the poll: a wake during it is not lost).
            slot.listed.store(false, Ordering::SeqCst);
            let mut scx = Context::from_waker(waker);
            if task.as_mut().poll(&mut scx).is_ready() {
                self.slots[at] = None;
                self.free.push(at);
                self.live -= 1;
            }
        }
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn woken_streams_are_polled_and_ended_ones_freed() {
        let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        rt.block_on(async {
            let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let mut s = Streams::new();
            for i in 0..3u64 {
                let done = done.clone();
                s.push(async move {
                    tokio::time::sleep(std::time::Duration::from_millis(10 * i)).await;
                    done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                });
            }
            assert_eq!(s.len(), 3);
            let _ = tokio::time::timeout(std::time::Duration::from_millis(100), s.drive()).await;
            assert_eq!(done.load(std::sync::atomic::Ordering::SeqCst), 3);
            assert_eq!(s.len(), 0);
            s.push(async {});
            assert_eq!(s.slots.len(), 3);
        });
    }

    #[test]
    fn a_stream_woken_often_between_drives_is_polled_once() {
        let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
        rt.block_on(async {
            let polls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let waker: Arc<Mutex<Option<Waker>>> = Default::default();
            let mut s = Streams::new();
            let (p, w) = (polls.clone(), waker.clone());
            s.push(std::future::poll_fn(move |cx| {
                p.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                *w.lock() = Some(cx.waker().clone());
                Poll::<()>::Pending
            }));
            let once = std::time::Duration::from_millis(5);
            let _ = tokio::time::timeout(once, s.drive()).await;
            assert_eq!(polls.load(std::sync::atomic::Ordering::SeqCst), 1);
            // Three wakes (the pipe's data, the window, the last send): one poll.
            for _ in 0..3 {
                waker.lock().as_ref().unwrap().wake_by_ref();
            }
            assert_eq!(s.woken.list.lock().len(), 1);
            let _ = tokio::time::timeout(once, s.drive()).await;
            assert_eq!(polls.load(std::sync::atomic::Ordering::SeqCst), 2);
            // Woken again after that poll: polled again.
            waker.lock().as_ref().unwrap().wake_by_ref();
            let _ = tokio::time::timeout(once, s.drive()).await;
            assert_eq!(polls.load(std::sync::atomic::Ordering::SeqCst), 3);
        });
    }
}
