#!/bin/bash
# Counts instructions under valgrind's callgrind, one core: the same count for the same binary and
# rules whatever else the machine is doing, where `make bench`'s seconds move by a fifth between
# runs on a shared machine. Compare two builds by these counts (and their findings), not by one
# timing each.
#
#   tools/analyzer-instructions.sh [RIGHTSBENCH]           ArticleAnalyzer.analyze on 1,000 generated articles
#   tools/analyzer-instructions.sh --write [RIGHTSBENCH]   RightsStore.storeAnalysis writing the findings of
#                                                          1,000 generated articles (`rightsbench --write-only`)
# Run from the project root; RIGHTSBENCH defaults to the release build. The write count takes a
# few minutes: the articles are stored and analysed first, under valgrind, though not counted.
set -euo pipefail
mode=analyzer
if [ "${1:-}" = "--write" ]; then mode=write; shift; fi
bench=${1:-.build/release/rightsbench}
[ -x "$bench" ] || { echo "no rightsbench at $bench: swift build -c release --product rightsbench" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed (Debian: apt-get install valgrind)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind cannot read the DWARF 5 debug information Swift writes: count on a copy without it.
objcopy --strip-debug "$bench" "$work/rightsbench"
if [ "$mode" = analyzer ]; then
    symbol='$s10RightsCore15ArticleAnalyzerV7analyze_5cacheAA0C8AnalysisVAA0C4TextV_AA9WordCacheCSgtF'
    arguments=(--analyzer-only --threads 1 --articles 1000)
    what="ArticleAnalyzer.analyze on 1,000 generated articles"
else
    # Swift's concurrency runtime does not start under valgrind here, so the write is counted in
    # `--write-only`, which stores on the calling thread.
    symbol='$s10RightsCore0A5StoreC13storeAnalysis_9rulesHash5runID14unchangedSinceSayAA07ArticleI0VGSayAA08AnalysedL0VG_SSs5Int64VAA0L7VersionVSgtKF'
    arguments=(--write-only --articles 1000)
    what="RightsStore.storeAnalysis, the findings of 1,000 generated articles"
fi
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" --collect-atstart=no --toggle-collect="$symbol" \
    "$work/rightsbench" "${arguments[@]}" > "$work/stdout" 2> "$work/stderr" || {
    cat "$work/stderr" >&2; exit 1; }
findings=$(grep -oE '[0-9]+ findings' "$work/stdout" | head -1)
instructions=$(grep -oE 'Collected : [0-9]+' "$work/stderr" | awk '{print $3}')
[ -n "$instructions" ] && [ "$instructions" -gt 0 ] || { echo "callgrind counted nothing (has the counted function been renamed?)" >&2; exit 1; }
echo "$what: $instructions instructions, $findings"
