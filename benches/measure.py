"""Measure the command line: throughput with one and two workers, CPU time and peak memory
(maximum resident set size of the process), best of --runs runs, on every benchmark input.

    python3 benches/measure.py                      # every input but the two big ones
    python3 benches/measure.py --only dev,one-line  # some inputs
    python3 benches/measure.py --big                # also the memory targets (1M figures, 64 MiB article)
    python3 benches/measure.py --floor              # criterion's check ÷ floor per group (run cargo bench first)

Inputs, written by `cargo run --release --example gen_corpus` (benches/gen_corpus.rs,
benches/inputs.rs) into a temporary directory, from the files under ../shared (or
CLAIMCHECK_SHARED), never from text kept in the repository:

    synthetic    the synthetic corpus (benches/corpus.rs), --synthetic-mb MiB of JSON Lines
    dev          the development articles (../shared/eval/cases/*.txt) repeated to --dev-mb MiB, JSON Lines
    seed-x400    the seed article (../shared/seed/*.txt) x400 as one document
    one-line     the development articles on one line: 0.25, 0.5, 1 and 2 MiB
    layout       4,000 of their sentences one per line, and the same as one paragraph on one line
    list         (--big) 1,000,000 figures, two per line ("- Item 123: 4,567 units"), --format json
    article      (--big) the development articles repeated to one 64 MiB article, --format json

Corpora are checked with --format jsonl, single documents with --format json. An input that
needs ../shared is skipped, with the reason, when it is missing. --limit-gib caps each run's
memory (RLIMIT_DATA, default 12), so that a big input cannot exhaust a shared machine: a run
over the cap is reported as such.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "claimcheck")
GEN = os.path.join(ROOT, "target", "release", "examples", "gen_corpus")


def parse():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=3, help="runs per measure; the best is kept")
    p.add_argument("--only", default="", help="comma-separated input names")
    p.add_argument("--big", action="store_true", help="also the 1M-figure list and the 64 MiB article")
    p.add_argument("--synthetic-mb", type=float, default=100)
    p.add_argument("--dev-mb", type=float, default=30)
    p.add_argument("--limit-gib", type=float, default=12)
    p.add_argument("--floor", action="store_true", help="print criterion's check/floor ratios and stop")
    p.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "claimcheck-bench"))
    return p.parse_args()


def floor_ratios():
    """check ÷ floor and MiB/s of every criterion group that has both."""
    base = os.path.join(ROOT, "target", "criterion")
    if not os.path.isdir(base):
        sys.exit(f"no criterion results in {base}: run `cargo bench --bench throughput` first")

    def mean_ns(path):
        try:
            with open(os.path.join(path, "new", "estimates.json")) as f:
                return json.load(f)["mean"]["point_estimate"]
        except OSError:
            return None

    def bytes_of(path):
        try:
            with open(os.path.join(path, "new", "benchmark.json")) as f:
                return json.load(f)["throughput"]["Bytes"]
        except (OSError, KeyError, TypeError):
            return None

    groups = []
    for dirpath, dirnames, _ in os.walk(base):
        if "floor" in dirnames and "check" in dirnames:
            groups.append(dirpath)
    print(f"{'group':28} {'floor MiB/s':>12} {'extract MiB/s':>14} {'check MiB/s':>12} {'check/floor':>12}")
    for g in sorted(groups):
        name = os.path.relpath(g, base)
        floor, check = mean_ns(os.path.join(g, "floor")), mean_ns(os.path.join(g, "check"))
        extract = mean_ns(os.path.join(g, "extract"))
        size = bytes_of(os.path.join(g, "check"))
        if not floor or not check or not size:
            continue
        rate = lambda ns: size / (ns / 1e9) / 1048576 if ns else float("nan")
        print(f"{name:28} {rate(floor):12.1f} {rate(extract):14.2f} {rate(check):12.2f} {check / floor:11.0f}x")


def generate(args, name, size, kind, suffix):
    """Write one input with gen_corpus; None (and the reason printed) when it cannot be made."""
    path = os.path.join(args.dir, f"{name}{suffix}")
    if os.path.exists(path) and os.path.getsize(path) > 0:
        return path
    with open(path + ".part", "w") as out:
        r = subprocess.run([GEN, str(size), "--kind", kind], stdout=out, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        os.remove(path + ".part")
        print(f"{name}: skipped: {r.stderr.strip()}")
        return None
    os.replace(path + ".part", path)
    return path


def text_bytes(path):
    if path.endswith(".jsonl"):
        return sum(len(json.loads(line)["text"].encode()) for line in open(path))
    return os.path.getsize(path)


def run(args, path, jobs):
    """Wall seconds, user+system CPU seconds and peak RSS (KiB) of one run, or None over the cap."""
    fmt = "jsonl" if path.endswith(".jsonl") else "json"
    cmd = [BIN, "check", "--no-config", "--no-user-rules", "--format", fmt, "--jobs", str(jobs), path]
    limit = int(args.limit_gib * (1 << 30))

    def cap():
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=cap)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        err = proc.stderr.read().decode(errors="replace").strip()
        proc.stderr.close()
        print(f"  {os.path.basename(path)}, {jobs} worker(s): exit {code} (over {args.limit_gib:g} GiB?) {err[-200:]}")
        return None
    proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def best(args, path, jobs):
    runs = [run(args, path, jobs) for _ in range(args.runs)]
    if any(r is None for r in runs):
        return None
    wall, cpu, _ = min(runs)
    return wall, cpu, max(r[2] for r in runs)


def main():
    args = parse()
    if args.floor:
        floor_ratios()
        return
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "claimcheck", "--example", "gen_corpus"],
                   cwd=ROOT, check=True)
    os.makedirs(args.dir, exist_ok=True)
    inputs = [
        ("synthetic", lambda: synthetic(args)),
        ("dev", lambda: [generate(args, f"dev-{args.dev_mb:g}", args.dev_mb, "dev-jsonl", ".jsonl")]),
        ("seed-x400", lambda: [generate(args, "seed-x400", 400, "seed", ".txt")]),
        ("one-line", lambda: [generate(args, f"one-line-{s}", s, "one-line", ".txt") for s in ("0.25", "0.5", "1", "2")]),
        ("layout", lambda: [generate(args, f"layout-{k}", 4000, k, ".txt") for k in ("lines", "paragraph")]),
    ]
    if args.big:
        inputs += [
            ("list", lambda: [generate(args, "list-1000000", 1000000, "list", ".txt")]),
            ("article", lambda: [generate(args, "article-64", 64, "multi-line", ".txt")]),
        ]
    only = {n for n in args.only.split(",") if n}
    load = os.getloadavg()
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'input':24} {'MB':>7} {'workers':>7} {'wall s':>8} {'MB/s':>7} {'cpu s':>8} {'peak MiB':>9}")
    for name, make in inputs:
        if only and name not in only:
            continue
        for path in make():
            if path is None:
                continue
            mb = text_bytes(path) / 1e6
            results = {}
            for jobs in (1, 2):
                r = best(args, path, jobs)
                if r is None:
                    continue
                results[jobs] = r
                wall, cpu, rss = r
                label = os.path.splitext(os.path.basename(path))[0]
                print(f"{label:24} {mb:7.2f} {jobs:7} {wall:8.2f} {mb / wall:7.2f} {cpu:8.2f} {rss / 1024:9.0f}", flush=True)
            if 1 in results and 2 in results:
                print(f"{'':24} parallel efficiency on 2 cores: {results[1][0] / (2 * results[2][0]) * 100:.0f}%")
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def synthetic(args):
    path = os.path.join(args.dir, f"synthetic-{args.synthetic_mb:g}.jsonl")
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        with open(path + ".part", "w") as out:
            subprocess.run([GEN, str(args.synthetic_mb)], stdout=out, stderr=subprocess.DEVNULL, check=True)
        os.replace(path + ".part", path)
    return [path]


if __name__ == "__main__":
    main()
