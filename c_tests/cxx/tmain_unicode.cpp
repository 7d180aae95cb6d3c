// The Visual Studio console template: _tmain under _UNICODE (built with -DUNICODE -D_UNICODE), in C++.
// Run with: h\u00e9llo \U0001F600
#include <windows.h>
#include <tchar.h>
#include <cstdio>

int _tmain(int argc, _TCHAR *argv[])
{
    TCHAR joined[64];
    if (argc != 3) return 10;
    if (_tcscmp(argv[1], _T("h\u00e9llo")) != 0) return 11;
    if (_stprintf_s(joined, _countof(joined), _T("%s+%s"), argv[1], argv[2]) < 0) return 12;
    if (_tcscmp(joined, _T("h\u00e9llo+\U0001F600")) != 0) return 13;
    std::printf("_tmain(int, _TCHAR *[]) under _UNICODE ok\n");
    return 0;
}
