/* HTTPS with the HTTP Server API, as a Windows service sets it up: a certificate in the store (here
 * the WINHTTPAPI_CERT_STORE directory, filled by scripts/import-cert.sh), bound with
 * HttpSetServiceConfiguration(HttpServiceConfigSSLCertInfo) (`netsh http add sslcert`), then an
 * https:// prefix. A test CA and server certificate are made at test time with the openssl CLI.
 * Clients: curl (--cacert), python's ssl module, and our own WinHTTP (WINHTTP_FLAG_SECURE with
 * SSL_CERT_FILE naming the CA). Checked: GET, keep-alive over TLS, POST bodies echoed byte-exact,
 * HTTP_REQUEST.pSslInfo and the https cooked URL, a port without a binding (handshake reset), SNI
 * bindings, query / update / delete of bindings, and every bad input of the SSL configuration calls. */
#include "httpapi_support.h"
#include <winhttp.h>
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "winhttp_support.h"
#include <uchar.h>

/* The -fshort-wchar twins, declared by hand (this file builds with the normal wchar_t). */
ULONG HttpSetServiceConfiguration_w16(HANDLE, HTTP_SERVICE_CONFIG_ID, PVOID, ULONG, LPOVERLAPPED);
ULONG HttpQueryServiceConfiguration_w16(HANDLE, HTTP_SERVICE_CONFIG_ID, PVOID, ULONG, PVOID, ULONG, PULONG, LPOVERLAPPED);
ULONG HttpDeleteServiceConfiguration_w16(HANDLE, HTTP_SERVICE_CONFIG_ID, PVOID, ULONG, LPOVERLAPPED);
ULONG HttpQueryRequestProperty_w16(HANDLE, HTTP_OPAQUE_ID, HTTP_REQUEST_PROPERTY, VOID *, ULONG, PVOID, ULONG, PULONG, LPOVERLAPPED);

static char dir[256], ca[300], thumb_hex[64], nokey_hex[64];
static BYTE thumb[20], nokey[20], unknown[20];

static int sh(const char *cmd) {
    int rc = system(cmd);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void unhex(const char *s, BYTE out[20]) {
    for (int i = 0; i < 20; i++) {
        unsigned v = 0;
        sscanf(s + 2 * i, "%2x", &v);
        out[i] = (BYTE)v;
    }
}

/* CA, a server certificate for 127.0.0.1 / localhost, and a certificate stored without its key. */
static int make_certificates(void) {
    char cmd[4096], script[512], out[256];
    snprintf(cmd, sizeof cmd,
             "set -e; cd '%s'; exec >openssl.log 2>&1;"
             "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=winhttpapi test CA/O=winhttpapi';"
             "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=localhost/O=winhttpapi tests';"
             "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.ext;"
             "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext;"
             "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout nokey.key -out nokey.pem -days 2 -subj '/CN=nokey'",
             dir);
    if (sh(cmd) != 0) return -1;
    ts_source_path("scripts/import-cert.sh", script, sizeof script);
    const char *argv[] = {"bash", script, NULL, NULL, NULL};
    char c[300], k[300];
    snprintf(c, sizeof c, "%s/server.pem", dir);
    snprintf(k, sizeof k, "%s/server.key", dir);
    argv[2] = c;
    argv[3] = k;
    if (ts_run(argv, out, sizeof out, 20000) != 0 || strlen(out) < 40) return -1;
    memcpy(thumb_hex, out, 40);
    unhex(thumb_hex, thumb);
    /* The import refuses a key that is not the certificate's. */
    snprintf(k, sizeof k, "%s/nokey.key", dir);
    CHECK(ts_run(argv, out, sizeof out, 20000) != 0, "import-cert.sh refuses a mismatched key");
    /* A certificate in the store without its private key. */
    snprintf(cmd, sizeof cmd, "cd '%s' && t=$(openssl x509 -in nokey.pem -noout -fingerprint -sha1 | sed 's/^.*=//; s/://g' | tr A-F a-f) && cp nokey.pem store/$t.pem && printf %%s $t > nokey.thumb", dir);
    if (sh(cmd) != 0) return -1;
    snprintf(c, sizeof c, "%s/nokey.thumb", dir);
    FILE *f = fopen(c, "r");
    if (!f || fread(nokey_hex, 1, 40, f) != 40) return -1;
    fclose(f);
    unhex(nokey_hex, nokey);
    memset(unknown, 0x5a, sizeof unknown);
    return 0;
}

static struct sockaddr_in v4(const char *ip, int port) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)port);
    inet_pton(AF_INET, ip, &a.sin_addr);
    return a;
}

static HTTP_SERVICE_CONFIG_SSL_SET ssl_set(struct sockaddr_in *a, BYTE *hash) {
    HTTP_SERVICE_CONFIG_SSL_SET s;
    static const GUID app = {0x12345678, 0x1234, 0x5678, {1, 2, 3, 4, 5, 6, 7, 8}};
    memset(&s, 0, sizeof s);
    s.KeyDesc.pIpPort = (PSOCKADDR)a;
    s.ParamDesc.SslHashLength = 20;
    s.ParamDesc.pSslHash = hash;
    s.ParamDesc.AppId = app;
    s.ParamDesc.pSslCertStoreName = (PWSTR)L"MY";
    return s;
}

static ULONG bind_ip(const char *ip, int port, BYTE *hash) {
    struct sockaddr_in a = v4(ip, port);
    HTTP_SERVICE_CONFIG_SSL_SET s = ssl_set(&a, hash);
    return HttpSetServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL);
}

static ULONG unbind_ip(const char *ip, int port) {
    struct sockaddr_in a = v4(ip, port);
    HTTP_SERVICE_CONFIG_SSL_SET s = ssl_set(&a, thumb);
    return HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL);
}

/* Runs a command, returns its exit status; its stdout in `out`. */
static int run(const char *cmd, char *out, size_t cap) {
    const char *argv[] = {"sh", "-c", cmd, NULL};
    return ts_run(argv, out, cap, 30000);
}

/* Runs a python client `script` (saved as `name` in the test directory) with the CA file and `port` as its
 * arguments; its output in `out`. */
static int run_python(const char *name, const char *script, int port, char *out, size_t cap) {
    char path[300], cmd[800];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (ts_write_file(path, script) != 0) return -1;
    snprintf(cmd, sizeof cmd, "python3 '%s' '%s' %d", path, ca, port);
    return run(cmd, out, cap);
}

static void test_config_inputs(int port) {
    struct sockaddr_in a = v4("0.0.0.0", port);
    HTTP_SERVICE_CONFIG_SSL_SET s = ssl_set(&a, thumb);
    HTTP_SERVICE_CONFIG_SSL_SET bad;
    struct sockaddr_in weird = a;
    weird.sin_family = 12345;
    struct sockaddr_in port0 = v4("0.0.0.0", 0);
    struct {
        const char *name;
        void *info;
        ULONG len;
        int mutate;
        ULONG want;
    } cases[] = {
        {"NULL information", NULL, sizeof s, 0, ERROR_INVALID_PARAMETER},
        {"length 0", &bad, 0, 0, ERROR_INSUFFICIENT_BUFFER},
        {"length one short", &bad, sizeof s - 1, 0, ERROR_INSUFFICIENT_BUFFER},
        {"NULL pIpPort", &bad, sizeof s, 1, ERROR_INVALID_PARAMETER},
        {"unknown address family", &bad, sizeof s, 2, ERROR_INVALID_PARAMETER},
        {"NULL pSslHash", &bad, sizeof s, 3, ERROR_INVALID_PARAMETER},
        {"SslHashLength 0", &bad, sizeof s, 4, ERROR_INVALID_PARAMETER},
        {"SslHashLength 32", &bad, sizeof s, 5, ERROR_INVALID_PARAMETER},
        {"certificate not in the store", &bad, sizeof s, 6, ERROR_FILE_NOT_FOUND},
        {"certificate without its private key", &bad, sizeof s, 7, ERROR_NO_SUCH_LOGON_SESSION},
        {"port 0", &bad, sizeof s, 8, ERROR_INVALID_PARAMETER},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bad = s;
        switch (cases[i].mutate) {
        case 1: bad.KeyDesc.pIpPort = NULL; break;
        case 2: bad.KeyDesc.pIpPort = (PSOCKADDR)&weird; break;
        case 3: bad.ParamDesc.pSslHash = NULL; break;
        case 4: bad.ParamDesc.SslHashLength = 0; break;
        case 5: bad.ParamDesc.SslHashLength = 32; break;
        case 6: bad.ParamDesc.pSslHash = unknown; break;
        case 7: bad.ParamDesc.pSslHash = nokey; break;
        case 8: bad.KeyDesc.pIpPort = (PSOCKADDR)&port0; break;
        }
        CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, cases[i].info, cases[i].len, NULL), cases[i].want, cases[i].name);
    }
    /* The other store layout: <thumbprint>.crt + <thumbprint>.key. */
    char cmd[1600];
    snprintf(cmd, sizeof cmd, "cd '%s' && mv store/%s.pem store/%s.crt && cp nokey.key store/%s.key", dir, nokey_hex, nokey_hex, nokey_hex);
    CHECK(sh(cmd) == 0, "store the EC certificate as .crt + .key");
    CHECK_EQ(bind_ip("127.0.0.1", port, nokey), NO_ERROR, "binding a .crt + .key certificate");
    CHECK_EQ(unbind_ip("127.0.0.1", port), NO_ERROR, "and deleting it");
    CHECK_EQ(HttpSetServiceConfiguration((HANDLE)1, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL), ERROR_INVALID_HANDLE, "set: ServiceHandle not NULL");
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, &ov), ERROR_INVALID_PARAMETER, "set: pOverlapped not NULL");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslCcsCertInfo, &s, sizeof s, NULL), ERROR_NOT_SUPPORTED, "set: central certificate store record");

    /* Delete and query of what is not there. */
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL), ERROR_FILE_NOT_FOUND, "delete: no binding");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, NULL, sizeof s, NULL), ERROR_INVALID_PARAMETER, "delete: NULL");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, 8, NULL), ERROR_INVALID_PARAMETER, "delete: short length");
    bad = s;
    bad.KeyDesc.pIpPort = NULL;
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &bad, sizeof bad, NULL), ERROR_INVALID_PARAMETER, "delete: NULL pIpPort");
    HTTP_SERVICE_CONFIG_SSL_QUERY q;
    memset(&q, 0, sizeof q);
    q.QueryDesc = HttpServiceConfigQueryExact;
    q.KeyDesc.pIpPort = (PSOCKADDR)&a;
    char out[1024];
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, out, sizeof out, &ret, NULL), ERROR_FILE_NOT_FOUND, "query: no binding");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, NULL, sizeof q, out, sizeof out, &ret, NULL), ERROR_INVALID_PARAMETER, "query: NULL input");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, 4, out, sizeof out, &ret, NULL), ERROR_INVALID_PARAMETER, "query: short input");
    q.QueryDesc = (HTTP_SERVICE_CONFIG_QUERY_TYPE)7;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, out, sizeof out, &ret, NULL), ERROR_INVALID_PARAMETER, "query: bad QueryDesc");
    q.QueryDesc = HttpServiceConfigQueryExact;
    q.KeyDesc.pIpPort = NULL;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, out, sizeof out, &ret, NULL), ERROR_INVALID_PARAMETER, "query: NULL pIpPort");
    CHECK_EQ(HttpUpdateServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL), ERROR_FILE_NOT_FOUND, "update: no binding");
}

static void test_query(int port) {
    struct sockaddr_in a = v4("0.0.0.0", port);
    HTTP_SERVICE_CONFIG_SSL_QUERY q;
    memset(&q, 0, sizeof q);
    q.QueryDesc = HttpServiceConfigQueryExact;
    q.KeyDesc.pIpPort = (PSOCKADDR)&a;
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, NULL, 0, &ret, NULL), ERROR_INSUFFICIENT_BUFFER, "query: size only");
    CHECK(ret > sizeof(HTTP_SERVICE_CONFIG_SSL_SET), "query: size %lu covers the struct and its data", (unsigned long)ret);
    ULONG need = ret;
    char *out = calloc(1, need + 16);
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, out, need - 1, &ret, NULL), ERROR_INSUFFICIENT_BUFFER, "query: one byte short");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, out, need, &ret, NULL), NO_ERROR, "query: exact");
    HTTP_SERVICE_CONFIG_SSL_SET *s = (HTTP_SERVICE_CONFIG_SSL_SET *)out;
    CHECK(s->KeyDesc.pIpPort && (char *)s->KeyDesc.pIpPort >= out && (char *)s->KeyDesc.pIpPort < out + need, "pIpPort points into the buffer");
    CHECK(s->KeyDesc.pIpPort && ntohs(((struct sockaddr_in *)s->KeyDesc.pIpPort)->sin_port) == port, "port comes back");
    CHECK_EQ(s->ParamDesc.SslHashLength, 20, "hash length");
    CHECK(s->ParamDesc.pSslHash && memcmp(s->ParamDesc.pSslHash, thumb, 20) == 0, "thumbprint comes back");
    CHECK(s->ParamDesc.AppId.Data1 == 0x12345678 && s->ParamDesc.AppId.Data4[7] == 8, "AppId comes back");
    CHECK(s->ParamDesc.pSslCertStoreName && wcscmp(s->ParamDesc.pSslCertStoreName, L"MY") == 0, "store name comes back");
    free(out);

    /* Enumeration by token. */
    char buf[1024];
    q.QueryDesc = HttpServiceConfigQueryNext;
    q.dwToken = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, buf, sizeof buf, &ret, NULL), NO_ERROR, "enumerate: first");
    q.dwToken = 1000;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, buf, sizeof buf, &ret, NULL), ERROR_NO_MORE_ITEMS, "enumerate: past the end");
    /* The record is in the configuration file. */
    char cmd[600], text[256];
    snprintf(cmd, sizeof cmd, "grep -c 'sslcert 0.0.0.0:%d %s' '%s/httpsys.conf'", port, thumb_hex, dir);
    CHECK(run(cmd, text, sizeof text) == 0 && atoi(text) == 1, "binding stored in the configuration file");
}

/* Starts the shell command `cmd` (its output into `log`) and receives its request on this thread into `r`.
 * Returns its pid (the caller answers, then waits for it). */
static pid_t client_request(HANDLE queue, const char *cmd, const char *log, HTTP_REQUEST *r, ULONG cap) {
    const char *argv[] = {"sh", "-c", cmd, NULL};
    pid_t pid = ts_spawn(argv, log);
    ULONG got = 0;
    CHECK(HttpReceiveHttpRequest(queue, HTTP_NULL_ID, 0, r, cap, &got, NULL) == NO_ERROR, "receive over TLS from %s", cmd);
    return pid;
}

/* Starts curl on `target` (its arguments after the CA; its body into `log`) and receives its request on this
 * thread into `r`. Returns curl's pid (the caller answers, then waits for it). */
static pid_t curl_request(HANDLE queue, const char *target, const char *log, HTTP_REQUEST *r, ULONG cap) {
    char cmd[800];
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' %s", ca, target);
    return client_request(queue, cmd, log, r, cap);
}

/* One request received on this thread, to look at HTTP_REQUEST (curl runs in the background). */
static void test_request_fields(HANDLE queue, int port) {
    char target[300], log[300];
    snprintf(target, sizeof target, "https://127.0.0.1:%d/fields?x=1", port);
    snprintf(log, sizeof log, "%s/curl-fields.out", dir);
    union {
        HTTP_REQUEST r;
        char raw[16384];
    } u;
    pid_t pid = curl_request(queue, target, log, &u.r, sizeof u);
    HTTP_SSL_INFO *ssl = u.r.pSslInfo;
    CHECK(ssl != NULL, "pSslInfo set for an https request");
    if (ssl) {
        CHECK_EQ(ssl->ServerCertKeySize, 2048, "ServerCertKeySize: RSA 2048");
        CHECK(ssl->ConnectionKeySize == 128 || ssl->ConnectionKeySize == 256, "ConnectionKeySize %u", ssl->ConnectionKeySize);
        CHECK(ssl->pServerCertSubject && strstr(ssl->pServerCertSubject, "CN=localhost"), "subject %s", ssl->pServerCertSubject ? ssl->pServerCertSubject : "(null)");
        CHECK(ssl->pServerCertIssuer && strstr(ssl->pServerCertIssuer, "CN=winhttpapi test CA"), "issuer %s", ssl->pServerCertIssuer ? ssl->pServerCertIssuer : "(null)");
        CHECK(ssl->pServerCertSubject && ssl->ServerCertSubjectSize == strlen(ssl->pServerCertSubject), "subject size");
        CHECK(ssl->pServerCertIssuer && ssl->ServerCertIssuerSize == strlen(ssl->pServerCertIssuer), "issuer size");
        CHECK(ssl->pClientCertInfo == NULL && ssl->SslClientCertNegotiated == 0, "no client certificate");
    }
    wchar_t want[128];
    swprintf(want, 128, L"https://127.0.0.1:%d/fields?x=1", port);
    CHECK(u.r.CookedUrl.pFullUrl && wcsncmp(u.r.CookedUrl.pFullUrl, want, wcslen(want)) == 0, "cooked URL is https");
    CHECK(u.r.CookedUrl.pHost && wcsncmp(u.r.CookedUrl.pHost, L"127.0.0.1:", 10) == 0, "pHost after the https scheme");
    CHECK_EQ(u.r.CookedUrl.HostLength, wcslen(L"127.0.0.1:") * sizeof(WCHAR) + (port >= 10000 ? 5 : 4) * sizeof(WCHAR), "HostLength");
    CHECK(u.r.Address.pLocalAddress && ntohs(((struct sockaddr_in *)u.r.Address.pLocalAddress)->sin_port) == port, "local address is the TCP one");
    /* Socket properties describe the client's TCP connection, not the internal relay. */
    unsigned char tcp[256];
    ULONG tgot = 0;
    CHECK_EQ(HttpQueryRequestProperty(queue, u.r.RequestId, HttpRequestPropertyTcpInfoV0, NULL, 0, tcp, sizeof tcp, &tgot, NULL), NO_ERROR, "TcpInfoV0 over TLS");
    int tstate = 0;
    ULONG mss = 0;
    memcpy(&tstate, tcp, 4);
    memcpy(&mss, tcp + 4, 4);
    CHECK(tstate == 4 && mss > 0, "TCP_INFO of the TLS connection: state %d mss %lu", tstate, (unsigned long)mss);
    ULONG small = 0;
    HTTP_SSL_CLIENT_CERT_INFO ci;
    CHECK_EQ(HttpReceiveClientCertificate(queue, u.r.ConnectionId, 0, &ci, sizeof ci, &small, NULL), ERROR_NOT_FOUND, "HttpReceiveClientCertificate: none negotiated");
    CHECK_EQ(hs_send_simple(queue, u.r.RequestId, 200, "OK", "fields ok", 0), NO_ERROR, "respond");
    int status;
    waitpid(pid, &status, 0);
    FILE *f = fopen(log, "r");
    char body[64] = {0};
    if (f) {
        size_t n = fread(body, 1, sizeof body - 1, f);
        body[n] = 0;
        fclose(f);
    }
    CHECK(strcmp(body, "fields ok") == 0, "curl got the response over TLS: '%s'", body);
}

static void test_curl(int port) {
    char cmd[1600], out[512];
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' https://127.0.0.1:%d/hello", ca, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "hello") == 0, "curl GET: '%s'", out);
    /* Two requests in one curl: one connection, kept alive. */
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' -o /dev/null -o /dev/null -w '%%{num_connects}\\n' https://127.0.0.1:%d/hello https://127.0.0.1:%d/hello", ca, port, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "1\n0\n") == 0, "curl keep-alive over TLS: connects '%s'", out);
    /* Without the CA the certificate is not trusted. */
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 https://127.0.0.1:%d/hello", port);
    CHECK(run(cmd, out, sizeof out) != 0, "curl without the CA refuses the certificate");
    /* A 300 KB upload echoed byte-exact. */
    snprintf(cmd, sizeof cmd, "cd '%s' && head -c 300000 /dev/urandom > up.bin && curl -s --max-time 20 --cacert '%s' --data-binary @up.bin -H 'Content-Type: application/octet-stream' -o down.bin https://127.0.0.1:%d/echo && cmp up.bin down.bin && echo same", dir, ca, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "same\n") == 0, "curl POST echoed byte-exact");
}

static void test_python(int port) {
    char path[300], cmd[1600], out[512];
    snprintf(path, sizeof path, "%s/client.py", dir);
    FILE *f = fopen(path, "w");
    fprintf(f,
            "import http.client, os, ssl, sys\n"
            "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
            "c = http.client.HTTPSConnection('127.0.0.1', int(sys.argv[2]), context=ctx, timeout=10)\n"
            "c.request('GET', '/hello'); r = c.getresponse(); a = r.read(); s1 = c.sock\n"
            "data = os.urandom(200000) + bytes(range(256)) * 100\n"
            "c.request('POST', '/echo', body=data); r = c.getresponse(); b = r.read()\n"
            "same = c.sock is s1\n"
            "c.request('GET', '/py/path'); r = c.getresponse(); p = r.read()\n"
            "print(a.decode(), b == data, same, p.decode(), c.sock.version())\n");
    fclose(f);
    snprintf(cmd, sizeof cmd, "python3 '%s' '%s' %d", path, ca, port);
    int rc = run(cmd, out, sizeof out);
    CHECK(rc == 0, "python client ran (%d)", rc);
    CHECK(strncmp(out, "hello True True /py/path TLSv1.", 31) == 0, "python: GET, POST echo byte-exact, keep-alive, TLS: '%s'", out);
}

/* Clients that reset their connection while a large response is on its way: the server process (this
 * one) must not die of SIGPIPE, and keeps serving. */
static void test_abrupt_clients(int port) {
    char path[300], cmd[1600], out[512];
    snprintf(path, sizeof path, "%s/abrupt.py", dir);
    FILE *f = fopen(path, "w");
    fprintf(f,
            "import socket, ssl, struct, sys\n"
            "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
            "body = b'x' * 400000\n"
            "for i in range(20):\n"
            "    s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[2]))), server_hostname='localhost')\n"
            "    s.sendall(b'POST /echo HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: %%d\\r\\n\\r\\n' %% len(body) + body)\n"
            "    s.recv(100)\n"
            "    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))\n"
            "    s.close()\n"
            "print('done')\n");
    fclose(f);
    snprintf(cmd, sizeof cmd, "python3 '%s' '%s' %d", path, ca, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "done\n") == 0, "20 clients reset mid-response: '%s'", out);
    usleep(200000);
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' https://127.0.0.1:%d/hello", ca, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "hello") == 0, "still serving after the resets: '%s'", out);
}

/* Answers that carry no application data go out at once, not with the next response or at the next timer
 * (issue 12): the alert refusing a TLS 1.2 renegotiation (openssl s_client's "R" command), and the 400 for a
 * request line ending in CR CR LF. Both within 2 s; the connection's timers are 2 minutes. */
static void test_at_once(int port) {
    char out[512];
    int rc = run_python("at_once.py",
            "import socket, ssl, subprocess, sys, threading, time\n"
            "ca, port = sys.argv[1], sys.argv[2]\n"
            "p = subprocess.Popen(['openssl', 's_client', '-tls1_2', '-connect', '127.0.0.1:' + port, '-CAfile', ca, '-msg'],\n"
            "                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)\n"
            "threading.Timer(10, p.kill).start()\n"
            "sent = None; alert = None\n"
            "for line in p.stdout:\n"
            "    if sent is None and line.startswith(b'    Verify return code'):\n"
            "        time.sleep(0.2); p.stdin.write(b'R\\n'); p.stdin.flush(); sent = time.time()\n"
            "    elif sent is not None and b'no_renegotiation' in line:\n"
            "        alert = time.time() - sent; break\n"
            "p.kill(); p.wait()\n"
            "print('alert %.3f' % alert if alert is not None else 'no alert')\n"
            "ctx = ssl.create_default_context(cafile=ca)\n"
            "s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(port))), server_hostname='localhost')\n"
            "s.settimeout(5); s.sendall(b'GET /hello HTTP/1.1\\r\\r\\n'); t = time.time()\n"
            "try: d = s.recv(100)\n"
            "except socket.timeout: d = b'timeout'\n"
            "print('%.3f %s' % (time.time() - t, d[:24].decode()))\n"
            "sys.stdout.flush(); import os; os._exit(0)\n",
            port, out, sizeof out);
    double alert = -1, answer = -1;
    char status[64] = "";
    int n = sscanf(out, "alert %lf %lf HTTP/1.1 %63[^\n]", &alert, &answer, status);
    CHECK(rc == 0 && n >= 1 && alert >= 0 && alert < 2.0, "renegotiation refused at once (alert after %.3f s): '%s'", alert, out);
    CHECK(n == 3 && answer < 2.0 && !strncmp(status, "400", 3), "request line ending CR CR LF: 400 at once over TLS: '%s'", out);
}

static void test_winhttp(int port) {
    HINTERNET ses = NULL, con = NULL;
    HINTERNET req = whs_open(&ses, &con, port, L"GET", L"/hello", WINHTTP_FLAG_SECURE);
    CHECK(req != NULL, "WinHTTP open");
    if (!req) return;
    CHECK(WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, NULL, 0, 0, 0) && WinHttpReceiveResponse(req, NULL), "WinHTTP GET over TLS (error %lu)", (unsigned long)GetLastError());
    static char body[400000];
    DWORD e = 0;
    CHECK_EQ(whs_status(req), 200, "WinHTTP status");
    long n = whs_read_all(req, body, sizeof body, &e);
    CHECK(n == 5 && memcmp(body, "hello", 5) == 0, "WinHTTP body");
    WinHttpCloseHandle(req);
    static char up[150000];
    for (size_t i = 0; i < sizeof up; i++) up[i] = (char)(i * 7 + 3);
    req = WinHttpOpenRequest(con, L"POST", L"/echo", NULL, WINHTTP_NO_REFERER, WINHTTP_DEFAULT_ACCEPT_TYPES, WINHTTP_FLAG_SECURE);
    CHECK(req && WinHttpSendRequest(req, WINHTTP_NO_ADDITIONAL_HEADERS, 0, up, sizeof up, sizeof up, 0) && WinHttpReceiveResponse(req, NULL), "WinHTTP POST over TLS");
    if (req) {
        n = whs_read_all(req, body, sizeof body, &e);
        CHECK(n == (long)sizeof up && memcmp(body, up, sizeof up) == 0, "WinHTTP POST echoed byte-exact (%ld)", n);
        WinHttpCloseHandle(req);
    }
    WinHttpCloseHandle(con);
    WinHttpCloseHandle(ses);
}

/* A port with an https prefix and no binding: the handshake is reset; the application sees nothing. */
static void test_no_binding(hs_app *app, HANDLE queue) {
    char cmd[1600], out[512];
    int port2 = ts_free_port();
    wchar_t url[64];
    swprintf(url, 64, L"https://127.0.0.1:%d/", port2);
    CHECK_EQ(HttpAddUrl(queue, url, NULL), NO_ERROR, "https prefix on a second port");
    long before = app->served;
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' https://127.0.0.1:%d/hello; echo rc=$?", ca, port2);
    run(cmd, out, sizeof out);
    CHECK(strstr(out, "rc=35") || strstr(out, "rc=56"), "curl: handshake fails without a binding: '%s'", out);
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import socket,ssl,sys\nctx=ssl.create_default_context(cafile=sys.argv[1])\n"
             "s=socket.create_connection(('127.0.0.1',int(sys.argv[2])))\n"
             "try:\n ctx.wrap_socket(s,server_hostname='localhost'); print('handshake')\n"
             "except ConnectionResetError: print('reset')\nexcept ssl.SSLError as e: print('ssl', e)\n\" '%s' %d",
             ca, port2);
    run(cmd, out, sizeof out);
    CHECK(strncmp(out, "reset", 5) == 0, "python: connection reset without a binding: '%s'", out);
    CHECK_EQ(app->served, before, "no request reached the application");

    /* An SNI binding for localhost on that port: names it, bare IP does not. */
    HTTP_SERVICE_CONFIG_SSL_SNI_SET sni;
    memset(&sni, 0, sizeof sni);
    struct sockaddr_in any = v4("0.0.0.0", port2);
    memcpy(&sni.KeyDesc.IpPort, &any, sizeof any);
    sni.KeyDesc.Host = (PWSTR)L"LocalHost";
    sni.ParamDesc.SslHashLength = 20;
    sni.ParamDesc.pSslHash = thumb;
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni, NULL), NO_ERROR, "SNI binding set");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni, NULL), ERROR_ALREADY_EXISTS, "SNI binding set twice");
    HTTP_SERVICE_CONFIG_SSL_SNI_SET bad = sni;
    bad.KeyDesc.Host = NULL;
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &bad, sizeof bad, NULL), ERROR_INVALID_PARAMETER, "SNI binding: NULL host");
    bad.KeyDesc.Host = (PWSTR)L"";
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &bad, sizeof bad, NULL), ERROR_INVALID_PARAMETER, "SNI binding: empty host");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni - 1, NULL), ERROR_INSUFFICIENT_BUFFER, "SNI binding: short length");
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' --resolve localhost:%d:127.0.0.1 https://localhost:%d/hello", ca, port2, port2);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "hello") == 0, "curl with SNI localhost: '%s'", out);
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' https://127.0.0.1:%d/hello", ca, port2);
    CHECK(run(cmd, out, sizeof out) != 0, "no SNI (IP literal): no binding, handshake fails");

    HTTP_SERVICE_CONFIG_SSL_SNI_QUERY q;
    memset(&q, 0, sizeof q);
    q.QueryDesc = HttpServiceConfigQueryExact;
    q.KeyDesc = sni.KeyDesc;
    q.KeyDesc.Host = (PWSTR)L"localhost";
    char buf[1024];
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &q, sizeof q, buf, sizeof buf, &ret, NULL), NO_ERROR, "SNI query");
    HTTP_SERVICE_CONFIG_SSL_SNI_SET *got = (HTTP_SERVICE_CONFIG_SSL_SNI_SET *)buf;
    CHECK(got->KeyDesc.Host && wcscmp(got->KeyDesc.Host, L"localhost") == 0, "SNI query: host");
    CHECK(ntohs(((struct sockaddr_in *)&got->KeyDesc.IpPort)->sin_port) == port2, "SNI query: port");
    CHECK(got->ParamDesc.pSslHash && memcmp(got->ParamDesc.pSslHash, thumb, 20) == 0 && got->ParamDesc.pSslCertStoreName == NULL, "SNI query: hash, no store name");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &q, sizeof q, buf, 16, &ret, NULL), ERROR_INSUFFICIENT_BUFFER, "SNI query: small buffer");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni, NULL), NO_ERROR, "SNI binding deleted");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni, NULL), ERROR_FILE_NOT_FOUND, "SNI binding deleted twice");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &q, sizeof q, buf, sizeof buf, &ret, NULL), ERROR_FILE_NOT_FOUND, "SNI query after delete");
    CHECK_EQ(HttpRemoveUrl(queue, url), NO_ERROR, "second https prefix removed");
}

/* HttpQueryRequestProperty(HttpRequestPropertySni): the server name of the client's ClientHello and how it
 * was used (HTTP_REQUEST_PROPERTY_SNI_FLAG_SNI_USED when it picked an SNI binding, _NO_SNI without one), in
 * the caller's WCHAR width; and HttpRequestPropertyTlsCipherInfo. One curl request per row, received and answered on this thread. */
static void test_sni_property(HANDLE queue, int port) {
    static const struct {
        const char *name;
        int sni_binding;     /* an SNI binding localhost:port exists besides 0.0.0.0:port */
        const char *target;  /* curl's arguments after the CA */
        const wchar_t *host; /* Hostname wanted */
        ULONG flags;
    } rows[] = {
        {"IP literal: no SNI", 0, "https://127.0.0.1:%d/sni", L"", HTTP_REQUEST_PROPERTY_SNI_FLAG_NO_SNI},
        {"SNI localhost, IP binding used", 0, "--resolve localhost:%d:127.0.0.1 https://localhost:%d/sni", L"localhost", 0},
        {"SNI localhost, SNI binding used", 1, "--resolve localhost:%d:127.0.0.1 https://localhost:%d/sni", L"localhost", HTTP_REQUEST_PROPERTY_SNI_FLAG_SNI_USED},
    };
    HTTP_SERVICE_CONFIG_SSL_SNI_SET sni;
    memset(&sni, 0, sizeof sni);
    struct sockaddr_in any = v4("0.0.0.0", port);
    memcpy(&sni.KeyDesc.IpPort, &any, sizeof any);
    sni.KeyDesc.Host = (PWSTR)L"localhost";
    sni.ParamDesc.SslHashLength = 20;
    sni.ParamDesc.pSslHash = thumb;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (rows[i].sni_binding)
            CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni, NULL), NO_ERROR, "SNI binding localhost:port");
        char target[300], log[300];
        snprintf(target, sizeof target, rows[i].target, port, port);
        snprintf(log, sizeof log, "%s/curl-sni.out", dir);
        union {
            HTTP_REQUEST r;
            char raw[16384];
        } u;
        pid_t pid = curl_request(queue, target, log, &u.r, sizeof u);
        HTTP_REQUEST_PROPERTY_SNI p;
        memset(&p, 0x55, sizeof p);
        ULONG n = 0;
        CHECK(HttpQueryRequestProperty(queue, u.r.RequestId, HttpRequestPropertySni, NULL, 0, &p, sizeof p, &n, NULL) == NO_ERROR, "%s: query", rows[i].name);
        CHECK(n == sizeof p && wcscmp(p.Hostname, rows[i].host) == 0 && p.Flags == rows[i].flags,
              "%s: %lu bytes, Hostname '%ls', Flags %lu", rows[i].name, (unsigned long)n, p.Hostname, (unsigned long)p.Flags);
        /* -fshort-wchar callers: 16-bit WCHARs, 516 bytes as on Windows. */
        struct {
            char16_t Hostname[HTTP_REQUEST_PROPERTY_SNI_HOST_MAX_LENGTH + 1];
            ULONG Flags;
        } p16;
        n = 0;
        CHECK(HttpQueryRequestProperty_w16(queue, u.r.RequestId, HttpRequestPropertySni, NULL, 0, &p16, sizeof p16, &n, NULL) == NO_ERROR, "%s: query (w16)", rows[i].name);
        size_t k = 0;
        while (rows[i].host[k] && p16.Hostname[k] == (char16_t)rows[i].host[k]) k++;
        CHECK(n == 516 && sizeof p16 == 516 && !rows[i].host[k] && p16.Hostname[k] == 0 && p16.Flags == rows[i].flags,
              "%s (w16): %lu bytes, Flags %lu", rows[i].name, (unsigned long)n, (unsigned long)p16.Flags);
        if (i == 0) {
            n = 0;
            CHECK_EQ(HttpQueryRequestProperty(queue, u.r.RequestId, HttpRequestPropertySni, NULL, 0, &p, sizeof p - 1, &n, NULL), ERROR_INSUFFICIENT_BUFFER, "Sni: small buffer");
            CHECK_EQ(n, sizeof p, "Sni: small buffer: the size needed");
            CHECK_EQ(HttpQueryRequestProperty(queue, u.r.RequestId, HttpRequestPropertyTlsClientHello, NULL, 0, NULL, 0, &n, NULL), ERROR_NOT_SUPPORTED,
                     "TlsClientHello: the binding does not keep it (no HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO)");
            /* HttpRequestPropertyTlsCipherInfo: Schannel's SecPkgContext_CipherInfo of the session. */
            SecPkgContext_CipherInfo ci;
            memset(&ci, 0, sizeof ci);
            n = 0;
            CHECK_EQ(HttpQueryRequestProperty(queue, u.r.RequestId, HttpRequestPropertyTlsCipherInfo, NULL, 0, &ci, sizeof ci, &n, NULL), NO_ERROR, "TlsCipherInfo");
            CHECK(n == sizeof ci && ci.dwVersion == SECPKGCONTEXT_CIPHERINFO_V1 && (ci.dwProtocol == 0x0304 || ci.dwProtocol == 0x0303) &&
                      wcsncmp(ci.szCipherSuite, L"TLS_", 4) == 0 && (ci.dwCipherLen == 128 || ci.dwCipherLen == 256) &&
                      wcscmp(ci.szExchange, L"ECDH") == 0 && ci.dwKeyType != 0,
                  "TlsCipherInfo: %lu bytes, version %lu, protocol %#lx, suite %ls, cipher %ls %lu, exchange %ls, key type %lu", (unsigned long)n,
                  (unsigned long)ci.dwVersion, (unsigned long)ci.dwProtocol, ci.szCipherSuite, ci.szCipher, (unsigned long)ci.dwCipherLen,
                  ci.szExchange, (unsigned long)ci.dwKeyType);
        }
        CHECK(hs_send_simple(queue, u.r.RequestId, 200, "OK", "sni", 0) == NO_ERROR, "%s: respond", rows[i].name);
        int status;
        waitpid(pid, &status, 0);
        char body[64] = {0};
        ts_read_file(log, body, sizeof body);
        CHECK(strcmp(body, "sni") == 0, "%s: curl got the response: '%s'", rows[i].name, body);
        if (rows[i].sni_binding)
            CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni, NULL), NO_ERROR, "SNI binding deleted");
    }
}

/* HttpRequestPropertyTlsClientHello: with HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO on the binding,
 * the ClientHello's TLS records exactly as the client sent them. The python client drives its TLS through memory
 * BIOs, so it knows the bytes it put on the wire and prints them; the size probe (NULL buffer, then one byte short)
 * and both widths are checked. */
static void test_client_hello(HANDLE queue, int port) {
    static const char script[] =
        "import socket, ssl, sys\n"
        "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
        "inc, out = ssl.MemoryBIO(), ssl.MemoryBIO()\n"
        "tls = ctx.wrap_bio(inc, out, server_hostname='127.0.0.1')\n"
        "s = socket.create_connection(('127.0.0.1', int(sys.argv[2])), timeout=10)\n"
        "def flush():\n"
        "    d = out.read()\n"
        "    if d: s.sendall(d)\n"
        "    return d\n"
        "def fill():\n"
        "    r = s.recv(65536)\n"
        "    inc.write(r) if r else inc.write_eof()\n"
        "    return r\n"
        "hello = None\n"
        "while True:\n"
        "    try:\n"
        "        tls.do_handshake(); flush(); break\n"
        "    except ssl.SSLWantReadError:\n"
        "        d = flush()\n"
        "        hello = d if hello is None else hello\n"
        "        if not fill(): sys.exit('closed during the handshake')\n"
        "tls.write(b'GET /client-hello HTTP/1.1\\r\\nHost: a\\r\\nConnection: close\\r\\n\\r\\n'); flush()\n"
        "got = b''\n"
        "while True:\n"
        "    try:\n"
        "        c = tls.read(65536)\n"
        "        if not c: break\n"
        "        got += c\n"
        "    except ssl.SSLWantReadError:\n"
        "        if not fill(): break\n"
        "    except (ssl.SSLZeroReturnError, ssl.SSLEOFError):\n"
        "        break\n"
        "print(hello.hex(), got.split(b'\\r\\n\\r\\n', 1)[-1].decode())\n";
    struct sockaddr_in any = v4("0.0.0.0", port);
    HTTP_SERVICE_CONFIG_SSL_SET keep = ssl_set(&any, thumb);
    keep.ParamDesc.DefaultFlags = HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO;
    CHECK_EQ(HttpUpdateServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &keep, sizeof keep, NULL), NO_ERROR,
             "binding updated with HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO");
    CHECK(HttpIsFeatureSupported(HttpFeatureCacheTlsClientHello), "HttpFeatureCacheTlsClientHello reported");
    char path[300], log[300], cmd[800];
    snprintf(path, sizeof path, "%s/hello.py", dir);
    snprintf(log, sizeof log, "%s/hello.out", dir);
    CHECK(ts_write_file(path, script) == 0, "python client written");
    snprintf(cmd, sizeof cmd, "python3 '%s' '%s' %d", path, ca, port);
    static union {
        HTTP_REQUEST r;
        char raw[16384];
    } u;
    pid_t pid = client_request(queue, cmd, log, &u.r, sizeof u);
    ULONG n = 0;
    HTTP_REQUEST_ID id = u.r.RequestId;
    ULONG need = 0;
    CHECK_EQ(HttpQueryRequestProperty(queue, id, HttpRequestPropertyTlsClientHello, NULL, 0, NULL, 0, &need, NULL), ERROR_INSUFFICIENT_BUFFER,
             "TlsClientHello: NULL buffer");
    CHECK(need > 5 + 4 + 38, "TlsClientHello: the size needed in BytesReturned (%lu)", (unsigned long)need);
    static BYTE hello[70000], hello16[70000];
    n = 0;
    CHECK_EQ(HttpQueryRequestProperty(queue, id, HttpRequestPropertyTlsClientHello, NULL, 0, hello, need - 1, &n, NULL), ERROR_INSUFFICIENT_BUFFER,
             "TlsClientHello: one byte short");
    CHECK_EQ(n, need, "TlsClientHello: one byte short: the size needed");
    n = 0;
    CHECK_EQ(HttpQueryRequestProperty(queue, id, HttpRequestPropertyTlsClientHello, NULL, 0, hello, sizeof hello, &n, NULL), NO_ERROR, "TlsClientHello");
    CHECK_EQ(n, need, "TlsClientHello: BytesReturned");
    /* A handshake record (22) holding a ClientHello (1). */
    CHECK(hello[0] == 22 && hello[1] == 3 && hello[5] == 1, "TlsClientHello: record %u version %u.%u, message %u", hello[0], hello[1], hello[2], hello[5]);
    ULONG n16 = 0;
    CHECK_EQ(HttpQueryRequestProperty_w16(queue, id, HttpRequestPropertyTlsClientHello, NULL, 0, hello16, sizeof hello16, &n16, NULL), NO_ERROR,
             "TlsClientHello (w16)");
    CHECK(n16 == n && memcmp(hello, hello16, n) == 0, "TlsClientHello (w16): the same bytes");
    CHECK(hs_send_simple(queue, id, 200, "OK", "client-hello", 0) == NO_ERROR, "respond");
    int status = 0;
    waitpid(pid, &status, 0);
    static char out[200000];
    ts_read_file(log, out, sizeof out);
    static char hex[140001];
    for (ULONG i = 0; i < n && i < 70000; i++)
        snprintf(hex + 2 * i, 3, "%02x", hello[i]);
    CHECK(strncmp(out, hex, 2 * n) == 0 && out[2 * n] == ' ', "TlsClientHello: the bytes the client sent (%lu bytes; client printed %.40s...)",
          (unsigned long)n, out);
    CHECK(strstr(out, " client-hello") != NULL, "client got the response: '%.*s'", 60, out + (strlen(out) > 60 ? strlen(out) - 60 : 0));
    keep.ParamDesc.DefaultFlags = 0;
    CHECK_EQ(HttpUpdateServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &keep, sizeof keep, NULL), NO_ERROR, "binding flags back to 0");
}

/* Version 2: an https prefix in a URL group on the same port, served by its own queue. */
static void test_v2_group(int port) {
    HTTP_SERVER_SESSION_ID session = 0;
    HTTP_URL_GROUP_ID group = 0;
    HANDLE queue = NULL;
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    CHECK(HttpCreateServerSession(v, &session, 0) == NO_ERROR && HttpCreateUrlGroup(session, &group, 0) == NO_ERROR &&
              HttpCreateRequestQueue(v, NULL, NULL, 0, &queue) == NO_ERROR, "v2 session, group, queue");
    HTTP_BINDING_INFO b;
    memset(&b, 0, sizeof b);
    b.Flags.Present = 1;
    b.RequestQueueHandle = queue;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerBindingProperty, &b, sizeof b), NO_ERROR, "bind group to queue");
    wchar_t url[64];
    swprintf(url, 64, L"https://127.0.0.1:%d/v2/", port);
    CHECK_EQ(HttpAddUrlToUrlGroup(group, url, 42, 0), NO_ERROR, "HttpAddUrlToUrlGroup https prefix");
    swprintf(url, 64, L"http://127.0.0.1:%d/v2plain/", port);
    CHECK_EQ(HttpAddUrlToUrlGroup(group, url, 43, 0), ERROR_ALREADY_EXISTS, "HttpAddUrlToUrlGroup http on the https port");
    char cmd[1600], out[256], log[300];
    /* A version 2 request over TLS carries HttpRequestInfoTypeSslProtocol. */
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' https://127.0.0.1:%d/v2/info", ca, port);
    snprintf(log, sizeof log, "%s/curl-v2.out", dir);
    const char *argv[] = {"sh", "-c", cmd, NULL};
    pid_t pid = ts_spawn(argv, log);
    union {
        HTTP_REQUEST_V2 r;
        char raw[16384];
    } u;
    ULONG got = 0;
    CHECK_EQ(HttpReceiveHttpRequest(queue, HTTP_NULL_ID, 0, (PHTTP_REQUEST)&u.r, sizeof u, &got, NULL), NO_ERROR, "v2 receive over TLS");
    CHECK(u.r.pSslInfo != NULL, "v2: pSslInfo");
    CHECK_EQ(u.r.RequestInfoCount, 1, "v2: one request info entry");
    if (u.r.RequestInfoCount == 1 && u.r.pRequestInfo) {
        HTTP_REQUEST_INFO *ri = u.r.pRequestInfo;
        CHECK_EQ(ri->InfoType, HttpRequestInfoTypeSslProtocol, "v2: HttpRequestInfoTypeSslProtocol");
        CHECK_EQ(ri->InfoLength, sizeof(HTTP_SSL_PROTOCOL_INFO), "v2: InfoLength");
        HTTP_SSL_PROTOCOL_INFO *pi = ri->pInfo;
        CHECK(pi && (pi->Protocol == 0x1000 || pi->Protocol == 0x400), "v2: Protocol SP_PROT_TLS1_3/1_2_SERVER (%#lx)", pi ? (unsigned long)pi->Protocol : 0UL);
        CHECK(pi && (pi->CipherStrength == 128 || pi->CipherStrength == 256), "v2: CipherStrength");
        CHECK(pi && pi->KeyExchangeType == 0xae06 && pi->KeyExchangeStrength >= 255, "v2: ECDHE key exchange (%lu bits)", pi ? (unsigned long)pi->KeyExchangeStrength : 0UL);
        CHECK(pi && (pi->HashType == 0x800c || pi->HashType == 0x800d), "v2: HashType");
    }
    CHECK_EQ(hs_send_simple(queue, u.r.RequestId, 200, "OK", "v2 info", 0), NO_ERROR, "v2 respond");
    int status;
    waitpid(pid, &status, 0);
    /* A reset reaches an HTTPS client as it reaches a plain one: a full queue with the default 503 verbosity
     * (Basic) resets the connection; the client sees ECONNRESET, not a TLS close_notify. */
    ULONG len = 1;
    CHECK_EQ(HttpSetRequestQueueProperty(queue, HttpServerQueueLengthProperty, &len, sizeof len, 0, NULL), NO_ERROR, "queue length 1");
    run_python("reset.py",
            "import os, socket, ssl, sys, time\n"
            "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
            "def conn():\n"
            "    s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[2]))), server_hostname='localhost')\n"
            "    s.settimeout(5); return s\n"
            "a = conn(); a.sendall(b'GET /v2/waits HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'); time.sleep(0.3)\n"
            "b = conn(); b.sendall(b'GET /v2/full HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n')\n"
            "# The TCP socket under TLS (OpenSSL reads a reset as an unexpected EOF): the records before the end\n"
            "# (session tickets; a close_notify when closed gracefully), then a reset or a FIN?\n"
            "raw = socket.socket(fileno=os.dup(b.fileno())); raw.settimeout(5)\n"
            "try:\n"
            "    while raw.recv(4096): pass\n"
            "    print('fin')\n"
            "except ConnectionResetError: print('reset')\n"
            "except socket.timeout: print('timeout')\n",
            port, out, sizeof out);
    CHECK(strncmp(out, "reset", 5) == 0, "queue full over TLS, Basic: the connection is reset: '%s'", out);
    len = 1000;
    CHECK_EQ(HttpSetRequestQueueProperty(queue, HttpServerQueueLengthProperty, &len, sizeof len, 0, NULL), NO_ERROR, "queue length back to 1000");
    hs_app app;
    hs_app_start(&app, queue);
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' https://127.0.0.1:%d/v2/hello", ca, port);
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "/v2/hello") == 0, "v2 group over TLS (cooked path): '%s'", out);
    CHECK_EQ(app.last_context, 42, "v2: the group's URL context");
    hs_app_stop(&app);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(session);
}

/* TLS driven on the connection's own socket (no relay): what a plain connection does, the TLS records
 * around it included. Served by a thread of a v2 queue of our own:
 * - a file-handle response of 8 MiB (encrypted from the file as the socket drains) with DISCONNECT, to a
 *   client with a small receive buffer that waits before reading: the records the socket cannot take
 *   wait in TLS, and all of them go out before close_notify and the FIN (a clean TLS end);
 * - a request followed at once by the client's FIN (no close_notify): answered all the same;
 * - two pipelined requests in one TLS record: both answered, in order. */

struct own_server {
    HANDLE queue;
    HANDLE file;
    int served;
};

static void *serve_own(void *arg) {
    struct own_server *s = arg;
    union {
        HTTP_REQUEST_V2 r;
        char raw[8192];
    } u;
    for (;;) {
        ULONG got = 0;
        if (HttpReceiveHttpRequest(s->queue, HTTP_NULL_ID, 0, (PHTTP_REQUEST)&u.r, sizeof u, &got, NULL) != NO_ERROR) break;
        char path[64] = "";
        snprintf(path, sizeof path, "%.*s", (int)u.r.RawUrlLength, u.r.pRawUrl);
        if (!strcmp(path, "/own/file")) {
            HTTP_RESPONSE resp;
            HTTP_DATA_CHUNK c;
            memset(&resp, 0, sizeof resp);
            memset(&c, 0, sizeof c);
            resp.StatusCode = 200;
            resp.pReason = "OK";
            resp.ReasonLength = 2;
            c.DataChunkType = HttpDataChunkFromFileHandle;
            c.FromFileHandle.ByteRange.StartingOffset.QuadPart = 5;
            c.FromFileHandle.ByteRange.Length.QuadPart = 8 << 20;
            c.FromFileHandle.FileHandle = s->file;
            resp.EntityChunkCount = 1;
            resp.pEntityChunks = &c;
            ULONG sent = 0;
            if (HttpSendHttpResponse(s->queue, u.r.RequestId, HTTP_SEND_RESPONSE_FLAG_DISCONNECT, &resp, NULL, &sent, NULL, 0, NULL, NULL) == NO_ERROR) s->served++;
        } else if (hs_send_simple(s->queue, u.r.RequestId, 200, "OK", path, 0) == NO_ERROR) {
            s->served++;
        }
    }
    return NULL;
}

static void test_on_socket(int port) {
    HTTP_SERVER_SESSION_ID session = 0;
    HTTP_URL_GROUP_ID group = 0;
    struct own_server s = {NULL, INVALID_HANDLE_VALUE, 0};
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    CHECK(HttpCreateServerSession(v, &session, 0) == NO_ERROR && HttpCreateUrlGroup(session, &group, 0) == NO_ERROR &&
              HttpCreateRequestQueue(v, NULL, NULL, 0, &s.queue) == NO_ERROR, "own session, group, queue");
    HTTP_BINDING_INFO b;
    memset(&b, 0, sizeof b);
    b.Flags.Present = 1;
    b.RequestQueueHandle = s.queue;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerBindingProperty, &b, sizeof b), NO_ERROR, "bind group to queue");
    wchar_t url[64];
    swprintf(url, 64, L"https://127.0.0.1:%d/own/", port);
    CHECK_EQ(HttpAddUrlToUrlGroup(group, url, 7, 0), NO_ERROR, "https prefix /own/");
    char path[300];
    snprintf(path, sizeof path, "%s/file.bin", dir);
    FILE *f = fopen(path, "wb");
    static unsigned char block[251 * 256];
    for (size_t i = 0; i < sizeof block; i++) block[i] = (unsigned char)(i % 251);
    for (int i = 0; i < 140; i++) fwrite(block, 1, sizeof block, f); /* 8.6 MiB: 8 MiB from offset 5 */
    fclose(f);
    s.file = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    CHECK(s.file != INVALID_HANDLE_VALUE, "open the file");
    pthread_t t;
    pthread_create(&t, NULL, serve_own, &s);
    char out[512];
    run_python("own.py",
            "import os, socket, ssl, sys, time\n"
            "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
            "def conn(rcvbuf=0):\n"
            "    r = socket.socket()\n"
            "    if rcvbuf: r.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)\n"
            "    r.settimeout(10); r.connect(('127.0.0.1', int(sys.argv[2])))\n"
            "    return ctx.wrap_socket(r, server_hostname='localhost')\n"
            "def read_all(s):\n"
            "    parts = []; clean = True\n"
            "    try:\n"
            "        while True:\n"
            "            d = s.recv(65536)\n"
            "            if not d: break\n"
            "            parts.append(d)\n"
            "    except ssl.SSLEOFError: clean = False\n"
            "    return b''.join(parts), clean\n"
            "s = conn(16384); s.sendall(b'GET /own/file HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'); time.sleep(0.5)\n"
            "data, clean = read_all(s)\n"
            "head, _, body = data.partition(b'\\r\\n\\r\\n')\n"
            "n = 8 << 20; want = (bytes(range(251)) * (n // 251 + 2))[5:5 + n]\n"
            "print('file', len(body), 'exact' if body == want else 'differs', 'clean' if clean else 'no-close_notify', b'Content-Length: %d' % n in head)\n"
            "s = conn(); s.sendall(b'GET /own/half HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n')\n"
            "raw = socket.socket(fileno=os.dup(s.fileno())); raw.shutdown(socket.SHUT_WR)\n"
            "data, clean = read_all(s)\n"
            "print('half', data.split(b'\\r\\n')[0].decode(), data.endswith(b'/own/half'))\n"
            "s = conn(); s.sendall(b'GET /own/p1 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\nGET /own/p2 HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n')\n"
            "data, clean = read_all(s)\n"
            "print('pipelined', data.count(b'HTTP/1.1 200'), data.find(b'/own/p1') < data.find(b'/own/p2'))\n",
            port, out, sizeof out);
    CHECK(strstr(out, "file 8388608 exact clean True") != NULL, "8 MiB file range over TLS to a slow reader, then close_notify: '%s'", out);
    CHECK(strstr(out, "half HTTP/1.1 200 OK True") != NULL, "request then the client's FIN: answered: '%s'", out);
    CHECK(strstr(out, "pipelined 2 True") != NULL, "two pipelined requests in one record: '%s'", out);
    /* Clients that send three pipelined requests and reset at once: every connection ends (its descriptor is
     * closed) whatever step the reset finds it at; none waits for an edge that will not come. */
    int before = ts_count_fds();
    run_python("rst.py",
            "import socket, ssl, struct, sys\n"
            "ctx = ssl.create_default_context(cafile=sys.argv[1])\n"
            "for i in range(60):\n"
            "    s = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[2]))), server_hostname='localhost')\n"
            "    s.sendall(b'GET /own/r HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n' * 3)\n"
            "    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0)); s.close()\n"
            "print('done')\n",
            port, out, sizeof out);
    int after = ts_count_fds();
    for (int i = 0; i < 50 && after > before; i++) {
        usleep(100000);
        after = ts_count_fds();
    }
    CHECK(strcmp(out, "done\n") == 0 && after <= before, "60 clients reset mid-pipeline: descriptors %d -> %d ('%s')", before, after, out);
    HttpShutdownRequestQueue(s.queue);
    pthread_join(t, NULL);
    CHECK(s.served >= 4, "the requests served (%d)", s.served);
    CloseHandle(s.file);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(session);
    HttpCloseRequestQueue(s.queue);
}

/* UTF-16 callers: the SNI host and store name are char16_t strings both ways. */
static void test_w16(int port) {
    static const char16_t host[] = u"w16.example", store[] = u"MY";
    HTTP_SERVICE_CONFIG_SSL_SNI_SET sni;
    memset(&sni, 0, sizeof sni);
    struct sockaddr_in any = v4("0.0.0.0", port);
    memcpy(&sni.KeyDesc.IpPort, &any, sizeof any);
    sni.KeyDesc.Host = (PWSTR)host;
    sni.ParamDesc.SslHashLength = 20;
    sni.ParamDesc.pSslHash = thumb;
    sni.ParamDesc.pSslCertStoreName = (PWSTR)store;
    CHECK_EQ(HttpSetServiceConfiguration_w16(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni, NULL), NO_ERROR, "w16: SNI binding set");
    HTTP_SERVICE_CONFIG_SSL_SNI_QUERY q;
    memset(&q, 0, sizeof q);
    q.QueryDesc = HttpServiceConfigQueryExact;
    q.KeyDesc = sni.KeyDesc;
    char buf[1024];
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServiceConfiguration_w16(NULL, HttpServiceConfigSslSniCertInfo, &q, sizeof q, buf, sizeof buf, &ret, NULL), NO_ERROR, "w16: SNI query");
    HTTP_SERVICE_CONFIG_SSL_SNI_SET *got = (HTTP_SERVICE_CONFIG_SSL_SNI_SET *)buf;
    CHECK(got->KeyDesc.Host && memcmp(got->KeyDesc.Host, host, sizeof host) == 0, "w16: host comes back in UTF-16");
    CHECK(got->ParamDesc.pSslCertStoreName && memcmp(got->ParamDesc.pSslCertStoreName, store, sizeof store) == 0, "w16: store name in UTF-16");
    CHECK(ret == sizeof(HTTP_SERVICE_CONFIG_SSL_SNI_SET) + 20 + sizeof host + sizeof store, "w16: size counts 2-byte units (%lu)", (unsigned long)ret);
    CHECK_EQ(HttpDeleteServiceConfiguration_w16(NULL, HttpServiceConfigSslSniCertInfo, &sni, sizeof sni, NULL), NO_ERROR, "w16: SNI binding deleted");
}

/* IPv6: a [::]:port wildcard binding serves https://+:port/ over ::1. */
static void test_ipv6(void) {
    int probe = socket(AF_INET6, SOCK_STREAM, 0);
    struct sockaddr_in6 lo;
    memset(&lo, 0, sizeof lo);
    lo.sin6_family = AF_INET6;
    lo.sin6_addr = in6addr_loopback;
    int have_v6 = probe >= 0 && bind(probe, (struct sockaddr *)&lo, sizeof lo) == 0;
    if (probe >= 0) close(probe);
    if (!have_v6) {
        printf("no IPv6 loopback: IPv6 binding test skipped\n");
        return;
    }
    int port = ts_free_port();
    struct sockaddr_in6 a;
    memset(&a, 0, sizeof a);
    a.sin6_family = AF_INET6;
    a.sin6_port = htons((unsigned short)port);
    a.sin6_addr = in6addr_any;
    HTTP_SERVICE_CONFIG_SSL_SET s = ssl_set((struct sockaddr_in *)&a, thumb);
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL), NO_ERROR, "binding [::]:port");
    HANDLE queue = NULL;
    CHECK_EQ(HttpCreateHttpHandle(&queue, 0), NO_ERROR, "IPv6 queue");
    wchar_t url[64];
    swprintf(url, 64, L"https://+:%d/", port);
    CHECK_EQ(HttpAddUrl(queue, url, NULL), NO_ERROR, "https://+:port/");
    hs_app app;
    hs_app_start(&app, queue);
    char cmd[1600], out[256];
    snprintf(cmd, sizeof cmd, "curl -s -g --max-time 10 --cacert '%s' --resolve 'localhost:%d:[::1]' https://localhost:%d/hello", ca, port, port);
    int rc = run(cmd, out, sizeof out);
    CHECK(rc == 0 && strcmp(out, "hello") == 0, "curl over IPv6 with the [::] binding: rc %d '%s'", rc, out);
    HTTP_SERVICE_CONFIG_SSL_QUERY q;
    memset(&q, 0, sizeof q);
    q.QueryDesc = HttpServiceConfigQueryExact;
    q.KeyDesc.pIpPort = (PSOCKADDR)&a;
    char buf[1024];
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &q, sizeof q, buf, sizeof buf, &ret, NULL), NO_ERROR, "query [::]:port");
    HTTP_SERVICE_CONFIG_SSL_SET *got = (HTTP_SERVICE_CONFIG_SSL_SET *)buf;
    CHECK(got->KeyDesc.pIpPort && got->KeyDesc.pIpPort->sa_family == AF_INET6, "query: IPv6 address comes back");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL), NO_ERROR, "binding [::]:port deleted");
    hs_app_stop(&app);
}

int main(void) {
    char tmpl[] = "/tmp/httpapi_tls.XXXXXX";
    if (!mkdtemp(tmpl)) return 1;
    snprintf(dir, sizeof dir, "%s", tmpl);
    hs_private_config(dir);
    snprintf(ca, sizeof ca, "%s/ca.pem", dir);
    setenv("SSL_CERT_FILE", ca, 1);
    if (make_certificates() != 0) {
        printf("cannot make the test certificates with openssl (see %s/openssl.log)\n", dir);
        return 1;
    }
    printf("server certificate thumbprint %s\n", thumb_hex);
    hs_init();
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    CHECK_EQ(HttpInitialize(v, HTTP_INITIALIZE_CONFIG, NULL), NO_ERROR, "HttpInitialize CONFIG");

    int port = ts_free_port();
    test_config_inputs(port);
    CHECK_EQ(bind_ip("0.0.0.0", port, thumb), NO_ERROR, "netsh http add sslcert ipport=0.0.0.0:port");
    CHECK_EQ(bind_ip("0.0.0.0", port, thumb), ERROR_ALREADY_EXISTS, "binding set twice");
    {
        struct sockaddr_in a = v4("0.0.0.0", port);
        HTTP_SERVICE_CONFIG_SSL_SET s = ssl_set(&a, thumb);
        CHECK_EQ(HttpUpdateServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &s, sizeof s, NULL), NO_ERROR, "update of an existing binding");
    }
    test_query(port);

    HANDLE queue = NULL;
    CHECK_EQ(HttpCreateHttpHandle(&queue, 0), NO_ERROR, "queue");
    wchar_t url[64], plain[64];
    swprintf(url, 64, L"https://127.0.0.1:%d/", port);
    swprintf(plain, 64, L"http://127.0.0.1:%d/other/", port);
    CHECK_EQ(HttpAddUrl(queue, url, NULL), NO_ERROR, "HttpAddUrl https://127.0.0.1:port/");
    CHECK_EQ(HttpAddUrl(queue, plain, NULL), ERROR_ALREADY_EXISTS, "http on an https port conflicts");

    test_request_fields(queue, port);
    test_sni_property(queue, port);
    test_client_hello(queue, port);
    hs_app app;
    hs_app_start(&app, queue);
    test_curl(port);
    test_python(port);
    test_winhttp(port);
    test_abrupt_clients(port);
    test_at_once(port);
    test_no_binding(&app, queue);
    test_w16(port);
    test_v2_group(port);
    test_on_socket(port);
    test_ipv6();

    /* Deleting the binding: new handshakes fail. */
    CHECK_EQ(unbind_ip("0.0.0.0", port), NO_ERROR, "binding deleted");
    CHECK_EQ(unbind_ip("0.0.0.0", port), ERROR_FILE_NOT_FOUND, "binding deleted twice");
    char cmd[600], out[256];
    snprintf(cmd, sizeof cmd, "curl -s --max-time 10 --cacert '%s' https://127.0.0.1:%d/hello", ca, port);
    CHECK(run(cmd, out, sizeof out) != 0, "after delete: handshake fails");
    /* A binding of the exact IP:port serves too. */
    CHECK_EQ(bind_ip("127.0.0.1", port, thumb), NO_ERROR, "binding 127.0.0.1:port");
    CHECK(run(cmd, out, sizeof out) == 0 && strcmp(out, "hello") == 0, "IP:port binding serves: '%s'", out);
    CHECK_EQ(unbind_ip("127.0.0.1", port), NO_ERROR, "binding 127.0.0.1:port deleted");

    hs_app_stop(&app);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (ts_failed == 0) sh(cmd);
    return ts_finish("httpapi_tls");
}
