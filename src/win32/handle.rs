//! The one handle table: every `HANDLE` and `HINTERNET` the library gives out is an entry here.
//!
//! A handle value is `(generation << 32) | ((slot + 1) << 2)`: never NULL, never
//! `INVALID_HANDLE_VALUE`, low two bits clear (Windows programs tag an `OVERLAPPED.hEvent` by setting
//! the low bit). A slot's generation changes when its handle closes, so a stale or forged value
//! never reaches a live object: it gets `ERROR_INVALID_HANDLE`. Lookups clone an `Arc`, so in-flight
//! work keeps its object alive after the handle closes (DESIGN.md section 4).
use super::error::{WinResult, ERROR_INVALID_HANDLE};
use parking_lot::RwLock;
use std::any::{Any, TypeId};
use std::sync::Arc;

/// A raw handle value as C sees it.
pub type RawHandle = usize;

/// What every object behind a handle implements.
pub trait KernelObject: Any + Send + Sync {
    /// A short name for logs and wrong-type checks ("event", "completion port", ...).
    fn kind(&self) -> &'static str;
    /// Called once when the handle is closed (the object may live on while in-flight work holds it).
    fn on_close(&self) {}
    /// Whether `CloseHandle` closes it. Objects with their own close function (the thread pool's
    /// `CloseThreadpoolWork`...) say no: `CloseHandle` on them is `ERROR_INVALID_HANDLE`, as on Windows,
    /// where they are not kernel handles.
    fn closed_by_close_handle(&self) -> bool {
        true
    }
    /// Whether `DuplicateHandle` may make a second handle to it: the kernel objects `CloseHandle` closes
    /// (events, threads, completion ports, files); the others are `ERROR_INVALID_HANDLE`, as a handle
    /// Windows does not keep in the process's kernel table. An object may refuse with its own code.
    fn duplicable(&self) -> WinResult<()> {
        if self.closed_by_close_handle() {
            Ok(())
        } else {
            Err(ERROR_INVALID_HANDLE)
        }
    }
    /// The waitable state, for objects `WaitForSingleObject` accepts.
    fn waitable(&self) -> Option<&super::wait::Waitable> {
        None
    }
    /// The completion-port binding, for objects that complete `OVERLAPPED` I/O.
    fn io_binding(&self) -> Option<&super::overlapped::IoBinding> {
        None
    }
    /// Cancels this object's pending I/O (`CancelIo`/`CancelIoEx`); `overlapped` = 0 means all of it.
    /// Returns whether anything was cancelled.
    fn cancel_io(&self, _overlapped: usize) -> bool {
        false
    }
}

struct Slot {
    generation: u32,
    object: Option<Arc<dyn KernelObject>>,
    /// The concrete type of `object`, read when it was put here: a typed lookup ([`get_as`]) compares
    /// it, with no call through the object's vtable (every http.sys call looks its handle up).
    type_id: TypeId,
    /// The kind of the object whose close last bumped `generation` (see [`closed_kind`]).
    closed: Option<&'static str>,
}

struct Table {
    slots: Vec<Slot>,
    free: Vec<u32>,
    /// Objects with more than one handle (`DuplicateHandle`): (object address, handles beyond the first).
    /// The object's `on_close` runs when its last handle closes, as Windows closes the object.
    extra: Vec<(usize, u32)>,
}

static TABLE: RwLock<Table> = RwLock::new(Table { slots: Vec::new(), free: Vec::new(), extra: Vec::new() });

fn address_of(o: &Arc<dyn KernelObject>) -> usize {
    Arc::as_ptr(o) as *const () as usize
}

fn encode(slot: u32, generation: u32) -> RawHandle {
    ((generation as usize) << 32) | (((slot as usize) + 1) << 2)
}

fn decode(h: RawHandle) -> Option<(usize, u32)> {
    if h & 3 != 0 {
        return None;
    }
    let low = h & 0xFFFF_FFFF;
    if low == 0 {
        return None;
    }
    Some(((low >> 2) - 1, (h >> 32) as u32))
}

/// Puts an object in the table and returns its new handle.
pub fn insert(object: Arc<dyn KernelObject>) -> RawHandle {
    // Through `dyn Any` (an upcast keeps the object's own vtable): its concrete type, not `dyn KernelObject`.
    let type_id = (&*object as &dyn Any).type_id();
    let mut t = TABLE.write();
    if let Some(slot) = t.free.pop() {
        let s = &mut t.slots[slot as usize];
        s.object = Some(object);
        s.type_id = type_id;
        encode(slot, s.generation)
    } else {
        let slot = t.slots.len() as u32;
        t.slots.push(Slot { generation: 1, object: Some(object), type_id, closed: None });
        encode(slot, 1)
    }
}

/// The object behind a live handle.
pub fn get(h: RawHandle) -> WinResult<Arc<dyn KernelObject>> {
    let (slot, generation) = decode(h).ok_or(ERROR_INVALID_HANDLE)?;
    let t = TABLE.read();
    match t.slots.get(slot) {
        Some(Slot { generation: g, object: Some(o), .. }) if *g == generation => Ok(o.clone()),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// The object behind a live handle, as its concrete type. `Ok(None)` when the handle is live but of
/// another kind, so each family picks its own wrong-type code (WinHTTP:
/// `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE`; http.sys and kernel32: mostly `ERROR_INVALID_HANDLE`).
pub fn get_as<T: KernelObject>(h: RawHandle) -> WinResult<Option<Arc<T>>> {
    let (slot, generation) = decode(h).ok_or(ERROR_INVALID_HANDLE)?;
    let t = TABLE.read();
    match t.slots.get(slot) {
        Some(Slot { generation: g, object: Some(o), type_id, .. }) if *g == generation => {
            if *type_id != TypeId::of::<T>() {
                return Ok(None);
            }
            let raw = Arc::into_raw(o.clone()) as *const T;
            // SAFETY: `from_raw`: the object's concrete type is `T` (its `TypeId`, read at `insert`), so the
            // pointer is that of an `Arc<T>`'s value, from `into_raw`, as `Arc::downcast` makes it.
            Ok(Some(unsafe { Arc::from_raw(raw) }))
        }
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// Like [`get_as`], with one code for both a dead handle and a wrong kind.
pub fn get_typed<T: KernelObject>(h: RawHandle) -> WinResult<Arc<T>> {
    get_as::<T>(h)?.ok_or(ERROR_INVALID_HANDLE)
}

/// A second handle to the object behind `h` (`DuplicateHandle`). Both must be closed before the
/// object's `on_close` runs.
pub fn duplicate(h: RawHandle) -> WinResult<RawHandle> {
    let object = get(h)?;
    let address = address_of(&object);
    let new = insert(object);
    let mut t = TABLE.write();
    match t.extra.iter_mut().find(|(a, _)| *a == address) {
        Some((_, n)) => *n += 1,
        None => t.extra.push((address, 1)),
    }
    Ok(new)
}

/// Removes a handle from the table (the value is dead from now on) and runs the object's `on_close`
/// when it was the object's last handle.
pub fn close(h: RawHandle) -> WinResult<Arc<dyn KernelObject>> {
    let (object, last) = take(h)?;
    if last {
        object.on_close();
    }
    Ok(object)
}

/// Removes a handle without running `on_close` (for families that close in their own order).
pub fn remove(h: RawHandle) -> WinResult<Arc<dyn KernelObject>> {
    take(h).map(|(object, _)| object)
}

/// Removes a handle; says whether it was the object's last one.
fn take(h: RawHandle) -> WinResult<(Arc<dyn KernelObject>, bool)> {
    let (slot, generation) = decode(h).ok_or(ERROR_INVALID_HANDLE)?;
    let mut t = TABLE.write();
    let s = t.slots.get_mut(slot).ok_or(ERROR_INVALID_HANDLE)?;
    if s.generation != generation || s.object.is_none() {
        return Err(ERROR_INVALID_HANDLE);
    }
    let object = s.object.take().expect("checked above");
    s.generation = next_generation(s.generation);
    s.closed = Some(object.kind());
    t.free.push(slot as u32);
    let mut last = true;
    if !t.extra.is_empty() {
        let address = address_of(&object);
        if let Some(i) = t.extra.iter().position(|(a, _)| *a == address) {
            last = false;
            t.extra[i].1 -= 1;
            if t.extra[i].1 == 0 {
                t.extra.swap_remove(i);
            }
        }
    }
    Ok((object, last))
}

fn next_generation(g: u32) -> u32 {
    g.wrapping_add(1).max(1)
}

/// The kind of object a dead handle named, when it was the last handle closed in its slot (a later
/// handle of the slot may be open). Families whose pages give a closed handle its own code use it
/// (notification ports: `ERROR_NO_MORE_ITEMS`); older values, forged ones and live ones give `None`.
pub fn closed_kind(h: RawHandle) -> Option<&'static str> {
    let (slot, generation) = decode(h)?;
    let t = TABLE.read();
    let s = t.slots.get(slot)?;
    (next_generation(generation) == s.generation).then_some(s.closed).flatten()
}

/// How many handles are open (for leak checks in tests).
pub fn live_count() -> usize {
    TABLE.read().slots.iter().filter(|s| s.object.is_some()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Dummy;
    impl KernelObject for Dummy {
        fn kind(&self) -> &'static str {
            "dummy"
        }
    }
    struct Other;
    impl KernelObject for Other {
        fn kind(&self) -> &'static str {
            "other"
        }
    }

    #[test]
    fn closed_handle_is_invalid_even_when_slot_is_reused() {
        let a = insert(Arc::new(Dummy));
        close(a).unwrap();
        let b = insert(Arc::new(Dummy));
        assert_ne!(a, b);
        assert_eq!(get(a).err(), Some(ERROR_INVALID_HANDLE));
        assert!(get(b).is_ok());
        close(b).unwrap();
        assert_eq!(close(b).err(), Some(ERROR_INVALID_HANDLE));
    }

    #[test]
    fn forged_values_are_invalid() {
        for v in [0usize, 1, 2, 3, 0x1234, usize::MAX, usize::MAX - 1, 4 << 40] {
            assert_eq!(get(v).err(), Some(ERROR_INVALID_HANDLE), "value {v:#x}");
        }
    }

    struct Counted(std::sync::atomic::AtomicU32);
    impl KernelObject for Counted {
        fn kind(&self) -> &'static str {
            "counted"
        }
        fn on_close(&self) {
            self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    }

    #[test]
    fn a_duplicated_object_closes_with_its_last_handle() {
        let object = Arc::new(Counted(Default::default()));
        let a = insert(object.clone());
        let b = duplicate(a).unwrap();
        let c = duplicate(b).unwrap();
        assert!(a != b && b != c);
        close(b).unwrap();
        close(a).unwrap();
        assert_eq!(object.0.load(std::sync::atomic::Ordering::SeqCst), 0);
        assert!(get_as::<Counted>(c).unwrap().is_some());
        close(c).unwrap();
        assert_eq!(object.0.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn a_closed_handle_remembers_its_kind_until_its_slot_closes_again() {
        let a = insert(Arc::new(Dummy));
        assert_eq!(closed_kind(a), None);
        close(a).unwrap();
        assert_eq!(closed_kind(a), Some("dummy"));
        let b = insert(Arc::new(Other));
        assert_eq!(closed_kind(a), Some("dummy"), "a live successor does not hide it");
        close(b).unwrap();
        // Other tests share the table: `b` may or may not have reused `a`'s slot.
        assert_eq!(closed_kind(b), Some("other"));
        assert_eq!(closed_kind(0x1234), None);
    }

    #[test]
    fn wrong_kind_is_distinguished_from_dead() {
        let h = insert(Arc::new(Dummy));
        assert!(get_as::<Dummy>(h).unwrap().is_some());
        assert!(get_as::<Other>(h).unwrap().is_none());
        close(h).unwrap();
        assert!(get_as::<Dummy>(h).is_err());
    }
}
