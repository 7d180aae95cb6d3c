/* HttpWaitForDisconnect(Ex): synchronous, event and completion-port waits; several waiters on one
 * connection; a connection already gone; client close, half-close (FIN) and reset; cancellation by
 * CancelIoEx and by closing or shutting the queue down; the error codes of bad arguments. */
#include "httpapi_support.h"
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char DECLSPEC_ALIGN(8) rbuf[16384];

/* Sends a GET on a new connection and receives it on `q`; returns the socket, fills ids. */
static int get_on_new_conn(HANDLE q, int port, HTTP_CONNECTION_ID *conn, HTTP_REQUEST_ID *req_id) {
    int fd = ts_connect(port, 0);
    char req[256];
    snprintf(req, sizeof req, "GET /x HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", port);
    ts_send_all(fd, req, strlen(req));
    HTTP_REQUEST *r = (HTTP_REQUEST *)rbuf;
    ULONG n = 0;
    ULONG rc = HttpReceiveHttpRequest(q, 0, 0, r, sizeof rbuf, &n, NULL);
    CHECK_EQ(rc, NO_ERROR, "request received");
    *conn = r->ConnectionId;
    *req_id = r->RequestId;
    return fd;
}

static void reset_close(int fd) {
    struct linger lg = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    close(fd);
}

typedef struct {
    HANDLE q;
    HTTP_CONNECTION_ID conn;
    int ex;
    volatile ULONG rc;
    volatile int done;
} sync_wait;

static void *sync_waiter(void *arg) {
    sync_wait *w = arg;
    w->rc = w->ex ? HttpWaitForDisconnectEx(w->q, w->conn, 0, NULL) : HttpWaitForDisconnect(w->q, w->conn, NULL);
    w->done = 1;
    return NULL;
}

static ULONG ov_result(HANDLE q, OVERLAPPED *ov) {
    DWORD got;
    return GetOverlappedResult(q, ov, &got, FALSE) ? NO_ERROR : GetLastError();
}

static void test_errors(HANDLE q, int port) {
    HTTP_CONNECTION_ID conn;
    HTTP_REQUEST_ID id;
    int fd = get_on_new_conn(q, port, &conn, &id);
    HANDLE other;
    HTTPAPI_VERSION v2 = HTTPAPI_VERSION_2;
    HttpCreateRequestQueue(v2, NULL, NULL, 0, &other);
    /* Each row a statement, so the calls run in the order written (C11 6.7.9p23 leaves the order of
     * calls inside one initializer unspecified). */
    CHECK_EQ(HttpWaitForDisconnect(NULL, conn, NULL), ERROR_INVALID_PARAMETER, "NULL queue handle");
    CHECK_EQ(HttpWaitForDisconnect((HANDLE)(uintptr_t)0x7777, conn, NULL), ERROR_INVALID_PARAMETER, "forged queue handle");
    CHECK_EQ(HttpWaitForDisconnect(GetCurrentProcess(), conn, NULL), ERROR_INVALID_PARAMETER, "a handle of another kind");
    CHECK_EQ(HttpWaitForDisconnect(q, 0, NULL), ERROR_INVALID_PARAMETER, "unknown connection id 0");
    CHECK_EQ(HttpWaitForDisconnect(q, 0x1234, NULL), ERROR_INVALID_PARAMETER, "unknown connection id");
    CHECK_EQ(HttpWaitForDisconnect(q, id, NULL), ERROR_INVALID_PARAMETER, "a request id is not a connection id");
    CHECK_EQ(HttpWaitForDisconnectEx(q, conn, 1, NULL), ERROR_INVALID_PARAMETER, "Ex with Reserved != 0");
    CHECK_EQ(HttpWaitForDisconnect(other, conn, NULL), ERROR_INVALID_PARAMETER, "connection of another queue");
    CloseHandle(other);
    hs_send_simple(q, id, 200, "OK", "x", 0);
    close(fd);
}

static void test_sync_and_events(HANDLE q, int port) {
    /* Synchronous: blocks until the client closes; Ex behaves the same. */
    for (int ex = 0; ex < 2; ex++) {
        HTTP_CONNECTION_ID conn;
        HTTP_REQUEST_ID id;
        int fd = get_on_new_conn(q, port, &conn, &id);
        sync_wait w = {q, conn, ex, 12345, 0};
        pthread_t t;
        pthread_create(&t, NULL, sync_waiter, &w);
        usleep(200000);
        CHECK(!w.done, "synchronous wait blocks while the connection lives (ex=%d)", ex);
        CHECK_EQ(hs_send_simple(q, id, 200, "OK", "hi", 0), NO_ERROR, "response");
        usleep(100000);
        CHECK(!w.done, "still blocked after a complete response (keep-alive) (ex=%d)", ex);
        close(fd);
        pthread_join(t, NULL);
        CHECK_EQ(w.rc, NO_ERROR, "synchronous wait ends with NO_ERROR when the client closes");
    }

    /* Two event waiters on one connection both complete, after a normal response, at client close. */
    HTTP_CONNECTION_ID conn;
    HTTP_REQUEST_ID id;
    int fd = get_on_new_conn(q, port, &conn, &id);
    OVERLAPPED ov[2];
    for (int i = 0; i < 2; i++) {
        memset(&ov[i], 0, sizeof ov[i]);
        ov[i].hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
        CHECK_EQ(HttpWaitForDisconnect(q, conn, &ov[i]), ERROR_IO_PENDING, "overlapped wait pends");
    }
    CHECK_EQ(hs_send_simple(q, id, 200, "OK", "hi", 0), NO_ERROR, "response");
    char buf[1024];
    ts_recv_until(fd, buf, sizeof buf, "hi", 2000);
    CHECK_EQ(WaitForSingleObject(ov[0].hEvent, 300), WAIT_TIMEOUT, "not signalled while the connection is kept alive");
    CHECK_EQ(ov_result(q, &ov[0]), ERROR_IO_INCOMPLETE, "GetOverlappedResult: incomplete");
    close(fd);
    for (int i = 0; i < 2; i++) {
        CHECK_EQ(WaitForSingleObject(ov[i].hEvent, 3000), WAIT_OBJECT_0, "each waiter's event is set");
        CHECK_EQ(ov_result(q, &ov[i]), NO_ERROR, "each waiter completes with NO_ERROR");
    }

    /* The connection is gone now: synchronous returns at once; overlapped returns NO_ERROR and still
     * signals its event. */
    usleep(100000);
    CHECK_EQ(HttpWaitForDisconnect(q, conn, NULL), NO_ERROR, "sync wait on a gone connection");
    ResetEvent(ov[0].hEvent);
    ULONG rc = HttpWaitForDisconnect(q, conn, &ov[0]);
    CHECK(rc == NO_ERROR || rc == ERROR_IO_PENDING, "overlapped wait on a gone connection (%lu)", (unsigned long)rc);
    CHECK_EQ(WaitForSingleObject(ov[0].hEvent, 1000), WAIT_OBJECT_0, "and its event is set");
    CHECK_EQ(ov_result(q, &ov[0]), NO_ERROR, "with NO_ERROR");

    /* Half-close: the client's FIN ends the connection for HttpWaitForDisconnect. */
    fd = get_on_new_conn(q, port, &conn, &id);
    ResetEvent(ov[0].hEvent);
    CHECK_EQ(HttpWaitForDisconnect(q, conn, &ov[0]), ERROR_IO_PENDING, "wait before the FIN");
    shutdown(fd, SHUT_WR);
    CHECK_EQ(WaitForSingleObject(ov[0].hEvent, 3000), WAIT_OBJECT_0, "a FIN completes the wait");
    CHECK_EQ(ov_result(q, &ov[0]), NO_ERROR, "with NO_ERROR");
    CHECK_EQ(hs_send_simple(q, id, 200, "OK", "late", 0), NO_ERROR, "the response still goes to a half-closed client");
    ssize_t n = ts_recv_until(fd, buf, sizeof buf, "late", 2000);
    CHECK(n > 0 && strstr(buf, "late"), "half-closed client reads the response");
    close(fd);
    CloseHandle(ov[0].hEvent);
    CloseHandle(ov[1].hEvent);
}

static void test_port_and_cancel(void) {
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    int port = hs_v2_setup(&s, &g, &q, "/", 0);
    HANDLE iocp = CreateIoCompletionPort(q, NULL, 77, 0);
    CHECK(iocp != NULL, "queue bound to a completion port");
    HTTP_CONNECTION_ID conn;
    HTTP_REQUEST_ID id;
    DWORD got;
    ULONG_PTR key;
    LPOVERLAPPED pov;
    /* Completion port: a reset client. (Synchronous receives on a bound queue post no packet.) */
    int fd = get_on_new_conn(q, port, &conn, &id);
    OVERLAPPED ov, ov2;
    memset(&ov, 0, sizeof ov);
    memset(&ov2, 0, sizeof ov2);
    CHECK_EQ(HttpWaitForDisconnectEx(q, conn, 0, &ov), ERROR_IO_PENDING, "Ex pends");
    CHECK(!GetQueuedCompletionStatus(iocp, &got, &key, &pov, 200) && GetLastError() == WAIT_TIMEOUT, "no packet before the reset");
    reset_close(fd);
    CHECK(GetQueuedCompletionStatus(iocp, &got, &key, &pov, 3000), "packet after the client's reset");
    CHECK(key == 77 && pov == &ov && got == 0, "key, OVERLAPPED, 0 bytes");
    CHECK_EQ(hs_send_simple(q, id, 200, "OK", "x", 0), ERROR_CONNECTION_INVALID, "the reset connection takes no response");

    /* CancelIoEx of one wait: ERROR_OPERATION_ABORTED; the other stays. */
    fd = get_on_new_conn(q, port, &conn, &id);
    CHECK_EQ(HttpWaitForDisconnect(q, conn, &ov), ERROR_IO_PENDING, "wait 1");
    CHECK_EQ(HttpWaitForDisconnect(q, conn, &ov2), ERROR_IO_PENDING, "wait 2");
    CHECK(CancelIoEx(q, &ov), "CancelIoEx");
    pov = NULL;
    BOOL ok = GetQueuedCompletionStatus(iocp, &got, &key, &pov, 3000);
    CHECK(!ok && pov == &ov && GetLastError() == ERROR_OPERATION_ABORTED, "cancelled wait completes with ERROR_OPERATION_ABORTED (%p, %lu)", (void *)pov, (unsigned long)GetLastError());
    pov = NULL;
    CHECK(!GetQueuedCompletionStatus(iocp, &got, &key, &pov, 200) && pov == NULL, "the other wait is still pending");
    /* Shutting the queue down cancels the rest. */
    CHECK_EQ(HttpShutdownRequestQueue(q), NO_ERROR, "shutdown");
    CHECK(!GetQueuedCompletionStatus(iocp, &got, &key, &pov, 3000) && pov == &ov2 && GetLastError() == ERROR_OPERATION_ABORTED, "shutdown aborts the wait");
    close(fd);
    CloseHandle(q);
    HttpCloseServerSession(s);

    /* Closing the queue aborts a synchronous waiter too. */
    port = hs_v2_setup(&s, &g, &q, "/", 0);
    fd = get_on_new_conn(q, port, &conn, &id);
    sync_wait w = {q, conn, 0, 12345, 0};
    pthread_t t;
    pthread_create(&t, NULL, sync_waiter, &w);
    usleep(200000);
    CHECK(!w.done, "sync wait pending");
    HttpCloseRequestQueue(q);
    pthread_join(t, NULL);
    CHECK_EQ(w.rc, ERROR_OPERATION_ABORTED, "closing the queue aborts a synchronous wait");
    close(fd);
    HttpCloseServerSession(s);
    CloseHandle(iocp);
}

/* A partial head followed at once by the client's FIN (both in one readiness edge, most of the time): the
 * server finds the FIN behind the bytes and closes at once, without waiting for the HeaderWait timer. */
static void test_partial_head_then_fin(int port) {
    int closed = 0;
    for (int i = 0; i < 20; i++) {
        int fd = ts_connect(port, 0);
        ts_send_all(fd, "GET /x HT", 9);
        shutdown(fd, SHUT_WR);
        closed += ts_peer_closed(fd, 1000);
        close(fd);
    }
    CHECK_EQ(closed, 20, "partial head then FIN: every connection closed within 1 s");
}

int main(void) {
    hs_init();
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    int port = hs_v2_setup(&s, &g, &q, "/", 0);
    CHECK(port > 0, "setup");
    test_errors(q, port);
    test_sync_and_events(q, port);
    test_partial_head_then_fin(port);
    CloseHandle(q);
    HttpCloseServerSession(s);
    test_port_and_cancel();
    return ts_finish("httpapi_disconnect");
}
