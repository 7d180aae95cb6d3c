//! Code-page conversion (`MultiByteToWideChar`, `WideCharToMultiByte`). Linux programs speak UTF-8,
//! so the ANSI and OEM pages (`CP_ACP`, `CP_OEMCP`, `CP_THREAD_ACP`) are UTF-8 here, as `CP_UTF8` is.
use super::error::*;
use super::wstr::WideUnit;
use crate::win32::abi::{CP_ACP, CP_MACCP, CP_OEMCP, CP_THREAD_ACP, CP_UTF8};

/// Checks the code page: every page we accept is UTF-8.
pub fn check_code_page(code_page: u32) -> WinResult<()> {
    match code_page {
        CP_ACP | CP_OEMCP | CP_MACCP | CP_THREAD_ACP | CP_UTF8 => Ok(()),
        _ => Err(ERROR_INVALID_PARAMETER),
    }
}

/// Decodes UTF-8 `bytes` to `U` units. Invalid sequences become U+FFFD, or fail with
/// `ERROR_NO_UNICODE_TRANSLATION` when `strict` (`MB_ERR_INVALID_CHARS`).
pub fn utf8_to_wide<U: WideUnit>(bytes: &[u8], strict: bool) -> WinResult<Vec<U>> {
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) if strict => return Err(ERROR_NO_UNICODE_TRANSLATION),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    Ok(super::wstr::encode::<U>(&text))
}

/// Encodes `units` as UTF-8. Unpaired surrogates (UTF-16) or values that are no Unicode scalar
/// (UTF-32) become U+FFFD, or fail with `ERROR_NO_UNICODE_TRANSLATION` when `strict`
/// (`WC_ERR_INVALID_CHARS`).
pub fn wide_to_utf8<U: WideUnit>(units: &[U], strict: bool) -> WinResult<Vec<u8>> {
    let text = super::wstr::decode(units);
    if strict && text.contains('\u{FFFD}') {
        // A U+FFFD in the input itself is valid; only a replacement we made is an error.
        let reencoded = super::wstr::encode::<U>(&text);
        if reencoded.as_slice() != units {
            return Err(ERROR_NO_UNICODE_TRANSLATION);
        }
    }
    Ok(text.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogate_is_replaced_or_rejected() {
        let units: Vec<u16> = vec![0x61, 0xD800, 0x62];
        assert_eq!(wide_to_utf8(&units, false).unwrap(), "a\u{FFFD}b".as_bytes());
        assert_eq!(wide_to_utf8(&units, true), Err(ERROR_NO_UNICODE_TRANSLATION));
        let ok: Vec<u16> = "x\u{FFFD}".encode_utf16().collect();
        assert!(wide_to_utf8(&ok, true).is_ok());
        assert_eq!(utf8_to_wide::<u32>(b"a\xffb", true), Err(ERROR_NO_UNICODE_TRANSLATION));
        assert_eq!(utf8_to_wide::<u32>(b"a\xffb", false).unwrap(), vec![0x61, 0xFFFD, 0x62]);
    }
}
