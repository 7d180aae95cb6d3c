/* The PUT example of seeds/WinHttpWriteData.txt, unchanged except that the server and path come from
 * the command line (the page's www.wingtiptoys.com is fictitious): winhttp_put HOST PORT PATH */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    wchar_t host[256] = L"localhost", path[1024] = L"/writetst.txt";
    INTERNET_PORT port = INTERNET_DEFAULT_HTTP_PORT;
    if (argc > 1) mbstowcs(host, argv[1], 255);
    if (argc > 2) port = (INTERNET_PORT)atoi(argv[2]);
    if (argc > 3) mbstowcs(path, argv[3], 1023);

    LPSTR pszData = "WinHttpWriteData Example";
    DWORD dwBytesWritten = 0;
    BOOL bResults = FALSE;
    HINTERNET hSession = NULL, hConnect = NULL, hRequest = NULL;

    // Use WinHttpOpen to obtain a session handle.
    hSession = WinHttpOpen(L"A WinHTTP Example Program/1.0", WINHTTP_ACCESS_TYPE_DEFAULT_PROXY,
                           WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    // Specify an HTTP server.
    if (hSession) hConnect = WinHttpConnect(hSession, host, port, 0);
    // Create an HTTP Request handle.
    if (hConnect)
        hRequest = WinHttpOpenRequest(hConnect, L"PUT", path, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    // Send a Request.
    if (hRequest)
        bResults = WinHttpSendRequest(hRequest, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0,
                                      (DWORD)strlen(pszData), 0);
    // Write data to the server.
    if (bResults) bResults = WinHttpWriteData(hRequest, pszData, (DWORD)strlen(pszData), &dwBytesWritten);
    // End the request.
    if (bResults) bResults = WinHttpReceiveResponse(hRequest, NULL);
    // Report any errors.
    if (!bResults) printf("Error %u has occurred.\n", GetLastError());
    else printf("Wrote %u bytes.\n", dwBytesWritten);
    // Close any open handles.
    if (hRequest) WinHttpCloseHandle(hRequest);
    if (hConnect) WinHttpCloseHandle(hConnect);
    if (hSession) WinHttpCloseHandle(hSession);
    return bResults ? 0 : 1;
}
