"""An HTTP/2 server for the WinHTTP tests, on python's `h2` (Debian's python3-h2) over TLS with ALPN h2:
what nginx and our own server do not send, and what the client does with its connections.

    h2_server.py DIR PORT

DIR holds cert.pem and key.pem. Every connection gets a thread; requests (any verb, bodies ignored):
  /interim  two interim responses (102, then 103 with a link field), then 200 "final"
  /stats    200 "open=N accepted=M": connections open now and accepted so far (this one included)
  /pings    200 "pings=N": PING frames (not acknowledgements) this connection has received
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


def answer(conn, sid, path, pings):
    if path == "/interim":
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


def serve(sock):
    conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=False))
    conn.initiate_connection()
    sock.sendall(conn.data_to_send())
    paths = {}
    pings = 0
    try:
        while True:
            data = sock.recv(65536)
            if not data:
                break
            for ev in conn.receive_data(data):
                if isinstance(ev, h2.events.RequestReceived):
                    paths[ev.stream_id] = dict(ev.headers).get(b":path", b"/").decode()
                    if ev.stream_ended:
                        answer(conn, ev.stream_id, paths.pop(ev.stream_id), pings)
                elif isinstance(ev, h2.events.DataReceived):
                    conn.acknowledge_received_data(ev.flow_controlled_length, ev.stream_id)
                elif isinstance(ev, h2.events.StreamEnded) and ev.stream_id in paths:
                    answer(conn, ev.stream_id, paths.pop(ev.stream_id), pings)
                elif isinstance(ev, h2.events.PingReceived):
                    pings += 1
                elif isinstance(ev, h2.events.ConnectionTerminated):
                    sock.sendall(conn.data_to_send())
                    return
            sock.sendall(conn.data_to_send())
    except (OSError, ssl.SSLError, h2.exceptions.ProtocolError):
        pass
    finally:
        with lock:
            counts["open"] -= 1
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
        threading.Thread(target=serve, args=(s,), daemon=True).start()


if __name__ == "__main__":
    main()
