//! The fragment cache: `HttpAddFragmentToCache`, `HttpReadFragmentFromCache`, `HttpFlushResponseCache`
//! (engine: `server::cache`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server::abi::*;
use crate::server::{self};
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;

/// # Safety
/// The pointers are the arguments of `HttpAddFragmentToCache` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `prefix` is its
/// `UrlPrefix`, `chunk` is its `DataChunk`, `policy` is its `CachePolicy`, `ov` is its `Overlapped`. In particular:
/// `prefix` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn add_fragment_to_cache<U: WideUnit>(
    h: HANDLE,
    prefix: *const U,
    chunk: *const HTTP_DATA_CHUNK,
    policy: *const HTTP_CACHE_POLICY,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `prefix` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(prefix) };
    tracing::trace!(target: T, "HttpAddFragmentToCache({h:?}, {name:?}, {chunk:?}, {policy:?}, {ov:?})");
    let q = queue_of(h)?;
    let name = name.ok_or(ERROR_INVALID_PARAMETER)?;
    if chunk.is_null() || policy.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `policy` and `chunk` are non-NULL (checked above) and the caller's structures.
    let policy = unsafe { server::cache::Policy::for_fragment((*policy).Policy, (*policy).SecondsToLive) }?;
    // SAFETY: `chunk` is non-NULL (checked above) and the caller's `HTTP_DATA_CHUNK`, readable for the call.
    let c = unsafe { &*chunk };
    // A fragment is a block of memory ("an entity body data block" in the docs).
    if c.DataChunkType != HttpDataChunkFromMemory {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let m = c.from_memory();
    // SAFETY: `bytes_in`: `m.pBuffer as *const u8` is NULL or points to `m.BufferLength as usize` readable bytes
    // that stay valid and unchanged for `'a`.
    let data = unsafe { bytes_in(m.pBuffer as *const u8, m.BufferLength as usize) }?;
    server::cache::add(&q, &name, data, policy)?;
    let ovp = ov_of(ov);
    // SAFETY: `finish`: the output pointer is NULL: nothing is written through it.
    unsafe {
        finish(
            q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, 0, true)),
            std::ptr::null_mut(),
            ovp,
        )
    }
}

/// `HttpAddFragmentToCache`: stores a memory chunk under the name `UrlPrefix` (a full
/// `scheme://host:port/path` URL inside a prefix this queue registered), replacing a fragment of that
/// name, with `HttpCachePolicyUserInvalidates` (until flushed) or `HttpCachePolicyTimeToLive`
/// (`SecondsToLive` > 0). Bad handle: `ERROR_INVALID_HANDLE`; NULL arguments, another chunk type,
/// `HttpCachePolicyNocache`, a malformed name or one outside the queue's prefixes:
/// `ERROR_INVALID_PARAMETER`. Synchronous or overlapped (completes at once, packet posted).
///
/// # Safety
/// `UrlPrefix`, `DataChunk`, `CachePolicy`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpAddFragmentToCache` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpAddFragmentToCache(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const WCHAR,
    DataChunk: *const HTTP_DATA_CHUNK,
    CachePolicy: *const HTTP_CACHE_POLICY,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpAddFragmentToCache", || {
        // SAFETY: `add_fragment_to_cache`: `UrlPrefix`, `DataChunk`, `CachePolicy`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpAddFragmentToCache` reads or writes through them; in particular `UrlPrefix` is NULL or points to a
        // readable NUL-terminated array of `U`.
        unsafe { add_fragment_to_cache(RequestQueueHandle, UrlPrefix, DataChunk, CachePolicy, Overlapped) }
    })
}
/// `HttpAddFragmentToCache` for `-fshort-wchar` callers.
///
/// # Safety
/// `UrlPrefix`, `DataChunk`, `CachePolicy`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpAddFragmentToCache` reads or writes there, as Windows documents it (strings NUL-terminated unless a length
/// is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpAddFragmentToCache_w16(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const u16,
    DataChunk: *const HTTP_DATA_CHUNK,
    CachePolicy: *const HTTP_CACHE_POLICY,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpAddFragmentToCache", || {
        // SAFETY: `add_fragment_to_cache`: `UrlPrefix`, `DataChunk`, `CachePolicy`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpAddFragmentToCache` reads or writes through them; in particular `UrlPrefix` is NULL or points to a
        // readable NUL-terminated array of `U`.
        unsafe { add_fragment_to_cache(RequestQueueHandle, UrlPrefix, DataChunk, CachePolicy, Overlapped) }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpReadFragmentFromCache` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `prefix` is its
/// `UrlPrefix`, `range` is its `ByteRange`, `buf` is its `Buffer`, `read` is its `BytesRead`, `ov` is its `Overlapped`.
/// In particular: `prefix` is NULL or points to a readable NUL-terminated array of `U`; `range` is NULL or the caller's
/// HTTP_BYTE_RANGE; `read` is NULL or points to a writable, aligned `T`.
#[allow(clippy::too_many_arguments)]
unsafe fn read_fragment_from_cache<U: WideUnit>(
    h: HANDLE,
    prefix: *const U,
    range: *const HTTP_BYTE_RANGE,
    buf: *mut c_void,
    len: ULONG,
    read: *mut ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `prefix` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(prefix) };
    tracing::trace!(target: T, "HttpReadFragmentFromCache({h:?}, {name:?}, {range:?}, {buf:?}, {len}, {read:?}, {ov:?})");
    let q = queue_of(h)?;
    let name = name.ok_or(ERROR_INVALID_PARAMETER)?;
    let ovp = ov_of(ov);
    if ovp.is_none() && read.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let data = server::cache::read(&q, &name)?;
    let part = if range.is_null() {
        &data[..]
    } else {
        // SAFETY: a non-NULL `range` is the caller's HTTP_BYTE_RANGE.
        server::cache::slice_range(&data, unsafe { (*range).StartingOffset }, unsafe { (*range).Length })?
    };
    let need = u32::try_from(part.len()).map_err(|_| ERROR_INVALID_PARAMETER)?;
    if need > len || (buf.is_null() && need > 0) {
        // The size needed goes to BytesRead (synchronous calls only, as documented).
        if ovp.is_none() {
            // SAFETY: `write_opt`: `read` is NULL or points to a writable, aligned `T`.
            unsafe { write_opt(read, need) };
        }
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    if need > 0 {
        // SAFETY: `bytes_out`: `buf as *mut u8` is NULL or points to `part.len()` writable bytes, not aliased, valid
        // for `'a`.
        unsafe { bytes_out(buf as *mut u8, part.len()) }?.copy_from_slice(part);
    }
    // SAFETY: `finish`: `read` is NULL or points to a writable, aligned `T`.
    unsafe { finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, need, true)), read, ovp) }
}

/// `HttpReadFragmentFromCache`: copies a fragment (or the `ByteRange` of it; `Length`
/// `HTTP_BYTE_RANGE_TO_EOF` or beyond the end: to the end) into `Buffer`. Missing or expired:
/// `ERROR_PATH_NOT_FOUND`; `Buffer` too small: `ERROR_INSUFFICIENT_BUFFER` with the size needed in
/// `*BytesRead`; a range starting beyond the end, a NULL name, or NULL `BytesRead` on a synchronous
/// call: `ERROR_INVALID_PARAMETER`; bad handle: `ERROR_INVALID_HANDLE`.
///
/// # Safety
/// `UrlPrefix`, `ByteRange`, `Buffer`, `BytesRead`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpReadFragmentFromCache` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpReadFragmentFromCache(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const WCHAR,
    ByteRange: *const HTTP_BYTE_RANGE,
    Buffer: *mut c_void,
    BufferLength: ULONG,
    BytesRead: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReadFragmentFromCache", || {
        // SAFETY: `read_fragment_from_cache`: `UrlPrefix`, `ByteRange`, `Buffer`, `BytesRead`, `Overlapped` are this
        // export's own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows
        // documents `HttpReadFragmentFromCache` reads or writes through them; in particular `UrlPrefix` is NULL or
        // points to a readable NUL-terminated array of `U`; `ByteRange` is NULL or the caller's HTTP_BYTE_RANGE;
        // `BytesRead` is NULL or points to a writable, aligned `T`.
        unsafe {
            read_fragment_from_cache(
                RequestQueueHandle,
                UrlPrefix,
                ByteRange,
                Buffer,
                BufferLength,
                BytesRead,
                Overlapped,
            )
        }
    })
}
/// `HttpReadFragmentFromCache` for `-fshort-wchar` callers.
///
/// # Safety
/// `UrlPrefix`, `ByteRange`, `Buffer`, `BytesRead`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpReadFragmentFromCache` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpReadFragmentFromCache_w16(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const u16,
    ByteRange: *const HTTP_BYTE_RANGE,
    Buffer: *mut c_void,
    BufferLength: ULONG,
    BytesRead: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpReadFragmentFromCache", || {
        // SAFETY: `read_fragment_from_cache`: `UrlPrefix`, `ByteRange`, `Buffer`, `BytesRead`, `Overlapped` are this
        // export's own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows
        // documents `HttpReadFragmentFromCache` reads or writes through them; in particular `UrlPrefix` is NULL or
        // points to a readable NUL-terminated array of `U`; `ByteRange` is NULL or the caller's HTTP_BYTE_RANGE;
        // `BytesRead` is NULL or points to a writable, aligned `T`.
        unsafe {
            read_fragment_from_cache(
                RequestQueueHandle,
                UrlPrefix,
                ByteRange,
                Buffer,
                BufferLength,
                BytesRead,
                Overlapped,
            )
        }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpFlushResponseCache` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `prefix` is its
/// `UrlPrefix`, `ov` is its `Overlapped`. In particular: `prefix` is NULL or points to a readable NUL-terminated array
/// of `U`.
unsafe fn flush_response_cache<U: WideUnit>(
    h: HANDLE,
    prefix: *const U,
    flags: ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `prefix` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(prefix) };
    tracing::trace!(target: T, "HttpFlushResponseCache({h:?}, {name:?}, {flags:#x}, {ov:?})");
    let q = queue_of(h)?;
    let name = name.ok_or(ERROR_INVALID_PARAMETER)?;
    if flags & !HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    server::cache::flush(&q, &name, flags & HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE != 0)?;
    let ovp = ov_of(ov);
    // SAFETY: `finish`: the output pointer is NULL: nothing is written through it.
    unsafe {
        finish(
            q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, 0, true)),
            std::ptr::null_mut(),
            ovp,
        )
    }
}

/// `HttpFlushResponseCache`: removes the queue's fragments named `UrlPrefix` or directly under it, and
/// with `HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE` every fragment below it. Nothing to remove is not an
/// error. Unknown flags, NULL or malformed prefix: `ERROR_INVALID_PARAMETER`; bad handle:
/// `ERROR_INVALID_HANDLE`.
///
/// # Safety
/// `UrlPrefix`, `Overlapped` are each NULL or point to memory valid for what `HttpFlushResponseCache` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid
/// and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpFlushResponseCache(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const WCHAR,
    Flags: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    // SAFETY: `flush_response_cache`: `UrlPrefix`, `Overlapped` are this export's own arguments, passed on unchanged;
    // its `# Safety` makes them NULL or valid for what Windows documents `HttpFlushResponseCache` reads or writes
    // through them; in particular `UrlPrefix` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpFlushResponseCache", || unsafe {
        flush_response_cache(RequestQueueHandle, UrlPrefix, Flags, Overlapped)
    })
}
/// `HttpFlushResponseCache` for `-fshort-wchar` callers.
///
/// # Safety
/// `UrlPrefix`, `Overlapped` are each NULL or point to memory valid for what `HttpFlushResponseCache` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid
/// and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpFlushResponseCache_w16(
    RequestQueueHandle: HANDLE,
    UrlPrefix: *const u16,
    Flags: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    // SAFETY: `flush_response_cache`: `UrlPrefix`, `Overlapped` are this export's own arguments, passed on unchanged;
    // its `# Safety` makes them NULL or valid for what Windows documents `HttpFlushResponseCache` reads or writes
    // through them; in particular `UrlPrefix` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpFlushResponseCache", || unsafe {
        flush_response_cache(RequestQueueHandle, UrlPrefix, Flags, Overlapped)
    })
}
