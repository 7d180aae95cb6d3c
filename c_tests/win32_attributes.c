/* GetFileAttributes(Ex)A/W as Windows programs use them: "does this file exist", "is it a folder", its
 * size and times, read-only files, hidden (dot) files, and the errors for missing files, missing folders
 * on the way, files used as folders, bad levels and NULL outputs. A table of paths and what each gives. */
#include <windows.h>
#include <string.h>
#include <wchar.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>
#include "test_support.h"

static char dir[2 * MAX_PATH];

static void make_file(const char *name, const char *content, mode_t mode) {
    char p[3 * MAX_PATH];
    snprintf(p, sizeof p, "%s%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (f) {
        fputs(content, f);
        fclose(f);
    }
    chmod(p, mode);
}

/* The usual "file exists" idiom of Windows programs. */
static BOOL FileExists(LPCSTR path) {
    DWORD a = GetFileAttributesA(path);
    return a != INVALID_FILE_ATTRIBUTES && !(a & FILE_ATTRIBUTE_DIRECTORY);
}

static void widen(const char *s, WCHAR *w, size_t cap) {
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++) w[i] = (WCHAR)(unsigned char)s[i];
    w[i] = 0;
}

int main(void) {
    char tmp[MAX_PATH];
    GetTempPathA(MAX_PATH, tmp);
    snprintf(dir, sizeof dir, "%swin32_attributes_%u/", tmp, GetCurrentProcessId());
    mkdir(dir, 0700);
    char sub[3 * MAX_PATH];
    snprintf(sub, sizeof sub, "%ssub", dir);
    mkdir(sub, 0700);
    make_file("plain.txt", "hello, world", 0644);
    make_file("readonly.txt", "ro", 0444);
    make_file(".hidden", "h", 0644);
    make_file("empty.bin", "", 0600);

    static const struct {
        const char *name; /* relative to dir; "\\" is a Windows separator */
        DWORD attributes; /* INVALID_FILE_ATTRIBUTES: fails with `error` */
        DWORD error;
        long long size;
    } rows[] = {
        {"plain.txt", FILE_ATTRIBUTE_ARCHIVE, 0, 12},
        {"readonly.txt", FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_READONLY, 0, 2},
        {".hidden", FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_HIDDEN, 0, 1},
        {"empty.bin", FILE_ATTRIBUTE_ARCHIVE, 0, 0},
        {"sub", FILE_ATTRIBUTE_DIRECTORY, 0, 0},
        {"sub\\", FILE_ATTRIBUTE_DIRECTORY, 0, 0},
        {"sub\\..\\plain.txt", FILE_ATTRIBUTE_ARCHIVE, 0, 12},
        {"", FILE_ATTRIBUTE_DIRECTORY, 0, 0},
        {"missing.txt", INVALID_FILE_ATTRIBUTES, ERROR_FILE_NOT_FOUND, -1},
        {"sub\\missing.txt", INVALID_FILE_ATTRIBUTES, ERROR_FILE_NOT_FOUND, -1},
        {"nodir\\missing.txt", INVALID_FILE_ATTRIBUTES, ERROR_PATH_NOT_FOUND, -1},
        {"nodir\\deeper\\x", INVALID_FILE_ATTRIBUTES, ERROR_PATH_NOT_FOUND, -1},
        {"plain.txt\\x", INVALID_FILE_ATTRIBUTES, ERROR_PATH_NOT_FOUND, -1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char path[3 * MAX_PATH];
        WCHAR wpath[3 * MAX_PATH];
        snprintf(path, sizeof path, "%s%s", dir, rows[i].name);
        widen(path, wpath, 3 * MAX_PATH);
        for (int wide = 0; wide < 2; wide++) {
            SetLastError(0xdeadbeef);
            DWORD a = wide ? GetFileAttributesW(wpath) : GetFileAttributesA(path);
            DWORD e = GetLastError();
            CHECK(a == rows[i].attributes, "row %zu %s%s: attributes %#x, want %#x", i, rows[i].name, wide ? " (W)" : "", a, rows[i].attributes);
            if (rows[i].attributes == INVALID_FILE_ATTRIBUTES)
                CHECK(e == rows[i].error, "row %zu %s: error %u, want %u", i, rows[i].name, e, rows[i].error);
            else
                CHECK(e == 0xdeadbeef, "row %zu: success leaves the last error alone (%u)", i, e);

            WIN32_FILE_ATTRIBUTE_DATA d;
            memset(&d, 0xcc, sizeof d);
            SetLastError(0xdeadbeef);
            BOOL ok = wide ? GetFileAttributesExW(wpath, GetFileExInfoStandard, &d)
                           : GetFileAttributesExA(path, GetFileExInfoStandard, &d);
            e = GetLastError();
            if (rows[i].attributes == INVALID_FILE_ATTRIBUTES) {
                CHECK(!ok && e == rows[i].error, "row %zu Ex: %d error %u", i, ok, e);
            } else {
                CHECK(ok && d.dwFileAttributes == rows[i].attributes, "row %zu Ex: %d %#x", i, ok, d.dwFileAttributes);
                long long size = ((long long)d.nFileSizeHigh << 32) | d.nFileSizeLow;
                CHECK(size == rows[i].size, "row %zu Ex size %lld, want %lld", i, size, rows[i].size);
            }
        }
    }

    /* Times: a FILETIME near now, creation not after last write, access and write set. */
    char p[3 * MAX_PATH];
    snprintf(p, sizeof p, "%splain.txt", dir);
    WIN32_FILE_ATTRIBUTE_DATA d;
    CHECK(GetFileAttributesExA(p, GetFileExInfoStandard, &d), "Ex on a file");
    FILETIME now;
    GetSystemTimeAsFileTime(&now);
    ULONGLONG w = ((ULONGLONG)d.ftLastWriteTime.dwHighDateTime << 32) | d.ftLastWriteTime.dwLowDateTime;
    ULONGLONG c = ((ULONGLONG)d.ftCreationTime.dwHighDateTime << 32) | d.ftCreationTime.dwLowDateTime;
    ULONGLONG a = ((ULONGLONG)d.ftLastAccessTime.dwHighDateTime << 32) | d.ftLastAccessTime.dwLowDateTime;
    ULONGLONG n = ((ULONGLONG)now.dwHighDateTime << 32) | now.dwLowDateTime;
    CHECK(w <= n + 10000000ULL && n - w < 600ULL * 10000000ULL, "last write within 10 minutes of now");
    CHECK(c != 0 && a != 0, "creation and access times set");
    SYSTEMTIME st;
    CHECK(FileTimeToSystemTime(&d.ftLastWriteTime, &st) && st.wYear >= 2024, "last write converts to a SYSTEMTIME (%u)", st.wYear);

    /* Errors of the call itself. */
    SetLastError(0);
    CHECK(!GetFileAttributesExA(p, GetFileExMaxInfoLevel, &d) && GetLastError() == ERROR_INVALID_PARAMETER, "bad level: %u", GetLastError());
    SetLastError(0);
    CHECK(!GetFileAttributesExA(p, GetFileExInfoStandard, NULL) && GetLastError() == ERROR_INVALID_PARAMETER, "NULL output: %u", GetLastError());
    SetLastError(0);
    CHECK(GetFileAttributesA(NULL) == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_INVALID_PARAMETER, "NULL name: %u", GetLastError());

    /* The idiom, through the generic names. */
    CHECK(FileExists(p), "FileExists(plain.txt)");
    CHECK(!FileExists(sub), "a folder is not a file");
    snprintf(p, sizeof p, "%sgone.txt", dir);
    CHECK(!FileExists(p), "a missing file");
    CHECK(GetFileAttributes(TEXT("/")) == FILE_ATTRIBUTE_DIRECTORY, "the root is a folder");

    /* A file deleted through the API disappears from GetFileAttributes. */
    make_file("gone.txt", "x", 0644);
    CHECK(FileExists(p), "created");
    CHECK(DeleteFileA(p), "DeleteFileA");
    SetLastError(0);
    CHECK(GetFileAttributesA(p) == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_FILE_NOT_FOUND, "after delete");

    const char *names[] = {"plain.txt", "readonly.txt", ".hidden", "empty.bin"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", dir, names[i]);
        unlink(p);
    }
    rmdir(sub);
    rmdir(dir);
    return ts_finish("win32_attributes");
}
