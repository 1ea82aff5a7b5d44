//! The scaling-out recipe of the README, on one machine: a corpus split into shards, each
//! shard checked by tests/scaling/check_shard.sh (as Spark's RDD.pipe or a Ray/Dask map
//! would call it), the outputs concatenated: the same lines, in the same order, as one
//! run over the whole corpus. Once by hand, once as tasks of a Dask distributed
//! LocalCluster (tests/scaling/dask_shards.py; skipped, with a note on stderr, where Python
//! or Dask is missing, unless CLAIMCHECK_REQUIRE_DASK is set, as .ci/run sets it).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("claimcheck")
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/scaling")
        .join(name)
}

/// 90 one-sentence stories, a third of them contradicted, and after the 51st a record
/// without text.
fn corpus() -> String {
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
    corpus
}

/// The corpus in `dir`, whole and in shards of 25 records (the broken record in the third).
fn shards(dir: &Path, corpus: &str) -> (PathBuf, Vec<PathBuf>) {
    let whole = dir.join("corpus.jsonl");
    std::fs::write(&whole, corpus).unwrap_or_else(|e| panic!("{e}"));
    let lines: Vec<&str> = corpus.lines().collect();
    let shards: Vec<PathBuf> = lines
        .chunks(25)
        .enumerate()
        .map(|(k, chunk)| {
            let p = dir.join(format!("shard-{k:05}.jsonl"));
            std::fs::write(&p, chunk.join("\n") + "\n").unwrap_or_else(|e| panic!("{e}"));
            p
        })
        .collect();
    assert_eq!(shards.len(), 4);
    (whole, shards)
}

/// One run of check_shard.sh over the whole corpus.
fn whole_run(whole: &Path) -> String {
    let out = Command::new("sh")
        .arg(script("check_shard.sh"))
        .arg(whole)
        .env("CLAIMCHECK", binary())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Output lines, with the path of a skipped record (which names the file it was in)
/// replaced by "skipped"; everything else must be identical.
fn normalise(s: &str) -> Vec<String> {
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
}

#[test]
fn shards_checked_apart_give_the_whole_run() {
    let corpus = corpus();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (whole, shards) = shards(dir.path(), &corpus);
    let script = script("check_shard.sh");
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

    let whole_out = whole_run(&whole);
    let (a, b) = (normalise(&pieces), normalise(&whole_out));
    assert_eq!(a.len(), 91, "one line per record");
    assert_eq!(a, b);
    let contradicted = b.iter().filter(|l| l.contains("\"contradicted\"")).count();
    assert_eq!(contradicted, 30);
}

/// A Python with Dask's distributed scheduler: `CLAIMCHECK_PYTHON`, else python3. `Err`
/// says why there is none.
fn python_with_dask() -> Result<String, String> {
    let python = std::env::var("CLAIMCHECK_PYTHON").unwrap_or_else(|_| "python3".into());
    match Command::new(&python)
        .args(["-c", "import distributed, dask; print(dask.__version__)"])
        .output()
    {
        Err(e) => Err(format!("no {python} ({e})")),
        Ok(o) if !o.status.success() => Err(format!(
            "{python} has no Dask distributed (pip install 'dask[distributed]'): {}",
            String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("")
        )),
        Ok(_) => Ok(python),
    }
}

#[test]
fn shards_checked_on_a_dask_local_cluster_give_the_whole_run() {
    let python = match python_with_dask() {
        Ok(p) => p,
        Err(reason) => {
            assert!(
                std::env::var_os("CLAIMCHECK_REQUIRE_DASK").is_none(),
                "CLAIMCHECK_REQUIRE_DASK is set but {reason}"
            );
            // Straight to stderr, past the test harness's capture, so the skip is seen.
            let _ = writeln!(std::io::stderr(), "skipped the Dask scale-out test: {reason}");
            return;
        }
    };
    let corpus = corpus();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (whole, shards) = shards(dir.path(), &corpus);
    let merged = dir.path().join("merged.jsonl");
    let mut child = Command::new(&python)
        .arg(script("dask_shards.py"))
        .arg(&merged)
        .args(&shards)
        .env("CLAIMCHECK", binary())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let deadline = Instant::now() + Duration::from_secs(300);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(100)),
            _ => {
                let _ = child.kill();
                panic!("the Dask run did not finish in 5 minutes");
            }
        }
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
    }
    // The shard with the unreadable record is a failed task, named with its exit status.
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("LocalCluster with 2 worker processes"),
        "{stderr}"
    );
    assert!(
        stderr.contains("(shard-00002.jsonl) failed: exit status 2"),
        "{stderr}"
    );
    assert_eq!(stderr.matches(" failed: ").count(), 1, "{stderr}");
    let merged = std::fs::read_to_string(&merged).unwrap_or_else(|e| panic!("{e}"));
    let (a, b) = (normalise(&merged), normalise(&whole_run(&whole)));
    assert_eq!(a.len(), 91, "one line per record");
    assert_eq!(a, b);
}
