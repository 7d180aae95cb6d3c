#define _GNU_SOURCE
/* WinHTTP options that change behaviour, each shown by what happens on the wire (loopback echo
 * server, c_tests/support/winhttp_server.py):
 * WINHTTP_OPTION_CONNECT_RETRIES (a server that starts listening late), WINHTTP_OPTION_RESOLVE_TIMEOUT
 * (a slow name lookup: this program interposes getaddrinfo for the name "slow-resolve.test", standing
 * in for a slow DNS server), WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS, WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE
 * (interim 1xx responses), WINHTTP_OPTION_DISABLE_FEATURE (cookies, redirects, keep-alive) and
 * WINHTTP_OPTION_ENABLE_FEATURE. */
#include <windows.h>
#include <winhttp.h>
#include <dlfcn.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

static int port;
static char body[65536];

/* The slow resolver: "slow-resolve.test" takes 800 ms and then resolves to 127.0.0.1. */
int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res) {
    int (*real)(const char *, const char *, const struct addrinfo *, struct addrinfo **) =
        (int (*)(const char *, const char *, const struct addrinfo *, struct addrinfo **))dlsym(RTLD_NEXT, "getaddrinfo");
    if (node && strcmp(node, "slow-resolve.test") == 0) {
        usleep(800 * 1000);
        node = "127.0.0.1";
    }
    return real(node, service, hints, res);
}

/* Opens a GET on host:p with option `opt` = `value` set on the request (opt 0: none); sends and
 * receives. Returns TRUE on success; the error otherwise in *err. */
static BOOL get_with(HINTERNET ses, const wchar_t *host, int p, const wchar_t *path, DWORD opt, DWORD value, HINTERNET *out, HINTERNET *con, DWORD *err) {
    *con = WinHttpConnect(ses, host, (INTERNET_PORT)p, 0);
    HINTERNET req = WinHttpOpenRequest(*con, L"GET", path, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    *out = req;
    *err = 0;
    if (opt && !WinHttpSetOption(req, opt, &value, sizeof value)) {
        *err = GetLastError();
        return FALSE;
    }
    if (!WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) || !WinHttpReceiveResponse(req, NULL)) {
        *err = GetLastError();
        return FALSE;
    }
    return TRUE;
}

static void done(HINTERNET req, HINTERNET con) {
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_connect_retries(HINTERNET ses) {
    DWORD v = 0, len = sizeof v, err;
    HINTERNET req, con;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_CONNECT_RETRIES, &v, &len) && v == 5, "default connect retries 5 (%u)", v);

    /* One attempt against a port nobody listens on: refused at once. */
    int late = ts_free_port();
    uint64_t t0 = ts_now_ms();
    CHECK(!get_with(ses, L"127.0.0.1", late, L"/echo", WINHTTP_OPTION_CONNECT_RETRIES, 1, &req, &con, &err), "1 attempt: refused");
    CHECK_EQ(err, ERROR_WINHTTP_CANNOT_CONNECT, "ERROR_WINHTTP_CANNOT_CONNECT");
    CHECK(ts_now_ms() - t0 < 300, "one attempt fails at once (%llu ms)", (unsigned long long)(ts_now_ms() - t0));
    done(req, con);

    /* The server starts listening ~300 ms late: 20 attempts (100 ms apart) reach it. */
    char script[1024], cmd[1200];
    snprintf(cmd, sizeof cmd, "sleep 0.3; exec python3 %s %d", ts_source_path("c_tests/support/winhttp_server.py", script, sizeof script), late);
    const char *argv[] = {"sh", "-c", cmd, NULL};
    pid_t pid = ts_spawn(argv, NULL);
    t0 = ts_now_ms();
    BOOL ok = get_with(ses, L"127.0.0.1", late, L"/echo", WINHTTP_OPTION_CONNECT_RETRIES, 20, &req, &con, &err);
    CHECK(ok, "20 attempts reach the late server (error %u after %llu ms)", err, (unsigned long long)(ts_now_ms() - t0));
    CHECK(ts_now_ms() - t0 >= 250, "it did wait for the server");
    CHECK_EQ(whs_status(req), 200, "late server 200");
    done(req, con);
    ts_kill(pid);

    /* The retries stop at the connect timeout. */
    WinHttpSetTimeouts(ses, 0, 250, 1000, 1000);
    t0 = ts_now_ms();
    CHECK(!get_with(ses, L"127.0.0.1", ts_free_port(), L"/echo", WINHTTP_OPTION_CONNECT_RETRIES, 100, &req, &con, &err), "100 attempts, 250 ms connect timeout");
    CHECK_EQ(err, ERROR_WINHTTP_CANNOT_CONNECT, "refused after the timeout");
    CHECK(ts_now_ms() - t0 < 1500, "bounded by the connect timeout (%llu ms)", (unsigned long long)(ts_now_ms() - t0));
    done(req, con);
    WinHttpSetTimeouts(ses, 0, 60000, 30000, 30000);
}

static void test_resolve_timeout(HINTERNET ses) {
    DWORD err;
    HINTERNET req, con;
    uint64_t t0 = ts_now_ms();
    CHECK(!get_with(ses, L"slow-resolve.test", port, L"/echo", WINHTTP_OPTION_RESOLVE_TIMEOUT, 200, &req, &con, &err), "slow lookup, 200 ms resolve timeout");
    CHECK_EQ(err, ERROR_WINHTTP_TIMEOUT, "ERROR_WINHTTP_TIMEOUT");
    uint64_t took = ts_now_ms() - t0;
    CHECK(took >= 150 && took < 700, "gave up at the resolve timeout (%llu ms)", (unsigned long long)took);
    done(req, con);
    DWORD v = 0, len = sizeof v;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_RESOLVE_TIMEOUT, &v, &len) && v == 0, "session resolve timeout untouched (infinite)");
    t0 = ts_now_ms();
    CHECK(get_with(ses, L"slow-resolve.test", port, L"/echo", 0, 0, &req, &con, &err), "no resolve timeout: waits for the lookup (%u)", err);
    CHECK(ts_now_ms() - t0 >= 750, "the lookup took its 800 ms");
    CHECK_EQ(whs_status(req), 200, "slow lookup then 200");
    done(req, con);
    CHECK(get_with(ses, L"localhost", port, L"/echo", WINHTTP_OPTION_RESOLVE_TIMEOUT, 5000, &req, &con, &err), "fast lookup under a resolve timeout (%u)", err);
    done(req, con);
    CHECK(!get_with(ses, L"no-such-host.invalid", port, L"/echo", WINHTTP_OPTION_RESOLVE_TIMEOUT, 5000, &req, &con, &err), "unknown name under a resolve timeout");
    CHECK_EQ(err, ERROR_WINHTTP_NAME_NOT_RESOLVED, "ERROR_WINHTTP_NAME_NOT_RESOLVED");
    done(req, con);
}

static void test_redirect_limit(HINTERNET ses) {
    DWORD err, v = 0, len = sizeof v;
    HINTERNET req, con;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS, &v, &len) && v == 10, "default max redirects 10 (%u)", v);
    /* /redirect3 is three 302s away from /echo. */
    CHECK(!get_with(ses, L"127.0.0.1", port, L"/redirect3", WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS, 2, &req, &con, &err), "3 redirects, limit 2");
    CHECK_EQ(err, ERROR_WINHTTP_REDIRECT_FAILED, "ERROR_WINHTTP_REDIRECT_FAILED");
    done(req, con);
    CHECK(get_with(ses, L"127.0.0.1", port, L"/redirect3", WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS, 3, &req, &con, &err), "3 redirects, limit 3 (%u)", err);
    CHECK_EQ(whs_status(req), 200, "reached /echo");
    wchar_t url[256];
    len = sizeof url;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_URL, url, &len) && wcsstr(url, L"/echo") != NULL, "final URL /echo");
    done(req, con);
}

static void test_status_continue(HINTERNET ses) {
    DWORD err, v = 0, len = sizeof v;
    HINTERNET req, con;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE, &v, &len) && v == 10, "default max 1xx 10 (%u)", v);
    CHECK(get_with(ses, L"127.0.0.1", port, L"/continue3", 0, 0, &req, &con, &err), "three interim responses skipped (%u)", err);
    CHECK_EQ(whs_status(req), 200, "final 200");
    long n = whs_read_all(req, body, sizeof body, &err);
    CHECK(n == 5 && memcmp(body, "final", 5) == 0, "final body");
    done(req, con);
    CHECK(get_with(ses, L"127.0.0.1", port, L"/continue3", WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE, 3, &req, &con, &err), "3 interim, limit 3 (%u)", err);
    done(req, con);
    CHECK(!get_with(ses, L"127.0.0.1", port, L"/continue3", WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE, 2, &req, &con, &err), "3 interim, limit 2");
    CHECK_EQ(err, ERROR_WINHTTP_INVALID_SERVER_RESPONSE, "ERROR_WINHTTP_INVALID_SERVER_RESPONSE");
    done(req, con);
    CHECK(!get_with(ses, L"127.0.0.1", port, L"/continue11", 0, 0, &req, &con, &err), "11 interim, default limit 10");
    CHECK_EQ(err, ERROR_WINHTTP_INVALID_SERVER_RESPONSE, "over the default limit");
    done(req, con);
}

static void test_disable_features(void) {
    HINTERNET ses = WinHttpOpen(L"features/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    DWORD err;
    HINTERNET req, con;
    /* Cookies: the session keeps /setcookie's cookies, except for a request that disabled them. */
    CHECK(get_with(ses, L"127.0.0.1", port, L"/setcookie", 0, 0, &req, &con, &err), "set cookies");
    done(req, con);
    CHECK(get_with(ses, L"127.0.0.1", port, L"/echo", 0, 0, &req, &con, &err), "echo with cookies");
    whs_read_all(req, body, sizeof body, &err);
    CHECK(strstr(body, "\r\nCookie: b=2; a=1\r\n") != NULL, "cookies sent by default, newest first");
    done(req, con);
    CHECK(get_with(ses, L"127.0.0.1", port, L"/echo", WINHTTP_OPTION_DISABLE_FEATURE, WINHTTP_DISABLE_COOKIES, &req, &con, &err), "echo, cookies disabled");
    whs_read_all(req, body, sizeof body, &err);
    CHECK(strstr(body, "Cookie:") == NULL, "no cookie with WINHTTP_DISABLE_COOKIES");
    done(req, con);
    /* Redirects. */
    CHECK(get_with(ses, L"127.0.0.1", port, L"/redirect1", WINHTTP_OPTION_DISABLE_FEATURE, WINHTTP_DISABLE_REDIRECTS, &req, &con, &err), "redirects disabled");
    CHECK_EQ(whs_status(req), 302, "302 handed to the caller");
    done(req, con);
    /* Keep-alive: Connection: close on the wire, and a fresh connection each time. */
    CHECK(get_with(ses, L"127.0.0.1", port, L"/count", 0, 0, &req, &con, &err), "count");
    whs_read_all(req, body, sizeof body, &err);
    done(req, con);
    int before = atoi(body);
    CHECK(get_with(ses, L"127.0.0.1", port, L"/count", 0, 0, &req, &con, &err), "count again");
    whs_read_all(req, body, sizeof body, &err);
    CHECK_EQ(atoi(body), before + 1, "kept alive by default");
    done(req, con);
    for (int i = 0; i < 2; i++) {
        CHECK(get_with(ses, L"127.0.0.1", port, L"/echo", WINHTTP_OPTION_DISABLE_FEATURE, WINHTTP_DISABLE_KEEP_ALIVE, &req, &con, &err), "keep-alive disabled");
        whs_read_all(req, body, sizeof body, &err);
        CHECK(strstr(body, "\r\nConnection: close\r\n") != NULL, "Connection: close sent");
        done(req, con);
        CHECK(get_with(ses, L"127.0.0.1", port, L"/count", WINHTTP_OPTION_DISABLE_FEATURE, WINHTTP_DISABLE_KEEP_ALIVE, &req, &con, &err), "count, keep-alive disabled");
        whs_read_all(req, body, sizeof body, &err);
        CHECK_EQ(atoi(body), 1, "a new connection for every request");
        done(req, con);
    }
    /* ENABLE_FEATURE: the documented values are accepted, others refused. */
    con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, 0);
    DWORD v = WINHTTP_ENABLE_SSL_REVOCATION;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_ENABLE_FEATURE, &v, sizeof v), "WINHTTP_ENABLE_SSL_REVOCATION accepted");
    v = WINHTTP_ENABLE_SSL_REVERT_IMPERSONATION;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_ENABLE_FEATURE, &v, sizeof v), "WINHTTP_ENABLE_SSL_REVERT_IMPERSONATION accepted");
    v = 0x80;
    CHECK(!WinHttpSetOption(req, WINHTTP_OPTION_ENABLE_FEATURE, &v, sizeof v) && GetLastError() == ERROR_INVALID_PARAMETER, "unknown feature bit refused");
    done(req, con);
    WinHttpCloseHandle(ses);
}

int main(void) {
    pid_t pid;
    port = whs_start_server(&pid);
    CHECK(port != 0, "server started");
    HINTERNET ses = WinHttpOpen(L"features/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    test_connect_retries(ses);
    test_resolve_timeout(ses);
    test_redirect_limit(ses);
    test_status_continue(ses);
    WinHttpCloseHandle(ses);
    test_disable_features();
    ts_kill(pid);
    return ts_finish("winhttp_features");
}
