"""The in-process guard of a submission's runner: an audit hook (:pep:`578`) and a stand-in checker.

With bubblewrap the operating system isolates a submission (:mod:`course.grader.confine`);
this guard is the second layer there and the only one with ``--isolation=process``. The
hook refuses imports of extension modules whose C code goes around it, process creation,
signals, sockets, tracing and the like (:data:`BLOCKED_IMPORTS`, :data:`BLOCKED_EVENTS`),
and lets files be read only under the folders Python, numpy, matplotlib, ``nnlib`` and
``course`` live in (never the exercise sources, the grader or the paths the grader hides)
and written only in the submission's own folder. Python documents audit hooks as no
sandbox: an expert can get around this layer alone (docs/exercises.md).

:func:`base_roots` runs once in the server, :func:`allowed_roots` and
:func:`install_guard` in each runner before the student's code.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# Imports refused in a child (their C code goes around the audit hook).
BLOCKED_IMPORTS = frozenset({
    "ctypes", "_ctypes", "_posixsubprocess", "_sqlite3", "sqlite3", "_dbm", "_gdbm", "dbm",
    "_testcapi", "_testinternalcapi", "_testbuffer", "_xxsubinterpreters", "_xxinterpchannels",
    "_tkinter", "readline", "_multiprocessing", "_posixshmem",
})

# Audit events refused in a child.
BLOCKED_EVENTS = frozenset({
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork",
    "os.forkpty", "os.kill", "os.killpg", "signal.pthread_kill", "os.startfile",
    "os.link", "os.symlink", "os.add_dll_directory", "pty.spawn",
    "sys.addaudithook", "sys.settrace", "sys.setprofile", "sys.remote_exec",
    "gc.get_objects", "gc.get_referrers", "gc.get_referents",
    "code.__new__", "marshal.load", "marshal.loads", "_thread.start_new_thread",
    "resource.setrlimit", "resource.prlimit", "sqlite3.connect", "sqlite3.enable_load_extension",
    "sqlite3.load_extension", "webbrowser.open", "urllib.Request", "http.client.connect",
    "ftplib.connect", "smtplib.connect", "poplib.connect", "imaplib.open", "nntplib.connect",
    "telnetlib.Telnet.open", "syslog.openlog", "os.chflags", "os.lchflags", "os.mkfifo", "os.mknod",
})
BLOCKED_PREFIXES = ("socket.", "ctypes.", "_winapi.", "winreg.", "msvcrt.")

# Read-only files a child may open outside its allowed directories.
READABLE_FILES = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/etc/localtime")
READABLE_DIRS = ("/usr/share/fonts", "/usr/share/zoneinfo", "/usr/lib/locale")


def _real(path: str) -> str:
    return os.path.realpath(path)


def base_roots(settings: dict) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What :func:`allowed_roots` needs that is the same for every job, worked out once in the server.

    Returns (folders a child may read, paths under ``course`` it may never read, the
    grader's paths to hide), all real paths.
    """
    import site

    roots = set(READABLE_DIRS)
    for prefix in (sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix):
        roots.add(_real(prefix))
    try:
        roots.update(_real(p) for p in site.getsitepackages())
    except AttributeError:
        pass
    for name in ("numpy", "matplotlib", "nnlib", "course"):
        module = sys.modules.get(name)
        if module is not None and getattr(module, "__file__", None):
            package_dir = os.path.dirname(_real(module.__file__))
            roots.add(package_dir if name in ("nnlib", "course") else os.path.dirname(package_dir))
    course_dir = os.path.dirname(_real(sys.modules["course"].__file__))
    denied = tuple(os.path.join(course_dir, name) for name in ("content", "grader", "exercise", "checker.py"))
    hidden = tuple(_real(path) for path in settings.get("deny", ()))
    return tuple(sorted(roots)), denied, hidden


def allowed_roots(job_dir: str, base: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
                  ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(directories a child may read, paths it may never read), from :func:`base_roots`."""
    base_dirs, course_denied, hidden = base
    roots = {job_dir, *base_dirs}
    denied = set(course_denied)
    for path in hidden:
        # Reading is refused by default anyway; denying a folder that holds Python itself
        # (submissions given as ".") would only break imports.
        if not any((root + "/").startswith(path.rstrip("/") + "/") for root in roots):
            denied.add(path)
    return tuple(sorted(roots)), tuple(sorted(denied))


def install_guard(job_dir: str, read_roots: tuple[str, ...], denied: tuple[str, ...]) -> None:
    """Install the audit hook. Everything it uses is bound here, as immutable locals.

    The hook must not look anything up at call time that student code could replace
    (module attributes, globals, builtins), so even ``realpath`` is done by hand with
    the C functions of :mod:`posix`.
    """
    import posix
    import stat as stat_module

    _lstat, _stat, _readlink, _getcwd = posix.lstat, posix.stat, posix.readlink, posix.getcwd
    _islnk, _isdir = stat_module.S_ISLNK, stat_module.S_ISDIR
    _type, _str, _bytes, _int = type, str, bytes, int
    _str_str, _bytes_decode, _len, _any, _bool, _isinstance = str.__str__, bytes.decode, len, any, bool, isinstance
    _permission, _oserror = PermissionError, OSError
    _startswith, _split, _join = str.startswith, str.split, str.join
    job_prefix = job_dir + "/"
    read_prefixes = tuple(root.rstrip("/") + "/" for root in read_roots)
    read_exact = tuple(root.rstrip("/") for root in read_roots) + READABLE_FILES
    deny_prefixes = tuple(path.rstrip("/") + "/" for path in denied)
    deny_exact = tuple(path.rstrip("/") for path in denied)
    blocked_events = BLOCKED_EVENTS
    blocked_prefixes = BLOCKED_PREFIXES
    blocked_imports = BLOCKED_IMPORTS
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
    write_events = frozenset({"os.mkdir", "os.remove", "os.rmdir", "os.truncate", "os.chmod", "os.chown",
                              "os.utime", "os.setxattr", "os.removexattr"})
    with_dir_fd = frozenset({"os.mkdir", "os.remove", "os.rmdir", "os.chmod", "os.chown", "os.utime"})
    watched = frozenset({"open", "import", "os.listdir", "os.scandir", "os.chdir", "os.rename",
                         "os.getxattr", "os.listxattr"}) | write_events | blocked_events

    def text(path: Any) -> str:
        kind = _type(path)
        if kind is _str:
            return path
        if kind is _bytes:
            return _bytes_decode(path, "utf-8", "surrogateescape")
        if _isinstance(path, _str):
            return _str_str(path)
        raise _permission("while grading, give file paths as str (e.g. str(path))")

    def resolve(path: Any) -> str:
        name = text(path)
        if not _startswith(name, "/"):
            name = _getcwd() + "/" + name
        pending = [part for part in _split(name, "/") if part and part != "."]
        done: list[str] = []
        hops = 0
        while pending:
            part = pending.pop(0)
            if part == "..":
                if done:
                    done.pop()
                continue
            candidate = "/" + _join("/", done + [part])
            try:
                mode = _lstat(candidate).st_mode
            except _oserror:
                done.append(part)
                continue
            if _islnk(mode):
                hops += 1
                if hops > 40:
                    raise _permission("too many symbolic links")
                target = _readlink(candidate)
                if _startswith(target, "/"):
                    done = []
                pending = [p for p in _split(target, "/") if p and p != "."] + pending
            else:
                done.append(part)
        return "/" + _join("/", done)

    def readable(real: str) -> bool:
        if real in deny_exact or _startswith(real, deny_prefixes):
            return False
        return real in read_exact or _startswith(real, read_prefixes)

    def writable(real: str) -> bool:
        return _startswith(real, job_prefix) and not (real in deny_exact or _startswith(real, deny_prefixes))

    def check_read(path: Any, what: str) -> None:
        if path is None or _type(path) is _int:
            return
        real = resolve(path)
        if not readable(real):
            raise _permission(f"{what} {text(path)!r} is not allowed while grading")

    def check_write(path: Any, what: str) -> None:
        if _type(path) is _int:
            raise _permission(f"{what} through a file descriptor is not allowed while grading")
        real = resolve(path)
        if not writable(real):
            raise _permission(f"{what} {text(path)!r} is not allowed while grading (only files in the working directory)")

    def hook(event: str, args: tuple) -> None:
        if event not in watched:
            if _startswith(event, blocked_prefixes):
                raise _permission(f"{event} is not allowed while grading")
            return
        if event == "open":
            path = args[0] if _len(args) > 0 else None
            mode = args[1] if _len(args) > 1 else None
            flags = args[2] if _len(args) > 2 else None
            if path is None or _type(path) is _int:
                return
            if _type(flags) is _int:
                write = _bool(flags & write_flags)
            else:
                write = _isinstance(mode, _str) and _any(c in _str_str(mode) for c in "wax+")
            if write:
                check_write(path, "writing")
            else:
                check_read(path, "reading")
            try:
                is_dir = _isdir(_stat(text(path)).st_mode)
            except _oserror:
                is_dir = False
            if is_dir:
                raise _permission("opening a directory is not allowed while grading")
        elif event == "import":
            name = args[0]
            if _type(name) is _str and _split(name, ".")[0] in blocked_imports:
                raise _permission(f"importing {name} is not allowed while grading")
        elif event in ("os.listdir", "os.scandir", "os.getxattr", "os.listxattr"):
            check_read(args[0] if args else None, "listing")
        elif event == "os.chdir":
            path = args[0]
            if _type(path) is _int or not _startswith(resolve(path) + "/", job_prefix):
                raise _permission("changing directory outside the working directory is not allowed while grading")
        elif event == "os.rename":
            # CPython reports "no dir_fd" as -1 (None on some versions).
            if args[2] not in (None, -1) or args[3] not in (None, -1):
                raise _permission("os.rename with dir_fd is not allowed while grading")
            check_write(args[0], "renaming")
            check_write(args[1], "renaming")
        elif event in write_events:
            if event == "os.truncate" and _type(args[0]) is _int:
                return
            check_write(args[0], event)
            if event in with_dir_fd and args[-1] not in (None, -1):
                raise _permission(f"{event} with dir_fd is not allowed while grading")
        else:
            raise _permission(f"{event} is not allowed while grading")

    # shutil.rmtree (and so tempfile.TemporaryDirectory) normally works through directory
    # file descriptors, whose paths the hook cannot check; the path-based variant lets
    # student code clean up its own files while every path is still checked.
    import shutil

    shutil._use_fd_functions = False
    sys.addaudithook(hook)


def install_checker_stub() -> None:
    import types

    def check(*args: Any, **kwargs: Any) -> None:
        return None

    def check_for(*args: Any, **kwargs: Any) -> Any:
        return check

    stub = types.ModuleType("course.checker", "Stand-in while grading: check() does nothing.")
    stub.check_for = check_for  # type: ignore[attr-defined]
    stub.check = check  # type: ignore[attr-defined]
    sys.modules["course.checker"] = stub
    course = sys.modules.get("course")
    if course is not None:
        course.checker = stub  # type: ignore[attr-defined]


def refuse_exit(*args: Any, **kwargs: Any) -> None:
    raise SystemExit("os._exit() and os.abort() do not end the notebook while grading")
