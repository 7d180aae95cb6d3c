#define _GNU_SOURCE
#include "winhttp_async_support.h"
#include "test_support.h"
#include <stdio.h>
#include <string.h>

void wa_init(struct wa_log *log) {
    memset(log, 0, sizeof *log);
    pthread_mutex_init(&log->lock, NULL);
    log->main_thread = pthread_self();
}

static enum wa_kind kind_of(struct wa_log *log, HINTERNET h) {
    if (h == log->ses) return WA_SES;
    if (h == log->con) return WA_CON;
    return WA_REQ;
}


struct wa_event *wa_record(struct wa_log *log, HINTERNET h, DWORD_PTR ctx, DWORD status, void *info, DWORD len) {
    /* Per handle (a slot's handle changes from request to request): another thread inside a
     * callback of the same handle is an overlap; the same thread is a nested call. */
    pthread_mutex_lock(&log->lock);
    int slot = -1;
    for (int i = 0; i < WA_MAX_HANDLES; i++)
        if (log->active[i].handle == h && log->active[i].count > 0) slot = i;
    if (slot < 0)
        for (int i = 0; i < WA_MAX_HANDLES && slot < 0; i++)
            if (log->active[i].count == 0) slot = i;
    if (slot >= 0) {
        struct wa_active *a = &log->active[slot];
        if (a->count == 0) a->handle = h, a->owner = pthread_self();
        else if (pthread_equal(a->owner, pthread_self())) log->nested++;
        else log->overlaps++;
        a->count++;
    }
    pthread_mutex_unlock(&log->lock);
    char name[32] = "";
    pthread_getname_np(pthread_self(), name, sizeof name);
    pthread_mutex_lock(&log->lock);
    struct wa_event *e = NULL;
    if (log->count < WA_MAX_EVENTS) {
        e = &log->ev[log->count++];
        memset(e, 0, sizeof *e);
        e->kind = kind_of(log, h);
        e->handle = h;
        e->status = status;
        e->context = ctx;
        e->length = len;
        e->on_main = pthread_equal(pthread_self(), log->main_thread);
        e->on_io_thread = strncmp(name, "winhttpapi-io", 13) == 0;
        if (info && len == sizeof(DWORD)) e->dword = *(DWORD *)info;
        if (status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR && info) {
            WINHTTP_ASYNC_RESULT *r = info;
            e->api = (DWORD)r->dwResult;
            e->error = r->dwError;
        }
    }
    pthread_mutex_unlock(&log->lock);
    return e;
}

void wa_leave(struct wa_log *log, HINTERNET h) {
    pthread_mutex_lock(&log->lock);
    for (int i = 0; i < WA_MAX_HANDLES; i++)
        if (log->active[i].handle == h && log->active[i].count > 0) {
            log->active[i].count--;
            break;
        }
    pthread_mutex_unlock(&log->lock);
}

const char *wa_status_name(DWORD s) {
    switch (s) {
    case WINHTTP_CALLBACK_STATUS_RESOLVING_NAME: return "RESOLVING_NAME";
    case WINHTTP_CALLBACK_STATUS_NAME_RESOLVED: return "NAME_RESOLVED";
    case WINHTTP_CALLBACK_STATUS_CONNECTING_TO_SERVER: return "CONNECTING_TO_SERVER";
    case WINHTTP_CALLBACK_STATUS_CONNECTED_TO_SERVER: return "CONNECTED_TO_SERVER";
    case WINHTTP_CALLBACK_STATUS_SENDING_REQUEST: return "SENDING_REQUEST";
    case WINHTTP_CALLBACK_STATUS_REQUEST_SENT: return "REQUEST_SENT";
    case WINHTTP_CALLBACK_STATUS_RECEIVING_RESPONSE: return "RECEIVING_RESPONSE";
    case WINHTTP_CALLBACK_STATUS_RESPONSE_RECEIVED: return "RESPONSE_RECEIVED";
    case WINHTTP_CALLBACK_STATUS_CLOSING_CONNECTION: return "CLOSING_CONNECTION";
    case WINHTTP_CALLBACK_STATUS_CONNECTION_CLOSED: return "CONNECTION_CLOSED";
    case WINHTTP_CALLBACK_STATUS_HANDLE_CREATED: return "HANDLE_CREATED";
    case WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING: return "HANDLE_CLOSING";
    case WINHTTP_CALLBACK_STATUS_REDIRECT: return "REDIRECT";
    case WINHTTP_CALLBACK_STATUS_INTERMEDIATE_RESPONSE: return "INTERMEDIATE_RESPONSE";
    case WINHTTP_CALLBACK_STATUS_SECURE_FAILURE: return "SECURE_FAILURE";
    case WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: return "HEADERS_AVAILABLE";
    case WINHTTP_CALLBACK_STATUS_DATA_AVAILABLE: return "DATA_AVAILABLE";
    case WINHTTP_CALLBACK_STATUS_READ_COMPLETE: return "READ_COMPLETE";
    case WINHTTP_CALLBACK_STATUS_WRITE_COMPLETE: return "WRITE_COMPLETE";
    case WINHTTP_CALLBACK_STATUS_REQUEST_ERROR: return "REQUEST_ERROR";
    case WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE: return "SENDREQUEST_COMPLETE";
    default: return "?";
    }
}

static const char *kind_name(enum wa_kind k) { return k == WA_SES ? "ses" : k == WA_CON ? "con" : "req"; }

static void dump(struct wa_log *log, const struct wa_expect *exp, int n) {
    fprintf(stderr, "  log:\n");
    for (int i = 0; i < log->count; i++)
        fprintf(stderr, "    %3d %s %-22s main=%d io=%d dword=%u err=%u\n", i, kind_name(log->ev[i].kind), wa_status_name(log->ev[i].status),
                log->ev[i].on_main, log->ev[i].on_io_thread, log->ev[i].dword, log->ev[i].error);
    fprintf(stderr, "  expected:\n");
    for (int i = 0; i < n; i++) fprintf(stderr, "    %3d %s %-22s flags=%#x\n", i, kind_name(exp[i].kind), wa_status_name(exp[i].status), exp[i].flags);
}

int wa_check(const char *name, struct wa_log *log, const struct wa_expect *exp, int n) {
    int i = 0, loop_start = -1, loop_back = -1, ok = 1;
    char why[256] = "";
    for (int k = 0; k < log->count && ok; k++) {
        struct wa_event *e = &log->ev[k];
        if (e->on_io_thread) {
            snprintf(why, sizeof why, "event %d (%s) ran on a runtime I/O thread", k, wa_status_name(e->status));
            ok = 0;
            break;
        }
        if (loop_back >= 0 && exp[loop_back].status == e->status && exp[loop_back].kind == e->kind) i = loop_back;
        loop_back = -1;
        while (i < n && !(exp[i].status == e->status && exp[i].kind == e->kind) && (exp[i].flags & NF_OPT)) i++;
        if (i >= n || exp[i].status != e->status || exp[i].kind != e->kind) {
            snprintf(why, sizeof why, "event %d: unexpected %s %s (expected row %d)", k, kind_name(e->kind), wa_status_name(e->status), i);
            ok = 0;
            break;
        }
        if ((exp[i].flags & NF_MAIN) && !e->on_main) {
            snprintf(why, sizeof why, "event %d (%s) not on the calling thread", k, wa_status_name(e->status));
            ok = 0;
        }
        if ((exp[i].flags & NF_ASYNC) && e->on_main) {
            snprintf(why, sizeof why, "event %d (%s) on the calling thread", k, wa_status_name(e->status));
            ok = 0;
        }
        if (exp[i].flags & NF_LOOP) loop_start = i;
        if (exp[i].flags & NF_REPEAT) loop_back = loop_start;
        i++;
    }
    while (ok && i < n && (exp[i].flags & NF_OPT)) i++;
    if (ok && i < n) {
        snprintf(why, sizeof why, "missing %s %s (row %d)", kind_name(exp[i].kind), wa_status_name(exp[i].status), i);
        ok = 0;
    }
    /* HANDLE_CLOSING is the last notification of each handle, and comes once. */
    for (int k = 0; k < log->count && ok; k++) {
        if (log->ev[k].status != WINHTTP_CALLBACK_STATUS_HANDLE_CLOSING) continue;
        for (int j = k + 1; j < log->count; j++)
            if (log->ev[j].handle == log->ev[k].handle) {
                snprintf(why, sizeof why, "event %d (%s) after HANDLE_CLOSING of its handle", j, wa_status_name(log->ev[j].status));
                ok = 0;
            }
    }
    if (ok && log->overlaps) {
        snprintf(why, sizeof why, "%ld overlapping callbacks for one handle", log->overlaps);
        ok = 0;
    }
    CHECK(ok, "%s: %s", name, why);
    if (!ok) dump(log, exp, n);
    return ok;
}
