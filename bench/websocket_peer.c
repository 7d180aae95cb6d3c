/* WebSocket echo benchmark, peer side: the same workload as websocket_winhttp.c over raw blocking
 * sockets (handshake, masked client frames, unmasked server frames), the least a client can do.
 * Prints "seconds_small seconds_large". usage: websocket_peer PORT COUNT_SMALL COUNT_LARGE */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int read_full(int fd, void *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r <= 0) return -1;
        got += (size_t)r;
    }
    return 0;
}

static unsigned char *frame;

/* One masked binary message out, its echo back (into in); 0 on success. */
static int round_trip(int fd, const unsigned char *msg, size_t len, unsigned char *in) {
    size_t hs = len < 126 ? 2 : len <= 0xffff ? 4 : 10;
    frame[0] = 0x82;
    if (hs == 2) frame[1] = 0x80 | (unsigned char)len;
    else if (hs == 4) frame[1] = 0x80 | 126, frame[2] = (unsigned char)(len >> 8), frame[3] = (unsigned char)len;
    else {
        frame[1] = 0x80 | 127;
        for (int i = 0; i < 8; i++) frame[2 + i] = (unsigned char)(len >> (56 - 8 * i));
    }
    unsigned char mask[4] = {0x12, 0x34, 0x56, 0x78};
    memcpy(frame + hs, mask, 4);
    for (size_t i = 0; i < len; i++) frame[hs + 4 + i] = msg[i] ^ mask[i & 3];
    size_t total = hs + 4 + len, put = 0;
    while (put < total) {
        ssize_t r = send(fd, frame + put, total - put, MSG_NOSIGNAL);
        if (r <= 0) return -1;
        put += (size_t)r;
    }
    unsigned char h[10];
    if (read_full(fd, h, 2)) return -1;
    uint64_t n = h[1] & 0x7f;
    if (n == 126) {
        if (read_full(fd, h + 2, 2)) return -1;
        n = (uint64_t)h[2] << 8 | h[3];
    } else if (n == 127) {
        if (read_full(fd, h + 2, 8)) return -1;
        n = 0;
        for (int i = 0; i < 8; i++) n = n << 8 | h[2 + i];
    }
    if (n != len) return -1;
    return read_full(fd, in, n);
}

int main(int argc, char **argv) {
    int port = atoi(argv[1]), small = atoi(argv[2]), large = atoi(argv[3]), one = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (connect(fd, (struct sockaddr *)&a, sizeof a)) return perror("connect"), 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char req[512];
    int n = snprintf(req, sizeof req, "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", port);
    if (send(fd, req, (size_t)n, 0) != n) return 1;
    char head[4096];
    size_t hl = 0;
    while (!strstr(head, "\r\n\r\n")) {
        ssize_t r = read(fd, head + hl, 1); /* byte at a time: nothing past the head is taken */
        if (r <= 0) return 1;
        hl += (size_t)r;
        head[hl] = 0;
    }
    size_t big = 1 << 20;
    unsigned char *msg = malloc(big), *in = malloc(big);
    frame = malloc(big + 14);
    for (size_t i = 0; i < big; i++) msg[i] = (unsigned char)i;
    double t0 = now();
    for (int i = 0; i < small; i++)
        if (round_trip(fd, msg, 100, in)) return fprintf(stderr, "small %d failed\n", i), 1;
    double t1 = now();
    for (int i = 0; i < large; i++)
        if (round_trip(fd, msg, big, in) || memcmp(in, msg, big)) return fprintf(stderr, "large %d failed\n", i), 1;
    double t2 = now();
    printf("%.4f %.4f\n", t1 - t0, t2 - t1);
    return 0;
}
