"""Parsing and validating bilingual sources (course.source)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course import tags as T
from course.source import Cell, SourceError, kind_of, parse_source, parse_text, solution_regions

PATH = Path("course/content/exercises/01_perceptron.py")

HEAD = '''\
# %% [markdown] tags=["en"]
# # Title

# %% [markdown] tags=["sv"]
# # Rubrik

# %%
from course import set_language
set_language("en")
'''


def parse(body: str, kind: str = "exercise", head: str = HEAD):
    return parse_text(head + "\n" + body, PATH, kind)


def where(index: int, first_line: str) -> str:
    """The part of every cell error that names the file and the cell."""
    return re.escape(f"{PATH}, cell {index} ({first_line!r})")


def test_parse_gives_typed_cells_in_order():
    source = parse(
        '# %% tags=["check", "fragment"]\nprint(1)\n\n'
        '# %% [markdown] tags=["en", "notes"]\n# Note\n\n'
        '# %% [markdown] tags=["sv", "notes"]\n# Anteckning\n'
    )
    assert source.kind == "exercise"
    assert source.stem == "01_perceptron"
    assert [(c.index, c.kind, c.language) for c in source.cells] == [
        (1, "markdown", "en"),
        (2, "markdown", "sv"),
        (3, "code", None),
        (4, "code", None),
        (5, "markdown", "en"),
        (6, "markdown", "sv"),
    ]
    assert source.cells[0].source == "# Title"
    assert source.cells[3].tags == ("check", "fragment")
    assert source.cells[3].slide_tag == "fragment"
    assert source.cells[4].slide_tag == "notes"


def test_parse_keeps_a_cells_own_slideshow_metadata():
    source = parse('# %% slideshow={"slide_type": "skip"}\nx = 1\n')
    assert source.cells[-1].slideshow == {"slide_type": "skip"}


def test_parse_source_reads_a_file_and_infers_its_kind(tmp_path):
    path = tmp_path / "lessons" / "01_perceptron.py"
    path.parent.mkdir()
    path.write_text(HEAD, encoding="utf-8")
    source = parse_source(path)
    assert source.kind == "lesson"
    assert source.path == path
    assert len(source.cells) == 3


def test_kind_of_names_the_directories_it_expects():
    assert kind_of("x/exercises/01_perceptron.py") == "exercise"
    with pytest.raises(ValueError, match=r"lessons or exercises, but it is in 'golden'"):
        kind_of("tests/golden/golden_exercise.py")


def test_parse_rejects_an_unknown_kind():
    with pytest.raises(ValueError, match=r"unknown source kind 'homework'"):
        parse_text(HEAD, PATH, "homework")


def test_markdown_cell_without_language_tag():
    with pytest.raises(SourceError, match=where(4, "Plain") + r".*exactly one language tag.*has 0"):
        parse("# %% [markdown]\n# Plain\n")


def test_markdown_cell_with_two_language_tags():
    with pytest.raises(SourceError, match=where(4, "Both") + r".*exactly one language tag.*has 2"):
        parse('# %% [markdown] tags=["en", "sv"]\n# Both\n')


def test_en_cell_followed_by_code_instead_of_its_sv_partner():
    with pytest.raises(SourceError, match=where(4, "Only English") + r".*immediately followed by its 'sv'.*cell 5"):
        parse('# %% [markdown] tags=["en"]\n# Only English\n\n# %%\nx = 1\n')


def test_en_cell_as_the_last_cell():
    with pytest.raises(SourceError, match=where(4, "Last") + r".*it is the last cell"):
        parse('# %% [markdown] tags=["en"]\n# Last\n')


def test_two_en_cells_in_a_row():
    with pytest.raises(SourceError, match=where(4, "One") + r".*immediately followed"):
        parse(
            '# %% [markdown] tags=["en"]\n# One\n\n'
            '# %% [markdown] tags=["en"]\n# Two\n\n'
            '# %% [markdown] tags=["sv"]\n# Två\n'
        )


def test_sv_cell_without_a_preceding_en_cell():
    with pytest.raises(SourceError, match=where(5, "Bara svenska") + r".*no 'en' partner"):
        parse('# %%\nx = 1\n\n# %% [markdown] tags=["sv"]\n# Bara svenska\n')


def test_sv_cell_as_the_first_cell():
    text = '# %% [markdown] tags=["sv"]\n# Först\n\n' + HEAD
    with pytest.raises(SourceError, match=where(1, "Först") + r".*no 'en' partner"):
        parse_text(text, PATH, "exercise")


def test_partners_must_carry_the_same_slide_tag():
    with pytest.raises(SourceError, match=where(5, "B") + r".*same slide tag.*expected 'slide', but received None"):
        parse('# %% [markdown] tags=["en", "slide"]\n# A\n\n# %% [markdown] tags=["sv"]\n# B\n')


def test_code_cell_with_a_language_tag_needs_its_twin():
    with pytest.raises(SourceError, match=where(4, "x = 1") + r".*'en' cell must be immediately followed by its 'sv'"):
        parse('# %% tags=["en"]\nx = 1\n')
    with pytest.raises(SourceError, match=where(4, "x = 1") + r".*'en' cell must be immediately followed by its 'sv'"):
        parse('# %% tags=["en"]\nx = 1\n\n# %%\ny = 2\n')


def test_a_code_cell_has_at_most_one_language_tag():
    with pytest.raises(SourceError, match=where(4, "x = 1") + r".*either shared.*or one of an en/sv pair.*en, sv"):
        parse('# %% tags=["en", "sv"]\nx = 1\n')


def test_twins_may_differ_in_comments_strings_and_docstrings_only():
    source = parse(
        '# %% tags=["en"]\ndef f(x):\n    """Twice x."""\n    # double it\n    print(f"twice {x:.2f} is", 2 * x)\n    return 2 * x\n\n'
        '# %% tags=["sv"]\ndef f(x):\n    """Det dubbla av x."""\n    # dubblera\n    print(f"dubbla {x:.3f} är", 2 * x)\n    return 2 * x\n'
    )
    assert [cell.language for cell in source.cells if cell.kind == "code"][-2:] == ["en", "sv"]


@pytest.mark.parametrize(
    "sv_code",
    [
        'print("två", 3 * x)',          # other arithmetic
        'print("två", y)',              # another name
        'print(f"två {y}")',            # another expression inside an f-string
        'print("två", 2 * x)\nz = 1',   # an extra statement
    ],
)
def test_twins_with_different_code_are_refused(sv_code):
    with pytest.raises(SourceError, match=where(5, sv_code.splitlines()[0]) + r".*same code as its 'en' twin \(cell 4\)"):
        parse(f'# %% tags=["en"]\nprint("two", 2 * x)\n\n# %% tags=["sv"]\n{sv_code}\n')


def test_twins_need_the_same_other_tags_and_kind():
    with pytest.raises(SourceError, match=r"same tags as its 'en' twin.*expected \['check'\], but received \[\]"):
        parse('# %% tags=["en", "check"]\nx = 1\n\n# %% tags=["sv"]\nx = 1\n')
    with pytest.raises(SourceError, match=r"partner of a code cell \(cell 4\) must be a code cell too"):
        parse('# %% tags=["en"]\nx = 1\n\n# %% [markdown] tags=["sv"]\n# x\n')


@pytest.mark.parametrize(
    "code, found",
    [
        ("x = 1  # the first weight", "comment on line 1: '# the first weight'"),
        ('print("largest difference", 1e-9)', 'string on line 1: "largest difference"'),
        ('print(f"{n}: ratio {r:.2f}")', "string on line 1"),
        ('print("nnlib:", 1)', 'string on line 1: "nnlib:"'),
        ('def f():\n    """Return one."""\n    return 1', "docstring on line 2: 'Return one.'"),
    ],
)
def test_shared_code_cells_must_not_contain_text_for_people(code, found):
    with pytest.raises(SourceError, match=r"shared by both languages must not contain text for people.*" + re.escape(found)):
        parse(f"# %%\n{code}\n", kind="lesson")


@pytest.mark.parametrize(
    "code",
    [
        'model = MLP([2, 3, 1], activation="relu", loss="mse")',
        'history["val_loss"][-1]',
        'ax.legend(loc="lower left")',
        'print("z =", z)',
        "x = 1  # noqa: F841",
        "%timeit f(x)",
        'check("q1")',
    ],
)
def test_names_keys_options_and_pragmas_are_code_not_prose(code):
    parse(f"# %%\n{code}\n", kind="lesson")


def test_unknown_tag_lists_the_known_tags():
    known = ", ".join(sorted(T.KNOWN_TAGS))
    with pytest.raises(SourceError, match=where(4, "x = 1") + r": unknown tag 'solution'; known tags are " + re.escape(known)):
        parse('# %% tags=["solution"]\nx = 1\n')


def test_two_slide_tags_on_one_cell():
    with pytest.raises(SourceError, match=where(4, "x = 1") + r".*at most one slide tag.*slide, fragment"):
        parse('# %% tags=["slide", "fragment"]\nx = 1\n')


def test_repeated_tag_is_refused_naming_the_file():
    # jupytext itself refuses it while reading, before cells exist.
    with pytest.raises(SourceError, match=re.escape(str(PATH)) + r": jupytext cannot read.*non-unique"):
        parse('# %% tags=["check", "check"]\nx = 1\n')


@pytest.mark.parametrize("tag", [T.HIDDEN, T.CHECK])
def test_code_only_tags_on_markdown(tag):
    with pytest.raises(SourceError, match=where(4, "A") + f".*{tag!r} belongs on code cells"):
        parse(f'# %% [markdown] tags=["en", "{tag}"]\n# A\n\n# %% [markdown] tags=["sv", "{tag}"]\n# B\n')


def test_unclosed_solution_marker():
    with pytest.raises(SourceError, match=where(4, "def f():") + r".*unbalanced.*line 2 has no '# END SOLUTION'"):
        parse("# %%\ndef f():\n    # BEGIN SOLUTION\n    return 1\n")


def test_stray_end_marker():
    with pytest.raises(SourceError, match=where(4, "x = 1") + r".*stray '# END SOLUTION' on line 2"):
        parse("# %%\nx = 1\n# END SOLUTION\n")


def test_nested_begin_marker():
    with pytest.raises(SourceError, match=where(4, "# BEGIN SOLUTION") + r".*nested.*line 3.*line 1 is not closed"):
        parse("# %%\n# BEGIN SOLUTION\nx = 1\n# BEGIN SOLUTION\ny = 2\n# END SOLUTION\n# END SOLUTION\n")


@pytest.mark.parametrize("line", ["#BEGIN SOLUTION", "# begin solution", "x = 1  # BEGIN SOLUTION", "# END SOLUTION."])
def test_misspelt_marker_is_an_error_not_code(line):
    # A misspelt marker would otherwise leave the solution in the student notebook.
    with pytest.raises(SourceError, match=r"mentions a solution marker but is not one"):
        parse(f"# %%\ny = 0\n{line}\nx = 1\n")


def test_solution_marker_in_markdown():
    with pytest.raises(SourceError, match=where(4, "Text") + r".*line 2 of this markdown cell has a solution marker"):
        parse('# %% [markdown] tags=["en"]\n# Text\n# # BEGIN SOLUTION\n\n# %% [markdown] tags=["sv"]\n# Text\n')


def test_hidden_tag_in_a_lesson():
    with pytest.raises(SourceError, match=where(4, "assert True") + r".*a lesson has no hidden cells"):
        parse('# %% tags=["hidden"]\nassert True\n', kind="lesson")


def test_solution_markers_in_a_lesson():
    with pytest.raises(SourceError, match=where(4, "# BEGIN SOLUTION") + r".*a lesson has no solutions"):
        parse("# %%\n# BEGIN SOLUTION\nx = 1\n# END SOLUTION\n", kind="lesson")


def test_first_code_cell_must_set_the_language():
    text = '# %% [markdown] tags=["en"]\n# A\n\n# %% [markdown] tags=["sv"]\n# B\n\n# %%\nimport numpy as np\n'
    with pytest.raises(SourceError, match=re.escape(f"{PATH}, cell 3 ('import numpy as np')") + r".*must call"):
        parse_text(text, PATH, "lesson")


def test_set_language_with_single_quotes_is_accepted():
    text = "# %%\nfrom course import set_language\nset_language('en')\n"
    assert parse_text(text, PATH, "lesson").cells[0].kind == "code"


def test_raw_cells_are_not_supported():
    with pytest.raises(SourceError, match=where(4, "raw text") + r".*cell type 'raw' is not supported"):
        parse("# %% [raw]\n# raw text\n")


def test_solution_regions_report_lines_and_indentation():
    cell = Cell(
        kind="code",
        source="def f():\n    # BEGIN SOLUTION\n    return 1\n    # END SOLUTION\n# BEGIN SOLUTION\nx = 2\n# END SOLUTION",
        tags=(),
        index=1,
    )
    regions = solution_regions(cell)
    assert [(r.begin, r.end, r.indent) for r in regions] == [(1, 3, "    "), (4, 6, "")]


def test_first_line_skips_blank_lines_and_is_shortened():
    cell = Cell(kind="code", source="\n\n   " + "x" * 80, tags=(), index=1)
    assert cell.first_line == "x" * 57 + "..."
