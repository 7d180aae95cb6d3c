//! The `winhttp.h` ABI, in one place (DESIGN.md section 2): the `#[repr(C)]` structs that cross the edge, in
//! Windows field order, with the x64 sizes and offsets of the inventory (section B.3) checked at compile
//! time, and every WinHTTP constant, whether the edge or the engine reads it (options, flags, callback
//! statuses, query levels, ...). The engine modules import them from here; the values are checked against
//! windows-sys by `tests/constants.rs`.
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

/// `WINHTTP_HTTP2_RECEIVE_WINDOW`: what `WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW` takes ("the initial HTTP/2
/// stream receive window size and the threshold for sending window updates", option-flags page).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct WINHTTP_HTTP2_RECEIVE_WINDOW {
    pub ulStreamWindow: u32,
    pub ulStreamWindowUpdateDelta: u32,
}
const _: () = assert!(size_of::<WINHTTP_HTTP2_RECEIVE_WINDOW>() == 8);

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
pub use crate::win32::abi::SYSTEMTIME;

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
    pub ftExpiry: crate::win32::abi::FILETIME,
    pub ftStart: crate::win32::abi::FILETIME,
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

// ---- `WinHttpAddRequestHeaders` modifiers (acted on by `client::headers`) ----
pub const WINHTTP_ADDREQ_FLAG_COALESCE_WITH_SEMICOLON: u32 = 0x0100_0000;
pub const WINHTTP_ADDREQ_FLAG_ADD_IF_NEW: u32 = 0x1000_0000;
pub const WINHTTP_ADDREQ_FLAG_ADD: u32 = 0x2000_0000;
pub const WINHTTP_ADDREQ_FLAG_COALESCE_WITH_COMMA: u32 = 0x4000_0000;
pub const WINHTTP_ADDREQ_FLAG_REPLACE: u32 = 0x8000_0000;

// ---- `WinHttpCrackUrl` / `WinHttpCreateUrl` flags (`client::url`) ----
pub const ICU_DECODE: u32 = 0x1000_0000;
pub const ICU_ESCAPE: u32 = 0x8000_0000;
pub const ICU_REJECT_USERPWD: u32 = 0x0000_4000;

// ---- WebSocket buffer types, operations and statuses (`client::websocket`) ----
pub const WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE: u32 = 0;
pub const WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE: u32 = 1;
pub const WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE: u32 = 2;
pub const WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE: u32 = 3;
pub const WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE: u32 = 4;

pub const WINHTTP_WEB_SOCKET_SEND_OPERATION: u32 = 0;
pub const WINHTTP_WEB_SOCKET_RECEIVE_OPERATION: u32 = 1;
pub const WINHTTP_WEB_SOCKET_CLOSE_OPERATION: u32 = 2;
pub const WINHTTP_WEB_SOCKET_SHUTDOWN_OPERATION: u32 = 3;

pub const WINHTTP_CALLBACK_STATUS_CLOSE_COMPLETE: u32 = 0x0200_0000;
pub const WINHTTP_CALLBACK_STATUS_SHUTDOWN_COMPLETE: u32 = 0x0400_0000;

/// `WINHTTP_WEB_SOCKET_MAX_CLOSE_REASON_LENGTH`: a close frame's payload is at most 125 bytes.
pub const WINHTTP_WEB_SOCKET_MAX_CLOSE_REASON_LENGTH: usize = 123;

// ---- Authentication schemes, targets and credential options (`client::auth`) ----
pub const WINHTTP_AUTH_SCHEME_BASIC: u32 = 0x1;
pub const WINHTTP_AUTH_SCHEME_NTLM: u32 = 0x2;
pub const WINHTTP_AUTH_SCHEME_PASSPORT: u32 = 0x4;
pub const WINHTTP_AUTH_SCHEME_DIGEST: u32 = 0x8;
pub const WINHTTP_AUTH_SCHEME_NEGOTIATE: u32 = 0x10;
pub const WINHTTP_AUTH_TARGET_SERVER: u32 = 0;
pub const WINHTTP_AUTH_TARGET_PROXY: u32 = 1;

pub const WINHTTP_OPTION_USERNAME: u32 = 0x1000;
pub const WINHTTP_OPTION_PASSWORD: u32 = 0x1001;
pub const WINHTTP_OPTION_PROXY_USERNAME: u32 = 0x1002;
pub const WINHTTP_OPTION_PROXY_PASSWORD: u32 = 0x1003;

// ---- Status callback notifications and `WINHTTP_ASYNC_RESULT.dwResult` API ids (`client::callback`) ----
pub const WINHTTP_CALLBACK_STATUS_RESOLVING_NAME: u32 = 0x0000_0001;
pub const WINHTTP_CALLBACK_STATUS_NAME_RESOLVED: u32 = 0x0000_0002;
pub const WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER: u32 = 0x0000_0004;
pub const WINHTTP_CALLBACK_STATUS_CONNECTED_TO_SERVER: u32 = 0x0000_0008;
pub const WINHTTP_CALLBACK_STATUS_SENDING_REQUEST: u32 = 0x0000_0010;
pub const WINHTTP_CALLBACK_STATUS_REQUEST_SENT: u32 = 0x0000_0020;
pub const WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE: u32 = 0x0000_0040;
pub const WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED: u32 = 0x0000_0080;
pub const WINHTTP_CALLBACK_STATUS_CLOSING_CONNECTION: u32 = 0x0000_0100;
pub const WINHTTP_CALLBACK_STATUS_CONNECTION_CLOSED: u32 = 0x0000_0200;
pub const WINHTTP_CALLBACK_STATUS_HANDLE_CREATED: u32 = 0x0000_0400;
pub const WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING: u32 = 0x0000_0800;
pub const WINHTTP_CALLBACK_STATUS_REDIRECT: u32 = 0x0000_4000;
pub const WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE: u32 = 0x0000_8000;
pub const WINHTTP_CALLBACK_STATUS_SECURE_FAILURE: u32 = 0x0001_0000;
pub const WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: u32 = 0x0002_0000;
pub const WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE: u32 = 0x0004_0000;
pub const WINHTTP_CALLBACK_STATUS_READ_COMPLETE: u32 = 0x0008_0000;
pub const WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE: u32 = 0x0010_0000;
pub const WINHTTP_CALLBACK_STATUS_REQUEST_ERROR: u32 = 0x0020_0000;
pub const WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE: u32 = 0x0040_0000;

pub const API_RECEIVE_RESPONSE: u32 = 1;
pub const API_QUERY_DATA_AVAILABLE: u32 = 2;
pub const API_READ_DATA: u32 = 3;
pub const API_WRITE_DATA: u32 = 4;
pub const API_SEND_REQUEST: u32 = 5;

// ---- `WinHttpSetOption` / `WinHttpQueryOption` option codes and their values (`client::options`) ----
pub const WINHTTP_OPTION_RESOLVE_TIMEOUT: u32 = 2;
pub const WINHTTP_OPTION_CONNECT_TIMEOUT: u32 = 3;
pub const WINHTTP_OPTION_CONNECT_RETRIES: u32 = 4;
pub const WINHTTP_OPTION_SEND_TIMEOUT: u32 = 5;
pub const WINHTTP_OPTION_RECEIVE_TIMEOUT: u32 = 6;
pub const WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT: u32 = 7;
pub const WINHTTP_OPTION_HANDLE_TYPE: u32 = 9;
pub const WINHTTP_OPTION_READ_BUFFER_SIZE: u32 = 12;
pub const WINHTTP_OPTION_WRITE_BUFFER_SIZE: u32 = 13;
pub const WINHTTP_OPTION_PARENT_HANDLE: u32 = 21;
pub const WINHTTP_OPTION_EXTENDED_ERROR: u32 = 24;
pub const WINHTTP_OPTION_SECURITY_FLAGS: u32 = 31;
/// Request handles, query only: `WINHTTP_CERTIFICATE_INFO` of the server's certificate.
pub const WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT: u32 = 32;
/// Request handles, query only: the cipher strength of the connection in bits (0 before a TLS handshake).
pub const WINHTTP_OPTION_SECURITY_KEY_BITNESS: u32 = 36;
pub const WINHTTP_OPTION_URL: u32 = 34;
pub const WINHTTP_OPTION_PROXY: u32 = 38;
pub const WINHTTP_OPTION_USER_AGENT: u32 = 41;
pub const WINHTTP_OPTION_CONTEXT_VALUE: u32 = 45;
/// Secure request handles: a `PCCERT_CONTEXT` or `WINHTTP_NO_CLIENT_CERT_CONTEXT` (`client::tls::ClientAuth`).
pub const WINHTTP_OPTION_CLIENT_CERT_CONTEXT: u32 = 47;
pub const WINHTTP_OPTION_HTTP_VERSION: u32 = 59;
pub const WINHTTP_OPTION_DISABLE_FEATURE: u32 = 63;
pub const WINHTTP_OPTION_MAX_CONNS_PER_SERVER: u32 = 73;
pub const WINHTTP_OPTION_MAX_CONNS_PER_1_0_SERVER: u32 = 74;
pub const WINHTTP_OPTION_AUTOLOGON_POLICY: u32 = 77;
/// Request handles, query only: a `CERT_CONTEXT` of the server's certificate, for the caller to free
/// (`ERROR_WINHTTP_INCORRECT_HANDLE_STATE` before a TLS handshake).
pub const WINHTTP_OPTION_SERVER_CERT_CONTEXT: u32 = 78;
pub const WINHTTP_OPTION_ENABLE_FEATURE: u32 = 79;
/// Queryable on every handle kind (0: the library sizes its own pool); settable on a session.
pub const WINHTTP_OPTION_WORKER_THREAD_COUNT: u32 = 80;
/// Session handles: accepted (Passport is not available here); see `request.rs` for Passport1.4 302s.
pub const WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH: u32 = 83;
pub const WINHTTP_OPTION_SECURE_PROTOCOLS: u32 = 84;
pub const WINHTTP_OPTION_REDIRECT_POLICY: u32 = 88;
pub const WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS: u32 = 89;
pub const WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE: u32 = 90;
pub const WINHTTP_OPTION_MAX_RESPONSE_HEADER_SIZE: u32 = 91;
pub const WINHTTP_OPTION_MAX_RESPONSE_DRAIN_SIZE: u32 = 92;
/// Request handles, query only: the local and remote address of the connection that carried the last send
/// (`ERROR_WINHTTP_INCORRECT_HANDLE_STATE` before one did).
pub const WINHTTP_OPTION_CONNECTION_INFO: u32 = 93;
/// Request handles, query only: `WINHTTP_SECURITY_INFO` (Schannel's connection and cipher information,
/// zeros while no TLS handshake is behind the request).
pub const WINHTTP_OPTION_SECURITY_INFO: u32 = 151;
pub const WINHTTP_OPTION_DECOMPRESSION: u32 = 118;
/// Request handles, before send: the request becomes a WebSocket handshake (`websocket.rs`).
pub const WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET: u32 = 114;
/// Seconds `WinHttpWebSocketClose` waits for the peer's close frame (default 10).
pub const WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT: u32 = 115;
/// Kept and reported; see docs/porting.md (no keep-alive pings are sent).
pub const WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL: u32 = 116;
pub const WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE: u32 = 122;
pub const WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE: u32 = 123;
pub const WINHTTP_WEB_SOCKET_MIN_KEEPALIVE_VALUE: u32 = 15_000;
/// Session or request handles: the advanced protocols a secure request may use (`client::h2`).
pub const WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL: u32 = 133;
/// Request handles, query only: the advanced protocol the last response came over (0: HTTP/1.x).
pub const WINHTTP_OPTION_HTTP_PROTOCOL_USED: u32 = 134;
/// How long an idle pooled connection stays usable (DWORD ms on a session, at least 5,000; Windows'
/// default is one minute). Not in the SDK's winhttp.h: its number and rules are those Microsoft's own
/// `fetch_winhttp` crate (microsoft/oxidizer) documents from the Windows sources.
pub const WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT: u32 = 135;
/// Session or request handles: milliseconds between PING frames on a new HTTP/2 connection (0: none;
/// otherwise at least 5,000, as Microsoft's option-flags page states).
pub const WINHTTP_OPTION_HTTP2_KEEPALIVE: u32 = 164;
/// Session or request handles: the stream receive window a new HTTP/2 connection announces (bytes),
/// set with a [`WINHTTP_HTTP2_RECEIVE_WINDOW`] (or a bare `DWORD` window); queried as a `DWORD`.
pub const WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW: u32 = 183;
/// Session handles: the session's connections are its own ("Disables global, cross-session pooling",
/// option-flags page), closed with its handle. A `DWORD`: non-zero turns the process's pool off for it.
pub const WINHTTP_OPTION_DISABLE_GLOBAL_POOLING: u32 = 195;
/// Request handles, query only: the error code of the RST_STREAM the server ended the request's HTTP/2
/// stream with (0: none), as Microsoft's option-flags page describes it.
pub const WINHTTP_OPTION_STREAM_ERROR_CODE: u32 = 159;
/// The smallest `WINHTTP_OPTION_HTTP2_KEEPALIVE` interval other than 0 ("Callers cannot set a timeout
/// value less than 5000 milliseconds", option-flags page).
pub const HTTP2_KEEPALIVE_MIN_MS: u32 = 5_000;
pub const WINHTTP_PROTOCOL_FLAG_HTTP2: u32 = 1;
pub const WINHTTP_PROTOCOL_FLAG_HTTP3: u32 = 2;

/// Query-only bit of `WINHTTP_OPTION_SECURITY_FLAGS`: the channel uses strong (128-bit+) encryption,
/// which every TLS 1.2/1.3 suite rustls offers does.
pub const SECURITY_FLAG_STRENGTH_STRONG: u32 = 0x2000_0000;

// ---- `WinHttpQueryHeaders(Ex)` info levels and modifiers (`client::query`) ----
pub const WINHTTP_QUERY_VERSION: u32 = 18;
pub const WINHTTP_QUERY_STATUS_CODE: u32 = 19;
pub const WINHTTP_QUERY_STATUS_TEXT: u32 = 20;
pub const WINHTTP_QUERY_RAW_HEADERS: u32 = 21;
pub const WINHTTP_QUERY_RAW_HEADERS_CRLF: u32 = 22;
pub const WINHTTP_QUERY_REQUEST_METHOD: u32 = 45;
pub const WINHTTP_QUERY_CUSTOM: u32 = 65535;
/// The highest info level winhttp.h defines.
pub const WINHTTP_QUERY_MAX: u32 = 78;
pub const WINHTTP_QUERY_FLAG_NUMBER64: u32 = 0x0800_0000;
pub const WINHTTP_QUERY_FLAG_NUMBER: u32 = 0x2000_0000;
pub const WINHTTP_QUERY_FLAG_SYSTEMTIME: u32 = 0x4000_0000;
pub const WINHTTP_QUERY_FLAG_REQUEST_HEADERS: u32 = 0x8000_0000;

pub const WINHTTP_QUERY_EX_ALL_HEADERS: u32 = WINHTTP_QUERY_RAW_HEADERS;
pub const WINHTTP_QUERY_FLAG_WIRE_ENCODING: u32 = 0x0100_0000;
pub const WINHTTP_QUERY_FLAG_TRAILERS: u32 = 0x0200_0000;

// ---- Auto-proxy, reset and IE proxy-type flags (`client::proxy`) ----
pub const WINHTTP_AUTOPROXY_AUTO_DETECT: u32 = 0x1;
pub const WINHTTP_AUTOPROXY_CONFIG_URL: u32 = 0x2;
pub const WINHTTP_AUTO_DETECT_TYPE_DHCP: u32 = 0x1;
pub const WINHTTP_AUTO_DETECT_TYPE_DNS_A: u32 = 0x2;
pub const WINHTTP_RESET_ALL: u32 = 0x0000_FFFF;
pub const WINHTTP_RESET_NOTIFY_NETWORK_CHANGED: u32 = 0x0001_0000;
pub const WINHTTP_RESET_OUT_OF_PROC: u32 = 0x0002_0000;
pub const WINHTTP_RESET_DISCARD_RESOLVERS: u32 = 0x0004_0000;

/// `PROXY_TYPE_*` of `WINHTTP_PROXY_SETTINGS.dwFlags`.
pub const PROXY_TYPE_DIRECT: u32 = 0x1;
pub const PROXY_TYPE_PROXY: u32 = 0x2;
pub const PROXY_TYPE_AUTO_PROXY_URL: u32 = 0x4;
pub const PROXY_TYPE_AUTO_DETECT: u32 = 0x8;

// ---- `WinHttpOpen` access types and flags, disabled features, redirect policies (`client::session`) ----
pub const WINHTTP_ACCESS_TYPE_DEFAULT_PROXY: u32 = 0;
pub const WINHTTP_ACCESS_TYPE_NO_PROXY: u32 = 1;
pub const WINHTTP_ACCESS_TYPE_NAMED_PROXY: u32 = 3;
pub const WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY: u32 = 4;
pub const WINHTTP_FLAG_ASYNC: u32 = 0x1000_0000;

pub const WINHTTP_DISABLE_COOKIES: u32 = 1;
pub const WINHTTP_DISABLE_REDIRECTS: u32 = 2;
pub const WINHTTP_DISABLE_AUTHENTICATION: u32 = 4;
pub const WINHTTP_DISABLE_KEEP_ALIVE: u32 = 8;

pub const REDIRECT_POLICY_NEVER: u32 = 0;
pub const REDIRECT_POLICY_DISALLOW_HTTPS_TO_HTTP: u32 = 1;
pub const REDIRECT_POLICY_ALWAYS: u32 = 2;

// ---- `SECURITY_FLAG_*` and `WINHTTP_CALLBACK_STATUS_FLAG_*` secure-failure flags (`client::tls`) ----
pub const SECURITY_FLAG_IGNORE_UNKNOWN_CA: u32 = 0x100;
pub const SECURITY_FLAG_IGNORE_CERT_WRONG_USAGE: u32 = 0x200;
pub const SECURITY_FLAG_IGNORE_CERT_CN_INVALID: u32 = 0x1000;
pub const SECURITY_FLAG_IGNORE_CERT_DATE_INVALID: u32 = 0x2000;

pub const WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED: u32 = 0x01;
pub const WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CERT: u32 = 0x02;
pub const WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED: u32 = 0x04;
pub const WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA: u32 = 0x08;
pub const WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID: u32 = 0x10;
pub const WINHTTP_CALLBACK_STATUS_FLAG_CERT_DATE_INVALID: u32 = 0x20;
pub const WINHTTP_CALLBACK_STATUS_FLAG_CERT_WRONG_USAGE: u32 = 0x40;
pub const WINHTTP_CALLBACK_STATUS_FLAG_SECURITY_CHANNEL_ERROR: u32 = 0x8000_0000;

// ---- `WinHttpOpenRequest` flags and decompression flags (`client::request`) ----
pub const WINHTTP_FLAG_SECURE: u32 = 0x0080_0000;
pub const WINHTTP_FLAG_ESCAPE_PERCENT: u32 = 0x0000_0004;
pub const WINHTTP_FLAG_NULL_CODEPAGE: u32 = 0x0000_0008;
pub const WINHTTP_FLAG_ESCAPE_DISABLE: u32 = 0x0000_0040;
pub const WINHTTP_FLAG_ESCAPE_DISABLE_QUERY: u32 = 0x0000_0080;
pub const WINHTTP_FLAG_BYPASS_PROXY_CACHE: u32 = 0x0000_0100;
pub const WINHTTP_FLAG_REFRESH: u32 = WINHTTP_FLAG_BYPASS_PROXY_CACHE;

pub const WINHTTP_DECOMPRESSION_FLAG_GZIP: u32 = 1;
pub const WINHTTP_DECOMPRESSION_FLAG_DEFLATE: u32 = 2;

// ---- Schannel protocol and algorithm ids reported by the security options (`client::link`) ----
/// `SP_PROT_*_CLIENT` of `SecPkgContext_ConnectionInfo.dwProtocol`.
pub const SP_PROT_TLS1_0_CLIENT: u32 = 0x80;
pub const SP_PROT_TLS1_1_CLIENT: u32 = 0x200;
pub const SP_PROT_TLS1_2_CLIENT: u32 = 0x800;
pub const SP_PROT_TLS1_3_CLIENT: u32 = 0x2000;
/// `ALG_ID`s of wincrypt.h.
pub const CALG_AES_128: u32 = 0x660e;
pub const CALG_AES_256: u32 = 0x6610;
pub const CALG_SHA_256: u32 = 0x800c;
pub const CALG_SHA_384: u32 = 0x800d;
pub const CALG_ECDH_EPHEM: u32 = 0xae06;
/// `SecPkgContext_CipherInfo.dwVersion`.
pub const SECPKGCONTEXT_CIPHERINFO_V1: u32 = 1;

// ---- Proxy resolver statuses, API id, auto-proxy and proxy-settings flags (`client::resolver`) ----
pub const WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE: u32 = 0x0100_0000;
pub const API_GET_PROXY_FOR_URL: u32 = 6;
pub const WINHTTP_AUTOPROXY_ALLOW_AUTOCONFIG: u32 = 0x0000_0100;
pub const WINHTTP_AUTOPROXY_ALLOW_STATIC: u32 = 0x0000_0200;
pub const WINHTTP_AUTOPROXY_ALLOW_CM: u32 = 0x0000_0400;

pub const WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE: u32 = 0x0800_0000;
pub const WINHTTP_PROXY_SETTINGS_TYPE_WSL: i32 = 1;
pub const WINHTTP_PROXY_SETTINGS_TYPE_WSA: i32 = 2;

// ---- `WinHttpQueryConnectionGroup` flags (`client::conn_group`) ----
pub const WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE: u64 = 0x1;
