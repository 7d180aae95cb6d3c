#define _GNU_SOURCE
/* WinHTTP connections and bodies as Windows records them:
 * - the connection pool is process-wide: an idle keep-alive connection survives closing its
 *   request, connect and session handles, and a new session to the same server reuses it (its send
 *   reports no resolving or connecting notifications);
 * - closing a request whose response arrived whole but was not read reports only HANDLE_CLOSING and
 *   keeps the connection for the next request;
 * - WinHttpQueryDataAvailable on a chunked body reports the current chunk, and a read of that count
 *   returns exactly that many bytes, whatever the arrival pattern (chunks together, apart, heads
 *   split across segments, one byte at a time);
 * - after gzip or deflate decoding, Content-Length is not reported;
 * - WINHTTP_OPTION_DISABLE_GLOBAL_POOLING ("Disables global, cross-session pooling", option-flags page): the
 *   session's idle connections are its own (it takes none of the process's, no other session takes its),
 *   and they close with its handle. */
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

static int port;
static volatile DWORD seen;

static void CALLBACK record(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)h, (void)ctx, (void)info, (void)len;
    seen |= status;
}

/* GET path on a new session (closed after, with its connect and request); the body into buf. */
static DWORD get(const wchar_t *path, char *buf, size_t cap) {
    HINTERNET ses = WinHttpOpen(L"pool-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", path, NULL, NULL, NULL, 0);
    DWORD status = 0, err;
    buf[0] = 0;
    if (WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL)) {
        status = whs_status(req);
        whs_read_all(req, buf, cap, &err);
    }
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    return status;
}

static void test_pool_outlives_sessions(void) {
    char buf[256];
    DWORD connecting = WINHTTP_CALLBACK_STATUS_RESOLVING_NAME | WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER;
    CHECK_EQ(get(L"/count", buf, sizeof buf), 200, "first session");
    CHECK(strcmp(buf, "1") == 0, "first request on its connection: %s", buf);
    /* A new session: the idle connection of the closed one carries the request. */
    HINTERNET ses = WinHttpOpen(L"pool-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/count", NULL, NULL, NULL, 0);
    WinHttpSetStatusCallback(req, record, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    seen = 0;
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "second session");
    DWORD err;
    whs_read_all(req, buf, sizeof buf, &err);
    CHECK(strcmp(buf, "2") == 0, "the new session reused the connection: %s", buf);
    CHECK((seen & connecting) == 0, "no resolving or connecting notifications (%#x)", seen);
    CHECK(seen & WINHTTP_CALLBACK_STATUS_SENDING_REQUEST, "sending reported");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    printf("an idle connection outlives its session and serves the next one\n");
}

/* GET /count on `con`: the number of requests its connection has carried (0 on failure). With `close`,
 * WINHTTP_DISABLE_KEEP_ALIVE: the connection is not pooled after it. */
static int count_on(HINTERNET con, int close) {
    char buf[32];
    DWORD err;
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/count", NULL, NULL, NULL, 0);
    buf[0] = 0;
    DWORD no_keep_alive = WINHTTP_DISABLE_KEEP_ALIVE;
    if (close) WinHttpSetOption(req, WINHTTP_OPTION_DISABLE_FEATURE, &no_keep_alive, sizeof no_keep_alive);
    if (WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL)) whs_read_all(req, buf, sizeof buf, &err);
    WinHttpCloseHandle(req);
    return atoi(buf);
}

/* Runs first, with no idle connection in the process's pool, and leaves none there. */
static void test_own_pool(void) {
    DWORD one = 1;
    HINTERNET own = WinHttpOpen(L"pool-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    CHECK(WinHttpSetOption(own, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, &one, sizeof one), "DISABLE_GLOBAL_POOLING: %u", GetLastError());
    HINTERNET ocon = WinHttpConnect(own, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK_EQ(count_on(ocon, 0), 1, "the own-pool session's first request: a new connection");
    CHECK_EQ(count_on(ocon, 0), 2, "its second: its own idle connection again");
    /* Another session (the process's pool) does not take the own-pool session's idle connection. */
    HINTERNET ses = WinHttpOpen(L"pool-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK_EQ(count_on(con, 1), 1, "another session opens a connection of its own (keep-alive off)");
    /* Nor does a second own-pool session take the first one's. */
    HINTERNET own2 = WinHttpOpen(L"pool-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    CHECK(WinHttpSetOption(own2, WINHTTP_OPTION_DISABLE_GLOBAL_POOLING, &one, sizeof one), "DISABLE_GLOBAL_POOLING on a second session");
    HINTERNET ocon2 = WinHttpConnect(own2, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK_EQ(count_on(ocon2, 0), 1, "a second own-pool session: a new connection");
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    /* Closing the own-pool session handle closes its idle connection (its socket). */
    int fds = ts_count_fds();
    WinHttpCloseHandle(ocon);
    WinHttpCloseHandle(own);
    CHECK(ts_count_fds() <= fds - 1, "closing the own-pool session closed its idle connection (%d -> %d fds)", fds, ts_count_fds());
    CHECK_EQ(count_on(ocon2, 0), 2, "the second own-pool session's connection goes on");
    WinHttpCloseHandle(ocon2);
    WinHttpCloseHandle(own2);
    printf("DISABLE_GLOBAL_POOLING: a session's own idle connections, closed with it\n");
}

static void test_close_unread_keeps_connection(void) {
    /* Whole response, unread: closing reports HANDLE_CLOSING only. */
    HINTERNET ses, con, req;
    ses = WinHttpOpen(L"pool-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    req = WinHttpOpenRequest(con, L"GET", L"/count", NULL, NULL, NULL, 0);
    WinHttpSetStatusCallback(req, record, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "request, body left unread");
    usleep(50000);
    seen = 0;
    WinHttpCloseHandle(req);
    CHECK(seen == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING, "only HANDLE_CLOSING on close (%#x)", seen);
    char first[16];
    /* The next request of the session goes on the same connection. */
    req = WinHttpOpenRequest(con, L"GET", L"/count", NULL, NULL, NULL, 0);
    WinHttpSetStatusCallback(req, record, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    seen = 0;
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "next request");
    DWORD err;
    whs_read_all(req, first, sizeof first, &err);
    CHECK(atoi(first) >= 2, "same connection (request %s on it)", first);
    CHECK((seen & WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER) == 0, "no new connection (%#x)", seen);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    printf("closing a request with its response unread keeps the connection\n");
}

static void test_chunk_counts(void) {
    static const char *modes[] = {"together", "apart", "split", "bytes"};
    char want[76];
    for (int i = 0; i < 70; i++) want[i] = (char)(65 + i);
    memcpy(want + 70, "hello", 6);
    for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        wchar_t path[64];
        swprintf(path, 64, L"/chunks?mode=%s", modes[m]);
        HINTERNET ses = NULL, con = NULL;
        HINTERNET req = whs_open(&ses, &con, port, L"GET", path, 0);
        CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "%s: receive", modes[m]);
        char body[128];
        size_t total = 0;
        DWORD counts[128];
        int nc = 0, exact = 1;
        for (;;) {
            DWORD avail = 0, got = 0;
            if (!WinHttpQueryDataAvailable(req, &avail)) break;
            if (avail == 0) break;
            if (nc < 128) counts[nc++] = avail;
            if (total + avail > sizeof body) break;
            if (!WinHttpReadData(req, body + total, avail, &got)) break;
            if (got != avail) exact = 0;
            total += got;
        }
        CHECK(exact, "%s: every read of the available count returned that count", modes[m]);
        CHECK(total == 75 && memcmp(body, want, 75) == 0, "%s: the 75 bytes (%zu)", modes[m], total);
        if (m < 2) {
            CHECK(nc == 2 && counts[0] == 70 && counts[1] == 5, "%s: the current chunk is reported: %u then %u (%d counts)", modes[m],
                  nc > 0 ? counts[0] : 0, nc > 1 ? counts[1] : 0, nc);
        } else {
            int ok = 1;
            for (int i = 0; i < nc; i++) ok &= counts[i] >= 1 && counts[i] <= 70;
            CHECK(ok, "%s: each count within its chunk (%d counts)", modes[m], nc);
        }
        WinHttpCloseHandle(req);
        WinHttpCloseHandle(con);
        WinHttpCloseHandle(ses);
    }
    printf("chunked bodies: QueryDataAvailable reports the current chunk in every arrival pattern\n");
}

static void test_decoded_length_hidden(void) {
    static const wchar_t *paths[] = {L"/gzip"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        HINTERNET ses = NULL, con = NULL;
        HINTERNET req = whs_open(&ses, &con, port, L"GET", paths[i], 0);
        DWORD dec = WINHTTP_DECOMPRESSION_FLAG_ALL;
        CHECK(WinHttpSetOption(req, WINHTTP_OPTION_DECOMPRESSION, &dec, sizeof dec), "decompression on");
        CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "%ls", paths[i]);
        DWORD n = 0, len = sizeof n;
        CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_NUMBER, NULL, &n, &len, NULL), "%ls: no Content-Length", paths[i]);
        CHECK_EQ(GetLastError(), ERROR_WINHTTP_HEADER_NOT_FOUND, "HEADER_NOT_FOUND");
        static char body[8192];
        DWORD err;
        long got = whs_read_all(req, body, sizeof body, &err);
        CHECK(got == 1700 && strncmp(body, "compressed hello ", 17) == 0, "%ls: decoded body (%ld)", paths[i], got);
        WinHttpCloseHandle(req);
        WinHttpCloseHandle(con);
        WinHttpCloseHandle(ses);
    }
    /* Without decompression the header stays. */
    HINTERNET ses = NULL, con = NULL;
    HINTERNET req = whs_open(&ses, &con, port, L"GET", L"/gzip", 0);
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "gzip raw");
    DWORD n = 0, len = sizeof n;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_NUMBER, NULL, &n, &len, NULL) && n > 0, "raw: Content-Length kept");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    printf("decoded bodies do not report the compressed Content-Length\n");
}

int main(void) {
    pid_t pid;
    port = whs_start_server(&pid);
    CHECK(port != 0, "server started");
    if (port) {
        test_own_pool();
        test_pool_outlives_sessions();
        test_close_unread_keeps_connection();
        test_chunk_counts();
        test_decoded_length_hidden();
    }
    ts_kill(pid);
    return ts_finish("winhttp_pool");
}
