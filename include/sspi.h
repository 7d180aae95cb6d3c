/*
 * sspi.h - the Security Support Provider Interface's types and constants (winhttpapi), so a program that
 * includes it (Microsoft's HTTP Server API v2 sample does, and uses nothing from it) compiles. Only what is
 * honest to provide: the handle, buffer, time stamp and identity structures, the ISC_/ASC_ request flags,
 * the SECBUFFER_ types and the SEC_E_/SEC_I_ status values. No function is declared: the library has no
 * security packages (NTLM, Kerberos, Negotiate, Schannel), so AcquireCredentialsHandle,
 * InitializeSecurityContext, AcceptSecurityContext and the rest do not exist here (docs/porting.md).
 */
#ifndef WINHTTPAPI_SSPI_H
#define WINHTTPAPI_SSPI_H

#include <windows.h>

typedef struct _SecHandle {
    ULONG_PTR dwLower;
    ULONG_PTR dwUpper;
} SecHandle, *PSecHandle;
typedef SecHandle CredHandle, *PCredHandle;
typedef SecHandle CtxtHandle, *PCtxtHandle;
#define SecInvalidateHandle(x) ((PSecHandle)(x))->dwLower = ((PSecHandle)(x))->dwUpper = ((ULONG_PTR)((INT_PTR)-1))
#define SecIsValidHandle(x) ((((PSecHandle)(x))->dwLower != ((ULONG_PTR)((INT_PTR)-1))) && \
                             (((PSecHandle)(x))->dwUpper != ((ULONG_PTR)((INT_PTR)-1))))

typedef LARGE_INTEGER _SECURITY_INTEGER, SECURITY_INTEGER, *PSECURITY_INTEGER;
typedef SECURITY_INTEGER TimeStamp, *PTimeStamp;

typedef WCHAR SEC_WCHAR;
typedef CHAR SEC_CHAR;

typedef struct _SecBuffer {
    ULONG cbBuffer;
    ULONG BufferType;
    void *pvBuffer;
} SecBuffer, *PSecBuffer;

typedef struct _SecBufferDesc {
    ULONG ulVersion;
    ULONG cBuffers;
    PSecBuffer pBuffers;
} SecBufferDesc, *PSecBufferDesc;

#define SECBUFFER_VERSION 0
#define SECBUFFER_EMPTY 0
#define SECBUFFER_DATA 1
#define SECBUFFER_TOKEN 2
#define SECBUFFER_PKG_PARAMS 3
#define SECBUFFER_MISSING 4
#define SECBUFFER_EXTRA 5
#define SECBUFFER_STREAM_TRAILER 6
#define SECBUFFER_STREAM_HEADER 7
#define SECBUFFER_PADDING 9
#define SECBUFFER_STREAM 10
#define SECBUFFER_ALERT 17
#define SECBUFFER_READONLY 0x80000000

#define SECPKG_CRED_INBOUND 0x00000001
#define SECPKG_CRED_OUTBOUND 0x00000002
#define SECPKG_CRED_BOTH 0x00000003
#define SECURITY_NATIVE_DREP 0x00000010
#define SECURITY_NETWORK_DREP 0x00000000

#define ISC_REQ_DELEGATE 0x00000001
#define ISC_REQ_MUTUAL_AUTH 0x00000002
#define ISC_REQ_REPLAY_DETECT 0x00000004
#define ISC_REQ_SEQUENCE_DETECT 0x00000008
#define ISC_REQ_CONFIDENTIALITY 0x00000010
#define ISC_REQ_USE_SESSION_KEY 0x00000020
#define ISC_REQ_PROMPT_FOR_CREDS 0x00000040
#define ISC_REQ_USE_SUPPLIED_CREDS 0x00000080
#define ISC_REQ_ALLOCATE_MEMORY 0x00000100
#define ISC_REQ_CONNECTION 0x00000800
#define ISC_REQ_STREAM 0x00008000
#define ISC_REQ_INTEGRITY 0x00010000
#define ASC_REQ_DELEGATE 0x00000001
#define ASC_REQ_MUTUAL_AUTH 0x00000002
#define ASC_REQ_REPLAY_DETECT 0x00000004
#define ASC_REQ_SEQUENCE_DETECT 0x00000008
#define ASC_REQ_CONFIDENTIALITY 0x00000010
#define ASC_REQ_ALLOCATE_MEMORY 0x00000100
#define ASC_REQ_CONNECTION 0x00000800
#define ASC_REQ_STREAM 0x00010000
#define ASC_REQ_INTEGRITY 0x00020000

#define SEC_WINNT_AUTH_IDENTITY_ANSI 0x1
#define SEC_WINNT_AUTH_IDENTITY_UNICODE 0x2

typedef struct _SEC_WINNT_AUTH_IDENTITY_W {
    unsigned short *User;
    ULONG UserLength;
    unsigned short *Domain;
    ULONG DomainLength;
    unsigned short *Password;
    ULONG PasswordLength;
    ULONG Flags;
} SEC_WINNT_AUTH_IDENTITY_W, *PSEC_WINNT_AUTH_IDENTITY_W;

typedef struct _SEC_WINNT_AUTH_IDENTITY_A {
    unsigned char *User;
    ULONG UserLength;
    unsigned char *Domain;
    ULONG DomainLength;
    unsigned char *Password;
    ULONG PasswordLength;
    ULONG Flags;
} SEC_WINNT_AUTH_IDENTITY_A, *PSEC_WINNT_AUTH_IDENTITY_A;

#ifdef UNICODE
#define SEC_WINNT_AUTH_IDENTITY SEC_WINNT_AUTH_IDENTITY_W
#define PSEC_WINNT_AUTH_IDENTITY PSEC_WINNT_AUTH_IDENTITY_W
#else
#define SEC_WINNT_AUTH_IDENTITY SEC_WINNT_AUTH_IDENTITY_A
#define PSEC_WINNT_AUTH_IDENTITY PSEC_WINNT_AUTH_IDENTITY_A
#endif

/* The SSPI status values (SECURITY_STATUS is an HRESULT). */
#define SEC_E_OK ((SECURITY_STATUS)0x00000000)
#define SEC_E_INSUFFICIENT_MEMORY ((SECURITY_STATUS)0x80090300U)
#define SEC_E_INVALID_HANDLE ((SECURITY_STATUS)0x80090301U)
#define SEC_E_UNSUPPORTED_FUNCTION ((SECURITY_STATUS)0x80090302U)
#define SEC_E_TARGET_UNKNOWN ((SECURITY_STATUS)0x80090303U)
#define SEC_E_INTERNAL_ERROR ((SECURITY_STATUS)0x80090304U)
#define SEC_E_SECPKG_NOT_FOUND ((SECURITY_STATUS)0x80090305U)
#define SEC_E_NOT_OWNER ((SECURITY_STATUS)0x80090306U)
#define SEC_E_INVALID_TOKEN ((SECURITY_STATUS)0x80090308U)
#define SEC_E_MESSAGE_ALTERED ((SECURITY_STATUS)0x8009030FU)
#define SEC_E_LOGON_DENIED ((SECURITY_STATUS)0x8009030CU)
#define SEC_E_NO_CREDENTIALS ((SECURITY_STATUS)0x8009030EU)
#define SEC_E_WRONG_PRINCIPAL ((SECURITY_STATUS)0x80090322U)
#define SEC_E_INCOMPLETE_MESSAGE ((SECURITY_STATUS)0x80090318U)
#define SEC_E_CONTEXT_EXPIRED ((SECURITY_STATUS)0x80090317U)
#define SEC_I_CONTINUE_NEEDED ((SECURITY_STATUS)0x00090312)
#define SEC_I_COMPLETE_NEEDED ((SECURITY_STATUS)0x00090313)
#define SEC_I_COMPLETE_AND_CONTINUE ((SECURITY_STATUS)0x00090314)
#define SEC_I_INCOMPLETE_CREDENTIALS ((SECURITY_STATUS)0x00090320)
#define SEC_I_RENEGOTIATE ((SECURITY_STATUS)0x00090321)

/* SecPkgContext_CipherInfo (the second half of WINHTTP_SECURITY_INFO): its names are inline WCHAR arrays,
 * so it is 680 bytes with a 16-bit WCHAR (-fshort-wchar, as on Windows) and 1320 with wchar_t. */
#define SZ_ALG_MAX_SIZE 64
#define SECPKGCONTEXT_CIPHERINFO_V1 1
typedef struct _SecPkgContext_CipherInfo {
    DWORD dwVersion;
    DWORD dwProtocol;
    DWORD dwCipherSuite;
    DWORD dwBaseCipherSuite;
    WCHAR szCipherSuite[SZ_ALG_MAX_SIZE];
    WCHAR szCipher[SZ_ALG_MAX_SIZE];
    DWORD dwCipherLen;
    DWORD dwCipherBlockLen;
    WCHAR szHash[SZ_ALG_MAX_SIZE];
    DWORD dwHashLen;
    WCHAR szExchange[SZ_ALG_MAX_SIZE];
    DWORD dwMinExchangeLen;
    DWORD dwMaxExchangeLen;
    WCHAR szCertificate[SZ_ALG_MAX_SIZE];
    DWORD dwKeyType;
} SecPkgContext_CipherInfo, *PSecPkgContext_CipherInfo;

#define NTLMSP_NAME_A "NTLM"
#define NEGOSSP_NAME_A "Negotiate"
#define MICROSOFT_KERBEROS_NAME_A "Kerberos"

#endif /* WINHTTPAPI_SSPI_H */
