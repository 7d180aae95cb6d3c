/*
 * winsock2.h - what an HTTP program does with Winsock (winhttpapi): the address types it finds in
 * HTTP_REQUEST.Address and WINHTTP_CONNECTION_INFO, WSAStartup/WSACleanup, WSAGetLastError,
 * WSAAddressToString, closesocket, the WSA error codes. The types are Linux's socket types (windows.h
 * typedefs SOCKADDR, SOCKADDR_IN, SOCKADDR_IN6, SOCKADDR_STORAGE, IN_ADDR, IN6_ADDR to them): AF_INET6 is 10,
 * in_addr has s_addr but not Windows' S_un union, and socket(), bind(), connect(), send(), recv(),
 * getaddrinfo(), ntohs() ... are the C library's, which set errno rather than the WSA last error. SOCKET is
 * UINT_PTR as on Windows and holds a file descriptor. See docs/porting.md ("Winsock").
 */
#ifndef WINHTTPAPI_WINSOCK2_H
#define WINHTTPAPI_WINSOCK2_H

#include <windows.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <netdb.h>

#ifndef WSAAPI
#define WSAAPI
#endif
#ifndef WINSOCK_API_LINKAGE
#define WINSOCK_API_LINKAGE
#endif

typedef UINT_PTR SOCKET;
#define INVALID_SOCKET (SOCKET)(~0)
#define SOCKET_ERROR (-1)

#define WSADESCRIPTION_LEN 256
#define WSASYS_STATUS_LEN 128

typedef struct WSAData {
    WORD wVersion;
    WORD wHighVersion;
    unsigned short iMaxSockets;
    unsigned short iMaxUdpDg;
    char *lpVendorInfo;
    char szDescription[WSADESCRIPTION_LEN + 1];
    char szSystemStatus[WSASYS_STATUS_LEN + 1];
} WSADATA, *LPWSADATA;

/* The protocol information a WSAAddressToString caller may pass: only NULL is meaningful here. */
typedef struct _WSAPROTOCOL_INFOA WSAPROTOCOL_INFOA, *LPWSAPROTOCOL_INFOA;
typedef struct _WSAPROTOCOL_INFOW WSAPROTOCOL_INFOW, *LPWSAPROTOCOL_INFOW;

/* The Windows Sockets codes of winerror.h that windows.h does not already have. */
#define WSAEDESTADDRREQ 10039
#define WSAEPROTOTYPE 10041
#define WSAENOPROTOOPT 10042
#define WSAEPROTONOSUPPORT 10043
#define WSAESOCKTNOSUPPORT 10044
#define WSAEOPNOTSUPP 10045
#define WSAEPFNOSUPPORT 10046
#define WSAEAFNOSUPPORT 10047
#define WSAETOOMANYREFS 10059
#define WSAELOOP 10062
#define WSAENAMETOOLONG 10063
#define WSAEHOSTDOWN 10064
#define WSAENOTEMPTY 10066
#define WSAEPROCLIM 10067
#define WSAEUSERS 10068
#define WSAEDQUOT 10069
#define WSAESTALE 10070
#define WSAEREMOTE 10071
#define WSASYSNOTREADY 10091
#define WSAVERNOTSUPPORTED 10092
#define WSANOTINITIALISED 10093
#define WSAEDISCON 10101
#define WSATRY_AGAIN 11002
#define WSANO_RECOVERY 11003
#define WSANO_DATA 11004
#define WSA_INVALID_HANDLE ERROR_INVALID_HANDLE
#define WSA_INVALID_PARAMETER ERROR_INVALID_PARAMETER
#define WSA_IO_INCOMPLETE ERROR_IO_INCOMPLETE
#define WSA_IO_PENDING ERROR_IO_PENDING
#define WSA_NOT_ENOUGH_MEMORY ERROR_NOT_ENOUGH_MEMORY
#define WSA_OPERATION_ABORTED ERROR_OPERATION_ABORTED

/* The port of a SOCKADDR_STORAGE holding an IPv4 or IPv6 address (both keep it at the same place). */
#define SS_PORT(ssp) (((PSOCKADDR_IN)(ssp))->sin_port)

#ifdef WINHTTPAPI_SHORT_WCHAR
#define WSAAddressToStringW WSAAddressToStringW_w16
#endif

#ifdef __cplusplus
extern "C" {
#endif
WINSOCK_API_LINKAGE int WSAAPI WSAStartup(WORD wVersionRequested, LPWSADATA lpWSAData);
WINSOCK_API_LINKAGE int WSAAPI WSACleanup(void);
WINSOCK_API_LINKAGE int WSAAPI WSAGetLastError(void);
WINSOCK_API_LINKAGE void WSAAPI WSASetLastError(int iError);
WINSOCK_API_LINKAGE int WSAAPI closesocket(SOCKET s);
WINSOCK_API_LINKAGE INT WSAAPI WSAAddressToStringA(LPSOCKADDR lpsaAddress, DWORD dwAddressLength,
                                                   LPWSAPROTOCOL_INFOA lpProtocolInfo, LPSTR lpszAddressString,
                                                   LPDWORD lpdwAddressStringLength);
WINSOCK_API_LINKAGE INT WSAAPI WSAAddressToStringW(LPSOCKADDR lpsaAddress, DWORD dwAddressLength,
                                                   LPWSAPROTOCOL_INFOW lpProtocolInfo, LPWSTR lpszAddressString,
                                                   LPDWORD lpdwAddressStringLength);
#ifdef __cplusplus
}
#endif

#ifdef UNICODE
#define WSAAddressToString WSAAddressToStringW
#else
#define WSAAddressToString WSAAddressToStringA
#endif

#endif /* WINHTTPAPI_WINSOCK2_H */
