//! `conio.h`: `_kbhit`, `_getch`, `_getche`, `_ungetch`, `_putch` (engine: `crt::conio`).
use crate::crt::abi::EOF;
use crate::crt::conio;
use crate::ffi::guard::*;
use std::ffi::c_int;

/// `_kbhit`: nonzero when a key is waiting on standard input (see `crt::conio` for terminals and pipes).
#[no_mangle]
pub extern "C" fn _kbhit() -> c_int {
    guard_infallible("_kbhit", 0, || conio::kbhit() as c_int)
}

/// `_getch`: the next key, without waiting for Enter and without echo; `EOF` (-1) at the end of input.
#[no_mangle]
pub extern "C" fn _getch() -> c_int {
    guard_infallible("_getch", EOF, || conio::getch(false))
}

/// `_getche`: `_getch` that echoes the key to standard output.
#[no_mangle]
pub extern "C" fn _getche() -> c_int {
    guard_infallible("_getche", EOF, || conio::getch(true))
}

/// `_ungetch`: gives a key back to the next `_getch`; `EOF` when one is already waiting.
#[no_mangle]
pub extern "C" fn _ungetch(c: c_int) -> c_int {
    guard_infallible("_ungetch", EOF, || conio::ungetch(c))
}

/// `_putch`: writes one character to standard output at once; returns it, or `EOF`.
#[no_mangle]
pub extern "C" fn _putch(c: c_int) -> c_int {
    guard_infallible("_putch", EOF, || conio::putch(c))
}
