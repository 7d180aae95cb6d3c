/* WinHTTP authentication as a Windows program drives it, against a loopback server that checks the
 * credentials itself (c_tests/support/winhttp_auth_server.py): WinHttpQueryAuthSchemes,
 * WinHttpSetCredentials (Basic, Digest MD5 and SHA-256), the WINHTTP_OPTION_USERNAME/PASSWORD and
 * PROXY_USERNAME/PASSWORD options (answered inside WinHttpReceiveResponse), a named proxy's 407, and
 * every documented error: bad handles, NULL outputs, wrong state, bad targets and schemes. */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <string.h>
#include "test_support.h"
#include "winhttp_support.h"

static int port;

/* Opens a request for verb/path (through the proxy when ses is a proxy session). */
static HINTERNET open_req(HINTERNET ses, HINTERNET *con, const wchar_t *host, const wchar_t *verb, const wchar_t *path) {
    *con = WinHttpConnect(ses, host, (INTERNET_PORT)port, 0);
    return WinHttpOpenRequest(*con, verb, path, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
}

/* Sends (with optional body) and receives; returns the status (0 on failure, error in *err). */
static DWORD roundtrip(HINTERNET req, const char *body, DWORD *err) {
    DWORD n = body ? (DWORD)strlen(body) : 0;
    *err = 0;
    if (!WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, (LPVOID)body, n, n, 0) || !WinHttpReceiveResponse(req, NULL)) {
        *err = GetLastError();
        return 0;
    }
    return whs_status(req);
}

static void close2(HINTERNET req, HINTERNET con) {
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_query_errors(HINTERNET ses) {
    HINTERNET con, req = open_req(ses, &con, L"127.0.0.1", L"GET", L"/basic");
    DWORD s = 0xdeadbeef, f = 0xdeadbeef, t = 0xdeadbeef, err;
    SetLastError(0xdeadbeef);
    CHECK(!WinHttpQueryAuthSchemes(NULL, &s, &f, &t) && GetLastError() == ERROR_INVALID_HANDLE, "NULL handle: %u", GetLastError());
    CHECK(!WinHttpQueryAuthSchemes(ses, &s, &f, &t) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "session handle: %u", GetLastError());
    CHECK(!WinHttpQueryAuthSchemes(con, &s, &f, &t) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "connect handle: %u", GetLastError());
    CHECK(!WinHttpQueryAuthSchemes(req, NULL, NULL, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL outputs: %u", GetLastError());
    CHECK(!WinHttpQueryAuthSchemes(req, &s, &f, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL target: %u", GetLastError());
    CHECK(!WinHttpQueryAuthSchemes(req, &s, &f, &t) && GetLastError() == ERROR_INVALID_OPERATION, "before send: %u", GetLastError());
    CHECK(s == 0xdeadbeef && f == 0xdeadbeef && t == 0xdeadbeef, "outputs untouched on failure");
    close2(req, con);
    CHECK(!WinHttpQueryAuthSchemes(req, &s, &f, &t) && GetLastError() == ERROR_INVALID_HANDLE, "closed handle: %u", GetLastError());

    /* Responses without a usable challenge. */
    static const wchar_t *const paths[] = {L"/open", L"/noheader", L"/unknown"};
    static const DWORD statuses[] = {200, 401, 401};
    for (int i = 0; i < 3; i++) {
        req = open_req(ses, &con, L"127.0.0.1", L"GET", paths[i]);
        CHECK_EQ(roundtrip(req, NULL, &err), statuses[i], "status");
        SetLastError(0xdeadbeef);
        CHECK(!WinHttpQueryAuthSchemes(req, &s, &f, &t) && GetLastError() == ERROR_INVALID_OPERATION, "%ls: no challenge -> %u", paths[i], GetLastError());
        close2(req, con);
    }
}

static void test_schemes_table(HINTERNET ses) {
    static const struct {
        const wchar_t *path;
        DWORD supported, first;
    } rows[] = {
        {L"/basic", WINHTTP_AUTH_SCHEME_BASIC, WINHTTP_AUTH_SCHEME_BASIC},
        {L"/digest", WINHTTP_AUTH_SCHEME_DIGEST, WINHTTP_AUTH_SCHEME_DIGEST},
        {L"/multi", WINHTTP_AUTH_SCHEME_NEGOTIATE | WINHTTP_AUTH_SCHEME_NTLM | WINHTTP_AUTH_SCHEME_BASIC, WINHTTP_AUTH_SCHEME_NEGOTIATE},
        {L"/multi1", WINHTTP_AUTH_SCHEME_BASIC | WINHTTP_AUTH_SCHEME_DIGEST, WINHTTP_AUTH_SCHEME_BASIC},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        HINTERNET con, req = open_req(ses, &con, L"127.0.0.1", L"GET", rows[i].path);
        DWORD s = 0, f = 0, t = 99, err;
        CHECK_EQ(roundtrip(req, NULL, &err), 401, "challenge status");
        CHECK(WinHttpQueryAuthSchemes(req, &s, &f, &t), "%ls: query schemes (%u)", rows[i].path, GetLastError());
        CHECK(GetLastError() == ERROR_SUCCESS, "last error reset on success");
        CHECK(s == rows[i].supported && f == rows[i].first && t == WINHTTP_AUTH_TARGET_SERVER, "%ls: supported %#x first %#x target %u", rows[i].path, s, f, t);
        close2(req, con);
    }
}

static void test_set_credentials_errors(HINTERNET ses) {
    static const struct {
        DWORD target, scheme;
        const wchar_t *user, *pass;
        DWORD err;
    } rows[] = {
        {2, WINHTTP_AUTH_SCHEME_BASIC, L"user", L"pwd", ERROR_INVALID_PARAMETER},
        {WINHTTP_AUTH_TARGET_SERVER, 0, L"user", L"pwd", ERROR_INVALID_PARAMETER},
        {WINHTTP_AUTH_TARGET_SERVER, 3, L"user", L"pwd", ERROR_INVALID_PARAMETER},
        {WINHTTP_AUTH_TARGET_SERVER, 0x20, L"user", L"pwd", ERROR_INVALID_PARAMETER},
        {WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_BASIC, NULL, NULL, ERROR_INVALID_PARAMETER},
        {WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_BASIC, L"user", NULL, ERROR_INVALID_PARAMETER},
        {WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_BASIC, NULL, L"pwd", ERROR_INVALID_PARAMETER},
        {WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_DIGEST, NULL, NULL, ERROR_INVALID_PARAMETER},
        {WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_NTLM, NULL, NULL, ERROR_NOT_SUPPORTED},
        {WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_NEGOTIATE, L"user", L"pwd", ERROR_NOT_SUPPORTED},
        {WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_PASSPORT, NULL, NULL, ERROR_NOT_SUPPORTED},
        {WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_BASIC, L"user", L"", 0},
        {WINHTTP_AUTH_TARGET_PROXY, WINHTTP_AUTH_SCHEME_DIGEST, L"user", L"pwd", 0},
    };
    HINTERNET con, req = open_req(ses, &con, L"127.0.0.1", L"GET", L"/basic");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        SetLastError(0xdeadbeef);
        BOOL ok = WinHttpSetCredentials(req, rows[i].target, rows[i].scheme, rows[i].user, rows[i].pass, NULL);
        DWORD e = GetLastError();
        CHECK(rows[i].err ? (!ok && e == rows[i].err) : (ok && e == 0), "row %zu: ok %d error %u (want %u)", i, ok, e, rows[i].err);
    }
    CHECK(!WinHttpSetCredentials(NULL, 0, WINHTTP_AUTH_SCHEME_BASIC, L"u", L"p", NULL) && GetLastError() == ERROR_INVALID_HANDLE, "NULL handle");
    CHECK(!WinHttpSetCredentials(ses, 0, WINHTTP_AUTH_SCHEME_BASIC, L"u", L"p", NULL) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "session handle");
    CHECK(!WinHttpSetCredentials(con, 0, WINHTTP_AUTH_SCHEME_BASIC, L"u", L"p", NULL) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "connect handle");
    close2(req, con);
    CHECK(!WinHttpSetCredentials(req, 0, WINHTTP_AUTH_SCHEME_BASIC, L"u", L"p", NULL) && GetLastError() == ERROR_INVALID_HANDLE, "closed handle");
}

/* The documented pattern: send -> 401 -> QueryAuthSchemes -> SetCredentials -> send again on the same
 * handle (lpOptional passed again) -> 200; a wrong password gets the 401 back. */
static void test_challenge_pattern(HINTERNET ses) {
    static const struct {
        const wchar_t *path, *verb, *pass;
        const char *body;
        DWORD scheme, final_status;
        const char *expect;
    } rows[] = {
        {L"/basic", L"GET", L"pwd", NULL, WINHTTP_AUTH_SCHEME_BASIC, 200, "ok GET 0 Basic dXNlcjpwd2Q="},
        {L"/basic", L"POST", L"pwd", "hello body", WINHTTP_AUTH_SCHEME_BASIC, 200, "ok POST 10 Basic dXNlcjpwd2Q="},
        {L"/basic", L"GET", L"wrong", NULL, WINHTTP_AUTH_SCHEME_BASIC, 401, "denied"},
        {L"/digest", L"GET", L"pwd", NULL, WINHTTP_AUTH_SCHEME_DIGEST, 200, "ok GET 0 Digest username=\"user\""},
        {L"/digest", L"PUT", L"pwd", "0123456789abcdef", WINHTTP_AUTH_SCHEME_DIGEST, 200, "ok PUT 16 Digest "},
        {L"/digest256", L"GET", L"pwd", NULL, WINHTTP_AUTH_SCHEME_DIGEST, 200, "ok GET 0 Digest username=\"user\", realm=\"digest@test\""},
        {L"/digest", L"GET", L"wrong", NULL, WINHTTP_AUTH_SCHEME_DIGEST, 401, "denied"},
        {L"/multi", L"GET", L"pwd", NULL, WINHTTP_AUTH_SCHEME_BASIC, 200, "ok GET 0 Basic"},
    };
    char buf[4096];
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        HINTERNET con, req = open_req(ses, &con, L"127.0.0.1", rows[i].verb, rows[i].path);
        DWORD s = 0, f = 0, t = 0, err;
        CHECK_EQ(roundtrip(req, rows[i].body, &err), 401, "first answer");
        CHECK(WinHttpQueryAuthSchemes(req, &s, &f, &t) && (s & rows[i].scheme) && t == WINHTTP_AUTH_TARGET_SERVER, "row %zu schemes %#x", i, s);
        CHECK(WinHttpSetCredentials(req, t, rows[i].scheme, L"user", rows[i].pass, NULL), "row %zu set credentials (%u)", i, GetLastError());
        DWORD st = roundtrip(req, rows[i].body, &err);
        CHECK(st == rows[i].final_status, "row %zu (%ls %ls): status %u (want %u) err %u", i, rows[i].verb, rows[i].path, st, rows[i].final_status, err);
        long n = whs_read_all(req, buf, sizeof buf, &err);
        CHECK(n > 0 && strncmp(buf, rows[i].expect, strlen(rows[i].expect)) == 0, "row %zu body '%s'", i, buf);
        if (rows[i].final_status == 200) {
            wchar_t w[512];
            DWORD len = sizeof w;
            CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_AUTHORIZATION | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, WINHTTP_HEADER_NAME_BY_INDEX, w, &len, WINHTTP_NO_HEADER_INDEX), "request Authorization header visible (%u)", GetLastError());
        }
        close2(req, con);
    }
}

/* Credentials known before the challenge: options answer inside WinHttpReceiveResponse; Basic set
 * with WinHttpSetCredentials goes with the first send; SetCredentials wins over the options. */
static void test_options(HINTERNET ses) {
    static const struct {
        const wchar_t *path, *user, *pass, *cred_pass;
        DWORD disable, status;
    } rows[] = {
        {L"/basic", L"user", L"pwd", NULL, 0, 200},
        {L"/basic", L"user", L"nope", NULL, 0, 401},
        {L"/digest", L"user", L"pwd", NULL, 0, 200},
        {L"/digest256", L"user", L"pwd", NULL, 0, 200},
        {L"/digest", L"user", L"nope", NULL, 0, 401},
        {L"/basic", L"user", L"pwd", NULL, WINHTTP_DISABLE_AUTHENTICATION, 401},
        {L"/basic", NULL, NULL, L"pwd", 0, 200},
        {L"/basic", L"user", L"nope", L"pwd", 0, 200},
        {L"/basic", L"user", L"pwd", L"nope", 0, 401},
        {L"/multi", L"user", L"pwd", NULL, 0, 200},
    };
    char buf[4096];
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        HINTERNET con, req = open_req(ses, &con, L"127.0.0.1", L"GET", rows[i].path);
        DWORD err;
        if (rows[i].user) {
            CHECK(WinHttpSetOption(req, WINHTTP_OPTION_USERNAME, (LPVOID)rows[i].user, (DWORD)wcslen(rows[i].user)), "set username");
            CHECK(WinHttpSetOption(req, WINHTTP_OPTION_PASSWORD, (LPVOID)rows[i].pass, (DWORD)wcslen(rows[i].pass)), "set password");
        }
        if (rows[i].disable) CHECK(WinHttpSetOption(req, WINHTTP_OPTION_DISABLE_FEATURE, (LPVOID)&rows[i].disable, sizeof(DWORD)), "disable auth");
        if (rows[i].cred_pass) CHECK(WinHttpSetCredentials(req, WINHTTP_AUTH_TARGET_SERVER, WINHTTP_AUTH_SCHEME_BASIC, L"user", rows[i].cred_pass, NULL), "set credentials");
        DWORD st = roundtrip(req, NULL, &err);
        CHECK(st == rows[i].status, "row %zu (%ls): status %u want %u (err %u)", i, rows[i].path, st, rows[i].status, err);
        whs_read_all(req, buf, sizeof buf, &err);
        close2(req, con);
    }

    /* The option values read back; they are request options. */
    HINTERNET con, req = open_req(ses, &con, L"127.0.0.1", L"GET", L"/open");
    wchar_t w[64];
    DWORD len = sizeof w;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_USERNAME, w, &len) && len == 0, "unset username reads empty (%u)", len);
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_USERNAME, L"someone", 4), "set username with a length");
    len = sizeof w;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_USERNAME, w, &len) && len == 4 * sizeof(wchar_t) && wcscmp(w, L"some") == 0, "username = first 4 characters");
    len = 2;
    CHECK(!WinHttpQueryOption(req, WINHTTP_OPTION_USERNAME, w, &len) && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len == 5 * sizeof(wchar_t), "small buffer: %u", len);
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_PROXY_PASSWORD, L"pp", 2), "set proxy password");
    len = sizeof w;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_PROXY_PASSWORD, w, &len) && wcscmp(w, L"pp") == 0, "proxy password reads back");
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_USERNAME, L"u", 1) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "username on a session: %u", GetLastError());
    CHECK(!WinHttpSetOption(con, WINHTTP_OPTION_PASSWORD, L"u", 1) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "password on a connect handle: %u", GetLastError());
    close2(req, con);
}

/* WINHTTP_OPTION_AUTOLOGON_POLICY is a request option: programs set it before Basic or Digest (it only
 * governs logging on with the user's own credentials, which has no scheme to apply to here). */
static void test_autologon_policy(HINTERNET ses) {
    static const DWORD policies[] = {WINHTTP_AUTOLOGON_SECURITY_LEVEL_LOW, WINHTTP_AUTOLOGON_SECURITY_LEVEL_MEDIUM,
                                     WINHTTP_AUTOLOGON_SECURITY_LEVEL_HIGH};
    char buf[4096];
    for (size_t i = 0; i < sizeof policies / sizeof policies[0]; i++) {
        const wchar_t *path = i % 2 ? L"/digest" : L"/basic";
        HINTERNET con, req = open_req(ses, &con, L"127.0.0.1", L"GET", path);
        DWORD err, s = 0, f = 0, t = 0;
        CHECK(WinHttpSetOption(req, WINHTTP_OPTION_AUTOLOGON_POLICY, (LPVOID)&policies[i], sizeof(DWORD)), "policy %u accepted on a request (%u)", policies[i], GetLastError());
        CHECK(GetLastError() == ERROR_SUCCESS, "last error reset");
        CHECK_EQ(roundtrip(req, NULL, &err), 401, "challenge");
        CHECK(WinHttpQueryAuthSchemes(req, &s, &f, &t), "schemes");
        CHECK(WinHttpSetCredentials(req, t, f, L"user", L"pwd", NULL), "credentials (%u)", GetLastError());
        CHECK(roundtrip(req, NULL, &err) == 200, "%ls with autologon policy %u: authenticated (err %u)", path, policies[i], err);
        whs_read_all(req, buf, sizeof buf, &err);
        close2(req, con);
    }
    HINTERNET con, req = open_req(ses, &con, L"127.0.0.1", L"GET", L"/open");
    DWORD low = WINHTTP_AUTOLOGON_SECURITY_LEVEL_LOW;
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_AUTOLOGON_POLICY, &low, sizeof low) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "on a session: %u", GetLastError());
    CHECK(!WinHttpSetOption(con, WINHTTP_OPTION_AUTOLOGON_POLICY, &low, sizeof low) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "on a connect handle: %u", GetLastError());
    CHECK(!WinHttpSetOption(req, WINHTTP_OPTION_AUTOLOGON_POLICY, &low, 2), "a buffer shorter than a DWORD is refused");
    close2(req, con);
}

/* A named proxy that wants its own credentials (407), alone and together with the origin's 401. */
static void test_proxy(void) {
    wchar_t proxy[64];
    swprintf(proxy, 64, L"127.0.0.1:%d", port);
    HINTERNET ses = WinHttpOpen(L"auth-test", WINHTTP_ACCESS_TYPE_NAMED_PROXY, proxy, WINHTTP_NO_PROXY_BYPASS, 0);
    CHECK(ses != NULL, "proxy session");
    char buf[4096];
    DWORD err, s = 0, f = 0, t = 0;

    HINTERNET con, req = open_req(ses, &con, L"origin.test", L"GET", L"/open");
    CHECK_EQ(roundtrip(req, NULL, &err), 407, "proxy asks");
    CHECK(WinHttpQueryAuthSchemes(req, &s, &f, &t) && s == WINHTTP_AUTH_SCHEME_BASIC && f == WINHTTP_AUTH_SCHEME_BASIC && t == WINHTTP_AUTH_TARGET_PROXY, "407 schemes %#x %#x target %u", s, f, t);
    CHECK(WinHttpSetCredentials(req, WINHTTP_AUTH_TARGET_PROXY, WINHTTP_AUTH_SCHEME_BASIC, L"proxyuser", L"proxypass", NULL), "proxy credentials");
    CHECK_EQ(roundtrip(req, NULL, &err), 200, "through the proxy");
    whs_read_all(req, buf, sizeof buf, &err);
    CHECK(strcmp(buf, "ok GET 0 -") == 0, "body '%s'", buf);
    close2(req, con);

    req = open_req(ses, &con, L"origin.test", L"GET", L"/open");
    CHECK(WinHttpSetCredentials(req, WINHTTP_AUTH_TARGET_PROXY, WINHTTP_AUTH_SCHEME_BASIC, L"proxyuser", L"bad", NULL), "wrong proxy credentials");
    CHECK_EQ(roundtrip(req, NULL, &err), 407, "wrong proxy password gets 407 back");
    close2(req, con);

    /* Both targets by options: 407 answered, then 401 answered, all inside one receive. */
    req = open_req(ses, &con, L"origin.test", L"POST", L"/basic");
    WinHttpSetOption(req, WINHTTP_OPTION_PROXY_USERNAME, L"proxyuser", 9);
    WinHttpSetOption(req, WINHTTP_OPTION_PROXY_PASSWORD, L"proxypass", 9);
    WinHttpSetOption(req, WINHTTP_OPTION_USERNAME, L"user", 4);
    WinHttpSetOption(req, WINHTTP_OPTION_PASSWORD, L"pwd", 3);
    CHECK_EQ(roundtrip(req, "abc", &err), 200, "proxy and origin answered by options");
    whs_read_all(req, buf, sizeof buf, &err);
    CHECK(strcmp(buf, "ok POST 3 Basic dXNlcjpwd2Q=") == 0, "body '%s'", buf);
    close2(req, con);
    WinHttpCloseHandle(ses);
}

int main(void) {
    pid_t pid;
    port = whs_start_script("c_tests/support/winhttp_auth_server.py", &pid);
    if (!port) {
        fprintf(stderr, "auth server did not start\n");
        return 1;
    }
    HINTERNET ses = WinHttpOpen(L"auth-test", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    test_query_errors(ses);
    test_schemes_table(ses);
    test_set_credentials_errors(ses);
    test_challenge_pattern(ses);
    test_options(ses);
    test_autologon_policy(ses);
    test_proxy();
    WinHttpCloseHandle(ses);
    ts_kill(pid);
    return ts_finish("winhttp_auth");
}
