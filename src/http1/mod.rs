//! The HTTP/1.1 wire shared by the client and the server: head parsing on httparse, framing rules, the
//! chunked codec, serializers, dates.
pub mod chunked;
pub mod date;
pub mod request;
pub mod response;
