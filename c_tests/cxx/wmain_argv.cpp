// A C++ program whose entry point is wmain, linked with -lwinmain (libwinmain_w16 with -fshort-wchar):
// g++ mangles wmain, and the porting aid's main still finds it. Run with: h\u00e9llo \U0001F600
#include <windows.h>
#include <cstdio>

int wmain(int argc, wchar_t *argv[])
{
    if (argc != 3) return 10;
    if (wcscmp(argv[1], L"h\u00e9llo") != 0) return 11;
    if (wcscmp(argv[2], L"\U0001F600") != 0) return 12;
    if (wcslen(argv[2]) != (sizeof(wchar_t) == 2 ? 2u : 1u)) return 13;
    std::printf("wmain(int, wchar_t *[]) ok\n");
    return 0;
}
