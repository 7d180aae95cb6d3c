//! Request queues: the handle an application receives requests from (`HttpCreateHttpHandle` for v1,
//! `HttpCreateRequestQueue` for v2). A queue is a kernel object in the one handle table, with an
//! [`IoBinding`] so `CreateIoCompletionPort(queue, ...)` works, and `cancel_io` for `CancelIoEx`.
//!
//! The hot path is in [`super::lead`]: the threads receiving from the queue read its connections
//! themselves. A request parsed elsewhere (the runtime, a pipelined request found after a response) is
//! handed over with [`RequestQueue::deliver`]: copied into a pending overlapped receive, or left in
//! `ready` for the next receiver, waking a waiting thread.
//!
//! Operations: [`RequestQueue::receive`], [`RequestQueue::find`] (for sends and body reads by id),
//! [`RequestQueue::cancel_request`], [`RequestQueue::shutdown`], [`RequestQueue::close`], the v1
//! prefixes ([`RequestQueue::add_url`], [`RequestQueue::remove_url`]), and the enabled state.
//! Limits: [`RequestQueue::is_full`] (`HttpServerQueueLengthProperty`), [`RequestQueue::take_back`]
//! (the `RequestQueue` timer), and `HttpWaitForDisconnect` ([`RequestQueue::wait_for_disconnect`]),
//! whose waits belong to the queue handle: `CancelIoEx` and closing or shutting the queue down end
//! them with `ERROR_OPERATION_ABORTED`.
use super::completion::{self, Completion, Start};
use super::connection::{self, ClientConnection};
use super::fill;
use super::lead::{After, QueueDriver, QueueSet};
use super::notify_hook;
use super::request::{Request, NEEDS_RERECEIVE, NOT_RECEIVED, RECEIVED};
use super::router::{self, Registration, Target};
use super::url::parse_prefix;
use crate::notify::abi::*;
use crate::win32::error::*;
use crate::win32::handle::KernelObject;
use crate::win32::overlapped::CallerBuf;
use crate::win32::overlapped::{IoBinding, OverlappedPtr};
use parking_lot::{Condvar, Mutex};
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

/// A pending overlapped `HttpReceiveHttpRequest`: only the caller's `OVERLAPPED`, no reference to the
/// queue (the queue whose list holds it is the one that completes it, [`RequestQueue::fire_receive`]).
pub(super) struct PendingReceive {
    buf: CallerBuf,
    flags: u32,
    wide16: bool,
    ov: OverlappedPtr,
}

/// The requests parsed and routed to a queue, not yet received, in order. Its length is mirrored in an
/// atomic the queue reads without its lock ([`RequestQueue::is_full`], asked by routing for every
/// request): every change goes through these methods, under the queue's lock.
pub(super) struct Ready<T = Arc<Request>> {
    list: VecDeque<T>,
    len: Arc<AtomicUsize>,
}

impl<T> Default for Ready<T> {
    fn default() -> Self {
        Ready::new(Arc::default())
    }
}

impl<T> Ready<T> {
    fn new(len: Arc<AtomicUsize>) -> Self {
        Ready { list: VecDeque::new(), len }
    }
    fn mirror(&self) {
        self.len.store(self.list.len(), Ordering::Relaxed);
    }
    pub(super) fn push_back(&mut self, r: T) {
        self.list.push_back(r);
        self.mirror();
    }
    pub(super) fn pop_front(&mut self) -> Option<T> {
        let r = self.list.pop_front()?;
        self.mirror();
        Some(r)
    }
    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
    /// Removes the first entry `is` picks; whether there was one.
    fn remove_first(&mut self, is: impl FnMut(&T) -> bool) -> bool {
        let Some(i) = self.list.iter().position(is) else { return false };
        self.list.remove(i);
        self.mirror();
        true
    }
    /// Takes every request out.
    fn take_all(&mut self) -> Vec<T> {
        let all = self.list.drain(..).collect();
        self.mirror();
        all
    }
}

#[derive(Default)]
pub(super) struct QueueState {
    /// Requests parsed and routed here, not yet received.
    pub(super) ready: Ready,
    pub(super) receivers: VecDeque<PendingReceive>,
    /// Every request handed to this queue and not yet answered, by id.
    pub(super) active: super::ids::IdMap<Arc<Request>>,
    pub(super) closed: bool,
    pub(super) shut_down: bool,
    v1_regs: Vec<Arc<Registration>>,
    /// Connections with an `HttpWaitForDisconnect` of this queue pending.
    wait_conns: Vec<Weak<dyn ClientConnection>>,
    /// The pending `HttpWaitForDemandStart` (one at a time).
    pub(super) demand: Option<Completion>,
    /// Leader/followers ([`super::lead`]): a thread leads the queue's epoll set.
    pub(super) leader: bool,
    /// Threads in a synchronous receive waiting for a request or the lead.
    pub(super) followers: usize,
    /// The runtime watches the set (no thread leads it).
    pub(super) runtime_armed: bool,
    /// Counts the times a thread took the lead (the watchdog sees whether anyone did).
    pub(super) lead_gen: u64,
    pub(super) watch_seen: u64,
    /// The `lead_gen` whose vacancy was last left to the watchdog or the runtime ([`RequestQueue::vacant`]):
    /// while nobody took the lead since and the set is still watched, that decision stands.
    pub(super) watched_gen: Option<u64>,
}

pub struct RequestQueue {
    pub binding: IoBinding,
    /// Created by `HttpCreateRequestQueue` (requests are `HTTP_REQUEST_V2`).
    pub v2: bool,
    pub name: Option<String>,
    /// A controller handle cannot do I/O (`HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER`).
    pub controller: bool,
    enabled: AtomicBool,
    /// Shut down or closed (`st.shut_down || st.closed`, set under `st`): read by routing without the lock
    /// (whoever takes the request rechecks under it).
    ended: AtomicBool,
    pub queue_length: AtomicU32,
    pub verbosity: AtomicU32,
    /// Open handles to this queue (named queues can be opened again).
    handles: AtomicUsize,
    pub(super) st: Mutex<QueueState>,
    /// Followers wait here (under `st`).
    pub(super) cv: Condvar,
    /// The epoll set of the connections whose last request came here.
    set: Arc<QueueSet>,
    /// What the threads of a completion port the queue is bound to drive.
    _driver: Arc<QueueDriver>,
    /// Threads out with a request of this queue (not back in a receive yet; a synchronous receiver back
    /// from its last request counts until it waits as a follower: see `receive_sync`).
    pub(super) active_out: AtomicUsize,
    /// `st.ready`'s length (see [`Ready`]).
    ready_len: Arc<AtomicUsize>,
    me: Weak<RequestQueue>,
}

/// http.sys's default `HttpServerQueueLengthProperty`.
pub const DEFAULT_QUEUE_LENGTH: u32 = 1000;

static NAMED: once_cell::sync::Lazy<Mutex<HashMap<String, Weak<RequestQueue>>>> =
    once_cell::sync::Lazy::new(Default::default);

impl RequestQueue {
    pub fn new(v2: bool, name: Option<String>, controller: bool) -> Arc<Self> {
        let q = Arc::new_cyclic(|me: &Weak<RequestQueue>| {
            let driver = Arc::new(QueueDriver(me.clone()));
            let weak_driver: Weak<dyn crate::win32::iocp::PortDriver> = Arc::downgrade(&driver) as _;
            let ready_len = Arc::new(AtomicUsize::new(0));
            RequestQueue {
                binding: IoBinding::with_driver(weak_driver),
                v2,
                name,
                controller,
                enabled: AtomicBool::new(true),
                ended: AtomicBool::new(false),
                queue_length: AtomicU32::new(DEFAULT_QUEUE_LENGTH),
                verbosity: AtomicU32::new(0),
                handles: AtomicUsize::new(1),
                // No thread leads the new set: the runtime watches it until one does.
                st: Mutex::new(QueueState {
                    runtime_armed: true,
                    ready: Ready::new(ready_len.clone()),
                    ..Default::default()
                }),
                cv: Condvar::new(),
                set: QueueSet::new(me.clone()).expect("an epoll set for the queue"),
                _driver: driver,
                active_out: AtomicUsize::new(0),
                ready_len,
                me: me.clone(),
            }
        });
        notify_hook::queue(&q, HTTP_NOTIFY_QUEUE_CREATED);
        q
    }

    /// `HttpCreateRequestQueue` with a name: a new named queue, or (`open_existing`) the live one.
    pub fn create_named(name: &str, open_existing: bool, controller: bool) -> WinResult<Arc<Self>> {
        let mut named = NAMED.lock();
        named.retain(|_, w| w.upgrade().is_some_and(|q| !q.st.lock().closed));
        if let Some(q) = named.get(name).and_then(|w| w.upgrade()) {
            if open_existing {
                q.handles.fetch_add(1, Ordering::AcqRel);
                return Ok(q);
            }
            return Err(ERROR_ALREADY_EXISTS);
        }
        if open_existing {
            return Err(ERROR_FILE_NOT_FOUND);
        }
        let q = RequestQueue::new(true, Some(name.to_string()), controller);
        named.insert(name.to_string(), Arc::downgrade(&q));
        Ok(q)
    }

    /// Whether routing may hand requests to this queue now.
    pub fn accepting(&self) -> bool {
        self.enabled.load(Ordering::Acquire) && !self.ended.load(Ordering::Acquire)
    }

    pub fn set_enabled(&self, on: bool) {
        if self.enabled.swap(on, Ordering::AcqRel) != on {
            notify_hook::queue(self, HTTP_NOTIFY_QUEUE_STATE_CHANGED);
        }
    }
    pub fn enabled(&self) -> bool {
        self.enabled.load(Ordering::Acquire)
    }

    /// The epoll set of the connections whose last request came here.
    pub fn set(&self) -> &Arc<QueueSet> {
        &self.set
    }

    /// An identity for this queue (disconnect waits remember which queue they belong to).
    pub fn key(&self) -> usize {
        self as *const Self as usize
    }

    /// Whether as many requests wait for the application as `HttpServerQueueLengthProperty` allows (no
    /// lock: the count as last changed; the request routed next is admitted under the lock anyway).
    pub fn is_full(&self) -> bool {
        self.ready_len.load(Ordering::Relaxed) >= self.queue_length.load(Ordering::Acquire) as usize
    }

    /// The `RequestQueue` timer: takes back a request the application has not received. False when
    /// the application took it meanwhile.
    pub fn take_back(&self, id: u64) -> bool {
        let mut st = self.st.lock();
        if !st.ready.remove_first(|r| r.id == id) {
            return false;
        }
        st.active.remove(&id);
        true
    }

    /// `HttpWaitForDisconnect(Ex)`: completes when connection `id` ends (at once when it already has).
    /// An id no request of this queue carried: `ERROR_INVALID_PARAMETER`.
    pub fn wait_for_disconnect(self: &Arc<Self>, id: u64, ov: Option<OverlappedPtr>) -> (Win32Error, u32) {
        if self.controller {
            return (ERROR_INVALID_PARAMETER, 0);
        }
        let conn = match connection::lookup(id) {
            connection::Lookup::Unknown => return (ERROR_INVALID_PARAMETER, 0),
            connection::Lookup::Gone => return self.run(ov, |_| Start::Done(ERROR_SUCCESS, 0, true)),
            connection::Lookup::Live(c) => c,
        };
        let key = self.key();
        self.run(ov, |c| {
            {
                // Registered first, so a close or CancelIoEx from now on finds the wait.
                let mut st = self.st.lock();
                if st.closed {
                    return Start::Done(ERROR_OPERATION_ABORTED, 0, false);
                }
                st.wait_conns.retain(|w| w.strong_count() > 0);
                if !st.wait_conns.iter().any(|w| std::ptr::addr_eq(w.as_ptr(), Arc::as_ptr(&conn))) {
                    st.wait_conns.push(Arc::downgrade(&conn));
                }
            }
            conn.add_disconnect_waiter(key, c)
        })
    }

    /// Ends this queue's disconnect waits matching `ov` (0: all) with `ERROR_OPERATION_ABORTED`.
    fn cancel_disconnect_waits(&self, ov: usize) -> bool {
        let conns: Vec<Arc<dyn ClientConnection>> =
            self.st.lock().wait_conns.iter().filter_map(|w| w.upgrade()).collect();
        let mut any = false;
        for c in conns {
            any |= c.cancel_disconnect_waiters(self.key(), ov);
        }
        any
    }

    /// A request routed here by another thread than one of this queue's receivers (the runtime, a
    /// leader of another queue, a pipelined request found after a response): into a pending overlapped
    /// receive, or into `ready` with a waiting thread woken.
    pub fn deliver(&self, req: Arc<Request>) {
        super::reactor::stats::bump(&super::reactor::stats::DELIVERED);
        super::failpoint::pause_before_deliver();
        let mut st = self.st.lock();
        if st.closed || st.shut_down {
            drop(st);
            req.conn.abort();
            return;
        }
        if !Self::admit(&mut st, &req) {
            return;
        }
        let demand = st.demand.take();
        let mut after = After::Nothing;
        // The notification goes out with no queue lock held: a notification port's completion takes the
        // lock of a completion port whose waiting threads take queue locks (DESIGN section 1 lets one
        // port carry both).
        match st.receivers.pop_front() {
            Some(p) => {
                drop(st);
                notify_hook::received(self, &req);
                self.complete_receive(p, &req);
            }
            None => {
                st.ready.push_back(req.clone());
                if st.followers > 0 {
                    self.cv.notify_one();
                } else if st.leader {
                    self.set.wake();
                } else if let Some(p) = self.binding.port().filter(|p| p.waiting() > 0) {
                    after = After::PromotePort(p.clone());
                }
                drop(st);
                notify_hook::received(self, &req);
            }
        }
        after.run();
        if let Some(d) = demand {
            d.fire(ERROR_SUCCESS, 0, false);
        }
    }

    /// Makes `req` one of this queue's requests, found by id from now on (queue lock held), unless its
    /// connection ended since it routed the request: the connection's end forgets only the requests a
    /// queue holds, so one admitted after it would never be forgotten, and would keep the connection
    /// (its descriptor) for as long as the queue lives. Such a request is dropped: nobody can answer it.
    /// The connection marks itself closed before it asks its queue to forget, so under this lock either
    /// the mark is seen here or the forget comes after the insertion.
    pub(super) fn admit(st: &mut QueueState, req: &Arc<Request>) -> bool {
        if req.conn.is_closed() {
            return false;
        }
        st.active.insert(req.id, req.clone());
        true
    }

    /// `HttpWaitForDemandStart`: completes when a request arrives (at once when one is already waiting
    /// to be received). Only the controller may wait (`ERROR_INVALID_ID_AUTHORITY`); one wait at a time
    /// (`ERROR_ALREADY_EXISTS`); a queue shut down or closed: `ERROR_INVALID_HANDLE`. `CancelIoEx`, the
    /// shutdown or the close end a pending wait with `ERROR_OPERATION_ABORTED`.
    pub fn wait_for_demand_start(self: &Arc<Self>, ov: Option<OverlappedPtr>) -> (Win32Error, u32) {
        if !self.controller {
            return (ERROR_INVALID_ID_AUTHORITY, 0);
        }
        self.run(ov, |c| {
            let mut st = self.st.lock();
            if st.closed || st.shut_down {
                return Start::Done(ERROR_INVALID_HANDLE, 0, false);
            }
            if st.demand.is_some() {
                return Start::Done(ERROR_ALREADY_EXISTS, 0, false);
            }
            if !st.ready.is_empty() {
                return Start::Done(ERROR_SUCCESS, 0, true);
            }
            st.demand = Some(c);
            Start::Pending
        })
    }

    /// `HttpDelegateRequestEx`: hands a received request, and the connection it came on, to `target`,
    /// where the application receives it again as a new arrival (same id, head and body still unread).
    /// Unknown id or one already answered in part: `ERROR_CONNECTION_INVALID`.
    pub fn delegate(&self, id: u64, target: &Arc<RequestQueue>) -> WinResult<()> {
        if self.controller || target.controller {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // The connection's lock is never taken under the queue's (connections call into queues while
        // holding theirs): look, check the connection, then take the request if it is still here.
        let req = self.st.lock().active.get(&id).cloned().ok_or(ERROR_CONNECTION_INVALID)?;
        if req.state.load(Ordering::Acquire) != RECEIVED || req.conn.is_closed() || req.conn.response_started(&req) {
            return Err(ERROR_CONNECTION_INVALID);
        }
        if self.st.lock().active.remove(&id).is_none() {
            return Err(ERROR_CONNECTION_INVALID);
        }
        req.state.store(NOT_RECEIVED, Ordering::Release);
        req.conn.rebind_queue(target);
        target.deliver(req);
        Ok(())
    }

    fn complete_receive(&self, mut p: PendingReceive, req: &Arc<Request>) {
        let (e, n) = self.copy_out(req, &mut p.buf, p.flags, p.wide16);
        self.fire_receive(p.ov, e, n, false);
    }

    /// Reports the end of one of this queue's overlapped receives (`inline`: the export returns this
    /// result itself, see [`Completion::fire`]).
    fn fire_receive(&self, ov: OverlappedPtr, e: Win32Error, n: u32, inline: bool) {
        // SAFETY: the caller keeps its OVERLAPPED valid until the operation completes (the contract of
        // every overlapped http.sys call); this is that completion.
        unsafe { crate::win32::overlapped::complete(Some(&self.binding), ov, e, n as usize, inline) }
    }

    /// Completes a pending receive with `req` for a thread waiting on `port`: its packet is returned
    /// instead of posted when it would go to that port.
    pub(super) fn complete_receive_to(
        &self,
        mut p: PendingReceive,
        req: &Arc<Request>,
        port: &crate::win32::iocp::CompletionPort,
    ) -> Option<crate::win32::iocp::Packet> {
        let (e, n) = self.copy_out(req, &mut p.buf, p.flags, p.wide16);
        // SAFETY: the caller keeps its OVERLAPPED valid until the operation completes; this is that
        // completion.
        unsafe { crate::win32::overlapped::complete_to(Some(&self.binding), p.ov, e, n as usize, port) }
    }

    /// Copies a request into a caller's buffer; sets its state. Returns the code and byte count
    /// (the size needed, with `ERROR_MORE_DATA`).
    pub(super) fn copy_out(
        &self,
        req: &Arc<Request>,
        buf: &mut CallerBuf,
        flags: u32,
        wide16: bool,
    ) -> (Win32Error, u32) {
        let r = if wide16 {
            fill::fill_request::<u16>(req, buf, flags, self.v2)
        } else {
            fill::fill_request::<u32>(req, buf, flags, self.v2)
        };
        match r {
            Ok(n) => {
                req.state.store(RECEIVED, Ordering::Release);
                (ERROR_SUCCESS, n)
            }
            Err(needed) => {
                req.state.store(NEEDS_RERECEIVE, Ordering::Release);
                (ERROR_MORE_DATA, needed)
            }
        }
    }

    fn check_io(&self) -> WinResult<()> {
        if self.controller {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok(())
    }

    /// `HttpReceiveHttpRequest`. `id` = 0 takes the next request; otherwise the one that got
    /// `ERROR_MORE_DATA` is received again.
    pub fn receive(
        self: &Arc<Self>,
        id: u64,
        flags: u32,
        mut buf: CallerBuf,
        wide16: bool,
        ov: Option<OverlappedPtr>,
    ) -> (Win32Error, u32) {
        if let Err(e) = self.check_io() {
            return (e, 0);
        }
        let min = if self.v2 { fill::REQUEST_V2_SIZE } else { fill::REQUEST_V1_SIZE };
        if buf.len() < min {
            return (ERROR_INSUFFICIENT_BUFFER, 0);
        }
        if buf.addr() % 8 != 0 {
            return (ERROR_NOACCESS, 0);
        }
        let me = self;
        if id != 0 {
            let req = self.st.lock().active.get(&id).cloned();
            let req = match req {
                Some(r) if r.state.load(Ordering::Acquire) == NEEDS_RERECEIVE && !r.conn.is_closed() => r,
                _ => return (ERROR_CONNECTION_INVALID, 0),
            };
            return completion::run(me, ov, |_c| {
                let (e, n) = self.copy_out(&req, &mut buf, flags, wide16);
                Start::Done(e, n, true)
            });
        }
        let Some(ov) = ov else {
            return me.receive_sync(flags, buf, wide16);
        };
        // `completion::run`'s overlapped path, without its `Completion` (which holds the queue: a count up
        // and down per receive): the pending receive keeps only the OVERLAPPED.
        // SAFETY: the caller's OVERLAPPED, valid until the operation completes (this export's contract).
        unsafe { ov.mark_pending() };
        let mut st = self.st.lock();
        if st.closed || st.shut_down {
            return (ERROR_OPERATION_ABORTED, 0);
        }
        match st.ready.pop_front() {
            Some(req) => {
                drop(st);
                let (e, n) = self.copy_out(&req, &mut buf, flags, wide16);
                // Reported through the OVERLAPPED too (http.sys posts even when the call returns at once).
                self.fire_receive(ov, e, n, true);
                (e, n)
            }
            None => {
                st.receivers.push_back(PendingReceive { buf, flags, wide16, ov });
                // Someone must read the set for it: a thread of the port, or the runtime.
                // (once per request: the thread that left the lead with the last request decided it already)
                let after = if st.leader || self.still_watched(&st) { After::Nothing } else { self.vacant(&mut st, 0) };
                drop(st);
                after.run();
                (ERROR_IO_PENDING, 0)
            }
        }
    }

    /// The request `id` after the application received it (for sends and body reads).
    pub fn find(&self, id: u64) -> WinResult<Arc<Request>> {
        if self.controller {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let st = self.st.lock();
        match st.active.get(&id) {
            Some(r) if r.state.load(Ordering::Acquire) != NOT_RECEIVED => Ok(r.clone()),
            _ => Err(ERROR_CONNECTION_INVALID),
        }
    }

    /// A request is answered or its connection is gone.
    pub fn forget(&self, id: u64) {
        let mut st = self.st.lock();
        if let Some(r) = st.active.remove(&id) {
            if r.state.load(Ordering::Acquire) == NOT_RECEIVED {
                st.ready.remove_first(|r| r.id == id);
            }
        }
    }

    /// `HttpCancelHttpRequest`: the request's pending operations end with `ERROR_OPERATION_ABORTED` and
    /// its connection is closed.
    pub fn cancel_request(&self, id: u64) -> WinResult<()> {
        let req = {
            let mut st = self.st.lock();
            let r = st.active.remove(&id).ok_or(ERROR_CONNECTION_INVALID)?;
            st.ready.remove_first(|r| r.id == id);
            r
        };
        req.conn.abort();
        Ok(())
    }

    /// Runs `start` as an operation of this queue (sync, event or port completion).
    pub fn run(
        self: &Arc<Self>,
        ov: Option<OverlappedPtr>,
        start: impl FnOnce(Completion) -> Start,
    ) -> (Win32Error, u32) {
        completion::run(self, ov, start)
    }

    fn take_receivers(st: &mut QueueState, ov: usize) -> Vec<PendingReceive> {
        let mut out = Vec::new();
        let mut keep = VecDeque::new();
        for p in st.receivers.drain(..) {
            if ov == 0 || p.ov.0 == ov {
                out.push(p);
            } else {
                keep.push_back(p);
            }
        }
        st.receivers = keep;
        out
    }

    /// `HttpShutdownRequestQueue`: no more requests; waiting receives and queued requests are
    /// cancelled; responses in flight finish normally.
    pub fn shutdown(&self) {
        let (receivers, dropped, demand) = {
            let mut st = self.st.lock();
            st.shut_down = true;
            self.ended.store(true, Ordering::Release);
            self.cv.notify_all();
            self.set.wake();
            let r = Self::take_receivers(&mut st, 0);
            let d = st.ready.take_all();
            for x in &d {
                st.active.remove(&x.id);
            }
            (r, d, st.demand.take())
        };
        // Fired with no lock held: a completion may post to a port whose waiting threads take queue locks.
        if let Some(w) = demand {
            w.fire(ERROR_OPERATION_ABORTED, 0, false);
        }
        notify_hook::queue(self, HTTP_NOTIFY_QUEUE_SHUT_DOWN);
        // The waits belong to this handle: they end as cancelled, before the aborts below end the
        // connections (which would complete them as disconnects).
        self.cancel_disconnect_waits(0);
        for p in receivers {
            self.fire_receive(p.ov, ERROR_OPERATION_ABORTED, 0, false);
        }
        for r in dropped {
            r.conn.abort();
        }
    }

    /// The last handle closed (`CloseHandle`, `HttpCloseRequestQueue`): everything pending is cancelled,
    /// open requests are aborted, v1 prefixes are removed.
    pub fn close(&self) {
        let (receivers, requests, regs, demand) = {
            let mut st = self.st.lock();
            if st.closed {
                return;
            }
            st.closed = true;
            self.ended.store(true, Ordering::Release);
            self.cv.notify_all();
            self.set.wake();
            // The connections homed here stay with the runtime until they close or route elsewhere.
            self.arm_runtime(&mut st);
            let r = Self::take_receivers(&mut st, 0);
            st.ready.take_all();
            let a: Vec<Arc<Request>> = st.active.drain().map(|(_, v)| v).collect();
            (r, a, std::mem::take(&mut st.v1_regs), st.demand.take())
        };
        if let Some(w) = demand {
            w.fire(ERROR_OPERATION_ABORTED, 0, false);
        }
        router::unregister(&regs);
        notify_hook::queue_closed(self, &regs);
        super::cache::drop_queue(self.key());
        for p in receivers {
            self.fire_receive(p.ov, ERROR_OPERATION_ABORTED, 0, false);
        }
        self.cancel_disconnect_waits(0);
        for r in requests {
            r.conn.abort();
        }
    }

    /// `HttpAddUrl` (v1).
    pub fn add_url(&self, url: &str) -> WinResult<()> {
        let prefix = router::parse_for_register(url)?;
        if self.st.lock().closed {
            return Err(ERROR_INVALID_HANDLE);
        }
        let reg = router::register(prefix, Target::Queue(self.me.clone()), 0)?;
        notify_hook::urls_of_queue(self, HTTP_NOTIFY_URL_ADDED, std::slice::from_ref(&reg));
        self.st.lock().v1_regs.push(reg);
        Ok(())
    }

    /// `HttpRemoveUrl` (v1): `ERROR_FILE_NOT_FOUND` when this queue does not have the prefix.
    pub fn remove_url(&self, url: &str) -> WinResult<()> {
        let text = parse_prefix(url).ok_or(ERROR_INVALID_PARAMETER)?.canonical();
        let reg = {
            let mut st = self.st.lock();
            let i = st.v1_regs.iter().position(|r| r.text == text).ok_or(ERROR_FILE_NOT_FOUND)?;
            st.v1_regs.remove(i)
        };
        router::unregister(std::slice::from_ref(&reg));
        notify_hook::urls_of_queue(self, HTTP_NOTIFY_URL_REMOVED, &[reg]);
        Ok(())
    }

    fn cancel_matching(&self, ov: usize) -> bool {
        let mut any_demand = false;
        let mut demand = None;
        let (receivers, requests) = {
            let mut st = self.st.lock();
            let r = Self::take_receivers(&mut st, ov);
            let a: Vec<Arc<Request>> = st.active.values().cloned().collect();
            if st.demand.as_ref().is_some_and(|d| ov == 0 || d.overlapped() == ov) {
                demand = st.demand.take();
                any_demand = true;
            }
            (r, a)
        };
        let mut any = !receivers.is_empty() || any_demand;
        if let Some(w) = demand {
            w.fire(ERROR_OPERATION_ABORTED, 0, false);
        }
        for p in receivers {
            self.fire_receive(p.ov, ERROR_OPERATION_ABORTED, 0, false);
        }
        for r in requests {
            any |= r.conn.cancel(r.id, ov);
        }
        any |= self.cancel_disconnect_waits(ov);
        any
    }
}

impl KernelObject for RequestQueue {
    fn kind(&self) -> &'static str {
        "request queue"
    }
    /// A kernel handle on Windows, but its engine closes by its own rules (`HttpCloseRequestQueue`
    /// and the handle count): a second handle is not made here.
    fn duplicable(&self) -> WinResult<()> {
        Err(ERROR_NOT_SUPPORTED)
    }
    fn on_close(&self) {
        if self.handles.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.close();
        }
    }
    fn io_binding(&self) -> Option<&IoBinding> {
        Some(&self.binding)
    }
    fn cancel_io(&self, overlapped: usize) -> bool {
        self.cancel_matching(overlapped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ready_list_mirrors_its_length_through_every_change() {
        let len = Arc::new(AtomicUsize::new(0));
        let mut r: Ready<u64> = Ready::new(len.clone());
        let seen = |want: usize| assert_eq!(len.load(Ordering::Relaxed), want);
        for id in 1..=4 {
            r.push_back(id);
        }
        seen(4);
        assert_eq!(r.pop_front(), Some(1));
        seen(3);
        assert!(r.remove_first(|&x| x == 3));
        assert!(!r.remove_first(|&x| x == 3), "gone already");
        seen(2);
        assert_eq!(r.take_all(), [2, 4]);
        seen(0);
        assert!(r.is_empty() && r.pop_front().is_none());
        seen(0);
    }
}
