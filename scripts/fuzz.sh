#!/usr/bin/env bash
# Builds the libFuzzer targets (Tests/Fuzz) with -sanitize=fuzzer,address and runs one or all.
#
#   scripts/fuzz.sh TARGET|all [--seconds S | --runs N] [-- libFuzzer flags…]
#
# e.g. `scripts/fuzz.sh gzip --seconds 1800 -- -runs=1000000` stops at whichever comes first.
# Targets: sequences gzip keras-hdf5 deepbind idx jpeg results-json.
# Seeds are generated from the repository's fixtures into .fuzz/TARGET/seeds on every run;
# new inputs go to .fuzz/TARGET/corpus, crashes, timeouts and out-of-memory inputs to
# .fuzz/TARGET/artifacts/, the log to .fuzz/TARGET/last.log. With --runs N the run uses the
# seeds only (a fixed, repeatable run, as CI does) and a debug build (built in a third of the
# release build's time); timed campaigns use the release build. Runs under `nice -n 19`.
# docs/fuzzing.md has the campaign's figures and how to reproduce a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
all_targets=(sequences gzip keras-hdf5 deepbind idx jpeg results-json)

usage() { echo "usage: scripts/fuzz.sh TARGET|all [--seconds S | --runs N] [-- libFuzzer flags]" >&2; echo "targets: ${all_targets[*]}" >&2; exit 2; }
[ $# -ge 1 ] || usage
target=$1; shift
seconds=60; runs=""
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=${2:?}; shift 2 ;;
    --runs) runs=${2:?}; shift 2 ;;
    --) shift; break ;;
    *) usage ;;
  esac
done
extra=("$@")
if [ "$target" = all ]; then targets=("${all_targets[@]}"); else
  case " ${all_targets[*]} " in *" $target "*) targets=("$target") ;; *) usage ;; esac
fi

executable() {
  case $1 in
    sequences) echo FuzzSequences ;; gzip) echo FuzzGzip ;; keras-hdf5) echo FuzzKerasHDF5 ;;
    deepbind) echo FuzzDeepBind ;; idx) echo FuzzIDX ;; jpeg) echo FuzzJPEG ;; results-json) echo FuzzResultsJSON ;;
  esac
}

# Files no larger than $2 bytes among the paths given after it, copied into $1.
copy_small() {
  local into=$1 limit=$2; shift 2
  local file
  for file in "$@"; do
    [ -f "$file" ] && [ "$(stat -c %s "$file")" -le "$limit" ] && cp "$file" "$into/$(echo "${file#"$root"/}" | tr / _)"
  done
  return 0
}

seeds() {
  local name=$1 into=$2 scratch
  rm -rf "$into"; mkdir -p "$into"
  local fixtures=Tests/Fixtures/Malformed
  case $name in
    sequences)
      # The first byte picks the reader (even: FASTA with chunk size 1 + (byte >> 1) % 64; odd: .seq).
      local file byte
      for file in $fixtures/sequences/*.fa Genomes/example-test.fa; do
        for byte in '\x00' '\x0e' '\x7e'; do
          { printf "$byte"; head -c 2048 "$file"; } >"$into/$(basename "$file")-$(printf %s "$byte" | tr -d '\\')"
        done
      done
      for file in $fixtures/sequences/*.seq; do { printf '\x01'; cat "$file"; } >"$into/$(basename "$file")"; done
      { printf '\x01'; gzip -dc $fixtures/sequences/bad_base.seq.gz; } >"$into/bad_base.seq" ;;
    gzip)
      copy_small "$into" 32768 $fixtures/sequences/*.gz $fixtures/images/*.gz Genomes/example-test.fa.gz
      head -c 4096 Genomes/example-test.fa | gzip -9n >"$into/example-head.fa.gz"
      head -c 3000 Genomes/example-test.fa >"$into/example-head.fa"
      scratch=$(mktemp); printf '>a\nACGT\n' | gzip -n >"$scratch"; printf '>b\nTTGCA\n' | gzip -n >>"$scratch"
      mv "$scratch" "$into/multi-member.fa.gz" ;;
    keras-hdf5)
      copy_small "$into" 32768 $fixtures/models/*.h5 Models/*.h5 ;;
    deepbind)
      copy_small "$into" 32768 $fixtures/deepbind/*.txt ;;
    idx)
      copy_small "$into" 32768 $fixtures/images/*ubyte* ;;
    jpeg)
      copy_small "$into" 32768 $fixtures/images/*.jpg ;;
    results-json)
      cp Tests/Fuzz/Seeds/results.json "$into/" ;;
  esac
}

dictionary() {
  case $1 in
    sequences) echo Tests/Fuzz/Seeds/fasta.dict ;; deepbind) echo Tests/Fuzz/Seeds/deepbind.dict ;;
    results-json) echo Tests/Fuzz/Seeds/json.dict ;;
  esac
}

configuration=release; [ -n "$runs" ] && configuration=debug
echo "fuzz: building Tests/Fuzz ($configuration) with -sanitize=fuzzer,address" >&2
(cd Tests/Fuzz && nice -n 19 swift build -c $configuration -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library) >&2
bin=$(cd Tests/Fuzz && swift build -c $configuration -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)

export SWIFT_BACKTRACE=enable=no  # the Swift crash handler and ASan fight over a crash
status=0
for name in "${targets[@]}"; do
  work=.fuzz/$name
  mkdir -p "$work/corpus" "$work/artifacts"
  seeds "$name" "$work/seeds"
  flags=(-rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 -print_final_stats=1
    "-artifact_prefix=$work/artifacts/")
  dict=$(dictionary "$name"); [ -n "$dict" ] && flags+=("-dict=$dict")
  if [ -n "$runs" ]; then
    flags+=("-runs=$runs" -seed=1)
    dirs=("$work/seeds")
  else
    flags+=("-max_total_time=$seconds")
    dirs=("$work/corpus" "$work/seeds")
  fi
  echo "fuzz: $name: $(executable "$name") ${flags[*]} ${extra[*]:-} ${dirs[*]}" >&2
  # A copy, so that a rebuild during a long run does not replace the running binary.
  mkdir -p .fuzz/bin && cp "$bin/$(executable "$name")" ".fuzz/bin/$(executable "$name")"
  # libhdf5 (not ours, not instrumented) mallocs sizes read from crafted object headers
  # (docs/fuzzing.md, findings): above 1 GiB ASan returns NULL, which libhdf5 reports as an
  # error, as a system without overcommit would. A huge allocation in Swift code still dies.
  asan=${ASAN_OPTIONS:-}
  [ "$name" = keras-hdf5 ] && asan="allocator_may_return_null=1:max_allocation_size_mb=1024${asan:+:$asan}"
  # Leaks in swift-foundation and libhdf5 are suppressed (Tests/Fuzz/lsan.supp); ours are not.
  if LSAN_OPTIONS=suppressions=$root/Tests/Fuzz/lsan.supp ASAN_OPTIONS=$asan nice -n 19 ".fuzz/bin/$(executable "$name")" "${flags[@]}" "${extra[@]}" "${dirs[@]}" >"$work/last.log" 2>&1; then
    grep -E '^#[0-9]+ *DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$work/last.log" | tr '\n' ' ' >&2; echo >&2
  else
    status=1
    tail -n 60 "$work/last.log" >&2
    echo "fuzz: $name found a problem: see $work/last.log and $work/artifacts/" >&2
  fi
done
exit $status
