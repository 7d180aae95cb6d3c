/*
 * The server of bench/slowloris.sh: a hello server (HTTP Server API v2, several receiving threads) whose
 * URL group sets HTTP_TIMEOUT_LIMIT_INFO.HeaderWait (and IdleConnection) to a few seconds.
 *
 *   slowloris_server port header_wait_seconds [threads] [machine_header_wait_seconds]
 *
 * With the fourth argument, the machine-wide HeaderWait (first request of each connection) is set with
 * HttpSetServiceConfiguration as well (into the store WINHTTPAPI_HTTPSYS_CONFIG names).
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
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = (PVOID)g_body;
    chunk.FromMemory.BufferLength = sizeof(g_body) - 1;
    response.EntityChunkCount = 1;
    response.pEntityChunks = &chunk;
    for (;;) {
        ULONG r = HttpReceiveHttpRequest(g_queue, HTTP_NULL_ID, 0, request, sizeof(buffer), &bytes, NULL);
        if (r != NO_ERROR && r != ERROR_MORE_DATA)
            break;
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
    HTTP_TIMEOUT_LIMIT_INFO limits;
    WCHAR url[64];
    int port = argc > 1 ? atoi(argv[1]) : 8080;
    int header_wait = argc > 2 ? atoi(argv[2]) : 5;
    int threads = argc > 3 ? atoi(argv[3]) : 4;
    pthread_t tids[64];
    ULONG r;

    if (threads < 1 || threads > 64)
        threads = 4;
    r = HttpInitialize(version, HTTP_INITIALIZE_SERVER | HTTP_INITIALIZE_CONFIG, NULL);
    if (!r && argc > 4) {
        HTTP_SERVICE_CONFIG_TIMEOUT_SET hw = {HeaderWaitTimeout, (USHORT)atoi(argv[4])};
        r = HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &hw, sizeof(hw), NULL);
    }
    if (!r) r = HttpCreateServerSession(version, &session, 0);
    if (!r) r = HttpCreateUrlGroup(session, &group, 0);
    if (!r) r = HttpCreateRequestQueue(version, NULL, NULL, 0, &g_queue);
    if (!r) {
        binding.Flags.Present = 1;
        binding.RequestQueueHandle = g_queue;
        r = HttpSetUrlGroupProperty(group, HttpServerBindingProperty, &binding, sizeof(binding));
    }
    if (!r) {
        RtlZeroMemory(&limits, sizeof(limits));
        limits.Flags.Present = 1;
        limits.HeaderWait = (USHORT)header_wait;
        limits.IdleConnection = 30;
        r = HttpSetUrlGroupProperty(group, HttpServerTimeoutsProperty, &limits, sizeof(limits));
    }
    swprintf(url, 64, L"http://+:%d/", port);
    if (!r) r = HttpAddUrlToUrlGroup(group, url, 0, 0);
    if (r) {
        fprintf(stderr, "setup failed: %lu\n", (unsigned long)r);
        return 1;
    }
    printf("slowloris_server: %ls HeaderWait %d s, %d threads\n", url, header_wait, threads);
    fflush(stdout);
    for (int i = 0; i < threads; i++)
        pthread_create(&tids[i], NULL, worker, NULL);
    for (int i = 0; i < threads; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
