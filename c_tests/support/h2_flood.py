"""HTTP/2 floods against the http.sys tests' server, as raw frames over ssl with ALPN h2 (no h2 library:
a flooding client does not play by the protocol's rules).

    h2_flood.py CAFILE PORT SHAPE

Shapes: rapid-reset (HEADERS then RST_STREAM, over and over), continuation (one header block that never
ends), headers (streams opened far past SETTINGS_MAX_CONCURRENT_STREAMS), settings (SETTINGS frames),
ping (PING frames), window-update (the connection's window opened a byte at a time), zero-window (a GET
with every window shut). Prints "SHAPE: goaway=CODE closed=yes|no
sent=FRAMES" once the server has closed the connection or 15 s have passed; CODE is the GOAWAY's error
code (11: ENHANCE_YOUR_CALM) or "none".
"""
import socket
import ssl
import struct
import sys
import select
import time

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def frame(kind, flags, stream, payload=b""):
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload


def request_block(authority, path="/hello"):
    # HPACK: :method GET (2), :scheme https (7), :path from a literal, :authority from a literal; nothing indexed.
    p = path.encode()
    a = authority.encode()
    return b"\x82\x87" + b"\x04" + bytes([len(p)]) + p + b"\x01" + bytes([len(a)]) + a


def main():
    cafile, port, shape = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ctx = ssl.create_default_context(cafile=cafile)
    ctx.set_alpn_protocols(["h2"])
    s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=15), server_hostname="127.0.0.1")
    assert s.selected_alpn_protocol() == "h2"
    authority = "127.0.0.1:%d" % port
    state = {"goaway": None, "closed": False}
    stop = time.monotonic() + 15

    settings = b""
    if shape == "zero-window":
        settings = struct.pack(">HI", 4, 0)  # SETTINGS_INITIAL_WINDOW_SIZE = 0
    s.sendall(PREFACE + frame(4, 0, 0, settings))
    # One thread, non-blocking, reading and writing as the socket allows (an SSL socket is not to be read
    # and written from two threads).
    s.setblocking(False)
    inbox = b""
    out = b""
    sent = 0
    block = request_block(authority)
    sid = 1

    def next_batch():
        nonlocal sid
        batch = []
        if shape == "rapid-reset":
            for _ in range(100):
                batch.append(frame(1, 0x5, sid, block) + frame(3, 0, sid, struct.pack(">I", 8)))
                sid += 2
        elif shape == "headers":
            for _ in range(100):
                # HEADERS without END_STREAM: each stream stays open, past the concurrency limit.
                batch.append(frame(1, 0x4, sid, block))
                sid += 2
        elif shape == "continuation":
            if sent == 0:
                batch.append(frame(1, 0x1, 1, block))  # END_STREAM, no END_HEADERS
            for _ in range(100):
                batch.append(frame(9, 0, 1, b"\x00\x03x-a\x10" + b"a" * 16))
        elif shape == "settings":
            batch = [frame(4, 0, 0, struct.pack(">HI", 3, 100))] * 200
        elif shape == "ping":
            batch = [frame(6, 0, 0, b"12345678")] * 200
        elif shape == "window-update":
            # The connection's window opened a byte at a time.
            batch = [frame(8, 0, 0, struct.pack(">I", 1))] * 200
        elif shape == "zero-window" and sent == 0:
            batch.append(frame(1, 0x5, 1, block))
        return batch

    while time.monotonic() < stop and not state["closed"]:
        if not out and state["goaway"] is None:
            batch = next_batch()
            sent += len(batch)
            out = b"".join(batch)
        r, w, _ = select.select([s], [s] if out else [], [], 0.1)
        if r or s.pending():
            try:
                d = s.recv(65536)
                if not d:
                    state["closed"] = True
                inbox += d
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError, BlockingIOError):
                pass
            except (OSError, ssl.SSLError):
                state["closed"] = True
            while len(inbox) >= 9 and len(inbox) >= 9 + int.from_bytes(inbox[:3], "big"):
                n = int.from_bytes(inbox[:3], "big")
                if inbox[3] == 7 and state["goaway"] is None:
                    state["goaway"] = int.from_bytes(inbox[13:17], "big")
                inbox = inbox[9 + n:]
        if w and out:
            try:
                n = s.send(out[:65536])
                out = out[n:]
            except (ssl.SSLWantReadError, ssl.SSLWantWriteError, BlockingIOError):
                pass
            except (OSError, ssl.SSLError):
                out = b""
    goaway = state["goaway"] if state["goaway"] is not None else "none"
    print("%s: goaway=%s closed=%s sent=%d" % (shape, goaway, "yes" if state["closed"] else "no", sent))


if __name__ == "__main__":
    main()
