/* Strict framing: every request-smuggling shape and malformed head gets 400 (or 413/414/417/501 where
 * that is the fitting answer) and a closed connection, and the application never sees the request.
 * Each row is sent raw on a fresh connection. Rows marked "at once" send only a request line that cannot
 * start a request: http.sys answers 400 with Connection: close as soon as that line is complete, without
 * waiting for the rest of the head, and closes gracefully (a FIN, not a reset). A well-formed trailer
 * section is read and dropped: the body and a pipelined request after it are served. */
#include "httpapi_support.h"
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char out[65536];

struct row {
    const char *what;
    const char *request; /* %H is replaced by the Host header line */
    const char *status;
    int at_once; /* answered within a second although the head is not complete */
};

static const struct row rows[] = {
    {"Content-Length and Transfer-Encoding", "POST /x HTTP/1.1\r\n%HContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400", 0},
    {"two different Content-Lengths", "POST /x HTTP/1.1\r\n%HContent-Length: 4\r\nContent-Length: 5\r\n\r\nabcde", "400", 0},
    {"Content-Length list", "POST /x HTTP/1.1\r\n%HContent-Length: 4, 4\r\n\r\nabcd", "400", 0},
    {"negative Content-Length", "POST /x HTTP/1.1\r\n%HContent-Length: -4\r\n\r\n", "400", 0},
    {"absurd Content-Length", "POST /x HTTP/1.1\r\n%HContent-Length: 999999999999999999999999\r\n\r\n", "400", 0},
    {"Content-Length with sign", "POST /x HTTP/1.1\r\n%HContent-Length: +4\r\n\r\nabcd", "400", 0},
    {"bad chunk size", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", "400", 0},
    {"empty chunk size", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: chunked\r\n\r\n\r\nabc\r\n0\r\n\r\n", "400", 0},
    {"chunk size overflow", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: chunked\r\n\r\n11111111111111111\r\nabc\r\n", "400", 0},
    {"chunk data without CRLF", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", "400", 0},
    {"unknown transfer coding", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: gzip\r\n\r\n", "501", 0},
    {"two Transfer-Encoding fields", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400", 0},
    {"bare LF in request line", "GET /x HTTP/1.1\n%H\r\n", "400", 0},
    {"bare LF after a header", "GET /x HTTP/1.1\r\nHost: a\nX: y\r\n\r\n", "400", 0},
    {"obs-fold", "GET /x HTTP/1.1\r\n%HX-A: b\r\n c\r\n\r\n", "400", 0},
    {"space before colon", "GET /x HTTP/1.1\r\n%HX-A : b\r\n\r\n", "400", 0},
    {"control byte in value", "GET /x HTTP/1.1\r\n%HX-A: b\x01c\r\n\r\n", "400", 0},
    {"NUL in header name", "GET /x HTTP/1.1\r\n%HX\x00A: b\r\n\r\n", "400", 0},
    {"no Host in HTTP/1.1", "GET /x HTTP/1.1\r\n\r\n", "400", 0},
    {"two Host fields", "GET /x HTTP/1.1\r\n%HHost: b\r\n\r\n", "400", 0},
    {"bad Host", "GET /x HTTP/1.1\r\nHost: a b/c\r\n\r\n", "400", 0},
    {"not HTTP", "foo\r\n\r\n", "400", 0},
    {"relative target", "GET x HTTP/1.1\r\n%H\r\n", "400", 0},
    {"unknown Expect", "GET /x HTTP/1.1\r\n%HExpect: teapot\r\n\r\n", "417", 0},
    {"trailer line without colon", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nNoColon\r\n\r\n", "400", 0},
    {"trailer with space before colon", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T : 1\r\n\r\n", "400", 0},
    {"request line after the last chunk", "POST /x HTTP/1.1\r\n%HTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nGET /y HTTP/1.1\r\n%H\r\n", "400", 0},
    {"CONNECT with origin-form target", "CONNECT /x HTTP/1.1\r\n%H\r\n", "400", 0},
    {"CONNECT with authority-form target", "CONNECT 127.0.0.1:443 HTTP/1.1\r\n%H\r\n", "400", 0},
    {"not a request line, at once", "foo\r\n", "400", 1},
    {"request line ending CR CR LF, at once", "GET /x HTTP/1.1\r\r\n", "400", 1},
    {"CONNECT request line, at once", "CONNECT /x HTTP/1.1\r\n", "400", 1},
};

static int build(char *dst, size_t cap, const char *tmpl, size_t *len) {
    size_t n = 0;
    for (const char *p = tmpl; *p; p++) {
        if (p[0] == '%' && p[1] == 'H') {
            n += (size_t)snprintf(dst + n, cap - n, "Host: 127.0.0.1\r\n");
            p++;
        } else {
            dst[n++] = *p;
        }
    }
    *len = n;
    return 0;
}

int main(void) {
    hs_init();
    HANDLE q;
    int port = hs_v1_queue(&q, "/");
    CHECK(port > 0, "queue");
    hs_app app;
    hs_app_start(&app, q);
    char req[70000];
    size_t len;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        build(req, sizeof req, rows[i].request, &len);
        if (strstr(rows[i].what, "NUL")) { /* the template cannot carry a NUL byte */
            static const char nul_req[] = "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nX\0A: b\r\n\r\n";
            memcpy(req, nul_req, sizeof nul_req - 1);
            len = sizeof nul_req - 1;
        }
        int fd = ts_connect(port, 0);
        uint64_t t0 = ts_now_ms();
        ts_send_all(fd, req, len);
        ssize_t n = ts_recv_all(fd, out, sizeof out, 3000);
        uint64_t took = ts_now_ms() - t0;
        char want[32];
        snprintf(want, sizeof want, "HTTP/1.1 %s ", rows[i].status);
        int status_ok = n > 0 && !strncmp(out, want, strlen(want));
        int closed = ts_peer_closed(fd, 1000);
        CHECK(status_ok && closed, "%s: want %s and close, got %.40s", rows[i].what, rows[i].status, n > 0 ? out : "(nothing)");
        if (rows[i].at_once) {
            char one;
            CHECK(took < 1500, "%s: answered and closed at once (took %llu ms)", rows[i].what, (unsigned long long)took);
            CHECK(n > 0 && strstr(out, "\r\nConnection: close\r\n") != NULL, "%s: Connection: close", rows[i].what);
            CHECK(recv(fd, &one, 1, 0) == 0, "%s: a graceful close (FIN, no reset)", rows[i].what);
        }
        printf("  %-40s -> %.12s%s\n", rows[i].what, n > 0 ? out : "(nothing)", closed ? ", closed" : "");
        close(fd);
    }
    /* Oversized heads: a 20 KiB header (400) and a 20 KiB URL (414). */
    {
        char *big = (char *)malloc(30000);
        int k = snprintf(big, 30000, "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ");
        memset(big + k, 'a', 20000);
        strcpy(big + k + 20000, "\r\n\r\n");
        ssize_t n = hs_exchange(port, big, strlen(big), out, sizeof out, 3000);
        CHECK(n > 0 && !strncmp(out, "HTTP/1.1 400 ", 13), "head over 16 KiB: %.20s", out);
        k = snprintf(big, 30000, "GET /");
        memset(big + k, 'a', 20000);
        strcpy(big + k + 20000, " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        n = hs_exchange(port, big, strlen(big), out, sizeof out, 3000);
        CHECK(n > 0 && !strncmp(out, "HTTP/1.1 414 ", 13), "URL over 16 KiB: %.20s", out);
        /* A head that fits 16 KiB but whose cooked URL (scheme and local address added, 4 bytes a
         * WCHAR) passes the USHORT HTTP_COOKED_URL.FullUrlLength: 414, not a wrapped length. */
        k = snprintf(big, 30000, "GET /");
        memset(big + k, 'a', 16366);
        strcpy(big + k + 16366, " HTTP/1.0\r\n\r\n");
        n = hs_exchange(port, big, strlen(big), out, sizeof out, 3000);
        CHECK(n > 0 && !strncmp(out, "HTTP/1.1 414 ", 13), "cooked URL over 65535 bytes: %.20s", out);
        free(big);
    }
    CHECK_EQ(app.served, 0, "the application saw none of them");
    /* And a good request on the same server still works. */
    const char good[] = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    ssize_t n = hs_exchange(port, good, strlen(good), out, sizeof out, 3000);
    CHECK(n > 0 && strstr(out, "\r\n\r\nhello"), "a well-formed request is served: %.40s", out);
    /* A chunked body's well-formed trailer section is read and dropped (http.sys gives request trailers to no
     * API): the body arrives whole, and the request pipelined after it is served on the same connection. */
    const char trailed[] = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "3\r\nabc\r\n0\r\nX-Req-Trailer: 1\r\n\r\n"
                           "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    n = hs_exchange(port, trailed, strlen(trailed), out, sizeof out, 3000);
    const char *second = n > 0 ? strstr(out, "\r\n\r\nabc") : NULL;
    CHECK(second && !strncmp(out, "HTTP/1.1 200 ", 13) && strstr(second, "HTTP/1.1 200 ") && strstr(second, "\r\n\r\nhello"),
          "a chunked body with a trailer, then a pipelined request: %.200s", n > 0 ? out : "(nothing)");
    hs_app_stop(&app);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return ts_finish("httpapi_framing");
}
