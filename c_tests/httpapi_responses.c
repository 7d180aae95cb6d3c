/* Response paths: MORE_DATA streaming without a length (http.sys adds no chunked framing: the head as
 * given plus Date and Server, the bytes raw, the connection ends the body; an application that sets
 * Transfer-Encoding: chunked frames its own chunks, which pass through, and the connection stays; the byte
 * counts are the application's bytes), HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA coalescing, a 64 MiB
 * file range streamed with bounded memory and byte-exact content (also from a file dropped from the page
 * cache), HttpReceiveRequestEntityBody with
 * HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER, and ERROR_BAD_COMMAND for a second send while one
 * is pending on the same request. Clients are raw loopback sockets. */
#include "httpapi_support.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

static HANDLE queue;
static int port;
static union { HTTP_REQUEST r; char b[16384]; } rbuf;

static HTTP_REQUEST_ID receive(void) {
    ULONG n = 0;
    ULONG rc = HttpReceiveHttpRequest(queue, HTTP_NULL_ID, 0, &rbuf.r, sizeof rbuf, &n, NULL);
    CHECK_EQ(rc, NO_ERROR, "receive");
    return rc == NO_ERROR ? rbuf.r.RequestId : 0;
}

static ULONG send_body(HTTP_REQUEST_ID id, const void *p, ULONG n, ULONG flags, OVERLAPPED *ov) {
    HTTP_DATA_CHUNK c;
    c.DataChunkType = HttpDataChunkFromMemory;
    c.FromMemory.pBuffer = (void *)p;
    c.FromMemory.BufferLength = n;
    ULONG sent = 0;
    return HttpSendResponseEntityBody(queue, id, flags, 1, &c, ov ? NULL : &sent, NULL, 0, ov, NULL);
}

static ULONG send_head(HTTP_REQUEST_ID id, ULONG flags, HTTP_DATA_CHUNK *chunks, USHORT count) {
    HTTP_RESPONSE resp;
    memset(&resp, 0, sizeof resp);
    resp.StatusCode = 200;
    resp.pReason = "OK";
    resp.ReasonLength = 2;
    resp.EntityChunkCount = count;
    resp.pEntityChunks = chunks;
    ULONG sent = 0;
    return HttpSendHttpResponse(queue, id, flags, &resp, NULL, &sent, NULL, 0, NULL, NULL);
}

static int pending_bytes(int fd) {
    char tmp[64];
    ssize_t n = recv(fd, tmp, sizeof tmp, MSG_DONTWAIT | MSG_PEEK);
    return n > 0 ? (int)n : 0;
}

static void test_buffer_data(void) {
    int fd = ts_connect(port, 0);
    const char *req = "GET /b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    ts_send_all(fd, req, strlen(req));
    HTTP_REQUEST_ID id = receive();
    ULONG f = HTTP_SEND_RESPONSE_FLAG_MORE_DATA | HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA;
    CHECK_EQ(send_head(id, f, NULL, 0), NO_ERROR, "buffered head");
    char expect[8192];
    size_t elen = 0;
    for (int i = 0; i < 100; i++) {
        char piece[32];
        int n = snprintf(piece, sizeof piece, "piece %02d\n", i);
        CHECK_EQ(send_body(id, piece, (ULONG)n, f, NULL), NO_ERROR, "buffered piece");
        memcpy(expect + elen, piece, (size_t)n);
        elen += (size_t)n;
        if (i == 10) {
            usleep(50000);
            CHECK_EQ(pending_bytes(fd), 0, "small buffered pieces are held back");
        }
    }
    /* A piece without BUFFER_DATA flushes everything held, in order. */
    CHECK_EQ(send_body(id, "tail", 4, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, NULL), NO_ERROR, "unbuffered piece");
    memcpy(expect + elen, "tail", 4);
    elen += 4;
    usleep(50000);
    CHECK(pending_bytes(fd) > 0, "flushed");
    CHECK_EQ(send_body(id, "!", 1, HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA, NULL), NO_ERROR, "last piece (buffer flag without MORE_DATA)");
    expect[elen++] = '!';
    static char got[65536];
    /* No length and no framing of the application's own: the connection ends the body. */
    ssize_t n = ts_recv_all(fd, got, sizeof got, 5000);
    char *start = strstr(got, "\r\n\r\n");
    CHECK(n > 0 && start && !strstr(got, "Transfer-Encoding") && !strstr(got, "Content-Length"), "raw response");
    long blen = start ? (long)(n - (start + 4 - got)) : -1;
    CHECK_EQ(blen, elen, "body length");
    CHECK(blen == (long)elen && memcmp(start + 4, expect, elen) == 0, "body intact and in order");
    close(fd);
}

/* A head sent with MORE_DATA, then `pieces` with HttpSendResponseEntityBody (the last without MORE_DATA);
 * each call's *pBytesSent must be the bytes the application gave. */
static void stream_pieces(HTTP_REQUEST_ID id, const char *te, const char *const *pieces, int count) {
    HTTP_RESPONSE resp;
    memset(&resp, 0, sizeof resp);
    resp.StatusCode = 200;
    resp.pReason = "OK";
    resp.ReasonLength = 2;
    if (te) {
        resp.Headers.KnownHeaders[HttpHeaderTransferEncoding].pRawValue = te;
        resp.Headers.KnownHeaders[HttpHeaderTransferEncoding].RawValueLength = (USHORT)strlen(te);
    }
    ULONG sent = 0;
    CHECK_EQ(HttpSendHttpResponse(queue, id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent, NULL, 0, NULL, NULL),
             NO_ERROR, "head");
    CHECK(sent > 0, "the head's bytes are counted (%lu)", (unsigned long)sent);
    for (int i = 0; i < count; i++) {
        HTTP_DATA_CHUNK c;
        c.DataChunkType = HttpDataChunkFromMemory;
        c.FromMemory.pBuffer = (void *)pieces[i];
        c.FromMemory.BufferLength = (ULONG)strlen(pieces[i]);
        sent = 0;
        ULONG flags = i + 1 < count ? HTTP_SEND_RESPONSE_FLAG_MORE_DATA : 0;
        CHECK_EQ(HttpSendResponseEntityBody(queue, id, flags, 1, &c, &sent, NULL, 0, NULL, NULL), NO_ERROR, "piece");
        CHECK(sent == strlen(pieces[i]), "*pBytesSent of %s is the application's byte count (%lu)", pieces[i], (unsigned long)sent);
    }
}

/* Two requests in one write: the second is delivered only after the first's response was sent, on the
 * same connection id (http.sys hands out one request of a connection at a time). */
static void test_pipelined_one_at_a_time(void) {
    static union { HTTP_REQUEST r; char b[8192]; } second;
    int fd = ts_connect(port, 0);
    const char *reqs = "GET /p1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /p2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    ts_send_all(fd, reqs, strlen(reqs));
    HTTP_REQUEST_ID first = receive();
    HTTP_CONNECTION_ID conn = rbuf.r.ConnectionId;
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    ULONG rc = HttpReceiveHttpRequest(queue, HTTP_NULL_ID, 0, &second.r, sizeof second, NULL, &ov);
    CHECK_EQ(rc, ERROR_IO_PENDING, "the second request is not handed out while the first is unanswered");
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 300), WAIT_TIMEOUT, "still pending after 300 ms");
    CHECK_EQ(hs_send_simple(queue, first, 200, "OK", "first", 0), NO_ERROR, "first answered");
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 5000), WAIT_OBJECT_0, "then the second arrives");
    CHECK(second.r.CookedUrl.pAbsPath && !wcscmp(second.r.CookedUrl.pAbsPath, L"/p2"), "it is /p2");
    CHECK(second.r.ConnectionId == conn, "same connection id");
    CHECK_EQ(hs_send_simple(queue, second.r.RequestId, 200, "OK", "second", 0), NO_ERROR, "second answered");
    static char got[4096];
    ssize_t n = ts_recv_until(fd, got, sizeof got, "second", 5000);
    char *a = strstr(got, "first"), *b = strstr(got, "second");
    CHECK(n > 0 && a && b && a < b, "both responses in order");
    CloseHandle(ov.hEvent);
    close(fd);
}

static void test_no_framing(void) {
    static char got[8192];
    /* Raw: "foo" and "bar" arrive as sent, the head gets only Date and Server, the end is the close. */
    int fd = ts_connect(port, 0);
    const char *req = "GET /raw HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    ts_send_all(fd, req, strlen(req));
    static const char *const raw[] = {"foo", "bar"};
    stream_pieces(receive(), NULL, raw, 2);
    ssize_t n = ts_recv_all(fd, got, sizeof got, 5000);
    char *start = strstr(got, "\r\n\r\n");
    CHECK(n > 0 && start && !strcmp(start + 4, "foobar"), "raw body, then the close: %s", got);
    CHECK(!strstr(got, "Transfer-Encoding") && !strstr(got, "Content-Length") && !strstr(got, "Connection:"),
          "nothing added about framing: %s", got);
    CHECK(strstr(got, "\r\nDate: ") && strstr(got, "\r\nServer: Microsoft-HTTPAPI/2.0\r\n"), "Date and Server added");
    close(fd);
    /* Application-framed chunks pass through once, and the connection stays for the next request. */
    fd = ts_connect(port, 0);
    ts_send_all(fd, req, strlen(req));
    static const char *const framed[] = {"3\r\nfoo\r\n", "3\r\nbar\r\n0\r\n\r\n"};
    stream_pieces(receive(), "chunked", framed, 2);
    n = ts_recv_until(fd, got, sizeof got, "0\r\n\r\n", 5000);
    start = strstr(got, "\r\n\r\n");
    CHECK(n > 0 && start && !strcmp(start + 4, "3\r\nfoo\r\n3\r\nbar\r\n0\r\n\r\n"), "the application's chunks as sent: %s", got);
    char *te = strstr(got, "Transfer-Encoding: chunked\r\n");
    CHECK(te && !strstr(te + 1, "Transfer-Encoding"), "one Transfer-Encoding header (the application's)");
    ts_send_all(fd, req, strlen(req));
    HTTP_REQUEST_ID again = receive();
    CHECK_EQ(hs_send_simple(queue, again, 200, "OK", "again", 0), NO_ERROR, "second response");
    n = ts_recv_until(fd, got, sizeof got, "again", 5000);
    CHECK(n > 0 && strstr(got, "again"), "keep-alive after application-framed chunks");
    close(fd);
}

struct reader {
    int fd;
    unsigned long long want, got;
    unsigned long long offset; /* pattern offset of the first body byte */
    int exact;
    int delay_ms; /* before the first read */
};

static unsigned char pattern(unsigned long long i) { return (unsigned char)((i * 131u) ^ (i >> 13)); }

static void *read_file_response(void *arg) {
    struct reader *r = (struct reader *)arg;
    static char buf[1 << 16];
    char head[4096];
    size_t hl = 0;
    if (r->delay_ms > 0) usleep((useconds_t)r->delay_ms * 1000);
    /* The head, byte by byte up to the blank line. */
    while (hl < sizeof head - 1) {
        if (recv(r->fd, head + hl, 1, 0) != 1) return NULL;
        hl++;
        if (hl >= 4 && memcmp(head + hl - 4, "\r\n\r\n", 4) == 0) break;
    }
    head[hl] = 0;
    r->exact = strstr(head, "200 OK") != NULL;
    while (r->got < r->want) {
        ssize_t n = recv(r->fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        for (ssize_t i = 0; i < n; i++)
            if ((unsigned char)buf[i] != pattern(r->offset + r->got + (unsigned long long)i)) r->exact = 0;
        r->got += (unsigned long long)n;
    }
    return NULL;
}

static long maxrss_kb(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Writes `size` bytes of the pattern to `path` (`cold`: synced and dropped from the page cache) and opens
 * it with CreateFileA. */
static HANDLE pattern_file(const char *path, unsigned long long size, int cold) {
    FILE *f = fopen(path, "wb");
    static unsigned char block[1 << 16];
    for (unsigned long long i = 0; i < size; i += sizeof block) {
        for (size_t j = 0; j < sizeof block; j++) block[j] = pattern(i + j);
        fwrite(block, 1, sizeof block, f);
    }
    if (cold) {
        fflush(f);
        fsync(fileno(f));
        CHECK_EQ(posix_fadvise(fileno(f), 0, 0, POSIX_FADV_DONTNEED), 0, "pages dropped from the cache");
    }
    fclose(f);
    HANDLE h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "open file");
    return h;
}

/* A new connection sends `req`; returns its id as received (the socket in *fd). */
static HTTP_REQUEST_ID ask(int *fd, const char *req) {
    *fd = ts_connect(port, 0);
    ts_send_all(*fd, req, strlen(req));
    return receive();
}

/* One file-handle chunk: `len` bytes from `off` of `h`. */
static HTTP_DATA_CHUNK file_chunk(HANDLE h, unsigned long long off, unsigned long long len) {
    HTTP_DATA_CHUNK c;
    memset(&c, 0, sizeof c);
    c.DataChunkType = HttpDataChunkFromFileHandle;
    c.FromFileHandle.ByteRange.StartingOffset.QuadPart = off;
    c.FromFileHandle.ByteRange.Length.QuadPart = len;
    c.FromFileHandle.FileHandle = h;
    return c;
}

static void test_file_stream(void) {
    const unsigned long long mib = 1024 * 1024, size = 66 * mib, off = 1 * mib + 7, len = 64 * mib;
    char path[128];
    snprintf(path, sizeof path, "/tmp/winhttpapi-responses-%d.bin", (int)getpid());
    HANDLE h = pattern_file(path, size, 0);

    int fd;
    const char *req = "GET /f HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    HTTP_REQUEST_ID id = ask(&fd, req);
    struct reader r = {fd, len, 0, off, 0, 0};
    pthread_t t;
    pthread_create(&t, NULL, read_file_response, &r);
    long before = maxrss_kb();
    HTTP_DATA_CHUNK c = file_chunk(h, off, len);
    uint64_t t0 = ts_now_ms();
    CHECK_EQ(send_head(id, 0, &c, 1), NO_ERROR, "64 MiB file range");
    /* The file may be closed as soon as the call returns. */
    CloseHandle(h);
    pthread_join(t, NULL);
    long growth = maxrss_kb() - before;
    printf("64 MiB range: %llu bytes in %llu ms, max RSS growth %ld KiB\n", r.got, (unsigned long long)(ts_now_ms() - t0), growth);
    CHECK_EQ(r.got, len, "all bytes arrived");
    CHECK(r.exact, "byte-exact content");
    CHECK(growth < 16 * 1024, "RSS growth %ld KiB under 16 MiB", growth);
    close(fd);

    /* A range past the end of the file is refused. */
    h = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    fd = ts_connect(port, 0);
    ts_send_all(fd, req, strlen(req));
    id = receive();
    c.FromFileHandle.FileHandle = h;
    c.FromFileHandle.ByteRange.StartingOffset.QuadPart = size - 10;
    c.FromFileHandle.ByteRange.Length.QuadPart = 11;
    CHECK_EQ(send_head(id, 0, &c, 1), ERROR_INVALID_PARAMETER, "range past the end");
    CHECK_EQ(hs_send_simple(queue, id, 200, "OK", "x", 0), NO_ERROR, "answered after all");
    CloseHandle(h);
    close(fd);
    unlink(path);
}

/* A file range whose pages are not in the page cache (written, synced and dropped from the cache with
 * POSIX_FADV_DONTNEED): a thread that drives events sends only cached parts and hands a cold part to the
 * blocking pool, which reads it from the disk. The bytes arrive exact, and another connection is answered
 * while the range streams (the thread in HttpReceiveHttpRequest leads the set that drives both). */
static void test_cold_file(void) {
    const unsigned long long mib = 1024 * 1024, len = 24 * mib;
    char path[128];
    snprintf(path, sizeof path, "/tmp/winhttpapi-cold-%d.bin", (int)getpid());
    HANDLE h = pattern_file(path, len, 1);

    int fd;
    HTTP_REQUEST_ID id = ask(&fd, "GET /cold HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    HTTP_DATA_CHUNK c = file_chunk(h, 0, HTTP_BYTE_RANGE_TO_EOF);
    /* The reader starts late: the call sends what the socket takes, the rest follows on writable
     * edges, past the part asked into the cache when the send started. */
    struct reader r = {fd, len, 0, 0, 0, 200};
    pthread_t t;
    pthread_create(&t, NULL, read_file_response, &r);
    uint64_t t0 = ts_now_ms();
    CHECK_EQ(send_head(id, 0, &c, 1), NO_ERROR, "24 MiB cold file");
    CloseHandle(h);

    int fd2;
    HTTP_REQUEST_ID id2 = ask(&fd2, "GET /other HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    CHECK(id2 != HTTP_NULL_ID, "another connection's request while the range streams");
    CHECK_EQ(hs_send_simple(queue, id2, 200, "OK", "other", 0), NO_ERROR, "answered");
    char got2[512];
    CHECK(ts_recv_until(fd2, got2, sizeof got2, "other", 5000) > 0, "its answer arrived");
    close(fd2);

    pthread_join(t, NULL);
    printf("24 MiB cold file: %llu bytes in %llu ms\n", r.got, (unsigned long long)(ts_now_ms() - t0));
    CHECK_EQ(r.got, len, "all bytes arrived");
    CHECK(r.exact, "byte-exact content");
    close(fd);
    unlink(path);
}

static void test_fill_buffer(void) {
    int fd = ts_connect(port, 0);
    const char *head = "POST /u HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10000\r\n\r\n";
    static char body[10000];
    for (int i = 0; i < 10000; i++) body[i] = (char)('a' + i % 26);
    ts_send_all(fd, head, strlen(head));
    ts_send_all(fd, body, 1000);
    HTTP_REQUEST_ID id = receive();
    pid_t pid = fork();
    if (pid == 0) {
        /* The rest arrives in two late pieces. */
        usleep(100000);
        ts_send_all(fd, body + 1000, 3000);
        usleep(100000);
        ts_send_all(fd, body + 4000, 6000);
        _exit(0);
    }
    static char got[10000];
    ULONG n = 0;
    CHECK_EQ(HttpReceiveRequestEntityBody(queue, id, HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER, got, 8000, &n, NULL), NO_ERROR, "fill 8000");
    CHECK_EQ(n, 8000, "a full buffer");
    ULONG m = 0;
    CHECK_EQ(HttpReceiveRequestEntityBody(queue, id, HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER, got + 8000, 8000, &m, NULL), NO_ERROR, "fill the rest");
    CHECK_EQ(m, 2000, "what is left at the end of the body");
    CHECK(memcmp(got, body, 10000) == 0, "body intact");
    CHECK_EQ(HttpReceiveRequestEntityBody(queue, id, HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER, got, 8000, &m, NULL), ERROR_HANDLE_EOF, "then EOF");
    CHECK_EQ(HttpReceiveRequestEntityBody(queue, id, 0x10, got, 8000, &m, NULL), ERROR_INVALID_PARAMETER, "unknown flag");
    waitpid(pid, NULL, 0);
    CHECK_EQ(hs_send_simple(queue, id, 200, "OK", "ok", 0), NO_ERROR, "answer");
    close(fd);
}

static void test_second_send(void) {
    int fd = ts_connect(port, 0);
    int small = 4096;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    const char *req = "GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    ts_send_all(fd, req, strlen(req));
    HTTP_REQUEST_ID id = receive();
    CHECK_EQ(send_head(id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, NULL, 0), NO_ERROR, "head");
    size_t big = 32u << 20;
    char *data = (char *)calloc(1, big);
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    CHECK_EQ(send_body(id, data, (ULONG)big, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &ov), ERROR_IO_PENDING, "a send the client does not read");
    CHECK_EQ(send_body(id, "x", 1, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, NULL), ERROR_BAD_COMMAND, "second send while one is pending");
    CHECK_EQ(HttpCancelHttpRequest(queue, id, NULL), NO_ERROR, "cancel");
    CHECK_EQ(WaitForSingleObject(ov.hEvent, 5000), WAIT_OBJECT_0, "pending send completed");
    CHECK_EQ((ULONG)ov.Internal != 0, 1, "with an error");
    CloseHandle(ov.hEvent);
    free(data);
    close(fd);
}

int main(void) {
    hs_init();
    HTTP_SERVER_SESSION_ID session;
    HTTP_URL_GROUP_ID group;
    port = hs_v2_setup(&session, &group, &queue, "/", 1);
    /* First, so the peak RSS it measures is not masked by the 32 MiB buffer of test_second_send. */
    test_file_stream();
    test_cold_file();
    test_buffer_data();
    test_no_framing();
    test_pipelined_one_at_a_time();
    test_fill_buffer();
    test_second_send();
    HttpCloseRequestQueue(queue);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(session);
    return ts_finish("httpapi_responses");
}
