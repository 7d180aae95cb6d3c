/* A stand-in library exporting some Win32 names, every one of which fails. check_ldpreload.sh links
 * prog.c against it, then shows that LD_PRELOAD of libwinhttpapi.so replaces all of them. */
#include <windows.h>

DWORD WINAPI GetLastError(void) { return 0xDEAD; }
VOID WINAPI SetLastError(DWORD dwErrCode) { (void)dwErrCode; }
HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES a, BOOL m, BOOL i, LPCWSTR n) { (void)a; (void)m; (void)i; (void)n; return NULL; }
BOOL WINAPI SetEvent(HANDLE h) { (void)h; return FALSE; }
DWORD WINAPI WaitForSingleObject(HANDLE h, DWORD ms) { (void)h; (void)ms; return WAIT_FAILED; }
BOOL WINAPI CloseHandle(HANDLE h) { (void)h; return FALSE; }
ULONGLONG WINAPI GetTickCount64(void) { return 0; }
int WINAPI MultiByteToWideChar(UINT cp, DWORD f, LPCCH s, int cb, LPWSTR w, int cch) {
    (void)cp; (void)f; (void)s; (void)cb; (void)w; (void)cch;
    return 0;
}
