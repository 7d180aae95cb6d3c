//! Calendar arithmetic on UTC times (proleptic Gregorian, days from civil dates and back), shared by the
//! HTTP date code (`http1::date`) and the Win32 time functions (`win32::time`), neither of which should import
//! the other.

/// A broken-down UTC time (what Windows calls `SYSTEMTIME`, without milliseconds' meaning for HTTP).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CivilTime {
    pub year: u16,
    pub month: u16,
    pub day_of_week: u16,
    pub day: u16,
    pub hour: u16,
    pub minute: u16,
    pub second: u16,
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Seconds since the Unix epoch to a civil UTC time.
pub fn civil_from_unix(secs: i64) -> CivilTime {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    CivilTime {
        year: y as u16,
        month: m as u16,
        day: d as u16,
        // 1970-01-01 was a Thursday; Windows counts Sunday as 0.
        day_of_week: ((days.rem_euclid(7) + 4) % 7) as u16,
        hour: (rem / 3600) as u16,
        minute: (rem % 3600 / 60) as u16,
        second: (rem % 60) as u16,
    }
}

/// A civil UTC time to seconds since the Unix epoch.
pub fn unix_from_civil(t: &CivilTime) -> i64 {
    days_from_civil(t.year as i64, t.month as i64, t.day as i64) * 86400
        + t.hour as i64 * 3600
        + t.minute as i64 * 60
        + t.second as i64
}
