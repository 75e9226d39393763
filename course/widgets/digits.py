"""Chapter 12: the handwritten-digits project.

Plots for the project notebook (training curves, a confusion matrix, misclassified
images with their probabilities, the first layer's weights as images) and
:class:`DigitPad`, a widget that lets the reader draw an 8×8 digit with the mouse, or
load one from a set of images and edit it, and shows the network's ten probabilities.

The pad is made of ipywidgets buttons only (one per pixel), so it works offline and in
every Jupyter front end. Clicking a pixel paints it with the chosen ink (full, half, or
the eraser). The drawn image goes through the *same* preprocessing function as the
training data (the widget is given it), exactly as any new input must.

The computations (:func:`shift_image`, :func:`digit_probabilities`,
:func:`misclassified`, :func:`most_confused`) are module-level functions for the tests.
"""

from __future__ import annotations

from typing import Callable

import ipywidgets as widgets
import numpy as np

from course.i18n import t
from course.numbers import fmt, fmt_percent
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider, with_readout
from nnlib.activations import softmax
from nnlib.layers import Dense
from nnlib.model import Sequential

#: Pixel values of the digits data: 0 (no ink) to 16 (all ink).
INK_MAX = 16

#: The inks of the pad's pen: full, half, eraser.
INKS = (16, 8, 0)


def _check_image(image, owner: str) -> np.ndarray:
    image = np.asarray(image, dtype=float)
    if image.size != 64:
        raise ValueError(f"{owner}: expected an 8×8 image (64 pixels), but received shape {image.shape}")
    return image.reshape(8, 8)


def shift_image(image, dy: int, dx: int) -> np.ndarray:
    """``image`` (8×8, or 64 pixels) moved ``dy`` rows down and ``dx`` columns right.

    Pixels that leave the grid are lost; the pixels that come in are 0 (no ink).
    Returns an 8×8 float array.

    >>> shift_image(np.eye(8), 0, 1)[0, :3]
    array([0., 1., 0.])
    """
    image = _check_image(image, "shift_image")
    dy, dx = int(dy), int(dx)
    shifted = np.zeros_like(image)
    if abs(dy) >= 8 or abs(dx) >= 8:
        return shifted
    rows_to = slice(max(dy, 0), 8 + min(dy, 0))
    rows_from = slice(max(-dy, 0), 8 + min(-dy, 0))
    cols_to = slice(max(dx, 0), 8 + min(dx, 0))
    cols_from = slice(max(-dx, 0), 8 + min(-dx, 0))
    shifted[rows_to, cols_to] = image[rows_from, cols_from]
    return shifted


def digit_probabilities(model: Sequential, images, preprocess: Callable) -> np.ndarray:
    """Softmax of the network's scores for ``images`` (raw pixels 0..16), shape ``(N, 10)``.

    ``images`` may be one image (8×8 or 64 pixels) or ``(N, 64)``; ``preprocess`` is
    applied first, the same function as for the training data.
    """
    X = np.asarray(images, dtype=float).reshape(-1, 64)
    return softmax(model.predict(preprocess(X)))


def misclassified(y_true, y_pred) -> np.ndarray:
    """Indices ``i`` with ``y_pred[i] != y_true[i]``, shape ``(M,)``."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(
            f"misclassified: expected y_true and y_pred of the same shape, but received {y_true.shape} and {y_pred.shape}"
        )
    return np.flatnonzero(y_true != y_pred)


def most_confused(confusion) -> tuple[int, int, int]:
    """The largest entry off the diagonal of a confusion matrix: ``(true, predicted, count)``."""
    C = np.array(confusion, dtype=int)
    np.fill_diagonal(C, -1)
    i, j = np.unravel_index(np.argmax(C), C.shape)
    return int(i), int(j), int(C[i, j])


# Plots


def plot_history(ax_loss, ax_acc, history, best_epoch: int | None = None) -> None:
    """Training and validation loss (left) and accuracy (right) per epoch."""
    epochs = np.arange(1, len(history.loss) + 1)
    ax_loss.plot(epochs, history.loss, color=COLORS[0], label=t("digits.training"))
    ax_loss.plot(epochs, history.val_loss, color=COLORS[1], label=t("digits.validation"))
    ax_acc.plot(epochs, history.metrics["accuracy"], color=COLORS[0], label=t("digits.training"))
    ax_acc.plot(epochs, history.metrics["val_accuracy"], color=COLORS[1], label=t("digits.validation"))
    if best_epoch is not None:
        for ax in (ax_loss, ax_acc):
            ax.axvline(best_epoch, color="black", linestyle=":", linewidth=1, label=t("digits.best_epoch"))
    ax_loss.set_yscale("log")
    ax_loss.set_ylabel(t("digits.loss_axis"))
    ax_acc.set_ylabel(t("digits.accuracy_axis"))
    for ax in (ax_loss, ax_acc):
        ax.set_xlabel(t("digits.epoch"))
        ax.legend(fontsize=10)


def plot_confusion(ax, confusion, title: str = "") -> None:
    """A confusion matrix with its counts written in the cells (rows: true, columns: predicted)."""
    C = np.asarray(confusion)
    ax.imshow(C, cmap="Blues", vmin=0, vmax=max(int(C.max()), 1))
    for (i, j), count in np.ndenumerate(C):
        if count:
            dark = count > 0.6 * C.max()
            ax.text(j, i, fmt(int(count)), ha="center", va="center", fontsize=9,
                    color="white" if dark else ("black" if i == j else COLORS[1]),
                    fontweight="normal" if i == j else "bold")
    k = C.shape[0]
    ax.set_xticks(range(k))
    ax.set_yticks(range(k))
    ax.set_xlabel(t("digits.predicted"))
    ax.set_ylabel(t("digits.true"))
    ax.grid(False)
    if title:
        ax.set_title(title)


def plot_misclassified(fig, X, y_true, probabilities, limit: int = 12) -> list[int]:
    """Up to ``limit`` misclassified images in one row pair each: the image, then its bars.

    Returns the indices drawn. The title of each image gives the true digit and the
    network's answer with its probability.
    """
    y_pred = probabilities.argmax(axis=1)
    wrong = misclassified(y_true, y_pred)[:limit]
    if wrong.size == 0:
        ax = fig.add_subplot(1, 1, 1)
        ax.axis("off")
        ax.text(0.5, 0.5, t("digits.none_wrong"), ha="center", va="center")
        return []
    columns = min(len(wrong), 6)
    rows = int(np.ceil(len(wrong) / columns))
    grid = fig.add_gridspec(2 * rows, columns, height_ratios=[1.0, 0.55] * rows)
    for n, i in enumerate(wrong):
        r, c = divmod(n, columns)
        ax_image = fig.add_subplot(grid[2 * r, c])
        ax_image.imshow(np.asarray(X[i]).reshape(8, 8), cmap="gray_r", vmin=0, vmax=INK_MAX)
        ax_image.set_title(t("digits.wrong_title", true=int(y_true[i]), answer=int(y_pred[i]),
                             p=fmt_percent(probabilities[i, y_pred[i]], decimals=0)), fontsize=10)
        ax_image.axis("off")
        ax_bars = fig.add_subplot(grid[2 * r + 1, c])
        colours = [COLORS[2] if d == y_true[i] else (COLORS[1] if d == y_pred[i] else "0.7") for d in range(10)]
        ax_bars.bar(range(10), probabilities[i], color=colours)
        ax_bars.set_ylim(0, 1)
        ax_bars.set_xticks(range(10))
        ax_bars.tick_params(labelsize=7)
        ax_bars.set_yticks([])
        ax_bars.grid(False)
    return [int(i) for i in wrong]


def plot_first_layer(fig, model: Sequential, count: int = 16) -> np.ndarray:
    """The first Dense layer's weights into the first ``count`` hidden units, as 8×8 images.

    Row ``j`` of ``W`` (shape ``(n_hidden, 64)``) is what hidden unit ``j`` multiplies the
    64 pixels by: blue pixels push its weighted sum up, orange ones down. Returns the
    weights drawn, shape ``(count, 8, 8)``.
    """
    dense = next(layer for layer in model.layers if isinstance(layer, Dense))
    W = dense.params["W"]
    if W.shape[1] != 64:
        raise ValueError(f"plot_first_layer: expected a first Dense layer with 64 inputs, but it has {W.shape[1]}")
    count = min(count, W.shape[0])
    columns = 8
    rows = int(np.ceil(count / columns))
    limit = float(np.abs(W[:count]).max())
    images = W[:count].reshape(count, 8, 8)
    for j in range(count):
        ax = fig.add_subplot(rows, columns, j + 1)
        ax.imshow(images[j], cmap="RdBu", vmin=-limit, vmax=limit)
        ax.set_title(t("digits.unit", j=j), fontsize=9)
        ax.axis("off")
    return images


def plot_hidden_activations(ax, activations) -> int:
    """One bar per hidden unit: its activation ``a^(1)_j`` for one image, shape ``(n_hidden,)``.

    The title counts the units that are switched on (activation > 0). Returns that count.
    """
    activations = np.asarray(activations, dtype=float)
    if activations.ndim != 1:
        raise ValueError(f"plot_hidden_activations: expected activations of shape (n_hidden,), "
                         f"but received shape {activations.shape}")
    active = int(np.sum(activations > 0))
    ax.bar(range(len(activations)), activations, color=COLORS[0])
    ax.set_xlabel(t("digits.hidden_unit"))
    ax.set_ylabel(t("digits.activation"))
    ax.set_title(t("digits.hidden_title", active=fmt(active), n=fmt(len(activations))))
    return active


# The drawing pad


def _grey(value: float) -> str:
    """The button colour for a pixel value 0..16: white to black."""
    level = int(round(255 * (1 - value / INK_MAX)))
    return f"#{level:02x}{level:02x}{level:02x}"


class DigitPad(FigureWidget):
    """Draw a digit with the mouse, or load one and edit it; see the network's probabilities.

    Parameters
    ----------
    model
        A trained network with 64 inputs and 10 scores out.
    preprocess
        The function applied to raw pixels (0..16) before the network, the same as for
        the training data.
    images, labels
        Images to choose from (raw pixels, ``(N, 64)``) and their labels; the slider
        loads image ``i`` into the pad. Use validation images, not test images.

    Controls: the 8×8 pixel buttons (``pixels``), the pen (``ink``), ``clear``, four
    shift buttons (``shifts``: up, down, left, right) and the image slider (``index``).
    Left: the image as the network receives it; right: the ten probabilities, the answer
    in orange. ``image`` is the current 8×8 picture, ``probabilities`` its softmax.
    """

    def __init__(self, model: Sequential, preprocess: Callable, images, labels, *, index: int = 0) -> None:
        super().__init__(ncols=2, figsize=(10.0, 3.6))
        self.model, self.preprocess = model, preprocess
        self.images = np.asarray(images, dtype=float).reshape(-1, 64)
        self.labels = np.asarray(labels)
        if len(self.images) != len(self.labels) or len(self.images) == 0:
            raise ValueError(
                f"DigitPad: expected as many labels as images (at least one), but received "
                f"{len(self.images)} images and {len(self.labels)} labels"
            )
        self.image = np.zeros((8, 8))
        self.label: int | None = None  # the label of the loaded image while it is unchanged
        self.probabilities = np.full(10, 0.1)
        self.pixels = [widgets.Button(layout=widgets.Layout(width="30px", height="30px", padding="0", margin="1px"))
                       for _ in range(64)]
        for k, button in enumerate(self.pixels):
            button.on_click(lambda _button, k=k: self.paint(k))
        self.ink = widgets.ToggleButtons(
            options=[(t("digits.ink_full"), 16), (t("digits.ink_half"), 8), (t("digits.eraser"), 0)],
            value=16, description=t("digits.pen"), style={"button_width": "6em"},
        )
        self.clear = widgets.Button(description=t("digits.clear"), icon="eraser")
        self.clear.on_click(lambda _button: self.set_image(np.zeros((8, 8))))
        self.shifts = []
        for icon, (dy, dx) in (("arrow-up", (-1, 0)), ("arrow-down", (1, 0)), ("arrow-left", (0, -1)),
                               ("arrow-right", (0, 1))):
            button = widgets.Button(icon=icon, tooltip=t("digits.shift"), layout=widgets.Layout(width="3em"))
            button.on_click(lambda _button, dy=dy, dx=dx: self.set_image(shift_image(self.image, dy, dx)))
            self.shifts.append(button)
        self.index = int_slider(t("digits.image_index"), min=0, max=max(len(self.images) - 1, 1), value=index,
                                continuous_update=False, style={"description_width": "initial"})
        self.index.observe(lambda _change: self.load(self.index.value), names="value")
        ax_image, ax_bars = self.axes
        self.picture = ax_image.imshow(self.image, cmap="gray_r", vmin=0, vmax=INK_MAX)
        ax_image.set_xticks([])
        ax_image.set_yticks([])
        ax_image.grid(False)
        self.bars = ax_bars.bar(range(10), self.probabilities, color=COLORS[0])
        ax_bars.set_ylim(0, 1.05)
        ax_bars.set_xticks(range(10))
        ax_bars.set_xlabel(t("digits.digit"))
        ax_bars.set_ylabel(t("digits.probability"))
        self.fig.subplots_adjust(bottom=0.17, top=0.88, wspace=0.3)
        self.load(index, redraw=False)

    # State changes

    def load(self, index: int, *, redraw: bool = True) -> None:
        """Put image ``index`` of ``images`` into the pad."""
        index = int(index)
        if not 0 <= index < len(self.images):
            raise ValueError(f"DigitPad.load: expected an index from 0 to {len(self.images) - 1}, but received {index}")
        self._set(self.images[index].reshape(8, 8), label=int(self.labels[index]), redraw=redraw)

    def paint(self, k: int) -> None:
        """Paint pixel ``k`` (row ``k // 8``, column ``k % 8``) with the chosen ink."""
        image = self.image.copy()
        image[divmod(int(k), 8)] = self.ink.value
        self.set_image(image)

    def set_image(self, image) -> None:
        """Show an 8×8 image of raw pixels 0..16 drawn by the reader (no label)."""
        self._set(np.clip(_check_image(image, "DigitPad.set_image"), 0, INK_MAX), label=None)

    def _set(self, image: np.ndarray, *, label: int | None, redraw: bool = True) -> None:
        self.image, self.label = np.array(image, dtype=float), label
        for button, value in zip(self.pixels, self.image.ravel()):
            button.style.button_color = _grey(value)
        if redraw:
            self.refresh()

    # Drawing

    def update(self) -> None:
        self.probabilities = digit_probabilities(self.model, self.image, self.preprocess)[0]
        answer = int(self.probabilities.argmax())
        self.picture.set_data(self.image)
        for digit, (bar, p) in enumerate(zip(self.bars, self.probabilities)):
            bar.set_height(p)
            bar.set_color(COLORS[1] if digit == answer else COLORS[0])
        ax_image, ax_bars = self.axes
        ax_bars.set_title(t("digits.answer_title", answer=answer, p=fmt_percent(self.probabilities[answer])))
        if self.label is None:
            ax_image.set_title(t("digits.drawn_title"))
            source = t("digits.status_drawn")
        else:
            ax_image.set_title(t("digits.image_title", index=fmt(int(self.index.value)), label=self.label))
            source = t("digits.status_loaded", index=fmt(int(self.index.value)), label=self.label)
        if not self.image.any():
            verdict = t("digits.status_empty")
        else:
            runner_up = int(np.argsort(self.probabilities)[-2])
            verdict = t("digits.status_answer", answer=answer, p=fmt_percent(self.probabilities[answer]),
                        second=runner_up, q=fmt_percent(self.probabilities[runner_up]))
        self.status.value = f"{source} {verdict}"

    @property
    def widget(self) -> widgets.Widget:
        grid = widgets.GridBox(self.pixels, layout=widgets.Layout(grid_template_columns="repeat(8, 32px)"))
        tools = widgets.VBox([self.ink, widgets.HBox([self.clear, *self.shifts]), with_readout(self.index),
                              self.status])
        return widgets.VBox([widgets.HBox([grid, tools]), self.out])
