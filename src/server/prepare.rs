//! `HttpPrepareUrl`: turns a URL as a user typed it (any case, Unicode host, no port, `..` segments,
//! odd percent-escapes) into the canonical form the other HTTP Server API calls accept:
//!
//! - the scheme (`http` or `https`, any case) lower-cased;
//! - the host lower-cased; a Unicode host name turned into its punycode (`xn--`) labels (RFC 3492);
//!   IPv6 literals in their canonical text; `+` and `*` kept;
//! - the port made explicit (80 for http, 443 for https), since every UrlPrefix needs one;
//! - the path: `\` read as `/`, dot segments removed (RFC 3986 section 5.2.4), escapes of unreserved
//!   characters decoded, the other escapes upper-cased, and anything outside the URI character set
//!   (spaces, controls, non-ASCII as UTF-8) percent-encoded; an empty path becomes `/`;
//! - the query kept, with the same escaping of characters outside the URI set.
//!
//! Malformed input (no `scheme://`, another scheme, an empty or invalid host, a bad port, a broken
//! `%` escape) is `ERROR_INVALID_PARAMETER`.
use crate::win32::error::*;
use std::net::{Ipv4Addr, Ipv6Addr};

/// The canonical form of `url`.
pub fn prepare_url(url: &str) -> WinResult<String> {
    let colon = url.find("://").ok_or(ERROR_INVALID_PARAMETER)?;
    let scheme = url[..colon].to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    let rest = &url[colon + 3..];
    let end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    // A fragment never reaches a server: it is dropped, as a browser drops it.
    let tail = tail.split('#').next().unwrap_or("");
    let (path, query) = match tail.find('?') {
        Some(i) => (&tail[..i], Some(&tail[i + 1..])),
        None => (tail, None),
    };
    if authority.contains('@') {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let (host, port) = split_authority(authority)?;
    let host = canonical_host(host)?;
    let port = match port {
        None => default_port,
        Some(p) => {
            if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            match p.parse::<u32>() {
                Ok(n) if (1..=65535).contains(&n) => n,
                _ => return Err(ERROR_INVALID_PARAMETER),
            }
        }
    };
    let mut out = format!("{scheme}://{host}:{port}{}", canonical_path(path)?);
    if let Some(q) = query {
        out.push('?');
        out.push_str(&escape_part(q, true)?);
    }
    Ok(out)
}

fn split_authority(a: &str) -> WinResult<(&str, Option<&str>)> {
    if a.starts_with('[') {
        let close = a.find(']').ok_or(ERROR_INVALID_PARAMETER)?;
        let after = &a[close + 1..];
        return match after.strip_prefix(':') {
            Some(p) => Ok((&a[..close + 1], Some(p))),
            None if after.is_empty() => Ok((&a[..close + 1], None)),
            None => Err(ERROR_INVALID_PARAMETER),
        };
    }
    Ok(match a.rfind(':') {
        Some(i) => (&a[..i], Some(&a[i + 1..])),
        None => (a, None),
    })
}

fn canonical_host(h: &str) -> WinResult<String> {
    if h == "+" || h == "*" {
        return Ok(h.to_string());
    }
    if let Some(inner) = h.strip_prefix('[') {
        let inner = inner.strip_suffix(']').ok_or(ERROR_INVALID_PARAMETER)?;
        let a: Ipv6Addr = inner.parse().map_err(|_| ERROR_INVALID_PARAMETER)?;
        return Ok(format!("[{a}]"));
    }
    if h.is_empty() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if h.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let a: Ipv4Addr = h.parse().map_err(|_| ERROR_INVALID_PARAMETER)?;
        return Ok(a.to_string());
    }
    let lower = h.to_lowercase();
    let mut labels = Vec::new();
    for label in lower.split('.') {
        if label.is_empty() && labels.is_empty() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        if label.is_ascii() {
            if !label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
                return Err(ERROR_INVALID_PARAMETER);
            }
            labels.push(label.to_string());
        } else {
            if label.chars().any(|c| c.is_whitespace() || c.is_control() || "/\\?#@:%[]".contains(c)) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            labels.push(format!("xn--{}", punycode(label)));
        }
    }
    let out = labels.join(".");
    if out.len() > 255 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(out)
}

/// RFC 3492 encoding of one label (the part after `xn--`).
pub fn punycode(input: &str) -> String {
    const BASE: u32 = 36;
    const TMIN: u32 = 1;
    const TMAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    fn adapt(mut delta: u32, points: u32, first: bool) -> u32 {
        delta /= if first { DAMP } else { 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - TMIN) * TMAX) / 2 {
            delta /= BASE - TMIN;
            k += BASE;
        }
        k + (BASE - TMIN + 1) * delta / (delta + SKEW)
    }
    fn digit(d: u32) -> char {
        (if d < 26 { b'a' + d as u8 } else { b'0' + (d - 26) as u8 }) as char
    }
    let cps: Vec<u32> = input.chars().map(|c| c as u32).collect();
    let mut out: String = input.chars().filter(|c| c.is_ascii()).collect();
    let basic = out.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias) = (128u32, 0u32, 72u32);
    while (handled as usize) < cps.len() {
        let m = cps.iter().copied().filter(|&c| c >= n).min().expect("a code point not yet handled");
        delta = delta.saturating_add((m - n).saturating_mul(handled + 1));
        n = m;
        for &c in &cps {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        TMIN
                    } else if k >= bias + TMAX {
                        TMAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    out
}

fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// Characters a path or query may carry as they are (RFC 3986 pchar, sub-delims, `/`, and `?` in a query).
fn allowed(b: u8, query: bool) -> bool {
    unreserved(b)
        || matches!(b, b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b':' | b'@' | b'/')
        || (query && b == b'?')
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Escapes normalized: unreserved ones decoded, the others upper-cased; characters outside the URI set encoded.
fn escape_part(s: &str, query: bool) -> WinResult<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            let (h, l) = match (b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
                (Some(h), Some(l)) => (h, l),
                _ => return Err(ERROR_INVALID_PARAMETER),
            };
            let v = h * 16 + l;
            if unreserved(v) {
                out.push(v as char);
            } else {
                out.push_str(&format!("%{v:02X}"));
            }
            i += 3;
        } else if allowed(c, query) {
            out.push(c as char);
            i += 1;
        } else {
            out.push_str(&format!("%{c:02X}"));
            i += 1;
        }
    }
    Ok(out)
}

fn canonical_path(path: &str) -> WinResult<String> {
    let p = path.replace('\\', "/");
    let escaped = escape_part(&p, false)?;
    let p = if escaped.is_empty() { "/".to_string() } else { escaped };
    // Dot segments (RFC 3986 section 5.2.4); encoded dots were decoded above, so `%2e%2e` counts too.
    let mut segs: Vec<&str> = Vec::new();
    let parts: Vec<&str> = p[1..].split('/').collect();
    let last = parts.len() - 1;
    let mut trailing = false;
    for (i, s) in parts.iter().enumerate() {
        match *s {
            "." => trailing = i == last,
            ".." => {
                segs.pop();
                trailing = i == last;
            }
            s => {
                segs.push(s);
                trailing = false;
            }
        }
    }
    let mut out = format!("/{}", segs.join("/"));
    if trailing && !out.ends_with('/') {
        out.push('/');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_table() {
        let good = [
            ("http://www.Example.COM/", "http://www.example.com:80/"),
            ("HTTP://localhost", "http://localhost:80/"),
            ("https://LOCALHOST/a/b", "https://localhost:443/a/b"),
            ("http://localhost:8080/a/./b/../c/", "http://localhost:8080/a/c/"),
            ("http://localhost:81/a/..", "http://localhost:81/"),
            ("http://h:1/%7euser/%2f%41", "http://h:1/~user/%2FA"),
            ("http://h:1/a b", "http://h:1/a%20b"),
            ("http://h:1/\u{e9}", "http://h:1/%C3%A9"),
            ("http://h:1\\a\\b", "http://h:1/a/b"),
            ("http://h:1/p?x=1 2&y=%7e", "http://h:1/p?x=1%202&y=~"),
            ("http://h:1/p#frag", "http://h:1/p"),
            ("http://+:80/app/", "http://+:80/app/"),
            ("http://*:80/", "http://*:80/"),
            ("http://127.0.0.1/", "http://127.0.0.1:80/"),
            ("http://[0:0:0:0:0:0:0:1]:90/", "http://[::1]:90/"),
            ("http://b\u{fc}cher.example/", "http://xn--bcher-kva.example:80/"),
            ("http://\u{4f8b}\u{5b50}.\u{6d4b}\u{8bd5}/", "http://xn--fsqu00a.xn--0zwm56d:80/"),
        ];
        for (i, o) in good {
            assert_eq!(prepare_url(i).as_deref(), Ok(o), "{i}");
        }
        let bad = [
            "",
            "localhost",
            "ftp://h/",
            "http://",
            "http:///a",
            "http://h:0/",
            "http://h:65536/",
            "http://h:x/",
            "http://u@h/",
            "http://h/%zz",
            "http://h/%4",
            "http://[::1/",
            "http://[zz]/",
            "http://1.2.3.256/",
            "http://a b/",
        ];
        for i in bad {
            assert_eq!(prepare_url(i), Err(ERROR_INVALID_PARAMETER), "{i}");
        }
    }

    #[test]
    fn punycode_rfc_samples() {
        assert_eq!(punycode("bücher"), "bcher-kva");
        assert_eq!(punycode("münchen"), "mnchen-3ya");
        assert_eq!(punycode("例子"), "fsqu00a");
    }
}
