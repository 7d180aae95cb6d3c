//! Client reactors: small tokio runtimes (`current_thread`: one epoll, one timer wheel, its own
//! tasks), each driven by whichever thread waits on it, so the thread that sees a socket become
//! ready is the thread that goes on with the request (DESIGN.md sections 5 and 9):
//!
//! - every callback thread owns one ([`crate::client::callback::pool`]): it drives it while it has
//!   no notification to deliver, runs the steps that complete there, and then delivers their
//!   notifications itself, outside the runtime (its core is free while a callback runs, so a
//!   callback that blocks is covered: the watchdog hands the reactor to a helper thread);
//! - a synchronous call borrows a spare one ([`with_spare`]) and waits in it on its own thread: the
//!   kernel wakes the caller itself when the socket is ready (no other thread in between).
//!
//! A connection is registered with one reactor at a time; a step that waits on another reactor
//! registers it there first ([`current_id`], `Conn::bind`). The shared runtime of `crate::runtime`
//! (WebSocket, and the rest of the library) counts as reactor 0.
//!
//! Operations: [`Reactor::new`], [`Reactor::block_on`], [`Reactor::enter`], [`with_spare`],
//! [`current_id`], [`block_on_here`], [`enter_shared`].
use parking_lot::Mutex;
use std::cell::Cell;
use std::future::Future;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::runtime::{Builder, Handle, Runtime};

/// One client reactor.
pub struct Reactor {
    rt: Runtime,
    id: u64,
    /// Steps started in it that have not ended (a step waiting for its first wake is no task yet).
    steps: AtomicUsize,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// The reactor whose context this thread polls futures in (0: the shared runtime, or none).
    static CURRENT: Cell<u64> = const { Cell::new(0) };
}

/// The reactor the future being polled on this thread waits in (0: the shared runtime).
pub fn current_id() -> u64 {
    CURRENT.with(|c| c.get())
}

/// Restores the thread's reactor mark when a poll scope ends (also on unwinding).
struct Mark(u64);

impl Mark {
    fn set(id: u64) -> Mark {
        Mark(CURRENT.with(|c| c.replace(id)))
    }
}

impl Drop for Mark {
    fn drop(&mut self) {
        CURRENT.with(|c| c.set(self.0));
    }
}

/// A first poll in a reactor's context on this thread (see [`Reactor::enter`]).
pub struct Entered<'a> {
    _rt: tokio::runtime::EnterGuard<'a>,
    _mark: Mark,
}

impl Reactor {
    pub fn new() -> Arc<Reactor> {
        let rt = Builder::new_current_thread()
            .enable_all()
            // Its blocking threads only resolve names (tokio::net::lookup_host).
            .thread_name("winhttp-resolve")
            .build()
            .expect("a client reactor must start");
        Arc::new(Reactor { rt, id: NEXT_ID.fetch_add(1, Ordering::Relaxed), steps: AtomicUsize::new(0) })
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    pub fn handle(&self) -> &Handle {
        self.rt.handle()
    }

    /// Runs `fut` to its end on this thread, driving the reactor meanwhile (its sockets, timers and
    /// tasks). Only one thread drives a reactor at a time; another one that calls this waits for
    /// it (or for its own future).
    pub fn block_on<F: Future>(&self, fut: F) -> F::Output {
        let _mark = Mark::set(self.id);
        self.rt.block_on(fut)
    }

    /// Enters the reactor's context for polling a future once on this thread (a step's first poll):
    /// what it waits for registers with this reactor.
    pub fn enter(&self) -> Entered<'_> {
        Entered { _rt: self.rt.handle().enter(), _mark: Mark::set(self.id) }
    }

    /// Nothing waits in it: no step started in it is pending and no task of it is alive (a reactor
    /// may be let go then).
    pub fn idle(&self) -> bool {
        self.steps.load(Ordering::Acquire) == 0 && self.rt.metrics().num_alive_tasks() == 0
    }

    /// Counts a step started in this reactor until the returned mark is dropped.
    pub fn count_step(self: &Arc<Self>) -> StepMark {
        self.steps.fetch_add(1, Ordering::AcqRel);
        StepMark(self.clone())
    }
}

/// A step counted by [`Reactor::count_step`].
pub struct StepMark(Arc<Reactor>);

impl Drop for StepMark {
    fn drop(&mut self) {
        self.0.steps.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Enters the shared runtime for a first poll (WebSocket operations).
pub fn enter_shared() -> Entered<'static> {
    Entered { _rt: crate::runtime::handle().enter(), _mark: Mark::set(0) }
}

/// Reactors not in use by a synchronous call: the last one given back is lent first, so a thread
/// that makes one call after another keeps its connections in the same reactor.
static SPARE: Mutex<Vec<Arc<Reactor>>> = Mutex::new(Vec::new());

/// Runs `f` with a reactor of its own for a synchronous call's waits (lent until it returns).
pub fn with_spare<R>(f: impl FnOnce(&Reactor) -> R) -> R {
    let r = SPARE.lock().pop().unwrap_or_else(Reactor::new);
    /// Gives the reactor back however `f` ends.
    struct Lent(Option<Arc<Reactor>>);
    impl Drop for Lent {
        fn drop(&mut self) {
            if let Some(r) = self.0.take() {
                SPARE.lock().push(r);
            }
        }
    }
    let lent = Lent(Some(r));
    f(lent.0.as_ref().expect("lent"))
}

/// Waits for `fut` in `reactor` on this thread. On a thread of the shared multi-thread runtime
/// (not where client calls are made, but the library has other users of it) the thread first hands
/// its runtime duties over (`block_in_place`), so nothing else waits behind this call.
pub fn block_on_here<F: Future>(reactor: &Reactor, fut: F) -> F::Output {
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(|| reactor.block_on(fut))
        }
        _ => reactor.block_on(fut),
    }
}
