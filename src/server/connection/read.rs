//! Reading and parsing: the input side's state machine ([`Connection::advance`]), request heads read
//! through the reading thread's scratch buffer (a keep-alive connection keeps no buffer between
//! requests), routing, and the answers the engine gives by itself (400, 404, 503).
use super::*;
use crate::http1::request::{parse_request_head, Framing, RequestHead};
use crate::notify::abi::HTTP_NOTIFY_REQUEST_503;
use crate::server::abi::VERBOSITY_BASIC;
use crate::server::{notify_hook, pool, response, router, session};

/// Raw bytes read ahead of the parser once the body is done (the next pipelined request).
const READ_AHEAD: usize = 64 * 1024;

/// What one read did.
enum Got {
    Data,
    WouldBlock,
    Eof,
    Failed,
}

impl Connection {
    /// Moves the input side as far as it goes without waiting (input lock held). Returns a request it
    /// routed (the caller takes or delivers it, after releasing the lock).
    pub(super) fn advance(self: &Arc<Self>, inp: &mut Input, fired: &mut Fired) -> Option<Routed> {
        loop {
            if inp.broken && inp.phase != Phase::Closed {
                // A reset peer: nothing queued can be delivered any more.
                self.end(inp, fired);
                return None;
            }
            match inp.phase {
                Phase::Closed => return None,
                Phase::Closing => {
                    if self.output_idle() {
                        self.end(inp, fired);
                    }
                    return None;
                }
                Phase::Head => {
                    if inp.pos < inp.buf.len() {
                        match parse_request_head(&inp.buf[inp.pos..]) {
                            Err(r) => {
                                self.reject_head(inp, r.0);
                                continue;
                            }
                            Ok(Some((head, used))) => {
                                inp.pos += used;
                                if inp.pos == inp.buf.len() {
                                    pool::give(std::mem::take(&mut inp.buf));
                                    inp.pos = 0;
                                }
                                if let Some(r) = self.dispatch(inp, head, fired) {
                                    return Some(r);
                                }
                                continue;
                            }
                            Ok(None) => self.head_begun(inp),
                        }
                    }
                    if inp.peer_eof {
                        if !self.output_idle() {
                            self.set_closing(inp);
                            continue;
                        }
                        self.peer_left(fired);
                        self.end(inp, fired);
                        return None;
                    }
                    if !inp.readable {
                        return None;
                    }
                    if inp.buf.is_empty() {
                        // The common case: a whole head in one read, taken from the scratch buffer.
                        match self.read_head_fresh(inp, fired) {
                            (_, Some(r)) => return Some(r),
                            (Got::WouldBlock, None) => return None,
                            _ => continue,
                        }
                    }
                    match self.read_into_buf(inp, usize::MAX) {
                        Got::WouldBlock => return None,
                        _ => continue,
                    }
                }
                Phase::InRequest | Phase::Drain => {
                    if self.body_step(inp, fired) {
                        continue;
                    }
                    if inp.peer_eof {
                        self.peer_left(fired);
                        if !Self::body_done(inp) {
                            // The client left mid-body: nothing more will come.
                            self.end(inp, fired);
                            return None;
                        }
                        if inp.phase == Phase::Drain && self.output_idle() {
                            self.end(inp, fired);
                        }
                        return None;
                    }
                    let want = if Self::body_done(inp) {
                        inp.buf.len() - inp.pos < READ_AHEAD
                    } else {
                        inp.decoded.len() - inp.dpos < super::body::BODY_AHEAD && !inp.continue_needed
                    };
                    let reading = want && !Self::body_done(inp);
                    self.note_body_reading(inp, reading);
                    if !want || !inp.readable {
                        return None;
                    }
                    let limit = if Self::body_done(inp) { READ_AHEAD } else { pool::BUF };
                    if let Got::WouldBlock = self.read_into_buf(inp, limit) {
                        return None;
                    }
                }
            }
        }
    }

    /// Reads into the thread's scratch buffer and parses straight from it: only bytes left over (a
    /// partial head, body bytes, a pipelined request) are copied into a lent buffer.
    fn read_head_fresh(self: &Arc<Self>, inp: &mut Input, fired: &mut Fired) -> (Got, Option<Routed>) {
        let (got, head) = pool::with_scratch(|scratch| {
            let n = match self.sock.read(scratch) {
                Ok(0) => return (Got::Eof, None),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return (Got::WouldBlock, None),
                Err(_) => return (Got::Failed, None),
            };
            if n < scratch.len() {
                // The socket is empty now: the next input comes with a new edge (TLS: unless it found
                // the end of the input behind these bytes).
                inp.readable = self.sock.has_more();
            }
            match parse_request_head(&scratch[..n]) {
                Ok(Some((head, used))) => {
                    if used < n {
                        Self::keep(inp, &scratch[used..n]);
                    }
                    (Got::Data, Some(Ok(head)))
                }
                Ok(None) => {
                    Self::keep(inp, &scratch[..n]);
                    (Got::Data, None)
                }
                Err(r) => (Got::Data, Some(Err(r.0))),
            }
        });
        match got {
            Got::Eof => inp.peer_eof = true,
            Got::Failed => {
                inp.peer_eof = true;
                inp.broken = true;
            }
            Got::WouldBlock => inp.readable = false,
            Got::Data => {}
        }
        match head {
            Some(Ok(head)) => {
                let r = self.dispatch(inp, head, fired);
                (got, r)
            }
            Some(Err(status)) => {
                self.reject_head(inp, status);
                (got, None)
            }
            None => (got, None),
        }
    }

    /// Copies bytes the parser has not consumed into the connection's lent buffer.
    fn keep(inp: &mut Input, bytes: &[u8]) {
        if inp.buf.capacity() == 0 {
            inp.buf = pool::take();
        }
        inp.buf.extend_from_slice(bytes);
    }

    /// Appends what the socket has to the lent buffer (at most `limit` bytes held in all).
    fn read_into_buf(&self, inp: &mut Input, limit: usize) -> Got {
        if inp.buf.capacity() == 0 {
            inp.buf = pool::take();
        }
        if inp.pos == inp.buf.len() {
            inp.buf.clear();
            inp.pos = 0;
        } else if inp.pos > 0 && inp.buf.capacity() - inp.buf.len() < 4096 {
            let p = inp.pos;
            inp.buf.drain(..p);
            inp.pos = 0;
        }
        if inp.buf.capacity() - inp.buf.len() < 4096 {
            inp.buf.reserve(pool::BUF);
        }
        let room = (inp.buf.capacity() - inp.buf.len()).min(limit.saturating_sub(inp.buf.len() - inp.pos).max(1));
        let got = match self.sock.read_append(&mut inp.buf, room) {
            Ok(0) => Got::Eof,
            Ok(n) => {
                if n < room {
                    inp.readable = self.sock.has_more();
                }
                Self::note_progress(inp);
                Got::Data
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Got::WouldBlock,
            Err(_) => Got::Failed,
        };
        match got {
            Got::Eof => inp.peer_eof = true,
            Got::Failed => {
                inp.peer_eof = true;
                inp.broken = true;
            }
            Got::WouldBlock => inp.readable = false,
            Got::Data => {}
        }
        if inp.pos == inp.buf.len() {
            pool::give(std::mem::take(&mut inp.buf));
            inp.pos = 0;
        }
        got
    }

    /// Reads what the socket has into the lent buffer (at most `limit` bytes held in all).
    pub(super) fn read_more(&self, inp: &mut Input, limit: usize) {
        let _ = self.read_into_buf(inp, limit);
    }

    /// A head that cannot be served: its answer, then close.
    fn reject_head(&self, inp: &mut Input, status: u16) {
        tracing::debug!(target: "winhttpapi::httpapi", "connection {}: bad request head, answering {status}", self.id);
        self.queue_bytes(response::error_response(status, true));
        self.set_closing(inp);
    }

    /// The phase becomes Closing: what is queued goes out, then the connection closes.
    pub(super) fn set_closing(&self, inp: &mut Input) {
        inp.phase = Phase::Closing;
        let mut out = self.output.lock();
        out.closing = true;
        self.out_waiting.store(true, Ordering::Release);
    }

    /// Routes a parsed head: answers it here, or makes it the connection's current request and returns
    /// it with its queue.
    fn dispatch(self: &Arc<Self>, inp: &mut Input, head: RequestHead, fired: &mut Fired) -> Option<Routed> {
        let (queue, context, cooked, group) =
            match router::route(&head, self.local, self.tls.is_some(), &mut inp.route_memo) {
                router::Routed::Reject(status) => {
                    notify_hook::rejected(self, status);
                    let keep = head.keep_alive && head.framing == Framing::None && status != 400;
                    self.queue_bytes(response::error_response(status, !keep));
                    if keep {
                        self.request_ended(inp, std::time::Instant::now());
                    } else {
                        self.set_closing(inp);
                    }
                    return None;
                }
                router::Routed::Queue { queue, context, cooked, group } => (queue, context, cooked, group),
            };
        let gen = session::settings_generation();
        let group_id = (group != 0).then_some(group);
        if !inp.route_cache.as_ref().is_some_and(|c| c.0 == group_id && c.1 == gen) {
            inp.route_cache = Some((group_id, gen, Arc::new(session::route_settings(group_id))));
        }
        // The group's settings, borrowed from the connection's cache where they are read (no count
        // changed per request): what is needed once the input is changed below is copied out.
        let settings = &inp.route_cache.as_ref().expect("just filled").2;
        let timers = settings.timers;
        if let Some(limit) = &settings.connections {
            // HTTP_CONNECTION_LIMIT_INFO: a connection counts against the group its requests go to; one
            // over the limit is answered 503 and closed. An HTTP/2 stream's relay: its TCP connection
            // counts, once for each group, however many relays serve its streams.
            let counted = match &self.mux {
                Some(m) => m.count_against(limit),
                None if inp.conn_slot.as_ref().is_some_and(|s| Arc::ptr_eq(s, limit)) => true,
                None if limit.acquire() => {
                    if let Some(old) = inp.conn_slot.replace(limit.clone()) {
                        old.release();
                    }
                    true
                }
                None => false,
            };
            if !counted {
                tracing::debug!(target: "winhttpapi::httpapi", "connection {}: group connection limit reached, answering 503", self.id);
                notify_hook::request(HTTP_NOTIFY_REQUEST_503, self, Some(&queue), group);
                self.queue_bytes(response::error_response(503, true));
                self.set_closing(inp);
                return None;
            }
        }
        if queue.is_full() {
            // HttpServerQueueLengthProperty reached: Http503ResponseVerbosityBasic resets the connection,
            // Limited and Full answer 503.
            notify_hook::queue_full(self, &queue, group);
            if queue.verbosity.load(Ordering::Acquire) == VERBOSITY_BASIC {
                tracing::debug!(target: "winhttpapi::httpapi", "connection {}: queue full, resetting", self.id);
                inp.reset = true;
                self.end(inp, fired);
            } else {
                tracing::debug!(target: "winhttpapi::httpapi", "connection {}: queue full, answering 503", self.id);
                self.queue_bytes(response::error_response(503, true));
                self.set_closing(inp);
            }
            return None;
        }
        let framing = head.framing;
        let expect = head.expect_continue;
        // One clock reading for the request's time-taken and its connection's timers.
        let now = std::time::Instant::now();
        let req = Arc::new(Request::new(self.clone(), head, context, cooked, queue.v2, now).with_group(group));
        inp.current = Some(req.clone());
        if !std::ptr::eq(inp.queue.as_ptr(), Arc::as_ptr(&queue)) {
            // (The same queue as the last request's, usually: no weak count changed.)
            inp.queue = Arc::downgrade(&queue);
        }
        inp.body = match framing {
            Framing::None => BodyKind::Done,
            Framing::Length(n) => BodyKind::Length(n),
            Framing::Chunked => BodyKind::Chunked(Box::new(ChunkedDecoder::for_requests())),
        };
        inp.decoded.clear();
        inp.dpos = 0;
        inp.body_error = false;
        inp.body_raw = 0;
        inp.continue_needed = expect && framing != Framing::None;
        inp.phase = Phase::InRequest;
        {
            let mut out = self.output.lock();
            out.serving = req.id;
            out.resp = RespState { no_body: req.is_head_verb(), ..Default::default() };
            out.min_send_rate = timers.min_send_rate;
            let throttles = &inp.route_cache.as_ref().expect("filled above").2.throttles;
            if !(out.throttles.is_empty() && throttles.is_empty()) {
                out.throttles.clone_from(throttles);
            }
        }
        let key = queue.key();
        if inp.seen_queue != key {
            inp.seen_queue = key;
            self.saw_queue(key);
        }
        self.request_routed(inp, timers, now);
        // A chunked body that arrived with its head is checked before the application sees the request:
        // a smuggling attempt never reaches it.
        if Self::pump_body(inp).is_err() {
            inp.current = None;
            self.queue_bytes(response::error_response(400, true));
            self.set_closing(inp);
            return None;
        }
        self.move_home(inp, &queue);
        Some((queue, req))
    }

    /// The response to the current request is complete (or the engine answered a head itself and keeps
    /// the connection): back to waiting for a head, or draining the rest of the body first.
    /// `now`: when it ended.
    pub(super) fn request_ended(&self, inp: &mut Input, now: std::time::Instant) {
        inp.phase = if Self::body_done(inp) { Phase::Head } else { Phase::Drain };
        self.response_ended(inp, now);
    }

    /// Moves the socket to the epoll set of the queue its request went to, where that queue's threads
    /// will find its next request.
    fn move_home(self: &Arc<Self>, inp: &mut Input, queue: &Arc<RequestQueue>) {
        let set = queue.set();
        if let Home::Queue(s) = &inp.home {
            if Arc::ptr_eq(s, set) {
                return;
            }
        }
        let fd = self.sock.fd();
        match std::mem::replace(&mut inp.home, Home::None) {
            Home::Runtime => super::super::reactor::deregister(fd),
            Home::Queue(s) => s.remove(fd, self.id),
            Home::None => return,
        }
        if set.add(fd, self).is_ok() {
            inp.home = Home::Queue(set.clone());
        } else if super::super::reactor::register(fd, self.id).is_ok() {
            inp.home = Home::Runtime;
        }
        // An HTTP/2 stream's relay brings its edges to the set directly (h2::pipe).
        if let Some(p) = self.sock.pipe() {
            p.route_to(self.id, if let Home::Queue(s) = &inp.home { Some(s) } else { None });
        }
    }

    /// Queues a complete response the engine itself sends (400, 404, 503, 100 Continue).
    pub(super) fn queue_bytes(&self, data: Vec<u8>) {
        let mut out = self.output.lock();
        let slices = [std::io::IoSlice::new(&data)];
        let _ = self.write_locked(&mut out, &slices, None, 0);
    }
}
