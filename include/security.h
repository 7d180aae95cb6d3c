/*
 * security.h - programs include it for SSPI (with SECURITY_WIN32 defined; not required here): it gives what
 * sspi.h gives, the types and constants only, and no security package functions (winhttpapi).
 */
#ifndef WINHTTPAPI_SECURITY_H
#define WINHTTPAPI_SECURITY_H
#include <sspi.h>
#endif
