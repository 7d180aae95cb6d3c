/* Http.h: programs include it by this name; everything it would declare is in <http.h> (winhttpapi). */
#ifndef WINHTTPAPI_ALIAS_HTTP_H
#define WINHTTPAPI_ALIAS_HTTP_H
#include <http.h>
#endif
