/* Strsafe.h: programs include it by this name; everything it would declare is in <strsafe.h> (winhttpapi). */
#ifndef WINHTTPAPI_ALIAS_STRSAFE_H
#define WINHTTPAPI_ALIAS_STRSAFE_H
#include <strsafe.h>
#endif
