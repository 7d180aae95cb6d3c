//! The thread pool's clock: one thread that runs short actions at deadlines (a timer object's expiry, a
//! wait object's timeout). An action only queues a callback on a pool, so the thread never runs user code.
use parking_lot::{Condvar, Mutex};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::time::Instant;

type Action = Box<dyn FnOnce() + Send>;

/// What `schedule` returns, for `cancel`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimerId(u64);

struct Queue {
    heap: BinaryHeap<Reverse<(Instant, u64)>>,
    actions: HashMap<u64, Action>,
    next: u64,
    thread_running: bool,
}

static QUEUE: Mutex<Option<Queue>> = Mutex::new(None);
static CHANGED: Condvar = Condvar::new();

/// Runs `action` on the clock thread at `deadline` (at once if it has passed), unless cancelled first.
pub fn schedule(deadline: Instant, action: Action) -> TimerId {
    let mut q = QUEUE.lock();
    let q = q.get_or_insert_with(|| Queue {
        heap: BinaryHeap::new(),
        actions: HashMap::new(),
        next: 1,
        thread_running: false,
    });
    let id = q.next;
    q.next += 1;
    q.actions.insert(id, action);
    let earliest = q.heap.peek().is_none_or(|Reverse((d, _))| deadline < *d);
    q.heap.push(Reverse((deadline, id)));
    if !q.thread_running {
        q.thread_running = true;
        std::thread::Builder::new()
            .name("winhttpapi-tp-clock".into())
            .spawn(run)
            .expect("the thread pool's clock thread starts");
    } else if earliest {
        CHANGED.notify_one();
    }
    TimerId(id)
}

/// Cancels a scheduled action; false when it already ran (or is running).
pub fn cancel(id: TimerId) -> bool {
    QUEUE.lock().as_mut().is_some_and(|q| q.actions.remove(&id.0).is_some())
}

fn run() {
    let mut guard = QUEUE.lock();
    loop {
        let q = guard.as_mut().expect("created before the thread");
        let now = Instant::now();
        match q.heap.peek().copied() {
            Some(Reverse((deadline, id))) if deadline <= now => {
                q.heap.pop();
                if let Some(action) = q.actions.remove(&id) {
                    drop(guard);
                    action();
                    guard = QUEUE.lock();
                }
            }
            Some(Reverse((deadline, _))) => {
                CHANGED.wait_until(&mut guard, deadline);
            }
            None => {
                CHANGED.wait(&mut guard);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn actions_run_in_deadline_order_and_cancelled_ones_never() {
        let (tx, rx) = mpsc::channel();
        let now = Instant::now();
        for (ms, tag) in [(60u64, 3), (20, 1), (40, 2)] {
            let tx = tx.clone();
            schedule(now + Duration::from_millis(ms), Box::new(move || tx.send(tag).unwrap()));
        }
        let tx2 = tx.clone();
        let gone = schedule(now + Duration::from_millis(30), Box::new(move || tx2.send(99).unwrap()));
        assert!(cancel(gone));
        let got: Vec<i32> = (0..3).map(|_| rx.recv_timeout(Duration::from_secs(5)).unwrap()).collect();
        assert_eq!(got, vec![1, 2, 3]);
        assert!(rx.recv_timeout(Duration::from_millis(100)).is_err());
        assert!(!cancel(gone));
    }
}
