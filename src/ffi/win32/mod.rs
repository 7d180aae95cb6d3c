//! Exports of the Win32 core (the kernel32 subset): last-error, handles, events, waits, `OVERLAPPED`,
//! completion ports.
#![allow(non_snake_case)]
pub mod critsec;
pub mod event;
pub mod file;
pub mod handle;
pub mod heap;
pub mod iocp;
pub mod last_error;
pub mod message;
pub mod module;
pub mod overlapped;
pub mod sysinfo;
pub mod text;
pub mod thread;
pub mod threadpool;
pub mod time;
pub mod wait;

pub use critsec::*;
pub use event::*;
pub use file::*;
pub use handle::*;
pub use heap::*;
pub use iocp::*;
pub use last_error::*;
pub use message::*;
pub use module::*;
pub use overlapped::*;
pub use sysinfo::*;
pub use text::*;
pub use thread::*;
pub use threadpool::*;
pub use time::*;
pub use wait::*;
