"""The class report (course.grader.classreport): its numbers, worked by hand, and its two forms."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from html.parser import HTMLParser

import pytest
from report_fixture import fixture_result

from course.grader.classreport import (
    class_report_html, class_report_markdown, histogram, summarise_question, write_class_report,
)

RESULT = fixture_result()


def test_histogram_bars_of_one_point_with_full_marks_in_the_last():
    totals = [Fraction(0), Fraction(1), Fraction(1), Fraction(1), Fraction(2), Fraction(4)]
    assert histogram(totals, Fraction(4)) == [(0, 1, 1), (1, 2, 3), (2, 3, 1), (3, 4, 1)]


def test_histogram_of_a_fractional_maximum_and_of_many_points():
    # 4.5 points: bars 0-1, 1-2, 2-3, 3-4, 4-4.5; 4.5 itself is in the last one, 3.99 in the one before.
    bars = histogram([Fraction(9, 2), Fraction(399, 100), Fraction(0)], Fraction(9, 2))
    assert [(float(low), float(high), n) for low, high, n in bars] == [
        (0, 1, 1), (1, 2, 0), (2, 3, 0), (3, 4, 1), (4, 4.5, 1)]
    # 30 points: a tenth of the maximum per bar, 3 points each.
    bars = histogram([Fraction(30), Fraction(3), Fraction(29)], Fraction(30))
    assert len(bars) == 10 and bars[1] == (3, 6, 1) and bars[-1] == (27, 30, 2)
    assert histogram([], Fraction(4)) == [(0, 1, 0), (1, 2, 0), (2, 3, 0), (3, 4, 0)]


def test_question_summary_counts_by_hand():
    q1 = summarise_question(RESULT, 0)
    # q1 (2 points): anna 2, bertil 0, cecilia 0 (missing after a SyntaxError), david 1 (timeout after two of
    # four tests), erik 0 (invalid), filippa 2 (crashed after q1): mean 5/6.
    assert q1.mean == Fraction(5, 6)
    assert (q1.full_marks, q1.unanswered, q1.missing_after_cell_error) == (2, 1, 1)
    # Only graded submissions that answered and ran count for the failing tests: anna and bertil.
    assert q1.answered_and_ran == 2
    assert [(item.test.index, item.count) for item in q1.failing] == [(0, 1), (1, 1), (2, 1)]
    assert "4.6" in q1.failing[0].example.render("en")  # bertil's message, without his name
    assert [(m.id, n) for m, n in q1.misconceptions] == [("no_bias", 1)]
    q2 = summarise_question(RESULT, 1)
    assert q2.mean == Fraction(2, 6) and [(m.id, n) for m, n in q2.misconceptions] == [("abs_instead", 1)]


def test_markdown_in_both_languages_with_localised_numbers():
    english = class_report_markdown(RESULT, "en")
    swedish = class_report_markdown(RESULT, "sv")
    assert "| Mean | 1.5 |" in english and "| Medelvärde | 1,5 |" in swedish
    assert "| q1 (dense_forward) | 2 | 0.83 | 33\u00a0% (2) | 17\u00a0% (1) |" in english
    assert "| q1 (dense_forward) | 2 | 0,83 | 33\u00a0% (2) | 17\u00a0% (1) |" in swedish
    assert "| 1–2 | 3 | ███ |" in english
    assert "| dahldavid_104_9104_golden_grading | avbruten vid tidsgränsen |" in swedish


@pytest.mark.parametrize(("seconds", "shown"), [(None, None), (12.34, "| Grading took | 12.3\u00a0s |"),
                                                 (83.4, "| Grading took | 1 min 23.4 s |")])
def test_the_duration_is_shown_only_when_measured(seconds, shown):
    text = class_report_markdown(replace(RESULT, seconds=seconds), "en")
    if shown is None:
        assert "Grading took" not in text
    else:
        assert shown in text


class _Balance(HTMLParser):
    VOID = {"meta", "br", "hr", "line", "rect"}

    def __init__(self):
        super().__init__()
        self.stack, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append((tag, list(self.stack[-3:])))
        else:
            self.stack.pop()


def test_html_is_one_balanced_page_with_nothing_to_fetch():
    for lang in ("en", "sv"):
        page = class_report_html(RESULT, lang)
        parser = _Balance()
        parser.feed(page)
        assert parser.problems == [] and parser.stack == []
        assert page.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in page
        for remote in ("<script", "<link", "<img", "src=", "url(", "@import", "https:"):
            assert remote not in page


def test_html_escapes_what_students_control():
    hostile = replace(RESULT.submissions[4], student="<script>alert(1)</script>")
    page = class_report_html(replace(RESULT, submissions=(*RESULT.submissions[:4], hostile, RESULT.submissions[5])))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_write_class_report_writes_both_files_and_checks_the_language(tmp_path):
    paths = write_class_report(RESULT, tmp_path, "sv")
    assert [p.name for p in paths] == ["class_report.html", "class_report.md"]
    assert paths[1].read_text("utf-8").startswith("# Klassrapport: golden_grading")
    with pytest.raises(ValueError, match="expected a language in .* but received 'de'"):
        write_class_report(RESULT, tmp_path, "de")


def test_an_empty_batch_still_makes_a_report():
    empty = replace(RESULT, submissions=(), skipped=(), warnings=())
    text = class_report_markdown(empty, "en")
    assert "| Submissions | 0 |" in text and "Every submission ran to the end." in text
    assert "<svg" in class_report_html(empty, "en")


def test_text_bars_are_scaled_for_a_large_class():
    many = replace(RESULT, submissions=RESULT.submissions[:1] * 400)  # 400 × anna's 4 points
    text = class_report_markdown(many, "en")
    assert "| 3–4 | 400 | " + "█" * 40 + " |" in text and "| 0–1 | 0 |  |" in text
