/* Idle keep-alive connections are lean (issue 10 item 2, DESIGN.md section 9): a connection waiting for its
 * next request holds no read buffer, no response buffer and no per-request state, and what closed
 * connections gave back is used again. bench/idle.sh measures it with 10,000 connections against the
 * 2 KiB target; this test holds the shape with fewer and a looser bound so a busy machine does not fail it:
 * N connections each send one request, get their answer and stay open; the server's resident memory
 * (this process: the clients' sockets cost the kernel, not this process's pages) may grow by at most
 * BOUND bytes per connection; every connection then answers a second request; all are closed, and two more
 * rounds of N follow: each ends at most a quarter of the first round's bound above the first (reused, not
 * grown; ~40-140 KiB in practice). The process keeps one malloc arena (M_ARENA_MAX 1, set before any thread starts): glibc otherwise
 * gives threads arenas of their own, and a round served by a thread whose arena had not yet held connections
 * fills it once (up to ~1 MiB here, depending on which runtime or application thread the machine's load let
 * run), which says nothing about whether the engine gives back what closed connections held. */
#include "httpapi_support.h"
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

enum {
    N = 1000,
    BOUND = 4 * 1024, /* bytes per idle connection: twice the design target, far below the old ~19 KB */
};

static const char req[] = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
static int fds[N];

/* One request on `fd` and its whole answer; 1 when it came. */
static int ask(int fd) {
    char buf[1024];
    if (ts_send_all(fd, req, sizeof req - 1) != 0) return 0;
    return ts_recv_until(fd, buf, sizeof buf, "\r\n\r\nhello", 5000) > 0 && strstr(buf, "\r\n\r\nhello") != NULL;
}

/* Opens N connections, each answered once and left idle; returns how many were answered. */
static int open_round(int port) {
    int ok = 0;
    for (int i = 0; i < N; i++) {
        fds[i] = ts_connect(port, 0);
        ok += fds[i] >= 0 && ask(fds[i]);
    }
    return ok;
}

int main(void) {
    mallopt(M_ARENA_MAX, 1);
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 2 * N + 256) {
        rl.rlim_cur = rl.rlim_max < 2 * N + 256 ? rl.rlim_max : 2 * N + 256;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    hs_init();
    HANDLE q;
    int port = hs_v1_queue(&q, "/");
    CHECK(port > 0, "queue");
    hs_app app;
    hs_app_start(&app, q);
    /* Warm the paths a first request takes (threads, the listener, per-thread scratch) on a few
     * connections, closed again. */
    for (int i = 0; i < 16; i++) {
        int fd = ts_connect(port, 0);
        CHECK(fd >= 0 && ask(fd), "warm-up request %d", i);
        close(fd);
    }
    usleep(200 * 1000);

    long before = ts_rss_kib();
    CHECK_EQ(open_round(port), N, "every connection answered");
    usleep(200 * 1000);
    long idle = ts_rss_kib();
    long per = (idle - before) * 1024 / N;
    printf("%d idle keep-alive connections: RSS %ld -> %ld KiB, %ld bytes each (bound %d)\n", N, before, idle, per, BOUND);
    CHECK(before > 0 && per <= BOUND, "bytes per idle connection %ld <= %d", per, BOUND);
    int again = 0;
    for (int i = 0; i < N; i++) again += ask(fds[i]);
    CHECK_EQ(again, N, "every idle connection answers a second request");

    long rounds[3] = {idle, 0, 0};
    for (int r = 1; r < 3; r++) {
        for (int i = 0; i < N; i++) close(fds[i]);
        usleep(500 * 1000);
        int ok = open_round(port);
        CHECK(ok == N, "round %d: every connection answered (%d)", r + 1, ok);
        usleep(200 * 1000);
        rounds[r] = ts_rss_kib();
    }
    printf("RSS after each round of %d: %ld, %ld, %ld KiB\n", N, rounds[0], rounds[1], rounds[2]);
    for (int r = 1; r < 3; r++)
        CHECK(rounds[r] - rounds[0] <= (long)N * BOUND / 4 / 1024,
              "memory of closed connections reused: %ld KiB after round %d, %ld after the first", rounds[r], r + 1,
              rounds[0]);
    for (int i = 0; i < N; i++) close(fds[i]);

    hs_app_stop(&app);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return ts_finish("httpapi_idle_memory");
}
