//! The tokio runtime that drives every socket and timer of the library.
//!
//! Two worker threads (the machines we target have few cores; the hot paths try the socket on the
//! caller's thread first, so the runtime is for waiting, not for every byte). Started lazily on first use
//! and never shut down: a C program may call us from any thread until exit.
use once_cell::sync::Lazy;
use tokio::runtime::{Builder, Handle, Runtime};

static RUNTIME: Lazy<Runtime> = Lazy::new(|| {
    let threads = std::env::var("WINHTTPAPI_IO_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| (1..=64).contains(n))
        .unwrap_or(2);
    Builder::new_multi_thread()
        .worker_threads(threads)
        .thread_name("winhttpapi-io")
        .enable_all()
        .build()
        .expect("the I/O runtime must start")
});

/// The runtime handle, for spawning tasks and entering the reactor from a caller's thread.
pub fn handle() -> &'static Handle {
    RUNTIME.handle()
}

/// Runs `fut` on the runtime and waits for it from a caller's (non-runtime) thread.
/// Must not be called from a runtime thread.
pub fn block_on<F: std::future::Future>(fut: F) -> F::Output {
    RUNTIME.block_on(fut)
}
