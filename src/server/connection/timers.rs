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

impl Connection {
    /// Makes sure the runtime wakes this connection by `at` (an earlier deadline than the one armed).
    pub(super) fn schedule(&self, at: Instant) {
        self.schedule_in(self.timing.lock(), at);
    }

    /// [`Connection::schedule`] with the timing lock already held (released here, before the heap is
    /// touched): the per-request updates take the lock once.
    fn schedule_in(&self, mut t: parking_lot::MutexGuard<'_, Timing>, at: Instant) {
        if t.armed.is_none_or(|a| at < a) {
            t.armed = Some(at);
            drop(t);
            reactor::schedule_timer(self.id, at);
        }
    }

    /// The first bytes of a head are here (HeaderWait starts).
    pub(super) fn head_begun(&self) {
        let at = {
            let mut t = self.timing.lock();
            if t.head_started.is_some() {
                return;
            }
            let now = Instant::now();
            t.head_started = Some(now);
            now + if t.first { t.first_timers.1 } else { t.timers.header_wait }
        };
        self.schedule(at);
    }

    /// Body bytes arrived (EntityBody restarts).
    pub(super) fn note_progress(&self) {
        self.timing.lock().body_progress = Instant::now();
    }

    /// Whether the connection now waits for body bytes (EntityBody runs while it does).
    pub(super) fn note_body_reading(&self, want: bool) {
        let at = {
            let mut t = self.timing.lock();
            if want == t.reading_body {
                return;
            }
            t.reading_body = want;
            if !want {
                return;
            }
            t.body_progress = Instant::now();
            t.body_progress + t.timers.entity_body
        };
        self.schedule(at);
    }

    /// A request was routed: the application's timers apply from now on (RequestQueue starts).
    pub(super) fn request_routed(&self, conn_timers: timers::ConnTimers, now: Instant) {
        let mut t = self.timing.lock();
        t.timers = conn_timers;
        t.first = false;
        t.head_started = None;
        t.queued_at = now;
        t.body_progress = now;
        t.reading_body = false;
        self.schedule_in(t, now + conn_timers.request_queue);
    }

    /// A response ended (IdleConnection or DrainEntityBody starts).
    pub(super) fn response_ended(&self) {
        let mut t = self.timing.lock();
        let now = Instant::now();
        t.idle_since = now;
        t.drain_started = now;
        t.head_started = None;
        t.reading_body = false;
        let at = now + t.timers.idle_connection.min(t.timers.drain_entity_body);
        self.schedule_in(t, at);
    }

    /// When a send backlog of `bytes` starting `now` must be written by (MinSendRate).
    pub(super) fn send_deadline(&self, now: Instant, bytes: u64) -> Option<Instant> {
        let rate = self.timing.lock().timers.min_send_rate?;
        Some(now + timers::send_allowance(bytes, rate))
    }

    /// The deadlines the connection's state arms now.
    fn deadlines(inp: &Input, out: &Output, t: &Timing) -> [Option<(Instant, Timer)>; 4] {
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
        if let (Some((t0, n)), Some(rate)) = (out.backlog, t.timers.min_send_rate) {
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
            let mut t = self.timing.lock();
            t.armed = None;
            let mut close = None;
            for (_, timer) in Self::deadlines(&inp, &out, &t).into_iter().flatten().filter(|(at, _)| *at <= now) {
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
                drop(t);
                drop(out);
                self.end(&mut inp, &mut fired);
                next = None;
            } else {
                next = Self::deadlines(&inp, &out, &t)
                    .into_iter()
                    .flatten()
                    .map(|(at, _)| at)
                    .filter(|at| *at > now)
                    .min();
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
