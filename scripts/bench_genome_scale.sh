#!/usr/bin/env bash
# Streaming at genome scale (issue 14 §5), at a settable scale: 1-kb sequences through
# `explain` (Saliency) and `export track`, and a cascading model-randomization check over
# several seeds, on the DeepSEA-shaped benchmark model (seeded weights; `sanity bench
# --write-deepsea-model`), once in one process and once as SHARDS shards run at the same time
# on this machine, then merged (and compared byte for byte with the one-process files).
#
# Usage: bash scripts/bench_genome_scale.sh [SEQUENCES [CHECK_ITEMS]]
#   SEQUENCES    sequences through explain and export track (full scale: 1000000)
#   CHECK_ITEMS  sequences through the check (full scale: 100000)
# Environment: SHARDS (4), SEEDS (5), THREADS (all cores, for the one process; each shard gets
# THREADS/SHARDS, at least 1), MEMORY (the budget of every process, 1G), OUT (.bench-genome),
# SKIP_BUILD=1 to use the built binary, SANITY (.build/release/sanity) to run another one.
# Prints a TSV (step, mode, items, wall seconds, sum of the processes' wall seconds, their CPU
# seconds (user + system), the largest peak RSS of one process in MiB, items per wall second)
# and writes it to $OUT/results.tsv. On a shared machine the CPU seconds are the steadier figure.
set -euo pipefail
cd "$(dirname "$0")/.."
SEQUENCES=${1:-1000000}
CHECK_ITEMS=${2:-100000}
SHARDS=${SHARDS:-4}
SEEDS=${SEEDS:-5}
THREADS=${THREADS:-$(nproc)}
MEMORY=${MEMORY:-1G}
OUT=${OUT:-.bench-genome}
SHARD_THREADS=$((THREADS / SHARDS > 0 ? THREADS / SHARDS : 1))
SANITY=${SANITY:-.build/release/sanity}
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then swift build -c release --product sanity >&2; fi
mkdir -p "$OUT"
rm -rf "${OUT:?}"/whole "${OUT:?}"/shards "${OUT:?}"/merged
mkdir -p "$OUT/whole" "$OUT/shards" "$OUT/merged"

# Inputs: the model, and tiled 1-kb windows of a random genome (seed 14) named chrN:start-end.
[[ -f "$OUT/deepsea.h5" ]] || "$SANITY" bench --write-deepsea-model "$OUT/deepsea.h5"
FASTA="$OUT/windows-$SEQUENCES.fa"
if [[ ! -f "$FASTA" ]]; then
  python3 - "$SEQUENCES" "$FASTA" <<'PY'
import random, sys
count, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(14)
per_chromosome = 100_000  # windows per chromosome (100 Mb)
with open(path, "w") as out:
    for index in range(count):
        chromosome, window = divmod(index, per_chromosome)
        start = window * 1000
        bases = "".join(rng.choices("ACGT", k=1000))
        out.write(f">chr{chromosome + 1}:{start}-{start + 1000}\n{bases}\n")
PY
fi
CONFIG="$OUT/check.yaml"
cat >"$CONFIG" <<YAML
model: $OUT/deepsea.h5
inputs: {file: $FASTA, limit: $CHECK_ITEMS}
target: 0
methods: [saliency]
controls: [random]
methodSettings: {steps: 8, integration: riemann-trapezoid, baseline: zeros, references: 2,
  samples: 4, sigma: 0.15, epsilon: 0.000001, upsample: nearest, probability: false}
seed: 0
seeds: [$(seq -s, 0 $((SEEDS - 1)))]
checks:
  modelRandomization: {metrics: [spearman], view: observed-base, order: cascading}
exports: {attributions: [], report: false}
memory: $MEMORY
title: genome-scale benchmark
subtitle: DeepSEA-shaped model, seeded weights
YAML

RESULTS="$OUT/results.tsv"
printf 'step\tmode\titems\twall_s\tsum_process_s\tcpu_s\tmax_rss_mib\titems_per_s\n' >"$RESULTS"
# timed LOG CMD…: runs CMD under /usr/bin/time -v, keeping its report in LOG.
timed() {
  local log=$1
  shift
  /usr/bin/time -v -o "$log" "$@" >/dev/null
}
seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1"; }
cpu() { awk -F': ' '/User time|System time/ {t += $2} END {printf "%.1f", t}' "$@"; }
rss_mib() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
record() { # step mode items wall sum cpu rss
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" \
    "$(echo "$3 / $4" | bc -l)" \
    | tee -a "$RESULTS"
}
now() { date +%s.%N; }

# step NAME ITEMS OUTPUT_EXT ARGS…: one process, then SHARDS processes at once, then merge.
step() {
  local name=$1 items=$2 ext=$3
  shift 3
  timed "$OUT/whole/$name.time" "$SANITY" "$@" --output "$OUT/whole/$name.$ext" \
    --threads "$THREADS" --memory "$MEMORY" --quiet
  record "$name" one-process "$items" "$(seconds "$OUT/whole/$name.time")" \
    "$(seconds "$OUT/whole/$name.time")" "$(cpu "$OUT/whole/$name.time")" \
    "$(rss_mib "$OUT/whole/$name.time")"
  local start parts=() pids=()
  start=$(now)
  for k in $(seq 1 "$SHARDS"); do
    parts+=("$OUT/shards/$name-$k.$ext")
    timed "$OUT/shards/$name-$k.time" "$SANITY" "$@" --output "$OUT/shards/$name-$k.$ext" \
      --shard "$k/$SHARDS" --threads "$SHARD_THREADS" --memory "$MEMORY" --quiet &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  local wall sum=0 rss=0
  wall=$(echo "$(now) - $start" | bc -l)
  for k in $(seq 1 "$SHARDS"); do
    sum=$(echo "$sum + $(seconds "$OUT/shards/$name-$k.time")" | bc -l)
    rss=$(( $(rss_mib "$OUT/shards/$name-$k.time") > rss ? $(rss_mib "$OUT/shards/$name-$k.time") : rss ))
  done
  timed "$OUT/merged/$name.time" "$SANITY" merge "${parts[@]}" --output "$OUT/merged/$name.$ext" --quiet
  record "$name" "$SHARDS-shards" "$items" "$(printf '%.2f' "$wall")" "$(printf '%.2f' "$sum")" \
    "$(cpu "$OUT/shards/$name-"*.time)" "$rss"
  record "$name" merge "$items" "$(seconds "$OUT/merged/$name.time")" \
    "$(seconds "$OUT/merged/$name.time")" "$(cpu "$OUT/merged/$name.time")" \
    "$(rss_mib "$OUT/merged/$name.time")"
  cmp -s "$OUT/whole/$name.$ext" "$OUT/merged/$name.$ext" \
    && echo "$name: merged = one process, byte for byte" >&2 \
    || { echo "$name: merged output differs from the one-process output" >&2; exit 1; }
}

step explain-saliency "$SEQUENCES" h5 explain --model "$OUT/deepsea.h5" --input "$FASTA" \
  --method saliency --target 0
step export-track "$SEQUENCES" bedGraph export track --model "$OUT/deepsea.h5" --input "$FASTA" \
  --method saliency --target 0

# The check: `sanity run` (its shards carry per-item values; `sanity merge` summarizes them).
timed "$OUT/whole/check.time" "$SANITY" run --config "$CONFIG" --output "$OUT/whole/check" \
  --threads "$THREADS" --quiet
record check-cascading-$SEEDS-seeds one-process "$CHECK_ITEMS" "$(seconds "$OUT/whole/check.time")" \
  "$(seconds "$OUT/whole/check.time")" "$(cpu "$OUT/whole/check.time")" \
  "$(rss_mib "$OUT/whole/check.time")"
start=$(now)
pids=()
for k in $(seq 1 "$SHARDS"); do
  timed "$OUT/shards/check-$k.time" "$SANITY" run --config "$CONFIG" --shard "$k/$SHARDS" \
    --output "$OUT/shards/check-$k" --threads "$SHARD_THREADS" --quiet &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
wall=$(echo "$(now) - $start" | bc -l)
sum=0
rss=0
for k in $(seq 1 "$SHARDS"); do
  sum=$(echo "$sum + $(seconds "$OUT/shards/check-$k.time")" | bc -l)
  r=$(rss_mib "$OUT/shards/check-$k.time")
  rss=$((r > rss ? r : rss))
done
record check-cascading-$SEEDS-seeds "$SHARDS-shards" "$CHECK_ITEMS" "$(printf '%.2f' "$wall")" \
  "$(printf '%.2f' "$sum")" "$(cpu "$OUT/shards/check-"*.time)" "$rss"
timed "$OUT/merged/check.time" "$SANITY" merge \
  $(for k in $(seq 1 "$SHARDS"); do echo "$OUT/shards/check-$k"; done) \
  --output "$OUT/merged/check" --quiet
record check-cascading-$SEEDS-seeds merge "$CHECK_ITEMS" "$(seconds "$OUT/merged/check.time")" \
  "$(seconds "$OUT/merged/check.time")" "$(cpu "$OUT/merged/check.time")" \
  "$(rss_mib "$OUT/merged/check.time")"
for file in results.tsv results.json; do
  [[ -f "$OUT/whole/check/$file" ]] || continue
  cmp -s "$OUT/whole/check/$file" "$OUT/merged/check/$file" \
    && echo "check $file: merged = one process, byte for byte" >&2 \
    || { echo "check $file: merged differs from the one-process file" >&2; exit 1; }
done
