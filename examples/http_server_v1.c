/*
 * An HTTP Server API version 1 server, following the structure of Microsoft's "HTTP Server Sample
 * Application" (version 1.0): HttpInitialize, HttpCreateHttpHandle, HttpAddUrl for each URL given on the
 * command line, then a synchronous receive loop. GET gets a small entity; POST is answered the way the
 * sample does it: the response head is sent first with HTTP_SEND_RESPONSE_FLAG_MORE_DATA and an explicit
 * Content-Length, then the body follows with HttpSendResponseEntityBody (the sample stages the body in a
 * temporary file; this one keeps it in memory).
 *
 *   http_server_v1 http://+:8080/ [more prefixes ...] [--count N]
 */
#include <windows.h>
#include <http.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define INITIALIZE_HTTP_RESPONSE(resp, status, reason)                 \
    do {                                                               \
        RtlZeroMemory((resp), sizeof(*(resp)));                        \
        (resp)->StatusCode = (status);                                 \
        (resp)->pReason = (reason);                                    \
        (resp)->ReasonLength = (USHORT)strlen(reason);                 \
    } while (FALSE)

#define ADD_KNOWN_HEADER(Response, HeaderId, RawValue)                                       \
    do {                                                                                     \
        (Response).Headers.KnownHeaders[(HeaderId)].pRawValue = (RawValue);                  \
        (Response).Headers.KnownHeaders[(HeaderId)].RawValueLength = (USHORT)strlen(RawValue); \
    } while (FALSE)

static DWORD SendHttpResponse(HANDLE hReqQueue, PHTTP_REQUEST pRequest, USHORT StatusCode, PCSTR pReason, PCSTR pEntityString)
{
    HTTP_RESPONSE response;
    HTTP_DATA_CHUNK dataChunk;
    DWORD result, bytesSent;

    INITIALIZE_HTTP_RESPONSE(&response, StatusCode, pReason);
    ADD_KNOWN_HEADER(response, HttpHeaderContentType, "text/html");
    if (pEntityString) {
        dataChunk.DataChunkType = HttpDataChunkFromMemory;
        dataChunk.FromMemory.pBuffer = (PVOID)pEntityString;
        dataChunk.FromMemory.BufferLength = (ULONG)strlen(pEntityString);
        response.EntityChunkCount = 1;
        response.pEntityChunks = &dataChunk;
    }
    result = HttpSendHttpResponse(hReqQueue, pRequest->RequestId, 0, &response, NULL, &bytesSent, NULL, 0, NULL, NULL);
    if (result != NO_ERROR)
        wprintf(L"HttpSendHttpResponse failed with %lu \n", (unsigned long)result);
    return result;
}

#define MAX_ULONG_STR ((ULONG)sizeof("4294967295"))

static DWORD SendHttpPostResponse(HANDLE hReqQueue, PHTTP_REQUEST pRequest)
{
    HTTP_RESPONSE response;
    DWORD result, bytesSent;
    ULONG BytesRead, TotalBytesRead = 0, used = 0, cap = 8192;
    CHAR szContentLength[MAX_ULONG_STR];
    HTTP_DATA_CHUNK dataChunk;
    char *body = (char *)malloc(cap);
    char piece[4096];

    if (!body)
        return ERROR_NOT_ENOUGH_MEMORY;
    INITIALIZE_HTTP_RESPONSE(&response, 200, "OK");

    if (pRequest->Flags & HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS) {
        do {
            BytesRead = 0;
            result = HttpReceiveRequestEntityBody(hReqQueue, pRequest->RequestId, 0, piece, sizeof(piece), &BytesRead, NULL);
            if (result == NO_ERROR || (result == ERROR_HANDLE_EOF && BytesRead)) {
                if (used + BytesRead > cap) {
                    while (used + BytesRead > cap)
                        cap *= 2;
                    body = (char *)realloc(body, cap);
                }
                memcpy(body + used, piece, BytesRead);
                used += BytesRead;
                TotalBytesRead += BytesRead;
            }
        } while (result == NO_ERROR);
        if (result != ERROR_HANDLE_EOF) {
            wprintf(L"HttpReceiveRequestEntityBody failed with %lu \n", (unsigned long)result);
            free(body);
            return result;
        }
    }

    /* Headers first, with the length, then the entity. */
    sprintf(szContentLength, "%lu", (unsigned long)TotalBytesRead);
    ADD_KNOWN_HEADER(response, HttpHeaderContentLength, szContentLength);
    result = HttpSendHttpResponse(hReqQueue, pRequest->RequestId, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &response, NULL,
                                  &bytesSent, NULL, 0, NULL, NULL);
    if (result != NO_ERROR) {
        wprintf(L"HttpSendHttpResponse failed with %lu \n", (unsigned long)result);
        free(body);
        return result;
    }
    dataChunk.DataChunkType = HttpDataChunkFromMemory;
    dataChunk.FromMemory.pBuffer = body;
    dataChunk.FromMemory.BufferLength = used;
    result = HttpSendResponseEntityBody(hReqQueue, pRequest->RequestId, 0, 1, &dataChunk, NULL, NULL, 0, NULL, NULL);
    if (result != NO_ERROR)
        wprintf(L"HttpSendResponseEntityBody failed with %lu \n", (unsigned long)result);
    free(body);
    return result;
}

static DWORD DoReceiveRequests(HANDLE hReqQueue, long limit)
{
    ULONG result;
    HTTP_REQUEST_ID requestId;
    DWORD bytesRead;
    PHTTP_REQUEST pRequest;
    ULONG RequestBufferLength = sizeof(HTTP_REQUEST) + 2048;
    PCHAR pRequestBuffer = (PCHAR)malloc(RequestBufferLength);
    long served = 0;

    if (pRequestBuffer == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    pRequest = (PHTTP_REQUEST)pRequestBuffer;
    HTTP_SET_NULL_ID(&requestId);
    for (;;) {
        RtlZeroMemory(pRequest, RequestBufferLength);
        result = HttpReceiveHttpRequest(hReqQueue, requestId, 0, pRequest, RequestBufferLength, &bytesRead, NULL);
        if (result == NO_ERROR) {
            switch (pRequest->Verb) {
            case HttpVerbGET:
                wprintf(L"Got a GET request for %ls \n", pRequest->CookedUrl.pFullUrl);
                result = SendHttpResponse(hReqQueue, pRequest, 200, "OK", "Hey! You hit the server \r\n");
                break;
            case HttpVerbPOST:
                wprintf(L"Got a POST request for %ls \n", pRequest->CookedUrl.pFullUrl);
                result = SendHttpPostResponse(hReqQueue, pRequest);
                break;
            default:
                wprintf(L"Got a unknown request for %ls \n", pRequest->CookedUrl.pFullUrl);
                result = SendHttpResponse(hReqQueue, pRequest, 503, "Not Implemented", NULL);
                break;
            }
            fflush(stdout);
            if (result != NO_ERROR)
                break;
            HTTP_SET_NULL_ID(&requestId);
            if (limit > 0 && ++served >= limit)
                break;
        } else if (result == ERROR_MORE_DATA) {
            requestId = pRequest->RequestId;
            RequestBufferLength = bytesRead;
            free(pRequestBuffer);
            pRequestBuffer = (PCHAR)malloc(RequestBufferLength);
            if (pRequestBuffer == NULL) {
                result = ERROR_NOT_ENOUGH_MEMORY;
                break;
            }
            pRequest = (PHTTP_REQUEST)pRequestBuffer;
        } else if (result == ERROR_CONNECTION_INVALID && !HTTP_IS_NULL_ID(&requestId)) {
            HTTP_SET_NULL_ID(&requestId);
        } else {
            break;
        }
    }
    free(pRequestBuffer);
    return result;
}

int main(int argc, char **argv)
{
    ULONG retCode;
    HANDLE hReqQueue = NULL;
    HTTPAPI_VERSION HttpApiVersion = HTTPAPI_VERSION_1;
    WCHAR url[256];
    long limit = 0;
    int i, urlAdded = 0;

    if (argc < 2) {
        wprintf(L"%hs: <Url1> [Url2] ... [--count N]\n", argv[0]);
        return -1;
    }
    retCode = HttpInitialize(HttpApiVersion, HTTP_INITIALIZE_SERVER, NULL);
    if (retCode != NO_ERROR) {
        wprintf(L"HttpInitialize failed with %lu \n", (unsigned long)retCode);
        return (int)retCode;
    }
    retCode = HttpCreateHttpHandle(&hReqQueue, 0);
    if (retCode != NO_ERROR) {
        wprintf(L"HttpCreateHttpHandle failed with %lu \n", (unsigned long)retCode);
        goto CleanUp;
    }
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--count") && i + 1 < argc) {
            limit = atol(argv[++i]);
            continue;
        }
        swprintf(url, 256, L"%hs", argv[i]);
        wprintf(L"listening for requests on the following url: %ls\n", url);
        retCode = HttpAddUrl(hReqQueue, url, NULL);
        if (retCode != NO_ERROR) {
            wprintf(L"HttpAddUrl failed with %lu \n", (unsigned long)retCode);
            goto CleanUp;
        }
        urlAdded++;
    }
    fflush(stdout);
    DoReceiveRequests(hReqQueue, limit);

CleanUp:
    for (i = 1; i < argc && urlAdded > 0; i++) {
        if (!strcmp(argv[i], "--count")) {
            i++;
            continue;
        }
        swprintf(url, 256, L"%hs", argv[i]);
        HttpRemoveUrl(hReqQueue, url);
    }
    if (hReqQueue)
        CloseHandle(hReqQueue);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return (int)retCode;
}
