#define _GNU_SOURCE
/* WinHTTP as a gRPC client over HTTP/2, against a real gRPC server (Debian's python3-grpcio,
 * c_tests/support/grpc_server.py, TLS with a certificate made here): a request is a POST of
 * /test.Echo/<Method> with Content-Type application/grpc and TE: trailers, its body gRPC messages (a
 * 5-byte prefix: compressed flag, big-endian length); the status comes in the response trailers,
 * read with WinHttpQueryHeaders(WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_TRAILERS) and
 * WinHttpQueryHeadersEx(... | WINHTTP_QUERY_FLAG_TRAILERS) once the body has been read to its end.
 * - unary OK (Say): one message, grpc-status 0 in the trailers (also as a number), not in the headers;
 * - unary failing after its headers (Fail): no message, grpc-status 5 and grpc-message in the trailers
 *   (or, when grpcio sent headers and status together, in the headers of a trailers-only response);
 * - server-streaming failing after two messages (CountFail): grpc-status 5 in the trailers, always;
 * - unary failing at once (FailEarly): a trailers-only response (one HEADERS frame): the status is in
 *   the headers and there are no trailers;
 * - server-streaming (Count): five messages, then grpc-status 0;
 * - the same five calls asynchronously, all at once on one session, the trailers read from the
 *   callbacks after READ_COMPLETE with 0 bytes; then 16 concurrent Count calls on the one connection.
 * 127.0.0.1 only; every wait bounded. */
#include "test_support.h"
#include "winhttp_support.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IGNORE_CERT (SECURITY_FLAG_IGNORE_UNKNOWN_CA | SECURITY_FLAG_IGNORE_CERT_CN_INVALID)
#define GRPC_HEADERS L"Content-Type: application/grpc\r\nTE: trailers\r\n"

/* One gRPC message framed: flag 0, 4-byte big-endian length, the bytes. Returns the frame's size. */
static DWORD grpc_frame(char *out, const char *msg) {
    size_t n = strlen(msg);
    out[0] = 0;
    out[1] = (char)(n >> 24);
    out[2] = (char)(n >> 16);
    out[3] = (char)(n >> 8);
    out[4] = (char)n;
    memcpy(out + 5, msg, n);
    return (DWORD)(n + 5);
}

/* The messages of a response body, comma-separated into out; -1 when the framing is broken. */
static int grpc_messages(const char *body, long len, char *out, size_t cap) {
    long at = 0;
    int count = 0;
    out[0] = 0;
    while (at < len) {
        if (len - at < 5 || body[at] != 0) return -1;
        const unsigned char *p = (const unsigned char *)body + at + 1;
        long n = (long)(((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8) | p[3]);
        if (len - at - 5 < n) return -1;
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%s%.*s", count ? "," : "", (int)n, body + at + 5);
        at += 5 + n;
        count++;
    }
    return count;
}

/* A trailer (or header, without `trailers`) by name through WinHttpQueryHeaders; 0 or the error. */
static DWORD query_field(HINTERNET req, const wchar_t *name, int trailers, wchar_t *out, DWORD cap_bytes) {
    DWORD level = WINHTTP_QUERY_CUSTOM | (trailers ? WINHTTP_QUERY_FLAG_TRAILERS : 0);
    out[0] = 0;
    return WinHttpQueryHeaders(req, level, name, out, &cap_bytes, WINHTTP_NO_HEADER_INDEX) ? 0 : GetLastError();
}

/* The trailers through WinHttpQueryHeadersEx: "name=value;..." into out, the field count into *count. */
static DWORD query_trailers_ex(HINTERNET req, char *out, size_t cap, DWORD *count) {
    DWORD size = 0;
    WINHTTP_EXTENDED_HEADER *hs = NULL;
    *count = 0;
    out[0] = 0;
    DWORD level = WINHTTP_QUERY_EX_ALL_HEADERS | WINHTTP_QUERY_FLAG_TRAILERS;
    DWORD r = WinHttpQueryHeadersEx(req, level, 0, CP_ACP, NULL, NULL, NULL, &size, &hs, count);
    if (r != ERROR_INSUFFICIENT_BUFFER) return r;
    void *buf = malloc(size);
    r = WinHttpQueryHeadersEx(req, level, 0, CP_ACP, NULL, NULL, buf, &size, &hs, count);
    for (DWORD i = 0; r == NO_ERROR && i < *count; i++) {
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%ls=%ls;", hs[i].pwszName, hs[i].pwszValue);
    }
    free(buf);
    return r;
}

/* grpc-message by name through WinHttpQueryHeadersEx(WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_TRAILERS). */
static DWORD query_trailer_ex(HINTERNET req, const wchar_t *name, wchar_t *out, size_t cap) {
    DWORD size = 0, count = 0, index = 0;
    WINHTTP_EXTENDED_HEADER *hs = NULL;
    WINHTTP_HEADER_NAME hn;
    hn.pwszName = name;
    out[0] = 0;
    DWORD level = WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_TRAILERS;
    DWORD r = WinHttpQueryHeadersEx(req, level, 0, CP_ACP, &index, &hn, NULL, &size, &hs, &count);
    if (r != ERROR_INSUFFICIENT_BUFFER) return r;
    void *buf = malloc(size);
    index = 0;
    r = WinHttpQueryHeadersEx(req, level, 0, CP_ACP, &index, &hn, buf, &size, &hs, &count);
    if (r == NO_ERROR && count == 1) swprintf(out, cap, L"%ls", hs[0].pwszValue);
    free(buf);
    return r;
}

static HINTERNET open_call(HINTERNET con, const char *method) {
    wchar_t path[80];
    swprintf(path, 80, L"/test.Echo/%s", method);
    HINTERNET req = WinHttpOpenRequest(con, L"POST", path, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, WINHTTP_FLAG_SECURE);
    CHECK(req != NULL, "WinHttpOpenRequest %s", method);
    DWORD f = IGNORE_CERT;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &f, sizeof f), "security flags");
    return req;
}

static HINTERNET grpc_session(DWORD flags) {
    HINTERNET ses = WinHttpOpen(L"grpc-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, flags);
    CHECK(ses != NULL, "WinHttpOpen");
    DWORD v = WINHTTP_PROTOCOL_FLAG_HTTP2;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL, &v, sizeof v), "ENABLE_HTTP_PROTOCOL");
    return ses;
}

/* What one call gave: the messages, the status and message from the trailers (or the headers of a
 * trailers-only response), and how the trailers read through WinHttpQueryHeadersEx. */
typedef struct {
    DWORD http_status, protocol;
    int messages;
    char text[256];
    wchar_t status[16], message[64], header_status[16], header_message[64];
    DWORD status_error, number, number_error, header_status_error;
    char ex[256];
    DWORD ex_count, ex_error;
    wchar_t ex_message[64];
    DWORD ex_message_error;
} outcome;

/* Everything read from a request whose body has been read to its end. */
static void collect(HINTERNET req, const char *body, long len, outcome *o) {
    DWORD l = sizeof o->http_status;
    WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, NULL, &o->http_status, &l, NULL);
    l = sizeof o->protocol;
    WinHttpQueryOption(req, WINHTTP_OPTION_HTTP_PROTOCOL_USED, &o->protocol, &l);
    o->messages = grpc_messages(body, len, o->text, sizeof o->text);
    o->status_error = query_field(req, L"grpc-status", 1, o->status, sizeof o->status);
    query_field(req, L"grpc-message", 1, o->message, sizeof o->message);
    o->header_status_error = query_field(req, L"grpc-status", 0, o->header_status, sizeof o->header_status);
    query_field(req, L"grpc-message", 0, o->header_message, sizeof o->header_message);
    l = sizeof o->number;
    o->number = 0xdead;
    o->number_error = WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_TRAILERS | WINHTTP_QUERY_FLAG_NUMBER, L"grpc-status",
                                          &o->number, &l, NULL)
                          ? 0
                          : GetLastError();
    o->ex_error = query_trailers_ex(req, o->ex, sizeof o->ex, &o->ex_count);
    o->ex_message_error = query_trailer_ex(req, L"grpc-message", o->ex_message, 64);
}

static void sync_call(HINTERNET con, const char *method, const char *msg, outcome *o) {
    char frame[64], body[4096];
    memset(o, 0, sizeof *o);
    HINTERNET req = open_call(con, method);
    DWORD n = grpc_frame(frame, msg);
    CHECK(WinHttpSendRequest(req, GRPC_HEADERS, (DWORD)-1L, frame, n, n, 0), "send %s: %u", method, GetLastError());
    CHECK(WinHttpReceiveResponse(req, NULL), "receive %s: %u", method, GetLastError());
    wchar_t ct[64];
    CHECK(query_field(req, L"content-type", 0, ct, sizeof ct) == 0 && wcscmp(ct, L"application/grpc") == 0, "%s content-type '%ls'", method, ct);
    DWORD err = 0;
    long len = whs_read_all(req, body, sizeof body, &err);
    CHECK(len >= 0, "%s body read: %u", method, err);
    collect(req, body, len, o);
    WinHttpCloseHandle(req);
}

/* The checks of each method's outcome (sync and async alike). */
static void check_say(const outcome *o, const char *mode) {
    CHECK_EQ(o->http_status, 200, "Say: HTTP status");
    CHECK_EQ(o->protocol, WINHTTP_PROTOCOL_FLAG_HTTP2, "Say: over HTTP/2");
    CHECK(o->messages == 1 && strcmp(o->text, "hello, world") == 0, "%s Say: messages %d '%s'", mode, o->messages, o->text);
    CHECK(o->status_error == 0 && wcscmp(o->status, L"0") == 0, "%s Say: grpc-status trailer '%ls' (%u)", mode, o->status, o->status_error);
    CHECK(o->number_error == 0 && o->number == 0, "%s Say: grpc-status as a number %u (%u)", mode, o->number, o->number_error);
    CHECK_EQ(o->header_status_error, ERROR_WINHTTP_HEADER_NOT_FOUND, "Say: grpc-status is not a header");
    CHECK(o->ex_error == 0 && strstr(o->ex, "grpc-status=0;") != NULL, "%s Say: QueryHeadersEx trailers '%s' (%u)", mode, o->ex, o->ex_error);
}

/* The failure's status and message in the trailers, with every way of reading them. */
static void check_failed_trailers(const outcome *o, const char *mode, const char *method) {
    CHECK(o->status_error == 0 && wcscmp(o->status, L"5") == 0, "%s %s: grpc-status trailer '%ls' (%u)", mode, method, o->status, o->status_error);
    CHECK(wcscmp(o->message, L"no such thing") == 0, "%s %s: grpc-message trailer '%ls'", mode, method, o->message);
    CHECK(o->number_error == 0 && o->number == 5, "%s %s: grpc-status as a number %u", mode, method, o->number);
    CHECK(o->ex_error == 0 && strstr(o->ex, "grpc-status=5;") && strstr(o->ex, "grpc-message=no such thing;"),
          "%s %s: QueryHeadersEx trailers '%s' (%u)", mode, method, o->ex, o->ex_error);
    CHECK(o->ex_message_error == 0 && wcscmp(o->ex_message, L"no such thing") == 0, "%s %s: QueryHeadersEx grpc-message '%ls' (%u)", mode,
          method, o->ex_message, o->ex_message_error);
}

/* Unary failure: grpcio usually sends the headers, then the status in the trailers; it may send both
 * in one trailers-only response under load, where a gRPC client finds the status in the headers. */
static void check_fail(const outcome *o, const char *mode) {
    CHECK_EQ(o->http_status, 200, "Fail: HTTP status");
    CHECK_EQ(o->messages, 0, "Fail: no message");
    if (o->status_error == ERROR_WINHTTP_HEADER_NOT_FOUND && o->header_status_error == 0) {
        printf("  %s Fail: trailers-only response (grpcio sent the headers with the status)\n", mode);
        CHECK(wcscmp(o->header_status, L"5") == 0 && wcscmp(o->header_message, L"no such thing") == 0, "%s Fail: status header '%ls' '%ls'",
              mode, o->header_status, o->header_message);
        return;
    }
    check_failed_trailers(o, mode, "Fail");
}

static void check_count_fail(const outcome *o, const char *mode) {
    CHECK_EQ(o->http_status, 200, "CountFail: HTTP status");
    CHECK(o->messages == 2 && strcmp(o->text, "1,2") == 0, "%s CountFail: messages %d '%s'", mode, o->messages, o->text);
    CHECK_EQ(o->header_status_error, ERROR_WINHTTP_HEADER_NOT_FOUND, "CountFail: grpc-status is not a header");
    check_failed_trailers(o, mode, "CountFail");
}

static void check_fail_early(const outcome *o, const char *mode) {
    CHECK_EQ(o->http_status, 200, "FailEarly: HTTP status");
    CHECK_EQ(o->messages, 0, "FailEarly: no message");
    /* A trailers-only response: one HEADERS frame ending the stream; its fields are headers. */
    CHECK(o->header_status_error == 0 && wcscmp(o->header_status, L"5") == 0, "%s FailEarly: grpc-status header '%ls' (%u)", mode,
          o->header_status, o->header_status_error);
    CHECK_EQ(o->status_error, ERROR_WINHTTP_HEADER_NOT_FOUND, "FailEarly: no grpc-status trailer");
    CHECK(o->ex_error == 0 && o->ex_count == 0, "%s FailEarly: QueryHeadersEx trailers: %u fields (%u)", mode, o->ex_count, o->ex_error);
    CHECK_EQ(o->ex_message_error, ERROR_WINHTTP_HEADER_NOT_FOUND, "FailEarly: QueryHeadersEx grpc-message trailer");
}

static void check_count(const outcome *o, const char *mode) {
    CHECK_EQ(o->http_status, 200, "Count: HTTP status");
    CHECK(o->messages == 5 && strcmp(o->text, "1,2,3,4,5") == 0, "%s Count: messages %d '%s'", mode, o->messages, o->text);
    CHECK(o->status_error == 0 && wcscmp(o->status, L"0") == 0, "%s Count: grpc-status trailer '%ls'", mode, o->status);
}

static void test_sync(int port) {
    printf("sync\n");
    HINTERNET ses = grpc_session(0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    outcome o;
    sync_call(con, "Say", "world", &o);
    check_say(&o, "sync");
    sync_call(con, "Fail", "x", &o);
    check_fail(&o, "sync");
    sync_call(con, "FailEarly", "x", &o);
    check_fail_early(&o, "sync");
    sync_call(con, "Count", "5", &o);
    check_count(&o, "sync");
    sync_call(con, "CountFail", "2", &o);
    check_count_fail(&o, "sync");
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

/* ---- asynchronous ---- */
typedef struct {
    HINTERNET req;
    char frame[64];
    char body[4096];
    DWORD got;
    volatile int done; /* 1: outcome collected; 2: failed */
    DWORD error;
    outcome o;
} acall;

static void CALLBACK on_call(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    acall *a = (acall *)ctx;
    if (!a) return;
    switch (status) {
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
        if (!WinHttpReceiveResponse(h, NULL)) a->done = 2;
        break;
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE:
        if (!WinHttpReadData(h, a->body, sizeof a->body, NULL)) a->done = 2;
        break;
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE:
        if (len == 0) {
            /* The body's end: the trailers are there now, read from the callback. */
            collect(h, a->body, (long)a->got, &a->o);
            a->done = 1;
            break;
        }
        a->got += len;
        if (a->got >= sizeof a->body || !WinHttpReadData(h, a->body + a->got, sizeof a->body - a->got, NULL)) a->done = 2;
        break;
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR:
        a->error = ((WINHTTP_ASYNC_RESULT *)info)->dwError;
        a->done = 2;
        break;
    default: break;
    }
}

static void start_call(HINTERNET con, acall *a, const char *method, const char *msg) {
    memset(a, 0, sizeof *a);
    a->req = open_call(con, method);
    WinHttpSetStatusCallback(a->req, on_call, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    DWORD n = grpc_frame(a->frame, msg);
    if (!WinHttpSendRequest(a->req, GRPC_HEADERS, (DWORD)-1L, a->frame, n, n, (DWORD_PTR)a)) a->done = 2;
}

/* Waits (15 s at most) for n calls; returns how many collected their outcome. */
static int wait_calls(acall *calls, int n) {
    uint64_t end = ts_now_ms() + 15000;
    int finished = 0;
    while (ts_now_ms() < end) {
        finished = 0;
        for (int i = 0; i < n; i++) finished += calls[i].done != 0;
        if (finished == n) break;
        usleep(2000);
    }
    int good = 0;
    for (int i = 0; i < n; i++) {
        if (calls[i].done == 1) good++;
        else fprintf(stderr, "  call %d: done %d error %u\n", i, calls[i].done, calls[i].error);
    }
    return good;
}

static void close_calls(acall *calls, int n) {
    for (int i = 0; i < n; i++) {
        WinHttpSetStatusCallback(calls[i].req, NULL, 0, 0);
        WinHttpCloseHandle(calls[i].req);
    }
}

enum { NMANY = 16 };
static acall calls[NMANY];

static void test_async(int port) {
    printf("async\n");
    HINTERNET ses = grpc_session(WINHTTP_FLAG_ASYNC);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    start_call(con, &calls[0], "Say", "world");
    start_call(con, &calls[1], "Fail", "x");
    start_call(con, &calls[2], "FailEarly", "x");
    start_call(con, &calls[3], "Count", "5");
    start_call(con, &calls[4], "CountFail", "2");
    CHECK_EQ(wait_calls(calls, 5), 5, "five asynchronous calls at once");
    check_say(&calls[0].o, "async");
    check_fail(&calls[1].o, "async");
    check_fail_early(&calls[2].o, "async");
    check_count(&calls[3].o, "async");
    check_count_fail(&calls[4].o, "async");
    close_calls(calls, 5);

    /* Many server-streaming calls at once, multiplexed on the one connection. */
    for (int i = 0; i < NMANY; i++) start_call(con, &calls[i], "Count", "5");
    CHECK_EQ(wait_calls(calls, NMANY), NMANY, "16 concurrent server-streaming calls");
    int good = 0;
    for (int i = 0; i < NMANY; i++)
        good += calls[i].o.messages == 5 && strcmp(calls[i].o.text, "1,2,3,4,5") == 0 && wcscmp(calls[i].o.status, L"0") == 0 &&
                calls[i].o.protocol == WINHTTP_PROTOCOL_FLAG_HTTP2;
    CHECK_EQ(good, NMANY, "every concurrent call: five messages and grpc-status 0 over HTTP/2");
    close_calls(calls, NMANY);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

int main(void) {
    char tmpl[] = "/tmp/winhttp_grpc.XXXXXX", out[512], cmd[1200], script[512], log[400];
    if (!mkdtemp(tmpl)) return 1;
    snprintf(cmd, sizeof cmd,
             "cd '%s' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem -out cert.pem"
             " -days 2 -subj '/CN=localhost' -addext subjectAltName=IP:127.0.0.1 >openssl.log 2>&1",
             tmpl);
    const char *mk[] = {"sh", "-c", cmd, NULL};
    if (ts_run(mk, out, sizeof out, 30000) != 0) {
        printf("cannot make the test certificate with openssl\n");
        return 1;
    }
    /* The python with grpcio (Debian's python3-grpcio, scripts/install-deps.sh). */
    int port = ts_free_port();
    ts_source_path("c_tests/support/grpc_server.py", script, sizeof script);
    snprintf(cmd, sizeof cmd, "py=python3; python3 -c 'import grpc' 2>/dev/null || py=/usr/bin/python3; exec timeout 120 $py '%s' '%s' %d", script,
             tmpl, port);
    snprintf(log, sizeof log, "%s/grpc_server.log", tmpl);
    const char *argv[] = {"sh", "-c", cmd, NULL};
    pid_t pid = ts_spawn(argv, log);
    if (ts_wait_port(port, 20000) != 0) {
        CHECK(0, "the grpcio server did not start (python3-grpcio installed by scripts/install-deps.sh?), see %s", log);
        ts_kill(pid);
        return ts_finish("winhttp_grpc");
    }
    test_sync(port);
    test_async(port);
    ts_kill(pid);
    if (ts_failed == 0) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
        ts_run(mk, out, sizeof out, 30000);
    }
    return ts_finish("winhttp_grpc");
}
