"""The start page (notebooks/LANG/00_welcome.ipynb) links to every notebook of its language.

The check of the real start page is skipped until the chapter 00 lesson source
(course/content/lessons/00_welcome.py) exists; from then on it fails for every built
notebook, and every chapter in course/chapters.py (lesson and exercise), that the start
page of that language does not link to with a relative link to an existing file.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

from course.build import CONTENT, OUTPUT_DIRS, REPO_ROOT
from course.source import CONTENT_DIRS

SOURCE_DIR = {kind: folder for folder, kind in CONTENT_DIRS.items()}
from course.chapters import CHAPTERS
from course.i18n import LANGUAGES

START_STEM = "00_welcome"

# Inline markdown links and images, reference definitions, and HTML href attributes.
LINK_PATTERNS = (
    re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"),
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE),
    re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE),
)


def links(notebook: nbformat.NotebookNode) -> list[str]:
    found = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for pattern in LINK_PATTERNS:
                found.extend(pattern.findall(cell.source))
    return found


def relative_targets(page: Path, targets: list[str]) -> dict[str, Path]:
    """Each relative link of the page and the file it points to (anchors dropped)."""
    resolved = {}
    for target in targets:
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:
            continue  # web links and in-page anchors
        resolved[target] = (page.parent / unquote(parts.path)).resolve()
    return resolved


def start_page_problems(root: Path, lang: str) -> list[str]:
    """What is wrong with the start page of ``lang`` under ``root`` (empty when all is well)."""
    root = root.resolve()
    page = root / OUTPUT_DIRS["lesson"] / lang / f"{START_STEM}.ipynb"
    if not page.is_file():
        return [f"{page} is not built; run `python -m course build`"]
    targets = relative_targets(page, links(nbformat.read(page, as_version=4)))
    problems = [f"link to a missing file: {t}" for t, path in sorted(targets.items()) if not path.is_file()]

    # Every chapter whose source exists must be linked (lessons still to be written are
    # listed on the page as coming later, without a link).
    expected = {
        root / out_dir / lang / f"{chapter.stem}.ipynb"
        for kind, out_dir in OUTPUT_DIRS.items()
        for chapter in CHAPTERS
        if not (kind == "lesson" and chapter.stem == START_STEM)
        and (root / CONTENT / SOURCE_DIR[kind] / f"{chapter.stem}.py").is_file()
    }
    built = {
        path.resolve()
        for out_dir in OUTPUT_DIRS.values()
        for path in (root / out_dir / lang).glob("*.ipynb")
        if path.resolve() != page
    }
    linked = set(targets.values())
    problems += [f"no link to {p.relative_to(root).as_posix()}" for p in sorted((expected | built) - linked)]

    others = set(LANGUAGES) - {lang}
    problems += [
        f"link to a notebook in another language: {t}"
        for t, path in sorted(targets.items())
        if path.suffix == ".ipynb" and path.parent.name in others
    ]
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_page_links_every_notebook_of_its_language(lang):
    problems = start_page_problems(REPO_ROOT, lang)
    assert not problems, f"notebooks/{lang}/{START_STEM}.ipynb:\n" + "\n".join(problems)


def test_the_check_itself_finds_missing_broken_and_foreign_links(tmp_path):
    def touch(relative: str) -> None:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}", "utf-8")

    for chapter in CHAPTERS:
        for lang in LANGUAGES:
            touch(f"notebooks/{lang}/{chapter.stem}.ipynb")
            touch(f"exercises/{lang}/{chapter.stem}.ipynb")
    touch("exercises/sv/99_orphan.ipynb")
    lines = [
        f"- [{chapter.title('sv')}]({chapter.stem}.ipynb) ([övning](../../exercises/sv/{chapter.stem}.ipynb#top))"
        for chapter in CHAPTERS[1:]
    ]
    lines[2] = lines[2].replace("03_forward_pass.ipynb)", "03_framatpass.ipynb)")
    source = "\n".join(lines) + (
        '\n\n<a href="../../exercises/sv/00_welcome.ipynb">Uppvärmning</a> [web](https://example.org)'
        "\n[en]: ../en/01_perceptron.ipynb\n"
    )
    page = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(source)])
    nbformat.write(page, tmp_path / "notebooks" / "sv" / "00_welcome.ipynb")

    assert start_page_problems(tmp_path, "sv") == [
        "link to a missing file: 03_framatpass.ipynb",
        "no link to exercises/sv/99_orphan.ipynb",
        "no link to notebooks/sv/03_forward_pass.ipynb",
        "link to a notebook in another language: ../en/01_perceptron.ipynb",
    ]
    (tmp_path / "notebooks" / "en" / "00_welcome.ipynb").unlink()
    assert start_page_problems(tmp_path, "en")[0].endswith("is not built; run `python -m course build`")


def _built_notebooks() -> list[Path]:
    return sorted(
        path for out_dir in OUTPUT_DIRS.values() for path in (REPO_ROOT / out_dir).glob("*/*.ipynb")
    )


@pytest.mark.parametrize("page", _built_notebooks(), ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_every_relative_link_in_every_notebook_resolves(page):
    targets = relative_targets(page, links(nbformat.read(page, as_version=4)))
    broken = [target for target, path in sorted(targets.items()) if not path.exists()]
    assert not broken, f"{page.relative_to(REPO_ROOT)} links to missing files: {broken}"
