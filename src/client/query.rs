//! `WinHttpQueryHeaders`: the `WINHTTP_QUERY_*` info levels over the response head, or over the
//! request head with `WINHTTP_QUERY_FLAG_REQUEST_HEADERS`.
use super::request::{Phase, Request};
use crate::client::abi::{
    WINHTTP_QUERY_CUSTOM, WINHTTP_QUERY_EX_ALL_HEADERS, WINHTTP_QUERY_FLAG_NUMBER, WINHTTP_QUERY_FLAG_NUMBER64,
    WINHTTP_QUERY_FLAG_REQUEST_HEADERS, WINHTTP_QUERY_FLAG_SYSTEMTIME, WINHTTP_QUERY_FLAG_TRAILERS,
    WINHTTP_QUERY_FLAG_WIRE_ENCODING, WINHTTP_QUERY_MAX, WINHTTP_QUERY_RAW_HEADERS, WINHTTP_QUERY_RAW_HEADERS_CRLF,
    WINHTTP_QUERY_REQUEST_METHOD, WINHTTP_QUERY_STATUS_CODE, WINHTTP_QUERY_STATUS_TEXT, WINHTTP_QUERY_VERSION,
};
use crate::http1::date::{self, CivilTime};
use crate::win32::error::*;

const MODIFIER_MASK: u32 = 0xFFFF_0000;
const KNOWN_MODIFIERS: u32 = 0x8000_0000 | 0x4000_0000 | 0x2000_0000 | 0x0800_0000 | 0x0100_0000 | 0x0200_0000;

/// Header names of the `WINHTTP_QUERY_*` levels that name one header (index = level).
const LEVEL_NAMES: [Option<&str>; 79] = [
    Some("MIME-Version"),
    Some("Content-Type"),
    Some("Content-Transfer-Encoding"),
    Some("Content-ID"),
    Some("Content-Description"),
    Some("Content-Length"),
    Some("Content-Language"),
    Some("Allow"),
    Some("Public"),
    Some("Date"),
    Some("Expires"),
    Some("Last-Modified"),
    Some("Message-ID"),
    Some("URI"),
    Some("Derived-From"),
    Some("Cost"),
    Some("Link"),
    Some("Pragma"),
    None,
    None,
    None,
    None,
    None,
    Some("Connection"),
    Some("Accept"),
    Some("Accept-Charset"),
    Some("Accept-Encoding"),
    Some("Accept-Language"),
    Some("Authorization"),
    Some("Content-Encoding"),
    Some("Forwarded"),
    Some("From"),
    Some("If-Modified-Since"),
    Some("Location"),
    Some("Orig-URI"),
    Some("Referer"),
    Some("Retry-After"),
    Some("Server"),
    Some("Title"),
    Some("User-Agent"),
    Some("WWW-Authenticate"),
    Some("Proxy-Authenticate"),
    Some("Accept-Ranges"),
    Some("Set-Cookie"),
    Some("Cookie"),
    None,
    Some("Refresh"),
    Some("Content-Disposition"),
    Some("Age"),
    Some("Cache-Control"),
    Some("Content-Base"),
    Some("Content-Location"),
    Some("Content-MD5"),
    Some("Content-Range"),
    Some("ETag"),
    Some("Host"),
    Some("If-Match"),
    Some("If-None-Match"),
    Some("If-Range"),
    Some("If-Unmodified-Since"),
    Some("Max-Forwards"),
    Some("Proxy-Authorization"),
    Some("Range"),
    Some("Transfer-Encoding"),
    Some("Upgrade"),
    Some("Vary"),
    Some("Via"),
    Some("Warning"),
    Some("Expect"),
    Some("Proxy-Connection"),
    Some("Unless-Modified-Since"),
    None,
    None,
    None,
    None,
    Some("Proxy-Support"),
    Some("Authentication-Info"),
    Some("PassportURLs"),
    Some("PassportConfig"),
];

/// A header query's answer, before the edge writes it in the caller's format.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryValue {
    Text(String),
    Number(u32),
    Number64(u64),
    Time(CivilTime),
}

/// A head seen as a first line plus fields.
struct HeadView {
    first_line: String,
    fields: Vec<(String, String)>,
    version: String,
    status: Option<String>,
    reason: Option<String>,
    method: Option<String>,
}

fn request_view(raw: &str, verb: &str, version: &str) -> HeadView {
    let mut lines = raw.split("\r\n");
    let first_line = lines.next().unwrap_or("").to_string();
    let fields = lines
        .filter(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':').map(|(n, v)| (n.to_string(), v.trim().to_string())))
        .collect();
    HeadView {
        first_line,
        fields,
        version: version.to_string(),
        status: None,
        reason: None,
        method: Some(verb.to_string()),
    }
}

/// Answers one query. `index` is the occurrence wanted; on success it is the next one.
pub fn query(req: &Request, level: u32, name: Option<&str>, index: &mut u32) -> WinResult<QueryValue> {
    if level & MODIFIER_MASK & !KNOWN_MODIFIERS != 0 {
        return Err(ERROR_WINHTTP_INVALID_QUERY_REQUEST);
    }
    // An info level winhttp.h does not define is an invalid argument on Windows, not a query error.
    if (WINHTTP_QUERY_MAX + 1..WINHTTP_QUERY_CUSTOM).contains(&(level & 0xFFFF)) {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let st = req.state.lock();
    let view = if level & WINHTTP_QUERY_FLAG_REQUEST_HEADERS != 0 {
        let raw = match &st.sent_head {
            Some(h) if st.phase != Phase::Opened => h.clone(),
            _ => req.build_head(&st, false),
        };
        request_view(&raw, &st.verb, &req.version)
    } else {
        let r = st.response.as_ref().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
        // An HTTP/2 response has no reason phrase and no minor version (`client::h2`).
        let h2 = st.protocol_used & super::abi::WINHTTP_PROTOCOL_FLAG_HTTP2 != 0;
        let version = if h2 { "HTTP/2".to_string() } else { format!("HTTP/1.{}", r.minor_version) };
        let first_line =
            if h2 { format!("{version} {}", r.status) } else { format!("{version} {} {}", r.status, r.reason) };
        let trailers = level & WINHTTP_QUERY_FLAG_TRAILERS != 0;
        HeadView {
            first_line: if trailers { String::new() } else { first_line },
            fields: if trailers { st.trailers.clone() } else { r.fields_owned() },
            version,
            status: Some(r.status.to_string()),
            reason: Some(r.reason.clone()),
            method: None,
        }
    };
    drop(st);
    let base = level & 0xFFFF;
    let wanted = *index;
    let single = |v: Option<String>| -> WinResult<String> {
        if wanted != 0 {
            return Err(ERROR_WINHTTP_HEADER_NOT_FOUND);
        }
        v.ok_or(ERROR_WINHTTP_HEADER_NOT_FOUND)
    };
    let text = match base {
        WINHTTP_QUERY_VERSION => single(Some(view.version.clone()))?,
        WINHTTP_QUERY_STATUS_CODE => single(view.status.clone())?,
        WINHTTP_QUERY_STATUS_TEXT => single(view.reason.clone())?,
        WINHTTP_QUERY_REQUEST_METHOD => single(view.method.clone())?,
        WINHTTP_QUERY_RAW_HEADERS | WINHTTP_QUERY_RAW_HEADERS_CRLF => {
            let sep = if base == WINHTTP_QUERY_RAW_HEADERS { "\0" } else { "\r\n" };
            // The trailers alone: no first line (.NET's WinHttpHandler parses them from the first
            // character), and none at all is "not found", as .NET expects of Windows.
            let trailers = level & WINHTTP_QUERY_FLAG_TRAILERS != 0;
            if trailers && view.fields.is_empty() {
                return Err(ERROR_WINHTTP_HEADER_NOT_FOUND);
            }
            let mut s = view.first_line.clone();
            if !trailers {
                s.push_str(sep);
            }
            for (n, v) in &view.fields {
                s.push_str(n);
                s.push_str(": ");
                s.push_str(v);
                s.push_str(sep);
            }
            // RAW_HEADERS: NUL-terminated lines (the terminator the edge adds makes the final double
            // NUL); RAW_HEADERS_CRLF ends with the blank line.
            if base == WINHTTP_QUERY_RAW_HEADERS_CRLF {
                s.push_str(sep);
            }
            single(Some(s))?
        }
        _ => {
            let hname = if base == WINHTTP_QUERY_CUSTOM {
                name.ok_or(ERROR_INVALID_PARAMETER)?.to_string()
            } else {
                LEVEL_NAMES
                    .get(base as usize)
                    .copied()
                    .flatten()
                    .ok_or(ERROR_WINHTTP_INVALID_QUERY_REQUEST)?
                    .to_string()
            };
            let v = view
                .fields
                .iter()
                .filter(|(n, _)| n.eq_ignore_ascii_case(&hname))
                .nth(wanted as usize)
                .map(|(_, v)| v.clone())
                .ok_or(ERROR_WINHTTP_HEADER_NOT_FOUND)?;
            *index = wanted + 1;
            v
        }
    };
    if level & WINHTTP_QUERY_FLAG_NUMBER != 0 || level & WINHTTP_QUERY_FLAG_NUMBER64 != 0 {
        let digits: String = text.trim().chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            return Err(ERROR_WINHTTP_INVALID_QUERY_REQUEST);
        }
        // strtoul-style: a value past the DWORD (or ULONGLONG) saturates instead of wrapping, so a
        // Content-Length of 4 GiB + 1 is not reported as 1.
        let n: u64 = digits.parse().unwrap_or(u64::MAX);
        return Ok(if level & WINHTTP_QUERY_FLAG_NUMBER64 != 0 {
            QueryValue::Number64(n)
        } else {
            QueryValue::Number(u32::try_from(n).unwrap_or(u32::MAX))
        });
    }
    if level & WINHTTP_QUERY_FLAG_SYSTEMTIME != 0 {
        return date::parse(&text).map(QueryValue::Time).ok_or(ERROR_WINHTTP_INVALID_QUERY_REQUEST);
    }
    Ok(QueryValue::Text(text))
}

/// `WinHttpQueryHeadersEx`: the parsed (name, value) pairs asked for. `WINHTTP_QUERY_EX_ALL_HEADERS`
/// gives every header of the response (or of the request with `WINHTTP_QUERY_FLAG_REQUEST_HEADERS`);
/// a header level or `WINHTTP_QUERY_CUSTOM` with `name` gives the `*index`-th occurrence, and `*index`
/// moves to the next one. The levels without a header (version, status) and the number, time and
/// CRLF forms are `ERROR_INVALID_PARAMETER` (Microsoft's page); `WINHTTP_QUERY_FLAG_TRAILERS` gives the
/// trailer fields of an HTTP/2 response (none over HTTP/1.1).
pub fn query_ex(req: &Request, level: u32, name: Option<&str>, index: &mut u32) -> WinResult<Vec<(String, String)>> {
    let base = level & 0xFFFF;
    let modifiers = level & MODIFIER_MASK;
    let refused = WINHTTP_QUERY_FLAG_NUMBER | WINHTTP_QUERY_FLAG_NUMBER64 | WINHTTP_QUERY_FLAG_SYSTEMTIME;
    if modifiers & refused != 0
        || matches!(
            base,
            WINHTTP_QUERY_VERSION
                | WINHTTP_QUERY_STATUS_CODE
                | WINHTTP_QUERY_STATUS_TEXT
                | WINHTTP_QUERY_RAW_HEADERS_CRLF
        )
    {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if modifiers
        & !(WINHTTP_QUERY_FLAG_REQUEST_HEADERS | WINHTTP_QUERY_FLAG_WIRE_ENCODING | WINHTTP_QUERY_FLAG_TRAILERS)
        != 0
    {
        return Err(ERROR_WINHTTP_INVALID_QUERY_REQUEST);
    }
    let st = req.state.lock();
    let fields: Vec<(String, String)> = if level & WINHTTP_QUERY_FLAG_REQUEST_HEADERS != 0 {
        let raw = match &st.sent_head {
            Some(h) if st.phase != Phase::Opened => h.clone(),
            _ => req.build_head(&st, false),
        };
        request_view(&raw, &st.verb, &req.version).fields
    } else {
        let r = st.response.as_ref().ok_or(ERROR_WINHTTP_INCORRECT_HANDLE_STATE)?;
        if level & WINHTTP_QUERY_FLAG_TRAILERS != 0 {
            st.trailers.clone()
        } else {
            r.fields_owned()
        }
    };
    drop(st);
    if base == WINHTTP_QUERY_EX_ALL_HEADERS {
        return Ok(fields);
    }
    let hname = if base == WINHTTP_QUERY_CUSTOM {
        name.filter(|n| !n.is_empty()).ok_or(ERROR_INVALID_PARAMETER)?.to_string()
    } else {
        LEVEL_NAMES.get(base as usize).copied().flatten().ok_or(ERROR_WINHTTP_INVALID_QUERY_REQUEST)?.to_string()
    };
    let found = fields
        .into_iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case(&hname))
        .nth(*index as usize)
        .ok_or(ERROR_WINHTTP_HEADER_NOT_FOUND)?;
    *index += 1;
    Ok(vec![found])
}
