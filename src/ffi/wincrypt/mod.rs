//! The wincrypt.h subset that goes with WinHTTP's certificate options: `CertCreateCertificateContext`,
//! `CertDuplicateCertificateContext`, `CertFreeCertificateContext`, `CertGetNameStringA/W` (engine:
//! `win32::cert_context`, which keeps the reference-counted contexts, and `win32::cert`, which reads the
//! certificate). `hCertStore` is NULL: there are no certificate stores here (docs/porting.md).
#![allow(non_snake_case)]
use crate::ffi::guard::*;
use crate::ffi::ptr::{narrow_cstr, units_out};
use crate::win32::abi::*;
use crate::win32::cert_context;
use crate::win32::error::*;
use crate::win32::wstr::{self, WideUnit};
use std::ffi::c_char;

const T: &str = "winhttpapi::win32";

/// `CertCreateCertificateContext`: a context for an X.509 certificate in DER (`X509_ASN_ENCODING`).
/// Free it with `CertFreeCertificateContext`. Another encoding type: NULL with `E_INVALIDARG`; bytes that
/// are not a certificate: NULL with an ASN.1 code (`CRYPT_E_ASN1_EOD` cut short, `CRYPT_E_ASN1_BADTAG`).
///
/// # Safety
/// `pbCertEncoded` points to `cbCertEncoded` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn CertCreateCertificateContext(
    dwCertEncodingType: DWORD,
    pbCertEncoded: *const u8,
    cbCertEncoded: DWORD,
) -> *const CERT_CONTEXT {
    guard_win32("CertCreateCertificateContext", std::ptr::null(), || {
        tracing::trace!(target: T, "CertCreateCertificateContext({dwCertEncodingType:#x}, {pbCertEncoded:?}, {cbCertEncoded})");
        if dwCertEncodingType & X509_ASN_ENCODING == 0 {
            return Err(E_INVALIDARG);
        }
        // SAFETY: caller's contract.
        let der = unsafe { crate::ffi::ptr::bytes_in(pbCertEncoded, cbCertEncoded as usize) }?;
        cert_context::create(der.to_vec())
    })
}

/// `CertDuplicateCertificateContext`: one more reference to the same context (the same pointer). NULL
/// gives NULL; a pointer that is not a live context of this library: NULL with `ERROR_INVALID_PARAMETER`.
#[no_mangle]
pub extern "C" fn CertDuplicateCertificateContext(pCertContext: *const CERT_CONTEXT) -> *const CERT_CONTEXT {
    guard_win32("CertDuplicateCertificateContext", std::ptr::null(), || {
        tracing::trace!(target: T, "CertDuplicateCertificateContext({pCertContext:?})");
        if pCertContext.is_null() {
            return Ok(std::ptr::null());
        }
        if !cert_context::add_ref(pCertContext) {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok(pCertContext)
    })
}

/// `CertFreeCertificateContext`: drops one reference; the last frees the context. Always TRUE (also for
/// NULL, as on Windows); a pointer that is not a live context is ignored (logged).
#[no_mangle]
pub extern "C" fn CertFreeCertificateContext(pCertContext: *const CERT_CONTEXT) -> BOOL {
    guard_win32("CertFreeCertificateContext", TRUE, || {
        tracing::trace!(target: T, "CertFreeCertificateContext({pCertContext:?})");
        if pCertContext.is_null() {
            return Ok(TRUE);
        }
        if !cert_context::release(pCertContext) {
            tracing::warn!(target: T, "CertFreeCertificateContext: {pCertContext:?} is not a live context");
        }
        Ok(TRUE)
    })
}

/// # Safety
/// `p` is NULL or a context this library handed out (others are refused before any read); `para` is NULL or what `kind`
/// needs (a NUL-terminated OID string for `CERT_NAME_ATTR_TYPE`); `out` is NULL or points to `cch` writable units.
unsafe fn get_name<U: WideUnit>(
    p: *const CERT_CONTEXT,
    kind: DWORD,
    flags: DWORD,
    para: *const std::ffi::c_void,
    out: *mut U,
    cch: DWORD,
) -> DWORD {
    tracing::trace!(target: T, "CertGetNameString({p:?}, {kind}, {flags:#x}, {para:?}, {out:?}, {cch})");
    // SAFETY: for CERT_NAME_ATTR_TYPE `pvTypePara` is the attribute's OID (a C string) or NULL (this function's
    // `# Safety`).
    let attr = if kind == CERT_NAME_ATTR_TYPE { unsafe { narrow_cstr(para as *const c_char) } } else { None };
    let name = cert_context::name(p, kind, flags, attr.as_deref()).unwrap_or_default();
    let units = wstr::encode_nul::<U>(&name);
    if out.is_null() || cch == 0 {
        return units.len() as DWORD;
    }
    // Cut to the buffer, still NUL-terminated.
    let n = units.len().min(cch as usize);
    // SAFETY: `out` holds `cch` >= `n` writable units (caller's contract).
    let dst = unsafe { units_out(out, n) };
    dst[..n - 1].copy_from_slice(&units[..n - 1]);
    dst[n - 1] = U::zero();
    n as DWORD
}

/// `CertGetNameStringW`: a name of the certificate's subject (or issuer, `CERT_NAME_ISSUER_FLAG`):
/// `CERT_NAME_SIMPLE_DISPLAY_TYPE` (common name, else unit, organisation, e-mail), `CERT_NAME_DNS_TYPE`
/// (first DNS subject alternative name, else common name), `CERT_NAME_EMAIL_TYPE`, `CERT_NAME_ATTR_TYPE`
/// (`pvTypePara`: the attribute's OID, e.g. `szOID_COMMON_NAME`). Returns the characters written including
/// the NUL, cut to `cchNameString`; with a NULL buffer or 0, the size needed. No such name: an empty string
/// (1).
///
/// # Safety
/// `pszNameString` is NULL or holds `cchNameString` writable `WCHAR`s; `pvTypePara` as above.
#[no_mangle]
pub unsafe extern "C" fn CertGetNameStringW(
    pCertContext: *const CERT_CONTEXT,
    dwType: DWORD,
    dwFlags: DWORD,
    pvTypePara: *const std::ffi::c_void,
    pszNameString: *mut WCHAR,
    cchNameString: DWORD,
) -> DWORD {
    // SAFETY: `get_name`: `pCertContext` is NULL or a context this library handed out, `pvTypePara` NULL or what
    // `dwType` needs, `pszNameString` NULL or `cchNameString` writable units: this export's own arguments (its
    // `# Safety`).
    guard_infallible("CertGetNameStringW", 1, || unsafe {
        get_name::<u32>(pCertContext, dwType, dwFlags, pvTypePara, pszNameString, cchNameString)
    })
}
/// `CertGetNameStringW` for `-fshort-wchar` callers.
///
/// # Safety
/// As `CertGetNameStringW`, with 16-bit `WCHAR`s.
#[no_mangle]
pub unsafe extern "C" fn CertGetNameStringW_w16(
    pCertContext: *const CERT_CONTEXT,
    dwType: DWORD,
    dwFlags: DWORD,
    pvTypePara: *const std::ffi::c_void,
    pszNameString: *mut u16,
    cchNameString: DWORD,
) -> DWORD {
    // SAFETY: `get_name`: `pCertContext` is NULL or a context this library handed out, `pvTypePara` NULL or what
    // `dwType` needs, `pszNameString` NULL or `cchNameString` writable units: this export's own arguments (its
    // `# Safety`).
    guard_infallible("CertGetNameStringW_w16", 1, || unsafe {
        get_name::<u16>(pCertContext, dwType, dwFlags, pvTypePara, pszNameString, cchNameString)
    })
}
/// `CertGetNameStringA`: as `CertGetNameStringW`, in UTF-8.
///
/// # Safety
/// As `CertGetNameStringW`, with `char`s.
#[no_mangle]
pub unsafe extern "C" fn CertGetNameStringA(
    pCertContext: *const CERT_CONTEXT,
    dwType: DWORD,
    dwFlags: DWORD,
    pvTypePara: *const std::ffi::c_void,
    pszNameString: *mut c_char,
    cchNameString: DWORD,
) -> DWORD {
    // SAFETY: `get_name`: `pCertContext` is NULL or a context this library handed out, `pvTypePara` NULL or what
    // `dwType` needs, `pszNameString` NULL or `cchNameString` writable units: this export's own arguments (its
    // `# Safety`).
    guard_infallible("CertGetNameStringA", 1, || unsafe {
        get_name::<u8>(pCertContext, dwType, dwFlags, pvTypePara, pszNameString as *mut u8, cchNameString)
    })
}
