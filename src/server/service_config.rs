//! Machine-wide http.sys configuration (`HttpSetServiceConfiguration` and friends).
//!
//! The engine asks [`machine_timeouts`] for the machine-wide `IdleConnection` and `HeaderWait` timers,
//! which govern the first request of every connection (HTTP_TIMEOUT_LIMIT_INFO remarks, DESIGN.md
//! section 8).
//!
//! Storage: on Windows these records live in the registry and survive restarts; here they live in one
//! text file, [`config_path`]: `/etc/winhttpapi/httpsys.conf`, or the file named by the environment
//! variable `WINHTTPAPI_HTTPSYS_CONFIG`. One record per line:
//! ```text
//! timeout IdleConnectionTimeout 30
//! timeout HeaderWaitTimeout 10
//! urlacl http://+:8080/app/ D:(A;;GX;;;WD)
//! iplisten 127.0.0.1:8080
//! sslcert 0.0.0.0:443 <sha1 hex> <AppId hex> MY 0 0 0 0
//! sslsni www.example.com:443 <sha1 hex> <AppId hex> MY 0 0 0 0
//! ```
//! (`sslcert`/`sslsni`: the certificate's thumbprint, the AppId GUID's 16 bytes, the store name (`-`:
//! none), DefaultCertCheckMode, DefaultRevocationFreshnessTime, DefaultRevocationUrlRetrievalTimeout and
//! DefaultFlags; see [`SslBinding`].)
//! Changes are read-modify-write under an advisory lock (`<file>.lock`, so two processes do not lose
//! each other's records) and land with a temporary file and `rename`, so a reader sees the old or the
//! new file, never half of one. Changing the system file needs root (Windows: administrator); a caller
//! that cannot write the file gets `ERROR_ACCESS_DENIED`. A file that does not parse is reported (a
//! tracing warning) and treated as empty: the defaults apply.
use super::abi;
use crate::win32::error::*;
use parking_lot::Mutex;
use std::io::Write;
use std::net::SocketAddr;
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant, SystemTime};

const T: &str = "winhttpapi::httpapi";

/// The environment variable that moves the configuration file (tests, non-root services).
pub const CONFIG_ENV: &str = "WINHTTPAPI_HTTPSYS_CONFIG";
/// The system-wide file (root only may change it).
pub const SYSTEM_CONFIG_PATH: &str = "/etc/winhttpapi/httpsys.conf";

/// The machine-wide timers, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MachineTimeouts {
    pub idle_connection: u16,
    pub header_wait: u16,
}

/// http.sys defaults: two minutes each.
pub const DEFAULT_MACHINE_TIMEOUTS: MachineTimeouts = MachineTimeouts { idle_connection: 120, header_wait: 120 };

/// `HTTP_SERVICE_CONFIG_TIMEOUT_KEY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutKey {
    IdleConnection = 0,
    HeaderWait = 1,
}

impl TimeoutKey {
    pub fn from_raw(v: i32) -> WinResult<Self> {
        match v {
            0 => Ok(TimeoutKey::IdleConnection),
            1 => Ok(TimeoutKey::HeaderWait),
            _ => Err(ERROR_INVALID_PARAMETER),
        }
    }
    fn name(self) -> &'static str {
        match self {
            TimeoutKey::IdleConnection => "IdleConnectionTimeout",
            TimeoutKey::HeaderWait => "HeaderWaitTimeout",
        }
    }
}

/// Everything the file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Records {
    /// By [`TimeoutKey`] value; `None`: not configured (the default applies).
    pub timeouts: [Option<u16>; 2],
    /// URL reservations: (prefix as given, SDDL string), in the order they were added.
    pub url_acls: Vec<(String, String)>,
    /// The IP listen list.
    pub ip_listen: Vec<SocketAddr>,
    /// SSL certificate bindings by IP:port (`HttpServiceConfigSSLCertInfo`; 0.0.0.0 / [::] = every address).
    pub ssl_certs: Vec<(SocketAddr, SslBinding)>,
    /// SSL certificate bindings by host name and port (`HttpServiceConfigSslSniCertInfo`).
    pub ssl_sni: Vec<(SniKey, SslBinding)>,
}

/// `HTTP_SERVICE_CONFIG_SSL_SNI_KEY`: a host name (kept lowercase) and a port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SniKey {
    pub host: String,
    pub port: u16,
}

/// `HTTP_SERVICE_CONFIG_SSL_PARAM` as stored (the CTL identifier and CTL store are not kept: they
/// name Windows certificate trust lists, which have no Linux counterpart).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SslBinding {
    /// The certificate's SHA-1 thumbprint (its file name in the certificate store directory).
    pub hash: Vec<u8>,
    pub app_id: [u8; 16],
    /// `pSslCertStoreName` (empty: not given; Windows then uses "MY").
    pub store: String,
    pub check_mode: u32,
    pub revocation_freshness: u32,
    pub revocation_url_timeout: u32,
    pub flags: u32,
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 || !s.is_ascii() {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}

impl SslBinding {
    /// The thumbprint as the certificate store names it (lowercase hex).
    pub fn thumbprint(&self) -> String {
        hex(&self.hash)
    }

    fn render(&self) -> String {
        let store = if self.store.is_empty() { "-" } else { &self.store };
        format!(
            "{} {} {store} {} {} {} {}",
            hex(&self.hash),
            hex(&self.app_id),
            self.check_mode,
            self.revocation_freshness,
            self.revocation_url_timeout,
            self.flags
        )
    }

    fn parse(fields: &[&str]) -> Option<SslBinding> {
        let [hash, app, store, a, b, c, d] = fields else { return None };
        let hash = unhex(hash).filter(|h| !h.is_empty())?;
        let app_id: [u8; 16] = unhex(app)?.try_into().ok()?;
        Some(SslBinding {
            hash,
            app_id,
            store: if *store == "-" { String::new() } else { store.to_string() },
            check_mode: a.parse().ok()?,
            revocation_freshness: b.parse().ok()?,
            revocation_url_timeout: c.parse().ok()?,
            flags: d.parse().ok()?,
        })
    }
}

fn parse_sni_key(s: &str) -> Option<SniKey> {
    let (host, port) = s.rsplit_once(':')?;
    if host.is_empty() || host.contains(char::is_whitespace) {
        return None;
    }
    Some(SniKey { host: host.to_ascii_lowercase(), port: port.parse().ok()? })
}

impl Records {
    fn parse(text: &str) -> Result<Records, String> {
        let mut r = Records::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("line {}: {line:?}", n + 1);
            let (kind, rest) = line.split_once(char::is_whitespace).ok_or_else(bad)?;
            let rest = rest.trim();
            match kind {
                "timeout" => {
                    let (name, value) = rest.split_once(char::is_whitespace).ok_or_else(bad)?;
                    let key = match name {
                        "IdleConnectionTimeout" => TimeoutKey::IdleConnection,
                        "HeaderWaitTimeout" => TimeoutKey::HeaderWait,
                        _ => return Err(bad()),
                    };
                    let v: u16 = value.trim().parse().map_err(|_| bad())?;
                    if v == 0 {
                        return Err(bad());
                    }
                    r.timeouts[key as usize] = Some(v);
                }
                "urlacl" => {
                    let (prefix, sddl) = rest.split_once(char::is_whitespace).ok_or_else(bad)?;
                    if super::url::parse_prefix(prefix).is_none() || sddl.trim().is_empty() {
                        return Err(bad());
                    }
                    r.url_acls.push((prefix.to_string(), sddl.trim().to_string()));
                }
                "iplisten" => r.ip_listen.push(rest.parse().map_err(|_| bad())?),
                "sslcert" | "sslsni" => {
                    let fields: Vec<&str> = rest.split_whitespace().collect();
                    let (key, params) = fields.split_first().ok_or_else(bad)?;
                    let binding = SslBinding::parse(params).ok_or_else(bad)?;
                    if kind == "sslcert" {
                        r.ssl_certs.push((key.parse().map_err(|_| bad())?, binding));
                    } else {
                        r.ssl_sni.push((parse_sni_key(key).ok_or_else(bad)?, binding));
                    }
                }
                _ => return Err(bad()),
            }
        }
        Ok(r)
    }

    fn render(&self) -> String {
        let mut s = String::from("# winhttpapi http.sys service configuration (HttpSetServiceConfiguration).\n# One record per line; written by the library, atomically.\n");
        for key in [TimeoutKey::IdleConnection, TimeoutKey::HeaderWait] {
            if let Some(v) = self.timeouts[key as usize] {
                s.push_str(&format!("timeout {} {v}\n", key.name()));
            }
        }
        for (p, d) in &self.url_acls {
            s.push_str(&format!("urlacl {p} {d}\n"));
        }
        for a in &self.ip_listen {
            s.push_str(&format!("iplisten {a}\n"));
        }
        for (a, b) in &self.ssl_certs {
            s.push_str(&format!("sslcert {a} {}\n", b.render()));
        }
        for (k, b) in &self.ssl_sni {
            s.push_str(&format!("sslsni {}:{} {}\n", k.host, k.port, b.render()));
        }
        s
    }

    fn acl_index(&self, prefix: &str) -> Option<usize> {
        self.url_acls.iter().position(|(p, _)| p.eq_ignore_ascii_case(prefix))
    }
}

/// The configuration file in use, and whether it is the system one.
pub fn config_path() -> (PathBuf, bool) {
    match std::env::var_os(CONFIG_ENV) {
        Some(p) if !p.is_empty() => (PathBuf::from(p), false),
        _ => (PathBuf::from(SYSTEM_CONFIG_PATH), true),
    }
}

/// What identifies one version of the file (to notice changes cheaply).
type Stamp = Option<(SystemTime, u64, u64)>;

fn stamp_of(path: &std::path::Path) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len(), m.ino()))
}

/// Reads the file: missing = empty; unreadable or corrupt = empty, with a warning.
fn load(path: &std::path::Path) -> Records {
    match std::fs::read(path) {
        Ok(bytes) => match std::str::from_utf8(&bytes).map_err(|e| e.to_string()).and_then(Records::parse) {
            Ok(r) => r,
            Err(why) => {
                tracing::warn!(target: T, "http.sys configuration {} is corrupt ({why}); using the defaults", path.display());
                Records::default()
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Records::default(),
        Err(e) => {
            tracing::warn!(target: T, "http.sys configuration {} cannot be read ({e}); using the defaults", path.display());
            Records::default()
        }
    }
}

struct Cache {
    path: PathBuf,
    checked: Option<Instant>,
    stamp: Stamp,
    records: Records,
}

static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

/// Whether a binding of the records in force asks for the ClientHello to be kept
/// (`HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO`): 0 not known yet, 1 none does, 2 one does.
/// Set wherever [`CACHE`] is, so a handshake asks it with one load ([`client_hello_wanted`]).
static HELLO_WANTED: AtomicU8 = AtomicU8::new(0);

/// Installs `cache` (under [`CACHE`]'s lock) and notes whether one of its bindings keeps the ClientHello.
fn install(slot: &mut Option<Cache>, cache: Cache) {
    let r = &cache.records;
    let keeps = |b: &SslBinding| b.flags & abi::HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO != 0;
    let any = r.ssl_certs.iter().any(|(_, b)| keeps(b)) || r.ssl_sni.iter().any(|(_, b)| keeps(b));
    HELLO_WANTED.store(if any { 2 } else { 1 }, Ordering::Relaxed);
    *slot = Some(cache);
}

/// Whether some SSL binding keeps the ClientHello (then a handshake records its bytes until the binding
/// is chosen, and keeps them only if that binding asks). One atomic load once the records are read; as
/// fresh as [`current`] (a change by another process is seen within a second).
pub fn client_hello_wanted() -> bool {
    match HELLO_WANTED.load(Ordering::Relaxed) {
        0 => {
            let _ = current();
            HELLO_WANTED.load(Ordering::Relaxed) == 2
        }
        v => v == 2,
    }
}

/// The records now in force, re-read when the file changed (checked at most once a second, so the
/// per-connection call stays cheap).
pub fn current() -> Records {
    let (path, _) = config_path();
    let mut c = CACHE.lock();
    if let Some(cache) = c.as_mut() {
        if cache.path == path && cache.checked.is_some_and(|t| t.elapsed() < Duration::from_secs(1)) {
            return cache.records.clone();
        }
        if cache.path == path {
            let stamp = stamp_of(&path);
            cache.checked = Some(Instant::now());
            if stamp == cache.stamp {
                return cache.records.clone();
            }
        }
    }
    let stamp = stamp_of(&path);
    let records = load(&path);
    install(&mut c, Cache { path, checked: Some(Instant::now()), stamp, records: records.clone() });
    records
}

/// The machine-wide timers now in force.
pub fn machine_timeouts() -> MachineTimeouts {
    let r = current();
    MachineTimeouts {
        idle_connection: r.timeouts[0].unwrap_or(DEFAULT_MACHINE_TIMEOUTS.idle_connection),
        header_wait: r.timeouts[1].unwrap_or(DEFAULT_MACHINE_TIMEOUTS.header_wait),
    }
}

fn denied(e: std::io::Error) -> Win32Error {
    match e.raw_os_error() {
        Some(libc::EROFS) | Some(libc::EACCES) | Some(libc::EPERM) => ERROR_ACCESS_DENIED,
        _ => Win32Error::from(e),
    }
}

/// Read-modify-write of the file under its lock; `change` decides (and may refuse).
fn modify<R>(change: impl FnOnce(&mut Records) -> WinResult<R>) -> WinResult<R> {
    let (path, system) = config_path();
    // Windows: only administrators change the HTTP configuration store.
    // SAFETY: geteuid has no preconditions.
    if system && unsafe { libc::geteuid() } != 0 {
        return Err(ERROR_ACCESS_DENIED);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if system {
        std::fs::create_dir_all(&dir).map_err(denied)?;
    }
    let mut lock_name = path.file_name().ok_or(ERROR_INVALID_PARAMETER)?.to_os_string();
    lock_name.push(".lock");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(&lock_name))
        .map_err(denied)?;
    // SAFETY: a descriptor we own; flock has no memory effects.
    while unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) } != 0 {
        if std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            break;
        }
    }
    let mut records = load(&path);
    let before = records.clone();
    let out = change(&mut records)?;
    if records != before {
        let mut tmp_name = path.file_name().expect("checked above").to_os_string();
        tmp_name.push(format!(".tmp.{}", std::process::id()));
        let tmp = dir.join(tmp_name);
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(records.render().as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        };
        if let Err(e) = write() {
            let _ = std::fs::remove_file(&tmp);
            return Err(denied(e));
        }
        let stamp = stamp_of(&path);
        install(&mut CACHE.lock(), Cache { path, checked: Some(Instant::now()), stamp, records });
    }
    Ok(out)
}

/// `HttpSetServiceConfiguration(HttpServiceConfigTimeout)`: a second set of a configured key is
/// `ERROR_ALREADY_EXISTS` (the documented rule for every record: delete, then set).
pub fn set_timeout(key: TimeoutKey, seconds: u16, replace: bool) -> WinResult<()> {
    if seconds == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    modify(|r| {
        let slot = &mut r.timeouts[key as usize];
        if slot.is_some() && !replace {
            return Err(ERROR_ALREADY_EXISTS);
        }
        *slot = Some(seconds);
        Ok(())
    })
}

/// `HttpDeleteServiceConfiguration(HttpServiceConfigTimeout)`: back to the default; not configured:
/// `ERROR_FILE_NOT_FOUND`.
pub fn delete_timeout(key: TimeoutKey) -> WinResult<()> {
    modify(|r| r.timeouts[key as usize].take().map(|_| ()).ok_or(ERROR_FILE_NOT_FOUND))
}

/// `HttpQueryServiceConfiguration(HttpServiceConfigTimeout)`: the value in force (the configured one,
/// else the default).
pub fn query_timeout(key: TimeoutKey) -> u16 {
    let t = machine_timeouts();
    match key {
        TimeoutKey::IdleConnection => t.idle_connection,
        TimeoutKey::HeaderWait => t.header_wait,
    }
}

/// Adds a URL reservation (`ERROR_ALREADY_EXISTS` when the prefix has one; `replace` for
/// `HttpUpdateServiceConfiguration`, which needs an existing one: `ERROR_FILE_NOT_FOUND`).
pub fn set_url_acl(prefix: &str, sddl: &str, replace: bool) -> WinResult<()> {
    if super::url::parse_prefix(prefix).is_none() || prefix.contains(char::is_whitespace) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // An SDDL string: at least a DACL ("D:...") and nothing that breaks the one-line record.
    let sddl = sddl.trim();
    if !sddl.starts_with("D:") || sddl.contains(['\n', '\r']) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    modify(|r| match (r.acl_index(prefix), replace) {
        (Some(_), false) => Err(ERROR_ALREADY_EXISTS),
        (None, true) => Err(ERROR_FILE_NOT_FOUND),
        (Some(i), true) => {
            r.url_acls[i].1 = sddl.to_string();
            Ok(())
        }
        (None, false) => {
            r.url_acls.push((prefix.to_string(), sddl.to_string()));
            Ok(())
        }
    })
}

pub fn delete_url_acl(prefix: &str) -> WinResult<()> {
    modify(|r| {
        let i = r.acl_index(prefix).ok_or(ERROR_FILE_NOT_FOUND)?;
        r.url_acls.remove(i);
        Ok(())
    })
}

/// One reservation by prefix (`ERROR_FILE_NOT_FOUND`) or by enumeration index (`ERROR_NO_MORE_ITEMS`).
pub fn query_url_acl(prefix: Option<&str>, index: u32) -> WinResult<(String, String)> {
    let r = current();
    match prefix {
        Some(p) => r.acl_index(p).map(|i| r.url_acls[i].clone()).ok_or(ERROR_FILE_NOT_FOUND),
        None => r.url_acls.get(index as usize).cloned().ok_or(ERROR_NO_MORE_ITEMS),
    }
}

pub fn add_ip_listen(addr: SocketAddr) -> WinResult<()> {
    modify(|r| {
        if r.ip_listen.contains(&addr) {
            return Err(ERROR_ALREADY_EXISTS);
        }
        r.ip_listen.push(addr);
        Ok(())
    })
}

pub fn delete_ip_listen(addr: SocketAddr) -> WinResult<()> {
    modify(|r| {
        let i = r.ip_listen.iter().position(|a| *a == addr).ok_or(ERROR_FILE_NOT_FOUND)?;
        r.ip_listen.remove(i);
        Ok(())
    })
}

pub fn ip_listen_list() -> Vec<SocketAddr> {
    current().ip_listen
}

/// The key of an SSL record: an IP:port (`HttpServiceConfigSSLCertInfo`) or a host:port
/// (`HttpServiceConfigSslSniCertInfo`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SslKey {
    IpPort(SocketAddr),
    Sni(SniKey),
}

fn ssl_key_matches(r: &Records, key: &SslKey) -> Option<usize> {
    match key {
        SslKey::IpPort(a) => r.ssl_certs.iter().position(|(k, _)| k == a),
        SslKey::Sni(s) => r.ssl_sni.iter().position(|(k, _)| k == s),
    }
}

/// `HttpSetServiceConfiguration` (`replace`: `HttpUpdateServiceConfiguration`) of an SSL binding:
/// a key that has one is `ERROR_ALREADY_EXISTS` (update: a key without one is `ERROR_FILE_NOT_FOUND`).
/// The caller has checked that the certificate is in the store.
pub fn set_ssl(key: SslKey, binding: SslBinding, replace: bool) -> WinResult<()> {
    if binding.store.contains(char::is_whitespace) || binding.store == "-" {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if let SslKey::Sni(k) = &key {
        if k.host.is_empty() || k.host.contains(char::is_whitespace) || k.host.contains(':') {
            return Err(ERROR_INVALID_PARAMETER);
        }
    }
    modify(|r| match (ssl_key_matches(r, &key), replace) {
        (Some(_), false) => Err(ERROR_ALREADY_EXISTS),
        (None, true) => Err(ERROR_FILE_NOT_FOUND),
        (Some(i), true) => {
            match key {
                SslKey::IpPort(_) => r.ssl_certs[i].1 = binding,
                SslKey::Sni(_) => r.ssl_sni[i].1 = binding,
            }
            Ok(())
        }
        (None, false) => {
            match key {
                SslKey::IpPort(a) => r.ssl_certs.push((a, binding)),
                SslKey::Sni(k) => r.ssl_sni.push((k, binding)),
            }
            Ok(())
        }
    })
}

/// `HttpDeleteServiceConfiguration` of an SSL binding (`ERROR_FILE_NOT_FOUND` when there is none).
pub fn delete_ssl(key: &SslKey) -> WinResult<()> {
    modify(|r| {
        let i = ssl_key_matches(r, key).ok_or(ERROR_FILE_NOT_FOUND)?;
        match key {
            SslKey::IpPort(_) => drop(r.ssl_certs.remove(i)),
            SslKey::Sni(_) => drop(r.ssl_sni.remove(i)),
        }
        Ok(())
    })
}

/// One SSL binding by key (`ERROR_FILE_NOT_FOUND`) or, `key` None, by enumeration index among the
/// records of the same kind as `sni` (`ERROR_NO_MORE_ITEMS`).
pub fn query_ssl(key: Option<&SslKey>, sni: bool, index: u32) -> WinResult<(SslKey, SslBinding)> {
    let r = current();
    match key {
        Some(k) => {
            let i = ssl_key_matches(&r, k).ok_or(ERROR_FILE_NOT_FOUND)?;
            Ok(match k {
                SslKey::IpPort(_) => (k.clone(), r.ssl_certs[i].1.clone()),
                SslKey::Sni(_) => (k.clone(), r.ssl_sni[i].1.clone()),
            })
        }
        None if sni => {
            r.ssl_sni.get(index as usize).map(|(k, b)| (SslKey::Sni(k.clone()), b.clone())).ok_or(ERROR_NO_MORE_ITEMS)
        }
        None => {
            r.ssl_certs.get(index as usize).map(|(a, b)| (SslKey::IpPort(*a), b.clone())).ok_or(ERROR_NO_MORE_ITEMS)
        }
    }
}

/// The binding a TLS connection to `local` uses, as http.sys picks it: the SNI binding for
/// (`server_name`, port) when the client sent that name, else the binding of the exact IP:port, else
/// the wildcard (0.0.0.0:port for IPv4, [::]:port for IPv6). With whether it was the SNI binding
/// (`HTTP_REQUEST_PROPERTY_SNI_FLAG_SNI_USED`).
pub fn ssl_binding_for(local: SocketAddr, server_name: Option<&str>) -> Option<(SslBinding, bool)> {
    pick_ssl_binding(&current(), local, server_name)
}

fn pick_ssl_binding(r: &Records, local: SocketAddr, server_name: Option<&str>) -> Option<(SslBinding, bool)> {
    let port = local.port();
    if let Some(name) = server_name {
        if let Some((_, b)) = r.ssl_sni.iter().find(|(k, _)| k.port == port && k.host.eq_ignore_ascii_case(name)) {
            return Some((b.clone(), true));
        }
    }
    let ip = super::url::canonical_ip(local.ip());
    if let Some((_, b)) = r.ssl_certs.iter().find(|(a, _)| a.port() == port && super::url::canonical_ip(a.ip()) == ip) {
        return Some((b.clone(), false));
    }
    let wildcard = |a: &SocketAddr| a.port() == port && a.ip().is_unspecified() && (a.is_ipv4() == ip.is_ipv4());
    let any = r
        .ssl_certs
        .iter()
        .find(|(a, _)| wildcard(a))
        .or_else(|| r.ssl_certs.iter().find(|(a, _)| a.port() == port && a.ip().is_unspecified()));
    any.map(|(_, b)| (b.clone(), false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_corruption_is_refused() {
        let r = Records {
            timeouts: [Some(30), None],
            url_acls: vec![("http://+:8080/app/".into(), "D:(A;;GX;;;WD)".into())],
            ip_listen: vec!["127.0.0.1:80".parse().unwrap(), "[::1]:81".parse().unwrap()],
            ssl_certs: vec![(
                "0.0.0.0:443".parse().unwrap(),
                SslBinding {
                    hash: vec![0xab; 20],
                    app_id: [7; 16],
                    store: "MY".into(),
                    check_mode: 1,
                    revocation_freshness: 2,
                    revocation_url_timeout: 3,
                    flags: 4,
                },
            )],
            ssl_sni: vec![(
                SniKey { host: "www.example.com".into(), port: 8443 },
                SslBinding { hash: vec![1; 20], ..Default::default() },
            )],
        };
        assert_eq!(Records::parse(&r.render()).unwrap(), r);
        // Binding choice: SNI name, then exact IP:port, then the wildcard.
        let local: SocketAddr = "127.0.0.1:8443".parse().unwrap();
        assert_eq!(
            pick_ssl_binding(&r, local, Some("WWW.example.com")).map(|(b, sni)| (b.hash, sni)),
            Some((vec![1; 20], true))
        );
        assert!(pick_ssl_binding(&r, local, Some("other")).is_none());
        assert_eq!(
            pick_ssl_binding(&r, "127.0.0.1:443".parse().unwrap(), Some("www.example.com"))
                .map(|(b, sni)| (b.hash, sni)),
            Some((vec![0xab; 20], false))
        );
        assert_eq!(pick_ssl_binding(&r, "[::1]:443".parse().unwrap(), None).unwrap().0.hash, vec![0xab; 20]);
        let mut exact = r.clone();
        exact
            .ssl_certs
            .push(("127.0.0.1:443".parse().unwrap(), SslBinding { hash: vec![2; 20], ..Default::default() }));
        assert_eq!(pick_ssl_binding(&exact, "127.0.0.1:443".parse().unwrap(), None).unwrap().0.hash, vec![2; 20]);
        assert_eq!(pick_ssl_binding(&exact, "10.0.0.1:443".parse().unwrap(), None).unwrap().0.hash, vec![0xab; 20]);
        for bad in [
            "timeout IdleConnectionTimeout x",
            "timeout Foo 3",
            "junk",
            "iplisten nowhere",
            "timeout HeaderWaitTimeout 0",
            "urlacl notaurl D:x",
            "sslcert 0.0.0.0:443 zz 00 MY 0 0 0 0",
            "sslsni nohost abcd 00000000000000000000000000000000 - 0 0 0 0",
        ] {
            assert!(Records::parse(bad).is_err(), "{bad}");
        }
    }
}
