/*
 * An asynchronous HTTP Server API server on the Windows thread pool, written the way Microsoft's
 * asynchronous http.sys sample is: the request queue is bound to a thread pool I/O object
 * (CreateThreadpoolIo); each receive and each send is an overlapped operation announced with
 * StartThreadpoolIo (and CancelThreadpoolIo when it fails at once); a completion callback finds its
 * context from the OVERLAPPED and dispatches to the step's completion routine; several receives are kept
 * outstanding so requests are served in parallel. Stop: a key press (conio.h), or --count N requests;
 * then HttpShutdownRequestQueue ends the outstanding receives and WaitForThreadpoolIoCallbacks waits for
 * their callbacks before the I/O object is closed. Each request is logged with the client's address
 * (WSAAddressToStringW on HTTP_REQUEST.Address). It compiles unchanged against Windows' headers (link
 * ws2_32.lib there).
 *
 *   http_server_threadpool [port] [--count N]        (default port 8080)
 */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <http.h>
#include <conio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OUTSTANDING_REQUESTS 16
#define REQUEST_BUFFER_SIZE 4096

typedef struct _SERVER_CONTEXT {
    HTTP_SERVER_SESSION_ID sessionId;
    HTTP_URL_GROUP_ID urlGroupId;
    HANDLE hRequestQueue;
    PTP_IO Io;
    volatile LONG bStopServer;
    volatile LONG served;
    LONG limit;
    HANDLE hLimitReached;
} SERVER_CONTEXT, *PSERVER_CONTEXT;

typedef struct _HTTP_IO_CONTEXT HTTP_IO_CONTEXT, *PHTTP_IO_CONTEXT;
typedef VOID (*PCOMPLETION_ROUTINE)(PHTTP_IO_CONTEXT pIoContext, PTP_IO Io, ULONG IoResult);

/* Every overlapped operation starts with this: the callback gets back to it from the OVERLAPPED. */
struct _HTTP_IO_CONTEXT {
    OVERLAPPED Overlapped;
    PCOMPLETION_ROUTINE pfCompletionFunction;
    PSERVER_CONTEXT pServerContext;
};

typedef struct _HTTP_IO_REQUEST {
    HTTP_IO_CONTEXT ioContext;
    PHTTP_REQUEST pHttpRequest;
    UCHAR RequestBuffer[REQUEST_BUFFER_SIZE]; /* 8-byte aligned: it follows a pointer */
} HTTP_IO_REQUEST, *PHTTP_IO_REQUEST;

typedef struct _HTTP_IO_RESPONSE {
    HTTP_IO_CONTEXT ioContext;
    HTTP_RESPONSE HttpResponse;
    HTTP_DATA_CHUNK HttpDataChunk;
} HTTP_IO_RESPONSE, *PHTTP_IO_RESPONSE;

static const char ResponseBody[] = "Hey! You hit the server \r\n";

static VOID ReceiveCompletionCallback(PHTTP_IO_CONTEXT pIoContext, PTP_IO Io, ULONG IoResult);
static VOID SendCompletionCallback(PHTTP_IO_CONTEXT pIoContext, PTP_IO Io, ULONG IoResult);

static VOID CALLBACK IoCompletionCallback(PTP_CALLBACK_INSTANCE Instance, PVOID pContext, PVOID pOverlapped,
                                          ULONG IoResult, ULONG_PTR NumberOfBytesTransferred, PTP_IO Io)
{
    PHTTP_IO_CONTEXT pIoContext = CONTAINING_RECORD(pOverlapped, HTTP_IO_CONTEXT, Overlapped);
    UNREFERENCED_PARAMETER(Instance);
    UNREFERENCED_PARAMETER(pContext);
    UNREFERENCED_PARAMETER(NumberOfBytesTransferred);
    pIoContext->pfCompletionFunction(pIoContext, Io, IoResult);
}

static PHTTP_IO_REQUEST AllocateHttpIoRequest(PSERVER_CONTEXT pServerContext)
{
    PHTTP_IO_REQUEST pIoRequest = (PHTTP_IO_REQUEST)calloc(1, sizeof(HTTP_IO_REQUEST));
    if (pIoRequest == NULL)
        return NULL;
    pIoRequest->ioContext.pServerContext = pServerContext;
    pIoRequest->ioContext.pfCompletionFunction = ReceiveCompletionCallback;
    pIoRequest->pHttpRequest = (PHTTP_REQUEST)pIoRequest->RequestBuffer;
    return pIoRequest;
}

static PHTTP_IO_RESPONSE CreateMessageResponse(PSERVER_CONTEXT pServerContext, USHORT code, PCSTR pReason,
                                               PCSTR pMessage)
{
    PHTTP_IO_RESPONSE pIoResponse = (PHTTP_IO_RESPONSE)calloc(1, sizeof(HTTP_IO_RESPONSE));
    if (pIoResponse == NULL)
        return NULL;
    pIoResponse->ioContext.pServerContext = pServerContext;
    pIoResponse->ioContext.pfCompletionFunction = SendCompletionCallback;
    pIoResponse->HttpResponse.StatusCode = code;
    pIoResponse->HttpResponse.pReason = pReason;
    pIoResponse->HttpResponse.ReasonLength = (USHORT)strlen(pReason);
    pIoResponse->HttpResponse.Headers.KnownHeaders[HttpHeaderContentType].pRawValue = "text/html";
    pIoResponse->HttpResponse.Headers.KnownHeaders[HttpHeaderContentType].RawValueLength = 9;
    pIoResponse->HttpDataChunk.DataChunkType = HttpDataChunkFromMemory;
    pIoResponse->HttpDataChunk.FromMemory.pBuffer = (PVOID)pMessage;
    pIoResponse->HttpDataChunk.FromMemory.BufferLength = (ULONG)strlen(pMessage);
    pIoResponse->HttpResponse.EntityChunkCount = 1;
    pIoResponse->HttpResponse.pEntityChunks = &pIoResponse->HttpDataChunk;
    return pIoResponse;
}

/* Answers one received request: a GET gets the greeting, anything else 503. */
static VOID ProcessReceiveAndPostResponse(PHTTP_IO_REQUEST pIoRequest, PTP_IO Io, ULONG IoResult)
{
    PSERVER_CONTEXT pServerContext = pIoRequest->ioContext.pServerContext;
    PHTTP_REQUEST pHttpRequest = pIoRequest->pHttpRequest;
    PHTTP_IO_RESPONSE pIoResponse;
    ULONG result;

    switch (IoResult) {
    case NO_ERROR:
        if (pHttpRequest->Verb == HttpVerbGET) {
            PSOCKADDR from = pHttpRequest->Address.pRemoteAddress;
            WCHAR client[64];
            DWORD clientLength = _countof(client);
            if (WSAAddressToStringW(from, from->sa_family == AF_INET6 ? sizeof(SOCKADDR_IN6) : sizeof(SOCKADDR_IN),
                                    NULL, client, &clientLength) != 0)
                wcscpy_s(client, _countof(client), L"?");
            wprintf(L"Got a GET request for %ls from %ls\n", pHttpRequest->CookedUrl.pFullUrl, client);
            pIoResponse = CreateMessageResponse(pServerContext, 200, "OK", ResponseBody);
        } else {
            pIoResponse = CreateMessageResponse(pServerContext, 503, "Not Implemented", "Not Implemented");
        }
        break;
    case ERROR_MORE_DATA:
        pIoResponse = CreateMessageResponse(pServerContext, 503, "Not Implemented", "Request too large");
        break;
    default:
        return;
    }
    if (pIoResponse == NULL)
        return;

    StartThreadpoolIo(Io);
    result = HttpSendHttpResponse(pServerContext->hRequestQueue, pHttpRequest->RequestId, 0,
                                  &pIoResponse->HttpResponse, NULL, NULL, NULL, 0,
                                  &pIoResponse->ioContext.Overlapped, NULL);
    if (result != NO_ERROR && result != ERROR_IO_PENDING) {
        CancelThreadpoolIo(Io);
        wprintf(L"HttpSendHttpResponse failed with %lu \n", (unsigned long)result);
        free(pIoResponse);
    }
}

static BOOL PostNewReceive(PSERVER_CONTEXT pServerContext, PTP_IO Io)
{
    PHTTP_IO_REQUEST pIoRequest = AllocateHttpIoRequest(pServerContext);
    ULONG result;

    if (pIoRequest == NULL)
        return FALSE;
    StartThreadpoolIo(Io);
    result = HttpReceiveHttpRequest(pServerContext->hRequestQueue, HTTP_NULL_ID, HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY,
                                    pIoRequest->pHttpRequest, sizeof(pIoRequest->RequestBuffer), NULL,
                                    &pIoRequest->ioContext.Overlapped);
    /* Success and ERROR_MORE_DATA (a warning status) still complete to the thread pool, even when the call
     * returns them at once; only a failure does not, so only then is the notification cancelled. */
    if (result != ERROR_IO_PENDING && result != NO_ERROR && result != ERROR_MORE_DATA) {
        CancelThreadpoolIo(Io);
        wprintf(L"HttpReceiveHttpRequest failed with %lu \n", (unsigned long)result);
        free(pIoRequest);
        return FALSE;
    }
    return TRUE;
}

static VOID ReceiveCompletionCallback(PHTTP_IO_CONTEXT pIoContext, PTP_IO Io, ULONG IoResult)
{
    PHTTP_IO_REQUEST pIoRequest = CONTAINING_RECORD(pIoContext, HTTP_IO_REQUEST, ioContext);
    PSERVER_CONTEXT pServerContext = pIoRequest->ioContext.pServerContext;

    if (pServerContext->bStopServer == FALSE) {
        ProcessReceiveAndPostResponse(pIoRequest, Io, IoResult);
        PostNewReceive(pServerContext, Io);
    }
    free(pIoRequest);
}

static VOID SendCompletionCallback(PHTTP_IO_CONTEXT pIoContext, PTP_IO Io, ULONG IoResult)
{
    PHTTP_IO_RESPONSE pIoResponse = CONTAINING_RECORD(pIoContext, HTTP_IO_RESPONSE, ioContext);
    PSERVER_CONTEXT pServerContext = pIoResponse->ioContext.pServerContext;
    UNREFERENCED_PARAMETER(Io);
    UNREFERENCED_PARAMETER(IoResult);
    if (InterlockedIncrement(&pServerContext->served) == pServerContext->limit)
        SetEvent(pServerContext->hLimitReached);
    free(pIoResponse);
}

static ULONG InitializeHttpServer(PSERVER_CONTEXT pServerContext, PCWSTR pwszUrl)
{
    HTTPAPI_VERSION version = HTTPAPI_VERSION_2;
    HTTP_BINDING_INFO binding;
    ULONG result;

    result = HttpInitialize(version, HTTP_INITIALIZE_SERVER, NULL);
    if (result == NO_ERROR)
        result = HttpCreateServerSession(version, &pServerContext->sessionId, 0);
    if (result == NO_ERROR)
        result = HttpCreateUrlGroup(pServerContext->sessionId, &pServerContext->urlGroupId, 0);
    if (result == NO_ERROR)
        result = HttpCreateRequestQueue(version, NULL, NULL, 0, &pServerContext->hRequestQueue);
    if (result == NO_ERROR) {
        binding.Flags.Present = 1;
        binding.RequestQueueHandle = pServerContext->hRequestQueue;
        result = HttpSetUrlGroupProperty(pServerContext->urlGroupId, HttpServerBindingProperty, &binding, sizeof(binding));
    }
    if (result == NO_ERROR)
        result = HttpAddUrlToUrlGroup(pServerContext->urlGroupId, pwszUrl, 0, 0);
    return result;
}

static BOOL InitializeServerIo(PSERVER_CONTEXT pServerContext)
{
    pServerContext->Io = CreateThreadpoolIo(pServerContext->hRequestQueue, IoCompletionCallback, NULL, NULL);
    if (pServerContext->Io == NULL) {
        wprintf(L"Creating a thread pool I/O object failed with %lu\n", (unsigned long)GetLastError());
        return FALSE;
    }
    return TRUE;
}

static VOID StopServer(PSERVER_CONTEXT pServerContext)
{
    InterlockedExchange(&pServerContext->bStopServer, TRUE);
    if (pServerContext->hRequestQueue != NULL)
        HttpShutdownRequestQueue(pServerContext->hRequestQueue); /* the outstanding receives end */
    if (pServerContext->Io != NULL) {
        WaitForThreadpoolIoCallbacks(pServerContext->Io, FALSE);
        CloseThreadpoolIo(pServerContext->Io);
    }
    if (pServerContext->hRequestQueue != NULL)
        HttpCloseRequestQueue(pServerContext->hRequestQueue);
    if (pServerContext->urlGroupId != 0)
        HttpCloseUrlGroup(pServerContext->urlGroupId);
    if (pServerContext->sessionId != 0)
        HttpCloseServerSession(pServerContext->sessionId);
    HttpTerminate(HTTP_INITIALIZE_SERVER, NULL);
}

int main(int argc, char **argv)
{
    SERVER_CONTEXT ServerContext;
    WCHAR url[64];
    int port = 8080, i;

    WSADATA wsaData;

    RtlZeroMemory(&ServerContext, sizeof(ServerContext));
    if (WSAStartup(MAKEWORD(2, 2), &wsaData) != 0)
        return 1;
    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--count") && i + 1 < argc)
            ServerContext.limit = atol(argv[++i]);
        else
            port = atoi(argv[i]);
    }
    ServerContext.hLimitReached = CreateEventW(NULL, TRUE, FALSE, NULL);
    swprintf(url, _countof(url), L"http://+:%d/", port);

    if (InitializeHttpServer(&ServerContext, url) != NO_ERROR || !InitializeServerIo(&ServerContext)) {
        StopServer(&ServerContext);
        return 1;
    }
    for (i = 0; i < OUTSTANDING_REQUESTS; i++)
        PostNewReceive(&ServerContext, ServerContext.Io);

    wprintf(L"Listening on %ls. Press any key to stop.\n", url);
    fflush(stdout);
    if (ServerContext.limit > 0) {
        WaitForSingleObject(ServerContext.hLimitReached, INFINITE);
    } else {
        while (!_kbhit())
            Sleep(100);
        (void)_getch();
    }
    StopServer(&ServerContext);
    CloseHandle(ServerContext.hLimitReached);
    wprintf(L"Served %ld requests.\n", (long)ServerContext.served);
    WSACleanup();
    return 0;
}
