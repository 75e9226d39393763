"""The teacher's batch grader: ``nncourse grade EXERCISE SUBMISSIONS... --out DIR``.

Modules: :mod:`~course.grader.grade` (collect, run, score), :mod:`~course.grader.sandbox`
(one fresh, limited process per submission, forked from a pre-warmed server),
:mod:`~course.grader.worker` (what runs inside that process), :mod:`~course.grader.codec`
(plain data across the boundary, never pickle), :mod:`~course.grader.report` (grades.csv,
report.json, feedback files), :mod:`~course.grader.classreport` (the teacher's class
report), :mod:`~course.grader.gradebook` (Canvas and Moodle imports) and
:mod:`~course.grader.cli` (the command).

This package imports nothing at import time: the worker process loads it before any
student code runs and must stay small.
"""
