//! The C edge: a folder per header family (`win32`, `winhttp`, `httpapi`, `notify`,
//! `crt`, `winsock`, `wincrypt`), a file per function family
//! inside it. Exports check arguments, convert pointers and strings, and call safe engine code inside a
//! guard ([`guard`]); no logic lives here.
/// Gives the export `$name` a second exported symbol, `$name_w16`: one function under both names (an
/// assembler alias, no second body). For the `_w16` twin of a function that takes no string, so a
/// `-fshort-wchar` caller runs exactly the code every other caller runs (DESIGN.md section 2); a twin that
/// takes strings is a second export calling the same generic body instead.
///
/// Invoke it right after the export, in the same file: the assembler can alias only a symbol defined in
/// its own object, and rustc keeps a module's items in one codegen unit (`tests/exports_guarded.rs`
/// checks the placement). rustc exports only the symbols it defines itself, so `build.rs` adds
/// `*_w16` to the library's version script; `c_tests/check_exports.sh` proves both names are exported.
macro_rules! w16_alias {
    ($name:ident) => {
        std::arch::global_asm!(concat!(
            ".globl ",
            stringify!($name),
            "_w16\n.type ",
            stringify!($name),
            "_w16, %function\n.set ",
            stringify!($name),
            "_w16, ",
            stringify!($name),
        ));
    };
}

pub mod crt;
pub mod guard;
pub mod httpapi;
pub mod notify;
pub mod ptr;
pub mod types;
pub mod win32;
pub mod wincrypt;
pub mod winhttp;
pub mod winsock;
