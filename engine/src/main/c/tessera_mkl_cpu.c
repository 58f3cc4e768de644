/*
 * Tessera's answer to oneMKL's CPU-vendor check, for libtorch's bundled oneMKL.
 *
 * oneMKL chooses its code path at the first matrix product. On a CPU that does not identify
 * itself as Intel's, it ignores the AVX-512 units the CPU reports and runs its AVX2 kernels: on an
 * AMD EPYC with AVX-512, a 1024x1024 single-precision product ran at 84 GFLOP/s on one thread
 * instead of 175. libtorch_cpu.so exports oneMKL's check, mkl_serv_intel_cpu_true, and calls it
 * through its symbol table, so a definition that the dynamic linker finds first (this library,
 * opened with RTLD_GLOBAL before libtorch loads: dev.tessera.engine.runtime.MklCpuOverride) is the
 * one oneMKL asks. oneMKL still reads the CPU's feature flags itself, so it only takes kernels
 * the CPU has; Tessera loads this library only on CPUs that report AVX-512F and checks a matrix
 * product against a known answer before it trusts the result (TESSERA_AVX512_GEMM=off opts out).
 */

/* oneMKL asks: is this an Intel CPU? Answering yes lets it use every instruction set the CPU reports. */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}

