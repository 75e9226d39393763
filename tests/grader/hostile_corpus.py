"""Broken and hostile submissions of exercise 00, each with the exact grade it must get.

Exercise 00 has four questions: q1 ``dot`` (2 points, 10 tests), q2 ``index_w23``
(1 point, 1 test), q3 ``weighted_sums`` (2 points, 9 tests) and q4 ``weight_shapes``
(1 point, 10 tests). Every entry is a notebook generated here (or raw bytes), named so
that its file stem is its student id, with the points per question it must score, the
submission status, and substrings that must appear in the reasons.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from grader_helpers import CORRECT, DOT, INDEX, SETUP, SHAPES, SUMS, notebook, notebook_bytes

FULL = (2, 1, 2, 1)


@dataclass(frozen=True)
class Entry:
    name: str
    data: bytes
    points: tuple[float, float, float, float]
    status: str = "graded"
    reason: str | None = None
    cell_errors: tuple[str, ...] = ()
    cell_messages: tuple[str, ...] = ()
    messages: dict[str, str] = field(default_factory=dict)
    language: str = "en"


@dataclass(frozen=True)
class Targets:
    """Paths outside the sandbox that hostile code tries to read or write."""

    secret: Path
    victim: Path
    out: Path


def _with(*extra: str, drop: tuple[str, ...] = ()) -> list[str]:
    return [cell for cell in CORRECT if cell not in drop] + list(extra)


def corpus(targets: Targets) -> list[Entry]:
    secret, victim, out = (str(p) for p in (targets.secret, targets.victim, targets.out))
    forged = (
        "import os\n"
        "os.write(3, (5).to_bytes(8, 'big') + b'hello')"
    )
    return [
        Entry("correct", notebook_bytes(CORRECT), FULL),
        Entry("invalid_json", b'{"cells": [', (0, 0, 0, 0), "invalid", "not valid JSON"),
        Entry("deep_json", b"[" * 200_000, (0, 0, 0, 0), "invalid", "not valid JSON"),
        Entry("not_a_notebook", b'{"hello": "world"}', (0, 0, 0, 0), "invalid", "not a Jupyter notebook"),
        Entry("json_list", b"[1, 2, 3]", (0, 0, 0, 0), "invalid", "not a Jupyter notebook"),
        Entry("empty_file", b"", (0, 0, 0, 0), "invalid", "the file is empty"),
        Entry("not_text", b"\xff\xfe\x00\x01binary", (0, 0, 0, 0), "invalid", "not text (UTF-8)"),
        Entry("no_code", notebook_bytes([("markdown", "# I forgot the code")]), (0, 0, 0, 0), "invalid",
              "no code cells"),
        Entry("syntax_error", notebook_bytes(_with("def oops(:\n    pass")), FULL,
              cell_errors=("SyntaxError",)),
        Entry("error_at_import", notebook_bytes(["import does_not_exist", *CORRECT]), FULL,
              cell_errors=("ModuleNotFoundError",), cell_messages=("does_not_exist",)),
        Entry("null_byte", notebook_bytes(_with("x = 1\x00")), FULL, cell_errors=("SyntaxError",)),
        Entry("loop_in_cell", notebook_bytes(_with("while True:\n    pass")), FULL,
              cell_errors=("Timeout",), cell_messages=("stopped after",)),
        Entry("sleep_in_cell", notebook_bytes(_with("import time\ntime.sleep(1000)")), FULL,
              cell_errors=("Timeout",)),
        Entry("loop_in_function",
              notebook_bytes(_with("def dot(a, b):\n    while True:\n        pass", drop=(DOT,))),
              (0, 1, 2, 1), messages={"q1": "stopped after"}),
        Entry("swallowed_timeouts",
              notebook_bytes(_with("while True:\n    try:\n        while True:\n            pass\n"
                                   "    except BaseException:\n        pass")),
              (0, 0, 0, 0), "timeout", "stopped after", messages={"q1": "not run"}),
        Entry("alarm_ignored",
              notebook_bytes(_with("import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nwhile True:\n    pass")),
              (0, 0, 0, 0), "timeout", "stopped after"),
        Entry("memory_bomb", notebook_bytes(_with("x = np.ones(10**11)")), FULL, cell_errors=("MemoryError",)),
        # Address space, untouched (np.empty): the limit, not the speed of zeroing pages, is what stops it.
        Entry("memory_growth",
              notebook_bytes(_with("chunks = []\nwhile True:\n    chunks.append(np.empty(2**24))")), FULL,
              cell_errors=("MemoryError",)),
        Entry("memory_in_function",
              notebook_bytes(_with("def dot(a, b):\n    return float(np.ones(10**11).sum())", drop=(DOT,))),
              (0, 1, 2, 1), messages={"q1": "MemoryError"}),
        Entry("output_flood",
              notebook_bytes(["print('x' * 20_000_000)", *CORRECT,
                              "import os\nos.write(1, b'y' * 5_000_000)\nos.write(2, b'z' * 5_000_000)",
                              "import sys\nfor _ in range(2000):\n    sys.stderr.write('w' * 10_000)"]),
              FULL),
        Entry("wrong_types",
              notebook_bytes(_with("def dot(a, b):\n    return str(np.sum(a * b))",
                                   "def weight_shapes(sizes):\n    return {'shapes': sizes}", drop=(DOT, SHAPES))),
              (0, 1, 2, 0), messages={"q1": "expected a number (float), but received a string (str)",
                                      "q4": "expected a list, but received a dict"}),
        Entry("wrong_shape",
              notebook_bytes(_with("def weighted_sums(W, a):\n    return (W @ a).reshape(-1, 1)", drop=(SUMS,))),
              (2, 1, 0, 1), messages={"q3": "wrong shape: expected (2,), but received (2, 1)"}),
        Entry("nan_answer",
              notebook_bytes(_with("def dot(a, b):\n    return float('nan')", drop=(DOT,))),
              (0, 1, 2, 1), messages={"q1": "NaN"}),
        Entry("missing_function", notebook_bytes(_with(drop=(DOT,))), (0, 1, 2, 1),
              messages={"q1": "dot is not defined"}),
        Entry("not_callable", notebook_bytes(_with("dot = 5", drop=(DOT,))), (0, 1, 2, 1),
              messages={"q1": "dot should be a function, but it is int"}),
        Entry("unsupported_object",
              notebook_bytes(_with("def weighted_sums(W, a):\n    return (x for x in W @ a)", drop=(SUMS,))),
              (2, 1, 0, 1), messages={"q3": "cannot be graded"}),
        Entry("self_containing",
              notebook_bytes(_with("def weighted_sums(W, a):\n    x = []\n    x.append(x)\n    return x", drop=(SUMS,))),
              (2, 1, 0, 1), messages={"q3": "nested too deeply"}),
        Entry("huge_answer",
              notebook_bytes(_with("def weighted_sums(W, a):\n    return np.zeros(3_000_000)", drop=(SUMS,))),
              (2, 1, 0, 1), messages={"q3": "too large"}),
        Entry("recursion",
              notebook_bytes(_with("def dot(a, b):\n    return dot(a, b)", drop=(DOT,))),
              (0, 1, 2, 1), messages={"q1": "RecursionError"}),
        Entry("exception_in_function",
              notebook_bytes(_with("def dot(a, b):\n    return a[0] / 0.0 if len(a) > 100 else {}[a[0]]", drop=(DOT,))),
              (0, 1, 2, 1), messages={"q1": "your code raised KeyError"}),
        Entry("partly_right",
              notebook_bytes(_with("def dot(a, b):\n    return float(np.sum(a[:2] * b[:2]))", drop=(DOT,))),
              (0.8, 1, 2, 1), messages={"q1": "wrong value"}),
        Entry("monkeypatch",
              notebook_bytes(_with(
                  "np.isclose = lambda *a, **k: True\nnp.allclose = lambda *a, **k: True\n"
                  "np.array_equal = lambda *a, **k: True\nimport builtins\nbuiltins.abs = lambda x: 0\n"
                  "builtins.isinstance = lambda *a: True\n"
                  "def dot(a, b):\n    return 0.5", drop=(DOT,))),
              (0, 1, 2, 1), messages={"q1": "wrong value"}),
        Entry("fake_check",
              notebook_bytes(_with(
                  "def check(*args):\n    print('✔ all tests passed: 6 of 6 points')\ncheck('q1')\n"
                  "print('q1: all 10 tests passed')",
                  "def dot(a, b):\n    return 1.0", drop=(DOT,))),
              (0, 1, 2, 1)),
        Entry("sys_exit", notebook_bytes([SETUP, DOT, "import sys\nsys.exit(0)", INDEX, SUMS, SHAPES]), FULL,
              cell_errors=("SystemExit",)),
        Entry("os_exit",
              notebook_bytes([SETUP, DOT, "import os\nos._exit(0)", "import posix\nposix._exit(1)", INDEX, SUMS,
                              SHAPES]),
              FULL, cell_errors=("SystemExit", "SystemExit")),
        Entry("showtraceback", notebook_bytes(["get_ipython().showtraceback = lambda *a, **k: None", *CORRECT]),
              FULL, cell_errors=("NameError",)),
        Entry("read_solution",
              notebook_bytes([SETUP,
                              "import course, os\n"
                              "path = os.path.join(os.path.dirname(course.__file__), 'content', 'exercises', '00_welcome.py')\n"
                              "exec(open(path).read())",
                              "from course.exercise import load_exercise\nexercise = load_exercise('00_welcome')",
                              "import importlib, course.checker\nimportlib.reload(course.checker)"]),
              (0, 0, 0, 0), cell_errors=("PermissionError",) * 3,
              cell_messages=("is not allowed while grading",), messages={"q1": "dot is not defined"}),
        Entry("escape_attempts",
              notebook_bytes([
                  *CORRECT,
                  "import subprocess\nsubprocess.run(['true'])",
                  "import os\nos.system('true')",
                  f"open({victim!r}, 'w').write('pwned')",
                  f"open({secret!r}).read()",
                  "import socket\nsocket.create_connection(('127.0.0.1', 9))",
                  "import ctypes",
                  "import os\nos.kill(os.getppid(), 9)",
                  "import os\nos.fork()",
                  "import gc\ngc.get_objects()",
                  f"import os\nos.listdir({str(Path(secret).parent)!r})",
                  f"open({str(Path(out) / 'grades.csv')!r}, 'w').write('alice,999')",
                  "import os\nos.symlink('/', 'root')",
                  "import sys\nsys.settrace(lambda *a: None)",
              ]),
              FULL,
              # The audit hook refuses them first; behind it, these paths do not exist in the sandbox
              # (test_attacks.py goes around the hook).
              cell_errors=("PermissionError",) * 13),
        Entry("exfiltrate",
              notebook_bytes(_with(f"index_w23 = open({secret!r}).read()", drop=(INDEX,))),
              (2, 0, 2, 1), cell_errors=("PermissionError",), messages={"q2": "not answered"}),
        Entry("environment",
              notebook_bytes(_with("import os\nindex_w23 = (os.environ.get('NNCOURSE_TEST_SECRET', 'safe'),)",
                                   drop=(INDEX,))),
              (2, 0, 2, 1), messages={"q2": "'safe'"}),
        Entry("moved_cells", notebook_bytes(list(reversed(CORRECT))), FULL),
        Entry("duplicated_cells", notebook_bytes([SETUP, DOT, DOT, INDEX, SUMS, INDEX, SHAPES, SETUP])
              , FULL),
        Entry("split_and_merged",
              notebook_bytes(["import numpy as np", "from course.checker import check_for",
                              f"{DOT}\n\n{INDEX}\n\n{SUMS}", SHAPES]), FULL),
        Entry("retyped_cells",
              notebook_bytes([SETUP, DOT, INDEX, ("markdown", SUMS), "**Question 4.** Write the function `weight_shapes`.", SHAPES]),
              (2, 1, 0, 1), cell_errors=("SyntaxError",), messages={"q3": "weighted_sums is not defined"}),
        Entry("old_nbformat", _nbformat_40(), FULL),
        Entry("nbformat3", _nbformat_3(), FULL),
        Entry("magics",
              notebook_bytes(["%matplotlib inline", "!pip install nothing", *CORRECT, "np.dot?",
                              "%%bash\necho hello", "%%time\ntimed = 1", "files = !ls\nlisting = 2",
                              "%timeit dot(np.ones(3), np.ones(3))"]),
              FULL),
        Entry("swedish", notebook_bytes(_with("def dot(a, b):\n    return 1.0", drop=(DOT,)), language="sv",
                                        student_id="stina"),
              (0, 1, 2, 1), language="sv", messages={"q1": "wrong value"}),
        Entry("forged_results", notebook_bytes([*CORRECT, forged]), (0, 0, 0, 0), "protocol", "malformed results"),
    ]


def _nbformat_40() -> bytes:
    nb = notebook(CORRECT, minor=0, list_sources=True, ids=False, metadata=False)
    for cell in nb["cells"]:
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
    return json.dumps(nb).encode("utf-8")


def _nbformat_3() -> bytes:
    cells = [{"cell_type": "code", "input": source.splitlines(keepends=True), "language": "python",
              "outputs": [], "prompt_number": n} for n, source in enumerate(CORRECT)]
    nb = {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": ""},
          "worksheets": [{"cells": [{"cell_type": "heading", "level": 1, "source": ["Old"]}, *cells]}]}
    return json.dumps(nb).encode("utf-8")
