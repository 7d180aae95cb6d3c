/* The C half of the C runtime's formatting functions, compiled into the library twice by build.rs: once
 * with the platform wchar_t (UTF-32) and once with -fshort-wchar (UTF-16), so each kind of caller gets a
 * formatter that reads its own WCHAR strings.
 *
 * - winhttpapi_crt_vformat32 / winhttpapi_crt_vformat16: strsafe.h's formatter (Windows meanings of %s,
 *   %S, %c, %C, %l, %I64, ...) in raw mode: stores at most `cap` units, no terminator, returns the units the
 *   whole output needs. The exported v-functions (src/ffi/crt.rs) decide truncation, terminators and errors.
 * - winhttpapi_impl_<name>: the C-variadic functions (sprintf_s, swprintf, ...). Stable Rust cannot define a
 *   C-variadic function, so each is a naked jump in src/ffi/crt.rs to this code, which takes the va_list
 *   and calls the exported (guarded) v-function of the same family.
 */
#include <strsafe.h>
#include <stdio.h>

#define WINHTTPAPI_CAT2(a, b) a##b
#define WINHTTPAPI_CAT(a, b) WINHTTPAPI_CAT2(a, b)
/* The body of `name` as the header spells it in this width (sprintf_s -> sprintf_s_w16 in UTF-16). The
 * suffix keeps it out of the library's exports (build.rs exports every `*_w16` symbol). */
#define IMPL(name) WINHTTPAPI_CAT(WINHTTPAPI_CAT(winhttpapi_impl_, name), _body)

#ifdef WINHTTPAPI_SHORT_WCHAR
#define VFORMAT winhttpapi_crt_vformat16
#define VFORMAT_ALLOC winhttpapi_crt_vformat16_alloc
#else
#define VFORMAT winhttpapi_crt_vformat32
#define VFORMAT_ALLOC winhttpapi_crt_vformat32_alloc
#endif

size_t VFORMAT(void *buf, size_t cap, int wide, const void *fmt, va_list ap);

size_t VFORMAT(void *buf, size_t cap, int wide, const void *fmt, va_list ap)
{
    return winhttpapi_ss_run(buf, cap, wide, 1, fmt, ap);
}

/* The whole output in a malloc'd buffer, terminated (the va_list can be read only once, so it is copied to
 * measure); returns its length in units. *out is NULL when memory ran out. */
size_t VFORMAT_ALLOC(void **out, int wide, const void *fmt, va_list ap);

size_t VFORMAT_ALLOC(void **out, int wide, const void *fmt, va_list ap)
{
    va_list copy;
    size_t n, unit = wide ? sizeof(wchar_t) : 1;
    va_copy(copy, ap);
    n = VFORMAT(NULL, 0, wide, fmt, copy);
    va_end(copy);
    *out = malloc((n + 1) * unit);
    if (*out != NULL) {
        (void)VFORMAT(*out, n, wide, fmt, ap);
        memset((char *)*out + n * unit, 0, unit);
    }
    return n;
}

#ifndef WINHTTPAPI_SHORT_WCHAR
/* `stdout` for the Rust side (a macro-like glibc variable it does not declare). */
FILE *winhttpapi_crt_stdout(void);

FILE *winhttpapi_crt_stdout(void)
{
    return stdout;
}
#endif

/* One C-variadic entry point over its v-function: `ret name(params, fmt, ...)` calls `vname(args, fmt, ap)`. */
#define VARIADIC(ret, name, vname, params, args, last)                                                            \
    ret IMPL(name) params;                                                                                         \
    ret IMPL(name) params                                                                                          \
    {                                                                                                              \
        va_list ap;                                                                                                \
        ret r;                                                                                                     \
        va_start(ap, last);                                                                                        \
        r = vname args;                                                                                            \
        va_end(ap);                                                                                                \
        return r;                                                                                                  \
    }

VARIADIC(int, sprintf_s, vsprintf_s, (char *b, size_t n, const char *f, ...), (b, n, f, ap), f)
VARIADIC(int, swprintf_s, vswprintf_s, (wchar_t *b, size_t n, const wchar_t *f, ...), (b, n, f, ap), f)
VARIADIC(int, _snprintf, _vsnprintf, (char *b, size_t n, const char *f, ...), (b, n, f, ap), f)
VARIADIC(int, _snwprintf, _vsnwprintf, (wchar_t *b, size_t n, const wchar_t *f, ...), (b, n, f, ap), f)
VARIADIC(int, _snprintf_s, _vsnprintf_s, (char *b, size_t n, size_t c, const char *f, ...), (b, n, c, f, ap), f)
VARIADIC(int, _snwprintf_s, _vsnwprintf_s, (wchar_t *b, size_t n, size_t c, const wchar_t *f, ...), (b, n, c, f, ap), f)
VARIADIC(int, _scprintf, _vscprintf, (const char *f, ...), (f, ap), f)
VARIADIC(int, _scwprintf, _vscwprintf, (const wchar_t *f, ...), (f, ap), f)
VARIADIC(int, printf_s, vprintf_s, (const char *f, ...), (f, ap), f)
VARIADIC(int, fprintf_s, vfprintf_s, (FILE *s, const char *f, ...), (s, f, ap), f)
VARIADIC(int, wprintf_s, vwprintf_s, (const wchar_t *f, ...), (f, ap), f)
VARIADIC(int, fwprintf_s, vfwprintf_s, (FILE *s, const wchar_t *f, ...), (s, f, ap), f)

#ifdef WINHTTPAPI_SHORT_WCHAR
/* The ISO wide functions, whose glibc versions read 32-bit units; the header renames them in this width. */
int winhttpapi_impl_swprintf_w16_body(wchar_t *b, size_t n, const wchar_t *f, ...);
int winhttpapi_impl_swprintf_w16_body(wchar_t *b, size_t n, const wchar_t *f, ...)
{
    va_list ap;
    int r;
    va_start(ap, f);
    r = vswprintf(b, n, f, ap);
    va_end(ap);
    return r;
}
int winhttpapi_impl_wprintf_w16_body(const wchar_t *f, ...);
int winhttpapi_impl_wprintf_w16_body(const wchar_t *f, ...)
{
    va_list ap;
    int r;
    va_start(ap, f);
    r = vwprintf(f, ap);
    va_end(ap);
    return r;
}
int winhttpapi_impl_fwprintf_w16_body(FILE *s, const wchar_t *f, ...);
int winhttpapi_impl_fwprintf_w16_body(FILE *s, const wchar_t *f, ...)
{
    va_list ap;
    int r;
    va_start(ap, f);
    r = vfwprintf(s, f, ap);
    va_end(ap);
    return r;
}
#endif
