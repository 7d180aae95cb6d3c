//! The `http.h` ABI, in one place (DESIGN.md section 2): the structures that cross the C edge, in Windows
//! field order, with the x64 sizes and offsets of the API inventory (section A.5) checked at compile time,
//! and the http.sys constants, whether the edge or the engine reads them (values checked against
//! windows-sys by `tests/constants.rs`). Wide-string fields (`PCWSTR`) are plain
//! pointers here: their unit width is the caller's (`u32`, or `u16` for `_w16` entry points).
#![allow(non_snake_case, non_camel_case_types, non_upper_case_globals, clippy::upper_case_acronyms)]
use crate::win32::abi::{DWORD, ULONG};
use std::ffi::c_void;
use std::mem::{offset_of, size_of};

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HTTPAPI_VERSION {
    pub HttpApiMajorVersion: u16,
    pub HttpApiMinorVersion: u16,
}
const _: () = assert!(size_of::<HTTPAPI_VERSION>() == 4);

#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct HTTP_VERSION {
    pub MajorVersion: u16,
    pub MinorVersion: u16,
}
const _: () = assert!(size_of::<HTTP_VERSION>() == 4);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_KNOWN_HEADER {
    pub RawValueLength: u16,
    pub pRawValue: *const u8,
}
const _: () = assert!(size_of::<HTTP_KNOWN_HEADER>() == 16 && offset_of!(HTTP_KNOWN_HEADER, pRawValue) == 8);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_UNKNOWN_HEADER {
    pub NameLength: u16,
    pub RawValueLength: u16,
    pub pName: *const u8,
    pub pRawValue: *const u8,
}
const _: () = assert!(size_of::<HTTP_UNKNOWN_HEADER>() == 24 && offset_of!(HTTP_UNKNOWN_HEADER, pRawValue) == 16);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_COOKED_URL {
    pub FullUrlLength: u16,
    pub HostLength: u16,
    pub AbsPathLength: u16,
    pub QueryStringLength: u16,
    pub pFullUrl: *const c_void,
    pub pHost: *const c_void,
    pub pAbsPath: *const c_void,
    pub pQueryString: *const c_void,
}
const _: () = assert!(size_of::<HTTP_COOKED_URL>() == 40 && offset_of!(HTTP_COOKED_URL, pQueryString) == 32);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_TRANSPORT_ADDRESS {
    pub pRemoteAddress: *const c_void,
    pub pLocalAddress: *const c_void,
}
const _: () = assert!(size_of::<HTTP_TRANSPORT_ADDRESS>() == 16);

pub const HTTP_HEADER_REQUEST_MAXIMUM: usize = 41;
pub const HTTP_HEADER_RESPONSE_MAXIMUM: usize = 30;

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_REQUEST_HEADERS {
    pub UnknownHeaderCount: u16,
    pub pUnknownHeaders: *const HTTP_UNKNOWN_HEADER,
    pub TrailerCount: u16,
    pub pTrailers: *const HTTP_UNKNOWN_HEADER,
    pub KnownHeaders: [HTTP_KNOWN_HEADER; HTTP_HEADER_REQUEST_MAXIMUM],
}
const _: () = assert!(size_of::<HTTP_REQUEST_HEADERS>() == 688 && offset_of!(HTTP_REQUEST_HEADERS, KnownHeaders) == 32);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_RESPONSE_HEADERS {
    pub UnknownHeaderCount: u16,
    pub pUnknownHeaders: *const HTTP_UNKNOWN_HEADER,
    pub TrailerCount: u16,
    pub pTrailers: *const HTTP_UNKNOWN_HEADER,
    pub KnownHeaders: [HTTP_KNOWN_HEADER; HTTP_HEADER_RESPONSE_MAXIMUM],
}
const _: () = assert!(size_of::<HTTP_RESPONSE_HEADERS>() == 512);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_BYTE_RANGE {
    pub StartingOffset: u64,
    pub Length: u64,
}
const _: () = assert!(size_of::<HTTP_BYTE_RANGE>() == 16);

/// `HTTP_DATA_CHUNK`: the type and a 24-byte union, read arm by arm ([`HTTP_DATA_CHUNK::from_memory`] ...).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_DATA_CHUNK {
    pub DataChunkType: i32,
    pub Anonymous: [u64; 3],
}
const _: () = assert!(size_of::<HTTP_DATA_CHUNK>() == 32 && offset_of!(HTTP_DATA_CHUNK, Anonymous) == 8);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_DATA_CHUNK_FROM_MEMORY {
    pub pBuffer: *const c_void,
    pub BufferLength: u32,
}
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_DATA_CHUNK_FROM_FILE_HANDLE {
    pub ByteRange: HTTP_BYTE_RANGE,
    pub FileHandle: *mut c_void,
}
const _: () = assert!(size_of::<HTTP_DATA_CHUNK_FROM_FILE_HANDLE>() == 24);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE {
    /// Bytes, without the NUL.
    pub FragmentNameLength: u16,
    pub pFragmentName: *const c_void,
}
const _: () = assert!(
    size_of::<HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE>() == 16
        && offset_of!(HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE, pFragmentName) == 8
);
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX {
    pub ByteRange: HTTP_BYTE_RANGE,
    pub pFragmentName: *const c_void,
}
const _: () = assert!(
    size_of::<HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX>() == 24
        && offset_of!(HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX, pFragmentName) == 16
);

impl HTTP_DATA_CHUNK {
    pub fn from_fragment_cache(&self) -> HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE {
        // SAFETY: as below.
        unsafe { std::ptr::read_unaligned(self.Anonymous.as_ptr() as *const HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE) }
    }
    pub fn from_fragment_cache_ex(&self) -> HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX {
        // SAFETY: as below.
        unsafe { std::ptr::read_unaligned(self.Anonymous.as_ptr() as *const HTTP_DATA_CHUNK_FROM_FRAGMENT_CACHE_EX) }
    }
    pub fn from_memory(&self) -> HTTP_DATA_CHUNK_FROM_MEMORY {
        // SAFETY: the union is 24 bytes, both arms are plain data of at most that size.
        unsafe { std::ptr::read_unaligned(self.Anonymous.as_ptr() as *const HTTP_DATA_CHUNK_FROM_MEMORY) }
    }
    pub fn from_file_handle(&self) -> HTTP_DATA_CHUNK_FROM_FILE_HANDLE {
        // SAFETY: as above.
        unsafe { std::ptr::read_unaligned(self.Anonymous.as_ptr() as *const HTTP_DATA_CHUNK_FROM_FILE_HANDLE) }
    }
    pub fn trailers(&self) -> HTTP_DATA_CHUNK_TRAILERS {
        // SAFETY: as above.
        unsafe { std::ptr::read_unaligned(self.Anonymous.as_ptr() as *const HTTP_DATA_CHUNK_TRAILERS) }
    }
}

pub const HttpDataChunkFromMemory: i32 = 0;
pub const HttpDataChunkFromFileHandle: i32 = 1;
pub const HttpDataChunkFromFragmentCache: i32 = 2;
pub const HttpDataChunkFromFragmentCacheEx: i32 = 3;
pub const HttpDataChunkTrailers: i32 = 4;

/// `HTTP_DATA_CHUNK.Trailers`: the response trailers (HTTP/2: a trailing HEADERS frame).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_DATA_CHUNK_TRAILERS {
    pub TrailerCount: u16,
    pub pTrailers: *const HTTP_UNKNOWN_HEADER,
}
const _: () = assert!(size_of::<HTTP_DATA_CHUNK_TRAILERS>() == 16);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_REQUEST_V1 {
    pub Flags: u32,
    pub ConnectionId: u64,
    pub RequestId: u64,
    pub UrlContext: u64,
    pub Version: HTTP_VERSION,
    pub Verb: i32,
    pub UnknownVerbLength: u16,
    pub RawUrlLength: u16,
    pub pUnknownVerb: *const u8,
    pub pRawUrl: *const u8,
    pub CookedUrl: HTTP_COOKED_URL,
    pub Address: HTTP_TRANSPORT_ADDRESS,
    pub Headers: HTTP_REQUEST_HEADERS,
    pub BytesReceived: u64,
    pub EntityChunkCount: u16,
    pub pEntityChunks: *const HTTP_DATA_CHUNK,
    pub RawConnectionId: u64,
    pub pSslInfo: *const c_void,
}
const _: () = assert!(size_of::<HTTP_REQUEST_V1>() == 848);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, ConnectionId) == 8);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, Version) == 32);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, Verb) == 36);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, pUnknownVerb) == 48);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, CookedUrl) == 64);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, Address) == 104);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, Headers) == 120);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, BytesReceived) == 808);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, EntityChunkCount) == 816);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, pEntityChunks) == 824);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, RawConnectionId) == 832);
const _: () = assert!(offset_of!(HTTP_REQUEST_V1, pSslInfo) == 840);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_REQUEST_V2 {
    pub Base: HTTP_REQUEST_V1,
    pub RequestInfoCount: u16,
    pub pRequestInfo: *const c_void,
}
const _: () = assert!(size_of::<HTTP_REQUEST_V2>() == 864);
const _: () = assert!(offset_of!(HTTP_REQUEST_V2, RequestInfoCount) == 848);
const _: () = assert!(offset_of!(HTTP_REQUEST_V2, pRequestInfo) == 856);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_RESPONSE_V1 {
    pub Flags: u32,
    pub Version: HTTP_VERSION,
    pub StatusCode: u16,
    pub ReasonLength: u16,
    pub pReason: *const u8,
    pub Headers: HTTP_RESPONSE_HEADERS,
    pub EntityChunkCount: u16,
    pub pEntityChunks: *const HTTP_DATA_CHUNK,
}
const _: () = assert!(size_of::<HTTP_RESPONSE_V1>() == 552);
const _: () = assert!(offset_of!(HTTP_RESPONSE_V1, StatusCode) == 8);
const _: () = assert!(offset_of!(HTTP_RESPONSE_V1, pReason) == 16);
const _: () = assert!(offset_of!(HTTP_RESPONSE_V1, Headers) == 24);
const _: () = assert!(offset_of!(HTTP_RESPONSE_V1, EntityChunkCount) == 536);
const _: () = assert!(offset_of!(HTTP_RESPONSE_V1, pEntityChunks) == 544);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_RESPONSE_V2 {
    pub Base: HTTP_RESPONSE_V1,
    pub ResponseInfoCount: u16,
    pub pResponseInfo: *const c_void,
}
const _: () = assert!(size_of::<HTTP_RESPONSE_V2>() == 568 && offset_of!(HTTP_RESPONSE_V2, pResponseInfo) == 560);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_CACHE_POLICY {
    pub Policy: i32,
    pub SecondsToLive: u32,
}
const _: () = assert!(size_of::<HTTP_CACHE_POLICY>() == 8);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_BINDING_INFO {
    pub Flags: u32,
    pub RequestQueueHandle: *mut c_void,
}
const _: () = assert!(size_of::<HTTP_BINDING_INFO>() == 16 && offset_of!(HTTP_BINDING_INFO, RequestQueueHandle) == 8);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_STATE_INFO {
    pub Flags: u32,
    pub State: i32,
}
const _: () = assert!(size_of::<HTTP_STATE_INFO>() == 8);

#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_TIMEOUT_LIMIT_INFO {
    pub Flags: u32,
    pub EntityBody: u16,
    pub DrainEntityBody: u16,
    pub RequestQueue: u16,
    pub IdleConnection: u16,
    pub HeaderWait: u16,
    pub MinSendRate: u32,
}
const _: () =
    assert!(size_of::<HTTP_TIMEOUT_LIMIT_INFO>() == 20 && offset_of!(HTTP_TIMEOUT_LIMIT_INFO, MinSendRate) == 16);

/// `sockaddr_in6` as Linux lays it out (the address form handed to callers, DESIGN.md section 3).
pub const SOCKADDR_IN6_SIZE: usize = 28;

/// `HTTP_QOS_SETTING_INFO` (`HttpServerQosProperty`): the type, then a pointer to the limit.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_QOS_SETTING_INFO {
    pub QosType: i32,
    pub QosSetting: *mut std::ffi::c_void,
}
const _: () = assert!(size_of::<HTTP_QOS_SETTING_INFO>() == 16 && offset_of!(HTTP_QOS_SETTING_INFO, QosSetting) == 8);

/// `HTTP_BANDWIDTH_LIMIT_INFO` and `HTTP_CONNECTION_LIMIT_INFO` share one layout: flags, then a ULONG.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct HTTP_QOS_LIMIT_INFO {
    pub Flags: u32,
    pub Limit: u32,
}
const _: () = assert!(size_of::<HTTP_QOS_LIMIT_INFO>() == 8);
pub const HttpQosSettingTypeBandwidth: i32 = 0;
pub const HttpQosSettingTypeConnectionLimit: i32 = 1;

/// `HTTP_SSL_INFO` (x64 size 48).
#[repr(C)]
pub struct HTTP_SSL_INFO {
    pub ServerCertKeySize: u16,
    pub ConnectionKeySize: u16,
    pub ServerCertIssuerSize: u32,
    pub ServerCertSubjectSize: u32,
    pub pServerCertIssuer: *const u8,
    pub pServerCertSubject: *const u8,
    pub pClientCertInfo: *const u8,
    pub SslClientCertNegotiated: u32,
}
pub const SSL_INFO_SIZE: usize = 48;
const _: () = assert!(
    std::mem::size_of::<HTTP_SSL_INFO>() == SSL_INFO_SIZE
        && std::mem::offset_of!(HTTP_SSL_INFO, pServerCertIssuer) == 16
        && std::mem::offset_of!(HTTP_SSL_INFO, pClientCertInfo) == 32
        && std::mem::offset_of!(HTTP_SSL_INFO, SslClientCertNegotiated) == 40
);

/// `HTTP_REQUEST_INFO` (x64 size 16): one entry of `HTTP_REQUEST_V2.pRequestInfo`.
#[repr(C)]
pub struct HTTP_REQUEST_INFO {
    pub InfoType: i32,
    pub InfoLength: u32,
    pub pInfo: *const c_void,
}
pub const REQUEST_INFO_SIZE: usize = 16;
const _: () = assert!(size_of::<HTTP_REQUEST_INFO>() == REQUEST_INFO_SIZE && offset_of!(HTTP_REQUEST_INFO, pInfo) == 8);
pub const HttpRequestInfoTypeSslProtocol: i32 = 2;

/// `HTTP_SSL_PROTOCOL_INFO` (x64 size 28).
#[repr(C)]
pub struct HTTP_SSL_PROTOCOL_INFO {
    pub Protocol: u32,
    pub CipherType: u32,
    pub CipherStrength: u32,
    pub HashType: u32,
    pub HashStrength: u32,
    pub KeyExchangeType: u32,
    pub KeyExchangeStrength: u32,
}
pub const SSL_PROTOCOL_INFO_SIZE: usize = 28;
const _: () = assert!(
    size_of::<HTTP_SSL_PROTOCOL_INFO>() == SSL_PROTOCOL_INFO_SIZE
        && offset_of!(HTTP_SSL_PROTOCOL_INFO, KeyExchangeStrength) == 24
);

pub const HttpRequestPropertyIsb: i32 = 0;
pub const HttpRequestPropertyTcpInfoV0: i32 = 1;
pub const HttpRequestPropertyTcpInfoV1: i32 = 3;
pub const HttpRequestPropertySni: i32 = 4;
pub const HttpRequestPropertyStreamError: i32 = 5;
pub const HttpRequestPropertyTlsClientHello: i32 = 11;
pub const HttpRequestPropertyTransportIdleConnectionTimeout: i32 = 12;
pub const HttpRequestPropertyDscpTag: i32 = 13;
pub const HttpRequestPropertyTlsCipherInfo: i32 = 14;

pub const HTTP_REQUEST_PROPERTY_SNI_HOST_MAX_LENGTH: u32 = 255;
/// The client's SNI picked the certificate binding (an SNI binding, not the IP:port one).
pub const HTTP_REQUEST_PROPERTY_SNI_FLAG_SNI_USED: u32 = 1;
/// The client sent no SNI.
pub const HTTP_REQUEST_PROPERTY_SNI_FLAG_NO_SNI: u32 = 2;

/// `HTTP_REQUEST_PROPERTY_SNI` (`HttpQueryRequestProperty(HttpRequestPropertySni)`): the host name of the
/// client's ClientHello, NUL-terminated, in the caller's `WCHAR` width `U`, and how it was used.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_REQUEST_PROPERTY_SNI<U> {
    pub Hostname: [U; HTTP_REQUEST_PROPERTY_SNI_HOST_MAX_LENGTH as usize + 1],
    pub Flags: ULONG,
}
const _: () = assert!(
    size_of::<HTTP_REQUEST_PROPERTY_SNI<u16>>() == 516
        && offset_of!(HTTP_REQUEST_PROPERTY_SNI<u16>, Flags) == 512
        && size_of::<HTTP_REQUEST_PROPERTY_SNI<u32>>() == 1028
);

/// `TCP_INFO_v0` / `TCP_INFO_v1` (mstcpip.h), x64 layout.
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct TCP_INFO_v1 {
    pub State: i32,
    pub Mss: u32,
    pub ConnectionTimeMs: u64,
    pub TimestampsEnabled: u8,
    pub RttUs: u32,
    pub MinRttUs: u32,
    pub BytesInFlight: u32,
    pub Cwnd: u32,
    pub SndWnd: u32,
    pub RcvWnd: u32,
    pub RcvBuf: u32,
    pub BytesOut: u64,
    pub BytesIn: u64,
    pub BytesReordered: u32,
    pub BytesRetrans: u32,
    pub FastRetrans: u32,
    pub DupAcksIn: u32,
    pub TimeoutEpisodes: u32,
    pub SynRetrans: u8,
    pub SndLimTransRwin: u32,
    pub SndLimTimeRwin: u32,
    pub SndLimBytesRwin: u64,
    pub SndLimTransCwnd: u32,
    pub SndLimTimeCwnd: u32,
    pub SndLimBytesCwnd: u64,
    pub SndLimTransSnd: u32,
    pub SndLimTimeSnd: u32,
    pub SndLimBytesSnd: u64,
}
/// `TCP_INFO_v0` is the first 88 bytes of `TCP_INFO_v1`.
pub const TCP_INFO_V0_SIZE: usize = 88;
const _: () = assert!(size_of::<TCP_INFO_v1>() == 136);
const _: () = assert!(offset_of!(TCP_INFO_v1, BytesOut) == 48 && offset_of!(TCP_INFO_v1, SynRetrans) == 84);
const _: () = assert!(
    offset_of!(TCP_INFO_v1, SndLimTransRwin) == TCP_INFO_V0_SIZE && offset_of!(TCP_INFO_v1, SndLimBytesSnd) == 128
);

pub const HTTP_CREATE_REQUEST_QUEUE_FLAG_OPEN_EXISTING: ULONG = 1;
pub const HTTP_CREATE_REQUEST_QUEUE_FLAG_CONTROLLER: ULONG = 2;
pub const HTTP_URL_FLAG_REMOVE_ALL: ULONG = 1;
pub const HTTP_SEND_RESPONSE_FLAG_DISCONNECT: ULONG = 1;
pub const HTTP_SEND_RESPONSE_FLAG_MORE_DATA: ULONG = 2;
pub const HTTP_SEND_RESPONSE_FLAG_BUFFER_DATA: ULONG = 4;
pub const HTTP_SEND_RESPONSE_FLAG_ENABLE_NAGLING: ULONG = 8;
pub const HTTP_SEND_RESPONSE_FLAG_PROCESS_RANGES: ULONG = 0x20;
pub const HTTP_SEND_RESPONSE_FLAG_OPAQUE: ULONG = 0x40;
pub const HTTP_BYTE_RANGE_TO_EOF: u64 = u64::MAX;
pub const HTTP_RECEIVE_REQUEST_ENTITY_BODY_FLAG_FILL_BUFFER: ULONG = 1;

pub const HttpServerAuthenticationProperty: i32 = 0;
pub const HttpServerLoggingProperty: i32 = 1;
pub const HttpServerQosProperty: i32 = 2;
pub const HttpServerTimeoutsProperty: i32 = 3;
pub const HttpServerQueueLengthProperty: i32 = 4;
pub const HttpServerStateProperty: i32 = 5;
pub const HttpServer503VerbosityProperty: i32 = 6;
pub const HttpServerBindingProperty: i32 = 7;
pub const HttpServerExtendedAuthenticationProperty: i32 = 8;
pub const HttpServerListenEndpointProperty: i32 = 9;
pub const HttpServerChannelBindProperty: i32 = 10;
pub const HttpServerProtectionLevelProperty: i32 = 11;

pub const HttpServiceConfigIPListenList: i32 = 0;
pub const HttpServiceConfigSSLCertInfo: i32 = 1;
pub const HttpServiceConfigUrlAclInfo: i32 = 2;
pub const HttpServiceConfigTimeout: i32 = 3;
pub const HttpServiceConfigCache: i32 = 4;
pub const HttpServiceConfigSslSniCertInfo: i32 = 5;
pub const HttpServiceConfigSetting: i32 = 7;
pub const HttpServiceConfigMax: i32 = 13;
pub const HttpServiceConfigQueryExact: i32 = 0;
pub const HttpServiceConfigQueryNext: i32 = 1;

pub const HTTP_MIN_ALLOWED_LOG_FILE_ROLLOVER_SIZE: u32 = 1024 * 1024;
pub const HTTP_LIMIT_INFINITE: u32 = u32::MAX;
/// `HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE`: the lowest bandwidth limit `HttpServerQosProperty` takes.
pub const HTTP_MIN_ALLOWED_BANDWIDTH_THROTTLING_RATE: u32 = 1024;

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_TIMEOUT_SET {
    pub KeyDesc: i32,
    pub ParamDesc: u16,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_TIMEOUT_SET>() == 8 && offset_of!(HTTP_SERVICE_CONFIG_TIMEOUT_SET, ParamDesc) == 4
);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_URLACL_SET<U> {
    pub pUrlPrefix: *const U,
    pub pStringSecurityDescriptor: *const U,
}
const _: () = assert!(size_of::<HTTP_SERVICE_CONFIG_URLACL_SET<u32>>() == 16);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_URLACL_QUERY<U> {
    pub QueryDesc: i32,
    pub pUrlPrefix: *const U,
    pub dwToken: DWORD,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_URLACL_QUERY<u32>>() == 24
        && offset_of!(HTTP_SERVICE_CONFIG_URLACL_QUERY<u32>, pUrlPrefix) == 8
        && offset_of!(HTTP_SERVICE_CONFIG_URLACL_QUERY<u32>, dwToken) == 16
);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM {
    pub AddrLength: u16,
    pub pAddress: *const u8,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM>() == 16
        && offset_of!(HTTP_SERVICE_CONFIG_IP_LISTEN_PARAM, pAddress) == 8
);

/// `HTTP_SERVICE_CONFIG_IP_LISTEN_QUERY`: `AddrCount`, then `SOCKADDR_STORAGE AddrList[]` from offset 8.
pub const IP_LISTEN_QUERY_HEAD: usize = 8;
pub const SOCKADDR_STORAGE_SIZE: usize = 128;

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_LOGGING_INFO<U> {
    pub Flags: ULONG,
    pub LoggingFlags: ULONG,
    pub SoftwareName: *const U,
    pub SoftwareNameLength: u16,
    pub DirectoryNameLength: u16,
    pub DirectoryName: *const U,
    pub Format: i32,
    pub Fields: ULONG,
    pub pExtFields: *const c_void,
    pub NumOfExtFields: u16,
    pub MaxRecordSize: u16,
    pub RolloverType: i32,
    pub RolloverSize: ULONG,
    pub pSecurityDescriptor: *const c_void,
}
const _: () = assert!(
    size_of::<HTTP_LOGGING_INFO<u32>>() == 72
        && offset_of!(HTTP_LOGGING_INFO<u32>, SoftwareName) == 8
        && offset_of!(HTTP_LOGGING_INFO<u32>, DirectoryNameLength) == 18
        && offset_of!(HTTP_LOGGING_INFO<u32>, DirectoryName) == 24
        && offset_of!(HTTP_LOGGING_INFO<u32>, Format) == 32
        && offset_of!(HTTP_LOGGING_INFO<u32>, pExtFields) == 40
        && offset_of!(HTTP_LOGGING_INFO<u32>, NumOfExtFields) == 48
        && offset_of!(HTTP_LOGGING_INFO<u32>, RolloverType) == 52
        && offset_of!(HTTP_LOGGING_INFO<u32>, RolloverSize) == 56
        && offset_of!(HTTP_LOGGING_INFO<u32>, pSecurityDescriptor) == 64
);

/// `HTTP_SERVER_AUTHENTICATION_INFO` up to the scheme parameters (read only when no scheme is asked for).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct HTTP_SERVER_AUTHENTICATION_INFO_HEAD {
    pub Flags: ULONG,
    pub AuthSchemes: ULONG,
    pub ReceiveMutualAuth: u8,
    pub ReceiveContextHandle: u8,
    pub DisableNTLMCredentialCaching: u8,
    pub ExFlags: u8,
}
pub const HTTP_SERVER_AUTHENTICATION_INFO_SIZE: usize = 64;

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_CHANNEL_BIND_INFO {
    pub Hardening: i32,
    pub Flags: ULONG,
    pub ServiceNames: *const c_void,
    pub NumberOfServiceNames: ULONG,
}
const _: () = assert!(
    size_of::<HTTP_CHANNEL_BIND_INFO>() == 24 && offset_of!(HTTP_CHANNEL_BIND_INFO, NumberOfServiceNames) == 16
);

/// `HTTP_LISTEN_ENDPOINT_INFO` and `HTTP_PROTECTION_LEVEL_INFO`: flags, then one value.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_FLAGGED_VALUE {
    pub Flags: ULONG,
    pub Value: ULONG,
}
const _: () = assert!(size_of::<HTTP_FLAGGED_VALUE>() == 8);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_SSL_PARAM<U> {
    pub SslHashLength: ULONG,
    pub pSslHash: *const u8,
    pub AppId: [u8; 16],
    pub pSslCertStoreName: *const U,
    pub DefaultCertCheckMode: DWORD,
    pub DefaultRevocationFreshnessTime: DWORD,
    pub DefaultRevocationUrlRetrievalTimeout: DWORD,
    pub pDefaultSslCtlIdentifier: *const U,
    pub pDefaultSslCtlStoreName: *const U,
    pub DefaultFlags: DWORD,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_SSL_PARAM<u32>>() == 80
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_PARAM<u32>, pSslHash) == 8
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_PARAM<u32>, AppId) == 16
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_PARAM<u32>, pSslCertStoreName) == 32
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_PARAM<u32>, DefaultCertCheckMode) == 40
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_PARAM<u32>, DefaultRevocationUrlRetrievalTimeout) == 48
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_PARAM<u32>, pDefaultSslCtlIdentifier) == 56
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_PARAM<u32>, DefaultFlags) == 72
);

/// `HTTP_SERVICE_CONFIG_SSL_SET`: `KeyDesc` is `HTTP_SERVICE_CONFIG_SSL_KEY { PSOCKADDR pIpPort }`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_SSL_SET<U> {
    pub pIpPort: *const u8,
    pub ParamDesc: HTTP_SERVICE_CONFIG_SSL_PARAM<U>,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_SSL_SET<u32>>() == 88 && offset_of!(HTTP_SERVICE_CONFIG_SSL_SET<u32>, ParamDesc) == 8
);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_SSL_QUERY {
    pub QueryDesc: i32,
    pub pIpPort: *const u8,
    pub dwToken: DWORD,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_SSL_QUERY>() == 24
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_QUERY, pIpPort) == 8
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_QUERY, dwToken) == 16
);

/// `HTTP_SERVICE_CONFIG_SSL_SNI_KEY`: a `SOCKADDR_STORAGE` (its port counts) and the host name.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_SSL_SNI_KEY<U> {
    pub IpPort: [u64; 16],
    pub Host: *const U,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_SSL_SNI_KEY<u32>>() == 136
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_SNI_KEY<u32>, Host) == 128
);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_SSL_SNI_SET<U> {
    pub KeyDesc: HTTP_SERVICE_CONFIG_SSL_SNI_KEY<U>,
    pub ParamDesc: HTTP_SERVICE_CONFIG_SSL_PARAM<U>,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_SSL_SNI_SET<u32>>() == 216
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_SNI_SET<u32>, ParamDesc) == 136
);

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HTTP_SERVICE_CONFIG_SSL_SNI_QUERY<U> {
    pub QueryDesc: i32,
    pub KeyDesc: HTTP_SERVICE_CONFIG_SSL_SNI_KEY<U>,
    pub dwToken: DWORD,
}
const _: () = assert!(
    size_of::<HTTP_SERVICE_CONFIG_SSL_SNI_QUERY<u32>>() == 152
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY<u32>, KeyDesc) == 8
        && offset_of!(HTTP_SERVICE_CONFIG_SSL_SNI_QUERY<u32>, dwToken) == 144
);

/// SHA-1: the thumbprint Windows binds certificates by (`HTTP_SSL_CERT_SHA_HASH_LENGTH`).
pub const SSL_HASH_LENGTH: usize = 20;

pub const HTTP_FLUSH_RESPONSE_FLAG_RECURSIVE: ULONG = 1;

/// `HTTP_FEATURE_ID::HttpFeatureDelegateEx`.
pub const HTTP_FEATURE_DELEGATE_EX: i32 = 3;
/// `HTTP_FEATURE_ID::HttpFeatureResponseTrailers`.
pub const HTTP_FEATURE_RESPONSE_TRAILERS: i32 = 1;
/// `HTTP_FEATURE_ID::HttpFeatureCacheTlsClientHello`.
pub const HTTP_FEATURE_CACHE_TLS_CLIENT_HELLO: i32 = 11;

/// `HTTP_VERB` values the engine names.
pub const HttpVerbGET: i32 = 4;
pub const HttpVerbHEAD: i32 = 5;

/// The names of the `HTTP_HEADER_ID`s both sides share (0..19: general and entity headers); the request
/// side continues at 20 with `Accept`, the response side with `Accept-Ranges`.
pub const COMMON_HEADER_NAMES: [&str; 20] = [
    "Cache-Control",
    "Connection",
    "Date",
    "Keep-Alive",
    "Pragma",
    "Trailer",
    "Transfer-Encoding",
    "Upgrade",
    "Via",
    "Warning",
    "Allow",
    "Content-Length",
    "Content-Type",
    "Content-Encoding",
    "Content-Language",
    "Content-Location",
    "Content-MD5",
    "Content-Range",
    "Expires",
    "Last-Modified",
];

/// A side's whole header name table: the shared names, then the side's own from id 20 on.
pub const fn header_names<const N: usize>(own: &[&'static str]) -> [&'static str; N] {
    assert!(COMMON_HEADER_NAMES.len() + own.len() == N);
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] =
            if i < COMMON_HEADER_NAMES.len() { COMMON_HEADER_NAMES[i] } else { own[i - COMMON_HEADER_NAMES.len()] };
        i += 1;
    }
    out
}

// ---- `HTTP_LOGGING_INFO.LoggingFlags` (`server::logging`) ----
pub const HTTP_LOGGING_FLAG_LOCAL_TIME_ROLLOVER: u32 = 1;
pub const HTTP_LOGGING_FLAG_USE_UTF8_CONVERSION: u32 = 2;
pub const HTTP_LOGGING_FLAG_LOG_ERRORS_ONLY: u32 = 4;
pub const HTTP_LOGGING_FLAG_LOG_SUCCESS_ONLY: u32 = 8;

// ---- `HTTP_CACHE_POLICY_TYPE` (`server::cache`) ----
/// `HTTP_CACHE_POLICY_TYPE`.
pub const HTTP_CACHE_POLICY_NOCACHE: i32 = 0;
pub const HTTP_CACHE_POLICY_USER_INVALIDATES: i32 = 1;
pub const HTTP_CACHE_POLICY_TIME_TO_LIVE: i32 = 2;
pub const HTTP_CACHE_POLICY_MAXIMUM: i32 = 3;

// ---- `HTTP_503_RESPONSE_VERBOSITY` (`server::queue`) ----
/// `HTTP_503_RESPONSE_VERBOSITY`: Basic resets the connection; Limited and Full answer 503.
pub const VERBOSITY_BASIC: u32 = 0;
pub const VERBOSITY_FULL: u32 = 2;

// ---- HTTP/2 flags (`server::h2`) ----
/// `HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultFlags`: this binding answers HTTP/1.1 only.
pub const HTTP_SERVICE_CONFIG_SSL_FLAG_DISABLE_HTTP2: u32 = 0x10;
/// `HTTP_SERVICE_CONFIG_SSL_PARAM.DefaultFlags`: keep each connection's ClientHello for
/// `HttpQueryRequestProperty(HttpRequestPropertyTlsClientHello)`.
pub const HTTP_SERVICE_CONFIG_SSL_FLAG_ENABLE_CACHE_CLIENT_HELLO: u32 = 0x8000;
/// `HTTP_REQUEST_V1.Flags`: the request came on an HTTP/2 stream.
pub const HTTP_REQUEST_FLAG_HTTP2: u32 = 0x4;

// ---- `HttpInitialize` flags (`server`) ----
pub const HTTP_INITIALIZE_SERVER: u32 = 1;
pub const HTTP_INITIALIZE_CONFIG: u32 = 2;

// ---- `HttpReceiveHttpRequest` flags and `HTTP_REQUEST.Flags` (`server::fill`) ----
pub const HTTP_RECEIVE_REQUEST_FLAG_COPY_BODY: u32 = 1;
pub const HTTP_RECEIVE_REQUEST_FLAG_FLUSH_BODY: u32 = 2;
pub const HTTP_REQUEST_FLAG_MORE_ENTITY_BODY_EXISTS: u32 = 1;
