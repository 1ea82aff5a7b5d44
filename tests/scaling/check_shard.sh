#!/bin/sh
# Check one shard of a corpus: JSON Lines records ({"id": ..., "text": ...}, optional
# "format") in, one JSON document per line out, in the same order, one output line per
# input record (a record that cannot be read gives {"version", "path", "error"}).
#
# This is the single-machine step of a distributed run: Spark's RDD.pipe, a Ray or Dask
# map over shard files, or xargs over a directory of shards all call it the same way.
#
#   check_shard.sh < shard-00017.jsonl > shard-00017.out.jsonl
#   check_shard.sh shard-00017.jsonl   > shard-00017.out.jsonl
#
# Environment:
#   CLAIMCHECK        the claimcheck binary (default: claimcheck on PATH)
#   CLAIMCHECK_RULES  a rule file or directory to add to the built-in rules (default: none)
#   CLAIMCHECK_JOBS   worker threads (default: one per core)
#
# Exit status: 0 when every record was read (whatever the findings: contradictions are
# data here, not failures), 2 when a record or the input could not be read (the output
# still has a line for it) or on a usage error.
set -eu

bin=${CLAIMCHECK:-claimcheck}
input=${1:--}

set -- check --input-format jsonl --format jsonl --fail-on never --no-config
if [ -n "${CLAIMCHECK_RULES:-}" ]; then
    set -- "$@" --rules "$CLAIMCHECK_RULES"
else
    set -- "$@" --no-user-rules
fi
if [ -n "${CLAIMCHECK_JOBS:-}" ]; then
    set -- "$@" --jobs "$CLAIMCHECK_JOBS"
fi
exec "$bin" "$@" "$input"
