//! Console input without Enter (`_kbhit`, `_getch`, `_getche`, `_ungetch`, `_putch`), the "press a key to
//! stop" functions of `conio.h`, on the terminal of standard input.
//!
//! When standard input is a terminal, each call puts it in non-canonical mode (no line editing, no echo) for
//! its own duration, so a key is seen as soon as it is typed and the terminal is as the program left it
//! between calls. Otherwise (a pipe, a file) the bytes of standard input are read as they come. These
//! functions read file descriptor 0 directly: bytes already taken into `stdin`'s stdio buffer are not seen.
use parking_lot::Mutex;

/// One character given back by `_ungetch`, read before the terminal.
static PUSHBACK: Mutex<Option<u8>> = Mutex::new(None);

use super::abi::EOF;

/// Runs `f` with the terminal on fd 0 in non-canonical, no-echo mode (when it is a terminal).
fn with_raw_terminal<T>(f: impl FnOnce() -> T) -> T {
    // SAFETY: tcgetattr/tcsetattr on fd 0 with a valid termios; isatty has no preconditions.
    unsafe {
        if libc::isatty(0) == 0 {
            return f();
        }
        let mut saved: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(0, &mut saved) != 0 {
            return f();
        }
        let mut raw = saved;
        raw.c_lflag &= !(libc::ICANON | libc::ECHO);
        raw.c_cc[libc::VMIN] = 1;
        raw.c_cc[libc::VTIME] = 0;
        libc::tcsetattr(0, libc::TCSANOW, &raw);
        let r = f();
        libc::tcsetattr(0, libc::TCSANOW, &saved);
        r
    }
}

/// `_kbhit`: whether a key (a byte of standard input) is waiting. End of input counts as waiting, so the
/// next `_getch` returns at once (with `EOF`).
pub fn kbhit() -> bool {
    if PUSHBACK.lock().is_some() {
        return true;
    }
    with_raw_terminal(|| {
        let mut p = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd, zero timeout.
        unsafe { libc::poll(&mut p, 1, 0) > 0 }
    })
}

/// `_getch` (and `_getche` with `echo`): the next byte of standard input, waiting for it; `EOF` when the
/// input has ended. `_getche` writes the byte back to standard output.
pub fn getch(echo: bool) -> i32 {
    let c = match PUSHBACK.lock().take() {
        Some(c) => c as i32,
        None => with_raw_terminal(|| loop {
            let mut b = 0u8;
            // SAFETY: reads at most one byte into `b`.
            match unsafe { libc::read(0, &mut b as *mut u8 as *mut libc::c_void, 1) } {
                1 => break b as i32,
                0 => break EOF,
                _ if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted => continue,
                _ => break EOF,
            }
        }),
    };
    if echo && c != EOF {
        putch(c);
    }
    c
}

/// `_ungetch`: gives one character back to the next `_getch` / `_kbhit`; `EOF` if one is already waiting.
pub fn ungetch(c: i32) -> i32 {
    let mut p = PUSHBACK.lock();
    if p.is_some() || c == EOF {
        return EOF;
    }
    *p = Some(c as u8);
    c & 0xFF
}

/// `_putch`: writes one byte to standard output at once (unbuffered, as the console is); `EOF` on error.
pub fn putch(c: i32) -> i32 {
    let b = c as u8;
    // SAFETY: writes one byte from `b`.
    if unsafe { libc::write(1, &b as *const u8 as *const libc::c_void, 1) } == 1 {
        b as i32
    } else {
        EOF
    }
}
