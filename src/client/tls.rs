//! HTTPS through rustls with the system's CA store (`rustls-native-certs`). The
//! `SECURITY_FLAG_IGNORE_*` bits of `WINHTTP_OPTION_SECURITY_FLAGS` relax exactly the check they
//! name: the standard WebPKI verification runs, and an error of an ignored kind is let through.
use crate::win32::error::*;
use once_cell::sync::Lazy;
use parking_lot::Mutex;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, Error as TlsError, RootCertStore, SignatureScheme};
use std::collections::HashMap;
use std::sync::Arc;

pub const SECURITY_FLAG_IGNORE_UNKNOWN_CA: u32 = 0x100;
pub const SECURITY_FLAG_IGNORE_CERT_WRONG_USAGE: u32 = 0x200;
pub const SECURITY_FLAG_IGNORE_CERT_CN_INVALID: u32 = 0x1000;
pub const SECURITY_FLAG_IGNORE_CERT_DATE_INVALID: u32 = 0x2000;
const IGNORE_MASK: u32 = 0x100 | 0x200 | 0x1000 | 0x2000;

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

static ROOTS: Lazy<Arc<RootCertStore>> = Lazy::new(|| {
    let mut roots = RootCertStore::empty();
    let found = rustls_native_certs::load_native_certs();
    for c in found.certs {
        let _ = roots.add(c);
    }
    if roots.is_empty() {
        tracing::warn!(target: "winhttpapi::winhttp", "no system CA certificates found; HTTPS servers will fail verification");
    }
    Arc::new(roots)
});

static CONFIGS: Lazy<Mutex<HashMap<u32, Arc<rustls::ClientConfig>>>> = Lazy::new(|| Mutex::new(HashMap::new()));

#[derive(Debug)]
struct Relaxed {
    inner: Arc<WebPkiServerVerifier>,
    ignore: u32,
}

impl Relaxed {
    fn ignored(&self, e: &TlsError) -> bool {
        let TlsError::InvalidCertificate(c) = e else { return false };
        match c {
            CertificateError::UnknownIssuer | CertificateError::BadSignature => self.ignore & SECURITY_FLAG_IGNORE_UNKNOWN_CA != 0,
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                self.ignore & SECURITY_FLAG_IGNORE_CERT_CN_INVALID != 0
            }
            CertificateError::Expired
            | CertificateError::NotValidYet
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYetContext { .. } => self.ignore & SECURITY_FLAG_IGNORE_CERT_DATE_INVALID != 0,
            CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
                self.ignore & SECURITY_FLAG_IGNORE_CERT_WRONG_USAGE != 0
            }
            _ => false,
        }
    }
}

impl ServerCertVerifier for Relaxed {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        match self.inner.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Ok(v) => Ok(v),
            Err(e) if self.ignored(&e) => {
                // An unknown CA hides later checks; with every relaxation asked for, the chain is
                // accepted as Windows does with all four SECURITY_FLAG_IGNORE_* bits.
                Ok(ServerCertVerified::assertion())
            }
            Err(e) => Err(e),
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, TlsError> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// The client configuration for a set of security flags (cached per flag combination).
pub fn config(security_flags: u32) -> WinResult<Arc<rustls::ClientConfig>> {
    let ignore = security_flags & IGNORE_MASK;
    if let Some(c) = CONFIGS.lock().get(&ignore) {
        return Ok(c.clone());
    }
    let builder = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|_| ERROR_WINHTTP_SECURE_FAILURE)?;
    let cfg = if ignore == 0 {
        builder.with_root_certificates(ROOTS.clone()).with_no_client_auth()
    } else {
        let roots = if ROOTS.is_empty() { Arc::new(RootCertStore::empty()) } else { ROOTS.clone() };
        let inner = WebPkiServerVerifier::builder_with_provider(roots, provider())
            .build()
            .unwrap_or_else(|_| {
                // An empty root store cannot build a verifier; every chain is then "unknown CA".
                WebPkiServerVerifier::builder_with_provider(
                    Arc::new({
                        let mut r = RootCertStore::empty();
                        r.roots.push(webpki_placeholder());
                        r
                    }),
                    provider(),
                )
                .build()
                .expect("verifier with one root")
            });
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Relaxed { inner, ignore }))
            .with_no_client_auth()
    };
    let cfg = Arc::new(cfg);
    CONFIGS.lock().insert(ignore, cfg.clone());
    Ok(cfg)
}

fn webpki_placeholder() -> rustls::pki_types::TrustAnchor<'static> {
    rustls::pki_types::TrustAnchor {
        subject: rustls::pki_types::Der::from_slice(b"\x30\x00"),
        subject_public_key_info: rustls::pki_types::Der::from_slice(b"\x30\x00"),
        name_constraints: None,
    }
}

/// The WinHTTP code for a TLS failure (`ERROR_WINHTTP_SECURE_FAILURE` unless a more precise one fits).
pub fn map_error(e: &TlsError) -> Win32Error {
    match e {
        TlsError::InvalidCertificate(c) => match c {
            CertificateError::UnknownIssuer => ERROR_WINHTTP_SECURE_INVALID_CA,
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                ERROR_WINHTTP_SECURE_CERT_CN_INVALID
            }
            CertificateError::Expired
            | CertificateError::NotValidYet
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYetContext { .. } => ERROR_WINHTTP_SECURE_CERT_DATE_INVALID,
            CertificateError::Revoked => ERROR_WINHTTP_SECURE_CERT_REVOKED,
            _ => ERROR_WINHTTP_SECURE_INVALID_CERT,
        },
        _ => ERROR_WINHTTP_SECURE_FAILURE,
    }
}

/// The rustls server name for a host.
pub fn server_name(host: &str) -> WinResult<ServerName<'static>> {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    ServerName::try_from(h.to_string()).map_err(|_| ERROR_WINHTTP_INVALID_URL)
}
