//! Threads and sleeping (engine: `win32::thread`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::handle;
use crate::win32::thread;
use std::ffi::c_void;

/// `CreateThread`: runs `lpStartAddress(lpParameter)` on a new OS thread. The returned handle is
/// waitable (signaled when the thread ends) and gives the exit code to `GetExitCodeThread`; closing
/// it does not stop the thread. `CREATE_SUSPENDED` holds the thread until `ResumeThread`.
/// `lpThreadAttributes` is ignored. NULL start routine: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `lpThreadAttributes`, `lpParameter`, `lpThreadId` are each NULL or point to memory valid for what `CreateThread`
/// reads or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at
/// least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateThread(
    lpThreadAttributes: *mut c_void,
    dwStackSize: usize,
    lpStartAddress: Option<ThreadStart>,
    lpParameter: *mut c_void,
    dwCreationFlags: DWORD,
    lpThreadId: *mut DWORD,
) -> HANDLE {
    guard_win32("CreateThread", std::ptr::null_mut(), || {
        tracing::trace!(target: "winhttpapi::win32", "CreateThread({lpThreadAttributes:?}, {dwStackSize}, {lpParameter:?}, {dwCreationFlags:#x})");
        let start = lpStartAddress.ok_or(ERROR_INVALID_PARAMETER)?;
        let param = lpParameter as usize;
        // SAFETY: `start` is the caller's thread routine, called once with its parameter, as `CreateThread`'s contract
        // (this export's `# Safety`) allows.
        let body = Box::new(move || unsafe { start(param as *mut c_void) });
        let t = thread::spawn(dwStackSize, dwCreationFlags & CREATE_SUSPENDED != 0, body)?;
        // SAFETY: `write_opt`: `lpThreadId` is NULL or points to a writable, aligned `T`.
        unsafe { write_opt(lpThreadId, t.id) };
        Ok(to_handle(handle::insert(t)))
    })
}

/// `ExitThread`: ends the calling thread with `dwExitCode`. On a `CreateThread` thread this unwinds
/// to the thread's bottom (C frames in between must have unwind tables, which gcc and clang emit by
/// default on x86-64 and aarch64 Linux); on any other thread it is `pthread_exit`.
#[no_mangle]
pub extern "C-unwind" fn ExitThread(dwExitCode: DWORD) {
    guard_unwinding("ExitThread", || thread::exit_current(dwExitCode))
}

/// `GetExitCodeThread`: the exit code, or `STILL_ACTIVE` (259) while the thread runs.
///
/// # Safety
/// `lpExitCode` is NULL or points to memory valid for what `GetExitCodeThread` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetExitCodeThread(hThread: HANDLE, lpExitCode: *mut DWORD) -> BOOL {
    guard_win32("GetExitCodeThread", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetExitCodeThread({hThread:?})");
        let code = if raw(hThread) == CURRENT_THREAD_PSEUDO {
            STILL_ACTIVE
        } else {
            handle::get_typed::<thread::Thread>(raw(hThread))?.exit_code()
        };
        // SAFETY: `write_req`: `lpExitCode` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(lpExitCode, code) }?;
        Ok(TRUE)
    })
}

/// `ResumeThread`: starts a thread created with `CREATE_SUSPENDED`; returns the previous suspend
/// count, or `(DWORD)-1` with last-error on failure.
#[no_mangle]
pub extern "C" fn ResumeThread(hThread: HANDLE) -> DWORD {
    guard_win32("ResumeThread", u32::MAX, || {
        tracing::trace!(target: "winhttpapi::win32", "ResumeThread({hThread:?})");
        Ok(handle::get_typed::<thread::Thread>(raw(hThread))?.resume())
    })
}

/// `GetCurrentThreadId`: the kernel thread id (`gettid`).
#[no_mangle]
pub extern "C" fn GetCurrentThreadId() -> DWORD {
    guard_infallible("GetCurrentThreadId", 0, thread::current_thread_id)
}

/// `GetCurrentProcessId`: the process id.
#[no_mangle]
pub extern "C" fn GetCurrentProcessId() -> DWORD {
    guard_infallible("GetCurrentProcessId", 0, thread::current_process_id)
}

/// `GetCurrentThread`: the pseudo handle `(HANDLE)-2`, meaning "the calling thread"; it need not be
/// closed (closing it fails harmlessly with `ERROR_INVALID_HANDLE`).
#[no_mangle]
pub extern "C" fn GetCurrentThread() -> HANDLE {
    guard_infallible("GetCurrentThread", to_handle(CURRENT_THREAD_PSEUDO), || to_handle(CURRENT_THREAD_PSEUDO))
}

/// `GetCurrentProcess`: the pseudo handle `(HANDLE)-1`.
#[no_mangle]
pub extern "C" fn GetCurrentProcess() -> HANDLE {
    guard_infallible("GetCurrentProcess", to_handle(CURRENT_PROCESS_PSEUDO), || to_handle(CURRENT_PROCESS_PSEUDO))
}

fn sleep_ms(ms: DWORD) {
    tracing::trace!(target: "winhttpapi::win32", "Sleep({ms})");
    if ms == INFINITE {
        loop {
            std::thread::park();
        }
    }
    if ms == 0 {
        std::thread::yield_now();
    } else {
        std::thread::sleep(std::time::Duration::from_millis(ms as u64));
    }
}

/// `Sleep`: suspends the calling thread; 0 yields, `INFINITE` never returns.
#[no_mangle]
pub extern "C" fn Sleep(dwMilliseconds: DWORD) {
    guard_infallible("Sleep", (), || sleep_ms(dwMilliseconds))
}

/// `SleepEx`: as `Sleep`; returns 0 (no APCs on Linux, so never `WAIT_IO_COMPLETION`).
#[no_mangle]
pub extern "C" fn SleepEx(dwMilliseconds: DWORD, bAlertable: BOOL) -> DWORD {
    guard_infallible("SleepEx", 0, || {
        tracing::trace!(target: "winhttpapi::win32", "SleepEx({dwMilliseconds:?}, {bAlertable:?})");
        let _ = bAlertable;
        sleep_ms(dwMilliseconds);
        0
    })
}
