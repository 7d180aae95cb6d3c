//! One wake per request (DESIGN.md sections 6 and 9): the threads that ask a queue for requests do its
//! I/O themselves, taking turns (leader/followers).
//!
//! Each queue has an epoll set ([`QueueSet`]) holding the connections whose last request went to it. A
//! thread in a synchronous `HttpReceiveHttpRequest` takes a request that is already parsed, or leads:
//! it waits on the set, reads and parses what becomes ready and, when the request is for its queue,
//! returns it in its own buffer (the thread that returns a request is the one that read it). The others
//! wait as followers. Threads in `GetQueuedCompletionStatus(Ex)` on the port the queue is bound to lead
//! the same way ([`crate::win32::iocp::PortDriver`]): the request completes one of the queue's pending
//! overlapped receives and its packet is returned to the leading thread directly.
//!
//! Waking: a leader that leaves with its request wakes a follower only while fewer threads are out
//! with requests than the process has cores, as a completion port limits its concurrency; otherwise the
//! thread that finishes first leads next, without any wake. If the followers were left asleep, the
//! runtime's watchdog ([`super::reactor`]) wakes one when no thread took the lead within a few
//! milliseconds (a thread blocked in the application). With no thread at all to lead (every thread out,
//! or receives that complete through an event), the runtime watches the set itself.
use super::completion::Completion;
use super::connection;
use super::poll::{no_event, usable_cpus, Poller, Waker};
use super::queue::{QueueState, RequestQueue};
use super::reactor;
use super::request::Request;
use crate::win32::error::*;
use crate::win32::iocp::{CompletionPort, OutWith, Packet, PortDriver};
use std::cell::RefCell;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Instant;

/// The token of the set's waker.
const WAKE: u64 = u64::MAX;

/// Events one wait on a set takes at most (the rest of a batch waits in the set's stash for the next
/// leader, usually the same thread once it has answered: no system call per request).
const BATCH: usize = 64;

/// A queue's epoll set.
pub struct QueueSet {
    poller: Poller,
    /// Events taken from the set and not handled yet, and the set's connections ([`Stash`]).
    stash: parking_lot::Mutex<Stash>,
    /// Wakes the thread leading the set (a request was delivered to the queue, a packet posted to its
    /// port, the queue closed).
    waker: Waker,
    token: u64,
    owner: Weak<RequestQueue>,
    /// A leader sleeps in the set's epoll wait (set under the stash lock when it found the stash empty).
    parked: AtomicBool,
    /// The runtime watches the set (no thread leads it).
    runtime: AtomicBool,
    /// [`Self::post`] woke the set and no one has taken that wake yet: later posts need no other.
    kicked: AtomicBool,
}

/// What a set's leader looks at under one lock for each event it handles.
#[derive(Default)]
struct Stash {
    /// Events taken from the set and not handled yet (edge-triggered: never dropped, whoever leads next
    /// handles them first).
    events: std::collections::VecDeque<(u64, u32)>,
    /// The connections in the set, by id (the epoll token): found under the lock the leader takes for
    /// the event anyway, not in the global table. Each one is removed when it leaves the set (it moves to
    /// another set or ends), which also ends the reference cycle with its `Home`.
    conns: super::ids::IdMap<Arc<connection::Connection>>,
}

impl QueueSet {
    pub fn new(owner: Weak<RequestQueue>) -> std::io::Result<Arc<QueueSet>> {
        let poller = Poller::new()?;
        let waker = Waker::new()?;
        // Level-triggered: every waiter of the set sees it until the one it was meant for resets it.
        poller.add(waker.as_raw_fd(), WAKE, libc::EPOLLIN as u32)?;
        let set = Arc::new(QueueSet {
            poller,
            stash: Default::default(),
            waker,
            token: reactor::new_set_token(),
            owner,
            parked: AtomicBool::new(false),
            runtime: AtomicBool::new(true),
            kicked: AtomicBool::new(false),
        });
        reactor::add_set(&set);
        set.watch();
        Ok(set)
    }

    pub fn token(&self) -> u64 {
        self.token
    }

    /// Puts `conn` (socket `fd`) in the set.
    pub fn add(&self, fd: RawFd, conn: &Arc<connection::Connection>) -> std::io::Result<()> {
        // Found by id before its first event can come.
        self.stash.lock().conns.insert(conn.id, conn.clone());
        let r = self.poller.add(fd, conn.id, super::poll::CONNECTION_EVENTS);
        if r.is_err() {
            self.stash.lock().conns.remove(&conn.id);
        }
        r
    }

    /// Takes connection `id` (socket `fd`) out of the set.
    pub fn remove(&self, fd: RawFd, id: u64) {
        let _ = self.poller.delete(fd);
        let gone = self.stash.lock().conns.remove(&id);
        // (dropped with the lock released: it may be the connection's last reference)
        drop(gone);
    }

    pub fn wake(&self) {
        self.waker.wake();
    }

    /// An edge for one of the set's connections raised inside the process (an HTTP/2 stream's relay
    /// brought its engine connection input, [`super::h2::pipe`]): stashed for whoever leads next, as if
    /// an epoll wait had returned it, instead of a write of the connection's `eventfd` (one system call a
    /// request). The set is woken only when nobody would look at the stash without it: a leader asleep in
    /// the epoll wait, or the runtime watching the set; and once for the posts of a burst, not once each.
    /// With no leader and no runtime watch, the next leader (a thread coming back, or one the watchdog
    /// wakes) takes the stash first, as it would take the edge from the set.
    pub fn post(&self, id: u64, mask: u32) {
        self.stash.lock().events.push_back((id, mask));
        // (SeqCst: against the stores of `lead_step` and `watch`, each made before that side looks at the
        // stash: either it sees this event or this sees its flag.)
        if (self.parked.load(Ordering::SeqCst) || self.runtime.load(Ordering::SeqCst))
            && !self.kicked.swap(true, Ordering::SeqCst)
        {
            self.waker.wake();
        }
    }

    /// The wake was seen: reset, then later posts may wake again (in this order: a post in between finds
    /// `kicked` still set and does not wake, and its event is in the stash the caller looks at next).
    fn take_wake(&self) {
        self.waker.reset();
        self.kicked.store(false, Ordering::SeqCst);
    }

    /// The runtime watches the set from now on (one turn); events stashed already make the set ready, as
    /// the stash is not in the set.
    fn watch(&self) {
        self.runtime.store(true, Ordering::SeqCst);
        if self.stashed() {
            self.wake();
        }
        reactor::watch_set(self);
    }

    /// The runtime's epoll set reported this set ready (it was armed because no thread led it).
    pub fn runtime_turn(self: &Arc<Self>) {
        // The watch was one turn: this one (posts wake the set again only once it is watched again).
        self.runtime.store(false, Ordering::SeqCst);
        match self.owner.upgrade() {
            Some(q) => q.runtime_turn(self),
            None => {
                // The queue is gone; its connections still live here until they close or route elsewhere.
                self.drain_events();
                self.watch();
            }
        }
    }

    /// Handles every event the set has now, stashed ones first (the runtime's turn: requests are
    /// delivered to their queues).
    fn drain_events(&self) {
        let mut events = [no_event(); 64];
        reactor::stats::bump(&reactor::stats::RUNTIME_TURNS);
        loop {
            let stashed = self.stash.lock().events.pop_front();
            let Some((token, mask)) = stashed else { break };
            Self::handle(token, mask);
        }
        loop {
            let n = self.poller.wait(&mut events, 0);
            reactor::stats::RUNTIME_EVENTS.fetch_add(n as u64, Ordering::Relaxed);
            for ev in &events[..n] {
                Self::handle(ev.u64, ev.events);
            }
            if n < events.len() {
                return;
            }
        }
    }

    fn handle(token: u64, mask: u32) {
        if token == WAKE {
            return;
        }
        if let Some(conn) = connection::get(token) {
            if let Some((q, req)) = conn.on_event(mask) {
                q.deliver(req);
            }
        }
    }

    /// Whether events wait in the stash.
    fn stashed(&self) -> bool {
        !self.stash.lock().events.is_empty()
    }

    /// The watchdog's look at this set: whether it still needs looking at.
    pub fn watchdog_check(&self) -> bool {
        self.owner.upgrade().is_some_and(|q| q.watchdog_check())
    }

    pub fn needs_watch(&self) -> bool {
        self.owner.upgrade().is_some_and(|q| q.needs_watch())
    }
}

impl Drop for QueueSet {
    fn drop(&mut self) {
        reactor::remove_set(self.token);
    }
}

impl AsRawFd for QueueSet {
    fn as_raw_fd(&self) -> RawFd {
        self.poller.as_raw_fd()
    }
}

/// What a leader's turn on the set gave.
enum Turn {
    /// A request for this queue, read by this thread.
    Mine(Arc<Request>),
    /// The waker, an interrupted wait, or an event that gave no request for this queue.
    Nothing,
    TimedOut,
}

/// What to do once the queue's lock is released.
#[must_use]
pub(super) enum After {
    Nothing,
    /// Wake one thread waiting on the port (it will lead).
    PromotePort(Arc<CompletionPort>),
    /// Let the watchdog look at the queue.
    Poke,
}

impl After {
    #[inline]
    pub(super) fn run(self) {
        match self {
            After::Nothing => {}
            After::PromotePort(p) => p.promote(),
            After::Poke => reactor::poke_watchdog(),
        }
    }
}

thread_local! {
    /// The queue this thread last took a request from (it counts as out with a request until it asks
    /// that queue again).
    static OUT_WITH: RefCell<OutWith<RequestQueue>> = const { RefCell::new(OutWith::new()) };
}

impl RequestQueue {
    /// This thread asks again: it no longer counts as out with a request.
    fn came_back(&self) {
        OutWith::came_back(&OUT_WITH, self, Self::st_active_sub);
    }

    /// This thread leaves with a request.
    fn went_out(self: &Arc<Self>) {
        OutWith::went_out(&OUT_WITH, self, Self::st_active_add, Self::st_active_sub);
    }

    /// Gives up the lead (queue lock held) and decides who watches the set next. `port_out`: the caller
    /// is a port's thread leaving with a packet, not counted out yet.
    pub(super) fn leave_lead(&self, st: &mut QueueState, port_out: bool) -> After {
        st.leader = false;
        if st.closed || st.shut_down {
            self.cv.notify_all();
            return After::Nothing;
        }
        if st.followers > 0 && (!st.ready.is_empty() || self.active() < usable_cpus()) {
            reactor::stats::bump(&reactor::stats::PROMOTIONS);
            self.cv.notify_one();
            return After::Nothing;
        }
        self.vacant(st, port_out as usize)
    }

    /// No thread leads the set: wake one that will, or leave it to the watchdog or the runtime.
    /// `going_out`: port threads about to leave with a packet, not counted out yet.
    pub(super) fn vacant(&self, st: &mut QueueState, going_out: usize) -> After {
        if let Some(p) = self.port().filter(|p| p.waiting() > 0) {
            if p.active() + going_out < usable_cpus() {
                return After::PromotePort(p.clone());
            }
            st.watched_gen = Some(st.lead_gen);
            return After::Poke;
        }
        st.watched_gen = Some(st.lead_gen);
        if st.followers > 0 {
            return After::Poke;
        }
        // Nobody to lead: the runtime takes the set until a thread comes back.
        self.arm_runtime(st);
        After::Nothing
    }

    /// The set's vacancy was left to the watchdog or the runtime and still is: nobody took the lead since,
    /// and the runtime watches it or threads the watchdog can wake are there. A second look at the same
    /// vacancy (a port thread posting its next receive after leaving the lead with a request) then has
    /// nothing to add: `vacant` would poke the watchdog again or find the runtime armed. A promotion it
    /// would make now means a thread came back to the port, which takes the lead itself.
    pub(super) fn still_watched(&self, st: &QueueState) -> bool {
        st.watched_gen == Some(st.lead_gen)
            && (st.runtime_armed || st.followers > 0 || self.port().is_some_and(|p| p.waiting() > 0))
    }

    pub(super) fn arm_runtime(&self, st: &mut QueueState) {
        if !st.runtime_armed {
            st.runtime_armed = true;
            // (The stash is not in the set: events stashed make the set ready so the runtime takes its turn.)
            self.set().watch();
        }
    }

    /// One event for the leader: a stashed one, or one wait on the set (taking a batch, the rest
    /// stashed).
    fn lead_step(self: &Arc<Self>, timeout_ms: i32) -> Turn {
        let set = self.set();
        let stashed = {
            let mut stash = set.stash.lock();
            let ev = stash.events.pop_front();
            // About to sleep in the wait: posts from now on wake the set ([`QueueSet::post`]). Only the
            // leader stores the flag: it is false here unless this thread set it, so an event taken from
            // the stash (the usual turn) stores nothing.
            if ev.is_none() {
                set.parked.store(true, Ordering::SeqCst);
            }
            ev.map(|(token, mask)| (token, mask, stash.conns.get(&token).cloned()))
        };
        let (token, mask, conn) = match stashed {
            Some(ev) => ev,
            None => {
                let mut events = [no_event(); BATCH];
                let n = set.poller.wait(&mut events, timeout_ms);
                // Awake: this thread looks at the stash before it sleeps again.
                set.parked.store(false, Ordering::SeqCst);
                if n == 0 {
                    return if timeout_ms >= 0 { Turn::TimedOut } else { Turn::Nothing };
                }
                let conn = if n > 1 {
                    let mut stash = set.stash.lock();
                    stash.events.extend(events[1..n].iter().map(|e| (e.u64, e.events)));
                    let first = events[0].u64;
                    stash.conns.get(&first).cloned()
                } else {
                    None
                };
                (events[0].u64, events[0].events, conn)
            }
        };
        if token == WAKE {
            self.set().take_wake();
            return Turn::Nothing;
        }
        // (A connection not found in the set's table, e.g. an event taken alone from the wait: the global one.)
        let Some(conn) = conn.or_else(|| connection::get(token)) else { return Turn::Nothing };
        match conn.on_event(mask) {
            Some((q, req)) if Arc::ptr_eq(&q, self) => Turn::Mine(req),
            Some((q, req)) => {
                q.deliver(req);
                Turn::Nothing
            }
            None => Turn::Nothing,
        }
    }

    /// A synchronous `HttpReceiveHttpRequest` for the next request: one already parsed, or this thread
    /// leads until it reads one (the hot path: one wake, the epoll wait's).
    pub(super) fn receive_sync(
        self: &Arc<Self>,
        flags: u32,
        mut buf: crate::win32::overlapped::CallerBuf,
        wide16: bool,
    ) -> (Win32Error, u32) {
        // A thread back from this queue's last request stays counted out until it waits as a follower or
        // leaves without a request; leaving with one, it is counted already (the usual turn touches the
        // count and the thread's state once). Only a leader reads the count, and the thread is the leader
        // or about to be until it waits.
        let mut still_out = OutWith::came_back_lazily(&OUT_WITH, &**self, Self::st_active_sub);
        {
            let mut st = self.st.lock();
            loop {
                if st.closed || st.shut_down {
                    if still_out {
                        self.came_back();
                    }
                    return (ERROR_OPERATION_ABORTED, 0);
                }
                if let Some(req) = st.ready.pop_front() {
                    drop(st);
                    reactor::stats::bump(&reactor::stats::READY_TAKEN);
                    if !still_out {
                        self.went_out();
                    }
                    return self.copy_out(&req, &mut buf, flags, wide16);
                }
                if !st.leader {
                    st.leader = true;
                    st.lead_gen += 1;
                    break;
                }
                if std::mem::take(&mut still_out) {
                    self.came_back();
                }
                st.followers += 1;
                self.cv.wait(&mut st);
                st.followers -= 1;
            }
        }
        loop {
            let turn = self.lead_step(-1);
            let mut st = self.st.lock();
            // (the request, whether this thread read it: one from `ready` was delivered already)
            let got = match turn {
                Turn::Mine(req) => {
                    reactor::stats::bump(&reactor::stats::LEADER_OWN);
                    Some((req, true))
                }
                _ => st.ready.pop_front().map(|r| (r, false)),
            };
            if st.closed || st.shut_down {
                let after = self.leave_lead(&mut st, false);
                drop(st);
                after.run();
                if let Some((r, _)) = got {
                    r.conn.abort();
                }
                if still_out {
                    self.came_back();
                }
                return (ERROR_OPERATION_ABORTED, 0);
            }
            let Some((req, own)) = got else { continue };
            let demand = if own {
                let Some(demand) = self.took(&mut st, &req) else {
                    continue; // its connection ended meanwhile
                };
                demand
            } else {
                None
            };
            // Counted out before the lead is given up: the wake decision sees this thread busy.
            if !still_out {
                self.went_out();
            }
            let after = self.leave_lead(&mut st, false);
            drop(st);
            if own {
                super::notify_hook::received(self, &req);
            }
            after.run();
            if let Some(d) = demand {
                d.fire(ERROR_SUCCESS, 0, false);
            }
            return self.copy_out(&req, &mut buf, flags, wide16);
        }
    }

    /// A request this queue's leader read is the queue's now (queue lock held): found by id from here on.
    /// Returns a `HttpWaitForDemandStart` to complete, or `None` when the request's connection ended
    /// meanwhile (dropped, see [`RequestQueue::admit`]). The caller sends the request-received
    /// notification once the queue lock is dropped (see `deliver`).
    fn took(&self, st: &mut QueueState, req: &Arc<Request>) -> Option<Option<Completion>> {
        Self::admit(st, req).then(|| st.demand.take())
    }

    /// The runtime's turn on the set (armed because no thread led it).
    pub(super) fn runtime_turn(self: &Arc<Self>, set: &Arc<QueueSet>) {
        {
            let mut st = self.st.lock();
            if st.leader {
                if !st.closed {
                    // A thread leads again: it takes the events.
                    st.runtime_armed = false;
                    return;
                }
                // Closed: the connections are the runtime's now, but the wake is the leader's to take.
            } else {
                // A wake meant for a leader that has gone.
                set.take_wake();
            }
        }
        set.drain_events();
        let mut st = self.st.lock();
        if !st.leader || st.closed {
            set.watch();
        } else {
            st.runtime_armed = false;
        }
    }

    /// The watchdog's look (every few milliseconds while needed): a set left without a leader since the
    /// last look, with threads asleep that could lead, gets one of them woken. Returns whether the queue
    /// still needs looking at.
    pub(super) fn watchdog_check(&self) -> bool {
        let after;
        {
            let mut st = self.st.lock();
            if !Self::unwatched(&st, self) {
                st.watch_seen = st.lead_gen;
                return false;
            }
            if st.watch_seen != st.lead_gen {
                st.watch_seen = st.lead_gen;
                return true;
            }
            // Nobody took the lead for a whole period.
            reactor::stats::bump(&reactor::stats::WATCHDOG_WAKES);
            if st.followers > 0 {
                self.cv.notify_one();
                after = After::Nothing;
            } else {
                after = match self.port() {
                    Some(p) if p.waiting() > 0 => After::PromotePort(p.clone()),
                    _ => {
                        self.arm_runtime(&mut st);
                        After::Nothing
                    }
                };
            }
        }
        if let After::PromotePort(p) = after {
            p.promote();
        }
        true
    }

    pub(super) fn needs_watch(&self) -> bool {
        Self::unwatched(&self.st.lock(), self)
    }

    /// No thread leads the set and the runtime does not watch it, while threads that could are asleep.
    fn unwatched(st: &QueueState, q: &RequestQueue) -> bool {
        !st.leader && !st.runtime_armed && !st.closed && (st.followers > 0 || q.port().is_some_and(|p| p.waiting() > 0))
    }

    /// The completion port the queue is bound to.
    fn port(&self) -> Option<&Arc<CompletionPort>> {
        self.binding.port()
    }
}

/// A request queue as something the threads waiting on its completion port drive.
pub struct QueueDriver(pub Weak<RequestQueue>);

impl PortDriver for QueueDriver {
    fn lead(&self, port: &CompletionPort, deadline: Option<Instant>, counted: bool) -> Option<Option<Packet>> {
        let q = self.0.upgrade()?;
        {
            let mut st = q.st.lock();
            if st.leader || st.closed || st.shut_down {
                return None;
            }
            st.leader = true;
            st.lead_gen += 1;
        }
        crate::win32::iocp::pause_after_take_lead();
        Some(Self::lead_taken(&q, port, deadline, counted))
    }

    fn wake(&self) {
        if let Some(q) = self.0.upgrade() {
            q.set().wake();
        }
    }
}

impl QueueDriver {
    /// Leads `q` (the lead is taken) until a request completes one of its pending receives for `port`'s
    /// thread, or a wake or `deadline` ends the turn; gives the lead up.
    /// `counted`: the thread counts as out with a packet of `port` already.
    fn lead_taken(
        q: &Arc<RequestQueue>,
        port: &CompletionPort,
        deadline: Option<Instant>,
        counted: bool,
    ) -> Option<Packet> {
        loop {
            let timeout = match deadline {
                None => -1,
                Some(d) => d.saturating_duration_since(Instant::now()).as_millis().min(i32::MAX as u128) as i32,
            };
            let turn = q.lead_step(timeout);
            let mut st = q.st.lock();
            let req = match turn {
                Turn::Mine(req) => req,
                Turn::Nothing | Turn::TimedOut => {
                    // Woken (a packet was posted, a request delivered) or out of time: the port looks again.
                    let after = q.leave_lead(&mut st, false);
                    drop(st);
                    after.run();
                    return None;
                }
            };
            if st.closed || st.shut_down {
                let after = q.leave_lead(&mut st, false);
                drop(st);
                after.run();
                req.conn.abort();
                return None;
            }
            let Some(demand) = q.took(&mut st, &req) else {
                continue; // its connection ended meanwhile
            };
            let Some(p) = st.receivers.pop_front() else {
                // No receive to complete: the request waits for one; this thread leads on.
                st.ready.push_back(req.clone());
                if st.followers > 0 {
                    q.cv.notify_one();
                }
                drop(st);
                super::notify_hook::received(q, &req);
                if let Some(d) = demand {
                    d.fire(ERROR_SUCCESS, 0, false);
                }
                continue;
            };
            let after = q.leave_lead(&mut st, !counted);
            drop(st);
            super::notify_hook::received(q, &req);
            after.run();
            if let Some(d) = demand {
                d.fire(ERROR_SUCCESS, 0, false);
            }
            return q.complete_receive_to(p, &req, port);
        }
    }
}

impl RequestQueue {
    fn active(&self) -> usize {
        self.active_out.load(Ordering::Acquire)
    }
    fn st_active_add(&self) {
        self.active_out.fetch_add(1, Ordering::AcqRel);
    }
    fn st_active_sub(&self) {
        let _ = self.active_out.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A set of no queue, apart from the runtime (no reactor registration, so nothing else takes its wakes).
    fn lone_set() -> QueueSet {
        let (poller, waker) = (Poller::new().unwrap(), Waker::new().unwrap());
        poller.add(waker.as_raw_fd(), WAKE, libc::EPOLLIN as u32).unwrap();
        QueueSet {
            poller,
            stash: Default::default(),
            waker,
            token: u64::MAX - 1,
            owner: Weak::new(),
            parked: AtomicBool::new(false),
            runtime: AtomicBool::new(false),
            kicked: AtomicBool::new(false),
        }
    }

    /// The writes of the set's waker since the last look (its eventfd counter, read and reset).
    fn wakes(set: &QueueSet) -> u64 {
        let mut v: u64 = 0;
        // SAFETY: reads 8 bytes into a live u64 from the set's non-blocking eventfd.
        unsafe { libc::read(set.waker.as_raw_fd(), &mut v as *mut u64 as *mut libc::c_void, 8) };
        v
    }

    #[test]
    fn posts_wake_the_set_only_when_nobody_would_look_and_once_a_burst() {
        // (leader parked in the wait, runtime watching, posts) -> waker writes
        let rows: [(bool, bool, usize, u64); 5] = [
            (false, false, 3, 0), // a leader at work, or one coming back: it takes the stash first
            (true, false, 1, 1),  // a leader asleep in the wait
            (true, false, 5, 1),  // a burst: one wake
            (false, true, 2, 1),  // the runtime watches the set
            (true, true, 1, 1),
        ];
        for (i, (parked, runtime, posts, want)) in rows.into_iter().enumerate() {
            let set = lone_set();
            set.parked.store(parked, Ordering::SeqCst);
            set.runtime.store(runtime, Ordering::SeqCst);
            for id in 0..posts as u64 {
                set.post(id, libc::EPOLLIN as u32);
            }
            assert_eq!(set.stash.lock().events.len(), posts, "row {i}");
            assert_eq!(wakes(&set), want, "row {i}");
        }
        // Once the wake is taken, the next post wakes again.
        let set = lone_set();
        set.parked.store(true, Ordering::SeqCst);
        set.post(1, libc::EPOLLIN as u32);
        set.take_wake();
        set.post(2, libc::EPOLLIN as u32);
        assert_eq!(wakes(&set), 1);
        assert_eq!(set.stash.lock().events.iter().map(|e| e.0).collect::<Vec<_>>(), [1, 2]);
    }
}
