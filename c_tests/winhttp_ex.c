/* WinHttpAddRequestHeadersEx and WinHttpQueryHeadersEx (Windows 10 2004+) as a program uses them,
 * against the loopback echo server (c_tests/support/winhttp_server.py): narrow and wide pairs reach
 * the wire byte for byte, modifiers as WinHttpAddRequestHeaders, all-or-none on a bad pair; queries
 * of all headers, one header by level or name with an index, wide and wire (narrow) forms, buffer
 * sizing, request headers, and every documented error. */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test_support.h"
#include "winhttp_support.h"

static int port;

static void test_add_ex(HINTERNET ses) {
    HINTERNET con, req = whs_open(&ses, &con, port, L"GET", L"/echo", 0);
    WINHTTP_EXTENDED_HEADER narrow[2], wide[1], bad[2];
    narrow[0].pszName = "X-Narrow";
    narrow[0].pszValue = "n1";
    narrow[1].pszName = "X-Utf8";
    narrow[1].pszValue = "caf\xc3\xa9";
    wide[0].pwszName = L"X-Wide";
    wide[0].pwszValue = L"w1";
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, 0, 0, 0, 2, narrow), ERROR_SUCCESS, "narrow pairs");
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, WINHTTP_ADDREQ_FLAG_ADD, WINHTTP_EXTENDED_HEADER_FLAG_UNICODE, 0, 1, wide), ERROR_SUCCESS, "wide pair");
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, WINHTTP_ADDREQ_FLAG_ADD_IF_NEW, WINHTTP_EXTENDED_HEADER_FLAG_UNICODE, 0, 1, wide), ERROR_WINHTTP_HEADER_ALREADY_EXISTS, "ADD_IF_NEW of an existing header");
    wide[0].pwszValue = L"w2";
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, WINHTTP_ADDREQ_FLAG_COALESCE_WITH_COMMA, WINHTTP_EXTENDED_HEADER_FLAG_UNICODE, 0, 1, wide), ERROR_SUCCESS, "coalesce");
    WINHTTP_EXTENDED_HEADER missing;
    missing.pszName = "X-Missing";
    missing.pszValue = "v";
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, WINHTTP_ADDREQ_FLAG_REPLACE, 0, 0, 1, &missing), ERROR_WINHTTP_HEADER_NOT_FOUND, "REPLACE of a missing header");

    /* Errors; a bad pair anywhere adds nothing. */
    bad[0].pszName = "X-Good";
    bad[0].pszValue = "g";
    static const char *const bad_names[] = {"", "Bad Name", "X-Inject"};
    static const char *const bad_values[] = {"v", "v", "a\r\nEvil: 1"};
    for (int i = 0; i < 3; i++) {
        bad[1].pszName = bad_names[i];
        bad[1].pszValue = bad_values[i];
        CHECK_EQ(WinHttpAddRequestHeadersEx(req, 0, 0, 0, 2, bad), ERROR_INVALID_PARAMETER, "bad pair");
    }
    bad[1].pszName = NULL;
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, 0, 0, 0, 2, bad), ERROR_INVALID_PARAMETER, "NULL name");
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, 0, 0, 0, 0, narrow), ERROR_INVALID_PARAMETER, "no headers");
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, 0, 0, 0, 1, NULL), ERROR_INVALID_PARAMETER, "NULL array");
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, 0, 4, 0, 1, narrow), ERROR_INVALID_PARAMETER, "unknown flag");
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, 0, 0, 1, 1, narrow), ERROR_INVALID_PARAMETER, "ullExtra not 0");
    CHECK_EQ(WinHttpAddRequestHeadersEx(NULL, 0, 0, 0, 1, narrow), ERROR_INVALID_HANDLE, "NULL handle");
    CHECK_EQ(WinHttpAddRequestHeadersEx(ses, 0, 0, 0, 1, narrow), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "session handle");
    CHECK_EQ(WinHttpAddRequestHeadersEx(con, 0, 0, 0, 1, narrow), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "connect handle");

    /* What the server received. */
    char body[8192];
    DWORD err;
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "send (%u)", GetLastError());
    whs_read_all(req, body, sizeof body, &err);
    CHECK(strstr(body, "\r\nX-Narrow: n1\r\n") != NULL, "narrow header on the wire");
    CHECK(strstr(body, "\r\nX-Utf8: caf\xc3\xa9\r\n") != NULL, "UTF-8 value byte for byte");
    CHECK(strstr(body, "\r\nX-Wide: w1, w2\r\n") != NULL, "wide header coalesced");
    CHECK(strstr(body, "X-Good") == NULL && strstr(body, "Evil") == NULL, "refused pairs added nothing");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    CHECK_EQ(WinHttpAddRequestHeadersEx(req, 0, 0, 0, 1, narrow), ERROR_INVALID_HANDLE, "closed handle");
}

/* Calls WinHttpQueryHeadersEx twice (size, then fill) into a malloc'd buffer. */
static DWORD query_ex(HINTERNET req, DWORD level, WINHTTP_HEADER_NAME *name, DWORD *index, void **buf, WINHTTP_EXTENDED_HEADER **hdrs, DWORD *count) {
    DWORD len = 0;
    *buf = NULL;
    DWORD r = WinHttpQueryHeadersEx(req, level, 0, 0, index, name, NULL, &len, hdrs, count);
    if (r != ERROR_INSUFFICIENT_BUFFER) return r;
    *buf = malloc(len);
    DWORD small = len - 1;
    if (WinHttpQueryHeadersEx(req, level, 0, 0, index, name, *buf, &small, hdrs, count) != ERROR_INSUFFICIENT_BUFFER || small != len) return 9999;
    DWORD got = len;
    r = WinHttpQueryHeadersEx(req, level, 0, 0, index, name, *buf, &got, hdrs, count);
    if (r == ERROR_SUCCESS && got != len) return 9998;
    return r;
}

static void test_query_ex(HINTERNET ses) {
    HINTERNET con, req = whs_open(&ses, &con, port, L"GET", L"/multi", 0);
    void *buf;
    WINHTTP_EXTENDED_HEADER *h = NULL;
    DWORD count = 0, len = 0, index = 0;
    CHECK_EQ(WinHttpQueryHeadersEx(req, WINHTTP_QUERY_EX_ALL_HEADERS, 0, 0, NULL, NULL, NULL, &len, &h, &count), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "before the response");
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "send");

    /* All headers, wide. */
    CHECK_EQ(query_ex(req, WINHTTP_QUERY_EX_ALL_HEADERS, NULL, NULL, &buf, &h, &count), ERROR_SUCCESS, "all headers");
    CHECK(count == 6 && (void *)h == buf, "6 headers (%u), array at the buffer start", count);
    if (count == 6) {
        CHECK(wcscmp(h[0].pwszName, L"X-Multi") == 0 && wcscmp(h[0].pwszValue, L"one") == 0, "first pair");
        CHECK(wcscmp(h[2].pwszValue, L"three") == 0 && wcscmp(h[4].pwszName, L"X-Big") == 0, "order kept");
        CHECK(wcscmp(h[5].pwszName, L"Content-Length") == 0 && wcscmp(h[5].pwszValue, L"2") == 0, "last pair");
    }
    free(buf);

    /* Wire encoding: narrow strings. */
    CHECK_EQ(query_ex(req, WINHTTP_QUERY_EX_ALL_HEADERS | WINHTTP_QUERY_FLAG_WIRE_ENCODING, NULL, NULL, &buf, &h, &count), ERROR_SUCCESS, "all headers, wire form");
    CHECK(count == 6 && strcmp(h[3].pszName, "Date") == 0 && strcmp(h[3].pszValue, "Sun, 06 Nov 1994 08:49:37 GMT") == 0, "narrow Date");
    free(buf);

    /* One header by name with an index, then the end. */
    WINHTTP_HEADER_NAME name;
    name.pwszName = L"x-multi";
    static const wchar_t *const want[] = {L"one", L"two", L"three"};
    index = 0;
    for (int i = 0; i < 3; i++) {
        CHECK_EQ(query_ex(req, WINHTTP_QUERY_CUSTOM, &name, &index, &buf, &h, &count), ERROR_SUCCESS, "custom by index");
        CHECK(count == 1 && wcscmp(h[0].pwszValue, want[i]) == 0 && index == (DWORD)i + 1, "occurrence %d, index %u", i, index);
        free(buf);
    }
    CHECK_EQ(query_ex(req, WINHTTP_QUERY_CUSTOM, &name, &index, &buf, &h, &count), ERROR_WINHTTP_HEADER_NOT_FOUND, "past the last");
    free(buf);
    name.pszName = "X-BIG";
    index = 0;
    CHECK_EQ(query_ex(req, WINHTTP_QUERY_CUSTOM | WINHTTP_QUERY_FLAG_WIRE_ENCODING, &name, &index, &buf, &h, &count), ERROR_SUCCESS, "narrow name");
    CHECK(count == 1 && strcmp(h[0].pszValue, "123456789012") == 0, "narrow value");
    free(buf);
    CHECK_EQ(query_ex(req, WINHTTP_QUERY_DATE, NULL, NULL, &buf, &h, &count), ERROR_SUCCESS, "known level");
    CHECK(count == 1 && wcscmp(h[0].pwszName, L"Date") == 0, "Date by level");
    free(buf);
    CHECK_EQ(query_ex(req, WINHTTP_QUERY_LOCATION, NULL, NULL, &buf, &h, &count), ERROR_WINHTTP_HEADER_NOT_FOUND, "absent header");
    free(buf);

    /* The request's own headers. */
    CHECK_EQ(query_ex(req, WINHTTP_QUERY_EX_ALL_HEADERS | WINHTTP_QUERY_FLAG_REQUEST_HEADERS, NULL, NULL, &buf, &h, &count), ERROR_SUCCESS, "request headers");
    int saw_agent = 0;
    for (DWORD i = 0; i < count; i++) saw_agent |= wcscmp(h[i].pwszName, L"User-Agent") == 0 && wcscmp(h[i].pwszValue, L"winhttp-test/1.0") == 0;
    CHECK(saw_agent, "User-Agent among %u request headers", count);
    free(buf);

    /* Errors. */
    static const DWORD refused[] = {WINHTTP_QUERY_VERSION, WINHTTP_QUERY_STATUS_CODE, WINHTTP_QUERY_STATUS_TEXT, WINHTTP_QUERY_RAW_HEADERS_CRLF,
                                    WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_NUMBER, WINHTTP_QUERY_CONTENT_LENGTH | WINHTTP_QUERY_FLAG_NUMBER64,
                                    WINHTTP_QUERY_DATE | WINHTTP_QUERY_FLAG_SYSTEMTIME};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        len = 0;
        CHECK_EQ(WinHttpQueryHeadersEx(req, refused[i], 0, 0, NULL, NULL, NULL, &len, &h, &count), ERROR_INVALID_PARAMETER, "refused level");
    }
    len = 0;
    CHECK_EQ(WinHttpQueryHeadersEx(req, WINHTTP_QUERY_EX_ALL_HEADERS, 1, 0, NULL, NULL, NULL, &len, &h, &count), ERROR_INVALID_PARAMETER, "ullFlags not 0");
    CHECK_EQ(WinHttpQueryHeadersEx(req, WINHTTP_QUERY_EX_ALL_HEADERS, 0, 0, NULL, NULL, NULL, NULL, &h, &count), ERROR_INVALID_PARAMETER, "NULL length");
    CHECK_EQ(WinHttpQueryHeadersEx(req, WINHTTP_QUERY_EX_ALL_HEADERS, 0, 0, NULL, NULL, NULL, &len, &h, NULL), ERROR_INVALID_PARAMETER, "NULL count");
    CHECK_EQ(WinHttpQueryHeadersEx(req, WINHTTP_QUERY_CUSTOM, 0, 0, NULL, NULL, NULL, &len, &h, &count), ERROR_INVALID_PARAMETER, "CUSTOM without a name");
    CHECK_EQ(WinHttpQueryHeadersEx(NULL, WINHTTP_QUERY_EX_ALL_HEADERS, 0, 0, NULL, NULL, NULL, &len, &h, &count), ERROR_INVALID_HANDLE, "NULL handle");
    CHECK_EQ(WinHttpQueryHeadersEx(ses, WINHTTP_QUERY_EX_ALL_HEADERS, 0, 0, NULL, NULL, NULL, &len, &h, &count), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "session handle");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
}

int main(void) {
    pid_t pid;
    port = whs_start_server(&pid);
    if (!port) {
        fprintf(stderr, "server did not start\n");
        return 1;
    }
    HINTERNET ses = NULL, con;
    WinHttpCloseHandle(whs_open(&ses, &con, port, L"GET", L"/", 0));
    WinHttpCloseHandle(con);
    test_add_ex(ses);
    test_query_ex(ses);
    WinHttpCloseHandle(ses);
    ts_kill(pid);
    return ts_finish("winhttp_ex");
}
