//! How busy a block is: its utilization ρ in levels, with the thresholds the
//! rules, the SVG export and the canvas share, and the canvas's colour ramp.

/// ρ from which a block runs hot (the `hot-spot` rule, amber on the canvas).
pub const HOT: f64 = 0.7;
/// ρ from which a block's queue grows without bound (`overloaded`, red).
pub const SATURATED: f64 = 1.0;

/// A utilization's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heat {
    /// No utilization (no capacity given, or load undefined): no colour.
    Unknown,
    /// ρ < `HOT`.
    Cool,
    /// `HOT` ≤ ρ < `SATURATED`: amber (hot spot).
    Hot,
    /// ρ ≥ `SATURATED`: red, hatched, with a warning mark.
    Saturated,
}

impl Heat {
    /// The level of a utilization (`None`: unknown).
    pub fn of(rho: Option<f64>) -> Heat {
        match rho {
            None => Heat::Unknown,
            Some(u) if u >= SATURATED => Heat::Saturated,
            Some(u) if u >= HOT => Heat::Hot,
            Some(_) => Heat::Cool,
        }
    }
}

/// The fill colour for a utilization: cool blue-green, amber at `HOT`, red at
/// `SATURATED`.
pub fn heat_colour(rho: f64) -> String {
    let (h, s, l) = if rho < HOT {
        let t = (rho / HOT).clamp(0.0, 1.0);
        (170.0 - 130.0 * t, 55.0 + 30.0 * t, 48.0)
    } else {
        let t = ((rho - HOT) / (SATURATED - HOT)).clamp(0.0, 1.0);
        (40.0 - 38.0 * t, 85.0, 48.0 - 4.0 * t)
    };
    format!("hsl({h:.0} {s:.0}% {l:.0}%)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::eval::rules::Rule;

    #[test]
    fn the_hot_spot_rule_names_the_threshold() {
        assert!(Rule::HotSpot.info().title.contains(&HOT.to_string()));
        assert_eq!(Heat::of(Some(0.69)), Heat::Cool);
        assert_eq!(heat_colour(SATURATED), "hsl(2 85% 44%)");
    }
}
