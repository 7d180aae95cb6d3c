/* WebSocket echo benchmark, WinHTTP side: one synchronous WinHTTP WebSocket, COUNT_SMALL messages of
 * 100 B then COUNT_LARGE of 1 MiB, each sent as one binary message and received back whole (a
 * receive buffer of 64 KiB: a large message arrives as fragments, then its final piece).
 * Prints "seconds_small seconds_large". usage: websocket_winhttp PORT COUNT_SMALL COUNT_LARGE */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static int round_trip(HINTERNET ws, unsigned char *msg, DWORD len, unsigned char *in) {
    if (WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, msg, len) != NO_ERROR) return -1;
    DWORD got = 0;
    for (;;) {
        DWORD n = 0;
        WINHTTP_WEB_SOCKET_BUFFER_TYPE type;
        DWORD room = len - got < 65536 ? len - got : 65536;
        if (room == 0) room = 1;
        if (WinHttpWebSocketReceive(ws, in + got, room, &n, &type) != NO_ERROR) return -1;
        got += n;
        if (type == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE) break;
        if (type != WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE) return -1;
    }
    return got == len ? 0 : -1;
}

int main(int argc, char **argv) {
    int port = atoi(argv[1]), small = atoi(argv[2]), large = atoi(argv[3]);
    HINTERNET ses = WinHttpOpen(L"bench", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/ws", NULL, NULL, NULL, 0);
    if (!WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0) || !WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) ||
        !WinHttpReceiveResponse(req, NULL))
        return fprintf(stderr, "handshake failed: %u\n", GetLastError()), 1;
    HINTERNET ws = WinHttpWebSocketCompleteUpgrade(req, 0);
    if (!ws) return fprintf(stderr, "upgrade failed: %u\n", GetLastError()), 1;
    WinHttpCloseHandle(req);
    DWORD big = 1 << 20;
    unsigned char *msg = malloc(big), *in = malloc(big);
    for (DWORD i = 0; i < big; i++) msg[i] = (unsigned char)i;
    double t0 = now();
    for (int i = 0; i < small; i++)
        if (round_trip(ws, msg, 100, in)) return fprintf(stderr, "small %d failed: %u\n", i, GetLastError()), 1;
    double t1 = now();
    for (int i = 0; i < large; i++)
        if (round_trip(ws, msg, big, in) || memcmp(in, msg, big)) return fprintf(stderr, "large %d failed\n", i), 1;
    double t2 = now();
    printf("%.4f %.4f\n", t1 - t0, t2 - t1);
    WinHttpWebSocketClose(ws, WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS, NULL, 0);
    WinHttpCloseHandle(ws);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    return 0;
}
