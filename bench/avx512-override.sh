#!/bin/bash
# What the AVX-512 override of oneMKL's CPU check (MklCpuOverride) is worth on this machine: Tessera's
# unified bench (training tokens/s, generation ms/image, 1024² matmul GFLOP/s) with the override off
# (TESSERA_AVX512_GEMM=off) and on its default (auto), paired and alternating, at 1 and 2 engine threads.
#   bench/avx512-override.sh [rounds]      (build first: mvn -B -q package -pl bench -am -Dmaven.test.skip=true)
# Prints one line per run: round, threads, setting, then the bench's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
export ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-AVX2}" TORCH_CPP_LOG_LEVEL=ERROR
grep -o -m1 'avx512f' /proc/cpuinfo >/dev/null || echo "note: this CPU has no AVX-512F; the override never loads and both settings are the same"
echo "round threads setting tokens/s ms/image matmul-GFLOP/s gemm"
for r in $(seq 1 "${1:-3}"); do
  for t in 1 2; do
    for mode in off auto; do
      TESSERA_AVX512_GEMM=$mode java -Xmx1g -cp bench/target/tessera-bench.jar dev.tessera.bench.UnifiedBench \
          --threads "$t" --steps 20 --warmup 3 --gen-runs 3 2>/dev/null | tail -1 | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
print(sys.argv[1], sys.argv[2], sys.argv[3], round(d["tokensPerSecond"]), round(d["msPerImage"], 1),
      round(d["matmulGflops"], 1), "|", d["gemm"])' "$r" "$t" "$mode"
    done
  done
done
