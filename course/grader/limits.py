"""The limits of one submission: what the teacher sets (:class:`Limits`) and how the runner applies them.

:class:`Limits` travels to the server as plain settings
(:func:`course.grader.launch.server_settings`); inside the sandbox, :func:`set_limits` turns them
into resource limits of the runner (CPU seconds, address space, file size, open files,
no new processes) just before the student's code runs. The wall-clock timeout is
enforced from outside, by the grader, which has the job killed.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Limits of one submission's process.

    Attributes
    ----------
    timeout : float
        Wall-clock seconds for the whole notebook and all its tests.
    memory_mb : int
        Memory the process may allocate beyond what Python and numpy need to start.
    file_mb : int
        Largest file the notebook may write (in its own temporary directory).
    disk_mb : int
        All the files the notebook may write together (its private tmpfs).
    max_value_bytes : int
        Largest single answer sent back.
    max_result_bytes : int
        Most result bytes in total.
    """

    timeout: float = 60.0
    memory_mb: int = 1024
    file_mb: int = 8
    disk_mb: int = 64
    max_value_bytes: int = 16 * 1024 * 1024
    max_result_bytes: int = 64 * 1024 * 1024

    @property
    def step(self) -> float:
        """The most one cell or one test may take: a quarter of the timeout."""
        return max(self.timeout / 4, 0.05)


def vm_bytes() -> int:
    """This process's address space in bytes (0 when /proc cannot say)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def set_limits(settings: dict, vm: int) -> None:
    """Resource limits of the runner; ``vm`` is its address space before any student code."""
    import math
    import resource

    def limit(name: str, value: int) -> None:
        which = getattr(resource, name, None)
        if which is None:
            return
        try:
            soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass

    cpu = int(math.ceil(settings["timeout"])) + 1
    limit("RLIMIT_CPU", cpu)
    if vm:
        limit("RLIMIT_AS", vm + int(settings["memory_mb"]) * 1024 * 1024)
    limit("RLIMIT_FSIZE", int(settings["file_mb"]) * 1024 * 1024)
    limit("RLIMIT_CORE", 0)
    limit("RLIMIT_NOFILE", 64)
    limit("RLIMIT_NPROC", 0)
    # Writing past the file-size limit then fails with an OSError instead of killing the process.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

