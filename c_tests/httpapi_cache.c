/* The fragment cache: HttpAddFragmentToCache (policies, names inside the queue's prefixes, every bad
 * argument), HttpReadFragmentFromCache (whole, byte ranges, small buffers, expiry, overlapped),
 * HttpFlushResponseCache (plain and recursive), fragments sent in responses
 * (HttpDataChunkFromFragmentCache / Ex) to a raw-socket client, and the HttpSendHttpResponse
 * pCachePolicy argument (accepted; later requests still reach the application). */
#include "httpapi_support.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char DECLSPEC_ALIGN(8) rbuf[16384];
static int g_port;

static void name_of(WCHAR *out, const char *path) { swprintf(out, 256, L"http://127.0.0.1:%d%hs", g_port, path); }

static ULONG add(HANDLE q, const WCHAR *name, const char *data, int policy, ULONG ttl) {
    HTTP_DATA_CHUNK c;
    memset(&c, 0, sizeof c);
    c.DataChunkType = HttpDataChunkFromMemory;
    c.FromMemory.pBuffer = (void *)data;
    c.FromMemory.BufferLength = (ULONG)strlen(data);
    HTTP_CACHE_POLICY p = {(HTTP_CACHE_POLICY_TYPE)policy, ttl};
    return HttpAddFragmentToCache(q, name, &c, &p, NULL);
}

static ULONG readf(HANDLE q, const WCHAR *name, HTTP_BYTE_RANGE *range, char *buf, ULONG cap, ULONG *got) {
    *got = 0xdead;
    ULONG rc = HttpReadFragmentFromCache(q, name, range, buf, cap, got, NULL);
    if (rc == NO_ERROR && *got < cap)
        buf[*got] = 0;
    return rc;
}

static void test_add_errors(HANDLE q, HANDLE unbound) {
    WCHAR good[256], other_port[256];
    name_of(good, "/e/x.txt");
    swprintf(other_port, 256, L"http://127.0.0.1:%d/x.txt", g_port == 65535 ? 1 : g_port + 1);
    HTTP_DATA_CHUNK mem, file;
    memset(&mem, 0, sizeof mem);
    mem.DataChunkType = HttpDataChunkFromMemory;
    mem.FromMemory.pBuffer = "abc";
    mem.FromMemory.BufferLength = 3;
    memset(&file, 0, sizeof file);
    file.DataChunkType = HttpDataChunkFromFileHandle;
    HTTP_CACHE_POLICY ui = {HttpCachePolicyUserInvalidates, 0}, none = {HttpCachePolicyNocache, 0}, ttl0 = {HttpCachePolicyTimeToLive, 0},
                      bad = {HttpCachePolicyMaximum, 0};
    /* Each row a statement, so the calls run in the order written (C11 6.7.9p23 leaves the order of
     * calls inside one initializer unspecified). */
    CHECK_EQ(HttpAddFragmentToCache(NULL, good, &mem, &ui, NULL), ERROR_INVALID_HANDLE, "add: NULL queue");
    CHECK_EQ(HttpAddFragmentToCache((HANDLE)(uintptr_t)0x7777, good, &mem, &ui, NULL), ERROR_INVALID_HANDLE, "add: forged queue");
    CHECK_EQ(HttpAddFragmentToCache(GetCurrentProcess(), good, &mem, &ui, NULL), ERROR_INVALID_HANDLE, "add: handle of another kind");
    CHECK_EQ(HttpAddFragmentToCache(q, NULL, &mem, &ui, NULL), ERROR_INVALID_PARAMETER, "add: NULL name");
    CHECK_EQ(HttpAddFragmentToCache(q, good, NULL, &ui, NULL), ERROR_INVALID_PARAMETER, "add: NULL chunk");
    CHECK_EQ(HttpAddFragmentToCache(q, good, &mem, NULL, NULL), ERROR_INVALID_PARAMETER, "add: NULL policy");
    CHECK_EQ(HttpAddFragmentToCache(q, good, &mem, &none, NULL), ERROR_INVALID_PARAMETER, "add: HttpCachePolicyNocache");
    CHECK_EQ(HttpAddFragmentToCache(q, good, &mem, &ttl0, NULL), ERROR_INVALID_PARAMETER, "add: TimeToLive of 0 s");
    CHECK_EQ(HttpAddFragmentToCache(q, good, &mem, &bad, NULL), ERROR_INVALID_PARAMETER, "add: policy HttpCachePolicyMaximum");
    CHECK_EQ(HttpAddFragmentToCache(q, good, &file, &ui, NULL), ERROR_INVALID_PARAMETER, "add: file-handle chunk");
    CHECK_EQ(add(q, L"http://127.0.0.1/x.txt", "a", 1, 0), ERROR_INVALID_PARAMETER, "add: name without port");
    CHECK_EQ(add(q, L"x.txt", "a", 1, 0), ERROR_INVALID_PARAMETER, "add: name not a URL");
    CHECK_EQ(add(q, other_port, "a", 1, 0), ERROR_INVALID_PARAMETER, "add: name outside the queue's prefixes");
    CHECK_EQ(add(unbound, good, "a", 1, 0), ERROR_INVALID_PARAMETER, "add: queue without prefixes");
}

static void test_read(HANDLE q, HANDLE unbound) {
    WCHAR n[256], upper[256], missing[256];
    name_of(n, "/r/data.txt");
    swprintf(upper, 256, L"HTTP://127.0.0.1:%d/R/Data.TXT", g_port);
    name_of(missing, "/r/missing.txt");
    CHECK_EQ(add(q, n, "0123456789", HttpCachePolicyUserInvalidates, 0), NO_ERROR, "add a fragment");
    char buf[64];
    ULONG got;
    CHECK_EQ(readf(q, n, NULL, buf, sizeof buf, &got), NO_ERROR, "read it whole");
    CHECK(got == 10 && strcmp(buf, "0123456789") == 0, "whole fragment: %lu '%s'", (unsigned long)got, buf);
    CHECK_EQ(readf(q, upper, NULL, buf, sizeof buf, &got), NO_ERROR, "names compare case-insensitively");
    struct { ULONGLONG start, len; const char *want; } ranges[] = {
        {0, 3, "012"}, {3, 4, "3456"}, {8, HTTP_BYTE_RANGE_TO_EOF, "89"}, {7, 100, "789"}, {10, 5, ""},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        HTTP_BYTE_RANGE r = {{.QuadPart = ranges[i].start}, {.QuadPart = ranges[i].len}};
        ULONG rc = readf(q, n, &r, buf, sizeof buf, &got);
        CHECK(rc == NO_ERROR && got == strlen(ranges[i].want) && memcmp(buf, ranges[i].want, got) == 0,
              "range %llu+%llu: rc %lu got %lu", ranges[i].start, ranges[i].len, (unsigned long)rc, (unsigned long)got);
    }
    HTTP_BYTE_RANGE beyond = {{.QuadPart = 11}, {.QuadPart = 1}};
    CHECK_EQ(readf(q, n, &beyond, buf, sizeof buf, &got), ERROR_INVALID_PARAMETER, "range starting beyond the end");
    CHECK_EQ(readf(q, n, NULL, buf, 4, &got), ERROR_INSUFFICIENT_BUFFER, "small buffer");
    CHECK_EQ(got, 10, "size needed reported in BytesRead");
    CHECK_EQ(readf(q, n, NULL, NULL, 0, &got), ERROR_INSUFFICIENT_BUFFER, "NULL buffer: size query");
    CHECK_EQ(got, 10, "size query result");
    CHECK_EQ(HttpReadFragmentFromCache(q, n, NULL, buf, sizeof buf, NULL, NULL), ERROR_INVALID_PARAMETER, "synchronous read needs BytesRead");
    CHECK_EQ(readf(q, missing, NULL, buf, sizeof buf, &got), ERROR_PATH_NOT_FOUND, "missing fragment");
    CHECK_EQ(readf(q, NULL, NULL, buf, sizeof buf, &got), ERROR_INVALID_PARAMETER, "NULL name");
    CHECK_EQ(readf(unbound, n, NULL, buf, sizeof buf, &got), ERROR_PATH_NOT_FOUND, "another queue's fragment is not visible");
    CHECK_EQ(readf(NULL, n, NULL, buf, sizeof buf, &got), ERROR_INVALID_HANDLE, "NULL queue");

    /* Replacing a fragment. */
    CHECK_EQ(add(q, n, "new", HttpCachePolicyUserInvalidates, 0), NO_ERROR, "replace");
    CHECK(readf(q, n, NULL, buf, sizeof buf, &got) == NO_ERROR && strcmp(buf, "new") == 0, "replaced content read back");

    /* Overlapped: the event is signalled and GetOverlappedResult has the byte count. */
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ULONG rc = HttpReadFragmentFromCache(q, n, NULL, buf, sizeof buf, NULL, &ov);
    CHECK(rc == NO_ERROR || rc == ERROR_IO_PENDING, "overlapped read: %lu", (unsigned long)rc);
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 5000), WAIT_OBJECT_0, "overlapped read signalled");
    DWORD n2 = 0;
    CHECK(GetOverlappedResult(q, &ov, &n2, FALSE) && n2 == 3, "overlapped read: %lu bytes", (unsigned long)n2);
    ResetEvent(ov.hEvent);
    memset(&ov.Internal, 0, sizeof ov.Internal);
    rc = HttpAddFragmentToCache(q, n, NULL, NULL, &ov);
    CHECK_EQ(rc, ERROR_INVALID_PARAMETER, "overlapped add with bad arguments fails at once");
    CloseHandle(ov.hEvent);

    /* TimeToLive: gone after its seconds. */
    WCHAR t[256];
    name_of(t, "/r/ttl.txt");
    CHECK_EQ(add(q, t, "short", HttpCachePolicyTimeToLive, 1), NO_ERROR, "add with a 1 s time to live");
    CHECK_EQ(readf(q, t, NULL, buf, sizeof buf, &got), NO_ERROR, "readable before it expires");
    usleep(1300 * 1000);
    CHECK_EQ(readf(q, t, NULL, buf, sizeof buf, &got), ERROR_PATH_NOT_FOUND, "expired");
}

static void test_flush(HANDLE q) {
    const char *paths[] = {"/f/a.txt", "/f/b.txt", "/f/sub/c.txt", "/g.txt"};
    WCHAR n[4][256], pre[256], pre2[256];
    for (int i = 0; i < 4; i++) {
        name_of(n[i], paths[i]);
        CHECK_EQ(add(q, n[i], "x", HttpCachePolicyUserInvalidates, 0), NO_ERROR, "add for flush");
    }
    name_of(pre, "/f/");
    name_of(pre2, "/f");
    CHECK_EQ(HttpFlushResponseCache(q, pre, 2, NULL), ERROR_INVALID_PARAMETER, "unknown flag");
    CHECK_EQ(HttpFlushResponseCache(q, NULL, 0, NULL), ERROR_INVALID_PARAMETER, "NULL prefix");
    CHECK_EQ(HttpFlushResponseCache(q, L"nonsense", 0, NULL), ERROR_INVALID_PARAMETER, "malformed prefix");
    CHECK_EQ(HttpFlushResponseCache(NULL, pre, 0, NULL), ERROR_INVALID_HANDLE, "NULL queue");
    CHECK_EQ(HttpFlushResponseCache(q, pre, 0, NULL), NO_ERROR, "flush /f/");
    char buf[8];
    ULONG got;
    int want[4] = {ERROR_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND, NO_ERROR, NO_ERROR};
    for (int i = 0; i < 4; i++)
        CHECK(readf(q, n[i], NULL, buf, sizeof buf, &got) == (ULONG)want[i], "after plain flush: %s", paths[i]);
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    ULONG rc = HttpFlushResponseCache(q, pre2, HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE, &ov);
    CHECK(rc == NO_ERROR || rc == ERROR_IO_PENDING, "recursive flush (overlapped): %lu", (unsigned long)rc);
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 5000), WAIT_OBJECT_0, "flush signalled");
    CloseHandle(ov.hEvent);
    CHECK_EQ(readf(q, n[2], NULL, buf, sizeof buf, &got), ERROR_PATH_NOT_FOUND, "recursive flush removed /f/sub/c.txt");
    CHECK_EQ(readf(q, n[3], NULL, buf, sizeof buf, &got), NO_ERROR, "/g.txt kept");
    CHECK_EQ(HttpFlushResponseCache(q, pre, 0, NULL), NO_ERROR, "flushing nothing is fine");
}

static HTTP_REQUEST_ID receive(HANDLE q, int *fd, const char *path) {
    *fd = ts_connect(g_port, 0);
    char req[256];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", path, g_port);
    ts_send_all(*fd, req, strlen(req));
    HTTP_REQUEST *r = (HTTP_REQUEST *)rbuf;
    ULONG n = 0;
    CHECK_EQ(HttpReceiveHttpRequest(q, 0, 0, r, sizeof rbuf, &n, NULL), NO_ERROR, "request received");
    return r->RequestId;
}

static void test_send_fragments(HANDLE q) {
    WCHAR n[256], gone[256];
    name_of(n, "/s/frag.txt");
    name_of(gone, "/s/gone.txt");
    CHECK_EQ(add(q, n, "FRAGMENT", HttpCachePolicyUserInvalidates, 0), NO_ERROR, "add fragment to send");
    int fd;
    HTTP_REQUEST_ID id = receive(q, &fd, "/s/page");
    HTTP_DATA_CHUNK c[4];
    memset(c, 0, sizeof c);
    c[0].DataChunkType = HttpDataChunkFromMemory;
    c[0].FromMemory.pBuffer = "<";
    c[0].FromMemory.BufferLength = 1;
    c[1].DataChunkType = HttpDataChunkFromFragmentCache;
    c[1].FromFragmentCache.FragmentNameLength = (USHORT)(wcslen(n) * sizeof(WCHAR));
    c[1].FromFragmentCache.pFragmentName = n;
    c[2].DataChunkType = HttpDataChunkFromFragmentCacheEx;
    c[2].FromFragmentCacheEx.ByteRange.StartingOffset.QuadPart = 4;
    c[2].FromFragmentCacheEx.ByteRange.Length.QuadPart = 3;
    c[2].FromFragmentCacheEx.pFragmentName = n;
    c[3] = c[0];
    c[3].FromMemory.pBuffer = ">";
    HTTP_RESPONSE resp;
    memset(&resp, 0, sizeof resp);
    resp.StatusCode = 200;
    resp.pReason = "OK";
    resp.ReasonLength = 2;
    resp.EntityChunkCount = 4;
    resp.pEntityChunks = c;
    /* A chunk naming a fragment that is gone fails the call; the request can still be answered. */
    HTTP_DATA_CHUNK miss = c[1];
    miss.FromFragmentCache.FragmentNameLength = (USHORT)(wcslen(gone) * sizeof(WCHAR));
    miss.FromFragmentCache.pFragmentName = gone;
    HTTP_RESPONSE bad = resp;
    bad.EntityChunkCount = 1;
    bad.pEntityChunks = &miss;
    CHECK_EQ(HttpSendHttpResponse(q, id, 0, &bad, NULL, NULL, NULL, 0, NULL, NULL), ERROR_PATH_NOT_FOUND, "missing fragment in a response");
    HTTP_CACHE_POLICY badp = {(HTTP_CACHE_POLICY_TYPE)7, 0};
    CHECK_EQ(HttpSendHttpResponse(q, id, 0, &resp, &badp, NULL, NULL, 0, NULL, NULL), ERROR_INVALID_PARAMETER, "unknown cache policy");
    ULONG sent = 0;
    CHECK_EQ(HttpSendHttpResponse(q, id, 0, &resp, NULL, &sent, NULL, 0, NULL, NULL), NO_ERROR, "response made of fragments");
    char out[2048];
    ts_recv_until(fd, out, sizeof out, "<FRAGMENTMEN>", 5000);
    CHECK(strstr(out, "Content-Length: 13") && strstr(out, "\r\n\r\n<FRAGMENTMEN>"), "client got the fragments: %s", out);
    close(fd);

    /* pCachePolicy: accepted; the same GET again still reaches the application. */
    HTTP_CACHE_POLICY ttl = {HttpCachePolicyTimeToLive, 60};
    for (int round = 0; round < 2; round++) {
        id = receive(q, &fd, "/s/cached");
        resp.EntityChunkCount = 1;
        CHECK_EQ(HttpSendHttpResponse(q, id, 0, &resp, &ttl, NULL, NULL, 0, NULL, NULL), NO_ERROR, "response with a TimeToLive policy");
        ts_recv_until(fd, out, sizeof out, "\r\n\r\n<", 5000);
        CHECK(strstr(out, "200 OK") != NULL, "cached-policy response %d", round);
        close(fd);
    }
}

int main(void) {
    hs_init();
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q, unbound;
    g_port = hs_v2_setup(&s, &g, &q, "/", 0);
    CHECK(g_port > 0, "setup");
    HTTPAPI_VERSION v2 = HTTPAPI_VERSION_2;
    CHECK_EQ(HttpCreateRequestQueue(v2, NULL, NULL, 0, &unbound), NO_ERROR, "second queue");
    test_add_errors(q, unbound);
    test_read(q, unbound);
    test_flush(q);
    test_send_fragments(q);
    CloseHandle(unbound);
    CloseHandle(q);
    HttpCloseServerSession(s);
    return ts_finish("httpapi_cache");
}
