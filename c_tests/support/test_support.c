#define _GNU_SOURCE
#include <dirent.h>
#include "test_support.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int ts_passed, ts_failed;

void ts_check(int ok, const char *file, int line, const char *expr, const char *fmt, ...) {
    if (ok) {
        ts_passed++;
        return;
    }
    ts_failed++;
    fprintf(stderr, "FAIL %s:%d: %s", file, line, expr);
    if (fmt && *fmt) {
        va_list ap;
        va_start(ap, fmt);
        fputs(" -- ", stderr);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
    }
    fputc('\n', stderr);
}

void ts_check_eq(unsigned long long actual, unsigned long long expected, const char *file, int line,
                 const char *what) {
    if (actual == expected) {
        ts_passed++;
        return;
    }
    ts_failed++;
    fprintf(stderr, "FAIL %s:%d: %s: got %llu (0x%llx), expected %llu (0x%llx)\n", file, line, what, actual,
            actual, expected, expected);
}

int ts_finish(const char *name) {
    printf("%s: %d passed, %d failed\n", name, ts_passed, ts_failed);
    fflush(stdout);
    return ts_failed ? 1 : 0;
}

uint64_t ts_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

long ts_rss_kib(void) {
    char line[256];
    long kib = -1;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &kib) == 1) break;
    fclose(f);
    return kib;
}

/* Whether nothing (listener, connection, TIME_WAIT) holds 127.0.0.1:port: a bind without SO_REUSEADDR. */
static int port_unused(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int ok = fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0;
    if (fd >= 0) close(fd);
    return ok;
}

/* Below the kernel's ephemeral range (ip_local_port_range), so no test's outgoing connection can take the port
 * between this choice and the server's bind (ctest runs tests two at a time, and some open thousands of
 * connections); picked at random, checked free. Falls back to the kernel's choice when the range starts too low. */
int ts_free_port(void) {
    static unsigned seed;
    int low = 32768, high = 60999;
    FILE *f = fopen("/proc/sys/net/ipv4/ip_local_port_range", "r");
    if (f) {
        if (fscanf(f, "%d %d", &low, &high) != 2) low = 32768;
        fclose(f);
    }
    if (!seed) seed = (unsigned)getpid() * 2654435761u ^ (unsigned)ts_now_ms();
    for (int i = 0; low > 12000 && i < 200; i++) {
        int port = 10000 + (int)(rand_r(&seed) % (unsigned)(low - 10000));
        if (port_unused(port)) return port;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || getsockname(fd, (struct sockaddr *)&a, &len) != 0) {
        if (fd >= 0) close(fd);
        return -1;
    }
    close(fd);
    return ntohs(a.sin_port);
}

int ts_connect(int port, int ipv6) {
    int fd = socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
    int rc;
    struct timeval tv = {10, 0};
    if (fd < 0) return -1;
    if (ipv6) {
        struct sockaddr_in6 a;
        memset(&a, 0, sizeof a);
        a.sin6_family = AF_INET6;
        a.sin6_port = htons((uint16_t)port);
        a.sin6_addr = in6addr_loopback;
        rc = connect(fd, (struct sockaddr *)&a, sizeof a);
    } else {
        struct sockaddr_in a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_port = htons((uint16_t)port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        rc = connect(fd, (struct sockaddr *)&a, sizeof a);
    }
    if (rc != 0) {
        close(fd);
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

int ts_wait_port(int port, int timeout_ms) {
    uint64_t end = ts_now_ms() + (uint64_t)timeout_ms;
    while (ts_now_ms() < end) {
        int fd = ts_connect(port, 0);
        if (fd >= 0) {
            close(fd);
            return 0;
        }
        usleep(20000);
    }
    return -1;
}

int ts_send_all(int fd, const void *buf, size_t len) {
    const char *p = (const char *)buf;
    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static ssize_t recv_common(int fd, char *buf, size_t cap, const char *needle, int timeout_ms) {
    size_t got = 0;
    uint64_t end = ts_now_ms() + (uint64_t)timeout_ms;
    if (cap == 0) return 0;
    while (got + 1 < cap) {
        struct pollfd p = {fd, POLLIN, 0};
        uint64_t now = ts_now_ms();
        ssize_t n;
        if (now >= end) break;
        if (poll(&p, 1, (int)(end - now)) <= 0) break;
        n = recv(fd, buf + got, cap - 1 - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
        buf[got] = 0;
        if (needle && strstr(buf, needle)) break;
    }
    buf[got] = 0;
    return (ssize_t)got;
}

ssize_t ts_recv_all(int fd, char *buf, size_t cap, int timeout_ms) {
    return recv_common(fd, buf, cap, NULL, timeout_ms);
}

ssize_t ts_recv_until(int fd, char *buf, size_t cap, const char *needle, int timeout_ms) {
    return recv_common(fd, buf, cap, needle, timeout_ms);
}

int ts_peer_closed(int fd, int timeout_ms) {
    char tmp[4096];
    uint64_t end = ts_now_ms() + (uint64_t)timeout_ms;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        uint64_t now = ts_now_ms();
        ssize_t n;
        if (now >= end) return 0;
        if (poll(&p, 1, (int)(end - now)) <= 0) return 0;
        n = recv(fd, tmp, sizeof tmp, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return 1;
    }
}

pid_t ts_spawn(const char *const argv[], const char *log_path) {
    pid_t pid = fork();
    if (pid == 0) {
        if (log_path) {
            int fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd >= 0) {
                dup2(fd, 1);
                dup2(fd, 2);
                close(fd);
            }
        }
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    return pid;
}

int ts_run(const char *const argv[], char *out, size_t cap, int timeout_ms) {
    int pipefd[2];
    pid_t pid;
    int status = -1;
    size_t got = 0;
    uint64_t end = ts_now_ms() + (uint64_t)timeout_ms;
    if (pipe(pipefd) != 0) return -1;
    pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], 1);
        close(pipefd[0]);
        close(pipefd[1]);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(pipefd[1]);
    for (;;) {
        struct pollfd p = {pipefd[0], POLLIN, 0};
        uint64_t now = ts_now_ms();
        char tmp[4096];
        ssize_t n;
        if (now >= end) {
            kill(pid, SIGKILL);
            break;
        }
        if (poll(&p, 1, (int)(end - now)) <= 0) continue;
        n = read(pipefd[0], tmp, sizeof tmp);
        if (n <= 0) break;
        if (out && got + 1 < cap) {
            size_t take = (size_t)n < cap - 1 - got ? (size_t)n : cap - 1 - got;
            memcpy(out + got, tmp, take);
            got += take;
        }
    }
    if (out && cap) out[got] = 0;
    close(pipefd[0]);
    if (waitpid(pid, &status, 0) < 0) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ts_kill(pid_t pid) {
    int status;
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    for (int i = 0; i < 50; i++) {
        if (waitpid(pid, &status, WNOHANG) == pid) return;
        usleep(20000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
}

int ts_count_fds(void) {
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (!d) return -1;
    while (readdir(d)) n++;
    closedir(d);
    return n;
}

long ts_read_file(const char *path, char *buf, size_t cap) {
    FILE *f = fopen(path, "r");
    if (!f || cap == 0) {
        if (f) fclose(f);
        return -1;
    }
    size_t n = fread(buf, 1, cap - 1, f);
    fclose(f);
    buf[n] = 0;
    return (long)n;
}

int ts_write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    int ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok ? 0 : -1;
}

const char *ts_source_path(const char *rel, char *buf, size_t cap) {
    const char *root = getenv("WINHTTPAPI_SOURCE_DIR");
    snprintf(buf, cap, "%s/%s", root ? root : ".", rel);
    return buf;
}
