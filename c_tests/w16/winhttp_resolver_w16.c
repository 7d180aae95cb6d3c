/* The -fshort-wchar (UTF-16) twins of the proxy resolver, proxy settings and connection group
 * functions, compiled with -fshort-wchar by check_winhttp_resolver_w16.sh: strings the library
 * allocates come back UTF-16 and are freed by the _w16 free functions. No wcs* calls. */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;
#define CHECK(c, what) do { if (c) passed++; else { failed++; printf("FAIL: %s (line %d, error %u)\n", what, __LINE__, GetLastError()); } } while (0)

static int wequal(const WCHAR *a, const WCHAR *b) {
    if (!a || !b) return a == b;
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static HANDLE g_event;
static volatile DWORD g_status;

static void CALLBACK cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)h; (void)ctx; (void)info; (void)len;
    if (status == WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE || status == WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE ||
        status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR) {
        g_status = status;
        SetEvent(g_event);
    }
}

int main(void) {
    CHECK(sizeof(WCHAR) == 2, "2-byte WCHAR");
    g_event = CreateEventW(NULL, FALSE, FALSE, NULL);
    WINHTTP_PROXY_INFO def = {WINHTTP_ACCESS_TYPE_NAMED_PROXY, (LPWSTR)L"pr\x00f6xy.test:3128", (LPWSTR)L"<local>"};
    CHECK(WinHttpSetDefaultProxyConfiguration(&def), "set default proxy (UTF-16)");

    HINTERNET ses = WinHttpOpen(L"w16", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    WinHttpSetStatusCallback(ses, cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    HINTERNET r = NULL;
    CHECK(WinHttpCreateProxyResolver(ses, &r) == ERROR_SUCCESS, "resolver");
    WINHTTP_AUTOPROXY_OPTIONS o;
    memset(&o, 0, sizeof o);
    o.dwFlags = WINHTTP_AUTOPROXY_ALLOW_STATIC;
    CHECK(WinHttpGetProxyForUrlEx(r, L"http://www.example.com/", &o, 0) == ERROR_IO_PENDING, "GetProxyForUrlEx pending");
    CHECK(WaitForSingleObject(g_event, 5000) == WAIT_OBJECT_0 && g_status == WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE, "completes");
    WINHTTP_PROXY_RESULT res;
    CHECK(WinHttpGetProxyResult(r, &res) == ERROR_SUCCESS && res.cEntries == 1 && res.pEntries[0].fProxy &&
          wequal(res.pEntries[0].pwszProxy, L"pr\x00f6xy.test") && res.pEntries[0].ProxyPort == 3128, "UTF-16 proxy entry");
    WinHttpFreeProxyResult(&res);
    CHECK(WinHttpGetProxyForUrlEx(r, L"ftp://x/", &o, 0) == ERROR_WINHTTP_UNRECOGNIZED_SCHEME, "UTF-16 URL parsed");

    CHECK(WinHttpGetProxySettingsEx(r, WinHttpProxySettingsTypeWsl, NULL, 0) == ERROR_IO_PENDING, "GetProxySettingsEx pending");
    CHECK(WaitForSingleObject(g_event, 5000) == WAIT_OBJECT_0 && g_status == WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE, "settings complete");
    WINHTTP_PROXY_SETTINGS_EX ex;
    CHECK(WinHttpGetProxySettingsResultEx(r, &ex) == ERROR_SUCCESS && wequal(ex.pcwszProxy, L"http://pr\x00f6xy.test:3128") &&
          ex.cProxyBypasses == 1 && wequal(ex.rgpcwszProxyBypasses[0], L"<local>"), "UTF-16 settings ex");
    CHECK(WinHttpFreeProxySettingsEx(WinHttpProxySettingsTypeWsl, &ex) == ERROR_SUCCESS, "free settings ex");
    WinHttpCloseHandle(r);

    HINTERNET sync = WinHttpOpen(L"w16", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    WINHTTP_PROXY_SETTINGS w;
    memset(&w, 0, sizeof w);
    w.dwStructSize = sizeof w;
    w.dwFlags = WINHTTP_PROXY_TYPE_PROXY;
    w.pwszConnectionName = (PWSTR)L"v\x00e9pn";
    w.pwszProxy = (PWSTR)L"10.0.0.1:8080";
    CHECK(WinHttpWriteProxySettings(sync, TRUE, &w) == ERROR_SUCCESS, "write (UTF-16)");
    WINHTTP_PROXY_SETTINGS s;
    DWORD ver = 0;
    BOOL defaults = TRUE;
    CHECK(WinHttpReadProxySettings(sync, L"V\x00e9PN", FALSE, FALSE, &ver, &defaults, &s) == ERROR_SUCCESS && !defaults &&
          wequal(s.pwszProxy, L"10.0.0.1:8080") && wequal(s.pwszConnectionName, L"V\x00e9PN"), "read back by name (case-insensitive)");
    WinHttpFreeProxySettings(&s);
    CHECK(WinHttpReadProxySettings(sync, L"v\x00e9pn", FALSE, FALSE, &ver, &defaults, &s) == ERROR_SUCCESS && !defaults &&
          wequal(s.pwszProxy, L"10.0.0.1:8080"), "read back exact name");
    WinHttpFreeProxySettings(&s);

    HINTERNET con = WinHttpConnect(sync, L"127.0.0.1", 1, 0);
    PWINHTTP_QUERY_CONNECTION_GROUP_RESULT g = NULL;
    CHECK(WinHttpQueryConnectionGroup(con, NULL, 0, &g) == ERROR_SUCCESS && g && g->cHosts == 0, "connection group (none)");
    WinHttpFreeQueryConnectionGroupResult(g);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(sync);
    WinHttpCloseHandle(ses);
    WINHTTP_PROXY_INFO direct = {WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL};
    WinHttpSetDefaultProxyConfiguration(&direct);
    printf("winhttp_resolver_w16: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
