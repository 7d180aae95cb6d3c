/* Helpers of the WinHTTP C tests: the loopback test server (winhttp_server.py), and the few steps
 * every test repeats (open a request, read a whole body, read the status). */
#ifndef WINHTTP_SUPPORT_H
#define WINHTTP_SUPPORT_H
#include <windows.h>
#include <winhttp.h>
#include <sys/types.h>

/* Starts c_tests/support/winhttp_server.py on a free port; returns the port (0 on failure). */
int whs_start_server(pid_t *pid);
/* Opens session (if *ses is NULL), connect and request for verb/path on 127.0.0.1:port. */
HINTERNET whs_open(HINTERNET *ses, HINTERNET *con, int port, const wchar_t *verb, const wchar_t *path, DWORD flags);
/* Reads the whole body into buf (NUL-terminated); returns its length or -1 on failure (error in *err). */
long whs_read_all(HINTERNET req, char *buf, size_t cap, DWORD *err);
/* The response status code, or 0. */
DWORD whs_status(HINTERNET req);
/* GET path and return its body length (or -1), status into *status. */
long whs_get(HINTERNET ses, int port, const wchar_t *path, char *buf, size_t cap, DWORD *status);
/* Starts another python server of c_tests/ (path relative to the source dir) on a free port. */
int whs_start_script(const char *rel, pid_t *pid);
/* A synchronous WebSocket to /echo of winhttp_ws_server.py on 127.0.0.1:port (request and connect
 * handles closed), or NULL. */
HINTERNET whs_ws_open(HINTERNET ses, int port);
#endif
