//! Request properties: `HttpQueryRequestProperty`, `HttpSetRequestProperty` (engine: `server::tcp_info`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server::abi::*;
use crate::server::tcp_info;
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use std::ffi::c_void;

/// # Safety
/// The pointers are the arguments of `HttpQueryRequestProperty` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `qualifier` is
/// its `Qualifier`, `out` is its `Output`, `ret` is its `BytesReturned`, `ov` is its `Overlapped`. In particular: `ret`
/// is NULL or points to a writable, aligned `T`.
#[allow(clippy::too_many_arguments)]
unsafe fn query_request_property(
    h: HANDLE,
    id: u64,
    prop: i32,
    qualifier: *mut c_void,
    qsize: ULONG,
    out: *mut c_void,
    outlen: ULONG,
    ret: *mut ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpQueryRequestProperty({h:?}, {id:#x}, {prop}, {qualifier:?}, {qsize}, {out:?}, {outlen}, {ret:?}, {ov:?})");
    let q = queue_of(h)?;
    let req = q.find(id)?;
    let value: Vec<u8> = match prop {
        HttpRequestPropertyIsb => tcp_info::ideal_send_backlog(&req.conn)?.to_ne_bytes().to_vec(),
        HttpRequestPropertyTcpInfoV0 | HttpRequestPropertyTcpInfoV1 => {
            let t = tcp_info::tcp_info(&req.conn)?;
            let size = if prop == HttpRequestPropertyTcpInfoV0 {
                TCP_INFO_V0_SIZE
            } else {
                std::mem::size_of::<TCP_INFO_v1>()
            };
            // SAFETY: `from_raw_parts`: the pointer and length describe readable memory of the caller
            unsafe { std::slice::from_raw_parts(&t as *const TCP_INFO_v1 as *const u8, size) }.to_vec()
        }
        // TLS-only (SNI, cipher, ClientHello), QUIC-only, and timing properties: the connection is
        // plain HTTP/1.x over TCP, so there is nothing to report.
        2 | HttpRequestPropertySni | 6..=11 | HttpRequestPropertyTlsCipherInfo => return Err(ERROR_NOT_SUPPORTED),
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    let ovp = ov_of(ov);
    let need = value.len() as u32;
    if out.is_null() || outlen < need {
        if ovp.is_none() {
            // SAFETY: `write_opt`: `ret` is NULL or points to a writable, aligned `T`.
            unsafe { write_opt(ret, need) };
        }
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: `bytes_out`: `out as *mut u8` is NULL or points to `value.len()` writable bytes, not aliased, valid
    // for `'a`.
    unsafe { bytes_out(out as *mut u8, value.len()) }?.copy_from_slice(&value);
    // SAFETY: `finish`: `ret` is NULL or points to a writable, aligned `T`.
    unsafe { finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, need, true)), ret, ovp) }
}

/// `HttpQueryRequestProperty`: `HttpRequestPropertyTcpInfoV0` / `V1` (`TCP_INFO_v0` / `_v1` from the
/// socket's Linux `TCP_INFO`) and `HttpRequestPropertyIsb` (ULONG64: the congestion window in bytes)
/// for a received request. TLS, QUIC and timing properties: `ERROR_NOT_SUPPORTED` (plain TCP);
/// unknown property: `ERROR_INVALID_PARAMETER`; output too small or NULL: `ERROR_INSUFFICIENT_BUFFER`
/// with the size needed in `*BytesReturned`; unknown request: `ERROR_CONNECTION_INVALID`.
///
/// # Safety
/// `Qualifier`, `Output`, `BytesReturned`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpQueryRequestProperty` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryRequestProperty(
    RequestQueueHandle: HANDLE,
    Id: u64,
    PropertyId: i32,
    Qualifier: *mut c_void,
    QualifierSize: ULONG,
    Output: *mut c_void,
    OutputBufferSize: ULONG,
    BytesReturned: *mut ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpQueryRequestProperty", || {
        // SAFETY: `query_request_property`: `Qualifier`, `Output`, `BytesReturned`, `Overlapped` are this export's own
        // arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpQueryRequestProperty` reads or writes through them; in particular `BytesReturned` is NULL or points to a
        // writable, aligned `T`.
        unsafe {
            query_request_property(
                RequestQueueHandle,
                Id,
                PropertyId,
                Qualifier,
                QualifierSize,
                Output,
                OutputBufferSize,
                BytesReturned,
                Overlapped,
            )
        }
    })
}
w16_alias!(HttpQueryRequestProperty);

/// # Safety
/// The pointers are the arguments of `HttpSetRequestProperty` (and of its twins), which its `# Safety` asks the caller
/// to make NULL or valid for what Windows documents the function reads or writes through them: `input` is its `Input`,
/// `ov` is its `Overlapped`. In particular: `input as *const u8` is NULL or points to `size as usize` readable bytes
/// that stay valid and unchanged for `'a`.
unsafe fn set_request_property(
    h: HANDLE,
    id: u64,
    prop: i32,
    input: *mut c_void,
    size: ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSetRequestProperty({h:?}, {id:#x}, {prop}, {input:?}, {size}, {ov:?})");
    let q = queue_of(h)?;
    let req = q.find(id)?;
    match prop {
        HttpRequestPropertyDscpTag => {
            // SAFETY: `bytes_in`: `input as *const u8` is NULL or points to `size as usize` readable bytes that stay
            // valid and unchanged for `'a`.
            let v = unsafe { bytes_in(input as *const u8, size as usize) }?;
            match v {
                [d] if *d < 64 => req.conn.set_dscp(*d)?,
                _ => return Err(ERROR_INVALID_PARAMETER),
            }
        }
        // HTTP/2 and HTTP/3 stream resets, and the QUIC idle timeout: no such streams here.
        HttpRequestPropertyStreamError | HttpRequestPropertyTransportIdleConnectionTimeout => {
            return Err(ERROR_NOT_SUPPORTED)
        }
        _ => return Err(ERROR_INVALID_PARAMETER),
    }
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

/// `HttpSetRequestProperty`: `HttpRequestPropertyDscpTag` (one UCHAR, 0..63) marks the connection's
/// packets (`IP_TOS` / `IPV6_TCLASS`). `HttpRequestPropertyStreamError` and
/// `HttpRequestPropertyTransportIdleConnectionTimeout` (HTTP/2, HTTP/3): `ERROR_NOT_SUPPORTED`; other
/// properties or a bad value: `ERROR_INVALID_PARAMETER`; unknown request: `ERROR_CONNECTION_INVALID`.
///
/// # Safety
/// `Input`, `Overlapped` are each NULL or point to memory valid for what `HttpSetRequestProperty` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call. An `OVERLAPPED` passed, and the buffers of its operation, stay valid and in
/// place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpSetRequestProperty(
    RequestQueueHandle: HANDLE,
    Id: u64,
    PropertyId: i32,
    Input: *mut c_void,
    InputPropertySize: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpSetRequestProperty", || {
        // SAFETY: `set_request_property`: `Input`, `Overlapped` are this export's own arguments, passed on unchanged;
        // its `# Safety` makes them NULL or valid for what Windows documents `HttpSetRequestProperty` reads or writes
        // through them; in particular `Input as *const u8` is NULL or points to `InputPropertySize as usize` readable
        // bytes that stay valid and unchanged for `'a`.
        unsafe { set_request_property(RequestQueueHandle, Id, PropertyId, Input, InputPropertySize, Overlapped) }
    })
}
w16_alias!(HttpSetRequestProperty);
