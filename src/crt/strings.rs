//! String functions over slices of [`Unit`]s. A `src` slice is a whole string without its terminator; a
//! `dst` slice is the caller's whole buffer (`numberOfElements` units). The `_s` rules are the UCRT's
//! (`corecrt_internal_string_templates.h`): a destination too small is emptied and fails with `ERANGE`; a
//! destination without a terminator given to a `cat` function is emptied and fails with `EINVAL`; `_TRUNCATE`
//! keeps what fits and returns `STRUNCATE`.
use super::abi::{EINVAL, ERANGE, STRUNCATE};
use super::{Unit, TRUNCATE};

/// How an `_s` copy ended: `Ok(0)` or `Ok(STRUNCATE)`, or the errno to report through the handler.
pub type CopyResult = Result<i32, i32>;

fn zero<U: Unit>() -> U {
    U::from_u32(0)
}

/// ASCII lowercase, as MSVC's `_stricmp`/`_wcsicmp` fold in the "C" locale.
pub fn ascii_lower(u: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&u) {
        u + 32
    } else {
        u
    }
}

/// ASCII uppercase.
pub fn ascii_upper(u: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&u) {
        u - 32
    } else {
        u
    }
}

/// Compares two strings unit by unit after mapping each unit with `fold`; the first difference decides
/// (a shorter string compares as if followed by 0). Returns the difference of the mapped units, as the
/// UCRT does (only its sign is documented).
pub fn compare_by<U: Unit>(a: &[U], b: &[U], fold: impl Fn(u32) -> u32) -> i32 {
    let n = a.len().max(b.len());
    for i in 0..=n {
        let x = fold(a.get(i).map_or(0, |&u| u.into()));
        let y = fold(b.get(i).map_or(0, |&u| u.into()));
        if x != y || x == 0 {
            return x as i64 as i32 - y as i64 as i32;
        }
    }
    0
}

/// `_stricmp` / `_wcsicmp` (and the `n` forms on truncated slices): ASCII-insensitive comparison.
pub fn icmp<U: Unit>(a: &[U], b: &[U]) -> i32 {
    compare_by(a, b, ascii_lower)
}

/// Case-sensitive comparison (`wcscmp`): the sign of the first differing unit, as unsigned values.
pub fn cmp<U: Unit>(a: &[U], b: &[U]) -> i32 {
    let n = a.len().max(b.len());
    for i in 0..=n {
        let x: u32 = a.get(i).map_or(0, |&u| u.into());
        let y: u32 = b.get(i).map_or(0, |&u| u.into());
        if x != y {
            return if x < y { -1 } else { 1 };
        }
        if x == 0 {
            return 0;
        }
    }
    0
}

/// Writes `src` and a terminator at the start of `dst` (which has room: checked by the caller).
fn put<U: Unit>(dst: &mut [U], at: usize, src: &[U]) {
    dst[at..at + src.len()].copy_from_slice(src);
    dst[at + src.len()] = zero();
}

/// `strcpy_s` / `wcscpy_s` once `dst` (non-empty) and `src` are known good.
pub fn copy_s<U: Unit>(dst: &mut [U], src: &[U]) -> CopyResult {
    if src.len() >= dst.len() {
        dst[0] = zero();
        return Err(ERANGE);
    }
    put(dst, 0, src);
    Ok(0)
}

/// `strncpy_s` / `wcsncpy_s`: copies at most `count` units of `src` (all of it with `_TRUNCATE`, cut to fit).
pub fn ncopy_s<U: Unit>(dst: &mut [U], src: &[U], count: usize) -> CopyResult {
    let take = if count == TRUNCATE { src.len() } else { src.len().min(count) };
    if take < dst.len() {
        put(dst, 0, &src[..take]);
        return Ok(0);
    }
    if count == TRUNCATE {
        let keep = dst.len() - 1;
        put(dst, 0, &src[..keep]);
        return Ok(STRUNCATE);
    }
    dst[0] = zero();
    Err(ERANGE)
}

/// `strcat_s` / `wcscat_s` (`count` = `_TRUNCATE`-less whole source) and `strncat_s` / `wcsncat_s`.
pub fn ncat_s<U: Unit>(dst: &mut [U], src: &[U], count: usize) -> CopyResult {
    let Some(len) = dst.iter().position(|u| u.is_zero()) else {
        dst[0] = zero();
        return Err(EINVAL);
    };
    let room = dst.len() - len;
    let take = if count == TRUNCATE { src.len() } else { src.len().min(count) };
    if take < room {
        put(dst, len, &src[..take]);
        return Ok(0);
    }
    if count == TRUNCATE {
        put(dst, len, &src[..room - 1]);
        return Ok(STRUNCATE);
    }
    dst[0] = zero();
    Err(ERANGE)
}

/// `strcat_s` / `wcscat_s`.
pub fn cat_s<U: Unit>(dst: &mut [U], src: &[U]) -> CopyResult {
    let Some(len) = dst.iter().position(|u| u.is_zero()) else {
        dst[0] = zero();
        return Err(EINVAL);
    };
    if len + src.len() >= dst.len() {
        dst[0] = zero();
        return Err(ERANGE);
    }
    put(dst, len, src);
    Ok(0)
}

/// Folds a string in place with `f` (`_strlwr`, `_wcsupr`...).
pub fn map_in_place<U: Unit>(s: &mut [U], f: impl Fn(u32) -> u32) {
    for u in s.iter_mut() {
        *u = U::from_u32(f((*u).into()));
    }
}

/// The position of `needle` in `hay` (`wcsstr`); an empty needle is found at 0.
pub fn find<U: Unit>(hay: &[U], needle: &[U]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Simple Unicode lowercase of one UTF-16 / UTF-32 unit (surrogates and characters whose lowercase is not
/// one character stay as they are): what `wcscasecmp` folds with.
pub fn unicode_lower(u: u32) -> u32 {
    match char::from_u32(u) {
        Some(c) => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) if (one as u32 <= 0xFFFF) || u > 0xFFFF => one as u32,
                _ => u,
            }
        }
        None => u,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn copies_follow_the_ucrt_table() {
        // (dst size, src, count, result, dst afterwards)
        let rows: &[(usize, &str, usize, CopyResult, &str)] = &[
            (8, "abc", TRUNCATE, Ok(0), "abc"),
            (4, "abc", TRUNCATE, Ok(0), "abc"),
            (3, "abc", TRUNCATE, Ok(STRUNCATE), "ab"),
            (3, "abc", 3, Err(ERANGE), ""),
            (4, "abcdef", 3, Ok(0), "abc"),
            (3, "abcdef", 2, Ok(0), "ab"),
            (1, "abc", TRUNCATE, Ok(STRUNCATE), ""),
            (5, "", 10, Ok(0), ""),
        ];
        for (i, (size, src, count, want, after)) in rows.iter().enumerate() {
            let mut dst = vec![b'x' as u16; *size];
            let got = ncopy_s(&mut dst, &w(src), *count);
            assert_eq!(got, *want, "row {i}");
            let end = dst.iter().position(|&u| u == 0).unwrap();
            assert_eq!(String::from_utf16(&dst[..end]).unwrap(), *after, "row {i}");
        }
        let mut dst = [9u16; 3];
        assert_eq!(copy_s(&mut dst, &w("abc")), Err(ERANGE));
        assert_eq!(dst[0], 0);
        assert_eq!(copy_s(&mut dst, &w("ab")), Ok(0));
    }

    #[test]
    fn cat_needs_a_terminated_destination() {
        let mut dst = [b'a' as u16; 4];
        assert_eq!(cat_s(&mut dst, &w("b")), Err(EINVAL));
        assert_eq!(dst[0], 0);
        let mut dst = [b'a' as u16, 0, 0, 0];
        assert_eq!(cat_s(&mut dst, &w("bc")), Ok(0));
        assert_eq!(dst, [b'a' as u16, b'b' as u16, b'c' as u16, 0]);
        let mut dst = [b'a' as u16, 0, 0, 0];
        assert_eq!(ncat_s(&mut dst, &w("bcdef"), TRUNCATE), Ok(STRUNCATE));
        assert_eq!(dst, [b'a' as u16, b'b' as u16, b'c' as u16, 0]);
    }

    #[test]
    fn icmp_folds_ascii_only() {
        assert_eq!(icmp(&w("Content-Length"), &w("content-length")), 0);
        assert!(icmp(&w("a"), &w("B")) < 0);
        assert!(icmp(&w("abc"), &w("ab")) > 0);
        assert_ne!(icmp(&w("\u{c9}"), &w("\u{e9}")), 0);
    }
}
