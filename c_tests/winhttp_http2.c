#define _GNU_SOURCE
/* WinHTTP over HTTP/2: WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL with WINHTTP_PROTOCOL_FLAG_HTTP2 makes a secure
 * request offer h2 by ALPN; WINHTTP_OPTION_HTTP_PROTOCOL_USED tells what carried the response.
 * Against our own http.sys over HTTPS (self-signed certificate made with openssl) and nginx with http2:
 * - synchronous GET (status, version "HTTP/2", the raw headers' first line, body), POST with lpOptional and
 *   WinHttpWriteData up to dwTotalLength (echoed byte-exact), the seeds' error rule (a write past the total
 *   is ERROR_INVALID_PARAMETER), the option's own errors;
 * - without the option, and against a binding with HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2, HTTP/1.1;
 * - asynchronous: 32 requests started at once on one session, each with its own callback sequence in
 *   Windows' order, all on ONE connection (nginx's $connection), one RESOLVING_NAME in all;
 * - python's h2 as the server (c_tests/support/h2_server.py): interim responses (102, 103) as
 *   INTERMEDIATE_RESPONSE callbacks; the HTTP/2 connection counted once by WinHttpQueryConnectionGroup, four
 *   streams at once under MAX_CONNS_PER_SERVER 1, closed after WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT (5 s)
 *   without a stream (the server sees a new connection next), and an idle HTTP/1.1 one no longer pooled;
 *   WINHTTP_OPTION_HTTP2_KEEPALIVE (5000 ms, its floor) pinging an idle connection, and not the connection of
 *   a session without it; whose connection a request rides: sessions with the same settings share one (Windows'
 *   default global pooling), a session with another HTTP2_RECEIVE_WINDOW gets its own (the server sees its
 *   window), WINHTTP_OPTION_DISABLE_GLOBAL_POOLING gives a session its own (its concurrent requests on it),
 *   closed when the session handle closes while the others go on; ulStreamWindowUpdateDelta: the stream
 *   WINDOW_UPDATE increments the server sees are multiples of it;
 * - WINHTTP_OPTION_STREAM_ERROR_CODE after our server resets a stream (HttpRequestPropertyStreamError);
 * - response trailers through WINHTTP_QUERY_FLAG_TRAILERS and WinHttpQueryHeadersEx (nginx add_trailer, and our
 *   server's HttpDataChunkTrailers: /trailers, /trailers-length, /trailers-only, /trailers-chunked).
 * 127.0.0.1 only; every wait bounded. */
#include "httpapi_support.h"
#include <winhttp.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define IGNORE_CERT (SECURITY_FLAG_IGNORE_UNKNOWN_CA | SECURITY_FLAG_IGNORE_CERT_CN_INVALID)
static char dir[256];
static BYTE thumb[20];

static int run(const char *cmd, char *out, size_t cap) {
    const char *argv[] = {"sh", "-c", cmd, NULL};
    return ts_run(argv, out, cap, 30000);
}

/* A queue with https://127.0.0.1:port/ (SSL binding flags `flags`), for the support application. */
static HANDLE https_queue(int *port, DWORD flags) {
    HANDLE q = NULL;
    wchar_t url[64];
    *port = ts_free_port();
    CHECK_EQ(hs_bind_certificate(*port, thumb, flags), NO_ERROR, "SSL binding");
    CHECK_EQ(HttpCreateHttpHandle(&q, 0), NO_ERROR, "queue");
    swprintf(url, 64, L"https://127.0.0.1:%d/", *port);
    CHECK_EQ(HttpAddUrl(q, url, NULL), NO_ERROR, "HttpAddUrl https");
    return q;
}

static HINTERNET session(DWORD flags, int h2) {
    HINTERNET ses = WinHttpOpen(L"h2-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, flags);
    CHECK(ses != NULL, "WinHttpOpen");
    if (h2) {
        DWORD v = WINHTTP_PROTOCOL_FLAG_HTTP2;
        CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL, &v, sizeof v), "ENABLE_HTTP_PROTOCOL on the session");
    }
    return ses;
}

static HINTERNET open_req(HINTERNET con, const wchar_t *verb, const wchar_t *path) {
    HINTERNET req = WinHttpOpenRequest(con, verb, path, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, WINHTTP_FLAG_SECURE);
    CHECK(req != NULL, "WinHttpOpenRequest");
    DWORD f = IGNORE_CERT;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &f, sizeof f), "security flags");
    return req;
}

static DWORD dword_option(HINTERNET h, DWORD option) {
    DWORD v = 0xdead, len = sizeof v;
    if (!WinHttpQueryOption(h, option, &v, &len)) return 0xffffffff;
    return v;
}

static long read_all(HINTERNET req, char *buf, size_t cap) {
    size_t total = 0;
    for (;;) {
        DWORD avail = 0, got = 0;
        if (!WinHttpQueryDataAvailable(req, &avail)) return -1;
        if (avail == 0) break;
        if (total + avail >= cap) avail = (DWORD)(cap - 1 - total);
        if (avail == 0 || !WinHttpReadData(req, buf + total, avail, &got)) return -1;
        total += got;
    }
    buf[total] = 0;
    return (long)total;
}

/* The response trailers through WinHttpQueryHeadersEx(WINHTTP_QUERY_EX_ALL_HEADERS | WINHTTP_QUERY_FLAG_TRAILERS),
 * as "name=value,..." into out; returns the field count, or -1 (error printed). */
static int trailers_text(HINTERNET req, char *out, size_t cap) {
    DWORD size = 0, count = 0, level = WINHTTP_QUERY_EX_ALL_HEADERS | WINHTTP_QUERY_FLAG_TRAILERS;
    WINHTTP_EXTENDED_HEADER *hs = NULL;
    out[0] = 0;
    DWORD r = WinHttpQueryHeadersEx(req, level, 0, CP_ACP, NULL, NULL, NULL, &size, &hs, &count);
    if (r == NO_ERROR && count == 0) return 0;
    if (r != ERROR_INSUFFICIENT_BUFFER) {
        fprintf(stderr, "  QueryHeadersEx trailers sizing: %u\n", r);
        return -1;
    }
    void *buf = malloc(size);
    r = WinHttpQueryHeadersEx(req, level, 0, CP_ACP, NULL, NULL, buf, &size, &hs, &count);
    for (DWORD i = 0; r == NO_ERROR && i < count; i++) {
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%s%ls=%ls", i ? "," : "", hs[i].pwszName, hs[i].pwszValue);
    }
    free(buf);
    if (r != NO_ERROR) fprintf(stderr, "  QueryHeadersEx trailers: %u\n", r);
    return r == NO_ERROR ? (int)count : -1;
}

/* GET `path` with TE: trailers; "status body [trailers]" into out (the trailers read once the body has
 * been read to its end). */
static void get_with_trailers(HINTERNET con, const wchar_t *path, DWORD want_proto, char *out, size_t cap) {
    char body[128], tr[128];
    HINTERNET req = open_req(con, L"GET", path);
    out[0] = 0;
    if (!WinHttpSendRequest(req, L"TE: trailers\r\n", (DWORD)-1L, NULL, 0, 0, 0) || !WinHttpReceiveResponse(req, NULL)) {
        snprintf(out, cap, "failed %u", GetLastError());
        WinHttpCloseHandle(req);
        return;
    }
    CHECK_EQ(dword_option(req, WINHTTP_OPTION_HTTP_PROTOCOL_USED), want_proto, "WINHTTP_OPTION_HTTP_PROTOCOL_USED");
    DWORD status = 0, len = sizeof status;
    WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, NULL, &status, &len, NULL);
    long n = read_all(req, body, sizeof body);
    int count = trailers_text(req, tr, sizeof tr);
    snprintf(out, cap, "%u %s [%s]%s", status, n >= 0 ? body : "(read failed)", tr, count < 0 ? " (query failed)" : "");
    WinHttpCloseHandle(req);
}

/* GET `path` synchronously; checks the protocol used. Returns the status. */
static DWORD get(HINTERNET con, const wchar_t *path, DWORD want_proto, char *body, size_t cap) {
    HINTERNET req = open_req(con, L"GET", path);
    DWORD status = 0, len = sizeof status;
    if (WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL)) {
        WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, NULL, &status, &len, NULL);
        CHECK_EQ(dword_option(req, WINHTTP_OPTION_HTTP_PROTOCOL_USED), want_proto, "WINHTTP_OPTION_HTTP_PROTOCOL_USED");
        wchar_t ver[32];
        DWORD vl = sizeof ver;
        CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_VERSION, NULL, ver, &vl, NULL), "WINHTTP_QUERY_VERSION");
        CHECK(wcscmp(ver, want_proto ? L"HTTP/2" : L"HTTP/1.1") == 0, "version %ls", ver);
        CHECK(read_all(req, body, cap) >= 0, "body read");
    } else {
        fprintf(stderr, "  GET %ls failed: %u\n", path, GetLastError());
    }
    WinHttpCloseHandle(req);
    return status;
}

static void test_sync_ours(int port) {
    printf("sync, our server\n");
    char body[4096];
    HINTERNET ses = session(0, 1);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK_EQ(get(con, L"/hello", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body), 200, "GET /hello over HTTP/2");
    CHECK(strcmp(body, "hello") == 0, "body '%s'", body);

    /* The raw headers' first line: version and status, no reason phrase (HTTP/2 has none). */
    HINTERNET req = open_req(con, L"GET", L"/hello");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "GET again");
    wchar_t raw[2048];
    DWORD rl = sizeof raw;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF, NULL, raw, &rl, NULL), "RAW_HEADERS_CRLF");
    CHECK(wcsncmp(raw, L"HTTP/2 200\r\n", 12) == 0, "first line: %.20ls", raw);
    CHECK(wcsstr(raw, L"content-length: 5\r\n") != NULL, "fields as received: %ls", raw);
    DWORD cl = 0, cll = sizeof cl;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_NUMBER, NULL, &cl, &cll, NULL) && cl == 5,
          "Content-Length 5");
    CHECK(read_all(req, (char *)raw, sizeof raw) == 5, "body");
    WinHttpCloseHandle(req);

    /* POST: lpOptional then WinHttpWriteData up to dwTotalLength, echoed whole. */
    enum { TOTAL = 300000, FIRST = 70000 };
    static char up[TOTAL], back[TOTAL + 1];
    for (int i = 0; i < TOTAL; i++) up[i] = (char)('a' + (i * 7) % 26);
    req = open_req(con, L"POST", L"/echo");
    CHECK(WinHttpSendRequest(req, NULL, 0, up, FIRST, TOTAL, 0), "POST with lpOptional");
    DWORD w = 0;
    CHECK(WinHttpWriteData(req, up + FIRST, 100000, &w) && w == 100000, "WinHttpWriteData");
    CHECK(WinHttpWriteData(req, up + FIRST + 100000, TOTAL - FIRST - 100000, &w), "WinHttpWriteData the rest");
    CHECK(!WinHttpWriteData(req, up, 1, &w) && GetLastError() == ERROR_INVALID_PARAMETER, "a write past dwTotalLength: %u", GetLastError());
    CHECK(WinHttpReceiveResponse(req, NULL), "receive the echo");
    CHECK_EQ(dword_option(req, WINHTTP_OPTION_HTTP_PROTOCOL_USED), WINHTTP_PROTOCOL_FLAG_HTTP2, "POST over HTTP/2");
    CHECK(read_all(req, back, sizeof back) == TOTAL && memcmp(back, up, TOTAL) == 0, "echoed byte-exact");
    WinHttpCloseHandle(req);

    /* Our server's trailers (HttpDataChunkTrailers, see httpapi_support.c send_with_trailers) over HTTP/2. */
    static const struct {
        const wchar_t *path;
        const char *want;
    } trailer_rows[] = {
        {L"/trailers", "200 abcdef [grpc-status=0,grpc-message=ok]"},
        {L"/trailers-length", "200 abcdef [x-checksum=6]"},
        {L"/trailers-only", "200  [x-only=1]"},
        {L"/trailers-chunked", "200 abcdef [grpc-status=0,grpc-message=ok]"},
    };
    for (size_t i = 0; i < sizeof trailer_rows / sizeof trailer_rows[0]; i++) {
        char got[320];
        get_with_trailers(con, trailer_rows[i].path, WINHTTP_PROTOCOL_FLAG_HTTP2, got, sizeof got);
        CHECK(strcmp(got, trailer_rows[i].want) == 0, "%ls over HTTP/2: '%s'", trailer_rows[i].path, got);
    }
    req = open_req(con, L"GET", L"/trailers");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "GET /trailers");
    wchar_t gs[16];
    DWORD gsl = sizeof gs;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_TRAILERS, L"grpc-status", gs, &gsl, NULL) &&
              GetLastError() == ERROR_WINHTTP_HEADER_NOT_FOUND,
          "no trailers before the body's end: %u", GetLastError());
    gsl = sizeof gs;
    CHECK(read_all(req, (char *)raw, sizeof raw) == 6, "body of /trailers");
    /* The trailers as raw text (what .NET's WinHttpHandler reads): no status line. */
    rl = sizeof raw;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF | WINHTTP_QUERY_FLAG_TRAILERS, NULL, raw, &rl, NULL) &&
              wcscmp(raw, L"grpc-status: 0\r\ngrpc-message: ok\r\n\r\n") == 0,
          "RAW_HEADERS_CRLF | FLAG_TRAILERS: '%ls' (%u)", raw, GetLastError());
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_TRAILERS, L"grpc-status", gs, &gsl, NULL) && wcscmp(gs, L"0") == 0,
          "grpc-status through WinHttpQueryHeaders: %u", GetLastError());
    WinHttpCloseHandle(req);

    /* WINHTTP_OPTION_STREAM_ERROR_CODE ("the error code indicated by a RST_STREAM frame received on an HTTP
     * stream", request handles, query only): our server sends /reset's "partial", then resets the stream with
     * CANCEL (8) through HttpRequestPropertyStreamError; the read that meets the reset fails and the option
     * gives the code. A session handle: ERROR_WINHTTP_INCORRECT_HANDLE_TYPE (what .NET's WinHttpHandler
     * probes for to learn that trailers are supported); not settable. */
    req = open_req(con, L"GET", L"/reset");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "GET /reset: %u", GetLastError());
    CHECK(read_all(req, (char *)raw, sizeof raw) < 0, "the body read ends in an error at the reset");
    CHECK_EQ(dword_option(req, WINHTTP_OPTION_STREAM_ERROR_CODE), 8, "STREAM_ERROR_CODE: the server's RST_STREAM code (CANCEL)");
    WinHttpCloseHandle(req);
    req = open_req(con, L"GET", L"/hello");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL) && read_all(req, (char *)raw, sizeof raw) == 5,
          "GET /hello on the same connection after the reset");
    CHECK_EQ(dword_option(req, WINHTTP_OPTION_STREAM_ERROR_CODE), 0, "STREAM_ERROR_CODE: 0 for a stream not reset");
    WinHttpCloseHandle(req);
    DWORD sec = 0, secl = sizeof sec;
    CHECK(!WinHttpQueryOption(ses, WINHTTP_OPTION_STREAM_ERROR_CODE, &sec, &secl) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE,
          "STREAM_ERROR_CODE on a session handle: %u", GetLastError());
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_STREAM_ERROR_CODE, &sec, sizeof sec) && GetLastError() == ERROR_WINHTTP_OPTION_NOT_SETTABLE,
          "STREAM_ERROR_CODE is not settable: %u", GetLastError());

    /* A request turning HTTP/2 off again gets HTTP/1.1 (its own connection). */
    req = open_req(con, L"GET", L"/hello");
    DWORD none = 0;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL, &none, sizeof none), "ENABLE_HTTP_PROTOCOL 0 on a request");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "GET over HTTP/1.1");
    CHECK_EQ(dword_option(req, WINHTTP_OPTION_HTTP_PROTOCOL_USED), 0, "HTTP/1.1 used");
    WinHttpCloseHandle(req);

    /* The option's errors. */
    DWORD bad = 4;
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL, &bad, sizeof bad) && GetLastError() == ERROR_INVALID_PARAMETER,
          "unknown protocol bit: %u", GetLastError());
    DWORD one = 1;
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_HTTP_PROTOCOL_USED, &one, sizeof one) && GetLastError() == ERROR_WINHTTP_OPTION_NOT_SETTABLE,
          "PROTOCOL_USED is not settable: %u", GetLastError());
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);

    /* Without the option: HTTP/1.1, as before. */
    ses = session(0, 0);
    con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK_EQ(get(con, L"/hello", 0, body, sizeof body), 200, "GET /hello without the option");
    /* The option on the request alone (its session without it): that request offers h2 and gets it. */
    req = open_req(con, L"GET", L"/hello");
    DWORD h2only = WINHTTP_PROTOCOL_FLAG_HTTP2;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL, &h2only, sizeof h2only), "ENABLE_HTTP_PROTOCOL on a request");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "GET with the request's own option: %u", GetLastError());
    CHECK_EQ(dword_option(req, WINHTTP_OPTION_HTTP_PROTOCOL_USED), WINHTTP_PROTOCOL_FLAG_HTTP2, "the request's own option: HTTP/2");
    CHECK(read_all(req, body, sizeof body) == 5 && strcmp(body, "hello") == 0, "body '%s'", body);
    WinHttpCloseHandle(req);
    /* Over HTTP/1.1 our server sends the trailers in the chunked body (TE: trailers); WinHTTP reads the
     * body and exposes no trailers (WINHTTP_QUERY_FLAG_TRAILERS is HTTP/2 only: .NET's WinHttpHandler
     * reads them only for HTTP/2 responses for that reason). */
    char got[320];
    get_with_trailers(con, L"/trailers", 0, got, sizeof got);
    CHECK(strcmp(got, "200 abcdef []") == 0, "/trailers over HTTP/1.1 chunked: '%s'", got);
    req = open_req(con, L"GET", L"/trailers");
    CHECK(WinHttpSendRequest(req, L"TE: trailers\r\n", (DWORD)-1L, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "GET /trailers 1.1");
    CHECK(read_all(req, body, sizeof body) == 6, "chunked body of /trailers");
    rl = sizeof raw;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF | WINHTTP_QUERY_FLAG_TRAILERS, NULL, raw, &rl, NULL) &&
              GetLastError() == ERROR_WINHTTP_HEADER_NOT_FOUND,
          "no trailers over HTTP/1.1: %u", GetLastError());
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

/* A server that does not offer h2 (DISABLE_HTTP2 binding): HTTP/1.1, the request goes on. */
static void test_refused(void) {
    printf("server refusing h2\n");
    int port;
    HANDLE q = https_queue(&port, HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2);
    hs_app app;
    hs_app_start(&app, q);
    char body[256];
    HINTERNET ses = session(0, 1);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK_EQ(get(con, L"/hello", 0, body, sizeof body), 200, "GET falls back to HTTP/1.1");
    CHECK_EQ(get(con, L"/hello", 0, body, sizeof body), 200, "and again");
    CHECK(strcmp(body, "hello") == 0, "body '%s'", body);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    hs_app_stop(&app);
}

/* ---- asynchronous: many requests at once ---- */
#define NREQ 32
typedef struct {
    HINTERNET req;
    char body[256];
    DWORD got;
    DWORD status;
    char order[64];
    int n;
    volatile int done;
    DWORD error;
} areq;
static areq reqs[NREQ];
static volatile long resolving, connecting;

static void mark(areq *a, char c) {
    if (a->n < (int)sizeof a->order - 1) a->order[a->n++] = c;
}

static void CALLBACK on_status(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    areq *a = (areq *)ctx;
    (void)h;
    (void)len;
    if (!a) return;
    switch (status) {
    case WINHTTP_CALLBACK_STATUS_RESOLVING_NAME: __sync_fetch_and_add(&resolving, 1); break;
    case WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER: __sync_fetch_and_add(&connecting, 1); break;
    case WINHTTP_CALLBACK_STATUS_SENDING_REQUEST: mark(a, 's'); break;
    case WINHTTP_CALLBACK_STATUS_REQUEST_SENT: mark(a, 't'); break;
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
        mark(a, 'C');
        if (!WinHttpReceiveResponse(a->req, NULL)) a->done = 2;
        break;
    case WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE: mark(a, 'r'); break;
    case WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED: mark(a, 'R'); break;
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: {
        mark(a, 'H');
        DWORD l = sizeof a->status;
        WinHttpQueryHeaders(a->req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, NULL, &a->status, &l, NULL);
        if (!WinHttpQueryDataAvailable(a->req, NULL)) a->done = 2;
        break;
    }
    case WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE: {
        DWORD n = *(DWORD *)info;
        if (n == 0) {
            mark(a, 'E');
            a->done = 1;
        } else if (!WinHttpReadData(a->req, a->body + a->got, sizeof a->body - 1 - a->got, NULL)) {
            a->done = 2;
        }
        break;
    }
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE:
        a->got += len;
        if (len == 0) {
            a->done = 1;
        } else if (!WinHttpQueryDataAvailable(a->req, NULL)) {
            a->done = 2;
        }
        break;
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR:
        a->error = ((WINHTTP_ASYNC_RESULT *)info)->dwError;
        a->done = 2;
        break;
    default: break;
    }
}

/* NREQ asynchronous GETs of `path` started at once; returns how many finished with 200. With `resent`,
 * a request may go again after RECEIVING_RESPONSE (a stream the server refused: SENDING_REQUEST and
 * REQUEST_SENT again, then RECEIVING_RESPONSE), as on a stale HTTP/1.1 connection. */
static int async_batch(int port, const wchar_t *path, int resent) {
    HINTERNET ses = session(WINHTTP_FLAG_ASYNC, 1);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    resolving = connecting = 0;
    memset(reqs, 0, sizeof reqs);
    for (int i = 0; i < NREQ; i++) {
        areq *a = &reqs[i];
        a->req = open_req(con, L"GET", path);
        WinHttpSetStatusCallback(a->req, on_status, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
        DWORD_PTR ctx = (DWORD_PTR)a;
        WinHttpSetOption(a->req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx);
    }
    for (int i = 0; i < NREQ; i++)
        if (!WinHttpSendRequest(reqs[i].req, NULL, 0, NULL, 0, 0, (DWORD_PTR)&reqs[i])) reqs[i].done = 2;
    uint64_t end = ts_now_ms() + 15000;
    int finished;
    do {
        finished = 0;
        for (int i = 0; i < NREQ; i++) finished += reqs[i].done != 0;
        if (finished < NREQ) usleep(2000);
    } while (finished < NREQ && ts_now_ms() < end);
    CHECK_EQ(finished, NREQ, "every asynchronous request finished within 15 s");
    int good = 0;
    for (int i = 0; i < NREQ; i++) {
        areq *a = &reqs[i];
        a->body[a->got] = 0;
        a->order[a->n] = 0;
        /* Windows' order: sending, sent, send complete, receiving, received, headers, ..., end. */
        int ordered = strncmp(a->order, "stCrRH", 6) == 0 && a->order[a->n - 1] == 'E';
        if (resent) {
            /* stCr, then any number of "str" resends, then RH...E */
            const char *p = a->order + 4;
            while (strncmp(p, "str", 3) == 0) p += 3;
            ordered = strncmp(a->order, "stCr", 4) == 0 && strncmp(p, "RH", 2) == 0 && a->order[a->n - 1] == 'E';
        }
        if (a->done == 1 && a->status == 200 && ordered) good++;
        else fprintf(stderr, "  request %d: done %d status %u error %u order %s\n", i, a->done, a->status, a->error, a->order);
        CHECK_EQ(dword_option(a->req, WINHTTP_OPTION_HTTP_PROTOCOL_USED), WINHTTP_PROTOCOL_FLAG_HTTP2, "async over HTTP/2");
        WinHttpSetStatusCallback(a->req, NULL, 0, 0);
        WinHttpCloseHandle(a->req);
    }
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    return good;
}

/* An asynchronous POST over HTTP/2: WinHttpWriteData from the callbacks (two writes up to dwTotalLength,
 * no lpOptional), then the echo read back. */
enum { UP = 200000 };
static char up_data[UP], up_back[UP + 1];
static struct {
    HINTERNET req;
    int writes;
    DWORD got;
    volatile int done;
} up;

static void CALLBACK on_upload(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)ctx;
    switch (status) {
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
    case WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE:
        if (up.writes < 2) {
            int w = up.writes++;
            if (!WinHttpWriteData(h, up_data + w * (UP / 2), UP / 2, NULL)) up.done = 2;
        } else if (!WinHttpReceiveResponse(h, NULL)) {
            up.done = 2;
        }
        break;
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE:
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE:
        if (status == WINHTTP_CALLBACK_STATUS_READ_COMPLETE) {
            up.got += len;
            if (len == 0) {
                up.done = 1;
                break;
            }
        }
        if (up.got >= UP) {
            up.done = 1;
        } else if (!WinHttpReadData(h, up_back + up.got, UP - up.got, NULL)) {
            up.done = 2;
        }
        break;
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR: up.done = 2; break;
    default: break;
    }
    (void)info;
}

static void test_async_upload(int port) {
    printf("async upload\n");
    for (int i = 0; i < UP; i++) up_data[i] = (char)('A' + (i * 13) % 26);
    HINTERNET ses = session(WINHTTP_FLAG_ASYNC, 1);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    up.req = open_req(con, L"POST", L"/echo");
    WinHttpSetStatusCallback(up.req, on_upload, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    CHECK(WinHttpSendRequest(up.req, NULL, 0, NULL, 0, UP, 0), "async POST");
    uint64_t end = ts_now_ms() + 15000;
    while (!up.done && ts_now_ms() < end) usleep(2000);
    CHECK_EQ(up.done, 1, "async upload and echo finished");
    CHECK(up.got == UP && memcmp(up_back, up_data, UP) == 0, "echo byte-exact (%u bytes)", up.got);
    CHECK_EQ(dword_option(up.req, WINHTTP_OPTION_HTTP_PROTOCOL_USED), WINHTTP_PROTOCOL_FLAG_HTTP2, "upload over HTTP/2");
    WinHttpSetStatusCallback(up.req, NULL, 0, 0);
    WinHttpCloseHandle(up.req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

static void test_async_ours(int port) {
    printf("async, our server\n");
    CHECK_EQ(async_batch(port, L"/hello", 0), NREQ, "all requests 200 in Windows' order");
    for (int i = 0; i < NREQ; i++) CHECK(strcmp(reqs[i].body, "hello") == 0, "body %d '%s'", i, reqs[i].body);
    /* The connection of the synchronous test is shared: no name resolution at all. */
    CHECK_EQ(resolving, 0, "a shared connection reports no RESOLVING_NAME");
    CHECK_EQ(connecting, 0, "nor CONNECTING_TO_SERVER");
}

/* ---- python's h2 as the server (c_tests/support/h2_server.py): what nginx and http.sys do not send ---- */
static pid_t start_h2_server(int port) {
    char script[400], cmd[1200], log[400];
    ts_source_path("c_tests/support/h2_server.py", script, sizeof script);
    snprintf(cmd, sizeof cmd, "py=python3; python3 -c 'import h2' 2>/dev/null || py=/usr/bin/python3; exec timeout 120 $py '%s' '%s' %d", script, dir,
             port);
    snprintf(log, sizeof log, "%s/h2_server.log", dir);
    const char *argv[] = {"sh", "-c", cmd, NULL};
    pid_t pid = ts_spawn(argv, log);
    CHECK(ts_wait_port(port, 15000) == 0, "python h2 server up (python3-h2, scripts/install-deps.sh), see %s", log);
    return pid;
}

static DWORD interim_codes[8], interim_len;
static volatile int ninterim;

static void CALLBACK on_interim(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)h;
    (void)ctx;
    if (status == WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE && ninterim < 8) {
        interim_codes[ninterim++] = *(DWORD *)info;
        interim_len = len;
    }
}

/* Interim responses over HTTP/2 (HEADERS with :status 102 and 103 before the final one): one
 * WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE each, with the status code, as over HTTP/1.1; more than
 * WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE of them fail the receive. */
static void test_interim(int port) {
    printf("interim responses over HTTP/2\n");
    char body[256];
    HINTERNET ses = session(0, 1);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = open_req(con, L"GET", L"/interim");
    ninterim = 0;
    WinHttpSetStatusCallback(req, on_interim, WINHTTP_CALLBACK_FLAG_INTERMEDIATE_RESPONSE, 0);
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "GET /interim: %u", GetLastError());
    CHECK_EQ(dword_option(req, WINHTTP_OPTION_HTTP_PROTOCOL_USED), WINHTTP_PROTOCOL_FLAG_HTTP2, "/interim over HTTP/2");
    DWORD status = 0, len = sizeof status;
    WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, NULL, &status, &len, NULL);
    CHECK_EQ(status, 200, "the final status");
    CHECK(read_all(req, body, sizeof body) == 5 && strcmp(body, "final") == 0, "the final body '%s'", body);
    CHECK(ninterim == 2 && interim_codes[0] == 102 && interim_codes[1] == 103 && interim_len == sizeof(DWORD),
          "INTERMEDIATE_RESPONSE 102, 103: %d callbacks (%u, %u)", ninterim, interim_codes[0], interim_codes[1]);
    WinHttpSetStatusCallback(req, NULL, 0, 0);
    WinHttpCloseHandle(req);

    req = open_req(con, L"GET", L"/interim");
    DWORD one = 1;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE, &one, sizeof one), "MAX_HTTP_STATUS_CONTINUE 1");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0), "GET /interim again");
    CHECK(!WinHttpReceiveResponse(req, NULL) && GetLastError() == ERROR_WINHTTP_INVALID_SERVER_RESPONSE,
          "two interim responses past a limit of one: %u", GetLastError());
    WinHttpCloseHandle(req);
    /* The connection goes on serving other streams. */
    CHECK_EQ(get(con, L"/hello", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body), 200, "GET /hello after the failed stream");
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

/* ---- a python h2 server's view of the client's connections (c_tests/support/h2_server.py) ---- */
typedef struct {
    int id, window, pings;
} conn_info;

/* GET /conn on `con` (a fresh python h2 server's: "conn=ID window=W pings=N"). */
static conn_info conn_of(HINTERNET con) {
    char body[128];
    conn_info c = {-1, -1, -1};
    if (get(con, L"/conn", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body) == 200) sscanf(body, "conn=%d window=%d pings=%d", &c.id, &c.window, &c.pings);
    return c;
}

/* Whether the python server still has connection `id` open (asked through `con`). */
static int alive(HINTERNET con, int id) {
    char body[64];
    wchar_t path[32];
    swprintf(path, 32, L"/alive/%d", id);
    return get(con, path, WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body) == 200 && strcmp(body, "alive=1") == 0;
}

/* GET /big/N on `con`, every byte read; then the stream WINDOW_UPDATE increments the server saw for it
 * ("updates=a,b,..."), into incs (at most 64); returns their count, or -1. */
static int big_updates(HINTERNET con, int n, unsigned *incs) {
    static char buf[1 << 20];
    wchar_t path[32];
    swprintf(path, 32, L"/big/%d", n);
    if (get(con, path, WINHTTP_PROTOCOL_FLAG_HTTP2, buf, sizeof buf) != 200 || (int)strlen(buf) != n || strncmp(buf, "0123456789", 10) != 0) return -1;
    if (get(con, L"/updates", WINHTTP_PROTOCOL_FLAG_HTTP2, buf, sizeof buf) != 200 || strncmp(buf, "updates=", 8) != 0) return -1;
    int count = 0;
    for (char *p = buf + 8; *p && count < 64; p++) {
        incs[count++] = (unsigned)strtoul(p, &p, 10);
        if (*p != ',') break;
    }
    return count;
}

/* ---- the HTTP/2 connection counted and closed like Windows' pooled connections ---- */
#define OPTION_CONNECTION_IDLE_TIMEOUT 135 /* WINHTTP_OPTION_CONNECTION_IDLE_TIMEOUT: not in the SDK's winhttp.h */

/* Connections WinHttpQueryConnectionGroup reports for the handle's host (HTTPS), summed over groups. */
static DWORD group_count(HINTERNET h) {
    WINHTTP_QUERY_CONNECTION_GROUP_RESULT *res = NULL;
    DWORD n = 0;
    if (WinHttpQueryConnectionGroup(h, NULL, 0, &res) != ERROR_SUCCESS || !res) return 0xffffffff;
    for (ULONG i = 0; i < res->cHosts; i++)
        for (ULONG g = 0; g < res->pHostConnectionGroups[i].cConnectionGroups; g++) n += res->pHostConnectionGroups[i].pConnectionGroups[g].cConnections;
    WinHttpFreeQueryConnectionGroupResult(res);
    return n;
}

/* `port2`: a fresh python h2 server (its /stats counts connections); `h1port`: our server on a binding
 * without HTTP/2. Both sessions idle-time out after 5 s (the option's minimum); one wait serves both.
 * The same wait serves WINHTTP_OPTION_HTTP2_KEEPALIVE against `ping_port` (a third python server, no
 * connection to it yet, whose /pings counts the PING frames of the connection it comes on): a session with the option's floor, 5000 ms,
 * keeps its connection busy through that wait (a request every 250 ms) and has sent no PING; idle 5.5 s more,
 * it has ("after there is no activity on a connection for that timeout period, WinHttp will begin to send
 * HTTP/2 PING frames", option-flags page). */
static void test_idle(int port2, int h1port, int ping_port) {
    printf("connection count and idle timeout\n");
    char body[256];
    HINTERNET ses = session(0, 1);
    DWORD v = 4999, one = 1;
    CHECK(!WinHttpSetOption(ses, OPTION_CONNECTION_IDLE_TIMEOUT, &v, sizeof v) && GetLastError() == ERROR_INVALID_PARAMETER,
          "an idle timeout under 5 s: %u", GetLastError());
    v = 5000;
    CHECK(WinHttpSetOption(ses, OPTION_CONNECTION_IDLE_TIMEOUT, &v, sizeof v), "CONNECTION_IDLE_TIMEOUT 5000: %u", GetLastError());
    CHECK_EQ(dword_option(ses, OPTION_CONNECTION_IDLE_TIMEOUT), 5000, "idle timeout read back");
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_MAX_CONNS_PER_SERVER, &one, sizeof one), "MAX_CONNS_PER_SERVER 1");
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port2, 0);
    CHECK_EQ(group_count(con), 0, "no connection before the first request");

    /* Four requests in flight at once from one thread, synchronously, under MAX_CONNS_PER_SERVER 1: the
     * streams share the one HTTP/2 connection (over HTTP/1.1 the second send would wait for the first). */
    HINTERNET reqs4[4];
    for (int i = 0; i < 4; i++) {
        reqs4[i] = open_req(con, L"GET", L"/stats");
        CHECK(WinHttpSendRequest(reqs4[i], NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(reqs4[i], NULL), "request %d: %u", i, GetLastError());
    }
    CHECK_EQ(group_count(con), 1, "WinHttpQueryConnectionGroup: one HTTP/2 connection for four streams");
    for (int i = 0; i < 4; i++) {
        CHECK(read_all(reqs4[i], body, sizeof body) > 0 && strcmp(body, "open=1 accepted=1") == 0, "stats %d '%s'", i, body);
        WinHttpCloseHandle(reqs4[i]);
    }
    CHECK_EQ(group_count(con), 1, "the idle HTTP/2 connection still counts");
    HINTERNET other = session(0, 1);
    HINTERNET ocon = WinHttpConnect(other, L"127.0.0.1", (INTERNET_PORT)port2, 0);
    CHECK_EQ(group_count(ocon), 0, "another session that has not used it does not count it");

    /* HTTP/1.1 (a binding without HTTP/2): the idle pooled connection counts until its idle time. */
    HINTERNET h1ses = session(0, 1);
    CHECK(WinHttpSetOption(h1ses, OPTION_CONNECTION_IDLE_TIMEOUT, &v, sizeof v), "idle timeout on the HTTP/1.1 session");
    HINTERNET h1con = WinHttpConnect(h1ses, L"127.0.0.1", (INTERNET_PORT)h1port, 0);
    CHECK_EQ(get(h1con, L"/hello", 0, body, sizeof body), 200, "GET over HTTP/1.1");
    CHECK_EQ(group_count(h1con), 1, "the idle HTTP/1.1 connection counts");

    HINTERNET kses = session(0, 1);
    DWORD ka = 5000;
    CHECK(WinHttpSetOption(kses, WINHTTP_OPTION_HTTP2_KEEPALIVE, &ka, sizeof ka), "HTTP2_KEEPALIVE 5000: %u", GetLastError());
    HINTERNET kcon = WinHttpConnect(kses, L"127.0.0.1", (INTERNET_PORT)ping_port, 0);
    CHECK_EQ(get(kcon, L"/pings", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body), 200, "GET /pings, keep-alive session");
    CHECK(strcmp(body, "pings=0") == 0, "no PING yet: '%s'", body);
    /* A session without the option, to the same server: its own connection (each session's HTTP2_KEEPALIVE
     * applies to the connections it uses), idle through the whole wait and never pinged. */
    HINTERNET nses = session(0, 1);
    HINTERNET ncon = WinHttpConnect(nses, L"127.0.0.1", (INTERNET_PORT)ping_port, 0);
    conn_info kc = conn_of(kcon), nc = conn_of(ncon);
    CHECK(kc.id > 0 && nc.id > 0 && kc.id != nc.id, "keep-alive and plain sessions on their own connections: %d %d", kc.id, nc.id);

    /* The wait: the keep-alive session's connection busy all through it. */
    uint64_t busy_end = ts_now_ms() + 5500;
    int quiet_pings = 1;
    while (ts_now_ms() < busy_end) {
        usleep(250 * 1000);
        quiet_pings &= get(kcon, L"/pings", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body) == 200 && strcmp(body, "pings=0") == 0;
    }
    CHECK(quiet_pings, "HTTP2_KEEPALIVE 5000: no PING on a connection busy for 5.5 s: '%s'", body);
    /* The idle time has run out; the close itself may lag a little on a loaded machine (bounded: 5 s). */
    uint64_t end = ts_now_ms() + 5000;
    while (group_count(con) != 0 && ts_now_ms() < end) usleep(50 * 1000);
    CHECK_EQ(group_count(con), 0, "the HTTP/2 connection is gone after 5 s without a stream");
    CHECK_EQ(group_count(h1con), 0, "the HTTP/1.1 connection is not reused after 5 s idle");
    /* The server sees the old connection end (GOAWAY, then the socket closed) and a new one. */
    for (int i = 0; i < 20; i++) {
        CHECK_EQ(get(con, L"/stats", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body), 200, "GET after the idle time");
        if (strcmp(body, "open=1 accepted=2") == 0) break;
        usleep(100 * 1000);
    }
    CHECK(strcmp(body, "open=1 accepted=2") == 0, "a new connection, the old one closed by the client: '%s'", body);
    CHECK_EQ(get(h1con, L"/hello", 0, body, sizeof body), 200, "GET over HTTP/1.1 after the idle time");
    usleep(5500 * 1000); /* the keep-alive session's connection idle now */
    int pinged = 0;
    for (int i = 0; i < 30 && !pinged; i++) {
        CHECK_EQ(get(kcon, L"/pings", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body), 200, "GET /pings after the wait");
        pinged = strncmp(body, "pings=", 6) == 0 && atoi(body + 6) >= 1;
        if (!pinged) usleep(100 * 1000);
    }
    CHECK(pinged, "HTTP2_KEEPALIVE 5000: the idle connection was pinged: '%s'", body);
    nc = conn_of(ncon);
    CHECK(nc.id > 0 && nc.pings == 0, "the session without HTTP2_KEEPALIVE: its connection %d idle 11 s, pings %d", nc.id, nc.pings);
    WinHttpCloseHandle(ncon);
    WinHttpCloseHandle(nses);
    WinHttpCloseHandle(kcon);
    WinHttpCloseHandle(kses);
    WinHttpCloseHandle(h1con);
    WinHttpCloseHandle(h1ses);
    WinHttpCloseHandle(ocon);
    WinHttpCloseHandle(other);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

/* ---- whose connection: sessions, their settings, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING ---- */
/* Windows pools connections across sessions by default ("global, cross-session pooling is legacy behavior
 * that's supported by default", option-flags page, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING), yet each
 * session's HTTP2_RECEIVE_WINDOW applies to the connections it uses: sessions with the same settings share
 * one HTTP/2 connection, a session with other settings gets its own. A session with
 * WINHTTP_OPTION_DISABLE_GLOBAL_POOLING has its own connection, its concurrent requests multiplexed on it,
 * and closing its handle closes it (the server sees it end) while the others go on.
 * WINHTTP_HTTP2_RECEIVE_WINDOW.ulStreamWindowUpdateDelta ("the threshold for sending window updates"): every
 * stream WINDOW_UPDATE the server sees is a multiple of it (the server sends 1000-byte DATA frames). */
static void test_sessions(int port) {
    printf("connections per session settings and DISABLE_GLOBAL_POOLING\n");
    DWORD small = 65535, one = 1;
    WINHTTP_HTTP2_RECEIVE_WINDOW big = {131072, 0};
    HINTERNET sa = session(0, 1), sb = session(0, 1), sc = session(0, 1);
    CHECK(WinHttpSetOption(sa, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, &small, sizeof small), "window 65535 (a DWORD)");
    CHECK(WinHttpSetOption(sb, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, &big, sizeof big), "window 131072 (WINHTTP_HTTP2_RECEIVE_WINDOW): %u", GetLastError());
    CHECK_EQ(dword_option(sb, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW), 131072, "the structure's window read back");
    HINTERNET ca = WinHttpConnect(sa, L"127.0.0.1", (INTERNET_PORT)port, 0), cb = WinHttpConnect(sb, L"127.0.0.1", (INTERNET_PORT)port, 0),
              cc = WinHttpConnect(sc, L"127.0.0.1", (INTERNET_PORT)port, 0);
    conn_info a = conn_of(ca), b = conn_of(cb), c = conn_of(cc);
    CHECK(a.id > 0 && b.id > 0 && c.id > 0, "/conn answered: %d %d %d", a.id, b.id, c.id);
    CHECK(a.id != b.id && a.id != c.id && b.id != c.id, "three settings, three connections: %d %d %d", a.id, b.id, c.id);
    CHECK_EQ(a.window, 65535, "session A's connection announces its window");
    CHECK_EQ(b.window, 131072, "session B's connection announces its window");
    CHECK_EQ(c.window, 1 << 20, "session C's connection announces the default (1 MiB)");
    /* Same settings: the connection is shared (Windows' global pooling), and outlives C's handle. */
    HINTERNET sd = session(0, 1);
    HINTERNET cd = WinHttpConnect(sd, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK_EQ(conn_of(cd).id, c.id, "a session with C's settings shares C's connection");
    WinHttpCloseHandle(cc);
    WinHttpCloseHandle(sc);
    CHECK_EQ(conn_of(cd).id, c.id, "closing C's handle leaves the process's pooled connection to D");

    /* DISABLE_GLOBAL_POOLING: a session handle's option (a DWORD), read back; a request's is the wrong kind. */
    HINTERNET se = session(0, 1), sf = session(0, 1);
    CHECK(WinHttpSetOption(se, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, &one, sizeof one), "DISABLE_GLOBAL_POOLING on E: %u", GetLastError());
    CHECK(WinHttpSetOption(sf, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, &one, sizeof one), "DISABLE_GLOBAL_POOLING on F");
    CHECK_EQ(dword_option(se, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING), 1, "DISABLE_GLOBAL_POOLING read back");
    HINTERNET ce = WinHttpConnect(se, L"127.0.0.1", (INTERNET_PORT)port, 0), cf = WinHttpConnect(sf, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET r = open_req(ce, L"GET", L"/conn");
    CHECK(!WinHttpSetOption(r, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, &one, sizeof one) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE,
          "DISABLE_GLOBAL_POOLING on a request: %u", GetLastError());
    WinHttpCloseHandle(r);
    /* E's four requests in flight at once (sent and answered, bodies unread): one connection, E's own. */
    HINTERNET four[4];
    for (int i = 0; i < 4; i++) {
        four[i] = open_req(ce, L"GET", L"/conn");
        CHECK(WinHttpSendRequest(four[i], NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(four[i], NULL), "E's request %d: %u", i, GetLastError());
    }
    int e_id = -1, same = 0;
    for (int i = 0; i < 4; i++) {
        char body[128];
        int id = -1;
        CHECK(read_all(four[i], body, sizeof body) > 0 && sscanf(body, "conn=%d", &id) == 1, "E's body %d '%s'", i, body);
        if (i == 0) e_id = id;
        same += id == e_id;
        WinHttpCloseHandle(four[i]);
    }
    CHECK_EQ(same, 4, "E's four concurrent requests on one connection");
    conn_info f = conn_of(cf);
    CHECK(e_id > 0 && f.id > 0 && e_id != f.id && e_id != c.id && f.id != c.id,
          "E and F (same settings as C and D) each on their own connection: E %d F %d C/D %d", e_id, f.id, c.id);
    CHECK(alive(cf, e_id), "E's connection open before its session closes");
    /* Closing E's session handle (its connect handle still open) closes its connection; F's goes on. */
    WinHttpCloseHandle(se);
    uint64_t end = ts_now_ms() + 5000;
    int e_alive = 1;
    while ((e_alive = alive(cf, e_id)) && ts_now_ms() < end) usleep(50 * 1000);
    CHECK(!e_alive, "the server saw E's connection close when E's session handle closed");
    CHECK_EQ(conn_of(cf).id, f.id, "F's connection goes on");
    CHECK_EQ(conn_of(cd).id, c.id, "D's (the process's) goes on");
    /* A request opened on E's connect handle after E's session handle closed still goes (handles outlive
     * their parents here), on a connection for it alone that ends when it is done. */
    HINTERNET late = open_req(ce, L"GET", L"/conn");
    char lbody[128];
    int late_id = -1;
    CHECK(WinHttpSendRequest(late, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(late, NULL), "a request of closed E: %u", GetLastError());
    CHECK(read_all(late, lbody, sizeof lbody) > 0 && sscanf(lbody, "conn=%d", &late_id) == 1, "its body '%s'", lbody);
    CHECK(late_id > 0 && late_id != e_id && late_id != f.id && late_id != c.id, "on a new connection (%d)", late_id);
    WinHttpCloseHandle(late);
    end = ts_now_ms() + 5000;
    while ((e_alive = alive(cf, late_id)) && ts_now_ms() < end) usleep(50 * 1000);
    CHECK(!e_alive, "that connection ended with the request");
    WinHttpCloseHandle(ce);

    /* ulStreamWindowUpdateDelta 40001 on a 65535 window (at least a third of it: each update is one step,
     * or a few if the reads outrun the connection's writer); without it, h2's own rule (updates of whole
     * DATA frames, 1000 bytes each here). */
    WINHTTP_HTTP2_RECEIVE_WINDOW delta = {65535, 40001};
    HINTERNET sg = session(0, 1);
    CHECK(WinHttpSetOption(sg, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, &delta, sizeof delta), "window 65535, delta 40001");
    HINTERNET cg = WinHttpConnect(sg, L"127.0.0.1", (INTERNET_PORT)port, 0);
    unsigned incs[64];
    int n = big_updates(cg, 400000, incs), steps = 0;
    CHECK(n >= 3, "400000 bytes through a 65535 window: stream WINDOW_UPDATEs (%d)", n);
    for (int i = 0; i < n; i++) steps += incs[i] != 0 && incs[i] % 40001 == 0;
    CHECK(n > 0 && steps == n, "every increment a multiple of 40001 (%d of %d; first %u)", steps, n, n > 0 ? incs[0] : 0);
    n = big_updates(ca, 400000, incs);
    steps = 0;
    for (int i = 0; i < n; i++) steps += incs[i] % 40001 == 0;
    CHECK(n >= 3 && steps == 0, "without a delta (session A, same window): h2's own increments (%d, first %u)", n, n > 0 ? incs[0] : 0);
    WinHttpCloseHandle(cg);
    WinHttpCloseHandle(sg);
    WinHttpCloseHandle(cf);
    WinHttpCloseHandle(sf);
    WinHttpCloseHandle(cd);
    WinHttpCloseHandle(sd);
    WinHttpCloseHandle(cb);
    WinHttpCloseHandle(sb);
    WinHttpCloseHandle(ca);
    WinHttpCloseHandle(sa);
}

/* ---- nginx with http2 ---- */
static pid_t start_nginx(int port, int port2) {
    char conf[4096], path[512];
    snprintf(conf, sizeof conf,
             "daemon off;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log warn;\n"
             "events { worker_connections 256; }\n"
             "http {\n  access_log off;\n  client_body_temp_path %s/tmp;\n  proxy_temp_path %s/tmp;\n  fastcgi_temp_path %s/tmp;\n"
             "  server {\n    listen 127.0.0.1:%d ssl http2;\n    ssl_certificate %s/cert.pem;\n    ssl_certificate_key %s/key.pem;\n    root %s/www;\n"
             "    location = /conn { return 200 \"$connection\"; }\n"
             "    location = /trailer { add_trailer grpc-status 0 always; add_trailer X-Sum abc always; return 200 \"body\"; }\n"
             "  }\n"
             "  server {\n    listen 127.0.0.1:%d ssl http2;\n    ssl_certificate %s/cert.pem;\n    ssl_certificate_key %s/key.pem;\n"
             "    keepalive_requests 5;\n    location = /conn { return 200 \"$connection\"; }\n  }\n}\n",
             dir, dir, dir, dir, dir, port, dir, dir, dir, port2, dir, dir);
    snprintf(path, sizeof path, "%s/nginx.conf", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(conf, f);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/tmp", dir);
    mkdir(path, 0777);
    chmod(path, 0777);
    snprintf(path, sizeof path, "%s/www", dir);
    mkdir(path, 0755);
    chmod(dir, 0755);
    char key[512];
    snprintf(key, sizeof key, "%s/key.pem", dir);
    chmod(key, 0644);
    const char *nginx = access("/usr/sbin/nginx", X_OK) == 0 ? "/usr/sbin/nginx" : "nginx";
    char cf[512], log[512];
    snprintf(cf, sizeof cf, "%s/nginx.conf", dir);
    snprintf(log, sizeof log, "%s/nginx.out", dir);
    const char *argv[] = {nginx, "-c", cf, "-p", dir, NULL};
    pid_t pid = ts_spawn(argv, log);
    CHECK(ts_wait_port(port, 10000) == 0, "nginx up (installed by scripts/install-deps.sh?)");
    return pid;
}

/* nginx ends a connection with GOAWAY after 5 requests (keepalive_requests 5): requests sent after it,
 * and streams it refused, go on a new connection; none fails. */
static void test_goaway(int port) {
    printf("GOAWAY every 5 requests\n");
    char body[256];
    HINTERNET ses = session(0, 1);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    int ok = 0;
    for (int i = 0; i < 12; i++) ok += get(con, L"/conn", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body) == 200;
    CHECK_EQ(ok, 12, "12 sequential GETs across GOAWAYs");
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    CHECK_EQ(async_batch(port, L"/conn", 1), NREQ, "32 at once across GOAWAYs");
}

static void test_nginx(void) {
    printf("nginx http2\n");
    int port = ts_free_port(), port2 = ts_free_port();
    while (port2 == port) port2 = ts_free_port();
    pid_t pid = start_nginx(port, port2);
    CHECK(ts_wait_port(port2, 10000) == 0, "nginx's second server up");
    char body[256];
    HINTERNET ses = session(0, 1);
    /* The smallest window HTTP/2 allows and pings every 5 s (the option's floor): a 2 MiB body still
     * arrives whole. */
    DWORD window = 65535, ka = 5000, small = 100;
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, &small, sizeof small) && GetLastError() == ERROR_INVALID_PARAMETER,
          "a window under 65535: %u", GetLastError());
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW, &window, sizeof window), "HTTP2_RECEIVE_WINDOW");
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_HTTP2_KEEPALIVE, &ka, sizeof ka), "HTTP2_KEEPALIVE");
    CHECK_EQ(dword_option(ses, WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW), 65535, "window read back");
    CHECK_EQ(dword_option(ses, WINHTTP_OPTION_HTTP2_KEEPALIVE), 5000, "keep-alive read back");
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    {
        enum { BIG = 2 << 20 };
        char *big = malloc(BIG), *back = malloc(BIG + 1);
        for (int i = 0; i < BIG; i++) big[i] = (char)(i * 31 + (i >> 12));
        char path[512];
        snprintf(path, sizeof path, "%s/www/big.bin", dir);
        FILE *f = fopen(path, "wb");
        CHECK(f && fwrite(big, 1, BIG, f) == BIG, "write big.bin");
        if (f) fclose(f);
        chmod(path, 0644);
        CHECK_EQ(get(con, L"/big.bin", WINHTTP_PROTOCOL_FLAG_HTTP2, back, BIG + 1), 200, "GET 2 MiB over HTTP/2");
        CHECK(memcmp(back, big, BIG) == 0, "2 MiB byte-exact through a 64 KiB window");
        free(big);
        free(back);
    }
    CHECK_EQ(get(con, L"/conn", WINHTTP_PROTOCOL_FLAG_HTTP2, body, sizeof body), 200, "GET /conn over HTTP/2");
    char first[256];
    snprintf(first, sizeof first, "%s", body);

    /* Trailers. */
    HINTERNET req = open_req(con, L"GET", L"/trailer");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "GET /trailer");
    CHECK(read_all(req, body, sizeof body) == 4 && strcmp(body, "body") == 0, "body before the trailers");
    wchar_t v[64];
    DWORD vl = sizeof v;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_TRAILERS, L"grpc-status", v, &vl, NULL) && wcscmp(v, L"0") == 0,
          "grpc-status trailer: %u", GetLastError());
    vl = sizeof v;
    CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM, L"grpc-status", v, &vl, NULL) && GetLastError() == ERROR_WINHTTP_HEADER_NOT_FOUND,
          "a trailer is not a header");
    char tr[256];
    CHECK(trailers_text(req, tr, sizeof tr) == 2 && strcmp(tr, "grpc-status=0,x-sum=abc") == 0, "QueryHeadersEx trailers '%s'", tr);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);

    /* 32 at once from another session, with the default window and no pings: every one on one nginx
     * connection, not the first session's (whose settings differ: each session's apply to its connections). */
    CHECK_EQ(async_batch(port, L"/conn", 0), NREQ, "all requests 200 in Windows' order");
    int same = 0;
    for (int i = 0; i < NREQ; i++) same += strcmp(reqs[i].body, reqs[0].body) == 0;
    CHECK(same == NREQ, "every request on nginx connection %s (%d of %d)", reqs[0].body, same, NREQ);
    CHECK(strcmp(reqs[0].body, first) != 0, "not the connection of the session with other settings (%s)", first);
    test_goaway(port2);
    ts_kill(pid);
}

int main(void) {
    char out[256];
    if (hs_tls_test_dir("winhttp_http2", dir, sizeof dir, thumb) != 0) return 1;
    hs_init();
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    CHECK_EQ(HttpInitialize(v, HTTP_INITIALIZE_CONFIG, NULL), NO_ERROR, "HttpInitialize CONFIG");
    int port;
    HANDLE queue = https_queue(&port, 0);
    hs_app app;
    hs_app_start(&app, queue);
    test_sync_ours(port);
    test_async_ours(port);
    test_async_upload(port);
    hs_app_stop(&app);
    test_refused();
    test_nginx();
    int pyport = ts_free_port();
    pid_t py = start_h2_server(pyport);
    test_interim(pyport);
    test_sessions(pyport);
    /* A fresh python server (its /stats counts connections) and our server on a binding without HTTP/2. */
    int pyport2 = ts_free_port();
    while (pyport2 == pyport) pyport2 = ts_free_port();
    pid_t py2 = start_h2_server(pyport2);
    /* And one no session has used yet (its /pings counts the PINGs of the connection a request comes on). */
    int pyport3 = ts_free_port();
    while (pyport3 == pyport || pyport3 == pyport2) pyport3 = ts_free_port();
    pid_t py3 = start_h2_server(pyport3);
    int h1port;
    HANDLE h1q = https_queue(&h1port, HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2);
    hs_app h1app;
    hs_app_start(&h1app, h1q);
    test_idle(pyport2, h1port, pyport3);
    hs_app_stop(&h1app);
    ts_kill(py3);
    ts_kill(py2);
    ts_kill(py);

    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (ts_failed == 0) run(cmd, out, sizeof out);
    return ts_finish("winhttp_http2");
}
