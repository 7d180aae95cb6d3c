//! The engine's entry points, one per WinHTTP function, called by `src/ffi/winhttp/` with safe
//! values: handle lookups (with WinHTTP's wrong-kind and wrong-state codes), object creation, and the
//! synchronous runs of the request steps.
use super::callback::{self, Deliver, Info, Notifier};
use super::connect::Connect;
use super::options::{self, Object, Value};
use super::query::{self, QueryValue};
use super::request::*;
use super::session::*;
use super::step::{self, Done, Op};
use crate::client::abi;
use crate::client::abi::WINHTTP_CALLBACK_STATUS_HANDLE_CREATED;
use crate::client::abi::{
    WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY, WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, WINHTTP_ACCESS_TYPE_NAMED_PROXY,
    WINHTTP_ACCESS_TYPE_NO_PROXY,
};
use crate::win32::error::*;
use crate::win32::handle::{self, KernelObject, RawHandle};
use crate::win32::overlapped::CallerBuf;
use std::any::Any;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// The object behind a WinHTTP handle of any kind. WinHTTP keeps its own handle table on Windows, so
/// a handle that is not a WinHTTP handle at all (an event, a request queue, a file) is
/// `ERROR_INVALID_HANDLE` there, like a dead, forged or NULL one.
fn winhttp_object(h: RawHandle) -> WinResult<Arc<dyn Any + Send + Sync>> {
    let any: Arc<dyn Any + Send + Sync> = handle::get(h)?;
    let winhttp = any.is::<Session>()
        || any.is::<Connect>()
        || any.is::<Request>()
        || any.is::<super::websocket::WebSocket>()
        || any.is::<super::resolver::Resolver>();
    if winhttp {
        Ok(any)
    } else {
        Err(ERROR_INVALID_HANDLE)
    }
}

/// The object behind a WinHTTP handle of kind `T`, or `None` for a WinHTTP handle of another kind.
/// Not a WinHTTP handle (or dead): `ERROR_INVALID_HANDLE`.
pub fn lookup_kind<T: KernelObject>(h: RawHandle) -> WinResult<Option<Arc<T>>> {
    Ok(winhttp_object(h)?.downcast::<T>().ok())
}

/// The object behind a WinHTTP handle of kind `T`: not a WinHTTP handle (or dead) ->
/// `ERROR_INVALID_HANDLE`; a WinHTTP handle of another kind -> `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`.
pub fn lookup<T: KernelObject>(h: RawHandle) -> WinResult<Arc<T>> {
    lookup_kind::<T>(h)?.ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE)
}

pub fn session(h: RawHandle) -> WinResult<Arc<Session>> {
    lookup(h)
}
pub fn request(h: RawHandle) -> WinResult<Arc<Request>> {
    lookup(h)
}

/// Any of the three WinHTTP handle kinds, for options.
pub fn object(h: RawHandle) -> WinResult<Object> {
    let any = winhttp_object(h)?;
    let any = match any.downcast::<Session>() {
        Ok(s) => return Ok(Object::Session(s)),
        Err(any) => any,
    };
    let any = match any.downcast::<Connect>() {
        Ok(c) => return Ok(Object::Connect(c)),
        Err(any) => any,
    };
    match any.downcast::<Request>() {
        Ok(r) => Ok(Object::Request(r)),
        Err(_) => Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE),
    }
}

/// `WinHttpOpen`.
pub fn open_session(
    agent: Option<String>,
    access: u32,
    proxy: Option<String>,
    bypass: Option<String>,
    flags: u32,
) -> WinResult<RawHandle> {
    let access_in = access;
    let access = match access {
        WINHTTP_ACCESS_TYPE_DEFAULT_PROXY | WINHTTP_ACCESS_TYPE_NO_PROXY | WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY => {
            WINHTTP_ACCESS_TYPE_NO_PROXY
        }
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
    let cfg = if access_in == WINHTTP_ACCESS_TYPE_DEFAULT_PROXY {
        super::proxy::default_config()
    } else {
        ProxyConfig { access_type: access, proxy, bypass }
    };
    let s = Session::new(agent.unwrap_or_default(), cfg, flags);
    let h = handle::insert(Arc::new(s));
    callback::register(h, Notifier::new(None));
    Ok(h)
}

/// HANDLE_CREATED goes to the parent's callback, on the calling thread, with the new handle
/// (`lpvStatusInformation` points to it), as Windows reports it.
fn announce_created(parent: RawHandle, parent_context: usize, child: RawHandle) {
    if let Some(n) = callback::lookup(parent) {
        n.post(WINHTTP_CALLBACK_STATUS_HANDLE_CREATED, Info::Handle(child), parent_context, Deliver::Inline);
    }
}

/// `WinHttpConnect`.
pub fn connect(hsession: RawHandle, server: Option<String>, port: u16) -> WinResult<RawHandle> {
    let session = session(hsession)?;
    let host = server.ok_or(ERROR_INVALID_PARAMETER)?;
    // Windows copies the session's context value and callback into the new handle.
    let context = session.context.load(Ordering::Relaxed);
    let c = Arc::new(Connect { session: session.clone(), host, port, context: context.into(), parent: hsession });
    let notifier = Notifier::new(callback::lookup(hsession));
    let h = handle::insert(c);
    callback::register(h, notifier);
    announce_created(hsession, context, h);
    Ok(h)
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
    let path = super::url::escape_object(&path, flags);
    let version = version.filter(|v| !v.is_empty()).unwrap_or_else(|| "HTTP/1.1".into());
    let opening = Opening { verb, path, version, referrer, accept_types, flags, parent: hconnect };
    let req = Arc::new(Request::new(connect.clone(), opening));
    let notifier = req.notifier.clone();
    let h = handle::insert(req);
    callback::register(h, notifier);
    announce_created(hconnect, connect.context.load(Ordering::Relaxed), h);
    Ok(h)
}

/// `WinHttpCloseHandle`: closes this one handle, as Windows does. Its children stay open and keep
/// working (each holds its parent's object): a request whose connect and session handles were
/// closed still sends, reads and answers options, and closes on its own. The handle gets
/// HANDLE_CLOSING once its pending operation (cancelled) has completed and every child handle has
/// had its own (`Notifier::close`): on the calling thread in synchronous mode, on a callback thread
/// in asynchronous mode. A session's proxy resolvers close with it, and so do its connections when it
/// keeps its own pool (`WINHTTP_OPTION_DISABLE_GLOBAL_POOLING`; the process's pool outlives it).
pub fn close_handle(h: RawHandle) -> WinResult<()> {
    if super::resolver::is_resolver(h) {
        return super::resolver::close(h);
    }
    if let Some(ws) = lookup_kind::<super::websocket::WebSocket>(h)? {
        return super::websocket::close_handle(h, ws);
    }
    let obj = object(h)?;
    let (context, is_async) = match &obj {
        Object::Session(s) => {
            let resolvers = std::mem::take(&mut *s.resolvers.lock());
            for r in resolvers {
                let _ = super::resolver::close(r);
            }
            s.close_own_pool();
            (s.context.load(Ordering::Relaxed), s.is_async())
        }
        Object::Connect(c) => (c.context.load(Ordering::Relaxed), c.session.is_async()),
        Object::Request(r) => (r.context.load(Ordering::Relaxed), r.is_async()),
    };
    drop(obj);
    let _ = handle::close(h);
    if let Some(n) = callback::unregister(h) {
        n.close(context, if is_async { Deliver::Pool } else { Deliver::Inline });
    }
    Ok(())
}

/// `WinHttpSetStatusCallback`: the previous callback (None = none). Any live WinHTTP handle; anything
/// else is `ERROR_INVALID_HANDLE`.
pub fn set_status_callback(
    h: RawHandle,
    cb: Option<callback::StatusCallback>,
    flags: u32,
    wide16: bool,
) -> WinResult<Option<callback::StatusCallback>> {
    if !super::resolver::is_resolver(h) && !matches!(handle::get_as::<super::websocket::WebSocket>(h), Ok(Some(_))) {
        object(h).map_err(|_| ERROR_INVALID_HANDLE)?;
    }
    let n = callback::lookup(h).ok_or(ERROR_INVALID_HANDLE)?;
    Ok(n.set_callback(cb, flags, wide16))
}

/// `WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT` (session handles): `event` is set once the session and
/// every handle under it are gone (after the session's HANDLE_CLOSING).
pub fn set_unload_event(h: RawHandle, event: usize) -> WinResult<()> {
    session(h)?;
    handle::get_typed::<crate::win32::event::Event>(event).map_err(|_| ERROR_INVALID_PARAMETER)?;
    callback::lookup(h).ok_or(ERROR_INVALID_HANDLE)?.set_unload_event(event);
    Ok(())
}

/// `WinHttpAddRequestHeaders`.
pub fn add_request_headers(h: RawHandle, text: Option<String>, modifiers: u32) -> WinResult<()> {
    let req = request(h)?;
    let text = text.ok_or(ERROR_INVALID_PARAMETER)?;
    if text.is_empty() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let modifiers = if modifiers & 0xFFFF_0000 == 0 { modifiers | abi::WINHTTP_ADDREQ_FLAG_ADD } else { modifiers };
    let r = req.state.lock().headers.add_text(&text, modifiers);
    r
}

/// Runs a step in the request's mode: Some(done) when it finished during the call (always in
/// synchronous mode), None when an asynchronous step is pending.
fn run(req: &Arc<Request>, op: Op, setup: impl FnOnce(&mut Io) -> WinResult<()>) -> WinResult<Option<Done>> {
    if req.is_async() {
        step::run_async(req, op, setup)
    } else {
        step::run_sync(req, op, setup).map(Some)
    }
}

/// `WinHttpSendRequest`.
pub fn send_request(
    h: RawHandle,
    headers: Option<String>,
    optional: &[u8],
    total: u32,
    context: usize,
) -> WinResult<()> {
    let req = request(h)?;
    {
        // A WebSocket handshake whose send buffer could not hold a frame header: Windows fails the send
        // with ERROR_NOT_ENOUGH_MEMORY before it connects.
        let st = req.state.lock();
        if st.settings.websocket && st.settings.websocket_tuning[3] < 16 {
            return Err(ERROR_NOT_ENOUGH_MEMORY);
        }
    }
    // dwContext is what the callbacks of this request receive from now on (0 keeps the current value).
    if context != 0 {
        req.context.store(context, Ordering::Relaxed);
    }
    run(&req, Op::Send, |io| {
        req.state.lock().context = context;
        req.prepare_send(io, headers.as_deref(), optional, total)
    })
    .map(|_| ())
}

/// `WinHttpWriteData`: Some(bytes written) when the write finished during the call (always in
/// synchronous mode); in asynchronous mode WRITE_COMPLETE carries the count, and `buf` is the
/// caller's until then.
pub fn write_data(h: RawHandle, buf: CallerBuf) -> WinResult<Option<u32>> {
    let req = request(h)?;
    Ok(run(&req, Op::Write(buf), |_| Ok(()))?.map(Done::count))
}

/// Whether `h` is a request of an asynchronous session (the edge picks the call's form).
pub fn is_async_request(h: RawHandle) -> WinResult<bool> {
    Ok(request(h)?.is_async())
}

/// `WinHttpReceiveResponse`. In asynchronous mode a request that cannot receive now (not sent, or
/// its response already received) gets TRUE and REQUEST_ERROR on the calling thread, as on Windows.
pub fn receive_response(h: RawHandle) -> WinResult<()> {
    let req = request(h)?;
    if req.is_async() {
        let refused = req.check_receive_now();
        if let Err(e) = refused {
            if e != ERROR_WINHTTP_OPERATION_CANCELLED {
                return step::refuse_async(&req, abi::API_RECEIVE_RESPONSE, e);
            }
        }
    }
    run(&req, Op::Receive, |io| req.check_receive(io)).map(|_| ())
}

/// `WinHttpQueryDataAvailable`: Some(bytes) when known during the call (always in synchronous mode;
/// in asynchronous mode when bytes are already there); otherwise DATA_AVAILABLE carries the count.
pub fn query_data_available(h: RawHandle) -> WinResult<Option<u32>> {
    let req = request(h)?;
    Ok(run(&req, Op::Available, |_| Ok(()))?.map(Done::count))
}

/// `WinHttpReadData(Ex)`: Some(bytes read) when the read finished during the call (always in
/// synchronous mode); otherwise READ_COMPLETE carries `buf` and the count, and `buf` is the caller's
/// until then. With `fill`, reads until the buffer is full or the body ends
/// (`WINHTTP_READ_DATA_EX_FLAG_FILL_BUFFER`).
pub fn read_data(h: RawHandle, buf: CallerBuf, fill: bool) -> WinResult<Option<u32>> {
    let req = request(h)?;
    Ok(run(&req, Op::Read { buf, fill }, |_| Ok(()))?.map(Done::count))
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
    if let Some(ws) = lookup_kind::<super::websocket::WebSocket>(h)? {
        return ws.set_option(option, value);
    }
    let obj = object(h)?;
    options::set(&obj, option, value)
}

/// `WinHttpQueryOption`.
pub fn query_option(h: RawHandle, option: u32) -> WinResult<Value> {
    if let Some(ws) = lookup_kind::<super::websocket::WebSocket>(h)? {
        return ws.query_option(option);
    }
    let obj = object(h)?;
    let parent = match &obj {
        Object::Session(_) => 0,
        Object::Connect(c) => c.parent,
        Object::Request(r) => r.parent,
    };
    options::query(&obj, option, parent)
}
