/* http.sys over HTTP/2: an https:// prefix answers HTTP/2 to a client that offers `h2` by ALPN, as
 * Windows 10 and later do, and HTTP/1.1 to one that offers only http/1.1 or when the SSL binding has
 * HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2. The application receives each stream exactly as an
 * HTTP/1.1 request, with Version 2.0 and HTTP_REQUEST_FLAG_HTTP2.
 * Client: curl --http2 (nghttp2). Checked: GET, a large POST body echoed, MORE_DATA responses with and
 * without the application's own chunked framing, HEAD, connection-specific response headers dropped,
 * eight streams in flight at once on one connection (answered in reverse order), the HTTP/1.1
 * fallback and the disable flag, and a DISCONNECT response ending only its stream.
 * Client: python's h2 (c_tests/support/h2_peer.py): response trailers (HttpDataChunkTrailers), stream
 * resets (HttpRequestPropertyStreamError), 60 concurrent streams, 8 MiB both ways on one stream, a client
 * reset mid-body, the client's GOAWAY; a grpcio client (c_tests/support/grpc_peer.py) calling unary and
 * server-streaming methods this program implements (grpc-status in the trailers); seven flood shapes
 * (c_tests/support/h2_flood.py), each ending in a GOAWAY with memory bounded.
 * The HTTP/1.1 path's calls on streams: receive by id after ERROR_MORE_DATA, a file-handle response,
 * HttpCancelHttpRequest, HttpWaitForDisconnect, and request trailers (not exposed, as on Windows); the
 * timers per stream: MinSendRate and EntityBody reset the stream, not the connection; RequestQueue answers
 * 503 on the stream; DrainEntityBody has nothing to drain (a response before the whole body ends the stream
 * with RST_STREAM NO_ERROR); HeaderWait (machine-wide) ends a connection whose header block stops coming
 * (c_tests/support/h2_stuck.py), IdleConnection one that sends nothing.
 * One HTTP_CONNECTION_ID per TCP connection, as on Windows: every stream's request reports it (two streams
 * in flight at once, curl and python), another connection's differs; HttpWaitForDisconnect on it outlives
 * the streams and completes when the client closes the TCP connection; HttpReceiveClientCertificate knows
 * it (ERROR_NOT_FOUND: none negotiated) and after the close ERROR_CONNECTION_INVALID; notification ports
 * (httpnotify.h) see one CONNECTION_OPENED and one CONNECTION_CLOSED per TCP connection, named by that id,
 * and its requests' REQUEST_RECEIVED under it too; a URL group's
 * connection limit counts the TCP connection once, however many streams it has in flight. */
#include "httpapi_support.h"
#include <arpa/inet.h>
#include <httpnotify.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[256], cert[300], curl[400];
static BYTE thumb[20];

/* Runs a shell command (30 s at most); its exit status, its stdout in `out`. */
static int run(const char *cmd, char *out, size_t cap) {
    const char *argv[] = {"sh", "-c", cmd, NULL};
    return ts_run(argv, out, cap, 30000);
}

/* One self-signed certificate for 127.0.0.1, imported into the store; its thumbprint in `thumb`. */
static int make_certificate(void) {
    snprintf(cert, sizeof cert, "%s/cert.pem", dir);
    return hs_make_certificate(dir, thumb);
}

static ULONG bind_port(int port, DWORD flags) {
    return hs_bind_certificate(port, thumb, flags);
}

/* A queue with https://127.0.0.1:port/ on a port bound with `flags`. */
static HANDLE https_queue(int *port, DWORD flags) {
    HANDLE q = NULL;
    wchar_t url[64];
    *port = ts_free_port();
    CHECK_EQ(bind_port(*port, flags), NO_ERROR, "SSL binding");
    CHECK_EQ(HttpCreateHttpHandle(&q, 0), NO_ERROR, "queue");
    swprintf(url, 64, L"https://127.0.0.1:%d/", *port);
    CHECK_EQ(HttpAddUrl(q, url, NULL), NO_ERROR, "HttpAddUrl https");
    return q;
}

/* Receives `n` requests on this thread before answering any (so all are in flight at once), checks each
 * one's Version and HTTP2 flag, then answers them in reverse order with their path. Returns how many
 * were as wanted. */
static int serve_held(HANDLE queue, int n, int major) {
    static union {
        HTTP_REQUEST r;
        char raw[8192];
    } u[16];
    int good = 0;
    for (int i = 0; i < n; i++) {
        ULONG got = 0;
        ULONG r = HttpReceiveHttpRequest(queue, HTTP_NULL_ID, 0, &u[i].r, sizeof u[i], &got, NULL);
        CHECK_EQ(r, NO_ERROR, "receive a held request");
        if (r != NO_ERROR) return good;
        HTTP_REQUEST *q = &u[i].r;
        int flag = (q->Flags & HTTP_REQUEST_FLAG_HTTP2) != 0;
        int ok = q->Version.MajorVersion == major && q->Version.MinorVersion == (major == 2 ? 0 : 1) && flag == (major == 2);
        CHECK(ok, "request %d: Version %u.%u, HTTP2 flag %d (want %d.x)", i, q->Version.MajorVersion, q->Version.MinorVersion, flag, major);
        /* :authority became Host, :method the verb, :path the URL. */
        const char *host = q->Headers.KnownHeaders[HttpHeaderHost].pRawValue;
        CHECK(host && strncmp(host, "127.0.0.1:", 10) == 0, "Host from :authority: %s", host ? host : "(none)");
        CHECK_EQ(q->Verb, HttpVerbGET, "verb from :method");
        CHECK(q->CookedUrl.pFullUrl && wcsncmp(q->CookedUrl.pFullUrl, L"https://127.0.0.1:", 18) == 0, "cooked URL is https");
        good += ok;
    }
    for (int i = n - 1; i >= 0; i--) {
        char path[64];
        size_t w = u[i].r.CookedUrl.AbsPathLength / sizeof(WCHAR);
        snprintf(path, sizeof path, "%.*ls", (int)(w < 60 ? w : 60), u[i].r.CookedUrl.pAbsPath);
        CHECK_EQ(hs_send_simple(queue, u[i].r.RequestId, 200, "OK", path, 0), NO_ERROR, "answer a held request");
    }
    return good;
}

/* Runs curl in the background while this thread serves `n` held requests; `out` gets curl's stdout. */
static void curl_while_held(HANDLE queue, const char *args, int n, int major, char *out, size_t cap) {
    char cmd[2000], log[300];
    snprintf(cmd, sizeof cmd, "%s %s", curl, args);
    snprintf(log, sizeof log, "%s/curl.out", dir);
    const char *argv[] = {"sh", "-c", cmd, NULL};
    pid_t pid = ts_spawn(argv, log);
    CHECK_EQ(serve_held(queue, n, major), n, "held requests as wanted");
    int status;
    waitpid(pid, &status, 0);
    out[0] = 0;
    FILE *f = fopen(log, "r");
    if (f) {
        size_t k = fread(out, 1, cap - 1, f);
        out[k] = 0;
        fclose(f);
    }
}

static void test_streams_in_flight(HANDLE queue, int port) {
    char args[2000], out[2048];
    int len = snprintf(args, sizeof args, "--no-progress-meter --http2 --parallel --parallel-max 8 -w '%%{http_version} %%{num_connects}\\n'");
    for (int i = 0; i < 8; i++) len += snprintf(args + len, sizeof args - len, " -o '%s/held%d' https://127.0.0.1:%d/held/%d", dir, i, port, i);
    curl_while_held(queue, args, 8, 2, out, sizeof out);
    int v2 = 0, connects = 0;
    for (const char *p = out; (p = strstr(p, "2 ")) != NULL; p += 2) {
        v2++;
        connects += atoi(p + 2);
    }
    CHECK(v2 == 8, "eight streams over HTTP/2: '%s'", out);
    CHECK_EQ(connects, 1, "all eight on one connection");
    int bodies = 0;
    for (int i = 0; i < 8; i++) {
        char cmd[400], body[64], want[32];
        snprintf(cmd, sizeof cmd, "cat '%s/held%d'", dir, i);
        snprintf(want, sizeof want, "/held/%d", i);
        bodies += run(cmd, body, sizeof body) == 0 && strcmp(body, want) == 0;
    }
    CHECK_EQ(bodies, 8, "each stream got its own answer (answered in reverse order)");
}

static void test_fallback(HANDLE queue, int port) {
    char args[600], out[512];
    snprintf(args, sizeof args, "--http1.1 -w ' %%{http_version}' https://127.0.0.1:%d/old", port);
    curl_while_held(queue, args, 1, 1, out, sizeof out);
    CHECK(strcmp(out, "/old 1.1") == 0, "a client offering only http/1.1 gets HTTP/1.1: '%s'", out);
}

static void test_disabled(void) {
    int port;
    HANDLE q = https_queue(&port, HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2);
    char args[600], out[512];
    snprintf(args, sizeof args, "--http2 -w ' %%{http_version}' https://127.0.0.1:%d/nope", port);
    curl_while_held(q, args, 1, 1, out, sizeof out);
    CHECK(strcmp(out, "/nope 1.1") == 0, "HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2: HTTP/1.1 for an h2 client: '%s'", out);
    HttpCloseRequestQueue(q);
}

/* The application thread answers; curl only looks. */
static void test_served(int port) {
    char cmd[2000], out[4096];
    struct {
        const char *name, *args, *want;
    } rows[] = {
        {"GET", "-w ' %{http_version}' https://127.0.0.1:%d/hello", "hello 2"},
        {"MORE_DATA, no length", "-w ' %{http_version}' https://127.0.0.1:%d/stream", "one,two,three 2"},
        {"MORE_DATA, application's chunks", "-w ' %{http_version}' https://127.0.0.1:%d/stream-chunked", "one,two,three 2"},
        {"HEAD", "-I -o /dev/null -w '%{http_code} %{http_version} %{size_download}' https://127.0.0.1:%d/hello", "200 2 0"},
        /* http.sys frames no chunks on HTTP/1.1: HttpDataChunkTrailers there are dropped, the body stands. */
        {"HTTP/1.1: trailers dropped", "--http1.1 -w ' %{http_version}' https://127.0.0.1:%d/trailers", "abcdef 1.1"},
        /* ... unless the client asked for them (TE: trailers) and the application frames chunks: then in its
         * last chunk. */
        {"HTTP/1.1 TE: trailers", "--http1.1 --raw -H 'TE: trailers' https://127.0.0.1:%d/trailers-chunked",
         "6\r\nabcdef\r\n0\r\ngrpc-status: 0\r\ngrpc-message: ok\r\n\r\n"},
        {"HTTP/1.1 no TE", "--http1.1 --raw https://127.0.0.1:%d/trailers-chunked", "6\r\nabcdef\r\n0\r\n\r\n"},
        {"DISCONNECT ends its stream only", "-w ' %{num_connects}\\n' https://127.0.0.1:%d/close https://127.0.0.1:%d/hello", "bye 1\nhello 0\n"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char args[600];
        snprintf(args, sizeof args, rows[i].args, port, port);
        snprintf(cmd, sizeof cmd, "%s --http2 %s", curl, args);
        int rc = run(cmd, out, sizeof out);
        CHECK(rc == 0 && strcmp(out, rows[i].want) == 0, "%s: rc %d '%s' (want '%s')", rows[i].name, rc, out, rows[i].want);
    }
    /* The application's Transfer-Encoding and the engine's Connection header are HTTP/1.1's: dropped. */
    snprintf(cmd, sizeof cmd, "%s --http2 -D - -o /dev/null https://127.0.0.1:%d/stream-chunked | tr -d '\\r' | tr A-Z a-z", curl, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strncmp(out, "http/2 200", 10) == 0 && !strstr(out, "transfer-encoding") &&
              !strstr(out, "connection:") && strstr(out, "server:"),
          "response headers over HTTP/2: '%s'", out);
    /* 2 MB up, echoed back byte-exact: request and response bodies both span many windows. */
    snprintf(cmd, sizeof cmd,
             "cd '%s' && head -c 2000000 /dev/urandom > up.bin && %s --http2 --data-binary @up.bin -H 'Content-Type: application/octet-stream'"
             " -o down.bin -w '%%{http_version}' https://127.0.0.1:%d/echo && cmp up.bin down.bin && echo ' same'",
             dir, curl, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "2 same\n") == 0, "2 MB POST echoed over HTTP/2: '%s'", out);
    /* A body of unknown length (no content-length: curl -T - over HTTP/2) is relayed chunked, echoed whole. */
    snprintf(cmd, sizeof cmd, "cd '%s' && %s --http2 -T - -o down2.bin -w '%%{http_version}' https://127.0.0.1:%d/echo < up.bin && cmp up.bin down2.bin && echo ' same'",
             dir, curl, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "2 same\n") == 0, "2 MB upload of unknown length echoed over HTTP/2: '%s'", out);
}

/* A connection with no stream open for the machine-wide IdleConnection time (1 s here) gets a GOAWAY
 * and is closed, as an idle HTTP/1.1 connection is. The client: python's ssl with ALPN h2, sending the
 * preface and an empty SETTINGS, then only reading. */
static void test_idle_goaway(int port) {
    HTTP_SERVICE_CONFIG_TIMEOUT_SET idle = {IdleConnectionTimeout, 1};
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &idle, sizeof idle, NULL), NO_ERROR, "machine IdleConnection 1 s");
    usleep(1100000); /* the engine re-reads the store at most once a second */
    char script[300], cmd[800], out[256];
    snprintf(script, sizeof script, "%s/idle.py", dir);
    FILE *f = fopen(script, "w");
    if (!f) return;
    fputs("import socket, ssl, sys, time\n"
          "ctx = ssl.create_default_context(cafile=sys.argv[1]); ctx.set_alpn_protocols(['h2'])\n"
          "s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[2]))), server_hostname='127.0.0.1')\n"
          "s.sendall(b'PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n' + bytes([0, 0, 0, 4, 0, 0, 0, 0, 0]))\n"
          "t0 = time.monotonic(); s.settimeout(8); buf = b''; goaway = None\n"
          "while True:\n"
          "    try: d = s.recv(4096)\n"
          "    except (ConnectionError, ssl.SSLError): d = b''\n"
          "    if not d: break\n"
          "    buf += d\n"
          "    while len(buf) >= 9 and len(buf) >= 9 + int.from_bytes(buf[:3], 'big'):\n"
          "        n = int.from_bytes(buf[:3], 'big')\n"
          "        if buf[3] == 7 and goaway is None: goaway = time.monotonic() - t0\n"
          "        buf = buf[9 + n:]\n"
          "print(s.selected_alpn_protocol(), 'goaway' if goaway is not None else 'none', int((goaway or 0) * 1000), int((time.monotonic() - t0) * 1000))\n",
          f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "python3 '%s' '%s' %d", script, cert, port);
    int rc = run(cmd, out, sizeof out);
    printf("idle client: %s", out);
    char alpn[16] = "", what[16] = "";
    int at = -1, closed = -1;
    sscanf(out, "%15s %15s %d %d", alpn, what, &at, &closed);
    CHECK(rc == 0 && !strcmp(alpn, "h2") && !strcmp(what, "goaway") && at >= 500 && at <= 3500 && closed >= at && closed <= 6000,
          "idle HTTP/2 connection: GOAWAY after the machine-wide IdleConnection, then closed: rc %d '%s'", rc, out);
    HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, &idle, sizeof idle, NULL);
}

/* Runs the python peer c_tests/support/NAME against this server's port with the test CA and the command
 * WHAT, within SECS seconds; `module` is the Debian module it needs (python3-h2, python3-grpcio are for
 * Debian's python3, which a python3 earlier on PATH may hide). */
static int run_peer(const char *name, const char *module, int secs, int port, const char *what, char *out, size_t cap) {
    char script[300], cmd[900];
    snprintf(cmd, sizeof cmd, "c_tests/support/%s", name);
    ts_source_path(cmd, script, sizeof script);
    snprintf(cmd, sizeof cmd, "py=python3; python3 -c 'import %s' 2>/dev/null || py=/usr/bin/python3; timeout %d $py '%s' '%s' %d %s 2>&1",
             module, secs, script, cert, port, what);
    return run(cmd, out, cap);
}

/* python's h2 as the client (c_tests/support/h2_peer.py): each row a command and the lines it must print. */
static void test_python_peers(hs_app *app, int port) {
    char out[2048];
    struct {
        const char *what, *want;
    } rows[] = {
        /* HttpDataChunkTrailers: a trailing HEADERS frame after the body (also after a body of known length
         * ended by an earlier send, and after no body at all). */
        {"trailers", "/trailers: 200 abcdef [grpc-status=0,grpc-message=ok]\n/trailers-length: 200 abcdef [x-checksum=6]\n"
                     "/trailers-only: 200  [x-only=1]\n/trailers-chunked: 200 abcdef [grpc-status=0,grpc-message=ok]\n"},
        /* HttpRequestPropertyStreamError: RST_STREAM with the application's code; the connection lives on. */
        {"reset", "/reset: data 'partial' reset 8\n/reset-early: data '' reset 13\nafter: 200 hello\n"},
        {"many", "many: 60 of 60\n"},
        {"big", "big: 200 8388608 same=True\n"},
        {"cancel", "cancel: then 200 hello goaway=None\n"},
        {"goaway", "goaway: 200 hello closed=True in_time=True\n"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int rc = run_peer("h2_peer.py", "h2", 30, port, rows[i].what, out, sizeof out);
        CHECK(rc == 0 && strcmp(out, rows[i].want) == 0, "python h2 %s: rc %d '%s' (want '%s')", rows[i].what, rc, out, rows[i].want);
    }
    CHECK_EQ(app->reset_result, NO_ERROR, "HttpSetRequestProperty(HttpRequestPropertyStreamError) on an HTTP/2 request");
    CHECK_EQ(app->after_reset, ERROR_CONNECTION_INVALID, "a send after the reset");
    CHECK(HttpIsFeatureSupported(HttpFeatureResponseTrailers), "HttpFeatureResponseTrailers reported");
}

/* gRPC on http.sys: a second queue takes https://127.0.0.1:port/test.Echo/ and implements, as a C program
 * with the HTTP Server API alone, a unary method (Say: "hello, " + the request), a server-streaming one
 * (Count: the messages "1".."n" in separate sends) and one that fails (Fail: grpc-status 5 and a
 * grpc-message), each ended by HttpDataChunkTrailers carrying grpc-status. Messages are raw bytes in
 * gRPC's length-prefixed framing (no protobuf). */
static ULONG grpc_send(HANDLE q, HTTP_REQUEST_ID id, const char *msg, size_t len) {
    unsigned char frame[300];
    HTTP_DATA_CHUNK c;
    ULONG sent;
    frame[0] = 0;
    frame[1] = 0, frame[2] = 0, frame[3] = (unsigned char)(len >> 8), frame[4] = (unsigned char)len;
    memcpy(frame + 5, msg, len);
    c.DataChunkType = HttpDataChunkFromMemory;
    c.FromMemory.pBuffer = frame;
    c.FromMemory.BufferLength = (ULONG)(5 + len);
    return HttpSendResponseEntityBody(q, id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, 1, &c, &sent, NULL, 0, NULL, NULL);
}

static void *grpc_main(void *arg) {
    HANDLE q = (HANDLE)arg;
    static union {
        HTTP_REQUEST r;
        char raw[8192];
    } u;
    for (;;) {
        ULONG got = 0, n = 0, used = 0;
        if (HttpReceiveHttpRequest(q, HTTP_NULL_ID, 0, &u.r, sizeof u, &got, NULL) != NO_ERROR) break;
        HTTP_REQUEST_ID id = u.r.RequestId;
        char body[256], path[64];
        while (used < sizeof body &&
               HttpReceiveRequestEntityBody(q, id, 0, body + used, (ULONG)sizeof body - used, &n, NULL) == NO_ERROR)
            used += n;
        size_t mlen = used >= 5 ? used - 5 : 0;
        char msg[200];
        snprintf(msg, sizeof msg, "%.*s", (int)(mlen < 150 ? mlen : 150), body + 5);
        snprintf(path, sizeof path, "%.*ls", (int)(u.r.CookedUrl.AbsPathLength / sizeof(WCHAR)), u.r.CookedUrl.pAbsPath);
        HTTP_RESPONSE resp;
        ULONG sent;
        memset(&resp, 0, sizeof resp);
        resp.StatusCode = 200;
        resp.Headers.KnownHeaders[HttpHeaderContentType].pRawValue = "application/grpc";
        resp.Headers.KnownHeaders[HttpHeaderContentType].RawValueLength = 16;
        HttpSendHttpResponse(q, id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent, NULL, 0, NULL, NULL);
        static HTTP_UNKNOWN_HEADER ok[] = {{11, 1, "grpc-status", "0"}};
        static HTTP_UNKNOWN_HEADER notfound[] = {{11, 1, "grpc-status", "5"}, {12, 13, "grpc-message", "no such thing"}};
        HTTP_DATA_CHUNK t;
        memset(&t, 0, sizeof t);
        t.DataChunkType = HttpDataChunkTrailers;
        t.Trailers.TrailerCount = 1;
        t.Trailers.pTrailers = ok;
        if (!strcmp(path, "/test.Echo/Say")) {
            char out[220];
            int k = snprintf(out, sizeof out, "hello, %s", msg);
            grpc_send(q, id, out, (size_t)k);
        } else if (!strcmp(path, "/test.Echo/Count")) {
            for (int i = 1; i <= atoi(msg) && i <= 100; i++) {
                char out[16];
                int k = snprintf(out, sizeof out, "%d", i);
                grpc_send(q, id, out, (size_t)k);
            }
        } else {
            t.Trailers.TrailerCount = 2;
            t.Trailers.pTrailers = notfound;
        }
        HttpSendResponseEntityBody(q, id, 0, 1, &t, &sent, NULL, 0, NULL, NULL);
    }
    return NULL;
}

static void test_grpc(int port) {
    HANDLE q = NULL;
    wchar_t url[80];
    CHECK_EQ(HttpCreateHttpHandle(&q, 0), NO_ERROR, "gRPC queue");
    swprintf(url, 80, L"https://127.0.0.1:%d/test.Echo/", port);
    CHECK_EQ(HttpAddUrl(q, url, NULL), NO_ERROR, "HttpAddUrl https .../test.Echo/");
    pthread_t th;
    pthread_create(&th, NULL, grpc_main, q);
    char out[1024];
    int rc = run_peer("grpc_peer.py", "grpc", 60, port, "", out, sizeof out);
    CHECK(rc == 0 && !strcmp(out, "say: hello, world\ncount: 1,2,3,4,5\nfail: NOT_FOUND no such thing\n"),
          "grpcio client against http.sys: rc %d '%s'", rc, out);
    HttpCloseRequestQueue(q);
    pthread_join(th, NULL);
}

/* The request calls of the HTTP/1.1 path on HTTP/2 streams (issue 15 item 1 names them): a queue of its own
 * takes https://127.0.0.1:port/calls/ and its thread receives every request first into a buffer of
 * sizeof(HTTP_REQUEST) alone (ERROR_MORE_DATA, the id in the buffer), then by that id into a large one.
 *   /calls/file      a response from a file handle (HttpDataChunkFromFileHandle, 3 MiB from offset 7: many
 *                    windows of flow control), fetched by curl --http2 and compared byte for byte;
 *   /calls/cancel    HttpCancelHttpRequest while a body read is pending: the read ends with
 *                    ERROR_OPERATION_ABORTED, a second cancel and a later send get ERROR_CONNECTION_INVALID,
 *                    the client sees its stream reset and the connection serves /hello afterwards;
 *   /calls/wait      HttpWaitForDisconnect (event) on the request's connection: pending while the client keeps
 *                    the connection open after the response, complete once it closes it;
 *   /calls/trailers  a request body followed by trailers: the body reads whole and the trailers are not among
 *                    the request's headers (http.sys passes request trailers to no API: "IIS and HTTP.sys only
 *                    support HTTP/2 response trailers", Microsoft's Kestrel HTTP/2 page). */
#define CALLS_FILE_OFF 7
#define CALLS_FILE_LEN (3u << 20)

static struct {
    HANDLE q, file;
    volatile int received, more_data, by_id, trailer_fields;
    volatile ULONG file_result, read_pending, cancel, aborted, cancel_twice, send_after_cancel;
    volatile ULONG wait_pending, wait_result;
    volatile int wait_early, wait_done;
} calls;

static unsigned char calls_pattern(unsigned long long i) { return (unsigned char)((i * 131u) ^ (i >> 11)); }

/* Receives one request: first into a buffer that holds the structure alone, then by id. NULL when the
 * queue is closed. */
static HTTP_REQUEST *calls_receive(HTTP_REQUEST *big, ULONG cap) {
    static HTTP_REQUEST small;
    ULONG got = 0;
    memset(&small, 0, sizeof small);
    ULONG r = HttpReceiveHttpRequest(calls.q, HTTP_NULL_ID, 0, &small, sizeof small, &got, NULL);
    if (r == NO_ERROR) return &small;
    if (r != ERROR_MORE_DATA) return NULL;
    calls.more_data += got > sizeof small && small.RequestId != HTTP_NULL_ID;
    HTTP_REQUEST_ID id = small.RequestId;
    if (HttpReceiveHttpRequest(calls.q, id, 0, big, cap, &got, NULL) != NO_ERROR) return NULL;
    calls.by_id += big->RequestId == id && (big->Flags & HTTP_REQUEST_FLAG_HTTP2) && big->Version.MajorVersion == 2;
    return big;
}

static void calls_cancel(HTTP_REQUEST_ID id) {
    char body[4096];
    ULONG n = 0, used = 0;
    /* The client sent 1000 bytes of a longer body and waits: read those, then one read that pends. */
    while (used < 1000 && HttpReceiveRequestEntityBody(calls.q, id, 0, body, sizeof body, &n, NULL) == NO_ERROR) used += n;
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    calls.read_pending = HttpReceiveRequestEntityBody(calls.q, id, 0, body, sizeof body, NULL, &ov);
    calls.cancel = HttpCancelHttpRequest(calls.q, id, NULL);
    DWORD got;
    if (WaitForSingleObject(ov.hEvent, 5000) == WAIT_OBJECT_0)
        calls.aborted = GetOverlappedResult(calls.q, &ov, &got, FALSE) ? NO_ERROR : GetLastError();
    calls.cancel_twice = HttpCancelHttpRequest(calls.q, id, NULL);
    calls.send_after_cancel = hs_send_simple(calls.q, id, 200, "OK", "late", 0);
    CloseHandle(ov.hEvent);
}

static void calls_wait(HTTP_REQUEST *r) {
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    calls.wait_pending = HttpWaitForDisconnect(calls.q, r->ConnectionId, &ov);
    hs_send_simple(calls.q, r->RequestId, 200, "OK", "waiting", 0);
    /* The client holds the connection a second after the response: no completion yet. */
    calls.wait_early = WaitForSingleObject(ov.hEvent, 400) == WAIT_OBJECT_0;
    if (WaitForSingleObject(ov.hEvent, 15000) == WAIT_OBJECT_0) {
        DWORD got;
        calls.wait_result = GetOverlappedResult(calls.q, &ov, &got, FALSE) ? NO_ERROR : GetLastError();
        calls.wait_done = 1;
    }
    CloseHandle(ov.hEvent);
}

static void calls_trailers(HTTP_REQUEST *r) {
    char body[256];
    ULONG n = 0, used = 0;
    while (used < sizeof body - 1 && HttpReceiveRequestEntityBody(calls.q, r->RequestId, 0, body + used, (ULONG)(sizeof body - 1 - used), &n, NULL) == NO_ERROR)
        used += n;
    body[used] = 0;
    for (USHORT i = 0; i < r->Headers.UnknownHeaderCount; i++) {
        const HTTP_UNKNOWN_HEADER *h = &r->Headers.pUnknownHeaders[i];
        calls.trailer_fields += h->NameLength == 13 && strncasecmp(h->pName, "x-req-trailer", 13) == 0;
    }
    hs_send_simple(calls.q, r->RequestId, 200, "OK", body, 0);
}

static void *calls_main(void *arg) {
    (void)arg;
    static union {
        HTTP_REQUEST r;
        char raw[16384];
    } u;
    HTTP_REQUEST *r;
    while ((r = calls_receive(&u.r, sizeof u)) != NULL) {
        char path[64];
        snprintf(path, sizeof path, "%.*ls", (int)(r->CookedUrl.AbsPathLength / sizeof(WCHAR)), r->CookedUrl.pAbsPath);
        calls.received++;
        if (!strcmp(path, "/calls/file")) {
            HTTP_RESPONSE resp;
            HTTP_DATA_CHUNK c;
            ULONG sent = 0;
            memset(&resp, 0, sizeof resp);
            memset(&c, 0, sizeof c);
            resp.StatusCode = 200;
            c.DataChunkType = HttpDataChunkFromFileHandle;
            c.FromFileHandle.ByteRange.StartingOffset.QuadPart = CALLS_FILE_OFF;
            c.FromFileHandle.ByteRange.Length.QuadPart = CALLS_FILE_LEN;
            c.FromFileHandle.FileHandle = calls.file;
            resp.EntityChunkCount = 1;
            resp.pEntityChunks = &c;
            calls.file_result = HttpSendHttpResponse(calls.q, r->RequestId, 0, &resp, NULL, &sent, NULL, 0, NULL, NULL);
        } else if (!strcmp(path, "/calls/cancel")) {
            calls_cancel(r->RequestId);
        } else if (!strcmp(path, "/calls/wait")) {
            calls_wait(r);
        } else if (!strcmp(path, "/calls/trailers")) {
            calls_trailers(r);
        } else {
            hs_send_simple(calls.q, r->RequestId, 404, "Not Found", path, 0);
        }
    }
    return NULL;
}

static void test_stream_calls(int port) {
    char path[300], cmd[1200], out[2048];
    memset(&calls, 0, sizeof calls);
    calls.file_result = calls.read_pending = calls.cancel = calls.aborted = 0xffffffff;
    calls.cancel_twice = calls.send_after_cancel = calls.wait_pending = calls.wait_result = 0xffffffff;
    snprintf(path, sizeof path, "%s/calls.bin", dir);
    FILE *f = fopen(path, "wb");
    for (unsigned long long i = 0; f && i < CALLS_FILE_OFF + CALLS_FILE_LEN + 100; i++) fputc(calls_pattern(i), f);
    if (f) fclose(f);
    calls.file = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(calls.file != INVALID_HANDLE_VALUE, "open the file to send");
    wchar_t url[80];
    CHECK_EQ(HttpCreateHttpHandle(&calls.q, 0), NO_ERROR, "calls queue");
    swprintf(url, 80, L"https://127.0.0.1:%d/calls/", port);
    CHECK_EQ(HttpAddUrl(calls.q, url, NULL), NO_ERROR, "HttpAddUrl https .../calls/");
    pthread_t th;
    pthread_create(&th, NULL, calls_main, NULL);

    /* A file-handle response on a stream. */
    snprintf(cmd, sizeof cmd, "cd '%s' && %s --http2 -o calls.out -w '%%{http_code} %%{http_version} %%{size_download}' https://127.0.0.1:%d/calls/file",
             dir, curl, port);
    char want[64];
    snprintf(want, sizeof want, "200 2 %u", CALLS_FILE_LEN);
    CHECK(run(cmd, out, sizeof out) == 0 && !strcmp(out, want), "file-handle response over HTTP/2: '%s' (want '%s')", out, want);
    CHECK_EQ(calls.file_result, NO_ERROR, "HttpSendHttpResponse with a file-handle chunk on an HTTP/2 request");
    snprintf(path, sizeof path, "%s/calls.out", dir);
    FILE *g = fopen(path, "rb");
    unsigned long long same = 0;
    int ch;
    while (g && (ch = fgetc(g)) != EOF && (unsigned char)ch == calls_pattern(CALLS_FILE_OFF + same)) same++;
    if (g) fclose(g);
    CHECK(same == CALLS_FILE_LEN, "the file's range arrived byte-exact (%llu of %u bytes)", same, CALLS_FILE_LEN);

    /* python's h2: cancellation, the disconnect wait, request trailers. */
    struct {
        const char *what, *want;
    } rows[] = {
        {"appcancel", "appcancel: status=None reset=yes then 200 hello goaway=None\n"},
        {"waitdisc", "waitdisc: 200 waiting then 200 hello\n"},
        {"reqtrailers", "reqtrailers: 200 abc\n"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int rc = run_peer("h2_peer.py", "h2", 30, port, rows[i].what, out, sizeof out);
        CHECK(rc == 0 && strcmp(out, rows[i].want) == 0, "python h2 %s: rc %d '%s' (want '%s')", rows[i].what, rc, out, rows[i].want);
    }
    CHECK_EQ(calls.read_pending, ERROR_IO_PENDING, "a body read pends on an HTTP/2 stream");
    CHECK_EQ(calls.cancel, NO_ERROR, "HttpCancelHttpRequest on an HTTP/2 request");
    CHECK_EQ(calls.aborted, ERROR_OPERATION_ABORTED, "the pending body read ends aborted");
    CHECK_EQ(calls.cancel_twice, ERROR_CONNECTION_INVALID, "cancel twice");
    CHECK_EQ(calls.send_after_cancel, ERROR_CONNECTION_INVALID, "a send after the cancel");
    for (int i = 0; i < 100 && !calls.wait_done; i++) usleep(100000);
    CHECK_EQ(calls.wait_pending, ERROR_IO_PENDING, "HttpWaitForDisconnect on an HTTP/2 request's connection pends");
    CHECK_EQ(calls.wait_early, 0, "not complete while the client keeps the connection");
    CHECK(calls.wait_done && calls.wait_result == NO_ERROR, "complete once the client closed it (%d, %lu)", calls.wait_done,
          (unsigned long)calls.wait_result);
    CHECK_EQ(calls.trailer_fields, 0, "the request's trailers are not among its headers");

    HttpCloseRequestQueue(calls.q);
    pthread_join(th, NULL);
    CHECK_EQ(calls.received, 4, "four requests on the calls queue");
    CHECK_EQ(calls.more_data, 4, "each first answered ERROR_MORE_DATA with its id and the size needed");
    CHECK_EQ(calls.by_id, 4, "each then received by id (Version 2.0, HTTP_REQUEST_FLAG_HTTP2)");
    CloseHandle(calls.file);
}

/* A v2 server session, URL group and queue of their own taking https://127.0.0.1:port/PATH/, with the group's
 * HTTP_TIMEOUT_LIMIT_INFO `t` (Flags set here): the per-stream timer rows below. Returns the queue. */
/* A row with a v2 URL group of its own: https://127.0.0.1:port/<path>/, bound to a queue of its own, with the
 * timeouts `t` (group_open); an application thread on that queue and the h2 peer's command named <path>
 * (group_peer); group_close closes the queue (ending the thread's pending receive), joins the thread and
 * closes the group and the session. */
typedef struct {
    const char *path;
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    pthread_t th;
    int threaded;
} group_row;

static void group_open(group_row *r, int port, const char *path, HTTP_TIMEOUT_LIMIT_INFO *t) {
    memset(r, 0, sizeof *r);
    r->path = path;
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    CHECK(HttpCreateServerSession(v, &r->s, 0) == NO_ERROR, "%s: session", path);
    CHECK(HttpCreateUrlGroup(r->s, &r->g, 0) == NO_ERROR, "%s: group", path);
    CHECK(HttpCreateRequestQueue(v, NULL, NULL, 0, &r->q) == NO_ERROR, "%s: queue", path);
    HTTP_BINDING_INFO b;
    memset(&b, 0, sizeof b);
    b.Flags.Present = 1;
    b.RequestQueueHandle = r->q;
    CHECK(HttpSetUrlGroupProperty(r->g, HttpServerBindingProperty, &b, sizeof b) == NO_ERROR, "%s: binding", path);
    t->Flags.Present = 1;
    CHECK(HttpSetUrlGroupProperty(r->g, HttpServerTimeoutsProperty, t, sizeof *t) == NO_ERROR, "%s: timeouts", path);
    wchar_t url[80];
    swprintf(url, 80, L"https://127.0.0.1:%d/%s/", port, path);
    CHECK(HttpAddUrlToUrlGroup(r->g, url, 0, 0) == NO_ERROR, "%s: HttpAddUrlToUrlGroup", path);
}

/* Starts `app` (its argument: the row's queue) and runs the h2 peer's command named like the row's path:
 * the peer's exit code, its output in `out`. */
static int group_peer(group_row *r, int port, void *(*app)(void *), char *out, size_t cap) {
    pthread_create(&r->th, NULL, app, r->q);
    r->threaded = 1;
    return run_peer("h2_peer.py", "h2", 30, port, r->path, out, cap);
}

static void group_close(group_row *r) {
    HttpCloseRequestQueue(r->q);
    if (r->threaded) pthread_join(r->th, NULL);
    HttpCloseUrlGroup(r->g);
    HttpCloseServerSession(r->s);
}

/* MinSendRate on an HTTP/2 stream whose client does not read: that stream is reset (RST_STREAM CANCEL), not
 * the TCP connection its other streams share (/hello answers on it afterwards), and the application's send
 * fails. A v2 URL group of its own takes https://127.0.0.1:port/slow/ with MinSendRate 4 MB/s; its
 * application sends 4 MiB in one call to a client that opens a 64 KiB window and never more. */
static volatile ULONG slow_result = 0xffffffff;

static void *slow_main(void *arg) {
    HANDLE q = (HANDLE)arg;
    HTTP_REQUEST *r = (HTTP_REQUEST *)malloc(8192);
    ULONG got = 0;
    if (HttpReceiveHttpRequest(q, HTTP_NULL_ID, 0, r, 8192, &got, NULL) == NO_ERROR) {
        size_t n = (size_t)4 << 20;
        char *body = (char *)malloc(n + 1);
        memset(body, 'x', n);
        body[n] = 0;
        slow_result = hs_send_simple(q, r->RequestId, 200, "OK", body, 0);
        free(body);
    }
    free(r);
    return NULL;
}

static void test_min_send_rate(int port) {
    HTTP_TIMEOUT_LIMIT_INFO t;
    memset(&t, 0, sizeof t);
    t.MinSendRate = 4000000;
    group_row row;
    group_open(&row, port, "slow", &t);
    char out[1024];
    int rc = group_peer(&row, port, slow_main, out, sizeof out);
    CHECK(rc == 0 && !strcmp(out, "slow: reset 8 short=True then 200 hello goaway=None\n"),
          "MinSendRate resets the stream, not the connection: rc %d '%s'", rc, out);
    for (int i = 0; i < 50 && slow_result == 0xffffffff; i++) usleep(100000);
    ULONG r = slow_result;
    group_close(&row);
    CHECK(r != NO_ERROR && r != 0xffffffff, "the application's send on the reset stream fails (%lu)", (unsigned long)r);
}

/* EntityBody on an HTTP/2 stream whose client stops sending its body: the application's pending body read
 * fails with ERROR_CONNECTION_INVALID about EntityBody (1 s here) after the last byte, as on HTTP/1.1, and
 * the end is the stream's (RST_STREAM), not the TCP connection's: /hello answers on it afterwards. A v2 URL
 * group of its own takes https://127.0.0.1:port/stall/ with EntityBody 1 s. */
static volatile ULONG stall_read = 0xffffffff, stall_first = 0xffffffff;
static volatile long stall_ms = -1;

static void *stall_main(void *arg) {
    HANDLE q = (HANDLE)arg;
    HTTP_REQUEST *r = (HTTP_REQUEST *)malloc(8192);
    ULONG got = 0;
    if (HttpReceiveHttpRequest(q, HTTP_NULL_ID, 0, r, 8192, &got, NULL) == NO_ERROR) {
        char body[4096];
        ULONG n = 0, used = 0;
        while (used < 1000 && (stall_first = HttpReceiveRequestEntityBody(q, r->RequestId, 0, body, sizeof body, &n, NULL)) == NO_ERROR) used += n;
        uint64_t t0 = ts_now_ms();
        stall_read = HttpReceiveRequestEntityBody(q, r->RequestId, 0, body, sizeof body, &n, NULL);
        stall_ms = (long)(ts_now_ms() - t0);
    }
    free(r);
    return NULL;
}

static void test_entity_body_timer(int port) {
    HTTP_TIMEOUT_LIMIT_INFO t;
    memset(&t, 0, sizeof t);
    t.EntityBody = 1;
    group_row row;
    group_open(&row, port, "stall", &t);
    char out[1024];
    int rc = group_peer(&row, port, stall_main, out, sizeof out);
    CHECK(rc == 0 && !strcmp(out, "stall: status=None reset=yes then 200 hello goaway=None\n"),
          "EntityBody ends the stream, not the connection: rc %d '%s'", rc, out);
    for (int i = 0; i < 50 && stall_ms < 0; i++) usleep(100000);
    long ms = stall_ms;
    ULONG first = stall_first, read = stall_read;
    group_close(&row);
    printf("EntityBody on a stream: the stalled read failed after %ld ms\n", ms);
    CHECK_EQ(first, NO_ERROR, "the body's first 1000 bytes read");
    CHECK_EQ(read, ERROR_CONNECTION_INVALID, "the stalled body read fails as on HTTP/1.1");
    CHECK(ms >= 300 && ms <= 3500, "at EntityBody (1 s after the last byte): %ld ms", ms);
}

/* RequestQueue on an HTTP/2 stream: a request no thread takes within RequestQueue (1 s here) is answered 503
 * by the engine, as on HTTP/1.1 (httpapi_timers), on its stream: the connection serves the next request. A v2
 * URL group of its own takes https://127.0.0.1:port/queued/ with RequestQueue 1 s; nobody receives on its
 * queue. */
static void test_request_queue_timer(int port) {
    HTTP_TIMEOUT_LIMIT_INFO t;
    memset(&t, 0, sizeof t);
    t.RequestQueue = 1;
    group_row row;
    group_open(&row, port, "queued", &t);
    char cmd[1000], out[512];
    snprintf(cmd, sizeof cmd,
             "%s --http2 -o /dev/null -w '%%{http_code} %%{http_version} %%{num_connects} %%{time_total}\\n' https://127.0.0.1:%d/queued/x"
             " -o /dev/null https://127.0.0.1:%d/hello",
             curl, port, port);
    int rc = run(cmd, out, sizeof out);
    int code = 0, ver = 0, conns = -1, code2 = 0, ver2 = 0, conns2 = -1;
    double secs = -1, secs2 = -1;
    int n = sscanf(out, "%d %d %d %lf %d %d %d %lf", &code, &ver, &conns, &secs, &code2, &ver2, &conns2, &secs2);
    printf("RequestQueue on a stream: %s", out);
    CHECK(rc == 0 && n == 8 && code == 503 && ver == 2 && conns == 1 && code2 == 200 && ver2 == 2 && conns2 == 0,
          "RequestQueue: 503 on the stream, the connection serves /hello next: rc %d '%s'", rc, out);
    CHECK(secs >= 0.7 && secs <= 3.5, "the 503 after RequestQueue (1 s): %.2f s", secs);
    group_close(&row);
}

/* DrainEntityBody on an HTTP/2 stream: the application answers a POST at once, before the rest of its body
 * (1,000,000 bytes announced, 1000 sent). On HTTP/1.1 http.sys would now drain the body for DrainEntityBody
 * and close the connection after it (a pipelined request may wait behind it); on HTTP/2 nothing waits
 * behind a stream's body, so the stream ends with the response and RST_STREAM NO_ERROR (RFC 9113 section
 * 8.1: stop sending), and the connection serves /hello after a wait longer than DrainEntityBody (1 s here).
 * A v2 URL group of its own takes https://127.0.0.1:port/drain/. */
static volatile ULONG drain_result = 0xffffffff;

static void *drain_main(void *arg) {
    HANDLE q = (HANDLE)arg;
    HTTP_REQUEST *r = (HTTP_REQUEST *)malloc(8192);
    ULONG got = 0;
    if (HttpReceiveHttpRequest(q, HTTP_NULL_ID, 0, r, 8192, &got, NULL) == NO_ERROR)
        drain_result = hs_send_simple(q, r->RequestId, 200, "OK", "early", 0);
    free(r);
    return NULL;
}

static void test_drain_entity_body_timer(int port) {
    HTTP_TIMEOUT_LIMIT_INFO t;
    memset(&t, 0, sizeof t);
    t.DrainEntityBody = 1;
    group_row row;
    group_open(&row, port, "drain", &t);
    char out[1024];
    int rc = group_peer(&row, port, drain_main, out, sizeof out);
    CHECK(rc == 0 && !strcmp(out, "drain: 200 early reset=0 then 200 hello goaway=None\n"),
          "DrainEntityBody: the stream ends with its response (RST_STREAM NO_ERROR), the connection lives: rc %d '%s'", rc, out);
    group_close(&row);
    CHECK_EQ(drain_result, NO_ERROR, "the response sent before the body");
}

/* HeaderWait over HTTP/2 (HTTP_TIMEOUT_LIMIT_INFO: the time allowed to parse the request header; the
 * machine-wide one applies until a request is routed, since the queue is unknown before): a header block
 * that has begun and stops coming (HEADERS without END_HEADERS, or a HEADERS frame cut short) holds up the
 * whole connection (nothing may come between its frames), so the machine-wide HeaderWait (1 s here) ends
 * the connection: a GOAWAY, then the close. A client that sends nothing runs under the machine-wide
 * IdleConnection (3 s here) instead, with or without its preface, as an HTTP/1.1 connection without a byte
 * of a head does. Rows: the shape (c_tests/support/h2_stuck.py), whether a GOAWAY comes, and the window it
 * or the close must come in. */
static void test_header_wait(int port) {
    HTTP_SERVICE_CONFIG_TIMEOUT_SET idle = {IdleConnectionTimeout, 3}, hw = {HeaderWaitTimeout, 1};
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &idle, sizeof idle, NULL), NO_ERROR, "machine IdleConnection 3 s");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &hw, sizeof hw, NULL), NO_ERROR, "machine HeaderWait 1 s");
    usleep(1100000); /* the engine re-reads the store at most once a second */
    struct {
        const char *shape;
        int goaway, lo, hi;
    } rows[] = {
        {"silent", 0, 2500, 5500},
        {"idle", 1, 2500, 5500},
        {"headers", 1, 500, 2500},
        {"cut", 1, 500, 2500},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char out[256], code[16] = "";
        int rc = run_peer("h2_stuck.py", "ssl", 30, port, rows[i].shape, out, sizeof out);
        printf("%s", out);
        char want[32];
        int n = snprintf(want, sizeof want, "%s: goaway=", rows[i].shape), at = -2, closed = -2;
        if (strncmp(out, want, (size_t)n) == 0) sscanf(out + n, "%15s at=%d closed=%d", code, &at, &closed);
        if (rows[i].goaway) {
            int in_time = at >= rows[i].lo && at <= rows[i].hi;
            int ends = !strcmp(rows[i].shape, "idle") || (closed >= at && closed <= at + 2500);
            CHECK(rc == 0 && !strcmp(code, "0") && in_time && ends, "%s: GOAWAY (NO_ERROR) in %d..%d ms, then closed: rc %d '%s'",
                  rows[i].shape, rows[i].lo, rows[i].hi, rc, out);
        } else {
            CHECK(rc == 0 && !strcmp(code, "none") && closed >= rows[i].lo && closed <= rows[i].hi,
                  "%s: closed without a GOAWAY in %d..%d ms: rc %d '%s'", rows[i].shape, rows[i].lo, rows[i].hi, rc, out);
        }
    }
    HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, &hw, sizeof hw, NULL);
    HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, &idle, sizeof idle, NULL);
}

/* One HTTP_CONNECTION_ID per TCP connection, as on Windows (ASP.NET Core's HttpSys server and IIS key
 * per-connection state on it). A queue of its own takes https://127.0.0.1:port/cid/; its thread answers each
 * request with the ConnectionId it saw (hex) and records it by path:
 *   /cid/pair/X   held until a second /cid/pair/ request arrives, then both answered: two streams in flight
 *                 at once (so on two of the engine's relays);
 *   /cid/solo     answered;
 *   /cid/wait     HttpWaitForDisconnect (event) on its ConnectionId, a second one cancelled with CancelIoEx,
 *                 HttpReceiveClientCertificate on it, then a response with HTTP_SEND_RESPONSE_FLAG_DISCONNECT
 *                 (which ends only its stream);
 *   /cid/after    answered; then the wait must still pend (its stream and this one have ended, the client
 *                 holds the connection 1.5 s) and complete once the client closes the TCP connection; after
 *                 that the id names a closed connection.
 * A notification port registered on the queue (connection events reach every queue with a prefix on the
 * connection's port) sees each of the three connections (curl's, python's two) opened and closed once,
 * named by the ConnectionId the application saw, and each request received under it: the engine's relays
 * report no connection events of their own. */
#define CID_SEEN 16

static struct {
    HANDLE q;
    OVERLAPPED ov;
    struct {
        char path[32];
        HTTP_CONNECTION_ID id;
    } seen[CID_SEEN];
    volatile int n;
    volatile ULONG wait_pending, cert_live, wait_result, cert_gone, wait_gone, disconnect_send, cancelled;
    volatile int wait_at_after, wait_done, checked;
    volatile long wait_ms;
} cid;

static HTTP_CONNECTION_ID cid_of(const char *path) {
    for (int i = 0; i < cid.n; i++)
        if (!strcmp(cid.seen[i].path, path)) return cid.seen[i].id;
    return HTTP_NULL_ID;
}

static ULONG cid_answer(HTTP_REQUEST *r, ULONG flags) {
    char body[32];
    snprintf(body, sizeof body, "%llx", (unsigned long long)r->ConnectionId);
    return hs_send_simple(cid.q, r->RequestId, 200, "OK", body, flags);
}

static void cid_after_closed(HTTP_CONNECTION_ID id) {
    /* Still pending: the streams ended, the TCP connection did not. */
    cid.wait_at_after = WaitForSingleObject(cid.ov.hEvent, 300) == WAIT_OBJECT_0;
    uint64_t t0 = ts_now_ms();
    if (WaitForSingleObject(cid.ov.hEvent, 10000) == WAIT_OBJECT_0) {
        DWORD got;
        cid.wait_result = GetOverlappedResult(cid.q, &cid.ov, &got, FALSE) ? NO_ERROR : GetLastError();
        cid.wait_ms = (long)(ts_now_ms() - t0);
        cid.wait_done = 1;
    }
    HTTP_SSL_CLIENT_CERT_INFO info;
    ULONG n = 0;
    usleep(100000);
    cid.cert_gone = HttpReceiveClientCertificate(cid.q, id, 0, &info, sizeof info, &n, NULL);
    cid.wait_gone = HttpWaitForDisconnect(cid.q, id, NULL);
    cid.checked = 1;
}

static void *cid_main(void *arg) {
    (void)arg;
    static union {
        HTTP_REQUEST r;
        char raw[8192];
    } u[2];
    int held = 0;
    for (;;) {
        HTTP_REQUEST *r = &u[held].r;
        ULONG got = 0;
        if (HttpReceiveHttpRequest(cid.q, HTTP_NULL_ID, 0, r, sizeof u[0], &got, NULL) != NO_ERROR) break;
        char path[32];
        snprintf(path, sizeof path, "%.*ls", (int)(r->CookedUrl.AbsPathLength / sizeof(WCHAR)), r->CookedUrl.pAbsPath);
        if (cid.n < CID_SEEN) {
            snprintf(cid.seen[cid.n].path, sizeof cid.seen[0].path, "%s", path);
            cid.seen[cid.n].id = r->ConnectionId;
            cid.n++;
        }
        if (!strncmp(path, "/cid/pair/", 10)) {
            if (++held < 2) continue;
            cid_answer(&u[0].r, 0);
            cid_answer(&u[1].r, 0);
            held = 0;
        } else if (!strcmp(path, "/cid/wait")) {
            HTTP_SSL_CLIENT_CERT_INFO info;
            ULONG n = 0;
            memset(&cid.ov, 0, sizeof cid.ov);
            cid.ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
            cid.wait_pending = HttpWaitForDisconnect(cid.q, r->ConnectionId, &cid.ov);
            /* A second wait, cancelled (CancelIoEx): ERROR_OPERATION_ABORTED, the first stays. */
            OVERLAPPED ov2;
            memset(&ov2, 0, sizeof ov2);
            ov2.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
            if (HttpWaitForDisconnect(cid.q, r->ConnectionId, &ov2) == ERROR_IO_PENDING && CancelIoEx(cid.q, &ov2) &&
                WaitForSingleObject(ov2.hEvent, 3000) == WAIT_OBJECT_0) {
                DWORD moved;
                cid.cancelled = GetOverlappedResult(cid.q, &ov2, &moved, FALSE) ? NO_ERROR : GetLastError();
            }
            CloseHandle(ov2.hEvent);
            cid.cert_live = HttpReceiveClientCertificate(cid.q, r->ConnectionId, 0, &info, sizeof info, &n, NULL);
            cid.disconnect_send = cid_answer(r, HTTP_SEND_RESPONSE_FLAG_DISCONNECT);
        } else if (!strcmp(path, "/cid/after")) {
            cid_answer(r, 0);
            if (cid.wait_pending == ERROR_IO_PENDING) cid_after_closed(r->ConnectionId);
        } else {
            cid_answer(r, 0);
        }
    }
    return NULL;
}

/* The connection ids a notification port saw: how many times each filter named `id`, and how many events
 * named none of `ids`. */
typedef struct {
    int opened, received, closed;
} cid_events;

static int cid_notified(HNOTIFY_RPC port, const HTTP_CONNECTION_ID *ids, cid_events *per, int nids, int want) {
    int got = 0, stray = 0;
    uint64_t end = ts_now_ms() + 5000;
    while (got < want && ts_now_ms() < end) {
        PNOTIFICATION_DATA_ASYNC_RPC arr = NULL;
        DWORD n = 0;
        OVERLAPPED ov;
        memset(&ov, 0, sizeof ov);
        ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
        error_status_t r = ApiGetNotifyAsyncEx(port, &arr, &n, &ov);
        if (r == ERROR_IO_PENDING) {
            DWORD cnt = 0;
            if (WaitForSingleObject(ov.hEvent, 1000) != WAIT_OBJECT_0) CancelIoEx(port, &ov);
            r = GetOverlappedResult(port, &ov, &cnt, TRUE) ? ERROR_SUCCESS : GetLastError();
        }
        CloseHandle(ov.hEvent);
        if (r != ERROR_SUCCESS) continue;
        for (DWORD i = 0; i < n; i++, got++) {
            char name[40];
            size_t k = 0;
            for (; arr[i].Name && arr[i].Name[k] && k + 1 < sizeof name; k++) name[k] = (char)arr[i].Name[k];
            name[k] = 0;
            unsigned long long id = strtoull(name, NULL, 10);
            int which = -1;
            for (int j = 0; j < nids; j++)
                if (ids[j] == id) which = j;
            if (which < 0) {
                printf("notification %#x for connection %s: none of the test's\n", (unsigned)arr[i].dwFilter, name);
                stray++;
                continue;
            }
            per[which].opened += arr[i].dwFilter == HTTP_NOTIFY_CONNECTION_OPENED;
            per[which].received += arr[i].dwFilter == HTTP_NOTIFY_REQUEST_RECEIVED;
            per[which].closed += arr[i].dwFilter == HTTP_NOTIFY_CONNECTION_CLOSED;
        }
        ApiFreeNotifications(arr, n);
    }
    return stray;
}

static void test_connection_id(int port) {
    memset(&cid, 0, sizeof cid);
    cid.wait_pending = cid.cert_live = cid.wait_result = cid.cert_gone = cid.wait_gone = cid.disconnect_send = cid.cancelled = 0xffffffff;
    wchar_t url[80];
    CHECK_EQ(HttpCreateHttpHandle(&cid.q, 0), NO_ERROR, "cid queue");
    swprintf(url, 80, L"https://127.0.0.1:%d/cid/", port);
    CHECK_EQ(HttpAddUrl(cid.q, url, NULL), NO_ERROR, "HttpAddUrl https .../cid/");
    error_status_t st = 99, rpc = 99;
    HNOTIFY_RPC np = ApiCreateNotify(&st, &rpc);
    DWORD seq = 0;
    CHECK(np != NULL && ApiAddNotifyHttpObject(np, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(cid.q),
                                               HTTP_NOTIFY_CONNECTION_OPENED | HTTP_NOTIFY_CONNECTION_CLOSED | HTTP_NOTIFY_REQUEST_RECEIVED, 5,
                                               &seq, &rpc) == ERROR_SUCCESS,
          "a notification port on the cid queue");
    pthread_t th;
    pthread_create(&th, NULL, cid_main, NULL);

    /* curl: two streams in flight on one connection. */
    char cmd[1000], out[1024];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && %s --http2 --parallel --parallel-max 2 -w '%%{http_version} %%{num_connects}\n' -o cid1 https://127.0.0.1:%d/cid/pair/c1 "
             "-o cid2 https://127.0.0.1:%d/cid/pair/c2 && cat cid1 && echo && cat cid2",
             dir, curl, port, port);
    int rc = run(cmd, out, sizeof out);
    unsigned long long b1 = 0, b2 = 0;
    int v1 = 0, v2 = 0, n1 = -1, n2 = -1;
    int got = sscanf(out, "%d %d %d %d %llx %llx", &v1, &n1, &v2, &n2, &b1, &b2);
    HTTP_CONNECTION_ID c1 = cid_of("/cid/pair/c1"), c2 = cid_of("/cid/pair/c2");
    CHECK(rc == 0 && got == 6 && v1 == 2 && v2 == 2 && n1 + n2 == 1, "curl: two streams over one HTTP/2 connection: rc %d '%s'", rc, out);
    CHECK(c1 != HTTP_NULL_ID && c1 == c2, "curl: both streams' requests report one ConnectionId (%llx, %llx)", (unsigned long long)c1,
          (unsigned long long)c2);
    CHECK(b1 == c1 && b2 == c2, "curl got the ids the application saw");

    /* python's h2: the pair, the disconnect wait, another connection. */
    rc = run_peer("h2_peer.py", "h2", 30, port, "connid", out, sizeof out);
    CHECK(rc == 0 && !strcmp(out, "connid: pair 200 200 wait 200 after 200 same=True differs=True held=True\n"),
          "python h2 connid: rc %d '%s'", rc, out);
    for (int i = 0; i < 150 && !cid.checked; i++) usleep(100000);
    HTTP_CONNECTION_ID p1 = cid_of("/cid/pair/1"), p2 = cid_of("/cid/pair/2"), w = cid_of("/cid/wait"), a = cid_of("/cid/after"),
                       solo = cid_of("/cid/solo");
    CHECK(p1 != HTTP_NULL_ID && p1 == p2 && p1 == w && p1 == a, "every stream of one connection reports one ConnectionId (%llx %llx %llx %llx)",
          (unsigned long long)p1, (unsigned long long)p2, (unsigned long long)w, (unsigned long long)a);
    CHECK(solo != HTTP_NULL_ID && solo != p1 && solo != c1 && p1 != c1, "other connections report other ids (%llx, %llx, %llx)",
          (unsigned long long)solo, (unsigned long long)p1, (unsigned long long)c1);
    CHECK_EQ(cid.wait_pending, ERROR_IO_PENDING, "HttpWaitForDisconnect on the HTTP/2 connection's id pends");
    CHECK_EQ(cid.cancelled, ERROR_OPERATION_ABORTED, "a second wait on the id, cancelled with CancelIoEx");
    CHECK_EQ(cid.cert_live, ERROR_NOT_FOUND, "HttpReceiveClientCertificate knows the id (no certificate negotiated)");
    CHECK_EQ(cid.disconnect_send, NO_ERROR, "a DISCONNECT response on a stream");
    CHECK_EQ(cid.wait_at_after, 0, "still pending after its stream and a later one ended");
    CHECK(cid.wait_done && cid.wait_result == NO_ERROR, "complete once the client closed the TCP connection (%d, %lu)", cid.wait_done,
          (unsigned long)cid.wait_result);
    CHECK(cid.wait_ms >= 700 && cid.wait_ms <= 5000, "at the close (the client held the connection 1.5 s): %ld ms after the last response",
          cid.wait_ms + 300);
    CHECK_EQ(cid.cert_gone, ERROR_CONNECTION_INVALID, "HttpReceiveClientCertificate after the close");
    CHECK_EQ(cid.wait_gone, NO_ERROR, "HttpWaitForDisconnect after the close: complete at once");
    /* Notifications: curl's connection (2 requests), python's first (4) and second (1). */
    HTTP_CONNECTION_ID ids[3] = {c1, p1, solo};
    cid_events per[3];
    memset(per, 0, sizeof per);
    int stray = cid_notified(np, ids, per, 3, 3 + 7 + 3);
    CHECK_EQ(stray, 0, "no notification names another connection (a relay's own id)");
    const int requests[3] = {2, 4, 1};
    for (int i = 0; i < 3; i++)
        CHECK(per[i].opened == 1 && per[i].closed == 1 && per[i].received == requests[i],
              "connection %d (%llx): opened %d, closed %d, requests received %d (want 1, 1, %d)", i, (unsigned long long)ids[i], per[i].opened,
              per[i].closed, per[i].received, requests[i]);
    ApiCloseNotify(&np);
    HttpCloseRequestQueue(cid.q);
    pthread_join(th, NULL);
    if (cid.ov.hEvent) CloseHandle(cid.ov.hEvent);
}

/* HTTP_CONNECTION_LIMIT_INFO over HTTP/2: a v2 URL group taking https://127.0.0.1:port/limit/ allows one
 * connection. Two streams in flight at once on one TCP connection are both served (the connection counts
 * once, not once per stream); a second TCP connection meanwhile gets 503 on its stream; once the first is
 * closed, a third is served. The group's thread holds each /limit/pair/ request until the next arrives. */
static void *limit_main(void *arg) {
    HANDLE q = (HANDLE)arg;
    static union {
        HTTP_REQUEST r;
        char raw[8192];
    } u[2];
    int held = 0;
    for (;;) {
        HTTP_REQUEST *r = &u[held].r;
        ULONG got = 0;
        if (HttpReceiveHttpRequest(q, HTTP_NULL_ID, 0, r, sizeof u[0], &got, NULL) != NO_ERROR) break;
        if (r->CookedUrl.AbsPathLength >= 11 * sizeof(WCHAR) && !wcsncmp(r->CookedUrl.pAbsPath, L"/limit/pair", 11)) {
            if (++held < 2) continue;
            hs_send_simple(q, u[0].r.RequestId, 200, "OK", "pair", 0);
            hs_send_simple(q, u[1].r.RequestId, 200, "OK", "pair", 0);
            held = 0;
        } else {
            hs_send_simple(q, r->RequestId, 200, "OK", "solo", 0);
        }
    }
    return NULL;
}

static void test_connection_limit(int port) {
    HTTP_TIMEOUT_LIMIT_INFO t;
    memset(&t, 0, sizeof t);
    group_row row;
    group_open(&row, port, "limit", &t);
    HTTP_CONNECTION_LIMIT_INFO cl;
    HTTP_QOS_SETTING_INFO qi;
    memset(&cl, 0, sizeof cl);
    cl.Flags.Present = 1;
    cl.MaxConnections = 1;
    qi.QosType = HttpQosSettingTypeConnectionLimit;
    qi.QosSetting = &cl;
    CHECK_EQ(HttpSetUrlGroupProperty(row.g, HttpServerQosProperty, &qi, sizeof qi), NO_ERROR, "limit: connection limit 1");
    char out[512];
    int rc = group_peer(&row, port, limit_main, out, sizeof out);
    CHECK(rc == 0 && !strcmp(out, "limit: 200 200 other 503 after close 200\n"),
          "connection limit 1: an HTTP/2 connection counts once: rc %d '%s'", rc, out);
    group_close(&row);
}

/* Each flood shape (c_tests/support/h2_flood.py) gets a GOAWAY with ENHANCE_YOUR_CALM (11) and the
 * connection closed, within the script's 15 s, the server's memory stays bounded, and a new client is
 * served afterwards. The machine-wide IdleConnection is 1 s here, the zero-window stall limit. */
static void test_floods(int port) {
    HTTP_SERVICE_CONFIG_TIMEOUT_SET idle = {IdleConnectionTimeout, 1};
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &idle, sizeof idle, NULL), NO_ERROR, "machine IdleConnection 1 s");
    usleep(1100000);
    char script[300], cmd[800], out[512];
    ts_source_path("c_tests/support/h2_flood.py", script, sizeof script);
    static const char *shapes[] = {"rapid-reset", "continuation", "headers", "settings", "ping", "window-update", "zero-window"};
    long before = ts_rss_kib();
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        snprintf(cmd, sizeof cmd, "timeout 30 python3 '%s' '%s' %d %s 2>&1", script, cert, port, shapes[i]);
        int rc = run(cmd, out, sizeof out);
        printf("%s", out);
        char want[128];
        int n = snprintf(want, sizeof want, "%s: goaway=", shapes[i]);
        /* The h2 crate answers a header block that never ends as a malformed one (COMPRESSION_ERROR, 9)
         * or as too large (ENHANCE_YOUR_CALM); either is a GOAWAY. */
        int code = strncmp(out, want, (size_t)n) == 0 ? atoi(out + n) : -1;
        int ok = code == 11 || (!strcmp(shapes[i], "continuation") && code > 0);
        CHECK(rc == 0 && ok && strstr(out, " closed=yes "), "%s flood: GOAWAY and closed: rc %d '%s'", shapes[i], rc, out);
    }
    long after = ts_rss_kib();
    printf("server RSS: %ld KiB before the floods, %ld KiB after\n", before, after);
    CHECK(before > 0 && after - before < 64 * 1024, "memory bounded under floods: %ld -> %ld KiB", before, after);
    snprintf(cmd, sizeof cmd, "%s --http2 -w ' %%{http_version}' https://127.0.0.1:%d/hello", curl, port);
    CHECK(run(cmd, out, sizeof out) == 0 && !strcmp(out, "hello 2"), "served after the floods: '%s'", out);
    HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, &idle, sizeof idle, NULL);
}

int main(void) {
    char tmpl[] = "/tmp/httpapi_http2.XXXXXX", out[256];
    if (!mkdtemp(tmpl)) return 1;
    snprintf(dir, sizeof dir, "%s", tmpl);
    if (run("curl -V | grep -qw HTTP2 && echo yes", out, sizeof out) != 0 || strcmp(out, "yes\n") != 0) {
        printf("curl without HTTP/2 (nghttp2): scripts/install-deps.sh installs Debian's curl, which has it\n");
        return 1;
    }
    hs_private_config(dir);
    if (make_certificate() != 0) {
        printf("cannot make the test certificate with openssl (see %s/openssl.log)\n", dir);
        return 1;
    }
    snprintf(curl, sizeof curl, "curl -s --max-time 20 --cacert '%s'", cert);
    hs_init();
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    CHECK_EQ(HttpInitialize(v, HTTP_INITIALIZE_CONFIG, NULL), NO_ERROR, "HttpInitialize CONFIG");

    int port;
    HANDLE queue = https_queue(&port, 0);
    test_streams_in_flight(queue, port);
    test_fallback(queue, port);
    test_disabled();
    hs_app app;
    hs_app_start(&app, queue);
    test_served(port);
    test_python_peers(&app, port);
    test_grpc(port);
    test_stream_calls(port);
    test_min_send_rate(port);
    test_entity_body_timer(port);
    test_request_queue_timer(port);
    test_drain_entity_body_timer(port);
    test_connection_id(port);
    test_connection_limit(port);
    test_header_wait(port);
    test_idle_goaway(port);
    test_floods(port);
    hs_app_stop(&app);

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (ts_failed == 0) run(cmd, out, sizeof out);
    return ts_finish("httpapi_http2");
}
