//! The narrow hook the server feeds, and the registrations it matches events against.
//!
//! The server calls [`watching`] (one relaxed atomic load: the union of every live registration's
//! filter) before it builds anything, and [`emit`] only when that says yes; so a process with no port
//! registered pays one load and one branch per event site. [`emit`] takes the event's filter (one bit),
//! the objects it concerns ([`Scope`]s; the whole server is implied) and its `Name`, and queues it on
//! every port with a registration of a matching object and filter, once per registration, in the
//! order the events were emitted. Nothing here calls back into the server or the C edge.
//!
//! Operations on registrations: [`register`] (`ApiAddNotifyHttpObject`), [`unregister`],
//! [`drop_port`] (the port was unblocked or closed), [`forget`] (the object was closed).
use super::port::{Name, NotifyPort};
use crate::win32::error::*;
use parking_lot::RwLock;
use std::any::Any;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Weak};

/// An object events concern. The server names queues by their address (`RequestQueue::key`); a
/// registration on a queue pins that address (see [`register`]), so a later queue cannot inherit it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole server (`HTTP_NOTIFY_OBJECT_SERVER`): every event concerns it.
    Server,
    Session(u64),
    Group(u64),
    Queue(usize),
}

struct Registration {
    port: Weak<NotifyPort>,
    port_key: usize,
    scope: Scope,
    /// Keeps the watched object's allocation (not the object) alive, so its address is not reused.
    _pin: Option<Weak<dyn Any + Send + Sync>>,
    filter: u32,
    key: u32,
}

static REGS: RwLock<Vec<Registration>> = RwLock::new(Vec::new());
static WATCHED: AtomicU32 = AtomicU32::new(0);

/// Whether any port wants events of `filter` (the server's cheap check before [`emit`]).
#[inline(always)]
pub fn watching(filter: u32) -> bool {
    WATCHED.load(Ordering::Relaxed) & filter != 0
}

/// Whether any registration exists (object-closed sites check it to [`forget`] the object).
#[inline(always)]
pub fn active() -> bool {
    WATCHED.load(Ordering::Relaxed) != 0
}

fn publish(regs: &[Registration]) {
    WATCHED.store(regs.iter().fold(0, |m, r| m | r.filter), Ordering::Relaxed);
}

/// Queues one event on every matching registration's port.
#[cold]
#[inline(never)]
pub fn emit(filter: u32, scopes: &[Scope], name: Name) {
    let regs = REGS.read();
    for r in regs.iter() {
        if r.filter & filter == 0 || (r.scope != Scope::Server && !scopes.contains(&r.scope)) {
            continue;
        }
        if let Some(port) = r.port.upgrade() {
            port.push(r.key, filter, name.clone());
        }
    }
}

/// Registers `scope` on `port` with a filter mask and a key (a second registration of the same
/// object on the same port replaces the first). `pin`: the watched object, for queues. Returns the
/// port's sequence number so far. A port unblocked or closed: `ERROR_NO_MORE_ITEMS`.
pub fn register(
    port: &Arc<NotifyPort>,
    scope: Scope,
    pin: Option<Weak<dyn Any + Send + Sync>>,
    filter: u32,
    key: u32,
) -> WinResult<u32> {
    let mut regs = REGS.write();
    // Checked under the registry's lock: a close that runs later removes this registration.
    if !port.is_open() {
        return Err(ERROR_NO_MORE_ITEMS);
    }
    let port_key = port.key();
    let reg = Registration { port: Arc::downgrade(port), port_key, scope, _pin: pin, filter, key };
    match regs.iter_mut().find(|r| r.port_key == port_key && r.scope == scope) {
        Some(r) => *r = reg,
        None => regs.push(reg),
    }
    publish(&regs);
    Ok(port.sequence())
}

/// Removes the registration of `scope` on `port` (`ERROR_NOT_FOUND` when there is none).
pub fn unregister(port: &NotifyPort, scope: Scope) -> WinResult<()> {
    let mut regs = REGS.write();
    let n = regs.len();
    regs.retain(|r| !(r.port_key == port.key() && r.scope == scope));
    if regs.len() == n {
        return Err(ERROR_NOT_FOUND);
    }
    publish(&regs);
    Ok(())
}

/// Removes every registration of a port that stopped taking events.
pub fn drop_port(port_key: usize) {
    let mut regs = REGS.write();
    regs.retain(|r| r.port_key != port_key);
    publish(&regs);
}

/// Removes every registration of an object that was closed (after its last event was emitted).
pub fn forget(scope: Scope) {
    let mut regs = REGS.write();
    regs.retain(|r| r.scope != scope);
    publish(&regs);
}

#[cfg(test)]
mod tests {
    use super::*;

    // The registry is process-wide: each test uses scopes no other test uses.
    #[test]
    fn events_reach_matching_registrations_only() {
        let p = NotifyPort::new(100);
        register(&p, Scope::Group(0xA1), None, 0x10, 5).unwrap();
        register(&p, Scope::Queue(0xA2), None, 0x20, 6).unwrap();
        assert!(watching(0x10) && watching(0x20));
        emit(0x10, &[Scope::Group(0xA1)], Name::Text("url".into()));
        emit(0x20, &[Scope::Group(0xA1)], Name::Empty); // right object, wrong filter
        emit(0x10, &[Scope::Group(0xA3)], Name::Empty); // wrong object
        emit(0x20, &[Scope::Session(1), Scope::Queue(0xA2)], Name::Id(42));
        let got = p.get(usize::MAX).unwrap();
        let seen: Vec<_> = got.iter().map(|n| (n.key, n.filter, n.name.as_str())).collect();
        assert_eq!(seen, [(5, 0x10, "url"), (6, 0x20, "42")]);
        assert_eq!(unregister(&p, Scope::Group(0xA1)), Ok(()));
        assert_eq!(unregister(&p, Scope::Group(0xA1)), Err(ERROR_NOT_FOUND));
        forget(Scope::Queue(0xA2));
        emit(0x20, &[Scope::Queue(0xA2)], Name::Empty);
        p.close();
        assert_eq!(register(&p, Scope::Group(0xA1), None, 0x10, 5), Err(ERROR_NO_MORE_ITEMS));
    }
}
