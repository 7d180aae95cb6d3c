//! HTTP dates (IMF-fixdate, RFC 9110 section 5.6.7): formatting for the `Date` header, parsing of the three
//! forms for `WinHttpTimeToSystemTime` and `If-Modified-Since`. The formatted current date is cached per
//! second, since a server writes it into every response.
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

pub use crate::calendar::{civil_from_unix, unix_from_civil, CivilTime};

/// Formats as `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn format(t: &CivilTime) -> String {
    let dow = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][(t.day_of_week % 7) as usize];
    format!(
        "{dow}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        t.day,
        MONTHS[(t.month.clamp(1, 12) - 1) as usize],
        t.year,
        t.hour,
        t.minute,
        t.second
    )
}

/// Parses IMF-fixdate, RFC 850 and asctime forms (RFC 9110 section 5.6.7 says recipients accept all three).
pub fn parse(s: &str) -> Option<CivilTime> {
    let s = s.trim();
    let month = |m: &str| MONTHS.iter().position(|x| x.eq_ignore_ascii_case(m)).map(|i| i as u16 + 1);
    let hms = |t: &str| -> Option<(u16, u16, u16)> {
        let mut p = t.split(':');
        let h = p.next()?.parse().ok()?;
        let m = p.next()?.parse().ok()?;
        let s = p.next()?.parse().ok()?;
        (h < 24 && m < 60 && s < 61).then_some((h, m, s))
    };
    let parts: Vec<&str> = s.split_whitespace().collect();
    let (day, mon, year, time) = if parts.len() == 6 && parts[0].ends_with(',') {
        (parts[1].parse().ok()?, month(parts[2])?, parts[3].parse::<u16>().ok()?, parts[4])
    } else if parts.len() == 4 && parts[0].ends_with(',') {
        let d: Vec<&str> = parts[1].split('-').collect();
        if d.len() != 3 {
            return None;
        }
        let y: u16 = d[2].parse().ok()?;
        let y = if y < 70 {
            2000 + y
        } else if y < 100 {
            1900 + y
        } else {
            y
        };
        (d[0].parse().ok()?, month(d[1])?, y, parts[2])
    } else if parts.len() == 5 {
        (parts[2].parse().ok()?, month(parts[1])?, parts[4].parse().ok()?, parts[3])
    } else {
        return None;
    };
    let (hour, minute, second) = hms(time)?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut t = CivilTime { year, month: mon, day, hour, minute, second, day_of_week: 0 };
    t.day_of_week = civil_from_unix(unix_from_civil(&t)).day_of_week;
    Some(t)
}

/// `WinHttpTimeToSystemTime`'s reading: the three HTTP forms, or, as Windows accepts (Wine's tests record
/// `" fri 7 jan 2005 12 06 35"`), any text that gives an optional day name, then day, month name and
/// year, then hour, minute and second, with spaces, commas or colons between them in any number; names
/// in any case; `GMT` optional; missing time fields are 0.
pub fn parse_lenient(s: &str) -> Option<CivilTime> {
    if let Some(t) = parse(s) {
        return Some(t);
    }
    let mut tokens = s.split([' ', '\t', ',', ':']).filter(|t| !t.is_empty()).peekable();
    if tokens.peek().is_some_and(|t| t.chars().all(|c| c.is_ascii_alphabetic())) {
        tokens.next();
    }
    let day: u16 = tokens.next()?.parse().ok()?;
    let mon = tokens.next()?;
    let month = MONTHS.iter().position(|x| x.eq_ignore_ascii_case(mon))? as u16 + 1;
    let year: u16 = tokens.next()?.parse().ok()?;
    let mut field = || -> Option<u16> {
        match tokens.next() {
            None => Some(0),
            Some(t) if t.eq_ignore_ascii_case("gmt") => Some(0),
            Some(t) => t.parse().ok(),
        }
    };
    let (hour, minute, second) = (field()?, field()?, field()?);
    if !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut t = CivilTime { year, month, day, hour, minute, second, day_of_week: 0 };
    t.day_of_week = civil_from_unix(unix_from_civil(&t)).day_of_week;
    Some(t)
}

thread_local! {
    /// Each thread's last formatted second for [`imf_at`], with the monotonic instant it stays right until.
    static AT: std::cell::Cell<(Option<Instant>, [u8; 29])> = const { std::cell::Cell::new((None, [0; 29])) };
}

/// The date at `now`, a monotonic reading the caller took anyway (a server's response, whose end starts
/// the connection's timers): the real-time clock is read only once the second formatted last may have
/// ended, so a response costs no clock reading of its own for its `Date`.
pub fn imf_at(now: Instant) -> [u8; 29] {
    AT.with(|c| {
        let (until, text) = c.get();
        if until.is_some_and(|u| now < u) {
            return text;
        }
        let d = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        let mut text = [0u8; 29];
        text.copy_from_slice(&format(&civil_from_unix(d.as_secs() as i64)).as_bytes()[..29]);
        // The second read above ends no earlier than this (`now` was read before it).
        c.set((Some(now + Duration::from_nanos(1_000_000_000 - d.subsec_nanos() as u64)), text));
        text
    })
}

/// The current time as a 29-byte IMF-fixdate, formatted at most once a second per thread (the cache of
/// [`imf_at`]).
pub fn now_imf() -> [u8; 29] {
    imf_at(Instant::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_the_rfc_example_in_all_three_forms() {
        let t = civil_from_unix(784111777);
        assert_eq!(format(&t), "Sun, 06 Nov 1994 08:49:37 GMT");
        for s in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            assert_eq!(parse(s), Some(t), "{s}");
        }
        assert_eq!(unix_from_civil(&t), 784111777);
        assert_eq!(parse("yesterday"), None);
        for s in [
            " sun 6 nov 1994 08 49 37",
            "SUN, 06 NOV 1994 08:49:37",
            "Sun 06 Nov 1994 08:49:37 gmt",
            "6 nov 1994 8:49:37",
        ] {
            assert_eq!(parse_lenient(s), Some(t), "{s}");
        }
        assert_eq!(parse_lenient("yesterday"), None);
        assert_eq!(std::str::from_utf8(&now_imf()).unwrap().len(), 29);
    }

    #[test]
    fn the_date_at_an_instant_is_the_clock_s_second_and_kept_until_it_ends() {
        let now = Instant::now();
        let a = imf_at(now);
        let secs = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
        // (the second may have turned between the two readings)
        let ok = [secs - 1, secs].map(|s| format(&civil_from_unix(s)).into_bytes());
        assert!(ok.iter().any(|t| t[..] == a[..]), "{}", String::from_utf8_lossy(&a));
        // The same instant again: the kept text, no clock read needed.
        assert_eq!(imf_at(now), a);
        // An instant past the second kept: the clock is read again (its second now).
        let later = imf_at(now + Duration::from_secs(2));
        let secs = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64;
        let ok = [secs - 1, secs].map(|s| format(&civil_from_unix(s)).into_bytes());
        assert!(ok.iter().any(|t| t[..] == later[..]), "{}", String::from_utf8_lossy(&later));
    }
}
