"""Processes of a job besides the server: the keeper, which hands the job over piece by piece, and the runner's start.

The server (:mod:`course.grader.worker`) forks the *keeper* for each job. The keeper
enters new user, PID, mount and IPC namespaces (:mod:`course.grader.confine`), forks
the runner, and only then reads the job from its sealed memory file, handing it to the
runner on request over a socket: first the code cells, then each question and each of
its test cases when the runner gets to it. It ends the way the runner ended, so that
the server can report the runner's exit status as the job's.

The runner is PID 1 of the new PID namespace and the only process in it. Before it
becomes the student's (:mod:`course.grader.runner`), it asks to be killed with the
keeper, mounts the private, size-limited tmpfs :data:`WORK_DIR` and hides ``/proc``,
``/dev/shm`` and the server's own folder. When it ends, the kernel ends the namespace
and anything in it; when the keeper is killed, so is the runner. (As PID 1 it ignores
signals it has no handler for unless they come from the kernel, such as the ``SIGKILL``
of its CPU limit, or from outside its namespace, such as the grader's.)
"""

from __future__ import annotations

import os
import signal
import struct
from typing import Any

from course.grader.limits import vm_bytes
from course.grader.runner import close_all_but, runner

_U64 = struct.Struct(">Q")
WORK_DIR = "/submission"  # course.grader.isolation.WORK_DIR (not imported: the worker stays small)
SERVER_DIR = "/run/nncourse"  # course.grader.isolation.SERVER_DIR
WORK_INODES = 4096


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


def keeper(number: int, result_fd: int, job_fd: int, settings: dict, confine: Any,
           inherited: tuple[int, ...]) -> None:
    """Process 1 of a job (see the module docstring). Never returns."""
    import resource
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
        pid = os.fork()
        if pid == 0:
            os.close(job_fd)
            feed.close()
            _start_runner(settings, work_dir, confine, result_fd, feed_child.detach())
        os.close(result_fd)
        feed_child.close()
        frames = split_frames(_read_all(job_fd, 1 << 31))
        os.close(job_fd)
        sent = 0
        while True:
            # Until the runner closes its end (it ended, or closed it): then only its exit is left.
            try:
                requests = feed.recv(4096)
                if not requests:
                    break
                for request in requests:
                    # "s" skips a frame (the cases of a question that is not run), anything else sends it.
                    if sent < len(frames):
                        if request != ord("s"):
                            feed.sendall(frames[sent])
                        sent += 1
            except OSError:
                break
        frames = []
        feed.close()
        while True:
            try:
                _, status = os.waitpid(pid, 0)
                break
            except InterruptedError:
                continue
        if confine is None:
            shutil.rmtree(work_dir, ignore_errors=True)
    except BaseException:
        pass
    _mirror(status)


def _start_runner(settings: dict, work_dir: str, confine: Any, result_fd: int, feed_fd: int) -> None:
    """Process 2 of a job: its own mounts and the keeper's death as its own, then the runner. Never returns."""
    try:
        if confine is not None:
            confine.die_with_parent()
            vm = vm_bytes()
            confine.private_mounts(work_dir, int(settings["disk_mb"]) * 1024 * 1024, WORK_INODES, (SERVER_DIR,))
            confine.undumpable()
        else:
            vm = vm_bytes()
    except BaseException:
        os._exit(255)  # the job crashes; the server's self-test makes this unlikely
    runner(settings, work_dir, confine, vm, result_fd, feed_fd)
