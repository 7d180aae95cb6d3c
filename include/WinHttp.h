/* WinHttp.h: programs include it by this name; everything it would declare is in <winhttp.h> (winhttpapi). */
#ifndef WINHTTPAPI_ALIAS_WINHTTP_H
#define WINHTTPAPI_ALIAS_WINHTTP_H
#include <winhttp.h>
#endif
