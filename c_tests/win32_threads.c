/* Threads and critical sections: CreateThread (waitable handle, exit code, STILL_ACTIVE,
 * CREATE_SUSPENDED + ResumeThread), ExitThread, thread and process ids and pseudo handles,
 * Sleep/SleepEx timing, clocks, and recursive critical sections under contention. */
#include <windows.h>
#include <unistd.h>
#include "test_support.h"


static DWORD WINAPI returns_param(LPVOID p) { return (DWORD)(uintptr_t)p; }

/* 1 if this thread could enter the section p (then leaves it), else 0. */
static DWORD WINAPI try_section(LPVOID p) {
    if (!TryEnterCriticalSection((CRITICAL_SECTION *)p)) return 0;
    LeaveCriticalSection((CRITICAL_SECTION *)p);
    return 1;
}

/* Waits for thread t (at most 10 s), closes it, and returns its exit code (STILL_ACTIVE if it hung). */
static DWORD exit_code_of(HANDLE t) {
    DWORD code = STILL_ACTIVE;
    if (t && WaitForSingleObject(t, 10000) == WAIT_OBJECT_0) GetExitCodeThread(t, &code);
    if (t) CloseHandle(t);
    return code;
}

static HANDLE g_go;
static DWORD WINAPI waits_for_go(LPVOID p) {
    (void)p;
    WaitForSingleObject(g_go, INFINITE);
    return 7;
}

static volatile int g_after_exit;
static void level3(void) { ExitThread(1234); }
static void level2(void) { level3(); g_after_exit = 1; /* never reached: ExitThread unwinds past */ }
static void level1(void) { level2(); g_after_exit = 1; }
static DWORD WINAPI exits_early(LPVOID p) {
    (void)p;
    level1();
    g_after_exit = 1;
    return 0;
}

static volatile DWORD g_tid;
static DWORD WINAPI reports_id(LPVOID p) {
    (void)p;
    g_tid = GetCurrentThreadId();
    return 0;
}

static CRITICAL_SECTION g_cs;
static volatile long g_counter;
static volatile int g_inside;
static volatile int g_overlap;
#define CS_THREADS 8
#define CS_ROUNDS 20000
static DWORD WINAPI hammer(LPVOID p) {
    (void)p;
    for (int i = 0; i < CS_ROUNDS; i++) {
        EnterCriticalSection(&g_cs);
        EnterCriticalSection(&g_cs); /* recursive */
        if (g_inside++) g_overlap = 1;
        g_counter = g_counter + 1;
        g_inside--;
        LeaveCriticalSection(&g_cs);
        LeaveCriticalSection(&g_cs);
    }
    return 0;
}

static DWORD WINAPI try_enter_other(LPVOID p) {
    return TryEnterCriticalSection((CRITICAL_SECTION *)p) ? 1 : 0;
}

int main(void) {
    /* Exit code through the handle. */
    DWORD tid = 0, code = 0;
    HANDLE t = CreateThread(NULL, 0, returns_param, (LPVOID)(uintptr_t)42, 0, &tid);
    CHECK(t != NULL && tid != 0, "CreateThread");
    CHECK_EQ(WaitForSingleObject(t, 5000), WAIT_OBJECT_0, "thread handle signaled at exit");
    CHECK(GetExitCodeThread(t, &code) && code == 42, "exit code 42");
    CHECK_EQ(WaitForSingleObject(t, 0), WAIT_OBJECT_0, "stays signaled");
    CHECK(CloseHandle(t));

    /* STILL_ACTIVE while running; the handle is waitable with other objects. */
    g_go = CreateEventW(NULL, TRUE, FALSE, NULL);
    t = CreateThread(NULL, 0, waits_for_go, NULL, 0, NULL);
    CHECK(GetExitCodeThread(t, &code) && code == STILL_ACTIVE && code == 259, "STILL_ACTIVE");
    CHECK_EQ(WaitForSingleObject(t, 20), WAIT_TIMEOUT, "running thread not signaled");
    SetEvent(g_go);
    HANDLE pair[2] = {g_go, t};
    CHECK_EQ(WaitForMultipleObjects(2, pair, TRUE, 5000), WAIT_OBJECT_0, "wait-all event + thread");
    CHECK(GetExitCodeThread(t, &code) && code == 7, "exit code 7");
    CloseHandle(t);

    /* Closing the handle does not stop the thread. */
    ResetEvent(g_go);
    t = CreateThread(NULL, 0, waits_for_go, NULL, 0, NULL);
    CHECK(CloseHandle(t), "close a running thread's handle");
    SetEvent(g_go);
    Sleep(10);

    /* ExitThread from deep inside the thread's own C frames. */
    t = CreateThread(NULL, 0, exits_early, NULL, 0, NULL);
    CHECK_EQ(WaitForSingleObject(t, 5000), WAIT_OBJECT_0, "ExitThread ends the thread");
    CHECK(GetExitCodeThread(t, &code) && code == 1234, "ExitThread code");
    CHECK(!g_after_exit, "nothing ran after ExitThread");
    CloseHandle(t);

    /* CREATE_SUSPENDED + ResumeThread. */
    g_tid = 0;
    tid = 0;
    t = CreateThread(NULL, 0, reports_id, NULL, CREATE_SUSPENDED, &tid);
    Sleep(20);
    CHECK(g_tid == 0, "suspended thread has not run");
    CHECK_EQ(ResumeThread(t), 1, "previous suspend count");
    CHECK_EQ(WaitForSingleObject(t, 5000), WAIT_OBJECT_0, "resumed thread ran");
    CHECK(g_tid == tid && tid != GetCurrentThreadId(), "GetCurrentThreadId matches lpThreadId");
    CHECK_EQ(ResumeThread(t), 0, "not suspended");
    CloseHandle(t);

    /* Ids and pseudo handles. */
    CHECK(GetCurrentProcessId() == (DWORD)getpid(), "process id");
    CHECK(GetCurrentThread() == (HANDLE)(LONG_PTR)-2, "GetCurrentThread pseudo handle");
    CHECK(GetCurrentProcess() == (HANDLE)(LONG_PTR)-1, "GetCurrentProcess pseudo handle");
    CHECK(GetExitCodeThread(GetCurrentThread(), &code) && code == STILL_ACTIVE, "own exit code");

    /* Bad input. */
    SetLastError(0);
    CHECK(CreateThread(NULL, 0, NULL, NULL, 0, NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "NULL start routine");
    SetLastError(0);
    CHECK(!GetExitCodeThread(g_go, &code) && GetLastError() == ERROR_INVALID_HANDLE, "exit code of an event");
    SetLastError(0);
    CHECK(!GetExitCodeThread((HANDLE)(uintptr_t)0xABC0, &code) && GetLastError() == ERROR_INVALID_HANDLE, "forged thread");
    t = CreateThread(NULL, 0, returns_param, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    SetLastError(0);
    CHECK(!GetExitCodeThread(t, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL exit code pointer");
    CloseHandle(t);
    SetLastError(0);
    CHECK(!GetExitCodeThread(t, &code) && GetLastError() == ERROR_INVALID_HANDLE, "closed thread handle");

    /* Sleep and clocks. */
    uint64_t t0 = ts_now_ms();
    DWORD tick0 = GetTickCount();
    ULONGLONG tick64 = GetTickCount64();
    LARGE_INTEGER q0, q1, freq;
    CHECK(QueryPerformanceFrequency(&freq) && freq.QuadPart == 1000000000, "QPC frequency");
    CHECK(QueryPerformanceCounter(&q0));
    Sleep(50);
    CHECK(QueryPerformanceCounter(&q1));
    uint64_t dt = ts_now_ms() - t0;
    printf("  Sleep(50) took %llu ms\n", (unsigned long long)dt);
    CHECK(dt >= 50 && dt <= 70, "Sleep(50) between 50 and 70 ms");
    CHECK(GetTickCount() - tick0 >= 49 && GetTickCount() - tick0 <= 75, "GetTickCount advanced");
    CHECK(GetTickCount64() - tick64 >= 49, "GetTickCount64 advanced");
    CHECK((q1.QuadPart - q0.QuadPart) / 1000000 >= 50, "QPC advanced");
    t0 = ts_now_ms();
    CHECK_EQ(SleepEx(20, TRUE), 0, "SleepEx returns 0");
    CHECK(ts_now_ms() - t0 >= 20, "SleepEx slept");
    Sleep(0);
    SetLastError(0);
    CHECK(!QueryPerformanceCounter(NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "QPC NULL");

    /* Critical sections: recursion, TryEnter from another thread, contention. */
    InitializeCriticalSection(&g_cs);
    EnterCriticalSection(&g_cs);
    CHECK(TryEnterCriticalSection(&g_cs), "recursive TryEnter");
    t = CreateThread(NULL, 0, try_enter_other, &g_cs, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CHECK(GetExitCodeThread(t, &code) && code == 0, "other thread cannot enter an owned section");
    CloseHandle(t);
    LeaveCriticalSection(&g_cs);
    LeaveCriticalSection(&g_cs);
    t = CreateThread(NULL, 0, try_enter_other, &g_cs, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CHECK(GetExitCodeThread(t, &code) && code == 1, "free section can be entered");
    CloseHandle(t);
    DeleteCriticalSection(&g_cs); /* owned by the exited thread: warned, not freed */

    CHECK(InitializeCriticalSectionAndSpinCount(&g_cs, 4000), "spin count init");
    HANDLE hs[CS_THREADS];
    for (int i = 0; i < CS_THREADS; i++) hs[i] = CreateThread(NULL, 0, hammer, NULL, 0, NULL);
    CHECK_EQ(WaitForMultipleObjects(CS_THREADS, hs, TRUE, 30000), WAIT_OBJECT_0, "hammer threads done");
    for (int i = 0; i < CS_THREADS; i++) CloseHandle(hs[i]);
    CHECK_EQ(g_counter, CS_THREADS * CS_ROUNDS, "no lost increments");
    CHECK(!g_overlap, "mutual exclusion");
    DeleteCriticalSection(&g_cs);

    /* A zero-filled section works on first use (lazy), as many programs rely on static storage: it is
     * recursive for its owner and excludes other threads until the owner leaves. */
    static CRITICAL_SECTION zero;
    EnterCriticalSection(&zero);
    CHECK(TryEnterCriticalSection(&zero), "zero-filled section: the owner enters again");
    LeaveCriticalSection(&zero);
    CHECK_EQ(exit_code_of(CreateThread(NULL, 0, try_section, &zero, 0, NULL)), 0, "zero-filled section: owned, another thread cannot enter");
    LeaveCriticalSection(&zero);
    CHECK_EQ(exit_code_of(CreateThread(NULL, 0, try_section, &zero, 0, NULL)), 1, "zero-filled section: left, another thread enters");
    LeaveCriticalSection(&zero); /* not owned: ignored, no crash */
    EnterCriticalSection(&zero);
    CHECK(TryEnterCriticalSection(&zero), "zero-filled section: still usable after a stray leave");
    LeaveCriticalSection(&zero);
    LeaveCriticalSection(&zero);
    DeleteCriticalSection(&zero);

    /* Interlocked* (header inlines). */
    LONG v = 5;
    CHECK(InterlockedIncrement(&v) == 6 && InterlockedCompareExchange(&v, 9, 6) == 6 && v == 9, "Interlocked");

    CloseHandle(g_go);
    return ts_finish("win32_threads");
}
