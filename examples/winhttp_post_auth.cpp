// A WinHTTP client written the way Microsoft's samples are, as a Visual Studio C++ console program:
// _tmain under _UNICODE, a file checked with GetFileAttributes before it is read, a POST sent with
// WinHttpSendRequest and the authentication loop of "Authentication in WinHTTP" (401 from the server,
// 407 from a proxy, WinHttpQueryAuthSchemes, WinHttpSetCredentials, send again), the MSVC runtime's
// wide functions for the arguments and the messages. It compiles unchanged with Visual Studio.
//
//   winhttp_post_auth URL FILE [-u USER:PASSWORD] [-x PROXYHOST:PORT [-xu USER:PASSWORD]]
//
// Posts FILE to URL and prints the status line and the body of the answer. Exit status 0 on 2xx, 1 on any
// other status, 2 on a usage error or a missing file, 3 when a WinHTTP call fails.
//
// One adaptation for Linux, where WinHttpSetCredentials refuses NTLM and Negotiate with ERROR_NOT_SUPPORTED
// (no SSPI packages): a scheme the library refuses is left out and the next strongest one the server
// offers is taken. On Windows the first choice is always accepted, so the loop behaves as the sample's.
#ifndef UNICODE
#define UNICODE
#endif
#ifndef _UNICODE
#define _UNICODE
#endif
#include <windows.h>
#include <winhttp.h>
#include <tchar.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

struct Credentials {
    WCHAR user[128];
    WCHAR password[128];
    BOOL given;
};

// "user:password" into its two halves; FALSE when there is no ':' or a half does not fit.
static BOOL SplitCredentials(const WCHAR *text, Credentials *out)
{
    const WCHAR *colon = wcschr(text, L':');
    if (colon == NULL) return FALSE;
    if (wcsncpy_s(out->user, _countof(out->user), text, (size_t)(colon - text)) != 0) return FALSE;
    if (wcscpy_s(out->password, _countof(out->password), colon + 1) != 0) return FALSE;
    out->given = TRUE;
    return TRUE;
}

// The strongest scheme of `supported` that is not in `refused`, Basic last (it sends the password as it is).
static DWORD ChooseAuthScheme(DWORD supported, DWORD refused)
{
    static const DWORD order[] = {WINHTTP_AUTH_SCHEME_NEGOTIATE, WINHTTP_AUTH_SCHEME_NTLM,
                                  WINHTTP_AUTH_SCHEME_DIGEST, WINHTTP_AUTH_SCHEME_BASIC};
    for (size_t i = 0; i < _countof(order); i++)
        if ((supported & order[i]) && !(refused & order[i])) return order[i];
    return 0;
}

static const WCHAR *SchemeName(DWORD scheme)
{
    switch (scheme) {
    case WINHTTP_AUTH_SCHEME_BASIC: return L"Basic";
    case WINHTTP_AUTH_SCHEME_NTLM: return L"NTLM";
    case WINHTTP_AUTH_SCHEME_PASSPORT: return L"Passport";
    case WINHTTP_AUTH_SCHEME_DIGEST: return L"Digest";
    case WINHTTP_AUTH_SCHEME_NEGOTIATE: return L"Negotiate";
    default: return L"none";
    }
}

// Reads the whole file; NULL (with a message) when it is missing, a folder or unreadable.
static BYTE *ReadWholeFile(const WCHAR *path, DWORD *size)
{
    DWORD attributes = GetFileAttributesW(path);
    if (attributes == INVALID_FILE_ATTRIBUTES) {
        DWORD error = GetLastError();
        wprintf(L"Cannot find %ls (%ls, error %u).\n", path,
                error == ERROR_PATH_NOT_FOUND ? L"no such folder" : L"no such file", (unsigned)error);
        return NULL;
    }
    if (attributes & FILE_ATTRIBUTE_DIRECTORY) {
        wprintf(L"%ls is a folder, not a file.\n", path);
        return NULL;
    }
    WIN32_FILE_ATTRIBUTE_DATA data;
    if (!GetFileAttributesExW(path, GetFileExInfoStandard, &data) || data.nFileSizeHigh != 0) {
        wprintf(L"Cannot read the size of %ls.\n", path);
        return NULL;
    }
    HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        wprintf(L"Cannot open %ls (error %u).\n", path, (unsigned)GetLastError());
        return NULL;
    }
    BYTE *buffer = (BYTE *)malloc(data.nFileSizeLow ? data.nFileSizeLow : 1);
    DWORD done = 0, got = 0;
    while (buffer && done < data.nFileSizeLow && ReadFile(file, buffer + done, data.nFileSizeLow - done, &got, NULL) && got)
        done += got;
    CloseHandle(file);
    if (buffer == NULL || done != data.nFileSizeLow) {
        wprintf(L"Cannot read %ls.\n", path);
        free(buffer);
        return NULL;
    }
    *size = done;
    return buffer;
}

// Prints the body of the answer, read with WinHttpQueryDataAvailable / WinHttpReadData, as UTF-8 text.
static BOOL PrintBody(HINTERNET hRequest)
{
    DWORD available = 0;
    do {
        if (!WinHttpQueryDataAvailable(hRequest, &available)) return FALSE;
        if (available == 0) break;
        char *chunk = (char *)malloc(available);
        WCHAR *text = (WCHAR *)malloc((available + 1) * sizeof(WCHAR));
        DWORD read = 0;
        BOOL ok = chunk && text && WinHttpReadData(hRequest, chunk, available, &read);
        if (ok) {
            int units = MultiByteToWideChar(CP_UTF8, 0, chunk, (int)read, text, (int)available);
            text[units > 0 ? units : 0] = L'\0';
            wprintf(L"%ls", text);
        }
        free(chunk);
        free(text);
        if (!ok) return FALSE;
    } while (available > 0);
    wprintf(L"\n");
    return TRUE;
}

int _tmain(int argc, _TCHAR *argv[])
{
    Credentials server = {}, proxy = {};
    const WCHAR *proxyName = NULL;
    // The user's locale, so that wprintf can print the names it is given.
    setlocale(LC_ALL, "");
    if (argc < 3) {
        wprintf(L"usage: %ls URL FILE [-u USER:PASSWORD] [-x PROXYHOST:PORT [-xu USER:PASSWORD]]\n", argv[0]);
        return 2;
    }
    for (int i = 3; i + 1 < argc; i += 2) {
        if (_wcsicmp(argv[i], L"-u") == 0 && SplitCredentials(argv[i + 1], &server)) continue;
        if (_wcsicmp(argv[i], L"-xu") == 0 && SplitCredentials(argv[i + 1], &proxy)) continue;
        if (_wcsicmp(argv[i], L"-x") == 0) {
            proxyName = argv[i + 1];
            continue;
        }
        wprintf(L"Unknown option %ls.\n", argv[i]);
        return 2;
    }

    WCHAR hostName[256], urlPath[2048];
    URL_COMPONENTS url;
    ZeroMemory(&url, sizeof(url));
    url.dwStructSize = sizeof(url);
    url.lpszHostName = hostName;
    url.dwHostNameLength = _countof(hostName);
    url.lpszUrlPath = urlPath;
    url.dwUrlPathLength = _countof(urlPath);
    if (!WinHttpCrackUrl(argv[1], 0, 0, &url)) {
        wprintf(L"%ls is not a URL (error %u).\n", argv[1], (unsigned)GetLastError());
        return 2;
    }

    DWORD dataSize = 0;
    BYTE *data = ReadWholeFile(argv[2], &dataSize);
    if (data == NULL) return 2;

    DWORD dwStatusCode = 0, dwLastStatus = 0, dwSupportedSchemes, dwFirstScheme, dwTarget;
    DWORD dwSelectedScheme, dwProxyAuthScheme = 0, dwRefused = 0, dwSize;
    BOOL bResults = FALSE, bDone = FALSE;
    HINTERNET hSession = NULL, hConnect = NULL, hRequest = NULL;
    int exitCode = 3;

    // Use WinHttpOpen to obtain a session handle, through the proxy when one is named.
    hSession = WinHttpOpen(L"WinHTTP POST Example/1.0",
                           proxyName ? WINHTTP_ACCESS_TYPE_NAMED_PROXY : WINHTTP_ACCESS_TYPE_DEFAULT_PROXY,
                           proxyName ? proxyName : WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    // Specify an HTTP server.
    if (hSession) hConnect = WinHttpConnect(hSession, hostName, url.nPort, 0);
    // Create an HTTP request handle.
    if (hConnect)
        hRequest = WinHttpOpenRequest(hConnect, L"POST", urlPath, NULL, WINHTTP_NO_REFERER,
                                      WINHTTP_DEFAULT_ACCEPT_TYPES,
                                      url.nScheme == INTERNET_SCHEME_HTTPS ? WINHTTP_FLAG_SECURE : 0);
    // Never send the logged-on user's credentials on its own: only those given on the command line.
    DWORD policy = WINHTTP_AUTOLOGON_SECURITY_LEVEL_HIGH;
    if (hRequest) bResults = WinHttpSetOption(hRequest, WINHTTP_OPTION_AUTOLOGON_POLICY, &policy, sizeof(policy));
    if (bResults) {
        WCHAR headers[128];
        swprintf_s(headers, _countof(headers), L"Content-Type: application/octet-stream\r\nX-File-Size: %u\r\n",
                   (unsigned)dataSize);
        // Continue to send a request until status code is not 401 or 407.
        while (!bDone) {
            // If a proxy authentication challenge was responded to, reset those credentials before each
            // SendRequest, because the proxy may require re-authentication after responding to a 401.
            if (dwProxyAuthScheme != 0 && proxy.given)
                bResults = WinHttpSetCredentials(hRequest, WINHTTP_AUTH_TARGET_PROXY, dwProxyAuthScheme, proxy.user,
                                                 proxy.password, NULL);
            // Send a request, the file as its body.
            bResults = WinHttpSendRequest(hRequest, headers, (DWORD)-1L, data, dataSize, dataSize, 0);
            // End the request.
            if (bResults) bResults = WinHttpReceiveResponse(hRequest, NULL);
            // Resend the request in case of ERROR_WINHTTP_RESEND_REQUEST error.
            if (!bResults && GetLastError() == ERROR_WINHTTP_RESEND_REQUEST) continue;
            // Check the status code.
            if (bResults) {
                dwSize = sizeof(dwStatusCode);
                bResults = WinHttpQueryHeaders(hRequest, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER,
                                               WINHTTP_HEADER_NAME_BY_INDEX, &dwStatusCode, &dwSize,
                                               WINHTTP_NO_HEADER_INDEX);
            }
            if (!bResults) break;
            switch (dwStatusCode) {
            case 401:
            case 407:
                // The server (401) or the proxy (407) requires authentication. Obtain the supported and
                // preferred schemes, then pick the strongest one the library accepts.
                bResults = WinHttpQueryAuthSchemes(hRequest, &dwSupportedSchemes, &dwFirstScheme, &dwTarget);
                dwSelectedScheme = 0;
                while (bResults) {
                    Credentials *creds = dwStatusCode == 401 ? &server : &proxy;
                    dwSelectedScheme = ChooseAuthScheme(dwSupportedSchemes, dwRefused);
                    if (dwSelectedScheme == 0 || !creds->given) {
                        dwSelectedScheme = 0;
                        break;
                    }
                    if (WinHttpSetCredentials(hRequest, dwTarget, dwSelectedScheme, creds->user, creds->password,
                                              NULL))
                        break;
                    if (GetLastError() != ERROR_NOT_SUPPORTED) {
                        bResults = FALSE;
                        break;
                    }
                    wprintf(L"%ls is not available here; trying the next scheme.\n", SchemeName(dwSelectedScheme));
                    dwRefused |= dwSelectedScheme;
                }
                if (!bResults) break;
                if (dwSelectedScheme == 0) {
                    wprintf(L"No credentials for the %ls's challenge.\n", dwStatusCode == 401 ? L"server" : L"proxy");
                    bDone = TRUE;
                    break;
                }
                wprintf(L"%ls asked for credentials; answering with %ls.\n",
                        dwTarget == WINHTTP_AUTH_TARGET_PROXY ? L"The proxy" : L"The server", SchemeName(dwSelectedScheme));
                if (dwStatusCode == 407) dwProxyAuthScheme = dwSelectedScheme;
                // If the same credentials are requested twice, abort the request.
                if (dwLastStatus == dwStatusCode) {
                    wprintf(L"The credentials were refused.\n");
                    bDone = TRUE;
                }
                break;
            default:
                // Any other status ends the loop.
                bDone = TRUE;
            }
            if (!bResults) break;
            // Keep track of the last status code.
            dwLastStatus = dwStatusCode;
        }
    }

    if (bResults) {
        WCHAR reason[128];
        dwSize = sizeof(reason);
        if (!WinHttpQueryHeaders(hRequest, WINHTTP_QUERY_STATUS_TEXT, WINHTTP_HEADER_NAME_BY_INDEX, reason, &dwSize,
                                 WINHTTP_NO_HEADER_INDEX))
            reason[0] = L'\0';
        wprintf(L"Status %u %ls\n", (unsigned)dwStatusCode, reason);
        bResults = PrintBody(hRequest);
        if (bResults) exitCode = dwStatusCode >= 200 && dwStatusCode < 300 ? 0 : 1;
    }
    // Report any errors.
    if (!bResults) wprintf(L"Error %u has occurred.\n", (unsigned)GetLastError());

    // Close any open handles.
    if (hRequest) WinHttpCloseHandle(hRequest);
    if (hConnect) WinHttpCloseHandle(hConnect);
    if (hSession) WinHttpCloseHandle(hSession);
    free(data);
    return exitCode;
}
