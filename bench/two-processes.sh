#!/usr/bin/env bash
# Generation speed when two Tessera processes share the machine (e.g. two notebook kernels), with
# libtorch's OpenMP threads spinning while they wait (the default) and sleeping (OMP_WAIT_POLICY=PASSIVE).
# Each run draws 4 images for each of the 21 judged prompts with the shipped model and prints its ms/image.
# Usage: bench/two-processes.sh [rounds]   (about 2.5 minutes a round on two cores)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="${1:-1}"
run() { ./tessera engine eval-unified --scenes 1 --samples 4 2>&1 | grep -o "[0-9.]* ms/image"; }
echo "machine: $(nproc) cores; TESSERA_THREADS=${TESSERA_THREADS:-default}"
for r in $(seq "$rounds"); do
  echo "round $r"
  echo "  alone, default wait policy:      $(run)"
  echo "  two at once, default:            $( (run & run & wait) | tr '\n' ' ')"
  echo "  two at once, OMP_WAIT_POLICY=PASSIVE: $( (export OMP_WAIT_POLICY=PASSIVE; run & run & wait) | tr '\n' ' ')"
  echo "  alone, OMP_WAIT_POLICY=PASSIVE:  $(OMP_WAIT_POLICY=PASSIVE run)"
done
