//! The security-related server properties this implementation accepts only in their "nothing asked"
//! form: `HttpServerAuthenticationProperty` and `HttpServerExtendedAuthenticationProperty` without
//! schemes, `HttpServerChannelBindProperty` at the legacy hardening level, and the endpoint properties
//! `HttpServerListenEndpointProperty` and `HttpServerProtectionLevelProperty`. What was accepted is kept
//! per session or group so a query gives it back; the export refuses the rest with
//! `ERROR_NOT_SUPPORTED` (there is no Windows authentication on Linux).
use super::logging::Owner;
use parking_lot::Mutex;
use std::collections::HashMap;

/// The accepted values of one property, as the export packs them (up to four 32-bit words).
pub type Packed = [u32; 4];

static STORE: Mutex<Option<HashMap<(Owner, i32), Packed>>> = Mutex::new(None);

/// Stores (`Some`) or clears (`None`, `Present` = 0) one property of one owner.
pub fn store(owner: Owner, property: i32, value: Option<Packed>) {
    let mut s = STORE.lock();
    let map = s.get_or_insert_with(HashMap::new);
    match value {
        Some(v) => {
            map.insert((owner, property), v);
        }
        None => {
            map.remove(&(owner, property));
        }
    }
}

/// The stored value, if any.
pub fn load(owner: Owner, property: i32) -> Option<Packed> {
    STORE.lock().as_ref()?.get(&(owner, property)).copied()
}
