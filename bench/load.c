/*
 * A fixed-count load generator for the CPU-per-request figures (bench/cpu.sh): CONNS keep-alive
 * connections, each sending `GET / HTTP/1.1` and waiting for the whole response (Content-Length) before
 * the next, until TOTAL responses came back. One thread, one epoll set. Prints the responses and the
 * seconds taken; exits non-zero when a connection fails.
 *
 *   load PORT TOTAL [CONNS]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char g_request[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

struct conn {
    int fd;
    size_t have;
    char buf[4096];
};

/* A whole response at the start of buf: its length, or 0 when more is needed. */
static size_t response_length(const char *buf, size_t have)
{
    const char *end = memmem(buf, have, "\r\n\r\n", 4);
    if (end == NULL)
        return 0;
    size_t head = (size_t)(end - buf) + 4;
    const char *cl = memmem(buf, head, "Content-Length:", 15);
    if (cl == NULL)
        cl = memmem(buf, head, "content-length:", 15);
    size_t body = cl ? strtoul(cl + 15, NULL, 10) : 0;
    return have >= head + body ? head + body : 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: load PORT TOTAL [CONNS]\n");
        return 2;
    }
    int port = atoi(argv[1]);
    long total = atol(argv[2]);
    int conns = argc > 3 ? atoi(argv[3]) : 64;
    long sent = 0, done = 0;
    int ep = epoll_create1(0);
    struct conn *cs = calloc((size_t)conns, sizeof(*cs));
    struct timespec t0, t1;
    struct sockaddr_in addr;
    int one = 1;

    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < conns && sent < total; i++) {
        struct epoll_event ev;
        cs[i].fd = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(cs[i].fd, (struct sockaddr *)&addr, sizeof(addr)) != 0) {
            perror("connect");
            return 1;
        }
        setsockopt(cs[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        ev.events = EPOLLIN;
        ev.data.ptr = &cs[i];
        epoll_ctl(ep, EPOLL_CTL_ADD, cs[i].fd, &ev);
        if (send(cs[i].fd, g_request, sizeof(g_request) - 1, MSG_NOSIGNAL) < 0)
            return 1;
        sent++;
    }
    while (done < total) {
        struct epoll_event evs[64];
        int n = epoll_wait(ep, evs, 64, 10000);
        if (n <= 0) {
            fprintf(stderr, "load: no answer for 10 s (%ld of %ld done)\n", done, total);
            return 1;
        }
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            ssize_t r = recv(c->fd, c->buf + c->have, sizeof(c->buf) - c->have, 0);
            if (r <= 0) {
                fprintf(stderr, "load: connection ended (%ld of %ld done)\n", done, total);
                return 1;
            }
            c->have += (size_t)r;
            size_t len;
            while ((len = response_length(c->buf, c->have)) > 0) {
                memmove(c->buf, c->buf + len, c->have - len);
                c->have -= len;
                done++;
                if (sent < total) {
                    if (send(c->fd, g_request, sizeof(g_request) - 1, MSG_NOSIGNAL) < 0)
                        return 1;
                    sent++;
                }
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%ld responses in %.3f s\n", done, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
    return 0;
}
