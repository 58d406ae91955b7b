#!/bin/bash
# Counts the instructions `ArticleAnalyzer.analyze` executes on 1,000 generated articles, one
# core, under valgrind's callgrind: the same count for the same binary and rules whatever else the
# machine is doing, where `make bench`'s seconds move by a fifth between runs on a shared machine.
# Compare two builds by this count (and their findings), not by one timing each.
#   tools/analyzer-instructions.sh [RIGHTSBENCH]   (run from the project root; default: the release build)
set -euo pipefail
bench=${1:-.build/release/rightsbench}
[ -x "$bench" ] || { echo "no rightsbench at $bench: swift build -c release --product rightsbench" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed (Debian: apt-get install valgrind)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind cannot read the DWARF 5 debug information Swift writes: count on a copy without it.
objcopy --strip-debug "$bench" "$work/rightsbench"
symbol='$s10RightsCore15ArticleAnalyzerV7analyze_5cacheAA0C8AnalysisVAA0C4TextV_AA9WordCacheCSgtF'
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" --collect-atstart=no --toggle-collect="$symbol" \
    "$work/rightsbench" --analyzer-only --threads 1 --articles 1000 > "$work/stdout" 2> "$work/stderr" || {
    cat "$work/stderr" >&2; exit 1; }
findings=$(grep -oE '[0-9]+ findings' "$work/stdout" | head -1)
instructions=$(grep -oE 'Collected : [0-9]+' "$work/stderr" | awk '{print $3}')
[ -n "$instructions" ] || { echo "callgrind counted nothing (has ArticleAnalyzer.analyze been renamed?)" >&2; exit 1; }
echo "ArticleAnalyzer.analyze on 1,000 generated articles: $instructions instructions, $findings"
