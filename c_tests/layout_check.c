/*
 * layout_check: every struct of api-inventory.md (A.5, B.3, C.3) has its Windows x64 size, alignment and
 * field offsets here, and every numeric constant of A.3, A.4, B.4 and C.2 its value; a header typo fails
 * the build. Generated once from the inventory, then kept by hand. The one struct that legitimately
 * differs on Linux is HTTP_REQUEST_PROPERTY_SNI (an inline WCHAR array: asserted as 256 * sizeof(WCHAR)
 * + 4, and as Windows' 516 under -fshort-wchar). CRITICAL_SECTION is the library's own opaque layout.
 * c_tests/headers/check_headers.sh also builds this in both wchar_t widths.
 */
#include <stddef.h>
#include <stdio.h>
#include <windows.h>
#include <winhttp.h>
#include <http.h>
#include <winsock2.h>
#include <wincrypt.h>

#if defined(__SIZEOF_WCHAR_T__) && __SIZEOF_WCHAR_T__ == 2
#define WINHTTPAPI_WCHAR_IS_16 1
#else
#define WINHTTPAPI_WCHAR_IS_16 0
#endif

/* ---- structures ---- */
/* HTTPAPI_VERSION */
_Static_assert(sizeof(HTTPAPI_VERSION) == 4, "HTTPAPI_VERSION size");
_Static_assert(_Alignof(HTTPAPI_VERSION) == 2, "HTTPAPI_VERSION align");
_Static_assert(offsetof(HTTPAPI_VERSION, HttpApiMajorVersion) == 0, "HTTPAPI_VERSION.HttpApiMajorVersion");
_Static_assert(offsetof(HTTPAPI_VERSION, HttpApiMinorVersion) == 2, "HTTPAPI_VERSION.HttpApiMinorVersion");
/* HTTP_VERSION */
_Static_assert(sizeof(HTTP_VERSION) == 4, "HTTP_VERSION size");
_Static_assert(_Alignof(HTTP_VERSION) == 2, "HTTP_VERSION align");
_Static_assert(offsetof(HTTP_VERSION, MajorVersion) == 0, "HTTP_VERSION.MajorVersion");
_Static_assert(offsetof(HTTP_VERSION, MinorVersion) == 2, "HTTP_VERSION.MinorVersion");
/* HTTP_KNOWN_HEADER */
_Static_assert(sizeof(HTTP_KNOWN_HEADER) == 16, "HTTP_KNOWN_HEADER size");
_Static_assert(_Alignof(HTTP_KNOWN_HEADER) == 8, "HTTP_KNOWN_HEADER align");
_Static_assert(offsetof(HTTP_KNOWN_HEADER, RawValueLength) == 0, "HTTP_KNOWN_HEADER.RawValueLength");
_Static_assert(offsetof(HTTP_KNOWN_HEADER, pRawValue) == 8, "HTTP_KNOWN_HEADER.pRawValue");
/* HTTP_UNKNOWN_HEADER */
_Static_assert(sizeof(HTTP_UNKNOWN_HEADER) == 24, "HTTP_UNKNOWN_HEADER size");
_Static_assert(_Alignof(HTTP_UNKNOWN_HEADER) == 8, "HTTP_UNKNOWN_HEADER align");
_Static_assert(offsetof(HTTP_UNKNOWN_HEADER, NameLength) == 0, "HTTP_UNKNOWN_HEADER.NameLength");
_Static_assert(offsetof(HTTP_UNKNOWN_HEADER, RawValueLength) == 2, "HTTP_UNKNOWN_HEADER.RawValueLength");
_Static_assert(offsetof(HTTP_UNKNOWN_HEADER, pName) == 8, "HTTP_UNKNOWN_HEADER.pName");
_Static_assert(offsetof(HTTP_UNKNOWN_HEADER, pRawValue) == 16, "HTTP_UNKNOWN_HEADER.pRawValue");
/* HTTP_COOKED_URL */
_Static_assert(sizeof(HTTP_COOKED_URL) == 40, "HTTP_COOKED_URL size");
_Static_assert(_Alignof(HTTP_COOKED_URL) == 8, "HTTP_COOKED_URL align");
_Static_assert(offsetof(HTTP_COOKED_URL, FullUrlLength) == 0, "HTTP_COOKED_URL.FullUrlLength");
_Static_assert(offsetof(HTTP_COOKED_URL, HostLength) == 2, "HTTP_COOKED_URL.HostLength");
_Static_assert(offsetof(HTTP_COOKED_URL, AbsPathLength) == 4, "HTTP_COOKED_URL.AbsPathLength");
_Static_assert(offsetof(HTTP_COOKED_URL, QueryStringLength) == 6, "HTTP_COOKED_URL.QueryStringLength");
_Static_assert(offsetof(HTTP_COOKED_URL, pFullUrl) == 8, "HTTP_COOKED_URL.pFullUrl");
_Static_assert(offsetof(HTTP_COOKED_URL, pHost) == 16, "HTTP_COOKED_URL.pHost");
_Static_assert(offsetof(HTTP_COOKED_URL, pAbsPath) == 24, "HTTP_COOKED_URL.pAbsPath");
_Static_assert(offsetof(HTTP_COOKED_URL, pQueryString) == 32, "HTTP_COOKED_URL.pQueryString");
/* HTTP_TRANSPORT_ADDRESS */
_Static_assert(sizeof(HTTP_TRANSPORT_ADDRESS) == 16, "HTTP_TRANSPORT_ADDRESS size");
_Static_assert(_Alignof(HTTP_TRANSPORT_ADDRESS) == 8, "HTTP_TRANSPORT_ADDRESS align");
_Static_assert(offsetof(HTTP_TRANSPORT_ADDRESS, pRemoteAddress) == 0, "HTTP_TRANSPORT_ADDRESS.pRemoteAddress");
_Static_assert(offsetof(HTTP_TRANSPORT_ADDRESS, pLocalAddress) == 8, "HTTP_TRANSPORT_ADDRESS.pLocalAddress");
/* HTTP_REQUEST_HEADERS */
_Static_assert(sizeof(HTTP_REQUEST_HEADERS) == 688, "HTTP_REQUEST_HEADERS size");
_Static_assert(_Alignof(HTTP_REQUEST_HEADERS) == 8, "HTTP_REQUEST_HEADERS align");
_Static_assert(offsetof(HTTP_REQUEST_HEADERS, UnknownHeaderCount) == 0, "HTTP_REQUEST_HEADERS.UnknownHeaderCount");
_Static_assert(offsetof(HTTP_REQUEST_HEADERS, pUnknownHeaders) == 8, "HTTP_REQUEST_HEADERS.pUnknownHeaders");
_Static_assert(offsetof(HTTP_REQUEST_HEADERS, TrailerCount) == 16, "HTTP_REQUEST_HEADERS.TrailerCount");
_Static_assert(offsetof(HTTP_REQUEST_HEADERS, pTrailers) == 24, "HTTP_REQUEST_HEADERS.pTrailers");
_Static_assert(offsetof(HTTP_REQUEST_HEADERS, KnownHeaders) == 32, "HTTP_REQUEST_HEADERS.KnownHeaders");
/* HTTP_RESPONSE_HEADERS */
_Static_assert(sizeof(HTTP_RESPONSE_HEADERS) == 512, "HTTP_RESPONSE_HEADERS size");
_Static_assert(_Alignof(HTTP_RESPONSE_HEADERS) == 8, "HTTP_RESPONSE_HEADERS align");
_Static_assert(offsetof(HTTP_RESPONSE_HEADERS, UnknownHeaderCount) == 0, "HTTP_RESPONSE_HEADERS.UnknownHeaderCount");
_Static_assert(offsetof(HTTP_RESPONSE_HEADERS, pUnknownHeaders) == 8, "HTTP_RESPONSE_HEADERS.pUnknownHeaders");
_Static_assert(offsetof(HTTP_RESPONSE_HEADERS, TrailerCount) == 16, "HTTP_RESPONSE_HEADERS.TrailerCount");
_Static_assert(offsetof(HTTP_RESPONSE_HEADERS, pTrailers) == 24, "HTTP_RESPONSE_HEADERS.pTrailers");
_Static_assert(offsetof(HTTP_RESPONSE_HEADERS, KnownHeaders) == 32, "HTTP_RESPONSE_HEADERS.KnownHeaders");
/* HTTP_BYTE_RANGE */
_Static_assert(sizeof(HTTP_BYTE_RANGE) == 16, "HTTP_BYTE_RANGE size");
_Static_assert(_Alignof(HTTP_BYTE_RANGE) == 8, "HTTP_BYTE_RANGE align");
_Static_assert(offsetof(HTTP_BYTE_RANGE, StartingOffset) == 0, "HTTP_BYTE_RANGE.StartingOffset");
_Static_assert(offsetof(HTTP_BYTE_RANGE, Length) == 8, "HTTP_BYTE_RANGE.Length");
/* HTTP_DATA_CHUNK */
_Static_assert(sizeof(HTTP_DATA_CHUNK) == 32, "HTTP_DATA_CHUNK size");
_Static_assert(_Alignof(HTTP_DATA_CHUNK) == 8, "HTTP_DATA_CHUNK align");
_Static_assert(offsetof(HTTP_DATA_CHUNK, DataChunkType) == 0, "HTTP_DATA_CHUNK.DataChunkType");
/* HTTP_DATA_CHUNK.FromMemory (union arm at 8) */
_Static_assert(sizeof((((HTTP_DATA_CHUNK *)0)->FromMemory)) == 16, "HTTP_DATA_CHUNK.FromMemory size");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromMemory) == 8, "HTTP_DATA_CHUNK.FromMemory offset");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromMemory.pBuffer) == 8, "HTTP_DATA_CHUNK.FromMemory.pBuffer");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromMemory.BufferLength) == 16, "HTTP_DATA_CHUNK.FromMemory.BufferLength");
/* HTTP_DATA_CHUNK.FromFileHandle (union arm at 8) */
_Static_assert(sizeof((((HTTP_DATA_CHUNK *)0)->FromFileHandle)) == 24, "HTTP_DATA_CHUNK.FromFileHandle size");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFileHandle) == 8, "HTTP_DATA_CHUNK.FromFileHandle offset");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFileHandle.ByteRange) == 8, "HTTP_DATA_CHUNK.FromFileHandle.ByteRange");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFileHandle.FileHandle) == 24, "HTTP_DATA_CHUNK.FromFileHandle.FileHandle");
/* HTTP_DATA_CHUNK.FromFragmentCache (union arm at 8) */
_Static_assert(sizeof((((HTTP_DATA_CHUNK *)0)->FromFragmentCache)) == 16, "HTTP_DATA_CHUNK.FromFragmentCache size");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFragmentCache) == 8, "HTTP_DATA_CHUNK.FromFragmentCache offset");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFragmentCache.FragmentNameLength) == 8, "HTTP_DATA_CHUNK.FromFragmentCache.FragmentNameLength");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFragmentCache.pFragmentName) == 16, "HTTP_DATA_CHUNK.FromFragmentCache.pFragmentName");
/* HTTP_DATA_CHUNK.FromFragmentCacheEx (union arm at 8) */
_Static_assert(sizeof((((HTTP_DATA_CHUNK *)0)->FromFragmentCacheEx)) == 24, "HTTP_DATA_CHUNK.FromFragmentCacheEx size");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFragmentCacheEx) == 8, "HTTP_DATA_CHUNK.FromFragmentCacheEx offset");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFragmentCacheEx.ByteRange) == 8, "HTTP_DATA_CHUNK.FromFragmentCacheEx.ByteRange");
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromFragmentCacheEx.pFragmentName) == 24, "HTTP_DATA_CHUNK.FromFragmentCacheEx.pFragmentName");
/* HTTP_DATA_CHUNK.Trailers (union arm at 8) */
_Static_assert(sizeof((((HTTP_DATA_CHUNK *)0)->Trailers)) == 16, "HTTP_DATA_CHUNK.Trailers size");
_Static_assert(offsetof(HTTP_DATA_CHUNK, Trailers) == 8, "HTTP_DATA_CHUNK.Trailers offset");
_Static_assert(offsetof(HTTP_DATA_CHUNK, Trailers.TrailerCount) == 8, "HTTP_DATA_CHUNK.Trailers.TrailerCount");
_Static_assert(offsetof(HTTP_DATA_CHUNK, Trailers.pTrailers) == 16, "HTTP_DATA_CHUNK.Trailers.pTrailers");
/* HTTP_SSL_CLIENT_CERT_INFO */
_Static_assert(sizeof(HTTP_SSL_CLIENT_CERT_INFO) == 32, "HTTP_SSL_CLIENT_CERT_INFO size");
_Static_assert(_Alignof(HTTP_SSL_CLIENT_CERT_INFO) == 8, "HTTP_SSL_CLIENT_CERT_INFO align");
_Static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, CertFlags) == 0, "HTTP_SSL_CLIENT_CERT_INFO.CertFlags");
_Static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, CertEncodedSize) == 4, "HTTP_SSL_CLIENT_CERT_INFO.CertEncodedSize");
_Static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, pCertEncoded) == 8, "HTTP_SSL_CLIENT_CERT_INFO.pCertEncoded");
_Static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, Token) == 16, "HTTP_SSL_CLIENT_CERT_INFO.Token");
_Static_assert(offsetof(HTTP_SSL_CLIENT_CERT_INFO, CertDeniedByMapper) == 24, "HTTP_SSL_CLIENT_CERT_INFO.CertDeniedByMapper");
/* HTTP_SSL_INFO */
_Static_assert(sizeof(HTTP_SSL_INFO) == 48, "HTTP_SSL_INFO size");
_Static_assert(_Alignof(HTTP_SSL_INFO) == 8, "HTTP_SSL_INFO align");
_Static_assert(offsetof(HTTP_SSL_INFO, ServerCertKeySize) == 0, "HTTP_SSL_INFO.ServerCertKeySize");
_Static_assert(offsetof(HTTP_SSL_INFO, ConnectionKeySize) == 2, "HTTP_SSL_INFO.ConnectionKeySize");
_Static_assert(offsetof(HTTP_SSL_INFO, ServerCertIssuerSize) == 4, "HTTP_SSL_INFO.ServerCertIssuerSize");
_Static_assert(offsetof(HTTP_SSL_INFO, ServerCertSubjectSize) == 8, "HTTP_SSL_INFO.ServerCertSubjectSize");
_Static_assert(offsetof(HTTP_SSL_INFO, pServerCertIssuer) == 16, "HTTP_SSL_INFO.pServerCertIssuer");
_Static_assert(offsetof(HTTP_SSL_INFO, pServerCertSubject) == 24, "HTTP_SSL_INFO.pServerCertSubject");
_Static_assert(offsetof(HTTP_SSL_INFO, pClientCertInfo) == 32, "HTTP_SSL_INFO.pClientCertInfo");
_Static_assert(offsetof(HTTP_SSL_INFO, SslClientCertNegotiated) == 40, "HTTP_SSL_INFO.SslClientCertNegotiated");
/* HTTP_REQUEST_V1 */
_Static_assert(sizeof(HTTP_REQUEST_V1) == 848, "HTTP_REQUEST_V1 size");
_Static_assert(_Alignof(HTTP_REQUEST_V1) == 8, "HTTP_REQUEST_V1 align");
_Static_assert(offsetof(HTTP_REQUEST_V1, Flags) == 0, "HTTP_REQUEST_V1.Flags");
_Static_assert(offsetof(HTTP_REQUEST_V1, ConnectionId) == 8, "HTTP_REQUEST_V1.ConnectionId");
_Static_assert(offsetof(HTTP_REQUEST_V1, RequestId) == 16, "HTTP_REQUEST_V1.RequestId");
_Static_assert(offsetof(HTTP_REQUEST_V1, UrlContext) == 24, "HTTP_REQUEST_V1.UrlContext");
_Static_assert(offsetof(HTTP_REQUEST_V1, Version) == 32, "HTTP_REQUEST_V1.Version");
_Static_assert(offsetof(HTTP_REQUEST_V1, Verb) == 36, "HTTP_REQUEST_V1.Verb");
_Static_assert(offsetof(HTTP_REQUEST_V1, UnknownVerbLength) == 40, "HTTP_REQUEST_V1.UnknownVerbLength");
_Static_assert(offsetof(HTTP_REQUEST_V1, RawUrlLength) == 42, "HTTP_REQUEST_V1.RawUrlLength");
_Static_assert(offsetof(HTTP_REQUEST_V1, pUnknownVerb) == 48, "HTTP_REQUEST_V1.pUnknownVerb");
_Static_assert(offsetof(HTTP_REQUEST_V1, pRawUrl) == 56, "HTTP_REQUEST_V1.pRawUrl");
_Static_assert(offsetof(HTTP_REQUEST_V1, CookedUrl) == 64, "HTTP_REQUEST_V1.CookedUrl");
_Static_assert(offsetof(HTTP_REQUEST_V1, Address) == 104, "HTTP_REQUEST_V1.Address");
_Static_assert(offsetof(HTTP_REQUEST_V1, Headers) == 120, "HTTP_REQUEST_V1.Headers");
_Static_assert(offsetof(HTTP_REQUEST_V1, BytesReceived) == 808, "HTTP_REQUEST_V1.BytesReceived");
_Static_assert(offsetof(HTTP_REQUEST_V1, EntityChunkCount) == 816, "HTTP_REQUEST_V1.EntityChunkCount");
_Static_assert(offsetof(HTTP_REQUEST_V1, pEntityChunks) == 824, "HTTP_REQUEST_V1.pEntityChunks");
_Static_assert(offsetof(HTTP_REQUEST_V1, RawConnectionId) == 832, "HTTP_REQUEST_V1.RawConnectionId");
_Static_assert(offsetof(HTTP_REQUEST_V1, pSslInfo) == 840, "HTTP_REQUEST_V1.pSslInfo");
/* HTTP_REQUEST_V2 */
_Static_assert(sizeof(HTTP_REQUEST_V2) == 864, "HTTP_REQUEST_V2 size");
_Static_assert(_Alignof(HTTP_REQUEST_V2) == 8, "HTTP_REQUEST_V2 align");
#ifndef __cplusplus
_Static_assert(offsetof(HTTP_REQUEST_V2, s) == 0, "HTTP_REQUEST_V2.s");
#endif
_Static_assert(offsetof(HTTP_REQUEST_V2, Flags) == 0, "HTTP_REQUEST_V2.Flags (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, ConnectionId) == 8, "HTTP_REQUEST_V2.ConnectionId (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, RequestId) == 16, "HTTP_REQUEST_V2.RequestId (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, UrlContext) == 24, "HTTP_REQUEST_V2.UrlContext (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, Version) == 32, "HTTP_REQUEST_V2.Version (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, Verb) == 36, "HTTP_REQUEST_V2.Verb (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, UnknownVerbLength) == 40, "HTTP_REQUEST_V2.UnknownVerbLength (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, RawUrlLength) == 42, "HTTP_REQUEST_V2.RawUrlLength (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, pUnknownVerb) == 48, "HTTP_REQUEST_V2.pUnknownVerb (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, pRawUrl) == 56, "HTTP_REQUEST_V2.pRawUrl (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, CookedUrl) == 64, "HTTP_REQUEST_V2.CookedUrl (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, Address) == 104, "HTTP_REQUEST_V2.Address (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, Headers) == 120, "HTTP_REQUEST_V2.Headers (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, BytesReceived) == 808, "HTTP_REQUEST_V2.BytesReceived (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, EntityChunkCount) == 816, "HTTP_REQUEST_V2.EntityChunkCount (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, pEntityChunks) == 824, "HTTP_REQUEST_V2.pEntityChunks (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, RawConnectionId) == 832, "HTTP_REQUEST_V2.RawConnectionId (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, pSslInfo) == 840, "HTTP_REQUEST_V2.pSslInfo (V1 member)");
_Static_assert(offsetof(HTTP_REQUEST_V2, RequestInfoCount) == 848, "HTTP_REQUEST_V2.RequestInfoCount");
_Static_assert(offsetof(HTTP_REQUEST_V2, pRequestInfo) == 856, "HTTP_REQUEST_V2.pRequestInfo");
/* HTTP_REQUEST_INFO */
_Static_assert(sizeof(HTTP_REQUEST_INFO) == 16, "HTTP_REQUEST_INFO size");
_Static_assert(_Alignof(HTTP_REQUEST_INFO) == 8, "HTTP_REQUEST_INFO align");
_Static_assert(offsetof(HTTP_REQUEST_INFO, InfoType) == 0, "HTTP_REQUEST_INFO.InfoType");
_Static_assert(offsetof(HTTP_REQUEST_INFO, InfoLength) == 4, "HTTP_REQUEST_INFO.InfoLength");
_Static_assert(offsetof(HTTP_REQUEST_INFO, pInfo) == 8, "HTTP_REQUEST_INFO.pInfo");
/* HTTP_RESPONSE_V1 */
_Static_assert(sizeof(HTTP_RESPONSE_V1) == 552, "HTTP_RESPONSE_V1 size");
_Static_assert(_Alignof(HTTP_RESPONSE_V1) == 8, "HTTP_RESPONSE_V1 align");
_Static_assert(offsetof(HTTP_RESPONSE_V1, Flags) == 0, "HTTP_RESPONSE_V1.Flags");
_Static_assert(offsetof(HTTP_RESPONSE_V1, Version) == 4, "HTTP_RESPONSE_V1.Version");
_Static_assert(offsetof(HTTP_RESPONSE_V1, StatusCode) == 8, "HTTP_RESPONSE_V1.StatusCode");
_Static_assert(offsetof(HTTP_RESPONSE_V1, ReasonLength) == 10, "HTTP_RESPONSE_V1.ReasonLength");
_Static_assert(offsetof(HTTP_RESPONSE_V1, pReason) == 16, "HTTP_RESPONSE_V1.pReason");
_Static_assert(offsetof(HTTP_RESPONSE_V1, Headers) == 24, "HTTP_RESPONSE_V1.Headers");
_Static_assert(offsetof(HTTP_RESPONSE_V1, EntityChunkCount) == 536, "HTTP_RESPONSE_V1.EntityChunkCount");
_Static_assert(offsetof(HTTP_RESPONSE_V1, pEntityChunks) == 544, "HTTP_RESPONSE_V1.pEntityChunks");
/* HTTP_RESPONSE_V2 */
_Static_assert(sizeof(HTTP_RESPONSE_V2) == 568, "HTTP_RESPONSE_V2 size");
_Static_assert(_Alignof(HTTP_RESPONSE_V2) == 8, "HTTP_RESPONSE_V2 align");
#ifndef __cplusplus
_Static_assert(offsetof(HTTP_RESPONSE_V2, s) == 0, "HTTP_RESPONSE_V2.s");
#endif
_Static_assert(offsetof(HTTP_RESPONSE_V2, Flags) == 0, "HTTP_RESPONSE_V2.Flags (V1 member)");
_Static_assert(offsetof(HTTP_RESPONSE_V2, Version) == 4, "HTTP_RESPONSE_V2.Version (V1 member)");
_Static_assert(offsetof(HTTP_RESPONSE_V2, StatusCode) == 8, "HTTP_RESPONSE_V2.StatusCode (V1 member)");
_Static_assert(offsetof(HTTP_RESPONSE_V2, ReasonLength) == 10, "HTTP_RESPONSE_V2.ReasonLength (V1 member)");
_Static_assert(offsetof(HTTP_RESPONSE_V2, pReason) == 16, "HTTP_RESPONSE_V2.pReason (V1 member)");
_Static_assert(offsetof(HTTP_RESPONSE_V2, Headers) == 24, "HTTP_RESPONSE_V2.Headers (V1 member)");
_Static_assert(offsetof(HTTP_RESPONSE_V2, EntityChunkCount) == 536, "HTTP_RESPONSE_V2.EntityChunkCount (V1 member)");
_Static_assert(offsetof(HTTP_RESPONSE_V2, pEntityChunks) == 544, "HTTP_RESPONSE_V2.pEntityChunks (V1 member)");
_Static_assert(offsetof(HTTP_RESPONSE_V2, ResponseInfoCount) == 552, "HTTP_RESPONSE_V2.ResponseInfoCount");
_Static_assert(offsetof(HTTP_RESPONSE_V2, pResponseInfo) == 560, "HTTP_RESPONSE_V2.pResponseInfo");
/* HTTP_RESPONSE_INFO */
_Static_assert(sizeof(HTTP_RESPONSE_INFO) == 16, "HTTP_RESPONSE_INFO size");
_Static_assert(_Alignof(HTTP_RESPONSE_INFO) == 8, "HTTP_RESPONSE_INFO align");
_Static_assert(offsetof(HTTP_RESPONSE_INFO, Type) == 0, "HTTP_RESPONSE_INFO.Type");
_Static_assert(offsetof(HTTP_RESPONSE_INFO, Length) == 4, "HTTP_RESPONSE_INFO.Length");
_Static_assert(offsetof(HTTP_RESPONSE_INFO, pInfo) == 8, "HTTP_RESPONSE_INFO.pInfo");
/* HTTP_MULTIPLE_KNOWN_HEADERS */
_Static_assert(sizeof(HTTP_MULTIPLE_KNOWN_HEADERS) == 24, "HTTP_MULTIPLE_KNOWN_HEADERS size");
_Static_assert(_Alignof(HTTP_MULTIPLE_KNOWN_HEADERS) == 8, "HTTP_MULTIPLE_KNOWN_HEADERS align");
_Static_assert(offsetof(HTTP_MULTIPLE_KNOWN_HEADERS, HeaderId) == 0, "HTTP_MULTIPLE_KNOWN_HEADERS.HeaderId");
_Static_assert(offsetof(HTTP_MULTIPLE_KNOWN_HEADERS, Flags) == 4, "HTTP_MULTIPLE_KNOWN_HEADERS.Flags");
_Static_assert(offsetof(HTTP_MULTIPLE_KNOWN_HEADERS, KnownHeaderCount) == 8, "HTTP_MULTIPLE_KNOWN_HEADERS.KnownHeaderCount");
_Static_assert(offsetof(HTTP_MULTIPLE_KNOWN_HEADERS, KnownHeaders) == 16, "HTTP_MULTIPLE_KNOWN_HEADERS.KnownHeaders");
/* HTTP_CACHE_POLICY */
_Static_assert(sizeof(HTTP_CACHE_POLICY) == 8, "HTTP_CACHE_POLICY size");
_Static_assert(_Alignof(HTTP_CACHE_POLICY) == 4, "HTTP_CACHE_POLICY align");
_Static_assert(offsetof(HTTP_CACHE_POLICY, Policy) == 0, "HTTP_CACHE_POLICY.Policy");
_Static_assert(offsetof(HTTP_CACHE_POLICY, SecondsToLive) == 4, "HTTP_CACHE_POLICY.SecondsToLive");
/* HTTP_LOG_DATA */
_Static_assert(sizeof(HTTP_LOG_DATA) == 4, "HTTP_LOG_DATA size");
_Static_assert(_Alignof(HTTP_LOG_DATA) == 4, "HTTP_LOG_DATA align");
_Static_assert(offsetof(HTTP_LOG_DATA, Type) == 0, "HTTP_LOG_DATA.Type");
/* HTTP_LOG_FIELDS_DATA */
_Static_assert(sizeof(HTTP_LOG_FIELDS_DATA) == 144, "HTTP_LOG_FIELDS_DATA size");
_Static_assert(_Alignof(HTTP_LOG_FIELDS_DATA) == 8, "HTTP_LOG_FIELDS_DATA align");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, Base) == 0, "HTTP_LOG_FIELDS_DATA.Base");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UserNameLength) == 4, "HTTP_LOG_FIELDS_DATA.UserNameLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UriStemLength) == 6, "HTTP_LOG_FIELDS_DATA.UriStemLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ClientIpLength) == 8, "HTTP_LOG_FIELDS_DATA.ClientIpLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServerNameLength) == 10, "HTTP_LOG_FIELDS_DATA.ServerNameLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServiceNameLength) == 12, "HTTP_LOG_FIELDS_DATA.ServiceNameLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServerIpLength) == 14, "HTTP_LOG_FIELDS_DATA.ServerIpLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, MethodLength) == 16, "HTTP_LOG_FIELDS_DATA.MethodLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UriQueryLength) == 18, "HTTP_LOG_FIELDS_DATA.UriQueryLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, HostLength) == 20, "HTTP_LOG_FIELDS_DATA.HostLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UserAgentLength) == 22, "HTTP_LOG_FIELDS_DATA.UserAgentLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, CookieLength) == 24, "HTTP_LOG_FIELDS_DATA.CookieLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ReferrerLength) == 26, "HTTP_LOG_FIELDS_DATA.ReferrerLength");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UserName) == 32, "HTTP_LOG_FIELDS_DATA.UserName");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UriStem) == 40, "HTTP_LOG_FIELDS_DATA.UriStem");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ClientIp) == 48, "HTTP_LOG_FIELDS_DATA.ClientIp");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServerName) == 56, "HTTP_LOG_FIELDS_DATA.ServerName");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServiceName) == 64, "HTTP_LOG_FIELDS_DATA.ServiceName");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServerIp) == 72, "HTTP_LOG_FIELDS_DATA.ServerIp");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, Method) == 80, "HTTP_LOG_FIELDS_DATA.Method");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UriQuery) == 88, "HTTP_LOG_FIELDS_DATA.UriQuery");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, Host) == 96, "HTTP_LOG_FIELDS_DATA.Host");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, UserAgent) == 104, "HTTP_LOG_FIELDS_DATA.UserAgent");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, Cookie) == 112, "HTTP_LOG_FIELDS_DATA.Cookie");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, Referrer) == 120, "HTTP_LOG_FIELDS_DATA.Referrer");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ServerPort) == 128, "HTTP_LOG_FIELDS_DATA.ServerPort");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, ProtocolStatus) == 130, "HTTP_LOG_FIELDS_DATA.ProtocolStatus");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, Win32Status) == 132, "HTTP_LOG_FIELDS_DATA.Win32Status");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, MethodNum) == 136, "HTTP_LOG_FIELDS_DATA.MethodNum");
_Static_assert(offsetof(HTTP_LOG_FIELDS_DATA, SubStatus) == 140, "HTTP_LOG_FIELDS_DATA.SubStatus");
/* HTTP_PROPERTY_FLAGS */
_Static_assert(sizeof(HTTP_PROPERTY_FLAGS) == 4, "HTTP_PROPERTY_FLAGS size");
_Static_assert(_Alignof(HTTP_PROPERTY_FLAGS) == 4, "HTTP_PROPERTY_FLAGS align");
/* HTTP_BINDING_INFO */
_Static_assert(sizeof(HTTP_BINDING_INFO) == 16, "HTTP_BINDING_INFO size");
_Static_assert(_Alignof(HTTP_BINDING_INFO) == 8, "HTTP_BINDING_INFO align");
_Static_assert(offsetof(HTTP_BINDING_INFO, Flags) == 0, "HTTP_BINDING_INFO.Flags");
_Static_assert(offsetof(HTTP_BINDING_INFO, RequestQueueHandle) == 8, "HTTP_BINDING_INFO.RequestQueueHandle");
/* HTTP_STATE_INFO */
_Static_assert(sizeof(HTTP_STATE_INFO) == 8, "HTTP_STATE_INFO size");
_Static_assert(_Alignof(HTTP_STATE_INFO) == 4, "HTTP_STATE_INFO align");
_Static_assert(offsetof(HTTP_STATE_INFO, Flags) == 0, "HTTP_STATE_INFO.Flags");
_Static_assert(offsetof(HTTP_STATE_INFO, State) == 4, "HTTP_STATE_INFO.State");
/* HTTP_TIMEOUT_LIMIT_INFO */
_Static_assert(sizeof(HTTP_TIMEOUT_LIMIT_INFO) == 20, "HTTP_TIMEOUT_LIMIT_INFO size");
_Static_assert(_Alignof(HTTP_TIMEOUT_LIMIT_INFO) == 4, "HTTP_TIMEOUT_LIMIT_INFO align");
_Static_assert(offsetof(HTTP_TIMEOUT_LIMIT_INFO, Flags) == 0, "HTTP_TIMEOUT_LIMIT_INFO.Flags");
_Static_assert(offsetof(HTTP_TIMEOUT_LIMIT_INFO, EntityBody) == 4, "HTTP_TIMEOUT_LIMIT_INFO.EntityBody");
_Static_assert(offsetof(HTTP_TIMEOUT_LIMIT_INFO, DrainEntityBody) == 6, "HTTP_TIMEOUT_LIMIT_INFO.DrainEntityBody");
_Static_assert(offsetof(HTTP_TIMEOUT_LIMIT_INFO, RequestQueue) == 8, "HTTP_TIMEOUT_LIMIT_INFO.RequestQueue");
_Static_assert(offsetof(HTTP_TIMEOUT_LIMIT_INFO, IdleConnection) == 10, "HTTP_TIMEOUT_LIMIT_INFO.IdleConnection");
_Static_assert(offsetof(HTTP_TIMEOUT_LIMIT_INFO, HeaderWait) == 12, "HTTP_TIMEOUT_LIMIT_INFO.HeaderWait");
_Static_assert(offsetof(HTTP_TIMEOUT_LIMIT_INFO, MinSendRate) == 16, "HTTP_TIMEOUT_LIMIT_INFO.MinSendRate");
/* HTTP_QOS_SETTING_INFO */
_Static_assert(sizeof(HTTP_QOS_SETTING_INFO) == 16, "HTTP_QOS_SETTING_INFO size");
_Static_assert(_Alignof(HTTP_QOS_SETTING_INFO) == 8, "HTTP_QOS_SETTING_INFO align");
_Static_assert(offsetof(HTTP_QOS_SETTING_INFO, QosType) == 0, "HTTP_QOS_SETTING_INFO.QosType");
_Static_assert(offsetof(HTTP_QOS_SETTING_INFO, QosSetting) == 8, "HTTP_QOS_SETTING_INFO.QosSetting");
/* HTTP_BANDWIDTH_LIMIT_INFO */
_Static_assert(sizeof(HTTP_BANDWIDTH_LIMIT_INFO) == 8, "HTTP_BANDWIDTH_LIMIT_INFO size");
_Static_assert(_Alignof(HTTP_BANDWIDTH_LIMIT_INFO) == 4, "HTTP_BANDWIDTH_LIMIT_INFO align");
_Static_assert(offsetof(HTTP_BANDWIDTH_LIMIT_INFO, Flags) == 0, "HTTP_BANDWIDTH_LIMIT_INFO.Flags");
_Static_assert(offsetof(HTTP_BANDWIDTH_LIMIT_INFO, MaxBandwidth) == 4, "HTTP_BANDWIDTH_LIMIT_INFO.MaxBandwidth");
/* HTTP_CONNECTION_LIMIT_INFO */
_Static_assert(sizeof(HTTP_CONNECTION_LIMIT_INFO) == 8, "HTTP_CONNECTION_LIMIT_INFO size");
_Static_assert(_Alignof(HTTP_CONNECTION_LIMIT_INFO) == 4, "HTTP_CONNECTION_LIMIT_INFO align");
_Static_assert(offsetof(HTTP_CONNECTION_LIMIT_INFO, Flags) == 0, "HTTP_CONNECTION_LIMIT_INFO.Flags");
_Static_assert(offsetof(HTTP_CONNECTION_LIMIT_INFO, MaxConnections) == 4, "HTTP_CONNECTION_LIMIT_INFO.MaxConnections");
/* HTTP_FLOWRATE_INFO */
_Static_assert(sizeof(HTTP_FLOWRATE_INFO) == 16, "HTTP_FLOWRATE_INFO size");
_Static_assert(_Alignof(HTTP_FLOWRATE_INFO) == 4, "HTTP_FLOWRATE_INFO align");
_Static_assert(offsetof(HTTP_FLOWRATE_INFO, Flags) == 0, "HTTP_FLOWRATE_INFO.Flags");
_Static_assert(offsetof(HTTP_FLOWRATE_INFO, MaxBandwidth) == 4, "HTTP_FLOWRATE_INFO.MaxBandwidth");
_Static_assert(offsetof(HTTP_FLOWRATE_INFO, MaxPeakBandwidth) == 8, "HTTP_FLOWRATE_INFO.MaxPeakBandwidth");
_Static_assert(offsetof(HTTP_FLOWRATE_INFO, BurstSize) == 12, "HTTP_FLOWRATE_INFO.BurstSize");
/* HTTP_LOGGING_INFO */
_Static_assert(sizeof(HTTP_LOGGING_INFO) == 72, "HTTP_LOGGING_INFO size");
_Static_assert(_Alignof(HTTP_LOGGING_INFO) == 8, "HTTP_LOGGING_INFO align");
_Static_assert(offsetof(HTTP_LOGGING_INFO, Flags) == 0, "HTTP_LOGGING_INFO.Flags");
_Static_assert(offsetof(HTTP_LOGGING_INFO, LoggingFlags) == 4, "HTTP_LOGGING_INFO.LoggingFlags");
_Static_assert(offsetof(HTTP_LOGGING_INFO, SoftwareName) == 8, "HTTP_LOGGING_INFO.SoftwareName");
_Static_assert(offsetof(HTTP_LOGGING_INFO, SoftwareNameLength) == 16, "HTTP_LOGGING_INFO.SoftwareNameLength");
_Static_assert(offsetof(HTTP_LOGGING_INFO, DirectoryNameLength) == 18, "HTTP_LOGGING_INFO.DirectoryNameLength");
_Static_assert(offsetof(HTTP_LOGGING_INFO, DirectoryName) == 24, "HTTP_LOGGING_INFO.DirectoryName");
_Static_assert(offsetof(HTTP_LOGGING_INFO, Format) == 32, "HTTP_LOGGING_INFO.Format");
_Static_assert(offsetof(HTTP_LOGGING_INFO, Fields) == 36, "HTTP_LOGGING_INFO.Fields");
_Static_assert(offsetof(HTTP_LOGGING_INFO, pExtFields) == 40, "HTTP_LOGGING_INFO.pExtFields");
_Static_assert(offsetof(HTTP_LOGGING_INFO, NumOfExtFields) == 48, "HTTP_LOGGING_INFO.NumOfExtFields");
_Static_assert(offsetof(HTTP_LOGGING_INFO, MaxRecordSize) == 50, "HTTP_LOGGING_INFO.MaxRecordSize");
_Static_assert(offsetof(HTTP_LOGGING_INFO, RolloverType) == 52, "HTTP_LOGGING_INFO.RolloverType");
_Static_assert(offsetof(HTTP_LOGGING_INFO, RolloverSize) == 56, "HTTP_LOGGING_INFO.RolloverSize");
_Static_assert(offsetof(HTTP_LOGGING_INFO, pSecurityDescriptor) == 64, "HTTP_LOGGING_INFO.pSecurityDescriptor");
/* HTTP_LISTEN_ENDPOINT_INFO */
_Static_assert(sizeof(HTTP_LISTEN_ENDPOINT_INFO) == 8, "HTTP_LISTEN_ENDPOINT_INFO size");
_Static_assert(_Alignof(HTTP_LISTEN_ENDPOINT_INFO) == 4, "HTTP_LISTEN_ENDPOINT_INFO align");
_Static_assert(offsetof(HTTP_LISTEN_ENDPOINT_INFO, Flags) == 0, "HTTP_LISTEN_ENDPOINT_INFO.Flags");
_Static_assert(offsetof(HTTP_LISTEN_ENDPOINT_INFO, EnableSharing) == 4, "HTTP_LISTEN_ENDPOINT_INFO.EnableSharing");
/* HTTP_PROTECTION_LEVEL_INFO */
_Static_assert(sizeof(HTTP_PROTECTION_LEVEL_INFO) == 8, "HTTP_PROTECTION_LEVEL_INFO size");
_Static_assert(_Alignof(HTTP_PROTECTION_LEVEL_INFO) == 4, "HTTP_PROTECTION_LEVEL_INFO align");
_Static_assert(offsetof(HTTP_PROTECTION_LEVEL_INFO, Flags) == 0, "HTTP_PROTECTION_LEVEL_INFO.Flags");
_Static_assert(offsetof(HTTP_PROTECTION_LEVEL_INFO, Level) == 4, "HTTP_PROTECTION_LEVEL_INFO.Level");
/* HTTP_SERVER_AUTHENTICATION_INFO */
_Static_assert(sizeof(HTTP_SERVER_AUTHENTICATION_INFO) == 64, "HTTP_SERVER_AUTHENTICATION_INFO size");
_Static_assert(_Alignof(HTTP_SERVER_AUTHENTICATION_INFO) == 8, "HTTP_SERVER_AUTHENTICATION_INFO align");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_INFO, Flags) == 0, "HTTP_SERVER_AUTHENTICATION_INFO.Flags");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_INFO, AuthSchemes) == 4, "HTTP_SERVER_AUTHENTICATION_INFO.AuthSchemes");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_INFO, ReceiveMutualAuth) == 8, "HTTP_SERVER_AUTHENTICATION_INFO.ReceiveMutualAuth");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_INFO, ReceiveContextHandle) == 9, "HTTP_SERVER_AUTHENTICATION_INFO.ReceiveContextHandle");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_INFO, DisableNTLMCredentialCaching) == 10, "HTTP_SERVER_AUTHENTICATION_INFO.DisableNTLMCredentialCaching");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_INFO, ExFlags) == 11, "HTTP_SERVER_AUTHENTICATION_INFO.ExFlags");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_INFO, DigestParams) == 16, "HTTP_SERVER_AUTHENTICATION_INFO.DigestParams");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_INFO, BasicParams) == 48, "HTTP_SERVER_AUTHENTICATION_INFO.BasicParams");
/* HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS */
_Static_assert(sizeof(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS) == 32, "HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS size");
_Static_assert(_Alignof(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS) == 8, "HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS align");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS, DomainNameLength) == 0, "HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS.DomainNameLength");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS, DomainName) == 8, "HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS.DomainName");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS, RealmLength) == 16, "HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS.RealmLength");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS, Realm) == 24, "HTTP_SERVER_AUTHENTICATION_DIGEST_PARAMS.Realm");
/* HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS */
_Static_assert(sizeof(HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS) == 16, "HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS size");
_Static_assert(_Alignof(HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS) == 8, "HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS align");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS, RealmLength) == 0, "HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS.RealmLength");
_Static_assert(offsetof(HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS, Realm) == 8, "HTTP_SERVER_AUTHENTICATION_BASIC_PARAMS.Realm");
/* HTTP_CHANNEL_BIND_INFO */
_Static_assert(sizeof(HTTP_CHANNEL_BIND_INFO) == 24, "HTTP_CHANNEL_BIND_INFO size");
_Static_assert(_Alignof(HTTP_CHANNEL_BIND_INFO) == 8, "HTTP_CHANNEL_BIND_INFO align");
_Static_assert(offsetof(HTTP_CHANNEL_BIND_INFO, Hardening) == 0, "HTTP_CHANNEL_BIND_INFO.Hardening");
_Static_assert(offsetof(HTTP_CHANNEL_BIND_INFO, Flags) == 4, "HTTP_CHANNEL_BIND_INFO.Flags");
_Static_assert(offsetof(HTTP_CHANNEL_BIND_INFO, ServiceNames) == 8, "HTTP_CHANNEL_BIND_INFO.ServiceNames");
_Static_assert(offsetof(HTTP_CHANNEL_BIND_INFO, NumberOfServiceNames) == 16, "HTTP_CHANNEL_BIND_INFO.NumberOfServiceNames");
/* HTTP_SERVICE_BINDING_BASE */
_Static_assert(sizeof(HTTP_SERVICE_BINDING_BASE) == 4, "HTTP_SERVICE_BINDING_BASE size");
_Static_assert(_Alignof(HTTP_SERVICE_BINDING_BASE) == 4, "HTTP_SERVICE_BINDING_BASE align");
_Static_assert(offsetof(HTTP_SERVICE_BINDING_BASE, Type) == 0, "HTTP_SERVICE_BINDING_BASE.Type");
/* HTTP_SERVICE_BINDING_A */
_Static_assert(sizeof(HTTP_SERVICE_BINDING_A) == 24, "HTTP_SERVICE_BINDING_A size");
_Static_assert(_Alignof(HTTP_SERVICE_BINDING_A) == 8, "HTTP_SERVICE_BINDING_A align");
_Static_assert(offsetof(HTTP_SERVICE_BINDING_A, Base) == 0, "HTTP_SERVICE_BINDING_A.Base");
_Static_assert(offsetof(HTTP_SERVICE_BINDING_A, Buffer) == 8, "HTTP_SERVICE_BINDING_A.Buffer");
_Static_assert(offsetof(HTTP_SERVICE_BINDING_A, BufferSize) == 16, "HTTP_SERVICE_BINDING_A.BufferSize");
/* HTTP_SERVICE_BINDING_W */
_Static_assert(sizeof(HTTP_SERVICE_BINDING_W) == 24, "HTTP_SERVICE_BINDING_W size");
_Static_assert(_Alignof(HTTP_SERVICE_BINDING_W) == 8, "HTTP_SERVICE_BINDING_W align");
_Static_assert(offsetof(HTTP_SERVICE_BINDING_W, Base) == 0, "HTTP_SERVICE_BINDING_W.Base");
_Static_assert(offsetof(HTTP_SERVICE_BINDING_W, Buffer) == 8, "HTTP_SERVICE_BINDING_W.Buffer");
_Static_assert(offsetof(HTTP_SERVICE_BINDING_W, BufferSize) == 16, "HTTP_SERVICE_BINDING_W.BufferSize");
/* HTTP_REQUEST_CHANNEL_BIND_STATUS */
_Static_assert(sizeof(HTTP_REQUEST_CHANNEL_BIND_STATUS) == 24, "HTTP_REQUEST_CHANNEL_BIND_STATUS size");
_Static_assert(_Alignof(HTTP_REQUEST_CHANNEL_BIND_STATUS) == 8, "HTTP_REQUEST_CHANNEL_BIND_STATUS align");
_Static_assert(offsetof(HTTP_REQUEST_CHANNEL_BIND_STATUS, ServiceName) == 0, "HTTP_REQUEST_CHANNEL_BIND_STATUS.ServiceName");
_Static_assert(offsetof(HTTP_REQUEST_CHANNEL_BIND_STATUS, ChannelToken) == 8, "HTTP_REQUEST_CHANNEL_BIND_STATUS.ChannelToken");
_Static_assert(offsetof(HTTP_REQUEST_CHANNEL_BIND_STATUS, ChannelTokenSize) == 16, "HTTP_REQUEST_CHANNEL_BIND_STATUS.ChannelTokenSize");
_Static_assert(offsetof(HTTP_REQUEST_CHANNEL_BIND_STATUS, Flags) == 20, "HTTP_REQUEST_CHANNEL_BIND_STATUS.Flags");
/* HTTP_REQUEST_AUTH_INFO */
_Static_assert(sizeof(HTTP_REQUEST_AUTH_INFO) == 80, "HTTP_REQUEST_AUTH_INFO size");
_Static_assert(_Alignof(HTTP_REQUEST_AUTH_INFO) == 8, "HTTP_REQUEST_AUTH_INFO align");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, AuthStatus) == 0, "HTTP_REQUEST_AUTH_INFO.AuthStatus");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, SecStatus) == 4, "HTTP_REQUEST_AUTH_INFO.SecStatus");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, Flags) == 8, "HTTP_REQUEST_AUTH_INFO.Flags");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, AuthType) == 12, "HTTP_REQUEST_AUTH_INFO.AuthType");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, AccessToken) == 16, "HTTP_REQUEST_AUTH_INFO.AccessToken");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, ContextAttributes) == 24, "HTTP_REQUEST_AUTH_INFO.ContextAttributes");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, PackedContextLength) == 28, "HTTP_REQUEST_AUTH_INFO.PackedContextLength");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, PackedContextType) == 32, "HTTP_REQUEST_AUTH_INFO.PackedContextType");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, PackedContext) == 40, "HTTP_REQUEST_AUTH_INFO.PackedContext");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, MutualAuthDataLength) == 48, "HTTP_REQUEST_AUTH_INFO.MutualAuthDataLength");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, pMutualAuthData) == 56, "HTTP_REQUEST_AUTH_INFO.pMutualAuthData");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, PackageNameLength) == 64, "HTTP_REQUEST_AUTH_INFO.PackageNameLength");
_Static_assert(offsetof(HTTP_REQUEST_AUTH_INFO, pPackageName) == 72, "HTTP_REQUEST_AUTH_INFO.pPackageName");
/* HTTP_SSL_PROTOCOL_INFO */
_Static_assert(sizeof(HTTP_SSL_PROTOCOL_INFO) == 28, "HTTP_SSL_PROTOCOL_INFO size");
_Static_assert(_Alignof(HTTP_SSL_PROTOCOL_INFO) == 4, "HTTP_SSL_PROTOCOL_INFO align");
_Static_assert(offsetof(HTTP_SSL_PROTOCOL_INFO, Protocol) == 0, "HTTP_SSL_PROTOCOL_INFO.Protocol");
_Static_assert(offsetof(HTTP_SSL_PROTOCOL_INFO, CipherType) == 4, "HTTP_SSL_PROTOCOL_INFO.CipherType");
_Static_assert(offsetof(HTTP_SSL_PROTOCOL_INFO, CipherStrength) == 8, "HTTP_SSL_PROTOCOL_INFO.CipherStrength");
_Static_assert(offsetof(HTTP_SSL_PROTOCOL_INFO, HashType) == 12, "HTTP_SSL_PROTOCOL_INFO.HashType");
_Static_assert(offsetof(HTTP_SSL_PROTOCOL_INFO, HashStrength) == 16, "HTTP_SSL_PROTOCOL_INFO.HashStrength");
_Static_assert(offsetof(HTTP_SSL_PROTOCOL_INFO, KeyExchangeType) == 20, "HTTP_SSL_PROTOCOL_INFO.KeyExchangeType");
_Static_assert(offsetof(HTTP_SSL_PROTOCOL_INFO, KeyExchangeStrength) == 24, "HTTP_SSL_PROTOCOL_INFO.KeyExchangeStrength");
/* HTTP_REQUEST_TOKEN_BINDING_INFO */
_Static_assert(sizeof(HTTP_REQUEST_TOKEN_BINDING_INFO) == 32, "HTTP_REQUEST_TOKEN_BINDING_INFO size");
_Static_assert(_Alignof(HTTP_REQUEST_TOKEN_BINDING_INFO) == 8, "HTTP_REQUEST_TOKEN_BINDING_INFO align");
_Static_assert(offsetof(HTTP_REQUEST_TOKEN_BINDING_INFO, TokenBinding) == 0, "HTTP_REQUEST_TOKEN_BINDING_INFO.TokenBinding");
_Static_assert(offsetof(HTTP_REQUEST_TOKEN_BINDING_INFO, TokenBindingSize) == 8, "HTTP_REQUEST_TOKEN_BINDING_INFO.TokenBindingSize");
_Static_assert(offsetof(HTTP_REQUEST_TOKEN_BINDING_INFO, EKM) == 16, "HTTP_REQUEST_TOKEN_BINDING_INFO.EKM");
_Static_assert(offsetof(HTTP_REQUEST_TOKEN_BINDING_INFO, EKMSize) == 24, "HTTP_REQUEST_TOKEN_BINDING_INFO.EKMSize");
_Static_assert(offsetof(HTTP_REQUEST_TOKEN_BINDING_INFO, KeyType) == 28, "HTTP_REQUEST_TOKEN_BINDING_INFO.KeyType");
/* HTTP_REQUEST_TIMING_INFO */
_Static_assert(sizeof(HTTP_REQUEST_TIMING_INFO) == 248, "HTTP_REQUEST_TIMING_INFO size");
_Static_assert(_Alignof(HTTP_REQUEST_TIMING_INFO) == 8, "HTTP_REQUEST_TIMING_INFO align");
_Static_assert(offsetof(HTTP_REQUEST_TIMING_INFO, RequestTimingCount) == 0, "HTTP_REQUEST_TIMING_INFO.RequestTimingCount");
_Static_assert(offsetof(HTTP_REQUEST_TIMING_INFO, RequestTiming) == 8, "HTTP_REQUEST_TIMING_INFO.RequestTiming");
/* HTTP_REQUEST_SIZING_INFO */
_Static_assert(sizeof(HTTP_REQUEST_SIZING_INFO) == 56, "HTTP_REQUEST_SIZING_INFO size");
_Static_assert(_Alignof(HTTP_REQUEST_SIZING_INFO) == 8, "HTTP_REQUEST_SIZING_INFO align");
_Static_assert(offsetof(HTTP_REQUEST_SIZING_INFO, Flags) == 0, "HTTP_REQUEST_SIZING_INFO.Flags");
_Static_assert(offsetof(HTTP_REQUEST_SIZING_INFO, RequestIndex) == 8, "HTTP_REQUEST_SIZING_INFO.RequestIndex");
_Static_assert(offsetof(HTTP_REQUEST_SIZING_INFO, RequestSizingCount) == 12, "HTTP_REQUEST_SIZING_INFO.RequestSizingCount");
_Static_assert(offsetof(HTTP_REQUEST_SIZING_INFO, RequestSizing) == 16, "HTTP_REQUEST_SIZING_INFO.RequestSizing");
/* HTTP_REQUEST_PROPERTY_SNI */
/* Windows: WCHAR Hostname[256] is 512 bytes (size 516); with 4-byte wchar_t it is 1024 (size 1028) */
_Static_assert(sizeof(HTTP_REQUEST_PROPERTY_SNI) == 256 * sizeof(WCHAR) + 4, "HTTP_REQUEST_PROPERTY_SNI size");
_Static_assert(offsetof(HTTP_REQUEST_PROPERTY_SNI, Hostname) == 0, "HTTP_REQUEST_PROPERTY_SNI.Hostname");
_Static_assert(offsetof(HTTP_REQUEST_PROPERTY_SNI, Flags) == 256 * sizeof(WCHAR), "HTTP_REQUEST_PROPERTY_SNI.Flags");
_Static_assert(_Alignof(HTTP_REQUEST_PROPERTY_SNI) == 4, "HTTP_REQUEST_PROPERTY_SNI align");
#if WINHTTPAPI_WCHAR_IS_16
_Static_assert(sizeof(HTTP_REQUEST_PROPERTY_SNI) == 516, "HTTP_REQUEST_PROPERTY_SNI Windows size with 16-bit wchar_t");
#endif
/* HTTP_REQUEST_PROPERTY_STREAM_ERROR */
_Static_assert(sizeof(HTTP_REQUEST_PROPERTY_STREAM_ERROR) == 4, "HTTP_REQUEST_PROPERTY_STREAM_ERROR size");
_Static_assert(_Alignof(HTTP_REQUEST_PROPERTY_STREAM_ERROR) == 4, "HTTP_REQUEST_PROPERTY_STREAM_ERROR align");
_Static_assert(offsetof(HTTP_REQUEST_PROPERTY_STREAM_ERROR, ErrorCode) == 0, "HTTP_REQUEST_PROPERTY_STREAM_ERROR.ErrorCode");
/* HTTP_QUERY_REQUEST_QUALIFIER_TCP */
_Static_assert(sizeof(HTTP_QUERY_REQUEST_QUALIFIER_TCP) == 8, "HTTP_QUERY_REQUEST_QUALIFIER_TCP size");
_Static_assert(_Alignof(HTTP_QUERY_REQUEST_QUALIFIER_TCP) == 8, "HTTP_QUERY_REQUEST_QUALIFIER_TCP align");
_Static_assert(offsetof(HTTP_QUERY_REQUEST_QUALIFIER_TCP, Freshness) == 0, "HTTP_QUERY_REQUEST_QUALIFIER_TCP.Freshness");
/* HTTP_QUERY_REQUEST_QUALIFIER_QUIC */
_Static_assert(sizeof(HTTP_QUERY_REQUEST_QUALIFIER_QUIC) == 8, "HTTP_QUERY_REQUEST_QUALIFIER_QUIC size");
_Static_assert(_Alignof(HTTP_QUERY_REQUEST_QUALIFIER_QUIC) == 8, "HTTP_QUERY_REQUEST_QUALIFIER_QUIC align");
_Static_assert(offsetof(HTTP_QUERY_REQUEST_QUALIFIER_QUIC, Freshness) == 0, "HTTP_QUERY_REQUEST_QUALIFIER_QUIC.Freshness");
/* HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO */
_Static_assert(sizeof(HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO) == 16, "HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO size");
_Static_assert(_Alignof(HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO) == 8, "HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO align");
_Static_assert(offsetof(HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO, PropertyId) == 0, "HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO.PropertyId");
_Static_assert(offsetof(HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO, PropertyInfoLength) == 4, "HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO.PropertyInfoLength");
_Static_assert(offsetof(HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO, PropertyInfo) == 8, "HTTP_CREATE_REQUEST_QUEUE_PROPERTY_INFO.PropertyInfo");
/* HTTP_DELEGATE_REQUEST_PROPERTY_INFO */
_Static_assert(sizeof(HTTP_DELEGATE_REQUEST_PROPERTY_INFO) == 16, "HTTP_DELEGATE_REQUEST_PROPERTY_INFO size");
_Static_assert(_Alignof(HTTP_DELEGATE_REQUEST_PROPERTY_INFO) == 8, "HTTP_DELEGATE_REQUEST_PROPERTY_INFO align");
_Static_assert(offsetof(HTTP_DELEGATE_REQUEST_PROPERTY_INFO, PropertyId) == 0, "HTTP_DELEGATE_REQUEST_PROPERTY_INFO.PropertyId");
_Static_assert(offsetof(HTTP_DELEGATE_REQUEST_PROPERTY_INFO, PropertyInfoLength) == 4, "HTTP_DELEGATE_REQUEST_PROPERTY_INFO.PropertyInfoLength");
_Static_assert(offsetof(HTTP_DELEGATE_REQUEST_PROPERTY_INFO, PropertyInfo) == 8, "HTTP_DELEGATE_REQUEST_PROPERTY_INFO.PropertyInfo");
/* HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM) == 16, "HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM) == 8, "HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM, AddrLength) == 0, "HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM.AddrLength");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM, pAddress) == 8, "HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM.pAddress");
/* HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY) == 136, "HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY) == 8, "HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY, AddrCount) == 0, "HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY.AddrCount");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY, AddrList) == 8, "HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY.AddrList");
/* HTTP_SERVICE_CONFIG_SSL_KEY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_KEY) == 8, "HTTP_SERVICE_CONFIG_SSL_KEY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_KEY) == 8, "HTTP_SERVICE_CONFIG_SSL_KEY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_KEY, pIpPort) == 0, "HTTP_SERVICE_CONFIG_SSL_KEY.pIpPort");
/* HTTP_SERVICE_CONFIG_SSL_KEY_EX */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_KEY_EX) == 128, "HTTP_SERVICE_CONFIG_SSL_KEY_EX size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_KEY_EX) == 8, "HTTP_SERVICE_CONFIG_SSL_KEY_EX align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_KEY_EX, IpPort) == 0, "HTTP_SERVICE_CONFIG_SSL_KEY_EX.IpPort");
/* HTTP_SERVICE_CONFIG_SSL_PARAM */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_PARAM) == 80, "HTTP_SERVICE_CONFIG_SSL_PARAM size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_PARAM) == 8, "HTTP_SERVICE_CONFIG_SSL_PARAM align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, SslHashLength) == 0, "HTTP_SERVICE_CONFIG_SSL_PARAM.SslHashLength");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, pSslHash) == 8, "HTTP_SERVICE_CONFIG_SSL_PARAM.pSslHash");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, AppId) == 16, "HTTP_SERVICE_CONFIG_SSL_PARAM.AppId");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, pSslCertStoreName) == 32, "HTTP_SERVICE_CONFIG_SSL_PARAM.pSslCertStoreName");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, DefaultCertCheckMode) == 40, "HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultCertCheckMode");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, DefaultRevocationFreshnessTime) == 44, "HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultRevocationFreshnessTime");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, DefaultRevocationUrlRetrievalTimeout) == 48, "HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultRevocationUrlRetrievalTimeout");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, pDefaultSslCtlIdentifier) == 56, "HTTP_SERVICE_CONFIG_SSL_PARAM.pDefaultSslCtlIdentifier");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, pDefaultSslCtlStoreName) == 64, "HTTP_SERVICE_CONFIG_SSL_PARAM.pDefaultSslCtlStoreName");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM, DefaultFlags) == 72, "HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultFlags");
/* HTTP_SERVICE_CONFIG_SSL_SET */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_SET) == 88, "HTTP_SERVICE_CONFIG_SSL_SET size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_SET) == 8, "HTTP_SERVICE_CONFIG_SSL_SET align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SET, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_SET.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SET, ParamDesc) == 8, "HTTP_SERVICE_CONFIG_SSL_SET.ParamDesc");
/* HTTP_SERVICE_CONFIG_SSL_QUERY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_QUERY) == 24, "HTTP_SERVICE_CONFIG_SSL_QUERY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_QUERY) == 8, "HTTP_SERVICE_CONFIG_SSL_QUERY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_QUERY, QueryDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_QUERY.QueryDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_QUERY, KeyDesc) == 8, "HTTP_SERVICE_CONFIG_SSL_QUERY.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_QUERY, dwToken) == 16, "HTTP_SERVICE_CONFIG_SSL_QUERY.dwToken");
/* HTTP_SERVICE_CONFIG_SSL_SNI_KEY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_KEY) == 136, "HTTP_SERVICE_CONFIG_SSL_SNI_KEY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_SNI_KEY) == 8, "HTTP_SERVICE_CONFIG_SSL_SNI_KEY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_KEY, IpPort) == 0, "HTTP_SERVICE_CONFIG_SSL_SNI_KEY.IpPort");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_KEY, Host) == 128, "HTTP_SERVICE_CONFIG_SSL_SNI_KEY.Host");
/* HTTP_SERVICE_CONFIG_SSL_SNI_SET */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET) == 216, "HTTP_SERVICE_CONFIG_SSL_SNI_SET size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_SNI_SET) == 8, "HTTP_SERVICE_CONFIG_SSL_SNI_SET align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_SET, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_SNI_SET.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_SET, ParamDesc) == 136, "HTTP_SERVICE_CONFIG_SSL_SNI_SET.ParamDesc");
/* HTTP_SERVICE_CONFIG_SSL_SNI_QUERY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY) == 152, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY) == 8, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY, QueryDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY.QueryDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY, KeyDesc) == 8, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY, dwToken) == 144, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY.dwToken");
/* HTTP_SERVICE_CONFIG_SSL_CCS_KEY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_KEY) == 128, "HTTP_SERVICE_CONFIG_SSL_CCS_KEY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_CCS_KEY) == 8, "HTTP_SERVICE_CONFIG_SSL_CCS_KEY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_KEY, LocalAddress) == 0, "HTTP_SERVICE_CONFIG_SSL_CCS_KEY.LocalAddress");
/* HTTP_SERVICE_CONFIG_SSL_CCS_SET */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_SET) == 208, "HTTP_SERVICE_CONFIG_SSL_CCS_SET size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_CCS_SET) == 8, "HTTP_SERVICE_CONFIG_SSL_CCS_SET align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_SET, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_CCS_SET.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_SET, ParamDesc) == 128, "HTTP_SERVICE_CONFIG_SSL_CCS_SET.ParamDesc");
/* HTTP_SERVICE_CONFIG_SSL_CCS_QUERY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY) == 144, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY) == 8, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY, QueryDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY.QueryDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY, KeyDesc) == 8, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY, dwToken) == 136, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY.dwToken");
/* HTTP_SERVICE_CONFIG_SSL_PARAM_EX */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX) == 32, "HTTP_SERVICE_CONFIG_SSL_PARAM_EX size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX) == 8, "HTTP_SERVICE_CONFIG_SSL_PARAM_EX align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, ParamType) == 0, "HTTP_SERVICE_CONFIG_SSL_PARAM_EX.ParamType");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, Flags) == 8, "HTTP_SERVICE_CONFIG_SSL_PARAM_EX.Flags");
/* HTTP_SERVICE_CONFIG_SSL_SET_EX */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_SET_EX) == 160, "HTTP_SERVICE_CONFIG_SSL_SET_EX size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_SET_EX) == 8, "HTTP_SERVICE_CONFIG_SSL_SET_EX align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SET_EX, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_SET_EX.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SET_EX, ParamDesc) == 128, "HTTP_SERVICE_CONFIG_SSL_SET_EX.ParamDesc");
/* HTTP_SERVICE_CONFIG_SSL_QUERY_EX */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX) == 144, "HTTP_SERVICE_CONFIG_SSL_QUERY_EX size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX) == 8, "HTTP_SERVICE_CONFIG_SSL_QUERY_EX align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX, QueryDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_QUERY_EX.QueryDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX, KeyDesc) == 8, "HTTP_SERVICE_CONFIG_SSL_QUERY_EX.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX, dwToken) == 136, "HTTP_SERVICE_CONFIG_SSL_QUERY_EX.dwToken");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_QUERY_EX, ParamType) == 140, "HTTP_SERVICE_CONFIG_SSL_QUERY_EX.ParamType");
/* HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX) == 168, "HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX) == 8, "HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX, ParamDesc) == 136, "HTTP_SERVICE_CONFIG_SSL_SNI_SET_EX.ParamDesc");
/* HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX) == 152, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX) == 8, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX, QueryDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX.QueryDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX, KeyDesc) == 8, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX, dwToken) == 144, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX.dwToken");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX, ParamType) == 148, "HTTP_SERVICE_CONFIG_SSL_SNI_QUERY_EX.ParamType");
/* HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX) == 160, "HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX) == 8, "HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX, ParamDesc) == 128, "HTTP_SERVICE_CONFIG_SSL_CCS_SET_EX.ParamDesc");
/* HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX) == 144, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX) == 8, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX, QueryDesc) == 0, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX.QueryDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX, KeyDesc) == 8, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX, dwToken) == 136, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX.dwToken");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX, ParamType) == 140, "HTTP_SERVICE_CONFIG_SSL_CCS_QUERY_EX.ParamType");
/* HTTP_SERVICE_CONFIG_URLACL_KEY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_URLACL_KEY) == 8, "HTTP_SERVICE_CONFIG_URLACL_KEY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_URLACL_KEY) == 8, "HTTP_SERVICE_CONFIG_URLACL_KEY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_URLACL_KEY, pUrlPrefix) == 0, "HTTP_SERVICE_CONFIG_URLACL_KEY.pUrlPrefix");
/* HTTP_SERVICE_CONFIG_URLACL_PARAM */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_URLACL_PARAM) == 8, "HTTP_SERVICE_CONFIG_URLACL_PARAM size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_URLACL_PARAM) == 8, "HTTP_SERVICE_CONFIG_URLACL_PARAM align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_URLACL_PARAM, pStringSecurityDescriptor) == 0, "HTTP_SERVICE_CONFIG_URLACL_PARAM.pStringSecurityDescriptor");
/* HTTP_SERVICE_CONFIG_URLACL_SET */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_URLACL_SET) == 16, "HTTP_SERVICE_CONFIG_URLACL_SET size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_URLACL_SET) == 8, "HTTP_SERVICE_CONFIG_URLACL_SET align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_URLACL_SET, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_URLACL_SET.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_URLACL_SET, ParamDesc) == 8, "HTTP_SERVICE_CONFIG_URLACL_SET.ParamDesc");
/* HTTP_SERVICE_CONFIG_URLACL_QUERY */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_URLACL_QUERY) == 24, "HTTP_SERVICE_CONFIG_URLACL_QUERY size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_URLACL_QUERY) == 8, "HTTP_SERVICE_CONFIG_URLACL_QUERY align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_URLACL_QUERY, QueryDesc) == 0, "HTTP_SERVICE_CONFIG_URLACL_QUERY.QueryDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_URLACL_QUERY, KeyDesc) == 8, "HTTP_SERVICE_CONFIG_URLACL_QUERY.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_URLACL_QUERY, dwToken) == 16, "HTTP_SERVICE_CONFIG_URLACL_QUERY.dwToken");
/* HTTP_SERVICE_CONFIG_TIMEOUT_SET */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_TIMEOUT_SET) == 8, "HTTP_SERVICE_CONFIG_TIMEOUT_SET size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_TIMEOUT_SET) == 4, "HTTP_SERVICE_CONFIG_TIMEOUT_SET align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_TIMEOUT_SET, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_TIMEOUT_SET.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_TIMEOUT_SET, ParamDesc) == 4, "HTTP_SERVICE_CONFIG_TIMEOUT_SET.ParamDesc");
/* HTTP_SERVICE_CONFIG_CACHE_SET */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_CACHE_SET) == 8, "HTTP_SERVICE_CONFIG_CACHE_SET size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_CACHE_SET) == 4, "HTTP_SERVICE_CONFIG_CACHE_SET align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_CACHE_SET, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_CACHE_SET.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_CACHE_SET, ParamDesc) == 4, "HTTP_SERVICE_CONFIG_CACHE_SET.ParamDesc");
/* HTTP_SERVICE_CONFIG_SETTING_SET */
_Static_assert(sizeof(HTTP_SERVICE_CONFIG_SETTING_SET) == 8, "HTTP_SERVICE_CONFIG_SETTING_SET size");
_Static_assert(_Alignof(HTTP_SERVICE_CONFIG_SETTING_SET) == 4, "HTTP_SERVICE_CONFIG_SETTING_SET align");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SETTING_SET, KeyDesc) == 0, "HTTP_SERVICE_CONFIG_SETTING_SET.KeyDesc");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SETTING_SET, ParamDesc) == 4, "HTTP_SERVICE_CONFIG_SETTING_SET.ParamDesc");
/* HTTP2_WINDOW_SIZE_PARAM */
_Static_assert(sizeof(HTTP2_WINDOW_SIZE_PARAM) == 4, "HTTP2_WINDOW_SIZE_PARAM size");
_Static_assert(_Alignof(HTTP2_WINDOW_SIZE_PARAM) == 4, "HTTP2_WINDOW_SIZE_PARAM align");
_Static_assert(offsetof(HTTP2_WINDOW_SIZE_PARAM, Http2ReceiveWindowSize) == 0, "HTTP2_WINDOW_SIZE_PARAM.Http2ReceiveWindowSize");
/* HTTP2_SETTINGS_LIMITS_PARAM */
_Static_assert(sizeof(HTTP2_SETTINGS_LIMITS_PARAM) == 8, "HTTP2_SETTINGS_LIMITS_PARAM size");
_Static_assert(_Alignof(HTTP2_SETTINGS_LIMITS_PARAM) == 4, "HTTP2_SETTINGS_LIMITS_PARAM align");
_Static_assert(offsetof(HTTP2_SETTINGS_LIMITS_PARAM, Http2MaxSettingsPerFrame) == 0, "HTTP2_SETTINGS_LIMITS_PARAM.Http2MaxSettingsPerFrame");
_Static_assert(offsetof(HTTP2_SETTINGS_LIMITS_PARAM, Http2MaxSettingsPerMinute) == 4, "HTTP2_SETTINGS_LIMITS_PARAM.Http2MaxSettingsPerMinute");
/* HTTP_PERFORMANCE_PARAM */
_Static_assert(sizeof(HTTP_PERFORMANCE_PARAM) == 16, "HTTP_PERFORMANCE_PARAM size");
_Static_assert(_Alignof(HTTP_PERFORMANCE_PARAM) == 8, "HTTP_PERFORMANCE_PARAM align");
_Static_assert(offsetof(HTTP_PERFORMANCE_PARAM, Type) == 0, "HTTP_PERFORMANCE_PARAM.Type");
_Static_assert(offsetof(HTTP_PERFORMANCE_PARAM, BufferSize) == 4, "HTTP_PERFORMANCE_PARAM.BufferSize");
_Static_assert(offsetof(HTTP_PERFORMANCE_PARAM, Buffer) == 8, "HTTP_PERFORMANCE_PARAM.Buffer");
/* HTTP_TLS_RESTRICTIONS_PARAM */
_Static_assert(sizeof(HTTP_TLS_RESTRICTIONS_PARAM) == 16, "HTTP_TLS_RESTRICTIONS_PARAM size");
_Static_assert(_Alignof(HTTP_TLS_RESTRICTIONS_PARAM) == 8, "HTTP_TLS_RESTRICTIONS_PARAM align");
_Static_assert(offsetof(HTTP_TLS_RESTRICTIONS_PARAM, RestrictionCount) == 0, "HTTP_TLS_RESTRICTIONS_PARAM.RestrictionCount");
_Static_assert(offsetof(HTTP_TLS_RESTRICTIONS_PARAM, TlsRestrictions) == 8, "HTTP_TLS_RESTRICTIONS_PARAM.TlsRestrictions");
/* HTTP_ERROR_HEADERS_PARAM */
_Static_assert(sizeof(HTTP_ERROR_HEADERS_PARAM) == 16, "HTTP_ERROR_HEADERS_PARAM size");
_Static_assert(_Alignof(HTTP_ERROR_HEADERS_PARAM) == 8, "HTTP_ERROR_HEADERS_PARAM align");
_Static_assert(offsetof(HTTP_ERROR_HEADERS_PARAM, StatusCode) == 0, "HTTP_ERROR_HEADERS_PARAM.StatusCode");
_Static_assert(offsetof(HTTP_ERROR_HEADERS_PARAM, HeaderCount) == 2, "HTTP_ERROR_HEADERS_PARAM.HeaderCount");
_Static_assert(offsetof(HTTP_ERROR_HEADERS_PARAM, Headers) == 8, "HTTP_ERROR_HEADERS_PARAM.Headers");
/* HTTP_TLS_SESSION_TICKET_KEYS_PARAM */
_Static_assert(sizeof(HTTP_TLS_SESSION_TICKET_KEYS_PARAM) == 16, "HTTP_TLS_SESSION_TICKET_KEYS_PARAM size");
_Static_assert(_Alignof(HTTP_TLS_SESSION_TICKET_KEYS_PARAM) == 8, "HTTP_TLS_SESSION_TICKET_KEYS_PARAM align");
_Static_assert(offsetof(HTTP_TLS_SESSION_TICKET_KEYS_PARAM, SessionTicketKeyCount) == 0, "HTTP_TLS_SESSION_TICKET_KEYS_PARAM.SessionTicketKeyCount");
_Static_assert(offsetof(HTTP_TLS_SESSION_TICKET_KEYS_PARAM, SessionTicketKeys) == 8, "HTTP_TLS_SESSION_TICKET_KEYS_PARAM.SessionTicketKeys");
/* HTTP_QUIC_STREAM_REQUEST_STATS */
_Static_assert(sizeof(HTTP_QUIC_STREAM_REQUEST_STATS) == 64, "HTTP_QUIC_STREAM_REQUEST_STATS size");
_Static_assert(_Alignof(HTTP_QUIC_STREAM_REQUEST_STATS) == 8, "HTTP_QUIC_STREAM_REQUEST_STATS align");
_Static_assert(offsetof(HTTP_QUIC_STREAM_REQUEST_STATS, StreamWaitStart) == 0, "HTTP_QUIC_STREAM_REQUEST_STATS.StreamWaitStart");
_Static_assert(offsetof(HTTP_QUIC_STREAM_REQUEST_STATS, StreamWaitEnd) == 8, "HTTP_QUIC_STREAM_REQUEST_STATS.StreamWaitEnd");
_Static_assert(offsetof(HTTP_QUIC_STREAM_REQUEST_STATS, RequestHeadersCompressionStart) == 16, "HTTP_QUIC_STREAM_REQUEST_STATS.RequestHeadersCompressionStart");
_Static_assert(offsetof(HTTP_QUIC_STREAM_REQUEST_STATS, RequestHeadersCompressionEnd) == 24, "HTTP_QUIC_STREAM_REQUEST_STATS.RequestHeadersCompressionEnd");
_Static_assert(offsetof(HTTP_QUIC_STREAM_REQUEST_STATS, ResponseHeadersDecompressionStart) == 32, "HTTP_QUIC_STREAM_REQUEST_STATS.ResponseHeadersDecompressionStart");
_Static_assert(offsetof(HTTP_QUIC_STREAM_REQUEST_STATS, ResponseHeadersDecompressionEnd) == 40, "HTTP_QUIC_STREAM_REQUEST_STATS.ResponseHeadersDecompressionEnd");
_Static_assert(offsetof(HTTP_QUIC_STREAM_REQUEST_STATS, RequestHeadersCompressedSize) == 48, "HTTP_QUIC_STREAM_REQUEST_STATS.RequestHeadersCompressedSize");
_Static_assert(offsetof(HTTP_QUIC_STREAM_REQUEST_STATS, ResponseHeadersCompressedSize) == 56, "HTTP_QUIC_STREAM_REQUEST_STATS.ResponseHeadersCompressedSize");
/* HTTP_QUIC_API_TIMINGS */
_Static_assert(sizeof(HTTP_QUIC_API_TIMINGS) == 384, "HTTP_QUIC_API_TIMINGS size");
_Static_assert(_Alignof(HTTP_QUIC_API_TIMINGS) == 8, "HTTP_QUIC_API_TIMINGS align");
_Static_assert(offsetof(HTTP_QUIC_API_TIMINGS, ConnectionTimings) == 0, "HTTP_QUIC_API_TIMINGS.ConnectionTimings");
_Static_assert(offsetof(HTTP_QUIC_API_TIMINGS, StreamTimings) == 240, "HTTP_QUIC_API_TIMINGS.StreamTimings");
/* HTTP_QUIC_CONNECTION_API_TIMINGS */
_Static_assert(sizeof(HTTP_QUIC_CONNECTION_API_TIMINGS) == 240, "HTTP_QUIC_CONNECTION_API_TIMINGS size");
_Static_assert(_Alignof(HTTP_QUIC_CONNECTION_API_TIMINGS) == 8, "HTTP_QUIC_CONNECTION_API_TIMINGS align");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, OpenTime) == 0, "HTTP_QUIC_CONNECTION_API_TIMINGS.OpenTime");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, CloseTime) == 8, "HTTP_QUIC_CONNECTION_API_TIMINGS.CloseTime");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, StartTime) == 16, "HTTP_QUIC_CONNECTION_API_TIMINGS.StartTime");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, ShutdownTime) == 24, "HTTP_QUIC_CONNECTION_API_TIMINGS.ShutdownTime");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, SecConfigCreateTime) == 32, "HTTP_QUIC_CONNECTION_API_TIMINGS.SecConfigCreateTime");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, SecConfigDeleteTime) == 40, "HTTP_QUIC_CONNECTION_API_TIMINGS.SecConfigDeleteTime");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, GetParamCount) == 48, "HTTP_QUIC_CONNECTION_API_TIMINGS.GetParamCount");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, GetParamSum) == 56, "HTTP_QUIC_CONNECTION_API_TIMINGS.GetParamSum");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, SetParamCount) == 64, "HTTP_QUIC_CONNECTION_API_TIMINGS.SetParamCount");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, SetParamSum) == 72, "HTTP_QUIC_CONNECTION_API_TIMINGS.SetParamSum");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, SetCallbackHandlerCount) == 80, "HTTP_QUIC_CONNECTION_API_TIMINGS.SetCallbackHandlerCount");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, SetCallbackHandlerSum) == 88, "HTTP_QUIC_CONNECTION_API_TIMINGS.SetCallbackHandlerSum");
_Static_assert(offsetof(HTTP_QUIC_CONNECTION_API_TIMINGS, ControlStreamTimings) == 96, "HTTP_QUIC_CONNECTION_API_TIMINGS.ControlStreamTimings");
/* HTTP_QUIC_STREAM_API_TIMINGS */
_Static_assert(sizeof(HTTP_QUIC_STREAM_API_TIMINGS) == 144, "HTTP_QUIC_STREAM_API_TIMINGS size");
_Static_assert(_Alignof(HTTP_QUIC_STREAM_API_TIMINGS) == 8, "HTTP_QUIC_STREAM_API_TIMINGS align");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, OpenCount) == 0, "HTTP_QUIC_STREAM_API_TIMINGS.OpenCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, OpenSum) == 8, "HTTP_QUIC_STREAM_API_TIMINGS.OpenSum");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, CloseCount) == 16, "HTTP_QUIC_STREAM_API_TIMINGS.CloseCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, CloseSum) == 24, "HTTP_QUIC_STREAM_API_TIMINGS.CloseSum");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, StartCount) == 32, "HTTP_QUIC_STREAM_API_TIMINGS.StartCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, StartSum) == 40, "HTTP_QUIC_STREAM_API_TIMINGS.StartSum");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, ShutdownCount) == 48, "HTTP_QUIC_STREAM_API_TIMINGS.ShutdownCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, ShutdownSum) == 56, "HTTP_QUIC_STREAM_API_TIMINGS.ShutdownSum");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, SendCount) == 64, "HTTP_QUIC_STREAM_API_TIMINGS.SendCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, SendSum) == 72, "HTTP_QUIC_STREAM_API_TIMINGS.SendSum");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, ReceiveSetEnabledCount) == 80, "HTTP_QUIC_STREAM_API_TIMINGS.ReceiveSetEnabledCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, ReceiveSetEnabledSum) == 88, "HTTP_QUIC_STREAM_API_TIMINGS.ReceiveSetEnabledSum");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, GetParamCount) == 96, "HTTP_QUIC_STREAM_API_TIMINGS.GetParamCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, GetParamSum) == 104, "HTTP_QUIC_STREAM_API_TIMINGS.GetParamSum");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, SetParamCount) == 112, "HTTP_QUIC_STREAM_API_TIMINGS.SetParamCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, SetParamSum) == 120, "HTTP_QUIC_STREAM_API_TIMINGS.SetParamSum");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, SetCallbackHandlerCount) == 128, "HTTP_QUIC_STREAM_API_TIMINGS.SetCallbackHandlerCount");
_Static_assert(offsetof(HTTP_QUIC_STREAM_API_TIMINGS, SetCallbackHandlerSum) == 136, "HTTP_QUIC_STREAM_API_TIMINGS.SetCallbackHandlerSum");
/* HTTP_WSK_API_TIMINGS */
_Static_assert(sizeof(HTTP_WSK_API_TIMINGS) == 96, "HTTP_WSK_API_TIMINGS size");
_Static_assert(_Alignof(HTTP_WSK_API_TIMINGS) == 8, "HTTP_WSK_API_TIMINGS align");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, ConnectCount) == 0, "HTTP_WSK_API_TIMINGS.ConnectCount");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, ConnectSum) == 8, "HTTP_WSK_API_TIMINGS.ConnectSum");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, DisconnectCount) == 16, "HTTP_WSK_API_TIMINGS.DisconnectCount");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, DisconnectSum) == 24, "HTTP_WSK_API_TIMINGS.DisconnectSum");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, SendCount) == 32, "HTTP_WSK_API_TIMINGS.SendCount");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, SendSum) == 40, "HTTP_WSK_API_TIMINGS.SendSum");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, ReceiveCount) == 48, "HTTP_WSK_API_TIMINGS.ReceiveCount");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, ReceiveSum) == 56, "HTTP_WSK_API_TIMINGS.ReceiveSum");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, ReleaseCount) == 64, "HTTP_WSK_API_TIMINGS.ReleaseCount");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, ReleaseSum) == 72, "HTTP_WSK_API_TIMINGS.ReleaseSum");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, ControlSocketCount) == 80, "HTTP_WSK_API_TIMINGS.ControlSocketCount");
_Static_assert(offsetof(HTTP_WSK_API_TIMINGS, ControlSocketSum) == 88, "HTTP_WSK_API_TIMINGS.ControlSocketSum");
/* URL_COMPONENTS */
_Static_assert(sizeof(URL_COMPONENTS) == 104, "URL_COMPONENTS size");
_Static_assert(_Alignof(URL_COMPONENTS) == 8, "URL_COMPONENTS align");
_Static_assert(offsetof(URL_COMPONENTS, dwStructSize) == 0, "URL_COMPONENTS.dwStructSize");
_Static_assert(offsetof(URL_COMPONENTS, lpszScheme) == 8, "URL_COMPONENTS.lpszScheme");
_Static_assert(offsetof(URL_COMPONENTS, dwSchemeLength) == 16, "URL_COMPONENTS.dwSchemeLength");
_Static_assert(offsetof(URL_COMPONENTS, nScheme) == 20, "URL_COMPONENTS.nScheme");
_Static_assert(offsetof(URL_COMPONENTS, lpszHostName) == 24, "URL_COMPONENTS.lpszHostName");
_Static_assert(offsetof(URL_COMPONENTS, dwHostNameLength) == 32, "URL_COMPONENTS.dwHostNameLength");
_Static_assert(offsetof(URL_COMPONENTS, nPort) == 36, "URL_COMPONENTS.nPort");
_Static_assert(offsetof(URL_COMPONENTS, lpszUserName) == 40, "URL_COMPONENTS.lpszUserName");
_Static_assert(offsetof(URL_COMPONENTS, dwUserNameLength) == 48, "URL_COMPONENTS.dwUserNameLength");
_Static_assert(offsetof(URL_COMPONENTS, lpszPassword) == 56, "URL_COMPONENTS.lpszPassword");
_Static_assert(offsetof(URL_COMPONENTS, dwPasswordLength) == 64, "URL_COMPONENTS.dwPasswordLength");
_Static_assert(offsetof(URL_COMPONENTS, lpszUrlPath) == 72, "URL_COMPONENTS.lpszUrlPath");
_Static_assert(offsetof(URL_COMPONENTS, dwUrlPathLength) == 80, "URL_COMPONENTS.dwUrlPathLength");
_Static_assert(offsetof(URL_COMPONENTS, lpszExtraInfo) == 88, "URL_COMPONENTS.lpszExtraInfo");
_Static_assert(offsetof(URL_COMPONENTS, dwExtraInfoLength) == 96, "URL_COMPONENTS.dwExtraInfoLength");
/* WINHTTP_ASYNC_RESULT */
_Static_assert(sizeof(WINHTTP_ASYNC_RESULT) == 16, "WINHTTP_ASYNC_RESULT size");
_Static_assert(_Alignof(WINHTTP_ASYNC_RESULT) == 8, "WINHTTP_ASYNC_RESULT align");
_Static_assert(offsetof(WINHTTP_ASYNC_RESULT, dwResult) == 0, "WINHTTP_ASYNC_RESULT.dwResult");
_Static_assert(offsetof(WINHTTP_ASYNC_RESULT, dwError) == 8, "WINHTTP_ASYNC_RESULT.dwError");
/* WINHTTP_PROXY_INFO */
_Static_assert(sizeof(WINHTTP_PROXY_INFO) == 24, "WINHTTP_PROXY_INFO size");
_Static_assert(_Alignof(WINHTTP_PROXY_INFO) == 8, "WINHTTP_PROXY_INFO align");
_Static_assert(offsetof(WINHTTP_PROXY_INFO, dwAccessType) == 0, "WINHTTP_PROXY_INFO.dwAccessType");
_Static_assert(offsetof(WINHTTP_PROXY_INFO, lpszProxy) == 8, "WINHTTP_PROXY_INFO.lpszProxy");
_Static_assert(offsetof(WINHTTP_PROXY_INFO, lpszProxyBypass) == 16, "WINHTTP_PROXY_INFO.lpszProxyBypass");
/* WINHTTP_CURRENT_USER_IE_PROXY_CONFIG */
_Static_assert(sizeof(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG) == 32, "WINHTTP_CURRENT_USER_IE_PROXY_CONFIG size");
_Static_assert(_Alignof(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG) == 8, "WINHTTP_CURRENT_USER_IE_PROXY_CONFIG align");
_Static_assert(offsetof(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, fAutoDetect) == 0, "WINHTTP_CURRENT_USER_IE_PROXY_CONFIG.fAutoDetect");
_Static_assert(offsetof(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszAutoConfigUrl) == 8, "WINHTTP_CURRENT_USER_IE_PROXY_CONFIG.lpszAutoConfigUrl");
_Static_assert(offsetof(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszProxy) == 16, "WINHTTP_CURRENT_USER_IE_PROXY_CONFIG.lpszProxy");
_Static_assert(offsetof(WINHTTP_CURRENT_USER_IE_PROXY_CONFIG, lpszProxyBypass) == 24, "WINHTTP_CURRENT_USER_IE_PROXY_CONFIG.lpszProxyBypass");
/* WINHTTP_AUTOPROXY_OPTIONS */
_Static_assert(sizeof(WINHTTP_AUTOPROXY_OPTIONS) == 32, "WINHTTP_AUTOPROXY_OPTIONS size");
_Static_assert(_Alignof(WINHTTP_AUTOPROXY_OPTIONS) == 8, "WINHTTP_AUTOPROXY_OPTIONS align");
_Static_assert(offsetof(WINHTTP_AUTOPROXY_OPTIONS, dwFlags) == 0, "WINHTTP_AUTOPROXY_OPTIONS.dwFlags");
_Static_assert(offsetof(WINHTTP_AUTOPROXY_OPTIONS, dwAutoDetectFlags) == 4, "WINHTTP_AUTOPROXY_OPTIONS.dwAutoDetectFlags");
_Static_assert(offsetof(WINHTTP_AUTOPROXY_OPTIONS, lpszAutoConfigUrl) == 8, "WINHTTP_AUTOPROXY_OPTIONS.lpszAutoConfigUrl");
_Static_assert(offsetof(WINHTTP_AUTOPROXY_OPTIONS, lpvReserved) == 16, "WINHTTP_AUTOPROXY_OPTIONS.lpvReserved");
_Static_assert(offsetof(WINHTTP_AUTOPROXY_OPTIONS, dwReserved) == 24, "WINHTTP_AUTOPROXY_OPTIONS.dwReserved");
_Static_assert(offsetof(WINHTTP_AUTOPROXY_OPTIONS, fAutoLogonIfChallenged) == 28, "WINHTTP_AUTOPROXY_OPTIONS.fAutoLogonIfChallenged");
/* WINHTTP_CERTIFICATE_INFO */
_Static_assert(sizeof(WINHTTP_CERTIFICATE_INFO) == 64, "WINHTTP_CERTIFICATE_INFO size");
_Static_assert(_Alignof(WINHTTP_CERTIFICATE_INFO) == 8, "WINHTTP_CERTIFICATE_INFO align");
_Static_assert(offsetof(WINHTTP_CERTIFICATE_INFO, ftExpiry) == 0, "WINHTTP_CERTIFICATE_INFO.ftExpiry");
_Static_assert(offsetof(WINHTTP_CERTIFICATE_INFO, ftStart) == 8, "WINHTTP_CERTIFICATE_INFO.ftStart");
_Static_assert(offsetof(WINHTTP_CERTIFICATE_INFO, lpszSubjectInfo) == 16, "WINHTTP_CERTIFICATE_INFO.lpszSubjectInfo");
_Static_assert(offsetof(WINHTTP_CERTIFICATE_INFO, lpszIssuerInfo) == 24, "WINHTTP_CERTIFICATE_INFO.lpszIssuerInfo");
_Static_assert(offsetof(WINHTTP_CERTIFICATE_INFO, lpszProtocolName) == 32, "WINHTTP_CERTIFICATE_INFO.lpszProtocolName");
_Static_assert(offsetof(WINHTTP_CERTIFICATE_INFO, lpszSignatureAlgName) == 40, "WINHTTP_CERTIFICATE_INFO.lpszSignatureAlgName");
_Static_assert(offsetof(WINHTTP_CERTIFICATE_INFO, lpszEncryptionAlgName) == 48, "WINHTTP_CERTIFICATE_INFO.lpszEncryptionAlgName");
_Static_assert(offsetof(WINHTTP_CERTIFICATE_INFO, dwKeySize) == 56, "WINHTTP_CERTIFICATE_INFO.dwKeySize");
/* SecPkgContext_ConnectionInfo, SecPkgContext_CipherInfo, WINHTTP_SECURITY_INFO (WINHTTP_OPTION_SECURITY_INFO):
 * CipherInfo holds five WCHAR[64] arrays, so its size follows the WCHAR width (680 on Windows). */
_Static_assert(sizeof(SecPkgContext_ConnectionInfo) == 28, "SecPkgContext_ConnectionInfo size");
_Static_assert(offsetof(SecPkgContext_ConnectionInfo, aiCipher) == 4, "SecPkgContext_ConnectionInfo.aiCipher");
_Static_assert(offsetof(SecPkgContext_ConnectionInfo, dwExchStrength) == 24, "SecPkgContext_ConnectionInfo.dwExchStrength");
_Static_assert(sizeof(SecPkgContext_CipherInfo) == 5 * 64 * sizeof(WCHAR) + 40, "SecPkgContext_CipherInfo size");
_Static_assert(offsetof(SecPkgContext_CipherInfo, szCipherSuite) == 16, "SecPkgContext_CipherInfo.szCipherSuite");
_Static_assert(offsetof(SecPkgContext_CipherInfo, szCipher) == 16 + 64 * sizeof(WCHAR), "SecPkgContext_CipherInfo.szCipher");
_Static_assert(offsetof(SecPkgContext_CipherInfo, dwCipherLen) == 16 + 128 * sizeof(WCHAR), "SecPkgContext_CipherInfo.dwCipherLen");
_Static_assert(offsetof(SecPkgContext_CipherInfo, szHash) == 24 + 128 * sizeof(WCHAR), "SecPkgContext_CipherInfo.szHash");
_Static_assert(offsetof(SecPkgContext_CipherInfo, dwHashLen) == 24 + 192 * sizeof(WCHAR), "SecPkgContext_CipherInfo.dwHashLen");
_Static_assert(offsetof(SecPkgContext_CipherInfo, szExchange) == 28 + 192 * sizeof(WCHAR), "SecPkgContext_CipherInfo.szExchange");
_Static_assert(offsetof(SecPkgContext_CipherInfo, dwMinExchangeLen) == 28 + 256 * sizeof(WCHAR), "SecPkgContext_CipherInfo.dwMinExchangeLen");
_Static_assert(offsetof(SecPkgContext_CipherInfo, szCertificate) == 36 + 256 * sizeof(WCHAR), "SecPkgContext_CipherInfo.szCertificate");
_Static_assert(offsetof(SecPkgContext_CipherInfo, dwKeyType) == 36 + 320 * sizeof(WCHAR), "SecPkgContext_CipherInfo.dwKeyType");
_Static_assert(offsetof(WINHTTP_SECURITY_INFO, CipherInfo) == 28, "WINHTTP_SECURITY_INFO.CipherInfo");
_Static_assert(sizeof(WINHTTP_SECURITY_INFO) == 28 + sizeof(SecPkgContext_CipherInfo), "WINHTTP_SECURITY_INFO size");
#if WINHTTPAPI_WCHAR_IS_16
_Static_assert(sizeof(SecPkgContext_CipherInfo) == 680, "SecPkgContext_CipherInfo Windows size with 16-bit wchar_t");
_Static_assert(sizeof(WINHTTP_SECURITY_INFO) == 708, "WINHTTP_SECURITY_INFO Windows size with 16-bit wchar_t");
#else
_Static_assert(sizeof(WINHTTP_SECURITY_INFO) == 1348, "WINHTTP_SECURITY_INFO size with 4-byte wchar_t (the library's)");
#endif
/* WINHTTP_PROXY_RESULT_ENTRY */
_Static_assert(sizeof(WINHTTP_PROXY_RESULT_ENTRY) == 32, "WINHTTP_PROXY_RESULT_ENTRY size");
_Static_assert(_Alignof(WINHTTP_PROXY_RESULT_ENTRY) == 8, "WINHTTP_PROXY_RESULT_ENTRY align");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_ENTRY, fProxy) == 0, "WINHTTP_PROXY_RESULT_ENTRY.fProxy");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_ENTRY, fBypass) == 4, "WINHTTP_PROXY_RESULT_ENTRY.fBypass");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_ENTRY, ProxyScheme) == 8, "WINHTTP_PROXY_RESULT_ENTRY.ProxyScheme");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_ENTRY, pwszProxy) == 16, "WINHTTP_PROXY_RESULT_ENTRY.pwszProxy");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_ENTRY, ProxyPort) == 24, "WINHTTP_PROXY_RESULT_ENTRY.ProxyPort");
/* WINHTTP_PROXY_RESULT */
_Static_assert(sizeof(WINHTTP_PROXY_RESULT) == 16, "WINHTTP_PROXY_RESULT size");
_Static_assert(_Alignof(WINHTTP_PROXY_RESULT) == 8, "WINHTTP_PROXY_RESULT align");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT, cEntries) == 0, "WINHTTP_PROXY_RESULT.cEntries");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT, pEntries) == 8, "WINHTTP_PROXY_RESULT.pEntries");
/* WINHTTP_PROXY_RESULT_EX */
_Static_assert(sizeof(WINHTTP_PROXY_RESULT_EX) == 32, "WINHTTP_PROXY_RESULT_EX size");
_Static_assert(_Alignof(WINHTTP_PROXY_RESULT_EX) == 8, "WINHTTP_PROXY_RESULT_EX align");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_EX, cEntries) == 0, "WINHTTP_PROXY_RESULT_EX.cEntries");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_EX, pEntries) == 8, "WINHTTP_PROXY_RESULT_EX.pEntries");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_EX, hProxyDetectionHandle) == 16, "WINHTTP_PROXY_RESULT_EX.hProxyDetectionHandle");
_Static_assert(offsetof(WINHTTP_PROXY_RESULT_EX, dwProxyInterfaceAffinity) == 24, "WINHTTP_PROXY_RESULT_EX.dwProxyInterfaceAffinity");
/* WINHTTP_PROXY_NETWORKING_KEY */
_Static_assert(sizeof(WINHTTP_PROXY_NETWORKING_KEY) == 128, "WINHTTP_PROXY_NETWORKING_KEY size");
_Static_assert(_Alignof(WINHTTP_PROXY_NETWORKING_KEY) == 1, "WINHTTP_PROXY_NETWORKING_KEY align");
_Static_assert(offsetof(WINHTTP_PROXY_NETWORKING_KEY, pbBuffer) == 0, "WINHTTP_PROXY_NETWORKING_KEY.pbBuffer");
/* WINHTTP_PROXY_SETTINGS */
_Static_assert(sizeof(WINHTTP_PROXY_SETTINGS) == 112, "WINHTTP_PROXY_SETTINGS size");
_Static_assert(_Alignof(WINHTTP_PROXY_SETTINGS) == 8, "WINHTTP_PROXY_SETTINGS align");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, dwStructSize) == 0, "WINHTTP_PROXY_SETTINGS.dwStructSize");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, dwFlags) == 4, "WINHTTP_PROXY_SETTINGS.dwFlags");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, dwCurrentSettingsVersion) == 8, "WINHTTP_PROXY_SETTINGS.dwCurrentSettingsVersion");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, pwszConnectionName) == 16, "WINHTTP_PROXY_SETTINGS.pwszConnectionName");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, pwszProxy) == 24, "WINHTTP_PROXY_SETTINGS.pwszProxy");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, pwszProxyBypass) == 32, "WINHTTP_PROXY_SETTINGS.pwszProxyBypass");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, pwszAutoconfigUrl) == 40, "WINHTTP_PROXY_SETTINGS.pwszAutoconfigUrl");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, pwszAutoconfigSecondaryUrl) == 48, "WINHTTP_PROXY_SETTINGS.pwszAutoconfigSecondaryUrl");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, dwAutoDiscoveryFlags) == 56, "WINHTTP_PROXY_SETTINGS.dwAutoDiscoveryFlags");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, pwszLastKnownGoodAutoConfigUrl) == 64, "WINHTTP_PROXY_SETTINGS.pwszLastKnownGoodAutoConfigUrl");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, dwAutoconfigReloadDelayMins) == 72, "WINHTTP_PROXY_SETTINGS.dwAutoconfigReloadDelayMins");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, ftLastKnownDetectTime) == 76, "WINHTTP_PROXY_SETTINGS.ftLastKnownDetectTime");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, dwDetectedInterfaceIpCount) == 84, "WINHTTP_PROXY_SETTINGS.dwDetectedInterfaceIpCount");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, pdwDetectedInterfaceIp) == 88, "WINHTTP_PROXY_SETTINGS.pdwDetectedInterfaceIp");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, cNetworkKeys) == 96, "WINHTTP_PROXY_SETTINGS.cNetworkKeys");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS, pNetworkKeys) == 104, "WINHTTP_PROXY_SETTINGS.pNetworkKeys");
/* WINHTTP_PROXY_SETTINGS_EX */
_Static_assert(sizeof(WINHTTP_PROXY_SETTINGS_EX) == 72, "WINHTTP_PROXY_SETTINGS_EX size");
_Static_assert(_Alignof(WINHTTP_PROXY_SETTINGS_EX) == 8, "WINHTTP_PROXY_SETTINGS_EX align");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, ullGenerationId) == 0, "WINHTTP_PROXY_SETTINGS_EX.ullGenerationId");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, ullFlags) == 8, "WINHTTP_PROXY_SETTINGS_EX.ullFlags");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, pcwszAutoconfigUrl) == 16, "WINHTTP_PROXY_SETTINGS_EX.pcwszAutoconfigUrl");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, pcwszProxy) == 24, "WINHTTP_PROXY_SETTINGS_EX.pcwszProxy");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, pcwszSecureProxy) == 32, "WINHTTP_PROXY_SETTINGS_EX.pcwszSecureProxy");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, cProxyBypasses) == 40, "WINHTTP_PROXY_SETTINGS_EX.cProxyBypasses");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, rgpcwszProxyBypasses) == 48, "WINHTTP_PROXY_SETTINGS_EX.rgpcwszProxyBypasses");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, dwInterfaceIndex) == 56, "WINHTTP_PROXY_SETTINGS_EX.dwInterfaceIndex");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_EX, pcwszConnectionName) == 64, "WINHTTP_PROXY_SETTINGS_EX.pcwszConnectionName");
/* WINHTTP_PROXY_SETTINGS_PARAM */
_Static_assert(sizeof(WINHTTP_PROXY_SETTINGS_PARAM) == 24, "WINHTTP_PROXY_SETTINGS_PARAM size");
_Static_assert(_Alignof(WINHTTP_PROXY_SETTINGS_PARAM) == 8, "WINHTTP_PROXY_SETTINGS_PARAM align");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_PARAM, ullFlags) == 0, "WINHTTP_PROXY_SETTINGS_PARAM.ullFlags");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_PARAM, pcwszConnectionName) == 8, "WINHTTP_PROXY_SETTINGS_PARAM.pcwszConnectionName");
_Static_assert(offsetof(WINHTTP_PROXY_SETTINGS_PARAM, pcwszProbeHost) == 16, "WINHTTP_PROXY_SETTINGS_PARAM.pcwszProbeHost");
/* HTTP_VERSION_INFO */
_Static_assert(sizeof(HTTP_VERSION_INFO) == 8, "HTTP_VERSION_INFO size");
_Static_assert(_Alignof(HTTP_VERSION_INFO) == 4, "HTTP_VERSION_INFO align");
_Static_assert(offsetof(HTTP_VERSION_INFO, dwMajorVersion) == 0, "HTTP_VERSION_INFO.dwMajorVersion");
_Static_assert(offsetof(HTTP_VERSION_INFO, dwMinorVersion) == 4, "HTTP_VERSION_INFO.dwMinorVersion");
/* WINHTTP_CONNECTION_INFO */
_Static_assert(sizeof(WINHTTP_CONNECTION_INFO) == 264, "WINHTTP_CONNECTION_INFO size");
_Static_assert(_Alignof(WINHTTP_CONNECTION_INFO) == 8, "WINHTTP_CONNECTION_INFO align");
_Static_assert(offsetof(WINHTTP_CONNECTION_INFO, cbSize) == 0, "WINHTTP_CONNECTION_INFO.cbSize");
_Static_assert(offsetof(WINHTTP_CONNECTION_INFO, LocalAddress) == 8, "WINHTTP_CONNECTION_INFO.LocalAddress");
_Static_assert(offsetof(WINHTTP_CONNECTION_INFO, RemoteAddress) == 136, "WINHTTP_CONNECTION_INFO.RemoteAddress");
/* WINHTTP_REQUEST_TIMES */
_Static_assert(sizeof(WINHTTP_REQUEST_TIMES) == 520, "WINHTTP_REQUEST_TIMES size");
_Static_assert(_Alignof(WINHTTP_REQUEST_TIMES) == 8, "WINHTTP_REQUEST_TIMES align");
_Static_assert(offsetof(WINHTTP_REQUEST_TIMES, cTimes) == 0, "WINHTTP_REQUEST_TIMES.cTimes");
_Static_assert(offsetof(WINHTTP_REQUEST_TIMES, rgullTimes) == 8, "WINHTTP_REQUEST_TIMES.rgullTimes");
/* WINHTTP_REQUEST_STATS */
_Static_assert(sizeof(WINHTTP_REQUEST_STATS) == 272, "WINHTTP_REQUEST_STATS size");
_Static_assert(_Alignof(WINHTTP_REQUEST_STATS) == 8, "WINHTTP_REQUEST_STATS align");
_Static_assert(offsetof(WINHTTP_REQUEST_STATS, ullFlags) == 0, "WINHTTP_REQUEST_STATS.ullFlags");
_Static_assert(offsetof(WINHTTP_REQUEST_STATS, ulIndex) == 8, "WINHTTP_REQUEST_STATS.ulIndex");
_Static_assert(offsetof(WINHTTP_REQUEST_STATS, cStats) == 12, "WINHTTP_REQUEST_STATS.cStats");
_Static_assert(offsetof(WINHTTP_REQUEST_STATS, rgullStats) == 16, "WINHTTP_REQUEST_STATS.rgullStats");
/* WINHTTP_WEB_SOCKET_ASYNC_RESULT */
_Static_assert(sizeof(WINHTTP_WEB_SOCKET_ASYNC_RESULT) == 24, "WINHTTP_WEB_SOCKET_ASYNC_RESULT size");
_Static_assert(_Alignof(WINHTTP_WEB_SOCKET_ASYNC_RESULT) == 8, "WINHTTP_WEB_SOCKET_ASYNC_RESULT align");
_Static_assert(offsetof(WINHTTP_WEB_SOCKET_ASYNC_RESULT, AsyncResult) == 0, "WINHTTP_WEB_SOCKET_ASYNC_RESULT.AsyncResult");
_Static_assert(offsetof(WINHTTP_WEB_SOCKET_ASYNC_RESULT, Operation) == 16, "WINHTTP_WEB_SOCKET_ASYNC_RESULT.Operation");
/* WINHTTP_WEB_SOCKET_STATUS */
_Static_assert(sizeof(WINHTTP_WEB_SOCKET_STATUS) == 8, "WINHTTP_WEB_SOCKET_STATUS size");
_Static_assert(_Alignof(WINHTTP_WEB_SOCKET_STATUS) == 4, "WINHTTP_WEB_SOCKET_STATUS align");
_Static_assert(offsetof(WINHTTP_WEB_SOCKET_STATUS, dwBytesTransferred) == 0, "WINHTTP_WEB_SOCKET_STATUS.dwBytesTransferred");
_Static_assert(offsetof(WINHTTP_WEB_SOCKET_STATUS, eBufferType) == 4, "WINHTTP_WEB_SOCKET_STATUS.eBufferType");
/* WINHTTP_EXTENDED_HEADER */
_Static_assert(sizeof(WINHTTP_EXTENDED_HEADER) == 16, "WINHTTP_EXTENDED_HEADER size");
_Static_assert(_Alignof(WINHTTP_EXTENDED_HEADER) == 8, "WINHTTP_EXTENDED_HEADER align");
/* WINHTTP_CREDS */
_Static_assert(sizeof(WINHTTP_CREDS) == 48, "WINHTTP_CREDS size");
_Static_assert(_Alignof(WINHTTP_CREDS) == 8, "WINHTTP_CREDS align");
_Static_assert(offsetof(WINHTTP_CREDS, lpszUserName) == 0, "WINHTTP_CREDS.lpszUserName");
_Static_assert(offsetof(WINHTTP_CREDS, lpszPassword) == 8, "WINHTTP_CREDS.lpszPassword");
_Static_assert(offsetof(WINHTTP_CREDS, lpszRealm) == 16, "WINHTTP_CREDS.lpszRealm");
_Static_assert(offsetof(WINHTTP_CREDS, dwAuthScheme) == 24, "WINHTTP_CREDS.dwAuthScheme");
_Static_assert(offsetof(WINHTTP_CREDS, lpszHostName) == 32, "WINHTTP_CREDS.lpszHostName");
_Static_assert(offsetof(WINHTTP_CREDS, dwPort) == 40, "WINHTTP_CREDS.dwPort");
/* WINHTTP_CREDS_EX */
_Static_assert(sizeof(WINHTTP_CREDS_EX) == 56, "WINHTTP_CREDS_EX size");
_Static_assert(_Alignof(WINHTTP_CREDS_EX) == 8, "WINHTTP_CREDS_EX align");
_Static_assert(offsetof(WINHTTP_CREDS_EX, lpszUserName) == 0, "WINHTTP_CREDS_EX.lpszUserName");
_Static_assert(offsetof(WINHTTP_CREDS_EX, lpszPassword) == 8, "WINHTTP_CREDS_EX.lpszPassword");
_Static_assert(offsetof(WINHTTP_CREDS_EX, lpszRealm) == 16, "WINHTTP_CREDS_EX.lpszRealm");
_Static_assert(offsetof(WINHTTP_CREDS_EX, dwAuthScheme) == 24, "WINHTTP_CREDS_EX.dwAuthScheme");
_Static_assert(offsetof(WINHTTP_CREDS_EX, lpszHostName) == 32, "WINHTTP_CREDS_EX.lpszHostName");
_Static_assert(offsetof(WINHTTP_CREDS_EX, dwPort) == 40, "WINHTTP_CREDS_EX.dwPort");
_Static_assert(offsetof(WINHTTP_CREDS_EX, lpszUrl) == 48, "WINHTTP_CREDS_EX.lpszUrl");
/* WINHTTP_FAILED_CONNECTION_RETRIES */
_Static_assert(sizeof(WINHTTP_FAILED_CONNECTION_RETRIES) == 8, "WINHTTP_FAILED_CONNECTION_RETRIES size");
_Static_assert(_Alignof(WINHTTP_FAILED_CONNECTION_RETRIES) == 4, "WINHTTP_FAILED_CONNECTION_RETRIES align");
_Static_assert(offsetof(WINHTTP_FAILED_CONNECTION_RETRIES, dwMaxRetries) == 0, "WINHTTP_FAILED_CONNECTION_RETRIES.dwMaxRetries");
_Static_assert(offsetof(WINHTTP_FAILED_CONNECTION_RETRIES, dwAllowedRetryConditions) == 4, "WINHTTP_FAILED_CONNECTION_RETRIES.dwAllowedRetryConditions");
/* WINHTTP_HTTP2_RECEIVE_WINDOW */
_Static_assert(sizeof(WINHTTP_HTTP2_RECEIVE_WINDOW) == 8, "WINHTTP_HTTP2_RECEIVE_WINDOW size");
_Static_assert(_Alignof(WINHTTP_HTTP2_RECEIVE_WINDOW) == 4, "WINHTTP_HTTP2_RECEIVE_WINDOW align");
_Static_assert(offsetof(WINHTTP_HTTP2_RECEIVE_WINDOW, ulStreamWindow) == 0, "WINHTTP_HTTP2_RECEIVE_WINDOW.ulStreamWindow");
_Static_assert(offsetof(WINHTTP_HTTP2_RECEIVE_WINDOW, ulStreamWindowUpdateDelta) == 4, "WINHTTP_HTTP2_RECEIVE_WINDOW.ulStreamWindowUpdateDelta");
/* WINHTTP_MATCH_CONNECTION_GUID */
_Static_assert(sizeof(WINHTTP_MATCH_CONNECTION_GUID) == 24, "WINHTTP_MATCH_CONNECTION_GUID size");
_Static_assert(_Alignof(WINHTTP_MATCH_CONNECTION_GUID) == 8, "WINHTTP_MATCH_CONNECTION_GUID align");
_Static_assert(offsetof(WINHTTP_MATCH_CONNECTION_GUID, ConnectionGuid) == 0, "WINHTTP_MATCH_CONNECTION_GUID.ConnectionGuid");
_Static_assert(offsetof(WINHTTP_MATCH_CONNECTION_GUID, ullFlags) == 16, "WINHTTP_MATCH_CONNECTION_GUID.ullFlags");
/* WINHTTP_RESOLVER_CACHE_CONFIG */
_Static_assert(sizeof(WINHTTP_RESOLVER_CACHE_CONFIG) == 32, "WINHTTP_RESOLVER_CACHE_CONFIG size");
_Static_assert(_Alignof(WINHTTP_RESOLVER_CACHE_CONFIG) == 8, "WINHTTP_RESOLVER_CACHE_CONFIG align");
_Static_assert(offsetof(WINHTTP_RESOLVER_CACHE_CONFIG, ulMaxResolverCacheEntries) == 0, "WINHTTP_RESOLVER_CACHE_CONFIG.ulMaxResolverCacheEntries");
_Static_assert(offsetof(WINHTTP_RESOLVER_CACHE_CONFIG, ulMaxCacheEntryAge) == 4, "WINHTTP_RESOLVER_CACHE_CONFIG.ulMaxCacheEntryAge");
_Static_assert(offsetof(WINHTTP_RESOLVER_CACHE_CONFIG, ulMinCacheEntryTtl) == 8, "WINHTTP_RESOLVER_CACHE_CONFIG.ulMinCacheEntryTtl");
_Static_assert(offsetof(WINHTTP_RESOLVER_CACHE_CONFIG, SecureDnsSetting) == 12, "WINHTTP_RESOLVER_CACHE_CONFIG.SecureDnsSetting");
_Static_assert(offsetof(WINHTTP_RESOLVER_CACHE_CONFIG, ullConnResolutionWaitTime) == 16, "WINHTTP_RESOLVER_CACHE_CONFIG.ullConnResolutionWaitTime");
_Static_assert(offsetof(WINHTTP_RESOLVER_CACHE_CONFIG, ullFlags) == 24, "WINHTTP_RESOLVER_CACHE_CONFIG.ullFlags");
/* WINHTTP_CONNECTION_GROUP */
_Static_assert(sizeof(WINHTTP_CONNECTION_GROUP) == 20, "WINHTTP_CONNECTION_GROUP size");
_Static_assert(_Alignof(WINHTTP_CONNECTION_GROUP) == 4, "WINHTTP_CONNECTION_GROUP align");
_Static_assert(offsetof(WINHTTP_CONNECTION_GROUP, cConnections) == 0, "WINHTTP_CONNECTION_GROUP.cConnections");
_Static_assert(offsetof(WINHTTP_CONNECTION_GROUP, guidGroup) == 4, "WINHTTP_CONNECTION_GROUP.guidGroup");
/* WINHTTP_HOST_CONNECTION_GROUP */
_Static_assert(sizeof(WINHTTP_HOST_CONNECTION_GROUP) == 24, "WINHTTP_HOST_CONNECTION_GROUP size");
_Static_assert(_Alignof(WINHTTP_HOST_CONNECTION_GROUP) == 8, "WINHTTP_HOST_CONNECTION_GROUP align");
_Static_assert(offsetof(WINHTTP_HOST_CONNECTION_GROUP, pwszHost) == 0, "WINHTTP_HOST_CONNECTION_GROUP.pwszHost");
_Static_assert(offsetof(WINHTTP_HOST_CONNECTION_GROUP, cConnectionGroups) == 8, "WINHTTP_HOST_CONNECTION_GROUP.cConnectionGroups");
_Static_assert(offsetof(WINHTTP_HOST_CONNECTION_GROUP, pConnectionGroups) == 16, "WINHTTP_HOST_CONNECTION_GROUP.pConnectionGroups");
/* WINHTTP_QUERY_CONNECTION_GROUP_RESULT */
_Static_assert(sizeof(WINHTTP_QUERY_CONNECTION_GROUP_RESULT) == 16, "WINHTTP_QUERY_CONNECTION_GROUP_RESULT size");
_Static_assert(_Alignof(WINHTTP_QUERY_CONNECTION_GROUP_RESULT) == 8, "WINHTTP_QUERY_CONNECTION_GROUP_RESULT align");
_Static_assert(offsetof(WINHTTP_QUERY_CONNECTION_GROUP_RESULT, cHosts) == 0, "WINHTTP_QUERY_CONNECTION_GROUP_RESULT.cHosts");
_Static_assert(offsetof(WINHTTP_QUERY_CONNECTION_GROUP_RESULT, pHostConnectionGroups) == 8, "WINHTTP_QUERY_CONNECTION_GROUP_RESULT.pHostConnectionGroups");
/* OVERLAPPED */
_Static_assert(sizeof(OVERLAPPED) == 32, "OVERLAPPED size");
_Static_assert(_Alignof(OVERLAPPED) == 8, "OVERLAPPED align");
_Static_assert(offsetof(OVERLAPPED, Internal) == 0, "OVERLAPPED.Internal");
_Static_assert(offsetof(OVERLAPPED, InternalHigh) == 8, "OVERLAPPED.InternalHigh");
_Static_assert(offsetof(OVERLAPPED, hEvent) == 24, "OVERLAPPED.hEvent");
/* OVERLAPPED_ENTRY */
_Static_assert(sizeof(OVERLAPPED_ENTRY) == 32, "OVERLAPPED_ENTRY size");
_Static_assert(_Alignof(OVERLAPPED_ENTRY) == 8, "OVERLAPPED_ENTRY align");
_Static_assert(offsetof(OVERLAPPED_ENTRY, lpCompletionKey) == 0, "OVERLAPPED_ENTRY.lpCompletionKey");
_Static_assert(offsetof(OVERLAPPED_ENTRY, lpOverlapped) == 8, "OVERLAPPED_ENTRY.lpOverlapped");
_Static_assert(offsetof(OVERLAPPED_ENTRY, Internal) == 16, "OVERLAPPED_ENTRY.Internal");
_Static_assert(offsetof(OVERLAPPED_ENTRY, dwNumberOfBytesTransferred) == 24, "OVERLAPPED_ENTRY.dwNumberOfBytesTransferred");
/* OVERLAPPED union (C.3): {Offset, OffsetHigh} or Pointer at 16 */
_Static_assert(offsetof(OVERLAPPED, Offset) == 16, "OVERLAPPED.Offset");
_Static_assert(offsetof(OVERLAPPED, OffsetHigh) == 20, "OVERLAPPED.OffsetHigh");
_Static_assert(offsetof(OVERLAPPED, Pointer) == 16, "OVERLAPPED.Pointer");
/* WINHTTP_EXTENDED_HEADER (B.3): two pointer unions */
_Static_assert(offsetof(WINHTTP_EXTENDED_HEADER, pwszName) == 0, "WINHTTP_EXTENDED_HEADER.pwszName");
_Static_assert(offsetof(WINHTTP_EXTENDED_HEADER, pszName) == 0, "WINHTTP_EXTENDED_HEADER.pszName");
_Static_assert(offsetof(WINHTTP_EXTENDED_HEADER, pwszValue) == 8, "WINHTTP_EXTENDED_HEADER.pwszValue");
_Static_assert(offsetof(WINHTTP_EXTENDED_HEADER, pszValue) == 8, "WINHTTP_EXTENDED_HEADER.pszValue");
_Static_assert(sizeof(WINHTTP_HEADER_NAME) == 8, "WINHTTP_HEADER_NAME size");
/* HTTP_SERVICE_CONFIG_SSL_PARAM_EX union at 16 (A.5.2) */
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, Http2WindowSizeParam) == 16, "SSL_PARAM_EX arm");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, Http2SettingsLimitsParam) == 16, "SSL_PARAM_EX arm");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, HttpPerformanceParam) == 16, "SSL_PARAM_EX arm");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, HttpTlsRestrictionsParam) == 16, "SSL_PARAM_EX arm");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, HttpErrorHeadersParam) == 16, "SSL_PARAM_EX arm");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, HttpTlsSessionTicketKeysParam) == 16, "SSL_PARAM_EX arm");
_Static_assert(offsetof(HTTP_SERVICE_CONFIG_SSL_PARAM_EX, HttpCertConfigParam) == 16, "SSL_PARAM_EX arm");
/* HTTP_DATA_CHUNK.FromWinHttpFastForwarding (WSNEW): 16 reserved bytes at 8 */
_Static_assert(offsetof(HTTP_DATA_CHUNK, FromWinHttpFastForwarding.WhFastForwardingData) == 8, "HTTP_DATA_CHUNK fast-forwarding arm");
_Static_assert(sizeof(HTTP_WINHTTP_FAST_FORWARDING_DATA) == 16, "HTTP_WINHTTP_FAST_FORWARDING_DATA size");
/* WSNEW structs (no LAYOUT in the inventory; x64 values worked out from the field lists) */
_Static_assert(sizeof(HTTP_CERT_CONFIG_ENTRY) == 20 + 128 * sizeof(WCHAR), "HTTP_CERT_CONFIG_ENTRY size");
_Static_assert(offsetof(HTTP_CERT_CONFIG_ENTRY, CertStoreName) == 20, "HTTP_CERT_CONFIG_ENTRY.CertStoreName");
_Static_assert(sizeof(HTTP_CERT_CONFIG_PARAM) == 16, "HTTP_CERT_CONFIG_PARAM size");
_Static_assert(offsetof(HTTP_CERT_CONFIG_PARAM, CertConfigs) == 8, "HTTP_CERT_CONFIG_PARAM.CertConfigs");
_Static_assert(sizeof(HTTP_FAST_FORWARD_INFO) == 8, "HTTP_FAST_FORWARD_INFO size");
_Static_assert(offsetof(HTTP_FAST_FORWARD_INFO, EnableFastForwarding) == 4, "HTTP_FAST_FORWARD_INFO.EnableFastForwarding");
_Static_assert(sizeof(HTTP_REQUEST_INFO_PROPERTY_INFO) == 16, "HTTP_REQUEST_INFO_PROPERTY_INFO size");
_Static_assert(offsetof(HTTP_REQUEST_INFO_PROPERTY_INFO, RequestInfoFlags) == 8, "HTTP_REQUEST_INFO_PROPERTY_INFO.RequestInfoFlags");
_Static_assert(sizeof(HTTP_REQUEST_DSCP_INFO) == 1, "HTTP_REQUEST_DSCP_INFO size");
_Static_assert(sizeof(HTTP_REQUEST_INITIAL_PACKET_TTL_INFO) == 1, "HTTP_REQUEST_INITIAL_PACKET_TTL_INFO size");
_Static_assert(sizeof(HTTP_REQUEST_TRANSPORT_IDLE_CONNECTION_TIMEOUT_INFO) == 2, "HTTP_REQUEST_TRANSPORT_IDLE_CONNECTION_TIMEOUT_INFO size");
/* windows.h (C.1) */
_Static_assert(sizeof(BYTE) == 1 && sizeof(BOOLEAN) == 1 && sizeof(CHAR) == 1, "8-bit types");
_Static_assert(sizeof(WORD) == 2 && sizeof(USHORT) == 2 && sizeof(SHORT) == 2 && sizeof(INTERNET_PORT) == 2, "16-bit types");
_Static_assert(sizeof(DWORD) == 4 && sizeof(ULONG) == 4 && sizeof(UINT) == 4 && sizeof(LONG) == 4 && sizeof(INT) == 4, "32-bit types");
_Static_assert(sizeof(BOOL) == 4 && sizeof(HRESULT) == 4 && sizeof(SECURITY_STATUS) == 4 && sizeof(INTERNET_SCHEME) == 4, "32-bit types");
_Static_assert(sizeof(ULONGLONG) == 8 && sizeof(LONGLONG) == 8 && sizeof(DWORD64) == 8 && sizeof(ULONG64) == 8, "64-bit types");
_Static_assert(sizeof(ULONG_PTR) == sizeof(void *) && sizeof(DWORD_PTR) == sizeof(void *) && sizeof(SIZE_T) == sizeof(void *) && sizeof(LONG_PTR) == sizeof(void *), "pointer-sized types");
_Static_assert(sizeof(HANDLE) == 8 && sizeof(HINTERNET) == 8 && sizeof(HTTP_OPAQUE_ID) == 8 && sizeof(HTTP_URL_CONTEXT) == 8, "handles and ids");
_Static_assert(sizeof(WCHAR) == sizeof(wchar_t), "WCHAR is wchar_t");
_Static_assert((DWORD)-1 > 0 && (ULONG)-1 > 0 && (LONG)-1 < 0, "signedness");
_Static_assert(sizeof(LARGE_INTEGER) == 8 && _Alignof(LARGE_INTEGER) == 8 && sizeof(ULARGE_INTEGER) == 8, "LARGE_INTEGER");
_Static_assert(offsetof(LARGE_INTEGER, HighPart) == 4 && offsetof(ULARGE_INTEGER, u.HighPart) == 4, "LARGE_INTEGER.HighPart");
_Static_assert(sizeof(GUID) == 16 && _Alignof(GUID) == 4 && offsetof(GUID, Data4) == 8, "GUID");
_Static_assert(sizeof(FILETIME) == 8 && _Alignof(FILETIME) == 4, "FILETIME");
_Static_assert(sizeof(SYSTEMTIME) == 16 && _Alignof(SYSTEMTIME) == 2 && offsetof(SYSTEMTIME, wMilliseconds) == 14, "SYSTEMTIME");
_Static_assert(sizeof(SECURITY_ATTRIBUTES) == 24 && offsetof(SECURITY_ATTRIBUTES, lpSecurityDescriptor) == 8 && offsetof(SECURITY_ATTRIBUTES, bInheritHandle) == 16, "SECURITY_ATTRIBUTES");
/* Structs of the headers outside api-inventory.md, with Windows x64's sizes and offsets (windows-sys 0.59;
 * tests/layouts.rs holds the Rust side to the same numbers). */
_Static_assert(sizeof(WSADATA) == 408 && offsetof(WSADATA, lpVendorInfo) == 8 && offsetof(WSADATA, szDescription) == 16, "WSADATA (x64 field order)");
_Static_assert(sizeof(TP_CALLBACK_ENVIRON_V3) == 72 && offsetof(TP_CALLBACK_ENVIRON_V3, Pool) == 8 && offsetof(TP_CALLBACK_ENVIRON_V3, FinalizationCallback) == 48 && offsetof(TP_CALLBACK_ENVIRON_V3, u) == 56 && offsetof(TP_CALLBACK_ENVIRON_V3, CallbackPriority) == 60 && offsetof(TP_CALLBACK_ENVIRON_V3, Size) == 64, "TP_CALLBACK_ENVIRON_V3");
_Static_assert(sizeof(CERT_CONTEXT) == 40 && offsetof(CERT_CONTEXT, pCertInfo) == 24, "CERT_CONTEXT");
_Static_assert(sizeof(CERT_INFO) == 208 && offsetof(CERT_INFO, Issuer) == 48 && offsetof(CERT_INFO, NotAfter) == 72 && offsetof(CERT_INFO, SubjectPublicKeyInfo) == 96 && offsetof(CERT_INFO, cExtension) == 192 && offsetof(CERT_INFO, rgExtension) == 200, "CERT_INFO");
_Static_assert(sizeof(CERT_EXTENSION) == 32 && offsetof(CERT_EXTENSION, Value) == 16, "CERT_EXTENSION");
_Static_assert(sizeof(CERT_PUBLIC_KEY_INFO) == 48 && offsetof(CERT_PUBLIC_KEY_INFO, PublicKey) == 24, "CERT_PUBLIC_KEY_INFO");
_Static_assert(sizeof(CRYPT_ALGORITHM_IDENTIFIER) == 24 && sizeof(CRYPT_BIT_BLOB) == 24 && sizeof(CRYPT_INTEGER_BLOB) == 16, "CRYPT_* blobs");
/* CRITICAL_SECTION: the library's own opaque layout (64 bytes, 8-aligned), not Windows' 40 */
_Static_assert(sizeof(CRITICAL_SECTION) == 64 && _Alignof(CRITICAL_SECTION) == 8, "CRITICAL_SECTION");
/* socket addresses are Linux's, with Windows' sizes */
_Static_assert(sizeof(SOCKADDR) == 16 && sizeof(SOCKADDR_IN) == 16 && sizeof(SOCKADDR_IN6) == 28 && sizeof(SOCKADDR_STORAGE) == 128 && _Alignof(SOCKADDR_STORAGE) == 8, "sockaddr sizes");
/* enums are 4 bytes */
_Static_assert(sizeof(HTTP_VERB) == 4 && sizeof(HTTP_HEADER_ID) == 4 && sizeof(HTTP_FEATURE_ID) == 4 && sizeof(HTTP_SERVER_PROPERTY) == 4, "enum sizes");
_Static_assert(sizeof(WINHTTP_WEB_SOCKET_BUFFER_TYPE) == 4 && sizeof(WINHTTP_REQUEST_TIME_ENTRY) == 4 && sizeof(WINHTTP_SECURE_DNS_SETTING) == 4, "enum sizes");

/* ---- constants ---- */
/* A: HTTP_INITIALIZE_* (HttpInitialize/HttpTerminate Flags) */
_Static_assert((unsigned long long)(DWORD)(HTTP_INITIALIZE_SERVER) == 1ULL, "HTTP_INITIALIZE_SERVER");
_Static_assert((unsigned long long)(DWORD)(HTTP_INITIALIZE_CONFIG) == 2ULL, "HTTP_INITIALIZE_CONFIG");
/* A: HTTP_CREATE_REQUEST_QUEUE_FLAG_* */
_Static_assert((unsigned long long)(DWORD)(HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING) == 1ULL, "HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING");
_Static_assert((unsigned long long)(DWORD)(HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER) == 2ULL, "HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER");
_Static_assert((unsigned long long)(DWORD)(HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION) == 8ULL, "HTTP_CREATE_REQUEST_QUEUE_FLAG_DELEGATION");
/* A: HTTP_RECEIVE_REQUEST_FLAG_* / ENTITY_BODY_FLAG_* / client-cert flags */
_Static_assert((unsigned long long)(DWORD)(HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER) == 1ULL, "HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER");
_Static_assert((unsigned long long)(DWORD)(HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY) == 1ULL, "HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY");
_Static_assert((unsigned long long)(DWORD)(HTTP_RECEIVE_SECURE_CHANNEL_TOKEN) == 1ULL, "HTTP_RECEIVE_SECURE_CHANNEL_TOKEN");
_Static_assert((unsigned long long)(DWORD)(HTTP_RECEIVE_FULL_CHAIN) == 2ULL, "HTTP_RECEIVE_FULL_CHAIN");
_Static_assert((unsigned long long)(DWORD)(HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY) == 2ULL, "HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY");
/* A: HTTP_REQUEST_FLAG_* (HTTP_REQUEST_V1.Flags) */
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS) == 1ULL, "HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_FLAG_IP_ROUTED) == 2ULL, "HTTP_REQUEST_FLAG_IP_ROUTED");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_FLAG_HTTP2) == 4ULL, "HTTP_REQUEST_FLAG_HTTP2");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_FLAG_HTTP3) == 8ULL, "HTTP_REQUEST_FLAG_HTTP3");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_FLAG_FAST_FORWARDING_ALLOWED) == 16ULL, "HTTP_REQUEST_FLAG_FAST_FORWARDING_ALLOWED");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_FLAG_FAST_FORWARDING_RESPONSE_ALLOWED) == 16ULL, "HTTP_REQUEST_FLAG_FAST_FORWARDING_RESPONSE_ALLOWED");
/* A: HTTP_SEND_RESPONSE_FLAG_* (HttpSendHttpResponse / HttpSendResponseEntityBody Flags) */
_Static_assert((unsigned long long)(DWORD)(HTTP_SEND_RESPONSE_FLAG_DISCONNECT) == 1ULL, "HTTP_SEND_RESPONSE_FLAG_DISCONNECT");
_Static_assert((unsigned long long)(DWORD)(HTTP_SEND_RESPONSE_FLAG_MORE_DATA) == 2ULL, "HTTP_SEND_RESPONSE_FLAG_MORE_DATA");
_Static_assert((unsigned long long)(DWORD)(HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA) == 4ULL, "HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA");
_Static_assert((unsigned long long)(DWORD)(HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING) == 8ULL, "HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING");
_Static_assert((unsigned long long)(DWORD)(HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES) == 32ULL, "HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES");
_Static_assert((unsigned long long)(DWORD)(HTTP_SEND_RESPONSE_FLAG_OPAQUE) == 64ULL, "HTTP_SEND_RESPONSE_FLAG_OPAQUE");
_Static_assert((unsigned long long)(DWORD)(HTTP_SEND_RESPONSE_FLAG_GOAWAY) == 256ULL, "HTTP_SEND_RESPONSE_FLAG_GOAWAY");
_Static_assert((unsigned long long)(DWORD)(HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING) == 512ULL, "HTTP_SEND_RESPONSE_FLAG_AUTOMATIC_CHUNKING");
/* A: HTTP_RESPONSE_FLAG_* / HTTP_RESPONSE_INFO_FLAGS_* */
_Static_assert((unsigned long long)(DWORD)(HTTP_RESPONSE_FLAG_MULTIPLE_ENCODINGS_AVAILABLE) == 1ULL, "HTTP_RESPONSE_FLAG_MULTIPLE_ENCODINGS_AVAILABLE");
_Static_assert((unsigned long long)(DWORD)(HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER) == 1ULL, "HTTP_RESPONSE_INFO_FLAGS_PRESERVE_ORDER");
_Static_assert((unsigned long long)(DWORD)(HTTP_RESPONSE_FLAG_MORE_ENTITY_BODY_EXISTS) == 2ULL, "HTTP_RESPONSE_FLAG_MORE_ENTITY_BODY_EXISTS");
/* A: HTTP_URL_FLAG_* / HTTP_FLUSH_RESPONSE_FLAG_* */
_Static_assert((unsigned long long)(DWORD)(HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE) == 1ULL, "HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE");
_Static_assert((unsigned long long)(DWORD)(HTTP_URL_FLAG_REMOVE_ALL) == 1ULL, "HTTP_URL_FLAG_REMOVE_ALL");
/* A: Auth: HTTP_AUTH_ENABLE_* / HTTP_AUTH_EX_FLAG_* / HTTP_REQUEST_AUTH_FLAG_* */
_Static_assert((unsigned long long)(DWORD)(HTTP_AUTH_ENABLE_BASIC) == 1ULL, "HTTP_AUTH_ENABLE_BASIC");
_Static_assert((unsigned long long)(DWORD)(HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING) == 1ULL, "HTTP_AUTH_EX_FLAG_ENABLE_KERBEROS_CREDENTIAL_CACHING");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_AUTH_FLAG_TOKEN_FOR_CACHED_CRED) == 1ULL, "HTTP_REQUEST_AUTH_FLAG_TOKEN_FOR_CACHED_CRED");
_Static_assert((unsigned long long)(DWORD)(HTTP_AUTH_ENABLE_DIGEST) == 2ULL, "HTTP_AUTH_ENABLE_DIGEST");
_Static_assert((unsigned long long)(DWORD)(HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL) == 2ULL, "HTTP_AUTH_EX_FLAG_CAPTURE_CREDENTIAL");
_Static_assert((unsigned long long)(DWORD)(HTTP_AUTH_ENABLE_NTLM) == 4ULL, "HTTP_AUTH_ENABLE_NTLM");
_Static_assert((unsigned long long)(DWORD)(HTTP_AUTH_ENABLE_NEGOTIATE) == 8ULL, "HTTP_AUTH_ENABLE_NEGOTIATE");
_Static_assert((unsigned long long)(DWORD)(HTTP_AUTH_ENABLE_KERBEROS) == 16ULL, "HTTP_AUTH_ENABLE_KERBEROS");
_Static_assert((unsigned long long)(DWORD)(HTTP_AUTH_ENABLE_ALL) == 31ULL, "HTTP_AUTH_ENABLE_ALL");
/* A: Channel binding: HTTP_CHANNEL_BIND_* / HTTP_DEMAND_CBT */
_Static_assert((unsigned long long)(DWORD)(HTTP_CHANNEL_BIND_PROXY) == 1ULL, "HTTP_CHANNEL_BIND_PROXY");
_Static_assert((unsigned long long)(DWORD)(HTTP_CHANNEL_BIND_NO_SERVICE_NAME_CHECK) == 2ULL, "HTTP_CHANNEL_BIND_NO_SERVICE_NAME_CHECK");
_Static_assert((unsigned long long)(DWORD)(HTTP_CHANNEL_BIND_DOTLESS_SERVICE) == 4ULL, "HTTP_CHANNEL_BIND_DOTLESS_SERVICE");
_Static_assert((unsigned long long)(DWORD)(HTTP_DEMAND_CBT) == 4ULL, "HTTP_DEMAND_CBT");
_Static_assert((unsigned long long)(DWORD)(HTTP_CHANNEL_BIND_SECURE_CHANNEL_TOKEN) == 8ULL, "HTTP_CHANNEL_BIND_SECURE_CHANNEL_TOKEN");
_Static_assert((unsigned long long)(DWORD)(HTTP_CHANNEL_BIND_CLIENT_SERVICE) == 16ULL, "HTTP_CHANNEL_BIND_CLIENT_SERVICE");
_Static_assert((unsigned long long)(DWORD)(HTTP_CHANNEL_BIND_PROXY_COHOSTING) == 32ULL, "HTTP_CHANNEL_BIND_PROXY_COHOSTING");
/* A: Logging: HTTP_LOGGING_FLAG_* */
_Static_assert((unsigned long long)(DWORD)(HTTP_LOGGING_FLAG_LOCAL_TIME_ROLLOVER) == 1ULL, "HTTP_LOGGING_FLAG_LOCAL_TIME_ROLLOVER");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOGGING_FLAG_USE_UTF8_CONVERSION) == 2ULL, "HTTP_LOGGING_FLAG_USE_UTF8_CONVERSION");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOGGING_FLAG_LOG_ERRORS_ONLY) == 4ULL, "HTTP_LOGGING_FLAG_LOG_ERRORS_ONLY");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOGGING_FLAG_LOG_SUCCESS_ONLY) == 8ULL, "HTTP_LOGGING_FLAG_LOG_SUCCESS_ONLY");
/* A: Logging: HTTP_LOG_FIELD_* (HTTP_LOGGING_INFO.Fields) */
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_DATE) == 1ULL, "HTTP_LOG_FIELD_DATE");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_TIME) == 2ULL, "HTTP_LOG_FIELD_TIME");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_CLIENT_IP) == 4ULL, "HTTP_LOG_FIELD_CLIENT_IP");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_USER_NAME) == 8ULL, "HTTP_LOG_FIELD_USER_NAME");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_SITE_NAME) == 16ULL, "HTTP_LOG_FIELD_SITE_NAME");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_COMPUTER_NAME) == 32ULL, "HTTP_LOG_FIELD_COMPUTER_NAME");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_SERVER_IP) == 64ULL, "HTTP_LOG_FIELD_SERVER_IP");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_METHOD) == 128ULL, "HTTP_LOG_FIELD_METHOD");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_URI_STEM) == 256ULL, "HTTP_LOG_FIELD_URI_STEM");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_URI_QUERY) == 512ULL, "HTTP_LOG_FIELD_URI_QUERY");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_STATUS) == 1024ULL, "HTTP_LOG_FIELD_STATUS");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_WIN32_STATUS) == 2048ULL, "HTTP_LOG_FIELD_WIN32_STATUS");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_BYTES_SENT) == 4096ULL, "HTTP_LOG_FIELD_BYTES_SENT");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_BYTES_RECV) == 8192ULL, "HTTP_LOG_FIELD_BYTES_RECV");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_TIME_TAKEN) == 16384ULL, "HTTP_LOG_FIELD_TIME_TAKEN");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_SERVER_PORT) == 32768ULL, "HTTP_LOG_FIELD_SERVER_PORT");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_USER_AGENT) == 65536ULL, "HTTP_LOG_FIELD_USER_AGENT");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_COOKIE) == 131072ULL, "HTTP_LOG_FIELD_COOKIE");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_REFERER) == 262144ULL, "HTTP_LOG_FIELD_REFERER");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_VERSION) == 524288ULL, "HTTP_LOG_FIELD_VERSION");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_HOST) == 1048576ULL, "HTTP_LOG_FIELD_HOST");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_SUB_STATUS) == 2097152ULL, "HTTP_LOG_FIELD_SUB_STATUS");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_CLIENT_PORT) == 4194304ULL, "HTTP_LOG_FIELD_CLIENT_PORT");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_URI) == 8388608ULL, "HTTP_LOG_FIELD_URI");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_SITE_ID) == 16777216ULL, "HTTP_LOG_FIELD_SITE_ID");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_REASON) == 33554432ULL, "HTTP_LOG_FIELD_REASON");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_QUEUE_NAME) == 67108864ULL, "HTTP_LOG_FIELD_QUEUE_NAME");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_STREAM_ID) == 134217728ULL, "HTTP_LOG_FIELD_STREAM_ID");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_STREAM_ID_EX) == 268435456ULL, "HTTP_LOG_FIELD_STREAM_ID_EX");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_TRANSPORT_TYPE) == 536870912ULL, "HTTP_LOG_FIELD_TRANSPORT_TYPE");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_CORRELATION_ID) == 1073741824ULL, "HTTP_LOG_FIELD_CORRELATION_ID");
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_FAULT_CODE) == 2147483648ULL, "HTTP_LOG_FIELD_FAULT_CODE");
/* A: HTTP_SERVICE_CONFIG_SSL_FLAG_* (HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultFlags) */
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_USE_DS_MAPPER) == 1ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_USE_DS_MAPPER");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT) == 2ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_NEGOTIATE_CLIENT_CERT");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_NO_RAW_FILTER) == 4ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_NO_RAW_FILTER");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_REJECT) == 8ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_REJECT");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2) == 16ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_QUIC) == 32ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_QUIC");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_TLS13) == 64ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_TLS13");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_OCSP_STAPLING) == 128ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_OCSP_STAPLING");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_TOKEN_BINDING) == 256ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_TOKEN_BINDING");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_LOG_EXTENDED_EVENTS) == 512ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_LOG_EXTENDED_EVENTS");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_LEGACY_TLS) == 1024ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_LEGACY_TLS");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_SESSION_TICKET) == 2048ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_SESSION_TICKET");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_TLS12) == 4096ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_TLS12");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CLIENT_CORRELATION) == 8192ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CLIENT_CORRELATION");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_SESSION_ID) == 16384ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_SESSION_ID");
_Static_assert((unsigned long long)(DWORD)(HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO) == 32768ULL, "HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO");
/* A: Limits / misc */
_Static_assert((unsigned long long)(DWORD)(HTTP_LOG_FIELD_EXT_FAULT_CODE_EXT) == 1ULL, "HTTP_LOG_FIELD_EXT_FAULT_CODE_EXT");
_Static_assert((unsigned long long)(DWORD)(HTTP_MIN_SERVER_QUEUE_LENGTH) == 1ULL, "HTTP_MIN_SERVER_QUEUE_LENGTH");
_Static_assert(HTTP_REQUEST_INFO_FLAG_INITIAL_TTL == 1ULL, "HTTP_REQUEST_INFO_FLAG_INITIAL_TTL");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_PROPERTY_SNI_FLAG_SNI_USED) == 1ULL, "HTTP_REQUEST_PROPERTY_SNI_FLAG_SNI_USED");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_SIZING_INFO_FLAG_TCP_FAST_OPEN) == 1ULL, "HTTP_REQUEST_SIZING_INFO_FLAG_TCP_FAST_OPEN");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_PROPERTY_SNI_FLAG_NO_SNI) == 2ULL, "HTTP_REQUEST_PROPERTY_SNI_FLAG_NO_SNI");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_SIZING_INFO_FLAG_TLS_SESSION_RESUMPTION) == 2ULL, "HTTP_REQUEST_SIZING_INFO_FLAG_TLS_SESSION_RESUMPTION");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_SIZING_INFO_FLAG_TLS_FALSE_START) == 4ULL, "HTTP_REQUEST_SIZING_INFO_FLAG_TLS_FALSE_START");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_SIZING_INFO_FLAG_FIRST_REQUEST) == 8ULL, "HTTP_REQUEST_SIZING_INFO_FLAG_FIRST_REQUEST");
_Static_assert((unsigned long long)(DWORD)(HTTP_SSL_CERT_SHA_HASH_LENGTH) == 20ULL, "HTTP_SSL_CERT_SHA_HASH_LENGTH");
_Static_assert((unsigned long long)(DWORD)(HTTP_SSL_CERT_STORE_NAME_LENGTH) == 128ULL, "HTTP_SSL_CERT_STORE_NAME_LENGTH");
_Static_assert((unsigned long long)(DWORD)(HTTP_REQUEST_PROPERTY_SNI_HOST_MAX_LENGTH) == 255ULL, "HTTP_REQUEST_PROPERTY_SNI_HOST_MAX_LENGTH");
_Static_assert((unsigned long long)(DWORD)(HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE) == 1024ULL, "HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE");
_Static_assert((unsigned long long)(DWORD)(HTTP_MIN_ALLOWED_LOG_FILE_ROLLOVER_SIZE) == 1048576ULL, "HTTP_MIN_ALLOWED_LOG_FILE_ROLLOVER_SIZE");
_Static_assert((unsigned long long)(DWORD)(HTTP_MAX_SERVER_QUEUE_LENGTH) == 2147483647ULL, "HTTP_MAX_SERVER_QUEUE_LENGTH");
_Static_assert((unsigned long long)(DWORD)(HTTP_LIMIT_INFINITE) == 4294967295ULL, "HTTP_LIMIT_INFINITE");
_Static_assert((unsigned long long)(DWORD)(HTTP_QUIC_KEEPALIVE_TIMEOUT_DISABLED) == 4294967295ULL, "HTTP_QUIC_KEEPALIVE_TIMEOUT_DISABLED");
/* A: HTTP_CERT_CHECK_MODE_* (HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultCertCheckMode) */
_Static_assert((unsigned long long)(DWORD)(HTTP_CERT_CHECK_MODE_NO_REVOCATION) == 1ULL, "HTTP_CERT_CHECK_MODE_NO_REVOCATION");
_Static_assert((unsigned long long)(DWORD)(HTTP_CERT_CHECK_MODE_CACHED_REVOCATION) == 2ULL, "HTTP_CERT_CHECK_MODE_CACHED_REVOCATION");
_Static_assert((unsigned long long)(DWORD)(HTTP_CERT_CHECK_MODE_USE_REVOCATION_FRESHNESS) == 4ULL, "HTTP_CERT_CHECK_MODE_USE_REVOCATION_FRESHNESS");
_Static_assert((unsigned long long)(DWORD)(HTTP_CERT_CHECK_MODE_CACHED_URLS) == 8ULL, "HTTP_CERT_CHECK_MODE_CACHED_URLS");
_Static_assert((unsigned long long)(DWORD)(HTTP_CERT_CHECK_MODE_NO_AIA) == 16ULL, "HTTP_CERT_CHECK_MODE_NO_AIA");
_Static_assert((unsigned long long)(DWORD)(HTTP_CERT_CHECK_MODE_NO_USAGE_CHECK) == 65536ULL, "HTTP_CERT_CHECK_MODE_NO_USAGE_CHECK");
/* A: HTTP_VERB (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpVerbUnparsed) == 0ULL, "HttpVerbUnparsed");
_Static_assert((unsigned long long)(DWORD)(HttpVerbUnknown) == 1ULL, "HttpVerbUnknown");
_Static_assert((unsigned long long)(DWORD)(HttpVerbInvalid) == 2ULL, "HttpVerbInvalid");
_Static_assert((unsigned long long)(DWORD)(HttpVerbOPTIONS) == 3ULL, "HttpVerbOPTIONS");
_Static_assert((unsigned long long)(DWORD)(HttpVerbGET) == 4ULL, "HttpVerbGET");
_Static_assert((unsigned long long)(DWORD)(HttpVerbHEAD) == 5ULL, "HttpVerbHEAD");
_Static_assert((unsigned long long)(DWORD)(HttpVerbPOST) == 6ULL, "HttpVerbPOST");
_Static_assert((unsigned long long)(DWORD)(HttpVerbPUT) == 7ULL, "HttpVerbPUT");
_Static_assert((unsigned long long)(DWORD)(HttpVerbDELETE) == 8ULL, "HttpVerbDELETE");
_Static_assert((unsigned long long)(DWORD)(HttpVerbTRACE) == 9ULL, "HttpVerbTRACE");
_Static_assert((unsigned long long)(DWORD)(HttpVerbCONNECT) == 10ULL, "HttpVerbCONNECT");
_Static_assert((unsigned long long)(DWORD)(HttpVerbTRACK) == 11ULL, "HttpVerbTRACK");
_Static_assert((unsigned long long)(DWORD)(HttpVerbMOVE) == 12ULL, "HttpVerbMOVE");
_Static_assert((unsigned long long)(DWORD)(HttpVerbCOPY) == 13ULL, "HttpVerbCOPY");
_Static_assert((unsigned long long)(DWORD)(HttpVerbPROPFIND) == 14ULL, "HttpVerbPROPFIND");
_Static_assert((unsigned long long)(DWORD)(HttpVerbPROPPATCH) == 15ULL, "HttpVerbPROPPATCH");
_Static_assert((unsigned long long)(DWORD)(HttpVerbMKCOL) == 16ULL, "HttpVerbMKCOL");
_Static_assert((unsigned long long)(DWORD)(HttpVerbLOCK) == 17ULL, "HttpVerbLOCK");
_Static_assert((unsigned long long)(DWORD)(HttpVerbUNLOCK) == 18ULL, "HttpVerbUNLOCK");
_Static_assert((unsigned long long)(DWORD)(HttpVerbSEARCH) == 19ULL, "HttpVerbSEARCH");
_Static_assert((unsigned long long)(DWORD)(HttpVerbMaximum) == 20ULL, "HttpVerbMaximum");
/* A: HTTP_HEADER_ID (enum, 4-byte int) */
/* A: HTTP_DATA_CHUNK_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpDataChunkFromMemory) == 0ULL, "HttpDataChunkFromMemory");
_Static_assert((unsigned long long)(DWORD)(HttpDataChunkFromFileHandle) == 1ULL, "HttpDataChunkFromFileHandle");
_Static_assert((unsigned long long)(DWORD)(HttpDataChunkFromFragmentCache) == 2ULL, "HttpDataChunkFromFragmentCache");
_Static_assert((unsigned long long)(DWORD)(HttpDataChunkFromFragmentCacheEx) == 3ULL, "HttpDataChunkFromFragmentCacheEx");
_Static_assert((unsigned long long)(DWORD)(HttpDataChunkTrailers) == 4ULL, "HttpDataChunkTrailers");
_Static_assert((unsigned long long)(DWORD)(HttpDataChunkFromWinHttpFastForwarding) == 5ULL, "HttpDataChunkFromWinHttpFastForwarding");
_Static_assert((unsigned long long)(DWORD)(HttpDataChunkMaximum) == 5ULL, "HttpDataChunkMaximum");
/* A: HTTP_SERVER_PROPERTY (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpServerAuthenticationProperty) == 0ULL, "HttpServerAuthenticationProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerLoggingProperty) == 1ULL, "HttpServerLoggingProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerQosProperty) == 2ULL, "HttpServerQosProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerTimeoutsProperty) == 3ULL, "HttpServerTimeoutsProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerQueueLengthProperty) == 4ULL, "HttpServerQueueLengthProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerStateProperty) == 5ULL, "HttpServerStateProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServer503VerbosityProperty) == 6ULL, "HttpServer503VerbosityProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerBindingProperty) == 7ULL, "HttpServerBindingProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerExtendedAuthenticationProperty) == 8ULL, "HttpServerExtendedAuthenticationProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerListenEndpointProperty) == 9ULL, "HttpServerListenEndpointProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerChannelBindProperty) == 10ULL, "HttpServerChannelBindProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerProtectionLevelProperty) == 11ULL, "HttpServerProtectionLevelProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerDelegationProperty) == 16ULL, "HttpServerDelegationProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerFastForwardingProperty) == 18ULL, "HttpServerFastForwardingProperty");
_Static_assert((unsigned long long)(DWORD)(HttpServerRequestInfoProperty) == 19ULL, "HttpServerRequestInfoProperty");
/* A: HTTP_CACHE_POLICY_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpCachePolicyNocache) == 0ULL, "HttpCachePolicyNocache");
_Static_assert((unsigned long long)(DWORD)(HttpCachePolicyUserInvalidates) == 1ULL, "HttpCachePolicyUserInvalidates");
_Static_assert((unsigned long long)(DWORD)(HttpCachePolicyTimeToLive) == 2ULL, "HttpCachePolicyTimeToLive");
_Static_assert((unsigned long long)(DWORD)(HttpCachePolicyMaximum) == 3ULL, "HttpCachePolicyMaximum");
/* A: HTTP_SERVICE_CONFIG_QUERY_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigQueryExact) == 0ULL, "HttpServiceConfigQueryExact");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigQueryNext) == 1ULL, "HttpServiceConfigQueryNext");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigQueryMax) == 2ULL, "HttpServiceConfigQueryMax");
/* A: HTTP_503_RESPONSE_VERBOSITY (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(Http503ResponseVerbosityBasic) == 0ULL, "Http503ResponseVerbosityBasic");
_Static_assert((unsigned long long)(DWORD)(Http503ResponseVerbosityLimited) == 1ULL, "Http503ResponseVerbosityLimited");
_Static_assert((unsigned long long)(DWORD)(Http503ResponseVerbosityFull) == 2ULL, "Http503ResponseVerbosityFull");
/* A: HTTP_ENABLED_STATE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpEnabledStateActive) == 0ULL, "HttpEnabledStateActive");
_Static_assert((unsigned long long)(DWORD)(HttpEnabledStateInactive) == 1ULL, "HttpEnabledStateInactive");
/* A: HTTP_LOGGING_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpLoggingTypeW3C) == 0ULL, "HttpLoggingTypeW3C");
_Static_assert((unsigned long long)(DWORD)(HttpLoggingTypeIIS) == 1ULL, "HttpLoggingTypeIIS");
_Static_assert((unsigned long long)(DWORD)(HttpLoggingTypeNCSA) == 2ULL, "HttpLoggingTypeNCSA");
_Static_assert((unsigned long long)(DWORD)(HttpLoggingTypeRaw) == 3ULL, "HttpLoggingTypeRaw");
/* A: HTTP_LOGGING_ROLLOVER_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpLoggingRolloverSize) == 0ULL, "HttpLoggingRolloverSize");
_Static_assert((unsigned long long)(DWORD)(HttpLoggingRolloverDaily) == 1ULL, "HttpLoggingRolloverDaily");
_Static_assert((unsigned long long)(DWORD)(HttpLoggingRolloverWeekly) == 2ULL, "HttpLoggingRolloverWeekly");
_Static_assert((unsigned long long)(DWORD)(HttpLoggingRolloverMonthly) == 3ULL, "HttpLoggingRolloverMonthly");
_Static_assert((unsigned long long)(DWORD)(HttpLoggingRolloverHourly) == 4ULL, "HttpLoggingRolloverHourly");
/* A: HTTP_QOS_SETTING_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpQosSettingTypeBandwidth) == 0ULL, "HttpQosSettingTypeBandwidth");
_Static_assert((unsigned long long)(DWORD)(HttpQosSettingTypeConnectionLimit) == 1ULL, "HttpQosSettingTypeConnectionLimit");
_Static_assert((unsigned long long)(DWORD)(HttpQosSettingTypeFlowRate) == 2ULL, "HttpQosSettingTypeFlowRate");
/* A: HTTP_AUTHENTICATION_HARDENING_LEVELS (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpAuthenticationHardeningLegacy) == 0ULL, "HttpAuthenticationHardeningLegacy");
_Static_assert((unsigned long long)(DWORD)(HttpAuthenticationHardeningMedium) == 1ULL, "HttpAuthenticationHardeningMedium");
_Static_assert((unsigned long long)(DWORD)(HttpAuthenticationHardeningStrict) == 2ULL, "HttpAuthenticationHardeningStrict");
/* A: HTTP_SERVICE_BINDING_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpServiceBindingTypeNone) == 0ULL, "HttpServiceBindingTypeNone");
_Static_assert((unsigned long long)(DWORD)(HttpServiceBindingTypeW) == 1ULL, "HttpServiceBindingTypeW");
_Static_assert((unsigned long long)(DWORD)(HttpServiceBindingTypeA) == 2ULL, "HttpServiceBindingTypeA");
/* A: HTTP_LOG_DATA_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpLogDataTypeFields) == 0ULL, "HttpLogDataTypeFields");
/* A: HTTP_REQUEST_AUTH_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpRequestAuthTypeNone) == 0ULL, "HttpRequestAuthTypeNone");
_Static_assert((unsigned long long)(DWORD)(HttpRequestAuthTypeBasic) == 1ULL, "HttpRequestAuthTypeBasic");
_Static_assert((unsigned long long)(DWORD)(HttpRequestAuthTypeDigest) == 2ULL, "HttpRequestAuthTypeDigest");
_Static_assert((unsigned long long)(DWORD)(HttpRequestAuthTypeNTLM) == 3ULL, "HttpRequestAuthTypeNTLM");
_Static_assert((unsigned long long)(DWORD)(HttpRequestAuthTypeNegotiate) == 4ULL, "HttpRequestAuthTypeNegotiate");
_Static_assert((unsigned long long)(DWORD)(HttpRequestAuthTypeKerberos) == 5ULL, "HttpRequestAuthTypeKerberos");
/* A: HTTP_AUTH_STATUS (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpAuthStatusSuccess) == 0ULL, "HttpAuthStatusSuccess");
_Static_assert((unsigned long long)(DWORD)(HttpAuthStatusNotAuthenticated) == 1ULL, "HttpAuthStatusNotAuthenticated");
_Static_assert((unsigned long long)(DWORD)(HttpAuthStatusFailure) == 2ULL, "HttpAuthStatusFailure");
/* A: HTTP_SERVICE_CONFIG_TIMEOUT_KEY (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(IdleConnectionTimeout) == 0ULL, "IdleConnectionTimeout");
_Static_assert((unsigned long long)(DWORD)(HeaderWaitTimeout) == 1ULL, "HeaderWaitTimeout");
/* A: HTTP_SERVICE_CONFIG_CACHE_KEY (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(MaxCacheResponseSize) == 0ULL, "MaxCacheResponseSize");
_Static_assert((unsigned long long)(DWORD)(CacheRangeChunkSize) == 1ULL, "CacheRangeChunkSize");
/* A: HTTP_SERVICE_CONFIG_SETTING_KEY (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpNone) == 0ULL, "HttpNone");
_Static_assert((unsigned long long)(DWORD)(HttpTlsThrottle) == 1ULL, "HttpTlsThrottle");
/* A: HTTP_PROTECTION_LEVEL_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpProtectionLevelUnrestricted) == 0ULL, "HttpProtectionLevelUnrestricted");
_Static_assert((unsigned long long)(DWORD)(HttpProtectionLevelEdgeRestricted) == 1ULL, "HttpProtectionLevelEdgeRestricted");
_Static_assert((unsigned long long)(DWORD)(HttpProtectionLevelRestricted) == 2ULL, "HttpProtectionLevelRestricted");
/* A: HTTP_SCHEME (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpSchemeHttp) == 0ULL, "HttpSchemeHttp");
_Static_assert((unsigned long long)(DWORD)(HttpSchemeHttps) == 1ULL, "HttpSchemeHttps");
_Static_assert((unsigned long long)(DWORD)(HttpSchemeMaximum) == 2ULL, "HttpSchemeMaximum");
/* A: HTTP_CREATE_REQUEST_QUEUE_PROPERTY_ID (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(CreateRequestQueueExternalIdProperty) == 1ULL, "CreateRequestQueueExternalIdProperty");
_Static_assert((unsigned long long)(DWORD)(CreateRequestQueueMax) == 2ULL, "CreateRequestQueueMax");
/* A: HTTP_DELEGATE_REQUEST_PROPERTY_ID (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(DelegateRequestReservedProperty) == 0ULL, "DelegateRequestReservedProperty");
_Static_assert((unsigned long long)(DWORD)(DelegateRequestDelegateUrlProperty) == 1ULL, "DelegateRequestDelegateUrlProperty");
/* A: HTTP_PERFORMANCE_PARAM_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(PerformanceParamSendBufferingFlags) == 0ULL, "PerformanceParamSendBufferingFlags");
_Static_assert((unsigned long long)(DWORD)(PerformanceParamAggressiveICW) == 1ULL, "PerformanceParamAggressiveICW");
_Static_assert((unsigned long long)(DWORD)(PerformanceParamMaxSendBufferSize) == 2ULL, "PerformanceParamMaxSendBufferSize");
_Static_assert((unsigned long long)(DWORD)(PerformanceParamMaxConcurrentClientStreams) == 3ULL, "PerformanceParamMaxConcurrentClientStreams");
_Static_assert((unsigned long long)(DWORD)(PerformanceParamMaxReceiveBufferSize) == 4ULL, "PerformanceParamMaxReceiveBufferSize");
_Static_assert((unsigned long long)(DWORD)(PerformanceParamDecryptOnSspiThread) == 5ULL, "PerformanceParamDecryptOnSspiThread");
_Static_assert((unsigned long long)(DWORD)(PerformanceParamMax) == 6ULL, "PerformanceParamMax");
/* A: HTTP_REQUEST_SIZING_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpRequestSizingTypeTlsHandshakeLeg1ClientData) == 0ULL, "HttpRequestSizingTypeTlsHandshakeLeg1ClientData");
_Static_assert((unsigned long long)(DWORD)(HttpRequestSizingTypeTlsHandshakeLeg1ServerData) == 1ULL, "HttpRequestSizingTypeTlsHandshakeLeg1ServerData");
_Static_assert((unsigned long long)(DWORD)(HttpRequestSizingTypeTlsHandshakeLeg2ClientData) == 2ULL, "HttpRequestSizingTypeTlsHandshakeLeg2ClientData");
_Static_assert((unsigned long long)(DWORD)(HttpRequestSizingTypeTlsHandshakeLeg2ServerData) == 3ULL, "HttpRequestSizingTypeTlsHandshakeLeg2ServerData");
_Static_assert((unsigned long long)(DWORD)(HttpRequestSizingTypeHeaders) == 4ULL, "HttpRequestSizingTypeHeaders");
_Static_assert((unsigned long long)(DWORD)(HttpRequestSizingTypeMax) == 5ULL, "HttpRequestSizingTypeMax");
/* A: HTTP_REQUEST_TIMING_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeConnectionStart) == 0ULL, "HttpRequestTimingTypeConnectionStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeDataStart) == 1ULL, "HttpRequestTimingTypeDataStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsCertificateLoadStart) == 2ULL, "HttpRequestTimingTypeTlsCertificateLoadStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsCertificateLoadEnd) == 3ULL, "HttpRequestTimingTypeTlsCertificateLoadEnd");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsHandshakeLeg1Start) == 4ULL, "HttpRequestTimingTypeTlsHandshakeLeg1Start");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsHandshakeLeg1End) == 5ULL, "HttpRequestTimingTypeTlsHandshakeLeg1End");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsHandshakeLeg2Start) == 6ULL, "HttpRequestTimingTypeTlsHandshakeLeg2Start");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsHandshakeLeg2End) == 7ULL, "HttpRequestTimingTypeTlsHandshakeLeg2End");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsAttributesQueryStart) == 8ULL, "HttpRequestTimingTypeTlsAttributesQueryStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsAttributesQueryEnd) == 9ULL, "HttpRequestTimingTypeTlsAttributesQueryEnd");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsClientCertQueryStart) == 10ULL, "HttpRequestTimingTypeTlsClientCertQueryStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeTlsClientCertQueryEnd) == 11ULL, "HttpRequestTimingTypeTlsClientCertQueryEnd");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeHttp2StreamStart) == 12ULL, "HttpRequestTimingTypeHttp2StreamStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeHttp2HeaderDecodeStart) == 13ULL, "HttpRequestTimingTypeHttp2HeaderDecodeStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeHttp2HeaderDecodeEnd) == 14ULL, "HttpRequestTimingTypeHttp2HeaderDecodeEnd");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestHeaderParseStart) == 15ULL, "HttpRequestTimingTypeRequestHeaderParseStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestHeaderParseEnd) == 16ULL, "HttpRequestTimingTypeRequestHeaderParseEnd");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestRoutingStart) == 17ULL, "HttpRequestTimingTypeRequestRoutingStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestRoutingEnd) == 18ULL, "HttpRequestTimingTypeRequestRoutingEnd");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestQueuedForInspection) == 19ULL, "HttpRequestTimingTypeRequestQueuedForInspection");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestDeliveredForInspection) == 20ULL, "HttpRequestTimingTypeRequestDeliveredForInspection");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestReturnedAfterInspection) == 21ULL, "HttpRequestTimingTypeRequestReturnedAfterInspection");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestQueuedForDelegation) == 22ULL, "HttpRequestTimingTypeRequestQueuedForDelegation");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestDeliveredForDelegation) == 23ULL, "HttpRequestTimingTypeRequestDeliveredForDelegation");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestReturnedAfterDelegation) == 24ULL, "HttpRequestTimingTypeRequestReturnedAfterDelegation");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestQueuedForIO) == 25ULL, "HttpRequestTimingTypeRequestQueuedForIO");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeRequestDeliveredForIO) == 26ULL, "HttpRequestTimingTypeRequestDeliveredForIO");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeHttp3StreamStart) == 27ULL, "HttpRequestTimingTypeHttp3StreamStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeHttp3HeaderDecodeStart) == 28ULL, "HttpRequestTimingTypeHttp3HeaderDecodeStart");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeHttp3HeaderDecodeEnd) == 29ULL, "HttpRequestTimingTypeHttp3HeaderDecodeEnd");
_Static_assert((unsigned long long)(DWORD)(HttpRequestTimingTypeMax) == 30ULL, "HttpRequestTimingTypeMax");
/* A: HTTP_SERVICE_CONFIG_ID (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigIPListenList) == 0ULL, "HttpServiceConfigIPListenList");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSSLCertInfo) == 1ULL, "HttpServiceConfigSSLCertInfo");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigUrlAclInfo) == 2ULL, "HttpServiceConfigUrlAclInfo");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigTimeout) == 3ULL, "HttpServiceConfigTimeout");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigCache) == 4ULL, "HttpServiceConfigCache");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSslSniCertInfo) == 5ULL, "HttpServiceConfigSslSniCertInfo");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSslCcsCertInfo) == 6ULL, "HttpServiceConfigSslCcsCertInfo");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSetting) == 7ULL, "HttpServiceConfigSetting");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSslCertInfoEx) == 8ULL, "HttpServiceConfigSslCertInfoEx");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSslSniCertInfoEx) == 9ULL, "HttpServiceConfigSslSniCertInfoEx");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSslCcsCertInfoEx) == 10ULL, "HttpServiceConfigSslCcsCertInfoEx");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSslScopedCcsCertInfo) == 11ULL, "HttpServiceConfigSslScopedCcsCertInfo");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigSslScopedCcsCertInfoEx) == 12ULL, "HttpServiceConfigSslScopedCcsCertInfoEx");
_Static_assert((unsigned long long)(DWORD)(HttpServiceConfigMax) == 13ULL, "HttpServiceConfigMax");
/* A: HTTP_RESPONSE_INFO_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpResponseInfoTypeMultipleKnownHeaders) == 0ULL, "HttpResponseInfoTypeMultipleKnownHeaders");
_Static_assert((unsigned long long)(DWORD)(HttpResponseInfoTypeAuthenticationProperty) == 1ULL, "HttpResponseInfoTypeAuthenticationProperty");
_Static_assert((unsigned long long)(DWORD)(HttpResponseInfoTypeQoSProperty) == 2ULL, "HttpResponseInfoTypeQoSProperty");
_Static_assert((unsigned long long)(DWORD)(HttpResponseInfoTypeChannelBind) == 3ULL, "HttpResponseInfoTypeChannelBind");
/* A: HTTP_REQUEST_INFO_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeAuth) == 0ULL, "HttpRequestInfoTypeAuth");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeChannelBind) == 1ULL, "HttpRequestInfoTypeChannelBind");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeSslProtocol) == 2ULL, "HttpRequestInfoTypeSslProtocol");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeSslTokenBindingDraft) == 3ULL, "HttpRequestInfoTypeSslTokenBindingDraft");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeSslTokenBinding) == 4ULL, "HttpRequestInfoTypeSslTokenBinding");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeRequestTiming) == 5ULL, "HttpRequestInfoTypeRequestTiming");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeTcpInfoV0) == 6ULL, "HttpRequestInfoTypeTcpInfoV0");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeRequestSizing) == 7ULL, "HttpRequestInfoTypeRequestSizing");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeQuicStats) == 8ULL, "HttpRequestInfoTypeQuicStats");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeTcpInfoV1) == 9ULL, "HttpRequestInfoTypeTcpInfoV1");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeQuicStatsV2) == 10ULL, "HttpRequestInfoTypeQuicStatsV2");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeTcpInfoV2) == 11ULL, "HttpRequestInfoTypeTcpInfoV2");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeTransportIdleConnectionTimeout) == 12ULL, "HttpRequestInfoTypeTransportIdleConnectionTimeout");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeDscpTag) == 13ULL, "HttpRequestInfoTypeDscpTag");
_Static_assert((unsigned long long)(DWORD)(HttpRequestInfoTypeInitialPacketTtl) == 14ULL, "HttpRequestInfoTypeInitialPacketTtl");
/* A: HTTP_REQUEST_PROPERTY (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyIsb) == 0ULL, "HttpRequestPropertyIsb");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyTcpInfoV0) == 1ULL, "HttpRequestPropertyTcpInfoV0");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyQuicStats) == 2ULL, "HttpRequestPropertyQuicStats");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyTcpInfoV1) == 3ULL, "HttpRequestPropertyTcpInfoV1");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertySni) == 4ULL, "HttpRequestPropertySni");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyStreamError) == 5ULL, "HttpRequestPropertyStreamError");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyWskApiTimings) == 6ULL, "HttpRequestPropertyWskApiTimings");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyQuicApiTimings) == 7ULL, "HttpRequestPropertyQuicApiTimings");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyQuicStatsV2) == 8ULL, "HttpRequestPropertyQuicStatsV2");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyQuicStreamStats) == 9ULL, "HttpRequestPropertyQuicStreamStats");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyTcpInfoV2) == 10ULL, "HttpRequestPropertyTcpInfoV2");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyTlsClientHello) == 11ULL, "HttpRequestPropertyTlsClientHello");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyTransportIdleConnectionTimeout) == 12ULL, "HttpRequestPropertyTransportIdleConnectionTimeout");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyDscpTag) == 13ULL, "HttpRequestPropertyDscpTag");
_Static_assert((unsigned long long)(DWORD)(HttpRequestPropertyTlsCipherInfo) == 14ULL, "HttpRequestPropertyTlsCipherInfo");
/* A: HTTP_FEATURE_ID (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(HttpFeatureUnknown) == 0ULL, "HttpFeatureUnknown");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureResponseTrailers) == 1ULL, "HttpFeatureResponseTrailers");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureApiTimings) == 2ULL, "HttpFeatureApiTimings");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureDelegateEx) == 3ULL, "HttpFeatureDelegateEx");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureHttp3) == 4ULL, "HttpFeatureHttp3");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureLast) == 5ULL, "HttpFeatureLast");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureTlsSessionTickets) == 5ULL, "HttpFeatureTlsSessionTickets");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureDisableTlsSessionId) == 6ULL, "HttpFeatureDisableTlsSessionId");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureTlsDualCerts) == 7ULL, "HttpFeatureTlsDualCerts");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureAutomaticChunkedEncoding) == 8ULL, "HttpFeatureAutomaticChunkedEncoding");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureDedicatedReqQueueDelegationType) == 9ULL, "HttpFeatureDedicatedReqQueueDelegationType");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureFastForwardResponse) == 10ULL, "HttpFeatureFastForwardResponse");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureCacheTlsClientHello) == 11ULL, "HttpFeatureCacheTlsClientHello");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureIdleConnectionTimeoutRequestProperty) == 12ULL, "HttpFeatureIdleConnectionTimeoutRequestProperty");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureDisableAiaFlag) == 13ULL, "HttpFeatureDisableAiaFlag");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureDscp) == 14ULL, "HttpFeatureDscp");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureQueryCipherInfo) == 15ULL, "HttpFeatureQueryCipherInfo");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureQueryInitialPacketTtl) == 16ULL, "HttpFeatureQueryInitialPacketTtl");
_Static_assert((unsigned long long)(DWORD)(HttpFeatureTlsHandshakePerformanceCounters) == 17ULL, "HttpFeatureTlsHandshakePerformanceCounters");
_Static_assert(HttpFeaturemax == -1, "HttpFeaturemax");
/* A: HTTP_SSL_SERVICE_CONFIG_EX_PARAM_TYPE (enum, 4-byte int) */
_Static_assert((unsigned long long)(DWORD)(ExParamTypeHttp2Window) == 0ULL, "ExParamTypeHttp2Window");
_Static_assert((unsigned long long)(DWORD)(ExParamTypeHttp2SettingsLimits) == 1ULL, "ExParamTypeHttp2SettingsLimits");
_Static_assert((unsigned long long)(DWORD)(ExParamTypeHttpPerformance) == 2ULL, "ExParamTypeHttpPerformance");
_Static_assert((unsigned long long)(DWORD)(ExParamTypeTlsRestrictions) == 3ULL, "ExParamTypeTlsRestrictions");
_Static_assert((unsigned long long)(DWORD)(ExParamTypeErrorHeaders) == 4ULL, "ExParamTypeErrorHeaders");
_Static_assert((unsigned long long)(DWORD)(ExParamTypeTlsSessionTicketKeys) == 5ULL, "ExParamTypeTlsSessionTicketKeys");
_Static_assert((unsigned long long)(DWORD)(ExParamTypeCertConfig) == 6ULL, "ExParamTypeCertConfig");
_Static_assert((unsigned long long)(DWORD)(ExParamTypeMax) == 6ULL, "ExParamTypeMax");
/* B: WINHTTP_ACCESS_TYPE_* (WinHttpOpen dwAccessType, WINHTTP_PROXY_INFO.dwAccessType) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ACCESS_TYPE_DEFAULT_PROXY) == 0ULL, "WINHTTP_ACCESS_TYPE_DEFAULT_PROXY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ACCESS_TYPE_NO_PROXY) == 1ULL, "WINHTTP_ACCESS_TYPE_NO_PROXY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ACCESS_TYPE_NAMED_PROXY) == 3ULL, "WINHTTP_ACCESS_TYPE_NAMED_PROXY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY) == 4ULL, "WINHTTP_ACCESS_TYPE_AUTOMATIC_PROXY");
/* B: WinHttpOpen dwFlags / WinHttpOpenRequest dwFlags: WINHTTP_FLAG_* */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_ESCAPE_PERCENT) == 4ULL, "WINHTTP_FLAG_ESCAPE_PERCENT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_NULL_CODEPAGE) == 8ULL, "WINHTTP_FLAG_NULL_CODEPAGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_ESCAPE_DISABLE) == 64ULL, "WINHTTP_FLAG_ESCAPE_DISABLE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_ESCAPE_DISABLE_QUERY) == 128ULL, "WINHTTP_FLAG_ESCAPE_DISABLE_QUERY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_BYPASS_PROXY_CACHE) == 256ULL, "WINHTTP_FLAG_BYPASS_PROXY_CACHE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_REFRESH) == 256ULL, "WINHTTP_FLAG_REFRESH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_AUTOMATIC_CHUNKING) == 512ULL, "WINHTTP_FLAG_AUTOMATIC_CHUNKING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE) == 8388608ULL, "WINHTTP_FLAG_SECURE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_ASYNC) == 268435456ULL, "WINHTTP_FLAG_ASYNC");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE_DEFAULTS) == 805306368ULL, "WINHTTP_FLAG_SECURE_DEFAULTS");
/* B: WINHTTP_FLAG_SECURE_PROTOCOL_* (WINHTTP_OPTION_SECURE_PROTOCOLS) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE_PROTOCOL_SSL2) == 8ULL, "WINHTTP_FLAG_SECURE_PROTOCOL_SSL2");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE_PROTOCOL_SSL3) == 32ULL, "WINHTTP_FLAG_SECURE_PROTOCOL_SSL3");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE_PROTOCOL_TLS1) == 128ULL, "WINHTTP_FLAG_SECURE_PROTOCOL_TLS1");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE_PROTOCOL_ALL) == 168ULL, "WINHTTP_FLAG_SECURE_PROTOCOL_ALL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_1) == 512ULL, "WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_1");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_2) == 2048ULL, "WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_2");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_3) == 8192ULL, "WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_3");
/* B: WINHTTP_CALLBACK_STATUS_* (dwInternetStatus) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_RESOLVING_NAME) == 1ULL, "WINHTTP_CALLBACK_STATUS_RESOLVING_NAME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_NAME_RESOLVED) == 2ULL, "WINHTTP_CALLBACK_STATUS_NAME_RESOLVED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER) == 4ULL, "WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_CONNECTED_TO_SERVER) == 8ULL, "WINHTTP_CALLBACK_STATUS_CONNECTED_TO_SERVER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_SENDING_REQUEST) == 16ULL, "WINHTTP_CALLBACK_STATUS_SENDING_REQUEST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_REQUEST_SENT) == 32ULL, "WINHTTP_CALLBACK_STATUS_REQUEST_SENT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE) == 64ULL, "WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED) == 128ULL, "WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_CLOSING_CONNECTION) == 256ULL, "WINHTTP_CALLBACK_STATUS_CLOSING_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_CONNECTION_CLOSED) == 512ULL, "WINHTTP_CALLBACK_STATUS_CONNECTION_CLOSED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_HANDLE_CREATED) == 1024ULL, "WINHTTP_CALLBACK_STATUS_HANDLE_CREATED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING) == 2048ULL, "WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_DETECTING_PROXY) == 4096ULL, "WINHTTP_CALLBACK_STATUS_DETECTING_PROXY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_REDIRECT) == 16384ULL, "WINHTTP_CALLBACK_STATUS_REDIRECT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE) == 32768ULL, "WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_SECURE_FAILURE) == 65536ULL, "WINHTTP_CALLBACK_STATUS_SECURE_FAILURE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE) == 131072ULL, "WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE) == 262144ULL, "WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_READ_COMPLETE) == 524288ULL, "WINHTTP_CALLBACK_STATUS_READ_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE) == 1048576ULL, "WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_REQUEST_ERROR) == 2097152ULL, "WINHTTP_CALLBACK_STATUS_REQUEST_ERROR");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE) == 4194304ULL, "WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE) == 16777216ULL, "WINHTTP_CALLBACK_STATUS_GETPROXYFORURL_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_CLOSE_COMPLETE) == 33554432ULL, "WINHTTP_CALLBACK_STATUS_CLOSE_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_SHUTDOWN_COMPLETE) == 67108864ULL, "WINHTTP_CALLBACK_STATUS_SHUTDOWN_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE) == 134217728ULL, "WINHTTP_CALLBACK_STATUS_GETPROXYSETTINGS_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_SETTINGS_WRITE_COMPLETE) == 268435456ULL, "WINHTTP_CALLBACK_STATUS_SETTINGS_WRITE_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_SETTINGS_READ_COMPLETE) == 536870912ULL, "WINHTTP_CALLBACK_STATUS_SETTINGS_READ_COMPLETE");
/* B: WINHTTP_CALLBACK_FLAG_* (WinHttpSetStatusCallback dwNotificationFlags) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_RESOLVE_NAME) == 3ULL, "WINHTTP_CALLBACK_FLAG_RESOLVE_NAME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_CONNECT_TO_SERVER) == 12ULL, "WINHTTP_CALLBACK_FLAG_CONNECT_TO_SERVER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_SEND_REQUEST) == 48ULL, "WINHTTP_CALLBACK_FLAG_SEND_REQUEST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_RECEIVE_RESPONSE) == 192ULL, "WINHTTP_CALLBACK_FLAG_RECEIVE_RESPONSE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_CLOSE_CONNECTION) == 768ULL, "WINHTTP_CALLBACK_FLAG_CLOSE_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_HANDLES) == 3072ULL, "WINHTTP_CALLBACK_FLAG_HANDLES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_DETECTING_PROXY) == 4096ULL, "WINHTTP_CALLBACK_FLAG_DETECTING_PROXY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_REDIRECT) == 16384ULL, "WINHTTP_CALLBACK_FLAG_REDIRECT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_INTERMEDIATE_RESPONSE) == 32768ULL, "WINHTTP_CALLBACK_FLAG_INTERMEDIATE_RESPONSE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_SECURE_FAILURE) == 65536ULL, "WINHTTP_CALLBACK_FLAG_SECURE_FAILURE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_HEADERS_AVAILABLE) == 131072ULL, "WINHTTP_CALLBACK_FLAG_HEADERS_AVAILABLE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_DATA_AVAILABLE) == 262144ULL, "WINHTTP_CALLBACK_FLAG_DATA_AVAILABLE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_READ_COMPLETE) == 524288ULL, "WINHTTP_CALLBACK_FLAG_READ_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_WRITE_COMPLETE) == 1048576ULL, "WINHTTP_CALLBACK_FLAG_WRITE_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_REQUEST_ERROR) == 2097152ULL, "WINHTTP_CALLBACK_FLAG_REQUEST_ERROR");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_SENDREQUEST_COMPLETE) == 4194304ULL, "WINHTTP_CALLBACK_FLAG_SENDREQUEST_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_GETPROXYFORURL_COMPLETE) == 16777216ULL, "WINHTTP_CALLBACK_FLAG_GETPROXYFORURL_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_GETPROXYSETTINGS_COMPLETE) == 134217728ULL, "WINHTTP_CALLBACK_FLAG_GETPROXYSETTINGS_COMPLETE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS) == 159252480ULL, "WINHTTP_CALLBACK_FLAG_ALL_COMPLETIONS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS) == 4294967295ULL, "WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS");
/* B: WINHTTP_CALLBACK_STATUS_FLAG_* (SECURE_FAILURE detail DWORD) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED) == 1ULL, "WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CERT) == 2ULL, "WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CERT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED) == 4ULL, "WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA) == 8ULL, "WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID) == 16ULL, "WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_FLAG_CERT_DATE_INVALID) == 32ULL, "WINHTTP_CALLBACK_STATUS_FLAG_CERT_DATE_INVALID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_FLAG_CERT_WRONG_USAGE) == 64ULL, "WINHTTP_CALLBACK_STATUS_FLAG_CERT_WRONG_USAGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CALLBACK_STATUS_FLAG_SECURITY_CHANNEL_ERROR) == 2147483648ULL, "WINHTTP_CALLBACK_STATUS_FLAG_SECURITY_CHANNEL_ERROR");
/* B: API_* (WINHTTP_ASYNC_RESULT.dwResult for REQUEST_ERROR) */
_Static_assert((unsigned long long)(DWORD)(API_RECEIVE_RESPONSE) == 1ULL, "API_RECEIVE_RESPONSE");
_Static_assert((unsigned long long)(DWORD)(API_QUERY_DATA_AVAILABLE) == 2ULL, "API_QUERY_DATA_AVAILABLE");
_Static_assert((unsigned long long)(DWORD)(API_READ_DATA) == 3ULL, "API_READ_DATA");
_Static_assert((unsigned long long)(DWORD)(API_WRITE_DATA) == 4ULL, "API_WRITE_DATA");
_Static_assert((unsigned long long)(DWORD)(API_SEND_REQUEST) == 5ULL, "API_SEND_REQUEST");
_Static_assert((unsigned long long)(DWORD)(API_GET_PROXY_FOR_URL) == 6ULL, "API_GET_PROXY_FOR_URL");
_Static_assert((unsigned long long)(DWORD)(API_GET_PROXY_SETTINGS) == 7ULL, "API_GET_PROXY_SETTINGS");
/* B: WINHTTP_QUERY_* info levels (low 16 bits of dwInfoLevel) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_MIME_VERSION) == 0ULL, "WINHTTP_QUERY_MIME_VERSION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_TYPE) == 1ULL, "WINHTTP_QUERY_CONTENT_TYPE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_TRANSFER_ENCODING) == 2ULL, "WINHTTP_QUERY_CONTENT_TRANSFER_ENCODING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_ID) == 3ULL, "WINHTTP_QUERY_CONTENT_ID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_DESCRIPTION) == 4ULL, "WINHTTP_QUERY_CONTENT_DESCRIPTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_LENGTH) == 5ULL, "WINHTTP_QUERY_CONTENT_LENGTH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_LANGUAGE) == 6ULL, "WINHTTP_QUERY_CONTENT_LANGUAGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_ALLOW) == 7ULL, "WINHTTP_QUERY_ALLOW");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_PUBLIC) == 8ULL, "WINHTTP_QUERY_PUBLIC");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_DATE) == 9ULL, "WINHTTP_QUERY_DATE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_EXPIRES) == 10ULL, "WINHTTP_QUERY_EXPIRES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_LAST_MODIFIED) == 11ULL, "WINHTTP_QUERY_LAST_MODIFIED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_MESSAGE_ID) == 12ULL, "WINHTTP_QUERY_MESSAGE_ID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_URI) == 13ULL, "WINHTTP_QUERY_URI");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_DERIVED_FROM) == 14ULL, "WINHTTP_QUERY_DERIVED_FROM");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_COST) == 15ULL, "WINHTTP_QUERY_COST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_LINK) == 16ULL, "WINHTTP_QUERY_LINK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_PRAGMA) == 17ULL, "WINHTTP_QUERY_PRAGMA");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_VERSION) == 18ULL, "WINHTTP_QUERY_VERSION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_STATUS_CODE) == 19ULL, "WINHTTP_QUERY_STATUS_CODE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_STATUS_TEXT) == 20ULL, "WINHTTP_QUERY_STATUS_TEXT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_EX_ALL_HEADERS) == 21ULL, "WINHTTP_QUERY_EX_ALL_HEADERS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_RAW_HEADERS) == 21ULL, "WINHTTP_QUERY_RAW_HEADERS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_RAW_HEADERS_CRLF) == 22ULL, "WINHTTP_QUERY_RAW_HEADERS_CRLF");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONNECTION) == 23ULL, "WINHTTP_QUERY_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_ACCEPT) == 24ULL, "WINHTTP_QUERY_ACCEPT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_ACCEPT_CHARSET) == 25ULL, "WINHTTP_QUERY_ACCEPT_CHARSET");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_ACCEPT_ENCODING) == 26ULL, "WINHTTP_QUERY_ACCEPT_ENCODING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_ACCEPT_LANGUAGE) == 27ULL, "WINHTTP_QUERY_ACCEPT_LANGUAGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_AUTHORIZATION) == 28ULL, "WINHTTP_QUERY_AUTHORIZATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_ENCODING) == 29ULL, "WINHTTP_QUERY_CONTENT_ENCODING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_FORWARDED) == 30ULL, "WINHTTP_QUERY_FORWARDED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_FROM) == 31ULL, "WINHTTP_QUERY_FROM");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_IF_MODIFIED_SINCE) == 32ULL, "WINHTTP_QUERY_IF_MODIFIED_SINCE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_LOCATION) == 33ULL, "WINHTTP_QUERY_LOCATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_ORIG_URI) == 34ULL, "WINHTTP_QUERY_ORIG_URI");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_REFERER) == 35ULL, "WINHTTP_QUERY_REFERER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_RETRY_AFTER) == 36ULL, "WINHTTP_QUERY_RETRY_AFTER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_SERVER) == 37ULL, "WINHTTP_QUERY_SERVER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_TITLE) == 38ULL, "WINHTTP_QUERY_TITLE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_USER_AGENT) == 39ULL, "WINHTTP_QUERY_USER_AGENT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_WWW_AUTHENTICATE) == 40ULL, "WINHTTP_QUERY_WWW_AUTHENTICATE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_PROXY_AUTHENTICATE) == 41ULL, "WINHTTP_QUERY_PROXY_AUTHENTICATE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_ACCEPT_RANGES) == 42ULL, "WINHTTP_QUERY_ACCEPT_RANGES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_SET_COOKIE) == 43ULL, "WINHTTP_QUERY_SET_COOKIE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_COOKIE) == 44ULL, "WINHTTP_QUERY_COOKIE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_REQUEST_METHOD) == 45ULL, "WINHTTP_QUERY_REQUEST_METHOD");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_REFRESH) == 46ULL, "WINHTTP_QUERY_REFRESH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_DISPOSITION) == 47ULL, "WINHTTP_QUERY_CONTENT_DISPOSITION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_AGE) == 48ULL, "WINHTTP_QUERY_AGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CACHE_CONTROL) == 49ULL, "WINHTTP_QUERY_CACHE_CONTROL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_BASE) == 50ULL, "WINHTTP_QUERY_CONTENT_BASE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_LOCATION) == 51ULL, "WINHTTP_QUERY_CONTENT_LOCATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_MD5) == 52ULL, "WINHTTP_QUERY_CONTENT_MD5");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CONTENT_RANGE) == 53ULL, "WINHTTP_QUERY_CONTENT_RANGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_ETAG) == 54ULL, "WINHTTP_QUERY_ETAG");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_HOST) == 55ULL, "WINHTTP_QUERY_HOST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_IF_MATCH) == 56ULL, "WINHTTP_QUERY_IF_MATCH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_IF_NONE_MATCH) == 57ULL, "WINHTTP_QUERY_IF_NONE_MATCH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_IF_RANGE) == 58ULL, "WINHTTP_QUERY_IF_RANGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_IF_UNMODIFIED_SINCE) == 59ULL, "WINHTTP_QUERY_IF_UNMODIFIED_SINCE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_MAX_FORWARDS) == 60ULL, "WINHTTP_QUERY_MAX_FORWARDS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_PROXY_AUTHORIZATION) == 61ULL, "WINHTTP_QUERY_PROXY_AUTHORIZATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_RANGE) == 62ULL, "WINHTTP_QUERY_RANGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_TRANSFER_ENCODING) == 63ULL, "WINHTTP_QUERY_TRANSFER_ENCODING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_UPGRADE) == 64ULL, "WINHTTP_QUERY_UPGRADE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_VARY) == 65ULL, "WINHTTP_QUERY_VARY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_VIA) == 66ULL, "WINHTTP_QUERY_VIA");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_WARNING) == 67ULL, "WINHTTP_QUERY_WARNING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_EXPECT) == 68ULL, "WINHTTP_QUERY_EXPECT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_PROXY_CONNECTION) == 69ULL, "WINHTTP_QUERY_PROXY_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_UNLESS_MODIFIED_SINCE) == 70ULL, "WINHTTP_QUERY_UNLESS_MODIFIED_SINCE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_PROXY_SUPPORT) == 75ULL, "WINHTTP_QUERY_PROXY_SUPPORT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_AUTHENTICATION_INFO) == 76ULL, "WINHTTP_QUERY_AUTHENTICATION_INFO");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_PASSPORT_URLS) == 77ULL, "WINHTTP_QUERY_PASSPORT_URLS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_MAX) == 78ULL, "WINHTTP_QUERY_MAX");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_PASSPORT_CONFIG) == 78ULL, "WINHTTP_QUERY_PASSPORT_CONFIG");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_CUSTOM) == 65535ULL, "WINHTTP_QUERY_CUSTOM");
/* B: WINHTTP_QUERY_FLAG_* modifiers (high bits of dwInfoLevel) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_FLAG_WIRE_ENCODING) == 16777216ULL, "WINHTTP_QUERY_FLAG_WIRE_ENCODING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_FLAG_TRAILERS) == 33554432ULL, "WINHTTP_QUERY_FLAG_TRAILERS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_FLAG_NUMBER64) == 134217728ULL, "WINHTTP_QUERY_FLAG_NUMBER64");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_FLAG_NUMBER) == 536870912ULL, "WINHTTP_QUERY_FLAG_NUMBER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_FLAG_SYSTEMTIME) == 1073741824ULL, "WINHTTP_QUERY_FLAG_SYSTEMTIME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_QUERY_FLAG_REQUEST_HEADERS) == 2147483648ULL, "WINHTTP_QUERY_FLAG_REQUEST_HEADERS");
/* B: WINHTTP_OPTION_* option codes (WinHttpSet/QueryOption dwOption) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FIRST_OPTION) == 1ULL, "WINHTTP_FIRST_OPTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CALLBACK) == 1ULL, "WINHTTP_OPTION_CALLBACK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_RESOLVE_TIMEOUT) == 2ULL, "WINHTTP_OPTION_RESOLVE_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONNECT_TIMEOUT) == 3ULL, "WINHTTP_OPTION_CONNECT_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONNECT_RETRIES) == 4ULL, "WINHTTP_OPTION_CONNECT_RETRIES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SEND_TIMEOUT) == 5ULL, "WINHTTP_OPTION_SEND_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_RECEIVE_TIMEOUT) == 6ULL, "WINHTTP_OPTION_RECEIVE_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT) == 7ULL, "WINHTTP_OPTION_RECEIVE_RESPONSE_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HANDLE_TYPE) == 9ULL, "WINHTTP_OPTION_HANDLE_TYPE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_READ_BUFFER_SIZE) == 12ULL, "WINHTTP_OPTION_READ_BUFFER_SIZE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_WRITE_BUFFER_SIZE) == 13ULL, "WINHTTP_OPTION_WRITE_BUFFER_SIZE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PARENT_HANDLE) == 21ULL, "WINHTTP_OPTION_PARENT_HANDLE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_EXTENDED_ERROR) == 24ULL, "WINHTTP_OPTION_EXTENDED_ERROR");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SECURITY_FLAGS) == 31ULL, "WINHTTP_OPTION_SECURITY_FLAGS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT) == 32ULL, "WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_URL) == 34ULL, "WINHTTP_OPTION_URL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SECURITY_KEY_BITNESS) == 36ULL, "WINHTTP_OPTION_SECURITY_KEY_BITNESS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PROXY) == 38ULL, "WINHTTP_OPTION_PROXY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PROXY_RESULT_ENTRY) == 39ULL, "WINHTTP_OPTION_PROXY_RESULT_ENTRY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_USER_AGENT) == 41ULL, "WINHTTP_OPTION_USER_AGENT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONTEXT_VALUE) == 45ULL, "WINHTTP_OPTION_CONTEXT_VALUE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CLIENT_CERT_CONTEXT) == 47ULL, "WINHTTP_OPTION_CLIENT_CERT_CONTEXT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REQUEST_PRIORITY) == 58ULL, "WINHTTP_OPTION_REQUEST_PRIORITY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP_VERSION) == 59ULL, "WINHTTP_OPTION_HTTP_VERSION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_DISABLE_FEATURE) == 63ULL, "WINHTTP_OPTION_DISABLE_FEATURE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CODEPAGE) == 68ULL, "WINHTTP_OPTION_CODEPAGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_MAX_CONNS_PER_SERVER) == 73ULL, "WINHTTP_OPTION_MAX_CONNS_PER_SERVER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_MAX_CONNS_PER_1_0_SERVER) == 74ULL, "WINHTTP_OPTION_MAX_CONNS_PER_1_0_SERVER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_AUTOLOGON_POLICY) == 77ULL, "WINHTTP_OPTION_AUTOLOGON_POLICY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SERVER_CERT_CONTEXT) == 78ULL, "WINHTTP_OPTION_SERVER_CERT_CONTEXT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_ENABLE_FEATURE) == 79ULL, "WINHTTP_OPTION_ENABLE_FEATURE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_WORKER_THREAD_COUNT) == 80ULL, "WINHTTP_OPTION_WORKER_THREAD_COUNT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PASSPORT_COBRANDING_TEXT) == 81ULL, "WINHTTP_OPTION_PASSPORT_COBRANDING_TEXT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PASSPORT_COBRANDING_URL) == 82ULL, "WINHTTP_OPTION_PASSPORT_COBRANDING_URL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH) == 83ULL, "WINHTTP_OPTION_CONFIGURE_PASSPORT_AUTH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SECURE_PROTOCOLS) == 84ULL, "WINHTTP_OPTION_SECURE_PROTOCOLS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_ENABLETRACING) == 85ULL, "WINHTTP_OPTION_ENABLETRACING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PASSPORT_SIGN_OUT) == 86ULL, "WINHTTP_OPTION_PASSPORT_SIGN_OUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PASSPORT_RETURN_URL) == 87ULL, "WINHTTP_OPTION_PASSPORT_RETURN_URL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REDIRECT_POLICY) == 88ULL, "WINHTTP_OPTION_REDIRECT_POLICY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS) == 89ULL, "WINHTTP_OPTION_MAX_HTTP_AUTOMATIC_REDIRECTS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE) == 90ULL, "WINHTTP_OPTION_MAX_HTTP_STATUS_CONTINUE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_MAX_RESPONSE_HEADER_SIZE) == 91ULL, "WINHTTP_OPTION_MAX_RESPONSE_HEADER_SIZE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_MAX_RESPONSE_DRAIN_SIZE) == 92ULL, "WINHTTP_OPTION_MAX_RESPONSE_DRAIN_SIZE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONNECTION_INFO) == 93ULL, "WINHTTP_OPTION_CONNECTION_INFO");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CLIENT_CERT_ISSUER_LIST) == 94ULL, "WINHTTP_OPTION_CLIENT_CERT_ISSUER_LIST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SPN) == 96ULL, "WINHTTP_OPTION_SPN");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_GLOBAL_PROXY_CREDS) == 97ULL, "WINHTTP_OPTION_GLOBAL_PROXY_CREDS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_GLOBAL_SERVER_CREDS) == 98ULL, "WINHTTP_OPTION_GLOBAL_SERVER_CREDS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT) == 99ULL, "WINHTTP_OPTION_UNLOAD_NOTIFY_EVENT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REJECT_USERPWD_IN_URL) == 100ULL, "WINHTTP_OPTION_REJECT_USERPWD_IN_URL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_USE_GLOBAL_SERVER_CREDENTIALS) == 101ULL, "WINHTTP_OPTION_USE_GLOBAL_SERVER_CREDENTIALS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_RECEIVE_PROXY_CONNECT_RESPONSE) == 103ULL, "WINHTTP_OPTION_RECEIVE_PROXY_CONNECT_RESPONSE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_IS_PROXY_CONNECT_RESPONSE) == 104ULL, "WINHTTP_OPTION_IS_PROXY_CONNECT_RESPONSE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_NETWORK_INTERFACE_AFFINITY) == 105ULL, "WINHTTP_OPTION_NETWORK_INTERFACE_AFFINITY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SERVER_SPN_USED) == 106ULL, "WINHTTP_OPTION_SERVER_SPN_USED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PROXY_SPN_USED) == 107ULL, "WINHTTP_OPTION_PROXY_SPN_USED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SERVER_CBT) == 108ULL, "WINHTTP_OPTION_SERVER_CBT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_UNSAFE_HEADER_PARSING) == 110ULL, "WINHTTP_OPTION_UNSAFE_HEADER_PARSING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_ASSURED_NON_BLOCKING_CALLBACKS) == 111ULL, "WINHTTP_OPTION_ASSURED_NON_BLOCKING_CALLBACKS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET) == 114ULL, "WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT) == 115ULL, "WINHTTP_OPTION_WEB_SOCKET_CLOSE_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL) == 116ULL, "WINHTTP_OPTION_WEB_SOCKET_KEEPALIVE_INTERVAL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_DECOMPRESSION) == 118ULL, "WINHTTP_OPTION_DECOMPRESSION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE) == 122ULL, "WINHTTP_OPTION_WEB_SOCKET_RECEIVE_BUFFER_SIZE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE) == 123ULL, "WINHTTP_OPTION_WEB_SOCKET_SEND_BUFFER_SIZE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_TCP_PRIORITY_HINT) == 128ULL, "WINHTTP_OPTION_TCP_PRIORITY_HINT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONNECTION_FILTER) == 131ULL, "WINHTTP_OPTION_CONNECTION_FILTER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL) == 133ULL, "WINHTTP_OPTION_ENABLE_HTTP_PROTOCOL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP_PROTOCOL_USED) == 134ULL, "WINHTTP_OPTION_HTTP_PROTOCOL_USED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_KDC_PROXY_SETTINGS) == 136ULL, "WINHTTP_OPTION_KDC_PROXY_SETTINGS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PROXY_DISABLE_SERVICE_CALLS) == 137ULL, "WINHTTP_OPTION_PROXY_DISABLE_SERVICE_CALLS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_ENCODE_EXTRA) == 138ULL, "WINHTTP_OPTION_ENCODE_EXTRA");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_DISABLE_STREAM_QUEUE) == 139ULL, "WINHTTP_OPTION_DISABLE_STREAM_QUEUE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_IPV6_FAST_FALLBACK) == 140ULL, "WINHTTP_OPTION_IPV6_FAST_FALLBACK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONNECTION_STATS_V0) == 141ULL, "WINHTTP_OPTION_CONNECTION_STATS_V0");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REQUEST_TIMES) == 142ULL, "WINHTTP_OPTION_REQUEST_TIMES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_EXPIRE_CONNECTION) == 143ULL, "WINHTTP_OPTION_EXPIRE_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_DISABLE_SECURE_PROTOCOL_FALLBACK) == 144ULL, "WINHTTP_OPTION_DISABLE_SECURE_PROTOCOL_FALLBACK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP_PROTOCOL_REQUIRED) == 145ULL, "WINHTTP_OPTION_HTTP_PROTOCOL_REQUIRED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REQUEST_STATS) == 146ULL, "WINHTTP_OPTION_REQUEST_STATS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SERVER_CERT_CHAIN_CONTEXT) == 147ULL, "WINHTTP_OPTION_SERVER_CERT_CHAIN_CONTEXT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONNECTION_STATS_V1) == 150ULL, "WINHTTP_OPTION_CONNECTION_STATS_V1");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SECURITY_INFO) == 151ULL, "WINHTTP_OPTION_SECURITY_INFO");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_TCP_KEEPALIVE) == 152ULL, "WINHTTP_OPTION_TCP_KEEPALIVE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_TCP_FAST_OPEN) == 153ULL, "WINHTTP_OPTION_TCP_FAST_OPEN");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_TCP_FALSE_START) == 154ULL, "WINHTTP_OPTION_TCP_FALSE_START");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_TLS_FALSE_START) == 154ULL, "WINHTTP_OPTION_TLS_FALSE_START");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_IGNORE_CERT_REVOCATION_OFFLINE) == 155ULL, "WINHTTP_OPTION_IGNORE_CERT_REVOCATION_OFFLINE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_TLS_PROTOCOL_INSECURE_FALLBACK) == 158ULL, "WINHTTP_OPTION_TLS_PROTOCOL_INSECURE_FALLBACK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_STREAM_ERROR_CODE) == 159ULL, "WINHTTP_OPTION_STREAM_ERROR_CODE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REQUIRE_STREAM_END) == 160ULL, "WINHTTP_OPTION_REQUIRE_STREAM_END");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_ENABLE_HTTP2_PLUS_CLIENT_CERT) == 161ULL, "WINHTTP_OPTION_ENABLE_HTTP2_PLUS_CLIENT_CERT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_FAILED_CONNECTION_RETRIES) == 162ULL, "WINHTTP_OPTION_FAILED_CONNECTION_RETRIES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP2_KEEPALIVE) == 164ULL, "WINHTTP_OPTION_HTTP2_KEEPALIVE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_RESOLUTION_HOSTNAME) == 165ULL, "WINHTTP_OPTION_RESOLUTION_HOSTNAME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SET_TOKEN_BINDING) == 166ULL, "WINHTTP_OPTION_SET_TOKEN_BINDING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_TOKEN_BINDING_PUBLIC_KEY) == 167ULL, "WINHTTP_OPTION_TOKEN_BINDING_PUBLIC_KEY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REFERER_TOKEN_BINDING_HOSTNAME) == 168ULL, "WINHTTP_OPTION_REFERER_TOKEN_BINDING_HOSTNAME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP2_PLUS_TRANSFER_ENCODING) == 169ULL, "WINHTTP_OPTION_HTTP2_PLUS_TRANSFER_ENCODING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_RESOLVER_CACHE_CONFIG) == 170ULL, "WINHTTP_OPTION_RESOLVER_CACHE_CONFIG");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_DISABLE_CERT_CHAIN_BUILDING) == 171ULL, "WINHTTP_OPTION_DISABLE_CERT_CHAIN_BUILDING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_BACKGROUND_CONNECTIONS) == 172ULL, "WINHTTP_OPTION_BACKGROUND_CONNECTIONS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_FIRST_AVAILABLE_CONNECTION) == 173ULL, "WINHTTP_OPTION_FIRST_AVAILABLE_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_TCP_PRIORITY_STATUS) == 177ULL, "WINHTTP_OPTION_TCP_PRIORITY_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONNECTION_GUID) == 178ULL, "WINHTTP_OPTION_CONNECTION_GUID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_MATCH_CONNECTION_GUID) == 179ULL, "WINHTTP_OPTION_MATCH_CONNECTION_GUID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW) == 183ULL, "WINHTTP_OPTION_HTTP2_RECEIVE_WINDOW");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_FEATURE_SUPPORTED) == 184ULL, "WINHTTP_OPTION_FEATURE_SUPPORTED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_QUIC_STATS) == 185ULL, "WINHTTP_OPTION_QUIC_STATS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP3_KEEPALIVE) == 188ULL, "WINHTTP_OPTION_HTTP3_KEEPALIVE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP3_HANDSHAKE_TIMEOUT) == 189ULL, "WINHTTP_OPTION_HTTP3_HANDSHAKE_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP3_INITIAL_RTT) == 190ULL, "WINHTTP_OPTION_HTTP3_INITIAL_RTT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_HTTP3_STREAM_ERROR_CODE) == 191ULL, "WINHTTP_OPTION_HTTP3_STREAM_ERROR_CODE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REQUEST_ANNOTATION) == 192ULL, "WINHTTP_OPTION_REQUEST_ANNOTATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_DISABLE_PROXY_AUTH_SCHEMES) == 193ULL, "WINHTTP_OPTION_DISABLE_PROXY_AUTH_SCHEMES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REVERT_IMPERSONATION_SERVER_CERT) == 194ULL, "WINHTTP_OPTION_REVERT_IMPERSONATION_SERVER_CERT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_DISABLE_GLOBAL_POOLING) == 195ULL, "WINHTTP_OPTION_DISABLE_GLOBAL_POOLING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_LAST_OPTION) == 196ULL, "WINHTTP_LAST_OPTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_USE_SESSION_SCH_CRED) == 196ULL, "WINHTTP_OPTION_USE_SESSION_SCH_CRED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_QUIC_STATS_V2) == 200ULL, "WINHTTP_OPTION_QUIC_STATS_V2");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_QUIC_STREAM_STATS) == 202ULL, "WINHTTP_OPTION_QUIC_STREAM_STATS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_USE_LOOKASIDE) == 203ULL, "WINHTTP_OPTION_USE_LOOKASIDE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_ERROR_LOG_GUID) == 204ULL, "WINHTTP_OPTION_ERROR_LOG_GUID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_ENABLE_FAST_FORWARDING) == 205ULL, "WINHTTP_OPTION_ENABLE_FAST_FORWARDING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_FAST_FORWARDING_RESPONSE_DATA) == 206ULL, "WINHTTP_OPTION_FAST_FORWARDING_RESPONSE_DATA");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_UPGRADE_TO_PROTOCOL) == 207ULL, "WINHTTP_OPTION_UPGRADE_TO_PROTOCOL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_CONNECTION_STATS_V2) == 208ULL, "WINHTTP_OPTION_CONNECTION_STATS_V2");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_FAST_FORWARDING_RESPONSE_STATUS) == 209ULL, "WINHTTP_OPTION_FAST_FORWARDING_RESPONSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_USERNAME) == 4096ULL, "WINHTTP_OPTION_USERNAME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PASSWORD) == 4097ULL, "WINHTTP_OPTION_PASSWORD");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PROXY_USERNAME) == 4098ULL, "WINHTTP_OPTION_PROXY_USERNAME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_PROXY_PASSWORD) == 4099ULL, "WINHTTP_OPTION_PROXY_PASSWORD");
/* B: Option values: redirect policy, SPN, autologon, disable/enable features, decompression, protocol */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOLOGON_SECURITY_LEVEL_DEFAULT) == 0ULL, "WINHTTP_AUTOLOGON_SECURITY_LEVEL_DEFAULT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOLOGON_SECURITY_LEVEL_HIGH) == 2ULL, "WINHTTP_AUTOLOGON_SECURITY_LEVEL_HIGH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOLOGON_SECURITY_LEVEL_LOW) == 1ULL, "WINHTTP_AUTOLOGON_SECURITY_LEVEL_LOW");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOLOGON_SECURITY_LEVEL_MAX) == 3ULL, "WINHTTP_AUTOLOGON_SECURITY_LEVEL_MAX");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOLOGON_SECURITY_LEVEL_MEDIUM) == 0ULL, "WINHTTP_AUTOLOGON_SECURITY_LEVEL_MEDIUM");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOLOGON_SECURITY_LEVEL_PROXY_ONLY) == 3ULL, "WINHTTP_AUTOLOGON_SECURITY_LEVEL_PROXY_ONLY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CONNECTION_RETRY_CONDITION_408) == 1ULL, "WINHTTP_CONNECTION_RETRY_CONDITION_408");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CONNECTION_RETRY_CONDITION_SSL_HANDSHAKE) == 2ULL, "WINHTTP_CONNECTION_RETRY_CONDITION_SSL_HANDSHAKE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CONNECTION_RETRY_CONDITION_STALE_CONNECTION) == 4ULL, "WINHTTP_CONNECTION_RETRY_CONDITION_STALE_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_CONNS_PER_SERVER_UNLIMITED) == 4294967295ULL, "WINHTTP_CONNS_PER_SERVER_UNLIMITED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DECOMPRESSION_FLAG_ALL) == 3ULL, "WINHTTP_DECOMPRESSION_FLAG_ALL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DECOMPRESSION_FLAG_DEFLATE) == 2ULL, "WINHTTP_DECOMPRESSION_FLAG_DEFLATE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DECOMPRESSION_FLAG_GZIP) == 1ULL, "WINHTTP_DECOMPRESSION_FLAG_GZIP");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DISABLE_AUTHENTICATION) == 4ULL, "WINHTTP_DISABLE_AUTHENTICATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DISABLE_COOKIES) == 1ULL, "WINHTTP_DISABLE_COOKIES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DISABLE_KEEP_ALIVE) == 8ULL, "WINHTTP_DISABLE_KEEP_ALIVE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DISABLE_PASSPORT_AUTH) == 0ULL, "WINHTTP_DISABLE_PASSPORT_AUTH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DISABLE_PASSPORT_KEYRING) == 536870912ULL, "WINHTTP_DISABLE_PASSPORT_KEYRING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DISABLE_REDIRECTS) == 2ULL, "WINHTTP_DISABLE_REDIRECTS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_DISABLE_SPN_SERVER_PORT) == 0ULL, "WINHTTP_DISABLE_SPN_SERVER_PORT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ENABLE_PASSPORT_AUTH) == 268435456ULL, "WINHTTP_ENABLE_PASSPORT_AUTH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ENABLE_PASSPORT_KEYRING) == 1073741824ULL, "WINHTTP_ENABLE_PASSPORT_KEYRING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ENABLE_SPN_SERVER_PORT) == 1ULL, "WINHTTP_ENABLE_SPN_SERVER_PORT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ENABLE_SSL_REVERT_IMPERSONATION) == 2ULL, "WINHTTP_ENABLE_SSL_REVERT_IMPERSONATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ENABLE_SSL_REVOCATION) == 1ULL, "WINHTTP_ENABLE_SSL_REVOCATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_EXTENDED_HEADER_FLAG_UNICODE) == 1ULL, "WINHTTP_EXTENDED_HEADER_FLAG_UNICODE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_MATCH_CONNECTION_GUID_FLAGS_MASK) == 1ULL, "WINHTTP_MATCH_CONNECTION_GUID_FLAGS_MASK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_MATCH_CONNECTION_GUID_FLAG_REQUIRE_MARKED_CONNECTION) == 1ULL, "WINHTTP_MATCH_CONNECTION_GUID_FLAG_REQUIRE_MARKED_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REDIRECT_POLICY_ALWAYS) == 2ULL, "WINHTTP_OPTION_REDIRECT_POLICY_ALWAYS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REDIRECT_POLICY_DEFAULT) == 1ULL, "WINHTTP_OPTION_REDIRECT_POLICY_DEFAULT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REDIRECT_POLICY_DISALLOW_HTTPS_TO_HTTP) == 1ULL, "WINHTTP_OPTION_REDIRECT_POLICY_DISALLOW_HTTPS_TO_HTTP");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REDIRECT_POLICY_LAST) == 2ULL, "WINHTTP_OPTION_REDIRECT_POLICY_LAST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REDIRECT_POLICY_NEVER) == 0ULL, "WINHTTP_OPTION_REDIRECT_POLICY_NEVER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_REQUEST_ANNOTATION_MAX_LENGTH) == 64000ULL, "WINHTTP_OPTION_REQUEST_ANNOTATION_MAX_LENGTH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_OPTION_SPN_MASK) == 1ULL, "WINHTTP_OPTION_SPN_MASK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROTOCOL_FLAG_HTTP2) == 1ULL, "WINHTTP_PROTOCOL_FLAG_HTTP2");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROTOCOL_FLAG_HTTP3) == 2ULL, "WINHTTP_PROTOCOL_FLAG_HTTP3");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROTOCOL_MASK) == 3ULL, "WINHTTP_PROTOCOL_MASK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_REQUEST_STAT_FLAG_FIRST_REQUEST) == 32ULL, "WINHTTP_REQUEST_STAT_FLAG_FIRST_REQUEST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_REQUEST_STAT_FLAG_PROXY_TLS_FALSE_START) == 16ULL, "WINHTTP_REQUEST_STAT_FLAG_PROXY_TLS_FALSE_START");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_REQUEST_STAT_FLAG_PROXY_TLS_SESSION_RESUMPTION) == 8ULL, "WINHTTP_REQUEST_STAT_FLAG_PROXY_TLS_SESSION_RESUMPTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_REQUEST_STAT_FLAG_TCP_FAST_OPEN) == 1ULL, "WINHTTP_REQUEST_STAT_FLAG_TCP_FAST_OPEN");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_REQUEST_STAT_FLAG_TLS_FALSE_START) == 4ULL, "WINHTTP_REQUEST_STAT_FLAG_TLS_FALSE_START");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_REQUEST_STAT_FLAG_TLS_SESSION_RESUMPTION) == 2ULL, "WINHTTP_REQUEST_STAT_FLAG_TLS_SESSION_RESUMPTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESOLVER_CACHE_CONFIG_FLAG_BYPASS_CACHE) == 2ULL, "WINHTTP_RESOLVER_CACHE_CONFIG_FLAG_BYPASS_CACHE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESOLVER_CACHE_CONFIG_FLAG_CONN_USE_TTL) == 8ULL, "WINHTTP_RESOLVER_CACHE_CONFIG_FLAG_CONN_USE_TTL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESOLVER_CACHE_CONFIG_FLAG_SOFT_LIMIT) == 1ULL, "WINHTTP_RESOLVER_CACHE_CONFIG_FLAG_SOFT_LIMIT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESOLVER_CACHE_CONFIG_FLAG_USE_DNS_TTL) == 4ULL, "WINHTTP_RESOLVER_CACHE_CONFIG_FLAG_USE_DNS_TTL");
/* B: WINHTTP_ADDREQ_* (WinHttpAddRequestHeaders dwModifiers) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ADDREQ_INDEX_MASK) == 65535ULL, "WINHTTP_ADDREQ_INDEX_MASK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ADDREQ_FLAG_COALESCE_WITH_SEMICOLON) == 16777216ULL, "WINHTTP_ADDREQ_FLAG_COALESCE_WITH_SEMICOLON");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ADDREQ_FLAG_ADD_IF_NEW) == 268435456ULL, "WINHTTP_ADDREQ_FLAG_ADD_IF_NEW");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ADDREQ_FLAG_ADD) == 536870912ULL, "WINHTTP_ADDREQ_FLAG_ADD");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ADDREQ_FLAG_COALESCE) == 1073741824ULL, "WINHTTP_ADDREQ_FLAG_COALESCE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ADDREQ_FLAG_COALESCE_WITH_COMMA) == 1073741824ULL, "WINHTTP_ADDREQ_FLAG_COALESCE_WITH_COMMA");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ADDREQ_FLAG_REPLACE) == 2147483648ULL, "WINHTTP_ADDREQ_FLAG_REPLACE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ADDREQ_FLAGS_MASK) == 4294901760ULL, "WINHTTP_ADDREQ_FLAGS_MASK");
/* B: WINHTTP_AUTH_* (schemes / targets) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTH_SCHEME_BASIC) == 1ULL, "WINHTTP_AUTH_SCHEME_BASIC");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTH_SCHEME_DIGEST) == 8ULL, "WINHTTP_AUTH_SCHEME_DIGEST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTH_SCHEME_NEGOTIATE) == 16ULL, "WINHTTP_AUTH_SCHEME_NEGOTIATE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTH_SCHEME_NTLM) == 2ULL, "WINHTTP_AUTH_SCHEME_NTLM");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTH_SCHEME_PASSPORT) == 4ULL, "WINHTTP_AUTH_SCHEME_PASSPORT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTH_TARGET_PROXY) == 1ULL, "WINHTTP_AUTH_TARGET_PROXY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTH_TARGET_SERVER) == 0ULL, "WINHTTP_AUTH_TARGET_SERVER");
/* B: Proxy: WINHTTP_AUTOPROXY_* / WINHTTP_AUTO_DETECT_TYPE_* / WINHTTP_PROXY_* / WINHTTP_RESET_* */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_ALLOW_AUTOCONFIG) == 256ULL, "WINHTTP_AUTOPROXY_ALLOW_AUTOCONFIG");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_ALLOW_CM) == 1024ULL, "WINHTTP_AUTOPROXY_ALLOW_CM");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_ALLOW_STATIC) == 512ULL, "WINHTTP_AUTOPROXY_ALLOW_STATIC");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_AUTO_DETECT) == 1ULL, "WINHTTP_AUTOPROXY_AUTO_DETECT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_CONFIG_URL) == 2ULL, "WINHTTP_AUTOPROXY_CONFIG_URL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_HOST_KEEPCASE) == 4ULL, "WINHTTP_AUTOPROXY_HOST_KEEPCASE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_HOST_LOWERCASE) == 8ULL, "WINHTTP_AUTOPROXY_HOST_LOWERCASE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_NO_CACHE_CLIENT) == 524288ULL, "WINHTTP_AUTOPROXY_NO_CACHE_CLIENT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_NO_CACHE_SVC) == 1048576ULL, "WINHTTP_AUTOPROXY_NO_CACHE_SVC");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_NO_DIRECTACCESS) == 262144ULL, "WINHTTP_AUTOPROXY_NO_DIRECTACCESS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_RUN_INPROCESS) == 65536ULL, "WINHTTP_AUTOPROXY_RUN_INPROCESS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_RUN_OUTPROCESS_ONLY) == 131072ULL, "WINHTTP_AUTOPROXY_RUN_OUTPROCESS_ONLY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_SORT_RESULTS) == 4194304ULL, "WINHTTP_AUTOPROXY_SORT_RESULTS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTOPROXY_USE_INTERFACE_CONFIG) == 2048ULL, "WINHTTP_AUTOPROXY_USE_INTERFACE_CONFIG");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTO_DETECT_TYPE_DHCP) == 1ULL, "WINHTTP_AUTO_DETECT_TYPE_DHCP");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_AUTO_DETECT_TYPE_DNS_A) == 2ULL, "WINHTTP_AUTO_DETECT_TYPE_DNS_A");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_DISABLE_AUTH_LOCAL_SERVICE) == 256ULL, "WINHTTP_PROXY_DISABLE_AUTH_LOCAL_SERVICE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_DISABLE_SCHEME_BASIC) == 1ULL, "WINHTTP_PROXY_DISABLE_SCHEME_BASIC");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_DISABLE_SCHEME_DIGEST) == 2ULL, "WINHTTP_PROXY_DISABLE_SCHEME_DIGEST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_DISABLE_SCHEME_KERBEROS) == 8ULL, "WINHTTP_PROXY_DISABLE_SCHEME_KERBEROS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_DISABLE_SCHEME_NEGOTIATE) == 16ULL, "WINHTTP_PROXY_DISABLE_SCHEME_NEGOTIATE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_DISABLE_SCHEME_NTLM) == 4ULL, "WINHTTP_PROXY_DISABLE_SCHEME_NTLM");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_NOTIFY_CHANGE) == 1ULL, "WINHTTP_PROXY_NOTIFY_CHANGE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_TYPE_AUTO_DETECT) == 8ULL, "WINHTTP_PROXY_TYPE_AUTO_DETECT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_TYPE_AUTO_PROXY_URL) == 4ULL, "WINHTTP_PROXY_TYPE_AUTO_PROXY_URL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_TYPE_DIRECT) == 1ULL, "WINHTTP_PROXY_TYPE_DIRECT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_PROXY_TYPE_PROXY) == 2ULL, "WINHTTP_PROXY_TYPE_PROXY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESET_ALL) == 65535ULL, "WINHTTP_RESET_ALL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESET_DISCARD_RESOLVERS) == 262144ULL, "WINHTTP_RESET_DISCARD_RESOLVERS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESET_NOTIFY_NETWORK_CHANGED) == 65536ULL, "WINHTTP_RESET_NOTIFY_NETWORK_CHANGED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESET_OUT_OF_PROC) == 131072ULL, "WINHTTP_RESET_OUT_OF_PROC");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESET_SCRIPT_CACHE) == 8ULL, "WINHTTP_RESET_SCRIPT_CACHE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESET_STATE) == 1ULL, "WINHTTP_RESET_STATE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESET_SWPAD_ALL) == 4ULL, "WINHTTP_RESET_SWPAD_ALL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_RESET_SWPAD_CURRENT_NETWORK) == 2ULL, "WINHTTP_RESET_SWPAD_CURRENT_NETWORK");
/* B: SECURITY_FLAG_* (WINHTTP_OPTION_SECURITY_FLAGS) */
_Static_assert((unsigned long long)(DWORD)(SECURITY_FLAG_SECURE) == 1ULL, "SECURITY_FLAG_SECURE");
_Static_assert((unsigned long long)(DWORD)(SECURITY_FLAG_IGNORE_UNKNOWN_CA) == 256ULL, "SECURITY_FLAG_IGNORE_UNKNOWN_CA");
_Static_assert((unsigned long long)(DWORD)(SECURITY_FLAG_IGNORE_CERT_WRONG_USAGE) == 512ULL, "SECURITY_FLAG_IGNORE_CERT_WRONG_USAGE");
_Static_assert((unsigned long long)(DWORD)(SECURITY_FLAG_IGNORE_CERT_CN_INVALID) == 4096ULL, "SECURITY_FLAG_IGNORE_CERT_CN_INVALID");
_Static_assert((unsigned long long)(DWORD)(SECURITY_FLAG_IGNORE_CERT_DATE_INVALID) == 8192ULL, "SECURITY_FLAG_IGNORE_CERT_DATE_INVALID");
_Static_assert((unsigned long long)(DWORD)(SECURITY_FLAG_STRENGTH_WEAK) == 268435456ULL, "SECURITY_FLAG_STRENGTH_WEAK");
_Static_assert((unsigned long long)(DWORD)(SECURITY_FLAG_STRENGTH_STRONG) == 536870912ULL, "SECURITY_FLAG_STRENGTH_STRONG");
_Static_assert((unsigned long long)(DWORD)(SECURITY_FLAG_STRENGTH_MEDIUM) == 1073741824ULL, "SECURITY_FLAG_STRENGTH_MEDIUM");
/* B: ICU_* (WinHttpCrackUrl / WinHttpCreateUrl dwFlags) */
_Static_assert((unsigned long long)(DWORD)(ICU_ENCODE_PERCENT) == 4096ULL, "ICU_ENCODE_PERCENT");
_Static_assert((unsigned long long)(DWORD)(ICU_ESCAPE_AUTHORITY) == 8192ULL, "ICU_ESCAPE_AUTHORITY");
_Static_assert((unsigned long long)(DWORD)(ICU_REJECT_USERPWD) == 16384ULL, "ICU_REJECT_USERPWD");
_Static_assert((unsigned long long)(DWORD)(ICU_BROWSER_MODE) == 33554432ULL, "ICU_BROWSER_MODE");
_Static_assert((unsigned long long)(DWORD)(ICU_ENCODE_SPACES_ONLY) == 67108864ULL, "ICU_ENCODE_SPACES_ONLY");
_Static_assert((unsigned long long)(DWORD)(ICU_NO_META) == 134217728ULL, "ICU_NO_META");
_Static_assert((unsigned long long)(DWORD)(ICU_DECODE) == 268435456ULL, "ICU_DECODE");
_Static_assert((unsigned long long)(DWORD)(ICU_NO_ENCODE) == 536870912ULL, "ICU_NO_ENCODE");
_Static_assert((unsigned long long)(DWORD)(ICU_ESCAPE) == 2147483648ULL, "ICU_ESCAPE");
/* B: Handle types / schemes / ports / misc sizes */
_Static_assert((unsigned long long)(DWORD)(INTERNET_DEFAULT_HTTPS_PORT) == 443ULL, "INTERNET_DEFAULT_HTTPS_PORT");
_Static_assert((unsigned long long)(DWORD)(INTERNET_DEFAULT_HTTP_PORT) == 80ULL, "INTERNET_DEFAULT_HTTP_PORT");
_Static_assert((unsigned long long)(DWORD)(INTERNET_DEFAULT_PORT) == 0ULL, "INTERNET_DEFAULT_PORT");
_Static_assert((unsigned long long)(DWORD)(INTERNET_SCHEME_FTP) == 3ULL, "INTERNET_SCHEME_FTP");
_Static_assert((unsigned long long)(DWORD)(INTERNET_SCHEME_HTTP) == 1ULL, "INTERNET_SCHEME_HTTP");
_Static_assert((unsigned long long)(DWORD)(INTERNET_SCHEME_HTTPS) == 2ULL, "INTERNET_SCHEME_HTTPS");
_Static_assert((unsigned long long)(DWORD)(INTERNET_SCHEME_SOCKS) == 4ULL, "INTERNET_SCHEME_SOCKS");
_Static_assert((unsigned long long)(DWORD)(NETWORKING_KEY_BUFSIZE) == 128ULL, "NETWORKING_KEY_BUFSIZE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_HANDLE_TYPE_CONNECT) == 2ULL, "WINHTTP_HANDLE_TYPE_CONNECT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_HANDLE_TYPE_PROTOCOL) == 6ULL, "WINHTTP_HANDLE_TYPE_PROTOCOL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_HANDLE_TYPE_PROXY_RESOLVER) == 4ULL, "WINHTTP_HANDLE_TYPE_PROXY_RESOLVER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_HANDLE_TYPE_REQUEST) == 3ULL, "WINHTTP_HANDLE_TYPE_REQUEST");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_HANDLE_TYPE_SESSION) == 1ULL, "WINHTTP_HANDLE_TYPE_SESSION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_HANDLE_TYPE_WEBSOCKET) == 5ULL, "WINHTTP_HANDLE_TYPE_WEBSOCKET");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH) == 0ULL, "WINHTTP_IGNORE_REQUEST_TOTAL_LENGTH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_INTERNET_SCHEME_FTP) == 3ULL, "WINHTTP_INTERNET_SCHEME_FTP");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_INTERNET_SCHEME_HTTP) == 1ULL, "WINHTTP_INTERNET_SCHEME_HTTP");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_INTERNET_SCHEME_HTTPS) == 2ULL, "WINHTTP_INTERNET_SCHEME_HTTPS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_INTERNET_SCHEME_SOCKS) == 4ULL, "WINHTTP_INTERNET_SCHEME_SOCKS");
/* A byte count of 31 WCHARs: Windows' 62 under -fshort-wchar (see HTTP_REQUEST_PROPERTY_SNI). */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_TIME_FORMAT_BUFSIZE) == 31 * sizeof(WCHAR), "WINHTTP_TIME_FORMAT_BUFSIZE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_MAX_CLOSE_REASON_LENGTH) == 123ULL, "WINHTTP_WEB_SOCKET_MAX_CLOSE_REASON_LENGTH");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_MIN_KEEPALIVE_VALUE) == 15000ULL, "WINHTTP_WEB_SOCKET_MIN_KEEPALIVE_VALUE");
/* B: WebSocket enums: WINHTTP_WEB_SOCKET_*_OPERATION / _BUFFER_TYPE / _CLOSE_STATUS */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_ABORTED_CLOSE_STATUS) == 1006ULL, "WINHTTP_WEB_SOCKET_ABORTED_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE) == 1ULL, "WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE) == 0ULL, "WINHTTP_WEB_SOCKET_BINARY_MESSAGE_BUFFER_TYPE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE) == 4ULL, "WINHTTP_WEB_SOCKET_CLOSE_BUFFER_TYPE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_CLOSE_OPERATION) == 2ULL, "WINHTTP_WEB_SOCKET_CLOSE_OPERATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_EMPTY_CLOSE_STATUS) == 1005ULL, "WINHTTP_WEB_SOCKET_EMPTY_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_ENDPOINT_TERMINATED_CLOSE_STATUS) == 1001ULL, "WINHTTP_WEB_SOCKET_ENDPOINT_TERMINATED_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_INVALID_DATA_TYPE_CLOSE_STATUS) == 1003ULL, "WINHTTP_WEB_SOCKET_INVALID_DATA_TYPE_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_INVALID_PAYLOAD_CLOSE_STATUS) == 1007ULL, "WINHTTP_WEB_SOCKET_INVALID_PAYLOAD_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_MESSAGE_TOO_BIG_CLOSE_STATUS) == 1009ULL, "WINHTTP_WEB_SOCKET_MESSAGE_TOO_BIG_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_POLICY_VIOLATION_CLOSE_STATUS) == 1008ULL, "WINHTTP_WEB_SOCKET_POLICY_VIOLATION_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_PROTOCOL_ERROR_CLOSE_STATUS) == 1002ULL, "WINHTTP_WEB_SOCKET_PROTOCOL_ERROR_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_RECEIVE_OPERATION) == 1ULL, "WINHTTP_WEB_SOCKET_RECEIVE_OPERATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_SECURE_HANDSHAKE_ERROR_CLOSE_STATUS) == 1015ULL, "WINHTTP_WEB_SOCKET_SECURE_HANDSHAKE_ERROR_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_SEND_OPERATION) == 0ULL, "WINHTTP_WEB_SOCKET_SEND_OPERATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_SERVER_ERROR_CLOSE_STATUS) == 1011ULL, "WINHTTP_WEB_SOCKET_SERVER_ERROR_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_SHUTDOWN_OPERATION) == 3ULL, "WINHTTP_WEB_SOCKET_SHUTDOWN_OPERATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS) == 1000ULL, "WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_UNSUPPORTED_EXTENSIONS_CLOSE_STATUS) == 1010ULL, "WINHTTP_WEB_SOCKET_UNSUPPORTED_EXTENSIONS_CLOSE_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE) == 3ULL, "WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE) == 2ULL, "WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE");
/* B: Error codes: ERROR_WINHTTP_* (WINHTTP_ERROR_BASE = 12000) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ERROR_BASE) == 12000ULL, "WINHTTP_ERROR_BASE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_OUT_OF_HANDLES) == 12001ULL, "ERROR_WINHTTP_OUT_OF_HANDLES");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_TIMEOUT) == 12002ULL, "ERROR_WINHTTP_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_INTERNAL_ERROR) == 12004ULL, "ERROR_WINHTTP_INTERNAL_ERROR");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_INVALID_URL) == 12005ULL, "ERROR_WINHTTP_INVALID_URL");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_UNRECOGNIZED_SCHEME) == 12006ULL, "ERROR_WINHTTP_UNRECOGNIZED_SCHEME");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_NAME_NOT_RESOLVED) == 12007ULL, "ERROR_WINHTTP_NAME_NOT_RESOLVED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_INVALID_OPTION) == 12009ULL, "ERROR_WINHTTP_INVALID_OPTION");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_OPTION_NOT_SETTABLE) == 12011ULL, "ERROR_WINHTTP_OPTION_NOT_SETTABLE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SHUTDOWN) == 12012ULL, "ERROR_WINHTTP_SHUTDOWN");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_LOGIN_FAILURE) == 12015ULL, "ERROR_WINHTTP_LOGIN_FAILURE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_OPERATION_CANCELLED) == 12017ULL, "ERROR_WINHTTP_OPERATION_CANCELLED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE) == 12018ULL, "ERROR_WINHTTP_INCORRECT_HANDLE_TYPE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_INCORRECT_HANDLE_STATE) == 12019ULL, "ERROR_WINHTTP_INCORRECT_HANDLE_STATE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CANNOT_CONNECT) == 12029ULL, "ERROR_WINHTTP_CANNOT_CONNECT");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CONNECTION_ERROR) == 12030ULL, "ERROR_WINHTTP_CONNECTION_ERROR");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_RESEND_REQUEST) == 12032ULL, "ERROR_WINHTTP_RESEND_REQUEST");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_CERT_DATE_INVALID) == 12037ULL, "ERROR_WINHTTP_SECURE_CERT_DATE_INVALID");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_CERT_CN_INVALID) == 12038ULL, "ERROR_WINHTTP_SECURE_CERT_CN_INVALID");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED) == 12044ULL, "ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_INVALID_CA) == 12045ULL, "ERROR_WINHTTP_SECURE_INVALID_CA");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_CERT_REV_FAILED) == 12057ULL, "ERROR_WINHTTP_SECURE_CERT_REV_FAILED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CANNOT_CALL_BEFORE_OPEN) == 12100ULL, "ERROR_WINHTTP_CANNOT_CALL_BEFORE_OPEN");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CANNOT_CALL_BEFORE_SEND) == 12101ULL, "ERROR_WINHTTP_CANNOT_CALL_BEFORE_SEND");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CANNOT_CALL_AFTER_SEND) == 12102ULL, "ERROR_WINHTTP_CANNOT_CALL_AFTER_SEND");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CANNOT_CALL_AFTER_OPEN) == 12103ULL, "ERROR_WINHTTP_CANNOT_CALL_AFTER_OPEN");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_HEADER_NOT_FOUND) == 12150ULL, "ERROR_WINHTTP_HEADER_NOT_FOUND");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_INVALID_SERVER_RESPONSE) == 12152ULL, "ERROR_WINHTTP_INVALID_SERVER_RESPONSE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_INVALID_HEADER) == 12153ULL, "ERROR_WINHTTP_INVALID_HEADER");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_INVALID_QUERY_REQUEST) == 12154ULL, "ERROR_WINHTTP_INVALID_QUERY_REQUEST");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_HEADER_ALREADY_EXISTS) == 12155ULL, "ERROR_WINHTTP_HEADER_ALREADY_EXISTS");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_REDIRECT_FAILED) == 12156ULL, "ERROR_WINHTTP_REDIRECT_FAILED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_CHANNEL_ERROR) == 12157ULL, "ERROR_WINHTTP_SECURE_CHANNEL_ERROR");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT) == 12166ULL, "ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT) == 12167ULL, "ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_INVALID_CERT) == 12169ULL, "ERROR_WINHTTP_SECURE_INVALID_CERT");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_CERT_REVOKED) == 12170ULL, "ERROR_WINHTTP_SECURE_CERT_REVOKED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_NOT_INITIALIZED) == 12172ULL, "ERROR_WINHTTP_NOT_INITIALIZED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_FAILURE) == 12175ULL, "ERROR_WINHTTP_SECURE_FAILURE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE) == 12176ULL, "ERROR_WINHTTP_UNHANDLED_SCRIPT_TYPE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SCRIPT_EXECUTION_ERROR) == 12177ULL, "ERROR_WINHTTP_SCRIPT_EXECUTION_ERROR");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR) == 12178ULL, "ERROR_WINHTTP_AUTO_PROXY_SERVICE_ERROR");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE) == 12179ULL, "ERROR_WINHTTP_SECURE_CERT_WRONG_USAGE");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_AUTODETECTION_FAILED) == 12180ULL, "ERROR_WINHTTP_AUTODETECTION_FAILED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_HEADER_COUNT_EXCEEDED) == 12181ULL, "ERROR_WINHTTP_HEADER_COUNT_EXCEEDED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_HEADER_SIZE_OVERFLOW) == 12182ULL, "ERROR_WINHTTP_HEADER_SIZE_OVERFLOW");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CHUNKED_ENCODING_HEADER_SIZE_OVERFLOW) == 12183ULL, "ERROR_WINHTTP_CHUNKED_ENCODING_HEADER_SIZE_OVERFLOW");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_RESPONSE_DRAIN_OVERFLOW) == 12184ULL, "ERROR_WINHTTP_RESPONSE_DRAIN_OVERFLOW");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY) == 12185ULL, "ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CLIENT_CERT_NO_ACCESS_PRIVATE_KEY) == 12186ULL, "ERROR_WINHTTP_CLIENT_CERT_NO_ACCESS_PRIVATE_KEY");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED_PROXY) == 12187ULL, "ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED_PROXY");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_SECURE_FAILURE_PROXY) == 12188ULL, "ERROR_WINHTTP_SECURE_FAILURE_PROXY");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_RESERVED_189) == 12189ULL, "ERROR_WINHTTP_RESERVED_189");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_HTTP_PROTOCOL_MISMATCH) == 12190ULL, "ERROR_WINHTTP_HTTP_PROTOCOL_MISMATCH");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_GLOBAL_CALLBACK_FAILED) == 12191ULL, "ERROR_WINHTTP_GLOBAL_CALLBACK_FAILED");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_FEATURE_DISABLED) == 12192ULL, "ERROR_WINHTTP_FEATURE_DISABLED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_ERROR_LAST) == 12192ULL, "WINHTTP_ERROR_LAST");
_Static_assert((unsigned long long)(DWORD)(ERROR_WINHTTP_FAST_FORWARDING_NOT_SUPPORTED) == 12193ULL, "ERROR_WINHTTP_FAST_FORWARDING_NOT_SUPPORTED");
/* B: HTTP_STATUS_* (winhttp.h) */
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_CONTINUE) == 100ULL, "HTTP_STATUS_CONTINUE");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_FIRST) == 100ULL, "HTTP_STATUS_FIRST");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_SWITCH_PROTOCOLS) == 101ULL, "HTTP_STATUS_SWITCH_PROTOCOLS");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_OK) == 200ULL, "HTTP_STATUS_OK");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_CREATED) == 201ULL, "HTTP_STATUS_CREATED");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_ACCEPTED) == 202ULL, "HTTP_STATUS_ACCEPTED");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_PARTIAL) == 203ULL, "HTTP_STATUS_PARTIAL");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_NO_CONTENT) == 204ULL, "HTTP_STATUS_NO_CONTENT");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_RESET_CONTENT) == 205ULL, "HTTP_STATUS_RESET_CONTENT");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_PARTIAL_CONTENT) == 206ULL, "HTTP_STATUS_PARTIAL_CONTENT");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_WEBDAV_MULTI_STATUS) == 207ULL, "HTTP_STATUS_WEBDAV_MULTI_STATUS");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_AMBIGUOUS) == 300ULL, "HTTP_STATUS_AMBIGUOUS");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_MOVED) == 301ULL, "HTTP_STATUS_MOVED");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_REDIRECT) == 302ULL, "HTTP_STATUS_REDIRECT");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_REDIRECT_METHOD) == 303ULL, "HTTP_STATUS_REDIRECT_METHOD");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_NOT_MODIFIED) == 304ULL, "HTTP_STATUS_NOT_MODIFIED");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_USE_PROXY) == 305ULL, "HTTP_STATUS_USE_PROXY");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_REDIRECT_KEEP_VERB) == 307ULL, "HTTP_STATUS_REDIRECT_KEEP_VERB");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_PERMANENT_REDIRECT) == 308ULL, "HTTP_STATUS_PERMANENT_REDIRECT");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_BAD_REQUEST) == 400ULL, "HTTP_STATUS_BAD_REQUEST");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_DENIED) == 401ULL, "HTTP_STATUS_DENIED");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_PAYMENT_REQ) == 402ULL, "HTTP_STATUS_PAYMENT_REQ");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_FORBIDDEN) == 403ULL, "HTTP_STATUS_FORBIDDEN");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_NOT_FOUND) == 404ULL, "HTTP_STATUS_NOT_FOUND");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_BAD_METHOD) == 405ULL, "HTTP_STATUS_BAD_METHOD");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_NONE_ACCEPTABLE) == 406ULL, "HTTP_STATUS_NONE_ACCEPTABLE");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_PROXY_AUTH_REQ) == 407ULL, "HTTP_STATUS_PROXY_AUTH_REQ");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_REQUEST_TIMEOUT) == 408ULL, "HTTP_STATUS_REQUEST_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_CONFLICT) == 409ULL, "HTTP_STATUS_CONFLICT");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_GONE) == 410ULL, "HTTP_STATUS_GONE");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_LENGTH_REQUIRED) == 411ULL, "HTTP_STATUS_LENGTH_REQUIRED");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_PRECOND_FAILED) == 412ULL, "HTTP_STATUS_PRECOND_FAILED");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_REQUEST_TOO_LARGE) == 413ULL, "HTTP_STATUS_REQUEST_TOO_LARGE");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_URI_TOO_LONG) == 414ULL, "HTTP_STATUS_URI_TOO_LONG");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_UNSUPPORTED_MEDIA) == 415ULL, "HTTP_STATUS_UNSUPPORTED_MEDIA");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_RETRY_WITH) == 449ULL, "HTTP_STATUS_RETRY_WITH");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_SERVER_ERROR) == 500ULL, "HTTP_STATUS_SERVER_ERROR");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_NOT_SUPPORTED) == 501ULL, "HTTP_STATUS_NOT_SUPPORTED");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_BAD_GATEWAY) == 502ULL, "HTTP_STATUS_BAD_GATEWAY");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_SERVICE_UNAVAIL) == 503ULL, "HTTP_STATUS_SERVICE_UNAVAIL");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_GATEWAY_TIMEOUT) == 504ULL, "HTTP_STATUS_GATEWAY_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_LAST) == 505ULL, "HTTP_STATUS_LAST");
_Static_assert((unsigned long long)(DWORD)(HTTP_STATUS_VERSION_NOT_SUP) == 505ULL, "HTTP_STATUS_VERSION_NOT_SUP");
/* B: WINHTTP_FEATURE_* (WINHTTP_OPTION_FEATURE_SUPPORTED) */
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_DISABLE_STREAM_QUEUE) == 1ULL, "WINHTTP_FEATURE_DISABLE_STREAM_QUEUE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_IPV6_FAST_FALLBACK) == 2ULL, "WINHTTP_FEATURE_IPV6_FAST_FALLBACK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_CONNECTION_STATS_V0) == 3ULL, "WINHTTP_FEATURE_CONNECTION_STATS_V0");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_REQUEST_TIMES) == 4ULL, "WINHTTP_FEATURE_REQUEST_TIMES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_EXPIRE_CONNECTION) == 5ULL, "WINHTTP_FEATURE_EXPIRE_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_DISABLE_SECURE_PROTOCOL_FALLBACK) == 6ULL, "WINHTTP_FEATURE_DISABLE_SECURE_PROTOCOL_FALLBACK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_HTTP_PROTOCOL_REQUIRED) == 7ULL, "WINHTTP_FEATURE_HTTP_PROTOCOL_REQUIRED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_REQUEST_STATS) == 8ULL, "WINHTTP_FEATURE_REQUEST_STATS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_SERVER_CERT_CHAIN_CONTEXT) == 9ULL, "WINHTTP_FEATURE_SERVER_CERT_CHAIN_CONTEXT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_CONNECTION_STATS_V1) == 12ULL, "WINHTTP_FEATURE_CONNECTION_STATS_V1");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_SECURITY_INFO) == 13ULL, "WINHTTP_FEATURE_SECURITY_INFO");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_TCP_KEEPALIVE) == 14ULL, "WINHTTP_FEATURE_TCP_KEEPALIVE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_TCP_FAST_OPEN) == 15ULL, "WINHTTP_FEATURE_TCP_FAST_OPEN");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_TLS_FALSE_START) == 16ULL, "WINHTTP_FEATURE_TLS_FALSE_START");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_IGNORE_CERT_REVOCATION_OFFLINE) == 17ULL, "WINHTTP_FEATURE_IGNORE_CERT_REVOCATION_OFFLINE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_TLS_PROTOCOL_INSECURE_FALLBACK) == 20ULL, "WINHTTP_FEATURE_TLS_PROTOCOL_INSECURE_FALLBACK");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_STREAM_ERROR_CODE) == 21ULL, "WINHTTP_FEATURE_STREAM_ERROR_CODE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_REQUIRE_STREAM_END) == 22ULL, "WINHTTP_FEATURE_REQUIRE_STREAM_END");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_ENABLE_HTTP2_PLUS_CLIENT_CERT) == 23ULL, "WINHTTP_FEATURE_ENABLE_HTTP2_PLUS_CLIENT_CERT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_FAILED_CONNECTION_RETRIES) == 24ULL, "WINHTTP_FEATURE_FAILED_CONNECTION_RETRIES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_HTTP2_KEEPALIVE) == 26ULL, "WINHTTP_FEATURE_HTTP2_KEEPALIVE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_RESOLUTION_HOSTNAME) == 27ULL, "WINHTTP_FEATURE_RESOLUTION_HOSTNAME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_SET_TOKEN_BINDING) == 28ULL, "WINHTTP_FEATURE_SET_TOKEN_BINDING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_TOKEN_BINDING_PUBLIC_KEY) == 29ULL, "WINHTTP_FEATURE_TOKEN_BINDING_PUBLIC_KEY");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_REFERER_TOKEN_BINDING_HOSTNAME) == 30ULL, "WINHTTP_FEATURE_REFERER_TOKEN_BINDING_HOSTNAME");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_HTTP2_PLUS_TRANSFER_ENCODING) == 31ULL, "WINHTTP_FEATURE_HTTP2_PLUS_TRANSFER_ENCODING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG) == 32ULL, "WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_DISABLE_CERT_CHAIN_BUILDING) == 33ULL, "WINHTTP_FEATURE_DISABLE_CERT_CHAIN_BUILDING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_BACKGROUND_CONNECTIONS) == 34ULL, "WINHTTP_FEATURE_BACKGROUND_CONNECTIONS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_FIRST_AVAILABLE_CONNECTION) == 35ULL, "WINHTTP_FEATURE_FIRST_AVAILABLE_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_TCP_PRIORITY_STATUS) == 37ULL, "WINHTTP_FEATURE_TCP_PRIORITY_STATUS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_CONNECTION_GUID) == 38ULL, "WINHTTP_FEATURE_CONNECTION_GUID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_MATCH_CONNECTION_GUID) == 39ULL, "WINHTTP_FEATURE_MATCH_CONNECTION_GUID");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_HTTP2_RECEIVE_WINDOW) == 43ULL, "WINHTTP_FEATURE_HTTP2_RECEIVE_WINDOW");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_IS_FEATURE_SUPPORTED) == 44ULL, "WINHTTP_FEATURE_IS_FEATURE_SUPPORTED");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_ADD_REQUEST_HEADERS_EX) == 46ULL, "WINHTTP_FEATURE_ADD_REQUEST_HEADERS_EX");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_SET_PROXY_SETINGS_PER_USER) == 47ULL, "WINHTTP_FEATURE_SET_PROXY_SETINGS_PER_USER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_READ_DATA_EX) == 48ULL, "WINHTTP_FEATURE_READ_DATA_EX");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_QUERY_HEADERS_EX) == 49ULL, "WINHTTP_FEATURE_QUERY_HEADERS_EX");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_QUERY_CONNECTION_GROUP) == 50ULL, "WINHTTP_FEATURE_QUERY_CONNECTION_GROUP");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_FREE_QUERY_CONNECTION_GROUP_RESULT) == 51ULL, "WINHTTP_FEATURE_FREE_QUERY_CONNECTION_GROUP_RESULT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_SECURITY_FLAG_IGNORE_ALL_CERT_ERRORS) == 52ULL, "WINHTTP_FEATURE_SECURITY_FLAG_IGNORE_ALL_CERT_ERRORS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_FLAG_SECURE_DEFAULTS) == 53ULL, "WINHTTP_FEATURE_FLAG_SECURE_DEFAULTS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_EXTENDED_HEADER_FLAG_UNICODE) == 54ULL, "WINHTTP_FEATURE_EXTENDED_HEADER_FLAG_UNICODE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_QUERY_FLAG_TRAILERS) == 55ULL, "WINHTTP_FEATURE_QUERY_FLAG_TRAILERS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_QUERY_FLAG_WIRE_ENCODING) == 56ULL, "WINHTTP_FEATURE_QUERY_FLAG_WIRE_ENCODING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG_FLAG_SOFT_LIMIT) == 57ULL, "WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG_FLAG_SOFT_LIMIT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG_FLAG_BYPASS_CACHE) == 58ULL, "WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG_FLAG_BYPASS_CACHE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_FLAG_AUTOMATIC_CHUNKING) == 59ULL, "WINHTTP_FEATURE_FLAG_AUTOMATIC_CHUNKING");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_QUERY_CONNECTION_GROUP_FLAG_INSECURE) == 60ULL, "WINHTTP_FEATURE_QUERY_CONNECTION_GROUP_FLAG_INSECURE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_MATCH_CONNECTION_GUID_FLAG_REQUIRE_MARKED_CONNECTION) == 61ULL, "WINHTTP_FEATURE_MATCH_CONNECTION_GUID_FLAG_REQUIRE_MARKED_CONNECTION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_QUERY_EX_ALL_HEADERS) == 62ULL, "WINHTTP_FEATURE_QUERY_EX_ALL_HEADERS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_READ_DATA_EX_FLAG_FILL_BUFFER) == 63ULL, "WINHTTP_FEATURE_READ_DATA_EX_FLAG_FILL_BUFFER");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG_FLAG_USE_DNS_TTL) == 64ULL, "WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG_FLAG_USE_DNS_TTL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG_FLAG_CONN_USE_TTL) == 65ULL, "WINHTTP_FEATURE_RESOLVER_CACHE_CONFIG_FLAG_CONN_USE_TTL");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_QUIC_STATS) == 66ULL, "WINHTTP_FEATURE_QUIC_STATS");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_HTTP3_KEEPALIVE) == 69ULL, "WINHTTP_FEATURE_HTTP3_KEEPALIVE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_HTTP3_HANDSHAKE_TIMEOUT) == 70ULL, "WINHTTP_FEATURE_HTTP3_HANDSHAKE_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_HTTP3_INITIAL_RTT) == 71ULL, "WINHTTP_FEATURE_HTTP3_INITIAL_RTT");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_HTTP3_STREAM_ERROR_CODE) == 72ULL, "WINHTTP_FEATURE_HTTP3_STREAM_ERROR_CODE");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_REQUEST_ANNOTATION) == 73ULL, "WINHTTP_FEATURE_REQUEST_ANNOTATION");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_DISABLE_PROXY_AUTH_SCHEMES) == 74ULL, "WINHTTP_FEATURE_DISABLE_PROXY_AUTH_SCHEMES");
_Static_assert((unsigned long long)(DWORD)(WINHTTP_FEATURE_REVERT_IMPERSONATION_SERVER_CERT) == 75ULL, "WINHTTP_FEATURE_REVERT_IMPERSONATION_SERVER_CERT");
/* B: Request timing/stat enums: WINHTTP_REQUEST_TIME_ENTRY / WINHTTP_REQUEST_STAT_ENTRY */
_Static_assert((unsigned long long)(DWORD)(WinHttpConnectFailureCount) == 0ULL, "WinHttpConnectFailureCount");
_Static_assert((unsigned long long)(DWORD)(WinHttpConnectionAcquireEnd) == 4ULL, "WinHttpConnectionAcquireEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpConnectionAcquireStart) == 2ULL, "WinHttpConnectionAcquireStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpConnectionAcquireWaitEnd) == 3ULL, "WinHttpConnectionAcquireWaitEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpConnectionEstablishmentEnd) == 8ULL, "WinHttpConnectionEstablishmentEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpConnectionEstablishmentStart) == 7ULL, "WinHttpConnectionEstablishmentStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpNameResolutionEnd) == 6ULL, "WinHttpNameResolutionEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpNameResolutionStart) == 5ULL, "WinHttpNameResolutionStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyDetectionEnd) == 1ULL, "WinHttpProxyDetectionEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyDetectionStart) == 0ULL, "WinHttpProxyDetectionStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyFailureCount) == 1ULL, "WinHttpProxyFailureCount");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeClientLeg1End) == 31ULL, "WinHttpProxyTlsHandshakeClientLeg1End");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeClientLeg1Size) == 12ULL, "WinHttpProxyTlsHandshakeClientLeg1Size");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeClientLeg1Start) == 30ULL, "WinHttpProxyTlsHandshakeClientLeg1Start");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeClientLeg2End) == 33ULL, "WinHttpProxyTlsHandshakeClientLeg2End");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeClientLeg2Size) == 14ULL, "WinHttpProxyTlsHandshakeClientLeg2Size");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeClientLeg2Start) == 32ULL, "WinHttpProxyTlsHandshakeClientLeg2Start");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeClientLeg3End) == 35ULL, "WinHttpProxyTlsHandshakeClientLeg3End");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeClientLeg3Start) == 34ULL, "WinHttpProxyTlsHandshakeClientLeg3Start");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeServerLeg1Size) == 13ULL, "WinHttpProxyTlsHandshakeServerLeg1Size");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTlsHandshakeServerLeg2Size) == 15ULL, "WinHttpProxyTlsHandshakeServerLeg2Size");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTunnelEnd) == 29ULL, "WinHttpProxyTunnelEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxyTunnelStart) == 28ULL, "WinHttpProxyTunnelStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpReceiveResponseBodyDecompressionDelta) == 26ULL, "WinHttpReceiveResponseBodyDecompressionDelta");
_Static_assert((unsigned long long)(DWORD)(WinHttpReceiveResponseEnd) == 27ULL, "WinHttpReceiveResponseEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpReceiveResponseHeadersDecompressionEnd) == 24ULL, "WinHttpReceiveResponseHeadersDecompressionEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpReceiveResponseHeadersDecompressionStart) == 23ULL, "WinHttpReceiveResponseHeadersDecompressionStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpReceiveResponseHeadersEnd) == 25ULL, "WinHttpReceiveResponseHeadersEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpReceiveResponseStart) == 22ULL, "WinHttpReceiveResponseStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpRequestHeadersCompressedSize) == 7ULL, "WinHttpRequestHeadersCompressedSize");
_Static_assert((unsigned long long)(DWORD)(WinHttpRequestHeadersSize) == 6ULL, "WinHttpRequestHeadersSize");
_Static_assert((unsigned long long)(DWORD)(WinHttpRequestStatLast) == 16ULL, "WinHttpRequestStatLast");
_Static_assert((unsigned long long)(DWORD)(WinHttpRequestStatMax) == 32ULL, "WinHttpRequestStatMax");
_Static_assert((unsigned long long)(DWORD)(WinHttpRequestTimeLast) == 36ULL, "WinHttpRequestTimeLast");
_Static_assert((unsigned long long)(DWORD)(WinHttpRequestTimeMax) == 64ULL, "WinHttpRequestTimeMax");
_Static_assert((unsigned long long)(DWORD)(WinHttpResponseBodyCompressedSize) == 11ULL, "WinHttpResponseBodyCompressedSize");
_Static_assert((unsigned long long)(DWORD)(WinHttpResponseBodySize) == 10ULL, "WinHttpResponseBodySize");
_Static_assert((unsigned long long)(DWORD)(WinHttpResponseHeadersCompressedSize) == 9ULL, "WinHttpResponseHeadersCompressedSize");
_Static_assert((unsigned long long)(DWORD)(WinHttpResponseHeadersSize) == 8ULL, "WinHttpResponseHeadersSize");
_Static_assert((unsigned long long)(DWORD)(WinHttpSendRequestEnd) == 21ULL, "WinHttpSendRequestEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpSendRequestHeadersCompressionEnd) == 19ULL, "WinHttpSendRequestHeadersCompressionEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpSendRequestHeadersCompressionStart) == 18ULL, "WinHttpSendRequestHeadersCompressionStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpSendRequestHeadersEnd) == 20ULL, "WinHttpSendRequestHeadersEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpSendRequestStart) == 17ULL, "WinHttpSendRequestStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpStreamWaitEnd) == 16ULL, "WinHttpStreamWaitEnd");
_Static_assert((unsigned long long)(DWORD)(WinHttpStreamWaitStart) == 15ULL, "WinHttpStreamWaitStart");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeClientLeg1End) == 10ULL, "WinHttpTlsHandshakeClientLeg1End");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeClientLeg1Size) == 2ULL, "WinHttpTlsHandshakeClientLeg1Size");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeClientLeg1Start) == 9ULL, "WinHttpTlsHandshakeClientLeg1Start");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeClientLeg2End) == 12ULL, "WinHttpTlsHandshakeClientLeg2End");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeClientLeg2Size) == 4ULL, "WinHttpTlsHandshakeClientLeg2Size");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeClientLeg2Start) == 11ULL, "WinHttpTlsHandshakeClientLeg2Start");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeClientLeg3End) == 14ULL, "WinHttpTlsHandshakeClientLeg3End");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeClientLeg3Start) == 13ULL, "WinHttpTlsHandshakeClientLeg3Start");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeServerLeg1Size) == 3ULL, "WinHttpTlsHandshakeServerLeg1Size");
_Static_assert((unsigned long long)(DWORD)(WinHttpTlsHandshakeServerLeg2Size) == 5ULL, "WinHttpTlsHandshakeServerLeg2Size");
/* B: Other enums: WINHTTP_PROXY_SETTINGS_TYPE / WINHTTP_SECURE_DNS_SETTING */
_Static_assert((unsigned long long)(DWORD)(WinHttpProxySettingsTypeUnknown) == 0ULL, "WinHttpProxySettingsTypeUnknown");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxySettingsTypeWsa) == 2ULL, "WinHttpProxySettingsTypeWsa");
_Static_assert((unsigned long long)(DWORD)(WinHttpProxySettingsTypeWsl) == 1ULL, "WinHttpProxySettingsTypeWsl");
_Static_assert((unsigned long long)(DWORD)(WinHttpSecureDnsSettingDefault) == 0ULL, "WinHttpSecureDnsSettingDefault");
_Static_assert((unsigned long long)(DWORD)(WinHttpSecureDnsSettingForcePlaintext) == 1ULL, "WinHttpSecureDnsSettingForcePlaintext");
_Static_assert((unsigned long long)(DWORD)(WinHttpSecureDnsSettingMax) == 4ULL, "WinHttpSecureDnsSettingMax");
_Static_assert((unsigned long long)(DWORD)(WinHttpSecureDnsSettingRequireEncryption) == 2ULL, "WinHttpSecureDnsSettingRequireEncryption");
_Static_assert((unsigned long long)(DWORD)(WinHttpSecureDnsSettingTryEncryptionWithFallback) == 3ULL, "WinHttpSecureDnsSettingTryEncryptionWithFallback");
/* A: HTTP_HEADER_ID */
_Static_assert((unsigned long long)(DWORD)(HttpHeaderCacheControl) == 0ULL, "HttpHeaderCacheControl");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderConnection) == 1ULL, "HttpHeaderConnection");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderDate) == 2ULL, "HttpHeaderDate");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderKeepAlive) == 3ULL, "HttpHeaderKeepAlive");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderPragma) == 4ULL, "HttpHeaderPragma");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderTrailer) == 5ULL, "HttpHeaderTrailer");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderTransferEncoding) == 6ULL, "HttpHeaderTransferEncoding");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderUpgrade) == 7ULL, "HttpHeaderUpgrade");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderVia) == 8ULL, "HttpHeaderVia");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderWarning) == 9ULL, "HttpHeaderWarning");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderAllow) == 10ULL, "HttpHeaderAllow");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderContentLength) == 11ULL, "HttpHeaderContentLength");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderContentType) == 12ULL, "HttpHeaderContentType");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderContentEncoding) == 13ULL, "HttpHeaderContentEncoding");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderContentLanguage) == 14ULL, "HttpHeaderContentLanguage");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderContentLocation) == 15ULL, "HttpHeaderContentLocation");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderContentMd5) == 16ULL, "HttpHeaderContentMd5");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderContentRange) == 17ULL, "HttpHeaderContentRange");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderExpires) == 18ULL, "HttpHeaderExpires");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderLastModified) == 19ULL, "HttpHeaderLastModified");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderAccept) == 20ULL, "HttpHeaderAccept");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderAcceptRanges) == 20ULL, "HttpHeaderAcceptRanges");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderAcceptCharset) == 21ULL, "HttpHeaderAcceptCharset");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderAge) == 21ULL, "HttpHeaderAge");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderAcceptEncoding) == 22ULL, "HttpHeaderAcceptEncoding");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderEtag) == 22ULL, "HttpHeaderEtag");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderAcceptLanguage) == 23ULL, "HttpHeaderAcceptLanguage");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderLocation) == 23ULL, "HttpHeaderLocation");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderAuthorization) == 24ULL, "HttpHeaderAuthorization");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderProxyAuthenticate) == 24ULL, "HttpHeaderProxyAuthenticate");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderCookie) == 25ULL, "HttpHeaderCookie");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderRetryAfter) == 25ULL, "HttpHeaderRetryAfter");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderExpect) == 26ULL, "HttpHeaderExpect");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderServer) == 26ULL, "HttpHeaderServer");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderFrom) == 27ULL, "HttpHeaderFrom");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderSetCookie) == 27ULL, "HttpHeaderSetCookie");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderHost) == 28ULL, "HttpHeaderHost");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderVary) == 28ULL, "HttpHeaderVary");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderIfMatch) == 29ULL, "HttpHeaderIfMatch");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderWwwAuthenticate) == 29ULL, "HttpHeaderWwwAuthenticate");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderIfModifiedSince) == 30ULL, "HttpHeaderIfModifiedSince");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderResponseMaximum) == 30ULL, "HttpHeaderResponseMaximum");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderIfNoneMatch) == 31ULL, "HttpHeaderIfNoneMatch");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderIfRange) == 32ULL, "HttpHeaderIfRange");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderIfUnmodifiedSince) == 33ULL, "HttpHeaderIfUnmodifiedSince");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderMaxForwards) == 34ULL, "HttpHeaderMaxForwards");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderProxyAuthorization) == 35ULL, "HttpHeaderProxyAuthorization");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderReferer) == 36ULL, "HttpHeaderReferer");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderRange) == 37ULL, "HttpHeaderRange");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderTe) == 38ULL, "HttpHeaderTe");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderTranslate) == 39ULL, "HttpHeaderTranslate");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderUserAgent) == 40ULL, "HttpHeaderUserAgent");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderMaximum) == 41ULL, "HttpHeaderMaximum");
_Static_assert((unsigned long long)(DWORD)(HttpHeaderRequestMaximum) == 41ULL, "HttpHeaderRequestMaximum");
/* C.2: Win32 error codes */
_Static_assert((unsigned long long)(DWORD)(NO_ERROR) == 0ULL, "NO_ERROR");
_Static_assert((unsigned long long)(DWORD)(ERROR_SUCCESS) == 0ULL, "ERROR_SUCCESS");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_FUNCTION) == 1ULL, "ERROR_INVALID_FUNCTION");
_Static_assert((unsigned long long)(DWORD)(ERROR_FILE_NOT_FOUND) == 2ULL, "ERROR_FILE_NOT_FOUND");
_Static_assert((unsigned long long)(DWORD)(ERROR_PATH_NOT_FOUND) == 3ULL, "ERROR_PATH_NOT_FOUND");
_Static_assert((unsigned long long)(DWORD)(ERROR_ACCESS_DENIED) == 5ULL, "ERROR_ACCESS_DENIED");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_HANDLE) == 6ULL, "ERROR_INVALID_HANDLE");
_Static_assert((unsigned long long)(DWORD)(ERROR_NOT_ENOUGH_MEMORY) == 8ULL, "ERROR_NOT_ENOUGH_MEMORY");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_ACCESS) == 12ULL, "ERROR_INVALID_ACCESS");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_DATA) == 13ULL, "ERROR_INVALID_DATA");
_Static_assert((unsigned long long)(DWORD)(ERROR_OUTOFMEMORY) == 14ULL, "ERROR_OUTOFMEMORY");
_Static_assert((unsigned long long)(DWORD)(ERROR_NOT_READY) == 21ULL, "ERROR_NOT_READY");
_Static_assert((unsigned long long)(DWORD)(ERROR_BAD_COMMAND) == 22ULL, "ERROR_BAD_COMMAND");
_Static_assert((unsigned long long)(DWORD)(ERROR_BAD_LENGTH) == 24ULL, "ERROR_BAD_LENGTH");
_Static_assert((unsigned long long)(DWORD)(ERROR_GEN_FAILURE) == 31ULL, "ERROR_GEN_FAILURE");
_Static_assert((unsigned long long)(DWORD)(ERROR_SHARING_VIOLATION) == 32ULL, "ERROR_SHARING_VIOLATION");
_Static_assert((unsigned long long)(DWORD)(ERROR_HANDLE_EOF) == 38ULL, "ERROR_HANDLE_EOF");
_Static_assert((unsigned long long)(DWORD)(ERROR_NOT_SUPPORTED) == 50ULL, "ERROR_NOT_SUPPORTED");
_Static_assert((unsigned long long)(DWORD)(ERROR_BAD_NETPATH) == 53ULL, "ERROR_BAD_NETPATH");
_Static_assert((unsigned long long)(DWORD)(ERROR_NETWORK_BUSY) == 54ULL, "ERROR_NETWORK_BUSY");
_Static_assert((unsigned long long)(DWORD)(ERROR_BAD_NET_RESP) == 58ULL, "ERROR_BAD_NET_RESP");
_Static_assert((unsigned long long)(DWORD)(ERROR_UNEXP_NET_ERR) == 59ULL, "ERROR_UNEXP_NET_ERR");
_Static_assert((unsigned long long)(DWORD)(ERROR_NETNAME_DELETED) == 64ULL, "ERROR_NETNAME_DELETED");
_Static_assert((unsigned long long)(DWORD)(ERROR_FILE_EXISTS) == 80ULL, "ERROR_FILE_EXISTS");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_PARAMETER) == 87ULL, "ERROR_INVALID_PARAMETER");
_Static_assert((unsigned long long)(DWORD)(ERROR_BROKEN_PIPE) == 109ULL, "ERROR_BROKEN_PIPE");
_Static_assert((unsigned long long)(DWORD)(ERROR_BUFFER_OVERFLOW) == 111ULL, "ERROR_BUFFER_OVERFLOW");
_Static_assert((unsigned long long)(DWORD)(ERROR_CALL_NOT_IMPLEMENTED) == 120ULL, "ERROR_CALL_NOT_IMPLEMENTED");
_Static_assert((unsigned long long)(DWORD)(ERROR_SEM_TIMEOUT) == 121ULL, "ERROR_SEM_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(ERROR_INSUFFICIENT_BUFFER) == 122ULL, "ERROR_INSUFFICIENT_BUFFER");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_NAME) == 123ULL, "ERROR_INVALID_NAME");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_LEVEL) == 124ULL, "ERROR_INVALID_LEVEL");
_Static_assert((unsigned long long)(DWORD)(ERROR_BAD_ARGUMENTS) == 160ULL, "ERROR_BAD_ARGUMENTS");
_Static_assert((unsigned long long)(DWORD)(ERROR_BUSY) == 170ULL, "ERROR_BUSY");
_Static_assert((unsigned long long)(DWORD)(ERROR_ALREADY_EXISTS) == 183ULL, "ERROR_ALREADY_EXISTS");
_Static_assert((unsigned long long)(DWORD)(ERROR_NO_DATA) == 232ULL, "ERROR_NO_DATA");
_Static_assert((unsigned long long)(DWORD)(ERROR_PIPE_NOT_CONNECTED) == 233ULL, "ERROR_PIPE_NOT_CONNECTED");
_Static_assert((unsigned long long)(DWORD)(ERROR_MORE_DATA) == 234ULL, "ERROR_MORE_DATA");
_Static_assert((unsigned long long)(DWORD)(WAIT_TIMEOUT) == 258ULL, "WAIT_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(ERROR_NO_MORE_ITEMS) == 259ULL, "ERROR_NO_MORE_ITEMS");
_Static_assert((unsigned long long)(DWORD)(ERROR_NOT_OWNER) == 288ULL, "ERROR_NOT_OWNER");
_Static_assert((unsigned long long)(DWORD)(ERROR_ARITHMETIC_OVERFLOW) == 534ULL, "ERROR_ARITHMETIC_OVERFLOW");
_Static_assert((unsigned long long)(DWORD)(ERROR_ABANDONED_WAIT_0) == 735ULL, "ERROR_ABANDONED_WAIT_0");
_Static_assert((unsigned long long)(DWORD)(ERROR_OPERATION_ABORTED) == 995ULL, "ERROR_OPERATION_ABORTED");
_Static_assert((unsigned long long)(DWORD)(ERROR_IO_INCOMPLETE) == 996ULL, "ERROR_IO_INCOMPLETE");
_Static_assert((unsigned long long)(DWORD)(ERROR_IO_PENDING) == 997ULL, "ERROR_IO_PENDING");
_Static_assert((unsigned long long)(DWORD)(ERROR_NOACCESS) == 998ULL, "ERROR_NOACCESS");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_FLAGS) == 1004ULL, "ERROR_INVALID_FLAGS");
_Static_assert((unsigned long long)(DWORD)(ERROR_NO_TOKEN) == 1008ULL, "ERROR_NO_TOKEN");
_Static_assert((unsigned long long)(DWORD)(ERROR_SERVICE_NOT_ACTIVE) == 1062ULL, "ERROR_SERVICE_NOT_ACTIVE");
_Static_assert((unsigned long long)(DWORD)(ERROR_DLL_INIT_FAILED) == 1114ULL, "ERROR_DLL_INIT_FAILED");
_Static_assert((unsigned long long)(DWORD)(ERROR_SHUTDOWN_IN_PROGRESS) == 1115ULL, "ERROR_SHUTDOWN_IN_PROGRESS");
_Static_assert((unsigned long long)(DWORD)(ERROR_NOT_FOUND) == 1168ULL, "ERROR_NOT_FOUND");
_Static_assert((unsigned long long)(DWORD)(ERROR_CANCELLED) == 1223ULL, "ERROR_CANCELLED");
_Static_assert((unsigned long long)(DWORD)(ERROR_CONNECTION_REFUSED) == 1225ULL, "ERROR_CONNECTION_REFUSED");
_Static_assert((unsigned long long)(DWORD)(ERROR_GRACEFUL_DISCONNECT) == 1226ULL, "ERROR_GRACEFUL_DISCONNECT");
_Static_assert((unsigned long long)(DWORD)(ERROR_ADDRESS_ALREADY_ASSOCIATED) == 1227ULL, "ERROR_ADDRESS_ALREADY_ASSOCIATED");
_Static_assert((unsigned long long)(DWORD)(ERROR_CONNECTION_INVALID) == 1229ULL, "ERROR_CONNECTION_INVALID");
_Static_assert((unsigned long long)(DWORD)(ERROR_CONNECTION_ACTIVE) == 1230ULL, "ERROR_CONNECTION_ACTIVE");
_Static_assert((unsigned long long)(DWORD)(ERROR_NETWORK_UNREACHABLE) == 1231ULL, "ERROR_NETWORK_UNREACHABLE");
_Static_assert((unsigned long long)(DWORD)(ERROR_HOST_UNREACHABLE) == 1232ULL, "ERROR_HOST_UNREACHABLE");
_Static_assert((unsigned long long)(DWORD)(ERROR_REQUEST_ABORTED) == 1235ULL, "ERROR_REQUEST_ABORTED");
_Static_assert((unsigned long long)(DWORD)(ERROR_CONNECTION_ABORTED) == 1236ULL, "ERROR_CONNECTION_ABORTED");
_Static_assert((unsigned long long)(DWORD)(ERROR_RETRY) == 1237ULL, "ERROR_RETRY");
_Static_assert((unsigned long long)(DWORD)(ERROR_CONNECTION_COUNT_LIMIT) == 1238ULL, "ERROR_CONNECTION_COUNT_LIMIT");
_Static_assert((unsigned long long)(DWORD)(ERROR_ALREADY_INITIALIZED) == 1247ULL, "ERROR_ALREADY_INITIALIZED");
_Static_assert((unsigned long long)(DWORD)(ERROR_REVISION_MISMATCH) == 1306ULL, "ERROR_REVISION_MISMATCH");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_SECURITY_DESCR) == 1338ULL, "ERROR_INVALID_SECURITY_DESCR");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_SERVER_STATE) == 1352ULL, "ERROR_INVALID_SERVER_STATE");
_Static_assert((unsigned long long)(DWORD)(ERROR_INTERNAL_ERROR) == 1359ULL, "ERROR_INTERNAL_ERROR");
_Static_assert((unsigned long long)(DWORD)(ERROR_NO_SYSTEM_RESOURCES) == 1450ULL, "ERROR_NO_SYSTEM_RESOURCES");
_Static_assert((unsigned long long)(DWORD)(ERROR_TIMEOUT) == 1460ULL, "ERROR_TIMEOUT");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_HANDLE_STATE) == 1609ULL, "ERROR_INVALID_HANDLE_STATE");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_USER_BUFFER) == 1784ULL, "ERROR_INVALID_USER_BUFFER");
_Static_assert((unsigned long long)(DWORD)(ERROR_NOT_ENOUGH_QUOTA) == 1816ULL, "ERROR_NOT_ENOUGH_QUOTA");
_Static_assert((unsigned long long)(DWORD)(ERROR_NOT_CONNECTED) == 2250ULL, "ERROR_NOT_CONNECTED");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_OPERATION) == 4317ULL, "ERROR_INVALID_OPERATION");
_Static_assert((unsigned long long)(DWORD)(ERROR_INVALID_STATE) == 5023ULL, "ERROR_INVALID_STATE");
_Static_assert((unsigned long long)(DWORD)(WAIT_OBJECT_0) == 0ULL, "WAIT_OBJECT_0");
_Static_assert((unsigned long long)(DWORD)(WAIT_ABANDONED) == 128ULL, "WAIT_ABANDONED");
_Static_assert((unsigned long long)(DWORD)(WAIT_ABANDONED_0) == 128ULL, "WAIT_ABANDONED_0");
_Static_assert((unsigned long long)(DWORD)(WAIT_IO_COMPLETION) == 192ULL, "WAIT_IO_COMPLETION");
_Static_assert((unsigned long long)(DWORD)(WAIT_FAILED) == 4294967295ULL, "WAIT_FAILED");
_Static_assert((unsigned long long)(DWORD)(INFINITE) == 4294967295ULL, "INFINITE");
_Static_assert((unsigned long long)(DWORD)(MAXIMUM_WAIT_OBJECTS) == 64ULL, "MAXIMUM_WAIT_OBJECTS");
_Static_assert((unsigned long long)(DWORD)(STATUS_PENDING) == 259ULL, "STATUS_PENDING");
_Static_assert((unsigned long long)(DWORD)(CREATE_EVENT_MANUAL_RESET) == 1ULL, "CREATE_EVENT_MANUAL_RESET");
_Static_assert((unsigned long long)(DWORD)(CREATE_EVENT_INITIAL_SET) == 2ULL, "CREATE_EVENT_INITIAL_SET");
_Static_assert((unsigned long long)(DWORD)(EVENT_ALL_ACCESS) == 2031619ULL, "EVENT_ALL_ACCESS");
_Static_assert((unsigned long long)(DWORD)(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) == 1ULL, "FILE_SKIP_COMPLETION_PORT_ON_SUCCESS");
_Static_assert((unsigned long long)(DWORD)(FILE_SKIP_SET_EVENT_ON_HANDLE) == 2ULL, "FILE_SKIP_SET_EVENT_ON_HANDLE");
_Static_assert((unsigned long long)(DWORD)(WSABASEERR) == 10000ULL, "WSABASEERR");
_Static_assert((unsigned long long)(DWORD)(WSAEWOULDBLOCK) == 10035ULL, "WSAEWOULDBLOCK");
_Static_assert((unsigned long long)(DWORD)(WSAECONNABORTED) == 10053ULL, "WSAECONNABORTED");
_Static_assert((unsigned long long)(DWORD)(WSAECONNRESET) == 10054ULL, "WSAECONNRESET");
_Static_assert((unsigned long long)(DWORD)(WSAENOTCONN) == 10057ULL, "WSAENOTCONN");
_Static_assert((unsigned long long)(DWORD)(WSAESHUTDOWN) == 10058ULL, "WSAESHUTDOWN");
_Static_assert((unsigned long long)(DWORD)(WSAETIMEDOUT) == 10060ULL, "WSAETIMEDOUT");
_Static_assert((unsigned long long)(DWORD)(WSAECONNREFUSED) == 10061ULL, "WSAECONNREFUSED");
_Static_assert((unsigned long long)(DWORD)(WSAEADDRINUSE) == 10048ULL, "WSAEADDRINUSE");

int main(void)
{
    printf("layout: %d structs, %d fields checked; %d constants checked; WCHAR is %u bytes\n", 137, 560, 1180,
           (unsigned)sizeof(WCHAR));
    printf("layout_check: 0 failed\n");
    return 0;
}
