//! URL prefixes as http.sys parses and routes them ("UrlPrefix Strings" in the HTTP Server API docs):
//! `scheme://host:port/path/` with a lower-case scheme, an explicit port, and a path that ends in `/`.
//! The host is `+` (strong wildcard: every request on the port), `*` (weak wildcard: only requests no
//! other prefix takes), a host name (matched against the request's Host), or an IPv4/IPv6 literal
//! (matched against the address the connection arrived on).
//!
//! A request goes to the best match: first by class (strong, then explicit host or address, then
//! weak), and within a class to the longest matching path. Paths compare case-insensitively, and
//! `/app` reaches the prefix `/app/`.
use std::net::IpAddr;

/// The host part of a prefix, which also decides its routing class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    Strong,
    Weak,
    /// A host name, lower-cased.
    Name(String),
    Ip(IpAddr),
}

/// A parsed URL prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlPrefix {
    pub https: bool,
    pub host: Host,
    pub port: u16,
    /// The path, lower-cased, starting and ending with `/`.
    pub path: String,
}

/// Routing class: lower is preferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Strong = 0,
    Explicit = 1,
    Weak = 2,
}

fn valid_name(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 255
        && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_')
        && !h.starts_with('.')
}

/// Parses a fully qualified URL prefix; `None` when http.sys would answer `ERROR_INVALID_PARAMETER`.
pub fn parse_prefix(url: &str) -> Option<UrlPrefix> {
    let (https, rest) = if let Some(r) = url.strip_prefix("http://") {
        (false, r)
    } else if let Some(r) = url.strip_prefix("https://") {
        (true, r)
    } else {
        return None;
    };
    let slash = rest.find('/')?;
    let (authority, path) = rest.split_at(slash);
    if !path.ends_with('/') || path.contains(['?', '#', '\\']) || path.contains("//") {
        return None;
    }
    let (host_s, port_s) = if let Some(r) = authority.strip_prefix('[') {
        let close = r.find(']')?;
        let after = &r[close + 1..];
        (&authority[..close + 2], after.strip_prefix(':')?)
    } else {
        let colon = authority.rfind(':')?;
        (&authority[..colon], &authority[colon + 1..])
    };
    if port_s.is_empty() || port_s.len() > 5 || !port_s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let port: u32 = port_s.parse().ok()?;
    if port == 0 || port > 65535 {
        return None;
    }
    let host = match host_s {
        "+" => Host::Strong,
        "*" => Host::Weak,
        h if h.starts_with('[') => Host::Ip(IpAddr::V6(h[1..h.len() - 1].parse().ok()?)),
        h => match h.parse::<std::net::Ipv4Addr>() {
            Ok(a) => Host::Ip(IpAddr::V4(a)),
            Err(_) if valid_name(h) && !h.bytes().all(|b| b.is_ascii_digit() || b == b'.') => {
                Host::Name(h.to_ascii_lowercase())
            }
            Err(_) => return None,
        },
    };
    Some(UrlPrefix { https, host, port: port as u16, path: path.to_lowercase() })
}

impl UrlPrefix {
    /// The canonical text (for duplicate checks and removal).
    pub fn canonical(&self) -> String {
        let host = match &self.host {
            Host::Strong => "+".to_string(),
            Host::Weak => "*".to_string(),
            Host::Name(n) => n.clone(),
            Host::Ip(IpAddr::V4(a)) => a.to_string(),
            Host::Ip(IpAddr::V6(a)) => format!("[{a}]"),
        };
        format!("{}://{}:{}{}", if self.https { "https" } else { "http" }, host, self.port, self.path)
    }

    pub fn class(&self) -> Class {
        match self.host {
            Host::Strong => Class::Strong,
            Host::Weak => Class::Weak,
            _ => Class::Explicit,
        }
    }

    /// Whether a request matches: `host` is the request's host without port (lower-case), `local` the
    /// address the connection arrived on, `path` the cooked absolute path. Returns the rank to compare
    /// candidates with (lower wins).
    pub fn rank(&self, host: &str, local: IpAddr, path: &str) -> Option<(Class, std::cmp::Reverse<usize>)> {
        let host_ok = match &self.host {
            Host::Strong | Host::Weak => true,
            Host::Name(n) => n.eq_ignore_ascii_case(host),
            Host::Ip(ip) => *ip == local || canonical_ip(local) == *ip,
        };
        if !host_ok || !path_matches(&self.path, path) {
            return None;
        }
        Some((self.class(), std::cmp::Reverse(self.path.len())))
    }
}

/// An IPv4 address seen through a dual-stack socket (`::ffff:a.b.c.d`) compares as IPv4.
pub fn canonical_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

fn path_matches(prefix: &str, path: &str) -> bool {
    let p = path.as_bytes();
    let x = prefix.as_bytes();
    if p.len() >= x.len() {
        p[..x.len()].eq_ignore_ascii_case(x)
    } else {
        // "/app" reaches "/app/".
        p.len() + 1 == x.len() && p.eq_ignore_ascii_case(&x[..p.len()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_parsing_table() {
        let good: &[(&str, Host, u16, &str)] = &[
            ("http://+:80/", Host::Strong, 80, "/"),
            ("http://*:8080/app/", Host::Weak, 8080, "/app/"),
            ("http://LocalHost:1/A/b/", Host::Name("localhost".into()), 1, "/a/b/"),
            ("http://127.0.0.1:65535/", Host::Ip("127.0.0.1".parse().unwrap()), 65535, "/"),
            ("http://[::1]:81/x/", Host::Ip("::1".parse().unwrap()), 81, "/x/"),
            ("https://+:443/", Host::Strong, 443, "/"),
        ];
        for (s, host, port, path) in good {
            let p = parse_prefix(s).unwrap_or_else(|| panic!("{s} should parse"));
            assert_eq!((&p.host, p.port, p.path.as_str()), (host, *port, *path), "{s}");
        }
        let bad = [
            "http://localhost:50000",
            "localhost:50000",
            "localhost:50000/",
            "http://localhost/",
            "http://localhost:/",
            "http://localhost:0/",
            "http://localhost:65536/",
            "HTTP://localhost:80/",
            "ftp://localhost:80/",
            "http://:80/",
            "http://local host:80/",
            "http://localhost:80/a",
            "http://localhost:80/a?b/",
            "http://[::1:80/",
            "http://[zz]:80/",
            "http://1.2.3:80/",
            "http://localhost:8a/",
            "http://localhost:80//",
        ];
        for s in bad {
            assert!(parse_prefix(s).is_none(), "{s} should be refused");
        }
    }

    #[test]
    fn routing_table() {
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        let prefixes: Vec<UrlPrefix> = [
            "http://*:80/",
            "http://+:80/strong/",
            "http://example.com:80/",
            "http://example.com:80/deep/er/",
            "http://127.0.0.1:80/ip/",
        ]
        .iter()
        .map(|s| parse_prefix(s).unwrap())
        .collect();
        let rows: &[(&str, &str, Option<usize>)] = &[
            ("other", "/x", Some(0)),
            ("example.com", "/x", Some(2)),
            ("EXAMPLE.com", "/deep/er/file", Some(3)),
            ("example.com", "/deep/er", Some(3)),
            ("example.com", "/strong/a", Some(1)),
            ("other", "/Strong/", Some(1)),
            ("other", "/ip/a", Some(4)),
            ("example.com", "/ip/a", Some(4)),
        ];
        for (host, path, want) in rows {
            let best = prefixes
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.rank(host, local, path).map(|r| (r, i)))
                .min()
                .map(|(_, i)| i);
            assert_eq!(best, *want, "{host} {path}");
        }
    }
}
