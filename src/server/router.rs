//! Registered URL prefixes, the listeners they need, and the routing of each parsed request.
//!
//! One listener per port, shared by every queue and URL group with a prefix on it, opened when the
//! first prefix on the port is added and closed with the last. What it binds: `+`, `*` and host-name
//! prefixes need every address (0.0.0.0 and [::], the latter IPv6-only so both can coexist); when all
//! prefixes on a port are IP literals, only those addresses are bound. A port another process holds
//! gives `ERROR_SHARING_VIOLATION`; within this process ports are shared as http.sys shares them.
use super::queue::RequestQueue;
use super::request::{cook_path_into, split_target, Cooked};
use super::session;
use super::url::{canonical_ip, Host, UrlPrefix};
use crate::http1::request::RequestHead;
use crate::win32::error::*;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak};

/// Who receives the requests of a prefix.
pub enum Target {
    /// A v1 queue (`HttpAddUrl`).
    Queue(Weak<RequestQueue>),
    /// A URL group (`HttpAddUrlToUrlGroup`), which routes to the queue bound to it.
    Group(u64),
}

/// One registered prefix.
pub struct Registration {
    pub prefix: UrlPrefix,
    pub text: String,
    pub target: Target,
    pub context: u64,
}

struct PortListener {
    addrs: Vec<IpAddr>,
    /// An `https://` port: connections go through the TLS handshake first.
    https: bool,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

#[derive(Default)]
struct Router {
    regs: Vec<Arc<Registration>>,
    ports: HashMap<u16, PortListener>,
}

static ROUTER: once_cell::sync::Lazy<Mutex<Router>> = once_cell::sync::Lazy::new(Default::default);
/// The routing snapshot the connections read (swapped whole on every change: no lock per request
/// beyond one `Arc` clone).
static SNAPSHOT: once_cell::sync::Lazy<parking_lot::RwLock<Arc<Vec<Arc<Registration>>>>> =
    once_cell::sync::Lazy::new(Default::default);
/// Bumped after every new snapshot: a connection's [`RouteMemo`] from an older one is not used.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Every registered prefix now (the routing snapshot).
pub fn registrations() -> Arc<Vec<Arc<Registration>>> {
    SNAPSHOT.read().clone()
}

fn wanted_addrs(regs: &[Arc<Registration>], port: u16) -> Vec<IpAddr> {
    let mut ips = Vec::new();
    for r in regs.iter().filter(|r| r.prefix.port == port) {
        match r.prefix.host {
            Host::Ip(ip) => {
                if !ips.contains(&ip) {
                    ips.push(ip)
                }
            }
            _ => return vec![IpAddr::V4(Ipv4Addr::UNSPECIFIED), IpAddr::V6(Ipv6Addr::UNSPECIFIED)],
        }
    }
    ips
}

fn bind(addr: SocketAddr) -> std::io::Result<std::net::TcpListener> {
    use socket2::{Domain, Socket, Type};
    let s = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    if addr.is_ipv6() {
        s.set_only_v6(true)?;
    }
    s.set_reuse_address(true)?;
    s.bind(&addr.into())?;
    s.listen(1024)?;
    s.set_nonblocking(true)?;
    Ok(s.into())
}

async fn accept_loop(listener: tokio::net::TcpListener, https: bool) {
    loop {
        match listener.accept().await {
            Ok((stream, peer)) if https => {
                tokio::spawn(super::tls::serve(stream, peer));
            }
            Ok((stream, peer)) => match stream.into_std() {
                Ok(s) => super::connection::Connection::start(s, peer),
                Err(e) => tracing::warn!(target: "winhttpapi::httpapi", "accepted socket unusable: {e}"),
            },
            Err(e) => {
                tracing::warn!(target: "winhttpapi::httpapi", "accept failed: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        }
    }
}

fn close_listener(l: PortListener) {
    for t in &l.tasks {
        t.abort();
    }
    // Wait until the tasks (and their sockets) are gone, so the port can be bound again at once.
    crate::runtime::block_on(async move {
        for t in l.tasks {
            let _ = t.await;
        }
    });
}

fn open_listener(port: u16, addrs: &[IpAddr], https: bool) -> WinResult<PortListener> {
    let _enter = crate::runtime::handle().enter();
    let mut tasks = Vec::new();
    let mut bound = Vec::new();
    for ip in addrs {
        let addr = SocketAddr::new(*ip, port);
        match bind(addr) {
            Ok(l) => {
                let l = tokio::net::TcpListener::from_std(l).map_err(Win32Error::from)?;
                tasks.push(crate::runtime::handle().spawn(accept_loop(l, https)));
                bound.push(*ip);
            }
            // No IPv6 on this machine: the IPv4 socket serves alone.
            Err(e) if ip.is_ipv6() && ip.is_unspecified() && e.raw_os_error() != Some(libc::EADDRINUSE) => {}
            Err(e) => {
                tracing::debug!(target: "winhttpapi::httpapi", "bind {addr} failed: {e}");
                close_listener(PortListener { addrs: bound, https, tasks });
                return Err(match e.raw_os_error() {
                    Some(libc::EADDRINUSE) => ERROR_SHARING_VIOLATION,
                    Some(libc::EACCES) | Some(libc::EPERM) => ERROR_ACCESS_DENIED,
                    Some(libc::EADDRNOTAVAIL) => ERROR_INVALID_PARAMETER,
                    _ => Win32Error::from(e),
                });
            }
        }
    }
    Ok(PortListener { addrs: addrs.to_vec(), https, tasks })
}

/// Brings the listener of `port` in line with the registrations.
fn sync_port(r: &mut Router, port: u16) -> WinResult<()> {
    let want = wanted_addrs(&r.regs, port);
    let https = r.regs.iter().any(|x| x.prefix.port == port && x.prefix.https);
    if r.ports.get(&port).map(|l| (&l.addrs, l.https)) == Some((&want, https)) {
        return Ok(());
    }
    let old = r.ports.remove(&port);
    let old_addrs = old.as_ref().map(|l| (l.addrs.clone(), l.https));
    if let Some(l) = old {
        close_listener(l);
    }
    if want.is_empty() {
        return Ok(());
    }
    match open_listener(port, &want, https) {
        Ok(l) => {
            r.ports.insert(port, l);
            Ok(())
        }
        Err(e) => {
            if let Some((a, h)) = old_addrs {
                if let Ok(l) = open_listener(port, &a, h) {
                    r.ports.insert(port, l);
                }
            }
            Err(e)
        }
    }
}

fn publish(r: &Router) {
    *SNAPSHOT.write() = Arc::new(r.regs.clone());
    GENERATION.fetch_add(1, Ordering::AcqRel);
}

/// Adds a prefix: `ERROR_ALREADY_EXISTS` when any queue or group has it already, or when the port
/// serves the other scheme (HttpAddUrl remarks: "http" and "https" cannot share a port).
pub fn register(prefix: UrlPrefix, target: Target, context: u64) -> WinResult<Arc<Registration>> {
    let text = prefix.canonical();
    let mut r = ROUTER.lock();
    if r.regs.iter().any(|x| x.text == text || (x.prefix.port == prefix.port && x.prefix.https != prefix.https)) {
        return Err(ERROR_ALREADY_EXISTS);
    }
    let port = prefix.port;
    let reg = Arc::new(Registration { prefix, text, target, context });
    r.regs.push(reg.clone());
    if let Err(e) = sync_port(&mut r, port) {
        r.regs.retain(|x| !Arc::ptr_eq(x, &reg));
        return Err(e);
    }
    publish(&r);
    Ok(reg)
}

/// Parses a prefix to register. A prefix without its trailing slash is not one (`ERROR_INVALID_PARAMETER`),
/// except that http.sys first answers `ERROR_ALREADY_EXISTS` when the same prefix with the slash is
/// already registered (`.../barfoo` while `.../barfoo/` is taken).
pub fn parse_for_register(url: &str) -> WinResult<UrlPrefix> {
    if let Some(p) = super::url::parse_prefix(url) {
        return Ok(p);
    }
    let slashed = super::url::parse_prefix(&format!("{url}/")).ok_or(ERROR_INVALID_PARAMETER)?;
    let text = slashed.canonical();
    if slashed.path != "/" && ROUTER.lock().regs.iter().any(|x| x.text == text) {
        return Err(ERROR_ALREADY_EXISTS);
    }
    Err(ERROR_INVALID_PARAMETER)
}

/// Removes prefixes (closing their port's listener with the last one).
pub fn unregister(regs: &[Arc<Registration>]) {
    if regs.is_empty() {
        return;
    }
    let mut r = ROUTER.lock();
    r.regs.retain(|x| !regs.iter().any(|g| Arc::ptr_eq(g, x)));
    let mut ports: Vec<u16> = regs.iter().map(|g| g.prefix.port).collect();
    ports.dedup();
    for p in ports {
        let _ = sync_port(&mut r, p);
    }
    publish(&r);
}

/// Where a parsed request goes.
pub enum Routed {
    /// `group`: the URL group whose prefix matched (0 for a v1 queue prefix).
    Queue { queue: Arc<RequestQueue>, context: u64, cooked: Arc<Cooked>, group: u64 },
    /// Answered by the engine: 400 (bad Host), 404 (no prefix), 503 (group/queue unbound or disabled).
    Reject(u16),
}

fn split_host_port(h: &str) -> Option<(&str, Option<&str>)> {
    if let Some(r) = h.strip_prefix('[') {
        let close = r.find(']')?;
        let after = &r[close + 1..];
        let port = match after.strip_prefix(':') {
            Some(p) => Some(p),
            None if after.is_empty() => None,
            None => return None,
        };
        return Some((&h[..close + 2], port));
    }
    match h.rfind(':') {
        Some(i) => Some((&h[..i], Some(&h[i + 1..]))),
        None => Some((h, None)),
    }
}

/// A connection's last routing: the prefix chosen and the cooked URL for one Host and target. A
/// keep-alive client usually asks for the same URL again, which then costs no ranking of prefixes and
/// no new cooked URL (routing depends on nothing else that can change while the prefixes stay the same:
/// the local address and the scheme are the connection's).
pub struct RouteMemo {
    generation: u64,
    /// The Host value (when there was one) followed by the target.
    key: Vec<u8>,
    /// Length of the Host value in `key`; `usize::MAX` for no Host.
    host_len: usize,
    reg: Arc<Registration>,
    /// The registration's URL group (`None`: a v1 queue's prefix, or a group closed meanwhile).
    group: Option<Arc<session::UrlGroup>>,
    /// The group's binding as last seen ([`session::UrlGroup::queue_via`]).
    bound: (u64, Weak<RequestQueue>),
    cooked: Arc<Cooked>,
}

/// Keys longer than this are not remembered (an idle connection stays small).
const MEMO_KEY_MAX: usize = 512;

impl RouteMemo {
    fn matches(&self, head: &RequestHead, generation: u64) -> bool {
        let target = head.target();
        self.generation == generation
            && match head.host() {
                Some(h) => self.host_len == h.len() && self.key[..h.len()] == *h && self.key[h.len()..] == *target,
                None => self.host_len == usize::MAX && self.key == target,
            }
    }

    fn remember(
        memo: &mut Option<Box<RouteMemo>>,
        head: &RequestHead,
        generation: u64,
        reg: &Arc<Registration>,
        cooked: &Arc<Cooked>,
    ) {
        let host = head.host();
        let target = head.target();
        if host.map_or(0, <[u8]>::len) + target.len() > MEMO_KEY_MAX {
            *memo = None;
            return;
        }
        let m = memo.get_or_insert_with(|| {
            Box::new(RouteMemo {
                generation,
                key: Vec::new(),
                host_len: 0,
                reg: reg.clone(),
                group: None,
                bound: (u64::MAX, Weak::new()),
                cooked: cooked.clone(),
            })
        });
        m.generation = generation;
        m.key.clear();
        m.host_len = match host {
            Some(h) => {
                m.key.extend_from_slice(h);
                h.len()
            }
            None => usize::MAX,
        };
        m.key.extend_from_slice(target);
        m.reg = reg.clone();
        m.group = match reg.target {
            Target::Group(id) => session::url_group(id),
            Target::Queue(_) => None,
        };
        m.bound = (u64::MAX, Weak::new());
        m.cooked = cooked.clone();
    }

    /// [`accepting_queue`] of the remembered registration.
    fn queue(&mut self) -> Option<Arc<RequestQueue>> {
        match (&self.reg.target, &self.group) {
            (Target::Group(_), Some(g)) => g.queue_via(&mut self.bound).filter(|q| q.accepting()),
            (Target::Group(_), None) => None,
            (Target::Queue(_), _) => accepting_queue(&self.reg),
        }
    }
}

/// The queue a registration hands its requests to now, if it takes them.
fn accepting_queue(reg: &Registration) -> Option<Arc<RequestQueue>> {
    let queue = match &reg.target {
        Target::Queue(w) => w.upgrade(),
        Target::Group(id) => session::group_queue(*id),
    };
    queue.filter(|q| q.accepting())
}

fn group_of(reg: &Registration) -> u64 {
    if let Target::Group(id) = &reg.target {
        *id
    } else {
        0
    }
}

/// Routes a request that arrived on `local` (`https`: over TLS). `memo`: the connection's last
/// routing, used when it fits and replaced when a new one succeeds.
pub fn route(head: &RequestHead, local: SocketAddr, https: bool, memo: &mut Option<Box<RouteMemo>>) -> Routed {
    let generation = GENERATION.load(Ordering::Acquire);
    if let Some(m) = memo.as_deref_mut().filter(|m| m.matches(head, generation)) {
        return match m.queue() {
            Some(queue) => {
                Routed::Queue { queue, context: m.reg.context, cooked: m.cooked.clone(), group: group_of(&m.reg) }
            }
            None => Routed::Reject(503),
        };
    }
    let (authority, raw_path, query) = split_target(head.target());
    let port = local.port();
    let local_ip = canonical_ip(local.ip());
    let local_text;
    let host_text: &str = match authority.or(head.host()) {
        Some(h) => match std::str::from_utf8(h) {
            Ok(s) if !s.is_empty() && !s.contains(['/', '@', ' ']) => s,
            _ => return Routed::Reject(400),
        },
        None => {
            local_text = match local_ip {
                IpAddr::V4(a) => a.to_string(),
                IpAddr::V6(a) => format!("[{a}]"),
            };
            &local_text
        }
    };
    let (name, given_port) = match split_host_port(host_text) {
        Some(x) => x,
        None => return Routed::Reject(400),
    };
    if let Some(p) = given_port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 5 {
            return Routed::Reject(400);
        }
    }
    let route_host = name.trim_start_matches('[').trim_end_matches(']');
    // The cooked URL, built once: scheme and host, the decoded path, the query.
    let scheme = if https { "https://" } else { "http://" };
    let mut url = String::with_capacity(scheme.len() + host_text.len() + 6 + raw_path.len() + query.len());
    url.push_str(scheme);
    url.push_str(host_text);
    if given_port.is_none() {
        url.push(':');
        let mut digits = [0u8; 5];
        let mut n = port;
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        url.push_str(std::str::from_utf8(&digits[i..]).expect("digits"));
    }
    let path_at = url.len();
    cook_path_into(raw_path, &mut url);
    let query_at = url.len();
    let path = &url[path_at..query_at];
    let snapshot = SNAPSHOT.read().clone();
    let best = snapshot
        .iter()
        .filter(|r| r.prefix.port == port)
        .filter_map(|r| r.prefix.rank(route_host, local_ip, path).map(|k| (k, r)))
        .min_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, r)| r.clone());
    let reg = match best {
        Some(r) => r,
        None => return Routed::Reject(404),
    };
    let Some(queue) = accepting_queue(&reg) else { return Routed::Reject(503) };
    match std::str::from_utf8(query) {
        Ok(q) => url.push_str(q),
        Err(_) => url.push_str(&String::from_utf8_lossy(query)),
    }
    // HTTP_COOKED_URL's lengths are USHORT bytes: a URL whose WCHARs (4 bytes a character at most, in
    // either width) could pass 65535 bytes would reach the application with wrapped lengths.
    if url.len() * 4 > u16::MAX as usize && url.chars().count() * 4 > u16::MAX as usize {
        return Routed::Reject(414);
    }
    let cooked = Arc::new(Cooked::new(url, path_at, query_at));
    RouteMemo::remember(memo, head, generation, &reg, &cooked);
    Routed::Queue { queue, context: reg.context, cooked, group: group_of(&reg) }
}

/// Whether a registration hands its requests to `queue` (directly, or through its bound URL group).
fn reaches(reg: &Registration, queue: &Arc<RequestQueue>) -> bool {
    match &reg.target {
        Target::Queue(w) => std::ptr::eq(w.as_ptr(), Arc::as_ptr(queue)),
        Target::Group(id) => session::group_queue(*id).is_some_and(|q| Arc::ptr_eq(&q, queue)),
    }
}

/// The registrations of `queue` that a full URL in `HttpPrepareUrl` form (`scheme://host:port/path`)
/// falls under, best match first (the order routing uses).
fn matches_for_queue(queue: &Arc<RequestQueue>, url: &str) -> Vec<Arc<Registration>> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Vec::new();
    };
    let https = scheme.eq_ignore_ascii_case("https");
    let slash = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(slash);
    let path = path.split('?').next().unwrap_or("/");
    let path = if path.is_empty() { "/" } else { path };
    let Some((host, Some(port))) = split_host_port(authority) else {
        return Vec::new();
    };
    let Ok(port) = port.parse::<u16>() else {
        return Vec::new();
    };
    let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
    let ip = host.parse::<IpAddr>().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let regs = SNAPSHOT.read().clone();
    let mut hits: Vec<_> = regs
        .iter()
        .filter(|r| r.prefix.port == port && r.prefix.https == https && reaches(r, queue))
        .filter_map(|r| r.prefix.rank(&host, ip, path).map(|k| (k, r.clone())))
        .collect();
    hits.sort_by_key(|h| h.0);
    hits.into_iter().map(|(_, r)| r).collect()
}

/// Whether `url` (in `HttpPrepareUrl` form) lies inside a prefix `queue` registered, itself or through
/// a URL group bound to it (the fragment cache's naming rule).
pub fn queue_owns_url(queue: &Arc<RequestQueue>, url: &str) -> bool {
    !matches_for_queue(queue, url).is_empty()
}

/// `HttpFindUrlGroupId`: the URL group whose prefix routes `url` (in `HttpPrepareUrl` form) to `queue`.
pub fn find_group(queue: &Arc<RequestQueue>, url: &str) -> Option<u64> {
    matches_for_queue(queue, url).iter().find_map(|r| match r.target {
        Target::Group(id) => Some(id),
        Target::Queue(_) => None,
    })
}
