//! The Winsock pieces an HTTP program uses with the addresses it gets (`ws2_32.dll`): `WSAStartup` /
//! `WSACleanup` bookkeeping and the text forms of IPv4 and IPv6 addresses (`InetNtop`, `InetPton`,
//! `WSAAddressToString`). The address structures are Linux's `sockaddr_in` / `sockaddr_in6`.
use super::error::*;
use super::sockaddr::{self, BadAddress, Families};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU32, Ordering};

/// Linux's address families (Windows' AF_INET6 is 23; the headers use Linux's values, DESIGN.md section 3).
pub const AF_INET: i32 = libc::AF_INET;
pub const AF_INET6: i32 = libc::AF_INET6;

/// The highest Winsock version (2.2), what `WSADATA.wHighVersion` reports.
pub const HIGHEST_VERSION: u16 = 0x0202;

static STARTED: AtomicU32 = AtomicU32::new(0);

/// `WSAStartup`: the version the program will use (the one it asked for, at most 2.2); below 1.0:
/// `WSAVERNOTSUPPORTED`. Each successful call needs a `WSACleanup`.
pub fn startup(requested: u16) -> WinResult<u16> {
    let (major, minor) = (requested & 0xFF, requested >> 8);
    if major == 0 {
        return Err(WSAVERNOTSUPPORTED);
    }
    STARTED.fetch_add(1, Ordering::AcqRel);
    Ok(if (major, minor) > (2, 2) { HIGHEST_VERSION } else { requested })
}

/// `WSACleanup`: one `WSAStartup` undone; none left: `WSANOTINITIALISED`.
pub fn cleanup() -> WinResult<()> {
    STARTED
        .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
        .map(drop)
        .map_err(|_| WSANOTINITIALISED)
}

/// The text of an address of `family` in `bytes` (4 bytes IPv4, 16 bytes IPv6), as `inet_ntop` writes it
/// (RFC 5952 for IPv6, `::ffff:a.b.c.d` for a mapped IPv4 address). Another family: `WSAEAFNOSUPPORT`.
pub fn address_text(family: i32, bytes: &[u8]) -> WinResult<String> {
    match family {
        AF_INET => Ok(Ipv4Addr::from(<[u8; 4]>::try_from(&bytes[..4]).map_err(|_| WSAEFAULT)?).to_string()),
        AF_INET6 => {
            let a = Ipv6Addr::from(<[u8; 16]>::try_from(&bytes[..16]).map_err(|_| WSAEFAULT)?);
            // std writes a mapped address as ::ffff:a.b.c.d too, and compresses as RFC 5952 says.
            Ok(a.to_string())
        }
        _ => Err(WSAEAFNOSUPPORT),
    }
}

/// The bytes of the address written `text` (dotted decimal for IPv4, any RFC 4291 form for IPv6); None when
/// the text is not one. Another family: `WSAEAFNOSUPPORT`.
pub fn parse_address(family: i32, text: &str) -> WinResult<Option<Vec<u8>>> {
    match family {
        AF_INET => Ok(text.parse::<Ipv4Addr>().ok().map(|a| a.octets().to_vec())),
        AF_INET6 => Ok(text.parse::<Ipv6Addr>().ok().map(|a| a.octets().to_vec())),
        _ => Err(WSAEAFNOSUPPORT),
    }
}

/// `WSAAddressToString`'s text for a socket address: `a.b.c.d:port` or `[v6%scope]:port`, without the port
/// (and brackets) when it is 0, without the scope when it is 0. `raw` is the caller's `dwAddressLength`
/// bytes of the structure; shorter than its family's structure: `WSAEFAULT`; another family: `WSAEINVAL`.
pub fn socket_address_text(raw: &[u8]) -> WinResult<String> {
    let a = sockaddr::read(raw, Families::Linux).map_err(|e| match e {
        BadAddress::Short => WSAEFAULT,
        BadAddress::Family => WSAEINVAL,
    })?;
    let text = match a {
        SocketAddr::V4(a) => a.ip().to_string(),
        SocketAddr::V6(a) if a.scope_id() != 0 => format!("{}%{}", a.ip(), a.scope_id()),
        SocketAddr::V6(a) => a.ip().to_string(),
    };
    Ok(match a {
        _ if a.port() == 0 => text,
        SocketAddr::V4(_) => format!("{text}:{}", a.port()),
        SocketAddr::V6(_) => format!("[{text}]:{}", a.port()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The caller's bytes for `a` (their layout is `sockaddr`'s test).
    fn raw(a: SocketAddr) -> Vec<u8> {
        let mut b = vec![0u8; sockaddr::size_of(&a)];
        sockaddr::write(&mut b, &a);
        b
    }

    fn v4(ip: [u8; 4], port: u16) -> Vec<u8> {
        raw(SocketAddr::from((ip, port)))
    }

    fn v6(ip: Ipv6Addr, port: u16, scope: u32) -> Vec<u8> {
        raw(SocketAddr::V6(std::net::SocketAddrV6::new(ip, port, 0, scope)))
    }

    #[test]
    fn socket_addresses_read_as_windows_writes_them() {
        let rows: &[(Vec<u8>, &str)] = &[
            (v4([127, 0, 0, 1], 8080), "127.0.0.1:8080"),
            (v4([10, 1, 2, 3], 0), "10.1.2.3"),
            (v6(Ipv6Addr::LOCALHOST, 443, 0), "[::1]:443"),
            (v6("fe80::1".parse().unwrap(), 80, 3), "[fe80::1%3]:80"),
            (v6("2001:db8::8:800:200c:417a".parse().unwrap(), 0, 0), "2001:db8::8:800:200c:417a"),
            (v6("::ffff:1.2.3.4".parse().unwrap(), 1, 0), "[::ffff:1.2.3.4]:1"),
        ];
        for (raw, want) in rows {
            assert_eq!(socket_address_text(raw).unwrap(), *want);
        }
        assert_eq!(socket_address_text(&v4([1, 2, 3, 4], 1)[..8]), Err(WSAEFAULT));
        assert_eq!(socket_address_text(&[1, 0, 0, 0]), Err(WSAEINVAL));
    }

    #[test]
    fn startup_counts() {
        assert_eq!(startup(0x0202), Ok(0x0202));
        assert_eq!(startup(0x0101), Ok(0x0101));
        assert_eq!(startup(0x0303), Ok(0x0202));
        assert_eq!(startup(0x0200 /* 0.2 */), Err(WSAVERNOTSUPPORTED));
        for _ in 0..3 {
            assert_eq!(cleanup(), Ok(()));
        }
    }
}
