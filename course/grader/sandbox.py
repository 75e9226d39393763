"""One fresh, isolated process per submission, forked from a pre-warmed server.

:class:`Sandbox` starts the worker server (:mod:`course.grader.worker`) once per grading
run, inside bubblewrap (:mod:`course.grader.isolation`; ``isolation="process"`` skips
it), with an environment and settings of its own (:mod:`course.grader.launch`). For
each job it

- writes the job (code cells and test inputs, never expected answers) into a sealed
  memory file, so nothing of it touches the disk,
- opens a pipe for the results and hands its write end and the memory file to the
  server, which forks the job's processes (see :mod:`course.grader.worker`),
- reads the results from the pipe as length-prefixed messages within size limits, never
  blocking on a process that stops mid-message, decodes them as plain data and checks
  every message against a strict schema (:mod:`course.grader.results`); anything
  malformed makes that job's status "protocol",
- has the job killed when it exceeds the wall-clock timeout (:class:`Limits`).

Results are keyed by the job the parent started, never by anything the child says.
Jobs are pulled from the iterable given to :meth:`Sandbox.run` one ahead of the free
slots, so a batch of any size needs the memory of ``jobs + 1`` submissions. Jobs run in
parallel up to ``jobs`` at a time. If the server itself dies, it is restarted and each
unfinished job runs once more *on its own*, so that a job that brings the server down
again is the only one marked crashed.
"""

from __future__ import annotations

import fcntl
import json
import os
import selectors
import shutil
import signal
import socket
import stat
import struct
import subprocess
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from course.grader import codec, results
from course.grader.launch import WORKER_ENVIRONMENT, server_command, server_settings, worker_environment  # noqa: F401
from course.grader.limits import Limits
from course.grader.worker import JsonStream

START_TIMEOUT = 120.0
F_ADD_SEALS = getattr(fcntl, "F_ADD_SEALS", 1033)
F_SEAL_SEAL, F_SEAL_SHRINK, F_SEAL_GROW, F_SEAL_WRITE = 1, 2, 4, 8
KILL_GRACE = 10.0


class SandboxError(RuntimeError):
    """The grading server could not be started (not a problem of a submission)."""


class _ServerGone(Exception):
    """The server stopped while a job was being handed to it."""


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


def _remove_tree(path: str) -> None:
    def retry(function: Callable, failed: str, _: Any) -> None:
        try:
            os.chmod(os.path.dirname(failed), stat.S_IRWXU)
            os.chmod(failed, stat.S_IRWXU)
            function(failed)
        except OSError:
            pass

    shutil.rmtree(path, onerror=retry)


ISOLATIONS = ("bwrap", "process")


class Sandbox:
    """Runs jobs in isolated worker processes; use as a context manager.

    Parameters
    ----------
    limits : Limits
    jobs : int
        How many jobs run at once.
    tmp_root : path, optional
        Where the server's log and (with ``isolation="process"``) the jobs' working
        directories go (default: the system's temporary folder).
    isolation : "bwrap" or "process"
        "bwrap" (the default) runs the server in a bubblewrap sandbox and every job in
        namespaces of its own; "process" only in a separate process with resource limits
        and the in-process guard. "bwrap" raises
        :class:`~course.grader.isolation.IsolationUnavailable` where bubblewrap is missing.
    hide : sequence of path
        Paths the jobs must not see (the exercise source, the submissions, --out).
    """

    def __init__(self, limits: Limits, *, jobs: int = 1, tmp_root: str | Path | None = None,
                 isolation: str = "bwrap", hide: Iterable[str | Path] = ()) -> None:
        if jobs < 1:
            raise ValueError(f"Sandbox: expected jobs >= 1, but received {jobs}")
        if isolation not in ISOLATIONS:
            raise ValueError(f"Sandbox: expected isolation in {ISOLATIONS}, but received {isolation!r}")
        self.limits = limits
        self.jobs = jobs
        self.isolation = isolation
        self.hide = tuple(str(Path(p).resolve()) for p in hide)
        self.tmp_root = str(tmp_root) if tmp_root is not None else None
        self.run_id = os.urandom(8).hex()
        self._bwrap: str | None = None
        self._base: str | None = None
        self._process: subprocess.Popen | None = None
        self._control: socket.socket | None = None
        self._stream = JsonStream()
        self._counter = 0

    def __enter__(self) -> Sandbox:
        if self.isolation == "bwrap":
            from course.grader.isolation import check_bwrap

            self._bwrap = check_bwrap()
        self._base = tempfile.mkdtemp(prefix="nncourse-grade-", dir=self.tmp_root)
        try:
            self._start_server()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def server_pid(self) -> int | None:
        """The process id of the running server (of ``bwrap`` around it with bubblewrap), or None."""
        return self._process.pid if self._process is not None else None

    def _command(self, fd: int, extra_fds: list[int]) -> tuple[list[str], dict[str, str], str]:
        """(argv, environment, working directory) of the server; files it must inherit go into ``extra_fds``."""
        assert self._base is not None
        work_root = None
        if self.isolation == "process":
            work_root = os.path.join(self._base, "jobs")
            os.makedirs(work_root, exist_ok=True)
        settings = server_settings(self.limits, self.isolation, work_root, self.hide)
        return server_command(settings, fd, extra_fds, run_id=self.run_id, cwd=self._base, bwrap=self._bwrap,
                              hide=self.hide)

    def _start_server(self) -> None:
        assert self._base is not None
        parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        log_path = os.path.join(self._base, "server.log")
        extra_fds: list[int] = []
        try:
            argv, env, cwd = self._command(child_end.fileno(), extra_fds)
            with open(log_path, "ab") as log:
                self._process = subprocess.Popen(
                    argv,
                    pass_fds=(child_end.fileno(), *extra_fds),
                    env=env,
                    cwd=cwd,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                )
        finally:
            child_end.close()
            for fd in extra_fds:
                os.close(fd)
        self._control = parent_end
        self._stream = JsonStream()
        deadline = time.monotonic() + START_TIMEOUT
        selector = selectors.DefaultSelector()
        selector.register(parent_end, selectors.EVENT_READ)
        refused = ""
        try:
            while time.monotonic() < deadline:
                if selector.select(timeout=0.5):
                    data = parent_end.recv(1 << 16)
                    if not data:
                        break
                    for message in self._stream.feed(data):
                        if message.get("ready") is True:
                            return
                        if message.get("ready") is False:
                            refused = str(message.get("error", ""))
                if self._process.poll() is not None:
                    break
        finally:
            selector.close()
        self._stop_server()
        with open(log_path, "rb") as log:
            output = log.read().decode("utf-8", "replace")[-2000:]
        if refused:
            from course.grader.isolation import INSTALL_HINT, IsolationUnavailable

            raise IsolationUnavailable(INSTALL_HINT.format(problem=refused))
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
                pass
            try:
                os.killpg(self._process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self._process.wait()
            self._process = None

    def close(self) -> None:
        """Stop the server (it kills any job still running) and delete every temporary file."""
        self._stop_server()
        if self._base is not None:
            _remove_tree(self._base)
            self._base = None

    def _start(self, running: _Running, selector: selectors.BaseSelector) -> None:
        """Hand one job to the server; raises _ServerGone, or OSError when the job cannot be set up."""
        assert self._base is not None and self._control is not None
        self._counter += 1
        running.number = self._counter
        job_fd = os.memfd_create(f"job-{running.number}", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
        try:
            view = memoryview(running.payload)
            while view:
                view = view[os.write(job_fd, view):]
            fcntl.fcntl(job_fd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE)
            read_end, write_end = os.pipe()
        except BaseException:
            os.close(job_fd)
            raise
        os.set_blocking(read_end, False)
        body = json.dumps({"run": running.number}).encode("utf-8")
        message = struct.pack(">I", len(body)) + body
        try:
            sent = socket.send_fds(self._control, [message], [write_end, job_fd])
            if sent < len(message):
                self._control.sendall(message[sent:])
        except OSError:
            os.close(read_end)
            raise _ServerGone() from None
        finally:
            os.close(write_end)
            os.close(job_fd)
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
                    problem = results.problem(message)
                    if problem is not None:
                        raise codec.DecodeError(problem)
                    if running.done:
                        raise codec.DecodeError("a result message after the done message")
                    if "done" in message:
                        running.done = True
                    else:
                        running.messages.append(message)
            except codec.DecodeError as error:
                running.protocol = str(error)[:300]
                running.messages = []
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
        ``jobs`` is read lazily: one job ahead of the free slots, read while the
        running jobs work, so that a slot that frees up gets its next job at once.
        Outcomes arrive in the order jobs finish, each exactly once; ``on_outcome``
        is called after the freed slots have their next jobs, so the grader scores
        one submission while the sandbox runs the next.
        """
        if self._control is None:
            raise SandboxError("the sandbox is not started; use it in a with statement")
        source = iter(jobs)
        retries: deque[_Running] = deque()
        running: dict[int, _Running] = {}
        finished: list[Outcome] = []
        ahead: list[_Running] = []  # at most one job read before a slot was free
        selector = selectors.DefaultSelector()
        selector.register(self._control, selectors.EVENT_READ, None)

        def next_job() -> _Running | None:
            if ahead:
                return ahead.pop()
            item = next(source, None)
            return None if item is None else _Running(item[0], item[1], attempt=1)

        source_done = False
        try:
            while True:
                server_died = False
                while len(running) < self.jobs:
                    # A job run again after the server died runs alone: if the server dies once
                    # more, that job is the cause and the only one marked crashed.
                    if retries:
                        if running:
                            break
                        job = retries.popleft()
                    elif source_done or any(other.attempt > 1 for other in running.values()):
                        break
                    else:
                        fetched = next_job()
                        if fetched is None:
                            source_done = True
                            break
                        job = fetched
                    try:
                        self._start(job, selector)
                    except _ServerGone:
                        retries.appendleft(job)
                        server_died = True
                        break
                    except OSError as error:
                        finished.append(Outcome(job.key, [], "crashed", None, None, f"could not start: {error}"))
                    else:
                        running[job.number] = job
                for outcome in finished:
                    on_outcome(outcome)
                finished.clear()
                if source_done and not running and not retries:
                    break
                if not server_died and not source_done and not ahead and not retries and running:
                    fetched = next_job()
                    if fetched is None:
                        source_done = True
                    else:
                        ahead.append(fetched)
                if not server_died:
                    now = time.monotonic()
                    wake = min(((j.deadline if j.killed_at is None else j.killed_at + KILL_GRACE)
                                for j in running.values()), default=now + 1.0)
                    events = selector.select(timeout=min(max(wake - now, 0.0), 1.0))
                    for key, _ in events:
                        if key.data is None:
                            server_died = not self._read_control(running) or server_died
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
                    job.payload = b""
                    finished.append(self._outcome(job))
                if server_died:
                    for outcome in finished:
                        on_outcome(outcome)
                    finished.clear()
                    selector.unregister(self._control)
                    self._restart(running, retries, selector, on_outcome)
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

    def _restart(self, running: dict[int, _Running], retries: deque, selector: selectors.BaseSelector,
                 on_outcome: Callable[[Outcome], None]) -> None:
        self._stop_server()
        for number, job in sorted(running.items(), reverse=True):
            self._close_pipe(job, selector)
            del running[number]
            if job.attempt < 2:
                retries.appendleft(_Running(job.key, job.payload, attempt=job.attempt + 1))
            else:
                on_outcome(Outcome(job.key, [], "crashed", None, None, "the grading server stopped"))
        self._start_server()
