/* Async client benchmark, WinHTTP side: TOTAL GETs of /small over one WINHTTP_FLAG_ASYNC session,
 * CONC requests in flight at a time, each driven from its status callback (send -> receive ->
 * query -> read -> ... -> close -> next). Prints "seconds requests_per_second cpu_us_per_request context_switches_per_request".
 * With "h2" as a fourth argument: https, WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL with HTTP2 on the session (one
 * multiplexed connection; the test certificate is not checked).
 * usage: client_async_winhttp PORT TOTAL CONC [h2] */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>

static HINTERNET ses, con;
static volatile long started, finished;
static long total;
static int h2;
static HANDLE all_done;

struct slot {
    HINTERNET req;
    char buf[4096];
};

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void start(struct slot *s);

static void CALLBACK cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    struct slot *s = (struct slot *)ctx;
    switch (status) {
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
        WinHttpReceiveResponse(h, NULL);
        break;
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE:
        WinHttpQueryDataAvailable(h, NULL);
        break;
    case WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE:
        if (*(DWORD *)info == 0) goto next;
        WinHttpReadData(h, s->buf, sizeof s->buf, NULL);
        break;
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE:
        if (len == 0) goto next;
        WinHttpQueryDataAvailable(h, NULL);
        break;
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR:
        fprintf(stderr, "request error %u\n", ((WINHTTP_ASYNC_RESULT *)info)->dwError);
        goto next;
    }
    return;
next:
    WinHttpCloseHandle(h);
    if (__sync_add_and_fetch(&finished, 1) == total) SetEvent(all_done);
    start(s);
}

static void start(struct slot *s) {
    if (__sync_add_and_fetch(&started, 1) > total) return;
    s->req = WinHttpOpenRequest(con, L"GET", L"/small", NULL, NULL, NULL, h2 ? WINHTTP_FLAG_SECURE : 0);
    if (h2) {
        DWORD f = SECURITY_FLAG_IGNORE_UNKNOWN_CA | SECURITY_FLAG_IGNORE_CERT_CN_INVALID;
        WinHttpSetOption(s->req, WINHTTP_OPTION_SECURITY_FLAGS, &f, sizeof f);
    }
    WinHttpSetStatusCallback(s->req, cb, WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS, 0);
    if (!WinHttpSendRequest(s->req, NULL, 0, NULL, 0, 0, (DWORD_PTR)s)) {
        fprintf(stderr, "send failed %u\n", GetLastError());
        exit(1);
    }
}

int main(int argc, char **argv) {
    int port = atoi(argv[1]);
    total = atol(argv[2]);
    int conc = atoi(argv[3]);
    all_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    h2 = argc > 4 && argv[4][0] == 'h';
    ses = WinHttpOpen(L"bench", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    if (h2) {
        DWORD v = WINHTTP_PROTOCOL_FLAG_HTTP2;
        WinHttpSetOption(ses, WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL, &v, sizeof v);
    }
    con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    struct slot *slots = calloc(conc, sizeof *slots);
    double t0 = now();
    for (int i = 0; i < conc; i++) start(&slots[i]);
    WaitForSingleObject(all_done, INFINITE);
    double t = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru); /* all threads of the process */
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    long csw = ru.ru_nvcsw + ru.ru_nivcsw;
    /* seconds, requests/s, CPU microseconds per request, context switches per request (whole process) */
    printf("%.3f %.0f %.1f %.2f\n", t, total / t, cpu * 1e6 / total, (double)csw / total);
    return 0;
}
