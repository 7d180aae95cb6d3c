/* Completion ports and OVERLAPPED: CreateIoCompletionPort, Post/GetQueuedCompletionStatus(Ex),
 * 1,000 posting threads, a file handle bound to a port (ReadFile/WriteFile completions), the
 * low-bit-tagged event, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS, GetOverlappedResult(Ex),
 * CancelIo(Ex), and a port closed while a thread waits on it. */
#include <windows.h>
#include <string.h>
#include "test_support.h"

#define POSTERS 1000
#define PER_POSTER 5
static HANDLE g_port;

static DWORD WINAPI poster(LPVOID arg) {
    ULONG_PTR id = (ULONG_PTR)arg;
    for (DWORD i = 0; i < PER_POSTER; i++)
        if (!PostQueuedCompletionStatus(g_port, i, id, (LPOVERLAPPED)(uintptr_t)(0x1000 + i * 8))) return 1;
    return 0;
}

static HANDLE g_closing_port;
static DWORD WINAPI close_port_later(LPVOID arg) {
    (void)arg;
    Sleep(50);
    CloseHandle(g_closing_port);
    return 0;
}

static int no_packet(HANDLE port) {
    DWORD n = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED ov = (LPOVERLAPPED)1;
    BOOL ok = GetQueuedCompletionStatus(port, &n, &key, &ov, 0);
    return !ok && ov == NULL && GetLastError() == WAIT_TIMEOUT;
}

int main(void) {
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    CHECK(port != NULL, "create port");

    /* Post / get, FIFO, fields carried. */
    OVERLAPPED marker;
    CHECK(PostQueuedCompletionStatus(port, 11, 22, &marker));
    CHECK(PostQueuedCompletionStatus(port, 33, 44, NULL));
    DWORD n = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED ov = NULL;
    CHECK(GetQueuedCompletionStatus(port, &n, &key, &ov, 0));
    CHECK(n == 11 && key == 22 && ov == &marker, "first packet");
    CHECK(GetQueuedCompletionStatus(port, &n, &key, &ov, 0));
    CHECK(n == 33 && key == 44 && ov == NULL, "second packet");

    /* Timeout: FALSE, *lpOverlapped NULL, WAIT_TIMEOUT, honoured. */
    uint64_t t0 = ts_now_ms();
    ov = &marker;
    CHECK(!GetQueuedCompletionStatus(port, &n, &key, &ov, 50), "timeout returns FALSE");
    uint64_t dt = ts_now_ms() - t0;
    CHECK(ov == NULL && GetLastError() == WAIT_TIMEOUT, "timeout: NULL overlapped, WAIT_TIMEOUT");
    printf("  GetQueuedCompletionStatus(50 ms) took %llu ms\n", (unsigned long long)dt);
    CHECK(dt >= 50 && dt <= 75, "timeout honoured");

    /* GetQueuedCompletionStatusEx: several packets at once. */
    for (int i = 0; i < 5; i++) PostQueuedCompletionStatus(port, (DWORD)i, 100 + i, NULL);
    OVERLAPPED_ENTRY entries[3];
    ULONG removed = 99;
    CHECK(GetQueuedCompletionStatusEx(port, entries, 3, &removed, 0, FALSE));
    CHECK_EQ(removed, 3, "three removed");
    CHECK(entries[0].lpCompletionKey == 100 && entries[2].dwNumberOfBytesTransferred == 2, "entries in order");
    CHECK(GetQueuedCompletionStatusEx(port, entries, 3, &removed, 0, FALSE));
    CHECK_EQ(removed, 2, "two left");
    t0 = ts_now_ms();
    removed = 99;
    CHECK(!GetQueuedCompletionStatusEx(port, entries, 3, &removed, 30, TRUE), "Ex timeout");
    CHECK(GetLastError() == WAIT_TIMEOUT && removed == 0, "Ex timeout error");
    CHECK(ts_now_ms() - t0 >= 30, "Ex timeout honoured");
    SetLastError(0);
    CHECK(!GetQueuedCompletionStatusEx(port, entries, 0, &removed, 0, FALSE) && GetLastError() == ERROR_INVALID_PARAMETER, "ulCount 0");
    SetLastError(0);
    CHECK(!GetQueuedCompletionStatusEx(port, NULL, 3, &removed, 0, FALSE) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL entries");
    SetLastError(0);
    CHECK(!GetQueuedCompletionStatus(port, NULL, &key, &ov, 0) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL byte count");

    /* 1,000 threads posting to one port: nothing lost or duplicated. */
    g_port = port;
    static HANDLE threads[POSTERS];
    for (int i = 0; i < POSTERS; i++) {
        threads[i] = CreateThread(NULL, 64 * 1024, poster, (LPVOID)(uintptr_t)i, 0, NULL);
        if (!threads[i]) { CHECK(0, "CreateThread %d", i); break; }
    }
    static unsigned char seen[POSTERS][PER_POSTER];
    int got = 0, dups = 0, bad = 0;
    while (got < POSTERS * PER_POSTER) {
        if (!GetQueuedCompletionStatus(port, &n, &key, &ov, 10000)) break;
        if (key >= POSTERS || n >= PER_POSTER || (uintptr_t)ov != 0x1000 + n * 8) { bad++; continue; }
        if (seen[key][n]++) dups++;
        got++;
    }
    CHECK_EQ(got, POSTERS * PER_POSTER, "packets from 1,000 threads");
    CHECK_EQ(dups, 0, "duplicates");
    CHECK_EQ(bad, 0, "malformed packets");
    CHECK(no_packet(port), "nothing extra");
    DWORD code = 1;
    for (int i = 0; i < POSTERS; i++) {
        if (!threads[i]) continue;
        WaitForSingleObject(threads[i], INFINITE);
        GetExitCodeThread(threads[i], &code);
        if (code != 0) CHECK(0, "poster %d exit code %u", i, code);
        CloseHandle(threads[i]);
    }
    printf("  1,000 threads x %d packets: %d received, %d duplicates\n", PER_POSTER, got, dups);

    /* A file bound to the port: overlapped WriteFile/ReadFile complete through it. */
    char dir[MAX_PATH], path[MAX_PATH];
    GetTempPathA(sizeof dir, dir);
    CHECK(GetTempFileNameA(dir, "io", 0, path) != 0, "temp file");
    HANDLE f = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_FLAG_OVERLAPPED, NULL);
    CHECK(f != INVALID_HANDLE_VALUE, "open overlapped file");
    CHECK(CreateIoCompletionPort(f, port, 0xF11E, 0) == port, "bind file to port");
    SetLastError(0);
    CHECK(CreateIoCompletionPort(f, port, 1, 0) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "second bind");

    OVERLAPPED wov;
    memset(&wov, 0, sizeof wov);
    wov.Offset = 4;
    DWORD done = 0;
    CHECK(WriteFile(f, "hello", 5, &done, &wov), "overlapped write");
    CHECK(GetQueuedCompletionStatus(port, &n, &key, &ov, 1000), "write packet");
    CHECK(n == 5 && key == 0xF11E && ov == &wov, "write packet fields");
    CHECK(HasOverlappedIoCompleted(&wov), "completed");
    CHECK(GetOverlappedResult(f, &wov, &done, FALSE) && done == 5, "GetOverlappedResult write");
    LARGE_INTEGER size;
    CHECK(GetFileSizeEx(f, &size) && size.QuadPart == 9, "offset honoured (size 9)");

    /* A NULL OVERLAPPED on an overlapped handle is refused. */
    SetLastError(0);
    CHECK(!WriteFile(f, "x", 1, &done, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "overlapped handle needs OVERLAPPED");

    /* Tagged event: the event is set, no packet is queued. */
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    OVERLAPPED rov;
    char buf[16] = {0};
    memset(&rov, 0, sizeof rov);
    rov.Offset = 4;
    rov.hEvent = (HANDLE)((uintptr_t)ev | 1);
    CHECK(ReadFile(f, buf, 5, &done, &rov), "tagged read");
    CHECK(memcmp(buf, "hello", 5) == 0, "read data");
    CHECK_EQ(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "tagged event set");
    CHECK(no_packet(port), "tagged event suppresses the packet");
    CHECK(GetOverlappedResultEx(f, &rov, &done, 0, FALSE) && done == 5, "GetOverlappedResultEx tagged");

    /* Untagged event: event set and packet queued. */
    ResetEvent(ev);
    memset(&rov, 0, sizeof rov);
    rov.hEvent = ev;
    CHECK(ReadFile(f, buf, sizeof buf, &done, &rov), "event read");
    CHECK_EQ(done, 9, "read whole file");
    CHECK_EQ(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "event set");
    CHECK(GetQueuedCompletionStatus(port, &n, &key, &ov, 0) && ov == &rov && n == 9, "packet queued");

    /* Read at end of file: FALSE with ERROR_HANDLE_EOF and no packet. */
    memset(&rov, 0, sizeof rov);
    rov.Offset = 100;
    SetLastError(0);
    CHECK(!ReadFile(f, buf, 4, &done, &rov) && GetLastError() == ERROR_HANDLE_EOF, "EOF");
    CHECK(no_packet(port), "no packet for an immediate failure");
    CHECK(!GetOverlappedResult(f, &rov, &done, FALSE) && GetLastError() == ERROR_HANDLE_EOF, "EOF via GetOverlappedResult");

    /* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: success at once posts nothing. */
    SetLastError(0);
    CHECK(!SetFileCompletionNotificationModes(f, 0x80) && GetLastError() == ERROR_INVALID_PARAMETER, "bad mode");
    CHECK(SetFileCompletionNotificationModes(f, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS | FILE_SKIP_SET_EVENT_ON_HANDLE), "skip mode");
    memset(&rov, 0, sizeof rov);
    CHECK(ReadFile(f, buf, 4, &done, &rov) && done == 4, "read in skip mode");
    CHECK(no_packet(port), "skip mode posts nothing");
    SetLastError(0);
    CHECK(!SetFileCompletionNotificationModes((HANDLE)(uintptr_t)0x4444, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) && GetLastError() == ERROR_INVALID_HANDLE, "mode on bad handle");

    /* CancelIo / CancelIoEx: nothing pending. */
    CHECK(CancelIo(f), "CancelIo with nothing pending");
    SetLastError(0);
    CHECK(!CancelIoEx(f, NULL) && GetLastError() == ERROR_NOT_FOUND, "CancelIoEx nothing to cancel");
    SetLastError(0);
    CHECK(!CancelIoEx(f, &rov) && GetLastError() == ERROR_NOT_FOUND, "CancelIoEx one OVERLAPPED");
    SetLastError(0);
    CHECK(!CancelIoEx((HANDLE)(uintptr_t)0x5550, NULL) && GetLastError() == ERROR_INVALID_HANDLE, "CancelIoEx bad handle");
    SetLastError(0);
    CHECK(!CancelIo(NULL) && GetLastError() == ERROR_INVALID_HANDLE, "CancelIo NULL");
    CloseHandle(f);
    DeleteFileA(path);

    /* GetOverlappedResult(Ex) on an operation still pending. */
    OVERLAPPED pend;
    memset(&pend, 0, sizeof pend);
    pend.Internal = 0x103; /* STATUS_PENDING */
    pend.hEvent = ev;
    ResetEvent(ev);
    CHECK(!HasOverlappedIoCompleted(&pend), "pending");
    SetLastError(0);
    CHECK(!GetOverlappedResult(NULL, &pend, &done, FALSE) && GetLastError() == ERROR_IO_INCOMPLETE, "IO_INCOMPLETE");
    SetLastError(0);
    CHECK(!GetOverlappedResultEx(NULL, &pend, &done, 0, FALSE) && GetLastError() == ERROR_IO_INCOMPLETE, "Ex 0 ms: IO_INCOMPLETE");
    t0 = ts_now_ms();
    SetLastError(0);
    CHECK(!GetOverlappedResultEx(NULL, &pend, &done, 50, FALSE) && GetLastError() == WAIT_TIMEOUT, "Ex timeout: WAIT_TIMEOUT");
    dt = ts_now_ms() - t0;
    CHECK(dt >= 50 && dt <= 75, "Ex timeout honoured (%llu ms)", (unsigned long long)dt);
    pend.hEvent = NULL;
    t0 = ts_now_ms();
    CHECK(!GetOverlappedResultEx(NULL, &pend, &done, 30, FALSE) && GetLastError() == WAIT_TIMEOUT, "Ex without event: WAIT_TIMEOUT");
    CHECK(ts_now_ms() - t0 >= 30, "no-event timeout honoured");
    SetLastError(0);
    CHECK(!GetOverlappedResult(NULL, NULL, &done, FALSE) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL OVERLAPPED");

    /* Bad port handles. */
    SetLastError(0);
    CHECK(!PostQueuedCompletionStatus(ev, 0, 0, NULL) && GetLastError() == ERROR_INVALID_HANDLE, "post to an event");
    SetLastError(0);
    CHECK(!GetQueuedCompletionStatus((HANDLE)(uintptr_t)0x9990, &n, &key, &ov, 0) && GetLastError() == ERROR_INVALID_HANDLE, "forged port");
    SetLastError(0);
    CHECK(CreateIoCompletionPort(ev, port, 0, 0) == NULL, "events cannot be bound");
    CloseHandle(ev);

    /* A port closed by another thread while GetQueuedCompletionStatus waits on it. */
    g_closing_port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0);
    HANDLE th = CreateThread(NULL, 0, close_port_later, NULL, 0, NULL);
    ov = &marker;
    SetLastError(0);
    CHECK(!GetQueuedCompletionStatus(g_closing_port, &n, &key, &ov, 5000), "closed port wakes waiter");
    CHECK_EQ(GetLastError(), ERROR_ABANDONED_WAIT_0, "ERROR_ABANDONED_WAIT_0");
    CHECK(ov == NULL, "no overlapped from a closed port");
    WaitForSingleObject(th, INFINITE);
    CloseHandle(th);
    SetLastError(0);
    CHECK(!PostQueuedCompletionStatus(g_closing_port, 0, 0, NULL) && GetLastError() == ERROR_INVALID_HANDLE, "post to closed port");

    CloseHandle(port);
    SetLastError(0);
    CHECK(!CloseHandle(port) && GetLastError() == ERROR_INVALID_HANDLE, "double close");
    return ts_finish("win32_iocp");
}
