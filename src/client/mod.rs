//! The WinHTTP engine: sessions, connection pool, request state machine, options, TLS, proxy.
//!
//! - [`pool`]: the process-wide pool of idle keep-alive connections.
//! - [`session`]: `WinHttpOpen` objects (agent, proxy, default options, connection limits, cookies).
//! - [`connect`]: `WinHttpConnect` objects (host and port).
//! - [`request`]: `WinHttpOpenRequest` objects and the send/write/receive/read state machine.
//! - [`headers`]: request header lists (`WinHttpAddRequestHeaders` rules); [`query`]: `WinHttpQueryHeaders`.
//! - [`options`][]: `WinHttpSetOption`/`WinHttpQueryOption`/`WinHttpSetTimeouts`.
//! - [`step`]: how every request step runs, in both modes (one serial queue of steps per request).
//! - [`reactor`]: the small runtimes steps wait in (one per callback thread; lent to synchronous calls).
//! - [`conn`]: one connection (TCP, TLS) with non-blocking tries and reactor waits; [`tls`]: rustls setup;
//!   what a connection is, as the connection and security options report it, is in [`link`].
//! - [`url`][]: `WinHttpCrackUrl`/`WinHttpCreateUrl`.
pub mod abi;
pub mod api;
pub mod auth;
pub mod callback;
pub mod conn;
pub mod conn_group;
pub mod connect;
pub mod h2;
pub mod headers;
pub mod link;
pub mod options;
pub mod pool;
pub mod proxy;
pub mod query;
pub mod reactor;
pub mod request;
pub mod resolver;
pub mod session;
pub mod step;
pub mod tls;
pub mod tunnel;
pub mod url;
pub mod websocket;
