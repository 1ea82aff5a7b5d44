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
