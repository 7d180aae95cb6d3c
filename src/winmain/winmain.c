/* Porting aid: the `main` of a program whose entry point is `wmain` (or `_tmain` with UNICODE).
 * Link with -lwinmain (libwinmain.a, beside libwinhttpapi.so; libwinmain_w16.a for -fshort-wchar
 * programs). It converts argv and envp from UTF-8 (what Linux passes) to wide strings in the
 * program's wchar_t width (UTF-32, or UTF-16 with -fshort-wchar) and calls wmain(argc, argv, envp),
 * as the Windows C runtime does. Invalid UTF-8 bytes become U+FFFD. The strings live until exit.
 *
 * C++: MSVC gives wmain C linkage by itself, g++ mangles it like any function (`int wmain(int, wchar_t **)`
 * is `_Z5wmainiPPw`). So this `main` finds whichever wmain the program defines, by weak references to the C
 * name and to the mangled names of the signatures MSVC accepts (with or without envp, `const`, or no
 * parameters); the mangling does not depend on the width of wchar_t. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The C entry point, and the C++ ones by their mangled names (weak: the program defines one of them). */
extern int wmain(int argc, wchar_t **argv, wchar_t **envp) __attribute__((weak));
extern int wmain_cxx_argv(int argc, wchar_t **argv) __asm__("_Z5wmainiPPw") __attribute__((weak));
extern int wmain_cxx_envp(int argc, wchar_t **argv, wchar_t **envp) __asm__("_Z5wmainiPPwS0_") __attribute__((weak));
extern int wmain_cxx_const_argv(int argc, const wchar_t **argv) __asm__("_Z5wmainiPPKw") __attribute__((weak));
extern int wmain_cxx_const_envp(int argc, const wchar_t **argv, const wchar_t **envp)
    __asm__("_Z5wmainiPPKwS1_") __attribute__((weak));
extern int wmain_cxx_void(void) __asm__("_Z5wmainv") __attribute__((weak));

/* Decodes one UTF-8 sequence at s; stores the code point and returns its length (1 for a bad byte). */
static size_t decode_utf8(const unsigned char *s, unsigned long *cp) {
    unsigned char c = s[0];
    size_t n;
    unsigned long v, min;
    if (c < 0x80) { *cp = c; return 1; }
    if ((c & 0xE0) == 0xC0) { n = 2; v = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { n = 3; v = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { n = 4; v = c & 0x07; min = 0x10000; }
    else { *cp = 0xFFFD; return 1; }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = 0xFFFD; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = 0xFFFD; return 1; }
    *cp = v;
    return n;
}

static wchar_t *widen(const char *s) {
    size_t len = strlen(s);
    /* At most one code point per byte, and two UTF-16 units per code point. */
    wchar_t *out = malloc((2 * len + 1) * sizeof(wchar_t));
    size_t o = 0;
    if (!out) abort();
    for (size_t i = 0; i < len;) {
        unsigned long cp;
        i += decode_utf8((const unsigned char *)s + i, &cp);
        if (sizeof(wchar_t) == 2 && cp >= 0x10000) {
            cp -= 0x10000;
            out[o++] = (wchar_t)(0xD800 + (cp >> 10));
            out[o++] = (wchar_t)(0xDC00 + (cp & 0x3FF));
        } else {
            out[o++] = (wchar_t)cp;
        }
    }
    out[o] = 0;
    return out;
}

static wchar_t **widen_all(char **v, int *count) {
    int n = 0;
    while (v && v[n]) n++;
    wchar_t **w = calloc((size_t)n + 1, sizeof(wchar_t *));
    if (!w) abort();
    for (int i = 0; i < n; i++) w[i] = widen(v[i]);
    if (count) *count = n;
    return w;
}

int main(int argc, char **argv, char **envp) {
    int n = 0;
    wchar_t **wargv = widen_all(argv, &n);
    wchar_t **wenvp = widen_all(envp, NULL);
    (void)argc;
    if (wmain) return wmain(n, wargv, wenvp);
    if (wmain_cxx_argv) return wmain_cxx_argv(n, wargv);
    if (wmain_cxx_envp) return wmain_cxx_envp(n, wargv, wenvp);
    if (wmain_cxx_const_argv) return wmain_cxx_const_argv(n, (const wchar_t **)wargv);
    if (wmain_cxx_const_envp) return wmain_cxx_const_envp(n, (const wchar_t **)wargv, (const wchar_t **)wenvp);
    if (wmain_cxx_void) return wmain_cxx_void();
    fputs("winmain: the program defines no wmain (libwinmain calls wmain or _tmain under _UNICODE)\n", stderr);
    return 255;
}
