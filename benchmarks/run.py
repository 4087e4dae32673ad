"""journeymap's benchmark: timings as ratios to the libyaml parse floor, on this machine.

    python3 tasks.py bench                 # the full run (1, 100 and 1,000 files; big journeys)
    python3 tasks.py bench --quick         # 1 and 100 files, fewer repeats

Every row is the median of several runs; within a round the commands alternate, so a
noisy neighbour slows them all alike instead of skewing one. Ratios, not seconds, are
what carries from one machine to another. Writes benchmarks/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.generate import Shape, generate  # noqa: E402

PYTHON = sys.executable
BIN = Path(sys.executable).parent
JOURNEYMAP = str(BIN / "journeymap") if (BIN / "journeymap").exists() else "journeymap"
DATA = HERE / "data"


@dataclass
class Row:
    name: str
    files: int
    seconds: float
    ratio: float | None
    peak_mib: float | None
    note: str = ""


def _timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds (user + system) of the command and the workers
    it waited for: on a shared machine the CPU time is what neighbours disturb least."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _peak(command: list[str]) -> float:
    out = subprocess.run(
        [PYTHON, str(HERE / "peak.py"), *command], capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024


def _medians(
    commands: dict[str, list[str]], repeat: int, cpu: dict[str, float] | None = None
) -> dict[str, float]:
    """Median wall-clock seconds of each command; `cpu`, when given, gets the median CPU
    seconds."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            samples[name].append(_timed(command))
    if cpu is not None:
        cpu.update(
            {name: statistics.median(c for _, c in found) for name, found in samples.items()}
        )
    return {name: statistics.median(w for w, _ in found) for name, found in samples.items()}


def _cpu_rows(cpu: dict[str, float], base: str, files: int, note: str) -> list[Row]:
    """The same commands in CPU time, as ratios to the CPU time of `base`."""
    reference = cpu.get(base)
    return [
        Row(
            f"{name}, CPU time",
            files,
            seconds,
            seconds / reference if reference else None,
            None,
            note,
        )
        for name, seconds in cpu.items()
    ]


def _tool(name: str) -> str | None:
    """A reference tool beside this Python (the dev extra's yamllint), else on PATH."""
    beside = BIN / name
    return str(beside) if beside.exists() else shutil.which(name)


@cache
def _has(command: str) -> bool:
    probe = subprocess.run([JOURNEYMAP, command, "--help"], capture_output=True, check=False)
    return probe.returncode == 0


def _dataset(name: str, files: int, shape: Shape) -> Path:
    slips = f"-s{shape.slips:g}" if shape.slips else ""
    folder = DATA / f"{name}-{files}-{shape.stages}x{shape.steps}x{shape.channels}{slips}"
    if not folder.exists() or len(list(folder.glob("*.yaml"))) != files:
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, files, shape, seed=2026)
    return folder


def _journeymap_commands(target: Path, out: Path, files: int) -> dict[str, list[str]]:
    commands = {
        "validate": [JOURNEYMAP, "validate", str(target)],
        "lint": [JOURNEYMAP, "lint", str(target)],
        "lint --format json": [JOURNEYMAP, "lint", "--format", "json", str(target)],
        "matrix --format json": [JOURNEYMAP, "matrix", "--format", "json", str(target)],
        "matrix --format text": [JOURNEYMAP, "matrix", str(target)],
        "site -o DIR": [JOURNEYMAP, "site", str(target), "-o", str(out / "site")],
    }
    if files == 1:
        single = next(target.glob("*.yaml"))
        commands["render -o x.dot"] = [JOURNEYMAP, "render", str(single), "-o", str(out / "x.dot")]
    else:
        commands["render --format dot"] = [
            JOURNEYMAP,
            "render",
            str(target),
            "--format",
            "dot",
            "-o",
            str(out),
        ]
    return {name: command for name, command in commands.items() if _has(command[1])}


def _references(target: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    yamllint = _tool("yamllint")
    if yamllint:
        found["yamllint (reference)"] = [yamllint, "-d", "relaxed", str(target)]
    if shutil.which("check-jsonschema"):
        schema = HERE.parent / "schemas" / "journey.schema.json"
        files = sorted(str(p) for p in target.glob("*.yaml"))
        found["check-jsonschema (reference)"] = ["check-jsonschema", "--schemafile", str(schema)]
        found["check-jsonschema (reference)"] += files
    return found


def bench_sizes(sizes: list[int], repeat: int, shape: Shape) -> list[Row]:
    rows: list[Row] = []
    for files in sizes:
        target = _dataset("repo", files, shape)
        with tempfile.TemporaryDirectory() as out_dir:
            commands = {"libyaml parse floor": [PYTHON, str(HERE / "floor.py"), str(target)]}
            commands |= _journeymap_commands(target, Path(out_dir), files)
            if files <= 100:  # yamllint takes about 90 s on 1,000 files
                commands |= _references(target)
            cpu: dict[str, float] = {}
            times = _medians(commands, repeat if files < 1000 else max(1, repeat - 2), cpu)
            floor = times["libyaml parse floor"]
            floor_peak = _peak(commands["libyaml parse floor"])
            for name, seconds in times.items():
                peak = _peak(commands[name]) if "reference" not in name else None
                rows.append(Row(name, files, seconds, seconds / floor, peak))
                if name.startswith("matrix") and peak is not None:
                    rows[-1].note = _beyond_floor(peak, floor_peak, target)
            rows += _cpu_rows(cpu, "libyaml parse floor", files, "CPU ratio to the floor's")
    return rows


def _beyond_floor(peak: float, floor_peak: float, target: Path) -> str:
    """Memory beyond the floor's own peak (interpreter and a parse), per MiB of input."""
    size = sum(p.stat().st_size for p in target.glob("*.yaml")) / 2**20
    return f"peak beyond floor {(peak - floor_peak) / size:.1f}x the input"


def bench_stages(repeat: int, stages: int = 2000) -> list[Row]:
    """One journey with very many stages: the matrix must stay linear in them."""
    target = _dataset("stages", 1, Shape(stages=stages, steps=2, channels=4))
    commands = {
        "libyaml parse floor": [PYTHON, str(HERE / "floor.py"), str(target)],
        "validate": [JOURNEYMAP, "validate", str(target)],
        "matrix --format json": [JOURNEYMAP, "matrix", "--format", "json", str(target)],
        "matrix --format text": [JOURNEYMAP, "matrix", str(target)],
    }
    times = _medians(commands, repeat)
    floor = times["libyaml parse floor"]
    return [
        Row(f"{name} ({stages} stages)", 1, seconds, seconds / floor, _peak(commands[name]))
        for name, seconds in times.items()
    ]


def bench_big(repeat: int) -> list[Row]:
    """One very large journey, then the same shape at 1x, 2x, 4x, 8x to show linearity."""
    rows: list[Row] = []
    for factor in (1, 2, 4, 8):
        target = _dataset(f"big{factor}", 1, Shape(stages=6 * factor, steps=40, channels=6))
        commands = {
            "libyaml parse floor": [PYTHON, str(HERE / "floor.py"), str(target)],
            "validate": [JOURNEYMAP, "validate", str(target)],
        }
        if _has("lint"):
            commands["lint"] = [JOURNEYMAP, "lint", str(target)]
        times = _medians(commands, repeat)
        for name, seconds in times.items():
            rows.append(
                Row(
                    f"{name} (big {factor}x: {6 * factor} stages x 40 steps)",
                    1,
                    seconds,
                    seconds / times["libyaml parse floor"],
                    _peak(commands[name]),
                )
            )
    return rows


SCALING: dict[str, tuple[str, tuple[int, ...]]] = {
    "stages": ("{n:,} stages x 1 step", (2_500, 5_000, 10_000)),
    "steps": ("1 stage x {n:,} steps", (25_000, 50_000, 100_000)),
    "word": ("a step text of one {n} MB word", (1, 2, 4)),
    "keys": ("{n:,} unknown keys", (1_250, 2_500, 5_000)),
}
"""The shapes a hostile or generated file takes, each at 1x, 2x and 4x: every command
must stay linear (a quadratic loop shows as a 4x size costing 16x the time)."""


def scaling_text(kind: str, n: int) -> str:
    """One journey of the given pathological shape, as YAML text."""
    stages, steps = (n, 1) if kind == "stages" else (1, n) if kind == "steps" else (1, 1)
    out = [
        "journeymap: 1",
        "id: big",
        "title: Big",
        "persona: {name: P}",
        "channels:",
        "  - {id: web, name: Web}",
        "stages:",
    ]
    for s in range(stages):
        out.append(f"  - id: s{s}\n    name: Stage {s}\n    steps:")
        for t in range(steps):
            text = "Je " + "x" * (n << 20) if kind == "word" else f"Je fais la chose {t}"
            out.append(
                f"      - id: t{s}-{t}\n        text: {text}\n"
                "        touchpoints: [{channel: web}]"
            )
    if kind == "keys":
        out += [f"unknown{k}: 1" for k in range(n)]
    return "\n".join(out) + "\n"


def bench_scaling(repeat: int) -> list[Row]:
    """Single journeys of thousands of stages or steps, a word of megabytes, thousands of
    unknown keys, at 1x, 2x and 4x; the ratio is to the same kind's 1x time."""
    os.environ["JOURNEYMAP_MAX_BYTES"] = "64M"
    rows: list[Row] = []
    DATA.mkdir(exist_ok=True)
    for kind, (label, sizes) in SCALING.items():
        first: dict[str, float] = {}
        for n in sizes:
            target = DATA / f"scaling-{kind}-{n}.yaml"
            if not target.exists():
                target.write_text(scaling_text(kind, n), encoding="utf-8")
            with tempfile.TemporaryDirectory() as out:
                commands = {
                    "libyaml parse floor": [PYTHON, str(HERE / "floor.py"), str(target)],
                    "validate": [JOURNEYMAP, "validate", str(target)],
                    "lint": [JOURNEYMAP, "lint", str(target)],
                    "matrix --format json": [JOURNEYMAP, "matrix", "--format", "json", str(target)],
                    "render -o x.dot": [JOURNEYMAP, "render", str(target), "-o", f"{out}/x.dot"],
                }
                times = _medians(commands, repeat)
            for name, seconds in times.items():
                first.setdefault(name, seconds)
                rows.append(
                    Row(
                        f"{name} ({label.format(n=n)})",
                        1,
                        seconds,
                        seconds / first[name],
                        None,
                        note="ratio to the 1x size",
                    )
                )
    return rows


def bench_startup(repeat: int) -> list[Row]:
    commands = {
        "python -c 'import typer'": [PYTHON, "-c", "import typer"],
        "journeymap --version": [JOURNEYMAP, "--version"],
        "journeymap --help": [JOURNEYMAP, "--help"],
    }
    cpu: dict[str, float] = {}
    times = _medians(commands, repeat * 4, cpu)
    base = times["python -c 'import typer'"]
    rows = [Row(name, 0, seconds, seconds / base, None) for name, seconds in times.items()]
    return rows + _cpu_rows(cpu, "python -c 'import typer'", 0, "CPU ratio to import typer")


def bench_render(files: int, repeat: int, shape: Shape) -> list[Row]:
    """`render` to SVG against Graphviz alone: `dot -Tsvg` on the very DOT files render
    writes, one process per file, as many at once as there are cores."""
    if shutil.which("dot") is None:
        return []
    target = _dataset("repo", files, shape)
    with tempfile.TemporaryDirectory() as work:
        dots, svg_dot, svg_render = (Path(work) / name for name in ("dot", "a", "b"))
        for folder in (dots, svg_dot, svg_render):
            folder.mkdir()
        render = [JOURNEYMAP, "render", str(target), "-o", str(svg_render)]
        subprocess.run(
            [*render[:-1], str(dots), "--format", "dot"], check=True, capture_output=True
        )
        commands = {
            "dot -Tsvg, in parallel (reference)": [
                PYTHON,
                str(HERE / "pdot.py"),
                str(dots),
                str(svg_dot),
            ],
            "render (svg)": render,
        }
        cpu: dict[str, float] = {}
        times = _medians(commands, repeat, cpu)
    reference = "dot -Tsvg, in parallel (reference)"
    base = times[reference]
    rows = [
        Row(name, files, seconds, seconds / base, None, "ratio to parallel dot")
        for name, seconds in times.items()
    ]
    return rows + _cpu_rows(cpu, reference, files, "CPU ratio to parallel dot's")


def bench_one_file(repeat: int, shape: Shape) -> list[Row]:
    """One file, as pre-commit and editors run it: journeymap against yamllint on it."""
    single = next(_dataset("repo", 1, shape).glob("*.yaml"))
    commands = {
        "validate one file": [JOURNEYMAP, "validate", str(single)],
        "lint one file": [JOURNEYMAP, "lint", str(single)],
        # pre-commit's hook
        "lint --format text one file (pre-commit)": [JOURNEYMAP, "lint", "-f", "text", str(single)],
        "validate -j 1 one file": [JOURNEYMAP, "validate", "-j", "1", str(single)],
        "lint -j 1 --select JM4 one file": [
            JOURNEYMAP,
            "lint",
            "-j",
            "1",
            "--select",
            "JM4",
            str(single),
        ],
        # what an invocation the quick entry does not recognise costs (env's exec: ~1 ms)
        "lint -j 1 one file (through typer)": [
            "env",
            "JOURNEYMAP_QUICK=0",
            JOURNEYMAP,
            "lint",
            "-j",
            "1",
            str(single),
        ],
    }
    yamllint = _tool("yamllint")
    if yamllint:
        commands["yamllint one file (reference)"] = [yamllint, "-d", "relaxed", str(single)]
    cpu: dict[str, float] = {}
    times = _medians(commands, repeat * 2, cpu)
    base = times.get("yamllint one file (reference)")
    rows = [
        Row(name, 1, seconds, seconds / base if base else None, None, "ratio to yamllint")
        for name, seconds in times.items()
    ]
    return rows + _cpu_rows(cpu, "yamllint one file (reference)", 1, "CPU ratio to yamllint")


def import_times(*args: str, top: int = 8) -> list[tuple[str, float]]:
    """The slowest imports of one run (`python -X importtime`), cumulative ms."""
    done = subprocess.run(
        [PYTHON, "-X", "importtime", "-m", "journeymap", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    found: list[tuple[str, float]] = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = line.split("|")
            if cumulative.strip().isdigit():
                found.append((name.strip(), int(cumulative) / 1000))
    return sorted(found, key=lambda item: -item[1])[:top]


def table(rows: list[Row]) -> str:
    lines = [
        "| benchmark | files | median s | ratio | peak MiB | note |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
        peak = f"{row.peak_mib:.0f}" if row.peak_mib is not None else "-"
        lines.append(
            f"| {row.name} | {row.files or '-'} | {row.seconds:.3f} | {ratio} | {peak} "
            f"| {row.note} |"
        )
    return "\n".join(lines)


def _compile_bytecode() -> None:
    """Write journeymap's bytecode, as installing a wheel does: an editable install run
    with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every run."""
    import compileall

    import journeymap

    compileall.compile_dir(Path(journeymap.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 and 100 files, 3 repeats")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--no-big", action="store_true")
    parser.add_argument("--render-files", type=int, default=100)
    parser.add_argument(
        "--scaling-only", action="store_true", help="only the single-journey scaling table"
    )
    parser.add_argument(
        "--render-only", action="store_true", help="only render against parallel dot -Tsvg"
    )
    parser.add_argument("--out", type=Path, default=HERE / "latest.json")
    args = parser.parse_args()
    sizes = [1, 100] if args.quick else [int(s) for s in args.sizes.split(",")]
    repeat = 3 if args.quick else args.repeat
    shape = Shape(stages=5, steps=3, channels=4, touchpoints_per_step=2)
    _compile_bytecode()
    if args.scaling_only:
        rows = bench_scaling(1)
    elif args.render_only:
        rows = bench_render(args.render_files, repeat, shape)
    else:
        rows = bench_startup(repeat)
        rows += bench_one_file(repeat, shape)
        rows += bench_sizes(sizes, repeat, shape)
        rows += bench_render(args.render_files, max(1, repeat - 2), shape)
        if not args.no_big:
            rows += bench_big(repeat)
            rows += bench_stages(repeat)
        if not args.quick:
            rows += bench_scaling(1)
    text = table(rows)
    print(text)
    single = str(next(_dataset("repo", 1, shape).glob("*.yaml")))
    imports = {
        "--help": import_times("--help"),
        "validate one file": import_times("validate", single),
        "lint one file": import_times("lint", single),
    }
    for name, found in imports.items():
        print(f"\nslowest imports, journeymap {name} (cumulative ms):")
        print("\n".join(f"  {ms:7.1f}  {module}" for module, ms in found))
    meta = {
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "journey_lines": 401,
        "note": "ratios to the libyaml parse floor (startup rows: to `import typer`; "
        "render rows: to parallel dot; one-file rows: to yamllint)",
        "imports": imports,
    }
    args.out.write_text(
        json.dumps({"meta": meta, "rows": [asdict(r) for r in rows]}, indent=2) + "\n",
        encoding="utf-8",
    )
    print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
