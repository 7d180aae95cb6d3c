/* Server properties the engine enforces: HttpServerTimeoutsProperty (which objects take it, sizes,
 * flags, queries), HttpServerQueueLengthProperty with HttpServer503VerbosityProperty (a full queue
 * resets or answers 503), HttpServerQosProperty (connection limit and bandwidth, observed on the wire),
 * HttpServerStateProperty still working; every error code the documentation gives. */
#include "httpapi_support.h"
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void test_timeouts_property(void) {
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q, v1;
    hs_v2_setup(&s, &g, &q, "/", 0);
    HttpCreateHttpHandle(&v1, 0);
    HTTP_TIMEOUT_LIMIT_INFO t, out;
    memset(&t, 0, sizeof t);
    t.Flags.Present = 1;
    t.EntityBody = 5;
    t.HeaderWait = 7;
    t.MinSendRate = 1000;
    HTTP_TIMEOUT_LIMIT_INFO badflags = t;
    ULONG two = 2;
    memcpy(&badflags.Flags, &two, sizeof two);
    ULONG len = 0;
    /* Each row a statement, so the calls run in the order written (C11 6.7.9p23 leaves the order of
     * calls inside one initializer unspecified). */
    CHECK_EQ(HttpSetServerSessionProperty(s, HttpServerTimeoutsProperty, &t, sizeof t), NO_ERROR, "session: set");
    CHECK_EQ(HttpSetServerSessionProperty(s, HttpServerTimeoutsProperty, &t, sizeof t - 1), ERROR_INVALID_PARAMETER, "session: size - 1");
    CHECK_EQ(HttpSetServerSessionProperty(s, HttpServerTimeoutsProperty, &t, sizeof t + 4), ERROR_INVALID_PARAMETER, "session: size + 4");
    CHECK_EQ(HttpSetServerSessionProperty(s, HttpServerTimeoutsProperty, &t, 0), ERROR_INVALID_PARAMETER, "session: length 0");
    CHECK_EQ(HttpSetServerSessionProperty(s, HttpServerTimeoutsProperty, NULL, sizeof t), ERROR_INVALID_PARAMETER, "session: NULL");
    CHECK_EQ(HttpSetServerSessionProperty(s, HttpServerTimeoutsProperty, &badflags, sizeof t), ERROR_INVALID_PARAMETER, "session: unknown flag");
    CHECK_EQ(HttpSetServerSessionProperty(0xdead, HttpServerTimeoutsProperty, &t, sizeof t), ERROR_INVALID_PARAMETER, "session: unknown id");
    CHECK_EQ(HttpSetUrlGroupProperty(g, HttpServerTimeoutsProperty, &t, sizeof t), NO_ERROR, "group: set");
    CHECK_EQ(HttpSetUrlGroupProperty(g, HttpServerTimeoutsProperty, &t, sizeof t - 1), ERROR_INVALID_PARAMETER, "group: size - 1");
    CHECK_EQ(HttpSetUrlGroupProperty(0xdead, HttpServerTimeoutsProperty, &t, sizeof t), ERROR_INVALID_PARAMETER, "group: unknown id");
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerTimeoutsProperty, &t, sizeof t, 0, NULL), ERROR_INVALID_PARAMETER, "queue: not a queue property");
    CHECK_EQ(HttpQueryRequestQueueProperty(q, HttpServerTimeoutsProperty, &out, sizeof out, 0, &len, NULL), ERROR_INVALID_PARAMETER, "queue: query not a queue property");
    CHECK_EQ(HttpQueryServerSessionProperty(s, HttpServerTimeoutsProperty, &out, sizeof out - 1, &len), ERROR_MORE_DATA, "session query: small buffer");
    CHECK_EQ(HttpQueryUrlGroupProperty(g, HttpServerTimeoutsProperty, NULL, 0, &len), ERROR_MORE_DATA, "group query: NULL buffer");
    CHECK_EQ(HttpQueryUrlGroupProperty(0xdead, HttpServerTimeoutsProperty, &out, sizeof out, &len), ERROR_INVALID_PARAMETER, "group query: unknown id");
    CHECK_EQ(HttpQueryServerSessionProperty(0xdead, HttpServerTimeoutsProperty, &out, sizeof out, &len), ERROR_INVALID_PARAMETER, "session query: unknown id");
    CHECK_EQ(len, sizeof(HTTP_TIMEOUT_LIMIT_INFO), "size needed reported");

    /* Queries: the group's own setting, the timers in force, Present = 0 after removal. */
    HTTP_TIMEOUT_LIMIT_INFO g2;
    memset(&g2, 0, sizeof g2);
    g2.Flags.Present = 1;
    g2.IdleConnection = 9;
    HttpSetUrlGroupProperty(g, HttpServerTimeoutsProperty, &g2, sizeof g2);
    memset(&out, 0xff, sizeof out);
    CHECK_EQ(HttpQueryUrlGroupProperty(g, HttpServerTimeoutsProperty, &out, sizeof out, &len), NO_ERROR, "query group");
    CHECK(out.Flags.Present == 1 && out.IdleConnection == 9 && out.EntityBody == 5 && out.HeaderWait == 7 && out.RequestQueue == 120 && out.MinSendRate == 1000,
          "group: own IdleConnection, the session's EntityBody/HeaderWait/MinSendRate, default RequestQueue (%u %u %u %u %u)",
          out.IdleConnection, out.EntityBody, out.HeaderWait, out.RequestQueue, (unsigned)out.MinSendRate);
    memset(&g2, 0, sizeof g2);
    HttpSetUrlGroupProperty(g, HttpServerTimeoutsProperty, &g2, sizeof g2);
    HttpQueryUrlGroupProperty(g, HttpServerTimeoutsProperty, &out, sizeof out, &len);
    CHECK(out.Flags.Present == 0 && out.IdleConnection == 120 && out.EntityBody == 5, "group setting removed: the session's apply");
    memset(&t, 0, sizeof t);
    t.Flags.Present = 1;
    t.MinSendRate = 0xFFFFFFFF;
    HttpSetServerSessionProperty(s, HttpServerTimeoutsProperty, &t, sizeof t);
    HttpQueryServerSessionProperty(s, HttpServerTimeoutsProperty, &out, sizeof out, &len);
    CHECK(out.Flags.Present == 1 && out.EntityBody == 120 && out.HeaderWait == 120 && out.MinSendRate == 0xFFFFFFFF, "session zeros: defaults; MinSendRate MAXULONG (off)");
    HTTP_SERVER_SESSION_ID s2;
    HTTPAPI_VERSION v2 = HTTPAPI_VERSION_2;
    HttpCreateServerSession(v2, &s2, 0);
    HttpQueryServerSessionProperty(s2, HttpServerTimeoutsProperty, &out, sizeof out, &len);
    CHECK(out.Flags.Present == 0 && out.IdleConnection == 120 && out.MinSendRate == 150, "a new session reports the defaults");
    HttpCloseServerSession(s2);

    /* Queue-only properties: sizes, values, version 1 queues, other objects. */
    ULONG n = 10, big = 0x80000000u, zero = 0, verb = 3;
    /* Each row a statement, so the calls run in the order written (C11 6.7.9p23 leaves the order of
     * calls inside one initializer unspecified). */
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQueueLengthProperty, &n, sizeof n, 0, NULL), NO_ERROR, "length: set");
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQueueLengthProperty, &zero, sizeof zero, 0, NULL), ERROR_INVALID_PARAMETER, "length: 0");
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQueueLengthProperty, &big, sizeof big, 0, NULL), ERROR_INVALID_PARAMETER, "length: too big");
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQueueLengthProperty, &n, 2, 0, NULL), ERROR_INVALID_PARAMETER, "length: size 2");
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQueueLengthProperty, NULL, 4, 0, NULL), ERROR_INVALID_PARAMETER, "length: NULL");
    CHECK_EQ(HttpSetRequestQueueProperty(v1, HttpServerQueueLengthProperty, &n, sizeof n, 0, NULL), ERROR_NOT_SUPPORTED, "length: v1 queue");
    CHECK_EQ(HttpSetServerSessionProperty(s, HttpServerQueueLengthProperty, &n, sizeof n), ERROR_INVALID_PARAMETER, "length: on a session");
    CHECK_EQ(HttpSetRequestQueueProperty(NULL, HttpServerQueueLengthProperty, &n, sizeof n, 0, NULL), ERROR_INVALID_HANDLE, "length: bad handle");
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServer503VerbosityProperty, &verb, sizeof verb, 0, NULL), ERROR_INVALID_PARAMETER, "verbosity: 3");
    CHECK_EQ(HttpSetRequestQueueProperty(v1, HttpServer503VerbosityProperty, &zero, sizeof zero, 0, NULL), ERROR_NOT_SUPPORTED, "verbosity: v1 queue");
    CHECK_EQ(HttpSetUrlGroupProperty(g, HttpServer503VerbosityProperty, &zero, sizeof zero), ERROR_INVALID_PARAMETER, "verbosity: on a group");
    CHECK_EQ(HttpQueryRequestQueueProperty(q, HttpServerQueueLengthProperty, &n, 2, 0, &len, NULL), ERROR_MORE_DATA, "length query: small");
    CHECK_EQ(len, 4, "size needed 4");
    n = 0;
    HttpQueryRequestQueueProperty(q, HttpServerQueueLengthProperty, &n, sizeof n, 0, &len, NULL);
    CHECK_EQ(n, 10, "queue length queried");
    CloseHandle(v1);
    CloseHandle(q);
    HttpCloseServerSession(s);
}

/* Sends a GET on a new connection; returns the socket. */
static int get(int port, const char *path) {
    int fd = ts_connect(port, 0);
    char req[256];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: h\r\n\r\n", path);
    ts_send_all(fd, req, strlen(req));
    return fd;
}

/* What the client gets: 1 = a 503 response, 2 = a reset, 3 = a close without data, 4 = another response. */
static int outcome(int fd, int timeout_ms) {
    char buf[2048];
    errno = 0;
    ssize_t n = ts_recv_all(fd, buf, sizeof buf, timeout_ms);
    if (n > 0)
        return strncmp(buf, "HTTP/1.1 503 ", 13) == 0 ? 1 : 4;
    if (n < 0 || errno == ECONNRESET)
        return 2;
    return 3;
}

static void test_queue_length(void) {
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    int port = hs_v2_setup(&s, &g, &q, "/", 0);
    ULONG len = 2, verb;
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQueueLengthProperty, &len, sizeof len, 0, NULL), NO_ERROR, "length 2");
    /* Default verbosity (Basic): the third waiting request's connection is reset. */
    int a = get(port, "/a"), b = get(port, "/b");
    usleep(200000);
    int c = get(port, "/c");
    int r = outcome(c, 2000);
    CHECK(r == 2, "queue full, Basic: the connection is reset without a response (%d)", r);
    close(c);
    /* Limited: a 503 response. */
    verb = 1;
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServer503VerbosityProperty, &verb, sizeof verb, 0, NULL), NO_ERROR, "Limited");
    verb = 9;
    HttpQueryRequestQueueProperty(q, HttpServer503VerbosityProperty, &verb, sizeof verb, 0, &len, NULL);
    CHECK_EQ(verb, 1, "verbosity queried");
    c = get(port, "/c");
    CHECK_EQ(outcome(c, 2000), 1, "queue full, Limited: 503");
    close(c);
    verb = 2;
    HttpSetRequestQueueProperty(q, HttpServer503VerbosityProperty, &verb, sizeof verb, 0, NULL);
    c = get(port, "/c");
    CHECK_EQ(outcome(c, 2000), 1, "queue full, Full: 503");
    close(c);
    /* Taking one request makes room again. */
    static char DECLSPEC_ALIGN(8) rb[8192];
    ULONG got;
    CHECK_EQ(HttpReceiveHttpRequest(q, 0, 0, (HTTP_REQUEST *)rb, sizeof rb, &got, NULL), NO_ERROR, "take one");
    c = get(port, "/d");
    usleep(200000);
    CHECK(!ts_peer_closed(c, 300), "room again: the request waits in the queue");
    close(a);
    close(b);
    close(c);
    CloseHandle(q);
    HttpCloseServerSession(s);
}

static void set_qos(HTTP_SERVER_SESSION_ID s, HTTP_URL_GROUP_ID g, int type, ULONG flags, ULONG value, ULONG *rc) {
    HTTP_QOS_SETTING_INFO qi;
    HTTP_BANDWIDTH_LIMIT_INFO bw;
    memcpy(&bw.Flags, &flags, sizeof flags); /* raw, so unknown bits reach the library */
    bw.MaxBandwidth = value;
    qi.QosType = (HTTP_QOS_SETTING_TYPE)type;
    qi.QosSetting = &bw;
    *rc = g ? HttpSetUrlGroupProperty(g, HttpServerQosProperty, &qi, sizeof qi) : HttpSetServerSessionProperty(s, HttpServerQosProperty, &qi, sizeof qi);
}

static void test_qos(void) {
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    int port = hs_v2_setup(&s, &g, &q, "/", 0);
    ULONG rc;
    struct { const char *what; int group, type; ULONG flags, value, want; } rows[] = {
        {"group: connection limit 2", 1, HttpQosSettingTypeConnectionLimit, 1, 2, NO_ERROR},
        {"group: bandwidth 1023 (below the minimum)", 1, HttpQosSettingTypeBandwidth, 1, 1023, ERROR_INVALID_PARAMETER},
        {"group: bandwidth 1024", 1, HttpQosSettingTypeBandwidth, 1, 1024, NO_ERROR},
        {"group: bandwidth infinite", 1, HttpQosSettingTypeBandwidth, 1, HTTP_LIMIT_INFINITE, NO_ERROR},
        {"group: unknown flags", 1, HttpQosSettingTypeBandwidth, 3, 4096, ERROR_INVALID_PARAMETER},
        {"group: unknown type", 1, 7, 1, 4096, ERROR_INVALID_PARAMETER},
        {"session: bandwidth", 0, HttpQosSettingTypeBandwidth, 1, 1u << 30, NO_ERROR},
        {"session: connection limit is a group setting", 0, HttpQosSettingTypeConnectionLimit, 1, 5, ERROR_INVALID_PARAMETER},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        set_qos(s, rows[i].group ? g : 0, rows[i].type, rows[i].flags, rows[i].value, &rc);
        CHECK(rc == rows[i].want, "%s: got %lu want %lu", rows[i].what, (unsigned long)rc, (unsigned long)rows[i].want);
    }
    HTTP_QOS_SETTING_INFO qi;
    CHECK_EQ(HttpSetUrlGroupProperty(g, HttpServerQosProperty, &qi, sizeof qi - 1), ERROR_INVALID_PARAMETER, "QoS wrong size");
    qi.QosType = HttpQosSettingTypeBandwidth;
    qi.QosSetting = NULL;
    CHECK_EQ(HttpSetUrlGroupProperty(g, HttpServerQosProperty, &qi, sizeof qi), ERROR_INVALID_PARAMETER, "QoS NULL setting");
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQosProperty, &qi, sizeof qi, 0, NULL), ERROR_INVALID_PARAMETER, "QoS on a queue");
    /* Queries: QosType named in the buffer, the limit right after the structure. */
    char DECLSPEC_ALIGN(8) qb[32];
    ULONG len = 0;
    CHECK_EQ(HttpQueryUrlGroupProperty(g, HttpServerQosProperty, qb, 16, &len), ERROR_MORE_DATA, "QoS query small buffer");
    CHECK_EQ(len, 24, "size needed");
    ((HTTP_QOS_SETTING_INFO *)qb)->QosType = HttpQosSettingTypeConnectionLimit;
    CHECK_EQ(HttpQueryUrlGroupProperty(g, HttpServerQosProperty, qb, sizeof qb, &len), NO_ERROR, "query connection limit");
    HTTP_CONNECTION_LIMIT_INFO *cl = ((HTTP_QOS_SETTING_INFO *)qb)->QosSetting;
    CHECK(cl == (void *)(qb + 16) && cl->Flags.Present == 1 && cl->MaxConnections == 2, "connection limit 2 reported");
    ((HTTP_QOS_SETTING_INFO *)qb)->QosType = HttpQosSettingTypeBandwidth;
    HttpQueryServerSessionProperty(s, HttpServerQosProperty, qb, sizeof qb, &len);
    HTTP_BANDWIDTH_LIMIT_INFO *bl = ((HTTP_QOS_SETTING_INFO *)qb)->QosSetting;
    CHECK_EQ(bl->MaxBandwidth, 1u << 30, "session bandwidth reported");

    /* The connection limit on the wire: two connections served, the third answered 503. */
    hs_app app;
    hs_app_start(&app, q);
    int fds[3];
    char buf[2048];
    for (int i = 0; i < 2; i++) {
        fds[i] = get(port, "/hello");
        CHECK(ts_recv_until(fds[i], buf, sizeof buf, "hello", 3000) > 0, "connection %d served", i);
    }
    fds[2] = get(port, "/hello");
    CHECK_EQ(outcome(fds[2], 2000), 1, "third connection over the limit: 503");
    close(fds[2]);
    close(fds[0]);
    usleep(200000);
    fds[2] = get(port, "/hello");
    CHECK(ts_recv_until(fds[2], buf, sizeof buf, "hello", 3000) > 0, "a place freed by a close is taken");
    close(fds[1]);
    close(fds[2]);

    hs_app_stop(&app);
    HttpCloseServerSession(s);

    /* Bandwidth on the wire: 8 KiB/s on the group; a 24 KiB response takes about 2 s (one second's
     * worth goes at once); unthrottled (HTTP_LIMIT_INFINITE) it takes milliseconds. */
    port = hs_v2_setup(&s, &g, &q, "/", 0);
    static char body[24576 + 1];
    memset(body, 'b', sizeof body - 1);
    static char DECLSPEC_ALIGN(8) rb[8192];
    static char in[32768];
    for (int round = 0; round < 2; round++) {
        set_qos(s, g, HttpQosSettingTypeBandwidth, 1, round == 0 ? 8192 : HTTP_LIMIT_INFINITE, &rc);
        CHECK_EQ(rc, NO_ERROR, "bandwidth set");
        int fd = get(port, "/big");
        ULONG got;
        CHECK_EQ(HttpReceiveHttpRequest(q, 0, 0, (HTTP_REQUEST *)rb, sizeof rb, &got, NULL), NO_ERROR, "receive");
        uint64_t t0 = ts_now_ms();
        CHECK_EQ(hs_send_simple(q, ((HTTP_REQUEST *)rb)->RequestId, 200, "OK", body, HTTP_SEND_RESPONSE_FLAG_DISCONNECT), NO_ERROR, "24 KiB response");
        ssize_t n = ts_recv_all(fd, in, sizeof in, 6000);
        long ms = (long)(ts_now_ms() - t0);
        CHECK(n > 24576, "whole response arrives (%ld bytes)", (long)n);
        if (round == 0)
            CHECK(ms >= 1500 && ms <= 4000, "8 KiB/s: 24 KiB in about 2 s (%ld ms)", ms);
        else
            CHECK(ms < 1000, "no limit: fast (%ld ms)", ms);
        close(fd);
    }
    CloseHandle(q);
    HttpCloseServerSession(s);
}

int main(void) {
    hs_init();
    test_timeouts_property();
    test_queue_length();
    test_qos();
    return ts_finish("httpapi_properties");
}
