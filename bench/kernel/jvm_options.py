#!/usr/bin/python3
"""What the kernel's JVM options buy: the first cell and whole notebooks with and without each.

    jvm_options.py --jupyter-dir DIR [--kernel tessera] [--rounds 2] [--notebooks NB.ipynb ...] [--out FILE]

Takes the project's kernelspec (DIR/kernels/NAME/kernel.json, as ./tessera writes it: C1 only and
the class archive) and makes four variants of it: neither option, the class archive only, C1 only
(-XX:TieredStopAtLevel=1), both. Each round times the first cell (bench/kernel/first_cell.py:
`%use tessera` + the first `%tessera tokenize sample:1` in a fresh kernel) under every variant,
interleaved, then runs the notebooks headless under every variant (tools/run_notebook.py), and
writes a markdown table. Run it through ./tessera bench-first-cell first, so the kernelspec and the
archive exist.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from first_cell import one_round, run_facts  # noqa: E402  (puts tools/ on the path)
from kernelspec import ARCHIVE_FLAG as ARCHIVE, KERNEL_JIT  # noqa: E402

C1, = KERNEL_JIT


def variants(spec):
    argv = spec["argv"]
    archive = [a for a in argv if a.startswith(ARCHIVE)]
    if not archive or not os.path.isfile(archive[0][len(ARCHIVE):]):
        sys.exit("jvm_options: the kernelspec names no existing class archive; run ./tessera bench-first-cell once first")
    bare = [a for a in argv if a != C1 and not a.startswith(ARCHIVE)]
    with_flags = lambda flags: dict(spec, argv=[bare[0], *flags, *bare[1:]])
    return {"neither": with_flags([]), "archive": with_flags(archive), "C1": with_flags([C1]),
            "archive + C1": with_flags([C1, *archive])}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jupyter-dir", required=True)
    ap.add_argument("--kernel", default="tessera")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--notebooks", nargs="*", default=[])
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results", "kernel-jvm-options.md"))
    a = ap.parse_args()
    jupyter_dir = os.path.abspath(a.jupyter_dir)
    with open(os.path.join(jupyter_dir, "kernels", a.kernel, "kernel.json"), encoding="utf-8") as f:
        specs = variants(json.load(f))
    facts = run_facts(jupyter_dir, a.kernel)
    work = tempfile.mkdtemp(prefix="tessera-jvm-options-")
    names = {}
    for i, (label, spec) in enumerate(specs.items()):
        names[label] = f"variant{i}"
        folder = os.path.join(work, "kernels", names[label])
        os.makedirs(folder)
        with open(os.path.join(folder, "kernel.json"), "w", encoding="utf-8") as f:
            json.dump(spec, f, indent=1)
    os.environ["JUPYTER_PATH"] = work
    first = {label: [] for label in specs}
    notebooks = {label: [] for label in specs}
    for r in range(a.rounds):
        for label in specs:
            result = one_round(names[label])
            first[label].append(result)
            print(f"round {r + 1}, {label}: first cell {result['total']:.2f} s", file=sys.stderr)
        if a.notebooks:
            for label in specs:
                started = time.perf_counter()
                subprocess.run([sys.executable, os.path.join(ROOT, "tools", "run_notebook.py"), "--kernel", names[label],
                                "--jupyter-dir", work, "--out-dir", os.path.join(work, "out", names[label]), *a.notebooks],
                               check=True, stdout=subprocess.DEVNULL)
                notebooks[label].append(time.perf_counter() - started)
                print(f"round {r + 1}, {label}: notebooks {notebooks[label][-1]:.1f} s", file=sys.stderr)

    lines = ["# The kernel's JVM options: first cell and notebooks", ""]
    lines += [f"- {k}: {v}" for k, v in facts.items()]
    lines += [f"- command: `bench/kernel/jvm_options.py --rounds {a.rounds}"
              + (" --notebooks " + " ".join(os.path.relpath(n, ROOT) for n in a.notebooks) if a.notebooks else "") + "`",
              "- first cell: `%use tessera` + the first `%tessera tokenize sample:1` in a fresh kernel, request to reply;"
              " notebooks: headless run of all of them in one command, kernel start included; rounds interleave the variants",
              "", "| JVM options | first cell, s (per round) | `%use` + tokenize, s | kernel RSS, MB |"
              + (" notebooks, s (per round) |" if a.notebooks else ""),
              "|---|---|---|---|" + ("---|" if a.notebooks else "")]
    for label in specs:
        rs = first[label]
        joined = lambda values: " · ".join(values)
        row = "| {} | {} | {} | {} |".format(
            label, joined("%.2f" % x["total"] for x in rs), joined("%.2f + %.2f" % (x["use"], x["tokenize"]) for x in rs),
            joined("%.0f" % x["rssMb"] for x in rs))
        if a.notebooks:
            row += " {} |".format(joined("%.1f" % t for t in notebooks[label]))
        lines.append(row)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"written to {a.out}")


if __name__ == "__main__":
    main()
