//! A client connection the engine serves through several connections of its own: an HTTP/2 TCP
//! connection, whose streams reach the engine through relays ([`crate::server::h2`]), each an engine
//! [`super::Connection`] with its own internal id (its epoll token, its timers).
//!
//! On Windows every stream of one TCP connection reports the same `HTTP_CONNECTION_ID` (ASP.NET Core's
//! HttpSys server and IIS key per-connection state on it), and `HttpWaitForDisconnect` on it completes
//! when the TCP connection ends, not when a stream does. So the relays of one TCP connection carry a
//! [`Multiplexed`]: its id is what their requests report ([`super::Connection::reported_id`]), [`super::lookup`]
//! finds it by that id, it keeps the disconnect waits, and the HTTP/2 connection's task ends it
//! ([`Multiplexed::end`]) when the TCP connection ends. The relays' own ids are never reported.
//!
//! It also holds the connection's places in URL group connection limits (`HTTP_CONNECTION_LIMIT_INFO`):
//! the TCP connection counts, not each relay.
//!
//! Operations: [`Multiplexed::open`], [`Multiplexed::end`], the disconnect waits
//! ([`ClientConnection`]), [`Multiplexed::count_against`], [`get`].
use super::{ClientConnection, Waits};
use crate::notify::abi::{HTTP_NOTIFY_CONNECTION_CLOSED, HTTP_NOTIFY_CONNECTION_OPENED};
use crate::server::completion::{Completion, Start};
use crate::server::ids::IdMap;
use crate::server::notify_hook;
use crate::server::timers::ConnectionLimit;
use crate::win32::error::*;
use parking_lot::{Mutex, RwLock};
use std::net::SocketAddr;
use std::sync::{Arc, Weak};

/// Live multiplexed connections by their id (`HttpWaitForDisconnect`, `HttpReceiveClientCertificate`).
static LIVE: once_cell::sync::Lazy<RwLock<IdMap<Weak<Multiplexed>>>> = once_cell::sync::Lazy::new(Default::default);

/// The live multiplexed connection with this id.
pub fn get(id: u64) -> Option<Arc<Multiplexed>> {
    LIVE.read().get(&id).and_then(Weak::upgrade)
}

/// One client connection whose requests come through several engine connections.
pub struct Multiplexed {
    /// The `HTTP_CONNECTION_ID` every request of the connection reports.
    pub id: u64,
    pub local: SocketAddr,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    waits: Waits,
    ended: bool,
    /// The URL group connection limits (`HTTP_CONNECTION_LIMIT_INFO`) this connection holds a place in.
    places: Vec<Arc<ConnectionLimit>>,
}

impl Multiplexed {
    /// A new client connection (its id from the same sequence as every connection's).
    pub fn open(local: SocketAddr) -> Arc<Self> {
        let m = Arc::new(Multiplexed { id: super::next_id(), local, state: Default::default() });
        LIVE.write().insert(m.id, Arc::downgrade(&m));
        notify_hook::client_connection(m.local, m.id, HTTP_NOTIFY_CONNECTION_OPENED);
        m
    }

    /// The client connection ended (closed, reset, or ended by us): its disconnect waits complete, and
    /// its id names a closed connection from now on. Once; later calls do nothing.
    pub fn end(&self) {
        let waiters = {
            let mut s = self.state.lock();
            if std::mem::replace(&mut s.ended, true) {
                return;
            }
            for place in s.places.drain(..) {
                place.release();
            }
            std::mem::take(&mut s.waits.waiters)
        };
        LIVE.write().remove(&self.id);
        notify_hook::client_connection(self.local, self.id, HTTP_NOTIFY_CONNECTION_CLOSED);
        for w in waiters {
            w.completion.fire(ERROR_SUCCESS, 0, false);
        }
    }

    /// A request of one of its streams goes to a URL group with the connection limit `limit`: whether
    /// the connection has (or now takes) a place in it. The places are given back when it ends.
    pub(super) fn count_against(&self, limit: &Arc<ConnectionLimit>) -> bool {
        let mut s = self.state.lock();
        if s.places.iter().any(|p| Arc::ptr_eq(p, limit)) {
            return true;
        }
        if s.ended || !limit.acquire() {
            return false;
        }
        s.places.push(limit.clone());
        true
    }

    /// A request of one of its streams went to the queue `key` (which may now wait for its end).
    pub(super) fn saw_queue(&self, key: usize) {
        self.state.lock().waits.see(key);
    }
}

impl ClientConnection for Multiplexed {
    fn add_disconnect_waiter(&self, queue: usize, completion: Completion) -> Start {
        let mut s = self.state.lock();
        let ended = s.ended;
        s.waits.add(queue, completion, ended)
    }

    fn cancel_disconnect_waiters(&self, queue: usize, ov: usize) -> bool {
        let taken = self.state.lock().waits.take(queue, ov);
        super::abort_waiters(taken)
    }
}

/// Ends its [`Multiplexed`] when dropped: the HTTP/2 connection's task holds one, so the connection
/// ends however the task does (its loop ended, a panic, the runtime shutting down).
pub struct EndOnDrop(pub Arc<Multiplexed>);

impl Drop for EndOnDrop {
    fn drop(&mut self) {
        self.0.end();
    }
}
