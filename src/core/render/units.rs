//! How numbers are written for people, in one place: percentages, nines,
//! downtimes, rates, significant figures, thousands, compact rates and the
//! exact numbers of messages and fields.

/// `0.99943` → `"99.943%"`: enough digits to show the first non-9 digit and two after.
pub fn percent(a: f64) -> String {
    if a >= 1.0 {
        return "100%".into();
    }
    let missing = 1.0 - a;
    // Decimal places after the percent point: two beyond the leading zeros of (1 − a).
    let lead = (-(missing * 100.0).log10()).floor().max(0.0) as usize;
    let places = (lead + 2).clamp(1, 9);
    let s = format!("{:.*}", places, a * 100.0);
    format!("{}%", trim_zeros(&s))
}

/// The "number of nines": −log10(1 − a), e.g. 0.999 → 3.0.
pub fn nines(a: f64) -> f64 {
    if a >= 1.0 {
        f64::INFINITY
    } else {
        -(1.0 - a).log10()
    }
}

/// A duration in minutes as the largest sensible unit: "19.3 h", "52.6 min", "31.5 s".
pub fn duration_min(minutes: f64) -> String {
    if minutes <= 0.0 {
        "none".into()
    } else if minutes >= 2.0 * 24.0 * 60.0 {
        format!("{} days", sig(minutes / (24.0 * 60.0)))
    } else if minutes >= 60.0 {
        format!("{} h", sig(minutes / 60.0))
    } else if minutes >= 1.0 {
        format!("{} min", sig(minutes))
    } else {
        format!("{} s", sig(minutes * 60.0))
    }
}

/// Downtime a year and a month for an availability, e.g. "19.3 h/year, 1.6 h/month".
pub fn downtime(a: f64) -> String {
    let per_year = (1.0 - a) * 525_600.0;
    format!(
        "{}/year, {}/month",
        duration_min(per_year),
        duration_min(per_year / 12.0)
    )
}

/// Milliseconds with a precision that suits their size.
pub fn ms(v: f64) -> String {
    format!("{} ms", sig(v))
}

/// A rate in requests per second, with thousands separators: "20,000 req/s".
pub fn rps(v: f64) -> String {
    format!("{} req/s", grouped(v))
}

/// Bytes in decimal units, as the seeds count them (1 KB = 1,000 B), with
/// three significant figures: 5.475e14 → "548 TB", 4e6 → "4 MB", 200 → "200 B".
pub fn bytes(v: f64) -> String {
    if !v.is_finite() {
        return "∞".into();
    }
    const UNITS: [&str; 6] = ["B", "KB", "MB", "GB", "TB", "PB"];
    let mut i = 0;
    let mut x = v;
    while x.abs() >= 999.5 && i + 1 < UNITS.len() {
        x /= 1000.0;
        i += 1;
    }
    format!("{} {}", sig(x), UNITS[i])
}

/// Bytes per second: "4 MB/s".
pub fn bytes_per_s(v: f64) -> String {
    format!("{}/s", bytes(v))
}

/// A rate "per second" for capacity figures, with thousands separators and
/// one decimal (the worksheet's digits): 1157.407 → "1,157.4/s".
pub fn per_s(v: f64) -> String {
    format!("{}/s", grouped(v))
}

/// Money a month, in the design's own currency (none is named): two decimals
/// below 100, whole units above, thousands grouped: 4500 → "4,500/month".
pub fn money_month(v: f64) -> String {
    format!("{}/month", money(v))
}

/// An amount of money: "2.94", "4,500".
pub fn money(v: f64) -> String {
    if !v.is_finite() {
        return "∞".into();
    }
    if v.abs() >= 100.0 {
        grouped(v.round())
    } else {
        format!("{v:.2}")
    }
}

/// Three significant figures, at most one decimal place for values ≥ 10.
pub fn sig(v: f64) -> String {
    if !v.is_finite() {
        return "∞".into();
    }
    let a = v.abs();
    let s = if a >= 100.0 {
        format!("{v:.0}")
    } else if a >= 10.0 {
        format!("{v:.1}")
    } else if a >= 1.0 {
        format!("{v:.2}")
    } else if a == 0.0 {
        "0".into()
    } else {
        let places = (-(a.log10()).floor() as usize + 2).min(9);
        format!("{v:.places$}")
    };
    trim_zeros(&s)
}

/// A number with thousands separators and up to one decimal: 1234567.8 → "1,234,567.8".
pub fn grouped(v: f64) -> String {
    if !v.is_finite() {
        return "∞".into();
    }
    let rounded = (v * 10.0).round() / 10.0;
    let whole = rounded.trunc().abs() as u128;
    let frac = ((rounded.abs() - rounded.abs().trunc()) * 10.0).round() as u32;
    let mut out = thousands(&whole.to_string());
    if frac > 0 {
        out.push('.');
        out.push_str(&frac.to_string());
    }
    if rounded < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A rate short enough for a block or link: 950, 12k, 1.5M.
pub fn compact(v: f64) -> String {
    if v >= 1e6 {
        format!("{}M", sig(v / 1e6))
    } else if v >= 1e4 {
        format!("{}k", sig(v / 1e3))
    } else {
        grouped(v)
    }
}

/// A number for messages and fields, every digit kept: "20", "0.5", "10,000".
pub fn fmt_num(n: f64) -> String {
    if !n.is_finite() {
        return format!("{n}");
    }
    let s = format!("{n}");
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let grouped = thousands(int);
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A string of decimal digits with a comma between thousands: "1234" → "1,234".
fn thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_show_the_first_non_nine() {
        assert_eq!(percent(0.99943), "99.943%");
        assert_eq!(percent(0.9978016594800626), "99.78%");
        assert_eq!(percent(0.5), "50%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.99999975), "99.999975%");
    }

    #[test]
    fn downtime_reads_like_the_seed() {
        // 003 §5.4: 99.78% is about 19.3 hours a year.
        assert_eq!(downtime(0.9978016594800626), "19.3 h/year, 1.6 h/month");
        assert_eq!(duration_min(52.56), "52.6 min");
        assert_eq!(nines(0.999).round(), 3.0);
    }

    #[test]
    fn bytes_are_decimal() {
        assert_eq!(bytes(5.475e14), "548 TB");
        assert_eq!(bytes(3.65e13), "36.5 TB");
        assert_eq!(bytes(4e6), "4 MB");
        assert_eq!(bytes(200.0), "200 B");
        assert_eq!(bytes(999.0), "999 B");
        assert_eq!(bytes(1000.0), "1 KB");
        assert_eq!(bytes(1.5e18), "1500 PB");
        assert_eq!(bytes_per_s(1.25e9), "1.25 GB/s");
    }

    #[test]
    fn rates_and_money() {
        assert_eq!(per_s(1157.4074), "1,157.4/s");
        assert_eq!(per_s(2_893_518.518), "2,893,518.5/s");
        assert_eq!(money_month(4500.0), "4,500/month");
        assert_eq!(money(2.941176), "2.94");
        assert_eq!(money(0.0), "0.00");
    }

    #[test]
    fn grouping_and_significant_figures() {
        assert_eq!(grouped(20000.0), "20,000");
        assert_eq!(grouped(1234567.84), "1,234,567.8");
        assert_eq!(sig(108.611), "109");
        assert_eq!(sig(1.111), "1.11");
        assert_eq!(sig(0.0123), "0.0123");
    }
}
