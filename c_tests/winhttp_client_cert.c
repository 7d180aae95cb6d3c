/* TLS client authentication with WINHTTP_OPTION_CLIENT_CERT_CONTEXT, as a Windows program does it: a
 * PCCERT_CONTEXT for a certificate whose private key is in the certificate store (here the WINHTTPAPI_CERT_STORE
 * directory, filled by scripts/import-cert.sh, the store http.sys's SSL bindings use), set on the request and
 * freed by the program right after the set (WinHTTP keeps its own reference, as Windows' does with
 * CertDuplicateCertificateContext). The peer is python's TLS server with CERT_REQUIRED, trusting that
 * certificate, answering with the client certificate's common name. Checked: the request succeeds after the
 * program freed its context; the context stays alive while the request handle holds it and is freed when the
 * handle closes; a request without a certificate to the same server fails (it does not reuse the authenticated
 * connection); a certificate whose key is not in the store fails with ERROR_WINHTTP_CLIENT_CERT_NO_PRIVATE_KEY.
 *
 * The server's certificate request with WINHTTP_OPTION_CLIENT_CERT_CONTEXT never set (Microsoft's "SSL in
 * WinHTTP" sample and .NET's WinHttpHandler: WinHttpReceiveResponse, or REQUEST_ERROR with
 * API_RECEIVE_RESPONSE, reports ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED; the program sets a certificate or
 * WINHTTP_NO_CLIENT_CERT_CONTEXT and sends again on the same handle), against servers with CERT_REQUIRED,
 * CERT_OPTIONAL and one that does not ask: sync and async, no SECURE_FAILURE, no reuse of a connection that
 * declined for a request that never set the option. */
#include "httpapi_support.h"
#include <winhttp.h>
#include <wincrypt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "winhttp_async_support.h"

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
    "ctx.verify_mode = {'required': ssl.CERT_REQUIRED, 'optional': ssl.CERT_OPTIONAL, 'none': ssl.CERT_NONE}[sys.argv[3]]\n"
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

static HINTERNET open_get(HINTERNET con) {
    HINTERNET req = WinHttpOpenRequest(con, L"GET", L"/", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, WINHTTP_FLAG_SECURE);
    CHECK(req != NULL, "request handle");
    /* The server's own certificate is self-signed (an unknown CA to the client). */
    DWORD flags = SECURITY_FLAG_IGNORE_UNKNOWN_CA;
    CHECK(WinHttpSetOption(req, WINHTTP_OPTION_SECURITY_FLAGS, &flags, sizeof flags), "security flags");
    return req;
}

/* WinHttpSendRequest + WinHttpReceiveResponse (sync) and the body into `body`; 0 or the failing call's error,
 * *which 'S' (send) or 'R' (receive). */
static DWORD send_receive(HINTERNET req, char *body, size_t cap, char *which) {
    body[0] = 0;
    *which = 'S';
    if (!WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 0))
        return GetLastError();
    *which = 'R';
    if (!WinHttpReceiveResponse(req, NULL))
        return GetLastError();
    DWORD got = 0, total = 0;
    while (total + 1 < cap && WinHttpReadData(req, body + total, (DWORD)(cap - 1 - total), &got) && got > 0)
        total += got;
    body[total] = 0;
    return 0;
}

static BOOL set_cert(HINTERNET req, PCCERT_CONTEXT cert) {
    return WinHttpSetOption(req, WINHTTP_OPTION_CLIENT_CERT_CONTEXT, (LPVOID)cert, cert ? sizeof(CERT_CONTEXT) : 0);
}

/* A new context of dir/cert.pem (the imported certificate). */
static PCCERT_CONTEXT the_cert(void) {
    static BYTE der[8192];
    long n = der_of("cert.pem", der, sizeof der);
    CHECK(n > 100, "the client certificate's DER (%ld bytes)", n);
    return CertCreateCertificateContext(X509_ASN_ENCODING, der, (DWORD)n);
}

/* The synchronous flow against one server: the first send meets the certificate request (12044 from
 * WinHttpReceiveResponse, the send itself succeeds), then `answer` (a certificate, or NULL for
 * WINHTTP_NO_CLIENT_CERT_CONTEXT) is set and the same handle sends again: its result. */
static DWORD sync_flow(HINTERNET con, const char *what, PCCERT_CONTEXT answer, char *body, size_t cap) {
    HINTERNET req = open_get(con);
    char which;
    DWORD err = send_receive(req, body, cap, &which);
    CHECK(err == ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED && which == 'R',
          "%s, option never set: WinHttpReceiveResponse fails with 12044 (got %lu from %c)", what, (unsigned long)err, which);
    CHECK(set_cert(req, answer), "%s: set %s after 12044 (%lu)", what, answer ? "a certificate" : "WINHTTP_NO_CLIENT_CERT_CONTEXT",
          (unsigned long)GetLastError());
    if (answer)
        CertFreeCertificateContext(answer);
    err = send_receive(req, body, cap, &which);
    printf("%s: resend on the same handle: error %lu (%c), body '%s'\n", what, (unsigned long)err, which, body);
    WinHttpCloseHandle(req);
    return err;
}

static struct wa_log alog;

static void CALLBACK async_cb(HINTERNET h, DWORD_PTR ctx, DWORD status, LPVOID info, DWORD len) {
    wa_record(&alog, h, ctx, status, info, len);
    wa_leave(&alog, h);
}

/* Waits for the next SENDREQUEST_COMPLETE / HEADERS_AVAILABLE / REQUEST_ERROR after event *from; its index. */
static int wait_step(int *from) {
    for (uint64_t end = ts_now_ms() + 20000; ts_now_ms() < end; usleep(2000)) {
        pthread_mutex_lock(&alog.lock);
        int found = -1;
        for (int i = *from; i < alog.count && found < 0; i++) {
            DWORD s = alog.ev[i].status;
            if (s == WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE || s == WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE ||
                s == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR)
                found = i;
        }
        pthread_mutex_unlock(&alog.lock);
        if (found >= 0) {
            *from = found + 1;
            return found;
        }
    }
    return -1;
}

static int count_status(DWORD status) {
    int n = 0;
    pthread_mutex_lock(&alog.lock);
    for (int i = 0; i < alog.count; i++)
        n += alog.ev[i].status == status;
    pthread_mutex_unlock(&alog.lock);
    return n;
}

/* The asynchronous flow against the CERT_REQUIRED server: SENDREQUEST_COMPLETE, then the receive's
 * REQUEST_ERROR (API_RECEIVE_RESPONSE, 12044) and no SECURE_FAILURE; a certificate set, the same handle
 * sends again: SENDREQUEST_COMPLETE, HEADERS_AVAILABLE, status 200. */
static void async_flow(int port_required) {
    wa_init(&alog);
    HINTERNET ses = WinHttpOpen(L"winhttp-test/1.0", WINHTTP_ACCESS_TYPE_NO_PROXY, WINHTTP_NO_PROXY_NAME, WINHTTP_NO_PROXY_BYPASS,
                                WINHTTP_FLAG_ASYNC);
    HINTERNET con = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port_required, 0);
    HINTERNET req = open_get(con);
    alog.ses = ses, alog.con = con, alog.req = req;
    WinHttpSetStatusCallback(req, async_cb, WINHTTP_CALLBACK_FLAG_ALL_NOTIFICATIONS, 0);
    int from = 0;
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 1), "async send");
    int i = wait_step(&from);
    CHECK(i >= 0 && alog.ev[i].status == WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE, "async: the send completes (%s)",
          i >= 0 ? wa_status_name(alog.ev[i].status) : "nothing");
    CHECK(WinHttpReceiveResponse(req, NULL), "async receive");
    i = wait_step(&from);
    CHECK(i >= 0 && alog.ev[i].status == WINHTTP_CALLBACK_STATUS_REQUEST_ERROR && alog.ev[i].api == API_RECEIVE_RESPONSE &&
              alog.ev[i].error == ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED,
          "async: REQUEST_ERROR with API_RECEIVE_RESPONSE and 12044 (%s api %lu error %lu)", i >= 0 ? wa_status_name(alog.ev[i].status) : "nothing",
          i >= 0 ? (unsigned long)alog.ev[i].api : 0, i >= 0 ? (unsigned long)alog.ev[i].error : 0);
    CHECK_EQ(count_status(WINHTTP_CALLBACK_STATUS_SECURE_FAILURE), 0, "async: no SECURE_FAILURE for a certificate request");
    CHECK(set_cert(req, the_cert()), "async: a certificate set after 12044");
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, WINHTTP_NO_REQUEST_DATA, 0, 0, 2), "async resend");
    i = wait_step(&from);
    CHECK(i >= 0 && alog.ev[i].status == WINHTTP_CALLBACK_STATUS_SENDREQUEST_COMPLETE, "async: the resend completes");
    CHECK(WinHttpReceiveResponse(req, NULL), "async receive after the resend");
    i = wait_step(&from);
    CHECK(i >= 0 && alog.ev[i].status == WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE, "async: HEADERS_AVAILABLE after the resend (%s)",
          i >= 0 ? wa_status_name(alog.ev[i].status) : "nothing");
    DWORD status = 0, size = sizeof status;
    WinHttpQueryHeaders(req, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER, NULL, &status, &size, NULL);
    CHECK_EQ(status, 200, "async: status after the resend with a certificate");
    WinHttpCloseHandle(req);
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

/* GET / on a new secure request to the server, with `cert` set first (NULL: none) and freed by the caller
 * right after the set when `free_after_set`. The body into `body`; returns 0 or the failing call's error. The
 * request handle stays open in *req_out when req_out is given. */
static DWORD get(HINTERNET con, PCCERT_CONTEXT cert, int free_after_set, char *body, size_t cap, HINTERNET *req_out) {
    HINTERNET req = open_get(con);
    if (cert) {
        CHECK(WinHttpSetOption(req, WINHTTP_OPTION_CLIENT_CERT_CONTEXT, (LPVOID)cert, sizeof(CERT_CONTEXT)),
              "CLIENT_CERT_CONTEXT set (%lu)", (unsigned long)GetLastError());
        if (free_after_set)
            CHECK(CertFreeCertificateContext(cert), "the program frees its context right after the set");
    }
    char which;
    DWORD err = send_receive(req, body, cap, &which);
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
    const char *argv[] = {"python3", script, dir, portarg, "required", NULL};
    pid_t server = ts_spawn(argv, log);
    /* The same server with CERT_OPTIONAL (asks, takes no certificate too) and with CERT_NONE (does not ask). */
    char portarg2[16], portarg3[16], log2[300], log3[300];
    int port_optional = ts_free_port(), port_none = ts_free_port();
    snprintf(portarg2, sizeof portarg2, "%d", port_optional);
    snprintf(portarg3, sizeof portarg3, "%d", port_none);
    snprintf(log2, sizeof log2, "%s/server-optional.log", dir);
    snprintf(log3, sizeof log3, "%s/server-none.log", dir);
    const char *argv2[] = {"python3", script, dir, portarg2, "optional", NULL};
    const char *argv3[] = {"python3", script, dir, portarg3, "none", NULL};
    pid_t server_optional = ts_spawn(argv2, log2), server_none = ts_spawn(argv3, log3);
    CHECK(ts_wait_port(port, 15000) == 0, "python TLS server with CERT_REQUIRED on %d", port);
    CHECK(ts_wait_port(port_optional, 15000) == 0, "python TLS server with CERT_OPTIONAL on %d", port_optional);
    CHECK(ts_wait_port(port_none, 15000) == 0, "python TLS server with CERT_NONE on %d", port_none);

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

    /* No certificate set: the server's request is the program's to answer (the authenticated connection is
     * not reused: that would answer 200). */
    err = get(con, NULL, 0, body, sizeof body, NULL);
    CHECK_EQ(err, ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED, "GET with the option never set to a CERT_REQUIRED server");

    /* 12044, then a certificate: the same handle authenticates. */
    err = sync_flow(con, "CERT_REQUIRED", the_cert(), body, sizeof body);
    CHECK(err == 0 && strcmp(body, "client localhost") == 0, "CERT_REQUIRED: resend with a certificate: error %lu, '%s'",
          (unsigned long)err, body);
    /* 12044, then WINHTTP_NO_CLIENT_CERT_CONTEXT: the handshake goes on without one, the server refuses it
     * (a handshake failure, not 12044 again). */
    err = sync_flow(con, "CERT_REQUIRED", NULL, body, sizeof body);
    CHECK(err != 0 && err != ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED, "CERT_REQUIRED: resend without a certificate fails (%lu)",
          (unsigned long)err);

    HINTERNET con_optional = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port_optional, 0);
    HINTERNET con_none = WinHttpConnect(ses, L"127.0.0.1", (INTERNET_PORT)port_none, 0);
    CHECK(con_optional && con_none, "connect handles");
    /* Optional client auth asks too: 12044, then WINHTTP_NO_CLIENT_CERT_CONTEXT: served without a certificate. */
    err = sync_flow(con_optional, "CERT_OPTIONAL", NULL, body, sizeof body);
    CHECK(err == 0 && strcmp(body, "client -") == 0, "CERT_OPTIONAL: resend without a certificate: error %lu, '%s'", (unsigned long)err,
          body);
    /* The connection that declined stays with requests that decline: a new request that never set the option
     * meets the certificate request again. */
    err = get(con_optional, NULL, 0, body, sizeof body, NULL);
    CHECK_EQ(err, ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED, "CERT_OPTIONAL: a new request with the option never set");
    /* WINHTTP_NO_CLIENT_CERT_CONTEXT set before the first send: no 12044 (twice: the second on the pooled connection). */
    for (int round = 0; round < 2; round++) {
        HINTERNET req_null = open_get(con_optional);
        CHECK(set_cert(req_null, NULL), "WINHTTP_NO_CLIENT_CERT_CONTEXT before the send");
        char which;
        err = send_receive(req_null, body, sizeof body, &which);
        CHECK(err == 0 && strcmp(body, "client -") == 0, "CERT_OPTIONAL with NULL set first (%d): error %lu, '%s'", round, (unsigned long)err,
              body);
        WinHttpCloseHandle(req_null);
    }
    /* Optional client auth with a certificate after the 12044: authenticated. */
    err = sync_flow(con_optional, "CERT_OPTIONAL", the_cert(), body, sizeof body);
    CHECK(err == 0 && strcmp(body, "client localhost") == 0, "CERT_OPTIONAL: resend with a certificate: error %lu, '%s'",
          (unsigned long)err, body);
    /* A server that does not ask: no 12044 with the option never set. */
    err = get(con_none, NULL, 0, body, sizeof body, NULL);
    CHECK(err == 0 && strcmp(body, "client -") == 0, "a server that does not ask: error %lu, '%s'", (unsigned long)err, body);
    WinHttpCloseHandle(con_optional);
    WinHttpCloseHandle(con_none);

    async_flow(port);

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
    ts_kill(server_optional);
    ts_kill(server_none);
    return ts_finish("winhttp_client_cert");
}
