//! Critical sections (engine: `win32::critsec`).
use crate::ffi::guard::*;
use crate::win32::abi::*;
use crate::win32::critsec::CriticalSection;
use crate::win32::error::*;

pub(crate) unsafe fn critical_section<'a>(cs: *mut CRITICAL_SECTION) -> WinResult<&'a CriticalSection> {
    if cs.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let slot = &(*cs).lock;
    let mut p = slot.load(std::sync::atomic::Ordering::Acquire);
    if p == 0 {
        let fresh = Box::into_raw(Box::new(CriticalSection::new(0))) as usize;
        p = match slot.compare_exchange(
            0,
            fresh,
            std::sync::atomic::Ordering::AcqRel,
            std::sync::atomic::Ordering::Acquire,
        ) {
            Ok(_) => fresh,
            Err(existing) => {
                drop(Box::from_raw(fresh as *mut CriticalSection));
                existing
            }
        };
    }
    Ok(&*(p as *const CriticalSection))
}

unsafe fn initialize_critical_section(cs: *mut CRITICAL_SECTION, spin: DWORD) -> WinResult<()> {
    tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSection({cs:?}, {spin})");
    if cs.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let fresh = Box::into_raw(Box::new(CriticalSection::new(spin))) as usize;
    // Initializing over an initialized section is a bug on Windows too; the old lock is leaked
    // rather than freed under a possible owner.
    std::ptr::write(cs, CRITICAL_SECTION { lock: std::sync::atomic::AtomicUsize::new(fresh), _rest: [0; 56] });
    Ok(())
}

/// `InitializeCriticalSection`.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("InitializeCriticalSection", (), || initialize_critical_section(lpCriticalSection, 0))
}

/// `InitializeCriticalSectionAndSpinCount`: the spin count is kept and not used (parking_lot spins
/// adaptively). Always TRUE.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSectionAndSpinCount(
    lpCriticalSection: *mut CRITICAL_SECTION,
    dwSpinCount: DWORD,
) -> BOOL {
    guard_win32("InitializeCriticalSectionAndSpinCount", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSectionAndSpinCount({lpCriticalSection:?}, {dwSpinCount:?})");
        initialize_critical_section(lpCriticalSection, dwSpinCount)?;
        Ok(TRUE)
    })
}

/// `InitializeCriticalSectionEx`: as `InitializeCriticalSectionAndSpinCount`; `Flags` are accepted.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSectionEx(
    lpCriticalSection: *mut CRITICAL_SECTION,
    dwSpinCount: DWORD,
    Flags: DWORD,
) -> BOOL {
    guard_win32("InitializeCriticalSectionEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSectionEx({lpCriticalSection:?}, {dwSpinCount:?}, {Flags:?})");
        let _ = Flags;
        initialize_critical_section(lpCriticalSection, dwSpinCount)?;
        Ok(TRUE)
    })
}

/// `EnterCriticalSection`: recursive; blocks until the calling thread owns the section.
#[no_mangle]
pub unsafe extern "C" fn EnterCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("EnterCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "EnterCriticalSection({lpCriticalSection:?})");
        critical_section(lpCriticalSection)?.enter();
        Ok(())
    })
}

/// `TryEnterCriticalSection`: TRUE if the calling thread now owns the section (again).
#[no_mangle]
pub unsafe extern "C" fn TryEnterCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) -> BOOL {
    guard_win32("TryEnterCriticalSection", FALSE, || Ok(critical_section(lpCriticalSection)?.try_enter() as BOOL))
}

/// `LeaveCriticalSection`: releases one level of ownership.
#[no_mangle]
pub unsafe extern "C" fn LeaveCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("LeaveCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "LeaveCriticalSection({lpCriticalSection:?})");
        critical_section(lpCriticalSection)?.leave();
        Ok(())
    })
}

/// `DeleteCriticalSection`: frees the lock; the section must be re-initialized before reuse.
#[no_mangle]
pub unsafe extern "C" fn DeleteCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("DeleteCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "DeleteCriticalSection({lpCriticalSection:?})");
        if lpCriticalSection.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        let p = (*lpCriticalSection).lock.swap(0, std::sync::atomic::Ordering::AcqRel);
        if p != 0 {
            let cs = Box::from_raw(p as *mut CriticalSection);
            if cs.is_locked() {
                // Deleting an owned section is undefined on Windows; leaking beats freeing under an owner.
                tracing::warn!(target: "winhttpapi::win32", "DeleteCriticalSection on an owned section");
                std::mem::forget(cs);
            }
        }
        Ok(())
    })
}
