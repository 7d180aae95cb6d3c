//! `HttpServerLoggingProperty`: http.sys's W3C request log, written by the library.
//!
//! A server session or a URL group carries a [`LogConfig`] (set from `HTTP_LOGGING_INFO`); the group's
//! wins over its session's, as for every property that applies to both. After each response completes,
//! the response path calls [`record`], which appends one line to `DirectoryName/<file>` with the fields
//! the `Fields` flags select, under a `#Software` / `#Version` / `#Date` / `#Fields` header as W3C
//! extended logs (and http.sys) write it. Files roll over by size (`u_extend<N>.log`) or by time
//! (`u_exYYMMDD[HH].log`, UTC unless `HTTP_LOGGING_FLAG_LOCAL_TIME_ROLLOVER`, which is treated as UTC
//! here too).
//!
//! Cost when nothing is configured: one relaxed atomic load per response.
use crate::http1::date::civil_from_unix;
use crate::server::abi::{HTTP_LOGGING_FLAG_LOG_ERRORS_ONLY, HTTP_LOGGING_FLAG_LOG_SUCCESS_ONLY};
use crate::win32::error::*;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `HTTP_LOGGING_ROLLOVER_TYPE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rollover {
    Size(u64),
    Daily,
    Weekly,
    Monthly,
    Hourly,
}

impl Rollover {
    pub fn raw(self) -> (u32, u32) {
        match self {
            Rollover::Size(n) => (0, n.min(u32::MAX as u64) as u32),
            Rollover::Daily => (1, 0),
            Rollover::Weekly => (2, 0),
            Rollover::Monthly => (3, 0),
            Rollover::Hourly => (4, 0),
        }
    }
}

/// What `HTTP_LOGGING_INFO` asked for (validated by the export).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogConfig {
    pub logging_flags: u32,
    pub software: String,
    pub directory: PathBuf,
    /// `HTTP_LOGGING_TYPE` (only W3C is written).
    pub format: u32,
    pub fields: u32,
    pub max_record_size: u16,
    pub rollover: Rollover,
}

/// Who a configuration belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    Session(u64),
    Group(u64),
}

/// (flag, W3C field name), in the order W3C logs list them.
const FIELDS: &[(u32, &str)] = &[
    (0x1, "date"),
    (0x2, "time"),
    (0x10, "s-sitename"),
    (0x20, "s-computername"),
    (0x40, "s-ip"),
    (0x80, "cs-method"),
    (0x100, "cs-uri-stem"),
    (0x200, "cs-uri-query"),
    (0x8000, "s-port"),
    (0x8, "cs-username"),
    (0x4, "c-ip"),
    (0x400000, "c-port"),
    (0x80000, "cs-version"),
    (0x10000, "cs(User-Agent)"),
    (0x20000, "cs(Cookie)"),
    (0x40000, "cs(Referer)"),
    (0x100000, "cs-host"),
    (0x400, "sc-status"),
    (0x200000, "sc-substatus"),
    (0x800, "sc-win32-status"),
    (0x1000, "sc-bytes"),
    (0x2000, "cs-bytes"),
    (0x4000, "time-taken"),
    (0x2000000, "s-reason"),
];

/// One completed response, as the response path knows it.
pub struct Entry<'a> {
    pub remote: SocketAddr,
    pub local: SocketAddr,
    pub method: &'a [u8],
    pub path: &'a str,
    /// With its leading `?`, or empty.
    pub query: &'a str,
    pub version: (u8, u8),
    pub host: Option<&'a [u8]>,
    pub user_agent: Option<&'a [u8]>,
    pub cookie: Option<&'a [u8]>,
    pub referer: Option<&'a [u8]>,
    pub status: u16,
    pub win32_status: u32,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    pub time_taken: Duration,
}

struct Sink {
    cfg: LogConfig,
    file: Mutex<Option<Open>>,
}

static ANY: AtomicBool = AtomicBool::new(false);

/// Whether any session or group logs requests (nothing to prepare per request otherwise).
pub fn any() -> bool {
    ANY.load(Ordering::Relaxed)
}
static SINKS: Mutex<Option<HashMap<Owner, Arc<Sink>>>> = Mutex::new(None);

/// Sets (`Some`) or removes (`None`, `Present` = 0) an owner's logging. The directory is created
/// when missing, as http.sys does; one that cannot be created or written: `ERROR_ACCESS_DENIED` (or
/// the error met).
pub fn set(owner: Owner, cfg: Option<LogConfig>) -> WinResult<()> {
    let mut sinks = SINKS.lock();
    let map = sinks.get_or_insert_with(HashMap::new);
    match cfg {
        None => {
            map.remove(&owner);
        }
        Some(cfg) => {
            std::fs::create_dir_all(&cfg.directory).map_err(Win32Error::from)?;
            let probe = cfg.directory.join(format!(".winhttpapi-probe-{}", std::process::id()));
            std::fs::File::create(&probe).map_err(Win32Error::from)?;
            let _ = std::fs::remove_file(&probe);
            map.insert(owner, Arc::new(Sink { cfg, file: Mutex::new(None) }));
        }
    }
    ANY.store(!map.is_empty(), Ordering::Release);
    Ok(())
}

/// An owner's logging configuration, if set.
pub fn get(owner: Owner) -> Option<LogConfig> {
    SINKS.lock().as_ref()?.get(&owner).map(|s| s.cfg.clone())
}

/// Forgets a closed session's or group's configuration.
pub fn forget(owner: Owner) {
    let _ = set(owner, None);
}

/// Appends the entry to the log of `group` (or, when it has none, of `session`).
pub fn record(group: Option<u64>, session: Option<u64>, e: &Entry) {
    if !ANY.load(Ordering::Relaxed) {
        return;
    }
    let sink = {
        let sinks = SINKS.lock();
        let Some(map) = sinks.as_ref() else { return };
        match group
            .and_then(|g| map.get(&Owner::Group(g)))
            .or_else(|| session.and_then(|s| map.get(&Owner::Session(s))))
        {
            Some(s) => s.clone(),
            None => return,
        }
    };
    let flags = sink.cfg.logging_flags;
    let error = e.status >= 400;
    if (flags & HTTP_LOGGING_FLAG_LOG_ERRORS_ONLY != 0 && !error)
        || (flags & HTTP_LOGGING_FLAG_LOG_SUCCESS_ONLY != 0 && error)
    {
        return;
    }
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_secs() as i64;
    let mut line = format_line(sink.cfg.fields, e, now);
    if sink.cfg.max_record_size > 0 && line.len() > sink.cfg.max_record_size as usize {
        line.truncate(sink.cfg.max_record_size as usize);
    }
    line.push_str("\r\n");
    if let Err(err) = sink.append(&line, now) {
        tracing::warn!(target: "winhttpapi::httpapi", "request log in {}: {err}", sink.cfg.directory.display());
    }
}

/// A W3C field value: `-` when empty, spaces as `+` (so a line splits on spaces).
fn field(out: &mut String, v: &[u8]) {
    if v.is_empty() {
        out.push('-');
        return;
    }
    for &b in v {
        match b {
            b' ' => out.push('+'),
            0x21..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

fn format_line(fields: u32, e: &Entry, now: i64) -> String {
    let t = civil_from_unix(now);
    let mut s = String::with_capacity(160);
    for &(flag, _) in FIELDS {
        if fields & flag == 0 {
            continue;
        }
        if !s.is_empty() {
            s.push(' ');
        }
        match flag {
            0x1 => s.push_str(&format!("{:04}-{:02}-{:02}", t.year, t.month, t.day)),
            0x2 => s.push_str(&format!("{:02}:{:02}:{:02}", t.hour, t.minute, t.second)),
            0x4 => s.push_str(&e.remote.ip().to_string()),
            0x40 => s.push_str(&e.local.ip().to_string()),
            0x80 => field(&mut s, e.method),
            0x100 => field(&mut s, e.path.as_bytes()),
            0x200 => field(&mut s, e.query.strip_prefix('?').unwrap_or(e.query).as_bytes()),
            0x400 => s.push_str(&e.status.to_string()),
            0x800 => s.push_str(&e.win32_status.to_string()),
            0x1000 => s.push_str(&e.bytes_sent.to_string()),
            0x2000 => s.push_str(&e.bytes_received.to_string()),
            0x4000 => s.push_str(&e.time_taken.as_millis().to_string()),
            0x8000 => s.push_str(&e.local.port().to_string()),
            0x400000 => s.push_str(&e.remote.port().to_string()),
            0x10000 => field(&mut s, e.user_agent.unwrap_or_default()),
            0x20000 => field(&mut s, e.cookie.unwrap_or_default()),
            0x40000 => field(&mut s, e.referer.unwrap_or_default()),
            0x80000 => s.push_str(&format!("HTTP/{}.{}", e.version.0, e.version.1)),
            0x100000 => field(&mut s, e.host.unwrap_or_default()),
            0x200000 => s.push('0'),
            0x2000000 => field(&mut s, super::response::reason_phrase(e.status).as_bytes()),
            _ => s.push('-'), // user name, site name, computer name: nothing to report
        }
    }
    s
}

fn header(cfg: &LogConfig, now: i64) -> String {
    let t = civil_from_unix(now);
    let names: Vec<&str> = FIELDS.iter().filter(|(f, _)| cfg.fields & f != 0).map(|(_, n)| *n).collect();
    let software = if cfg.software.is_empty() { "Microsoft HTTP Server API 2.0" } else { &cfg.software };
    format!(
        "#Software: {software}\r\n#Version: 1.0\r\n#Date: {:04}-{:02}-{:02} {:02}:{:02}:{:02}\r\n#Fields: {}\r\n",
        t.year,
        t.month,
        t.day,
        t.hour,
        t.minute,
        t.second,
        names.join(" ")
    )
}

/// The file name a time-based rollover uses for `now`.
fn time_name(r: Rollover, now: i64) -> String {
    let t = civil_from_unix(now);
    let yy = t.year % 100;
    match r {
        Rollover::Hourly => format!("u_ex{yy:02}{:02}{:02}{:02}.log", t.month, t.day, t.hour),
        Rollover::Daily => format!("u_ex{yy:02}{:02}{:02}.log", t.month, t.day),
        // Week of the month, 1-based, as IIS numbers it.
        Rollover::Weekly => format!("u_ex{yy:02}{:02}{:02}.log", t.month, (t.day - 1) / 7 + 1),
        Rollover::Monthly | Rollover::Size(_) => format!("u_ex{yy:02}{:02}.log", t.month),
    }
}

struct Open {
    name: String,
    file: std::fs::File,
    written: u64,
    seq: u32,
}

impl Sink {
    fn append(&self, line: &str, now: i64) -> std::io::Result<()> {
        let mut f = self.file.lock();
        match self.cfg.rollover {
            Rollover::Size(limit) => {
                if f.is_none() {
                    let (name, seq) = self.last_size_file();
                    *f = Some(self.open(name, seq, now)?);
                }
                let cur = f.as_ref().expect("opened above");
                if cur.written > 0 && cur.written + line.len() as u64 > limit {
                    let seq = cur.seq + 1;
                    *f = Some(self.open(format!("u_extend{seq}.log"), seq, now)?);
                }
            }
            r => {
                let name = time_name(r, now);
                if f.as_ref().is_none_or(|o| o.name != name) {
                    *f = Some(self.open(name, 0, now)?);
                }
            }
        }
        let o = f.as_mut().expect("opened above");
        o.file.write_all(line.as_bytes())?;
        o.written += line.len() as u64;
        Ok(())
    }

    /// The size-rollover file to continue: the highest `u_extend<N>.log` there, or `u_extend1.log`.
    fn last_size_file(&self) -> (String, u32) {
        let mut best = 1u32;
        if let Ok(rd) = std::fs::read_dir(&self.cfg.directory) {
            for ent in rd.flatten() {
                let n = ent.file_name();
                let n = n.to_string_lossy();
                if let Some(k) =
                    n.strip_prefix("u_extend").and_then(|r| r.strip_suffix(".log")).and_then(|k| k.parse::<u32>().ok())
                {
                    best = best.max(k);
                }
            }
        }
        (format!("u_extend{best}.log"), best)
    }

    /// Opens (appending) a log file; a new one gets the W3C header.
    fn open(&self, name: String, seq: u32, now: i64) -> std::io::Result<Open> {
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(self.cfg.directory.join(&name))?;
        let mut written = file.metadata()?.len();
        if written == 0 {
            let h = header(&self.cfg, now);
            file.write_all(h.as_bytes())?;
            written = h.len() as u64;
        }
        Ok(Open { name, file, written, seq })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_size_rollover() {
        let dir = std::env::temp_dir().join(format!("winhttpapi-logtest-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cfg = LogConfig {
            logging_flags: 0,
            software: String::new(),
            directory: dir.clone(),
            format: 0,
            fields: 0x1 | 0x4 | 0x80 | 0x100 | 0x200 | 0x400 | 0x1000,
            max_record_size: 0,
            rollover: Rollover::Size(600),
        };
        set(Owner::Session(0xfeed), Some(cfg)).unwrap();
        let e = Entry {
            remote: "127.0.0.1:5000".parse().unwrap(),
            local: "127.0.0.1:80".parse().unwrap(),
            method: b"GET",
            path: "/a b",
            query: "?x=1",
            version: (1, 1),
            host: None,
            user_agent: None,
            cookie: None,
            referer: None,
            status: 200,
            win32_status: 0,
            bytes_sent: 42,
            bytes_received: 0,
            time_taken: Duration::from_millis(3),
        };
        for _ in 0..20 {
            record(None, Some(0xfeed), &e);
        }
        let first = std::fs::read_to_string(dir.join("u_extend1.log")).unwrap();
        assert!(
            first.contains("#Fields: date cs-method cs-uri-stem cs-uri-query c-ip sc-status sc-bytes\r\n"),
            "{first}"
        );
        assert!(first.contains(" GET /a+b x=1 127.0.0.1 200 42\r\n"), "{first}");
        assert!(first.len() <= 600);
        assert!(dir.join("u_extend2.log").exists());
        forget(Owner::Session(0xfeed));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
