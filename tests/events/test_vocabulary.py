"""The shared vocabulary (``data/vocabulary.json``): distinct classes, and the ones that must not overlap don't."""

from __future__ import annotations

import json

import pytest

from eventscope.vocabulary import Vocabulary, load_vocabulary, read_vocabulary

REQUIRED_DISJOINT = {
    ("person_nouns", "weapon_nouns"),
    ("person_nouns", "target_place_nouns"),
    ("weapon_nouns", "target_place_nouns"),
}
"""Pairs whose overlap made wrong events: "jet" as a person noun left "Israeli jets" without a country."""


def test_declared_disjoint_classes_do_not_overlap() -> None:
    vocabulary = load_vocabulary()
    assert REQUIRED_DISJOINT <= set(vocabulary.must_not_overlap)
    assert vocabulary.overlaps() == {}


def test_overlap_is_reported(tmp_path) -> None:
    raw = {
        "classes": {"a": {"why": "x", "words": ["jet", "man"]}, "b": {"why": "y", "words": ["Jet"]}},
        "must_not_overlap": [["a", "b"]],
    }
    path = tmp_path / "vocabulary.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert read_vocabulary(path).overlaps() == {("a", "b"): frozenset({"jet"})}


def test_every_class_says_why_and_unknown_names_fail() -> None:
    vocabulary: Vocabulary = load_vocabulary()
    for name in [*vocabulary.classes, *vocabulary.maps]:
        assert vocabulary.reasons[name], name
    for name, words in vocabulary.classes.items():
        assert words and all(w == w.lower() for w in words), name
    with pytest.raises(KeyError):
        vocabulary.words("no_such_class")


def test_no_word_class_is_left_in_the_coder_code(nlp) -> None:
    """Word lists live in the data file: no module of the event stage (the classifier aside: it is the model's)
    names a set of 5+ lower-case words.  Sets of dependency labels are grammar, not vocabulary."""
    import ast
    from importlib import resources

    labels = {label.lower() for label in nlp.get_pipe("parser").labels} | {"obj"}
    folder = resources.files("eventscope") / "events"
    for item in folder.iterdir():
        if not item.name.endswith(".py") or item.name == "classifier.py":
            continue
        tree = ast.parse(item.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Set):
                continue
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            strings = [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) >= 5 and all(s.islower() for s in strings) and not set(strings) <= labels:
                raise AssertionError(f"{item.name}:{node.lineno}: a word list in code ({names})")
