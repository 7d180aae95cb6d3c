/* An asynchronous http.sys server on the thread pool's I/O objects, served by curl: the request queue is
 * bound with CreateThreadpoolIo, every receive and send is overlapped and announced with StartThreadpoolIo
 * (CancelThreadpoolIo when it fails at once), callbacks run on pool threads. Checks what curl gets (GET,
 * POST echoed from the copied body, a head too large for the buffer answered 503, 64 requests 8 at a time)
 * and the thread pool's accounting: one receive callback per request, one send callback per response, the
 * outstanding receives ended by HttpShutdownRequestQueue reach their callbacks with ERROR_OPERATION_ABORTED,
 * and WaitForThreadpoolIoCallbacks returns only after all of them. */
#include <windows.h>
#include <http.h>
#include <stdio.h>
#include <string.h>
#include "httpapi_support.h"

#define OUTSTANDING 4
#define BUFFER 2048

typedef struct op {
    OVERLAPPED ov; /* first: the callback gets the op back from its OVERLAPPED */
    int is_send;
    HTTP_RESPONSE resp;
    HTTP_DATA_CHUNK chunk;
    char body[512];
    UCHAR buffer[BUFFER]; /* 8-byte aligned */
} op;

static HANDLE g_queue;
static PTP_IO g_io;
static volatile LONG g_stopping, g_received, g_sent, g_aborted, g_too_large, g_other, g_on_main;
static DWORD g_main_thread;

static void post_receive(void);

static void respond(op *rq, USHORT status, const char *reason, const char *body, size_t len) {
    op *rs = (op *)calloc(1, sizeof(op));
    rs->is_send = 1;
    memcpy(rs->body, body, len);
    rs->resp.StatusCode = status;
    rs->resp.pReason = reason;
    rs->resp.ReasonLength = (USHORT)strlen(reason);
    rs->chunk.DataChunkType = HttpDataChunkFromMemory;
    rs->chunk.FromMemory.pBuffer = rs->body;
    rs->chunk.FromMemory.BufferLength = (ULONG)len;
    rs->resp.EntityChunkCount = 1;
    rs->resp.pEntityChunks = &rs->chunk;
    StartThreadpoolIo(g_io);
    ULONG r = HttpSendHttpResponse(g_queue, ((PHTTP_REQUEST)rq->buffer)->RequestId, 0, &rs->resp, NULL, NULL, NULL, 0, &rs->ov, NULL);
    if (r != NO_ERROR && r != ERROR_IO_PENDING) {
        CancelThreadpoolIo(g_io);
        free(rs);
    }
}

static VOID CALLBACK on_io(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PVOID overlapped, ULONG result, ULONG_PTR bytes, PTP_IO io) {
    op *o = (op *)overlapped;
    (void)inst;
    (void)bytes;
    if (ctx != (PVOID)&g_queue || io != g_io) InterlockedIncrement(&g_other);
    if (GetCurrentThreadId() == g_main_thread) InterlockedIncrement(&g_on_main);
    if (o->is_send) {
        InterlockedIncrement(&g_sent);
        free(o);
        return;
    }
    PHTTP_REQUEST req = (PHTTP_REQUEST)o->buffer;
    /* The next receive goes out before this request is answered: once curl has every answer, exactly
     * OUTSTANDING receives are pending, whatever the timing of the callbacks. */
    if (!g_stopping && result != ERROR_OPERATION_ABORTED) post_receive();
    if (result == ERROR_OPERATION_ABORTED) {
        InterlockedIncrement(&g_aborted);
    } else if (result == ERROR_MORE_DATA) {
        InterlockedIncrement(&g_too_large);
        respond(o, 503, "Service Unavailable", "too large", 9);
    } else if (result == NO_ERROR) {
        InterlockedIncrement(&g_received);
        if (req->Verb == HttpVerbPOST && req->EntityChunkCount > 0) {
            PHTTP_DATA_CHUNK c = &req->pEntityChunks[0];
            respond(o, 200, "OK", (const char *)c->FromMemory.pBuffer, c->FromMemory.BufferLength);
        } else {
            char text[256];
            int n = snprintf(text, sizeof text, "pool:%.*s", (int)req->RawUrlLength, req->pRawUrl);
            respond(o, 200, "OK", text, (size_t)n);
        }
    } else {
        InterlockedIncrement(&g_other);
    }
    free(o);
}

static void post_receive(void) {
    op *o = (op *)calloc(1, sizeof(op));
    StartThreadpoolIo(g_io);
    ULONG r = HttpReceiveHttpRequest(g_queue, HTTP_NULL_ID, HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY, (PHTTP_REQUEST)o->buffer, BUFFER, NULL, &o->ov);
    /* NO_ERROR and ERROR_MORE_DATA at once still complete to the port (a success and a warning status), so
     * only the other results are cancelled. */
    if (r != NO_ERROR && r != ERROR_IO_PENDING && r != ERROR_MORE_DATA) {
        CancelThreadpoolIo(g_io);
        free(o);
    }
}

int main(void) {
    HTTP_SERVER_SESSION_ID session;
    HTTP_URL_GROUP_ID group;
    char url[128], out[65536];
    g_main_thread = GetCurrentThreadId();
    hs_init();
    int port = hs_v2_setup(&session, &group, &g_queue, "/", 0);
    CHECK(port > 0, "server set up");
    g_io = CreateThreadpoolIo(g_queue, on_io, (PVOID)&g_queue, NULL);
    CHECK(g_io != NULL, "CreateThreadpoolIo on the request queue (%u)", GetLastError());
    for (int i = 0; i < OUTSTANDING; i++) post_receive();

    /* GET */
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hello?x=1", port);
    const char *get[] = {"curl", "-s", "--max-time", "10", url, NULL};
    CHECK(ts_run(get, out, sizeof out, 15000) == 0 && strcmp(out, "pool:/hello?x=1") == 0, "GET: '%s'", out);

    /* POST: the body comes in the request (HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY) and is echoed */
    snprintf(url, sizeof url, "http://127.0.0.1:%d/echo", port);
    const char *post[] = {"curl", "-s", "--max-time", "10", "--data-binary", "posted through the pool", url, NULL};
    CHECK(ts_run(post, out, sizeof out, 15000) == 0 && strcmp(out, "posted through the pool") == 0, "POST: '%s'", out);

    /* a head too large for the buffer: ERROR_MORE_DATA, answered 503 */
    char big[3000];
    memset(big, 'a', sizeof big);
    memcpy(big, "X-Big: ", 7);
    big[sizeof big - 1] = 0;
    snprintf(url, sizeof url, "http://127.0.0.1:%d/big", port);
    const char *large[] = {"curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", "-H", big, url, NULL};
    CHECK(ts_run(large, out, sizeof out, 15000) == 0 && strcmp(out, "503") == 0, "large head: %s", out);

    /* 64 requests, 8 at a time */
    char pattern[128];
    snprintf(pattern, sizeof pattern, "http://127.0.0.1:%d/n/[1-64]", port);
    const char *many[] = {"curl", "-s", "--no-progress-meter", "--max-time", "30", "--parallel", "--parallel-max", "8", pattern, NULL};
    CHECK(ts_run(many, out, sizeof out, 40000) == 0, "parallel curl ran");
    int found = 0;
    for (int i = 1; i <= 64; i++) {
        char want[32];
        snprintf(want, sizeof want, "pool:/n/%d", i);
        const char *p = out;
        while ((p = strstr(p, want)) != NULL) {
            char next = p[strlen(want)];
            if (next < '0' || next > '9') {
                found++;
                break;
            }
            p++;
        }
    }
    CHECK_EQ(found, 64, "every parallel request answered");

    /* stop: the outstanding receives end with ERROR_OPERATION_ABORTED and reach their callbacks */
    InterlockedExchange(&g_stopping, 1);
    CHECK_EQ(HttpShutdownRequestQueue(g_queue), NO_ERROR, "HttpShutdownRequestQueue");
    WaitForThreadpoolIoCallbacks(g_io, FALSE);
    CHECK_EQ(g_received, 2 + 64, "one receive callback per request");
    CHECK_EQ(g_too_large, 1, "one ERROR_MORE_DATA");
    CHECK_EQ(g_sent, 2 + 64 + 1, "one send callback per response");
    CHECK_EQ(g_aborted, OUTSTANDING, "the outstanding receives were aborted into their callbacks");
    CHECK_EQ(g_other, 0, "no unexpected result or context");
    CHECK_EQ(g_on_main, 0, "callbacks ran on pool threads");
    CloseThreadpoolIo(g_io);
    HttpCloseRequestQueue(g_queue);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(session);
    return ts_finish("httpapi_threadpool");
}
