/* Run-time linking: GetModuleHandleA/W, LoadLibraryA/W, GetProcAddress, FreeLibrary resolve
 * winhttp.dll, httpapi.dll and kernel32.dll (any case, with or without .dll) to this library. */
#include <windows.h>
#include <string.h>
#include <winhttp.h>
#include "test_support.h"

typedef DWORD(WINAPI *GetTickCount_t)(void);
typedef BOOL(WINAPI *SetEvent_t)(HANDLE);
typedef HINTERNET(WINAPI *WinHttpOpen_t)(LPCWSTR, DWORD, LPCWSTR, LPCWSTR, DWORD);
typedef BOOL(WINAPI *WinHttpCloseHandle_t)(HINTERNET);

int main(void) {
    static const char *const ours[] = {"winhttp.dll", "WINHTTP.DLL", "WinHttp", "httpapi.dll", "HTTPAPI",
                                       "kernel32.dll", "Kernel32", "C:\\Windows\\System32\\winhttp.dll"};
    HMODULE first = NULL;
    for (size_t i = 0; i < sizeof ours / sizeof ours[0]; i++) {
        HMODULE h = GetModuleHandleA(ours[i]);
        CHECK(h != NULL, "GetModuleHandleA(%s)", ours[i]);
        if (!first) first = h;
        CHECK(h == first, "same module for %s", ours[i]);
        HMODULE l = LoadLibraryA(ours[i]);
        CHECK(l == first, "LoadLibraryA(%s)", ours[i]);
        CHECK(FreeLibrary(l), "FreeLibrary(%s)", ours[i]);
    }
    CHECK(GetModuleHandleW(L"winhttp.dll") == first && LoadLibraryW(L"HttpApi.Dll") == first, "wide names");

    /* GetProcAddress gives our exports, which work through the pointer. */
    GetTickCount_t gtc = (GetTickCount_t)(void *)GetProcAddress(first, "GetTickCount");
    /* Two statements: the order of a subtraction's operands is unspecified, and a tick between them would wrap. */
    DWORD before = GetTickCount();
    DWORD through = gtc ? gtc() : 0;
    CHECK(gtc != NULL && through - before < 1000, "GetProcAddress(GetTickCount)");
    SetEvent_t se = (SetEvent_t)(void *)GetProcAddress(GetModuleHandleA("kernel32"), "SetEvent");
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    CHECK(se != NULL && se(ev) && WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "call through GetProcAddress");
    CloseHandle(ev);
    /* WinHTTP's exports come through the same way and work through the pointer. */
    HMODULE wh = LoadLibraryA("winhttp.dll");
    WinHttpOpen_t wopen = (WinHttpOpen_t)(void *)GetProcAddress(wh, "WinHttpOpen");
    WinHttpCloseHandle_t wclose = (WinHttpCloseHandle_t)(void *)GetProcAddress(wh, "WinHttpCloseHandle");
    HINTERNET session = wopen ? wopen(L"win32_modules", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0) : NULL;
    CHECK(wopen != NULL && wclose != NULL && session != NULL, "WinHttpOpen through GetProcAddress");
    CHECK(wclose != NULL && session != NULL && wclose(session), "WinHttpCloseHandle through GetProcAddress");
    CHECK(FreeLibrary(wh), "FreeLibrary(winhttp.dll)");

    /* Unknown names and modules. */
    SetLastError(0);
    CHECK(GetProcAddress(first, "NoSuchFunction") == NULL && GetLastError() == ERROR_PROC_NOT_FOUND, "unknown function");
    SetLastError(0);
    CHECK(GetProcAddress(first, "printf") == NULL && GetLastError() == ERROR_PROC_NOT_FOUND, "libc symbols are not ours");
    SetLastError(0);
    CHECK(GetProcAddress(first, (LPCSTR)(uintptr_t)5) == NULL && GetLastError() == ERROR_PROC_NOT_FOUND, "ordinal");
    SetLastError(0);
    CHECK(GetModuleHandleA("user32.dll") == NULL && GetLastError() == ERROR_MOD_NOT_FOUND, "user32 not found");
    SetLastError(0);
    CHECK(LoadLibraryA("libc.so.6") == NULL && GetLastError() == ERROR_MOD_NOT_FOUND, "no arbitrary libraries");
    SetLastError(0);
    CHECK(LoadLibraryW(L"winhttpx.dll") == NULL && GetLastError() == ERROR_MOD_NOT_FOUND, "near-miss name");
    SetLastError(0);
    CHECK(LoadLibraryA(NULL) == NULL && GetLastError() == ERROR_INVALID_PARAMETER, "LoadLibraryA(NULL)");
    SetLastError(0);
    CHECK(!FreeLibrary((HMODULE)(uintptr_t)0x1230) && GetLastError() == ERROR_INVALID_HANDLE, "FreeLibrary forged");
    SetLastError(0);
    CHECK(GetProcAddress((HMODULE)(uintptr_t)0x1230, "GetTickCount") == NULL && GetLastError() == ERROR_MOD_NOT_FOUND, "GetProcAddress forged module");

    /* NULL: the main program. */
    HMODULE self = GetModuleHandleA(NULL);
    CHECK(self != NULL, "GetModuleHandle(NULL)");
    CHECK(GetProcAddress(self, "GetTickCount") != NULL, "global scope through the main program");
    return ts_finish("win32_modules");
}
