#define _GNU_SOURCE
/* What a request's connection is, as WinHTTP reports it: WINHTTP_OPTION_CONNECTION_INFO (12019 before the
 * request went out, 122 with the size needed for a short buffer, then both addresses as Linux
 * sockaddr_in), WINHTTP_OPTION_SECURITY_INFO (zeros before send; Schannel's SecPkgContext_ConnectionInfo
 * and SecPkgContext_CipherInfo after the TLS handshake) and WINHTTP_OPTION_SECURITY_KEY_BITNESS, also read
 * from the SENDING_REQUEST callback as .NET's WinHttpHandler does; WINHTTP_OPTION_SERVER_CERT_CONTEXT (the
 * server's DER certificate in a CERT_CONTEXT) with wincrypt.h's Cert* functions,
 * WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT and WINHTTP_OPTION_CLIENT_CERT_CONTEXT; a TLS server stalling in
 * the middle of its first flight is ERROR_WINHTTP_TIMEOUT after the receive timeout. Against python's TLS server on loopback
 * (c_tests/support/winhttp_tls_server.py). The same file runs built with -fshort-wchar
 * (c_tests/check_winhttp_security_w16.sh), where SecPkgContext_CipherInfo has Windows' 16-bit layout. */
#include <windows.h>
#include <winhttp.h>
#include <wincrypt.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test_support.h"

static int port;

/* Whether a WCHAR string (either width) equals an ASCII one. */
static int wide_is(const WCHAR *w, const char *a) {
    size_t i = 0;
    for (; a[i]; i++)
        if (w[i] != (WCHAR)(unsigned char)a[i]) return 0;
    return w[i] == 0;
}

/* Whether a WCHAR string starts with an ASCII prefix. */
static int wide_starts(const WCHAR *w, const char *a) {
    for (size_t i = 0; a[i]; i++)
        if (w[i] != (WCHAR)(unsigned char)a[i]) return 0;
    return 1;
}

static int all_zero(const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i]) return 0;
    return 1;
}

/* Reads the rest of the response, then closes the three handles. */
static void drain_and_close(HINTERNET req, HINTERNET con, HINTERNET ses) {
    char body[256];
    DWORD got = 0;
    while (WinHttpReadData(req, body, sizeof body, &got) && got) {}
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

/* What the SENDING_REQUEST callback saw. */
static BOOL cb_conn_ok, cb_seen;
static USHORT cb_remote_port;

static void CALLBACK on_status(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    (void)ctx, (void)info, (void)len;
    if (status != WINHTTP_CALLBACK_STATUS_SENDING_REQUEST) return;
    WINHTTP_CONNECTION_INFO ci;
    DWORD size = sizeof ci;
    cb_seen = TRUE;
    cb_conn_ok = WinHttpQueryOption(h, WINHTTP_OPTION_CONNECTION_INFO, &ci, &size);
    if (cb_conn_ok) cb_remote_port = ntohs(((struct sockaddr_in *)&ci.RemoteAddress)->sin_port);
}

static void test_before_and_after_send(void) {
    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, WINHTTP_FLAG_SECURE);
    CHECK(ses && con && req, "handles");

    /* Before the request went out. */
    WINHTTP_CONNECTION_INFO ci;
    DWORD size = sizeof ci;
    SetLastError(0);
    CHECK(!WinHttpQueryOption(req, WINHTTP_OPTION_CONNECTION_INFO, &ci, &size), "CONNECTION_INFO before send fails");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "CONNECTION_INFO before send: 12019");
    size = sizeof ci;
    CHECK(!WinHttpQueryOption(ses, WINHTTP_OPTION_CONNECTION_INFO, &ci, &size), "CONNECTION_INFO on a session fails");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_TYPE, "CONNECTION_INFO on a session: 12018");

    WINHTTP_SECURITY_INFO si;
    memset(&si, 0xab, sizeof si);
    size = sizeof si;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_INFO, &si, &size), "SECURITY_INFO before send succeeds (%lu)", (unsigned long)GetLastError());
    CHECK_EQ(size, sizeof si, "SECURITY_INFO size");
    CHECK(all_zero(&si, sizeof si), "SECURITY_INFO before send is all zeros");
    DWORD bits = 77;
    size = sizeof bits;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_KEY_BITNESS, &bits, &size), "KEY_BITNESS before send");
    CHECK_EQ(bits, 0, "KEY_BITNESS before send is 0");

    /* The request, with .NET's read of the connection from SENDING_REQUEST. */
    CHECK(WinHttpSetStatusCallback(req, on_status, WINHTTP_CALLBACK_FLAG_SEND_REQUEST, 0) != WINHTTP_INVALID_STATUS_CALLBACK, "set callback");
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0), "send (%lu)", (unsigned long)GetLastError());
    CHECK(WinHttpReceiveResponse(req, NULL), "receive (%lu)", (unsigned long)GetLastError());
    CHECK(cb_seen && cb_conn_ok, "CONNECTION_INFO answers inside SENDING_REQUEST");
    CHECK_EQ(cb_remote_port, port, "SENDING_REQUEST: remote port");

    /* Short buffers: 122 and the size needed, before anything else. */
    size = 0;
    SetLastError(0);
    CHECK(!WinHttpQueryOption(req, WINHTTP_OPTION_CONNECTION_INFO, &ci, &size), "CONNECTION_INFO with size 0 fails");
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER, "CONNECTION_INFO with size 0: 122");
    CHECK_EQ(size, sizeof ci, "CONNECTION_INFO: size needed");
    size = sizeof ci;
    CHECK(!WinHttpQueryOption(req, WINHTTP_OPTION_CONNECTION_INFO, NULL, &size), "CONNECTION_INFO NULL buffer fails");
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER, "CONNECTION_INFO NULL buffer: 122");
    size = sizeof si - 1;
    CHECK(!WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_INFO, &si, &size), "SECURITY_INFO one byte short fails");
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER, "SECURITY_INFO short: 122");
    CHECK_EQ(size, sizeof si, "SECURITY_INFO: size needed");

    /* The connection. */
    memset(&ci, 0xab, sizeof ci);
    size = sizeof ci;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_CONNECTION_INFO, &ci, &size), "CONNECTION_INFO after send (%lu)", (unsigned long)GetLastError());
    CHECK_EQ(size, sizeof ci, "CONNECTION_INFO size written");
    CHECK_EQ(ci.cbSize, sizeof ci, "cbSize");
    const struct sockaddr_in *local = (const struct sockaddr_in *)&ci.LocalAddress, *remote = (const struct sockaddr_in *)&ci.RemoteAddress;
    char la[INET_ADDRSTRLEN] = "", ra[INET_ADDRSTRLEN] = "";
    inet_ntop(AF_INET, &local->sin_addr, la, sizeof la);
    inet_ntop(AF_INET, &remote->sin_addr, ra, sizeof ra);
    CHECK(local->sin_family == AF_INET && remote->sin_family == AF_INET, "both addresses are sockaddr_in");
    CHECK(strcmp(la, "127.0.0.1") == 0 && strcmp(ra, "127.0.0.1") == 0, "addresses %s -> %s", la, ra);
    CHECK_EQ(ntohs(remote->sin_port), port, "remote port is the server's");
    CHECK(ntohs(local->sin_port) != 0 && ntohs(local->sin_port) != port, "local port is the client's own (%u)", ntohs(local->sin_port));

    /* The TLS session, in Schannel's terms. */
    memset(&si, 0xab, sizeof si);
    size = sizeof si;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_INFO, &si, &size), "SECURITY_INFO after send (%lu)", (unsigned long)GetLastError());
    const SecPkgContext_ConnectionInfo *c = &si.ConnectionInfo;
    const SecPkgContext_CipherInfo *k = &si.CipherInfo;
    CHECK(c->dwProtocol == SP_PROT_TLS1_3_CLIENT || c->dwProtocol == SP_PROT_TLS1_2_CLIENT, "dwProtocol %#lx", (unsigned long)c->dwProtocol);
    CHECK(c->dwCipherStrength == 128 || c->dwCipherStrength == 256, "dwCipherStrength %lu", (unsigned long)c->dwCipherStrength);
    CHECK(c->aiHash == CALG_SHA_256 || c->aiHash == CALG_SHA_384, "aiHash %#x", c->aiHash);
    CHECK_EQ(c->aiExch, CALG_ECDH_EPHEM, "aiExch");
    CHECK(c->dwExchStrength >= 255, "dwExchStrength %lu", (unsigned long)c->dwExchStrength);
    CHECK_EQ(k->dwVersion, SECPKGCONTEXT_CIPHERINFO_V1, "CipherInfo.dwVersion");
    CHECK_EQ(k->dwProtocol, c->dwProtocol == SP_PROT_TLS1_3_CLIENT ? 0x0304 : 0x0303, "CipherInfo.dwProtocol is the wire version");
    CHECK(k->dwCipherSuite != 0 && k->dwCipherSuite == k->dwBaseCipherSuite, "dwCipherSuite %#lx", (unsigned long)k->dwCipherSuite);
    CHECK(wide_starts(k->szCipherSuite, "TLS_"), "szCipherSuite is an IANA name");
    CHECK(wide_is(k->szCipher, "AES") || wide_is(k->szCipher, "CHACHA20_POLY1305"), "szCipher");
    CHECK(wide_is(k->szHash, c->aiHash == CALG_SHA_256 ? "SHA256" : "SHA384"), "szHash matches aiHash");
    CHECK(wide_is(k->szExchange, "ECDH"), "szExchange");
    CHECK_EQ(k->dwCipherLen, c->dwCipherStrength, "dwCipherLen");
    if (c->aiCipher == CALG_AES_128 || c->aiCipher == CALG_AES_256) CHECK_EQ(k->dwCipherBlockLen, 16, "AES block length");
    size = sizeof bits;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_KEY_BITNESS, &bits, &size), "KEY_BITNESS after send");
    CHECK_EQ(bits, c->dwCipherStrength, "KEY_BITNESS is the cipher strength");

    /* Read-only. */
    CHECK(!WinHttpSetOption(req, WINHTTP_OPTION_CONNECTION_INFO, &ci, sizeof ci), "CONNECTION_INFO cannot be set");

    drain_and_close(req, con, ses);
}

/* The first certificate of a PEM file, decoded to DER; its length (0 on failure). */
static size_t pem_first_der(const char *path, unsigned char *out, size_t cap) {
    static char text[16384];
    if (ts_read_file(path, text, sizeof text) < 0) return 0;
    char *p = strstr(text, "-----BEGIN CERTIFICATE-----"), *end = p ? strstr(p, "-----END CERTIFICATE-----") : NULL;
    if (!p || !end) return 0;
    p += strlen("-----BEGIN CERTIFICATE-----");
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned acc = 0;
    int bits = 0;
    size_t len = 0;
    for (; p < end; p++) {
        const char *at = strchr(alphabet, *p);
        if (!*p || !at) continue; /* newlines, '=' padding */
        acc = (acc << 6) | (unsigned)(at - alphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (len < cap) out[len++] = (unsigned char)(acc >> bits);
        }
    }
    return len;
}

/* WINHTTP_OPTION_SERVER_CERT_CONTEXT (the server's own DER certificate, in a CERT_CONTEXT the caller frees),
 * the wincrypt.h functions around it, WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT and
 * WINHTTP_OPTION_CLIENT_CERT_CONTEXT with WINHTTP_NO_CLIENT_CERT_CONTEXT. */
static void test_certificates(const char *dir) {
    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, WINHTTP_FLAG_SECURE);
    HINTERNET plain = WinHttpOpenRequest(con, L"GET", L"/echo", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, 0);
    CHECK(ses && con && req && plain, "handles");

    /* No client certificate: accepted on a secure request, the wrong state on a plain one. */
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_CLIENT_CERT_CONTEXT, WINHTTP_NO_CLIENT_CERT_CONTEXT, 0), "NO_CLIENT_CERT_CONTEXT on https (%lu)", (unsigned long)GetLastError());
    CHECK(!WinHttpSetOption(plain, WINHTTP_OPTION_CLIENT_CERT_CONTEXT, WINHTTP_NO_CLIENT_CERT_CONTEXT, 0), "NO_CLIENT_CERT_CONTEXT on http fails");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "NO_CLIENT_CERT_CONTEXT on http: 12019");

    PCCERT_CONTEXT cert = NULL;
    DWORD size = sizeof cert;
    CHECK(!WinHttpQueryOption(req, WINHTTP_OPTION_SERVER_CERT_CONTEXT, &cert, &size), "SERVER_CERT_CONTEXT before send fails");
    CHECK_EQ(GetLastError(), ERROR_WINHTTP_INCORRECT_HANDLE_STATE, "SERVER_CERT_CONTEXT before send: 12019 (what .NET waits out)");
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "request (%lu)", (unsigned long)GetLastError());

    size = 4;
    CHECK(!WinHttpQueryOption(req, WINHTTP_OPTION_SERVER_CERT_CONTEXT, &cert, &size), "SERVER_CERT_CONTEXT in 4 bytes fails");
    CHECK_EQ(GetLastError(), ERROR_INSUFFICIENT_BUFFER, "SERVER_CERT_CONTEXT short: 122");
    CHECK_EQ(size, sizeof(PCCERT_CONTEXT), "SERVER_CERT_CONTEXT: a pointer's size");
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SERVER_CERT_CONTEXT, &cert, &size), "SERVER_CERT_CONTEXT after the handshake (%lu)", (unsigned long)GetLastError());
    CHECK(cert != NULL, "a certificate context");
    if (!cert) return;

    /* The server's own certificate, byte for byte. */
    static unsigned char der[8192];
    char pem[160];
    snprintf(pem, sizeof pem, "%s/good.pem", dir);
    size_t der_len = pem_first_der(pem, der, sizeof der);
    CHECK(der_len > 0, "read %s", pem);
    CHECK_EQ(cert->dwCertEncodingType, X509_ASN_ENCODING | PKCS_7_ASN_ENCODING, "dwCertEncodingType");
    CHECK(cert->cbCertEncoded == der_len && memcmp(cert->pbCertEncoded, der, der_len) == 0, "pbCertEncoded is the server's DER (%lu bytes, file %zu)", (unsigned long)cert->cbCertEncoded, der_len);
    const CERT_INFO *ci = cert->pCertInfo;
    CHECK(ci != NULL, "pCertInfo");
    CHECK_EQ(ci->dwVersion, CERT_V3, "dwVersion");
    CHECK(strcmp(ci->SubjectPublicKeyInfo.Algorithm.pszObjId, szOID_ECC_PUBLIC_KEY) == 0, "key algorithm %s", ci->SubjectPublicKeyInfo.Algorithm.pszObjId);
    CHECK(ci->SubjectPublicKeyInfo.PublicKey.cbData == 65 && ci->SubjectPublicKeyInfo.PublicKey.pbData[0] == 4, "P-256 point, uncompressed");
    CHECK(strcmp(ci->SignatureAlgorithm.pszObjId, "1.2.840.10045.4.3.2") == 0, "signature ecdsa-with-SHA256: %s", ci->SignatureAlgorithm.pszObjId);
    ULONGLONG nb = ((ULONGLONG)ci->NotBefore.dwHighDateTime << 32) | ci->NotBefore.dwLowDateTime;
    ULONGLONG na = ((ULONGLONG)ci->NotAfter.dwHighDateTime << 32) | ci->NotAfter.dwLowDateTime;
    CHECK(na > nb && (na - nb) / 10000000ULL / 86400 == 365, "valid for 365 days");
    CHECK(ci->Subject.cbData > 0 && ci->Issuer.cbData > 0 && ci->SerialNumber.cbData > 0, "subject, issuer, serial blobs");
    CHECK(ci->cExtension >= 1 && ci->rgExtension != NULL, "extensions (%lu)", (unsigned long)ci->cExtension);

    /* Names. */
    WCHAR name[64];
    DWORD n = CertGetNameStringW(cert, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, NULL, NULL, 0);
    CHECK_EQ(n, 5, "simple display name size (\"good\" + NUL)");
    CHECK_EQ(CertGetNameStringW(cert, CERT_NAME_SIMPLE_DISPLAY_TYPE, 0, NULL, name, 64), 5, "simple display name");
    CHECK(wide_is(name, "good"), "subject CN is good");
    CHECK_EQ(CertGetNameStringW(cert, CERT_NAME_SIMPLE_DISPLAY_TYPE, CERT_NAME_ISSUER_FLAG, NULL, name, 64), 14, "issuer name");
    CHECK(wide_is(name, "winhttpapi ca"), "issuer CN");
    CHECK_EQ(CertGetNameStringW(cert, CERT_NAME_DNS_TYPE, 0, NULL, name, 64), 10, "DNS name");
    CHECK(wide_is(name, "localhost"), "first DNS subject alternative name");
    CHECK_EQ(CertGetNameStringW(cert, CERT_NAME_ATTR_TYPE, 0, (void *)szOID_COMMON_NAME, name, 3), 3, "cut to the buffer");
    CHECK(wide_is(name, "go"), "cut, NUL-terminated");
    char narrow[64];
    CHECK_EQ(CertGetNameStringA(cert, CERT_NAME_ATTR_TYPE, CERT_NAME_ISSUER_FLAG, (void *)szOID_COMMON_NAME, narrow, sizeof narrow), 14, "A: issuer CN");
    CHECK(strcmp(narrow, "winhttpapi ca") == 0, "A: %s", narrow);
    CHECK_EQ(CertGetNameStringW(cert, CERT_NAME_EMAIL_TYPE, 0, NULL, name, 64), 1, "no e-mail: empty string");

    /* Reference counting, and a context made from the same bytes. */
    CHECK(CertDuplicateCertificateContext(cert) == cert, "duplicate is the same context");
    CHECK(CertFreeCertificateContext(cert), "free the duplicate");
    PCCERT_CONTEXT again = CertCreateCertificateContext(X509_ASN_ENCODING, der, (DWORD)der_len);
    CHECK(again != NULL && again != cert && again->cbCertEncoded == der_len, "CertCreateCertificateContext");
    CHECK(again && again->pCertInfo->cExtension == ci->cExtension, "same extensions");
    CHECK(CertFreeCertificateContext(again), "free the created context");
    SetLastError(0);
    CHECK(CertCreateCertificateContext(X509_ASN_ENCODING, der, 10) == NULL, "truncated DER is refused");
    CHECK_EQ(GetLastError(), (DWORD)CRYPT_E_ASN1_EOD, "truncated DER: CRYPT_E_ASN1_EOD");
    static const BYTE not_cert[] = {0x30, 0x03, 0x02, 0x01, 0x05}; /* SEQUENCE { INTEGER 5 } */
    CHECK(CertCreateCertificateContext(X509_ASN_ENCODING, not_cert, sizeof not_cert) == NULL, "not a certificate");
    CHECK_EQ(GetLastError(), (DWORD)CRYPT_E_ASN1_BADTAG, "not a certificate: CRYPT_E_ASN1_BADTAG");
    CHECK(CertCreateCertificateContext(PKCS_7_ASN_ENCODING, der, (DWORD)der_len) == NULL, "PKCS#7 alone is refused");
    CHECK_EQ(GetLastError(), (DWORD)E_INVALIDARG, "other encoding type: E_INVALIDARG");
    CHECK(CertFreeCertificateContext(NULL), "free NULL");
    CHECK(CertFreeCertificateContext(cert), "free the option's context");

    /* WINHTTP_CERTIFICATE_INFO. */
    WINHTTP_CERTIFICATE_INFO info;
    memset(&info, 0, sizeof info);
    size = sizeof info;
    CHECK(WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_CERTIFICATE_STRUCT, &info, &size), "CERTIFICATE_STRUCT (%lu)", (unsigned long)GetLastError());
    CHECK(((ULONGLONG)info.ftExpiry.dwHighDateTime << 32 | info.ftExpiry.dwLowDateTime) == na, "ftExpiry is NotAfter");
    CHECK(((ULONGLONG)info.ftStart.dwHighDateTime << 32 | info.ftStart.dwLowDateTime) == nb, "ftStart is NotBefore");
    CHECK(info.lpszSubjectInfo && wide_is(info.lpszSubjectInfo, "good"), "lpszSubjectInfo");
    CHECK(info.lpszIssuerInfo && wide_is(info.lpszIssuerInfo, "winhttpapi ca"), "lpszIssuerInfo");
    DWORD bits = 0;
    size = sizeof bits;
    WinHttpQueryOption(req, WINHTTP_OPTION_SECURITY_KEY_BITNESS, &bits, &size);
    CHECK_EQ(info.dwKeySize, bits, "dwKeySize is the cipher strength");
    LocalFree(info.lpszSubjectInfo);
    LocalFree(info.lpszIssuerInfo);

    WinHttpCloseHandle(plain);
    drain_and_close(req, con, ses);
}

/* A TLS server that stops in the middle of its first flight: a handshake record header announcing 200
 * bytes, then 10 of them, then nothing until the client gives up. */
static int stall_fd = -1;
static void *stall_server(void *arg) {
    (void)arg;
    int c = accept(stall_fd, NULL, NULL);
    if (c < 0) return NULL;
    char hello[4096];
    if (recv(c, hello, sizeof hello, 0) > 0) {
        static const unsigned char part[] = {0x16, 0x03, 0x03, 0x00, 0xc8, 0x02, 0x00, 0x00, 0xc4, 0x03, 0x03, 1, 2, 3, 4};
        ts_send_all(c, part, sizeof part);
        char rest[64];
        while (recv(c, rest, sizeof rest, 0) > 0) {} /* until the client closes */
    }
    close(c);
    return NULL;
}

static void test_stalled_handshake(void) {
    stall_fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t alen = sizeof a;
    CHECK(bind(stall_fd, (struct sockaddr *)&a, sizeof a) == 0 && listen(stall_fd, 1) == 0 && getsockname(stall_fd, (struct sockaddr *)&a, &alen) == 0, "stalling server");
    pthread_t t;
    pthread_create(&t, NULL, stall_server, NULL);

    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    CHECK(WinHttpSetTimeouts(ses, 0, 2000, 2000, 1000), "receive timeout 1 s");
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", ntohs(a.sin_port), 0);
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, WINHTTP_FLAG_SECURE);
    uint64_t start = ts_now_ms();
    SetLastError(0);
    CHECK(!WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0), "a stalled handshake fails");
    DWORD err = GetLastError();
    uint64_t took = ts_now_ms() - start;
    CHECK_EQ(err, ERROR_WINHTTP_TIMEOUT, "a stalled handshake is a timeout, not a secure failure");
    CHECK(took >= 900 && took < 10000, "after the receive timeout (%llu ms)", (unsigned long long)took);
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    pthread_join(t, NULL);
    close(stall_fd);
}

int main(void) {
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/winhttp_secinfo.XXXXXX");
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    char script[1024], ps[4][16];
    const char *argv[8] = {"python3", ts_source_path("c_tests/support/winhttp_tls_server.py", script, sizeof script), dir};
    int ports[4];
    for (int i = 0; i < 4; i++) {
        ports[i] = ts_free_port();
        snprintf(ps[i], sizeof ps[i], "%d", ports[i]);
        argv[3 + i] = ps[i];
    }
    pid_t pid = ts_spawn(argv, NULL);
    for (int i = 0; i < 4; i++) CHECK(ts_wait_port(ports[i], 20000) == 0, "TLS server port %d up", i);
    port = ports[0];
    char ca[128];
    snprintf(ca, sizeof ca, "%s/ca.pem", dir);
    setenv("SSL_CERT_FILE", ca, 1);

    test_before_and_after_send();
    test_certificates(dir);
    test_stalled_handshake();

    ts_kill(pid);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
    return ts_finish(sizeof(WCHAR) == 2 ? "winhttp_security_info (16-bit WCHAR)" : "winhttp_security_info");
}
