/*
 * schannel.h - Schannel's connection information as WinHTTP reports it (winhttpapi): the SP_PROT_ protocol
 * bits and SecPkgContext_ConnectionInfo, half of WINHTTP_SECURITY_INFO (WINHTTP_OPTION_SECURITY_INFO; the
 * other half, SecPkgContext_CipherInfo, is in sspi.h as on Windows). TLS is rustls here, not Schannel: no
 * Schannel function or credential structure is declared (docs/porting.md).
 */
#ifndef WINHTTPAPI_SCHANNEL_H
#define WINHTTPAPI_SCHANNEL_H
#ifndef __SCHANNEL_H__
#define __SCHANNEL_H__
#endif

#include <windows.h>
#include <wincrypt.h>
#include <sspi.h>

#define SP_PROT_TLS1_0_SERVER 0x00000040
#define SP_PROT_TLS1_0_CLIENT 0x00000080
#define SP_PROT_TLS1_1_SERVER 0x00000100
#define SP_PROT_TLS1_1_CLIENT 0x00000200
#define SP_PROT_TLS1_2_SERVER 0x00000400
#define SP_PROT_TLS1_2_CLIENT 0x00000800
#define SP_PROT_TLS1_3_SERVER 0x00001000
#define SP_PROT_TLS1_3_CLIENT 0x00002000

/* SecPkgContext_ConnectionInfo: size 28 */
typedef struct _SecPkgContext_ConnectionInfo {
    DWORD dwProtocol;
    ALG_ID aiCipher;
    DWORD dwCipherStrength;
    ALG_ID aiHash;
    DWORD dwHashStrength;
    ALG_ID aiExch;
    DWORD dwExchStrength;
} SecPkgContext_ConnectionInfo, *PSecPkgContext_ConnectionInfo;

#endif /* WINHTTPAPI_SCHANNEL_H */
