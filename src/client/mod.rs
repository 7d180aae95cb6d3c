//! The WinHTTP engine: sessions, connection pool, request state machine, options, TLS, proxy.
//!
//! - [`session`]: `WinHttpOpen` objects (agent, proxy, default options, keep-alive pool, cookies).
//! - [`connect`]: `WinHttpConnect` objects (host and port).
//! - [`request`]: `WinHttpOpenRequest` objects and the send/write/receive/read state machine.
//! - [`headers`]: request header lists (`WinHttpAddRequestHeaders` rules); [`query`]: `WinHttpQueryHeaders`.
//! - [`options`]: `WinHttpSetOption`/`WinHttpQueryOption`/`WinHttpSetTimeouts`.
//! - [`conn`]: one connection (TCP, TLS) with non-blocking tries and bounded waits; [`tls`]: rustls setup.
//! - [`url`]: `WinHttpCrackUrl`/`WinHttpCreateUrl`; [`exec`]: runs a request step on the caller's thread.
pub mod api;
pub mod async_ops;
pub mod auth;
pub mod callback;
pub mod conn;
pub mod conn_group;
pub mod connect;
pub mod exec;
pub mod headers;
pub mod options;
pub mod proxy;
pub mod query;
pub mod request;
pub mod resolver;
pub mod session;
pub mod tls;
pub mod tunnel;
pub mod url;
pub mod websocket;
