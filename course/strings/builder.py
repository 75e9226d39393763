"""Strings the notebook builder writes into student exercise notebooks."""

STRINGS = {
    # The comment above the stub that replaces a solution region.
    "builder.stub_comment": {"en": "Your code here", "sv": "Din kod här"},
    # The message of the NotImplementedError the stub raises until the student answers.
    "builder.stub_message": {
        "en": "Not answered yet: write your solution here.",
        "sv": "Inte besvarad än: skriv din lösning här.",
    },
}
