"""What runs on the other side of the sandbox: a pre-warmed server and, per submission, two processes.

``python -c "from course.grader.worker import main; main()" FD SETTINGS`` starts the
*server*, inside bubblewrap (:mod:`course.grader.isolation`) unless the teacher chose
``--isolation=process``. It imports numpy, nnlib, matplotlib and the course's string
table once (:mod:`course.grader.warm`), then waits on the Unix socket ``FD`` for jobs
from the grader (:mod:`course.grader.sandbox`): a job is a result pipe and a sealed
memory file holding the submission's code cells and the test inputs (never the expected
answers). The server never reads a job; it forks, per job:

1. the *keeper* (:mod:`course.grader.keeper`), which enters new user, PID, mount and IPC
   namespaces (:mod:`course.grader.confine`), forks 2., and only then reads the job,
   handing it to 2. piece by piece on request over a socket. It reports 2.'s exit
   status as its own.
2. the *runner* (:mod:`course.grader.runner`), PID 1 of the new PID namespace and the
   only process in it, which dies with the keeper, mounts the private, size-limited
   tmpfs ``/submission``, hides ``/proc``, ``/dev/shm`` and the server's own folder,
   sets resource limits (:mod:`course.grader.limits`), drops every capability, sets
   ``no_new_privs`` and a seccomp filter, installs the in-process guard
   (:mod:`course.grader.guard`) and runs the student's code and the tests, sending
   every result as plain data (:mod:`course.grader.codec`) through its result pipe.

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

from course.grader.guard import base_roots
from course.grader.keeper import WORK_DIR, keeper
from course.grader.warm import preload

# For tests/grader/test_sandbox.py, which checks the runner's alarm handler through this module.
from course.grader.runner import _OWN_FILES, _Timeout, _on_alarm, _own_files  # noqa: F401  isort: skip

_LENGTH = struct.Struct(">I")


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
    preload()
    settings["roots"] = base_roots(settings)  # once here instead of in every runner
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
                        keeper(int(message["run"]), result_fd, job_fd, settings, confine,
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



def main(argv: list[str] | None = None) -> None:
    """Entry point of the server; the grader starts it as ``python -c "...main()" FD SETTINGS``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or not args[0].isdigit():
        raise SystemExit("usage: worker CONTROL_FD SETTINGS_JSON (started by the grader, see course.grader.sandbox)")
    serve(int(args[0]), json.loads(args[1]))


if __name__ == "__main__":
    main()
