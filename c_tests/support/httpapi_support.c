#include "httpapi_support.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <arpa/inet.h>
#include <stdio.h>

void hs_init(void) {
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    if (HttpInitialize(v, HTTP_INITIALIZE_SERVER, NULL) != NO_ERROR) {
        fprintf(stderr, "HttpInitialize failed\n");
        exit(2);
    }
}

void hs_private_config(const char *dir) {
    char path[400];
    snprintf(path, sizeof path, "%s/store", dir);
    mkdir(path, 0700);
    setenv("WINHTTPAPI_CERT_STORE", path, 1);
    snprintf(path, sizeof path, "%s/httpsys.conf", dir);
    setenv("WINHTTPAPI_HTTPSYS_CONFIG", path, 1);
}

int hs_make_certificate(const char *dir, BYTE thumb[20]) {
    char cmd[1200], out[128], script[512];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem -out cert.pem"
             " -days 2 -subj '/CN=localhost' -addext subjectAltName=IP:127.0.0.1 >openssl.log 2>&1 && bash '%s' cert.pem key.pem",
             dir, ts_source_path("scripts/import-cert.sh", script, sizeof script));
    const char *argv[] = {"sh", "-c", cmd, NULL};
    if (ts_run(argv, out, sizeof out, 30000) != 0 || strlen(out) < 40) return -1;
    for (int i = 0; i < 20; i++) {
        unsigned v = 0;
        sscanf(out + 2 * i, "%2x", &v);
        thumb[i] = (BYTE)v;
    }
    return 0;
}

int hs_tls_test_dir(const char *name, char *dir, size_t size, BYTE thumb[20]) {
    if (snprintf(dir, size, "/tmp/%s.XXXXXX", name) >= (int)size || !mkdtemp(dir)) {
        printf("cannot make a directory for %s under /tmp\n", name);
        return -1;
    }
    hs_private_config(dir);
    if (hs_make_certificate(dir, thumb) != 0) {
        printf("cannot make the test certificate with openssl (see %s/openssl.log)\n", dir);
        return -1;
    }
    return 0;
}

ULONG hs_bind_certificate(int port, const BYTE thumb[20], DWORD flags) {
    static const GUID app = {0x48545032, 0x1234, 0x5678, {1, 2, 3, 4, 5, 6, 7, 8}};
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)port);
    HTTP_SERVICE_CONFIG_SSL_SET s;
    memset(&s, 0, sizeof s);
    s.KeyDesc.pIpPort = (PSOCKADDR)&a;
    s.ParamDesc.SslHashLength = 20;
    s.ParamDesc.pSslHash = (PVOID)thumb;
    s.ParamDesc.AppId = app;
    s.ParamDesc.pSslCertStoreName = (PWSTR)L"MY";
    s.ParamDesc.DefaultFlags = flags;
    return HttpSetServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL);
}

static ULONG add_v1(HANDLE q, int port, const char *path) {
    WCHAR url[128];
    swprintf(url, 128, L"http://+:%d%hs", port, path);
    return HttpAddUrl(q, url, NULL);
}

int hs_v1_queue(HANDLE *queue, const char *path) {
    if (HttpCreateHttpHandle(queue, 0) != NO_ERROR)
        return -1;
    for (int tries = 0; tries < 20; tries++) {
        int port = ts_free_port();
        ULONG r = add_v1(*queue, port, path);
        if (r == NO_ERROR)
            return port;
        if (r != ERROR_SHARING_VIOLATION)
            return -1;
    }
    return -1;
}

int hs_v2_setup(HTTP_SERVER_SESSION_ID *session, HTTP_URL_GROUP_ID *group, HANDLE *queue, const char *path,
                HTTP_URL_CONTEXT context) {
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    HTTP_BINDING_INFO b;
    if (HttpCreateServerSession(v, session, 0) || HttpCreateUrlGroup(*session, group, 0) ||
        HttpCreateRequestQueue(v, NULL, NULL, 0, queue))
        return -1;
    memset(&b, 0, sizeof(b));
    b.Flags.Present = 1;
    b.RequestQueueHandle = *queue;
    if (HttpSetUrlGroupProperty(*group, HttpServerBindingProperty, &b, sizeof(b)))
        return -1;
    for (int tries = 0; tries < 20; tries++) {
        WCHAR url[128];
        int port = ts_free_port();
        swprintf(url, 128, L"http://+:%d%hs", port, path);
        ULONG r = HttpAddUrlToUrlGroup(*group, url, context, 0);
        if (r == NO_ERROR)
            return port;
        if (r != ERROR_SHARING_VIOLATION)
            return -1;
    }
    return -1;
}

ULONG hs_send_simple(HANDLE queue, HTTP_REQUEST_ID id, USHORT status, const char *reason, const char *body, ULONG flags) {
    HTTP_RESPONSE resp;
    HTTP_DATA_CHUNK chunk;
    ULONG sent = 0;
    memset(&resp, 0, sizeof(resp));
    resp.StatusCode = status;
    resp.pReason = reason;
    resp.ReasonLength = (USHORT)strlen(reason);
    if (body) {
        chunk.DataChunkType = HttpDataChunkFromMemory;
        chunk.FromMemory.pBuffer = (void *)body;
        chunk.FromMemory.BufferLength = (ULONG)strlen(body);
        resp.EntityChunkCount = 1;
        resp.pEntityChunks = &chunk;
    }
    return HttpSendHttpResponse(queue, id, flags, &resp, NULL, &sent, NULL, 0, NULL, NULL);
}

static ULONG send_bytes(HANDLE q, HTTP_REQUEST_ID id, const char *data, ULONG len) {
    HTTP_RESPONSE resp;
    HTTP_DATA_CHUNK chunk;
    ULONG sent = 0;
    memset(&resp, 0, sizeof(resp));
    resp.StatusCode = 200;
    resp.pReason = "OK";
    resp.ReasonLength = 2;
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = (void *)data;
    chunk.FromMemory.BufferLength = len;
    resp.EntityChunkCount = 1;
    resp.pEntityChunks = &chunk;
    return HttpSendHttpResponse(q, id, 0, &resp, NULL, &sent, NULL, 0, NULL, NULL);
}

/* /trailers: head (MORE_DATA, no length), "abc", then a last send of "def" and the trailers grpc-status: 0,
 * grpc-message: ok. /trailers-length: Content-Length 6, "abcdef" with the head (MORE_DATA), then a last
 * send of the trailer x-checksum: 6 alone. /trailers-only: one HttpSendHttpResponse with no body and the
 * trailer x-only: 1. /trailers-chunked: Transfer-Encoding: chunked framed by the application, its last chunk and
 * the trailers of /trailers in one last send. */
static void send_with_trailers(hs_app *app, HTTP_REQUEST_ID id, const char *path) {
    static HTTP_UNKNOWN_HEADER grpc[] = {{11, 1, "grpc-status", "0"}, {12, 2, "grpc-message", "ok"}};
    static HTTP_UNKNOWN_HEADER sum[] = {{10, 1, "x-checksum", "6"}};
    static HTTP_UNKNOWN_HEADER only[] = {{6, 1, "x-only", "1"}};
    HTTP_RESPONSE resp;
    HTTP_DATA_CHUNK c[2];
    ULONG sent;
    memset(&resp, 0, sizeof(resp));
    memset(c, 0, sizeof(c));
    resp.StatusCode = 200;
    c[1].DataChunkType = HttpDataChunkTrailers;
    if (!strcmp(path, "/trailers-only")) {
        c[1].Trailers.TrailerCount = 1;
        c[1].Trailers.pTrailers = only;
        resp.EntityChunkCount = 1;
        resp.pEntityChunks = &c[1];
        HttpSendHttpResponse(app->queue, id, 0, &resp, NULL, &sent, NULL, 0, NULL, NULL);
        return;
    }
    if (!strcmp(path, "/trailers-chunked")) {
        /* The application's own chunked framing, its last chunk in the last send with the trailers. */
        resp.Headers.KnownHeaders[HttpHeaderTransferEncoding].pRawValue = "chunked";
        resp.Headers.KnownHeaders[HttpHeaderTransferEncoding].RawValueLength = 7;
        HttpSendHttpResponse(app->queue, id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent, NULL, 0, NULL, NULL);
        c[0].DataChunkType = HttpDataChunkFromMemory;
        c[0].FromMemory.pBuffer = "6\r\nabcdef\r\n0\r\n\r\n";
        c[0].FromMemory.BufferLength = 16;
        c[1].Trailers.TrailerCount = 2;
        c[1].Trailers.pTrailers = grpc;
        HttpSendResponseEntityBody(app->queue, id, 0, 2, c, &sent, NULL, 0, NULL, NULL);
        return;
    }
    int length = !strcmp(path, "/trailers-length");
    c[0].DataChunkType = HttpDataChunkFromMemory;
    c[0].FromMemory.pBuffer = length ? "abcdef" : "abc";
    c[0].FromMemory.BufferLength = length ? 6 : 3;
    if (length) {
        resp.Headers.KnownHeaders[HttpHeaderContentLength].pRawValue = "6";
        resp.Headers.KnownHeaders[HttpHeaderContentLength].RawValueLength = 1;
    }
    resp.EntityChunkCount = 1;
    resp.pEntityChunks = c;
    HttpSendHttpResponse(app->queue, id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent, NULL, 0, NULL, NULL);
    if (length) {
        c[1].Trailers.TrailerCount = 1;
        c[1].Trailers.pTrailers = sum;
        HttpSendResponseEntityBody(app->queue, id, 0, 1, &c[1], &sent, NULL, 0, NULL, NULL);
    } else {
        c[0].FromMemory.pBuffer = "def";
        c[1].Trailers.TrailerCount = 2;
        c[1].Trailers.pTrailers = grpc;
        HttpSendResponseEntityBody(app->queue, id, 0, 2, c, &sent, NULL, 0, NULL, NULL);
    }
}

static void *app_main(void *arg) {
    hs_app *app = (hs_app *)arg;
    ULONG cap = 16384, got;
    char *buf = (char *)malloc(cap);
    HTTP_REQUEST *req = (HTTP_REQUEST *)buf;
    for (;;) {
        ULONG r = HttpReceiveHttpRequest(app->queue, HTTP_NULL_ID, 0, req, cap, &got, NULL);
        if (r != NO_ERROR) {
            app->last_error = r;
            break;
        }
        app->last_conn[0] = app->last_conn[1];
        app->last_conn[1] = req->ConnectionId;
        app->last_context = req->UrlContext;
        char path[1024];
        WCHAR wpath[128];
        size_t wn = req->CookedUrl.AbsPathLength / sizeof(WCHAR);
        if (wn > 127)
            wn = 127;
        memcpy(wpath, req->CookedUrl.pAbsPath, wn * sizeof(WCHAR));
        wpath[wn] = 0;
        if (wcstombs(path, wpath, sizeof(path)) == (size_t)-1)
            path[0] = 0;
        if (!strcmp(path, "/hello")) {
            hs_send_simple(app->queue, req->RequestId, 200, "OK", "hello", 0);
        } else if (!strcmp(path, "/echo")) {
            size_t bcap = 65536, used = 0;
            char *body = (char *)malloc(bcap);
            char piece[7000];
            for (;;) {
                ULONG n = 0;
                r = HttpReceiveRequestEntityBody(app->queue, req->RequestId, 0, piece, sizeof(piece), &n, NULL);
                if (r != NO_ERROR)
                    break;
                if (used + n > bcap) {
                    bcap = (used + n) * 2;
                    body = (char *)realloc(body, bcap);
                }
                memcpy(body + used, piece, n);
                used += n;
            }
            if (r == ERROR_HANDLE_EOF)
                send_bytes(app->queue, req->RequestId, body, (ULONG)used);
            else
                app->last_error = r;
            free(body);
        } else if (!strcmp(path, "/stream") || !strcmp(path, "/stream-chunked")) {
            /* http.sys frames nothing: /stream sends the pieces raw (the close ends the body);
             * /stream-chunked sets Transfer-Encoding: chunked and frames them itself. */
            static const char *raw[] = {"one,", "two,", "three"};
            static const char *framed[] = {"4\r\none,\r\n", "4\r\ntwo,\r\n", "5\r\nthree\r\n0\r\n\r\n"};
            int own = !strcmp(path, "/stream-chunked");
            const char **parts = own ? framed : raw;
            HTTP_RESPONSE resp;
            HTTP_DATA_CHUNK chunk;
            ULONG sent;
            memset(&resp, 0, sizeof(resp));
            resp.StatusCode = 200;
            if (own) {
                resp.Headers.KnownHeaders[HttpHeaderTransferEncoding].pRawValue = "chunked";
                resp.Headers.KnownHeaders[HttpHeaderTransferEncoding].RawValueLength = 7;
            }
            HttpSendHttpResponse(app->queue, req->RequestId, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent,
                                 NULL, 0, NULL, NULL);
            for (int i = 0; i < 3; i++) {
                chunk.DataChunkType = HttpDataChunkFromMemory;
                chunk.FromMemory.pBuffer = (void *)parts[i];
                chunk.FromMemory.BufferLength = (ULONG)strlen(parts[i]);
                HttpSendResponseEntityBody(app->queue, req->RequestId, i < 2 ? HTTP_SEND_RESPONSE_FLAG_MORE_DATA : 0,
                                           1, &chunk, &sent, NULL, 0, NULL, NULL);
            }
        } else if (!strcmp(path, "/close")) {
            hs_send_simple(app->queue, req->RequestId, 200, "OK", "bye", HTTP_SEND_RESPONSE_FLAG_DISCONNECT);
        } else if (!strncmp(path, "/trailers", 9)) {
            send_with_trailers(app, req->RequestId, path);
        } else if (!strncmp(path, "/reset", 6)) {
            /* /reset: part of a body, then the stream reset with CANCEL (8); /reset-early: reset with
             * HTTP_1_1_REQUIRED (0xd) before any response. The request is over: a later send fails. */
            HTTP_REQUEST_PROPERTY_STREAM_ERROR e = {!strcmp(path, "/reset") ? 8u : 0xdu};
            if (!strcmp(path, "/reset")) {
                static const char part[] = "partial";
                HTTP_RESPONSE resp;
                HTTP_DATA_CHUNK chunk;
                ULONG sent;
                memset(&resp, 0, sizeof(resp));
                resp.StatusCode = 200;
                chunk.DataChunkType = HttpDataChunkFromMemory;
                chunk.FromMemory.pBuffer = (void *)part;
                chunk.FromMemory.BufferLength = 7;
                resp.EntityChunkCount = 1;
                resp.pEntityChunks = &chunk;
                HttpSendHttpResponse(app->queue, req->RequestId, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent,
                                     NULL, 0, NULL, NULL);
            }
            r = HttpSetRequestProperty(app->queue, req->RequestId, HttpRequestPropertyStreamError, &e, sizeof e, NULL);
            app->reset_result = r;
            if (r == NO_ERROR)
                app->after_reset = hs_send_simple(app->queue, req->RequestId, 200, "OK", "late", 0);
            else
                hs_send_simple(app->queue, req->RequestId, 200, "OK", "not reset", 0);
        } else {
            hs_send_simple(app->queue, req->RequestId, 200, "OK", path, 0);
        }
        app->served++;
    }
    free(buf);
    return NULL;
}

void hs_app_start(hs_app *app, HANDLE queue) {
    memset((void *)app, 0, sizeof(*app));
    app->queue = queue;
    pthread_create(&app->thread, NULL, app_main, app);
}

void hs_app_stop(hs_app *app) {
    HttpCloseRequestQueue(app->queue);
    pthread_join(app->thread, NULL);
}

int hs_repeat_on_connection(int port, const char *request, const char *needle, int count, int timeout_ms) {
    char buf[1024];
    int ok = 0;
    int fd = ts_connect(port, 0);
    for (int i = 0; fd >= 0 && i < count; i++) {
        ts_send_all(fd, request, strlen(request));
        if (ts_recv_until(fd, buf, sizeof buf, needle, timeout_ms) <= 0)
            break;
        ok++;
    }
    if (fd >= 0)
        close(fd);
    return ok;
}

typedef struct {
    int port, count, timeout_ms, ok;
    const char *request, *needle;
} load_client;

static void *load_main(void *arg) {
    load_client *c = (load_client *)arg;
    c->ok = hs_repeat_on_connection(c->port, c->request, c->needle, c->count, c->timeout_ms);
    return NULL;
}

int hs_load(int port, int clients, int per_client, const char *request, const char *needle, int timeout_ms) {
    load_client *c = calloc((size_t)clients, sizeof *c);
    pthread_t *t = calloc((size_t)clients, sizeof *t);
    int ok = 0;
    for (int i = 0; i < clients; i++) {
        c[i] = (load_client){port, per_client, timeout_ms, 0, request, needle};
        pthread_create(&t[i], NULL, load_main, &c[i]);
    }
    for (int i = 0; i < clients; i++) {
        pthread_join(t[i], NULL);
        ok += c[i].ok;
    }
    free(c);
    free(t);
    return ok;
}

ssize_t hs_exchange(int port, const char *request, size_t len, char *out, size_t cap, int timeout_ms) {
    int fd = ts_connect(port, 0);
    if (fd < 0)
        return -1;
    ts_send_all(fd, request, len);
    ssize_t n = ts_recv_all(fd, out, cap, timeout_ms);
    close(fd);
    return n;
}

void hs_post_receive(HANDLE queue, hs_receive_slot *s, long *failures) {
    memset(&s->ov, 0, sizeof s->ov);
    ULONG rc = HttpReceiveHttpRequest(queue, HTTP_NULL_ID, 0, (PHTTP_REQUEST)s->buf, sizeof s->buf, NULL, &s->ov);
    if (rc != NO_ERROR && rc != ERROR_IO_PENDING && rc != ERROR_OPERATION_ABORTED)
        __atomic_add_fetch(failures, 1, __ATOMIC_SEQ_CST);
}
