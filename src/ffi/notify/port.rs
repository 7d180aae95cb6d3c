//! Creating, closing and unblocking ports, and their bound.
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::notify::abi::*;
use crate::win32::error::*;
use std::ptr::null_mut;

fn create_notify() -> WinResult<HNOTIFY_RPC> {
    tracing::trace!(target: T, "ApiCreateNotify()");
    Ok(to_handle(handle::insert(NotifyPort::new(HTTP_NOTIFY_DEFAULT_LIMIT))))
}

/// `ApiCreateNotify`: a new notification port (a handle; `ApiCloseNotify` or `CloseHandle` closes
/// it), keeping up to `HTTP_NOTIFY_DEFAULT_LIMIT` undelivered events. It queues nothing until an
/// object is registered with `ApiAddNotifyHttpObject`. `*Status`: `ERROR_SUCCESS`, or the failure
/// (the handle is then NULL); `*rpc_status`: 0. Either pointer may be NULL.
///
/// # Safety
/// `Status`, `rpc_status` are each NULL or point to memory valid for what `ApiCreateNotify` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn ApiCreateNotify(Status: *mut error_status_t, rpc_status: *mut error_status_t) -> HNOTIFY_RPC {
    // SAFETY: `set_status`: `Status` is NULL or points to a writable, aligned `T`; `rpc_status` is NULL or points to a
    // writable, aligned `T`.
    guard_rpc_handle(
        "ApiCreateNotify",
        null_mut(),
        |code| unsafe { set_status(Status, code, rpc_status) },
        create_notify,
    )
}

/// # Safety
/// `status` is NULL or points to a writable, aligned `T`; `rpc_status` is NULL or points to a writable, aligned `T`.
unsafe fn set_status(status: *mut error_status_t, code: u32, rpc_status: *mut error_status_t) {
    // SAFETY: `write_opt`: `status` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(status, code) };
    // SAFETY: `write_opt`: `rpc_status` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(rpc_status, 0) };
}

/// # Safety
/// The pointers are the arguments of `ApiCloseNotify` (and of its twins), which its `# Safety` asks the caller to make
/// NULL or valid for what Windows documents the function reads or writes through them: `p` is its `Notify`.
unsafe fn close_notify(p: *mut HNOTIFY_RPC) -> WinResult<()> {
    tracing::trace!(target: T, "ApiCloseNotify({p:?})");
    if p.is_null() {
        return Err(ERROR_INVALID_HANDLE);
    }
    // SAFETY: `read`: the source is valid for reading
    let h = unsafe { p.read() };
    port_of(h)?;
    handle::close(raw(h))?;
    // SAFETY: `write`: Before the operation's completion is reported (the contract of [`CallerOut::new`]).
    unsafe { p.write(null_mut()) };
    Ok(())
}

/// `ApiCloseNotify`: closes the port whose handle `*Notify` holds and sets `*Notify` to NULL. Waits in
/// progress complete with `ERROR_INVALID_FUNCTION`, undelivered events are dropped, registrations end;
/// later gets with the old handle value answer `ERROR_NO_MORE_ITEMS`. Not a port (or NULL):
/// `ERROR_INVALID_HANDLE`.
///
/// # Safety
/// `Notify` is NULL or points to memory valid for what `ApiCloseNotify` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn ApiCloseNotify(Notify: *mut HNOTIFY_RPC) -> error_status_t {
    // SAFETY: `close_notify`: `Notify` is this export's own argument, passed on unchanged; its `# Safety` makes it NULL
    // or valid for what Windows documents `ApiCloseNotify` reads or writes through it.
    guard_rpc("ApiCloseNotify", || unsafe { close_notify(Notify) })
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
