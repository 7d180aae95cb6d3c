//! Proxy resolver handles (`WinHttpCreateProxyResolver`) and their one asynchronous operation,
//! `WinHttpGetProxyForUrlEx(2)`, whose result `WinHttpGetProxyResult(Ex)` hands out.
//!
//! A resolver belongs to an asynchronous session: it copies the session's status callback (as every
//! child handle does), its operation completes through that callback with
//! `WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE` or `_REQUEST_ERROR` (`API_GET_PROXY_FOR_URL`), and
//! one operation may be pending at a time (`ERROR_WINHTTP_INCORRECT_HANDLE_STATE` otherwise).
//!
//! The answer: WPAD (`WINHTTP_AUTOPROXY_AUTO_DETECT`) fails as on a network without a WPAD server,
//! a PAC script (`_CONFIG_URL`) cannot be run (no JavaScript engine here); with
//! `WINHTTP_AUTOPROXY_ALLOW_STATIC` the static settings answer: the user's `http_proxy`/`https_proxy`/
//! `no_proxy` variables, else the process default (`WinHttpSetDefaultProxyConfiguration`), else direct.
//!
//! `WinHttpGetProxySettingsEx` runs on the same handle and answers the same static settings.
//!
//! Operations: [`create`], [`get_proxy_for_url`], [`result`], [`get_proxy_settings`],
//! [`proxy_settings_result`], [`close`].
use super::callback::{self, Deliver, Info, Notifier};
use super::proxy;
use super::session::{ProxyConfig, Session};
use crate::client::abi;
use crate::client::abi::WINHTTP_ACCESS_TYPE_NAMED_PROXY;
use crate::client::abi::{
    API_GET_PROXY_FOR_URL, WINHTTP_AUTOPROXY_ALLOW_AUTOCONFIG, WINHTTP_AUTOPROXY_ALLOW_STATIC,
    WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE, WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE,
    WINHTTP_PROXY_SETTINGS_TYPE_WSA, WINHTTP_PROXY_SETTINGS_TYPE_WSL,
};
use crate::win32::error::*;
use crate::win32::handle::{self, KernelObject, RawHandle};
use parking_lot::Mutex;
use std::sync::Arc;

/// One `WINHTTP_PROXY_RESULT_ENTRY`: a proxy (host, port; scheme HTTP) or direct access, and whether
/// direct access comes from the bypass list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProxyEntry {
    pub proxy: Option<(String, u16)>,
    pub bypass: bool,
}

/// The `WINHTTP_AUTOPROXY_OPTIONS` of a call, as the engine sees them.
#[derive(Clone, Debug)]
pub struct AutoProxyOptions {
    pub flags: u32,
    pub detect_flags: u32,
    pub config_url: Option<String>,
    pub reserved_ptr: bool,
    pub reserved: u32,
}

/// A resolver handle.
pub struct Resolver {
    pub session: Arc<Session>,
    pub notifier: Arc<Notifier>,
    /// The last successful result (`WinHttpGetProxyResult` before one: `ERROR_WINHTTP_INCORRECT_HANDLE_STATE`).
    result: Mutex<Option<Vec<ProxyEntry>>>,
    /// The last `WinHttpGetProxySettingsEx` answer (for `WinHttpGetProxySettingsResultEx`).
    settings: Mutex<Option<SettingsEx>>,
}

/// `WINHTTP_PROXY_SETTINGS_EX` as the engine sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsEx {
    pub generation: u64,
    pub flags: u64,
    pub autoconfig_url: Option<String>,
    pub proxy: Option<String>,
    pub secure_proxy: Option<String>,
    pub bypasses: Vec<String>,
    pub connection_name: Option<String>,
}

/// The effective static settings as `WINHTTP_PROXY_SETTINGS_EX` reports them: `http://host:port` per
/// scheme, the bypass list split in entries, `WINHTTP_PROXY_TYPE_PROXY` or `_DIRECT`.
pub fn settings_ex() -> SettingsEx {
    let cfg = static_config();
    let mut out = SettingsEx {
        generation: proxy::settings_version() as u64,
        flags: abi::PROXY_TYPE_DIRECT as u64,
        ..Default::default()
    };
    if cfg.access_type == WINHTTP_ACCESS_TYPE_NAMED_PROXY {
        let list = cfg.proxy.as_deref().unwrap_or("");
        for entry in list.split([';', ' ']).filter(|e| !e.is_empty()) {
            let (http, https, p) = match entry.split_once('=') {
                Some((s, p)) if s.eq_ignore_ascii_case("http") => (true, false, p),
                Some((s, p)) if s.eq_ignore_ascii_case("https") => (false, true, p),
                Some(_) => continue,
                None => (true, true, entry),
            };
            let url = if p.contains("://") { p.to_string() } else { format!("http://{p}") };
            if http && out.proxy.is_none() {
                out.proxy = Some(url.clone());
            }
            if https && out.secure_proxy.is_none() {
                out.secure_proxy = Some(url);
            }
        }
        if out.proxy.is_some() || out.secure_proxy.is_some() {
            out.flags = abi::PROXY_TYPE_PROXY as u64;
        }
        out.bypasses = cfg
            .bypass
            .as_deref()
            .unwrap_or("")
            .split([';', ' '])
            .filter(|e| !e.is_empty())
            .map(str::to_string)
            .collect();
    }
    out
}

/// `WinHttpGetProxySettingsEx`: `ERROR_IO_PENDING`, then `WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE`
/// through the resolver's callback. The type must be `WinHttpProxySettingsTypeWsl` or `_Wsa`
/// (`ERROR_INVALID_PARAMETER` otherwise); both get the same (static) settings on Linux.
pub fn get_proxy_settings(
    h: RawHandle,
    settings_type: i32,
    connection_name: Option<String>,
    context: usize,
) -> WinResult<()> {
    let r = lookup(h)?;
    if settings_type != WINHTTP_PROXY_SETTINGS_TYPE_WSL && settings_type != WINHTTP_PROXY_SETTINGS_TYPE_WSA {
        return Err(ERROR_INVALID_PARAMETER);
    }
    r.notifier.try_begin_async()?;
    let mut s = settings_ex();
    s.connection_name = connection_name;
    *r.settings.lock() = Some(s);
    r.notifier.complete_op(WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE, Info::None, context, Deliver::Pool);
    Err(ERROR_IO_PENDING)
}

/// `WinHttpGetProxySettingsResultEx`: the last `WinHttpGetProxySettingsEx` answer
/// (`ERROR_WINHTTP_INCORRECT_HANDLE_STATE` before one).
pub fn proxy_settings_result(h: RawHandle) -> WinResult<SettingsEx> {
    let r = lookup(h)?;
    let s = r.settings.lock().clone();
    s.ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)
}

impl KernelObject for Resolver {
    fn kind(&self) -> &'static str {
        "winhttp proxy resolver"
    }
    /// An HINTERNET, not a kernel handle: `WinHttpCloseHandle` closes it (with its notifications and
    /// its parent's count), `CloseHandle` refuses it.
    fn closed_by_close_handle(&self) -> bool {
        false
    }
}

fn lookup(h: RawHandle) -> WinResult<Arc<Resolver>> {
    super::api::lookup::<Resolver>(h)
}

/// `WinHttpCreateProxyResolver`: the session must be a WinHTTP session opened with `WINHTTP_FLAG_ASYNC`
/// (`ERROR_WINHTTP_INCORRECT_HANDLE_TYPE` otherwise; NULL/stale: `ERROR_INVALID_HANDLE`).
pub fn create(hsession: RawHandle) -> WinResult<RawHandle> {
    let session = super::api::lookup::<Session>(hsession)?;
    if !session.is_async() {
        return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE);
    }
    let notifier = Notifier::new(callback::lookup(hsession));
    let r = Arc::new(Resolver {
        session: session.clone(),
        notifier: notifier.clone(),
        result: Mutex::new(None),
        settings: Mutex::new(None),
    });
    let h = handle::insert(r);
    callback::register(h, notifier);
    // Closing the session closes its resolvers, as it closes its connect handles.
    session.resolvers.lock().push(h);
    Ok(h)
}

/// The host of an http(s) URL (`ERROR_WINHTTP_INVALID_URL` / `_UNRECOGNIZED_SCHEME` otherwise) and
/// whether it is https.
fn url_host(url: &str) -> WinResult<(String, bool)> {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else { return Err(ERROR_WINHTTP_INVALID_URL) };
    let secure = match scheme.to_ascii_lowercase().as_str() {
        "http" => false,
        "https" => true,
        _ => return Err(ERROR_WINHTTP_UNRECOGNIZED_SCHEME),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority);
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split_once(']').map(|(h, _)| h).ok_or(ERROR_WINHTTP_INVALID_URL)?
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) if p.parse::<u16>().is_ok() || p.is_empty() => h,
            Some(_) => return Err(ERROR_WINHTTP_INVALID_URL),
            None => authority,
        }
    };
    if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ERROR_WINHTTP_INVALID_URL);
    }
    Ok((host.to_string(), secure))
}

/// The static settings: the user's environment variables, else the process default, else direct.
fn static_config() -> ProxyConfig {
    let (_, _, proxy, bypass) = proxy::user_config(|n| std::env::var(n).ok());
    if proxy.is_some() {
        return ProxyConfig { access_type: WINHTTP_ACCESS_TYPE_NAMED_PROXY, proxy, bypass };
    }
    proxy::default_config()
}

/// The result entries for `host` under `cfg`.
pub fn entries_for(cfg: &ProxyConfig, host: &str, secure: bool) -> Vec<ProxyEntry> {
    if cfg.access_type != WINHTTP_ACCESS_TYPE_NAMED_PROXY {
        return vec![ProxyEntry { proxy: None, bypass: false }];
    }
    let scheme = if secure { proxy::INTERNET_SCHEME_HTTPS } else { proxy::INTERNET_SCHEME_HTTP };
    if proxy::is_host_in_bypass_list(cfg.bypass.as_deref(), host, scheme, 0).unwrap_or(false) {
        return vec![ProxyEntry { proxy: None, bypass: true }];
    }
    match cfg.proxy_for(host, secure) {
        Some(p) => vec![ProxyEntry { proxy: Some(p), bypass: false }],
        // No proxy for this scheme in the list: direct.
        None => vec![ProxyEntry { proxy: None, bypass: false }],
    }
}

/// The outcome of a resolution, computed once the arguments are valid.
fn resolve(host: &str, secure: bool, flags: u32) -> WinResult<Vec<ProxyEntry>> {
    let mut failure = ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR;
    if flags & abi::WINHTTP_AUTOPROXY_AUTO_DETECT != 0 {
        failure = ERROR_WINHTTP_AUTODETECTION_FAILED;
    }
    if flags & abi::WINHTTP_AUTOPROXY_CONFIG_URL != 0 {
        failure = ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT;
    }
    if flags & WINHTTP_AUTOPROXY_ALLOW_STATIC != 0 {
        return Ok(entries_for(&static_config(), host, secure));
    }
    Err(failure)
}

/// `WinHttpGetProxyForUrlEx(2)`: checks the arguments synchronously, then returns
/// `ERROR_IO_PENDING` and completes through the resolver's status callback (on a callback thread).
pub fn get_proxy_for_url(
    h: RawHandle,
    url: Option<String>,
    opts: Option<AutoProxyOptions>,
    context: usize,
) -> WinResult<()> {
    let r = lookup(h)?;
    let (Some(url), Some(o)) = (url, opts) else { return Err(ERROR_INVALID_PARAMETER) };
    if o.reserved_ptr || o.reserved != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let kinds = abi::WINHTTP_AUTOPROXY_AUTO_DETECT
        | abi::WINHTTP_AUTOPROXY_CONFIG_URL
        | WINHTTP_AUTOPROXY_ALLOW_STATIC
        | WINHTTP_AUTOPROXY_ALLOW_AUTOCONFIG;
    if o.flags & kinds == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if o.flags & abi::WINHTTP_AUTOPROXY_AUTO_DETECT != 0
        && o.detect_flags & (abi::WINHTTP_AUTO_DETECT_TYPE_DHCP | abi::WINHTTP_AUTO_DETECT_TYPE_DNS_A) == 0
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if o.flags & abi::WINHTTP_AUTOPROXY_CONFIG_URL != 0 {
        let cfg_url = o.config_url.as_deref().ok_or(ERROR_INVALID_PARAMETER)?;
        url_host(cfg_url)?;
    }
    let (host, secure) = url_host(&url)?;
    r.notifier.try_begin_async()?;
    let outcome = resolve(&host, secure, o.flags);
    let (status, info) = match &outcome {
        Ok(_) => (WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE, Info::None),
        Err(e) => {
            (abi::WINHTTP_CALLBACK_STATUS_REQUEST_ERROR, Info::AsyncResult { api: API_GET_PROXY_FOR_URL, error: e.0 })
        }
    };
    // The result is in place before the completion can be seen.
    if let Ok(entries) = outcome {
        *r.result.lock() = Some(entries);
    }
    r.notifier.complete_op(status, info, context, Deliver::Pool);
    Err(ERROR_IO_PENDING)
}

/// `WinHttpGetProxyResult(Ex)`: the entries of the last successful `WinHttpGetProxyForUrlEx`.
pub fn result(h: RawHandle) -> WinResult<Vec<ProxyEntry>> {
    let r = lookup(h)?;
    let res = r.result.lock().clone();
    res.ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)
}

/// The handle checks alone (`ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`).
pub fn check(h: RawHandle) -> WinResult<()> {
    lookup(h).map(|_| ())
}

/// Whether `h` is a live resolver handle.
pub fn is_resolver(h: RawHandle) -> bool {
    matches!(handle::get_as::<Resolver>(h), Ok(Some(_)))
}

/// `WinHttpCloseHandle` on a resolver: `HANDLE_CLOSING` follows on a callback thread once its
/// operation (if any) has completed.
pub fn close(h: RawHandle) -> WinResult<()> {
    let r = lookup(h)?;
    r.session.resolvers.lock().retain(|&c| c != h);
    drop(r);
    let _ = handle::close(h);
    if let Some(n) = callback::unregister(h) {
        n.close(0, Deliver::Pool);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_hosts() {
        assert_eq!(url_host("http://a.example/x"), Ok(("a.example".into(), false)));
        assert_eq!(url_host("HTTPS://u:p@b.example:8443/?q"), Ok(("b.example".into(), true)));
        assert_eq!(url_host("http://[::1]:80/"), Ok(("::1".into(), false)));
        assert_eq!(url_host("ftp://x/"), Err(ERROR_WINHTTP_UNRECOGNIZED_SCHEME));
        assert_eq!(url_host("nonsense"), Err(ERROR_WINHTTP_INVALID_URL));
        assert_eq!(url_host("http:///path"), Err(ERROR_WINHTTP_INVALID_URL));
        assert_eq!(url_host("http://h:99999/"), Err(ERROR_WINHTTP_INVALID_URL));
    }

    #[test]
    fn entries() {
        let cfg = ProxyConfig {
            access_type: WINHTTP_ACCESS_TYPE_NAMED_PROXY,
            proxy: Some("http=p:3128;https=s:8443".into()),
            bypass: Some("*.corp;<local>".into()),
        };
        assert_eq!(
            entries_for(&cfg, "www.example", false),
            vec![ProxyEntry { proxy: Some(("p".into(), 3128)), bypass: false }]
        );
        assert_eq!(
            entries_for(&cfg, "www.example", true),
            vec![ProxyEntry { proxy: Some(("s".into(), 8443)), bypass: false }]
        );
        assert_eq!(entries_for(&cfg, "a.corp", false), vec![ProxyEntry { proxy: None, bypass: true }]);
        assert_eq!(entries_for(&cfg, "intranet", false), vec![ProxyEntry { proxy: None, bypass: true }]);
        let direct = ProxyConfig::default();
        assert_eq!(entries_for(&direct, "x", false), vec![ProxyEntry { proxy: None, bypass: false }]);
    }
}
