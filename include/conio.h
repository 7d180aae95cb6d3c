/*
 * conio.h - console input without Enter (winhttpapi): the "press a key to stop" functions Windows programs
 * use. They work on the terminal of standard input: each call switches it to non-canonical, no-echo mode
 * for its own duration, so a key counts as soon as it is typed. When standard input is not a terminal (a
 * pipe, a file), its bytes are read as they come and the end of input makes _kbhit true and _getch EOF.
 * They read file descriptor 0 directly, past stdio's buffer of stdin. Extended keys arrive as the terminal
 * sends them (escape sequences), not as MSVC's 0/0xE0 prefixes.
 */
#ifndef WINHTTPAPI_CONIO_H
#define WINHTTPAPI_CONIO_H

#include <corecrt.h>

#ifdef __cplusplus
extern "C" {
#endif
_ACRTIMP int __cdecl _kbhit(void);
_ACRTIMP int __cdecl _getch(void);
_ACRTIMP int __cdecl _getche(void);
_ACRTIMP int __cdecl _ungetch(int _Character);
_ACRTIMP int __cdecl _putch(int _Character);
#ifdef __cplusplus
}
#endif

#endif /* WINHTTPAPI_CONIO_H */
