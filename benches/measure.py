"""Reproduce the README's Performance numbers for the command line.

A synthetic corpus (benches/gen_corpus.rs, 100 MB by default) is checked as JSON Lines
with one and with two workers, best of three runs each: throughput, parallel efficiency,
CPU time and peak memory (maximum resident set size of the process).

    python3 benches/measure.py [MEGABYTES]

The library's single-core throughput against the digit-run floor is `cargo bench`.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

mb = int(sys.argv[1]) if len(sys.argv) > 1 else 100
corpus = os.path.join(tempfile.gettempdir(), f"claimcheck-corpus-{mb}.jsonl")
subprocess.run(["cargo", "build", "--release", "--quiet"], check=True)
if not os.path.exists(corpus) or os.path.getsize(corpus) == 0:
    with open(corpus, "w") as out:
        subprocess.run(
            ["cargo", "run", "--release", "--quiet", "--example", "gen_corpus", "--", str(mb)],
            stdout=out,
            check=True,
        )
text_bytes = sum(len(json.loads(line)["text"].encode()) for line in open(corpus))


def run(jobs):
    """Wall seconds, user+system CPU seconds and peak RSS (KiB) of one run."""
    cmd = [
        "target/release/claimcheck", "check", "--no-config", "--no-user-rules",
        "--format", "jsonl", "--jobs", str(jobs), corpus,
    ]
    pid_start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - pid_start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"claimcheck failed: {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def best(jobs):
    runs = [run(jobs) for _ in range(3)]
    wall, cpu, _ = min(runs)
    return wall, cpu, max(r[2] for r in runs)


mbytes = text_bytes / 1e6
one = best(1)
two = best(2)
print(f"corpus: {mbytes:.1f} MB of article text ({corpus})")
for name, (wall, cpu, rss) in (("1 worker ", one), ("2 workers", two)):
    print(f"{name}: {wall:.2f} s  {mbytes / wall:.1f} MB/s  cpu {cpu:.2f} s  peak {rss / 1024:.0f} MiB")
print(f"parallel efficiency on 2 cores: {one[0] / (2 * two[0]) * 100:.0f}%")
