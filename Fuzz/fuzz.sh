#!/usr/bin/env bash
# libFuzzer targets for the input readers, the rule loader, the xlsx reader and the analysis (see docs/REFERENCE.md, "Fuzzing").
#
#   Fuzz/fuzz.sh build            build RightsCore with coverage and AddressSanitizer, then each target
#   Fuzz/fuzz.sh run SECONDS      seed the corpora from the repository, then run each target that long
#
# Targets: Fuzz/Targets/<name>.swift (with FuzzSupport.swift), built to .build/fuzz/bin/<name>.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
BUILD=.build/fuzz
TARGETS=(corpus rules xlsx analyze)
FLAGS=(-sanitize=fuzzer,address)

build() {
    # RightsCore and its dependencies with coverage instrumentation and ASan; the C parts
    # (libyaml in Yams) instrumented too. Objects are linked into each target below.
    "$SWIFT" build --build-path "$BUILD" --target RightsCore \
        -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
    local debug="$BUILD/debug"
    local objects=()
    for module in RightsCore GRDB Yams CYaml ZIPFoundation Mustache; do
        objects+=($(find "$debug/$module.build" -name "*.o"))
    done
    local maps=()
    for map in Sources/CXlsxWriter/module.modulemap Sources/CInflate/module.modulemap \
               "$BUILD/checkouts/Yams/Sources/CYaml/include/module.modulemap" "$BUILD/checkouts/GRDB.swift/Sources/GRDBSQLite/module.modulemap" \
               "$BUILD/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap"; do
        [ -f "$map" ] && maps+=(-Xcc "-fmodule-map-file=$map")
    done
    mkdir -p "$BUILD/bin"
    rm -f "$BUILD"/bin/*
    for target in "${TARGETS[@]}"; do
        swiftc "${FLAGS[@]}" -parse-as-library -g -module-name "Fuzz_$target" \
            -I "$debug/Modules" "${maps[@]}" \
            "Fuzz/Targets/$target.swift" Fuzz/Targets/FuzzSupport.swift "${objects[@]}" \
            -lsqlite3 -lxlsxwriter -lz -o "$BUILD/bin/$target" 2>&1 | { grep -v "Cannot export local symbol '__asan" || true; }
        [ -x "$BUILD/bin/$target" ] || { echo "fuzz: building $target failed" >&2; exit 1; }
    done
}

# Seeds from the repository's own samples and fixtures, into .build/fuzz/corpus/<target>/ (found
# inputs are added there by libFuzzer; nothing of it is committed).
seed() {
    local corpus="$BUILD/corpus"
    mkdir -p "$corpus/corpus" "$corpus/rules" "$corpus/xlsx" "$corpus/analyze"
    local index=0
    for file in samples/articles/* samples/feeds/* Tests/RightsCoreTests/Fixtures/fuzz-regressions/corpus/*; do
        [ -f "$file" ] || continue
        case "$file" in
            *.md) prefix='\x00' ;; *.txt) prefix='\x01' ;; *.jsonl) prefix='\x02' ;; *.csv) prefix='\x03' ;; *) cp "$file" "$corpus/corpus/"; continue ;;
        esac
        { printf "$prefix"; head -c 20000 "$file"; } > "$corpus/corpus/seed-$index"
        index=$((index + 1))
    done
    index=0
    for file in Tests/RightsCoreTests/Fixtures/rules-check/*/indicators/torture.yaml rules/indicators/*.yaml; do
        { printf '\x00'; cat "$file"; } > "$corpus/rules/seed-$index"
        index=$((index + 1))
    done
    # Vocabulary classes (the target's file 7), the sequence ones among them.
    for file in rules/vocabulary/cs_was_adv_attacked.yaml rules/vocabulary/detain.yaml rules/vocabulary/passive_be.yaml; do
        { printf '\x07'; cat "$file"; } > "$corpus/rules/seed-$index"
        index=$((index + 1))
    done
    { printf '\x02'; cat Tests/RightsCoreTests/Fixtures/rules-check/base/exclusions.yaml; } > "$corpus/rules/seed-exclusions"
    { printf '\x03'; cat Tests/RightsCoreTests/Fixtures/rules-check/base/countries.yaml; } > "$corpus/rules/seed-countries"
    { printf '\x04'; cat Tests/RightsCoreTests/Fixtures/rules-check/base/engine.yaml; } > "$corpus/rules/seed-engine"
    cp Tests/RightsCoreTests/Fixtures/fuzz-regressions/rules/* "$corpus/rules/" 2>/dev/null || true
    # Articles to analyse: the samples as they are (a first line is the headline).
    index=0
    for file in samples/articles/*; do
        [ -f "$file" ] || continue
        head -c 20000 "$file" > "$corpus/analyze/seed-$index"
        index=$((index + 1))
    done
    cp Tests/RightsCoreTests/Fixtures/fuzz-regressions/analyze/* "$corpus/analyze/" 2>/dev/null || true
    # Workbooks: the review workbooks `run` writes for samples/.
    if [ -z "$(ls "$corpus/xlsx")" ]; then
        "$SWIFT" build --product rightsbrief >/dev/null
        local out
        out=$(mktemp -d)
        .build/debug/rightsbrief run --db "$out/seed.sqlite" --out "$out/reports" >/dev/null
        find "$out/reports" -name '*.xlsx' -exec cp {} "$corpus/xlsx/" \;
        rm -rf "$out"
    fi
    cp Tests/RightsCoreTests/Fixtures/fuzz-regressions/xlsx/* "$corpus/xlsx/" 2>/dev/null || true
}

run() {
    local seconds=$1
    seed
    for target in "${TARGETS[@]}"; do
        echo "fuzz: $target for $seconds s"
        mkdir -p "$BUILD/crashes/$target"
        local log="$BUILD/crashes/$target.log" status=0
        # SWIFT_BACKTRACE=enable=no: otherwise a crash waits in Swift's backtracer instead of ending.
        # No leak check: the runtime's and the library's caches live until exit by design.
        SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$BUILD/bin/$target" -max_total_time="$seconds" -max_len=262144 -timeout=20 -rss_limit_mb=2048 \
            -artifact_prefix="$BUILD/crashes/$target/" -print_final_stats=1 "$BUILD/corpus/$target" >"$log" 2>&1 || status=$?
        grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|SUMMARY)" "$log" || true
        if [ "$status" -ne 0 ]; then
            tail -40 "$log" >&2
            echo "fuzz: $target found a failure; the input is in $BUILD/crashes/$target/" >&2
            exit 1
        fi
    done
}

case "${1:-}" in
    build) build ;;
    run) run "${2:-60}" ;;
    *) echo "usage: Fuzz/fuzz.sh build | run SECONDS" >&2; exit 2 ;;
esac
