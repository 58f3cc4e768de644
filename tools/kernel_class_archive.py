#!/usr/bin/python3
"""Build the class-data-sharing archive of the Tessera kernel's JVM, which makes a session start faster.

    kernel_class_archive.py --jupyter-dir DIR [--kernel tessera] --out FILE

Starts the kernel of DIR/kernels/NAME/kernel.json once more with -XX:ArchiveClassesAtExit, runs the
cells a session starts with (%use tessera, then tokenizing, captioning and a codebook atlas), shuts it down
cleanly so that the JVM writes the classes it loaded, parsed and verified into the archive, and
moves the archive to FILE. A kernel started with -XX:SharedArchiveFile=FILE
(tools/kernelspec.py --class-archive FILE) then maps those classes instead of loading them: the
first cell of a session took 4.7-5.2 s instead of 8.0-8.2 s on 2 cores, C2 kept
(bench/results/kernel-jvm-options.md).

The archive is valid for this JVM and these exact jars only; the JVM checks both and ignores a
stale archive. ./tessera rebuilds it after every build. Exits 1 with the reason when the kernel
fails; FILE is then left as it was.
"""
import argparse
import json
import os
import shutil
import sys

from jupyter_client.manager import KernelManager

from kernel_cells import TIMEOUT_S, execute, tessera_error
from kernelspec import ARCHIVE_FLAG
# What most sessions do first: the shipped tokenizer, the unified model, a codebook atlas
WARM_UP = ["%use tessera", "%tessera tokenize sample:1", "%tessera caption sample:2", "%tessera codebook"]


def run_cell(client, code):
    """Runs one warm-up cell; exits with the reason if it fails or displays a Tessera error."""
    _, outputs, error = execute(client, code)
    error = error or tessera_error(outputs)
    if error:
        sys.exit(f"kernel_class_archive: the cell {code!r} failed: {error}")


def dumping_spec(spec, target):
    """The kernelspec with the archive written at exit instead of read (the JVM cannot do both)."""
    argv = [a for a in spec["argv"] if not a.startswith(ARCHIVE_FLAG)]
    # CDS lists each class it cannot archive (e.g. Java 5 class files in the Kotlin compiler) as a warning
    argv[1:1] = ["-XX:ArchiveClassesAtExit=" + target, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    return dict(spec, argv=argv, display_name=spec.get("display_name", "") + " (archiving classes)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jupyter-dir", required=True, help="the folder with kernels/<name>/kernel.json")
    ap.add_argument("--kernel", default="tessera")
    ap.add_argument("--out", required=True, help="where the archive goes")
    a = ap.parse_args()

    jupyter_dir = os.path.abspath(a.jupyter_dir)
    with open(os.path.join(jupyter_dir, "kernels", a.kernel, "kernel.json"), encoding="utf-8") as f:
        spec = json.load(f)
    out = os.path.abspath(a.out)
    partial = out + ".partial"
    if os.path.exists(partial):
        os.remove(partial)
    name = a.kernel + "-archiving"
    folder = os.path.join(jupyter_dir, "kernels", name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "kernel.json"), "w", encoding="utf-8") as f:
        json.dump(dumping_spec(spec, partial), f, indent=1)
    os.environ["JUPYTER_PATH"] = jupyter_dir
    km = KernelManager(kernel_name=name)
    try:
        km.start_kernel()
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=TIMEOUT_S)
        for code in WARM_UP:
            run_cell(client, code)
        client.stop_channels()
        km.shutdown_wait_time = TIMEOUT_S  # the JVM writes the archive while it exits
        km.shutdown_kernel(now=False)
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        shutil.rmtree(folder, ignore_errors=True)
    if not os.path.isfile(partial) or os.path.getsize(partial) == 0:
        sys.exit("kernel_class_archive: the kernel exited without writing its class archive")
    os.replace(partial, out)
    print(out)


if __name__ == "__main__":
    main()
