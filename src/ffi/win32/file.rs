//! Files: `CreateFile*`, `ReadFile`, `WriteFile`, sizes and pointers, temporary files, attributes (engine:
//! `win32::file`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::file::{self};
use crate::win32::last_error;
use crate::win32::overlapped::{self, OverlappedPtr};
use crate::win32::wstr::{self, WideUnit};
use std::ffi::{c_char, c_void};

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn create_file<U: WideUnit>(
    name: *const U,
    access: DWORD,
    disposition: DWORD,
    flags: DWORD,
) -> WinResult<HANDLE> {
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(name) }.ok_or(ERROR_INVALID_PARAMETER)?;
    tracing::trace!(target: "winhttpapi::win32", "CreateFile({name:?}, {access:#x}, {disposition}, {flags:#x})");
    let opened = file::create(&name, access, disposition, flags)?;
    // CREATE_ALWAYS and OPEN_ALWAYS succeed on an existing file and say so through last-error
    // (ERROR_ALREADY_EXISTS); otherwise a successful CreateFile sets it to 0 (CreateFile docs).
    let already = opened.existed && matches!(disposition, CREATE_ALWAYS | OPEN_ALWAYS);
    last_error::set_last_error(if already { ERROR_ALREADY_EXISTS.0 } else { 0 });
    Ok(to_handle(opened.handle))
}

/// `CreateFileA`: opens or creates a file in the handle table. Dispositions CREATE_NEW (exists:
/// `ERROR_FILE_EXISTS`), CREATE_ALWAYS and OPEN_ALWAYS (success with last-error `ERROR_ALREADY_EXISTS`
/// when it existed, else 0), OPEN_EXISTING (missing: `ERROR_FILE_NOT_FOUND`, missing directory:
/// `ERROR_PATH_NOT_FOUND`), TRUNCATE_EXISTING (needs write access). `\` in paths is read as `/`.
/// Share modes, security attributes and templates are accepted and ignored. Failure:
/// `INVALID_HANDLE_VALUE`.
///
/// # Safety
/// `lpFileName`, `lpSecurityAttributes` are each NULL or point to memory valid for what `CreateFileA` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateFileA(
    lpFileName: *const c_char,
    dwDesiredAccess: DWORD,
    dwShareMode: DWORD,
    lpSecurityAttributes: *mut c_void,
    dwCreationDisposition: DWORD,
    dwFlagsAndAttributes: DWORD,
    hTemplateFile: HANDLE,
) -> HANDLE {
    guard_win32("CreateFileA", INVALID_HANDLE_VALUE, || {
        let _ = (dwShareMode, lpSecurityAttributes, hTemplateFile);
        // SAFETY: `create_file`: `lpFileName as *const u8` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { create_file(lpFileName as *const u8, dwDesiredAccess, dwCreationDisposition, dwFlagsAndAttributes) }
    })
}

/// `CreateFileW`: as `CreateFileA` with a wide name.
///
/// # Safety
/// `lpFileName`, `lpSecurityAttributes` are each NULL or point to memory valid for what `CreateFileW` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateFileW(
    lpFileName: *const u32,
    dwDesiredAccess: DWORD,
    dwShareMode: DWORD,
    lpSecurityAttributes: *mut c_void,
    dwCreationDisposition: DWORD,
    dwFlagsAndAttributes: DWORD,
    hTemplateFile: HANDLE,
) -> HANDLE {
    guard_win32("CreateFileW", INVALID_HANDLE_VALUE, || {
        let _ = (dwShareMode, lpSecurityAttributes, hTemplateFile);
        // SAFETY: `create_file`: `lpFileName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { create_file(lpFileName, dwDesiredAccess, dwCreationDisposition, dwFlagsAndAttributes) }
    })
}

/// `CreateFileW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpFileName`, `lpSecurityAttributes` are each NULL or point to memory valid for what `CreateFileW` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn CreateFileW_w16(
    lpFileName: *const u16,
    dwDesiredAccess: DWORD,
    dwShareMode: DWORD,
    lpSecurityAttributes: *mut c_void,
    dwCreationDisposition: DWORD,
    dwFlagsAndAttributes: DWORD,
    hTemplateFile: HANDLE,
) -> HANDLE {
    guard_win32("CreateFileW", INVALID_HANDLE_VALUE, || {
        let _ = (dwShareMode, lpSecurityAttributes, hTemplateFile);
        // SAFETY: `create_file`: `lpFileName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { create_file(lpFileName, dwDesiredAccess, dwCreationDisposition, dwFlagsAndAttributes) }
    })
}

/// The offset an `OVERLAPPED` names; `None` = the end of file (`Offset` and `OffsetHigh` both
/// 0xFFFFFFFF, WriteFile's "append" value).
///
/// # Safety
/// `ov` is non-NULL and points to a readable `OVERLAPPED`.
unsafe fn overlapped_offset(ov: *const OVERLAPPED) -> Option<u64> {
    // SAFETY: `ov` is the caller's non-NULL OVERLAPPED (this function's contract).
    let (lo, hi) = unsafe { ((*ov).Offset, (*ov).OffsetHigh) };
    if lo == u32::MAX && hi == u32::MAX {
        None
    } else {
        Some(((hi as u64) << 32) | lo as u64)
    }
}

/// Runs one file transfer, synchronously or as an overlapped operation that completes before the
/// call returns (status in `Internal`/`InternalHigh`, event set, packet posted to a bound port unless
/// the event is tagged or the handle skips the port on success). A failure returned at once posts no
/// packet, as on Windows.
///
/// # Safety
/// `ov` is NULL or points to an `OVERLAPPED` that stays valid and writable until the operation completes; `done` is
/// NULL or points to a writable `DWORD`.
unsafe fn file_transfer(
    f: &file::File,
    ov: *mut OVERLAPPED,
    done: *mut DWORD,
    op: impl FnOnce(Option<Option<u64>>) -> WinResult<usize>,
) -> WinResult<BOOL> {
    // SAFETY: `write_opt`: `done` is NULL or points to a writable, aligned `T`.
    unsafe { write_opt(done, 0) };
    if ov.is_null() {
        if f.overlapped {
            // A handle opened with FILE_FLAG_OVERLAPPED needs an OVERLAPPED (ReadFile docs).
            return Err(ERROR_INVALID_PARAMETER);
        }
        if done.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let n = op(None)?;
        // SAFETY: `write_opt`: `done` is NULL or points to a writable, aligned `T`.
        unsafe { write_opt(done, n as DWORD) };
        return Ok(TRUE);
    }
    let ptr = OverlappedPtr(ov as usize);
    // SAFETY: `overlapped_offset`: `ov` is non-NULL (checked above) and the caller's readable `OVERLAPPED` (this
    // function's `# Safety`).
    let offset = unsafe { overlapped_offset(ov) };
    // SAFETY: `mark_pending`: `self` must point to a writable `OVERLAPPED` that stays valid until [`complete`] runs.
    unsafe { ptr.mark_pending() };
    match op(Some(offset)) {
        Ok(n) => {
            // SAFETY: `write_opt`: `done` is NULL or points to a writable, aligned `T`.
            unsafe { write_opt(done, n as DWORD) };
            // SAFETY: `complete`: `ptr` must point to the caller's `OVERLAPPED`, still valid (see
            // [`OverlappedPtr`]).
            unsafe { overlapped::complete(Some(f.binding()), ptr, ERROR_SUCCESS, n, true) };
            Ok(TRUE)
        }
        Err(e) => {
            // SAFETY: `complete`: `ptr` must point to the caller's `OVERLAPPED`, still valid (see
            // [`OverlappedPtr`]).
            unsafe { overlapped::complete(None, ptr, e, 0, true) };
            Err(e)
        }
    }
}

/// `ReadFile`: reads up to `nNumberOfBytesToRead` bytes. Without an `OVERLAPPED`, at the file pointer
/// (0 bytes at end of file, TRUE); with one, at its `Offset`/`OffsetHigh` (end of file: FALSE with
/// `ERROR_HANDLE_EOF`), completing through the handle's completion port as overlapped I/O does.
/// A handle that is not a file, closed or forged: `ERROR_INVALID_HANDLE`; no read access:
/// `ERROR_ACCESS_DENIED`.
///
/// # Safety
/// `lpNumberOfBytesRead`, `lpOverlapped` are each NULL or point to memory valid for what `ReadFile` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid and in
/// place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn ReadFile(
    hFile: HANDLE,
    lpBuffer: LPVOID,
    nNumberOfBytesToRead: DWORD,
    lpNumberOfBytesRead: *mut DWORD,
    lpOverlapped: *mut OVERLAPPED,
) -> BOOL {
    guard_win32("ReadFile", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "ReadFile({hFile:?}, {lpBuffer:?}, {nNumberOfBytesToRead}, {lpOverlapped:?})");
        let f = file::file_for_handle(raw(hFile))?;
        // SAFETY: `bytes_out`: `lpBuffer as *mut u8` is NULL or points to `nNumberOfBytesToRead as usize` writable
        // bytes, not aliased, valid for `'a`.
        let buf = unsafe { bytes_out(lpBuffer as *mut u8, nNumberOfBytesToRead as usize) }?;
        // SAFETY: `file_transfer`: `lpOverlapped` and the byte count pointer are this export's own arguments: NULL, or
        // an `OVERLAPPED` valid until the operation completes and a writable DWORD (its `# Safety`).
        unsafe {
            file_transfer(&f, lpOverlapped, lpNumberOfBytesRead, |at| match at {
                None => f.read(buf),
                Some(offset) => {
                    let n = f.read_at(buf, offset.unwrap_or(0))?;
                    if n == 0 && !buf.is_empty() {
                        return Err(ERROR_HANDLE_EOF);
                    }
                    Ok(n)
                }
            })
        }
    })
}

/// `WriteFile`: writes the buffer, at the file pointer or at the `OVERLAPPED`'s offset (both
/// 0xFFFFFFFF: at the end), completing as `ReadFile` does. No write access: `ERROR_ACCESS_DENIED`.
///
/// # Safety
/// `lpNumberOfBytesWritten`, `lpOverlapped` are each NULL or point to memory valid for what `WriteFile` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid
/// and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn WriteFile(
    hFile: HANDLE,
    lpBuffer: LPCVOID,
    nNumberOfBytesToWrite: DWORD,
    lpNumberOfBytesWritten: *mut DWORD,
    lpOverlapped: *mut OVERLAPPED,
) -> BOOL {
    guard_win32("WriteFile", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "WriteFile({hFile:?}, {lpBuffer:?}, {nNumberOfBytesToWrite}, {lpOverlapped:?})");
        let f = file::file_for_handle(raw(hFile))?;
        // SAFETY: `bytes_in`: `lpBuffer as *const u8` is NULL or points to `nNumberOfBytesToWrite as usize` readable
        // bytes that stay valid and unchanged for `'a`.
        let data = unsafe { bytes_in(lpBuffer as *const u8, nNumberOfBytesToWrite as usize) }?;
        // SAFETY: `file_transfer`: `lpOverlapped` and the byte count pointer are this export's own arguments: NULL, or
        // an `OVERLAPPED` valid until the operation completes and a writable DWORD (its `# Safety`).
        unsafe {
            file_transfer(&f, lpOverlapped, lpNumberOfBytesWritten, |at| match at {
                None => f.write(data),
                Some(offset) => f.write_at(data, offset),
            })
        }
    })
}

/// `GetFileSize`: the low 32 bits of the size (the high ones through `lpFileSizeHigh`), or
/// `INVALID_FILE_SIZE` with last-error. A size whose low part is 0xFFFFFFFF sets last-error to 0 so the
/// caller can tell it from a failure, as Windows does.
///
/// # Safety
/// `lpFileSizeHigh` is NULL or points to memory valid for what `GetFileSize` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetFileSize(hFile: HANDLE, lpFileSizeHigh: *mut DWORD) -> DWORD {
    guard_win32("GetFileSize", INVALID_FILE_SIZE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetFileSize({hFile:?}, {lpFileSizeHigh:?})");
        let size = file::file_for_handle(raw(hFile))?.size()?;
        // SAFETY: `write_opt`: `lpFileSizeHigh` is NULL or points to a writable, aligned `T`.
        unsafe { write_opt(lpFileSizeHigh, (size >> 32) as DWORD) };
        if size as u32 == INVALID_FILE_SIZE {
            last_error::set_last_error(0);
        }
        Ok(size as DWORD)
    })
}

/// `GetFileSizeEx`: the size as a `LARGE_INTEGER`.
///
/// # Safety
/// `lpFileSize` is NULL or points to memory valid for what `GetFileSizeEx` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetFileSizeEx(hFile: HANDLE, lpFileSize: *mut i64) -> BOOL {
    guard_win32("GetFileSizeEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "GetFileSizeEx({hFile:?}, {lpFileSize:?})");
        let size = file::file_for_handle(raw(hFile))?.size()?;
        // SAFETY: `write_req`: `lpFileSize` is NULL or points to a writable, aligned `T`.
        unsafe { write_req(lpFileSize, size as i64) }?;
        Ok(TRUE)
    })
}

/// `SetFilePointer`: moves the file pointer (`FILE_BEGIN`, `FILE_CURRENT`, `FILE_END`); the distance is
/// 32-bit signed, or 64-bit with `lpDistanceToMoveHigh`, which receives the high part of the new
/// position. Returns the low part, or `INVALID_SET_FILE_POINTER` with last-error (before the start:
/// `ERROR_NEGATIVE_SEEK`); a success whose low part is 0xFFFFFFFF sets last-error to 0.
///
/// # Safety
/// `lpDistanceToMoveHigh` is NULL or points to memory valid for what `SetFilePointer` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn SetFilePointer(
    hFile: HANDLE,
    lDistanceToMove: i32,
    lpDistanceToMoveHigh: *mut i32,
    dwMoveMethod: DWORD,
) -> DWORD {
    guard_win32("SetFilePointer", INVALID_SET_FILE_POINTER, || {
        tracing::trace!(target: "winhttpapi::win32", "SetFilePointer({hFile:?}, {lDistanceToMove:?}, {lpDistanceToMoveHigh:?}, {dwMoveMethod:?})");
        let f = file::file_for_handle(raw(hFile))?;
        let distance = if lpDistanceToMoveHigh.is_null() {
            lDistanceToMove as i64
        } else {
            // SAFETY: a non-NULL `lpDistanceToMoveHigh` points to the caller's LONG (this export's `# Safety`).
            ((unsafe { *lpDistanceToMoveHigh } as i64) << 32) | (lDistanceToMove as u32 as i64)
        };
        // Without a high part the position must fit the only value returned; the pointer does not move
        // when it would not.
        let limit = if lpDistanceToMoveHigh.is_null() { u32::MAX as u64 } else { u64::MAX };
        let pos = f.seek_within(distance, dwMoveMethod, limit)?;
        if !lpDistanceToMoveHigh.is_null() {
            // SAFETY: `lpDistanceToMoveHigh` is non-NULL (checked above) and the caller's, valid for writing what is
            // stored (this function's `# Safety`)
            unsafe {
                *lpDistanceToMoveHigh = (pos >> 32) as i32;
            }
        }
        if pos as u32 == INVALID_SET_FILE_POINTER {
            last_error::set_last_error(0);
        }
        Ok(pos as DWORD)
    })
}

/// `SetFilePointerEx`: as `SetFilePointer` with 64-bit values; the new position goes to
/// `lpNewFilePointer` when it is not NULL.
///
/// # Safety
/// `lpNewFilePointer` is NULL or points to memory valid for what `SetFilePointerEx` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn SetFilePointerEx(
    hFile: HANDLE,
    liDistanceToMove: i64,
    lpNewFilePointer: *mut i64,
    dwMoveMethod: DWORD,
) -> BOOL {
    guard_win32("SetFilePointerEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "SetFilePointerEx({hFile:?}, {liDistanceToMove:?}, {lpNewFilePointer:?}, {dwMoveMethod:?})");
        let pos = file::file_for_handle(raw(hFile))?.seek(liDistanceToMove, dwMoveMethod)?;
        // SAFETY: `write_opt`: `lpNewFilePointer` is NULL or points to a writable, aligned `T`.
        unsafe { write_opt(lpNewFilePointer, pos as i64) };
        Ok(TRUE)
    })
}

/// `FlushFileBuffers`: `fsync`. No write access: `ERROR_ACCESS_DENIED`.
#[no_mangle]
pub extern "C" fn FlushFileBuffers(hFile: HANDLE) -> BOOL {
    guard_win32("FlushFileBuffers", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "FlushFileBuffers({hFile:?})");
        file::file_for_handle(raw(hFile))?.flush()?;
        Ok(TRUE)
    })
}

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn delete_file<U: WideUnit>(name: *const U) -> WinResult<BOOL> {
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(name) }.ok_or(ERROR_INVALID_PARAMETER)?;
    tracing::trace!(target: "winhttpapi::win32", "DeleteFile({name:?})");
    file::delete(&name)?;
    Ok(TRUE)
}

/// `DeleteFileA`: missing: `ERROR_FILE_NOT_FOUND`; a directory: `ERROR_ACCESS_DENIED`.
///
/// # Safety
/// `lpFileName` is NULL or points to memory valid for what `DeleteFileA` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn DeleteFileA(lpFileName: *const c_char) -> BOOL {
    // SAFETY: `delete_file`: `lpFileName as *const u8` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("DeleteFileA", FALSE, || unsafe { delete_file(lpFileName as *const u8) })
}

/// `DeleteFileW`: as `DeleteFileA`.
///
/// # Safety
/// `lpFileName` is NULL or points to memory valid for what `DeleteFileW` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn DeleteFileW(lpFileName: *const u32) -> BOOL {
    // SAFETY: `delete_file`: `lpFileName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("DeleteFileW", FALSE, || unsafe { delete_file(lpFileName) })
}

/// `DeleteFileW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpFileName` is NULL or points to memory valid for what `DeleteFileW` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn DeleteFileW_w16(lpFileName: *const u16) -> BOOL {
    // SAFETY: `delete_file`: `lpFileName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("DeleteFileW", FALSE, || unsafe { delete_file(lpFileName) })
}

/// `GetTempPathA`: `$TMPDIR` or `/tmp`, ending in `/`. Returns the length without the NUL, or, when
/// `nBufferLength` is too small, the size needed including it (nothing written).
///
/// # Safety
/// `lpBuffer` is NULL or points to memory valid for what `GetTempPathA` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn GetTempPathA(nBufferLength: DWORD, lpBuffer: *mut c_char) -> DWORD {
    // SAFETY: `copy_out_or_size`: `lpBuffer as *mut u8` is NULL or points to `nBufferLength` writable units.
    guard_win32("GetTempPathA", 0, || unsafe {
        copy_out_or_size(&file::temp_path(), lpBuffer as *mut u8, nBufferLength)
    })
}

/// `GetTempPathW`: as `GetTempPathA`, in `WCHAR`s.
///
/// # Safety
/// `lpBuffer` is NULL or points to memory valid for what `GetTempPathW` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn GetTempPathW(nBufferLength: DWORD, lpBuffer: *mut u32) -> DWORD {
    // SAFETY: `copy_out_or_size`: `lpBuffer` is NULL or points to `nBufferLength` writable units.
    guard_win32("GetTempPathW", 0, || unsafe { copy_out_or_size(&file::temp_path(), lpBuffer, nBufferLength) })
}

/// `GetTempPathW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpBuffer` is NULL or points to memory valid for what `GetTempPathW` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn GetTempPathW_w16(nBufferLength: DWORD, lpBuffer: *mut u16) -> DWORD {
    // SAFETY: `copy_out_or_size`: `lpBuffer` is NULL or points to `nBufferLength` writable units.
    guard_win32("GetTempPathW", 0, || unsafe { copy_out_or_size(&file::temp_path(), lpBuffer, nBufferLength) })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`GetTempFileNameA`, `GetTempFileNameW`, and their `_w16`
/// twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or
/// writes through them; as called from `GetTempFileNameW`: `path` is its `lpPathName`, `prefix` is its
/// `lpPrefixString`, `out` is its `lpTempFileName`. In particular: `path` is NULL or points to a readable
/// NUL-terminated array of `U`; `prefix` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn temp_file_name<U: WideUnit>(path: *const U, prefix: *const U, unique: u32, out: *mut U) -> WinResult<u32> {
    tracing::trace!(target: "winhttpapi::win32", "GetTempFileName({path:?}, {prefix:?}, {unique}, {out:?})");
    // SAFETY: `wide_cstr`: `path` is NULL or points to a readable NUL-terminated array of `U`.
    let dir = unsafe { wide_cstr(path) }.ok_or(ERROR_INVALID_PARAMETER)?;
    // SAFETY: `wide_cstr`: `prefix` is NULL or points to a readable NUL-terminated array of `U`.
    let prefix = unsafe { wide_cstr(prefix) }.unwrap_or_default();
    if out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (name, n) = file::temp_file_name(&dir, &prefix, unique)?;
    let units = wstr::encode_nul::<U>(&name);
    // The buffer is MAX_PATH characters by contract.
    if units.len() > MAX_PATH {
        if unique == 0 {
            let _ = std::fs::remove_file(&name);
        }
        return Err(ERROR_BUFFER_OVERFLOW);
    }
    // SAFETY: `units_out`: `out` points to `units.len()` writable units valid for `'a`, not aliased (NULL only when
    // `units.len()` is 0).
    unsafe { units_out(out, units.len()) }.copy_from_slice(&units);
    Ok(n)
}

/// `GetTempFileNameA`: `<path>/<prefix, 3 chars><hex>.TMP` into a `MAX_PATH` buffer. `uUnique` = 0
/// picks a free number and creates the file; otherwise the name is only formed. Returns the number
/// used, 0 with last-error on failure (a missing directory: `ERROR_DIRECTORY`).
///
/// # Safety
/// `lpPathName`, `lpPrefixString`, `lpTempFileName` are each NULL or point to memory valid for what
/// `GetTempFileNameA` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetTempFileNameA(
    lpPathName: *const c_char,
    lpPrefixString: *const c_char,
    uUnique: u32,
    lpTempFileName: *mut c_char,
) -> u32 {
    guard_win32("GetTempFileNameA", 0, || {
        // SAFETY: `temp_file_name`: `lpPathName`, `lpPrefixString`, `lpTempFileName` are this export's own arguments,
        // passed on (cast to the helper's types where they differ); its `# Safety` makes them NULL or valid for what
        // Windows documents `GetTempFileNameA` reads or writes through them.
        unsafe {
            temp_file_name(lpPathName as *const u8, lpPrefixString as *const u8, uUnique, lpTempFileName as *mut u8)
        }
    })
}

/// `GetTempFileNameW`: as `GetTempFileNameA`.
///
/// # Safety
/// `lpPathName`, `lpPrefixString`, `lpTempFileName` are each NULL or point to memory valid for what
/// `GetTempFileNameW` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetTempFileNameW(
    lpPathName: *const u32,
    lpPrefixString: *const u32,
    uUnique: u32,
    lpTempFileName: *mut u32,
) -> u32 {
    // SAFETY: `temp_file_name`: `lpPathName`, `lpPrefixString`, `lpTempFileName` are this export's own arguments,
    // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `GetTempFileNameW` reads
    // or writes through them; in particular `lpPathName` is NULL or points to a readable NUL-terminated array of `U`;
    // `lpPrefixString` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("GetTempFileNameW", 0, || unsafe {
        temp_file_name(lpPathName, lpPrefixString, uUnique, lpTempFileName)
    })
}

/// `GetTempFileNameW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpPathName`, `lpPrefixString`, `lpTempFileName` are each NULL or point to memory valid for what
/// `GetTempFileNameW` reads or writes there, as Windows documents it (strings NUL-terminated unless a length is
/// passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetTempFileNameW_w16(
    lpPathName: *const u16,
    lpPrefixString: *const u16,
    uUnique: u32,
    lpTempFileName: *mut u16,
) -> u32 {
    // SAFETY: `temp_file_name`: `lpPathName`, `lpPrefixString`, `lpTempFileName` are this export's own arguments,
    // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents `GetTempFileNameW` reads
    // or writes through them; in particular `lpPathName` is NULL or points to a readable NUL-terminated array of `U`;
    // `lpPrefixString` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("GetTempFileNameW", 0, || unsafe {
        temp_file_name(lpPathName, lpPrefixString, uUnique, lpTempFileName)
    })
}

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn file_attributes<U: WideUnit>(name: *const U) -> WinResult<file::Attributes> {
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(name) }.ok_or(ERROR_INVALID_PARAMETER)?;
    tracing::trace!(target: "winhttpapi::win32", "GetFileAttributes({name:?})");
    file::attributes(&name)
}

/// `GetFileAttributesA`: the attributes of a file or directory (see `win32::file::attributes` for the
/// mapping from `stat`), or `INVALID_FILE_ATTRIBUTES` with `ERROR_FILE_NOT_FOUND` (missing) /
/// `ERROR_PATH_NOT_FOUND` (a directory on the way missing) / `ERROR_ACCESS_DENIED`.
///
/// # Safety
/// `lpFileName` is NULL or points to memory valid for what `GetFileAttributesA` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesA(lpFileName: *const c_char) -> DWORD {
    guard_win32("GetFileAttributesA", INVALID_FILE_ATTRIBUTES, || {
        // SAFETY: `file_attributes`: `lpFileName as *const u8` is NULL or points to a readable NUL-terminated array of
        // `U`.
        Ok(unsafe { file_attributes(lpFileName as *const u8) }?.attributes)
    })
}

/// `GetFileAttributesW`: as `GetFileAttributesA` with a wide name.
///
/// # Safety
/// `lpFileName` is NULL or points to memory valid for what `GetFileAttributesW` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesW(lpFileName: *const u32) -> DWORD {
    // SAFETY: `file_attributes`: `lpFileName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32(
        "GetFileAttributesW",
        INVALID_FILE_ATTRIBUTES,
        || Ok(unsafe { file_attributes(lpFileName) }?.attributes),
    )
}

/// `GetFileAttributesW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpFileName` is NULL or points to memory valid for what `GetFileAttributesW` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesW_w16(lpFileName: *const u16) -> DWORD {
    // SAFETY: `file_attributes`: `lpFileName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32(
        "GetFileAttributesW",
        INVALID_FILE_ATTRIBUTES,
        || Ok(unsafe { file_attributes(lpFileName) }?.attributes),
    )
}

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`; `out as *mut WIN32_FILE_ATTRIBUTE_DATA` is NULL
/// or points to a writable, aligned `T`.
unsafe fn file_attributes_ex<U: WideUnit>(name: *const U, level: i32, out: *mut c_void) -> WinResult<BOOL> {
    if level != GET_FILE_EX_INFO_STANDARD || out.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `file_attributes`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let data = WIN32_FILE_ATTRIBUTE_DATA::from(unsafe { file_attributes(name) }?);
    // SAFETY: `write_req`: `out as *mut WIN32_FILE_ATTRIBUTE_DATA` is NULL or points to a writable, aligned `T`.
    unsafe { write_req(out as *mut WIN32_FILE_ATTRIBUTE_DATA, data) }?;
    Ok(TRUE)
}

/// `GetFileAttributesExA`: with `GetFileExInfoStandard` fills `WIN32_FILE_ATTRIBUTE_DATA` (attributes,
/// creation / last access / last write times, size; 0 for a directory). Another level or a NULL
/// output: `ERROR_INVALID_PARAMETER`. Errors as `GetFileAttributesA`.
///
/// # Safety
/// `lpFileName`, `lpFileInformation` are each NULL or point to memory valid for what `GetFileAttributesExA` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesExA(
    lpFileName: *const c_char,
    fInfoLevelId: i32,
    lpFileInformation: *mut c_void,
) -> BOOL {
    guard_win32("GetFileAttributesExA", FALSE, || {
        // SAFETY: `file_attributes_ex`: `lpFileName as *const u8` is NULL or points to a readable NUL-terminated array
        // of `U`; `lpFileInformation as *mut WIN32_FILE_ATTRIBUTE_DATA` is NULL or points to a writable, aligned `T`.
        unsafe { file_attributes_ex(lpFileName as *const u8, fInfoLevelId, lpFileInformation) }
    })
}

/// `GetFileAttributesExW`: as `GetFileAttributesExA` with a wide name.
///
/// # Safety
/// `lpFileName`, `lpFileInformation` are each NULL or point to memory valid for what `GetFileAttributesExW` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesExW(
    lpFileName: *const u32,
    fInfoLevelId: i32,
    lpFileInformation: *mut c_void,
) -> BOOL {
    // SAFETY: `file_attributes_ex`: `lpFileName` is NULL or points to a readable NUL-terminated array of `U`;
    // `lpFileInformation as *mut WIN32_FILE_ATTRIBUTE_DATA` is NULL or points to a writable, aligned `T`.
    guard_win32("GetFileAttributesExW", FALSE, || unsafe {
        file_attributes_ex(lpFileName, fInfoLevelId, lpFileInformation)
    })
}

/// `GetFileAttributesExW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpFileName`, `lpFileInformation` are each NULL or point to memory valid for what `GetFileAttributesExW` reads
/// or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetFileAttributesExW_w16(
    lpFileName: *const u16,
    fInfoLevelId: i32,
    lpFileInformation: *mut c_void,
) -> BOOL {
    // SAFETY: `file_attributes_ex`: `lpFileName` is NULL or points to a readable NUL-terminated array of `U`;
    // `lpFileInformation as *mut WIN32_FILE_ATTRIBUTE_DATA` is NULL or points to a writable, aligned `T`.
    guard_win32("GetFileAttributesExW", FALSE, || unsafe {
        file_attributes_ex(lpFileName, fInfoLevelId, lpFileInformation)
    })
}
