// wmain with the environment (the three-argument form MSVC accepts), in C++. Run with WINMAIN_TEST=\u00e9t\u00e9.
#include <windows.h>
#include <cstdio>

int wmain(int argc, wchar_t **argv, wchar_t **envp)
{
    (void)argv;
    if (argc != 1) return 10;
    for (wchar_t **e = envp; *e; e++)
        if (wcscmp(*e, L"WINMAIN_TEST=\u00e9t\u00e9") == 0) {
            std::printf("wmain(int, wchar_t **, wchar_t **) ok\n");
            return 0;
        }
    return 11;
}
