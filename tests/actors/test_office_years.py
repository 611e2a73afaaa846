"""Curated people whose office string carries years ("(2017-2021, 2025-)") hold their sector only in those years."""

from __future__ import annotations

import json

from eventscope.actors.kb import DatedRole, combined_roles, load_knowledge_base, office_roles


def _user_kb(tmp_path, people):
    path = tmp_path / "people.json"
    path.write_text(json.dumps({"people": people}), encoding="utf-8")
    kb = load_knowledge_base([path], dictionaries=False)
    return {e.name: e for e in kb.people}


def test_office_years_become_roles():
    assert office_roles("President of the United States (2017-2021, 2025-)", "USA", "GOV") == (
        DatedRole("USA", "GOV", "2017-01-01", "2021-12-31"),
        DatedRole("USA", "GOV", "2025-01-01", None),
    )
    assert office_roles("President of Ruritania (since 2014)", "RUR", "GOV") == (
        DatedRole("RUR", "GOV", "2014-01-01", None),
    )
    assert office_roles("President of Syria (2025-), former HTS leader", "SYR", "GOV") == (
        DatedRole("SYR", "GOV", "2025-01-01", None),
    )
    assert office_roles("Prime Minister of Israel", "ISR", "GOV") == ()
    assert office_roles("Islamic State leader (d. 2019)", None, "REB") == ()  # a death year is not a term
    assert office_roles(None, "USA", "GOV") == ()


def test_the_document_date_picks_the_office(tmp_path):
    people = _user_kb(
        tmp_path,
        [
            {"name": "Ann Example", "country": "USA", "sector": "GOV", "office": "President (2017-2021, 2025-)"},
            {"name": "Bo Example", "country": "USA", "sector": "GOV", "office": "President of Ruritania"},
        ],
    )
    ann, bo = people["Ann Example"], people["Bo Example"]
    assert ann.at("2018-06-01") == ("USA", "GOV")  # in office
    assert ann.at("2017-01-01") == ("USA", "GOV")  # a start year holds from January 1
    assert ann.at("2021-12-31") == ("USA", "GOV")  # an end year up to December 31
    assert ann.at("2016-10-01") == ("USA", None)  # a candidate, not the government
    assert ann.at("2023-05-01") == ("USA", None)
    assert ann.at("2026-01-01T10:00:00") == ("USA", "GOV")
    assert ann.at(None) == ("USA", "GOV")  # no date: the entry's own
    assert bo.roles == () and bo.at("1990-01-01") == ("USA", "GOV") == bo.at(None)  # no years: unchanged


def test_trump_is_no_government_in_2016(kb):
    trump = kb.lookup("donald trump", "Donald Trump")
    assert trump is not None and trump.name == "Donald Trump"
    assert trump.at("2016-10-01") == ("USA", None)
    assert trump.at("2018-03-01") == ("USA", "GOV")
    assert trump.at(None) == ("USA", "GOV")


def test_dictionary_roles_still_win(kb):
    clinton = kb.lookup("hillary clinton", "Hillary Clinton")
    assert clinton is not None and clinton.roles and clinton.roles[0].start != "2009-01-01"
    assert clinton.at("2010-06-01") == ("USA", "GOV")
    assert clinton.at("2016-10-01")[1] is None


def test_a_2016_article_codes_the_candidate_without_a_sector(nlp, resolver):
    doc = nlp("Donald Trump attacked the media at a rally.")
    head = next(t for t in doc if t.text == "Trump")
    candidate = resolver.for_document(doc, "2016-10-01").resolve_token(head)
    president = resolver.for_document(doc, "2018-03-01").resolve_token(head)
    undated = resolver.for_document(doc).resolve_token(head)
    assert candidate is not None and (candidate.country, candidate.sector) == ("USA", None)
    assert president is not None and (president.country, president.sector) == ("USA", "GOV")
    assert undated is not None and (undated.country, undated.sector) == ("USA", "GOV")


def test_office_years_fill_the_years_the_dictionary_does_not_cover():
    office = office_roles("Chancellor of Ruritania (2021-2025)", "RUR", "GOV")
    dictionary = (DatedRole("RUR", "GOV", "2008-03-01", "2009-10-31"),)  # a minister, as the dictionary knew him
    roles, after = combined_roles(dictionary, None, office)
    assert roles == (*dictionary, DatedRole("RUR", "GOV", "2021-01-01", "2025-12-31"))
    assert after is None


def test_a_dated_dictionary_role_is_never_overridden_inside_its_span():
    office = office_roles("President of Ruritania (2001-2009)", "RUR", "GOV")
    dictionary = (
        DatedRole("RUR", None, "1964-01-01", "2001-01-20"),
        DatedRole("RUR", "GOV", "2001-01-20", "2009-01-20"),
    )
    roles, _ = combined_roles(dictionary, None, office)
    assert roles == dictionary  # every office year is touched by a dated role: the exact dates stand


def test_an_open_dictionary_role_ends_with_the_curated_term():
    inside = combined_roles(
        (DatedRole("RUR", "GOV", "2009-01-20", None),),
        None,
        office_roles("President of Ruritania (2009-2017)", "RUR", "GOV"),
    )
    assert inside[0] == (DatedRole("RUR", "GOV", "2009-01-20", "2017-12-31"),)
    before = combined_roles(  # a prime minister since 2011 who heads an alliance from 2024
        (DatedRole("RUR", "GOV", "2011-01-01", None),),
        None,
        office_roles("Alliance Secretary General (2024-)", None, "IGO"),
    )
    assert before[0] == (DatedRole("RUR", "GOV", "2011-01-01", "2023-12-31"), DatedRole(None, "IGO", "2024-01-01"))


def test_an_undated_default_that_is_the_office_holds_only_in_its_years():
    roles, after = combined_roles(
        (), DatedRole("RUR", "GOV"), office_roles("Regional president (2005-2017)", "RUR", "GOV")
    )
    assert roles == (DatedRole("RUR", "GOV", "2005-01-01", "2017-12-31"),)
    assert after == DatedRole("RUR", None)
    _, other = combined_roles((), DatedRole("RUR", "MIL"), office_roles("Minister (2005-2017)", "RUR", "GOV"))
    assert other == DatedRole("RUR", "MIL")  # a different undated role is kept


def test_both_sources_combine_in_the_bundled_kb(kb):
    scholz = kb.lookup("olaf scholz", "Olaf Scholz")
    assert scholz is not None and scholz.at("2023-03-01") == ("DEU", "GOV")  # the dictionaries stop in 2009
    obama = kb.lookup("barack obama", "Barack Obama")
    assert obama is not None and obama.at("2012-03-01") == ("USA", "GOV") and obama.at("2020-03-01") == ("USA", None)
    rutte = kb.lookup("mark rutte", "Mark Rutte")
    assert rutte is not None and rutte.at("2015-03-01") == ("NLD", "GOV") and rutte.at("2025-03-01") == (None, "IGO")
