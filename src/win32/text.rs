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

/// The C runtime's `wcstombs` rule: the UTF-8 of the first characters of `units` that fit in `max` bytes
/// (never part of a character). An invalid unit (an unpaired surrogate, a value that is no Unicode scalar)
/// met before the limit fails with `ERROR_NO_UNICODE_TRANSLATION`; units past the limit are not looked at.
pub fn wide_to_utf8_prefix<U: WideUnit>(units: &[U], max: usize) -> WinResult<Vec<u8>> {
    let mut text = super::wstr::decode(units);
    let (mut at, mut end) = (0usize, 0usize);
    let mut unit = Vec::with_capacity(2);
    for (i, c) in text.char_indices() {
        // A replacement the decoder made does not re-encode to the caller's units (a U+FFFD that was in
        // the input does).
        unit.clear();
        U::encode_into(c.encode_utf8(&mut [0u8; 4]), &mut unit);
        if units.get(at..at + unit.len()) != Some(&unit[..]) {
            return Err(ERROR_NO_UNICODE_TRANSLATION);
        }
        if i + c.len_utf8() > max {
            break;
        }
        at += unit.len();
        end = i + c.len_utf8();
    }
    text.truncate(end);
    Ok(text.into_bytes())
}

/// The C runtime's `mbstowcs` rule: UTF-8 `bytes` (all of them valid, else `ERROR_NO_UNICODE_TRANSLATION`)
/// as the first `U` units that fit in `max`, never part of a character (a surrogate pair is not split).
pub fn utf8_to_wide_prefix<U: WideUnit>(bytes: &[u8], max: usize) -> WinResult<Vec<U>> {
    let text = std::str::from_utf8(bytes).map_err(|_| ERROR_NO_UNICODE_TRANSLATION)?;
    let mut out = Vec::with_capacity(text.len().min(max));
    for c in text.chars() {
        let before = out.len();
        U::encode_into(c.encode_utf8(&mut [0u8; 4]), &mut out);
        if out.len() > max {
            out.truncate(before);
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_keep_whole_characters_and_check_only_what_they_take() {
        let w = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        let lone_late = [0x61u16, 0x62, 0x63, 0xD800];
        type WideRow<'a> = (&'a [u16], usize, WinResult<&'a [u8]>);
        let rows: &[WideRow] = &[
            (&w("h\u{e9}\u{1F600}"), 32, Ok("h\u{e9}\u{1F600}".as_bytes())),
            (&w("ab\u{e9}"), 3, Ok(b"ab")),
            (&w("\u{1F600}"), 3, Ok(b"")),
            (&w("x\u{FFFD}"), 8, Ok("x\u{FFFD}".as_bytes())),
            (&[0xD800], 8, Err(ERROR_NO_UNICODE_TRANSLATION)),
            // The invalid unit lies after a character that did not fit: not looked at.
            (&lone_late, 2, Ok(b"ab")),
            // Right after the limit it is looked at (each character is converted before its fit is checked).
            (&lone_late, 3, Err(ERROR_NO_UNICODE_TRANSLATION)),
            (&lone_late, usize::MAX, Err(ERROR_NO_UNICODE_TRANSLATION)),
        ];
        for (i, (units, max, want)) in rows.iter().enumerate() {
            assert_eq!(wide_to_utf8_prefix(units, *max), want.map(|b| b.to_vec()), "wide row {i}");
        }
        assert_eq!(wide_to_utf8_prefix::<u32>(&[0x61, 0x11_0000], 8), Err(ERROR_NO_UNICODE_TRANSLATION));

        type NarrowRow<'a> = (&'a [u8], usize, WinResult<Vec<u16>>);
        let rows: &[NarrowRow] = &[
            ("\u{1F600}!".as_bytes(), 8, Ok(w("\u{1F600}!"))),
            ("\u{1F600}!".as_bytes(), 1, Ok(vec![])),
            ("a\u{1F600}".as_bytes(), 2, Ok(w("a"))),
            (b"abc", usize::MAX, Ok(w("abc"))),
            (b"ok\xff", 1, Err(ERROR_NO_UNICODE_TRANSLATION)),
        ];
        for (i, (bytes, max, want)) in rows.iter().enumerate() {
            assert_eq!(&utf8_to_wide_prefix::<u16>(bytes, *max), want, "narrow row {i}");
        }
        assert_eq!(utf8_to_wide_prefix::<u32>("\u{1F600}".as_bytes(), 1), Ok(vec![0x1F600]));
    }

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
