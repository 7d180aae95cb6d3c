/* winsock.h: programs include it by this name; the Winsock subset is in <winsock2.h> (winhttpapi). */
#ifndef WINHTTPAPI_ALIAS_WINSOCK_H
#define WINHTTPAPI_ALIAS_WINSOCK_H
#include <winsock2.h>
#endif
