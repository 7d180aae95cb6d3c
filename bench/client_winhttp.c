/* Client benchmark, WinHTTP side: the same workloads as bench/client_curl.c.
 * usage: client_winhttp PORT gets N | put BYTES | chunked BYTES | put-ignore BYTES
 * Prints "seconds maxrss_kib". */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define BLOCK (256 * 1024)
static char block[BLOCK + 64];

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what) {
    fprintf(stderr, "%s failed: %u\n", what, GetLastError());
    exit(1);
}

static void finish(HINTERNET req) {
    char buf[4096];
    DWORD got;
    if (!WinHttpReceiveResponse(req, NULL)) die("receive");
    do {
        if (!WinHttpReadData(req, buf, sizeof buf, &got)) die("read");
    } while (got);
}

int main(int argc, char **argv) {
    if (argc < 4) return 2;
    int port = atoi(argv[1]);
    const char *mode = argv[2];
    unsigned long long n = strtoull(argv[3], NULL, 10);
    memset(block, 'x', sizeof block);
    HINTERNET ses = WinHttpOpen(L"bench", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    double t0 = now();
    if (!strcmp(mode, "gets")) {
        for (unsigned long long i = 0; i < n; i++) {
            HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/small", NULL, NULL, NULL, 0);
            if (!WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0)) die("send");
            finish(req);
            WinHttpCloseHandle(req);
        }
    } else {
        HINTERNET req = WinHttpOpenRequest(con, L"PUT", L"/upload", NULL, NULL, NULL, 0);
        BOOL chunked = !strcmp(mode, "chunked");
        BOOL ok;
        if (chunked) {
            ok = WinHttpSendRequest(req, L"Transfer-Encoding: chunked\r\n", (DWORD)-1, NULL, 0, WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH, 0);
        } else if (!strcmp(mode, "put-ignore")) {
            wchar_t h[64];
            swprintf(h, 64, L"Content-Length: %llu\r\n", n);
            ok = WinHttpSendRequest(req, h, (DWORD)-1, NULL, 0, WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH, 0);
        } else {
            ok = WinHttpSendRequest(req, NULL, 0, NULL, 0, (DWORD)n, 0);
        }
        if (!ok) die("send");
        unsigned long long left = n;
        while (left) {
            DWORD len = left < BLOCK ? (DWORD)left : BLOCK, w;
            if (chunked) {
                /* The caller frames each chunk itself (seed page). */
                char head[32];
                int hl = snprintf(head, sizeof head, "%x\r\n", len);
                if (!WinHttpWriteData(req, head, hl, &w)) die("write");
                if (!WinHttpWriteData(req, block, len, &w)) die("write");
                if (!WinHttpWriteData(req, "\r\n", 2, &w)) die("write");
            } else if (!WinHttpWriteData(req, block, len, &w)) {
                die("write");
            }
            left -= len;
        }
        DWORD w;
        if (chunked && !WinHttpWriteData(req, "0\r\n\r\n", 5, &w)) die("write");
        finish(req);
        WinHttpCloseHandle(req);
    }
    double t = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%.3f %ld\n", t, ru.ru_maxrss);
    WinHttpCloseHandle(ses);
    return 0;
}
