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
