#define _GNU_SOURCE
/* WinHTTP calls that finish at once, and queries while a step is pending, as Windows does them:
 * - an asynchronous WinHttpReceiveResponse on a response that has fully arrived, and
 *   WinHttpQueryDataAvailable/WinHttpReadData on buffered bytes, complete during the call: their
 *   notifications run on the calling thread before the call returns, nested when a callback makes
 *   the next call (bounded: a callback that reads a 1 MiB body in a loop does not exhaust the stack),
 *   and the out-counts are written;
 * - a second WinHttpReceiveResponse, and one before any send, return TRUE and report REQUEST_ERROR
 *   (API_RECEIVE_RESPONSE, ERROR_WINHTTP_INCORRECT_HANDLE_STATE) on the calling thread;
 * - WinHttpQueryOption, WinHttpQueryHeaders and WinHttpSetOption answer at once from inside every
 *   callback and from another thread while the server stalls (a redirect to a stalling target), in
 *   synchronous and asynchronous mode. */
#include <windows.h>
#include <winhttp.h>
#include <pthread.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

static int port;
static pthread_t main_thread;

/* ---- finishing in the call ------------------------------------------------------------------ */

struct inline_state {
    volatile int in_call;          /* the main thread is inside a WinHTTP call */
    volatile DWORD seen;           /* statuses seen on the main thread inside a call */
    volatile DWORD seen_outside;   /* statuses seen anywhere else */
    volatile DWORD avail, read_n, err_api, err_code;
    HANDLE sent;
    /* the nested read loop */
    int loop;
    int depth, max_depth;
    size_t total;
    int ended, failed;
    char buf[4096];
    HANDLE loop_done;
};

static void CALLBACK inline_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    struct inline_state *s = (struct inline_state *)ctx;
    (void)len;
    if (s->in_call && pthread_equal(pthread_self(), main_thread)) s->seen |= status;
    else s->seen_outside |= status;
    if (status == WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE) SetEvent(s->sent);
    if (status == WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE) s->avail = *(DWORD *)info;
    if (status == WINHTTP_CALLBACK_STATUS_READ_COMPLETE) s->read_n = len;
    if (status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR) {
        WINHTTP_ASYNC_RESULT *r = (WINHTTP_ASYNC_RESULT *)info;
        s->err_api = (DWORD)r->dwResult;
        s->err_code = r->dwError;
    }
    if (!s->loop) return;
    /* The read loop, driven from the callbacks: each call finishes at once while bytes are buffered. */
    if (++s->depth > s->max_depth) s->max_depth = s->depth;
    if (status == WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE) {
        if (*(DWORD *)info == 0) {
            s->ended = 1;
            SetEvent(s->loop_done);
        } else if (!WinHttpReadData(h, s->buf, sizeof s->buf, NULL)) {
            s->failed = 1;
            SetEvent(s->loop_done);
        }
    } else if (status == WINHTTP_CALLBACK_STATUS_READ_COMPLETE) {
        s->total += len;
        if (!WinHttpQueryDataAvailable(h, NULL)) {
            s->failed = 1;
            SetEvent(s->loop_done);
        }
    } else if (status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR) {
        s->failed = 1;
        SetEvent(s->loop_done);
    }
    s->depth--;
}

static HINTERNET open_async(HINTERNET *ses, HINTERNET *con, const wchar_t *path, struct inline_state *s) {
    *ses = WinHttpOpen(L"inline-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    *con = WinHttpConnect(*ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(*con, L"GET", path, NULL, NULL, NULL, 0);
    WinHttpSetStatusCallback(req, inline_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    DWORD_PTR ctx = (DWORD_PTR)s;
    WinHttpSetOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx);
    return req;
}

static void test_finish_in_call(void) {
    static struct inline_state s;
    memset(&s, 0, sizeof s);
    s.sent = CreateEventW(NULL, FALSE, FALSE, NULL);
    HINTERNET ses, con, req = open_async(&ses, &con, L"/echo/inline", &s);

    /* Before any send: TRUE, and REQUEST_ERROR on this thread during the call. */
    s.in_call = 1;
    CHECK(WinHttpReceiveResponse(req, NULL), "receive before send returns TRUE: %u", GetLastError());
    s.in_call = 0;
    CHECK(s.seen & WINHTTP_CALLBACK_STATUS_REQUEST_ERROR, "REQUEST_ERROR during the call, on the calling thread");
    CHECK_EQ(s.err_api, API_RECEIVE_RESPONSE, "API_RECEIVE_RESPONSE");
    CHECK_EQ(s.err_code, ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "ERROR_WINHTTP_INCORRECT_HANDLE_STATE");

    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)&s), "send");
    CHECK(WaitForSingleObject(s.sent, 5000) == WAIT_OBJECT_0, "SENDREQUEST_COMPLETE");
    usleep(200000); /* the whole response is there now */

    s.seen = 0;
    s.in_call = 1;
    CHECK(WinHttpReceiveResponse(req, NULL), "receive");
    s.in_call = 0;
    DWORD want = WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE | WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED | WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE;
    CHECK((s.seen & want) == want, "receive on an arrived response finished in the call (seen %#x)", s.seen);

    DWORD avail = 0;
    s.seen = 0;
    s.in_call = 1;
    CHECK(WinHttpQueryDataAvailable(req, &avail), "query data available");
    s.in_call = 0;
    CHECK(s.seen & WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE, "DATA_AVAILABLE during the call");
    CHECK(avail > 0 && avail == s.avail, "out-count written: %u (callback %u)", avail, s.avail);

    char buf[8192];
    DWORD got = 0;
    s.seen = 0;
    s.in_call = 1;
    CHECK(WinHttpReadData(req, buf, avail, &got), "read");
    s.in_call = 0;
    CHECK(s.seen & WINHTTP_CALLBACK_STATUS_READ_COMPLETE, "READ_COMPLETE during the call");
    CHECK(got == avail && s.read_n == avail, "bytes-read count written: %u of %u (callback %u)", got, avail, s.read_n);
    CHECK(strncmp(buf, "GET /echo/inline HTTP/1.1", 25) == 0, "the body");

    /* A second receive: TRUE, REQUEST_ERROR on this thread. */
    s.seen = 0;
    s.err_code = 0;
    s.in_call = 1;
    CHECK(WinHttpReceiveResponse(req, NULL), "second receive returns TRUE");
    s.in_call = 0;
    CHECK(s.seen & WINHTTP_CALLBACK_STATUS_REQUEST_ERROR, "second receive: REQUEST_ERROR during the call");
    CHECK_EQ(s.err_code, ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "second receive: INCORRECT_HANDLE_STATE");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    CloseHandle(s.sent);
    printf("async calls finish in the call when the data is there\n");
}

static void test_nested_read_loop(void) {
    static struct inline_state s;
    memset(&s, 0, sizeof s);
    s.sent = CreateEventW(NULL, FALSE, FALSE, NULL);
    s.loop_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    HINTERNET ses, con, req = open_async(&ses, &con, L"/big", &s);
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)&s), "send");
    CHECK(WaitForSingleObject(s.sent, 5000) == WAIT_OBJECT_0, "SENDREQUEST_COMPLETE");
    usleep(300000); /* most of the 1 MiB is in the socket buffers now */
    CHECK(WinHttpReceiveResponse(req, NULL), "receive");
    s.loop = 1;
    CHECK(WinHttpQueryDataAvailable(req, NULL), "start the read loop");
    CHECK(WaitForSingleObject(s.loop_done, 10000) == WAIT_OBJECT_0, "read loop ended");
    CHECK(s.ended && !s.failed, "the loop read to the end (failed %d)", s.failed);
    CHECK_EQ(s.total, 1048576, "every byte of the body");
    CHECK(s.max_depth >= 2, "callbacks nested (depth %d)", s.max_depth);
    CHECK(s.max_depth <= 8, "nesting bounded (depth %d)", s.max_depth);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    CloseHandle(s.sent);
    CloseHandle(s.loop_done);
    printf("a callback read loop nests at most %d deep and reads all 1 MiB\n", s.max_depth);
}

/* ---- queries while a step is pending --------------------------------------------------------- */

struct query_state {
    HINTERNET req;
    volatile DWORD statuses;      /* callbacks in which every query answered */
    volatile DWORD slow;          /* callbacks in which one took too long or failed */
    volatile uint64_t worst_ms;
    volatile int stop;
    HANDLE done;
};

/* Every query the issue names, timed: the URL, the security flags, the request headers and method,
 * a timeout option set and read back. 0 when all answered within 200 ms (the server stalls 1.5 s). */
static int query_all(HINTERNET req, uint64_t *ms) {
    uint64_t t0 = ts_now_ms();
    int ok = 1;
    wchar_t w[2048];
    DWORD len = sizeof w;
    ok &= WinHttpQueryOption(req, WINHTTP_OPTION_URL, w, &len) && wcsncmp(w, L"http://", 7) == 0;
    DWORD v = 0;
    len = sizeof v;
    ok &= WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &v, &len);
    len = sizeof w;
    ok &= WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL);
    len = sizeof w;
    ok &= WinHttpQueryHeaders(req, WINHTTP_QUERY_REQUEST_METHOD | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL);
    v = 20000;
    ok &= WinHttpSetOption(req, WINHTTP_OPTION_RECEIVE_TIMEOUT, &v, sizeof v);
    len = sizeof v;
    ok &= WinHttpQueryOption(req, WINHTTP_OPTION_RECEIVE_TIMEOUT, &v, &len) && v == 20000;
    DWORD_PTR ctx = 0;
    len = sizeof ctx;
    ok &= WinHttpQueryOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, &len);
    *ms = ts_now_ms() - t0;
    return ok && *ms < 200;
}

static void CALLBACK query_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    struct query_state *s = (struct query_state *)ctx;
    (void)info, (void)len;
    if (!s || status == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING || status == WINHTTP_CALLBACK_STATUS_HANDLE_CREATED) return;
    uint64_t ms;
    if (query_all(h, &ms)) s->statuses |= status;
    else s->slow |= status;
    if (ms > s->worst_ms) s->worst_ms = ms;
    if (status == WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE) WinHttpReceiveResponse(h, NULL);
    if (status == WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE || status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR) SetEvent(s->done);
}

static void *query_from_thread(void *arg) {
    struct query_state *s = arg;
    while (!s->stop) {
        uint64_t ms;
        if (!query_all(s->req, &ms)) s->slow |= 0x80000000u;
        if (ms > s->worst_ms) s->worst_ms = ms;
        usleep(20000);
    }
    return NULL;
}

static void test_queries_while_pending(int async) {
    static struct query_state s;
    memset(&s, 0, sizeof s);
    s.done = CreateEventW(NULL, TRUE, FALSE, NULL);
    HINTERNET ses = WinHttpOpen(L"query-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, async ? WINHTTP_FLAG_ASYNC : 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    /* A redirect to a target that stalls 1.5 s before answering. */
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/go/a?to=%2Fstall%3Fms%3D1500", NULL, NULL, NULL, 0);
    s.req = req;
    WinHttpSetStatusCallback(req, query_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    DWORD_PTR ctx = (DWORD_PTR)&s;
    WinHttpSetOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx);
    pthread_t t;
    pthread_create(&t, NULL, query_from_thread, &s);
    if (async) {
        CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)&s), "async send");
        CHECK(WaitForSingleObject(s.done, 10000) == WAIT_OBJECT_0, "async: headers");
    } else {
        CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)&s), "sync send");
        CHECK(WinHttpReceiveResponse(req, NULL), "sync receive: %u", GetLastError());
    }
    s.stop = 1;
    pthread_join(t, NULL);
    const char *mode = async ? "async" : "sync";
    DWORD want = WINHTTP_CALLBACK_STATUS_SENDING_REQUEST | WINHTTP_CALLBACK_STATUS_REQUEST_SENT |
                 WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE | WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED |
                 WINHTTP_CALLBACK_STATUS_REDIRECT;
    if (async) want |= WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE | WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE;
    CHECK((s.statuses & want) == want, "%s: queries answered in every callback (answered in %#x, want %#x)", mode, s.statuses, want);
    CHECK(s.slow == 0, "%s: no query waited for the network (slow in %#x, worst %llu ms)", mode, s.slow, (unsigned long long)s.worst_ms);
    CHECK_EQ(whs_status(req), 200, "final status");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    CloseHandle(s.done);
    printf("%s: queries answer at once while the server stalls (worst %llu ms)\n", mode, (unsigned long long)s.worst_ms);
}

int main(void) {
    pid_t pid;
    main_thread = pthread_self();
    port = whs_start_server(&pid);
    CHECK(port != 0, "server started");
    if (port) {
        test_finish_in_call();
        test_nested_read_loop();
        test_queries_while_pending(0);
        test_queries_while_pending(1);
    }
    ts_kill(pid);
    return ts_finish("winhttp_inline");
}
