/* kernel32 additions as programs use them: GetSystemInfo / GetNativeSystemInfo and GetProcessAffinityMask
 * to size thread pools; CreateEventEx and named events shared through CreateEvent / OpenEvent; and
 * DuplicateHandle (a second handle that keeps the object alive, a real handle for the calling thread,
 * DUPLICATE_CLOSE_SOURCE, and the errors); and the handles that are not kernel handles (WinHTTP's HINTERNETs,
 * thread-pool objects), which CloseHandle and DuplicateHandle refuse without closing them. */
#define _GNU_SOURCE 1
#include <windows.h>
#include <winhttp.h>
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include "test_support.h"

static int popcount(DWORD_PTR m) {
    int n = 0;
    for (; m; m &= m - 1) n++;
    return n;
}

static void test_system_info(void) {
    SYSTEM_INFO si, ni;
    memset(&si, 0xcc, sizeof si);
    GetSystemInfo(&si);
    GetNativeSystemInfo(&ni);
    CHECK(si.dwPageSize == (DWORD)sysconf(_SC_PAGESIZE), "page size %u", si.dwPageSize);
    CHECK(si.dwNumberOfProcessors == (DWORD)sysconf(_SC_NPROCESSORS_ONLN), "processors %u", si.dwNumberOfProcessors);
    CHECK(popcount(si.dwActiveProcessorMask) == (int)(si.dwNumberOfProcessors < 64 ? si.dwNumberOfProcessors : 64), "active mask %#llx", (unsigned long long)si.dwActiveProcessorMask);
    CHECK(si.dwAllocationGranularity == 65536 && si.dwAllocationGranularity % si.dwPageSize == 0, "granularity %u", si.dwAllocationGranularity);
#if defined(__x86_64__)
    CHECK(si.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_AMD64 && si.dwProcessorType == PROCESSOR_AMD_X8664, "x64: %u %u", si.wProcessorArchitecture, si.dwProcessorType);
    CHECK(si.wProcessorLevel >= 6, "processor level (family) %u", si.wProcessorLevel);
#elif defined(__aarch64__)
    CHECK(si.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_ARM64, "arm64: %u", si.wProcessorArchitecture);
#endif
    CHECK(si.dwOemId == ((DWORD)si.wReserved << 16 | si.wProcessorArchitecture), "dwOemId overlays the architecture");
    CHECK((ULONG_PTR)si.lpMinimumApplicationAddress < (ULONG_PTR)&si && (ULONG_PTR)&si < (ULONG_PTR)si.lpMaximumApplicationAddress, "the stack is inside the application address range");
    CHECK(memcmp(&si, &ni, sizeof si) == 0, "GetNativeSystemInfo == GetSystemInfo");
    GetSystemInfo(NULL); /* ignored */

    DWORD_PTR proc = 0, sys = 0;
    CHECK(GetProcessAffinityMask(GetCurrentProcess(), &proc, &sys), "GetProcessAffinityMask (%u)", GetLastError());
    cpu_set_t set;
    sched_getaffinity(0, sizeof set, &set);
    int n = CPU_COUNT(&set);
    CHECK(popcount(proc) == (n < 64 ? n : 64) && (proc & ~sys) == 0 && sys != 0, "process %#llx system %#llx", (unsigned long long)proc, (unsigned long long)sys);
    /* The usual use: as many workers as CPUs the process may use. */
    CHECK(popcount(proc) >= 1 && (DWORD)popcount(sys) >= si.dwNumberOfProcessors - (si.dwNumberOfProcessors > 64 ? si.dwNumberOfProcessors - 64 : 0), "system mask covers the processors");
    SetLastError(0);
    CHECK(!GetProcessAffinityMask(GetCurrentThread(), &proc, &sys) && GetLastError() == ERROR_INVALID_HANDLE, "not a process handle: %u", GetLastError());
    SetLastError(0);
    CHECK(!GetProcessAffinityMask(GetCurrentProcess(), NULL, &sys) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL output: %u", GetLastError());
}

static void test_events(void) {
    /* CreateEventEx flags, table. */
    static const struct {
        DWORD flags;
        int manual, initial;
    } rows[] = {
        {0, 0, 0},
        {CREATE_EVENT_MANUAL_RESET, 1, 0},
        {CREATE_EVENT_INITIAL_SET, 0, 1},
        {CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET, 1, 1},
    };
    for (size_t i = 0; i < 4; i++) {
        HANDLE e = CreateEventExW(NULL, NULL, rows[i].flags, EVENT_ALL_ACCESS);
        CHECK(e != NULL, "row %zu created", i);
        CHECK((WaitForSingleObject(e, 0) == WAIT_OBJECT_0) == rows[i].initial, "row %zu initial state", i);
        SetEvent(e);
        WaitForSingleObject(e, 0);
        CHECK((WaitForSingleObject(e, 0) == WAIT_OBJECT_0) == rows[i].manual, "row %zu reset mode", i);
        CloseHandle(e);
    }
    SetLastError(0);
    CHECK(CreateEventExA(NULL, NULL, 0x4, SYNCHRONIZE) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "unknown flag: %u", GetLastError());

    /* Named events: one object behind every handle of the name. */
    SetLastError(0xdeadbeef);
    HANDLE a = CreateEventA(NULL, TRUE, FALSE, "winhttpapi-test-event");
    CHECK(a != NULL && GetLastError() == 0, "new named event: last error %u", GetLastError());
    SetLastError(0);
    HANDLE b = CreateEventW(NULL, FALSE, TRUE, L"winhttpapi-test-event");
    CHECK(b != NULL && b != a && GetLastError() == ERROR_ALREADY_EXISTS, "same name: existing event, ERROR_ALREADY_EXISTS (%u)", GetLastError());
    CHECK(WaitForSingleObject(b, 0) == WAIT_TIMEOUT, "the second call's initial state is ignored");
    HANDLE c = OpenEventA(EVENT_MODIFY_STATE | SYNCHRONIZE, FALSE, "winhttpapi-test-event");
    HANDLE d = OpenEventW(SYNCHRONIZE, FALSE, L"Local\\winhttpapi-test-event");
    CHECK(c != NULL && d != NULL, "OpenEvent finds it (also under Local\\)");
    SetEvent(c);
    CHECK(WaitForSingleObject(a, 0) == WAIT_OBJECT_0 && WaitForSingleObject(d, 0) == WAIT_OBJECT_0, "set through one handle, seen through the others (manual reset from the first call)");
    ResetEvent(b);
    CHECK(WaitForSingleObject(d, 0) == WAIT_TIMEOUT, "reset through another");
    HANDLE x = CreateEventExA(NULL, "winhttpapi-test-event", 0, EVENT_ALL_ACCESS);
    CHECK(x != NULL && GetLastError() == ERROR_ALREADY_EXISTS, "CreateEventEx opens it too");
    CloseHandle(x);
    SetLastError(0);
    CHECK(OpenEventA(SYNCHRONIZE, FALSE, "WINHTTPAPI-TEST-EVENT") == NULL && GetLastError() == ERROR_FILE_NOT_FOUND, "names are case-sensitive: %u", GetLastError());
    SetLastError(0);
    CHECK(OpenEventA(SYNCHRONIZE, FALSE, "Global\\winhttpapi-test-event") == NULL && GetLastError() == ERROR_FILE_NOT_FOUND, "Global\\ is another namespace");
    SetLastError(0);
    CHECK(OpenEventA(SYNCHRONIZE, FALSE, NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "NULL name: %u", GetLastError());
    CloseHandle(a);
    CloseHandle(b);
    CloseHandle(c);
    CHECK(OpenEventA(SYNCHRONIZE, FALSE, "winhttpapi-test-event") != NULL, "alive while a handle is open");
    /* (that handle leaks on purpose; close it and the last of the name goes) */
    CloseHandle(d);
    SetLastError(0);
    HANDLE y = CreateEventA(NULL, FALSE, FALSE, "winhttpapi-test-other");
    CloseHandle(y);
    CHECK(OpenEventA(SYNCHRONIZE, FALSE, "winhttpapi-test-other") == NULL && GetLastError() == ERROR_FILE_NOT_FOUND, "the name goes with the last handle");
}

static DWORD WINAPI get_thread_handle(LPVOID p) {
    HANDLE *out = (HANDLE *)p;
    return DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), out, 0, FALSE, DUPLICATE_SAME_ACCESS) ? 7 : 1;
}

static void test_duplicate(void) {
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, NULL), d = NULL;
    CHECK(DuplicateHandle(GetCurrentProcess(), e, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_SAME_ACCESS), "duplicate an event (%u)", GetLastError());
    CHECK(d != NULL && d != e, "a new handle value");
    SetEvent(e);
    CHECK(WaitForSingleObject(d, 0) == WAIT_OBJECT_0, "same object");
    CloseHandle(e);
    CHECK(ResetEvent(d) && SetEvent(d), "the duplicate outlives the original");
    HANDLE d2 = NULL;
    CHECK(DuplicateHandle(GetCurrentProcess(), d, GetCurrentProcess(), &d2, 0, FALSE, DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS), "DUPLICATE_CLOSE_SOURCE");
    SetLastError(0);
    CHECK(!SetEvent(d) && GetLastError() == ERROR_INVALID_HANDLE, "the source is closed");
    CHECK(WaitForSingleObject(d2, 0) == WAIT_OBJECT_0, "the new handle works");
    CloseHandle(d2);

    /* A completion port keeps working until its last handle closes. */
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0), port2 = NULL;
    CHECK(DuplicateHandle(GetCurrentProcess(), port, GetCurrentProcess(), &port2, 0, FALSE, DUPLICATE_SAME_ACCESS), "duplicate a port");
    CloseHandle(port);
    DWORD bytes;
    ULONG_PTR key;
    LPOVERLAPPED ov;
    CHECK(PostQueuedCompletionStatus(port2, 5, 9, NULL) && GetQueuedCompletionStatus(port2, &bytes, &key, &ov, 1000) && bytes == 5 && key == 9, "the port lives on through the duplicate");
    CloseHandle(port2);

    /* A real handle to a thread from inside it: waitable, gives the exit code. */
    HANDLE th = NULL;
    HANDLE t = CreateThread(NULL, 0, get_thread_handle, &th, 0, NULL);
    CHECK(WaitForSingleObject(t, 5000) == WAIT_OBJECT_0 && th != NULL, "thread made its own handle");
    DWORD code = 0;
    CHECK(WaitForSingleObject(th, 5000) == WAIT_OBJECT_0 && GetExitCodeThread(th, &code) && code == 7, "it is the thread's handle (exit %u)", code);
    CloseHandle(th);
    CloseHandle(t);
    HANDLE me = NULL;
    CHECK(DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &me, 0, FALSE, DUPLICATE_SAME_ACCESS), "main thread's handle");
    CHECK(WaitForSingleObject(me, 0) == WAIT_TIMEOUT && GetExitCodeThread(me, &code) && code == STILL_ACTIVE, "running: not signaled, STILL_ACTIVE");
    CloseHandle(me);

    /* Errors. */
    e = CreateEventA(NULL, FALSE, FALSE, NULL);
    SetLastError(0);
    CHECK(!DuplicateHandle(GetCurrentProcess(), (HANDLE)(ULONG_PTR)0x12340, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_SAME_ACCESS) && GetLastError() == ERROR_INVALID_HANDLE, "bad source: %u", GetLastError());
    SetLastError(0);
    CHECK(!DuplicateHandle(e, e, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_SAME_ACCESS) && GetLastError() == ERROR_INVALID_HANDLE, "not a process: %u", GetLastError());
    SetLastError(0);
    CHECK(!DuplicateHandle(GetCurrentProcess(), GetCurrentProcess(), GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_SAME_ACCESS) && GetLastError() == ERROR_NOT_SUPPORTED, "the process itself: %u", GetLastError());
    SetLastError(0);
    CHECK(!DuplicateHandle(e, e, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_CLOSE_SOURCE) && !SetEvent(e), "DUPLICATE_CLOSE_SOURCE closes the source even on failure");
}

static VOID CALLBACK nothing_work(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work) {
    (void)inst; (void)ctx; (void)work;
}

static void test_not_kernel_handles(void) {
    HINTERNET ses = WinHttpOpen(L"win32_system", WINHTTP_ACCESS_TYPE_NO_PROXY, NULL, NULL, 0);
    CHECK(ses != NULL, "WinHttpOpen");
    SetLastError(0);
    CHECK(!CloseHandle(ses) && GetLastError() == ERROR_INVALID_HANDLE, "CloseHandle(HINTERNET): %u", GetLastError());
    HANDLE d = NULL;
    SetLastError(0);
    CHECK(!DuplicateHandle(GetCurrentProcess(), ses, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_CLOSE_SOURCE | DUPLICATE_SAME_ACCESS) && GetLastError() == ERROR_INVALID_HANDLE,
          "DuplicateHandle(HINTERNET): %u", GetLastError());
    DWORD timeout = 0, size = sizeof timeout;
    CHECK(WinHttpQueryOption(ses, WINHTTP_OPTION_CONNECT_TIMEOUT, &timeout, &size), "the session is still open (%u)", GetLastError());
    CHECK(WinHttpCloseHandle(ses), "WinHttpCloseHandle closes it (%u)", GetLastError());

    PTP_WORK work = CreateThreadpoolWork(nothing_work, NULL, NULL);
    CHECK(work != NULL, "CreateThreadpoolWork");
    SetLastError(0);
    CHECK(!CloseHandle((HANDLE)work) && GetLastError() == ERROR_INVALID_HANDLE, "CloseHandle(PTP_WORK): %u", GetLastError());
    CHECK(!DuplicateHandle(GetCurrentProcess(), (HANDLE)work, GetCurrentProcess(), &d, 0, FALSE, DUPLICATE_CLOSE_SOURCE), "DuplicateHandle(PTP_WORK) fails");
    SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    CloseThreadpoolWork(work);

    /* hTargetProcessHandle may be NULL with DUPLICATE_CLOSE_SOURCE: the call only closes the source. */
    HANDLE e = CreateEventA(NULL, TRUE, FALSE, NULL);
    CHECK(DuplicateHandle(GetCurrentProcess(), e, NULL, NULL, 0, FALSE, DUPLICATE_CLOSE_SOURCE), "close through DuplicateHandle (%u)", GetLastError());
    SetLastError(0);
    CHECK(!SetEvent(e) && GetLastError() == ERROR_INVALID_HANDLE, "the source is closed");
    e = CreateEventA(NULL, TRUE, FALSE, NULL);
    SetLastError(0);
    CHECK(!DuplicateHandle(GetCurrentProcess(), e, NULL, &d, 0, FALSE, DUPLICATE_SAME_ACCESS) && GetLastError() == ERROR_INVALID_HANDLE, "NULL target process without CLOSE_SOURCE");
    CHECK(CloseHandle(e), "the event stayed open");
}

int main(void) {
    test_system_info();
    test_not_kernel_handles();
    test_events();
    test_duplicate();
    return ts_finish("win32_system");
}
