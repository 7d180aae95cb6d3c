//! Exports of `winhttp.h`. Each function with string content is written once, generic over
//! [`WideUnit`], and exported twice: `Name` (`wchar_t` = UTF-32) and `Name_w16` (`-fshort-wchar`). A
//! function without string content is written once and exported under both names (`w16_alias!`).
//! One function is left unimplemented on purpose, `WinHttpQueryAuthParams` (see `auth`): it links, logs
//! a warning and fails with `ERROR_CALL_NOT_IMPLEMENTED` (`exports/winhttp.txt` marks it `not-implemented`).
#![allow(non_snake_case, clippy::too_many_arguments)]
pub mod auth;
pub mod callback;
pub mod connection_group;
pub mod data;
pub mod handles;
pub mod headers;
pub mod options;
pub mod proxy;
pub mod proxy_settings;
pub mod request;
pub mod resolver;
pub mod time;
pub mod url;
pub mod websocket;

pub use auth::*;
pub use callback::*;
pub use connection_group::*;
pub use data::*;
pub use handles::*;
pub use headers::*;
pub use options::*;
pub use proxy::*;
pub use proxy_settings::*;
pub use request::*;
pub use resolver::*;
pub use time::*;
pub use url::*;
pub use websocket::*;

use crate::client::abi::SYSTEMTIME;
use crate::http1::date::CivilTime;

const T: &str = "winhttpapi::winhttp";

fn systemtime_of(t: &CivilTime) -> SYSTEMTIME {
    SYSTEMTIME {
        wYear: t.year,
        wMonth: t.month,
        wDayOfWeek: t.day_of_week,
        wDay: t.day,
        wHour: t.hour,
        wMinute: t.minute,
        wSecond: t.second,
        wMilliseconds: 0,
    }
}
