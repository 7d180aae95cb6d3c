/*
 * A hello-world HTTP Server API server, written as a tuned Windows server is, in two shapes:
 *   sync  several threads each loop on a synchronous HttpReceiveHttpRequest and answer with one
 *         HttpSendHttpResponse (body from memory, Content-Length added by http.sys);
 *   iocp  the queue is bound to an I/O completion port; each thread keeps one overlapped receive
 *         outstanding and loops on GetQueuedCompletionStatus, answering each request it gets.
 * With a certificate thumbprint (40 hex digits, in the store scripts/import-cert.sh fills) it serves
 * https:// instead, bound with HttpSetServiceConfiguration as `netsh http add sslcert` does.
 * The benchmarks (bench/server.sh, bench/server_tls.sh, bench/idle.sh) load it.
 *
 *   hello_server [port] [threads] [sync|iocp] [thumbprint]
 */
#include <windows.h>
#include <http.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define REQUEST_BUFFER 8192

static HANDLE g_queue;
static HANDLE g_port;
static const char g_body[] = "Hello, World!";

static void init_response(HTTP_RESPONSE *response, HTTP_DATA_CHUNK *chunk)
{
    RtlZeroMemory(response, sizeof(*response));
    response->StatusCode = 200;
    response->pReason = "OK";
    response->ReasonLength = 2;
    response->Headers.KnownHeaders[HttpHeaderContentType].pRawValue = "text/plain";
    response->Headers.KnownHeaders[HttpHeaderContentType].RawValueLength = 10;
    chunk->DataChunkType = HttpDataChunkFromMemory;
    chunk->FromMemory.pBuffer = (PVOID)g_body;
    chunk->FromMemory.BufferLength = sizeof(g_body) - 1;
    response->EntityChunkCount = 1;
    response->pEntityChunks = chunk;
}

static void *sync_worker(void *arg)
{
    char DECLSPEC_ALIGN(8) buffer[REQUEST_BUFFER];
    PHTTP_REQUEST request = (PHTTP_REQUEST)buffer;
    HTTP_RESPONSE response;
    HTTP_DATA_CHUNK chunk;
    ULONG bytes, sent;
    (void)arg;

    init_response(&response, &chunk);
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

/* One outstanding receive per thread: its OVERLAPPED first, so the completion finds the buffer. */
struct receive {
    OVERLAPPED ov;
    char DECLSPEC_ALIGN(8) buffer[REQUEST_BUFFER];
};

static ULONG post_receive(struct receive *rx)
{
    RtlZeroMemory(&rx->ov, sizeof(rx->ov));
    ULONG r = HttpReceiveHttpRequest(g_queue, HTTP_NULL_ID, 0, (PHTTP_REQUEST)rx->buffer, sizeof(rx->buffer), NULL,
                                     &rx->ov);
    /* NO_ERROR also posts a completion packet: either way the answer comes through the port. */
    return r == ERROR_IO_PENDING ? NO_ERROR : r;
}

static void *iocp_worker(void *arg)
{
    struct receive *rx = calloc(1, sizeof(*rx));
    HTTP_RESPONSE response;
    HTTP_DATA_CHUNK chunk;
    ULONG sent;
    (void)arg;

    init_response(&response, &chunk);
    if (rx == NULL || post_receive(rx) != NO_ERROR)
        return NULL;
    for (;;) {
        DWORD bytes;
        ULONG_PTR key;
        LPOVERLAPPED ov;
        BOOL ok = GetQueuedCompletionStatus(g_port, &bytes, &key, &ov, INFINITE);
        if (ov == NULL)
            break;
        struct receive *done = (struct receive *)ov;
        PHTTP_REQUEST request = (PHTTP_REQUEST)done->buffer;
        if (ok || GetLastError() == ERROR_MORE_DATA)
            HttpSendHttpResponse(g_queue, request->RequestId, 0, &response, NULL, &sent, NULL, 0, NULL, NULL);
        else if (GetLastError() == ERROR_OPERATION_ABORTED)
            break;
        if (post_receive(done) != NO_ERROR)
            break;
    }
    return NULL;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* `netsh http add sslcert ipport=0.0.0.0:port certhash=...`. */
static ULONG bind_certificate(int port, const char *thumbprint)
{
    static BYTE hash[20];
    static struct sockaddr_in addr;
    HTTP_SERVICE_CONFIG_SSL_SET set;
    GUID app = {0x5d3fd2a4, 0x0b0c, 0x4c5b, {1, 2, 3, 4, 5, 6, 7, 8}};

    if (strlen(thumbprint) != 40)
        return ERROR_INVALID_PARAMETER;
    for (int i = 0; i < 20; i++) {
        int hi = hexval(thumbprint[2 * i]), lo = hexval(thumbprint[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return ERROR_INVALID_PARAMETER;
        hash[i] = (BYTE)(hi << 4 | lo);
    }
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    RtlZeroMemory(&set, sizeof(set));
    set.KeyDesc.pIpPort = (PSOCKADDR)&addr;
    set.ParamDesc.SslHashLength = 20;
    set.ParamDesc.pSslHash = hash;
    set.ParamDesc.AppId = app;
    set.ParamDesc.pSslCertStoreName = (PWSTR)L"MY";
    HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &set, sizeof(set), NULL);
    return HttpSetServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &set, sizeof(set), NULL);
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
    int iocp = argc > 3 && strcmp(argv[3], "iocp") == 0;
    const char *thumbprint = argc > 4 ? argv[4] : NULL;
    pthread_t tids[64];
    ULONG r;

    if (threads < 1 || threads > 64)
        threads = 4;
    r = HttpInitialize(version, HTTP_INITIALIZE_SERVER | (thumbprint ? HTTP_INITIALIZE_CONFIG : 0), NULL);
    if (!r && thumbprint) r = bind_certificate(port, thumbprint);
    if (!r) r = HttpCreateServerSession(version, &session, 0);
    if (!r) r = HttpCreateUrlGroup(session, &group, 0);
    if (!r) r = HttpCreateRequestQueue(version, NULL, NULL, 0, &g_queue);
    if (!r) {
        binding.Flags.Present = 1;
        binding.RequestQueueHandle = g_queue;
        r = HttpSetUrlGroupProperty(group, HttpServerBindingProperty, &binding, sizeof(binding));
    }
    if (!r && iocp) {
        g_port = CreateIoCompletionPort(g_queue, NULL, 1, 0);
        if (g_port == NULL) r = GetLastError();
    }
    swprintf(url, 64, L"%ls://+:%d/", thumbprint ? L"https" : L"http", port);
    if (!r) r = HttpAddUrlToUrlGroup(group, url, 0, 0);
    if (r) {
        fprintf(stderr, "setup failed: %lu\n", (unsigned long)r);
        return 1;
    }
    printf("hello_server: %ls with %d %s threads\n", url, threads, iocp ? "completion-port" : "synchronous");
    fflush(stdout);
    for (int i = 0; i < threads; i++)
        pthread_create(&tids[i], NULL, iocp ? iocp_worker : sync_worker, NULL);
    for (int i = 0; i < threads; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
