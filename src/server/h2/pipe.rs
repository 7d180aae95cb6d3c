//! The in-process byte channel between an HTTP/2 stream's relay (a runtime task, [`super`]) and the
//! engine's connection that serves it ([`crate::server::connection`]): the request's HTTP/1.1 bytes one
//! way, the response's the other, with no socket in between.
//!
//! Before, a UNIX socket pair carried them: five system calls a request (the relay's send of the head,
//! the engine's read, the engine's `sendmsg` of the response, the relay's read and its `EAGAIN`). Now
//! the bytes are copied under a lock. The engine still sees edges as from a socket: when the relay
//! brings input, ends it, or makes room in a full output, the edge goes to the stash of the queue set
//! the engine's connection waits in ([`QueueSet::post`]), or, before its first request, through an
//! `eventfd` registered in the runtime's epoll set; the relay's task is woken through [`Notify`]s.
//! Both directions hold at most [`CAP`] bytes ahead of their reader, as a socket's buffers would.
use crate::server::lead::QueueSet;
use bytes::{Buf, BytesMut};
use parking_lot::Mutex;
use std::io::{self, IoSlice};
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::sync::{Arc, Weak};
use tokio::sync::Notify;

/// Bytes one direction holds ahead of its reader.
const CAP: usize = 256 * 1024;
/// A file chunk is read in steps of at most this.
const FILE_STEP: usize = 64 * 1024;

#[derive(Default)]
struct State {
    /// Relay -> engine (the request).
    input: BytesMut,
    /// The relay will write no more: the engine reads its end.
    input_end: bool,
    /// Engine -> relay (the response).
    output: BytesMut,
    /// The engine closed (shut down or aborted): the relay reads its end; its writes fail.
    engine_closed: bool,
    /// The relay went: the engine's writes fail.
    relay_closed: bool,
    /// The engine found the output full and waits for an edge.
    engine_waits: bool,
    /// The application's response head as fields ([`super::head`]), and how many output bytes come
    /// before it (an interim response the engine wrote itself).
    head: Option<Box<HeadFields>>,
    head_at: usize,
    /// The engine connection's id and the queue set it waits in (after its first request): edges go to
    /// that set's stash ([`QueueSet::post`]) rather than through the `eventfd`.
    route: Option<(u64, Weak<QueueSet>)>,
}

type HeadFields = Result<super::Parsed, h2::Reason>;

pub struct Pipe {
    state: Mutex<State>,
    /// The engine's edge (an `eventfd`, non-blocking).
    edge: crate::server::poll::Waker,
    /// The engine wrote output or closed.
    data: Notify,
    /// The engine took input (below [`CAP`] again) or closed.
    room: Notify,
    /// The stream's side channel: the engine's abortive end resets the stream ([`Self::engine_abort`]).
    ctl: std::sync::Arc<super::control::StreamControl>,
}

impl Pipe {
    pub fn new(ctl: std::sync::Arc<super::control::StreamControl>) -> io::Result<Pipe> {
        let edge = crate::server::poll::Waker::new()?;
        Ok(Pipe { state: Default::default(), edge, data: Notify::new(), room: Notify::new(), ctl })
    }

    /// A descriptor the engine's connection registers in its epoll set (a duplicate of the `eventfd`).
    pub fn edge_fd(&self) -> io::Result<OwnedFd> {
        // SAFETY: the descriptor is the waker's, open for as long as `self` lives (past this call).
        unsafe { BorrowedFd::borrow_raw(self.edge.as_raw_fd()) }.try_clone_to_owned()
    }

    /// An edge for the engine (input, or room for output): posted to the stash of the queue set its
    /// connection waits in, which wakes that set only when nobody would look at it otherwise
    /// ([`QueueSet::post`]: one wake for a burst of streams, not a system call each); before the first
    /// request (the runtime's set), a write of the `eventfd`, which wakes an edge-triggered watcher at
    /// every write (its counter is never read; it cannot reach its limit at one a write).
    fn signal(&self) {
        let route = self.state.lock().route.as_ref().and_then(|(id, set)| Some((*id, set.upgrade()?)));
        match route {
            Some((id, set)) => set.post(id, (libc::EPOLLIN | libc::EPOLLOUT) as u32),
            None => self.edge.wake(),
        }
    }

    /// Where the engine's connection `id` waits for its edges now: the queue set it moved to, or `None`
    /// (the runtime's set, or gone): the `eventfd`.
    pub fn route_to(&self, id: u64, set: Option<&Arc<QueueSet>>) {
        self.state.lock().route = set.map(|s| (id, Arc::downgrade(s)));
    }

    // ---- the engine's side (non-blocking, as a socket) ----

    /// One read of the request bytes: `WouldBlock` when none wait, 0 at the end.
    pub fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.take(buf.len(), |b| buf[..b.len()].copy_from_slice(b))
    }

    /// [`Self::read`] appended to `v` (at most `room` bytes).
    pub fn read_append(&self, v: &mut Vec<u8>, room: usize) -> io::Result<usize> {
        self.take(room, |b| v.extend_from_slice(b))
    }

    fn take(&self, max: usize, put: impl FnOnce(&[u8])) -> io::Result<usize> {
        let (n, freed) = {
            let mut s = self.state.lock();
            if s.input.is_empty() {
                return if s.input_end || s.relay_closed { Ok(0) } else { Err(io::ErrorKind::WouldBlock.into()) };
            }
            let n = s.input.len().min(max);
            let full = s.input.len() >= CAP;
            put(&s.input[..n]);
            s.input.advance(n);
            (n, full && s.input.len() < CAP)
        };
        if freed {
            self.room.notify_one();
        }
        Ok(n)
    }

    /// Writes what fits of `bufs`: the count (0 when full), `BrokenPipe` when the relay has gone.
    pub fn send_vectored(&self, bufs: &[IoSlice]) -> io::Result<usize> {
        let n = {
            let mut s = self.state.lock();
            if s.relay_closed || s.engine_closed {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            let mut room = CAP.saturating_sub(s.output.len());
            let mut n = 0;
            for b in bufs {
                let k = b.len().min(room);
                s.output.extend_from_slice(&b[..k]);
                (room, n) = (room - k, n + k);
                if room == 0 {
                    break;
                }
            }
            let want: usize = bufs.iter().map(|b| b.len()).sum();
            s.engine_waits |= n < want;
            n
        };
        if n > 0 {
            self.data.notify_one();
        }
        Ok(n)
    }

    /// As a socket's `send`: `WouldBlock` when nothing fits.
    pub fn send(&self, buf: &[u8]) -> io::Result<usize> {
        match self.send_vectored(&[IoSlice::new(buf)])? {
            0 if !buf.is_empty() => Err(io::ErrorKind::WouldBlock.into()),
            n => Ok(n),
        }
    }

    /// Up to `max` next bytes of a file range, read and written: `WouldBlock` when full.
    pub fn send_file(&self, src: &mut crate::server::files::FileRange, max: usize) -> io::Result<usize> {
        let room = {
            let mut s = self.state.lock();
            if s.relay_closed || s.engine_closed {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            let room = CAP.saturating_sub(s.output.len());
            if room == 0 {
                s.engine_waits = true;
                return Err(io::ErrorKind::WouldBlock.into());
            }
            room
        };
        // Only the engine's output lock holder writes: the room does not shrink meanwhile.
        let mut buf = Vec::new();
        match src.refill(&mut buf, max.min(room).min(FILE_STEP)) {
            Ok(0) => Ok(0),
            Ok(_) => self.send_vectored(&[IoSlice::new(&buf)]),
            Err(_) => Err(io::ErrorKind::UnexpectedEof.into()),
        }
    }

    /// The application's response head (engine side, in place of writing it): the relay takes it as
    /// fields, after any bytes written before it.
    pub fn put_head(&self, h: &crate::server::response::ResponseHead, plan: &crate::server::response::Plan, v2: bool) {
        let head = Box::new(super::head::fields(h, plan, v2));
        {
            let mut s = self.state.lock();
            if s.relay_closed || s.engine_closed {
                return;
            }
            s.head_at = s.output.len();
            s.head = Some(head);
        }
        self.data.notify_one();
    }

    /// The engine's connection ended (shut down or aborted): the relay reads the end of the response.
    pub fn engine_close(&self) {
        {
            let mut s = self.state.lock();
            s.engine_closed = true;
            s.route = None;
        }
        self.data.notify_one();
        self.room.notify_one();
    }

    /// The engine's abortive end (MinSendRate, Http503ResponseVerbosityBasic): what the relay has not
    /// taken is dropped and the stream is reset (CANCEL), not the client's TCP connection, which the
    /// connection's other streams share.
    pub fn engine_abort(&self) {
        {
            let mut s = self.state.lock();
            s.output.clear();
            s.head_at = 0;
        }
        self.engine_close();
        self.ctl.reset(u32::from(h2::Reason::CANCEL));
    }

    // ---- the relay's side ----

    /// Whether the engine has closed its end (an idle relay its timer ended).
    pub fn engine_closed(&self) -> bool {
        self.state.lock().engine_closed
    }

    /// Writes all of `data` for the engine, waiting while the input is full. `Err`: the engine closed.
    pub async fn write_all(&self, data: &[u8]) -> Result<(), ()> {
        let mut at = 0;
        while at < data.len() {
            let room = self.room.notified();
            {
                let mut s = self.state.lock();
                if s.engine_closed {
                    return Err(());
                }
                let k = CAP.saturating_sub(s.input.len()).min(data.len() - at);
                s.input.extend_from_slice(&data[at..at + k]);
                at += k;
                if k > 0 {
                    drop(s);
                    self.signal();
                    continue;
                }
            }
            room.await;
        }
        Ok(())
    }

    /// The request ends here (the client reset the stream): the engine reads its end.
    pub fn end_input(&self) {
        self.state.lock().input_end = true;
        self.signal();
    }

    /// One read of the response: what is there (appended to `buf`), waiting for some; 0 at the end, or
    /// when a response head waits ([`Self::take_head`]) with no byte before it.
    pub async fn read_into(&self, buf: &mut BytesMut) -> usize {
        loop {
            let data = self.data.notified();
            {
                let mut s = self.state.lock();
                let n = if s.head.is_some() { s.head_at } else { s.output.len() };
                if n > 0 {
                    buf.extend_from_slice(&s.output[..n]);
                    if n == s.output.len() {
                        s.output.clear();
                    } else {
                        s.output.advance(n);
                    }
                    s.head_at -= n.min(s.head_at);
                    let wake = std::mem::take(&mut s.engine_waits);
                    drop(s);
                    if wake {
                        self.signal();
                    }
                    return n;
                }
                if s.engine_closed || s.head.is_some() {
                    return 0;
                }
            }
            data.await;
        }
    }

    /// The application's response head, once every byte written before it has been read.
    pub(super) fn take_head(&self) -> Option<HeadFields> {
        let mut s = self.state.lock();
        if s.head_at > 0 {
            return None;
        }
        s.head.take().map(|h| *h)
    }

    /// Whether a response head waits ([`Self::take_head`]).
    pub(super) fn head_waits(&self) -> bool {
        self.state.lock().head.is_some()
    }

    /// The relay goes: the engine reads the end of the request and its writes fail.
    pub fn relay_close(&self) {
        self.state.lock().relay_closed = true;
        self.signal();
    }

    /// Whether the engine keeps its end and has written nothing since (a relay fit for the next stream;
    /// the engine may still be reading the last request's unread body).
    pub fn is_clear(&self) -> bool {
        let s = self.state.lock();
        s.output.is_empty() && s.head.is_none() && !s.engine_closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_cross_both_ways_with_their_ends() {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let p = Pipe::new(super::super::control::StreamControl::new()).unwrap();
        let mut b = [0u8; 8];
        assert_eq!(p.read(&mut b).unwrap_err().kind(), io::ErrorKind::WouldBlock);
        rt.block_on(p.write_all(b"GET / HTTP/1.1\r\n")).unwrap();
        assert_eq!(p.read(&mut b).unwrap(), 8);
        let mut v = Vec::with_capacity(64);
        assert_eq!(p.read_append(&mut v, 64).unwrap(), 8);
        assert_eq!(&v, b"TP/1.1\r\n");
        p.end_input();
        assert_eq!(p.read(&mut b).unwrap(), 0);

        assert_eq!(p.send_vectored(&[IoSlice::new(b"HTTP/1.1 "), IoSlice::new(b"200 OK")]).unwrap(), 15);
        let mut got = BytesMut::new();
        assert_eq!(rt.block_on(p.read_into(&mut got)), 15);
        assert_eq!(&got[..], b"HTTP/1.1 200 OK");
        // Full: the engine gets what fits, then WouldBlock, and an edge once the relay has read.
        let big = vec![7u8; CAP + 10];
        assert_eq!(p.send_vectored(&[IoSlice::new(&big)]).unwrap(), CAP);
        assert_eq!(p.send(b"x").unwrap_err().kind(), io::ErrorKind::WouldBlock);
        got.clear();
        assert_eq!(rt.block_on(p.read_into(&mut got)), CAP);
        assert!(!p.state.lock().engine_waits);
        p.engine_close();
        assert_eq!(rt.block_on(p.read_into(&mut got)), 0);
        assert!(rt.block_on(p.write_all(b"more")).is_err());
        assert!(p.send(b"x").is_err());
    }
}
