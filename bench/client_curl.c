/* Client benchmark, libcurl easy API side (the reference): same workloads as client_winhttp.c.
 * usage: client_curl PORT gets N | put BYTES | chunked BYTES | put-ignore BYTES */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define BLOCK (256 * 1024)
static char block[BLOCK];
static unsigned long long left;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
static size_t sink(char *p, size_t s, size_t n, void *u) { (void)p; (void)u; return s * n; }
static size_t source(char *p, size_t s, size_t n, void *u) {
    (void)u;
    size_t want = s * n;
    if (want > left) want = left;
    if (want > BLOCK) want = BLOCK;
    memcpy(p, block, want);
    left -= want;
    return want;
}

int main(int argc, char **argv) {
    if (argc < 4) return 2;
    int port = atoi(argv[1]);
    const char *mode = argv[2];
    unsigned long long n = strtoull(argv[3], NULL, 10);
    memset(block, 'x', sizeof block);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *c = curl_easy_init();
    char url[128];
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink);
    double t0 = now();
    if (!strcmp(mode, "gets")) {
        snprintf(url, sizeof url, "http://127.0.0.1:%d/small", port);
        curl_easy_setopt(c, CURLOPT_URL, url);
        for (unsigned long long i = 0; i < n; i++)
            if (curl_easy_perform(c) != CURLE_OK) return 1;
    } else {
        snprintf(url, sizeof url, "http://127.0.0.1:%d/upload", port);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(c, CURLOPT_READFUNCTION, source);
        curl_easy_setopt(c, CURLOPT_UPLOAD_BUFFERSIZE, (long)BLOCK);
        struct curl_slist *h = NULL;
        h = curl_slist_append(h, "Expect:");
        if (!strcmp(mode, "chunked")) h = curl_slist_append(h, "Transfer-Encoding: chunked");
        else curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)n);
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
        left = n;
        if (curl_easy_perform(c) != CURLE_OK) return 1;
    }
    double t = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%.3f %ld\n", t, ru.ru_maxrss);
    curl_easy_cleanup(c);
    return 0;
}
