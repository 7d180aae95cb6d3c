/* Notification ports from a -fshort-wchar (UTF-16 WCHAR) program: the header routes ApiGetNotify,
 * ApiGetNotifyAsync and ApiGetNotifyAsyncEx to their _w16 twins, whose names are UTF-16 (a queue name with
 * a character outside ASCII and one outside the BMP comes back as the same UTF-16 units). */
#include <windows.h>
#include <http.h>
#include <httpnotify.h>
#include <stdio.h>
#include <string.h>

_Static_assert(sizeof(WCHAR) == 2, "built with -fshort-wchar");

static int passed, failed;
#define CHECK(c, what) do { if (c) passed++; else { failed++; printf("FAIL: %s\n", what); } } while (0)

static int same(const WCHAR *a, const WCHAR *b) {
    if (!a || !b)
        return 0;
    for (; *a && *a == *b; a++, b++)
        ;
    return *a == *b;
}

static void toggle(HANDLE q, int on) {
    HTTP_ENABLED_STATE s = on ? HttpEnabledStateActive : HttpEnabledStateInactive;
    HttpSetRequestQueueProperty(q, HttpServerStateProperty, &s, sizeof s, 0, NULL);
}

int main(void) {
    static const WCHAR name[] = L"notify-w16-\u00e9-\U0001F600";
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    HANDLE q, e;
    error_status_t st, rpc;
    PNOTIFICATION_DATA_ASYNC_RPC arr;
    DWORD n, key, filter, seq;
    LPWSTR one;
    OVERLAPPED ov;
    CHECK(HttpInitialize(v, HTTP_INITIALIZE_SERVER, NULL) == NO_ERROR, "HttpInitialize");
    CHECK(HttpCreateRequestQueue(v, name, NULL, 0, &q) == NO_ERROR, "named queue");
    HNOTIFY_RPC p = ApiCreateNotify(&st, &rpc);
    CHECK(p && st == ERROR_SUCCESS, "ApiCreateNotify");
    CHECK(ApiAddNotifyHttpObject(p, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q),
                                 HTTP_NOTIFY_QUEUE_STATE_CHANGED, 3, NULL, &rpc) == ERROR_SUCCESS,
          "register the queue");
    toggle(q, 0);
    CHECK(ApiGetNotify(p, &key, &filter, &seq, &one, &rpc) == ERROR_SUCCESS, "ApiGetNotify (w16)");
    CHECK(key == 3 && filter == HTTP_NOTIFY_QUEUE_STATE_CHANGED && same(one, name), "UTF-16 name from ApiGetNotify");
    LocalFree(one);
    toggle(q, 1);
    toggle(q, 0);
    CHECK(ApiGetNotifyAsync(p, &arr, &n) == ERROR_SUCCESS && n == 2, "ApiGetNotifyAsync (w16)");
    CHECK(n == 2 && same(arr[0].Name, name) && same(arr[1].Name, name), "UTF-16 names in the array");
    ApiFreeNotifications(arr, n);
    e = CreateEventW(NULL, TRUE, FALSE, NULL);
    memset(&ov, 0, sizeof ov);
    ov.hEvent = e;
    CHECK(ApiGetNotifyAsyncEx(p, &arr, &n, &ov) == ERROR_IO_PENDING, "ApiGetNotifyAsyncEx pending (w16)");
    toggle(q, 1);
    CHECK(WaitForSingleObject(e, 5000) == WAIT_OBJECT_0 && n == 1 && same(arr[0].Name, name),
          "ApiGetNotifyAsyncEx completes with a UTF-16 name");
    ApiFreeNotifications(arr, n);
    CHECK(ApiCloseNotify(&p) == ERROR_SUCCESS && p == NULL, "ApiCloseNotify");
    CloseHandle(e);
    CloseHandle(q);
    printf("notify_w16: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
