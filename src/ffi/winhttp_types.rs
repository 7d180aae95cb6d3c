//! `#[repr(C)]` structs of `winhttp.h` that cross the edge, in Windows field order, with the x64 sizes
//! and offsets of the inventory (section B.3) checked at compile time.
#![allow(non_snake_case, non_camel_case_types)]
use std::ffi::c_void;
use std::mem::{offset_of, size_of};

/// `URL_COMPONENTS` (wide-string pointers are `WCHAR*` of the caller's width; stored untyped).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct URL_COMPONENTS {
    pub dwStructSize: u32,
    pub lpszScheme: *mut c_void,
    pub dwSchemeLength: u32,
    pub nScheme: i32,
    pub lpszHostName: *mut c_void,
    pub dwHostNameLength: u32,
    pub nPort: u16,
    pub lpszUserName: *mut c_void,
    pub dwUserNameLength: u32,
    pub lpszPassword: *mut c_void,
    pub dwPasswordLength: u32,
    pub lpszUrlPath: *mut c_void,
    pub dwUrlPathLength: u32,
    pub lpszExtraInfo: *mut c_void,
    pub dwExtraInfoLength: u32,
}
const _: () = assert!(size_of::<URL_COMPONENTS>() == 104);
const _: () = assert!(offset_of!(URL_COMPONENTS, nScheme) == 20);
const _: () = assert!(offset_of!(URL_COMPONENTS, lpszHostName) == 24);
const _: () = assert!(offset_of!(URL_COMPONENTS, nPort) == 36);
const _: () = assert!(offset_of!(URL_COMPONENTS, lpszUserName) == 40);
const _: () = assert!(offset_of!(URL_COMPONENTS, dwPasswordLength) == 64);
const _: () = assert!(offset_of!(URL_COMPONENTS, lpszUrlPath) == 72);
const _: () = assert!(offset_of!(URL_COMPONENTS, lpszExtraInfo) == 88);
const _: () = assert!(offset_of!(URL_COMPONENTS, dwExtraInfoLength) == 96);

/// `WINHTTP_PROXY_INFO`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_PROXY_INFO {
    pub dwAccessType: u32,
    pub lpszProxy: *mut c_void,
    pub lpszProxyBypass: *mut c_void,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_INFO>() == 24);
const _: () = assert!(offset_of!(WINHTTP_PROXY_INFO, lpszProxy) == 8);
const _: () = assert!(offset_of!(WINHTTP_PROXY_INFO, lpszProxyBypass) == 16);

/// `WINHTTP_CURRENT_USER_IE_PROXY_CONFIG`.
#[repr(C)]
pub struct WINHTTP_CURRENT_USER_IE_PROXY_CONFIG {
    pub fAutoDetect: i32,
    pub lpszAutoConfigUrl: *mut c_void,
    pub lpszProxy: *mut c_void,
    pub lpszProxyBypass: *mut c_void,
}
const _: () = assert!(size_of::<WINHTTP_CURRENT_USER_IE_PROXY_CONFIG>() == 32);
const _: () = assert!(offset_of!(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszAutoConfigUrl) == 8);

/// `HTTP_VERSION_INFO`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_VERSION_INFO {
    pub dwMajorVersion: u32,
    pub dwMinorVersion: u32,
}
const _: () = assert!(size_of::<HTTP_VERSION_INFO>() == 8);

/// `WINHTTP_ASYNC_RESULT`.
#[repr(C)]
pub struct WINHTTP_ASYNC_RESULT {
    pub dwResult: usize,
    pub dwError: u32,
}
const _: () = assert!(size_of::<WINHTTP_ASYNC_RESULT>() == 16);
const _: () = assert!(offset_of!(WINHTTP_ASYNC_RESULT, dwError) == 8);

/// `SYSTEMTIME` is the Win32 core's (one definition for the whole edge).
pub use crate::win32::time::SYSTEMTIME;

/// `WINHTTP_AUTOPROXY_OPTIONS`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_AUTOPROXY_OPTIONS {
    pub dwFlags: u32,
    pub dwAutoDetectFlags: u32,
    pub lpszAutoConfigUrl: *const c_void,
    pub lpvReserved: *mut c_void,
    pub dwReserved: u32,
    pub fAutoLogonIfChallenged: i32,
}
const _: () = assert!(size_of::<WINHTTP_AUTOPROXY_OPTIONS>() == 32);
const _: () = assert!(offset_of!(WINHTTP_AUTOPROXY_OPTIONS, lpszAutoConfigUrl) == 8);
const _: () = assert!(offset_of!(WINHTTP_AUTOPROXY_OPTIONS, dwReserved) == 24);
const _: () = assert!(offset_of!(WINHTTP_AUTOPROXY_OPTIONS, fAutoLogonIfChallenged) == 28);

/// `WINHTTP_EXTENDED_HEADER`: name and value, each a wide (`pwsz*`) or narrow (`psz*`) string by the
/// call's flags (unions in C).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_EXTENDED_HEADER {
    pub pszName: *const c_void,
    pub pszValue: *const c_void,
}
const _: () = assert!(size_of::<WINHTTP_EXTENDED_HEADER>() == 16);
const _: () = assert!(offset_of!(WINHTTP_EXTENDED_HEADER, pszValue) == 8);
