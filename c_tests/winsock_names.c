/* Winsock names on HTTP_REQUEST.Address, as an HTTP Server API program uses them: WSAStartup/WSACleanup,
 * the remote and local SOCKADDR of requests curl sends over IPv4 and IPv6, read as SOCKADDR_IN /
 * SOCKADDR_IN6 with ntohs and InetNtopW, printed with WSAAddressToStringW; InetPton/InetNtop round trips
 * and their errors, closesocket. */
#include <windows.h>
#include <winsock2.h>
#include <ws2tcpip.h>
#include <http.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include "httpapi_support.h"

static void test_startup(void) {
    WSADATA wsa;
    memset(&wsa, 0xcc, sizeof wsa);
    CHECK(WSAStartup(MAKEWORD(2, 2), &wsa) == 0, "WSAStartup 2.2");
    CHECK(wsa.wVersion == MAKEWORD(2, 2) && wsa.wHighVersion == MAKEWORD(2, 2), "versions %#x %#x", wsa.wVersion, wsa.wHighVersion);
    CHECK(strcmp(wsa.szDescription, "WinSock 2.0") == 0 && strcmp(wsa.szSystemStatus, "Running") == 0, "description and status");
    CHECK(WSAStartup(MAKEWORD(1, 1), &wsa) == 0 && wsa.wVersion == MAKEWORD(1, 1), "1.1 granted as asked");
    CHECK(WSAStartup(MAKEWORD(3, 0), &wsa) == 0 && wsa.wVersion == MAKEWORD(2, 2), "above 2.2: 2.2");
    CHECK(WSAStartup(MAKEWORD(0, 2), &wsa) == WSAVERNOTSUPPORTED, "below 1.0");
    CHECK(WSAStartup(MAKEWORD(2, 2), NULL) == WSAEFAULT, "NULL WSADATA");
    CHECK(WSACleanup() == 0 && WSACleanup() == 0 && WSACleanup() == 0, "one cleanup per startup");
    WSASetLastError(0);
    CHECK(WSACleanup() == SOCKET_ERROR && WSAGetLastError() == WSANOTINITIALISED, "a cleanup too many: %d", WSAGetLastError());
    WSASetLastError(WSAEWOULDBLOCK);
    CHECK(WSAGetLastError() == WSAEWOULDBLOCK && GetLastError() == WSAEWOULDBLOCK, "the WSA last error is the thread's last error");
}

static void test_text(void) {
    static const struct {
        int family;
        const wchar_t *text;
        int ok; /* InetPton's result */
        const wchar_t *back; /* InetNtop of the parsed bytes */
    } rows[] = {
        {AF_INET, L"127.0.0.1", 1, L"127.0.0.1"},
        {AF_INET, L"255.255.255.255", 1, L"255.255.255.255"},
        {AF_INET, L"1.2.3", 0, NULL},
        {AF_INET, L"256.1.1.1", 0, NULL},
        {AF_INET, L"::1", 0, NULL},
        {AF_INET6, L"::1", 1, L"::1"},
        {AF_INET6, L"2001:0db8:0000:0000:0000:ff00:0042:8329", 1, L"2001:db8::ff00:42:8329"},
        {AF_INET6, L"::ffff:192.0.2.1", 1, L"::ffff:192.0.2.1"},
        {AF_INET6, L"fe80::1:2:3:4", 1, L"fe80::1:2:3:4"},
        {AF_INET6, L"1.2.3.4", 0, NULL},
        {AF_INET6, L"g::1", 0, NULL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        unsigned char bin[16];
        WCHAR text[INET6_ADDRSTRLEN];
        int r = InetPtonW(rows[i].family, rows[i].text, bin);
        CHECK(r == rows[i].ok, "InetPtonW(%ls) = %d", rows[i].text, r);
        if (r == 1) {
            CHECK(InetNtopW(rows[i].family, bin, text, _countof(text)) == text && wcscmp(text, rows[i].back) == 0, "InetNtopW: %ls", text);
            char narrow[INET6_ADDRSTRLEN], want[INET6_ADDRSTRLEN];
            wcstombs(want, rows[i].back, sizeof want);
            CHECK(InetNtopA(rows[i].family, bin, narrow, sizeof narrow) == narrow && strcmp(narrow, want) == 0, "InetNtopA: %s", narrow);
            /* the C library agrees */
            char libc_text[INET6_ADDRSTRLEN];
            CHECK(inet_ntop(rows[i].family, bin, libc_text, sizeof libc_text) && strcmp(libc_text, narrow) == 0, "inet_ntop agrees: %s", libc_text);
        }
    }
    IN_ADDR a;
    CHECK(InetPtonA(AF_INET, "10.0.0.1", &a) == 1 && ntohl(a.s_addr) == 0x0A000001, "InetPtonA into IN_ADDR (network order)");
    unsigned char bin[16];
    WCHAR text[8];
    WSASetLastError(0);
    CHECK(InetPtonW(99, L"1.2.3.4", bin) == -1 && WSAGetLastError() == WSAEAFNOSUPPORT, "InetPton: bad family");
    WSASetLastError(0);
    CHECK(InetPtonW(AF_INET, NULL, bin) == -1 && WSAGetLastError() == WSAEFAULT, "InetPton: NULL string");
    WSASetLastError(0);
    CHECK(InetNtopW(99, bin, text, 8) == NULL && WSAGetLastError() == WSAEAFNOSUPPORT, "InetNtop: bad family");
    InetPtonW(AF_INET6, L"2001:db8::1", bin);
    WSASetLastError(0);
    CHECK(InetNtopW(AF_INET6, bin, text, _countof(text)) == NULL && WSAGetLastError() == ERROR_INVALID_PARAMETER, "InetNtop: buffer too small");

    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(s != INVALID_SOCKET && closesocket(s) == 0, "closesocket");
    WSASetLastError(0);
    CHECK(closesocket(s) == SOCKET_ERROR && WSAGetLastError() == WSAENOTSOCK, "closesocket twice: %d", WSAGetLastError());
}

/* Receives one request from curl at `url` and checks its addresses; returns the text of the remote one. */
static void check_request(HANDLE queue, const char *url, int family, int port, const wchar_t *ip) {
    const char *argv[] = {"curl", "-s", "-g", "--max-time", "10", url, NULL};
    pid_t pid = ts_spawn(argv, "/dev/null");
    char buffer[4096] __attribute__((aligned(8)));
    PHTTP_REQUEST req = (PHTTP_REQUEST)buffer;
    ULONG got = 0;
    CHECK(HttpReceiveHttpRequest(queue, HTTP_NULL_ID, 0, req, sizeof buffer, &got, NULL) == NO_ERROR, "request received");
    PSOCKADDR remote = req->Address.pRemoteAddress, local = req->Address.pLocalAddress;
    CHECK(remote->sa_family == family && local->sa_family == family, "%s: family %d", url, remote->sa_family);
    WCHAR text[INET6_ADDRSTRLEN], full[64];
    USHORT remote_port;
    if (family == AF_INET) {
        PSOCKADDR_IN r4 = (PSOCKADDR_IN)remote, l4 = (PSOCKADDR_IN)local;
        CHECK(ntohs(l4->sin_port) == port, "local port %u", ntohs(l4->sin_port));
        CHECK(InetNtopW(AF_INET, &r4->sin_addr, text, _countof(text)) && wcscmp(text, ip) == 0, "remote %ls", text);
        remote_port = ntohs(r4->sin_port);
        static const unsigned char zero[8];
        CHECK(memcmp(r4->sin_zero, zero, 8) == 0 && memcmp(l4->sin_zero, zero, 8) == 0, "sin_zero is zero");
    } else {
        PSOCKADDR_IN6 r6 = (PSOCKADDR_IN6)remote, l6 = (PSOCKADDR_IN6)local;
        CHECK(ntohs(l6->sin6_port) == port, "local port %u", ntohs(l6->sin6_port));
        CHECK(InetNtopW(AF_INET6, &r6->sin6_addr, text, _countof(text)) && wcscmp(text, ip) == 0, "remote %ls", text);
        CHECK(IN6_IS_ADDR_LOOPBACK(&r6->sin6_addr), "IN6_IS_ADDR_LOOPBACK");
        /* As Windows fills a TCP peer's address: no flow label, no scope for a global (here loopback) address. */
        CHECK(r6->sin6_flowinfo == 0 && l6->sin6_flowinfo == 0, "sin6_flowinfo 0 (%u)", (unsigned)r6->sin6_flowinfo);
        CHECK(r6->sin6_scope_id == 0 && l6->sin6_scope_id == 0, "sin6_scope_id 0 (%u)", (unsigned)r6->sin6_scope_id);
        remote_port = ntohs(r6->sin6_port);
    }
    CHECK(remote_port != 0 && remote_port != port && SS_PORT(remote) == htons(remote_port), "remote port %u (SS_PORT)", remote_port);
    DWORD len = _countof(full);
    WCHAR want[64];
    swprintf(want, 64, family == AF_INET ? L"%ls:%u" : L"[%ls]:%u", ip, (unsigned)remote_port);
    CHECK(WSAAddressToStringW(remote, family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6), NULL, full, &len) == 0 &&
              wcscmp(full, want) == 0 && len == wcslen(want) + 1, "WSAAddressToStringW '%ls' (%u)", full, len);
    char nfull[64];
    len = 4;
    WSASetLastError(0);
    CHECK(WSAAddressToStringA(remote, sizeof(SOCKADDR_STORAGE), NULL, nfull, &len) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT &&
              len == wcslen(want) + 1, "WSAAddressToStringA too small: needs %u", len);
    CHECK(WSAAddressToStringA(remote, sizeof(SOCKADDR_STORAGE), NULL, nfull, &len) == 0, "WSAAddressToStringA");
    WSASetLastError(0);
    len = sizeof nfull;
    CHECK(WSAAddressToStringA(remote, 4, NULL, nfull, &len) == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT, "a length shorter than the structure");
    hs_send_simple(queue, req->RequestId, 200, "OK", "ok", 0);
    int status = 0;
    waitpid(pid, &status, 0);
}

int main(void) {
    test_startup();
    test_text();

    WSADATA wsa;
    WSAStartup(MAKEWORD(2, 2), &wsa);
    HTTP_SERVER_SESSION_ID session;
    HTTP_URL_GROUP_ID group;
    HANDLE queue;
    hs_init();
    int port = hs_v2_setup(&session, &group, &queue, "/", 0);
    CHECK(port > 0, "server");
    char url[96];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/v4", port);
    check_request(queue, url, AF_INET, port, L"127.0.0.1");
    snprintf(url, sizeof url, "http://[::1]:%d/v6", port);
    check_request(queue, url, AF_INET6, port, L"::1");
    HttpCloseRequestQueue(queue);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(session);
    WSACleanup();
    return ts_finish("winsock_names");
}
