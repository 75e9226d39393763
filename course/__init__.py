"""Course tooling for *Neural networks from scratch*: builder, widgets, checker, grader.

Importing :mod:`course` is cheap: widgets and plots are imported only where used.
A notebook sets its language once, in its first code cell::

    from course import set_language
    set_language("en")
"""

from course import i18n
from course.i18n import LANGUAGES, get_language, t


def set_language(lang: str) -> None:
    """Set the language of everything the course shows from here on ("en" or "sv").

    For Swedish, every plot's tick labels are written with a decimal comma too: the
    formatter comes with :mod:`course.plots`, imported here only when it is needed.
    """
    i18n.set_language(lang)
    if lang != "en":
        import course.plots  # noqa: F401  (installs the formatter for every linear axis)


__all__ = ["LANGUAGES", "get_language", "set_language", "t"]
