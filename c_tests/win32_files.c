/* Files in the handle table: CreateFileA/W dispositions and their errors, ReadFile/WriteFile,
 * sizes, the file pointer, FlushFileBuffers, DeleteFileA/W, GetTempPathA/W, GetTempFileNameA/W,
 * and bad handles. */
#include <windows.h>
#include <string.h>
#include <wchar.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test_support.h"

static int mkdir_p(const char *d) { return mkdir(d, 0700) == 0 || access(d, F_OK) == 0 ? 0 : -1; }

static char g_dir[MAX_PATH];

static void path_of(char *out, const char *name) { snprintf(out, 2 * MAX_PATH, "%s%s", g_dir, name); }

int main(void) {
    DWORD len = GetTempPathA(MAX_PATH, g_dir);
    CHECK(len > 0 && len == strlen(g_dir) && g_dir[len - 1] == '/', "GetTempPathA");
    CHECK_EQ(GetTempPathA(1, g_dir), len + 1, "small buffer gives size with NUL");
    GetTempPathA(MAX_PATH, g_dir);
    WCHAR wdir[MAX_PATH];
    CHECK_EQ(GetTempPathW(MAX_PATH, wdir), len, "GetTempPathW");
    CHECK(wdir[len - 1] == L'/', "GetTempPathW ends in /");

    /* A private directory for this run. */
    char base[MAX_PATH];
    snprintf(base, sizeof base, "%swin32_files_%u/", g_dir, GetCurrentProcessId());
    CHECK(mkdir_p(base) == 0, "mkdir");
    strcpy(g_dir, base);

    char p[2 * MAX_PATH];
    path_of(p, "a.txt");
    DeleteFileA(p);

    /* Dispositions. */
    SetLastError(0);
    HANDLE h = CreateFileA(p, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "OPEN_EXISTING missing");
    SetLastError(0);
    h = CreateFileA(p, GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "TRUNCATE_EXISTING missing");
    char missing_dir[2 * MAX_PATH];
    path_of(missing_dir, "nodir/x.txt");
    SetLastError(0);
    h = CreateFileA(missing_dir, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND, "missing directory");

    SetLastError(77);
    h = CreateFileA(p, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "CREATE_NEW creates, last error 0");
    DWORD n = 0;
    CHECK(WriteFile(h, "0123456789", 10, &n, NULL) && n == 10, "WriteFile");
    CHECK(FlushFileBuffers(h), "FlushFileBuffers");
    DWORD high = 99;
    CHECK(GetFileSize(h, &high) == 10 && high == 0, "GetFileSize");
    LARGE_INTEGER sz;
    CHECK(GetFileSizeEx(h, &sz) && sz.QuadPart == 10, "GetFileSizeEx");

    /* File pointer. */
    CHECK_EQ(SetFilePointer(h, 2, NULL, FILE_BEGIN), 2, "SetFilePointer begin");
    char buf[32] = {0};
    CHECK(ReadFile(h, buf, 3, &n, NULL) && n == 3 && memcmp(buf, "234", 3) == 0, "read at pointer");
    CHECK_EQ(SetFilePointer(h, -1, NULL, FILE_CURRENT), 4, "SetFilePointer current");
    CHECK_EQ(SetFilePointer(h, -2, NULL, FILE_END), 8, "SetFilePointer end");
    LONG hi = 0;
    CHECK_EQ(SetFilePointer(h, 1, &hi, FILE_BEGIN), 1, "SetFilePointer with high part");
    CHECK_EQ(hi, 0, "high part");
    LARGE_INTEGER dist, pos;
    dist.QuadPart = 0;
    CHECK(SetFilePointerEx(h, dist, &pos, FILE_END) && pos.QuadPart == 10, "SetFilePointerEx end");
    CHECK(ReadFile(h, buf, sizeof buf, &n, NULL) && n == 0, "sync read at EOF: TRUE, 0 bytes");
    SetLastError(0);
    CHECK(SetFilePointer(h, -100, NULL, FILE_BEGIN) == INVALID_SET_FILE_POINTER && GetLastError() == ERROR_NEGATIVE_SEEK, "negative seek");
    dist.QuadPart = 0;
    SetLastError(0);
    CHECK(!SetFilePointerEx(h, dist, NULL, 7) && GetLastError() == ERROR_INVALID_PARAMETER, "bad move method");

    /* OVERLAPPED offset on a synchronous handle: pread/pwrite. */
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    ov.Offset = 5;
    CHECK(ReadFile(h, buf, 3, &n, &ov) && n == 3 && memcmp(buf, "567", 3) == 0, "read at OVERLAPPED offset");
    ov.Offset = 0xFFFFFFFF;
    ov.OffsetHigh = 0xFFFFFFFF;
    CHECK(WriteFile(h, "AB", 2, &n, &ov) && n == 2, "append via 0xFFFFFFFF offset");
    CHECK(GetFileSizeEx(h, &sz) && sz.QuadPart == 12, "appended");
    CHECK(CloseHandle(h));

    SetLastError(0);
    h = CreateFileA(p, GENERIC_READ, 0, NULL, CREATE_NEW, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_EXISTS, "CREATE_NEW existing");

    SetLastError(0);
    h = CreateFileA(p, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "OPEN_ALWAYS existing: ERROR_ALREADY_EXISTS");
    SetLastError(0);
    CHECK(!WriteFile(h, "x", 1, &n, NULL) && GetLastError() == ERROR_ACCESS_DENIED, "write on read-only handle");
    SetLastError(0);
    CHECK(!FlushFileBuffers(h) && GetLastError() == ERROR_ACCESS_DENIED, "flush on read-only handle");
    CloseHandle(h);

    SetLastError(0);
    h = CreateFileA(p, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "CREATE_ALWAYS existing: ERROR_ALREADY_EXISTS");
    CHECK(GetFileSize(h, NULL) == 0, "CREATE_ALWAYS truncates");
    SetLastError(0);
    CHECK(!ReadFile(h, buf, 1, &n, NULL) && GetLastError() == ERROR_ACCESS_DENIED, "read on write-only handle");
    WriteFile(h, "xyz", 3, &n, NULL);
    CloseHandle(h);
    h = CreateFileA(p, GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetFileSize(h, NULL) == 0, "TRUNCATE_EXISTING");
    CloseHandle(h);
    SetLastError(0);
    h = CreateFileA(p, GENERIC_READ, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER, "TRUNCATE_EXISTING needs write access");
    SetLastError(0);
    h = CreateFileA(p, GENERIC_READ, 0, NULL, 99, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER, "bad disposition");

    char q[2 * MAX_PATH];
    path_of(q, "b.txt");
    SetLastError(77);
    h = CreateFileA(q, GENERIC_WRITE, 0, NULL, OPEN_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == 0, "OPEN_ALWAYS new: last error 0");
    CloseHandle(h);
    SetLastError(77);
    h = CreateFileA(q, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE && GetLastError() == ERROR_ALREADY_EXISTS, "CREATE_ALWAYS again");
    CloseHandle(h);

    /* Directories and DeleteFile. */
    SetLastError(0);
    h = CreateFileA(base, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_ACCESS_DENIED, "directory without BACKUP_SEMANTICS");
    h = CreateFileA(base, GENERIC_READ, 0, NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "directory with BACKUP_SEMANTICS");
    CloseHandle(h);
    SetLastError(0);
    CHECK(!DeleteFileA(base) && GetLastError() == ERROR_ACCESS_DENIED, "DeleteFile on a directory");
    CHECK(DeleteFileA(q), "DeleteFileA");
    SetLastError(0);
    CHECK(!DeleteFileA(q) && GetLastError() == ERROR_FILE_NOT_FOUND, "DeleteFileA missing");

    /* Wide names, backslashes, FILE_FLAG_DELETE_ON_CLOSE. */
    WCHAR wname[MAX_PATH];
    swprintf(wname, MAX_PATH, L"%hs\x00e9t\x00e9.txt", base);
    h = CreateFileW(wname, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "CreateFileW with non-ASCII name");
    CHECK(WriteFile(h, "w", 1, &n, NULL));
    char utf8[2 * MAX_PATH];
    snprintf(utf8, sizeof utf8, "%s\xc3\xa9t\xc3\xa9.txt", base);
    HANDLE h2 = CreateFileA(utf8, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h2 != INVALID_HANDLE_VALUE, "same file by its UTF-8 name");
    CloseHandle(h2);
    CloseHandle(h);
    SetLastError(0);
    CHECK(CreateFileA(utf8, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL) == INVALID_HANDLE_VALUE && GetLastError() == ERROR_FILE_NOT_FOUND, "deleted on close");
    char bs[2 * MAX_PATH];
    snprintf(bs, sizeof bs, "%s", base);
    for (char *c = bs; *c; c++) if (*c == '/') *c = '\\';
    strcat(bs, "back.txt");
    h = CreateFileA(bs, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "backslash path");
    CloseHandle(h);
    char fwd[2 * MAX_PATH];
    path_of(fwd, "back.txt");
    CHECK(DeleteFileA(fwd), "backslashes were read as slashes");
    SetLastError(0);
    CHECK(CreateFileA(NULL, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL) == INVALID_HANDLE_VALUE && GetLastError() == ERROR_INVALID_PARAMETER, "NULL name");
    SetLastError(0);
    CHECK(CreateFileA("", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL) == INVALID_HANDLE_VALUE && GetLastError() == ERROR_PATH_NOT_FOUND, "empty name");

    /* GetTempFileName: creates with uUnique 0, only forms the name otherwise. */
    char tmp[MAX_PATH];
    UINT u = GetTempFileNameA(base, "abcdef", 0, tmp);
    CHECK(u != 0 && strncmp(tmp, base, strlen(base)) == 0 && strstr(tmp, "abc") && strstr(tmp, ".TMP"), "GetTempFileNameA unique: %s", tmp);
    h = CreateFileA(tmp, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(h != INVALID_HANDLE_VALUE, "temp file created");
    CloseHandle(h);
    CHECK(DeleteFileA(tmp));
    CHECK_EQ(GetTempFileNameA(base, "pre", 0x1234, tmp), 0x1234, "given unique");
    CHECK(strstr(tmp, "pre1234.TMP") != NULL, "name with the given number: %s", tmp);
    SetLastError(0);
    CHECK(CreateFileA(tmp, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL) == INVALID_HANDLE_VALUE, "not created with a given number");
    WCHAR wtmp[MAX_PATH], wbase[MAX_PATH];
    swprintf(wbase, MAX_PATH, L"%hs", base);
    u = GetTempFileNameW(wbase, L"w", 0, wtmp);
    CHECK(u != 0 && wcsstr(wtmp, L".TMP") != NULL, "GetTempFileNameW");
    CHECK(DeleteFileW(wtmp), "DeleteFileW");
    SetLastError(0);
    CHECK(GetTempFileNameA("/nonexistent-dir-xyz", "x", 0, tmp) == 0 && GetLastError() == ERROR_DIRECTORY, "missing directory: ERROR_DIRECTORY");

    /* Bad handles. */
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE bads[] = {ev, (HANDLE)(uintptr_t)0x4440, NULL, INVALID_HANDLE_VALUE};
    for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++) {
        SetLastError(0);
        CHECK(!ReadFile(bads[i], buf, 1, &n, NULL) && GetLastError() == ERROR_INVALID_HANDLE, "ReadFile bad %zu", i);
        SetLastError(0);
        CHECK(!WriteFile(bads[i], buf, 1, &n, NULL) && GetLastError() == ERROR_INVALID_HANDLE, "WriteFile bad %zu", i);
        SetLastError(0);
        CHECK(GetFileSize(bads[i], NULL) == INVALID_FILE_SIZE && GetLastError() == ERROR_INVALID_HANDLE, "GetFileSize bad %zu", i);
        SetLastError(0);
        CHECK(!GetFileSizeEx(bads[i], &sz) && GetLastError() == ERROR_INVALID_HANDLE, "GetFileSizeEx bad %zu", i);
        SetLastError(0);
        CHECK(SetFilePointer(bads[i], 0, NULL, FILE_BEGIN) == INVALID_SET_FILE_POINTER && GetLastError() == ERROR_INVALID_HANDLE, "SetFilePointer bad %zu", i);
        SetLastError(0);
        CHECK(!FlushFileBuffers(bads[i]) && GetLastError() == ERROR_INVALID_HANDLE, "Flush bad %zu", i);
    }
    CloseHandle(ev);
    h = CreateFileA(p, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    CloseHandle(h);
    SetLastError(0);
    CHECK(!ReadFile(h, buf, 1, &n, NULL) && GetLastError() == ERROR_INVALID_HANDLE, "ReadFile closed handle");
    h = CreateFileA(p, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    SetLastError(0);
    CHECK(!ReadFile(h, NULL, 5, &n, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL buffer");
    CloseHandle(h);
    CHECK(DeleteFileA(p));
    rmdir(base);
    return ts_finish("win32_files");
}
