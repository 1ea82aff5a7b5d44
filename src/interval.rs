//! Interval values and their arithmetic.
//!
//! Every figure in an article is an interval, because articles round and hedge
//! ("7.4 million" is anything from 7,350,000 to 7,450,000; "about 6,000" is
//! 5,500–6,500). This module owns three things, each defined once:
//!
//! * [`rounding_unit`]: the precision a printed figure implies (its last non-zero digit);
//! * [`HEDGE_TABLE`]: how each hedge widens a figure into an interval;
//! * [`Interval`] arithmetic (+ − × ÷) and [`verdict`], which compares a derived
//!   interval with a stated one.

use serde::{Deserialize, Serialize};

/// A closed or half-open interval of real numbers, with the value as printed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// The figure as printed (or, for a derived value, computed from the figures as printed).
    pub nominal: f64,
    /// Lowest value the rounding and hedge allow.
    pub low: f64,
    /// Highest value the rounding and hedge allow.
    pub high: f64,
    /// True when `low` itself is excluded ("more than 7 million").
    #[serde(default, skip_serializing_if = "is_false")]
    pub low_open: bool,
    /// True when `high` itself is excluded ("just under 3.7 million").
    #[serde(default, skip_serializing_if = "is_false")]
    pub high_open: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How a figure is hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// Printed without a hedge; only its rounding widens it.
    Exact,
    /// "about", "around", "roughly", "an estimated", "close to", "some".
    Approx,
    /// "more than", "over", "at least", "upwards of", "just over".
    LowerBound,
    /// "fewer than", "under", "up to", "nearly", "almost", "just under".
    UpperBound,
    /// "between 300 and 400", "300-400".
    Range,
}

/// The strength of a hedge word within its family: "just over" is tighter than "more than".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeReach {
    /// One rounding unit away ("more than 7 million" reaches to 8 million).
    Full,
    /// Half a rounding unit away ("just under 3.7 million" starts at 3.65 million).
    Close,
    /// The bound itself is included ("at least", "up to", "no more than").
    Inclusive,
}

/// One row of [`HEDGE_TABLE`].
#[derive(Debug, Clone, Copy)]
pub struct HedgeWidth {
    /// The hedge family.
    pub hedge: Hedge,
    /// How far the interval reaches from the printed figure.
    pub reach: HedgeReach,
    /// What the row means, for documentation and `--explain` output.
    pub meaning: &'static str,
}

/// Relative half-width of an approximate figure when that is wider than its rounding:
/// "about 460,000" is 446,200–473,800 (±3%), "about 6,000" stays 5,500–6,500.
pub const APPROX_RELATIVE: f64 = 0.03;

/// The one table of hedge widths. `u` is the figure's rounding unit (1,000 for "6,000",
/// 100,000 for "7.4 million"), `h = u / 2`, `N` the printed figure.
///
/// | hedge        | reach     | low              | high            | example |
/// |--------------|-----------|------------------|-----------------|---------|
/// | exact        | —         | N − h            | N + h           | 7.4 million → 7.35M–7.45M |
/// | approx       | —         | N − max(h, 3%N)  | N + max(h, 3%N) | about 6,000 → 5,500–6,500 |
/// | lower_bound  | full      | N (open)         | N + u           | more than 7 million → 7M–8M |
/// | lower_bound  | close     | N (open)         | N + h           | just over 2,000 → 2,000–2,500 |
/// | lower_bound  | inclusive | N                | N + u           | at least 20,000 → 20,000–30,000 |
/// | upper_bound  | full      | N − u            | N (open)        | nearly 1.9 million → 1.8M–1.9M |
/// | upper_bound  | close     | N − h            | N (open)        | just under 3.7 million → 3.65M–3.7M |
/// | upper_bound  | inclusive | N − u            | N               | up to 400 → 300–400 |
/// | range        | —         | A                | B               | between 300 and 400 → 300–400 |
pub const HEDGE_TABLE: &[HedgeWidth] = &[
    HedgeWidth {
        hedge: Hedge::Exact,
        reach: HedgeReach::Full,
        meaning: "rounded to its last non-zero digit",
    },
    HedgeWidth {
        hedge: Hedge::Approx,
        reach: HedgeReach::Full,
        meaning: "± half a rounding unit or ±3%, whichever is wider",
    },
    HedgeWidth {
        hedge: Hedge::LowerBound,
        reach: HedgeReach::Full,
        meaning: "above the figure, up to the next rounding step",
    },
    HedgeWidth {
        hedge: Hedge::LowerBound,
        reach: HedgeReach::Close,
        meaning: "just above the figure, within half a rounding unit",
    },
    HedgeWidth {
        hedge: Hedge::LowerBound,
        reach: HedgeReach::Inclusive,
        meaning: "the figure or above, up to the next rounding step",
    },
    HedgeWidth {
        hedge: Hedge::UpperBound,
        reach: HedgeReach::Full,
        meaning: "below the figure, down to the previous rounding step",
    },
    HedgeWidth {
        hedge: Hedge::UpperBound,
        reach: HedgeReach::Close,
        meaning: "just below the figure, within half a rounding unit",
    },
    HedgeWidth {
        hedge: Hedge::UpperBound,
        reach: HedgeReach::Inclusive,
        meaning: "the figure or below, down to the previous rounding step",
    },
    HedgeWidth {
        hedge: Hedge::Range,
        reach: HedgeReach::Full,
        meaning: "from the first figure to the second, as printed",
    },
];

/// The rounding unit a printed figure implies: the place value of its last non-zero
/// digit, scaled. `digits` is the numeral as printed without separators ("7.4", "6000",
/// "1273885"), `scale` the multiplier of a scale word ("million" → 1e6).
///
/// "7.4" × 1e6 → 100,000; "6000" → 1,000; "1273885" → 1; "0" → 1 × scale.
pub fn rounding_unit(digits: &str, scale: f64) -> f64 {
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, f),
        None => (digits, ""),
    };
    let frac_trimmed = frac_part.trim_end_matches('0');
    let unit = if !frac_trimmed.is_empty() {
        10f64.powi(-(frac_trimmed.len() as i32))
    } else {
        let int_digits: String = int_part.chars().filter(|c| c.is_ascii_digit()).collect();
        let trailing_zeros = int_digits.len() - int_digits.trim_end_matches('0').len();
        if int_digits.trim_end_matches('0').is_empty() {
            1.0
        } else {
            10f64.powi(trailing_zeros as i32)
        }
    };
    unit * scale
}

impl Value {
    /// A value known exactly.
    pub fn point(x: f64) -> Self {
        Value {
            nominal: x,
            low: x,
            high: x,
            low_open: false,
            high_open: false,
        }
    }

    /// A value with explicit closed bounds.
    pub fn new(nominal: f64, low: f64, high: f64) -> Self {
        Value {
            nominal,
            low,
            high,
            low_open: false,
            high_open: false,
        }
    }

    /// Widen a printed figure `n` with rounding unit `unit` by a hedge, per [`HEDGE_TABLE`].
    pub fn hedged(n: f64, unit: f64, hedge: Hedge, reach: HedgeReach) -> Self {
        let h = unit / 2.0;
        match (hedge, reach) {
            (Hedge::Exact, _) | (Hedge::Range, _) => Value::new(n, n - h, n + h),
            (Hedge::Approx, _) => {
                let w = h.max(APPROX_RELATIVE * n.abs());
                Value::new(n, n - w, n + w)
            }
            (Hedge::LowerBound, HedgeReach::Full) => Value {
                low_open: true,
                ..Value::new(n, n, n + unit)
            },
            (Hedge::LowerBound, HedgeReach::Close) => Value {
                low_open: true,
                ..Value::new(n, n, n + h)
            },
            (Hedge::LowerBound, HedgeReach::Inclusive) => Value::new(n, n, n + unit),
            (Hedge::UpperBound, HedgeReach::Full) => Value {
                high_open: true,
                ..Value::new(n, n - unit, n)
            },
            (Hedge::UpperBound, HedgeReach::Close) => Value {
                high_open: true,
                ..Value::new(n, n - h, n)
            },
            (Hedge::UpperBound, HedgeReach::Inclusive) => Value::new(n, n - unit, n),
        }
    }

    /// True when every bound is a finite number.
    pub fn is_finite(&self) -> bool {
        self.nominal.is_finite() && self.low.is_finite() && self.high.is_finite()
    }

    /// The sum of two values.
    pub fn plus(self, o: Value) -> Value {
        Value::new(self.nominal + o.nominal, self.low + o.low, self.high + o.high)
    }

    /// The difference of two values.
    pub fn minus(self, o: Value) -> Value {
        Value::new(self.nominal - o.nominal, self.low - o.high, self.high - o.low)
    }

    /// The product of two values.
    pub fn times(self, o: Value) -> Value {
        let c = [
            self.low * o.low,
            self.low * o.high,
            self.high * o.low,
            self.high * o.high,
        ];
        Value::new(self.nominal * o.nominal, min4(c), max4(c))
    }

    /// The quotient, or `None` when the divisor's interval touches zero.
    pub fn checked_div(self, o: Value) -> Option<Value> {
        if o.low <= 0.0 && o.high >= 0.0 || o.nominal == 0.0 {
            return None;
        }
        let c = [
            self.low / o.low,
            self.low / o.high,
            self.high / o.low,
            self.high / o.high,
        ];
        let v = Value::new(self.nominal / o.nominal, min4(c), max4(c));
        v.is_finite().then_some(v)
    }

    /// Scale every bound by a constant.
    pub fn scale(self, k: f64) -> Value {
        let (a, b) = (self.low * k, self.high * k);
        Value::new(self.nominal * k, a.min(b), a.max(b))
    }

    /// Does `x` lie inside, honouring open ends?
    pub fn contains(&self, x: f64) -> bool {
        let above = if self.low_open {
            x > self.low
        } else {
            x >= self.low
        };
        let below = if self.high_open {
            x < self.high
        } else {
            x <= self.high
        };
        above && below
    }

    /// Do the two intervals share a point (closed-interval view)?
    pub fn overlaps(&self, o: &Value) -> bool {
        self.low <= o.high && o.low <= self.high
    }

    /// Widen symmetrically by a relative tolerance (0.1 = ±10% of the nominal value).
    pub fn widen(self, tolerance: f64) -> Value {
        if tolerance <= 0.0 {
            return self;
        }
        let w = tolerance * self.nominal.abs();
        Value {
            low: self.low - w,
            high: self.high + w,
            ..self
        }
    }
}

fn min4(c: [f64; 4]) -> f64 {
    c.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max4(c: [f64; 4]) -> f64 {
    c.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// The outcome of comparing a stated figure with one derived from other figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The derived value, as printed, falls inside the stated interval.
    Consistent,
    /// It does not, but rounding and hedges could explain the gap, or the claim holds
    /// only at the edge of its hedge.
    Borderline,
    /// No reading of the figures' rounding and hedges reconciles them.
    Contradicted,
    /// A needed input is missing.
    Unverifiable,
}

impl Verdict {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Borderline => "borderline",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverifiable => "unverifiable",
        }
    }
}

/// Relative slack used when comparing floating-point results with interval ends, so that
/// 7.4 ÷ 3.7 = 2.0000000000000004 still counts as "exactly 2".
pub const FLOAT_SLACK: f64 = 1e-9;

/// Compare a stated value with a derived one (see DESIGN.md, "Values are intervals"):
///
/// * consistent: the derived nominal lies strictly inside the stated interval
///   (widened by `tolerance`, a fraction of the stated value);
/// * borderline: it lies exactly on an open end of the stated interval (the claim
///   holds only at the edge of its hedge), or outside it while the intervals overlap;
/// * contradicted: the intervals do not overlap at all.
pub fn verdict(stated: &Value, derived: &Value, tolerance: f64) -> Verdict {
    // An overflow (1e300 × 1e300) or a NaN never decides anything.
    if !stated.is_finite() || !derived.is_finite() || !tolerance.is_finite() {
        return Verdict::Unverifiable;
    }
    let s = stated.widen(tolerance);
    let x = derived.nominal;
    let eps = FLOAT_SLACK * x.abs().max(1.0);
    let on_open_low = s.low_open && (x - s.low).abs() <= eps;
    let on_open_high = s.high_open && (x - s.high).abs() <= eps;
    if on_open_low || on_open_high {
        return Verdict::Borderline;
    }
    let inside = Value {
        low: s.low - eps,
        high: s.high + eps,
        ..s
    }
    .contains(x);
    if inside {
        Verdict::Consistent
    } else if s.overlaps(derived) {
        Verdict::Borderline
    } else {
        Verdict::Contradicted
    }
}

#[cfg(test)]
mod tests;
