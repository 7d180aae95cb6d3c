//! The one error type of the library: a Win32 error code.
//!
//! Every engine function returns `WinResult<T>`; the code is chosen where the failure is understood
//! (name the Microsoft page or rule beside it), carried up with `?`, and handed to C by the guard in
//! `ffi::guard`: as the returned `ULONG` for http.sys functions, through the thread's last error for
//! WinHTTP and kernel32 functions. Nothing re-maps codes at the edge.

/// A Win32 error code (`DWORD`), as `GetLastError` returns it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Win32Error(pub u32);

/// The result type of every fallible engine function.
pub type WinResult<T> = Result<T, Win32Error>;

impl Win32Error {
    /// The numeric code.
    pub const fn code(self) -> u32 {
        self.0
    }
}

impl std::fmt::Debug for Win32Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Win32Error({})", self.0)
    }
}

impl std::fmt::Display for Win32Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error {}", self.0)
    }
}

impl std::error::Error for Win32Error {}

impl From<std::io::Error> for Win32Error {
    /// Maps an OS error met on a file or socket to the closest Win32 code. Engines that know better
    /// (WinHTTP's 12000-range codes, http.sys's connection codes) choose their own before this.
    fn from(e: std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        match e.raw_os_error() {
            Some(libc::ENOENT) => return ERROR_FILE_NOT_FOUND,
            Some(libc::ENOTDIR) => return ERROR_PATH_NOT_FOUND,
            Some(libc::EACCES) | Some(libc::EPERM) => return ERROR_ACCESS_DENIED,
            Some(libc::EEXIST) => return ERROR_FILE_EXISTS,
            Some(libc::ENOMEM) => return ERROR_NOT_ENOUGH_MEMORY,
            Some(libc::EBADF) => return ERROR_INVALID_HANDLE,
            Some(libc::EINVAL) => return ERROR_INVALID_PARAMETER,
            Some(libc::ENOSPC) => return ERROR_DISK_FULL,
            Some(libc::EADDRINUSE) => return ERROR_SHARING_VIOLATION,
            Some(libc::EPIPE) => return ERROR_BROKEN_PIPE,
            Some(libc::ECONNRESET) | Some(libc::ECONNABORTED) => return ERROR_NETNAME_DELETED,
            Some(libc::ETIMEDOUT) => return ERROR_TIMEOUT,
            _ => {}
        }
        match e.kind() {
            K::NotFound => ERROR_FILE_NOT_FOUND,
            K::PermissionDenied => ERROR_ACCESS_DENIED,
            K::TimedOut => ERROR_TIMEOUT,
            K::UnexpectedEof => ERROR_HANDLE_EOF,
            K::OutOfMemory => ERROR_NOT_ENOUGH_MEMORY,
            _ => ERROR_GEN_FAILURE,
        }
    }
}

macro_rules! codes {
    ($($name:ident = $value:expr;)*) => {
        $(pub const $name: Win32Error = Win32Error($value);)*
        /// Every named code, for the constant checks and `FormatMessage`.
        pub const ALL_CODES: &[(&str, u32)] = &[$((stringify!($name), $value)),*];
    };
}

codes! {
    ERROR_SUCCESS = 0;
    ERROR_INVALID_FUNCTION = 1;
    ERROR_FILE_NOT_FOUND = 2;
    ERROR_PATH_NOT_FOUND = 3;
    ERROR_TOO_MANY_OPEN_FILES = 4;
    ERROR_ACCESS_DENIED = 5;
    ERROR_INVALID_HANDLE = 6;
    ERROR_NOT_ENOUGH_MEMORY = 8;
    ERROR_INVALID_ACCESS = 12;
    ERROR_INVALID_DATA = 13;
    ERROR_OUTOFMEMORY = 14;
    ERROR_BAD_COMMAND = 22;
    ERROR_GEN_FAILURE = 31;
    ERROR_SHARING_VIOLATION = 32;
    ERROR_HANDLE_EOF = 38;
    ERROR_NOT_SUPPORTED = 50;
    ERROR_NETNAME_DELETED = 64;
    ERROR_FILE_EXISTS = 80;
    ERROR_INVALID_PARAMETER = 87;
    ERROR_BROKEN_PIPE = 109;
    ERROR_BUFFER_OVERFLOW = 111;
    ERROR_DISK_FULL = 112;
    ERROR_CALL_NOT_IMPLEMENTED = 120;
    ERROR_SEM_TIMEOUT = 121;
    ERROR_INSUFFICIENT_BUFFER = 122;
    ERROR_INVALID_NAME = 123;
    ERROR_MOD_NOT_FOUND = 126;
    ERROR_PROC_NOT_FOUND = 127;
    ERROR_NEGATIVE_SEEK = 131;
    ERROR_ALREADY_EXISTS = 183;
    ERROR_FILENAME_EXCED_RANGE = 206;
    ERROR_MORE_DATA = 234;
    ERROR_WAIT_TIMEOUT = 258;
    ERROR_NO_MORE_ITEMS = 259;
    ERROR_DIRECTORY = 267;
    ERROR_MR_MID_NOT_FOUND = 317;
    ERROR_ABANDONED_WAIT_0 = 735;
    ERROR_OPERATION_ABORTED = 995;
    ERROR_IO_INCOMPLETE = 996;
    ERROR_IO_PENDING = 997;
    ERROR_NOACCESS = 998;
    ERROR_INVALID_FLAGS = 1004;
    ERROR_NO_UNICODE_TRANSLATION = 1113;
    ERROR_DLL_INIT_FAILED = 1114;
    ERROR_NOT_FOUND = 1168;
    ERROR_CONNECTION_INVALID = 1229;
    ERROR_CONNECTION_ABORTED = 1236;
    ERROR_REVISION_MISMATCH = 1306;
    ERROR_NO_SUCH_LOGON_SESSION = 1312;
    ERROR_INVALID_ID_AUTHORITY = 1343;
    ERROR_INTERNAL_ERROR = 1359;
    ERROR_TIMEOUT = 1460;
    ERROR_RESOURCE_LANG_NOT_FOUND = 1815;
    ERROR_INVALID_OPERATION = 4317;
    ERROR_INVALID_STATE = 5023;
    ERROR_WINHTTP_OUT_OF_HANDLES = 12001;
    ERROR_WINHTTP_TIMEOUT = 12002;
    ERROR_WINHTTP_INTERNAL_ERROR = 12004;
    ERROR_WINHTTP_INVALID_URL = 12005;
    ERROR_WINHTTP_UNRECOGNIZED_SCHEME = 12006;
    ERROR_WINHTTP_NAME_NOT_RESOLVED = 12007;
    ERROR_WINHTTP_INVALID_OPTION = 12009;
    ERROR_WINHTTP_OPTION_NOT_SETTABLE = 12011;
    ERROR_WINHTTP_SHUTDOWN = 12012;
    ERROR_WINHTTP_LOGIN_FAILURE = 12015;
    ERROR_WINHTTP_OPERATION_CANCELLED = 12017;
    ERROR_WINHTTP_INCORRECT_HANDLE_TYPE = 12018;
    ERROR_WINHTTP_INCORRECT_HANDLE_STATE = 12019;
    ERROR_WINHTTP_CANNOT_CONNECT = 12029;
    ERROR_WINHTTP_CONNECTION_ERROR = 12030;
    ERROR_WINHTTP_RESEND_REQUEST = 12032;
    ERROR_WINHTTP_SECURE_CERT_DATE_INVALID = 12037;
    ERROR_WINHTTP_SECURE_CERT_CN_INVALID = 12038;
    ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED = 12044;
    ERROR_WINHTTP_SECURE_INVALID_CA = 12045;
    ERROR_WINHTTP_SECURE_CERT_REV_FAILED = 12057;
    ERROR_WINHTTP_CANNOT_CALL_BEFORE_OPEN = 12100;
    ERROR_WINHTTP_CANNOT_CALL_BEFORE_SEND = 12101;
    ERROR_WINHTTP_CANNOT_CALL_AFTER_SEND = 12102;
    ERROR_WINHTTP_CANNOT_CALL_AFTER_OPEN = 12103;
    ERROR_WINHTTP_HEADER_NOT_FOUND = 12150;
    ERROR_WINHTTP_INVALID_SERVER_RESPONSE = 12152;
    ERROR_WINHTTP_INVALID_HEADER = 12153;
    ERROR_WINHTTP_INVALID_QUERY_REQUEST = 12154;
    ERROR_WINHTTP_HEADER_ALREADY_EXISTS = 12155;
    ERROR_WINHTTP_REDIRECT_FAILED = 12156;
    ERROR_WINHTTP_SECURE_CHANNEL_ERROR = 12157;
    ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT = 12166;
    ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT = 12167;
    ERROR_WINHTTP_SECURE_INVALID_CERT = 12169;
    ERROR_WINHTTP_SECURE_CERT_REVOKED = 12170;
    ERROR_WINHTTP_NOT_INITIALIZED = 12172;
    ERROR_WINHTTP_SECURE_FAILURE = 12175;
    ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE = 12176;
    ERROR_WINHTTP_SCRIPT_EXECUTION_ERROR = 12177;
    ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR = 12178;
    ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE = 12179;
    ERROR_WINHTTP_AUTODETECTION_FAILED = 12180;
    ERROR_WINHTTP_HEADER_COUNT_EXCEEDED = 12181;
    ERROR_WINHTTP_HEADER_SIZE_OVERFLOW = 12182;
    ERROR_WINHTTP_CHUNKED_ENCODING_HEADER_SIZE_OVERFLOW = 12183;
    ERROR_WINHTTP_RESPONSE_DRAIN_OVERFLOW = 12184;
    ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY = 12185;
    ERROR_WINHTTP_CLIENT_CERT_NO_ACCESS_PRIVATE_KEY = 12186;
    ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED_PROXY = 12187;
    ERROR_WINHTTP_SECURE_FAILURE_PROXY = 12188;
    ERROR_WINHTTP_RESERVED_189 = 12189;
    ERROR_WINHTTP_HTTP_PROTOCOL_MISMATCH = 12190;
}

/// HRESULTs some functions leave as their last-error (outside `ALL_CODES`: `FormatMessage` has no text
/// for them here). `E_INVALIDARG`: `CertCreateCertificateContext`'s bad encoding type; the ASN.1 codes:
/// its bytes that are not a certificate (cut short, or another structure).
pub const E_INVALIDARG: Win32Error = Win32Error(0x8007_0057);
pub const CRYPT_E_ASN1_EOD: Win32Error = Win32Error(0x8009_3102);
pub const CRYPT_E_ASN1_BADTAG: Win32Error = Win32Error(0x8009_310B);

/// The Windows Sockets codes `WSAStartup`, `InetNtop`, `InetPton`, `WSAAddressToString`... report
/// (`WSAGetLastError` values; outside `ALL_CODES` like the HRESULTs above).
pub const WSAEFAULT: Win32Error = Win32Error(10014);
pub const WSAEINVAL: Win32Error = Win32Error(10022);
pub const WSAENOTSOCK: Win32Error = Win32Error(10038);
pub const WSAEAFNOSUPPORT: Win32Error = Win32Error(10047);
pub const WSAVERNOTSUPPORTED: Win32Error = Win32Error(10092);
pub const WSANOTINITIALISED: Win32Error = Win32Error(10093);
