//! The process-wide pool of idle keep-alive connections. Windows keeps it per process by default
//! ("global, cross-session pooling", Microsoft's option-flags page): an idle connection survives
//! closing its request, connect and session handles, and a request of any session to the same server
//! (scheme, host, port, proxy, relaxed certificate checks) reuses it, so its send reports no
//! resolving or connecting notifications. A session that set `WINHTTP_OPTION_DISABLE_GLOBAL_POOLING`
//! keeps its own: its connections carry `Origin::pool` = its id, so no other session takes them,
//! and [`close_pool`] closes them with its handle.
//!
//! A connection in here is counted by no session: a session counts the connections its requests
//! use (`WINHTTP_OPTION_MAX_CONNS_PER_SERVER`), and the idle ones it handed back
//! ([`owned_by`], for `WinHttpQueryConnectionGroup`).
//!
//! An idle connection is not used after the idle timeout of the session that handed it back
//! (`WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT`, one minute by default, as on Windows); it is closed
//! on the next look-up.
//!
//! HTTP/2 connections are not in here: one per origin and connection settings, shared by every
//! request that matches, is in `client::h2` (`CONNS`), closed there after the same idle time without
//! a stream.
//!
//! Operations: [`put`], [`take`], [`owned_by`], [`close_pool`].
use super::conn::Conn;
use super::session::Origin;
use once_cell::sync::Lazy;
use parking_lot::Mutex;

/// At most this many idle connections are kept (the oldest goes first).
const MAX_IDLE: usize = 256;

struct Idle {
    origin: Origin,
    conn: Conn,
    /// The session that handed it back last.
    owner: u64,
    /// Not used after this (`WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT` of that session).
    until: std::time::Instant,
}

/// Drops the connections idle past their time (Windows: they are not used again; the socket
/// closes on the next look-up).
fn expire(idle: &mut Vec<Idle>) {
    let now = std::time::Instant::now();
    idle.retain(|e| e.until > now);
}

static IDLE: Lazy<Mutex<Vec<Idle>>> = Lazy::new(|| Mutex::new(Vec::new()));

/// Keeps a connection whose response was read whole, for the next request to `origin`.
/// It is not used after `idle_ms` (`WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT`).
pub fn put(origin: &Origin, mut conn: Conn, owner: u64, idle_ms: u32) {
    conn.reused = true;
    let until = std::time::Instant::now() + std::time::Duration::from_millis(idle_ms as u64);
    let mut idle = IDLE.lock();
    expire(&mut idle);
    if idle.len() >= MAX_IDLE {
        idle.remove(0);
    }
    idle.push(Idle { origin: origin.clone(), conn, owner, until });
}

/// The most recently pooled usable connection to `origin`, preferring one registered with the
/// reactor this thread polls in (no re-registration before its first wait, `Conn::bind`); stale
/// ones (closed by the server, or with bytes waiting) are dropped on the way.
pub fn take(origin: &Origin) -> Option<Conn> {
    let here = super::reactor::current_id();
    let mut idle = IDLE.lock();
    expire(&mut idle);
    loop {
        let i = idle
            .iter()
            .rposition(|e| e.origin == *origin && e.conn.bound() == here)
            .or_else(|| idle.iter().rposition(|e| e.origin == *origin))?;
        let e = idle.remove(i);
        if e.conn.is_idle_usable() {
            return Some(e.conn);
        }
    }
}

/// Idle connections `owner` handed back that match `keep`.
pub fn owned_by(owner: u64, keep: impl Fn(&Origin) -> bool) -> u32 {
    let mut idle = IDLE.lock();
    expire(&mut idle);
    idle.iter().filter(|e| e.owner == owner && keep(&e.origin)).count() as u32
}

/// Closes the idle connections of a session's own pool (`WinHttpCloseHandle` on a session that set
/// `WINHTTP_OPTION_DISABLE_GLOBAL_POOLING`). Connections its requests still use close with them.
pub fn close_pool(pool: u64) {
    // Dropped outside the lock: closing a TLS socket writes close_notify.
    let closed: Vec<Idle> = {
        let mut idle = IDLE.lock();
        let (gone, kept) = std::mem::take(&mut *idle).into_iter().partition(|e| e.origin.pool == pool);
        *idle = kept;
        gone
    };
    drop(closed);
}
