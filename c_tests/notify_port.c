/* Notification ports (httpnotify.h; MS-CMRP ApiGetNotifyAsync and its neighbours) over this process's
 * HTTP server: events arrive in order with the registration's key, the event's filter and the object's
 * name; a blocked wait completes as soon as an event is queued (latency measured and printed), with
 * ERROR_INVALID_FUNCTION when unblocked or closed from another thread, and ERROR_NO_MORE_ITEMS after;
 * several threads waiting on one port get distinct events, none twice; invalid and closed handles;
 * the bound (oldest dropped, one HTTP_NOTIFY_EVENTS_LOST); the OVERLAPPED form with an event and with
 * a completion port; 503s, a full queue and the timers on real connections; 10,000 events under load
 * with none lost below the bound. */
#include "httpapi_support.h"
#include <httpnotify.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

_Static_assert(sizeof(NOTIFICATION_DATA_ASYNC_RPC) == 16, "NOTIFICATION_DATA_ASYNC_RPC size");
_Static_assert(offsetof(NOTIFICATION_DATA_ASYNC_RPC, dwFilter) == 4, "dwFilter offset");
_Static_assert(offsetof(NOTIFICATION_DATA_ASYNC_RPC, Name) == 8, "Name offset");
_Static_assert(sizeof(error_status_t) == 4, "error_status_t is 32 bits");

/* The UTF-16 twin, as a -fshort-wchar caller reaches it. */
error_status_t ApiGetNotify_w16(HNOTIFY_RPC, DWORD *, DWORD *, DWORD *, unsigned short **, error_status_t *);

typedef struct {
    DWORD key, filter;
    char name[200];
} ev;

static void narrow(const WCHAR *w, char *out, size_t cap) {
    size_t i = 0;
    for (; w && w[i] && i + 1 < cap; i++)
        out[i] = (char)w[i];
    out[i] = 0;
}

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static HNOTIFY_RPC new_port(void) {
    error_status_t st = 99, rpc = 99;
    HNOTIFY_RPC p = ApiCreateNotify(&st, &rpc);
    CHECK(p != NULL, "ApiCreateNotify");
    CHECK_EQ(st, ERROR_SUCCESS, "ApiCreateNotify Status");
    CHECK_EQ(rpc, 0, "ApiCreateNotify rpc_status");
    return p;
}

static void add(HNOTIFY_RPC p, DWORD type, HTTP_OPAQUE_ID obj, DWORD filter, DWORD key) {
    DWORD seq = 12345;
    error_status_t rpc = 99;
    CHECK_EQ(ApiAddNotifyHttpObject(p, type, obj, filter, key, &seq, &rpc), ERROR_SUCCESS, "ApiAddNotifyHttpObject");
    CHECK(seq != 12345 && rpc == 0, "state sequence and rpc_status written");
}

static void close_port(HNOTIFY_RPC p) {
    CHECK_EQ(ApiCloseNotify(&p), ERROR_SUCCESS, "ApiCloseNotify");
    CHECK(p == NULL, "ApiCloseNotify sets the handle to NULL");
}

/* Collects up to `cap` events, stopping at `want` or after timeout_ms (an overlapped wait, cancelled
 * when the time runs out: a test never hangs). Returns how many. */
static int collect(HNOTIFY_RPC p, ev *out, int cap, int want, int timeout_ms) {
    int got = 0;
    uint64_t end = ts_now_ms() + (uint64_t)timeout_ms;
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    while (got < want) {
        OVERLAPPED ov;
        PNOTIFICATION_DATA_ASYNC_RPC arr = NULL;
        DWORD n = 0, cnt = 0;
        memset(&ov, 0, sizeof ov);
        ov.hEvent = e;
        ResetEvent(e);
        error_status_t r = ApiGetNotifyAsyncEx(p, &arr, &n, &ov);
        if (r == ERROR_IO_PENDING) {
            uint64_t t = ts_now_ms();
            DWORD left = t < end ? (DWORD)(end - t) : 0;
            if (WaitForSingleObject(e, left) != WAIT_OBJECT_0)
                CancelIoEx(p, &ov);
            r = GetOverlappedResult(p, &ov, &cnt, TRUE) ? ERROR_SUCCESS : GetLastError();
            if (r == ERROR_SUCCESS && cnt != n)
                CHECK_EQ(cnt, n, "bytes transferred = count");
        }
        if (r != ERROR_SUCCESS)
            break;
        CHECK(n > 0 && arr != NULL, "a completed wait is never empty");
        for (DWORD i = 0; i < n; i++, got++) {
            if (got < cap) {
                out[got].key = arr[i].dwNotifyKey;
                out[got].filter = arr[i].dwFilter;
                narrow(arr[i].Name, out[got].name, sizeof out[got].name);
            }
        }
        ApiFreeNotifications(arr, n);
    }
    CloseHandle(e);
    return got;
}

/* Expected events: name is a literal, or "=X" (X a letter): a decimal connection id, the same each
 * time the same letter appears, different for different letters. */
typedef struct {
    DWORD filter, key;
    const char *name;
} row;

static int is_decimal(const char *s) {
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static void expect_rows(const char *what, HNOTIFY_RPC p, const row *rows, int nrows) {
    ev got[64];
    char vars[26][32];
    memset(vars, 0, sizeof vars);
    int n = collect(p, got, 64, nrows, 5000);
    n += collect(p, got + n, 64 - n, 64, 150); /* nothing more */
    CHECK_EQ(n, nrows, what);
    for (int i = 0; i < n && i < nrows; i++) {
        const row *r = &rows[i];
        int ok = got[i].filter == r->filter && got[i].key == r->key;
        if (r->name[0] == '=') {
            char *v = vars[r->name[1] - 'A'];
            ok = ok && is_decimal(got[i].name);
            if (!v[0]) {
                for (int k = 0; k < 26; k++)
                    ok = ok && strcmp(vars[k], got[i].name) != 0;
                snprintf(v, 32, "%s", got[i].name);
            }
            ok = ok && !strcmp(v, got[i].name);
        } else {
            ok = ok && !strcmp(r->name, got[i].name);
        }
        CHECK(ok, "%s, event %d: got filter %#x key %u name \"%s\", want %#x %u \"%s\"", what, i,
              (unsigned)got[i].filter, (unsigned)got[i].key, got[i].name, (unsigned)r->filter, (unsigned)r->key,
              r->name);
    }
}

static ULONG set_state(HANDLE q, HTTP_ENABLED_STATE s) {
    return HttpSetRequestQueueProperty(q, HttpServerStateProperty, &s, sizeof s, 0, NULL);
}

/* ---- order, key, filter, name -------------------------------------------------------------------- */
static void test_order_key_filter_name(void) {
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    HTTP_SERVER_SESSION_ID s;
    HTTP_URL_GROUP_ID g;
    HANDLE q, q1;
    HTTP_BINDING_INFO b;
    char url[128], url1[128], buf[4096];
    WCHAR wurl[128];
    hs_app app;
    HNOTIFY_RPC all = new_port(), some = new_port();

    add(all, HTTP_NOTIFY_OBJECT_SERVER, 0, HTTP_NOTIFY_ALL, 100);
    CHECK_EQ(HttpCreateRequestQueue(v, L"notify-q1", NULL, 0, &q), NO_ERROR, "named queue");
    CHECK_EQ(HttpCreateServerSession(v, &s, 0), NO_ERROR, "session");
    CHECK_EQ(HttpCreateUrlGroup(s, &g, 0), NO_ERROR, "group");
    add(some, HTTP_NOTIFY_OBJECT_URL_GROUP, g,
        HTTP_NOTIFY_URL_ADDED | HTTP_NOTIFY_URL_REMOVED | HTTP_NOTIFY_CONNECTION_OPENED |
            HTTP_NOTIFY_CONNECTION_CLOSED | HTTP_NOTIFY_REQUEST_RECEIVED,
        7);
    add(some, HTTP_NOTIFY_OBJECT_SERVER_SESSION, s, HTTP_NOTIFY_URL_ADDED, 3);
    add(some, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q),
        HTTP_NOTIFY_QUEUE_STATE_CHANGED | HTTP_NOTIFY_QUEUE_SHUT_DOWN | HTTP_NOTIFY_QUEUE_CLOSED |
            HTTP_NOTIFY_REQUEST_RECEIVED,
        9);
    memset(&b, 0, sizeof b);
    b.Flags.Present = 1;
    b.RequestQueueHandle = q;
    CHECK_EQ(HttpSetUrlGroupProperty(g, HttpServerBindingProperty, &b, sizeof b), NO_ERROR, "bind");
    int port = 0;
    for (int tries = 0; tries < 20 && !port; tries++) {
        int p = ts_free_port();
        swprintf(wurl, 128, L"http://127.0.0.1:%d/n1/", p);
        if (HttpAddUrlToUrlGroup(g, wurl, 0, 0) == NO_ERROR)
            port = p;
    }
    CHECK(port > 0, "prefix added");
    snprintf(url, sizeof url, "http://127.0.0.1:%d/n1/", port);
    CHECK_EQ(set_state(q, HttpEnabledStateInactive), NO_ERROR, "disable");
    CHECK_EQ(set_state(q, HttpEnabledStateInactive), NO_ERROR, "disable again: no change, no event");
    CHECK_EQ(set_state(q, HttpEnabledStateActive), NO_ERROR, "enable");
    hs_app_start(&app, q);
    const char get[] = "GET /n1/x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
    CHECK(hs_exchange(port, get, sizeof get - 1, buf, sizeof buf, 5000) > 0 && strstr(buf, "200 OK"), "served");
    CHECK_EQ(HttpRemoveUrlFromUrlGroup(g, wurl, 0), NO_ERROR, "remove prefix");
    CHECK_EQ(HttpShutdownRequestQueue(q), NO_ERROR, "shut down");
    hs_app_stop(&app); /* closes the queue */
    CHECK_EQ(HttpCloseUrlGroup(g), NO_ERROR, "close group");
    CHECK_EQ(HttpCloseServerSession(s), NO_ERROR, "close session");
    /* A v1 queue: its prefix goes when the queue closes, before the queue. */
    CHECK_EQ(HttpCreateHttpHandle(&q1, 0), NO_ERROR, "v1 queue");
    swprintf(wurl, 128, L"http://+:%d/v1/", port);
    snprintf(url1, sizeof url1, "http://+:%d/v1/", port);
    CHECK_EQ(HttpAddUrl(q1, wurl, NULL), NO_ERROR, "v1 prefix");
    CHECK_EQ(CloseHandle(q1), TRUE, "close v1 queue");

    const row want_all[] = {
        {HTTP_NOTIFY_QUEUE_CREATED, 100, "notify-q1"},
        {HTTP_NOTIFY_URL_ADDED, 100, url},
        {HTTP_NOTIFY_QUEUE_STATE_CHANGED, 100, "notify-q1"},
        {HTTP_NOTIFY_QUEUE_STATE_CHANGED, 100, "notify-q1"},
        {HTTP_NOTIFY_CONNECTION_OPENED, 100, "=A"},
        {HTTP_NOTIFY_REQUEST_RECEIVED, 100, "=A"},
        {HTTP_NOTIFY_CONNECTION_CLOSED, 100, "=A"},
        {HTTP_NOTIFY_URL_REMOVED, 100, url},
        {HTTP_NOTIFY_QUEUE_SHUT_DOWN, 100, "notify-q1"},
        {HTTP_NOTIFY_QUEUE_CLOSED, 100, "notify-q1"},
        {HTTP_NOTIFY_QUEUE_CREATED, 100, ""},
        {HTTP_NOTIFY_URL_ADDED, 100, url1},
        {HTTP_NOTIFY_URL_REMOVED, 100, url1},
        {HTTP_NOTIFY_QUEUE_CLOSED, 100, ""},
    };
    expect_rows("whole server, every filter", all, want_all, (int)(sizeof want_all / sizeof *want_all));
    /* One event reaching several registrations of a port: once for each, in registration order. */
    const row want_some[] = {
        {HTTP_NOTIFY_URL_ADDED, 7, url},
        {HTTP_NOTIFY_URL_ADDED, 3, url},
        {HTTP_NOTIFY_QUEUE_STATE_CHANGED, 9, "notify-q1"},
        {HTTP_NOTIFY_QUEUE_STATE_CHANGED, 9, "notify-q1"},
        {HTTP_NOTIFY_CONNECTION_OPENED, 7, "=A"},
        {HTTP_NOTIFY_REQUEST_RECEIVED, 7, "=A"},
        {HTTP_NOTIFY_REQUEST_RECEIVED, 9, "=A"},
        {HTTP_NOTIFY_CONNECTION_CLOSED, 7, "=A"},
        {HTTP_NOTIFY_URL_REMOVED, 7, url},
        {HTTP_NOTIFY_QUEUE_SHUT_DOWN, 9, "notify-q1"},
        {HTTP_NOTIFY_QUEUE_CLOSED, 9, "notify-q1"},
    };
    expect_rows("group, session and queue registrations", some, want_some, (int)(sizeof want_some / sizeof *want_some));
    close_port(all);
    close_port(some);
}

/* ---- ApiGetNotify, sequence numbers, the -fshort-wchar twin -------------------------------------- */
static void test_get_notify_one_at_a_time(void) {
    HANDLE q;
    HNOTIFY_RPC p = new_port();
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    CHECK_EQ(HttpCreateRequestQueue(v, L"notify-q2", NULL, 0, &q), NO_ERROR, "queue");
    add(p, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), HTTP_NOTIFY_QUEUE_STATE_CHANGED, 41);
    set_state(q, HttpEnabledStateInactive);
    set_state(q, HttpEnabledStateActive);
    DWORD key = 0, filter = 0, seq = 0;
    LPWSTR name = NULL;
    unsigned short *name16 = NULL;
    error_status_t rpc = 99;
    char text[64];
    CHECK_EQ(ApiGetNotify(p, &key, &filter, &seq, &name, &rpc), ERROR_SUCCESS, "ApiGetNotify");
    narrow(name, text, sizeof text);
    CHECK(key == 41 && filter == HTTP_NOTIFY_QUEUE_STATE_CHANGED && seq == 1 && rpc == 0 && !strcmp(text, "notify-q2"),
          "ApiGetNotify: key %u filter %#x seq %u name %s", (unsigned)key, (unsigned)filter, (unsigned)seq, text);
    CHECK(LocalFree(name) == NULL, "the name is freed with LocalFree");
    CHECK_EQ(ApiGetNotify_w16(p, &key, &filter, &seq, &name16, NULL), ERROR_SUCCESS, "ApiGetNotify_w16");
    int ok16 = name16 != NULL && seq == 2;
    for (int i = 0; ok16 && "notify-q2"[i]; i++)
        ok16 = name16[i] == (unsigned short)"notify-q2"[i];
    CHECK(ok16 && name16[9] == 0, "the _w16 twin returns UTF-16, numbered 2");
    LocalFree(name16);
    CloseHandle(q);
    close_port(p);
}

/* ---- a blocked wait: completes as soon as an event is queued; never empty ------------------------- */
enum { LAT_ROUNDS = 2000 };
typedef struct {
    HNOTIFY_RPC port;
    volatile int ready, done;
    uint64_t returned[LAT_ROUNDS];
    error_status_t last;
} latency_waiter;

static void *latency_main(void *arg) {
    latency_waiter *w = (latency_waiter *)arg;
    for (int i = 0; i < LAT_ROUNDS; i++) {
        PNOTIFICATION_DATA_ASYNC_RPC arr;
        DWORD n;
        __atomic_store_n(&w->ready, i + 1, __ATOMIC_SEQ_CST);
        w->last = ApiGetNotifyAsync(w->port, &arr, &n);
        w->returned[i] = now_ns();
        if (w->last != ERROR_SUCCESS)
            break;
        ApiFreeNotifications(arr, n);
        __atomic_store_n(&w->done, i + 1, __ATOMIC_SEQ_CST);
    }
    return NULL;
}

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void test_blocked_wait_latency(void) {
    static latency_waiter w;
    static uint64_t lat[LAT_ROUNDS];
    HANDLE q;
    pthread_t t;
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    memset(&w, 0, sizeof w);
    w.port = new_port();
    CHECK_EQ(HttpCreateRequestQueue(v, NULL, NULL, 0, &q), NO_ERROR, "queue");
    add(w.port, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), HTTP_NOTIFY_QUEUE_STATE_CHANGED, 1);
    pthread_create(&t, NULL, latency_main, &w);
    /* Nothing queued: the wait stays blocked. */
    while (__atomic_load_n(&w.ready, __ATOMIC_SEQ_CST) < 1)
        usleep(100);
    usleep(300000);
    CHECK_EQ(__atomic_load_n(&w.done, __ATOMIC_SEQ_CST), 0, "a wait with nothing queued does not complete");
    int rounds = 0;
    for (int i = 0; i < LAT_ROUNDS; i++) {
        while (__atomic_load_n(&w.ready, __ATOMIC_SEQ_CST) < i + 1)
            ;
        usleep(i == 0 ? 0 : 50); /* let it park in the wait */
        uint64_t t0 = now_ns();
        set_state(q, (i & 1) ? HttpEnabledStateActive : HttpEnabledStateInactive);
        uint64_t spin_until = ts_now_ms() + 5000;
        while (__atomic_load_n(&w.done, __ATOMIC_SEQ_CST) < i + 1 && ts_now_ms() < spin_until)
            ;
        if (__atomic_load_n(&w.done, __ATOMIC_SEQ_CST) < i + 1)
            break;
        lat[rounds++] = w.returned[i] - t0;
    }
    CHECK_EQ(rounds, LAT_ROUNDS, "every queued event completed the blocked wait");
    qsort(lat, (size_t)rounds, sizeof *lat, cmp_u64);
    if (rounds > 0) {
        printf("blocked ApiGetNotifyAsync completes %.1f us (median), %.1f us (p99), %.1f us (max) after the "
               "event is queued (%d waits)\n",
               lat[rounds / 2] / 1000.0, lat[rounds * 99 / 100] / 1000.0, lat[rounds - 1] / 1000.0, rounds);
        CHECK(lat[rounds / 2] < 5000000, "median latency under 5 ms even on a loaded machine");
    }
    CHECK_EQ(ApiUnblockGetNotifyCall(w.port), ERROR_SUCCESS, "unblock ends the waiter's loop");
    pthread_join(t, NULL);
    CloseHandle(q);
    close_port(w.port);
}

/* ---- unblock and close ----------------------------------------------------------------------------- */
typedef struct {
    HNOTIFY_RPC port;
    int use_get_notify;
    volatile int started;
    error_status_t result;
    PNOTIFICATION_DATA_ASYNC_RPC arr;
    DWORD n;
} one_wait;

static void *one_wait_main(void *arg) {
    one_wait *w = (one_wait *)arg;
    __atomic_store_n(&w->started, 1, __ATOMIC_SEQ_CST);
    if (w->use_get_notify) {
        DWORD key = 7, filter = 7;
        LPWSTR name = (LPWSTR)1;
        w->result = ApiGetNotify(w->port, &key, &filter, NULL, &name, NULL);
        w->n = key == 7 && filter == 7 && name == NULL ? 0 : 1; /* no event written, Name cleared */
    } else {
        w->result = ApiGetNotifyAsync(w->port, &w->arr, &w->n);
    }
    return NULL;
}

static void start_wait(one_wait *w, pthread_t *t, HNOTIFY_RPC p, int use_get_notify) {
    memset(w, 0, sizeof *w);
    w->port = p;
    w->use_get_notify = use_get_notify;
    pthread_create(t, NULL, one_wait_main, w);
    while (!__atomic_load_n(&w->started, __ATOMIC_SEQ_CST))
        usleep(100);
    usleep(100000);
}

static void test_unblock_and_close(void) {
    one_wait w[2];
    pthread_t t[2];
    PNOTIFICATION_DATA_ASYNC_RPC arr = (PNOTIFICATION_DATA_ASYNC_RPC)1;
    DWORD n = 5, key, filter;
    LPWSTR name;
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    HANDLE q;

    /* Unblock: both waits (the async and the one-at-a-time form) end with ERROR_INVALID_FUNCTION. */
    HNOTIFY_RPC p = new_port();
    CHECK_EQ(HttpCreateRequestQueue(v, NULL, NULL, 0, &q), NO_ERROR, "queue");
    add(p, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), HTTP_NOTIFY_QUEUE_STATE_CHANGED, 1);
    start_wait(&w[0], &t[0], p, 0);
    start_wait(&w[1], &t[1], p, 1);
    CHECK_EQ(ApiUnblockGetNotifyCall(p), ERROR_SUCCESS, "ApiUnblockGetNotifyCall");
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    CHECK_EQ(w[0].result, ERROR_INVALID_FUNCTION, "unblocked ApiGetNotifyAsync");
    CHECK(w[0].arr == NULL && w[0].n == 0, "an unblocked wait returns no array");
    CHECK_EQ(w[1].result, ERROR_INVALID_FUNCTION, "unblocked ApiGetNotify");
    CHECK_EQ(w[1].n, 0, "an unblocked ApiGetNotify writes no event");
    set_state(q, HttpEnabledStateInactive); /* not queued any more */
    CHECK_EQ(ApiGetNotifyAsync(p, &arr, &n), ERROR_NO_MORE_ITEMS, "a get after unblock");
    CHECK(arr == NULL && n == 0, "out-parameters cleared on failure");
    CHECK_EQ(ApiGetNotify(p, &key, &filter, NULL, &name, NULL), ERROR_NO_MORE_ITEMS, "ApiGetNotify after unblock");
    CHECK_EQ(ApiAddNotifyHttpObject(p, HTTP_NOTIFY_OBJECT_SERVER, 0, HTTP_NOTIFY_ALL, 1, NULL, NULL), ERROR_NO_MORE_ITEMS,
             "registering on an unblocked port");
    CHECK_EQ(ApiUnblockGetNotifyCall(p), ERROR_SUCCESS, "unblock twice");
    close_port(p);

    /* Close from another thread: the waiter gets ERROR_INVALID_FUNCTION, later calls ERROR_NO_MORE_ITEMS. */
    p = new_port();
    HNOTIFY_RPC old = p;
    add(p, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), HTTP_NOTIFY_QUEUE_STATE_CHANGED, 1);
    set_state(q, HttpEnabledStateActive);
    CHECK_EQ(ApiGetNotifyAsync(p, &arr, &n), ERROR_SUCCESS, "an event before the close");
    ApiFreeNotifications(arr, n);
    set_state(q, HttpEnabledStateInactive); /* queued, then flushed by the close */
    start_wait(&w[0], &t[0], p, 1);         /* takes the queued event at once */
    pthread_join(t[0], NULL);
    CHECK_EQ(w[0].result, ERROR_SUCCESS, "a queued event is taken at once");
    start_wait(&w[0], &t[0], p, 0);
    close_port(p);
    pthread_join(t[0], NULL);
    CHECK_EQ(w[0].result, ERROR_INVALID_FUNCTION, "a wait cut by ApiCloseNotify");
    set_state(q, HttpEnabledStateActive);
    CHECK_EQ(ApiGetNotifyAsync(old, &arr, &n), ERROR_NO_MORE_ITEMS, "ApiGetNotifyAsync on the closed port");
    CHECK_EQ(ApiGetNotify(old, &key, &filter, NULL, &name, NULL), ERROR_NO_MORE_ITEMS, "ApiGetNotify on the closed port");
    CHECK_EQ(ApiUnblockGetNotifyCall(old), ERROR_INVALID_HANDLE, "unblock on the closed port");
    CHECK_EQ(ApiCloseNotify(&old), ERROR_INVALID_HANDLE, "closing twice");

    /* Undelivered events are dropped by the close; CloseHandle closes a port too. */
    p = new_port();
    old = p;
    add(p, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), HTTP_NOTIFY_QUEUE_STATE_CHANGED, 1);
    set_state(q, HttpEnabledStateInactive);
    CHECK_EQ(CloseHandle(p), TRUE, "CloseHandle on a port");
    CHECK_EQ(ApiGetNotifyAsync(old, &arr, &n), ERROR_NO_MORE_ITEMS, "no event survives the close");
    CloseHandle(q);
}

/* ---- invalid handles and parameters ------------------------------------------------------------- */
static void test_invalid_handles_and_parameters(void) {
    HANDLE ev_handle = CreateEventW(NULL, TRUE, FALSE, NULL), q;
    HNOTIFY_RPC p = new_port(), null_h = NULL;
    HNOTIFY_RPC bad[] = {NULL, (HNOTIFY_RPC)0x1234, (HNOTIFY_RPC)(ULONG_PTR)-1, (HNOTIFY_RPC)ev_handle};
    PNOTIFICATION_DATA_ASYNC_RPC arr;
    DWORD n, key, filter, seq;
    LPWSTR name;
    HTTP_SERVER_SESSION_ID s;
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        HNOTIFY_RPC h = bad[i];
        CHECK_EQ(ApiGetNotifyAsync(h, &arr, &n), ERROR_INVALID_HANDLE, "ApiGetNotifyAsync on a non-port");
        CHECK_EQ(ApiGetNotify(h, &key, &filter, &seq, &name, NULL), ERROR_INVALID_HANDLE, "ApiGetNotify on a non-port");
        CHECK_EQ(ApiUnblockGetNotifyCall(h), ERROR_INVALID_HANDLE, "ApiUnblockGetNotifyCall on a non-port");
        CHECK_EQ(ApiSetNotifyLimit(h, 10), ERROR_INVALID_HANDLE, "ApiSetNotifyLimit on a non-port");
        CHECK_EQ(ApiAddNotifyHttpObject(h, HTTP_NOTIFY_OBJECT_SERVER, 0, HTTP_NOTIFY_ALL, 1, NULL, NULL),
                 ERROR_INVALID_HANDLE, "ApiAddNotifyHttpObject on a non-port");
        CHECK_EQ(ApiCloseNotify(&h), ERROR_INVALID_HANDLE, "ApiCloseNotify on a non-port");
    }
    CHECK_EQ(WaitForSingleObject(ev_handle, 0), WAIT_TIMEOUT, "the event survived ApiCloseNotify on it");
    CHECK_EQ(ApiCloseNotify(NULL), ERROR_INVALID_HANDLE, "ApiCloseNotify(NULL)");
    CHECK_EQ(ApiCloseNotify(&null_h), ERROR_INVALID_HANDLE, "ApiCloseNotify of a NULL handle");
    CHECK_EQ(ApiGetNotifyAsync(p, NULL, &n), ERROR_INVALID_PARAMETER, "NULL array pointer");
    CHECK_EQ(ApiGetNotifyAsync(p, &arr, NULL), ERROR_INVALID_PARAMETER, "NULL count pointer");
    CHECK_EQ(ApiSetNotifyLimit(p, 0), ERROR_INVALID_PARAMETER, "limit 0");
    CHECK_EQ(ApiSetNotifyLimit(p, HTTP_NOTIFY_MAX_LIMIT + 1), ERROR_INVALID_PARAMETER, "limit over the maximum");
    CHECK_EQ(ApiSetNotifyLimit(p, HTTP_NOTIFY_MAX_LIMIT), ERROR_SUCCESS, "the maximum limit");
    CHECK_EQ(HttpCreateServerSession(v, &s, 0), NO_ERROR, "session");
    CHECK_EQ(HttpCreateRequestQueue(v, NULL, NULL, 0, &q), NO_ERROR, "queue");
    struct {
        const char *what;
        DWORD type;
        HTTP_OPAQUE_ID obj;
        DWORD filter;
        error_status_t want;
    } cases[] = {
        {"session", HTTP_NOTIFY_OBJECT_SERVER_SESSION, s, HTTP_NOTIFY_ALL, ERROR_SUCCESS},
        {"filter 0", HTTP_NOTIFY_OBJECT_SERVER_SESSION, s, 0, ERROR_INVALID_PARAMETER},
        {"unknown filter bit", HTTP_NOTIFY_OBJECT_SERVER_SESSION, s, 0x40000000, ERROR_INVALID_PARAMETER},
        {"EVENTS_LOST is not a filter", HTTP_NOTIFY_OBJECT_SERVER_SESSION, s, HTTP_NOTIFY_EVENTS_LOST,
         ERROR_INVALID_PARAMETER},
        {"unknown type", 9, s, HTTP_NOTIFY_ALL, ERROR_INVALID_PARAMETER},
        {"server with an object", HTTP_NOTIFY_OBJECT_SERVER, 5, HTTP_NOTIFY_ALL, ERROR_INVALID_PARAMETER},
        {"no such session", HTTP_NOTIFY_OBJECT_SERVER_SESSION, s ^ (0x5A5AULL << 40), HTTP_NOTIFY_ALL, ERROR_INVALID_HANDLE},
        {"no such group", HTTP_NOTIFY_OBJECT_URL_GROUP, s ^ (0x5A5AULL << 40), HTTP_NOTIFY_ALL, ERROR_INVALID_HANDLE},
        {"queue", HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), HTTP_NOTIFY_ALL, ERROR_SUCCESS},
        {"an event is not a queue", HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(ev_handle),
         HTTP_NOTIFY_ALL, ERROR_INVALID_HANDLE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CHECK_EQ(ApiAddNotifyHttpObject(p, cases[i].type, cases[i].obj, cases[i].filter, 1, NULL, NULL), cases[i].want,
                 cases[i].what);
    CHECK_EQ(ApiRemoveNotifyHttpObject(p, HTTP_NOTIFY_OBJECT_SERVER_SESSION, s, NULL), ERROR_SUCCESS, "remove");
    CHECK_EQ(ApiRemoveNotifyHttpObject(p, HTTP_NOTIFY_OBJECT_SERVER_SESSION, s, NULL), ERROR_NOT_FOUND, "remove twice");
    CHECK_EQ(ApiRemoveNotifyHttpObject(p, 9, s, NULL), ERROR_INVALID_PARAMETER, "remove: unknown type");
    /* Closing the object ends its registration. */
    CloseHandle(q);
    CHECK_EQ(ApiRemoveNotifyHttpObject(p, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), NULL),
             ERROR_INVALID_HANDLE, "remove: the queue handle is gone");
    HttpCloseServerSession(s);
    ApiFreeNotifications(NULL, 0);
    CloseHandle(ev_handle);
    close_port(p);
}

/* ---- several waiting threads: distinct events, none twice --------------------------------------- */
enum { SHARE_EVENTS = 2000, SHARE_THREADS = 4 };
typedef struct {
    HNOTIFY_RPC port;
    int index;
    int got;
    int *seen; /* per event number: how many deliveries */
    pthread_mutex_t *lock;
    error_status_t last;
} sharer;

static void *sharer_main(void *arg) {
    sharer *s = (sharer *)arg;
    for (;;) {
        PNOTIFICATION_DATA_ASYNC_RPC arr;
        DWORD n;
        DWORD key, filter;
        LPWSTR name;
        char text[200];
        if (s->index & 1) { /* half the threads take one at a time */
            s->last = ApiGetNotify(s->port, &key, &filter, NULL, &name, NULL);
            if (s->last != ERROR_SUCCESS)
                break;
            arr = NULL;
            n = 1;
            narrow(name, text, sizeof text);
            LocalFree(name);
        } else {
            s->last = ApiGetNotifyAsync(s->port, &arr, &n);
            if (s->last != ERROR_SUCCESS)
                break;
        }
        for (DWORD i = 0; i < n; i++) {
            if (arr)
                narrow(arr[i].Name, text, sizeof text);
            const char *u = strstr(text, "/u");
            int k = u ? atoi(u + 2) : -1;
            pthread_mutex_lock(s->lock);
            if (k >= 0 && k < SHARE_EVENTS)
                s->seen[k]++;
            pthread_mutex_unlock(s->lock);
            s->got++;
        }
        ApiFreeNotifications(arr, n);
    }
    return NULL;
}

static void test_several_waiters_share_events(void) {
    static int seen[SHARE_EVENTS];
    pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    sharer s[SHARE_THREADS];
    pthread_t t[SHARE_THREADS];
    HTTP_SERVER_SESSION_ID sid;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    memset(seen, 0, sizeof seen);
    HNOTIFY_RPC p = new_port();
    int port = hs_v2_setup(&sid, &g, &q, "/base/", 0);
    CHECK(port > 0, "server");
    add(p, HTTP_NOTIFY_OBJECT_URL_GROUP, g, HTTP_NOTIFY_URL_ADDED, 5);
    for (int i = 0; i < SHARE_THREADS; i++) {
        s[i] = (sharer){p, i, 0, seen, &lock, 0};
        pthread_create(&t[i], NULL, sharer_main, &s[i]);
    }
    usleep(100000);
    for (int i = 0; i < SHARE_EVENTS; i++) {
        WCHAR url[128];
        swprintf(url, 128, L"http://+:%d/u%d/", port, i);
        CHECK_EQ(HttpAddUrlToUrlGroup(g, url, 0, 0), NO_ERROR, "add prefix");
    }
    int total = 0;
    for (uint64_t end = ts_now_ms() + 10000; ts_now_ms() < end;) {
        pthread_mutex_lock(&lock);
        total = 0;
        for (int i = 0; i < SHARE_EVENTS; i++)
            total += seen[i];
        pthread_mutex_unlock(&lock);
        if (total >= SHARE_EVENTS)
            break;
        usleep(1000);
    }
    CHECK_EQ(ApiUnblockGetNotifyCall(p), ERROR_SUCCESS, "unblock the waiters");
    int twice = 0, missing = 0, busy = 0;
    for (int i = 0; i < SHARE_THREADS; i++) {
        pthread_join(t[i], NULL);
        CHECK_EQ(s[i].last, ERROR_INVALID_FUNCTION, "each waiter ends with ERROR_INVALID_FUNCTION");
        busy += s[i].got > 0;
    }
    for (int i = 0; i < SHARE_EVENTS; i++) {
        twice += seen[i] > 1;
        missing += seen[i] == 0;
    }
    printf("%d events shared by %d waiting threads: %d, %d, %d, %d\n", SHARE_EVENTS, SHARE_THREADS, s[0].got, s[1].got,
           s[2].got, s[3].got);
    CHECK_EQ(twice, 0, "no event delivered twice");
    CHECK_EQ(missing, 0, "no event missing");
    CHECK(busy >= 2, "the events were spread over the waiting threads (%d took some)", busy);
    HttpCloseRequestQueue(q);
    HttpCloseUrlGroup(g);
    HttpCloseServerSession(sid);
    close_port(p);
}

/* ---- bounded memory ---------------------------------------------------------------------------- */
static void test_overflow_drops_oldest(void) {
    HTTP_SERVER_SESSION_ID sid;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    char name[64];
    HNOTIFY_RPC p = new_port();
    int port = hs_v2_setup(&sid, &g, &q, "/base/", 0);
    CHECK(port > 0, "server");
    CHECK_EQ(ApiSetNotifyLimit(p, 10), ERROR_SUCCESS, "limit 10");
    add(p, HTTP_NOTIFY_OBJECT_URL_GROUP, g, HTTP_NOTIFY_URL_ADDED, 6);
    for (int i = 0; i < 25; i++) {
        WCHAR url[128];
        swprintf(url, 128, L"http://+:%d/o%d/", port, i);
        HttpAddUrlToUrlGroup(g, url, 0, 0);
    }
    row want[11];
    static char names[10][64];
    want[0] = (row){HTTP_NOTIFY_EVENTS_LOST, 0, "15"};
    for (int i = 0; i < 10; i++) {
        snprintf(names[i], sizeof names[i], "http://+:%d/o%d/", port, 15 + i);
        want[i + 1] = (row){HTTP_NOTIFY_URL_ADDED, 6, names[i]};
    }
    expect_rows("25 events into a port of 10: one loss notice, then the newest 10", p, want, 11);
    /* ApiGetNotify sees the gap in the numbers; lowering the limit drops at once. */
    for (int i = 0; i < 5; i++) {
        WCHAR url[128];
        swprintf(url, 128, L"http://+:%d/p%d/", port, i);
        HttpAddUrlToUrlGroup(g, url, 0, 0);
    }
    CHECK_EQ(ApiSetNotifyLimit(p, 2), ERROR_SUCCESS, "limit 2");
    DWORD key, filter, seq;
    LPWSTR w;
    CHECK_EQ(ApiGetNotify(p, &key, &filter, &seq, &w, NULL), ERROR_SUCCESS, "loss notice");
    narrow(w, name, sizeof name);
    LocalFree(w);
    CHECK(filter == HTTP_NOTIFY_EVENTS_LOST && key == 0 && !strcmp(name, "3") && seq == 28,
          "loss notice after lowering the limit: %#x %u \"%s\" seq %u", (unsigned)filter, (unsigned)key, name,
          (unsigned)seq);
    CHECK_EQ(ApiGetNotify(p, &key, &filter, &seq, &w, NULL), ERROR_SUCCESS, "next event");
    LocalFree(w);
    CHECK_EQ(seq, 29, "the event after the gap keeps its number");
    HttpCloseRequestQueue(q);
    HttpCloseUrlGroup(g);
    HttpCloseServerSession(sid);
    close_port(p);
}

/* ---- OVERLAPPED: event, completion port, cancel, unblock ----------------------------------------- */
static void test_overlapped_and_completion_port(void) {
    HANDLE q, e = CreateEventW(NULL, TRUE, FALSE, NULL), iocp;
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    OVERLAPPED ov;
    PNOTIFICATION_DATA_ASYNC_RPC arr;
    DWORD n, bytes;
    ULONG_PTR key;
    LPOVERLAPPED got;
    HNOTIFY_RPC p = new_port();
    CHECK_EQ(HttpCreateRequestQueue(v, L"notify-ov", NULL, 0, &q), NO_ERROR, "queue");
    add(p, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), HTTP_NOTIFY_QUEUE_STATE_CHANGED, 77);

    /* Event: pending, then completed by the next event. */
    memset(&ov, 0, sizeof ov);
    ov.hEvent = e;
    CHECK_EQ(ApiGetNotifyAsyncEx(p, &arr, &n, &ov), ERROR_IO_PENDING, "pending with nothing queued");
    CHECK_EQ(WaitForSingleObject(e, 100), WAIT_TIMEOUT, "not complete yet");
    set_state(q, HttpEnabledStateInactive);
    CHECK_EQ(WaitForSingleObject(e, 5000), WAIT_OBJECT_0, "the event is set when an event is queued");
    CHECK(GetOverlappedResult(p, &ov, &bytes, FALSE) && bytes == 1 && n == 1 && arr && arr[0].dwNotifyKey == 77,
          "GetOverlappedResult: 1 event, out-parameters written");
    ApiFreeNotifications(arr, n);

    /* Completion port: the packet carries the key, the count and the OVERLAPPED. */
    iocp = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    CHECK(CreateIoCompletionPort(p, iocp, 55, 0) == iocp, "port handle bound to a completion port");
    memset(&ov, 0, sizeof ov);
    CHECK_EQ(ApiGetNotifyAsyncEx(p, &arr, &n, &ov), ERROR_IO_PENDING, "pending");
    set_state(q, HttpEnabledStateActive);
    CHECK(GetQueuedCompletionStatus(iocp, &bytes, &key, &got, 5000) && key == 55 && got == &ov && bytes == 1,
          "packet: key %lu, %u events", (unsigned long)key, (unsigned)bytes);
    ApiFreeNotifications(arr, n);
    /* Events already queued: done at once, and a packet too (as http.sys reports). */
    set_state(q, HttpEnabledStateInactive);
    set_state(q, HttpEnabledStateActive);
    memset(&ov, 0, sizeof ov);
    CHECK_EQ(ApiGetNotifyAsyncEx(p, &arr, &n, &ov), ERROR_SUCCESS, "done at once");
    CHECK_EQ(n, 2, "both queued events");
    CHECK(GetQueuedCompletionStatus(iocp, &bytes, &key, &got, 5000) && got == &ov && bytes == 2, "packet for it");
    ApiFreeNotifications(arr, n);
    /* CancelIoEx, then unblock. */
    memset(&ov, 0, sizeof ov);
    CHECK_EQ(ApiGetNotifyAsyncEx(p, &arr, &n, &ov), ERROR_IO_PENDING, "pending");
    CHECK(CancelIoEx(p, &ov), "CancelIoEx finds the wait");
    CHECK(!GetQueuedCompletionStatus(iocp, &bytes, &key, &got, 5000) && got == &ov &&
              GetLastError() == ERROR_OPERATION_ABORTED,
          "cancelled: ERROR_OPERATION_ABORTED");
    memset(&ov, 0, sizeof ov);
    CHECK_EQ(ApiGetNotifyAsyncEx(p, &arr, &n, &ov), ERROR_IO_PENDING, "pending");
    CHECK_EQ(ApiUnblockGetNotifyCall(p), ERROR_SUCCESS, "unblock");
    CHECK(!GetQueuedCompletionStatus(iocp, &bytes, &key, &got, 5000) && got == &ov &&
              GetLastError() == ERROR_INVALID_FUNCTION && arr == NULL,
          "unblocked: ERROR_INVALID_FUNCTION");
    CHECK(!GetOverlappedResult(p, &ov, &bytes, FALSE) && GetLastError() == ERROR_INVALID_FUNCTION,
          "GetOverlappedResult says so too");
    memset(&ov, 0, sizeof ov);
    CHECK_EQ(ApiGetNotifyAsyncEx(p, &arr, &n, &ov), ERROR_NO_MORE_ITEMS, "after unblock");
    CloseHandle(q);
    close_port(p);
    CloseHandle(iocp);
    CloseHandle(e);
}

/* ---- 503s, a full queue and the timers on real connections -------------------------------------- */
static int count_of(const ev *e, int n, DWORD filter, DWORD key) {
    int c = 0;
    for (int i = 0; i < n; i++)
        c += e[i].filter == filter && e[i].key == key;
    return c;
}

static const char *name_of(const ev *e, int n, DWORD filter, int nth) {
    for (int i = 0; i < n; i++)
        if (e[i].filter == filter && nth-- == 0)
            return e[i].name;
    return "";
}

static void test_503_queue_full_and_timers(void) {
    HTTP_SERVER_SESSION_ID sid;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    ev got[64];
    char buf[4096];
    hs_app app;
    HNOTIFY_RPC p = new_port();
    int port = hs_v2_setup(&sid, &g, &q, "/", 0);
    CHECK(port > 0, "server");
    add(p, HTTP_NOTIFY_OBJECT_URL_GROUP, g, HTTP_NOTIFY_REQUEST_503 | HTTP_NOTIFY_TIMER_ALL, 11);
    add(p, HTTP_NOTIFY_OBJECT_REQUEST_QUEUE, HTTP_NOTIFY_QUEUE_OBJECT(q), HTTP_NOTIFY_QUEUE_FULL, 12);
    HTTP_TIMEOUT_LIMIT_INFO t;
    memset(&t, 0, sizeof t);
    t.Flags.Present = 1;
    t.EntityBody = 1;
    t.RequestQueue = 2;
    t.IdleConnection = 1;
    t.HeaderWait = 1;
    CHECK_EQ(HttpSetUrlGroupProperty(g, HttpServerTimeoutsProperty, &t, sizeof t), NO_ERROR, "timers");

    /* The queue is disabled: the router answers 503. */
    set_state(q, HttpEnabledStateInactive);
    const char get_close[] = "GET /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
    CHECK(hs_exchange(port, get_close, sizeof get_close - 1, buf, sizeof buf, 5000) > 0 && strstr(buf, " 503 "),
          "503 from a disabled queue");
    set_state(q, HttpEnabledStateActive);
    int n = collect(p, got, 64, 1, 5000);
    CHECK(n == 1 && got[0].filter == HTTP_NOTIFY_REQUEST_503 && got[0].key == 11 && is_decimal(got[0].name),
          "REQUEST_503 for the disabled queue");

    /* Queue length 1: the second request is refused (Basic: reset), the third with a 503 (Limited). */
    ULONG one = 1, limited = 1;
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQueueLengthProperty, &one, sizeof one, 0, NULL), NO_ERROR, "length 1");
    const char get[] = "GET /x HTTP/1.1\r\nHost: a\r\n\r\n";
    int held = ts_connect(port, 0); /* waits in the queue; the RequestQueue timer takes it back after 2 s */
    ts_send_all(held, get, sizeof get - 1);
    usleep(200000);
    hs_exchange(port, get_close, sizeof get_close - 1, buf, sizeof buf, 5000);
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServer503VerbosityProperty, &limited, sizeof limited, 0, NULL), NO_ERROR,
             "verbosity Limited");
    CHECK(hs_exchange(port, get_close, sizeof get_close - 1, buf, sizeof buf, 5000) > 0 && strstr(buf, " 503 "),
          "503 from a full queue");
    n = collect(p, got, 64, 3, 5000);
    CHECK(n == 3 && count_of(got, n, HTTP_NOTIFY_QUEUE_FULL, 12) == 2 && count_of(got, n, HTTP_NOTIFY_REQUEST_503, 11) == 1 &&
              !strcmp(got[0].name, ""),
          "QUEUE_FULL twice (queue name \"\"), one REQUEST_503 (%d events)", n);
    /* The held request: the RequestQueue timer, then its 503. */
    n = collect(p, got, 64, 2, 5000);
    CHECK(n == 2 && got[0].filter == HTTP_NOTIFY_TIMER_REQUEST_QUEUE && got[1].filter == HTTP_NOTIFY_REQUEST_503 &&
              got[0].key == 11 && !strcmp(got[0].name, got[1].name) && is_decimal(got[0].name),
          "TIMER_REQUEST_QUEUE then REQUEST_503 on the same connection");
    close(held);

    /* EntityBody (a body that stops), IdleConnection (a keep-alive connection left idle), HeaderWait
     * (a second head that stops), all at once. */
    int body = ts_connect(port, 0);
    const char post[] = "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc";
    ts_send_all(body, post, sizeof post - 1);
    usleep(100000);
    n = collect(p, got, 64, 1, 5000);
    CHECK(n == 1 && got[0].filter == HTTP_NOTIFY_TIMER_ENTITY_BODY && got[0].key == 11, "TIMER_ENTITY_BODY");
    close(body);
    usleep(100000); /* the cut request leaves the queue */
    ULONG length = 1000;
    CHECK_EQ(HttpSetRequestQueueProperty(q, HttpServerQueueLengthProperty, &length, sizeof length, 0, NULL), NO_ERROR,
             "length back to 1000");
    hs_app_start(&app, q);
    const char hello[] = "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n";
    int idle = ts_connect(port, 0), slow = ts_connect(port, 0);
    ts_send_all(idle, hello, sizeof hello - 1);
    ts_send_all(slow, hello, sizeof hello - 1);
    CHECK(ts_recv_until(idle, buf, sizeof buf, "hello", 5000) > 0, "idle: served");
    CHECK(ts_recv_until(slow, buf, sizeof buf, "hello", 5000) > 0, "slow: served");
    ts_send_all(slow, "GET /hello HT", 13);
    n = collect(p, got, 64, 2, 5000);
    CHECK(n == 2 && count_of(got, n, HTTP_NOTIFY_TIMER_IDLE_CONNECTION, 11) == 1 &&
              count_of(got, n, HTTP_NOTIFY_TIMER_HEADER_WAIT, 11) == 1 &&
              strcmp(name_of(got, n, HTTP_NOTIFY_TIMER_IDLE_CONNECTION, 0), name_of(got, n, HTTP_NOTIFY_TIMER_HEADER_WAIT, 0)),
          "TIMER_IDLE_CONNECTION and TIMER_HEADER_WAIT, on two connections (%d events: %#x %s, %#x %s)", n,
          (unsigned)got[0].filter, got[0].name, (unsigned)got[1].filter, got[1].name);
    close(idle);
    close(slow);
    hs_app_stop(&app);
    HttpCloseUrlGroup(g);
    HttpCloseServerSession(sid);
    close_port(p);
}

/* ---- 10,000 events under load ------------------------------------------------------------------ */
enum { LOAD_CLIENTS = 8, LOAD_REQUESTS = 10000 };
typedef struct {
    HNOTIFY_RPC port;
    long received, opened, closed, lost, total;
    error_status_t last;
} load_counter;

static void *counter_main(void *arg) {
    load_counter *c = (load_counter *)arg;
    for (;;) {
        PNOTIFICATION_DATA_ASYNC_RPC arr;
        DWORD n;
        c->last = ApiGetNotifyAsync(c->port, &arr, &n);
        if (c->last != ERROR_SUCCESS)
            break;
        for (DWORD i = 0; i < n; i++) {
            c->received += arr[i].dwFilter == HTTP_NOTIFY_REQUEST_RECEIVED;
            c->opened += arr[i].dwFilter == HTTP_NOTIFY_CONNECTION_OPENED;
            c->closed += arr[i].dwFilter == HTTP_NOTIFY_CONNECTION_CLOSED;
            c->lost += arr[i].dwFilter == HTTP_NOTIFY_EVENTS_LOST;
        }
        __atomic_add_fetch(&c->total, (long)n, __ATOMIC_SEQ_CST);
        ApiFreeNotifications(arr, n);
    }
    return NULL;
}

static void run_load(int port, int requests) {
    int ok = hs_load(port, LOAD_CLIENTS, requests / LOAD_CLIENTS, "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n", "hello", 5000);
    CHECK_EQ(ok, requests, "every request served");
}

static void test_ten_thousand_events_under_load(void) {
    HTTP_SERVER_SESSION_ID sid;
    HTTP_URL_GROUP_ID g;
    HANDLE q;
    hs_app app;
    pthread_t t;
    load_counter c;
    const DWORD filters = HTTP_NOTIFY_REQUEST_RECEIVED | HTTP_NOTIFY_CONNECTION_OPENED | HTTP_NOTIFY_CONNECTION_CLOSED;
    int port = hs_v2_setup(&sid, &g, &q, "/", 0);
    CHECK(port > 0, "server");
    hs_app_start(&app, q);

    /* A reader keeping up (the default bound). */
    memset(&c, 0, sizeof c);
    c.port = new_port();
    add(c.port, HTTP_NOTIFY_OBJECT_URL_GROUP, g, filters, 1);
    pthread_create(&t, NULL, counter_main, &c);
    uint64_t t0 = ts_now_ms();
    run_load(port, LOAD_REQUESTS);
    uint64_t ms = ts_now_ms() - t0;
    for (uint64_t end = ts_now_ms() + 5000;
         __atomic_load_n(&c.total, __ATOMIC_SEQ_CST) < LOAD_REQUESTS + 2 * LOAD_CLIENTS && ts_now_ms() < end;)
        usleep(1000);
    ApiUnblockGetNotifyCall(c.port);
    pthread_join(t, NULL);
    printf("%d requests on %d connections in %llu ms with a reader: %ld received, %ld opened, %ld closed, %ld lost\n",
           LOAD_REQUESTS, LOAD_CLIENTS, (unsigned long long)ms, c.received, c.opened, c.closed, c.lost);
    CHECK_EQ(c.received, LOAD_REQUESTS, "every REQUEST_RECEIVED delivered");
    CHECK(c.opened == LOAD_CLIENTS && c.closed == LOAD_CLIENTS && c.lost == 0, "connections counted, nothing lost");
    close_port(c.port);

    /* Nobody reading until the end, bound above the total: still none lost. */
    memset(&c, 0, sizeof c);
    c.port = new_port();
    CHECK_EQ(ApiSetNotifyLimit(c.port, 2 * LOAD_REQUESTS), ERROR_SUCCESS, "limit 20000");
    add(c.port, HTTP_NOTIFY_OBJECT_URL_GROUP, g, filters, 1);
    run_load(port, LOAD_REQUESTS);
    usleep(200000);
    pthread_create(&t, NULL, counter_main, &c);
    for (uint64_t end = ts_now_ms() + 5000;
         __atomic_load_n(&c.total, __ATOMIC_SEQ_CST) < LOAD_REQUESTS + 2 * LOAD_CLIENTS && ts_now_ms() < end;)
        usleep(1000);
    ApiUnblockGetNotifyCall(c.port);
    pthread_join(t, NULL);
    printf("the same, read afterwards from a port of 20000: %ld received, %ld lost\n", c.received, c.lost);
    CHECK(c.received == LOAD_REQUESTS && c.lost == 0, "none lost below the bound");
    close_port(c.port);
    hs_app_stop(&app);
    HttpCloseUrlGroup(g);
    HttpCloseServerSession(sid);
}

int main(void) {
    hs_init();
    test_invalid_handles_and_parameters();
    test_order_key_filter_name();
    test_get_notify_one_at_a_time();
    test_unblock_and_close();
    test_blocked_wait_latency();
    test_several_waiters_share_events();
    test_overflow_drops_oldest();
    test_overlapped_and_completion_port();
    test_503_queue_full_and_timers();
    test_ten_thousand_events_under_load();
    return ts_finish("notify_port");
}
