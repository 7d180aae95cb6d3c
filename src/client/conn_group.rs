//! `WinHttpQueryConnectionGroup`: the connections a session holds to the host of a connect or request
//! handle, grouped by connection GUID. This port does not mark connections with GUIDs
//! (`WINHTTP_OPTION_CONNECTION_GUID` is not supported), so every connection is in the GUID_NULL group.
//!
//! Operations: [`query`].
use super::connect::Connect;
use super::request::Request;
use crate::client::abi::WINHTTP_FLAG_SECURE;
use crate::client::abi::WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE;
use crate::win32::error::*;
use crate::win32::handle::RawHandle;

/// One `WINHTTP_HOST_CONNECTION_GROUP`: the host and its (connection count, group GUID) pairs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostGroups {
    pub host: String,
    pub groups: Vec<(u32, [u8; 16])>,
}

/// The connection groups for the handle's host. A connect handle means HTTPS unless
/// `WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE`; a request handle means its own scheme. A GUID
/// other than GUID_NULL matches nothing (no connection is marked). Hosts without connections are
/// left out. Errors: `ERROR_INVALID_HANDLE`, `ERROR_WINHTTP_INCORRECT_HANDLE_TYPE` (not a connect or
/// request handle), `ERROR_INVALID_PARAMETER` (unknown flags).
pub fn query(h: RawHandle, guid: Option<[u8; 16]>, flags: u64) -> WinResult<Vec<HostGroups>> {
    let (connect, secure) = if let Some(r) = super::api::lookup_kind::<Request>(h)? {
        (r.connect.clone(), r.flags & WINHTTP_FLAG_SECURE != 0)
    } else if let Some(c) = super::api::lookup_kind::<Connect>(h)? {
        (c, flags & WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE == 0)
    } else {
        return Err(ERROR_WINHTTP_INCORRECT_HANDLE_TYPE);
    };
    if flags & !WINHTTP_QUERY_CONNECTION_GROUP_FLAG_INSECURE != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let n = connect.session.connection_count(&connect.host, connect.port_for(secure), secure);
    if n == 0 || guid.is_some_and(|g| g != [0; 16]) {
        return Ok(Vec::new());
    }
    Ok(vec![HostGroups { host: connect.host.clone(), groups: vec![(n, [0; 16])] }])
}
