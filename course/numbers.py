"""Numbers as people read them, in the notebook's language.

Everything the course *draws* for a person (widget status lines, slider readouts, plot
titles, legends, annotations, tick labels) shows its numbers through :func:`fmt`, so a
Swedish notebook shows ``0,5``, ``2 500`` and ``(1,5; −2)`` where an English one shows
``0.5``, ``2,500`` and ``(1.5, −2)``. Values that Python *prints* are program output and
keep Python's own form in both languages.

Rules (the glossary's typography section):

- decimal separator: ``.`` in English, ``,`` in Swedish;
- thousands: ``2,500`` in English, ``2 500`` in Swedish (a no-break space, so the number
  never breaks over two lines);
- the minus sign is ``−`` (U+2212), never a hyphen;
- the components of a vector are separated by ``", "`` in English and ``"; "`` in Swedish
  (a comma would be ambiguous next to decimal commas);
- very small and very large numbers read ``2.46·10⁻⁵`` rather than ``2.46e-05``.

>>> from course import set_language
>>> set_language("sv"); print(fmt(0.0451), fmt(2500.0), fmt([1.5, -2.0]), fmt(2.458e-05), sep=" | ")
0,0451 | 2 500 | (1,5; −2) | 2,46·10⁻⁵
>>> set_language("en"); print(fmt(0.0451), fmt(25000), fmt([1.5, -2.0]), fmt(3.14159, decimals=2), sep=" | ")
0.0451 | 25,000 | (1.5, −2) | 3.14
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Integral, Real

import numpy as np

from course.i18n import get_language

MINUS = "\u2212"
NO_BREAK_SPACE = "\u00a0"
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")

# Outside this range a number is written with a power of ten.
_SMALL, _LARGE = 1e-4, 1e9


def decimal_separator(lang: str | None = None) -> str:
    return "," if (lang or get_language()) == "sv" else "."


def localize(text: str, lang: str | None = None) -> str:
    """A number already written the Python way (``"-0.5"``) in the language's form.

    Only for text that is one number (or a tick label): it swaps the decimal point and
    the hyphen-minus, nothing else.
    """
    lang = lang or get_language()
    text = text.replace("-", MINUS)
    return text.replace(".", ",") if lang == "sv" else text


def _group(digits: str, lang: str) -> str:
    """Thousands grouping of a string of digits (no sign, no decimals)."""
    if len(digits) < 4:
        return digits
    separator = NO_BREAK_SPACE if lang == "sv" else ","
    groups = []
    while digits:
        groups.append(digits[-3:])
        digits = digits[:-3]
    return separator.join(reversed(groups))


def _scalar(value: float, decimals: int | None, digits: int, lang: str) -> str:
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"fmt: expected a number, but received the truth value {value!r}")
    if isinstance(value, Integral):
        number = int(value)
        sign = MINUS if number < 0 else ""
        return sign + _group(str(abs(number)), lang)
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return ("" if value > 0 else MINUS) + "∞"
    sign = MINUS if value < 0 else ""  # never "−0": -0.0 is not < 0
    magnitude = abs(value)
    if decimals is not None:
        text = f"{magnitude:.{decimals}f}"
        if float(text) == 0:
            sign = ""
    elif magnitude != 0 and (magnitude < _SMALL or magnitude >= _LARGE):
        mantissa, exponent = f"{magnitude:.{max(digits - 1, 0)}e}".split("e")
        mantissa = _trim(mantissa)
        power = "10" + str(int(exponent)).translate(_SUPERSCRIPT)
        text = power if mantissa == "1" else f"{mantissa}·{power}"
        return sign + text.replace(".", decimal_separator(lang))
    else:
        text = _trim(f"{magnitude:.{digits}g}") if magnitude < 10**digits else f"{magnitude:.0f}"
        if "e" in text:  # %g switched to exponent form for a whole number with many digits
            text = f"{magnitude:.0f}"
    whole, _, fraction = text.partition(".")
    text = _group(whole, lang) + (decimal_separator(lang) + fraction if fraction else "")
    return sign + text


def _trim(text: str) -> str:
    """``"2.500"`` → ``"2.5"``, ``"3.000"`` → ``"3"``; leaves text without a point alone."""
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt(value, decimals: int | None = None, digits: int = 3, lang: str | None = None) -> str:
    """``value`` written for people in the notebook's language.

    Parameters
    ----------
    value : number, or a sequence/array of numbers
        A 1-D sequence is written as a vector ``(a, b)`` / ``(a; b)``.
    decimals : int, optional
        Fixed number of decimals (``fmt(0.5, decimals=2)`` → ``"0.50"``).
    digits : int
        Without ``decimals``: significant digits (default 3); whole numbers are never cut.
    lang : "en" or "sv", optional
        Default: the notebook's language.
    """
    lang = lang or get_language()
    if decimals is not None and (isinstance(decimals, bool) or not isinstance(decimals, Integral) or decimals < 0):
        raise ValueError(f"fmt: expected decimals to be a whole number >= 0, but received {decimals!r}")
    if isinstance(value, str) or value is None:
        raise TypeError(f"fmt: expected a number or a sequence of numbers, but received {value!r:.40}")
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, (np.ndarray, list, tuple)) or (isinstance(value, Iterable) and not isinstance(value, Real)):
        items = list(np.asarray(value).ravel().tolist()) if isinstance(value, np.ndarray) else list(value)
        separator = "; " if lang == "sv" else ", "
        return "(" + separator.join(fmt(item, decimals, digits, lang) for item in items) + ")"
    if isinstance(value, np.generic):
        value = value.item()
    if not isinstance(value, Real):
        raise TypeError(f"fmt: expected a number or a sequence of numbers, but received {value!r:.40}")
    return _scalar(value, decimals, digits, lang)


def fmt_percent(fraction: float, decimals: int = 1, lang: str | None = None) -> str:
    """A fraction as a percentage: ``0.973`` → ``"97.3 %"`` / ``"97,3 %"``."""
    return f"{fmt(100 * float(fraction), decimals=decimals, lang=lang)}{NO_BREAK_SPACE}%"
