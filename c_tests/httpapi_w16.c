/* The -fshort-wchar entry points: a caller whose WCHAR is 16-bit passes UTF-16 prefixes and gets the cooked
 * URL in UTF-16, lengths in bytes of 2-byte units. (Such a caller's http.h maps every function to its
 * _w16 twin; here the twins are declared by hand so this file builds with the normal flags.) */
#include "httpapi_support.h"
#include <string.h>
#include <uchar.h>
#include <unistd.h>

ULONG HttpAddUrl_w16(HANDLE, const char16_t *, PVOID);
ULONG HttpReceiveHttpRequest_w16(HANDLE, HTTP_REQUEST_ID, ULONG, PVOID, ULONG, PULONG, LPOVERLAPPED);
ULONG HttpAddUrlToUrlGroup_w16(HTTP_URL_GROUP_ID, const char16_t *, HTTP_URL_CONTEXT, ULONG);

static size_t u16len(const char16_t *s) {
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int main(void) {
    hs_init();
    HANDLE q;
    CHECK_EQ(HttpCreateHttpHandle(&q, 0), NO_ERROR, "queue");
    int port = ts_free_port();
    char16_t url[64];
    char narrow[64];
    snprintf(narrow, sizeof narrow, "http://+:%d/", port);
    for (size_t i = 0; i <= strlen(narrow); i++)
        url[i] = (char16_t)narrow[i];
    CHECK_EQ(HttpAddUrl_w16(q, url, NULL), NO_ERROR, "UTF-16 prefix");
    CHECK_EQ(HttpAddUrl_w16(q, u"http://+:80", NULL), ERROR_INVALID_PARAMETER, "malformed UTF-16 prefix");
    int fd = ts_connect(port, 0);
    const char get[] = "GET /caf%C3%A9/%F0%9F%98%80?q HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    ts_send_all(fd, get, sizeof get - 1);
    static char DECLSPEC_ALIGN(8) buf[8192];
    HTTP_REQUEST_V1 *req = (HTTP_REQUEST_V1 *)buf;
    ULONG n = 0;
    CHECK_EQ(HttpReceiveHttpRequest_w16(q, 0, 0, buf, sizeof buf, &n, NULL), NO_ERROR, "receive");
    char16_t want[96];
    snprintf(narrow, sizeof narrow, "http://127.0.0.1:%d", port);
    size_t k = 0;
    for (; narrow[k]; k++)
        want[k] = (char16_t)narrow[k];
    const char16_t tail[] = u"/caf\u00e9/\U0001F600?q";
    memcpy(want + k, tail, sizeof tail);
    const char16_t *full = (const char16_t *)req->CookedUrl.pFullUrl;
    CHECK(u16len(full) == u16len(want) && !memcmp(full, want, u16len(want) * 2), "UTF-16 full URL");
    CHECK_EQ(req->CookedUrl.FullUrlLength, u16len(want) * 2, "length in bytes");
    CHECK((const char16_t *)req->CookedUrl.pAbsPath == full + k, "path points into the URL");
    CHECK_EQ(req->CookedUrl.AbsPathLength, (u16len(tail) - 2) * 2, "path length (surrogate pair = 2 units)");
    CHECK(hs_send_simple(q, req->RequestId, 200, "OK", "ok", 0) == NO_ERROR, "send");
    close(fd);
    CloseHandle(q);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return ts_finish("httpapi_w16");
}
