//! Request properties: `HttpQueryRequestProperty`, `HttpSetRequestProperty` (engine: `server::connection`).
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::error::*;
use crate::win32::overlapped::OVERLAPPED;
use std::ffi::c_void;

pub const HttpRequestPropertyIsb: i32 = 0;
pub const HttpRequestPropertyTcpInfoV0: i32 = 1;
pub const HttpRequestPropertyTcpInfoV1: i32 = 3;
pub const HttpRequestPropertySni: i32 = 4;
pub const HttpRequestPropertyStreamError: i32 = 5;
pub const HttpRequestPropertyTransportIdleConnectionTimeout: i32 = 12;
pub const HttpRequestPropertyDscpTag: i32 = 13;
pub const HttpRequestPropertyTlsCipherInfo: i32 = 14;

/// `TCP_INFO_v0` / `TCP_INFO_v1` (mstcpip.h), x64 layout.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct TCP_INFO_v1 {
    pub State: i32,
    pub Mss: u32,
    pub ConnectionTimeMs: u64,
    pub TimestampsEnabled: u8,
    pub RttUs: u32,
    pub MinRttUs: u32,
    pub BytesInFlight: u32,
    pub Cwnd: u32,
    pub SndWnd: u32,
    pub RcvWnd: u32,
    pub RcvBuf: u32,
    pub BytesOut: u64,
    pub BytesIn: u64,
    pub BytesReordered: u32,
    pub BytesRetrans: u32,
    pub FastRetrans: u32,
    pub DupAcksIn: u32,
    pub TimeoutEpisodes: u32,
    pub SynRetrans: u8,
    pub SndLimTransRwin: u32,
    pub SndLimTimeRwin: u32,
    pub SndLimBytesRwin: u64,
    pub SndLimTransCwnd: u32,
    pub SndLimTimeCwnd: u32,
    pub SndLimBytesCwnd: u64,
    pub SndLimTransSnd: u32,
    pub SndLimTimeSnd: u32,
    pub SndLimBytesSnd: u64,
}
/// `TCP_INFO_v0` is the first 88 bytes of `TCP_INFO_v1`.
pub const TCP_INFO_V0_SIZE: usize = 88;
const _: () = assert!(std::mem::size_of::<TCP_INFO_v1>() == 136);
const _: () =
    assert!(std::mem::offset_of!(TCP_INFO_v1, BytesOut) == 48 && std::mem::offset_of!(TCP_INFO_v1, SynRetrans) == 84);
const _: () = assert!(
    std::mem::offset_of!(TCP_INFO_v1, SndLimTransRwin) == TCP_INFO_V0_SIZE
        && std::mem::offset_of!(TCP_INFO_v1, SndLimBytesSnd) == 128
);

/// Linux `TCP_*` states to Windows `TCPSTATE`.
fn tcp_state(linux: u8) -> i32 {
    match linux {
        1 => 4,  // ESTABLISHED
        2 => 2,  // SYN_SENT
        3 => 3,  // SYN_RECV -> SYN_RCVD
        4 => 5,  // FIN_WAIT1
        5 => 6,  // FIN_WAIT2
        6 => 10, // TIME_WAIT
        8 => 7,  // CLOSE_WAIT
        9 => 9,  // LAST_ACK
        10 => 1, // LISTEN
        11 => 8, // CLOSING
        _ => 0,  // CLOSE
    }
}

fn tcp_info_of(conn: &crate::server::connection::Connection) -> WinResult<TCP_INFO_v1> {
    let t = conn.tcp_info().ok_or(ERROR_CONNECTION_INVALID)?;
    let b = &t;
    let rcvbuf = conn.sockopt(libc::SOL_SOCKET, libc::SO_RCVBUF).unwrap_or(0).max(0) as u32;
    Ok(TCP_INFO_v1 {
        State: tcp_state(b.tcpi_state),
        Mss: b.tcpi_snd_mss,
        TimestampsEnabled: (b.tcpi_options & 1 != 0) as u8,
        RttUs: b.tcpi_rtt,
        MinRttUs: b.tcpi_min_rtt,
        BytesInFlight: b.tcpi_unacked.saturating_mul(b.tcpi_snd_mss),
        Cwnd: b.tcpi_snd_cwnd.saturating_mul(b.tcpi_snd_mss),
        RcvWnd: b.tcpi_rcv_space,
        RcvBuf: rcvbuf,
        BytesOut: b.tcpi_bytes_acked,
        BytesIn: b.tcpi_bytes_received,
        BytesRetrans: b.tcpi_total_retrans.saturating_mul(b.tcpi_snd_mss),
        TimeoutEpisodes: b.tcpi_backoff as u32,
        ..Default::default()
    })
}

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
        HttpRequestPropertyIsb => {
            // The ideal send backlog: what the congestion window lets through in one round trip.
            let t = tcp_info_of(&req.conn)?;
            (t.Cwnd as u64).to_ne_bytes().to_vec()
        }
        HttpRequestPropertyTcpInfoV0 | HttpRequestPropertyTcpInfoV1 => {
            let t = tcp_info_of(&req.conn)?;
            let size = if prop == HttpRequestPropertyTcpInfoV0 {
                TCP_INFO_V0_SIZE
            } else {
                std::mem::size_of::<TCP_INFO_v1>()
            };
            std::slice::from_raw_parts(&t as *const TCP_INFO_v1 as *const u8, size).to_vec()
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
            write_opt(ret, need);
        }
        return Err(ERROR_INSUFFICIENT_BUFFER);
    }
    bytes_out(out as *mut u8, value.len())?.copy_from_slice(&value);
    finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, need, true)), ret, ovp)
}

/// `HttpQueryRequestProperty`: `HttpRequestPropertyTcpInfoV0` / `V1` (`TCP_INFO_v0` / `_v1` from the
/// socket's Linux `TCP_INFO`) and `HttpRequestPropertyIsb` (ULONG64: the congestion window in bytes)
/// for a received request. TLS, QUIC and timing properties: `ERROR_NOT_SUPPORTED` (plain TCP);
/// unknown property: `ERROR_INVALID_PARAMETER`; output too small or NULL: `ERROR_INSUFFICIENT_BUFFER`
/// with the size needed in `*BytesReturned`; unknown request: `ERROR_CONNECTION_INVALID`.
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
    })
}
w16_alias!(HttpQueryRequestProperty);

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
            let v = bytes_in(input as *const u8, size as usize)?;
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
    finish(q.run(ovp, |_| crate::server::completion::Start::Done(ERROR_SUCCESS, 0, true)), std::ptr::null_mut(), ovp)
}

/// `HttpSetRequestProperty`: `HttpRequestPropertyDscpTag` (one UCHAR, 0..63) marks the connection's
/// packets (`IP_TOS` / `IPV6_TCLASS`). `HttpRequestPropertyStreamError` and
/// `HttpRequestPropertyTransportIdleConnectionTimeout` (HTTP/2, HTTP/3): `ERROR_NOT_SUPPORTED`; other
/// properties or a bad value: `ERROR_INVALID_PARAMETER`; unknown request: `ERROR_CONNECTION_INVALID`.
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
        set_request_property(RequestQueueHandle, Id, PropertyId, Input, InputPropertySize, Overlapped)
    })
}
w16_alias!(HttpSetRequestProperty);
