#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 60).
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
#
# Targets: fuzz_parse (parse() on arbitrary bytes), fuzz_query (the query language over a
# fixed small report), fuzz_json (the JSON reader). Default: all three, one after another.
#
# Environment:
#   FUZZ_BUILD   build folder (default: build-fuzz in the repository)
#   FUZZ_CC, FUZZ_CXX  compilers (default clang-14 / clang++-14, else clang / clang++)
#   CORPUS       the development corpus (default: ../shared/corpus next to the repository);
#                seeds are sampled from it at run time and never committed. Without it
#                only the crafted seeds in tests/fuzz/seeds are used.
#   FUZZ_ARGS    extra libFuzzer flags (e.g. "-jobs=2 -workers=2")
#
# Each target keeps its growing corpus in $FUZZ_BUILD/fuzz-work/<target>/corpus and
# writes crashes to $FUZZ_BUILD/fuzz-work/<target>/ (crash-*, leak-*, timeout-*, oom-*).
# Exit status: 0 when no target found a problem, 1 otherwise.
set -euo pipefail

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_parse fuzz_query fuzz_json)

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${FUZZ_BUILD:-$repo/build-fuzz}"
corpus="${CORPUS:-$repo/../shared/corpus}"
cc="${FUZZ_CC:-$(command -v clang-14 || command -v clang)}"
cxx="${FUZZ_CXX:-$(command -v clang++-14 || command -v clang++)}"

cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DREPORTAGE_BUILD_FUZZERS=ON -DREPORTAGE_BUILD_TESTS=OFF -DREPORTAGE_BUILD_EXAMPLES=OFF \
    -DREPORTAGE_C_LIBRARY=OFF -DREPORTAGE_INSTALL=OFF >/dev/null
cmake --build "$build" -j2 --target "${targets[@]}" reportage_fuzz_seeds

work="$build/fuzz-work"
mkdir -p "$work"

# Seed corpora, generated at run time: the crafted seeds, plus a sample of the
# development corpus (every 20th text file, sorted by path) when it is there.
seeds="$work/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/fuzz_parse" "$seeds/fuzz_query" "$seeds/fuzz_json"
cp "$here"/seeds/parse/* "$seeds/fuzz_parse/"
cp "$here"/seeds/query/* "$seeds/fuzz_query/"
cp "$here"/seeds/json/* "$seeds/fuzz_json/"
if [ -d "$corpus" ]; then
    mapfile -t sample < <(find "$corpus" -name '*.txt' -size -8k | LC_ALL=C sort | awk 'NR % 20 == 0')
    i=0
    for f in "${sample[@]}"; do
        i=$((i + 1))
        cp "$f" "$seeds/fuzz_parse/corpus-$i.txt"
    done
    # fuzz_json: parse()'s reports of a few of them.
    "$build/bin/reportage_fuzz_seeds" "$seeds/fuzz_json" "${sample[@]:0:40}"
    echo "seeds: ${#sample[@]} corpus files from $corpus"
else
    echo "seeds: no corpus at $corpus; crafted seeds only"
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

status=0
for t in "${targets[@]}"; do
    case "$t" in
        fuzz_parse) extra=(-max_len=8192) ;;
        fuzz_query) extra=(-max_len=512 -dict="$here/query.dict") ;;
        fuzz_json) extra=(-max_len=65536) ;;
        *) echo "unknown target $t" >&2; exit 2 ;;
    esac
    dir="$work/$t"
    mkdir -p "$dir/corpus"
    echo "==== $t: ${seconds}s"
    # shellcheck disable=SC2086
    if ! "$build/bin/$t" "${extra[@]}" -max_total_time="$seconds" -timeout=20 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/" ${FUZZ_ARGS:-} \
        "$dir/corpus" "$seeds/$t" 2>"$dir/log.txt"; then
        status=1
        echo "$t FAILED; see $dir/log.txt and the crash-* files in $dir" >&2
        tail -n 60 "$dir/log.txt" >&2
    fi
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE' "$dir/log.txt" || true
done
exit $status
