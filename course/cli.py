"""The ``nncourse`` command (also ``python -m course``): init, lab, build, slides and grade.

A thin layer over :mod:`course.workspace`, :mod:`course.build`, :mod:`course.lab` and
:mod:`course.slides`. Every
subcommand sets ``func(args) -> int``; :func:`main` returns that exit code. Usage errors
(unknown chapter or language) exit with 2 and list the valid choices on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from course.chapters import CHAPTERS, resolve_chapter
from course.i18n import LANGUAGES


def _root(args: argparse.Namespace) -> Path:
    from course.build import REPO_ROOT

    return Path(args.root) if getattr(args, "root", None) else REPO_ROOT


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _cmd_build(args: argparse.Namespace) -> int:
    from course import build as builder

    root = _root(args)
    only = args.only or None
    if not builder.source_paths(root):
        print(
            f"error: no sources in {root / builder.CONTENT}; --root must be a course repository "
            f"(to get your own copy of the course, use `nncourse init FOLDER`)",
            file=sys.stderr,
        )
        return 1
    try:
        # Parsed once for the extra editions (check and build parse for themselves).
        sources = builder.load_sources(root, only) if args.teacher or (args.check and args.solutions) else []
        if args.check:
            result = builder.check(root, only)
            solutions = builder.plan_solutions(sources, args.solutions) if args.solutions else []
        else:
            result = builder.build(root, only, args.solutions)
            solutions = []
        if args.teacher:
            solutions = [*solutions, *builder.plan_teacher_edition(sources, args.teacher)]
            if not args.check:
                written, _ = builder.write_outputs(solutions)
                result = builder.BuildResult(
                    written=(*result.written, *written), unchanged=result.unchanged, extra=result.extra
                )
    except builder.BuildError as error:
        for problem in error.errors:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(error.errors)} invalid source(s); nothing was written", file=sys.stderr)
        return 1

    if args.check:
        written, _ = builder.write_outputs(solutions)
        for path in written:
            print(f"wrote {_relative(path, root)}")
        problems = [
            *(f"stale (differs from its source): {_relative(p, root)}" for p in result.stale),
            *(f"missing (not built yet): {_relative(p, root)}" for p in result.missing),
            *(f"extra (no source): {_relative(p, root)}" for p in result.extra),
        ]
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(
                f"{len(problems)} notebook(s) out of date; run `python -m course build` and commit the result",
                file=sys.stderr,
            )
            return 1
        print(f"all {result.checked} notebooks are up to date")
        return 0

    for path in result.written:
        print(f"wrote {_relative(path, root)}")
    print(f"{len(result.written)} written, {len(result.unchanged)} unchanged")
    for path in result.extra:
        print(f"warning: extra notebook with no source (delete it): {_relative(path, root)}", file=sys.stderr)
    return 0


def in_a_clone() -> bool:
    """True when this package runs from a git checkout of the course (``make lab``)."""
    from course.build import REPO_ROOT

    return (REPO_ROOT / ".git").exists() and (REPO_ROOT / "course" / "content").is_dir()


def default_course_folder() -> Path:
    """Where ``nncourse lab`` keeps the student's course when no folder is given.

    In a clone: ``work/`` inside it (git-ignored, so the committed notebooks stay as
    built); elsewhere: the current folder if it already holds a course, else ~/nncourse.
    """
    from course.build import REPO_ROOT
    from course.workspace import is_workspace

    if in_a_clone():
        return REPO_ROOT / "work"
    if is_workspace(Path.cwd()):
        return Path.cwd()
    return Path.home() / "nncourse"


def _init(folder: Path, lang: str | None, teacher: bool) -> int | None:
    """Make or update the course folder; print what happened; None when it went well."""
    from course.build import BuildError
    from course.workspace import WorkspaceError, init_workspace

    try:
        result = init_workspace(folder, lang, "teacher" if teacher else "student")
    except (WorkspaceError, BuildError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(
        f"{result.folder}: {len(result.written)} notebook(s) written, {len(result.updated)} updated, "
        f"{len(result.unchanged)} unchanged"
    )
    if result.skipped:
        print(f"kept {len(result.skipped)} notebook(s) you have changed (not overwritten):")
        for name in result.skipped:
            print(f"  {name}")
    return None


def _cmd_init(args: argparse.Namespace) -> int:
    from course.workspace import start_page

    failed = _init(Path(args.folder), args.lang, args.teacher)
    if failed is not None:
        return failed
    for lang in ([args.lang] if args.lang else LANGUAGES):
        print(f"start page ({lang}): {start_page(args.folder, lang)}")
    print(f"open it with: nncourse lab --dir {Path(args.folder).expanduser().resolve()}")
    return 0


def _cmd_lab(args: argparse.Namespace) -> int:
    from course.lab import run_lab

    folder = Path(args.dir).expanduser() if args.dir else default_course_folder()
    failed = _init(folder, None, args.teacher)
    if failed is not None:
        return failed
    try:
        return run_lab(folder, args.lang, open_browser=not args.no_browser)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _cmd_slides(args: argparse.Namespace) -> int:
    from course.slides import write_slides

    root = _root(args)
    out_dir = Path(args.out) if args.out else Path.cwd() / "slides"
    try:
        path = write_slides(args.chapter, args.lang, root=root, out_dir=out_dir, execute=not args.no_execute)
    except (FileNotFoundError, ValueError) as error:  # no source yet, invalid source, nothing to show
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path.resolve()}")
    return 0


class _ChapterAction(argparse.Action):
    """Resolves chapter numbers and stems, reporting an unknown one as a usage error (exit 2)."""

    def __call__(self, parser, namespace, values, option_string=None):
        try:
            if isinstance(values, list):
                stems = [resolve_chapter(value) for value in values]
                setattr(namespace, self.dest, list(dict.fromkeys(stems)))
            else:
                setattr(namespace, self.dest, resolve_chapter(values))
        except ValueError as error:
            parser.error(str(error))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand (the grader's too, when installed)."""
    parser = argparse.ArgumentParser(
        prog="nncourse",
        description="Neural networks from scratch: build the notebooks, open the course, make slides.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--root",
        metavar="DIR",
        help="the course repository (default: the checkout this package runs from)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    chapters_help = f"chapter number ({CHAPTERS[0].number}–{CHAPTERS[-1].number}) or stem, e.g. 3, 03 or 03_forward_pass"

    build = subparsers.add_parser(
        "build",
        parents=[common],
        help="build the English and Swedish notebooks from the sources",
        description=(
            "Build notebooks/{en,sv}/STEM.ipynb from course/content/lessons/ and the student "
            "exercises exercises/{en,sv}/STEM.ipynb from course/content/exercises/. "
            "Building twice changes no byte."
        ),
    )
    build.add_argument(
        "--check",
        action="store_true",
        help="write no notebook; exit 1 naming every stale, missing or extra notebook",
    )
    build.add_argument(
        "--only", nargs="+", metavar="STEM", action=_ChapterAction, help=f"only these chapters: {chapters_help}"
    )
    build.add_argument(
        "--solutions",
        metavar="DIR",
        help="also write the solution versions of the exercises to DIR/{en,sv}/STEM.ipynb (also with --check)",
    )
    build.add_argument(
        "--teacher",
        metavar="DIR",
        help="also write the teacher edition to DIR/notebooks/{en,sv} (lessons with the teacher's "
        "notes) and DIR/exercises/{en,sv} (exercises with solutions)",
    )
    build.set_defaults(func=_cmd_build)

    init = subparsers.add_parser(
        "init",
        help="write your own copy of the course (lessons and exercises) into a folder",
        description=(
            "Write the student edition of the course into FOLDER (notebooks/LANG and exercises/LANG). "
            "Run it again to get new chapters and corrections: a notebook you have changed is never "
            "overwritten (it is named instead)."
        ),
    )
    init.add_argument("folder", metavar="FOLDER", help="a folder of your own, e.g. ~/nncourse (created if missing)")
    init.add_argument("--lang", choices=LANGUAGES, help="only this language (default: both)")
    init.add_argument(
        "--teacher", action="store_true", help="the teacher edition: teacher's notes in the lessons, solutions in the exercises"
    )
    init.set_defaults(func=_cmd_init)

    lab = subparsers.add_parser(
        "lab",
        help="open the course in JupyterLab on the start page",
        description=(
            "Bring the course folder up to date (as `nncourse init` does) and start JupyterLab on it "
            "with the start page (00_welcome) in the chosen language. The folder is work/ in a clone of "
            "the repository, otherwise the current folder if it holds the course, otherwise ~/nncourse."
        ),
    )
    lab.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the start page (default: en)")
    lab.add_argument("--dir", metavar="FOLDER", help="the course folder to open (made if missing)")
    lab.add_argument(
        "--teacher", action="store_true", help="the teacher edition: teacher's notes in the lessons, solutions in the exercises"
    )
    lab.add_argument("--no-browser", action="store_true", help="start the server without opening a browser")
    lab.set_defaults(func=_cmd_lab)

    slides = subparsers.add_parser(
        "slides",
        parents=[common],
        help="write a reveal.js slide deck of a lesson",
        description=(
            "Write OUT/LANG/STEM.slides.html, a reveal.js deck of the chapter's lesson: run, so its "
            "figures are on the slides; cut to slide size; with the teacher's notes as speaker notes "
            "(press S). The file works offline: reveal.js is inside it and formulas are MathML. "
            "To lecture with live widgets instead, open the lesson in JupyterLab, run it, and press "
            "the deck button in the notebook's toolbar."
        ),
    )
    slides.add_argument("chapter", action=_ChapterAction, help=chapters_help)
    slides.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the deck (default: en)")
    slides.add_argument("--out", metavar="DIR", help="output directory (default: slides/ in the current folder)")
    slides.add_argument(
        "--no-execute",
        action="store_true",
        help="do not run the lesson first (faster; the deck then shows code without its figures)",
    )
    slides.set_defaults(func=_cmd_slides)

    try:
        from course.grader.cli import register as register_grade
    except ModuleNotFoundError as error:
        # Only "the grader is not there yet" is tolerated; a broken import inside it is not.
        if error.name not in ("course.grader", "course.grader.cli"):
            raise
    else:
        register_grade(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        return 2
    return int(args.func(args))
