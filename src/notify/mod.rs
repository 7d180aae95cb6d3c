//! Notification ports (seeds/ApiGetNotifyAsync.txt).
