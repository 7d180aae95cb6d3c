//! Flood defences of an HTTP/2 connection, beside the `h2` crate's own (pending-accept resets, locally
//! made resets, CONTINUATION frames per header block, small DATA frames, one pending PING and SETTINGS
//! acknowledgement at a time): what it has no limit for is counted here, and a connection over its budget
//! gets a GOAWAY with ENHANCE_YOUR_CALM ([`Guard::tripped`], acted on by [`super::serve`]).
//!
//! - Control frames: SETTINGS and PING (not acknowledgements), PRIORITY, RST_STREAM and unknown frame types
//!   spend a token bucket ([`BURST`] tokens, [`RATE`] a second; a RST_STREAM costs [`RESET_COST`]: rapid
//!   reset opens a stream the engine has already started to serve). [`Watched`] sees them by reading
//!   the 9-byte frame headers as the bytes pass to the `h2` crate.
//! - WINDOW_UPDATE floods: an increment below [`SMALL_INCREMENT`] spends a token of the same bucket (a
//!   client that opens its windows a few bytes at a time makes us send tiny DATA frames and answers each
//!   with another update). Clients open windows by tens of KiB (curl, nghttp2, grpc, the `h2` crate):
//!   their updates are free.
//! - Streams outliving their resets: more stream tasks running than twice the concurrent-stream limit
//!   means the client resets streams faster than they end.
//! - Zero-window stalls: a response that waits longer than the connection's idle time for the client to
//!   open its window ([`super::send_data`]).
//!
//! Not a flood but seen the same way: whether a header block has begun and not ended (HEADERS without
//! END_HEADERS awaiting its CONTINUATION, or a header frame whose payload has not all come), and since
//! when ([`Guard::header_block`]): [`super::serve`] runs HeaderWait on it.
use parking_lot::Mutex;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::Notify;

/// Control frames a client may send at once.
pub const BURST: u32 = 1000;
/// Control frames a second a client may send in the long run.
pub const RATE: u32 = 200;
/// What one RST_STREAM costs.
pub const RESET_COST: u32 = 4;

/// WINDOW_UPDATE increments below this spend a token.
pub const SMALL_INCREMENT: u32 = 1024;
/// The WINDOW_UPDATE frame type.
const WINDOW_UPDATE: u8 = 8;
/// The frame types that carry a header block (HEADERS, CONTINUATION), and their END_HEADERS flag.
const HEADERS: u8 = 1;
const CONTINUATION: u8 = 9;
const END_HEADERS: u8 = 0x4;

/// The length of the client connection preface ("PRI * HTTP/2.0...").
const PREFACE_LEN: usize = 24;

struct Bucket {
    tokens: u32,
    at: Instant,
}

/// One connection's budgets and whether it went over one.
pub struct Guard {
    /// How long a response may wait for the client's window (the connection's idle time).
    pub stall: std::time::Duration,
    bucket: Mutex<Bucket>,
    tripped: AtomicBool,
    why: Mutex<&'static str>,
    /// Since when a header block has been open (None: none is).
    block: Mutex<Option<Instant>>,
    /// Tripped, or a header block began or ended ([`Self::changed`]).
    changed: Notify,
}

impl Guard {
    pub fn new(stall: std::time::Duration) -> Arc<Self> {
        Arc::new(Guard {
            stall,
            bucket: Mutex::new(Bucket { tokens: BURST, at: Instant::now() }),
            tripped: AtomicBool::new(false),
            why: Mutex::new(""),
            block: Mutex::new(None),
            changed: Notify::new(),
        })
    }

    /// The connection is over a budget: it gets a GOAWAY.
    pub fn trip(&self, why: &'static str) {
        if !self.tripped.swap(true, Ordering::AcqRel) {
            *self.why.lock() = why;
        }
        self.changed.notify_waiters();
    }

    pub fn is_tripped(&self) -> bool {
        self.tripped.load(Ordering::Acquire)
    }

    pub fn why(&self) -> &'static str {
        *self.why.lock()
    }

    /// Since when a header block of the client's has been open, if one is.
    pub fn header_block(&self) -> Option<Instant> {
        *self.block.lock()
    }

    /// Until the connection is over a budget, or the header block differs from `block` (as
    /// [`Self::header_block`] gave it).
    pub async fn changed(&self, block: Option<Instant>) {
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if self.is_tripped() || self.header_block() != block {
                return;
            }
            changed.await;
        }
    }

    /// A header block began (`open`) or ended, as seen at the end of one read.
    fn set_header_block(&self, open: bool) {
        *self.block.lock() = open.then(Instant::now);
        self.changed.notify_waiters();
    }

    /// A frame header the client sent: type, flags.
    fn frame(&self, kind: u8, flags: u8) {
        const ACK: u8 = 0x1;
        let cost = match kind {
            // DATA, HEADERS, PUSH_PROMISE, GOAWAY, WINDOW_UPDATE, CONTINUATION: the h2 crate's limits.
            0 | 1 | 5 | 7 | 8 | 9 => return,
            // SETTINGS, PING: their acknowledgements answer ours.
            4 | 6 if flags & ACK != 0 => return,
            3 => RESET_COST,
            _ => 1,
        };
        self.spend(cost, "control frame flood (SETTINGS, PING, PRIORITY, RST_STREAM)");
    }

    /// A WINDOW_UPDATE the client sent, by its increment.
    fn window_update(&self, increment: u32) {
        if increment < SMALL_INCREMENT {
            self.spend(1, "WINDOW_UPDATE flood (small increments)");
        }
    }

    fn spend(&self, cost: u32, why: &'static str) {
        let mut b = self.bucket.lock();
        let now = Instant::now();
        let earned = (now.duration_since(b.at).as_millis() as u64 * RATE as u64 / 1000) as u32;
        if earned > 0 {
            b.tokens = (b.tokens.saturating_add(earned)).min(BURST);
            b.at = now;
        }
        if b.tokens < cost {
            drop(b);
            self.trip(why);
        } else {
            b.tokens -= cost;
        }
    }
}

pin_project_lite::pin_project! {
    /// The connection's transport, read through: each frame header the client sends is shown to its
    /// [`Guard`] on the way to the `h2` crate.
    pub struct Watched<IO> {
        #[pin]
        io: IO,
        guard: Arc<Guard>,
        scan: Scan,
    }
}

impl<IO> Watched<IO> {
    pub fn new(io: IO, guard: Arc<Guard>) -> Self {
        Watched { io, guard, scan: Scan::new() }
    }
}

/// Where the reading of the client's frames stands.
struct Scan {
    /// Payload (or preface) bytes still to pass before the next frame header.
    skip: usize,
    /// The frame header being read (and a WINDOW_UPDATE's increment after it).
    head: [u8; 13],
    have: usize,
    /// A header block has begun and not ended.
    block: bool,
    /// The payload being passed ends the header block (its frame had END_HEADERS).
    block_ends: bool,
}

impl Scan {
    fn new() -> Self {
        Scan { skip: PREFACE_LEN, head: [0; 13], have: 0, block: false, block_ends: false }
    }
}

/// Walks `bytes` (the next bytes of the stream), reporting each complete frame header (and each
/// WINDOW_UPDATE's increment), and a header block begun or ended by the time they are passed (a whole
/// one within them is not reported).
fn scan(bytes: &[u8], st: &mut Scan, guard: &Guard) {
    let was = st.block;
    walk(bytes, st, guard);
    if st.block != was {
        guard.set_header_block(st.block);
    }
}

fn walk(mut bytes: &[u8], st: &mut Scan, guard: &Guard) {
    let Scan { skip, head, have, block, block_ends } = st;
    // The header read so far is a WINDOW_UPDATE's (its 4-byte increment is read too).
    let update = |h: &[u8; 13], have: usize| have >= 9 && h[3] == WINDOW_UPDATE && h[..3] == [0, 0, 4];
    while !bytes.is_empty() {
        if *skip > 0 {
            let n = (*skip).min(bytes.len());
            *skip -= n;
            bytes = &bytes[n..];
            if *skip == 0 && *block_ends {
                (*block, *block_ends) = (false, false);
            }
            continue;
        }
        let want = if update(head, *have) { 13 } else { 9 };
        let n = (want - *have).min(bytes.len());
        head[*have..*have + n].copy_from_slice(&bytes[..n]);
        *have += n;
        bytes = &bytes[n..];
        // (Its type is known once 9 bytes are in: a WINDOW_UPDATE's increment follows.)
        if *have < if update(head, *have) { 13 } else { 9 } {
            continue;
        }
        if *have == 13 {
            guard.window_update(u32::from_be_bytes([head[9], head[10], head[11], head[12]]) & 0x7fff_ffff);
        } else {
            *skip = u32::from_be_bytes([0, head[0], head[1], head[2]]) as usize;
            guard.frame(head[3], head[4]);
            if head[3] == HEADERS || head[3] == CONTINUATION {
                *block = true;
                *block_ends = head[4] & END_HEADERS != 0;
                if *skip == 0 && *block_ends {
                    (*block, *block_ends) = (false, false);
                }
            }
        }
        *have = 0;
    }
}

impl<IO: AsyncRead> AsyncRead for Watched<IO> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let this = self.project();
        let before = buf.filled().len();
        let r = this.io.poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = r {
            scan(&buf.filled()[before..], this.scan, this.guard);
        }
        r
    }
}

impl<IO: AsyncWrite> AsyncWrite for Watched<IO> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        self.project().io.poll_write(cx, buf)
    }
    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        self.project().io.poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.project().io.poll_flush(cx)
    }
    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.project().io.poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(kind: u8, flags: u8, len: usize) -> Vec<u8> {
        let mut f = vec![(len >> 16) as u8, (len >> 8) as u8, len as u8, kind, flags, 0, 0, 0, 1];
        f.resize(9 + len, 0xaa);
        f
    }

    #[test]
    fn control_frames_spend_the_budget_wherever_reads_split_them() {
        let g = Guard::new(std::time::Duration::from_secs(1));
        let mut wire = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
        wire.extend(frame(4, 0, 6)); // SETTINGS
        wire.extend(frame(0, 0, 100)); // DATA: not counted
        wire.extend(frame(4, 1, 0)); // SETTINGS ACK: not counted
        for _ in 0..(BURST - 2) {
            wire.extend(frame(6, 0, 8)); // PING
        }
        let mut st = Scan::new();
        for piece in wire.chunks(7) {
            scan(piece, &mut st, &g);
        }
        assert!(!g.is_tripped(), "within the burst");
        for _ in 0..20 {
            scan(&frame(3, 0, 4), &mut st, &g);
        }
        assert!(g.is_tripped(), "a RST_STREAM over the budget");
        assert!(g.why().contains("flood"));
    }

    fn window_update(increment: u32) -> Vec<u8> {
        let mut f = frame(WINDOW_UPDATE, 0, 4);
        f[9..13].copy_from_slice(&increment.to_be_bytes());
        f
    }

    #[test]
    fn small_window_updates_spend_the_budget_large_ones_do_not() {
        let g = Guard::new(std::time::Duration::from_secs(1));
        let mut wire = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
        for _ in 0..(3 * BURST) {
            wire.extend(window_update(32 * 1024));
            wire.extend(frame(0, 0, 5)); // DATA between them
        }
        let mut st = Scan::new();
        for piece in wire.chunks(5) {
            scan(piece, &mut st, &g);
        }
        assert!(!g.is_tripped(), "updates of 32 KiB are free");
        // Small ones, split across reads: the budget (plus what it earns meanwhile) and no more.
        let mut small = 0;
        while !g.is_tripped() && small < 3 * BURST {
            for piece in window_update(1).chunks(3) {
                scan(piece, &mut st, &g);
            }
            small += 1;
        }
        assert!(g.is_tripped(), "small increments over the budget");
        assert!(small >= BURST, "not before the burst is spent: {small}");
        assert!(g.why().contains("WINDOW_UPDATE"));
    }

    /// A name, the frames after the preface, the read size, open at the end, reported open on the way.
    type Row = (&'static str, Vec<Vec<u8>>, usize, bool, bool);

    #[test]
    fn a_header_block_is_open_until_its_end_headers_frame_has_all_come() {
        const EH: u8 = END_HEADERS;
        // Rows: the frames after the preface, how they are cut into reads, whether a block is open at the
        // end of the last read, and whether it was reported open at any read's end on the way.
        let rows: [Row; 7] = [
            ("whole HEADERS", vec![frame(HEADERS, EH, 20)], 64, false, false),
            ("HEADERS without END_HEADERS", vec![frame(HEADERS, 0, 20)], 64, true, true),
            ("then its CONTINUATION", vec![frame(HEADERS, 0, 20), frame(CONTINUATION, EH, 10)], 128, false, false),
            ("HEADERS cut short", vec![frame(HEADERS, EH, 50)[..30].to_vec()], 64, true, true),
            ("HEADERS read in pieces", vec![frame(HEADERS, EH, 50)], 7, false, true),
            ("empty CONTINUATION ends it", vec![frame(HEADERS, 0, 5), frame(CONTINUATION, EH, 0)], 64, false, false),
            ("DATA and SETTINGS", vec![frame(0, 0, 30), frame(4, 0, 6)], 64, false, false),
        ];
        for (name, frames, cut, open, seen) in rows {
            let g = Guard::new(std::time::Duration::from_secs(1));
            let mut wire = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
            wire.extend(frames.concat());
            let mut st = Scan::new();
            let mut reported = false;
            for piece in wire.chunks(cut) {
                scan(piece, &mut st, &g);
                reported |= g.header_block().is_some();
            }
            assert_eq!(g.header_block().is_some(), open, "{name}: open at the end");
            assert_eq!(reported, seen, "{name}: reported open on the way");
        }
    }
}
