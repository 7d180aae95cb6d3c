//! The application's response head for an HTTP/2 stream, as fields: the engine's connection of the
//! stream hands it to the relay through the pipe ([`super::pipe::Pipe::put_head`]) instead of writing
//! HTTP/1.1 text that the relay would parse back ([`super::parse_response`], still used for the
//! answers the engine writes itself: 400, 503, 100 Continue). The fields are those the HTTP/1.1 head
//! would carry ([`crate::server::response::write_head`]: the application's, `Content-Length` when the
//! engine adds one, `Server`, `Date`) less what HTTP/2 forbids, and the framing is the engine's own
//! decision ([`crate::server::response::plan`]).
use super::{connection_specific, Framing, Parsed};
use crate::server::response::{
    server_token, Plan, ResponseHead, H_CONNECTION, H_CONTENT_LENGTH, H_DATE, H_SERVER, H_TRANSFER_ENCODING,
    RESPONSE_HEADER_NAMES,
};
use bytes::BytesMut;
use h2::Reason;
use http::{HeaderName, HeaderValue};

/// The known response headers' names, by `HTTP_HEADER_ID`, lower-cased.
static KNOWN: once_cell::sync::Lazy<Vec<Option<HeaderName>>> = once_cell::sync::Lazy::new(|| {
    RESPONSE_HEADER_NAMES.iter().map(|n| HeaderName::from_bytes(n.as_bytes()).ok()).collect()
});

/// The response for the stream, how its body ends and whether the engine ends the connection after it;
/// `Err`: a head the stream cannot carry (a `Content-Length` that is no number).
pub fn fields(h: &ResponseHead, plan: &Plan, v2: bool) -> Result<Parsed, Reason> {
    if (100..200).contains(&h.status) {
        // Interim: the relay skips it, as it skips the engine's own 100 Continue.
        return Ok((None, Framing::None, false));
    }
    let status = http::StatusCode::from_u16(h.status).map_err(|_| Reason::INTERNAL_ERROR)?;
    // The Connection header's own tokens name fields that are dropped with it.
    let dropped = h.known(H_CONNECTION).unwrap_or_default();
    let dropped = |name: &[u8]| dropped.split(|b| *b == b',').any(|t| t.trim_ascii().eq_ignore_ascii_case(name));
    let app_chunked = h.known(H_TRANSFER_ENCODING).is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(b"chunked"));
    let length = match (h.known(H_CONTENT_LENGTH), plan.added_length()) {
        (Some(v), _) => {
            Some(std::str::from_utf8(v).ok().and_then(|v| v.trim().parse().ok()).ok_or(Reason::INTERNAL_ERROR)?)
        }
        (None, n) => n,
    };
    let framing = match (plan.no_body, app_chunked, length) {
        (true, ..) => Framing::None,
        (false, true, _) => Framing::Chunked(Box::default()),
        (false, false, Some(n)) => Framing::Length(n),
        (false, false, None) => Framing::Close,
    };

    // Every value goes into one buffer; the header values share it (one allocation a head).
    let mut vals = BytesMut::with_capacity(128);
    let mut kept: smallvec::SmallVec<[(HeaderName, std::ops::Range<usize>); 8]> = smallvec::SmallVec::new();
    let mut put = |name: HeaderName, value: &dyn Fn(&mut BytesMut)| {
        let at = vals.len();
        value(&mut vals);
        kept.push((name, at..vals.len()));
    };
    for (id, value) in &h.known {
        if matches!(*id, H_DATE | H_SERVER) {
            continue;
        }
        let Some(Some(name)) = KNOWN.get(*id) else { continue };
        if connection_specific(name.as_str().as_bytes()) || dropped(name.as_str().as_bytes()) {
            continue;
        }
        put(name.clone(), &|v| v.extend_from_slice(value));
    }
    if let Some(n) = plan.added_length() {
        put(http::header::CONTENT_LENGTH, &|v| {
            let _ = std::fmt::Write::write_fmt(v, format_args!("{n}"));
        });
    }
    put(http::header::SERVER, &|v| {
        if let Some(s) = h.known(H_SERVER) {
            v.extend_from_slice(s);
            v.extend_from_slice(b" ");
        }
        v.extend_from_slice(server_token(v2));
    });
    put(http::header::DATE, &|v| v.extend_from_slice(&crate::http1::date::now_imf()));
    for (name, value) in &h.unknown {
        if connection_specific(name) || dropped(name) {
            continue;
        }
        // A name HTTP/2 cannot carry is dropped (upper-case letters are lowered).
        match HeaderName::from_bytes(name) {
            Ok(n) => put(n, &|v| v.extend_from_slice(value)),
            Err(_) => {
                tracing::debug!(target: super::T, "HTTP/2 response: header {:?} dropped", String::from_utf8_lossy(name))
            }
        }
    }
    let vals = vals.freeze();
    let mut map = http::HeaderMap::with_capacity(kept.len());
    for (name, at) in kept {
        match HeaderValue::from_maybe_shared(vals.slice(at)) {
            Ok(v) => {
                map.append(name, v);
            }
            Err(_) => tracing::debug!(target: super::T, "HTTP/2 response: header {name} dropped"),
        }
    }
    let mut response = http::Response::new(());
    *response.status_mut() = status;
    *response.headers_mut() = map;
    Ok((Some(response), framing, plan.close))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http1::request::parse_request_head;
    use crate::server::response::plan;

    #[test]
    fn the_head_as_fields_with_the_engines_framing() {
        let get = parse_request_head(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n").unwrap().unwrap().0;
        let head = parse_request_head(b"HEAD / HTTP/1.1\r\nHost: a\r\n\r\n").unwrap().unwrap().0;
        let h = ResponseHead {
            status: 200,
            reason: b"Fine",
            known: smallvec::smallvec![(H_CONNECTION, &b"X-Hop, close"[..]), (H_SERVER, &b"app"[..])],
            unknown: smallvec::smallvec![
                (&b"X-Hop"[..], &b"1"[..]),
                (&b"X-Keep"[..], &b"2"[..]),
                (&b"Bad Name"[..], &b"3"[..])
            ],
        };
        let (r, f, close) = fields(&h, &plan(&h, &get, false, false, 5), true).unwrap();
        let r = r.unwrap();
        let names: Vec<&str> = r.headers().keys().map(|k| k.as_str()).collect();
        assert_eq!(names, ["content-length", "server", "date", "x-keep"]);
        assert_eq!(r.headers()["content-length"], "5");
        assert_eq!(r.headers()["server"], "app Microsoft-HTTPAPI/2.0");
        assert!(matches!(f, Framing::Length(5)));
        // The engine keeps the connection (only a Connection header of exactly "close" ends it).
        assert!(!close);
        let (_, _, close) = fields(&h, &plan(&h, &get, false, true, 5), true).unwrap();
        assert!(close);
        // Streamed without a length: the engine's end ends the body; the application's own chunks.
        let plain = ResponseHead { status: 200, reason: b"", known: Default::default(), unknown: Default::default() };
        let (_, f, close) = fields(&plain, &plan(&plain, &get, true, false, 0), false).unwrap();
        assert!(matches!(f, Framing::Close) && close);
        let chunked = ResponseHead {
            status: 200,
            reason: b"",
            known: smallvec::smallvec![(H_TRANSFER_ENCODING, &b"chunked"[..])],
            unknown: Default::default(),
        };
        let (r, f, close) = fields(&chunked, &plan(&chunked, &get, true, false, 0), false).unwrap();
        assert!(matches!(f, Framing::Chunked(_)) && !close);
        assert!(r.unwrap().headers().get("transfer-encoding").is_none());
        let (_, f, _) = fields(&plain, &plan(&plain, &head, false, false, 0), false).unwrap();
        assert!(matches!(f, Framing::None));
        let bad = ResponseHead {
            status: 200,
            reason: b"",
            known: smallvec::smallvec![(H_CONTENT_LENGTH, &b"x"[..])],
            unknown: Default::default(),
        };
        assert!(fields(&bad, &plan(&bad, &get, false, false, 0), false).is_err());
        let interim = ResponseHead { status: 103, ..plain };
        assert!(fields(&interim, &plan(&interim, &get, false, false, 0), false).unwrap().0.is_none());
    }
}
