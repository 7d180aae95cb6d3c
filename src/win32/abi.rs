//! The Win32 ABI the edge speaks: C type names with Windows widths (DESIGN.md section 3), the kernel32
//! constants the exports take and return, and the `#[repr(C)]` structures that cross the edge (also those the
//! engine works on: `OVERLAPPED`, `SYSTEMTIME`/`FILETIME`, `SYSTEM_INFO`, `TP_CALLBACK_ENVIRON_V3`,
//! `WSADATA`), one place for the family (DESIGN.md section 2). Constants are checked against windows-sys by
//! `tests/constants.rs`, structure layouts at compile time below.
#![allow(non_camel_case_types, non_snake_case, clippy::upper_case_acronyms)]
use std::ffi::{c_char, c_void};

pub type BOOL = i32;
pub type DWORD = u32;
pub type ULONG = u32;
pub type USHORT = u16;
pub type ULONGLONG = u64;
pub type ULONG_PTR = usize;
pub type HANDLE = *mut c_void;
pub type HINTERNET = *mut c_void;
pub type LPVOID = *mut c_void;
pub type LPCVOID = *const c_void;
/// `wchar_t` of a normal Linux caller; `_w16` exports take `u16` instead.
pub type WCHAR = u32;

pub const TRUE: BOOL = 1;
pub const FALSE: BOOL = 0;
pub const INVALID_HANDLE_VALUE: HANDLE = usize::MAX as HANDLE;
pub const INFINITE: DWORD = u32::MAX;

/// `WaitFor*` results.
pub const WAIT_OBJECT_0: DWORD = 0;
pub const WAIT_TIMEOUT: DWORD = 258;
pub const WAIT_FAILED: DWORD = u32::MAX;

/// `MAXIMUM_WAIT_OBJECTS`.
pub const MAXIMUM_WAIT_OBJECTS: DWORD = 64;
/// `WAIT_ABANDONED_0`: only mutexes are abandoned; we have none, so it is never returned.
pub const WAIT_ABANDONED_0: DWORD = 0x80;
/// `WAIT_IO_COMPLETION`: never returned (no APCs on Linux).
pub const WAIT_IO_COMPLETION: DWORD = 0xC0;

pub const FORMAT_MESSAGE_ALLOCATE_BUFFER: DWORD = 0x100;
pub const FORMAT_MESSAGE_IGNORE_INSERTS: DWORD = 0x200;
pub const FORMAT_MESSAGE_FROM_STRING: DWORD = 0x400;
pub const FORMAT_MESSAGE_FROM_HMODULE: DWORD = 0x800;
pub const FORMAT_MESSAGE_FROM_SYSTEM: DWORD = 0x1000;
pub const FORMAT_MESSAGE_ARGUMENT_ARRAY: DWORD = 0x2000;
pub const FORMAT_MESSAGE_MAX_WIDTH_MASK: DWORD = 0xFF;

/// `INVALID_FILE_ATTRIBUTES`.
pub const INVALID_FILE_ATTRIBUTES: DWORD = u32::MAX;

/// `DuplicateHandle` options.
pub const DUPLICATE_CLOSE_SOURCE: DWORD = 1;
pub const DUPLICATE_SAME_ACCESS: DWORD = 2;

/// `LPTHREAD_START_ROUTINE`. Declared `C-unwind` so `ExitThread` may unwind through it.
pub type ThreadStart = unsafe extern "C-unwind" fn(*mut c_void) -> DWORD;

/// `GetCurrentProcess`'s pseudo handle, `(HANDLE)-1`.
pub const CURRENT_PROCESS_PSEUDO: usize = usize::MAX;
/// `GetCurrentThread`'s pseudo handle, `(HANDLE)-2`.
pub const CURRENT_THREAD_PSEUDO: usize = usize::MAX - 1;

/// `FARPROC`.
pub type FARPROC = Option<unsafe extern "C" fn() -> isize>;

/// The caller's `CRITICAL_SECTION` (opaque 64 bytes, align 8, in `windows.h`); its first word holds a
/// pointer to our [`crate::win32::critsec::CriticalSection`], made by `InitializeCriticalSection` (or on
/// first use of a zero-filled one).
#[repr(C, align(8))]
pub struct CRITICAL_SECTION {
    pub(crate) lock: std::sync::atomic::AtomicUsize,
    pub(crate) _rest: [u8; 56],
}
const _: () = assert!(std::mem::size_of::<CRITICAL_SECTION>() == 64);

// ---- wincrypt.h: the certificate context WinHTTP's certificate options hand out (`ffi::wincrypt`) ----

/// `dwCertEncodingType` bits.
pub const X509_ASN_ENCODING: DWORD = 1;
pub const PKCS_7_ASN_ENCODING: DWORD = 0x10000;

/// `CRYPT_INTEGER_BLOB` (also `CERT_NAME_BLOB`, `CRYPT_OBJID_BLOB`, `CRYPT_DATA_BLOB`: one `CRYPTOAPI_BLOB`).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CRYPT_INTEGER_BLOB {
    pub cbData: DWORD,
    pub pbData: *mut u8,
}
const _: () = assert!(std::mem::size_of::<CRYPT_INTEGER_BLOB>() == 16);

/// `CRYPT_ALGORITHM_IDENTIFIER`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CRYPT_ALGORITHM_IDENTIFIER {
    pub pszObjId: *mut std::ffi::c_char,
    pub Parameters: CRYPT_INTEGER_BLOB,
}
const _: () = assert!(std::mem::size_of::<CRYPT_ALGORITHM_IDENTIFIER>() == 24);

/// `CRYPT_BIT_BLOB`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CRYPT_BIT_BLOB {
    pub cbData: DWORD,
    pub pbData: *mut u8,
    pub cUnusedBits: DWORD,
}
const _: () = assert!(std::mem::size_of::<CRYPT_BIT_BLOB>() == 24);

/// `CERT_PUBLIC_KEY_INFO`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CERT_PUBLIC_KEY_INFO {
    pub Algorithm: CRYPT_ALGORITHM_IDENTIFIER,
    pub PublicKey: CRYPT_BIT_BLOB,
}
const _: () = assert!(std::mem::size_of::<CERT_PUBLIC_KEY_INFO>() == 48);

/// `CERT_EXTENSION`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CERT_EXTENSION {
    pub pszObjId: *mut std::ffi::c_char,
    pub fCritical: BOOL,
    pub Value: CRYPT_INTEGER_BLOB,
}
const _: () = assert!(std::mem::size_of::<CERT_EXTENSION>() == 32);

/// `CERT_INFO`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CERT_INFO {
    pub dwVersion: DWORD,
    pub SerialNumber: CRYPT_INTEGER_BLOB,
    pub SignatureAlgorithm: CRYPT_ALGORITHM_IDENTIFIER,
    pub Issuer: CRYPT_INTEGER_BLOB,
    pub NotBefore: FILETIME,
    pub NotAfter: FILETIME,
    pub Subject: CRYPT_INTEGER_BLOB,
    pub SubjectPublicKeyInfo: CERT_PUBLIC_KEY_INFO,
    pub IssuerUniqueId: CRYPT_BIT_BLOB,
    pub SubjectUniqueId: CRYPT_BIT_BLOB,
    pub cExtension: DWORD,
    pub rgExtension: *mut CERT_EXTENSION,
}
const _: () = assert!(std::mem::size_of::<CERT_INFO>() == 208);
const _: () = assert!(std::mem::offset_of!(CERT_INFO, Issuer) == 48);
const _: () = assert!(std::mem::offset_of!(CERT_INFO, NotAfter) == 72);
const _: () = assert!(std::mem::offset_of!(CERT_INFO, SubjectPublicKeyInfo) == 96);
const _: () = assert!(std::mem::offset_of!(CERT_INFO, rgExtension) == 200);

/// `CERT_CONTEXT`.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct CERT_CONTEXT {
    pub dwCertEncodingType: DWORD,
    pub pbCertEncoded: *mut u8,
    pub cbCertEncoded: DWORD,
    pub pCertInfo: *mut CERT_INFO,
    pub hCertStore: HANDLE,
}
const _: () = assert!(std::mem::size_of::<CERT_CONTEXT>() == 40);

// ---- Certificate OIDs and `CertGetNameString` types (`win32::cert`) ----
pub const SZ_OID_COMMON_NAME: &str = "2.5.4.3";
pub const SZ_OID_ORGANIZATIONAL_UNIT_NAME: &str = "2.5.4.11";
pub const SZ_OID_ORGANIZATION_NAME: &str = "2.5.4.10";
pub const SZ_OID_RSA_EMAIL_ADDR: &str = "1.2.840.113549.1.9.1";
pub const SZ_OID_SUBJECT_ALT_NAME2: &str = "2.5.29.17";

/// `CertGetNameString` types.
pub const CERT_NAME_EMAIL_TYPE: u32 = 1;
pub const CERT_NAME_ATTR_TYPE: u32 = 3;
pub const CERT_NAME_SIMPLE_DISPLAY_TYPE: u32 = 4;
pub const CERT_NAME_FRIENDLY_DISPLAY_TYPE: u32 = 5;
pub const CERT_NAME_DNS_TYPE: u32 = 6;
pub const CERT_NAME_ISSUER_FLAG: u32 = 1;

// ---- File access rights, dispositions, sharing, attributes and flags, seek origins (`win32::file`) ----
pub const GENERIC_READ: u32 = 0x8000_0000;
pub const GENERIC_WRITE: u32 = 0x4000_0000;
pub const GENERIC_EXECUTE: u32 = 0x2000_0000;
pub const GENERIC_ALL: u32 = 0x1000_0000;
pub const FILE_READ_DATA: u32 = 0x1;
pub const FILE_WRITE_DATA: u32 = 0x2;
pub const FILE_APPEND_DATA: u32 = 0x4;
pub const FILE_ALL_ACCESS: u32 = 0x001F_01FF;
pub const FILE_GENERIC_READ: u32 = 0x0012_0089;
pub const FILE_GENERIC_WRITE: u32 = 0x0012_0116;

pub const CREATE_NEW: u32 = 1;
pub const CREATE_ALWAYS: u32 = 2;
pub const OPEN_EXISTING: u32 = 3;
pub const OPEN_ALWAYS: u32 = 4;
pub const TRUNCATE_EXISTING: u32 = 5;

pub const FILE_SHARE_READ: u32 = 1;
pub const FILE_SHARE_WRITE: u32 = 2;
pub const FILE_SHARE_DELETE: u32 = 4;

pub const FILE_ATTRIBUTE_READONLY: u32 = 0x1;
pub const FILE_ATTRIBUTE_HIDDEN: u32 = 0x2;
pub const FILE_ATTRIBUTE_DIRECTORY: u32 = 0x10;
pub const FILE_ATTRIBUTE_ARCHIVE: u32 = 0x20;
pub const FILE_ATTRIBUTE_NORMAL: u32 = 0x80;
pub const FILE_ATTRIBUTE_TEMPORARY: u32 = 0x100;
pub const FILE_FLAG_WRITE_THROUGH: u32 = 0x8000_0000;
pub const FILE_FLAG_OVERLAPPED: u32 = 0x4000_0000;
pub const FILE_FLAG_NO_BUFFERING: u32 = 0x2000_0000;
pub const FILE_FLAG_RANDOM_ACCESS: u32 = 0x1000_0000;
pub const FILE_FLAG_SEQUENTIAL_SCAN: u32 = 0x0800_0000;
pub const FILE_FLAG_DELETE_ON_CLOSE: u32 = 0x0400_0000;
pub const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000;

pub const FILE_BEGIN: u32 = 0;
pub const FILE_CURRENT: u32 = 1;
pub const FILE_END: u32 = 2;

pub const INVALID_FILE_SIZE: u32 = 0xFFFF_FFFF;
pub const INVALID_SET_FILE_POINTER: u32 = 0xFFFF_FFFF;
pub const MAX_PATH: usize = 260;

/// `GET_FILEEX_INFO_LEVELS`: the only level Windows documents for `GetFileAttributesEx`.
pub const GET_FILE_EX_INFO_STANDARD: i32 = 0;

/// `WIN32_FILE_ATTRIBUTE_DATA` (36 bytes, align 4), `GetFileAttributesEx`'s `GetFileExInfoStandard` output.
#[repr(C)]
#[allow(non_snake_case)]
#[derive(Clone, Copy, Debug, Default)]
pub struct WIN32_FILE_ATTRIBUTE_DATA {
    pub dwFileAttributes: u32,
    pub ftCreationTime: FILETIME,
    pub ftLastAccessTime: FILETIME,
    pub ftLastWriteTime: FILETIME,
    pub nFileSizeHigh: u32,
    pub nFileSizeLow: u32,
}
const _: () = assert!(std::mem::size_of::<WIN32_FILE_ATTRIBUTE_DATA>() == 36);

// ---- `OVERLAPPED`, completion entries and completion modes (`win32::overlapped`, `win32::iocp`) ----
/// The Windows `OVERLAPPED` structure (x64 layout: 32 bytes).
#[repr(C)]
#[allow(non_snake_case)]
pub struct OVERLAPPED {
    pub Internal: usize,
    pub InternalHigh: usize,
    pub Offset: u32,
    pub OffsetHigh: u32,
    pub hEvent: usize,
}
const _: () = assert!(std::mem::size_of::<OVERLAPPED>() == 32);
const _: () = assert!(std::mem::offset_of!(OVERLAPPED, hEvent) == 24);

/// `OVERLAPPED_ENTRY`, one element of `GetQueuedCompletionStatusEx`'s array (x64: 32 bytes).
#[repr(C)]
#[allow(non_snake_case)]
pub struct OVERLAPPED_ENTRY {
    pub lpCompletionKey: usize,
    pub lpOverlapped: usize,
    pub Internal: usize,
    pub dwNumberOfBytesTransferred: u32,
}
const _: () = assert!(std::mem::size_of::<OVERLAPPED_ENTRY>() == 32);
const _: () = assert!(std::mem::offset_of!(OVERLAPPED_ENTRY, lpOverlapped) == 8);
const _: () = assert!(std::mem::offset_of!(OVERLAPPED_ENTRY, Internal) == 16);
const _: () = assert!(std::mem::offset_of!(OVERLAPPED_ENTRY, dwNumberOfBytesTransferred) == 24);

/// `STATUS_PENDING`: what `Internal` holds while the operation runs (`HasOverlappedIoCompleted`).
pub const STATUS_PENDING: usize = 0x103;

/// `SetFileCompletionNotificationModes` flags.
pub const FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: u8 = 1;
pub const FILE_SKIP_SET_EVENT_ON_HANDLE: u8 = 2;

// ---- Thread creation and exit codes (`win32::thread`) ----
/// `STILL_ACTIVE`: `GetExitCodeThread`'s value for a running thread (= `STATUS_PENDING`).
pub const STILL_ACTIVE: u32 = 259;
/// `CREATE_SUSPENDED`: the thread waits for `ResumeThread` before running.
pub const CREATE_SUSPENDED: u32 = 0x4;
/// `STACK_SIZE_PARAM_IS_A_RESERVATION`: `dwStackSize` is the reservation (same for us).
pub const STACK_SIZE_PARAM_IS_A_RESERVATION: u32 = 0x0001_0000;

// ---- Code pages and conversion flags (`win32::text`) ----
pub const CP_ACP: u32 = 0;
pub const CP_OEMCP: u32 = 1;
pub const CP_MACCP: u32 = 2;
pub const CP_THREAD_ACP: u32 = 3;
pub const CP_UTF8: u32 = 65001;
pub const MB_PRECOMPOSED: u32 = 0x1;
pub const MB_ERR_INVALID_CHARS: u32 = 0x8;
pub const WC_ERR_INVALID_CHARS: u32 = 0x80;
pub const WC_NO_BEST_FIT_CHARS: u32 = 0x400;
pub const WC_COMPOSITECHECK: u32 = 0x200;

/// `ERROR_NO_UNICODE_TRANSLATION`: invalid input with `*_ERR_INVALID_CHARS`.
pub const ERROR_NO_UNICODE_TRANSLATION_CODE: u32 = 1113;

// ---- `SYSTEM_INFO` and processor ids (`win32::sysinfo`) ----
/// `SYSTEM_INFO` (x64 layout: 48 bytes). The first member is a union of `dwOemId` with
/// `wProcessorArchitecture` + `wReserved`.
#[repr(C)]
#[allow(non_snake_case)]
#[derive(Clone, Copy, Debug, Default)]
pub struct SYSTEM_INFO {
    pub wProcessorArchitecture: u16,
    pub wReserved: u16,
    pub dwPageSize: u32,
    pub lpMinimumApplicationAddress: usize,
    pub lpMaximumApplicationAddress: usize,
    pub dwActiveProcessorMask: usize,
    pub dwNumberOfProcessors: u32,
    pub dwProcessorType: u32,
    pub dwAllocationGranularity: u32,
    pub wProcessorLevel: u16,
    pub wProcessorRevision: u16,
}
const _: () = assert!(std::mem::size_of::<SYSTEM_INFO>() == 48);
const _: () = assert!(std::mem::offset_of!(SYSTEM_INFO, dwActiveProcessorMask) == 24);
const _: () = assert!(std::mem::offset_of!(SYSTEM_INFO, wProcessorRevision) == 46);

pub const PROCESSOR_ARCHITECTURE_AMD64: u16 = 9;
pub const PROCESSOR_ARCHITECTURE_ARM64: u16 = 12;
pub const PROCESSOR_ARCHITECTURE_UNKNOWN: u16 = 0xFFFF;
pub const PROCESSOR_AMD_X8664: u32 = 8664;

// ---- `CreateEventEx` flags (`win32::event`) ----
/// `CreateEventEx` flags.
pub const CREATE_EVENT_MANUAL_RESET: u32 = 0x1;
pub const CREATE_EVENT_INITIAL_SET: u32 = 0x2;

// ---- Heap and local/global allocation flags (`win32::heap`) ----
pub const HEAP_NO_SERIALIZE: u32 = 0x1;
pub const HEAP_GENERATE_EXCEPTIONS: u32 = 0x4;
pub const HEAP_ZERO_MEMORY: u32 = 0x8;
pub const HEAP_REALLOC_IN_PLACE_ONLY: u32 = 0x10;
pub const LMEM_FIXED: u32 = 0x0;
pub const LMEM_MOVEABLE: u32 = 0x2;
pub const LMEM_ZEROINIT: u32 = 0x40;
pub const LPTR: u32 = 0x40;
pub const GMEM_FIXED: u32 = 0x0;
pub const GMEM_MOVEABLE: u32 = 0x2;
pub const GMEM_ZEROINIT: u32 = 0x40;
pub const GPTR: u32 = 0x40;

// ---- `SYSTEMTIME` and `FILETIME` (`win32::time`) ----
/// `SYSTEMTIME` (16 bytes, align 2).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(non_snake_case)]
pub struct SYSTEMTIME {
    pub wYear: u16,
    pub wMonth: u16,
    pub wDayOfWeek: u16,
    pub wDay: u16,
    pub wHour: u16,
    pub wMinute: u16,
    pub wSecond: u16,
    pub wMilliseconds: u16,
}
const _: () = assert!(std::mem::size_of::<SYSTEMTIME>() == 16);
const _: () = assert!(std::mem::offset_of!(SYSTEMTIME, wMilliseconds) == 14);

/// `FILETIME` (8 bytes, align 4).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(non_snake_case)]
pub struct FILETIME {
    pub dwLowDateTime: u32,
    pub dwHighDateTime: u32,
}
const _: () = assert!(std::mem::size_of::<FILETIME>() == 8);
const _: () = assert!(std::mem::offset_of!(FILETIME, dwHighDateTime) == 4);

// ---- Thread pool callback environment and priorities (`win32::threadpool`) ----
/// `TP_CALLBACK_ENVIRON_V3` (x64: 72 bytes). Version 1 environments end after `u`.
#[repr(C)]
#[allow(non_snake_case)]
#[derive(Clone, Copy, Debug, Default)]
pub struct TP_CALLBACK_ENVIRON_V3 {
    pub Version: u32,
    pub Pool: usize,
    pub CleanupGroup: usize,
    pub CleanupGroupCancelCallback: Option<unsafe extern "C" fn(usize, usize)>,
    pub RaceDll: usize,
    pub ActivationContext: usize,
    pub FinalizationCallback: Option<unsafe extern "C" fn(usize, usize)>,
    /// `u.Flags`: bit 0 `LongFunction`, bit 1 `Persistent`.
    pub Flags: u32,
    pub CallbackPriority: i32,
    pub Size: u32,
}
const _: () = assert!(std::mem::size_of::<TP_CALLBACK_ENVIRON_V3>() == 72);
const _: () = assert!(std::mem::offset_of!(TP_CALLBACK_ENVIRON_V3, Flags) == 56);
const _: () = assert!(std::mem::offset_of!(TP_CALLBACK_ENVIRON_V3, CallbackPriority) == 60);

/// `TP_CALLBACK_PRIORITY_HIGH`, `_NORMAL`, `_LOW`.
pub const TP_CALLBACK_PRIORITY_HIGH: usize = 0;
pub const TP_CALLBACK_PRIORITY_NORMAL: usize = 1;
pub const TP_CALLBACK_PRIORITY_LOW: usize = 2;

// ---- `WSADATA` (`winsock.h`, filled by `WSAStartup`) ----
/// `WSADATA` (x64 layout: 408 bytes).
#[repr(C)]
#[allow(non_snake_case)]
pub struct WSADATA {
    pub wVersion: u16,
    pub wHighVersion: u16,
    pub iMaxSockets: u16,
    pub iMaxUdpDg: u16,
    pub lpVendorInfo: *mut c_char,
    pub szDescription: [u8; 257],
    pub szSystemStatus: [u8; 129],
}
const _: () = assert!(std::mem::size_of::<WSADATA>() == 408);
