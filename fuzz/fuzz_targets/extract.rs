//! Any bytes, decoded as an article, go through extraction, every rule and every report.
#![no_main]

use claimcheck::report::{Checked, Show, html, human, json, markdown};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = claimcheck::check(&text);
    for c in &report.claims {
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
    }
    let docs = [Checked { path: "fuzz", report: &report }];
    let show = Show { consistent: true, unverifiable: true };
    let _ = json::render(&docs, true);
    let _ = human::render(&docs, show, false);
    let _ = markdown::render(&docs, show);
    let _ = html::render(&docs, show);
});
