//! Calendar dates read from table cells (ISO, day-first European, Japanese), with day
//! arithmetic and ISO weeks.

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=days).contains(&day) && (1..=9999).contains(&year)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Read a date: ISO `2026-03-14` (also `/` or `.` between, an optional time after a
    /// space or `T`), `14.03.2026` (day first, as written in Europe), or `2026年3月14日`.
    /// `None` for anything else (a US `03/14/2026` is ambiguous and not guessed).
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let date_part = t.split(['T', ' ']).next().unwrap_or(t);
        let nums: Vec<&str> = date_part
            .split(['-', '/', '.', '年', '月', '日'])
            .filter(|s| !s.is_empty())
            .collect();
        let [a, b, c] = nums.as_slice() else {
            return None;
        };
        if !(a.chars().chain(b.chars()).chain(c.chars())).all(|ch| ch.is_ascii_digit()) {
            return None;
        }
        if a.len() == 4 {
            Date::new(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
        } else if c.len() == 4 && date_part.contains('.') {
            Date::new(c.parse().ok()?, b.parse().ok()?, a.parse().ok()?)
        } else {
            None
        }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Monday = 0 .. Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u32
    }

    /// The ISO 8601 week: (week-based year, week 1..=53).
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = Date::from_days(self.days() - i64::from(self.weekday()) + 3);
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = ((thursday.days() - jan1.days()) / 7 + 1) as u32;
        (thursday.year, week)
    }

    /// `2026-03-14`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
