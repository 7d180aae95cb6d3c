#!/usr/bin/env python3
"""Loopback HTTP/1.1 server for the WinHTTP C tests. It answers from the path and echoes, as the
response body of /echo*, the exact raw bytes it received for the request (head and body), so a test
can prove the client's framing byte for byte.

usage: winhttp_server.py PORT
Paths: /echo (body = raw request), /chunked, /close (close-delimited), /cut (cut mid-body),
/bad (not HTTP), /badchunk, /redirect[N] (302 chains to /echo), /r303, /r307, /gzip, /deflate,
/setcookie, /multi (repeated headers), /slow (3 s before answering), /big (1 MiB), /status/NNN,
/empty (Content-Length: 0), /passport (302 asking for Passport1.4), /hugehead (80 KiB of header), /count (requests seen on this connection),
/continueN (N interim 1xx responses before a 200), /sc...?c=V&c=V (a Set-Cookie header per c, then
as /echo), /go...?to=URL[&code=N] (a redirect, 302 unless told, to URL; without `to`: as /echo),
/stall?ms=N (answers after N ms, default 1000), /chunks?mode=together|apart|split|bytes (chunks of 70
and 5 bytes arriving in that pattern).
Listens on 127.0.0.1 and, when the machine has it, on [::1] with the same port.
"""
import gzip, socket, sys, threading, time, zlib
from urllib.parse import parse_qs, urlsplit


def read_request(conn, buf):
    """Returns (raw_bytes, method, path, buf_rest) or None at EOF."""
    while b"\r\n\r\n" not in buf:
        d = conn.recv(65536)
        if not d:
            return None
        buf += d
    head_end = buf.index(b"\r\n\r\n") + 4
    head = buf[:head_end]
    buf = buf[head_end:]
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for l in lines[1:]:
        if ":" in l:
            k, v = l.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    body = b""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        # Keep the raw chunked bytes, up to and including the last chunk and its CRLF.
        while True:
            while b"\r\n" not in buf:
                d = conn.recv(65536)
                if not d:
                    return None
                buf += d
            line_end = buf.index(b"\r\n") + 2
            size = int(buf[:line_end].split(b";")[0].strip() or b"0", 16)
            need = line_end + size + 2
            while len(buf) < need:
                d = conn.recv(65536)
                if not d:
                    return None
                buf += d
            body += buf[:need]
            buf = buf[need:]
            if size == 0:
                break
    elif "content-length" in headers:
        n = int(headers["content-length"])
        while len(buf) < n:
            d = conn.recv(min(1 << 20, n - len(buf) + 65536))
            if not d:
                return None
            buf += d
        body = buf[:n]
        buf = buf[n:]
    return head + body, method, path, buf


def respond(conn, status, headers, body, close=False):
    h = "HTTP/1.1 %s\r\n" % status
    for k, v in headers:
        h += "%s: %s\r\n" % (k, v)
    if close:
        h += "Connection: close\r\n"
    conn.sendall(h.encode("latin-1") + b"\r\n" + body)


def handle(conn):
    buf = b""
    count = 0
    try:
        while True:
            r = read_request(conn, buf)
            if r is None:
                return
            raw, method, path, buf = r
            count += 1
            body_ok = method != "HEAD"
            query = parse_qs(urlsplit(path).query, keep_blank_values=True)
            if path.startswith("/sc"):
                hs = [("Set-Cookie", v) for v in query.get("c", [])]
                respond(conn, "200 OK", hs + [("Content-Length", len(raw))], raw if body_ok else b"")
            elif path.startswith("/go") and "to" in query:
                code = query.get("code", ["302"])[0]
                respond(conn, code + " Moved", [("Location", query["to"][0]), ("Content-Length", 0)], b"")
            elif path.startswith("/chunks"):
                # Chunks of 70 and 5 bytes, arriving as `mode` says: together, apart (one segment per
                # chunk), split (chunk heads cut across segments), bytes (one byte per segment).
                mode = query.get("mode", ["together"])[0]
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                a, b = bytes(range(65, 65 + 70)), b"hello"
                wire = b"46\r\n" + a + b"\r\n5\r\n" + b + b"\r\n0\r\n\r\n"
                if mode == "together":
                    pieces = [wire]
                elif mode == "apart":
                    pieces = [b"46\r\n" + a + b"\r\n", b"5\r\n" + b + b"\r\n", b"0\r\n\r\n"]
                elif mode == "split":
                    pieces = [b"4", b"6\r", b"\n" + a[:30], a[30:] + b"\r\n5", b"\r\nhel", b"lo\r\n0\r", b"\n\r\n"]
                else:
                    pieces = [wire[i:i + 1] for i in range(len(wire))]
                for p in pieces:
                    conn.sendall(p)
                    time.sleep(0.02 if mode != "bytes" else 0.002)
            elif path.startswith("/stall"):
                time.sleep(int(query.get("ms", ["1000"])[0]) / 1000.0)
                respond(conn, "200 OK", [("Content-Length", 7)], b"stalled" if body_ok else b"")
            elif path.startswith("/echo") or path.startswith("/go"):
                respond(conn, "200 OK", [("Content-Length", len(raw)), ("Content-Type", "application/octet-stream")], raw if body_ok else b"")
            elif path == "/count":
                b = str(count).encode()
                respond(conn, "200 OK", [("Content-Length", len(b))], b)
            elif path == "/chunked":
                respond(conn, "200 OK", [("Transfer-Encoding", "chunked")], b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n")
            elif path == "/close":
                conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end")
                return
            elif path == "/cut":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten..")
                time.sleep(0.1)
                return
            elif path == "/bad":
                conn.sendall(b"this is not http at all\r\n\r\n")
                return
            elif path == "/badchunk":
                conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n")
                return
            elif path.startswith("/redirect"):
                n = int(path[len("/redirect"):] or "1")
                loc = "/echo" if n <= 1 else "/redirect%d" % (n - 1)
                respond(conn, "302 Found", [("Location", loc), ("Content-Length", 4)], b"gone")
            elif path == "/passport":
                respond(conn, "302 Found", [("Location", "/echo"), ("WWW-Authenticate", "Passport1.4 da-status=failed"),
                                            ("Content-Length", 4)], b"auth")
            elif path.startswith("/continue"):
                # N interim responses (100 Continue, 102 Processing, 103 Early Hints in turn), then 200.
                n = int(path[len("/continue"):] or "1")
                interim = [b"100 Continue", b"102 Processing", b"103 Early Hints\r\nLink: </s.css>; rel=preload"]
                conn.sendall(b"".join(b"HTTP/1.1 " + interim[i % 3] + b"\r\n\r\n" for i in range(n)))
                respond(conn, "200 OK", [("Content-Length", 5)], b"final")
            elif path == "/r303":
                respond(conn, "303 See Other", [("Location", "/echo"), ("Content-Length", 0)], b"")
            elif path == "/r307":
                respond(conn, "307 Temporary Redirect", [("Location", "/echo307"), ("Content-Length", 0)], b"")
            elif path == "/gzip":
                b = gzip.compress(b"compressed hello " * 100)
                respond(conn, "200 OK", [("Content-Encoding", "gzip"), ("Content-Length", len(b))], b)
            elif path == "/deflate":
                b = zlib.compress(b"deflated hello " * 100)
                respond(conn, "200 OK", [("Content-Encoding", "deflate"), ("Transfer-Encoding", "chunked")],
                        b"%x\r\n" % len(b) + b + b"\r\n0\r\n\r\n")
            elif path == "/setcookie":
                respond(conn, "200 OK", [("Set-Cookie", "a=1; Path=/"), ("Set-Cookie", "b=2"), ("Content-Length", 0)], b"")
            elif path == "/multi":
                respond(conn, "200 OK", [("X-Multi", "one"), ("X-Multi", "two"), ("X-Multi", "three"),
                                         ("Date", "Sun, 06 Nov 1994 08:49:37 GMT"), ("X-Big", "123456789012"),
                                         ("Content-Length", 2)], b"ok")
            elif path == "/slow":
                time.sleep(3)
                respond(conn, "200 OK", [("Content-Length", 0)], b"")
            elif path == "/big":
                b = bytes(range(256)) * 4096
                respond(conn, "200 OK", [("Content-Length", len(b))], b)
            elif path.startswith("/status/"):
                respond(conn, path[8:] + " Custom Reason", [("Content-Length", 0)], b"")
            elif path == "/empty":
                respond(conn, "200 OK", [("Content-Length", 0)], b"")
            elif path == "/hugehead":
                respond(conn, "200 OK", [("X-Huge", "x" * 80000), ("Content-Length", 0)], b"")
            elif path == "/stale":
                # Answers, then closes the kept-alive connection without saying so.
                respond(conn, "200 OK", [("Content-Length", 2)], b"ok")
                time.sleep(0.05)
                return
            else:
                respond(conn, "404 Not Found", [("Content-Length", 0)], b"")
    except (ConnectionError, OSError, ValueError):
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def serve(s):
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c,), daemon=True).start()


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(sys.argv[1])))
    s.listen(64)
    try:
        s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s6.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s6.bind(("::1", int(sys.argv[1])))
        s6.listen(64)
        threading.Thread(target=serve, args=(s6,), daemon=True).start()
    except OSError:
        pass
    serve(s)


if __name__ == "__main__":
    main()
