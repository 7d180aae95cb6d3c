//! The WinHTTP engine: sessions, connection pool, request state machine, options, TLS, proxy, auth.
