/* TLS client authentication with WINHTTP_OPTION_CLIENT_CERT_CONTEXT, as a Windows program does it: a
 * PCCERT_CONTEXT for a certificate whose private key is in the certificate store (here the WINHTTPAPI_CERT_STORE
 * directory, filled by scripts/import-cert.sh, the store http.sys's SSL bindings use), set on the request and
 * freed by the program right after the set (WinHTTP keeps its own reference, as Windows' does with
 * CertDuplicateCertificateContext). The peer is python's TLS server with CERT_REQUIRED, trusting that
 * certificate, answering with the client certificate's common name. Checked: the request succeeds after the
 * program freed its context; the context stays alive while the request handle holds it and is freed when the
 * handle closes; a request without a certificate to the same server fails (it does not reuse the authenticated
 * connection); a certificate whose key is not in the store fails with ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY. */
#include "httpapi_support.h"
#include <winhttp.h>
#include <wincrypt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char server_py[] =
    "import http.server, ssl, sys\n"
    "class H(http.server.BaseHTTPRequestHandler):\n"
    "    protocol_version = 'HTTP/1.1'\n"
    "    def do_GET(self):\n"
    "        cert = self.connection.getpeercert() or {}\n"
    "        cn = dict(x[0] for x in cert.get('subject', ())).get('commonName', '-')\n"
    "        body = ('client ' + cn).encode()\n"
    "        self.send_response(200)\n"
    "        self.send_header('Content-Length', str(len(body)))\n"
    "        self.end_headers()\n"
    "        self.wfile.write(body)\n"
    "    def log_message(self, *a):\n"
    "        pass\n"
    "d = sys.argv[1]\n"
    "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n"
    "ctx.load_cert_chain(d + '/cert.pem', d + '/key.pem')\n"
    "ctx.verify_mode = ssl.CERT_REQUIRED\n"
    "ctx.load_verify_locations(d + '/cert.pem')\n"
    "srv = http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[2])), H)\n"
    "srv.socket = ctx.wrap_socket(srv.socket, server_side=True)\n"
    "srv.serve_forever()\n";

static char dir[256];
static int port;

/* The DER bytes of the PEM certificate dir/<pem> (openssl x509 -outform DER). */
static long der_of(const char *pem, BYTE *der, size_t cap) {
    char cmd[800], path[300], out[64];
    snprintf(cmd, sizeof cmd, "cd '%s' && openssl x509 -in '%s' -outform DER -out '%s.der'", dir, pem, pem);
    const char *argv[] = {"sh", "-c", cmd, NULL};
    if (ts_run(argv, out, sizeof out, 30000) != 0) return -1;
    snprintf(path, sizeof path, "%s/%s.der", dir, pem);
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    long n = (long)fread(der, 1, cap, f);
    fclose(f);
    return n;
}

/* GET / on a new secure request to the server, with `cert` set first (NULL: none) and freed by the caller
 * right after the set when `free_after_set`. The body into `body`; returns 0 or the failing call's error. The
 * request handle stays open in *req_out when req_out is given. */
static DWORD get(HINTERNET con, PCCERT_CONTEXT cert, int free_after_set, char *body, size_t cap, HINTERNET *req_out) {
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, WINHTTP_FLAG_SECURE);
    CHECK(req != NULL, "request handle");
    /* The server's own certificate is self-signed (an unknown CA to the client). */
    DWORD flags = SECURITY_FLAG_IGNORE_UNKNOWN_CA;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &flags, sizeof flags), "security flags");
    if (cert) {
        CHECK(WinHttpSetOption(req, WINHTTP_OPTION_CLIENT_CERT_CONTEXT, (LPVOID)cert, sizeof(CERT_CONTEXT)),
              "CLIENT_CERT_CONTEXT set (%lu)", (unsigned long)GetLastError());
        if (free_after_set)
            CHECK(CertFreeCertificateContext(cert), "the program frees its context right after the set");
    }
    DWORD err = 0;
    body[0] = 0;
    if (!WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0) || !WinHttpReceiveResponse(req, NULL)) {
        err = GetLastError();
    } else {
        DWORD got = 0, total = 0;
        while (total + 1 < cap && WinHttpReadData(req, body + total, (DWORD)(cap - 1 - total), &got) && got > 0)
            total += got;
        body[total] = 0;
    }
    if (req_out)
        *req_out = req;
    else
        WinHttpCloseHandle(req);
    return err;
}

int main(void) {
    BYTE thumb[20];
    if (hs_tls_test_dir("winhttp_client_cert", dir, sizeof dir, thumb) != 0) return 1;
    char script[300], log[300], portarg[16];
    snprintf(script, sizeof script, "%s/server.py", dir);
    snprintf(log, sizeof log, "%s/server.log", dir);
    CHECK(ts_write_file(script, server_py) == 0, "server script written");
    port = ts_free_port();
    snprintf(portarg, sizeof portarg, "%d", port);
    const char *argv[] = {"python3", script, dir, portarg, NULL};
    pid_t server = ts_spawn(argv, log);
    CHECK(ts_wait_port(port, 15000) == 0, "python TLS server with CERT_REQUIRED on %d", port);

    static BYTE der[8192];
    long n = der_of("cert.pem", der, sizeof der);
    CHECK(n > 100, "the client certificate's DER (%ld bytes)", n);
    PCCERT_CONTEXT cert = CertCreateCertificateContext(X509_ASN_ENCODING | PKCS_7_ASN_ENCODING, der, (DWORD)n);
    CHECK(cert != NULL, "CertCreateCertificateContext (%lu)", (unsigned long)GetLastError());

    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS, 0);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port, 0);
    CHECK(ses && con, "session and connect handles");

    /* The program frees its context right after the set: the request still authenticates with it. */
    char body[256];
    HINTERNET req = NULL;
    DWORD err = get(con, cert, 1, body, sizeof body, &req);
    CHECK(err == 0 && strcmp(body, "client localhost") == 0, "client-authenticated GET after the program freed its context: error %lu, '%s'",
          (unsigned long)err, body);
    /* The request's own reference keeps the context (a duplicate of a live context is the context itself)... */
    PCCERT_CONTEXT probe = CertDuplicateCertificateContext(cert);
    CHECK(probe == cert, "the request handle holds a reference to the context");
    if (probe)
        CertFreeCertificateContext(probe);
    /* ... until the handle closes. */
    WinHttpCloseHandle(req);
    probe = CertDuplicateCertificateContext(cert);
    CHECK(probe == NULL, "the context is freed when the request handle closes");

    /* No certificate: the server refuses the handshake; the authenticated connection is not reused. */
    err = get(con, NULL, 0, body, sizeof body, NULL);
    printf("GET without a client certificate: error %lu\n", (unsigned long)err);
    CHECK(err != 0, "GET without a client certificate fails (error %lu, body '%s')", (unsigned long)err, body);

    /* A certificate whose private key is not in the store. */
    char cmd[800], out[64];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout other.key -out other.pem"
             " -days 2 -subj '/CN=other' >>openssl.log 2>&1", dir);
    const char *mk[] = {"sh", "-c", cmd, NULL};
    CHECK(ts_run(mk, out, sizeof out, 30000) == 0, "a second certificate, not imported");
    n = der_of("other.pem", der, sizeof der);
    PCCERT_CONTEXT other = CertCreateCertificateContext(X509_ASN_ENCODING, der, (DWORD)n);
    CHECK(other != NULL, "its context");
    err = get(con, other, 1, body, sizeof body, NULL);
    CHECK_EQ(err, ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY, "a certificate without its private key in the store");

    /* The certificate again, on a new request: a new handshake with it succeeds. */
    n = der_of("cert.pem", der, sizeof der);
    cert = CertCreateCertificateContext(X509_ASN_ENCODING, der, (DWORD)n);
    CHECK(cert != NULL, "the context again");
    err = get(con, cert, 1, body, sizeof body, NULL);
    CHECK(err == 0 && strcmp(body, "client localhost") == 0, "again: error %lu, '%s'", (unsigned long)err, body);

    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
    ts_kill(server);
    return ts_finish("winhttp_client_cert");
}
