//! Cleanup groups (`CreateThreadpoolCleanupGroup`, `CloseThreadpoolCleanupGroupMembers`,
//! `CloseThreadpoolCleanupGroup`): the objects made with an environment naming the group, released together.
use super::object::TpObject;
use crate::win32::handle::KernelObject;
use parking_lot::Mutex;
use std::sync::{Arc, Weak};

/// A cleanup group. Operations: `add` (at object creation), `close_members`.
#[derive(Default)]
pub struct Group {
    members: Mutex<Vec<Weak<TpObject>>>,
}

impl Group {
    pub fn add(&self, object: &Arc<TpObject>) {
        let mut m = self.members.lock();
        m.retain(|w| w.strong_count() > 0);
        m.push(Arc::downgrade(object));
    }

    /// `CloseThreadpoolCleanupGroupMembers`: stops every member's timer or wait, drops their pending
    /// callbacks when `cancel` (calling the group's cancel callback for each member the program had not
    /// closed itself, with `cleanup_context`), waits for the running ones, and closes the members. Objects
    /// added meanwhile stay in the group for next time.
    pub fn close_members(&self, cancel: bool, cleanup_context: usize) {
        let members: Vec<Arc<TpObject>> =
            std::mem::take(&mut *self.members.lock()).iter().filter_map(Weak::upgrade).collect();
        for m in &members {
            m.prepare_shutdown();
        }
        if cancel {
            for m in &members {
                m.cancel_pending();
            }
        }
        for m in &members {
            m.wait_callbacks(true);
            if !m.is_shut_down() && cancel {
                m.call_group_cancel(cleanup_context);
            }
            m.release();
        }
    }
}

impl KernelObject for Group {
    fn kind(&self) -> &'static str {
        "thread pool cleanup group"
    }
    fn closed_by_close_handle(&self) -> bool {
        false
    }
}
