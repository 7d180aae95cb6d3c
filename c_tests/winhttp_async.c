#define _GNU_SOURCE
/* WinHTTP asynchronous mode (WINHTTP_FLAG_ASYNC) and status callbacks, against loopback servers.
 * Each scenario row drives one request the way asynchronous programs do (each completion callback
 * starts the next call) and lists the notifications expected in Windows' order (Wine's notification
 * tests record it); the checker proves order, threads (completions never on the calling thread nor on
 * the library's I/O threads), no overlapping callbacks for one handle, one completion per call that
 * returned TRUE, and HANDLE_CLOSING last. Then: SetStatusCallback's contract, synchronous-mode
 * notifications on the calling thread, a blocking callback, a callback closing its own handle, a
 * second read while one is pending, and close during each pending operation (repeated). */
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"
#include "winhttp_async_support.h"

static int port, aport;

/* ------------------------------------------------------------------------------------------------
 * The driver: one request, chained from its callbacks. */

enum { BODY_NONE, BODY_WRITE, BODY_CHUNKED };

struct scenario {
    const char *name;
    int async;
    const wchar_t *verb, *path;
    int server;                /* 0 = winhttp_server.py, 1 = winhttp_async_server.py */
    int body;                  /* BODY_* */
    int requests;              /* sequential requests on the session (keep-alive reuse) */
    int resend_on_401;
    int receive_timeout_ms;
    DWORD want_status;         /* HTTP status of the final response (0 = an error is expected) */
    DWORD want_api, want_error; /* REQUEST_ERROR expected (api, error) */
    const char *want_body;     /* substring of the body, or NULL */
    struct wa_expect exp[64];
};

struct run {
    const struct scenario *sc;
    struct wa_log log;
    HANDLE done, closed, req_closed;
    char buf[8192];
    char body[65536];
    size_t body_len;
    int parts_left, resent;
    DWORD http_status;
    long calls, completions;
    DWORD api, error;
};

static const char *upload_parts[] = {"hello ", "async ", "world"};
static const char *chunk_parts[] = {"6\r\nhello \r\n", "5\r\nworld\r\n", "0\r\n\r\n"};

static void call(struct run *r, BOOL ok) {
    if (ok) __sync_fetch_and_add(&r->calls, 1);
    else {
        r->error = GetLastError();
        SetEvent(r->done);
    }
}

static void next_write_or_receive(struct run *r, HINTERNET h) {
    if (r->parts_left > 0) {
        int i = 3 - r->parts_left--;
        const char *p = r->sc->body == BODY_CHUNKED ? chunk_parts[i] : upload_parts[i];
        call(r, WinHttpWriteData(h, p, (DWORD)strlen(p), NULL));
    } else {
        call(r, WinHttpReceiveResponse(h, NULL));
    }
}

static void CALLBACK drive(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    struct run *r = (struct run *)ctx;
    wa_record(&r->log, h, ctx, status, info, len);
    switch (status) {
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
        __sync_fetch_and_add(&r->completions, 1);
        next_write_or_receive(r, h);
        break;
    case WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE:
        __sync_fetch_and_add(&r->completions, 1);
        next_write_or_receive(r, h);
        break;
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: {
        __sync_fetch_and_add(&r->completions, 1);
        DWORD code = 0, sz = sizeof code;
        WinHttpQueryHeaders(h, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, NULL, &code, &sz, NULL);
        r->http_status = code;
        if (code == 401 && r->sc->resend_on_401 && !r->resent) {
            r->resent = 1;
            call(r, WinHttpSendRequest(h, NULL, 0, NULL, 0, 0, (DWORD_PTR)r));
        } else {
            call(r, WinHttpQueryDataAvailable(h, NULL));
        }
        break;
    }
    case WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE:
        __sync_fetch_and_add(&r->completions, 1);
        if (*(DWORD *)info == 0) SetEvent(r->done);
        else call(r, WinHttpReadData(h, r->buf, sizeof r->buf, NULL));
        break;
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE:
        __sync_fetch_and_add(&r->completions, 1);
        if (info != r->buf) r->error = 0xbadbf;
        if (len == 0) SetEvent(r->done);
        else {
            if (r->body_len + len < sizeof r->body) memcpy(r->body + r->body_len, info, len), r->body_len += len;
            call(r, WinHttpQueryDataAvailable(h, NULL));
        }
        break;
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR: {
        __sync_fetch_and_add(&r->completions, 1);
        WINHTTP_ASYNC_RESULT *res = info;
        r->api = (DWORD)res->dwResult;
        r->error = res->dwError;
        SetEvent(r->done);
        break;
    }
    case WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING:
        /* Leave first: the main thread goes on (and reuses the request slot) once signalled. */
        wa_leave(&r->log, h);
        if (h == r->log.ses) SetEvent(r->closed);
        else if (h != r->log.con) SetEvent(r->req_closed);
        return;
    }
    wa_leave(&r->log, h);
}

static int run_scenario(const struct scenario *sc) {
    static struct run r;
    memset(&r, 0, sizeof r);
    r.sc = sc;
    wa_init(&r.log);
    r.done = CreateEventW(NULL, FALSE, FALSE, NULL);
    r.closed = CreateEventW(NULL, TRUE, FALSE, NULL);
    r.req_closed = CreateEventW(NULL, FALSE, FALSE, NULL);
    HINTERNET ses = WinHttpOpen(L"winhttp-async-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, sc->async ? WINHTTP_FLAG_ASYNC : 0);
    r.log.ses = ses;
    DWORD_PTR ctx = (DWORD_PTR)&r;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx), "%s: context", sc->name);
    CHECK(WinHttpSetStatusCallback(ses, drive, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0) == NULL, "%s: no previous callback", sc->name);
    if (sc->receive_timeout_ms) WinHttpSetTimeouts(ses, 0, 5000, 5000, sc->receive_timeout_ms);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)(sc->server ? aport : port), 0);
    r.log.con = con;
    for (int i = 0; i < (sc->requests ? sc->requests : 1); i++) {
        HINTERNET req = WinHttpOpenRequest(con, sc->verb, sc->path, NULL, NULL, NULL, 0);
        r.log.req = req;
        r.body_len = 0;
        r.resent = 0;
        const wchar_t *hdr = sc->body == BODY_CHUNKED ? L"Transfer-Encoding: chunked" : NULL;
        DWORD total = sc->body == BODY_WRITE ? (DWORD)(strlen(upload_parts[0]) + strlen(upload_parts[1]) + strlen(upload_parts[2])) : 0;
        r.parts_left = sc->body ? 3 : 0;
        if (sc->async) {
            call(&r, WinHttpSendRequest(req, hdr, hdr ? (DWORD)-1 : 0, NULL, 0, total, ctx));
            CHECK(WaitForSingleObject(r.done, 10000) == WAIT_OBJECT_0, "%s: finished", sc->name);
        } else {
            /* Synchronous mode: the same calls in a row; informational callbacks on this thread. */
            BOOL ok = WinHttpSendRequest(req, hdr, hdr ? (DWORD)-1 : 0, NULL, 0, total, ctx);
            for (int p = 0; ok && p < (sc->body ? 3 : 0); p++) {
                const char *s = sc->body == BODY_CHUNKED ? chunk_parts[p] : upload_parts[p];
                DWORD w = 0;
                ok = WinHttpWriteData(req, s, (DWORD)strlen(s), &w);
            }
            ok = ok && WinHttpReceiveResponse(req, NULL);
            if (ok) r.http_status = whs_status(req);
            DWORD err = 0;
            long n = ok ? whs_read_all(req, r.body, sizeof r.body, &err) : -1;
            if (n >= 0) r.body_len = (size_t)n;
            if (!ok) r.error = GetLastError();
        }
        WinHttpCloseHandle(req);
        /* A request's HANDLE_CLOSING comes before the next request's HANDLE_CREATED only if we wait. */
        if (sc->requests > 1) CHECK(WaitForSingleObject(r.req_closed, 5000) == WAIT_OBJECT_0, "%s: request HANDLE_CLOSING", sc->name);
    }
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    CHECK(WaitForSingleObject(r.closed, 10000) == WAIT_OBJECT_0, "%s: session HANDLE_CLOSING", sc->name);
    usleep(20000); /* anything after HANDLE_CLOSING would show up now */
    int nexp = 0;
    while (nexp < (int)(sizeof sc->exp / sizeof sc->exp[0]) && sc->exp[nexp].status) nexp++;
    int ok = wa_check(sc->name, &r.log, sc->exp, nexp);
    if (sc->async) CHECK_EQ(r.completions, r.calls, "one completion per call that returned TRUE");
    if (sc->want_status) CHECK_EQ(r.http_status, sc->want_status, sc->name);
    if (sc->want_error) {
        CHECK_EQ(r.error, sc->want_error, "REQUEST_ERROR code");
        if (sc->async) CHECK_EQ(r.api, sc->want_api, "REQUEST_ERROR api");
    } else {
        CHECK_EQ(r.error, 0, "no error");
    }
    if (sc->want_body) {
        r.body[r.body_len < sizeof r.body ? r.body_len : sizeof r.body - 1] = 0;
        CHECK(strstr(r.body, sc->want_body) != NULL, "%s: body has \"%s\"", sc->name, sc->want_body);
    }
    CloseHandle(r.done);
    CloseHandle(r.closed);
    CloseHandle(r.req_closed);
    printf("%-28s %s (%d notifications)\n", sc->name, ok ? "ok" : "FAILED", r.log.count);
    return ok;
}

#define S_(k, s, f) {k, WINHTTP_CALLBACK_STATUS_##s, f}
#define CREATED S_(WA_SES, HANDLE_CREATED, NF_MAIN), S_(WA_CON, HANDLE_CREATED, NF_MAIN)
#define CONNECT(f) S_(WA_REQ, RESOLVING_NAME, f), S_(WA_REQ, NAME_RESOLVED, f), S_(WA_REQ, CONNECTING_TO_SERVER, f), S_(WA_REQ, CONNECTED_TO_SERVER, f)
#define CONNECT_OPT(f) S_(WA_REQ, RESOLVING_NAME, f | NF_OPT), S_(WA_REQ, NAME_RESOLVED, f | NF_OPT), \
    S_(WA_REQ, CONNECTING_TO_SERVER, f | NF_OPT), S_(WA_REQ, CONNECTED_TO_SERVER, f | NF_OPT)
#define SEND(f) S_(WA_REQ, SENDING_REQUEST, f), S_(WA_REQ, REQUEST_SENT, f)
#define RECV(f) S_(WA_REQ, RECEIVING_RESPONSE, f), S_(WA_REQ, RESPONSE_RECEIVED, f)
#define A NF_ASYNC
#define CLOSE_CONN_OPT S_(WA_REQ, CLOSING_CONNECTION, NF_OPT), S_(WA_REQ, CONNECTION_CLOSED, NF_OPT)
/* DATA_AVAILABLE, then (READ_COMPLETE, DATA_AVAILABLE)+ until DATA_AVAILABLE says 0. */
#define BODY_LOOP S_(WA_REQ, DATA_AVAILABLE, A), S_(WA_REQ, READ_COMPLETE, A | NF_LOOP), S_(WA_REQ, DATA_AVAILABLE, A | NF_REPEAT)
#define END_OF_BODY CLOSE_CONN_OPT
#define CLOSING3 S_(WA_REQ, HANDLE_CLOSING, 0), S_(WA_CON, HANDLE_CLOSING, 0), S_(WA_SES, HANDLE_CLOSING, 0)

/* The connection pool is process-wide (as on Windows): a scenario's first request may go on an idle
 * connection an earlier scenario left, so its resolving and connecting notifications are optional. */
static const struct scenario scenarios[] = {
    {"async GET", 1, L"GET", L"/chunked", 0, BODY_NONE, 1, 0, 0, 200, 0, 0, "hello, world",
     {CREATED, CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A), BODY_LOOP, END_OF_BODY, CLOSING3}},
    {"async POST + WriteData", 1, L"POST", L"/echo", 0, BODY_WRITE, 1, 0, 0, 200, 0, 0, "hello async world",
     {CREATED, CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), S_(WA_REQ, WRITE_COMPLETE, A), S_(WA_REQ, WRITE_COMPLETE, A),
      S_(WA_REQ, WRITE_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A), BODY_LOOP, END_OF_BODY, CLOSING3}},
    {"async chunked upload", 1, L"POST", L"/echo", 0, BODY_CHUNKED, 1, 0, 0, 200, 0, 0, "6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n",
     {CREATED, CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), S_(WA_REQ, WRITE_COMPLETE, A), S_(WA_REQ, WRITE_COMPLETE, A),
      S_(WA_REQ, WRITE_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A), BODY_LOOP, END_OF_BODY, CLOSING3}},
    {"async redirect", 1, L"GET", L"/redirect", 0, BODY_NONE, 1, 0, 0, 200, 0, 0, "GET /echo HTTP/1.1",
     {CREATED, CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), RECV(A), S_(WA_REQ, REDIRECT, A), CLOSE_CONN_OPT, CONNECT_OPT(A), SEND(A), RECV(A),
      S_(WA_REQ, HEADERS_AVAILABLE, A), BODY_LOOP, END_OF_BODY, CLOSING3}},
    {"async keep-alive reuse", 1, L"GET", L"/count", 0, BODY_NONE, 2, 0, 0, 200, 0, 0, NULL,
     {CREATED, CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A), BODY_LOOP, END_OF_BODY,
      S_(WA_REQ, HANDLE_CLOSING, 0),
      /* the second request: no resolve, no connect */
      S_(WA_CON, HANDLE_CREATED, NF_MAIN), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A), BODY_LOOP,
      END_OF_BODY, CLOSING3}},
    {"async 401 then resend", 1, L"GET", L"/status/401", 0, BODY_NONE, 1, 1, 0, 401, 0, 0, NULL,
     {CREATED, CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A), CLOSE_CONN_OPT, CONNECT_OPT(A), SEND(A),
      S_(WA_REQ, SENDREQUEST_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A), S_(WA_REQ, DATA_AVAILABLE, A), END_OF_BODY, CLOSING3}},
    {"async reset mid-body", 1, L"GET", L"/cut", 0, BODY_NONE, 1, 0, 0, 200, API_QUERY_DATA_AVAILABLE, ERROR_WINHTTP_CONNECTION_ERROR, NULL,
     {CREATED, CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A), S_(WA_REQ, DATA_AVAILABLE, A),
      S_(WA_REQ, READ_COMPLETE, A | NF_LOOP), S_(WA_REQ, DATA_AVAILABLE, A | NF_REPEAT | NF_OPT), CLOSE_CONN_OPT, S_(WA_REQ, REQUEST_ERROR, A), CLOSING3}},
    {"async receive timeout", 1, L"GET", L"/slow", 0, BODY_NONE, 1, 0, 300, 0, API_RECEIVE_RESPONSE, ERROR_WINHTTP_TIMEOUT, NULL,
     {CREATED, CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), S_(WA_REQ, RECEIVING_RESPONSE, A), CLOSE_CONN_OPT, S_(WA_REQ, REQUEST_ERROR, A),
      CLOSING3}},
    {"sync GET (callbacks inline)", 0, L"GET", L"/chunked", 0, BODY_NONE, 1, 0, 0, 200, 0, 0, "hello, world",
     {CREATED, CONNECT_OPT(NF_MAIN), SEND(NF_MAIN), RECV(NF_MAIN), CLOSE_CONN_OPT, S_(WA_REQ, HANDLE_CLOSING, NF_MAIN), S_(WA_CON, HANDLE_CLOSING, NF_MAIN),
      S_(WA_SES, HANDLE_CLOSING, NF_MAIN)}},
    {"sync redirect", 0, L"GET", L"/redirect", 0, BODY_NONE, 1, 0, 0, 200, 0, 0, "GET /echo HTTP/1.1",
     {CREATED, CONNECT_OPT(NF_MAIN), SEND(NF_MAIN), RECV(NF_MAIN), S_(WA_REQ, REDIRECT, NF_MAIN), CLOSE_CONN_OPT, CONNECT_OPT(NF_MAIN), SEND(NF_MAIN),
      RECV(NF_MAIN), CLOSE_CONN_OPT, CLOSING3}},
};

/* ------------------------------------------------------------------------------------------------
 * WinHttpSetStatusCallback's own contract. */

static void CALLBACK cb_a(HINTERNET h, DWORD_PTR c, DWORD s, LPVOID i, DWORD l) { (void)h, (void)c, (void)s, (void)i, (void)l; }
static void CALLBACK cb_b(HINTERNET h, DWORD_PTR c, DWORD s, LPVOID i, DWORD l) { (void)h, (void)c, (void)s, (void)i, (void)l; }

static void test_set_status_callback(void) {
    struct { const char *what; HINTERNET h; DWORD err; } bad[] = {
        {"NULL handle", NULL, ERROR_INVALID_HANDLE},
        {"forged handle", (HINTERNET)(uintptr_t)0x7777, ERROR_INVALID_HANDLE},
        {"event handle", NULL, ERROR_INVALID_HANDLE},
    };
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    bad[2].h = ev;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        SetLastError(0xdeadbeef);
        WINHTTP_STATUS_CALLBACK prev = WinHttpSetStatusCallback(bad[i].h, cb_a, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
        CHECK(prev == WINHTTP_INVALID_STATUS_CALLBACK, "%s: WINHTTP_INVALID_STATUS_CALLBACK", bad[i].what);
        CHECK_EQ(GetLastError(), bad[i].err, bad[i].what);
    }
    CloseHandle(ev);
    HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    SetLastError(0xdeadbeef);
    CHECK(WinHttpSetStatusCallback(ses, cb_a, WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS, 0) == NULL, "first: previous is NULL");
    CHECK_EQ(GetLastError(), ERROR_SUCCESS, "success resets last error");
    CHECK(WinHttpSetStatusCallback(ses, cb_b, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0) == cb_a, "second returns the first");
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK(WinHttpSetStatusCallback(con, NULL, 0, 0) == cb_b, "a connect handle inherits the session's callback");
    HINTERNET req = WinHttpOpenRequest(con, NULL, L"/", NULL, NULL, NULL, 0);
    CHECK(WinHttpSetStatusCallback(req, cb_a, WINHTTP_CALLBACK_FLAG_HANDLES, 0) == NULL, "a request opened after removal on its connect has none");
    /* Asynchronous calls in the wrong state fail at once (FALSE, no callback). */
    /* Windows: a receive before any send returns TRUE and reports REQUEST_ERROR (checked in test_receive_refused). */
    CHECK(!WinHttpQueryDataAvailable(req, NULL) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "query before send");
    char b[4];
    CHECK(!WinHttpReadData(req, b, 4, NULL) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "read before send");
    CHECK(!WinHttpWriteData(req, b, 4, NULL) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "write before send");
    WinHttpSetStatusCallback(req, NULL, 0, 0);
    WinHttpSetStatusCallback(ses, NULL, 0, 0);
    WinHttpCloseHandle(ses);
    printf("WinHttpSetStatusCallback contract checked\n");
}

/* ------------------------------------------------------------------------------------------------
 * Special callbacks: one that blocks, one that closes its own handle; a second pending read. */

struct special {
    struct wa_log log;
    HANDLE done, closed, other_done;
    int mode; /* 1 = block in HEADERS_AVAILABLE until other_done, 2 = close self in HEADERS_AVAILABLE, 3 = second read */
    DWORD second_read_err;
    DWORD cancel_err, cancel_api;
    char buf[64];
};

static void CALLBACK special_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    struct special *s = (struct special *)ctx;
    wa_record(&s->log, h, ctx, status, info, len);
    if (status == WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE) WinHttpReceiveResponse(h, NULL);
    if (status == WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE) {
        if (s->mode == 1) {
            /* Blocks while another request of the same session runs to its end. */
            s->second_read_err = WaitForSingleObject(s->other_done, 5000);
            WinHttpQueryDataAvailable(h, NULL);
        } else if (s->mode == 2) {
            WinHttpCloseHandle(h);
        } else if (s->mode == 3) {
            CHECK(WinHttpReadData(h, s->buf, sizeof s->buf, NULL), "first read");
            CHECK(WinHttpReadData(h, s->buf, 10, NULL), "the first read completed inline? (10 bytes were there)");
            SetEvent(s->done);
        }
    }
    if (status == WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE) {
        if (*(DWORD *)info == 0) SetEvent(s->done);
        else WinHttpReadData(h, s->buf, sizeof s->buf, NULL);
    }
    if (status == WINHTTP_CALLBACK_STATUS_READ_COMPLETE) {
        if (len == 0 || s->mode == 4) SetEvent(s->done);
        else if (s->mode != 3) WinHttpQueryDataAvailable(h, NULL);
    }
    if (status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR) {
        s->cancel_err = ((WINHTTP_ASYNC_RESULT *)info)->dwError;
        s->cancel_api = (DWORD)((WINHTTP_ASYNC_RESULT *)info)->dwResult;
        SetEvent(s->done);
    }
    if (status == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING && h == s->log.req) SetEvent(s->closed);
    wa_leave(&s->log, h);
}

static void CALLBACK plain_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    HANDLE done = (HANDLE)ctx;
    (void)len;
    if (status == WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE) WinHttpReceiveResponse(h, NULL);
    if (status == WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE || status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR) SetEvent(done);
    (void)info;
}

static void test_special_callbacks(void) {
    /* A callback that blocks does not hold up another request of the session. */
    {
        static struct special s;
        memset(&s, 0, sizeof s);
        wa_init(&s.log);
        s.mode = 1;
        s.done = CreateEventW(NULL, FALSE, FALSE, NULL);
        s.closed = CreateEventW(NULL, TRUE, FALSE, NULL);
        s.other_done = CreateEventW(NULL, TRUE, FALSE, NULL);
        HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
        HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
        s.log.ses = ses, s.log.con = con;
        HINTERNET req = WinHttpOpenRequest(con, NULL, L"/chunked", NULL, NULL, NULL, 0);
        s.log.req = req;
        WinHttpSetStatusCallback(req, special_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
        CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)&s), "send A");
        usleep(50000);
        HINTERNET req2 = WinHttpOpenRequest(con, NULL, L"/echo", NULL, NULL, NULL, 0);
        WinHttpSetStatusCallback(req2, plain_cb, WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS, 0);
        CHECK(WinHttpSendRequest(req2, NULL, 0, NULL, 0, 0, (DWORD_PTR)s.other_done), "send B");
        CHECK(WaitForSingleObject(s.done, 10000) == WAIT_OBJECT_0, "blocked request finished");
        CHECK_EQ(s.second_read_err, WAIT_OBJECT_0, "request B completed while A's callback blocked");
        WinHttpCloseHandle(req2);
        WinHttpCloseHandle(req);
        CHECK(WaitForSingleObject(s.closed, 5000) == WAIT_OBJECT_0, "HANDLE_CLOSING after a blocking callback");
        CHECK(s.log.overlaps == 0, "no overlapping callbacks");
        WinHttpCloseHandle(ses);
        printf("a blocking callback does not stall other requests\n");
    }
    /* A callback that closes its own handle: HANDLE_CLOSING follows, nothing else. */
    {
        static struct special s;
        memset(&s, 0, sizeof s);
        wa_init(&s.log);
        s.mode = 2;
        s.done = CreateEventW(NULL, FALSE, FALSE, NULL);
        s.closed = CreateEventW(NULL, TRUE, FALSE, NULL);
        HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
        HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
        s.log.ses = ses, s.log.con = con;
        HINTERNET req = WinHttpOpenRequest(con, NULL, L"/chunked", NULL, NULL, NULL, 0);
        s.log.req = req;
        WinHttpSetStatusCallback(req, special_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
        CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)&s), "send");
        CHECK(WaitForSingleObject(s.closed, 5000) == WAIT_OBJECT_0, "HANDLE_CLOSING after closing from a callback");
        usleep(20000);
        static const struct wa_expect exp[] = {CONNECT_OPT(A), SEND(A), S_(WA_REQ, SENDREQUEST_COMPLETE, A), RECV(A), S_(WA_REQ, HEADERS_AVAILABLE, A),
                                               CLOSE_CONN_OPT, S_(WA_REQ, HANDLE_CLOSING, A)};
        wa_check("callback closes its own handle", &s.log, exp, sizeof exp / sizeof exp[0]);
        CHECK(!WinHttpCloseHandle(req) && GetLastError() == ERROR_INVALID_HANDLE, "the handle is gone");
        WinHttpCloseHandle(ses);
        printf("a callback may close its own handle\n");
    }
    /* One read pending at a time: a second read is refused; closing cancels the pending one. */
    {
        HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
        HANDLE done = CreateEventW(NULL, FALSE, FALSE, NULL);
        HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)aport, 0);
        HINTERNET req = WinHttpOpenRequest(con, NULL, L"/stall", NULL, NULL, NULL, 0);
        WinHttpSetStatusCallback(req, plain_cb, WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS, 0);
        CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)done), "send /stall");
        CHECK(WaitForSingleObject(done, 5000) == WAIT_OBJECT_0, "headers of /stall");
        static struct special s;
        memset(&s, 0, sizeof s);
        wa_init(&s.log);
        s.log.ses = ses, s.log.con = con, s.log.req = req;
        s.done = CreateEventW(NULL, FALSE, FALSE, NULL);
        s.closed = CreateEventW(NULL, TRUE, FALSE, NULL);
        s.mode = 4;
        WinHttpSetOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &(DWORD_PTR){(DWORD_PTR)&s}, sizeof(DWORD_PTR));
        WinHttpSetStatusCallback(req, special_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
        char b1[200], b2[10];
        CHECK(WinHttpReadData(req, b1, 10, NULL), "read the 10 bytes there");
        CHECK(WaitForSingleObject(s.done, 5000) == WAIT_OBJECT_0, "READ_COMPLETE");
        CHECK(WinHttpReadData(req, b1, sizeof b1, NULL), "a read that stays pending");
        SetLastError(0);
        CHECK(!WinHttpReadData(req, b2, sizeof b2, NULL), "second read while one is pending fails");
        CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "second read: ERROR_WINHTTP_INCORRECT_HANDLE_STATE");
        CHECK(!WinHttpQueryDataAvailable(req, NULL), "query while a read is pending fails");
        WinHttpCloseHandle(req);
        CHECK(WaitForSingleObject(s.closed, 5000) == WAIT_OBJECT_0, "HANDLE_CLOSING");
        CHECK_EQ(s.cancel_err, ERROR_WINHTTP_OPERATION_CANCELLED, "pending read cancelled");
        CHECK_EQ(s.cancel_api, API_READ_DATA, "API_READ_DATA");
        WinHttpCloseHandle(ses);
        CloseHandle(done);
        printf("one pending read; close cancels it\n");
    }
}

/* ------------------------------------------------------------------------------------------------
 * Close during each pending operation, many times: exactly one REQUEST_ERROR (cancelled) or a
 * normal completion, then exactly one HANDLE_CLOSING, last. */

struct cancel_run {
    volatile long closing, errors, completions, after_closing;
    DWORD error;
    HANDLE closed;
};

static void CALLBACK cancel_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    struct cancel_run *c = (struct cancel_run *)ctx;
    (void)h, (void)len;
    if (c->closing) __sync_fetch_and_add(&c->after_closing, 1);
    switch (status) {
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR:
        __sync_fetch_and_add(&c->errors, 1);
        c->error = ((WINHTTP_ASYNC_RESULT *)info)->dwError;
        break;
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE:
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE:
    case WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE:
    case WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE:
        __sync_fetch_and_add(&c->completions, 1);
        break;
    case WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING:
        __sync_fetch_and_add(&c->closing, 1);
        SetEvent(c->closed);
        break;
    }
}

static void CALLBACK setup_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)h, (void)info, (void)len;
    if (status & (WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE | WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE | WINHTTP_CALLBACK_STATUS_REQUEST_ERROR))
        SetEvent((HANDLE)ctx);
}

/* op: 0 = connect/send, 1 = receive (/hold), 2 = read (/stall), 3 = write (/noread, large), 4 = query (/stall) */
static int cancel_once(HINTERNET ses, int op, char *big, size_t big_len) {
    static struct cancel_run c;
    memset((void *)&c, 0, sizeof c);
    c.closed = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE step = CreateEventW(NULL, FALSE, FALSE, NULL);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)aport, 0);
    const wchar_t *path = op == 1 ? L"/hold" : op == 3 ? L"/noread" : L"/stall";
    HINTERNET req = WinHttpOpenRequest(con, op == 3 ? L"POST" : L"GET", path, NULL, NULL, NULL, 0);
    int ok = 1;
    WinHttpSetStatusCallback(req, setup_cb, WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS, 0);
    if (op == 0) {
        WinHttpSetStatusCallback(req, cancel_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
        ok = WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)&c);
    } else {
        ok = WinHttpSendRequest(req, NULL, 0, NULL, 0, op == 3 ? (DWORD)big_len : 0, (DWORD_PTR)step);
        ok = ok && WaitForSingleObject(step, 5000) == WAIT_OBJECT_0;
        if (op == 2 || op == 4) {
            ok = ok && WinHttpReceiveResponse(req, NULL) && WaitForSingleObject(step, 5000) == WAIT_OBJECT_0;
        }
        WinHttpSetStatusCallback(req, cancel_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
        DWORD_PTR ctx = (DWORD_PTR)&c;
        WinHttpSetOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx);
        static char rb[256];
        if (op == 1) ok = ok && WinHttpReceiveResponse(req, NULL);
        if (op == 2) ok = ok && WinHttpReadData(req, rb, 10, NULL) && (usleep(1000), 1) && WinHttpReadData(req, rb, sizeof rb, NULL);
        if (op == 3) ok = ok && WinHttpWriteData(req, big, (DWORD)big_len, NULL);
        if (op == 4) ok = ok && WinHttpReadData(req, rb, 10, NULL) && (usleep(1000), 1) && WinHttpQueryDataAvailable(req, NULL);
    }
    if (!ok) {
        WinHttpCloseHandle(req);
        WinHttpCloseHandle(con);
        CloseHandle(step);
        CloseHandle(c.closed);
        return 0;
    }
    if (op == 0 && (rand() & 1)) usleep(rand() % 300);
    WinHttpCloseHandle(req);
    int good = WaitForSingleObject(c.closed, 5000) == WAIT_OBJECT_0;
    usleep(op == 0 ? 200 : 0);
    good = good && c.closing == 1 && c.after_closing == 0;
    /* The pending operation ended exactly once: cancelled, or (op 0) it had completed already. */
    if (op != 0) good = good && c.errors + c.completions >= 1 && (c.errors == 0 || c.error == ERROR_WINHTTP_OPERATION_CANCELLED);
    else good = good && c.errors <= 1 && (c.errors == 0 || c.error == ERROR_WINHTTP_OPERATION_CANCELLED);
    WinHttpCloseHandle(con);
    CloseHandle(step);
    CloseHandle(c.closed);
    return good;
}

static void test_cancel(int rounds) {
    HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    size_t big_len = 64 << 20;
    char *big = calloc(1, big_len);
    const char *names[] = {"connect/send", "receive", "read", "write", "query"};
    int good[5] = {0}, runs[5] = {0};
    for (int i = 0; i < rounds; i++) {
        int op = i % 5;
        if (op == 3 && i >= 50) continue; /* each /noread keeps a server thread: a few are enough */
        runs[op]++;
        good[op] += cancel_once(ses, op, big, big_len);
    }
    for (int op = 0; op < 5; op++) {
        CHECK_EQ(good[op], runs[op], names[op]);
        printf("close during pending %-12s %d/%d clean (one completion or cancellation, one HANDLE_CLOSING, last)\n", names[op], good[op], runs[op]);
    }
    /* The unload event is set once the session is gone, not before. */
    HANDLE unload = CreateEventW(NULL, TRUE, FALSE, NULL);
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT, &unload, sizeof unload), "unload event: %u", GetLastError());
    CHECK_EQ(WaitForSingleObject(unload, 0), WAIT_TIMEOUT, "not set while the session lives");
    WinHttpCloseHandle(ses);
    CHECK_EQ(WaitForSingleObject(unload, 2000), WAIT_OBJECT_0, "set after the session is gone");
    CloseHandle(unload);
    free(big);
}

int main(int argc, char **argv) {
    pid_t pid = 0, apid = 0;
    port = whs_start_server(&pid);
    CHECK(port != 0, "server started");
    char script[1024], port_s[16];
    aport = ts_free_port();
    snprintf(port_s, sizeof port_s, "%d", aport);
    const char *av[] = {"python3", ts_source_path("c_tests/support/winhttp_async_server.py", script, sizeof script), port_s, NULL};
    apid = ts_spawn(av, NULL);
    CHECK(apid > 0 && ts_wait_port(aport, 10000) == 0, "async server started");
    if (!port || ts_failed) return ts_finish("winhttp_async");
    int rounds = argc > 1 ? atoi(argv[1]) : 1000;

    for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) run_scenario(&scenarios[i]);
    test_set_status_callback();
    test_special_callbacks();
    test_cancel(rounds);

    ts_kill(pid);
    ts_kill(apid);
    return ts_finish("winhttp_async");
}
