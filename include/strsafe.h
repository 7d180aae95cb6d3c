/*
 * strsafe.h - the documented StringCch* / StringCb* functions, as static inline code (winhttpapi).
 *
 * Behaviour follows Microsoft's strsafe documentation: the destination is always NUL-terminated when its
 * size is non-zero; a result that does not fit is truncated and STRSAFE_E_INSUFFICIENT_BUFFER returned;
 * a zero or oversized (> STRSAFE_MAX_CCH) size, or a Cat destination without a terminator inside its size,
 * gives STRSAFE_E_INVALID_PARAMETER.
 *
 * The printf family uses its own formatter with Windows meanings, the same for both wchar_t widths
 * (glibc's wide printf cannot read 16-bit strings, and reads %s as a narrow string):
 *   W functions: %s %ls %ws = WCHAR string, %S %hs = char string, %c = WCHAR, %C %hc = char;
 *   A functions: %s %hs = char string, %S %ls %ws = WCHAR string, %c = char, %C %lc %wc = WCHAR;
 *   %l on an integer is 32-bit (Windows' long); %I64 / %ll 64-bit; %I / %z / %t pointer-sized;
 *   narrow strings are read as UTF-8 when widened, wide strings written as UTF-8 when narrowed; %n is
 *   not supported (consumed and ignored, as Windows does by default).
 */
#ifndef WINHTTPAPI_STRSAFE_H
#define WINHTTPAPI_STRSAFE_H

#include <windows.h>
#include <stdio.h>

#define STRSAFE_MAX_CCH 2147483647
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT)0x8007007AU)
#define STRSAFE_E_INVALID_PARAMETER ((HRESULT)0x80070057U)
#define STRSAFE_E_END_OF_FILE ((HRESULT)0x80070026U)

typedef char *STRSAFE_LPSTR;
typedef const char *STRSAFE_LPCSTR;
typedef WCHAR *STRSAFE_LPWSTR;
typedef const WCHAR *STRSAFE_LPCWSTR;

#ifdef __cplusplus
extern "C" {
#endif

/* ---- internal helpers (winhttpapi_ss_*) --------------------------------------------------------- */

/* Output sink: counts every unit, stores while there is room for the terminator. In raw mode (the C
 * runtime's formatting functions, src/crt/format.c) it stores up to `cap` units and writes no terminator. */
typedef struct winhttpapi_ss_sink {
    void *buf;
    size_t cap;
    size_t len;
    int wide;
    int raw;
} winhttpapi_ss_sink;

static inline void winhttpapi_ss_unit(winhttpapi_ss_sink *s, unsigned long u)
{
    if (s->raw ? s->len < s->cap : s->len + 1 < s->cap) {
        if (s->wide)
            ((WCHAR *)s->buf)[s->len] = (WCHAR)u;
        else
            ((char *)s->buf)[s->len] = (char)u;
    }
    s->len++;
}

/* Writes one code point: UTF-8 into a narrow sink, UTF-16 (short wchar_t) or UTF-32 into a wide one. */
static inline void winhttpapi_ss_cp(winhttpapi_ss_sink *s, unsigned long cp)
{
    if (s->wide) {
        if (sizeof(WCHAR) == 2 && cp >= 0x10000 && cp <= 0x10FFFF) {
            cp -= 0x10000;
            winhttpapi_ss_unit(s, 0xD800 + (cp >> 10));
            winhttpapi_ss_unit(s, 0xDC00 + (cp & 0x3FF));
        } else {
            winhttpapi_ss_unit(s, cp);
        }
    } else if (cp < 0x80) {
        winhttpapi_ss_unit(s, cp);
    } else if (cp < 0x800) {
        winhttpapi_ss_unit(s, 0xC0 | (cp >> 6));
        winhttpapi_ss_unit(s, 0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        winhttpapi_ss_unit(s, 0xE0 | (cp >> 12));
        winhttpapi_ss_unit(s, 0x80 | ((cp >> 6) & 0x3F));
        winhttpapi_ss_unit(s, 0x80 | (cp & 0x3F));
    } else {
        winhttpapi_ss_unit(s, 0xF0 | (cp >> 18));
        winhttpapi_ss_unit(s, 0x80 | ((cp >> 12) & 0x3F));
        winhttpapi_ss_unit(s, 0x80 | ((cp >> 6) & 0x3F));
        winhttpapi_ss_unit(s, 0x80 | (cp & 0x3F));
    }
}

/* Reads the next code point of a string (narrow: UTF-8, bad bytes taken as Latin-1; wide: UTF-16/32). */
static inline unsigned long winhttpapi_ss_next(const void *str, int wide, size_t *i)
{
    if (wide) {
        const WCHAR *w = (const WCHAR *)str;
        unsigned long c = (unsigned long)w[(*i)++];
        if (sizeof(WCHAR) == 2 && c >= 0xD800 && c < 0xDC00 && w[*i] >= 0xDC00 && w[*i] < 0xE000)
            c = 0x10000 + ((c - 0xD800) << 10) + ((unsigned long)w[(*i)++] - 0xDC00);
        return c;
    } else {
        const unsigned char *p = (const unsigned char *)str;
        unsigned long c = p[*i];
        int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        int k;
        unsigned long v = n == 3 ? (c & 0x07) : n == 2 ? (c & 0x0F) : (c & 0x1F);
        for (k = 1; k <= n; k++)
            if ((p[*i + (size_t)k] & 0xC0) != 0x80) n = 0;
        if (n == 0) {
            (*i)++;
            return c;
        }
        for (k = 1; k <= n; k++) v = (v << 6) | (p[*i + (size_t)k] & 0x3F);
        *i += (size_t)n + 1;
        return v;
    }
}

static inline size_t winhttpapi_ss_cplen(const void *str, int wide, long prec)
{
    size_t i = 0, n = 0;
    while ((prec < 0 || (long)n < prec) && (wide ? ((const WCHAR *)str)[i] != 0 : ((const char *)str)[i] != 0)) {
        (void)winhttpapi_ss_next(str, wide, &i);
        n++;
    }
    return n;
}

static inline void winhttpapi_ss_pad(winhttpapi_ss_sink *s, long n)
{
    while (n-- > 0) winhttpapi_ss_unit(s, ' ');
}

/* The formatter behind every StringCch/CbPrintf; format units are WCHAR when fwide, char otherwise. */
static inline void winhttpapi_ss_format(winhttpapi_ss_sink *s, const void *fmt, int fwide, va_list ap)
{
    size_t i = 0;
#define WINHTTPAPI_SS_AT(k) (fwide ? (unsigned long)((const WCHAR *)fmt)[k] : (unsigned long)((const unsigned char *)fmt)[k])
    while (WINHTTPAPI_SS_AT(i) != 0) {
        char spec[48];
        size_t sp = 0;
        long width = -1, prec = -1;
        int left = 0, size = 0; /* size: 0 int, 1 short/char, 2 64-bit, 3 pointer-sized, 4 long double, 8 hh */
        int strw = -1;          /* for s/c: 1 wide argument, 0 narrow, -1 the function's own kind */
        unsigned long c = WINHTTPAPI_SS_AT(i);
        if (c != '%') {
            winhttpapi_ss_unit(s, c);
            i++;
            continue;
        }
        i++;
        spec[sp++] = '%';
        for (;;) { /* flags */
            c = WINHTTPAPI_SS_AT(i);
            if (c == '-' || c == '+' || c == ' ' || c == '#' || c == '0') {
                if (c == '-') left = 1;
                if (sp < 8) spec[sp++] = (char)c;
                i++;
            } else {
                break;
            }
        }
        if (WINHTTPAPI_SS_AT(i) == '*') {
            width = va_arg(ap, int);
            if (width < 0) {
                left = 1;
                width = -width;
            }
            i++;
        } else {
            while (WINHTTPAPI_SS_AT(i) >= '0' && WINHTTPAPI_SS_AT(i) <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (long)(WINHTTPAPI_SS_AT(i) - '0');
                i++;
            }
        }
        if (WINHTTPAPI_SS_AT(i) == '.') {
            i++;
            prec = 0;
            if (WINHTTPAPI_SS_AT(i) == '*') {
                prec = va_arg(ap, int);
                i++;
            } else {
                while (WINHTTPAPI_SS_AT(i) >= '0' && WINHTTPAPI_SS_AT(i) <= '9') {
                    prec = prec * 10 + (long)(WINHTTPAPI_SS_AT(i) - '0');
                    i++;
                }
            }
        }
        for (;;) { /* length modifiers */
            c = WINHTTPAPI_SS_AT(i);
            if (c == 'h') {
                size = size == 1 ? 8 : 1;
                strw = 0;
            } else if (c == 'l') {
                size = size == 5 ? 2 : 5; /* l: 32-bit as on Windows; ll: 64-bit */
                strw = 1;
            } else if (c == 'w') {
                strw = 1;
            } else if (c == 'L') {
                size = 4;
            } else if (c == 'j' || c == 'q') {
                size = 2;
            } else if (c == 'z' || c == 't') {
                size = 3;
            } else if (c == 'I') {
                if (WINHTTPAPI_SS_AT(i + 1) == '6' && WINHTTPAPI_SS_AT(i + 2) == '4') {
                    size = 2;
                    i += 2;
                } else if (WINHTTPAPI_SS_AT(i + 1) == '3' && WINHTTPAPI_SS_AT(i + 2) == '2') {
                    size = 0;
                    i += 2;
                } else {
                    size = 3;
                }
            } else {
                break;
            }
            i++;
        }
        c = WINHTTPAPI_SS_AT(i);
        if (c == 0) break;
        i++;
        if (c == '%') {
            winhttpapi_ss_unit(s, '%');
        } else if (c == 's' || c == 'S' || c == 'c' || c == 'C' || c == 'Z') {
            int wide_arg = strw >= 0 ? strw : ((c == 's' || c == 'c') ? fwide : !fwide);
            if (c == 'c' || c == 'C') {
                unsigned long ch = (unsigned long)(unsigned int)va_arg(ap, int);
                if (!wide_arg) ch &= 0xFF;
                if (!left) winhttpapi_ss_pad(s, width - 1);
                winhttpapi_ss_cp(s, ch);
                if (left) winhttpapi_ss_pad(s, width - 1);
            } else {
                const void *str = va_arg(ap, const void *);
                size_t n, k, j = 0;
                if (str == NULL) str = wide_arg ? (const void *)L"(null)" : (const void *)"(null)";
                n = winhttpapi_ss_cplen(str, wide_arg, prec);
                if (!left) winhttpapi_ss_pad(s, width - (long)n);
                for (k = 0; k < n; k++) winhttpapi_ss_cp(s, winhttpapi_ss_next(str, wide_arg, &j));
                if (left) winhttpapi_ss_pad(s, width - (long)n);
            }
        } else if (c == 'n') {
            (void)va_arg(ap, void *);
        } else {
            /* numbers: formatted by the C library into a narrow buffer, then copied out */
            char local[128];
            char *out = local;
            int got = -1;
            /* widths and precisions are clamped to 5 digits so the spec always fits */
            if (width >= 0) sp += (size_t)snprintf(spec + sp, sizeof spec - sp, "%ld", width > 99999 ? 99999L : width);
            if (prec >= 0) sp += (size_t)snprintf(spec + sp, sizeof spec - sp, ".%ld", prec > 99999 ? 99999L : prec);
            if (c == 'd' || c == 'i' || c == 'u' || c == 'o' || c == 'x' || c == 'X') {
                int sgn = (c == 'd' || c == 'i');
                spec[sp++] = 'l';
                spec[sp++] = 'l';
                spec[sp++] = (char)c;
                spec[sp] = 0;
                if (sgn) {
                    long long v = size == 2 ? va_arg(ap, long long)
                                  : size == 3 ? (long long)va_arg(ap, intptr_t)
                                              : (long long)va_arg(ap, int);
                    if (size == 1) v = (short)v;
                    if (size == 8) v = (signed char)v;
                    got = snprintf(local, sizeof local, spec, v);
                    if (got >= (int)sizeof local && (out = (char *)malloc((size_t)got + 1)) != NULL)
                        snprintf(out, (size_t)got + 1, spec, v);
                } else {
                    unsigned long long v = size == 2 ? va_arg(ap, unsigned long long)
                                           : size == 3 ? (unsigned long long)va_arg(ap, uintptr_t)
                                                       : (unsigned long long)va_arg(ap, unsigned int);
                    if (size == 1) v = (unsigned short)v;
                    if (size == 8) v = (unsigned char)v;
                    got = snprintf(local, sizeof local, spec, v);
                    if (got >= (int)sizeof local && (out = (char *)malloc((size_t)got + 1)) != NULL)
                        snprintf(out, (size_t)got + 1, spec, v);
                }
            } else if (c == 'p') {
                spec[sp++] = 'p';
                spec[sp] = 0;
                got = snprintf(local, sizeof local, spec, va_arg(ap, void *));
            } else if (c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G' || c == 'a' || c == 'A') {
                if (size == 4) {
                    long double v = va_arg(ap, long double);
                    spec[sp++] = 'L';
                    spec[sp++] = (char)c;
                    spec[sp] = 0;
                    got = snprintf(local, sizeof local, spec, v);
                    if (got >= (int)sizeof local && (out = (char *)malloc((size_t)got + 1)) != NULL)
                        snprintf(out, (size_t)got + 1, spec, v);
                } else {
                    double v = va_arg(ap, double);
                    spec[sp++] = (char)c;
                    spec[sp] = 0;
                    got = snprintf(local, sizeof local, spec, v);
                    if (got >= (int)sizeof local && (out = (char *)malloc((size_t)got + 1)) != NULL)
                        snprintf(out, (size_t)got + 1, spec, v);
                }
            } else {
                /* unknown conversion: copied as written */
                winhttpapi_ss_unit(s, '%');
                winhttpapi_ss_unit(s, c);
                continue;
            }
            if (out == NULL) out = local;
            if (got > 0) {
                int k;
                int n = out == local && got >= (int)sizeof local ? (int)sizeof local - 1 : got;
                for (k = 0; k < n; k++) winhttpapi_ss_unit(s, (unsigned char)out[k]);
            }
            if (out != local) free(out);
        }
    }
#undef WINHTTPAPI_SS_AT
    if (!s->raw && s->cap > 0) {
        size_t end = s->len < s->cap ? s->len : s->cap - 1;
        if (s->wide)
            ((WCHAR *)s->buf)[end] = 0;
        else
            ((char *)s->buf)[end] = 0;
    }
}

/* Formats into `buf` of `cap` units; returns the length of the whole output (see the sink for `raw`). */
static inline size_t winhttpapi_ss_run(void *buf, size_t cap, int wide, int raw, const void *fmt, va_list ap)
{
    winhttpapi_ss_sink s;
    s.buf = buf;
    s.cap = cap;
    s.len = 0;
    s.wide = wide;
    s.raw = raw;
    winhttpapi_ss_format(&s, fmt, wide, ap);
    return s.len;
}

static inline HRESULT winhttpapi_ss_vprintf(void *dest, size_t cch, int wide, const void *fmt, va_list ap)
{
    if (cch == 0 || cch > STRSAFE_MAX_CCH) return STRSAFE_E_INVALID_PARAMETER;
    if (fmt == NULL) {
        if (wide)
            *(WCHAR *)dest = 0;
        else
            *(char *)dest = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    return winhttpapi_ss_run(dest, cch, wide, 0, fmt, ap) < cch ? S_OK : STRSAFE_E_INSUFFICIENT_BUFFER;
}

/* Copies at most cchSrc units of src after the first `at` units of dest (size cch). */
static inline HRESULT winhttpapi_ss_copy(void *dest, size_t cch, size_t at, int wide, const void *src, size_t cchSrc)
{
    size_t i = 0;
    HRESULT hr = S_OK;
    if (src == NULL) src = wide ? (const void *)L"" : (const void *)"";
    if (wide) {
        WCHAR *d = (WCHAR *)dest + at;
        const WCHAR *p = (const WCHAR *)src;
        while (i < cchSrc && p[i] != 0) {
            if (at + i + 1 >= cch) {
                hr = STRSAFE_E_INSUFFICIENT_BUFFER;
                break;
            }
            d[i] = p[i];
            i++;
        }
        d[i] = 0;
    } else {
        char *d = (char *)dest + at;
        const char *p = (const char *)src;
        while (i < cchSrc && p[i] != 0) {
            if (at + i + 1 >= cch) {
                hr = STRSAFE_E_INSUFFICIENT_BUFFER;
                break;
            }
            d[i] = p[i];
            i++;
        }
        d[i] = 0;
    }
    return hr;
}

static inline HRESULT winhttpapi_ss_length(const void *psz, size_t cchMax, int wide, size_t *pcch)
{
    size_t n = 0;
    if (psz == NULL || cchMax > STRSAFE_MAX_CCH) {
        if (pcch) *pcch = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    while (n < cchMax && (wide ? ((const WCHAR *)psz)[n] != 0 : ((const char *)psz)[n] != 0)) n++;
    if (n == cchMax) {
        if (pcch) *pcch = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    if (pcch) *pcch = n;
    return S_OK;
}

static inline HRESULT winhttpapi_ss_cpy(void *dest, size_t cch, int wide, const void *src, size_t cchSrc)
{
    if (cch == 0 || cch > STRSAFE_MAX_CCH) {
        if (cch != 0 && dest != NULL) {
            if (wide)
                *(WCHAR *)dest = 0;
            else
                *(char *)dest = 0;
        }
        return STRSAFE_E_INVALID_PARAMETER;
    }
    return winhttpapi_ss_copy(dest, cch, 0, wide, src, cchSrc);
}

static inline HRESULT winhttpapi_ss_cat(void *dest, size_t cch, int wide, const void *src, size_t cchSrc)
{
    size_t len;
    if (cch == 0 || cch > STRSAFE_MAX_CCH) return STRSAFE_E_INVALID_PARAMETER;
    if (winhttpapi_ss_length(dest, cch, wide, &len) != S_OK) return STRSAFE_E_INVALID_PARAMETER;
    return winhttpapi_ss_copy(dest, cch, len, wide, src, cchSrc);
}

/* ---- StringCch* (sizes in characters) ----------------------------------------------------------- */
static inline HRESULT StringCchCopyA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc)
{
    return winhttpapi_ss_cpy(pszDest, cchDest, 0, pszSrc, STRSAFE_MAX_CCH);
}
static inline HRESULT StringCchCopyW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc)
{
    return winhttpapi_ss_cpy(pszDest, cchDest, 1, pszSrc, STRSAFE_MAX_CCH);
}
static inline HRESULT StringCchCopyNA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc, size_t cchToCopy)
{
    if (cchToCopy > STRSAFE_MAX_CCH) return STRSAFE_E_INVALID_PARAMETER;
    return winhttpapi_ss_cpy(pszDest, cchDest, 0, pszSrc, cchToCopy);
}
static inline HRESULT StringCchCopyNW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc, size_t cchToCopy)
{
    if (cchToCopy > STRSAFE_MAX_CCH) return STRSAFE_E_INVALID_PARAMETER;
    return winhttpapi_ss_cpy(pszDest, cchDest, 1, pszSrc, cchToCopy);
}
static inline HRESULT StringCchCatA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc)
{
    return winhttpapi_ss_cat(pszDest, cchDest, 0, pszSrc, STRSAFE_MAX_CCH);
}
static inline HRESULT StringCchCatW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc)
{
    return winhttpapi_ss_cat(pszDest, cchDest, 1, pszSrc, STRSAFE_MAX_CCH);
}
static inline HRESULT StringCchCatNA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszSrc, size_t cchToAppend)
{
    return winhttpapi_ss_cat(pszDest, cchDest, 0, pszSrc, cchToAppend);
}
static inline HRESULT StringCchCatNW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszSrc, size_t cchToAppend)
{
    return winhttpapi_ss_cat(pszDest, cchDest, 1, pszSrc, cchToAppend);
}
static inline HRESULT StringCchVPrintfA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszFormat, va_list argList)
{
    return winhttpapi_ss_vprintf(pszDest, cchDest, 0, pszFormat, argList);
}
static inline HRESULT StringCchVPrintfW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszFormat, va_list argList)
{
    return winhttpapi_ss_vprintf(pszDest, cchDest, 1, pszFormat, argList);
}
static inline HRESULT StringCchPrintfA(STRSAFE_LPSTR pszDest, size_t cchDest, STRSAFE_LPCSTR pszFormat, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, pszFormat);
    hr = winhttpapi_ss_vprintf(pszDest, cchDest, 0, pszFormat, ap);
    va_end(ap);
    return hr;
}
static inline HRESULT StringCchPrintfW(STRSAFE_LPWSTR pszDest, size_t cchDest, STRSAFE_LPCWSTR pszFormat, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, pszFormat);
    hr = winhttpapi_ss_vprintf(pszDest, cchDest, 1, pszFormat, ap);
    va_end(ap);
    return hr;
}
static inline HRESULT StringCchLengthA(STRSAFE_LPCSTR psz, size_t cchMax, size_t *pcchLength)
{
    return winhttpapi_ss_length(psz, cchMax, 0, pcchLength);
}
static inline HRESULT StringCchLengthW(STRSAFE_LPCWSTR psz, size_t cchMax, size_t *pcchLength)
{
    return winhttpapi_ss_length(psz, cchMax, 1, pcchLength);
}

/* ---- StringCb* (sizes in bytes) ----------------------------------------------------------------- */
static inline HRESULT StringCbCopyA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc)
{
    return StringCchCopyA(pszDest, cbDest, pszSrc);
}
static inline HRESULT StringCbCopyW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc)
{
    return StringCchCopyW(pszDest, cbDest / sizeof(WCHAR), pszSrc);
}
static inline HRESULT StringCbCopyNA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc, size_t cbToCopy)
{
    return StringCchCopyNA(pszDest, cbDest, pszSrc, cbToCopy);
}
static inline HRESULT StringCbCopyNW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc, size_t cbToCopy)
{
    return StringCchCopyNW(pszDest, cbDest / sizeof(WCHAR), pszSrc, cbToCopy / sizeof(WCHAR));
}
static inline HRESULT StringCbCatA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszSrc)
{
    return StringCchCatA(pszDest, cbDest, pszSrc);
}
static inline HRESULT StringCbCatW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszSrc)
{
    return StringCchCatW(pszDest, cbDest / sizeof(WCHAR), pszSrc);
}
static inline HRESULT StringCbVPrintfA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszFormat, va_list argList)
{
    return winhttpapi_ss_vprintf(pszDest, cbDest, 0, pszFormat, argList);
}
static inline HRESULT StringCbVPrintfW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszFormat, va_list argList)
{
    return winhttpapi_ss_vprintf(pszDest, cbDest / sizeof(WCHAR), 1, pszFormat, argList);
}
static inline HRESULT StringCbPrintfA(STRSAFE_LPSTR pszDest, size_t cbDest, STRSAFE_LPCSTR pszFormat, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, pszFormat);
    hr = winhttpapi_ss_vprintf(pszDest, cbDest, 0, pszFormat, ap);
    va_end(ap);
    return hr;
}
static inline HRESULT StringCbPrintfW(STRSAFE_LPWSTR pszDest, size_t cbDest, STRSAFE_LPCWSTR pszFormat, ...)
{
    HRESULT hr;
    va_list ap;
    va_start(ap, pszFormat);
    hr = winhttpapi_ss_vprintf(pszDest, cbDest / sizeof(WCHAR), 1, pszFormat, ap);
    va_end(ap);
    return hr;
}
static inline HRESULT StringCbLengthA(STRSAFE_LPCSTR psz, size_t cbMax, size_t *pcbLength)
{
    return winhttpapi_ss_length(psz, cbMax, 0, pcbLength);
}
static inline HRESULT StringCbLengthW(STRSAFE_LPCWSTR psz, size_t cbMax, size_t *pcbLength)
{
    size_t cch = 0;
    HRESULT hr = winhttpapi_ss_length(psz, cbMax / sizeof(WCHAR), 1, &cch);
    if (pcbLength) *pcbLength = cch * sizeof(WCHAR);
    return hr;
}

#ifdef __cplusplus
}
#endif

/* ---- generic names ------------------------------------------------------------------------------ */
#ifdef UNICODE
#define StringCchCopy StringCchCopyW
#define StringCchCopyN StringCchCopyNW
#define StringCchCat StringCchCatW
#define StringCchCatN StringCchCatNW
#define StringCchPrintf StringCchPrintfW
#define StringCchVPrintf StringCchVPrintfW
#define StringCchLength StringCchLengthW
#define StringCbCopy StringCbCopyW
#define StringCbCopyN StringCbCopyNW
#define StringCbCat StringCbCatW
#define StringCbPrintf StringCbPrintfW
#define StringCbVPrintf StringCbVPrintfW
#define StringCbLength StringCbLengthW
#else
#define StringCchCopy StringCchCopyA
#define StringCchCopyN StringCchCopyNA
#define StringCchCat StringCchCatA
#define StringCchCatN StringCchCatNA
#define StringCchPrintf StringCchPrintfA
#define StringCchVPrintf StringCchVPrintfA
#define StringCchLength StringCchLengthA
#define StringCbCopy StringCbCopyA
#define StringCbCopyN StringCbCopyNA
#define StringCbCat StringCbCatA
#define StringCbPrintf StringCbPrintfA
#define StringCbVPrintf StringCbVPrintfA
#define StringCbLength StringCbLengthA
#endif

#endif /* WINHTTPAPI_STRSAFE_H */
