#!/usr/bin/env python3
"""TLS test servers for c_tests/winhttp_tls.c. Generates, with the openssl CLI, a test CA and the
leaf certificates below into DIR (fresh every run, so nothing expires in the repository), then serves
winhttp_server.py's paths (/echo, /count, ...) over TLS on one port per certificate:

  PORT_GOOD      leaf for IP:127.0.0.1 + DNS:localhost, signed by DIR/ca.pem (the trusted test CA)
  PORT_UNKNOWN   leaf for 127.0.0.1, signed by another CA the client does not trust
  PORT_WRONGHOST leaf for DNS:wrong.example only, signed by the test CA
  PORT_EXPIRED   leaf for 127.0.0.1, signed by the test CA, notAfter before now
  PORT_PROXY     (optional) a plain-HTTP forward proxy that only speaks CONNECT; it records each
                 CONNECT target in DIR/connects.txt

usage: winhttp_tls_server.py DIR PORT_GOOD PORT_UNKNOWN PORT_WRONGHOST PORT_EXPIRED [PORT_PROXY]
"""
import os, socket, ssl, subprocess, sys, threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import winhttp_server  # noqa: E402


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_ca(d, name, san=None):
    key, pem = os.path.join(d, name + ".key"), os.path.join(d, name + ".pem")
    extra = ["-addext", "subjectAltName=" + san] if san else []
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
            "-out", pem, "-days", "3650", "-subj", "/CN=winhttpapi " + name, *extra)
    return key, pem


def make_leaf(d, name, ca, san, days):
    key, csr, pem = (os.path.join(d, name + e) for e in (".key", ".csr", ".pem"))
    openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key,
            "-out", csr, "-subj", "/CN=" + name, "-addext", "subjectAltName=" + san,
            "-addext", "extendedKeyUsage=serverAuth")
    openssl("x509", "-req", "-in", csr, "-CA", ca[1], "-CAkey", ca[0], "-CAcreateserial", "-days", str(days),
            "-copy_extensions", "copy", "-out", pem)
    # Serve the chain (leaf + its CA), as real servers do.
    with open(pem, "ab") as out, open(ca[1], "rb") as c:
        out.write(c.read())
    return pem, key


def serve_tls(port, cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(64)

    def one(c):
        try:
            t = ctx.wrap_socket(c, server_side=True)
        except (ssl.SSLError, OSError):
            c.close()  # the client refused our certificate: expected for the failure cases
            return
        winhttp_server.handle(t)

    def loop():
        while True:
            c, _ = s.accept()
            threading.Thread(target=one, args=(c,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()


def pipe(a, b):
    try:
        while True:
            d = a.recv(65536)
            if not d:
                break
            b.sendall(d)
    except OSError:
        pass
    finally:
        try:
            b.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def serve_proxy(port, log):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(64)

    def one(c):
        buf = b""
        while b"\r\n\r\n" not in buf:
            d = c.recv(4096)
            if not d:
                c.close()
                return
            buf += d
        head, rest = buf.split(b"\r\n\r\n", 1)
        line = head.split(b"\r\n")[0].decode("latin-1")
        with open(log, "a") as f:
            f.write(line + "\n")
        parts = line.split(" ")
        if parts[0] != "CONNECT":
            c.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            c.close()
            return
        host, port_s = parts[1].rsplit(":", 1)
        try:
            up = socket.create_connection((host, int(port_s)))
        except OSError:
            c.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            c.close()
            return
        c.sendall(b"HTTP/1.1 200 Connection Established\r\n\r\n")
        if rest:
            up.sendall(rest)
        threading.Thread(target=pipe, args=(up, c), daemon=True).start()
        pipe(c, up)

    while True:
        c, _ = s.accept()
        threading.Thread(target=one, args=(c,), daemon=True).start()


def main():
    d = sys.argv[1]
    ports = [int(p) for p in sys.argv[2:]]
    os.makedirs(d, exist_ok=True)
    ca = make_ca(d, "ca")
    other = make_ca(d, "other-ca")
    certs = [
        make_leaf(d, "good", ca, "IP:127.0.0.1,DNS:localhost", 365),
        make_leaf(d, "unknown", other, "IP:127.0.0.1,DNS:localhost", 365),
        make_leaf(d, "wronghost", ca, "DNS:wrong.example", 365),
        make_leaf(d, "expired", ca, "IP:127.0.0.1,DNS:localhost", -1),
    ]
    for port, (cert, key) in zip(ports[:4], certs):
        serve_tls(port, cert, key)
    if len(ports) > 5:
        # A self-signed certificate as `openssl req -x509` makes it (CA:TRUE), naming the server.
        selfca = make_ca(d, "selfca", "IP:127.0.0.1,DNS:localhost")
        serve_tls(ports[5], selfca[1], selfca[0])
    if len(ports) > 4:
        serve_proxy(ports[4], os.path.join(d, "connects.txt"))
    else:
        threading.Event().wait()


if __name__ == "__main__":
    main()
