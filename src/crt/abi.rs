//! The C runtime's ABI values, in one place for the family (DESIGN.md section 2): the errno numbers the MSVC
//! `_s` functions return, `_TRUNCATE` and `EOF`. (windows-sys has no CRT header, so unlike the other families'
//! ABI modules these are not checked against it; `c_tests/crt_*.c` check them through the C headers.)

/// The errno values the MSVC functions return; EINVAL and ERANGE are the same numbers on Linux.
pub const EINVAL: i32 = 22;
pub const ERANGE: i32 = 34;
/// MSVC's STRUNCATE (a return value only; errno is not set to it).
pub const STRUNCATE: i32 = 80;

/// `_TRUNCATE`: the count that asks the `_s` functions to truncate instead of failing.
pub const TRUNCATE: usize = usize::MAX;

/// `EOF`, what `_getch` returns when standard input has ended.
pub const EOF: i32 = -1;
