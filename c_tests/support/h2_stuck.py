"""A client that opens an HTTP/2 connection and then stalls, for the HeaderWait rows of httpapi_http2:

    h2_stuck.py CAFILE PORT SHAPE

Shapes (after the TLS handshake with ALPN h2):
  silent   nothing at all (not even the connection preface)
  idle     the preface and an empty SETTINGS, then nothing
  headers  then a HEADERS frame for stream 1 without END_HEADERS: the CONTINUATION never comes
  cut      then a HEADERS frame with END_HEADERS whose 40-byte payload stops after 10 bytes

Reads what the server sends and prints one line, "SHAPE: goaway=CODE at=MS closed=MS": the error code of the
server's GOAWAY ("none" when none came) and when it came, and when the server closed the connection (-1: not
within 12 s), both in milliseconds from the end of the handshake. `idle` stops reading at the GOAWAY (the
server then waits for the streams it still has, which this client never opens or closes).
"""
import socket
import ssl
import sys
import time


def frame(kind, flags, stream, payload, length=None):
    n = len(payload) if length is None else length
    return n.to_bytes(3, "big") + bytes([kind, flags]) + stream.to_bytes(4, "big") + payload


def main():
    cafile, port, shape = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    ctx = ssl.create_default_context(cafile=cafile)
    ctx.set_alpn_protocols(["h2"])
    s = ctx.wrap_socket(socket.create_connection(("127.0.0.1", port)), server_hostname="127.0.0.1")
    assert s.selected_alpn_protocol() == "h2", s.selected_alpn_protocol()
    t0 = time.monotonic()
    out = b""
    if shape != "silent":
        out = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + frame(4, 0, 0, b"")
    # HPACK: indexed :method GET (2), :scheme https (7), :path / (4), then a literal :authority cut short.
    block = bytes([0x82, 0x87, 0x84, 0x41, 0x09]) + b"127.0.0.1"
    if shape == "headers":
        out += frame(1, 0x1, 1, block[:5])
    elif shape == "cut":
        out += frame(1, 0x5, 1, block[:10], length=40)
    s.sendall(out)
    s.settimeout(12)
    buf, goaway, at, closed = b"", None, -1, -1
    while True:
        try:
            d = s.recv(4096)
        except socket.timeout:
            break
        except (ConnectionError, ssl.SSLError):
            d = b""
        if not d:
            closed = int((time.monotonic() - t0) * 1000)
            break
        buf += d
        while len(buf) >= 9 and len(buf) >= 9 + int.from_bytes(buf[:3], "big"):
            n = int.from_bytes(buf[:3], "big")
            if buf[3] == 7 and goaway is None:
                goaway = int.from_bytes(buf[13:17], "big")
                at = int((time.monotonic() - t0) * 1000)
            buf = buf[9 + n:]
        if goaway is not None and shape == "idle":
            break
    print("%s: goaway=%s at=%d closed=%d" % (shape, "none" if goaway is None else goaway, at, closed))


if __name__ == "__main__":
    main()
