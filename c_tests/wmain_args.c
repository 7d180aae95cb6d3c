/* The wmain porting aid: a program whose entry point is wmain, linked with libwinmain.a, gets its
 * arguments as wide strings (UTF-8 argv converted). Run by ctest without arguments, it re-runs
 * itself with non-ASCII arguments and checks what its wmain saw. */
#include <windows.h>
#include <string.h>
#include <wchar.h>
#include "test_support.h"

int wmain(int argc, wchar_t **argv, wchar_t **envp) {
    if (argc >= 2 && wcscmp(argv[1], L"--child") == 0) {
        int ok = argc == 5 && wcscmp(argv[2], L"h\x00e9llo") == 0 && wcscmp(argv[3], L"\x1F600") == 0 &&
                 wcscmp(argv[4], L"a\xFFFD" L"b") == 0 && argv[5] == NULL && envp != NULL;
        return ok ? 0 : 3;
    }
    CHECK(argc >= 1 && argv[0] != NULL && wcslen(argv[0]) > 0, "argv[0]");
    CHECK(argv[argc] == NULL, "argv ends with NULL");
    char self[4096];
    WideCharToMultiByte(CP_UTF8, 0, argv[0], -1, self, sizeof self, NULL, NULL);
    const char *const child[] = {self, "--child", "h\xc3\xa9llo", "\xf0\x9f\x98\x80", "a\xff" "b", NULL};
    CHECK_EQ(ts_run(child, NULL, 0, 10000), 0, "child saw its arguments as wide strings");
    return ts_finish("wmain_args");
}
