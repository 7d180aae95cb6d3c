#define _GNU_SOURCE
/* WinHTTP cookies and redirect targets, as Windows does them, against the loopback test server:
 * - cookies (RFC 6265): host-only and Domain, Path matching by segment, Secure, Expires/Max-Age
 *   deletion; the Cookie header lists the most recently stored cookie first, Set-Cookie names are
 *   case-sensitive, spaces around '=' are trimmed, and a Cookie header of the caller's own is merged
 *   into one header with the caller's value first;
 * - redirect targets (RFC 3986 section 5): query-only, dot segments, scheme-relative, absolute with a
 *   fragment, an IPv6 literal host; the REDIRECT notification and WINHTTP_OPTION_URL give the URL. */
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include <stdlib.h>
#include "test_support.h"
#include "winhttp_support.h"

static char body[256 * 1024];
static int port;

/* Percent-encodes a query value (everything but unreserved characters). */
static void enc(const char *in, char *out, size_t cap) {
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (; *in && o + 4 < cap; in++) {
        unsigned char c = (unsigned char)*in;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~", c)) {
            out[o++] = (char)c;
        } else {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = 0;
}

static wchar_t last_redirect[512];
static void CALLBACK on_status(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)h; (void)ctx; (void)len;
    if (status == WINHTTP_CALLBACK_STATUS_REDIRECT) wcsncpy(last_redirect, (const wchar_t *)info, 511);
}

/* GETs path from host with optional extra headers; the echoed request head lands in `body`, the final
 * URL in url. Returns the status (0 on failure, error in *err). */
static DWORD fetch(HINTERNET ses, const wchar_t *host, const char *path, const wchar_t *headers, wchar_t *url, DWORD *err) {
    wchar_t wpath[2048];
    mbstowcs(wpath, path, 2047);
    *err = 0;
    body[0] = 0;
    if (url) url[0] = 0;
    HINTERNET con = WinHttpConnect(ses, host, (INTERNET_PORT)port, 0);
    HINTERNET req = con ? WinHttpOpenRequest(con, L"GET", wpath, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0) : NULL;
    DWORD status = 0;
    if (req) WinHttpSetStatusCallback(req, on_status, WINHTTP_CALLBACK_FLAG_REDIRECT, 0);
    if (req && WinHttpSendRequest(req, headers, headers ? (DWORD)-1L : 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL)) {
        status = whs_status(req);
        whs_read_all(req, body, sizeof body, err);
    } else {
        *err = GetLastError();
    }
    if (url && req) {
        DWORD len = 512 * sizeof(wchar_t);
        if (!WinHttpQueryOption(req, WINHTTP_OPTION_URL, url, &len)) url[0] = 0;
    }
    if (req) WinHttpCloseHandle(req);
    if (con) WinHttpCloseHandle(con);
    return status;
}

/* The value of the Cookie header(s) of the echoed request head: "" when none, "+" between two. */
static void cookie_of(char *out, size_t cap) {
    out[0] = 0;
    const char *p = body;
    while ((p = strstr(p, "\r\nCookie: ")) != NULL) {
        p += 10;
        const char *e = strstr(p, "\r\n");
        if (!e) break;
        if (out[0]) strncat(out, "+", cap - strlen(out) - 1);
        strncat(out, p, (size_t)(e - p) < cap - strlen(out) - 1 ? (size_t)(e - p) : cap - strlen(out) - 1);
        p = e;
    }
}

struct cookie_row {
    const char *what;
    const char *set[3];        /* Set-Cookie values, one response each */
    const wchar_t *ask_host;   /* host of the request that carries them back */
    const char *ask_path;
    const wchar_t *own;        /* the caller's own header text, or NULL */
    const char *want;          /* the Cookie header sent ("" = none) */
};

static const struct cookie_row cookie_rows[] = {
    {"newest first", {"a=1", "b=2"}, L"127.0.0.1", "/echo", NULL, "b=2; a=1"},
    {"a re-stored cookie moves first", {"a=1", "b=2", "a=3"}, L"127.0.0.1", "/echo", NULL, "a=3; b=2"},
    {"names are case-sensitive", {"Name=1", "name=2"}, L"127.0.0.1", "/echo", NULL, "name=2; Name=1"},
    {"spaces around = trimmed", {"a = 1 "}, L"127.0.0.1", "/echo", NULL, "a=1"},
    {"caller's Cookie merged, first", {"a=1", "b=2"}, L"127.0.0.1", "/echo", L"Cookie: mine=0\r\n", "mine=0; b=2; a=1"},
    {"Max-Age=0 deletes", {"a=1", "a=x; Max-Age=0"}, L"127.0.0.1", "/echo", NULL, ""},
    {"past Expires deletes", {"a=1", "a=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT"}, L"127.0.0.1", "/echo", NULL, ""},
    {"future Expires kept", {"a=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT"}, L"127.0.0.1", "/echo", NULL, "a=1"},
    {"Secure not sent over http", {"s=1; Secure", "t=2"}, L"127.0.0.1", "/echo", NULL, "t=2"},
    {"host-only stays on its host", {"h=1"}, L"localhost", "/echo", NULL, ""},
    {"foreign Domain ignored", {"d=1; Domain=other.example", "e=2"}, L"127.0.0.1", "/echo", NULL, "e=2"},
    {"HttpOnly sent over HTTP", {"o=1; HttpOnly"}, L"127.0.0.1", "/echo", NULL, "o=1"},
};

static void test_cookies(void) {
    for (size_t i = 0; i < sizeof cookie_rows / sizeof cookie_rows[0]; i++) {
        const struct cookie_row *r = &cookie_rows[i];
        HINTERNET ses = WinHttpOpen(L"cookie-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
        DWORD err;
        for (int k = 0; k < 3 && r->set[k]; k++) {
            char e[256], path[512];
            enc(r->set[k], e, sizeof e);
            snprintf(path, sizeof path, "/sc?c=%s", e);
            CHECK_EQ(fetch(ses, L"127.0.0.1", path, NULL, NULL, &err), 200, r->what);
        }
        CHECK_EQ(fetch(ses, r->ask_host, r->ask_path, r->own, NULL, &err), 200, r->what);
        char got[512];
        cookie_of(got, sizeof got);
        CHECK(strcmp(got, r->want) == 0, "%s: Cookie [%s], want [%s]", r->what, got, r->want);
        WinHttpCloseHandle(ses);
    }
}

/* Path matching by segment (/go without `to` echoes, so the paths live under /go). */
static void test_cookie_paths(void) {
    static const struct { const char *set, *ask, *want; } rows[] = {
        {"p=1; Path=/go/foo", "/go/foobar", ""},
        {"p=1; Path=/go/foo", "/go/foo", "p=1"},
        {"p=1; Path=/go/foo", "/go/foo/x", "p=1"},
        {"p=1; Path=/go/foo/", "/go/foo", ""},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        HINTERNET ses = WinHttpOpen(L"cookie-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
        DWORD err;
        char e[256], path[512], got[512];
        enc(rows[i].set, e, sizeof e);
        snprintf(path, sizeof path, "/sc?c=%s", e);
        fetch(ses, L"127.0.0.1", path, NULL, NULL, &err);
        CHECK_EQ(fetch(ses, L"127.0.0.1", rows[i].ask, NULL, NULL, &err), 200, rows[i].ask);
        cookie_of(got, sizeof got);
        CHECK(strcmp(got, rows[i].want) == 0, "%s then %s: Cookie [%s], want [%s]", rows[i].set, rows[i].ask, got, rows[i].want);
        WinHttpCloseHandle(ses);
    }
}

struct redirect_row {
    const char *from;     /* request path (the ?to= is added) */
    const char *to;       /* Location, %d = the server's port */
    const char *url;      /* the final URL, %d = port */
    const char *line;     /* the request line the server saw last, or NULL (other host) */
};

static const struct redirect_row redirect_rows[] = {
    {"/go/a/b", "?x", "http://127.0.0.1:%d/go/a/b?x", "GET /go/a/b?x HTTP/1.1"},
    {"/go/a/b", "../c", "http://127.0.0.1:%d/go/c", "GET /go/c HTTP/1.1"},
    {"/go/a/b", "./d/../e", "http://127.0.0.1:%d/go/a/e", "GET /go/a/e HTTP/1.1"},
    {"/go/a/b", "../../../../go/top", "http://127.0.0.1:%d/go/top", "GET /go/top HTTP/1.1"},
    {"/go/a/b", "/go/q?x=1", "http://127.0.0.1:%d/go/q?x=1", "GET /go/q?x=1 HTTP/1.1"},
    {"/go/a/b", "//127.0.0.1:%d/go/sr", "http://127.0.0.1:%d/go/sr", "GET /go/sr HTTP/1.1"},
    {"/go/a/b", "http://127.0.0.1:%d/go/abs#frag", "http://127.0.0.1:%d/go/abs", "GET /go/abs HTTP/1.1"},
    {"/go/a/b", "http://localhost:%d/go/other", "http://localhost:%d/go/other", "GET /go/other HTTP/1.1"},
    {"/go/a/b", "http://[::1]:%d/go/v6", "http://[::1]:%d/go/v6", NULL},
};

static void test_redirect_targets(void) {
    HINTERNET ses = WinHttpOpen(L"redirect-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    for (size_t i = 0; i < sizeof redirect_rows / sizeof redirect_rows[0]; i++) {
        const struct redirect_row *r = &redirect_rows[i];
        char to[256], e[512], path[1024], want_url[256], got_url[512];
        snprintf(to, sizeof to, r->to, port);
        snprintf(want_url, sizeof want_url, r->url, port);
        enc(to, e, sizeof e);
        snprintf(path, sizeof path, "%s?to=%s", r->from, e);
        wchar_t url[512];
        DWORD err;
        last_redirect[0] = 0;
        DWORD status = fetch(ses, L"127.0.0.1", path, NULL, url, &err);
        wcstombs(got_url, last_redirect, sizeof got_url);
        CHECK(strcmp(got_url, want_url) == 0, "%s: REDIRECT gave [%s], want [%s]", r->to, got_url, want_url);
        if (r->line) {
            CHECK_EQ(status, 200, r->to);
            CHECK(strncmp(body, r->line, strlen(r->line)) == 0, "%s: request line [%.60s]", r->to, body);
            wcstombs(got_url, url, sizeof got_url);
            CHECK(strcmp(got_url, want_url) == 0, "%s: WINHTTP_OPTION_URL [%s], want [%s]", r->to, got_url, want_url);
        } else {
            /* [::1]: followed when the machine has IPv6 loopback (the server listens there too). */
            CHECK(status == 200 || err == ERROR_WINHTTP_CANNOT_CONNECT, "%s: status %u err %u", r->to, status, err);
        }
    }
    WinHttpCloseHandle(ses);
}

int main(void) {
    pid_t pid;
    port = whs_start_server(&pid);
    CHECK(port != 0, "server started");
    if (port) {
        test_cookies();
        test_cookie_paths();
        test_redirect_targets();
    }
    ts_kill(pid);
    return ts_finish("winhttp_cookies");
}
