"""Course tooling for *Neural networks from scratch*: builder, widgets, checker, grader.

Importing :mod:`course` is cheap: widgets and plots are imported only where used.
A notebook sets its language once, in its first code cell::

    from course import set_language
    set_language("en")
"""

from course.i18n import LANGUAGES, get_language, set_language, t

__all__ = ["LANGUAGES", "get_language", "set_language", "t"]
