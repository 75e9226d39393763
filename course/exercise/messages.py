"""Feedback text for check() and the grader, and how values are shown in it.

A :class:`Message` is rendered in a language only when it is shown, so the grader can
write the teacher's report in English and each student's feedback in the language of
their notebook.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from course.i18n import LANGUAGES, get_language, t


@dataclass(frozen=True)
class Message:
    """Feedback text, rendered in a language only when it is shown.

    ``key`` names a string of :mod:`course.strings`; ``fields`` fill its ``{placeholders}``
    and may themselves be messages. A message with ``key=None`` is literal text given
    per language in ``texts`` (e.g. from a question's custom ``compare``).
    """

    key: str | None
    fields: tuple[tuple[str, Any], ...] = ()
    texts: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, key: str, **fields: Any) -> Message:
        return cls(key, tuple(fields.items()))

    @classmethod
    def literal(cls, text: str | Mapping[str, str]) -> Message:
        """Literal text: one string for every language, or ``{"en": ..., "sv": ...}``."""
        if isinstance(text, str):
            return cls(None, texts=tuple((lang, text) for lang in LANGUAGES))
        return cls(None, texts=tuple((lang, str(text.get(lang, text.get("en", "")))) for lang in LANGUAGES))

    def render(self, lang: str | None = None) -> str:
        lang = lang or get_language()
        if self.key is None:
            return dict(self.texts).get(lang, "")
        fields = {name: value.render(lang) if isinstance(value, Message) else value for name, value in self.fields}
        return t(self.key, lang, **fields)

    def __str__(self) -> str:
        return self.render()

    def without_expected(self) -> Message:
        """The message without the expected value, for answers that must not be given away."""
        if self.key == "checker.mismatch":
            return dict(self.fields)["problem"].without_expected()
        if any(isinstance(value, Message) for _, value in self.fields):
            fields = tuple((name, value.without_expected() if isinstance(value, Message) else value)
                           for name, value in self.fields)
            return Message(self.key, fields, self.texts)
        return self



def raised(error_type: str, text: str) -> Message:
    """Feedback for an answer that raised; a ``FloatingPointError`` also says why it counts as wrong."""
    key = "checker.raised_float" if error_type == "FloatingPointError" else "checker.raised"
    return Message.of(key, type=error_type, message=text)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def value_repr(value: Any, limit: int = 200, precision: int = 8) -> str:
    """A short one-line representation of a value for feedback."""
    try:
        if isinstance(value, (np.ndarray, list, tuple, dict)):
            with np.printoptions(threshold=24, edgeitems=3, precision=precision, linewidth=10_000):
                text = repr(value)
        elif isinstance(value, np.generic):
            text = repr(value.item())
        else:
            text = repr(value)
    except Exception:  # a broken __repr__ must not break the feedback
        text = f"<{type(value).__name__}>"
    return shorten(" ".join(text.split()), limit)


def _type_name(value: Any) -> str:
    # numpy scalars read as their Python kind, so 32.0 (float) and np.float64(32.0) look alike.
    for kinds, name in (((bool, np.bool_), "bool"), ((int, np.integer), "int"), ((float, np.floating), "float"),
                        ((complex, np.complexfloating), "complex"), ((str, np.str_), "str")):
        if isinstance(value, kinds):
            return name
    return type(value).__name__


def describe(value: Any) -> Message:
    """The value, its type and, for arrays, its shape and dtype."""
    if isinstance(value, np.ndarray):
        return Message.of("checker.describe_array", value=value_repr(value), shape=str(value.shape), dtype=str(value.dtype))
    if value is None:
        return Message.literal("None")
    return Message.of("checker.describe_value", value=value_repr(value), type=_type_name(value))
