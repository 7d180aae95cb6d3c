/* The HTTP_TIMEOUT_LIMIT_INFO timers on real connections, with timers of 1-3 seconds: HeaderWait and
 * IdleConnection (the application's values from the second request of a connection on, the machine-wide
 * ones for the first), EntityBody (restarted by each arriving byte; expiry fails the application's body
 * read), DrainEntityBody (an unread body drained to reach a pipelined request; a stalled drain cut),
 * RequestQueue (503 for a request the application never took), MinSendRate (a reader that does not keep
 * up is cut), and the precedence rules (group over session, zero on a session = default, Present = 0
 * removes a setting). Each is observed on the wire. */
#include "httpapi_support.h"
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <errno.h>
#include <unistd.h>

static char DECLSPEC_ALIGN(8) rbuf[16384];

typedef struct {
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    int port;
    hs_app app;
    int serving;
} server;

static HTTP_TIMEOUT_LIMIT_INFO limits(USHORT body, USHORT drain, USHORT queue, USHORT idle, USHORT header, ULONG rate) {
    HTTP_TIMEOUT_LIMIT_INFO t;
    memset(&t, 0, sizeof t);
    t.Flags.Present = 1;
    t.EntityBody = body;
    t.DrainEntityBody = drain;
    t.RequestQueue = queue;
    t.IdleConnection = idle;
    t.HeaderWait = header;
    t.MinSendRate = rate;
    return t;
}

static void start(server *sv, int serve) {
    memset(sv, 0, sizeof *sv);
    sv->port = hs_v2_setup(&sv->s, &sv->g, &sv->q, "/", 0);
    CHECK(sv->port > 0, "server setup");
    sv->serving = serve;
}

static void set_group(server *sv, HTTP_TIMEOUT_LIMIT_INFO t) {
    CHECK_EQ(HttpSetUrlGroupProperty(sv->g, HttpServerTimeoutsProperty, &t, sizeof t), NO_ERROR, "set group timeouts");
}

static void set_session(server *sv, HTTP_TIMEOUT_LIMIT_INFO t) {
    CHECK_EQ(HttpSetServerSessionProperty(sv->s, HttpServerTimeoutsProperty, &t, sizeof t), NO_ERROR, "set session timeouts");
}

static void serve(server *sv) {
    hs_app_start(&sv->app, sv->q);
}

static void stop(server *sv) {
    if (sv->serving)
        hs_app_stop(&sv->app);
    else
        HttpCloseRequestQueue(sv->q);
    HttpCloseServerSession(sv->s);
}

/* A keep-alive GET /hello, its response read; returns the socket. */
static int hello(int port, int fd) {
    char buf[2048];
    if (fd < 0)
        fd = ts_connect(port, 0);
    const char req[] = "GET /hello HTTP/1.1\r\nHost: h\r\n\r\n";
    ts_send_all(fd, req, sizeof req - 1);
    ssize_t n = ts_recv_until(fd, buf, sizeof buf, "hello", 3000);
    CHECK(n > 0 && strstr(buf, "200 OK"), "hello served");
    return fd;
}

/* How long (ms) until the peer closes, up to `limit_ms`; -1 if it did not. */
static long closes_in(int fd, int limit_ms) {
    uint64_t t0 = ts_now_ms();
    if (!ts_peer_closed(fd, limit_ms))
        return -1;
    return (long)(ts_now_ms() - t0);
}

static void test_header_wait_and_idle(void) {
    server sv;
    start(&sv, 1);
    set_group(&sv, limits(0, 0, 0, 10, 1, 0));
    serve(&sv);
    /* First request: the application's HeaderWait (1 s) does not apply yet; the machine-wide value
     * (2 minutes by default) does. Likewise IdleConnection before the first request. */
    int first = ts_connect(sv.port, 0), silent = ts_connect(sv.port, 0);
    ts_send_all(first, "GET /hello HTTP/1.1\r\nHo", 23);
    /* Second request of a keep-alive connection: the application's HeaderWait (1 s) cuts it. */
    int fd = hello(sv.port, -1);
    ts_send_all(fd, "GET /hello HTTP/1.1\r\nHo", 23);
    long ms = closes_in(fd, 4000);
    CHECK(ms >= 700 && ms <= 2600, "half a second head cut at the application's HeaderWait (1 s): %ld ms", ms);
    close(fd);
    CHECK(closes_in(first, 1200) < 0, "half a first head is not cut at the application's HeaderWait (2.2 s)");
    CHECK(closes_in(silent, 10) < 0, "a silent new connection is not cut by the application's IdleConnection");
    ts_send_all(first, "st: h\r\n\r\n", 9);
    char buf[1024];
    CHECK(ts_recv_until(first, buf, sizeof buf, "hello", 3000) > 0 && strstr(buf, "200 OK"), "the slow first head is then served");
    close(first);
    close(silent);
    stop(&sv);

    /* IdleConnection (1 s) after a response; HttpWaitForDisconnect completes with the close. */
    start(&sv, 0);
    set_group(&sv, limits(0, 0, 0, 1, 10, 0));
    fd = ts_connect(sv.port, 0);
    ts_send_all(fd, "GET /x HTTP/1.1\r\nHost: h\r\n\r\n", 28);
    HTTP_REQUEST *r = (HTTP_REQUEST *)rbuf;
    ULONG n;
    CHECK_EQ(HttpReceiveHttpRequest(sv.q, 0, 0, r, sizeof rbuf, &n, NULL), NO_ERROR, "receive");
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    CHECK_EQ(HttpWaitForDisconnect(sv.q, r->ConnectionId, &ov), ERROR_IO_PENDING, "wait for disconnect");
    CHECK_EQ(hs_send_simple(sv.q, r->RequestId, 200, "OK", "hello", 0), NO_ERROR, "respond");
    ts_recv_until(fd, buf, sizeof buf, "hello", 3000);
    ms = closes_in(fd, 4000);
    CHECK(ms >= 700 && ms <= 2600, "idle keep-alive connection closed at IdleConnection (1 s): %ld ms", ms);
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 2000), WAIT_OBJECT_0, "HttpWaitForDisconnect completes at the idle close");
    DWORD got;
    CHECK(GetOverlappedResult(sv.q, &ov, &got, FALSE), "with NO_ERROR");
    CloseHandle(ov.hEvent);
    close(fd);
    stop(&sv);
}

static void test_entity_body(void) {
    server sv;
    start(&sv, 0);
    set_group(&sv, limits(1, 0, 0, 0, 0, 0));
    int fd = ts_connect(sv.port, 0);
    const char post[] = "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nab";
    ts_send_all(fd, post, sizeof post - 1);
    HTTP_REQUEST *r = (HTTP_REQUEST *)rbuf;
    ULONG n = 0;
    CHECK_EQ(HttpReceiveHttpRequest(sv.q, 0, 0, r, sizeof rbuf, &n, NULL), NO_ERROR, "receive POST");
    HTTP_REQUEST_ID id = r->RequestId;
    char body[64];
    /* Each byte arriving within the EntityBody time restarts the timer: 2.4 s of trickle survives. */
    for (int i = 0; i < 4; i++) {
        usleep(600000);
        ts_send_all(fd, "c", 1);
    }
    ULONG total = 0;
    for (int i = 0; i < 10 && total < 6; i++) {
        n = 0;
        ULONG rc = HttpReceiveRequestEntityBody(sv.q, id, 0, body, sizeof body, &n, NULL);
        if (rc != NO_ERROR)
            break;
        total += n;
    }
    CHECK_EQ(total, 6, "the trickled body (6 of 10 bytes) arrived");
    /* Then the body stalls: the pending read fails when EntityBody expires, and the client is cut. */
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    uint64_t t0 = ts_now_ms();
    CHECK_EQ(HttpReceiveRequestEntityBody(sv.q, id, 0, body, sizeof body, NULL, &ov), ERROR_IO_PENDING, "body read pends");
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 4000), WAIT_OBJECT_0, "pending body read completes");
    long ms = (long)(ts_now_ms() - t0);
    DWORD got;
    BOOL okr = GetOverlappedResult(sv.q, &ov, &got, FALSE);
    CHECK(!okr && GetLastError() == ERROR_CONNECTION_INVALID, "with ERROR_CONNECTION_INVALID (ok=%d, %lu, %lu bytes)", okr, (unsigned long)GetLastError(), (unsigned long)got);
    CHECK(ms >= 300 && ms <= 2600, "at EntityBody (1 s after the last byte): %ld ms", ms);
    CHECK(closes_in(fd, 1000) >= 0, "the client is disconnected");
    CHECK_EQ(HttpReceiveRequestEntityBody(sv.q, id, 0, body, sizeof body, &n, NULL), ERROR_CONNECTION_INVALID, "later body reads fail");
    CHECK_EQ(hs_send_simple(sv.q, id, 200, "OK", "x", 0), ERROR_CONNECTION_INVALID, "and so does the response");
    CloseHandle(ov.hEvent);
    close(fd);
    stop(&sv);
}

static void test_drain_and_request_queue(void) {
    server sv;
    start(&sv, 1);
    set_group(&sv, limits(0, 1, 0, 0, 0, 0));
    serve(&sv);
    /* An unread body is drained after the response; the pipelined request behind it is served. */
    int fd = ts_connect(sv.port, 0);
    static char big[100000 + 256];
    int h = snprintf(big, sizeof big, "POST /hello HTTP/1.1\r\nHost: h\r\nContent-Length: 100000\r\n\r\n");
    memset(big + h, 'z', 100000);
    ts_send_all(fd, big, (size_t)h + 100000);
    ts_send_all(fd, "GET /second HTTP/1.1\r\nHost: h\r\n\r\n", 33);
    char buf[4096];
    ssize_t n = ts_recv_until(fd, buf, sizeof buf, "/second", 3000);
    CHECK(n > 0 && strstr(buf, "hello") && strstr(buf, "/second"), "body drained, pipelined request served");
    /* A drain that stalls is cut at DrainEntityBody (1 s). */
    ts_send_all(fd, big, (size_t)h + 1000);
    ts_recv_until(fd, buf, sizeof buf, "hello", 3000);
    long ms = closes_in(fd, 4000);
    CHECK(ms >= 500 && ms <= 2600, "stalled drain cut at DrainEntityBody: %ld ms", ms);
    close(fd);
    stop(&sv);

    /* RequestQueue (1 s): a request nobody receives gets 503, and the application never sees it. */
    start(&sv, 0);
    set_group(&sv, limits(0, 0, 1, 0, 0, 0));
    fd = ts_connect(sv.port, 0);
    uint64_t t0 = ts_now_ms();
    ts_send_all(fd, "GET /late HTTP/1.1\r\nHost: h\r\n\r\n", 31);
    n = ts_recv_all(fd, buf, sizeof buf, 4000);
    ms = (long)(ts_now_ms() - t0);
    CHECK(n > 0 && !strncmp(buf, "HTTP/1.1 503 ", 13), "503 for a request left in the queue: %.20s", buf);
    CHECK(ms >= 700 && ms <= 2600, "after RequestQueue (1 s): %ld ms", ms);
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    HTTP_REQUEST *r = (HTTP_REQUEST *)rbuf;
    CHECK_EQ(HttpReceiveHttpRequest(sv.q, 0, 0, r, sizeof rbuf, NULL, &ov), ERROR_IO_PENDING, "the dropped request is not received");
    CancelIoEx(sv.q, &ov);
    WaitForSingleObject(ov.hEvent, 1000);
    CloseHandle(ov.hEvent);
    close(fd);
    stop(&sv);
}

static void test_min_send_rate(void) {
    server sv;
    start(&sv, 0);
    set_group(&sv, limits(0, 0, 0, 0, 0, 4000000));
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int small = 4096;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)sv.port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(connect(fd, (struct sockaddr *)&a, sizeof a) == 0, "connect with a small receive buffer");
    ts_send_all(fd, "GET /big HTTP/1.1\r\nHost: h\r\n\r\n", 30);
    HTTP_REQUEST *r = (HTTP_REQUEST *)rbuf;
    ULONG n;
    CHECK_EQ(HttpReceiveHttpRequest(sv.q, 0, 0, r, sizeof rbuf, &n, NULL), NO_ERROR, "receive");
    size_t size = 16u << 20;
    char *data = malloc(size);
    memset(data, 'd', size);
    HTTP_RESPONSE resp;
    HTTP_DATA_CHUNK chunk;
    memset(&resp, 0, sizeof resp);
    resp.StatusCode = 200;
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = data;
    chunk.FromMemory.BufferLength = (ULONG)size;
    resp.EntityChunkCount = 1;
    resp.pEntityChunks = &chunk;
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    uint64_t t0 = ts_now_ms();
    ULONG rc = HttpSendHttpResponse(sv.q, r->RequestId, 0, &resp, NULL, NULL, NULL, 0, &ov, NULL);
    CHECK_EQ(rc, ERROR_IO_PENDING, "16 MiB to a reader that does not read: pending");
    /* The reader takes 4 KiB every 100 ms (40 KB/s), far below MinSendRate (4 MB/s). */
    char buf[4096];
    size_t got_total = 0;
    int cut = 0;
    while (ts_now_ms() - t0 < 30000) {
        ssize_t k = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (k == 0 || (k < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
            cut = 1;
            break;
        }
        if (k > 0)
            got_total += (size_t)k;
        usleep(100000);
    }
    long ms = (long)(ts_now_ms() - t0);
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 1000), WAIT_OBJECT_0, "the send completes");
    DWORD sent;
    CHECK(!GetOverlappedResult(sv.q, &ov, &sent, FALSE) && GetLastError() == ERROR_CONNECTION_INVALID, "with ERROR_CONNECTION_INVALID (%lu)", (unsigned long)GetLastError());
    CHECK(cut && got_total < size, "the slow reader is cut after %zu bytes, %ld ms", got_total, ms);
    CHECK(ms < 25000, "within the allowance of the backlog at MinSendRate: %ld ms", ms);
    free(data);
    CloseHandle(ov.hEvent);
    close(fd);
    stop(&sv);
}

static void test_precedence(void) {
    /* IdleConnection observed on the second request's connection of four servers:
     * a: session 1 s, no group setting         -> closed at ~1 s
     * b: session 1 s, group 3 s                -> open at 2 s, closed by ~4 s (group wins)
     * c: session 1 s then 0 (default)          -> open at 2.4 s
     * d: group 1 s, then removed (Present = 0) -> open at 2.4 s */
    server sv[4];
    int fd[4];
    for (int i = 0; i < 4; i++)
        start(&sv[i], 1);
    set_session(&sv[0], limits(0, 0, 0, 1, 0, 0));
    set_session(&sv[1], limits(0, 0, 0, 1, 0, 0));
    set_group(&sv[1], limits(0, 0, 0, 3, 0, 0));
    set_session(&sv[2], limits(0, 0, 0, 1, 0, 0));
    set_session(&sv[2], limits(0, 0, 0, 0, 0, 0));
    set_group(&sv[3], limits(0, 0, 0, 1, 0, 0));
    HTTP_TIMEOUT_LIMIT_INFO off;
    memset(&off, 0, sizeof off);
    CHECK_EQ(HttpSetUrlGroupProperty(sv[3].g, HttpServerTimeoutsProperty, &off, sizeof off), NO_ERROR, "Present = 0 removes");
    for (int i = 0; i < 4; i++) {
        serve(&sv[i]);
        fd[i] = hello(sv[i].port, -1);
    }
    uint64_t t0 = ts_now_ms();
    long ms = closes_in(fd[0], 2000);
    CHECK(ms >= 500 && ms <= 1900, "a: the session's IdleConnection applies: %ld ms", ms);
    usleep((useconds_t)(2000 - (long)(ts_now_ms() - t0)) * 1000);
    CHECK(closes_in(fd[1], 10) < 0, "b: open at 2 s: the group's 3 s wins over the session's 1 s");
    CHECK(closes_in(fd[2], 400) < 0, "c: open at 2.4 s: zero on the session restores the default");
    CHECK(closes_in(fd[3], 10) < 0, "d: open at 2.4 s: the removed group setting no longer applies");
    ms = closes_in(fd[1], 2500);
    CHECK(ms >= 0, "b: closed at the group's 3 s (%ld ms after 2.4 s)", ms);
    for (int i = 0; i < 4; i++) {
        close(fd[i]);
        stop(&sv[i]);
    }
}

/* The machine-wide IdleConnection and HeaderWait (HttpSetServiceConfiguration, 1 s here) govern the
 * first request of a connection; the application's (10 s) the later ones. */
static void test_machine_wide_first_request(void) {
    HTTP_SERVICE_CONFIG_TIMEOUT_SET idle = {IdleConnectionTimeout, 1}, hw = {HeaderWaitTimeout, 1};
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &idle, sizeof idle, NULL), NO_ERROR, "machine IdleConnection 1 s");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &hw, sizeof hw, NULL), NO_ERROR, "machine HeaderWait 1 s");
    usleep(1100000); /* the engine re-reads the store at most once a second */
    server sv;
    start(&sv, 1);
    set_group(&sv, limits(0, 0, 0, 10, 10, 0));
    serve(&sv);
    int keep = hello(sv.port, -1);
    int half = ts_connect(sv.port, 0), silent = ts_connect(sv.port, 0);
    ts_send_all(half, "GET /hello HTTP/1.1\r\nHo", 23);
    ts_send_all(keep, "GET /hello HTTP/1.1\r\nHo", 23);
    long ms = closes_in(half, 4000);
    CHECK(ms >= 500 && ms <= 2600, "half a first head cut at the machine-wide HeaderWait (1 s): %ld ms", ms);
    ms = closes_in(silent, 4000);
    CHECK(ms >= 0 && ms <= 2600, "a silent new connection closed at the machine-wide IdleConnection (1 s): %ld ms", ms);
    CHECK(closes_in(keep, 300) < 0, "half a second head lives on under the application's HeaderWait (10 s)");
    close(keep);
    close(half);
    close(silent);
    stop(&sv);
    HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, &idle, sizeof idle, NULL);
    HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, &hw, sizeof hw, NULL);
}

int main(void) {
    /* A private configuration store, so the machine-wide timers can be changed without root. */
    char cfg[64];
    snprintf(cfg, sizeof cfg, "/tmp/httpapi_timers_%d.conf", (int)getpid());
    setenv("WINHTTPAPI_HTTPSYS_CONFIG", cfg, 1);
    hs_init();
    uint64_t t0 = ts_now_ms();
    const char *only = getenv("TIMERS_ONLY");
    if (!only || strstr(only, "header")) test_header_wait_and_idle();
    if (!only || strstr(only, "body")) test_entity_body();
    if (!only || strstr(only, "drain")) test_drain_and_request_queue();
    if (!only || strstr(only, "prec")) test_precedence();
    if (!only || strstr(only, "rate")) test_min_send_rate();
    if (!only || strstr(only, "machine")) test_machine_wide_first_request();
    unlink(cfg);
    char lock[80];
    snprintf(lock, sizeof lock, "%s.lock", cfg);
    unlink(lock);
    printf("httpapi_timers: %lu ms\n", (unsigned long)(ts_now_ms() - t0));
    return ts_finish("httpapi_timers");
}
