//! Connect handles (`WinHttpConnect`): a target server (host and port) within a session. They do not
//! open a connection themselves; requests opened on them do, through the session's pool. Closing
//! one leaves its requests open (each holds the `Connect`), as on Windows.
use super::session::Session;
use crate::win32::handle::{KernelObject, RawHandle};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

pub struct Connect {
    pub session: Arc<Session>,
    pub host: String,
    /// The port given to `WinHttpConnect`; 0 (`INTERNET_DEFAULT_PORT`) means 80 or 443 by scheme.
    pub port: u16,
    pub context: AtomicUsize,
    /// The session handle (`WINHTTP_OPTION_PARENT_HANDLE`).
    pub parent: RawHandle,
}

impl Connect {
    /// The port for a request with or without `WINHTTP_FLAG_SECURE`.
    pub fn port_for(&self, secure: bool) -> u16 {
        match self.port {
            0 if secure => 443,
            0 => 80,
            p => p,
        }
    }
}

impl KernelObject for Connect {
    fn kind(&self) -> &'static str {
        "winhttp connect"
    }
    /// An HINTERNET, not a kernel handle: `WinHttpCloseHandle` closes it (with its notifications and
    /// its parent's count), `CloseHandle` refuses it.
    fn closed_by_close_handle(&self) -> bool {
        false
    }
}
