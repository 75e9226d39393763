"""How the grading server is started: its command line, settings and environment.

The server (:mod:`course.grader.worker`) gets an environment of its own: one
BLAS/OpenMP thread, the Agg matplotlib backend, a fixed hash seed, the course on the
path, and none of the teacher's other environment variables (tokens, keys, proxies).
With bubblewrap its command line is ``bwrap`` around Python
(:func:`course.grader.isolation.bwrap_command`), with matplotlib's font cache copied
in; its settings (the limits, and with ``--isolation=process`` the jobs' folder and the
paths to refuse) travel as one JSON argument.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from course.grader.limits import Limits

# Environment variables the server keeps from the grader's environment; everything
# else (tokens, keys, proxies) stays out of reach of the students' code.
KEPT_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "HOME", "PYTHONPATH", "VIRTUAL_ENV", "SYSTEMROOT")
WORKER_ENVIRONMENT = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "MPLBACKEND": "Agg",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
}


def worker_environment() -> dict[str, str]:
    """The server's environment: a few kept variables, the worker settings, and the course on the path."""
    env = {name: os.environ[name] for name in KEPT_ENVIRONMENT if name in os.environ}
    env.update(WORKER_ENVIRONMENT)
    import course

    root = str(Path(course.__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def server_settings(limits: Limits, isolation: str, work_root: str | None, hide: Sequence[str]) -> dict:
    """The settings the server gets: the limits, and with ``isolation="process"`` where jobs
    work (``work_root``) and which paths they must not read (``hide``)."""
    settings = {"isolation": isolation, "timeout": limits.timeout, "memory_mb": limits.memory_mb,
                "file_mb": limits.file_mb, "disk_mb": limits.disk_mb, "max_value_bytes": limits.max_value_bytes,
                "step": limits.step}
    if isolation == "process":
        settings.update(work_root=work_root, deny=sorted(hide))
    return settings


def server_command(settings: dict, fd: int, extra_fds: list[int], *, run_id: str, cwd: str, bwrap: str | None,
                   hide: Sequence[str]) -> tuple[list[str], dict[str, str], str]:
    """(argv, environment, working directory) of a server that listens on ``fd``.

    ``bwrap`` is the bubblewrap binary, None for ``isolation="process"``. Files the
    server must inherit (the font cache) are opened and appended to ``extra_fds``.
    """
    python = [os.path.normpath(os.path.abspath(sys.executable)), "-c", "from course.grader.worker import main; main()",
              str(fd), json.dumps(settings)]
    env = worker_environment()
    env["NNCOURSE_GRADER_RUN"] = run_id
    if bwrap is None:
        return python, env, cwd
    from course.grader.isolation import SERVER_DIR, bwrap_command, font_cache

    env = {name: value for name, value in env.items() if name in ("PYTHONPATH", "LANG", "LC_ALL", "LC_CTYPE")
           or name in WORKER_ENVIRONMENT or name == "NNCOURSE_GRADER_RUN"}
    env.update(PATH="/usr/local/bin:/usr/bin:/bin", HOME=SERVER_DIR, MPLCONFIGDIR=f"{SERVER_DIR}/matplotlib")
    files = []
    cache = font_cache()
    if cache is not None:
        try:
            cache_fd = os.open(cache, os.O_RDONLY)
        except OSError:
            pass
        else:
            extra_fds.append(cache_fd)
            files.append((cache_fd, f"{SERVER_DIR}/matplotlib/{os.path.basename(cache)}"))
    return bwrap_command(bwrap, python, env, hide=hide, files=files), env, cwd
