/*
 * httpnotify.h - notification ports over the HTTP Server API's objects, implemented by libwinhttpapi.so
 * (link with -lhttpapi or -lwinhttpapi).
 *
 * A program watches what the server in its process does (queues, prefixes, connections, requests,
 * timers, 503s) without polling: it creates a port, registers objects with a filter and a key, and
 * waits for batches of events. The method names, signatures, NOTIFICATION_DATA_ASYNC_RPC and return
 * codes are MS-CMRP's notification-port methods, protocol version 3 (api-inventory.md section D; the
 * page ApiGetNotifyAsync, 3.1.4.2.143): a wait completes only when an event is queued, or with
 * ERROR_INVALID_FUNCTION when ApiUnblockGetNotifyCall or ApiCloseNotify ends it from another thread;
 * a call on a closed or unblocked port answers ERROR_NO_MORE_ITEMS; a value that is not a port,
 * ERROR_INVALID_HANDLE. Object types, filters, the registration and free functions, the limit and the
 * OVERLAPPED form are this library's own (marked "ours"). docs/porting.md has a walk-through.
 *
 * Strings are WCHAR (wchar_t). Built with -fshort-wchar, the functions that return names are renamed
 * to their UTF-16 twins `<name>_w16`. Returned arrays and names come from the process heap:
 * ApiFreeNotifications frees an array with its names; LocalFree frees one name.
 */
#ifndef WINHTTPAPI_HTTPNOTIFY_H
#define WINHTTPAPI_HTTPNOTIFY_H

#include <windows.h>
#include <http.h>

/* ---- -fshort-wchar: UTF-16 twins of the functions that return names ----------------------------- */
#ifdef WINHTTPAPI_SHORT_WCHAR
#define ApiGetNotify ApiGetNotify_w16
#define ApiGetNotifyAsync ApiGetNotifyAsync_w16
#define ApiGetNotifyAsyncEx ApiGetNotifyAsyncEx_w16
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- MS-CMRP types (2.2.1.6, 2.2.3.30) ----------------------------------------------------------- */
#ifndef _ERROR_STATUS_T_DEFINED
#define _ERROR_STATUS_T_DEFINED
typedef DWORD error_status_t; /* a Win32 code, 32 bits as on Windows */
#endif
typedef void *HNOTIFY_RPC;

typedef struct _NOTIFICATION_DATA_ASYNC_RPC { /* 16 bytes */
    DWORD dwNotifyKey; /* the key given with the registration (0 for HTTP_NOTIFY_EVENTS_LOST) */
    DWORD dwFilter;    /* exactly one HTTP_NOTIFY_* bit: what happened */
    LPWSTR Name;       /* the object's name (see the filters), never NULL, maybe empty */
} NOTIFICATION_DATA_ASYNC_RPC, *PNOTIFICATION_DATA_ASYNC_RPC;

/* ---- Object types of ApiAddNotifyHttpObject (ours) ------------------------------------------------ */
/* Object is 0: every event of every object in this process, including queue creation. */
#define HTTP_NOTIFY_OBJECT_SERVER 0
/* Object is an HTTP_SERVER_SESSION_ID: its URL groups' prefix, connection and request events. */
#define HTTP_NOTIFY_OBJECT_SERVER_SESSION 1
/* Object is an HTTP_URL_GROUP_ID: its prefixes, and connections and requests on them. */
#define HTTP_NOTIFY_OBJECT_URL_GROUP 2
/* Object is a request queue HANDLE (v1 or v2): HTTP_NOTIFY_QUEUE_OBJECT(h). Its own events, its v1
 * prefixes, requests queued to it, and connections on ports where it has prefixes. */
#define HTTP_NOTIFY_OBJECT_REQUEST_QUEUE 3
#define HTTP_NOTIFY_QUEUE_OBJECT(h) ((HTTP_OPAQUE_ID)(ULONG_PTR)(h))

/* ---- Filters (ours): the registration's mask, and each event's one bit ----------------------------
 * Name: the queue's name ("" if unnamed) for QUEUE_*; the URL prefix as registered, in canonical
 * form ("http://+:80/app/"), for URL_*; the HTTP_CONNECTION_ID in decimal for every connection,
 * request and timer event. Connection events (and a 503 given before a request is routed) reach the
 * objects with a prefix on the connection's local port; request events reach the queue the request
 * went to, its URL group and the group's session. */
#define HTTP_NOTIFY_QUEUE_CREATED 0x00000001           /* HTTP_NOTIFY_OBJECT_SERVER only */
#define HTTP_NOTIFY_QUEUE_CLOSED 0x00000002            /* its last handle closed */
#define HTTP_NOTIFY_QUEUE_SHUT_DOWN 0x00000004         /* HttpShutdownRequestQueue */
#define HTTP_NOTIFY_QUEUE_STATE_CHANGED 0x00000008     /* HttpServerStateProperty changed */
#define HTTP_NOTIFY_URL_ADDED 0x00000010
#define HTTP_NOTIFY_URL_REMOVED 0x00000020             /* removed, or its group or queue closed */
#define HTTP_NOTIFY_CONNECTION_OPENED 0x00000040
#define HTTP_NOTIFY_CONNECTION_CLOSED 0x00000080
#define HTTP_NOTIFY_REQUEST_RECEIVED 0x00000100        /* queued for the application */
#define HTTP_NOTIFY_REQUEST_503 0x00000200             /* the server answered 503 itself */
#define HTTP_NOTIFY_QUEUE_FULL 0x00000400              /* HttpServerQueueLengthProperty refused one */
#define HTTP_NOTIFY_TIMER_IDLE_CONNECTION 0x00001000   /* a timer of HTTP_TIMEOUT_LIMIT_INFO cut ... */
#define HTTP_NOTIFY_TIMER_HEADER_WAIT 0x00002000       /* ... the connection */
#define HTTP_NOTIFY_TIMER_ENTITY_BODY 0x00004000
#define HTTP_NOTIFY_TIMER_DRAIN_ENTITY_BODY 0x00008000
#define HTTP_NOTIFY_TIMER_REQUEST_QUEUE 0x00010000     /* ... the request (then REQUEST_503) */
#define HTTP_NOTIFY_TIMER_MIN_SEND_RATE 0x00020000
#define HTTP_NOTIFY_TIMER_ALL 0x0003F000
#define HTTP_NOTIFY_ALL 0x0003F7FF
/* Not a filter, always delivered: older events were dropped because the port was full; Name is how
 * many, in decimal. It comes first in the next delivery (as MS-CMRP's CLUSTER_CHANGE_CLUSTER_RECONNECT). */
#define HTTP_NOTIFY_EVENTS_LOST 0x80000000

/* Undelivered events a new port keeps, and the most ApiSetNotifyLimit takes. */
#define HTTP_NOTIFY_DEFAULT_LIMIT 4096
#define HTTP_NOTIFY_MAX_LIMIT 0x100000

/* ---- Methods ------------------------------------------------------------------------------------- */
/* A new port, or NULL; *Status is ERROR_SUCCESS or the failure, *rpc_status 0 (either may be NULL). */
HNOTIFY_RPC WINAPI ApiCreateNotify(error_status_t *Status, error_status_t *rpc_status);
/* Closes the port in *Notify and sets *Notify to NULL: waits end with ERROR_INVALID_FUNCTION, queued
 * events are dropped, registrations end. CloseHandle closes a port the same way. */
error_status_t WINAPI ApiCloseNotify(HNOTIFY_RPC *Notify);
/* Ends every wait in progress with ERROR_INVALID_FUNCTION; from then on the port queues nothing and
 * gets answer ERROR_NO_MORE_ITEMS, until ApiCloseNotify. */
error_status_t WINAPI ApiUnblockGetNotifyCall(HNOTIFY_RPC hNotify);
/* Waits for one or more events and returns all queued, oldest first (free with ApiFreeNotifications).
 * Each event goes to exactly one caller. */
error_status_t WINAPI ApiGetNotifyAsync(HNOTIFY_RPC hNotify, PNOTIFICATION_DATA_ASYNC_RPC *Notifications,
    DWORD *dwNumNotifications);
/* One event: key, filter, its number on the port (1, 2, ...; a gap means events were lost), and its
 * name (free with LocalFree). */
error_status_t WINAPI ApiGetNotify(HNOTIFY_RPC hNotify, DWORD *dwNotifyKey, DWORD *dwFilter,
    DWORD *dwStateSequence, LPWSTR *Name, error_status_t *rpc_status);

/* Ours: registers an object (type and id above) with a filter mask and a key; the same object again
 * replaces its filter and key. *dwStateSequence: the number of the last event queued so far.
 * ERROR_INVALID_HANDLE (not a port, no such object), ERROR_INVALID_PARAMETER (type, filter),
 * ERROR_NO_MORE_ITEMS (port unblocked). */
error_status_t WINAPI ApiAddNotifyHttpObject(HNOTIFY_RPC hNotify, DWORD dwObjectType, HTTP_OPAQUE_ID Object,
    DWORD dwFilter, DWORD dwNotifyKey, DWORD *dwStateSequence, error_status_t *rpc_status);
/* Ours: ends a registration (ERROR_NOT_FOUND if there is none). Closing the object ends it too. */
error_status_t WINAPI ApiRemoveNotifyHttpObject(HNOTIFY_RPC hNotify, DWORD dwObjectType, HTTP_OPAQUE_ID Object,
    error_status_t *rpc_status);
/* Ours: ApiGetNotifyAsync with an OVERLAPPED (NULL: blocking). ERROR_SUCCESS when events were queued
 * (also reported through the OVERLAPPED), else ERROR_IO_PENDING: when events arrive the out-pointers
 * are written, InternalHigh (the packet's byte count) is the number of events, hEvent is set and a
 * packet goes to the port bound with CreateIoCompletionPort(hNotify, ...). Unblock and close end it
 * with ERROR_INVALID_FUNCTION, CancelIoEx with ERROR_OPERATION_ABORTED. The out-pointers and the
 * OVERLAPPED stay valid until it completes. */
error_status_t WINAPI ApiGetNotifyAsyncEx(HNOTIFY_RPC hNotify, PNOTIFICATION_DATA_ASYNC_RPC *Notifications,
    DWORD *dwNumNotifications, LPOVERLAPPED lpOverlapped);
/* Ours: frees an array from ApiGetNotifyAsync(Ex) and its names (NULL is accepted). */
void WINAPI ApiFreeNotifications(PNOTIFICATION_DATA_ASYNC_RPC Notifications, DWORD dwNumNotifications);
/* Ours: how many undelivered events the port keeps (1 to HTTP_NOTIFY_MAX_LIMIT); past it the oldest
 * are dropped and counted in one HTTP_NOTIFY_EVENTS_LOST. */
error_status_t WINAPI ApiSetNotifyLimit(HNOTIFY_RPC hNotify, DWORD dwMaxNotifications);

#ifdef __cplusplus
}
#endif

#endif /* WINHTTPAPI_HTTPNOTIFY_H */
