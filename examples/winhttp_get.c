/* A synchronous GET printing status and body: winhttp_get HOST PORT PATH [secure] */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    wchar_t host[256] = L"localhost", path[1024] = L"/";
    INTERNET_PORT port = argc > 2 ? (INTERNET_PORT)atoi(argv[2]) : INTERNET_DEFAULT_PORT;
    if (argc > 1) mbstowcs(host, argv[1], 255);
    if (argc > 3) mbstowcs(path, argv[3], 1023);
    DWORD flags = argc > 4 ? WINHTTP_FLAG_SECURE : 0;
    HINTERNET ses = WinHttpOpen(L"winhttp_get/1.0", WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    HINTERNET con = ses ? WinHttpConnect(ses, host, port, 0) : NULL;
    HINTERNET req = con ? WinHttpOpenRequest(con, L"GET", path, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, flags) : NULL;
    BOOL ok = req && WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) && WinHttpReceiveResponse(req, NULL);
    if (ok) {
        DWORD status = 0, len = sizeof status;
        WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, WINHTTP_HEADER_NAME_BY_INDEX, &status, &len, WINHTTP_NO_HEADER_INDEX);
        fprintf(stderr, "status %u\n", status);
        char buf[8192];
        DWORD got;
        while ((ok = WinHttpReadData(req, buf, sizeof buf, &got)) && got) fwrite(buf, 1, got, stdout);
    }
    if (!ok) fprintf(stderr, "Error %u has occurred.\n", GetLastError());
    if (req) WinHttpCloseHandle(req);
    if (con) WinHttpCloseHandle(con);
    if (ses) WinHttpCloseHandle(ses);
    return ok ? 0 : 1;
}
