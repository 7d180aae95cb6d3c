//! The connection's timers (`HTTP_TIMEOUT_LIMIT_INFO`, DESIGN.md section 8, [`crate::server::timers`]):
//! each state arms at most a few deadlines ([`Connection::deadlines`]). The earliest sits in the
//! runtime's timer heap ([`crate::server::reactor::schedule_timer`]); a deadline that moves later (each
//! keep-alive request pushes IdleConnection out) is not re-armed: the heap fires early, [`Connection::expire`]
//! finds nothing due and arms the new one, so the hot path touches no timer structure per request.
//! IdleConnection, HeaderWait, EntityBody, DrainEntityBody and MinSendRate close the connection;
//! RequestQueue answers 503 to a request the application never took; the bandwidth limits' deadline
//! lets held-back output go.
use super::*;
use crate::server::request::NOT_RECEIVED;
use crate::server::{notify_hook, reactor, response, timers};

/// Which timer a deadline belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::server) enum Timer {
    IdleConnection,
    HeaderWait,
    EntityBody,
    DrainEntityBody,
    RequestQueue,
    MinSendRate,
    /// Not a timeout: a bandwidth limit lets more output go.
    Throttle,
}

/// A deadline as the atomic [`Connection`]'s `armed` holds it: nanoseconds since the first deadline the
/// process computed (earlier instants count as that one: armed a little early, which only makes the
/// heap fire early, see the module doc). [`NOT_ARMED`]: none.
pub(super) fn armed_at(at: Instant) -> u64 {
    static BASE: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let base = *BASE.get_or_init(Instant::now);
    let d = at.saturating_duration_since(base);
    d.as_secs().saturating_mul(1_000_000_000).saturating_add(d.subsec_nanos() as u64).min(NOT_ARMED - 1)
}

/// `armed` when the heap holds no deadline of the connection.
pub(super) const NOT_ARMED: u64 = u64::MAX;

impl Connection {
    /// Makes sure the runtime wakes this connection by `at` (an earlier deadline than the one armed).
    /// Lock-free: the per-request updates (a later deadline, the usual case) only read the armed one.
    pub(super) fn schedule(&self, at: Instant) {
        let n = armed_at(at);
        let mut cur = self.armed.load(Ordering::Acquire);
        loop {
            if cur != NOT_ARMED && cur <= n {
                return;
            }
            match self.armed.compare_exchange_weak(cur, n, Ordering::AcqRel, Ordering::Acquire) {
                Ok(_) => break,
                Err(c) => cur = c,
            }
        }
        reactor::schedule_timer(self.id, at);
    }

    /// [`Connection::schedule`] from the input side (input lock held), through `armed_hint`: a deadline
    /// at or after the hint, the usual per-request update, needs nothing (the armed one is no later than
    /// the hint: only this side raises it, and `expire` clears both).
    fn schedule_input(&self, t: &mut Timing, at: Instant) {
        if t.armed_hint.is_some_and(|h| h <= at) {
            return;
        }
        self.schedule(at);
        t.armed_hint = Some(at);
    }

    /// The first bytes of a head are here (HeaderWait starts).
    pub(super) fn head_begun(&self, inp: &mut Input) {
        let t = &mut inp.timing;
        if t.head_started.is_some() {
            return;
        }
        let now = Instant::now();
        t.head_started = Some(now);
        let at = now + if t.first { t.first_timers.1 } else { t.timers.header_wait };
        self.schedule_input(t, at);
    }

    /// Body bytes arrived (EntityBody restarts).
    pub(super) fn note_progress(inp: &mut Input) {
        inp.timing.body_progress = Instant::now();
    }

    /// Whether the connection now waits for body bytes (EntityBody runs while it does).
    pub(super) fn note_body_reading(&self, inp: &mut Input, want: bool) {
        let t = &mut inp.timing;
        if want == t.reading_body {
            return;
        }
        t.reading_body = want;
        if !want {
            return;
        }
        t.body_progress = Instant::now();
        let at = t.body_progress + t.timers.entity_body;
        self.schedule_input(t, at);
    }

    /// A request was routed: the application's timers apply from now on (RequestQueue starts).
    pub(super) fn request_routed(&self, inp: &mut Input, conn_timers: timers::ConnTimers, now: Instant) {
        let t = &mut inp.timing;
        t.timers = conn_timers;
        t.first = false;
        t.head_started = None;
        t.queued_at = now;
        t.body_progress = now;
        t.reading_body = false;
        self.schedule_input(t, now + conn_timers.request_queue);
    }

    /// A response ended at `now` (IdleConnection or DrainEntityBody starts).
    pub(super) fn response_ended(&self, inp: &mut Input, now: Instant) {
        let t = &mut inp.timing;
        t.idle_since = now;
        t.drain_started = now;
        t.head_started = None;
        t.reading_body = false;
        let at = now + t.timers.idle_connection.min(t.timers.drain_entity_body);
        self.schedule_input(t, at);
    }

    /// When a send backlog of `bytes` starting `now` must be written by (MinSendRate).
    pub(super) fn send_deadline(out: &Output, now: Instant, bytes: u64) -> Option<Instant> {
        let rate = out.min_send_rate?;
        Some(now + timers::send_allowance(bytes, rate))
    }

    /// The deadlines the connection's state arms now.
    fn deadlines(inp: &Input, out: &Output) -> [Option<(Instant, Timer)>; 4] {
        let t = &inp.timing;
        let mut d = [None; 4];
        match inp.phase {
            Phase::Head => {
                // The queue (and so the application's timers) is unknown until a head is routed: the
                // first request runs under the machine-wide IdleConnection and HeaderWait.
                let (idle, header_wait) =
                    if t.first { t.first_timers } else { (t.timers.idle_connection, t.timers.header_wait) };
                d[0] = Some(match t.head_started {
                    Some(s) => (s + header_wait, Timer::HeaderWait),
                    None => (t.idle_since + idle, Timer::IdleConnection),
                });
            }
            Phase::InRequest => {
                if inp.current.as_ref().is_some_and(|r| r.state.load(Ordering::Acquire) == NOT_RECEIVED) {
                    d[0] = Some((t.queued_at + t.timers.request_queue, Timer::RequestQueue));
                }
                if t.reading_body {
                    d[1] = Some((t.body_progress + t.timers.entity_body, Timer::EntityBody));
                }
            }
            Phase::Drain => d[0] = Some((t.drain_started + t.timers.drain_entity_body, Timer::DrainEntityBody)),
            Phase::Closing | Phase::Closed => {}
        }
        if let (Some((t0, n)), Some(rate)) = (out.backlog, out.min_send_rate) {
            d[2] = Some((t0 + timers::send_allowance(n, rate), Timer::MinSendRate));
        }
        if let Some(at) = out.throttled_until {
            d[3] = Some((at, Timer::Throttle));
        }
        d
    }

    /// The runtime's timer fired for this connection: act on every deadline that is due, arm the next.
    pub fn expire(self: &Arc<Self>) {
        let now = Instant::now();
        let mut fired = Vec::new();
        let mut take_back = None;
        let mut release = false;
        let next;
        {
            let mut inp = self.input.lock();
            if inp.phase == Phase::Closed {
                return;
            }
            let mut out = self.output.lock();
            self.armed.store(NOT_ARMED, Ordering::Release);
            inp.timing.armed_hint = None;
            let mut close = None;
            for (_, timer) in Self::deadlines(&inp, &out).into_iter().flatten().filter(|(at, _)| *at <= now) {
                match timer {
                    Timer::Throttle => {
                        out.throttled_until = None;
                        release = true;
                    }
                    Timer::RequestQueue => take_back = inp.current.clone().zip(inp.queue.upgrade()),
                    other => {
                        close = Some(other);
                        break;
                    }
                }
            }
            if let Some(timer) = close {
                tracing::debug!(target: "winhttpapi::httpapi", "connection {}: {timer:?} timer expired, closing", self.id);
                notify_hook::timer(self, timer);
                // A reader too slow for MinSendRate must not get the rest of the socket's buffer at its own
                // pace: that connection is reset.
                inp.reset |= timer == Timer::MinSendRate;
                drop(out);
                self.end(&mut inp, &mut fired);
                next = None;
            } else {
                next = Self::deadlines(&inp, &out).into_iter().flatten().map(|(at, _)| at).filter(|at| *at > now).min();
            }
        }
        fire_all(fired);
        if release {
            self.flush();
        }
        if let Some((req, q)) = take_back {
            // Taken back under the queue's lock: either the application has it or nobody will.
            if q.take_back(req.id) {
                tracing::debug!(target: "winhttpapi::httpapi", "connection {}: RequestQueue timer expired, answering 503", self.id);
                notify_hook::request_timed_out(self, &q, &req);
                let mut fired = Vec::new();
                {
                    let mut inp = self.input.lock();
                    if inp.phase != Phase::Closed && inp.current.as_ref().is_some_and(|c| c.id == req.id) {
                        inp.current = None;
                        {
                            let mut out = self.output.lock();
                            out.resp.finished = true;
                        }
                        self.queue_bytes(response::error_response(503, true));
                        self.set_closing(&mut inp);
                        let _ = self.advance(&mut inp, &mut fired);
                    }
                }
                fire_all(fired);
            }
        }
        if let Some(at) = next {
            self.schedule(at);
        }
    }
}
