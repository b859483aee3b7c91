//! Number formatting shared by the gap explanations and the reports.

/// A duration in hours for a human: "45 min", "6 h", "2 days", "3.5 days".
pub fn fmt_hours(hours: f64) -> String {
    if !hours.is_finite() {
        return "?".to_owned();
    }
    if hours < 1.0 {
        format!("{} min", one_decimal(hours * 60.0))
    } else if hours < 48.0 {
        format!("{} h", one_decimal(hours))
    } else {
        format!("{} days", one_decimal(hours / 24.0))
    }
}

/// A share (0-1) as a percentage: 0.183 -> "18%", 0.0456 -> "4.6%".
pub fn fmt_share(share: f64) -> String {
    if !share.is_finite() {
        return "?".to_owned();
    }
    let pct = share * 100.0;
    if pct.abs() >= 10.0 || pct == pct.round() {
        format!("{:.0}%", pct)
    } else {
        format!("{}%", one_decimal(pct))
    }
}

/// A score with one decimal: 6.14 -> "6.1".
pub fn fmt_score(score: f64) -> String {
    format!("{score:.1}")
}

/// One decimal, without a useless ".0": 2.0 -> "2", 2.25 -> "2.3" (rounded half away).
pub fn one_decimal(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{:.0}", r)
    } else {
        format!("{r:.1}")
    }
}

/// A count with thousands separators: 12400 -> "12,400".
pub fn fmt_count(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_for_humans() {
        assert_eq!(fmt_hours(0.25), "15 min");
        assert_eq!(fmt_hours(6.0), "6 h");
        assert_eq!(fmt_hours(47.5), "47.5 h");
        assert_eq!(fmt_hours(48.0), "2 days");
        assert_eq!(fmt_hours(84.0), "3.5 days");
        assert_eq!(fmt_share(0.183), "18%");
        assert_eq!(fmt_share(0.046), "4.6%");
        assert_eq!(fmt_share(0.5), "50%");
        assert_eq!(fmt_score(6.14), "6.1");
        assert_eq!(fmt_count(12_400), "12,400");
        assert_eq!(fmt_count(999), "999");
        assert_eq!(fmt_count(1_000_000), "1,000,000");
        assert_eq!(fmt_hours(f64::NAN), "?");
    }
}
