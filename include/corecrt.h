/*
 * corecrt.h - the MSVC C runtime functions Windows programs use beyond ISO C (winhttpapi), and the UTF-16
 * versions of the wide C functions for programs built with -fshort-wchar. Included by windows.h and tchar.h,
 * so a Windows program gets them where MSVC's string.h / stdlib.h / stdio.h / wchar.h would give them.
 *
 * Behaviour follows the MSVC runtime (UCRT):
 *  - The _s functions check their arguments. A bad one calls the invalid parameter handler with errno already
 *    set; the default handler ends the process (MSVC release builds do the same), so install one with
 *    _set_invalid_parameter_handler to get the documented error returns (EINVAL, ERANGE, -1) instead.
 *    Truncation asked for with _TRUNCATE returns STRUNCATE (strncpy_s...) or -1 (_snprintf_s...), no handler.
 *  - _stricmp, _wcsicmp and friends fold ASCII letters only, as MSVC does in the "C" locale.
 *  - _wtol, _ltoa, _ltow treat `long` as Windows does (32 bits): values are clamped / taken as 32-bit.
 *  - The formatting functions use Windows meanings: in W functions %s is a WCHAR string and %S a char string,
 *    in A functions the reverse; %hs / %ls / %ws are explicit; %l on an integer is 32-bit, %I64 / %ll 64-bit,
 *    %I / %z pointer-sized. char strings are UTF-8.
 *  - _wfopen, _wfopen_s and fopen_s read a '\' in a path as '/', as CreateFile does.
 *
 * With -fshort-wchar (16-bit wchar_t) the wide functions here are renamed to their UTF-16 exports
 * (<name>_w16), and glibc's own wide functions (wcslen ... swprintf, wprintf, wcstombs), which read 32-bit
 * units, are redirected to UTF-16 versions by assembler name, so plain calls, std:: calls through
 * <cwchar>/<cstring> and function pointers all reach them, whatever the include order. Their limits:
 * the "C" locale (wcscoll is wcscmp, case folding is simple Unicode lowercasing), multibyte strings are
 * UTF-8, wprintf/fwprintf/fputws write UTF-8 bytes (the stream must not be wide-oriented), and glibc's
 * narrow printf cannot print a 16-bit string (%ls): use the MSVC names (printf_s, sprintf_s) for that.
 * glibc's fortified wrappers (_FORTIFY_SOURCE with optimisation) call 32-bit checkers, so -fshort-wchar
 * programs must be built without them.
 */
#ifndef WINHTTPAPI_CORECRT_H
#define WINHTTPAPI_CORECRT_H

#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#if defined(__SIZEOF_WCHAR_T__) && __SIZEOF_WCHAR_T__ == 2 && !defined(WINHTTPAPI_SHORT_WCHAR)
#define WINHTTPAPI_SHORT_WCHAR 1
#endif
#if defined(WINHTTPAPI_SHORT_WCHAR) && defined(__USE_FORTIFY_LEVEL) && __USE_FORTIFY_LEVEL > 0
#error "winhttpapi: -fshort-wchar programs must be built without _FORTIFY_SOURCE (add -U_FORTIFY_SOURCE): glibc's fortified wide functions read 32-bit wchar_t"
#endif

#ifndef __cdecl
#define __cdecl
#endif
#ifndef _ACRTIMP
#define _ACRTIMP
#endif

#ifndef _ERRNO_T_DEFINED
#define _ERRNO_T_DEFINED
typedef int errno_t;
#endif
#ifndef _RSIZE_T_DEFINED
#define _RSIZE_T_DEFINED
typedef size_t rsize_t;
#endif
#define _TRUNCATE ((size_t)-1)
#ifndef STRUNCATE
#define STRUNCATE 80
#endif
#define _NLSCMPERROR 2147483647
#ifndef _countof
#define _countof(_Array) (sizeof(_Array) / sizeof((_Array)[0]))
#endif
typedef void(__cdecl *_invalid_parameter_handler)(const wchar_t *, const wchar_t *, const wchar_t *, unsigned int,
                                                   uintptr_t);

/* ---- -fshort-wchar: the UTF-16 exports of the functions that take WCHAR strings or format them ---- */
#ifdef WINHTTPAPI_SHORT_WCHAR
#define _wcsicmp _wcsicmp_w16
#define _wcsnicmp _wcsnicmp_w16
#define _wcsdup _wcsdup_w16
#define _wcslwr _wcslwr_w16
#define _wcsupr _wcsupr_w16
#define wcscpy_s wcscpy_s_w16
#define wcsncpy_s wcsncpy_s_w16
#define wcscat_s wcscat_s_w16
#define wcsncat_s wcsncat_s_w16
#define wcsnlen_s wcsnlen_s_w16
#define wmemcpy_s wmemcpy_s_w16
#define wmemmove_s wmemmove_s_w16
#define _wtoi _wtoi_w16
#define _wtol _wtol_w16
#define _wtoi64 _wtoi64_w16
#define _wtof _wtof_w16
#define _wcstoi64 _wcstoi64_w16
#define _wcstoui64 _wcstoui64_w16
#define _itow _itow_w16
#define _ltow _ltow_w16
#define _ultow _ultow_w16
#define _i64tow _i64tow_w16
#define _ui64tow _ui64tow_w16
#define _itow_s _itow_s_w16
#define _i64tow_s _i64tow_s_w16
#define _wfopen _wfopen_w16
#define _wfopen_s _wfopen_s_w16
#define sprintf_s sprintf_s_w16
#define vsprintf_s vsprintf_s_w16
#define _snprintf _snprintf_w16
#define _vsnprintf _vsnprintf_w16
#define _snprintf_s _snprintf_s_w16
#define _vsnprintf_s _vsnprintf_s_w16
#define _scprintf _scprintf_w16
#define _vscprintf _vscprintf_w16
#define swprintf_s swprintf_s_w16
#define vswprintf_s vswprintf_s_w16
#define _snwprintf _snwprintf_w16
#define _vsnwprintf _vsnwprintf_w16
#define _snwprintf_s _snwprintf_s_w16
#define _vsnwprintf_s _vsnwprintf_s_w16
#define _scwprintf _scwprintf_w16
#define _vscwprintf _vscwprintf_w16
#define printf_s printf_s_w16
#define vprintf_s vprintf_s_w16
#define fprintf_s fprintf_s_w16
#define vfprintf_s vfprintf_s_w16
#define wprintf_s wprintf_s_w16
#define vwprintf_s vwprintf_s_w16
#define fwprintf_s fwprintf_s_w16
#define vfwprintf_s vfwprintf_s_w16
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the invalid parameter handler ---- */
_ACRTIMP _invalid_parameter_handler __cdecl _set_invalid_parameter_handler(_invalid_parameter_handler _Handler);
_ACRTIMP _invalid_parameter_handler __cdecl _get_invalid_parameter_handler(void);
_ACRTIMP _invalid_parameter_handler __cdecl _set_thread_local_invalid_parameter_handler(
    _invalid_parameter_handler _Handler);
_ACRTIMP _invalid_parameter_handler __cdecl _get_thread_local_invalid_parameter_handler(void);

/* ---- strings ---- */
_ACRTIMP int __cdecl _stricmp(const char *_String1, const char *_String2);
_ACRTIMP int __cdecl _strnicmp(const char *_String1, const char *_String2, size_t _MaxCount);
_ACRTIMP int __cdecl _wcsicmp(const wchar_t *_String1, const wchar_t *_String2);
_ACRTIMP int __cdecl _wcsnicmp(const wchar_t *_String1, const wchar_t *_String2, size_t _MaxCount);
_ACRTIMP char *__cdecl _strdup(const char *_Source);
_ACRTIMP wchar_t *__cdecl _wcsdup(const wchar_t *_String);
_ACRTIMP char *__cdecl _strlwr(char *_String);
_ACRTIMP char *__cdecl _strupr(char *_String);
_ACRTIMP wchar_t *__cdecl _wcslwr(wchar_t *_String);
_ACRTIMP wchar_t *__cdecl _wcsupr(wchar_t *_String);
_ACRTIMP errno_t __cdecl strcpy_s(char *_Destination, rsize_t _SizeInBytes, const char *_Source);
_ACRTIMP errno_t __cdecl strncpy_s(char *_Destination, rsize_t _SizeInBytes, const char *_Source, rsize_t _MaxCount);
_ACRTIMP errno_t __cdecl strcat_s(char *_Destination, rsize_t _SizeInBytes, const char *_Source);
_ACRTIMP errno_t __cdecl strncat_s(char *_Destination, rsize_t _SizeInBytes, const char *_Source, rsize_t _MaxCount);
_ACRTIMP size_t __cdecl strnlen_s(const char *_String, size_t _MaxCount);
_ACRTIMP errno_t __cdecl wcscpy_s(wchar_t *_Destination, rsize_t _SizeInWords, const wchar_t *_Source);
_ACRTIMP errno_t __cdecl wcsncpy_s(wchar_t *_Destination, rsize_t _SizeInWords, const wchar_t *_Source,
                                   rsize_t _MaxCount);
_ACRTIMP errno_t __cdecl wcscat_s(wchar_t *_Destination, rsize_t _SizeInWords, const wchar_t *_Source);
_ACRTIMP errno_t __cdecl wcsncat_s(wchar_t *_Destination, rsize_t _SizeInWords, const wchar_t *_Source,
                                   rsize_t _MaxCount);
_ACRTIMP size_t __cdecl wcsnlen_s(const wchar_t *_Source, size_t _MaxCount);
_ACRTIMP errno_t __cdecl memcpy_s(void *_Destination, rsize_t _DestinationSize, const void *_Source,
                                  rsize_t _SourceSize);
_ACRTIMP errno_t __cdecl memmove_s(void *_Destination, rsize_t _DestinationSize, const void *_Source,
                                   rsize_t _SourceSize);
_ACRTIMP errno_t __cdecl wmemcpy_s(wchar_t *_S1, rsize_t _N1, const wchar_t *_S2, rsize_t _N);
_ACRTIMP errno_t __cdecl wmemmove_s(wchar_t *_S1, rsize_t _N1, const wchar_t *_S2, rsize_t _N);

/* ---- numbers ---- */
_ACRTIMP int __cdecl _wtoi(const wchar_t *_String);
_ACRTIMP long __cdecl _wtol(const wchar_t *_String);
_ACRTIMP long long __cdecl _wtoi64(const wchar_t *_String);
_ACRTIMP double __cdecl _wtof(const wchar_t *_String);
_ACRTIMP long long __cdecl _atoi64(const char *_String);
_ACRTIMP long long __cdecl _strtoi64(const char *_String, char **_EndPtr, int _Radix);
_ACRTIMP unsigned long long __cdecl _strtoui64(const char *_String, char **_EndPtr, int _Radix);
_ACRTIMP long long __cdecl _wcstoi64(const wchar_t *_String, wchar_t **_EndPtr, int _Radix);
_ACRTIMP unsigned long long __cdecl _wcstoui64(const wchar_t *_String, wchar_t **_EndPtr, int _Radix);
_ACRTIMP char *__cdecl _itoa(int _Value, char *_Buffer, int _Radix);
_ACRTIMP char *__cdecl _ltoa(long _Value, char *_Buffer, int _Radix);
_ACRTIMP char *__cdecl _ultoa(unsigned long _Value, char *_Buffer, int _Radix);
_ACRTIMP char *__cdecl _i64toa(long long _Value, char *_Buffer, int _Radix);
_ACRTIMP char *__cdecl _ui64toa(unsigned long long _Value, char *_Buffer, int _Radix);
_ACRTIMP errno_t __cdecl _itoa_s(int _Value, char *_Buffer, size_t _BufferCount, int _Radix);
_ACRTIMP errno_t __cdecl _i64toa_s(long long _Value, char *_Buffer, size_t _BufferCount, int _Radix);
_ACRTIMP wchar_t *__cdecl _itow(int _Value, wchar_t *_Buffer, int _Radix);
_ACRTIMP wchar_t *__cdecl _ltow(long _Value, wchar_t *_Buffer, int _Radix);
_ACRTIMP wchar_t *__cdecl _ultow(unsigned long _Value, wchar_t *_Buffer, int _Radix);
_ACRTIMP wchar_t *__cdecl _i64tow(long long _Value, wchar_t *_Buffer, int _Radix);
_ACRTIMP wchar_t *__cdecl _ui64tow(unsigned long long _Value, wchar_t *_Buffer, int _Radix);
_ACRTIMP errno_t __cdecl _itow_s(int _Value, wchar_t *_Buffer, size_t _BufferCount, int _Radix);
_ACRTIMP errno_t __cdecl _i64tow_s(long long _Value, wchar_t *_Buffer, size_t _BufferCount, int _Radix);

/* ---- files ---- */
_ACRTIMP errno_t __cdecl fopen_s(FILE **_Stream, const char *_FileName, const char *_Mode);
_ACRTIMP FILE *__cdecl _wfopen(const wchar_t *_FileName, const wchar_t *_Mode);
_ACRTIMP errno_t __cdecl _wfopen_s(FILE **_Stream, const wchar_t *_FileName, const wchar_t *_Mode);

/* ---- formatting ---- */
_ACRTIMP int __cdecl sprintf_s(char *_Buffer, size_t _BufferCount, const char *_Format, ...);
_ACRTIMP int __cdecl vsprintf_s(char *_Buffer, size_t _BufferCount, const char *_Format, va_list _ArgList);
_ACRTIMP int __cdecl _snprintf(char *_Buffer, size_t _BufferCount, const char *_Format, ...);
_ACRTIMP int __cdecl _vsnprintf(char *_Buffer, size_t _BufferCount, const char *_Format, va_list _ArgList);
_ACRTIMP int __cdecl _snprintf_s(char *_Buffer, size_t _BufferCount, size_t _MaxCount, const char *_Format, ...);
_ACRTIMP int __cdecl _vsnprintf_s(char *_Buffer, size_t _BufferCount, size_t _MaxCount, const char *_Format,
                                  va_list _ArgList);
_ACRTIMP int __cdecl _scprintf(const char *_Format, ...);
_ACRTIMP int __cdecl _vscprintf(const char *_Format, va_list _ArgList);
_ACRTIMP int __cdecl swprintf_s(wchar_t *_Buffer, size_t _BufferCount, const wchar_t *_Format, ...);
_ACRTIMP int __cdecl vswprintf_s(wchar_t *_Buffer, size_t _BufferCount, const wchar_t *_Format, va_list _ArgList);
_ACRTIMP int __cdecl _snwprintf(wchar_t *_Buffer, size_t _BufferCount, const wchar_t *_Format, ...);
_ACRTIMP int __cdecl _vsnwprintf(wchar_t *_Buffer, size_t _BufferCount, const wchar_t *_Format, va_list _ArgList);
_ACRTIMP int __cdecl _snwprintf_s(wchar_t *_Buffer, size_t _BufferCount, size_t _MaxCount, const wchar_t *_Format,
                                  ...);
_ACRTIMP int __cdecl _vsnwprintf_s(wchar_t *_Buffer, size_t _BufferCount, size_t _MaxCount,
                                   const wchar_t *_Format, va_list _ArgList);
_ACRTIMP int __cdecl _scwprintf(const wchar_t *_Format, ...);
_ACRTIMP int __cdecl _vscwprintf(const wchar_t *_Format, va_list _ArgList);
/* Output with Windows' meanings: the narrow forms write bytes (as printf), the wide forms in the default
 * build write through glibc's wide stream conversion (as wprintf: locale, orientation), with -fshort-wchar
 * UTF-8 bytes (as the UTF-16 wprintf). */
_ACRTIMP int __cdecl printf_s(const char *_Format, ...);
_ACRTIMP int __cdecl vprintf_s(const char *_Format, va_list _ArgList);
_ACRTIMP int __cdecl fprintf_s(FILE *_Stream, const char *_Format, ...);
_ACRTIMP int __cdecl vfprintf_s(FILE *_Stream, const char *_Format, va_list _ArgList);
_ACRTIMP int __cdecl wprintf_s(const wchar_t *_Format, ...);
_ACRTIMP int __cdecl vwprintf_s(const wchar_t *_Format, va_list _ArgList);
_ACRTIMP int __cdecl fwprintf_s(FILE *_Stream, const wchar_t *_Format, ...);
_ACRTIMP int __cdecl vfwprintf_s(FILE *_Stream, const wchar_t *_Format, va_list _ArgList);

#ifdef __cplusplus
}
#endif

/* ---- -fshort-wchar: glibc's wide functions redirected to their UTF-16 versions by assembler name ---- */
#ifdef WINHTTPAPI_SHORT_WCHAR
#define WINHTTPAPI_W16(name) __asm__(#name "_w16")
/* The same for functions glibc declares __THROW (noexcept in C++, where it must come before the label). */
#ifdef __cplusplus
#define WINHTTPAPI_W16_NT(name) __THROW __asm__(#name "_w16")
#else
#define WINHTTPAPI_W16_NT(name) __asm__(#name "_w16")
#endif
#ifdef __cplusplus
extern "C" {
#endif
extern size_t wcslen(const wchar_t *__s) WINHTTPAPI_W16_NT(wcslen);
extern size_t wcsnlen(const wchar_t *__s, size_t __maxlen) WINHTTPAPI_W16_NT(wcsnlen);
extern wchar_t *wcscpy(wchar_t *__restrict __dest, const wchar_t *__restrict __src) WINHTTPAPI_W16_NT(wcscpy);
extern wchar_t *wcsncpy(wchar_t *__restrict __dest, const wchar_t *__restrict __src, size_t __n) WINHTTPAPI_W16_NT(wcsncpy);
extern wchar_t *wcscat(wchar_t *__restrict __dest, const wchar_t *__restrict __src) WINHTTPAPI_W16_NT(wcscat);
extern wchar_t *wcsncat(wchar_t *__restrict __dest, const wchar_t *__restrict __src, size_t __n) WINHTTPAPI_W16_NT(wcsncat);
extern int wcscmp(const wchar_t *__s1, const wchar_t *__s2) WINHTTPAPI_W16_NT(wcscmp);
extern int wcsncmp(const wchar_t *__s1, const wchar_t *__s2, size_t __n) WINHTTPAPI_W16_NT(wcsncmp);
extern int wcscoll(const wchar_t *__s1, const wchar_t *__s2) WINHTTPAPI_W16_NT(wcscoll);
extern int wcscasecmp(const wchar_t *__s1, const wchar_t *__s2) WINHTTPAPI_W16_NT(wcscasecmp);
extern int wcsncasecmp(const wchar_t *__s1, const wchar_t *__s2, size_t __n) WINHTTPAPI_W16_NT(wcsncasecmp);
extern size_t wcsspn(const wchar_t *__wcs, const wchar_t *__accept) WINHTTPAPI_W16_NT(wcsspn);
extern size_t wcscspn(const wchar_t *__wcs, const wchar_t *__reject) WINHTTPAPI_W16_NT(wcscspn);
extern wchar_t *wcstok(wchar_t *__restrict __s, const wchar_t *__restrict __delim, wchar_t **__restrict __ptr) WINHTTPAPI_W16_NT(wcstok);
extern wchar_t *wcsdup(const wchar_t *__s) WINHTTPAPI_W16_NT(wcsdup);
extern long int wcstol(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr, int __base) WINHTTPAPI_W16_NT(wcstol);
extern unsigned long int wcstoul(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr, int __base) WINHTTPAPI_W16_NT(wcstoul);
__extension__ extern long long int wcstoll(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr,
                                           int __base) WINHTTPAPI_W16_NT(wcstoll);
__extension__ extern unsigned long long int wcstoull(const wchar_t *__restrict __nptr,
                                                     wchar_t **__restrict __endptr, int __base) WINHTTPAPI_W16_NT(wcstoull);
extern double wcstod(const wchar_t *__restrict __nptr, wchar_t **__restrict __endptr) WINHTTPAPI_W16_NT(wcstod);
extern wchar_t *wmemcpy(wchar_t *__restrict __s1, const wchar_t *__restrict __s2, size_t __n) WINHTTPAPI_W16_NT(wmemcpy);
extern wchar_t *wmemmove(wchar_t *__s1, const wchar_t *__s2, size_t __n) WINHTTPAPI_W16_NT(wmemmove);
extern wchar_t *wmemset(wchar_t *__s, wchar_t __c, size_t __n) WINHTTPAPI_W16_NT(wmemset);
extern int wmemcmp(const wchar_t *__s1, const wchar_t *__s2, size_t __n) WINHTTPAPI_W16_NT(wmemcmp);
extern size_t mbstowcs(wchar_t *__restrict __pwcs, const char *__restrict __s, size_t __n) WINHTTPAPI_W16_NT(mbstowcs);
extern size_t wcstombs(char *__restrict __s, const wchar_t *__restrict __pwcs, size_t __n) WINHTTPAPI_W16_NT(wcstombs);
extern int swprintf(wchar_t *__restrict __s, size_t __n, const wchar_t *__restrict __format, ...) WINHTTPAPI_W16_NT(swprintf);
extern int vswprintf(wchar_t *__restrict __s, size_t __n, const wchar_t *__restrict __format, __gnuc_va_list __arg)
    WINHTTPAPI_W16_NT(vswprintf);
extern int wprintf(const wchar_t *__restrict __format, ...) WINHTTPAPI_W16(wprintf);
extern int vwprintf(const wchar_t *__restrict __format, __gnuc_va_list __arg) WINHTTPAPI_W16(vwprintf);
extern int fwprintf(FILE *__restrict __stream, const wchar_t *__restrict __format, ...) WINHTTPAPI_W16(fwprintf);
extern int vfwprintf(FILE *__restrict __s, const wchar_t *__restrict __format, __gnuc_va_list __arg)
    WINHTTPAPI_W16(vfwprintf);
extern int fputws(const wchar_t *__restrict __ws, FILE *__restrict __stream) WINHTTPAPI_W16(fputws);
#if !defined(__cplusplus) || !defined(__CORRECT_ISO_CPP_WCHAR_H_PROTO)
extern wchar_t *wcschr(const wchar_t *__wcs, wchar_t __wc) WINHTTPAPI_W16_NT(wcschr);
extern wchar_t *wcsrchr(const wchar_t *__wcs, wchar_t __wc) WINHTTPAPI_W16_NT(wcsrchr);
extern wchar_t *wcsstr(const wchar_t *__haystack, const wchar_t *__needle) WINHTTPAPI_W16_NT(wcsstr);
extern wchar_t *wcspbrk(const wchar_t *__wcs, const wchar_t *__accept) WINHTTPAPI_W16_NT(wcspbrk);
extern wchar_t *wmemchr(const wchar_t *__s, wchar_t __c, size_t __n) WINHTTPAPI_W16_NT(wmemchr);
#endif
#ifdef __cplusplus
}
#endif
#if defined(__cplusplus) && defined(__CORRECT_ISO_CPP_WCHAR_H_PROTO)
/* glibc's const-correct C++ overloads: both are renamed to the one UTF-16 export. */
extern "C++" wchar_t *wcschr(wchar_t *__wcs, wchar_t __wc) WINHTTPAPI_W16_NT(wcschr);
extern "C++" const wchar_t *wcschr(const wchar_t *__wcs, wchar_t __wc) WINHTTPAPI_W16_NT(wcschr);
extern "C++" wchar_t *wcsrchr(wchar_t *__wcs, wchar_t __wc) WINHTTPAPI_W16_NT(wcsrchr);
extern "C++" const wchar_t *wcsrchr(const wchar_t *__wcs, wchar_t __wc) WINHTTPAPI_W16_NT(wcsrchr);
extern "C++" wchar_t *wcsstr(wchar_t *__haystack, const wchar_t *__needle) WINHTTPAPI_W16_NT(wcsstr);
extern "C++" const wchar_t *wcsstr(const wchar_t *__haystack, const wchar_t *__needle) WINHTTPAPI_W16_NT(wcsstr);
extern "C++" wchar_t *wcspbrk(wchar_t *__wcs, const wchar_t *__accept) WINHTTPAPI_W16_NT(wcspbrk);
extern "C++" const wchar_t *wcspbrk(const wchar_t *__wcs, const wchar_t *__accept) WINHTTPAPI_W16_NT(wcspbrk);
extern "C++" wchar_t *wmemchr(wchar_t *__s, wchar_t __c, size_t __n) WINHTTPAPI_W16_NT(wmemchr);
extern "C++" const wchar_t *wmemchr(const wchar_t *__s, wchar_t __c, size_t __n) WINHTTPAPI_W16_NT(wmemchr);
#endif
#endif /* WINHTTPAPI_SHORT_WCHAR */

/* ---- C++: the array forms MSVC's secure template overloads give (the size comes from the array) ---- */
#ifdef __cplusplus
template <size_t _Size> inline errno_t strcpy_s(char (&_Destination)[_Size], const char *_Source)
{
    return strcpy_s(_Destination, _Size, _Source);
}
template <size_t _Size> inline errno_t strcat_s(char (&_Destination)[_Size], const char *_Source)
{
    return strcat_s(_Destination, _Size, _Source);
}
template <size_t _Size> inline errno_t strncpy_s(char (&_Destination)[_Size], const char *_Source, size_t _Count)
{
    return strncpy_s(_Destination, _Size, _Source, _Count);
}
template <size_t _Size> inline errno_t strncat_s(char (&_Destination)[_Size], const char *_Source, size_t _Count)
{
    return strncat_s(_Destination, _Size, _Source, _Count);
}
template <size_t _Size> inline errno_t wcscpy_s(wchar_t (&_Destination)[_Size], const wchar_t *_Source)
{
    return wcscpy_s(_Destination, _Size, _Source);
}
template <size_t _Size> inline errno_t wcscat_s(wchar_t (&_Destination)[_Size], const wchar_t *_Source)
{
    return wcscat_s(_Destination, _Size, _Source);
}
template <size_t _Size>
inline errno_t wcsncpy_s(wchar_t (&_Destination)[_Size], const wchar_t *_Source, size_t _Count)
{
    return wcsncpy_s(_Destination, _Size, _Source, _Count);
}
template <size_t _Size>
inline errno_t wcsncat_s(wchar_t (&_Destination)[_Size], const wchar_t *_Source, size_t _Count)
{
    return wcsncat_s(_Destination, _Size, _Source, _Count);
}
template <size_t _Size> inline errno_t _itoa_s(int _Value, char (&_Buffer)[_Size], int _Radix)
{
    return _itoa_s(_Value, _Buffer, _Size, _Radix);
}
template <size_t _Size> inline errno_t _itow_s(int _Value, wchar_t (&_Buffer)[_Size], int _Radix)
{
    return _itow_s(_Value, _Buffer, _Size, _Radix);
}
template <size_t _Size> inline int vsprintf_s(char (&_Buffer)[_Size], const char *_Format, va_list _ArgList)
{
    return vsprintf_s(_Buffer, _Size, _Format, _ArgList);
}
template <size_t _Size> inline int sprintf_s(char (&_Buffer)[_Size], const char *_Format, ...)
{
    va_list _ArgList;
    va_start(_ArgList, _Format);
    int _Result = vsprintf_s(_Buffer, _Size, _Format, _ArgList);
    va_end(_ArgList);
    return _Result;
}
template <size_t _Size>
inline int _vsnprintf_s(char (&_Buffer)[_Size], size_t _MaxCount, const char *_Format, va_list _ArgList)
{
    return _vsnprintf_s(_Buffer, _Size, _MaxCount, _Format, _ArgList);
}
template <size_t _Size> inline int _snprintf_s(char (&_Buffer)[_Size], size_t _MaxCount, const char *_Format, ...)
{
    va_list _ArgList;
    va_start(_ArgList, _Format);
    int _Result = _vsnprintf_s(_Buffer, _Size, _MaxCount, _Format, _ArgList);
    va_end(_ArgList);
    return _Result;
}
template <size_t _Size> inline int vswprintf_s(wchar_t (&_Buffer)[_Size], const wchar_t *_Format, va_list _ArgList)
{
    return vswprintf_s(_Buffer, _Size, _Format, _ArgList);
}
template <size_t _Size> inline int swprintf_s(wchar_t (&_Buffer)[_Size], const wchar_t *_Format, ...)
{
    va_list _ArgList;
    va_start(_ArgList, _Format);
    int _Result = vswprintf_s(_Buffer, _Size, _Format, _ArgList);
    va_end(_ArgList);
    return _Result;
}
template <size_t _Size>
inline int _vsnwprintf_s(wchar_t (&_Buffer)[_Size], size_t _MaxCount, const wchar_t *_Format, va_list _ArgList)
{
    return _vsnwprintf_s(_Buffer, _Size, _MaxCount, _Format, _ArgList);
}
template <size_t _Size>
inline int _snwprintf_s(wchar_t (&_Buffer)[_Size], size_t _MaxCount, const wchar_t *_Format, ...)
{
    va_list _ArgList;
    va_start(_ArgList, _Format);
    int _Result = _vsnwprintf_s(_Buffer, _Size, _MaxCount, _Format, _ArgList);
    va_end(_ArgList);
    return _Result;
}
#endif /* __cplusplus */

#endif /* WINHTTPAPI_CORECRT_H */
