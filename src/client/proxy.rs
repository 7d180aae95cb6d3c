//! Proxy configuration queries: the machine default (`WinHttpGet/SetDefaultProxyConfiguration`), the
//! user's settings (`WinHttpGetIEProxyConfigForCurrentUser`, from the `http_proxy`/`https_proxy`/
//! `no_proxy` environment variables on Linux), auto-proxy (`WinHttpGetProxyForUrl`,
//! `WinHttpDetectAutoProxyConfigUrl`, `WinHttpResetAutoProxy`: no WPAD and no PAC engine here), and
//! bypass lists (`WinHttpIsHostInProxyBypassList`).
//!
//! Operations: [`default_config`], [`set_default_config`], [`user_config`], [`get_proxy_for_url`],
//! [`detect_auto_proxy_config_url`], [`is_host_in_bypass_list`], [`reset_auto_proxy`]; the in-process
//! settings store ([`read_settings`], [`write_settings`], [`settings_version`]) and proxy change
//! notifications ([`register_change_notification`], [`unregister_change_notification`]).
use super::session::ProxyConfig;
use crate::client::abi::{
    PROXY_TYPE_AUTO_DETECT, PROXY_TYPE_AUTO_PROXY_URL, PROXY_TYPE_DIRECT, PROXY_TYPE_PROXY,
    WINHTTP_AUTOPROXY_AUTO_DETECT, WINHTTP_AUTOPROXY_CONFIG_URL, WINHTTP_AUTO_DETECT_TYPE_DHCP,
    WINHTTP_AUTO_DETECT_TYPE_DNS_A, WINHTTP_RESET_ALL, WINHTTP_RESET_DISCARD_RESOLVERS,
    WINHTTP_RESET_NOTIFY_NETWORK_CHANGED, WINHTTP_RESET_OUT_OF_PROC,
};
use crate::client::abi::{WINHTTP_ACCESS_TYPE_NAMED_PROXY, WINHTTP_ACCESS_TYPE_NO_PROXY};
use crate::win32::error::*;
use parking_lot::Mutex;

pub use super::abi::{INTERNET_SCHEME_HTTP, INTERNET_SCHEME_HTTPS};

/// The machine default of this process. Windows keeps it in the registry (`netsh winhttp set
/// proxy`); a Linux process has no such store, so it lives as long as the process.
static DEFAULT: Mutex<Option<ProxyConfig>> = Mutex::new(None);

/// `WinHttpGetDefaultProxyConfiguration`: what `WinHttpSetDefaultProxyConfiguration` set, else direct.
pub fn default_config() -> ProxyConfig {
    DEFAULT.lock().clone().unwrap_or(ProxyConfig {
        access_type: WINHTTP_ACCESS_TYPE_NO_PROXY,
        proxy: None,
        bypass: None,
    })
}

/// `WinHttpSetDefaultProxyConfiguration`: NO_PROXY or NAMED_PROXY with a proxy name.
pub fn set_default_config(access: u32, proxy: Option<String>, bypass: Option<String>) -> WinResult<()> {
    let cfg = match access {
        WINHTTP_ACCESS_TYPE_NO_PROXY => ProxyConfig { access_type: access, proxy: None, bypass: None },
        WINHTTP_ACCESS_TYPE_NAMED_PROXY => {
            if !proxy.as_deref().is_some_and(valid_proxy_list) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            ProxyConfig { access_type: access, proxy, bypass }
        }
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    *DEFAULT.lock() = Some(cfg);
    settings_changed();
    Ok(())
}

/// Whether a proxy list names only valid servers: entries separated by `;` or white space, each
/// `[scheme=][scheme://]host[:port]` with a host name (letters, also past ASCII as in internationalized
/// names, digits, `-`, `.`), an IPv4 address or a
/// bracketed IPv6 address. `WinHttpSetDefaultProxyConfiguration` refuses anything else with
/// `ERROR_INVALID_PARAMETER`, as Windows does.
fn valid_proxy_list(list: &str) -> bool {
    let entries: Vec<&str> = list.split([';', ' ', '\t']).filter(|e| !e.is_empty()).collect();
    !entries.is_empty() && entries.iter().all(|e| valid_proxy_entry(e))
}

fn valid_proxy_entry(entry: &str) -> bool {
    let e = entry.split_once('=').map_or(entry, |(_, server)| server);
    let e = e.split_once("://").map_or(e, |(_, rest)| rest);
    let e = e.strip_suffix('/').unwrap_or(e);
    let (host, port) = if let Some(rest) = e.strip_prefix('[') {
        let Some((v6, after)) = rest.split_once(']') else { return false };
        if v6.parse::<std::net::Ipv6Addr>().is_err() {
            return false;
        }
        match after {
            "" => return true,
            a => ("v6", a.strip_prefix(':').unwrap_or("x")),
        }
    } else {
        match e.rsplit_once(':') {
            Some((h, p)) => (h, p),
            None => (e, "80"),
        }
    };
    let host_ok = !host.is_empty()
        && host.len() <= 255
        && host.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '.')
        && !host.starts_with(['-', '.']);
    host_ok
        && !port.is_empty()
        && port.len() <= 5
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.parse::<u32>().is_ok_and(|p| p <= 65535)
}

/// Proxy change registrations (`WinHttpRegisterProxyChangeNotification`): token -> (flags, callback,
/// context). Windows calls them when the system's effective proxy settings change; a Linux
/// process has no system proxy store to watch (the environment variables are fixed at start), so the
/// only changes are this process's own: `WinHttpSetDefaultProxyConfiguration` and
/// `WinHttpWriteProxySettings`.
static CHANGE_CALLBACKS: Mutex<Vec<(usize, u64, ProxyChangeCallback, usize)>> = Mutex::new(Vec::new());
static NEXT_TOKEN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0x5000);
/// The proxy settings version (`WinHttpGetProxySettingsVersion`): bumped by every change.
static SETTINGS_VERSION: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
/// `WinHttpSetProxySettingsPerUser`'s last value.
static PER_USER: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `WINHTTP_PROXY_CHANGE_CALLBACK`: `(ullFlags, pvContext)`.
pub type ProxyChangeCallback = unsafe extern "C" fn(u64, usize);

/// `WinHttpRegisterProxyChangeNotification`: a registration token (the registration handle).
pub fn register_change_notification(
    flags: u64,
    callback: Option<ProxyChangeCallback>,
    context: usize,
) -> WinResult<usize> {
    let callback = callback.ok_or(ERROR_INVALID_PARAMETER)?;
    let token = NEXT_TOKEN.fetch_add(0x10, std::sync::atomic::Ordering::Relaxed);
    CHANGE_CALLBACKS.lock().push((token, flags, callback, context));
    Ok(token)
}

/// `WinHttpUnregisterProxyChangeNotification`: unknown or already removed -> `ERROR_INVALID_HANDLE`.
pub fn unregister_change_notification(token: usize) -> WinResult<()> {
    let mut list = CHANGE_CALLBACKS.lock();
    let i = list.iter().position(|e| e.0 == token).ok_or(ERROR_INVALID_HANDLE)?;
    list.remove(i);
    Ok(())
}

/// A setting changed: new version, and each registered callback is called on its own thread (as
/// Windows calls them on a thread-pool thread, never inside the call that changed the settings).
fn settings_changed() {
    SETTINGS_VERSION.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    for (_, flags, cb, ctx) in CHANGE_CALLBACKS.lock().clone() {
        std::thread::spawn(move || {
            // SAFETY: `cb` is the WINHTTP_PROXY_CHANGE_CALLBACK the application registered, callable
            // until it unregisters (WinHttpRegisterProxyChangeNotification's contract).
            unsafe { cb(flags, ctx) };
        });
    }
}

/// `WinHttpGetProxySettingsVersion`.
pub fn settings_version() -> u32 {
    SETTINGS_VERSION.load(std::sync::atomic::Ordering::Acquire)
}

/// `WinHttpSetProxySettingsPerUser`: recorded; this process has one store either way.
pub fn set_settings_per_user(per_user: bool) {
    PER_USER.store(per_user, std::sync::atomic::Ordering::Relaxed);
}

/// The settings of `WinHttpReadProxySettings`/`WinHttpWriteProxySettings` (`WINHTTP_PROXY_SETTINGS`'s
/// fields that mean something without a registry: flags, proxy, bypass, auto-config URLs, discovery).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredSettings {
    pub flags: u32,
    pub proxy: Option<String>,
    pub bypass: Option<String>,
    pub autoconfig_url: Option<String>,
    pub autoconfig_secondary_url: Option<String>,
    pub auto_discovery_flags: u32,
}

/// The in-process settings store, by connection name (lower case; "" = the LAN settings).
static STORE: Mutex<Vec<(String, StoredSettings)>> = Mutex::new(Vec::new());

/// `WinHttpWriteProxySettings`: stores `s` for `connection`. Microsoft documents no behaviour for
/// this function; ours: without `force`, `version` (the `dwCurrentSettingsVersion` the caller read)
/// must still be current, else `ERROR_WINHTTP_INCORRECT_HANDLE_STATE` (someone wrote in between);
/// flags outside `PROXY_TYPE_*` are `ERROR_INVALID_PARAMETER`.
pub fn write_settings(connection: &str, s: StoredSettings, force: bool, version: u32) -> WinResult<()> {
    if s.flags & !(PROXY_TYPE_DIRECT | PROXY_TYPE_PROXY | PROXY_TYPE_AUTO_PROXY_URL | PROXY_TYPE_AUTO_DETECT) != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if !force && version != settings_version() {
        return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
    }
    let key = connection.to_ascii_lowercase();
    {
        let mut store = STORE.lock();
        store.retain(|(k, _)| *k != key);
        store.push((key, s));
    }
    settings_changed();
    Ok(())
}

/// `WinHttpReadProxySettings`: (settings, version, defaults returned). A connection with nothing
/// written gets the defaults when `fallback` is set (direct, plus auto-detect when asked), else
/// `ERROR_FILE_NOT_FOUND` (no such entry, as a registry read reports it).
pub fn read_settings(
    connection: &str,
    fallback: bool,
    autodetect_default: bool,
) -> WinResult<(StoredSettings, u32, bool)> {
    let key = connection.to_ascii_lowercase();
    let version = settings_version();
    if let Some((_, s)) = STORE.lock().iter().find(|(k, _)| *k == key) {
        return Ok((s.clone(), version, false));
    }
    if !fallback {
        return Err(ERROR_FILE_NOT_FOUND);
    }
    let flags = PROXY_TYPE_DIRECT | if autodetect_default { PROXY_TYPE_AUTO_DETECT } else { 0 };
    Ok((StoredSettings { flags, ..Default::default() }, version, true))
}

/// `host:port` of a proxy URL as the variables hold it (`http://user@h:3128/` -> `h:3128`).
fn proxy_authority(v: &str) -> Option<String> {
    let v = v.trim();
    let rest = match v.find("://") {
        Some(i) => &v[i + 3..],
        None => v,
    };
    let rest = rest.split('/').next().unwrap_or("");
    let rest = rest.rsplit_once('@').map(|(_, h)| h).unwrap_or(rest);
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The user's proxy settings, as `WINHTTP_CURRENT_USER_IE_PROXY_CONFIG` holds them: (auto-detect,
/// auto-config URL, proxy list, bypass list). On Linux the user's settings are the conventional
/// environment variables: `http_proxy`, `https_proxy` (lower case first, then upper case) become
/// `http=...;https=...` (or one `host:port` when both agree), `no_proxy`'s comma list becomes a `;`
/// list with `.example.com` written as `*.example.com`.
pub fn user_config(env: impl Fn(&str) -> Option<String>) -> (bool, Option<String>, Option<String>, Option<String>) {
    let var = |n: &str| env(n).or_else(|| env(&n.to_ascii_uppercase())).filter(|v| !v.trim().is_empty());
    let http = var("http_proxy").and_then(|v| proxy_authority(&v));
    let https = var("https_proxy").and_then(|v| proxy_authority(&v));
    let proxy = match (http, https) {
        (Some(a), Some(b)) if a == b => Some(a),
        (Some(a), Some(b)) => Some(format!("http={a};https={b}")),
        (Some(a), None) => Some(format!("http={a}")),
        (None, Some(b)) => Some(format!("https={b}")),
        (None, None) => None,
    };
    let bypass = var("no_proxy").map(|v| {
        v.split([',', ' '])
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| if e.starts_with('.') { format!("*{e}") } else { e.to_string() })
            .collect::<Vec<_>>()
            .join(";")
    });
    (false, None, proxy, bypass.filter(|b| !b.is_empty()))
}

/// Glob match with `*` (any run of characters), ASCII case-insensitive.
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) =
        (pattern.to_ascii_lowercase().chars().collect(), text.to_ascii_lowercase().chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// `WinHttpIsHostInProxyBypassList`: whether `host` (reached with `scheme` on `port`) matches an entry
/// of the `;`/space separated bypass list. Entries: `<local>` (a name without a dot), a host
/// pattern with `*` wildcards, optionally with a `scheme://` prefix and a `:port` suffix.
pub fn is_host_in_bypass_list(bypass: Option<&str>, host: &str, scheme: i32, port: u16) -> WinResult<bool> {
    let scheme_name = match scheme {
        INTERNET_SCHEME_HTTP => "http",
        INTERNET_SCHEME_HTTPS => "https",
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    let port = if port == 0 {
        if scheme == INTERNET_SCHEME_HTTPS {
            443
        } else {
            80
        }
    } else {
        port
    };
    let Some(list) = bypass else { return Ok(false) };
    for entry in list.split([';', ' ', '\t']).map(str::trim).filter(|e| !e.is_empty()) {
        if entry.eq_ignore_ascii_case("<local>") {
            if !host.contains('.') && !host.contains(':') {
                return Ok(true);
            }
            continue;
        }
        let mut e = entry;
        if let Some((s, rest)) = e.split_once("://") {
            if !s.eq_ignore_ascii_case(scheme_name) {
                continue;
            }
            e = rest;
        }
        let (pat, want_port) = match e.rsplit_once(':') {
            Some((h, p)) if !h.is_empty() && p.parse::<u16>().is_ok() && !h.ends_with(':') => {
                (h, p.parse::<u16>().ok())
            }
            _ => (e, None),
        };
        if want_port.is_some_and(|p| p != port) {
            continue;
        }
        if glob(pat, host) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The checks of `WINHTTP_AUTOPROXY_OPTIONS` shared by the auto-proxy functions.
pub fn check_autoproxy_options(
    flags: u32,
    detect_flags: u32,
    config_url: bool,
    reserved_ptr: bool,
    reserved: u32,
) -> WinResult<()> {
    if reserved_ptr || reserved != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let kinds = flags & (WINHTTP_AUTOPROXY_AUTO_DETECT | WINHTTP_AUTOPROXY_CONFIG_URL);
    if kinds == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if flags & WINHTTP_AUTOPROXY_AUTO_DETECT != 0
        && detect_flags & (WINHTTP_AUTO_DETECT_TYPE_DHCP | WINHTTP_AUTO_DETECT_TYPE_DNS_A) == 0
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if flags & WINHTTP_AUTOPROXY_CONFIG_URL != 0 && !config_url {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(())
}

/// `WinHttpGetProxyForUrl` once its arguments are checked: the URL must be http(s); then auto-detect
/// (WPAD by DHCP/DNS) fails as on a network without a WPAD server, and a PAC script is a script type
/// this port cannot run (no JavaScript engine).
pub fn get_proxy_for_url(url: &str, flags: u32) -> WinResult<()> {
    let lower = url.trim().to_ascii_lowercase();
    if !lower.contains("://") {
        return Err(ERROR_WINHTTP_INVALID_URL);
    }
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(ERROR_WINHTTP_UNRECOGNIZED_SCHEME);
    }
    if lower.split("://").nth(1).is_none_or(|r| r.is_empty() || r.starts_with('/')) {
        return Err(ERROR_WINHTTP_INVALID_URL);
    }
    if flags & WINHTTP_AUTOPROXY_CONFIG_URL != 0 {
        return Err(ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE);
    }
    Err(ERROR_WINHTTP_AUTODETECTION_FAILED)
}

/// `WinHttpDetectAutoProxyConfigUrl`: no WPAD here; the detection fails as on a network without one.
pub fn detect_auto_proxy_config_url(flags: u32) -> WinResult<String> {
    if flags == 0 || flags & !(WINHTTP_AUTO_DETECT_TYPE_DHCP | WINHTTP_AUTO_DETECT_TYPE_DNS_A) != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Err(ERROR_WINHTTP_AUTODETECTION_FAILED)
}

/// `WinHttpResetAutoProxy`: nothing is cached (no WPAD, no scripts), so a valid reset has nothing to do.
pub fn reset_auto_proxy(flags: u32) -> WinResult<()> {
    if flags
        & !(WINHTTP_RESET_ALL
            | WINHTTP_RESET_NOTIFY_NETWORK_CHANGED
            | WINHTTP_RESET_OUT_OF_PROC
            | WINHTTP_RESET_DISCARD_RESOLVERS)
        != 0
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_becomes_ie_config() {
        let env = |n: &str| match n {
            "http_proxy" => Some("http://proxy.example:3128/".to_string()),
            "HTTPS_PROXY" => Some("http://u:p@sproxy:8443".to_string()),
            "no_proxy" => Some("localhost,.corp.example, 10.1.2.3".to_string()),
            _ => None,
        };
        let (auto, url, proxy, bypass) = user_config(env);
        assert!(!auto && url.is_none());
        assert_eq!(proxy.as_deref(), Some("http=proxy.example:3128;https=sproxy:8443"));
        assert_eq!(bypass.as_deref(), Some("localhost;*.corp.example;10.1.2.3"));
        let (_, _, proxy, bypass) =
            user_config(|n| (n == "http_proxy" || n == "https_proxy").then(|| "p:1".to_string()));
        assert_eq!((proxy.as_deref(), bypass), (Some("p:1"), None));
    }

    #[test]
    fn bypass_table() {
        let list = Some("<local>;*.corp.example;10.*;https://secure.example;plain.example:8080");
        for (host, scheme, port, want) in [
            ("intranet", 1, 80, true),
            ("a.corp.example", 1, 80, true),
            ("corp.example", 1, 80, false),
            ("10.0.0.1", 2, 0, true),
            ("secure.example", 2, 443, true),
            ("secure.example", 1, 80, false),
            ("plain.example", 1, 8080, true),
            ("plain.example", 1, 80, false),
            ("www.other.example", 1, 80, false),
        ] {
            assert_eq!(is_host_in_bypass_list(list, host, scheme, port), Ok(want), "{host} {scheme} {port}");
        }
        assert_eq!(is_host_in_bypass_list(list, "x", 3, 0), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(is_host_in_bypass_list(None, "x", 1, 0), Ok(false));
    }

    #[test]
    fn settings_store_and_notifications() {
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        unsafe extern "C" fn on_change(flags: u64, ctx: usize) {
            assert_eq!((flags, ctx), (1, 0x42));
            CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
        let token = register_change_notification(1, Some(on_change), 0x42).unwrap();
        assert_eq!(register_change_notification(1, None, 0), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(read_settings("unit-test-conn", false, false), Err(ERROR_FILE_NOT_FOUND));
        let (d, v0, defaults) = read_settings("unit-test-conn", true, true).unwrap();
        assert!(defaults && d.flags == PROXY_TYPE_DIRECT | PROXY_TYPE_AUTO_DETECT);
        let s = StoredSettings { flags: PROXY_TYPE_PROXY, proxy: Some("p:1".into()), ..Default::default() };
        assert_eq!(
            write_settings("unit-test-conn", s.clone(), false, v0 + 7),
            Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)
        );
        assert_eq!(
            write_settings("unit-test-conn", StoredSettings { flags: 0x40, ..Default::default() }, true, 0),
            Err(ERROR_INVALID_PARAMETER)
        );
        write_settings("Unit-Test-Conn", s.clone(), false, v0).unwrap();
        let (r, v1, defaults) = read_settings("UNIT-TEST-CONN", false, false).unwrap();
        assert!(!defaults && r == s && v1 > v0);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while CALLS.load(std::sync::atomic::Ordering::SeqCst) == 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(CALLS.load(std::sync::atomic::Ordering::SeqCst) >= 1);
        unregister_change_notification(token).unwrap();
        assert_eq!(unregister_change_notification(token), Err(ERROR_INVALID_HANDLE));
    }
}
