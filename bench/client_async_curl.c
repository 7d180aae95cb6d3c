/* Async client benchmark, libcurl multi side (the reference): TOTAL GETs of /small with CONC
 * transfers in flight at a time on one multi handle (connections reused). Prints "seconds rps cpu_us_per_request context_switches_per_request".
 * With "h2" as a fourth argument: https with HTTP/2 multiplexed on one connection (CURLPIPE_MULTIPLEX,
 * PIPEWAIT; the test certificate is not checked).
 * usage: client_async_curl PORT TOTAL CONC [h2] */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
static size_t sink(char *p, size_t s, size_t n, void *u) { (void)p; (void)u; return s * n; }

int main(int argc, char **argv) {
    int port = atoi(argv[1]);
    long total = atol(argv[2]);
    int conc = atoi(argv[3]);
    int h2 = argc > 4 && argv[4][0] == 'h';
    char url[128];
    snprintf(url, sizeof url, "%s://127.0.0.1:%d/small", h2 ? "https" : "http", port);
    curl_global_init(CURL_GLOBAL_ALL);
    CURLM *m = curl_multi_init();
    curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, (long)conc);
    if (h2) curl_multi_setopt(m, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    long started = 0, finished = 0;
    CURL **easies = calloc(conc, sizeof *easies);
    double t0 = now();
    for (int i = 0; i < conc && started < total; i++, started++) {
        easies[i] = curl_easy_init();
        curl_easy_setopt(easies[i], CURLOPT_URL, url);
        curl_easy_setopt(easies[i], CURLOPT_WRITEFUNCTION, sink);
        if (h2) {
            curl_easy_setopt(easies[i], CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
            curl_easy_setopt(easies[i], CURLOPT_PIPEWAIT, 1L);
            curl_easy_setopt(easies[i], CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(easies[i], CURLOPT_SSL_VERIFYHOST, 0L);
        }
        curl_multi_add_handle(m, easies[i]);
    }
    while (finished < total) {
        int running;
        curl_multi_perform(m, &running);
        CURLMsg *msg;
        int left;
        while ((msg = curl_multi_info_read(m, &left))) {
            if (msg->msg != CURLMSG_DONE) continue;
            CURL *e = msg->easy_handle;
            if (msg->data.result != CURLE_OK) fprintf(stderr, "curl: %s\n", curl_easy_strerror(msg->data.result));
            finished++;
            curl_multi_remove_handle(m, e);
            if (started < total) {
                started++;
                curl_multi_add_handle(m, e); /* same easy handle: its connection is reused */
            } else {
                curl_easy_cleanup(e);
            }
        }
        if (finished < total) curl_multi_poll(m, NULL, 0, 100, NULL);
    }
    double t = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru); /* all threads of the process */
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    long csw = ru.ru_nvcsw + ru.ru_nivcsw;
    /* seconds, requests/s, CPU microseconds per request, context switches per request (whole process) */
    printf("%.3f %.0f %.1f %.2f\n", t, total / t, cpu * 1e6 / total, (double)csw / total);
    curl_multi_cleanup(m);
    return 0;
}
