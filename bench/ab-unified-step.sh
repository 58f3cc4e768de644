#!/bin/bash
# Paired A/B of the unified training step: ${BENCH_DIR:-/tmp}/bench-baseline (jar + lib of the baseline commit) against ${BENCH_DIR:-/tmp}/bench-new (the current tree);
# build each with: mvn -B -q -o package -pl bench -am -Dmaven.test.skip=true, then copy bench/target/{tessera-bench.jar,lib}.
# 5 paired rounds, alternating, one engine thread; prints each run's JSON line (tokensPerSecond, cpuMsPerStep)
export ONEDNN_MAX_CPU_ISA=AVX2 TORCH_CPP_LOG_LEVEL=ERROR
for r in 1 2 3 4 5; do
  for v in baseline new; do
    d=${BENCH_DIR:-/tmp}/bench-$v; [ $v = baseline ] && d=${BENCH_DIR:-/tmp}/bench-baseline
    line=$(java -Xmx1g -cp $d/tessera-bench.jar dev.tessera.bench.UnifiedBench --threads 1 --steps 20 --warmup 3 --gen-runs 1 2>/dev/null | tail -1)
    echo "$r $v $line"
  done
done
