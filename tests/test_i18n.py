"""The UI-string table (course.i18n): both languages for every key, same placeholders."""

from __future__ import annotations

import importlib
import pkgutil
import string

import pytest

import course
import course.strings
from course import i18n


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_table_is_not_empty_and_has_the_builders_strings():
    table = i18n.strings()
    assert "builder.stub_message" in table and "common.loss" in table


@pytest.mark.parametrize("key", sorted(i18n.strings()))
def test_every_key_has_exactly_both_languages_with_the_same_placeholders(key):
    entry = i18n.strings()[key]
    assert sorted(entry) == sorted(i18n.LANGUAGES), f"{key!r} has languages {sorted(entry)}"
    for lang in i18n.LANGUAGES:
        assert isinstance(entry[lang], str) and entry[lang].strip(), f"{key!r} is empty in {lang!r}"
    assert placeholders(entry["en"]) == placeholders(entry["sv"]), (
        f"{key!r}: placeholders differ: en {sorted(placeholders(entry['en']))}, "
        f"sv {sorted(placeholders(entry['sv']))}"
    )


def test_keys_are_namespaced_by_the_module_that_defines_them():
    # CONTRIBUTING.md: strings for an area live in course/strings/AREA.py as "AREA.name".
    for info in pkgutil.iter_modules(course.strings.__path__):
        module = importlib.import_module(f"course.strings.{info.name}")
        for key in getattr(module, "STRINGS", {}):
            area, _, name = key.partition(".")
            assert area == info.name and name, f"key {key!r} in course/strings/{info.name}.py"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_t_formats_in_the_requested_language(lang):
    assert course.t("builder.stub_comment", lang) == i18n.strings()["builder.stub_comment"][lang]


def test_set_language_switches_and_rejects_unknown_languages_in_both_languages():
    before = course.get_language()
    try:
        course.set_language("sv")
        assert course.get_language() == "sv"
        assert course.t("common.loss") == "förlust"
        with pytest.raises(ValueError, match=r"unknown language 'fr'; expected one of en, sv") as info:
            course.set_language("fr")
        assert "okänt språk 'fr'; välj ett av en, sv" in str(info.value)
        assert course.get_language() == "sv"
    finally:
        course.set_language(before)


def test_t_names_a_missing_key():
    with pytest.raises(KeyError, match=r"no UI string 'builder.nope'"):
        course.t("builder.nope")


# Swedish strings are Swedish (issue 11): the same text as the English one only where the
# text is symbols and names, and none of the patterns a Swedish editor flagged.

# Words that are the same in both languages and fine in a Swedish label: names of functions,
# methods and libraries, terms the glossary keeps in English, and words spelt alike.
SAME_IN_BOTH = {
    "relu", "leaky", "tanh", "sigmoid", "softmax", "mse", "mae", "sgd", "adam", "xor", "and", "or",
    "nnlib", "dense", "none", "momentum", "feature", "map", "padding", "stride", "xavier", "he", "var",
    "batch", "bias", "iteration", "spiral", "minimum", "cell", "student", "filter",
    "in", "out",  # of n_in and n_out
    "lagom",  # the English lesson borrows the Swedish word
}
# Every area is checked (a tuple of key prefixes to leave out while an area is rewritten).
NOT_YET: tuple[str, ...] = ()
SWEDISH_PATTERNS = {
    r"\bmen fick\b": "subjectless 'förväntade …, men fick …': write 'väntat: …; ditt svar: …'",
    r"\b[Ff]örväntade\b": "subjectless 'förväntade …': write 'väntat: …'",
    r"\bslutkod": "'returkod', not 'slutkod'",
    r"\bger ut\b": "'ger som utdata', not 'ger ut'",
    r"\b(datan|indatan|utdatan)\b": "data, indata and utdata are uncountable",
    r"\ben (indata|utdata)\b|\b\d+ (indata|utdata)\b": "'indatavärden' / 'utdatanoder' when counted",
    r"\bframme inte\b": "'inte framme'",
    r"\bcentrerad": "'central differens'",
    r"\bpredicera": "'predikterad'",
    r"\bolinjär": "'icke-linjär'",
    r"\brörelsemängd": "'momentum'",
    r"\bslinga": "'loop'",
    r"\bsteglängd": "'differenssteg h' (the difference step) or 'stride'",
    r"\d\.\d": "a decimal comma in Swedish (0,5)",
    r"\"": "Swedish quotation marks ”…”",
}


def _words(text: str) -> set[str]:
    import re

    text = re.sub(r"\{[^{}]*\}", " ", text)  # placeholders
    text = re.sub(r"\$[^$]*\$", " ", text)  # mathematics
    text = re.sub(r"<[^>]*>", " ", text)  # HTML tags
    return {word.lower() for word in re.findall(r"[A-Za-zÅÄÖåäöÉé]{2,}", text)}


@pytest.mark.parametrize("key", sorted(k for k in i18n.strings() if not k.startswith(NOT_YET)))
def test_swedish_differs_from_english_unless_it_is_symbols_and_names(key):
    entry = i18n.strings()[key]
    if entry["sv"] == entry["en"]:
        words = _words(entry["sv"]) - SAME_IN_BOTH
        assert not words, f"{key!r}: the Swedish text is the English one, {entry['sv']!r} (words {sorted(words)})"


@pytest.mark.parametrize("key", sorted(k for k in i18n.strings() if not k.startswith(NOT_YET)))
def test_swedish_strings_avoid_the_flagged_patterns(key):
    import re

    swedish = re.sub(r"\{[^{}]*\}", "", i18n.strings()[key]["sv"])
    for pattern, advice in SWEDISH_PATTERNS.items():
        assert not re.search(pattern, swedish), f"{key!r}: {advice}; in {i18n.strings()[key]['sv']!r}"


def test_the_pattern_check_can_fail():
    import re

    for bad in ("förväntade 3, men fick 4", "gav 0.5", "en indata", "(framme inte ens efter 5 steg)"):
        assert any(re.search(pattern, bad) for pattern in SWEDISH_PATTERNS), bad
    assert _words("leaky ReLU: {x} $f(z)$") - SAME_IN_BOTH == set()
    assert _words("largest difference") - SAME_IN_BOTH == {"largest", "difference"}
