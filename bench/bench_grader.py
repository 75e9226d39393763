"""How fast does ``nncourse grade`` get through a class's worth of exercise 00?

Builds 200 submissions in a temporary folder (a mix like a real hand-in: mostly correct,
some partly right, untouched or broken, a few hostile ones with endless loops, memory
bombs, output floods and escape attempts), grades them with the same code path as the
command line, and prints submissions per second (wall clock, including the server's
start) and the CPU time it took. Target (issue 10): at least 10 submissions per second
on 2 cores, that is 200 in under 20 s.

The sandbox is started here, exactly as ``grade()`` would start it (same limits, jobs,
isolation and hidden paths), and handed to ``grade(sandbox=...)``, so that the CPU time
of its processes can be read from ``/proc`` before it closes: bubblewrap's PID
namespace keeps their times from ever reaching this process's ``RUSAGE_CHILDREN``.
CPU time is printed as the grader's own (reading, parsing, scoring) plus the sandbox's
(the server and every submission's processes). On a shared machine wall-clock time
varies with the load; CPU time much less, except for the hostile endless loops, which
spin until they are stopped and so take whatever CPU they are given.

For scale it also times a *cold* start, a fresh ``python`` that imports numpy and the
worker, which is what every submission would cost without the pre-warmed server.

Usage::

    python bench/bench_grader.py                 # 200 submissions, --timeout 10
    python bench/bench_grader.py --n 50 --jobs 1
    python bench/bench_grader.py --keep results  # also write grades.csv etc. there
    python bench/bench_grader.py --isolation process  # the weaker guard, for comparison
    python bench/bench_grader.py --no-hostile    # no endless loops: the cost of a submission

It never fails on a missed target. The timeout matters: the hostile submissions run
until they are stopped, a cell after a quarter of it and the whole notebook after all
of it, so they dominate the time. 10 s is plenty for exercise 00. Two of the 200 swallow
every timeout and run the full 10 s, one of them last, when nothing else is left to run
beside it; with two endless loops of 2.5 s that is 10 + (10 + 5) / 2 = 17.5 s of the
20 s the target allows, whatever a submission costs, so ``--no-hostile`` is the way to
see what the sandbox itself costs per submission.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

SETUP = ("from course import set_language\nfrom course.checker import check_for\nset_language('en')\n"
         "check = check_for('00_welcome')\nimport numpy as np")
ANSWERS = {
    "dot": ["def dot(a, b):\n    total = 0.0\n    for k in range(len(a)):\n        total += a[k] * b[k]\n    return total",
            "def dot(a, b):\n    return float(np.sum(a * b))",
            "def dot(a, b):\n    return a @ b"],
    "index": ["index_w23 = (1, 2)", "index_w23 = [1, 2]"],
    "sums": ["def weighted_sums(W, a):\n    return W @ a",
             "def weighted_sums(W, a):\n    return np.array([dot(row, a) for row in W])"],
    "shapes": ["def weight_shapes(sizes):\n    return [(sizes[l], sizes[l - 1]) for l in range(1, len(sizes))]",
               "def weight_shapes(sizes):\n    return list(zip(sizes[1:], sizes[:-1]))"],
}
WRONG = {
    "dot": "def dot(a, b):\n    return float(np.sum(a[:2] * b[:2]))",
    "index": "index_w23 = (2, 3)",
    "sums": "def weighted_sums(W, a):\n    return (W @ a).reshape(-1, 1)",
    "shapes": "def weight_shapes(sizes):\n    return [(sizes[l - 1], sizes[l]) for l in range(1, len(sizes))]",
}
HOSTILE = [
    "while True:\n    pass",
    "x = np.ones(10**11)",
    "chunks = []\nwhile True:\n    chunks.append(bytearray(2**25))",
    "print('x' * 10_000_000)",
    "import subprocess\nsubprocess.run(['true'])\nopen('/etc/passwd').read()",
    "import os\nos._exit(0)",
    "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass",
]


def notebook(cells: list[str]) -> bytes:
    nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {"nncourse": {"language": "en"}},
          "cells": [{"cell_type": "code", "metadata": {}, "source": c, "outputs": [], "execution_count": None}
                    for c in cells]}
    return json.dumps(nb).encode("utf-8")


def make_submissions(folder: Path, n: int, hostile: bool = True) -> Counter:
    """Write ``n`` submissions; return how many of each kind (``hostile=False``: correct ones instead)."""
    kinds: Counter = Counter()
    for i in range(n):
        share = i % 100
        correct = [SETUP] + [ANSWERS[key][i % len(ANSWERS[key])] for key in ("dot", "index", "sums", "shapes")]
        if share < 55:
            kind, data = "correct", notebook(correct)
        elif share < 75:
            wrong = ("dot", "index", "sums", "shapes")[i % 4]
            kind = "partial"
            data = notebook([SETUP, *(WRONG[k] if k == wrong else ANSWERS[k][0] for k in ("dot", "index", "sums", "shapes"))])
        elif share < 85:
            kind, data = "untouched", notebook([SETUP, "def dot(a, b):\n    raise NotImplementedError('x')",
                                                "raise NotImplementedError('x')",
                                                "def weighted_sums(W, a):\n    raise NotImplementedError('x')",
                                                "def weight_shapes(sizes):\n    raise NotImplementedError('x')"])
        elif share < 93:
            kind = "broken"
            data = [b"{not json", b"", notebook([SETUP, "def dot(a, b:\n    pass"]), notebook(["# no answers"])][i % 4]
        elif not hostile:
            kind, data = "correct", notebook(correct)
        else:
            kind = "hostile"
            data = notebook([*correct, HOSTILE[(i // 100 * 7 + share - 93) % len(HOSTILE)]])
        (folder / f"student_{i:03d}.ipynb").write_bytes(data)
        kinds[kind] += 1
    return kinds


def cold_start_seconds(rounds: int = 5) -> float:
    """Seconds for a fresh Python to import numpy and the worker (min over ``rounds``)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import numpy, nnlib, course.grader.worker"], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid``, its live descendants and every child they reaped.

    Linux only (0.0 elsewhere). The sandbox's processes are not children this process can
    wait for (bubblewrap's PID namespace keeps their times from reaching
    ``RUSAGE_CHILDREN``), so they are read from ``/proc`` before the sandbox closes.
    """
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", "rb") as children:
                    pending += [int(child) for child in children.read().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total / ticks


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=200, help="number of submissions (default 200)")
    parser.add_argument("--jobs", type=int, default=None, help="submissions at once (default: the cores)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per submission (default 10)")
    parser.add_argument("--keep", metavar="DIR", help="write grades.csv, report.json and feedback/ to DIR")
    parser.add_argument("--isolation", choices=("bwrap", "process"), default="bwrap",
                        help="bwrap (default, every submission in bubblewrap) or process")
    parser.add_argument("--no-hostile", action="store_true",
                        help="correct submissions instead of the hostile 7 %%: the cost of a submission without "
                        "the endless loops that run until they are stopped")
    args = parser.parse_args(argv)

    from course.exercise import load_exercise
    from course.grader.grade import _cores, grade
    from course.grader.report import write_outputs
    from course.grader.sandbox import Limits, Sandbox

    jobs = args.jobs or _cores()
    with tempfile.TemporaryDirectory(prefix="bench-grader-") as tmp:
        folder = Path(tmp) / "submissions"
        folder.mkdir()
        kinds = make_submissions(folder, args.n, hostile=not args.no_hostile)
        exercise = load_exercise("00_welcome")
        own_before = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        # The sandbox grade() would start itself (same limits, jobs, isolation and hidden
        # paths), started here so that its processes' CPU time can be read before it closes.
        with Sandbox(Limits(timeout=args.timeout), jobs=jobs, isolation=args.isolation,
                     hide=[folder, exercise.path]) as sandbox:
            result = grade(exercise, [folder], sandbox=sandbox)
            sandbox_cpu = tree_cpu_seconds(sandbox.server_pid)
        elapsed = time.perf_counter() - start
        own_after = resource.getrusage(resource.RUSAGE_SELF)
        own_cpu = (own_after.ru_utime + own_after.ru_stime) - (own_before.ru_utime + own_before.ru_stime)
        if args.keep:
            write_outputs(result, args.keep)
    statuses = Counter(s.status for s in result.submissions)
    cold = cold_start_seconds()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, --jobs {jobs}, --timeout {args.timeout:g}, "
          f"--isolation {args.isolation}, load average {os.getloadavg()[0]:.1f}")
    print(f"submissions: {args.n} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(f"statuses:    {', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))}")
    print(f"graded in {elapsed:.1f} s: {args.n / elapsed:.1f} submissions/s "
          f"({'met' if args.n / elapsed >= 10 else 'missed'}: target at least 10 submissions/s)")
    print(f"CPU: {own_cpu + sandbox_cpu:.1f} s in all ({own_cpu:.1f} s the grader's own process: reading, "
          f"parsing, scoring; {sandbox_cpu:.1f} s the sandbox: server, submissions), "
          f"{(own_cpu + sandbox_cpu) / args.n * 1000:.0f} ms per submission")
    print(f"a cold Python + numpy start takes {cold * 1000:.0f} ms; {args.n} of them would add about "
          f"{args.n * cold / jobs:.1f} s on {jobs} core(s), which the pre-warmed server avoids")


if __name__ == "__main__":
    main()
