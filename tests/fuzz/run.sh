#!/bin/bash
# tests/fuzz/run.sh SECONDS: builds the libFuzzer harnesses (clang,
# AddressSanitizer, UndefinedBehaviorSanitizer) straight from the lib
# sources into build/fuzz/, runs each for SECONDS seconds on its corpus
# and prints TAP: "ok - fuzz query (N runs)" or "not ok - ...".
# A crash leaves its input in build/fuzz/artifacts/ and the log beside it.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SECS=${1:-60}
OUT=$ROOT/build/fuzz
CC=${FUZZ_CC:-clang}
SRC="lib/arena.c lib/req.c lib/field.c lib/log.c lib/search.c lib/zone.c"
FLAGS="-g -O1 -std=gnu11 -D_GNU_SOURCE -Ilib -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer"
mkdir -p "$OUT/artifacts"

for name in query form cookie search; do
	bin=$OUT/fuzz_$name
	log=$OUT/$name.log
	if ! $CC $FLAGS -o "$bin" "tests/fuzz/fuzz_$name.c" $SRC -lfcgi -lm \
	    > "$log" 2>&1; then
		echo "not ok - fuzz $name: build failed (see $log)"
		sed 's/^/# /' "$log" | head -20
		continue
	fi
	# the checked-in seeds stay as they are; new finds go to build/
	mkdir -p "$OUT/corpus/$name"
	if "$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=4096 -print_final_stats=1 \
	    -artifact_prefix="$OUT/artifacts/$name-" \
	    "$OUT/corpus/$name" "tests/fuzz/corpus/$name" > "$log" 2>&1; then
		runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
		echo "ok - fuzz $name (${runs:-?} runs)"
	else
		echo "not ok - fuzz $name (see $log)"
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" |
			head -10 | sed 's/^/# /'
	fi
done
