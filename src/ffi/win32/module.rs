//! Modules: `GetModuleHandle*`, `LoadLibrary*`, `GetProcAddress`, `FreeLibrary` (engine: `win32::module`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::module;
use crate::win32::wstr::WideUnit;
use std::ffi::c_char;

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn module_by_name<U: WideUnit>(name: *const U) -> WinResult<HANDLE> {
    // SAFETY: `wide_cstr`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    let name = unsafe { wide_cstr(name) };
    tracing::trace!(target: "winhttpapi::win32", "GetModuleHandle/LoadLibrary({name:?})");
    Ok(module::find(name.as_deref())? as HANDLE)
}

/// `GetModuleHandleA`: `winhttp.dll`, `httpapi.dll`, `kernel32.dll` (any case, with or without `.dll`
/// or a directory) give this library; NULL gives the main program; anything else: NULL with
/// `ERROR_MOD_NOT_FOUND`.
///
/// # Safety
/// `lpModuleName` is NULL or points to memory valid for what `GetModuleHandleA` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleA(lpModuleName: *const c_char) -> HANDLE {
    // SAFETY: `module_by_name`: `lpModuleName as *const u8` is NULL or points to a readable NUL-terminated array of
    // `U`.
    guard_win32("GetModuleHandleA", std::ptr::null_mut(), || unsafe { module_by_name(lpModuleName as *const u8) })
}

/// `GetModuleHandleW`: as `GetModuleHandleA`.
///
/// # Safety
/// `lpModuleName` is NULL or points to memory valid for what `GetModuleHandleW` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleW(lpModuleName: *const u32) -> HANDLE {
    // SAFETY: `module_by_name`: `lpModuleName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("GetModuleHandleW", std::ptr::null_mut(), || unsafe { module_by_name(lpModuleName) })
}

/// `GetModuleHandleW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpModuleName` is NULL or points to memory valid for what `GetModuleHandleW` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleW_w16(lpModuleName: *const u16) -> HANDLE {
    // SAFETY: `module_by_name`: `lpModuleName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("GetModuleHandleW", std::ptr::null_mut(), || unsafe { module_by_name(lpModuleName) })
}

/// # Safety
/// `name` is NULL or points to a readable NUL-terminated array of `U`.
unsafe fn load_library<U: WideUnit>(name: *const U) -> WinResult<HANDLE> {
    if name.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `module_by_name`: `name` is NULL or points to a readable NUL-terminated array of `U`.
    unsafe { module_by_name(name) }
}

/// `LoadLibraryA`: resolves the same names as `GetModuleHandleA` (this library is already loaded, so
/// nothing is loaded); other names: NULL with `ERROR_MOD_NOT_FOUND`.
///
/// # Safety
/// `lpLibFileName` is NULL or points to memory valid for what `LoadLibraryA` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryA(lpLibFileName: *const c_char) -> HANDLE {
    // SAFETY: `load_library`: `lpLibFileName as *const u8` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("LoadLibraryA", std::ptr::null_mut(), || unsafe { load_library(lpLibFileName as *const u8) })
}

/// `LoadLibraryW`: as `LoadLibraryA`.
///
/// # Safety
/// `lpLibFileName` is NULL or points to memory valid for what `LoadLibraryW` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryW(lpLibFileName: *const u32) -> HANDLE {
    // SAFETY: `load_library`: `lpLibFileName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("LoadLibraryW", std::ptr::null_mut(), || unsafe { load_library(lpLibFileName) })
}

/// `LoadLibraryW` for `-fshort-wchar` callers.
///
/// # Safety
/// `lpLibFileName` is NULL or points to memory valid for what `LoadLibraryW` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryW_w16(lpLibFileName: *const u16) -> HANDLE {
    // SAFETY: `load_library`: `lpLibFileName` is NULL or points to a readable NUL-terminated array of `U`.
    guard_win32("LoadLibraryW", std::ptr::null_mut(), || unsafe { load_library(lpLibFileName) })
}

/// # Safety
/// The pointers are the arguments of `GetProcAddress` (and of its twins), which its `# Safety` asks the caller to make
/// NULL or valid for what Windows documents the function reads or writes through them: `lpProcName` is its
/// `lpProcName`. In particular: `lpProcName` is NULL or points to a readable NUL-terminated string.
unsafe fn proc_address(hModule: HANDLE, lpProcName: *const c_char, twin_first: bool) -> WinResult<FARPROC> {
    // Names below 0x10000 are ordinals; our exports have none.
    if (lpProcName as usize) < 0x10000 {
        return Err(ERROR_PROC_NOT_FOUND);
    }
    // SAFETY: `narrow_cstr`: `lpProcName` is NULL or points to a readable NUL-terminated string.
    let name = unsafe { narrow_cstr(lpProcName) }.ok_or(ERROR_PROC_NOT_FOUND)?;
    tracing::trace!(target: "winhttpapi::win32", "GetProcAddress({hModule:?}, {name:?})");
    let address = if twin_first {
        // A -fshort-wchar caller wants the UTF-16 entry point wherever there is one.
        module::proc_address(hModule as usize, &format!("{name}_w16"))
            .or_else(|_| module::proc_address(hModule as usize, &name))?
    } else {
        module::proc_address(hModule as usize, &name)?
    };
    // SAFETY: `address` is the non-NULL address of one of this library's exported functions (found by name
    // above), handed to C as FARPROC; the caller casts it to the export's real signature, as on Windows.
    Ok(Some(unsafe { std::mem::transmute::<usize, unsafe extern "C" fn() -> isize>(address) }))
}

/// `GetProcAddress`: the address of an export of a module from `GetModuleHandle`/`LoadLibrary`.
/// Unknown name or an ordinal: NULL with `ERROR_PROC_NOT_FOUND`; unknown module: `ERROR_MOD_NOT_FOUND`.
///
/// # Safety
/// `lpProcName` is NULL or points to memory valid for what `GetProcAddress` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetProcAddress(hModule: HANDLE, lpProcName: *const c_char) -> FARPROC {
    // SAFETY: `proc_address`: `lpProcName` is this export's own argument, passed on unchanged; its `# Safety` makes it
    // NULL or valid for what Windows documents `GetProcAddress` reads or writes through it; in particular `lpProcName`
    // is NULL or points to a readable NUL-terminated string.
    guard_win32("GetProcAddress", None, || unsafe { proc_address(hModule, lpProcName, false) })
}

/// `GetProcAddress` for `-fshort-wchar` callers: prefers the `_w16` twin of the name, so
/// `GetProcAddress(h, "WinHttpOpen")` gives the UTF-16 entry point such a caller needs.
///
/// # Safety
/// `lpProcName` is NULL or points to memory valid for what `GetProcAddress` reads or writes there, as Windows
/// documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for the
/// length of the call.
#[no_mangle]
pub unsafe extern "C" fn GetProcAddress_w16(hModule: HANDLE, lpProcName: *const c_char) -> FARPROC {
    // SAFETY: `proc_address`: `lpProcName` is this export's own argument, passed on unchanged; its `# Safety` makes it
    // NULL or valid for what Windows documents `GetProcAddress` reads or writes through it; in particular `lpProcName`
    // is NULL or points to a readable NUL-terminated string.
    guard_win32("GetProcAddress", None, || unsafe { proc_address(hModule, lpProcName, true) })
}

/// `FreeLibrary`: TRUE for a module handle we gave out (this library stays loaded); anything else:
/// FALSE with `ERROR_INVALID_HANDLE`.
#[no_mangle]
pub extern "C" fn FreeLibrary(hLibModule: HANDLE) -> BOOL {
    guard_win32("FreeLibrary", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "FreeLibrary({hLibModule:?})");
        if module::is_known(hLibModule as usize) {
            Ok(TRUE)
        } else {
            Err(ERROR_INVALID_HANDLE)
        }
    })
}
