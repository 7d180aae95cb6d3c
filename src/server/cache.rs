//! The fragment cache ("Fragment Cache" in the HTTP Server API docs): named blocks of response data a
//! queue stores once (`HttpAddFragmentToCache`) and then reads back (`HttpReadFragmentFromCache`) or
//! sends by name (`HttpDataChunkFromFragmentCache[Ex]` chunks), until it flushes them
//! (`HttpFlushResponseCache`), they expire (`HttpCachePolicyTimeToLive`) or the queue closes.
//!
//! As on Windows the cache belongs to one request queue, and a fragment's name is a URL inside a prefix
//! the queue has registered (itself, or through a URL group bound to it). Names compare in their
//! `HttpPrepareUrl` form, case-insensitively (as http.sys matches URLs).
use super::prepare::prepare_url;
use super::queue::RequestQueue;
use super::router;
use crate::server::abi::{HTTP_CACHE_POLICY_TIME_TO_LIVE, HTTP_CACHE_POLICY_USER_INVALIDATES};
use crate::win32::error::*;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long a fragment lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Until flushed or the queue closes.
    UserInvalidates,
    /// `SecondsToLive` from now.
    TimeToLive(u32),
}

impl Policy {
    /// An `HTTP_CACHE_POLICY` for a fragment: `HttpCachePolicyNocache` caches nothing, so it cannot name a
    /// fragment (`ERROR_INVALID_PARAMETER`), nor can an unknown type or a zero time to live.
    pub fn for_fragment(kind: i32, seconds: u32) -> WinResult<Policy> {
        match kind {
            HTTP_CACHE_POLICY_USER_INVALIDATES => Ok(Policy::UserInvalidates),
            HTTP_CACHE_POLICY_TIME_TO_LIVE if seconds > 0 => Ok(Policy::TimeToLive(seconds)),
            _ => Err(ERROR_INVALID_PARAMETER),
        }
    }
}

struct Fragment {
    data: Arc<[u8]>,
    expires: Option<Instant>,
}

impl Fragment {
    fn live(&self, now: Instant) -> bool {
        self.expires.is_none_or(|t| now < t)
    }
}

/// Fragments by queue (its `key`), then by canonical name.
static CACHES: once_cell::sync::Lazy<Mutex<HashMap<usize, HashMap<String, Fragment>>>> =
    once_cell::sync::Lazy::new(Default::default);

/// The canonical name of a fragment (or flush prefix): `ERROR_INVALID_PARAMETER` when it is not a
/// `scheme://host:port/path` URL.
fn canonical_name(name: &str) -> WinResult<String> {
    // The port is part of every UrlPrefix: a name without one is refused, not completed.
    let after = name.split_once("://").ok_or(ERROR_INVALID_PARAMETER)?.1;
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    let port_given = match authority.rfind(']') {
        Some(i) => authority[i..].contains(':'),
        None => authority.contains(':'),
    };
    if !port_given || !after.contains('/') {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(prepare_url(name)?.to_lowercase())
}

/// `HttpAddFragmentToCache`: stores (or replaces) fragment `name` of `queue`. A name outside the
/// queue's prefixes: `ERROR_INVALID_PARAMETER`.
pub fn add(queue: &Arc<RequestQueue>, name: &str, data: &[u8], policy: Policy) -> WinResult<()> {
    let key = canonical_name(name)?;
    if !router::queue_owns_url(queue, &key) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let expires = match policy {
        Policy::UserInvalidates => None,
        Policy::TimeToLive(s) => Some(Instant::now() + Duration::from_secs(s as u64)),
    };
    let mut caches = CACHES.lock();
    let frags = caches.entry(queue.key()).or_default();
    let now = Instant::now();
    frags.retain(|_, f| f.live(now));
    frags.insert(key, Fragment { data: Arc::from(data), expires });
    Ok(())
}

/// The bytes of fragment `name`: `ERROR_PATH_NOT_FOUND` when it is missing or expired (the code IIS
/// passes on from http.sys for a fragment it cannot find); a malformed name is `ERROR_INVALID_PARAMETER`.
pub fn read(queue: &RequestQueue, name: &str) -> WinResult<Arc<[u8]>> {
    let key = canonical_name(name)?;
    let mut caches = CACHES.lock();
    let frags = caches.get_mut(&queue.key()).ok_or(ERROR_PATH_NOT_FOUND)?;
    let now = Instant::now();
    match frags.get(&key) {
        Some(f) if f.live(now) => Ok(f.data.clone()),
        Some(_) => {
            frags.remove(&key);
            Err(ERROR_PATH_NOT_FOUND)
        }
        None => Err(ERROR_PATH_NOT_FOUND),
    }
}

/// The part of `data` a `HTTP_BYTE_RANGE` names (`u64::MAX` length: to the end). A start beyond the
/// end is `ERROR_INVALID_PARAMETER`; a length beyond it is cut at the end.
pub fn slice_range(data: &[u8], start: u64, len: u64) -> WinResult<&[u8]> {
    if start > data.len() as u64 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let s = start as usize;
    let avail = data.len() - s;
    let n = if len == u64::MAX { avail } else { (len.min(avail as u64)) as usize };
    Ok(&data[s..s + n])
}

/// `HttpFlushResponseCache`: removes the fragments named by `prefix` (its own name and the names in
/// its directory), and with `recursive` every name below it. Removing nothing is not an error.
pub fn flush(queue: &RequestQueue, prefix: &str, recursive: bool) -> WinResult<()> {
    let key = canonical_name(prefix)?;
    let dir = if key.ends_with('/') { key.clone() } else { format!("{key}/") };
    let mut caches = CACHES.lock();
    if let Some(frags) = caches.get_mut(&queue.key()) {
        let now = Instant::now();
        frags.retain(|name, f| {
            let hit = *name == key
                || name.strip_prefix(&dir).is_some_and(|rest| recursive || !rest.trim_end_matches('/').contains('/'));
            !hit && f.live(now)
        });
    }
    Ok(())
}

/// The queue closed: its fragments go with it.
pub fn drop_queue(queue_key: usize) {
    CACHES.lock().remove(&queue_key);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_ranges() {
        assert_eq!(canonical_name("HTTP://LocalHost:80/A/b.gif").as_deref(), Ok("http://localhost:80/a/b.gif"));
        assert_eq!(canonical_name("http://localhost/a"), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(canonical_name("localhost:80/a"), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(canonical_name("http://[::1]:80/a").as_deref(), Ok("http://[::1]:80/a"));
        assert_eq!(canonical_name("http://[::1]/a"), Err(ERROR_INVALID_PARAMETER));
        let d = b"0123456789";
        assert_eq!(slice_range(d, 0, u64::MAX), Ok(&d[..]));
        assert_eq!(slice_range(d, 3, 4), Ok(&d[3..7]));
        assert_eq!(slice_range(d, 8, 100), Ok(&d[8..]));
        assert_eq!(slice_range(d, 10, 1), Ok(&d[10..]));
        assert_eq!(slice_range(d, 11, 1), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(Policy::for_fragment(0, 5), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(Policy::for_fragment(2, 0), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(Policy::for_fragment(3, 0), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(Policy::for_fragment(1, 0), Ok(Policy::UserInvalidates));
    }
}
