#!/usr/bin/env python3
"""Loopback server for the WinHTTP asynchronous tests: the behaviours that keep an operation pending.

usage: winhttp_async_server.py PORT
Paths: /hold (reads the request, never answers), /stall (head + 10 of 100 body bytes, then nothing),
/noread (answers nothing and never reads: a large upload stays pending), /ok (200, "ok"),
/slow (3 s before answering), /conns (200 ms, then the number of connections open to the server as
the body). The server keeps a connection until the client closes it.
"""
import socket, sys, threading, time

open_conns = 0
lock = threading.Lock()


def serve(conn):
    global open_conns
    with lock:
        open_conns += 1
    try:
        buf = b""
        while True:
            while b"\r\n\r\n" not in buf:
                d = conn.recv(65536)
                if not d:
                    return
                buf += d
            head, buf = buf.split(b"\r\n\r\n", 1)
            path = head.split(b" ", 2)[1].decode()
            if path == "/noread":
                # Never read again: the client's upload fills the socket buffers and waits.
                while True:
                    time.sleep(1)
            if path == "/hold":
                while conn.recv(65536):
                    pass
                return
            if path == "/stall":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789")
                while conn.recv(65536):
                    pass
                return
            if path == "/slow":
                time.sleep(3)
            if path == "/conns":
                time.sleep(0.2)
                with lock:
                    n = str(open_conns).encode()
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(n), n))
                continue
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    except OSError:
        pass
    finally:
        with lock:
            open_conns -= 1
        conn.close()


def main():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(sys.argv[1])))
    s.listen(512)
    while True:
        c, _ = s.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()


if __name__ == "__main__":
    main()
