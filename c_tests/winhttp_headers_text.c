#define _GNU_SOURCE
/* Request header text, object-name escaping and lenient response heads as Windows has them (issue 12):
 * header lines separated by any run of CR and/or LF, empty lines skipped, each sent and stored as
 * `Name: Value\r\n`; WinHttpSendRequest's lpszHeaders with length 0 read as NUL-terminated; the request
 * line's escaping by default, with WINHTTP_FLAG_ESCAPE_PERCENT, _ESCAPE_DISABLE, _ESCAPE_DISABLE_QUERY,
 * and UTF-8 for characters past ASCII; a status line with several spaces and header names followed by
 * spaces accepted, framing still strict. Peers: the echo server (winhttp_server.py) and a raw socket. */
#include <windows.h>
#include <winhttp.h>
#include <pthread.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

static char body[65536];
static int port;

/* Sends a GET for `path` with `flags` and `headers` (length `hlen`); returns the echoed request. */
static const char *echo(HINTERNET ses, const wchar_t *path, DWORD flags, const wchar_t *headers, DWORD hlen, HINTERNET *keep) {
    HINTERNET s = ses, con = NULL;
    HINTERNET req = whs_open(&s, &con, port, L"GET", path, flags);
    body[0] = 0;
    if (!req) return body;
    DWORD err = 0;
    if (WinHttpSendRequest(req, headers, hlen, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) && WinHttpReceiveResponse(req, NULL))
        whs_read_all(req, body, sizeof body, &err);
    else
        CHECK(0, "%ls: send/receive %u", path, GetLastError());
    if (keep) {
        *keep = req; /* its connect handle stays open with it (closing it would close the request) */
    } else {
        WinHttpCloseHandle(req);
        WinHttpCloseHandle(con);
    }
    return body;
}

static void test_escaping(HINTERNET ses) {
    const struct {
        const wchar_t *object;
        DWORD flags;
        const char *line;
    } rows[] = {
        {L"/echo/a b\"#<>[\\]^`{|}~%x!$&'()*+,;=:@?q=a b\"#<>[\\]^`{|}~%", 0,
         "GET /echo/a%20b%22%23%3C%3E%5B%5C%5D%5E%60%7B%7C%7D~%x!$&'()*+,;=:@?q=a%20b%22%23%3C%3E%5B%5C%5D%5E%60%7B%7C%7D~% HTTP/1.1\r\n"},
        {L"/echo/\x01\x1f\x7f\tx", 0, "GET /echo/%01%1F%7F%09x HTTP/1.1\r\n"},
        {L"/echo/a\r\nb", 0, "GET /echo/a%0D%0Ab HTTP/1.1\r\n"},
        {L"/echo/100%?p=5%", WINHTTP_FLAG_ESCAPE_PERCENT, "GET /echo/100%25?p=5%25 HTTP/1.1\r\n"},
        {L"/echo/a b\r\n<c>?x=<y> z", WINHTTP_FLAG_ESCAPE_DISABLE, "GET /echo/a%20b<c>?x=<y>%20z HTTP/1.1\r\n"},
        {L"/echo/a b<?q=a b<>\r\n", WINHTTP_FLAG_ESCAPE_DISABLE_QUERY, "GET /echo/a%20b%3C?q=a%20b<> HTTP/1.1\r\n"},
        {L"/echo/%?%", WINHTTP_FLAG_ESCAPE_PERCENT | WINHTTP_FLAG_ESCAPE_DISABLE_QUERY, "GET /echo/%25?% HTTP/1.1\r\n"},
        {L"/echo/\x00e9?\x20ac", 0, "GET /echo/%C3%A9?%E2%82%AC HTTP/1.1\r\n"},
        {L"/echo/\x00e9?\x20ac", WINHTTP_FLAG_ESCAPE_DISABLE, "GET /echo/%C3%A9?%E2%82%AC HTTP/1.1\r\n"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *got = echo(ses, rows[i].object, rows[i].flags, WINHTTP_NO_ADDITIONAL_HEADERS, 0, NULL);
        CHECK(strncmp(got, rows[i].line, strlen(rows[i].line)) == 0, "row %zu (flags %#x): want %s got %.120s", i,
              rows[i].flags, rows[i].line, got);
    }
}

static void test_header_text(HINTERNET ses) {
    /* Sent by WinHttpSendRequest (NUL-terminated), and stored by WinHttpAddRequestHeaders. */
    const struct {
        const wchar_t *text;
        const char *sent;
        const wchar_t *stored;
    } rows[] = {
        {L"A: 1\r\nB: 2", "\r\nA: 1\r\nB: 2\r\n", L"\r\nA: 1\r\nB: 2\r\n"},
        {L"A: 1\rB: 2", "\r\nA: 1\r\nB: 2\r\n", L"\r\nA: 1\r\nB: 2\r\n"},
        {L"A: 1\nB: 2", "\r\nA: 1\r\nB: 2\r\n", L"\r\nA: 1\r\nB: 2\r\n"},
        {L"A: 1\n\rB: 2", "\r\nA: 1\r\nB: 2\r\n", L"\r\nA: 1\r\nB: 2\r\n"},
        {L"\r\n\r\nA: 1\r\n\r\n\n\n\r\rB: 2\r\n\r\n", "\r\nA: 1\r\nB: 2\r\n", L"\r\nA: 1\r\nB: 2\r\n"},
        {L"A:1\rB:   2   ", "\r\nA: 1\r\nB: 2\r\n", L"\r\nA: 1\r\nB: 2\r\n"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *got = echo(ses, L"/echo", 0, rows[i].text, (DWORD)-1, NULL);
        CHECK(strstr(got, rows[i].sent) != NULL, "row %zu sent: %.200s", i, got);
        HINTERNET s = ses, con = NULL;
        HINTERNET req = whs_open(&s, &con, port, L"GET", L"/echo", 0);
        CHECK(WinHttpAddRequestHeaders(req, rows[i].text, (DWORD)-1, WINHTTP_ADDREQ_FLAG_ADD), "row %zu added: %u", i, GetLastError());
        wchar_t w[1024];
        DWORD len = sizeof w;
        CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL) &&
                  wcsstr(w, rows[i].stored) != NULL,
              "row %zu stored: %ls", i, w);
        WinHttpCloseHandle(req);
        WinHttpCloseHandle(con);
    }
    /* lpszHeaders with length 0: read up to its NUL, sent, and found by a later request-header query. */
    HINTERNET req = NULL;
    const char *got = echo(ses, L"/echo", 0, L"X-Zero: yes\r\n", 0, &req);
    CHECK(strstr(got, "\r\nX-Zero: yes\r\n") != NULL, "length 0 = NUL-terminated: %.200s", got);
    wchar_t v[64] = {0};
    DWORD len = sizeof v;
    CHECK(req != NULL, "request kept");
    BOOL found = req && WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, L"X-Zero", v, &len, NULL);
    CHECK(found && wcscmp(v, L"yes") == 0, "request-header query finds it: %d %u [%ls]", found, GetLastError(), v);
    if (req) WinHttpCloseHandle(req);
}

/* A raw peer that answers each connection with the next canned response, then closes. */
static const char *canned[8];
static int raw_fd;

static void *raw_server(void *arg) {
    (void)arg;
    for (int i = 0; canned[i]; i++) {
        int c = accept(raw_fd, NULL, NULL);
        if (c < 0) break;
        char buf[4096];
        ts_recv_until(c, buf, sizeof buf, "\r\n\r\n", 5000);
        ts_send_all(c, canned[i], strlen(canned[i]));
        shutdown(c, SHUT_WR);
        usleep(50000);
        close(c);
    }
    return NULL;
}

static void test_lenient_responses(HINTERNET ses) {
    struct {
        const char *response;
        DWORD error; /* 0: accepted */
        const wchar_t *header, *value, *raw_part;
    } rows[] = {
        {"HTTP/1.1  200  OK\r\nContent-Length: 2\r\n\r\nhi", 0, NULL, NULL, L"HTTP/1.1 200 OK\r\n"},
        {"HTTP/1.1 200 OK\r\nX-Name  : value\r\nContent-Length: 2\r\n\r\nhi", 0, L"X-Name", L"value", L"\r\nX-Name: value\r\n"},
        {"HTTP/1.1   404   Not Found\r\nX-A : b\r\nContent-Length: 2\r\n\r\nhi", 0, L"X-A", L"b", L"\r\nX-A: b\r\n"},
        /* Framing stays strict. */
        {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nhi", ERROR_WINHTTP_INVALID_SERVER_RESPONSE, NULL, NULL, NULL},
        {"HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\nhi", ERROR_WINHTTP_INVALID_SERVER_RESPONSE, NULL, NULL, NULL},
        {NULL, 0, NULL, NULL, NULL},
    };
    raw_fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECK(bind(raw_fd, (struct sockaddr *)&a, sizeof a) == 0 && listen(raw_fd, 8) == 0, "raw listener");
    socklen_t al = sizeof a;
    getsockname(raw_fd, (struct sockaddr *)&a, &al);
    int raw_port = ntohs(a.sin_port);
    for (int i = 0; rows[i].response; i++) canned[i] = rows[i].response;
    pthread_t t;
    pthread_create(&t, NULL, raw_server, NULL);
    for (int i = 0; rows[i].response; i++) {
        HINTERNET s = ses, con = NULL;
        HINTERNET req = whs_open(&s, &con, raw_port, L"GET", L"/", 0);
        BOOL ok = WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL);
        if (rows[i].error) {
            CHECK(!ok && GetLastError() == rows[i].error, "row %d: want %u got ok=%d %u", i, rows[i].error, ok, GetLastError());
        } else {
            CHECK(ok, "row %d accepted: %u", i, GetLastError());
            wchar_t w[1024];
            DWORD len = sizeof w;
            if (rows[i].header) {
                CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM, rows[i].header, w, &len, NULL) && wcscmp(w, rows[i].value) == 0,
                      "row %d: %ls = %ls", i, rows[i].header, ok ? w : L"");
            }
            len = sizeof w;
            CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF, NULL, w, &len, NULL) && wcsstr(w, rows[i].raw_part) != NULL,
                  "row %d raw: %ls", i, w);
            DWORD err;
            CHECK(whs_read_all(req, body, sizeof body, &err) == 2 && strcmp(body, "hi") == 0, "row %d body", i);
        }
        WinHttpCloseHandle(req);
        WinHttpCloseHandle(con);
    }
    pthread_join(t, NULL);
    close(raw_fd);
}

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    pid_t pid;
    port = whs_start_server(&pid);
    CHECK(port > 0, "echo server");
    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    if (port > 0) {
        test_escaping(ses);
        test_header_text(ses);
    }
    test_lenient_responses(ses);
    WinHttpCloseHandle(ses);
    ts_kill(pid);
    return ts_finish("winhttp_headers_text");
}
