#!/usr/bin/python3
"""Time a user's first Tessera cell in the real Kotlin kernel, started from the project's kernelspec.

    first_cell.py --jupyter-dir DIR [--kernel tessera] [--rounds 3]

Each round starts a fresh kernel and waits until it answers a kernel-info request (a started
kernel, as a user has when a notebook opens; nothing compiled yet), then times two cells from
sending the request to the reply: `%use tessera`, then `%tessera tokenize sample:1` (which must display a token grid).
Then it asks Tessera for its own breakdown (dev.tessera.engine.runtime.StartupTimings) and reads
the kernel process's resident memory. Run it through `./tessera bench-first-cell`, which builds
Tessera and writes the kernelspec first; the native library cache (~/.djl.ai) is whatever the
machine has: run once before measuring to time a user's second session. With --split, each round
first runs `1 + 1` (the kernel's own first compile, which any first cell pays) and reports it
apart, so what remains is Tessera's share. The tokenize cell is also laid out step by step
("tokenizeTimeline"): the kernel's own message times (busy, execute_input, display, idle, from the
message headers) around Tessera's wall-clock marks (preprocessed, magic started and returned, result
drawn), so the time outside Tessera's code is placed, not guessed.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from jupyter_client.manager import KernelManager

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "tools"))
from kernel_cells import TIMEOUT_S, execute, execute_timed, tessera_error  # noqa: E402


def run_facts(jupyter_dir, kernel):
    """What a reader needs to compare runs: commit, time, load, and the kernel's JVM flags."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    commit = subprocess.run(["git", "-C", root, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    with open(os.path.join(jupyter_dir, "kernels", kernel, "kernel.json"), encoding="utf-8") as f:
        argv = json.load(f)["argv"]
    flags = [a for a in argv[1:argv.index("-cp")] if a.startswith("-X")]
    with open("/proc/loadavg", encoding="ascii") as f:
        load = " ".join(f.read().split()[:3])
    return {"commit": commit, "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "cores": os.cpu_count(), "loadAverageAtStart": load, "kernelJvmFlags": flags}


def rss_mb(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def text_of(outputs):
    parts = []
    for o in outputs:
        if "text" in o:
            parts.append(o["text"])
        elif "data" in o:
            parts.append(o["data"].get("text/plain", ""))
    return "".join(parts)


def timeline(events, marks):
    """The tokenize cell from request to reply, step by step (seconds), from the kernel's message
    times and Tessera's own wall-clock marks (StartupTimings.mark): where the time outside Tessera goes."""
    points = [("request sent", events.get("sent")), ("kernel busy", events.get("busy")),
              ("execute_input sent", events.get("execute_input")),
              ("magic cell preprocessed", marks.get("magic cell preprocessed")),
              ("magic started", marks.get("magic started")), ("magic returned", marks.get("magic returned")),
              ("result drawn", marks.get("result drawn")),
              ("display sent", events.get("display_data", events.get("execute_result"))), ("kernel idle", events.get("idle"))]
    points = [(name, at) for name, at in points if at is not None]
    return {f"{a} -> {b}": round(tb - ta, 4) for (a, ta), (b, tb) in zip(points, points[1:])}


def one_round(kernel, split=False):
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    try:
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=TIMEOUT_S)
        pid = km.provisioner.process.pid
        floor_s = execute(client, "1 + 1")[0] if split else None
        use_s, _, err = execute(client, "%use tessera")
        if err:
            sys.exit("first_cell: %use tessera failed: " + err)
        tok_s, outputs, err, events = execute_timed(client, "%tessera tokenize sample:1")
        if err:
            sys.exit("first_cell: %tessera tokenize sample:1 failed: " + err)
        refusal = tessera_error(outputs)
        if refusal:
            sys.exit("first_cell: %tessera tokenize sample:1 answered with an error: " + refusal)
        if not any("data" in o and ("text/html" in o["data"] or "image/png" in o["data"] or "image/svg+xml" in o["data"])
                   for o in outputs):
            sys.exit("first_cell: %tessera tokenize sample:1 displayed no picture")
        _, report, err = execute(client, "dev.tessera.engine.runtime.StartupTimings.json()")
        breakdown = json.loads(text_of(report).strip().strip('"').replace('\\"', '"')) if not err else {}
        _, marks_out, err = execute(client, "dev.tessera.engine.runtime.StartupTimings.marksJson()")
        marks = json.loads(text_of(marks_out).strip().strip('"').replace('\\"', '"')) if not err else {}
        result = {"use": use_s, "tokenize": tok_s, "total": use_s + tok_s, "rssMb": rss_mb(pid), "breakdown": breakdown,
                  "tokenizeTimeline": timeline(events, marks)}
        if split:
            result["kernelFirstCell"] = floor_s
        return result
    finally:
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jupyter-dir", required=True, help="the folder with kernels/<name>/kernel.json")
    ap.add_argument("--kernel", default="tessera")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", help="also write every round as JSON here")
    ap.add_argument("--split", action="store_true", help="run `1 + 1` first and report the kernel's own first compile apart")
    a = ap.parse_args()
    os.environ["JUPYTER_PATH"] = os.path.abspath(a.jupyter_dir)
    facts = run_facts(os.path.abspath(a.jupyter_dir), a.kernel)
    rounds = [one_round(a.kernel, a.split) for _ in range(a.rounds)]
    for i, r in enumerate(rounds, 1):
        parts = ", ".join(f"{k} {v:.2f} s" for k, v in r["breakdown"].items())
        floor = f"`1 + 1` first {r['kernelFirstCell']:.2f} s, then " if "kernelFirstCell" in r else ""
        print(f"round {i}: {floor}%use tessera {r['use']:.2f} s + first tokenize {r['tokenize']:.2f} s = {r['total']:.2f} s, "
              f"kernel RSS {r['rssMb']:.0f} MB; Tessera's own timings: {parts or 'no breakdown'}")
        print("  tokenize cell, step by step: " + ", ".join(f"{k} {v:.3f} s" for k, v in r["tokenizeTimeline"].items()))
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            json.dump(dict(facts, rounds=rounds), f, indent=1)
            f.write("\n")
    print(f"median first cell: {statistics.median(r['total'] for r in rounds):.2f} s "
          f"(%use {statistics.median(r['use'] for r in rounds):.2f} s + tokenize "
          f"{statistics.median(r['tokenize'] for r in rounds):.2f} s), "
          f"median RSS {statistics.median(r['rssMb'] for r in rounds):.0f} MB over {len(rounds)} fresh kernels")


if __name__ == "__main__":
    main()
