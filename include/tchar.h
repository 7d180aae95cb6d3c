/*
 * tchar.h - generic-text mappings (winhttpapi): _TCHAR and _t* names map to the wide (wcs*, w*printf)
 * functions when _UNICODE or UNICODE is defined, to the narrow C functions otherwise.
 *
 * Porting notes, Linux C library behaviour that a header cannot change:
 *  - glibc's wide printf reads %s as a narrow string (Windows: wide); use %ls in wide formats.
 *  - _tmain becomes wmain under _UNICODE; the C runtime on Linux only calls main, so link the project's
 *    winmain porting aid (a main that converts argv and calls wmain).
 *  - With -fshort-wchar the C library's wcs* functions do not understand 16-bit strings.
 */
#ifndef WINHTTPAPI_TCHAR_H
#define WINHTTPAPI_TCHAR_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include <ctype.h>

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
#define _tcsicmp wcscasecmp
#define _tcsnicmp wcsncasecmp
#define _tcscoll wcscoll
#define _tcschr wcschr
#define _tcsrchr wcsrchr
#define _tcsstr wcsstr
#define _tcsspn wcsspn
#define _tcscspn wcscspn
#define _tcspbrk wcspbrk
#define _tcsdup wcsdup
#define _tcstol wcstol
#define _tcstoul wcstoul
#define _tcstoll wcstoll
#define _tcstoull wcstoull
#define _tcstod wcstod
#define _tcsftime wcsftime
#define _ttoi(s) ((int)wcstol((s), NULL, 10))
#define _ttol(s) wcstol((s), NULL, 10)
#define _ttoi64(s) wcstoll((s), NULL, 10)
#define _tstoi _ttoi
#define _tstol _ttol

#define _tprintf wprintf
#define _ftprintf fwprintf
#define _stprintf swprintf
#define _sntprintf swprintf
#define _stprintf_s swprintf
#define _vtprintf vwprintf
#define _vftprintf vfwprintf
#define _vstprintf vswprintf
#define _vsntprintf vswprintf
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
#define _tcsicmp strcasecmp
#define _tcsnicmp strncasecmp
#define _tcscoll strcoll
#define _tcschr strchr
#define _tcsrchr strrchr
#define _tcsstr strstr
#define _tcsspn strspn
#define _tcscspn strcspn
#define _tcspbrk strpbrk
#define _tcsdup strdup
#define _tcstol strtol
#define _tcstoul strtoul
#define _tcstoll strtoll
#define _tcstoull strtoull
#define _tcstod strtod
#define _tcsftime strftime
#define _ttoi atoi
#define _ttol atol
#define _ttoi64 atoll
#define _tstoi atoi
#define _tstol atol

#define _tprintf printf
#define _ftprintf fprintf
#define _stprintf sprintf
#define _sntprintf snprintf
#define _stprintf_s snprintf
#define _vtprintf vprintf
#define _vftprintf vfprintf
#define _vstprintf vsprintf
#define _vsntprintf vsnprintf
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

#endif

#define _T(x) __T(x)
#define _TEXT(x) __T(x)

#endif /* WINHTTPAPI_TCHAR_H */
