//! Threads (`CreateThread`, `ExitThread`, `GetExitCodeThread`, `ResumeThread`): a real OS thread per
//! Windows thread, with a kernel object that is signaled when the thread ends (so its handle is
//! waitable, as on Windows) and holds the exit code (`STILL_ACTIVE` = 259 until then).
use super::error::*;
use super::handle::KernelObject;
use super::wait::Waitable;
use crate::win32::abi::STILL_ACTIVE;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// A thread object.
pub struct Thread {
    /// Signaled (manual-reset) once the thread has ended.
    pub ended: Waitable,
    exit_code: AtomicU32,
    /// The kernel thread id (`gettid`), what `GetCurrentThreadId` returns on that thread.
    pub id: u32,
    /// Set by `ResumeThread` for a thread created suspended.
    start_gate: Waitable,
    suspend_count: parking_lot::Mutex<u32>,
}

impl Thread {
    /// The exit code, or `STILL_ACTIVE` while it runs.
    pub fn exit_code(&self) -> u32 {
        self.exit_code.load(Ordering::Acquire)
    }

    fn finish(&self, code: u32) {
        self.exit_code.store(code, Ordering::Release);
        self.ended.set();
    }

    /// `ResumeThread`: decrements the suspend count and starts the thread when it reaches zero;
    /// returns the previous count.
    pub fn resume(&self) -> u32 {
        let mut n = self.suspend_count.lock();
        let prev = *n;
        if *n > 0 {
            *n -= 1;
            if *n == 0 {
                self.start_gate.set();
            }
        }
        prev
    }
}

impl KernelObject for Thread {
    fn kind(&self) -> &'static str {
        "thread"
    }
    fn waitable(&self) -> Option<&Waitable> {
        Some(&self.ended)
    }
}

/// The payload `ExitThread` unwinds with, caught at the bottom of the thread's stack.
pub struct ExitThreadPayload(pub u32);

thread_local! {
    static CURRENT: RefCell<Option<Arc<Thread>>> = const { RefCell::new(None) };
}

/// The calling thread's id: the kernel's thread id, unique system-wide while the thread lives.
pub fn current_thread_id() -> u32 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() as u32 }
}

/// The calling thread's id of the process.
pub fn current_process_id() -> u32 {
    std::process::id()
}

/// Whether the calling thread was started by [`spawn`] (so `ExitThread` can unwind to its bottom).
pub fn is_spawned_thread() -> bool {
    CURRENT.with(|c| c.borrow().is_some())
}

/// Starts `body` on a new thread. `body` returns the thread's exit code; an `ExitThread` unwind
/// ([`ExitThreadPayload`]) ends it early with its code. Returns the thread object once the new thread
/// knows its id (Windows fills `lpThreadId` before `CreateThread` returns).
pub fn spawn(stack_size: usize, suspended: bool, body: Box<dyn FnOnce() -> u32 + Send>) -> WinResult<Arc<Thread>> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Arc<Thread>>(1);
    let mut builder = std::thread::Builder::new();
    if stack_size != 0 {
        // Windows rounds the stack up to its allocation granularity; keep a floor that Rust code needs.
        builder = builder.stack_size(stack_size.max(256 * 1024));
    }
    let suspended_count = if suspended { 1 } else { 0 };
    builder
        .spawn(move || {
            let me = Arc::new(Thread {
                ended: Waitable::new(true, false),
                exit_code: AtomicU32::new(STILL_ACTIVE),
                id: current_thread_id(),
                start_gate: Waitable::new(true, !suspended),
                suspend_count: parking_lot::Mutex::new(suspended_count),
            });
            CURRENT.with(|c| *c.borrow_mut() = Some(me.clone()));
            if tx.send(me.clone()).is_err() {
                return;
            }
            drop(tx);
            super::wait::wait_any(&[&me.start_gate], None);
            let code = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
                Ok(code) => code,
                Err(payload) => match payload.downcast::<ExitThreadPayload>() {
                    Ok(exit) => exit.0,
                    Err(_) => {
                        tracing::error!(target: "winhttpapi::win32", "thread {} ended by a panic", me.id);
                        ERROR_INTERNAL_ERROR.0
                    }
                },
            };
            me.finish(code);
            CURRENT.with(|c| *c.borrow_mut() = None);
        })
        .map_err(|_| ERROR_NOT_ENOUGH_MEMORY)?;
    rx.recv().map_err(|_| ERROR_INTERNAL_ERROR)
}

/// The thread object of the calling thread, if [`spawn`] started it.
pub fn current() -> Option<Arc<Thread>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// Signals an adopted thread's object when the thread ends (its thread-local storage is destroyed).
struct Adopted(Arc<Thread>);

impl Drop for Adopted {
    fn drop(&mut self) {
        self.0.finish(0);
    }
}

thread_local! {
    static ADOPTED: RefCell<Option<Adopted>> = const { RefCell::new(None) };
}

/// The thread object of the calling thread, made on first use for a thread the library did not start
/// (the main thread, a `pthread_create` thread): what `DuplicateHandle(GetCurrentThread())` turns into a
/// real handle. An adopted thread's object is signaled when the thread ends (exit code 0); the main
/// thread's never is, since its end is the process's.
pub fn current_object() -> Arc<Thread> {
    if let Some(t) = current() {
        return t;
    }
    ADOPTED.with(|a| {
        a.borrow_mut()
            .get_or_insert_with(|| {
                Adopted(Arc::new(Thread {
                    ended: Waitable::new(true, false),
                    exit_code: AtomicU32::new(STILL_ACTIVE),
                    id: current_thread_id(),
                    start_gate: Waitable::new(true, true),
                    suspend_count: parking_lot::Mutex::new(0),
                }))
            })
            .0
            .clone()
    })
}

/// Ends the calling thread with `code` (`ExitThread`). A thread [`spawn`] started unwinds to its
/// bottom, where the code is recorded and the handle signaled; any other thread (the main thread, a
/// thread the program made with `pthread_create`) ends through `pthread_exit`, as Windows ends it.
pub fn exit_current(code: u32) -> std::convert::Infallible {
    if is_spawned_thread() {
        std::panic::resume_unwind(Box::new(ExitThreadPayload(code)));
    }
    // SAFETY: pthread_exit ends the calling thread; it unwinds through `extern "C-unwind"` frames only.
    unsafe { libc::pthread_exit(std::ptr::null_mut()) }
}
