//! What `HttpQueryRequestProperty` reports about a request's TCP connection (`TCP_INFO_v0`/`v1`, the
//! ideal send backlog), from Linux's `tcp_info`.
use super::abi::TCP_INFO_v1;
use super::connection::Connection;
use crate::win32::error::*;

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

/// `TCP_INFO_v1` of the connection (the fields Linux knows; the others 0). A closed connection:
/// `ERROR_CONNECTION_INVALID`.
pub fn tcp_info(conn: &Connection) -> WinResult<TCP_INFO_v1> {
    let b = conn.tcp_info().ok_or(ERROR_CONNECTION_INVALID)?;
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

/// `HttpRequestPropertyIsb`, the ideal send backlog: what the congestion window lets through in one
/// round trip.
pub fn ideal_send_backlog(conn: &Connection) -> WinResult<u64> {
    Ok(tcp_info(conn)?.Cwnd as u64)
}
