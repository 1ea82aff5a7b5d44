//! HTML and Markdown articles of any bytes: conversion, checking and every span mapped
//! back into the file (on character boundaries, inside the file, start before end).
#![no_main]

use claimcheck::markup::Format;
use claimcheck::rules::{BUILTIN, Settings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    for format in [Format::Html, Format::Markdown] {
        let report = claimcheck::check_source(&source, format, BUILTIN, &Settings::default());
        for c in &report.claims {
            assert!(c.span.start <= c.span.end && c.span.end <= source.len(), "{c:?}");
            assert!(source.is_char_boundary(c.span.start) && source.is_char_boundary(c.span.end));
            assert!(c.span.line >= 1 && c.span.column >= 1);
        }
    }
});
