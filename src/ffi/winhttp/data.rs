//! Reading and writing entity bodies: `WinHttpWriteData`, `WinHttpQueryDataAvailable`,
//! `WinHttpReadData(Ex)` (engine: `client::api`).
use super::*;
use crate::client::api;
use crate::ffi::guard::{guard_winhttp, guard_winhttp_code};
use crate::ffi::ptr::{write_opt, CallerBuf};
use crate::ffi::types::*;
use crate::win32::error::*;

/// # Safety
/// `written` is NULL or points to a writable, aligned `T`; `buf as *const u8` points to `n as usize` writable bytes
/// that stay valid, and are not otherwise accessed by the library, until the operation this buffer belongs to
/// completes.
unsafe fn write_data(h: HINTERNET, buf: LPCVOID, n: DWORD, written: *mut DWORD) -> WinResult<BOOL> {
    // "sets this value to zero before doing any work or error checking"
    // SAFETY: `write_opt`: `written` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(written, 0) };
    tracing::trace!(target: T, "WinHttpWriteData({h:?}, {buf:?}, {n})");
    // Asynchronous: the count arrives with WRITE_COMPLETE; *lpdwNumberOfBytesWritten stays 0.
    let is_async = api::is_async_request(raw(h))?;
    // SAFETY: `new`: `buf as *const u8` points to `n as usize` writable bytes that stay valid, and are not otherwise
    // accessed by the library, until the operation this buffer belongs to completes.
    if let Some(w) = api::write_data(raw(h), unsafe { CallerBuf::new(buf as *const u8, n as usize) }?)? {
        if !is_async {
            // SAFETY: `write_opt`: `written` is NULL or points to a writable, aligned `T`.
            unsafe { write_opt(written, w) };
        }
    }
    Ok(TRUE)
}

/// `WinHttpWriteData` (seeds/WinHttpWriteData.txt): `*lpdwNumberOfBytesWritten` is zeroed first; the
/// bytes go straight to the socket (nothing is buffered). Writing past the declared Content-Length
/// fails with `ERROR_INVALID_PARAMETER`; before `WinHttpSendRequest` or after
/// `WinHttpReceiveResponse`: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`.
/// Asynchronous sessions: returns at once; WRITE_COMPLETE (a `DWORD` count) or REQUEST_ERROR
/// (`API_WRITE_DATA`) follows on a callback thread; `lpBuffer` must stay valid until then and
/// `*lpdwNumberOfBytesWritten` is never written after the call returns (pass NULL). Another operation
/// pending on the request: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`.
///
/// # Safety
/// `lpdwNumberOfBytesWritten` is NULL or points to memory valid for what `WinHttpWriteData` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpWriteData(
    hRequest: HINTERNET,
    lpBuffer: LPCVOID,
    dwNumberOfBytesToWrite: DWORD,
    lpdwNumberOfBytesWritten: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpWriteData", FALSE, || {
        // SAFETY: `write_data`: `lpdwNumberOfBytesWritten` is NULL or points to a writable, aligned `T`;
        // `lpBuffer as *const u8` points to `dwNumberOfBytesToWrite as usize` writable bytes that stay valid, and are
        // not otherwise accessed by the library, until the operation this buffer belongs to completes.
        unsafe { write_data(hRequest, lpBuffer, dwNumberOfBytesToWrite, lpdwNumberOfBytesWritten) }
    })
}
w16_alias!(WinHttpWriteData);

/// # Safety
/// `avail` is NULL or points to a writable, aligned `T`.
unsafe fn query_data_available(h: HINTERNET, avail: *mut DWORD) -> WinResult<BOOL> {
    tracing::trace!(target: T, "WinHttpQueryDataAvailable({h:?})");
    // Asynchronous: written when the count was known during the call (bytes already there), as
    // Windows does; otherwise DATA_AVAILABLE carries it.
    if let Some(n) = api::query_data_available(raw(h))? {
        // SAFETY: `write_opt`: `avail` is NULL or points to a writable, aligned `T`.
        unsafe { write_opt(avail, n) };
    }
    Ok(TRUE)
}

/// `WinHttpQueryDataAvailable`: bytes readable without waiting (waits for some when none are there;
/// 0 = end of body). Errors: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`, `_CONNECTION_ERROR`, `_TIMEOUT`.
/// Asynchronous sessions: returns at once; DATA_AVAILABLE (a `DWORD` count) or REQUEST_ERROR
/// (`API_QUERY_DATA_AVAILABLE`) follows on a callback thread; when bytes are already there the call
/// completes during the call, as on Windows: DATA_AVAILABLE runs on the calling thread (nested in the
/// callback that made the call) and `*lpdwNumberOfBytesAvailable` is written.
///
/// # Safety
/// `lpdwNumberOfBytesAvailable` is NULL or points to memory valid for what `WinHttpQueryDataAvailable` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpQueryDataAvailable(
    hRequest: HINTERNET,
    lpdwNumberOfBytesAvailable: *mut DWORD,
) -> BOOL {
    // SAFETY: `query_data_available`: `lpdwNumberOfBytesAvailable` is NULL or points to a writable, aligned `T`.
    guard_winhttp("WinHttpQueryDataAvailable", FALSE, || unsafe {
        query_data_available(hRequest, lpdwNumberOfBytesAvailable)
    })
}
w16_alias!(WinHttpQueryDataAvailable);

/// # Safety
/// `read` is NULL or points to a writable, aligned `T`; `buf as *const u8` points to `n as usize` writable bytes that
/// stay valid, and are not otherwise accessed by the library, until the operation this buffer belongs to completes.
unsafe fn read_data(h: HINTERNET, buf: LPVOID, n: DWORD, read: *mut DWORD, fill: bool) -> WinResult<u32> {
    // SAFETY: `write_opt`: `read` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(read, 0) };
    tracing::trace!(target: T, "WinHttpReadData({h:?}, {buf:?}, {n})");
    // Asynchronous: READ_COMPLETE carries lpBuffer and the count, and the buffer is the library's
    // until then; a read that finished during the call (bytes already there) also writes the count.
    let is_async = api::is_async_request(raw(h))?;
    // SAFETY: `new`: `buf as *const u8` points to `n as usize` writable bytes that stay valid, and are not otherwise
    // accessed by the library, until the operation this buffer belongs to completes.
    match api::read_data(raw(h), unsafe { CallerBuf::new(buf as *const u8, n as usize) }?, fill)? {
        Some(got) => {
            // SAFETY: `write_opt`: `read` is NULL or points to a writable, aligned `T`.
            unsafe { write_opt(read, got) };
            if is_async {
                return Err(ERROR_IO_PENDING);
            }
            Ok(got)
        }
        None => Err(ERROR_IO_PENDING),
    }
}

/// `WinHttpReadData`: body bytes (Content-Length, chunked or until close; decoded when
/// `WINHTTP_OPTION_DECOMPRESSION` applies); `*lpdwNumberOfBytesRead` = 0 means the body has ended.
/// Errors: `ERROR_WINHTTP_CONNECTION_ERROR` (cut mid-body), `ERROR_WINHTTP_INVALID_SERVER_RESPONSE`
/// (bad chunk framing), `ERROR_WINHTTP_TIMEOUT`, `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`.
/// Asynchronous sessions: returns TRUE at once; READ_COMPLETE (`lpBuffer`, bytes read; 0 = end) or
/// REQUEST_ERROR (`API_READ_DATA`) follows on a callback thread; `lpBuffer` must stay valid until then.
/// When the bytes are already there the read completes during the call: READ_COMPLETE runs on the
/// calling thread (nested in the callback that made the call) and `*lpdwNumberOfBytesRead` is written.
/// Another operation pending on the request: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`.
///
/// # Safety
/// `lpdwNumberOfBytesRead` is NULL or points to memory valid for what `WinHttpReadData` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpReadData(
    hRequest: HINTERNET,
    lpBuffer: LPVOID,
    dwNumberOfBytesToRead: DWORD,
    lpdwNumberOfBytesRead: *mut DWORD,
) -> BOOL {
    guard_winhttp("WinHttpReadData", FALSE, || {
        // SAFETY: `read_data_bool`: `lpdwNumberOfBytesRead` is NULL or points to a writable, aligned `T`;
        // `lpBuffer as *const u8` points to `dwNumberOfBytesToRead as usize` writable bytes that stay valid, and are
        // not otherwise accessed by the library, until the operation this buffer belongs to completes.
        unsafe { read_data_bool(hRequest, lpBuffer, dwNumberOfBytesToRead, lpdwNumberOfBytesRead) }
    })
}
w16_alias!(WinHttpReadData);

/// `WinHttpReadData`'s BOOL form: an asynchronous read that was started is TRUE.
///
/// # Safety
/// `read` is NULL or points to a writable, aligned `T`; `buf as *const u8` points to `n as usize` writable bytes that
/// stay valid, and are not otherwise accessed by the library, until the operation this buffer belongs to completes.
unsafe fn read_data_bool(h: HINTERNET, buf: LPVOID, n: DWORD, read: *mut DWORD) -> WinResult<BOOL> {
    // SAFETY: `read_data`: `read` is NULL or points to a writable, aligned `T`; `buf as *const u8` points to
    // `n as usize` writable bytes that stay valid, and are not otherwise accessed by the library, until the operation
    // this buffer belongs to completes.
    match unsafe { read_data(h, buf, n, read, false) } {
        Ok(_) | Err(ERROR_IO_PENDING) => Ok(TRUE),
        Err(e) => Err(e),
    }
}

/// # Safety
/// `read` is NULL or points to a writable, aligned `T`; `buf as *const u8` points to `n as usize` writable bytes that
/// stay valid, and are not otherwise accessed by the library, until the operation this buffer belongs to completes.
unsafe fn read_data_ex(
    h: HINTERNET,
    buf: LPVOID,
    n: DWORD,
    read: *mut DWORD,
    flags: u64,
    cb: DWORD,
    prop: LPVOID,
) -> WinResult<()> {
    tracing::trace!(target: T, "WinHttpReadDataEx({h:?}, {buf:?}, {n}, {read:?}, {flags:#x}, {cb}, {prop:?})");
    if cb != 0 || !prop.is_null() || flags & !1 != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `read_data`: `read` is NULL or points to a writable, aligned `T`; `buf as *const u8` points to
    // `n as usize` writable bytes that stay valid, and are not otherwise accessed by the library, until the operation
    // this buffer belongs to completes.
    unsafe { read_data(h, buf, n, read, flags & 1 != 0) }.map(|_| ())
}

/// `WinHttpReadDataEx`: as `WinHttpReadData`, returning the error code; with
/// `WINHTTP_READ_DATA_EX_FLAG_FILL_BUFFER` (1) it reads until the buffer is full or the body ends.
/// Asynchronous sessions: `ERROR_IO_PENDING`, then READ_COMPLETE or REQUEST_ERROR as for
/// `WinHttpReadData`.
///
/// # Safety
/// `lpdwNumberOfBytesRead` is NULL or points to memory valid for what `WinHttpReadDataEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WinHttpReadDataEx(
    hRequest: HINTERNET,
    lpBuffer: LPVOID,
    dwNumberOfBytesToRead: DWORD,
    lpdwNumberOfBytesRead: *mut DWORD,
    ullFlags: u64,
    cbProperty: DWORD,
    pvProperty: LPVOID,
) -> DWORD {
    guard_winhttp_code("WinHttpReadDataEx", || {
        // SAFETY: `read_data_ex`: `lpdwNumberOfBytesRead` is NULL or points to a writable, aligned `T`;
        // `lpBuffer as *const u8` points to `dwNumberOfBytesToRead as usize` writable bytes that stay valid, and are
        // not otherwise accessed by the library, until the operation this buffer belongs to completes.
        unsafe {
            read_data_ex(
                hRequest,
                lpBuffer,
                dwNumberOfBytesToRead,
                lpdwNumberOfBytesRead,
                ullFlags,
                cbProperty,
                pvProperty,
            )
        }
    })
}
w16_alias!(WinHttpReadDataEx);
