#!/usr/bin/env bash
# Whole-program throughput of 'parley analyze' on a large JSON Lines corpus
# built reproducibly from the PolNeAR article texts (repeated to SIZE_MB).
#
#   scripts/throughput.sh                 # 200 MB corpus, GOMAXPROCS=1 and 2
#   SIZE_MB=50 PROCS="1 2 4" scripts/throughput.sh
#   STREAM_MB=1000 scripts/throughput.sh  # also stream 1000 MB through a pipe (peak RSS)
#
# Reports MB/s and docs/s (from parley's own summary line) and the peak RSS
# (/usr/bin/time -v). Everything is written under $WORK (default
# /tmp/parley-throughput), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-200}
PROCS=${PROCS:-"1 2"}
STREAM_MB=${STREAM_MB:-0}
WORK=${WORK:-/tmp/parley-throughput}
POLNEAR=${POLNEAR:-../shared/data/polnear}

if [[ ! -d $POLNEAR ]]; then
	echo "throughput: PolNeAR not found at $POLNEAR" >&2
	exit 1
fi
if [[ ! -x /usr/bin/time ]]; then
	echo "throughput: /usr/bin/time (GNU time) is needed for the peak RSS" >&2
	exit 1
fi
mkdir -p "$WORK"
go build -o "$WORK/parley" ./cmd/parley
go build -o "$WORK/mkcorpus" ./scripts/mkcorpus
corpus=$WORK/polnear-${SIZE_MB}MB.jsonl
if [[ ! -s $corpus ]]; then
	"$WORK/mkcorpus" -src "$POLNEAR" -mb "$SIZE_MB" -o "$corpus"
fi
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($bytes bytes, $(wc -l <"$corpus") documents, md5 $(md5sum <"$corpus" | cut -c1-12))"
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
# cpu_s is user+sys time; MB/cpu_s is the throughput per busy core, which a
# loaded machine disturbs less than the wall-clock MB/s.
printf '%-20s %8s %8s %9s %8s %9s %11s\n' GOMAXPROCS seconds MB/s docs/s cpu_s MB/cpu_s peakRSS_MB

# measure NAME CMD...: runs CMD under /usr/bin/time -v; prints one row.
measure() {
	local name=$1
	shift
	local log=$WORK/time-$name.log
	/usr/bin/time -v "$@" 2>"$log" >/dev/null
	# parley's summary: "parley analyze: N documents, E errors, W warnings, S s, R MB/s"
	local summary docs secs mbs rss cpu
	summary=$(grep '^parley analyze: [0-9]* documents' "$log" | tail -1)
	docs=$(sed -E 's/^parley analyze: ([0-9]+) documents.*/\1/' <<<"$summary")
	secs=$(sed -E 's/.* ([0-9.]+) s, .*/\1/' <<<"$summary")
	mbs=$(sed -E 's/.* ([0-9.]+) MB\/s$/\1/' <<<"$summary")
	rss=$(awk -F: '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$log")
	cpu=$(awk -F: '/User time|System time/ {t += $2} END {printf "%.2f", t}' "$log")
	printf '%-20s %8s %8s %9.0f %8s %9.2f %11s\n' "$name" "$secs" "$mbs" \
		"$(awk -v d="$docs" -v s="$secs" 'BEGIN{print d/s}')" "$cpu" \
		"$(awk -v m="$mbs" -v s="$secs" -v c="$cpu" 'BEGIN{print m*s/c}')" "$rss"
}

for p in $PROCS; do
	measure "$p" env GOMAXPROCS="$p" "$WORK/parley" analyze "$corpus"
done

if [[ $STREAM_MB -gt 0 ]]; then
	# Streaming: the corpus is generated into a pipe, so the input is never
	# on disk and the RSS is that of parley alone.
	p=${PROCS##* }
	measure "$p-stream${STREAM_MB}MB" bash -c \
		"'$WORK/mkcorpus' -src '$POLNEAR' -mb $STREAM_MB | GOMAXPROCS=$p '$WORK/parley' analyze"
fi
