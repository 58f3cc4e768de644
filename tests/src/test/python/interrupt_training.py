#!/usr/bin/python3
"""Interrupt `%tessera train unified` through a real Jupyter client and report what happened.

    interrupt_training.py --kernel tessera --jupyter-dir DIR --work DIR --steps N --interrupt-at K
                          [--settings "preset=tiny batch=8 ..."] --report REPORT.json

Starts the kernel from its kernelspec (JUPYTER_PATH=DIR) the way Jupyter does, then in one
kernel session:
  1. trains with out=WORK/interrupted and, once the live board shows step K, interrupts the
     kernel with KernelManager.interrupt_kernel() (the kernelspec's interrupt mode decides how:
     "message" sends interrupt_request on the control channel, "signal" sends SIGINT);
  2. runs a plain cell, to see the kernel still executes;
  3. resumes the checkpoint (resume=true) to N steps;
  4. trains the same settings uninterrupted into out=WORK/straight.
Writes REPORT.json with each cell's status, the last text of each live board, the checkpoints'
config.json step / recipe steps and history.json. It asserts nothing: the calling test
(KernelInterruptIT) does, so a failure names the promise that broke. Exits 2 only when the
kernel could not be driven at all (no kernel, a cell never answered).
"""
import argparse
import json
import os
import queue
import re
import sys
import time

STEP = re.compile(r"step (\d+)/(\d+)")


class Session:
    """One kernel and its client; executes cells and follows their displays by display id."""

    def __init__(self, kernel, cwd, startup_timeout):
        from jupyter_client.manager import KernelManager
        self.km = KernelManager(kernel_name=kernel)
        self.km.start_kernel(cwd=cwd)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=startup_timeout)
        self.displays = {}  # display id -> latest data bundle (update_display_data has no parent here)

    def interrupt_mode(self):
        return self.km.kernel_spec.interrupt_mode

    def run(self, code, timeout, on_message=None):
        """Executes code; returns {status, texts, boards, seconds}. on_message(session) is
        called after each iopub message while the cell runs."""
        started = time.monotonic()
        msg_id = self.kc.execute(code)
        texts, boards, status = [], [], None
        deadline = started + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no reply within {timeout}s to: {code}")
            try:
                msg = self.kc.get_iopub_msg(timeout=min(left, 1.0))
            except queue.Empty:
                if on_message:
                    on_message(self)
                continue
            kind = msg["header"]["msg_type"]
            content = msg["content"]
            mine = msg["parent_header"].get("msg_id") == msg_id
            display_id = content.get("transient", {}).get("display_id") if isinstance(content, dict) else None
            if kind in ("display_data", "update_display_data") and display_id:
                self.displays[display_id] = content["data"]
                if mine and kind == "display_data" and display_id not in boards:
                    boards.append(display_id)
            elif mine and kind == "stream":
                texts.append(content["text"])
            elif mine and kind in ("execute_result", "display_data"):
                texts.append(content["data"].get("text/plain", ""))
            elif mine and kind == "error":
                texts.append(f"{content.get('ename')}: {content.get('evalue')}")
            elif mine and kind == "status" and content["execution_state"] == "idle":
                break
            if on_message:
                on_message(self)
        reply = self.kc.get_shell_msg(timeout=max(1.0, deadline - time.monotonic()))
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=max(1.0, deadline - time.monotonic()))
        status = reply["content"]["status"]
        if status == "error":
            texts.append(f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")
        return {"status": status, "texts": texts, "boards": boards, "seconds": round(time.monotonic() - started, 1)}

    def board_text(self, display_id):
        return self.displays.get(display_id, {}).get("text/plain", "")

    def close(self):
        try:
            self.kc.stop_channels()
        finally:
            self.km.shutdown_kernel(now=True)


def checkpoint(folder):
    """config.json's step and recipe steps plus history.json's losses, or None when absent."""
    config = os.path.join(folder, "config.json")
    if not os.path.isfile(config):
        return None
    with open(config, encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(folder, "history.json"), encoding="utf-8") as f:
        history = json.load(f)
    return {"step": manifest["step"], "steps": manifest["training"]["steps"], "history": history}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", default="tessera")
    parser.add_argument("--jupyter-dir", required=True)
    parser.add_argument("--work", required=True, help="empty folder: the kernel's cwd and the checkpoints")
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--interrupt-at", type=int, required=True, help="interrupt once the board shows this step")
    parser.add_argument("--settings", default="preset=tiny batch=8 checkpoint-every=5 seed=5")
    parser.add_argument("--cell-timeout", type=float, default=600)
    parser.add_argument("--report", required=True)
    args = parser.parse_args()
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in [os.path.abspath(args.jupyter_dir), os.environ.get("JUPYTER_PATH")] if p)
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    interrupted_dir, straight_dir = os.path.join(work, "interrupted"), os.path.join(work, "straight")
    report = {"steps": args.steps, "interruptAt": args.interrupt_at, "settings": args.settings}

    session = Session(args.kernel, work, args.cell_timeout)
    try:
        report["interruptMode"] = session.interrupt_mode()
        report["use"] = session.run("%use tessera", args.cell_timeout)

        sent = {}

        def interrupt_when_due(s):
            if sent:
                return
            for display_id in list(s.displays):
                m = STEP.search(s.board_text(display_id))
                if m and int(m.group(1)) >= args.interrupt_at:
                    sent["boardStep"] = int(m.group(1))
                    sent["at"] = time.monotonic()
                    s.km.interrupt_kernel()
                    return

        train = f"%tessera train unified {args.settings} steps={args.steps} out={interrupted_dir}"
        result = session.run(train, args.cell_timeout, interrupt_when_due)
        result["interruptSentAtBoardStep"] = sent.get("boardStep")
        result["board"] = [session.board_text(b) for b in result["boards"]]
        report["interrupted"] = result
        report["interruptedCheckpoint"] = checkpoint(interrupted_dir)

        report["alive"] = session.run('println("alive " + (6 * 7))', args.cell_timeout)

        resume = session.run(f"%tessera train unified out={interrupted_dir} resume=true", args.cell_timeout)
        resume["board"] = [session.board_text(b) for b in resume["boards"]]
        report["resumed"] = resume
        report["resumedCheckpoint"] = checkpoint(interrupted_dir)

        straight = session.run(f"%tessera train unified {args.settings} steps={args.steps} out={straight_dir}",
                               args.cell_timeout)
        straight["board"] = [session.board_text(b) for b in straight["boards"]]
        report["straight"] = straight
        report["straightCheckpoint"] = checkpoint(straight_dir)
    except Exception as e:  # kernel died or never answered: report what we have, then fail
        report["failure"] = f"{type(e).__name__}: {e}"
    finally:
        session.close()
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
        print(f"wrote {args.report}")
    if "failure" in report:
        print(f"interrupt_training: {report['failure']}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
