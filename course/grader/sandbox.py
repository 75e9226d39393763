"""One fresh, limited process per submission, forked from a pre-warmed server.

:class:`Sandbox` starts the worker server (:func:`course.grader.worker.main`) once (the *server*, see
:mod:`course.grader.worker`), with an environment of its own: one BLAS/OpenMP thread,
the Agg matplotlib backend, a fixed hash seed, and none of the teacher's other
environment variables. For each job it

- makes a private temporary directory holding the job file (code cells and test
  inputs, never expected answers),
- opens a pipe for the results and hands its write end to the server, which forks a
  child for the job (the child reads its job, then sandboxes itself),
- reads the child's results from the pipe as length-prefixed messages within size
  limits, never blocking on a child that stops mid-message,
- kills the child when it exceeds the wall-clock timeout, and
- deletes the directory when the child has gone.

Results are keyed by the job the parent started, never by anything the child says.
Jobs run in parallel up to ``jobs`` at a time. If the server itself dies, it is
restarted and its unfinished jobs run once more.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.grader import codec
from course.grader.worker import JOB_FILE, JsonStream

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
START_TIMEOUT = 120.0
KILL_GRACE = 10.0


class SandboxError(RuntimeError):
    """The grading server could not be started (not a problem of a submission)."""


class _ServerGone(Exception):
    """The server stopped while a job was being handed to it."""


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
    max_value_bytes : int
        Largest single answer sent back.
    max_result_bytes : int
        Most result bytes in total.
    """

    timeout: float = 60.0
    memory_mb: int = 1024
    file_mb: int = 8
    max_value_bytes: int = 16 * 1024 * 1024
    max_result_bytes: int = 64 * 1024 * 1024

    @property
    def step(self) -> float:
        """The most one cell or one test may take: a quarter of the timeout."""
        return max(self.timeout / 4, 0.05)


@dataclass(frozen=True)
class Outcome:
    """What came back from one job.

    Attributes
    ----------
    key : Any
        The job's key, as given to :meth:`Sandbox.run`.
    messages : list
        The decoded messages, in the order they were sent.
    status : str
        "done" (the worker finished), "timeout" (killed at the wall-clock limit),
        "crashed" (the process ended early) or "protocol" (malformed results).
    signal : int or None
        The signal that ended the process, if any.
    exit_code : int or None
        The exit code, if it exited.
    detail : str
        For "protocol": what was wrong.
    """

    key: Any
    messages: list = field(default_factory=list)
    status: str = "done"
    signal: int | None = None
    exit_code: int | None = None
    detail: str = ""


@dataclass
class _Running:
    key: Any
    payload: bytes
    attempt: int
    number: int = 0
    directory: str = ""
    fd: int = -1
    deadline: float = 0.0
    reader: codec.FrameReader | None = None
    messages: list = field(default_factory=list)
    eof: bool = False
    exit_status: int | None = None
    killed_at: float | None = None
    timed_out: bool = False
    protocol: str = ""
    done: bool = False


def worker_environment() -> dict[str, str]:
    """The server's environment: a few kept variables, the worker settings, and the course on the path."""
    env = {name: os.environ[name] for name in KEPT_ENVIRONMENT if name in os.environ}
    env.update(WORKER_ENVIRONMENT)
    import course

    root = str(Path(course.__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _remove_tree(path: str) -> None:
    def retry(function: Callable, failed: str, _: Any) -> None:
        try:
            os.chmod(os.path.dirname(failed), stat.S_IRWXU)
            os.chmod(failed, stat.S_IRWXU)
            function(failed)
        except OSError:
            pass

    shutil.rmtree(path, onerror=retry)


class Sandbox:
    """Runs jobs in sandboxed worker processes; use as a context manager.

    Parameters
    ----------
    limits : Limits
    jobs : int
        How many jobs run at once.
    tmp_root : path, optional
        Where the temporary directories go (default: the system's).
    """

    def __init__(self, limits: Limits, *, jobs: int = 1, tmp_root: str | Path | None = None) -> None:
        if jobs < 1:
            raise ValueError(f"Sandbox: expected jobs >= 1, but received {jobs}")
        self.limits = limits
        self.jobs = jobs
        self.tmp_root = str(tmp_root) if tmp_root is not None else None
        self._base: str | None = None
        self._process: subprocess.Popen | None = None
        self._control: socket.socket | None = None
        self._stream = JsonStream()
        self._counter = 0

    def __enter__(self) -> Sandbox:
        self._base = tempfile.mkdtemp(prefix="nncourse-grade-", dir=self.tmp_root)
        try:
            self._start_server()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _start_server(self) -> None:
        assert self._base is not None
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        log_path = os.path.join(self._base, "server.log")
        with open(log_path, "ab") as log:
            self._process = subprocess.Popen(
                # Imported under its own name (not run as __main__, the name the notebooks' code gets).
                [sys.executable, "-c", "from course.grader.worker import main; main()", str(child_end.fileno())],
                pass_fds=(child_end.fileno(),),
                env=worker_environment(),
                cwd=self._base,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        child_end.close()
        self._control = parent_end
        self._stream = JsonStream()
        deadline = time.monotonic() + START_TIMEOUT
        selector = selectors.DefaultSelector()
        selector.register(parent_end, selectors.EVENT_READ)
        try:
            while time.monotonic() < deadline:
                if selector.select(timeout=0.5):
                    data = parent_end.recv(1 << 16)
                    if not data:
                        break
                    if any(message.get("ready") for message in self._stream.feed(data)):
                        return
                if self._process.poll() is not None:
                    break
        finally:
            selector.close()
        self._stop_server()
        with open(log_path, "rb") as log:
            output = log.read().decode("utf-8", "replace")[-2000:]
        raise SandboxError(f"the grading server did not start; its output was:\n{output}")

    def _stop_server(self) -> None:
        if self._control is not None:
            try:
                self._control.close()
            except OSError:
                pass
            self._control = None
        if self._process is not None:
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self._process.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                self._process.wait()
            self._process = None

    def close(self) -> None:
        """Stop the server (it kills any child still running) and delete every temporary file."""
        self._stop_server()
        if self._base is not None:
            _remove_tree(self._base)
            self._base = None

    def _start(self, running: _Running, selector: selectors.BaseSelector) -> None:
        assert self._base is not None and self._control is not None
        self._counter += 1
        running.number = self._counter
        running.directory = os.path.join(self._base, f"job-{self._counter}")
        os.mkdir(running.directory, 0o700)
        with open(os.path.join(running.directory, JOB_FILE), "wb") as handle:
            handle.write(running.payload)
        read_end, write_end = os.pipe()
        os.set_blocking(read_end, False)
        body = json.dumps({"run": running.number, "dir": running.directory}).encode("utf-8")
        message = struct.pack(">I", len(body)) + body
        try:
            sent = socket.send_fds(self._control, [message], [write_end])
            if sent < len(message):
                self._control.sendall(message[sent:])
        except OSError:
            os.close(read_end)
            _remove_tree(running.directory)
            raise _ServerGone() from None
        finally:
            os.close(write_end)
        running.fd = read_end
        running.reader = codec.FrameReader(self.limits.max_value_bytes + (1 << 20), self.limits.max_result_bytes)
        running.deadline = time.monotonic() + self.limits.timeout
        selector.register(read_end, selectors.EVENT_READ, running)

    def _read(self, running: _Running, selector: selectors.BaseSelector) -> None:
        while running.fd >= 0:
            try:
                data = os.read(running.fd, 1 << 16)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if not data:
                self._close_pipe(running, selector)
                return
            if running.protocol:
                continue
            try:
                assert running.reader is not None
                for raw in running.reader.feed(data):
                    message = codec.decode(raw)
                    if not isinstance(message, dict):
                        raise codec.DecodeError("a message that is not a dict")
                    if message.get("done") is True:
                        running.done = True
                    else:
                        running.messages.append(message)
            except codec.DecodeError as error:
                running.protocol = str(error)[:300]
                self._kill(running)

    def _close_pipe(self, running: _Running, selector: selectors.BaseSelector) -> None:
        if running.fd >= 0:
            try:
                selector.unregister(running.fd)
            except (KeyError, ValueError):
                pass
            os.close(running.fd)
            running.fd = -1
            running.eof = True

    def _kill(self, running: _Running) -> None:
        if running.killed_at is None and self._control is not None:
            body = json.dumps({"kill": running.number}).encode("utf-8")
            try:
                self._control.sendall(struct.pack(">I", len(body)) + body)
            except OSError:
                pass
            running.killed_at = time.monotonic()

    def _outcome(self, running: _Running) -> Outcome:
        status_code = running.exit_status
        sig = code = None
        if status_code is not None:
            exit_code = os.waitstatus_to_exitcode(status_code)
            sig, code = (-exit_code, None) if exit_code < 0 else (None, exit_code)
        if running.protocol:
            status = "protocol"
        elif running.done:
            status = "done"
        elif running.timed_out:
            status = "timeout"
        else:
            status = "crashed"
        return Outcome(running.key, running.messages, status, sig, code, running.protocol)

    def run(self, jobs: Iterable[tuple[Any, bytes]], on_outcome: Callable[[Outcome], None]) -> None:
        """Run every ``(key, payload)`` job and call ``on_outcome`` as each one finishes.

        ``payload`` is the encoded job (see :func:`course.grader.grade.job_payload`).
        Outcomes arrive in the order jobs finish, each exactly once.
        """
        if self._control is None:
            raise SandboxError("the sandbox is not started; use it in a with statement")
        pending = deque(_Running(key, payload, attempt=1) for key, payload in jobs)
        running: dict[int, _Running] = {}
        selector = selectors.DefaultSelector()
        selector.register(self._control, selectors.EVENT_READ, None)
        try:
            while pending or running:
                server_died = False
                while pending and len(running) < self.jobs and not server_died:
                    job = pending.popleft()
                    try:
                        self._start(job, selector)
                    except _ServerGone:
                        pending.appendleft(job)
                        server_died = True
                    else:
                        running[job.number] = job
                if server_died:
                    selector.unregister(self._control)
                    self._restart(running, pending, selector, on_outcome)
                    selector.register(self._control, selectors.EVENT_READ, None)
                    continue
                now = time.monotonic()
                wake = min(((j.deadline if j.killed_at is None else j.killed_at + KILL_GRACE) for j in running.values()),
                           default=now + 1.0)
                events = selector.select(timeout=min(max(wake - now, 0.0), 1.0))
                for key, _ in events:
                    if key.data is None:
                        server_died = not self._read_control(running)
                    else:
                        self._read(key.data, selector)
                now = time.monotonic()
                for job in running.values():
                    if job.killed_at is None and now > job.deadline and job.exit_status is None:
                        job.timed_out = True
                        self._kill(job)
                    elif job.killed_at is not None and job.exit_status is None and now > job.killed_at + KILL_GRACE:
                        job.exit_status = signal.SIGKILL  # the server never reported it; treat it as killed
                for number, job in list(running.items()):
                    if job.exit_status is None:
                        continue
                    self._read(job, selector)
                    self._close_pipe(job, selector)
                    del running[number]
                    _remove_tree(job.directory)
                    on_outcome(self._outcome(job))
                if server_died:
                    selector.unregister(self._control)
                    self._restart(running, pending, selector, on_outcome)
                    selector.register(self._control, selectors.EVENT_READ, None)
        finally:
            for job in running.values():
                self._close_pipe(job, selector)
            selector.close()

    def _read_control(self, running: dict[int, _Running]) -> bool:
        """Read the server's messages; False when the server has gone."""
        assert self._control is not None
        try:
            data = self._control.recv(1 << 16)
        except OSError:
            data = b""
        if not data:
            return False
        for message in self._stream.feed(data):
            job = running.get(message.get("exited"))
            if job is not None:
                job.exit_status = int(message["status"])
        return True

    def _restart(self, running: dict[int, _Running], pending: deque, selector: selectors.BaseSelector,
                 on_outcome: Callable[[Outcome], None]) -> None:
        self._stop_server()
        for number, job in list(running.items()):
            self._close_pipe(job, selector)
            del running[number]
            _remove_tree(job.directory)
            if job.attempt < 2:
                pending.appendleft(_Running(job.key, job.payload, attempt=job.attempt + 1))
            else:
                on_outcome(Outcome(job.key, job.messages, "crashed", None, None, "the grading server stopped"))
        self._start_server()
