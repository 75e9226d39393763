"""What runs on the other side of the sandbox: a pre-warmed server and, per submission, three processes.

``python -c "from course.grader.worker import main; main()" FD SETTINGS`` starts the
*server*, inside bubblewrap (:mod:`course.grader.isolation`) unless the teacher chose
``--isolation=process``. It imports numpy, nnlib, matplotlib and the course's string
table once, then waits on the Unix socket ``FD`` for jobs from the grader
(:mod:`course.grader.sandbox`): a job is a result pipe and a sealed memory file holding
the submission's code cells and the test inputs (never the expected answers). The
server never reads a job; it forks, per job:

1. the *keeper*, which enters new user, PID, mount and IPC namespaces
   (:mod:`course.grader.confine`), forks 2., and only then reads the job, handing it to
   3. piece by piece on request over a socket: first the code cells, then each question
   and each of its test cases when the worker gets to it. It reports 3.'s exit status
   as its own.
2. the submission's *init* (PID 1 of the new PID namespace), which mounts the private,
   size-limited tmpfs ``/submission`` and hides ``/proc``, ``/dev/shm`` and the server's
   own folder, forks 3. and waits
   for it; when the keeper is killed, init dies, and with it everything in the namespace.
3. the *runner*, which sets resource limits (CPU seconds, address space, file size, open
   files, no new processes or threads), drops every capability, sets ``no_new_privs``,
   installs the in-process guard (an audit hook, :pep:`578`, and a stand-in
   ``course.checker``) and runs the student's code: every code cell in order in one
   namespace (an exception, a syntax error or a cell that runs too long is recorded and
   the next cell runs), then each question's function on its cases. Every result goes
   as plain data (:mod:`course.grader.codec`) through its result pipe, file descriptor 3;
   comparison happens in the grader's own process.

The runner never saw the server's memory, other jobs, the grader's paths or the test
inputs of a case before that case; it cannot see or signal any process outside its PID
namespace. With ``--isolation=process`` there are no namespaces: the same processes
run as the teacher's user with only the audit hook and resource limits as a guard,
which an expert can get around (docs/exercises.md says what that means).
"""

from __future__ import annotations

import json
import os
import signal
import struct
import sys
from typing import Any

_LENGTH = struct.Struct(">I")
RESULT_FD = 3


# Modules the server imports once, so that children start warm. Missing ones are skipped.
PRELOAD = ("numpy", "matplotlib", "matplotlib.pyplot", "course", "course.i18n", "course.tags",
           "course.chapters", "nnlib", "course.grader.codec", "copy", "io", "tempfile", "resource", "site",
           "stat", "types")

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


def _send_json(sock: Any, message: dict) -> None:
    data = json.dumps(message).encode("utf-8")
    sock.sendall(_LENGTH.pack(len(data)) + data)


class JsonStream:
    """Splits the server's control stream into JSON messages (both ends are trusted)."""

    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list[dict]:
        self._buffer += data
        messages = []
        while len(self._buffer) >= 4:
            (length,) = _LENGTH.unpack_from(self._buffer, 0)
            if len(self._buffer) < 4 + length:
                break
            messages.append(json.loads(bytes(self._buffer[4 : 4 + length]).decode("utf-8")))
            del self._buffer[: 4 + length]
        return messages


def _preload() -> None:
    import importlib
    import pkgutil

    for name in PRELOAD:
        try:
            module = importlib.import_module(name)
        except Exception:
            continue
        if name == "matplotlib":
            module.use("Agg")
    try:
        import nnlib

        for info in pkgutil.iter_modules(nnlib.__path__):
            try:
                importlib.import_module(f"nnlib.{info.name}")
            except Exception:
                pass
        # Exercises show lesson widgets; imported here once, they cost a submission nothing
        # (in a child, every import compiles from source: cached bytecode is refused).
        import course.widgets

        for info in pkgutil.iter_modules(course.widgets.__path__):
            try:
                importlib.import_module(f"course.widgets.{info.name}")
            except Exception:
                pass
        from course.i18n import strings

        strings()
    except Exception:
        pass
    _disarm_modules()
    import gc

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


def _disarm_modules() -> None:
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



FEED_FD = 4
_STATUS = struct.Struct(">i")
_U64 = struct.Struct(">Q")
WORK_DIR = "/submission"  # course.grader.isolation.WORK_DIR (not imported: the worker stays small)
SERVER_DIR = "/run/nncourse"  # course.grader.isolation.SERVER_DIR
WORK_INODES = 4096


def serve(control_fd: int, settings: dict) -> None:
    """The server loop: fork one keeper per job; report each keeper's exit."""
    import selectors
    import socket

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    confine = None
    problem = None
    if settings.get("isolation") == "bwrap":
        try:
            from course.grader.confine import Confine

            confine = Confine()
        except Exception as error:  # no ctypes, not Linux
            problem = f"{type(error).__name__}: {error}"
    _preload()
    control = socket.socket(fileno=control_fd)
    if confine is not None:
        problem = _self_test(confine, settings)
    if problem is not None:
        _send_json(control, {"ready": False, "error": problem})
        os._exit(1)
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_read, False)
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    children: dict[int, int] = {}
    stream = JsonStream()
    fds: list[int] = []
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ, "control")
    selector.register(wake_read, selectors.EVENT_READ, "wake")
    _send_json(control, {"ready": True, "pid": os.getpid()})

    def reap() -> None:
        while children:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            job = children.pop(pid, None)
            if job is not None:
                _send_json(control, {"exited": job, "status": status})

    while True:
        for key, _ in selector.select(timeout=1.0):
            if key.data == "wake":
                try:
                    while os.read(wake_read, 512):
                        pass
                except BlockingIOError:
                    pass
                continue
            try:
                data, new_fds, _, _ = socket.recv_fds(control, 1 << 16, 16)
            except OSError:
                data, new_fds = b"", []
            fds.extend(new_fds)
            if not data:
                for pid in list(children):
                    _kill(pid)
                os._exit(0)
            for message in stream.feed(data):
                if "run" in message:
                    result_fd, job_fd = fds.pop(0), fds.pop(0)
                    try:
                        pid = os.fork()
                    except OSError:
                        os.close(result_fd)
                        os.close(job_fd)
                        _send_json(control, {"exited": message["run"], "status": 255 << 8})
                        continue
                    if pid == 0:
                        _keeper(int(message["run"]), result_fd, job_fd, settings, confine,
                                (control.fileno(), wake_read, wake_write, *fds))
                    os.close(result_fd)
                    os.close(job_fd)
                    children[pid] = message["run"]
                elif "kill" in message:
                    for pid, job in list(children.items()):
                        if job == message["kill"]:
                            _kill(pid)
        reap()


def _self_test(confine: Any, settings: dict) -> str | None:
    """None when a job's namespaces, mounts and privilege drop work here; else what failed."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        # Keeper and init in one: whichever step fails writes why into the pipe.
        try:
            os.close(read_end)
            confine.new_namespaces()
            inner = os.fork()
            if inner == 0:
                confine.private_mounts(WORK_DIR, 1 << 20, 16)
                confine.drop_privileges()
                os._exit(0)
            os.waitpid(inner, 0)
        except BaseException as error:
            os.write(write_end, f"{type(error).__name__}: {error}".encode()[:500])
        os._exit(0)
    os.close(write_end)
    chunks = []
    while True:
        chunk = os.read(read_end, 4096)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    if text:
        return (f"a submission's own namespaces cannot be created inside the sandbox ({text}); nested user "
                "namespaces must be allowed (user.max_user_namespaces, kernel.unprivileged_userns_clone)")
    return None


def _kill(pid: int) -> None:
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _close_all_but(keep: tuple[int, ...]) -> None:
    low = 0
    for fd in sorted(keep):
        if fd > low:  # closerange(n, n) would close everything on some versions
            os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 1 << 16)


def _read_all(fd: int, limit: int) -> bytes:
    chunks, size = [], 0
    os.lseek(fd, 0, os.SEEK_SET)
    while size <= limit:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def split_frames(data: bytes) -> list[bytes]:
    """The frames (8-byte length, then the message) of a job, each with its length prefix."""
    frames, position = [], 0
    while position + 8 <= len(data):
        (length,) = _U64.unpack_from(data, position)
        end = position + 8 + length
        if end > len(data):
            break
        frames.append(data[position:end])
        position = end
    return frames


def _mirror(status: int) -> None:
    """End this process the way the runner ended (its exit code or its signal)."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
        except (OSError, ValueError):
            pass
        os._exit(128 + number)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 255)


def _keeper(number: int, result_fd: int, job_fd: int, settings: dict, confine: Any,
            inherited: tuple[int, ...]) -> None:
    """Process 1 of a job (see the module docstring). Never returns."""
    import resource
    import selectors
    import shutil
    import socket

    status = signal.SIGKILL
    work_dir = WORK_DIR
    try:
        os.setpgid(0, 0)
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        for fd in inherited:
            try:
                os.close(fd)
            except OSError:
                pass
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if confine is not None:
            confine.new_namespaces()
        else:
            work_dir = os.path.join(settings["work_root"], f"job-{number}")
            os.mkdir(work_dir, 0o700)
        feed, feed_child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        status_read, status_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(job_fd)
            os.close(status_read)
            feed.close()
            _init(settings, work_dir, confine, result_fd, feed_child.detach(), status_write)
        os.close(result_fd)
        os.close(status_write)
        feed_child.close()
        frames = split_frames(_read_all(job_fd, 1 << 31))
        os.close(job_fd)
        selector = selectors.DefaultSelector()
        selector.register(feed, selectors.EVENT_READ, "feed")
        selector.register(status_read, selectors.EVENT_READ, "status")
        sent = 0
        raw = b""
        finished = False
        while not finished:
            for key, _ in selector.select():
                if key.data == "status":
                    chunk = os.read(status_read, 4)
                    raw += chunk
                    if not chunk or len(raw) >= 4:
                        finished = True
                    continue
                try:
                    requests = feed.recv(4096)
                except OSError:
                    requests = b""
                if not requests:
                    selector.unregister(feed)
                    continue
                try:
                    for request in requests:
                        # "s" skips a frame (the cases of a question that is not run), anything else sends it.
                        if sent < len(frames):
                            if request != ord("s"):
                                feed.sendall(frames[sent])
                            sent += 1
                except OSError:
                    selector.unregister(feed)
        frames = []
        feed.close()
        if len(raw) >= 4:
            (status,) = _STATUS.unpack(raw[:4])
        else:
            status = signal.SIGKILL  # init went without saying: it was killed
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        if confine is None:
            shutil.rmtree(work_dir, ignore_errors=True)
    except BaseException:
        pass
    _mirror(status)


def _init(settings: dict, work_dir: str, confine: Any, result_fd: int, feed_fd: int, status_fd: int) -> None:
    """Process 2 of a job: PID 1 of its namespace; mounts, forks the runner, reports its status."""
    status = signal.SIGKILL
    try:
        if confine is not None:
            confine.die_with_parent()
            vm = _vm_bytes()
            confine.private_mounts(work_dir, int(settings["disk_mb"]) * 1024 * 1024, WORK_INODES, (SERVER_DIR,))
            confine.undumpable()
        else:
            vm = _vm_bytes()
        pid = os.fork()
        if pid == 0:
            _runner(settings, work_dir, confine, vm, result_fd, feed_fd)
        os.close(result_fd)
        os.close(feed_fd)
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except InterruptedError:
                continue
    except BaseException:
        pass
    try:
        os.write(status_fd, _STATUS.pack(status))
    except BaseException:
        pass
    os._exit(0)


def _runner(settings: dict, work_dir: str, confine: Any, vm: int, result_fd: int, feed_fd: int) -> None:
    """Process 3 of a job: the student's code. Never returns."""
    exit_now = os._exit
    try:
        import fcntl

        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 16) for fd in (result_fd, feed_fd)]
        os.dup2(high[0], RESULT_FD)
        os.dup2(high[1], FEED_FD)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        _close_all_but((0, 1, 2, RESULT_FD, FEED_FD))
        _run_job(settings, work_dir, confine, vm)
    except BaseException:
        pass
    exit_now(0)


class _Sink:
    """Takes whatever the student prints and keeps none of it."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: Any) -> int:
        try:
            return len(text)
        except Exception:
            return 0

    def writelines(self, lines: Any) -> None:
        pass

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    def read(self, *args: Any) -> str:
        return ""

    def readline(self, *args: Any) -> str:
        return ""


def _vm_bytes() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _set_limits(settings: dict, vm: int) -> None:
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


def _real(path: str) -> str:
    return os.path.realpath(path)


def _allowed_roots(job_dir: str, settings: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(directories a child may read, paths it may never read)."""
    import site

    roots = {job_dir, *READABLE_DIRS}
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
    denied = {
        os.path.join(course_dir, "content"),
        os.path.join(course_dir, "grader"),
        os.path.join(course_dir, "exercise"),
        os.path.join(course_dir, "checker.py"),
    }
    for path in settings.get("deny", ()):
        path = _real(path)
        # Reading is refused by default anyway; denying a folder that holds Python itself
        # (submissions given as ".") would only break imports.
        if not any((root + "/").startswith(path.rstrip("/") + "/") for root in roots):
            denied.add(path)
    return tuple(sorted(roots)), tuple(sorted(denied))


def _install_guard(job_dir: str, read_roots: tuple[str, ...], denied: tuple[str, ...]) -> None:
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


def _install_checker_stub() -> None:
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


def _refuse_exit(*args: Any, **kwargs: Any) -> None:
    raise SystemExit("os._exit() and os.abort() do not end the notebook while grading")


class _Timeout(BaseException):
    """A cell or test ran longer than its share of the time."""


def _own_files() -> frozenset[str]:
    from course.grader import codec

    return frozenset({os.path.abspath(__file__), os.path.abspath(codec.__file__)})


_OWN_FILES: frozenset[str] = frozenset()


def _on_alarm(signum: int, frame: Any) -> None:
    # The timer repeats every 50 ms, so an answer that swallows one _Timeout gets the next;
    # once control is back in the worker's own code (a finally clause about to disarm it),
    # a late alarm is ignored instead of interrupting the worker.
    if frame is not None and frame.f_code.co_filename in _OWN_FILES:
        return
    raise _Timeout()



class _Feed:
    """The runner's side of the keeper's socket: one request byte, one frame back."""

    def __init__(self, fd: int) -> None:
        import posix

        self._fd = fd
        self._read = posix.read
        self._write = posix.write

    def _exactly(self, count: int) -> bytes:
        chunks, size = [], 0
        while size < count:
            chunk = self._read(self._fd, min(count - size, 1 << 20))
            if not chunk:
                raise EOFError("the job ended early")
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)

    def skip(self, count: int) -> None:
        """Pass over ``count`` frames without receiving them."""
        if count > 0:
            self._write(self._fd, b"s" * count)

    def next(self, tag: str) -> Any:
        from course.grader import codec

        self._write(self._fd, b"n")
        (length,) = _U64.unpack(self._exactly(8))
        message = codec.decode(self._exactly(length))
        if type(message) is not dict or tag not in message:
            raise EOFError(f"expected the job's {tag!r}")
        return message


def _run_job(settings: dict, job_dir: str, confine: Any, vm: int) -> None:
    import builtins
    import copy
    import io
    import posix
    import tempfile

    from course.grader import codec

    os.chdir(job_dir)
    feed = _Feed(FEED_FD)
    write = posix.write
    max_bytes = int(settings["max_value_bytes"])

    def send_bytes(data: bytes) -> None:
        view = memoryview(codec.frame(data))
        while view:
            written = write(RESULT_FD, view)
            view = view[written:]

    def send(message: dict) -> None:
        send_bytes(codec.encode(message))

    os.environ.clear()
    os.environ.update({
        "HOME": job_dir, "TMPDIR": job_dir, "MPLCONFIGDIR": job_dir, "PATH": os.defpath,
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg",
    })
    tempfile.tempdir = job_dir
    # Imports after this point compile from source instead of loading cached bytecode: loading
    # bytecode needs marshal.loads, which the guard refuses (crafted bytecode goes around it).
    sys.pycache_prefix = os.path.join(job_dir, ".pycache")
    sys.dont_write_bytecode = True
    sink = _Sink()
    sys.stdout = sys.stderr = sys.__stdout__ = sys.__stderr__ = sink  # type: ignore[misc]
    sys.stdin = sys.__stdin__ = io.StringIO("")  # type: ignore[misc]
    read_roots, denied = _allowed_roots(job_dir, settings)
    sys.path[:] = [p for p in sys.path if p and any((_real(p) + "/").startswith(r.rstrip("/") + "/") for r in read_roots)]
    _set_limits(settings, vm)
    if confine is not None:
        confine.undumpable()
        confine.drop_privileges()
    _install_checker_stub()
    for module in (os, posix):
        module._exit = _refuse_exit  # type: ignore[attr-defined]
        module.abort = _refuse_exit  # type: ignore[attr-defined]
    global _OWN_FILES
    _OWN_FILES = _own_files()
    signal.signal(signal.SIGALRM, _on_alarm)
    step = float(settings["step"])
    deepcopy = copy.deepcopy
    _install_guard(job_dir, read_roots, denied)
    settings = {}  # nothing about the grader stays in reach of the student's frames

    original_builtins = dict(vars(builtins))
    builtins_dict = vars(builtins)

    def limited(function: Any, *args: Any, **kwargs: Any) -> Any:
        signal.setitimer(signal.ITIMER_REAL, step, 0.05)
        try:
            return function(*args, **kwargs)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            # Student code may have replaced a builtin the worker itself uses (isinstance, len …).
            builtins_dict.update(original_builtins)

    def describe(error: BaseException) -> tuple[str, str]:
        try:
            kind = str(type(error).__name__)[:100]
        except BaseException:
            kind = "Exception"
        try:
            message = limited(str, error) if not isinstance(error, SyntaxError) else (
                f"{error.msg} (line {error.lineno})")
        except BaseException:
            message = ""
        message = " ".join(str(message).split())
        return kind, message[:500]

    # A copy, so that a name a notebook assigns in builtins does not change the worker's own code.
    namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": dict(vars(builtins)),
                                 "check": sys.modules["course.checker"].check,
                                 "display": lambda *args, **kwargs: None}

    def run_cells(cells: list) -> None:
        # Its own frame, gone before any test input is asked for.
        for index, original, stripped in cells:
            name = f"<cell {index + 1}>"
            try:
                code = limited(compile, original, name, "exec")
            except SyntaxError as error:
                if stripped == "":
                    continue
                code = None
                if stripped is not None:
                    try:
                        code = limited(compile, stripped, name, "exec")
                    except SyntaxError:
                        code = None
                if code is None:
                    send({"cell": index, "error": list(describe(error))})
                    continue
            except BaseException as error:  # e.g. MemoryError for a giant cell
                send({"cell": index, "error": list(describe(error))})
                continue
            try:
                limited(exec, code, namespace)
            except _Timeout:
                send({"cell": index, "error": ["Timeout", f"{step:g}"]})
            except BaseException as error:
                send({"cell": index, "error": list(describe(error))})

    first = feed.next("cells")
    count = int(first["questions"])
    run_cells(first["cells"])
    del first

    def send_value(qid: str, number: int, value: Any) -> None:
        # Encoding can run the student's code (subclasses of list, float …), so it is time-limited too.
        base = {"q": qid, "case": number}
        try:
            data = limited(codec.encode, {**base, "status": "value", "value": value}, max_bytes=max_bytes)
        except codec.EncodeError as error:
            send({**base, "status": "unsupported", "kind": error.kind, "detail": error.detail})
        except _Timeout:
            send({**base, "status": "timeout", "seconds": step})
        except BaseException as error:
            send({**base, "status": "error", "error": list(describe(error))})
        else:
            send_bytes(data)

    for _ in range(count):
        question = feed.next("question")["question"]
        qid, kind, name, cases = question["id"], question["kind"], question["name"], int(question["cases"])
        if kind == "variable" or name not in namespace or not callable(namespace[name]):
            feed.skip(cases)
        if kind == "variable":
            if name not in namespace:
                send({"q": qid, "status": "not_answered"})
            else:
                send_value(qid, 0, namespace[name])
            continue
        if name not in namespace:
            send({"q": qid, "status": "missing"})
            continue
        function = namespace[name]
        if not callable(function):
            send({"q": qid, "status": "not_callable", "type": str(type(function).__name__)[:100]})
            continue
        timed_out = False
        for number in range(cases):
            if timed_out:
                feed.skip(1)
                send({"q": qid, "case": number, "status": "skipped"})
                continue
            try:
                # Only now does this case's input enter the process.
                call_args, call_kwargs = deepcopy(feed.next("case")["case"])
                if question.get("float_errors"):
                    # The same errstate as course.exercise.float_guard, written out here: the
                    # worker never imports course.exercise, which holds the comparison code.
                    import numpy

                    with numpy.errstate(over="raise", invalid="raise", divide="raise"):
                        result = limited(function, *call_args, **call_kwargs)
                else:
                    result = limited(function, *call_args, **call_kwargs)
            except NotImplementedError:
                send({"q": qid, "case": number, "status": "not_answered"})
            except _Timeout:
                timed_out = True
                send({"q": qid, "case": number, "status": "timeout", "seconds": step})
            except BaseException as error:
                send({"q": qid, "case": number, "status": "error", "error": list(describe(error))})
            else:
                send_value(qid, number, result)
            call_args = call_kwargs = None
    send({"done": True})


def main(argv: list[str] | None = None) -> None:
    """Entry point of the server; the grader starts it as ``python -c "...main()" FD SETTINGS``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or not args[0].isdigit():
        raise SystemExit("usage: worker CONTROL_FD SETTINGS_JSON (started by the grader, see course.grader.sandbox)")
    serve(int(args[0]), json.loads(args[1]))


if __name__ == "__main__":
    main()
