/* Helpers of the WinHTTP asynchronous tests: a recording status callback and the checker of an
 * expected notification sequence (Windows' order, as Wine's notification tests record it). */
#ifndef WINHTTP_ASYNC_SUPPORT_H
#define WINHTTP_ASYNC_SUPPORT_H
#include <windows.h>
#include <winhttp.h>
#include <pthread.h>

/* Flags of an expected entry. */
#define NF_OPT 0x01     /* may be missing */
#define NF_MAIN 0x02    /* must run on the thread that made the call (synchronous mode, HANDLE_CREATED) */
#define NF_ASYNC 0x04   /* must run on a callback thread (not the main thread, not a runtime I/O thread) */
#define NF_LOOP 0x08    /* start of a block that may repeat */
#define NF_REPEAT 0x10  /* end of that block: may jump back to the NF_LOOP entry */

/* Which handle a notification is for. */
enum wa_kind { WA_SES = 1, WA_CON, WA_REQ };

struct wa_expect {
    enum wa_kind kind;
    DWORD status;
    unsigned flags;
};

struct wa_event {
    enum wa_kind kind;
    HINTERNET handle;
    DWORD status;
    DWORD_PTR context;
    int on_main;
    int on_io_thread;
    DWORD dword;       /* the DWORD information, when there is one */
    DWORD length;
    DWORD api, error;  /* REQUEST_ERROR */
};

#define WA_MAX_EVENTS 4096
#define WA_MAX_HANDLES 16

struct wa_log {
    pthread_mutex_t lock;
    pthread_t main_thread;
    HINTERNET ses, con, req, req2;
    int count;
    struct wa_event ev[WA_MAX_EVENTS];
    volatile long overlaps;  /* a callback entered on another thread while one ran for the same handle */
    volatile long nested;    /* a callback entered from inside one for the same handle, on its thread
                                (Windows nests a call that finishes at once) */
    struct wa_active {       /* handles inside a callback now */
        HINTERNET handle;
        int count;
        pthread_t owner;
    } active[WA_MAX_HANDLES];
};

void wa_init(struct wa_log *log);
/* Records one notification (call first thing in a status callback); returns the event. */
struct wa_event *wa_record(struct wa_log *log, HINTERNET h, DWORD_PTR ctx, DWORD status, void *info, DWORD len);
/* Marks the end of a callback (for the overlap check). */
void wa_leave(struct wa_log *log, HINTERNET h);
/* Checks the recorded log against `exp` (n entries): order, threads, HANDLE_CLOSING last per handle.
 * Prints the row that failed and the log. Returns 1 when it matches. */
int wa_check(const char *name, struct wa_log *log, const struct wa_expect *exp, int n);
const char *wa_status_name(DWORD status);
#endif
