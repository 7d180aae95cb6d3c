//! The HTTP Server API engine (http.sys for Linux).
//!
//! Objects: server sessions and URL groups ([`session`], 64-bit ids), request queues ([`queue`],
//! handles), registered prefixes and listeners ([`router`], [`url`]), connections ([`connection`]) and
//! the requests they carry ([`request`], copied out by [`fill`], answered with [`response`]).
//! Completion of overlapped and synchronous calls: [`completion`].
//!
//! Who does the I/O: the threads receiving from a queue drive its connections themselves
//! ([`lead`], over the epoll sets of [`poll`]); the runtime ([`reactor`]) keeps accept, the timers,
//! TLS handshakes and whatever no application thread is there for. Buffers are lent while a connection
//! holds bytes ([`pool`]).
//!
//! `HttpInitialize` / `HttpTerminate` state is kept here: calls nest per flag, as documented.
use crate::server::abi::{HTTP_INITIALIZE_CONFIG, HTTP_INITIALIZE_SERVER};
pub mod abi;
pub mod auth;
pub mod buffer;
pub mod cache;
pub mod chunks;
pub mod completion;
pub mod connection;
pub mod failpoint;
pub mod files;
pub mod fill;
pub mod h2;
pub mod ids;
pub mod lead;
pub mod logging;
pub mod notify_hook;
pub mod poll;
pub mod pool;
pub mod prepare;
pub mod queue;
pub mod reactor;
pub mod request;
pub mod response;
pub mod router;
pub mod service_config;
pub mod session;
pub mod tcp_info;
pub mod timers;
pub mod tls;
pub mod url;

use crate::win32::error::*;
use parking_lot::Mutex;

static INIT: Mutex<(u32, u32)> = Mutex::new((0, 0));

/// `HttpInitialize`: version 1.0 or 2.0, flags a non-empty subset of SERVER | CONFIG.
pub fn initialize(major: u16, minor: u16, flags: u32) -> WinResult<()> {
    if !((major == 1 || major == 2) && minor == 0) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if flags == 0 || flags & !(HTTP_INITIALIZE_SERVER | HTTP_INITIALIZE_CONFIG) != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut s = INIT.lock();
    if flags & HTTP_INITIALIZE_SERVER != 0 {
        s.0 += 1;
    }
    if flags & HTTP_INITIALIZE_CONFIG != 0 {
        s.1 += 1;
    }
    Ok(())
}

/// `HttpTerminate`: undoes one `HttpInitialize` with the same flags.
pub fn terminate(flags: u32) -> WinResult<()> {
    if flags == 0 || flags & !(HTTP_INITIALIZE_SERVER | HTTP_INITIALIZE_CONFIG) != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let mut s = INIT.lock();
    if (flags & HTTP_INITIALIZE_SERVER != 0 && s.0 == 0) || (flags & HTTP_INITIALIZE_CONFIG != 0 && s.1 == 0) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if flags & HTTP_INITIALIZE_SERVER != 0 {
        s.0 -= 1;
    }
    if flags & HTTP_INITIALIZE_CONFIG != 0 {
        s.1 -= 1;
    }
    Ok(())
}

/// Whether `HttpInitialize(.., HTTP_INITIALIZE_SERVER, ..)` is in effect (else `ERROR_DLL_INIT_FAILED`).
pub fn require_server_init() -> WinResult<()> {
    if INIT.lock().0 == 0 {
        return Err(ERROR_DLL_INIT_FAILED);
    }
    Ok(())
}
