//! `OVERLAPPED` completion: how an asynchronous operation of any family reports its end.
//!
//! Order, as on Windows (DESIGN.md section 5): first `Internal` (the status, as an NTSTATUS) and
//! `InternalHigh` (the byte count) are written, then the event in `hEvent` is set, then a packet goes
//! to the completion port the handle is bound to, unless `hEvent` has its low bit set (signal the event,
//! post nothing) or the operation finished inline on a handle in `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS`
//! mode.
use super::error::*;
use super::event::Event;
use super::handle;
use super::iocp::{CompletionPort, Packet, PortDriver};
use crate::win32::abi::{FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, OVERLAPPED, STATUS_PENDING};
use parking_lot::{Condvar, Mutex};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Weak};

/// The NTSTATUS values Windows stores in `Internal` for the Win32 codes our operations end with.
/// Codes without an entry are stored as `0xE000_0000 | code` (customer bit set), which maps back.
const NTSTATUS_OF: &[(u32, u32)] = &[
    (0, 0),
    (38, 0xC000_0011),   // ERROR_HANDLE_EOF <- STATUS_END_OF_FILE
    (234, 0x8000_0005),  // ERROR_MORE_DATA <- STATUS_BUFFER_OVERFLOW
    (995, 0xC000_0120),  // ERROR_OPERATION_ABORTED <- STATUS_CANCELLED
    (1229, 0xC000_023A), // ERROR_CONNECTION_INVALID <- STATUS_CONNECTION_INVALID
    (1236, 0xC000_0241), // ERROR_CONNECTION_ABORTED <- STATUS_CONNECTION_ABORTED
    (122, 0xC000_0023),  // ERROR_INSUFFICIENT_BUFFER <- STATUS_BUFFER_TOO_SMALL
    (87, 0xC000_000D),   // ERROR_INVALID_PARAMETER <- STATUS_INVALID_PARAMETER
    (6, 0xC000_0008),    // ERROR_INVALID_HANDLE <- STATUS_INVALID_HANDLE
    (8, 0xC000_0017),    // ERROR_NOT_ENOUGH_MEMORY <- STATUS_NO_MEMORY
    (64, 0xC000_020D),   // ERROR_NETNAME_DELETED <- STATUS_CONNECTION_RESET
];

/// The NTSTATUS stored in `Internal` for a Win32 code.
pub fn ntstatus_from_win32(code: u32) -> u32 {
    NTSTATUS_OF.iter().find(|(w, _)| *w == code).map(|(_, n)| *n).unwrap_or(0xE000_0000 | (code & 0x0FFF_FFFF))
}

/// The Win32 code for an `Internal` value (the reverse of [`ntstatus_from_win32`]).
pub fn win32_from_ntstatus(status: u32) -> u32 {
    if let Some((w, _)) = NTSTATUS_OF.iter().find(|(_, n)| *n == status) {
        return *w;
    }
    if status & 0xF000_0000 == 0xE000_0000 {
        return status & 0x0FFF_FFFF;
    }
    ERROR_GEN_FAILURE.0
}

/// The completion-port binding of a handle that does overlapped I/O.
#[derive(Default)]
pub struct IoBinding {
    /// Set once (a handle binds once), read without a lock on every completion and wake decision.
    port: once_cell::sync::OnceCell<(Arc<CompletionPort>, usize)>,
    /// Serialises `bind` (the driver is added to the port before the binding shows).
    binding: Mutex<()>,
    modes: AtomicU8,
    /// What the port's waiting threads may drive for this handle (a request queue's connections).
    driver: once_cell::sync::OnceCell<Weak<dyn PortDriver>>,
}

impl IoBinding {
    /// A binding whose handle the threads of its port can drive once it is bound.
    pub fn with_driver(driver: Weak<dyn PortDriver>) -> IoBinding {
        let b = IoBinding::default();
        let _ = b.driver.set(driver);
        b
    }

    /// Binds to a port (`CreateIoCompletionPort` on an existing handle). A handle binds once:
    /// a second association fails with `ERROR_INVALID_PARAMETER`, as on Windows.
    pub fn bind(&self, port: Arc<CompletionPort>, key: usize) -> WinResult<()> {
        let _serial = self.binding.lock();
        if self.port.get().is_some() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        if let Some(d) = self.driver.get() {
            port.add_driver(d.clone());
        }
        let _ = self.port.set((port, key));
        Ok(())
    }
    pub fn is_bound(&self) -> bool {
        self.port.get().is_some()
    }
    /// The port it is bound to.
    pub fn port(&self) -> Option<&Arc<CompletionPort>> {
        self.port.get().map(|(p, _)| p)
    }
    pub fn set_modes(&self, modes: u8) {
        self.modes.fetch_or(modes, Ordering::AcqRel);
    }
    pub fn modes(&self) -> u8 {
        self.modes.load(Ordering::Acquire)
    }
}

/// A caller's `LPOVERLAPPED`, carried across threads until completion. The caller keeps the structure
/// valid until the operation completes (the documented contract of every overlapped API).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OverlappedPtr(pub usize);

impl OverlappedPtr {
    /// Marks the operation pending: `Internal = STATUS_PENDING`, `InternalHigh = 0`, and resets the
    /// event in `hEvent` (low bit or not), as Windows' I/O manager does when an overlapped operation
    /// starts: a program that reuses a manual-reset event must not wake on the previous completion.
    /// Every overlapped operation (files, http.sys) calls this before it can complete.
    ///
    /// # Safety
    /// `self` must point to a writable `OVERLAPPED` that stays valid until [`complete`] runs.
    pub unsafe fn mark_pending(self) {
        let ov = self.0 as *mut OVERLAPPED;
        // SAFETY: `write_volatile`: `ov` points to a writable `OVERLAPPED` (this function's `# Safety`), so its field
        // is valid and aligned.
        unsafe { std::ptr::write_volatile(&mut (*ov).InternalHigh, 0) };
        // SAFETY: `write_volatile`: `ov` points to a writable `OVERLAPPED` (this function's `# Safety`), so its field
        // is valid and aligned.
        unsafe { std::ptr::write_volatile(&mut (*ov).Internal, STATUS_PENDING) };
        // SAFETY: `read_volatile`: the source is valid for reading
        let event = unsafe { std::ptr::read_volatile(&(*ov).hEvent) } & !1;
        if event != 0 {
            if let Ok(Some(e)) = handle::get_as::<Event>(event) {
                e.signal.reset();
            }
        }
    }

    /// The raw `hEvent` value.
    ///
    /// # Safety
    /// As for [`OverlappedPtr::mark_pending`].
    pub unsafe fn event(self) -> usize {
        // SAFETY: `read_volatile`: the source is valid for reading
        unsafe { std::ptr::read_volatile(&(*(self.0 as *const OVERLAPPED)).hEvent) }
    }
}

static WAITERS_WITHOUT_EVENT: AtomicUsize = AtomicUsize::new(0);
static ANY_COMPLETION: (Mutex<u64>, Condvar) = (Mutex::new(0), Condvar::new());

/// Reports the end of an overlapped operation.
///
/// `inline` says the export itself returned success for it (no `ERROR_IO_PENDING`), which matters for
/// `FILE_SKIP_COMPLETION_PORT_ON_SUCCESS`.
///
/// # Safety
/// `ov` must point to the caller's `OVERLAPPED`, still valid (see [`OverlappedPtr`]).
pub unsafe fn complete(binding: Option<&IoBinding>, ov: OverlappedPtr, error: Win32Error, bytes: usize, inline: bool) {
    // SAFETY: `finish`: `ov` points to the caller's `OVERLAPPED`, still valid (this function's `# Safety`).
    if let Some((port, packet)) = unsafe { finish(binding, ov, error, bytes, inline) } {
        port.post(packet);
    }
}

/// Reports the end of an overlapped operation to a thread waiting on `port` itself: when the packet would
/// go to `port`, it is returned instead of posted (the caller hands it out as the packet it dequeued);
/// otherwise the completion is reported as [`complete`] does and None is returned.
///
/// # Safety
/// As for [`complete`].
pub unsafe fn complete_to(
    binding: Option<&IoBinding>,
    ov: OverlappedPtr,
    error: Win32Error,
    bytes: usize,
    port: &CompletionPort,
) -> Option<Packet> {
    // SAFETY: `finish`: `ov` points to the caller's `OVERLAPPED`, still valid (this function's `# Safety`).
    let (target, packet) = unsafe { finish(binding, ov, error, bytes, false) }?;
    if std::ptr::eq(target, port) {
        return Some(packet);
    }
    target.post(packet);
    None
}

/// Writes the status, sets the event, wakes `GetOverlappedResult` waiters; returns the packet to post
/// and its port, if any.
///
/// # Safety
/// `ov` points to the caller's `OVERLAPPED`, still valid and writable; it is not touched after the status is written.
unsafe fn finish(
    binding: Option<&IoBinding>,
    ov: OverlappedPtr,
    error: Win32Error,
    bytes: usize,
    inline: bool,
) -> Option<(&CompletionPort, Packet)> {
    let p = ov.0 as *mut OVERLAPPED;
    // SAFETY: `read_volatile`: the source is valid for reading
    let event = unsafe { std::ptr::read_volatile(&(*p).hEvent) };
    // The port is the one bound when the operation completes: decided before the caller can see the
    // completion (and, say, bind the handle to a port afterwards, which must not receive this packet).
    let target = match binding {
        Some(b)
            if event & 1 == 0
                && !(inline && error == ERROR_SUCCESS && b.modes() & FILE_SKIP_COMPLETION_PORT_ON_SUCCESS != 0) =>
        {
            b.port.get()
        }
        _ => None,
    };
    // SAFETY: `write_volatile`: `p` points to the caller's `OVERLAPPED`, still valid and writable (this function's
    // `# Safety`).
    unsafe { std::ptr::write_volatile(&mut (*p).InternalHigh, bytes) };
    std::sync::atomic::fence(Ordering::Release);
    // SAFETY: `write_volatile`: `p` points to the caller's `OVERLAPPED`, still valid and writable (this function's
    // `# Safety`).
    unsafe { std::ptr::write_volatile(&mut (*p).Internal, ntstatus_from_win32(error.0) as usize) };
    // From here on the caller may free the OVERLAPPED: touch it no more.
    // SeqCst pairs with the waiter's increment in `wait_without_event` (neither side can miss the other).
    std::sync::atomic::fence(Ordering::SeqCst);
    if event & !1 != 0 {
        if let Ok(Some(e)) = handle::get_as::<Event>(event & !1) {
            e.signal.set();
        }
    }
    if WAITERS_WITHOUT_EVENT.load(Ordering::SeqCst) > 0 {
        let mut n = ANY_COMPLETION.0.lock();
        *n += 1;
        ANY_COMPLETION.1.notify_all();
    }
    target.map(|(port, key)| (&**port, Packet { bytes: bytes as u32, key: *key, overlapped: ov.0, error: error.0 }))
}

/// Waits for an `OVERLAPPED` with no event to leave `STATUS_PENDING` (`GetOverlappedResult` with
/// `bWait` on a handle: Windows waits on the file object itself; we wait for any completion and recheck).
///
/// # Safety
/// `ov` must point to a readable `OVERLAPPED`.
pub unsafe fn wait_without_event(ov: OverlappedPtr, deadline: Option<std::time::Instant>) -> bool {
    let p = ov.0 as *const OVERLAPPED;
    WAITERS_WITHOUT_EVENT.fetch_add(1, Ordering::SeqCst);
    let mut n = ANY_COMPLETION.0.lock();
    let done = loop {
        // SAFETY: `read_volatile`: the source is valid for reading
        if unsafe { std::ptr::read_volatile(&(*p).Internal) } != STATUS_PENDING {
            break true;
        }
        match deadline {
            None => ANY_COMPLETION.1.wait(&mut n),
            Some(d) => {
                if ANY_COMPLETION.1.wait_until(&mut n, d).timed_out() {
                    // SAFETY: `read_volatile`: the source is valid for reading
                    break unsafe { std::ptr::read_volatile(&(*p).Internal) } != STATUS_PENDING;
                }
            }
        }
    };
    drop(n);
    WAITERS_WITHOUT_EVENT.fetch_sub(1, Ordering::AcqRel);
    done
}

/// A caller's buffer handed to an asynchronous WinHTTP call (`WinHttpReadData`/`WinHttpWriteData` on a
/// `WINHTTP_FLAG_ASYNC` session). Windows' contract: the buffer stays valid, and untouched by the
/// caller, from the call until its completion callback (READ_COMPLETE / WRITE_COMPLETE /
/// REQUEST_ERROR). The address is kept as a number so the operation can run on another thread. Not `Copy`
/// or `Clone`: one operation holds it, and its bytes are reached only through the `unsafe` accessors.
/// The http.sys receive calls use it too (`HttpReceiveHttpRequest`, `HttpReceiveRequestEntityBody`).
#[derive(Debug)]
pub struct CallerBuf {
    addr: usize,
    len: usize,
}

impl CallerBuf {
    /// # Safety
    /// `p` must be valid for `len` bytes (reads and, for reads into it, writes) until the operation
    /// it is given to completes. NULL with a non-zero length is `ERROR_INVALID_PARAMETER`.
    pub unsafe fn new(p: *const u8, len: usize) -> WinResult<CallerBuf> {
        if p.is_null() && len != 0 {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok(CallerBuf { addr: p as usize, len })
    }

    pub fn addr(&self) -> usize {
        self.addr
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// # Safety
    /// Only between the call and its completion (the contract of [`CallerBuf::new`]).
    pub unsafe fn slice<'a>(&self) -> &'a [u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: `from_raw_parts`: the pointer and length describe readable memory of the caller
        unsafe { std::slice::from_raw_parts(self.addr as *const u8, self.len) }
    }

    /// # Safety
    /// Only between the call and its completion (the contract of [`CallerBuf::new`]).
    pub unsafe fn slice_mut<'a>(&self) -> &'a mut [u8] {
        if self.len == 0 {
            return &mut [];
        }
        // SAFETY: `from_raw_parts_mut`: the pointer and length describe writable memory of the caller
        unsafe { std::slice::from_raw_parts_mut(self.addr as *mut u8, self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_mapping_round_trips() {
        for code in [0u32, 38, 234, 995, 1229, 87, 6, 12002, 12030, 1359] {
            assert_eq!(win32_from_ntstatus(ntstatus_from_win32(code)), code, "code {code}");
        }
        assert_ne!(ntstatus_from_win32(997) as usize, STATUS_PENDING);
    }
}
