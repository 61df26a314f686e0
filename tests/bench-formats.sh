#!/usr/bin/env bash
# Throughput of each reader (issue 25): MiB/s of input for `extract -j 1`
# over the same reports in every format, converted from a generated
# corpus by tests/bench_formats.py, and seconds for one OCR'd page.
#
#   tests/bench-formats.sh [--files N] [--runs N] [--bin PATH] [--corpus DIR]
#
# The corpus is /work/shared/bench/make-corpus.py's output when that is
# found, else tests/make-corpus.py's; only UTF-8 reports are converted.
# Each figure is the median of --runs runs (default 3) on a warm cache.
set -euo pipefail

files=300
runs=3
bin=""
corpus=""
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    *) echo "usage: $0 [--files N] [--runs N] [--bin PATH] [--corpus DIR]" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "$bin" ]; then
  (cd "$root" && cargo build --release --quiet)
  bin=$root/target/release/libreport
fi
work=${TMPDIR:-/tmp}/libreport-bench-formats-$files
if [ -z "$corpus" ]; then
  corpus=$work/source
  if [ ! -d "$corpus" ]; then
    maker=/work/shared/bench/make-corpus.py
    [ -f "$maker" ] || maker=$root/tests/make-corpus.py
    python3 "$maker" "$corpus" --mb 4 >&2
  fi
fi
if [ ! -d "$work/formats/txt" ]; then
  python3 "$root/tests/bench_formats.py" "$corpus" "$work/formats" --files "$files"
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '%-6s %6s %9s %9s %8s %9s\n' format files MiB seconds 'MiB/s' 'peak MiB'
for fmt in txt html docx pdf mht xlsx; do
  dir=$work/formats/$fmt
  n=$(find "$dir" -type f | wc -l)
  bytes=$(du -cb "$dir"/* | tail -n 1 | cut -f1)
  secs=()
  peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" extract -j 1 --quiet --format jsonl "$dir" > /dev/null 2> /dev/null || true
    read -r s m < "$work/time"
    secs+=("$s")
    [ "$m" -gt "$peak" ] && peak=$m
  done
  s=$(printf '%s\n' "${secs[@]}" | median)
  awk -v f="$fmt" -v n="$n" -v b="$bytes" -v s="$s" -v p="$peak" \
    'BEGIN { printf "%-6s %6d %9.2f %9.2f %8.2f %9.1f\n", f, n, b / 1048576, s, (s > 0 ? b / 1048576 / s : 0), p / 1024 }'
done
# OCR: one page, seconds (Tesseract runs two models on a first page)
scan=$root/tests/data/qinghe-2021-scan.png
if command -v tesseract > /dev/null; then
  /usr/bin/time -f '%e' -o "$work/time" "$bin" extract --quiet "$scan" > /dev/null 2>&1 || true
  printf 'ocr    1 page (%s KiB): %s s\n' "$(( $(stat -c %s "$scan") / 1024 ))" "$(cat "$work/time")"
else
  echo "ocr    not measured: tesseract is not installed"
fi
