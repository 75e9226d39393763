"""What a code cell does and what it says to people, told apart.

The builder's rule for code in two languages (CONTRIBUTING.md): an en/sv pair of code
cells is one program whose comments and strings differ (:func:`code_skeleton` is the
program without them), and a code cell shared by both languages carries no text for
people (:func:`prose_in_code` finds such text).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize


def _strip_magics(text: str) -> tuple[str, tuple[str, ...]]:
    """Cell text with IPython magic and shell lines replaced by ``pass``, and those lines."""
    lines, magics = [], []
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("%", "!")):
            magics.append(stripped)
            lines.append(line[: len(line) - len(stripped)] + "pass")
        else:
            lines.append(line)
    return "\n".join(lines), tuple(magics)


class _BlankText(ast.NodeTransformer):
    """Replace every string constant by "" and drop the literal parts of f-strings."""

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, str):
            return ast.copy_location(ast.Constant(value=""), node)
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        node.values = [self.visit(value) for value in node.values if not isinstance(value, ast.Constant)]
        return node


def first_line(source: str, ellipsis: str = "…", width: int = 60) -> str:
    """The first non-blank line of ``source``, stripped and cut to ``width`` characters
    (ending in ``ellipsis`` when cut); "" for a blank cell. For naming a cell in a message."""
    for line in source.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= width else line[: width - len(ellipsis)] + ellipsis
    return ""


def code_skeleton(text: str) -> str:
    """The program ``text`` is, without its comments and the contents of its strings.

    Two cells with the same skeleton differ only in text meant for people, which is what
    an en/sv pair of code cells may differ in.
    """
    code, magics = _strip_magics(text)
    tree = _BlankText().visit(ast.parse(code))
    return ast.dump(tree, include_attributes=False) + "\n" + "\n".join(magics)


def first_difference(a: str, b: str) -> str:
    """The first pair of lines, ignoring comments, whose programs differ (for an error message)."""
    a_lines = [line.strip() for line in a.splitlines() if line.strip() and not line.strip().startswith("#")]
    b_lines = [line.strip() for line in b.splitlines() if line.strip() and not line.strip().startswith("#")]
    for left, right in zip(a_lines, b_lines):
        if code_skeleton_line(left) != code_skeleton_line(right):
            return f"{left[:60]!r} / {right[:60]!r}"
    return "the number of lines"


def code_skeleton_line(line: str) -> str:
    try:
        return code_skeleton(line)
    except SyntaxError:
        return line


# Text in a code cell that is meant for people: a word of three letters or more in a comment;
# in a string, a word of two letters or more next to a space, a colon or an equals sign.
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_STRING_PROSE_RE = re.compile(r"[^\W\d_]{2,}[ :=]|[ :=][^\W\d_]{2,}|[^\W\d_]{2,}\s*$(?<=\s)")
_PRAGMA_RE = re.compile(r"#\s*(noqa|type:|pragma|fmt:|BEGIN SOLUTION|END SOLUTION)\b")
_FIELD_RE = re.compile(r"\{[^{}]*\}")
# Strings with spaces that are options to code, not text: matplotlib's legend locations.
_CODE_PHRASES = frozenset(
    f"{vertical} {horizontal}" for vertical in ("upper", "lower", "center") for horizontal in ("left", "right", "center")
) | {"center left", "center right", "upper center", "lower center"}


def prose_in_code(text: str) -> list[str]:
    """The comments, docstrings and strings of ``text`` that are written for people.

    A code cell shared by both languages must have none: they differ per language, so such a
    cell is written as an en/sv pair (CONTRIBUTING.md). Names, keys and options such as
    ``"relu"`` or ``"val_loss"`` are code, not prose.
    """
    found = []
    code, _ = _strip_magics(text)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []  # the kernel reports broken code; the rule is about text
    docstrings = _docstring_lines(code)
    for token in tokens:
        if token.type == tokenize.COMMENT:
            if not _PRAGMA_RE.match(token.string) and _WORD_RE.search(token.string):
                found.append(f"comment on line {token.start[0]}: {token.string.strip()[:50]!r}")
        elif token.type == tokenize.STRING:
            literal = _FIELD_RE.sub("", _string_body(token.string))
            if literal.strip() in _CODE_PHRASES:
                continue
            if token.start[0] in docstrings and _WORD_RE.search(literal):
                found.append(f"docstring on line {token.start[0]}: {literal.strip()[:50]!r}")
            elif _STRING_PROSE_RE.search(literal.strip() + (" " if literal.endswith(" ") else "")) or (
                literal != literal.strip() and _WORD_RE.search(literal)
            ):
                found.append(f"string on line {token.start[0]}: {token.string[:50]}")
    return found


def _string_body(literal: str) -> str:
    body = literal.lstrip("rRbBuUfF")
    quote = body[:3] if body[:3] in ('"""', "'''") else body[:1]
    return body[len(quote) : len(body) - len(quote)]


def _docstring_lines(code: str) -> set[int]:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                lines.add(first.lineno)
    return lines
