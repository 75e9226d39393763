"""One table of user-interface strings in both languages.

Strings live in the modules of :mod:`course.strings`, one module per area (``common``,
``perceptron``, ``checker`` …), each defining ``STRINGS = {key: {"en": ..., "sv": ...}}``.
Keys are namespaced by area, e.g. ``"perceptron.weight"``. A notebook sets its language
once; widgets, plots and checker feedback read it through :func:`t`.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

LANGUAGES = ("en", "sv")

_language = "en"


def _check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(
            f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)} "
            f"/ okänt språk {lang!r}; välj ett av {', '.join(LANGUAGES)}"
        )
    return lang


def set_language(lang: str) -> None:
    """Set the language of everything the course shows from here on ("en" or "sv")."""
    global _language
    _language = _check_language(lang)


def get_language() -> str:
    return _language


@lru_cache(maxsize=None)
def strings() -> dict[str, dict[str, str]]:
    """All UI strings, merged from every module in :mod:`course.strings`."""
    import course.strings as package

    table: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for key, entry in getattr(module, "STRINGS", {}).items():
            if key in table:
                raise ValueError(f"UI string {key!r} is defined twice (again in course.strings.{info.name})")
            table[key] = entry
    return table


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The string ``key`` in ``lang`` (default: the notebook's language), formatted with ``fields``."""
    lang = _check_language(lang or _language)
    try:
        entry = strings()[key]
    except KeyError:
        raise KeyError(f"no UI string {key!r}; add it to a module in course/strings/") from None
    text = entry[lang]
    return text.format(**fields) if fields else text
