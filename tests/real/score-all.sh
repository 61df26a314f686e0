#!/usr/bin/env bash
# Score a libreport binary on every labelled set: the real development set
# (../shared/realdev, texts rebuilt into tests/real/texts), the project's own
# real excerpts (tests/real/truth), the styled development set and seeds, and
# the styled sets under tests/sets. One line per set.
#   tests/real/score-all.sh [BINARY]     (default target/release/libreport)
set -uo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/release/libreport}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
score() { python3 tests/real/score.py "$1" "$2" | tail -1 | sed "s|^overall:|$(printf '%-8s' "$3")|"; }
"$bin" extract --quiet tests/real/texts > "$out/real.json" 2> /dev/null
[ -d ../shared/realdev/truth ] && score "$out/real.json" ../shared/realdev/truth realdev
score "$out/real.json" tests/real/truth own
"$bin" extract --quiet ../shared/devset/reports ../shared/seeds > "$out/dev.json" 2> /dev/null
score "$out/dev.json" ../shared/devset/truth devset
for set in tests/sets/*/; do
  name=$(basename "$set")
  "$bin" extract --quiet "$set/reports" > "$out/$name.json" 2> /dev/null
  score "$out/$name.json" "$set/truth" "$name"
done
