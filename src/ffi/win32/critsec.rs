//! Critical sections (engine: `win32::critsec`).
use crate::ffi::guard::*;
use crate::win32::abi::*;
use crate::win32::critsec::CriticalSection;
use crate::win32::error::*;

/// # Safety
/// The pointers are arguments of the exports that call it (`EnterCriticalSection`, `LeaveCriticalSection`,
/// `LeaveCriticalSectionWhenCallbackReturns`, `TryEnterCriticalSection`, and their `_w16` twins), whose `# Safety` asks
/// the caller to make them NULL or valid for what Windows documents the function reads or writes through them; as
/// called from `EnterCriticalSection`: `cs` is its `lpCriticalSection`.
pub(crate) unsafe fn critical_section<'a>(cs: *mut CRITICAL_SECTION) -> WinResult<&'a CriticalSection> {
    if cs.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `cs` is a non-NULL CRITICAL_SECTION of the caller's (this function's contract).
    let slot = unsafe { &(*cs).lock };
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
                // SAFETY: `fresh` came from Box::into_raw above and lost the race: no one else has it.
                drop(unsafe { Box::from_raw(fresh as *mut CriticalSection) });
                existing
            }
        };
    }
    // SAFETY: the slot holds a Box<CriticalSection> leaked above (or by InitializeCriticalSection), freed only
    // by DeleteCriticalSection, which the caller does not call while the section is in use.
    Ok(unsafe { &*(p as *const CriticalSection) })
}

/// # Safety
/// The pointers are arguments of the exports that call it (`InitializeCriticalSection`,
/// `InitializeCriticalSectionAndSpinCount`, `InitializeCriticalSectionEx`, and their `_w16` twins), whose `# Safety`
/// asks the caller to make them NULL or valid for what Windows documents the function reads or writes through them; as
/// called from `InitializeCriticalSection`: `cs` is its `lpCriticalSection`.
unsafe fn initialize_critical_section(cs: *mut CRITICAL_SECTION, spin: DWORD) -> WinResult<()> {
    tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSection({cs:?}, {spin})");
    if cs.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let fresh = Box::into_raw(Box::new(CriticalSection::new(spin))) as usize;
    // Initializing over an initialized section is a bug on Windows too; the old lock is leaked
    // rather than freed under a possible owner.
    // SAFETY: `write`: Before the operation's completion is reported (the contract of [`CallerOut::new`]).
    unsafe {
        std::ptr::write(cs, CRITICAL_SECTION { lock: std::sync::atomic::AtomicUsize::new(fresh), _rest: [0; 56] })
    };
    Ok(())
}

/// `InitializeCriticalSection`.
///
/// # Safety
/// `lpCriticalSection` is NULL or points to memory valid for what `InitializeCriticalSection` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    // SAFETY: `initialize_critical_section`: `lpCriticalSection` is this export's own argument, passed on unchanged;
    // its `# Safety` makes it NULL or valid for what Windows documents `InitializeCriticalSection` reads or writes
    // through it.
    guard_win32("InitializeCriticalSection", (), || unsafe { initialize_critical_section(lpCriticalSection, 0) })
}

/// `InitializeCriticalSectionAndSpinCount`: the spin count is kept and not used (parking_lot spins
/// adaptively). Always TRUE.
///
/// # Safety
/// `lpCriticalSection` is NULL or points to memory valid for what `InitializeCriticalSectionAndSpinCount` reads or
/// writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the
/// size passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSectionAndSpinCount(
    lpCriticalSection: *mut CRITICAL_SECTION,
    dwSpinCount: DWORD,
) -> BOOL {
    guard_win32("InitializeCriticalSectionAndSpinCount", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSectionAndSpinCount({lpCriticalSection:?}, {dwSpinCount:?})");
        // SAFETY: `initialize_critical_section`: `lpCriticalSection` is this export's own argument, passed on
        // unchanged; its `# Safety` makes it NULL or valid for what Windows documents
        // `InitializeCriticalSectionAndSpinCount` reads or writes through it.
        unsafe { initialize_critical_section(lpCriticalSection, dwSpinCount) }?;
        Ok(TRUE)
    })
}

/// `InitializeCriticalSectionEx`: as `InitializeCriticalSectionAndSpinCount`; `Flags` are accepted.
///
/// # Safety
/// `lpCriticalSection` is NULL or points to memory valid for what `InitializeCriticalSectionEx` reads or writes
/// there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size
/// passed), for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn InitializeCriticalSectionEx(
    lpCriticalSection: *mut CRITICAL_SECTION,
    dwSpinCount: DWORD,
    Flags: DWORD,
) -> BOOL {
    guard_win32("InitializeCriticalSectionEx", FALSE, || {
        tracing::trace!(target: "winhttpapi::win32", "InitializeCriticalSectionEx({lpCriticalSection:?}, {dwSpinCount:?}, {Flags:?})");
        let _ = Flags;
        // SAFETY: `initialize_critical_section`: `lpCriticalSection` is this export's own argument, passed on
        // unchanged; its `# Safety` makes it NULL or valid for what Windows documents `InitializeCriticalSectionEx`
        // reads or writes through it.
        unsafe { initialize_critical_section(lpCriticalSection, dwSpinCount) }?;
        Ok(TRUE)
    })
}

/// `EnterCriticalSection`: recursive; blocks until the calling thread owns the section.
///
/// # Safety
/// `lpCriticalSection` is NULL or points to memory valid for what `EnterCriticalSection` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn EnterCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("EnterCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "EnterCriticalSection({lpCriticalSection:?})");
        // SAFETY: `critical_section`: `lpCriticalSection` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `EnterCriticalSection` reads or writes through
        // it.
        unsafe { critical_section(lpCriticalSection) }?.enter();
        Ok(())
    })
}

/// `TryEnterCriticalSection`: TRUE if the calling thread now owns the section (again).
///
/// # Safety
/// `lpCriticalSection` is NULL or points to memory valid for what `TryEnterCriticalSection` reads or writes there,
/// as Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed),
/// for the length of the call.
#[no_mangle]
pub unsafe extern "C" fn TryEnterCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) -> BOOL {
    guard_win32("TryEnterCriticalSection", FALSE, || {
        // SAFETY: `critical_section`: `lpCriticalSection` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `TryEnterCriticalSection` reads or writes.
        Ok(unsafe { critical_section(lpCriticalSection) }?.try_enter() as BOOL)
    })
}

/// `LeaveCriticalSection`: releases one level of ownership.
///
/// # Safety
/// `lpCriticalSection` is NULL or points to memory valid for what `LeaveCriticalSection` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn LeaveCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("LeaveCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "LeaveCriticalSection({lpCriticalSection:?})");
        // SAFETY: `critical_section`: `lpCriticalSection` is this export's own argument, passed on unchanged; its
        // `# Safety` makes it NULL or valid for what Windows documents `LeaveCriticalSection` reads or writes through
        // it.
        unsafe { critical_section(lpCriticalSection) }?.leave();
        Ok(())
    })
}

/// `DeleteCriticalSection`: frees the lock; the section must be re-initialized before reuse.
///
/// # Safety
/// `lpCriticalSection` is NULL or points to memory valid for what `DeleteCriticalSection` reads or writes there, as
/// Windows documents it (strings NUL-terminated unless a length is passed, buffers at least the size passed), for
/// the length of the call.
#[no_mangle]
pub unsafe extern "C" fn DeleteCriticalSection(lpCriticalSection: *mut CRITICAL_SECTION) {
    guard_win32("DeleteCriticalSection", (), || {
        tracing::trace!(target: "winhttpapi::win32", "DeleteCriticalSection({lpCriticalSection:?})");
        if lpCriticalSection.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: `lpCriticalSection` is non-NULL (checked above) and the caller's CRITICAL_SECTION.
        let p = unsafe { (*lpCriticalSection).lock.swap(0, std::sync::atomic::Ordering::AcqRel) };
        if p != 0 {
            // SAFETY: `from_raw`: the pointer came from the matching into_raw/leak
            let cs = unsafe { Box::from_raw(p as *mut CriticalSection) };
            if cs.is_locked() {
                // Deleting an owned section is undefined on Windows; leaking beats freeing under an owner.
                tracing::warn!(target: "winhttpapi::win32", "DeleteCriticalSection on an owned section");
                std::mem::forget(cs);
            }
        }
        Ok(())
    })
}
