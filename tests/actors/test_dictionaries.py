"""The PETRARCH2/Phoenix dictionaries as knowledge: dated roles, agent nouns, the converter's parsing."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from eventscope.actors.kb import DatedRole, KBEntry, name_key

ROOT = Path(__file__).resolve().parents[2]


def _converter():
    spec = importlib.util.spec_from_file_location("convert_phoenix", ROOT / "scripts" / "convert_phoenix.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_a_role_holds_only_between_its_dates():
    entry = KBEntry(
        "person",
        "A. Minister",
        "ABC",
        "GOV",
        roles=(DatedRole("ABC", "GOV", "2006-05-20", "2014-09-08"),),
        after_roles=DatedRole("ABC", None),
    )
    assert entry.at("2008-01-01") == ("ABC", "GOV")
    assert entry.at("2014-09-08") == ("ABC", "GOV")  # limits are inclusive
    assert entry.at("2016-01-01") == ("ABC", None)
    assert entry.at(None) == ("ABC", "GOV")


def test_the_latest_holding_role_wins():
    entry = KBEntry(
        "person",
        "B",
        "ABC",
        None,
        roles=(DatedRole("ABC", "OPP", "1990-01-01", None), DatedRole("ABC", "GOV", "2005-01-01", "2009-12-31")),
    )
    assert entry.at("2007-06-01") == ("ABC", "GOV")
    assert entry.at("2012-06-01") == ("ABC", "OPP")


def test_curated_people_take_dated_roles_from_the_dictionaries(kb):
    maliki = kb.lookup(name_key("Nouri al-Maliki"), "Nouri al-Maliki")
    assert maliki is not None and maliki.kind == "person"
    assert maliki.at("2008-03-01") == ("IRQ", "GOV")
    assert maliki.at("2016-03-01")[1] != "GOV"


def test_dictionary_people_and_groups_are_known(kb):
    assert kb.stats()["people"] > 10_000
    assert kb.stats()["armed_groups"] > 500
    # every dictionary role says something: a country or a sector
    sample = [p for p in kb.people if p.roles][:200]
    assert all(r.country or r.sector for p in sample for r in p.roles)


def test_unnamed_attackers_and_victims_have_sectors(kb):
    assert kb.groups["gunman"] == "UAF"
    assert kb.groups["assailant"] == "UAF"
    assert kb.groups["villager"] == "CVL"
    assert kb.groups["passenger"] == "CVL"
    assert kb.groups.get("gendarme") == "POL"


def test_agent_nouns_do_not_contradict_the_curated_ones(kb):
    assert "village" not in kb.groups  # a place, not an actor
    assert "spokesman" not in kb.groups  # a title, whose sector comes from context
    assert kb.groups.get("government forces") == "MIL"  # the head noun decides
    assert kb.groups.get("militiaman") == "MILITIA"


def test_bare_titles_are_not_aliases_of_anyone(kb):
    for title in ("minister", "the president", "spokesman"):
        assert kb.names.get(name_key(title), []) == [] or all(
            e.kind not in ("person", "org") for e in kb.names[name_key(title)]
        )


def test_nicknames_of_one_common_word_are_not_aliases(kb):
    # "The Foundation" is a Phoenix alias of a Chicago gang; it must not claim "... Community Foundation"
    assert all(e.kind not in ("person", "org") for e in kb.names.get(name_key("The Foundation"), []))
    assert kb.lookup(name_key("World Bank"), "World Bank") is not None


def test_converter_reads_dates_codes_and_records(tmp_path):
    conv = _converter()
    assert conv.parse_date("040517") == "2004-05-17"
    assert conv.parse_date("680101") == "1968-01-01"
    assert conv.parse_date("20140908") == "2014-09-08"
    assert conv.parse_restriction(">20100201") == ("2010-02-01", None)
    assert conv.parse_restriction("<450703") == (None, "1945-07-03")
    countries = {"IRQ", "USA"}
    assert conv.split_code("IRQGOVBUS", countries) == ("IRQ", "GOV")
    assert conv.split_code("USAMIL", countries) == ("USA", "MIL")
    assert conv.split_code("IGOUNO", countries) == (None, "IGO")
    assert conv.split_code("~COP", countries) == (None, "POL")
    actor_file = tmp_path / "x.actors.txt"
    actor_file.write_text(
        "# comment\nJANE_ROE_  # note\n+MS_ROE\n+ROE\n\t[XYZGOV 20010101-20051231]\n\t[XYZELI]\n"
        "XYZLAND_ [XYZ]\n+XYZLANDIA_\n",
        encoding="utf-8",
    )
    records = conv.read_actor_file(actor_file)
    assert [r.phrase for r in records] == ["JANE_ROE_", "XYZLAND_"]
    assert records[0].synonyms == ["MS_ROE", "ROE"]
    assert records[0].dated == [("XYZGOV", "2001-01-01", "2005-12-31")] and records[0].default == "XYZELI"
    people = conv.convert_people(records, {"XYZ"}, {"XYZ": "Xyzland"})
    assert people == [
        {
            "name": "Jane Roe",
            "aliases": ["MS Roe", "ROE"],
            "default": {"country": "XYZ", "sector": None},
            "roles": [{"country": "XYZ", "sector": "GOV", "start": "2001-01-01", "end": "2005-12-31"}],
        }
    ]


def test_shipped_files_carry_the_licence():
    folder = ROOT / "src" / "eventscope" / "data" / "actors" / "phoenix"
    assert "MIT" in (folder / "LICENSE").read_text(encoding="utf-8")
    people = json.loads((folder / "people.json").read_text(encoding="utf-8"))
    assert all(r["start"] is None or r["end"] is None or r["start"] <= r["end"] for p in people for r in p["roles"])


def test_the_document_date_picks_the_role(nlp, resolver):
    doc = nlp("Nouri al-Maliki criticised the militias.")  # no title: the date alone decides
    head = next(t for t in doc if t.text == "Maliki")
    in_office = resolver.for_document(doc, "2008-03-01").resolve_token(head)
    out_of_office = resolver.for_document(doc, "2016-03-01").resolve_token(head)
    assert in_office is not None and (in_office.country, in_office.sector) == ("IRQ", "GOV")
    assert out_of_office is not None and out_of_office.country == "IRQ" and out_of_office.sector != "GOV"
