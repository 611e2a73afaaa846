"""Curated people whose office string carries years ("(2017-2021, 2025-)") hold their sector only in those years."""

from __future__ import annotations

import json

from eventscope.actors.kb import DatedRole, load_knowledge_base, office_roles


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
