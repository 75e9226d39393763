"""The bubblewrap command line, what happens without bubblewrap, the result schema and linear-time parsing."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from grader_helpers import CORRECT, TEST_LIMITS, notebook_bytes, write

import course
from course.grader import isolation, results
from course.grader.grade import grade, strip_magics
from course.grader.report import feedback_markdown, report_json

COURSE_DIR = Path(course.__file__).resolve().parent


def _binds(command: list[str]) -> dict[str, str]:
    """Destination -> source of every --ro-bind in a bwrap command."""
    return {command[i + 2]: command[i + 1] for i, arg in enumerate(command) if arg == "--ro-bind"}


def test_the_sandbox_sees_no_exercise_sources_no_outputs_and_no_home(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    command = isolation.bwrap_command("bwrap", [sys.executable, "-c", "pass"], {"A": "1"}, hide=[out])
    for flag in ("--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
                 "--die-with-parent", "--new-session", "--clearenv"):
        assert flag in command
    assert command[command.index("--cap-drop") + 1] == "ALL"
    assert command[command.index("--uid") + 1] == "65534"
    content = str(COURSE_DIR / "content")
    assert command[command.index(content) - 1] == "--tmpfs"  # an empty folder over the sources
    binds = _binds(command)
    assert str(COURSE_DIR) in binds and all(source == dest or dest.startswith("/etc/") for dest, source in binds.items())
    assert str(Path.home()) not in binds and str(tmp_path) not in binds and str(out) not in binds
    assert command[command.index("--remount-ro") + 1] == content
    assert command[-3:] == [sys.executable, "-c", "pass"]


@pytest.mark.skipif(isolation.find_bwrap() is None, reason="bubblewrap (bwrap) is not installed")
def test_inside_the_sandbox_the_exercise_sources_and_the_home_folder_are_not_there():
    home = str(Path.home())
    probe = ("import os, json, course\n"
             "content = os.path.join(os.path.dirname(course.__file__), 'content')\n"
             f"home = {home!r}\n"
             "print(json.dumps([os.listdir(content), os.getuid(),"
             " sorted(os.listdir(home)) if os.path.isdir(home) else []]))")
    command = isolation.bwrap_command(isolation.find_bwrap(), [sys.executable, "-c", probe], {})
    done = subprocess.run(command, capture_output=True, timeout=120, check=True)
    listing, uid, home_listing = json.loads(done.stdout)
    assert listing == [] and uid == 65534
    # Of the home folder, only what leads to a bound folder (e.g. a Python under ~/.pyenv) exists.
    needed = {Path(root).relative_to(home).parts[0] for root in isolation.readable_roots()
              if root.startswith(home.rstrip("/") + "/")}
    assert set(home_listing) <= needed


def test_without_bubblewrap_grading_stops_and_says_what_to_do(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(isolation, "find_bwrap", lambda: None)
    notebook = write(tmp_path / "alice.ipynb", notebook_bytes(CORRECT))
    with pytest.raises(isolation.IsolationUnavailable) as caught:
        grade("00_welcome", [notebook], limits=TEST_LIMITS)
    message = str(caught.value)
    assert "`bwrap` was not found" in message and "sudo apt install bubblewrap" in message
    assert "Dockerfile.grader" in message and "--isolation=process" in message
    from course.grader.cli import run

    args = argparse.Namespace(exercise="00", submissions=[str(notebook)], out=str(tmp_path / "out"), jobs=1,
                              timeout=4.0, memory_mb=256, quiet=True, isolation="bwrap")
    assert run(args) == 1
    assert "sudo apt install bubblewrap" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_grade_help_explains_the_isolation_option():
    commands = [[sys.executable, "-m", "course", "grade", "--help"]]
    script = Path(sys.executable).with_name("nncourse")
    if script.exists():
        commands.append([str(script), "grade", "--help"])
    for command in commands:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
        text = " ".join(done.stdout.split())
        assert "--isolation {bwrap,process}" in text, command
        for words in ("bwrap (default): in a bubblewrap sandbox", "needs the program bwrap (package bubblewrap)",
                      "process: only a separate process", "a determined student can get around",
                      "every feedback file then say so"):
            assert words in text, (command, words)


def test_a_bubblewrap_that_cannot_make_namespaces_is_reported(monkeypatch):
    monkeypatch.setattr(isolation, "find_bwrap", lambda: "/bin/false")
    with pytest.raises(isolation.IsolationUnavailable, match="cannot create the namespaces it needs"):
        isolation.check_bwrap()


def test_the_weaker_process_guard_says_so_in_the_report_and_every_feedback_file(tmp_path):
    notebook = write(tmp_path / "alice.ipynb", notebook_bytes(CORRECT))
    result = grade("00_welcome", [notebook], limits=TEST_LIMITS, jobs=1, isolation="process")
    (submission,) = result.submissions
    assert float(submission.total) == 6 and result.isolation == "process"
    report = json.loads(report_json(result))
    assert report["isolation"].startswith("process") and "--isolation=process" in report["warnings"][0]
    assert "--isolation=process" in feedback_markdown(submission, result)


@pytest.mark.parametrize("message", [
    {"done": True},
    {"cell": 3, "error": ["ValueError", "bad"]},
    {"q": "q1", "status": "missing"},
    {"q": "q1", "status": "not_callable", "type": "int"},
    {"q": "q1", "case": 0, "status": "value", "value": np.zeros(2)},
    {"q": "q1", "case": 2, "status": "timeout", "seconds": 0.5},
    {"q": "q1", "case": 1, "status": "unsupported", "kind": "dtype", "detail": "object"},
])
def test_well_formed_results_pass_the_schema(message):
    assert results.problem(message) is None


@pytest.mark.parametrize("message", [
    ["done"],
    {"done": 1},
    {"q": ["q1"], "case": 0, "status": "value", "value": 1.0},
    {"q": "q1", "case": "0", "status": "value", "value": 1.0},
    {"q": "q1", "case": -1, "status": "value", "value": 1.0},
    {"q": "q1", "case": 10**12, "status": "value", "value": 1.0},
    {"q": "q1", "case": 0, "status": "value"},
    {"q": "q1", "case": 0, "status": "error", "error": ["a", ["b"]]},
    {"q": "q1", "case": 0, "status": "unsupported", "kind": "mine", "detail": "x"},
    {"q": "q1", "status": "not_callable", "type": 5},
    {"cell": True, "error": ["a", "b"]},
    {"q": "q1", "case": 0, "status": "value", "value": 1.0, "extra": 1},
    {1: 2},
])
def test_malformed_results_are_named(message):
    assert isinstance(results.problem(message), str)


def test_magics_are_found_in_linear_time():
    start = time.perf_counter()
    assert strip_magics(" " * 1_000_000 + "x") is None
    assert strip_magics("a" + " " * 1_000_000 + "= b") is None
    assert strip_magics("x, y = !ls\nz = 1") == "pass\nz = 1"
    assert strip_magics("a.b = %who_ls") == "pass"
    assert strip_magics("a == !b") is None
    assert time.perf_counter() - start < 1.0


def test_the_grader_is_not_started_as_a_student_could_see_it(tmp_path):
    # The server's command line and environment name no teacher path.
    from course.grader.sandbox import Limits, Sandbox

    sandbox = Sandbox(Limits(), jobs=1, tmp_root=tmp_path, isolation="bwrap", hide=[tmp_path])
    sandbox._bwrap = "bwrap"
    sandbox._base = str(tmp_path)
    argv, env, _ = sandbox._command(3, [])
    assert "HOME" in env and env["HOME"] == isolation.SERVER_DIR and os.environ.get("HOME", "/x") not in env.values()
    assert json.loads(argv[-1])["isolation"] == "bwrap" and "deny" not in json.loads(argv[-1])


SECCOMP_PROBE = """
import ctypes, json, os
from course.grader.confine import CLONE_NEWUSER, Confine
confine = Confine()
libc = ctypes.CDLL(None, use_errno=True)
confine.new_namespaces()
read_end, write_end = os.pipe()
pid = os.fork()
if pid == 0:
    probe = os.fork()
    if probe == 0:  # without the filter, making a user namespace needs no privilege at all
        os._exit(0 if libc.unshare(CLONE_NEWUSER) == 0 else 1)
    before = os.waitstatus_to_exitcode(os.waitpid(probe, 0)[1])
    confine.private_mounts("/submission", 1 << 20, 16)
    confine.drop_privileges()
    after = [libc.unshare(CLONE_NEWUSER), ctypes.get_errno()]
    mount = [libc.mount(b"tmpfs", b"/submission", b"tmpfs", 0, None), ctypes.get_errno()]
    child = os.fork()  # RLIMIT_NPROC is not set in this probe: plain forks still work
    if child == 0:
        os._exit(7)
    _, status = os.waitpid(child, 0)
    os.write(write_end, json.dumps([before, after, mount, os.waitstatus_to_exitcode(status)]).encode())
    os._exit(0)
os.close(write_end)
print(os.read(read_end, 1000).decode())
os.waitpid(pid, 0)
"""


@pytest.mark.skipif(isolation.find_bwrap() is None or os.uname().machine != "x86_64",
                    reason="needs bubblewrap on x86_64")
def test_the_runner_can_make_no_namespaces_and_no_mounts_of_its_own():
    command = isolation.bwrap_command(isolation.find_bwrap(), [sys.executable, "-c", SECCOMP_PROBE], {})
    done = subprocess.run(command, capture_output=True, timeout=120, text=True)
    assert done.returncode == 0, done.stderr
    before, after, mount, exit_code = json.loads(done.stdout)
    assert before == 0
    assert after == [-1, 1] and mount == [-1, 1]  # EPERM from the seccomp filter / no capability
    assert exit_code == 7
