/* Uses a few Win32 functions and exits 0 only if every one behaves as on Windows. */
#include <windows.h>
#include <stdio.h>

int main(void) {
    int bad = 0;
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (!ev) { puts("CreateEventW failed"); bad++; }
    if (!SetEvent(ev)) { puts("SetEvent failed"); bad++; }
    if (WaitForSingleObject(ev, 0) != WAIT_OBJECT_0) { puts("WaitForSingleObject failed"); bad++; }
    if (!CloseHandle(ev)) { puts("CloseHandle failed"); bad++; }
    SetLastError(ERROR_ACCESS_DENIED);
    if (GetLastError() != ERROR_ACCESS_DENIED) { puts("GetLastError failed"); bad++; }
    if (GetTickCount64() == 0) { puts("GetTickCount64 failed"); bad++; }
    WCHAR w[8];
    if (MultiByteToWideChar(CP_UTF8, 0, "abc", -1, w, 8) != 4) { puts("MultiByteToWideChar failed"); bad++; }
    printf("prog: %d failures\n", bad);
    return bad ? 1 : 0;
}
