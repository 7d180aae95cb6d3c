//! The thread pool (`threadpoolapiset.h`): pools, cleanup groups, work, timer, wait and I/O objects,
//! callback instances (engine: `win32::threadpool`). `PTP_*` values are handles of the table, so a closed
//! or forged one is refused (Windows' behaviour there is undefined); the void functions then set
//! `ERROR_INVALID_HANDLE` as last error and do nothing.
use super::critsec::critical_section;
use crate::ffi::guard::*;
use crate::ffi::types::*;
use crate::win32::abi;
use crate::win32::abi::FILETIME;
use crate::win32::abi::TP_CALLBACK_ENVIRON_V3;
use crate::win32::error::*;
use crate::win32::event::Event;
use crate::win32::handle;
use crate::win32::threadpool::object::{Due, CLEANUP_FREE_LIBRARY, CLEANUP_LEAVE_CRITICAL_SECTION, CLEANUP_SET_EVENT};
use crate::win32::threadpool::{
    Callback, Environment, Group, Instance, IoFn, Kind, ObjectFn, Pool, SimpleFn, TpObject, WaitFn,
};
use std::ffi::c_void;
use std::sync::Arc;

/// The environment a `PTP_CALLBACK_ENVIRON` describes (NULL: the default pool, normal priority). Version 1
/// environments have no priority. A priority other than high, normal or low: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// The pointers are the arguments of `TrySubmitThreadpoolCallback` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `pcbe` is its
/// `pcbe`.
unsafe fn environment(pcbe: *const TP_CALLBACK_ENVIRON_V3) -> WinResult<Environment> {
    let mut env = Environment { priority: abi::TP_CALLBACK_PRIORITY_NORMAL, ..Default::default() };
    if pcbe.is_null() {
        return Ok(env);
    }
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let version = unsafe { std::ptr::addr_of!((*pcbe).Version).read_unaligned() };
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let pool = unsafe { std::ptr::addr_of!((*pcbe).Pool).read_unaligned() };
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let group = unsafe { std::ptr::addr_of!((*pcbe).CleanupGroup).read_unaligned() };
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    env.cancel_callback = unsafe { std::ptr::addr_of!((*pcbe).CleanupGroupCancelCallback).read_unaligned() };
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    env.finalization = unsafe { std::ptr::addr_of!((*pcbe).FinalizationCallback).read_unaligned() };
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    env.long_function = unsafe { std::ptr::addr_of!((*pcbe).Flags).read_unaligned() } & 1 != 0;
    if version >= 3 {
        // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
        let p = unsafe { std::ptr::addr_of!((*pcbe).CallbackPriority).read_unaligned() };
        if !(0..=2).contains(&p) {
            return Err(ERROR_INVALID_PARAMETER);
        }
        env.priority = p as usize;
    }
    if pool != 0 {
        env.pool = Some(handle::get_typed::<Pool>(pool)?);
    }
    if group != 0 {
        env.group = Some(handle::get_typed::<Group>(group)?);
    }
    Ok(env)
}

/// A new object in the handle table; its handle is what its callbacks receive.
///
/// # Safety
/// The pointers are arguments of the exports that call it (`CreateThreadpoolIo`, `CreateThreadpoolTimer`,
/// `CreateThreadpoolWait`, `CreateThreadpoolWork`, and their `_w16` twins), whose `# Safety` asks the caller to make
/// them NULL or valid for what Windows documents the function reads or writes through them; as called from
/// `CreateThreadpoolWork`: `context` is its `pv`, `pcbe` is its `pcbe`.
unsafe fn create(callback: Option<Callback>, context: *mut c_void, pcbe: *const c_void) -> WinResult<HANDLE> {
    let callback = callback.ok_or(ERROR_INVALID_PARAMETER)?;
    // SAFETY: `environment`: `pcbe` is this export's own argument: NULL or a readable `TP_CALLBACK_ENVIRON` of the
    // version it states (its `# Safety`).
    let env = unsafe { environment(pcbe as *const TP_CALLBACK_ENVIRON_V3) }?;
    let object = TpObject::new(callback, context as usize, env);
    let h = handle::insert(object.clone());
    object.set_handle(h);
    Ok(to_handle(h))
}

/// The object behind a `PTP_*` of the expected kind.
fn object(h: HANDLE, kind: Kind) -> WinResult<Arc<TpObject>> {
    let o = handle::get_typed::<TpObject>(raw(h))?;
    if o.callback().kind() != kind {
        return Err(ERROR_INVALID_HANDLE);
    }
    Ok(o)
}

/// A `FILETIME` argument as a due time (NULL: none).
///
/// # Safety
/// `p` is NULL or points to a readable `FILETIME` (alignment not required).
unsafe fn due(p: *const FILETIME) -> Option<Due> {
    if p.is_null() {
        return None;
    }
    // SAFETY: `read_unaligned`: the source points to readable memory of the value's size
    let ft = unsafe { p.read_unaligned() };
    Some(Due::from_filetime(((ft.dwHighDateTime as u64) << 32 | ft.dwLowDateTime as u64) as i64))
}

// ---- pools and cleanup groups -------------------------------------------------------------------------

/// `CreateThreadpool`: a private pool (its own threads: at most 500, at least 0 by default). `reserved`
/// must be NULL.
#[no_mangle]
pub extern "C" fn CreateThreadpool(reserved: *mut c_void) -> HANDLE {
    guard_win32("CreateThreadpool", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateThreadpool({reserved:?})");
        if !reserved.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok(to_handle(handle::insert(Pool::new())))
    })
}

/// `CloseThreadpool`: the pool goes once the objects bound to it are closed and their callbacks done.
#[no_mangle]
pub extern "C" fn CloseThreadpool(ptpp: HANDLE) {
    guard_win32("CloseThreadpool", (), || {
        tracing::trace!(target: "winhttpapi::win32", "CloseThreadpool({ptpp:?})");
        handle::get_typed::<Pool>(raw(ptpp))?.close();
        handle::remove(raw(ptpp))?;
        Ok(())
    })
}

/// `SetThreadpoolThreadMaximum`: at most `cthrdMost` worker threads (at least 1).
#[no_mangle]
pub extern "C" fn SetThreadpoolThreadMaximum(ptpp: HANDLE, cthrdMost: DWORD) {
    guard_win32("SetThreadpoolThreadMaximum", (), || {
        tracing::trace!(target: "winhttpapi::win32", "SetThreadpoolThreadMaximum({ptpp:?}, {cthrdMost})");
        handle::get_typed::<Pool>(raw(ptpp))?.set_max(cthrdMost);
        Ok(())
    })
}

/// `SetThreadpoolThreadMinimum`: starts worker threads up to `cthrdMic` and keeps them; FALSE (with
/// `ERROR_NOT_ENOUGH_MEMORY`) when a thread could not be started.
#[no_mangle]
pub extern "C" fn SetThreadpoolThreadMinimum(ptpp: HANDLE, cthrdMic: DWORD) -> BOOL {
    guard_win32("SetThreadpoolThreadMinimum", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SetThreadpoolThreadMinimum({ptpp:?}, {cthrdMic})");
        if handle::get_typed::<Pool>(raw(ptpp))?.set_min(cthrdMic) {
            Ok(TRUE)
        } else {
            Err(ERROR_NOT_ENOUGH_MEMORY)
        }
    })
}

/// `CreateThreadpoolCleanupGroup`: a group that objects join when created with an environment naming it.
#[no_mangle]
pub extern "C" fn CreateThreadpoolCleanupGroup() -> HANDLE {
    guard_win32("CreateThreadpoolCleanupGroup", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateThreadpoolCleanupGroup()");
        Ok(to_handle(handle::insert(Arc::new(Group::default()))))
    })
}

/// `CloseThreadpoolCleanupGroupMembers`: closes every member (timers and waits stop; with
/// `fCancelPendingCallbacks`, queued callbacks are dropped and the group's cancel callback is called for
/// each member not closed before, with `pvCleanupContext`), waiting for running callbacks. The members'
/// handles are dead afterwards.
#[no_mangle]
pub extern "C" fn CloseThreadpoolCleanupGroupMembers(
    ptpcg: HANDLE,
    fCancelPendingCallbacks: BOOL,
    pvCleanupContext: *mut c_void,
) {
    guard_win32("CloseThreadpoolCleanupGroupMembers", (), || {
        tracing::trace!(target: "winhttpapi::win32", "CloseThreadpoolCleanupGroupMembers({ptpcg:?}, {fCancelPendingCallbacks}, {pvCleanupContext:?})");
        handle::get_typed::<Group>(raw(ptpcg))?.close_members(fCancelPendingCallbacks != 0, pvCleanupContext as usize);
        Ok(())
    })
}

/// `CloseThreadpoolCleanupGroup`: closes the group (not its members).
#[no_mangle]
pub extern "C" fn CloseThreadpoolCleanupGroup(ptpcg: HANDLE) {
    guard_win32("CloseThreadpoolCleanupGroup", (), || {
        tracing::trace!(target: "winhttpapi::win32", "CloseThreadpoolCleanupGroup({ptpcg:?})");
        handle::get_typed::<Group>(raw(ptpcg))?;
        handle::remove(raw(ptpcg))?;
        Ok(())
    })
}

// ---- simple callbacks and work ------------------------------------------------------------------------

/// `TrySubmitThreadpoolCallback`: runs `pfns(instance, pv)` once on the environment's pool. FALSE only for
/// a bad environment or callback.
///
/// # Safety
/// `pv`, `pcbe` are each NULL or point to memory valid for what `TrySubmitThreadpoolCallback` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn TrySubmitThreadpoolCallback(
    pfns: Option<SimpleFn>,
    pv: *mut c_void,
    pcbe: *const c_void,
) -> BOOL {
    guard_win32("TrySubmitThreadpoolCallback", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "TrySubmitThreadpoolCallback({pfns:?}, {pv:?}, {pcbe:?})");
        let pfns = pfns.ok_or(ERROR_INVALID_PARAMETER)?;
        // SAFETY: `environment`: `pcbe` is this export's own argument, passed on (cast to the helper's types where they
        // differ); its `# Safety` makes it NULL or valid for what Windows documents `TrySubmitThreadpoolCallback` reads
        // or writes through it.
        let env = unsafe { environment(pcbe as *const TP_CALLBACK_ENVIRON_V3) }?;
        TpObject::new(Callback::Simple(pfns), pv as usize, env).submit_work();
        Ok(TRUE)
    })
}

/// `CreateThreadpoolWork`: a work object whose callback is `pfnwk(instance, pv, work)`. NULL with last
/// error on failure (`ERROR_INVALID_PARAMETER`: no callback or a bad priority; `ERROR_INVALID_HANDLE`: a
/// closed pool or group in the environment).
///
/// # Safety
/// `pv`, `pcbe` are each NULL or point to memory valid for what `CreateThreadpoolWork` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateThreadpoolWork(pfnwk: Option<ObjectFn>, pv: *mut c_void, pcbe: *const c_void) -> HANDLE {
    guard_win32("CreateThreadpoolWork", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateThreadpoolWork({pfnwk:?}, {pv:?}, {pcbe:?})");
        // SAFETY: `create`: `pv`, `pcbe` are this export's own arguments, passed on unchanged; its `# Safety` makes
        // them NULL or valid for what Windows documents `CreateThreadpoolWork` reads or writes through them.
        unsafe { create(pfnwk.map(Callback::Work), pv, pcbe) }
    })
}

/// `SubmitThreadpoolWork`: queues one callback; each submission is one callback (they may run at once on
/// several threads).
#[no_mangle]
pub extern "C" fn SubmitThreadpoolWork(pwk: HANDLE) {
    guard_win32("SubmitThreadpoolWork", (), || {
        tracing::trace!(target: "winhttpapi::win32", "SubmitThreadpoolWork({pwk:?})");
        object(pwk, Kind::Work)?.submit_work();
        Ok(())
    })
}

/// `WaitForThreadpoolWorkCallbacks`: waits for the object's queued and running callbacks; with
/// `fCancelPendingCallbacks`, queued ones are dropped first. Must not be called from one of its callbacks.
#[no_mangle]
pub extern "C" fn WaitForThreadpoolWorkCallbacks(pwk: HANDLE, fCancelPendingCallbacks: BOOL) {
    guard_win32("WaitForThreadpoolWorkCallbacks", (), || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForThreadpoolWorkCallbacks({pwk:?}, {fCancelPendingCallbacks})");
        wait_for(object(pwk, Kind::Work)?, fCancelPendingCallbacks)
    })
}

fn wait_for(o: Arc<TpObject>, cancel: BOOL) -> WinResult<()> {
    if cancel != 0 {
        o.cancel_pending();
    }
    o.wait_callbacks(false);
    Ok(())
}

/// `CloseThreadpoolWork`: the handle is dead at once; queued callbacks still run, and the object is freed
/// after them.
#[no_mangle]
pub extern "C" fn CloseThreadpoolWork(pwk: HANDLE) {
    guard_win32("CloseThreadpoolWork", (), || {
        tracing::trace!(target: "winhttpapi::win32", "CloseThreadpoolWork({pwk:?})");
        object(pwk, Kind::Work)?.release();
        Ok(())
    })
}

// ---- timers -------------------------------------------------------------------------------------------

/// `CreateThreadpoolTimer`: a timer object whose callback is `pfnti(instance, pv, timer)`.
///
/// # Safety
/// `pv`, `pcbe` are each NULL or point to memory valid for what `CreateThreadpoolTimer` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateThreadpoolTimer(
    pfnti: Option<ObjectFn>,
    pv: *mut c_void,
    pcbe: *const c_void,
) -> HANDLE {
    guard_win32("CreateThreadpoolTimer", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateThreadpoolTimer({pfnti:?}, {pv:?}, {pcbe:?})");
        // SAFETY: `create`: `pv`, `pcbe` are this export's own arguments, passed on unchanged; its `# Safety` makes
        // them NULL or valid for what Windows documents `CreateThreadpoolTimer` reads or writes through them.
        unsafe { create(pfnti.map(Callback::Timer), pv, pcbe) }
    })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`SetThreadpoolTimer`, `SetThreadpoolTimerEx`, and their
/// `_w16` twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function
/// reads or writes through them; as called from `SetThreadpoolTimer`: `pftDueTime` is its `pftDueTime`.
unsafe fn set_timer(pti: HANDLE, pftDueTime: *const FILETIME, msPeriod: DWORD) -> WinResult<BOOL> {
    // SAFETY: `due`: the due-time argument is this export's own, NULL or a readable `FILETIME` (its `# Safety`).
    Ok(object(pti, Kind::Timer)?.set_timer(unsafe { due(pftDueTime) }, msPeriod) as BOOL)
}

/// `SetThreadpoolTimer`: expires at `*pftDueTime` (negative: relative, in 100 ns; positive: absolute UTC
/// `FILETIME`; 0: now), then every `msPeriod` ms if non-zero; NULL stops it (callbacks already queued still
/// run). `msWindowLength` (how late an expiry may be, for coalescing) is accepted; expiries are not delayed.
///
/// # Safety
/// `pftDueTime` is NULL or points to memory valid for what `SetThreadpoolTimer` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn SetThreadpoolTimer(
    pti: HANDLE,
    pftDueTime: *const FILETIME,
    msPeriod: DWORD,
    msWindowLength: DWORD,
) {
    guard_win32("SetThreadpoolTimer", (), || {
        tracing::trace!(target: "winhttpapi::win32", "SetThreadpoolTimer({pti:?}, {pftDueTime:?}, {msPeriod}, {msWindowLength})");
        // SAFETY: `set_timer`: `pftDueTime` is this export's own argument, passed on unchanged; its `# Safety` makes it
        // NULL or valid for what Windows documents `SetThreadpoolTimer` reads or writes through it.
        unsafe { set_timer(pti, pftDueTime, msPeriod) }.map(drop)
    })
}

/// `SetThreadpoolTimerEx`: as `SetThreadpoolTimer`; TRUE when an expiry was still to come (and is replaced).
///
/// # Safety
/// `pftDueTime` is NULL or points to memory valid for what `SetThreadpoolTimerEx` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn SetThreadpoolTimerEx(
    pti: HANDLE,
    pftDueTime: *const FILETIME,
    msPeriod: DWORD,
    msWindowLength: DWORD,
) -> BOOL {
    guard_win32("SetThreadpoolTimerEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SetThreadpoolTimerEx({pti:?}, {pftDueTime:?}, {msPeriod}, {msWindowLength})");
        // SAFETY: `set_timer`: `pftDueTime` is this export's own argument, passed on unchanged; its `# Safety` makes it
        // NULL or valid for what Windows documents `SetThreadpoolTimerEx` reads or writes through it.
        unsafe { set_timer(pti, pftDueTime, msPeriod) }
    })
}

/// `IsThreadpoolTimerSet`: TRUE when the last `SetThreadpoolTimer` gave a due time.
#[no_mangle]
pub extern "C" fn IsThreadpoolTimerSet(pti: HANDLE) -> BOOL {
    guard_win32("IsThreadpoolTimerSet", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "IsThreadpoolTimerSet({pti:?})");
        Ok(object(pti, Kind::Timer)?.is_timer_set() as BOOL)
    })
}

/// `WaitForThreadpoolTimerCallbacks`: as `WaitForThreadpoolWorkCallbacks` (it does not stop the timer).
#[no_mangle]
pub extern "C" fn WaitForThreadpoolTimerCallbacks(pti: HANDLE, fCancelPendingCallbacks: BOOL) {
    guard_win32("WaitForThreadpoolTimerCallbacks", (), || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForThreadpoolTimerCallbacks({pti:?}, {fCancelPendingCallbacks})");
        wait_for(object(pti, Kind::Timer)?, fCancelPendingCallbacks)
    })
}

/// `CloseThreadpoolTimer`: stops the timer and closes it; queued callbacks still run.
#[no_mangle]
pub extern "C" fn CloseThreadpoolTimer(pti: HANDLE) {
    guard_win32("CloseThreadpoolTimer", (), || {
        tracing::trace!(target: "winhttpapi::win32", "CloseThreadpoolTimer({pti:?})");
        object(pti, Kind::Timer)?.release();
        Ok(())
    })
}

// ---- waits --------------------------------------------------------------------------------------------

/// `CreateThreadpoolWait`: a wait object whose callback is `pfnwa(instance, pv, wait, result)`.
///
/// # Safety
/// `pv`, `pcbe` are each NULL or point to memory valid for what `CreateThreadpoolWait` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateThreadpoolWait(pfnwa: Option<WaitFn>, pv: *mut c_void, pcbe: *const c_void) -> HANDLE {
    guard_win32("CreateThreadpoolWait", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateThreadpoolWait({pfnwa:?}, {pv:?}, {pcbe:?})");
        // SAFETY: `create`: `pv`, `pcbe` are this export's own arguments, passed on unchanged; its `# Safety` makes
        // them NULL or valid for what Windows documents `CreateThreadpoolWait` reads or writes through them.
        unsafe { create(pfnwa.map(Callback::Wait), pv, pcbe) }
    })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`SetThreadpoolWait`, `SetThreadpoolWaitEx`, and their `_w16`
/// twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or
/// writes through them; as called from `SetThreadpoolWait`: `pftTimeout` is its `pftTimeout`.
unsafe fn set_wait(pwa: HANDLE, h: HANDLE, pftTimeout: *const FILETIME) -> WinResult<BOOL> {
    let o = object(pwa, Kind::Wait)?;
    let target = if h.is_null() {
        None
    } else {
        let t = handle::get(raw(h))?;
        t.waitable().ok_or(ERROR_INVALID_HANDLE)?;
        Some(t)
    };
    // SAFETY: `due`: the due-time argument is this export's own, NULL or a readable `FILETIME` (its `# Safety`).
    Ok(o.set_wait(target, unsafe { due(pftTimeout) }) as BOOL)
}

/// `SetThreadpoolWait`: waits for `h` (any waitable handle: event, thread, file) until `*pftTimeout` (as
/// for timers; NULL: no timeout; 0: now), then queues one callback with `WAIT_OBJECT_0` or `WAIT_TIMEOUT`;
/// the wait is then over (set it again for another). Replaces a previous wait; `h` NULL stops waiting.
/// An auto-reset event is consumed by the wait it ends.
///
/// # Safety
/// `pftTimeout` is NULL or points to memory valid for what `SetThreadpoolWait` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn SetThreadpoolWait(pwa: HANDLE, h: HANDLE, pftTimeout: *const FILETIME) {
    guard_win32("SetThreadpoolWait", (), || {
        tracing::trace!(target: "winhttpapi::win32", "SetThreadpoolWait({pwa:?}, {h:?}, {pftTimeout:?})");
        // SAFETY: `set_wait`: `pftTimeout` is this export's own argument, passed on unchanged; its `# Safety` makes it
        // NULL or valid for what Windows documents `SetThreadpoolWait` reads or writes through it.
        unsafe { set_wait(pwa, h, pftTimeout) }.map(drop)
    })
}

/// `SetThreadpoolWaitEx`: as `SetThreadpoolWait`; TRUE when a previous wait was still waiting (and is
/// cancelled). `Reserved` must be NULL.
///
/// # Safety
/// `pftTimeout`, `Reserved` are each NULL or point to memory valid for what `SetThreadpoolWaitEx` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn SetThreadpoolWaitEx(
    pwa: HANDLE,
    h: HANDLE,
    pftTimeout: *const FILETIME,
    Reserved: *mut c_void,
) -> BOOL {
    guard_win32("SetThreadpoolWaitEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SetThreadpoolWaitEx({pwa:?}, {h:?}, {pftTimeout:?}, {Reserved:?})");
        if !Reserved.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: `set_wait`: `pftTimeout` is this export's own argument, passed on unchanged; its `# Safety` makes it
        // NULL or valid for what Windows documents `SetThreadpoolWaitEx` reads or writes through it.
        unsafe { set_wait(pwa, h, pftTimeout) }
    })
}

/// `WaitForThreadpoolWaitCallbacks`: as `WaitForThreadpoolWorkCallbacks` (it does not stop the wait).
#[no_mangle]
pub extern "C" fn WaitForThreadpoolWaitCallbacks(pwa: HANDLE, fCancelPendingCallbacks: BOOL) {
    guard_win32("WaitForThreadpoolWaitCallbacks", (), || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForThreadpoolWaitCallbacks({pwa:?}, {fCancelPendingCallbacks})");
        wait_for(object(pwa, Kind::Wait)?, fCancelPendingCallbacks)
    })
}

/// `CloseThreadpoolWait`: stops waiting and closes the object; queued callbacks still run.
#[no_mangle]
pub extern "C" fn CloseThreadpoolWait(pwa: HANDLE) {
    guard_win32("CloseThreadpoolWait", (), || {
        tracing::trace!(target: "winhttpapi::win32", "CloseThreadpoolWait({pwa:?})");
        object(pwa, Kind::Wait)?.release();
        Ok(())
    })
}

// ---- I/O ----------------------------------------------------------------------------------------------

/// `CreateThreadpoolIo`: binds `fl` (a handle that completes `OVERLAPPED` I/O: a file, an http.sys request
/// queue) to the pool's completion port; each completion of an operation announced by `StartThreadpoolIo`
/// runs `pfnio(instance, pv, overlapped, result, bytes, io)` on a worker. A handle already bound to a port:
/// `ERROR_INVALID_PARAMETER`; a handle without overlapped I/O: `ERROR_INVALID_HANDLE`.
///
/// # Safety
/// `pv`, `pcbe` are each NULL or point to memory valid for what `CreateThreadpoolIo` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateThreadpoolIo(
    fl: HANDLE,
    pfnio: Option<IoFn>,
    pv: *mut c_void,
    pcbe: *const c_void,
) -> HANDLE {
    guard_win32("CreateThreadpoolIo", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateThreadpoolIo({fl:?}, {pfnio:?}, {pv:?}, {pcbe:?})");
        let target = handle::get(raw(fl))?;
        let binding = target.io_binding().ok_or(ERROR_INVALID_HANDLE)?;
        // SAFETY: `create`: `pv`, `pcbe` are this export's own arguments, passed on unchanged; its `# Safety` makes
        // them NULL or valid for what Windows documents `CreateThreadpoolIo` reads or writes through them.
        let h = unsafe { create(pfnio.map(Callback::Io), pv, pcbe) }?;
        let io = handle::get_typed::<TpObject>(raw(h))?;
        if let Err(e) = binding.bind(io.pool().port(), raw(h)) {
            io.release();
            return Err(e);
        }
        Ok(h)
    })
}

/// `StartThreadpoolIo`: call before each overlapped operation on the bound handle; its completion then runs
/// the callback (a completion not announced is ignored).
#[no_mangle]
pub extern "C" fn StartThreadpoolIo(pio: HANDLE) {
    guard_win32("StartThreadpoolIo", (), || {
        tracing::trace!(target: "winhttpapi::win32", "StartThreadpoolIo({pio:?})");
        object(pio, Kind::Io)?.start_io();
        Ok(())
    })
}

/// `CancelThreadpoolIo`: the announced operation failed at once (an error other than `ERROR_IO_PENDING`)
/// or succeeded at once on a handle in `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS` mode: no callback will come.
#[no_mangle]
pub extern "C" fn CancelThreadpoolIo(pio: HANDLE) {
    guard_win32("CancelThreadpoolIo", (), || {
        tracing::trace!(target: "winhttpapi::win32", "CancelThreadpoolIo({pio:?})");
        object(pio, Kind::Io)?.cancel_io();
        Ok(())
    })
}

/// `WaitForThreadpoolIoCallbacks`: waits until every announced operation has completed and its callback
/// returned (with `fCancelPendingCallbacks`: queued callbacks and completions still expected are dropped
/// first). Cancel the I/O itself (`CancelIoEx`, closing the handle) to make outstanding operations end.
#[no_mangle]
pub extern "C" fn WaitForThreadpoolIoCallbacks(pio: HANDLE, fCancelPendingCallbacks: BOOL) {
    guard_win32("WaitForThreadpoolIoCallbacks", (), || {
        tracing::trace!(target: "winhttpapi::win32", "WaitForThreadpoolIoCallbacks({pio:?}, {fCancelPendingCallbacks})");
        wait_for(object(pio, Kind::Io)?, fCancelPendingCallbacks)
    })
}

/// `CloseThreadpoolIo`: closes the I/O object (close the file handle and let its operations end first,
/// as Windows requires).
#[no_mangle]
pub extern "C" fn CloseThreadpoolIo(pio: HANDLE) {
    guard_win32("CloseThreadpoolIo", (), || {
        tracing::trace!(target: "winhttpapi::win32", "CloseThreadpoolIo({pio:?})");
        object(pio, Kind::Io)?.release();
        Ok(())
    })
}

// ---- callback instances ---------------------------------------------------------------------------------

/// `SetEventWhenCallbackReturns`: sets `evt` once the running callback (`pci`) returns.
#[no_mangle]
pub extern "C" fn SetEventWhenCallbackReturns(pci: usize, evt: HANDLE) {
    guard_win32("SetEventWhenCallbackReturns", (), || {
        tracing::trace!(target: "winhttpapi::win32", "SetEventWhenCallbackReturns({pci:#x}, {evt:?})");
        let event = handle::get_typed::<Event>(raw(evt))?;
        Instance::on_return(pci, CLEANUP_SET_EVENT, Box::new(move || event.signal.set()));
        Ok(())
    })
}

/// `LeaveCriticalSectionWhenCallbackReturns`: leaves `pcs` once the running callback returns.
///
/// # Safety
/// `pcs` is NULL or points to memory valid for what `LeaveCriticalSectionWhenCallbackReturns` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn LeaveCriticalSectionWhenCallbackReturns(pci: usize, pcs: *mut c_void) {
    guard_win32("LeaveCriticalSectionWhenCallbackReturns", (), || {
        tracing::trace!(target: "winhttpapi::win32", "LeaveCriticalSectionWhenCallbackReturns({pci:#x}, {pcs:?})");
        // SAFETY: `critical_section`: `pcs` is this export's own argument, passed on (cast to the helper's types where
        // they differ); its `# Safety` makes it NULL or valid for what Windows documents
        // `LeaveCriticalSectionWhenCallbackReturns` reads or writes through it.
        unsafe { critical_section(pcs as *mut _) }?;
        let at = pcs as usize;
        Instance::on_return(
            pci,
            CLEANUP_LEAVE_CRITICAL_SECTION,
            // SAFETY: the program keeps its CRITICAL_SECTION until the callback returns (the contract).
            Box::new(move || unsafe {
                if let Ok(cs) = critical_section(at as *mut _) {
                    cs.leave()
                }
            }),
        );
        Ok(())
    })
}

/// `FreeLibraryWhenCallbackReturns`: the modules here are this library, never unloaded, so this only checks
/// `mod` is one of them.
#[no_mangle]
pub extern "C" fn FreeLibraryWhenCallbackReturns(pci: usize, r#mod: HANDLE) {
    guard_win32("FreeLibraryWhenCallbackReturns", (), || {
        tracing::trace!(target: "winhttpapi::win32", "FreeLibraryWhenCallbackReturns({pci:#x}, {mod:?})", mod = r#mod);
        if !crate::win32::module::is_known(r#mod as usize) {
            return Err(ERROR_INVALID_HANDLE);
        }
        Instance::on_return(pci, CLEANUP_FREE_LIBRARY, Box::new(|| {}));
        Ok(())
    })
}

/// `CallbackMayRunLong`: TRUE when the pool has another thread for its other callbacks (one idle, or one
/// started now); FALSE at the pool's maximum.
#[no_mangle]
pub extern "C" fn CallbackMayRunLong(pci: usize) -> BOOL {
    guard_win32("CallbackMayRunLong", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "CallbackMayRunLong({pci:#x})");
        Ok(Instance::may_run_long(pci) as BOOL)
    })
}

/// `DisassociateCurrentThreadFromCallback`: the object's `WaitForThreadpool*Callbacks` and cleanup group
/// stop waiting for this callback (it may go on running).
#[no_mangle]
pub extern "C" fn DisassociateCurrentThreadFromCallback(pci: usize) {
    guard_win32("DisassociateCurrentThreadFromCallback", (), || {
        tracing::trace!(target: "winhttpapi::win32", "DisassociateCurrentThreadFromCallback({pci:#x})");
        Instance::disassociate(pci);
        Ok(())
    })
}
