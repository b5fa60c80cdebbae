#!/bin/sh
# The GNU parallel example of docs/scaling.md, run on a small archive written here:
#   tests/cli/parallel_example.sh BIN SAMPLE WORK
# Parses every *.txt below WORK/archive with GNU parallel (2 jobs, 3 files per run of the
# tool, --keep-order) and checks that the output is the same as one serial run's.
set -eu
bin="$1"; sample="$2"; work="$3"
rm -rf "$work"
mkdir -p "$work/archive/2024/06" "$work/archive/2024/07"
cp "$sample" "$work/archive/2024/06/a-sample.txt"
printf 'Ferry resumes\n\nBy Lena Ortiz\n\nThe ferry resumed on Monday, the operator said.\n' \
    > "$work/archive/2024/06/b-ferry.txt"
printf '"We are glad," said Piet Marr. Police said two men were detained on Friday.\n' \
    > "$work/archive/2024/06/c-police.txt"
printf 'Bad bytes \377\376 and an unclosed "quote.\n' > "$work/archive/2024/07/d-bytes.txt"
: > "$work/archive/2024/07/e-empty.txt"
for i in 1 2 3 4 5 6 7; do
    printf 'Report %s.\n\nThe council said on Tuesday that %s roads would reopen.\n' "$i" "$i" \
        > "$work/archive/2024/07/f-$i.txt"
done
cd "$work"
PATH="$(dirname "$bin"):$PATH"
export PATH

# --- the example of docs/scaling.md -------------------------------------------------------
find archive -name '*.txt' -print0 | sort -z |
    parallel -0 --will-cite --keep-order -j 2 -n 3 reportage parse --jsonl > reports.jsonl
# ---------------------------------------------------------------------------------------

find archive -name '*.txt' -print0 | sort -z | xargs -0 reportage parse --jsonl > serial.jsonl
lines=$(wc -l < reports.jsonl)
[ "$lines" -eq 12 ] || { echo "expected 12 lines, got $lines" >&2; exit 1; }
cmp reports.jsonl serial.jsonl || { echo "parallel output differs from the serial run" >&2; exit 1; }
echo "ok: $lines reports, the same as one serial run"
