//! HTTPS through rustls with the system's CA store (`rustls-native-certs`). The
//! `SECURITY_FLAG_IGNORE_*` bits of `WINHTTP_OPTION_SECURITY_FLAGS` relax exactly the check they
//! name: the standard WebPKI verification runs, and an error of an ignored kind is let through.
use crate::client::abi::{
    SECURITY_FLAG_IGNORE_CERT_CN_INVALID, SECURITY_FLAG_IGNORE_CERT_DATE_INVALID,
    SECURITY_FLAG_IGNORE_CERT_WRONG_USAGE, SECURITY_FLAG_IGNORE_UNKNOWN_CA,
    WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID, WINHTTP_CALLBACK_STATUS_FLAG_CERT_DATE_INVALID,
    WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED, WINHTTP_CALLBACK_STATUS_FLAG_CERT_WRONG_USAGE,
    WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA, WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CERT,
    WINHTTP_CALLBACK_STATUS_FLAG_SECURITY_CHANNEL_ERROR,
};
use crate::win32::error::*;
use once_cell::sync::Lazy;
use parking_lot::Mutex;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, Error as TlsError, RootCertStore, SignatureScheme};
use std::collections::HashMap;
use std::sync::Arc;

/// The `SECURITY_FLAG_IGNORE_*` bits this engine honours.
pub const IGNORE_MASK: u32 = SECURITY_FLAG_IGNORE_UNKNOWN_CA
    | SECURITY_FLAG_IGNORE_CERT_WRONG_USAGE
    | SECURITY_FLAG_IGNORE_CERT_CN_INVALID
    | SECURITY_FLAG_IGNORE_CERT_DATE_INVALID;

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

/// By the `SECURITY_FLAG_IGNORE_*` bits and the client certificate's thumbprint (or whether the
/// option was never set: [`ClientAuth::Unset`] notes the server's request).
type ConfigKey = (u32, Option<[u8; 20]>, bool);
static CONFIGS: Lazy<Mutex<HashMap<ConfigKey, Arc<rustls::ClientConfig>>>> = Lazy::new(|| Mutex::new(HashMap::new()));

/// A client certificate with its private key (`WINHTTP_OPTION_CLIENT_CERT_CONTEXT`), compared by the
/// certificate's SHA-1 thumbprint (connections made with it are pooled apart).
#[derive(Clone)]
pub struct ClientKey {
    thumbprint: [u8; 20],
    key: Arc<rustls::sign::CertifiedKey>,
}

impl ClientKey {
    /// The key of the certificate `der`. Windows finds a context's private key through the store the
    /// certificate came from; here the store is the certificate store directory http.sys's SSL bindings use
    /// (`server::tls::store_dir`, filled by scripts/import-cert.sh), looked up by the thumbprint. No key there:
    /// `ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY`.
    pub fn of(der: &[u8]) -> WinResult<ClientKey> {
        let digest = ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, der);
        let thumbprint: [u8; 20] = digest.as_ref().try_into().expect("SHA-1 is 20 bytes");
        let key =
            crate::server::tls::certified_key(&thumbprint).map_err(|_| ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY)?;
        Ok(ClientKey { thumbprint, key })
    }
}

impl PartialEq for ClientKey {
    fn eq(&self, other: &Self) -> bool {
        self.thumbprint == other.thumbprint
    }
}
impl Eq for ClientKey {}
impl std::hash::Hash for ClientKey {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.thumbprint.hash(h)
    }
}
impl std::fmt::Debug for ClientKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hex: String = self.thumbprint.iter().map(|b| format!("{b:02x}")).collect();
        write!(f, "ClientKey({hex})")
    }
}

/// What a request answers a server's certificate request with (`WINHTTP_OPTION_CLIENT_CERT_CONTEXT`); a
/// connection's pool key part (`session::Origin`): a connection carries only requests with the same answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum ClientAuth {
    /// The option was never set: a server that asks for a certificate gets none, and the connection is
    /// given up with `ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED` (the program then sets the option and sends
    /// again).
    #[default]
    Unset,
    /// `WINHTTP_NO_CLIENT_CERT_CONTEXT` set: the handshake goes on without a certificate.
    Declined,
    /// A certificate set: offered to a server that asks.
    Key(ClientKey),
}

thread_local! {
    /// Whether the server of the handshake step running on this thread asked for a certificate of a
    /// connection made for [`ClientAuth::Unset`] (the resolver runs inside `process_new_packets`, and the
    /// handshake checks right after it in the same poll, as with `FAILURE_FLAGS`).
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the server asked for a client certificate in the handshake step just run on this thread
/// (a connection made for [`ClientAuth::Unset`]); clears the record.
pub fn take_cert_asked() -> bool {
    ASKED.with(|a| a.replace(false))
}

/// The resolver of [`ClientAuth::Unset`]: notes that the server asked and offers nothing.
#[derive(Debug)]
struct NoteAsked;

impl rustls::client::ResolvesClientCert for NoteAsked {
    fn resolve(&self, _hints: &[&[u8]], _schemes: &[SignatureScheme]) -> Option<Arc<rustls::sign::CertifiedKey>> {
        ASKED.with(|a| a.set(true));
        None
    }
    fn has_certs(&self) -> bool {
        false
    }
}

/// The client certificate offered to every server that asks for one.
#[derive(Debug)]
struct OneClientCert(Arc<rustls::sign::CertifiedKey>);

impl rustls::client::ResolvesClientCert for OneClientCert {
    fn resolve(&self, _hints: &[&[u8]], _schemes: &[SignatureScheme]) -> Option<Arc<rustls::sign::CertifiedKey>> {
        Some(self.0.clone())
    }
    fn has_certs(&self) -> bool {
        true
    }
}

#[derive(Debug)]
struct Relaxed {
    inner: Arc<WebPkiServerVerifier>,
    ignore: u32,
}

/// Whether webpki refused the server's certificate for being a CA (`CaUsedAsEndEntity`), which is what
/// a self-signed certificate made by `openssl req -x509` (CA:TRUE by default) meets. rustls passes that
/// error on only as `CertificateError::Other`, so it is recognised by name.
fn is_ca_as_leaf(c: &CertificateError) -> bool {
    matches!(c, CertificateError::Other(o) if format!("{o:?}").contains("CaUsedAsEndEntity"))
}

impl Relaxed {
    fn ignored(&self, e: &TlsError) -> bool {
        let TlsError::InvalidCertificate(c) = e else { return false };
        match c {
            CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                self.ignore & SECURITY_FLAG_IGNORE_UNKNOWN_CA != 0
            }
            // Windows reports a self-signed CA certificate as an untrusted root: IGNORE_UNKNOWN_CA lets it in.
            c if is_ca_as_leaf(c) => self.ignore & SECURITY_FLAG_IGNORE_UNKNOWN_CA != 0,
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
    /// Runs the standard checks and relaxes only the ignored kind: an ignored unknown CA is
    /// re-verified with the chain the server sent as its own anchors (so date and name are still
    /// checked), an ignored date is re-verified at a time inside the validity period (so chain and
    /// name are still checked). Windows likewise reports and relaxes each problem separately.
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, TlsError> {
        let mut now = now;
        let mut anchored: Option<Arc<WebPkiServerVerifier>> = None;
        for _ in 0..4 {
            let verifier = anchored.as_ref().unwrap_or(&self.inner);
            let e = match verifier.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
                Ok(v) => return Ok(v),
                Err(e) => e,
            };
            note_failure(&e);
            if !self.ignored(&e) {
                return Err(e);
            }
            let TlsError::InvalidCertificate(c) = &e else { return Err(e) };
            match c {
                CertificateError::UnknownIssuer | CertificateError::BadSignature if anchored.is_none() => {
                    anchored = self_anchored(end_entity, intermediates);
                    if anchored.is_none() {
                        return check_name_only(end_entity, server_name, self.ignore);
                    }
                }
                // The chain cannot be completed even from what the server sent; the CA is ignored,
                // the name still counts.
                CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                    return check_name_only(end_entity, server_name, self.ignore)
                }
                // A self-signed CA as the server's certificate: no chain can make webpki take it, so
                // with the CA ignored only the name is checked.
                c if is_ca_as_leaf(c) => return check_name_only(end_entity, server_name, self.ignore),
                CertificateError::ExpiredContext { not_after, .. } => now = *not_after,
                CertificateError::NotValidYetContext { not_before, .. } => now = *not_before,
                // Name and usage are checked last: nothing else is left to check.
                _ => return Ok(ServerCertVerified::assertion()),
            }
        }
        Ok(ServerCertVerified::assertion())
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

/// The client configuration for a set of security flags and client certificate answer (cached per
/// combination).
pub fn config(security_flags: u32, client: &ClientAuth) -> WinResult<Arc<rustls::ClientConfig>> {
    // Called right before each new TLS connection: start its failure report afresh.
    reset_failure_flags();
    let ignore = security_flags & IGNORE_MASK;
    let thumbprint = match client {
        ClientAuth::Key(c) => Some(c.thumbprint),
        _ => None,
    };
    let key = (ignore, thumbprint, *client == ClientAuth::Unset);
    if let Some(c) = CONFIGS.lock().get(&key) {
        return Ok(c.clone());
    }
    let builder = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|_| ERROR_WINHTTP_SECURE_FAILURE)?;
    let verified = if ignore == 0 {
        builder.with_root_certificates(ROOTS.clone())
    } else {
        let roots = if ROOTS.is_empty() { Arc::new(RootCertStore::empty()) } else { ROOTS.clone() };
        let inner = WebPkiServerVerifier::builder_with_provider(roots, provider()).build().unwrap_or_else(|_| {
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
        builder.dangerous().with_custom_certificate_verifier(Arc::new(Relaxed { inner, ignore }))
    };
    let cfg = Arc::new(match client {
        ClientAuth::Unset => verified.with_client_cert_resolver(Arc::new(NoteAsked)),
        ClientAuth::Declined => verified.with_no_client_auth(),
        ClientAuth::Key(c) => verified.with_client_cert_resolver(Arc::new(OneClientCert(c.key.clone()))),
    });
    CONFIGS.lock().insert(key, cfg.clone());
    Ok(cfg)
}

fn webpki_placeholder() -> rustls::pki_types::TrustAnchor<'static> {
    rustls::pki_types::TrustAnchor {
        subject: rustls::pki_types::Der::from_slice(b"\x30\x00"),
        subject_public_key_info: rustls::pki_types::Der::from_slice(b"\x30\x00"),
        name_constraints: None,
    }
}

/// A verifier trusting the certificates the server sent itself (for `SECURITY_FLAG_IGNORE_UNKNOWN_CA`).
fn self_anchored(
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
) -> Option<Arc<WebPkiServerVerifier>> {
    let mut roots = RootCertStore::empty();
    for c in intermediates.iter().chain(std::iter::once(end_entity)) {
        let _ = roots.add(c.clone().into_owned());
    }
    if roots.is_empty() {
        return None;
    }
    WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider()).build().ok()
}

fn check_name_only(
    end_entity: &CertificateDer<'_>,
    server_name: &ServerName<'_>,
    ignore: u32,
) -> Result<ServerCertVerified, TlsError> {
    if ignore & SECURITY_FLAG_IGNORE_CERT_CN_INVALID == 0 {
        let parsed = rustls::server::ParsedCertificate::try_from(end_entity)?;
        if let Err(e) = rustls::client::verify_server_name(&parsed, server_name) {
            note_failure(&e);
            return Err(e);
        }
    }
    Ok(ServerCertVerified::assertion())
}

thread_local! {
    /// The `WINHTTP_CALLBACK_STATUS_FLAG_*` bits of the certificate problems met by the last
    /// handshake on this thread (the handshake runs on the thread that then reports the failure).
    static FAILURE_FLAGS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The `WINHTTP_CALLBACK_STATUS_FLAG_*` bit for a TLS error.
pub fn failure_flag(e: &TlsError) -> u32 {
    match e {
        TlsError::InvalidCertificate(c) => match c {
            CertificateError::UnknownIssuer | CertificateError::BadSignature => WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA,
            c if is_ca_as_leaf(c) => WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA,
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID
            }
            CertificateError::Expired
            | CertificateError::NotValidYet
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYetContext { .. } => WINHTTP_CALLBACK_STATUS_FLAG_CERT_DATE_INVALID,
            CertificateError::Revoked => WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED,
            CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
                WINHTTP_CALLBACK_STATUS_FLAG_CERT_WRONG_USAGE
            }
            _ => WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CERT,
        },
        _ => WINHTTP_CALLBACK_STATUS_FLAG_SECURITY_CHANNEL_ERROR,
    }
}

fn note_failure(e: &TlsError) {
    FAILURE_FLAGS.with(|f| f.set(f.get() | failure_flag(e)));
}

/// Clears the failure bits (and the "server asked for a certificate" record) before a handshake step.
pub fn reset_failure_flags() {
    FAILURE_FLAGS.with(|f| f.set(0));
    ASKED.with(|a| a.set(false));
}

/// The `WINHTTP_CALLBACK_STATUS_FLAG_*` bits of the last failed handshake on this thread, for the
/// `WINHTTP_CALLBACK_STATUS_SECURE_FAILURE` notification (its `lpvStatusInformation` DWORD).
pub fn failure_flags() -> u32 {
    FAILURE_FLAGS.with(|f| f.get())
}

/// The WinHTTP code for a TLS failure. Windows fails `WinHttpSendRequest` with
/// `ERROR_WINHTTP_SECURE_FAILURE` for every certificate problem and tells which through the
/// `WINHTTP_CALLBACK_STATUS_SECURE_FAILURE` flags ([`failure_flags`]); the finer
/// `ERROR_WINHTTP_SECURE_CERT_*` codes are WinINet's habit, not WinHTTP's.
pub fn map_error(e: &TlsError) -> Win32Error {
    if failure_flags() == 0 {
        note_failure(e);
    }
    ERROR_WINHTTP_SECURE_FAILURE
}

/// The rustls server name for a host.
pub fn server_name(host: &str) -> WinResult<ServerName<'static>> {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    ServerName::try_from(h.to_string()).map_err(|_| ERROR_WINHTTP_INVALID_URL)
}
