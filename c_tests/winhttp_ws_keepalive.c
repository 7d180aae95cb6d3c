#define _GNU_SOURCE
/* WebSocket keep-alive (WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL): a WebSocket that has sent
 * nothing for the interval sends a keep-alive frame, an unsolicited pong with no payload (what
 * Windows' WebSocket component sends, WEB_SOCKET_UNSOLICITED_PONG_BUFFER_TYPE). The python peer
 * answers every pong it gets with a text message "pong:<payload>", so a receive pending on the
 * client sees the keep-alive go out. Three WebSockets at once, each waiting in a receive:
 * - the interval set on the session (15000 ms, Windows' minimum): the pong comes after 15 s;
 * - keep-alive off on the session (0), 15000 set on the WebSocket handle: the same;
 * - keep-alive off: nothing is sent (the receive is still pending when the others are done).
 * Bounded: a guard thread closes every handle after 30 s. */
#include <windows.h>
#include <winhttp.h>
#include <pthread.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

static int port;

static HINTERNET session_with(DWORD interval) {
    HINTERNET ses = WinHttpOpen(L"ws-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL, &interval, sizeof interval), "session interval %u: %u",
          interval, GetLastError());
    return ses;
}

struct waiter {
    HINTERNET ws;
    uint64_t start, at;
    DWORD err, n;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
    char buf[64];
    volatile int done;
};

static void *receive_one(void *p) {
    struct waiter *w = p;
    w->err = WinHttpWebSocketReceive(w->ws, w->buf, sizeof w->buf - 1, &w->n, &w->t);
    w->at = ts_now_ms();
    w->done = 1;
    return NULL;
}

static struct waiter ws[3];
static volatile int finished;

static void *guard(void *p) {
    (void)p;
    for (int i = 0; i < 300 && !finished; i++) usleep(100000);
    if (!finished)
        for (int i = 0; i < 3; i++)
            if (!ws[i].done) WinHttpCloseHandle(ws[i].ws);
    return NULL;
}

int main(void) {
    pid_t pid;
    port = whs_start_script("c_tests/support/winhttp_ws_server.py", &pid);
    CHECK(port != 0, "server started");
    if (port) {
        HINTERNET s_on = session_with(15000), s_off = session_with(0);
        ws[0].ws = whs_ws_open(s_on, port);
        ws[1].ws = whs_ws_open(s_off, port);
        ws[2].ws = whs_ws_open(s_off, port);
        CHECK(ws[0].ws && ws[1].ws && ws[2].ws, "three upgrades");
        DWORD v = 15000, low = 14999;
        CHECK(!WinHttpSetOption(ws[1].ws, WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL, &low, sizeof low) &&
                  GetLastError() == ERROR_INVALID_PARAMETER,
              "below the minimum on the WebSocket handle: ERROR_INVALID_PARAMETER");
        CHECK(WinHttpSetOption(ws[1].ws, WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL, &v, sizeof v), "interval on the WebSocket handle: %u",
              GetLastError());
        pthread_t g, t[3];
        pthread_create(&g, NULL, guard, NULL);
        for (int i = 0; i < 3; i++) {
            ws[i].start = ts_now_ms();
            pthread_create(&t[i], NULL, receive_one, &ws[i]);
        }
        for (int i = 0; i < 2; i++) {
            pthread_join(t[i], NULL);
            uint64_t after = ws[i].at - ws[i].start;
            ws[i].buf[ws[i].n] = 0;
            CHECK(ws[i].err == NO_ERROR && ws[i].t == WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE && strcmp(ws[i].buf, "pong:") == 0,
                  "websocket %d: the peer saw an empty pong (err %u, '%s')", i, ws[i].err, ws[i].buf);
            CHECK(after >= 14500 && after <= 22000, "websocket %d: the keep-alive went out after %llu ms (interval 15000)", i,
                  (unsigned long long)after);
        }
        usleep(500000);
        CHECK(!ws[2].done, "keep-alive off: nothing was sent (the receive still waits)");
        finished = 1;
        /* Closing the handle ends the pending receive. */
        WinHttpCloseHandle(ws[2].ws);
        pthread_join(t[2], NULL);
        pthread_join(g, NULL);
        for (int i = 0; i < 2; i++) {
            if (ws[i].ws) {
                /* Still a working WebSocket after its keep-alive: an echo, then the close handshake. */
                CHECK_EQ(WinHttpWebSocketSend(ws[i].ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, (PVOID) "hi", 2), NO_ERROR, "send");
                char b[8];
                DWORD n = 0;
                WINHTTP_WEB_SOCKET_BUFFER_TYPE ty;
                CHECK(WinHttpWebSocketReceive(ws[i].ws, b, sizeof b, &n, &ty) == NO_ERROR && n == 2 && memcmp(b, "hi", 2) == 0, "echo");
                CHECK_EQ(WinHttpWebSocketClose(ws[i].ws, WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS, NULL, 0), NO_ERROR, "close");
                WinHttpCloseHandle(ws[i].ws);
            }
        }
        WinHttpCloseHandle(s_on);
        WinHttpCloseHandle(s_off);
        printf("keep-alive: an empty unsolicited pong after the interval; none when off\n");
    }
    ts_kill(pid);
    return ts_finish("winhttp_ws_keepalive");
}
