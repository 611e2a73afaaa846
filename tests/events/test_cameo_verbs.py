"""PETRARCH2's CAMEO verb dictionary as trigger data: every row maps to a PLOVER type; used in recall mode."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from eventscope.events.lexicon import load_lexicon
from eventscope.events.ontology import load_ontology

CAMEO_VERBS = Path(str(resources.files("eventscope") / "data" / "cameo_verbs.tsv"))


def test_every_cameo_verb_maps_to_a_plover_type_and_valid_mode():
    ontology = load_ontology()
    rows = [
        line.split("\t")
        for line in CAMEO_VERBS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(rows) > 500
    for verb, cameo, event_type, mode in rows:
        assert event_type in ontology.types, (verb, event_type)
        assert cameo.isdigit() and len(cameo) in (2, 3, 4)
        assert not mode or mode in ontology.modes(event_type), (verb, event_type, mode)


def test_recall_mode_adds_verbs_the_curated_lexicon_lacks_and_keeps_curated_senses():
    curated, widened = load_lexicon(), load_lexicon(with_cameo_verbs=True)
    assert len(widened.words) > len(curated.words) + 500
    for key, entry in curated.words.items():
        assert widened.words[key] == entry  # a curated sense is never replaced
    assert ("blackmail", "VERB") not in curated.words
    assert widened.words[("blackmail", "VERB")].event_type == "COERCE"
