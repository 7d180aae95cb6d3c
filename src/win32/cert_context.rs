//! Certificate contexts (`PCCERT_CONTEXT`): the reference-counted blocks `CertCreateCertificateContext`,
//! `CertDuplicateCertificateContext` and `WINHTTP_OPTION_SERVER_CERT_CONTEXT` hand out and
//! `CertFreeCertificateContext` releases. Operations: [`create`], [`add_ref`], [`release`], [`name`]; [`CertRef`]
//! is a reference held by an object (a request's `WINHTTP_OPTION_CLIENT_CERT_CONTEXT`).
//!
//! A context is one block holding the `CERT_CONTEXT`, its `CERT_INFO` (pointing into the encoded
//! certificate) and the bytes; the `PCCERT_CONTEXT` is the block's address, so (unlike a handle) the
//! pointer itself is the program's name for it. That is why the contexts alive are kept in a set of
//! their own rather than in the handle table: a pointer that is not one of ours, or was freed, is refused
//! before anything is read through it. The pointers passed in are only compared with that set until it
//! says they are live.
use crate::win32::abi::*;
use crate::win32::cert::{self, CertFields};
use crate::win32::error::*;
use crate::win32::time::filetime_from_value;
use once_cell::sync::Lazy;
use parking_lot::Mutex;
use std::collections::HashSet;
use std::ffi::{c_char, CString};
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// The addresses of the blocks alive.
static LIVE: Lazy<Mutex<HashSet<usize>>> = Lazy::new(|| Mutex::new(HashSet::new()));

fn blob(der: &[u8], r: &std::ops::Range<usize>) -> CRYPT_INTEGER_BLOB {
    CRYPT_INTEGER_BLOB { cbData: r.len() as u32, pbData: der[r.clone()].as_ptr() as *mut u8 }
}

/// A new context (one reference) for a DER certificate; an ASN.1 error code when it does not parse.
pub fn create(der: Vec<u8>) -> WinResult<*const CERT_CONTEXT> {
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

/// The block of one of our contexts (None for any other pointer). The lock is released before the block
/// is used: it guards against forged and freed pointers, not against a program freeing its last reference
/// while it still uses the context on another thread, which the Windows contract forbids.
fn block<'a>(p: *const CERT_CONTEXT) -> Option<&'a CertBlock> {
    if p.is_null() || !LIVE.lock().contains(&(p as usize)) {
        return None;
    }
    // SAFETY: `p` is a live block of ours (checked above); the caller holds a reference to it, so it is not
    // freed while used.
    Some(unsafe { &*(p as *const CertBlock) })
}

/// One more reference to the context `p`; false when `p` is not a live context of ours.
pub fn add_ref(p: *const CERT_CONTEXT) -> bool {
    block(p).map(|b| b.refs.fetch_add(1, Ordering::AcqRel)).is_some()
}

/// Drops one reference to `p`; the last frees the context. False when `p` is not a live context of ours.
pub fn release(p: *const CERT_CONTEXT) -> bool {
    let mut live = LIVE.lock();
    if !live.contains(&(p as usize)) {
        return false;
    }
    // SAFETY: a live block of ours (checked under the lock that also guards its removal).
    let b = unsafe { &*(p as *const CertBlock) };
    if b.refs.fetch_sub(1, Ordering::AcqRel) == 1 {
        live.remove(&(p as usize));
        // SAFETY: the last reference: the block was leaked by `create` and is no longer listed.
        drop(unsafe { Box::from_raw(p as *mut CertBlock) });
    }
    true
}

/// A reference of its own to one of our contexts (what `CertDuplicateCertificateContext` gives), released
/// when dropped (`CertFreeCertificateContext`'s release): what an object holds that keeps a program's context
/// (`WINHTTP_OPTION_CLIENT_CERT_CONTEXT`), so the program may free its own reference at once, as on Windows.
/// The block's address is kept as a number (never read through outside this module).
#[derive(Debug, PartialEq, Eq)]
pub struct CertRef(usize);

impl CertRef {
    /// A new reference to `p`; None when `p` is not a live context of ours.
    pub fn dup(p: *const CERT_CONTEXT) -> Option<CertRef> {
        add_ref(p).then_some(CertRef(p as usize))
    }

    /// The certificate's DER bytes.
    pub fn der(&self) -> &[u8] {
        // The reference held keeps the block alive and listed.
        block(self.0 as *const CERT_CONTEXT).map_or(&[], |b| &b.der)
    }
}

impl Clone for CertRef {
    fn clone(&self) -> Self {
        CertRef::dup(self.0 as *const CERT_CONTEXT).expect("a context with a reference held is live")
    }
}

impl Drop for CertRef {
    fn drop(&mut self) {
        release(self.0 as *const CERT_CONTEXT);
    }
}

/// A name of the context's certificate (`CertGetNameString`'s `kind`, `flags` and attribute OID, see
/// [`cert::name_string`]); None when `p` is not a live context of ours.
pub fn name(p: *const CERT_CONTEXT, kind: u32, flags: u32, attr: Option<&str>) -> Option<String> {
    block(p).map(|b| cert::name_string(&b.der, &b.fields, kind, flags, attr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_are_counted_and_unknown_pointers_refused() {
        assert_eq!(create(vec![0x30, 0x03, 0x02]).err(), Some(CRYPT_E_ASN1_EOD));
        let forged = 0x1000 as *const CERT_CONTEXT;
        assert!(!add_ref(forged) && !release(forged) && name(forged, 0, 0, None).is_none());
        assert!(!add_ref(std::ptr::null()) && !release(std::ptr::null()));
        assert!(CertRef::dup(forged).is_none());
    }
}
