//! X.509 certificates as CryptoAPI shows them (`CERT_CONTEXT`/`CERT_INFO` of wincrypt.h): a small DER reader
//! for the fields `CERT_INFO` holds and the names `CertGetNameStringW` returns. The certificate is the one a
//! TLS server sent (`WINHTTP_OPTION_SERVER_CERT_CONTEXT`) or one a program hands to
//! `CertCreateCertificateContext`; nothing here verifies it (rustls did, during the handshake).
use crate::win32::abi::SYSTEMTIME;
use crate::win32::abi::{
    CERT_NAME_ATTR_TYPE, CERT_NAME_DNS_TYPE, CERT_NAME_EMAIL_TYPE, CERT_NAME_FRIENDLY_DISPLAY_TYPE,
    CERT_NAME_ISSUER_FLAG, CERT_NAME_SIMPLE_DISPLAY_TYPE, SZ_OID_COMMON_NAME, SZ_OID_ORGANIZATIONAL_UNIT_NAME,
    SZ_OID_ORGANIZATION_NAME, SZ_OID_RSA_EMAIL_ADDR, SZ_OID_SUBJECT_ALT_NAME2,
};
use crate::win32::error::*;
use crate::win32::time::filetime_from_system_time;
use std::ops::Range;

/// One DER element: its tag, the whole encoding and the contents, as ranges of the certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Tlv {
    pub tag: u8,
    pub whole: Range<usize>,
    pub body: Range<usize>,
}

/// Reads the element at `at` of `der` (definite lengths only, as DER requires).
fn tlv(der: &[u8], at: usize) -> Option<Tlv> {
    let tag = *der.get(at)?;
    let first = *der.get(at + 1)? as usize;
    let (len, head) = if first < 0x80 {
        (first, 2)
    } else {
        let n = first & 0x7f;
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = (len << 8) | *der.get(at + 2 + i)? as usize;
        }
        (len, 2 + n)
    };
    let start = at + head;
    let end = start.checked_add(len)?;
    (end <= der.len()).then_some(Tlv { tag, whole: at..end, body: start..end })
}

/// The elements inside a constructed element.
fn children(der: &[u8], body: &Range<usize>) -> Option<Vec<Tlv>> {
    let mut out = Vec::new();
    let mut at = body.start;
    while at < body.end {
        let t = tlv(der, at)?;
        if t.whole.end > body.end {
            return None;
        }
        at = t.whole.end;
        out.push(t);
    }
    Some(out)
}

/// An OBJECT IDENTIFIER's contents in dotted form (`1.2.840.10045.2.1`).
pub fn oid_text(b: &[u8]) -> String {
    let mut arcs: Vec<u64> = Vec::new();
    let mut v = 0u64;
    for &x in b {
        v = (v << 7) | (x & 0x7f) as u64;
        if x & 0x80 == 0 {
            if arcs.is_empty() {
                let first = if v < 40 {
                    0
                } else if v < 80 {
                    1
                } else {
                    2
                };
                arcs.push(first);
                arcs.push(v - first * 40);
            } else {
                arcs.push(v);
            }
            v = 0;
        }
    }
    arcs.iter().map(|a| a.to_string()).collect::<Vec<_>>().join(".")
}

/// A UTCTime or GeneralizedTime (`YYMMDDHHMMSSZ` / `YYYYMMDDHHMMSSZ`) as a FILETIME value.
fn time_value(tag: u8, s: &[u8]) -> Option<u64> {
    let digits = |r: Range<usize>| -> Option<u16> { std::str::from_utf8(s.get(r)?).ok()?.parse().ok() };
    let (year, rest) = match tag {
        0x17 => {
            let yy = digits(0..2)?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, 2)
        }
        0x18 => (digits(0..4)?, 4),
        _ => return None,
    };
    let st = SYSTEMTIME {
        wYear: year,
        wMonth: digits(rest..rest + 2)?,
        wDayOfWeek: 0,
        wDay: digits(rest + 2..rest + 4)?,
        wHour: digits(rest + 4..rest + 6)?,
        wMinute: digits(rest + 6..rest + 8)?,
        wSecond: digits(rest + 8..rest + 10).unwrap_or(0),
        wMilliseconds: 0,
    };
    filetime_from_system_time(&st).ok()
}

/// An algorithm identifier: its OID in dotted form and the encoding of its parameters (empty when absent).
#[derive(Clone, Debug, PartialEq)]
pub struct Algorithm {
    pub oid: String,
    pub params: Range<usize>,
}

/// An extension of a version 3 certificate.
#[derive(Clone, Debug, PartialEq)]
pub struct Extension {
    pub oid: String,
    pub critical: bool,
    /// The contents of its OCTET STRING.
    pub value: Range<usize>,
}

/// The fields of `CERT_INFO`, as ranges of the certificate's DER.
#[derive(Clone, Debug, PartialEq)]
pub struct CertFields {
    /// `CERT_V1` (0) .. `CERT_V3` (2).
    pub version: u32,
    /// The serial number's contents, big-endian as encoded (`CERT_INFO` holds it reversed).
    pub serial: Range<usize>,
    pub signature: Algorithm,
    /// The encoded issuer and subject names (what `CERT_NAME_BLOB`s hold).
    pub issuer: Range<usize>,
    pub subject: Range<usize>,
    pub not_before: u64,
    pub not_after: u64,
    pub key_algorithm: Algorithm,
    /// The subject public key's bits (after the unused-bits byte) and that count.
    pub key: Range<usize>,
    pub key_unused_bits: u32,
    pub extensions: Vec<Extension>,
}

fn algorithm(der: &[u8], t: &Tlv) -> Option<Algorithm> {
    let parts = children(der, &t.body)?;
    let oid = parts.first().filter(|o| o.tag == 0x06)?;
    let params = parts.get(1).map_or(oid.whole.end..oid.whole.end, |p| p.whole.clone());
    Some(Algorithm { oid: oid_text(&der[oid.body.clone()]), params })
}

/// Reads the `CERT_INFO` fields of a DER certificate. Bytes that end before the outer structure does:
/// `CRYPT_E_ASN1_EOD`; anything else that is not a certificate: `CRYPT_E_ASN1_BADTAG`.
pub fn parse(der: &[u8]) -> WinResult<CertFields> {
    parse_fields(der).ok_or_else(|| {
        let cut_short = der.len() < 2 || tlv(der, 0).is_none_or(|t| t.whole.end > der.len());
        if cut_short {
            CRYPT_E_ASN1_EOD
        } else {
            CRYPT_E_ASN1_BADTAG
        }
    })
}

fn parse_fields(der: &[u8]) -> Option<CertFields> {
    let cert = tlv(der, 0).filter(|t| t.tag == 0x30 && t.whole.end == der.len())?;
    let tbs = children(der, &cert.body)?.into_iter().next().filter(|t| t.tag == 0x30)?;
    let mut f = children(der, &tbs.body)?.into_iter().peekable();
    let mut version = 0;
    if let Some(v) = f.next_if(|t| t.tag == 0xa0) {
        let int = children(der, &v.body)?.into_iter().next().filter(|t| t.tag == 0x02)?;
        version = der[int.body.clone()].iter().fold(0u32, |a, &b| (a << 8) | b as u32);
    }
    let serial = f.next().filter(|t| t.tag == 0x02)?.body;
    let signature = algorithm(der, &f.next().filter(|t| t.tag == 0x30)?)?;
    let issuer = f.next().filter(|t| t.tag == 0x30)?.whole;
    let validity = children(der, &f.next().filter(|t| t.tag == 0x30)?.body)?;
    let not_before = time_value(validity.first()?.tag, &der[validity.first()?.body.clone()])?;
    let not_after = time_value(validity.get(1)?.tag, &der[validity.get(1)?.body.clone()])?;
    let subject = f.next().filter(|t| t.tag == 0x30)?.whole;
    let spki = children(der, &f.next().filter(|t| t.tag == 0x30)?.body)?;
    let key_algorithm = algorithm(der, spki.first().filter(|t| t.tag == 0x30)?)?;
    let bits = spki.get(1).filter(|t| t.tag == 0x03 && !t.body.is_empty())?;
    let key_unused_bits = der[bits.body.start] as u32;
    let key = bits.body.start + 1..bits.body.end;
    let mut extensions = Vec::new();
    for t in f {
        if t.tag != 0xa3 {
            continue; // issuerUniqueID [1], subjectUniqueID [2]: not kept
        }
        let list = children(der, &t.body)?.into_iter().next().filter(|l| l.tag == 0x30)?;
        for e in children(der, &list.body)? {
            let parts = children(der, &e.body)?;
            let oid = parts.first().filter(|o| o.tag == 0x06)?;
            let critical = parts.get(1).is_some_and(|c| c.tag == 0x01 && der.get(c.body.start) == Some(&0xff));
            let value = parts.last().filter(|v| v.tag == 0x04)?.body.clone();
            extensions.push(Extension { oid: oid_text(&der[oid.body.clone()]), critical, value });
        }
    }
    Some(CertFields {
        version,
        serial,
        signature,
        issuer,
        subject,
        not_before,
        not_after,
        key_algorithm,
        key,
        key_unused_bits,
        extensions,
    })
}

/// The value of a directory string (UTF8String, PrintableString, IA5String, T61String, BMPString,
/// UniversalString) as text.
fn directory_string(tag: u8, b: &[u8]) -> Option<String> {
    Some(match tag {
        0x0c | 0x13 | 0x16 | 0x14 => String::from_utf8_lossy(b).into_owned(),
        0x1e => char::decode_utf16(b.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])))
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect(),
        0x1c => b
            .chunks_exact(4)
            .map(|c| char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{FFFD}'))
            .collect(),
        _ => return None,
    })
}

/// The attributes of an encoded Name, in order: (OID, text).
pub fn name_attributes(der: &[u8], name: &Range<usize>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(seq) = tlv(der, name.start) else { return out };
    for rdn in children(der, &seq.body).unwrap_or_default() {
        for atv in children(der, &rdn.body).unwrap_or_default() {
            let parts = children(der, &atv.body).unwrap_or_default();
            if let (Some(o), Some(v)) = (parts.first(), parts.get(1)) {
                if let Some(text) = directory_string(v.tag, &der[v.body.clone()]) {
                    out.push((oid_text(&der[o.body.clone()]), text));
                }
            }
        }
    }
    out
}

/// The dNSName entries (`[2]`) or rfc822Name entries (`[1]`) of the subject alternative names.
fn alt_names(der: &[u8], f: &CertFields, tag: u8) -> Vec<String> {
    let Some(ext) = f.extensions.iter().find(|e| e.oid == SZ_OID_SUBJECT_ALT_NAME2) else { return vec![] };
    let Some(seq) = tlv(der, ext.value.start) else { return vec![] };
    children(der, &seq.body)
        .unwrap_or_default()
        .into_iter()
        .filter(|n| n.tag == tag)
        .map(|n| String::from_utf8_lossy(&der[n.body.clone()]).into_owned())
        .collect()
}

/// `CertGetNameStringW`'s answer ("" when the certificate has no such name), for the subject or, with
/// `CERT_NAME_ISSUER_FLAG`, the issuer. `attr` is the OID of `CERT_NAME_ATTR_TYPE`.
pub fn name_string(der: &[u8], f: &CertFields, kind: u32, flags: u32, attr: Option<&str>) -> String {
    let issuer = flags & CERT_NAME_ISSUER_FLAG != 0;
    let attrs = name_attributes(der, if issuer { &f.issuer } else { &f.subject });
    let find = |oid: &str| attrs.iter().find(|(o, _)| o == oid).map(|(_, v)| v.clone());
    let first_of = |oids: &[&str]| oids.iter().find_map(|o| find(o));
    match kind {
        CERT_NAME_ATTR_TYPE => attr.and_then(find).unwrap_or_default(),
        CERT_NAME_EMAIL_TYPE => {
            let alt = if issuer { None } else { alt_names(der, f, 0x81).into_iter().next() };
            alt.or_else(|| find(SZ_OID_RSA_EMAIL_ADDR)).unwrap_or_default()
        }
        CERT_NAME_DNS_TYPE => {
            let alt = if issuer { None } else { alt_names(der, f, 0x82).into_iter().next() };
            alt.or_else(|| find(SZ_OID_COMMON_NAME)).unwrap_or_default()
        }
        // The simple display name: the common name, else the unit, the organisation, an e-mail address.
        CERT_NAME_SIMPLE_DISPLAY_TYPE | CERT_NAME_FRIENDLY_DISPLAY_TYPE => first_of(&[
            SZ_OID_COMMON_NAME,
            SZ_OID_ORGANIZATIONAL_UNIT_NAME,
            SZ_OID_ORGANIZATION_NAME,
            SZ_OID_RSA_EMAIL_ADDR,
        ])
        .unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oids_read_in_dotted_form() {
        let rows: &[(&[u8], &str)] = &[
            (&[0x55, 0x04, 0x03], "2.5.4.3"),
            (&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01], "1.2.840.10045.2.1"),
            (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b], "1.2.840.113549.1.1.11"),
        ];
        for &(b, want) in rows {
            assert_eq!(oid_text(b), want);
        }
    }

    #[test]
    fn times_read_as_filetime() {
        // 2000-01-01 00:00:00 UTC = 125911584000000000
        assert_eq!(time_value(0x17, b"000101000000Z"), Some(125_911_584_000_000_000));
        assert_eq!(time_value(0x18, b"20000101000000Z"), Some(125_911_584_000_000_000));
        assert_eq!(time_value(0x17, b"991231235959Z").map(|v| v < 125_911_584_000_000_000), Some(true));
        assert_eq!(time_value(0x05, b""), None);
    }

    #[test]
    fn truncated_and_foreign_bytes_are_asn1_errors() {
        assert_eq!(parse(b""), Err(CRYPT_E_ASN1_EOD));
        assert_eq!(parse(&[0x30, 0x05, 0x01]), Err(CRYPT_E_ASN1_EOD));
        assert_eq!(parse(&[0x30, 0x00]), Err(CRYPT_E_ASN1_BADTAG));
    }
}
