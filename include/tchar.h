/*
 * tchar.h - generic-text mappings (winhttpapi): _TCHAR and _t* names map to the wide (wcs*, w*printf)
 * functions when _UNICODE or UNICODE is defined, to the narrow C functions otherwise.
 *
 * The MSVC names (_tcsicmp, _tcscpy_s, _stprintf_s, _tfopen, _itot ...) map to the MSVC runtime functions
 * of corecrt.h, which this library provides with MSVC's behaviour (Windows' %s/%S in the _s and _sn
 * printf forms); the ISO names map to the C library's.
 *
 * Porting notes:
 *  - glibc's wide printf (_tprintf, _ftprintf under UNICODE) reads %s as a narrow string (Windows: wide);
 *    use %ls there, or the MSVC forms (_tprintf_s, _stprintf_s, _sntprintf). With -fshort-wchar, corecrt.h gives
 *    the wide ISO functions UTF-16 versions with Windows' %s meaning.
 *  - _tmain becomes wmain under _UNICODE; the C runtime on Linux only calls main, so link the project's
 *    winmain porting aid (-lwinmain, or -lwinmain_w16 with -fshort-wchar: a main that converts argv and
 *    calls wmain). It finds wmain in C++ programs too, where g++ mangles the name.
 */
#ifndef WINHTTPAPI_TCHAR_H
#define WINHTTPAPI_TCHAR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include <ctype.h>
#include <corecrt.h>

#if (defined(UNICODE) || defined(_UNICODE)) && !defined(WINHTTPAPI_TCHAR_WIDE)
#define WINHTTPAPI_TCHAR_WIDE 1
#endif

#ifdef WINHTTPAPI_TCHAR_WIDE

typedef wchar_t _TCHAR;
typedef wchar_t _TSCHAR;
typedef wchar_t _TUCHAR;
typedef wchar_t _TXCHAR;
typedef wint_t _TINT;
#define __T(x) L##x
#define _TEOF WEOF

#define _tmain wmain
#define _tWinMain wWinMain
#define _tenviron _wenviron

#define _tcslen wcslen
#define _tcsnlen wcsnlen
#define _tcscpy wcscpy
#define _tcsncpy wcsncpy
#define _tcscat wcscat
#define _tcsncat wcsncat
#define _tcscmp wcscmp
#define _tcsncmp wcsncmp
#define _tcsicmp _wcsicmp
#define _tcsnicmp _wcsnicmp
#define _tcscoll wcscoll
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcsspn wcsspn
#define _tcscspn wcscspn
#define _tcspbrk wcspbrk
#define _tcsdup _wcsdup
#define _tcstol wcstol
#define _tcstoul wcstoul
#define _tcstoll wcstoll
#define _tcstoull wcstoull
#define _tcstod wcstod
#define _tcsftime wcsftime
#define _ttoi _wtoi
#define _ttol _wtol
#define _ttoi64 _wtoi64
#define _tstoi _wtoi
#define _tstol _wtol

#define _tprintf wprintf
#define _ftprintf fwprintf
#define _stprintf swprintf
#define _sntprintf _snwprintf
#define _stprintf_s swprintf_s
#define _vtprintf vwprintf
#define _vftprintf vfwprintf
#define _vstprintf vswprintf
#define _vsntprintf _vsnwprintf
#define _tscanf wscanf
#define _ftscanf fwscanf
#define _stscanf swscanf
#define _fgetts fgetws
#define _fputts fputws
#define _fgettc fgetwc
#define _fputtc fputwc
#define _gettc getwc
#define _puttc putwc
#define _gettchar getwchar
#define _puttchar putwchar
#define _ungettc ungetwc

#define _istalpha iswalpha
#define _istupper iswupper
#define _istlower iswlower
#define _istdigit iswdigit
#define _istxdigit iswxdigit
#define _istspace iswspace
#define _istpunct iswpunct
#define _istalnum iswalnum
#define _istprint iswprint
#define _istgraph iswgraph
#define _istcntrl iswcntrl
#define _totupper towupper
#define _totlower towlower

#define _tcscpy_s wcscpy_s
#define _tcsncpy_s wcsncpy_s
#define _tcscat_s wcscat_s
#define _tcsncat_s wcsncat_s
#define _tcsnlen_s wcsnlen_s
#define _tcslwr _wcslwr
#define _tcsupr _wcsupr
#define _tcstoi64 _wcstoi64
#define _tcstoui64 _wcstoui64
#define _ttof _wtof
#define _itot _itow
#define _ltot _ltow
#define _ultot _ultow
#define _i64tot _i64tow
#define _ui64tot _ui64tow
#define _itot_s _itow_s
#define _i64tot_s _i64tow_s
#define _vstprintf_s vswprintf_s
#define _tprintf_s wprintf_s
#define _ftprintf_s fwprintf_s
#define _vtprintf_s vwprintf_s
#define _vftprintf_s vfwprintf_s
#define _sntprintf_s _snwprintf_s
#define _vsntprintf_s _vsnwprintf_s
#define _sctprintf _scwprintf
#define _vsctprintf _vscwprintf
#define _tfopen _wfopen
#define _tfopen_s _wfopen_s

#else /* narrow */

typedef char _TCHAR;
typedef signed char _TSCHAR;
typedef unsigned char _TUCHAR;
typedef unsigned char _TXCHAR;
typedef int _TINT;
#define __T(x) x
#define _TEOF EOF

#define _tmain main
#define _tWinMain WinMain
#define _tenviron environ

#define _tcslen strlen
#define _tcsnlen strnlen
#define _tcscpy strcpy
#define _tcsncpy strncpy
#define _tcscat strcat
#define _tcsncat strncat
#define _tcscmp strcmp
#define _tcsncmp strncmp
#define _tcsicmp _stricmp
#define _tcsnicmp _strnicmp
#define _tcscoll strcoll
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcsspn strspn
#define _tcscspn strcspn
#define _tcspbrk strpbrk
#define _tcsdup _strdup
#define _tcstol strtol
#define _tcstoul strtoul
#define _tcstoll strtoll
#define _tcstoull strtoull
#define _tcstod strtod
#define _tcsftime strftime
#define _ttoi atoi
#define _ttol atol
#define _ttoi64 _atoi64
#define _tstoi atoi
#define _tstol atol

#define _tprintf printf
#define _ftprintf fprintf
#define _stprintf sprintf
#define _sntprintf _snprintf
#define _stprintf_s sprintf_s
#define _vtprintf vprintf
#define _vftprintf vfprintf
#define _vstprintf vsprintf
#define _vsntprintf _vsnprintf
#define _tscanf scanf
#define _ftscanf fscanf
#define _stscanf sscanf
#define _fgetts fgets
#define _fputts fputs
#define _fgettc fgetc
#define _fputtc fputc
#define _gettc getc
#define _puttc putc
#define _gettchar getchar
#define _puttchar putchar
#define _ungettc ungetc

#define _istalpha isalpha
#define _istupper isupper
#define _istlower islower
#define _istdigit isdigit
#define _istxdigit isxdigit
#define _istspace isspace
#define _istpunct ispunct
#define _istalnum isalnum
#define _istprint isprint
#define _istgraph isgraph
#define _istcntrl iscntrl
#define _totupper toupper
#define _totlower tolower

#define _tcscpy_s strcpy_s
#define _tcsncpy_s strncpy_s
#define _tcscat_s strcat_s
#define _tcsncat_s strncat_s
#define _tcsnlen_s strnlen_s
#define _tcslwr _strlwr
#define _tcsupr _strupr
#define _tcstoi64 _strtoi64
#define _tcstoui64 _strtoui64
#define _ttof atof
#define _itot _itoa
#define _ltot _ltoa
#define _ultot _ultoa
#define _i64tot _i64toa
#define _ui64tot _ui64toa
#define _itot_s _itoa_s
#define _i64tot_s _i64toa_s
#define _vstprintf_s vsprintf_s
#define _tprintf_s printf_s
#define _ftprintf_s fprintf_s
#define _vtprintf_s vprintf_s
#define _vftprintf_s vfprintf_s
#define _sntprintf_s _snprintf_s
#define _vsntprintf_s _vsnprintf_s
#define _sctprintf _scprintf
#define _vsctprintf _vscprintf
#define _tfopen fopen
#define _tfopen_s fopen_s

#endif

#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#endif /* WINHTTPAPI_TCHAR_H */
