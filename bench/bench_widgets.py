"""How long does a lesson widget take from a control change to the new image?

The latency a student feels is the time from moving a slider until the kernel has the
PNG the browser will show. This script measures exactly that span in one process that
behaves like a Jupyter kernel with the inline backend (the backend the lessons use):

1. an IPython shell with ``%matplotlib inline``, whose display publisher is replaced
   by one that notes the time when an ``image/png`` is published;
2. every lesson widget built as its lesson builds it (the 13 of chapters 00–06 and the
   chapter 07 playground, whose picture is the value of an ``Image`` widget: there the
   time is taken when that value is set);
3. each control changed in turn (sliders stepped, dropdowns cycled, checkboxes
   toggled, buttons clicked, Play ticked), ``rounds`` times; the latency of one change
   is the time from just before ``control.value = ...`` to the image being ready.

Usage::

    python bench/bench_widgets.py            # all widgets, 5 rounds, about 1 minute
    python bench/bench_widgets.py --quick    # 2 rounds
    python bench/bench_widgets.py --only SurfaceDescent
    python bench/bench_widgets.py --compare  # and matplotlib's own path, interleaved

It prints, per widget, the median and the worst latency of all its changes, then the
median over all changes and the worst one, against the targets (median <= 100 ms,
worst <= 200 ms), both by the wall clock and in CPU time of the kernel's thread (on a
machine shared with other work the wall clock includes waiting for a core; the CPU
time is what an idle machine's wall clock would show). It never fails on a missed
target.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

# The inline backend is the one a lesson runs with; choose it before pyplot is imported.
os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_MEDIAN_MS = 100.0
TARGET_WORST_MS = 200.0


def lesson_widgets() -> dict:
    """Name -> a function building the widget with the arguments its lesson uses."""
    import numpy as np

    import nnlib
    from course.widgets.activations import ActivationExplorer, StackedLayersWidget
    from course.widgets.architecture import ArchitectureBuilder
    from course.widgets.descent import LearningRateDescent, SurfaceDescent, TwoMinimaDescent
    from course.widgets.graph import GraphWidget
    from course.widgets.losses import PredictionLossWidget, RegressionLossWidget
    from course.widgets.perceptron import DecisionLineWidget, PerceptronStepWidget
    from course.widgets.playground import Playground
    from course.widgets.welcome import NeuronCurveWidget

    def quadratic_data():
        return nnlib.datasets.quadratic(20, a=2.0, noise=0.5, rng=np.random.default_rng(0))

    def line_data():
        rng = np.random.default_rng(1)
        x = rng.uniform(0, 4, size=40)
        return x, 1.5 * x + 2 + rng.normal(0, 0.5, size=40)

    return {
        "NeuronCurveWidget": lambda: NeuronCurveWidget(w=2.0, b=-1.0, x=1.5),
        "DecisionLineWidget": lambda: DecisionLineWidget(dataset="and", w1=1.0, w2=1.0, b=-0.5),
        "PerceptronStepWidget": lambda: PerceptronStepWidget(dataset="and", learning_rate=0.5, start=(-1.0, 0.5, -0.5)),
        "ActivationExplorer": lambda: ActivationExplorer(name="sigmoid", z_range=6.0, z=1.0),
        "StackedLayersWidget": lambda: StackedLayersWidget(n_layers=3, between="linear"),
        "ArchitectureBuilder": lambda: ArchitectureBuilder(n_in=1, n_hidden_layers=2, width=8, activation="relu"),
        "RegressionLossWidget": lambda: RegressionLossWidget(),
        "PredictionLossWidget": lambda: PredictionLossWidget(),
        "LearningRateDescent": lambda: LearningRateDescent(*quadratic_data()),
        "TwoMinimaDescent": lambda: TwoMinimaDescent(start=0.3),
        "SurfaceDescent": lambda: SurfaceDescent(*line_data()),
        "GraphWidget neuron": lambda: GraphWidget("neuron"),
        "GraphWidget penalty": lambda: GraphWidget("penalty"),
        # Chapter 07's playground draws into an Image widget of its own (see measure()).
        "Playground": lambda: Playground("xor", hidden=[4, 4], activation="tanh", learning_rate=0.1, batch_size=10,
                                         epochs_per_step=5),
    }


def changes(control, step_index: int):
    """A function making the ``step_index``-th change to ``control``, or None if it has no value to change."""
    import ipywidgets as widgets

    if isinstance(control, widgets.Button):
        return control.click
    if isinstance(control, widgets.Play):
        def tick():  # what the browser does on every tick of a running Play
            control.value = control.value + 1

        return tick
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider)):
        low, high = control.min, control.max
        # Walk up and down through the slider's range in uneven steps, like a hand would.
        fraction = (0.15 + 0.37 * step_index) % 1.0
        if isinstance(control, widgets.FloatLogSlider):
            value = control.base ** (low + fraction * (high - low))
        else:
            value = low + fraction * (high - low)
            if isinstance(control, widgets.IntSlider):
                value = int(round(value))
        if value == control.value:
            value = high if control.value != high else low

        def change():
            control.value = value

        return change
    if isinstance(control, (widgets.Checkbox, widgets.ToggleButton)):
        def toggle():
            control.value = not control.value

        return toggle
    if isinstance(control, (widgets.Dropdown, widgets.RadioButtons, widgets.ToggleButtons, widgets.SelectionSlider)):
        values = [option[1] if isinstance(option, tuple) else option for option in control.options]
        if len(values) < 2:
            return None
        following = values[(values.index(control.value) + 1) % len(values)]

        def select():
            control.value = following

        return select
    return None


class Publications:
    """Stands in for the kernel's display publisher: notes when each image is ready to send."""

    def __init__(self) -> None:
        self.png_times: list[float] = []
        self.png_cpu_times: list[float] = []
        self.png_sizes: list[int] = []

    def install(self, shell) -> None:
        publisher = shell.display_pub

        def publish(data, metadata=None, *args, **kwargs):
            if "image/png" in data:
                self.note(len(data["image/png"]) * 3 // 4)  # base64 text: 4 characters per 3 bytes
            return None  # nothing is printed; a real kernel would send the message here

        publisher.publish = publish
        publisher.clear_output = lambda *args, **kwargs: None

    def note(self, size: int) -> None:
        """An image of ``size`` bytes is ready to be sent, now."""
        self.png_times.append(time.perf_counter())
        self.png_cpu_times.append(time.thread_time())
        self.png_sizes.append(size)


def measure(build, rounds: int, publications: Publications, paths: list[str]) -> dict:
    """Per drawing path: wall-clock and CPU latencies (ms) of every change, and the median PNG size.

    One widget is built per path; every change is made to each of them in turn, so a
    burst of load from other programs falls on all paths alike.
    """
    import ipywidgets as widgets
    from IPython.display import display

    from course.widgets import base

    fast_render = base.render_png
    renderers = {"one-pass": fast_render, "matplotlib": lambda fig, *args: None}
    built = {}
    for path in paths:
        base.render_png = renderers[path]
        built[path] = build()
        display(built[path])  # first show, as the lesson's cell does; not timed
        picture = getattr(built[path], "picture", None)
        if isinstance(picture, widgets.Image):
            # A widget that sends its picture as an Image widget's value, not as display data.
            picture.observe(lambda change: publications.note(len(change["new"])), names="value")
    results = {path: ([], [], []) for path in paths}
    try:
        for round_index in range(rounds):
            for control_index in range(len(built[paths[0]].controls)):
                for path in paths:
                    base.render_png = renderers[path]
                    change = changes(built[path].controls[control_index], round_index)
                    if change is None:
                        continue
                    latencies, cpu_latencies, sizes = results[path]
                    published = len(publications.png_times)
                    start, cpu_start = time.perf_counter(), time.thread_time()
                    change()
                    end, cpu_end = time.perf_counter(), time.thread_time()
                    if len(publications.png_times) > published:
                        end, cpu_end = publications.png_times[-1], publications.png_cpu_times[-1]
                        sizes.append(publications.png_sizes[-1])
                    # else the picture did not change and nothing new was sent: the latency
                    # is the time the kernel was busy finding that out.
                    latencies.append((end - start) * 1e3)
                    cpu_latencies.append((cpu_end - cpu_start) * 1e3)
    finally:
        base.render_png = fast_render
    return {path: (lat, cpu, int(statistics.median(sizes or [0]))) for path, (lat, cpu, sizes) in results.items()}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 rounds instead of 5")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--only", action="append", default=[], help="measure only widgets whose name contains this")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also measure matplotlib's own path (display(fig), as before the one-pass render), interleaved",
    )
    args = parser.parse_args(argv)
    rounds = args.rounds or (2 if args.quick else 5)
    paths = ["one-pass", "matplotlib"] if args.compare else ["one-pass"]

    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.enable_gui = lambda gui=None: None  # a terminal shell has no GUI loop; inline needs none
    shell.run_line_magic("matplotlib", "inline")
    publications = Publications()
    publications.install(shell)

    import matplotlib

    from course import set_language

    set_language("en")
    print(f"widget latency: control change -> PNG published, matplotlib {matplotlib.__version__}, "
          f"backend {matplotlib.get_backend()}, {rounds} rounds, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    header = (f"{'widget':<22} {'path':<10} {'changes':>7} {'median ms':>10} {'worst ms':>9} "
              f"{'cpu median':>10} {'cpu worst':>9} {'PNG kB':>7}")
    print(header)
    print("-" * len(header))
    everything = {path: ([], []) for path in paths}
    for name, build in lesson_widgets().items():
        if args.only and not any(part in name for part in args.only):
            continue
        for path, (latencies, cpu, size) in measure(build, rounds, publications, paths).items():
            everything[path][0].extend(latencies)
            everything[path][1].extend(cpu)
            print(f"{name:<22} {path:<10} {len(latencies):>7} {statistics.median(latencies):>10.1f} "
                  f"{max(latencies):>9.1f} {statistics.median(cpu):>10.1f} {max(cpu):>9.1f} "
                  f"{size / 1024:>7.0f}", flush=True)
    print("-" * len(header))
    for path, (latencies, cpu) in everything.items():
        print(f"{'all':<22} {path:<10} {len(latencies):>7} {statistics.median(latencies):>10.1f} "
              f"{max(latencies):>9.1f} {statistics.median(cpu):>10.1f} {max(cpu):>9.1f}")
    print()
    for path, (latencies, cpu) in everything.items():
        for label, values in (("wall clock", latencies), ("CPU time", cpu)):
            m, w = statistics.median(values), max(values)
            print(f"{path} {label}: median {m:.0f} ms (target <= {TARGET_MEDIAN_MS:.0f}: "
                  f"{'met' if m <= TARGET_MEDIAN_MS else 'NOT met'}), worst {w:.0f} ms "
                  f"(target <= {TARGET_WORST_MS:.0f}: {'met' if w <= TARGET_WORST_MS else 'NOT met'})")
    print("CPU time is the kernel thread's own: what the wall clock would show on an idle machine.")
    print("PNG kB: the size of the image sent (PNG; the playground sends JPEG).")


if __name__ == "__main__":
    main()
