/*
 * A hello-world HTTP Server API server, written as a tuned Windows server is: several threads each loop
 * on a synchronous HttpReceiveHttpRequest and answer with one HttpSendHttpResponse (body from memory,
 * Content-Length added by http.sys). The benchmark (bench/server.sh) loads it with wrk.
 *
 *   hello_server [port] [threads]
 */
#include <windows.h>
#include <http.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static HANDLE g_queue;
static const char g_body[] = "Hello, World!";

static void *worker(void *arg)
{
    char DECLSPEC_ALIGN(8) buffer[8192];
    PHTTP_REQUEST request = (PHTTP_REQUEST)buffer;
    HTTP_RESPONSE response;
    HTTP_DATA_CHUNK chunk;
    ULONG bytes, sent;
    (void)arg;

    RtlZeroMemory(&response, sizeof(response));
    response.StatusCode = 200;
    response.pReason = "OK";
    response.ReasonLength = 2;
    response.Headers.KnownHeaders[HttpHeaderContentType].pRawValue = "text/plain";
    response.Headers.KnownHeaders[HttpHeaderContentType].RawValueLength = 10;
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = (PVOID)g_body;
    chunk.FromMemory.BufferLength = sizeof(g_body) - 1;
    response.EntityChunkCount = 1;
    response.pEntityChunks = &chunk;

    for (;;) {
        ULONG r = HttpReceiveHttpRequest(g_queue, HTTP_NULL_ID, 0, request, sizeof(buffer), &bytes, NULL);
        if (r == ERROR_MORE_DATA) {
            /* Larger than our buffer: answer it anyway (its id is set). */
        } else if (r != NO_ERROR) {
            break;
        }
        HttpSendHttpResponse(g_queue, request->RequestId, 0, &response, NULL, &sent, NULL, 0, NULL, NULL);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    HTTPAPI_VERSION version = HTTPAPI_VERSION_2;
    HTTP_SERVER_SESSION_ID session;
    HTTP_URL_GROUP_ID group;
    HTTP_BINDING_INFO binding;
    WCHAR url[64];
    int port = argc > 1 ? atoi(argv[1]) : 8080;
    int threads = argc > 2 ? atoi(argv[2]) : 4;
    pthread_t tids[64];
    ULONG r;

    if (threads < 1 || threads > 64)
        threads = 4;
    r = HttpInitialize(version, HTTP_INITIALIZE_SERVER, NULL);
    if (!r) r = HttpCreateServerSession(version, &session, 0);
    if (!r) r = HttpCreateUrlGroup(session, &group, 0);
    if (!r) r = HttpCreateRequestQueue(version, NULL, NULL, 0, &g_queue);
    if (!r) {
        binding.Flags.Present = 1;
        binding.RequestQueueHandle = g_queue;
        r = HttpSetUrlGroupProperty(group, HttpServerBindingProperty, &binding, sizeof(binding));
    }
    swprintf(url, 64, L"http://+:%d/", port);
    if (!r) r = HttpAddUrlToUrlGroup(group, url, 0, 0);
    if (r) {
        fprintf(stderr, "setup failed: %lu\n", (unsigned long)r);
        return 1;
    }
    printf("hello_server: %ls with %d threads\n", url, threads);
    fflush(stdout);
    for (int i = 0; i < threads; i++)
        pthread_create(&tids[i], NULL, worker, NULL);
    for (int i = 0; i < threads; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
