/* The -fshort-wchar (UTF-16) entry points of the Win32 core, compiled with -fshort-wchar by
 * check_win32_w16.sh: the header routes every W-string function to its _w16 twin. No wcs* calls
 * (glibc's assume 4-byte wchar_t). */
#include <windows.h>
#include <ws2tcpip.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;
#define CHECK(c, what) do { if (c) passed++; else { failed++; printf("FAIL: %s (line %d, error %u)\n", what, __LINE__, GetLastError()); } } while (0)

static int wequal(const WCHAR *a, const WCHAR *b) {
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

int main(void) {
    WCHAR w[32];
    CHECK(sizeof(WCHAR) == 2, "2-byte WCHAR");
    int n = MultiByteToWideChar(CP_UTF8, 0, "a\xf0\x9f\x98\x80", -1, w, 32);
    CHECK(n == 4 && w[0] == 'a' && w[1] == 0xD83D && w[2] == 0xDE00 && w[3] == 0, "surrogate pair");
    char s[32];
    CHECK(WideCharToMultiByte(CP_UTF8, 0, w, -1, s, sizeof s, NULL, NULL) == 6 && strcmp(s, "a\xf0\x9f\x98\x80") == 0, "back to UTF-8");
    WCHAR lone[] = {'x', 0xDC00, 0};
    CHECK(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, lone, -1, s, sizeof s, NULL, NULL) == 0, "lone surrogate strict");
    CHECK(lstrlenW(L"h\x00e9llo") == 5, "lstrlenW");
    CHECK(GetModuleHandleW(L"WinHttp.dll") != NULL, "GetModuleHandleW");
    CHECK(LoadLibraryW(L"kernel32") != NULL, "LoadLibraryW");
    WCHAR dir[MAX_PATH];
    DWORD len = GetTempPathW(MAX_PATH, dir);
    CHECK(len > 0 && dir[len - 1] == '/', "GetTempPathW");
    WCHAR name[MAX_PATH];
    CHECK(GetTempFileNameW(dir, L"w16", 0, name) != 0, "GetTempFileNameW");
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "CreateFileW");
    CloseHandle(h);
    CHECK(GetFileAttributesW(name) == FILE_ATTRIBUTE_ARCHIVE, "GetFileAttributesW of a file");
    CHECK(GetFileAttributesW(dir) == FILE_ATTRIBUTE_DIRECTORY, "GetFileAttributesW of a folder");
    WIN32_FILE_ATTRIBUTE_DATA fad;
    CHECK(GetFileAttributesExW(name, GetFileExInfoStandard, &fad) && fad.nFileSizeLow == 0, "GetFileAttributesExW");
    CHECK(DeleteFileW(name), "DeleteFileW");
    CHECK(GetFileAttributesW(name) == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_FILE_NOT_FOUND, "GetFileAttributesW of a missing file");
    WCHAR msg[128];
    CHECK(FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, ERROR_ACCESS_DENIED, 0, msg, 128, NULL) == 19 &&
          wequal(msg, L"Access is denied.\r\n"), "FormatMessageW");
    HANDLE ev = CreateEventW(NULL, TRUE, TRUE, L"name\x00e9");
    CHECK(ev && WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "CreateEventW");
    HANDLE ev2 = OpenEventW(SYNCHRONIZE, FALSE, L"name\x00e9");
    HANDLE ev3 = OpenEventA(SYNCHRONIZE, FALSE, "name\xc3\xa9");
    CHECK(ev2 != NULL && ev3 != NULL, "OpenEventW / OpenEventA find the UTF-16 name");
    HANDLE ev4 = CreateEventExW(NULL, L"name\x00e9", 0, EVENT_ALL_ACCESS);
    CHECK(ev4 != NULL && GetLastError() == ERROR_ALREADY_EXISTS, "CreateEventExW opens it");
    CloseHandle(ev4);
    CloseHandle(ev3);
    CloseHandle(ev2);
    CloseHandle(ev);
    unsigned char ip6[16];
    WCHAR ip6text[INET6_ADDRSTRLEN];
    CHECK(InetPtonW(AF_INET6, L"2001:db8::1", ip6) == 1 && InetNtopW(AF_INET6, ip6, ip6text, INET6_ADDRSTRLEN) == ip6text &&
          wequal(ip6text, L"2001:db8::1"), "InetPtonW / InetNtopW");
    SOCKADDR_IN sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(8080);
    InetPtonW(AF_INET, L"127.0.0.1", &sin.sin_addr);
    WCHAR satext[32];
    DWORD salen = 32;
    CHECK(WSAAddressToStringW((LPSOCKADDR)&sin, sizeof sin, NULL, satext, &salen) == 0 && wequal(satext, L"127.0.0.1:8080") && salen == 15,
          "WSAAddressToStringW");
    OutputDebugStringW(L"w16\n");
    printf("win32_w16: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
