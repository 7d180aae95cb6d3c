"""An HTTP/2 client for the http.sys tests, on python's `h2` (Debian's python3-h2) over ssl with ALPN h2.

    h2_peer.py CAFILE PORT COMMAND

Prints one line per check, "name: what was seen", for the C test to compare. Commands:
  trailers  GET /trailers, /trailers-length, /trailers-only, /trailers-chunked (te: trailers): body and
            trailers of each
  reset     GET /reset, /reset-early: the data before the reset and the RST_STREAM code; then /hello still
            answers on the same connection
  many      60 concurrent streams on one connection: 40 GETs of /hello and 20 POSTs of 256 KiB to /echo
  big       one 8 MiB POST to /echo and its echo, both ways at once on one stream
  cancel    a POST to /echo reset by the client (CANCEL) mid-body, then /hello on the same connection
  goaway    a GET, then the client's GOAWAY: the server closes the connection
  slow      a GET of /slow/big whose data the client never acknowledges (its stream window shuts at 64 KiB):
            how the stream ends (reset code, whether its body came short), then /hello on the same connection
  appcancel POST /calls/cancel with 1000 bytes of a longer body, which the application cancels
            (HttpCancelHttpRequest): how the stream ended, then /hello on the same connection
  waitdisc  GET /calls/wait (the application waits for the connection's end), GET /hello, then holds the
            connection a second before closing it
  reqtrailers  POST /calls/trailers: body "abc", then trailers (x-req-trailer: 1) ending the stream; the
            response (the body as the application read it)
  stall     POST /stall/x with 1000 bytes of a 1,000,000-byte body, then nothing more (the server's EntityBody
            timer ends it): how the stream ended, then /hello on the same connection
  drain     POST /drain/x with 1000 bytes of a 1,000,000-byte body, which the application answers at once: the
            response, how the stream ended (RST_STREAM NO_ERROR: stop sending), then after a wait longer
            than the server's DrainEntityBody /hello on the same connection
  connid    a second connection GETs /cid/solo and stays open; on the first, /cid/pair/1 and /cid/pair/2 in
            flight at once, then /cid/wait (the application waits for the connection's end and answers with
            HTTP_SEND_RESPONSE_FLAG_DISCONNECT), then /cid/after; the first connection is held 1.5 s, then
            closed. Each body is the HTTP_CONNECTION_ID the application saw: whether the first
            connection's are all the same and differ from the second's
  limit     (a URL group with a connection limit of 1 takes /limit/) /limit/pair/1 and /limit/pair/2 in flight
            at once on one connection, then /limit/solo on a second connection while the first is open, then
            the first closed and /limit/solo on a third: the statuses
Every command ends within its own deadline (20 s).
"""
import socket
import ssl
import sys
import time

import h2.config
import h2.connection
import h2.events
import h2.exceptions


class Client:
    def __init__(self, cafile, port):
        ctx = ssl.create_default_context(cafile=cafile)
        ctx.set_alpn_protocols(["h2"])
        raw = socket.create_connection(("127.0.0.1", port), timeout=20)
        self.sock = ctx.wrap_socket(raw, server_hostname="127.0.0.1")
        assert self.sock.selected_alpn_protocol() == "h2", self.sock.selected_alpn_protocol()
        self.authority = "127.0.0.1:%d" % port
        self.cafile, self.port = cafile, port
        self.conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
        self.conn.initiate_connection()
        self.conn.increment_flow_control_window(16 * 1024 * 1024)
        self.flush()
        self.streams = {}
        self.closed = False
        self.goaway = None
        self.deadline = time.monotonic() + 20

    def flush(self):
        data = self.conn.data_to_send()
        if data:
            self.sock.sendall(data)

    def request(self, method, path, body=None, end=True, extra=()):
        sid = self.conn.get_next_available_stream_id()
        headers = [(":method", method), (":scheme", "https"), (":authority", self.authority), (":path", path),
                   ("te", "trailers")] + list(extra)
        self.conn.send_headers(sid, headers, end_stream=end and not body)
        self.streams[sid] = {"status": None, "data": bytearray(), "trailers": None, "reset": None, "done": False,
                             "out": memoryview(body or b""), "end_out": end}
        self.pump_out(sid)
        self.flush()
        return sid

    def pump_out(self, sid):
        """Sends as much of the stream's body as the windows allow."""
        s = self.streams[sid]
        while s["out"] and not s["reset"]:
            try:
                room = min(self.conn.local_flow_control_window(sid), self.conn.max_outbound_frame_size)
            except (h2.exceptions.StreamClosedError, h2.exceptions.ProtocolError):
                return
            if room <= 0:
                return
            part, s["out"] = s["out"][:room], s["out"][room:]
            self.conn.send_data(sid, part.tobytes(), end_stream=not s["out"] and s["end_out"])

    def step(self, limit=None):
        left = max(0.05, self.deadline - time.monotonic())
        self.sock.settimeout(min(left, limit) if limit else left)
        try:
            data = self.sock.recv(65536)
        except socket.timeout:
            return
        except (ConnectionError, ssl.SSLError):
            data = b""
        if not data:
            self.closed = True
            return
        for ev in self.conn.receive_data(data):
            s = self.streams.get(getattr(ev, "stream_id", None))
            if isinstance(ev, h2.events.ResponseReceived):
                s["status"] = dict(ev.headers)[":status"]
            elif isinstance(ev, h2.events.DataReceived):
                s["data"] += ev.data
                if not s.get("noack"):
                    self.conn.acknowledge_received_data(ev.flow_controlled_length, ev.stream_id)
            elif isinstance(ev, h2.events.TrailersReceived):
                s["trailers"] = list(ev.headers)
            elif isinstance(ev, h2.events.StreamEnded):
                s["done"] = True
            elif isinstance(ev, h2.events.StreamReset):
                if s is not None:
                    s["reset"] = ev.error_code
                    s["done"] = True
            elif isinstance(ev, h2.events.ConnectionTerminated):
                self.goaway = ev.error_code
            elif isinstance(ev, h2.events.WindowUpdated):
                for sid in list(self.streams):
                    if not self.streams[sid]["done"]:
                        self.pump_out(sid)
        self.flush()

    def wait(self, *sids):
        while not all(self.streams[s]["done"] for s in sids):
            if self.closed or time.monotonic() > self.deadline:
                return False
            self.step()
        return True

    def get(self, path):
        sid = self.request("GET", path)
        self.wait(sid)
        return self.streams[sid]


def show_trailers(t):
    return ",".join("%s=%s" % (k, v) for k, v in t) if t is not None else "none"


def cmd_trailers(c):
    for path in ("/trailers", "/trailers-length", "/trailers-only", "/trailers-chunked"):
        s = c.get(path)
        print("%s: %s %s [%s]" % (path, s["status"], s["data"].decode(), show_trailers(s["trailers"])))


def cmd_reset(c):
    for path in ("/reset", "/reset-early"):
        s = c.get(path)
        print("%s: data '%s' reset %s" % (path, s["data"].decode(), int(s["reset"]) if s["reset"] is not None else "none"))
    s = c.get("/hello")
    print("after: %s %s" % (s["status"], s["data"].decode()))


def cmd_many(c):
    bodies = {}
    sids = []
    for i in range(60):
        if i % 3 == 2:
            body = bytes([i]) * (256 * 1024)
            sid = c.request("POST", "/echo", body, extra=[("content-length", str(len(body)))])
            bodies[sid] = body
        else:
            sid = c.request("GET", "/hello")
        sids.append(sid)
    c.wait(*sids)
    good = sum(1 for s in sids if c.streams[s]["done"] and c.streams[s]["status"] == "200" and
               bytes(c.streams[s]["data"]) == bodies.get(s, b"hello"))
    print("many: %d of %d" % (good, len(sids)))


def cmd_big(c):
    body = bytes(range(256)) * (32 * 1024)
    sid = c.request("POST", "/echo", body)
    c.wait(sid)
    s = c.streams[sid]
    print("big: %s %d same=%s" % (s["status"], len(s["data"]), bytes(s["data"]) == body))


def cmd_cancel(c):
    sid = c.request("POST", "/echo", b"x" * 40000, end=False, extra=[("content-length", "1000000")])
    t = time.monotonic() + 0.3
    while time.monotonic() < t and not c.closed:
        c.step(0.05)
    c.conn.reset_stream(sid, 8)
    c.streams[sid]["done"] = True
    c.flush()
    s = c.get("/hello")
    print("cancel: then %s %s goaway=%s" % (s["status"], s["data"].decode(), c.goaway))


def cmd_goaway(c):
    s = c.get("/hello")
    c.conn.close_connection()
    c.flush()
    t0 = time.monotonic()
    while not c.closed and time.monotonic() < c.deadline:
        c.step()
    print("goaway: %s %s closed=%s in_time=%s" % (s["status"], s["data"].decode(), c.closed, time.monotonic() - t0 < 5))


def cmd_slow(c):
    sid = c.request("GET", "/slow/big")
    c.streams[sid]["noack"] = True
    c.wait(sid)
    s = c.streams[sid]
    h = c.get("/hello")
    print("slow: reset %s short=%s then %s %s goaway=%s" % (int(s["reset"]) if s["reset"] is not None else "none",
                                                           len(s["data"]) < 4 << 20, h["status"], h["data"].decode(), c.goaway))


def stalled_post(c, name, path):
    """A POST announcing 1,000,000 bytes of body that sends 1000 and stops; then /hello on the same connection."""
    sid = c.request("POST", path, b"x" * 1000, end=False, extra=[("content-length", "1000000")])
    c.wait(sid)
    s = c.streams[sid]
    h = c.get("/hello")
    print("%s: status=%s reset=%s then %s %s goaway=%s" % (name, s["status"], "yes" if s["reset"] is not None else "no",
                                                           h["status"], h["data"].decode(), c.goaway))


def cmd_appcancel(c):
    stalled_post(c, "appcancel", "/calls/cancel")


def cmd_stall(c):
    stalled_post(c, "stall", "/stall/x")


def cmd_drain(c):
    sid = c.request("POST", "/drain/x", b"x" * 1000, end=False, extra=[("content-length", "1000000")])
    c.wait(sid)
    s = c.streams[sid]
    t = time.monotonic() + 1.5
    while time.monotonic() < t and not c.closed:
        c.step(0.1)
    h = c.get("/hello")
    reset = int(s["reset"]) if s["reset"] is not None else None
    print("drain: %s %s reset=%s then %s %s goaway=%s" % (s["status"], s["data"].decode(), reset, h["status"],
                                                          h["data"].decode(), c.goaway))


def cmd_connid(c):
    other = Client(c.cafile, c.port)
    solo = other.get("/cid/solo")
    a, b = c.request("GET", "/cid/pair/1"), c.request("GET", "/cid/pair/2")
    c.wait(a, b)
    a, b = c.streams[a], c.streams[b]
    w = c.get("/cid/wait")
    after = c.get("/cid/after")
    t = time.monotonic() + 1.5
    while time.monotonic() < t and not c.closed:
        c.step(0.1)
    held = not c.closed
    c.sock.close()
    ids = [bytes(s["data"]) for s in (a, b, w, after)]
    print("connid: pair %s %s wait %s after %s same=%s differs=%s held=%s" % (
        a["status"], b["status"], w["status"], after["status"], len(set(ids)) == 1 and ids[0] != b"",
        bytes(solo["data"]) not in ids, held))


def cmd_limit(c):
    a, b = c.request("GET", "/limit/pair/1"), c.request("GET", "/limit/pair/2")
    c.wait(a, b)
    other = Client(c.cafile, c.port)
    o = other.get("/limit/solo")
    c.sock.close()
    # The server sees the close a moment later.
    t = time.monotonic() + 3
    while True:
        third = Client(c.cafile, c.port)
        s = third.get("/limit/solo")
        if s["status"] == "200" or time.monotonic() > t:
            break
        time.sleep(0.1)
    print("limit: %s %s other %s after close %s" % (c.streams[a]["status"], c.streams[b]["status"], o["status"], s["status"]))


def cmd_waitdisc(c):
    s = c.get("/calls/wait")
    h = c.get("/hello")
    time.sleep(1.0)
    print("waitdisc: %s %s then %s %s" % (s["status"], s["data"].decode(), h["status"], h["data"].decode()))


def cmd_reqtrailers(c):
    sid = c.request("POST", "/calls/trailers", b"abc", end=False)
    c.conn.send_headers(sid, [("x-req-trailer", "1")], end_stream=True)
    c.flush()
    c.wait(sid)
    s = c.streams[sid]
    print("reqtrailers: %s %s" % (s["status"], s["data"].decode()))


def main():
    cafile, port, what = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    c = Client(cafile, port)
    globals()["cmd_" + what](c)


if __name__ == "__main__":
    main()
