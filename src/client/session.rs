//! Sessions (`WinHttpOpen`): the user agent, proxy settings, default options, the keep-alive
//! connection pool and the cookie jar shared by every request of the session.
//!
//! Operations: [`Session::new`], the pool ([`Session::take_idle`], [`Session::put_idle`],
//! [`Session::set_own_pool`] and [`Session::close_own_pool`] for `WINHTTP_OPTION_DISABLE_GLOBAL_POOLING`,
//! [`Session::acquire_slot`]), cookies ([`Session::cookie_header`], [`Session::store_cookies`]), and
//! the options of `WinHttpSetOption`/`WinHttpQueryOption` on a session handle (see `options.rs`).
use super::conn::{Conn, Timeouts};
use crate::client::abi::{REDIRECT_POLICY_DISALLOW_HTTPS_TO_HTTP, WINHTTP_ACCESS_TYPE_NAMED_PROXY, WINHTTP_FLAG_ASYNC};
use crate::win32::handle::{KernelObject, RawHandle};
use parking_lot::Mutex;
use std::sync::atomic::AtomicUsize;

/// Windows' idle timeout of pooled connections (HTTP/1.1, HTTP/2 and HTTP/3 alike): one minute.
pub const DEFAULT_IDLE_TIMEOUT: u32 = 60_000;

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
    /// `WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET` was set (request handles).
    pub websocket: bool,
    /// The handshake key of the last send (chosen anew by each send of a WebSocket request).
    pub websocket_key: Option<String>,
    /// WebSocket close timeout (s), keep-alive interval (ms), receive and send buffer sizes.
    pub websocket_tuning: [u32; 4],
    /// `WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL` (`WINHTTP_PROTOCOL_FLAG_HTTP2`: offer `h2` by ALPN).
    pub http_protocol: u32,
    /// `WINHTTP_OPTION_HTTP2_KEEPALIVE` (ms, 0: no pings) and `WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW`
    /// (the stream window, 0: the default), applied to a new HTTP/2 connection.
    pub h2_keepalive: u32,
    pub h2_window: u32,
    /// The `ulStreamWindowUpdateDelta` of `WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW` (0: the h2 crate's own
    /// rule): a stream's WINDOW_UPDATE goes out once that many body bytes have been read.
    pub h2_delta: u32,
    /// `WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT` (ms): an idle pooled HTTP/1.1 connection is not used
    /// again after it, an HTTP/2 connection without a stream for that long is closed (GOAWAY).
    pub idle_timeout: u32,
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
            websocket: false,
            websocket_key: None,
            // Close timeout 10 s, keep-alive 30 s, receive and send buffers 32768 bytes (Windows' defaults).
            websocket_tuning: [10, 30_000, 32_768, 32_768],
            http_protocol: 0,
            h2_keepalive: 0,
            h2_window: 0,
            h2_delta: 0,
            idle_timeout: DEFAULT_IDLE_TIMEOUT,
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
    /// What a TLS connection answers a certificate request with (`WINHTTP_OPTION_CLIENT_CERT_CONTEXT`:
    /// never set, `WINHTTP_NO_CLIENT_CERT_CONTEXT`, a certificate): a connection carries only requests
    /// with the same answer.
    pub client: super::tls::ClientAuth,
    /// Whose pool the connection is in: 0 for the process's (Windows' default "global, cross-session
    /// pooling"), otherwise the id of the session that set `WINHTTP_OPTION_DISABLE_GLOBAL_POOLING`, whose
    /// connections no other session uses and which close with its handle.
    pub pool: u64,
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
}

impl<T> Default for ByOrigin<T> {
    fn default() -> Self {
        ByOrigin(Vec::new())
    }
}

#[derive(Default)]
struct Pool {
    /// Connections in use by this session's requests, per origin (idle ones are the process's:
    /// `pool.rs`).
    active: ByOrigin<u32>,
    /// Requests waiting in [`Session::acquire_slot`].
    async_waiters: usize,
}

/// The session's cookie jar: RFC 6265 storage and matching (domain and host-only, path, Secure,
/// HttpOnly, Expires/Max-Age, deletion) by `cookie_store`; `stored` remembers when each cookie was
/// last stored, because Windows lists the most recently stored cookie first in the `Cookie` header.
#[derive(Default)]
struct Jar {
    store: cookie_store::CookieStore,
    /// (domain, path, name) -> store sequence number.
    stored: std::collections::HashMap<(String, String, String), u64>,
    next: u64,
}

fn jar_key(c: &cookie_store::Cookie<'_>) -> (String, String, String) {
    (String::from(&c.domain), String::from(&c.path), c.name().to_string())
}

/// A session handle's object.
pub struct Session {
    pub agent: Mutex<String>,
    pub proxy: Mutex<ProxyConfig>,
    pub flags: u32,
    pub settings: Mutex<Settings>,
    pub context: AtomicUsize,
    /// Tells this session's idle connections in the process's pool apart.
    pub(super) id: u64,
    /// `WINHTTP_OPTION_DISABLE_GLOBAL_POOLING` was set: the session's connections are its own
    /// ([`Session::pool_id`]).
    own_pool: std::sync::atomic::AtomicBool,
    /// The session handle closed its own pool ([`Session::close_own_pool`]).
    pool_closed: std::sync::atomic::AtomicBool,
    pool: Mutex<Pool>,
    /// A slot or an idle connection was freed (requests waiting in [`Session::acquire_slot`]).
    pool_freed: tokio::sync::Notify,
    cookies: Mutex<Jar>,
    /// Proxy resolver handles (`WinHttpCreateProxyResolver`) opened on this session, closed with it
    /// (its connect handles are not: they outlive it, as on Windows).
    pub resolvers: Mutex<Vec<RawHandle>>,
}

impl Session {
    pub fn new(agent: String, proxy: ProxyConfig, flags: u32) -> Session {
        Session {
            agent: Mutex::new(agent),
            proxy: Mutex::new(proxy),
            flags,
            settings: Mutex::new(Settings::default()),
            context: AtomicUsize::new(0),
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            own_pool: std::sync::atomic::AtomicBool::new(false),
            pool_closed: std::sync::atomic::AtomicBool::new(false),
            pool: Mutex::new(Pool::default()),
            pool_freed: tokio::sync::Notify::new(),
            cookies: Mutex::new(Jar::default()),
            resolvers: Mutex::new(Vec::new()),
        }
    }

    pub fn is_async(&self) -> bool {
        self.flags & WINHTTP_FLAG_ASYNC != 0
    }

    /// `WINHTTP_OPTION_DISABLE_GLOBAL_POOLING` (Microsoft's option-flags page: "Disables global,
    /// cross-session pooling"): connections opened from now on are the session's own.
    pub fn set_own_pool(&self, on: bool) {
        self.own_pool.store(on, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn has_own_pool(&self) -> bool {
        self.own_pool.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The session handle closed its own pool: a connection its requests open now is not kept.
    pub fn own_pool_closed(&self) -> bool {
        self.pool_closed.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The pool a new request's connection belongs to ([`Origin::pool`]).
    pub fn pool_id(&self) -> u64 {
        if self.has_own_pool() {
            self.id
        } else {
            0
        }
    }

    /// `WinHttpCloseHandle` on the session: with its own pool, its idle HTTP/1.1 connections close now
    /// and its HTTP/2 connections take no new stream and end (GOAWAY) once their streams are done. The
    /// process's pool is left alone (its connections outlive every session, as on Windows).
    pub fn close_own_pool(&self) {
        if self.has_own_pool() {
            self.pool_closed.store(true, std::sync::atomic::Ordering::Relaxed);
            super::pool::close_pool(self.id);
            super::h2::close_pool(self.id);
        }
    }

    /// A usable idle connection to `origin` from the process's pool, counted as in use by this
    /// session, unless it already uses `max` connections there (0 = no limit).
    pub fn take_idle(&self, origin: &Origin, max: u32) -> Option<Conn> {
        let mut pool = self.pool.lock();
        let n = pool.active.get(origin).copied().unwrap_or(0);
        if max != 0 && n >= max {
            return None;
        }
        let c = super::pool::take(origin)?;
        *pool.active.entry(origin) += 1;
        Some(c)
    }

    /// Counts a new connection to `origin` against `WINHTTP_OPTION_MAX_CONNS_PER_SERVER`, waiting on
    /// the runtime (up to the connect timeout; no thread is held) for one to be released when the
    /// limit is reached. `Some(conn)`: an idle connection to `origin` came back meanwhile; it takes
    /// the slot and carries the request (rather than a new connection).
    pub async fn acquire_slot(
        &self,
        origin: &Origin,
        max: u32,
        timeout_ms: u32,
    ) -> crate::win32::error::WinResult<Option<Conn>> {
        let deadline = (timeout_ms != 0)
            .then(|| tokio::time::Instant::now() + std::time::Duration::from_millis(timeout_ms as u64));
        loop {
            let freed = self.pool_freed.notified();
            tokio::pin!(freed);
            {
                let mut pool = self.pool.lock();
                let n = pool.active.get(origin).copied().unwrap_or(0);
                if max == 0 || n < max {
                    *pool.active.entry(origin) += 1;
                    return Ok(super::pool::take(origin));
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

    /// A slot or an idle connection was freed: wakes every waiter (they recheck; a release is rare
    /// next to the cost of a missed wake-up).
    fn signal_freed(&self, pool: &Pool) {
        if pool.async_waiters > 0 {
            self.pool_freed.notify_waiters();
        }
    }

    /// Forgets a connection that was closed (not returned to the pool).
    pub fn drop_conn(&self, origin: &Origin, conn: Option<Conn>) {
        drop(conn);
        let mut pool = self.pool.lock();
        release_slot(&mut pool, origin);
        self.signal_freed(&pool);
    }

    /// Returns a connection whose response was fully read to the process's pool, for the next
    /// request to the same origin (of this session or any other), or to the session's own pool (closed
    /// instead once the session handle is: a request outlives its session's handle).
    pub fn put_idle(&self, origin: &Origin, conn: Conn) {
        if origin.pool != 0 && self.own_pool_closed() {
            return self.drop_conn(origin, Some(conn));
        }
        let idle = self.settings.lock().idle_timeout;
        super::pool::put(origin, conn, self.id, idle);
        let mut pool = self.pool.lock();
        release_slot(&mut pool, origin);
        self.signal_freed(&pool);
    }

    /// Connections to `host`:`port`, over TLS or not, in use by this session or handed back by it
    /// and idle, and the live HTTP/2 connections its requests used (`WinHttpQueryConnectionGroup`).
    pub fn connection_count(&self, host: &str, port: u16, secure: bool) -> u32 {
        let matches = |o: &Origin| o.secure == secure && o.port == port && o.host.eq_ignore_ascii_case(host);
        let pool = self.pool.lock();
        let active: u32 = pool.active.0.iter().filter(|(o, _)| matches(o)).map(|(_, n)| *n).sum();
        active + super::pool::owned_by(self.id, matches) + super::h2::used_by(self.id, matches)
    }

    /// Whether the jar holds any cookie (expired ones included).
    pub fn has_cookies(&self) -> bool {
        !self.cookies.lock().stored.is_empty()
    }

    /// The stored cookies for a request to `url`, as `name=value` pairs joined by `"; "`, the most
    /// recently stored first (Windows' order), or None.
    pub fn cookie_header(&self, url: &url::Url) -> Option<String> {
        let jar = self.cookies.lock();
        // cookie_store counts loopback http as a secure context (as browsers do); WinHTTP sends a
        // Secure cookie over https only.
        let secure = url.scheme() == "https";
        let mut found: Vec<(u64, &cookie_store::Cookie<'static>)> = jar
            .store
            .matches(url)
            .into_iter()
            .filter(|c| secure || !c.secure().unwrap_or(false))
            .map(|c| (jar.stored.get(&jar_key(c)).copied().unwrap_or(0), c))
            .collect();
        if found.is_empty() {
            return None;
        }
        found.sort_by_key(|e| std::cmp::Reverse(e.0));
        let v: Vec<String> = found.iter().map(|(_, c)| format!("{}={}", c.name(), c.value())).collect();
        Some(v.join("; "))
    }

    /// Keeps the cookies of a response's `Set-Cookie` headers, received for `url` (RFC 6265 section
    /// 5.3: a cookie for another domain is ignored; an expired one deletes the stored one). Names are
    /// case-sensitive; spaces around `=` are trimmed.
    pub fn store_cookies<'a>(&self, url: &url::Url, set_cookies: impl Iterator<Item = &'a str>) {
        let mut jar = self.cookies.lock();
        for sc in set_cookies {
            let Ok(c) = cookie_store::Cookie::parse(sc, url) else { continue };
            let c = c.into_owned();
            let key = jar_key(&c);
            if jar.store.insert(c, url).is_ok() {
                jar.next += 1;
                let n = jar.next;
                jar.stored.insert(key, n);
            } else {
                jar.stored.remove(&key);
            }
        }
    }
}

static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// One waiter of [`Session::acquire_slot`], counted while it lives.
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
    /// An HINTERNET, not a kernel handle: `WinHttpCloseHandle` closes it (with its notifications and
    /// its parent's count), `CloseHandle` refuses it.
    fn closed_by_close_handle(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> url::Url {
        url::Url::parse(s).unwrap()
    }

    /// Rows of (URL the Set-Cookie came from, Set-Cookie values, URL asked for, Cookie header expected).
    #[test]
    fn cookies_follow_rfc6265_in_windows_order() {
        let rows: &[(&str, &[&str], &str, Option<&str>)] = &[
            ("http://h/", &["a=1", "b=2"], "http://h/", Some("b=2; a=1")),
            ("http://h/", &["a=1", "b=2", "a=3"], "http://h/", Some("a=3; b=2")),
            ("http://h/", &["Name=1", "name=2"], "http://h/", Some("name=2; Name=1")),
            ("http://h/", &["a = 1 "], "http://h/", Some("a=1")),
            ("http://h/", &["p=1; Path=/foo"], "http://h/foobar", None),
            ("http://h/", &["p=1; Path=/foo"], "http://h/foo/x", Some("p=1")),
            ("http://h/d/page", &["p=1"], "http://h/d/other", Some("p=1")),
            ("http://h/d/page", &["p=1"], "http://h/x", None),
            ("http://h/", &["s=1; Secure"], "http://h/", None),
            ("http://127.0.0.1/", &["s=1; Secure"], "http://127.0.0.1/", None),
            ("https://h/", &["s=1; Secure"], "https://h/", Some("s=1")),
            ("http://h/", &["o=1; HttpOnly"], "http://h/", Some("o=1")),
            ("http://h/", &["a=1", "a=1; Max-Age=0"], "http://h/", None),
            ("http://h/", &["a=1", "a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT"], "http://h/", None),
            ("http://h/", &["a=1; Max-Age=3600"], "http://h/", Some("a=1")),
            ("http://h.example/", &["d=1; Domain=other.example"], "http://h.example/", None),
            ("http://a.example.com/", &["d=1; Domain=example.com"], "http://b.example.com/", Some("d=1")),
            ("http://a.example.com/", &["d=1"], "http://b.example.com/", None),
            ("http://127.0.0.1/", &["h=1"], "http://localhost/", None),
            ("http://127.0.0.1:8080/", &["h=1"], "http://127.0.0.1:9090/", Some("h=1")),
            ("http://h/", &["=novalue", "x"], "http://h/", None),
        ];
        for &(from, set, to, want) in rows {
            let s = Session::new(String::new(), ProxyConfig::default(), 0);
            for sc in set {
                s.store_cookies(&url(from), std::iter::once(*sc));
            }
            assert_eq!(s.cookie_header(&url(to)).as_deref(), want, "{from} {set:?} -> {to}");
        }
    }
}
