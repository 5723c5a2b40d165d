#!/usr/bin/env bash
# Fuzzes MessageParser + ReplyTrimmer + HTMLText with libFuzzer for SECONDS (default 300).
#
# Builds BuzonMIME and BuzonTrim from their sources with swiftc (instrumented for coverage
# and AddressSanitizer), links fuzz/FuzzEntry.swift against them, seeds the corpus with the
# MIME golden fixtures and a small generated inbox, and runs. Everything lands in
# .build-fuzz/ (git-ignored): the binary, corpus/ (grows as libFuzzer finds new paths) and
# artifacts/ (crash-*, timeout-*, oom-* inputs to reproduce with `.build-fuzz/buzon-fuzz FILE`).
#
# Usage: scripts/fuzz.sh [SECONDS]     Environment: JOBS (1): fuzzing processes (-fork=JOBS when > 1).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
root=$(pwd)
out=.build-fuzz
mkdir -p "$out/modules" "$out/corpus" "$out/artifacts"

# -package-name: the targets use `package` access, as under SwiftPM (whose package is Buzon).
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -package-name Buzon -I "$root/Sources/CCrypto")
# ld.gold's "Cannot export local symbol '__asan_…'" warnings are harmless noise.
quiet() { grep -v "Cannot export local symbol" || true; }

echo "== building BuzonMIME, BuzonTrim and the fuzz entry (swiftc ${flags[*]})"
# Each module is compiled to objects plus a .swiftmodule, as SwiftPM would, so BuzonTrim's
# `import BuzonMIME` resolves and internal names of the two targets cannot collide.
build_module() {
    local name=$1; shift
    rm -rf "$out/obj-$name"; mkdir -p "$out/obj-$name"
    (cd "$out/obj-$name" && swiftc "${flags[@]}" -I "$root/$out/modules" -module-name "$name" \
        -emit-module -emit-module-path "$root/$out/modules/$name.swiftmodule" -c "$@")
}
build_module BuzonMIME "$root"/Sources/BuzonMIME/*.swift
build_module BuzonTrim "$root"/Sources/BuzonTrim/*.swift
swiftc "${flags[@]}" -I "$out/modules" -module-name BuzonFuzz fuzz/FuzzEntry.swift \
    "$out"/obj-BuzonMIME/*.o "$out"/obj-BuzonTrim/*.o -lcrypto -o "$out/buzon-fuzz" 2>&1 | quiet

echo "== seeding $out/corpus"
shopt -s nullglob
fixtures=(Tests/BuzonMIMETests/Fixtures/*.eml Tests/BuzonTrimTests/Fixtures/*.eml)
(( ${#fixtures[@]} )) && cp "${fixtures[@]}" "$out/corpus/"
# A small generated inbox (its big attachments are cut at -max_len by libFuzzer anyway).
bench=$(swift build -c release --show-bin-path)/buzon-bench
if [[ ! -x $bench ]]; then swift build -c release --product buzon-bench 2>&1 | tail -1; fi
"$bench" corpus --out "$out/seed-generated" --messages 200 --seed 7 >/dev/null
for file in "$out"/seed-generated/*.eml; do
    cp "$file" "$out/corpus/generated-$(basename "$file")"
done
echo "seeds: ${#fixtures[@]} fixtures + 200 generated; corpus now $(ls "$out/corpus" | wc -l) files"

echo "== fuzzing for ${seconds}s"
parallel=()
if (( ${JOBS:-1} > 1 )); then parallel=(-fork="$JOBS"); fi
set +e
"$out/buzon-fuzz" "$out/corpus" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
    -max_total_time="$seconds" "${parallel[@]}" \
    -artifact_prefix="$out/artifacts/" -print_final_stats=1 2>&1 | tee "$out/fuzz.log" | grep -E "^#|ERROR|SUMMARY|stat::|Done" | tail -25
status=${PIPESTATUS[0]}
set -e

crashes=("$out"/artifacts/*)
if (( ${#crashes[@]} )); then
    echo "== FAILURES (reproduce with $out/buzon-fuzz FILE):"
    ls -l "${crashes[@]}"
    exit 1
fi
echo "== no crash, timeout or OOM (libFuzzer exit status $status); full log: $out/fuzz.log"
exit "$status"
