"""The README's scale-out recipe on a real engine: JSON Lines shards checked by
check_shard.sh as tasks of a Dask distributed LocalCluster, the outputs merged in shard order.

    python3 tests/scaling/dask_shards.py MERGED_OUT SHARD.jsonl...

Environment: CLAIMCHECK (the claimcheck binary, default: claimcheck on PATH).

It starts `distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
host="127.0.0.1", dashboard_address=None)` (two worker processes on this machine, one task at a
time each, no dashboard, nothing listening beyond localhost) with a `distributed.Client`, submits
one task per shard with `client.map` (each runs check_shard.sh with CLAIMCHECK_JOBS=1, its
shard on stdin, its output to `<shard>.claimcheck.jsonl`, and raises when the script exits
non-zero, as the README's recipe does), waits for every task, and concatenates the outputs in
shard order into MERGED_OUT: the output of a failed task is kept too (a shard with an unreadable
record still has a line for it). Every failed task is named on stderr with the exit status the
engine reported for it. Exit status: 0 when every task succeeded, 2 when one failed, 3 when Dask
is not installed.
"""

import os
import subprocess
import sys

SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_shard.sh")


def check_shard(path, binary, script):
    """One task: check one shard file, write its output beside it, return the output's path."""
    out = path.replace(".jsonl", ".claimcheck.jsonl")
    env = {**os.environ, "CLAIMCHECK": binary, "CLAIMCHECK_JOBS": "1"}
    with open(path) as src, open(out, "w") as dst:
        subprocess.run(["sh", script], stdin=src, stdout=dst, env=env, check=True)
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    try:
        from distributed import Client, LocalCluster, wait
    except ImportError as e:
        print(f"dask_shards: Dask is not installed ({e}): pip install 'dask[distributed]'", file=sys.stderr)
        sys.exit(3)
    merged, shards = sys.argv[1], [os.path.abspath(p) for p in sys.argv[2:]]
    binary = os.environ.get("CLAIMCHECK", "claimcheck")
    failed = 0
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=40,
    ) as cluster, Client(cluster) as client:
        workers = len(client.scheduler_info()["workers"])
        print(f"dask_shards: LocalCluster with {workers} worker processes at {cluster.scheduler_address}", file=sys.stderr)
        futures = client.map(check_shard, shards, binary=binary, script=SCRIPT, pure=False)
        wait(futures, timeout=240)
        with open(merged, "w") as out:
            for shard, future in zip(shards, futures):
                error = future.exception() if future.status == "error" else None
                if error is not None:
                    failed += 1
                    code = getattr(error, "returncode", None)
                    print(f"dask_shards: task {future.key} ({os.path.basename(shard)}) failed: exit status {code}", file=sys.stderr)
                with open(shard.replace(".jsonl", ".claimcheck.jsonl")) as part:
                    out.write(part.read())
    sys.exit(2 if failed else 0)


if __name__ == "__main__":
    main()
