"""Reading submissions: lenient notebooks, magics, student ids, folders and zip files."""

from __future__ import annotations

import json
import zipfile

import pytest
from grader_helpers import CORRECT, notebook, notebook_bytes, write

from course.grader import submissions as reading
from course.grader.grade import (
    Found, NotebookError, Skipped, iter_submissions, parse_notebook, sanitize_id, strip_magics, student_ids,
    wanted_id,
)


def reason(data: bytes) -> str:
    with pytest.raises(NotebookError) as error:
        parse_notebook(data)
    return error.value.reason.render("en")


def test_any_nbformat_4_and_3_is_read():
    old = notebook(CORRECT, minor=0, list_sources=True, ids=False, metadata=False)
    parsed = parse_notebook(json.dumps(old).encode())
    assert [c.source for c in parsed.code_cells] == CORRECT
    assert parsed.language == "en" and parsed.student_id is None
    v3 = {"nbformat": 3, "worksheets": [{"cells": [{"cell_type": "code", "input": ["x = 1\n", "y = 2"]}]}]}
    assert parse_notebook(json.dumps(v3).encode()).code_cells[0].source == "x = 1\ny = 2"
    odd = {"cells": [None, {"cell_type": "code"}, {"cell_type": "code", "source": ["a", 3, "b"]}, 5],
           "metadata": {"nncourse": {"language": "xx", "student_id": 42}}}
    parsed = parse_notebook(json.dumps(odd).encode())
    assert [c.source for c in parsed.code_cells] == ["", "ab"]
    assert [c.index for c in parsed.code_cells] == [1, 2]
    assert parsed.language == "en" and parsed.student_id is None
    bom = b"\xef\xbb\xbf" + notebook_bytes(["x = 1"], language="sv", student_id="anna")
    parsed = parse_notebook(bom)
    assert parsed.language == "sv" and parsed.student_id == "anna"


def test_unreadable_files_say_why():
    assert reason(b"") == "the file is empty"
    assert reason(b"  \n") == "the file is empty"
    assert reason(b"\x80\x81") == "the file is not text (UTF-8), so it is not a notebook"
    assert reason(b'{"cells": [').startswith("the file is not valid JSON, so Jupyter cannot open it as a notebook (line 1")
    assert reason(b"[" * 100_000).startswith("the file is not valid JSON")
    assert reason(b'"just a string"') == "the file is JSON but not a Jupyter notebook (it has no list of cells)"
    assert reason(b'{"cells": {}}') == "the file is JSON but not a Jupyter notebook (it has no list of cells)"


@pytest.mark.parametrize("source, expected", [
    ("x = 1", None),
    ("%matplotlib inline\nx = 1", "pass\nx = 1"),
    ("if True:\n    !ls\n    y = 2", "if True:\n    pass\n    y = 2"),
    ("np.dot?", "pass"),
    ("np.dot??", "pass"),
    ("files = !ls", "pass"),
    ("%%bash\necho hi", ""),
    ("%%writefile x.py\nprint(1)", ""),
    ("%%time\nz = 3", "z = 3"),
    ("x = 'why?'", None),
    ("y = a % b", None),
])
def test_magics_and_shell_lines_are_removed(source, expected):
    assert strip_magics(source) == expected


def test_student_ids_are_safe_unique_and_deterministic():
    assert sanitize_id("  Åsa Öberg/../x ") == "Åsa_Öberg_.._x"
    assert sanitize_id("..hidden") == "hidden"
    ids, warnings = student_ids([("b/alice.ipynb", "alice"), ("a/Alice.ipynb", "Alice"), ("c/bob.ipynb", "bob")])
    assert ids == ["alice~2", "Alice~1", "bob"]
    assert warnings[0].render("en") == "2 submissions have the student id Alice; they are listed as Alice~1, alice~2"
    again, _ = student_ids([("c/bob.ipynb", "bob"), ("a/Alice.ipynb", "Alice"), ("b/alice.ipynb", "alice")])
    assert again == ["bob", "Alice~1", "alice~2"]
    taken, _ = student_ids([("1", "x"), ("2", "x"), ("3", "x~1")])
    assert len(set(taken)) == 3


def test_the_id_comes_from_the_file_name_or_the_moodle_folder_never_the_metadata():
    found = Found("zip/Anna Berg_123_assignsubmission_file_/00_welcome.ipynb", "00_welcome",
                  "Anna Berg_123_assignsubmission_file_", b"")
    assert wanted_id(found, "00_welcome") == "Anna_Berg_123_assignsubmission_file"
    plain = Found("subs/berg_anna.ipynb", "berg_anna", "subs", b"")
    assert wanted_id(plain, "00_welcome") == "berg_anna"


def test_folders_and_zip_files_are_walked_in_a_fixed_order(tmp_path):
    folder = tmp_path / "subs"
    write(folder / "b.ipynb", notebook_bytes(["x = 1"]))
    write(folder / "a" / "c.ipynb", notebook_bytes(["x = 1"]))
    write(folder / ".ipynb_checkpoints" / "b-checkpoint.ipynb", notebook_bytes(["x = 1"]))
    write(folder / "notes.txt", b"ignored")
    with zipfile.ZipFile(folder / "batch.zip", "w") as archive:
        archive.writestr("z.ipynb", notebook_bytes(["x = 1"]))
        archive.writestr("evil/../../../outside.ipynb", b"{}")
        archive.writestr("C:/windows.ipynb", b"{}")
    items = list(iter_submissions([folder]))
    found = [i.file for i in items if isinstance(i, Found)]
    skipped = {i.file: i.reason.render("en") for i in items if isinstance(i, Skipped)}
    # A folder's own files (sorted) before its subfolders (sorted), as os.walk goes.
    assert found == ["subs/b.ipynb", "subs/batch.zip/z.ipynb", "subs/a/c.ipynb"]
    assert all(v.startswith("refused") for v in skipped.values()) and len(skipped) == 2
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        list(iter_submissions([tmp_path / "missing"]))


def test_too_large_files_and_bad_zips_are_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_NOTEBOOK_BYTES", 100)
    big = write(tmp_path / "big.ipynb", b"x" * 101)
    (item,) = iter_submissions([big])
    assert item.data is None and item.problem.render("en") == "the file is larger than 0 MB"
    bad = write(tmp_path / "bad.zip", b"not a zip")
    (skipped,) = iter_submissions([bad])
    assert isinstance(skipped, Skipped) and skipped.reason.render("en").startswith("not a valid zip file")
