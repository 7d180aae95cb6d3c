/* The machine-wide configuration store: HttpSetServiceConfiguration / HttpQueryServiceConfiguration /
 * HttpDeleteServiceConfiguration / HttpUpdateServiceConfiguration for timeouts, URL reservations and the
 * IP listen list. The store is a file (WINHTTPAPI_HTTPSYS_CONFIG, set before the first call); a child
 * process reading it stands for "after a restart". */
#include "httpapi_support.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <arpa/inet.h>

static char dir[128], path[300];

static ULONG set_timeout(int key, USHORT secs) {
    HTTP_SERVICE_CONFIG_TIMEOUT_SET s = {(HTTP_SERVICE_CONFIG_TIMEOUT_KEY)key, secs};
    return HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &s, sizeof s, NULL);
}
static ULONG delete_timeout(int key) {
    HTTP_SERVICE_CONFIG_TIMEOUT_SET s = {(HTTP_SERVICE_CONFIG_TIMEOUT_KEY)key, 0};
    return HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, &s, sizeof s, NULL);
}
static ULONG query_timeout(int key, USHORT *out) {
    HTTP_SERVICE_CONFIG_TIMEOUT_KEY k = (HTTP_SERVICE_CONFIG_TIMEOUT_KEY)key;
    ULONG ret = 0;
    return HttpQueryServiceConfiguration(NULL, HttpServiceConfigTimeout, &k, sizeof k, out, sizeof *out, &ret, NULL);
}

static int file_contains(const char *needle) {
    static char buf[8192];
    return ts_read_file(path, buf, sizeof buf) >= 0 && strstr(buf, needle) != NULL;
}

static int count_dir_entries(void) {
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p) {
        if (fscanf(p, "%d", &n) != 1) n = -1;
        pclose(p);
    }
    return n;
}

static ino_t inode_of(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 ? st.st_ino : 0;
}

/* The "restarted" process: prints the IdleConnection timeout it finds. */
static int child_query(void) {
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    HttpInitialize(v, HTTP_INITIALIZE_CONFIG, NULL);
    USHORT secs = 0;
    ULONG rc = query_timeout(IdleConnectionTimeout, &secs);
    printf("%lu %u\n", (unsigned long)rc, secs);
    return 0;
}

static void check_timeouts(void) {
    USHORT secs = 0;
    CHECK_EQ(query_timeout(IdleConnectionTimeout, &secs), NO_ERROR, "query default");
    CHECK_EQ(secs, 120, "default IdleConnection is 2 minutes");
    CHECK_EQ(set_timeout(IdleConnectionTimeout, 30), NO_ERROR, "set IdleConnection 30");
    CHECK_EQ(set_timeout(IdleConnectionTimeout, 40), ERROR_ALREADY_EXISTS, "second set of a record");
    CHECK_EQ(query_timeout(IdleConnectionTimeout, &secs), NO_ERROR, "query");
    CHECK_EQ(secs, 30, "stored IdleConnection");
    CHECK_EQ(query_timeout(HeaderWaitTimeout, &secs), NO_ERROR, "query HeaderWait");
    CHECK_EQ(secs, 120, "HeaderWait untouched");
    CHECK(file_contains("timeout IdleConnectionTimeout 30"), "readable record in %s", path);
    CHECK_EQ(count_dir_entries(), 2, "only the file and its lock (no temp file left)");

    /* A restart: another process reads the same store. */
    char self[512];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    CHECK(n > 0);
    self[n > 0 ? n : 0] = 0;
    const char *argv[] = {self, "child-query", NULL};
    char out[128] = "";
    CHECK_EQ(ts_run(argv, out, sizeof out, 10000), 0, "child ran");
    CHECK(strncmp(out, "0 30", 4) == 0, "child sees 30 (got '%s')", out);

    /* Atomic replacement: a write lands as a new file renamed over the old one. */
    ino_t before = inode_of(path);
    CHECK_EQ(set_timeout(HeaderWaitTimeout, 15), NO_ERROR, "set HeaderWait");
    CHECK(inode_of(path) != before, "file replaced by rename");
    CHECK_EQ(count_dir_entries(), 2, "still no temp file");

    CHECK_EQ(delete_timeout(IdleConnectionTimeout), NO_ERROR, "delete");
    CHECK_EQ(delete_timeout(IdleConnectionTimeout), ERROR_FILE_NOT_FOUND, "delete again");
    CHECK_EQ(query_timeout(IdleConnectionTimeout, &secs), NO_ERROR, "query after delete");
    CHECK_EQ(secs, 120, "back to the default");
    CHECK_EQ(query_timeout(HeaderWaitTimeout, &secs), NO_ERROR, "query HeaderWait");
    CHECK_EQ(secs, 15, "HeaderWait kept");
    CHECK_EQ(delete_timeout(HeaderWaitTimeout), NO_ERROR, "delete HeaderWait");
}

static void check_corrupt(void) {
    FILE *f = fopen(path, "w");
    fputs("timeout IdleConnectionTimeout 30\nthis is not a record \x01\x02\n", f);
    fclose(f);
    USHORT secs = 0;
    CHECK_EQ(query_timeout(IdleConnectionTimeout, &secs), NO_ERROR, "query of a corrupt store");
    CHECK_EQ(secs, 120, "corrupt store: defaults apply");
    f = fopen(path, "w");
    fputs("\xff\xfe\x00garbage", f);
    fclose(f);
    /* The cache re-reads at most once a second. */
    sleep(1);
    CHECK_EQ(query_timeout(IdleConnectionTimeout, &secs), NO_ERROR, "query of binary junk");
    CHECK_EQ(secs, 120, "junk: defaults apply");
    CHECK_EQ(set_timeout(IdleConnectionTimeout, 50), NO_ERROR, "set over a corrupt store");
    CHECK_EQ(query_timeout(IdleConnectionTimeout, &secs), NO_ERROR, "query");
    CHECK_EQ(secs, 50, "store usable again");
    CHECK_EQ(delete_timeout(IdleConnectionTimeout), NO_ERROR, "cleanup");
}

static void check_urlacl(void) {
    HTTP_SERVICE_CONFIG_URLACL_SET s;
    memset(&s, 0, sizeof s);
    s.KeyDesc.pUrlPrefix = (PWSTR)L"http://+:8080/app/";
    s.ParamDesc.pStringSecurityDescriptor = (PWSTR)L"D:(A;;GX;;;WD)";
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &s, sizeof s, NULL), NO_ERROR, "urlacl set");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &s, sizeof s, NULL), ERROR_ALREADY_EXISTS, "urlacl twice");
    CHECK(file_contains("urlacl http://+:8080/app/ D:(A;;GX;;;WD)"));

    HTTP_SERVICE_CONFIG_URLACL_QUERY q;
    memset(&q, 0, sizeof q);
    q.QueryDesc = HttpServiceConfigQueryExact;
    q.KeyDesc.pUrlPrefix = (PWSTR)L"http://+:8080/app/";
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &q, sizeof q, NULL, 0, &ret, NULL), ERROR_INSUFFICIENT_BUFFER, "urlacl size query");
    CHECK_EQ(ret, sizeof(HTTP_SERVICE_CONFIG_URLACL_SET) + (wcslen(L"http://+:8080/app/") + 1 + wcslen(L"D:(A;;GX;;;WD)") + 1) * sizeof(WCHAR), "size needed");
    union { HTTP_SERVICE_CONFIG_URLACL_SET s; char b[1024]; } out;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &q, sizeof q, &out, sizeof out, &ret, NULL), NO_ERROR, "urlacl exact");
    CHECK(wcscmp(out.s.KeyDesc.pUrlPrefix, L"http://+:8080/app/") == 0, "prefix back");
    CHECK(wcscmp(out.s.ParamDesc.pStringSecurityDescriptor, L"D:(A;;GX;;;WD)") == 0, "SDDL back");
    q.QueryDesc = HttpServiceConfigQueryNext;
    q.dwToken = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &q, sizeof q, &out, sizeof out, &ret, NULL), NO_ERROR, "urlacl next 0");
    q.dwToken = 1;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &q, sizeof q, &out, sizeof out, &ret, NULL), ERROR_NO_MORE_ITEMS, "urlacl next 1");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &s, sizeof s, NULL), NO_ERROR, "urlacl delete");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &s, sizeof s, NULL), ERROR_FILE_NOT_FOUND, "urlacl delete again");
    q.QueryDesc = HttpServiceConfigQueryExact;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &q, sizeof q, &out, sizeof out, &ret, NULL), ERROR_FILE_NOT_FOUND, "urlacl gone");
    q.QueryDesc = 7;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &q, sizeof q, &out, sizeof out, &ret, NULL), ERROR_INVALID_PARAMETER, "bad QueryDesc");

    s.KeyDesc.pUrlPrefix = (PWSTR)L"http://+:8080/noslash";
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &s, sizeof s, NULL), ERROR_INVALID_PARAMETER, "bad prefix");
    s.KeyDesc.pUrlPrefix = (PWSTR)L"http://+:8080/app/";
    s.ParamDesc.pStringSecurityDescriptor = (PWSTR)L"nonsense";
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &s, sizeof s, NULL), ERROR_INVALID_PARAMETER, "bad SDDL");
    s.ParamDesc.pStringSecurityDescriptor = NULL;
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, &s, sizeof s, NULL), ERROR_INVALID_PARAMETER, "NULL SDDL");
}

static void check_ip_listen(void) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(8080);
    a.sin_addr.s_addr = htonl(0x7f000001);
    HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM p = {sizeof a, (PSOCKADDR)&a};
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigIPListenList, &p, sizeof p, NULL), NO_ERROR, "iplisten add");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigIPListenList, &p, sizeof p, NULL), ERROR_ALREADY_EXISTS, "iplisten twice");
    union { HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY q; char b[1024]; } out;
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigIPListenList, NULL, 0, &out, 8, &ret, NULL), ERROR_INSUFFICIENT_BUFFER, "iplisten small");
    CHECK_EQ(ret, sizeof(HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY), "iplisten size");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigIPListenList, NULL, 0, &out, sizeof out, &ret, NULL), NO_ERROR, "iplisten query");
    CHECK_EQ(out.q.AddrCount, 1, "one address");
    struct sockaddr_in *got = (struct sockaddr_in *)&out.q.AddrList[0];
    CHECK(got->sin_family == AF_INET && got->sin_port == htons(8080) && got->sin_addr.s_addr == htonl(0x7f000001), "address back");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigIPListenList, &p, sizeof p, NULL), NO_ERROR, "iplisten delete");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigIPListenList, &p, sizeof p, NULL), ERROR_FILE_NOT_FOUND, "iplisten delete again");
    a.sin_family = 99;
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigIPListenList, &p, sizeof p, NULL), ERROR_INVALID_PARAMETER, "bad family");
    p.pAddress = NULL;
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigIPListenList, &p, sizeof p, NULL), ERROR_INVALID_PARAMETER, "NULL address");
}

static void check_bad_inputs(void) {
    HTTP_SERVICE_CONFIG_TIMEOUT_SET t = {IdleConnectionTimeout, 10};
    OVERLAPPED ov;
    memset(&ov, 0, sizeof ov);
    char junk[256];
    memset(junk, 0, sizeof junk);
    /* Each row a statement, so the calls run in the order written (C11 6.7.9p23 leaves the order of
     * calls inside one initializer unspecified). */
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, NULL, sizeof t, NULL), ERROR_INVALID_PARAMETER, "set NULL info");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &t, 4, NULL), ERROR_INSUFFICIENT_BUFFER, "set short length");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &t, 0, NULL), ERROR_INSUFFICIENT_BUFFER, "set zero length");
    CHECK_EQ(HttpSetServiceConfiguration((HANDLE)1, HttpServiceConfigTimeout, &t, sizeof t, NULL), ERROR_INVALID_HANDLE, "set with a service handle");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &t, sizeof t, &ov), ERROR_INVALID_PARAMETER, "set with an OVERLAPPED");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, (HTTP_SERVICE_CONFIG_ID)99, &t, sizeof t, NULL), ERROR_INVALID_PARAMETER, "set id 99");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, (HTTP_SERVICE_CONFIG_ID)-1, &t, sizeof t, NULL), ERROR_INVALID_PARAMETER, "set id -1");
    /* SSL bindings are kept (c_tests/httpapi_tls.c); an all-zero record has no key. */
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, junk, sizeof junk, NULL), ERROR_INVALID_PARAMETER, "set SSL cert, zeroed record");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslSniCertInfo, junk, sizeof junk, NULL), ERROR_INVALID_PARAMETER, "set SNI cert, zeroed record");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigSslCcsCertInfo, junk, sizeof junk, NULL), ERROR_NOT_SUPPORTED, "set CCS cert");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigCache, junk, sizeof junk, NULL), ERROR_NOT_SUPPORTED, "set cache");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, junk, 24, junk, sizeof junk, NULL, NULL), ERROR_INVALID_PARAMETER, "query SSL exact, NULL pIpPort");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, NULL, 0, junk, sizeof junk, NULL, NULL), ERROR_INVALID_PARAMETER, "query SSL NULL input");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, junk, sizeof junk, NULL), ERROR_INVALID_PARAMETER, "delete SSL, zeroed record");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, NULL, 0, NULL), ERROR_INVALID_PARAMETER, "delete NULL");
    CHECK_EQ(HttpDeleteServiceConfiguration(NULL, HttpServiceConfigTimeout, &t, 2, NULL), ERROR_INVALID_PARAMETER, "delete short");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigTimeout, NULL, 0, junk, 2, NULL, NULL), ERROR_INVALID_PARAMETER, "query NULL input");
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, (HTTP_SERVICE_CONFIG_ID)99, junk, 4, junk, 4, NULL, NULL), ERROR_INVALID_PARAMETER, "query id 99");
    CHECK_EQ(HttpUpdateServiceConfiguration(NULL, HttpServiceConfigTimeout, &t, sizeof t, NULL), ERROR_INVALID_PARAMETER, "update timeout");
    CHECK_EQ(HttpUpdateServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, junk, sizeof junk, NULL), ERROR_INVALID_PARAMETER, "update SSL, zeroed record");
    CHECK_EQ(HttpUpdateServiceConfiguration(NULL, HttpServiceConfigSslCcsCertInfo, junk, sizeof junk, NULL), ERROR_NOT_SUPPORTED, "update CCS");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, junk, 16, NULL), ERROR_INVALID_PARAMETER, "urlacl NULL prefix");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigUrlAclInfo, junk, 8, NULL), ERROR_INSUFFICIENT_BUFFER, "urlacl short");
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigIPListenList, junk, 16, NULL), ERROR_INVALID_PARAMETER, "iplisten NULL addr");

    HTTP_SERVICE_CONFIG_TIMEOUT_SET bad_key = {(HTTP_SERVICE_CONFIG_TIMEOUT_KEY)7, 10};
    CHECK_EQ(HttpSetServiceConfiguration(NULL, HttpServiceConfigTimeout, &bad_key, sizeof bad_key, NULL), ERROR_INVALID_PARAMETER, "bad timeout key");
    CHECK_EQ(set_timeout(HeaderWaitTimeout, 0), ERROR_INVALID_PARAMETER, "zero seconds");
    HTTP_SERVICE_CONFIG_TIMEOUT_KEY k = (HTTP_SERVICE_CONFIG_TIMEOUT_KEY)5;
    USHORT v;
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigTimeout, &k, sizeof k, &v, sizeof v, &ret, NULL), ERROR_INVALID_PARAMETER, "query bad key");
    k = IdleConnectionTimeout;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigTimeout, &k, sizeof k, NULL, 0, &ret, NULL), ERROR_INSUFFICIENT_BUFFER, "query NULL output");
    CHECK_EQ(ret, sizeof(USHORT), "size needed for the timeout");
    /* The SSL enumeration of an empty store ends at once. */
    union { HTTP_SERVICE_CONFIG_SSL_QUERY q; char b[256]; } sq;
    memset(&sq, 0, sizeof sq);
    sq.q.QueryDesc = HttpServiceConfigQueryNext;
    CHECK_EQ(HttpQueryServiceConfiguration(NULL, HttpServiceConfigSSLCertInfo, &sq, sizeof sq.q, junk, sizeof junk, &ret, NULL), ERROR_NO_MORE_ITEMS, "SSL enumeration");
}

static void check_access_denied(void) {
    char denied[512];
    int as_root = geteuid() == 0;
    if (as_root) {
        /* sysfs refuses new files even to root. */
        snprintf(denied, sizeof denied, "/sys/winhttpapi-test-httpsys.conf");
    } else {
        snprintf(denied, sizeof denied, "%s/ro", dir);
        mkdir(denied, 0500);
        strcat(denied, "/httpsys.conf");
    }
    setenv("WINHTTPAPI_HTTPSYS_CONFIG", denied, 1);
    CHECK_EQ(set_timeout(IdleConnectionTimeout, 10), ERROR_ACCESS_DENIED, "unwritable store");
    CHECK_EQ(delete_timeout(IdleConnectionTimeout), ERROR_ACCESS_DENIED, "delete on an unwritable store");
    USHORT secs = 0;
    CHECK_EQ(query_timeout(IdleConnectionTimeout, &secs), NO_ERROR, "query still allowed");
    CHECK_EQ(secs, 120, "defaults");
    if (!as_root) {
        /* The system store needs root (Windows: administrator). */
        unsetenv("WINHTTPAPI_HTTPSYS_CONFIG");
        CHECK_EQ(set_timeout(IdleConnectionTimeout, 10), ERROR_ACCESS_DENIED, "system store as non-root");
    }
    setenv("WINHTTPAPI_HTTPSYS_CONFIG", path, 1);
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "child-query") == 0) return child_query();
    snprintf(dir, sizeof dir, "/tmp/winhttpapi-config-%d", (int)getpid());
    mkdir(dir, 0700);
    snprintf(path, sizeof path, "%s/httpsys.conf", dir);
    /* Before the first call, as a service would set it in its environment. */
    setenv("WINHTTPAPI_HTTPSYS_CONFIG", path, 1);
    HTTPAPI_VERSION v = HTTPAPI_VERSION_2;
    CHECK_EQ(HttpInitialize(v, HTTP_INITIALIZE_CONFIG, NULL), NO_ERROR, "HttpInitialize(CONFIG)");

    check_timeouts();
    check_corrupt();
    check_urlacl();
    check_ip_listen();
    check_bad_inputs();
    check_access_denied();

    HttpTerminate(HTTP_INITIALIZE_CONFIG, NULL);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", dir, dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
    return ts_finish("httpapi_config");
}
