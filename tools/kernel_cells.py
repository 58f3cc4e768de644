"""Running cells in a Kotlin kernel through jupyter_client, as the first-cell bench and the class
archive builder do: one cell at a time, its outputs collected, every way it can fail reported.

The Kotlin kernel reports a cell that fails to compile only in its execute_reply, and a Tessera
magic never raises: it displays its error with the TESSERA_ERROR MIME type (tools/run_notebook.py
checks the same marker in executed notebooks).
"""
import json
import time

TIMEOUT_S = 300
TESSERA_ERROR = "application/vnd.tessera.error+json"  # marker of a displayed magic error


def execute(client, code, timeout=TIMEOUT_S):
    """Runs code; returns (seconds from request to reply, outputs, error or None). The error is the
    kernel's error message, or its failed execute_reply; a Tessera error display is an output
    (see tessera_error)."""
    start = time.perf_counter()
    msg_id = client.execute(code)
    outputs, error = [], None
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind in ("display_data", "execute_result", "stream"):
            outputs.append(msg["content"])
        elif kind == "error":
            error = msg["content"]["ename"] + ": " + msg["content"]["evalue"]
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    elapsed = time.perf_counter() - start
    reply = client.get_shell_msg(timeout=timeout)
    if error is None and reply["content"].get("status") != "ok":
        error = reply["content"].get("ename", "error") + ": " + reply["content"].get("evalue", "")
    return elapsed, outputs, error


def execute_timed(client, code, timeout=TIMEOUT_S):
    """As execute, plus when things happened, in seconds since the epoch: "sent" (this client's
    request) and when this client received the kernel's messages: "busy", "execute_input", the
    first "display_data" or "execute_result", and "idle". Receipt times, not the headers' dates:
    the Kotlin kernel's header dates are not the moment a message is sent (they can precede the
    request)."""
    sent = time.time()
    start = time.perf_counter()
    msg_id = client.execute(code)
    outputs, error, events = [], None, {"sent": sent}
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        at = time.time()
        if kind in ("display_data", "execute_result", "stream"):
            outputs.append(msg["content"])
            if at is not None:
                events.setdefault(kind, at)
        elif kind == "execute_input" and at is not None:
            events.setdefault("execute_input", at)
        elif kind == "error":
            error = msg["content"]["ename"] + ": " + msg["content"]["evalue"]
        elif kind == "status":
            state = msg["content"]["execution_state"]
            if state == "busy" and at is not None:
                events.setdefault("busy", at)
            elif state == "idle":
                if at is not None:
                    events["idle"] = at
                break
    elapsed = time.perf_counter() - start
    reply = client.get_shell_msg(timeout=timeout)
    if error is None and reply["content"].get("status") != "ok":
        error = reply["content"].get("ename", "error") + ": " + reply["content"].get("evalue", "")
    return elapsed, outputs, error, events


def tessera_error(outputs):
    """The problem of a Tessera magic error among the outputs, or None."""
    for o in outputs:
        marker = o.get("data", {}).get(TESSERA_ERROR)
        if marker is not None:
            return marker if isinstance(marker, str) else json.dumps(marker)
    return None
