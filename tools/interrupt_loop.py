"""Interrupt a batch run many times at random moments and count the runs that misbehave.

    .venv/bin/python tools/interrupt_loop.py matrix --runs 300
    .venv/bin/python tools/interrupt_loop.py lint --runs 100 --signal TERM --group
    .venv/bin/python tools/interrupt_loop.py render --runs 50 -- -f svg

Each run starts the console script on FILES generated journeys (`-j 2` where the
command takes it) in its own session, sends the signal after a random 0 to MAX ms (to
the main process, or with --group to the whole process group, as a terminal's Ctrl-C
does), and is flagged when:

- it has not exited 10 s after the signal (a hang: the stacks of every thread are
  printed, through a faulthandler registered on SIGUSR1 by a sitecustomize);
- its exit code is neither the signal's (128 + n) nor 0/1 for a run done before it;
- standard error is not exactly `journeymap: interrupted` for an interrupted run;
- a process of its session outlives it (a worker, Graphviz);
- a temporary or partial output file stays in the output folder.

Rare races (1 run in 100) need hundreds of runs: this is a tool, not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.processes import in_session  # noqa: E402  (run as a script: ROOT first)

EXAMPLES = ROOT / "examples"
BIN = Path(sys.executable).parent / "journeymap"

SITECUSTOMIZE = """\
import faulthandler
faulthandler.register(10, all_threads=True, chain=False)
"""
"""Stacks on SIGUSR1 (10 on Linux), for hangs; `faulthandler` is built in, so that the
interpreter's own start-up (where journeymap can do nothing) stays as short as it is."""

START_UP = (
    "Fatal Python error: init_import_site",
    "Fatal Python error: init_sys_streams",
    "Failed checking if argv[0]",
)
"""What CPython prints when the signal lands in its own start-up, before any of
journeymap's code runs."""


def _journeys(folder: Path, count: int) -> None:
    """`count` valid journeys, each with its own id, from the examples."""
    sources = sorted(EXAMPLES.glob("*.yaml"))
    for index in range(count):
        text = sources[index % len(sources)].read_text(encoding="utf-8")
        journey_id = text.split("\nid: ", 1)[1].split("\n", 1)[0]
        renamed = text.replace(f"\nid: {journey_id}\n", f"\nid: {journey_id}-{index}\n", 1)
        (folder / f"j{index:03}.yaml").write_text(renamed, encoding="utf-8")


def _argv(command: str, folder: Path, out: Path, extra: list[str]) -> list[str]:
    if command == "matrix":
        return [str(BIN), "matrix", str(folder), *extra]
    if command == "render":
        return [str(BIN), "render", "-j", "2", "-o", str(out), str(folder), *extra]
    if command == "site":
        return [str(BIN), "site", "-j", "2", "-o", str(out / "site"), str(folder), *extra]
    if command == "lint-output":
        return [str(BIN), "lint", "-j", "2", "--output", str(out / "lint.txt"), str(folder)]
    return [str(BIN), command, "-j", "2", str(folder), *extra]


def one_run(
    argv: list[str],
    signum: int,
    delay: float,
    group: bool,
    env: dict[str, str],
    out: Path,
    workers: int,
) -> tuple[str, str]:
    """('ok' | 'done-first' | a flag, details) for one run: the signal `delay` seconds
    after the start, or after `workers` child processes were first seen."""
    proc = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    if workers:
        deadline = time.monotonic() + 60
        while proc.poll() is None and len(in_session(proc.pid)) <= workers:
            if time.monotonic() > deadline:
                break
            time.sleep(0.002)
    time.sleep(delay)
    done_first = proc.poll() is not None
    if not done_first:
        if group:
            os.killpg(proc.pid, signum)
        else:
            os.kill(proc.pid, signum)
    try:
        _, stderr_bytes = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        stacks = ""
        os.kill(proc.pid, signal.SIGUSR1)
        time.sleep(0.5)
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr_bytes = proc.communicate()
        stacks = stderr_bytes.decode(errors="replace")
        return "hang", stacks
    stderr = stderr_bytes.decode(errors="replace")
    time.sleep(0.3)
    left = in_session(proc.pid)
    if left:
        os.killpg(proc.pid, signal.SIGKILL)
        return "process left", f"{left}\n{stderr}"
    stray = [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]
    if stray:
        return "temporary file left", f"{stray}\n{stderr}"
    code = proc.returncode
    if any(mark in stderr for mark in START_UP):
        return "in python's start-up", stderr
    if stderr.rstrip().endswith("KeyboardInterrupt") and "/journeymap/" not in stderr:
        # in the import machinery, looking for the package: no journeymap code ran yet
        return "before journeymap's first line", stderr
    if code == -signum and not stderr:
        return "killed before python handles signals (silent)", ""
    if done_first and code in (0, 1) and "Traceback" not in stderr:
        return "done-first", ""
    if code != 128 + signum:
        return f"exit {code}", stderr
    if stderr != "journeymap: interrupted\n":
        return "stderr", stderr
    return "ok", ""


ACCEPTED = ("ok", "done-first", "killed before python handles signals (silent)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = ["matrix", "lint", "validate", "render", "site", "lint-output"]
    parser.add_argument("command", choices=commands)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--max-ms", type=int, default=300)
    parser.add_argument("--signal", default="INT", choices=["INT", "TERM", "HUP"])
    parser.add_argument("--group", action="store_true", help="signal the process group")
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="count the delay from when this many child processes are alive",
    )
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--verbose", action="store_true", help="also list the accepted odd runs")
    parser.add_argument("extra", nargs="*", help="more arguments for the command")
    args = parser.parse_args()
    signum = int(getattr(signal, f"SIG{args.signal}"))
    rng = random.Random(args.seed)
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="interrupt-loop-") as tmp:
        base = Path(tmp)
        folder = base / "journeys"
        folder.mkdir()
        _journeys(folder, args.files)
        hooks = base / "hooks"
        hooks.mkdir()
        (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        env = {
            **os.environ,
            "NO_COLOR": "1",
            "COLUMNS": "100",
            # before any PYTHONPATH given (an older checkout's src/, to count "before")
            "PYTHONPATH": os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")])),
        }
        for number in range(1, args.runs + 1):
            out = base / f"out{number}"
            out.mkdir()
            argv = _argv(args.command, folder, out, args.extra)
            delay = rng.uniform(0, args.max_ms / 1000)
            verdict, details = one_run(argv, signum, delay, args.group, env, out, args.workers)
            counts[verdict] += 1
            if verdict not in ACCEPTED or (verdict != "ok" and args.verbose):
                print(f"run {number} ({delay * 1000:.0f} ms): {verdict}", flush=True)
                print("  " + details.strip().replace("\n", "\n  ")[:6000], flush=True)
    summary = ", ".join(f"{name} {count}" for name, count in counts.most_common())
    print(f"{' '.join(sys.argv[1:])}: {args.runs} runs: {summary}")
    bad = sum(n for name, n in counts.items() if name not in ACCEPTED)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
