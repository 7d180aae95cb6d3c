/* WebSocket echo server for bench/websocket.sh: one thread per connection, blocking sockets; answers
 * the opening handshake, then echoes every data frame back unmasked (same opcode and FIN bit),
 * answers a close frame with a close frame. usage: websocket_server PORT */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <openssl/sha.h>
#include <openssl/evp.h>

static int read_full(int fd, void *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r <= 0) return -1;
        got += (size_t)r;
    }
    return 0;
}

static int write_full(int fd, const void *buf, size_t n) {
    size_t put = 0;
    while (put < n) {
        ssize_t r = send(fd, (const char *)buf + put, n - put, MSG_NOSIGNAL);
        if (r <= 0) return -1;
        put += (size_t)r;
    }
    return 0;
}

static void *serve(void *arg) {
    int fd = (int)(intptr_t)arg;
    char head[8192];
    size_t hl = 0;
    while (hl < sizeof head - 1) {
        ssize_t r = read(fd, head + hl, sizeof head - 1 - hl);
        if (r <= 0) goto out;
        hl += (size_t)r;
        head[hl] = 0;
        if (strstr(head, "\r\n\r\n")) break;
    }
    char *k = strcasestr(head, "\r\nSec-WebSocket-Key:");
    if (!k) goto out;
    k += 20;
    while (*k == ' ') k++;
    char key[128];
    size_t kl = strcspn(k, "\r\n");
    if (kl > 60) goto out;
    snprintf(key, sizeof key, "%.*s258EAFA5-E914-47DA-95CA-C5AB0DC85B11", (int)kl, k);
    unsigned char sha[20];
    SHA1((const unsigned char *)key, strlen(key), sha);
    char accept[64];
    EVP_EncodeBlock((unsigned char *)accept, sha, 20);
    char resp[512];
    int n = snprintf(resp, sizeof resp, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n", accept);
    if (write_full(fd, resp, (size_t)n)) goto out;
    size_t cap = 1 << 16;
    unsigned char *buf = malloc(cap + 14);
    for (;;) {
        unsigned char h[14];
        if (read_full(fd, h, 2)) break;
        uint64_t len = h[1] & 0x7f;
        if (len == 126) {
            if (read_full(fd, h + 2, 2)) break;
            len = (uint64_t)h[2] << 8 | h[3];
        } else if (len == 127) {
            if (read_full(fd, h + 2, 8)) break;
            len = 0;
            for (int i = 0; i < 8; i++) len = len << 8 | h[2 + i];
        }
        unsigned char mask[4] = {0};
        if (h[1] & 0x80 && read_full(fd, mask, 4)) break;
        if (len > cap) {
            cap = len;
            buf = realloc(buf, cap + 14);
        }
        /* Room for the unmasked header in front of the payload: one write per frame. */
        unsigned char *p = buf + 14;
        if (read_full(fd, p, len)) break;
        if (h[1] & 0x80)
            for (uint64_t i = 0; i < len; i++) p[i] ^= mask[i & 3];
        size_t hs;
        if (len < 126) {
            hs = 2;
            p[-1] = (unsigned char)len;
        } else if (len <= 0xffff) {
            hs = 4;
            p[-3] = 126, p[-2] = (unsigned char)(len >> 8), p[-1] = (unsigned char)len;
        } else {
            hs = 10;
            p[-9] = 127;
            for (int i = 0; i < 8; i++) p[-8 + i] = (unsigned char)(len >> (56 - 8 * i));
        }
        p[-(long)hs] = h[0];
        if (write_full(fd, p - hs, hs + len)) break;
        if ((h[0] & 0x0f) == 8) break;
    }
    free(buf);
out:
    close(fd);
    return NULL;
}

int main(int argc, char **argv) {
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 64)) return perror("listen"), 1;
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0) continue;
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        pthread_t t;
        pthread_create(&t, NULL, serve, (void *)(intptr_t)c);
        pthread_detach(t);
    }
}
