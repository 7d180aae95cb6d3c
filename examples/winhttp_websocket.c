/* A WebSocket echo client, in the shape of Microsoft's WinHTTP WebSocket sample: the request asks for
 * the upgrade (WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET), WinHttpWebSocketCompleteUpgrade turns the 101
 * response into a WebSocket handle, the request handle is closed at once, one UTF-8 message goes out
 * and its echo comes back (in pieces when bigger than the buffer), then the close handshake and the
 * server's close status.
 * usage: winhttp_websocket HOST PORT [PATH] [MESSAGE]
 * (c_tests/support/winhttp_ws_server.py PORT is an echo server on 127.0.0.1, path /echo) */
#include <windows.h>
#include <winhttp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* For the BOOL/HINTERNET functions: their error is the thread's last error. */
#define FAIL_IF(cond)              \
    if (cond) {                    \
        dwError = GetLastError();  \
        goto quit;                 \
    }

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s HOST PORT [PATH] [MESSAGE]\n", argv[0]);
        return 2;
    }
    wchar_t host[256], path[1024];
    mbstowcs(host, argv[1], 256);
    mbstowcs(path, argc > 3 ? argv[3] : "/echo", 1024);
    const char *message = argc > 4 ? argv[4] : "Hello world";
    DWORD dwError = ERROR_SUCCESS;
    HINTERNET hSession = NULL, hConnection = NULL, hRequest = NULL, hWebSocket = NULL;
    char rgbBuffer[1024];
    DWORD dwBufferLength = sizeof rgbBuffer, dwBytesTransferred = 0, dwCloseReasonLength = 0;
    WINHTTP_WEB_SOCKET_BUFFER_TYPE eBufferType;
    USHORT usStatus = 0;

    hSession = WinHttpOpen(L"WebSocket sample", WINHTTP_ACCESS_TYPE_DEFAULT_PROXY, NULL, NULL, 0);
    FAIL_IF(!hSession);
    hConnection = WinHttpConnect(hSession, host, (INTERNET_PORT)atoi(argv[2]), 0);
    FAIL_IF(!hConnection);
    hRequest = WinHttpOpenRequest(hConnection, L"GET", path, NULL, NULL, NULL, 0);
    FAIL_IF(!hRequest);

    /* Request the protocol upgrade from HTTP to WebSocket. */
    FAIL_IF(!WinHttpSetOption(hRequest, WINHTTP_OPTION_UPGRADE_TO_WEB_SOCKET, NULL, 0));
    FAIL_IF(!WinHttpSendRequest(hRequest, WINHTTP_NO_ADDITIONAL_HEADERS, 0, NULL, 0, 0, 0));
    FAIL_IF(!WinHttpReceiveResponse(hRequest, 0));

    /* The handshake: the server must have answered 101 with the right Sec-WebSocket-Accept. */
    hWebSocket = WinHttpWebSocketCompleteUpgrade(hRequest, (DWORD_PTR)NULL);
    FAIL_IF(!hWebSocket);
    /* The WebSocket handle owns the connection; the request handle is no longer needed. */
    WinHttpCloseHandle(hRequest);
    hRequest = NULL;
    printf("Succesfully upgraded to websocket protocol\n");

    dwError = WinHttpWebSocketSend(hWebSocket, WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE, (PVOID)message, (DWORD)strlen(message));
    if (dwError != ERROR_SUCCESS) goto quit;
    printf("Sent message to the server: '%s'\n", message);

    /* Receive until the message ends (a FRAGMENT type means more of it follows). */
    char *pbCurrentBufferPointer = rgbBuffer;
    do {
        if (dwBufferLength == 0) {
            dwError = ERROR_NOT_ENOUGH_MEMORY;
            goto quit;
        }
        dwError = WinHttpWebSocketReceive(hWebSocket, pbCurrentBufferPointer, dwBufferLength, &dwBytesTransferred, &eBufferType);
        if (dwError != ERROR_SUCCESS) goto quit;
        pbCurrentBufferPointer += dwBytesTransferred;
        dwBufferLength -= dwBytesTransferred;
    } while (eBufferType == WINHTTP_WEB_SOCKET_UTF8_FRAGMENT_BUFFER_TYPE || eBufferType == WINHTTP_WEB_SOCKET_BINARY_FRAGMENT_BUFFER_TYPE);

    if (eBufferType != WINHTTP_WEB_SOCKET_UTF8_MESSAGE_BUFFER_TYPE) {
        printf("Unexpected buffer type %d\n", eBufferType);
        dwError = ERROR_INVALID_PARAMETER;
        goto quit;
    }
    printf("Received message from the server: '%.*s'\n", (int)(sizeof rgbBuffer - dwBufferLength), rgbBuffer);

    /* Gracefully close the connection. */
    dwError = WinHttpWebSocketClose(hWebSocket, WINHTTP_WEB_SOCKET_SUCCESS_CLOSE_STATUS, NULL, 0);
    if (dwError != ERROR_SUCCESS) goto quit;

    /* The status and reason the server sent in its close frame. */
    BYTE rgbCloseReasonBuffer[123];
    dwError = WinHttpWebSocketQueryCloseStatus(hWebSocket, &usStatus, rgbCloseReasonBuffer, sizeof rgbCloseReasonBuffer, &dwCloseReasonLength);
    if (dwError != ERROR_SUCCESS) goto quit;
    printf("The server closed the connection with status code: '%d' and reason: '%.*s'\n", (int)usStatus, (int)dwCloseReasonLength,
           rgbCloseReasonBuffer);

quit:
    if (hRequest) WinHttpCloseHandle(hRequest);
    if (hWebSocket) WinHttpCloseHandle(hWebSocket);
    if (hConnection) WinHttpCloseHandle(hConnection);
    if (hSession) WinHttpCloseHandle(hSession);
    if (dwError != ERROR_SUCCESS) {
        printf("Application failed with error: %u\n", dwError);
        return 1;
    }
    return 0;
}
