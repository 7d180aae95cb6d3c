//! Runs a request step to completion on the calling thread (the synchronous mode).
//!
//! Request steps are futures (so the asynchronous mode can drive the very same steps); in synchronous
//! mode their waits are blocking `poll(2)` calls on the caller's own thread, so a step normally
//! completes in its first poll. Should a step ever return `Pending`, this parks the thread until its
//! waker fires, like the wait on a private event of a Windows synchronous call.
use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::Thread;

struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

/// Drives `fut` to completion on this thread.
pub fn run<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
        std::thread::park();
    }
}
