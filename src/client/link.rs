//! What carries a request: its connection's two addresses and, over TLS, the negotiated protocol, cipher
//! suite, key exchange group and the server's certificate chain. Worked out once per connection
//! ([`super::conn::Conn::link`]) and recorded on the request when a connection takes it, before
//! `WINHTTP_CALLBACK_STATUS_SENDING_REQUEST` (where .NET's WinHttpHandler reads the server certificate and
//! the connection info). Answers `WINHTTP_OPTION_CONNECTION_INFO`, `_SECURITY_INFO`,
//! `_SECURITY_KEY_BITNESS` and `_SERVER_CERT_CONTEXT` in Schannel's terms ([`Schannel`]).
use crate::client::abi::{SecPkgContext_CipherInfo, SECPKGCONTEXT_CIPHERINFO_V1};
use crate::client::abi::{
    CALG_AES_128, CALG_AES_256, CALG_ECDH_EPHEM, CALG_SHA_256, CALG_SHA_384, SP_PROT_TLS1_0_CLIENT,
    SP_PROT_TLS1_1_CLIENT, SP_PROT_TLS1_2_CLIENT, SP_PROT_TLS1_3_CLIENT,
};
use crate::win32::wstr::{encode_fixed, WideUnit};
use std::net::{SocketAddr, TcpStream};

/// One connection as the options report it.
#[derive(Debug)]
pub struct Link {
    pub local: SocketAddr,
    pub remote: SocketAddr,
    pub tls: Option<TlsFacts>,
}

/// What the TLS handshake settled.
#[derive(Debug)]
pub struct TlsFacts {
    /// The protocol version as on the wire (0x0303 TLS 1.2, 0x0304 TLS 1.3).
    pub version: u16,
    /// The IANA cipher suite number and its name as Windows spells it (`TLS_AES_128_GCM_SHA256`).
    pub suite: u16,
    pub suite_name: String,
    /// The IANA named group of the key exchange (0 when not known).
    pub group: u16,
    /// The server's certificates in DER, its own first.
    pub chain: Vec<Vec<u8>>,
}

impl Link {
    /// The facts of a connected socket, with its TLS session when there is one.
    pub fn of(sock: &TcpStream, remote: SocketAddr, tls: Option<&rustls::ClientConnection>) -> Link {
        let local = sock.local_addr().unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 0)));
        Link { local, remote, tls: tls.map(|c| TlsFacts::of::<rustls::client::ClientConnectionData>(c)) }
    }
}

impl TlsFacts {
    /// The facts of a TLS session, either side's (the server's `HttpRequestPropertyTlsCipherInfo` too).
    pub fn of<D>(c: &rustls::ConnectionCommon<D>) -> TlsFacts {
        let suite = c.negotiated_cipher_suite().map(|s| s.suite());
        // rustls names TLS 1.3 suites `TLS13_*`; Windows (and IANA) `TLS_*`.
        let name = suite.and_then(|s| s.as_str()).unwrap_or_default();
        let suite_name = match name.strip_prefix("TLS13_") {
            Some(rest) => format!("TLS_{rest}"),
            None => name.to_string(),
        };
        TlsFacts {
            version: c.protocol_version().map(u16::from).unwrap_or(0),
            suite: suite.map(u16::from).unwrap_or(0),
            suite_name,
            group: c.negotiated_key_exchange_group().map(|g| u16::from(g.name())).unwrap_or(0),
            chain: c.peer_certificates().unwrap_or_default().iter().map(|d| d.as_ref().to_vec()).collect(),
        }
    }
}

/// A TLS session in the terms of Schannel's `SecPkgContext_ConnectionInfo` and `SecPkgContext_CipherInfo`
/// (the two halves of `WINHTTP_SECURITY_INFO`). Names are the BCrypt algorithm names Windows reports
/// (`AES`, `SHA256`, `ECDH`, `RSA`); ChaCha20-Poly1305 has no `ALG_ID`, so its `aiCipher` is 0.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Schannel {
    pub protocol: u32,
    pub cipher_alg: u32,
    pub cipher_bits: u32,
    pub hash_alg: u32,
    pub hash_bits: u32,
    pub exch_alg: u32,
    pub exch_bits: u32,
    pub version: u32,
    pub suite: u32,
    pub suite_name: String,
    pub cipher_name: &'static str,
    pub block_len: u32,
    pub hash_name: &'static str,
    pub exch_name: &'static str,
    pub cert_name: &'static str,
    /// The named group (Windows' `TLS_ECC_P256_CURVE_KEY_TYPE` and friends are the IANA numbers).
    pub key_type: u32,
}

impl TlsFacts {
    /// The session in Schannel's terms.
    pub fn schannel(&self) -> Schannel {
        let n = self.suite_name.as_str();
        let (cipher_name, cipher_alg, cipher_bits, block_len) = if n.contains("AES_128") {
            ("AES", CALG_AES_128, 128, 16)
        } else if n.contains("AES_256") {
            ("AES", CALG_AES_256, 256, 16)
        } else if n.contains("CHACHA20") {
            ("CHACHA20_POLY1305", 0, 256, 1)
        } else {
            ("", 0, 0, 0)
        };
        let (hash_name, hash_alg, hash_bits) = if n.ends_with("SHA384") {
            ("SHA384", CALG_SHA_384, 384)
        } else if n.ends_with("SHA256") {
            ("SHA256", CALG_SHA_256, 256)
        } else {
            ("", 0, 0)
        };
        let exch_bits = match self.group {
            29 => 255, // x25519
            23 => 256, // secp256r1
            24 => 384, // secp384r1
            25 => 521, // secp521r1
            30 => 448, // x448
            _ => 0,
        };
        let cert_name = if n.contains("_ECDSA_") {
            "ECDSA"
        } else if n.contains("_RSA_") {
            "RSA"
        } else {
            ""
        };
        Schannel {
            protocol: match self.version {
                0x0301 => SP_PROT_TLS1_0_CLIENT,
                0x0302 => SP_PROT_TLS1_1_CLIENT,
                0x0303 => SP_PROT_TLS1_2_CLIENT,
                0x0304 => SP_PROT_TLS1_3_CLIENT,
                _ => 0,
            },
            cipher_alg,
            cipher_bits,
            hash_alg,
            hash_bits,
            // Every suite rustls offers is an ephemeral (EC)DH exchange.
            exch_alg: CALG_ECDH_EPHEM,
            exch_bits,
            version: self.version as u32,
            suite: self.suite as u32,
            suite_name: self.suite_name.clone(),
            cipher_name,
            block_len,
            hash_name,
            exch_name: "ECDH",
            cert_name,
            key_type: self.group as u32,
        }
    }
}

impl Schannel {
    /// Schannel's `SecPkgContext_CipherInfo` of the session, in the caller's `WCHAR` width (all zeros
    /// without TLS).
    pub fn cipher_info<U: WideUnit>(&self) -> SecPkgContext_CipherInfo<U> {
        SecPkgContext_CipherInfo {
            dwVersion: if self.protocol != 0 { SECPKGCONTEXT_CIPHERINFO_V1 } else { 0 },
            dwProtocol: self.version,
            dwCipherSuite: self.suite,
            dwBaseCipherSuite: self.suite,
            szCipherSuite: encode_fixed(&self.suite_name),
            szCipher: encode_fixed(self.cipher_name),
            dwCipherLen: self.cipher_bits,
            dwCipherBlockLen: self.block_len,
            szHash: encode_fixed(self.hash_name),
            dwHashLen: self.hash_bits,
            szExchange: encode_fixed(self.exch_name),
            dwMinExchangeLen: self.exch_bits,
            dwMaxExchangeLen: self.exch_bits,
            szCertificate: encode_fixed(self.cert_name),
            dwKeyType: self.key_type,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(version: u16, suite: u16, name: &str, group: u16) -> TlsFacts {
        TlsFacts { version, suite, suite_name: name.into(), group, chain: vec![] }
    }

    /// (protocol, aiCipher, bits, aiHash, hash bits, exchange bits, certificate)
    type Seen = (u32, u32, u32, u32, u32, u32, &'static str);

    #[test]
    fn suites_read_in_schannel_terms() {
        // (version, suite, name, group) -> what Schannel's structures say
        let rows: &[(u16, u16, &str, u16, Seen)] = &[
            (0x0304, 0x1301, "TLS_AES_128_GCM_SHA256", 29, (0x2000, 0x660e, 128, 0x800c, 256, 255, "")),
            (0x0304, 0x1302, "TLS_AES_256_GCM_SHA384", 24, (0x2000, 0x6610, 256, 0x800d, 384, 384, "")),
            (0x0304, 0x1303, "TLS_CHACHA20_POLY1305_SHA256", 23, (0x2000, 0, 256, 0x800c, 256, 256, "")),
            (
                0x0303,
                0xc02f,
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                29,
                (0x800, 0x660e, 128, 0x800c, 256, 255, "RSA"),
            ),
            (
                0x0303,
                0xc02c,
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                23,
                (0x800, 0x6610, 256, 0x800d, 384, 256, "ECDSA"),
            ),
        ];
        for &(v, s, name, g, want) in rows {
            let c = facts(v, s, name, g).schannel();
            let got = (c.protocol, c.cipher_alg, c.cipher_bits, c.hash_alg, c.hash_bits, c.exch_bits, c.cert_name);
            assert_eq!(got, want, "{name}");
            assert_eq!((c.version, c.suite, c.key_type), (v as u32, s as u32, g as u32), "{name}");
        }
    }
}
