//! `WinHttpCrackUrl` / `WinHttpCreateUrl`: splitting a URL into components and joining them back.
//!
//! The cracker works on the caller's code units (UTF-32 or UTF-16, widened to `u32`) so component
//! positions are offsets the edge can turn into pointers into the caller's own string, as Windows
//! returns them when a component's pointer is NULL and its length non-zero.
use crate::client::abi::{ICU_ESCAPE, ICU_REJECT_USERPWD};
use crate::client::abi::{WINHTTP_FLAG_ESCAPE_DISABLE, WINHTTP_FLAG_ESCAPE_DISABLE_QUERY, WINHTTP_FLAG_ESCAPE_PERCENT};
use crate::win32::error::*;
use std::ops::Range;

pub use super::abi::{INTERNET_SCHEME_HTTP, INTERNET_SCHEME_HTTPS};

/// Component ranges (in code units) of a cracked URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cracked {
    pub scheme: Range<usize>,
    pub n_scheme: i32,
    /// `None` when the URL has no user info (Windows then leaves the caller's pointer NULL).
    pub user: Option<Range<usize>>,
    /// `None` when the URL has no `:password` part.
    pub password: Option<Range<usize>>,
    pub host: Range<usize>,
    pub port: u16,
    pub path: Range<usize>,
    pub extra: Range<usize>,
}

fn find(units: &[u32], from: usize, to: usize, pred: impl Fn(u32) -> bool) -> Option<usize> {
    (from..to).find(|&i| pred(units[i]))
}

/// Splits `units` (no terminator) into components.
pub fn crack(units: &[u32]) -> WinResult<Cracked> {
    let len = units.len();
    let colon = find(units, 0, len, |c| c == ':' as u32).ok_or(ERROR_WINHTTP_UNRECOGNIZED_SCHEME)?;
    let scheme: String = units[..colon].iter().map(|&u| char::from_u32(u).unwrap_or('\u{fffd}')).collect();
    let n_scheme = if scheme.eq_ignore_ascii_case("http") {
        INTERNET_SCHEME_HTTP
    } else if scheme.eq_ignore_ascii_case("https") {
        INTERNET_SCHEME_HTTPS
    } else {
        return Err(ERROR_WINHTTP_UNRECOGNIZED_SCHEME);
    };
    if len < colon + 3 || units[colon + 1] != '/' as u32 || units[colon + 2] != '/' as u32 {
        return Err(ERROR_WINHTTP_INVALID_URL);
    }
    let auth_start = colon + 3;
    let auth_end =
        find(units, auth_start, len, |c| c == '/' as u32 || c == '?' as u32 || c == '#' as u32).unwrap_or(len);
    let (mut user, mut password) = (None, None);
    let mut host_start = auth_start;
    if let Some(at) = (auth_start..auth_end).rev().find(|&i| units[i] == '@' as u32) {
        match find(units, auth_start, at, |c| c == ':' as u32) {
            Some(c) => {
                user = Some(auth_start..c);
                password = Some(c + 1..at);
            }
            None => user = Some(auth_start..at),
        }
        host_start = at + 1;
    }
    let default_port = if n_scheme == INTERNET_SCHEME_HTTPS { 443 } else { 80 };
    // An IPv6 literal keeps its brackets; the port colon comes after the closing one.
    let search_from = if units.get(host_start) == Some(&('[' as u32)) {
        find(units, host_start, auth_end, |c| c == ']' as u32).ok_or(ERROR_WINHTTP_INVALID_URL)?
    } else {
        host_start
    };
    let (host, port) = match find(units, search_from, auth_end, |c| c == ':' as u32) {
        Some(c) => {
            let digits: String = units[c + 1..auth_end].iter().map(|&u| char::from_u32(u).unwrap_or('x')).collect();
            let port = if digits.is_empty() {
                default_port
            } else if digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 5 {
                let p: u32 = digits.parse().map_err(|_| ERROR_WINHTTP_INVALID_URL)?;
                u16::try_from(p).map_err(|_| ERROR_WINHTTP_INVALID_URL)?
            } else {
                return Err(ERROR_WINHTTP_INVALID_URL);
            };
            (host_start..c, port)
        }
        None => (host_start..auth_end, default_port),
    };
    if host.is_empty() {
        return Err(ERROR_WINHTTP_INVALID_URL);
    }
    let mut extra_start = find(units, auth_end, len, |c| c == '?' as u32 || c == '#' as u32).unwrap_or(len);
    // Windows (recorded by Wine's tests): `http://host?` has no path and no extra info; both sit at the
    // end of the string with length 0, while `http://host/p?` keeps `?` as its extra info.
    let mut auth_end = auth_end;
    if auth_end == extra_start && extra_start + 1 == len && units[extra_start] == '?' as u32 {
        (auth_end, extra_start) = (len, len);
    }
    Ok(Cracked {
        scheme: 0..colon,
        n_scheme,
        user,
        password,
        host,
        port,
        path: auth_end..extra_start,
        extra: extra_start..len,
    })
}

/// `%xx` decoding (ICU_DECODE); invalid escapes are kept as they are.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out.clone()).unwrap_or_else(|_| out.iter().map(|&c| c as char).collect())
}

/// Escaping of `ICU_ESCAPE` (WinHttpCreateUrl, WinHttpCrackUrl), as Windows does it: controls, DEL,
/// space and `" # % < > [ \ ] ^ ` { | } ~`; the other marks (`! $ & ' ( ) * + , - . / : ; = ? @ _`)
/// stay. Characters past ASCII go out as their UTF-8 bytes escaped (the ANSI code page is UTF-8 here).
pub fn escape(s: &str) -> String {
    escape_with(s, |b| b"\"#%<>[\\]^`{|}~".contains(&b))
}

/// Escapes controls, DEL, space, every byte past ASCII (UTF-8), and the bytes `also` picks.
pub fn escape_with(s: &str, also: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b <= 0x20 || b >= 0x7f || also(b) {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}

/// The object name of `WinHttpOpenRequest` as it goes on the request line, escaped as Windows does:
/// by default controls (CR and LF too), DEL, space and `" # < > [ \ ] ^ ` { | }` (not `%` nor the other
/// marks); `WINHTTP_FLAG_ESCAPE_PERCENT` adds `%`; `WINHTTP_FLAG_ESCAPE_DISABLE` escapes only the
/// space and drops CR and LF (so the request line stays one line); `WINHTTP_FLAG_ESCAPE_DISABLE_QUERY`
/// treats the query (from the first `?`) that way and the path as by default. Characters past ASCII
/// always go out as their escaped UTF-8 bytes.
pub fn escape_object(object: &str, flags: u32) -> String {
    let (path, query) = match object.find('?') {
        Some(q) => (&object[..q], Some(&object[q..])),
        None => (object, None),
    };
    let percent = flags & WINHTTP_FLAG_ESCAPE_PERCENT != 0;
    let by_default = |part: &str| escape_with(part, |b| b"\"#<>[\\]^`{|}".contains(&b) || (percent && b == b'%'));
    let disabled = |part: &str| {
        let mut out = String::with_capacity(part.len());
        for &b in part.as_bytes() {
            match b {
                b'\r' | b'\n' => {}
                b' ' | 0x80.. => out.push_str(&format!("%{b:02X}")),
                _ => out.push(b as char),
            }
        }
        out
    };
    let mut out = if flags & WINHTTP_FLAG_ESCAPE_DISABLE != 0 { disabled(path) } else { by_default(path) };
    if let Some(q) = query {
        if flags & (WINHTTP_FLAG_ESCAPE_DISABLE | WINHTTP_FLAG_ESCAPE_DISABLE_QUERY) != 0 {
            out.push_str(&disabled(q));
        } else {
            out.push_str(&by_default(q));
        }
    }
    out
}

/// Components for `WinHttpCreateUrl`, already read from the caller's struct.
#[derive(Debug, Default, Clone)]
pub struct Parts {
    pub scheme: Option<String>,
    pub n_scheme: i32,
    pub host: Option<String>,
    pub port: u16,
    pub user: Option<String>,
    pub password: Option<String>,
    pub path: Option<String>,
    pub extra: Option<String>,
}

/// Joins components into a URL as Windows does: no scheme (and `nScheme` 0) means http; the port is
/// written unless it is the scheme's default (so `nPort` 0 gives `:0`); a user name goes with `@`, a
/// password present (even empty) with `:` after it, a password without a user name is
/// `ERROR_INVALID_PARAMETER`; without a host name the URL is `scheme://` then the path and extra info.
pub fn create(p: &Parts, flags: u32) -> WinResult<String> {
    let scheme = match (&p.scheme, p.n_scheme) {
        (Some(s), _) if !s.is_empty() => s.clone(),
        (_, INTERNET_SCHEME_HTTPS) => "https".into(),
        (_, INTERNET_SCHEME_HTTP) | (_, 0) => "http".into(),
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    if p.password.is_some() && p.user.is_none() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut url = format!("{scheme}://");
    if let Some(u) = p.user.as_deref() {
        if flags & ICU_REJECT_USERPWD != 0 {
            return Err(ERROR_INVALID_PARAMETER);
        }
        url.push_str(u);
        if let Some(pw) = p.password.as_deref() {
            url.push(':');
            url.push_str(pw);
        }
        url.push('@');
    }
    if let Some(host) = p.host.as_deref() {
        url.push_str(host);
        let default = if scheme.eq_ignore_ascii_case("https") {
            Some(443)
        } else if scheme.eq_ignore_ascii_case("http") {
            Some(80)
        } else {
            None
        };
        if default != Some(p.port) {
            url.push_str(&format!(":{}", p.port));
        }
        if p.path.as_deref().is_some_and(|path| !path.is_empty() && !path.starts_with('/')) {
            url.push('/');
        }
    }
    let mut tail = String::new();
    tail.push_str(p.path.as_deref().unwrap_or(""));
    tail.push_str(p.extra.as_deref().unwrap_or(""));
    if flags & ICU_ESCAPE != 0 {
        tail = escape(&tail);
    }
    url.push_str(&tail);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn crack_table() {
        let s = "http://user:pass@host:8080/path/x?q=1#f";
        let c = crack(&u(s)).unwrap();
        assert_eq!(
            (&s[c.user.clone().unwrap()], &s[c.password.clone().unwrap()], &s[c.host.clone()], c.port),
            ("user", "pass", "host", 8080)
        );
        assert_eq!((&s[c.path.clone()], &s[c.extra.clone()]), ("/path/x", "?q=1#f"));
        let q = crack(&u("http://host?")).unwrap();
        assert_eq!((q.user, q.host, q.path, q.extra), (None, 7..11, 12..12, 12..12));
        assert_eq!(crack(&u("ftp://h/")).err(), Some(ERROR_WINHTTP_UNRECOGNIZED_SCHEME));
        assert_eq!(crack(&u("nocolon")).err(), Some(ERROR_WINHTTP_UNRECOGNIZED_SCHEME));
        assert_eq!(crack(&u("http:/h")).err(), Some(ERROR_WINHTTP_INVALID_URL));
        assert_eq!(crack(&u("http://h:99999/")).err(), Some(ERROR_WINHTTP_INVALID_URL));
        assert_eq!(crack(&u("http://")).err(), Some(ERROR_WINHTTP_INVALID_URL));
        assert_eq!(crack(&u("https://h")).unwrap().port, 443);
        let c = crack(&u("http://[::1]:81/a")).unwrap();
        assert_eq!((c.host, c.port), (7..12, 81));
    }

    #[test]
    fn create_round_trip() {
        let p = Parts {
            n_scheme: 1,
            host: Some("h".into()),
            port: 80,
            path: Some("/a b".into()),
            extra: Some("?x".into()),
            ..Default::default()
        };
        assert_eq!(create(&p, 0).unwrap(), "http://h/a b?x");
        assert_eq!(create(&p, ICU_ESCAPE).unwrap(), "http://h/a%20b?x");
        assert_eq!(decode("a%20b%zz"), "a b%zz");
    }
}
