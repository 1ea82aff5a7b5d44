//! Any bytes as a review file: read (or refused) without a panic, and a review read back
//! applies to a report.
#![no_main]

use claimcheck::review::ReviewFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(file) = serde_json::from_str::<ReviewFile>(&text) {
        let mut report = claimcheck::check("The backlog reached 7.4 million cases; 6,000 officers each handle an average of 7,000 cases.");
        report.apply_review(&file);
        let _ = report.dismissed(0);
    }
});
