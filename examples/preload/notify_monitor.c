/*
 * notify_monitor - prints what a running HTTP server does, one line per event, without changing the
 * server: a shared object the server process takes with LD_PRELOAD. Written as a Windows program would
 * use a notification port (httpnotify.h): one port registered on the whole server, one thread waiting
 * in ApiGetNotifyAsync.
 *
 *   LD_PRELOAD=build/examples/notify_monitor.so build/examples/http_server_v2 8080
 *
 * Each line: the time, the event, the object's name (queue name, URL prefix or connection id):
 *   12:04:31.512734 url-added               http://+:8080/
 *   12:04:33.020113 connection-opened       8589934593
 *   12:04:33.020204 request-received        8589934593
 *
 * Environment: NOTIFY_MONITOR_OUT (a file to append to; default stderr), NOTIFY_MONITOR_FILTER (the
 * HTTP_NOTIFY_* mask, e.g. 0x3F000 for the timers; default all), NOTIFY_MONITOR_LIMIT (the port's bound;
 * past it the oldest events are dropped and one "events-lost" line says how many),
 * NOTIFY_MONITOR_COUNT_ONLY=1 (no line per event: a count at exit; bench/notify_cost.sh uses it).
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE 1
#include <windows.h>
#include <http.h>
#include <httpnotify.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static HNOTIFY_RPC port;
static pthread_t thread;
static FILE *out;
static int running, count_only;
static unsigned long long seen, lost;

static const struct {
    DWORD filter;
    const char *name;
} names[] = {
    {HTTP_NOTIFY_QUEUE_CREATED, "queue-created"},
    {HTTP_NOTIFY_QUEUE_CLOSED, "queue-closed"},
    {HTTP_NOTIFY_QUEUE_SHUT_DOWN, "queue-shut-down"},
    {HTTP_NOTIFY_QUEUE_STATE_CHANGED, "queue-state-changed"},
    {HTTP_NOTIFY_URL_ADDED, "url-added"},
    {HTTP_NOTIFY_URL_REMOVED, "url-removed"},
    {HTTP_NOTIFY_CONNECTION_OPENED, "connection-opened"},
    {HTTP_NOTIFY_CONNECTION_CLOSED, "connection-closed"},
    {HTTP_NOTIFY_REQUEST_RECEIVED, "request-received"},
    {HTTP_NOTIFY_REQUEST_503, "request-503"},
    {HTTP_NOTIFY_QUEUE_FULL, "queue-full"},
    {HTTP_NOTIFY_TIMER_IDLE_CONNECTION, "timer-idle-connection"},
    {HTTP_NOTIFY_TIMER_HEADER_WAIT, "timer-header-wait"},
    {HTTP_NOTIFY_TIMER_ENTITY_BODY, "timer-entity-body"},
    {HTTP_NOTIFY_TIMER_DRAIN_ENTITY_BODY, "timer-drain-entity-body"},
    {HTTP_NOTIFY_TIMER_REQUEST_QUEUE, "timer-request-queue"},
    {HTTP_NOTIFY_TIMER_MIN_SEND_RATE, "timer-min-send-rate"},
    {HTTP_NOTIFY_EVENTS_LOST, "events-lost"},
};

static const char *event_name(DWORD filter) {
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (names[i].filter == filter)
            return names[i].name;
    return "unknown";
}

static void print_event(const NOTIFICATION_DATA_ASYNC_RPC *n) {
    struct timeval tv;
    struct tm tm;
    char when[16];
    gettimeofday(&tv, NULL);
    localtime_r(&tv.tv_sec, &tm);
    strftime(when, sizeof when, "%H:%M:%S", &tm);
    if (n->Name[0])
        fprintf(out, "%s.%06ld %-23s %ls\n", when, (long)tv.tv_usec, event_name(n->dwFilter), n->Name);
    else
        fprintf(out, "%s.%06ld %s\n", when, (long)tv.tv_usec, event_name(n->dwFilter));
}

static void *monitor_main(void *arg) {
    (void)arg;
    for (;;) {
        PNOTIFICATION_DATA_ASYNC_RPC events;
        DWORD count;
        error_status_t r = ApiGetNotifyAsync(port, &events, &count);
        if (r != ERROR_SUCCESS) /* ERROR_INVALID_FUNCTION: unblocked, the thread ends */
            break;
        for (DWORD i = 0; i < count; i++) {
            seen++;
            if (events[i].dwFilter == HTTP_NOTIFY_EVENTS_LOST)
                lost += wcstoull(events[i].Name, NULL, 10);
            if (!count_only)
                print_event(&events[i]);
        }
        if (!count_only)
            fflush(out);
        ApiFreeNotifications(events, count);
    }
    return NULL;
}

__attribute__((constructor)) static void monitor_start(void) {
    error_status_t status, rpc;
    const char *path = getenv("NOTIFY_MONITOR_OUT"), *filter = getenv("NOTIFY_MONITOR_FILTER"),
               *limit = getenv("NOTIFY_MONITOR_LIMIT");
    out = path ? fopen(path, "a") : NULL;
    if (!out)
        out = stderr;
    /* Registered before the program's main runs, so it sees the server from its first queue on. */
    port = ApiCreateNotify(&status, &rpc);
    if (!port) {
        fprintf(out, "notify_monitor: ApiCreateNotify failed: %u\n", (unsigned)status);
        return;
    }
    count_only = getenv("NOTIFY_MONITOR_COUNT_ONLY") != NULL;
    if (limit)
        ApiSetNotifyLimit(port, (DWORD)strtoul(limit, NULL, 0));
    DWORD mask = filter ? (DWORD)strtoul(filter, NULL, 0) : HTTP_NOTIFY_ALL;
    status = ApiAddNotifyHttpObject(port, HTTP_NOTIFY_OBJECT_SERVER, 0, mask, 0, NULL, &rpc);
    if (status != ERROR_SUCCESS) {
        fprintf(out, "notify_monitor: ApiAddNotifyHttpObject failed: %u\n", (unsigned)status);
        return;
    }
    running = pthread_create(&thread, NULL, monitor_main, NULL) == 0;
}

__attribute__((destructor)) static void monitor_stop(void) {
    if (!running)
        return;
    usleep(50000); /* the events of the program's last moments reach the thread */
    ApiUnblockGetNotifyCall(port);
    pthread_join(thread, NULL);
    ApiCloseNotify(&port);
    if (count_only)
        fprintf(out, "notify_monitor: %llu events, %llu lost\n", seen, lost);
    fflush(out);
}
