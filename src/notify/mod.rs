//! Notification ports (seeds/ApiGetNotifyAsync.txt, MS-CMRP protocol version 3): an application or
//! an operator tool registers interest in server objects and waits for batches of events, without
//! polling. An engine beside [`crate::server`], fed by it through a narrow hook.
//!
//! - [`abi`]: the constants and the one structure of `include/httpnotify.h`.
//! - [`port`]: the port itself (a handle-table object): bounded queue, blocking and overlapped waits,
//!   unblock and close.
//! - [`hook`]: what the server calls ([`hook::watching`], [`hook::emit`]) and the registrations
//!   events are matched against.
//!
//! Data flows one way: the server calls into `hook`; nothing here calls the server or the C edge.
pub mod abi;
pub mod hook;
pub mod port;

pub use hook::{emit, watching, Scope};
pub use port::{Name, NotifyPort};
