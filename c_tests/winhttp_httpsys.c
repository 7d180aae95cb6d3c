/* Our WinHTTP client against our own http.sys server, in one program: GET, POST echoed byte-exact with
 * Content-Length, a chunked upload framed by the caller (the server sees the decoded body), and keep-alive
 * reuse proven by http.sys's own HTTP_REQUEST.ConnectionId. */
#include <windows.h>
#include <http.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_support.h"

static HANDLE g_queue;
static char up[300000], body[400000];

static ULONG send_body(HTTP_REQUEST *req, const char *data, ULONG len) {
    HTTP_RESPONSE resp;
    HTTP_DATA_CHUNK chunk;
    HTTP_UNKNOWN_HEADER conn;
    char id[32];
    ULONG sent = 0;
    ZeroMemory(&resp, sizeof resp);
    resp.StatusCode = 200;
    resp.pReason = "OK";
    resp.ReasonLength = 2;
    snprintf(id, sizeof id, "%llu", (unsigned long long)req->ConnectionId);
    conn.pName = "X-Conn";
    conn.NameLength = 6;
    conn.pRawValue = id;
    conn.RawValueLength = (USHORT)strlen(id);
    resp.Headers.UnknownHeaderCount = 1;
    resp.Headers.pUnknownHeaders = &conn;
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = (PVOID)data;
    chunk.FromMemory.BufferLength = len;
    resp.EntityChunkCount = 1;
    resp.pEntityChunks = &chunk;
    return HttpSendHttpResponse(g_queue, req->RequestId, 0, &resp, NULL, &sent, NULL, 0, NULL, NULL);
}

static DWORD WINAPI serve(LPVOID unused) {
    static char buffer[16384], in[400000];
    HTTP_REQUEST *req = (HTTP_REQUEST *)buffer;
    (void)unused;
    for (;;) {
        ULONG got = 0, rc = HttpReceiveHttpRequest(g_queue, HTTP_NULL_ID, 0, req, sizeof buffer, &got, NULL);
        if (rc != NO_ERROR) return rc;
        if (req->Verb == HttpVerbPOST || req->Verb == HttpVerbPUT) {
            ULONG total = 0, n = 0;
            while (total < sizeof in && (rc = HttpReceiveRequestEntityBody(g_queue, req->RequestId, 0, in + total, (ULONG)sizeof in - total, &n, NULL)) == NO_ERROR)
                total += n;
            send_body(req, in, total);
        } else {
            send_body(req, "hello from http.sys", 19);
        }
    }
}

static DWORD call(HINTERNET con, const wchar_t *verb, const wchar_t *headers, const char *data, DWORD len, DWORD total, long *n, char *conn_id) {
    HINTERNET req = WinHttpOpenRequest(con, verb, L"/t/x", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    DWORD status = 0, sl = sizeof status, got;
    *n = 0;
    if (!WinHttpSendRequest(req, headers ? headers : WINHTTP_NO_ADDITIONAL_HEADERS, headers ? (DWORD)-1 : 0, (LPVOID)data, len, total, 0)) goto out;
    if (data && len < total) {
        DWORD w;
        if (!WinHttpWriteData(req, data + len, total - len, &w)) goto out;
    }
    if (!WinHttpReceiveResponse(req, NULL)) goto out;
    WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, NULL, &status, &sl, NULL);
    wchar_t w[64];
    DWORD wl = sizeof w;
    conn_id[0] = 0;
    if (WinHttpQueryHeaders(req, WINHTTP_QUERY_CUSTOM, L"X-Conn", w, &wl, NULL)) {
        size_t i = 0;
        for (; i < 31 && w[i]; i++) conn_id[i] = (char)w[i];
        conn_id[i] = 0;
    }
    while (WinHttpReadData(req, body + *n, (DWORD)(sizeof body - *n), &got) && got) *n += got;
out:
    if (!status) fprintf(stderr, "  %ls failed: %u\n", verb, GetLastError());
    WinHttpCloseHandle(req);
    return status;
}

int main(void) {
    HTTPAPI_VERSION version = HTTPAPI_VERSION_2;
    HTTP_SERVER_SESSION_ID session = 0;
    HTTP_URL_GROUP_ID group = 0;
    HTTP_BINDING_INFO binding;
    wchar_t url[64];
    int port = ts_free_port();
    CHECK(HttpInitialize(version, HTTP_INITIALIZE_SERVER, NULL) == NO_ERROR, "HttpInitialize");
    CHECK(HttpCreateServerSession(version, &session, 0) == NO_ERROR, "server session");
    CHECK(HttpCreateUrlGroup(session, &group, 0) == NO_ERROR, "url group");
    CHECK(HttpCreateRequestQueue(version, NULL, NULL, 0, &g_queue) == NO_ERROR, "queue");
    ZeroMemory(&binding, sizeof binding);
    binding.Flags.Present = 1;
    binding.RequestQueueHandle = g_queue;
    swprintf(url, 64, L"http://127.0.0.1:%d/t/", port);
    CHECK(HttpSetUrlGroupProperty(group, HttpServerBindingProperty, &binding, sizeof binding) == NO_ERROR, "binding");
    CHECK(HttpAddUrlToUrlGroup(group, url, 0, 0) == NO_ERROR, "listen");
    HANDLE th = CreateThread(NULL, 0, serve, NULL, 0, NULL);

    HINTERNET ses = WinHttpOpen(L"httpsys-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    long n;
    char c1[32], c2[32];
    CHECK_EQ(call(con, L"GET", NULL, NULL, 0, 0, &n, c1), 200, "GET");
    CHECK(n == 19 && memcmp(body, "hello from http.sys", 19) == 0, "GET body");
    for (size_t i = 0; i < sizeof up; i++) up[i] = (char)(i * 31 + (i >> 8));
    CHECK_EQ(call(con, L"POST", NULL, up, 5000, sizeof up, &n, c2), 200, "POST with Content-Length");
    CHECK(n == (long)sizeof up && memcmp(body, up, sizeof up) == 0, "POST echoed byte-exact (%ld)", n);
    CHECK(c1[0] && strcmp(c1, c2) == 0, "keep-alive: same http.sys connection (%s, %s)", c1, c2);
    /* Chunked upload framed by the caller: "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n". */
    static const char framed[] = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    HINTERNET req = WinHttpOpenRequest(con, L"POST", L"/t/x", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    CHECK(WinHttpSendRequest(req, L"Transfer-Encoding: chunked\r\n", (DWORD)-1, NULL, 0, 0, 0), "chunked send: %u", GetLastError());
    DWORD w, got;
    CHECK(WinHttpWriteData(req, framed, sizeof framed - 1, &w) && w == sizeof framed - 1, "chunks written");
    CHECK(WinHttpReceiveResponse(req, NULL), "chunked response: %u", GetLastError());
    n = 0;
    while (WinHttpReadData(req, body + n, (DWORD)(sizeof body - n), &got) && got) n += got;
    CHECK(n == 11 && memcmp(body, "hello world", 11) == 0, "server decoded the caller's chunks (%ld)", n);
    WinHttpCloseHandle(req);
    CHECK_EQ(call(con, L"GET", NULL, NULL, 0, 0, &n, c2), 200, "GET after chunked");
    CHECK(strcmp(c1, c2) == 0, "still the same connection (%s, %s)", c1, c2);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);

    HttpShutdownRequestQueue(g_queue);
    WaitForSingleObject(th, 5000);
    CloseHandle(th);
    HttpCloseRequestQueue(g_queue);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(session);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return ts_finish("winhttp_httpsys");
}
