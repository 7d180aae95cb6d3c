/* Shared helpers of the C tests: checks that count, a table runner's report line, loopback sockets,
 * child processes (curl, python servers). Plain POSIX C, so every family's tests can use it. */
#ifndef WINHTTPAPI_TEST_SUPPORT_H
#define WINHTTPAPI_TEST_SUPPORT_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

extern int ts_passed, ts_failed;

/* Records one check; prints the failing expression with its place. */
#define CHECK(cond, ...) ts_check((cond) != 0, __FILE__, __LINE__, #cond, "" __VA_ARGS__)
/* Checks two unsigned values are equal and prints both when they are not. */
#define CHECK_EQ(actual, expected, what) \
    ts_check_eq((unsigned long long)(actual), (unsigned long long)(expected), __FILE__, __LINE__, what)

void ts_check(int ok, const char *file, int line, const char *expr, const char *fmt, ...);
void ts_check_eq(unsigned long long actual, unsigned long long expected, const char *file, int line,
                 const char *what);
/* Prints "<name>: N passed, N failed" and returns the process exit code. */
int ts_finish(const char *name);

/* Milliseconds from a monotonic clock. */
uint64_t ts_now_ms(void);
/* This process's resident memory (VmRSS), in KiB; -1 when unknown. */
long ts_rss_kib(void);
/* A TCP port on 127.0.0.1 that was free a moment ago, outside the kernel's range for outgoing connections. */
int ts_free_port(void);
/* Connects to 127.0.0.1:port (or [::1] when ipv6); -1 on failure. Sets a 10 s receive timeout. */
int ts_connect(int port, int ipv6);
/* Waits until something accepts on 127.0.0.1:port; 0 on success. */
int ts_wait_port(int port, int timeout_ms);
int ts_send_all(int fd, const void *buf, size_t len);
/* Reads until the peer closes, the buffer is full, or timeout; returns bytes read (buffer NUL-terminated). */
ssize_t ts_recv_all(int fd, char *buf, size_t cap, int timeout_ms);
/* Reads until `needle` appears (or close/timeout); returns bytes read (NUL-terminated). */
ssize_t ts_recv_until(int fd, char *buf, size_t cap, const char *needle, int timeout_ms);
/* Whether the peer has closed (read returns 0 or an error) within timeout_ms. */
int ts_peer_closed(int fd, int timeout_ms);

/* Starts a child process (argv[0] looked up in PATH), stdout/stderr to `log_path` (or inherited when NULL). */
pid_t ts_spawn(const char *const argv[], const char *log_path);
/* Runs a command to completion; returns its exit status (or -1). Output captured into `out` if given. */
int ts_run(const char *const argv[], char *out, size_t cap, int timeout_ms);
void ts_kill(pid_t pid);
/* Path of a file under the source tree (WINHTTPAPI_SOURCE_DIR, set by ctest). */
const char *ts_source_path(const char *rel, char *buf, size_t cap);
/* The number of this process' open descriptors (entries of /proc/self/fd), -1 when it cannot be read. */
int ts_count_fds(void);
/* Reads a whole (small) file into buf, NUL-terminated; its length, or -1 when it cannot be opened. */
long ts_read_file(const char *path, char *buf, size_t cap);
/* Writes `text` as the whole file `path`; 0, or -1 when it cannot be written. */
int ts_write_file(const char *path, const char *text);

#ifdef __cplusplus
}
#endif
#endif
