#define _GNU_SOURCE
/* WinHTTP WebSocket client (WinHttpWebSocketCompleteUpgrade/Send/Receive/Close/Shutdown/
 * QueryCloseStatus) against a real RFC 6455 server on loopback (support/winhttp_ws_server.py).
 * Synchronous mode: the upgrade and its failures, echo of every buffer type, fragments both ways, a
 * message bigger than the buffer, ping answered internally, close/shutdown handshakes both ways,
 * every documented error and bad input, a close or handle close ending a receive pending on another
 * thread. Asynchronous mode: the completions (WRITE_COMPLETE/READ_COMPLETE with
 * WINHTTP_WEB_SOCKET_STATUS, SHUTDOWN_COMPLETE, CLOSE_COMPLETE, REQUEST_ERROR with
 * WINHTTP_WEB_SOCKET_ASYNC_RESULT) as Wine's test_websocket records Windows' behaviour. */
#include <windows.h>
#include <winhttp.h>
#include <pthread.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

/* CHECK_EQ with an optional description (the expression itself when none is given). */
#define WS_EQ(a, b, what, ...) ts_check_eq((unsigned long long)(a), (unsigned long long)(b), __FILE__, __LINE__, what)
#undef CHECK_EQ
#define CHECK_EQ(...) WS_EQ(__VA_ARGS__, #__VA_ARGS__, "")

static int port;

/* Opens a session (sync or async is the caller's), sends the handshake to path and receives the
 * response; returns the request (NULL on failure; the error in *err). */
static HINTERNET handshake(HINTERNET ses, HINTERNET *con, const wchar_t *path, BOOL upgrade, DWORD *err) {
    *con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(*con, L"GET", path, NULL, NULL, NULL, 0);
    if (upgrade && !WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0)) {
        *err = GetLastError();
        return NULL;
    }
    if (!WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) || !WinHttpReceiveResponse(req, NULL)) {
        *err = GetLastError();
        return NULL;
    }
    return req;
}

/* A WebSocket on /echo (sync session); the request and connect handles are closed at once, as
 * Microsoft's sample does. */
static HINTERNET ws_open(HINTERNET ses) {
    HINTERNET con;
    DWORD err = 0;
    HINTERNET req = handshake(ses, &con, L"/echo", TRUE, &err);
    HINTERNET ws = req ? WinHttpWebSocketCompleteUpgrade(req, 0) : NULL;
    if (!ws) printf("  upgrade failed: %u / %u\n", err, GetLastError());
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    return ws;
}

static DWORD send_str(HINTERNET ws, WINHTTP_WEB_SOCKET_BUFFER_TYPE t, const char *s) {
    return WinHttpWebSocketSend(ws, t, (PVOID)s, (DWORD)strlen(s));
}

/* One receive into buf (NUL-terminated); returns the error, bytes and type through pointers. */
static DWORD recv1(HINTERNET ws, char *buf, DWORD cap, DWORD *n, WINHTTP_WEB_SOCKET_BUFFER_TYPE *t) {
    *n = 0xdeadbeef;
    *t = (WINHTTP_WEB_SOCKET_BUFFER_TYPE)0xdeadbeef;
    DWORD e = WinHttpWebSocketReceive(ws, buf, cap - 1, n, t);
    if (e == NO_ERROR && *n < cap) buf[*n] = 0;
    return e;
}

/* Receives a whole message (fragments appended); returns the number of receives, -1 on error. */
static int recv_msg(HINTERNET ws, char *buf, size_t cap, DWORD piece, size_t *len, WINHTTP_WEB_SOCKET_BUFFER_TYPE *last) {
    *len = 0;
    for (int i = 1; i < 100000; i++) {
        DWORD n;
        WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
        DWORD room = (DWORD)(cap - *len) < piece ? (DWORD)(cap - *len) : piece;
        DWORD e = WinHttpWebSocketReceive(ws, buf + *len, room, &n, &t);
        if (e != NO_ERROR) return -1;
        *len += n;
        *last = t;
        if (t != WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE && t != WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE) return i;
    }
    return -1;
}

static void test_upgrade_errors(HINTERNET ses) {
    printf("upgrade: option and CompleteUpgrade errors\n");
    SetLastError(0);
    CHECK(!WinHttpSetOption(ses, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0), "option on a session handle");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "upgrade option on session");

    SetLastError(0);
    CHECK(WinHttpWebSocketCompleteUpgrade(NULL, 0) == NULL);
    CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE, "CompleteUpgrade(NULL)");
    CHECK(WinHttpWebSocketCompleteUpgrade(ses, 0) == NULL);
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "CompleteUpgrade(session)");

    /* Before any response. */
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, 0);
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0), "option on a request");
    CHECK(WinHttpWebSocketCompleteUpgrade(req, 0) == NULL);
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "CompleteUpgrade before send");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);

    struct { const wchar_t *path; BOOL upgrade; DWORD status; DWORD err; const char *what; } rows[] = {
        {L"/nows", TRUE, 200, ERROR_WINHTTP_INVALID_SERVER_RESPONSE, "200 instead of 101"},
        {L"/badaccept", TRUE, 101, ERROR_WINHTTP_INVALID_SERVER_RESPONSE, "wrong Sec-WebSocket-Accept"},
        {L"/noupgrade", TRUE, 101, ERROR_WINHTTP_INVALID_SERVER_RESPONSE, "101 without Upgrade: websocket"},
        {L"/nows", FALSE, 200, ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "no upgrade option"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        DWORD err = 0;
        req = handshake(ses, &con, rows[i].path, rows[i].upgrade, &err);
        CHECK(req != NULL, "%s: handshake sent (%u)", rows[i].what, err);
        CHECK_EQ(whs_status(req), rows[i].status, rows[i].what);
        SetLastError(0);
        CHECK(WinHttpWebSocketCompleteUpgrade(req, 0) == NULL, "%s", rows[i].what);
        CHECK_EQ(GetLastError(), rows[i].err, rows[i].what);
        WinHttpCloseHandle(req);
        WinHttpCloseHandle(con);
    }

    /* A second CompleteUpgrade finds the connection gone; the request's head had the handshake. */
    DWORD err = 0;
    req = handshake(ses, &con, L"/echo", TRUE, &err);
    wchar_t head[2048];
    DWORD hl = sizeof head;
    CHECK(WinHttpQueryHeaders(req, WINHTTP_QUERY_RAW_HEADERS_CRLF | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, head, &hl, NULL));
    CHECK(wcsstr(head, L"Upgrade: websocket") && wcsstr(head, L"Connection: Upgrade") && wcsstr(head, L"Sec-WebSocket-Version: 13") &&
              wcsstr(head, L"Sec-WebSocket-Key: "),
          "handshake head: %ls", head);
    CHECK_EQ(whs_status(req), 101, "status 101");
    HINTERNET ws = WinHttpWebSocketCompleteUpgrade(req, 0x1234);
    CHECK(ws != NULL, "upgrade");
    CHECK(WinHttpWebSocketCompleteUpgrade(req, 0) == NULL);
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "second CompleteUpgrade");
    /* Options of a WebSocket handle: its kind, context, parent; a status callback may be set. */
    DWORD type = 0, tl = sizeof type;
    CHECK(WinHttpQueryOption(ws, WINHTTP_OPTION_HANDLE_TYPE, &type, &tl) && type == WINHTTP_HANDLE_TYPE_WEBSOCKET, "handle type %u", type);
    DWORD_PTR ctx = 0, parent = 0;
    tl = sizeof ctx;
    CHECK(WinHttpQueryOption(ws, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, &tl) && ctx == 0x1234, "context from CompleteUpgrade");
    ctx = 0x777;
    CHECK(WinHttpSetOption(ws, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx));
    tl = sizeof ctx;
    CHECK(WinHttpQueryOption(ws, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, &tl) && ctx == 0x777, "context set");
    tl = sizeof parent;
    CHECK(WinHttpQueryOption(ws, WINHTTP_OPTION_PARENT_HANDLE, &parent, &tl) && parent == (DWORD_PTR)req, "parent is the request");
    CHECK(WinHttpSetStatusCallback(ws, NULL, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0) != WINHTTP_INVALID_STATUS_CALLBACK, "callback on a websocket");
    /* The WebSocket handle is its own kind: request functions refuse it. */
    CHECK(!WinHttpReceiveResponse(ws, NULL));
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "ReceiveResponse(websocket)");
    CHECK(WinHttpCloseHandle(ws), "close the websocket handle");
    CHECK(WinHttpCloseHandle(req));
    WinHttpCloseHandle(con);
}

static void test_echo(HINTERNET ses) {
    printf("echo: text, binary, empty, fragments, big, ping\n");
    HINTERNET ws = ws_open(ses);
    CHECK(ws != NULL);
    if (!ws) return;
    char buf[8192];
    DWORD n;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE t;

    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "hello"), NO_ERROR, "send text");
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR, "receive text");
    CHECK(n == 5 && t == WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE && !strcmp(buf, "hello"), "text echo: %u %d %s", n, t, buf);

    CHECK_EQ(WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, "\0\1\2\3", 4), NO_ERROR, "send binary");
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR, "receive binary");
    CHECK(n == 4 && t == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE && !memcmp(buf, "\0\1\2\3", 4), "binary echo");

    /* NULL with length 0 is an empty message. */
    CHECK_EQ(WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, NULL, 0), NO_ERROR, "send empty");
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR, "receive empty");
    CHECK(n == 0 && t == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, "empty echo %u %d", n, t);
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "empty"), NO_ERROR, "ask for an empty text");
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR);
    CHECK(n == 0 && t == WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "empty text %u %d", n, t);

    /* Outgoing fragments: one message, types may not switch inside it. */
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE, "ab"), NO_ERROR, "binary fragment");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE, "xx"), ERROR_INVALID_PARAMETER, "utf8 fragment inside binary");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "xx"), ERROR_INVALID_PARAMETER, "utf8 message inside binary");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE, "cd"), NO_ERROR, "binary fragment 2");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, "ef"), NO_ERROR, "binary message end");
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR);
    CHECK(n == 6 && t == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE && !memcmp(buf, "abcdef", 6), "reassembled by the server");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE, "t1-"), NO_ERROR, "utf8 fragment");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "t2"), NO_ERROR, "utf8 end");
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR);
    CHECK(t == WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE && !strcmp(buf, "t1-t2"), "utf8 fragments: %s", buf);

    /* Incoming fragments come back as FRAGMENT types, the last piece as MESSAGE. */
    static const struct { const char *cmd; const char *want; size_t len; WINHTTP_WEB_SOCKET_BUFFER_TYPE frag, msg; } frags[] = {
        {"frag", "frag-mented", 11, WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE},
        {"binfrag", "\1\2\3", 3, WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE},
    };
    for (size_t i = 0; i < 2; i++) {
        CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, frags[i].cmd), NO_ERROR);
        size_t len = 0;
        int pieces = 0;
        for (;;) {
            CHECK_EQ(WinHttpWebSocketReceive(ws, buf + len, sizeof buf - len, &n, &t), NO_ERROR, "receive piece");
            len += n;
            pieces++;
            if (t != frags[i].frag) break;
        }
        CHECK(t == frags[i].msg && len == frags[i].len && !memcmp(buf, frags[i].want, len) && pieces >= 2,
              "%s: %d pieces, %zu bytes, last type %d", frags[i].cmd, pieces, len, t);
    }

    /* A message bigger than the buffer: fragments, then the message's end. */
    static char big[1 << 20];
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "big:300000"), NO_ERROR);
    size_t len;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE last;
    int pieces = recv_msg(ws, big, sizeof big, 4096, &len, &last);
    int same = 1;
    for (size_t i = 0; i < len; i++) same &= (unsigned char)big[i] == ((i & 0xff) ^ 0xcc);
    CHECK(pieces >= 300000 / 4096 && len == 300000 && last == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE && same,
          "big message: %d pieces, %zu bytes, type %d, data ok %d", pieces, len, last, same);

    /* A 1 MiB message each way (64-bit length form). */
    for (size_t i = 0; i < sizeof big; i++) big[i] = (char)(i * 7);
    CHECK_EQ(WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, big, sizeof big), NO_ERROR, "send 1 MiB");
    static char back[1 << 20];
    pieces = recv_msg(ws, back, sizeof back, sizeof back, &len, &last);
    CHECK(pieces >= 1 && len == sizeof big && !memcmp(big, back, len) && last == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE,
          "1 MiB echo: %d pieces %zu bytes", pieces, len);

    /* The server pings; the client answers inside the receive; the server reports the pong. */
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "ping"), NO_ERROR);
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR);
    CHECK(!strcmp(buf, "pong:hello-ping") && t == WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "ping answered: %s", buf);

    CHECK_EQ(WinHttpWebSocketClose(ws, WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS, NULL, 0), NO_ERROR, "close");
    CHECK(WinHttpCloseHandle(ws));
}

static void test_bad_input(HINTERNET ses) {
    printf("bad input: handles, buffers, types, close arguments\n");
    HINTERNET ws = ws_open(ses);
    CHECK(ws != NULL);
    if (!ws) return;
    char buf[256];
    DWORD n = 0;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
    USHORT st = 0xdead;
    DWORD used = 0xbeef;

    CHECK_EQ(send_str(NULL, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "x"), ERROR_INVALID_HANDLE, "Send(NULL)");
    CHECK_EQ(send_str(ses, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "x"), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "Send(session)");
    CHECK_EQ(send_str(ws, (WINHTTP_WEB_SOCKET_BUFFER_TYPE)4, "x"), ERROR_INVALID_PARAMETER, "Send(CLOSE_BUFFER_TYPE)");
    CHECK_EQ(send_str(ws, (WINHTTP_WEB_SOCKET_BUFFER_TYPE)77, "x"), ERROR_INVALID_PARAMETER, "Send(type 77)");
    CHECK_EQ(WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, NULL, 5), ERROR_INVALID_PARAMETER, "Send(NULL, 5)");
    CHECK_EQ(WinHttpWebSocketReceive(NULL, buf, sizeof buf, &n, &t), ERROR_INVALID_HANDLE, "Receive(NULL)");
    CHECK_EQ(WinHttpWebSocketReceive(ses, buf, sizeof buf, &n, &t), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "Receive(session)");
    CHECK_EQ(WinHttpWebSocketReceive(ws, NULL, sizeof buf, &n, &t), ERROR_INVALID_PARAMETER, "Receive(NULL buffer)");
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, 0, &n, &t), ERROR_INVALID_PARAMETER, "Receive(length 0)");
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, NULL, &t), ERROR_INVALID_PARAMETER, "Receive(NULL bytes read)");
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &n, NULL), ERROR_INVALID_PARAMETER, "Receive(NULL type)");

    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, sizeof buf, &used), ERROR_INVALID_OPERATION, "QueryCloseStatus before close");
    CHECK(st == 0xdead && used == 0xbeef, "nothing written");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(NULL, &st, buf, sizeof buf, &used), ERROR_INVALID_HANDLE, "QueryCloseStatus(NULL)");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, NULL, buf, sizeof buf, &used), ERROR_INVALID_PARAMETER, "QueryCloseStatus(NULL status)");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, sizeof buf, NULL), ERROR_INVALID_PARAMETER, "QueryCloseStatus(NULL consumed)");

    char reason[200];
    memset(reason, 'r', sizeof reason);
    struct { USHORT status; const void *reason; DWORD len; const char *what; } bad[] = {
        {1000, reason, 124, "reason of 124 bytes"},
        {1000, NULL, 5, "NULL reason with a length"},
        {999, NULL, 0, "status 999"},
        {1006, NULL, 0, "status 1006 (ABORTED, never sent)"},
        {1015, NULL, 0, "status 1015 (TLS handshake, never sent)"},
        {5000, NULL, 0, "status 5000"},
        {0, NULL, 0, "status 0"},
        {1005, reason, 3, "EMPTY status with a reason"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_EQ(WinHttpWebSocketClose(ws, bad[i].status, (PVOID)bad[i].reason, bad[i].len), ERROR_INVALID_PARAMETER, bad[i].what);
        CHECK_EQ(WinHttpWebSocketShutdown(ws, bad[i].status, (PVOID)bad[i].reason, bad[i].len), ERROR_INVALID_PARAMETER, bad[i].what);
    }
    CHECK_EQ(WinHttpWebSocketClose(NULL, 1000, NULL, 0), ERROR_INVALID_HANDLE, "Close(NULL)");
    CHECK_EQ(WinHttpWebSocketShutdown(ses, 1000, NULL, 0), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "Shutdown(session)");

    /* Still usable after all that; 123 bytes of reason is the maximum; the server echoes our close. */
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "still"), NO_ERROR);
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR);
    CHECK(!strcmp(buf, "still"));
    CHECK_EQ(WinHttpWebSocketClose(ws, 4001, reason, 123), NO_ERROR, "close with a 123-byte reason");
    st = 0;
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, NULL, 0, &used), ERROR_INSUFFICIENT_BUFFER, "size query");
    CHECK_EQ(used, 123, "needed size");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, 10, &used), ERROR_INSUFFICIENT_BUFFER, "small buffer");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, sizeof buf, &used), NO_ERROR, "QueryCloseStatus");
    CHECK(st == 4001 && used == 123 && !memcmp(buf, reason, 123), "peer echoed 4001 and the reason (%u, %u)", st, used);
    /* After the close handshake. */
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "late"), ERROR_INVALID_OPERATION, "send after close");
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &n, &t), ERROR_INVALID_OPERATION, "receive after close");
    CHECK_EQ(WinHttpWebSocketShutdown(ws, 1000, NULL, 0), ERROR_INVALID_OPERATION, "shutdown after close");
    CHECK(WinHttpCloseHandle(ws));
    /* A closed handle is stale. */
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "x"), ERROR_INVALID_HANDLE, "Send(closed handle)");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, sizeof buf, &used), ERROR_INVALID_HANDLE, "QueryCloseStatus(closed)");
    CHECK(!WinHttpCloseHandle(ws));
    CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE, "close twice");
}

static void test_close_flows(HINTERNET ses) {
    printf("close flows: server close, empty close, shutdown, protocol error, dropped TCP\n");
    char buf[256];
    DWORD n, used;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
    USHORT st;

    HINTERNET ws = ws_open(ses);
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "close"), NO_ERROR);
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR, "receive the server's close");
    CHECK(n == 0 && t == WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE, "CLOSE_BUFFER_TYPE (%u, %d)", n, t);
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, sizeof buf, &used), NO_ERROR);
    CHECK(st == 4000 && used == 10 && !memcmp(buf, "server bye", 10), "server status %u reason %u", st, used);
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &n, &t), ERROR_INVALID_OPERATION, "receive after the peer's close");
    CHECK_EQ(WinHttpWebSocketClose(ws, 1000, "ok", 2), NO_ERROR, "answer the close");
    WinHttpCloseHandle(ws);

    ws = ws_open(ses);
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "closeempty"), NO_ERROR);
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR);
    CHECK_EQ(t, WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE, "empty close frame");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, sizeof buf, &used), NO_ERROR);
    CHECK(st == WINHTTP_WEB_SOCKET_EMPTY_CLOSE_STATUS && used == 0, "empty close -> 1005 (%u)", st);
    CHECK_EQ(WinHttpWebSocketClose(ws, WINHTTP_WEB_SOCKET_EMPTY_CLOSE_STATUS, NULL, 0), NO_ERROR, "close without status");
    WinHttpCloseHandle(ws);

    ws = ws_open(ses);
    CHECK_EQ(WinHttpWebSocketShutdown(ws, 1001, "sd", 2), NO_ERROR, "shutdown");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "x"), ERROR_INVALID_OPERATION, "send after shutdown");
    CHECK_EQ(WinHttpWebSocketShutdown(ws, 1000, NULL, 0), ERROR_INVALID_OPERATION, "shutdown twice");
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR, "receive still works after shutdown");
    CHECK_EQ(t, WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE, "the peer's answering close");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, sizeof buf, &used), NO_ERROR);
    CHECK(st == 1001 && used == 2 && !memcmp(buf, "sd", 2), "echoed shutdown status %u", st);
    CHECK_EQ(WinHttpWebSocketClose(ws, 1000, NULL, 0), NO_ERROR, "close after shutdown + peer close");
    WinHttpCloseHandle(ws);

    ws = ws_open(ses);
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "bad"), NO_ERROR);
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), ERROR_WINHTTP_INVALID_SERVER_RESPONSE, "masked server frame");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "x"), ERROR_WINHTTP_INVALID_SERVER_RESPONSE, "broken socket stays broken");
    WinHttpCloseHandle(ws);

    ws = ws_open(ses);
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "drop"), NO_ERROR);
    CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), ERROR_WINHTTP_CONNECTION_ERROR, "TCP closed without a close frame");
    WinHttpCloseHandle(ws);
}

static void test_options(HINTERNET ses) {
    printf("options: WebSocket close timeout, keep-alive floor, buffer sizes\n");
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, 0);
    /* Windows (issue 12): the keep-alive interval is refused on a request and cannot be queried (this
     * test stated our old acceptance); the buffers default to 32768 bytes. */
    DWORD v = 20000, len = sizeof v;
    CHECK(!WinHttpSetOption(req, WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL, &v, sizeof v) && GetLastError() == ERROR_WINHTTP_INCORRECT_HANDLE_TYPE,
          "keep-alive on a request refused: %u", GetLastError());
    CHECK(!WinHttpQueryOption(req, WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL, &v, &len) && GetLastError() == ERROR_INVALID_PARAMETER,
          "keep-alive query: %u", GetLastError());
    len = sizeof v;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE, &v, &len) && v == 32768, "receive buffer default %u", v);
    len = sizeof v;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE, &v, &len) && v == 32768, "send buffer default %u", v);
    len = sizeof v;
    v = 32768;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE, &v, sizeof v), "send buffer size");
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE, &v, sizeof v), "receive buffer size");
    len = sizeof v;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT, &v, &len) && v == 10, "default close timeout 10 s (%u)", v);
    v = 1;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT, &v, sizeof v));
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0));
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL));
    HINTERNET ws = WinHttpWebSocketCompleteUpgrade(req, 0);
    CHECK(ws != NULL);
    WinHttpCloseHandle(req);
    if (!ws) return;
    /* On the WebSocket handle: exactly 4 bytes, at least 15000 ms; not queryable. */
    const struct { DWORD value, len, err; } keep[] = {
        {20000, 4, 0}, {15000, 4, 0}, {14999, 4, ERROR_INVALID_PARAMETER}, {1000, 4, ERROR_INVALID_PARAMETER},
        {20000, 2, ERROR_INVALID_PARAMETER}, {20000, 8, ERROR_INVALID_PARAMETER},
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
        DWORD kv[2] = {keep[i].value, 0};
        BOOL ok = WinHttpSetOption(ws, WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL, kv, keep[i].len);
        CHECK(keep[i].err ? (!ok && GetLastError() == keep[i].err) : ok, "keep-alive %u (%u bytes): ok=%d %u", keep[i].value, keep[i].len, ok, GetLastError());
    }
    len = sizeof v;
    CHECK(!WinHttpQueryOption(ws, WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL, &v, &len) && GetLastError() == ERROR_INVALID_PARAMETER, "no keep-alive query on the WebSocket handle");
    /* A send buffer under 16 bytes: WinHttpSendRequest fails before connecting. */
    HINTERNET small = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, 0);
    v = 15;
    CHECK(WinHttpSetOption(small, WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE, &v, sizeof v), "send buffer 15 accepted");
    CHECK(WinHttpSetOption(small, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0), "upgrade");
    CHECK(!WinHttpSendRequest(small, NULL, 0, NULL, 0, 0, 0) && GetLastError() == ERROR_NOT_ENOUGH_MEMORY, "send buffer 15: %u", GetLastError());
    WinHttpCloseHandle(small);
    WinHttpCloseHandle(con);
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "deaf"), NO_ERROR);
    uint64_t t0 = ts_now_ms();
    CHECK_EQ(WinHttpWebSocketClose(ws, 1000, NULL, 0), ERROR_WINHTTP_TIMEOUT, "no close frame within the close timeout");
    uint64_t took = ts_now_ms() - t0;
    CHECK(took >= 900 && took < 5000, "close waited about 1 s (%llu ms)", (unsigned long long)took);
    WinHttpCloseHandle(ws);
}

struct pending {
    HINTERNET ws;
    DWORD err;
    char buf[64];
    DWORD n;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
};

static void *receiver(void *p) {
    struct pending *r = p;
    r->err = WinHttpWebSocketReceive(r->ws, r->buf, sizeof r->buf, &r->n, &r->t);
    return NULL;
}

static void test_pending(HINTERNET ses) {
    printf("pending receive: a second receive, a send meanwhile, then Close / CloseHandle end it\n");
    for (int mode = 0; mode < 2; mode++) {
        struct pending r;
        memset(&r, 0, sizeof r);
        r.ws = ws_open(ses);
        r.err = 0xdead;
        CHECK_EQ(send_str(r.ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "hold"), NO_ERROR);
        pthread_t th;
        pthread_create(&th, NULL, receiver, &r);
        usleep(150 * 1000);
        char b[16];
        DWORD n;
        WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
        CHECK_EQ(WinHttpWebSocketReceive(r.ws, b, sizeof b, &n, &t), ERROR_INVALID_OPERATION, "second receive while one is pending");
        /* One send may go while the receive waits (the server echoes nothing after "hold"... but the
         * send itself must not block on the receive). */
        uint64_t t0 = ts_now_ms();
        CHECK_EQ(WinHttpWebSocketSend(r.ws, WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, "zz", 2), NO_ERROR, "send during a receive");
        CHECK(ts_now_ms() - t0 < 1000, "send not held up by the receive");
        usleep(150 * 1000);
        /* The pending receive got the echo of "zz". */
        pthread_join(th, NULL);
        CHECK(r.err == NO_ERROR && r.n == 2 && r.t == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, "pending receive got the echo");
        r.err = 0xdead;
        pthread_create(&th, NULL, receiver, &r);
        usleep(150 * 1000);
        if (mode == 0) {
            CHECK_EQ(WinHttpWebSocketClose(r.ws, 1000, NULL, 0), NO_ERROR, "close while a receive is pending");
            pthread_join(th, NULL);
            CHECK_EQ(r.err, ERROR_WINHTTP_OPERATION_CANCELLED, "the close cancels the receive");
            USHORT st;
            DWORD used;
            CHECK_EQ(WinHttpWebSocketQueryCloseStatus(r.ws, &st, NULL, 0, &used), NO_ERROR);
            CHECK_EQ(st, 1000, "peer's close status");
            WinHttpCloseHandle(r.ws);
        } else {
            CHECK(WinHttpCloseHandle(r.ws), "close the handle while a receive is pending");
            pthread_join(th, NULL);
            CHECK_EQ(r.err, ERROR_WINHTTP_OPERATION_CANCELLED, "closing the handle cancels the receive");
        }
    }
}

/* wss:// through the same TLS as HTTPS (self-signed test certificate: the ignore flags). */
static void test_wss(void) {
    printf("wss: echo, a big message in small pieces, close\n");
    char dir[] = "/tmp/winhttp_ws_tlsXXXXXX", script[1024], port_s[16];
    if (!mkdtemp(dir)) return;
    int tport = ts_free_port();
    snprintf(port_s, sizeof port_s, "%d", tport);
    const char *av[] = {"python3", ts_source_path("c_tests/support/winhttp_ws_server.py", script, sizeof script), port_s, "--tls", dir, NULL};
    pid_t pid = ts_spawn(av, NULL);
    CHECK(pid > 0 && ts_wait_port(tport, 10000) == 0, "wss server started");
    HINTERNET ses = WinHttpOpen(L"ws-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)tport, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, WINHTTP_FLAG_SECURE);
    DWORD flags = SECURITY_FLAG_IGNORE_UNKNOWN_CA | SECURITY_FLAG_IGNORE_CERT_CN_INVALID | SECURITY_FLAG_IGNORE_CERT_DATE_INVALID;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &flags, sizeof flags));
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0));
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "wss handshake (%u)", GetLastError());
    HINTERNET ws = WinHttpWebSocketCompleteUpgrade(req, 0);
    CHECK(ws != NULL, "wss upgrade");
    WinHttpCloseHandle(req);
    if (ws) {
        char buf[256];
        DWORD n;
        WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
        CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "secure hello"), NO_ERROR);
        CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR);
        CHECK(!strcmp(buf, "secure hello") && t == WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "wss echo: %s", buf);
        static char big[400000];
        CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "big:400000"), NO_ERROR);
        size_t len;
        WINHTTP_WEB_SOCKET_BUFFER_TYPE last;
        int pieces = recv_msg(ws, big, sizeof big, 1000, &len, &last);
        int same = 1;
        for (size_t i = 0; i < len; i++) same &= (unsigned char)big[i] == ((i & 0xff) ^ 0xcc);
        CHECK(len == sizeof big && same && last == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE, "wss big: %d pieces %zu bytes", pieces, len);
        CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "ping"), NO_ERROR);
        CHECK_EQ(recv1(ws, buf, sizeof buf, &n, &t), NO_ERROR);
        CHECK(!strcmp(buf, "pong:hello-ping"), "wss ping answered: %s", buf);
        CHECK_EQ(WinHttpWebSocketClose(ws, 1000, "tls", 3), NO_ERROR, "wss close");
        WinHttpCloseHandle(ws);
    }
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    ts_kill(pid);
}

/* ------------------------------------------------------------------------------------------------
 * Asynchronous mode. */

struct note {
    HINTERNET h;
    DWORD_PTR ctx;
    DWORD status, len;
    unsigned char info[24];
};

static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct note q[256];
    int head, tail;
} notes = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

/* Chained receives: READ_COMPLETE of a fragment starts the next receive from inside the callback
 * (the normal asynchronous pattern: the completed receive no longer counts as pending there). */
static struct {
    HINTERNET ws;
    char *buf;
    size_t cap, off;
    int calls;
    DWORD last_err;
} chain;

static void CALLBACK record(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    if (h == chain.ws && status == WINHTTP_CALLBACK_STATUS_READ_COMPLETE) {
        WINHTTP_WEB_SOCKET_STATUS *s = info;
        chain.off += s->dwBytesTransferred;
        if (s->eBufferType == WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE) {
            DWORD dummy;
            WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
            DWORD room = chain.cap - chain.off < 3000 ? (DWORD)(chain.cap - chain.off) : 3000;
            chain.calls++;
            chain.last_err = WinHttpWebSocketReceive(h, chain.buf + chain.off, room, &dummy, &t);
            if (chain.last_err == NO_ERROR) return;
        }
    }
    if (status & (WINHTTP_CALLBACK_STATUS_RESOLVING_NAME | WINHTTP_CALLBACK_STATUS_NAME_RESOLVED | WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER |
                  WINHTTP_CALLBACK_STATUS_CONNECTED_TO_SERVER | WINHTTP_CALLBACK_STATUS_SENDING_REQUEST | WINHTTP_CALLBACK_STATUS_REQUEST_SENT |
                  WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE | WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED | WINHTTP_CALLBACK_STATUS_HANDLE_CREATED |
                  WINHTTP_CALLBACK_STATUS_CLOSING_CONNECTION | WINHTTP_CALLBACK_STATUS_CONNECTION_CLOSED))
        return;
    pthread_mutex_lock(&notes.mu);
    struct note *n = &notes.q[notes.tail++ % 256];
    n->h = h;
    n->ctx = ctx;
    n->status = status;
    n->len = len;
    memset(n->info, 0, sizeof n->info);
    if (info && len) memcpy(n->info, info, len < 24 ? len : 24);
    pthread_cond_broadcast(&notes.cv);
    pthread_mutex_unlock(&notes.mu);
}

/* The next notification (5 s at most); status 0 when none came. */
static struct note next_note(void) {
    struct note n = {0};
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 5;
    pthread_mutex_lock(&notes.mu);
    while (notes.head == notes.tail)
        if (pthread_cond_timedwait(&notes.cv, &notes.mu, &ts)) break;
    if (notes.head != notes.tail) n = notes.q[notes.head++ % 256];
    pthread_mutex_unlock(&notes.mu);
    return n;
}

static void expect_ws_status(struct note n, DWORD status, DWORD bytes, WINHTTP_WEB_SOCKET_BUFFER_TYPE type, const char *what) {
    WINHTTP_WEB_SOCKET_STATUS s;
    memcpy(&s, n.info, sizeof s);
    CHECK(n.status == status && n.len == sizeof(WINHTTP_WEB_SOCKET_STATUS) && s.dwBytesTransferred == bytes && s.eBufferType == type,
          "%s: status %#x len %u bytes %u type %d", what, n.status, n.len, s.dwBytesTransferred, s.eBufferType);
}

static void expect_ws_error(struct note n, DWORD op, DWORD err, const char *what) {
    WINHTTP_WEB_SOCKET_ASYNC_RESULT r;
    memcpy(&r, n.info, sizeof r);
    CHECK(n.status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR && n.len == sizeof r && r.Operation == op && r.AsyncResult.dwResult == 0 &&
              r.AsyncResult.dwError == err,
          "%s: status %#x len %u op %d result %zu error %u", what, n.status, n.len, r.Operation, (size_t)r.AsyncResult.dwResult, r.AsyncResult.dwError);
}

/* The next notification for handle h (HANDLE_CLOSING of the handles closed before are skipped). */
static struct note next_for(HINTERNET h) {
    for (;;) {
        struct note n = next_note();
        if (n.status == 0 || n.h == h) return n;
    }
}

static HINTERNET async_open(HINTERNET ses, HINTERNET *req_out) {
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, 0);
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0));
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, (DWORD_PTR)1));
    CHECK_EQ(next_for(req).status, WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE, "SENDREQUEST_COMPLETE");
    CHECK(WinHttpReceiveResponse(req, NULL));
    CHECK_EQ(next_for(req).status, WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE, "HEADERS_AVAILABLE");
    HINTERNET ws = WinHttpWebSocketCompleteUpgrade(req, (DWORD_PTR)0x5150);
    CHECK(ws != NULL, "async upgrade");
    WinHttpCloseHandle(con);
    *req_out = req;
    return ws;
}

static struct note next_ws_note(HINTERNET ws) {
    return next_for(ws);
}

static void test_async(void) {
    printf("async: completions and their structures\n");
    HINTERNET ses = WinHttpOpen(L"ws-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    WinHttpSetStatusCallback(ses, record, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    HINTERNET req;
    HINTERNET ws = async_open(ses, &req);
    WinHttpCloseHandle(req);
    if (!ws) return;

    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "hello"), NO_ERROR, "async send started");
    struct note n = next_ws_note(ws);
    expect_ws_status(n, WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE, 5, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "WRITE_COMPLETE");
    CHECK_EQ(n.ctx, 0x5150, "the WebSocket's context value");

    char buf[64] = {0};
    DWORD got = 0xdeadbeef;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE t = (WINHTTP_WEB_SOCKET_BUFFER_TYPE)0xdeadbeef;
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &got, &t), NO_ERROR, "async receive started");
    n = next_ws_note(ws);
    expect_ws_status(n, WINHTTP_CALLBACK_STATUS_READ_COMPLETE, 5, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "READ_COMPLETE");
    CHECK(!memcmp(buf, "hello", 5) && got == 0xdeadbeef && t == (WINHTTP_WEB_SOCKET_BUFFER_TYPE)0xdeadbeef,
          "data in the buffer, out-parameters untouched");

    /* A big message in fragments. */
    static char big[200000];
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "big:200000"), NO_ERROR);
    expect_ws_status(next_ws_note(ws), WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE, 10, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "WRITE_COMPLETE big");
    size_t off = 0;
    int frags = 0;
    WINHTTP_WEB_SOCKET_STATUS s = {0};
    do {
        DWORD room = sizeof big - off < 8192 ? (DWORD)(sizeof big - off) : 8192;
        CHECK_EQ(WinHttpWebSocketReceive(ws, big + off, room, &got, &t), NO_ERROR, "receive piece");
        n = next_ws_note(ws);
        memcpy(&s, n.info, sizeof s);
        if (n.status != WINHTTP_CALLBACK_STATUS_READ_COMPLETE) break;
        off += s.dwBytesTransferred;
        frags++;
    } while (s.eBufferType == WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE && frags < 1000);
    int same = 1;
    for (size_t i = 0; i < off; i++) same &= (unsigned char)big[i] == ((i & 0xff) ^ 0xcc);
    CHECK(off == sizeof big && s.eBufferType == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE && frags > 1 && same,
          "async fragments: %zu bytes in %d", off, frags);

    /* The same, each receive started from the previous one's callback. */
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "big:150000"), NO_ERROR);
    expect_ws_status(next_ws_note(ws), WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE, 10, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "WRITE_COMPLETE chain");
    memset(big, 0, sizeof big);
    chain.buf = big;
    chain.cap = 150000;
    chain.off = 0;
    chain.calls = 1;
    chain.last_err = NO_ERROR;
    __sync_synchronize();
    chain.ws = ws;
    CHECK_EQ(WinHttpWebSocketReceive(ws, big, 3000, &got, &t), NO_ERROR, "first chained receive");
    n = next_ws_note(ws);
    memcpy(&s, n.info, sizeof s);
    chain.ws = NULL;
    same = 1;
    for (size_t i = 0; i < chain.off; i++) same &= (unsigned char)big[i] == ((i & 0xff) ^ 0xcc);
    CHECK(n.status == WINHTTP_CALLBACK_STATUS_READ_COMPLETE && s.eBufferType == WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE && chain.off == 150000 &&
              chain.calls >= 50 && chain.last_err == NO_ERROR && same,
          "chained receives from callbacks: %d calls, %zu bytes, last error %u", chain.calls, chain.off, chain.last_err);

    /* Shutdown, then the peer's close arrives through a receive; Close completes the handshake. */
    CHECK_EQ(WinHttpWebSocketShutdown(ws, 1000, "success", 7), NO_ERROR, "async shutdown");
    CHECK_EQ(send_str(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, "x"), ERROR_INVALID_OPERATION, "send after shutdown");
    n = next_ws_note(ws);
    CHECK(n.status == WINHTTP_CALLBACK_STATUS_SHUTDOWN_COMPLETE && n.len == 0, "SHUTDOWN_COMPLETE (%#x)", n.status);
    CHECK_EQ(WinHttpWebSocketShutdown(ws, 1000, "success", 7), ERROR_INVALID_OPERATION, "shutdown twice");
    USHORT st = 0xdead;
    DWORD used = 0;
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &got, &t), NO_ERROR);
    expect_ws_status(next_ws_note(ws), WINHTTP_CALLBACK_STATUS_READ_COMPLETE, 0, WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE, "READ_COMPLETE close");
    CHECK_EQ(WinHttpWebSocketClose(ws, 1000, "success", 7), NO_ERROR, "async close");
    n = next_ws_note(ws);
    CHECK(n.status == WINHTTP_CALLBACK_STATUS_CLOSE_COMPLETE, "CLOSE_COMPLETE (%#x)", n.status);
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, buf, sizeof buf, &used), NO_ERROR);
    CHECK(st == 1000 && used == 7 && !memcmp(buf, "success", 7), "close status %u", st);
    WinHttpCloseHandle(ws);
    n = next_ws_note(ws);
    CHECK_EQ(n.status, WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING, "HANDLE_CLOSING last");

    /* Close while a receive is pending: the receive fails first (RECEIVE_OPERATION, cancelled). */
    ws = async_open(ses, &req);
    WinHttpCloseHandle(req);
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &got, &t), NO_ERROR, "pending receive");
    usleep(100 * 1000);
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &got, &t), ERROR_INVALID_OPERATION, "second pending receive");
    CHECK_EQ(WinHttpWebSocketClose(ws, 1000, NULL, 0), NO_ERROR, "close with a receive pending");
    expect_ws_error(next_ws_note(ws), WINHTTP_WEB_SOCKET_RECEIVE_OPERATION, ERROR_WINHTTP_OPERATION_CANCELLED, "cancelled receive");
    n = next_ws_note(ws);
    CHECK_EQ(n.status, WINHTTP_CALLBACK_STATUS_CLOSE_COMPLETE, "then CLOSE_COMPLETE");
    CHECK_EQ(WinHttpWebSocketQueryCloseStatus(ws, &st, NULL, 0, &used), NO_ERROR);
    CHECK_EQ(st, 1000, "close status after CLOSE_COMPLETE");
    WinHttpCloseHandle(ws);
    CHECK_EQ(next_ws_note(ws).status, WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING, "HANDLE_CLOSING");

    /* Handle closed while a receive is pending: REQUEST_ERROR (receive, cancelled), then HANDLE_CLOSING. */
    ws = async_open(ses, &req);
    WinHttpCloseHandle(req);
    CHECK_EQ(WinHttpWebSocketReceive(ws, buf, sizeof buf, &got, &t), NO_ERROR, "pending receive");
    usleep(100 * 1000);
    WinHttpCloseHandle(ws);
    expect_ws_error(next_ws_note(ws), WINHTTP_WEB_SOCKET_RECEIVE_OPERATION, ERROR_WINHTTP_OPERATION_CANCELLED, "receive cancelled by CloseHandle");
    CHECK_EQ(next_ws_note(ws).status, WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING, "HANDLE_CLOSING after the error");

    /* Errors found before any I/O are returned, with no callback. */
    ws = async_open(ses, &req);
    WinHttpCloseHandle(req);
    CHECK_EQ(send_str(ws, (WINHTTP_WEB_SOCKET_BUFFER_TYPE)9, "x"), ERROR_INVALID_PARAMETER, "async bad type");
    CHECK_EQ(WinHttpWebSocketClose(ws, 1000, buf, 124), ERROR_INVALID_PARAMETER, "async reason too long");
    CHECK_EQ(WinHttpWebSocketClose(ws, 1000, NULL, 0), NO_ERROR);
    CHECK_EQ(next_ws_note(ws).status, WINHTTP_CALLBACK_STATUS_CLOSE_COMPLETE, "only CLOSE_COMPLETE");
    WinHttpCloseHandle(ws);
    CHECK_EQ(next_ws_note(ws).status, WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING, "HANDLE_CLOSING");
    WinHttpCloseHandle(ses);
}

int main(void) {
    pid_t pid = 0;
    port = whs_start_script("c_tests/support/winhttp_ws_server.py", &pid);
    CHECK(port != 0, "WebSocket server started");
    if (!port) return ts_finish("winhttp_websocket");
    HINTERNET ses = WinHttpOpen(L"ws-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    test_upgrade_errors(ses);
    test_echo(ses);
    test_bad_input(ses);
    test_close_flows(ses);
    test_pending(ses);
    test_options(ses);
    test_wss();
    WinHttpCloseHandle(ses);
    test_async();
    ts_kill(pid);
    return ts_finish("winhttp_websocket");
}
