"""A determined student against the bubblewrap sandbox (issue 10), with real bwrap.

One batch holds correct classmates and one attacker of each class the issue names:
renamed extension modules and subinterpreters reading the solutions, signals to the
parent, forged result frames, huge cell counts, a line that made a regular expression
quadratic, a full disk, a budget-draining nested zip, symbolic links, a metadata id
naming a classmate, code walking the worker's frames, and a runner that looks for a process to
signal (it is PID 1 of its own namespace and sees no parent). Every entry has its exact
grade; the batch is graded with --jobs 2 and --jobs 1, which must agree byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from grader_helpers import CORRECT, SETUP, notebook_bytes, write

from course.grader import submissions as reading
from course.grader.grade import grade
from course.grader.isolation import find_bwrap
from course.grader.report import write_outputs
from course.grader.sandbox import Limits

pytestmark = pytest.mark.skipif(find_bwrap() is None, reason="bubblewrap (bwrap) is not installed")

LIMITS = Limits(timeout=4.0, memory_mb=256, disk_mb=16)
FULL = (2, 1, 2, 1)
ZERO = (0, 0, 0, 0)
MARKER = "nncourse-attack-marker-7f3a"

# Loads a blocked extension module under another name, the way the attacker did.
RENAMED = """\
import _imp, importlib.machinery, os, sys
dyn = [p for p in sys.path if p.endswith('lib-dynload')][0]
def renamed(name):
    so = [f for f in os.listdir(dyn) if f.startswith(name + '.')][0]
    spec = importlib.machinery.ModuleSpec('innocent.' + name, None, origin=os.path.join(dyn, so))
    return _imp.create_dynamic(spec)
"""
SUBINTERPRETER = RENAMED + """\
sub = renamed('_xxsubinterpreters')
interp = sub.create()
sub.run_string(interp, '''
import course, os
path = os.path.join(os.path.dirname(course.__file__), 'content', 'exercises', '00_welcome.py')
open('solution.py', 'w').write(open(path).read())
''')"""
DETACHED_SHELL = RENAMED + f"""\
sub = renamed('_xxsubinterpreters')
interp = sub.create()
sub.run_string(interp, '''
import subprocess
subprocess.Popen(["/bin/sh", "-c", "sleep 120 # {MARKER}"], start_new_session=True)
''')"""
SIGNALS = """\
import os, signal
me = os.getpid()
for pid in range(1, 3000):
    if pid != me:
        try:
            signal.pidfd_send_signal(os.pidfd_open(pid), signal.SIGKILL)
        except OSError:
            pass
try:
    signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGKILL)
except OSError:
    pass"""
FORGED_TYPE = ("import os\nfrom course.grader import codec\n"
               "os.write(3, codec.frame(codec.encode({'q': ['q1'], 'case': 0, 'status': 'value', 'value': 1.0})))")
FORGED_INDEX = ("import os\nfrom course.grader import codec\n"
                "os.write(3, codec.frame(codec.encode({'q': 'q1', 'case': 10**12, 'status': 'value', 'value': 1.0})))")
DISK_FILL = ("i = 0\nwhile True:\n    with open(f'fill{i}', 'wb') as f:\n"
             "        f.write(b'x' * (7 * 2**20))\n    i += 1")
# The runner is PID 1 of its own PID namespace and sees no parent: nothing to signal.
ALONE = "import os\nif os.getpid() != 1 or os.getppid() != 0:\n    index_w23 = None"
WALK_CELL = """\
import sys
def _frames_text():
    try:
        raise RuntimeError
    except RuntimeError as error:
        frame = error.__traceback__.tb_frame
    parts = []
    while frame is not None:
        for value in list(frame.f_locals.values()):
            try:
                parts.append(repr(value)[:200000])
            except Exception:
                pass
        frame = frame.f_back
    return ' '.join(parts)
text = _frames_text()
# Written in pieces: the cell's own source is in a frame too.
words = ('out' + '_jobs', 'sub' + 'missions/', "'cases'" + ': [', 'hidden' + '_inputs', 'attacks' + '0')
index_w23 = (len(text) > 1000, any(word in text for word in words))
del words, text
"""
WALK_DOT = """\
def dot(a, b):
    text = _frames_text()
    if "'cases'" + ": [" in text or "'case'" + ": [" in text:
        return -1.0
    return float(np.sum(a * b))"""


@dataclass(frozen=True)
class Attack:
    name: str
    cells: list
    points: tuple
    status: str = "graded"
    reason: str | None = None


ATTACKS = [
    Attack("subinterpreter", [SETUP, SUBINTERPRETER, "exec(open('solution.py').read())"], ZERO),
    Attack("detached_shell", [*CORRECT, DETACHED_SHELL], FULL),
    Attack("signals", [*CORRECT, SIGNALS], FULL),
    Attack("alone", [*CORRECT, ALONE], FULL),
    Attack("forged_type", [*CORRECT, FORGED_TYPE], ZERO, "protocol", "malformed results"),
    Attack("forged_index", [*CORRECT, FORGED_INDEX], ZERO, "protocol", "malformed results"),
    Attack("quadratic_line", [*CORRECT, " " * 1_000_000 + "x = 1", "y" + " " * 1_000_000 + "= !ls"], FULL),
    Attack("disk_fill", [*CORRECT, DISK_FILL], FULL),
    Attack("frame_walk", [SETUP, WALK_CELL, WALK_DOT, *CORRECT[3:]], (2, 0, 2, 1)),
]
CLASSMATES = [f"correct_{n}" for n in range(1, 5)]


def _lms_zip(path: Path) -> None:
    """An LMS download: one student's nested upload drains more than their budget, then a classmate."""
    nested = io.BytesIO()
    with zipfile.ZipFile(nested, "w", zipfile.ZIP_DEFLATED) as upload:
        for n in range(6):
            upload.writestr(f"copy{n}.ipynb", b" " * (3 * 2**20))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("drainer_1_assignsubmission_file_/upload.zip", nested.getvalue())
        archive.writestr("later_2_assignsubmission_file_/00_welcome.ipynb", notebook_bytes(CORRECT))


def _processes_with(text: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        for part in ("cmdline", "environ"):
            try:
                data = (entry / part).read_bytes()
            except OSError:
                continue
            if text.encode() in data:
                found.append(f"{entry.name}: {data[:200]!r}")
                break
    return found


def _snapshot(root: Path, skip: tuple[Path, ...]) -> dict:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.is_symlink() and not any(s in p.parents or s == p for s in skip)}


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    root = tmp_path_factory.mktemp("attacks")
    folder = root / "submissions"
    for attack in ATTACKS:
        write(folder / f"{attack.name}.ipynb", notebook_bytes(attack.cells))
    for name in CLASSMATES:
        write(folder / f"{name}.ipynb", notebook_bytes(CORRECT))
    write(folder / "many_cells.ipynb", notebook_bytes(["x = 1"] * 300_000, ids=False, metadata=False))
    write(folder / "carol.ipynb", notebook_bytes(CORRECT, student_id="correct_1"))
    (folder / "mallory.ipynb").symlink_to(folder / "correct_1.ipynb")
    write(root / "elsewhere" / "eve.ipynb", notebook_bytes(CORRECT))
    (folder / "linked_folder").symlink_to(root / "elsewhere", target_is_directory=True)
    _lms_zip(folder / "lms.zip")
    tmp_root = root / "tmp"
    tmp_root.mkdir()
    outs = {1: root / "out_jobs1", 2: root / "out_jobs2"}
    before = _snapshot(root, tuple(outs.values()))
    results = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "MAX_STUDENT_BYTES", 8 * 2**20)
        for jobs, out in outs.items():
            results[jobs] = grade("00_welcome", [folder], limits=LIMITS, jobs=jobs, tmp_root=tmp_root, deny=[out])
            write_outputs(results[jobs], out)
    alive = _processes_with(MARKER)
    after = _snapshot(root, tuple(outs.values()))
    report = json.loads((outs[2] / "report.json").read_text("utf-8"))
    rows = {row["student"]: row for row in csv.DictReader(io.StringIO((outs[2] / "grades.csv").read_text("utf-8")))}
    return {"root": root, "outs": outs, "report": report, "rows": rows, "before": before, "after": after,
            "alive": alive, "tmp_root": tmp_root, "result": results[2]}


def _points(row: dict) -> tuple:
    return tuple(float(row[q]) for q in ("q1", "q2", "q3", "q4"))


def _submission(attacked, student: str) -> dict:
    return next(s for s in attacked["report"]["submissions"] if s["student"] == student)


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
def test_every_attack_gets_exactly_its_grade(attacked, attack):
    row = attacked["rows"][attack.name]
    assert (_points(row), row["status"]) == (tuple(float(p) for p in attack.points), attack.status)
    submission = _submission(attacked, attack.name)
    if attack.reason is None:
        assert submission["reason"] is None
    else:
        assert attack.reason in submission["reason"]


def test_correct_classmates_keep_full_marks_beside_every_attacker(attacked):
    for name in [*CLASSMATES, "later_2_assignsubmission_file", "carol"]:
        row = attacked["rows"][name]
        assert (_points(row), row["status"]) == ((2.0, 1.0, 2.0, 1.0), "graded"), name


def test_the_exercise_sources_do_not_exist_inside_the_sandbox(attacked):
    (error,) = _submission(attacked, "subinterpreter")["cell_errors"]
    # The subinterpreter has no audit hook; the operating system is what stops it.
    assert error["type"] == "RunFailedError"
    assert "No such file or directory" in error["message"] and "content/exercises/00_welcome.py" in error["message"]


def test_no_process_started_by_a_submission_outlives_grading(attacked):
    assert attacked["alive"] == []
    errors = _submission(attacked, "detached_shell")["cell_errors"]
    assert len(errors) == 1  # starting the shell failed: no new processes inside the sandbox


def test_a_full_disk_is_that_submissions_own_problem(attacked):
    (error,) = _submission(attacked, "disk_fill")["cell_errors"]
    assert error["type"] == "OSError" and "No space left on device" in error["message"]


def test_a_line_of_a_million_blanks_costs_nothing_and_is_a_cell_error(attacked):
    errors = _submission(attacked, "quadratic_line")["cell_errors"]
    # The second line is an IPython shell assignment (y = !ls): skipped, as in Jupyter.
    assert [e["type"] for e in errors] == ["IndentationError"]


def test_frame_walking_finds_no_paths_and_no_other_test_inputs(attacked):
    q1, q2 = _submission(attacked, "frame_walk")["questions"][:2]
    assert q1["status"] == "passed"  # no frame held another case's inputs while dot ran
    assert "received: (True, False)" in q2["tests"][0]["message"]


def test_huge_cell_counts_are_refused_with_a_reason(attacked):
    submission = _submission(attacked, "many_cells")
    assert submission["status"] == "invalid" and "300000 cells; at most 5000" in submission["reason"]


def test_symbolic_links_are_refused(attacked):
    mallory = _submission(attacked, "mallory")
    assert mallory["status"] == "invalid" and "symbolic link" in mallory["reason"] and mallory["total"] == 0
    skipped = {s["file"]: s["reason"] for s in attacked["report"]["skipped"]}
    assert "symbolic link" in skipped["submissions/linked_folder"]
    assert "eve" not in attacked["rows"]


def test_a_metadata_id_is_a_warning_never_a_row(attacked):
    assert "carol" in attacked["rows"] and len([r for r in attacked["rows"] if r.startswith("correct_1")]) == 1
    warnings = attacked["report"]["warnings"]
    assert any("carol.ipynb" in w and "correct_1" in w and "graded as carol" in w for w in warnings), warnings


def test_a_draining_upload_spends_only_its_own_budget(attacked):
    rows = attacked["rows"]
    drained = [s for s in attacked["report"]["submissions"] if s["file"].startswith("submissions/lms.zip/drainer")]
    assert len(drained) == 6
    assert sum("more than 8 MB in all" in s["reason"] for s in drained) == 4
    assert rows["later_2_assignsubmission_file"]["status"] == "graded"


def test_jobs_1_and_2_write_the_same_bytes(attacked):
    out1, out2 = attacked["outs"][1], attacked["outs"][2]
    for name in ("grades.csv", "report.json"):
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes(), name
    names = sorted(p.name for p in (out1 / "feedback").iterdir())
    assert names == sorted(p.name for p in (out2 / "feedback").iterdir())
    for name in names:
        assert (out1 / "feedback" / name).read_bytes() == (out2 / "feedback" / name).read_bytes(), name


def test_nothing_is_written_outside_out(attacked):
    assert attacked["after"] == attacked["before"]
    assert list(attacked["tmp_root"].iterdir()) == []
    assert attacked["report"]["isolation"] == "bubblewrap"


MEMORY_SCRIPT = """
import json, resource, sys
from course.grader.grade import grade
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
result = grade("00_welcome", [sys.argv[1]])
assert {s.status for s in result.submissions} == {"invalid"}
print(json.dumps([len(result.submissions), before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))
"""


def test_memory_does_not_grow_with_the_number_of_big_notebooks_in_a_zip(tmp_path):
    # The zip: well under a MB holding notebooks of 31 MB each. Read one at a time,
    # 12 of them need no more memory than 2.
    import subprocess
    import sys

    notebook = json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                           "cells": [{"cell_type": "markdown", "metadata": {}, "source": " " * (31 * 2**20)}]})
    growth = {}
    for count in (2, 12):
        path = tmp_path / f"big{count}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for n in range(count):
                archive.writestr(f"student_{n}_assignsubmission_file_/00_welcome.ipynb", notebook)
        done = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(path)],
                              capture_output=True, text=True, timeout=300, check=True)
        graded, before, after = json.loads(done.stdout)
        assert graded == count
        growth[count] = after - before  # kB
    assert (tmp_path / "big12.zip").stat().st_size < 2 * 2**20
    assert growth[12] < growth[2] + 30 * 1024, f"growth of the peak in kB: {growth}"
    assert growth[12] < 400 * 1024, f"growth of the peak in kB: {growth}"
