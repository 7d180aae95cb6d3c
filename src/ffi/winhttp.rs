//! Exports of `winhttp.h`.
