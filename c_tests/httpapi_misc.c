/* The smaller http.h calls: HttpPrepareUrl (table, HeapFree of the result, bad input),
 * HttpFindUrlGroupId, HttpQueryRequestProperty / HttpSetRequestProperty on a live raw-socket request,
 * HttpDeclarePush, HttpGetExtension, HttpWaitForDemandStart (overlapped, synchronous, cancel,
 * shutdown, every documented error) and HttpDelegateRequestEx (a request moved to another queue and
 * answered there), with the documented error codes of each. */
#include "httpapi_support.h"
#include <stdlib.h>
#include <string.h>
#include <uchar.h>
#include <unistd.h>

static char DECLSPEC_ALIGN(8) rbuf[16384];

/* The -fshort-wchar twins, declared by hand (as c_tests/httpapi_w16.c does). */
ULONG HttpPrepareUrl_w16(PVOID, ULONG, const char16_t *, char16_t **);
ULONG HttpFindUrlGroupId_w16(const char16_t *, HANDLE, PHTTP_URL_GROUP_ID);
ULONG HttpAddFragmentToCache_w16(HANDLE, const char16_t *, PHTTP_DATA_CHUNK, PHTTP_CACHE_POLICY, LPOVERLAPPED);
ULONG HttpReadFragmentFromCache_w16(HANDLE, const char16_t *, PHTTP_BYTE_RANGE, PVOID, ULONG, PULONG, LPOVERLAPPED);

static void to_u16(char16_t *out, const char *in) {
    size_t i = 0;
    for (; in[i]; i++)
        out[i] = (char16_t)(unsigned char)in[i];
    out[i] = 0;
}

static void test_w16(HANDLE q, HTTP_URL_GROUP_ID g, int port) {
    char16_t *out = NULL;
    const char16_t in[] = u"HTTP://B\u00fccher.Example/a/../b";
    CHECK_EQ(HttpPrepareUrl_w16(NULL, 0, in, &out), NO_ERROR, "HttpPrepareUrl_w16");
    char16_t want[64];
    to_u16(want, "http://xn--bcher-kva.example:80/b");
    CHECK(out && memcmp(out, want, (strlen("http://xn--bcher-kva.example:80/b") + 1) * 2) == 0, "UTF-16 prepared URL");
    CHECK(HeapFree(GetProcessHeap(), 0, out), "HeapFree of the UTF-16 result");
    char narrow[128];
    char16_t u[128];
    snprintf(narrow, sizeof narrow, "http://localhost:%d/x", port);
    to_u16(u, narrow);
    HTTP_URL_GROUP_ID got = 0;
    CHECK(HttpFindUrlGroupId_w16(u, q, &got) == NO_ERROR && got == g, "HttpFindUrlGroupId_w16");
    HTTP_DATA_CHUNK c;
    memset(&c, 0, sizeof c);
    c.DataChunkType = HttpDataChunkFromMemory;
    c.FromMemory.pBuffer = "w16";
    c.FromMemory.BufferLength = 3;
    HTTP_CACHE_POLICY p = {HttpCachePolicyUserInvalidates, 0};
    CHECK_EQ(HttpAddFragmentToCache_w16(q, u, &c, &p, NULL), NO_ERROR, "HttpAddFragmentToCache_w16");
    char buf[8] = {0};
    ULONG n = 0;
    CHECK(HttpReadFragmentFromCache_w16(q, u, NULL, buf, sizeof buf, &n, NULL) == NO_ERROR && n == 3 && memcmp(buf, "w16", 3) == 0,
          "HttpReadFragmentFromCache_w16");
}

static void test_prepare_url(void) {
    struct { const WCHAR *in, *out; } good[] = {
        {L"http://www.Example.COM/", L"http://www.example.com:80/"},
        {L"HTTPS://LocalHost/a/b", L"https://localhost:443/a/b"},
        {L"http://localhost:8080/a/./b/../c/", L"http://localhost:8080/a/c/"},
        {L"http://h:81/%7euser/%2f", L"http://h:81/~user/%2F"},
        {L"http://h:81/a b?q=1 2", L"http://h:81/a%20b?q=1%202"},
        {L"http://b\x00fc" L"cher.example/", L"http://xn--bcher-kva.example:80/"},
        {L"http://[0:0:0:0:0:0:0:1]:90/", L"http://[::1]:90/"},
        {L"http://+:80/app/", L"http://+:80/app/"},
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        PWSTR out = NULL;
        ULONG rc = HttpPrepareUrl(NULL, 0, good[i].in, &out);
        CHECK(rc == NO_ERROR && out && wcscmp(out, good[i].out) == 0, "HttpPrepareUrl(%ls) = %lu %ls", good[i].in, (unsigned long)rc,
              out ? out : L"(null)");
        CHECK(HeapFree(GetProcessHeap(), 0, out), "HeapFree of the prepared URL");
    }
    const WCHAR *bad[] = {L"", L"localhost", L"ftp://h/", L"http://", L"http://h:0/", L"http://h:99999/", L"http://h/%zz", L"http://[zz]/"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        PWSTR out = NULL;
        CHECK_EQ(HttpPrepareUrl(NULL, 0, bad[i], &out), ERROR_INVALID_PARAMETER, "malformed URL refused");
        CHECK(out == NULL, "nothing allocated for a refused URL");
    }
    PWSTR out = NULL;
    int dummy;
    CHECK_EQ(HttpPrepareUrl(&dummy, 0, L"http://h/", &out), ERROR_INVALID_PARAMETER, "Reserved not NULL");
    CHECK_EQ(HttpPrepareUrl(NULL, 1, L"http://h/", &out), ERROR_INVALID_PARAMETER, "Flags not 0");
    CHECK_EQ(HttpPrepareUrl(NULL, 0, NULL, &out), ERROR_INVALID_PARAMETER, "NULL Url");
    CHECK_EQ(HttpPrepareUrl(NULL, 0, L"http://h/", NULL), ERROR_INVALID_PARAMETER, "NULL PreparedUrl");
}

static HTTP_URL_GROUP_ID bound_group(HTTP_SERVER_SESSION_ID s, HANDLE q, const WCHAR *url) {
    HTTP_URL_GROUP_ID g = 0;
    HttpCreateUrlGroup(s, &g, 0);
    HTTP_BINDING_INFO b;
    memset(&b, 0, sizeof b);
    b.Flags.Present = 1;
    b.RequestQueueHandle = q;
    CHECK_EQ(HttpSetUrlGroupProperty(g, HttpServerBindingProperty, &b, sizeof b), NO_ERROR, "bind group");
    CHECK_EQ(HttpAddUrlToUrlGroup(g, url, 0, 0), NO_ERROR, "add url to group");
    return g;
}

static void test_find_url_group(HTTP_SERVER_SESSION_ID s, HTTP_URL_GROUP_ID g1, HANDLE q, int port) {
    WCHAR api[128], u[128];
    swprintf(api, 128, L"http://+:%d/api/", port);
    HTTP_URL_GROUP_ID g2 = bound_group(s, q, api);
    HANDLE other;
    HTTPAPI_VERSION v2 = HTTPAPI_VERSION_2;
    HttpCreateRequestQueue(v2, NULL, NULL, 0, &other);
    struct { const char *path; HTTP_URL_GROUP_ID want; } rows[] = {{"/api/x", g2}, {"/API/", g2}, {"/api", g2}, {"/other", g1}, {"/", g1}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        swprintf(u, 128, L"http://LocalHost:%d%hs", port, rows[i].path);
        HTTP_URL_GROUP_ID got = 0;
        ULONG rc = HttpFindUrlGroupId(u, q, &got);
        CHECK(rc == NO_ERROR && got == rows[i].want, "HttpFindUrlGroupId(%s): rc %lu", rows[i].path, (unsigned long)rc);
    }
    HTTP_URL_GROUP_ID got;
    swprintf(u, 128, L"http://localhost:%d/x", port == 65535 ? 1 : port + 1);
    CHECK_EQ(HttpFindUrlGroupId(u, q, &got), ERROR_NOT_FOUND, "URL on another port");
    swprintf(u, 128, L"http://localhost:%d/x", port);
    CHECK_EQ(HttpFindUrlGroupId(u, other, &got), ERROR_NOT_FOUND, "queue no group feeds");
    CHECK_EQ(HttpFindUrlGroupId(u, NULL, &got), ERROR_INVALID_HANDLE, "NULL queue");
    CHECK_EQ(HttpFindUrlGroupId(u, GetCurrentProcess(), &got), ERROR_INVALID_HANDLE, "handle of another kind");
    CHECK_EQ(HttpFindUrlGroupId(NULL, q, &got), ERROR_INVALID_PARAMETER, "NULL URL");
    CHECK_EQ(HttpFindUrlGroupId(u, q, NULL), ERROR_INVALID_PARAMETER, "NULL UrlGroupId");
    CHECK_EQ(HttpFindUrlGroupId(L"not a url", q, &got), ERROR_INVALID_PARAMETER, "malformed URL");
    CloseHandle(other);
    HttpCloseUrlGroup(g2);
}

static HTTP_REQUEST_ID get_request(HANDLE q, int port, const char *path, int *fd) {
    *fd = ts_connect(port, 0);
    char req[256];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", path, port);
    ts_send_all(*fd, req, strlen(req));
    HTTP_REQUEST *r = (HTTP_REQUEST *)rbuf;
    ULONG n = 0;
    CHECK_EQ(HttpReceiveHttpRequest(q, 0, 0, r, sizeof rbuf, &n, NULL), NO_ERROR, "request received");
    return r->RequestId;
}

/* TCP_INFO_v0 / _v1 (mstcpip.h) as the x64 ABI lays them out. */
#define TCPINFO_V0_SIZE 88
#define TCPINFO_V1_SIZE 136

static void test_request_properties(HANDLE q, int port) {
    int fd;
    HTTP_REQUEST_ID id = get_request(q, port, "/props", &fd);
    unsigned char buf[256];
    ULONG got = 0;
    CHECK_EQ(HttpQueryRequestProperty(q, id, HttpRequestPropertyTcpInfoV0, NULL, 0, buf, sizeof buf, &got, NULL), NO_ERROR, "TcpInfoV0");
    CHECK_EQ(got, TCPINFO_V0_SIZE, "TCP_INFO_v0 size");
    int state;
    ULONG mss;
    memcpy(&state, buf, 4);
    memcpy(&mss, buf + 4, 4);
    CHECK_EQ(state, 4, "TcpConnectionStateEstablished");
    CHECK(mss > 0, "Mss %lu", (unsigned long)mss);
    CHECK_EQ(HttpQueryRequestProperty(q, id, HttpRequestPropertyTcpInfoV1, NULL, 0, buf, sizeof buf, &got, NULL), NO_ERROR, "TcpInfoV1");
    CHECK_EQ(got, TCPINFO_V1_SIZE, "TCP_INFO_v1 size");
    ULONGLONG isb = 0;
    CHECK_EQ(HttpQueryRequestProperty(q, id, HttpRequestPropertyIsb, NULL, 0, &isb, sizeof isb, &got, NULL), NO_ERROR, "Isb");
    CHECK(got == 8 && isb > 0, "ideal send backlog %llu", (unsigned long long)isb);
    CHECK_EQ(HttpQueryRequestProperty(q, id, HttpRequestPropertyTcpInfoV0, NULL, 0, buf, 10, &got, NULL), ERROR_INSUFFICIENT_BUFFER, "small output");
    CHECK_EQ(got, TCPINFO_V0_SIZE, "size needed");
    CHECK_EQ(HttpQueryRequestProperty(q, id, HttpRequestPropertyTcpInfoV0, NULL, 0, NULL, 0, &got, NULL), ERROR_INSUFFICIENT_BUFFER, "NULL output");
    CHECK_EQ(HttpQueryRequestProperty(q, id, HttpRequestPropertySni, NULL, 0, buf, sizeof buf, &got, NULL), ERROR_NOT_SUPPORTED, "Sni on plain TCP");
    CHECK_EQ(HttpQueryRequestProperty(q, id, HttpRequestPropertyTlsClientHello, NULL, 0, buf, sizeof buf, &got, NULL), ERROR_NOT_SUPPORTED, "TlsClientHello on plain TCP");
    CHECK_EQ(HttpQueryRequestProperty(q, id, HttpRequestPropertyQuicStats, NULL, 0, buf, sizeof buf, &got, NULL), ERROR_NOT_SUPPORTED, "QUIC stats");
    CHECK_EQ(HttpQueryRequestProperty(q, id, 99, NULL, 0, buf, sizeof buf, &got, NULL), ERROR_INVALID_PARAMETER, "unknown property");
    CHECK_EQ(HttpQueryRequestProperty(q, 0x1234, HttpRequestPropertyTcpInfoV0, NULL, 0, buf, sizeof buf, &got, NULL), ERROR_CONNECTION_INVALID, "unknown request");
    CHECK_EQ(HttpQueryRequestProperty(NULL, id, HttpRequestPropertyTcpInfoV0, NULL, 0, buf, sizeof buf, &got, NULL), ERROR_INVALID_HANDLE, "NULL queue");
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ULONG rc = HttpQueryRequestProperty(q, id, HttpRequestPropertyTcpInfoV0, NULL, 0, buf, sizeof buf, NULL, &ov);
    CHECK(rc == NO_ERROR || rc == ERROR_IO_PENDING, "overlapped query %lu", (unsigned long)rc);
    DWORD n = 0;
    CHECK(WaitForSingleObject(ov.hEvent, 5000) == WAIT_OBJECT_0 && GetOverlappedResult(q, &ov, &n, FALSE) && n == TCPINFO_V0_SIZE, "overlapped query result");
    CloseHandle(ov.hEvent);

    UCHAR dscp = 10, too_big = 64;
    ULONG wide = 10;
    CHECK_EQ(HttpSetRequestProperty(q, id, HttpRequestPropertyDscpTag, &dscp, 1, NULL), NO_ERROR, "DscpTag");
    CHECK_EQ(HttpSetRequestProperty(q, id, HttpRequestPropertyDscpTag, &too_big, 1, NULL), ERROR_INVALID_PARAMETER, "DscpTag 64");
    CHECK_EQ(HttpSetRequestProperty(q, id, HttpRequestPropertyDscpTag, &wide, 4, NULL), ERROR_INVALID_PARAMETER, "DscpTag of 4 bytes");
    CHECK_EQ(HttpSetRequestProperty(q, id, HttpRequestPropertyDscpTag, NULL, 1, NULL), ERROR_INVALID_PARAMETER, "DscpTag NULL");
    CHECK_EQ(HttpSetRequestProperty(q, id, HttpRequestPropertyStreamError, &wide, 4, NULL), ERROR_NOT_SUPPORTED, "StreamError on HTTP/1.1");
    CHECK_EQ(HttpSetRequestProperty(q, id, HttpRequestPropertyIsb, &wide, 4, NULL), ERROR_INVALID_PARAMETER, "Isb cannot be set");
    CHECK_EQ(HttpSetRequestProperty(q, 0x1234, HttpRequestPropertyDscpTag, &dscp, 1, NULL), ERROR_CONNECTION_INVALID, "unknown request");
    CHECK_EQ(HttpSetRequestProperty(NULL, id, HttpRequestPropertyDscpTag, &dscp, 1, NULL), ERROR_INVALID_HANDLE, "NULL queue");

    /* HttpDeclarePush: accepted, nothing pushed over HTTP/1.1. */
    CHECK_EQ(HttpDeclarePush(q, id, HttpVerbGET, L"/style.css", NULL, NULL), NO_ERROR, "DeclarePush GET");
    CHECK_EQ(HttpDeclarePush(q, id, HttpVerbHEAD, L"/a", "x=1", NULL), NO_ERROR, "DeclarePush HEAD");
    CHECK_EQ(HttpDeclarePush(q, id, HttpVerbPOST, L"/a", NULL, NULL), ERROR_INVALID_PARAMETER, "DeclarePush POST");
    CHECK_EQ(HttpDeclarePush(q, id, HttpVerbGET, NULL, NULL, NULL), ERROR_INVALID_PARAMETER, "DeclarePush NULL path");
    CHECK_EQ(HttpDeclarePush(q, 0x1234, HttpVerbGET, L"/a", NULL, NULL), ERROR_CONNECTION_INVALID, "DeclarePush unknown request");
    CHECK_EQ(HttpDeclarePush(NULL, id, HttpVerbGET, L"/a", NULL, NULL), ERROR_INVALID_HANDLE, "DeclarePush NULL queue");

    CHECK_EQ(hs_send_simple(q, id, 200, "OK", "props", 0), NO_ERROR, "answered");
    char out[1024];
    ts_recv_until(fd, out, sizeof out, "props", 5000);
    CHECK(strstr(out, "\r\n\r\nprops") != NULL, "client got the answer");
    close(fd);
}

static void test_get_extension(void) {
    HTTPAPI_VERSION v2 = HTTPAPI_VERSION_2, v3 = {3, 0};
    char buf[64];
    CHECK_EQ(HttpGetExtension(v2, 0, buf, sizeof buf), ERROR_NOT_SUPPORTED, "HttpGetExtension");
    CHECK_EQ(HttpGetExtension(v3, 0, buf, sizeof buf), ERROR_INVALID_PARAMETER, "HttpGetExtension bad version");
}

typedef struct {
    HANDLE q;
    volatile ULONG rc;
    volatile int done;
} sync_wait;

static void *demand_waiter(void *arg) {
    sync_wait *w = arg;
    w->rc = HttpWaitForDemandStart(w->q, NULL);
    w->done = 1;
    return NULL;
}

static HANDLE controller_queue(HTTP_SERVER_SESSION_ID s, const WCHAR *name, int *port) {
    HANDLE cq = NULL;
    HTTPAPI_VERSION v2 = HTTPAPI_VERSION_2;
    CHECK_EQ(HttpCreateRequestQueue(v2, name, NULL, HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER, &cq), NO_ERROR, "controller queue");
    *port = ts_free_port();
    WCHAR url[128];
    swprintf(url, 128, L"http://+:%d/", *port);
    bound_group(s, cq, url);
    return cq;
}

static void test_demand_start(HTTP_SERVER_SESSION_ID s, HANDLE worker) {
    CHECK_EQ(HttpWaitForDemandStart(worker, NULL), ERROR_INVALID_ID_AUTHORITY, "not the controller");
    CHECK_EQ(HttpWaitForDemandStart(NULL, NULL), ERROR_INVALID_PARAMETER, "NULL handle");
    CHECK_EQ(HttpWaitForDemandStart(GetCurrentProcess(), NULL), ERROR_INVALID_PARAMETER, "handle of another kind");

    /* Overlapped: pending until a request arrives; one wait at a time. */
    int port;
    HANDLE cq = controller_queue(s, L"misc_demand_1", &port);
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    CHECK_EQ(HttpWaitForDemandStart(cq, &ov), ERROR_IO_PENDING, "demand start pending");
    OVERLAPPED ov2;
    memset(&ov2, 0, sizeof ov2);
    CHECK_EQ(HttpWaitForDemandStart(cq, &ov2), ERROR_ALREADY_EXISTS, "second wait");
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 200), WAIT_TIMEOUT, "no request yet");
    int fd = ts_connect(port, 0);
    char req[128];
    snprintf(req, sizeof req, "GET /wake HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", port);
    ts_send_all(fd, req, strlen(req));
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 5000), WAIT_OBJECT_0, "demand start completed by a request");
    DWORD n;
    CHECK(GetOverlappedResult(cq, &ov, &n, FALSE), "demand start succeeded");
    /* A request is already waiting: the next wait completes at once. */
    CHECK_EQ(HttpWaitForDemandStart(cq, NULL), NO_ERROR, "request already queued");
    close(fd);
    CloseHandle(cq);

    /* Synchronous wait, woken by a request. */
    cq = controller_queue(s, L"misc_demand_2", &port);
    sync_wait w = {cq, 0xffff, 0};
    pthread_t t;
    pthread_create(&t, NULL, demand_waiter, &w);
    usleep(100 * 1000);
    CHECK(!w.done, "synchronous wait blocks");
    fd = ts_connect(port, 0);
    snprintf(req, sizeof req, "GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", port);
    ts_send_all(fd, req, strlen(req));
    pthread_join(t, NULL);
    CHECK_EQ(w.rc, NO_ERROR, "synchronous wait completed");
    close(fd);
    CloseHandle(cq);

    /* CancelIoEx and shutdown end a wait with ERROR_OPERATION_ABORTED; afterwards: ERROR_INVALID_HANDLE. */
    cq = controller_queue(s, L"misc_demand_3", &port);
    ResetEvent(ov.hEvent);
    CHECK_EQ(HttpWaitForDemandStart(cq, &ov), ERROR_IO_PENDING, "wait to cancel");
    CHECK(CancelIoEx(cq, &ov), "CancelIoEx");
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 5000), WAIT_OBJECT_0, "cancelled wait signalled");
    CHECK(!GetOverlappedResult(cq, &ov, &n, FALSE) && GetLastError() == ERROR_OPERATION_ABORTED, "cancelled: ERROR_OPERATION_ABORTED");
    ResetEvent(ov.hEvent);
    CHECK_EQ(HttpWaitForDemandStart(cq, &ov), ERROR_IO_PENDING, "wait across shutdown");
    CHECK_EQ(HttpShutdownRequestQueue(cq), NO_ERROR, "shutdown");
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 5000), WAIT_OBJECT_0, "shutdown ends the wait");
    CHECK(!GetOverlappedResult(cq, &ov, &n, FALSE) && GetLastError() == ERROR_OPERATION_ABORTED, "shutdown: ERROR_OPERATION_ABORTED");
    CHECK_EQ(HttpWaitForDemandStart(cq, NULL), ERROR_INVALID_HANDLE, "after shutdown");
    CloseHandle(cq);
    CloseHandle(ov.hEvent);
}

static void test_delegate(HTTP_SERVER_SESSION_ID s, HTTP_URL_GROUP_ID ga, HANDLE qa, int port) {
    CHECK(HttpIsFeatureSupported(HttpFeatureDelegateEx), "HttpFeatureDelegateEx reported");
    CHECK(!HttpIsFeatureSupported(HttpFeatureHttp3), "HttpFeatureHttp3 not reported");
    CHECK(HttpIsFeatureSupported(HttpFeatureCacheTlsClientHello), "HttpFeatureCacheTlsClientHello reported");
    HANDLE qb;
    HTTPAPI_VERSION v2 = HTTPAPI_VERSION_2;
    CHECK_EQ(HttpCreateRequestQueue(v2, NULL, NULL, 0, &qb), NO_ERROR, "target queue");
    WCHAR url[128];
    int port_b = ts_free_port();
    swprintf(url, 128, L"http://+:%d/", port_b);
    HTTP_URL_GROUP_ID gb = bound_group(s, qb, url);

    int fd;
    HTTP_REQUEST_ID id = get_request(qa, port, "/delegated?x=1", &fd);
    /* Each row a statement, so the calls run in the order written (C11 6.7.9p23 leaves the order of
     * calls inside one initializer unspecified). */
    CHECK_EQ(HttpDelegateRequestEx(NULL, qb, id, gb, 0, NULL), ERROR_INVALID_HANDLE, "delegate: NULL source");
    CHECK_EQ(HttpDelegateRequestEx(qa, NULL, id, gb, 0, NULL), ERROR_INVALID_HANDLE, "delegate: NULL target");
    CHECK_EQ(HttpDelegateRequestEx(qa, qa, id, ga, 0, NULL), ERROR_INVALID_PARAMETER, "delegate: same queue");
    CHECK_EQ(HttpDelegateRequestEx(qa, qb, id, ga, 0, NULL), ERROR_INVALID_PARAMETER, "delegate: group not bound to the target");
    CHECK_EQ(HttpDelegateRequestEx(qa, qb, id, 0x77, 0, NULL), ERROR_INVALID_PARAMETER, "delegate: unknown group");
    CHECK_EQ(HttpDelegateRequestEx(qa, qb, id, gb, 1, NULL), ERROR_INVALID_PARAMETER, "delegate: properties NULL with a count");
    CHECK_EQ(HttpDelegateRequestEx(qa, qb, 0x1234, gb, 0, NULL), ERROR_CONNECTION_INVALID, "delegate: unknown request");
    CHECK_EQ(HttpDelegateRequestEx(qa, qb, id, gb, 0, NULL), NO_ERROR, "delegated");
    CHECK_EQ(hs_send_simple(qa, id, 200, "OK", "wrong queue", 0), ERROR_CONNECTION_INVALID, "the source no longer has it");
    HTTP_REQUEST *r = (HTTP_REQUEST *)rbuf;
    ULONG n = 0;
    CHECK_EQ(HttpReceiveHttpRequest(qb, 0, 0, r, sizeof rbuf, &n, NULL), NO_ERROR, "received on the target");
    CHECK_EQ(r->RequestId, id, "same request id");
    CHECK(r->CookedUrl.pAbsPath && wcsncmp(r->CookedUrl.pAbsPath, L"/delegated", 10) == 0, "same request");
    CHECK_EQ(hs_send_simple(qb, id, 200, "OK", "from b", 0), NO_ERROR, "answered by the target");
    char out[1024];
    ts_recv_until(fd, out, sizeof out, "from b", 5000);
    CHECK(strstr(out, "\r\n\r\nfrom b") != NULL, "client got the target's answer");
    /* An answered request cannot be delegated. */
    id = get_request(qa, port, "/second", &fd);
    ULONG flags = HTTP_SEND_RESPONSE_FLAG_MORE_DATA;
    CHECK_EQ(hs_send_simple(qa, id, 200, "OK", "part", flags), NO_ERROR, "response started");
    CHECK_EQ(HttpDelegateRequestEx(qa, qb, id, gb, 0, NULL), ERROR_CONNECTION_INVALID, "response already started");
    HttpCancelHttpRequest(qa, id, NULL);
    close(fd);
    CloseHandle(qb);
    HttpCloseUrlGroup(gb);
}

int main(void) {
    hs_init();
    test_prepare_url();
    test_get_extension();
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    int port = hs_v2_setup(&s, &g, &q, "/", 0);
    CHECK(port > 0, "setup");
    test_find_url_group(s, g, q, port);
    test_w16(q, g, port);
    test_request_properties(q, port);
    test_demand_start(s, q);
    test_delegate(s, g, q, port);
    CloseHandle(q);
    HttpCloseServerSession(s);
    return ts_finish("httpapi_misc");
}
