//! Clocks and calendar times: `GetTickCount(64)`, `QueryPerformanceCounter/Frequency`,
//! `SYSTEMTIME` and `FILETIME` (100-ns intervals since 1601-01-01 UTC) conversions.
use super::error::*;
use crate::calendar::{civil_from_unix, unix_from_civil, CivilTime};
use crate::win32::abi::{FILETIME, SYSTEMTIME};

/// 100-ns intervals between 1601-01-01 and 1970-01-01.
pub const UNIX_EPOCH_AS_FILETIME: u64 = 116_444_736_000_000_000;
/// `QueryPerformanceFrequency`: the counter counts nanoseconds of `CLOCK_MONOTONIC`.
pub const PERFORMANCE_FREQUENCY: i64 = 1_000_000_000;

fn monotonic() -> libc::timespec {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid out-pointer; CLOCK_MONOTONIC always exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts
}

/// `GetTickCount64`: milliseconds since boot (`CLOCK_MONOTONIC`).
pub fn tick_count64() -> u64 {
    let ts = monotonic();
    ts.tv_sec as u64 * 1000 + ts.tv_nsec as u64 / 1_000_000
}

/// `QueryPerformanceCounter`: nanoseconds of `CLOCK_MONOTONIC`.
pub fn performance_counter() -> i64 {
    let ts = monotonic();
    ts.tv_sec * 1_000_000_000 + ts.tv_nsec
}

/// The current UTC time as a `FILETIME` value.
pub fn now_filetime() -> u64 {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    UNIX_EPOCH_AS_FILETIME + d.as_secs() * 10_000_000 + (d.subsec_nanos() / 100) as u64
}

/// `FileTimeToSystemTime`: values with the top bit set are invalid (`ERROR_INVALID_PARAMETER`),
/// as on Windows.
pub fn system_time_from_filetime(ft: u64) -> WinResult<SYSTEMTIME> {
    if ft > i64::MAX as u64 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let secs_1601 = (ft / 10_000_000) as i64;
    let ms = ((ft % 10_000_000) / 10_000) as u16;
    let unix = secs_1601 - (UNIX_EPOCH_AS_FILETIME / 10_000_000) as i64;
    let c = civil_from_unix(unix);
    Ok(SYSTEMTIME {
        wYear: c.year,
        wMonth: c.month,
        wDayOfWeek: c.day_of_week,
        wDay: c.day,
        wHour: c.hour,
        wMinute: c.minute,
        wSecond: c.second,
        wMilliseconds: ms,
    })
}

fn days_in_month(year: u16, month: u16) -> u16 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        _ => 28,
    }
}

/// `SystemTimeToFileTime`: every field is range-checked (year 1601..=30827, a real day of the month,
/// hour < 24, ...), `ERROR_INVALID_PARAMETER` otherwise; `wDayOfWeek` is ignored, as on Windows.
pub fn filetime_from_system_time(st: &SYSTEMTIME) -> WinResult<u64> {
    let ok = (1601..=30827).contains(&st.wYear)
        && (1..=12).contains(&st.wMonth)
        && st.wDay >= 1
        && st.wDay <= days_in_month(st.wYear, st.wMonth)
        && st.wHour < 24
        && st.wMinute < 60
        && st.wSecond < 60
        && st.wMilliseconds < 1000;
    if !ok {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let c = CivilTime {
        year: st.wYear,
        month: st.wMonth,
        day_of_week: 0,
        day: st.wDay,
        hour: st.wHour,
        minute: st.wMinute,
        second: st.wSecond,
    };
    let secs_1601 = unix_from_civil(&c) + (UNIX_EPOCH_AS_FILETIME / 10_000_000) as i64;
    Ok(secs_1601 as u64 * 10_000_000 + st.wMilliseconds as u64 * 10_000)
}

/// `FILETIME` as one 64-bit value.
pub fn filetime_value(ft: &FILETIME) -> u64 {
    ((ft.dwHighDateTime as u64) << 32) | ft.dwLowDateTime as u64
}

/// A 64-bit value as `FILETIME`.
pub fn filetime_from_value(v: u64) -> FILETIME {
    FILETIME { dwLowDateTime: v as u32, dwHighDateTime: (v >> 32) as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filetime_round_trips_and_epoch_is_right() {
        let st = system_time_from_filetime(UNIX_EPOCH_AS_FILETIME).unwrap();
        assert_eq!((st.wYear, st.wMonth, st.wDay, st.wDayOfWeek), (1970, 1, 1, 4));
        let st = SYSTEMTIME {
            wYear: 2024,
            wMonth: 2,
            wDayOfWeek: 0,
            wDay: 29,
            wHour: 23,
            wMinute: 59,
            wSecond: 58,
            wMilliseconds: 999,
        };
        let ft = filetime_from_system_time(&st).unwrap();
        let back = system_time_from_filetime(ft).unwrap();
        assert_eq!(back.wDayOfWeek, 4);
        assert_eq!(SYSTEMTIME { wDayOfWeek: 4, ..st }, back);
        assert_eq!(system_time_from_filetime(0).unwrap().wYear, 1601);
        let bad = SYSTEMTIME { wDay: 30, ..st };
        assert_eq!(filetime_from_system_time(&bad), Err(ERROR_INVALID_PARAMETER));
    }
}
