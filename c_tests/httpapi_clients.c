/* The HTTP Server API serving real clients: curl (GET, binary POST echoed byte-exact, chunked upload,
 * keep-alive reuse, streamed response), python's http.client, and raw sockets for pipelining, HEAD,
 * HTTP/1.0 and Expect: 100-continue. The server side is a plain Windows-style application thread. */
#include "httpapi_support.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <locale.h>

static char out[1 << 20];

static void write_file(const char *path, size_t n) {
    FILE *f = fopen(path, "wb");
    for (size_t i = 0; i < n; i++)
        fputc((int)((i * 7919u + (i >> 8)) & 0xff), f);
    fclose(f);
}

static int same_files(const char *a, const char *b) {
    const char *argv[] = {"cmp", "-s", a, b, NULL};
    return ts_run(argv, NULL, 0, 10000) == 0;
}

static void test_curl(int port, hs_app *app) {
    char url[128], url2[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hello", port);
    {
        const char *argv[] = {"curl", "-sS", "-i", url, NULL};
        CHECK(ts_run(argv, out, sizeof out, 10000) == 0, "curl GET");
        CHECK(strstr(out, "HTTP/1.1 200 OK\r\n") != NULL, "status line: %.60s", out);
        CHECK(strstr(out, "\r\nServer: Microsoft-HTTPAPI/") != NULL, "Server header");
        CHECK(strstr(out, "\r\nDate: ") != NULL, "Date header");
        CHECK(strstr(out, "\r\nContent-Length: 5\r\n") != NULL, "Content-Length");
        CHECK(strstr(out, "\r\n\r\nhello") != NULL, "body");
    }
    write_file("/tmp/httpapi_clients_in.bin", 300000);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/echo", port);
    {
        const char *argv[] = {"curl", "-sS", "--data-binary", "@/tmp/httpapi_clients_in.bin", "-o", "/tmp/httpapi_clients_out.bin", url, NULL};
        CHECK(ts_run(argv, NULL, 0, 20000) == 0, "curl POST");
        CHECK(same_files("/tmp/httpapi_clients_in.bin", "/tmp/httpapi_clients_out.bin"), "binary POST echoed byte-exact");
    }
    {
        const char *argv[] = {"curl", "-sS", "-H", "Transfer-Encoding: chunked", "--data-binary", "@/tmp/httpapi_clients_in.bin",
                              "-o", "/tmp/httpapi_clients_out2.bin", url, NULL};
        CHECK(ts_run(argv, NULL, 0, 20000) == 0, "curl chunked POST");
        CHECK(same_files("/tmp/httpapi_clients_in.bin", "/tmp/httpapi_clients_out2.bin"), "chunked upload de-chunked and echoed");
    }
    {
        const char *argv[] = {"curl", "-sS", "-H", "Expect: 100-continue", "--data-binary", "@/tmp/httpapi_clients_in.bin",
                              "-o", "/tmp/httpapi_clients_out3.bin", "-w", "%{time_total}", url, NULL};
        CHECK(ts_run(argv, out, sizeof out, 20000) == 0, "curl POST with Expect: 100-continue");
        CHECK(same_files("/tmp/httpapi_clients_in.bin", "/tmp/httpapi_clients_out3.bin"), "100-continue body echoed");
        CHECK(atof(out) < 0.9, "100 Continue answered at once (took %s s)", out);
    }
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hello", port);
    snprintf(url2, sizeof url2, "http://127.0.0.1:%d/second", port);
    {
        const char *argv[] = {"curl", "-sS", url, url2, NULL};
        CHECK(ts_run(argv, out, sizeof out, 10000) == 0, "curl two URLs");
        CHECK(!strcmp(out, "hello/second"), "both bodies: %s", out);
        CHECK(app->last_conn[0] == app->last_conn[1], "keep-alive: same ConnectionId for both requests");
    }
    /* http.sys adds no chunked framing: streamed without a length, the body is raw and ends with the
     * connection; with the application's own Transfer-Encoding: chunked, its chunks pass through once and
     * the connection stays. */
    snprintf(url, sizeof url, "http://127.0.0.1:%d/stream", port);
    {
        const char *argv[] = {"curl", "-sS", "-i", url, NULL};
        CHECK(ts_run(argv, out, sizeof out, 10000) == 0, "curl streamed GET");
        CHECK(strstr(out, "Transfer-Encoding") == NULL && strstr(out, "Content-Length") == NULL,
              "streamed response is not framed by the server: %s", out);
        CHECK(strstr(out, "\r\n\r\none,two,three") != NULL, "streamed body: %s", out);
    }
    snprintf(url, sizeof url, "http://127.0.0.1:%d/stream-chunked", port);
    snprintf(url2, sizeof url2, "http://127.0.0.1:%d/second", port);
    {
        const char *argv[] = {"curl", "-sS", "-i", url, NULL};
        CHECK(ts_run(argv, out, sizeof out, 10000) == 0, "curl application-chunked GET");
        char *te = strstr(out, "\r\nTransfer-Encoding: chunked\r\n");
        CHECK(te != NULL && strstr(te + 4, "Transfer-Encoding") == NULL, "one Transfer-Encoding header: %s", out);
        CHECK(strstr(out, "\r\n\r\none,two,three") != NULL, "chunks decoded by curl: %s", out);
        const char *argv2[] = {"curl", "-sS", url, url2, NULL};
        CHECK(ts_run(argv2, out, sizeof out, 10000) == 0, "curl application-chunked then another");
        CHECK(!strcmp(out, "one,two,three/second"), "both bodies: %s", out);
        CHECK(app->last_conn[0] == app->last_conn[1], "keep-alive after application-framed chunks");
    }
}

static void test_python(int port) {
    char script[] = "/tmp/httpapi_clients_XXXXXX.py";
    int fd = mkstemps(script, 3);
    FILE *f = fdopen(fd, "w");
    fprintf(f,
            "import http.client, sys\n"
            "c = http.client.HTTPConnection('127.0.0.1', %d, timeout=10)\n"
            "c.request('GET', '/hello')\n"
            "r = c.getresponse(); b = r.read()\n"
            "assert r.status == 200 and b == b'hello', (r.status, b)\n"
            "body = bytes(range(256)) * 300\n"
            "c.request('POST', '/echo', body=body)\n"
            "r = c.getresponse(); b = r.read()\n"
            "assert b == body, len(b)\n"
            "c.request('GET', '/caf%%C3%%A9/x')\n"
            "r = c.getresponse(); b = r.read()\n"
            "assert b == '/caf\\u00e9/x'.encode(), b\n"
            "c.request('GET', '/stream-chunked')\n"
            "r = c.getresponse(); b = r.read()\n"
            "assert b == b'one,two,three' and r.getheader('Transfer-Encoding') == 'chunked', (b, r.getheaders())\n"
            "sock = c.sock\n"
            "c.request('GET', '/hello')\n"
            "r = c.getresponse(); b = r.read()\n"
            "assert b == b'hello' and c.sock is sock, 'kept alive after application chunks'\n"
            "c.request('GET', '/stream')\n"
            "r = c.getresponse(); b = r.read()\n"
            "assert b == b'one,two,three' and r.getheader('Transfer-Encoding') is None, (b, r.getheaders())\n"
            "assert r.will_close and r.getheader('Content-Length') is None, 'the close ends a raw stream'\n"
            "print('python ok')\n",
            port);
    fclose(f);
    const char *argv[] = {"python3", script, NULL};
    int rc = ts_run(argv, out, sizeof out, 20000);
    CHECK(rc == 0 && strstr(out, "python ok"), "python http.client: %s", out);
    unlink(script);
}

static void test_raw(int port) {
    char req[512];
    ssize_t n;
    /* Pipelined: two requests in one write, two responses in order. */
    snprintf(req, sizeof req, "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /p2 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    n = hs_exchange(port, req, strlen(req), out, sizeof out, 5000);
    char *first = strstr(out, "hello"), *second = strstr(out, "/p2");
    CHECK(n > 0 && first && second && first < second, "pipelined responses in order: %s", out);
    /* HEAD: length, no body. */
    snprintf(req, sizeof req, "HEAD /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    n = hs_exchange(port, req, strlen(req), out, sizeof out, 5000);
    CHECK(n > 0 && strstr(out, "Content-Length: 5\r\n") && !strstr(out, "hello"), "HEAD has no body: %s", out);
    /* HTTP/1.0 without keep-alive: answered and closed. */
    snprintf(req, sizeof req, "GET /hello HTTP/1.0\r\n\r\n");
    n = hs_exchange(port, req, strlen(req), out, sizeof out, 5000);
    CHECK(n > 0 && strstr(out, "\r\n\r\nhello") && strstr(out, "Connection: close"), "HTTP/1.0 answered and closed: %s", out);
    /* DISCONNECT flag closes after the response. */
    snprintf(req, sizeof req, "GET /close HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    n = hs_exchange(port, req, strlen(req), out, sizeof out, 5000);
    CHECK(n > 0 && strstr(out, "\r\n\r\nbye"), "DISCONNECT: body then close: %s", out);
    /* Expect: 100-continue answered when the application reads the body. */
    int fd = ts_connect(port, 0);
    snprintf(req, sizeof req, "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
    ts_send_all(fd, req, strlen(req));
    n = ts_recv_until(fd, out, sizeof out, "\r\n\r\n", 5000);
    CHECK(n > 0 && !strncmp(out, "HTTP/1.1 100 Continue\r\n\r\n", 25), "100 Continue: %s", out);
    ts_send_all(fd, "ping", 4);
    n = ts_recv_until(fd, out, sizeof out, "ping", 5000);
    CHECK(n > 0 && strstr(out, "200 OK") && strstr(out, "ping"), "body after 100 Continue echoed: %s", out);
    close(fd);
}

int main(void) {
    setlocale(LC_ALL, "C.UTF-8");
    hs_init();
    HANDLE q;
    int port = hs_v1_queue(&q, "/");
    CHECK(port > 0, "v1 queue on a free port");
    hs_app app;
    hs_app_start(&app, q);
    test_curl(port, &app);
    test_python(port);
    test_raw(port);
    hs_app_stop(&app);
    CHECK(app.last_error == ERROR_OPERATION_ABORTED || app.last_error == ERROR_INVALID_HANDLE, "receive ends when the queue closes (%lu)", app.last_error);

    /* The same through a v2 session, URL group and request queue, with a URL context. */
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    port = hs_v2_setup(&s, &g, &q, "/app/", 0x1234);
    CHECK(port > 0, "v2 setup");
    hs_app_start(&app, q);
    char url[128];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/app/hello", port);
    const char *argv[] = {"curl", "-sS", url, NULL};
    CHECK(ts_run(argv, out, sizeof out, 10000) == 0 && !strcmp(out, "/app/hello"), "v2 GET: %s", out);
    CHECK_EQ(app.last_context, 0x1234, "UrlContext in the request");
    snprintf(url, sizeof url, "http://127.0.0.1:%d/other", port);
    const char *argv2[] = {"curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", url, NULL};
    CHECK(ts_run(argv2, out, sizeof out, 10000) == 0 && !strcmp(out, "404"), "no prefix matches: 404 (%s)", out);
    hs_app_stop(&app);
    HttpCloseServerSession(s);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return ts_finish("httpapi_clients");
}
