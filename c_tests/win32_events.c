/* Events and waits: CreateEvent, SetEvent, ResetEvent, WaitForSingleObject(Ex),
 * WaitForMultipleObjects(Ex) (any/all, 64-handle limit, duplicates, timeouts), bad handles,
 * and a wait on a handle closed by another thread. */
#include <windows.h>
#include "test_support.h"

static HANDLE g_to_close;
static DWORD WINAPI close_later(LPVOID arg) {
    (void)arg;
    Sleep(30);
    CHECK(CloseHandle(g_to_close), "close from another thread");
    return 0;
}

static HANDLE g_to_set;
static DWORD WINAPI set_later(LPVOID arg) {
    Sleep((DWORD)(uintptr_t)arg);
    SetEvent(g_to_set);
    return 0;
}

/* A timed wait must end between ms and ms + 25 ms. The machine may be busy: a late wake-up is retried
 * (at most 3 tries); an early one fails at once. */
static void timed_wait(HANDLE h, DWORD ms) {
    uint64_t dt = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
        uint64_t t0 = ts_now_ms();
        CHECK_EQ(WaitForSingleObject(h, ms), WAIT_TIMEOUT, "timed wait");
        dt = ts_now_ms() - t0;
        printf("  WaitForSingleObject(%u ms) took %llu ms\n", ms, (unsigned long long)dt);
        if (dt < ms || dt <= ms + 25) break;
    }
    CHECK(dt >= ms && dt <= ms + 25, "timeout honoured: %llu ms for %u", (unsigned long long)dt, ms);
}

int main(void) {
    /* Manual-reset: stays signaled for every waiter until reset. */
    HANDLE manual = CreateEventW(NULL, TRUE, FALSE, NULL);
    CHECK(manual != NULL);
    CHECK_EQ(WaitForSingleObject(manual, 0), WAIT_TIMEOUT, "unsignaled manual");
    CHECK(SetEvent(manual));
    CHECK_EQ(WaitForSingleObject(manual, 0), WAIT_OBJECT_0, "signaled manual");
    CHECK_EQ(WaitForSingleObjectEx(manual, 0, TRUE), WAIT_OBJECT_0, "still signaled (Ex)");
    CHECK(ResetEvent(manual));
    CHECK_EQ(WaitForSingleObject(manual, 0), WAIT_TIMEOUT, "reset manual");

    /* Auto-reset: one wait consumes it; initial state honoured. */
    HANDLE autoev = CreateEventA(NULL, FALSE, TRUE, NULL);
    CHECK_EQ(WaitForSingleObject(autoev, 0), WAIT_OBJECT_0, "initially signaled auto");
    CHECK_EQ(WaitForSingleObject(autoev, 0), WAIT_TIMEOUT, "consumed auto");

    /* Timeouts honoured within a few milliseconds. */
    timed_wait(autoev, 50);
    timed_wait(autoev, 10);

    /* A wake-up from another thread arrives promptly. */
    g_to_set = autoev;
    uint64_t t0 = ts_now_ms();
    HANDLE th = CreateThread(NULL, 0, set_later, (LPVOID)(uintptr_t)20, 0, NULL);
    CHECK_EQ(WaitForSingleObject(autoev, 5000), WAIT_OBJECT_0, "woken by SetEvent");
    CHECK(ts_now_ms() - t0 < 500, "wake-up latency");
    WaitForSingleObject(th, INFINITE);
    CloseHandle(th);

    /* WaitForMultipleObjects: any returns the lowest signaled index. */
    HANDLE evs[3];
    for (int i = 0; i < 3; i++) evs[i] = CreateEventW(NULL, TRUE, FALSE, NULL);
    CHECK_EQ(WaitForMultipleObjects(3, evs, FALSE, 0), WAIT_TIMEOUT, "none signaled");
    SetEvent(evs[2]);
    CHECK_EQ(WaitForMultipleObjects(3, evs, FALSE, 0), WAIT_OBJECT_0 + 2, "index 2");
    SetEvent(evs[1]);
    CHECK_EQ(WaitForMultipleObjectsEx(3, evs, FALSE, 0, FALSE), WAIT_OBJECT_0 + 1, "lowest index wins");
    CHECK_EQ(WaitForMultipleObjects(3, evs, TRUE, 0), WAIT_TIMEOUT, "not all signaled");
    t0 = ts_now_ms();
    CHECK_EQ(WaitForMultipleObjects(3, evs, TRUE, 40), WAIT_TIMEOUT, "wait-all timeout");
    CHECK(ts_now_ms() - t0 >= 40 && ts_now_ms() - t0 < 70, "wait-all timeout honoured");
    SetEvent(evs[0]);
    CHECK_EQ(WaitForMultipleObjects(3, evs, TRUE, 0), WAIT_OBJECT_0, "all signaled");

    /* Wait-all consumes auto-reset events together. */
    HANDLE a2[2] = {CreateEventW(NULL, FALSE, TRUE, NULL), CreateEventW(NULL, FALSE, TRUE, NULL)};
    CHECK_EQ(WaitForMultipleObjects(2, a2, TRUE, 0), WAIT_OBJECT_0, "wait-all autos");
    CHECK_EQ(WaitForMultipleObjects(2, a2, FALSE, 0), WAIT_TIMEOUT, "both consumed");

    /* Duplicates: fine for wait-any, ERROR_INVALID_PARAMETER for wait-all. */
    HANDLE dup[2] = {manual, manual};
    SetEvent(manual);
    CHECK_EQ(WaitForMultipleObjects(2, dup, FALSE, 0), WAIT_OBJECT_0, "duplicate wait-any");
    SetLastError(0);
    CHECK_EQ(WaitForMultipleObjects(2, dup, TRUE, 0), WAIT_FAILED, "duplicate wait-all");
    CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER, "duplicate wait-all error");

    /* 64 handles is the limit; 65 and 0 are ERROR_INVALID_PARAMETER; NULL array too. */
    HANDLE many[65];
    for (int i = 0; i < 65; i++) many[i] = CreateEventW(NULL, TRUE, FALSE, NULL);
    SetEvent(many[63]);
    CHECK_EQ(WaitForMultipleObjects(64, many, FALSE, 0), WAIT_OBJECT_0 + 63, "64 handles");
    SetLastError(0);
    CHECK_EQ(WaitForMultipleObjects(65, many, FALSE, 0), WAIT_FAILED, "65 handles");
    CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER, "65 handles error");
    SetLastError(0);
    CHECK_EQ(WaitForMultipleObjects(0, many, FALSE, 0), WAIT_FAILED, "0 handles");
    CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER, "0 handles error");
    SetLastError(0);
    CHECK_EQ(WaitForMultipleObjects(2, NULL, FALSE, 0), WAIT_FAILED, "NULL array");
    CHECK_EQ(GetLastError(), ERROR_INVALID_PARAMETER, "NULL array error");
    for (int i = 0; i < 65; i++) CloseHandle(many[i]);

    /* Bad handles everywhere: closed, forged, NULL, INVALID_HANDLE_VALUE, pseudo. No crash. */
    HANDLE closed = CreateEventW(NULL, TRUE, TRUE, NULL);
    CloseHandle(closed);
    HANDLE bad[] = {closed, (HANDLE)(uintptr_t)0x12345678, (HANDLE)(uintptr_t)0x7fff0000deadbee0ULL, NULL,
                    INVALID_HANDLE_VALUE, (HANDLE)(uintptr_t)3};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        SetLastError(0);
        CHECK_EQ(WaitForSingleObject(bad[i], 0), WAIT_FAILED, "wait on bad handle");
        CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE, "wait on bad handle error");
        SetLastError(0);
        CHECK(!SetEvent(bad[i]) && GetLastError() == ERROR_INVALID_HANDLE, "SetEvent bad handle %zu", i);
        SetLastError(0);
        CHECK(!ResetEvent(bad[i]) && GetLastError() == ERROR_INVALID_HANDLE, "ResetEvent bad handle %zu", i);
        SetLastError(0);
        CHECK(!CloseHandle(bad[i]) && GetLastError() == ERROR_INVALID_HANDLE, "CloseHandle bad handle %zu", i);
        HANDLE mix[2] = {manual, bad[i]};
        SetLastError(0);
        CHECK_EQ(WaitForMultipleObjects(2, mix, FALSE, 0), WAIT_FAILED, "bad handle in array");
        CHECK_EQ(GetLastError(), ERROR_INVALID_HANDLE, "bad handle in array error");
    }
    /* A completion port is not an event. */
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    SetLastError(0);
    CHECK(!SetEvent(port) && GetLastError() == ERROR_INVALID_HANDLE, "SetEvent on a port");
    CloseHandle(port);

    /* A handle closed by another thread while we wait on it: no crash, the wait times out. */
    g_to_close = CreateEventW(NULL, TRUE, FALSE, NULL);
    th = CreateThread(NULL, 0, close_later, NULL, 0, NULL);
    t0 = ts_now_ms();
    CHECK_EQ(WaitForSingleObject(g_to_close, 150), WAIT_TIMEOUT, "wait on a handle closed meanwhile");
    CHECK(ts_now_ms() - t0 >= 150, "waited the full timeout");
    WaitForSingleObject(th, INFINITE);
    CloseHandle(th);
    SetLastError(0);
    CHECK(!SetEvent(g_to_close) && GetLastError() == ERROR_INVALID_HANDLE, "closed handle is dead");

    /* Named events are accepted (names ignored in one process). */
    HANDLE named = CreateEventW(NULL, TRUE, FALSE, L"Local\\test");
    CHECK(named != NULL);
    CloseHandle(named);

    for (int i = 0; i < 3; i++) CloseHandle(evs[i]);
    CloseHandle(a2[0]);
    CloseHandle(a2[1]);
    CloseHandle(manual);
    CloseHandle(autoev);
    return ts_finish("win32_events");
}
