//! The `winhttp.h` ABI: `#[repr(C)]` structs that cross the edge, in Windows field order, with the x64
//! sizes and offsets of the inventory (section B.3) checked at compile time, and the constants the edge
//! reads. (The engine's own constants are defined with the engine modules that act on them.)
#![allow(non_snake_case, non_camel_case_types)]
use crate::win32::abi::*;
use std::ffi::c_void;
use std::mem::{offset_of, size_of};

/// `INTERNET_SCHEME` values of `URL_COMPONENTS.nScheme` and `WINHTTP_PROXY_RESULT_ENTRY.ProxyScheme`.
pub const INTERNET_SCHEME_HTTP: i32 = 1;
pub const INTERNET_SCHEME_HTTPS: i32 = 2;

pub const WINHTTP_EXTENDED_HEADER_FLAG_UNICODE: u64 = 1;

/// `WINHTTP_INVALID_STATUS_CALLBACK`: `(WINHTTP_STATUS_CALLBACK)(-1L)`, refused as a callback and
/// returned by `WinHttpSetStatusCallback` on failure.
pub const WINHTTP_INVALID_STATUS_CALLBACK: usize = usize::MAX;

/// `WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT` (set on a session; handled with the status callbacks).
pub const WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT: DWORD = 99;

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

/// `WINHTTP_PROXY_RESULT_ENTRY`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_PROXY_RESULT_ENTRY {
    pub fProxy: BOOL,
    pub fBypass: BOOL,
    pub ProxyScheme: i32,
    pub pwszProxy: *mut c_void,
    pub ProxyPort: u16,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_RESULT_ENTRY>() == 32);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT_ENTRY, pwszProxy) == 16);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT_ENTRY, ProxyPort) == 24);

/// `WINHTTP_PROXY_RESULT`.
#[repr(C)]
pub struct WINHTTP_PROXY_RESULT {
    pub cEntries: DWORD,
    pub pEntries: *mut WINHTTP_PROXY_RESULT_ENTRY,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_RESULT>() == 16);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT, pEntries) == 8);

/// `WINHTTP_PROXY_RESULT_EX`.
#[repr(C)]
pub struct WINHTTP_PROXY_RESULT_EX {
    pub cEntries: DWORD,
    pub pEntries: *mut WINHTTP_PROXY_RESULT_ENTRY,
    pub hProxyDetectionHandle: HANDLE,
    pub dwProxyInterfaceAffinity: DWORD,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_RESULT_EX>() == 32);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT_EX, hProxyDetectionHandle) == 16);
const _: () = assert!(offset_of!(WINHTTP_PROXY_RESULT_EX, dwProxyInterfaceAffinity) == 24);

/// `WINHTTP_PROXY_SETTINGS`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_PROXY_SETTINGS {
    pub dwStructSize: DWORD,
    pub dwFlags: DWORD,
    pub dwCurrentSettingsVersion: DWORD,
    pub pwszConnectionName: *mut c_void,
    pub pwszProxy: *mut c_void,
    pub pwszProxyBypass: *mut c_void,
    pub pwszAutoconfigUrl: *mut c_void,
    pub pwszAutoconfigSecondaryUrl: *mut c_void,
    pub dwAutoDiscoveryFlags: DWORD,
    pub pwszLastKnownGoodAutoConfigUrl: *mut c_void,
    pub dwAutoconfigReloadDelayMins: DWORD,
    pub ftLastKnownDetectTime: [DWORD; 2],
    pub dwDetectedInterfaceIpCount: DWORD,
    pub pdwDetectedInterfaceIp: *mut DWORD,
    pub cNetworkKeys: DWORD,
    pub pNetworkKeys: *mut c_void,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_SETTINGS>() == 112);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, pwszConnectionName) == 16);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, dwAutoDiscoveryFlags) == 56);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, ftLastKnownDetectTime) == 76);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, pdwDetectedInterfaceIp) == 88);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS, pNetworkKeys) == 104);

/// `WINHTTP_PROXY_SETTINGS_EX`.
#[repr(C)]
pub struct WINHTTP_PROXY_SETTINGS_EX {
    pub ullGenerationId: u64,
    pub ullFlags: u64,
    pub pcwszAutoconfigUrl: *mut c_void,
    pub pcwszProxy: *mut c_void,
    pub pcwszSecureProxy: *mut c_void,
    pub cProxyBypasses: DWORD,
    pub rgpcwszProxyBypasses: *mut *mut c_void,
    pub dwInterfaceIndex: DWORD,
    pub pcwszConnectionName: *mut c_void,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_SETTINGS_EX>() == 72);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS_EX, cProxyBypasses) == 40);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS_EX, rgpcwszProxyBypasses) == 48);
const _: () = assert!(offset_of!(WINHTTP_PROXY_SETTINGS_EX, pcwszConnectionName) == 64);

/// `WINHTTP_PROXY_SETTINGS_PARAM`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_PROXY_SETTINGS_PARAM {
    pub ullFlags: u64,
    pub pcwszConnectionName: *const c_void,
    pub pcwszProbeHost: *const c_void,
}
const _: () = assert!(size_of::<WINHTTP_PROXY_SETTINGS_PARAM>() == 24);

/// `WINHTTP_CONNECTION_GROUP` (4-byte aligned: `ULONG` then `GUID`).
#[repr(C)]
pub struct WINHTTP_CONNECTION_GROUP {
    pub cConnections: u32,
    pub guidGroup: [u8; 16],
}
const _: () = assert!(size_of::<WINHTTP_CONNECTION_GROUP>() == 20);

/// `WINHTTP_HOST_CONNECTION_GROUP`.
#[repr(C)]
pub struct WINHTTP_HOST_CONNECTION_GROUP {
    pub pwszHost: *mut c_void,
    pub cConnectionGroups: u32,
    pub pConnectionGroups: *mut WINHTTP_CONNECTION_GROUP,
}
const _: () = assert!(size_of::<WINHTTP_HOST_CONNECTION_GROUP>() == 24);
const _: () = assert!(offset_of!(WINHTTP_HOST_CONNECTION_GROUP, pConnectionGroups) == 16);

/// `WINHTTP_QUERY_CONNECTION_GROUP_RESULT`.
#[repr(C)]
pub struct WINHTTP_QUERY_CONNECTION_GROUP_RESULT {
    pub cHosts: u32,
    pub pHostConnectionGroups: *mut WINHTTP_HOST_CONNECTION_GROUP,
}
const _: () = assert!(size_of::<WINHTTP_QUERY_CONNECTION_GROUP_RESULT>() == 16);

/// `WINHTTP_CONNECTION_INFO`: the addresses are Linux `sockaddr_storage`s (DESIGN.md section 3).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_CONNECTION_INFO {
    pub cbSize: u32,
    pub LocalAddress: libc::sockaddr_storage,
    pub RemoteAddress: libc::sockaddr_storage,
}
const _: () = assert!(size_of::<WINHTTP_CONNECTION_INFO>() == 264);
const _: () = assert!(offset_of!(WINHTTP_CONNECTION_INFO, LocalAddress) == 8);
const _: () = assert!(offset_of!(WINHTTP_CONNECTION_INFO, RemoteAddress) == 136);

/// Schannel's `SecPkgContext_ConnectionInfo` (schannel.h): `ALG_ID`s are `DWORD`s.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct SecPkgContext_ConnectionInfo {
    pub dwProtocol: u32,
    pub aiCipher: u32,
    pub dwCipherStrength: u32,
    pub aiHash: u32,
    pub dwHashStrength: u32,
    pub aiExch: u32,
    pub dwExchStrength: u32,
}
const _: () = assert!(size_of::<SecPkgContext_ConnectionInfo>() == 28);

/// `SZ_ALG_MAX_SIZE`: the length of the `WCHAR` arrays of `SecPkgContext_CipherInfo`.
pub const SZ_ALG_MAX_SIZE: usize = 64;

/// Schannel's `SecPkgContext_CipherInfo` (sspi.h) for callers whose `WCHAR` is `U`: its names are inline
/// `WCHAR` arrays, so the layout differs between the two widths (680 bytes with a 16-bit `WCHAR`, as on
/// Windows; 1320 with `wchar_t`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct SecPkgContext_CipherInfo<U> {
    pub dwVersion: u32,
    pub dwProtocol: u32,
    pub dwCipherSuite: u32,
    pub dwBaseCipherSuite: u32,
    pub szCipherSuite: [U; SZ_ALG_MAX_SIZE],
    pub szCipher: [U; SZ_ALG_MAX_SIZE],
    pub dwCipherLen: u32,
    pub dwCipherBlockLen: u32,
    pub szHash: [U; SZ_ALG_MAX_SIZE],
    pub dwHashLen: u32,
    pub szExchange: [U; SZ_ALG_MAX_SIZE],
    pub dwMinExchangeLen: u32,
    pub dwMaxExchangeLen: u32,
    pub szCertificate: [U; SZ_ALG_MAX_SIZE],
    pub dwKeyType: u32,
}
const _: () = assert!(size_of::<SecPkgContext_CipherInfo<u16>>() == 680);
const _: () = assert!(offset_of!(SecPkgContext_CipherInfo<u16>, szCipher) == 144);
const _: () = assert!(offset_of!(SecPkgContext_CipherInfo<u16>, dwCipherLen) == 272);
const _: () = assert!(offset_of!(SecPkgContext_CipherInfo<u16>, szHash) == 280);
const _: () = assert!(offset_of!(SecPkgContext_CipherInfo<u16>, szExchange) == 412);
const _: () = assert!(offset_of!(SecPkgContext_CipherInfo<u16>, szCertificate) == 548);
const _: () = assert!(offset_of!(SecPkgContext_CipherInfo<u16>, dwKeyType) == 676);
const _: () = assert!(size_of::<SecPkgContext_CipherInfo<u32>>() == 1320);
const _: () = assert!(offset_of!(SecPkgContext_CipherInfo<u32>, dwCipherLen) == 528);
const _: () = assert!(offset_of!(SecPkgContext_CipherInfo<u32>, dwKeyType) == 1316);

/// `WINHTTP_SECURITY_INFO` (`WINHTTP_OPTION_SECURITY_INFO`) for callers whose `WCHAR` is `U`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_SECURITY_INFO<U> {
    pub ConnectionInfo: SecPkgContext_ConnectionInfo,
    pub CipherInfo: SecPkgContext_CipherInfo<U>,
}
const _: () = assert!(size_of::<WINHTTP_SECURITY_INFO<u16>>() == 708);
const _: () = assert!(offset_of!(WINHTTP_SECURITY_INFO<u16>, CipherInfo) == 28);
const _: () = assert!(size_of::<WINHTTP_SECURITY_INFO<u32>>() == 1348);

/// `WINHTTP_CERTIFICATE_INFO` (`WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT`): the two strings are the
/// caller's to free with `LocalFree`; the three names Windows leaves NULL stay NULL.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_CERTIFICATE_INFO {
    pub ftExpiry: crate::win32::time::FILETIME,
    pub ftStart: crate::win32::time::FILETIME,
    pub lpszSubjectInfo: *mut c_void,
    pub lpszIssuerInfo: *mut c_void,
    pub lpszProtocolName: *mut c_void,
    pub lpszSignatureAlgName: *mut c_void,
    pub lpszEncryptionAlgName: *mut c_void,
    pub dwKeySize: u32,
}
const _: () = assert!(size_of::<WINHTTP_CERTIFICATE_INFO>() == 64);
const _: () = assert!(offset_of!(WINHTTP_CERTIFICATE_INFO, lpszSubjectInfo) == 16);
const _: () = assert!(offset_of!(WINHTTP_CERTIFICATE_INFO, dwKeySize) == 56);
