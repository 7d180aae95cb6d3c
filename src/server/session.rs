//! Server sessions and URL groups (HTTP Server API version 2). Both are named by 64-bit ids from their
//! own tables ([`super::ids`]), not by handles.
//!
//! Operations on a session: [`create_session`], [`close_session`] (closes its groups too, as
//! `HttpCloseServerSession` documents), [`set_session_state`] / [`session_state`].
//! On a URL group: [`create_group`], [`close_group`], [`add_url`], [`remove_url`], [`bind_queue`]
//! (`HttpServerBindingProperty`), [`set_group_state`] / [`group_state`], and [`group_queue`], which
//! routing asks for the queue that takes the group's requests.
use super::ids::IdTable;
use super::queue::RequestQueue;
use super::router::{self, Registration, Target};
use super::url::parse_prefix;
use crate::win32::error::*;
use parking_lot::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};

pub struct ServerSession {
    pub id: u64,
    enabled: AtomicBool,
    groups: Mutex<Vec<u64>>,
}

pub struct UrlGroup {
    pub id: u64,
    pub session: u64,
    queue: Mutex<Weak<RequestQueue>>,
    enabled: AtomicBool,
    regs: Mutex<Vec<Arc<Registration>>>,
}

static SESSIONS: IdTable<ServerSession> = IdTable::new();
static GROUPS: IdTable<UrlGroup> = IdTable::new();

pub fn create_session() -> u64 {
    SESSIONS.insert_with(|id| ServerSession { id, enabled: AtomicBool::new(true), groups: Mutex::new(Vec::new()) }).0
}

pub fn close_session(id: u64) -> WinResult<()> {
    let s = SESSIONS.remove(id).ok_or(ERROR_INVALID_PARAMETER)?;
    super::logging::forget(super::logging::Owner::Session(id));
    let groups = std::mem::take(&mut *s.groups.lock());
    for g in groups {
        let _ = close_group(g);
    }
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
        queue: Mutex::new(Weak::new()),
        enabled: AtomicBool::new(true),
        regs: Mutex::new(Vec::new()),
    });
    s.groups.lock().push(id);
    Ok(id)
}

pub fn close_group(id: u64) -> WinResult<()> {
    let g = GROUPS.remove(id).ok_or(ERROR_INVALID_PARAMETER)?;
    super::logging::forget(super::logging::Owner::Group(id));
    if let Some(s) = SESSIONS.get(g.session) {
        s.groups.lock().retain(|x| *x != id);
    }
    let regs = std::mem::take(&mut *g.regs.lock());
    router::unregister(&regs);
    Ok(())
}

pub fn add_url(group_id: u64, url: &str, context: u64) -> WinResult<()> {
    let g = group(group_id)?;
    let prefix = parse_prefix(url).ok_or(ERROR_INVALID_PARAMETER)?;
    let reg = router::register(prefix, Target::Group(group_id), context)?;
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
    Ok(())
}

pub fn bind_queue(group_id: u64, queue: Option<&Arc<RequestQueue>>) -> WinResult<()> {
    let g = group(group_id)?;
    *g.queue.lock() = queue.map(Arc::downgrade).unwrap_or_default();
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
    let g = GROUPS.get(group_id)?;
    if !g.enabled.load(Ordering::Acquire) {
        return None;
    }
    let s = SESSIONS.get(g.session)?;
    if !s.enabled.load(Ordering::Acquire) {
        return None;
    }
    let q = g.queue.lock().upgrade();
    q
}

/// The session a URL group belongs to.
pub fn group_session(group_id: u64) -> Option<u64> {
    GROUPS.get(group_id).map(|g| g.session)
}
