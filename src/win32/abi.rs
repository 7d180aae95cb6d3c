//! The Win32 ABI the edge speaks: C type names with Windows widths (DESIGN.md section 3), the kernel32
//! constants the exports take and return, and the `#[repr(C)]` structures the caller owns. Constants are
//! checked against windows-sys by `tests/constants.rs`. (Structures the engine itself works on stay with
//! it: `OVERLAPPED` in [`crate::win32::overlapped`], `SYSTEMTIME`/`FILETIME` in [`crate::win32::time`].)
#![allow(non_camel_case_types, non_snake_case, clippy::upper_case_acronyms)]
use std::ffi::c_void;

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
    pub NotBefore: crate::win32::time::FILETIME,
    pub NotAfter: crate::win32::time::FILETIME,
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
