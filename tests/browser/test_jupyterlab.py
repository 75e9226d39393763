"""The course as a student meets it: JupyterLab in a real (headless) browser.

Starts JupyterLab as `nncourse lab` does, on a course folder made by `nncourse init` (so
autosave never touches the repository), opens each language's start page, and checks
that the lesson opens straight away (no "Select Kernel" dialog), runs top to bottom without an error, and that its widget is live:
moving the slider in the page changes the plot the kernel sends back.

Fixtures and requirements: ``conftest.py`` in this folder.
"""

from __future__ import annotations


import pytest

from course.chapters import CHAPTERS

from browser_helpers import TOKEN, wait_until

START = CHAPTERS[0]


def _plot_src(widget) -> str:
    """The src of the plot image the widget shows."""
    image = widget.locator("img").last
    image.wait_for(state="visible", timeout=60_000)
    return image.get_attribute("src")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_start_page_opens_runs_and_its_widget_responds(lab, browser, lang, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{lab}/lab/workspaces/{lang}/tree/notebooks/{lang}/{START.stem}.ipynb?token={TOKEN}")
        heading = page.locator(".jp-RenderedMarkdown h1").first
        heading.wait_for(state="visible", timeout=60_000)
        assert START.title(lang).split(":")[0] in heading.inner_text()
        # A notebook without kernelspec makes JupyterLab ask for a kernel in a modal dialog.
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator, .jp-Toolbar-kernelName", timeout=30_000)
        assert page.locator(".jp-Dialog").count() == 0, "JupyterLab opened a dialog instead of the lesson"

        page.locator(".jp-Notebook").first.click()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        widget = page.locator(".widget-vbox:has(.widget-slider)").first
        widget.wait_for(state="visible", timeout=90_000)
        page.wait_for_function(
            "() => document.querySelectorAll('.jp-InputArea-prompt').length > 0 && "
            "![...document.querySelectorAll('.jp-InputArea-prompt')].some(p => p.textContent.includes('*'))",
            timeout=120_000,
        )
        errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        error_text = " ".join(errors.all_inner_texts())
        assert "Error" not in error_text and "Traceback" not in error_text, error_text

        before = _plot_src(widget)
        widget.scroll_into_view_if_needed()
        widget.locator(".widget-slider .noUi-handle, .widget-slider [role='slider']").first.focus()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        widget.locator("img").last.wait_for(state="attached")
        wait_until(page, lambda: _plot_src(widget) != before, "moving the slider did not redraw the plot")
        page.screenshot(path=str(tmp_path / f"start_{lang}.png"))
    finally:
        page.close()
