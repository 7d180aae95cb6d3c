//! Socket addresses in caller memory: the one place that writes and reads `SOCKADDR_IN` /
//! `SOCKADDR_IN6`. They are Linux's `sockaddr_in` / `sockaddr_in6` (DESIGN.md section 3: `AF_INET6` = 10,
//! so `inet_ntop` and `getnameinfo` work on them), laid out as Windows lays its own out: the family in
//! host order, the port and the addresses in network order, `sin_zero` zero.
//!
//! What is written, as Windows fills a TCP connection's addresses (`HTTP_REQUEST.Address`,
//! `WINHTTP_CONNECTION_INFO`, the http.sys configuration records): `sin6_flowinfo` is 0 (Windows' TCP
//! does not report a peer's flow label, and ASP.NET Core's `SocketAddress` reads only the family, port,
//! address and scope); `sin6_scope_id` is the interface index of a link-local address as the kernel gave
//! it (0 for any other address), in host order like Winsock's `SCOPE_ID.Value`.
//!
//! Users: `server::fill` (the request's addresses), `ffi::httpapi::config` (the configuration records,
//! both ways), `ffi::winhttp::options` (`WINHTTP_OPTION_CONNECTION_INFO`), `win32::winsock`
//! (`WSAAddressToString`).
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

/// `sizeof(SOCKADDR_IN)`.
pub const SOCKADDR_IN_SIZE: usize = std::mem::size_of::<libc::sockaddr_in>();
/// `sizeof(SOCKADDR_IN6)`.
pub const SOCKADDR_IN6_SIZE: usize = std::mem::size_of::<libc::sockaddr_in6>();
/// Windows' own value of `AF_INET6`, which the http.sys configuration functions accept too (a caller may
/// have copied a record written on Windows).
pub const WINDOWS_AF_INET6: u16 = 23;

/// Why bytes are not a socket address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadAddress {
    /// Fewer bytes than the family's structure (or than the family field).
    Short,
    /// A family other than `AF_INET` / `AF_INET6`.
    Family,
}

/// Which family values a reader takes for IPv6.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Families {
    /// Linux's `AF_INET` and `AF_INET6` only (Winsock's functions on this platform).
    Linux,
    /// Also Windows' `AF_INET6` = 23 (the http.sys configuration records).
    WithWindowsInet6,
}

/// The size of the structure of the family `family` (`SOCKADDR_IN` or `SOCKADDR_IN6`), None for another.
pub fn struct_size(family: u16, families: Families) -> Option<usize> {
    match family as i32 {
        libc::AF_INET => Some(SOCKADDR_IN_SIZE),
        libc::AF_INET6 => Some(SOCKADDR_IN6_SIZE),
        _ if family == WINDOWS_AF_INET6 && families == Families::WithWindowsInet6 => Some(SOCKADDR_IN6_SIZE),
        _ => None,
    }
}

/// The size `a` takes in caller memory.
pub fn size_of(a: &SocketAddr) -> usize {
    match a {
        SocketAddr::V4(_) => SOCKADDR_IN_SIZE,
        SocketAddr::V6(_) => SOCKADDR_IN6_SIZE,
    }
}

/// Writes `a` at the start of `out` and zeroes the rest of `out` (a `SOCKADDR_STORAGE` or a slot of a
/// caller's buffer). `out` holds at least [`size_of`]`(a)` bytes.
pub fn write(out: &mut [u8], a: &SocketAddr) {
    out.fill(0);
    match a {
        SocketAddr::V4(v4) => {
            out[0..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
            out[2..4].copy_from_slice(&v4.port().to_be_bytes());
            out[4..8].copy_from_slice(&v4.ip().octets());
        }
        SocketAddr::V6(v6) => {
            out[0..2].copy_from_slice(&(libc::AF_INET6 as u16).to_ne_bytes());
            out[2..4].copy_from_slice(&v6.port().to_be_bytes());
            // out[4..8], sin6_flowinfo: 0 (module doc).
            out[8..24].copy_from_slice(&v6.ip().octets());
            out[24..28].copy_from_slice(&v6.scope_id().to_ne_bytes());
        }
    }
}

/// `a` in a `SOCKADDR_STORAGE` (`WINHTTP_CONNECTION_INFO`'s fields).
pub fn to_storage(a: &SocketAddr) -> libc::sockaddr_storage {
    let mut bytes = [0u8; std::mem::size_of::<libc::sockaddr_storage>()];
    write(&mut bytes, a);
    // SAFETY: `sockaddr_storage` is plain integers (every bit pattern is valid), as large as `bytes`;
    // `read_unaligned` does not need the array's alignment.
    unsafe { (bytes.as_ptr() as *const libc::sockaddr_storage).read_unaligned() }
}

/// Reads the address at the start of `raw` (the caller's bytes, as long as it said they are). The family is
/// checked first, then the length; the flow information is ignored.
pub fn read(raw: &[u8], families: Families) -> Result<SocketAddr, BadAddress> {
    if raw.len() < 2 {
        return Err(BadAddress::Short);
    }
    let family = u16::from_ne_bytes([raw[0], raw[1]]);
    let size = struct_size(family, families).ok_or(BadAddress::Family)?;
    if raw.len() < size {
        return Err(BadAddress::Short);
    }
    let port = u16::from_be_bytes([raw[2], raw[3]]);
    Ok(if size == SOCKADDR_IN_SIZE {
        SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::new(raw[4], raw[5], raw[6], raw[7]), port))
    } else {
        let ip = Ipv6Addr::from(<[u8; 16]>::try_from(&raw[8..24]).expect("16 bytes"));
        let scope = u32::from_ne_bytes([raw[24], raw[25], raw[26], raw[27]]);
        SocketAddr::V6(SocketAddrV6::new(ip, port, 0, scope))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of a plain C structure.
    fn bytes_of<T>(v: &T) -> Vec<u8> {
        // SAFETY: `v` is a live reference to a plain `#[repr(C)]` structure of integers; its bytes are readable.
        unsafe { std::slice::from_raw_parts(v as *const T as *const u8, std::mem::size_of::<T>()) }.to_vec()
    }

    fn c_v4(ip: [u8; 4], port: u16) -> Vec<u8> {
        // SAFETY: all-zero bytes are a valid sockaddr_in.
        let mut sa: libc::sockaddr_in = unsafe { std::mem::zeroed() };
        sa.sin_family = libc::AF_INET as u16;
        sa.sin_port = port.to_be();
        sa.sin_addr.s_addr = u32::from_ne_bytes(ip);
        bytes_of(&sa)
    }

    fn c_v6(ip: Ipv6Addr, port: u16, scope: u32) -> Vec<u8> {
        // SAFETY: all-zero bytes are a valid sockaddr_in6.
        let mut sa: libc::sockaddr_in6 = unsafe { std::mem::zeroed() };
        sa.sin6_family = libc::AF_INET6 as u16;
        sa.sin6_port = port.to_be();
        sa.sin6_addr.s6_addr = ip.octets();
        sa.sin6_scope_id = scope;
        bytes_of(&sa)
    }

    #[test]
    fn written_addresses_are_what_c_builds_and_read_back() {
        let rows: Vec<(SocketAddr, Vec<u8>)> = vec![
            ("127.0.0.1:8080".parse().unwrap(), c_v4([127, 0, 0, 1], 8080)),
            ("10.1.2.3:0".parse().unwrap(), c_v4([10, 1, 2, 3], 0)),
            ("[::1]:443".parse().unwrap(), c_v6(Ipv6Addr::LOCALHOST, 443, 0)),
            (
                SocketAddr::V6(SocketAddrV6::new("fe80::1".parse().unwrap(), 80, 0, 3)),
                c_v6("fe80::1".parse().unwrap(), 80, 3),
            ),
            // A flow label the kernel reported is not passed on: Windows writes 0.
            (
                SocketAddr::V6(SocketAddrV6::new("2001:db8::1".parse().unwrap(), 1, 0x1234_5678, 0)),
                c_v6("2001:db8::1".parse().unwrap(), 1, 0),
            ),
        ];
        for (i, (a, want)) in rows.iter().enumerate() {
            let mut slot = [0xAAu8; 32];
            write(&mut slot, a);
            assert_eq!(&slot[..want.len()], &want[..], "row {i}: bytes");
            assert!(slot[want.len()..].iter().all(|&b| b == 0), "row {i}: the rest zeroed");
            assert_eq!(size_of(a), want.len(), "row {i}: size");
            let back = read(&slot, Families::Linux).unwrap();
            let expect = match a {
                SocketAddr::V6(v6) => SocketAddr::V6(SocketAddrV6::new(*v6.ip(), v6.port(), 0, v6.scope_id())),
                v4 => *v4,
            };
            assert_eq!(back, expect, "row {i}: read back");
            let st = to_storage(a);
            assert_eq!(&bytes_of(&st)[..want.len()], &want[..], "row {i}: storage");
        }
    }

    #[test]
    fn reading_checks_family_then_length() {
        let v6 = c_v6(Ipv6Addr::LOCALHOST, 1, 0);
        let mut windows = v6.clone();
        windows[0..2].copy_from_slice(&WINDOWS_AF_INET6.to_ne_bytes());
        let rows: &[(&[u8], Families, Result<(), BadAddress>)] = &[
            (&[], Families::Linux, Err(BadAddress::Short)),
            (&[1, 0, 0, 0], Families::Linux, Err(BadAddress::Family)),
            (&v6[..27], Families::Linux, Err(BadAddress::Short)),
            (&v6, Families::Linux, Ok(())),
            (&windows, Families::Linux, Err(BadAddress::Family)),
            (&windows, Families::WithWindowsInet6, Ok(())),
        ];
        for (i, (raw, families, want)) in rows.iter().enumerate() {
            assert_eq!(read(raw, *families).map(drop), *want, "row {i}");
        }
        assert_eq!(read(&c_v4([1, 2, 3, 4], 5)[..8], Families::Linux), Err(BadAddress::Short));
    }
}
