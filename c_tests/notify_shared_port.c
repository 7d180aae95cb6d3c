/* A notification port and a request queue bound to ONE completion port (DESIGN.md section 1: a port may carry
 * http.sys and other handles together), served by several threads in GetQueuedCompletionStatus, while clients
 * send many requests: every request is answered and every HTTP_NOTIFY_REQUEST_RECEIVED arrives, within a time
 * bound. This is the shape that deadlocked before review item A1 was fixed: the request-received notification
 * was emitted with the queue's lock held and completed the pending ApiGetNotifyAsyncEx by posting to the
 * completion port (queue lock -> port lock), while a thread in GetQueuedCompletionStatus held the port's lock
 * and took the queue's lock to lead the queue (port lock -> queue lock). A watchdog ends the program with a
 * failure if it hangs. */
#include "httpapi_support.h"
#include <httpnotify.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    PORT_THREADS = 4,    /* threads in GetQueuedCompletionStatus */
    RECEIVES = 4,        /* HttpReceiveHttpRequest calls kept pending */
    CLIENTS = 8,         /* keep-alive connections */
    REQUESTS = 4000,     /* in all */
    BOUND_SECONDS = 60,  /* the watchdog */
};
#define KEY_QUEUE ((ULONG_PTR)1)
#define KEY_NOTIFY ((ULONG_PTR)2)
#define KEY_QUIT ((ULONG_PTR)3)

static HANDLE iocp, queue;
static HNOTIFY_RPC nport;
static hs_receive_slot slots[RECEIVES];
/* The one notification wait: its OVERLAPPED and out-parameters stay valid until its packet. */
static OVERLAPPED notify_ov;
static PNOTIFICATION_DATA_ASYNC_RPC notify_arr;
static DWORD notify_n;
static long served, received_events, other_events, failures;

static void post_receive(hs_receive_slot *s) {
    hs_post_receive(queue, s, &failures);
}

static void post_notify_wait(void) {
    memset(&notify_ov, 0, sizeof notify_ov);
    notify_arr = NULL;
    notify_n = 0;
    error_status_t rc = ApiGetNotifyAsyncEx(nport, &notify_arr, &notify_n, &notify_ov);
    if (rc != ERROR_SUCCESS && rc != ERROR_IO_PENDING && rc != ERROR_NO_MORE_ITEMS)
        __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
}

static void *port_thread(void *arg) {
    (void)arg;
    for (;;) {
        DWORD bytes = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        BOOL ok = GetQueuedCompletionStatus(iocp, &bytes, &key, &ov, 30000);
        if (!ok && ov == NULL)
            break; /* timed out: the watchdog reports */
        if (key == KEY_QUIT)
            break;
        if (key == KEY_NOTIFY) {
            if (ok) {
                long r = 0, o = 0;
                for (DWORD i = 0; i < notify_n; i++)
                    notify_arr[i].dwFilter == HTTP_NOTIFY_REQUEST_RECEIVED ? r++ : o++;
                __atomic_add_fetch(&received_events, r, __ATOMIC_SEQ_CST);
                __atomic_add_fetch(&other_events, o, __ATOMIC_SEQ_CST);
                ApiFreeNotifications(notify_arr, notify_n);
                /* Only this thread touches the wait until it posts the next one. */
                post_notify_wait();
            }
            /* Not ok: unblocked at the end (ERROR_INVALID_FUNCTION); no new wait. */
            continue;
        }
        if (key == KEY_QUEUE) {
            hs_receive_slot *s = (hs_receive_slot *)ov;
            if (!ok)
                continue; /* aborted: the queue closed */
            PHTTP_REQUEST req = (PHTTP_REQUEST)s->buf;
            if (hs_send_simple(queue, req->RequestId, 200, "OK", "ok", 0) != NO_ERROR)
                __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
            __atomic_add_fetch(&served, 1, __ATOMIC_SEQ_CST);
            post_receive(s);
        }
    }
    return NULL;
}

static void *watchdog(void *arg) {
    (void)arg;
    sleep(BOUND_SECONDS);
    fprintf(stderr, "FAIL: not finished within %d s (served %ld, REQUEST_RECEIVED %ld): the completion-port threads "
                    "and the queue deadlocked\n", BOUND_SECONDS, __atomic_load_n(&served, __ATOMIC_SEQ_CST),
            __atomic_load_n(&received_events, __ATOMIC_SEQ_CST));
    _exit(2);
}

int main(void) {
    pthread_t dog, threads[PORT_THREADS];
    HTTP_SERVER_SESSION_ID sid;
    HTTP_URL_GROUP_ID group;
    pthread_create(&dog, NULL, watchdog, NULL);
    hs_init();
    int port = hs_v2_setup(&sid, &group, &queue, "/", 0);
    CHECK(port > 0, "server");

    iocp = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    CHECK(iocp != NULL, "completion port");
    CHECK(CreateIoCompletionPort(queue, iocp, KEY_QUEUE, 0) == iocp, "request queue bound to it");
    error_status_t st = 0, rpc = 0;
    nport = ApiCreateNotify(&st, &rpc);
    CHECK(nport != NULL, "notification port");
    DWORD seq = 0;
    CHECK_EQ(ApiSetNotifyLimit(nport, HTTP_NOTIFY_MAX_LIMIT), ERROR_SUCCESS, "limit above the total");
    CHECK_EQ(ApiAddNotifyHttpObject(nport, HTTP_NOTIFY_OBJECT_URL_GROUP, group, HTTP_NOTIFY_REQUEST_RECEIVED, 9, &seq, &rpc),
             ERROR_SUCCESS, "registered for REQUEST_RECEIVED");
    CHECK(CreateIoCompletionPort(nport, iocp, KEY_NOTIFY, 0) == iocp, "notification port bound to the same port");

    for (int i = 0; i < PORT_THREADS; i++)
        pthread_create(&threads[i], NULL, port_thread, NULL);
    post_notify_wait();
    for (int i = 0; i < RECEIVES; i++)
        post_receive(&slots[i]);

    uint64_t t0 = ts_now_ms();
    int ok = hs_load(port, CLIENTS, REQUESTS / CLIENTS, "GET /shared HTTP/1.1\r\nHost: a\r\n\r\n", "\r\n\r\nok", 10000);
    uint64_t ms = ts_now_ms() - t0;
    for (uint64_t end = ts_now_ms() + 10000;
         __atomic_load_n(&received_events, __ATOMIC_SEQ_CST) < REQUESTS && ts_now_ms() < end;)
        usleep(1000);
    printf("%d requests on %d connections, %d threads in GetQueuedCompletionStatus on one port with the queue and "
           "the notification port: %ld served, %ld REQUEST_RECEIVED, %ld other events, %llu ms\n",
           REQUESTS, CLIENTS, PORT_THREADS, served, received_events, other_events, (unsigned long long)ms);
    CHECK_EQ(ok, REQUESTS, "every request answered");
    CHECK_EQ(__atomic_load_n(&received_events, __ATOMIC_SEQ_CST), REQUESTS, "every REQUEST_RECEIVED delivered");
    CHECK_EQ(__atomic_load_n(&failures, __ATOMIC_SEQ_CST), 0, "no call failed");

    /* Stop: end the notification wait, close the queue (its receives abort), then the threads. */
    ApiUnblockGetNotifyCall(nport);
    HttpCloseRequestQueue(queue);
    for (int i = 0; i < PORT_THREADS; i++)
        PostQueuedCompletionStatus(iocp, 0, KEY_QUIT, NULL);
    for (int i = 0; i < PORT_THREADS; i++)
        pthread_join(threads[i], NULL);
    ApiCloseNotify(&nport);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(sid);
    CloseHandle(iocp);
    return ts_finish("notify_shared_port");
}
