#define _GNU_SOURCE
/* The WinHTTP client against independent servers on loopback:
 * - python's http.server (HTTP/1.0, close-delimited connections): a file byte-exact, HEAD, 404, the
 *   directory listing;
 * - nginx (started here with a generated config, prefix in a temp dir, daemon off): keep-alive reuse
 *   proven by nginx's own $connection/$connection_requests, chunked responses (gzip of a static file
 *   has no length in advance), WINHTTP_OPTION_DECOMPRESSION, a PUT accepted by nginx's DAV module and
 *   read back, a 301 followed, an 8 MiB download byte-exact.
 * nginx missing is a failure, not a skip (scripts/install-deps.sh installs it). */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "test_support.h"
#include "winhttp_support.h"

#define BIG (8 * 1024 * 1024)
static char dir[256];
static char *big, *got;
static char text[4096];
static HINTERNET kept_con;
static void release(HINTERNET req);

static void write_file(const char *rel, const void *data, size_t len) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL, "create %s", path);
    if (!f) return;
    CHECK(fwrite(data, 1, len, f) == len, "write %s", path);
    fclose(f);
}

/* One request on ses; returns the status (0 on failure) and the body into out (length into *n). */
static DWORD call(HINTERNET ses, int port, const wchar_t *verb, const wchar_t *path, const wchar_t *headers, const void *data, DWORD len, char *out, size_t cap, long *n, HINTERNET *keep) {
    HINTERNET s = ses, con = NULL;
    HINTERNET req = whs_open(&s, &con, port, verb, path, 0);
    DWORD status = 0, err = 0;
    *n = -1;
    if (req && WinHttpSendRequest(req, headers ? headers : WINHTTP_NO_ADDITIONAL_HEADERS, headers ? (DWORD)-1 : 0, (LPVOID)data, len, len, 0) &&
        WinHttpReceiveResponse(req, NULL)) {
        status = whs_status(req);
        *n = whs_read_all(req, out, cap, &err);
    } else {
        err = GetLastError();
    }
    if (!status) fprintf(stderr, "  %ls %ls failed: %u\n", verb, path, err);
    if (keep) {
        /* The request is queried further: its connect handle stays open until release(). */
        *keep = req;
        kept_con = con;
        return status;
    }
    if (req) WinHttpCloseHandle(req);
    if (con) WinHttpCloseHandle(con);
    return status;
}

static void release(HINTERNET req) {
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(kept_con);
    kept_con = NULL;
}

static BOOL header_is(HINTERNET req, DWORD query, const wchar_t *want) {
    wchar_t w[256];
    DWORD len = sizeof w;
    if (!WinHttpQueryHeaders(req, query, WINHTTP_HEADER_NAME_BY_INDEX, w, &len, WINHTTP_NO_HEADER_INDEX)) {
        fprintf(stderr, "  query %u: error %u\n", query, GetLastError());
        return FALSE;
    }
    if (wcscmp(w, want) != 0) fprintf(stderr, "  query %u: %ls\n", query, w);
    return wcscmp(w, want) == 0;
}

static void test_python_http_server(void) {
    printf("python http.server\n");
    char path[512];
    snprintf(path, sizeof path, "%s", dir);
    int port = ts_free_port();
    char ps[16];
    snprintf(ps, sizeof ps, "%d", port);
    const char *argv[] = {"python3", "-m", "http.server", ps, "--bind", "127.0.0.1", "--directory", path, NULL};
    pid_t pid = ts_spawn(argv, "/dev/null");
    CHECK(ts_wait_port(port, 10000) == 0, "http.server up");
    HINTERNET ses = WinHttpOpen(L"winhttp-peers/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    long n;
    HINTERNET req;
    CHECK_EQ(call(ses, port, L"GET", L"/big.bin", NULL, NULL, 0, got, BIG + 16, &n, &req), 200, "GET file");
    CHECK(n == BIG && memcmp(got, big, BIG) == 0, "8 MiB file byte-exact (%ld)", n);
    CHECK(header_is(req, WINHTTP_QUERY_VERSION, L"HTTP/1.0"), "an HTTP/1.0 server");
    release(req);
    CHECK_EQ(call(ses, port, L"GET", L"/hello.txt", NULL, NULL, 0, text, sizeof text, &n, NULL), 200, "GET small file");
    CHECK(n == 12 && memcmp(text, "hello peers\n", 12) == 0, "small file byte-exact");
    CHECK_EQ(call(ses, port, L"HEAD", L"/hello.txt", NULL, NULL, 0, text, sizeof text, &n, &req), 200, "HEAD");
    CHECK_EQ(n, 0, "HEAD has no body");
    DWORD cl = 0, len = sizeof cl;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_NUMBER, NULL, &cl, &len, NULL) && cl == 12, "HEAD Content-Length 12");
    release(req);
    CHECK_EQ(call(ses, port, L"GET", L"/missing.txt", NULL, NULL, 0, text, sizeof text, &n, NULL), 404, "404");
    CHECK(n > 0 && strstr(text, "File not found") != NULL, "404 page body");
    CHECK_EQ(call(ses, port, L"GET", L"/", NULL, NULL, 0, text, sizeof text, &n, NULL), 200, "directory listing");
    CHECK(strstr(text, "hello.txt") != NULL && strstr(text, "big.bin") != NULL, "listing names the files");
    WinHttpCloseHandle(ses);
    ts_kill(pid);
}

static pid_t start_nginx(int port) {
    char conf[4096], path[512];
    snprintf(conf, sizeof conf,
             "daemon off;\nworker_processes 1;\npid %s/nginx.pid;\nerror_log %s/error.log warn;\n"
             "events { worker_connections 64; }\n"
             "http {\n  access_log off;\n  client_body_temp_path %s/tmp;\n  proxy_temp_path %s/tmp;\n  fastcgi_temp_path %s/tmp;\n"
             "  types { text/plain txt; application/octet-stream bin; }\n  keepalive_requests 1000;\n"
             "  server {\n    listen 127.0.0.1:%d;\n    root %s;\n"
             "    location = /conn { return 200 \"$connection $connection_requests\"; }\n"
             "    location = /old { return 301 /hello.txt; }\n"
             "    location /gz/ { alias %s/; gzip on; gzip_min_length 1; gzip_types *; chunked_transfer_encoding on; }\n"
             "    location /up/ { alias %s/up/; dav_methods PUT; create_full_put_path on; client_max_body_size 0; }\n"
             "  }\n}\n",
             dir, dir, dir, dir, dir, port, dir, dir, dir);
    write_file("nginx.conf", conf, strlen(conf));
    snprintf(path, sizeof path, "%s/tmp", dir);
    mkdir(path, 0777);
    chmod(path, 0777); /* nginx's workers run as an unprivileged user when the test runs as root */
    snprintf(path, sizeof path, "%s/up", dir);
    mkdir(path, 0777);
    chmod(path, 0777);
    const char *nginx = access("/usr/sbin/nginx", X_OK) == 0 ? "/usr/sbin/nginx" : "nginx";
    char cf[512];
    snprintf(cf, sizeof cf, "%s/nginx.conf", dir);
    const char *argv[] = {nginx, "-c", cf, "-p", dir, NULL};
    char log[512];
    snprintf(log, sizeof log, "%s/nginx.out", dir);
    pid_t pid = ts_spawn(argv, log);
    CHECK(ts_wait_port(port, 10000) == 0, "nginx up (installed by scripts/install-deps.sh?)");
    return pid;
}

static unsigned conn0;
/* Asks nginx which connection carries this request: it must be the first one, still. */
static void same_conn(HINTERNET ses, int port, const char *after) {
    long n;
    unsigned c = 0, r = 0;
    CHECK_EQ(call(ses, port, L"GET", L"/conn", NULL, NULL, 0, text, sizeof text, &n, NULL), 200, "GET /conn");
    CHECK(sscanf(text, "%u %u", &c, &r) == 2 && c == conn0, "connection %u still in use after %s (got %s)", conn0, after, text);
}

static void test_nginx(void) {
    printf("nginx\n");
    int port = ts_free_port();
    pid_t pid = start_nginx(port);
    HINTERNET ses = WinHttpOpen(L"winhttp-peers/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    long n;
    HINTERNET req;

    /* Keep-alive: nginx numbers its connections and the requests on each. */
    for (unsigned i = 1; i <= 5; i++) {
        CHECK_EQ(call(ses, port, L"GET", L"/conn", NULL, NULL, 0, text, sizeof text, &n, NULL), 200, "GET /conn");
        unsigned c = 0, r = 0;
        CHECK(sscanf(text, "%u %u", &c, &r) == 2, "conn reply: %s", text);
        if (i == 1) conn0 = c;
        CHECK(c == conn0 && r == i, "request %u on nginx connection %u (got %s)", i, conn0, text);
    }

    /* Chunked: gzip of a static file is sent chunked (its length is unknown in advance). */
    CHECK_EQ(call(ses, port, L"GET", L"/gz/hello.txt", L"Accept-Encoding: gzip\r\n", NULL, 0, got, BIG + 16, &n, &req), 200, "gzip raw");
    CHECK(header_is(req, WINHTTP_QUERY_TRANSFER_ENCODING, L"chunked"), "chunked response");
    CHECK(header_is(req, WINHTTP_QUERY_CONTENT_ENCODING, L"gzip"), "gzip response");
    CHECK(n > 10 && (unsigned char)got[0] == 0x1f && (unsigned char)got[1] == 0x8b, "raw gzip bytes without decompression (%ld)", n);
    release(req);
    same_conn(ses, port, "chunked gzip, raw");
    DWORD dec = WINHTTP_DECOMPRESSION_FLAG_ALL;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_DECOMPRESSION, &dec, sizeof dec), "decompression on");
    CHECK_EQ(call(ses, port, L"GET", L"/gz/big.bin", NULL, NULL, 0, got, BIG + 16, &n, &req), 200, "gzip + chunked 8 MiB");
    CHECK(header_is(req, WINHTTP_QUERY_TRANSFER_ENCODING, L"chunked"), "big gzip chunked");
    CHECK(n == BIG && memcmp(got, big, BIG) == 0, "decompressed 8 MiB byte-exact (%ld)", n);
    release(req);
    dec = 0;
    WinHttpSetOption(ses, WINHTTP_OPTION_DECOMPRESSION, &dec, sizeof dec);
    same_conn(ses, port, "gzip");

    /* 8 MiB with Content-Length. */
    CHECK_EQ(call(ses, port, L"GET", L"/big.bin", NULL, NULL, 0, got, BIG + 16, &n, NULL), 200, "GET 8 MiB");
    CHECK(n == BIG && memcmp(got, big, BIG) == 0, "8 MiB byte-exact (%ld)", n);
    same_conn(ses, port, "8 MiB GET");

    /* PUT: lpOptional plus WinHttpWriteData, stored by nginx, read back. */
    HINTERNET s = ses, con = NULL;
    req = whs_open(&s, &con, port, L"PUT", L"/up/put.bin", 0);
    DWORD total = 3 * 1024 * 1024 + 17, w;
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, big, 4096, total, 0), "PUT send: %u", GetLastError());
    for (DWORD off = 4096; off < total;) {
        DWORD k = total - off < 1000000 ? total - off : 1000000;
        CHECK(WinHttpWriteData(req, big + off, k, &w) && w == k, "PUT write");
        off += k;
    }
    CHECK(WinHttpReceiveResponse(req, NULL), "PUT response: %u", GetLastError());
    DWORD st = whs_status(req);
    CHECK(st == 201 || st == 204, "PUT accepted (%u)", st);
    same_conn(ses, port, "PUT");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    CHECK_EQ(call(ses, port, L"GET", L"/up/put.bin", NULL, NULL, 0, got, BIG + 16, &n, NULL), 200, "GET the uploaded file");
    CHECK(n == (long)total && memcmp(got, big, total) == 0, "uploaded bytes stored byte-exact (%ld)", n);

    /* 301 followed to the target. */
    CHECK_EQ(call(ses, port, L"GET", L"/old", NULL, NULL, 0, text, sizeof text, &n, &req), 200, "301 followed");
    CHECK(n == 12 && memcmp(text, "hello peers\n", 12) == 0, "redirect target body");
    wchar_t url[256];
    DWORD len = sizeof url;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_URL, url, &len) && wcsstr(url, L"/hello.txt") != NULL, "URL is the redirect target: %ls", url);
    same_conn(ses, port, "301");
    release(req);
    DWORD never = WINHTTP_OPTION_REDIRECT_POLICY_NEVER;
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_REDIRECT_POLICY, &never, sizeof never), "redirect policy never");
    CHECK_EQ(call(ses, port, L"GET", L"/old", NULL, NULL, 0, text, sizeof text, &n, NULL), 301, "301 returned with policy NEVER");

    /* Still one connection for all of it. */
    CHECK_EQ(call(ses, port, L"GET", L"/conn", NULL, NULL, 0, text, sizeof text, &n, NULL), 200, "GET /conn again");
    unsigned c = 0, r = 0;
    sscanf(text, "%u %u", &c, &r);
    CHECK(c == conn0 && r > 10, "the same nginx connection carried every request (%s)", text);
    WinHttpCloseHandle(ses);
    ts_kill(pid);
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/winhttp_peers.XXXXXX");
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    chmod(dir, 0755);
    big = malloc(BIG);
    got = malloc(BIG + 16);
    unsigned x = 12345;
    for (size_t i = 0; i < BIG; i++) {
        x = x * 1103515245u + 12345u;
        /* Half random, half repetitive: gzip has something to do and something to gain. */
        big[i] = (i / 4096) % 2 ? (char)(x >> 24) : (char)(i % 61);
    }
    write_file("big.bin", big, BIG);
    write_file("hello.txt", "hello peers\n", 12);
    test_python_http_server();
    test_nginx();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
    free(big);
    free(got);
    return ts_finish("winhttp_peers");
}
