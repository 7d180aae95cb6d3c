//! The Win32 core both APIs stand on: errors and last-error, the handle table, waitable objects and
//! events, `OVERLAPPED` completion, completion ports, the thread pool, wide strings.
pub mod abi;
pub mod cert;
pub mod cert_context;
pub mod critsec;
pub mod error;
pub mod event;
pub mod file;
pub mod handle;
pub mod heap;
pub mod iocp;
pub mod last_error;
pub mod message;
pub mod module;
pub mod overlapped;
pub mod sockaddr;
pub mod sysinfo;
pub mod text;
pub mod thread;
pub mod threadpool;
pub mod time;
pub mod wait;
pub mod winsock;
pub mod wstr;

pub use error::{Win32Error, WinResult};
