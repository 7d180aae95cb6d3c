/* winbase.h: programs include it by this name; everything it would declare is in <windows.h> (winhttpapi). */
#ifndef WINHTTPAPI_ALIAS_WINBASE_H
#define WINHTTPAPI_ALIAS_WINBASE_H
#include <windows.h>
#endif
