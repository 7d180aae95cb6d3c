#define _GNU_SOURCE
/* WinHTTP WebSocket details as Windows records them (issue 12):
 * - Sec-WebSocket-Key and Sec-WebSocket-Version are added at send time (not when
 *   WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET is set), every send makes a new key, and
 *   WinHttpWebSocketCompleteUpgrade after a re-send gives a working WebSocket;
 * - a binary message larger than the receive buffer arrives as fragments, then the final piece;
 * - a send and a receive of one synchronous WebSocket are pending at once (a receive blocked on
 *   another thread does not hold up sends). */
#include <windows.h>
#include <winhttp.h>
#include <pthread.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

static int port;

/* The Sec-WebSocket-Key of the request head as WinHTTP reports it ("" when there is none). */
static void key_of(HINTERNET req, char *out, size_t cap) {
    wchar_t w[4096];
    DWORD len = sizeof w;
    out[0] = 0;
    if (!WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, w, &len, NULL)) return;
    char head[4096];
    wcstombs(head, w, sizeof head);
    char *k = strstr(head, "Sec-WebSocket-Key: ");
    if (!k) return;
    k += 19;
    size_t n = strcspn(k, "\r\n");
    snprintf(out, cap, "%.*s", (int)n, k);
}

static void test_key_at_send(void) {
    HINTERNET ses = WinHttpOpen(L"ws-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, 0);
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0), "upgrade option");
    char k0[64], k1[64], k2[64];
    key_of(req, k0, sizeof k0);
    CHECK(k0[0] == 0, "no key before the send (%s)", k0);
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "first handshake: %u", GetLastError());
    key_of(req, k1, sizeof k1);
    CHECK(strlen(k1) == 24, "a key went with the send (%s)", k1);
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "second handshake: %u", GetLastError());
    key_of(req, k2, sizeof k2);
    CHECK(strlen(k2) == 24 && strcmp(k1, k2) != 0, "a new key for the re-send (%s, %s)", k1, k2);
    HINTERNET ws = WinHttpWebSocketCompleteUpgrade(req, 0);
    CHECK(ws != NULL, "upgrade after the re-send: %u", GetLastError());
    if (ws) {
        CHECK_EQ(WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, (PVOID) "hi", 2), NO_ERROR, "send");
        char buf[16];
        DWORD n = 0;
        WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
        CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &n, &t), NO_ERROR, "receive");
        CHECK(n == 2 && memcmp(buf, "hi", 2) == 0 && t == WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "the echo");
        WinHttpWebSocketClose(ws, WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS, NULL, 0);
        WinHttpCloseHandle(ws);
    }
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    printf("the handshake key is chosen at each send\n");
}

static void test_large_binary_in_pieces(void) {
    HINTERNET ses = WinHttpOpen(L"ws-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET ws = whs_ws_open(ses, port);
    CHECK(ws != NULL, "upgrade");
    if (ws) {
        CHECK_EQ(WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, (PVOID) "big:100", 7), NO_ERROR, "ask for 100 bytes");
        static const struct { DWORD n; WINHTTP_WEB_SOCKET_BUFFER_TYPE t; } want[] = {
            {40, WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE},
            {40, WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE},
            {20, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE},
        };
        unsigned char buf[40];
        int ok = 1, at = 0;
        for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
            DWORD n = 0;
            WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
            /* The pieces may arrive smaller than the buffer: collect them up to each expected row. */
            DWORD got = 0;
            do {
                if (WinHttpWebSocketReceive(ws, buf + got, want[i].n - got, &n, &t) != NO_ERROR) ok = 0;
                for (DWORD j = 0; j < n; j++) ok &= buf[got + j] == (unsigned char)(((at + got + j) & 0xff) ^ 0xcc);
                got += n;
            } while (ok && got < want[i].n && t == WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE);
            CHECK(ok && got == want[i].n && t == want[i].t, "piece %zu: %u bytes, type %d", i, got, (int)t);
            at += (int)got;
        }
        WinHttpWebSocketClose(ws, WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS, NULL, 0);
        WinHttpCloseHandle(ws);
    }
    WinHttpCloseHandle(ses);
    printf("a message larger than the buffer: fragments, then the final piece\n");
}

struct pending {
    HINTERNET ws;
    DWORD err, n;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
    char buf[64];
};

static void *receive_one(void *p) {
    struct pending *r = p;
    r->err = WinHttpWebSocketReceive(r->ws, r->buf, sizeof r->buf, &r->n, &r->t);
    return NULL;
}

static void test_send_while_receive_pending(void) {
    HINTERNET ses = WinHttpOpen(L"ws-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET ws = whs_ws_open(ses, port);
    CHECK(ws != NULL, "upgrade");
    if (ws) {
        static struct pending r;
        memset(&r, 0, sizeof r);
        r.ws = ws;
        pthread_t t;
        pthread_create(&t, NULL, receive_one, &r);
        usleep(100000); /* the receive waits: nothing was sent yet */
        uint64_t t0 = ts_now_ms();
        CHECK_EQ(WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, (PVOID) "x", 1), NO_ERROR, "send while a receive is pending");
        CHECK(ts_now_ms() - t0 < 1000, "the send did not wait for the receive");
        pthread_join(t, NULL);
        CHECK(r.err == NO_ERROR && r.n == 1 && r.buf[0] == 'x', "the pending receive got the echo (%u, %u)", r.err, r.n);
        WinHttpWebSocketClose(ws, WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS, NULL, 0);
        WinHttpCloseHandle(ws);
    }
    WinHttpCloseHandle(ses);
    printf("a send goes out while a receive is pending\n");
}

int main(void) {
    pid_t pid;
    port = whs_start_script("c_tests/support/winhttp_ws_server.py", &pid);
    CHECK(port != 0, "server started");
    if (port) {
        test_key_at_send();
        test_large_binary_in_pieces();
        test_send_while_receive_pending();
    }
    ts_kill(pid);
    return ts_finish("winhttp_ws_keys");
}
