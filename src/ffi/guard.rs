//! The guard every export runs inside: catches panics so none unwinds into C, logs the call, and turns the
//! engine's `WinResult` into the family's convention. Last-error is set here and nowhere else on the
//! export path.
//!
//! - [`guard_win32`]: kernel32 style. Returns `fail` and sets last-error on failure; leaves last-error
//!   alone on success, as most kernel32 functions do.
//! - [`guard_winhttp`]: WinHTTP style. Sets last-error on failure, and `ERROR_SUCCESS` on success
//!   (WinHTTP functions reset it).
//! - [`guard_httpapi`]: http.sys style. Returns the code (`NO_ERROR`, `ERROR_IO_PENDING`, an error);
//!   last-error untouched. [`guard_winhttp_code`]: the same for WinHTTP's functions returning a `DWORD`.
//! - [`guard_rpc`], [`guard_rpc_handle`]: the MS-CMRP style of `httpnotify.h`. Returns the code as
//!   `error_status_t` (or, for `ApiCreateNotify`, a handle with the code in an out-parameter);
//!   last-error untouched.
//! - [`guard_infallible`]: functions that cannot fail (`GetTickCount`); only the panic catch.
use crate::win32::error::*;
use crate::win32::last_error::set_last_error;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn report_panic(name: &str, payload: &(dyn std::any::Any + Send)) {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    tracing::error!(target: "winhttpapi", "{name}: internal panic: {msg}");
}

/// kernel32 convention; see the module doc.
pub fn guard_win32<T>(name: &'static str, fail: T, f: impl FnOnce() -> WinResult<T>) -> T {
    crate::log::ensure_init();
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => {
            tracing::debug!(target: "winhttpapi::win32", "{name} failed: {}", e.0);
            set_last_error(e.0);
            fail
        }
        Err(p) => {
            report_panic(name, &*p);
            set_last_error(ERROR_INTERNAL_ERROR.0);
            fail
        }
    }
}

/// WinHTTP convention; see the module doc.
pub fn guard_winhttp<T>(name: &'static str, fail: T, f: impl FnOnce() -> WinResult<T>) -> T {
    crate::log::ensure_init();
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => {
            set_last_error(ERROR_SUCCESS.0);
            v
        }
        Ok(Err(e)) => {
            tracing::debug!(target: "winhttpapi::winhttp", "{name} failed: {}", e.0);
            set_last_error(e.0);
            fail
        }
        Err(p) => {
            report_panic(name, &*p);
            set_last_error(ERROR_WINHTTP_INTERNAL_ERROR.0);
            fail
        }
    }
}

/// The convention of the functions that return their code (http.sys, WinHTTP's `DWORD` functions,
/// MS-CMRP): the code, last-error untouched; a panic becomes `panic_code`. `Err(ERROR_IO_PENDING)` is how
/// an engine says "pending" (not logged as a failure).
fn guard_code(target: Family, name: &'static str, panic_code: Win32Error, f: impl FnOnce() -> WinResult<()>) -> u32 {
    crate::log::ensure_init();
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => ERROR_SUCCESS.0,
        Ok(Err(e)) => {
            if e != ERROR_IO_PENDING {
                match target {
                    Family::HttpApi => tracing::debug!(target: "winhttpapi::httpapi", "{name} failed: {}", e.0),
                    Family::WinHttp => tracing::debug!(target: "winhttpapi::winhttp", "{name} failed: {}", e.0),
                    Family::Notify => tracing::debug!(target: "winhttpapi::notify", "{name} failed: {}", e.0),
                }
            }
            e.0
        }
        Err(p) => {
            report_panic(name, &*p);
            panic_code.0
        }
    }
}

/// The log target of a code-returning family (tracing targets are static per call site).
#[derive(Clone, Copy)]
enum Family {
    HttpApi,
    WinHttp,
    Notify,
}

/// http.sys convention; see the module doc.
pub fn guard_httpapi(name: &'static str, f: impl FnOnce() -> WinResult<()>) -> u32 {
    guard_code(Family::HttpApi, name, ERROR_INTERNAL_ERROR, f)
}

/// WinHTTP's functions that return a `DWORD` code (`WinHttpWebSocketSend`, `WinHttpGetProxyForUrlEx`,
/// `WinHttpReadDataEx`...): the code, last-error untouched, a panic `ERROR_WINHTTP_INTERNAL_ERROR`.
pub fn guard_winhttp_code(name: &'static str, f: impl FnOnce() -> WinResult<()>) -> u32 {
    guard_code(Family::WinHttp, name, ERROR_WINHTTP_INTERNAL_ERROR, f)
}

/// MS-CMRP convention (`httpnotify.h`); see the module doc.
pub fn guard_rpc(name: &'static str, f: impl FnOnce() -> WinResult<()>) -> u32 {
    guard_code(Family::Notify, name, ERROR_INTERNAL_ERROR, f)
}

/// MS-CMRP convention for a method returning a handle (`ApiCreateNotify`): `fail` on failure, and the
/// code (`ERROR_SUCCESS` or the failure) handed to `status`, which writes the `Status` out-parameter.
pub fn guard_rpc_handle<T>(
    name: &'static str,
    fail: T,
    status: impl FnOnce(u32),
    f: impl FnOnce() -> WinResult<T>,
) -> T {
    let mut out = None;
    let code = guard_rpc(name, || {
        out = Some(f()?);
        Ok(())
    });
    status(code);
    out.unwrap_or(fail)
}

/// For functions that cannot fail; only catches panics (returning `fallback`).
pub fn guard_infallible<T>(name: &'static str, fallback: T, f: impl FnOnce() -> T) -> T {
    crate::log::ensure_init();
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(p) => {
            report_panic(name, &*p);
            fallback
        }
    }
}

/// The result of a function exported but not implemented: logs at warn level with its name and fails
/// with `ERROR_CALL_NOT_IMPLEMENTED` (DESIGN.md section 3; listed as such in `exports/`).
pub fn not_implemented<T>(name: &'static str) -> WinResult<T> {
    tracing::warn!(target: "winhttpapi", "{name} is not implemented yet");
    Err(ERROR_CALL_NOT_IMPLEMENTED)
}

/// For `ExitThread` alone, the one export that must not return: logs the call and hands over to
/// `f`, which ends the thread by unwinding to its bottom (an `extern "C-unwind"` path, so C frames in
/// between are passed, not aborted on). Nothing is caught here on purpose.
pub fn guard_unwinding(name: &'static str, f: impl FnOnce() -> std::convert::Infallible) -> ! {
    crate::log::ensure_init();
    tracing::trace!(target: "winhttpapi::win32", "{name}");
    match f() {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::win32::last_error::last_error;

    #[test]
    fn panic_becomes_internal_error() {
        std::panic::set_hook(Box::new(|_| {}));
        let r = guard_win32("t", 0, || -> WinResult<i32> { panic!("boom") });
        let _ = std::panic::take_hook();
        assert_eq!(r, 0);
        assert_eq!(last_error(), ERROR_INTERNAL_ERROR.0);
    }

    #[test]
    fn winhttp_success_resets_last_error() {
        set_last_error(5);
        assert_eq!(guard_winhttp("t", 0, || Ok(1)), 1);
        assert_eq!(last_error(), 0);
        set_last_error(5);
        assert_eq!(guard_win32("t", 0, || Ok(1)), 1);
        assert_eq!(last_error(), 5);
    }
}
