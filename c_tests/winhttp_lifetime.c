/* WinHTTP handle lifetimes as on Windows: WinHttpCloseHandle closes one handle, never its children.
 * - After the connect and session handles are closed, their request handle still answers options
 *   (WINHTTP_OPTION_CONTEXT_VALUE), still sends, receives and reads, and closes normally; the closed
 *   parents are gone for new calls (ERROR_INVALID_HANDLE).
 * - A parent's HANDLE_CLOSING comes once its last child has closed (request, then connect, then
 *   session), and WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT is set only then.
 * - Asynchronous: a request sent before its session and connect handles are closed completes.
 * - After the connect, the session and the WebSocket handle are closed, the request the WebSocket
 *   came from still answers WINHTTP_OPTION_CONTEXT_VALUE and closes normally. */
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include <unistd.h>
#include "test_support.h"
#include "winhttp_support.h"

static int port, ws_port;

/* The order HANDLE_CLOSING arrived in, by handle. */
static struct {
    HINTERNET order[8];
    volatile LONG n;
} closing;

static void CALLBACK on_closing(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)ctx, (void)info, (void)len;
    if (status == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING) {
        LONG i = InterlockedIncrement(&closing.n) - 1;
        if (i < 8) closing.order[i] = h;
    }
}

static DWORD_PTR context_of(HINTERNET h) {
    DWORD_PTR v = 0;
    DWORD len = sizeof v;
    return WinHttpQueryOption(h, WINHTTP_OPTION_CONTEXT_VALUE, &v, &len) ? v : (DWORD_PTR)-1;
}

static void test_sync_request_outlives_parents(void) {
    memset(&closing, 0, sizeof closing);
    HINTERNET ses = WinHttpOpen(L"lifetime-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    WinHttpSetStatusCallback(ses, on_closing, WINHTTP_CALLBACK_FLAG_HANDLES, 0);
    HANDLE unload = CreateEventW(NULL, TRUE, FALSE, NULL);
    CHECK(WinHttpSetOption(ses, WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT, &unload, sizeof unload), "unload event");
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/count", NULL, NULL, NULL, 0);
    DWORD_PTR ctx = 0xfeed;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx), "context set");

    CHECK(WinHttpCloseHandle(con), "close the connect handle");
    CHECK(WinHttpCloseHandle(ses), "close the session handle");
    CHECK(closing.n == 0, "no HANDLE_CLOSING while a child is open (%ld)", (long)closing.n);
    CHECK(WaitForSingleObject(unload, 0) == WAIT_TIMEOUT, "unload event not set while a child is open");
    CHECK(WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0) == NULL && GetLastError() == ERROR_INVALID_HANDLE,
          "the closed session takes no new connect");
    CHECK(WinHttpOpenRequest(con, L"GET", L"/", NULL, NULL, NULL, 0) == NULL && GetLastError() == ERROR_INVALID_HANDLE,
          "the closed connect takes no new request");

    CHECK(context_of(req) == 0xfeed, "the request answers CONTEXT_VALUE after its parents closed");
    DWORD type = 0, len = sizeof type;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_HANDLE_TYPE, &type, &len) && type == WINHTTP_HANDLE_TYPE_REQUEST, "handle type");
    CHECK(WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0), "send after the parents closed: %u", GetLastError());
    CHECK(WinHttpReceiveResponse(req, NULL), "receive: %u", GetLastError());
    CHECK_EQ(whs_status(req), 200, "status");
    char buf[64];
    DWORD err = 0;
    CHECK(whs_read_all(req, buf, sizeof buf, &err) > 0 && err == 0, "body read (%u)", err);

    CHECK(WinHttpCloseHandle(req), "the request closes normally");
    CHECK(!WinHttpCloseHandle(req) && GetLastError() == ERROR_INVALID_HANDLE, "closed once");
    CHECK(closing.n == 3, "three HANDLE_CLOSING (%ld)", (long)closing.n);
    CHECK(closing.order[0] == req && closing.order[1] == con && closing.order[2] == ses,
          "children close first: request, connect, session");
    CHECK(WaitForSingleObject(unload, 0) == WAIT_OBJECT_0, "unload event set once everything is gone");
    CloseHandle(unload);
    printf("a request outlives its connect and session handles\n");
}

/* Asynchronous: the parents close while the request is in flight. */
static struct {
    HANDLE done;
    HINTERNET req;
    DWORD status;
    DWORD read;
    DWORD error;
    char buf[256];
} as;

static void CALLBACK async_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)ctx;
    on_closing(h, ctx, status, info, len);
    if (h != as.req) return;
    switch (status) {
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
        if (!WinHttpReceiveResponse(h, NULL)) SetEvent(as.done);
        break;
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE:
        as.status = whs_status(h);
        if (!WinHttpReadData(h, as.buf, sizeof as.buf - 1, NULL)) SetEvent(as.done);
        break;
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE:
        as.read += len;
        if (len == 0 || !WinHttpReadData(h, as.buf + as.read, sizeof as.buf - 1 - as.read, NULL)) SetEvent(as.done);
        break;
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR:
        as.error = ((WINHTTP_ASYNC_RESULT *)info)->dwError;
        SetEvent(as.done);
        break;
    }
}

static void test_async_request_outlives_parents(void) {
    memset(&closing, 0, sizeof closing);
    memset(&as, 0, sizeof as);
    as.done = CreateEventW(NULL, TRUE, FALSE, NULL);
    HINTERNET ses = WinHttpOpen(L"lifetime-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    WinHttpSetStatusCallback(ses, async_cb, WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS | WINHTTP_CALLBACK_FLAG_HANDLES, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    as.req = WinHttpOpenRequest(con, L"GET", L"/stall?ms=300", NULL, NULL, NULL, 0);
    DWORD_PTR ctx = 0xbeef;
    CHECK(WinHttpSetOption(as.req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx), "context set");
    CHECK(WinHttpSendRequest(as.req, NULL, 0, NULL, 0, 0, 0), "send");
    CHECK(WinHttpCloseHandle(con) && WinHttpCloseHandle(ses), "close the parents while the request is in flight");
    CHECK(WaitForSingleObject(as.done, 10000) == WAIT_OBJECT_0, "the request ran to its end");
    CHECK(as.error == 0 && as.status == 200 && as.read > 0, "it completed (error %u, status %u, %u bytes)", as.error, as.status, as.read);
    CHECK(closing.n == 0, "no HANDLE_CLOSING while the request is open (%ld)", (long)closing.n);
    CHECK(context_of(as.req) == 0xbeef, "CONTEXT_VALUE");
    CHECK(WinHttpCloseHandle(as.req), "the request closes normally");
    for (int i = 0; i < 500 && closing.n < 3; i++) usleep(10000);
    CHECK(closing.n == 3, "three HANDLE_CLOSING (%ld)", (long)closing.n);
    CHECK(closing.order[0] == as.req && closing.order[1] == con && closing.order[2] == ses,
          "children close first: request, connect, session");
    CloseHandle(as.done);
    printf("an asynchronous request in flight outlives its connect and session handles\n");
}

static void test_request_outlives_websocket(void) {
    HINTERNET ses = WinHttpOpen(L"lifetime-test", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)ws_port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, NULL, NULL, 0);
    DWORD_PTR ctx = 0xcafe;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_CONTEXT_VALUE, &ctx, sizeof ctx), "context set");
    HINTERNET ws = NULL;
    if (WinHttpSetOption(req, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0) && WinHttpSendRequest(req, NULL, 0, NULL, 0, 0, 0) &&
        WinHttpReceiveResponse(req, NULL))
        ws = WinHttpWebSocketCompleteUpgrade(req, 0);
    CHECK(ws != NULL, "upgraded: %u", GetLastError());
    CHECK(WinHttpCloseHandle(con), "close the connect handle");
    CHECK(WinHttpCloseHandle(ses), "close the session handle");
    if (ws) {
        CHECK_EQ(WinHttpWebSocketSend(ws, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, (PVOID) "hi", 2), NO_ERROR, "send");
        char buf[16];
        DWORD n = 0;
        WINHTTP_WEB_SOCKET_BUFFER_TYPE t;
        CHECK(WinHttpWebSocketReceive(ws, buf, sizeof buf, &n, &t) == NO_ERROR && n == 2, "echo with every parent closed");
        CHECK(WinHttpCloseHandle(ws), "close the WebSocket handle");
    }
    CHECK(context_of(req) == 0xcafe, "the request answers CONTEXT_VALUE after connect, session and WebSocket closed");
    CHECK(WinHttpCloseHandle(req), "the request closes normally");
    CHECK(!WinHttpCloseHandle(req) && GetLastError() == ERROR_INVALID_HANDLE, "closed once");
    printf("a request outlives its connect, session and WebSocket handles\n");
}

int main(void) {
    pid_t server, ws_server;
    port = whs_start_server(&server);
    CHECK(port != 0, "test server started");
    ws_port = whs_start_script("c_tests/support/winhttp_ws_server.py", &ws_server);
    CHECK(ws_port != 0, "WebSocket server started");
    if (port) {
        test_sync_request_outlives_parents();
        test_async_request_outlives_parents();
    }
    if (ws_port) test_request_outlives_websocket();
    if (port) ts_kill(server);
    if (ws_port) ts_kill(ws_server);
    return ts_finish("winhttp_lifetime");
}
