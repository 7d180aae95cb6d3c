/* Several threads in GetQueuedCompletionStatusEx on one completion port that carries a v2 request queue (the
 * threads lead the queue in turn: leader/followers) and packets another thread posts, under load. Checked:
 * every request is received exactly once (per-connection paths counted on the server), every client gets all
 * its answers, every posted packet is taken exactly once, and none waits long: a packet posted while the
 * threads lead or wait is taken within a second (a lost wake would leave it until a thread's 30 s timeout).
 * The port's thread looks for a driver to lead with the port's lock released (review A1, second half); this is
 * the shape whose wakes that must not lose. A watchdog ends the program with a failure if it hangs. */
#include "httpapi_support.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    PORT_THREADS = 4,   /* threads in GetQueuedCompletionStatusEx */
    ENTRIES = 8,        /* entries per GetQueuedCompletionStatusEx call */
    RECEIVES = 8,       /* HttpReceiveHttpRequest calls kept pending */
    CLIENTS = 12,       /* keep-alive connections, each with its own path */
    PER_CLIENT = 400,   /* requests per connection */
    POSTS = 3000,       /* packets posted by hand, one at a time */
    BOUND_SECONDS = 90, /* the watchdog */
};
#define KEY_QUEUE ((ULONG_PTR)1)
#define KEY_POSTED ((ULONG_PTR)2)
#define KEY_QUIT ((ULONG_PTR)3)

static HANDLE iocp, queue;
static hs_receive_slot slots[RECEIVES];
static long per_client[CLIENTS], foreign, failures, batches, multi;
static unsigned char posted_seen[POSTS];
static volatile long posted_taken; /* the number of the last posted packet taken, +1 */
static int port;

static void post_receive(hs_receive_slot *s) {
    hs_post_receive(queue, s, &failures);
}

static void served(hs_receive_slot *s) {
    PHTTP_REQUEST req = (PHTTP_REQUEST)s->buf;
    int c = -1;
    if (req->pRawUrl && sscanf(req->pRawUrl, "/c%d", &c) == 1 && c >= 0 && c < CLIENTS)
        __atomic_add_fetch(&per_client[c], 1, __ATOMIC_SEQ_CST);
    else
        __atomic_add_fetch(&foreign, 1, __ATOMIC_SEQ_CST);
    if (hs_send_simple(queue, req->RequestId, 200, "OK", "ok", 0) != NO_ERROR)
        __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
}

static void *port_thread(void *arg) {
    (void)arg;
    for (;;) {
        OVERLAPPED_ENTRY e[ENTRIES];
        ULONG n = 0;
        if (!GetQueuedCompletionStatusEx(iocp, e, ENTRIES, &n, 30000, FALSE)) {
            fprintf(stderr, "GetQueuedCompletionStatusEx: error %lu\n", (unsigned long)GetLastError());
            __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
            return NULL;
        }
        __atomic_add_fetch(&batches, 1, __ATOMIC_SEQ_CST);
        if (n > 1)
            __atomic_add_fetch(&multi, 1, __ATOMIC_SEQ_CST);
        for (ULONG i = 0; i < n; i++) {
            if (e[i].lpCompletionKey == KEY_QUIT) {
                /* One quit per thread: hand the others of this batch on. */
                for (ULONG j = i + 1; j < n; j++)
                    if (e[j].lpCompletionKey == KEY_QUIT)
                        PostQueuedCompletionStatus(iocp, 0, KEY_QUIT, NULL);
                return NULL;
            }
            if (e[i].lpCompletionKey == KEY_POSTED) {
                DWORD k = e[i].dwNumberOfBytesTransferred;
                if (k >= POSTS || __atomic_add_fetch(&posted_seen[k], 1, __ATOMIC_SEQ_CST) != 1)
                    __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
                __atomic_store_n(&posted_taken, (long)k + 1, __ATOMIC_SEQ_CST);
                continue;
            }
            hs_receive_slot *s = (hs_receive_slot *)e[i].lpOverlapped;
            /* A receive completed with an error: the queue is closing. */
            if (e[i].lpCompletionKey != KEY_QUEUE || s == NULL || s->ov.Internal != 0)
                continue;
            served(s);
            post_receive(s);
        }
    }
}

/* Posts one packet at a time and waits until a port thread took it: how long the longest wait was. */
static void *poster(void *arg) {
    uint64_t *worst = arg;
    for (DWORD k = 0; k < POSTS; k++) {
        uint64_t t0 = ts_now_ms();
        if (!PostQueuedCompletionStatus(iocp, k, KEY_POSTED, NULL))
            __atomic_add_fetch(&failures, 1, __ATOMIC_SEQ_CST);
        while (__atomic_load_n(&posted_taken, __ATOMIC_SEQ_CST) <= (long)k && ts_now_ms() - t0 < 20000)
            sched_yield();
        uint64_t ms = ts_now_ms() - t0;
        if (ms > *worst)
            *worst = ms;
        if (k % 64 == 0)
            usleep(200); /* let the threads go back to leading and waiting */
    }
    return NULL;
}

typedef struct {
    int index;
    int answers;
    pthread_t thread;
} client;

static void *client_thread(void *arg) {
    client *c = arg;
    char request[96];
    snprintf(request, sizeof request, "GET /c%d HTTP/1.1\r\nHost: a\r\n\r\n", c->index);
    c->answers = hs_repeat_on_connection(port, request, "\r\n\r\nok", PER_CLIENT, 10000);
    return NULL;
}

static void *watchdog(void *arg) {
    (void)arg;
    sleep(BOUND_SECONDS);
    fprintf(stderr, "FAIL: not finished within %d s (posted packets taken: %ld): a wake was lost\n", BOUND_SECONDS,
            __atomic_load_n(&posted_taken, __ATOMIC_SEQ_CST));
    _exit(2);
}

/* The child run (`lead-window`, with WINHTTPAPI_TEST_PAUSE_PORT_LEAD_US set): ONE thread in
 * GetQueuedCompletionStatusEx, no client traffic, a pending receive (so the thread leads the queue), and packets
 * posted one at a time, each while the thread sits in the widened window between taking the queue's lead (the
 * port's lock released) and leading it. Each must end the lead at once: the exit status says whether all were
 * taken within a second. Without the port's wake of its drivers in that window (`leaders`), a packet waits 3 s. */
static int lead_window(void) {
    HTTP_SERVER_SESSION_ID sid;
    HTTP_URL_GROUP_ID group;
    hs_init();
    port = hs_v2_setup(&sid, &group, &queue, "/", 0);
    iocp = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    if (port <= 0 || iocp == NULL || CreateIoCompletionPort(queue, iocp, KEY_QUEUE, 0) != iocp)
        return 3;
    post_receive(&slots[0]);
    pthread_t t;
    pthread_create(&t, NULL, port_thread, NULL);
    uint64_t worst = 0;
    int k;
    for (k = 0; k < 60 && worst < 1000; k++) {
        usleep(2000); /* the thread is back in GetQueuedCompletionStatusEx, in the paused window */
        uint64_t t0 = ts_now_ms();
        PostQueuedCompletionStatus(iocp, (DWORD)k, KEY_POSTED, NULL);
        while (__atomic_load_n(&posted_taken, __ATOMIC_SEQ_CST) <= k && ts_now_ms() - t0 < 3000)
            usleep(50);
        uint64_t ms = ts_now_ms() - t0;
        worst = ms > worst ? ms : worst;
    }
    printf("lead window: %d packets posted while the only thread took the queue's lead; longest wait %llu ms\n", k,
           (unsigned long long)worst);
    fflush(stdout);
    _exit(worst < 1000 && __atomic_load_n(&failures, __ATOMIC_SEQ_CST) == 0 ? 0 : 1);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "lead-window") == 0)
        return lead_window();
    pthread_t dog, threads[PORT_THREADS], post_thread;
    HTTP_SERVER_SESSION_ID sid;
    HTTP_URL_GROUP_ID group;
    pthread_create(&dog, NULL, watchdog, NULL);
    hs_init();
    port = hs_v2_setup(&sid, &group, &queue, "/", 0);
    CHECK(port > 0, "server");
    iocp = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    CHECK(iocp != NULL, "completion port");
    CHECK(CreateIoCompletionPort(queue, iocp, KEY_QUEUE, 0) == iocp, "request queue bound to it");
    for (int i = 0; i < PORT_THREADS; i++)
        pthread_create(&threads[i], NULL, port_thread, NULL);
    for (int i = 0; i < RECEIVES; i++)
        post_receive(&slots[i]);

    uint64_t worst = 0, t0 = ts_now_ms();
    pthread_create(&post_thread, NULL, poster, &worst);
    client clients[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
        clients[i].index = i;
        pthread_create(&clients[i].thread, NULL, client_thread, &clients[i]);
    }
    int answers = 0;
    for (int i = 0; i < CLIENTS; i++) {
        pthread_join(clients[i].thread, NULL);
        answers += clients[i].answers;
    }
    pthread_join(post_thread, NULL);
    uint64_t ms = ts_now_ms() - t0;
    printf("%d requests on %d connections and %d posted packets, %d threads in GetQueuedCompletionStatusEx (%d entries): "
           "%d answers, %ld batches (%ld with more than one entry), longest wait for a posted packet %llu ms, %llu ms in all\n",
           CLIENTS * PER_CLIENT, CLIENTS, POSTS, PORT_THREADS, ENTRIES, answers, batches, multi, (unsigned long long)worst,
           (unsigned long long)ms);
    CHECK_EQ(answers, CLIENTS * PER_CLIENT, "every client got every answer");
    for (int i = 0; i < CLIENTS; i++)
        CHECK(per_client[i] == PER_CLIENT, "connection %d: %ld requests received, want %d (none lost, none twice)", i,
              per_client[i], PER_CLIENT);
    CHECK_EQ(foreign, 0, "no other request");
    int missing = 0;
    for (int k = 0; k < POSTS; k++)
        missing += posted_seen[k] != 1;
    CHECK_EQ(missing, 0, "every posted packet taken exactly once");
    CHECK(worst < 1000, "no posted packet waited long (longest %llu ms)", (unsigned long long)worst);
    CHECK_EQ(__atomic_load_n(&failures, __ATOMIC_SEQ_CST), 0, "no call failed");

    /* The window widened (a fault-injection pause of 5 ms, in a child process so the load above runs without it). */
    char self[512] = {0}, out[512] = {0};
    CHECK(readlink("/proc/self/exe", self, sizeof self - 1) > 0, "own path");
    const char *child[] = {"sh", "-c", "WINHTTPAPI_TEST_PAUSE_PORT_LEAD_US=5000 exec \"$0\" lead-window", self, NULL};
    int rc = ts_run(child, out, sizeof out, 60000);
    printf("%s", out);
    CHECK(rc == 0, "a packet posted while the port's thread takes the queue's lead ends the lead at once (%d): %s", rc, out);

    HttpCloseRequestQueue(queue);
    for (int i = 0; i < PORT_THREADS; i++)
        PostQueuedCompletionStatus(iocp, 0, KEY_QUIT, NULL);
    for (int i = 0; i < PORT_THREADS; i++)
        pthread_join(threads[i], NULL);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(sid);
    CloseHandle(iocp);
    return ts_finish("httpapi_port_ex");
}
