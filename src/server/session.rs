//! Server sessions and URL groups (HTTP Server API version 2). Both are named by 64-bit ids from their
//! own tables ([`super::ids`]), not by handles.
//!
//! Operations on a session: [`create_session`], [`close_session`] (closes its groups too, as
//! `HttpCloseServerSession` documents), [`set_session_state`] / [`session_state`].
//! On a URL group: [`create_group`], [`close_group`], [`add_url`], [`remove_url`], [`bind_queue`]
//! (`HttpServerBindingProperty`), [`set_group_state`] / [`group_state`], and [`group_queue`], which
//! routing asks for the queue that takes the group's requests.
//! On both: [`set_timeouts`] / [`timeouts`] (`HttpServerTimeoutsProperty`), [`set_bandwidth`] /
//! [`bandwidth`] and, on groups, [`set_max_connections`] / [`max_connections`] (`HttpServerQosProperty`);
//! [`route_settings`] gives a connection the timers and limits of the group its request went to.
use super::ids::IdTable;
use super::notify_hook;
use super::queue::RequestQueue;
use super::router::{self, Registration, Target};
use super::timers::{self, ConnTimers, ConnectionLimit, Throttle, TimeoutLimits};
use super::url::parse_prefix;
use crate::notify::abi::{HTTP_NOTIFY_URL_ADDED, HTTP_NOTIFY_URL_REMOVED};
use crate::notify::Scope as Watched;
use crate::win32::error::*;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};

pub struct ServerSession {
    pub id: u64,
    /// Shared with its groups, which read it when they route (no session lookup per request).
    enabled: Arc<AtomicBool>,
    groups: Mutex<Vec<u64>>,
    timeouts: Mutex<Option<TimeoutLimits>>,
    bandwidth: Mutex<Option<Arc<Throttle>>>,
}

pub struct UrlGroup {
    pub id: u64,
    pub session: u64,
    /// The session's enabled state (the same atomic).
    session_enabled: Arc<AtomicBool>,
    /// False once `HttpCloseUrlGroup` (or its session's close) removed it: a routing memo that still
    /// holds it routes nowhere.
    open: AtomicBool,
    /// The bound queue, with the number of bindings so far (a routing memo keeps both: while the count
    /// stays the same, the memo's weak reference is the binding, read without this lock).
    queue: Mutex<(u64, Weak<RequestQueue>)>,
    /// `queue`'s count, readable without the lock.
    bound: std::sync::atomic::AtomicU64,
    enabled: AtomicBool,
    regs: Mutex<Vec<Arc<Registration>>>,
    timeouts: Mutex<Option<TimeoutLimits>>,
    bandwidth: Mutex<Option<Arc<Throttle>>>,
    connections: Arc<ConnectionLimit>,
}

static SESSIONS: IdTable<ServerSession> = IdTable::new(0x20);
/// Bumped by every change of timeouts or QoS: connections keep the settings of their last group
/// until it moves (one atomic load per request instead of a walk through the tables).
static SETTINGS_GEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

pub fn settings_generation() -> u64 {
    SETTINGS_GEN.load(Ordering::Acquire)
}

fn settings_changed() {
    SETTINGS_GEN.fetch_add(1, Ordering::AcqRel);
}
static GROUPS: IdTable<UrlGroup> = IdTable::new(0x40);

pub fn create_session() -> u64 {
    SESSIONS
        .insert_with(|id| ServerSession {
            id,
            enabled: Arc::new(AtomicBool::new(true)),
            groups: Mutex::new(Vec::new()),
            timeouts: Mutex::new(None),
            bandwidth: Mutex::new(None),
        })
        .0
}

pub fn close_session(id: u64) -> WinResult<()> {
    let s = SESSIONS.remove(id).ok_or(ERROR_INVALID_PARAMETER)?;
    super::logging::forget(super::logging::Owner::Session(id));
    let groups = std::mem::take(&mut *s.groups.lock());
    for g in groups {
        let _ = close_group(g);
    }
    notify_hook::closed(Watched::Session(id));
    Ok(())
}

fn session(id: u64) -> WinResult<Arc<ServerSession>> {
    SESSIONS.get(id).ok_or(ERROR_INVALID_PARAMETER)
}

fn group(id: u64) -> WinResult<Arc<UrlGroup>> {
    GROUPS.get(id).ok_or(ERROR_INVALID_PARAMETER)
}

pub fn session_exists(id: u64) -> bool {
    SESSIONS.get(id).is_some()
}

pub fn group_exists(id: u64) -> bool {
    GROUPS.get(id).is_some()
}

pub fn create_group(session_id: u64) -> WinResult<u64> {
    let s = session(session_id)?;
    let (id, _) = GROUPS.insert_with(|id| UrlGroup {
        id,
        session: session_id,
        session_enabled: s.enabled.clone(),
        open: AtomicBool::new(true),
        queue: Mutex::new((0, Weak::new())),
        bound: std::sync::atomic::AtomicU64::new(0),
        enabled: AtomicBool::new(true),
        regs: Mutex::new(Vec::new()),
        timeouts: Mutex::new(None),
        bandwidth: Mutex::new(None),
        connections: Arc::new(ConnectionLimit::new()),
    });
    s.groups.lock().push(id);
    Ok(id)
}

pub fn close_group(id: u64) -> WinResult<()> {
    let g = GROUPS.remove(id).ok_or(ERROR_INVALID_PARAMETER)?;
    g.open.store(false, Ordering::Release);
    settings_changed();
    super::logging::forget(super::logging::Owner::Group(id));
    if let Some(s) = SESSIONS.get(g.session) {
        s.groups.lock().retain(|x| *x != id);
    }
    let regs = std::mem::take(&mut *g.regs.lock());
    router::unregister(&regs);
    notify_hook::urls_of_group(id, g.session, HTTP_NOTIFY_URL_REMOVED, &regs);
    notify_hook::closed(Watched::Group(id));
    Ok(())
}

pub fn add_url(group_id: u64, url: &str, context: u64) -> WinResult<()> {
    let g = group(group_id)?;
    let prefix = router::parse_for_register(url)?;
    let reg = router::register(prefix, Target::Group(group_id), context)?;
    notify_hook::urls_of_group(group_id, g.session, HTTP_NOTIFY_URL_ADDED, std::slice::from_ref(&reg));
    g.regs.lock().push(reg);
    Ok(())
}

/// Removes one URL (`Some`) or all of them (`None`, `HTTP_URL_FLAG_REMOVE_ALL`).
pub fn remove_url(group_id: u64, url: Option<&str>) -> WinResult<()> {
    let g = group(group_id)?;
    let removed: Vec<Arc<Registration>> = {
        let mut regs = g.regs.lock();
        match url {
            None => std::mem::take(&mut *regs),
            Some(u) => {
                let text = parse_prefix(u).ok_or(ERROR_INVALID_PARAMETER)?.canonical();
                let i = regs.iter().position(|r| r.text == text).ok_or(ERROR_FILE_NOT_FOUND)?;
                vec![regs.remove(i)]
            }
        }
    };
    router::unregister(&removed);
    notify_hook::urls_of_group(group_id, g.session, HTTP_NOTIFY_URL_REMOVED, &removed);
    Ok(())
}

pub fn bind_queue(group_id: u64, queue: Option<&Arc<RequestQueue>>) -> WinResult<()> {
    let g = group(group_id)?;
    let mut b = g.queue.lock();
    b.0 += 1;
    b.1 = queue.map(Arc::downgrade).unwrap_or_default();
    g.bound.store(b.0, Ordering::Release);
    Ok(())
}

pub fn set_group_state(group_id: u64, enabled: bool) -> WinResult<()> {
    group(group_id)?.enabled.store(enabled, Ordering::Release);
    Ok(())
}

pub fn group_state(group_id: u64) -> WinResult<bool> {
    Ok(group(group_id)?.enabled.load(Ordering::Acquire))
}

pub fn set_session_state(id: u64, enabled: bool) -> WinResult<()> {
    session(id)?.enabled.store(enabled, Ordering::Release);
    Ok(())
}

pub fn session_state(id: u64) -> WinResult<bool> {
    Ok(session(id)?.enabled.load(Ordering::Acquire))
}

/// The queue a group's requests go to, when the group, its session and a bound queue are all active
/// (otherwise http.sys answers 503).
pub fn group_queue(group_id: u64) -> Option<Arc<RequestQueue>> {
    GROUPS.get(group_id)?.queue()
}

/// The group `group_id` itself (a connection's routing memo keeps it: no table lookups per request).
pub fn url_group(group_id: u64) -> Option<Arc<UrlGroup>> {
    GROUPS.get(group_id)
}

impl UrlGroup {
    /// [`group_queue`] of this group.
    pub fn queue(&self) -> Option<Arc<RequestQueue>> {
        if !self.routable() {
            return None;
        }
        self.queue.lock().1.upgrade()
    }

    /// Open, enabled, and its session enabled.
    fn routable(&self) -> bool {
        self.open.load(Ordering::Acquire)
            && self.enabled.load(Ordering::Acquire)
            && self.session_enabled.load(Ordering::Acquire)
    }

    /// [`UrlGroup::queue`] through a binding a routing memo kept (`kept`: the count and queue it saw; read
    /// again, under the lock, only when the group was bound since).
    pub fn queue_via(&self, kept: &mut (u64, Weak<RequestQueue>)) -> Option<Arc<RequestQueue>> {
        if !self.routable() {
            return None;
        }
        if self.bound.load(Ordering::Acquire) != kept.0 {
            let b = self.queue.lock();
            *kept = (b.0, b.1.clone());
        }
        kept.1.upgrade()
    }
}

/// Which object a property call names.
#[derive(Clone, Copy, Debug)]
pub enum Scope {
    Session(u64),
    Group(u64),
}

/// `HttpServerTimeoutsProperty` set (`Some`) or removed (`None`, `Flags.Present` = 0).
pub fn set_timeouts(scope: Scope, limits: Option<TimeoutLimits>) -> WinResult<()> {
    match scope {
        Scope::Session(id) => *session(id)?.timeouts.lock() = limits,
        Scope::Group(id) => *group(id)?.timeouts.lock() = limits,
    }
    settings_changed();
    Ok(())
}

/// What `HttpServerTimeoutsProperty` reports: whether the object has its own setting, and the timers
/// in force at that level (its own values where set, the level above elsewhere).
pub fn timeouts(scope: Scope) -> WinResult<(bool, ConnTimers)> {
    Ok(match scope {
        Scope::Session(id) => {
            let own = *session(id)?.timeouts.lock();
            (own.is_some(), timers::resolve(own, None))
        }
        Scope::Group(id) => {
            let g = group(id)?;
            let own = *g.timeouts.lock();
            let above = SESSIONS.get(g.session).and_then(|s| *s.timeouts.lock());
            (own.is_some(), timers::resolve(above, own))
        }
    })
}

/// `HttpQosSettingTypeBandwidth`: bytes per second, or `None` (`HTTP_LIMIT_INFINITE`, or removed).
pub fn set_bandwidth(scope: Scope, rate: Option<u32>) -> WinResult<()> {
    let t = rate.map(|r| Arc::new(Throttle::new(r)));
    match scope {
        Scope::Session(id) => *session(id)?.bandwidth.lock() = t,
        Scope::Group(id) => *group(id)?.bandwidth.lock() = t,
    }
    settings_changed();
    Ok(())
}

pub fn bandwidth(scope: Scope) -> WinResult<u32> {
    let t = match scope {
        Scope::Session(id) => session(id)?.bandwidth.lock().clone(),
        Scope::Group(id) => group(id)?.bandwidth.lock().clone(),
    };
    Ok(t.map_or(crate::server::abi::HTTP_LIMIT_INFINITE, |t| t.rate))
}

/// `HttpQosSettingTypeConnectionLimit` on a URL group (`HTTP_LIMIT_INFINITE`: none).
pub fn set_max_connections(group_id: u64, max: u32) -> WinResult<()> {
    group(group_id)?.connections.max.store(max, Ordering::Release);
    settings_changed();
    Ok(())
}

pub fn max_connections(group_id: u64) -> WinResult<u32> {
    Ok(group(group_id)?.connections.max.load(Ordering::Acquire))
}

/// What a connection carrying a request routed to a group runs under.
pub struct RouteSettings {
    pub timers: ConnTimers,
    /// Bandwidth limits of the group and of its session (both apply).
    pub throttles: Vec<Arc<Throttle>>,
    pub connections: Option<Arc<ConnectionLimit>>,
}

/// The settings of `group_id` (`None`: a v1 queue, which has only the defaults).
pub fn route_settings(group_id: Option<u64>) -> RouteSettings {
    let mut out = RouteSettings { timers: ConnTimers::default(), throttles: Vec::new(), connections: None };
    let Some(g) = group_id.and_then(|id| GROUPS.get(id)) else {
        return out;
    };
    let s = SESSIONS.get(g.session);
    let st = s.as_ref().and_then(|s| *s.timeouts.lock());
    out.timers = timers::resolve(st, *g.timeouts.lock());
    if let Some(t) = g.bandwidth.lock().clone() {
        out.throttles.push(t);
    }
    if let Some(t) = s.as_ref().and_then(|s| s.bandwidth.lock().clone()) {
        out.throttles.push(t);
    }
    out.connections = Some(g.connections.clone());
    out
}

/// The session a URL group belongs to.
pub fn group_session(group_id: u64) -> Option<u64> {
    GROUPS.get(group_id).map(|g| g.session)
}
