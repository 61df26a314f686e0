#!/usr/bin/env bash
# The end-to-end benchmark: throughput, memory and latency of
# `libreport extract` over a generated corpus, against a one-pass grep.
#
#   tests/bench.sh [--mb N] [--runs N] [--corpus DIR] [--seeds DIR] [--instructions]
#   tests/bench.sh --adversarial
#
# It times -j 1 and -j <cores>, and, where taskset is found, -j 1 held to
# one core (extraction and writing together), for what a core adds.
#
# The corpus comes from tests/make-corpus.py (the bundled fixtures/*.txt,
# or the reports of --seeds DIR, with their figures changed, some
# hard-wrapped, CRLF or GB18030); it measures speed and memory only, and
# needs nothing outside the repository. Results are medians of --runs runs (default 5) on
# a warm page cache.
#
# Wall-clock times on a shared machine drift by a third from one minute to
# the next. --instructions also counts the instructions (valgrind's
# callgrind) of a run over every 29th report of the corpus and of one
# report: numbers that do not drift, for telling whether a change helped.
#
# --adversarial counts instructions (callgrind) for each line shape of
# tests/corpus/adversarial/shapes.tsv at 64 KiB and 1 MiB on one line, and
# their ratio: linear time is 16x, the issue allows about 20x.
set -euo pipefail

mb=50
runs=5
corpus=""
seeds=""
instructions=false
adversarial=false
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --instructions) instructions=true; shift ;;
    --adversarial) adversarial=true; shift ;;
    *) echo "usage: $0 [--mb N] [--runs N] [--corpus DIR] [--seeds DIR] [--instructions] | --adversarial" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)

if $adversarial; then
  (cd "$root" && cargo build --release --quiet)
  bin=$root/target/release/libreport
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  count() {
    local out="$work/callgrind.out"
    valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" extract --quiet "$1" > /dev/null 2> /dev/null || true
    callgrind_annotate "$out" 2> /dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
  }
  # the shapes' files, as tests/corpus/adversarial/generate.py makes them
  for kib in 64 1024; do
    python3 "$root/tests/corpus/adversarial/generate.py" --kib "$kib" --out "$work/$kib"
  done
  printf '%-14s %15s %15s %7s\n' shape "64 KiB" "1 MiB" ratio
  for file in "$work"/64/long-*.txt; do
    name=$(basename "$file" .txt)
    small=$(count "$file")
    large=$(count "$work/1024/$name.txt")
    awk -v n="${name#long-}" -v a="$small" -v b="$large" 'BEGIN { printf "%-14s %15.0f %15.0f %6.1fx\n", n, a, b, (a > 0 ? b / a : 0) }'
  done
  exit 0
fi
corpus=${corpus:-${TMPDIR:-/tmp}/libreport-bench-${mb}mb}
if [ ! -d "$corpus" ]; then
  python3 "$root/tests/make-corpus.py" "$corpus" --mb "$mb" ${seeds:+--seeds "$seeds"} >&2
fi

(cd "$root" && cargo build --release --quiet)
bin=$root/target/release/libreport
files=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -n 1 | cut -f1)
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
cores=$(nproc)
cat "$corpus"/*.txt > /dev/null   # warm the page cache

# run CMD...: prints "seconds max_rss_kib" of one run
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
run() {
  /usr/bin/time -f '%e %M' -o "$timing" "$@" > /dev/null 2> /dev/null || true
  tail -n 1 "$timing"
}

# median of N runs: prints "seconds max_rss_kib"
median() {
  local results=()
  for _ in $(seq "$runs"); do results+=("$(run "$@")"); done
  printf '%s\n' "${results[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}

echo "corpus: $files reports, $mib MiB in $corpus; $cores cores; median of $runs runs"
read -r grep_s grep_kib <<< "$(median env LC_ALL=C grep -c '[0-9]' -r "$corpus")"
printf '%-28s %8.3f s  %8.1f MiB/s\n' "grep -c '[0-9]' (one pass)" "$grep_s" \
  "$(awk -v m="$mib" -v s="$grep_s" 'BEGIN { print (s > 0 ? m / s : 0) }')"

# One thread and every core in turn, run by run, so that a drift of the
# machine's speed hits both alike and the ratio between them holds. With
# -j 1 the output is written on a second thread, beside extraction; where
# taskset is found, a third run holds everything to one core.
pin=false
if command -v taskset > /dev/null && [ "$cores" -gt 1 ]; then pin=true; fi
one=(); all=(); pinned=()
for _ in $(seq "$runs"); do
  one+=("$(run "$bin" extract --quiet --format jsonl -j 1 "$corpus")")
  all+=("$(run "$bin" extract --quiet --format jsonl -j "$cores" "$corpus")")
  if $pin; then
    pinned+=("$(run taskset -c 0 "$bin" extract --quiet --format jsonl -j 1 "$corpus")")
  fi
done
middle() { printf '%s\n' "$@" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)'; }
read -r one_s one_kib <<< "$(middle "${one[@]}")"
read -r all_s all_kib <<< "$(middle "${all[@]}")"
for threads in 1 "$cores"; do
  if [ "$threads" = 1 ]; then s=$one_s; kib=$one_kib; else s=$all_s; kib=$all_kib; fi
  awk -v t="$threads" -v s="$s" -v kib="$kib" -v m="$mib" -v f="$files" -v g="$grep_s" 'BEGIN {
    printf "%-28s %8.3f s  %8.1f MiB/s  %9.0f reports/s  peak %6.1f MiB  %5.1fx grep\n",
      "extract -j " t, s, (s > 0 ? m / s : 0), (s > 0 ? f / s : 0), kib / 1024, (g > 0 ? s / g : 0)
  }'
done
awk -v a="$one_s" -v b="$all_s" -v c="$cores" 'BEGIN {
  printf "%-28s %8.2fx\n", c " threads over 1", (b > 0 ? a / b : 0)
}'
if $pin; then
  read -r pin_s pin_kib <<< "$(middle "${pinned[@]}")"
  awk -v s="$pin_s" -v kib="$pin_kib" -v m="$mib" -v f="$files" -v g="$grep_s" 'BEGIN {
    printf "%-28s %8.3f s  %8.1f MiB/s  %9.0f reports/s  peak %6.1f MiB  %5.1fx grep\n",
      "extract -j 1, one core", s, (s > 0 ? m / s : 0), (s > 0 ? f / s : 0), kib / 1024, (g > 0 ? s / g : 0)
  }'
  awk -v a="$pin_s" -v b="$all_s" -v c="$cores" 'BEGIN {
    printf "%-28s %8.2fx\n", c " cores over 1 core", (b > 0 ? a / b : 0)
  }'
fi

# One report end to end, process start included.
report=$root/fixtures/wulong-2020.txt
n=200
start=$(date +%s%N)
for _ in $(seq "$n"); do "$bin" extract --quiet "$report" > /dev/null; done
end=$(date +%s%N)
awk -v ns=$((end - start)) -v n="$n" 'BEGIN { printf "%-28s %8.2f ms per run (mean of %d)\n", "one report, process start", ns / n / 1e6, n }'

if $instructions; then
  # instructions CMD...: callgrind's total for one run
  instructions() {
    local out
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" > /dev/null 2> /dev/null || true
    callgrind_annotate "$out" 2> /dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
    rm -f "$out"
  }
  sample=$(mktemp -d)
  trap 'rm -f "$timing"; rm -rf "$sample"' EXIT
  find "$corpus" -name '*.txt' | sort | awk 'NR % 29 == 0' | xargs -I{} cp {} "$sample"/
  sample_files=$(find "$sample" -name '*.txt' | wc -l)
  sample_bytes=$(cat "$sample"/*.txt | wc -c)
  n=$(instructions "$bin" extract --quiet --format jsonl -j 1 "$sample")
  awk -v n="$n" -v b="$sample_bytes" -v f="$sample_files" 'BEGIN {
    printf "%-28s %12.0f instructions  %6.1f per byte  (%d reports)\n", "extract, every 29th report", n, n / b, f
  }'
  n=$(instructions "$bin" extract --quiet "$report")
  awk -v n="$n" 'BEGIN { printf "%-28s %12.0f instructions\n", "one report, process start", n }'
fi
