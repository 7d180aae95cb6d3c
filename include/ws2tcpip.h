/*
 * ws2tcpip.h - the TCP/IP address functions of Winsock 2 (winhttpapi): InetNtop and InetPton in both
 * character widths, with Windows' error reporting (NULL / -1 and WSAGetLastError). inet_ntop, inet_pton,
 * getaddrinfo and getnameinfo are the C library's (the same names on Windows). The families are Linux's:
 * AF_INET6 is 10.
 */
#ifndef WINHTTPAPI_WS2TCPIP_H
#define WINHTTPAPI_WS2TCPIP_H

#include <winsock2.h>

#ifdef WINHTTPAPI_SHORT_WCHAR
#define InetNtopW InetNtopW_w16
#define InetPtonW InetPtonW_w16
#endif

#ifdef __cplusplus
extern "C" {
#endif
WINSOCK_API_LINKAGE PCSTR WSAAPI InetNtopA(INT Family, const VOID *pAddr, PSTR pStringBuf, size_t StringBufSize);
WINSOCK_API_LINKAGE PCWSTR WSAAPI InetNtopW(INT Family, const VOID *pAddr, PWSTR pStringBuf, size_t StringBufSize);
WINSOCK_API_LINKAGE INT WSAAPI InetPtonA(INT Family, PCSTR pszAddrString, PVOID pAddrBuf);
WINSOCK_API_LINKAGE INT WSAAPI InetPtonW(INT Family, PCWSTR pszAddrString, PVOID pAddrBuf);
#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define InetNtop InetNtopW
#define InetPton InetPtonW
#else
#define InetNtop InetNtopA
#define InetPton InetPtonA
#endif

#endif /* WINHTTPAPI_WS2TCPIP_H */
