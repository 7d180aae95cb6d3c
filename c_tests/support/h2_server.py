"""An HTTP/2 server for the WinHTTP tests, on python's `h2` (Debian's python3-h2) over TLS with ALPN h2:
what nginx and our own server do not send, and what the client does with its connections.

    h2_server.py DIR PORT

DIR holds cert.pem and key.pem. Every connection gets a thread; requests (any verb, bodies ignored):
  /interim  two interim responses (102, then 103 with a link field), then 200 "final"
  /stats    200 "open=N accepted=M": connections open now and accepted so far (this one included)
  /pings    200 "pings=N": PING frames (not acknowledgements) this connection has received
  /conn     200 "conn=ID window=W pings=N": the connection's number (1, 2, ... in accept order), the
            stream window its client announced (SETTINGS_INITIAL_WINDOW_SIZE) and its PING count
  /alive/ID 200 "alive=1" while connection ID is open, else "alive=0"
  /big/N    200 with N bytes ("0123456789" repeated) in DATA frames of at most 1000 bytes, sent as
            the client's flow-control windows allow
  /updates  200 "updates=a,b,...": the increments of the stream WINDOW_UPDATE frames the client sent
            on this connection for its last /big stream
  anything else  200 "hello"
Prints "ready" once listening; runs until killed (or 120 s).
"""
import socket
import ssl
import sys
import threading
import time

import h2.config
import h2.connection
import h2.events
import h2.exceptions

lock = threading.Lock()
counts = {"open": 0, "accepted": 0}
live = set()

FRAME = 1000


class Peer:
    """What one connection knows: its number, PINGs, bodies still to send, WINDOW_UPDATEs seen."""

    def __init__(self, cid):
        self.cid = cid
        self.pings = 0
        self.pending = {}  # stream id -> bytes still to send
        self.updates = {}  # stream id -> increments received
        self.last_big = None


def pump(conn, peer):
    """Sends what the flow-control windows allow of the pending bodies."""
    for sid in list(peer.pending):
        data = peer.pending[sid]
        while data:
            n = min(FRAME, len(data), conn.local_flow_control_window(sid))
            if n <= 0:
                break
            conn.send_data(sid, data[:n], end_stream=n == len(data))
            data = data[n:]
        if data:
            peer.pending[sid] = data
        else:
            del peer.pending[sid]


def answer(conn, sid, path, peer):
    pings = peer.pings
    if path.startswith("/big/"):
        n = int(path[5:])
        peer.last_big = sid
        peer.updates[sid] = []
        conn.send_headers(sid, [(":status", "200"), ("content-length", str(n))])
        peer.pending[sid] = (b"0123456789" * (n // 10 + 1))[:n]
        pump(conn, peer)
        return
    if path == "/conn":
        body = ("conn=%d window=%d pings=%d" % (peer.cid, conn.remote_settings.initial_window_size, pings)).encode()
    elif path.startswith("/alive/"):
        with lock:
            body = ("alive=%d" % (int(path[7:]) in live)).encode()
    elif path == "/updates":
        got = peer.updates.get(peer.last_big, [])
        body = ("updates=" + ",".join(str(d) for d in got)).encode()
    elif path == "/interim":
        conn.send_headers(sid, [(":status", "102")])
        conn.send_headers(sid, [(":status", "103"), ("link", "</style.css>; rel=preload")])
        body = b"final"
    elif path == "/pings":
        body = ("pings=%d" % pings).encode()
    elif path == "/stats":
        with lock:
            body = ("open=%d accepted=%d" % (counts["open"], counts["accepted"])).encode()
    else:
        body = b"hello"
    conn.send_headers(sid, [(":status", "200"), ("content-length", str(len(body)))])
    conn.send_data(sid, body, end_stream=True)


def serve(sock, cid):
    conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=False))
    conn.initiate_connection()
    sock.sendall(conn.data_to_send())
    paths = {}
    peer = Peer(cid)
    try:
        while True:
            data = sock.recv(65536)
            if not data:
                break
            for ev in conn.receive_data(data):
                if isinstance(ev, h2.events.RequestReceived):
                    paths[ev.stream_id] = dict(ev.headers).get(b":path", b"/").decode()
                    if ev.stream_ended:
                        answer(conn, ev.stream_id, paths.pop(ev.stream_id), peer)
                elif isinstance(ev, h2.events.DataReceived):
                    conn.acknowledge_received_data(ev.flow_controlled_length, ev.stream_id)
                elif isinstance(ev, h2.events.StreamEnded) and ev.stream_id in paths:
                    answer(conn, ev.stream_id, paths.pop(ev.stream_id), peer)
                elif isinstance(ev, h2.events.PingReceived):
                    peer.pings += 1
                elif isinstance(ev, h2.events.WindowUpdated) and ev.stream_id in peer.updates:
                    peer.updates[ev.stream_id].append(ev.delta)
                elif isinstance(ev, h2.events.StreamReset):
                    peer.pending.pop(ev.stream_id, None)
                elif isinstance(ev, h2.events.ConnectionTerminated):
                    sock.sendall(conn.data_to_send())
                    return
            pump(conn, peer)
            sock.sendall(conn.data_to_send())
    except (OSError, ssl.SSLError, h2.exceptions.ProtocolError):
        pass
    finally:
        with lock:
            counts["open"] -= 1
            live.discard(cid)
        sock.close()


def main():
    d, port = sys.argv[1], int(sys.argv[2])
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(d + "/cert.pem", d + "/key.pem")
    ctx.set_alpn_protocols(["h2"])
    lsock = socket.socket()
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind(("127.0.0.1", port))
    lsock.listen(64)
    lsock.settimeout(1)
    print("ready", flush=True)
    end = time.time() + 120
    while time.time() < end:
        try:
            raw, _ = lsock.accept()
        except socket.timeout:
            continue
        try:
            raw.settimeout(None)
            s = ctx.wrap_socket(raw, server_side=True)
        except (OSError, ssl.SSLError):
            raw.close()
            continue
        with lock:
            counts["open"] += 1
            counts["accepted"] += 1
            cid = counts["accepted"]
            live.add(cid)
        threading.Thread(target=serve, args=(s, cid), daemon=True).start()


if __name__ == "__main__":
    main()
