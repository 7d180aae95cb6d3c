//! The engine's entry points, one per WinHTTP function, called by `src/ffi/winhttp.rs` with safe
//! values: handle lookups (with WinHTTP's wrong-kind and wrong-state codes), object creation, and the
//! synchronous runs of the request steps.
use super::connect::Connect;
use super::exec;
use super::options::{self, Object, Value};
use super::query::{self, QueryValue};
use super::request::*;
use super::session::*;
use crate::win32::error::*;
use crate::win32::handle::{self, KernelObject, RawHandle};
use std::sync::Arc;

/// The object behind a WinHTTP handle: dead/forged/NULL -> `ERROR_INVALID_HANDLE`, live but not a
/// WinHTTP object of the wanted kind -> `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`.
fn lookup<T: KernelObject>(h: RawHandle) -> WinResult<Arc<T>> {
    handle::get_as::<T>(h)?.ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE)
}

pub fn session(h: RawHandle) -> WinResult<Arc<Session>> {
    lookup(h)
}
pub fn request(h: RawHandle) -> WinResult<Arc<Request>> {
    lookup(h)
}

/// Any of the three WinHTTP handle kinds, for options.
pub fn object(h: RawHandle) -> WinResult<Object> {
    if let Some(s) = handle::get_as::<Session>(h)? {
        return Ok(Object::Session(s));
    }
    if let Some(c) = handle::get_as::<Connect>(h)? {
        return Ok(Object::Connect(c));
    }
    if let Some(r) = handle::get_as::<Request>(h)? {
        return Ok(Object::Request(r));
    }
    Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE)
}

/// `WinHttpOpen`.
pub fn open_session(agent: Option<String>, access: u32, proxy: Option<String>, bypass: Option<String>, flags: u32) -> WinResult<RawHandle> {
    let access_in = access;
    let access = match access {
        WINHTTP_ACCESS_TYPE_DEFAULT_PROXY | WINHTTP_ACCESS_TYPE_NO_PROXY | WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY => WINHTTP_ACCESS_TYPE_NO_PROXY,
        WINHTTP_ACCESS_TYPE_NAMED_PROXY => {
            // A named proxy needs a proxy name.
            if proxy.as_deref().is_none_or(|p| p.trim().is_empty()) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            WINHTTP_ACCESS_TYPE_NAMED_PROXY
        }
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    // DEFAULT_PROXY: the default that WinHttpSetDefaultProxyConfiguration set (proxy.rs), else direct.
    let cfg = if access_in == WINHTTP_ACCESS_TYPE_DEFAULT_PROXY { super::proxy::default_config() } else { ProxyConfig { access_type: access, proxy, bypass } };
    let s = Session::new(agent.unwrap_or_default(), cfg, flags);
    Ok(handle::insert(Arc::new(s)))
}

/// `WinHttpConnect`.
pub fn connect(hsession: RawHandle, server: Option<String>, port: u16) -> WinResult<RawHandle> {
    let session = session(hsession)?;
    let host = server.ok_or(ERROR_INVALID_PARAMETER)?;
    let c = Arc::new(Connect { session: session.clone(), host, port, context: Default::default(), children: Default::default(), parent: hsession });
    let h = handle::insert(c);
    session.children.lock().push(h);
    Ok(h)
}

/// Percent-escapes an object name as `WinHttpOpenRequest` does unless told not to: controls, space and
/// non-ASCII bytes (UTF-8) always; `%` only with `WINHTTP_FLAG_ESCAPE_PERCENT`; the query part is
/// left alone with `WINHTTP_FLAG_ESCAPE_DISABLE_QUERY`.
pub fn escape_object(path: &str, flags: u32) -> String {
    if flags & WINHTTP_FLAG_ESCAPE_DISABLE != 0 {
        return path.to_string();
    }
    let mut out = String::with_capacity(path.len());
    let mut in_query = false;
    for &b in path.as_bytes() {
        if b == b'?' {
            in_query = true;
        }
        let skip = in_query && flags & WINHTTP_FLAG_ESCAPE_DISABLE_QUERY != 0;
        let escape = !skip && (b <= 0x20 || b >= 0x7f || (b == b'%' && flags & WINHTTP_FLAG_ESCAPE_PERCENT != 0));
        if escape {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}

/// `WinHttpOpenRequest`.
pub fn open_request(
    hconnect: RawHandle,
    verb: Option<String>,
    object: Option<String>,
    version: Option<String>,
    referrer: Option<String>,
    accept_types: Vec<String>,
    flags: u32,
) -> WinResult<RawHandle> {
    let connect: Arc<Connect> = lookup(hconnect)?;
    let verb = verb.filter(|v| !v.is_empty()).unwrap_or_else(|| "GET".into());
    if verb.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut path = object.filter(|o| !o.is_empty()).unwrap_or_else(|| "/".into());
    if !path.starts_with('/') && !path.starts_with("http://") && !path.starts_with("https://") && path != "*" {
        path.insert(0, '/');
    }
    let path = escape_object(&path, flags);
    let version = version.filter(|v| !v.is_empty()).unwrap_or_else(|| "HTTP/1.1".into());
    let req = Arc::new(Request::new(connect.clone(), verb, path, version, referrer, accept_types, flags, hconnect));
    let h = handle::insert(req);
    connect.children.lock().push(h);
    Ok(h)
}

/// `WinHttpCloseHandle`: closes the handle (and its children).
pub fn close_handle(h: RawHandle) -> WinResult<()> {
    object(h)?;
    handle::close(h).map(|_| ())
}

/// `WinHttpAddRequestHeaders`.
pub fn add_request_headers(h: RawHandle, text: Option<String>, modifiers: u32) -> WinResult<()> {
    let req = request(h)?;
    let text = text.ok_or(ERROR_INVALID_PARAMETER)?;
    if text.is_empty() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let modifiers = if modifiers & 0xFFFF_0000 == 0 { modifiers | super::headers::WINHTTP_ADDREQ_FLAG_ADD } else { modifiers };
    let r = req.state.lock().headers.add_text(&text, modifiers);
    r
}

/// `WinHttpSendRequest` (synchronous).
pub fn send_request(h: RawHandle, headers: Option<String>, optional: &[u8], total: u32, context: usize) -> WinResult<()> {
    let req = request(h)?;
    let mut st = req.state.lock();
    st.context = context;
    exec::run(req.send(&mut st, headers.as_deref(), optional, total))
}

/// `WinHttpWriteData` (synchronous).
pub fn write_data(h: RawHandle, data: &[u8]) -> WinResult<u32> {
    let req = request(h)?;
    let mut st = req.state.lock();
    exec::run(req.write(&mut st, data))
}

/// `WinHttpReceiveResponse` (synchronous).
pub fn receive_response(h: RawHandle) -> WinResult<()> {
    let req = request(h)?;
    let mut st = req.state.lock();
    exec::run(req.receive(&mut st))
}

/// `WinHttpQueryDataAvailable` (synchronous).
pub fn query_data_available(h: RawHandle) -> WinResult<u32> {
    let req = request(h)?;
    let mut st = req.state.lock();
    exec::run(req.available(&mut st))
}

/// `WinHttpReadData` (synchronous); with `fill`, reads until the buffer is full or the body ends
/// (`WINHTTP_READ_DATA_EX_FLAG_FILL_BUFFER`).
pub fn read_data(h: RawHandle, buf: &mut [u8], fill: bool) -> WinResult<usize> {
    let req = request(h)?;
    let mut st = req.state.lock();
    exec::run(async {
        let mut total = 0;
        loop {
            let n = req.read(&mut st, &mut buf[total..]).await?;
            total += n;
            if !fill || n == 0 || total == buf.len() {
                return Ok(total);
            }
        }
    })
}

/// `WinHttpQueryHeaders`.
pub fn query_headers(h: RawHandle, level: u32, name: Option<&str>, index: &mut u32) -> WinResult<QueryValue> {
    let req = request(h)?;
    query::query(&req, level, name, index)
}

/// `WinHttpSetTimeouts`.
pub fn set_timeouts(h: RawHandle, resolve: i32, connect: i32, send: i32, receive: i32) -> WinResult<()> {
    let obj = object(h)?;
    options::set_timeouts(&obj, resolve, connect, send, receive)
}

/// `WinHttpSetOption`.
pub fn set_option(h: RawHandle, option: u32, value: Value) -> WinResult<()> {
    let obj = object(h)?;
    options::set(&obj, option, value)
}

/// `WinHttpQueryOption`.
pub fn query_option(h: RawHandle, option: u32) -> WinResult<Value> {
    let obj = object(h)?;
    let parent = match &obj {
        Object::Session(_) => 0,
        Object::Connect(c) => c.parent,
        Object::Request(r) => r.parent,
    };
    options::query(&obj, option, parent)
}
