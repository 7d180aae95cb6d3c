/* An asynchronous WinHTTP download, in the shape of Microsoft's "Asynchronous completion in WinHTTP"
 * sample: the session is opened with WINHTTP_FLAG_ASYNC, one status callback drives the request
 * (SENDREQUEST_COMPLETE -> WinHttpReceiveResponse, HEADERS_AVAILABLE -> WinHttpQueryDataAvailable,
 * DATA_AVAILABLE -> WinHttpReadData, READ_COMPLETE -> the next WinHttpQueryDataAvailable), errors
 * arrive as REQUEST_ERROR, and the request context is freed on HANDLE_CLOSING, the last callback.
 * usage: winhttp_async HOST [PORT] [PATH] */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

typedef struct {
    HINTERNET hRequest;
    HANDLE hDone;         /* set when the transfer ended (or failed) */
    DWORD dwError;
    DWORD dwSize;         /* bytes of the current chunk */
    DWORD dwTotal;        /* bytes read so far */
    char *pBuffer;        /* the read buffer: ours until READ_COMPLETE */
} REQUEST_CONTEXT;

static void Cleanup(REQUEST_CONTEXT *cpContext) {
    free(cpContext->pBuffer);
    cpContext->pBuffer = NULL;
}

static BOOL QueryData(REQUEST_CONTEXT *cpContext) {
    /* The count arrives with WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE. */
    return WinHttpQueryDataAvailable(cpContext->hRequest, NULL);
}

static BOOL ReadData(REQUEST_CONTEXT *cpContext) {
    cpContext->pBuffer = malloc(cpContext->dwSize + 1);
    if (!cpContext->pBuffer) return FALSE;
    /* The buffer stays ours (untouched) until READ_COMPLETE hands it back. */
    return WinHttpReadData(cpContext->hRequest, cpContext->pBuffer, cpContext->dwSize, NULL);
}

static void Finish(REQUEST_CONTEXT *cpContext, DWORD dwError) {
    cpContext->dwError = dwError;
    SetEvent(cpContext->hDone);
}

static void CALLBACK AsyncCallback(HINTERNET hInternet, DWORD_PTR dwContext, DWORD dwInternetStatus, LPVOID lpvStatusInformation,
                                   DWORD dwStatusInformationLength) {
    REQUEST_CONTEXT *cpContext = (REQUEST_CONTEXT *)dwContext;
    (void)hInternet;
    switch (dwInternetStatus) {
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE:
        if (!WinHttpReceiveResponse(cpContext->hRequest, NULL)) Finish(cpContext, GetLastError());
        break;
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: {
        DWORD dwStatus = 0, dwLen = sizeof dwStatus;
        WinHttpQueryHeaders(cpContext->hRequest, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, WINHTTP_HEADER_NAME_BY_INDEX, &dwStatus, &dwLen,
                            WINHTTP_NO_HEADER_INDEX);
        fprintf(stderr, "status %u\n", dwStatus);
        if (!QueryData(cpContext)) Finish(cpContext, GetLastError());
        break;
    }
    case WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE:
        cpContext->dwSize = *(DWORD *)lpvStatusInformation;
        if (cpContext->dwSize == 0) {
            Finish(cpContext, ERROR_SUCCESS); /* the whole body was read */
        } else if (!ReadData(cpContext)) {
            Finish(cpContext, GetLastError());
        }
        break;
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE:
        if (dwStatusInformationLength != 0) {
            fwrite(lpvStatusInformation, 1, dwStatusInformationLength, stdout);
            cpContext->dwTotal += dwStatusInformationLength;
        }
        Cleanup(cpContext);
        if (!QueryData(cpContext)) Finish(cpContext, GetLastError());
        break;
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR: {
        WINHTTP_ASYNC_RESULT *pAR = (WINHTTP_ASYNC_RESULT *)lpvStatusInformation;
        fprintf(stderr, "request error: API %lu, error %u\n", (unsigned long)pAR->dwResult, pAR->dwError);
        Cleanup(cpContext);
        Finish(cpContext, pAR->dwError);
        break;
    }
    case WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING:
        /* The last callback for this handle: the context may go now. */
        Cleanup(cpContext);
        break;
    default:
        break;
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s HOST [PORT] [PATH]\n", argv[0]);
        return 2;
    }
    wchar_t host[256], path[1024] = L"/";
    swprintf(host, 256, L"%hs", argv[1]);
    if (argc > 3) swprintf(path, 1024, L"%hs", argv[3]);
    INTERNET_PORT port = argc > 2 ? (INTERNET_PORT)atoi(argv[2]) : INTERNET_DEFAULT_HTTP_PORT;

    HINTERNET hSession = WinHttpOpen(L"winhttp_async example/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS,
                                     WINHTTP_FLAG_ASYNC);
    if (!hSession) return 1;
    HINTERNET hConnect = WinHttpConnect(hSession, host, port, 0);
    REQUEST_CONTEXT ctx = {0};
    ctx.hDone = CreateEventW(NULL, TRUE, FALSE, NULL);
    ctx.hRequest = hConnect ? WinHttpOpenRequest(hConnect, L"GET", path, NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0) : NULL;
    if (!ctx.hRequest) {
        fprintf(stderr, "open failed: %u\n", GetLastError());
        return 1;
    }
    if (WinHttpSetStatusCallback(ctx.hRequest, AsyncCallback,
                                 WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS | WINHTTP_CALLBACK_FLAG_REDIRECT | WINHTTP_CALLBACK_FLAG_HANDLES,
                                 0) == WINHTTP_INVALID_STATUS_CALLBACK) {
        fprintf(stderr, "WinHttpSetStatusCallback failed: %u\n", GetLastError());
        return 1;
    }
    /* dwContext: what every callback of this request receives. */
    if (!WinHttpSendRequest(ctx.hRequest, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, (DWORD_PTR)&ctx)) {
        fprintf(stderr, "WinHttpSendRequest failed: %u\n", GetLastError());
        return 1;
    }
    WaitForSingleObject(ctx.hDone, INFINITE);
    WinHttpCloseHandle(ctx.hRequest);
    WinHttpCloseHandle(hConnect);
    WinHttpCloseHandle(hSession);
    fprintf(stderr, "%u bytes, error %u\n", ctx.dwTotal, ctx.dwError);
    CloseHandle(ctx.hDone);
    return ctx.dwError == ERROR_SUCCESS ? 0 : 1;
}
