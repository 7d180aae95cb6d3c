//! File-handle data chunks (`HttpDataChunkFromFileHandle`): a byte range of a file the application
//! opened with `CreateFile` (the Win32 core's [`File`]).
//!
//! Small ranges are read during the send call, on the caller's thread (one `sendmsg` with the head).
//! Larger ones go from the file to the socket with `sendfile` as the socket drains ([`FileRange::send_to`]):
//! no copy through the process, no blocking read on the thread that takes the writable edge, and memory
//! stays bounded whatever the file size. The range keeps the file open itself, so the application may
//! close its handle as soon as the call returns, as on Windows.
use crate::win32::error::*;
use crate::win32::file::File;
use crate::win32::handle;
use std::sync::Arc;

/// Ranges up to this size are read at once.
pub const READ_NOW_LIMIT: u64 = 64 * 1024;

/// How much of a larger range is asked into the page cache when the send starts (and again when a
/// blocking pool thread sends a part that was not there).
const READ_AHEAD: u64 = 4 << 20;

/// At most this much of a range goes in one `sendfile` on a thread that drives events (the runtime, a
/// queue's leader), and only when it is in the page cache ([`FileRange::cached`]): such a thread never
/// waits for the disk. A part that is not cached goes from a blocking pool thread.
pub const EDGE_CHUNK: usize = 256 * 1024;

/// A validated byte range of an open file, consumed from the front.
pub struct FileRange {
    file: Arc<File>,
    offset: u64,
    remaining: u64,
}

impl FileRange {
    /// The range `length` bytes (`u64::MAX` = `HTTP_BYTE_RANGE_TO_EOF`: to the end) from `start` of the
    /// file behind `handle`. Not a file: `ERROR_INVALID_HANDLE`; a range past the end of the file:
    /// `ERROR_INVALID_PARAMETER` (http.sys refuses a range it cannot send in full).
    pub fn open(handle: usize, start: u64, length: u64) -> WinResult<FileRange> {
        let file = handle::get_typed::<File>(handle)?;
        let size = file.size()?;
        if start > size {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let len = if length == u64::MAX { size - start } else { length };
        if start.checked_add(len).is_none_or(|end| end > size) {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let range = FileRange { file, offset: start, remaining: len };
        if len > READ_NOW_LIMIT {
            range.read_ahead();
        }
        Ok(range)
    }

    /// Asks the kernel to start reading the front of the range into the page cache now, on the
    /// application's thread, so the `sendfile` that follows on a reactor or leader thread finds it there
    /// rather than waiting for the disk (DESIGN.md section 9). A hint: failures are ignored.
    pub fn read_ahead(&self) {
        if let Ok(fd) = self.file.read_fd() {
            let n = self.remaining.min(READ_AHEAD) as libc::off_t;
            // SAFETY: `fd` is the range's own open descriptor (`self.file` keeps it open); posix_fadvise
            // only reads its arguments.
            unsafe { libc::posix_fadvise(fd, self.offset as libc::off_t, n, libc::POSIX_FADV_WILLNEED) };
        }
    }

    /// Whether the next `n` bytes of the range are in the page cache, probed at their first and last
    /// byte with `preadv2(RWF_NOWAIT)` (EAGAIN instead of waiting for the disk; the read-ahead fills
    /// whole windows, so the ends stand for what lies between). When the probe cannot tell (a kernel
    /// without RWF_NOWAIT, a descriptor it does not apply to): true, as before the probe existed.
    pub fn cached(&self, n: usize) -> bool {
        let n = self.remaining.min(n as u64);
        if n == 0 {
            return true;
        }
        let Ok(fd) = self.file.read_fd() else { return true };
        let probe = |at: u64| {
            let mut byte = 0u8;
            let iov = libc::iovec { iov_base: (&mut byte as *mut u8).cast(), iov_len: 1 };
            // SAFETY: `fd` is the range's own open descriptor; `iov` describes one writable byte on the
            // stack, alive for the call.
            let r = unsafe { libc::preadv2(fd, &iov, 1, at as libc::off_t, libc::RWF_NOWAIT) };
            r >= 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::EAGAIN)
        };
        probe(self.offset) && (n == 1 || probe(self.offset + n - 1))
    }

    /// Bytes not yet read.
    pub fn len(&self) -> u64 {
        self.remaining
    }

    pub fn is_empty(&self) -> bool {
        self.remaining == 0
    }

    /// Reads the whole (small) range now.
    pub fn read_all(mut self) -> WinResult<Vec<u8>> {
        let mut buf = Vec::new();
        while !self.is_empty() {
            self.refill(&mut buf, usize::MAX)?;
        }
        Ok(buf)
    }

    /// Appends up to `max` next bytes of the range to `buf`; returns how many (0: the range is done).
    /// A file that shrank under us: `ERROR_HANDLE_EOF`.
    pub fn refill(&mut self, buf: &mut Vec<u8>, max: usize) -> WinResult<usize> {
        let n = (self.remaining.min(max as u64)) as usize;
        if n == 0 {
            return Ok(0);
        }
        let at = buf.len();
        buf.resize(at + n, 0);
        let got = self.file.read_at(&mut buf[at..], self.offset)?;
        buf.truncate(at + got);
        if got != n {
            return Err(ERROR_HANDLE_EOF);
        }
        self.offset += n as u64;
        self.remaining -= n as u64;
        Ok(n)
    }
}

impl FileRange {
    /// Sends up to `max` next bytes of the range to the socket `sock` with `sendfile` (non-blocking);
    /// returns how many went. `WouldBlock` when the socket is full; a file that shrank under us:
    /// `UnexpectedEof`.
    pub fn send_to(&mut self, sock: std::os::fd::RawFd, max: usize) -> std::io::Result<usize> {
        let n = self.remaining.min(max as u64).min(1 << 30) as usize;
        if n == 0 {
            return Ok(0);
        }
        let fd = self.file.read_fd().map_err(|_| std::io::Error::from(std::io::ErrorKind::PermissionDenied))?;
        let mut off = self.offset as libc::off_t;
        loop {
            // SAFETY: both descriptors are open (the range holds the file; the caller owns the socket);
            // `off` is a live off_t the kernel advances.
            let r = unsafe { libc::sendfile(sock, fd, &mut off, n) };
            if r < 0 {
                let e = std::io::Error::last_os_error();
                if e.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            if r == 0 {
                return Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof));
            }
            let r = r as usize;
            self.offset += r as u64;
            self.remaining -= r as u64;
            return Ok(r);
        }
    }
}

/// One piece of a response body as the application gave it.
/// A response's entity pieces, in order (inline for the usual few: no allocation per send).
pub type Body<'a> = smallvec::SmallVec<[BodyPiece<'a>; 2]>;

pub enum BodyPiece<'a> {
    Mem(&'a [u8]),
    File(FileRange),
}

impl BodyPiece<'_> {
    pub fn len(&self) -> u64 {
        match self {
            BodyPiece::Mem(m) => m.len() as u64,
            BodyPiece::File(f) => f.len(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
