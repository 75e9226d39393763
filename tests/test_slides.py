"""Lecture decks (course.slides): formulas as MathML, slide-sized cells."""

from __future__ import annotations

import nbformat
import pytest

from course.slides import SLIDE_LINES, math_to_mathml, slide_sized


def test_inline_and_display_formulas_become_mathml_and_code_is_left_alone():
    text = math_to_mathml("The sum $z = w x + b$ and\n\n$$\\hat y = f(z)$$\n\nbut `cost = $5` stays.")
    assert 'display="inline"><mrow><mi>z</mi>' in text and 'display="block"' in text
    assert "$" not in text.replace("`cost = $5`", "")
    assert "`cost = $5`" in text


def test_a_bar_in_a_formula_cannot_end_a_table_cell():
    row = math_to_mathml("| $|z|$ | large |")
    assert row.count("|") == 3  # the table's own bars only
    assert row.startswith("| <math") and row.endswith("</math> | large |")


def _notebook(*cells):
    return nbformat.v4.new_notebook(cells=list(cells))


def _markdown(text, slide_type=None):
    cell = nbformat.v4.new_markdown_cell(text)
    if slide_type:
        cell.metadata["slideshow"] = {"slide_type": slide_type}
    return cell


def _types(notebook):
    return [cell.metadata.get("slideshow", {}).get("slide_type", "-") for cell in notebook.cells]


def test_a_long_text_cell_is_cut_between_paragraphs_into_sub_slides():
    paragraphs = [f"Paragraph {n}: " + "word " * 60 for n in range(12)]
    deck = slide_sized(_notebook(_markdown("\n\n".join(paragraphs), "slide")))
    assert len(deck.cells) > 2
    assert _types(deck)[0] == "slide" and set(_types(deck)[1:]) == {"subslide"}
    assert "".join(cell.source for cell in deck.cells).count("Paragraph") == 12


def test_details_and_display_formulas_are_never_cut():
    details = "<details><summary>Answer</summary>\n\n" + "\n\n".join(["line " * 40] * 10) + "\n\n</details>"
    deck = slide_sized(_notebook(_markdown("Intro\n\n" + details, "slide")))
    kept = [cell.source for cell in deck.cells if "<details>" in cell.source]
    assert len(kept) == 1 and "</details>" in kept[0]


def test_cells_that_overflow_a_slide_and_headings_start_sub_slides_but_notes_stay_notes():
    short = "A short paragraph."
    tall = "\n".join(["one line"] * (SLIDE_LINES - 2))
    deck = slide_sized(_notebook(
        _markdown("# Title", "slide"),
        _markdown(short),
        _markdown(tall),
        _markdown("Teacher: ask the room.", "notes"),
        _markdown("## Next idea"),
        _markdown(short, "fragment"),
    ))
    assert _types(deck) == ["slide", "-", "subslide", "notes", "subslide", "fragment"]


@pytest.mark.parametrize("text", ["", "Only text, no formula."])
def test_text_without_formulas_is_unchanged(text):
    assert math_to_mathml(text) == text
