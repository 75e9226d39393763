"""How fast is nnlib compared with the numpy work it cannot avoid?

Two measurements, each a ratio of two timings taken in this process with the same
min-of-N method, so the machine's speed cancels out:

- MLP training step (forward, cross-entropy, backward, SGD update) divided by its
  *matmul floor*: the bare matrix products that step needs, ``A @ W.T`` forward and
  ``dZ.T @ A`` and ``dZ @ W`` backward for every Dense layer. Target: at most 1.5x.
- The naive loop convolution (:func:`nnlib.conv.conv2d_naive` and its backward)
  divided by :class:`nnlib.conv.Conv2D` forward + backward. Target: at least 30x.

Usage::

    python bench/bench_nnlib.py            # full run, about 15 seconds
    python bench/bench_nnlib.py --quick    # a few seconds, noisier
    python bench/bench_nnlib.py --threads 2

It prints a table and never fails on a missed target; see bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and a smaller naive slice")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="BLAS/OpenMP threads for numpy (default 1: steady numbers on a shared or busy machine)",
    )
    return parser.parse_args(argv)


def best_times(*fns, repeat: int, min_seconds: float) -> list[float]:
    """Seconds per call of each function: the minimum over ``repeat`` rounds of a timed loop.

    Each loop runs long enough to last at least ``min_seconds``. The functions take
    turns round by round, so a burst of load from other processes slows all of them
    alike instead of one; the minimum is the least disturbed round.
    """
    numbers = [_calibrate(fn, min_seconds) for fn in fns]
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, (fn, number) in enumerate(zip(fns, numbers)):
            start = time.perf_counter()
            for _ in range(number):
                fn()
            best[i] = min(best[i], (time.perf_counter() - start) / number)
    return best


def _calibrate(fn, min_seconds: float) -> int:
    """How many calls of ``fn`` take at least ``min_seconds`` (after one warm-up call)."""
    fn()  # warm up caches and the allocator
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return number
        number *= 10 if elapsed == 0 else max(2, min(10, int(1.2 * min_seconds / elapsed) + 1))


def format_seconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} us"


def bench_mlp_step(np, sizes: list[int], batch: int, *, repeat: int, min_seconds: float) -> tuple[float, float]:
    """(seconds per nnlib training step, seconds per matmul floor) for an MLP of ``sizes``."""
    from nnlib.losses import CrossEntropy
    from nnlib.model import MLP
    from nnlib.optim import SGD

    rng = np.random.default_rng(0)
    X = rng.normal(size=(batch, sizes[0]))
    y = rng.integers(0, sizes[-1], size=batch)
    model = MLP(sizes, activation="relu", rng=1)
    loss = CrossEntropy()
    # A small learning rate keeps thousands of timed steps on random labels far from overflow.
    optimizer = SGD(learning_rate=1e-3)

    def step() -> None:
        loss.forward(model.forward(X), y)
        model.backward(loss.backward())
        optimizer.step(model)

    # The floor does the same products on arrays of the same shapes, and nothing else.
    weights = [rng.normal(size=(n_out, n_in)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    inputs = [rng.normal(size=(batch, n_in)) for n_in in sizes[:-1]]
    deltas = [rng.normal(size=(batch, n_out)) for n_out in sizes[1:]]
    layers = list(zip(inputs, weights, deltas))

    def floor() -> None:
        for A, W, _ in layers:
            A @ W.T
        for A, W, dZ in reversed(layers):
            dZ.T @ A
            dZ @ W

    step_seconds, floor_seconds = best_times(step, floor, repeat=repeat, min_seconds=min_seconds)
    return step_seconds, floor_seconds


def bench_conv(np, *, batch: int, naive_images: int, repeat: int, naive_repeat: int, min_seconds: float):
    """(seconds for Conv2D forward+backward on ``batch`` images, naive seconds scaled to ``batch``)."""
    from nnlib.conv import Conv2D, conv2d_naive, conv2d_naive_backward

    rng = np.random.default_rng(0)
    X = rng.normal(size=(batch, 1, 28, 28))
    conv = Conv2D(1, 16, 3, rng=1)
    dY = rng.normal(size=conv.output_shape(X.shape))

    def fast() -> None:
        conv.forward(X)
        conv.backward(dY)

    X_slice, dY_slice = X[:naive_images], dY[:naive_images]

    def naive() -> None:
        conv2d_naive(X_slice, conv.W, conv.b)
        conv2d_naive_backward(dY_slice, X_slice, conv.W)

    (fast_seconds,) = best_times(fast, repeat=repeat, min_seconds=min_seconds)
    (naive_seconds,) = best_times(naive, repeat=naive_repeat, min_seconds=0.0)
    return fast_seconds, naive_seconds / naive_images * batch


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.threads < 1:
        sys.exit(f"bench_nnlib: expected --threads >= 1, but received {args.threads}")
    if "numpy" in sys.modules:
        print("warning: numpy was imported before the thread count could be set", file=sys.stderr)
    # BLAS reads these once, when numpy is first imported, so set them before importing it.
    for variable in THREAD_VARIABLES:
        os.environ[variable] = str(args.threads)
    import numpy as np

    repeat, min_seconds = (3, 0.02) if args.quick else (7, 0.2)
    naive_images, naive_repeat = (1, 1) if args.quick else (2, 3)
    batch, conv_batch = 256, 64

    print(
        f"nnlib benchmark{' (--quick)' if args.quick else ''}: numpy {np.__version__}, "
        f"Python {platform.python_version()}, {args.threads} BLAS thread(s), {os.cpu_count()} CPU(s)"
    )
    print(f"timings: minimum over {repeat} rounds of at least {format_seconds(min_seconds)} each")
    print()

    rows = []
    for sizes in ([64, 256, 256, 10], [784, 512, 10]):
        step, floor = bench_mlp_step(np, sizes, batch, repeat=repeat, min_seconds=min_seconds)
        ratio = step / floor
        rows.append(
            (
                f"MLP step {'-'.join(map(str, sizes))}, batch {batch}",
                format_seconds(step),
                f"matmuls {format_seconds(floor)}",
                f"{ratio:.2f}x",
                "<= 1.5x",
                ratio <= 1.5,
            )
        )

    fast, naive = bench_conv(
        np, batch=conv_batch, naive_images=naive_images, repeat=repeat, naive_repeat=naive_repeat, min_seconds=min_seconds
    )
    speedup = naive / fast
    rows.append(
        (
            f"Conv2D fwd+bwd {conv_batch}x1x28x28, 16 3x3",
            format_seconds(fast),
            f"naive {format_seconds(naive)}*",
            f"{speedup:.0f}x faster",
            ">= 30x",
            speedup >= 30,
        )
    )

    header = ("benchmark", "nnlib", "baseline", "ratio", "target", "met")
    table = [header] + [(*row[:5], "yes" if row[5] else "NO") for row in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(width) if j == 0 else cell.rjust(width) for j, (cell, width) in enumerate(zip(row, widths))))
        if i == 0:
            print("  ".join("-" * width for width in widths))
    print()
    print("MLP ratio: nnlib step time / time of the step's bare matrix products (lower is better).")
    print(
        f"* naive: conv2d_naive + conv2d_naive_backward timed on {naive_images} image(s) and scaled "
        f"per image to {conv_batch}; ratio = naive / Conv2D (higher is better)."
    )


if __name__ == "__main__":
    main()
