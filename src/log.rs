//! Logging: `tracing`, one target per family (`winhttpapi::winhttp`, `winhttpapi::httpapi`,
//! `winhttpapi::win32`), switched on by the `WINHTTPAPI_LOG` environment variable (an `EnvFilter`
//! string such as `winhttpapi=trace` or `winhttpapi::httpapi=debug`). Output goes to stderr.
use once_cell::sync::OnceCell;

static INIT: OnceCell<()> = OnceCell::new();

/// Installs the subscriber once, on the first export called, only if `WINHTTPAPI_LOG` is set,
/// so a program that never asks for logs pays one atomic load per call.
pub fn ensure_init() {
    INIT.get_or_init(|| {
        if let Ok(filter) = std::env::var("WINHTTPAPI_LOG") {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
                .with_writer(std::io::stderr)
                .with_thread_ids(true)
                .try_init();
        }
    });
}
