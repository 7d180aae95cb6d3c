/* Security.h: programs include it by this name; see <security.h> (winhttpapi). */
#ifndef WINHTTPAPI_ALIAS_SECURITY_H
#define WINHTTPAPI_ALIAS_SECURITY_H
#include <security.h>
#endif
