//! Timestamps as event logs write them, read fast and without guessing: ISO 8601
//! (with or without a zone, `T` or a space, fractions of a second), `YYYY/MM/DD HH:MM:SS`,
//! `DD.MM.YYYY HH:MM[:SS]`, Excel serial numbers (days since 1899-12-30) and Unix epoch
//! seconds or milliseconds. Everything becomes milliseconds since 1970-01-01 UTC; a time
//! without a zone is read as UTC and said so (`zoned = false`), so mixed zones can be reported.

use chrono::{DateTime, NaiveDate};

/// A parsed timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub ms: i64,
    /// Whether the text carried a time zone (`Z`, `+01:00`); naive times are read as UTC.
    pub zoned: bool,
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian), or `None` when
/// the date does not exist.
fn days_from_civil(y: i32, m: u32, d: u32) -> Option<i64> {
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some((date - epoch).num_days())
}

/// A small cursor over ASCII digits and separators.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let s = self.b.get(self.i..self.i + n)?;
        let mut v = 0u32;
        for &c in s {
            if !c.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(c - b'0');
        }
        self.i += n;
        Some(v)
    }

    /// One or two digits.
    fn digits12(&mut self) -> Option<u32> {
        let two = self.b.get(self.i + 1).is_some_and(|c| c.is_ascii_digit());
        self.digits(if two { 2 } else { 1 })
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn done(&self) -> bool {
        self.i >= self.b.len()
    }
}

/// `HH:MM[:SS[.fff]]` then an optional zone; returns (ms into the day, offset ms, zoned).
fn time_of_day(c: &mut Cur) -> Option<(i64, i64, bool)> {
    let h = c.digits12()?;
    if !c.eat(b':') {
        return None;
    }
    let mi = c.digits(2)?;
    let mut s = 0;
    let mut frac_ms = 0i64;
    if c.eat(b':') {
        s = c.digits(2)?;
        if c.eat(b'.') || c.eat(b',') {
            let mut scale = 100i64;
            let mut any = false;
            while let Some(d) = c.peek().filter(u8::is_ascii_digit) {
                frac_ms += i64::from(d - b'0') * scale;
                scale /= 10;
                c.i += 1;
                any = true;
            }
            if !any {
                return None;
            }
        }
    }
    if h > 24 || mi > 59 || s > 60 || (h == 24 && (mi > 0 || s > 0)) {
        return None;
    }
    let day_ms = (i64::from(h) * 3600 + i64::from(mi) * 60 + i64::from(s.min(59))) * 1000 + frac_ms;
    // Zone: Z, +HH:MM, +HHMM, +HH (a space before it is allowed).
    if c.peek() == Some(b' ') && matches!(c.b.get(c.i + 1), Some(b'+' | b'-' | b'Z')) {
        c.i += 1;
    }
    match c.peek() {
        None => Some((day_ms, 0, false)),
        Some(b'Z' | b'z') => {
            c.i += 1;
            c.done().then_some((day_ms, 0, true))
        }
        Some(sign @ (b'+' | b'-')) => {
            c.i += 1;
            let oh = c.digits(2)?;
            let om = if c.eat(b':') {
                c.digits(2)?
            } else if c.done() {
                0
            } else {
                c.digits(2)?
            };
            if !c.done() || oh > 18 || om > 59 {
                return None;
            }
            let off = (i64::from(oh) * 60 + i64::from(om)) * 60_000;
            Some((day_ms, if sign == b'+' { off } else { -off }, true))
        }
        _ => None,
    }
}

fn assemble(y: u32, m: u32, d: u32, c: &mut Cur) -> Option<Stamp> {
    let days = days_from_civil(i32::try_from(y).ok()?, m, d)?;
    let (day_ms, off, zoned) = if c.done() {
        (0, 0, false)
    } else {
        if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
            return None;
        }
        time_of_day(c)?
    };
    Some(Stamp {
        ms: days * 86_400_000 + day_ms - off,
        zoned,
    })
}

/// Parse one timestamp cell. `None` when it is none of the recognised forms.
pub fn parse(text: &str) -> Option<Stamp> {
    let t = text.trim();
    let b = t.as_bytes();
    if b.len() < 4 {
        return parse_number(t);
    }
    let mut c = Cur { b, i: 0 };
    // YYYY-MM-DD or YYYY/MM/DD
    if b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) && matches!(b[4], b'-' | b'/') {
        let sep = b[4];
        let y = c.digits(4)?;
        c.i += 1;
        let m = c.digits12()?;
        if !c.eat(sep) {
            return None;
        }
        let d = c.digits12()?;
        return assemble(y, m, d, &mut c);
    }
    // DD.MM.YYYY
    if matches!(b.iter().position(|&x| x == b'.'), Some(1 | 2)) {
        let dotted = (|| {
            let d = c.digits12()?;
            if !c.eat(b'.') {
                return None;
            }
            let m = c.digits12()?;
            if !c.eat(b'.') {
                return None;
            }
            let y = c.digits(4)?;
            assemble(y, m, d, &mut c)
        })();
        return dotted.or_else(|| parse_number(t));
    }
    // RFC 2822 ("Tue, 1 Jul 2003 10:52:37 +0200") as a last textual form.
    if b[0].is_ascii_alphabetic() {
        return DateTime::parse_from_rfc2822(t).ok().map(|dt| Stamp {
            ms: dt.timestamp_millis(),
            zoned: true,
        });
    }
    parse_number(t)
}

/// Excel serial days (1 to 2958465, i.e. up to 9999-12-31), Unix seconds (from 1e9,
/// 2001-09-09) or Unix milliseconds (from 1e12). Numbers in between are refused as ambiguous.
fn parse_number(t: &str) -> Option<Stamp> {
    let v: f64 = t.parse().ok()?;
    if !v.is_finite() || v < 1.0 {
        return None;
    }
    let ms = if v <= 2_958_465.0 {
        // Excel: day 25569 is 1970-01-01.
        ((v - 25_569.0) * 86_400_000.0).round()
    } else if (1e9..1e11).contains(&v) {
        (v * 1000.0).round()
    } else if (1e12..1e14).contains(&v) {
        v.round()
    } else {
        return None;
    };
    Some(Stamp {
        ms: ms as i64,
        zoned: true,
    })
}

/// The ISO date (`2026-01-31`, UTC) of a time in milliseconds.
pub fn iso_date(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|dt| dt.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// `2026-01-31T08:30:00Z` (UTC, whole seconds; milliseconds when there are some).
pub fn iso_datetime(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms)
        .map(|dt| {
            if ms.rem_euclid(1000) == 0 {
                dt.format("%Y-%m-%dT%H:%M:%SZ").to_string()
            } else {
                dt.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
            }
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(s: &str) -> i64 {
        parse(s).unwrap_or_else(|| panic!("{s:?} did not parse")).ms
    }

    const T0: i64 = 1_767_259_800_000; // 2026-01-01T09:30:00Z

    #[test]
    fn iso_forms() {
        assert_eq!(ms("2026-01-01T09:30:00Z"), T0);
        assert_eq!(ms("2026-01-01T09:30:00"), T0);
        assert_eq!(ms("2026-01-01 09:30:00"), T0);
        assert_eq!(ms("2026-01-01 09:30"), T0);
        assert_eq!(ms("2026-01-01T10:30:00+01:00"), T0);
        assert_eq!(ms("2026-01-01T10:30:00+0100"), T0);
        assert_eq!(ms("2026-01-01T04:30:00-05"), T0);
        assert_eq!(ms("2026-01-01T09:30:00.250Z"), T0 + 250);
        assert_eq!(ms("2026-01-01T09:30:00,5"), T0 + 500);
        assert_eq!(ms("2026-01-01 10:30:00 +01:00"), T0);
        assert_eq!(ms("2026-01-01"), T0 - 9 * 3_600_000 - 30 * 60_000);
        assert!(parse("2026-01-01T09:30:00Z").unwrap().zoned);
        assert!(!parse("2026-01-01T09:30:00").unwrap().zoned);
    }

    #[test]
    fn other_forms() {
        assert_eq!(ms("2026/01/01 09:30:00"), T0);
        assert_eq!(ms("2026/1/1 9:30:00"), T0);
        assert_eq!(ms("01.01.2026 09:30"), T0);
        assert_eq!(ms("1.1.2026 09:30:00"), T0);
        // Excel: 46023 is 2026-01-01; .395833.. is 09:30.
        assert_eq!(ms("46023.3958333333"), T0);
        assert_eq!(ms("1767259800"), T0);
        assert_eq!(ms("1767259800000"), T0);
        assert_eq!(ms("Thu, 1 Jan 2026 10:30:00 +0100"), T0);
    }

    #[test]
    fn nonsense_is_refused_not_guessed() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-30 10:00",
            "2026-01-01T25:00",
            "2026-01-01T09:30:00Q",
            "2026-01-01T09:61",
            "32.01.2026",
            "12345678",
            "-5",
            "NaN",
            "inf",
            "2026-01-01T",
            "2026-01-01T09:30:00.",
            "2026-01-01T09:30:00+99:00",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_format_back() {
        assert_eq!(iso_date(T0), "2026-01-01");
        assert_eq!(iso_datetime(T0), "2026-01-01T09:30:00Z");
        assert_eq!(iso_datetime(T0 + 5), "2026-01-01T09:30:00.005Z");
    }
}
