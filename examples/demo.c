/* demo: an http.sys server (HTTP Server API 2.0) and a WinHTTP client in one Windows program, running on
 * Linux through winhttpapi. The server thread answers GET with a greeting and POST with the body it
 * received; the client sends one of each and prints what came back.
 *
 * Usage: demo [port]   (default 8931) */
#include <windows.h>
#include <http.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static HANDLE g_queue;

/* Sends a 200 response with `body` (len bytes) and a Content-Type. */
static ULONG send_text(HTTP_REQUEST_ID id, const char *body, ULONG len) {
    HTTP_RESPONSE resp;
    HTTP_DATA_CHUNK chunk;
    ULONG sent = 0;
    ZeroMemory(&resp, sizeof resp);
    resp.StatusCode = 200;
    resp.pReason = "OK";
    resp.ReasonLength = 2;
    resp.Headers.KnownHeaders[HttpHeaderContentType].pRawValue = "text/plain";
    resp.Headers.KnownHeaders[HttpHeaderContentType].RawValueLength = 10;
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = (PVOID)body;
    chunk.FromMemory.BufferLength = len;
    resp.EntityChunkCount = 1;
    resp.pEntityChunks = &chunk;
    return HttpSendHttpResponse(g_queue, id, 0, &resp, NULL, &sent, NULL, 0, NULL, NULL);
}

static DWORD WINAPI serve(LPVOID unused) {
    char buffer[16384];
    HTTP_REQUEST *req = (HTTP_REQUEST *)buffer;
    UNREFERENCED_PARAMETER(unused);
    for (;;) {
        ULONG got = 0;
        ULONG rc = HttpReceiveHttpRequest(g_queue, HTTP_NULL_ID, 0, req, sizeof buffer, &got, NULL);
        if (rc == ERROR_OPERATION_ABORTED) return 0; /* queue shut down */
        if (rc != NO_ERROR) {
            printf("server: HttpReceiveHttpRequest failed: %u\n", rc);
            return rc;
        }
        printf("server: %s %.*s\n", req->Verb == HttpVerbPOST ? "POST" : "GET", (int)req->RawUrlLength,
               req->pRawUrl);
        if (req->Verb == HttpVerbPOST) {
            char body[4096];
            ULONG total = 0, n = 0;
            while (total < sizeof body &&
                   (rc = HttpReceiveRequestEntityBody(g_queue, req->RequestId, 0, body + total,
                                                      (ULONG)sizeof body - total, &n, NULL)) == NO_ERROR)
                total += n;
            send_text(req->RequestId, body, total);
        } else {
            static const char hello[] = "Hello from http.sys on Linux\n";
            send_text(req->RequestId, hello, (ULONG)strlen(hello));
        }
    }
}

/* One WinHTTP request; prints the status and the body. Returns the status code, 0 on failure. */
static DWORD fetch(HINTERNET connect, const wchar_t *verb, const wchar_t *path, const char *body) {
    HINTERNET req = WinHttpOpenRequest(connect, verb, path, NULL, WINHTTP_NO_REFERER,
                                       WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    DWORD status = 0, size = sizeof status, avail = 0;
    DWORD len = body ? (DWORD)strlen(body) : 0;
    if (!req) return 0;
    if (!WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, (LPVOID)body, len, len, 0) ||
        !WinHttpReceiveResponse(req, NULL) ||
        !WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER,
                             WINHTTP_HEADER_NAME_BY_INDEX, &status, &size, WINHTTP_NO_HEADER_INDEX)) {
        printf("client: request failed: %u\n", GetLastError());
        WinHttpCloseHandle(req);
        return 0;
    }
    printf("client: %ls %ls -> %u: ", verb, path, status);
    while (WinHttpQueryDataAvailable(req, &avail) && avail > 0) {
        char chunk[1024];
        DWORD read = 0;
        if (!WinHttpReadData(req, chunk, avail < sizeof chunk ? avail : sizeof chunk, &read) || read == 0) break;
        fwrite(chunk, 1, read, stdout);
    }
    if (body) printf("\n");
    WinHttpCloseHandle(req);
    return status;
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 8931;
    HTTPAPI_VERSION version = HTTPAPI_VERSION_2;
    HTTP_SERVER_SESSION_ID session = 0;
    HTTP_URL_GROUP_ID group = 0;
    HTTP_BINDING_INFO binding;
    wchar_t url[64];
    HANDLE server_thread;
    HINTERNET http, connect;
    int ok;

    if (HttpInitialize(version, HTTP_INITIALIZE_SERVER, NULL) != NO_ERROR ||
        HttpCreateServerSession(version, &session, 0) != NO_ERROR ||
        HttpCreateUrlGroup(session, &group, 0) != NO_ERROR ||
        HttpCreateRequestQueue(version, NULL, NULL, 0, &g_queue) != NO_ERROR) {
        printf("server setup failed\n");
        return 1;
    }
    ZeroMemory(&binding, sizeof binding);
    binding.Flags.Present = 1;
    binding.RequestQueueHandle = g_queue;
    swprintf(url, 64, L"http://127.0.0.1:%d/demo/", port);
    if (HttpSetUrlGroupProperty(group, HttpServerBindingProperty, &binding, sizeof binding) != NO_ERROR ||
        HttpAddUrlToUrlGroup(group, url, 0, 0) != NO_ERROR) {
        printf("cannot listen on %ls\n", url);
        return 1;
    }
    printf("server: listening on %ls\n", url);
    server_thread = CreateThread(NULL, 0, serve, NULL, 0, NULL);

    http = WinHttpOpen(L"winhttpapi-demo/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME,
                       WINHTTP_NO_PROXY_BYPASS, 0);
    connect = WinHttpConnect(http, L"127.0.0.1", (INTERNET_PORT)port, 0);
    ok = fetch(connect, L"GET", L"/demo/hello", NULL) == 200 &&
         fetch(connect, L"POST", L"/demo/echo", "the same bytes come back") == 200;
    WinHttpCloseHandle(connect);
    WinHttpCloseHandle(http);

    HttpShutdownRequestQueue(g_queue);
    WaitForSingleObject(server_thread, INFINITE);
    CloseHandle(server_thread);
    HttpCloseRequestQueue(g_queue);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(session);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    printf(ok ? "demo: ok\n" : "demo: FAILED\n");
    return ok ? 0 : 1;
}
