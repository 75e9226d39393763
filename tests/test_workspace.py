"""The student's own course folder (course.workspace, `nncourse init`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course import workspace
from course.i18n import t
from course.build import REPO_ROOT
from course.workspace import WorkspaceError, init_workspace

LESSON = "notebooks/sv/01_perceptron.ipynb"


def test_init_writes_the_student_edition_with_the_repository_layout(tmp_path):
    result = init_workspace(tmp_path / "course", "sv")
    folder = (tmp_path / "course").resolve()
    assert result.folder == folder
    assert LESSON in result.written and "exercises/sv/07_backpropagation.ipynb" in result.written
    assert not any(name.startswith(("notebooks/en", "exercises/en")) for name in result.written)
    # The same bytes as the committed student edition, so every relative link works too.
    assert (folder / LESSON).read_bytes() == (REPO_ROOT / LESSON).read_bytes()
    assert result.start_page("sv") == folder / "notebooks/sv/00_welcome.ipynb"
    assert workspace.is_workspace(folder)


def test_a_second_init_changes_nothing_and_keeps_the_students_work(tmp_path):
    init_workspace(tmp_path, "en")
    mine = tmp_path / "exercises/en/03_forward_pass.ipynb"
    notebook = json.loads(mine.read_text("utf-8"))
    notebook["cells"][0]["source"] = "my own notes"
    mine.write_text(json.dumps(notebook), "utf-8")

    again = init_workspace(tmp_path, "en")
    assert again.written == again.updated == ()
    assert again.skipped == ("exercises/en/03_forward_pass.ipynb",)
    assert "my own notes" in mine.read_text("utf-8")
    assert len(again.unchanged) == len(list(tmp_path.glob("*/en/*.ipynb"))) - 1


def test_an_untouched_notebook_is_brought_up_to_date(tmp_path):
    init_workspace(tmp_path, "en")
    old = tmp_path / "notebooks/en/02_activations.ipynb"
    old.write_text('{"an": "older edition"}', "utf-8")  # as an earlier release wrote it
    manifest_path = tmp_path / workspace.MANIFEST
    manifest = json.loads(manifest_path.read_text("utf-8"))
    manifest["files"]["notebooks/en/02_activations.ipynb"] = workspace._digest(old.read_bytes())
    manifest_path.write_text(json.dumps(manifest), "utf-8")

    result = init_workspace(tmp_path, "en")
    assert result.updated == ("notebooks/en/02_activations.ipynb",)
    assert old.read_bytes() == (REPO_ROOT / "notebooks/en/02_activations.ipynb").read_bytes()


def test_a_deleted_notebook_comes_back(tmp_path):
    init_workspace(tmp_path, "en")
    (tmp_path / "exercises/en/00_welcome.ipynb").unlink()
    assert init_workspace(tmp_path, "en").written == ("exercises/en/00_welcome.ipynb",)


def test_teacher_edition_has_notes_and_solutions(tmp_path):
    init_workspace(tmp_path, "en", "teacher")
    lesson = (tmp_path / "notebooks/en/01_perceptron.ipynb").read_text("utf-8")
    assert "Teacher's note" in lesson
    assert "Teacher's note" not in (REPO_ROOT / "notebooks/en/01_perceptron.ipynb").read_text("utf-8")
    stub = t("builder.stub_message", "en")
    assert stub in (REPO_ROOT / "exercises/en/00_welcome.ipynb").read_text("utf-8")
    assert stub not in (tmp_path / "exercises/en/00_welcome.ipynb").read_text("utf-8")


def test_init_refuses_the_installed_package_and_files(tmp_path):
    with pytest.raises(WorkspaceError, match="inside the installed package"):
        init_workspace(Path(workspace.__file__).parent / "content" / "copy")
    a_file = tmp_path / "f.txt"
    a_file.write_text("x")
    with pytest.raises(WorkspaceError, match="expected a folder for the course, but .* is a file"):
        init_workspace(a_file)
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        init_workspace(tmp_path, "fr")
    with pytest.raises(ValueError, match="unknown edition 'lecturer'"):
        init_workspace(tmp_path, "en", "lecturer")


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_init_from_a_non_editable_install_writes_nothing_into_the_package(tmp_path):
    """Install the wheel into a folder of its own, as pip does, and make a course from it."""
    wheels, target, course = tmp_path / "wheels", tmp_path / "site", tmp_path / "my-course"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO_ROOT)],
                   check=True, capture_output=True)
    wheel = next(wheels.glob("*.whl"))
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True, capture_output=True)
    before = _snapshot(target)
    environment = {**os.environ, "PYTHONPATH": str(target), "PYTHONDONTWRITEBYTECODE": "1"}
    elsewhere = tmp_path / "somewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "course", "init", str(course), "--lang", "sv"],
        cwd=elsewhere, env=environment, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "kept" not in done.stdout and str(course.resolve()) in done.stdout
    assert (course / "notebooks/sv/00_welcome.ipynb").is_file()
    assert (course / "exercises/sv/12_project_digits.ipynb").is_file()
    assert _snapshot(target) == before
    assert not any(elsewhere.iterdir())
    # And it came from the installed copy, not from this checkout.
    where = subprocess.run([sys.executable, "-c", "import course; print(course.__file__)"],
                           cwd=elsewhere, env=environment, capture_output=True, text=True)
    assert where.stdout.strip().startswith(str(target))
