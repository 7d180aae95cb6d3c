//! winhttpapi: the Windows WinHTTP client (`winhttp.h`) and HTTP Server API (`http.h`, http.sys) for Linux,
//! with the small Win32 core they stand on (handles, last-error, events, `OVERLAPPED`, completion ports).
//!
//! Module map (data flows one way: `ffi -> {client, server, notify} -> {http1, win32, runtime}`):
//! - [`ffi`]: the C edge. Argument checks, pointer and string conversion, the panic guard; no logic.
//! - [`win32`]: errors, last-error, the handle table, events, `OVERLAPPED`, completion ports, wide strings.
//! - [`runtime`]: the tokio runtime that drives sockets and timers.
//! - [`http1`]: the HTTP/1.1 wire shared by both sides (head parsing, framing rules, chunked codec).
//! - [`server`]: the http.sys engine. [`client`]: the WinHTTP engine. [`notify`]: notification ports.
//! - [`crt`]: the MSVC C runtime functions Windows programs use, and UTF-16 wide functions for
//!   `-fshort-wchar` programs.
#![deny(unsafe_op_in_unsafe_fn, clippy::missing_safety_doc, clippy::undocumented_unsafe_blocks)]

pub mod calendar;
pub mod client;
pub mod crt;
pub mod ffi;
pub mod http1;
pub mod log;
pub mod notify;
pub mod runtime;
pub mod server;
pub mod win32;
