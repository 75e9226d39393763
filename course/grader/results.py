"""The strict schema of the result messages a submission's runner sends back.

Everything on the result pipe comes from a process that ran a student's code, so the
grader checks the shape of every decoded message before it reads a single field:
exactly these keys, with these types, and nothing else. A message that does not fit
makes the submission's status "protocol" (:mod:`course.grader.sandbox`), never an
exception in the grader.

========================================  ===========================================
message                                   meaning
========================================  ===========================================
``{"done": True}``                        the runner finished
``{"cell": i, "error": [type, text]}``    code cell ``i`` (0-based) raised
``{"q": id, "status": s}``                s: "missing", "not_answered"
``{"q": id, "status": "not_callable",     the question's name is bound to a non-function
"type": name}``
``{"q": id, "case": k, "status": s, …}``  one test: s is "value" (+ ``value``),
                                          "not_answered", "skipped", "timeout"
                                          (+ ``seconds``), "error" (+ ``error``),
                                          "unsupported" (+ ``kind``, ``detail``)
========================================  ===========================================
"""

from __future__ import annotations

from typing import Any

MAX_TEXT = 100_000
UNSUPPORTED_KINDS = ("type", "dtype", "key", "too_large", "too_deep")


def _text(value: Any) -> bool:
    return type(value) is str and len(value) <= MAX_TEXT


def _index(value: Any) -> bool:
    return type(value) is int and 0 <= value < 1_000_000_000


def _error_pair(value: Any) -> bool:
    return type(value) is list and len(value) == 2 and all(_text(part) for part in value)


def _number(value: Any) -> bool:
    return type(value) in (int, float)


_CASE_FIELDS = {
    "value": ({"value"}, lambda m: True),
    "not_answered": (set(), lambda m: True),
    "skipped": (set(), lambda m: True),
    "timeout": ({"seconds"}, lambda m: _number(m["seconds"])),
    "error": ({"error"}, lambda m: _error_pair(m["error"])),
    "unsupported": ({"kind", "detail"}, lambda m: m["kind"] in UNSUPPORTED_KINDS and _text(m["detail"])),
}


def problem(message: Any) -> str | None:
    """None when ``message`` fits the schema, else what is wrong with it (for report.json)."""
    if type(message) is not dict or not all(type(key) is str for key in message):
        return "a result message that is not a dict with text keys"
    keys = set(message)
    if keys == {"done"}:
        return None if message["done"] is True else "a malformed done message"
    if keys == {"cell", "error"}:
        return None if _index(message["cell"]) and _error_pair(message["error"]) else "a malformed cell error"
    if "q" not in keys or "status" not in keys:
        return f"a result message with unknown fields {sorted(keys)[:5]}"
    if not _text(message["q"]) or type(message["status"]) is not str:
        return "a result message whose question or status is not text"
    status = message["status"]
    if "case" not in keys:
        if status in ("missing", "not_answered") and keys == {"q", "status"}:
            return None
        if status == "not_callable" and keys == {"q", "status", "type"} and _text(message["type"]):
            return None
        return f"a malformed question result (status {status[:40]!r})"
    if not _index(message["case"]) or status not in _CASE_FIELDS:
        return f"a malformed test result (status {status[:40]!r})"
    extra, valid = _CASE_FIELDS[status]
    if keys != {"q", "case", "status"} | extra or not valid(message):
        return f"a malformed test result (status {status!r})"
    return None
