"""The server's warm start: the modules every submission finds already imported, and ctypes out of reach.

The server (:mod:`course.grader.worker`) imports numpy, matplotlib, nnlib, the lesson
widgets and the course's string table once, then forks one process per submission: a
child inherits them for free, whereas an import *in* a child compiles from source
(cached bytecode needs ``marshal.loads``, which the guard refuses). After importing,
:func:`disarm_modules` replaces every module-level reference to ctypes and the raw
process spawner with a stand-in, and the garbage collector's view is frozen, so that a
child's first collection does not walk (and copy, page by page) the whole warm heap.
"""

from __future__ import annotations

import sys
from typing import Any

# Modules the server imports once, so that children start warm. Missing ones are skipped.
PRELOAD = ("numpy", "matplotlib", "matplotlib.pyplot", "course", "course.i18n", "course.tags",
           "course.chapters", "nnlib", "course.grader.codec", "copy", "io", "tempfile", "resource", "site",
           "stat", "types")
# Packages of which every module is imported: exercises show lesson widgets.
PRELOAD_PACKAGES = ("nnlib", "course.widgets")


def preload() -> None:
    """Import :data:`PRELOAD` and every module of :data:`PRELOAD_PACKAGES`, disarm, freeze the heap."""
    import gc
    import importlib
    import pkgutil

    for name in PRELOAD:
        try:
            module = importlib.import_module(name)
        except Exception:
            continue
        if name == "matplotlib":
            module.use("Agg")
    for package_name in PRELOAD_PACKAGES:
        try:
            package = importlib.import_module(package_name)
        except Exception:
            continue
        for info in pkgutil.iter_modules(package.__path__):
            try:
                importlib.import_module(f"{package_name}.{info.name}")
            except Exception:
                pass
    try:
        from course.i18n import strings

        strings()
    except Exception:
        pass
    disarm_modules()
    # Objects that exist now live as long as the server: the collector need never look at
    # them again, in the server or in a child (where looking would touch every page).
    gc.collect()
    gc.freeze()


class _Disarmed:
    """Stands in for a module, function or class that a child must not reach."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def __getattr__(self, attribute: str) -> Any:
        raise PermissionError(f"{object.__getattribute__(self, '_name')} is not available while grading")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise PermissionError(f"{object.__getattribute__(self, '_name')} is not available while grading")


def disarm_modules() -> None:
    """Make ctypes and the raw process spawner unreachable from loaded modules.

    numpy and matplotlib import them at start-up; their C functions go around the audit
    hook, so every module-level reference to them is replaced by a :class:`_Disarmed`.
    """
    blocked_roots = ("ctypes", "_ctypes", "_posixsubprocess")
    blocked = {name for name in sys.modules if name.split(".")[0] in blocked_roots}
    blocked_ids = {id(sys.modules[name]) for name in blocked if sys.modules[name] is not None}
    for module in list(sys.modules.values()):
        if module is None or id(module) in blocked_ids:
            continue
        try:
            items = list(vars(module).items())
        except TypeError:
            continue
        for attribute, value in items:
            try:
                origin = getattr(value, "__module__", None) if not isinstance(value, type(sys)) else None
            except Exception:
                origin = None
            if id(value) in blocked_ids or (
                isinstance(origin, str) and origin.split(".")[0] in blocked_roots and callable(value)
            ):
                try:
                    setattr(module, attribute, _Disarmed(f"{getattr(module, '__name__', '?')}.{attribute}"))
                except (AttributeError, TypeError):
                    pass
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
