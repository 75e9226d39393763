"""The class report: a picture of a graded batch for the teacher, in the teacher's language.

``nncourse grade`` writes it beside grades.csv as ``class_report.html`` (one self-contained
page: inline style and SVG figures, no script, nothing fetched, so it opens offline) and
``class_report.md`` (the same content as text). It shows

- the run: submissions, maximum, mean and median total, how long grading took, limits
  and isolation;
- the score distribution (a histogram of the totals);
- per question: the mean, the share with full marks, the share not answered, how often
  the name was missing because a cell that defines it raised, the most often failed
  tests with a count and an example of the message (the first student's, without their
  name), and the known misconceptions recognised, with counts;
- the submissions that timed out, crashed, sent malformed results or were not gradable,
  with the reason; the files that were skipped; the warnings.

Everything is a pure function of the :class:`~course.grader.grade.GradeResult` and the
language; the only input that varies between runs is ``GradeResult.seconds``.
Numbers shown go through :func:`course.numbers.fmt` (decimal comma in Swedish).
"""

from __future__ import annotations

import html
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from course.exercise import Message, Misconception, Test
from course.grader.grade import GradeResult, QuestionResult, SubmissionResult
from course.grader.report import exercise_title, markdown_code
from course.i18n import LANGUAGES, t
from course.numbers import fmt, fmt_percent

HTML_FILE = "class_report.html"
MARKDOWN_FILE = "class_report.md"
TOP_TESTS = 3
UNANSWERED = ("missing", "not_callable", "not_answered")
_BAR = "█"


@dataclass(frozen=True)
class FailingTest:
    """A test that answered submissions failed: how many, and the first one's message."""

    test: Test
    count: int
    example: Message | None


@dataclass(frozen=True)
class QuestionSummary:
    """What the class did on one question (counts over all submissions unless said otherwise)."""

    result_index: int
    mean: Fraction
    full_marks: int
    unanswered: int
    missing_after_cell_error: int
    answered_and_ran: int
    failing: tuple[FailingTest, ...]
    misconceptions: tuple[tuple[Misconception, int], ...]


def histogram(totals: list[Fraction], maximum: Fraction) -> list[tuple[Fraction, Fraction, int]]:
    """``(low, high, count)`` bars over ``[0, maximum]``: width 1 point up to 12 points, else a tenth rounded up.

    A bar counts ``low <= total < high``; the last one also counts ``total == maximum``.
    """
    if maximum <= 0:
        return [(Fraction(0), Fraction(0), len(totals))]
    width = Fraction(1) if maximum <= 12 else Fraction(math.ceil(maximum / 10))
    edges = [Fraction(0)]
    while edges[-1] + width < maximum:
        edges.append(edges[-1] + width)
    edges.append(maximum)
    bars = []
    for low, high in zip(edges, edges[1:]):
        last = high == maximum
        bars.append((low, high, sum(1 for x in totals if low <= x < high or (last and x == high))))
    return bars


def _bar_length(count: int, highest: int, longest: int = 40) -> int:
    """A text bar's length: one block per submission, scaled down when the tallest bar would pass ``longest``."""
    return count if highest <= longest else math.ceil(longest * count / highest)


def summarise_question(result: GradeResult, index: int) -> QuestionSummary:
    """The class's results on question number ``index`` (0-based)."""
    answers: list[tuple[SubmissionResult, QuestionResult]] = [(s, s.questions[index]) for s in result.submissions]
    question = result.exercise.questions[index]
    maximum = Fraction(str(question.points))
    count = max(len(answers), 1)
    ran = [(s, q) for s, q in answers if s.status == "graded" and q.status in ("passed", "partial", "failed")]
    failures: Counter[int] = Counter()
    examples: dict[int, Message | None] = {}
    for _, q in ran:
        for case in q.cases:
            if not case.passed:
                failures[case.test.index] += 1
                examples.setdefault(case.test.index, case.message)
    tests = question.tests()
    failing = tuple(FailingTest(tests[i], n, examples[i])
                    for i, n in sorted(failures.items(), key=lambda item: (-item[1], item[0]))[:TOP_TESTS])
    seen: Counter[str] = Counter(m.id for _, q in answers for m in q.misconceptions)
    misconceptions = tuple(sorted(((m, seen[m.id]) for m in question.misconceptions if seen[m.id]),
                                  key=lambda pair: -pair[1]))
    return QuestionSummary(
        result_index=index,
        mean=sum((q.points for _, q in answers), Fraction(0)) / count,
        full_marks=sum(1 for _, q in answers if q.points == maximum),
        unanswered=sum(1 for _, q in answers if q.status in UNANSWERED),
        missing_after_cell_error=sum(1 for s, q in answers if q.status == "missing" and any(
            question.name in error.defines for error in s.cell_errors)),
        answered_and_ran=len(ran),
        failing=failing,
        misconceptions=misconceptions,
    )


def _points(value: Fraction | float, lang: str) -> str:
    return fmt(round(float(value), 2), lang=lang)


def _duration(seconds: float, lang: str) -> str:
    if seconds < 60:
        return f"{fmt(seconds, decimals=1, lang=lang)}\u00a0s"
    minutes, rest = divmod(seconds, 60)
    return t("grader.cr_minutes", lang, minutes=int(minutes), seconds=fmt(rest, decimals=1, lang=lang))


def _share(count: int, total: int, lang: str) -> str:
    return f"{fmt_percent(count / total if total else 0.0, decimals=0, lang=lang)} ({count})"


def _range(low: Fraction, high: Fraction, lang: str) -> str:
    return f"{_points(low, lang)}–{_points(high, lang)}"


def _title(result: GradeResult, lang: str) -> str:
    return t("grader.cr_title", lang, title=exercise_title(result.exercise.stem, lang))


def _facts(result: GradeResult, lang: str) -> list[tuple[str, str]]:
    totals = [s.total for s in result.submissions]
    facts = [(t("grader.cr_submissions", lang), fmt(len(totals), lang=lang)),
             (t("grader.cr_max", lang), _points(result.max_points, lang))]
    if totals:
        facts += [(t("grader.cr_mean", lang), _points(sum(totals, Fraction(0)) / len(totals), lang)),
                  (t("grader.cr_median", lang), _points(statistics.median(totals), lang))]
    if result.seconds is not None:
        facts.append((t("grader.cr_duration", lang), _duration(result.seconds, lang)))
    facts.append((t("grader.cr_limits", lang), f"{fmt(result.limits.timeout, lang=lang)}\u00a0s, "
                                                f"{fmt(result.limits.memory_mb, lang=lang)}\u00a0MB"))
    facts.append((t("grader.cr_isolation", lang), t("grader.cr_isolation_bwrap" if result.isolation == "bwrap"
                                                    else "grader.cr_isolation_process", lang)))
    return facts


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"class report: expected a language in {LANGUAGES}, but received {lang!r}")


def _md_cell(text: str) -> str:
    """``text`` on one line of a Markdown table (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", text).strip().replace("|", "\\|")


def class_report_markdown(result: GradeResult, lang: str = "en") -> str:
    """The class report as Markdown, in ``lang``."""
    _check_lang(lang)
    lines = [f"# {_title(result, lang)}", "", "| | |", "|---|---|"]
    lines += [f"| {name} | {_md_cell(value)} |" for name, value in _facts(result, lang)]
    bars = histogram([s.total for s in result.submissions], result.max_points)
    lines += ["", f"## {t('grader.cr_distribution', lang)}", "",
              f"| {t('grader.cr_points', lang)} | {t('grader.cr_submissions', lang)} | |", "|---|---|---|"]
    highest = max((count for _, _, count in bars), default=0)
    lines += [f"| {_range(low, high, lang)} | {count} | {_BAR * _bar_length(count, highest)} |"
              for low, high, count in bars]
    lines += ["", t("grader.cr_distribution_note", lang), "", f"## {t('grader.cr_questions', lang)}", "",
              f"| {t('grader.cr_question', lang)} | {t('grader.cr_points', lang)} | {t('grader.cr_mean', lang)} | "
              f"{t('grader.cr_full', lang)} | {t('grader.cr_not_answered', lang)} |", "|---|---|---|---|---|"]
    summaries = [summarise_question(result, i) for i in range(len(result.exercise.questions))]
    total = len(result.submissions)
    for question, summary in zip(result.exercise.questions, summaries):
        lines.append(f"| {question.id} ({question.name}) | {_points(question.points, lang)} | "
                     f"{_points(summary.mean, lang)} | {_share(summary.full_marks, total, lang)} | "
                     f"{_share(summary.unanswered, total, lang)} |")
    for question, summary in zip(result.exercise.questions, summaries):
        lines += ["", f"### {question.id} ({question.name})", ""]
        if summary.missing_after_cell_error:
            lines += [t("grader.cr_not_defined", lang, count=summary.missing_after_cell_error), ""]
        lines += [f"**{t('grader.cr_failing', lang)}.** "
                  f"{t('grader.cr_failing_base', lang, count=summary.answered_and_ran)}", ""]
        if not summary.failing:
            lines.append(t("grader.cr_no_failing", lang))
        for item in summary.failing:
            call = "" if item.test.case is None else f", {markdown_code(item.test.call_text())}"
            lines.append(f"- {item.test.label().render(lang)}{call}: "
                         f"{_share(item.count, summary.answered_and_ran, lang)}, "
                         f"{t('grader.cr_example_inline', lang)}")
            text = item.example.render(lang) if item.example is not None else ""
            lines += ["  ~~~", *(f"  {line}" for line in text.replace("~~~", "~ ~ ~").splitlines() or [""]), "  ~~~"]
        lines += ["", f"**{t('grader.cr_misconceptions', lang)}.**", ""]
        if summary.misconceptions:
            lines += [f"- `{m.id}`: {_share(count, total, lang)}. {_md_cell(m.message[lang])}"
                      for m, count in summary.misconceptions]
        elif question.misconceptions:
            lines.append(t("grader.cr_no_misconceptions", lang, count=len(question.misconceptions)))
        else:
            lines.append(t("grader.cr_no_misconceptions_listed", lang))
    lines += ["", f"## {t('grader.cr_problems', lang)}", ""]
    problems = [s for s in result.submissions if s.status != "graded"]
    if problems:
        lines += [f"| {t('grader.cr_student', lang)} | {t('grader.cr_status', lang)} | {t('grader.cr_reason', lang)} |",
                  "|---|---|---|"]
        lines += [f"| {_md_cell(s.student)} | {t('grader.status_' + s.status, lang)} | "
                  f"{_md_cell(s.reason.render(lang) if s.reason else '')} |" for s in problems]
    else:
        lines.append(t("grader.cr_no_problems", lang))
    with_errors = sum(1 for s in result.submissions if s.status == "graded" and s.cell_errors)
    lines += ["", t("grader.cr_cell_errors", lang, count=with_errors), "", f"## {t('grader.cr_skipped', lang)}", ""]
    if result.skipped:
        lines += [f"| {t('grader.cr_file', lang)} | {t('grader.cr_reason', lang)} |", "|---|---|"]
        lines += [f"| {_md_cell(s.file)} | {_md_cell(s.reason.render(lang))} |" for s in result.skipped]
    else:
        lines.append(t("grader.cr_none", lang))
    lines += ["", f"## {t('grader.cr_warnings', lang)}", ""]
    lines += [f"- {_md_cell(w.render(lang))}" for w in result.warnings] or [t("grader.cr_none", lang)]
    lines += ["", "---", "", t("grader.cr_footer", lang)]
    return "\n".join(lines) + "\n"


_STYLE = """\
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1d2330;line-height:1.45}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #d7dbe3;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0}th,td{border:1px solid #d7dbe3;padding:.25rem .6rem;text-align:left;
vertical-align:top}th{background:#f2f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums}
pre{background:#f6f7f9;padding:.4rem .6rem;margin:.2rem 0;white-space:pre-wrap;font-size:.85rem}
code{font-size:.9rem}.note{color:#4a5263;font-size:.9rem}svg{display:block;margin:.6rem 0;max-width:100%}
svg text{font-family:inherit;font-size:12px;fill:#1d2330}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _histogram_svg(bars: list[tuple[Fraction, Fraction, int]], lang: str) -> str:
    width, height, left, bottom, top = 640, 230, 40, 40, 24
    plot_w, plot_h = width - left - 10, height - bottom - top
    highest = max((count for _, _, count in bars), default=0) or 1
    step = plot_w / max(len(bars), 1)
    title = t("grader.cr_histogram_title", lang)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}"><title>{_e(title)}</title>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#7a8294"/>']
    for i, (low, high, count) in enumerate(bars):
        bar_h = plot_h * count / highest
        x = left + i * step + step * 0.1
        y = top + plot_h - bar_h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" height="{bar_h:.1f}" fill="#3b6fb6">'
                     f'<title>{_e(_range(low, high, lang))}: {count}</title></rect>')
        parts.append(f'<text x="{x + step * 0.4:.1f}" y="{y - 5:.1f}" text-anchor="middle">{count}</text>')
        parts.append(f'<text x="{x + step * 0.4:.1f}" y="{top + plot_h + 16:.1f}" text-anchor="middle">'
                     f'{_e(_range(low, high, lang))}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" text-anchor="middle">'
                 f'{_e(t("grader.cr_points", lang))}</text></svg>')
    return "".join(parts)


def _means_svg(result: GradeResult, summaries: list[QuestionSummary], lang: str) -> str:
    row, left, plot_w = 26, 150, 420
    height = row * len(summaries) + 10
    title = t("grader.cr_means_title", lang)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + plot_w + 70}" height="{height}" '
             f'viewBox="0 0 {left + plot_w + 70} {height}" role="img" aria-label="{_e(title)}"><title>{_e(title)}</title>']
    for i, (question, summary) in enumerate(zip(result.exercise.questions, summaries)):
        share = float(summary.mean / Fraction(str(question.points)))
        y = 5 + i * row
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{_e(question.id)} ({_e(question.name)})</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{plot_w}" height="{row - 8}" fill="#e4e8ef"/>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{plot_w * share:.1f}" height="{row - 8}" fill="#3b6fb6"/>')
        parts.append(f'<text x="{left + plot_w + 6}" y="{y + 15}">{_e(fmt_percent(share, decimals=0, lang=lang))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list[str]], numeric: tuple[int, ...] = ()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f'<td class="n">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
                                    for i, cell in enumerate(cells)) + "</tr>" for cells in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def class_report_html(result: GradeResult, lang: str = "en") -> str:
    """The class report as one self-contained HTML page, in ``lang``."""
    _check_lang(lang)
    title = _title(result, lang)
    total = len(result.submissions)
    summaries = [summarise_question(result, i) for i in range(len(result.exercise.questions))]
    out = [f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
           f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(title)}</title>\n'
           f"<style>\n{_STYLE}</style>\n</head>\n<body>\n<h1>{_e(title)}</h1>\n"]
    out.append("<table><tbody>" + "".join(f'<tr><th scope="row">{_e(name)}</th><td>{_e(value)}</td></tr>'
                                          for name, value in _facts(result, lang)) + "</tbody></table>")
    out.append(f"\n<h2>{_e(t('grader.cr_distribution', lang))}</h2>\n")
    out.append(_histogram_svg(histogram([s.total for s in result.submissions], result.max_points), lang))
    out.append(f'\n<p class="note">{_e(t("grader.cr_distribution_note", lang))}</p>\n')
    out.append(f"<h2>{_e(t('grader.cr_questions', lang))}</h2>\n")
    out.append(_table(
        [t("grader.cr_question", lang), t("grader.cr_points", lang), t("grader.cr_mean", lang),
         t("grader.cr_full", lang), t("grader.cr_not_answered", lang)],
        [[f"{_e(q.id)} ({_e(q.name)})", _e(_points(q.points, lang)), _e(_points(s.mean, lang)),
          _e(_share(s.full_marks, total, lang)), _e(_share(s.unanswered, total, lang))]
         for q, s in zip(result.exercise.questions, summaries)], numeric=(1, 2, 3, 4)))
    out.append(f'\n<p class="note">{_e(t("grader.cr_means_title", lang))}</p>\n{_means_svg(result, summaries, lang)}\n')
    for question, summary in zip(result.exercise.questions, summaries):
        out.append(f"<h3>{_e(question.id)} ({_e(question.name)})</h3>\n")
        if summary.missing_after_cell_error:
            out.append(f"<p>{_e(t('grader.cr_not_defined', lang, count=summary.missing_after_cell_error))}</p>\n")
        out.append(f"<p><strong>{_e(t('grader.cr_failing', lang))}.</strong> "
                   f"{_e(t('grader.cr_failing_base', lang, count=summary.answered_and_ran))}</p>\n")
        if summary.failing:
            out.append(_table(
                [t("grader.cr_test", lang), t("grader.cr_failed", lang), t("grader.cr_example", lang)],
                [[_e(item.test.label().render(lang)) + ("" if item.test.case is None else
                                                       f"<br><code>{_e(item.test.call_text())}</code>"),
                  _e(_share(item.count, summary.answered_and_ran, lang)),
                  f"<pre>{_e(item.example.render(lang) if item.example is not None else '')}</pre>"]
                 for item in summary.failing], numeric=(1,)))
        else:
            out.append(f"<p>{_e(t('grader.cr_no_failing', lang))}</p>")
        out.append(f"\n<p><strong>{_e(t('grader.cr_misconceptions', lang))}.</strong></p>\n")
        if summary.misconceptions:
            out.append(_table(
                [t("grader.cr_misconception", lang), t("grader.cr_submissions", lang), t("grader.cr_message", lang)],
                [[f"<code>{_e(m.id)}</code>", _e(_share(count, total, lang)), _e(m.message[lang])]
                 for m, count in summary.misconceptions], numeric=(1,)))
        elif question.misconceptions:
            out.append(f"<p>{_e(t('grader.cr_no_misconceptions', lang, count=len(question.misconceptions)))}</p>")
        else:
            out.append(f"<p>{_e(t('grader.cr_no_misconceptions_listed', lang))}</p>")
        out.append("\n")
    out.append(f"<h2>{_e(t('grader.cr_problems', lang))}</h2>\n")
    problems = [s for s in result.submissions if s.status != "graded"]
    if problems:
        out.append(_table([t("grader.cr_student", lang), t("grader.cr_status", lang), t("grader.cr_reason", lang)],
                          [[_e(s.student), _e(t("grader.status_" + s.status, lang)),
                            _e(s.reason.render(lang) if s.reason else "")] for s in problems]))
    else:
        out.append(f"<p>{_e(t('grader.cr_no_problems', lang))}</p>")
    with_errors = sum(1 for s in result.submissions if s.status == "graded" and s.cell_errors)
    out.append(f"\n<p>{_e(t('grader.cr_cell_errors', lang, count=with_errors))}</p>\n")
    out.append(f"<h2>{_e(t('grader.cr_skipped', lang))}</h2>\n")
    if result.skipped:
        out.append(_table([t("grader.cr_file", lang), t("grader.cr_reason", lang)],
                          [[_e(s.file), _e(s.reason.render(lang))] for s in result.skipped]))
    else:
        out.append(f"<p>{_e(t('grader.cr_none', lang))}</p>")
    out.append(f"\n<h2>{_e(t('grader.cr_warnings', lang))}</h2>\n")
    if result.warnings:
        out.append("<ul>" + "".join(f"<li>{_e(w.render(lang))}</li>" for w in result.warnings) + "</ul>")
    else:
        out.append(f"<p>{_e(t('grader.cr_none', lang))}</p>")
    out.append(f'\n<hr>\n<p class="note">{_e(t("grader.cr_footer", lang))}</p>\n</body>\n</html>\n')
    return "".join(out)


def write_class_report(result: GradeResult, out: str | Path, lang: str = "en") -> list[Path]:
    """Write class_report.html and class_report.md into ``out`` (never through a symbolic link); return the paths."""
    _check_lang(lang)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in ((HTML_FILE, class_report_html(result, lang)), (MARKDOWN_FILE, class_report_markdown(result, lang))):
        path = out / name
        if path.is_symlink():
            path.unlink()
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


__all__ = ["HTML_FILE", "MARKDOWN_FILE", "class_report_html", "class_report_markdown", "histogram",
           "summarise_question", "write_class_report"]
