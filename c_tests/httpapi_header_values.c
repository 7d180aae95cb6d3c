/* Response header values and the reason phrase with a line end in them (review A6): http.sys writes the
 * head as the application gives it, so a CR or LF in a value would end that header and start another one
 * (or the body) with the application's bytes (response splitting). HttpSendHttpResponse refuses such a
 * response, and HttpSendResponseEntityBody such trailers, with ERROR_INVALID_PARAMETER before anything is
 * written: the request stays answerable, and the client gets exactly the good response sent after them.
 * (No Microsoft page states what http.sys does here; see docs/porting.md.) */
#include "httpapi_support.h"
#include <string.h>
#include <unistd.h>

static char DECLSPEC_ALIGN(8) rbuf[16384];

/* A response whose one bad part is chosen by `shape`; HttpSendHttpResponse's result. */
static ULONG send_shape(HANDLE q, HTTP_REQUEST_ID id, int shape, const char *bad) {
    HTTP_RESPONSE resp;
    HTTP_UNKNOWN_HEADER u;
    memset(&resp, 0, sizeof resp);
    memset(&u, 0, sizeof u);
    resp.StatusCode = 200;
    resp.pReason = "OK";
    resp.ReasonLength = 2;
    switch (shape) {
    case 0: /* reason */
        resp.pReason = bad;
        resp.ReasonLength = (USHORT)strlen(bad);
        break;
    case 1: /* known header value */
        resp.Headers.KnownHeaders[HttpHeaderContentType].pRawValue = bad;
        resp.Headers.KnownHeaders[HttpHeaderContentType].RawValueLength = (USHORT)strlen(bad);
        break;
    case 2: /* unknown header value */
        u.pName = "X-Echo";
        u.NameLength = 6;
        u.pRawValue = bad;
        u.RawValueLength = (USHORT)strlen(bad);
        resp.Headers.UnknownHeaderCount = 1;
        resp.Headers.pUnknownHeaders = &u;
        break;
    }
    ULONG sent = 0;
    return HttpSendHttpResponse(q, id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent, NULL, 0, NULL, NULL);
}

/* HttpSendResponseEntityBody with a trailer whose value is `bad`. */
static ULONG send_trailer(HANDLE q, HTTP_REQUEST_ID id, const char *bad) {
    HTTP_UNKNOWN_HEADER t;
    memset(&t, 0, sizeof t);
    t.pName = "X-Sum";
    t.NameLength = 5;
    t.pRawValue = bad;
    t.RawValueLength = (USHORT)strlen(bad);
    HTTP_DATA_CHUNK c[2];
    memset(c, 0, sizeof c);
    c[0].DataChunkType = HttpDataChunkFromMemory;
    c[0].FromMemory.pBuffer = (void *)"0\r\n\r\n";
    c[0].FromMemory.BufferLength = 5;
    c[1].DataChunkType = HttpDataChunkTrailers;
    c[1].Trailers.TrailerCount = 1;
    c[1].Trailers.pTrailers = &t;
    ULONG sent = 0;
    return HttpSendResponseEntityBody(q, id, 0, 2, c, &sent, NULL, 0, NULL, NULL);
}

int main(void) {
    hs_init();
    HANDLE q;
    int port = hs_v1_queue(&q, "/");
    int fd = ts_connect(port, 0);
    CHECK(fd >= 0, "connect");
    const char get[] = "GET /x HTTP/1.1\r\nHost: h\r\nTE: trailers\r\n\r\n";
    ts_send_all(fd, get, sizeof get - 1);
    HTTP_REQUEST *req = (HTTP_REQUEST *)rbuf;
    ULONG got = 0;
    CHECK_EQ(HttpReceiveHttpRequest(q, HTTP_NULL_ID, 0, req, sizeof rbuf, &got, NULL), NO_ERROR, "receive");
    HTTP_REQUEST_ID id = req->RequestId;

    static const struct {
        const char *name;
        int shape;
        const char *value;
    } rows[] = {
        {"CR LF in the reason", 0, "OK\r\nInjected: 1"},
        {"LF in the reason", 0, "OK\nInjected: 1"},
        {"CR in the reason", 0, "OK\rInjected: 1"},
        {"CR LF in a known header value", 1, "text/plain\r\nInjected: 1"},
        {"LF in a known header value", 1, "text/plain\nInjected: 1"},
        {"CR in a known header value", 1, "text/plain\rInjected: 1"},
        {"CR LF in an unknown header value", 2, "a\r\nInjected: 1"},
        {"LF in an unknown header value", 2, "a\nInjected: 1"},
        {"CR in an unknown header value", 2, "a\rInjected: 1"},
        {"a whole second response in a value", 2, "a\r\nContent-Length: 0\r\n\r\nHTTP/1.1 500 Injected\r\n"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        CHECK_EQ(send_shape(q, id, rows[i].shape, rows[i].value), ERROR_INVALID_PARAMETER, rows[i].name);
    /* NUL in a value (written raw, it is no HTTP text either). */
    {
        HTTP_RESPONSE resp;
        memset(&resp, 0, sizeof resp);
        resp.StatusCode = 200;
        resp.pReason = "OK";
        resp.ReasonLength = 2;
        resp.Headers.KnownHeaders[HttpHeaderContentType].pRawValue = "text/plain\0x";
        resp.Headers.KnownHeaders[HttpHeaderContentType].RawValueLength = 12;
        ULONG sent = 0;
        CHECK_EQ(HttpSendHttpResponse(q, id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent, NULL, 0, NULL, NULL), ERROR_INVALID_PARAMETER, "NUL in a known header value");
    }

    /* The good head (the application frames the chunks), then bad trailers, then good ones. */
    HTTP_RESPONSE resp;
    memset(&resp, 0, sizeof resp);
    resp.StatusCode = 200;
    resp.pReason = "OK";
    resp.ReasonLength = 2;
    resp.Headers.KnownHeaders[HttpHeaderTransferEncoding].pRawValue = "chunked";
    resp.Headers.KnownHeaders[HttpHeaderTransferEncoding].RawValueLength = 7;
    HTTP_DATA_CHUNK body;
    memset(&body, 0, sizeof body);
    body.DataChunkType = HttpDataChunkFromMemory;
    body.FromMemory.pBuffer = (void *)"5\r\nhello\r\n";
    body.FromMemory.BufferLength = 10;
    resp.EntityChunkCount = 1;
    resp.pEntityChunks = &body;
    ULONG sent = 0;
    CHECK_EQ(HttpSendHttpResponse(q, id, HTTP_SEND_RESPONSE_FLAG_MORE_DATA, &resp, NULL, &sent, NULL, 0, NULL, NULL), NO_ERROR, "the good head after the refused ones");
    CHECK_EQ(send_trailer(q, id, "1\r\nInjected: 1"), ERROR_INVALID_PARAMETER, "CR LF in a trailer value");
    CHECK_EQ(send_trailer(q, id, "1\nInjected: 1"), ERROR_INVALID_PARAMETER, "LF in a trailer value");
    CHECK_EQ(send_trailer(q, id, "1\rInjected: 1"), ERROR_INVALID_PARAMETER, "CR in a trailer value");
    CHECK_EQ(send_trailer(q, id, "42"), NO_ERROR, "a good trailer ends the response");

    char out[4096];
    ssize_t n = ts_recv_until(fd, out, sizeof out, "X-Sum: 42\r\n\r\n", 3000);
    CHECK(n > 0 && strncmp(out, "HTTP/1.1 200 OK\r\n", 17) == 0, "status line as given: '%.40s'", out);
    CHECK(n > 0 && strstr(out, "Injected") == NULL, "nothing of the refused sends on the wire");
    const char *tail = n > 0 ? strstr(out, "\r\n\r\n") : NULL;
    CHECK(tail && strcmp(tail + 4, "5\r\nhello\r\n0\r\nX-Sum: 42\r\n\r\n") == 0, "body and trailer: '%s'", tail ? tail + 4 : "");
    close(fd);
    HttpCloseRequestQueue(q);
    return ts_finish("httpapi_header_values");
}
