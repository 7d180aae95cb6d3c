//! The http.sys engine: sessions, URL groups, request queues, URL routing, listeners, connections, timers, responses.
