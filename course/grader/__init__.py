"""The teacher's batch grader: ``nncourse grade EXERCISE SUBMISSIONS... --out DIR``.

Modules, in the order data flows: :mod:`~course.grader.submissions` (find and name the
hand-ins), :mod:`~course.grader.notebook` (read a notebook leniently),
:mod:`~course.grader.sandbox`
(one fresh, limited process per submission, forked from a pre-warmed server),
:mod:`~course.grader.worker` (what runs inside that process), :mod:`~course.grader.codec`
(plain data across the boundary, never pickle), :mod:`~course.grader.scoring` (compare and
score, outside the sandbox), :mod:`~course.grader.grade` (the pipeline that runs them all),
:mod:`~course.grader.report` (grades.csv,
report.json, feedback files), :mod:`~course.grader.classreport` (the teacher's class
report), :mod:`~course.grader.gradebook` (Canvas and Moodle imports) and
:mod:`~course.grader.cli` (the command).

This package imports nothing at import time: the worker process loads it before any
student code runs and must stay small.
"""
