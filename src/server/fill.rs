//! Copies a request into the caller's buffer in one pass, as http.sys lays it out: the
//! `HTTP_REQUEST_V1`/`V2` structure first, then everything it points to, all inside the buffer
//! (unknown-header array, the two socket addresses, the entity chunk, the cooked URL in the caller's
//! `WCHAR` width, then the byte strings, each NUL-terminated although lengths exclude the NUL), then,
//! with `HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY`, as much body as is here and fits.
//!
//! The structures are the `#[repr(C)]` definitions of the C edge (plain data, no logic).
use super::request::Request;
use crate::server::abi;
use crate::server::abi::*;
use crate::win32::overlapped::CallerBuf;
use crate::win32::sockaddr;
use crate::win32::wstr::{self, WideUnit};

pub const REQUEST_V1_SIZE: usize = std::mem::size_of::<HTTP_REQUEST_V1>();
pub const REQUEST_V2_SIZE: usize = std::mem::size_of::<HTTP_REQUEST_V2>();

/// Request header names by `HTTP_HEADER_ID` (request side, 0..40).
pub const REQUEST_HEADER_NAMES: [&str; 41] = abi::header_names(&[
    "Accept",
    "Accept-Charset",
    "Accept-Encoding",
    "Accept-Language",
    "Authorization",
    "Cookie",
    "Expect",
    "From",
    "Host",
    "If-Match",
    "If-Modified-Since",
    "If-None-Match",
    "If-Range",
    "If-Unmodified-Since",
    "Max-Forwards",
    "Proxy-Authorization",
    "Referer",
    "Range",
    "TE",
    "Translate",
    "User-Agent",
]);

/// `HTTP_HEADER_ID` of a request header name.
pub fn request_header_id(name: &[u8]) -> Option<usize> {
    // Candidates by length first: at most a few names share one.
    const BY_LEN: [&[u8]; 20] = [
        &[],
        &[],
        &[38],                // TE
        &[8],                 // Via
        &[2, 27, 28],         // Date, From, Host
        &[10, 37],            // Allow, Range
        &[4, 20, 25, 26],     // Pragma, Accept, Cookie, Expect
        &[5, 7, 9, 18, 36],   // Trailer, Upgrade, Warning, Expires, Referer
        &[29, 32],            // If-Match, If-Range
        &[39],                // Translate
        &[1, 3, 40],          // Connection, Keep-Alive, User-Agent
        &[16],                // Content-MD5
        &[12, 34],            // Content-Type, Max-Forwards
        &[0, 17, 19, 24, 31], // Cache-Control, Content-Range, Last-Modified, Authorization, If-None-Match
        &[11, 21],            // Content-Length, Accept-Charset
        &[22, 23],            // Accept-Encoding, Accept-Language
        &[13, 14, 15],        // Content-Encoding, Content-Language, Content-Location
        &[6, 30],             // Transfer-Encoding, If-Modified-Since
        &[],
        &[33, 35], // If-Unmodified-Since, Proxy-Authorization
    ];
    // Statics, not consts: indexed at run time, a const table would be copied onto the stack each call.
    static BY_LEN_TABLE: [&[u8]; 20] = BY_LEN;
    let cands = BY_LEN_TABLE.get(name.len())?;
    // A word at a time: each candidate's letters may differ from the name's by their case bit alone.
    let mut bytes = [0u8; 24];
    bytes[..name.len()].copy_from_slice(name);
    let word = |j: usize| u64::from_le_bytes(bytes[8 * j..8 * j + 8].try_into().expect("eight bytes"));
    let (w0, w1, w2) = (word(0), word(1), word(2));
    cands.iter().map(|&i| i as usize).find(|&i| {
        let k = &NAME_WORDS[i];
        w0 | k.fold[0] == k.lower[0] && w1 | k.fold[1] == k.lower[1] && w2 | k.fold[2] == k.lower[2]
    })
}

/// A known request header name (at most 24 bytes) as three little-endian words: its bytes with letters
/// lowercased, and the case bit (0x20) at each letter. A name's word OR `fold` equals `lower` exactly when
/// the name is this one in any letter case (a non-letter must match as it is).
#[derive(Clone, Copy)]
struct NameWords {
    lower: [u64; 3],
    fold: [u64; 3],
}

const fn name_words(name: &str) -> NameWords {
    let b = name.as_bytes();
    assert!(b.len() <= 24);
    let mut w = NameWords { lower: [0; 3], fold: [0; 3] };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let shift = 8 * (i % 8);
        if c.is_ascii_alphabetic() {
            w.lower[i / 8] |= ((c | 0x20) as u64) << shift;
            w.fold[i / 8] |= 0x20 << shift;
        } else {
            w.lower[i / 8] |= (c as u64) << shift;
        }
        i += 1;
    }
    w
}

static NAME_WORDS: [NameWords; 41] = {
    let mut out = [NameWords { lower: [0; 3], fold: [0; 3] }; 41];
    let mut i = 0;
    while i < out.len() {
        out[i] = name_words(REQUEST_HEADER_NAMES[i]);
        i += 1;
    }
    out
};

static VERBS: [&[u8]; 17] = [
    b"OPTIONS",
    b"GET",
    b"HEAD",
    b"POST",
    b"PUT",
    b"DELETE",
    b"TRACE",
    b"CONNECT",
    b"TRACK",
    b"MOVE",
    b"COPY",
    b"PROPFIND",
    b"PROPPATCH",
    b"MKCOL",
    b"LOCK",
    b"UNLOCK",
    b"SEARCH",
];
const HTTP_VERB_UNKNOWN: i32 = 1;

/// `HTTP_VERB` of a method (`HttpVerbUnknown` for the rest).
pub fn verb_of(method: &[u8]) -> i32 {
    VERBS.iter().position(|v| *v == method).map(|i| i as i32 + 3).unwrap_or(HTTP_VERB_UNKNOWN)
}

fn align(n: usize, a: usize) -> usize {
    (n + a - 1) & !(a - 1)
}

const SOCKADDR_SLOT: usize = 32;

fn struct_bytes<T>(v: &T) -> &[u8] {
    // SAFETY: T is a plain #[repr(C)] structure of integers and pointers; reading its bytes is sound.
    unsafe { std::slice::from_raw_parts(v as *const T as *const u8, std::mem::size_of::<T>()) }
}

/// Fills `buf` with `req`. `Ok(bytes used)`, or `Err(bytes needed)` (`ERROR_MORE_DATA`: only the ids
/// are written, so the caller can receive the request again by id).
pub fn fill_request<U: WideUnit>(req: &Request, buf: &mut CallerBuf, flags: u32, v2: bool) -> Result<u32, u32> {
    let head = &req.head;
    let hb = &head.buf;
    let struct_size = if v2 { REQUEST_V2_SIZE } else { REQUEST_V1_SIZE };

    // Known headers (several occurrences are joined with ", "), unknown ones in order. Which ids occur
    // (and which more than once) are bit sets, so only the headers present are visited.
    let mut known: u64 = 0;
    let mut repeated: u64 = 0;
    // The field of each known id's first occurrence.
    let mut first = [0u16; 41];
    // Header ids by field (on the stack for the usual few fields).
    let mut ids_small = [None; 32];
    let mut ids_big = Vec::new();
    let ids: &mut [Option<u8>] = if head.fields.len() <= ids_small.len() {
        &mut ids_small[..head.fields.len()]
    } else {
        ids_big.resize(head.fields.len(), None);
        &mut ids_big
    };
    let mut unknown_count = 0usize;
    let mut strings = 0usize;
    for (k, (slot, f)) in ids.iter_mut().zip(&head.fields).enumerate() {
        let id = request_header_id(f.name.of(hb));
        match id {
            Some(i) if known & (1 << i) != 0 => {
                // Joined to the first with ", ".
                repeated |= 1 << i;
                strings += f.value.len as usize + 2;
            }
            Some(i) => {
                known |= 1 << i;
                first[i] = k as u16;
                strings += f.value.len as usize + 1;
            }
            None => {
                unknown_count += 1;
                strings += f.name.len as usize + 1 + f.value.len as usize + 1;
            }
        }
        // Ids are below 41: a byte each keeps the list small.
        *slot = id.map(|i| i as u8);
    }
    let ids: &[Option<u8>] = ids;
    let verb = verb_of(head.method());
    if verb == HTTP_VERB_UNKNOWN {
        strings += head.method.len as usize + 1;
    }
    strings += head.target.len as usize + 1;
    let ssl = req.conn.tls.as_deref();
    if let Some(t) = ssl {
        strings += t.issuer.len() + 1 + t.subject.len() + 1;
    }

    // The cooked URL in code units: an ASCII URL (the usual one) widens byte by byte, straight into the
    // buffer; any other is encoded first.
    let cooked = &req.cooked;
    let ascii = cooked.is_ascii();
    let encoded: Option<[Vec<U>; 3]> = (!ascii).then(|| {
        [wstr::encode::<U>(cooked.scheme_host()), wstr::encode::<U>(cooked.path()), wstr::encode::<U>(cooked.query())]
    });
    let (sh_units, path_units, query_units) = match &encoded {
        Some([a, b, c]) => (a.len(), b.len(), c.len()),
        None => (cooked.scheme_host().len(), cooked.path().len(), cooked.query().len()),
    };
    let url_units = sh_units + path_units + query_units + 1;

    let copy_body = flags & (HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY | HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY) != 0
        && head.framing != crate::http1::request::Framing::None;
    // Offsets from the end of the structure (its size is a multiple of 8, so alignments hold either way).
    let unknown_off = 0;
    let addr_off = align(unknown_off + unknown_count * 24, 8);
    let chunk_off = addr_off + 2 * SOCKADDR_SLOT;
    let ssl_off = align(chunk_off + if copy_body { 32 } else { 0 }, 8);
    // Version 2 over TLS: one HTTP_REQUEST_INFO (HttpRequestInfoTypeSslProtocol) and its data.
    let info_off = align(ssl_off + if ssl.is_some() { SSL_INFO_SIZE } else { 0 }, 8);
    let with_info = v2 && ssl.is_some();
    let url_off = align(info_off + if with_info { REQUEST_INFO_SIZE + SSL_PROTOCOL_INFO_SIZE } else { 0 }, 8);
    let str_off = url_off + url_units * U::SIZE;
    let needed = struct_size + str_off + strings;

    // SAFETY: the receive that holds `buf` is completing now; the caller's buffer is valid until then.
    let out = unsafe { buf.slice_mut() };
    if out.len() < needed {
        out[..struct_size].fill(0);
        let mut r: HTTP_REQUEST_V1 = unsafe_zeroed();
        r.ConnectionId = req.conn.reported_id();
        r.RequestId = req.id;
        out[..REQUEST_V1_SIZE].copy_from_slice(struct_bytes(&r));
        return Err(needed as u32);
    }
    // The structure is built in place at the start of the caller's buffer (no copy of ~850 bytes from the
    // stack); `out` is what follows it, where everything it points to goes.
    let (head_bytes, out) = out.split_at_mut(struct_size);
    assert!(head_bytes.as_ptr() as usize % std::mem::align_of::<HTTP_REQUEST_V2>() == 0, "receive checks alignment");
    let base = buf.addr() + struct_size;
    let ptr = |off: usize| (base + off) as *const u8;
    head_bytes.fill(0);
    let (r, r2): (&mut HTTP_REQUEST_V1, Option<(&mut u16, &mut *const std::ffi::c_void)>) = if v2 {
        // SAFETY: `head_bytes` is `REQUEST_V2_SIZE` bytes, aligned (asserted above), all zero: a valid
        // `HTTP_REQUEST_V2` (plain integers and pointers), borrowed exclusively for the rest of this call.
        let r = unsafe { &mut *(head_bytes.as_mut_ptr() as *mut HTTP_REQUEST_V2) };
        (&mut r.Base, Some((&mut r.RequestInfoCount, &mut r.pRequestInfo)))
    } else {
        // SAFETY: as above, `REQUEST_V1_SIZE` bytes, an `HTTP_REQUEST_V1`.
        (unsafe { &mut *(head_bytes.as_mut_ptr() as *mut HTTP_REQUEST_V1) }, None)
    };
    r.ConnectionId = req.conn.reported_id();
    r.RequestId = req.id;
    r.UrlContext = req.url_context;
    r.Version = HTTP_VERSION { MajorVersion: 1, MinorVersion: head.minor as u16 };
    if ssl.is_some_and(|s| s.http2) {
        // A stream of an HTTP/2 connection, relayed to this engine as HTTP/1.1 (super::h2).
        r.Version = HTTP_VERSION { MajorVersion: 2, MinorVersion: 0 };
        r.Flags |= HTTP_REQUEST_FLAG_HTTP2;
    }
    r.Verb = verb;

    // Byte strings.
    let mut at = str_off;
    let mut put = |out: &mut [u8], parts: &[&[u8]], sep: &[u8]| -> (usize, usize) {
        let start = at;
        for (k, p) in parts.iter().enumerate() {
            if k > 0 {
                out[at..at + sep.len()].copy_from_slice(sep);
                at += sep.len();
            }
            out[at..at + p.len()].copy_from_slice(p);
            at += p.len();
        }
        out[at] = 0;
        let len = at - start;
        at += 1;
        (start, len)
    };
    if verb == HTTP_VERB_UNKNOWN {
        let (s, l) = put(out, &[head.method()], b"");
        r.pUnknownVerb = ptr(s);
        r.UnknownVerbLength = l as u16;
    }
    let (s, l) = put(out, &[head.target()], b"");
    r.pRawUrl = ptr(s);
    r.RawUrlLength = l as u16;
    let mut left = known;
    while left != 0 {
        let i = left.trailing_zeros() as usize;
        left &= left - 1;
        let (s, l) = match repeated & (1 << i) {
            0 => put(out, &[head.fields[first[i] as usize].value.of(hb)], b""),
            _ => {
                let parts: Vec<&[u8]> = head
                    .fields
                    .iter()
                    .zip(ids)
                    .filter(|(_, id)| **id == Some(i as u8))
                    .map(|(f, _)| f.value.of(hb))
                    .collect();
                put(out, &parts, b", ")
            }
        };
        r.Headers.KnownHeaders[i] = HTTP_KNOWN_HEADER { RawValueLength: l as u16, pRawValue: ptr(s) };
    }
    let mut k = 0;
    for (f, id) in head.fields.iter().zip(ids) {
        if id.is_some() {
            continue;
        }
        let (ns, nl) = put(out, &[f.name.of(hb)], b"");
        let (vs, vl) = put(out, &[f.value.of(hb)], b"");
        let h = HTTP_UNKNOWN_HEADER {
            NameLength: nl as u16,
            RawValueLength: vl as u16,
            pName: ptr(ns),
            pRawValue: ptr(vs),
        };
        let o = unknown_off + k * 24;
        out[o..o + 24].copy_from_slice(struct_bytes(&h));
        k += 1;
    }
    if let Some(t) = ssl {
        // HTTP_SSL_INFO: no client certificate is negotiated (pClientCertInfo NULL).
        let (is, il) = put(out, &[t.issuer.as_bytes()], b"");
        let (ss, sl) = put(out, &[t.subject.as_bytes()], b"");
        let info = HTTP_SSL_INFO {
            ServerCertKeySize: t.server_cert_key_size,
            ConnectionKeySize: t.connection_key_size,
            ServerCertIssuerSize: il as u32,
            ServerCertSubjectSize: sl as u32,
            pServerCertIssuer: ptr(is),
            pServerCertSubject: ptr(ss),
            pClientCertInfo: std::ptr::null(),
            SslClientCertNegotiated: 0,
        };
        out[ssl_off..ssl_off + SSL_INFO_SIZE].copy_from_slice(struct_bytes(&info));
        r.pSslInfo = ptr(ssl_off) as *const _;
    }
    if unknown_count > 0 {
        r.Headers.UnknownHeaderCount = unknown_count as u16;
        r.Headers.pUnknownHeaders = ptr(unknown_off) as *const HTTP_UNKNOWN_HEADER;
    }

    // Addresses.
    sockaddr::write(&mut out[addr_off..addr_off + SOCKADDR_SLOT], &req.conn.remote);
    sockaddr::write(&mut out[addr_off + SOCKADDR_SLOT..addr_off + 2 * SOCKADDR_SLOT], &req.conn.local);
    r.Address = HTTP_TRANSPORT_ADDRESS {
        pRemoteAddress: ptr(addr_off) as *const _,
        pLocalAddress: ptr(addr_off + SOCKADDR_SLOT) as *const _,
    };

    // The cooked URL: one string, host/path/query point into it; lengths in bytes without the NUL.
    let mut u = url_off;
    match &encoded {
        None => {
            let bytes = cooked.full().as_bytes();
            let dst = &mut out[u..u + bytes.len() * U::SIZE];
            if U::SIZE == 2 {
                widen::<2>(bytes, dst);
            } else {
                widen::<4>(bytes, dst);
            }
            u += bytes.len() * U::SIZE;
        }
        Some(pieces) => {
            for unit in pieces.iter().flatten() {
                out[u..u + U::SIZE].copy_from_slice(struct_bytes(unit));
                u += U::SIZE;
            }
        }
    }
    out[u..u + U::SIZE].fill(0);
    let units = |n: usize| (n * U::SIZE) as u16;
    let scheme_units = if cooked.scheme_host().starts_with("https://") { "https://".len() } else { "http://".len() };
    let host_units = sh_units - scheme_units;
    r.CookedUrl = HTTP_COOKED_URL {
        FullUrlLength: units(sh_units + path_units + query_units),
        HostLength: units(host_units),
        AbsPathLength: units(path_units),
        QueryStringLength: units(query_units),
        pFullUrl: ptr(url_off) as *const _,
        pHost: ptr(url_off + scheme_units * U::SIZE) as *const _,
        pAbsPath: ptr(url_off + sh_units * U::SIZE) as *const _,
        pQueryString: if query_units == 0 {
            std::ptr::null()
        } else {
            ptr(url_off + (sh_units + path_units) * U::SIZE) as *const _
        },
    };

    // Body: what is already here, as much as fits after everything else.
    let mut used = needed;
    let body_off = needed - struct_size;
    let (more, raw) = if copy_body {
        let (n, more, raw) = req.conn.copy_body_into(req, &mut out[body_off..]);
        if n > 0 {
            let chunk = HTTP_DATA_CHUNK {
                DataChunkType: HttpDataChunkFromMemory,
                Anonymous: [(base + body_off) as u64, n as u64, 0],
            };
            out[chunk_off..chunk_off + 32].copy_from_slice(struct_bytes(&chunk));
            r.EntityChunkCount = 1;
            r.pEntityChunks = ptr(chunk_off) as *const HTTP_DATA_CHUNK;
            used += n;
        }
        (more, raw)
    } else {
        req.conn.body_status(req)
    };
    if more {
        r.Flags |= HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS;
    }
    r.BytesReceived = hb.len() as u64 + raw;

    if let (true, Some(t), Some((count, info_ptr))) = (with_info, ssl, r2) {
        // RequestInfoCount = 0, pRequestInfo = NULL otherwise: no authentication information to report; over
        // TLS one entry, the negotiated protocol.
        let p = &t.protocol;
        let proto = HTTP_SSL_PROTOCOL_INFO {
            Protocol: p.protocol,
            CipherType: p.cipher_type,
            CipherStrength: p.cipher_strength,
            HashType: p.hash_type,
            HashStrength: p.hash_strength,
            KeyExchangeType: p.key_exchange_type,
            KeyExchangeStrength: p.key_exchange_strength,
        };
        let data_off = info_off + REQUEST_INFO_SIZE;
        out[data_off..data_off + SSL_PROTOCOL_INFO_SIZE].copy_from_slice(struct_bytes(&proto));
        let info = HTTP_REQUEST_INFO {
            InfoType: HttpRequestInfoTypeSslProtocol,
            InfoLength: SSL_PROTOCOL_INFO_SIZE as u32,
            pInfo: ptr(data_off) as *const _,
        };
        out[info_off..info_off + REQUEST_INFO_SIZE].copy_from_slice(struct_bytes(&info));
        *count = 1;
        *info_ptr = ptr(info_off) as *const _;
    }
    Ok(used as u32)
}

/// Widens ASCII `bytes` into `dst` (`bytes.len() * W` bytes), `W` bytes a unit in native order: eight
/// units at a time through a fixed-size block the compiler widens in registers (a URL is tens of bytes;
/// a unit at a time cost five instructions a byte).
fn widen<const W: usize>(bytes: &[u8], dst: &mut [u8]) {
    let mut src = bytes.chunks_exact(8);
    let mut out = dst.chunks_exact_mut(8 * W);
    for (d, b) in out.by_ref().zip(src.by_ref()) {
        let mut block = [0u8; 32];
        for k in 0..8 {
            unit::<W>(b[k], &mut block[k * W..k * W + W]);
        }
        d.copy_from_slice(&block[..8 * W]);
    }
    for (d, &b) in out.into_remainder().chunks_exact_mut(W).zip(src.remainder()) {
        unit::<W>(b, d);
    }
}

/// One byte as a `W`-byte unit in native order.
#[inline(always)]
fn unit<const W: usize>(b: u8, d: &mut [u8]) {
    if W == 2 {
        d.copy_from_slice(&(b as u16).to_ne_bytes());
    } else {
        d.copy_from_slice(&(b as u32).to_ne_bytes());
    }
}

fn unsafe_zeroed<T>() -> T {
    // SAFETY: used only for the #[repr(C)] request structures, for which all-zero (NULL pointers,
    // zero counts) is the valid empty value.
    unsafe { std::mem::zeroed() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_ids_by_name_match_the_table() {
        for (i, n) in REQUEST_HEADER_NAMES.iter().enumerate() {
            assert_eq!(request_header_id(n.as_bytes()), Some(i), "{n}");
            assert_eq!(request_header_id(n.to_ascii_lowercase().as_bytes()), Some(i), "{n}");
        }
        assert_eq!(request_header_id(b"USER-AGENT"), Some(40));
        // Case folds letters only: a byte that differs from '-' by the case bit is another name.
        assert_eq!(request_header_id(b"User\rAgent"), None);
        assert_eq!(request_header_id(b"X-Custom"), None);
        assert_eq!(request_header_id(b""), None);
        assert_eq!(request_header_id(b"A-Very-Long-Header-Name-Indeed"), None);
        // Compared a word at a time: every byte counts, a letter's case alone may differ.
        assert_eq!(request_header_id(b"hOsT"), Some(28));
        assert_eq!(request_header_id(b"If_Match"), None);
        assert_eq!(request_header_id(b"Proxy-Authorizatiom"), None);
        assert_eq!(request_header_id(b"proxy-authorization"), Some(35));
        assert_eq!(request_header_id(b"Hos\x14"), None);
    }

    #[test]
    fn urls_widen_to_either_unit_whatever_their_length() {
        let text: Vec<u8> = (0..40u8).map(|i| b'!' + i).collect();
        for n in 0..=text.len() {
            let bytes = &text[..n];
            let mut two = vec![0xAAu8; n * 2];
            widen::<2>(bytes, &mut two);
            let want2: Vec<u8> = bytes.iter().flat_map(|&b| (b as u16).to_ne_bytes()).collect();
            assert_eq!(two, want2, "UTF-16, {n} bytes");
            let mut four = vec![0xAAu8; n * 4];
            widen::<4>(bytes, &mut four);
            let want4: Vec<u8> = bytes.iter().flat_map(|&b| (b as u32).to_ne_bytes()).collect();
            assert_eq!(four, want4, "UTF-32, {n} bytes");
        }
    }
}
