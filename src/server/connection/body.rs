//! Request bodies: raw bytes decoded (Content-Length or chunked) into a bounded buffer ahead of the
//! application, `HttpReceiveRequestEntityBody` (with `FILL_BUFFER` and `Expect: 100-continue`), the
//! body bytes `HttpReceiveHttpRequest` copies with `HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY`, and draining
//! what the application left unread once the response is sent.
use super::*;
use crate::server::response;
use crate::win32::overlapped::CallerBuf;

/// Decoded body bytes buffered ahead of the application.
pub(super) const BODY_AHEAD: usize = 64 * 1024;

impl Connection {
    pub(super) fn body_done(inp: &Input) -> bool {
        matches!(inp.body, BodyKind::Done)
    }

    /// Moves raw input into the decoded body buffer (bounded). `Err` on a malformed chunked body.
    pub(super) fn pump_body(inp: &mut Input) -> Result<(), ()> {
        if inp.dpos > 0 && inp.dpos == inp.decoded.len() {
            inp.decoded.clear();
            inp.dpos = 0;
        }
        let avail = inp.buf.len() - inp.pos;
        let room = BODY_AHEAD.saturating_sub(inp.decoded.len() - inp.dpos);
        if avail == 0 || room == 0 {
            return Ok(());
        }
        match &mut inp.body {
            BodyKind::Done => {}
            BodyKind::Length(rem) => {
                let n = (*rem).min(avail as u64).min(room as u64) as usize;
                let start = inp.pos;
                inp.decoded.extend_from_slice(&inp.buf[start..start + n]);
                inp.pos += n;
                inp.body_raw += n as u64;
                *rem -= n as u64;
                if *rem == 0 {
                    inp.body = BodyKind::Done;
                }
            }
            BodyKind::Chunked(dec) => {
                let start = inp.pos;
                let input = &inp.buf[start..start + avail.min(room)];
                let decoded = &mut inp.decoded;
                let used = dec.decode(input, |d| decoded.extend_from_slice(d)).map_err(|_| ())?;
                let done = dec.is_done();
                inp.pos += used;
                inp.body_raw += used as u64;
                if done {
                    inp.body = BodyKind::Done;
                }
            }
        }
        if inp.pos == inp.buf.len() && inp.buf.capacity() != 0 {
            crate::server::pool::give(std::mem::take(&mut inp.buf));
            inp.pos = 0;
        }
        if Self::body_done(inp) && inp.dpos == inp.decoded.len() && inp.decoded.capacity() > 0 {
            inp.decoded = Vec::new();
            inp.dpos = 0;
        }
        Ok(())
    }

    /// The body part of [`Connection::advance`] (phases InRequest and Drain): decodes what was read,
    /// completes a waiting `HttpReceiveRequestEntityBody`, drops a drained body. True when the phase
    /// changed (the caller goes round again).
    pub(super) fn body_step(&self, inp: &mut Input, fired: &mut Fired) -> bool {
        if Self::pump_body(inp).is_err() {
            inp.body_error = true;
            inp.body = BodyKind::Done;
            if let Some(p) = inp.body_reader.take() {
                fired.push((p.completion, ERROR_CONNECTION_INVALID, 0));
            }
            if !self.output.lock().resp.started {
                self.queue_bytes(response::error_response(400, true));
            }
            self.set_closing(inp);
            return true;
        }
        if inp.phase == Phase::Drain {
            inp.decoded.clear();
            inp.dpos = 0;
            if Self::body_done(inp) {
                inp.decoded = Vec::new();
                inp.phase = Phase::Head;
                self.response_ended(inp, Instant::now());
                return true;
            }
            return false;
        }
        if inp.body_reader.is_some() {
            let avail = inp.decoded.len() - inp.dpos;
            if avail > 0 {
                let mut p = inp.body_reader.take().expect("checked");
                let n = avail.min(p.buf.len() - p.filled);
                let (from, at) = (inp.dpos, p.filled);
                // SAFETY: the pending receive that holds `p.buf` completes here; the caller's buffer is valid.
                (unsafe { p.buf.slice_mut() })[at..at + n].copy_from_slice(&inp.decoded[from..from + n]);
                inp.dpos += n;
                p.filled += n;
                let ended = inp.dpos == inp.decoded.len() && Self::body_done(inp);
                if p.fill && p.filled < p.buf.len() && !ended {
                    inp.body_reader = Some(p); // FILL_BUFFER: wait for the rest
                } else {
                    fired.push((p.completion, ERROR_SUCCESS, p.filled as u32));
                }
            } else if Self::body_done(inp) {
                let p = inp.body_reader.take().expect("checked");
                if p.filled > 0 {
                    fired.push((p.completion, ERROR_SUCCESS, p.filled as u32));
                } else {
                    fired.push((p.completion, ERROR_HANDLE_EOF, 0));
                }
            }
        }
        false
    }

    fn is_current(inp: &Input, req: &Request) -> bool {
        inp.phase != Phase::Closed && inp.current.as_ref().is_some_and(|c| c.id == req.id)
    }

    /// `HttpReceiveRequestEntityBody`, on the caller's thread: what is buffered is copied at once; with
    /// nothing buffered the socket is read right here; only then does the read wait for the next input
    /// edge. `fill`: `HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER` (complete with a full buffer, or
    /// with what is left when the body ends).
    pub fn receive_body(self: &Arc<Self>, req: &Request, buf: CallerBuf, fill: bool, completion: Completion) -> Start {
        let mut fired = Vec::new();
        let start = {
            let mut inp = self.input.lock();
            self.receive_body_locked(&mut inp, req, buf, fill, completion, &mut fired)
        };
        fire_all(fired);
        start
    }

    fn receive_body_locked(
        self: &Arc<Self>,
        inp: &mut Input,
        req: &Request,
        buf: CallerBuf,
        fill: bool,
        completion: Completion,
        fired: &mut Fired,
    ) -> Start {
        if !Self::is_current(inp, req) || self.output.lock().resp.finished {
            return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
        }
        if inp.body_reader.is_some() {
            return Start::Done(ERROR_INVALID_PARAMETER, 0, false);
        }
        if inp.continue_needed {
            inp.continue_needed = false;
            if !self.output.lock().resp.started {
                self.queue_bytes(b"HTTP/1.1 100 Continue\r\n\r\n".to_vec());
            }
        }
        let mut filled = 0;
        loop {
            if Self::pump_body(inp).is_err() {
                inp.body_error = true;
                inp.body = BodyKind::Done;
                self.set_closing(inp);
                let _ = self.advance(inp, fired);
                return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
            }
            let avail = inp.decoded.len() - inp.dpos;
            if avail > 0 {
                let n = avail.min(buf.len() - filled);
                let from = inp.dpos;
                // SAFETY: the receive that holds `buf` is running; the caller's buffer is valid until it completes.
                (unsafe { buf.slice_mut() })[filled..filled + n].copy_from_slice(&inp.decoded[from..from + n]);
                inp.dpos += n;
                filled += n;
                let ended = inp.dpos == inp.decoded.len() && Self::body_done(inp);
                if !fill || filled == buf.len() || ended || inp.body_error {
                    self.after_body_read(inp, fired);
                    return Start::Done(ERROR_SUCCESS, filled as u32, true);
                }
            }
            if inp.body_error {
                return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
            }
            if Self::body_done(inp) {
                if filled > 0 {
                    return Start::Done(ERROR_SUCCESS, filled as u32, true);
                }
                return Start::Done(ERROR_HANDLE_EOF, 0, false);
            }
            // Nothing buffered: try the socket now, on the caller's thread.
            if !inp.readable || inp.peer_eof {
                break;
            }
            let before = inp.buf.len() - inp.pos;
            self.read_more(inp, crate::server::pool::BUF);
            if inp.buf.len() - inp.pos == before {
                break;
            }
        }
        if inp.peer_eof || inp.broken {
            // The client left mid-body.
            let _ = self.advance(inp, fired);
            return Start::Done(ERROR_CONNECTION_INVALID, 0, false);
        }
        inp.body_reader = Some(PendingBody { buf, completion, fill, filled });
        self.note_body_reading(inp, true);
        Start::Pending
    }

    /// Room was made in the decoded buffer: read more when the socket may have it.
    fn after_body_read(self: &Arc<Self>, inp: &mut Input, fired: &mut Fired) {
        if inp.readable {
            // The request is current, so nothing can be routed here.
            let _ = self.advance(inp, fired);
        }
    }

    /// Copies the body bytes already here into `out` (`HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY`).
    /// Returns (bytes copied, more body exists, raw body bytes received so far).
    pub fn copy_body_into(&self, req: &Request, out: &mut [u8]) -> (usize, bool, u64) {
        let mut inp = self.input.lock();
        if !Self::is_current(&inp, req) {
            return (0, false, 0);
        }
        let _ = Self::pump_body(&mut inp);
        let avail = inp.decoded.len() - inp.dpos;
        let n = avail.min(out.len());
        let from = inp.dpos;
        out[..n].copy_from_slice(&inp.decoded[from..from + n]);
        inp.dpos += n;
        let more = inp.dpos < inp.decoded.len() || !Self::body_done(&inp);
        (n, more, inp.body_raw)
    }

    /// Whether body remains to be read, and the raw body bytes received so far (for the request's
    /// `Flags` and `BytesReceived` when the body is not copied).
    pub fn body_status(&self, req: &Request) -> (bool, u64) {
        if req.head.framing == crate::http1::request::Framing::None {
            // No body (the usual request): nothing to read, none received, whatever the connection does
            // now; no lock taken.
            return (false, 0);
        }
        let mut inp = self.input.lock();
        if !Self::is_current(&inp, req) {
            return (false, 0);
        }
        if !Self::body_done(&inp) {
            let _ = Self::pump_body(&mut inp);
        }
        (inp.dpos < inp.decoded.len() || !Self::body_done(&inp), inp.body_raw)
    }
}
