"""What students and lecturers get, in a real browser: the student edition, a lesson
reopened the next day, live slides in JupyterLab, and an exported deck with no network.

Fixtures and requirements: ``conftest.py`` in this folder.
"""

from __future__ import annotations

import json
import urllib.request

import nbformat
import pytest
from browser_helpers import TOKEN, wait_until

from course.slides import SLIDE_HEIGHT, SLIDE_WIDTH, write_slides

LESSON = "01_perceptron"  # its widgets draw figures; its notes are many


def _deck_off(lab: str) -> None:
    """Leave presentation mode, which jupyterlab-slideshow remembers in the user settings."""
    request = urllib.request.Request(
        f"{lab}/lab/api/settings/jupyterlab-slideshow:plugin?token={TOKEN}",
        data=json.dumps({"raw": json.dumps({"active": False})}).encode(),
        method="PUT",
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(request, timeout=10)


def _open(page, lab, path: str, workspace: str) -> None:
    _deck_off(lab)
    page.goto(f"{lab}/lab/workspaces/{workspace}/tree/{path}?token={TOKEN}")
    page.locator(".jp-RenderedMarkdown h1").first.wait_for(state="visible", timeout=60_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator, .jp-Toolbar-kernelName", timeout=30_000)


def _run_all(page) -> None:
    page.locator(".jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(
        "() => document.querySelectorAll('.jp-InputArea-prompt').length > 0 && "
        "![...document.querySelectorAll('.jp-InputArea-prompt')].some(p => p.textContent.includes('*'))",
        timeout=120_000,
    )


def _shut_down_kernels(lab: str) -> None:
    request = urllib.request.Request(f"{lab}/api/kernels?token={TOKEN}")
    for kernel in json.load(urllib.request.urlopen(request, timeout=10)):
        urllib.request.urlopen(
            urllib.request.Request(f"{lab}/api/kernels/{kernel['id']}?token={TOKEN}", method="DELETE"), timeout=10
        )


@pytest.mark.parametrize("lang, note", [("en", "Teacher's note"), ("sv", "Lärarens anteckning")])
def test_the_student_edition_shows_no_teachers_notes(lab, browser, course_folder, lang, note):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        _open(page, lab, f"notebooks/{lang}/{LESSON}.ipynb", f"notes-{lang}")
        text = page.locator(".jp-Notebook").first.inner_text()
        assert "Rosenblatt" in text  # the lesson is there …
        assert note not in text  # … without the notes for the teacher
    finally:
        page.close()


def test_a_lesson_reopened_the_next_day_still_shows_its_figures(lab, browser, course_folder, tmp_path):
    path = f"notebooks/en/{LESSON}.ipynb"
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        _open(page, lab, path, "reopen-1")
        _run_all(page)
        page.locator(".widget-vbox img").first.wait_for(state="visible", timeout=60_000)
        page.keyboard.press("Control+s")
        wait_until(
            page,
            lambda: "widgets" in json.loads((course_folder / path).read_text("utf-8"))["metadata"],
            "saving did not store the widget state in the notebook",
        )
    finally:
        page.close()
    _shut_down_kernels(lab)

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        _open(page, lab, path, "reopen-2")  # a fresh kernel: nothing has run
        figure = page.locator(".jp-OutputArea-output .widget-vbox img").first
        figure.wait_for(state="visible", timeout=60_000)
        assert figure.evaluate("img => img.naturalWidth") > 100
        assert "Error displaying widget" not in page.locator(".jp-Notebook").first.inner_text()
        page.screenshot(path=str(tmp_path / "reopened.png"))
    finally:
        page.close()


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    """Lesson 01's exported deck, as `nncourse slides 1 --lang sv` writes it (executed)."""
    return write_slides(LESSON, "sv", out_dir=tmp_path_factory.mktemp("slides"))


def test_the_exported_deck_works_with_the_network_blocked_and_every_slide_fits(browser, deck, tmp_path):
    page = browser.new_page(viewport={"width": SLIDE_WIDTH, "height": SLIDE_HEIGHT})
    fetched = []

    def block_the_network(route):
        fetched.append(route.request.url)
        route.continue_() if route.request.url.startswith("file:") else route.abort()

    page.route("**/*", block_the_network)
    try:
        page.goto(deck.as_uri())
        page.wait_for_selector("body[data-deck-ready=true]", timeout=30_000)
        assert [url for url in fetched if not url.startswith("file:")] == []
        # Formulas are typeset (MathML laid out by the browser, not raw $…$ text).
        assert page.locator("math").count() > 20
        assert page.evaluate("() => document.querySelector('math').getBoundingClientRect().width") > 0
        assert "$" not in page.locator(".reveal .slides").inner_text()
        # The executed lesson's figures are on the slides.
        assert page.locator(".reveal .slides img").count() >= 3
        # Speaker notes are there (the speaker view shows them), never on a slide.
        assert page.locator("aside.notes").count() >= 6
        too_tall = page.evaluate(
            """() => { Reveal.configure({transition: "none", backgroundTransition: "none"});
               return Reveal.getSlides().map((slide, index) => {
                   const at = Reveal.getIndices(slide);
                   Reveal.slide(at.h, at.v);
                   const box = slide.getBoundingClientRect();
                   return [index, box.top, box.bottom];
               }).filter(([index, top, bottom]) => top < -1 || bottom > window.innerHeight + 1); }"""
        )
        assert too_tall == [], f"slides taller than the {SLIDE_HEIGHT}px viewport: {too_tall}"
        page.screenshot(path=str(tmp_path / "deck.png"))
    finally:
        page.close()


def test_a_live_slideshow_in_jupyterlab_shows_a_widget_that_responds(lab, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        _open(page, lab, "notebooks/en/00_welcome.ipynb", "live-slides")
        _run_all(page)
        cell = page.locator(".jp-CodeCell:has(.widget-slider)").first
        cell.scroll_into_view_if_needed()
        cell.locator(".jp-InputPrompt").first.click()  # the slideshow starts at the active cell
        page.locator("[data-command='deck:toggle']").first.click()
        widget = cell.locator(".widget-vbox:has(.widget-slider)").first
        slider = widget.locator(".widget-slider").first

        def slider_shown() -> bool:  # on screen, and nothing covers it
            box = slider.bounding_box()
            return bool(box) and 0 <= box["y"] < 720 and page.evaluate(
                "([x, y]) => !!document.elementFromPoint(x, y)?.closest('.widget-slider')",
                [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
            )

        wait_until(page, slider_shown, "the widget's slider did not come onto the slide", seconds=20)
        before = widget.locator("img").last.get_attribute("src")
        slider.locator("[role='slider'], .noUi-handle").first.focus()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        wait_until(
            page,
            lambda: widget.locator("img").last.get_attribute("src") != before,
            "moving the slider in the slideshow did not redraw the plot",
        )
        page.screenshot(path=str(tmp_path / "live_slides.png"))
    finally:
        page.close()
        _deck_off(lab)


def test_a_dropdown_and_a_button_work_from_the_keyboard(lab, browser, course_folder, tmp_path):
    """Every kind of control a lesson uses can be changed without a mouse."""
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(
            'from course import set_language\nset_language("sv")\n'
            "from course.widgets.activations import ActivationExplorer, StackedLayersWidget\n"
            "ActivationExplorer()"
        ),
        nbformat.v4.new_code_cell("StackedLayersWidget()"),
    ])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    (course_folder / "keyboard.ipynb").write_text(nbformat.writes(notebook), "utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        _deck_off(lab)
        page.goto(f"{lab}/lab/workspaces/keyboard/tree/keyboard.ipynb?token={TOKEN}")
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator, .jp-Toolbar-kernelName", timeout=60_000)
        _run_all(page)
        explorer = page.locator(".widget-vbox:has(select)").first
        explorer.wait_for(state="visible", timeout=90_000)
        before = explorer.locator("img").last.get_attribute("src")
        select = explorer.locator("select").first
        select.focus()
        chosen = select.input_value()
        page.keyboard.press("ArrowDown")
        wait_until(
            page,
            lambda: select.input_value() != chosen and explorer.locator("img").last.get_attribute("src") != before,
            "the dropdown did not change the plot from the keyboard",
        )

        stacked = page.locator(".widget-vbox:has(button:has-text('nya slumpade vikter'))").last
        before = stacked.locator("img").last.get_attribute("src")
        button = stacked.locator("button:has-text('nya slumpade vikter')").first
        # The whole label is readable, not cut to "nya slumpade …".
        assert button.evaluate("b => b.scrollWidth <= b.clientWidth + 1"), "the button's label is cut off"
        button.focus()
        page.keyboard.press("Enter")
        wait_until(
            page,
            lambda: stacked.locator("img").last.get_attribute("src") != before,
            "the button did not redraw the plot from the keyboard",
        )
        page.screenshot(path=str(tmp_path / "keyboard.png"))
    finally:
        page.close()
