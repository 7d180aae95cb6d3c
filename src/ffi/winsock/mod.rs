//! Exports of `winsock2.h` / `ws2tcpip.h` (engine: `win32::winsock`): `WSAStartup`, `WSACleanup`,
//! `WSAGetLastError`, `WSASetLastError`, `closesocket`, `WSAAddressToStringA/W`, `InetNtopA/W`,
//! `InetPtonA/W`. The last error is the thread's Win32 last error, as on Windows.
#![allow(non_snake_case)]
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::win32::abi::WSADATA;
use crate::win32::error::*;
use crate::win32::last_error;
use crate::win32::winsock;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::{c_char, c_int, c_void};

/// `SOCKET_ERROR`.
const SOCKET_ERROR: c_int = -1;

/// `WSAStartup`: returns 0 and fills `*lpWSAData` (the version granted: the one asked for, at most 2.2),
/// or the error code (`WSAVERNOTSUPPORTED` below 1.0, `WSAEFAULT` for a NULL pointer). There is nothing to
/// start on Linux; each success needs its `WSACleanup`.
///
/// # Safety
/// `lpWSAData` is NULL or points to memory valid for what `WSAStartup` reads or writes there, as Windows documents
/// it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the length of the
/// call.
#[no_mangle]
pub unsafe extern "C" fn WSAStartup(wVersionRequested: u16, lpWSAData: *mut WSADATA) -> c_int {
    guard_infallible("WSAStartup", WSAEFAULT.0 as c_int, || {
        tracing::trace!(target: "winhttpapi::win32", "WSAStartup({wVersionRequested:#x}, {lpWSAData:?})");
        if lpWSAData.is_null() {
            return WSAEFAULT.0 as c_int;
        }
        match winsock::startup(wVersionRequested) {
            Ok(v) => {
                let mut data = WSADATA {
                    wVersion: v,
                    wHighVersion: winsock::HIGHEST_VERSION,
                    iMaxSockets: 0,
                    iMaxUdpDg: 0,
                    lpVendorInfo: std::ptr::null_mut(),
                    szDescription: [0; 257],
                    szSystemStatus: [0; 129],
                };
                data.szDescription[..11].copy_from_slice(b"WinSock 2.0");
                data.szSystemStatus[..7].copy_from_slice(b"Running");
                // SAFETY: `write`: Before the operation's completion is reported (the contract of
                // [`CallerOut::new`]).
                unsafe { lpWSAData.write(data) };
                0
            }
            Err(e) => e.0 as c_int,
        }
    })
}

/// `WSACleanup`: 0, or `SOCKET_ERROR` with `WSANOTINITIALISED` when no `WSAStartup` is left to undo.
#[no_mangle]
pub extern "C" fn WSACleanup() -> c_int {
    guard_win32("WSACleanup", SOCKET_ERROR, || {
        tracing::trace!(target: "winhttpapi::win32", "WSACleanup()");
        winsock::cleanup().map(|()| 0)
    })
}

/// `WSAGetLastError`: the thread's last error (the same value `GetLastError` returns, as on Windows).
/// The C library's socket functions report through `errno` instead.
#[no_mangle]
pub extern "C" fn WSAGetLastError() -> c_int {
    guard_infallible("WSAGetLastError", 0, || last_error::last_error() as c_int)
}

/// `WSASetLastError`: sets the thread's last error.
#[no_mangle]
pub extern "C" fn WSASetLastError(iError: c_int) {
    guard_infallible("WSASetLastError", (), || last_error::set_last_error(iError as u32))
}

/// `closesocket`: closes a socket (a file descriptor in a `SOCKET`); 0, or `SOCKET_ERROR` with
/// `WSAENOTSOCK` for a descriptor that is not open.
#[no_mangle]
pub extern "C" fn closesocket(s: usize) -> c_int {
    guard_win32("closesocket", SOCKET_ERROR, || {
        tracing::trace!(target: "winhttpapi::win32", "closesocket({s})");
        let fd = c_int::try_from(s).map_err(|_| WSAENOTSOCK)?;
        // SAFETY: closing a descriptor the program owns, as closesocket does.
        if unsafe { libc::close(fd) } != 0 {
            return Err(match std::io::Error::last_os_error().raw_os_error() {
                Some(libc::EBADF) => WSAENOTSOCK,
                _ => Win32Error::from(std::io::Error::last_os_error()),
            });
        }
        Ok(0)
    })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`WSAAddressToStringA`, `WSAAddressToStringW`, and their
/// `_w16` twins), whose `# Safety` asks the caller to make them NULL or valid for what Windows documents the function
/// reads or writes through them; as called from `WSAAddressToStringA`: `sa` is its `lpsaAddress`, `info` is its
/// `lpProtocolInfo`, `out` is its `lpszAddressString`, `out_len` is its `lpdwAddressStringLength`. In particular: `sa`
/// is NULL or points to `len as usize` readable bytes that stay valid and unchanged for `'a`.
unsafe fn address_to_string<U: WideUnit>(
    sa: *const u8,
    len: DWORD,
    info: *mut c_void,
    out: *mut U,
    out_len: *mut DWORD,
) -> WinResult<c_int> {
    tracing::trace!(target: "winhttpapi::win32", "WSAAddressToString({sa:?}, {len}, {info:?}, {out:?}, {out_len:?})");
    if sa.is_null() || out_len.is_null() {
        return Err(WSAEFAULT);
    }
    if !info.is_null() {
        tracing::warn!(target: "winhttpapi::win32", "WSAAddressToString: lpProtocolInfo ignored");
    }
    // SAFETY: `bytes_in`: `sa` is NULL or points to `len as usize` readable bytes that stay valid and unchanged for
    // `'a`.
    let text = winsock::socket_address_text(unsafe { bytes_in(sa, len as usize) }?)?;
    let units = wstr::encode_nul::<U>(&text);
    // SAFETY: `out_len` is non-NULL (checked above) and the caller's DWORD.
    if out.is_null() || (unsafe { *out_len } as usize) < units.len() {
        // SAFETY: `out_len` is non-NULL (checked above) and the caller's, valid for writing what is stored (this
        // function's `# Safety`)
        unsafe {
            *out_len = units.len() as DWORD;
        }
        return Err(WSAEFAULT);
    }
    // SAFETY: `units_out`: `out` points to `units.len()` writable units valid for `'a`, not aliased (NULL only when
    // `units.len()` is 0).
    unsafe { units_out(out, units.len()) }.copy_from_slice(&units);
    // SAFETY: `out_len` is non-NULL (checked above) and the caller's, valid for writing what is stored (this function's
    // `# Safety`)
    unsafe {
        *out_len = units.len() as DWORD;
    }
    Ok(0)
}

/// `WSAAddressToStringA`: the text of a socket address (`a.b.c.d:port`, `[v6%scope]:port`, no port when it
/// is 0) into `lpszAddressString` of `*lpdwAddressStringLength` characters; the length used (with the NUL)
/// is stored back. Too small or NULL: `SOCKET_ERROR`, `WSAEFAULT` and the length needed; a structure shorter
/// than `dwAddressLength` says: `WSAEFAULT`; a family other than AF_INET / AF_INET6: `WSAEINVAL`.
///
/// # Safety
/// `lpsaAddress`, `lpProtocolInfo`, `lpszAddressString`, `lpdwAddressStringLength` are each NULL or point to memory
/// valid for what `WSAAddressToStringA` reads or writes there, as Windows documents it (strings NUL-terminated
/// unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WSAAddressToStringA(
    lpsaAddress: *const c_void,
    dwAddressLength: DWORD,
    lpProtocolInfo: *mut c_void,
    lpszAddressString: *mut c_char,
    lpdwAddressStringLength: *mut DWORD,
) -> c_int {
    guard_win32("WSAAddressToStringA", SOCKET_ERROR, || {
        // SAFETY: `address_to_string`: `lpsaAddress`, `lpProtocolInfo`, `lpszAddressString`, `lpdwAddressStringLength`
        // are this export's own arguments, passed on (cast to the helper's types where they differ); its `# Safety`
        // makes them NULL or valid for what Windows documents `WSAAddressToStringA` reads or writes through them.
        unsafe {
            address_to_string(
                lpsaAddress as *const u8,
                dwAddressLength,
                lpProtocolInfo,
                lpszAddressString as *mut u8,
                lpdwAddressStringLength,
            )
        }
    })
}

/// `WSAAddressToStringW`: as `WSAAddressToStringA` in `WCHAR`s.
///
/// # Safety
/// `lpsaAddress`, `lpProtocolInfo`, `lpszAddressString`, `lpdwAddressStringLength` are each NULL or point to memory
/// valid for what `WSAAddressToStringW` reads or writes there, as Windows documents it (strings NUL-terminated
/// unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WSAAddressToStringW(
    lpsaAddress: *const c_void,
    dwAddressLength: DWORD,
    lpProtocolInfo: *mut c_void,
    lpszAddressString: *mut u32,
    lpdwAddressStringLength: *mut DWORD,
) -> c_int {
    guard_win32("WSAAddressToStringW", SOCKET_ERROR, || {
        // SAFETY: `address_to_string`: `lpsaAddress`, `lpProtocolInfo`, `lpszAddressString`, `lpdwAddressStringLength`
        // are this export's own arguments, passed on (cast to the helper's types where they differ); its `# Safety`
        // makes them NULL or valid for what Windows documents `WSAAddressToStringW` reads or writes through them.
        unsafe {
            address_to_string(
                lpsaAddress as *const u8,
                dwAddressLength,
                lpProtocolInfo,
                lpszAddressString,
                lpdwAddressStringLength,
            )
        }
    })
}

/// `WSAAddressToStringW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpsaAddress`, `lpProtocolInfo`, `lpszAddressString`, `lpdwAddressStringLength` are each NULL or point to memory
/// valid for what `WSAAddressToStringW` reads or writes there, as Windows documents it (strings NUL-terminated
/// unless a length is passed, buffers at least the size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn WSAAddressToStringW_w16(
    lpsaAddress: *const c_void,
    dwAddressLength: DWORD,
    lpProtocolInfo: *mut c_void,
    lpszAddressString: *mut u16,
    lpdwAddressStringLength: *mut DWORD,
) -> c_int {
    guard_win32("WSAAddressToStringW", SOCKET_ERROR, || {
        // SAFETY: `address_to_string`: `lpsaAddress`, `lpProtocolInfo`, `lpszAddressString`, `lpdwAddressStringLength`
        // are this export's own arguments, passed on (cast to the helper's types where they differ); its `# Safety`
        // makes them NULL or valid for what Windows documents `WSAAddressToStringW` reads or writes through them.
        unsafe {
            address_to_string(
                lpsaAddress as *const u8,
                dwAddressLength,
                lpProtocolInfo,
                lpszAddressString,
                lpdwAddressStringLength,
            )
        }
    })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`InetNtopA`, `InetNtopW`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `InetNtopA`: `addr` is its `pAddr`, `out` is its `pStringBuf`.
unsafe fn ntop<U: WideUnit>(family: c_int, addr: *const u8, out: *mut U, size: usize) -> WinResult<*const U> {
    tracing::trace!(target: "winhttpapi::win32", "InetNtop({family}, {addr:?}, {out:?}, {size})");
    if addr.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let len = match family {
        winsock::AF_INET => 4,
        winsock::AF_INET6 => 16,
        _ => return Err(WSAEAFNOSUPPORT),
    };
    // SAFETY: `bytes_in`: `addr` is NULL or points to `len` readable bytes that stay valid and unchanged for `'a`.
    let text = winsock::address_text(family, unsafe { bytes_in(addr, len) }?)?;
    let units = wstr::encode_nul::<U>(&text);
    if out.is_null() || size < units.len() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `units_out`: `out` points to `units.len()` writable units valid for `'a`, not aliased (NULL only when
    // `units.len()` is 0).
    unsafe { units_out(out, units.len()) }.copy_from_slice(&units);
    Ok(out)
}

/// `InetNtopA`: the text of an IPv4 (`in_addr`) or IPv6 (`in6_addr`) address into `pStringBuf` of
/// `StringBufSize` characters; returns the buffer, or NULL with `WSAEAFNOSUPPORT` (a family other than
/// AF_INET and AF_INET6) / `ERROR_INVALID_PARAMETER` (NULL buffer or address, buffer too small).
///
/// # Safety
/// `pAddr`, `pStringBuf` are each NULL or point to memory valid for what `InetNtopA` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InetNtopA(
    Family: c_int,
    pAddr: *const c_void,
    pStringBuf: *mut c_char,
    StringBufSize: usize,
) -> *const c_char {
    guard_win32("InetNtopA", std::ptr::null(), || {
        // SAFETY: `ntop`: `pAddr`, `pStringBuf` are this export's own arguments, passed on (cast to the helper's types
        // where they differ); its `# Safety` makes them NULL or valid for what Windows documents `InetNtopA` reads or
        // writes through them.
        Ok(unsafe { ntop(Family, pAddr as *const u8, pStringBuf as *mut u8, StringBufSize) }? as *const c_char)
    })
}

/// `InetNtopW`: as `InetNtopA` in `WCHAR`s.
///
/// # Safety
/// `pAddr`, `pStringBuf` are each NULL or point to memory valid for what `InetNtopW` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InetNtopW(
    Family: c_int,
    pAddr: *const c_void,
    pStringBuf: *mut u32,
    StringBufSize: usize,
) -> *const u32 {
    // SAFETY: `ntop`: `pAddr`, `pStringBuf` are this export's own arguments, passed on (cast to the helper's types
    // where they differ); its `# Safety` makes them NULL or valid for what Windows documents `InetNtopW` reads or
    // writes through them.
    guard_win32("InetNtopW", std::ptr::null(), || unsafe {
        ntop(Family, pAddr as *const u8, pStringBuf, StringBufSize)
    })
}

/// `InetNtopW` for `-fshort-wchar` callers.
///
/// # Safety
/// `pAddr`, `pStringBuf` are each NULL or point to memory valid for what `InetNtopW` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InetNtopW_w16(
    Family: c_int,
    pAddr: *const c_void,
    pStringBuf: *mut u16,
    StringBufSize: usize,
) -> *const u16 {
    // SAFETY: `ntop`: `pAddr`, `pStringBuf` are this export's own arguments, passed on (cast to the helper's types
    // where they differ); its `# Safety` makes them NULL or valid for what Windows documents `InetNtopW` reads or
    // writes through them.
    guard_win32("InetNtopW", std::ptr::null(), || unsafe {
        ntop(Family, pAddr as *const u8, pStringBuf, StringBufSize)
    })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`InetPtonA`, `InetPtonW`, and their `_w16` twins), whose
/// `# Safety` asks the caller to make them NULL or valid for what Windows documents the function reads or writes
/// through them; as called from `InetPtonA`: `text` is its `pszAddrString`, `out` is its `pAddrBuf`. In particular:
/// `text` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn pton<U: WideUnit>(family: c_int, text: *const U, out: *mut u8) -> WinResult<c_int> {
    tracing::trace!(target: "winhttpapi::win32", "InetPton({family}, {text:?}, {out:?})");
    if family != winsock::AF_INET && family != winsock::AF_INET6 {
        return Err(WSAEAFNOSUPPORT);
    }
    // SAFETY: `wide_cstr`: `text` is NULL or points to a readable NUL-terminated array of `U`.
    let Some(text) = (unsafe { wide_cstr(text) }) else { return Err(WSAEFAULT) };
    if out.is_null() {
        return Err(WSAEFAULT);
    }
    match winsock::parse_address(family, &text)? {
        Some(bytes) => {
            // SAFETY: `units_out`: `out` points to `bytes.len()` writable units valid for `'a`, not aliased (NULL
            // only when `bytes.len()` is 0).
            unsafe { units_out(out, bytes.len()) }.copy_from_slice(&bytes);
            Ok(1)
        }
        None => Ok(0),
    }
}

/// `InetPtonA`: the binary form (`in_addr` / `in6_addr`, network order) of a dotted-decimal IPv4 or an
/// IPv6 address: 1; 0 when the text is not one; -1 with `WSAEAFNOSUPPORT` (another family) or
/// `WSAEFAULT` (NULL pointers).
///
/// # Safety
/// `pszAddrString`, `pAddrBuf` are each NULL or point to memory valid for what `InetPtonA` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InetPtonA(Family: c_int, pszAddrString: *const c_char, pAddrBuf: *mut c_void) -> c_int {
    // SAFETY: `pton`: `pszAddrString`, `pAddrBuf` are this export's own arguments, passed on (cast to the helper's
    // types where they differ); its `# Safety` makes them NULL or valid for what Windows documents `InetPtonA` reads or
    // writes through them.
    guard_win32("InetPtonA", -1, || unsafe { pton(Family, pszAddrString as *const u8, pAddrBuf as *mut u8) })
}

/// `InetPtonW`: as `InetPtonA` with a wide string.
///
/// # Safety
/// `pszAddrString`, `pAddrBuf` are each NULL or point to memory valid for what `InetPtonW` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InetPtonW(Family: c_int, pszAddrString: *const u32, pAddrBuf: *mut c_void) -> c_int {
    // SAFETY: `pton`: `pszAddrString`, `pAddrBuf` are this export's own arguments, passed on (cast to the helper's
    // types where they differ); its `# Safety` makes them NULL or valid for what Windows documents `InetPtonW` reads or
    // writes through them.
    guard_win32("InetPtonW", -1, || unsafe { pton(Family, pszAddrString, pAddrBuf as *mut u8) })
}

/// `InetPtonW` for `-fshort-wchar` callers.
///
/// # Safety
/// `pszAddrString`, `pAddrBuf` are each NULL or point to memory valid for what `InetPtonW` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InetPtonW_w16(Family: c_int, pszAddrString: *const u16, pAddrBuf: *mut c_void) -> c_int {
    // SAFETY: `pton`: `pszAddrString`, `pAddrBuf` are this export's own arguments, passed on (cast to the helper's
    // types where they differ); its `# Safety` makes them NULL or valid for what Windows documents `InetPtonW` reads or
    // writes through them.
    guard_win32("InetPtonW", -1, || unsafe { pton(Family, pszAddrString, pAddrBuf as *mut u8) })
}
