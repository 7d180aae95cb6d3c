#!/usr/bin/env python3
"""Loopback server for the WinHTTP authentication and proxy C tests: an origin that asks for
credentials and a forward proxy that asks for its own. It checks credentials itself (Basic:
RFC 7617; Digest: RFC 7616 with qop=auth, MD5 and SHA-256), so a 200 proves what the client sent.

usage: winhttp_auth_server.py PORT
Origin paths (user "user", password "pwd"):
  /basic          Basic realm="test"
  /digest         Digest, MD5, qop=auth (fresh nonce per challenge)
  /digest256      Digest, SHA-256, qop=auth
  /multi          challenges Negotiate, NTLM and Basic (three WWW-Authenticate headers)
  /multi1         one header: 'Basic realm="a, b", Digest realm="r", nonce="n"'
  /unknown        a 401 whose only challenge is an unknown scheme
  /open           200 without asking
  /noheader       401 without any WWW-Authenticate
A request in absolute form (http://host/path) is a proxy request: it needs
Proxy-Authorization: Basic proxyuser:proxypass, else 407 with Proxy-Authenticate: Basic realm="proxy";
it is then answered by the origin rules above for its path.
A 200 body is "ok METHOD BODYLEN AUTHZ-HEADER"; every 401/407 body is "denied".
"""
import base64, hashlib, os, socket, sys, threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from winhttp_server import read_request, respond  # noqa: E402

USER, PASSWORD = "user", "pwd"
PUSER, PPASSWORD = "proxyuser", "proxypass"
nonces = set()
lock = threading.Lock()


def headers_of(raw):
    head = raw.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    out = []
    for l in head:
        if ":" in l:
            k, v = l.split(":", 1)
            out.append((k.strip().lower(), v.strip()))
    return out


def get(hs, name):
    for k, v in hs:
        if k == name:
            return v
    return None


def basic_ok(value, user, password):
    if not value or not value.lower().startswith("basic "):
        return False
    try:
        return base64.b64decode(value[6:].strip()).decode() == "%s:%s" % (user, password)
    except Exception:
        return False


def parse_params(s):
    out, i = {}, 0
    while i < len(s):
        while i < len(s) and s[i] in " ,":
            i += 1
        j = s.find("=", i)
        if j < 0:
            break
        k = s[i:j].strip().lower()
        i = j + 1
        if i < len(s) and s[i] == '"':
            i += 1
            v = ""
            while i < len(s) and s[i] != '"':
                if s[i] == "\\":
                    i += 1
                v += s[i]
                i += 1
            i += 1
        else:
            j = s.find(",", i)
            j = len(s) if j < 0 else j
            v = s[i:j].strip()
            i = j
        out[k] = v
    return out


def digest_ok(value, method, alg):
    if not value or not value.lower().startswith("digest "):
        return False
    p = parse_params(value[7:])
    h = (lambda x: hashlib.sha256(x.encode()).hexdigest()) if alg == "SHA-256" else (lambda x: hashlib.md5(x.encode()).hexdigest())
    with lock:
        if p.get("nonce") not in nonces:
            return False
    if p.get("username") != USER or p.get("qop") != "auth" or p.get("algorithm", "MD5").upper() != alg:
        return False
    ha1 = h("%s:%s:%s" % (USER, p.get("realm", ""), PASSWORD))
    ha2 = h("%s:%s" % (method, p.get("uri", "")))
    want = h("%s:%s:%s:%s:auth:%s" % (ha1, p["nonce"], p.get("nc", ""), p.get("cnonce", ""), ha2))
    return want == p.get("response") and p.get("opaque") == "opq"


def new_nonce():
    n = base64.b64encode(os.urandom(12)).decode()
    with lock:
        nonces.add(n)
    return n


def handle(conn):
    buf = b""
    try:
        while True:
            r = read_request(conn, buf)
            if r is None:
                return
            raw, method, target, buf = r
            hs = headers_of(raw)
            body_len = len(raw.split(b"\r\n\r\n", 1)[1])
            path = target
            if target.startswith("http://"):
                if not basic_ok(get(hs, "proxy-authorization"), PUSER, PPASSWORD):
                    respond(conn, "407 Proxy Authentication Required", [("Proxy-Authenticate", 'Basic realm="proxy"'), ("Content-Length", 6)], b"denied")
                    continue
                path = "/" + target.split("/", 3)[3] if target.count("/") >= 3 else "/"
            authz = get(hs, "authorization") or "-"
            ok = b"ok %s %d %s" % (method.encode(), body_len, authz.encode())
            deny = [("Content-Length", 6)]
            if path == "/open":
                good = True
            elif path == "/basic":
                good = basic_ok(get(hs, "authorization"), USER, PASSWORD)
                deny.append(("WWW-Authenticate", 'Basic realm="test"'))
            elif path in ("/digest", "/digest256"):
                alg = "SHA-256" if path == "/digest256" else "MD5"
                good = digest_ok(get(hs, "authorization"), method, alg)
                deny.append(("WWW-Authenticate", 'Digest realm="digest@test", qop="auth", algorithm=%s, nonce="%s", opaque="opq"' % (alg, new_nonce())))
            elif path == "/multi":
                good = basic_ok(get(hs, "authorization"), USER, PASSWORD)
                deny += [("WWW-Authenticate", "Negotiate"), ("WWW-Authenticate", "NTLM"), ("WWW-Authenticate", 'Basic realm="m"')]
            elif path == "/multi1":
                good = False
                deny.append(("WWW-Authenticate", 'Basic realm="a, b", Digest realm="r", nonce="n"'))
            elif path == "/unknown":
                good = False
                deny.append(("WWW-Authenticate", 'Bearer realm="x"'))
            elif path == "/noheader":
                good = False
            else:
                respond(conn, "404 Not Found", [("Content-Length", 0)], b"")
                continue
            if good:
                respond(conn, "200 OK", [("Content-Length", len(ok))], ok)
            else:
                respond(conn, "401 Unauthorized", deny, b"denied")
    except (ConnectionError, OSError, ValueError):
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(sys.argv[1])))
    s.listen(64)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c,), daemon=True).start()


if __name__ == "__main__":
    main()
