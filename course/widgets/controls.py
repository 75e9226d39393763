"""Sliders whose value is shown in the notebook's language.

ipywidgets draws a slider's readout in the browser with a fixed English number format,
so a Swedish lesson would show ``0.045`` beside ``η``. The sliders made here hide that
readout; the course shows the value in a label next to the slider instead, written by
:func:`course.numbers.fmt` (``0,045`` in Swedish). :class:`~course.widgets.base.FigureWidget`
lays the label out beside its slider; anywhere else use :func:`with_readout`.

>>> from course import set_language
>>> from course.widgets.controls import slider, readout
>>> set_language("en")
>>> s = slider("η", min=0.001, max=1.0, step=0.001, value=0.045, decimals=3)
>>> s.value = 0.25
>>> readout(s).value  # in the notebook's language
'0.250'
"""

from __future__ import annotations

import math
import weakref

import ipywidgets as widgets

from course.numbers import fmt

# The label that shows each slider's value; weak, so a closed widget is not kept alive.
_READOUTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

_LABEL_LAYOUT = {"min_width": "4.5em"}


def _attach(control: widgets.Widget, decimals: int | None) -> None:
    label = widgets.Label(layout=widgets.Layout(**_LABEL_LAYOUT))

    def show(_change=None) -> None:
        label.value = fmt(control.value, decimals=decimals)

    control.observe(show, names="value")
    show()
    _READOUTS[control] = label


def slider(
    description: str,
    *,
    min: float,
    max: float,
    step: float,
    value: float,
    decimals: int | None = None,
    log: bool = False,
    continuous_update: bool = True,
    **kwargs,
) -> widgets.FloatSlider | widgets.FloatLogSlider:
    """A float slider with the course's readout.

    Parameters
    ----------
    description : str
        The label before the slider (already in the notebook's language).
    min, max, step, value : float
        As for ``ipywidgets.FloatSlider``. With ``log=True``, ``min`` and ``max`` are the
        end values themselves (not their logarithms) and ``step`` is a step of log10.
    decimals : int, optional
        Decimals of the readout; default: three significant digits.
    log : bool
        A logarithmic slider (``ipywidgets.FloatLogSlider``), for learning rates.
    """
    if min >= max:
        raise ValueError(f"slider {description!r}: expected min < max, but received min={min!r}, max={max!r}")
    common = dict(description=description, readout=False, continuous_update=continuous_update, **kwargs)
    if log:
        if min <= 0:
            raise ValueError(f"slider {description!r}: a logarithmic slider needs min > 0, but received {min!r}")
        control = widgets.FloatLogSlider(
            value=value, base=10, min=math.log10(min), max=math.log10(max), step=step, **common
        )
    else:
        control = widgets.FloatSlider(value=value, min=min, max=max, step=step, **common)
    _attach(control, decimals)
    return control


def int_slider(
    description: str, *, min: int, max: int, value: int, step: int = 1, continuous_update: bool = True, **kwargs
) -> widgets.IntSlider:
    """An integer slider with the course's readout (``12 000`` in Swedish)."""
    if min >= max:
        raise ValueError(f"slider {description!r}: expected min < max, but received min={min!r}, max={max!r}")
    control = widgets.IntSlider(
        value=value, min=min, max=max, step=step, description=description, readout=False,
        continuous_update=continuous_update, **kwargs,
    )
    _attach(control, None)
    return control


def readout(control: widgets.Widget) -> widgets.Label | None:
    """The label showing ``control``'s value, or None for a control without one."""
    return _READOUTS.get(control)


def with_readout(control: widgets.Widget) -> widgets.Widget:
    """``control`` and its readout side by side (the control alone if it has none)."""
    label = readout(control)
    if label is None:
        return control
    return widgets.HBox([control, label], layout=widgets.Layout(align_items="center"))
