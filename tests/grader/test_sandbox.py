"""The sandbox on its own: limits, malformed result streams, a dying server, clean-up."""

from __future__ import annotations

import os
import signal

import numpy as np
import pytest

from course.grader import codec
from course.grader.sandbox import Limits, Sandbox, worker_environment

QUESTIONS = [{"id": "q1", "kind": "function", "name": "f", "cases": [((np.arange(3.0),), {})]}]


def job(*cells: str, questions: list[dict] = QUESTIONS) -> bytes:
    """A job as course.grader.grade.job_payload makes it: cells, then each question and its cases."""
    frames = [codec.frame(codec.encode({"cells": [[i, c, None] for i, c in enumerate(cells)],
                                        "questions": len(questions)}))]
    for question in questions:
        head = {key: value for key, value in question.items() if key != "cases"}
        frames.append(codec.frame(codec.encode({"question": {"float_errors": False, **head,
                                                             "cases": len(question["cases"])}})))
        frames += [codec.frame(codec.encode({"case": list(case)})) for case in question["cases"]]
    return b"".join(frames)


def run(jobs: dict[str, bytes], tmp_path, **options):
    outcomes = {}

    def collect(outcome):
        assert outcome.key not in outcomes
        outcomes[outcome.key] = outcome

    with Sandbox(Limits(timeout=2.0, memory_mb=256, max_value_bytes=1 << 20, max_result_bytes=4 << 20),
                 jobs=2, tmp_root=tmp_path, **options) as sandbox:
        sandbox.run(list(jobs.items()), collect)
    assert sorted(outcomes) == sorted(jobs)
    assert list(tmp_path.iterdir()) == []
    return outcomes


def test_results_come_back_as_data_and_limits_turn_into_statuses(tmp_path):
    outcomes = run({
        "ok": job("def f(x):\n    return x * 2"),
        "sleeper": job("import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nimport time\ntime.sleep(60)"),
        "huge_frame": job("import os\nos.write(3, (1 << 40).to_bytes(8, 'big'))", "def f(x):\n    return x"),
        "half_frame": job("import os\nos.write(3, (100).to_bytes(8, 'big') + b'abc')\nimport signal\n"
                          "signal.signal(signal.SIGALRM, signal.SIG_IGN)\nwhile True:\n    pass"),
        "garbage": job("import os\nos.write(3, (5).to_bytes(8, 'big') + b'hello')", "def f(x):\n    return x"),
        "flood": job("import os\nfrom course.grader import codec\nfor _ in range(4):\n"
                     "    os.write(3, codec.frame(codec.encode({'q': 'q9', 'case': 0, 'status': 'value', 'value': 'x' * 1_500_000})))"),
    }, tmp_path)
    ok = outcomes["ok"]
    assert ok.status == "done" and ok.exit_code == 0
    (value,) = [m for m in ok.messages if m.get("q") == "q1"]
    np.testing.assert_array_equal(value["value"], [0.0, 2.0, 4.0])
    assert outcomes["sleeper"].status == "timeout" and outcomes["sleeper"].signal == signal.SIGKILL
    assert outcomes["huge_frame"].status == "protocol" and "bytes" in outcomes["huge_frame"].detail
    assert outcomes["half_frame"].status == "timeout"
    assert outcomes["garbage"].status == "protocol" and outcomes["garbage"].detail == "bad magic"
    assert outcomes["flood"].status == "protocol" and "bytes of results" in outcomes["flood"].detail


def test_a_dying_server_is_restarted_and_every_job_still_runs_once(tmp_path):
    jobs = {n: job(f"def f(x):\n    return x + {n}") for n in range(6)}
    outcomes = {}
    with Sandbox(Limits(timeout=5.0, memory_mb=256), jobs=2, tmp_root=tmp_path) as sandbox:
        def collect(outcome):
            outcomes.setdefault(outcome.key, []).append(outcome)
            if len(outcomes) == 2 and sandbox._process is not None:
                os.killpg(sandbox._process.pid, signal.SIGKILL)

        sandbox.run(list(jobs.items()), collect)
    assert sorted(outcomes) == list(range(6))
    for n, (outcome,) in outcomes.items():
        assert outcome.status == "done"
        assert [m["value"].tolist() for m in outcome.messages if "q" in m] == [[n + 0.0, n + 1.0, n + 2.0]]


def test_the_worker_environment_keeps_no_secrets(monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "secret")
    before = dict(os.environ)
    env = worker_environment()
    assert "GITHUB_TOKEN" not in env
    assert env["OPENBLAS_NUM_THREADS"] == env["OMP_NUM_THREADS"] == "1" and env["MPLBACKEND"] == "Agg"
    assert dict(os.environ) == before  # set for the worker only, never in the grader's own process


def test_jobs_must_be_positive():
    with pytest.raises(ValueError, match=r"Sandbox: expected jobs >= 1, but received 0"):
        Sandbox(Limits(), jobs=0)


def test_a_late_alarm_interrupts_student_code_but_never_the_worker_itself(monkeypatch):
    import sys

    from course.grader import worker

    monkeypatch.setattr(worker, "_OWN_FILES", worker._own_files())
    with pytest.raises(worker._Timeout):
        worker._on_alarm(signal.SIGALRM, sys._getframe())
    namespace: dict = {}
    exec(compile("import sys\nframe = sys._getframe()", worker.__file__, "exec"), namespace)
    assert worker._on_alarm(signal.SIGALRM, namespace["frame"]) is None


def test_student_code_may_make_and_remove_files_in_its_own_directory(tmp_path):
    # CPython passes dir_fd=-1 to the os.mkdir/os.remove/os.rename audit events when no dir_fd
    # is given; the guard once mistook that for a dir_fd and refused every such call.
    outcomes = run({
        "files": job(
            "import os, tempfile\n"
            "with tempfile.TemporaryDirectory() as d:\n"
            "    os.makedirs(os.path.join(d, 'a', 'b'))\n"
            "    open(os.path.join(d, 'a', 'x'), 'w').close()\n"
            "    os.rename(os.path.join(d, 'a', 'x'), os.path.join(d, 'a', 'y'))\n"
            "    os.remove(os.path.join(d, 'a', 'y'))\n"
            "    os.rmdir(os.path.join(d, 'a', 'b'))\n"
            "def f(x):\n    return x + 1"
        ),
    }, tmp_path)
    (value,) = [m for m in outcomes["files"].messages if m.get("q") == "q1"]
    np.testing.assert_array_equal(value["value"], [1.0, 2.0, 3.0])


def test_float_errors_turn_numpy_overflow_into_a_failed_case(tmp_path):
    code = "import numpy as np\ndef f(x):\n    return 1 / (1 + np.exp(-x * 1000))"
    strict = [{**QUESTIONS[0], "cases": [((np.array([-1.0, 1.0]),), {})], "float_errors": True}]
    lenient = [{**strict[0], "float_errors": False}]
    jobs = {name: job(code, questions=questions) for name, questions in (("strict", strict), ("lenient", lenient))}
    outcomes = run(jobs, tmp_path)
    (strict_case,) = [m for m in outcomes["strict"].messages if m.get("q") == "q1"]
    (lenient_case,) = [m for m in outcomes["lenient"].messages if m.get("q") == "q1"]
    assert strict_case["status"] == "error" and strict_case["error"][0] == "FloatingPointError"
    assert lenient_case["status"] == "value"


def test_a_job_that_stops_the_server_is_the_only_one_marked_crashed(tmp_path):
    # Stands in for a submission that could bring the server down: whenever job "bad" starts,
    # the server dies. Every job running beside it runs again on its own and keeps its result.
    class ServerKiller(Sandbox):
        def _start(self, running, selector):
            super()._start(running, selector)
            if running.key == "bad" and self._process is not None:
                os.killpg(self._process.pid, signal.SIGKILL)

    jobs = {name: job("import time\ntime.sleep(0.3)\ndef f(x):\n    return x") for name in ("a", "bad", "b", "c")}
    outcomes = {}
    with ServerKiller(Limits(timeout=5.0, memory_mb=256), jobs=2, tmp_root=tmp_path) as sandbox:
        sandbox.run(list(jobs.items()), lambda outcome: outcomes.setdefault(outcome.key, []).append(outcome))
    assert sorted(outcomes) == ["a", "b", "bad", "c"] and all(len(v) == 1 for v in outcomes.values())
    assert outcomes["bad"][0].status == "crashed" and outcomes["bad"][0].detail == "the grading server stopped"
    for name in ("a", "b", "c"):
        assert outcomes[name][0].status == "done", (name, outcomes[name][0])
