//! The wincrypt.h subset that goes with WinHTTP's certificate options: `CertCreateCertificateContext`,
//! `CertDuplicateCertificateContext`, `CertFreeCertificateContext`, `CertGetNameStringA/W` (engine:
//! `win32::cert`). A `CERT_CONTEXT` handed out here (also by `WINHTTP_OPTION_SERVER_CERT_CONTEXT`) is one
//! reference-counted block holding the context, its `CERT_INFO` (pointing into the encoded certificate)
//! and the bytes; the last `CertFreeCertificateContext` frees it. `hCertStore` is NULL: there are no
//! certificate stores here (docs/porting.md).
#![allow(non_snake_case)]
use crate::ffi::guard::*;
use crate::ffi::ptr::{narrow_cstr, units_out};
use crate::win32::abi::*;
use crate::win32::cert::{self, CertFields};
use crate::win32::error::*;
use crate::win32::time::filetime_from_value;
use crate::win32::wstr::{self, WideUnit};
use once_cell::sync::Lazy;
use parking_lot::Mutex;
use std::collections::HashSet;
use std::ffi::{c_char, CString};
use std::sync::atomic::{AtomicUsize, Ordering};

const T: &str = "winhttpapi::win32";

/// One certificate context and everything it points to. `ctx` comes first: the `PCCERT_CONTEXT` handed
/// out is the block's address.
#[repr(C)]
struct CertBlock {
    ctx: CERT_CONTEXT,
    info: CERT_INFO,
    refs: AtomicUsize,
    der: Box<[u8]>,
    fields: CertFields,
    serial: Box<[u8]>,
    oids: Vec<CString>,
    extensions: Box<[CERT_EXTENSION]>,
}

/// The blocks alive, so a pointer that is not one of ours (or is freed) is refused, never dereferenced.
static LIVE: Lazy<Mutex<HashSet<usize>>> = Lazy::new(|| Mutex::new(HashSet::new()));

fn blob(der: &[u8], r: &std::ops::Range<usize>) -> CRYPT_INTEGER_BLOB {
    CRYPT_INTEGER_BLOB { cbData: r.len() as u32, pbData: der[r.clone()].as_ptr() as *mut u8 }
}

/// A new context (one reference) for a DER certificate; `ERROR_INVALID_DATA` when it does not parse.
pub fn new_context(der: Vec<u8>) -> WinResult<*const CERT_CONTEXT> {
    let fields = cert::parse(&der)?;
    let der = der.into_boxed_slice();
    // CryptoAPI keeps the serial number little-endian.
    let serial: Box<[u8]> = der[fields.serial.clone()].iter().rev().copied().collect();
    let cstr = |s: &str| CString::new(s).unwrap_or_default();
    let mut oids = vec![cstr(&fields.signature.oid), cstr(&fields.key_algorithm.oid)];
    oids.extend(fields.extensions.iter().map(|e| cstr(&e.oid)));
    let extensions: Box<[CERT_EXTENSION]> = fields
        .extensions
        .iter()
        .zip(&oids[2..])
        .map(|(e, o)| CERT_EXTENSION {
            pszObjId: o.as_ptr() as *mut c_char,
            fCritical: e.critical as BOOL,
            Value: blob(&der, &e.value),
        })
        .collect();
    let empty_bits = CRYPT_BIT_BLOB { cbData: 0, pbData: std::ptr::null_mut(), cUnusedBits: 0 };
    let info = CERT_INFO {
        dwVersion: fields.version,
        SerialNumber: CRYPT_INTEGER_BLOB { cbData: serial.len() as u32, pbData: serial.as_ptr() as *mut u8 },
        SignatureAlgorithm: CRYPT_ALGORITHM_IDENTIFIER {
            pszObjId: oids[0].as_ptr() as *mut c_char,
            Parameters: blob(&der, &fields.signature.params),
        },
        Issuer: blob(&der, &fields.issuer),
        NotBefore: filetime_from_value(fields.not_before),
        NotAfter: filetime_from_value(fields.not_after),
        Subject: blob(&der, &fields.subject),
        SubjectPublicKeyInfo: CERT_PUBLIC_KEY_INFO {
            Algorithm: CRYPT_ALGORITHM_IDENTIFIER {
                pszObjId: oids[1].as_ptr() as *mut c_char,
                Parameters: blob(&der, &fields.key_algorithm.params),
            },
            PublicKey: CRYPT_BIT_BLOB {
                cbData: fields.key.len() as u32,
                pbData: der[fields.key.clone()].as_ptr() as *mut u8,
                cUnusedBits: fields.key_unused_bits,
            },
        },
        IssuerUniqueId: empty_bits,
        SubjectUniqueId: empty_bits,
        cExtension: extensions.len() as u32,
        rgExtension: if extensions.is_empty() { std::ptr::null_mut() } else { extensions.as_ptr() as *mut _ },
    };
    let ctx = CERT_CONTEXT {
        dwCertEncodingType: X509_ASN_ENCODING | PKCS_7_ASN_ENCODING,
        pbCertEncoded: der.as_ptr() as *mut u8,
        cbCertEncoded: der.len() as u32,
        pCertInfo: std::ptr::null_mut(),
        hCertStore: std::ptr::null_mut(),
    };
    let block = Box::new(CertBlock { ctx, info, refs: AtomicUsize::new(1), der, fields, serial, oids, extensions });
    let p = Box::into_raw(block);
    // SAFETY: `p` is the block just leaked; its `info` does not move again (the box is never moved).
    unsafe { (*p).ctx.pCertInfo = &mut (*p).info };
    LIVE.lock().insert(p as usize);
    Ok(p as *const CERT_CONTEXT)
}

/// The block of one of our contexts (None for any other pointer).
fn block<'a>(p: *const CERT_CONTEXT) -> Option<&'a CertBlock> {
    if p.is_null() || !LIVE.lock().contains(&(p as usize)) {
        return None;
    }
    // SAFETY: `p` is a live block of ours; the caller holds a reference to it, so it is not freed while used.
    Some(unsafe { &*(p as *const CertBlock) })
}

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
        new_context(der.to_vec())
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
        let b = block(pCertContext).ok_or(ERROR_INVALID_PARAMETER)?;
        b.refs.fetch_add(1, Ordering::AcqRel);
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
        let mut live = LIVE.lock();
        if !live.contains(&(pCertContext as usize)) {
            tracing::warn!(target: T, "CertFreeCertificateContext: {pCertContext:?} is not a live context");
            return Ok(TRUE);
        }
        // SAFETY: a live block of ours (checked under the lock that also guards its removal).
        let b = unsafe { &*(pCertContext as *const CertBlock) };
        if b.refs.fetch_sub(1, Ordering::AcqRel) == 1 {
            live.remove(&(pCertContext as usize));
            // SAFETY: the last reference: the block was leaked by `new_context` and is no longer listed.
            drop(unsafe { Box::from_raw(pCertContext as *mut CertBlock) });
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
    let name = match block(p) {
        Some(b) => {
            // SAFETY: for CERT_NAME_ATTR_TYPE `pvTypePara` is the attribute's OID (a C string) or NULL.
            let attr = if kind == CERT_NAME_ATTR_TYPE { unsafe { narrow_cstr(para as *const c_char) } } else { None };
            cert::name_string(&b.der, &b.fields, kind, flags, attr.as_deref())
        }
        None => String::new(),
    };
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
