//! Thin, safe wrappers over the Linux readiness primitives the engine drives connections with: an
//! epoll set ([`Poller`]) and an eventfd ([`Waker`]).
//!
//! Connections are registered edge-triggered for input, output and the peer's half-close
//! ([`CONNECTION_EVENTS`]), with their id as the token, in exactly one set at a time: the runtime's
//! ([`super::reactor`]) until their first request is routed, then the set of the queue that request went
//! to ([`super::lead`]), where the application's threads wait for them.
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

/// Readable, writable and half-closed, edge-triggered: each edge is reported once, so whoever takes it
/// reads (or writes) until the socket would block, or remembers that it can.
pub const CONNECTION_EVENTS: u32 = (libc::EPOLLIN | libc::EPOLLOUT | libc::EPOLLRDHUP | libc::EPOLLET) as u32;
/// An event that says the socket has input (data, a FIN, or an error to read).
pub const INPUT_EVENTS: u32 = (libc::EPOLLIN | libc::EPOLLRDHUP | libc::EPOLLHUP | libc::EPOLLERR) as u32;
pub const OUTPUT_EVENTS: u32 = (libc::EPOLLOUT | libc::EPOLLHUP | libc::EPOLLERR) as u32;
/// An event that says the peer half-closed or the connection failed: no input edge follows it.
pub const END_EVENTS: u32 = (libc::EPOLLRDHUP | libc::EPOLLHUP | libc::EPOLLERR) as u32;

/// One epoll set.
pub struct Poller {
    fd: OwnedFd,
}

/// A zeroed event array entry.
pub fn no_event() -> libc::epoll_event {
    libc::epoll_event { events: 0, u64: 0 }
}

impl Poller {
    pub fn new() -> io::Result<Poller> {
        // SAFETY: plain system call; the result is checked and owned at once.
        let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a descriptor we just created and own.
        Ok(Poller { fd: unsafe { OwnedFd::from_raw_fd(fd) } })
    }

    fn ctl(&self, op: i32, fd: RawFd, token: u64, events: u32) -> io::Result<()> {
        let mut ev = libc::epoll_event { events, u64: token };
        // SAFETY: `ev` is a valid event for the duration of the call.
        if unsafe { libc::epoll_ctl(self.fd.as_raw_fd(), op, fd, &mut ev) } < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    pub fn add(&self, fd: RawFd, token: u64, events: u32) -> io::Result<()> {
        self.ctl(libc::EPOLL_CTL_ADD, fd, token, events)
    }

    pub fn modify(&self, fd: RawFd, token: u64, events: u32) -> io::Result<()> {
        self.ctl(libc::EPOLL_CTL_MOD, fd, token, events)
    }

    pub fn delete(&self, fd: RawFd) -> io::Result<()> {
        self.ctl(libc::EPOLL_CTL_DEL, fd, 0, 0)
    }

    /// Waits up to `timeout_ms` (-1: forever) for events; returns how many were filled in. An interrupted
    /// wait returns 0.
    pub fn wait(&self, events: &mut [libc::epoll_event], timeout_ms: i32) -> usize {
        let max = events.len().min(i32::MAX as usize) as i32;
        // SAFETY: `events` is a writable array of `max` entries.
        let n = unsafe { libc::epoll_wait(self.fd.as_raw_fd(), events.as_mut_ptr(), max, timeout_ms) };
        n.max(0) as usize
    }
}

impl AsRawFd for Poller {
    fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

/// An eventfd: level-triggered "wake up" for a thread waiting in an epoll set it is registered in. It
/// stays readable until [`Waker::reset`], so every waiter of the set sees it until the one it was meant
/// for takes it.
pub struct Waker {
    fd: OwnedFd,
}

impl Waker {
    pub fn new() -> io::Result<Waker> {
        // SAFETY: plain system call; the result is checked and owned at once.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a descriptor we just created and own.
        Ok(Waker { fd: unsafe { OwnedFd::from_raw_fd(fd) } })
    }

    pub fn wake(&self) {
        let one: u64 = 1;
        // SAFETY: writes 8 bytes from a live u64 to our eventfd (it cannot overflow in practice).
        unsafe { libc::write(self.fd.as_raw_fd(), &one as *const u64 as *const libc::c_void, 8) };
    }

    pub fn reset(&self) {
        let mut v: u64 = 0;
        // SAFETY: reads 8 bytes into a live u64 from our non-blocking eventfd.
        unsafe { libc::read(self.fd.as_raw_fd(), &mut v as *mut u64 as *mut libc::c_void, 8) };
    }
}

impl AsRawFd for Waker {
    fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}

/// How many CPUs this process may run on (its affinity mask): how many threads can usefully run
/// requests at once, the concurrency a completion port allows by default.
pub fn usable_cpus() -> usize {
    static N: once_cell::sync::Lazy<usize> = once_cell::sync::Lazy::new(|| {
        // SAFETY: a zeroed cpu_set_t is valid; the call fills it for this process.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) == 0 {
                (libc::CPU_COUNT(&set) as usize).max(1)
            } else {
                std::thread::available_parallelism().map_or(1, |n| n.get())
            }
        }
    });
    *N
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waker_wakes_its_set_until_reset() {
        let p = Poller::new().unwrap();
        let w = Waker::new().unwrap();
        p.add(w.as_raw_fd(), 7, libc::EPOLLIN as u32).unwrap();
        let mut evs = [no_event(); 4];
        assert_eq!(p.wait(&mut evs, 0), 0);
        w.wake();
        assert_eq!(p.wait(&mut evs, 0), 1);
        assert_eq!({ evs[0].u64 }, 7);
        assert_eq!(p.wait(&mut evs, 0), 1, "level-triggered: still there");
        w.reset();
        assert_eq!(p.wait(&mut evs, 0), 0);
        assert!(usable_cpus() >= 1);
    }
}
