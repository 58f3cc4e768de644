#!/usr/bin/env bash
# Does OMP_WAIT_POLICY=PASSIVE (Tessera's default, dev.tessera.engine.runtime.OpenMpWaits) cost a lone
# Tessera process anything? Paired rounds, alternating GNU OpenMP's own default (threads spin 300,000
# times while they wait: GOMP_SPINCOUNT=300000, which Tessera leaves alone) and PASSIVE (they sleep), of the
# unified transformer bench (training tokens/s, generation ms/image) and the VQ tokenizer bench
# (encode/decode images/s at batch 1 and 256, training step ms), each at 1 and 2 engine threads.
# Prints one JSON line per run. Usage: bench/wait-policy.sh [rounds]   (about 4 minutes a round)
# Build first: mvn -B -q package -pl bench -am -Dmaven.test.skip=true
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-AVX2}" TORCH_CPP_LOG_LEVEL=ERROR
jar=bench/target/tessera-bench.jar
rounds="${1:-3}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); commit $(git rev-parse --short HEAD)"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # policy, class, args...
  local policy="$1"; shift
  if [[ "$policy" == passive ]]; then
    env -u GOMP_SPINCOUNT OMP_WAIT_POLICY=PASSIVE java -Xmx4g -cp "$jar" "$@" 2>/dev/null | tail -1
  else
    env -u OMP_WAIT_POLICY GOMP_SPINCOUNT=300000 java -Xmx4g -cp "$jar" "$@" 2>/dev/null | tail -1
  fi
}
for r in $(seq "$rounds"); do
  for threads in 1 2; do
    for policy in spinning passive; do
      echo "round $r threads $threads $policy unified $(run "$policy" dev.tessera.bench.UnifiedBench --threads "$threads" --steps 20 --warmup 3 --gen-runs 3)"
      echo "round $r threads $threads $policy vq $(run "$policy" dev.tessera.bench.TokenizerSpeed --threads "$threads" --kind vq)"
    done
  done
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
