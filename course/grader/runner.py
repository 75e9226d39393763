"""Process 2 of a job: the runner, which runs one student's notebook and its tests.

Forked by the keeper (:mod:`course.grader.keeper`) as PID 1 of the job's own PID
namespace, it moves its result pipe to file descriptor 3 and the keeper's socket to 4,
closes everything else, sets resource limits (:mod:`course.grader.limits`), drops every
capability and sets the seccomp filter (:mod:`course.grader.confine`), installs the
in-process guard (:mod:`course.grader.guard`) and only then runs the student's code:
every code cell in order in one namespace (an exception, a syntax error or a cell that
runs too long is recorded and the next cell runs), then each question's function on its
cases, asking the keeper for one case's inputs at a time. Every result goes back as
plain data (:mod:`course.grader.codec`); comparison happens in the grader's own process.
"""

from __future__ import annotations

import os
import signal
import struct
import sys
from typing import Any

from course.grader.guard import allowed_roots, install_checker_stub, install_guard, refuse_exit
from course.grader.limits import set_limits

RESULT_FD = 3
FEED_FD = 4
_U64 = struct.Struct(">Q")
_HERE = os.path.dirname(os.path.abspath(__file__))
# The grader's own modules in the runner: an alarm that arrives while one of them runs
# (the worker about to disarm the timer, the guard's hook) is not the student's.
_MODULES = ("worker.py", "keeper.py", "runner.py", "guard.py", "limits.py", "warm.py", "codec.py")


def close_all_but(keep: tuple[int, ...]) -> None:
    """Close every file descriptor except ``keep``."""
    low = 0
    for fd in sorted(keep):
        if fd > low:  # closerange(n, n) would close everything on some versions
            os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 1 << 16)


def runner(settings: dict, work_dir: str, confine: Any, vm: int, result_fd: int, feed_fd: int) -> None:
    """Process 2 of a job: the student's code. Never returns."""
    exit_now = os._exit
    try:
        import fcntl

        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 16) for fd in (result_fd, feed_fd)]
        os.dup2(high[0], RESULT_FD)
        os.dup2(high[1], FEED_FD)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        close_all_but((0, 1, 2, RESULT_FD, FEED_FD))
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



class _Timeout(BaseException):
    """A cell or test ran longer than its share of the time."""


def _own_files() -> frozenset[str]:
    return frozenset(os.path.join(_HERE, name) for name in _MODULES)


_OWN_FILES: frozenset[str] = _own_files()


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
    """Everything the runner does once its file descriptors are in place."""
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
    read_roots, denied = allowed_roots(job_dir, settings["roots"])
    sys.path[:] = [p for p in sys.path if p and any((os.path.realpath(p) + "/").startswith(r.rstrip("/") + "/") for r in read_roots)]
    set_limits(settings, vm)
    if confine is not None:
        confine.undumpable()
        confine.drop_privileges()
    install_checker_stub()
    for module in (os, posix):
        module._exit = refuse_exit  # type: ignore[attr-defined]
        module.abort = refuse_exit  # type: ignore[attr-defined]
    signal.signal(signal.SIGALRM, _on_alarm)
    step = float(settings["step"])
    deepcopy = copy.deepcopy
    install_guard(job_dir, read_roots, denied)
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

