//! HTTP authentication of a request: `WinHttpQueryAuthSchemes`, `WinHttpSetCredentials`, the
//! `WINHTTP_OPTION_USERNAME`/`PASSWORD`/`PROXY_USERNAME`/`PROXY_PASSWORD` options, and the
//! `Authorization`/`Proxy-Authorization` headers a request carries.
//!
//! Schemes: Basic (RFC 7617) and Digest (RFC 7616: MD5, MD5-sess, SHA-256, SHA-256-sess, qop=auth or
//! no qop). NTLM, Negotiate (Kerberos) and Passport need Windows' security packages and are refused by
//! `WinHttpSetCredentials` with `ERROR_NOT_SUPPORTED` (see docs/porting.md).
//!
//! Rules (Microsoft's pages and Windows' observed behaviour in Wine's winhttp tests):
//! - credentials set with `WinHttpSetCredentials` win over the options;
//! - Basic credentials go with the next send without waiting for a challenge; Digest needs the
//!   server's challenge (nonce) first;
//! - a 401/407 answered with credentials the request already carried is the caller's to see (wrong
//!   password), so the same credentials are not sent twice for one challenge;
//! - credentials known before the challenge (options, or `WinHttpSetCredentials` before the first
//!   send) answer it inside `WinHttpReceiveResponse`, unless `WINHTTP_DISABLE_AUTHENTICATION`.
//!
//! Operations: [`parse_challenges`], [`query_schemes`], [`set_credentials`], [`set_option`],
//! [`header_lines`] (the hook in `Request::build_head`), [`answer_challenge`] (the hook in
//! `Request::receive`).
use super::request::{Io, Request, RequestState};
use crate::client::abi::WINHTTP_DISABLE_AUTHENTICATION;
use crate::client::abi::{
    WINHTTP_AUTH_SCHEME_BASIC, WINHTTP_AUTH_SCHEME_DIGEST, WINHTTP_AUTH_SCHEME_NEGOTIATE, WINHTTP_AUTH_SCHEME_NTLM,
    WINHTTP_AUTH_SCHEME_PASSPORT, WINHTTP_AUTH_TARGET_PROXY, WINHTTP_AUTH_TARGET_SERVER, WINHTTP_OPTION_PASSWORD,
    WINHTTP_OPTION_PROXY_USERNAME, WINHTTP_OPTION_USERNAME,
};
use crate::win32::error::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// Automatic answers to challenges within one chain of 401/407 responses (a server that keeps
/// answering `stale=true` must not loop us forever).
const MAX_AUTO_ANSWERS: u32 = 3;

/// One challenge of a `WWW-Authenticate`/`Proxy-Authenticate` header (RFC 9110 section 11.6.1).
#[derive(Clone, Debug, PartialEq)]
pub struct Challenge {
    /// `WINHTTP_AUTH_SCHEME_*`, or 0 for a scheme WinHTTP does not know.
    pub scheme: u32,
    pub params: Vec<(String, String)>,
}

impl Challenge {
    fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

fn scheme_bit(name: &str) -> u32 {
    match name.to_ascii_lowercase().as_str() {
        "basic" => WINHTTP_AUTH_SCHEME_BASIC,
        "ntlm" => WINHTTP_AUTH_SCHEME_NTLM,
        "passport1.4" => WINHTTP_AUTH_SCHEME_PASSPORT,
        "digest" => WINHTTP_AUTH_SCHEME_DIGEST,
        "negotiate" => WINHTTP_AUTH_SCHEME_NEGOTIATE,
        _ => 0,
    }
}

/// Splits at commas outside quoted strings.
fn split_items(v: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut quoted, mut escaped) = (0, false, false);
    for (i, c) in v.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ',' if !quoted => {
                out.push(&v[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&v[start..]);
    out
}

/// `name=value` (value a token or a quoted string), or None when the item is not a parameter.
fn parse_param(item: &str) -> Option<(String, String)> {
    let (name, value) = item.split_once('=')?;
    let name = name.trim();
    if name.is_empty() || name.contains(char::is_whitespace) {
        return None;
    }
    let value = value.trim();
    let value = if let Some(q) = value.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = q.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.extend(chars.next()),
                '"' => break,
                c => out.push(c),
            }
        }
        out
    } else {
        value.to_string()
    };
    Some((name.to_string(), value))
}

/// The challenges of one or more header values, in order. A scheme followed by a token68 (as
/// `Negotiate abc==`) keeps it as the parameter `""`.
pub fn parse_challenges<'a>(values: impl Iterator<Item = &'a str>) -> Vec<Challenge> {
    let mut out: Vec<Challenge> = Vec::new();
    for value in values {
        for item in split_items(value) {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            // `a=b` continues the current challenge; `scheme [rest]` starts one.
            let first_word_end = item.find(|c: char| c.is_whitespace() || c == '=').unwrap_or(item.len());
            let starts_param = item[first_word_end..].trim_start().starts_with('=')
                && !item[first_word_end..].trim_start().starts_with("==");
            if starts_param && !out.is_empty() {
                if let Some(p) = parse_param(item) {
                    out.last_mut().expect("checked").params.push(p);
                }
                continue;
            }
            let (scheme, rest) = item.split_at(first_word_end);
            let mut ch = Challenge { scheme: scheme_bit(scheme), params: Vec::new() };
            let rest = rest.trim();
            if !rest.is_empty() {
                match parse_param(rest) {
                    Some(p) if !rest.ends_with("==") || rest.contains('"') => ch.params.push(p),
                    _ => ch.params.push((String::new(), rest.to_string())),
                }
            }
            out.push(ch);
        }
    }
    out
}

/// Credentials for one target.
#[derive(Clone, Debug)]
pub struct Credentials {
    /// `WINHTTP_AUTH_SCHEME_*` named by `WinHttpSetCredentials`; 0 for option credentials (any scheme
    /// we can answer with).
    pub scheme: u32,
    pub user: String,
    pub password: String,
}

/// The authentication state of one target (server or proxy) of a request.
#[derive(Debug, Default)]
pub struct TargetAuth {
    /// From `WinHttpSetCredentials` (wins over the options).
    pub explicit: Option<Credentials>,
    pub option_user: Option<String>,
    pub option_password: Option<String>,
    /// The challenges of the last 401/407 from this target.
    pub challenges: Vec<Challenge>,
    /// Digest nonce count for the current nonce.
    nonce_count: AtomicU32,
}

impl TargetAuth {
    fn credentials(&self) -> Option<Credentials> {
        if let Some(c) = &self.explicit {
            return Some(c.clone());
        }
        let user = self.option_user.clone()?;
        Some(Credentials { scheme: 0, user, password: self.option_password.clone().unwrap_or_default() })
    }

    /// The header value to send now, if these credentials can be sent.
    fn authorization(&self, method: &str, uri: &str) -> Option<String> {
        self.answer(method, uri, || self.nonce_count.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Whether [`Self::authorization`] would give a header (without counting a nonce use).
    fn can_answer(&self) -> bool {
        self.answer("GET", "/", || 1).is_some()
    }

    fn answer(&self, method: &str, uri: &str, nc: impl Fn() -> u32) -> Option<String> {
        let creds = self.credentials()?;
        let digest = self.challenges.iter().find(|c| c.scheme == WINHTTP_AUTH_SCHEME_DIGEST);
        let basic_offered = self.challenges.iter().any(|c| c.scheme == WINHTTP_AUTH_SCHEME_BASIC);
        match creds.scheme {
            WINHTTP_AUTH_SCHEME_BASIC => Some(basic(&creds)),
            WINHTTP_AUTH_SCHEME_DIGEST => digest.and_then(|c| self.digest(c, &creds, method, uri, &nc)),
            // Option credentials: the strongest scheme the server offered that we can do.
            0 => match digest {
                Some(c) => self.digest(c, &creds, method, uri, &nc),
                None if basic_offered => Some(basic(&creds)),
                None => None,
            },
            _ => None,
        }
    }

    fn digest(
        &self,
        ch: &Challenge,
        creds: &Credentials,
        method: &str,
        uri: &str,
        nc: impl Fn() -> u32,
    ) -> Option<String> {
        digest_response(ch, creds, method, uri, nc(), &new_cnonce())
    }
}

/// Both targets of a request.
#[derive(Debug, Default)]
pub struct AuthState {
    pub server: TargetAuth,
    pub proxy: TargetAuth,
    /// Automatic answers in the current chain of challenges.
    auto_answers: u32,
}

impl AuthState {
    fn target_mut(&mut self, target: u32) -> &mut TargetAuth {
        if target == WINHTTP_AUTH_TARGET_PROXY {
            &mut self.proxy
        } else {
            &mut self.server
        }
    }
}

fn basic(c: &Credentials) -> String {
    format!("Basic {}", base64(format!("{}:{}", c.user, c.password).as_bytes()))
}

pub fn base64(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn new_cnonce() -> String {
    let mut b = [0u8; 16];
    // SAFETY: getrandom writes at most b.len() bytes into b.
    let n = unsafe { libc::getrandom(b.as_mut_ptr() as *mut libc::c_void, b.len(), 0) };
    if n != b.len() as isize {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        b.copy_from_slice(&t.to_le_bytes());
    }
    hex(&b)
}

/// The `Digest ...` credentials for a challenge (RFC 7616 section 3.4), or None for an algorithm or
/// qop we cannot answer (auth-int only, unknown algorithm).
pub fn digest_response(
    ch: &Challenge,
    creds: &Credentials,
    method: &str,
    uri: &str,
    nc: u32,
    cnonce: &str,
) -> Option<String> {
    let realm = ch.param("realm").unwrap_or("");
    let nonce = ch.param("nonce")?;
    let algorithm = ch.param("algorithm").unwrap_or("MD5");
    let hash: fn(&str) -> String = match algorithm.to_ascii_uppercase().trim_end_matches("-SESS") {
        "MD5" => |s| {
            use md5::Digest;
            hex(&md5::Md5::digest(s.as_bytes()))
        },
        "SHA-256" => |s| hex(ring::digest::digest(&ring::digest::SHA256, s.as_bytes()).as_ref()),
        _ => return None,
    };
    let sess = algorithm.to_ascii_uppercase().ends_with("-SESS");
    let qop = match ch.param("qop") {
        None => None,
        Some(q) if q.split(',').any(|x| x.trim().eq_ignore_ascii_case("auth")) => Some("auth"),
        Some(_) => return None,
    };
    let mut ha1 = hash(&format!("{}:{}:{}", creds.user, realm, creds.password));
    if sess {
        ha1 = hash(&format!("{ha1}:{nonce}:{cnonce}"));
    }
    let ha2 = hash(&format!("{method}:{uri}"));
    let nc_s = format!("{nc:08x}");
    let response = match qop {
        Some(q) => hash(&format!("{ha1}:{nonce}:{nc_s}:{cnonce}:{q}:{ha2}")),
        None => hash(&format!("{ha1}:{nonce}:{ha2}")),
    };
    let quote = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    let mut h = format!(
        "Digest username=\"{}\", realm=\"{}\", nonce=\"{}\", uri=\"{}\", algorithm={}, response=\"{}\"",
        quote(&creds.user),
        quote(realm),
        quote(nonce),
        quote(uri),
        algorithm,
        response
    );
    if let Some(q) = qop {
        h.push_str(&format!(", qop={q}, nc={nc_s}, cnonce=\"{cnonce}\""));
    }
    if let Some(o) = ch.param("opaque") {
        h.push_str(&format!(", opaque=\"{}\"", quote(o)));
    }
    Some(h)
}

/// `WinHttpQueryAuthSchemes`: (supported, first, target) of the last response's challenge.
/// `ERROR_INVALID_OPERATION` when there is no response yet or it carries no challenge WinHTTP knows
/// (Windows' observed code, Wine's tests).
pub fn query_schemes(req: &Request) -> WinResult<(u32, u32, u32)> {
    let st = req.state.lock();
    let resp = st.response.as_ref().ok_or(ERROR_INVALID_OPERATION)?;
    let (header, target) = if resp.status == 407 {
        ("proxy-authenticate", WINHTTP_AUTH_TARGET_PROXY)
    } else {
        ("www-authenticate", WINHTTP_AUTH_TARGET_SERVER)
    };
    let challenges = parse_challenges(resp.values(header));
    let supported = challenges.iter().fold(0, |acc, c| acc | c.scheme);
    let first = challenges.iter().map(|c| c.scheme).find(|&s| s != 0).ok_or(ERROR_INVALID_OPERATION)?;
    Ok((supported, first, target))
}

/// `WinHttpSetCredentials`.
pub fn set_credentials(
    req: &Request,
    target: u32,
    scheme: u32,
    user: Option<String>,
    password: Option<String>,
) -> WinResult<()> {
    if target > WINHTTP_AUTH_TARGET_PROXY {
        return Err(ERROR_INVALID_PARAMETER);
    }
    match scheme {
        WINHTTP_AUTH_SCHEME_BASIC | WINHTTP_AUTH_SCHEME_DIGEST => {
            // Windows refuses Basic and Digest without both strings (an empty password is fine).
            let (Some(user), Some(password)) = (user, password) else { return Err(ERROR_INVALID_PARAMETER) };
            let mut st = req.state.lock();
            st.auth.target_mut(target).explicit = Some(Credentials { scheme, user, password });
            Ok(())
        }
        // Windows' security packages (SSPI) do these; a Linux port has none to call.
        WINHTTP_AUTH_SCHEME_NTLM | WINHTTP_AUTH_SCHEME_NEGOTIATE | WINHTTP_AUTH_SCHEME_PASSPORT => {
            Err(ERROR_NOT_SUPPORTED)
        }
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// The credential options on a request handle (set).
pub fn set_option(st: &mut RequestState, option: u32, value: String) {
    let a = &mut st.auth;
    match option {
        WINHTTP_OPTION_USERNAME => a.server.option_user = Some(value),
        WINHTTP_OPTION_PASSWORD => a.server.option_password = Some(value),
        WINHTTP_OPTION_PROXY_USERNAME => a.proxy.option_user = Some(value),
        _ => a.proxy.option_password = Some(value),
    }
}

/// The credential options on a request handle (query; unset reads as an empty string).
pub fn query_option(st: &RequestState, option: u32) -> String {
    let a = &st.auth;
    match option {
        WINHTTP_OPTION_USERNAME => a.server.option_user.clone(),
        WINHTTP_OPTION_PASSWORD => a.server.option_password.clone(),
        WINHTTP_OPTION_PROXY_USERNAME => a.proxy.option_user.clone(),
        _ => a.proxy.option_password.clone(),
    }
    .unwrap_or_default()
}

/// The authorization header lines for a head being built (hook in `Request::build_head`). The
/// caller's own `Authorization`/`Proxy-Authorization` header wins.
pub fn header_lines(
    st: &RequestState,
    method: &str,
    uri: &str,
    through_proxy: bool,
    has_server: bool,
    has_proxy: bool,
) -> String {
    let mut h = String::new();
    if through_proxy && !has_proxy {
        if let Some(v) = st.auth.proxy.authorization(method, uri) {
            h.push_str(&format!("Proxy-Authorization: {v}\r\n"));
        }
    }
    if !has_server {
        if let Some(v) = st.auth.server.authorization(method, uri) {
            h.push_str(&format!("Authorization: {v}\r\n"));
        }
    }
    h
}

fn sent_header(st: &RequestState, name: &str) -> bool {
    st.sent_head.as_deref().is_some_and(|h| {
        h.split("\r\n").skip(1).any(|l| l.split_once(':').is_some_and(|(n, _)| n.eq_ignore_ascii_case(name)))
    })
}

/// Hook in `Request::receive` for a final response that is no 401/407: the next challenge starts
/// the count of automatic answers anew.
pub fn no_challenge(req: &Request) {
    req.state.lock().auth.auto_answers = 0;
}

/// Hook in `Request::receive` once a final response head is in `st.response`: remembers a 401/407
/// challenge and, when credentials known before it can answer it, drains the body and re-sends the
/// request. Returns true when the request was re-sent (the caller reads the next response).
pub async fn answer_challenge(req: &Request, io: &mut Io) -> WinResult<bool> {
    {
        let mut guard = req.state.lock();
        let st = &mut *guard;
        let Some(status) = st.response.as_ref().map(|r| r.status) else { return Ok(false) };
        let (target, header, sent_name) = match status {
            401 => (WINHTTP_AUTH_TARGET_SERVER, "www-authenticate", "authorization"),
            407 => (WINHTTP_AUTH_TARGET_PROXY, "proxy-authenticate", "proxy-authorization"),
            _ => {
                st.auth.auto_answers = 0;
                return Ok(false);
            }
        };
        let challenges = parse_challenges(st.response.as_ref().expect("checked").values(header));
        let already_sent = sent_header(st, sent_name);
        let stale = challenges.iter().any(|c| {
            c.scheme == WINHTTP_AUTH_SCHEME_DIGEST && c.param("stale").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        });
        let t = st.auth.target_mut(target);
        let new_nonce = t.challenges != challenges;
        t.challenges = challenges;
        if new_nonce {
            t.nonce_count.store(0, Ordering::Relaxed);
        }
        let can_answer = t.can_answer();
        let auto = st.settings.disabled & WINHTTP_DISABLE_AUTHENTICATION == 0
            && can_answer
            && (!already_sent || stale)
            && st.auth.auto_answers < MAX_AUTO_ANSWERS
            && !st.streamed;
        if !auto {
            return Ok(false);
        }
        st.auth.auto_answers += 1;
    }
    req.drain_body(io).await?;
    req.transmit(io).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenges_parse_with_commas_in_quotes() {
        let v = parse_challenges(
            ["Basic realm=\"a, b\", Digest realm=\"r\", nonce=\"n\", qop=\"auth,auth-int\"", "Negotiate abc==", "NTLM"]
                .into_iter(),
        );
        assert_eq!(v.len(), 4);
        assert_eq!(v[0].scheme, WINHTTP_AUTH_SCHEME_BASIC);
        assert_eq!(v[0].param("realm"), Some("a, b"));
        assert_eq!(v[1].scheme, WINHTTP_AUTH_SCHEME_DIGEST);
        assert_eq!(v[1].param("qop"), Some("auth,auth-int"));
        assert_eq!(v[2].scheme, WINHTTP_AUTH_SCHEME_NEGOTIATE);
        assert_eq!(v[2].params[0].1, "abc==");
        assert_eq!(v[3].scheme, WINHTTP_AUTH_SCHEME_NTLM);
    }

    #[test]
    fn base64_matches_rfc4648() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("user:pwd", "dXNlcjpwd2Q="),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn digest_matches_rfc7616_example() {
        // RFC 7616 section 3.9.1 (MD5 and SHA-256 with qop=auth).
        let creds = Credentials {
            scheme: WINHTTP_AUTH_SCHEME_DIGEST,
            user: "Mufasa".into(),
            password: "Circle of Life".into(),
        };
        let mk = |alg: &str| Challenge {
            scheme: WINHTTP_AUTH_SCHEME_DIGEST,
            params: vec![
                ("realm".into(), "http-auth@example.org".into()),
                ("qop".into(), "auth, auth-int".into()),
                ("algorithm".into(), alg.into()),
                ("nonce".into(), "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v".into()),
                ("opaque".into(), "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS".into()),
            ],
        };
        let cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        let md5 = digest_response(&mk("MD5"), &creds, "GET", "/dir/index.html", 1, cnonce).unwrap();
        assert!(md5.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""), "{md5}");
        let sha = digest_response(&mk("SHA-256"), &creds, "GET", "/dir/index.html", 1, cnonce).unwrap();
        assert!(sha.contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""), "{sha}");
    }
}
