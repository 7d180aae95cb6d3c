//! Modules: `GetModuleHandle*`, `LoadLibrary*`, `GetProcAddress`, `FreeLibrary` (engine: `win32::module`).
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::win32::abi::*;
use crate::win32::error::*;
use crate::win32::module;
use crate::win32::wstr::WideUnit;
use std::ffi::c_char;

unsafe fn module_by_name<U: WideUnit>(name: *const U) -> WinResult<HANDLE> {
    let name = wide_cstr(name);
    tracing::trace!(target: "winhttpapi::win32", "GetModuleHandle/LoadLibrary({name:?})");
    Ok(module::find(name.as_deref())? as HANDLE)
}

/// `GetModuleHandleA`: `winhttp.dll`, `httpapi.dll`, `kernel32.dll` (any case, with or without `.dll`
/// or a directory) give this library; NULL gives the main program; anything else: NULL with
/// `ERROR_MOD_NOT_FOUND`.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleA(lpModuleName: *const c_char) -> HANDLE {
    guard_win32("GetModuleHandleA", std::ptr::null_mut(), || module_by_name(lpModuleName as *const u8))
}

/// `GetModuleHandleW`: as `GetModuleHandleA`.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleW(lpModuleName: *const u32) -> HANDLE {
    guard_win32("GetModuleHandleW", std::ptr::null_mut(), || module_by_name(lpModuleName))
}

/// `GetModuleHandleW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn GetModuleHandleW_w16(lpModuleName: *const u16) -> HANDLE {
    guard_win32("GetModuleHandleW", std::ptr::null_mut(), || module_by_name(lpModuleName))
}

unsafe fn load_library<U: WideUnit>(name: *const U) -> WinResult<HANDLE> {
    if name.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    module_by_name(name)
}

/// `LoadLibraryA`: resolves the same names as `GetModuleHandleA` (this library is already loaded, so
/// nothing is loaded); other names: NULL with `ERROR_MOD_NOT_FOUND`.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryA(lpLibFileName: *const c_char) -> HANDLE {
    guard_win32("LoadLibraryA", std::ptr::null_mut(), || load_library(lpLibFileName as *const u8))
}

/// `LoadLibraryW`: as `LoadLibraryA`.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryW(lpLibFileName: *const u32) -> HANDLE {
    guard_win32("LoadLibraryW", std::ptr::null_mut(), || load_library(lpLibFileName))
}

/// `LoadLibraryW` for `-fshort-wchar` callers.
#[no_mangle]
pub unsafe extern "C" fn LoadLibraryW_w16(lpLibFileName: *const u16) -> HANDLE {
    guard_win32("LoadLibraryW", std::ptr::null_mut(), || load_library(lpLibFileName))
}

unsafe fn proc_address(hModule: HANDLE, lpProcName: *const c_char, twin_first: bool) -> WinResult<FARPROC> {
    // Names below 0x10000 are ordinals; our exports have none.
    if (lpProcName as usize) < 0x10000 {
        return Err(ERROR_PROC_NOT_FOUND);
    }
    let name = narrow_cstr(lpProcName).ok_or(ERROR_PROC_NOT_FOUND)?;
    tracing::trace!(target: "winhttpapi::win32", "GetProcAddress({hModule:?}, {name:?})");
    let address = if twin_first {
        // A -fshort-wchar caller wants the UTF-16 entry point wherever there is one.
        module::proc_address(hModule as usize, &format!("{name}_w16"))
            .or_else(|_| module::proc_address(hModule as usize, &name))?
    } else {
        module::proc_address(hModule as usize, &name)?
    };
    // SAFETY: a non-NULL address of a function symbol, handed to C as FARPROC.
    Ok(Some(std::mem::transmute::<usize, unsafe extern "C" fn() -> isize>(address)))
}

/// `GetProcAddress`: the address of an export of a module from `GetModuleHandle`/`LoadLibrary`.
/// Unknown name or an ordinal: NULL with `ERROR_PROC_NOT_FOUND`; unknown module: `ERROR_MOD_NOT_FOUND`.
#[no_mangle]
pub unsafe extern "C" fn GetProcAddress(hModule: HANDLE, lpProcName: *const c_char) -> FARPROC {
    guard_win32("GetProcAddress", None, || proc_address(hModule, lpProcName, false))
}

/// `GetProcAddress` for `-fshort-wchar` callers: prefers the `_w16` twin of the name, so
/// `GetProcAddress(h, "WinHttpOpen")` gives the UTF-16 entry point such a caller needs.
#[no_mangle]
pub unsafe extern "C" fn GetProcAddress_w16(hModule: HANDLE, lpProcName: *const c_char) -> FARPROC {
    guard_win32("GetProcAddress", None, || proc_address(hModule, lpProcName, true))
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
