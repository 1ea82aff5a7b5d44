//! Any text as a rule file: an error or rules, never a panic; compiled rules run on it too.
#![no_main]

use claimcheck::claims_lang::parse_file;
use claimcheck::rules::Rule;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match parse_file("fuzz.toml", &text) {
        Ok(rules) => {
            let dyn_rules: Vec<&dyn Rule> = rules.iter().map(|r| r as &dyn Rule).collect();
            let _ = claimcheck::check_with(&text, &dyn_rules);
        }
        Err(e) => {
            let _ = e.render(false);
        }
    }
    let _ = claimcheck::claims_lang::expr::parse_relation(&text);
});
