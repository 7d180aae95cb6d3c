//! The Windows thread pool (`threadpoolapiset.h`): pools, work, timer, wait and I/O objects, cleanup
//! groups and callback instances, on the library's completion ports ([`super::iocp`]) and OS threads.
//!
//! How it runs:
//! - A [`Pool`] owns one completion port. Its worker threads block in the port's dequeue. Callbacks to run
//!   wait in three priority queues (high, normal, low) as entries (object, payload); each entry is matched
//!   by one wake-up packet posted to the port, or is made from an I/O completion packet the port received
//!   directly (a handle bound by `CreateThreadpoolIo` completes straight to the pool's port, with the
//!   I/O object's handle as key). A worker that takes a packet runs the highest-priority entry.
//! - Threads: a worker that starts a callback makes sure another waits on the port (spawning one, up to the
//!   pool's maximum, 500 by default), so a callback that blocks never holds up the rest; idle workers leave
//!   after 5 s beyond the pool's minimum (the last one stays while the pool has objects).
//! - Windows' counting rules, as Wine implements them: an object's callbacks are pending (queued) or running;
//!   `WaitForThreadpool*Callbacks` waits until none is pending or running (with `fCancelPendingCallbacks`,
//!   pending ones are dropped first), and for I/O objects also until every `StartThreadpoolIo` has had its
//!   completion or its `CancelThreadpoolIo`. `DisassociateCurrentThreadFromCallback` lets those waits
//!   return while the callback still runs. Closing an object stops its timer or wait; pending callbacks
//!   still run (the object lives until they have).
//! - Timers and wait timeouts run on one clock thread ([`timers`]); waits are watchers on the object's
//!   [`super::wait::Waitable`], so no thread blocks per wait.
pub mod group;
pub mod object;
pub mod pool;
pub mod timers;

pub use group::Group;
pub use object::{Callback, Instance, IoFn, Kind, ObjectFn, SimpleFn, TpObject, WaitFn};
pub use pool::Pool;

/// What an object takes from its callback environment (resolved handles and values).
#[derive(Clone, Default)]
pub struct Environment {
    /// None: the process's default pool.
    pub pool: Option<std::sync::Arc<Pool>>,
    pub group: Option<std::sync::Arc<Group>>,
    /// `PTP_CLEANUP_GROUP_CANCEL_CALLBACK`, called by `CloseThreadpoolCleanupGroupMembers` with
    /// `fCancelPendingCallbacks` for each member not closed before.
    pub cancel_callback: Option<SimpleFn>,
    /// `FinalizationCallback`: called after each callback, with the instance and the object's context.
    pub finalization: Option<SimpleFn>,
    /// `SetThreadpoolCallbackRunsLong`.
    pub long_function: bool,
    pub priority: usize,
}
