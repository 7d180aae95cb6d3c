//! Tables of the 64-bit ids http.sys hands out for server sessions and URL groups. They are not
//! handles (`CloseHandle` does not know them), so they live in their own tables: generation-tagged
//! like the handle table, never 0 (`HTTP_NULL_ID`), so a closed or forged id is refused. Each table
//! puts its own tag in the id, so an id of one kind given where the other is expected (a URL group id
//! to `HttpCloseServerSession`) is refused too, as http.sys refuses it.
//! Also [`IdMap`]: maps keyed by the sequential request and connection ids.
use parking_lot::RwLock;
use std::sync::Arc;

/// Request and connection ids are sequential: a multiplicative hash spreads them well enough, far
/// cheaper than SipHash on paths every request takes.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by request or connection id.
pub type IdMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

struct Slot<T> {
    generation: u32,
    value: Option<Arc<T>>,
}

/// One table of ids.
pub struct IdTable<T> {
    tag: u8,
    slots: RwLock<(Vec<Slot<T>>, Vec<u32>)>,
}

/// Slots per table: the low 24 bits of an id's low word (the tag takes the top 8).
const SLOT_BITS: u32 = 24;

impl<T> IdTable<T> {
    /// A table whose ids carry `tag` (non-zero, distinct per table).
    pub const fn new(tag: u8) -> Self {
        IdTable { tag, slots: RwLock::new((Vec::new(), Vec::new())) }
    }

    /// Stores a value built from its new id.
    pub fn insert_with(&self, make: impl FnOnce(u64) -> T) -> (u64, Arc<T>) {
        let mut t = self.slots.write();
        let (slot, generation) = match t.1.pop() {
            Some(s) => (s, t.0[s as usize].generation),
            None => {
                t.0.push(Slot { generation: 1, value: None });
                ((t.0.len() - 1) as u32, 1)
            }
        };
        assert!(slot + 1 < 1 << SLOT_BITS, "id table full");
        let id = ((generation as u64) << 32) | ((self.tag as u64) << SLOT_BITS) | (slot as u64 + 1);
        let v = Arc::new(make(id));
        t.0[slot as usize].value = Some(v.clone());
        (id, v)
    }

    fn decode(&self, id: u64) -> Option<(usize, u32)> {
        let low = id & 0xFFFF_FFFF;
        let slot = low & ((1 << SLOT_BITS) - 1);
        (low >> SLOT_BITS == self.tag as u64 && slot != 0).then(|| ((slot - 1) as usize, (id >> 32) as u32))
    }

    pub fn get(&self, id: u64) -> Option<Arc<T>> {
        let (slot, generation) = self.decode(id)?;
        let t = self.slots.read();
        match t.0.get(slot) {
            Some(Slot { generation: g, value: Some(v) }) if *g == generation => Some(v.clone()),
            _ => None,
        }
    }

    pub fn remove(&self, id: u64) -> Option<Arc<T>> {
        let (slot, generation) = self.decode(id)?;
        let mut t = self.slots.write();
        let s = t.0.get_mut(slot)?;
        if s.generation != generation || s.value.is_none() {
            return None;
        }
        let v = s.value.take();
        s.generation = s.generation.wrapping_add(1).max(1);
        t.1.push(slot as u32);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_zero_and_die_with_their_object() {
        let t: IdTable<u8> = IdTable::new(1);
        let other: IdTable<u8> = IdTable::new(2);
        let (a, _) = t.insert_with(|_| 1);
        assert_ne!(a, 0);
        assert!(t.remove(a).is_some());
        let (b, _) = t.insert_with(|_| 2);
        assert_ne!(a, b);
        assert!(t.get(a).is_none() && t.remove(a).is_none());
        assert_eq!(*t.get(b).unwrap(), 2);
        assert!(t.get(0).is_none() && t.get(0xdead).is_none());
        let (c, _) = other.insert_with(|_| 3);
        assert!(t.get(c).is_none() && other.get(b).is_none(), "one table's id is not the other's");
    }
}
