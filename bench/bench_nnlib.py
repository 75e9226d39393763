"""How fast is nnlib next to what students compare it with?

Every row is a ratio of two timings taken in this one process, so the speed of the
machine cancels out:

- training steps, a convolution and max pooling against PyTorch on the CPU in float32
  (PyTorch is an optional extra: ``pip install -e .[bench]``);
- the chapter 07 playground's step (2-16-16-1, batch 32) against the same step written
  by hand in numpy, because at that size Python calls, not arithmetic, decide the time.

Both libraries get one BLAS/OpenMP thread (set before numpy and torch are imported),
the contenders take turns round by round, so a burst of load from other programs falls
on both, and each ratio is the median over the rounds of the two neighbouring timings.

Usage::

    python bench/bench_nnlib.py            # full run, about 1 minute
    python bench/bench_nnlib.py --quick    # about 15 s, noisier
    python bench/bench_nnlib.py --threads 2

It prints a table and never fails on a missed target; see bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer and shorter rounds")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="BLAS/OpenMP threads for numpy and PyTorch (default 1: steady numbers on a shared machine)",
    )
    return parser.parse_args(argv)


def timed_rounds(*fns, rounds: int, min_seconds: float) -> list[list[float]]:
    """Seconds per call of each function, one number per round of a timed loop.

    Each loop runs long enough to last at least ``min_seconds``. The functions take
    turns round by round, so a burst of load from other processes falls on neighbouring
    loops alike; :func:`paired_ratio` compares them round by round.
    """
    numbers = [_calibrate(fn, min_seconds) for fn in fns]
    samples: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for fn, number, sample in zip(fns, numbers, samples):
            start = time.perf_counter()
            for _ in range(number):
                fn()
            sample.append((time.perf_counter() - start) / number)
    return samples


def paired_ratio(ours: list[float], theirs: list[float]) -> float:
    """The median over rounds of ours / theirs, each pair timed one right after the other.

    A machine shared with other work runs faster and slower for seconds at a time; the
    ratio of two neighbouring loops is steadier than the ratio of two medians.
    """
    return statistics.median(o / t for o, t in zip(ours, theirs))


def _calibrate(fn, min_seconds: float) -> int:
    """How many calls of ``fn`` take at least ``min_seconds`` (after two warm-up calls)."""
    fn()
    fn()  # warm up caches, the allocator and PyTorch's kernels
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


def nnlib_mlp_step(np, sizes, batch, dtype, *, activation="relu", loss="cross_entropy"):
    """One nnlib training step (forward, loss, backward, SGD) as a function, and its dtype."""
    from nnlib.losses import BinaryCrossEntropy, CrossEntropy
    from nnlib.model import MLP
    from nnlib.optim import SGD

    rng = np.random.default_rng(0)
    X = rng.normal(size=(batch, sizes[0])).astype(dtype)
    model = MLP(sizes, activation=activation, rng=1, dtype=dtype)
    if loss == "cross_entropy":
        y = rng.integers(0, sizes[-1], size=batch)
        criterion = CrossEntropy()
    else:
        y = (rng.random(size=(batch, 1)) < 0.5).astype(X.dtype)
        criterion = BinaryCrossEntropy(from_logits=True)
    # A small learning rate keeps thousands of timed steps on random labels far from overflow.
    optimizer = SGD(learning_rate=1e-3)

    def step() -> None:
        criterion.forward(model.forward(X), y)
        # As fit() trains: no gradient for the data X (PyTorch and the hand-written step skip it too).
        model.backward(criterion.backward(), input_grad=False)
        optimizer.step(model)

    return step, np.dtype(dtype)


def torch_mlp_step(torch, sizes, batch, dtype, *, activation="relu", loss="cross_entropy"):
    """The same step in PyTorch: forward, loss, backward through autograd, SGD."""
    nn = torch.nn
    torch.manual_seed(0)
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(nn.Linear(n_in, n_out, dtype=dtype))
        if i < len(sizes) - 2:
            layers.append(nn.ReLU() if activation == "relu" else nn.Tanh())
    model = nn.Sequential(*layers)
    X = torch.randn(batch, sizes[0], dtype=dtype)
    if loss == "cross_entropy":
        y = torch.randint(0, sizes[-1], (batch,))
        criterion = nn.CrossEntropyLoss()
    else:
        y = (torch.rand(batch, 1) < 0.5).to(dtype)
        criterion = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

    def step() -> None:
        optimizer.zero_grad(set_to_none=True)
        criterion(model(X), y).backward()
        optimizer.step()

    return step


def numpy_playground_step(np, dtype):
    """The 2-16-16-1 tanh network's step (BCE on logits, SGD) written by hand in numpy."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(32, 2)).astype(dtype)
    y = (rng.random(size=(32, 1)) < 0.5).astype(dtype)
    sizes = [2, 16, 16, 1]
    Ws = [(rng.normal(size=(o, i)) * np.sqrt(1 / i)).astype(dtype) for i, o in zip(sizes[:-1], sizes[1:])]
    bs = [np.zeros(o, dtype=dtype) for o in sizes[1:]]
    lr = dtype(1e-3)

    def step() -> None:
        W1, W2, W3 = Ws
        b1, b2, b3 = bs
        A1 = np.tanh(X @ W1.T + b1)
        A2 = np.tanh(A1 @ W2.T + b2)
        Z3 = A2 @ W3.T + b3
        # loss value, as nnlib and PyTorch compute it: mean of log(1 + e^z) - y z
        np.mean(np.maximum(Z3, 0) - Z3 * y + np.log1p(np.exp(-np.abs(Z3))))
        dZ3 = (1 / (1 + np.exp(-Z3)) - y) / len(X)
        dA2 = dZ3 @ W3
        dZ2 = dA2 * (1 - A2 * A2)
        dA1 = dZ2 @ W2
        dZ1 = dA1 * (1 - A1 * A1)
        grads = ((dZ3.T @ A2, dZ3.sum(0)), (dZ2.T @ A1, dZ2.sum(0)), (dZ1.T @ X, dZ1.sum(0)))
        for W, b, (dW, db) in zip((W3, W2, W1), (b3, b2, b1), grads):
            W -= lr * dW
            b -= lr * db

    return step


def conv_pair(np, torch, dtype_np, dtype_torch, *, batch=64, c_in=16, size=14, c_out=32):
    """Conv2D forward + backward in nnlib and in PyTorch, 3x3, padding 1."""
    from nnlib.conv import Conv2D

    rng = np.random.default_rng(0)
    X = rng.normal(size=(batch, c_in, size, size)).astype(dtype_np)
    conv = Conv2D(c_in, c_out, 3, padding=1, rng=1, dtype=dtype_np)
    dY = rng.normal(size=conv.output_shape(X.shape)).astype(dtype_np)

    def ours() -> None:
        conv.forward(X)
        conv.backward(dY)

    if torch is None:
        return ours, None, conv.W.dtype
    Xt = torch.from_numpy(X.astype(np.float32 if dtype_torch == torch.float32 else np.float64)).requires_grad_(True)
    layer = torch.nn.Conv2d(c_in, c_out, 3, padding=1, dtype=dtype_torch)
    dYt = torch.from_numpy(dY.astype(np.float32 if dtype_torch == torch.float32 else np.float64))

    def theirs() -> None:
        Xt.grad = None
        layer.zero_grad(set_to_none=True)
        layer(Xt).backward(dYt)

    return ours, theirs, conv.W.dtype


def pool_pair(np, torch, dtype_np, dtype_torch, *, shape=(64, 16, 26, 26)):
    """MaxPool2D(2) forward + backward in nnlib and in PyTorch."""
    from nnlib.conv import MaxPool2D

    rng = np.random.default_rng(0)
    X = rng.normal(size=shape).astype(dtype_np)
    pool = MaxPool2D(2)
    dY = rng.normal(size=pool.output_shape(X.shape)).astype(dtype_np)

    def ours() -> None:
        pool.forward(X)
        pool.backward(dY)

    if torch is None:
        return ours, None
    Xt = torch.from_numpy(X.astype(np.float32)).to(dtype_torch).requires_grad_(True)
    dYt = torch.from_numpy(dY.astype(np.float32)).to(dtype_torch)

    def theirs() -> None:
        Xt.grad = None
        torch.nn.functional.max_pool2d(Xt, 2).backward(dYt)

    return ours, theirs


def main(argv=None) -> None:
    args = parse_args(argv)
    if args.threads < 1:
        sys.exit(f"bench_nnlib: expected --threads >= 1, but received {args.threads}")
    if "numpy" in sys.modules or "torch" in sys.modules:
        print("warning: numpy or torch was imported before the thread count could be set", file=sys.stderr)
    # BLAS and OpenMP read these once, when the library is first imported.
    for variable in THREAD_VARIABLES:
        os.environ[variable] = str(args.threads)
    import numpy as np

    try:
        import torch
    except ImportError:
        torch = None
    else:
        torch.set_num_threads(args.threads)

    rounds, min_seconds = (11, 0.02) if args.quick else (41, 0.05)
    print(
        f"nnlib benchmark{' (--quick)' if args.quick else ''}: numpy {np.__version__}, "
        + (f"PyTorch {torch.__version__}, " if torch else "PyTorch not installed (pip install -e .[bench]), ")
        + f"Python {platform.python_version()}, {args.threads} BLAS thread(s), {os.cpu_count()} CPU(s), "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    print(
        f"timings: {rounds} interleaved rounds of at least {format_seconds(min_seconds)} each; "
        "time: median; ratio: median of the rounds' ratios"
    )
    print()

    rows = []  # (what, nnlib times, baseline name, baseline times, target ratio): times per round
    f32 = np.float32

    for sizes in ([784, 512, 10], [64, 128, 10]):
        name = f"MLP step {'-'.join(map(str, sizes))}, batch 256"
        ours64, _ = nnlib_mlp_step(np, sizes, 256, np.float64)
        ours32, dtype = nnlib_mlp_step(np, sizes, 256, f32)
        if torch is None:
            continue
        theirs32 = torch_mlp_step(torch, sizes, 256, torch.float32)
        theirs64 = torch_mlp_step(torch, sizes, 256, torch.float64)
        t32, t64, p32, p64 = timed_rounds(ours32, ours64, theirs32, theirs64, rounds=rounds, min_seconds=min_seconds)
        rows.append((f"{name} ({dtype})", t32, "PyTorch float32", p32, 1.25))
        rows.append((f"{name} (float64)", t64, "PyTorch float64", p64, None))

    sizes = [2, 16, 16, 1]
    ours, dtype = nnlib_mlp_step(np, sizes, 32, np.float64, activation="tanh", loss="bce")
    hand = numpy_playground_step(np, np.float64)
    contenders = [ours, hand]
    if torch is not None:
        contenders.append(torch_mlp_step(torch, sizes, 32, torch.float32, activation="tanh", loss="bce"))
    times = timed_rounds(*contenders, rounds=rounds, min_seconds=min_seconds)
    rows.append(("MLP step 2-16-16-1, batch 32 (float64)", times[0], "numpy by hand float64", times[1], 1.3))
    if torch is not None:
        rows.append(("MLP step 2-16-16-1, batch 32 (float64)", times[0], "PyTorch float32", times[2], None))

    if torch is not None:
        ours, theirs, dtype = conv_pair(np, torch, f32, torch.float32)
        t, p = timed_rounds(ours, theirs, rounds=rounds, min_seconds=min_seconds)
        rows.append((f"Conv2D 64x16x14x14 -> 32, 3x3 pad 1, fwd+bwd ({dtype})", t, "PyTorch float32", p, 2.0))
        ours, theirs, dtype = conv_pair(np, torch, np.float64, torch.float64)
        t, p = timed_rounds(ours, theirs, rounds=rounds, min_seconds=min_seconds)
        rows.append((f"Conv2D 64x16x14x14 -> 32, 3x3 pad 1, fwd+bwd ({dtype})", t, "PyTorch float64", p, None))
        ours, theirs = pool_pair(np, torch, f32, torch.float32)
        t, p = timed_rounds(ours, theirs, rounds=rounds, min_seconds=min_seconds)
        rows.append(("MaxPool 2x2 on 64x16x26x26, fwd+bwd (float32)", t, "PyTorch float32", p, 1.5))

    header = ("benchmark", "nnlib", "baseline", "time", "ratio", "target", "met")
    table = [header]
    for what, ours_s, baseline, theirs_s, target in rows:
        ratio = paired_ratio(ours_s, theirs_s)
        table.append(
            (
                what,
                format_seconds(statistics.median(ours_s)),
                baseline,
                format_seconds(statistics.median(theirs_s)),
                f"{ratio:.2f}x",
                "-" if target is None else f"<= {target}x",
                "-" if target is None else ("yes" if ratio <= target else "NO"),
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(w) if j in (0, 2) else cell.rjust(w) for j, (cell, w) in enumerate(zip(row, widths))))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    print()
    print("ratio: nnlib time / baseline time, lower is better; below 1 nnlib is faster.")


if __name__ == "__main__":
    main()
