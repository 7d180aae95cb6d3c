/*
 * Code written the way Microsoft's WinHTTP and HTTP Server API samples write it. check_headers.sh compiles
 * it (never runs it) as C and, renamed, as C++, in both wchar_t widths, with and without UNICODE, under
 * -Wall -Wextra -Werror -pedantic: it proves the headers accept ordinary Windows code unchanged.
 */
#include <windows.h>
#include <winhttp.h>
#include <http.h>
#include <tchar.h>
#include <strsafe.h>
#include <stdio.h>

/* the two helper macros of the HTTP Server API sample, restated */
#define INITIALIZE_HTTP_RESPONSE(resp, status, reason)            \
    do {                                                          \
        RtlZeroMemory((resp), sizeof(*(resp)));                   \
        (resp)->StatusCode = (status);                            \
        (resp)->pReason = (reason);                               \
        (resp)->ReasonLength = (USHORT)strlen(reason);            \
    } while (FALSE)
#define ADD_KNOWN_HEADER(Response, HeaderId, RawValue)                                  \
    do {                                                                                \
        (Response).Headers.KnownHeaders[(HeaderId)].pRawValue = (RawValue);             \
        (Response).Headers.KnownHeaders[(HeaderId)].RawValueLength = (USHORT)strlen(RawValue); \
    } while (FALSE)

static void CALLBACK StatusCallback(HINTERNET hInternet, DWORD_PTR dwContext, DWORD dwInternetStatus,
                                    LPVOID lpvStatusInformation, DWORD dwStatusInformationLength)
{
    UNREFERENCED_PARAMETER(hInternet);
    UNREFERENCED_PARAMETER(dwContext);
    UNREFERENCED_PARAMETER(dwStatusInformationLength);
    switch (dwInternetStatus) {
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR: {
        WINHTTP_ASYNC_RESULT *pAR = (WINHTTP_ASYNC_RESULT *)lpvStatusInformation;
        if (pAR->dwResult == API_RECEIVE_RESPONSE && pAR->dwError == ERROR_WINHTTP_OPERATION_CANCELLED)
            printf("cancelled\n");
        break;
    }
    case WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE:
        printf("%u bytes\n", *(DWORD *)lpvStatusInformation);
        break;
    default:
        break;
    }
}

static DWORD SendHttpResponse(HANDLE hReqQueue, PHTTP_REQUEST pRequest, USHORT StatusCode, PSTR pReason,
                              PSTR pEntityString)
{
    HTTP_RESPONSE response;
    HTTP_DATA_CHUNK dataChunk;
    DWORD result;
    DWORD bytesSent;
    INITIALIZE_HTTP_RESPONSE(&response, StatusCode, pReason);
    ADD_KNOWN_HEADER(response, HttpHeaderContentType, "text/html");
    if (pEntityString) {
        dataChunk.DataChunkType = HttpDataChunkFromMemory;
        dataChunk.FromMemory.pBuffer = pEntityString;
        dataChunk.FromMemory.BufferLength = (ULONG)strlen(pEntityString);
        response.EntityChunkCount = 1;
        response.pEntityChunks = &dataChunk;
    }
    result = HttpSendHttpResponse(hReqQueue, pRequest->RequestId, 0, &response, NULL, &bytesSent, NULL, 0, NULL,
                                  NULL);
    if (result != NO_ERROR) printf("HttpSendHttpResponse failed with %lu\n", (unsigned long)result);
    return result;
}

static DWORD ReceiveRequests(HANDLE hReqQueue)
{
    ULONG result;
    HTTP_REQUEST_ID requestId;
    DWORD bytesRead;
    PHTTP_REQUEST pRequest;
    PCHAR pRequestBuffer;
    ULONG RequestBufferLength = sizeof(HTTP_REQUEST) + 2048;
    OVERLAPPED ov;
    pRequestBuffer = (PCHAR)HeapAlloc(GetProcessHeap(), 0, RequestBufferLength);
    if (pRequestBuffer == NULL) return ERROR_NOT_ENOUGH_MEMORY;
    pRequest = (PHTTP_REQUEST)pRequestBuffer;
    HTTP_SET_NULL_ID(&requestId);
    ZeroMemory(&ov, sizeof ov);
    ov.Offset = 1;
    ov.OffsetHigh = 0;
    ov.hEvent = CreateEvent(NULL, TRUE, FALSE, NULL);
    RtlZeroMemory(pRequest, RequestBufferLength);
    result = HttpReceiveHttpRequest(hReqQueue, requestId, 0, pRequest, RequestBufferLength, &bytesRead, NULL);
    if (result == NO_ERROR) {
        switch (pRequest->Verb) {
        case HttpVerbGET:
            wprintf(L"Got a GET request for %ls\n", pRequest->CookedUrl.pFullUrl);
            result = SendHttpResponse(hReqQueue, pRequest, 200, (PSTR) "OK", (PSTR) "Hey! You hit the server");
            break;
        default:
            result = SendHttpResponse(hReqQueue, pRequest, 503, (PSTR) "Not Implemented", NULL);
            break;
        }
        if (pRequest->RequestInfoCount > 0 && pRequest->pRequestInfo[0].InfoType == HttpRequestInfoTypeAuth)
            printf("auth info\n");
        if (pRequest->Address.pRemoteAddress->sa_family == AF_INET)
            printf("v4 peer %u\n", (unsigned)ntohs(((PSOCKADDR_IN)pRequest->Address.pRemoteAddress)->sin_port));
#ifndef __cplusplus
        if (pRequest->s.Verb != pRequest->Verb) result = ERROR_INVALID_DATA;
#endif
    } else if (result == ERROR_MORE_DATA) {
        requestId = pRequest->RequestId;
    }
    if (!HasOverlappedIoCompleted(&ov)) CancelIoEx(hReqQueue, &ov);
    CloseHandle(ov.hEvent);
    HeapFree(GetProcessHeap(), 0, pRequestBuffer);
    return result;
}

static int server(void)
{
    ULONG retCode;
    HANDLE hReqQueue = NULL;
    HTTPAPI_VERSION HttpApiVersion = HTTPAPI_VERSION_2;
    HTTP_SERVER_SESSION_ID sessionId;
    HTTP_URL_GROUP_ID urlGroupId;
    HTTP_BINDING_INFO binding;
    HTTP_TIMEOUT_LIMIT_INFO timeouts;
    retCode = HttpInitialize(HttpApiVersion, HTTP_INITIALIZE_SERVER, NULL);
    if (retCode != NO_ERROR) return (int)retCode;
    HttpCreateServerSession(HttpApiVersion, &sessionId, 0);
    HttpCreateUrlGroup(sessionId, &urlGroupId, 0);
    HttpCreateRequestQueue(HttpApiVersion, L"queue", NULL, 0, &hReqQueue);
    ZeroMemory(&binding, sizeof binding);
    binding.Flags.Present = 1;
    binding.RequestQueueHandle = hReqQueue;
    HttpSetUrlGroupProperty(urlGroupId, HttpServerBindingProperty, &binding, sizeof binding);
    ZeroMemory(&timeouts, sizeof timeouts);
    timeouts.Flags.Present = 1;
    timeouts.IdleConnection = 120;
    timeouts.MinSendRate = MAXULONG;
    HttpSetServerSessionProperty(sessionId, HttpServerTimeoutsProperty, &timeouts, sizeof timeouts);
    retCode = HttpAddUrlToUrlGroup(urlGroupId, L"http://+:80/MyUri/", 0, 0);
    if (retCode == ERROR_ALREADY_EXISTS) return 1;
    ReceiveRequests(hReqQueue);
    HttpRemoveUrlFromUrlGroup(urlGroupId, NULL, HTTP_URL_FLAG_REMOVE_ALL);
    HttpCloseUrlGroup(urlGroupId);
    HttpCloseServerSession(sessionId);
    HttpCloseRequestQueue(hReqQueue);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return 0;
}

static int client(void)
{
    DWORD dwSize = 0;
    DWORD dwDownloaded = 0;
    LPSTR pszOutBuffer;
    BOOL bResults = FALSE;
    HINTERNET hSession = NULL, hConnect = NULL, hRequest = NULL;
    WCHAR szHeaders[256];
    DWORD dwStatusCode = 0, dwStatusSize = sizeof(dwStatusCode);
    URL_COMPONENTS urlComp;

    hSession = WinHttpOpen(L"WinHTTP Example/1.0", WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, WINHTTP_NO_PROXY_NAME,
                           WINHTTP_NO_PROXY_BYPASS, WINHTTP_FLAG_ASYNC);
    if (WinHttpSetStatusCallback(hSession, (WINHTTP_STATUS_CALLBACK)StatusCallback,
                                 WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS, 0) == WINHTTP_INVALID_STATUS_CALLBACK)
        return 1;
    if (hSession) hConnect = WinHttpConnect(hSession, L"www.microsoft.com", INTERNET_DEFAULT_HTTPS_PORT, 0);
    if (hConnect)
        hRequest = WinHttpOpenRequest(hConnect, L"GET", NULL, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES,
                                      WINHTTP_FLAG_SECURE);
    StringCchPrintfW(szHeaders, ARRAYSIZE(szHeaders), L"X-Id: %d\r\nX-Name: %s\r\n", 7, L"value");
    if (hRequest) {
        DWORD flags = SECURITY_FLAG_IGNORE_ALL_CERT_ERRORS;
        WinHttpSetOption(hRequest, WINHTTP_OPTION_SECURITY_FLAGS, &flags, sizeof flags);
        WinHttpAddRequestHeaders(hRequest, szHeaders, (DWORD)-1L, WINHTTP_ADDREQ_FLAG_ADD | WINHTTP_ADDREQ_FLAG_REPLACE);
        bResults = WinHttpSendRequest(hRequest, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0,
                                      WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH, 0);
    }
    if (bResults) bResults = WinHttpReceiveResponse(hRequest, NULL);
    if (bResults)
        WinHttpQueryHeaders(hRequest, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER,
                            WINHTTP_HEADER_NAME_BY_INDEX, &dwStatusCode, &dwStatusSize, WINHTTP_NO_HEADER_INDEX);
    if (bResults) {
        do {
            dwSize = 0;
            if (!WinHttpQueryDataAvailable(hRequest, &dwSize))
                printf("Error %u in WinHttpQueryDataAvailable.\n", GetLastError());
            pszOutBuffer = (LPSTR)malloc(dwSize + 1);
            if (!pszOutBuffer) {
                dwSize = 0;
            } else {
                ZeroMemory(pszOutBuffer, dwSize + 1);
                if (WinHttpReadData(hRequest, (LPVOID)pszOutBuffer, dwSize, &dwDownloaded))
                    printf("%s", pszOutBuffer);
                free(pszOutBuffer);
            }
        } while (dwSize > 0);
    }
    ZeroMemory(&urlComp, sizeof(urlComp));
    urlComp.dwStructSize = sizeof(urlComp);
    urlComp.dwSchemeLength = (DWORD)-1;
    urlComp.dwHostNameLength = (DWORD)-1;
    WinHttpCrackUrl(L"http://localhost/", 0, 0, &urlComp);
    if (hRequest) WinHttpCloseHandle(hRequest);
    if (hConnect) WinHttpCloseHandle(hConnect);
    if (hSession) WinHttpCloseHandle(hSession);
    return (int)dwStatusCode;
}

static DWORD WINAPI Worker(LPVOID param)
{
    HANDLE port = (HANDLE)param;
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED pov;
    OVERLAPPED_ENTRY entries[4];
    ULONG removed;
    volatile LONG counter = 0;
    CRITICAL_SECTION cs;
    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    InterlockedIncrement(&counter);
    LeaveCriticalSection(&cs);
    DeleteCriticalSection(&cs);
    while (GetQueuedCompletionStatus(port, &bytes, &key, &pov, INFINITE)) {
        if (pov == NULL) break;
    }
    GetQueuedCompletionStatusEx(port, entries, ARRAYSIZE(entries), &removed, 0, FALSE);
    return GetLastError() == ERROR_ABANDONED_WAIT_0 ? 0 : 1;
}

typedef BOOL(WINAPI *PFN_WINHTTPCHECKPLATFORM)(void);
typedef HINTERNET(WINAPI *PFN_WINHTTPOPEN)(LPCWSTR, DWORD, LPCWSTR, LPCWSTR, DWORD);

static BOOL dynamic_load(void)
{
    HMODULE h = LoadLibrary(TEXT("winhttp.dll"));
    PFN_WINHTTPCHECKPLATFORM check;
    PFN_WINHTTPOPEN open;
    BOOL ok;
    if (h == NULL) return FALSE;
    check = (PFN_WINHTTPCHECKPLATFORM)GetProcAddress(h, "WinHttpCheckPlatform");
    open = (PFN_WINHTTPOPEN)GetProcAddress(h, "WinHttpOpen");
    ok = check != NULL && open != NULL && check();
    FreeLibrary(h);
    return ok;
}

int _tmain(int argc, _TCHAR *argv[])
{
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    HANDLE thread = CreateThread(NULL, 0, Worker, port, 0, NULL);
    TCHAR name[MAX_PATH];
    LARGE_INTEGER li;
    _TCHAR tbuf[32];
    UNREFERENCED_PARAMETER(argv);
    StringCchCopy(name, ARRAYSIZE(name), TEXT("x"));
    _tcscpy(tbuf, _T("abc"));
    if (_tcslen(tbuf) != 3) return 2;
    QueryPerformanceCounter(&li);
    PostQueuedCompletionStatus(port, 0, 0, NULL);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    CloseHandle(port);
    if (argc > 5) return server();
    if (argc > 6) return client();
    if (argc > 7) return dynamic_load();
    return (int)(li.LowPart & 0) + (int)lstrlen(name) - 1 + (int)MAKEWORD(0, 0);
}
