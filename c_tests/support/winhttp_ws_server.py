#!/usr/bin/env python3
"""Loopback WebSocket server (RFC 6455, stdlib only) for the WinHTTP WebSocket tests and example.

usage: winhttp_ws_server.py PORT [--tls DIR]
(--tls: wss, with a self-signed certificate for 127.0.0.1 generated into DIR by the openssl CLI)
Paths: /echo (WebSocket; the default), /nows (a plain 200 response), /badaccept (101 with a wrong
Sec-WebSocket-Accept), /noupgrade (101 without Upgrade: websocket).
On /echo every message is echoed back as one frame of its type (fragmented client messages are
reassembled), except these text commands:
  frag        -> a text message in three fragments "frag-" "ment" "ed"
  binfrag     -> a binary message in two fragments b"\\x01\\x02" b"\\x03"
  ping        -> a ping "hello-ping"; once the client's pong (same payload) comes, text "pong:<payload>"
  big:N       -> a binary message of N bytes, byte i = (i & 0xff) ^ 0xcc
  empty       -> an empty text message
  close       -> a close frame 4000 "server bye"; waits for the client's close, then closes TCP
  closeempty  -> a close frame without payload
  bad         -> a masked frame (a protocol violation for a client)
  drop        -> closes TCP without a close frame
  hold        -> sends nothing more (for receives that stay pending)
  deaf        -> reads and answers nothing more (a close waits for its timeout)
A client close frame is answered with the same status and reason (so the client's
QueryCloseStatus shows what it sent), then TCP is closed. Client frames must be masked: an unmasked
one is answered with close 1002.
"""
import base64, hashlib, os, socket, ssl, struct, subprocess, sys, threading, time

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def recv_exact(conn, buf, n):
    while len(buf[0]) < n:
        d = conn.recv(65536)
        if not d:
            raise EOFError
        buf[0] += d
    out, buf[0] = buf[0][:n], buf[0][n:]
    return out


def read_frame(conn, buf):
    b0, b1 = recv_exact(conn, buf, 2)
    fin, op, masked, n = b0 & 0x80, b0 & 0x0F, b1 & 0x80, b1 & 0x7F
    if n == 126:
        n = struct.unpack(">H", recv_exact(conn, buf, 2))[0]
    elif n == 127:
        n = struct.unpack(">Q", recv_exact(conn, buf, 8))[0]
    key = recv_exact(conn, buf, 4) if masked else None
    data = recv_exact(conn, buf, n)
    if key:
        data = bytes(b ^ key[i & 3] for i, b in enumerate(data)) if n < 4096 else unmask_fast(data, key)
    return bool(fin), op, bool(masked), data


def unmask_fast(data, key):
    k = int.from_bytes((key * ((len(data) + 3) // 4))[: len(data)], "big")
    return (int.from_bytes(data, "big") ^ k).to_bytes(len(data), "big")


def frame(op, data, fin=True, mask=False):
    h = bytes([(0x80 if fin else 0) | op])
    m = 0x80 if mask else 0
    n = len(data)
    if n < 126:
        h += bytes([m | n])
    elif n < 65536:
        h += bytes([m | 126]) + struct.pack(">H", n)
    else:
        h += bytes([m | 127]) + struct.pack(">Q", n)
    if mask:
        key = b"\x11\x22\x33\x44"
        h += key
        data = unmask_fast(data, key) if data else data
    return h + data


def handshake(conn):
    buf = b""
    while b"\r\n\r\n" not in buf:
        d = conn.recv(65536)
        if not d:
            return None, b""
        buf += d
    head, rest = buf.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    path = lines[0].split(" ")[1]
    hdrs = {}
    for l in lines[1:]:
        k, _, v = l.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    if path == "/nows":
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nno")
        return None, b""
    ok = (lines[0].startswith("GET ") and hdrs.get("upgrade", "").lower() == "websocket"
          and "upgrade" in hdrs.get("connection", "").lower() and hdrs.get("sec-websocket-version") == "13"
          and "sec-websocket-key" in hdrs)
    if not ok:
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        return None, b""
    accept = base64.b64encode(hashlib.sha1(hdrs["sec-websocket-key"].encode() + GUID).digest()).decode()
    if path == "/badaccept":
        accept = base64.b64encode(b"0123456789abcdefghij").decode()
    upgrade = "" if path == "/noupgrade" else "Upgrade: websocket\r\n"
    conn.sendall(("HTTP/1.1 101 Switching Protocols\r\n%sConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n"
                  % (upgrade, accept)).encode())
    return path, rest


def serve(conn):
    try:
        path, rest = handshake(conn)
        if path is None:
            return
        buf = [rest]
        msg, msg_op = b"", None
        while True:
            fin, op, masked, data = read_frame(conn, buf)
            if not masked:
                conn.sendall(frame(8, struct.pack(">H", 1002) + b"unmasked"))
                return
            if op == 8:
                conn.sendall(frame(8, data))
                time.sleep(0.05)
                return
            if op == 9:
                conn.sendall(frame(10, data))
                continue
            if op == 10:
                conn.sendall(frame(1, b"pong:" + data))
                continue
            if op in (1, 2):
                msg, msg_op = data, op
            else:
                msg += data
            if not fin:
                continue
            if msg_op == 1 and msg == b"frag":
                conn.sendall(frame(1, b"frag-", False) + frame(0, b"ment", False) + frame(0, b"ed", True))
            elif msg_op == 1 and msg == b"binfrag":
                conn.sendall(frame(2, b"\x01\x02", False) + frame(0, b"\x03", True))
            elif msg_op == 1 and msg == b"ping":
                conn.sendall(frame(9, b"hello-ping"))
            elif msg_op == 1 and msg.startswith(b"big:"):
                n = int(msg[4:])
                conn.sendall(frame(2, bytes(((i & 0xFF) ^ 0xCC) for i in range(n))))
            elif msg_op == 1 and msg == b"empty":
                conn.sendall(frame(1, b""))
            elif msg_op == 1 and msg == b"close":
                conn.sendall(frame(8, struct.pack(">H", 4000) + b"server bye"))
                try:
                    while True:
                        _, op2, _, _ = read_frame(conn, buf)
                        if op2 == 8:
                            break
                except EOFError:
                    pass
                return
            elif msg_op == 1 and msg == b"closeempty":
                conn.sendall(frame(8, b""))
                try:
                    read_frame(conn, buf)
                except EOFError:
                    pass
                return
            elif msg_op == 1 and msg == b"bad":
                conn.sendall(frame(1, b"masked!", mask=True))
            elif msg_op == 1 and msg == b"drop":
                return
            elif msg_op == 1 and msg == b"hold":
                pass
            elif msg_op == 1 and msg == b"deaf":
                time.sleep(20)
                return
            else:
                conn.sendall(frame(msg_op, msg))
    except (OSError, EOFError):
        pass
    finally:
        try:
            conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        conn.close()


def tls_context(d):
    key, pem = os.path.join(d, "ws.key"), os.path.join(d, "ws.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", key, "-out", pem, "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1",
                    "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(pem, key)
    return ctx


def serve_tls(ctx, c):
    try:
        t = ctx.wrap_socket(c, server_side=True)
    except (ssl.SSLError, OSError):
        c.close()
        return
    serve(t)


def main():
    port = int(sys.argv[1])
    ctx = tls_context(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--tls" else None
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(64)
    while True:
        c, _ = s.accept()
        if ctx:
            threading.Thread(target=serve_tls, args=(ctx, c), daemon=True).start()
        else:
            threading.Thread(target=serve, args=(c,), daemon=True).start()


if __name__ == "__main__":
    main()
