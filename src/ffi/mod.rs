//! The C edge: a folder per header family (`win32`, `winhttp`, `httpapi`, `notify`), a file per function family
//! inside it. Exports check arguments, convert pointers and strings, and call safe engine code inside a
//! guard ([`guard`]); no logic lives here.
pub mod guard;
pub mod httpapi;
pub mod notify;
pub mod ptr;
pub mod types;
pub mod win32;
pub mod winhttp;
