//! Request properties: `HttpQueryRequestProperty`, `HttpSetRequestProperty` (engine: `server::tcp_info`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server::abi::*;
use crate::server::tcp_info;
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;

/// # Safety
/// The pointers are the arguments of `HttpQueryRequestProperty` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `qualifier` is
/// its `Qualifier`, `out` is its `Output`, `ret` is its `BytesReturned`, `ov` is its `Overlapped`. In particular: `ret`
/// is NULL or points to a writable, aligned `T`.
#[allow(clippy::too_many_arguments)]
unsafe fn query_request_property<U: WideUnit>(
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
        // The server name of the client's ClientHello. A plain HTTP request has none: Windows documents no
        // code for that case; ERROR_NOT_SUPPORTED, as for the properties below (ASP.NET Core takes any
        // failure as "no SNI").
        HttpRequestPropertySni => match &req.conn.tls {
            Some(tls) => sni_property::<U>(&tls.sni),
            None => return Err(ERROR_NOT_SUPPORTED),
        },
        // Schannel's SecPkgContext_CipherInfo of the TLS session (plain HTTP: as for the SNI).
        HttpRequestPropertyTlsCipherInfo => match &req.conn.tls {
            Some(tls) => as_bytes(&tls.schannel.cipher_info::<U>()),
            None => return Err(ERROR_NOT_SUPPORTED),
        },
        // The ClientHello's TLS records as the client sent them, kept when the connection's SSL binding has
        // HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO. Not kept, or plain HTTP: as for the SNI.
        HttpRequestPropertyTlsClientHello => match req.conn.tls.as_ref().and_then(|t| t.client_hello.as_deref()) {
            Some(hello) => hello.to_vec(),
            None => return Err(ERROR_NOT_SUPPORTED),
        },
        // QUIC-only and timing properties: not kept here, nothing to report.
        2 | 6..=10 => return Err(ERROR_NOT_SUPPORTED),
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

/// `HTTP_REQUEST_PROPERTY_SNI` in the caller's `WCHAR` width, as bytes: the host name (cut to
/// `HTTP_REQUEST_PROPERTY_SNI_HOST_MAX_LENGTH` units, NUL-terminated; empty without SNI) and the flags.
fn sni_property<U: WideUnit>(sni: &crate::server::tls::Sni) -> Vec<u8> {
    as_bytes(&HTTP_REQUEST_PROPERTY_SNI::<U> {
        Hostname: crate::win32::wstr::encode_fixed(sni.name.as_deref().unwrap_or("")),
        Flags: sni.flags(),
    })
}

/// The bytes of a property structure made of integers and integer arrays with no padding between them
/// (`HTTP_REQUEST_PROPERTY_SNI`, `SecPkgContext_CipherInfo`: their sizes, the sums of their fields', are
/// checked in server::abi and client::abi).
fn as_bytes<T: Copy>(p: &T) -> Vec<u8> {
    // SAFETY: `from_raw_parts`: `p` is a live, initialised value of a plain `repr(C)` struct without padding
    // (the callers above), read as its own bytes for the length of the call.
    unsafe { std::slice::from_raw_parts(p as *const T as *const u8, size_of_val(p)) }.to_vec()
}

/// `HttpQueryRequestProperty`: `HttpRequestPropertyTcpInfoV0` / `V1` (`TCP_INFO_v0` / `_v1` from the
/// socket's Linux `TCP_INFO`) and `HttpRequestPropertyIsb` (ULONG64: the congestion window in bytes)
/// for a received request. `HttpRequestPropertySni`: an HTTPS request's `HTTP_REQUEST_PROPERTY_SNI`
/// (the ClientHello's server name and `HTTP_REQUEST_PROPERTY_SNI_FLAG_SNI_USED` when it chose an SNI
/// binding, or `_NO_SNI`); `HttpRequestPropertyTlsCipherInfo`: Schannel's `SecPkgContext_CipherInfo` of the
/// session (in the caller's `WCHAR` width); `HttpRequestPropertyTlsClientHello`: the TLS records of the
/// connection's ClientHello as received, when its SSL binding has
/// `HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO` (not kept: `ERROR_NOT_SUPPORTED`); a plain HTTP
/// request: `ERROR_NOT_SUPPORTED` for these three. QUIC and timing properties: `ERROR_NOT_SUPPORTED`;
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
            query_request_property::<u32>(
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
/// `HttpQueryRequestProperty` for `-fshort-wchar` callers (`HTTP_REQUEST_PROPERTY_SNI` with 16-bit `WCHAR`s).
///
/// # Safety
/// `Qualifier`, `Output`, `BytesReturned`, `Overlapped` are each NULL or point to memory valid for what
/// `HttpQueryRequestProperty` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryRequestProperty_w16(
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
            query_request_property::<u16>(
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
        // An HTTP/2 stream's reset, with the application's error code (`HTTP_REQUEST_PROPERTY_STREAM_ERROR`):
        // the relay sends RST_STREAM, and the request ends here (its pending I/O aborted).
        HttpRequestPropertyStreamError => {
            let Some(ctl) = req.conn.h2.as_ref() else { return Err(ERROR_NOT_SUPPORTED) };
            // SAFETY: `bytes_in`: `input as *const u8` is NULL or points to `size as usize` readable bytes that stay
            // valid and unchanged for `'a`.
            let v = unsafe { bytes_in(input as *const u8, size as usize) }?;
            let code: [u8; 4] = v.try_into().map_err(|_| ERROR_INVALID_PARAMETER)?;
            ctl.reset(u32::from_ne_bytes(code));
            req.conn.abort();
        }
        // The QUIC idle timeout: no HTTP/3 here.
        HttpRequestPropertyTransportIdleConnectionTimeout => return Err(ERROR_NOT_SUPPORTED),
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
/// packets (`IP_TOS` / `IPV6_TCLASS`). `HttpRequestPropertyStreamError`
/// (`HTTP_REQUEST_PROPERTY_STREAM_ERROR`, a ULONG) resets a request's HTTP/2 stream with that error code
/// (RST_STREAM) and ends the request (its pending I/O completes with `ERROR_OPERATION_ABORTED`); on an
/// HTTP/1.1 request it is `ERROR_NOT_SUPPORTED`, as is `HttpRequestPropertyTransportIdleConnectionTimeout`
/// (HTTP/3); other properties or a bad value or size: `ERROR_INVALID_PARAMETER`; unknown request:
/// `ERROR_CONNECTION_INVALID`.
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
