//! The server's end of the notification hook ([`crate::notify`], `include/httpnotify.h`): each event
//! site in the server is one line calling one of these. Each starts with `notify::watching(filter)`,
//! one relaxed atomic load, and builds the event (its objects and name) only when a port wants it.
//!
//! Which registrations an event reaches (besides whole-server ones), by what the site knows:
//! - queue events (created, closed, shut down, state changed, full): the queue;
//! - prefix events: the queue (v1) or the URL group and its session;
//! - request events (received, 503 with a known route): the queue, the URL group and its session;
//! - connection events (opened, closed, connection timers, 503 before routing): every queue, group
//!   and session with a prefix on the connection's local port (a connection is not tied to one group).
//!
//! `Name`: the queue's name, the prefix, or the connection id in decimal for connection and request
//! events; empty for unnamed queues.
use super::connection::{Connection, Timer};
use super::queue::RequestQueue;
use super::request::Request;
use super::router::{self, Registration, Target};
use super::session;
use crate::notify::abi::*;
use crate::notify::{self, hook, Name, Scope};
use crate::server::abi::VERBOSITY_BASIC;
use std::sync::atomic::Ordering;
use std::sync::Arc;

fn queue_name(q: &RequestQueue) -> Name {
    q.name.clone().map_or(Name::Empty, Name::Text)
}

/// A queue event (`HTTP_NOTIFY_QUEUE_*`).
#[inline]
pub fn queue(q: &RequestQueue, filter: u32) {
    if notify::watching(filter) {
        emit_queue(q, filter);
    }
}

#[cold]
fn emit_queue(q: &RequestQueue, filter: u32) {
    notify::emit(filter, &[Scope::Queue(q.key())], queue_name(q));
}

/// The last handle of a queue closed: its prefixes went, then the queue; its registrations end.
#[inline]
pub fn queue_closed(q: &RequestQueue, regs: &[Arc<Registration>]) {
    if hook::active() {
        urls_of_queue(q, HTTP_NOTIFY_URL_REMOVED, regs);
        emit_queue(q, HTTP_NOTIFY_QUEUE_CLOSED);
        hook::forget(Scope::Queue(q.key()));
    }
}

/// Prefixes a v1 queue added or removed.
#[inline]
pub fn urls_of_queue(q: &RequestQueue, filter: u32, regs: &[Arc<Registration>]) {
    if notify::watching(filter) {
        emit_urls(filter, &[Scope::Queue(q.key())], regs);
    }
}

/// Prefixes a URL group (of `session`) added or removed.
#[inline]
pub fn urls_of_group(group: u64, session: u64, filter: u32, regs: &[Arc<Registration>]) {
    if notify::watching(filter) {
        emit_urls(filter, &[Scope::Group(group), Scope::Session(session)], regs);
    }
}

#[cold]
fn emit_urls(filter: u32, scopes: &[Scope], regs: &[Arc<Registration>]) {
    for r in regs {
        notify::emit(filter, scopes, Name::Text(r.text.clone()));
    }
}

/// A URL group or a server session was closed: its registrations end.
#[inline]
pub fn closed(scope: Scope) {
    if hook::active() {
        hook::forget(scope);
    }
}

/// The objects a route through `group` (0: a v1 queue's prefix) to `queue` concerns.
fn route_scopes(queue: Option<&RequestQueue>, group: u64, out: &mut Vec<Scope>) {
    if let Some(q) = queue {
        out.push(Scope::Queue(q.key()));
    }
    if group != 0 {
        out.push(Scope::Group(group));
        if let Some(s) = session::group_session(group) {
            out.push(Scope::Session(s));
        }
    }
}

/// Every object with a prefix on `port`.
fn port_scopes(port: u16) -> Vec<Scope> {
    let mut out = Vec::new();
    for r in router::registrations().iter().filter(|r| r.prefix.port == port) {
        match &r.target {
            Target::Queue(w) => out.push(Scope::Queue(w.as_ptr() as usize)),
            Target::Group(id) => route_scopes(session::group_queue(*id).as_deref(), *id, &mut out),
        }
    }
    let mut unique = Vec::with_capacity(out.len());
    for s in out {
        if !unique.contains(&s) {
            unique.push(s);
        }
    }
    unique
}

/// A connection event (`HTTP_NOTIFY_CONNECTION_*`, a connection timer, a 503 before routing), named by
/// the id the connection's requests report. An HTTP/2 stream's relay opens and closes with its
/// stream's: its TCP connection's opening and closing are reported ([`client_connection`]), not its own.
#[inline]
pub fn connection(c: &Connection, filter: u32) {
    if notify::watching(filter) {
        if c.mux.is_some() && filter & (HTTP_NOTIFY_CONNECTION_OPENED | HTTP_NOTIFY_CONNECTION_CLOSED) != 0 {
            return;
        }
        emit_connection(c.local, c.reported_id(), filter);
    }
}

/// A connection event of a client connection the engine serves through several connections
/// ([`super::connection::multiplexed`]).
#[inline]
pub fn client_connection(local: std::net::SocketAddr, id: u64, filter: u32) {
    if notify::watching(filter) {
        emit_connection(local, id, filter);
    }
}

#[cold]
fn emit_connection(local: std::net::SocketAddr, id: u64, filter: u32) {
    notify::emit(filter, &port_scopes(local.port()), Name::Id(id));
}

/// A connection timer closed the connection.
#[inline]
pub(super) fn timer(c: &Connection, t: Timer) {
    let filter = match t {
        Timer::IdleConnection => HTTP_NOTIFY_TIMER_IDLE_CONNECTION,
        Timer::HeaderWait => HTTP_NOTIFY_TIMER_HEADER_WAIT,
        Timer::EntityBody => HTTP_NOTIFY_TIMER_ENTITY_BODY,
        Timer::DrainEntityBody => HTTP_NOTIFY_TIMER_DRAIN_ENTITY_BODY,
        Timer::RequestQueue => HTTP_NOTIFY_TIMER_REQUEST_QUEUE,
        Timer::MinSendRate => HTTP_NOTIFY_TIMER_MIN_SEND_RATE,
        Timer::Throttle => return,
    };
    connection(c, filter);
}

/// The router answered a request itself (`status`); a 503 (no queue takes the prefix's requests now)
/// is reported.
#[inline]
pub fn rejected(c: &Connection, status: u16) {
    if status == 503 {
        connection(c, HTTP_NOTIFY_REQUEST_503);
    }
}

/// A request event with a known route (`group` 0: a v1 queue).
#[inline]
pub fn request(filter: u32, c: &Connection, queue: Option<&RequestQueue>, group: u64) {
    if notify::watching(filter) {
        emit_request(filter, c, queue, group);
    }
}

#[cold]
fn emit_request(filter: u32, c: &Connection, queue: Option<&RequestQueue>, group: u64) {
    // On the stack (this runs per request when a port watches requests); `Server` fills the unused places
    // and changes nothing, since whole-server registrations match every event anyway.
    let session = if group != 0 { session::group_session(group) } else { None };
    let scopes = [
        queue.map_or(Scope::Server, |q| Scope::Queue(q.key())),
        if group != 0 { Scope::Group(group) } else { Scope::Server },
        session.map_or(Scope::Server, Scope::Session),
    ];
    notify::emit(filter, &scopes, Name::Id(c.reported_id()));
}

/// A request was queued for the application.
#[inline]
pub fn received(q: &RequestQueue, req: &Request) {
    request(HTTP_NOTIFY_REQUEST_RECEIVED, &req.conn, Some(q), req.group);
}

/// `HttpServerQueueLengthProperty` refused a request: the queue is full, and (unless the 503
/// verbosity is Basic, which resets the connection) the client got a 503.
#[inline]
pub fn queue_full(c: &Connection, q: &RequestQueue, group: u64) {
    if notify::watching(HTTP_NOTIFY_QUEUE_FULL | HTTP_NOTIFY_REQUEST_503) {
        queue(q, HTTP_NOTIFY_QUEUE_FULL);
        if q.verbosity.load(Ordering::Acquire) != VERBOSITY_BASIC {
            request(HTTP_NOTIFY_REQUEST_503, c, Some(q), group);
        }
    }
}

/// The `RequestQueue` timer took a request back from `q` and answered 503.
#[inline]
pub fn request_timed_out(c: &Connection, q: &RequestQueue, req: &Request) {
    request(HTTP_NOTIFY_TIMER_REQUEST_QUEUE, c, Some(q), req.group);
    request(HTTP_NOTIFY_REQUEST_503, c, Some(q), req.group);
}
