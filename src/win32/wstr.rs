//! Wide strings. `WCHAR` is the C compiler's `wchar_t`: UTF-32 (`u32`) for a normal Linux build, UTF-16
//! (`u16`) for a caller built with `-fshort-wchar`, whose header routes every call to the `<name>_w16`
//! export (DESIGN.md section 3). Exports that take or return wide strings are written once, generic
//! over [`WideUnit`], and exported twice.
//!
//! Lengths the Windows documentation gives in bytes stay in bytes: `sizeof(WCHAR)` = `U::SIZE`.

/// One code unit of a caller's wide string.
pub trait WideUnit: Copy + Eq + Default + Send + Sync + 'static {
    /// `sizeof(WCHAR)` for this kind of caller.
    const SIZE: usize;
    /// Appends the UTF-8 text of `units` to `out`; invalid sequences become U+FFFD.
    fn decode_into(units: &[Self], out: &mut String);
    /// Appends `s` encoded in this width.
    fn encode_into(s: &str, out: &mut Vec<Self>);
    /// The unit of an ASCII byte.
    fn from_ascii(b: u8) -> Self;
    fn zero() -> Self;
    fn is_zero(self) -> bool;
}

impl WideUnit for u32 {
    const SIZE: usize = 4;
    fn decode_into(units: &[u32], out: &mut String) {
        out.extend(units.iter().map(|&u| char::from_u32(u).unwrap_or('\u{FFFD}')));
    }
    fn encode_into(s: &str, out: &mut Vec<u32>) {
        out.extend(s.chars().map(|c| c as u32));
    }
    fn from_ascii(b: u8) -> u32 {
        b as u32
    }
    fn zero() -> u32 {
        0
    }
    fn is_zero(self) -> bool {
        self == 0
    }
}

impl WideUnit for u16 {
    const SIZE: usize = 2;
    fn decode_into(units: &[u16], out: &mut String) {
        out.extend(char::decode_utf16(units.iter().copied()).map(|r| r.unwrap_or('\u{FFFD}')));
    }
    fn encode_into(s: &str, out: &mut Vec<u16>) {
        out.extend(s.encode_utf16());
    }
    fn from_ascii(b: u8) -> u16 {
        b as u16
    }
    fn zero() -> u16 {
        0
    }
    fn is_zero(self) -> bool {
        self == 0
    }
}

/// Narrow (`char`, UTF-8) strings as a third width, so the `A` and `W` forms of an export share one
/// generic body.
impl WideUnit for u8 {
    const SIZE: usize = 1;
    fn decode_into(units: &[u8], out: &mut String) {
        out.push_str(&String::from_utf8_lossy(units));
    }
    fn encode_into(s: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(s.as_bytes());
    }
    fn from_ascii(b: u8) -> u8 {
        b
    }
    fn zero() -> u8 {
        0
    }
    fn is_zero(self) -> bool {
        self == 0
    }
}

/// Decodes a slice of code units.
pub fn decode<U: WideUnit>(units: &[U]) -> String {
    let mut s = String::with_capacity(units.len());
    U::decode_into(units, &mut s);
    s
}

/// Encodes `s` without a terminator.
pub fn encode<U: WideUnit>(s: &str) -> Vec<U> {
    let mut v = Vec::with_capacity(s.len());
    U::encode_into(s, &mut v);
    v
}

/// Encodes `s` with a NUL terminator.
pub fn encode_nul<U: WideUnit>(s: &str) -> Vec<U> {
    let mut v = encode::<U>(s);
    v.push(U::zero());
    v
}

/// `s` in a fixed `WCHAR[N]` field: cut to `N - 1` units, the rest NUL (the ASCII names of Schannel's
/// `SecPkgContext_CipherInfo` and the like).
pub fn encode_fixed<U: WideUnit, const N: usize>(s: &str) -> [U; N] {
    let mut out = [U::zero(); N];
    for (o, u) in out.iter_mut().zip(encode::<U>(s).into_iter().take(N.saturating_sub(1))) {
        *o = u;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_widths_round_trip_outside_the_bmp() {
        let s = "caf\u{e9} \u{1F600} /p?q=1";
        assert_eq!(decode(&encode::<u32>(s)), s);
        assert_eq!(decode(&encode::<u16>(s)), s);
        assert_eq!(encode::<u16>("\u{1F600}").len(), 2);
        assert_eq!(encode::<u32>("\u{1F600}").len(), 1);
    }
}
