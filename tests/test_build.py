"""The notebook builder (course.build): golden files, transforms, determinism, --check.

Golden files
------------
``tests/golden/golden_exercise.py`` is built as an exercise; the four expected notebooks
are in ``tests/golden/expected/{student,solution}/{en,sv}/golden_exercise.ipynb`` and are
compared byte for byte. After an intended change to the builder's output, regenerate them
on purpose, read the diff, and commit it:

    NNCOURSE_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_build.py -k golden

(the regenerating run skips the comparison, so it cannot pass by accident).
"""

from __future__ import annotations

import ast
import copy
import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from builder_helpers import EXERCISE_SOURCE, LESSON_SOURCE, write_source

from course import build as builder
from course.i18n import LANGUAGES, t
from course.source import parse_source, parse_text

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_SOURCE = GOLDEN / "golden_exercise.py"
VARIANTS = ("student", "solution")


def golden_path(variant: str, lang: str) -> Path:
    return GOLDEN / "expected" / variant / lang / "golden_exercise.ipynb"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_golden_exercise_builds_to_the_expected_bytes(variant, lang):
    source = parse_source(GOLDEN_SOURCE, "exercise")
    text = builder.notebook_text(builder.build_notebook(source, lang, variant))
    expected = golden_path(variant, lang)
    if os.environ.get("NNCOURSE_REGENERATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(text.encode("utf-8"))
        pytest.skip(f"regenerated {expected}")
    assert text.encode("utf-8") == expected.read_bytes()


def test_golden_files_show_the_transforms():
    # Guards the golden files themselves: a careless regeneration must not bless a regression.
    student = {lang: nbformat.reads(golden_path("student", lang).read_text("utf-8"), 4) for lang in LANGUAGES}
    solution = {lang: nbformat.reads(golden_path("solution", lang).read_text("utf-8"), 4) for lang in LANGUAGES}
    for lang in LANGUAGES:
        student_code = "\n".join(c.source for c in student[lang].cells if c.cell_type == "code")
        solution_code = "\n".join(c.source for c in solution[lang].cells if c.cell_type == "code")
        assert "result = 2 * x" not in student_code and "answer = double(21)" not in student_code
        assert student_code.count("raise NotImplementedError") == 2
        assert t("builder.stub_message", lang) in student_code
        assert "assert double(3) == 6" not in student_code
        assert "result = 2 * x" in solution_code and "assert double(3) == 6" in solution_code
        assert "SOLUTION" not in solution_code and "SOLUTION" not in student_code
        assert f'set_language("{lang}")' in student_code and f'set_language("{lang}")' in solution_code
    assert "Gyllene övning" in student["sv"].cells[0].source
    assert "Golden exercise" in student["en"].cells[0].source


def build(text: str, lang: str, variant: str = "student", kind: str = "exercise", stem: str = "01_perceptron"):
    source = parse_text(text, Path(f"{stem}.py"), kind)
    return builder.build_notebook(source, lang, variant)


def test_lesson_keeps_only_its_languages_markdown_and_identical_code():
    en, sv = (build(LESSON_SOURCE, lang, kind="lesson") for lang in LANGUAGES)
    assert [c.source for c in en.cells if c.cell_type == "markdown"] == [
        "# 01 The perceptron\n\nA perceptron takes several inputs.",
    ]
    assert [c.source for c in sv.cells if c.cell_type == "markdown"] == [
        "# 01 Perceptronen\n\nEn perceptron tar emot flera indata.",
    ]
    en_code = [c.source for c in en.cells if c.cell_type == "code"]
    sv_code = [c.source for c in sv.cells if c.cell_type == "code"]
    assert [s.replace('set_language("en")', 'set_language("sv")') for s in en_code] == sv_code
    assert 'set_language("sv")' in sv_code[0]


def test_teacher_edition_keeps_the_teachers_notes_and_the_student_edition_does_not():
    for lang, note in (("en", "Ask the room what a weight does."), ("sv", "Fråga salen vad en vikt gör.")):
        student = build(LESSON_SOURCE, lang, "student", kind="lesson")
        teacher = build(LESSON_SOURCE, lang, "solution", kind="lesson")
        assert note not in builder.notebook_text(student)
        notes = [c for c in teacher.cells if c.source == note]
        assert len(notes) == 1 and notes[0].metadata == {"slideshow": {"slide_type": "notes"}}
        # Everything else is the same, cell for cell.
        assert [c.id for c in student.cells] == [c.id for c in teacher.cells if c.source != note]


def test_teacher_edition_is_planned_into_its_own_folder(tmp_path):
    sources = [parse_text(LESSON_SOURCE, Path("01_perceptron.py"), "lesson"),
               parse_text(EXERCISE_SOURCE, Path("01_perceptron.py"), "exercise")]
    outputs = builder.plan_teacher_edition(sources, tmp_path)
    assert sorted(str(o.path.relative_to(tmp_path)) for o in outputs) == [
        "exercises/en/01_perceptron.ipynb", "exercises/sv/01_perceptron.ipynb",
        "notebooks/en/01_perceptron.ipynb", "notebooks/sv/01_perceptron.ipynb",
    ]
    exercise = next(o for o in outputs if o.path == tmp_path / "exercises/en/01_perceptron.ipynb")
    assert "return sum(a * b" in exercise.text and "assert weighted_sum" in exercise.text


PAIRED_SOURCE = LESSON_SOURCE.replace(
    "# %% tags=[\"fragment\"]\nweights = [0.5, -1.0]\nprint(sum(weights))\n",
    "# %% tags=[\"en\", \"fragment\"]\n# Two weights\nweights = [0.5, -1.0]\nprint(\"sum of the weights:\", sum(weights))\n\n"
    "# %% tags=[\"sv\", \"fragment\"]\n# Två vikter\nweights = [0.5, -1.0]\nprint(\"viktsumma:\", sum(weights))\n",
)


def test_an_en_sv_pair_of_code_cells_gives_each_notebook_its_own_twin_with_one_id():
    assert PAIRED_SOURCE != LESSON_SOURCE
    en, sv = (build(PAIRED_SOURCE, lang, kind="lesson") for lang in LANGUAGES)
    en_code = [c for c in en.cells if c.cell_type == "code"]
    sv_code = [c for c in sv.cells if c.cell_type == "code"]
    assert en_code[1].source == '# Two weights\nweights = [0.5, -1.0]\nprint("sum of the weights:", sum(weights))'
    assert sv_code[1].source == '# Två vikter\nweights = [0.5, -1.0]\nprint("viktsumma:", sum(weights))'
    assert len(en_code) == len(sv_code) == 2
    assert en_code[1].id == sv_code[1].id
    assert en_code[1].metadata == sv_code[1].metadata == {"slideshow": {"slide_type": "fragment"}}


def test_notebook_metadata_has_kernel_and_course_info_and_nothing_from_jupytext():
    notebook = build(LESSON_SOURCE, "sv", kind="lesson")
    assert notebook.nbformat == 4 and notebook.nbformat_minor == 5
    assert notebook.metadata == {
        "kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
        "language_info": {"name": "python"},
        "nncourse": {"language": "sv", "chapter": "01_perceptron", "kind": "lesson"},
    }
    text = builder.notebook_text(notebook)
    assert "jupytext" not in text
    assert text.endswith("}\n")
    nbformat.validate(nbformat.reads(text, 4))


def test_code_cells_have_no_outputs_and_no_execution_count():
    notebook = build(EXERCISE_SOURCE, "en", "solution")
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


def test_tags_become_slideshow_metadata_and_builder_tags_are_removed():
    en = build(LESSON_SOURCE, "en", kind="lesson")
    metadata = [c.metadata for c in en.cells]
    assert metadata == [
        {"slideshow": {"slide_type": "slide"}},
        {},
        {"slideshow": {"slide_type": "fragment"}},
    ]
    teacher = build(LESSON_SOURCE, "en", "solution", kind="lesson")
    assert teacher.cells[-1].metadata == {"slideshow": {"slide_type": "notes"}}


def test_a_cells_own_slideshow_metadata_is_kept():
    text = EXERCISE_SOURCE.replace("# %% tags=[\"check\"]", '# %% tags=["check"] slideshow={"slide_type": "skip"}')
    cell = next(c for c in build(text, "en").cells if "check" in c.metadata.get("tags", []))
    assert cell.metadata == {"slideshow": {"slide_type": "skip"}, "tags": ["check"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_student_version_stubs_solutions_at_their_indentation_and_drops_hidden_cells(lang):
    notebook = build(EXERCISE_SOURCE, lang, "student")
    sources = [c.source for c in notebook.cells if c.cell_type == "code"]
    message = json.dumps(t("builder.stub_message", lang), ensure_ascii=False)
    assert sources[1] == (
        "def weighted_sum(x, w):\n"
        f"    # {t('builder.stub_comment', lang)}\n"
        f"    raise NotImplementedError({message})"
    )
    assert not any("assert weighted_sum" in s for s in sources)
    for source in sources:
        ast.parse(source)
    stub = next(c for c in notebook.cells if "NotImplementedError" in c.source)
    # Lets "Run All", nbclient and nbval go on past an unanswered question.
    assert stub.metadata["tags"] == [builder.RAISES_EXCEPTION]
    check_cell = next(c for c in notebook.cells if c.source.startswith("print(weighted_sum"))
    assert check_cell.metadata["tags"] == ["check"]


def test_solution_version_keeps_solutions_and_hidden_cells_without_markers():
    notebook = build(EXERCISE_SOURCE, "sv", "solution")
    sources = [c.source for c in notebook.cells if c.cell_type == "code"]
    assert sources[1] == "def weighted_sum(x, w):\n    return sum(a * b for a, b in zip(x, w))"
    hidden = next(c for c in notebook.cells if "assert weighted_sum" in c.source)
    assert hidden.metadata["tags"] == ["hidden"]


def test_every_set_language_call_is_rewritten_in_swedish():
    text = EXERCISE_SOURCE + "\n# %%\nset_language( 'en' )\ncourse.set_language(\"en\")\n"
    last = build(text, "sv").cells[-1]
    assert last.source == 'set_language("sv")\ncourse.set_language("sv")'


def test_cell_ids_are_valid_unique_and_shared_by_languages_and_variants():
    notebooks = {(lang, v): build(EXERCISE_SOURCE, lang, v) for lang in LANGUAGES for v in VARIANTS}
    for notebook in notebooks.values():
        ids = [c.id for c in notebook.cells]
        assert len(set(ids)) == len(ids)
        assert all(re.fullmatch(r"[a-zA-Z0-9-_]{1,64}", i) for i in ids)
    assert [c.id for c in notebooks["en", "student"].cells] == [c.id for c in notebooks["sv", "student"].cells]
    solution_ids = [c.id for c in notebooks["en", "solution"].cells]
    student_ids = [c.id for c in notebooks["en", "student"].cells]
    assert student_ids == [i for i in solution_ids if i in student_ids]
    assert student_ids[0] == "exercise-01_perceptron-001"


def test_building_does_not_mutate_the_source():
    source = parse_text(EXERCISE_SOURCE, Path("01_perceptron.py"), "exercise")
    before = copy.deepcopy(source)
    for lang in LANGUAGES:
        for variant in VARIANTS:
            notebook = builder.build_notebook(source, lang, variant)
            for cell in notebook.cells:
                cell.metadata.setdefault("slideshow", {})["slide_type"] = "changed"
    assert source == before


def test_build_notebook_rejects_unknown_language_and_variant():
    source = parse_text(EXERCISE_SOURCE, Path("01_perceptron.py"), "exercise")
    with pytest.raises(ValueError, match=r"unknown language 'de'; expected one of en, sv"):
        builder.build_notebook(source, "de")
    with pytest.raises(ValueError, match=r"unknown variant 'teacher'"):
        builder.build_notebook(source, "en", "teacher")


def all_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.ipynb"))}


def test_build_writes_the_layout_and_building_twice_changes_no_byte(fake_repo, tmp_path):
    solutions = tmp_path / "solutions"
    first = builder.build(fake_repo, solutions_dir=solutions)
    assert sorted(str(p.relative_to(fake_repo)) for p in first.written) == [
        "exercises/en/01_perceptron.ipynb",
        "exercises/sv/01_perceptron.ipynb",
        "notebooks/en/01_perceptron.ipynb",
        "notebooks/sv/01_perceptron.ipynb",
        "solutions/en/01_perceptron.ipynb",
        "solutions/sv/01_perceptron.ipynb",
    ]
    snapshot = all_bytes(fake_repo)
    second = builder.build(fake_repo, solutions_dir=solutions)
    assert second.written == () and len(second.unchanged) == 6
    assert all_bytes(fake_repo) == snapshot


def test_parsing_twice_gives_the_same_bytes():
    # jupytext draws random cell ids on every read; none may reach the output.
    texts = {
        builder.notebook_text(builder.build_notebook(parse_source(GOLDEN_SOURCE, "exercise"), "sv"))
        for _ in range(3)
    }
    assert len(texts) == 1


def test_check_passes_on_a_fresh_build(fake_repo):
    builder.build(fake_repo)
    result = builder.check(fake_repo)
    assert result.ok and result.checked == 4


def test_check_names_stale_missing_and_extra_notebooks(fake_repo):
    builder.build(fake_repo)
    stale = fake_repo / "notebooks" / "sv" / "01_perceptron.ipynb"
    stale.write_text(stale.read_text("utf-8").replace("Perceptronen", "Perceptron"), "utf-8")
    missing = fake_repo / "exercises" / "en" / "01_perceptron.ipynb"
    missing.unlink()
    extra = fake_repo / "exercises" / "sv" / "02_activations.ipynb"
    extra.write_text("{}", "utf-8")
    result = builder.check(fake_repo)
    assert not result.ok
    assert result.stale == (stale,)
    assert result.missing == (missing,)
    assert result.extra == (extra,)
    # --only compares just those chapters and does not look for extras.
    assert builder.check(fake_repo, only=["01_perceptron"]).extra == ()


def test_check_sees_a_changed_source(fake_repo):
    builder.build(fake_repo)
    write_source(fake_repo, "lessons", "01_perceptron", LESSON_SOURCE.replace("several inputs", "many inputs"))
    assert builder.check(fake_repo).stale == (fake_repo / "notebooks" / "en" / "01_perceptron.ipynb",)


def test_build_reports_extra_notebooks_without_deleting_them(fake_repo):
    extra = fake_repo / "notebooks" / "en" / "99_old.ipynb"
    extra.parent.mkdir(parents=True)
    extra.write_text("{}", "utf-8")
    assert builder.build(fake_repo).extra == (extra,)
    assert extra.exists()


def test_only_builds_the_chosen_chapters(fake_repo):
    write_source(fake_repo, "lessons", "02_activations", LESSON_SOURCE)
    result = builder.build(fake_repo, only=["02_activations"])
    assert sorted(p.name for p in result.written) == ["02_activations.ipynb", "02_activations.ipynb"]


def test_invalid_sources_are_all_reported_and_nothing_is_written(fake_repo):
    write_source(fake_repo, "lessons", "02_activations", LESSON_SOURCE.replace('tags=["sv", "notes"]', "tags=[]"))
    write_source(fake_repo, "exercises", "03_forward_pass", EXERCISE_SOURCE.replace("    # END SOLUTION\n", ""))
    with pytest.raises(builder.BuildError) as info:
        builder.build(fake_repo)
    assert len(info.value.errors) == 2
    message = str(info.value)
    assert re.search(r"02_activations\.py, cell 6 \('Fråga salen vad en vikt gör\.'\): a markdown cell needs", message)
    assert re.search(r"03_forward_pass\.py, cell 4 \('def weighted_sum\(x, w\):'\): unbalanced", message)
    assert list(fake_repo.rglob("*.ipynb")) == []


def test_a_source_must_be_named_after_a_chapter(fake_repo):
    write_source(fake_repo, "lessons", "13_extra", LESSON_SOURCE)
    with pytest.raises(builder.BuildError, match=r"13_extra\.py: the file name is not a chapter stem; expected one of 00_welcome"):
        builder.build(fake_repo)
