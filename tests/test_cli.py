"""The command line (course.cli, course.lab, course.slides)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
from builder_helpers import LESSON_SOURCE, write_source

from course import cli, lab
from course.chapters import CHAPTERS


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as exit:  # argparse exits for --help and usage errors
        code = exit.code
    out, err = capsys.readouterr()
    return code, out, err


def subcommands() -> list[str]:
    parser = cli.build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


def test_every_command_is_there():
    assert {"build", "lab", "slides"} <= set(subcommands())


@pytest.mark.parametrize("argv", [[], *([name] for name in ["build", "lab", "slides"])])
def test_help_exits_0_on_every_command(capsys, argv):
    code, out, _ = run(capsys, *argv, "--help")
    assert code == 0
    assert "usage: nncourse" in out


def test_help_exits_0_on_every_registered_command_including_the_graders(capsys):
    for name in subcommands():
        code, out, _ = run(capsys, name, "--help")
        assert code == 0, name
        assert f"nncourse {name}" in out


def test_no_command_prints_help_and_exits_2(capsys):
    code, _, err = run(capsys)
    assert code == 2
    assert "build" in err and "slides" in err


def test_python_dash_m_course_runs_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "course", "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0
    assert "usage: nncourse" in result.stdout


@pytest.mark.parametrize("value, stem", [("3", "03_forward_pass"), ("03", "03_forward_pass"), ("0", "00_welcome"), ("12_project_digits", "12_project_digits")])
def test_chapters_by_number_or_stem(value, stem):
    assert cli.resolve_chapter(value) == stem


@pytest.mark.parametrize("argv", [["slides", "13"], ["slides", "perceptron"], ["build", "--only", "1", "99"]])
def test_unknown_chapter_exits_2_listing_the_valid_ones(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "unknown chapter" in err
    assert all(chapter.stem in err for chapter in CHAPTERS)
    assert "0–12" in err


@pytest.mark.parametrize("argv", [["slides", "1", "--lang", "fr"], ["lab", "--lang", "de"]])
def test_unknown_language_exits_2_listing_the_valid_ones(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "invalid choice" in err and "'en', 'sv'" in err


def test_lab_command_starts_jupyterlab_from_this_python_on_the_start_page(tmp_path):
    command = lab.lab_command(tmp_path, "sv")
    assert command[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path.resolve()}" in command
    assert command[-1] == str(tmp_path.resolve() / "notebooks" / "sv" / "00_welcome.ipynb")
    assert "--no-browser" not in command
    assert "--no-browser" in lab.lab_command(tmp_path, "en", open_browser=False)


def test_lab_allows_root_only_when_running_as_root(tmp_path, monkeypatch):
    monkeypatch.setattr(lab.os, "geteuid", lambda: 0, raising=False)
    assert "--allow-root" in lab.lab_command(tmp_path, "en")
    monkeypatch.setattr(lab.os, "geteuid", lambda: 1000, raising=False)
    assert "--allow-root" not in lab.lab_command(tmp_path, "en")


def test_lab_rejects_an_unknown_language(tmp_path):
    with pytest.raises(ValueError, match=r"unknown language 'fr'; expected one of en, sv"):
        lab.lab_command(tmp_path, "fr")


def test_lab_command_uses_the_course_settings_and_no_news(tmp_path):
    command = lab.lab_command(tmp_path, "en", port=8899, token="abc")
    assert f"--LabApp.app_settings_dir={lab.LAB_SETTINGS}" in command
    assert "--LabApp.news_url=None" in command
    assert "--ServerApp.port=8899" in command and "--IdentityProvider.token=abc" in command
    overrides = json.loads((lab.LAB_SETTINGS / "overrides.json").read_text("utf-8"))
    assert overrides["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": True}
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_start_url_names_the_start_page(tmp_path):
    assert lab.start_url(tmp_path, "sv", 8888, "t0k") == (
        "http://localhost:8888/lab/tree/notebooks/sv/00_welcome.ipynb?token=t0k"
    )


class FakePopen:
    launched: dict = {}

    def __init__(self, command, cwd):
        FakePopen.launched = {"command": command, "cwd": cwd}

    def wait(self):
        return 0


def test_lab_cli_makes_the_course_folder_and_opens_its_start_page(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(lab.subprocess, "Popen", FakePopen)
    folder = tmp_path / "my course"
    code, out, _ = run(capsys, "lab", "--lang", "sv", "--no-browser", "--dir", str(folder))
    assert code == 0
    command = FakePopen.launched["command"]
    assert command[-1] == str(folder.resolve() / "notebooks" / "sv" / "00_welcome.ipynb")
    assert Path(command[-1]).is_file()
    assert FakePopen.launched["cwd"] == folder.resolve()
    assert f"The course is in {folder.resolve()}" in out
    port = next(a for a in command if a.startswith("--ServerApp.port=")).split("=")[1]
    token = next(a for a in command if a.startswith("--IdentityProvider.token=")).split("=")[1]
    assert f"Start page: http://localhost:{port}/lab/tree/notebooks/sv/00_welcome.ipynb?token={token}" in out


def test_lab_in_a_clone_uses_the_ignored_work_folder(monkeypatch):
    assert cli.in_a_clone()  # the tests run from the repository
    assert cli.default_course_folder() == cli_repo_root() / "work"
    ignored = subprocess.run(["git", "check-ignore", "-q", "work/notebooks/en/00_welcome.ipynb"], cwd=cli_repo_root())
    assert ignored.returncode == 0, "work/ must be git-ignored"


def cli_repo_root() -> Path:
    from course.build import REPO_ROOT

    return REPO_ROOT


def test_build_refuses_a_root_without_sources(capsys, tmp_path):
    code, out, err = run(capsys, "build", "--root", str(tmp_path))
    assert code == 1
    assert "no sources in" in err and "nncourse init FOLDER" in err
    assert not any(tmp_path.iterdir())


def test_build_and_check_from_the_command_line(capsys, fake_repo, tmp_path):
    code, out, _ = run(capsys, "build", "--root", str(fake_repo))
    assert code == 0
    assert "wrote notebooks/sv/01_perceptron.ipynb" in out
    assert "4 written, 0 unchanged" in out

    code, out, _ = run(capsys, "build", "--check", "--root", str(fake_repo))
    assert (code, out.strip()) == (0, "all 4 notebooks are up to date")

    stale = fake_repo / "exercises" / "sv" / "01_perceptron.ipynb"
    stale.write_text(stale.read_text("utf-8").replace("Övning 01", "Övning 1"), "utf-8")
    (fake_repo / "notebooks" / "en" / "05_gradient_descent.ipynb").write_text("{}", "utf-8")
    code, _, err = run(capsys, "build", "--check", "--root", str(fake_repo))
    assert code == 1
    assert "stale (differs from its source): exercises/sv/01_perceptron.ipynb" in err
    assert "extra (no source): notebooks/en/05_gradient_descent.ipynb" in err
    assert "2 notebook(s) out of date" in err
    assert "Övning 01" not in stale.read_text("utf-8")  # --check writes nothing


def test_check_with_solutions_writes_only_the_solutions(capsys, fake_repo, tmp_path):
    solutions = tmp_path / "solutions"
    code, _, err = run(capsys, "build", "--check", "--solutions", str(solutions), "--root", str(fake_repo))
    assert code == 1
    assert "missing (not built yet): notebooks/en/01_perceptron.ipynb" in err
    assert sorted(p.relative_to(solutions).as_posix() for p in solutions.rglob("*.ipynb")) == [
        "en/01_perceptron.ipynb",
        "sv/01_perceptron.ipynb",
    ]
    assert not (fake_repo / "notebooks").exists()


def test_build_with_an_invalid_source_exits_1_naming_file_and_cell(capsys, fake_repo):
    write_source(fake_repo, "lessons", "02_activations", LESSON_SOURCE.replace('tags=["en", "notes"]', 'tags=["en", "note"]'))
    code, _, err = run(capsys, "build", "--root", str(fake_repo))
    assert code == 1
    assert "02_activations.py, cell 5 ('Ask the room what a weight does.'): unknown tag 'note'" in err
    assert "nothing was written" in err


def test_slides_write_a_reveal_deck_with_speaker_notes(capsys, fake_repo, tmp_path):
    out = tmp_path / "decks"
    code, stdout, _ = run(capsys, "slides", "1", "--lang", "sv", "--out", str(out), "--root", str(fake_repo), "--no-execute")
    assert code == 0
    deck = out / "sv" / "01_perceptron.slides.html"
    assert stdout.startswith("wrote ") and stdout.strip().endswith("sv/01_perceptron.slides.html")
    html = deck.read_text("utf-8")
    assert "reveal.js" in html and "Reveal.initialize" in html
    assert '<html lang="sv">' in html
    assert "<title>01 Perceptronen</title>" in html
    notes = html[html.index('<aside class="notes">') :]
    assert "Fråga salen vad en vikt gör." in notes[: notes.index("</aside>")]
    assert "Ask the room" not in html
    assert 'set_language</span><span class="p">(</span><span class="s2">"sv"' in html

    first = deck.read_bytes()
    assert run(capsys, "slides", "01_perceptron", "--lang", "sv", "--out", str(out), "--root", str(fake_repo), "--no-execute")[0] == 0
    assert deck.read_bytes() == first


def test_slides_default_to_slides_in_the_current_folder_and_need_no_network(capsys, fake_repo, tmp_path, monkeypatch):
    here = tmp_path / "lecturer"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out, _ = run(capsys, "slides", "01", "--root", str(fake_repo), "--no-execute")
    assert code == 0
    deck = here / "slides" / "en" / "01_perceptron.slides.html"
    assert out.strip() == f"wrote {deck.resolve()}"
    html = deck.read_text("utf-8")
    # Everything is inside the file: no script, style sheet or font is fetched.
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html)
    assert "@import" not in html
    assert "Reveal.initialize" in html and "RevealNotes" in html


def test_slides_of_an_executed_lesson_show_its_output(capsys, fake_repo, tmp_path):
    code, _, _ = run(capsys, "slides", "01", "--root", str(fake_repo), "--out", str(tmp_path))
    assert code == 0
    html = (tmp_path / "en" / "01_perceptron.slides.html").read_text("utf-8")
    assert "-0.5" in html  # print(sum(weights)) ran


def test_slides_for_a_chapter_without_a_lesson_yet(capsys, fake_repo):
    code, _, err = run(capsys, "slides", "4", "--root", str(fake_repo))
    assert code == 1
    assert "chapter 04_loss_functions has no lesson source yet" in err


def test_the_grade_command_is_registered_through_the_hook(capsys, monkeypatch):
    def register(subparsers):
        grade = subparsers.add_parser("grade", help="grade submissions")
        grade.add_argument("submission")
        grade.set_defaults(func=lambda args: 7 if args.submission == "x.ipynb" else 0)

    fake = types.ModuleType("course.grader.cli")
    fake.register = register
    monkeypatch.setitem(sys.modules, "course.grader", types.ModuleType("course.grader"))
    monkeypatch.setitem(sys.modules, "course.grader.cli", fake)
    assert run(capsys, "grade", "x.ipynb")[0] == 7


def test_the_cli_works_while_the_grader_is_not_there(capsys, monkeypatch):
    # None in sys.modules makes the import fail with ModuleNotFoundError, as when absent.
    monkeypatch.setitem(sys.modules, "course.grader.cli", None)
    assert "grade" not in subcommands()
    assert run(capsys, "build", "--help")[0] == 0
