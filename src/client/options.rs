//! `WinHttpSetOption` / `WinHttpQueryOption` / `WinHttpSetTimeouts` over the three handle kinds.
//! The edge converts the caller's buffer according to [`kind`]; this module applies the value.
use super::connect::Connect;
use super::request::Request;
use super::session::{ProxyConfig, Session};
use crate::client::abi;
use crate::client::abi::{
    SECURITY_FLAG_STRENGTH_STRONG, WINHTTP_OPTION_AUTOLOGON_POLICY, WINHTTP_OPTION_CLIENT_CERT_CONTEXT,
    WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH, WINHTTP_OPTION_CONNECTION_INFO, WINHTTP_OPTION_CONNECT_RETRIES,
    WINHTTP_OPTION_CONNECT_TIMEOUT, WINHTTP_OPTION_CONTEXT_VALUE, WINHTTP_OPTION_DECOMPRESSION,
    WINHTTP_OPTION_DISABLE_FEATURE, WINHTTP_OPTION_ENABLE_FEATURE, WINHTTP_OPTION_EXTENDED_ERROR,
    WINHTTP_OPTION_HANDLE_TYPE, WINHTTP_OPTION_HTTP_VERSION, WINHTTP_OPTION_MAX_CONNS_PER_1_0_SERVER,
    WINHTTP_OPTION_MAX_CONNS_PER_SERVER, WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS,
    WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE, WINHTTP_OPTION_MAX_RESPONSE_DRAIN_SIZE,
    WINHTTP_OPTION_MAX_RESPONSE_HEADER_SIZE, WINHTTP_OPTION_PARENT_HANDLE, WINHTTP_OPTION_PROXY,
    WINHTTP_OPTION_READ_BUFFER_SIZE, WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT, WINHTTP_OPTION_RECEIVE_TIMEOUT,
    WINHTTP_OPTION_REDIRECT_POLICY, WINHTTP_OPTION_RESOLVE_TIMEOUT, WINHTTP_OPTION_SECURE_PROTOCOLS,
    WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT, WINHTTP_OPTION_SECURITY_FLAGS, WINHTTP_OPTION_SECURITY_INFO,
    WINHTTP_OPTION_SECURITY_KEY_BITNESS, WINHTTP_OPTION_SEND_TIMEOUT, WINHTTP_OPTION_SERVER_CERT_CONTEXT,
    WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, WINHTTP_OPTION_URL, WINHTTP_OPTION_USER_AGENT,
    WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT, WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL,
    WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE, WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE,
    WINHTTP_OPTION_WORKER_THREAD_COUNT, WINHTTP_OPTION_WRITE_BUFFER_SIZE, WINHTTP_WEB_SOCKET_MIN_KEEPALIVE_VALUE,
};
use crate::client::abi::{
    WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL, WINHTTP_OPTION_HTTP2_KEEPALIVE, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW,
    WINHTTP_OPTION_HTTP_PROTOCOL_USED, WINHTTP_PROTOCOL_FLAG_HTTP2, WINHTTP_PROTOCOL_FLAG_HTTP3,
};
use crate::win32::error::*;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// The C type of an option's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Dword,
    /// `DWORD_PTR` / pointer-sized.
    Usize,
    /// A wide string (length in characters when set, bytes when queried).
    Str,
    /// `WINHTTP_PROXY_INFO`.
    Proxy,
    /// `HTTP_VERSION_INFO`.
    Version,
    /// No value (`lpBuffer` NULL, length 0): setting the option is the action.
    Flag,
    /// A structure the library fills about the connection (query only).
    Info,
    /// A `PCCERT_CONTEXT` given as the buffer itself (`WINHTTP_NO_CLIENT_CERT_CONTEXT` is NULL).
    CertContext,
}

/// An option value in engine form.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Dword(u32),
    Usize(usize),
    Str(String),
    Proxy(u32, Option<String>, Option<String>),
    Version(u32, u32),
    /// `WINHTTP_CONNECTION_INFO`: local, remote.
    Connection(std::net::SocketAddr, std::net::SocketAddr),
    /// `WINHTTP_SECURITY_INFO` (all zeros for None).
    Security(Option<super::link::Schannel>),
    /// The server's certificate in DER (a `CERT_CONTEXT` for the caller).
    ServerCert(Vec<u8>),
    /// `WINHTTP_CERTIFICATE_INFO`.
    Certificate(CertificateInfo),
    /// `WINHTTP_OPTION_CLIENT_CERT_CONTEXT`: a reference of our own to the program's context (None:
    /// `WINHTTP_NO_CLIENT_CERT_CONTEXT`).
    ClientCert(Option<crate::win32::cert_context::CertRef>),
    /// A `WINHTTP_HTTP2_RECEIVE_WINDOW`: the stream window and the update threshold (bytes).
    ReceiveWindow(u32, u32),
}

/// What `WINHTTP_CERTIFICATE_INFO` reports: validity as FILETIME values, subject and issuer as
/// `CertNameToStr` writes them with `CERT_SIMPLE_NAME_STR | CERT_NAME_STR_CRLF_FLAG` (the values, CR LF
/// apart), the cipher strength.
#[derive(Clone, Debug, PartialEq)]
pub struct CertificateInfo {
    pub not_before: u64,
    pub not_after: u64,
    pub subject: String,
    pub issuer: String,
    pub key_bits: u32,
}

/// The handle an option applies to.
pub enum Object {
    Session(Arc<Session>),
    Connect(Arc<Connect>),
    Request(Arc<Request>),
}

/// [`kind`] for `WinHttpQueryOption`: option 0 is an invalid argument there on Windows
/// (`ERROR_INVALID_PARAMETER`), while `WinHttpSetOption` calls it an invalid option.
pub fn query_kind(option: u32) -> WinResult<Kind> {
    if option == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    kind(option)
}

/// The buffer size `WinHttpQueryOption` needs for `option` before it looks at the handle's state (0: no
/// fixed size; the value says). The options that fill a structure answer a short buffer with
/// `ERROR_INSUFFICIENT_BUFFER` and this size first, as Wine records for `WINHTTP_OPTION_CONNECTION_INFO`.
/// `U` is the caller's `WCHAR` (`WINHTTP_SECURITY_INFO` holds wide strings).
pub fn query_size<U: crate::win32::wstr::WideUnit>(option: u32) -> usize {
    use std::mem::size_of;
    match option {
        WINHTTP_OPTION_CONNECTION_INFO => size_of::<abi::WINHTTP_CONNECTION_INFO>(),
        WINHTTP_OPTION_SECURITY_INFO => size_of::<abi::WINHTTP_SECURITY_INFO<U>>(),
        // A PCCERT_CONTEXT.
        WINHTTP_OPTION_SERVER_CERT_CONTEXT => size_of::<usize>(),
        WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT => size_of::<abi::WINHTTP_CERTIFICATE_INFO>(),
        _ => 0,
    }
}

/// The value type of a known option, or `ERROR_WINHTTP_INVALID_OPTION`.
pub fn kind(option: u32) -> WinResult<Kind> {
    Ok(match option {
        WINHTTP_OPTION_RESOLVE_TIMEOUT..=WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT
        | WINHTTP_OPTION_HANDLE_TYPE
        | WINHTTP_OPTION_READ_BUFFER_SIZE
        | WINHTTP_OPTION_WRITE_BUFFER_SIZE
        | WINHTTP_OPTION_EXTENDED_ERROR
        | WINHTTP_OPTION_SECURITY_FLAGS
        | WINHTTP_OPTION_DISABLE_FEATURE
        | WINHTTP_OPTION_MAX_CONNS_PER_SERVER
        | WINHTTP_OPTION_MAX_CONNS_PER_1_0_SERVER
        | WINHTTP_OPTION_AUTOLOGON_POLICY
        | WINHTTP_OPTION_ENABLE_FEATURE
        | WINHTTP_OPTION_WORKER_THREAD_COUNT
        | WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH
        | WINHTTP_OPTION_SECURE_PROTOCOLS
        | WINHTTP_OPTION_REDIRECT_POLICY
        | WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS
        | WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE
        | WINHTTP_OPTION_MAX_RESPONSE_HEADER_SIZE
        | WINHTTP_OPTION_MAX_RESPONSE_DRAIN_SIZE
        | WINHTTP_OPTION_DECOMPRESSION
        | WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT
        | WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL
        | WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE
        | WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE
        | WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL
        | WINHTTP_OPTION_HTTP_PROTOCOL_USED
        | abi::WINHTTP_OPTION_STREAM_ERROR_CODE
        | WINHTTP_OPTION_HTTP2_KEEPALIVE
        | WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW
        | abi::WINHTTP_OPTION_DISABLE_GLOBAL_POOLING
        | abi::WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT => Kind::Dword,
        WINHTTP_OPTION_PARENT_HANDLE | WINHTTP_OPTION_CONTEXT_VALUE => Kind::Usize,
        WINHTTP_OPTION_URL | WINHTTP_OPTION_USER_AGENT => Kind::Str,
        abi::WINHTTP_OPTION_USERNAME..=abi::WINHTTP_OPTION_PROXY_PASSWORD => Kind::Str,
        WINHTTP_OPTION_PROXY => Kind::Proxy,
        WINHTTP_OPTION_HTTP_VERSION => Kind::Version,
        WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET => Kind::Flag,
        WINHTTP_OPTION_SECURITY_KEY_BITNESS
        | WINHTTP_OPTION_CONNECTION_INFO
        | WINHTTP_OPTION_SECURITY_INFO
        | WINHTTP_OPTION_SERVER_CERT_CONTEXT
        | WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT => Kind::Info,
        WINHTTP_OPTION_CLIENT_CERT_CONTEXT => Kind::CertContext,
        _ => return Err(ERROR_WINHTTP_INVALID_OPTION),
    })
}

/// The error for a `DWORD` option given a buffer of another size: `ERROR_INSUFFICIENT_BUFFER`, except
/// where Windows answers `ERROR_INVALID_PARAMETER` (`ENABLE_FEATURE` with length 0, the WebSocket
/// keep-alive interval with anything but 4 bytes).
pub fn wrong_dword_size(option: u32, len: u32) -> Win32Error {
    match option {
        WINHTTP_OPTION_ENABLE_FEATURE if len == 0 => ERROR_INVALID_PARAMETER,
        WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL => ERROR_INVALID_PARAMETER,
        _ => ERROR_INSUFFICIENT_BUFFER,
    }
}

fn settings_of(obj: &Object) -> WinResult<parking_lot::MappedMutexGuard<'_, super::session::Settings>> {
    match obj {
        Object::Session(s) => Ok(parking_lot::MutexGuard::map(s.settings.lock(), |x| x)),
        Object::Request(r) => Ok(parking_lot::MutexGuard::map(r.state.lock(), |st| &mut st.settings)),
        Object::Connect(_) => Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE),
    }
}

/// `WinHttpSetTimeouts`: negative values other than -1 are invalid; -1 and 0 mean no limit.
pub fn set_timeouts(obj: &Object, resolve: i32, connect: i32, send: i32, receive: i32) -> WinResult<()> {
    if [resolve, connect, send, receive].iter().any(|&v| v < -1) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let ms = |v: i32| if v < 0 { 0 } else { v as u32 };
    let mut s = settings_of(obj)?;
    s.timeouts.resolve = ms(resolve);
    s.timeouts.connect = ms(connect);
    s.timeouts.send = ms(send);
    s.timeouts.receive = ms(receive);
    // RECEIVE_RESPONSE_TIMEOUT is its own option on Windows: WinHttpSetTimeouts leaves it alone.
    Ok(())
}

/// Applies an option.
pub fn set(obj: &Object, option: u32, value: Value) -> WinResult<()> {
    let dword = || match value {
        Value::Dword(v) => Ok(v),
        _ => Err(ERROR_INVALID_PARAMETER),
    };
    match option {
        WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET => {
            // A request-handle option; it shapes the head of the next send (Sec-WebSocket-Key and
            // Version are added at send time, a new key for every send, as Windows does).
            let Object::Request(r) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            r.state.lock().settings.websocket = true;
            Ok(())
        }
        WINHTTP_OPTION_CONTEXT_VALUE => {
            let Value::Usize(v) = value else { return Err(ERROR_INVALID_PARAMETER) };
            match obj {
                Object::Session(s) => s.context.store(v, Ordering::Relaxed),
                Object::Connect(c) => c.context.store(v, Ordering::Relaxed),
                Object::Request(r) => r.context.store(v, Ordering::Relaxed),
            }
            Ok(())
        }
        WINHTTP_OPTION_USER_AGENT => {
            let (Object::Session(s), Value::Str(a)) = (obj, &value) else {
                return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE);
            };
            *s.agent.lock() = a.clone();
            Ok(())
        }
        abi::WINHTTP_OPTION_USERNAME..=abi::WINHTTP_OPTION_PROXY_PASSWORD => {
            let (Object::Request(r), Value::Str(v)) = (obj, value) else {
                return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE);
            };
            super::auth::set_option(&mut r.state.lock(), option, v);
            Ok(())
        }
        WINHTTP_OPTION_PROXY => {
            let Value::Proxy(access, proxy, bypass) = value else { return Err(ERROR_INVALID_PARAMETER) };
            if access != abi::WINHTTP_ACCESS_TYPE_NO_PROXY
                && access != abi::WINHTTP_ACCESS_TYPE_NAMED_PROXY
                && access != abi::WINHTTP_ACCESS_TYPE_DEFAULT_PROXY
            {
                return Err(ERROR_INVALID_PARAMETER);
            }
            let cfg = ProxyConfig { access_type: access, proxy, bypass };
            match obj {
                Object::Session(s) => *s.proxy.lock() = cfg,
                Object::Request(r) => *r.session.proxy.lock() = cfg,
                Object::Connect(_) => return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE),
            }
            Ok(())
        }
        WINHTTP_OPTION_HTTP_VERSION => {
            let Value::Version(ma, mi) = value else { return Err(ERROR_INVALID_PARAMETER) };
            settings_of(obj)?.http_version = (ma, mi);
            Ok(())
        }
        WINHTTP_OPTION_SECURITY_FLAGS => {
            let v = dword()?;
            // SECURITY_FLAG_SECURE and the SECURITY_FLAG_STRENGTH_* bits describe a connection: Windows
            // refuses them as input.
            if v & (1 | 0x1000_0000 | SECURITY_FLAG_STRENGTH_STRONG | 0x4000_0000) != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            match obj {
                Object::Request(r) => {
                    let mut st = r.state.lock();
                    st.security_flags = (st.security_flags & 1) | (v & !1);
                }
                Object::Session(s) => s.settings.lock().security_flags = v,
                Object::Connect(_) => return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE),
            }
            Ok(())
        }
        WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL => {
            let v = dword()?;
            if v & !(WINHTTP_PROTOCOL_FLAG_HTTP2 | WINHTTP_PROTOCOL_FLAG_HTTP3) != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            // HTTP/3 is accepted and never used (docs/porting.md): Windows falls back the same way
            // when the server offers no HTTP/3.
            settings_of(obj)?.http_protocol = v;
            Ok(())
        }
        WINHTTP_OPTION_HANDLE_TYPE
        | WINHTTP_OPTION_HTTP_PROTOCOL_USED
        | abi::WINHTTP_OPTION_STREAM_ERROR_CODE
        | WINHTTP_OPTION_PARENT_HANDLE
        | WINHTTP_OPTION_URL
        | WINHTTP_OPTION_EXTENDED_ERROR
        | WINHTTP_OPTION_SECURITY_KEY_BITNESS
        | WINHTTP_OPTION_CONNECTION_INFO
        | WINHTTP_OPTION_SECURITY_INFO
        | WINHTTP_OPTION_SERVER_CERT_CONTEXT
        | WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT => Err(ERROR_WINHTTP_OPTION_NOT_SETTABLE),
        WINHTTP_OPTION_CLIENT_CERT_CONTEXT => {
            let Object::Request(r) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            // A client certificate belongs to a secure request: on a plain one Windows answers with the
            // handle's state.
            let mut st = r.state.lock();
            if !st.target.secure {
                return Err(ERROR_WINHTTP_INCORRECT_HANDLE_STATE);
            }
            let Value::ClientCert(cert) = value else { return Err(ERROR_INVALID_PARAMETER) };
            // The request keeps its reference until the next set or the handle closes; the certificate's key
            // is looked up when a connection is made (`client::tls::ClientKey`).
            st.client_cert = Some(cert);
            Ok(())
        }
        abi::WINHTTP_OPTION_DISABLE_GLOBAL_POOLING => {
            let v = dword()?;
            let Object::Session(s) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            s.set_own_pool(v != 0);
            Ok(())
        }
        WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW => {
            // The structure Windows documents, or a bare DWORD window (no threshold of its own).
            let (window, delta) = match value {
                Value::ReceiveWindow(w, d) => (w, d),
                Value::Dword(w) => (w, 0),
                _ => return Err(ERROR_INVALID_PARAMETER),
            };
            // HTTP/2's bounds for a window (RFC 9113 section 6.5.2).
            if !(65_535..=0x7FFF_FFFF).contains(&window) {
                return Err(ERROR_INVALID_PARAMETER);
            }
            let mut s = settings_of(obj)?;
            s.h2_window = window;
            s.h2_delta = delta;
            Ok(())
        }
        abi::WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT => {
            // A session's, at least 5 s (Windows: an error, not a clamp).
            let v = dword()?;
            let Object::Session(s) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            if v < 5_000 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            s.settings.lock().idle_timeout = v;
            Ok(())
        }
        WINHTTP_OPTION_MAX_CONNS_PER_SERVER | WINHTTP_OPTION_MAX_CONNS_PER_1_0_SERVER => {
            let v = dword()?;
            let Object::Session(s) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            if v == 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            if option == WINHTTP_OPTION_MAX_CONNS_PER_SERVER {
                s.settings.lock().max_conns_per_server = v;
            }
            Ok(())
        }
        WINHTTP_OPTION_AUTOLOGON_POLICY => {
            // A request-handle option on Windows. It says when WinHTTP may log on with the user's own
            // credentials (NTLM/Negotiate); those schemes do not exist here, so there is nothing for it to
            // govern, and Basic/Digest with explicit credentials go on as before.
            dword()?;
            let Object::Request(_) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            Ok(())
        }
        WINHTTP_OPTION_ENABLE_FEATURE => {
            let v = dword()?;
            // WINHTTP_ENABLE_SSL_REVOCATION (1), WINHTTP_ENABLE_SSL_REVERT_IMPERSONATION (2); the passport
            // bits are accepted as Windows accepts them (and do nothing there either).
            if v & !(1 | 2 | 0x1000_0000 | 0x4000_0000) != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            settings_of(obj)?.enabled |= v;
            Ok(())
        }
        WINHTTP_OPTION_SECURE_PROTOCOLS | WINHTTP_OPTION_READ_BUFFER_SIZE | WINHTTP_OPTION_WRITE_BUFFER_SIZE => {
            dword()?;
            // Protocols are a session or request choice; a connect handle is the wrong kind.
            if option == WINHTTP_OPTION_SECURE_PROTOCOLS && matches!(obj, Object::Connect(_)) {
                return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE);
            }
            Ok(())
        }
        WINHTTP_OPTION_WORKER_THREAD_COUNT | WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH => {
            dword()?;
            let Object::Session(_) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            Ok(())
        }
        // Windows takes the keep-alive interval on WebSocket handles (websocket.rs), not on requests.
        WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL if matches!(obj, Object::Request(_)) => {
            Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE)
        }
        WINHTTP_OPTION_DISABLE_FEATURE => {
            // A request option on Windows: a session or connect handle is the wrong kind.
            let v = dword()?;
            let Object::Request(r) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            r.state.lock().settings.disabled |= v;
            Ok(())
        }
        _ => {
            let v = dword()?;
            let mut s = settings_of(obj)?;
            match option {
                WINHTTP_OPTION_RESOLVE_TIMEOUT => s.timeouts.resolve = v,
                WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT => s.websocket_tuning[0] = v,
                WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL => {
                    // Windows' floor (WINHTTP_WEB_SOCKET_MIN_KEEPALIVE_VALUE); 0 turns keep-alive off.
                    if v != 0 && v < WINHTTP_WEB_SOCKET_MIN_KEEPALIVE_VALUE {
                        return Err(ERROR_INVALID_PARAMETER);
                    }
                    s.websocket_tuning[1] = v
                }
                WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE => s.websocket_tuning[2] = v,
                WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE => s.websocket_tuning[3] = v,
                WINHTTP_OPTION_CONNECT_TIMEOUT => s.timeouts.connect = v,
                WINHTTP_OPTION_SEND_TIMEOUT => s.timeouts.send = v,
                WINHTTP_OPTION_RECEIVE_TIMEOUT => s.timeouts.receive = v,
                WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT => s.timeouts.receive_response = v,
                WINHTTP_OPTION_CONNECT_RETRIES => {
                    s.connect_retries = v;
                    s.timeouts.connect_retries = v;
                }
                WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE => s.max_status_continue = v,
                WINHTTP_OPTION_REDIRECT_POLICY => {
                    if v > 2 {
                        return Err(ERROR_INVALID_PARAMETER);
                    }
                    s.redirect_policy = v
                }
                WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS => s.max_redirects = v,
                WINHTTP_OPTION_MAX_RESPONSE_HEADER_SIZE => {
                    if v == 0 {
                        return Err(ERROR_INVALID_PARAMETER);
                    }
                    s.max_header_size = v
                }
                WINHTTP_OPTION_MAX_RESPONSE_DRAIN_SIZE => s.max_drain_size = v,
                WINHTTP_OPTION_DECOMPRESSION => s.decompression = v & 3,
                WINHTTP_OPTION_HTTP2_KEEPALIVE => {
                    // "Callers cannot set a timeout value less than 5000 milliseconds" (option-flags page);
                    // 0, the default, stays settable: no pings.
                    if v != 0 && v < abi::HTTP2_KEEPALIVE_MIN_MS {
                        return Err(ERROR_INVALID_PARAMETER);
                    }
                    s.h2_keepalive = v
                }
                _ => return Err(ERROR_WINHTTP_INVALID_OPTION),
            }
            Ok(())
        }
    }
}

/// The connection that carried a request's last send (request handles only).
fn link_of(obj: &Object) -> WinResult<Option<Arc<super::link::Link>>> {
    let Object::Request(r) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
    let link = r.state.lock().link.clone();
    Ok(link)
}

/// The cipher strength of a request's connection (0 without a TLS handshake).
fn key_bits(link: &Option<Arc<super::link::Link>>) -> u32 {
    link.as_ref().and_then(|l| l.tls.as_ref()).map_or(0, |t| t.schannel().cipher_bits)
}

/// A request's connection and the server's own certificate (`ERROR_WINHTTP_INCORRECT_HANDLE_STATE`
/// before a TLS handshake, which .NET's WinHttpHandler waits out in its SENDING_REQUEST callback).
fn server_cert(obj: &Object) -> WinResult<(Arc<super::link::Link>, Vec<u8>)> {
    let link = link_of(obj)?.ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
    let der = link.tls.as_ref().and_then(|t| t.chain.first()).ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?.clone();
    Ok((link, der))
}

/// Reads an option. `parent` is the raw handle of the object's parent (for `PARENT_HANDLE`).
pub fn query(obj: &Object, option: u32, parent: usize) -> WinResult<Value> {
    Ok(match option {
        WINHTTP_OPTION_CONTEXT_VALUE => Value::Usize(match obj {
            Object::Session(s) => s.context.load(Ordering::Relaxed),
            Object::Connect(c) => c.context.load(Ordering::Relaxed),
            Object::Request(r) => r.context.load(Ordering::Relaxed),
        }),
        WINHTTP_OPTION_HANDLE_TYPE => Value::Dword(match obj {
            Object::Session(_) => 1,
            Object::Connect(_) => 2,
            Object::Request(_) => 3,
        }),
        WINHTTP_OPTION_PARENT_HANDLE => Value::Usize(parent),
        WINHTTP_OPTION_EXTENDED_ERROR => Value::Dword(0),
        WINHTTP_OPTION_URL => {
            let Object::Request(r) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            let st = r.state.lock();
            Value::Str(st.target.url())
        }
        WINHTTP_OPTION_USER_AGENT => {
            let Object::Session(s) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            Value::Str(s.agent.lock().clone())
        }
        abi::WINHTTP_OPTION_USERNAME..=abi::WINHTTP_OPTION_PROXY_PASSWORD => {
            let Object::Request(r) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            Value::Str(super::auth::query_option(&r.state.lock(), option))
        }
        WINHTTP_OPTION_PROXY => {
            let p = match obj {
                Object::Session(s) => s.proxy.lock().clone(),
                Object::Request(r) => r.session.proxy.lock().clone(),
                Object::Connect(_) => return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE),
            };
            let access = if p.access_type == abi::WINHTTP_ACCESS_TYPE_NAMED_PROXY { 3 } else { 1 };
            Value::Proxy(access, p.proxy, p.bypass)
        }
        WINHTTP_OPTION_SECURITY_FLAGS => match obj {
            Object::Request(r) => {
                // After a secure connection Windows adds the strength of the channel (query only).
                let st = r.state.lock();
                // Before the request went out Windows reports 0 (plus any ignore bits set), not SECURE.
                if st.sent_head.is_none() {
                    return Ok(Value::Dword(st.security_flags & !1));
                }
                let strong = if st.target.secure { SECURITY_FLAG_STRENGTH_STRONG } else { 0 };
                Value::Dword(st.security_flags | strong)
            }
            _ => return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE),
        },
        WINHTTP_OPTION_HTTP_VERSION => {
            let s = settings_of(obj)?;
            Value::Version(s.http_version.0, s.http_version.1)
        }
        WINHTTP_OPTION_HTTP_PROTOCOL_USED => {
            let Object::Request(r) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            Value::Dword(r.state.lock().protocol_used)
        }
        // A request handle's only (.NET's WinHttpHandler probes a session handle for
        // ERROR_WINHTTP_INCORRECT_HANDLE_TYPE to learn that trailers are supported).
        abi::WINHTTP_OPTION_STREAM_ERROR_CODE => {
            let Object::Request(r) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            Value::Dword(r.state.lock().stream_error.load(Ordering::Relaxed))
        }
        WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL => Value::Dword(settings_of(obj)?.http_protocol),
        WINHTTP_OPTION_CONNECTION_INFO => {
            let link = link_of(obj)?.ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
            Value::Connection(link.local, link.remote)
        }
        WINHTTP_OPTION_SECURITY_INFO => {
            Value::Security(link_of(obj)?.and_then(|l| l.tls.as_ref().map(|t| t.schannel())))
        }
        WINHTTP_OPTION_SECURITY_KEY_BITNESS => Value::Dword(key_bits(&link_of(obj)?)),
        WINHTTP_OPTION_SERVER_CERT_CONTEXT => Value::ServerCert(server_cert(obj)?.1),
        WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT => {
            let (link, der) = server_cert(obj)?;
            let f = crate::win32::cert::parse(&der)?;
            let names =
                |r| crate::win32::cert::name_attributes(&der, r).into_iter().map(|(_, v)| v).collect::<Vec<_>>();
            Value::Certificate(CertificateInfo {
                not_before: f.not_before,
                not_after: f.not_after,
                subject: names(&f.subject).join("\r\n"),
                issuer: names(&f.issuer).join("\r\n"),
                key_bits: key_bits(&Some(link)),
            })
        }
        WINHTTP_OPTION_MAX_CONNS_PER_SERVER | WINHTTP_OPTION_MAX_CONNS_PER_1_0_SERVER => {
            let Object::Session(s) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            Value::Dword(s.settings.lock().max_conns_per_server)
        }
        abi::WINHTTP_OPTION_DISABLE_GLOBAL_POOLING => {
            let Object::Session(s) = obj else { return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) };
            Value::Dword(s.has_own_pool() as u32)
        }
        WINHTTP_OPTION_READ_BUFFER_SIZE | WINHTTP_OPTION_WRITE_BUFFER_SIZE => Value::Dword(64 * 1024),
        WINHTTP_OPTION_WORKER_THREAD_COUNT => Value::Dword(0),
        // Set-only on Windows.
        WINHTTP_OPTION_DECOMPRESSION
        | WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH
        | WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL => return Err(ERROR_INVALID_PARAMETER),
        // A connect handle answers the timeouts with its session's values.
        WINHTTP_OPTION_RESOLVE_TIMEOUT..=WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT
            if matches!(obj, Object::Connect(_)) =>
        {
            let Object::Connect(c) = obj else { unreachable!() };
            let t = c.session.settings.lock().timeouts;
            Value::Dword(match option {
                WINHTTP_OPTION_RESOLVE_TIMEOUT => t.resolve,
                WINHTTP_OPTION_CONNECT_TIMEOUT => t.connect,
                WINHTTP_OPTION_CONNECT_RETRIES => t.connect_retries,
                WINHTTP_OPTION_SEND_TIMEOUT => t.send,
                WINHTTP_OPTION_RECEIVE_TIMEOUT => t.receive,
                _ => t.receive_response,
            })
        }
        _ => {
            kind(option)?;
            let s = settings_of(obj)?;
            Value::Dword(match option {
                WINHTTP_OPTION_RESOLVE_TIMEOUT => s.timeouts.resolve,
                WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT => s.websocket_tuning[0],
                WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL => s.websocket_tuning[1],
                WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE => s.websocket_tuning[2],
                WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE => s.websocket_tuning[3],
                WINHTTP_OPTION_CONNECT_TIMEOUT => s.timeouts.connect,
                WINHTTP_OPTION_SEND_TIMEOUT => s.timeouts.send,
                WINHTTP_OPTION_RECEIVE_TIMEOUT => s.timeouts.receive,
                WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT => s.timeouts.receive_response,
                WINHTTP_OPTION_CONNECT_RETRIES => s.connect_retries,
                WINHTTP_OPTION_REDIRECT_POLICY => s.redirect_policy,
                WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS => s.max_redirects,
                WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE => s.max_status_continue,
                WINHTTP_OPTION_MAX_RESPONSE_HEADER_SIZE => s.max_header_size,
                WINHTTP_OPTION_MAX_RESPONSE_DRAIN_SIZE => s.max_drain_size,
                WINHTTP_OPTION_HTTP2_KEEPALIVE => s.h2_keepalive,
                abi::WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT => s.idle_timeout,
                WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW => {
                    if s.h2_window == 0 {
                        super::h2::STREAM_WINDOW
                    } else {
                        s.h2_window
                    }
                }
                WINHTTP_OPTION_DISABLE_FEATURE | WINHTTP_OPTION_ENABLE_FEATURE => return Err(ERROR_INVALID_PARAMETER),
                _ => return Err(ERROR_WINHTTP_INVALID_OPTION),
            })
        }
    })
}
