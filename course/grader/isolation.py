"""The bubblewrap sandbox around the grading server (the grader's side).

:func:`bwrap_command` builds the ``bwrap`` command line that starts the worker server
(:mod:`course.grader.worker`) in new user, PID, network, IPC, UTS and mount
namespaces, as uid/gid 65534 with no capabilities, in a session of its own, killed with
the grader. Its file system is an empty read-only root with read-only binds of exactly:

- ``/usr`` and the ``/bin``, ``/lib*`` links (the C library, system fonts, zoneinfo),
- Python's installation and the virtual environment's site-packages (numpy, matplotlib),
- ``nnlib`` and ``course``, with ``course/content`` (the exercise sources: solutions and
  hidden tests) replaced by an empty folder,
- ``/etc/ld.so.cache`` and ``/etc/localtime``,

plus a fresh ``/proc`` and minimal ``/dev``, a small tmpfs ``/run/nncourse`` for the
server's matplotlib cache, and an empty ``/submission`` on which each submission gets its
own writable tmpfs. The exercise source, the submissions, ``--out`` and the teacher's home
folder are not in it; a path among them that lies inside a bound folder is covered too.
Each submission then gets namespaces and a writable tmpfs of its own
(:mod:`course.grader.confine`).

:func:`check_bwrap` says why the sandbox cannot be used here, with what to do.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

SANDBOX_UID = 65534
SERVER_TMP_BYTES = 64 * 1024 * 1024
# The server's own writable folder (matplotlib's cache), hidden again from each submission,
# and the mount point of each submission's private tmpfs. Neither is /tmp, where a course
# checked out under /tmp would be hidden.
SERVER_DIR = "/run/nncourse"
WORK_DIR = "/submission"
ETC_FILES = ("/etc/ld.so.cache", "/etc/localtime")
INSTALL_HINT = """\
nncourse grade runs every submission in a bubblewrap sandbox (new namespaces, no network,
a read-only view without the exercise sources), and {problem}.

- Install bubblewrap: `sudo apt install bubblewrap` (Debian, Ubuntu), `sudo dnf install
  bubblewrap` (Fedora), `sudo pacman -S bubblewrap` (Arch). On Ubuntu 24.04 and later,
  unprivileged user namespaces may also need an AppArmor profile for bwrap (see
  docs/exercises.md).
- Or grade in the project's container (docs/exercises.md, "Grading in a container"):
    docker build -f Dockerfile.grader -t nncourse-grader .
    docker run --rm --network none --security-opt seccomp=unconfined --security-opt apparmor=unconfined \\
        -v "$PWD/submissions:/in:ro" -v "$PWD/results:/out" nncourse-grader grade 03 /in --out /out/03
- Or, knowing that a determined student can then escape the weaker in-process guard,
  pass --isolation=process (the report and every feedback file will say so)."""


_WORKING: set[str] = set()  # bwrap binaries that passed check_bwrap in this process


class IsolationUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces here; the message says what to do."""


def find_bwrap() -> str | None:
    """The path of ``bwrap``, or None."""
    return shutil.which("bwrap")


def _real(path: str | Path) -> str:
    return os.path.realpath(path)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def readable_roots() -> list[str]:
    """The folders the server and the submissions need, most general first, without duplicates."""
    import course
    import nnlib

    roots: list[str] = []
    for prefix in (sys.base_prefix, sys.base_exec_prefix, sys.prefix, sys.exec_prefix):
        roots.append(_real(prefix))
    try:
        roots += [_real(p) for p in site.getsitepackages()]
    except AttributeError:
        pass
    roots.append(os.path.dirname(_real(course.__file__)))
    roots.append(os.path.dirname(_real(nnlib.__file__)))
    for name in ("numpy", "matplotlib"):
        module = sys.modules.get(name)
        if module is None:
            try:
                module = __import__(name)
            except ImportError:
                continue
        roots.append(os.path.dirname(os.path.dirname(_real(module.__file__))))
    executable = _real(sys.executable)
    roots.append(os.path.dirname(executable))
    unique: list[str] = []
    for root in roots:
        if os.path.isdir(root) and not any(_inside(root, kept) for kept in unique) and not _inside(root, "/usr"):
            unique = [kept for kept in unique if not _inside(kept, root)]
            unique.append(root)
    return sorted(unique)


def bwrap_command(bwrap: str, python_args: Sequence[str], env: dict[str, str],
                  hide: Sequence[str | Path] = (), files: Sequence[tuple[int, str]] = ()) -> list[str]:
    """The ``bwrap`` command line that runs ``python_args`` (a list starting with the interpreter).

    ``files`` are ``(fd, path)`` pairs: the contents of open file ``fd`` appear as the
    writable file ``path`` under :data:`SERVER_DIR` (a copy, e.g. matplotlib's font cache).
    """
    import course

    args = [bwrap, "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try", "--uid", str(SANDBOX_UID), "--gid", str(SANDBOX_UID), "--hostname", "grader",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv"]
    for name, value in sorted(env.items()):
        args += ["--setenv", name, value]
    args += ["--ro-bind", "/usr", "/usr"]
    for link in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = f"/{link}"
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    for file in ETC_FILES:
        if os.path.exists(file):
            args += ["--ro-bind", _real(file), file]
    roots = readable_roots()
    for root in roots:
        args += ["--ro-bind", root, root]
    covered = [os.path.join(os.path.dirname(_real(course.__file__)), "content")]
    covered += [_real(p) for p in hide]
    done: list[str] = []
    for path in sorted(covered, key=len):
        if not any(_inside(path, root) for root in (*roots, "/usr")) or not os.path.exists(path) \
                or any(_inside(path, other) for other in done):
            continue
        done.append(path)
        if os.path.isdir(path):
            args += ["--tmpfs", path, "--remount-ro", path]
        else:
            args += ["--ro-bind", "/dev/null", path]
    args += ["--proc", "/proc", "--dev", "/dev", "--size", str(SERVER_TMP_BYTES), "--tmpfs", SERVER_DIR,
             "--dir", WORK_DIR]
    for fd, path in files:
        args += ["--dir", os.path.dirname(path), "--file", str(fd), path]
    args += ["--remount-ro", "/", "--chdir", "/"]
    return args + list(python_args)


def font_cache() -> str | None:
    """The teacher's matplotlib font cache (built here if missing): copied into the sandbox,
    it saves the server seconds of scanning fonts at every start."""
    try:
        import glob

        import matplotlib

        pattern = os.path.join(matplotlib.get_cachedir(), "fontlist-v*.json")
        found = sorted(glob.glob(pattern))
        if not found:
            import matplotlib.font_manager  # noqa: F401  (builds and writes the cache once, here)

            found = sorted(glob.glob(pattern))
    except Exception:
        return None
    return found[-1] if found else None


def check_bwrap() -> str:
    """The path of a ``bwrap`` that can make the namespaces the grader needs.

    Raises
    ------
    IsolationUnavailable
        When bwrap is missing or cannot create namespaces here, with what to do instead.
    """
    bwrap = find_bwrap()
    if bwrap is not None and bwrap in _WORKING:
        return bwrap
    if bwrap is None:
        raise IsolationUnavailable(INSTALL_HINT.format(problem="`bwrap` was not found on the PATH"))
    probe = [bwrap, "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--die-with-parent",
             "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", _real(sys.executable), "-c", "pass"]
    try:
        done = subprocess.run(probe, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise IsolationUnavailable(INSTALL_HINT.format(problem=f"`{bwrap}` could not be run ({error})")) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()[-500:] or f"exit code {done.returncode}"
        raise IsolationUnavailable(INSTALL_HINT.format(
            problem=f"`{bwrap}` cannot create the namespaces it needs here ({detail})"))
    _WORKING.add(bwrap)
    return bwrap
