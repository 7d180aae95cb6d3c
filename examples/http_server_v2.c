/*
 * An HTTP Server API version 2 server, written the way Microsoft's "HTTP Server Sample Application"
 * (version 2.0) is: server session, URL group, request queue bound to the group, then a loop that
 * receives each request synchronously, answers GET with a small entity and POST by reading the body and
 * echoing it back. It compiles unchanged against Windows' http.h.
 *
 *   http_server_v2 [port] [--once | --count N] [url-prefix ...]
 *
 * Default prefix http://+:<port>/ with port 8080. --once / --count N: exit after N requests (the demo
 * uses it with a WinHTTP client).
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

static DWORD SendHttpResponse(HANDLE hReqQueue, PHTTP_REQUEST pRequest, USHORT StatusCode, PCSTR pReason,
                              const char *pEntityString, ULONG entityLength)
{
    HTTP_RESPONSE response;
    HTTP_DATA_CHUNK dataChunk;
    DWORD result;
    DWORD bytesSent;

    INITIALIZE_HTTP_RESPONSE(&response, StatusCode, pReason);
    ADD_KNOWN_HEADER(response, HttpHeaderContentType, "text/html");
    if (pEntityString) {
        dataChunk.DataChunkType = HttpDataChunkFromMemory;
        dataChunk.FromMemory.pBuffer = (PVOID)pEntityString;
        dataChunk.FromMemory.BufferLength = entityLength;
        response.EntityChunkCount = 1;
        response.pEntityChunks = &dataChunk;
    }
    result = HttpSendHttpResponse(hReqQueue, pRequest->RequestId, 0, &response, NULL, &bytesSent, NULL, 0, NULL, NULL);
    if (result != NO_ERROR)
        wprintf(L"HttpSendHttpResponse failed with %lu \n", (unsigned long)result);
    return result;
}

/* POST: read the whole body with HttpReceiveRequestEntityBody, then echo it. */
static DWORD SendHttpPostResponse(HANDLE hReqQueue, PHTTP_REQUEST pRequest)
{
    ULONG cap = 4096, used = 0, got = 0, result;
    char *body = (char *)malloc(cap);
    char chunk[4096];

    if (!body)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (;;) {
        result = HttpReceiveRequestEntityBody(hReqQueue, pRequest->RequestId, 0, chunk, sizeof(chunk), &got, NULL);
        if (result == ERROR_HANDLE_EOF)
            break;
        if (result != NO_ERROR) {
            wprintf(L"HttpReceiveRequestEntityBody failed with %lu \n", (unsigned long)result);
            free(body);
            return result;
        }
        if (used + got > cap) {
            char *bigger;
            while (used + got > cap)
                cap *= 2;
            bigger = (char *)realloc(body, cap);
            if (!bigger) {
                free(body);
                return ERROR_NOT_ENOUGH_MEMORY;
            }
            body = bigger;
        }
        memcpy(body + used, chunk, got);
        used += got;
    }
    result = SendHttpResponse(hReqQueue, pRequest, 200, "OK", body, used);
    free(body);
    return result;
}

static DWORD ReceiveRequests(HANDLE hReqQueue, long limit)
{
    ULONG result;
    HTTP_REQUEST_ID requestId;
    DWORD bytesRead;
    PHTTP_REQUEST pRequest;
    PCHAR pRequestBuffer;
    ULONG RequestBufferLength = sizeof(HTTP_REQUEST) + 2048;
    long served = 0;

    pRequestBuffer = (PCHAR)malloc(RequestBufferLength);
    if (pRequestBuffer == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    pRequest = (PHTTP_REQUEST)pRequestBuffer;
    HTTP_SET_NULL_ID(&requestId);

    for (;;) {
        RtlZeroMemory(pRequest, RequestBufferLength);
        result = HttpReceiveHttpRequest(hReqQueue, requestId, 0, pRequest, RequestBufferLength, &bytesRead, NULL);
        if (result == NO_ERROR) {
            switch (pRequest->Verb) {
            case HttpVerbGET: {
                static const char hello[] = "Hey! You hit the server \r\n";
                wprintf(L"Got a GET request for %ls \n", pRequest->CookedUrl.pFullUrl);
                result = SendHttpResponse(hReqQueue, pRequest, 200, "OK", hello, (ULONG)strlen(hello));
                break;
            }
            case HttpVerbPOST:
                wprintf(L"Got a POST request for %ls \n", pRequest->CookedUrl.pFullUrl);
                result = SendHttpPostResponse(hReqQueue, pRequest);
                break;
            default:
                wprintf(L"Got a unknown request for %ls \n", pRequest->CookedUrl.pFullUrl);
                result = SendHttpResponse(hReqQueue, pRequest, 503, "Not Implemented", NULL, 0);
                break;
            }
            fflush(stdout);
            HTTP_SET_NULL_ID(&requestId);
            if (limit > 0 && ++served >= limit)
                break;
        } else if (result == ERROR_MORE_DATA) {
            /* The buffer was too small: grow it and receive the same request again by its id. */
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
            /* The client went away while we were growing the buffer. */
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
    HTTP_SERVER_SESSION_ID session = HTTP_NULL_ID;
    HTTP_URL_GROUP_ID group = HTTP_NULL_ID;
    HTTPAPI_VERSION HttpApiVersion = HTTPAPI_VERSION_2;
    HTTP_BINDING_INFO binding;
    long limit = 0;
    int port = 8080, i, prefixes = 0;
    WCHAR url[256];

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--once"))
            limit = 1;
        else if (!strcmp(argv[i], "--count") && i + 1 < argc)
            limit = atol(argv[++i]);
        else if (argv[i][0] >= '0' && argv[i][0] <= '9')
            port = atoi(argv[i]);
    }

    retCode = HttpInitialize(HttpApiVersion, HTTP_INITIALIZE_SERVER, NULL);
    if (retCode != NO_ERROR) {
        wprintf(L"HttpInitialize failed with %lu \n", (unsigned long)retCode);
        return (int)retCode;
    }
    retCode = HttpCreateServerSession(HttpApiVersion, &session, 0);
    if (retCode == NO_ERROR)
        retCode = HttpCreateUrlGroup(session, &group, 0);
    if (retCode == NO_ERROR)
        retCode = HttpCreateRequestQueue(HttpApiVersion, NULL, NULL, 0, &hReqQueue);
    if (retCode == NO_ERROR) {
        binding.Flags.Present = 1;
        binding.RequestQueueHandle = hReqQueue;
        retCode = HttpSetUrlGroupProperty(group, HttpServerBindingProperty, &binding, sizeof(binding));
    }
    for (i = 1; retCode == NO_ERROR && i < argc; i++) {
        if (!strncmp(argv[i], "http", 4)) {
            swprintf(url, 256, L"%hs", argv[i]);
            wprintf(L"listening for requests on the following url: %ls\n", url);
            retCode = HttpAddUrlToUrlGroup(group, url, 0, 0);
            prefixes++;
        }
    }
    if (retCode == NO_ERROR && prefixes == 0) {
        swprintf(url, 256, L"http://+:%d/", port);
        wprintf(L"listening for requests on the following url: %ls\n", url);
        retCode = HttpAddUrlToUrlGroup(group, url, 0, 0);
    }
    fflush(stdout);
    if (retCode == NO_ERROR)
        retCode = ReceiveRequests(hReqQueue, limit);
    else
        wprintf(L"setup failed with %lu \n", (unsigned long)retCode);

    if (group)
        HttpCloseUrlGroup(group);
    if (session)
        HttpCloseServerSession(session);
    if (hReqQueue)
        HttpCloseRequestQueue(hReqQueue);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
    return retCode == NO_ERROR ? 0 : (int)retCode;
}
