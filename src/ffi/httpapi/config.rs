//! Exports of `http.h` for the machine-wide configuration store (`HttpSetServiceConfiguration`,
//! `HttpQueryServiceConfiguration`, `HttpDeleteServiceConfiguration`, `HttpUpdateServiceConfiguration`).
//!
//! Store records: `HttpServiceConfigTimeout` (the machine-wide IdleConnection / HeaderWait timers the
//! engine enforces), `HttpServiceConfigUrlAclInfo` and `HttpServiceConfigIPListenList` (kept and
//! reported; see docs/porting.md), in the file [`crate::server::service_config`] describes.
//! `HttpServiceConfigSSLCertInfo` (IP:port) and `HttpServiceConfigSslSniCertInfo` (host:port) bind a
//! certificate of the certificate store directory (`crate::server::tls`) to the https listeners. The
//! other SSL records (central certificate store, the `*Ex` forms) are `ERROR_NOT_SUPPORTED`.
#![allow(non_snake_case, non_upper_case_globals)]
use super::*;
use crate::ffi::guard::*;
use crate::ffi::ptr::*;
use crate::ffi::types::*;
use crate::server::abi::*;
use crate::server::service_config::{self as config, SniKey, SslBinding, SslKey, TimeoutKey};
use crate::server::tls;
use crate::win32::abi::OVERLAPPED;
use crate::win32::error::*;
use crate::win32::sockaddr::{self, Families};
use crate::win32::wstr::WideUnit;
use std::ffi::c_void;
use std::mem::size_of;
use std::net::SocketAddr;

fn check_reserved(handle: HANDLE, ov: *mut OVERLAPPED) -> WinResult<()> {
    // Both are documented as reserved: NULL.
    if !handle.is_null() {
        return Err(ERROR_INVALID_HANDLE);
    }
    if !ov.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(())
}

fn is_ssl_id(id: i32) -> bool {
    matches!(id, 1 | 5 | 6 | 8..=12)
}

/// Reads a `SOCKADDR_IN` / `SOCKADDR_IN6` of `len` bytes (Windows' `AF_INET6` = 23 accepted too); anything
/// else: `ERROR_INVALID_PARAMETER`.
///
/// # Safety
/// `p` is NULL or points to `len.min(28)` readable bytes that stay valid and unchanged for the call.
unsafe fn read_sockaddr(p: *const u8, len: usize) -> WinResult<SocketAddr> {
    if p.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `bytes_in`: `p` is non-NULL (checked above) and points to `len.min(28)` readable bytes (this
    // function's `# Safety`).
    let b = unsafe { bytes_in(p, len.min(sockaddr::SOCKADDR_IN6_SIZE)) }?;
    sockaddr::read(b, Families::WithWindowsInet6).map_err(|_| ERROR_INVALID_PARAMETER)
}

/// Reads a `SOCKADDR` whose size is given by its family (`HTTP_SERVICE_CONFIG_SSL_KEY.pIpPort`).
///
/// # Safety
/// `p` is NULL or points to a readable `SOCKADDR_IN` or `SOCKADDR_IN6`, as its family field says.
unsafe fn read_sockaddr_by_family(p: *const u8) -> WinResult<SocketAddr> {
    if p.is_null() {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: `bytes_in`: `p` is non-NULL (checked above) and points to at least the 2-byte family field (this
    // function's `# Safety`).
    let b = unsafe { bytes_in(p, 2) }?;
    let len = sockaddr::struct_size(u16::from_ne_bytes([b[0], b[1]]), Families::WithWindowsInet6)
        .ok_or(ERROR_INVALID_PARAMETER)?;
    // SAFETY: `read_sockaddr`: `p` points to the structure its family names, `len` bytes (this function's
    // `# Safety`).
    unsafe { read_sockaddr(p, len) }
}

/// Reads `HTTP_SERVICE_CONFIG_SSL_PARAM`: a 20-byte thumbprint (else `ERROR_INVALID_PARAMETER`).
///
/// # Safety
/// The pointers in `p` (the certificate hash, the store name) are NULL or valid for what they describe: `SslHashLength`
/// readable bytes, a NUL-terminated string of `U`.
unsafe fn read_ssl_param<U: WideUnit>(p: &HTTP_SERVICE_CONFIG_SSL_PARAM<U>) -> WinResult<SslBinding> {
    if p.pSslHash.is_null() || p.SslHashLength as usize != SSL_HASH_LENGTH {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let store = if p.pSslCertStoreName.is_null() {
        String::new()
    } else {
        // SAFETY: `wide_cstr`: `p.pSslCertStoreName` is NULL or points to a readable NUL-terminated array of `U`.
        unsafe { wide_cstr(p.pSslCertStoreName) }.ok_or(ERROR_INVALID_PARAMETER)?
    };
    Ok(SslBinding {
        // SAFETY: `bytes_in`: `p.pSslHash` is NULL or points to `SSL_HASH_LENGTH` readable bytes that stay valid and
        // unchanged for `'a`.
        hash: unsafe { bytes_in(p.pSslHash, SSL_HASH_LENGTH) }?.to_vec(),
        app_id: p.AppId,
        store,
        check_mode: p.DefaultCertCheckMode,
        revocation_freshness: p.DefaultRevocationFreshnessTime,
        revocation_url_timeout: p.DefaultRevocationUrlRetrievalTimeout,
        flags: p.DefaultFlags,
    })
}

/// The SNI key: the host name (not empty) and the port of the `SOCKADDR_STORAGE`.
///
/// # Safety
/// `k.Host` is NULL or points to a readable NUL-terminated array of `U` (`k.IpPort` is inline, always readable).
unsafe fn read_sni_key<U: WideUnit>(k: &HTTP_SERVICE_CONFIG_SSL_SNI_KEY<U>) -> WinResult<SslKey> {
    // SAFETY: `read_sockaddr`: `k.IpPort.as_ptr() as *const u8` is NULL or points to `SOCKADDR_STORAGE_SIZE.min(28)`
    // readable bytes that stay valid and unchanged for `'a`.
    let addr = unsafe { read_sockaddr(k.IpPort.as_ptr() as *const u8, SOCKADDR_STORAGE_SIZE) }?;
    // SAFETY: `wide_cstr`: `k.Host` is NULL or points to a readable NUL-terminated array of `U`.
    let host = unsafe { wide_cstr(k.Host) }.filter(|h| !h.is_empty()).ok_or(ERROR_INVALID_PARAMETER)?;
    Ok(SslKey::Sni(SniKey { host: host.to_ascii_lowercase(), port: addr.port() }))
}

/// Set or update (`replace`) of the SSL records this implementation keeps; the certificate must be
/// in the store with its private key.
///
/// # Safety
/// `info` is NULL or points to `len` readable bytes holding the `HTTP_SERVICE_CONFIG_SSL_(SNI_)SET<U>` `id` names; its
/// pointers (address, hash, store name, host) are NULL or valid for what they describe, for the length of the call.
unsafe fn set_ssl<U: WideUnit>(id: i32, info: *mut c_void, len: ULONG, replace: bool) -> WinResult<()> {
    let (key, binding) = match id {
        HttpServiceConfigSSLCertInfo => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_SSL_SET<U> = unsafe { read_struct(info, len, ERROR_INSUFFICIENT_BUFFER) }?;
            // SAFETY: `read_sockaddr_by_family`: the `pIpPort` of the caller's structure (read above) is NULL or a
            // readable `SOCKADDR` of its family's size (this function's `# Safety`); `read_ssl_param`: the pointers of
            // `s.ParamDesc` are NULL or valid for what they describe.
            (SslKey::IpPort(unsafe { read_sockaddr_by_family(s.pIpPort) }?), unsafe { read_ssl_param(&s.ParamDesc) }?)
        }
        HttpServiceConfigSslSniCertInfo => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_SSL_SNI_SET<U> = unsafe { read_struct(info, len, ERROR_INSUFFICIENT_BUFFER) }?;
            // SAFETY: `read_sni_key`: `s.KeyDesc.Host` is NULL or a readable NUL-terminated string of `U`;
            // `read_ssl_param`: the pointers of `s.ParamDesc` are NULL or valid for what they describe. Both are the
            // caller's `HTTP_SERVICE_CONFIG_SSL_SNI_SET` (this function's `# Safety`).
            (unsafe { read_sni_key(&s.KeyDesc) }?, unsafe { read_ssl_param(&s.ParamDesc) }?)
        }
        _ => return Err(ERROR_NOT_SUPPORTED),
    };
    let port = match &key {
        SslKey::IpPort(a) => a.port(),
        SslKey::Sni(k) => k.port,
    };
    if port == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    tls::check_certificate(&binding.hash)?;
    config::set_ssl(key, binding, replace)
}

/// # Safety
/// The pointers are the arguments of `HttpSetServiceConfiguration` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `info` is its
/// `pConfigInformation`, `ov` is its `pOverlapped`. In particular: `info` is NULL or points to `len` readable bytes
/// (alignment not required).
unsafe fn set_service_configuration<U: WideUnit>(
    handle: HANDLE,
    id: i32,
    info: *mut c_void,
    len: ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpSetServiceConfiguration({handle:?}, {id}, {info:?}, {len}, {ov:?})");
    check_reserved(handle, ov)?;
    match id {
        HttpServiceConfigTimeout => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_TIMEOUT_SET = unsafe { read_struct(info, len, ERROR_INSUFFICIENT_BUFFER) }?;
            config::set_timeout(TimeoutKey::from_raw(s.KeyDesc)?, s.ParamDesc, false)
        }
        HttpServiceConfigUrlAclInfo => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_URLACL_SET<U> = unsafe { read_struct(info, len, ERROR_INSUFFICIENT_BUFFER) }?;
            // SAFETY: `wide_cstr`: `s.pUrlPrefix` is NULL or points to a readable NUL-terminated array of `U`.
            let prefix = unsafe { wide_cstr(s.pUrlPrefix) }.ok_or(ERROR_INVALID_PARAMETER)?;
            // SAFETY: `wide_cstr`: `s.pStringSecurityDescriptor` is NULL or points to a readable NUL-terminated
            // array of `U`.
            let sddl = unsafe { wide_cstr(s.pStringSecurityDescriptor) }.ok_or(ERROR_INVALID_PARAMETER)?;
            config::set_url_acl(&prefix, &sddl, false)
        }
        HttpServiceConfigIPListenList => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM = unsafe { read_struct(info, len, ERROR_INSUFFICIENT_BUFFER) }?;
            // SAFETY: `read_sockaddr`: `s.pAddress` is NULL or points to `len.min(28)` readable bytes that stay valid
            // and unchanged for `'a`.
            config::add_ip_listen(unsafe { read_sockaddr(s.pAddress, s.AddrLength as usize) }?)
        }
        // SAFETY: `set_ssl`: `info` is NULL or `len` readable bytes holding the SSL SET structure, whose pointers are
        // NULL or valid for what they describe (this function's `# Safety`).
        HttpServiceConfigSSLCertInfo | HttpServiceConfigSslSniCertInfo => unsafe { set_ssl::<U>(id, info, len, false) },
        _ if is_ssl_id(id) => Err(ERROR_NOT_SUPPORTED),
        HttpServiceConfigCache | HttpServiceConfigSetting => Err(ERROR_NOT_SUPPORTED),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `HttpSetServiceConfiguration`: adds a record to the configuration store (a file that survives
/// restarts: `/etc/winhttpapi/httpsys.conf`, or `$WINHTTPAPI_HTTPSYS_CONFIG`).
/// `HttpServiceConfigTimeout` (`HTTP_SERVICE_CONFIG_TIMEOUT_SET`: the machine-wide IdleConnection or
/// HeaderWait timer, 1..65535 s), `HttpServiceConfigUrlAclInfo` (`HTTP_SERVICE_CONFIG_URLACL_SET`) and
/// `HttpServiceConfigIPListenList` (`HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM`). A record that exists:
/// `ERROR_ALREADY_EXISTS` (delete it first); a length below the structure: `ERROR_INSUFFICIENT_BUFFER`;
/// NULL data, a bad key, prefix, SDDL or address: `ERROR_INVALID_PARAMETER`; `ServiceHandle` not NULL:
/// `ERROR_INVALID_HANDLE`; a caller that may not change the store (not root for the system file, or
/// no write access): `ERROR_ACCESS_DENIED`. `HttpServiceConfigSSLCertInfo` (`HTTP_SERVICE_CONFIG_SSL_SET`,
/// keyed by IP:port; 0.0.0.0:port binds every address) and `HttpServiceConfigSslSniCertInfo`
/// (`HTTP_SERVICE_CONFIG_SSL_SNI_SET`, keyed by host name and port) bind the certificate whose SHA-1
/// thumbprint (`SslHashLength` 20) names a file of the certificate store directory: not there:
/// `ERROR_FILE_NOT_FOUND`; no private key: `ERROR_NO_SUCH_LOGON_SESSION`. Other SSL, cache and setting
/// records: `ERROR_NOT_SUPPORTED`.
///
/// # Safety
/// `pConfigInformation`, `pOverlapped` are each NULL or point to memory valid for what
/// `HttpSetServiceConfiguration` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpSetServiceConfiguration(
    ServiceHandle: HANDLE,
    ConfigId: i32,
    pConfigInformation: *mut c_void,
    ConfigInformationLength: ULONG,
    pOverlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpSetServiceConfiguration", || {
        // SAFETY: `set_service_configuration`: `pConfigInformation`, `pOverlapped` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpSetServiceConfiguration` reads or writes through them; in particular `pConfigInformation` is NULL or
        // points to `ConfigInformationLength` readable bytes (alignment not required).
        unsafe {
            set_service_configuration::<WCHAR>(
                ServiceHandle,
                ConfigId,
                pConfigInformation,
                ConfigInformationLength,
                pOverlapped,
            )
        }
    })
}
/// `HttpSetServiceConfiguration` for `-fshort-wchar` callers (URL ACL strings are UTF-16).
///
/// # Safety
/// `pConfigInformation`, `pOverlapped` are each NULL or point to memory valid for what
/// `HttpSetServiceConfiguration` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpSetServiceConfiguration_w16(
    ServiceHandle: HANDLE,
    ConfigId: i32,
    pConfigInformation: *mut c_void,
    ConfigInformationLength: ULONG,
    pOverlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpSetServiceConfiguration", || {
        // SAFETY: `set_service_configuration`: `pConfigInformation`, `pOverlapped` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpSetServiceConfiguration` reads or writes through them; in particular `pConfigInformation` is NULL or
        // points to `ConfigInformationLength` readable bytes (alignment not required).
        unsafe {
            set_service_configuration::<u16>(
                ServiceHandle,
                ConfigId,
                pConfigInformation,
                ConfigInformationLength,
                pOverlapped,
            )
        }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpUpdateServiceConfiguration` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `info` is its
/// `ConfigInfo`, `ov` is its `Overlapped`. In particular: `info` is NULL or points to `len` readable bytes (alignment
/// not required).
unsafe fn update_service_configuration<U: WideUnit>(
    handle: HANDLE,
    id: i32,
    info: *mut c_void,
    len: ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpUpdateServiceConfiguration({handle:?}, {id}, {info:?}, {len}, {ov:?})");
    check_reserved(handle, ov)?;
    // Documented for the SSL certificate records only.
    if id == HttpServiceConfigSSLCertInfo || id == HttpServiceConfigSslSniCertInfo {
        // SAFETY: `set_ssl`: `info` is NULL or `len` readable bytes holding the SSL SET structure, whose pointers are
        // NULL or valid for what they describe (this function's `# Safety`).
        return unsafe { set_ssl::<U>(id, info, len, true) };
    }
    if is_ssl_id(id) {
        return Err(ERROR_NOT_SUPPORTED);
    }
    Err(ERROR_INVALID_PARAMETER)
}

/// `HttpUpdateServiceConfiguration`: documented for SSL certificate records only: replaces the binding
/// of an IP:port (`HttpServiceConfigSSLCertInfo`) or host:port (`HttpServiceConfigSslSniCertInfo`); no
/// binding there: `ERROR_FILE_NOT_FOUND`; other errors as `HttpSetServiceConfiguration`. Other SSL
/// records: `ERROR_NOT_SUPPORTED`; other ids: `ERROR_INVALID_PARAMETER` (use delete, then set).
///
/// # Safety
/// `ConfigInfo`, `Overlapped` are each NULL or point to memory valid for what `HttpUpdateServiceConfiguration`
/// reads or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at
/// least the size passed), for the length of the call. An `OVERLAPPED` passed, and the buffers of its operation,
/// stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpUpdateServiceConfiguration(
    Handle: HANDLE,
    ConfigId: i32,
    ConfigInfo: *mut c_void,
    ConfigInfoLength: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpUpdateServiceConfiguration", || {
        // SAFETY: `update_service_configuration`: `ConfigInfo`, `Overlapped` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpUpdateServiceConfiguration` reads or writes through them; in particular `ConfigInfo` is NULL or points
        // to `ConfigInfoLength` readable bytes (alignment not required).
        unsafe { update_service_configuration::<WCHAR>(Handle, ConfigId, ConfigInfo, ConfigInfoLength, Overlapped) }
    })
}
/// `HttpUpdateServiceConfiguration` for `-fshort-wchar` callers.
///
/// # Safety
/// `ConfigInfo`, `Overlapped` are each NULL or point to memory valid for what `HttpUpdateServiceConfiguration`
/// reads or writes there, as Windows documents it (strings NUL-terminated unless a length is passed, buffers at
/// least the size passed), for the length of the call. An `OVERLAPPED` passed, and the buffers of its operation,
/// stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpUpdateServiceConfiguration_w16(
    Handle: HANDLE,
    ConfigId: i32,
    ConfigInfo: *mut c_void,
    ConfigInfoLength: ULONG,
    Overlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpUpdateServiceConfiguration", || {
        // SAFETY: `update_service_configuration`: `ConfigInfo`, `Overlapped` are this export's own arguments, passed on
        // unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpUpdateServiceConfiguration` reads or writes through them; in particular `ConfigInfo` is NULL or points
        // to `ConfigInfoLength` readable bytes (alignment not required).
        unsafe { update_service_configuration::<u16>(Handle, ConfigId, ConfigInfo, ConfigInfoLength, Overlapped) }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpDeleteServiceConfiguration` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `info` is its
/// `pConfigInformation`, `ov` is its `pOverlapped`. In particular: `info` is NULL or points to `len` readable bytes
/// (alignment not required).
unsafe fn delete_service_configuration<U: WideUnit>(
    handle: HANDLE,
    id: i32,
    info: *mut c_void,
    len: ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpDeleteServiceConfiguration({handle:?}, {id}, {info:?}, {len}, {ov:?})");
    check_reserved(handle, ov)?;
    match id {
        HttpServiceConfigTimeout => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_TIMEOUT_SET = unsafe { read_struct(info, len, ERROR_INVALID_PARAMETER) }?;
            config::delete_timeout(TimeoutKey::from_raw(s.KeyDesc)?)
        }
        HttpServiceConfigUrlAclInfo => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_URLACL_SET<U> = unsafe { read_struct(info, len, ERROR_INVALID_PARAMETER) }?;
            // SAFETY: `wide_cstr`: `s.pUrlPrefix` is NULL or points to a readable NUL-terminated array of `U`.
            config::delete_url_acl(&unsafe { wide_cstr(s.pUrlPrefix) }.ok_or(ERROR_INVALID_PARAMETER)?)
        }
        HttpServiceConfigIPListenList => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM = unsafe { read_struct(info, len, ERROR_INVALID_PARAMETER) }?;
            // SAFETY: `read_sockaddr`: `s.pAddress` is NULL or points to `len.min(28)` readable bytes that stay valid
            // and unchanged for `'a`.
            config::delete_ip_listen(unsafe { read_sockaddr(s.pAddress, s.AddrLength as usize) }?)
        }
        HttpServiceConfigSSLCertInfo => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_SSL_SET<U> = unsafe { read_struct(info, len, ERROR_INVALID_PARAMETER) }?;
            // SAFETY: `read_sockaddr_by_family`: the `pIpPort` of the caller's structure (read above) is NULL or a
            // readable `SOCKADDR` of its family's size (this function's `# Safety`).
            config::delete_ssl(&SslKey::IpPort(unsafe { read_sockaddr_by_family(s.pIpPort) }?))
        }
        HttpServiceConfigSslSniCertInfo => {
            // SAFETY: `read_struct`: `info` is NULL or points to `len` readable bytes (alignment not required).
            let s: HTTP_SERVICE_CONFIG_SSL_SNI_SET<U> = unsafe { read_struct(info, len, ERROR_INVALID_PARAMETER) }?;
            // SAFETY: `read_sni_key`: `k.IpPort.as_ptr() as *const u8` is NULL or points to
            // `SOCKADDR_STORAGE_SIZE.min(28)` readable bytes that stay valid and unchanged for `'a`; `k.Host` is NULL
            // or points to a readable NUL-terminated array of `U`.
            config::delete_ssl(&unsafe { read_sni_key(&s.KeyDesc) }?)
        }
        _ if is_ssl_id(id) => {
            if info.is_null() {
                return Err(ERROR_INVALID_PARAMETER);
            }
            Err(ERROR_FILE_NOT_FOUND)
        }
        HttpServiceConfigCache | HttpServiceConfigSetting => Err(ERROR_NOT_SUPPORTED),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// `HttpDeleteServiceConfiguration`: removes a record set by `HttpSetServiceConfiguration` (the same
/// structure; only its key is read). A record that is not there: `ERROR_FILE_NOT_FOUND`; NULL data, a
/// short length or a bad key: `ERROR_INVALID_PARAMETER`; no right to change the store:
/// `ERROR_ACCESS_DENIED`. Deleting a timeout restores the default (2 minutes).
///
/// # Safety
/// `pConfigInformation`, `pOverlapped` are each NULL or point to memory valid for what
/// `HttpDeleteServiceConfiguration` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpDeleteServiceConfiguration(
    ServiceHandle: HANDLE,
    ConfigId: i32,
    pConfigInformation: *mut c_void,
    ConfigInformationLength: ULONG,
    pOverlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpDeleteServiceConfiguration", || {
        // SAFETY: `delete_service_configuration`: `pConfigInformation`, `pOverlapped` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpDeleteServiceConfiguration` reads or writes through them; in particular `pConfigInformation` is NULL or
        // points to `ConfigInformationLength` readable bytes (alignment not required).
        unsafe {
            delete_service_configuration::<WCHAR>(
                ServiceHandle,
                ConfigId,
                pConfigInformation,
                ConfigInformationLength,
                pOverlapped,
            )
        }
    })
}
/// `HttpDeleteServiceConfiguration` for `-fshort-wchar` callers.
///
/// # Safety
/// `pConfigInformation`, `pOverlapped` are each NULL or point to memory valid for what
/// `HttpDeleteServiceConfiguration` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpDeleteServiceConfiguration_w16(
    ServiceHandle: HANDLE,
    ConfigId: i32,
    pConfigInformation: *mut c_void,
    ConfigInformationLength: ULONG,
    pOverlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpDeleteServiceConfiguration", || {
        // SAFETY: `delete_service_configuration`: `pConfigInformation`, `pOverlapped` are this export's own arguments,
        // passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpDeleteServiceConfiguration` reads or writes through them; in particular `pConfigInformation` is NULL or
        // points to `ConfigInformationLength` readable bytes (alignment not required).
        unsafe {
            delete_service_configuration::<u16>(
                ServiceHandle,
                ConfigId,
                pConfigInformation,
                ConfigInformationLength,
                pOverlapped,
            )
        }
    })
}

/// # Safety
/// The pointers are the arguments of `HttpQueryServiceConfiguration` (and of its twins), which its `# Safety` asks the
/// caller to make NULL or valid for what Windows documents the function reads or writes through them: `input` is its
/// `pInput`, `out` is its `pOutput`, `ret` is its `pReturnLength`, `ov` is its `pOverlapped`. In particular: `input` is
/// NULL or points to `in_len` readable bytes (alignment not required); `ret` is NULL or points to a writable `u32`;
/// `out` is NULL or points to `out_len` writable bytes, not aliased, valid for `'a`.
#[allow(clippy::too_many_arguments)]
unsafe fn query_service_configuration<U: WideUnit>(
    handle: HANDLE,
    id: i32,
    input: *mut c_void,
    in_len: ULONG,
    out: *mut c_void,
    out_len: ULONG,
    ret: *mut ULONG,
    ov: *mut OVERLAPPED,
) -> WinResult<()> {
    tracing::trace!(target: T, "HttpQueryServiceConfiguration({handle:?}, {id}, {input:?}, {in_len}, {out:?}, {out_len}, {ret:?}, {ov:?})");
    check_reserved(handle, ov)?;
    match id {
        HttpServiceConfigTimeout => {
            // SAFETY: `read_struct`: `input` is NULL or points to `in_len` readable bytes (alignment not required).
            let key: i32 = unsafe { read_struct(input, in_len, ERROR_INVALID_PARAMETER) }?;
            let v = config::query_timeout(TimeoutKey::from_raw(key)?);
            // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `out` is NULL or points to
            // `out_len` writable bytes, not aliased, valid for `'a`.
            let buf = unsafe { out_buffer(out, out_len, ret, 2, ERROR_INSUFFICIENT_BUFFER) }?;
            buf.copy_from_slice(&v.to_ne_bytes());
            Ok(())
        }
        HttpServiceConfigUrlAclInfo => {
            // SAFETY: `read_struct`: `input` is NULL or points to `in_len` readable bytes (alignment not required).
            let q: HTTP_SERVICE_CONFIG_URLACL_QUERY<U> =
                unsafe { read_struct(input, in_len, ERROR_INVALID_PARAMETER) }?;
            let (prefix, sddl) = match q.QueryDesc {
                HttpServiceConfigQueryExact => {
                    // SAFETY: `wide_cstr`: `q.pUrlPrefix` is NULL or points to a readable NUL-terminated array of
                    // `U`.
                    config::query_url_acl(Some(&unsafe { wide_cstr(q.pUrlPrefix) }.ok_or(ERROR_INVALID_PARAMETER)?), 0)?
                }
                HttpServiceConfigQueryNext => config::query_url_acl(None, q.dwToken)?,
                _ => return Err(ERROR_INVALID_PARAMETER),
            };
            let head = size_of::<HTTP_SERVICE_CONFIG_URLACL_SET<U>>();
            let p_len = wide_bytes::<U>(&prefix);
            // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `out` is NULL or points to
            // `out_len` writable bytes, not aliased, valid for `'a`.
            let buf = unsafe {
                out_buffer(out, out_len, ret, head + p_len + wide_bytes::<U>(&sddl), ERROR_INSUFFICIENT_BUFFER)
            }?;
            let p = put_wide::<U>(buf, head, &prefix);
            let d = put_wide::<U>(buf, head + p_len, &sddl);
            // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
            unsafe {
                (buf.as_mut_ptr() as *mut HTTP_SERVICE_CONFIG_URLACL_SET<U>).write_unaligned(
                    HTTP_SERVICE_CONFIG_URLACL_SET {
                        pUrlPrefix: p as *const U,
                        pStringSecurityDescriptor: d as *const U,
                    },
                )
            };
            Ok(())
        }
        HttpServiceConfigIPListenList => {
            let list = config::ip_listen_list();
            let needed = IP_LISTEN_QUERY_HEAD + SOCKADDR_STORAGE_SIZE * list.len().max(1);
            // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `out` is NULL or points to
            // `out_len` writable bytes, not aliased, valid for `'a`.
            let buf = unsafe { out_buffer(out, out_len, ret, needed, ERROR_INSUFFICIENT_BUFFER) }?;
            buf.fill(0);
            buf[0..4].copy_from_slice(&(list.len() as u32).to_ne_bytes());
            for (i, a) in list.iter().enumerate() {
                let at = IP_LISTEN_QUERY_HEAD + i * SOCKADDR_STORAGE_SIZE;
                sockaddr::write(&mut buf[at..at + SOCKADDR_STORAGE_SIZE], a);
            }
            Ok(())
        }
        HttpServiceConfigSSLCertInfo => {
            // SAFETY: `read_struct`: `input` is NULL or points to `in_len` readable bytes (alignment not required).
            let q: HTTP_SERVICE_CONFIG_SSL_QUERY = unsafe { read_struct(input, in_len, ERROR_INVALID_PARAMETER) }?;
            let found = match q.QueryDesc {
                HttpServiceConfigQueryExact => {
                    // SAFETY: `read_sockaddr_by_family`: the `pIpPort` of the caller's structure (read above) is NULL
                    // or a readable `SOCKADDR` of its family's size (this function's `# Safety`).
                    config::query_ssl(Some(&SslKey::IpPort(unsafe { read_sockaddr_by_family(q.pIpPort) }?)), false, 0)?
                }
                HttpServiceConfigQueryNext => config::query_ssl(None, false, q.dwToken)?,
                _ => return Err(ERROR_INVALID_PARAMETER),
            };
            // SAFETY: `write_ssl_set`: `out` is NULL or `out_len` writable bytes; `ret` is NULL or a writable `ULONG`
            // (this function's `# Safety`).
            unsafe { write_ssl_set::<U>(found, out, out_len, ret) }
        }
        HttpServiceConfigSslSniCertInfo => {
            // SAFETY: `read_struct`: `input` is NULL or points to `in_len` readable bytes (alignment not required).
            let q: HTTP_SERVICE_CONFIG_SSL_SNI_QUERY<U> =
                unsafe { read_struct(input, in_len, ERROR_INVALID_PARAMETER) }?;
            let found = match q.QueryDesc {
                // SAFETY: `read_sni_key`: `k.IpPort.as_ptr() as *const u8` is NULL or points to
                // `SOCKADDR_STORAGE_SIZE.min(28)` readable bytes that stay valid and unchanged for `'a`; `k.Host` is
                // NULL or points to a readable NUL-terminated array of `U`.
                HttpServiceConfigQueryExact => config::query_ssl(Some(&unsafe { read_sni_key(&q.KeyDesc) }?), true, 0)?,
                HttpServiceConfigQueryNext => config::query_ssl(None, true, q.dwToken)?,
                _ => return Err(ERROR_INVALID_PARAMETER),
            };
            // SAFETY: `write_ssl_set`: `out` is NULL or `out_len` writable bytes; `ret` is NULL or a writable `ULONG`
            // (this function's `# Safety`).
            unsafe { write_ssl_set::<U>(found, out, out_len, ret) }
        }
        _ if is_ssl_id(id) => {
            // Every SSL query structure starts with its HTTP_SERVICE_CONFIG_QUERY_TYPE.
            // SAFETY: `read_struct`: `input` is NULL or points to `in_len` readable bytes (alignment not required).
            let kind: i32 = unsafe { read_struct(input, in_len, ERROR_INVALID_PARAMETER) }?;
            match kind {
                HttpServiceConfigQueryExact => Err(ERROR_FILE_NOT_FOUND),
                HttpServiceConfigQueryNext => Err(ERROR_NO_MORE_ITEMS),
                _ => Err(ERROR_INVALID_PARAMETER),
            }
        }
        HttpServiceConfigCache | HttpServiceConfigSetting => Err(ERROR_NOT_SUPPORTED),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// Writes an SSL record as its SET structure, followed by what its pointers point at (the address as a
/// `SOCKADDR_STORAGE`, the thumbprint, the host name and store name).
///
/// # Safety
/// `out` is NULL or points to `out_len` writable bytes; `ret` is NULL or points to a writable `ULONG`.
unsafe fn write_ssl_set<U: WideUnit>(
    (key, b): (SslKey, SslBinding),
    out: *mut c_void,
    out_len: ULONG,
    ret: *mut ULONG,
) -> WinResult<()> {
    let head = match key {
        SslKey::IpPort(_) => size_of::<HTTP_SERVICE_CONFIG_SSL_SET<U>>(),
        SslKey::Sni(_) => size_of::<HTTP_SERVICE_CONFIG_SSL_SNI_SET<U>>(),
    };
    let addr_off = head;
    let hash_off = addr_off + if matches!(key, SslKey::IpPort(_)) { SOCKADDR_STORAGE_SIZE } else { 0 };
    let host = if let SslKey::Sni(k) = &key { Some(k.host.clone()) } else { None };
    let host_off = (hash_off + b.hash.len()).next_multiple_of(U::SIZE);
    let store_off = host_off + host.as_deref().map_or(0, wide_bytes::<U>);
    let needed = store_off + if b.store.is_empty() { 0 } else { wide_bytes::<U>(&b.store) };
    // SAFETY: `out_buffer`: `ret` is NULL or points to a writable `u32`; `out` is NULL or points to `out_len`
    // writable bytes, not aliased, valid for `'a`.
    let buf = unsafe { out_buffer(out, out_len, ret, needed, ERROR_INSUFFICIENT_BUFFER) }?;
    buf.fill(0);
    let base = buf.as_ptr() as usize;
    buf[hash_off..hash_off + b.hash.len()].copy_from_slice(&b.hash);
    let store = if b.store.is_empty() { 0 } else { put_wide::<U>(buf, store_off, &b.store) };
    let param = HTTP_SERVICE_CONFIG_SSL_PARAM::<U> {
        SslHashLength: b.hash.len() as u32,
        pSslHash: (base + hash_off) as *const u8,
        AppId: b.app_id,
        pSslCertStoreName: store as *const U,
        DefaultCertCheckMode: b.check_mode,
        DefaultRevocationFreshnessTime: b.revocation_freshness,
        DefaultRevocationUrlRetrievalTimeout: b.revocation_url_timeout,
        pDefaultSslCtlIdentifier: std::ptr::null(),
        pDefaultSslCtlStoreName: std::ptr::null(),
        DefaultFlags: b.flags,
    };
    match key {
        SslKey::IpPort(a) => {
            sockaddr::write(&mut buf[addr_off..addr_off + SOCKADDR_STORAGE_SIZE], &a);
            // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
            unsafe {
                (buf.as_mut_ptr() as *mut HTTP_SERVICE_CONFIG_SSL_SET<U>).write_unaligned(HTTP_SERVICE_CONFIG_SSL_SET {
                    pIpPort: (base + addr_off) as *const u8,
                    ParamDesc: param,
                })
            };
        }
        SslKey::Sni(k) => {
            let h = put_wide::<U>(buf, host_off, &k.host);
            let mut ip = [0u8; SOCKADDR_STORAGE_SIZE];
            sockaddr::write(&mut ip, &SocketAddr::from(([0, 0, 0, 0], k.port)));
            let mut key = HTTP_SERVICE_CONFIG_SSL_SNI_KEY::<U> { IpPort: [0; 16], Host: h as *const U };
            // SAFETY: `copy_nonoverlapping`: both ranges are valid for the count given and do not overlap
            unsafe {
                std::ptr::copy_nonoverlapping(ip.as_ptr(), key.IpPort.as_mut_ptr() as *mut u8, SOCKADDR_STORAGE_SIZE)
            };
            // SAFETY: `write_unaligned`: the destination points to writable memory of the value's size
            unsafe {
                (buf.as_mut_ptr() as *mut HTTP_SERVICE_CONFIG_SSL_SNI_SET<U>)
                    .write_unaligned(HTTP_SERVICE_CONFIG_SSL_SNI_SET { KeyDesc: key, ParamDesc: param })
            };
        }
    }
    Ok(())
}

/// `HttpQueryServiceConfiguration`: `HttpServiceConfigTimeout` (input `HTTP_SERVICE_CONFIG_TIMEOUT_KEY`,
/// output the `USHORT` seconds in force: the stored value or the 120 s default),
/// `HttpServiceConfigUrlAclInfo` (input `HTTP_SERVICE_CONFIG_URLACL_QUERY`, exact or by `dwToken`;
/// output `HTTP_SERVICE_CONFIG_URLACL_SET` followed by its strings), `HttpServiceConfigIPListenList`
/// (output `HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY`). Output too small or NULL: `ERROR_INSUFFICIENT_BUFFER`
/// with the size in `*pReturnLength`; no such record: `ERROR_FILE_NOT_FOUND`; enumeration past the end:
/// `ERROR_NO_MORE_ITEMS`; bad input: `ERROR_INVALID_PARAMETER`. `HttpServiceConfigSSLCertInfo` (input
/// `HTTP_SERVICE_CONFIG_SSL_QUERY`) and `HttpServiceConfigSslSniCertInfo` (input
/// `HTTP_SERVICE_CONFIG_SSL_SNI_QUERY`), exact or by `dwToken`: output the SET structure followed by
/// the data its pointers point at (the CTL fields are NULL). Other SSL records: none are kept.
///
/// # Safety
/// `pInput`, `pOutput`, `pReturnLength`, `pOverlapped` are each NULL or point to memory valid for what
/// `HttpQueryServiceConfiguration` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryServiceConfiguration(
    ServiceHandle: HANDLE,
    ConfigId: i32,
    pInput: *mut c_void,
    InputLength: ULONG,
    pOutput: *mut c_void,
    OutputLength: ULONG,
    pReturnLength: *mut ULONG,
    pOverlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpQueryServiceConfiguration", || {
        // SAFETY: `query_service_configuration`: `pInput`, `pOutput`, `pReturnLength`, `pOverlapped` are this export's
        // own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpQueryServiceConfiguration` reads or writes through them; in particular `pInput` is NULL or points to
        // `InputLength` readable bytes (alignment not required); `pReturnLength` is NULL or points to a writable `u32`;
        // `pOutput` is NULL or points to `OutputLength` writable bytes, not aliased, valid for `'a`.
        unsafe {
            query_service_configuration::<WCHAR>(
                ServiceHandle,
                ConfigId,
                pInput,
                InputLength,
                pOutput,
                OutputLength,
                pReturnLength,
                pOverlapped,
            )
        }
    })
}
/// `HttpQueryServiceConfiguration` for `-fshort-wchar` callers (URL ACL strings are UTF-16).
///
/// # Safety
/// `pInput`, `pOutput`, `pReturnLength`, `pOverlapped` are each NULL or point to memory valid for what
/// `HttpQueryServiceConfiguration` reads or writes there, as Windows documents it (strings NUL-terminated unless a
/// length is passed, buffers at least the size passed), for the length of the call. An `OVERLAPPED` passed, and the
/// buffers of its operation, stay valid and in place until the operation completes.
#[no_mangle]
pub unsafe extern "C" fn HttpQueryServiceConfiguration_w16(
    ServiceHandle: HANDLE,
    ConfigId: i32,
    pInput: *mut c_void,
    InputLength: ULONG,
    pOutput: *mut c_void,
    OutputLength: ULONG,
    pReturnLength: *mut ULONG,
    pOverlapped: *mut OVERLAPPED,
) -> ULONG {
    guard_httpapi("HttpQueryServiceConfiguration", || {
        // SAFETY: `query_service_configuration`: `pInput`, `pOutput`, `pReturnLength`, `pOverlapped` are this export's
        // own arguments, passed on unchanged; its `# Safety` makes them NULL or valid for what Windows documents
        // `HttpQueryServiceConfiguration` reads or writes through them; in particular `pInput` is NULL or points to
        // `InputLength` readable bytes (alignment not required); `pReturnLength` is NULL or points to a writable `u32`;
        // `pOutput` is NULL or points to `OutputLength` writable bytes, not aliased, valid for `'a`.
        unsafe {
            query_service_configuration::<u16>(
                ServiceHandle,
                ConfigId,
                pInput,
                InputLength,
                pOutput,
                OutputLength,
                pReturnLength,
                pOverlapped,
            )
        }
    })
}
