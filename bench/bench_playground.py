"""How fast is chapter 07's training playground?

Two targets from the lesson's specification, on the 2-16-16-1 network (two hidden layers
of 16 tanh units), the XOR data with the playground's defaults (200 points, half of them
for training, batch size 10, so 10 iterations per epoch):

1. **Redraws per second** while playing, one epoch per tick: every redraw trains one epoch,
   recomputes the probability map, the decision boundary and the loss curves, and encodes
   the picture the notebook receives (``Playground.step``, exactly what a tick of Play
   runs). Target: >= 10 per second. Also measured with the hidden units shown.
2. **A retrain**: new initial weights and 300 epochs (3 000 iterations, each a forward pass,
   a backward pass and an update of every weight), with the training and validation loss
   recorded after every epoch. Target: <= 0.5 s. For comparison the same run through
   nnlib's own calls (``Sequential.backward``, ``BinaryCrossEntropy``, ``SGD.step``) is
   timed too, and the ratio printed.

Every figure is the median of several rounds, as CPU time of the process (the cost of the
work on a free core: the targets are judged on it) and as wall time (which on a machine
shared with other programs also counts the time they held the cores). Nothing is asserted:
the script prints the numbers and whether each target is met. Usage::

    python bench/bench_playground.py            # about 20 s
    python bench/bench_playground.py --quick    # about 5 s, noisier
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_REDRAWS_PER_S = 10.0
TARGET_RETRAIN_S = 0.5


def _setup_threads(threads: int) -> None:
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                 "VECLIB_MAXIMUM_THREADS"):
        os.environ[name] = str(threads)


def bench_redraws(rounds: int, frames: int, show_units: bool) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds per redraw (one Play tick), for ``rounds`` runs of ``frames`` ticks."""
    from course.widgets.playground import Playground

    wall, cpu = [], []
    for round_ in range(rounds):
        playground = Playground("xor", hidden=[16, 16], activation="tanh", learning_rate=0.1, epochs_per_step=1,
                                seed=round_)
        playground.show_units.value = show_units
        playground.min_tick_gap = 0.0  # measure every tick (the widget skips ticks queued behind a slow step)
        playground.refresh()
        start, start_cpu = time.perf_counter(), time.process_time()
        for tick in range(1, frames + 1):
            playground.play.value = tick  # what the browser does while playing: each tick is one step
        wall.append((time.perf_counter() - start) / frames)
        cpu.append((time.process_time() - start_cpu) / frames)
    return wall, cpu


def bench_retrain(rounds: int, engine: str) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds for a new network plus 300 epochs, ``rounds`` times."""
    from course.widgets.playground import Trainer, make_dataset, split_dataset

    X, y = make_dataset("xor", 200, 0.0, rng=0)
    parts = split_dataset(X, y, 0.5, rng=1)
    wall, cpu = [], []
    for round_ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        trainer = Trainer(*parts, hidden=[16, 16], activation="tanh", learning_rate=0.1, batch_size=10,
                          seed=round_, engine=engine)
        trainer.train(300)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (noisier)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads (default 1)")
    args = parser.parse_args()
    _setup_threads(args.threads)
    os.environ.setdefault("MPLBACKEND", "agg")

    from course import set_language

    set_language("en")
    rounds, frames = (2, 15) if args.quick else (5, 30)
    print(f"playground benchmark: 2-16-16-1 tanh, XOR, 200 points, batch size 10; BLAS threads {args.threads}")

    print("CPU = CPU time of this process (what the work costs on a free core); wall = elapsed time,")
    print("which on a shared machine also counts the time other programs held the cores.")
    for show_units in (False, True):
        wall, cpu = bench_redraws(rounds, frames, show_units)
        label = "redraws, hidden units shown" if show_units else "redraws (Play, 1 epoch per tick)"
        rate = 1.0 / statistics.median(cpu)
        target = (f"target >= {TARGET_REDRAWS_PER_S:.0f}/s: {'met' if rate >= TARGET_REDRAWS_PER_S else 'NOT met'}"
                  if not show_units else "no target")
        print(f"{label:<36} CPU {statistics.median(cpu) * 1000:6.1f} ms = {rate:5.1f}/s, "
              f"wall {statistics.median(wall) * 1000:6.1f} ms = {1 / statistics.median(wall):5.1f}/s   {target}")

    wall, cpu = bench_retrain(rounds, "fused")
    wall_lib, cpu_lib = bench_retrain(max(2, rounds // 2), "nnlib")
    verdict = "met" if statistics.median(cpu) <= TARGET_RETRAIN_S else "NOT met"
    print(f"{'retrain: new weights + 300 epochs':<36} CPU {statistics.median(cpu):6.3f} s, "
          f"wall {statistics.median(wall):6.3f} s (best {min(wall):.3f} s)   target <= {TARGET_RETRAIN_S} s: {verdict}")
    print(f"{'  the same through nnlib calls':<36} CPU {statistics.median(cpu_lib):6.3f} s, "
          f"wall {statistics.median(wall_lib):6.3f} s   CPU ratio {statistics.median(cpu_lib) / statistics.median(cpu):.2f}x")
    try:
        load = os.getloadavg()[0]
        print(f"load average (1 min) during the run: {load:.2f} on {os.cpu_count()} cores")
    except OSError:
        pass


if __name__ == "__main__":
    main()
