//! The scaling-out recipe of the README, on one machine: a corpus split into shards, each
//! shard checked by tests/scaling/check_shard.sh (as Spark's RDD.pipe or a Ray/Dask map
//! would call it), the outputs concatenated: the same lines, in the same order, as one
//! run over the whole corpus.

use std::process::Command;

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("claimcheck")
}

#[test]
fn shards_checked_apart_give_the_whole_run() {
    let mut corpus = String::new();
    for i in 0..90 {
        let average = if i % 3 == 0 { 900 } else { 90 };
        corpus.push_str(&format!(
            "{{\"id\": \"story-{i}\", \"text\": \"About 40 inspectors made 3,600 visits, an average of {average} visits each.\"}}\n"
        ));
        if i == 50 {
            corpus.push_str("{\"id\": \"broken\", \"body\": \"no text field\"}\n");
        }
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let whole = dir.path().join("corpus.jsonl");
    std::fs::write(&whole, &corpus).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = corpus.lines().collect();
    let shards: Vec<std::path::PathBuf> = lines
        .chunks(25)
        .enumerate()
        .map(|(k, chunk)| {
            let p = dir.path().join(format!("shard-{k:05}.jsonl"));
            std::fs::write(&p, chunk.join("\n") + "\n").unwrap_or_else(|e| panic!("{e}"));
            p
        })
        .collect();
    assert_eq!(shards.len(), 4);

    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scaling/check_shard.sh");
    let mut pieces = String::new();
    for (k, shard) in shards.iter().enumerate() {
        // Half the shards as a file argument, half on stdin, as pipe-based engines do.
        let mut cmd = Command::new("sh");
        cmd.arg(&script)
            .env("CLAIMCHECK", binary())
            .env("CLAIMCHECK_JOBS", "2");
        let out = if k % 2 == 0 {
            cmd.arg(shard).output()
        } else {
            let file = std::fs::File::open(shard).unwrap_or_else(|e| panic!("{e}"));
            cmd.stdin(file).output()
        }
        .unwrap_or_else(|e| panic!("{e}"));
        let expected = if k == 2 { 2 } else { 0 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "shard {k}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        pieces.push_str(&String::from_utf8_lossy(&out.stdout));
    }

    let whole_run = Command::new("sh")
        .arg(&script)
        .arg(&whole)
        .env("CLAIMCHECK", binary())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let whole_out = String::from_utf8_lossy(&whole_run.stdout);
    // Paths of skipped records name the file they were in; everything else is identical.
    let normalise = |s: &str| -> Vec<String> {
        s.lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
                if v["error"].is_string() {
                    "skipped".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect()
    };
    let (a, b) = (normalise(&pieces), normalise(&whole_out));
    assert_eq!(a.len(), 91, "one line per record");
    assert_eq!(a, b);
    let contradicted = b.iter().filter(|l| l.contains("\"contradicted\"")).count();
    assert_eq!(contradicted, 30);
}
