//! Units of measurement written against the digits: "256GB", "50mph", "5.5kWh", "1.5mm",
//! "5G", "164p", "1.38pc". A figure glued to one of these is a quantity with that unit; a
//! figure glued to anything else ("3D", "H1N1") is a label and not read.

use crate::claim::Kind;

/// One unit that may touch the digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GluedUnit {
    /// As written.
    pub symbol: &'static str,
    /// The unit recorded on the claim.
    pub unit: &'static str,
    /// The claim's kind with this unit.
    pub kind: Kind,
    /// Multiplier to apply to the figure (pence stay pence: 1).
    pub factor: f64,
}

const fn u(symbol: &'static str, unit: &'static str) -> GluedUnit {
    GluedUnit {
        symbol,
        unit,
        kind: Kind::Count,
        factor: 1.0,
    }
}

/// Units, longest symbols first so that "kWh" wins over "kW".
const UNITS: &[GluedUnit] = &[
    u("km/h", "km/h"),
    u("Mbps", "Mbps"),
    u("Gbps", "Gbps"),
    u("kbps", "kbps"),
    u("kWh", "kWh"),
    u("MWh", "MWh"),
    u("GWh", "GWh"),
    u("mAh", "mAh"),
    u("kHz", "kHz"),
    u("MHz", "MHz"),
    u("GHz", "GHz"),
    u("Ghz", "GHz"),
    u("mph", "mph"),
    u("kph", "kph"),
    u("bhp", "bhp"),
    u("lbs", "lb"),
    u("mins", "min"),
    u("min", "min"),
    u("sec", "s"),
    u("hrs", "h"),
    u("kW", "kW"),
    u("MW", "MW"),
    u("GW", "GW"),
    u("kV", "kV"),
    u("Hz", "Hz"),
    u("MB", "MB"),
    u("GB", "GB"),
    u("TB", "TB"),
    u("KB", "kB"),
    u("kB", "kB"),
    u("PB", "PB"),
    u("mm", "mm"),
    u("cm", "cm"),
    u("km", "km"),
    u("kg", "kg"),
    u("mg", "mg"),
    u("lb", "lb"),
    u("oz", "oz"),
    u("ml", "ml"),
    u("mL", "ml"),
    u("hp", "hp"),
    u("Nm", "Nm"),
    u("ft", "ft"),
    u("hr", "h"),
    u("yr", "year"),
    GluedUnit {
        symbol: "pc",
        unit: "percent",
        kind: Kind::Percent,
        factor: 1.0,
    },
    GluedUnit {
        symbol: "p",
        unit: "penny",
        kind: Kind::Money,
        factor: 1.0,
    },
    u("g", "g"),
    u("l", "l"),
    u("L", "l"),
    u("W", "W"),
    u("V", "V"),
    u("G", "G"),
    u("m", "m"),
    u("s", "s"),
    u("h", "h"),
    u("t", "t"),
];

/// The unit glued to the text at the start of `after`, and its length in bytes, when it is
/// a whole unit ("GB" in "256GB data", not "G" in "3Ghost").
pub fn glued_unit(after: &str) -> Option<(GluedUnit, usize)> {
    UNITS.iter().find_map(|unit| {
        let rest = after.strip_prefix(unit.symbol)?;
        let clean_end = rest
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        clean_end.then_some((*unit, unit.symbol.len()))
    })
}

/// True when `word`, written apart from the digits ("84 mm", "40 kg"), is a unit of
/// measurement: a whole symbol of two letters or more that measures a count, so that the
/// words after it are no counted noun ("84 mm set in 2011").
pub fn spaced_unit(word: &str) -> bool {
    word.len() >= 2
        && UNITS
            .iter()
            .any(|u| u.symbol == word && u.kind == Kind::Count && u.factor == 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_units_are_whole_symbols() {
        assert!(spaced_unit("mm"));
        assert!(spaced_unit("kg"));
        assert!(!spaced_unit("t"));
        assert!(!spaced_unit("mmm"));
        assert!(!spaced_unit("set"));
    }

    #[test]
    fn longest_unit_wins_and_must_end_cleanly() {
        assert_eq!(
            glued_unit("kWh lithium").map(|(u, n)| (u.unit, n)),
            Some(("kWh", 3))
        );
        assert_eq!(
            glued_unit("GB of data").map(|(u, n)| (u.unit, n)),
            Some(("GB", 2))
        );
        assert_eq!(
            glued_unit("pc discount").map(|(u, _)| u.kind),
            Some(Kind::Percent)
        );
        assert_eq!(glued_unit("km/h in").map(|(u, _)| u.unit), Some("km/h"));
        assert_eq!(glued_unit("D printer"), None);
        assert_eq!(glued_unit("Ghost"), None);
    }
}
