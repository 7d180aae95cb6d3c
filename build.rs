//! Gives the library its Windows link names: `libwinhttp.so` and `libhttpapi.so` beside
//! `libwinhttpapi.so`, so `-lwinhttp` / `-lhttpapi` work as `winhttp.lib` / `httpapi.lib` do on Windows.
//! The soname stays `libwinhttpapi.so`, so a program linked by any of the three names loads the one library.
//! Exports the `_w16` aliases of `ffi::w16_alias!` (see there).
//!
//! Compiles the C half of the C runtime functions (`src/crt/format.c`: the formatter in each `WCHAR` width
//! and the C-variadic entry points, see `crate::crt`) into a static archive linked into the library.
//!
//! Also builds the `wmain` porting aid, `libwinmain.a` (and `libwinmain_w16.a` for `-fshort-wchar`
//! programs), beside the library. It is a separate archive holding a `main`, so it is compiled with
//! the system C compiler here and never linked into the library itself.
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/winmain/winmain.c");
    for f in ["src/crt/format.c", "include/strsafe.h", "include/corecrt.h", "include/windows.h"] {
        println!("cargo:rerun-if-changed={f}");
    }
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libwinhttpapi.so");
    // OUT_DIR is <target>/<profile>/build/<pkg>-<hash>/out; the library lands in <target>/<profile>.
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    if let Err(e) = build_crt(&out) {
        panic!("src/crt/format.c: {e}");
    }
    // The `_w16` names made by `ffi::w16_alias!` are assembler aliases, which rustc's own version script
    // (it lists only the symbols rustc defines) would leave local; a second script exports them (GNU ld
    // and lld merge the two).
    let map = out.join("w16_aliases.map");
    std::fs::write(&map, "{ global: *_w16; };\n").expect("write the version script to OUT_DIR");
    println!("cargo:rustc-cdylib-link-arg=-Wl,--version-script={}", map.display());
    let Some(profile_dir) = out.ancestors().nth(3) else { return };
    for alias in ["libwinhttp.so", "libhttpapi.so"] {
        link_alias(profile_dir, alias, "libwinhttpapi.so");
    }
    for (archive, extra) in [("libwinmain.a", None), ("libwinmain_w16.a", Some("-fshort-wchar"))] {
        if let Err(e) = build_winmain(&out, profile_dir, archive, extra) {
            println!("cargo:warning={archive} not built: {e}");
        }
    }
}

/// The package's folder for this run (cargo sets it in the script's environment; `env!` would freeze the
/// folder the script was compiled in, so a copied target folder would compile another tree's C sources).
fn manifest_dir() -> PathBuf {
    PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
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

fn build_winmain(out: &Path, dir: &Path, archive: &str, extra: Option<&str>) -> Result<(), String> {
    let src = manifest_dir().join("src/winmain/winmain.c");
    if !src.exists() {
        return Err("src/winmain/winmain.c missing".into());
    }
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let ar = std::env::var("AR").unwrap_or_else(|_| "ar".into());
    let obj = out.join(archive.replace(".a", ".o"));
    let mut c = Command::new(&cc);
    c.args(["-std=c11", "-O2", "-fPIC", "-Wall", "-Wextra", "-c"]).arg(&src).arg("-o").arg(&obj);
    if let Some(flag) = extra {
        c.arg(flag);
    }
    run(c)?;
    let lib = dir.join(archive);
    let _ = std::fs::remove_file(&lib);
    let mut a = Command::new(&ar);
    a.arg("rcs").arg(&lib).arg(&obj);
    run(a)
}

/// `src/crt/format.c` compiled for UTF-32 and for UTF-16 (`-fshort-wchar`) callers into
/// `libwinhttpapi_crt.a`, linked into the library (its symbols stay internal: only the Rust exports are
/// exported).
fn build_crt(out: &Path) -> Result<(), String> {
    let root = manifest_dir();
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let ar = std::env::var("AR").unwrap_or_else(|_| "ar".into());
    let mut objects = Vec::new();
    for (name, extra) in [("crt_format32.o", None), ("crt_format16.o", Some("-fshort-wchar"))] {
        let obj = out.join(name);
        let mut c = Command::new(&cc);
        c.args(["-std=c11", "-O2", "-fPIC", "-Wall", "-Wextra", "-U_FORTIFY_SOURCE", "-c"])
            .arg("-I")
            .arg(root.join("include"))
            .arg(root.join("src/crt/format.c"))
            .arg("-o")
            .arg(&obj);
        if let Some(flag) = extra {
            c.arg(flag);
        }
        run(c)?;
        objects.push(obj);
    }
    let lib = out.join("libwinhttpapi_crt.a");
    let _ = std::fs::remove_file(&lib);
    let mut a = Command::new(&ar);
    a.arg("rcs").arg(&lib).args(&objects);
    run(a)?;
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-lib=static=winhttpapi_crt");
    Ok(())
}

fn run(mut c: Command) -> Result<(), String> {
    match c.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{c:?} exited with {s}")),
        Err(e) => Err(format!("{c:?}: {e}")),
    }
}
