#define _GNU_SOURCE
/* WinHTTP over HTTPS against real TLS servers on loopback (python's ssl module, certificates made at
 * test time with the openssl CLI by c_tests/support/winhttp_tls_server.py): a trusted test CA
 * (SSL_CERT_FILE, the Linux stand-in for the Windows certificate store), an unknown CA, a wrong host
 * name and an expired certificate, each failing with ERROR_WINHTTP_SECURE_FAILURE and each relaxed by
 * exactly its own SECURITY_FLAG_IGNORE_* bit; WINHTTP_OPTION_SECURITY_FLAGS queries; keep-alive reuse
 * and uploads over TLS; HTTPS through a named proxy (CONNECT tunnel). */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

enum { GOOD, UNKNOWN, WRONGHOST, EXPIRED, PROXY, SELFCA, NPORTS };
static int ports[NPORTS];
static char dir[256];
static char body[512 * 1024];

/* GET (or POST with data) https://127.0.0.1:port/path on ses with the given security flags set on
 * the request first; returns the status (0 on failure, error in *err) and the body in `body`. */
static DWORD https_call(HINTERNET ses, int port, const wchar_t *verb, const wchar_t *path, DWORD ignore, const char *data, DWORD len, DWORD *err) {
    HINTERNET s = ses, con = NULL;
    HINTERNET req = whs_open(&s, &con, port, verb, path, WINHTTP_FLAG_SECURE);
    DWORD status = 0;
    *err = 0;
    body[0] = 0;
    if (!req) {
        *err = GetLastError();
        return 0;
    }
    if (ignore) CHECK(WinHttpSetOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &ignore, sizeof ignore), "set security flags");
    if (!WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, (LPVOID)data, len, len, 0) || !WinHttpReceiveResponse(req, NULL)) {
        *err = GetLastError();
    } else {
        status = whs_status(req);
        DWORD e;
        if (whs_read_all(req, body, sizeof body, &e) < 0) *err = e;
    }
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    return status;
}

struct cert_case {
    const char *name;
    int server;
    DWORD ignore;
    BOOL ok;
};

static void test_certificate_table(HINTERNET ses) {
    static const struct cert_case cases[] = {
        {"trusted CA", GOOD, 0, TRUE},
        {"unknown CA", UNKNOWN, 0, FALSE},
        {"unknown CA, IGNORE_UNKNOWN_CA", UNKNOWN, SECURITY_FLAG_IGNORE_UNKNOWN_CA, TRUE},
        {"unknown CA, IGNORE_CERT_DATE_INVALID only", UNKNOWN, SECURITY_FLAG_IGNORE_CERT_DATE_INVALID, FALSE},
        {"unknown CA, IGNORE_CERT_CN_INVALID only", UNKNOWN, SECURITY_FLAG_IGNORE_CERT_CN_INVALID, FALSE},
        {"wrong host", WRONGHOST, 0, FALSE},
        {"wrong host, IGNORE_CERT_CN_INVALID", WRONGHOST, SECURITY_FLAG_IGNORE_CERT_CN_INVALID, TRUE},
        {"wrong host, IGNORE_UNKNOWN_CA only", WRONGHOST, SECURITY_FLAG_IGNORE_UNKNOWN_CA, FALSE},
        {"wrong host, IGNORE_CERT_DATE_INVALID only", WRONGHOST, SECURITY_FLAG_IGNORE_CERT_DATE_INVALID, FALSE},
        {"expired", EXPIRED, 0, FALSE},
        {"expired, IGNORE_CERT_DATE_INVALID", EXPIRED, SECURITY_FLAG_IGNORE_CERT_DATE_INVALID, TRUE},
        {"expired, IGNORE_UNKNOWN_CA only", EXPIRED, SECURITY_FLAG_IGNORE_UNKNOWN_CA, FALSE},
        {"expired, IGNORE_CERT_CN_INVALID only", EXPIRED, SECURITY_FLAG_IGNORE_CERT_CN_INVALID, FALSE},
        {"self-signed CA (openssl req -x509)", SELFCA, 0, FALSE},
        {"self-signed CA, IGNORE_UNKNOWN_CA", SELFCA, SECURITY_FLAG_IGNORE_UNKNOWN_CA, TRUE},
        {"self-signed CA, IGNORE_ALL_CERT_ERRORS", SELFCA, SECURITY_FLAG_IGNORE_ALL_CERT_ERRORS, TRUE},
        {"self-signed CA, IGNORE_CERT_CN_INVALID only", SELFCA, SECURITY_FLAG_IGNORE_CERT_CN_INVALID, FALSE},
        {"all four ignored", UNKNOWN,
         SECURITY_FLAG_IGNORE_UNKNOWN_CA | SECURITY_FLAG_IGNORE_CERT_CN_INVALID | SECURITY_FLAG_IGNORE_CERT_DATE_INVALID | SECURITY_FLAG_IGNORE_CERT_WRONG_USAGE, TRUE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct cert_case *c = &cases[i];
        DWORD err;
        DWORD status = https_call(ses, ports[c->server], L"GET", L"/echo", c->ignore, NULL, 0, &err);
        printf("  %-45s status %u error %u\n", c->name, status, err);
        if (c->ok) {
            CHECK(status == 200, "%s: 200 (%u)", c->name, status);
            CHECK(strncmp(body, "GET /echo HTTP/1.1\r\n", 20) == 0, "%s: request arrived through TLS", c->name);
        } else {
            CHECK(status == 0, "%s: refused", c->name);
            CHECK(err == ERROR_WINHTTP_SECURE_FAILURE, "%s: ERROR_WINHTTP_SECURE_FAILURE (%u)", c->name, err);
        }
    }
}

/* A refused certificate, then the classic retry on the same request handle with the ignore flag. */
static void test_retry_with_flags(HINTERNET ses) {
    HINTERNET s = ses, con = NULL;
    HINTERNET req = whs_open(&s, &con, ports[UNKNOWN], L"GET", L"/echo", WINHTTP_FLAG_SECURE);
    DWORD flags = 0, len = sizeof flags;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &flags, &len), "query flags before send");
    /* Windows reports 0 before sending (this test stated SECURITY_FLAG_SECURE, our old answer). */
    CHECK_EQ(flags, 0, "a secure request before sending: 0");
    static const DWORD read_only[] = {SECURITY_FLAG_SECURE, SECURITY_FLAG_STRENGTH_WEAK, SECURITY_FLAG_STRENGTH_MEDIUM,
                                      SECURITY_FLAG_STRENGTH_STRONG, SECURITY_FLAG_SECURE | SECURITY_FLAG_IGNORE_UNKNOWN_CA};
    for (size_t i = 0; i < sizeof read_only / sizeof read_only[0]; i++) {
        SetLastError(0);
        CHECK(!WinHttpSetOption(req, WINHTTP_OPTION_SECURITY_FLAGS, (LPVOID)&read_only[i], sizeof(DWORD)) && GetLastError() == ERROR_INVALID_PARAMETER,
              "read-only bits %#x refused: %u", read_only[i], GetLastError());
    }
    DWORD protocols = WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_2;
    CHECK(!WinHttpSetOption(con, WINHTTP_OPTION_SECURE_PROTOCOLS, &protocols, sizeof protocols) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE,
          "SECURE_PROTOCOLS on a connect handle: %u", GetLastError());
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_SECURE_PROTOCOLS, &protocols, sizeof protocols), "SECURE_PROTOCOLS on the session");
    CHECK(!WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0), "unknown CA refused");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_SECURE_FAILURE, "ERROR_WINHTTP_SECURE_FAILURE");
    flags = SECURITY_FLAG_IGNORE_UNKNOWN_CA;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &flags, sizeof flags), "set IGNORE_UNKNOWN_CA");
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0), "resend: %u", GetLastError());
    CHECK(WinHttpReceiveResponse(req, NULL), "receive: %u", GetLastError());
    CHECK_EQ(whs_status(req), 200, "200 after relaxing");
    len = sizeof flags;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &flags, &len), "query flags after the connection");
    CHECK_EQ(len, sizeof(DWORD), "DWORD size");
    CHECK_EQ(flags, SECURITY_FLAG_SECURE | SECURITY_FLAG_STRENGTH_STRONG | SECURITY_FLAG_IGNORE_UNKNOWN_CA, "secure, strong, and the ignore bit");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);

    /* A plain request reports no security flags. */
    req = whs_open(&s, &con, ports[GOOD], L"GET", L"/", 0);
    len = sizeof flags;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &flags, &len) && flags == 0, "plain request: flags 0 (%u)", flags);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_keep_alive_and_upload(HINTERNET ses) {
    DWORD err;
    /* /count answers how many requests this TLS connection has carried (the table's first case
     * already used it). */
    int first = 0;
    for (int i = 0; i < 3; i++) {
        CHECK(https_call(ses, ports[GOOD], L"GET", L"/count", 0, NULL, 0, &err) == 200, "count %d", i);
        if (i == 0) first = atoi(body);
        CHECK(first >= 1 && atoi(body) == first + i, "TLS connection reused: request %d on it (got %s)", first + i, body);
    }
    /* Upload: lpOptional + WinHttpWriteData over TLS, echoed back byte for byte. */
    static char up[300 * 1024];
    for (size_t i = 0; i < sizeof up; i++) up[i] = (char)(i * 7 + (i >> 9));
    HINTERNET s = ses, con = NULL;
    HINTERNET req = whs_open(&s, &con, ports[GOOD], L"POST", L"/echo", WINHTTP_FLAG_SECURE);
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, up, 1000, sizeof up, 0), "send head + 1000 bytes: %u", GetLastError());
    DWORD done = 0, w;
    for (size_t off = 1000; off < sizeof up; off += done) {
        size_t n = sizeof up - off < 65536 ? sizeof up - off : 65536;
        CHECK(WinHttpWriteData(req, up + off, (DWORD)n, &w) && w == n, "write %zu", n);
        done = (DWORD)n;
    }
    CHECK(WinHttpReceiveResponse(req, NULL), "receive: %u", GetLastError());
    CHECK_EQ(whs_status(req), 200, "upload 200");
    long n = whs_read_all(req, body, sizeof body, &err);
    char *b = strstr(body, "\r\n\r\n");
    CHECK(n > 0 && b && (size_t)(n - (b + 4 - body)) == sizeof up && memcmp(b + 4, up, sizeof up) == 0, "uploaded body echoed byte-exact (%ld)", n);
    CHECK(strstr(body, "Content-Length: 307200\r\n") != NULL, "Content-Length sent");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

static void test_proxy_tunnel(void) {
    wchar_t proxy[64];
    swprintf(proxy, 64, L"127.0.0.1:%d", ports[PROXY]);
    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NAMED_PROXY, proxy, WINHTTP_NO_PROXY_BYPASS, 0);
    CHECK(ses != NULL, "proxy session");
    DWORD err;
    for (int i = 1; i <= 2; i++) {
        char want[8];
        snprintf(want, sizeof want, "%d", i);
        DWORD status = https_call(ses, ports[GOOD], L"GET", L"/count", 0, NULL, 0, &err);
        CHECK(status == 200, "HTTPS through the CONNECT proxy (%u %u)", status, err);
        CHECK(strcmp(body, want) == 0, "tunnel kept alive: request %s on it (got %s)", want, body);
    }
    CHECK_EQ(https_call(ses, ports[UNKNOWN], L"GET", L"/echo", 0, NULL, 0, &err), 0, "unknown CA through the tunnel");
    CHECK_EQ(err, ERROR_WINHTTP_SECURE_FAILURE, "still verified end to end");
    WinHttpCloseHandle(ses);
    char path[300], log[1024] = "";
    snprintf(path, sizeof path, "%s/connects.txt", dir);
    FILE *f = fopen(path, "r");
    if (f) {
        size_t r = fread(log, 1, sizeof log - 1, f);
        log[r] = 0;
        fclose(f);
    }
    char want[64];
    snprintf(want, sizeof want, "CONNECT 127.0.0.1:%d HTTP/1.1\n", ports[GOOD]);
    CHECK(strncmp(log, want, strlen(want)) == 0, "proxy saw the CONNECT line: %s", log);
    CHECK(strstr(log, "GET") == NULL, "no plain request reached the proxy");
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/winhttp_tls.XXXXXX");
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    char script[1024], ps[NPORTS][16];
    const char *argv[4 + NPORTS] = {"python3", ts_source_path("c_tests/support/winhttp_tls_server.py", script, sizeof script), dir};
    for (int i = 0; i < NPORTS; i++) {
        ports[i] = ts_free_port();
        snprintf(ps[i], sizeof ps[i], "%d", ports[i]);
        argv[3 + i] = ps[i];
    }
    pid_t pid = ts_spawn(argv, NULL);
    for (int i = 0; i < NPORTS; i++) CHECK(ts_wait_port(ports[i], 20000) == 0, "TLS server port %d up", i);
    /* The trusted store: rustls-native-certs reads SSL_CERT_FILE, as OpenSSL does. */
    char ca[300];
    snprintf(ca, sizeof ca, "%s/ca.pem", dir);
    setenv("SSL_CERT_FILE", ca, 1);

    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    test_certificate_table(ses);
    test_retry_with_flags(ses);
    test_keep_alive_and_upload(ses);
    WinHttpCloseHandle(ses);
    test_proxy_tunnel();

    ts_kill(pid);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
    return ts_finish("winhttp_tls");
}
