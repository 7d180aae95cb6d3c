/*
 * wincrypt.h - the CryptoAPI subset that goes with WinHTTP's TLS options (winhttpapi): the ALG_ID values
 * Schannel reports in SecPkgContext_ConnectionInfo (WINHTTP_OPTION_SECURITY_INFO). Values from the
 * Windows SDK metadata (windows-sys); tests/constants.rs checks them.
 */
#ifndef WINHTTPAPI_WINCRYPT_H
#define WINHTTPAPI_WINCRYPT_H

#include <windows.h>

typedef unsigned int ALG_ID;

#define CALG_MD5 0x00008003
#define CALG_SHA1 0x00008004
#define CALG_SHA_256 0x0000800c
#define CALG_SHA_384 0x0000800d
#define CALG_SHA_512 0x0000800e
#define CALG_AES_128 0x0000660e
#define CALG_AES_192 0x0000660f
#define CALG_AES_256 0x00006610
#define CALG_AES 0x00006611
#define CALG_RSA_KEYX 0x0000a400
#define CALG_DH_EPHEM 0x0000aa02
#define CALG_ECDH 0x0000aa05
#define CALG_ECDH_EPHEM 0x0000ae06
#define CALG_ECDSA 0x00002203

#endif /* WINHTTPAPI_WINCRYPT_H */
