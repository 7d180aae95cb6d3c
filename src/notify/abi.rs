//! The constants and the one structure of `include/httpnotify.h`, defined once here (the header and
//! `c_tests/notify_port.c` repeat the values; the test checks them against each other).
//!
//! The method names, `NOTIFICATION_DATA_ASYNC_RPC` and the return codes are MS-CMRP's (protocol
//! version 3, seeds/ApiGetNotifyAsync.txt); the object types, filters and limits are ours, since the
//! objects watched are http.sys objects, not cluster ones.
#![allow(non_camel_case_types, non_snake_case)]

/// `NOTIFICATION_DATA_ASYNC_RPC` (MS-CMRP 2.2.3.30), one element of `ApiGetNotifyAsync`'s array. `U`
/// is the caller's `WCHAR` (u32, or u16 for `-fshort-wchar` callers); the layout is the same.
#[repr(C)]
pub struct NOTIFICATION_DATA_ASYNC_RPC<U> {
    pub dwNotifyKey: u32,
    pub dwFilter: u32,
    pub Name: *mut U,
}
const _: () = assert!(std::mem::size_of::<NOTIFICATION_DATA_ASYNC_RPC<u32>>() == 16);
const _: () = assert!(std::mem::offset_of!(NOTIFICATION_DATA_ASYNC_RPC<u16>, dwFilter) == 4);
const _: () = assert!(std::mem::offset_of!(NOTIFICATION_DATA_ASYNC_RPC<u16>, Name) == 8);

// Object types of `ApiAddNotifyHttpObject`.
/// The whole server of this process (`Object` must be 0): every event, including queue creation.
pub const HTTP_NOTIFY_OBJECT_SERVER: u32 = 0;
/// An `HTTP_SERVER_SESSION_ID`: its URL groups' events and those of the queues bound to them.
pub const HTTP_NOTIFY_OBJECT_SERVER_SESSION: u32 = 1;
/// An `HTTP_URL_GROUP_ID`: its prefixes, and connections and requests on them.
pub const HTTP_NOTIFY_OBJECT_URL_GROUP: u32 = 2;
/// A request queue `HANDLE` (v1 or v2), given as `HTTP_OPAQUE_ID`.
pub const HTTP_NOTIFY_OBJECT_REQUEST_QUEUE: u32 = 3;

// Filters (`dwFilter` of the registration, and of each event: exactly one bit).
pub const HTTP_NOTIFY_QUEUE_CREATED: u32 = 0x0000_0001;
pub const HTTP_NOTIFY_QUEUE_CLOSED: u32 = 0x0000_0002;
pub const HTTP_NOTIFY_QUEUE_SHUT_DOWN: u32 = 0x0000_0004;
pub const HTTP_NOTIFY_QUEUE_STATE_CHANGED: u32 = 0x0000_0008;
pub const HTTP_NOTIFY_URL_ADDED: u32 = 0x0000_0010;
pub const HTTP_NOTIFY_URL_REMOVED: u32 = 0x0000_0020;
pub const HTTP_NOTIFY_CONNECTION_OPENED: u32 = 0x0000_0040;
pub const HTTP_NOTIFY_CONNECTION_CLOSED: u32 = 0x0000_0080;
pub const HTTP_NOTIFY_REQUEST_RECEIVED: u32 = 0x0000_0100;
pub const HTTP_NOTIFY_REQUEST_503: u32 = 0x0000_0200;
pub const HTTP_NOTIFY_QUEUE_FULL: u32 = 0x0000_0400;
pub const HTTP_NOTIFY_TIMER_IDLE_CONNECTION: u32 = 0x0000_1000;
pub const HTTP_NOTIFY_TIMER_HEADER_WAIT: u32 = 0x0000_2000;
pub const HTTP_NOTIFY_TIMER_ENTITY_BODY: u32 = 0x0000_4000;
pub const HTTP_NOTIFY_TIMER_DRAIN_ENTITY_BODY: u32 = 0x0000_8000;
pub const HTTP_NOTIFY_TIMER_REQUEST_QUEUE: u32 = 0x0001_0000;
pub const HTTP_NOTIFY_TIMER_MIN_SEND_RATE: u32 = 0x0002_0000;
pub const HTTP_NOTIFY_TIMER_ALL: u32 = 0x0003_F000;
pub const HTTP_NOTIFY_ALL: u32 = 0x0003_F7FF;
/// Not a filter: the one notification that says older events were dropped (the port was full);
/// `Name` is the number dropped, in decimal. As MS-CMRP's `CLUSTER_CHANGE_CLUSTER_RECONNECT`.
pub const HTTP_NOTIFY_EVENTS_LOST: u32 = 0x8000_0000;

/// Undelivered events a new port keeps (`ApiSetNotifyLimit` changes it), and the range it takes.
pub const HTTP_NOTIFY_DEFAULT_LIMIT: u32 = 4096;
pub const HTTP_NOTIFY_MAX_LIMIT: u32 = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_distinct_bits_and_all_covers_them() {
        let each = [
            HTTP_NOTIFY_QUEUE_CREATED,
            HTTP_NOTIFY_QUEUE_CLOSED,
            HTTP_NOTIFY_QUEUE_SHUT_DOWN,
            HTTP_NOTIFY_QUEUE_STATE_CHANGED,
            HTTP_NOTIFY_URL_ADDED,
            HTTP_NOTIFY_URL_REMOVED,
            HTTP_NOTIFY_CONNECTION_OPENED,
            HTTP_NOTIFY_CONNECTION_CLOSED,
            HTTP_NOTIFY_REQUEST_RECEIVED,
            HTTP_NOTIFY_REQUEST_503,
            HTTP_NOTIFY_QUEUE_FULL,
            HTTP_NOTIFY_TIMER_IDLE_CONNECTION,
            HTTP_NOTIFY_TIMER_HEADER_WAIT,
            HTTP_NOTIFY_TIMER_ENTITY_BODY,
            HTTP_NOTIFY_TIMER_DRAIN_ENTITY_BODY,
            HTTP_NOTIFY_TIMER_REQUEST_QUEUE,
            HTTP_NOTIFY_TIMER_MIN_SEND_RATE,
        ];
        let mut all = 0;
        for f in each {
            assert_eq!(f.count_ones(), 1, "{f:#x}");
            assert_eq!(all & f, 0, "{f:#x} twice");
            all |= f;
        }
        assert_eq!(all, HTTP_NOTIFY_ALL);
        assert_eq!(all & HTTP_NOTIFY_TIMER_ALL, HTTP_NOTIFY_TIMER_ALL);
        assert_eq!(all & HTTP_NOTIFY_EVENTS_LOST, 0);
    }
}
