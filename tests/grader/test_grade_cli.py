"""``nncourse grade``: the subcommand, its exit codes and its outputs."""

from __future__ import annotations

import argparse
import csv
import io
import json

import pytest
from grader_helpers import CORRECT, notebook_bytes, write

from course.grader.cli import ProgressBar, register, run


def parse(argv):
    parser = argparse.ArgumentParser(prog="nncourse")
    register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_register_adds_the_grade_subcommand_with_its_options():
    args = parse(["grade", "00", "a.ipynb", "subs", "--out", "results"])
    assert args.func is run
    assert (args.exercise, args.submissions, args.out) == ("00", ["a.ipynb", "subs"], "results")
    assert (args.jobs, args.timeout, args.memory_mb, args.quiet) == (None, 60.0, 1024, False)
    args = parse(["grade", "00_welcome", "x.zip", "--out", "o", "--jobs", "2", "--timeout", "5", "--memory-mb", "300",
                  "--quiet"])
    assert (args.jobs, args.timeout, args.memory_mb, args.quiet) == (2, 5.0, 300, True)
    assert (args.report_lang, args.gradebook, args.canvas_assignment) == ("en", None, None)
    args = parse(["grade", "00", "x.zip", "--out", "o", "--report-lang", "sv", "--gradebook", "moodle"])
    assert (args.report_lang, args.gradebook) == ("sv", "moodle")


@pytest.mark.parametrize("option", [["--jobs", "0"], ["--timeout", "-1"], ["--memory-mb", "many"]])
def test_bad_options_are_usage_errors(option, capsys):
    with pytest.raises(SystemExit) as error:
        parse(["grade", "00", "a.ipynb", "--out", "o", *option])
    assert error.value.code == 2
    assert "expected" in capsys.readouterr().err


@pytest.mark.parametrize("option", [["--report-lang", "de"], ["--gradebook", "blackboard"]])
def test_unknown_choices_are_usage_errors(option, capsys):
    with pytest.raises(SystemExit) as error:
        parse(["grade", "00", "a.ipynb", "--out", "o", *option])
    assert error.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_run_grades_and_writes_only_into_out(tmp_path, capsys):
    subs = tmp_path / "subs"
    write(subs / "anna.ipynb", notebook_bytes(CORRECT))
    write(subs / "bert.ipynb", b"not json")
    out = tmp_path / "results" / "ex00"
    code = run(parse(["grade", "0", str(subs), "--out", str(out), "--timeout", "3", "--jobs", "2"]))
    assert code == 0
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "results/ex00/class_report.html", "results/ex00/class_report.md", "results/ex00/feedback/anna.md",
        "results/ex00/feedback/bert.md", "results/ex00/grades.csv", "results/ex00/report.json", "subs/anna.ipynb",
        "subs/bert.ipynb"]
    rows = list(csv.reader(io.StringIO((out / "grades.csv").read_text("utf-8"))))
    assert rows == [
        ["student", "file", "status", "q1", "q2", "q3", "q4", "total", "max"],
        ["anna", "subs/anna.ipynb", "graded", "2", "1", "2", "1", "6", "6"],
        ["bert", "subs/bert.ipynb", "invalid", "0", "0", "0", "0", "0", "6"],
    ]
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["exercise"] == "00_welcome" and report["max_points"] == 6
    assert "time" not in json.dumps(report).lower().replace("timeout", "")
    err = capsys.readouterr().err
    assert "grading 00_welcome: 2/2" in err and "graded 2 submission(s) of 00_welcome" in err


def test_run_writes_the_class_report_and_a_canvas_gradebook(tmp_path, capsys):
    subs = tmp_path / "subs"
    write(subs / "berganna_101_9101_00_welcome.ipynb", notebook_bytes(CORRECT))
    write(subs / "anna.ipynb", notebook_bytes(CORRECT))  # no Canvas user ID in its name
    out = tmp_path / "out"
    code = run(parse(["grade", "0", str(subs), "--out", str(out), "--timeout", "3", "--quiet", "--report-lang", "sv",
                      "--gradebook", "canvas", "--canvas-assignment", "Övning 0 (4711)"]))
    assert code == 0
    report = (out / "class_report.md").read_text("utf-8")
    assert report.startswith("# Klassrapport: Övning 00:") and "| Inlämningar | 2 |" in report
    assert "| Rättningen tog | " in report  # the run's own duration
    assert "<svg" in (out / "class_report.html").read_text("utf-8")
    rows = list(csv.reader(io.StringIO((out / "canvas_gradebook.csv").read_text("utf-8"))))
    assert rows == [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Övning 0 (4711)"],
                    ["Points Possible", "", "", "", "", "6"], ["berganna", "101", "", "", "", "6"]]
    err = capsys.readouterr().err
    assert "warning: gradebook: subs/anna.ipynb: no Canvas identifier" in err


def test_run_removes_stale_feedback_when_grading_again(tmp_path):
    subs = tmp_path / "subs"
    write(subs / "anna.ipynb", notebook_bytes(CORRECT))
    out = tmp_path / "out"
    write(out / "feedback" / "someone_else.md", b"old")
    assert run(parse(["grade", "00_welcome", str(subs), "--out", str(out), "--timeout", "3", "--quiet"])) == 0
    assert sorted(p.name for p in (out / "feedback").iterdir()) == ["anna.md"]


def test_usage_errors_exit_with_2(tmp_path, capsys):
    subs = write(tmp_path / "a.ipynb", notebook_bytes(CORRECT))
    assert run(parse(["grade", "99", str(subs), "--out", str(tmp_path / "o")])) == 2
    assert "unknown chapter '99'" in capsys.readouterr().err
    assert run(parse(["grade", "00", str(tmp_path / "missing.ipynb"), "--out", str(tmp_path / "o")])) == 2
    assert "no such file or folder" in capsys.readouterr().err
    file_out = write(tmp_path / "file", b"")
    assert run(parse(["grade", "00", str(subs), "--out", str(file_out)])) == 2
    assert "--out must be a folder" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_broken_exercise_exits_with_1(tmp_path, tiny_source, capsys):
    broken = tmp_path / "broken.py"
    broken.write_text(tiny_source.read_text("utf-8").replace("return 2 * x", "return 2 * x / 0"), "utf-8")
    subs = write(tmp_path / "a.ipynb", notebook_bytes(["def double(x):\n    return 2 * x"]))
    assert run(parse(["grade", str(broken), str(subs), "--out", str(tmp_path / "o"), "--quiet"])) == 1
    assert "the exercise is broken" in capsys.readouterr().err


def test_the_course_command_line_includes_grade(tmp_path):
    cli = pytest.importorskip("course.cli")
    subs = write(tmp_path / "a.ipynb", notebook_bytes(CORRECT))
    assert cli.main(["grade", "00_welcome", str(subs), "--out", str(tmp_path / "o"), "--timeout", "3", "--quiet"]) == 0
    assert (tmp_path / "o" / "grades.csv").read_text("utf-8").splitlines()[1].endswith(",6,6")


def test_progress_bar_on_a_terminal_and_in_a_log():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    bar = ProgressBar("grading", tty, width=10)
    bar(0, 4)
    bar(2, 4)
    bar(4, 4)
    assert tty.getvalue() == "\rgrading [----------] 0/4\rgrading [#####-----] 2/4\rgrading [##########] 4/4\n"
    log = io.StringIO()
    bar = ProgressBar("grading", log)
    for done in range(0, 201):
        bar(done, 200)
    assert log.getvalue().count("\n") == 11
