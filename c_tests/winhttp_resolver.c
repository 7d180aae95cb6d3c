/* WinHTTP proxy resolver, proxy settings store and proxy change notifications as a Windows program
 * calls them: WinHttpCreateProxyResolver + WinHttpGetProxyForUrlEx(2) completing through the status
 * callback (GETPROXYFORURL_COMPLETE / REQUEST_ERROR with API_GET_PROXY_FOR_URL), WinHttpGetProxyResult(Ex)
 * and WinHttpFreeProxyResult(Ex); WinHttpRead/WriteProxySettings, WinHttpGetProxySettingsVersion,
 * WinHttpFreeProxySettings, WinHttpSetProxySettingsPerUser; WinHttpRegister/UnregisterProxyChangeNotification
 * fired by this process's own changes; every documented error and bad input. */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_support.h"
#include "winhttp_support.h"
#include <signal.h>

typedef struct {
    HANDLE event;
    volatile LONG count;
    HINTERNET handle;
    DWORD_PTR context;
    DWORD status;
    DWORD_PTR api;
    DWORD error;
    DWORD info_len;
    volatile LONG closing;
} cb_state;

static cb_state g_cb;

static void CALLBACK status_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    if (status == WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING) {
        InterlockedIncrement(&g_cb.closing);
        return;
    }
    if (status == WINHTTP_CALLBACK_STATUS_HANDLE_CREATED) return;
    g_cb.handle = h;
    g_cb.context = ctx;
    g_cb.status = status;
    g_cb.info_len = len;
    g_cb.api = 0;
    g_cb.error = 0;
    if (status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR && info) {
        WINHTTP_ASYNC_RESULT *r = (WINHTTP_ASYNC_RESULT *)info;
        g_cb.api = r->dwResult;
        g_cb.error = r->dwError;
    }
    InterlockedIncrement(&g_cb.count);
    SetEvent(g_cb.event);
}

/* Starts a resolution and waits for its completion; returns the synchronous code. */
static DWORD resolve(HINTERNET r, const wchar_t *url, DWORD flags, DWORD_PTR ctx) {
    WINHTTP_AUTOPROXY_OPTIONS o;
    memset(&o, 0, sizeof o);
    o.dwFlags = flags;
    o.dwAutoDetectFlags = WINHTTP_AUTO_DETECT_TYPE_DHCP | WINHTTP_AUTO_DETECT_TYPE_DNS_A;
    o.lpszAutoConfigUrl = (flags & WINHTTP_AUTOPROXY_CONFIG_URL) ? L"http://127.0.0.1:1/proxy.pac" : NULL;
    ResetEvent(g_cb.event);
    g_cb.status = 0;
    DWORD rc = WinHttpGetProxyForUrlEx(r, url, &o, ctx);
    if (rc == ERROR_IO_PENDING) CHECK(WaitForSingleObject(g_cb.event, 5000) == WAIT_OBJECT_0, "completion for %ls arrives", url);
    return rc;
}

static void test_create(void) {
    HINTERNET sync = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", 80, 0);
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    HINTERNET dead = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    WinHttpCloseHandle(dead);
    HINTERNET r = (HINTERNET)0x1234;
    static const struct { int which; DWORD err; const char *what; } rows[] = {
        {0, ERROR_INVALID_HANDLE, "NULL session"},
        {1, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "synchronous session"},
        {2, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "connect handle"},
        {3, ERROR_INVALID_HANDLE, "event handle (not a WinHTTP handle: 6, as on Windows)"},
        {4, ERROR_INVALID_HANDLE, "closed session"},
        {5, ERROR_INVALID_HANDLE, "forged handle"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        HINTERNET hs[] = {NULL, sync, con, (HINTERNET)ev, dead, (HINTERNET)(uintptr_t)0x7ffff0};
        DWORD rc = WinHttpCreateProxyResolver(hs[rows[i].which], &r);
        CHECK(rc == rows[i].err, "CreateProxyResolver(%s): %u", rows[i].what, rc);
    }
    CHECK_EQ(WinHttpCreateProxyResolver(ses, NULL), (DWORD)ERROR_INVALID_PARAMETER, "NULL phResolver");
    CHECK_EQ(WinHttpCreateProxyResolver(ses, &r), (DWORD)ERROR_SUCCESS, "async session");
    CHECK(r && r != (HINTERNET)0x1234, "resolver handle returned");
    /* A resolver is not a session, connect or request: */
    DWORD v;
    CHECK_EQ(WinHttpCreateProxyResolver(r, &r), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "resolver of a resolver");
    CHECK_EQ(WinHttpGetProxySettingsVersion(r, &v), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "settings version on a resolver");
    CHECK(WinHttpCloseHandle(r), "close resolver");
    CHECK(!WinHttpCloseHandle(r) && GetLastError() == ERROR_INVALID_HANDLE, "close resolver twice");
    /* Closing the session closes a resolver left open. */
    CHECK_EQ(WinHttpCreateProxyResolver(ses, &r), (DWORD)ERROR_SUCCESS, "second resolver");
    WinHttpCloseHandle(con);
    CHECK(WinHttpCloseHandle(ses), "close session with a resolver open");
    WINHTTP_PROXY_RESULT res;
    CHECK_EQ(WinHttpGetProxyResult(r, &res), (DWORD)ERROR_INVALID_HANDLE, "resolver closed with its session");
    WinHttpCloseHandle(sync);
    CloseHandle(ev);
}

static void test_resolve(void) {
    HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    CHECK(WinHttpSetStatusCallback(ses, status_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0) == NULL, "callback on session");
    HINTERNET r = NULL;
    CHECK_EQ(WinHttpCreateProxyResolver(ses, &r), (DWORD)ERROR_SUCCESS, "resolver");

    /* WinHttpGetProxyResult before any completion, and its bad inputs. */
    WINHTTP_PROXY_RESULT res;
    WINHTTP_PROXY_RESULT_EX rex;
    CHECK_EQ(WinHttpGetProxyResult(r, &res), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "result before completion");
    CHECK_EQ(WinHttpGetProxyResultEx(r, &rex), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "result ex before completion");
    CHECK_EQ(WinHttpGetProxyResult(NULL, &res), (DWORD)ERROR_INVALID_HANDLE, "result NULL handle");
    CHECK_EQ(WinHttpGetProxyResult(ses, &res), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "result on a session");
    CHECK_EQ(WinHttpGetProxyResultEx(ses, &rex), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "result ex on a session");
    CHECK_EQ(WinHttpGetProxyResult(r, NULL), (DWORD)ERROR_INVALID_PARAMETER, "result NULL out");
    CHECK_EQ(WinHttpGetProxyResultEx(r, NULL), (DWORD)ERROR_INVALID_PARAMETER, "result ex NULL out");

    /* Synchronous argument errors. */
    static const struct {
        int handle; /* 0 resolver, 1 NULL, 2 session */
        const wchar_t *url;
        int opts; /* 0 NULL */
        DWORD flags, detect;
        const wchar_t *pac;
        int reserved_ptr;
        DWORD reserved;
        DWORD err;
        const char *what;
    } rows[] = {
        {1, L"http://a.test/", 1, WINHTTP_AUTOPROXY_AUTO_DETECT, 1, NULL, 0, 0, ERROR_INVALID_HANDLE, "NULL resolver"},
        {2, L"http://a.test/", 1, WINHTTP_AUTOPROXY_AUTO_DETECT, 1, NULL, 0, 0, ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "session handle"},
        {0, NULL, 1, WINHTTP_AUTOPROXY_AUTO_DETECT, 1, NULL, 0, 0, ERROR_INVALID_PARAMETER, "NULL URL"},
        {0, L"http://a.test/", 0, 0, 0, NULL, 0, 0, ERROR_INVALID_PARAMETER, "NULL options"},
        {0, L"http://a.test/", 1, 0, 0, NULL, 0, 0, ERROR_INVALID_PARAMETER, "no method flag"},
        {0, L"http://a.test/", 1, WINHTTP_AUTOPROXY_AUTO_DETECT, 0, NULL, 0, 0, ERROR_INVALID_PARAMETER, "auto-detect without DHCP/DNS"},
        {0, L"http://a.test/", 1, WINHTTP_AUTOPROXY_CONFIG_URL, 0, NULL, 0, 0, ERROR_INVALID_PARAMETER, "CONFIG_URL without URL"},
        {0, L"http://a.test/", 1, WINHTTP_AUTOPROXY_CONFIG_URL, 0, L"gopher://x/p.pac", 0, 0, ERROR_WINHTTP_UNRECOGNIZED_SCHEME, "PAC URL scheme"},
        {0, L"http://a.test/", 1, WINHTTP_AUTOPROXY_AUTO_DETECT, 1, NULL, 1, 0, ERROR_INVALID_PARAMETER, "lpvReserved set"},
        {0, L"http://a.test/", 1, WINHTTP_AUTOPROXY_AUTO_DETECT, 1, NULL, 0, 7, ERROR_INVALID_PARAMETER, "dwReserved set"},
        {0, L"nonsense", 1, WINHTTP_AUTOPROXY_ALLOW_STATIC, 0, NULL, 0, 0, ERROR_WINHTTP_INVALID_URL, "malformed URL"},
        {0, L"http:///nohost", 1, WINHTTP_AUTOPROXY_ALLOW_STATIC, 0, NULL, 0, 0, ERROR_WINHTTP_INVALID_URL, "URL without host"},
        {0, L"ftp://a.test/", 1, WINHTTP_AUTOPROXY_ALLOW_STATIC, 0, NULL, 0, 0, ERROR_WINHTTP_UNRECOGNIZED_SCHEME, "ftp URL"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        WINHTTP_AUTOPROXY_OPTIONS o;
        memset(&o, 0, sizeof o);
        o.dwFlags = rows[i].flags;
        o.dwAutoDetectFlags = rows[i].detect ? WINHTTP_AUTO_DETECT_TYPE_DNS_A : 0;
        o.lpszAutoConfigUrl = rows[i].pac;
        o.lpvReserved = rows[i].reserved_ptr ? (LPVOID)&o : NULL;
        o.dwReserved = rows[i].reserved;
        HINTERNET h = rows[i].handle == 0 ? r : rows[i].handle == 1 ? NULL : ses;
        LONG before = g_cb.count;
        DWORD rc = WinHttpGetProxyForUrlEx(h, rows[i].url, rows[i].opts ? &o : NULL, 1);
        CHECK(rc == rows[i].err, "GetProxyForUrlEx: %s: %u", rows[i].what, rc);
        CHECK(g_cb.count == before, "no callback after a synchronous error (%s)", rows[i].what);
    }

    /* Auto-detect: no WPAD here -> REQUEST_ERROR with API_GET_PROXY_FOR_URL. */
    CHECK_EQ(resolve(r, L"http://www.example.com/", WINHTTP_AUTOPROXY_AUTO_DETECT, 0x51), (DWORD)ERROR_IO_PENDING, "auto-detect pending");
    CHECK(g_cb.status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR && g_cb.api == API_GET_PROXY_FOR_URL && g_cb.error == ERROR_WINHTTP_AUTODETECTION_FAILED,
          "auto-detect fails through the callback (status %#x api %zu err %u)", g_cb.status, (size_t)g_cb.api, g_cb.error);
    CHECK(g_cb.handle == r && g_cb.context == 0x51, "callback gets the resolver and pContext");
    CHECK_EQ(WinHttpGetProxyResult(r, &res), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "no result after a failure");

    /* A PAC script cannot be run here. */
    CHECK_EQ(resolve(r, L"http://www.example.com/", WINHTTP_AUTOPROXY_CONFIG_URL, 0x52), (DWORD)ERROR_IO_PENDING, "PAC pending");
    CHECK(g_cb.status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR && g_cb.error == ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT, "PAC fails (err %u)", g_cb.error);
    /* ALLOW_AUTOCONFIG alone: no configured auto-config URL. */
    CHECK_EQ(resolve(r, L"http://www.example.com/", WINHTTP_AUTOPROXY_ALLOW_AUTOCONFIG, 0x53), (DWORD)ERROR_IO_PENDING, "allow-autoconfig pending");
    CHECK(g_cb.status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR && g_cb.error == ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR, "allow-autoconfig alone fails (err %u)", g_cb.error);

    /* Static settings, direct: one entry, no proxy, no bypass. Auto-detect falls back to them. */
    CHECK_EQ(resolve(r, L"http://www.example.com/", WINHTTP_AUTOPROXY_AUTO_DETECT | WINHTTP_AUTOPROXY_ALLOW_STATIC, 0x54), (DWORD)ERROR_IO_PENDING, "static pending");
    CHECK(g_cb.status == WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE && g_cb.context == 0x54 && g_cb.info_len == 0, "GETPROXYFORURL_COMPLETE (status %#x)", g_cb.status);
    memset(&res, 0xcc, sizeof res);
    CHECK_EQ(WinHttpGetProxyResult(r, &res), (DWORD)ERROR_SUCCESS, "result");
    CHECK(res.cEntries == 1 && res.pEntries && !res.pEntries[0].fProxy && !res.pEntries[0].fBypass && !res.pEntries[0].pwszProxy, "direct entry");
    WinHttpFreeProxyResult(&res);
    CHECK(res.cEntries == 0 && res.pEntries == NULL, "FreeProxyResult zeroes the structure");
    WinHttpFreeProxyResult(NULL);
    WinHttpFreeProxyResultEx(NULL);

    /* The process default proxy, with its bypass list. */
    WINHTTP_PROXY_INFO def = {WINHTTP_ACCESS_TYPE_NAMED_PROXY, (LPWSTR)L"127.0.0.1:3128", (LPWSTR)L"*.bypass.test;<local>"};
    CHECK(WinHttpSetDefaultProxyConfiguration(&def), "set default proxy");
    static const struct { const wchar_t *url; int proxy, bypass; } urls[] = {
        {L"http://www.example.com/x", 1, 0},
        {L"https://www.example.com:8443/", 1, 0},
        {L"http://a.bypass.test/", 0, 1},
        {L"http://intranet/", 0, 1},
    };
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        CHECK(resolve(r, urls[i].url, WINHTTP_AUTOPROXY_ALLOW_STATIC, i) == ERROR_IO_PENDING, "static %ls pending", urls[i].url);
        memset(&rex, 0xcc, sizeof rex);
        CHECK(WinHttpGetProxyResultEx(r, &rex) == ERROR_SUCCESS, "result ex %ls", urls[i].url);
        CHECK(rex.cEntries == 1 && rex.hProxyDetectionHandle == NULL && rex.dwProxyInterfaceAffinity == 0, "one entry, no detection handle");
        WINHTTP_PROXY_RESULT_ENTRY *e = &rex.pEntries[0];
        if (urls[i].proxy)
            CHECK(e->fProxy && !e->fBypass && e->ProxyScheme == INTERNET_SCHEME_HTTP && e->pwszProxy && wcscmp(e->pwszProxy, L"127.0.0.1") == 0 && e->ProxyPort == 3128,
                  "%ls goes through 127.0.0.1:3128", urls[i].url);
        else
            CHECK(!e->fProxy && e->fBypass && !e->pwszProxy, "%ls is bypassed", urls[i].url);
        WinHttpFreeProxyResultEx(&rex);
        CHECK(rex.cEntries == 0 && rex.pEntries == NULL, "FreeProxyResultEx zeroes");
    }

    /* The user's environment variables come before the default. */
    setenv("http_proxy", "http://envproxy.test:8080/", 1);
    CHECK_EQ(resolve(r, L"http://www.example.com/", WINHTTP_AUTOPROXY_ALLOW_STATIC, 9), (DWORD)ERROR_IO_PENDING, "env pending");
    CHECK_EQ(WinHttpGetProxyResult(r, &res), (DWORD)ERROR_SUCCESS, "env result");
    CHECK(res.cEntries == 1 && res.pEntries[0].fProxy && wcscmp(res.pEntries[0].pwszProxy, L"envproxy.test") == 0 && res.pEntries[0].ProxyPort == 8080, "http_proxy answers");
    WinHttpFreeProxyResult(&res);
    unsetenv("http_proxy");

    /* Ex2: the interface selection context must be consistent. */
    WINHTTP_AUTOPROXY_OPTIONS o;
    memset(&o, 0, sizeof o);
    o.dwFlags = WINHTTP_AUTOPROXY_ALLOW_STATIC;
    BYTE isc[8] = {0};
    CHECK_EQ(WinHttpGetProxyForUrlEx2(r, L"http://www.example.com/", &o, 8, NULL, 0), (DWORD)ERROR_INVALID_PARAMETER, "Ex2 size without buffer");
    CHECK_EQ(WinHttpGetProxyForUrlEx2(r, L"http://www.example.com/", &o, 0, isc, 0), (DWORD)ERROR_INVALID_PARAMETER, "Ex2 buffer without size");
    CHECK_EQ(WinHttpGetProxyForUrlEx2(ses, L"http://www.example.com/", &o, 0, NULL, 0), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "Ex2 on a session");
    ResetEvent(g_cb.event);
    CHECK_EQ(WinHttpGetProxyForUrlEx2(r, L"http://www.example.com/", &o, sizeof isc, isc, 0x77), (DWORD)ERROR_IO_PENDING, "Ex2 pending");
    CHECK(WaitForSingleObject(g_cb.event, 5000) == WAIT_OBJECT_0 && g_cb.status == WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE && g_cb.context == 0x77, "Ex2 completes");

    /* Closing the resolver: HANDLE_CLOSING through its (inherited) callback. */
    LONG closing = g_cb.closing;
    CHECK(WinHttpCloseHandle(r), "close resolver");
    for (int i = 0; i < 500 && g_cb.closing == closing; i++) Sleep(10);
    CHECK(g_cb.closing == closing + 1, "HANDLE_CLOSING for the resolver");
    CHECK_EQ(WinHttpGetProxyForUrlEx(r, L"http://www.example.com/", &o, 0), (DWORD)ERROR_INVALID_HANDLE, "closed resolver");
    WINHTTP_PROXY_INFO direct = {WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL};
    WinHttpSetDefaultProxyConfiguration(&direct);
    WinHttpCloseHandle(ses);
}

static void test_settings(void) {
    HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    DWORD v0 = 0, v1 = 0;
    CHECK_EQ(WinHttpGetProxySettingsVersion(NULL, &v0), (DWORD)ERROR_INVALID_HANDLE, "version NULL session");
    CHECK_EQ(WinHttpGetProxySettingsVersion(ses, NULL), (DWORD)ERROR_INVALID_PARAMETER, "version NULL out");
    CHECK_EQ(WinHttpGetProxySettingsVersion(ses, &v0), (DWORD)ERROR_SUCCESS, "version");
    CHECK_EQ(WinHttpSetProxySettingsPerUser(TRUE), (DWORD)ERROR_SUCCESS, "per user");
    CHECK_EQ(WinHttpSetProxySettingsPerUser(FALSE), (DWORD)ERROR_SUCCESS, "per machine");

    WINHTTP_PROXY_SETTINGS s;
    DWORD ver = 0;
    BOOL defaults = FALSE;
    CHECK_EQ(WinHttpReadProxySettings(NULL, NULL, TRUE, FALSE, &ver, &defaults, &s), (DWORD)ERROR_INVALID_HANDLE, "read NULL session");
    CHECK_EQ(WinHttpReadProxySettings(ses, NULL, TRUE, FALSE, &ver, &defaults, NULL), (DWORD)ERROR_INVALID_PARAMETER, "read NULL out");
    CHECK_EQ(WinHttpReadProxySettings(ses, L"vpn-nothing", FALSE, FALSE, &ver, &defaults, &s), (DWORD)ERROR_FILE_NOT_FOUND, "read unknown without fallback");
    memset(&s, 0xcc, sizeof s);
    CHECK_EQ(WinHttpReadProxySettings(ses, L"vpn-nothing", TRUE, TRUE, &ver, &defaults, &s), (DWORD)ERROR_SUCCESS, "read defaults");
    CHECK(defaults && ver == v0 && s.dwStructSize == sizeof s && s.dwFlags == (WINHTTP_PROXY_TYPE_DIRECT | WINHTTP_PROXY_TYPE_AUTO_DETECT) && !s.pwszProxy,
          "defaults: direct + auto-detect (flags %#x)", s.dwFlags);
    WinHttpFreeProxySettings(&s);
    WinHttpFreeProxySettings(NULL);

    WINHTTP_PROXY_SETTINGS w;
    memset(&w, 0, sizeof w);
    w.dwStructSize = sizeof w;
    w.dwFlags = WINHTTP_PROXY_TYPE_PROXY;
    w.pwszProxy = (PWSTR)L"10.0.0.1:8080";
    w.pwszProxyBypass = (PWSTR)L"<local>";
    w.dwCurrentSettingsVersion = v0;
    CHECK_EQ(WinHttpWriteProxySettings(ses, FALSE, NULL), (DWORD)ERROR_INVALID_PARAMETER, "write NULL");
    w.dwStructSize = 8;
    CHECK_EQ(WinHttpWriteProxySettings(ses, FALSE, &w), (DWORD)ERROR_INVALID_PARAMETER, "write wrong size");
    w.dwStructSize = sizeof w;
    w.dwFlags = 0x100;
    CHECK_EQ(WinHttpWriteProxySettings(ses, FALSE, &w), (DWORD)ERROR_INVALID_PARAMETER, "write unknown flags");
    w.dwFlags = WINHTTP_PROXY_TYPE_PROXY;
    w.dwCurrentSettingsVersion = v0 + 100;
    CHECK_EQ(WinHttpWriteProxySettings(ses, FALSE, &w), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "write stale version");
    CHECK_EQ(WinHttpWriteProxySettings(NULL, TRUE, &w), (DWORD)ERROR_INVALID_HANDLE, "write NULL session");
    w.dwCurrentSettingsVersion = v0;
    CHECK_EQ(WinHttpWriteProxySettings(ses, FALSE, &w), (DWORD)ERROR_SUCCESS, "write current version");
    CHECK_EQ(WinHttpGetProxySettingsVersion(ses, &v1), (DWORD)ERROR_SUCCESS, "version after write");
    CHECK(v1 == v0 + 1, "write bumps the version (%u -> %u)", v0, v1);
    memset(&s, 0, sizeof s);
    CHECK_EQ(WinHttpReadProxySettings(ses, NULL, FALSE, FALSE, &ver, &defaults, &s), (DWORD)ERROR_SUCCESS, "read back");
    CHECK(!defaults && ver == v1 && s.dwCurrentSettingsVersion == v1 && s.dwFlags == WINHTTP_PROXY_TYPE_PROXY && s.pwszProxy && wcscmp(s.pwszProxy, L"10.0.0.1:8080") == 0 &&
          s.pwszProxyBypass && wcscmp(s.pwszProxyBypass, L"<local>") == 0, "stored settings read back");
    WinHttpFreeProxySettings(&s);
    CHECK(s.pwszProxy == NULL && s.dwStructSize == 0, "FreeProxySettings zeroes");
    w.dwCurrentSettingsVersion = 0;
    CHECK_EQ(WinHttpWriteProxySettings(ses, TRUE, &w), (DWORD)ERROR_SUCCESS, "forced write ignores the version");
    WinHttpCloseHandle(ses);
}

static void test_settings_ex(void) {
    HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, WINHTTP_FLAG_ASYNC);
    WinHttpSetStatusCallback(ses, status_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    HINTERNET r = NULL;
    CHECK_EQ(WinHttpCreateProxyResolver(ses, &r), (DWORD)ERROR_SUCCESS, "resolver");
    WINHTTP_PROXY_SETTINGS_EX ex;
    CHECK_EQ(WinHttpGetProxySettingsResultEx(r, &ex), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "settings result before completion");
    CHECK_EQ(WinHttpGetProxySettingsResultEx(r, NULL), (DWORD)ERROR_INVALID_PARAMETER, "settings result NULL");
    CHECK_EQ(WinHttpGetProxySettingsResultEx(ses, &ex), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "settings result on a session");
    CHECK_EQ(WinHttpGetProxySettingsResultEx(NULL, &ex), (DWORD)ERROR_INVALID_HANDLE, "settings result NULL handle");
    CHECK_EQ(WinHttpGetProxySettingsEx(NULL, WinHttpProxySettingsTypeWsl, NULL, 0), (DWORD)ERROR_INVALID_HANDLE, "settings NULL handle");
    CHECK_EQ(WinHttpGetProxySettingsEx(ses, WinHttpProxySettingsTypeWsl, NULL, 0), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "settings on a session");
    CHECK_EQ(WinHttpGetProxySettingsEx(r, WinHttpProxySettingsTypeUnknown, NULL, 0), (DWORD)ERROR_INVALID_PARAMETER, "settings type unknown");
    CHECK_EQ(WinHttpGetProxySettingsEx(r, (WINHTTP_PROXY_SETTINGS_TYPE)9, NULL, 0), (DWORD)ERROR_INVALID_PARAMETER, "settings type 9");

    WINHTTP_PROXY_INFO def = {WINHTTP_ACCESS_TYPE_NAMED_PROXY, (LPWSTR)L"http=127.0.0.1:3128;https=127.0.0.1:3129", (LPWSTR)L"<local>;*.corp.test"};
    CHECK(WinHttpSetDefaultProxyConfiguration(&def), "set default proxy");
    WINHTTP_PROXY_SETTINGS_PARAM prm = {0, L"eth0", NULL};
    ResetEvent(g_cb.event);
    CHECK_EQ(WinHttpGetProxySettingsEx(r, WinHttpProxySettingsTypeWsl, &prm, 0x99), (DWORD)ERROR_IO_PENDING, "settings pending");
    CHECK(WaitForSingleObject(g_cb.event, 5000) == WAIT_OBJECT_0 && g_cb.status == WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE && g_cb.context == 0x99 && g_cb.handle == r,
          "GETPROXYSETTINGS_COMPLETE (status %#x)", g_cb.status);
    memset(&ex, 0xcc, sizeof ex);
    CHECK_EQ(WinHttpGetProxySettingsResultEx(r, &ex), (DWORD)ERROR_SUCCESS, "settings result");
    CHECK(ex.ullFlags == WINHTTP_PROXY_TYPE_PROXY && ex.pcwszProxy && wcscmp(ex.pcwszProxy, L"http://127.0.0.1:3128") == 0 &&
          ex.pcwszSecureProxy && wcscmp(ex.pcwszSecureProxy, L"http://127.0.0.1:3129") == 0 && !ex.pcwszAutoconfigUrl, "proxies per scheme");
    CHECK(ex.cProxyBypasses == 2 && wcscmp(ex.rgpcwszProxyBypasses[0], L"<local>") == 0 && wcscmp(ex.rgpcwszProxyBypasses[1], L"*.corp.test") == 0, "bypass entries");
    CHECK(ex.pcwszConnectionName && wcscmp(ex.pcwszConnectionName, L"eth0") == 0 && ex.dwInterfaceIndex == 0 && ex.ullGenerationId != 0, "connection name, generation");
    CHECK_EQ(WinHttpFreeProxySettingsEx(WinHttpProxySettingsTypeUnknown, &ex), (DWORD)ERROR_INVALID_PARAMETER, "free unknown type");
    CHECK_EQ(WinHttpFreeProxySettingsEx(WinHttpProxySettingsTypeWsl, NULL), (DWORD)ERROR_INVALID_PARAMETER, "free NULL");
    CHECK_EQ(WinHttpFreeProxySettingsEx(WinHttpProxySettingsTypeWsl, &ex), (DWORD)ERROR_SUCCESS, "free");
    CHECK(ex.pcwszProxy == NULL && ex.cProxyBypasses == 0 && ex.rgpcwszProxyBypasses == NULL, "free zeroes");

    WINHTTP_PROXY_INFO direct = {WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL};
    WinHttpSetDefaultProxyConfiguration(&direct);
    ResetEvent(g_cb.event);
    CHECK_EQ(WinHttpGetProxySettingsEx(r, WinHttpProxySettingsTypeWsa, NULL, 0), (DWORD)ERROR_IO_PENDING, "direct settings pending");
    CHECK(WaitForSingleObject(g_cb.event, 5000) == WAIT_OBJECT_0, "direct settings complete");
    CHECK_EQ(WinHttpGetProxySettingsResultEx(r, &ex), (DWORD)ERROR_SUCCESS, "direct settings result");
    CHECK(ex.ullFlags == WINHTTP_PROXY_TYPE_DIRECT && !ex.pcwszProxy && !ex.pcwszSecureProxy && ex.cProxyBypasses == 0 && !ex.pcwszConnectionName, "direct");
    CHECK_EQ(WinHttpFreeProxySettingsEx(WinHttpProxySettingsTypeWsa, &ex), (DWORD)ERROR_SUCCESS, "free direct");
    WinHttpCloseHandle(r);
    WinHttpCloseHandle(ses);
}

static void test_connection_group(void) {
    pid_t server = 0;
    int port = whs_start_server(&server);
    CHECK(port > 0, "test server");
    HINTERNET ses = WinHttpOpen(L"t", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    PWINHTTP_QUERY_CONNECTION_GROUP_RESULT res = (PWINHTTP_QUERY_CONNECTION_GROUP_RESULT)0x1;
    CHECK_EQ(WinHttpQueryConnectionGroup(NULL, NULL, 0, &res), (DWORD)ERROR_INVALID_HANDLE, "NULL handle");
    CHECK_EQ(WinHttpQueryConnectionGroup(ses, NULL, 0, &res), (DWORD)ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "session handle");
    CHECK_EQ(WinHttpQueryConnectionGroup(con, NULL, 0x10, &res), (DWORD)ERROR_INVALID_PARAMETER, "unknown flags");
    CHECK_EQ(WinHttpQueryConnectionGroup(con, NULL, 1, NULL), (DWORD)ERROR_INVALID_PARAMETER, "NULL ppResult");
    res = NULL;
    CHECK_EQ(WinHttpQueryConnectionGroup(con, NULL, 1, &res), (DWORD)ERROR_SUCCESS, "before any request");
    CHECK(res && res->cHosts == 0, "no connections yet");
    WinHttpFreeQueryConnectionGroupResult(res);
    WinHttpFreeQueryConnectionGroupResult(NULL);

    char body[256];
    DWORD status = 0;
    long n = whs_get(ses, port, L"/hello", body, sizeof body, &status);
    CHECK(n >= 0 && status != 0, "a completed GET (%ld, %u)", n, status);
    res = NULL;
    CHECK_EQ(WinHttpQueryConnectionGroup(con, NULL, WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE, &res), (DWORD)ERROR_SUCCESS, "after a request");
    CHECK(res && res->cHosts == 1 && res->pHostConnectionGroups && wcscmp(res->pHostConnectionGroups[0].pwszHost, L"127.0.0.1") == 0 &&
          res->pHostConnectionGroups[0].cConnectionGroups == 1 && res->pHostConnectionGroups[0].pConnectionGroups[0].cConnections == 1,
          "one pooled connection to 127.0.0.1");
    WinHttpFreeQueryConnectionGroupResult(res);
    res = NULL;
    CHECK_EQ(WinHttpQueryConnectionGroup(con, NULL, 0, &res), (DWORD)ERROR_SUCCESS, "HTTPS by default on a connect handle");
    CHECK(res && res->cHosts == 0, "no HTTPS connections");
    WinHttpFreeQueryConnectionGroupResult(res);
    GUID g = {0x12345678, 1, 2, {1, 2, 3, 4, 5, 6, 7, 8}};
    res = NULL;
    CHECK_EQ(WinHttpQueryConnectionGroup(con, &g, WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE, &res), (DWORD)ERROR_SUCCESS, "by GUID");
    CHECK(res && res->cHosts == 0, "no connection carries that GUID");
    WinHttpFreeQueryConnectionGroupResult(res);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    res = NULL;
    CHECK_EQ(WinHttpQueryConnectionGroup(req, NULL, 0, &res), (DWORD)ERROR_SUCCESS, "request handle (its own scheme)");
    CHECK(res && res->cHosts == 1 && res->pHostConnectionGroups[0].pConnectionGroups[0].cConnections == 1, "request handle sees the pooled connection");
    WinHttpFreeQueryConnectionGroupResult(res);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    if (server > 0) kill(server, SIGTERM);
}

static HANDLE g_change_event;
static volatile LONG g_changes;
static ULONGLONG g_change_flags;
static PVOID g_change_ctx;

static void CALLBACK change_cb(ULONGLONG flags, PVOID ctx) {
    g_change_flags = flags;
    g_change_ctx = ctx;
    InterlockedIncrement(&g_changes);
    SetEvent(g_change_event);
}

static void test_notifications(void) {
    g_change_event = CreateEventW(NULL, FALSE, FALSE, NULL);
    WINHTTP_PROXY_CHANGE_REGISTRATION_HANDLE reg = NULL;
    CHECK_EQ(WinHttpRegisterProxyChangeNotification(WINHTTP_PROXY_NOTIFY_CHANGE, NULL, NULL, &reg), (DWORD)ERROR_INVALID_PARAMETER, "register NULL callback");
    CHECK_EQ(WinHttpRegisterProxyChangeNotification(WINHTTP_PROXY_NOTIFY_CHANGE, change_cb, NULL, NULL), (DWORD)ERROR_INVALID_PARAMETER, "register NULL out");
    CHECK_EQ(WinHttpRegisterProxyChangeNotification(WINHTTP_PROXY_NOTIFY_CHANGE, change_cb, (PVOID)0xabc, &reg), (DWORD)ERROR_SUCCESS, "register");
    CHECK(reg != NULL, "registration handle");
    WINHTTP_PROXY_INFO def = {WINHTTP_ACCESS_TYPE_NAMED_PROXY, (LPWSTR)L"127.0.0.1:3128", NULL};
    CHECK(WinHttpSetDefaultProxyConfiguration(&def), "change the default proxy");
    CHECK(WaitForSingleObject(g_change_event, 5000) == WAIT_OBJECT_0, "change callback fires");
    CHECK(g_change_flags == WINHTTP_PROXY_NOTIFY_CHANGE && g_change_ctx == (PVOID)0xabc, "callback gets the flags and context");
    CHECK_EQ(WinHttpUnregisterProxyChangeNotification(reg), (DWORD)ERROR_SUCCESS, "unregister");
    CHECK_EQ(WinHttpUnregisterProxyChangeNotification(reg), (DWORD)ERROR_INVALID_HANDLE, "unregister twice");
    CHECK_EQ(WinHttpUnregisterProxyChangeNotification(NULL), (DWORD)ERROR_INVALID_HANDLE, "unregister NULL");
    LONG n = g_changes;
    WINHTTP_PROXY_INFO direct = {WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL};
    CHECK(WinHttpSetDefaultProxyConfiguration(&direct), "change back");
    CHECK(WaitForSingleObject(g_change_event, 300) == WAIT_TIMEOUT && g_changes == n, "no callback after unregister");
    CloseHandle(g_change_event);
}

int main(void) {
    unsetenv("http_proxy"); unsetenv("HTTP_PROXY"); unsetenv("https_proxy"); unsetenv("HTTPS_PROXY");
    unsetenv("no_proxy"); unsetenv("NO_PROXY");
    g_cb.event = CreateEventW(NULL, TRUE, FALSE, NULL);
    test_create();
    test_resolve();
    test_settings();
    test_settings_ex();
    test_connection_group();
    test_notifications();
    CloseHandle(g_cb.event);
    return ts_finish("winhttp_resolver");
}
