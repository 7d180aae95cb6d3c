//! Sending: `HttpSendHttpResponse`, `HttpSendResponseEntityBody`, `HttpDeclarePush` (engine:
//! `server::chunks`, `server::response`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server;
use crate::server::abi::*;
use crate::server::chunks::Chunk;
use crate::server::files::{Body, BodyPiece};
use crate::server::queue::RequestQueue;
use crate::server::response::ResponseHead;
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;

/// Reads the caller's data chunks, one by one in order, and lets the engine decide how each is sent
/// ([`server::chunks::resolve`]: memory as it is, small file ranges read now, fragments copied).
///
/// # Safety
/// `chunks` is NULL or points to `count` readable `HTTP_DATA_CHUNK`s; each chunk's pointers (buffers with their
/// lengths, fragment names, trailers) are valid for what they describe until the send completes.
/// `HttpDataChunkTrailers` chunks go to `trailers`.
unsafe fn read_chunks<'a>(
    q: &RequestQueue,
    wide16: bool,
    count: u16,
    chunks: *const HTTP_DATA_CHUNK,
    owned: &'a mut Vec<Vec<u8>>,
    trailers: &mut Vec<server::h2::control::Trailer>,
) -> WinResult<Body<'a>> {
    if count == 0 {
        return Ok(Body::new());
    }
    if chunks.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `from_raw_parts`: the pointer and length describe readable memory of the caller
    let list = unsafe { std::slice::from_raw_parts(chunks, count as usize) };
    if list.iter().all(|c| c.DataChunkType == HttpDataChunkFromMemory) {
        // The usual case: the caller's memory as it is, nothing to resolve or keep.
        let mut body = Body::new();
        for c in list {
            let m = c.from_memory();
            // SAFETY: `bytes_in`: `m.pBuffer as *const u8` is NULL or points to `m.BufferLength as usize`
            // readable bytes that stay valid and unchanged for `'a` (this function's `# Safety`).
            body.push(BodyPiece::Mem(unsafe { bytes_in(m.pBuffer as *const u8, m.BufferLength as usize) }?));
        }
        return Ok(body);
    }
    let mut resolved = server::chunks::ResolvedList::with_capacity(list.len());
    for c in list {
        let chunk = match c.DataChunkType {
            HttpDataChunkFromMemory => {
                let m = c.from_memory();
                // SAFETY: `bytes_in`: `m.pBuffer as *const u8` is NULL or points to `m.BufferLength as usize`
                // readable bytes that stay valid and unchanged for `'a`.
                Chunk::Memory(unsafe { bytes_in(m.pBuffer as *const u8, m.BufferLength as usize) }?)
            }
            HttpDataChunkFromFileHandle => {
                let f = c.from_file_handle();
                Chunk::File { handle: raw(f.FileHandle), start: f.ByteRange.StartingOffset, length: f.ByteRange.Length }
            }
            HttpDataChunkFromFragmentCache => {
                let f = c.from_fragment_cache();
                // SAFETY: `fragment_name`: `f.pFragmentName` is NULL or a readable string of the caller's width
                // (`FragmentNameLength` bytes, or NUL-terminated), part of the caller's chunk array (this function's
                // `# Safety`).
                Chunk::Fragment(unsafe { fragment_name(f.pFragmentName, f.FragmentNameLength, wide16) }?)
            }
            HttpDataChunkFromFragmentCacheEx => {
                let f = c.from_fragment_cache_ex();
                // SAFETY: `fragment_name`: `f.pFragmentName` is NULL or a readable string of the caller's width
                // (`FragmentNameLength` bytes, or NUL-terminated), part of the caller's chunk array (this function's
                // `# Safety`).
                let name = unsafe { fragment_name(f.pFragmentName, 0, wide16) }?;
                Chunk::FragmentRange { name, start: f.ByteRange.StartingOffset, length: f.ByteRange.Length }
            }
            HttpDataChunkTrailers => {
                let t = c.trailers();
                // SAFETY: `unknown_headers`: `t.pTrailers` is NULL or the caller's `t.TrailerCount` HTTP_UNKNOWN_HEADERs,
                // part of its chunk array (this function's `# Safety`).
                for (name, value) in unsafe { unknown_headers(t.TrailerCount, t.pTrailers) }? {
                    trailers.push((name.to_vec(), value.to_vec()));
                }
                continue;
            }
            _ => return Err(ERROR_INVALID_PARAMETER),
        };
        resolved.push(server::chunks::resolve(q, chunk)?);
    }
    Ok(server::chunks::assemble(resolved, owned))
}

/// A fragment name of `len` bytes (0: up to its NUL) in the caller's `WCHAR` width.
///
/// # Safety
/// `p` is NULL or points to a readable string of the caller's `WCHAR` width (`wide16`): `len` bytes, or NUL-terminated
/// when `len` is 0.
unsafe fn fragment_name(p: *const c_void, len: u16, wide16: bool) -> WinResult<String> {
    let name = match (wide16, len) {
        // SAFETY: `wide_cstr`: `p as *const u16` is NULL or points to a readable NUL-terminated array of `U`.
        (true, 0) => unsafe { wide_cstr(p as *const u16) },
        // SAFETY: `wide_cstr`: `p as *const u32` is NULL or points to a readable NUL-terminated array of `U`.
        (false, 0) => unsafe { wide_cstr(p as *const u32) },
        // SAFETY: `wide_str_len`: `p as *const u16` is NULL or points to `n as u32 / 2` readable units (or a
        // NUL-terminated string when `n as u32 / 2` is -1).
        (true, n) => unsafe { wide_str_len(p as *const u16, n as u32 / 2) },
        // SAFETY: `wide_str_len`: `p as *const u32` is NULL or points to `n as u32 / 4` readable units (or a
        // NUL-terminated string when `n as u32 / 4` is -1).
        (false, n) => unsafe { wide_str_len(p as *const u32, n as u32 / 4) },
    };
    name.ok_or(ERROR_INVALID_PARAMETER)
}

/// # Safety
/// The pointers in `r` (reason, known and unknown headers) are NULL or valid for the lengths `r` states, for the length
/// of the call.
unsafe fn response_head(r: &HTTP_RESPONSE_V1) -> WinResult<ResponseHead<'_>> {
    if r.StatusCode > 999 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `bytes_in`: `r.pReason` is NULL or points to `r.ReasonLength as usize` readable bytes that stay valid
    // and unchanged for `'a`.
    let reason = field_text(unsafe { bytes_in(r.pReason, r.ReasonLength as usize) }?)?;
    let mut known = smallvec::SmallVec::new();
    // Which of the 30 known headers have a value: one branch-free pass over the lengths, then only those are
    // read (a response sets a few).
    let kh = &r.Headers.KnownHeaders;
    let mut present = 0u32;
    for (i, k) in kh.iter().enumerate() {
        present |= ((k.RawValueLength != 0) as u32) << i;
    }
    while present != 0 {
        let i = present.trailing_zeros() as usize;
        present &= present - 1;
        let k = &kh[i];
        if !k.pRawValue.is_null() {
            // SAFETY: `bytes_in`: `k.pRawValue` is NULL or points to `k.RawValueLength as usize` readable bytes that
            // stay valid and unchanged for `'a`.
            known.push((i, field_text(unsafe { bytes_in(k.pRawValue, k.RawValueLength as usize) }?)?));
        }
    }
    let unknown = if r.Headers.UnknownHeaderCount == 0 {
        // The usual response: no call, no list moved out of one.
        UnknownHeaders::new()
    } else {
        // SAFETY: `unknown_headers`: `r.Headers.pUnknownHeaders` is NULL or the caller's `UnknownHeaderCount`
        // HTTP_UNKNOWN_HEADERs (this function's `# Safety`).
        unsafe { unknown_headers(r.Headers.UnknownHeaderCount, r.Headers.pUnknownHeaders) }?
    };
    Ok(ResponseHead { status: r.StatusCode, reason, known, unknown })
}

/// A header value or the reason phrase, refused (`ERROR_INVALID_PARAMETER`) when it holds CR, LF or NUL:
/// the head is written as given, so a line end in a value would end the header there and start another
/// (or the body) with the caller's bytes (response splitting). No Microsoft page states what http.sys
/// does with such a value; its managed callers (HttpListener's `WebHeaderCollection`, ASP.NET Core's
/// HttpSys server) refuse CR and LF before they call it.
fn field_text(v: &[u8]) -> WinResult<&[u8]> {
    if v.iter().any(|b| matches!(b, b'\r' | b'\n' | 0)) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(v)
}

/// Unknown headers as `ResponseHead` keeps them.
type UnknownHeaders<'a> = smallvec::SmallVec<[(&'a [u8], &'a [u8]); 4]>;

/// `count` `HTTP_UNKNOWN_HEADER`s (response headers or trailers): names non-empty, without white space,
/// colons or controls; values without CR, LF or NUL ([`field_text`]).
///
/// # Safety
/// `list` is NULL or points to `count` readable `HTTP_UNKNOWN_HEADER`s whose names and values are valid for their
/// lengths, for the length of the call.
unsafe fn unknown_headers<'a>(count: u16, list: *const HTTP_UNKNOWN_HEADER) -> WinResult<UnknownHeaders<'a>> {
    let mut unknown = UnknownHeaders::new();
    if count > 0 {
        if list.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: `from_raw_parts`: the pointer and length describe readable memory of the caller
        for u in unsafe { std::slice::from_raw_parts(list, count as usize) } {
            // SAFETY: `bytes_in`: `u.pName` is NULL or points to `u.NameLength as usize` readable bytes that stay
            // valid and unchanged for `'a`.
            let name = unsafe { bytes_in(u.pName, u.NameLength as usize) }?;
            if name.is_empty() || name.iter().any(|b| b.is_ascii_whitespace() || *b == b':' || b.is_ascii_control()) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            // SAFETY: `bytes_in`: `u.pRawValue` is NULL or points to `u.RawValueLength as usize` readable bytes that
            // stay valid and unchanged for `'a`.
            unknown.push((name, field_text(unsafe { bytes_in(u.pRawValue, u.RawValueLength as usize) }?)?));
        }
    }
    Ok(unknown)
}

/// Where this send's trailers go: an HTTP/2 stream's relay is told before the engine writes the send
/// (its trailers, whether it is the last); on HTTP/1.1 they go into the application's own last chunk
/// when the client asked for them ([`server::chunks::http1_trailers`]: returns that piece re-made, for
/// the caller to send in place of the last one), else they are dropped.
fn place_trailers(
    req: &server::request::Request,
    trailers: Vec<server::h2::control::Trailer>,
    more: bool,
    body: &[BodyPiece<'_>],
) -> Option<Vec<u8>> {
    if let Some(ctl) = &req.conn.h2 {
        ctl.on_send(trailers, !more);
        return None;
    }
    match body.last() {
        Some(BodyPiece::Mem(last)) if !more => server::chunks::http1_trailers(&req.head, last, &trailers),
        _ => None,
    }
}

fn check_send_flags(flags: ULONG) -> WinResult<(bool, bool, bool)> {
    let known = HTTP_SEND_RESPONSE_FLAG_DISCONNECT
        | HTTP_SEND_RESPONSE_FLAG_MORE_DATA
        | HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA
        | HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING
        | HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES;
    let disconnect = flags & HTTP_SEND_RESPONSE_FLAG_DISCONNECT != 0;
    let more = flags & HTTP_SEND_RESPONSE_FLAG_MORE_DATA != 0;
    if flags & !known != 0 || (disconnect && more) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok((more, disconnect, flags & HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA != 0))
}

/// # Safety
/// The pointers are the arguments of `HttpSendHttpResponse` (and of its twins), which its `# Safety` asks the caller to
/// make NULL or valid for what Windows documents the function reads or writes through them: `response` is its
/// `HttpResponse`, `policy` is its `CachePolicy`, `sent` is its `BytesSent`, `ov` is its `Overlapped`. In particular:
/// `policy` is NULL or the caller's HTTP_CACHE_POLICY; `sent` is NULL or points to a writable, aligned `T`.
#[allow(clippy::too_many_arguments)]
unsafe fn send_http_response(
    h: HANDLE,
    id: u64,
    flags: ULONG,
    response: *const HTTP_RESPONSE_V1,
    policy: *const HTTP_CACHE_POLICY,
    sent: *mut ULONG,
    ov: *mut OVERLAPPED,
    wide16: bool,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSendHttpResponse({h:?}, {id:#x}, {flags:#x}, {response:?}, {policy:?}, {sent:?}, {ov:?})");
    let q = queue_of(h)?;
    if response.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // The kernel response cache is not kept (docs/porting.md): a valid policy is accepted
    // and every later request still reaches the application, as when http.sys declines to cache.
    // SAFETY: a non-NULL `policy` is the caller's HTTP_CACHE_POLICY.
    if !policy.is_null() && !(0..HTTP_CACHE_POLICY_MAXIMUM).contains(&unsafe { (*policy).Policy }) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (more, disconnect, buffer_data) = check_send_flags(flags)?;
    let req = q.find(id)?;
    // SAFETY: `response` is non-NULL (checked above) and the caller's HTTP_RESPONSE, only read.
    let r = unsafe { &*response };
    // SAFETY: `response_head`: `r` is the caller's `HTTP_RESPONSE`, whose pointers (reason, headers, unknown headers)
    // are NULL or valid for the lengths it states (this function's `# Safety`).
    let head = unsafe { response_head(r) }?;
    let mut owned = Vec::new();
    let mut trailers = Vec::new();
    // The last piece re-made with HTTP/1.1 trailers, if any (declared first: the body borrows it).
    let mut spliced: Vec<Vec<u8>> = Vec::new();
    // SAFETY: `read_chunks`: the chunk array (`count` entries) and what each chunk points to (memory, fragment names)
    // are the caller's, valid until the operation completes (this function's `# Safety`).
    let mut body = unsafe { read_chunks(&q, wide16, r.EntityChunkCount, r.pEntityChunks, &mut owned, &mut trailers) }?;
    spliced.extend(place_trailers(&req, trailers, more, &body));
    if let Some(last) = spliced.first() {
        body.pop();
        body.push(BodyPiece::Mem(last));
    }
    let ovp = ov_of(ov);
    let res = q.run(ovp, |c| req.conn.send(&q, &req, Some(&head), body, more, disconnect, buffer_data, c));
    // SAFETY: `finish`: `sent` is NULL or points to a writable, aligned `T`.
    unsafe { finish(res, sent, ovp) }
}

/// `HttpSendHttpResponse`: status, reason, known and unknown headers and optional entity chunks (memory
/// or file handle with a byte range) for a received request. `Date` and `Server` are added,
/// `Content-Length` when the whole body is given without one, chunked framing when
/// `HTTP_SEND_RESPONSE_FLAG_MORE_DATA` streams without a length. `*BytesSent` gets the bytes written
/// (head included). Unknown or answered request, or a client that left: `ERROR_CONNECTION_INVALID`;
/// a second head for one request, bad flags (`DISCONNECT` with `MORE_DATA`) or chunks:
/// `ERROR_INVALID_PARAMETER`. The data is read during the call.
///
/// # Safety
/// `HttpResponse`, `CachePolicy`, `BytesSent`, `Reserved1`, `Overlapped`, `LogData` are each NULL or point to
/// memory valid for what `HttpSendHttpResponse` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call. An
/// `OVERLAPPED` passed, and the buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpSendHttpResponse(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    HttpResponse: *const HTTP_RESPONSE_V1,
    CachePolicy: *const HTTP_CACHE_POLICY,
    BytesSent: *mut ULONG,
    Reserved1: *mut c_void,
    Reserved2: ULONG,
    Overlapped: *mut OVERLAPPED,
    LogData: *const c_void,
) -> ULONG {
    guard_httpapi("HttpSendHttpResponse", || {
        let _ = (Reserved1, Reserved2, LogData);
        // SAFETY: `send_http_response`: `HttpResponse`, `CachePolicy`, `BytesSent`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpSendHttpResponse` reads or writes through them; in particular `CachePolicy` is NULL or the caller's
        // HTTP_CACHE_POLICY; `BytesSent` is NULL or points to a writable, aligned `T`.
        unsafe {
            send_http_response(
                RequestQueueHandle,
                RequestId,
                Flags,
                HttpResponse,
                CachePolicy,
                BytesSent,
                Overlapped,
                false,
            )
        }
    })
}
/// `HttpSendHttpResponse` for `-fshort-wchar` callers.
///
/// # Safety
/// `HttpResponse`, `CachePolicy`, `BytesSent`, `Reserved1`, `Overlapped`, `LogData` are each NULL or point to
/// memory valid for what `HttpSendHttpResponse` reads or writes there, as Windows documents it (strings
/// NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the call. An
/// `OVERLAPPED` passed, and the buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpSendHttpResponse_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    HttpResponse: *const HTTP_RESPONSE_V1,
    CachePolicy: *const HTTP_CACHE_POLICY,
    BytesSent: *mut ULONG,
    Reserved1: *mut c_void,
    Reserved2: ULONG,
    Overlapped: *mut OVERLAPPED,
    LogData: *const c_void,
) -> ULONG {
    guard_httpapi("HttpSendHttpResponse", || {
        let _ = (Reserved1, Reserved2, LogData);
        // SAFETY: `send_http_response`: `HttpResponse`, `CachePolicy`, `BytesSent`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpSendHttpResponse` reads or writes through them; in particular `CachePolicy` is NULL or the caller's
        // HTTP_CACHE_POLICY; `BytesSent` is NULL or points to a writable, aligned `T`.
        unsafe {
            send_http_response(
                RequestQueueHandle,
                RequestId,
                Flags,
                HttpResponse,
                CachePolicy,
                BytesSent,
                Overlapped,
                true,
            )
        }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpSendResponseEntityBody` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `chunks` is its
/// `EntityChunks`, `sent` is its `BytesSent`, `ov` is its `Overlapped`. In particular: `sent` is NULL or points to a
/// writable, aligned `T`.
#[allow(clippy::too_many_arguments)]
unsafe fn send_response_entity_body(
    h: HANDLE,
    id: u64,
    flags: ULONG,
    count: u16,
    chunks: *const HTTP_DATA_CHUNK,
    sent: *mut ULONG,
    ov: *mut OVERLAPPED,
    wide16: bool,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSendResponseEntityBody({h:?}, {id:#x}, {flags:#x}, {count}, {chunks:?}, {sent:?}, {ov:?})");
    let q = queue_of(h)?;
    let (more, disconnect, buffer_data) = check_send_flags(flags)?;
    if count > 9999 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let req = q.find(id)?;
    let mut owned = Vec::new();
    let mut trailers = Vec::new();
    // The last piece re-made with HTTP/1.1 trailers, if any (declared first: the body borrows it).
    let mut spliced: Vec<Vec<u8>> = Vec::new();
    // SAFETY: `read_chunks`: the chunk array (`count` entries) and what each chunk points to (memory, fragment names)
    // are the caller's, valid until the operation completes (this function's `# Safety`).
    let mut body = unsafe { read_chunks(&q, wide16, count, chunks, &mut owned, &mut trailers) }?;
    spliced.extend(place_trailers(&req, trailers, more, &body));
    if let Some(last) = spliced.first() {
        body.pop();
        body.push(BodyPiece::Mem(last));
    }
    let ovp = ov_of(ov);
    let res = q.run(ovp, |c| req.conn.send(&q, &req, None, body, more, disconnect, buffer_data, c));
    // SAFETY: `finish`: `sent` is NULL or points to a writable, aligned `T`.
    unsafe { finish(res, sent, ovp) }
}

/// `HttpSendResponseEntityBody`: more of a response started with `HTTP_SEND_RESPONSE_FLAG_MORE_DATA`;
/// the last call omits that flag (chunked responses then get their last chunk). Before any head:
/// `ERROR_INVALID_PARAMETER`; more than 9999 chunks: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `EntityChunks`, `BytesSent`, `Reserved1`, `Overlapped`, `LogData` are each NULL or point to memory valid for
/// what `HttpSendResponseEntityBody` reads or writes there, as Windows documents it (strings NUL-terminated unless
/// a length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and
/// the buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpSendResponseEntityBody(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    EntityChunkCount: u16,
    EntityChunks: *const HTTP_DATA_CHUNK,
    BytesSent: *mut ULONG,
    Reserved1: *mut c_void,
    Reserved2: ULONG,
    Overlapped: *mut OVERLAPPED,
    LogData: *const c_void,
) -> ULONG {
    guard_httpapi("HttpSendResponseEntityBody", || {
        let _ = (Reserved1, Reserved2, LogData);
        // SAFETY: `send_response_entity_body`: `EntityChunks`, `BytesSent`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpSendResponseEntityBody` reads or writes through them; in particular `BytesSent` is NULL or points to a
        // writable, aligned `T`.
        unsafe {
            send_response_entity_body(
                RequestQueueHandle,
                RequestId,
                Flags,
                EntityChunkCount,
                EntityChunks,
                BytesSent,
                Overlapped,
                false,
            )
        }
    })
}
/// `HttpSendResponseEntityBody` for `-fshort-wchar` callers.
///
/// # Safety
/// `EntityChunks`, `BytesSent`, `Reserved1`, `Overlapped`, `LogData` are each NULL or point to memory valid for
/// what `HttpSendResponseEntityBody` reads or writes there, as Windows documents it (strings NUL-terminated unless
/// a length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and
/// the buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpSendResponseEntityBody_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Flags: ULONG,
    EntityChunkCount: u16,
    EntityChunks: *const HTTP_DATA_CHUNK,
    BytesSent: *mut ULONG,
    Reserved1: *mut c_void,
    Reserved2: ULONG,
    Overlapped: *mut OVERLAPPED,
    LogData: *const c_void,
) -> ULONG {
    guard_httpapi("HttpSendResponseEntityBody", || {
        let _ = (Reserved1, Reserved2, LogData);
        // SAFETY: `send_response_entity_body`: `EntityChunks`, `BytesSent`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpSendResponseEntityBody` reads or writes through them; in particular `BytesSent` is NULL or points to a
        // writable, aligned `T`.
        unsafe {
            send_response_entity_body(
                RequestQueueHandle,
                RequestId,
                Flags,
                EntityChunkCount,
                EntityChunks,
                BytesSent,
                Overlapped,
                true,
            )
        }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpDeclarePush` (and of its twins), which its `# Safety` asks the caller to make
/// NULL or valid for what Windows documents the function reads or writes through them: `path` is its `Path`, `query` is
/// its `Query`, `headers` is its `Headers`. In particular: `path` is NULL or points to a readable NUL-terminated array
/// of `U`.
unsafe fn declare_push<U: WideUnit>(
    h: HANDLE,
    id: u64,
    verb: i32,
    path: *const U,
    query: *const u8,
    headers: *const c_void,
) -> WinResult<()> {
    // SAFETY: `wide_cstr`: `path` is NULL or points to a readable NUL-terminated array of `U`.
    let p = unsafe { wide_cstr(path) };
    tracing::trace!(target: T, "HttpDeclarePush({h:?}, {id:#x}, {verb}, {p:?}, {query:?}, {headers:?})");
    let q = queue_of(h)?;
    q.find(id)?;
    if !(verb == HttpVerbGET || verb == HttpVerbHEAD) || p.is_none() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // http.sys pushes only "if the underlying protocol, connection, client, and policies allow" it;
    // these connections are HTTP/1.x, which has no push: the declaration is accepted and nothing is
    // pushed (the client fetches the resource itself), as on Windows over HTTP/1.1.
    Ok(())
}

/// `HttpDeclarePush`: accepted for a received request with `HttpVerbGET` / `HttpVerbHEAD` and a path,
/// and nothing is pushed (HTTP/1.x connections cannot carry a push). Bad handle:
/// `ERROR_INVALID_HANDLE`; unknown request: `ERROR_CONNECTION_INVALID`; another verb or NULL path:
/// `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `Path`, `Query`, `Headers` are each NULL or point to memory valid for what `HttpDeclarePush` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpDeclarePush(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Verb: i32,
    Path: *const WCHAR,
    Query: *const u8,
    Headers: *const c_void,
) -> ULONG {
    // SAFETY: `declare_push`: `Path`, `Query`, `Headers` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `HttpDeclarePush` reads or writes through them; in
    // particular `Path` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpDeclarePush", || unsafe {
        declare_push(RequestQueueHandle, RequestId, Verb, Path, Query, Headers)
    })
}
/// `HttpDeclarePush` for `-fshort-wchar` callers.
///
/// # Safety
/// `Path`, `Query`, `Headers` are each NULL or point to memory valid for what `HttpDeclarePush` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn HttpDeclarePush_w16(
    RequestQueueHandle: HANDLE,
    RequestId: u64,
    Verb: i32,
    Path: *const u16,
    Query: *const u8,
    Headers: *const c_void,
) -> ULONG {
    // SAFETY: `declare_push`: `Path`, `Query`, `Headers` are this export's own arguments, passed on unchanged; its
    // `# Safety` makes them NULL or valid for what Windows documents `HttpDeclarePush` reads or writes through them; in
    // particular `Path` is NULL or points to a readable NUL-terminated array of `U`.
    guard_httpapi("HttpDeclarePush", || unsafe {
        declare_push(RequestQueueHandle, RequestId, Verb, Path, Query, Headers)
    })
}
