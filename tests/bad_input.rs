//! Inputs that try to break the tool: each gets a report or a one-line error with exit
//! status 2 — never a panic, never a hang.

use assert_cmd::Command;
use std::time::Duration;

fn claimcheck() -> Command {
    let mut c = Command::cargo_bin("claimcheck").unwrap_or_else(|e| panic!("binary not built: {e}"));
    c.env("NO_COLOR", "1").timeout(Duration::from_secs(120));
    c
}

/// Run `check --format json` on stdin; the output must be one JSON object and the exit 0 or 1.
fn survives(input: Vec<u8>) -> serde_json::Value {
    let out = claimcheck()
        .args(["check", "--no-user-rules", "--format", "json", "-"])
        .write_stdin(input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "exit {:?}: {stderr}",
        out.status.code()
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stderr}"))
}

fn claims(v: &serde_json::Value) -> usize {
    // How many claims the one document has.
    v["documents"][0]["claims"].as_array().map_or(0, Vec::len)
}

#[test]
fn empty_and_blank_inputs() {
    assert_eq!(claims(&survives(Vec::new())), 0);
    assert_eq!(claims(&survives(b" \n\t\r\n   \n".to_vec())), 0);
}

#[test]
fn a_single_1_mb_line_dense_with_figures() {
    // Far longer than any article, with no sentence end and a figure every 25 bytes: the
    // relation layer reads bounded windows and resolves bounded chunks of claims, so this
    // takes seconds and a few hundred MB (see the README's Performance section).
    let sentence =
        "The agency said revenue rose 12% to $4.2 billion while 7,400 officers handled 1.2 million cases; ";
    let input = sentence.repeat(1_000_000 / sentence.len()).into_bytes();
    // The summary, not the 40,000 claims, is what is read back.
    let out = claimcheck()
        .args(["check", "--no-user-rules", "--format", "markdown", "-"])
        .write_stdin(input)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("## -"));
}

#[test]
fn absurd_numbers() {
    let text = format!(
        "The total was {} cases, or 1e400, or 999 trillion trillion dollars, or -0, or 0.000000000000000000001%.",
        "9".repeat(10_000)
    );
    let v = survives(text.into_bytes());
    // Every value printed is a number or null: no NaN or infinity leaks into the JSON.
    for c in v["documents"][0]["claims"].as_array().into_iter().flatten() {
        for k in ["nominal", "low", "high"] {
            assert!(c["value"][k].is_number() || c["value"][k].is_null(), "{c}");
        }
    }
}

#[test]
fn nesting_spaces_dashes_rtl_and_nul() {
    let nested = format!("{}12 cases{}", "(".repeat(20_000), ")".repeat(20_000));
    survives(nested.into_bytes());
    let spaces = "7\u{a0}400\u{2009}000\u{202f}cases \u{2000}\u{2001}\u{2002}\u{2003}\u{3000}12\u{200b}000 \u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}\u{2212}5 up \u{fe63}3 \u{ff0d}4";
    survives(spaces.as_bytes().to_vec());
    let rtl = "\u{202e}ارتفعت الإيرادات 12% إلى 4.2 مليار دولار\u{202c} and 300 שקלים, then 7,000 cases.";
    survives(rtl.as_bytes().to_vec());
    // NUL bytes mark standard input as binary, as they do a file: no article, exit 2.
    binary_on_stdin(b"12 cases\0\0 and 7,000\0 officers\x00".to_vec());
}

/// Standard input with NUL bytes is an input error naming "-" and why, in every format.
fn binary_on_stdin(input: Vec<u8>) {
    for format in ["human", "json", "jsonl"] {
        let out = claimcheck()
            .args(["check", "--no-user-rules", "--format", format, "-"])
            .write_stdin(input.clone())
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format}: {stderr}");
        assert!(stderr.contains("-: looks binary"), "{format}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let out = claimcheck()
        .args(["check", "--no-user-rules", "-"])
        .write_stdin(vec![
            b'1', b'2', 0xff, 0xfe, b' ', b'c', b'a', b's', b'e', b's', 0xc3,
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
}

fn one_line_error(args: &[&str]) -> String {
    let out = claimcheck().args(args).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"));
    err
}

#[test]
fn files_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path().display().to_string();
    assert!(one_line_error(&["check", &format!("{d}/missing.txt")]).contains("no such file"));
    assert!(one_line_error(&["check", &d]).contains("directory holds no articles"));
    #[cfg(unix)]
    {
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        let _ = std::os::unix::fs::symlink(&b, &a);
        let _ = std::os::unix::fs::symlink(&a, &b);
        assert!(one_line_error(&["check", &a.display().to_string()]).contains("a.txt"));
        // Without read permission (root reads anyway: then it is simply checked).
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked.txt");
        std::fs::write(&locked, "12 cases").unwrap_or_else(|e| panic!("{e}"));
        let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000));
        let out = claimcheck()
            .args(["check", &locked.display().to_string()])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        match out.status.code() {
            Some(2) => assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read")),
            code => assert_eq!(code, Some(0), "root may read it; anything else is wrong"),
        }
    }
}

#[test]
fn binary_garbage() {
    let mut bytes = Vec::new();
    let mut x: u32 = 2_463_534_242;
    for _ in 0..200_000 {
        // xorshift: deterministic noise
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes.push((x & 0xff) as u8);
    }
    binary_on_stdin(bytes.clone());
    // The same noise without its NUL bytes is read as text, and gets a report.
    let text: Vec<u8> = bytes.into_iter().map(|b| b.max(1)).collect();
    survives(text);
}
