//! Run-time linking (`GetModuleHandle`, `LoadLibrary`, `GetProcAddress`, `FreeLibrary`): the
//! Windows DLL names this library stands in for (`winhttp.dll`, `httpapi.dll`, `kernel32.dll`, in
//! any case, with or without `.dll` or a directory) resolve to this library itself, so
//! `GetProcAddress` finds our exports. Other names are `ERROR_MOD_NOT_FOUND`: we never load
//! arbitrary Linux libraries under Windows names.
use super::error::*;
use once_cell::sync::OnceCell;

/// The DLL names that resolve to this library.
pub const OUR_MODULES: &[&str] = &["winhttp", "httpapi", "kernel32", "kernelbase"];

/// A module handle value (`HMODULE`): a `dlopen` handle, as an integer.
pub type ModuleHandle = usize;

static SELF_HANDLE: OnceCell<(ModuleHandle, usize)> = OnceCell::new();
static MAIN_HANDLE: OnceCell<ModuleHandle> = OnceCell::new();

/// Anchor whose address tells `dladdr` which file holds this library.
#[inline(never)]
fn anchor() {}

/// This library's `dlopen` handle and load base.
pub fn self_module() -> WinResult<(ModuleHandle, usize)> {
    SELF_HANDLE
        .get_or_try_init(|| {
            // SAFETY: `Dl_info` is plain C data (pointers and integers); all-zero is a valid value.
            let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
            // SAFETY: `anchor` is a function of this library; `info` is a valid out-pointer.
            let found = unsafe { libc::dladdr(anchor as *const () as *const libc::c_void, &mut info) };
            if found == 0 || info.dli_fname.is_null() {
                return Err(ERROR_MOD_NOT_FOUND);
            }
            // SAFETY: dladdr gave a NUL-terminated file name; RTLD_NOLOAD only takes another reference
            // to the library that is already loaded (this one), never loads a new one.
            let h = unsafe { libc::dlopen(info.dli_fname, libc::RTLD_NOW | libc::RTLD_NOLOAD) };
            if h.is_null() {
                // A static link (the staticlib in a program): the program itself holds our symbols.
                // SAFETY: dlopen(NULL) returns the main program's handle.
                let main = unsafe { libc::dlopen(std::ptr::null(), libc::RTLD_NOW) };
                return Ok((main as usize, info.dli_fbase as usize));
            }
            Ok((h as usize, info.dli_fbase as usize))
        })
        .copied()
}

/// The main program's handle (`GetModuleHandle(NULL)`).
pub fn main_module() -> ModuleHandle {
    // SAFETY: dlopen(NULL) returns the main program's handle, which is never unloaded.
    *MAIN_HANDLE.get_or_init(|| unsafe { libc::dlopen(std::ptr::null(), libc::RTLD_NOW) as usize })
}

/// Whether a module name (as Windows programs spell it) names this library.
pub fn is_our_module(name: &str) -> bool {
    let base = name.rsplit(['\\', '/']).next().unwrap_or(name).trim_end_matches('.');
    let lower = base.to_ascii_lowercase();
    let stem = lower.strip_suffix(".dll").unwrap_or(&lower);
    OUR_MODULES.contains(&stem)
}

/// `GetModuleHandle` / `LoadLibrary`: `None` = the main program.
pub fn find(name: Option<&str>) -> WinResult<ModuleHandle> {
    match name {
        None => Ok(main_module()),
        Some(n) if is_our_module(n) => Ok(self_module()?.0),
        Some(_) => Err(ERROR_MOD_NOT_FOUND),
    }
}

/// Whether `h` is a module handle we gave out.
pub fn is_known(h: ModuleHandle) -> bool {
    h != 0 && (self_module().map(|m| m.0 == h).unwrap_or(false) || h == main_module())
}

/// `GetProcAddress`: the address of an export of module `h`. Only symbols defined in that module
/// count (a `dlsym` that finds a symbol of a dependency, such as libc's, is `ERROR_PROC_NOT_FOUND`).
pub fn proc_address(h: ModuleHandle, name: &str) -> WinResult<usize> {
    if !is_known(h) {
        return Err(ERROR_MOD_NOT_FOUND);
    }
    let cname = std::ffi::CString::new(name).map_err(|_| ERROR_PROC_NOT_FOUND)?;
    // SAFETY: `h` is a live dlopen handle (checked above) and `cname` a valid C string.
    let sym = unsafe { libc::dlsym(h as *mut libc::c_void, cname.as_ptr()) };
    if sym.is_null() {
        return Err(ERROR_PROC_NOT_FOUND);
    }
    if h != main_module() {
        // SAFETY: `Dl_info` is plain C data (pointers and integers); all-zero is a valid value.
        let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
        // SAFETY: `sym` is an address dlsym returned; `info` is a valid out-pointer.
        let found = unsafe { libc::dladdr(sym, &mut info) };
        if found == 0 || info.dli_fbase as usize != self_module()?.1 {
            return Err(ERROR_PROC_NOT_FOUND);
        }
    }
    Ok(sym as usize)
}
