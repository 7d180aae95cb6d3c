/* Uploads exactly as seeds/WinHttpSendRequest.txt and seeds/WinHttpWriteData.txt say, proved on the
 * raw bytes the loopback server received (it echoes them): Content-Length from dwTotalLength,
 * lpOptional right after the head, WinHttpWriteData streaming the rest, the caller's own chunked
 * framing passed through untouched (no Content-Length, no second zero chunk), the > 4 GiB
 * Content-Length header with WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH, and every listed error. */
#define _GNU_SOURCE
#include <windows.h>
#include <winhttp.h>
#include <signal.h>
#include <string.h>
#include "test_support.h"
#include "winhttp_support.h"

static char body[1 << 20];
static int port;
static HINTERNET ses;

static const char *after_head(const char *raw) {
    const char *p = strstr(raw, "\r\n\r\n");
    return p ? p + 4 : "";
}

static int count(const char *hay, const char *needle) {
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++) n++;
    return n;
}

/* One row: headers given to WinHttpSendRequest, lpOptional, dwTotalLength, chunks for
 * WinHttpWriteData, and what must happen. */
struct upload_case {
    const char *name;
    const wchar_t *headers;
    const char *optional;
    DWORD total;
    const char *writes[4];
    DWORD send_error;     /* expected WinHttpSendRequest error, 0 = success */
    const char *body;     /* exact body bytes the server must see */
    const char *cl;       /* exact Content-Length header line, or NULL for none */
};

static const struct upload_case cases[] = {
    {"optional only", NULL, "hello", 5, {NULL}, 0, "hello", "Content-Length: 5\r\n"},
    {"optional + writes", NULL, "ab", 6, {"cd", "ef", NULL}, 0, "abcdef", "Content-Length: 6\r\n"},
    {"writes only", NULL, NULL, 4, {"wxyz", NULL}, 0, "wxyz", "Content-Length: 4\r\n"},
    {"empty PUT", NULL, NULL, 0, {NULL}, 0, "", "Content-Length: 0\r\n"},
    {"caller chunked", L"Transfer-Encoding: chunked\r\n", NULL, WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH,
     {"5\r\nhello\r\n", "6\r\n world\r\n", "0\r\n\r\n", NULL}, 0, "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", NULL},
    {"CL header matching total", L"Content-Length: 3\r\n", "abc", 3, {NULL}, 0, "abc", "Content-Length: 3\r\n"},
    {"CL header mismatching total", L"Content-Length: 3\r\n", NULL, 4, {NULL}, ERROR_INVALID_PARAMETER, NULL, NULL},
    {"CL < 4 GiB without total", L"Content-Length: 3\r\n", NULL, WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH, {NULL}, ERROR_INVALID_PARAMETER, NULL, NULL},
    {"CL and TE", L"Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", NULL, 0, {NULL}, ERROR_INVALID_PARAMETER, NULL, NULL},
    {"TE with lpOptional", L"Transfer-Encoding: chunked\r\n", "x", 1, {NULL}, ERROR_INVALID_PARAMETER, NULL, NULL},
    {"bad header text", L"no colon here\r\n", NULL, 0, {NULL}, ERROR_INVALID_PARAMETER, NULL, NULL},
    {"optional longer than total", NULL, "toolong", 3, {NULL}, ERROR_INVALID_PARAMETER, NULL, NULL},
};

static void run_case(const struct upload_case *c) {
    HINTERNET con, s = ses;
    HINTERNET req = whs_open(&s, &con, port, L"PUT", L"/echo", 0);
    DWORD olen = c->optional ? (DWORD)strlen(c->optional) : 0;
    BOOL ok = WinHttpSendRequest(req, c->headers ? c->headers : WINHTTP_NO_ADDITIONAL_HEADERS, c->headers ? (DWORD)-1L : 0,
                                 (LPVOID)c->optional, olen, c->total, 0);
    if (c->send_error) {
        CHECK(!ok && GetLastError() == c->send_error, "%s: send fails with %u (got %d/%u)", c->name, c->send_error, ok, GetLastError());
        /* A refused header was not added either. */
        wchar_t w[64];
        DWORD len = sizeof w;
        CHECK(!WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, L"Transfer-Encoding", w, &len, NULL), "%s: header not added", c->name);
    } else {
        CHECK(ok, "%s: send: %u", c->name, GetLastError());
        for (int i = 0; c->writes[i]; i++) {
            DWORD written = 12345;
            CHECK(WinHttpWriteData(req, c->writes[i], (DWORD)strlen(c->writes[i]), &written), "%s: write %d: %u", c->name, i, GetLastError());
            CHECK_EQ(written, strlen(c->writes[i]), c->name);
        }
        CHECK(WinHttpReceiveResponse(req, NULL), "%s: receive: %u", c->name, GetLastError());
        DWORD err;
        long n = whs_read_all(req, body, sizeof body, &err);
        CHECK(n > 0, "%s: echo", c->name);
        CHECK(strcmp(after_head(body), c->body) == 0, "%s: exact body bytes [%s]", c->name, after_head(body));
        if (c->cl) {
            CHECK_EQ(count(body, "Content-Length:"), 1, c->name);
            CHECK(strstr(body, c->cl) != NULL, "%s: %s", c->name, c->cl);
        } else {
            CHECK(strstr(body, "Content-Length") == NULL, "%s: no Content-Length beside chunked", c->name);
            CHECK_EQ(count(body, "\r\n0\r\n\r\n"), 1, c->name);
            CHECK_EQ(count(body, "Transfer-Encoding: chunked"), 1, c->name);
        }
    }
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_write_rules(void) {
    HINTERNET con, s = ses, req = whs_open(&s, &con, port, L"PUT", L"/echo", 0);
    DWORD written = 77;
    /* Zeroed before any checking, even on failure. */
    CHECK(!WinHttpWriteData(req, "x", 1, &written), "write before send");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "write before send: state");
    CHECK_EQ(written, 0, "written zeroed");
    CHECK(!WinHttpReceiveResponse(req, NULL) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "receive before send");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 4, 0), "send total 4");
    CHECK(WinHttpWriteData(req, "ab", 2, &written) && written == 2, "write 2");
    /* Fewer bytes than declared: a clear error at once instead of a hang. */
    uint64_t t0 = ts_now_ms();
    CHECK(!WinHttpReceiveResponse(req, NULL), "receive with 2 of 4 bytes fails");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "short body: state error");
    CHECK(ts_now_ms() - t0 < 1000, "no wait");
    /* Writing more than declared fails and sends nothing. */
    CHECK(!WinHttpWriteData(req, "cde", 3, &written) && GetLastError() == ERROR_INVALID_PARAMETER, "write past Content-Length");
    CHECK_EQ(written, 0, "nothing written");
    CHECK(WinHttpWriteData(req, "cd", 2, &written), "finish body");
    CHECK(WinHttpReceiveResponse(req, NULL), "receive after full body");
    DWORD err;
    whs_read_all(req, body, sizeof body, &err);
    CHECK(strcmp(after_head(body), "abcd") == 0, "body abcd");
    CHECK(!WinHttpWriteData(req, "x", 1, &written) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "write after receive");
    /* Resend on the same handle after the response was read. */
    CHECK(WinHttpSendRequest(req, NULL, 0, (LPVOID) "wxyz", 4, 4, 0) && WinHttpReceiveResponse(req, NULL), "resend");
    whs_read_all(req, body, sizeof body, &err);
    CHECK(strcmp(after_head(body), "wxyz") == 0, "resend body");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_large_content_length_header(void) {
    /* Above 4 GiB: the caller's header with WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH; the head goes out
     * with that length (the bytes themselves are the benchmark's job). */
    HINTERNET con, s = ses, req = whs_open(&s, &con, port, L"PUT", L"/echo", 0);
    CHECK(WinHttpSendRequest(req, L"Content-Length: 68719476735\r\n", (DWORD)-1L, WINHTTP_NO_REQUEST_DATA, 0, WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH, 0),
          "send 64 GiB Content-Length: %u", GetLastError());
    DWORD written;
    CHECK(WinHttpWriteData(req, "abc", 3, &written) && written == 3, "write under 64-bit counters");
    wchar_t w[64];
    DWORD len = sizeof w;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL) && wcscmp(w, L"68719476735") == 0, "request CL");
    ULONGLONG n = 0;
    len = sizeof n;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_REQUEST_HEADERS | WINHTTP_QUERY_FLAG_NUMBER64, NULL, &n, &len, NULL) && n == 68719476735ULL, "request CL as number64");
    WinHttpCloseHandle(req); /* aborts the upload */
    WinHttpCloseHandle(con);
}

static void test_add_request_headers(void) {
    HINTERNET con, s = ses, req = whs_open(&s, &con, port, L"POST", L"/echo", 0);
    struct { const wchar_t *text; DWORD len, mods; DWORD err; } rows[] = {
        {L"X-A: 1", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD, 0},
        {L"X-A: 2", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD, 0},
        {L"X-A: 3", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD_IF_NEW, ERROR_WINHTTP_HEADER_ALREADY_EXISTS},
        {L"X-A: 4", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_COALESCE_WITH_COMMA, 0},
        {L"X-A: 5", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_COALESCE_WITH_SEMICOLON, 0},
        {L"X-B: 1", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_REPLACE, ERROR_WINHTTP_HEADER_NOT_FOUND},
        {L"X-C: old", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD, 0},
        {L"X-C: new", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_REPLACE, 0},
        {L"X-D: gone", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD, 0},
        {L"X-D:", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_REPLACE, 0},
        {L":", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD, ERROR_INVALID_PARAMETER},
        {L":b", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD, ERROR_INVALID_PARAMETER},
        {L"cd", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD, ERROR_INVALID_PARAMETER},
        {L" e :f", (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD, ERROR_INVALID_PARAMETER},
        {L"X-E: 1", 0, WINHTTP_ADDREQ_FLAG_ADD, ERROR_INVALID_PARAMETER},
        {L"X-F: 12345", 6, WINHTTP_ADDREQ_FLAG_ADD, 0},
        {L"X-G: a\r\nX-H: b\r\n", (DWORD)-1L, 0, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        BOOL ok = WinHttpAddRequestHeaders(req, rows[i].text, rows[i].len, rows[i].mods);
        if (rows[i].err) CHECK(!ok && GetLastError() == rows[i].err, "row %zu (%ls): error %u, got %u", i, rows[i].text, rows[i].err, GetLastError());
        else CHECK(ok, "row %zu (%ls): %u", i, rows[i].text, GetLastError());
    }
    CHECK(!WinHttpAddRequestHeaders(req, NULL, (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL headers");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "send");
    DWORD err;
    whs_read_all(req, body, sizeof body, &err);
    CHECK(strstr(body, "\r\nX-A: 1, 4; 5\r\nX-A: 2\r\n") != NULL, "coalesced: %s", body);
    CHECK(strstr(body, "\r\nX-C: new\r\n") != NULL && strstr(body, "old") == NULL, "replaced");
    CHECK(strstr(body, "X-D") == NULL, "removed by empty REPLACE");
    CHECK(strstr(body, "\r\nX-F: 1\r\n") != NULL, "length in characters");
    CHECK(strstr(body, "\r\nX-G: a\r\nX-H: b\r\n") != NULL, "two lines, modifiers 0 = add");
    CHECK(strstr(body, "\r\nContent-Length: 0\r\n") != NULL, "POST without body says Content-Length: 0");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    pid_t server;
    port = whs_start_server(&server);
    CHECK(port != 0, "test server started");
    if (!port) return ts_finish("winhttp_upload");
    ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) run_case(&cases[i]);
    test_write_rules();
    test_large_content_length_header();
    test_add_request_headers();
    WinHttpCloseHandle(ses);
    ts_kill(server);
    return ts_finish("winhttp_upload");
}
