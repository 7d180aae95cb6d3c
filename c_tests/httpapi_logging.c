/* HttpServerLoggingProperty: a W3C log file with the selected fields, one line per response, after
 * curl requests; validation and query of HTTP_LOGGING_INFO; and the authentication, channel-binding and
 * endpoint properties, accepted when they ask for nothing this implementation cannot do and refused
 * with ERROR_NOT_SUPPORTED otherwise. */
#include "httpapi_support.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[128];
static WCHAR wdir[128];

static HTTP_LOGGING_INFO logging_info(void) {
    HTTP_LOGGING_INFO l;
    memset(&l, 0, sizeof l);
    l.Flags.Present = 1;
    l.DirectoryName = wdir;
    l.DirectoryNameLength = (USHORT)(wcslen(wdir) * sizeof(WCHAR));
    l.Format = HttpLoggingTypeW3C;
    l.Fields = HTTP_LOG_FIELD_DATE | HTTP_LOG_FIELD_TIME | HTTP_LOG_FIELD_CLIENT_IP | HTTP_LOG_FIELD_METHOD |
               HTTP_LOG_FIELD_URI_STEM | HTTP_LOG_FIELD_URI_QUERY | HTTP_LOG_FIELD_STATUS | HTTP_LOG_FIELD_BYTES_SENT |
               HTTP_LOG_FIELD_TIME_TAKEN | HTTP_LOG_FIELD_USER_AGENT;
    l.RolloverType = HttpLoggingRolloverSize;
    l.RolloverSize = HTTP_LIMIT_INFINITE;
    return l;
}

static void check_logging_validation(HTTP_SERVER_SESSION_ID session, HTTP_URL_GROUP_ID group) {
    HTTP_LOGGING_INFO l = logging_info();
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l - 1), ERROR_INVALID_PARAMETER, "wrong size");
    l.RolloverSize = 1000;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_INVALID_PARAMETER, "rollover below 1 MiB");
    l = logging_info();
    l.RolloverType = (HTTP_LOGGING_ROLLOVER_TYPE)9;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_INVALID_PARAMETER, "bad rollover type");
    l = logging_info();
    l.Format = HttpLoggingTypeIIS;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_NOT_SUPPORTED, "IIS format");
    l.Format = (HTTP_LOGGING_TYPE)42;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_INVALID_PARAMETER, "bad format");
    l = logging_info();
    l.DirectoryName = NULL;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_INVALID_PARAMETER, "NULL directory");
    l = logging_info();
    l.DirectoryName = L"relative/dir";
    l.DirectoryNameLength = (USHORT)(wcslen(l.DirectoryName) * sizeof(WCHAR));
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_INVALID_PARAMETER, "relative directory");
    l = logging_info();
    l.DirectoryNameLength = 3;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_INVALID_PARAMETER, "odd directory length");
    l = logging_info();
    l.LoggingFlags = HTTP_LOGGING_FLAG_LOG_ERRORS_ONLY | HTTP_LOGGING_FLAG_LOG_SUCCESS_ONLY;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_INVALID_PARAMETER, "errors-only and success-only");
    l.LoggingFlags = 0x100;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), ERROR_INVALID_PARAMETER, "unknown flag");

    /* Unset: Present = 0 comes back. */
    union { HTTP_LOGGING_INFO l; char b[1024]; } out;
    ULONG ret = 0;
    CHECK_EQ(HttpQueryServerSessionProperty(session, HttpServerLoggingProperty, &out, sizeof out, &ret), NO_ERROR, "query unset");
    CHECK_EQ(out.l.Flags.Present, 0, "not present");
    /* A session-level log, queried back with its directory. */
    l = logging_info();
    CHECK_EQ(HttpSetServerSessionProperty(session, HttpServerLoggingProperty, &l, sizeof l), NO_ERROR, "session logging");
    CHECK_EQ(HttpQueryServerSessionProperty(session, HttpServerLoggingProperty, &out, 8, &ret), ERROR_MORE_DATA, "small query");
    CHECK_EQ(ret, sizeof(HTTP_LOGGING_INFO) + (wcslen(wdir) + 1 + 1) * sizeof(WCHAR), "size needed");
    CHECK_EQ(HttpQueryServerSessionProperty(session, HttpServerLoggingProperty, &out, sizeof out, &ret), NO_ERROR, "query");
    CHECK(out.l.Flags.Present == 1 && out.l.DirectoryName && wcscmp(out.l.DirectoryName, wdir) == 0, "directory back");
    CHECK_EQ(out.l.Fields, l.Fields, "fields back");
    l.Flags.Present = 0;
    CHECK_EQ(HttpSetServerSessionProperty(session, HttpServerLoggingProperty, &l, sizeof l), NO_ERROR, "session logging off");
}

static void check_security_properties(HTTP_SERVER_SESSION_ID session, HTTP_URL_GROUP_ID group) {
    HTTP_SERVER_AUTHENTICATION_INFO a;
    memset(&a, 0, sizeof a);
    a.Flags.Present = 1;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerAuthenticationProperty, &a, sizeof a), NO_ERROR, "auth without schemes");
    a.AuthSchemes = HTTP_AUTH_ENABLE_NEGOTIATE;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerAuthenticationProperty, &a, sizeof a), ERROR_NOT_SUPPORTED, "Negotiate");
    CHECK_EQ(HttpSetServerSessionProperty(session, HttpServerExtendedAuthenticationProperty, &a, sizeof a), ERROR_NOT_SUPPORTED, "extended auth");
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerAuthenticationProperty, &a, 12), ERROR_INVALID_PARAMETER, "auth wrong size");
    a.Flags.Present = 0;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerAuthenticationProperty, &a, sizeof a), NO_ERROR, "auth Present=0");
    HTTP_SERVER_AUTHENTICATION_INFO got;
    ULONG ret = 0;
    CHECK_EQ(HttpQueryUrlGroupProperty(group, HttpServerAuthenticationProperty, &got, sizeof got, &ret), NO_ERROR, "auth query");
    CHECK(got.Flags.Present == 0 && got.AuthSchemes == 0, "nothing enabled");
    CHECK_EQ(HttpQueryUrlGroupProperty(group, HttpServerAuthenticationProperty, &got, 4, &ret), ERROR_MORE_DATA, "auth small query");
    CHECK_EQ(ret, sizeof got, "auth size");

    HTTP_CHANNEL_BIND_INFO c;
    memset(&c, 0, sizeof c);
    c.Hardening = HttpAuthenticationHardeningLegacy;
    CHECK_EQ(HttpSetServerSessionProperty(session, HttpServerChannelBindProperty, &c, sizeof c), NO_ERROR, "channel bind legacy");
    c.Hardening = HttpAuthenticationHardeningStrict;
    CHECK_EQ(HttpSetServerSessionProperty(session, HttpServerChannelBindProperty, &c, sizeof c), ERROR_NOT_SUPPORTED, "channel bind strict");
    c.Hardening = (HTTP_AUTHENTICATION_HARDENING_LEVELS)7;
    CHECK_EQ(HttpSetServerSessionProperty(session, HttpServerChannelBindProperty, &c, sizeof c), ERROR_INVALID_PARAMETER, "bad hardening");
    HTTP_CHANNEL_BIND_INFO cg;
    CHECK_EQ(HttpQueryServerSessionProperty(session, HttpServerChannelBindProperty, &cg, sizeof cg, &ret), NO_ERROR, "channel bind query");
    CHECK_EQ(cg.Hardening, HttpAuthenticationHardeningLegacy, "legacy back");

    HTTP_LISTEN_ENDPOINT_INFO e;
    memset(&e, 0, sizeof e);
    e.Flags.Present = 1;
    e.EnableSharing = TRUE;
    CHECK_EQ(HttpSetServerSessionProperty(session, HttpServerListenEndpointProperty, &e, sizeof e), NO_ERROR, "listen endpoint");
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerListenEndpointProperty, &e, sizeof e), ERROR_INVALID_PARAMETER, "listen endpoint on a group");
    HTTP_LISTEN_ENDPOINT_INFO eg;
    memset(&eg, 0, sizeof eg);
    CHECK_EQ(HttpQueryServerSessionProperty(session, HttpServerListenEndpointProperty, &eg, sizeof eg, &ret), NO_ERROR, "listen endpoint query");
    CHECK(eg.Flags.Present == 1 && eg.EnableSharing == TRUE, "sharing back");

    char junk[64];
    memset(junk, 0, sizeof junk);
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerDelegationProperty, junk, sizeof junk), ERROR_INVALID_PARAMETER, "delegation property");
    CHECK_EQ(HttpSetUrlGroupProperty(group, (HTTP_SERVER_PROPERTY)77, junk, sizeof junk), ERROR_INVALID_PARAMETER, "unknown property");
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, NULL, sizeof(HTTP_LOGGING_INFO)), ERROR_INVALID_PARAMETER, "NULL logging info");
}

static int read_file(const char *p, char *buf, size_t cap) {
    FILE *f = fopen(p, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, cap - 1, f);
    fclose(f);
    buf[n] = 0;
    return (int)n;
}

int main(void) {
    hs_init();
    snprintf(dir, sizeof dir, "/tmp/winhttpapi-logs-%d", (int)getpid());
    for (size_t i = 0; i <= strlen(dir); i++) wdir[i] = (WCHAR)dir[i];
    HTTP_SERVER_SESSION_ID session;
    HTTP_URL_GROUP_ID group;
    HANDLE queue;
    int port = hs_v2_setup(&session, &group, &queue, "/", 1);

    check_logging_validation(session, group);
    check_security_properties(session, group);

    HTTP_LOGGING_INFO l = logging_info();
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), NO_ERROR, "group logging");
    struct stat st;
    CHECK(stat(dir, &st) == 0 && S_ISDIR(st.st_mode), "log directory created");

    hs_app app;
    hs_app_start(&app, queue);
    char url[128], out[4096];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/hello?x=1&y=2", port);
    const char *get[] = {"curl", "-sS", "-A", "log test agent", url, NULL};
    CHECK(ts_run(get, out, sizeof out, 10000) == 0, "curl GET");
    snprintf(url, sizeof url, "http://127.0.0.1:%d/echo", port);
    const char *post[] = {"curl", "-sS", "--data-binary", "twelve bytes", url, NULL};
    CHECK(ts_run(post, out, sizeof out, 10000) == 0, "curl POST");
    snprintf(url, sizeof url, "http://127.0.0.1:%d/nowhere/x", port);
    const char *other[] = {"curl", "-sS", url, NULL};
    CHECK(ts_run(other, out, sizeof out, 10000) == 0, "curl GET 2");
    hs_app_stop(&app);

    char logp[256], log[16384];
    snprintf(logp, sizeof logp, "%s/u_extend1.log", dir);
    CHECK(read_file(logp, log, sizeof log) > 0, "log file %s", logp);
    printf("%s", log);
    CHECK(strstr(log, "#Software: Microsoft HTTP Server API 2.0\r\n") != NULL, "#Software");
    CHECK(strstr(log, "#Version: 1.0\r\n") != NULL, "#Version");
    CHECK(strstr(log, "#Fields: date time cs-method cs-uri-stem cs-uri-query c-ip cs(User-Agent) sc-status sc-bytes time-taken\r\n") != NULL, "#Fields");
    CHECK(strstr(log, " GET /hello x=1&y=2 127.0.0.1 log+test+agent 200 ") != NULL, "GET line");
    CHECK(strstr(log, " POST /echo - 127.0.0.1 curl/") != NULL, "POST line");
    CHECK(strstr(log, " GET /nowhere/x - 127.0.0.1 ") != NULL, "third line");
    int lines = 0;
    for (char *p = log; (p = strstr(p, "\r\n")); p += 2) lines++;
    CHECK_EQ(lines, 4 + 3, "header + one line per response");

    /* Logging off: no more lines. */
    l.Flags.Present = 0;
    CHECK_EQ(HttpSetUrlGroupProperty(group, HttpServerLoggingProperty, &l, sizeof l), NO_ERROR, "logging off");

    HttpCloseRequestQueue(queue);
    HttpCloseUrlGroup(group);
    HttpCloseServerSession(session);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
    return ts_finish("httpapi_logging");
}
