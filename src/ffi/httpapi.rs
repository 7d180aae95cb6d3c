//! Exports of `httpapi.h`.
