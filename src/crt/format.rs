//! The formatting functions' engine: strsafe.h's formatter (Windows meanings of `%s`, `%S`, `%l`, `%I64`...),
//! compiled from `format.c` for each `WCHAR` width, plus the rules MSVC's functions apply to its output.
//!
//! The formatter runs in raw mode: it stores at most `cap` units, writes no terminator, and returns the
//! length of the whole output, so each function below decides truncation and termination itself.
use super::abi::{EINVAL, ERANGE};
use super::TRUNCATE;
use std::ffi::{c_int, c_void};

extern "C" {
    fn winhttpapi_crt_vformat32(
        buf: *mut c_void,
        cap: usize,
        wide: c_int,
        fmt: *const c_void,
        ap: *mut c_void,
    ) -> usize;
    fn winhttpapi_crt_vformat16(
        buf: *mut c_void,
        cap: usize,
        wide: c_int,
        fmt: *const c_void,
        ap: *mut c_void,
    ) -> usize;
    fn winhttpapi_crt_vformat32_alloc(out: *mut *mut c_void, wide: c_int, fmt: *const c_void, ap: *mut c_void)
        -> usize;
    fn winhttpapi_crt_vformat16_alloc(out: *mut *mut c_void, wide: c_int, fmt: *const c_void, ap: *mut c_void)
        -> usize;
    fn fputws(ws: *const libc::wchar_t, stream: *mut libc::FILE) -> c_int;
}

/// A caller's `va_list`, as it reaches us: on x86-64 and aarch64 Linux a `va_list` argument is passed as a
/// pointer, and it is consumed once.
#[derive(Clone, Copy, Debug)]
pub struct VaList(pub *mut c_void);

/// The call to format: the caller's WCHAR width (2 or 4: which formatter), whether output and format are
/// wide (`WCHAR`) or narrow (`char`), the format and its arguments.
#[derive(Clone, Copy, Debug)]
pub struct Call {
    pub wchar_size: usize,
    pub wide: bool,
    pub fmt: *const c_void,
    pub args: VaList,
}

impl Call {
    /// The size in bytes of one output unit.
    pub fn unit(&self) -> usize {
        if self.wide {
            self.wchar_size
        } else {
            1
        }
    }

    /// Formats into `buf` (at most `cap` units, no terminator); returns the whole output's length.
    ///
    /// # Safety
    /// `buf` has room for `cap` units (NULL when `cap` is 0); `fmt` is a NUL-terminated format of the right
    /// kind and `args` holds arguments matching it, not yet consumed.
    pub unsafe fn raw(self, buf: *mut c_void, cap: usize) -> usize {
        let wide = self.wide as c_int;
        if self.wchar_size == 2 {
            // SAFETY: `winhttpapi_crt_vformat16` (c/format.c) writes at most `cap` units to `buf` and reads `fmt` and
            // the arguments in `self.args`: `buf` has room for `cap` units, `fmt` is a NUL-terminated format of the
            // right kind and `args` matches it (this function's `# Safety`).
            unsafe { winhttpapi_crt_vformat16(buf, cap, wide, self.fmt, self.args.0) }
        } else {
            // SAFETY: `winhttpapi_crt_vformat32` (c/format.c) writes at most `cap` units to `buf` and reads `fmt` and
            // the arguments in `self.args`: `buf` has room for `cap` units, `fmt` is a NUL-terminated format of the
            // right kind and `args` matches it (this function's `# Safety`).
            unsafe { winhttpapi_crt_vformat32(buf, cap, wide, self.fmt, self.args.0) }
        }
    }
}

/// Writes a terminator of the call's unit size at unit `at` of `buf`.
///
/// # Safety
/// `buf` has room for `at + 1` units.
unsafe fn terminate(call: &Call, buf: *mut c_void, at: usize) {
    // SAFETY: `buf` has room for `at + 1` units of the call's size (this function's contract).
    unsafe {
        match call.unit() {
            1 => *(buf as *mut u8).add(at) = 0,
            2 => *(buf as *mut u16).add(at) = 0,
            _ => *(buf as *mut u32).add(at) = 0,
        }
    }
}

fn as_int(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(-1)
}

/// What a formatting function hands back: the C return value, or an errno for the invalid parameter handler
/// (after which the function returns -1).
pub type FormatResult = Result<i32, i32>;

/// `sprintf_s` / `swprintf_s`: the whole output and its terminator must fit, else the buffer is emptied and
/// it is `ERANGE`. NULL buffer, zero size or NULL format: `EINVAL`.
///
/// # Safety
/// As [`Call::raw`], with `buf` valid for `size` units when not NULL.
pub unsafe fn sprintf_s(call: Call, buf: *mut c_void, size: usize) -> FormatResult {
    if call.fmt.is_null() || buf.is_null() || size == 0 {
        return Err(EINVAL);
    }
    // SAFETY: `raw`: `buf` has room for `size - 1` units (NULL when `size - 1` is 0); `fmt` is a NUL-terminated
    // format of the right kind and `args` holds arguments matching it, not yet consumed.
    let n = unsafe { call.raw(buf, size - 1) };
    if n >= size {
        // SAFETY: `terminate`: `buf` has room for `at + 1` units.
        unsafe { terminate(&call, buf, 0) };
        return Err(ERANGE);
    }
    // SAFETY: `terminate`: `buf` has room for `at + 1` units.
    unsafe { terminate(&call, buf, n) };
    Ok(as_int(n))
}

/// `_snprintf` / `_snwprintf` (the legacy rules): the output fits with its terminator: its length; exactly
/// `size` units: its length, no terminator; longer: `size` units, no terminator, -1. A NULL buffer with size
/// 0 counts the output.
///
/// # Safety
/// As [`sprintf_s`].
pub unsafe fn snprintf_legacy(call: Call, buf: *mut c_void, size: usize) -> FormatResult {
    if call.fmt.is_null() || (buf.is_null() && size != 0) {
        return Err(EINVAL);
    }
    // SAFETY: `raw`: `buf` has room for `size` units (NULL when `size` is 0); `fmt` is a NUL-terminated format of
    // the right kind and `args` holds arguments matching it, not yet consumed.
    let n = unsafe { call.raw(buf, size) };
    if buf.is_null() {
        return Ok(as_int(n));
    }
    match n.cmp(&size) {
        std::cmp::Ordering::Less => {
            // SAFETY: `terminate`: `buf` has room for `at + 1` units.
            unsafe { terminate(&call, buf, n) };
            Ok(as_int(n))
        }
        std::cmp::Ordering::Equal => Ok(as_int(n)),
        std::cmp::Ordering::Greater => Ok(-1),
    }
}

/// `swprintf` / `vswprintf` as MSVC's headers define them (ISO form, with a count): the output is cut to
/// `size - 1` units and terminated; -1 when it did not fit. A NULL buffer with size 0 counts the output.
///
/// # Safety
/// As [`sprintf_s`].
pub unsafe fn swprintf_iso(call: Call, buf: *mut c_void, size: usize) -> FormatResult {
    if call.fmt.is_null() || (buf.is_null() && size != 0) {
        return Err(EINVAL);
    }
    if buf.is_null() {
        // SAFETY: `raw`: `buf` has room for `0` units (NULL when `0` is 0); `fmt` is a NUL-terminated format of the
        // right kind and `args` holds arguments matching it, not yet consumed.
        return Ok(as_int(unsafe { call.raw(buf, 0) }));
    }
    if size == 0 {
        return Ok(-1);
    }
    // SAFETY: `raw`: `buf` has room for `size - 1` units (NULL when `size - 1` is 0); `fmt` is a NUL-terminated
    // format of the right kind and `args` holds arguments matching it, not yet consumed.
    let n = unsafe { call.raw(buf, size - 1) };
    // SAFETY: `terminate`: `buf` has room for `at + 1` units.
    unsafe { terminate(&call, buf, n.min(size - 1)) };
    Ok(if n >= size { -1 } else { as_int(n) })
}

/// `_snprintf_s` / `_snwprintf_s`: at most `count` units (or all that fits, with `_TRUNCATE`) and a
/// terminator. Cut by `count`: -1, no error. Not fitting the buffer: with `_TRUNCATE` cut and -1, otherwise
/// the buffer is emptied and it is `ERANGE`.
///
/// # Safety
/// As [`sprintf_s`].
pub unsafe fn snprintf_s(call: Call, buf: *mut c_void, size: usize, count: usize) -> FormatResult {
    if call.fmt.is_null() {
        return Err(EINVAL);
    }
    if count == 0 && buf.is_null() && size == 0 {
        return Ok(0);
    }
    if buf.is_null() || size == 0 {
        return Err(EINVAL);
    }
    if count != TRUNCATE && count < size {
        // SAFETY: `raw`: `buf` has room for `count` units (NULL when `count` is 0); `fmt` is a NUL-terminated format
        // of the right kind and `args` holds arguments matching it, not yet consumed.
        let n = unsafe { call.raw(buf, count) };
        // SAFETY: `terminate`: `buf` has room for `at + 1` units.
        unsafe { terminate(&call, buf, n.min(count)) };
        return Ok(if n > count { -1 } else { as_int(n) });
    }
    // SAFETY: `raw`: `buf` has room for `size - 1` units (NULL when `size - 1` is 0); `fmt` is a NUL-terminated
    // format of the right kind and `args` holds arguments matching it, not yet consumed.
    let n = unsafe { call.raw(buf, size - 1) };
    if n < size {
        // SAFETY: `terminate`: `buf` has room for `at + 1` units.
        unsafe { terminate(&call, buf, n) };
        return Ok(as_int(n));
    }
    if count == TRUNCATE {
        // SAFETY: `terminate`: `buf` has room for `at + 1` units.
        unsafe { terminate(&call, buf, size - 1) };
        return Ok(-1);
    }
    // SAFETY: `terminate`: `buf` has room for `at + 1` units.
    unsafe { terminate(&call, buf, 0) };
    Err(ERANGE)
}

/// `_scprintf` / `_scwprintf`: the length of the output. NULL format: `EINVAL`.
///
/// # Safety
/// As [`Call::raw`].
pub unsafe fn count(call: Call) -> FormatResult {
    if call.fmt.is_null() {
        return Err(EINVAL);
    }
    // SAFETY: `raw`: `std::ptr::null_mut()` has room for `0` units (NULL when `0` is 0); `fmt` is a NUL-terminated
    // format of the right kind and `args` holds arguments matching it, not yet consumed.
    Ok(as_int(unsafe { call.raw(std::ptr::null_mut(), 0) }))
}

/// The whole output in a `malloc`'d buffer of the call's units, terminated, and its length in units. None
/// when memory ran out.
///
/// # Safety
/// As [`Call::raw`].
unsafe fn alloc(call: Call) -> Option<(*mut c_void, usize)> {
    let mut out: *mut c_void = std::ptr::null_mut();
    let wide = call.wide as c_int;
    let n = if call.wchar_size == 2 {
        // SAFETY: `winhttpapi_crt_vformat16_alloc` (c/format.c) stores a `malloc`'d buffer (or NULL) in `out`, a local,
        // and reads `call.fmt` and `call.args`: a NUL-terminated format of the right kind with matching arguments (this
        // function's `# Safety`).
        unsafe { winhttpapi_crt_vformat16_alloc(&mut out, wide, call.fmt, call.args.0) }
    } else {
        // SAFETY: `winhttpapi_crt_vformat32_alloc` (c/format.c) stores a `malloc`'d buffer (or NULL) in `out`, a local,
        // and reads `call.fmt` and `call.args`: a NUL-terminated format of the right kind with matching arguments (this
        // function's `# Safety`).
        unsafe { winhttpapi_crt_vformat32_alloc(&mut out, wide, call.fmt, call.args.0) }
    };
    (!out.is_null()).then_some((out, n))
}

/// `printf_s`, `wprintf_s` and their `f` and `v` forms (and the UTF-16 `wprintf`): formats and writes the
/// output to `stream`. Narrow output goes out as its bytes; wide output of a 2-byte `WCHAR` caller as UTF-8
/// bytes; wide output of a 4-byte caller through glibc's `fputws`, so the stream's locale conversion and
/// orientation are those of glibc's `wprintf`. Returns the units formatted, -1 when memory ran out or the
/// write failed. NULL stream or format: `EINVAL`.
///
/// # Safety
/// As [`Call::raw`]; `stream` is NULL or an open `FILE`.
pub unsafe fn print(call: Call, stream: *mut libc::FILE) -> FormatResult {
    if call.fmt.is_null() || stream.is_null() {
        return Err(EINVAL);
    }
    // SAFETY: `alloc`: As [`Call::raw`].
    let Some((buf, n)) = (unsafe { alloc(call) }) else {
        return Ok(-1);
    };
    let written = if call.wide && call.wchar_size == 4 {
        // SAFETY: `fputws` (glibc): `buf` is the NUL-terminated 4-byte wide string `alloc` just made; `stream` is
        // non-NULL (checked above) and an open `FILE` (this function's `# Safety`).
        (unsafe { fputws(buf as *const libc::wchar_t, stream) }) >= 0
    } else {
        let utf8;
        let bytes = if call.wide {
            // SAFETY: `from_raw_parts`: the pointer and length describe readable memory of the caller
            utf8 = crate::win32::text::wide_to_utf8(unsafe { std::slice::from_raw_parts(buf as *const u16, n) }, false)
                .unwrap_or_default();
            &utf8[..]
        } else {
            // SAFETY: `from_raw_parts`: the pointer and length describe readable memory of the caller
            unsafe { std::slice::from_raw_parts(buf as *const u8, n) }
        };
        // SAFETY: `bytes` is ours and `stream` is the caller's open FILE (this function's contract).
        bytes.is_empty()
            || unsafe { libc::fwrite(bytes.as_ptr() as *const c_void, 1, bytes.len(), stream) } == bytes.len()
    };
    // SAFETY: `buf` came from `alloc` (malloc) above and is freed once, here.
    unsafe { libc::free(buf) };
    Ok(if written { as_int(n) } else { -1 })
}
