//! Gives the library its Windows link names: `libwinhttp.so` and `libhttpapi.so` beside
//! `libwinhttpapi.so`, so `-lwinhttp` / `-lhttpapi` work as `winhttp.lib` / `httpapi.lib` do on Windows.
//! The soname stays `libwinhttpapi.so`, so a program linked by any of the three names loads the one library.
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libwinhttpapi.so");
    // OUT_DIR is <target>/<profile>/build/<pkg>-<hash>/out; the library lands in <target>/<profile>.
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let Some(profile_dir) = out.ancestors().nth(3) else { return };
    for alias in ["libwinhttp.so", "libhttpapi.so"] {
        link_alias(profile_dir, alias, "libwinhttpapi.so");
    }
}

fn link_alias(dir: &Path, alias: &str, target: &str) {
    let path = dir.join(alias);
    if std::fs::read_link(&path).map(|t| t == Path::new(target)).unwrap_or(false) {
        return;
    }
    let _ = std::fs::remove_file(&path);
    // A dangling link is fine here: cargo writes the library itself right after this script.
    if let Err(e) = std::os::unix::fs::symlink(target, &path) {
        println!("cargo:warning=could not create {}: {e}", path.display());
    }
}
