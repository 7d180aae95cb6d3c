/*
 * The ceiling for bench/server.sh: one thread, one epoll set, non-blocking sockets, and for every request
 * head that arrives the same response bytes the http.sys hello server sends (status line, Content-Type,
 * Content-Length, Server, Date, body). No parsing beyond finding the end of each head, no allocation per
 * request: what a server on this machine cannot beat.
 *
 *   epoll_hello [port]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_EVENTS 256

static char g_response[256];
static size_t g_response_len;
static time_t g_date_second;

/* The response with the current Date (rewritten once a second, as http.sys caches its date). */
static void refresh_response(void)
{
    time_t now = time(NULL);
    char date[64];
    struct tm tm;
    if (now == g_date_second)
        return;
    g_date_second = now;
    gmtime_r(&now, &tm);
    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    g_response_len = (size_t)snprintf(g_response, sizeof(g_response),
                                      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n"
                                      "Server: Microsoft-HTTPAPI/2.0\r\nDate: %s\r\n\r\nHello, World!",
                                      date);
}

/* Per connection: how far into "\r\n\r\n" the last read ended (heads split across reads). */
struct conn {
    int fd;
    int matched;
};

int main(int argc, char **argv)
{
    int port = argc > 1 ? atoi(argv[1]) : 8082;
    int one = 1;
    struct sockaddr_in addr;
    struct epoll_event ev, events[MAX_EVENTS];
    int lfd, ep;

    signal(SIGPIPE, SIG_IGN);
    lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(lfd, (struct sockaddr *)&addr, sizeof(addr)) != 0 || listen(lfd, 1024) != 0) {
        perror("bind/listen");
        return 1;
    }
    ep = epoll_create1(0);
    ev.events = EPOLLIN;
    ev.data.ptr = NULL;
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    printf("epoll_hello on %d\n", port);
    fflush(stdout);
    refresh_response();

    for (;;) {
        int n = epoll_wait(ep, events, MAX_EVENTS, -1);
        refresh_response();
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (c == NULL) {
                for (;;) {
                    int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
                    if (fd < 0)
                        break;
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
                    c = calloc(1, sizeof(*c));
                    c->fd = fd;
                    ev.events = EPOLLIN | EPOLLRDHUP;
                    ev.data.ptr = c;
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
                }
                continue;
            }
            char buf[4096];
            ssize_t r = read(c->fd, buf, sizeof(buf));
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN)
                    continue;
                close(c->fd);
                free(c);
                continue;
            }
            /* Count the heads that ended in this read. */
            int heads = 0;
            for (ssize_t k = 0; k < r; k++) {
                static const char end[] = "\r\n\r\n";
                if (buf[k] == end[c->matched]) {
                    if (++c->matched == 4) {
                        heads++;
                        c->matched = 0;
                    }
                } else {
                    c->matched = buf[k] == '\r' ? 1 : 0;
                }
            }
            for (int h = 0; h < heads; h++) {
                if (send(c->fd, g_response, g_response_len, MSG_NOSIGNAL) < 0)
                    break;
            }
        }
    }
}
