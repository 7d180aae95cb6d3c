//! The C edge: one file per header family. Exports check arguments, convert pointers and strings, and
//! call safe engine code inside a guard ([`guard`]); no logic lives here.
pub mod guard;
pub mod httpapi;
pub mod httpapi_config;
pub mod notify;
pub mod ptr;
pub mod types;
pub mod win32;
pub mod winhttp;
pub mod winhttp_proxy;
pub mod winhttp_types;
