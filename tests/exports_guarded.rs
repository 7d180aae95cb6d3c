//! Every `#[no_mangle]` function lives in `src/ffi/` and runs its whole body inside one of the guards of
//! `ffi::guard` (DESIGN.md section 4), so no panic or error escapes to C unconverted. A `_w16` name made
//! by `ffi::w16_alias!` is the same function under a second symbol, so it names an export of its own file
//! (the assembler aliases only a symbol of its own object).
//!
//! One exception, for C-variadic exports only (`sprintf_s`, `swprintf` ...): stable Rust cannot define a
//! C-variadic function, so such an export is a `#[unsafe(naked)]` function whose whole body is one jump to
//! its C body (`src/crt/format.c`), which calls a guarded `v` export. Nothing runs there that could panic.
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_export_is_guarded_and_lives_in_ffi() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    let mut count = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let rel = f.strip_prefix(&src).unwrap().display().to_string();
        for (i, l) in lines.iter().enumerate() {
            let Some(name) = l.trim().strip_prefix("w16_alias!(").and_then(|r| r.strip_suffix(");")) else {
                continue;
            };
            let defined = lines.iter().any(|d| d.contains(&format!(" fn {name}(")));
            if !defined {
                problems.push(format!("{rel}:{}: w16_alias!({name}) without the export {name} in this file", i + 1));
            }
        }
        for (i, l) in lines.iter().enumerate() {
            // Any spelling that exports a symbol: `#[no_mangle]`, `#[unsafe(no_mangle)]`, `#[export_name = ...]`.
            let t = l.trim();
            if !(t.starts_with("#[") && (t.contains("no_mangle") || t.contains("export_name"))) {
                continue;
            }
            count += 1;
            if !rel.starts_with("ffi/") {
                problems.push(format!("{rel}:{}: export outside src/ffi", i + 1));
            }
            // The signature may span lines; the body starts after the first line ending in '{'.
            let Some(open) = (i + 1..lines.len()).find(|&j| lines[j].trim_end().ends_with('{')) else {
                problems.push(format!("{rel}:{}: no body found", i + 1));
                continue;
            };
            let first =
                (open + 1..lines.len()).map(|j| lines[j].trim()).find(|t| !t.is_empty() && !t.starts_with("//"));
            let naked = lines[i.saturating_sub(1)].trim() == "#[unsafe(naked)]"
                && rel.starts_with("ffi/crt/")
                && lines[open].contains("pub unsafe extern \"C\" fn ")
                && lines[open].trim_end().ends_with("() {");
            match first {
                Some(t) if t.starts_with("guard_") => {}
                Some(t) if naked && t.starts_with("core::arch::naked_asm!(jump!(), sym winhttpapi_impl_") => {}
                other => problems.push(format!("{rel}:{}: body starts with {:?}, not a guard_ call", i + 1, other)),
            }
        }
    }
    assert!(count > 0, "no exports found");
    assert!(problems.is_empty(), "unguarded exports:\n{}", problems.join("\n"));
}
