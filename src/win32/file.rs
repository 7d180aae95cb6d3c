//! Files in the handle table (`CreateFile`, `ReadFile`, `WriteFile`, sizes, the file pointer,
//! `DeleteFile`, temporary names). A file handle completes `OVERLAPPED` I/O through its
//! [`IoBinding`], so it works with completion ports; the server engine reads ranges of a file by
//! handle ([`file_for_handle`], [`File::read_at`]) to send responses from files.
use super::error::*;
use super::handle::{self, KernelObject, RawHandle};
use super::overlapped::IoBinding;
use super::wait::Waitable;
use crate::win32::abi::WIN32_FILE_ATTRIBUTE_DATA;
use crate::win32::abi::{
    CREATE_ALWAYS, CREATE_NEW, FILE_APPEND_DATA, FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_DIRECTORY,
    FILE_ATTRIBUTE_HIDDEN, FILE_ATTRIBUTE_READONLY, FILE_BEGIN, FILE_CURRENT, FILE_END, FILE_FLAG_BACKUP_SEMANTICS,
    FILE_FLAG_DELETE_ON_CLOSE, FILE_FLAG_OVERLAPPED, FILE_FLAG_WRITE_THROUGH, FILE_GENERIC_READ, FILE_READ_DATA,
    FILE_WRITE_DATA, GENERIC_ALL, GENERIC_READ, GENERIC_WRITE, OPEN_ALWAYS, OPEN_EXISTING, TRUNCATE_EXISTING,
};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{FileExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An open file.
pub struct File {
    file: std::fs::File,
    path: PathBuf,
    readable: bool,
    writable: bool,
    delete_on_close: bool,
    /// Whether `FILE_FLAG_OVERLAPPED` was given (reads and writes then need an `OVERLAPPED`).
    pub overlapped: bool,
    binding: IoBinding,
    /// A file handle is waitable: signaled when no I/O is in flight. Our file I/O completes before
    /// the call returns, so it stays signaled.
    idle: Waitable,
}

/// What `CreateFile` did besides opening: whether the file already existed (for the
/// `ERROR_ALREADY_EXISTS`-with-success rule of `CREATE_ALWAYS` and `OPEN_ALWAYS`).
pub struct Opened {
    pub handle: RawHandle,
    pub existed: bool,
}

/// Windows programs write `\` between path parts; Linux paths use `/`.
pub fn linux_path(name: &str) -> PathBuf {
    PathBuf::from(name.replace('\\', "/"))
}

/// `CreateFile`: opens or creates `name` per `disposition` (CREATE_NEW, CREATE_ALWAYS, OPEN_EXISTING,
/// OPEN_ALWAYS, TRUNCATE_EXISTING) and puts it in the handle table.
pub fn create(name: &str, access: u32, disposition: u32, flags: u32) -> WinResult<Opened> {
    if name.is_empty() {
        return Err(ERROR_PATH_NOT_FOUND);
    }
    let path = linux_path(name);
    let readable =
        access & (GENERIC_READ | GENERIC_ALL | FILE_READ_DATA) != 0 || access & FILE_GENERIC_READ == FILE_GENERIC_READ;
    let appending = access & FILE_APPEND_DATA != 0 && access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA) == 0;
    let writable = access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | FILE_APPEND_DATA) != 0;
    let meta = std::fs::metadata(&path);
    let existed = meta.is_ok();
    if let Ok(m) = &meta {
        // Directories open only with FILE_FLAG_BACKUP_SEMANTICS (CreateFile docs, "Directories").
        if m.is_dir() && flags & FILE_FLAG_BACKUP_SEMANTICS == 0 {
            return Err(ERROR_ACCESS_DENIED);
        }
    }
    let is_dir = meta.as_ref().map(|m| m.is_dir()).unwrap_or(false);
    let mut oflags = libc::O_CLOEXEC
        | match (readable, writable && !is_dir) {
            (true, true) => libc::O_RDWR,
            (false, true) => libc::O_WRONLY,
            _ => libc::O_RDONLY,
        };
    if appending {
        oflags |= libc::O_APPEND;
    }
    if flags & FILE_FLAG_WRITE_THROUGH != 0 {
        oflags |= libc::O_DSYNC;
    }
    oflags |= match disposition {
        CREATE_NEW if existed => return Err(ERROR_FILE_EXISTS),
        CREATE_NEW => libc::O_CREAT | libc::O_EXCL,
        CREATE_ALWAYS => libc::O_CREAT | libc::O_TRUNC,
        OPEN_EXISTING => 0,
        OPEN_ALWAYS => libc::O_CREAT,
        TRUNCATE_EXISTING if !writable => return Err(ERROR_INVALID_PARAMETER),
        TRUNCATE_EXISTING => libc::O_TRUNC,
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    if is_dir {
        oflags &= !(libc::O_TRUNC | libc::O_CREAT | libc::O_EXCL);
    }
    let cpath = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| ERROR_INVALID_NAME)?;
    // SAFETY: `cpath` is a valid NUL-terminated path; open has no other preconditions.
    let fd = unsafe { libc::open(cpath.as_ptr(), oflags, 0o666 as libc::c_uint) };
    if fd < 0 {
        let e = std::io::Error::last_os_error();
        return Err(match e.raw_os_error() {
            Some(libc::ENOENT) if path.parent().is_some_and(|p| !p.as_os_str().is_empty() && !p.exists()) => {
                ERROR_PATH_NOT_FOUND
            }
            Some(libc::EEXIST) => ERROR_FILE_EXISTS,
            Some(libc::EISDIR) => ERROR_ACCESS_DENIED,
            Some(libc::ENAMETOOLONG) => ERROR_FILENAME_EXCED_RANGE,
            _ => Win32Error::from(e),
        });
    }
    // SAFETY: `fd` was just opened and is owned by nothing else.
    let file = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(fd) };
    let f = File {
        file,
        path,
        readable,
        writable,
        delete_on_close: flags & FILE_FLAG_DELETE_ON_CLOSE != 0,
        overlapped: flags & FILE_FLAG_OVERLAPPED != 0,
        binding: IoBinding::default(),
        idle: Waitable::new(true, true),
    };
    Ok(Opened { handle: handle::insert(Arc::new(f)), existed })
}

impl File {
    /// Reads at the file pointer (synchronous `ReadFile`); 0 at end of file.
    pub fn read(&self, buf: &mut [u8]) -> WinResult<usize> {
        self.check_read()?;
        Ok((&self.file).read(buf)?)
    }

    /// Reads at `offset` without moving the file pointer: what the server engine uses to send a
    /// response from a file handle, and `ReadFile` with an `OVERLAPPED`. Short only at end of file.
    pub fn read_at(&self, buf: &mut [u8], offset: u64) -> WinResult<usize> {
        self.check_read()?;
        let mut done = 0;
        while done < buf.len() {
            match self.file.read_at(&mut buf[done..], offset + done as u64) {
                Ok(0) => break,
                Ok(n) => done += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(done)
    }

    /// Writes at the file pointer (synchronous `WriteFile`).
    pub fn write(&self, data: &[u8]) -> WinResult<usize> {
        self.check_write()?;
        (&self.file).write_all(data)?;
        Ok(data.len())
    }

    /// Writes at `offset` (`WriteFile` with an `OVERLAPPED`); `None` = at the end of file.
    pub fn write_at(&self, data: &[u8], offset: Option<u64>) -> WinResult<usize> {
        self.check_write()?;
        let at = match offset {
            Some(o) => o,
            None => self.size()?,
        };
        self.file.write_all_at(data, at)?;
        Ok(data.len())
    }

    /// The descriptor to read the file through (`sendfile` of a response body), when the handle was
    /// opened for reading.
    pub fn read_fd(&self) -> WinResult<std::os::fd::RawFd> {
        self.check_read()?;
        Ok(std::os::fd::AsRawFd::as_raw_fd(&self.file))
    }

    /// The file's size in bytes.
    pub fn size(&self) -> WinResult<u64> {
        Ok(self.file.metadata()?.len())
    }

    /// Moves the file pointer (`SetFilePointer(Ex)`); a position before the start is
    /// `ERROR_NEGATIVE_SEEK`.
    pub fn seek(&self, distance: i64, method: u32) -> WinResult<u64> {
        self.seek_within(distance, method, u64::MAX)
    }

    /// `seek` to a position no further than `limit` (`SetFilePointer` without a high part can only
    /// return 32 bits): past it, `ERROR_INVALID_PARAMETER` and the pointer stays where it was.
    pub fn seek_within(&self, distance: i64, method: u32, limit: u64) -> WinResult<u64> {
        let base: i64 = match method {
            FILE_BEGIN => 0,
            FILE_CURRENT => (&self.file).stream_position()? as i64,
            FILE_END => self.size()? as i64,
            _ => return Err(ERROR_INVALID_PARAMETER),
        };
        let target = base.checked_add(distance).ok_or(ERROR_INVALID_PARAMETER)?;
        if target < 0 {
            return Err(ERROR_NEGATIVE_SEEK);
        }
        if target as u64 > limit {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok((&self.file).seek(SeekFrom::Start(target as u64))?)
    }

    /// `FlushFileBuffers`: needs write access (`ERROR_ACCESS_DENIED` otherwise, as on Windows).
    pub fn flush(&self) -> WinResult<()> {
        self.check_write()?;
        Ok(self.file.sync_all()?)
    }

    /// The path the file was opened by.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn check_read(&self) -> WinResult<()> {
        if self.readable {
            Ok(())
        } else {
            Err(ERROR_ACCESS_DENIED)
        }
    }

    fn check_write(&self) -> WinResult<()> {
        if self.writable {
            Ok(())
        } else {
            Err(ERROR_ACCESS_DENIED)
        }
    }

    /// The completion-port binding (for `ReadFile`/`WriteFile` completions).
    pub fn binding(&self) -> &IoBinding {
        &self.binding
    }
}

impl KernelObject for File {
    fn kind(&self) -> &'static str {
        "file"
    }
    fn on_close(&self) {
        if self.delete_on_close {
            let _ = std::fs::remove_file(&self.path);
        }
    }
    fn waitable(&self) -> Option<&Waitable> {
        Some(&self.idle)
    }
    fn io_binding(&self) -> Option<&IoBinding> {
        Some(&self.binding)
    }
}

/// The file behind a handle, for engines that read from file handles (`HttpSendHttpResponse` with
/// `HttpDataChunkFromFileHandle`). Dead or non-file handles: `ERROR_INVALID_HANDLE`.
pub fn file_for_handle(h: RawHandle) -> WinResult<Arc<File>> {
    handle::get_typed::<File>(h)
}

impl From<Attributes> for WIN32_FILE_ATTRIBUTE_DATA {
    fn from(a: Attributes) -> Self {
        use super::time::filetime_from_value as ft;
        WIN32_FILE_ATTRIBUTE_DATA {
            dwFileAttributes: a.attributes,
            ftCreationTime: ft(a.creation),
            ftLastAccessTime: ft(a.last_access),
            ftLastWriteTime: ft(a.last_write),
            nFileSizeHigh: (a.size >> 32) as u32,
            nFileSizeLow: a.size as u32,
        }
    }
}

/// What `GetFileAttributesEx(GetFileExInfoStandard)` reports: `WIN32_FILE_ATTRIBUTE_DATA`'s fields,
/// times as `FILETIME` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attributes {
    pub attributes: u32,
    pub creation: u64,
    pub last_access: u64,
    pub last_write: u64,
    pub size: u64,
}

fn filetime_of(t: std::io::Result<std::time::SystemTime>) -> u64 {
    match t.ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()) {
        Some(d) => super::time::UNIX_EPOCH_AS_FILETIME + d.as_secs() * 10_000_000 + d.subsec_nanos() as u64 / 100,
        None => 0,
    }
}

/// `GetFileAttributes(Ex)`: the attributes of a file or directory from `stat` (symbolic links followed,
/// as Windows follows them for the file a link names). Mapped as Wine maps them: a directory is
/// `FILE_ATTRIBUTE_DIRECTORY`, anything else `FILE_ATTRIBUTE_ARCHIVE`; a file without any write permission
/// bit adds `FILE_ATTRIBUTE_READONLY`; a name starting with `.` adds `FILE_ATTRIBUTE_HIDDEN` (the Linux
/// convention for hidden files). The creation time is the birth time where the file system records it,
/// else the last write time. Missing: `ERROR_FILE_NOT_FOUND`, or `ERROR_PATH_NOT_FOUND` when a directory
/// on the way is missing or is not a directory.
pub fn attributes(name: &str) -> WinResult<Attributes> {
    if name.is_empty() {
        return Err(ERROR_PATH_NOT_FOUND);
    }
    let path = linux_path(name);
    let meta = std::fs::metadata(&path).map_err(|e| match e.raw_os_error() {
        Some(libc::ENOENT) if path.parent().is_some_and(|p| !p.as_os_str().is_empty() && !p.is_dir()) => {
            ERROR_PATH_NOT_FOUND
        }
        Some(libc::ENAMETOOLONG) => ERROR_FILENAME_EXCED_RANGE,
        _ => Win32Error::from(e),
    })?;
    let mut attributes = if meta.is_dir() { FILE_ATTRIBUTE_DIRECTORY } else { FILE_ATTRIBUTE_ARCHIVE };
    if !meta.is_dir() && meta.permissions().mode() & 0o222 == 0 {
        attributes |= FILE_ATTRIBUTE_READONLY;
    }
    let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') && n != "." && n != "..");
    if hidden {
        attributes |= FILE_ATTRIBUTE_HIDDEN;
    }
    let last_write = filetime_of(meta.modified());
    let creation = match filetime_of(meta.created()) {
        0 => last_write,
        t => t,
    };
    Ok(Attributes {
        attributes,
        creation,
        last_access: filetime_of(meta.accessed()),
        last_write,
        size: if meta.is_dir() { 0 } else { meta.len() },
    })
}

/// `DeleteFile`: a missing file is `ERROR_FILE_NOT_FOUND`, a directory `ERROR_ACCESS_DENIED`.
pub fn delete(name: &str) -> WinResult<()> {
    let path = linux_path(name);
    if path.is_dir() {
        return Err(ERROR_ACCESS_DENIED);
    }
    std::fs::remove_file(&path).map_err(|e| match e.raw_os_error() {
        Some(libc::ENOENT) if path.parent().is_some_and(|p| !p.as_os_str().is_empty() && !p.exists()) => {
            ERROR_PATH_NOT_FOUND
        }
        _ => Win32Error::from(e),
    })
}

/// `GetTempPath`: `$TMPDIR` (if it names a directory) or `/tmp`, ending with `/`.
pub fn temp_path() -> String {
    let mut dir = std::env::var("TMPDIR")
        .ok()
        .filter(|d| !d.is_empty() && Path::new(d).is_dir())
        .unwrap_or_else(|| "/tmp".into());
    if !dir.ends_with('/') {
        dir.push('/');
    }
    dir
}

/// `GetTempFileName`: `<dir>/<first 3 chars of prefix><unique as 4 hex digits>.TMP`. With `unique`
/// 0 a free number is chosen and the file is created (empty); otherwise the name is only formed.
/// Returns the name and the number used. A directory that does not exist: `ERROR_DIRECTORY`.
pub fn temp_file_name(dir: &str, prefix: &str, unique: u32) -> WinResult<(String, u32)> {
    let dir_path = linux_path(dir);
    if !dir_path.is_dir() {
        return Err(ERROR_DIRECTORY);
    }
    let mut base = dir_path.to_string_lossy().into_owned();
    if !base.ends_with('/') {
        base.push('/');
    }
    let pre: String = prefix.chars().take(3).collect();
    let name_for = |n: u32| format!("{base}{pre}{:X}.TMP", n & 0xFFFF);
    if unique != 0 {
        return Ok((name_for(unique), unique & 0xFFFF));
    }
    // Windows starts from the tick count and walks up until a name is free.
    let start = (super::time::tick_count64() as u32 ^ std::process::id()) & 0xFFFF;
    for i in 0..0x10000u32 {
        let n = (start + i) & 0xFFFF;
        if n == 0 {
            continue;
        }
        let name = name_for(n);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&name) {
            Ok(_) => return Ok((name, n)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(ERROR_FILE_EXISTS)
}
