//! The C runtime functions of `include/corecrt.h` and `include/conio.h`: what MSVC's runtime gives a Windows
//! program beyond ISO C (`_wcsicmp`, `wcscpy_s`, `_itow`, `sprintf_s`, `_kbhit` ...), and UTF-16 versions of
//! the wide ISO functions for programs built with `-fshort-wchar` (`wcslen_w16` ... `swprintf_w16`).
//!
//! Behaviour is the UCRT's: argument errors go through [`invalid`] (errno, then the invalid parameter
//! handler), truncation asked for with `_TRUNCATE` is not an error, case folding is ASCII-only (the "C"
//! locale). Everything here works on slices and values; `src/ffi/crt*.rs` turn the caller's pointers into
//! them. Formatting is strsafe.h's formatter, compiled into the library from `format.c` ([`format`]).
pub mod abi;
pub mod conio;
pub mod format;
pub mod invalid;
pub mod numbers;
pub mod strings;

pub use abi::{EINVAL, ERANGE, STRUNCATE, TRUNCATE};

/// One code unit of a C runtime string: `char` (u8), UTF-16 `wchar_t` (u16) or UTF-32 `wchar_t` (u32).
pub trait Unit: crate::win32::wstr::WideUnit + Into<u32> {
    fn from_u32(v: u32) -> Self;
}

impl Unit for u8 {
    fn from_u32(v: u32) -> u8 {
        v as u8
    }
}

impl Unit for u16 {
    fn from_u32(v: u32) -> u16 {
        v as u16
    }
}

impl Unit for u32 {
    fn from_u32(v: u32) -> u32 {
        v
    }
}
