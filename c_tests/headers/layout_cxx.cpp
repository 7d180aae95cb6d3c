// The C++ forms of HTTP_REQUEST_V2 / HTTP_RESPONSE_V2 (derived from the V1 struct) keep the Windows layout.
// check_headers.sh compiles this; offsetof on the derived structs needs -Wno-invalid-offsetof.
#include <cstddef>
#include <windows.h>
#include <winhttp.h>
#include <http.h>

static_assert(sizeof(HTTP_REQUEST_V1) == 848, "HTTP_REQUEST_V1 size");
static_assert(sizeof(HTTP_REQUEST_V2) == 864, "HTTP_REQUEST_V2 size");
static_assert(offsetof(HTTP_REQUEST_V2, RequestInfoCount) == 848, "HTTP_REQUEST_V2.RequestInfoCount");
static_assert(offsetof(HTTP_REQUEST_V2, pRequestInfo) == 856, "HTTP_REQUEST_V2.pRequestInfo");
static_assert(offsetof(HTTP_REQUEST_V2, Verb) == 36, "HTTP_REQUEST_V2.Verb");
static_assert(offsetof(HTTP_REQUEST_V2, pSslInfo) == 840, "HTTP_REQUEST_V2.pSslInfo");
static_assert(sizeof(HTTP_RESPONSE_V2) == 568, "HTTP_RESPONSE_V2 size");
static_assert(offsetof(HTTP_RESPONSE_V2, ResponseInfoCount) == 552, "HTTP_RESPONSE_V2.ResponseInfoCount");
static_assert(offsetof(HTTP_RESPONSE_V2, pResponseInfo) == 560, "HTTP_RESPONSE_V2.pResponseInfo");
static_assert(offsetof(HTTP_RESPONSE_V2, StatusCode) == 8, "HTTP_RESPONSE_V2.StatusCode");
static_assert(sizeof(HTTP_REQUEST) == sizeof(HTTP_REQUEST_V2), "HTTP_REQUEST is V2");
static_assert(sizeof(OVERLAPPED) == 32 && offsetof(OVERLAPPED, Offset) == 16 && offsetof(OVERLAPPED, hEvent) == 24, "OVERLAPPED");
static_assert(sizeof(HTTP_DATA_CHUNK) == 32 && offsetof(HTTP_DATA_CHUNK, FromMemory.BufferLength) == 16, "HTTP_DATA_CHUNK");
static_assert(sizeof(WINHTTP_EXTENDED_HEADER) == 16 && offsetof(WINHTTP_EXTENDED_HEADER, pszValue) == 8, "WINHTTP_EXTENDED_HEADER");
static_assert(sizeof(LARGE_INTEGER) == 8 && offsetof(LARGE_INTEGER, HighPart) == 4, "LARGE_INTEGER");

int main() { return 0; }
