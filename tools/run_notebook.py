#!/usr/bin/python3
"""Execute notebooks headless with a Jupyter kernel; write the executed copy and an HTML copy.

    run_notebook.py --kernel tessera --jupyter-dir DIR --out-dir OUT NB.ipynb [NB2.ipynb ...]

Every cell runs (a failing cell does not stop the rest) so one run shows every problem.
Writes OUT/<name>.ipynb and OUT/<name>.html (also when the kernel dies midway), and exits 1
if any cell failed, listing each one. Uses Debian's python3-nbclient / python3-nbformat / jupyter-nbconvert.
"""
import argparse
import json
import os
import sys

from kernel_cells import TESSERA_ERROR  # marker of a displayed magic error

CELL_TIMEOUT_S = 1800  # only so a hung kernel cannot hang CI forever; not a performance bound
STARTUP_TIMEOUT_S = 600
EXPECT_ERROR_TAG = "tessera-error"  # a cell that demonstrates a clear error message on bad input


def cell_error(cell, reply=None):
    """The error of an executed cell as one line, or None. The Kotlin kernel reports a failing
    cell only in its execute_reply (plus a stderr stream), not as an `error` output. A Tessera
    magic error is a display (never an exception), recognised by its marker MIME type: it fails
    the run unless the cell is tagged tessera-error, and a cell so tagged must show one."""
    tags = cell.get("metadata", {}).get("tags", [])
    if "raises-exception" in tags:
        return None
    shown = [out["data"][TESSERA_ERROR] for out in cell.get("outputs", [])
             if TESSERA_ERROR in out.get("data", {})]
    if EXPECT_ERROR_TAG in tags:
        if not shown:
            return f"cell is tagged {EXPECT_ERROR_TAG} but showed no Tessera error"
    elif shown:
        marker = shown[0]
        if isinstance(marker, str):  # the Kotlin kernel sends every MIME value as a string
            try:
                marker = json.loads(marker)
            except ValueError:
                marker = {"problem": marker}
        return f"Tessera error: {marker.get('problem')}"
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return f"{out.get('ename')}: {out.get('evalue')}"
    if reply is not None and reply["content"].get("status") == "error":
        content = reply["content"]
        return f"{content.get('ename')}: {content.get('evalue')}"
    return None


def display_tracking_client():
    """
    An nbclient NotebookClient that also applies update_display_data messages that carry no
    parent header, routed by display id as the browser frontends do (the Kotlin kernel
    0.11.0-398 sends UPDATE_DISPLAY without a parent, and plain nbclient drops them, so a live
    training board would stay at its first frame in executed notebooks).
    """
    from nbclient import NotebookClient
    from nbclient.util import ensure_async

    class DisplayTrackingClient(NotebookClient):
        async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
            from nbclient.exceptions import CellExecutionComplete
            while True:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
                if msg["parent_header"].get("msg_id") == parent_msg_id:
                    try:
                        self.process_message(msg, cell, cell_index)
                    except CellExecutionComplete:
                        return
                elif msg["header"].get("msg_type") == "update_display_data":
                    display_id = msg["content"].get("transient", {}).get("display_id")
                    if display_id:
                        self._update_display_id(display_id, msg)

    return DisplayTrackingClient


def run(path, kernel, out_dir):
    import nbformat
    from nbconvert import HTMLExporter

    NotebookClient = display_tracking_client()
    nb = nbformat.read(path, as_version=4)
    replies = {}
    client = NotebookClient(nb, kernel_name=kernel, timeout=CELL_TIMEOUT_S,
                            startup_timeout=STARTUP_TIMEOUT_S, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.__setitem__(cell_index, execute_reply)
    try:
        client.execute()
    finally:
        name = os.path.splitext(os.path.basename(path))[0]
        os.makedirs(out_dir, exist_ok=True)
        executed = os.path.join(out_dir, name + ".ipynb")
        nbformat.write(nb, executed)
        html, _ = HTMLExporter().from_notebook_node(nb)
        with open(os.path.join(out_dir, name + ".html"), "w", encoding="utf-8") as f:
            f.write(html)
        print(f"executed {path} -> {executed} (+ .html)")
    errors = [(i, cell_error(cell, replies.get(i))) for i, cell in enumerate(nb.cells)]
    return [(i, e) for i, e in errors if e]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+")
    parser.add_argument("--kernel", default="tessera", help="kernelspec name")
    parser.add_argument("--jupyter-dir", help="folder holding kernels/<kernel>/ (prepended to JUPYTER_PATH)")
    parser.add_argument("--out-dir", required=True)
    args = parser.parse_args()
    if args.jupyter_dir:
        os.environ["JUPYTER_PATH"] = os.pathsep.join(
            p for p in [os.path.abspath(args.jupyter_dir), os.environ.get("JUPYTER_PATH")] if p)

    failed = False
    for path in args.notebooks:
        try:
            errors = run(path, args.kernel, args.out_dir)
        except Exception as e:  # kernel died, timed out, notebook unreadable...
            errors = [(None, f"{type(e).__name__}: {e}")]
        for cell, message in errors:
            failed = True
            where = "notebook" if cell is None else f"cell {cell}"
            print(f"ERROR {path} {where}: {message}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
