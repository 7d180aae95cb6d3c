//! Sessions (`WinHttpOpen`): the user agent, proxy settings, default options, the keep-alive
//! connection pool and the cookie jar shared by every request of the session.
//!
//! Operations: [`Session::new`], the pool ([`Session::take_idle`], [`Session::put_idle`],
//! [`Session::acquire_slot`]), cookies ([`Session::cookie_header`], [`Session::store_cookies`]), and
//! the options of `WinHttpSetOption`/`WinHttpQueryOption` on a session handle (see `options.rs`).
use super::conn::{Conn, Timeouts};
use crate::win32::handle::{self, KernelObject, RawHandle};
use parking_lot::{Condvar, Mutex};
use std::sync::atomic::AtomicUsize;

pub const WINHTTP_ACCESS_TYPE_DEFAULT_PROXY: u32 = 0;
pub const WINHTTP_ACCESS_TYPE_NO_PROXY: u32 = 1;
pub const WINHTTP_ACCESS_TYPE_NAMED_PROXY: u32 = 3;
pub const WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY: u32 = 4;
pub const WINHTTP_FLAG_ASYNC: u32 = 0x1000_0000;

pub const WINHTTP_DISABLE_COOKIES: u32 = 1;
pub const WINHTTP_DISABLE_REDIRECTS: u32 = 2;
pub const WINHTTP_DISABLE_AUTHENTICATION: u32 = 4;
pub const WINHTTP_DISABLE_KEEP_ALIVE: u32 = 8;

pub const REDIRECT_POLICY_NEVER: u32 = 0;
pub const REDIRECT_POLICY_DISALLOW_HTTPS_TO_HTTP: u32 = 1;
pub const REDIRECT_POLICY_ALWAYS: u32 = 2;

/// Options a request copies from its session when it is opened (Windows semantics: setting a session
/// option later does not change requests already open).
#[derive(Clone, Debug)]
pub struct Settings {
    pub timeouts: Timeouts,
    pub redirect_policy: u32,
    pub max_redirects: u32,
    pub decompression: u32,
    pub disabled: u32,
    pub max_header_size: u32,
    pub max_drain_size: u32,
    pub max_conns_per_server: u32,
    pub security_flags: u32,
    pub connect_retries: u32,
    pub http_version: (u32, u32),
    /// `WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE`: interim 1xx responses skipped before a final one.
    pub max_status_continue: u32,
    /// `WINHTTP_OPTION_ENABLE_FEATURE` bits (kept; see docs/porting.md for what they change).
    pub enabled: u32,
    /// `WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET` was set (request handles): the handshake key.
    pub websocket_key: Option<String>,
    /// WebSocket close timeout (s), keep-alive interval (ms), receive and send buffer sizes.
    pub websocket_tuning: [u32; 4],
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            timeouts: Timeouts::default(),
            redirect_policy: REDIRECT_POLICY_DISALLOW_HTTPS_TO_HTTP,
            max_redirects: 10,
            decompression: 0,
            disabled: 0,
            max_header_size: 64 * 1024,
            max_drain_size: 1024 * 1024,
            max_conns_per_server: u32::MAX,
            security_flags: 0,
            connect_retries: 5,
            http_version: (1, 1),
            max_status_continue: 10,
            enabled: 0,
            websocket_key: None,
            websocket_tuning: [10, 30_000, 8192, 8192],
        }
    }
}

/// A proxy (`host:port`) and its bypass list.
#[derive(Clone, Debug, Default)]
pub struct ProxyConfig {
    pub access_type: u32,
    pub proxy: Option<String>,
    pub bypass: Option<String>,
}

impl ProxyConfig {
    /// The proxy to use for `host` (scheme-specific entries like `http=p:8080` are honoured), or None.
    pub fn proxy_for(&self, host: &str, secure: bool) -> Option<(String, u16)> {
        if self.access_type != WINHTTP_ACCESS_TYPE_NAMED_PROXY {
            return None;
        }
        let list = self.proxy.as_deref()?;
        if let Some(b) = self.bypass.as_deref() {
            for pat in b.split([';', ' ']).filter(|p| !p.is_empty()) {
                let local = pat.eq_ignore_ascii_case("<local>") && !host.contains('.');
                let matches = if let Some(suffix) = pat.strip_prefix('*') {
                    host.to_ascii_lowercase().ends_with(&suffix.to_ascii_lowercase())
                } else {
                    pat.eq_ignore_ascii_case(host)
                };
                if local || matches {
                    return None;
                }
            }
        }
        let want = if secure { "https" } else { "http" };
        let mut chosen = None;
        for entry in list.split([';', ' ']).filter(|e| !e.is_empty()) {
            match entry.split_once('=') {
                Some((scheme, p)) if scheme.eq_ignore_ascii_case(want) => {
                    chosen = Some(p);
                    break;
                }
                Some(_) => {}
                None => {
                    if chosen.is_none() {
                        chosen = Some(entry)
                    }
                }
            }
        }
        let p = chosen?;
        let p = p.strip_prefix("http://").unwrap_or(p);
        let p = p.trim_end_matches('/');
        match p.rsplit_once(':') {
            Some((h, port)) if !h.is_empty() && port.parse::<u16>().is_ok() => {
                Some((h.to_string(), port.parse().unwrap()))
            }
            _ => Some((p.to_string(), 80)),
        }
    }
}

/// Where a pooled connection goes: scheme, host, port, and the proxy it goes through.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Origin {
    pub secure: bool,
    pub host: String,
    pub port: u16,
    pub proxy: Option<(String, u16)>,
    /// The `SECURITY_FLAG_IGNORE_*` bits a TLS connection was verified under: a connection accepted
    /// with a relaxed check must not carry a request that asked for the full check.
    pub relaxed: u32,
}

/// Per-origin lists, searched linearly: a session talks to a handful of origins, and comparing a few
/// keys is cheaper than hashing one on every request.
struct ByOrigin<T>(Vec<(Origin, T)>);

impl<T: Default> ByOrigin<T> {
    fn get_mut(&mut self, o: &Origin) -> Option<&mut T> {
        self.0.iter_mut().find(|(k, _)| k == o).map(|(_, v)| v)
    }
    fn get(&self, o: &Origin) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == o).map(|(_, v)| v)
    }
    fn entry(&mut self, o: &Origin) -> &mut T {
        match self.0.iter().position(|(k, _)| k == o) {
            Some(i) => &mut self.0[i].1,
            None => {
                self.0.push((o.clone(), T::default()));
                &mut self.0.last_mut().expect("just pushed").1
            }
        }
    }
    fn clear(&mut self) {
        self.0.clear();
    }
}

impl<T> Default for ByOrigin<T> {
    fn default() -> Self {
        ByOrigin(Vec::new())
    }
}

#[derive(Default)]
struct Pool {
    idle: ByOrigin<Vec<Conn>>,
    active: ByOrigin<u32>,
    /// Asynchronous requests waiting in [`Session::acquire_slot_async`].
    async_waiters: usize,
}

/// One cookie as the jar keeps it.
#[derive(Clone, Debug)]
struct Cookie {
    host: String,
    path: String,
    name: String,
    value: String,
}

/// A session handle's object.
pub struct Session {
    pub agent: Mutex<String>,
    pub proxy: Mutex<ProxyConfig>,
    pub flags: u32,
    pub settings: Mutex<Settings>,
    pub context: AtomicUsize,
    pool: Mutex<Pool>,
    pool_freed: Condvar,
    /// The same signal for asynchronous requests, which wait on the runtime, not on a thread.
    pool_freed_async: tokio::sync::Notify,
    cookies: Mutex<Vec<Cookie>>,
    /// Connect handles opened on this session, closed with it.
    pub children: Mutex<Vec<RawHandle>>,
}

impl Session {
    pub fn new(agent: String, proxy: ProxyConfig, flags: u32) -> Session {
        Session {
            agent: Mutex::new(agent),
            proxy: Mutex::new(proxy),
            flags,
            settings: Mutex::new(Settings::default()),
            context: AtomicUsize::new(0),
            pool: Mutex::new(Pool::default()),
            pool_freed: Condvar::new(),
            pool_freed_async: tokio::sync::Notify::new(),
            cookies: Mutex::new(Vec::new()),
            children: Mutex::new(Vec::new()),
        }
    }

    pub fn is_async(&self) -> bool {
        self.flags & WINHTTP_FLAG_ASYNC != 0
    }

    /// A usable idle connection to `origin`, if the pool has one (stale ones are dropped here).
    pub fn take_idle(&self, origin: &Origin) -> Option<Conn> {
        let mut pool = self.pool.lock();
        loop {
            let c = pool.idle.get_mut(origin)?.pop()?;
            if c.is_idle_usable() {
                return Some(c);
            }
            // Closed or chattering: the server moved on; a new connection will be made.
            release_slot(&mut pool, origin);
            self.signal_freed(&pool);
        }
    }

    /// Counts a new connection to `origin` against `WINHTTP_OPTION_MAX_CONNS_PER_SERVER`, waiting
    /// (up to the connect timeout) for one to be released when the limit is reached.
    pub fn acquire_slot(&self, origin: &Origin, max: u32, timeout_ms: u32) -> crate::win32::error::WinResult<()> {
        let mut pool = self.pool.lock();
        let deadline = std::time::Instant::now()
            + std::time::Duration::from_millis(if timeout_ms == 0 { u64::MAX / 4 } else { timeout_ms as u64 });
        loop {
            let n = pool.active.get(origin).copied().unwrap_or(0);
            if max == 0 || n < max {
                *pool.active.entry(origin) += 1;
                return Ok(());
            }
            // An idle connection can be closed to make room.
            if let Some(list) = pool.idle.get_mut(origin) {
                if list.pop().is_some() {
                    release_slot(&mut pool, origin);
                    continue;
                }
            }
            if self.pool_freed.wait_until(&mut pool, deadline).timed_out() {
                return Err(crate::win32::error::ERROR_WINHTTP_TIMEOUT);
            }
        }
    }

    /// Asynchronous form of [`Session::acquire_slot`]: the request waits on the runtime (no thread
    /// is held while the limit is reached). `Some(conn)`: an idle connection to `origin` came back
    /// meanwhile; it keeps its slot and carries the request (rather than being closed for a new one).
    pub async fn acquire_slot_async(
        &self,
        origin: &Origin,
        max: u32,
        timeout_ms: u32,
    ) -> crate::win32::error::WinResult<Option<Conn>> {
        let deadline = (timeout_ms != 0)
            .then(|| tokio::time::Instant::now() + std::time::Duration::from_millis(timeout_ms as u64));
        loop {
            let freed = self.pool_freed_async.notified();
            tokio::pin!(freed);
            {
                let mut pool = self.pool.lock();
                let n = pool.active.get(origin).copied().unwrap_or(0);
                if max == 0 || n < max {
                    *pool.active.entry(origin) += 1;
                    return Ok(None);
                }
                if let Some(c) = pool.idle.get_mut(origin).and_then(|l| l.pop()) {
                    if c.is_idle_usable() {
                        return Ok(Some(c));
                    }
                    release_slot(&mut pool, origin);
                    continue;
                }
                // Registered under the pool lock: a release after it is not missed.
                freed.as_mut().enable();
                pool.async_waiters += 1;
            }
            // Counted out however the wait ends (also when the step is dropped by WinHttpCloseHandle).
            let _waiting = Waiting(self);
            let woke = match deadline {
                None => {
                    freed.await;
                    true
                }
                Some(d) => tokio::time::timeout_at(d, freed).await.is_ok(),
            };
            if !woke {
                return Err(crate::win32::error::ERROR_WINHTTP_TIMEOUT);
            }
        }
    }

    /// A slot or an idle connection was freed: wakes one synchronous waiter and every asynchronous
    /// one (they recheck; a release is rare next to the cost of a missed wake-up).
    fn signal_freed(&self, pool: &Pool) {
        self.pool_freed.notify_one();
        if pool.async_waiters > 0 {
            self.pool_freed_async.notify_waiters();
        }
    }

    /// Forgets a connection that was closed (not returned to the pool).
    pub fn drop_conn(&self, origin: &Origin, conn: Option<Conn>) {
        drop(conn);
        let mut pool = self.pool.lock();
        release_slot(&mut pool, origin);
        self.signal_freed(&pool);
    }

    /// Returns a connection whose response was fully read, for the next request to the same origin.
    pub fn put_idle(&self, origin: &Origin, mut conn: Conn) {
        conn.reused = true;
        let mut pool = self.pool.lock();
        pool.idle.entry(origin).push(conn);
        self.signal_freed(&pool);
    }

    /// Connections (in use or idle) to `host`:`port`, over TLS or not (`WinHttpQueryConnectionGroup`).
    pub fn connection_count(&self, host: &str, port: u16, secure: bool) -> u32 {
        let pool = self.pool.lock();
        pool.active
            .0
            .iter()
            .filter(|(o, _)| o.secure == secure && o.port == port && o.host.eq_ignore_ascii_case(host))
            .map(|(_, n)| *n)
            .sum()
    }

    /// The `Cookie` header value for a request, or None.
    pub fn cookie_header(&self, host: &str, path: &str) -> Option<String> {
        let jar = self.cookies.lock();
        let v: Vec<String> = jar
            .iter()
            .filter(|c| c.host.eq_ignore_ascii_case(host) && path.starts_with(&c.path))
            .map(|c| format!("{}={}", c.name, c.value))
            .collect();
        (!v.is_empty()).then(|| v.join("; "))
    }

    /// Keeps the cookies of a response's `Set-Cookie` headers (name, value, Path; an expired or
    /// `Max-Age=0` cookie is removed).
    pub fn store_cookies<'a>(&self, host: &str, request_path: &str, set_cookies: impl Iterator<Item = &'a str>) {
        let mut jar = self.cookies.lock();
        for sc in set_cookies {
            let mut parts = sc.split(';');
            let Some((name, value)) = parts.next().and_then(|nv| nv.split_once('=')) else { continue };
            let name = name.trim().to_string();
            if name.is_empty() {
                continue;
            }
            let mut path = request_path
                .rsplit_once('/')
                .map(|(p, _)| if p.is_empty() { "/" } else { p })
                .unwrap_or("/")
                .to_string();
            let mut remove = false;
            for attr in parts {
                let (k, v) = attr.split_once('=').unwrap_or((attr, ""));
                let k = k.trim();
                if k.eq_ignore_ascii_case("path") && v.trim().starts_with('/') {
                    path = v.trim().to_string();
                } else if k.eq_ignore_ascii_case("max-age") && v.trim().parse::<i64>().is_ok_and(|n| n <= 0) {
                    remove = true;
                }
            }
            jar.retain(|c| !(c.host.eq_ignore_ascii_case(host) && c.name == name && c.path == path));
            if !remove {
                jar.push(Cookie { host: host.to_string(), path, name, value: value.trim().to_string() });
            }
        }
    }
}

/// One asynchronous waiter of [`Session::acquire_slot_async`], counted while it lives.
struct Waiting<'a>(&'a Session);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.pool.lock().async_waiters -= 1;
    }
}

fn release_slot(pool: &mut Pool, origin: &Origin) {
    if let Some(n) = pool.active.get_mut(origin) {
        *n = n.saturating_sub(1);
    }
}

impl KernelObject for Session {
    fn kind(&self) -> &'static str {
        "winhttp session"
    }
    /// Closing a session closes its connect handles (and through them their requests), as Windows does.
    fn on_close(&self) {
        let children = std::mem::take(&mut *self.children.lock());
        for h in children {
            let _ = handle::close(h);
        }
        self.pool.lock().idle.clear();
    }
}
