//! Exports of `httpnotify.h`: notification ports over the HTTP Server API's objects, with MS-CMRP's
//! method names, signatures (protocol version 3) and return codes (seeds/ApiGetNotifyAsync.txt).
//! Every method returns its code as `error_status_t` and leaves last-error alone; `rpc_status`
//! out-parameters (there is no RPC transport here) are set to 0. The methods that hand out `Name`
//! strings are written once, generic over the caller's `WCHAR`, and exported twice (`Name_w16` for
//! `-fshort-wchar` callers); the others take no string and have no twin.
//!
//! Ownership: arrays and strings handed out come from the process heap: `ApiFreeNotifications`
//! frees an `ApiGetNotifyAsync` array with its names, `LocalFree` one `Name` of `ApiGetNotify` (or
//! each part of an array, as an RPC client frees with `MIDL_user_free`). `ApiGetNotifyAsyncEx` with an
//! `OVERLAPPED` writes its out-parameters when it completes: they stay valid until then, like the
//! `OVERLAPPED` itself.
#![allow(non_snake_case, non_camel_case_types)]
use super::guard::*;
use super::ptr::*;
use super::types::*;
use crate::notify::abi::*;
use crate::notify::hook::{self, Scope};
use crate::notify::port::{Notification, NotifyPort, PendingGet};
use crate::server::queue::RequestQueue;
use crate::server::session;
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::overlapped::{OverlappedPtr, OVERLAPPED};
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::ptr::null_mut;
use std::sync::Arc;

const T: &str = "winhttpapi::notify";

pub type error_status_t = u32;
pub type HNOTIFY_RPC = *mut c_void;

/// The port behind a handle. Another kind of handle, a forged or an old value: `ERROR_INVALID_HANDLE`.
fn port_of(h: HNOTIFY_RPC) -> WinResult<Arc<NotifyPort>> {
    handle::get_typed::<NotifyPort>(raw(h))
}

/// For the get methods, whose page has a code of its own for a port that "has been closed":
/// `ERROR_NO_MORE_ITEMS` for the handle of a port `ApiCloseNotify` closed (while its handle-table
/// slot remembers it: until another handle in the slot closes).
fn port_to_wait_on(h: HNOTIFY_RPC) -> WinResult<Arc<NotifyPort>> {
    port_of(h).map_err(|e| match handle::closed_kind(raw(h)) {
        Some(k) if k == NotifyPort::KIND => ERROR_NO_MORE_ITEMS,
        _ => e,
    })
}

// ---------------------------------------------------------------------------------------------------
// Create, close, unblock, limit

fn create_notify() -> WinResult<HNOTIFY_RPC> {
    tracing::trace!(target: T, "ApiCreateNotify()");
    Ok(to_handle(handle::insert(NotifyPort::new(HTTP_NOTIFY_DEFAULT_LIMIT))))
}

/// `ApiCreateNotify`: a new notification port (a handle; `ApiCloseNotify` or `CloseHandle` closes
/// it), keeping up to `HTTP_NOTIFY_DEFAULT_LIMIT` undelivered events. It queues nothing until an
/// object is registered with `ApiAddNotifyHttpObject`. `*Status`: `ERROR_SUCCESS`, or the failure
/// (the handle is then NULL); `*rpc_status`: 0. Either pointer may be NULL.
#[no_mangle]
pub unsafe extern "C" fn ApiCreateNotify(Status: *mut error_status_t, rpc_status: *mut error_status_t) -> HNOTIFY_RPC {
    guard_rpc_handle("ApiCreateNotify", null_mut(), |code| set_status(Status, code, rpc_status), create_notify)
}

unsafe fn set_status(status: *mut error_status_t, code: u32, rpc_status: *mut error_status_t) {
    write_opt(status, code);
    write_opt(rpc_status, 0);
}

unsafe fn close_notify(p: *mut HNOTIFY_RPC) -> WinResult<()> {
    tracing::trace!(target: T, "ApiCloseNotify({p:?})");
    if p.is_null() {
        return Err(ERROR_INVALID_HANDLE);
    }
    let h = p.read();
    port_of(h)?;
    handle::close(raw(h))?;
    p.write(null_mut());
    Ok(())
}

/// `ApiCloseNotify`: closes the port whose handle `*Notify` holds and sets `*Notify` to NULL. Waits in
/// progress complete with `ERROR_INVALID_FUNCTION`, undelivered events are dropped, registrations end;
/// later gets with the old handle value answer `ERROR_NO_MORE_ITEMS`. Not a port (or NULL):
/// `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub unsafe extern "C" fn ApiCloseNotify(Notify: *mut HNOTIFY_RPC) -> error_status_t {
    guard_rpc("ApiCloseNotify", || close_notify(Notify))
}

fn unblock(h: HNOTIFY_RPC) -> WinResult<()> {
    tracing::trace!(target: T, "ApiUnblockGetNotifyCall({h:?})");
    port_of(h)?.unblock();
    Ok(())
}

/// `ApiUnblockGetNotifyCall`: completes every wait in progress on the port with
/// `ERROR_INVALID_FUNCTION` "so that the port can be closed": from now on the port queues nothing and
/// gets answer `ERROR_NO_MORE_ITEMS`; the handle stays until `ApiCloseNotify`. Not a port:
/// `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn ApiUnblockGetNotifyCall(hNotify: HNOTIFY_RPC) -> error_status_t {
    guard_rpc("ApiUnblockGetNotifyCall", || unblock(hNotify))
}

fn set_limit(h: HNOTIFY_RPC, limit: DWORD) -> WinResult<()> {
    tracing::trace!(target: T, "ApiSetNotifyLimit({h:?}, {limit})");
    let port = port_of(h)?;
    if limit == 0 || limit > HTTP_NOTIFY_MAX_LIMIT {
        return Err(ERROR_INVALID_PARAMETER);
    }
    port.set_limit(limit);
    Ok(())
}

/// `ApiSetNotifyLimit` (ours): how many undelivered events the port keeps, 1 to
/// `HTTP_NOTIFY_MAX_LIMIT` (else `ERROR_INVALID_PARAMETER`). Past it the oldest event is dropped and
/// the next delivery starts with one `HTTP_NOTIFY_EVENTS_LOST` notification whose `Name` is the
/// number dropped. Lowering the limit below what is queued drops the oldest now. Not a port:
/// `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn ApiSetNotifyLimit(hNotify: HNOTIFY_RPC, dwMaxNotifications: DWORD) -> error_status_t {
    guard_rpc("ApiSetNotifyLimit", || set_limit(hNotify, dwMaxNotifications))
}

// ---------------------------------------------------------------------------------------------------
// Registration

/// The watched object named by a type and an id (or a queue handle), checked live. The queue comes
/// back too: its registration pins it (see `hook::Scope`).
fn object_of(kind: DWORD, object: ULONGLONG) -> WinResult<(Scope, Option<Arc<RequestQueue>>)> {
    match kind {
        HTTP_NOTIFY_OBJECT_SERVER if object == 0 => Ok((Scope::Server, None)),
        HTTP_NOTIFY_OBJECT_SERVER => Err(ERROR_INVALID_PARAMETER),
        HTTP_NOTIFY_OBJECT_SERVER_SESSION if session::session_exists(object) => Ok((Scope::Session(object), None)),
        HTTP_NOTIFY_OBJECT_URL_GROUP if session::group_exists(object) => Ok((Scope::Group(object), None)),
        HTTP_NOTIFY_OBJECT_REQUEST_QUEUE => {
            let q = handle::get_typed::<RequestQueue>(object as usize)?;
            Ok((Scope::Queue(q.key()), Some(q)))
        }
        HTTP_NOTIFY_OBJECT_SERVER_SESSION | HTTP_NOTIFY_OBJECT_URL_GROUP => Err(ERROR_INVALID_HANDLE),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

#[allow(clippy::too_many_arguments)]
unsafe fn add_notify(
    h: HNOTIFY_RPC,
    kind: DWORD,
    object: ULONGLONG,
    filter: DWORD,
    key: DWORD,
    seq: *mut DWORD,
    rpc_status: *mut error_status_t,
) -> WinResult<()> {
    tracing::trace!(target: T, "ApiAddNotifyHttpObject({h:?}, {kind}, {object:#x}, {filter:#x}, {key:#x}, {seq:?}, {rpc_status:?})");
    write_opt(rpc_status, 0);
    let port = port_of(h)?;
    let (scope, queue) = object_of(kind, object)?;
    if filter == 0 || filter & !HTTP_NOTIFY_ALL != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let pin = queue.map(|q| Arc::downgrade(&q) as std::sync::Weak<dyn std::any::Any + Send + Sync>);
    let n = hook::register(&port, scope, pin, filter, key)?;
    write_opt(seq, n);
    Ok(())
}

/// `ApiAddNotifyHttpObject` (ours, in the style of MS-CMRP's `ApiAddNotify*` methods): from now on
/// the port queues the events of `Object` whose kind is in `dwFilter` (`HTTP_NOTIFY_*`), each with
/// `dwNotifyKey`. `dwObjectType`: `HTTP_NOTIFY_OBJECT_SERVER` (`Object` 0: every object),
/// `_SERVER_SESSION` (an `HTTP_SERVER_SESSION_ID`), `_URL_GROUP` (an `HTTP_URL_GROUP_ID`) or
/// `_REQUEST_QUEUE` (a queue `HANDLE` cast to `HTTP_OPAQUE_ID`). Registering the same object again
/// on the port replaces its filter and key. `*dwStateSequence`: the number of the last event queued
/// on the port so far (events of this registration come after it). Errors: `ERROR_INVALID_HANDLE`
/// (not a port, or no such live object), `ERROR_INVALID_PARAMETER` (unknown type, filter 0 or with
/// unknown bits, `Object` not 0 with `_SERVER`), `ERROR_NO_MORE_ITEMS` (the port was unblocked).
#[no_mangle]
pub unsafe extern "C" fn ApiAddNotifyHttpObject(
    hNotify: HNOTIFY_RPC,
    dwObjectType: DWORD,
    Object: ULONGLONG,
    dwFilter: DWORD,
    dwNotifyKey: DWORD,
    dwStateSequence: *mut DWORD,
    rpc_status: *mut error_status_t,
) -> error_status_t {
    guard_rpc("ApiAddNotifyHttpObject", || {
        add_notify(hNotify, dwObjectType, Object, dwFilter, dwNotifyKey, dwStateSequence, rpc_status)
    })
}

unsafe fn remove_notify(
    h: HNOTIFY_RPC,
    kind: DWORD,
    object: ULONGLONG,
    rpc_status: *mut error_status_t,
) -> WinResult<()> {
    tracing::trace!(target: T, "ApiRemoveNotifyHttpObject({h:?}, {kind}, {object:#x}, {rpc_status:?})");
    write_opt(rpc_status, 0);
    let port = port_of(h)?;
    let scope = match kind {
        HTTP_NOTIFY_OBJECT_SERVER => Scope::Server,
        HTTP_NOTIFY_OBJECT_SERVER_SESSION => Scope::Session(object),
        HTTP_NOTIFY_OBJECT_URL_GROUP => Scope::Group(object),
        HTTP_NOTIFY_OBJECT_REQUEST_QUEUE => Scope::Queue(handle::get_typed::<RequestQueue>(object as usize)?.key()),
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    hook::unregister(&port, scope)
}

/// `ApiRemoveNotifyHttpObject` (ours): ends the port's registration of an object (events already
/// queued stay). A registration also ends when its object is closed, and with the port. Errors:
/// `ERROR_INVALID_HANDLE` (not a port; a queue handle that is not live), `ERROR_INVALID_PARAMETER`
/// (unknown type), `ERROR_NOT_FOUND` (the object is not registered on the port).
#[no_mangle]
pub unsafe extern "C" fn ApiRemoveNotifyHttpObject(
    hNotify: HNOTIFY_RPC,
    dwObjectType: DWORD,
    Object: ULONGLONG,
    rpc_status: *mut error_status_t,
) -> error_status_t {
    guard_rpc("ApiRemoveNotifyHttpObject", || remove_notify(hNotify, dwObjectType, Object, rpc_status))
}

// ---------------------------------------------------------------------------------------------------
// Getting events

/// Frees what [`batch_to_c`] allocated (also the parts of an array the caller began to free).
unsafe fn free_array<U>(p: *mut NOTIFICATION_DATA_ASYNC_RPC<U>, n: usize) {
    if p.is_null() {
        return;
    }
    for i in 0..n {
        let _ = crate::win32::heap::free((*p.add(i)).Name as usize);
    }
    let _ = crate::win32::heap::free(p as usize);
}

/// A batch as the caller's array (process heap, names included).
fn batch_to_c<U: WideUnit>(batch: Vec<Notification>) -> WinResult<(*mut NOTIFICATION_DATA_ASYNC_RPC<U>, u32)> {
    let mut items = Vec::with_capacity(batch.len());
    for n in &batch {
        match heap_wide::<U>(&n.name) {
            Ok(name) => items.push(NOTIFICATION_DATA_ASYNC_RPC { dwNotifyKey: n.key, dwFilter: n.filter, Name: name }),
            Err(e) => {
                for i in items {
                    let _ = crate::win32::heap::free(i.Name as usize);
                }
                return Err(e);
            }
        }
    }
    let count = items.len() as u32;
    let names: Vec<usize> = items.iter().map(|i| i.Name as usize).collect();
    match heap_array(items) {
        Ok(p) => Ok((p, count)),
        Err(e) => {
            for n in names {
                let _ = crate::win32::heap::free(n);
            }
            Err(e)
        }
    }
}

unsafe fn get_notify_async<U: WideUnit>(
    h: HNOTIFY_RPC,
    out: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<U>,
    count: *mut DWORD,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "ApiGetNotifyAsync({h:?}, {out:?}, {count:?}, {ov:?})");
    write_opt(out, null_mut());
    write_opt(count, 0);
    let port = port_to_wait_on(h)?;
    let (Some(out), Some(count)) = (CallerOut::new(out), CallerOut::new(count)) else {
        return Err(ERROR_INVALID_PARAMETER);
    };
    let deliver = move |batch: Vec<Notification>| -> WinResult<u32> {
        let (p, n) = batch_to_c::<U>(batch)?;
        // SAFETY: the caller's out-parameters, valid until this completion (see `CallerOut`).
        unsafe {
            out.write(p);
            count.write(n);
        }
        Ok(n)
    };
    if ov.is_null() {
        return deliver(port.get(usize::MAX)?).map(|_| ());
    }
    let e =
        port.get_overlapped(PendingGet { ov: OverlappedPtr(ov as usize), max: usize::MAX, deliver: Box::new(deliver) });
    if e == ERROR_SUCCESS {
        Ok(())
    } else {
        Err(e)
    }
}

/// `ApiGetNotifyAsync` (MS-CMRP 3.1.4.2.143): waits until at least one event is queued on the port,
/// then returns all queued events, oldest first, as an array of `*dwNumNotifications`
/// `NOTIFICATION_DATA_ASYNC_RPC` in `*Notifications` (free it with `ApiFreeNotifications`). Each
/// event goes to exactly one caller, whichever thread waits. Returns `ERROR_SUCCESS`;
/// `ERROR_INVALID_HANDLE` (not a port); `ERROR_NO_MORE_ITEMS` (the port was closed or unblocked
/// before the call); `ERROR_INVALID_FUNCTION` (`ApiUnblockGetNotifyCall` or `ApiCloseNotify` ended the
/// wait: the thread should stop); `ERROR_INVALID_PARAMETER` (a NULL out-pointer). It never completes
/// empty for any other reason. On failure `*Notifications` is NULL and `*dwNumNotifications` 0.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotifyAsync(
    hNotify: HNOTIFY_RPC,
    Notifications: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<WCHAR>,
    dwNumNotifications: *mut DWORD,
) -> error_status_t {
    guard_rpc("ApiGetNotifyAsync", || get_notify_async(hNotify, Notifications, dwNumNotifications, null_mut()))
}
/// `ApiGetNotifyAsync` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotifyAsync_w16(
    hNotify: HNOTIFY_RPC,
    Notifications: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<u16>,
    dwNumNotifications: *mut DWORD,
) -> error_status_t {
    guard_rpc("ApiGetNotifyAsync", || get_notify_async(hNotify, Notifications, dwNumNotifications, null_mut()))
}

/// `ApiGetNotifyAsyncEx` (ours): `ApiGetNotifyAsync` without blocking the thread. With
/// `lpOverlapped` NULL it is `ApiGetNotifyAsync`. Otherwise: events already queued are delivered now
/// (`ERROR_SUCCESS`, reported through the `OVERLAPPED` too, as http.sys does); else
/// `ERROR_IO_PENDING`, and when events arrive `*Notifications` and `*dwNumNotifications` are written,
/// `OVERLAPPED.InternalHigh` gets the count, the event in `hEvent` is set and a packet goes to the
/// completion port the port handle is bound to (`CreateIoCompletionPort(hNotify, ...)`; the count is
/// the packet's byte count). `GetOverlappedResult` gives the count, or FALSE with
/// `ERROR_INVALID_FUNCTION` (unblock, close) or `ERROR_OPERATION_ABORTED` (`CancelIoEx`). The
/// out-pointers and the `OVERLAPPED` stay valid until then. Other codes as `ApiGetNotifyAsync`.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotifyAsyncEx(
    hNotify: HNOTIFY_RPC,
    Notifications: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<WCHAR>,
    dwNumNotifications: *mut DWORD,
    lpOverlapped: *mut OVERLAPPED,
) -> error_status_t {
    guard_rpc("ApiGetNotifyAsyncEx", || get_notify_async(hNotify, Notifications, dwNumNotifications, lpOverlapped))
}
/// `ApiGetNotifyAsyncEx` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotifyAsyncEx_w16(
    hNotify: HNOTIFY_RPC,
    Notifications: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<u16>,
    dwNumNotifications: *mut DWORD,
    lpOverlapped: *mut OVERLAPPED,
) -> error_status_t {
    guard_rpc("ApiGetNotifyAsyncEx", || get_notify_async(hNotify, Notifications, dwNumNotifications, lpOverlapped))
}

fn free_notifications(p: *mut NOTIFICATION_DATA_ASYNC_RPC<WCHAR>, n: DWORD) -> WinResult<()> {
    tracing::trace!(target: T, "ApiFreeNotifications({p:?}, {n})");
    // SAFETY: the caller hands back an array from ApiGetNotifyAsync(Ex) with its count (the
    // function's contract); the names are freed through the process heap whatever their width.
    unsafe { free_array(p, n as usize) };
    Ok(())
}

/// `ApiFreeNotifications` (ours): frees an array `ApiGetNotifyAsync(Ex)` returned, with its
/// `dwNumNotifications` names. NULL is accepted.
#[no_mangle]
pub unsafe extern "C" fn ApiFreeNotifications(
    Notifications: *mut NOTIFICATION_DATA_ASYNC_RPC<WCHAR>,
    dwNumNotifications: DWORD,
) {
    guard_rpc("ApiFreeNotifications", || free_notifications(Notifications, dwNumNotifications));
}

#[allow(clippy::too_many_arguments)]
unsafe fn get_notify<U: WideUnit>(
    h: HNOTIFY_RPC,
    key: *mut DWORD,
    filter: *mut DWORD,
    seq: *mut DWORD,
    name: *mut *mut U,
    rpc_status: *mut error_status_t,
) -> WinResult<()> {
    tracing::trace!(target: T, "ApiGetNotify({h:?}, {key:?}, {filter:?}, {seq:?}, {name:?}, {rpc_status:?})");
    write_opt(rpc_status, 0);
    write_opt(name, null_mut());
    let port = port_to_wait_on(h)?;
    let n = port.get(1)?.pop().ok_or(ERROR_INTERNAL_ERROR)?;
    if !name.is_null() {
        name.write(heap_wide::<U>(&n.name)?);
    }
    write_opt(key, n.key);
    write_opt(filter, n.filter);
    write_opt(seq, n.seq);
    Ok(())
}

/// `ApiGetNotify` (MS-CMRP 3.1.4.2.66, protocol version 3): as `ApiGetNotifyAsync`, one event at a
/// time: its key, filter, number on the port (`*dwStateSequence`: 1, 2, ...; a gap shows events
/// lost) and `*Name` (free it with `LocalFree`). Same return codes. NULL out-pointers are skipped.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotify(
    hNotify: HNOTIFY_RPC,
    dwNotifyKey: *mut DWORD,
    dwFilter: *mut DWORD,
    dwStateSequence: *mut DWORD,
    Name: *mut *mut WCHAR,
    rpc_status: *mut error_status_t,
) -> error_status_t {
    guard_rpc("ApiGetNotify", || get_notify(hNotify, dwNotifyKey, dwFilter, dwStateSequence, Name, rpc_status))
}
/// `ApiGetNotify` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotify_w16(
    hNotify: HNOTIFY_RPC,
    dwNotifyKey: *mut DWORD,
    dwFilter: *mut DWORD,
    dwStateSequence: *mut DWORD,
    Name: *mut *mut u16,
    rpc_status: *mut error_status_t,
) -> error_status_t {
    guard_rpc("ApiGetNotify", || get_notify(hNotify, dwNotifyKey, dwFilter, dwStateSequence, Name, rpc_status))
}
