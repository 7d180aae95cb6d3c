/* Helpers of the HTTP Server API tests: queues on free ports, a small application thread that serves
 * requests the way a Windows program would, and raw-socket exchanges. */
#ifndef WINHTTPAPI_HTTPAPI_SUPPORT_H
#define WINHTTPAPI_HTTPAPI_SUPPORT_H
#include <windows.h>
#include <http.h>
#include <pthread.h>
#include "test_support.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Points the certificate store (dir/store, made here) and the SSL bindings' file (dir/httpsys.conf) into
 * a test's own directory, so tests never share bindings or certificates. */
void hs_private_config(const char *dir);
/* A self-signed certificate for 127.0.0.1 made with openssl in dir (cert.pem, key.pem), imported into the
 * store hs_private_config set (scripts/import-cert.sh); its SHA-1 thumbprint into `thumb`. 0 or -1. */
int hs_make_certificate(const char *dir, BYTE thumb[20]);
/* A TLS test's own directory: a fresh /tmp/<name>.XXXXXX written into dir (size bytes), its private
 * configuration (hs_private_config) and a certificate made there (hs_make_certificate). 0, or -1 after
 * printing what failed. */
int hs_tls_test_dir(const char *name, char *dir, size_t size, BYTE thumb[20]);
/* The SSL binding 127.0.0.1:port -> the certificate `thumb` (store "MY") with DefaultFlags `flags`. */
ULONG hs_bind_certificate(int port, const BYTE thumb[20], DWORD flags);
/* HttpInitialize(version 2, SERVER); aborts the test on failure. */
void hs_init(void);
/* A v1 queue with http://+:<port><path> on a free port; returns the port. */
int hs_v1_queue(HANDLE *queue, const char *path);
/* A v2 session + group + queue bound together, with http://+:<port><path> and `context`; returns the port. */
int hs_v2_setup(HTTP_SERVER_SESSION_ID *session, HTTP_URL_GROUP_ID *group, HANDLE *queue, const char *path,
                HTTP_URL_CONTEXT context);

/* What the application thread saw. */
typedef struct {
    HANDLE queue;
    pthread_t thread;
    volatile long served;
    volatile HTTP_CONNECTION_ID last_conn[2];
    volatile HTTP_URL_CONTEXT last_context;
    volatile unsigned long last_error;
    /* /reset*: what HttpSetRequestProperty(HttpRequestPropertyStreamError) returned, and a send after it. */
    volatile unsigned long reset_result, after_reset;
} hs_app;

/* Starts a thread answering requests on `queue` until a receive fails (queue closed):
 *   /hello -> 200 "hello"; /echo -> the request body; /stream -> "one," "two," "three" sent in three calls
 *   with HTTP_SEND_RESPONSE_FLAG_MORE_DATA and no length (raw, close-delimited); /stream-chunked -> the
 *   same with Transfer-Encoding: chunked framed by the application; /close -> "bye" with
 *   HTTP_SEND_RESPONSE_FLAG_DISCONNECT; /trailers, /trailers-length, /trailers-only, /trailers-chunked -> bodies with
 *   HttpDataChunkTrailers (see send_with_trailers); /reset, /reset-early -> the stream reset with
 *   HttpRequestPropertyStreamError (codes 8 and 0xd);
 *   anything else -> 200 with the cooked path as body. */
void hs_app_start(hs_app *app, HANDLE queue);
/* Closes the queue and joins the thread. */
void hs_app_stop(hs_app *app);

/* Sends `request` on a new connection to 127.0.0.1:port and reads until the peer closes or timeout_ms;
 * returns bytes read (NUL-terminated). */
ssize_t hs_exchange(int port, const char *request, size_t len, char *out, size_t cap, int timeout_ms);
/* Sends `request` `count` times on one keep-alive connection to 127.0.0.1:port, reading each answer up to
 * `needle`; returns how many answers came (it stops at the first that does not within timeout_ms). */
int hs_repeat_on_connection(int port, const char *request, const char *needle, int count, int timeout_ms);
/* `clients` threads, each doing hs_repeat_on_connection(port, request, needle, per_client, timeout_ms) on its
 * own connection at the same time; returns the answers that came in all. */
int hs_load(int port, int clients, int per_client, const char *request, const char *needle, int timeout_ms);
/* A receive kept pending on a completion port; its OVERLAPPED first (the packet's OVERLAPPED is the slot). */
typedef struct {
    OVERLAPPED ov;
    char DECLSPEC_ALIGN(8) buf[8192];
} hs_receive_slot;
/* HttpReceiveHttpRequest into `s` with its OVERLAPPED zeroed: done at once or pending, a packet comes (no
 * FILE_SKIP_COMPLETION_PORT_ON_SUCCESS); any other error but ERROR_OPERATION_ABORTED (the queue is closing)
 * adds one to *failures. */
void hs_post_receive(HANDLE queue, hs_receive_slot *s, long *failures);
/* Sends a response built from status/reason/body synchronously. */
ULONG hs_send_simple(HANDLE queue, HTTP_REQUEST_ID id, USHORT status, const char *reason, const char *body, ULONG flags);

#ifdef __cplusplus
}
#endif
#endif
