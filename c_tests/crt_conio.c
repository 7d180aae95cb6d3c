/* conio.h's "press a key" functions: on a pipe (bytes as they come, _ungetch, end of input), and on a
 * terminal (a pseudo-terminal), where a key counts without Enter and the terminal's mode is restored. */
#include <windows.h>
#include <conio.h>
#include <pty.h>
#include <termios.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test_support.h"

/* Runs `body` in a child whose standard input is `fd`; returns its exit code. */
static int in_child(int fd, int (*body)(void)) {
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd, 0);
        _exit(body());
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 200;
}

static int pipe_child(void) {
    for (int i = 0; i < 200 && !_kbhit(); i++) Sleep(10);
    if (_getch() != 'a') return 1;
    if (_ungetch('z') != 'z' || _ungetch('y') != EOF) return 2;
    if (!_kbhit() || _getch() != 'z') return 3;
    if (_getch() != 'b') return 4;
    for (int i = 0; i < 200 && !_kbhit(); i++) Sleep(10); /* the end of input counts as a key */
    if (_getch() != EOF) return 5;
    return 0;
}

static int tty_child(void) {
    struct termios before, after;
    tcgetattr(0, &before);
    int waited = 0;
    while (!_kbhit() && waited < 300) {
        Sleep(10);
        waited++;
    }
    int c = _getch();
    tcgetattr(0, &after);
    if ((after.c_lflag & (ICANON | ECHO)) != (before.c_lflag & (ICANON | ECHO))) return 90;
    return c == 'q' ? 0 : 91;
}

int main(void) {
    int fds[2];
    CHECK(pipe(fds) == 0, "pipe");
    CHECK(write(fds[1], "ab", 2) == 2, "write");
    close(fds[1]);
    int rc = in_child(fds[0], pipe_child);
    CHECK(rc == 0, "pipe: _kbhit, _getch, _ungetch, end of input (child %d)", rc);
    close(fds[0]);

    int master, slave;
    CHECK(openpty(&master, &slave, NULL, NULL, NULL) == 0, "a pseudo-terminal");
    /* one key, no Enter: canonical input would hold it until a newline */
    CHECK(write(master, "q", 1) == 1, "type q");
    rc = in_child(slave, tty_child);
    CHECK(rc == 0, "terminal: the key without Enter, mode restored (child %d)", rc);
    close(master);
    close(slave);
    CHECK(_putch('\n') == '\n', "_putch");
    return ts_finish("crt_conio");
}
