//! The fixed regular expressions the crate is written with, compiled in one place.

use regex::Regex;

/// Compile a pattern that is part of this crate's source (or built from its tables).
///
/// This is the one place the library may panic, and it cannot on any input: the pattern
/// is not input. Every pattern is compiled by the unit tests of the module that declares
/// it (the first use forces the `LazyLock`), so a broken pattern fails `cargo test` and
/// never reaches a user.
#[allow(clippy::expect_used)]
pub fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a built-in pattern compiles (checked by the test suite)")
}

/// A fixed pattern searched in ASCII text by its ASCII-only form, and in other text by
/// the pattern itself (compiled the first time such text comes).
///
/// On ASCII text the two agree: `\w`, `\s`, `\d`, `\b`, case folding and negated classes
/// of the Unicode form match no other ASCII characters than the ASCII form does, and the
/// ASCII form's automaton is a small fraction of the size, which matters most for
/// patterns searched backwards from the end of a window (each new state of the lazy DFA
/// is built over the whole Unicode class otherwise).
pub struct Dual {
    ascii: regex::bytes::Regex,
    pattern: &'static str,
    full: std::sync::OnceLock<Regex>,
}

impl Dual {
    /// Compile the ASCII form now; the Unicode form waits for non-ASCII text. The
    /// pattern must hold no non-ASCII characters itself.
    #[allow(clippy::expect_used)]
    pub fn new(pattern: &'static str) -> Dual {
        let ascii = regex::bytes::Regex::new(&format!("(?-u){pattern}"))
            .expect("a built-in pattern compiles in ASCII form (checked by the test suite)");
        Dual {
            ascii,
            pattern,
            full: std::sync::OnceLock::new(),
        }
    }

    /// True when the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        if text.is_ascii() {
            self.ascii.is_match(text.as_bytes())
        } else {
            self.full.get_or_init(|| compile(self.pattern)).is_match(text)
        }
    }

    /// The pattern, as written.
    pub fn as_str(&self) -> &'static str {
        self.pattern
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dual_forms_agree_on_ascii() {
        let p = r"(?i)(?-u:\b)(?:rais|cut)\w*(?-u:\b)[^.;:!?\d]{0,40}(?-u:\b)by\s+$";
        let d = Dual::new(p);
        let full = compile(p);
        for t in [
            "raised it by ",
            "Cut taxes BY\t",
            "cut by",
            "cut 5 by ",
            "kut by ",
            "raisé by ",
            "cut\u{a0}by\u{a0}",
        ] {
            assert_eq!(d.is_match(t), full.is_match(t), "{t}");
        }
    }
}
