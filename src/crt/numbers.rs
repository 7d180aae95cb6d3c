//! Integer parsing (`_wtoi`, `_strtoi64`, `wcstol` ...) and formatting (`_itoa`, `_itow` ...).
use super::abi::{EINVAL, ERANGE};
use super::Unit;

/// What a parse read: the sign, the magnitude (saturated at `u64::MAX` with `overflow` set), and the units
/// consumed (0 when no digits were found, so `*endptr` is the start of the string).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub negative: bool,
    pub magnitude: u64,
    pub overflow: bool,
    pub consumed: usize,
}

fn is_space<U: Unit>(u: U) -> bool {
    let v: u32 = u.into();
    match v {
        0x20 | 0x09..=0x0D => true,
        // A wide string may use Unicode spaces (iswspace); a narrow one is UTF-8 bytes, so never.
        _ if U::SIZE > 1 => char::from_u32(v).is_some_and(char::is_whitespace),
        _ => false,
    }
}

fn digit(v: u32) -> Option<u32> {
    match v {
        0x30..=0x39 => Some(v - 0x30),
        0x61..=0x7A => Some(v - 0x61 + 10),
        0x41..=0x5A => Some(v - 0x41 + 10),
        _ => None,
    }
}

/// Parses an integer as `strtol` does: spaces, a sign, a `0x` prefix (base 16 or 0), a leading `0` (base 0
/// means octal), digits of `base`. `base` must be 0 or 2..=36 (checked by the caller).
pub fn parse<U: Unit>(s: &[U], base: u32) -> Parsed {
    let at = |i: usize| -> u32 { s.get(i).map_or(0, |&u| u.into()) };
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'-' as u32 || at(i) == b'+' as u32 {
        negative = at(i) == b'-' as u32;
        i += 1;
    }
    let mut base = base;
    let hex_prefix =
        at(i) == b'0' as u32 && (at(i + 1) | 0x20) == b'x' as u32 && digit(at(i + 2)).is_some_and(|d| d < 16);
    if (base == 0 || base == 16) && hex_prefix {
        base = 16;
        i += 2;
    } else if base == 0 {
        base = if at(i) == b'0' as u32 { 8 } else { 10 };
    }
    let start = i;
    let (mut magnitude, mut overflow) = (0u64, false);
    while let Some(d) = digit(at(i)).filter(|&d| d < base) {
        match magnitude.checked_mul(base as u64).and_then(|m| m.checked_add(d as u64)) {
            Some(m) => magnitude = m,
            None => {
                overflow = true;
                magnitude = u64::MAX;
            }
        }
        i += 1;
    }
    let consumed = if i == start { 0 } else { i };
    Parsed { negative, magnitude, overflow, consumed }
}

/// The parsed value clamped to the signed range [`min`, `max`]; `ERANGE` when it did not fit.
pub fn to_signed(p: Parsed, min: i64, max: i64) -> (i64, Option<i32>) {
    if p.negative {
        let limit = min.unsigned_abs();
        if p.overflow || p.magnitude > limit {
            return (min, Some(ERANGE));
        }
        (0i64.wrapping_sub_unsigned(p.magnitude), None)
    } else if p.overflow || p.magnitude > max as u64 {
        (max, Some(ERANGE))
    } else {
        (p.magnitude as i64, None)
    }
}

/// The parsed value as `strtoul` gives it for a type whose maximum is `max`: too large is `max` with
/// `ERANGE`; a minus sign negates in the unsigned type.
pub fn to_unsigned(p: Parsed, max: u64) -> (u64, Option<i32>) {
    if p.overflow || p.magnitude > max {
        return (max, Some(ERANGE));
    }
    let v = if p.negative { p.magnitude.wrapping_neg() & max } else { p.magnitude };
    (v, None)
}

/// Whether `base` is one `strtol` accepts.
pub fn base_ok(base: i32) -> bool {
    base == 0 || (2..=36).contains(&base)
}

/// The digits of `value` in `radix` (2..=36, lowercase letters, as MSVC's `_itoa` writes them), with a
/// leading '-' when `negative`.
pub fn digits(negative: bool, mut value: u64, radix: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(66);
    loop {
        let d = (value % radix as u64) as u8;
        out.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        value /= radix as u64;
        if value == 0 {
            break;
        }
    }
    if negative {
        out.push(b'-');
    }
    out.reverse();
    out
}

/// How `_itoa` and friends see a signed value: negative only in radix 10; in other radices the value's
/// `bits` low bits as an unsigned number. Returns (negative, magnitude).
pub fn signed_parts(value: i64, bits: u32, radix: i32) -> (bool, u64) {
    let mask = if bits >= 64 { u64::MAX } else { (1u64 << bits) - 1 };
    if radix == 10 && value < 0 {
        (true, value.unsigned_abs())
    } else {
        (false, value as u64 & mask)
    }
}

/// `_itoa_s`-style writing of (negative, magnitude) in `radix` into `dst` (non-empty: checked by the
/// caller). As the UCRT: `dst` is emptied first; it must have room for a digit (and sign) and terminator
/// (`ERANGE`), the radix must be 2..=36 (`EINVAL`), and the whole text must fit (`ERANGE`, `dst` left empty).
pub fn write_integer<U: Unit>(dst: &mut [U], negative: bool, magnitude: u64, radix: i32) -> Result<(), i32> {
    dst[0] = U::from_u32(0);
    if dst.len() <= if negative { 2 } else { 1 } {
        return Err(ERANGE);
    }
    if !(2..=36).contains(&radix) {
        return Err(EINVAL);
    }
    let text = digits(negative, magnitude, radix as u32);
    if text.len() >= dst.len() {
        return Err(ERANGE);
    }
    for (d, &c) in dst.iter_mut().zip(&text) {
        *d = U::from_u32(c as u32);
    }
    dst[text.len()] = U::from_u32(0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, base: u32) -> Parsed {
        parse(s.as_bytes(), base)
    }

    #[test]
    fn parses_like_strtol() {
        let rows: &[(&str, u32, bool, u64, usize)] = &[
            ("  42xyz", 10, false, 42, 4),
            ("-17", 10, true, 17, 3),
            ("0x1F", 0, false, 31, 4),
            ("0x1F", 16, false, 31, 4),
            ("0xg", 16, false, 0, 1),
            ("017", 0, false, 15, 3),
            ("zz", 36, false, 1295, 2),
            ("abc", 10, false, 0, 0),
            ("+", 10, false, 0, 0),
            ("", 10, false, 0, 0),
        ];
        for (s, base, neg, mag, used) in rows {
            let r = p(s, *base);
            assert_eq!((r.negative, r.magnitude, r.consumed), (*neg, *mag, *used), "{s:?} base {base}");
        }
        assert!(p("99999999999999999999999", 10).overflow);
    }

    #[test]
    fn clamps_to_the_type() {
        assert_eq!(to_signed(p("2147483648", 10), i32::MIN as i64, i32::MAX as i64), (i32::MAX as i64, Some(ERANGE)));
        assert_eq!(to_signed(p("-2147483648", 10), i32::MIN as i64, i32::MAX as i64), (i32::MIN as i64, None));
        assert_eq!(to_signed(p("-2147483649", 10), i32::MIN as i64, i32::MAX as i64), (i32::MIN as i64, Some(ERANGE)));
        assert_eq!(to_unsigned(p("-1", 10), u32::MAX as u64), (u32::MAX as u64, None));
        assert_eq!(to_unsigned(p("4294967296", 10), u32::MAX as u64), (u32::MAX as u64, Some(ERANGE)));
    }

    #[test]
    fn formats_like_itoa() {
        let text = |v: i64, bits, radix| {
            let (n, m) = signed_parts(v, bits, radix);
            digits(n, m, radix as u32)
        };
        assert_eq!(text(-255, 32, 10), b"-255");
        assert_eq!(text(-1, 32, 16), b"ffffffff");
        assert_eq!(text(-1, 64, 2).len(), 64);
        assert_eq!(text(35, 32, 36), b"z");
        let mut buf = [7u16; 4];
        assert_eq!(write_integer(&mut buf, false, 123, 10), Ok(()));
        assert_eq!(buf, [b'1' as u16, b'2' as u16, b'3' as u16, 0]);
        assert_eq!(write_integer(&mut buf, false, 1234, 10), Err(ERANGE));
        assert_eq!(buf[0], 0);
        assert_eq!(write_integer(&mut buf, false, 1, 1), Err(EINVAL));
        assert_eq!(write_integer(&mut buf[..2], true, 1, 10), Err(ERANGE));
    }
}
