"""Cell tags understood by the builder, the checker and the grader.

Sources are jupytext percent files. A markdown cell carries exactly one language tag;
a code cell carries none and appears in both languages.
"""

EN = "en"
SV = "sv"
LANGUAGE_TAGS = (EN, SV)

# Code cell removed from the student exercise notebooks (hidden tests, grading setup).
HIDDEN = "hidden"
# Code cell that runs the public checks for a question, e.g. ``check("q1")``.
CHECK = "check"

# Slide tags map to nbconvert's ``slideshow.slide_type``.
SLIDE_TAGS = {
    "slide": "slide",
    "subslide": "subslide",
    "fragment": "fragment",
    "skip": "skip",
    "notes": "notes",
}

# Markdown cell with a note for the teacher (timings, questions to ask, expected answers):
# in the teacher edition and as speaker notes in the slides, never in the student edition.
NOTES = "notes"

KNOWN_TAGS = frozenset((*LANGUAGE_TAGS, HIDDEN, CHECK, *SLIDE_TAGS))

# Solution markers, as in nbgrader and otter-grader.
BEGIN_SOLUTION = "# BEGIN SOLUTION"
END_SOLUTION = "# END SOLUTION"

# The call in a source's first code cell that the builder rewrites per language.
SET_LANGUAGE_EN = 'set_language("en")'
