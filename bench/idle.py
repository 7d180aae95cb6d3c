#!/usr/bin/env python3
"""Idle keep-alive connections against a hello server (bench/idle.sh): opens N connections, each sends one
request and reads its answer, then stays open and idle. Prints the server's resident memory growth per
connection, checks every connection still answers, closes them all and does it once more (memory reused
or returned after close).

    idle.py PORT PID N
"""
import selectors
import socket
import sys
import time

REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def rss_bytes(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def exchange_all(socks, timeout=60.0):
    """Sends one request on every socket and reads one whole response from each; returns how many answered."""
    sel = selectors.DefaultSelector()
    want = {}
    for s in socks:
        s.sendall(REQUEST)
        want[s] = b""
        sel.register(s, selectors.EVENT_READ)
    done = 0
    deadline = time.time() + timeout
    while want and time.time() < deadline:
        for key, _ in sel.select(timeout=1.0):
            s = key.fileobj
            try:
                data = s.recv(65536)
            except OSError:
                data = b""
            if not data:
                sel.unregister(s)
                del want[s]
                continue
            buf = want[s] + data
            end = buf.find(b"\r\n\r\n")
            if end >= 0:
                head = buf[:end].lower()
                length = 0
                for line in head.split(b"\r\n"):
                    if line.startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                if len(buf) >= end + 4 + length:
                    sel.unregister(s)
                    del want[s]
                    done += 1 if buf.startswith(b"HTTP/1.1 200") else 0
                    continue
            want[s] = buf
    sel.close()
    return done


def open_many(port, n):
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        socks.append(s)
    return socks


def main():
    port, pid, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    warm = open_many(port, 16)
    exchange_all(warm)
    for s in warm:
        s.close()
    time.sleep(1.0)
    base = rss_bytes(pid)
    rounds = []
    for r in range(2):
        socks = open_many(port, n)
        answered_first = exchange_all(socks)
        time.sleep(2.0)
        held = rss_bytes(pid)
        answered_again = exchange_all(socks)
        time.sleep(0.5)
        for s in socks:
            s.close()
        time.sleep(2.0)
        after = rss_bytes(pid)
        rounds.append((held, after, answered_first, answered_again))
    (held1, after1, a1, b1), (held2, after2, a2, b2) = rounds
    per = (held1 - base) / n
    print(f"connections            {n}")
    print(f"RSS before             {base / 1048576:8.1f} MiB")
    print(f"RSS with {n} idle   {held1 / 1048576:8.1f} MiB   ({per:.0f} B per idle connection; target <= 2048)")
    print(f"answered (first, again) {a1} {b1} of {n}")
    print(f"RSS after close        {after1 / 1048576:8.1f} MiB")
    print(f"second round: held {held2 / 1048576:.1f} MiB, after close {after2 / 1048576:.1f} MiB, answered {a2} {b2}")
    ok = a1 == n and b1 == n and a2 == n and b2 == n
    print("all connections answered" if ok else "SOME CONNECTIONS DID NOT ANSWER")
    print(f"RESULT {per:.0f} {int(ok)}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
