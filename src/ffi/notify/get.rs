//! Getting events: `ApiGetNotifyAsync(Ex)`, `ApiGetNotify`, `ApiFreeNotifications`.
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::notify::abi::*;
use crate::notify::port::{Notification, PendingGet};
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use crate::win32::overlapped::OverlappedPtr;
use crate::win32::wstr::WideUnit;
use std::ptr::null_mut;

/// Frees an array [`batch_to_c`] allocated, with its names.
///
/// # Safety
/// `p` is NULL or an array of `n` entries that [`batch_to_c`] allocated, with the names it allocated, none freed yet.
unsafe fn free_array<U>(p: *mut NOTIFICATION_DATA_ASYNC_RPC<U>, n: usize) {
    if p.is_null() {
        return;
    }
    for i in 0..n {
        // SAFETY: `p` is an array of `n` notifications this library handed out (the function's contract).
        let _ = crate::win32::heap::free(unsafe { (*p.add(i)).Name } as usize);
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

/// # Safety
/// The pointers are arguments of the exports that call it (`ApiGetNotifyAsync`, `ApiGetNotifyAsyncEx`, and their `_w16`
/// twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or
/// writes through them; as called from `ApiGetNotifyAsyncEx`: `out` is its `Notifications`, `count` is its
/// `dwNumNotifications`, `ov` is its `lpOverlapped`. In particular: `out` is NULL or points to a writable, aligned `T`;
/// `count` is NULL or points to a writable, aligned `T`.
unsafe fn get_notify_async<U: WideUnit>(
    h: HNOTIFY_RPC,
    out: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<U>,
    count: *mut DWORD,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "ApiGetNotifyAsync({h:?}, {out:?}, {count:?}, {ov:?})");
    // SAFETY: `write_opt`: `out` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(out, null_mut()) };
    // SAFETY: `write_opt`: `count` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(count, 0) };
    let port = port_to_wait_on(h)?;
    // SAFETY: `new`: `addr` points to `len` writable bytes that stay valid, and are not otherwise accessed by the
    // library, until the operation this buffer belongs to completes.
    let (Some(out), Some(count)) = (unsafe { CallerOut::new(out) }, unsafe { CallerOut::new(count) }) else {
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
///
/// # Safety
/// `Notifications`, `dwNumNotifications` are each NULL or point to memory valid for what `ApiGetNotifyAsync` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotifyAsync(
    hNotify: HNOTIFY_RPC,
    Notifications: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<WCHAR>,
    dwNumNotifications: *mut DWORD,
) -> error_status_t {
    // SAFETY: `get_notify_async`: `Notifications` and `dwNumNotifications` are this export's own arguments, NULL or
    // writable as `ApiGetNotifyAsync` documents (its `# Safety`); no OVERLAPPED is passed (NULL).
    guard_rpc("ApiGetNotifyAsync", || unsafe {
        get_notify_async(hNotify, Notifications, dwNumNotifications, null_mut())
    })
}
/// `ApiGetNotifyAsync` for `-fshort-wchar` callers.
///
/// # Safety
/// `Notifications`, `dwNumNotifications` are each NULL or point to memory valid for what `ApiGetNotifyAsync` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotifyAsync_w16(
    hNotify: HNOTIFY_RPC,
    Notifications: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<u16>,
    dwNumNotifications: *mut DWORD,
) -> error_status_t {
    // SAFETY: `get_notify_async`: `Notifications` and `dwNumNotifications` are this export's own arguments, NULL or
    // writable as `ApiGetNotifyAsync` documents (its `# Safety`); no OVERLAPPED is passed (NULL).
    guard_rpc("ApiGetNotifyAsync", || unsafe {
        get_notify_async(hNotify, Notifications, dwNumNotifications, null_mut())
    })
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
///
/// # Safety
/// `Notifications`, `dwNumNotifications`, `lpOverlapped` are each NULL or point to memory valid for what
/// `ApiGetNotifyAsyncEx` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the buffers
/// of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotifyAsyncEx(
    hNotify: HNOTIFY_RPC,
    Notifications: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<WCHAR>,
    dwNumNotifications: *mut DWORD,
    lpOverlapped: *mut OVERLAPPED,
) -> error_status_t {
    // SAFETY: `get_notify_async`: `Notifications`, `dwNumNotifications`, `lpOverlapped` are this export's own
    // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
    // `ApiGetNotifyAsyncEx` reads or writes through them; in particular `Notifications` is NULL or points to a
    // writable, aligned `T`; `dwNumNotifications` is NULL or points to a writable, aligned `T`.
    guard_rpc("ApiGetNotifyAsyncEx", || unsafe {
        get_notify_async(hNotify, Notifications, dwNumNotifications, lpOverlapped)
    })
}
/// `ApiGetNotifyAsyncEx` for `-fshort-wchar` callers.
///
/// # Safety
/// `Notifications`, `dwNumNotifications`, `lpOverlapped` are each NULL or point to memory valid for what
/// `ApiGetNotifyAsyncEx` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the buffers
/// of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotifyAsyncEx_w16(
    hNotify: HNOTIFY_RPC,
    Notifications: *mut *mut NOTIFICATION_DATA_ASYNC_RPC<u16>,
    dwNumNotifications: *mut DWORD,
    lpOverlapped: *mut OVERLAPPED,
) -> error_status_t {
    // SAFETY: `get_notify_async`: `Notifications`, `dwNumNotifications`, `lpOverlapped` are this export's own
    // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
    // `ApiGetNotifyAsyncEx` reads or writes through them; in particular `Notifications` is NULL or points to a
    // writable, aligned `T`; `dwNumNotifications` is NULL or points to a writable, aligned `T`.
    guard_rpc("ApiGetNotifyAsyncEx", || unsafe {
        get_notify_async(hNotify, Notifications, dwNumNotifications, lpOverlapped)
    })
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
///
/// # Safety
/// `Notifications` is NULL or points to memory valid for what `ApiFreeNotifications` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn ApiFreeNotifications(
    Notifications: *mut NOTIFICATION_DATA_ASYNC_RPC<WCHAR>,
    dwNumNotifications: DWORD,
) {
    guard_rpc("ApiFreeNotifications", || free_notifications(Notifications, dwNumNotifications));
}

/// # Safety
/// The pointers are the arguments of `ApiGetNotify` (and of its twins), which its `# Safety` asks the caller to make
/// NULL or valid for what Windows documents the function reads or writes through them: `key` is its `dwNotifyKey`,
/// `filter` is its `dwFilter`, `seq` is its `dwStateSequence`, `name` is its `Name`, `rpc_status` is its `rpc_status`.
/// In particular: `rpc_status` is NULL or points to a writable, aligned `T`; `name` is NULL or points to a writable,
/// aligned `T`; `key` is NULL or points to a writable, aligned `T`; `filter` is NULL or points to a writable, aligned
/// `T`; `seq` is NULL or points to a writable, aligned `T`.
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
    // SAFETY: `write_opt`: `rpc_status` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(rpc_status, 0) };
    // SAFETY: `write_opt`: `name` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(name, null_mut()) };
    let port = port_to_wait_on(h)?;
    let n = port.get(1)?.pop().ok_or(ERROR_INTERNAL_ERROR)?;
    if !name.is_null() {
        // SAFETY: `write`: Before the operation's completion is reported (the contract of [`CallerOut::new`]).
        unsafe { name.write(heap_wide::<U>(&n.name)?) };
    }
    // SAFETY: `write_opt`: `key` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(key, n.key) };
    // SAFETY: `write_opt`: `filter` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(filter, n.filter) };
    // SAFETY: `write_opt`: `seq` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(seq, n.seq) };
    Ok(())
}

/// `ApiGetNotify` (MS-CMRP 3.1.4.2.66, protocol version 3): as `ApiGetNotifyAsync`, one event at a
/// time: its key, filter, number on the port (`*dwStateSequence`: 1, 2, ...; a gap shows events
/// lost) and `*Name` (free it with `LocalFree`). Same return codes. NULL out-pointers are skipped.
///
/// # Safety
/// `dwNotifyKey`, `dwFilter`, `dwStateSequence`, `Name`, `rpc_status` are each NULL or point to memory valid for
/// what `ApiGetNotify` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotify(
    hNotify: HNOTIFY_RPC,
    dwNotifyKey: *mut DWORD,
    dwFilter: *mut DWORD,
    dwStateSequence: *mut DWORD,
    Name: *mut *mut WCHAR,
    rpc_status: *mut error_status_t,
) -> error_status_t {
    // SAFETY: `get_notify`: `dwNotifyKey`, `dwFilter`, `dwStateSequence`, `Name`, `rpc_status` are this export's own
    // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `ApiGetNotify`
    // reads or writes through them; in particular `rpc_status` is NULL or points to a writable, aligned `T`; `Name` is
    // NULL or points to a writable, aligned `T`; `dwNotifyKey` is NULL or points to a writable, aligned `T`; `dwFilter`
    // is NULL or points to a writable, aligned `T`; `dwStateSequence` is NULL or points to a writable, aligned `T`.
    guard_rpc("ApiGetNotify", || unsafe {
        get_notify(hNotify, dwNotifyKey, dwFilter, dwStateSequence, Name, rpc_status)
    })
}
/// `ApiGetNotify` for `-fshort-wchar` callers.
///
/// # Safety
/// `dwNotifyKey`, `dwFilter`, `dwStateSequence`, `Name`, `rpc_status` are each NULL or point to memory valid for
/// what `ApiGetNotify` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn ApiGetNotify_w16(
    hNotify: HNOTIFY_RPC,
    dwNotifyKey: *mut DWORD,
    dwFilter: *mut DWORD,
    dwStateSequence: *mut DWORD,
    Name: *mut *mut u16,
    rpc_status: *mut error_status_t,
) -> error_status_t {
    // SAFETY: `get_notify`: `dwNotifyKey`, `dwFilter`, `dwStateSequence`, `Name`, `rpc_status` are this export's own
    // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `ApiGetNotify`
    // reads or writes through them; in particular `rpc_status` is NULL or points to a writable, aligned `T`; `Name` is
    // NULL or points to a writable, aligned `T`; `dwNotifyKey` is NULL or points to a writable, aligned `T`; `dwFilter`
    // is NULL or points to a writable, aligned `T`; `dwStateSequence` is NULL or points to a writable, aligned `T`.
    guard_rpc("ApiGetNotify", || unsafe {
        get_notify(hNotify, dwNotifyKey, dwFilter, dwStateSequence, Name, rpc_status)
    })
}
