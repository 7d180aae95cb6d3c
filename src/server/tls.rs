//! HTTPS for `https://` prefixes: the certificate store stand-in and the TLS handshake, after which the
//! HTTP/1.1 connection code ([`super::connection`]) reads and writes through TLS on the client's socket.
//!
//! Certificate store: Windows binds a certificate by its SHA-1 thumbprint (`netsh http add sslcert
//! certhash=...`), found in the machine's certificate store. Here the store is a directory
//! ([`store_dir`]: `/etc/winhttpapi/certs`, or `$WINHTTPAPI_CERT_STORE`) of PEM files named by the
//! thumbprint in lowercase hex: `<thumbprint>.pem` holding the chain (leaf first) and the private key,
//! or `<thumbprint>.crt` + `<thumbprint>.key`. `scripts/import-cert.sh` makes them.
//!
//! Connections: the listener of an https port hands each accepted socket to [`serve`], which reads
//! the ClientHello, picks the binding as http.sys does (SNI host:port, then IP:port, then the
//! 0.0.0.0 / [::] wildcard; [`service_config::ssl_binding_for`]) and completes the handshake. No
//! binding, or a certificate that is gone from the store: the connection is reset, as http.sys resets
//! a handshake it cannot serve. After the handshake the runtime lets go of the socket: an HTTP/1.1
//! connection's socket and its rustls state go to an ordinary [`super::connection::Connection`], which
//! drives TLS on that socket itself (`connection/tls_stream.rs`) with the same non-blocking calls and
//! readiness edges as a plain one: no task, no second socket, no copy. Connections that chose `h2` by
//! ALPN stay on the runtime ([`super::h2`]).
use super::service_config;
use crate::server::abi;
use crate::win32::error::*;
use parking_lot::Mutex;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{Acceptor, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

const T: &str = "winhttpapi::httpapi";

/// The environment variable that moves the certificate store (tests, non-root services).
pub const CERT_STORE_ENV: &str = "WINHTTPAPI_CERT_STORE";
pub const SYSTEM_CERT_STORE: &str = "/etc/winhttpapi/certs";

pub fn store_dir() -> PathBuf {
    match std::env::var_os(CERT_STORE_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(SYSTEM_CERT_STORE),
    }
}

/// What `HTTP_SSL_INFO` reports about a connection.
#[derive(Debug, Clone)]
pub struct SslInfo {
    /// Bits of the server certificate's public key (RSA modulus, EC curve size).
    pub server_cert_key_size: u16,
    /// Bits of the negotiated cipher's key.
    pub connection_key_size: u16,
    /// The server certificate's issuer and subject names ("CN=..., O=...").
    pub issuer: String,
    pub subject: String,
    /// `HTTP_SSL_PROTOCOL_INFO` (version 2 requests' `HttpRequestInfoTypeSslProtocol`).
    pub protocol: SslProtocol,
    /// ALPN chose `h2`: the connection's requests are HTTP/2 streams ([`super::h2`]).
    pub http2: bool,
    /// The client's server name (`HttpRequestPropertySni`).
    pub sni: Sni,
    /// The session in Schannel's terms (`HttpRequestPropertyTlsCipherInfo`).
    pub schannel: crate::client::link::Schannel,
    /// The ClientHello's TLS records as received (`HttpRequestPropertyTlsClientHello`), kept only when the
    /// binding has `HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO`.
    pub client_hello: Option<Box<[u8]>>,
}

/// The server name of the client's ClientHello, and whether it picked the certificate binding.
#[derive(Debug, Clone, Default)]
pub struct Sni {
    /// None: the client sent no SNI.
    pub name: Option<String>,
    /// An SNI binding (host:port) was used, not the IP:port or wildcard one.
    pub by_sni: bool,
}

impl Sni {
    /// `HTTP_REQUEST_PROPERTY_SNI.Flags`.
    pub fn flags(&self) -> u32 {
        match (&self.name, self.by_sni) {
            (None, _) => abi::HTTP_REQUEST_PROPERTY_SNI_FLAG_NO_SNI,
            (Some(_), true) => abi::HTTP_REQUEST_PROPERTY_SNI_FLAG_SNI_USED,
            (Some(_), false) => 0,
        }
    }
}

/// The negotiated protocol in Schannel's terms (`SP_PROT_*`, `CALG_*` ids, strengths in bits).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SslProtocol {
    pub protocol: u32,
    pub cipher_type: u32,
    pub cipher_strength: u32,
    pub hash_type: u32,
    pub hash_strength: u32,
    pub key_exchange_type: u32,
    pub key_exchange_strength: u32,
}

const SP_PROT_TLS1_2_SERVER: u32 = 0x0000_0400;
const SP_PROT_TLS1_3_SERVER: u32 = 0x0000_1000;
const CALG_AES_128: u32 = 0x0000_660e;
const CALG_AES_256: u32 = 0x0000_6610;
const CALG_SHA_256: u32 = 0x0000_800c;
const CALG_SHA_384: u32 = 0x0000_800d;
const CALG_ECDH_EPHEM: u32 = 0x0000_ae06;

fn protocol_of(conn: &rustls::ServerConnection) -> SslProtocol {
    let name = conn.negotiated_cipher_suite().map(|s| format!("{:?}", s.suite())).unwrap_or_default();
    let cipher_strength = cipher_key_bits(&name) as u32;
    let (hash_type, hash_strength) = if name.ends_with("SHA384") { (CALG_SHA_384, 384) } else { (CALG_SHA_256, 256) };
    let key_exchange_strength = match conn.negotiated_key_exchange_group().map(|g| g.name()) {
        Some(rustls::NamedGroup::X25519) => 255,
        Some(rustls::NamedGroup::secp256r1) => 256,
        Some(rustls::NamedGroup::secp384r1) => 384,
        Some(rustls::NamedGroup::secp521r1) => 521,
        _ => 0,
    };
    SslProtocol {
        protocol: match conn.protocol_version() {
            Some(rustls::ProtocolVersion::TLSv1_3) => SP_PROT_TLS1_3_SERVER,
            Some(rustls::ProtocolVersion::TLSv1_2) => SP_PROT_TLS1_2_SERVER,
            _ => 0,
        },
        // ChaCha20-Poly1305 has no CALG id (Schannel does not offer it): 0, with its strength.
        cipher_type: match cipher_strength {
            128 if name.contains("AES") => CALG_AES_128,
            256 if name.contains("AES") => CALG_AES_256,
            _ => 0,
        },
        cipher_strength,
        hash_type,
        hash_strength,
        // rustls offers only ephemeral (EC)DH key exchange.
        key_exchange_type: CALG_ECDH_EPHEM,
        key_exchange_strength,
    }
}

/// A certificate with its key, ready for handshakes.
struct Loaded {
    /// The handshake configurations serving this certificate (built once per certificate): offering
    /// `h2` and `http/1.1` by ALPN, and `http/1.1` only (`HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2`).
    config: Arc<rustls::ServerConfig>,
    config_http1: Arc<rustls::ServerConfig>,
    /// The chain and its signing key (a WinHTTP client certificate's too: `certified_key`).
    key: Arc<CertifiedKey>,
    key_bits: u16,
    issuer: String,
    subject: String,
    stamp: Option<SystemTime>,
}

static CACHE: once_cell::sync::Lazy<Mutex<HashMap<PathBuf, Arc<Loaded>>>> =
    once_cell::sync::Lazy::new(Default::default);

fn files_of(thumbprint: &str) -> Option<(PathBuf, PathBuf)> {
    let dir = store_dir();
    let pem = dir.join(format!("{thumbprint}.pem"));
    if pem.is_file() {
        return Some((pem.clone(), pem));
    }
    let crt = dir.join(format!("{thumbprint}.crt"));
    let key = dir.join(format!("{thumbprint}.key"));
    crt.is_file().then_some((crt, key))
}

/// Loads the certificate whose SHA-1 thumbprint is `hash`: not in the store (or a file whose first
/// certificate has another thumbprint): `ERROR_FILE_NOT_FOUND`; no usable private key:
/// `ERROR_NO_SUCH_LOGON_SESSION` (what Windows answers for a certificate without its private key).
fn load(hash: &[u8]) -> WinResult<Arc<Loaded>> {
    let thumbprint: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    let (crt, key_path) = files_of(&thumbprint).ok_or(ERROR_FILE_NOT_FOUND)?;
    let stamp = std::fs::metadata(&crt).and_then(|m| m.modified()).ok();
    if let Some(l) = CACHE.lock().get(&crt) {
        if l.stamp == stamp {
            return Ok(l.clone());
        }
    }
    let chain: Vec<CertificateDer<'static>> =
        CertificateDer::pem_file_iter(&crt).map_err(|_| ERROR_FILE_NOT_FOUND)?.filter_map(Result::ok).collect();
    let leaf = chain.first().ok_or(ERROR_FILE_NOT_FOUND)?;
    let digest = ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, leaf.as_ref());
    if digest.as_ref() != hash {
        tracing::warn!(target: T, "{}: its certificate's thumbprint is not {thumbprint}", crt.display());
        return Err(ERROR_FILE_NOT_FOUND);
    }
    let key = PrivateKeyDer::from_pem_file(&key_path).map_err(|_| ERROR_NO_SUCH_LOGON_SESSION)?;
    let signer = rustls::crypto::ring::sign::any_supported_type(&key).map_err(|_| ERROR_NO_SUCH_LOGON_SESSION)?;
    let (issuer, subject, key_bits) = describe(leaf.as_ref()).unwrap_or_default();
    let key = Arc::new(CertifiedKey::new(chain, signer));
    let config = server_config(key.clone(), &[super::h2::ALPN_H2, b"http/1.1"]);
    let config_http1 = server_config(key.clone(), &[b"http/1.1"]);
    let loaded = Arc::new(Loaded { config, config_http1, key, key_bits, issuer, subject, stamp });
    CACHE.lock().insert(crt, loaded.clone());
    Ok(loaded)
}

/// The certificate of thumbprint `hash` from the store, with its chain and private key (a WinHTTP client
/// certificate, `client::tls::ClientKey`); errors as [`load`].
pub fn certified_key(hash: &[u8]) -> WinResult<Arc<CertifiedKey>> {
    load(hash).map(|l| l.key.clone())
}

/// Checks at `HttpSetServiceConfiguration` time that the certificate is in the store with its key.
pub fn check_certificate(hash: &[u8]) -> WinResult<()> {
    load(hash).map(|_| ())
}

/// The certificate chosen before the handshake.
#[derive(Debug)]
struct Chosen(Arc<CertifiedKey>);

impl ResolvesServerCert for Chosen {
    fn resolve(&self, _hello: rustls::server::ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }
}

fn server_config(key: Arc<CertifiedKey>, alpn: &[&[u8]]) -> Arc<rustls::ServerConfig> {
    let mut cfg = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default versions")
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(Chosen(key)));
    // The server's order wins: HTTP/2 when the client offers it, as http.sys since Windows 10.
    cfg.alpn_protocols = alpn.iter().map(|p| p.to_vec()).collect();
    Arc::new(cfg)
}

/// Serves one accepted connection of an https port (spawned by the listener).
pub async fn serve(tcp: tokio::net::TcpStream, remote: SocketAddr) {
    let _ = tcp.set_nodelay(true);
    let local = match tcp.local_addr() {
        Ok(a) => a,
        Err(_) => return,
    };
    // Until the handshake is done, dropping the socket resets it (linger 0): what a client sees when
    // http.sys refuses a handshake.
    let _ = socket2::SockRef::from(&tcp).set_linger(Some(std::time::Duration::ZERO));
    let handshake = async {
        // The bytes the acceptor reads are recorded only while some binding keeps the ClientHello.
        let record = service_config::client_hello_wanted().then(Vec::new);
        let mut start = tokio_rustls::LazyConfigAcceptor::new(Acceptor::default(), NoSigPipe(tcp, record)).await?;
        let read = start.io.1.take();
        let name = start.client_hello().server_name().map(str::to_string);
        let chosen =
            service_config::ssl_binding_for(local, name.as_deref()).map(|(b, by_sni)| (load(&b.hash), b, by_sni));
        match chosen {
            Some((Ok(loaded), b, by_sni)) => {
                let config = if b.flags & abi::HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2 != 0 {
                    &loaded.config_http1
                } else {
                    &loaded.config
                };
                let hello = read
                    .filter(|_| b.flags & abi::HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO != 0)
                    .and_then(|r| client_hello_records(&r).map(Box::from));
                let tls = start.into_stream(config.clone()).await?;
                Ok::<_, std::io::Error>((tls, loaded, Sni { name, by_sni }, hello))
            }
            Some((Err(e), b, _)) => {
                tracing::warn!(target: T, "TLS on {local}: certificate {} is not usable ({e:?})", b.thumbprint());
                Err(std::io::Error::other("certificate not usable"))
            }
            None => {
                tracing::debug!(target: T, "TLS on {local}: no SSL certificate binding (server name {name:?})");
                Err(std::io::Error::other("no binding"))
            }
        }
    };
    // A client that never completes the handshake is dropped like one that never sends a request: after
    // the machine-wide IdleConnection timer.
    let limit = super::timers::machine_first_request().0;
    let outcome = tokio::time::timeout(limit, handshake)
        .await
        .unwrap_or_else(|_| Err(std::io::Error::from(std::io::ErrorKind::TimedOut)));
    let (tls, loaded, sni, client_hello) = match outcome {
        Ok(x) => x,
        Err(e) => {
            tracing::debug!(target: T, "TLS handshake with {remote} failed: {e}");
            return;
        }
    };
    let (NoSigPipe(tcp, _), conn) = tls.get_ref();
    let _ = socket2::SockRef::from(tcp).set_linger(None);
    let protocol = protocol_of(conn);
    let info = Arc::new(SslInfo {
        server_cert_key_size: loaded.key_bits,
        connection_key_size: protocol.cipher_strength as u16,
        issuer: loaded.issuer.clone(),
        subject: loaded.subject.clone(),
        protocol,
        http2: conn.alpn_protocol() == Some(super::h2::ALPN_H2),
        sni,
        schannel: crate::client::link::TlsFacts::of::<rustls::server::ServerConnectionData>(conn).schannel(),
        client_hello,
    });
    if info.http2 {
        let tcp_dup = match std::os::fd::AsFd::as_fd(tcp).try_clone_to_owned() {
            Ok(d) => d,
            Err(e) => {
                tracing::warn!(target: T, "TLS on {local}: cannot duplicate the socket ({e})");
                return;
            }
        };
        super::h2::serve(tls, tcp_dup, local, remote, info).await;
        return;
    }
    // HTTP/1.1: the engine's connection takes the socket and the TLS state; the runtime is done with it.
    let (NoSigPipe(tcp, _), conn) = tls.into_inner();
    match tcp.into_std() {
        Ok(tcp) => super::connection::Connection::start_tls(tcp, remote, conn, info),
        Err(e) => tracing::warn!(target: T, "TLS on {local}: cannot take the socket from the runtime ({e})"),
    }
}

/// One non-blocking `send` on a socket (the client's socket during the
/// handshake). `MSG_NOSIGNAL`: a peer that left must give an error, not kill the application with SIGPIPE
/// (a plain `write` on a UNIX socket would).
pub(super) fn send_nosignal(fd: std::os::fd::RawFd, buf: &[u8]) -> std::io::Result<usize> {
    // SAFETY: `buf` is a live slice for the duration of the call; `fd` is a socket the caller owns.
    let n = unsafe {
        libc::send(fd, buf.as_ptr() as *const libc::c_void, buf.len(), libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT)
    };
    if n < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

/// The client's TCP socket as the TLS layer writes it: with `MSG_NOSIGNAL`, never `writev` (which
/// `std`'s vectored write uses, and which raises SIGPIPE when the client has gone, killing the C
/// program that hosts the server). The second field, when there, records what is read (the
/// ClientHello, for a binding that keeps it; taken out once the acceptor has it).
struct NoSigPipe(tokio::net::TcpStream, Option<Vec<u8>>);

impl tokio::io::AsyncRead for NoSigPipe {
    fn poll_read(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let Some(record) = this.1.as_mut() else { return std::pin::Pin::new(&mut this.0).poll_read(cx, buf) };
        let before = buf.filled().len();
        let r = std::pin::Pin::new(&mut this.0).poll_read(cx, buf);
        // A ClientHello fits in a few records; more than that is not recorded (the extract then fails).
        if record.len() < MAX_CLIENT_HELLO {
            record.extend_from_slice(&buf.filled()[before..]);
        }
        r
    }
}

/// The most ClientHello bytes recorded (a handshake message is at most 2^24 bytes; rustls takes at most
/// 64 KiB of them, so a longer one is refused anyway).
const MAX_CLIENT_HELLO: usize = 64 * 1024 + 5 * 8;

/// The TLS records carrying the ClientHello at the start of `read` (what the acceptor read from the
/// socket: the ClientHello's records, perhaps followed by more): the record headers and fragments up to the
/// end of the record that completes the handshake message. None when they are not all there.
fn client_hello_records(read: &[u8]) -> Option<&[u8]> {
    const HANDSHAKE: u8 = 22;
    let mut at = 0;
    let mut message = Vec::new();
    loop {
        let header = read.get(at..at + 5)?;
        if header[0] != HANDSHAKE {
            return None;
        }
        let len = u16::from_be_bytes([header[3], header[4]]) as usize;
        message.extend_from_slice(read.get(at + 5..at + 5 + len)?);
        at += 5 + len;
        if message.len() >= 4 {
            let body = u32::from_be_bytes([0, message[1], message[2], message[3]]) as usize;
            if message.len() >= 4 + body {
                return Some(&read[..at]);
            }
        }
    }
}

impl tokio::io::AsyncWrite for NoSigPipe {
    fn poll_write(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        use std::os::fd::AsRawFd;
        let s = &self.get_mut().0;
        loop {
            std::task::ready!(s.poll_write_ready(cx))?;
            match s.try_io(tokio::io::Interest::WRITABLE, || send_nosignal(s.as_raw_fd(), buf)) {
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                r => return std::task::Poll::Ready(r),
            }
        }
    }
    fn poll_write_vectored(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let first = bufs.iter().find(|b| !b.is_empty()).map_or(&[][..], |b| &b[..]);
        self.poll_write(cx, first)
    }
    fn is_write_vectored(&self) -> bool {
        false
    }
    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.get_mut().0).poll_shutdown(cx)
    }
}

/// The key size of a cipher suite, by its IANA name.
fn cipher_key_bits(name: &str) -> u16 {
    if name.contains("AES_128") {
        128
    } else if name.contains("AES_256") || name.contains("CHACHA20") {
        256
    } else {
        0
    }
}

// ---------------------------------------------------------------------------------------------------
// Just enough DER to name the certificate's issuer and subject and size its key.

/// One DER element: (tag, contents, rest).
fn der(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, b) = b.split_first()?;
    let (&l0, mut b) = b.split_first()?;
    let len = if l0 < 0x80 {
        l0 as usize
    } else {
        let n = (l0 & 0x7f) as usize;
        if n == 0 || n > 4 || b.len() < n {
            return None;
        }
        let v = b[..n].iter().fold(0usize, |a, x| (a << 8) | *x as usize);
        b = &b[n..];
        v
    };
    if b.len() < len {
        return None;
    }
    Some((tag, &b[..len], &b[len..]))
}

fn oid_text(o: &[u8]) -> String {
    let mut parts = Vec::new();
    let mut v: u64 = 0;
    for (i, b) in o.iter().enumerate() {
        v = (v << 7) | (b & 0x7f) as u64;
        if b & 0x80 == 0 {
            if parts.is_empty() && i < 4 {
                parts.push((v.min(80) / 40).min(2));
                parts.push(v - parts[0] * 40);
            } else {
                parts.push(v);
            }
            v = 0;
        }
    }
    parts.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(".")
}

/// An X.500 name as "CN=..., O=..." (the order of the certificate).
fn name_text(mut name: &[u8]) -> String {
    let mut out = Vec::new();
    while let Some((_, set, rest)) = der(name) {
        name = rest;
        let mut set = set;
        while let Some((_, atv, r)) = der(set) {
            set = r;
            if let Some((6, oid, r)) = der(atv) {
                let value = der(r).map(|(_, v, _)| String::from_utf8_lossy(v).into_owned()).unwrap_or_default();
                let label = match oid {
                    [0x55, 0x04, 3] => "CN".to_string(),
                    [0x55, 0x04, 6] => "C".to_string(),
                    [0x55, 0x04, 7] => "L".to_string(),
                    [0x55, 0x04, 8] => "S".to_string(),
                    [0x55, 0x04, 10] => "O".to_string(),
                    [0x55, 0x04, 11] => "OU".to_string(),
                    o => oid_text(o),
                };
                out.push(format!("{label}={value}"));
            }
        }
    }
    out.join(", ")
}

/// (issuer, subject, public key bits) of a DER certificate.
fn describe(cert: &[u8]) -> Option<(String, String, u16)> {
    let (_, c, _) = der(cert)?;
    let (_, tbs, _) = der(c)?;
    let mut rest = tbs;
    let (tag, _, r) = der(rest)?;
    if tag == 0xa0 {
        rest = r; // version
    }
    let (_, _, r) = der(rest)?; // serial
    let (_, _, r) = der(r)?; // signature algorithm
    let (_, issuer, r) = der(r)?;
    let (_, _, r) = der(r)?; // validity
    let (_, subject, r) = der(r)?;
    let (_, spki, _) = der(r)?;
    let (_, alg, r) = der(spki)?;
    let (_, key_bits_str, _) = der(r)?;
    let (_, alg_oid, params) = der(alg)?;
    let bits = match alg_oid {
        // rsaEncryption: the modulus' size.
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01] => {
            let (_, rsa, _) = der(key_bits_str.get(1..)?)?;
            let (_, modulus, _) = der(rsa)?;
            let m: &[u8] = match modulus.iter().position(|b| *b != 0) {
                Some(i) => &modulus[i..],
                None => &[],
            };
            m.first().map(|top| (m.len() * 8 - top.leading_zeros() as usize) as u16).unwrap_or(0)
        }
        // id-ecPublicKey: the curve's size.
        [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01] => match der(params).map(|x| x.1) {
            Some([0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07]) => 256,
            Some([0x2b, 0x81, 0x04, 0x00, 0x22]) => 384,
            Some([0x2b, 0x81, 0x04, 0x00, 0x23]) => 521,
            _ => 0,
        },
        // Ed25519.
        [0x2b, 0x65, 0x70] => 256,
        _ => 0,
    };
    Some((name_text(issuer), name_text(subject), bits))
}
