//! Registering objects on a port (`ApiAddNotifyHttpObject`, `ApiRemoveNotifyHttpObject`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::notify::abi::*;
use crate::notify::hook::{self, Scope};
use crate::server::queue::RequestQueue;
use crate::server::session;
use crate::win32::error::*;
use crate::win32::handle;
use std::sync::Arc;

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

/// # Safety
/// `rpc_status` is NULL or points to a writable, aligned `T`; `seq` is NULL or points to a writable, aligned `T`.
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
    // SAFETY: `write_opt`: `rpc_status` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(rpc_status, 0) };
    let port = port_of(h)?;
    let (scope, queue) = object_of(kind, object)?;
    if filter == 0 || filter & !HTTP_NOTIFY_ALL != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let pin = queue.map(|q| Arc::downgrade(&q) as std::sync::Weak<dyn std::any::Any + Send + Sync>);
    let n = hook::register(&port, scope, pin, filter, key)?;
    // SAFETY: `write_opt`: `seq` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(seq, n) };
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
///
/// # Safety
/// `dwStateSequence`, `rpc_status` are each NULL or point to memory valid for what `ApiAddNotifyHttpObject` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
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
        // SAFETY: `add_notify`: `rpc_status` is NULL or points to a writable, aligned `T`; `dwStateSequence` is NULL or
        // points to a writable, aligned `T`.
        unsafe { add_notify(hNotify, dwObjectType, Object, dwFilter, dwNotifyKey, dwStateSequence, rpc_status) }
    })
}

/// # Safety
/// `rpc_status` is NULL or points to a writable, aligned `T`.
unsafe fn remove_notify(
    h: HNOTIFY_RPC,
    kind: DWORD,
    object: ULONGLONG,
    rpc_status: *mut error_status_t,
) -> WinResult<()> {
    tracing::trace!(target: T, "ApiRemoveNotifyHttpObject({h:?}, {kind}, {object:#x}, {rpc_status:?})");
    // SAFETY: `write_opt`: `rpc_status` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(rpc_status, 0) };
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
///
/// # Safety
/// `rpc_status` is NULL or points to memory valid for what `ApiRemoveNotifyHttpObject` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn ApiRemoveNotifyHttpObject(
    hNotify: HNOTIFY_RPC,
    dwObjectType: DWORD,
    Object: ULONGLONG,
    rpc_status: *mut error_status_t,
) -> error_status_t {
    // SAFETY: `remove_notify`: `rpc_status` is NULL or points to a writable, aligned `T`.
    guard_rpc("ApiRemoveNotifyHttpObject", || unsafe { remove_notify(hNotify, dwObjectType, Object, rpc_status) })
}
