"""The grader against broken and hostile submissions (see hostile_corpus.py).

One batch holds the whole corpus plus a correct and an untouched notebook; it is graded
twice to check that grades.csv, report.json and the feedback files come out byte for
byte the same, and that nothing is written outside --out.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from grader_helpers import TEST_LIMITS, CORRECT, built_exercise, notebook_bytes, write
from hostile_corpus import Entry, Targets, corpus

from course.grader.grade import grade
from course.grader.report import write_outputs


def _snapshot(root: Path, skip: Path) -> dict[str, tuple[int, bytes]]:
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and skip not in path.parents:
            files[str(path.relative_to(root))] = (path.stat().st_mtime_ns, path.read_bytes())
    return files


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    targets = Targets(secret=root / "private" / "secret.txt", victim=root / "victim.txt", out=root / "out")
    write(targets.secret, b"the teacher's secret")
    entries = corpus(targets)
    submissions = root / "submissions"
    for entry in entries:
        write(submissions / f"{entry.name}.ipynb", entry.data)
    untouched, _ = built_exercise("student")
    write(submissions / "untouched.ipynb", untouched)
    tmp_root = root / "tmp"
    tmp_root.mkdir()
    before = _snapshot(root, targets.out)
    os.environ["NNCOURSE_TEST_SECRET"] = "hunter2"
    try:
        results = []
        for out in (targets.out, root / "out2"):
            result = grade("00_welcome", [submissions], limits=TEST_LIMITS, jobs=2, tmp_root=tmp_root, deny=[out])
            write_outputs(result, out)
            results.append(result)
    finally:
        del os.environ["NNCOURSE_TEST_SECRET"]
    after = _snapshot(root, targets.out)
    return {"root": root, "targets": targets, "entries": entries, "result": results[0], "before": before,
            "after": after, "tmp_root": tmp_root}


def _report(batch) -> dict:
    return json.loads((batch["targets"].out / "report.json").read_text("utf-8"))


def _submission(batch, name: str) -> dict:
    for submission in _report(batch)["submissions"]:
        if submission["student"] == name:
            return submission
    raise AssertionError(f"no submission {name!r} in the report")


def test_every_hostile_submission_gets_exactly_its_grade(batch):
    rows = {row["student"]: row for row in csv.DictReader(io.StringIO((batch["targets"].out / "grades.csv").read_text("utf-8")))}
    failures = []
    for entry in batch["entries"]:
        student = entry.name
        row = rows[student]
        got = tuple(float(row[q]) for q in ("q1", "q2", "q3", "q4"))
        if got != tuple(float(p) for p in entry.points) or row["status"] != entry.status:
            failures.append(f"{entry.name}: expected {entry.points} {entry.status}, got {got} {row['status']}")
        if float(row["total"]) != pytest.approx(sum(entry.points)) or row["max"] != "6":
            failures.append(f"{entry.name}: total {row['total']} of {row['max']}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", [e.name for e in corpus(Targets(Path("/s"), Path("/v"), Path("/o")))])
def test_every_hostile_submission_has_a_clear_reason(batch, name):
    entry: Entry = next(e for e in batch["entries"] if e.name == name)
    submission = _submission(batch, name)
    assert submission["status"] == entry.status
    assert submission["language"] == entry.language
    if entry.reason is None:
        assert submission["reason"] is None
    else:
        assert entry.reason in submission["reason"]
    errors = submission["cell_errors"]
    assert [e["type"] for e in errors] == list(entry.cell_errors), errors
    for text in entry.cell_messages:
        assert any(text in e["message"] for e in errors), (text, errors)
    for qid, text in entry.messages.items():
        question = next(q for q in submission["questions"] if q["id"] == qid)
        messages = [t["message"] for t in question["tests"] if not t["passed"]]
        assert messages and any(text in m for m in messages), (qid, text, messages[:2])


def test_untouched_student_notebook_is_not_answered(batch):
    submission = _submission(batch, "untouched")
    assert submission["status"] == "graded" and submission["total"] == 0
    for question in submission["questions"]:
        assert question["status"] == "not_answered"
        assert all(t["message"] == "not answered" for t in question["tests"])


def test_grading_twice_gives_identical_bytes(batch):
    out1, out2 = batch["targets"].out, batch["root"] / "out2"
    for name in ("grades.csv", "report.json"):
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes(), name
    feedback1 = sorted(p.name for p in (out1 / "feedback").iterdir())
    assert feedback1 == sorted(p.name for p in (out2 / "feedback").iterdir())
    for name in feedback1:
        assert (out1 / "feedback" / name).read_bytes() == (out2 / "feedback" / name).read_bytes(), name


def test_nothing_is_written_outside_out(batch):
    targets = batch["targets"]
    before = {k: v for k, v in batch["before"].items() if not k.startswith("out2")}
    after = {k: v for k, v in batch["after"].items() if not k.startswith("out2")}
    assert after == before
    assert not targets.victim.exists()
    assert list(batch["tmp_root"].iterdir()) == []


def test_secrets_never_reach_the_outputs(batch):
    out = batch["targets"].out
    texts = [(out / "report.json").read_text("utf-8"), (out / "grades.csv").read_text("utf-8")]
    texts += [p.read_text("utf-8") for p in (out / "feedback").iterdir()]
    for text in texts:
        assert "the teacher's secret" not in text
        assert "hunter2" not in text
    # The attempt to overwrite grades.csv from inside a notebook changed nothing.
    assert "999" not in (out / "grades.csv").read_text("utf-8")


def test_one_feedback_file_per_student_in_the_notebooks_language(batch):
    out = batch["targets"].out
    names = sorted(p.name for p in (out / "feedback").iterdir())
    assert names == sorted(f"{s['student']}.md" for s in _report(batch)["submissions"])
    swedish = (out / "feedback" / "swedish.md").read_text("utf-8")
    assert swedish.startswith("# Återkoppling: Övning 00: Välkommen")
    assert "Poäng: 4 av 6" in swedish and "fel värde" in swedish and "väntat:" in swedish
    english = (out / "feedback" / "correct.md").read_text("utf-8")
    assert english.startswith("# Feedback: Exercise 00: Welcome") and "Points: 6 of 6" in english


def test_feedback_never_shows_a_variables_expected_value(batch):
    text = (batch["targets"].out / "feedback" / "environment.md").read_text("utf-8")
    section = text.split("## q2")[1].split("##")[0]
    # It says what is wrong with the student's answer …
    assert "wrong length: expected 2 elements, but received 1" in section, section
    # … but never the answer itself.
    assert "(1, 2)" not in section
    # The teacher's report keeps it.
    q2 = next(q for q in _submission(batch, "environment")["questions"] if q["id"] == "q2")
    assert "expected: (1, 2)" in q2["tests"][0]["message"]


def test_zip_with_a_path_traversal_entry_is_refused_for_that_entry(tmp_path):
    good = notebook_bytes(CORRECT)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as nested:
        nested.writestr("bob.ipynb", good)
    archive = tmp_path / "downloads.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("alice.ipynb", good)
        zf.writestr("../escaped.ipynb", good)
        zf.writestr("/absolute.ipynb", good)
        zf.writestr("carl_123_assignsubmission_file_/00_welcome.ipynb", good)
        zf.writestr("__MACOSX/._alice.ipynb", b"\x00\x05\x16\x07")
        zf.writestr(".ipynb_checkpoints/alice-checkpoint.ipynb", good)
        zf.writestr("readme.txt", b"hello")
        zf.writestr("bob.zip", inner.getvalue())
    tmp_root = tmp_path / "tmp"
    tmp_root.mkdir()
    result = grade("00_welcome", [archive], limits=TEST_LIMITS, jobs=2, tmp_root=tmp_root)
    assert [(s.student, s.file, float(s.total)) for s in result.submissions] == [
        ("alice", "downloads.zip/alice.ipynb", 6.0),
        ("bob", "downloads.zip/bob.zip/bob.ipynb", 6.0),
        ("carl_123_assignsubmission_file", "downloads.zip/carl_123_assignsubmission_file_/00_welcome.ipynb", 6.0),
    ]
    skipped = {s.file: s.reason.render("en") for s in result.skipped}
    assert skipped["downloads.zip/../escaped.ipynb"].startswith("refused")
    assert skipped["downloads.zip//absolute.ipynb"].startswith("refused")
    assert skipped["downloads.zip/readme.txt"].startswith("ignored")
    assert len(skipped) == 3
    assert not (tmp_path / "escaped.ipynb").exists() and not Path("/absolute.ipynb").exists()
    assert list(tmp_root.iterdir()) == []
