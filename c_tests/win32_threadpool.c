/* The Windows thread pool as programs use it: work objects (each submission one callback, waiting for and
 * cancelling pending callbacks), priorities, timers (one-shot, periodic, absolute, stopped, Ex results),
 * waits (signal, timeout, auto-reset consumption, one-shot), TrySubmitThreadpoolCallback, cleanup groups
 * with their cancel callback, the callback instance functions, I/O objects on file handles (StartThreadpoolIo
 * before each operation, CancelThreadpoolIo after one that fails at once), and the errors. */
#include <windows.h>
#include <string.h>
#include <unistd.h>
#include "test_support.h"

static volatile LONG g_count;
static volatile LONG g_order[16];
static volatile LONG g_order_n;
static HANDLE g_gate, g_started;

static VOID CALLBACK count_work(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
    (void)inst;
    (void)work;
    InterlockedIncrement((volatile LONG *)ctx);
}

/* Blocks its worker until g_gate is set (so later callbacks queue up behind it). */
static VOID CALLBACK blocker(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
    (void)inst;
    (void)ctx;
    (void)work;
    SetEvent(g_started);
    WaitForSingleObject(g_gate, INFINITE);
}

static VOID CALLBACK record(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
    (void)inst;
    (void)work;
    g_order[InterlockedIncrement(&g_order_n) - 1] = (LONG)(LONG_PTR)ctx;
}

static PTP_POOL one_thread_pool(TP_CALLBACK_ENVIRON *env) {
    PTP_POOL pool = CreateThreadpool(NULL);
    SetThreadpoolThreadMaximum(pool, 1);
    InitializeThreadpoolEnvironment(env);
    SetThreadpoolCallbackPool(env, pool);
    return pool;
}

static void test_work(void) {
    volatile LONG n = 0;
    PTP_WORK w = CreateThreadpoolWork(count_work, (PVOID)&n, NULL);
    CHECK(w != NULL, "CreateThreadpoolWork");
    for (int i = 0; i < 100; i++) SubmitThreadpoolWork(w);
    WaitForThreadpoolWorkCallbacks(w, FALSE);
    CHECK_EQ(n, 100, "each submission is one callback, all done when the wait returns");
    CloseThreadpoolWork(w);

    /* Cancelling: on a one-thread pool, five callbacks wait behind a blocked one. */
    TP_CALLBACK_ENVIRON env;
    PTP_POOL pool = one_thread_pool(&env);
    PTP_WORK block = CreateThreadpoolWork(blocker, NULL, &env);
    n = 0;
    PTP_WORK later = CreateThreadpoolWork(count_work, (PVOID)&n, &env);
    ResetEvent(g_gate);
    SubmitThreadpoolWork(block);
    CHECK(WaitForSingleObject(g_started, 5000) == WAIT_OBJECT_0, "blocker started");
    for (int i = 0; i < 5; i++) SubmitThreadpoolWork(later);
    WaitForThreadpoolWorkCallbacks(later, TRUE); /* pending ones dropped; none running: returns at once */
    SetEvent(g_gate);
    WaitForThreadpoolWorkCallbacks(block, FALSE);
    WaitForThreadpoolWorkCallbacks(later, FALSE);
    CHECK_EQ(n, 0, "cancelled callbacks never run");
    SubmitThreadpoolWork(later);
    WaitForThreadpoolWorkCallbacks(later, FALSE);
    CHECK_EQ(n, 1, "the object still works after a cancel");

    /* Without cancel, the wait covers the pending ones. */
    ResetEvent(g_gate);
    SubmitThreadpoolWork(block);
    WaitForSingleObject(g_started, 5000);
    for (int i = 0; i < 3; i++) SubmitThreadpoolWork(later);
    SetEvent(g_gate);
    WaitForThreadpoolWorkCallbacks(later, FALSE);
    CHECK_EQ(n, 4, "waiting without cancel runs the pending callbacks");

    /* Closing with callbacks pending: they still run. */
    ResetEvent(g_gate);
    SubmitThreadpoolWork(block);
    WaitForSingleObject(g_started, 5000);
    SubmitThreadpoolWork(later);
    SubmitThreadpoolWork(later);
    CloseThreadpoolWork(later);
    SetEvent(g_gate);
    WaitForThreadpoolWorkCallbacks(block, FALSE);
    for (int i = 0; i < 100 && n != 6; i++) Sleep(10);
    CHECK_EQ(n, 6, "callbacks queued before CloseThreadpoolWork still run");
    CloseThreadpoolWork(block);
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(pool);
}

static void test_priorities(void) {
    TP_CALLBACK_ENVIRON env, low, high;
    PTP_POOL pool = one_thread_pool(&env);
    low = env;
    high = env;
    SetThreadpoolCallbackPriority(&low, TP_CALLBACK_PRIORITY_LOW);
    SetThreadpoolCallbackPriority(&high, TP_CALLBACK_PRIORITY_HIGH);
    PTP_WORK block = CreateThreadpoolWork(blocker, NULL, &env);
    PTP_WORK wl = CreateThreadpoolWork(record, (PVOID)3, &low);
    PTP_WORK wn = CreateThreadpoolWork(record, (PVOID)2, &env);
    PTP_WORK wh = CreateThreadpoolWork(record, (PVOID)1, &high);
    ResetEvent(g_gate);
    g_order_n = 0;
    SubmitThreadpoolWork(block);
    WaitForSingleObject(g_started, 5000);
    SubmitThreadpoolWork(wl);
    SubmitThreadpoolWork(wn);
    SubmitThreadpoolWork(wh);
    SubmitThreadpoolWork(wn);
    SetEvent(g_gate);
    WaitForThreadpoolWorkCallbacks(wl, FALSE);
    WaitForThreadpoolWorkCallbacks(wn, FALSE);
    WaitForThreadpoolWorkCallbacks(wh, FALSE);
    CHECK(g_order_n == 4 && g_order[0] == 1 && g_order[1] == 2 && g_order[2] == 2 && g_order[3] == 3,
          "high, normal, normal, low (got %ld: %ld %ld %ld %ld)", (long)g_order_n, (long)g_order[0], (long)g_order[1], (long)g_order[2], (long)g_order[3]);
    CloseThreadpoolWork(block);
    CloseThreadpoolWork(wl);
    CloseThreadpoolWork(wn);
    CloseThreadpoolWork(wh);
    CloseThreadpool(pool);

    TP_CALLBACK_ENVIRON bad;
    InitializeThreadpoolEnvironment(&bad);
    bad.CallbackPriority = TP_CALLBACK_PRIORITY_INVALID;
    SetLastError(0);
    CHECK(CreateThreadpoolWork(record, NULL, &bad) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "invalid priority: %u", GetLastError());
}

static volatile LONG g_timer_hits;
static volatile ULONGLONG g_timer_at;
static VOID CALLBACK on_timer(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_TIMER timer) {
    (void)inst;
    CHECK(ctx == (PVOID)&g_timer_hits && timer != NULL, "timer callback arguments");
    g_timer_at = GetTickCount64();
    InterlockedIncrement(&g_timer_hits);
}

static FILETIME relative_ms(LONGLONG ms) {
    ULARGE_INTEGER u;
    u.QuadPart = (ULONGLONG)(-ms * 10000);
    FILETIME ft = {u.LowPart, u.HighPart};
    return ft;
}

static void test_timers(void) {
    PTP_TIMER t = CreateThreadpoolTimer(on_timer, (PVOID)&g_timer_hits, NULL);
    CHECK(t != NULL && !IsThreadpoolTimerSet(t), "new timer is not set");
    /* one-shot, relative */
    g_timer_hits = 0;
    FILETIME due = relative_ms(80);
    ULONGLONG start = GetTickCount64();
    SetThreadpoolTimer(t, &due, 0, 0);
    CHECK(IsThreadpoolTimerSet(t), "set");
    Sleep(30);
    CHECK_EQ(g_timer_hits, 0, "not before its time");
    for (int i = 0; i < 300 && g_timer_hits == 0; i++) Sleep(5);
    Sleep(100);
    CHECK_EQ(g_timer_hits, 1, "one-shot fires once");
    CHECK(g_timer_at - start >= 75 && g_timer_at - start < 1000, "at about 80 ms (%llu)", (unsigned long long)(g_timer_at - start));
    CHECK(IsThreadpoolTimerSet(t), "still 'set' after a one-shot expiry (as Windows reports it)");

    /* Ex: TRUE only while an expiry is still to come */
    due = relative_ms(10000);
    CHECK(!SetThreadpoolTimerEx(t, &due, 0, 0), "Ex over an expired one-shot: FALSE");
    CHECK(SetThreadpoolTimerEx(t, NULL, 0, 0), "Ex stopping a pending timer: TRUE");
    CHECK(!IsThreadpoolTimerSet(t), "NULL due time: not set");

    /* periodic, and stopping it */
    g_timer_hits = 0;
    due = relative_ms(10);
    SetThreadpoolTimer(t, &due, 20, 5);
    Sleep(200);
    SetThreadpoolTimer(t, NULL, 0, 0);
    WaitForThreadpoolTimerCallbacks(t, TRUE);
    LONG hits = g_timer_hits;
    CHECK(hits >= 4 && hits <= 12, "periodic 20 ms over 200 ms: %ld", (long)hits);
    Sleep(80);
    CHECK_EQ(g_timer_hits, hits, "no callback after stop + wait");

    /* due now; absolute due time */
    g_timer_hits = 0;
    FILETIME zero = {0, 0};
    SetThreadpoolTimer(t, &zero, 0, 0);
    WaitForThreadpoolTimerCallbacks(t, FALSE);
    CHECK_EQ(g_timer_hits, 1, "a due time of 0 fires at once");
    FILETIME now;
    GetSystemTimeAsFileTime(&now);
    ULARGE_INTEGER abs_due;
    abs_due.LowPart = now.dwLowDateTime;
    abs_due.HighPart = now.dwHighDateTime;
    abs_due.QuadPart += 50 * 10000;
    FILETIME absolute = {abs_due.LowPart, abs_due.HighPart};
    start = GetTickCount64();
    SetThreadpoolTimer(t, &absolute, 0, 0);
    for (int i = 0; i < 300 && g_timer_hits < 2; i++) Sleep(5);
    CHECK(g_timer_hits == 2 && GetTickCount64() - start >= 40, "absolute due time");

    /* closing a periodic timer stops it */
    g_timer_hits = 0;
    due = relative_ms(5);
    SetThreadpoolTimer(t, &due, 10, 0);
    Sleep(50);
    WaitForThreadpoolTimerCallbacks(t, TRUE);
    CloseThreadpoolTimer(t);
    hits = g_timer_hits;
    Sleep(60);
    CHECK(hits > 0 && g_timer_hits == hits, "closing stops a periodic timer");
}

static volatile LONG g_wait_hits;
static volatile TP_WAIT_RESULT g_wait_result;
static VOID CALLBACK on_wait(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WAIT wait, TP_WAIT_RESULT result) {
    (void)inst;
    (void)ctx;
    (void)wait;
    g_wait_result = result;
    InterlockedIncrement(&g_wait_hits);
}

static DWORD WINAPI short_thread(LPVOID p) {
    (void)p;
    Sleep(30);
    return 0;
}

static void wait_hits(LONG n) {
    for (int i = 0; i < 400 && g_wait_hits < n; i++) Sleep(5);
}

static void test_waits(void) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL); /* auto-reset */
    PTP_WAIT w = CreateThreadpoolWait(on_wait, NULL, NULL);
    CHECK(w != NULL, "CreateThreadpoolWait");
    g_wait_hits = 0;
    SetThreadpoolWait(w, ev, NULL);
    Sleep(20);
    CHECK_EQ(g_wait_hits, 0, "nothing before the signal");
    SetEvent(ev);
    wait_hits(1);
    CHECK(g_wait_hits == 1 && g_wait_result == WAIT_OBJECT_0, "signal: WAIT_OBJECT_0");
    CHECK(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "the auto-reset event was consumed by the wait");
    SetEvent(ev);
    Sleep(30);
    CHECK_EQ(g_wait_hits, 1, "a wait ends once: no callback without setting it again");
    SetThreadpoolWait(w, ev, NULL);
    wait_hits(2);
    CHECK(g_wait_hits == 2 && g_wait_result == WAIT_OBJECT_0, "already signaled: at once");

    FILETIME to = relative_ms(40);
    ULONGLONG start = GetTickCount64();
    SetThreadpoolWait(w, ev, &to);
    wait_hits(3);
    CHECK(g_wait_hits == 3 && g_wait_result == WAIT_TIMEOUT && GetTickCount64() - start >= 35, "timeout: WAIT_TIMEOUT");
    FILETIME zero = {0, 0};
    SetThreadpoolWait(w, ev, &zero);
    wait_hits(4);
    CHECK(g_wait_hits == 4 && g_wait_result == WAIT_TIMEOUT, "timeout 0 on an unsignaled object");
    SetEvent(ev);
    SetThreadpoolWait(w, ev, &zero);
    wait_hits(5);
    CHECK(g_wait_hits == 5 && g_wait_result == WAIT_OBJECT_0, "timeout 0 on a signaled object");

    /* Ex reports whether the previous wait was still waiting; NULL stops it */
    to = relative_ms(10000);
    CHECK(!SetThreadpoolWaitEx(w, ev, &to, NULL), "Ex: nothing waiting before");
    CHECK(SetThreadpoolWaitEx(w, NULL, NULL, NULL), "Ex: stopping an active wait");
    SetEvent(ev);
    Sleep(30);
    CHECK_EQ(g_wait_hits, 5, "a stopped wait calls nothing");
    CHECK(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "and leaves the signal alone");

    /* a thread handle: signaled when the thread ends */
    HANDLE th = CreateThread(NULL, 0, short_thread, NULL, 0, NULL);
    SetThreadpoolWait(w, th, NULL);
    wait_hits(6);
    CHECK(g_wait_hits == 6 && g_wait_result == WAIT_OBJECT_0, "thread end");
    CloseHandle(th);

    /* a manual-reset event wakes every wait object */
    HANDLE manual = CreateEventA(NULL, TRUE, FALSE, NULL);
    PTP_WAIT w2 = CreateThreadpoolWait(on_wait, NULL, NULL);
    SetThreadpoolWait(w, manual, NULL);
    SetThreadpoolWait(w2, manual, NULL);
    SetEvent(manual);
    wait_hits(8);
    CHECK_EQ(g_wait_hits, 8, "both waits on a manual-reset event");
    WaitForThreadpoolWaitCallbacks(w, FALSE);
    SetLastError(0);
    SetThreadpoolWait(w, (HANDLE)(ULONG_PTR)0x12340, NULL);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE, "a bad handle to wait on: %u", GetLastError());
    CloseThreadpoolWait(w);
    CloseThreadpoolWait(w2);
    CloseHandle(ev);
    CloseHandle(manual);
}

static VOID CALLBACK simple(PTP_CALLBACK_INSTANCE inst, PVOID ctx) {
    (void)inst;
    SetEvent((HANDLE)ctx);
}

static volatile LONG g_cancelled;
static volatile PVOID g_cleanup_ctx;
static VOID CALLBACK on_cancel(PVOID object_ctx, PVOID cleanup_ctx) {
    (void)object_ctx;
    g_cleanup_ctx = cleanup_ctx;
    InterlockedIncrement(&g_cancelled);
}

static void test_simple_and_groups(void) {
    HANDLE done = CreateEventA(NULL, TRUE, FALSE, NULL);
    CHECK(TrySubmitThreadpoolCallback(simple, done, NULL), "TrySubmitThreadpoolCallback");
    CHECK(WaitForSingleObject(done, 5000) == WAIT_OBJECT_0, "the simple callback ran");
    CloseHandle(done);

    TP_CALLBACK_ENVIRON env;
    PTP_POOL pool = one_thread_pool(&env);
    PTP_CLEANUP_GROUP group = CreateThreadpoolCleanupGroup();
    CHECK(group != NULL, "CreateThreadpoolCleanupGroup");
    SetThreadpoolCallbackCleanupGroup(&env, group, on_cancel);
    volatile LONG n = 0;
    PTP_WORK block = CreateThreadpoolWork(blocker, NULL, &env);
    PTP_WORK later = CreateThreadpoolWork(count_work, (PVOID)&n, &env);
    PTP_TIMER timer = CreateThreadpoolTimer(on_timer, (PVOID)&g_timer_hits, &env);
    HANDLE never = CreateEventA(NULL, TRUE, FALSE, NULL);
    CHECK(TrySubmitThreadpoolCallback(simple, never, &env), "simple callback in the group");
    FILETIME due = relative_ms(60000);
    SetThreadpoolTimer(timer, &due, 0, 0);
    ResetEvent(g_gate);
    SubmitThreadpoolWork(block);
    WaitForSingleObject(g_started, 5000);
    SubmitThreadpoolWork(later);
    SubmitThreadpoolWork(later);
    SetEvent(g_gate); /* the blocker finishes; the members are closed while the rest may still be queued */
    g_cancelled = 0;
    CloseThreadpoolCleanupGroupMembers(group, TRUE, (PVOID)0x5150);
    CHECK(g_cancelled >= 3 && g_cleanup_ctx == (PVOID)0x5150, "cancel callback for each member (%ld)", (long)g_cancelled);
    LONG ran = n;
    Sleep(30);
    CHECK(n == ran && n <= 2, "nothing runs after the members are closed");
    SetLastError(0);
    SubmitThreadpoolWork(later);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE, "the members' handles are dead");
    /* the group is reusable */
    n = 0;
    PTP_WORK again = CreateThreadpoolWork(count_work, (PVOID)&n, &env);
    SubmitThreadpoolWork(again);
    WaitForThreadpoolWorkCallbacks(again, FALSE);
    CHECK_EQ(n, 1, "an object made later in the same group");
    g_cancelled = 0;
    CloseThreadpoolCleanupGroupMembers(group, FALSE, NULL);
    CHECK_EQ(g_cancelled, 0, "without cancel, no cancel callback");
    CloseThreadpoolCleanupGroup(group);
    CloseHandle(never);
    DestroyThreadpoolEnvironment(&env);
    CloseThreadpool(pool);
}

static HANDLE g_ret_event;
static CRITICAL_SECTION g_cs;
static volatile LONG g_seen_before_return;
static VOID CALLBACK instance_work(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
    (void)work;
    switch ((int)(LONG_PTR)ctx) {
    case 1:
        SetEventWhenCallbackReturns(inst, g_ret_event);
        Sleep(20);
        g_seen_before_return = WaitForSingleObject(g_ret_event, 0) == WAIT_OBJECT_0;
        break;
    case 2:
        EnterCriticalSection(&g_cs);
        LeaveCriticalSectionWhenCallbackReturns(inst, &g_cs);
        break;
    case 3:
        CHECK(CallbackMayRunLong(inst), "CallbackMayRunLong on the default pool");
        DisassociateCurrentThreadFromCallback(inst);
        SetEvent(g_started);
        WaitForSingleObject(g_gate, INFINITE);
        break;
    }
}

static DWORD WINAPI try_enter(LPVOID p) {
    (void)p;
    BOOL got = TryEnterCriticalSection(&g_cs);
    if (got) LeaveCriticalSection(&g_cs);
    return (DWORD)got;
}

static void test_instance(void) {
    g_ret_event = CreateEventA(NULL, TRUE, FALSE, NULL);
    PTP_WORK w1 = CreateThreadpoolWork(instance_work, (PVOID)1, NULL);
    SubmitThreadpoolWork(w1);
    WaitForThreadpoolWorkCallbacks(w1, FALSE);
    CHECK(!g_seen_before_return && WaitForSingleObject(g_ret_event, 0) == WAIT_OBJECT_0, "SetEventWhenCallbackReturns: after the return, before the wait ends");
    CloseThreadpoolWork(w1);

    InitializeCriticalSection(&g_cs);
    PTP_WORK w2 = CreateThreadpoolWork(instance_work, (PVOID)2, NULL);
    SubmitThreadpoolWork(w2);
    WaitForThreadpoolWorkCallbacks(w2, FALSE);
    HANDLE th = CreateThread(NULL, 0, try_enter, NULL, 0, NULL);
    DWORD got = 0;
    WaitForSingleObject(th, 5000);
    GetExitCodeThread(th, &got);
    CHECK(got == TRUE, "LeaveCriticalSectionWhenCallbackReturns released it");
    CloseHandle(th);
    CloseThreadpoolWork(w2);
    DeleteCriticalSection(&g_cs);

    ResetEvent(g_gate);
    PTP_WORK w3 = CreateThreadpoolWork(instance_work, (PVOID)3, NULL);
    SubmitThreadpoolWork(w3);
    WaitForSingleObject(g_started, 5000);
    ULONGLONG start = GetTickCount64();
    WaitForThreadpoolWorkCallbacks(w3, FALSE);
    CHECK(GetTickCount64() - start < 1000, "DisassociateCurrentThreadFromCallback: the wait does not wait for it");
    SetEvent(g_gate);
    CloseThreadpoolWork(w3);

    SetLastError(0);
    SetEventWhenCallbackReturns((PTP_CALLBACK_INSTANCE)(ULONG_PTR)0x1230, g_ret_event); /* not a running callback: ignored */
    CHECK(WaitForSingleObject(g_ret_event, 0) == WAIT_OBJECT_0, "an instance outside its callback is ignored");
    CloseHandle(g_ret_event);
}

static volatile LONG g_io_hits;
static volatile ULONG g_io_result;
static volatile ULONG_PTR g_io_bytes;
static volatile PVOID g_io_ov;
static VOID CALLBACK on_io(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PVOID ov, ULONG result, ULONG_PTR bytes, PTP_IO io) {
    (void)inst;
    (void)ctx;
    (void)io;
    g_io_ov = ov;
    g_io_result = result;
    g_io_bytes = bytes;
    InterlockedIncrement(&g_io_hits);
}

static void test_io(void) {
    char path[MAX_PATH + 32];
    GetTempPathA(MAX_PATH, path);
    strcat(path, "tp_io.bin");
    HANDLE f = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED | FILE_FLAG_DELETE_ON_CLOSE, NULL);
    PTP_IO io = CreateThreadpoolIo(f, on_io, NULL, NULL);
    CHECK(io != NULL, "CreateThreadpoolIo on a file (%u)", GetLastError());
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    g_io_hits = 0;
    StartThreadpoolIo(io);
    BOOL ok = WriteFile(f, "hello", 5, NULL, &ov);
    if (!ok && GetLastError() != ERROR_IO_PENDING) CancelThreadpoolIo(io);
    WaitForThreadpoolIoCallbacks(io, FALSE);
    CHECK(g_io_hits == 1 && g_io_result == NO_ERROR && g_io_bytes == 5 && g_io_ov == &ov, "write completion (%ld, %lu, %lu)", (long)g_io_hits, (unsigned long)g_io_result, (unsigned long)g_io_bytes);

    /* an operation that fails at once posts nothing: CancelThreadpoolIo, and the wait returns */
    memset(&ov, 0, sizeof ov);
    ov.Offset = 1000;
    char buf[8];
    StartThreadpoolIo(io);
    ok = ReadFile(f, buf, sizeof buf, NULL, &ov);
    CHECK(!ok && GetLastError() == ERROR_HANDLE_EOF, "read past the end fails at once");
    CancelThreadpoolIo(io);
    WaitForThreadpoolIoCallbacks(io, FALSE);
    CHECK_EQ(g_io_hits, 1, "no callback for it");

    /* a completion nobody announced is ignored */
    memset(&ov, 0, sizeof ov);
    WriteFile(f, "x", 1, NULL, &ov);
    Sleep(30);
    CHECK_EQ(g_io_hits, 1, "completion without StartThreadpoolIo: ignored");

    /* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: a synchronous success posts nothing */
    CHECK(SetFileCompletionNotificationModes(f, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS), "skip mode");
    memset(&ov, 0, sizeof ov);
    StartThreadpoolIo(io);
    if (ReadFile(f, buf, 5, NULL, &ov)) CancelThreadpoolIo(io);
    WaitForThreadpoolIoCallbacks(io, FALSE);
    CHECK_EQ(g_io_hits, 1, "skip mode: no callback, CancelThreadpoolIo balances the start");

    /* errors */
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    SetLastError(0);
    CHECK(CreateThreadpoolIo(ev, on_io, NULL, NULL) == NULL && GetLastError() == ERROR_INVALID_HANDLE, "an event is no I/O handle: %u", GetLastError());
    SetLastError(0);
    CHECK(CreateThreadpoolIo(f, on_io, NULL, NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "a handle bound already: %u", GetLastError());
    CloseHandle(ev);
    CloseHandle(f);
    WaitForThreadpoolIoCallbacks(io, TRUE);
    CloseThreadpoolIo(io);
}

static void test_errors(void) {
    SetLastError(0);
    CHECK(CreateThreadpoolWork(NULL, NULL, NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "NULL callback");
    PTP_WORK w = CreateThreadpoolWork(count_work, (PVOID)&g_count, NULL);
    SetLastError(0);
    CHECK(!CloseHandle((HANDLE)w) && GetLastError() == ERROR_INVALID_HANDLE, "CloseHandle is not for thread pool objects");
    CloseThreadpoolWork(w);
    SetLastError(0);
    SubmitThreadpoolWork(w);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE, "a closed work object: %u", GetLastError());
    PTP_TIMER t = CreateThreadpoolTimer(on_timer, NULL, NULL);
    SetLastError(0);
    SubmitThreadpoolWork((PTP_WORK)t);
    CHECK(GetLastError() == ERROR_INVALID_HANDLE, "a timer is not a work object");
    CloseThreadpoolTimer(t);
    SetLastError(0);
    CHECK(CreateThreadpool((PVOID)1) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "reserved must be NULL");
    PTP_POOL pool = CreateThreadpool(NULL);
    CHECK(SetThreadpoolThreadMinimum(pool, 2), "SetThreadpoolThreadMinimum");
    CloseThreadpool(pool);
    TP_CALLBACK_ENVIRON env;
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    SetLastError(0);
    CHECK(CreateThreadpoolWork(count_work, NULL, &env) == NULL && GetLastError() == ERROR_INVALID_HANDLE, "a closed pool in the environment");
}

int main(void) {
    g_gate = CreateEventA(NULL, TRUE, FALSE, NULL);
    g_started = CreateEventA(NULL, FALSE, FALSE, NULL);
    test_work();
    test_priorities();
    test_timers();
    test_waits();
    test_simple_and_groups();
    test_instance();
    test_io();
    test_errors();
    return ts_finish("win32_threadpool");
}
