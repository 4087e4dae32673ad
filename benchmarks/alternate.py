"""Commands timed side by side: median wall and CPU time, and peak memory, alternated.

    python benchmarks/alternate.py 3 'floor=python benchmarks/floor.py DIR' \\
        'json=journeymap matrix --format json DIR' 'text=journeymap matrix DIR'

Each round runs every command once, in turn, so a noisy neighbour slows them all alike;
ratios are to the first command. CPU time is user + system of the command and all its
descendants (workers, Graphviz), which a shared machine disturbs less than wall time;
peak memory is that of the largest process of the run, as `peak.py` reports it.
"""

from __future__ import annotations

import os
import shlex
import statistics
import subprocess
import sys
import time


def _run(command: str) -> tuple[float, float, float]:
    start = time.perf_counter()
    process = subprocess.Popen(
        shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(rounds: int, named: list[str]) -> None:
    commands = dict(item.split("=", 1) for item in named)
    samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            samples[name].append(_run(command))
    first = next(iter(samples.values()))
    base_wall = statistics.median(s[0] for s in first)
    base_cpu = statistics.median(s[1] for s in first)
    print(f"load average {os.getloadavg()[0]:.1f}, {rounds} rounds")
    for name, runs in samples.items():
        wall = statistics.median(s[0] for s in runs)
        cpu = statistics.median(s[1] for s in runs)
        peak = max(s[2] for s in runs)
        print(
            f"{name:30} wall {wall:7.2f} s {wall / base_wall:5.2f}x   "
            f"cpu {cpu:7.2f} s {cpu / base_cpu:5.2f}x   peak {peak:5.0f} MiB"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
