"""End to end in a real headless Chromium: the page, the API and the pipeline together."""

from __future__ import annotations

import json
import re
import unicodedata
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seeds" / "000_05fc813fda878262.txt"
ARTIFACTS = REPO / "test-artifacts"


def _fold(text: str) -> str:
    """Lowercase ASCII letters only: "Al ‘Amārah" -> "alamarah"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def _api(desk, path: str) -> dict:
    with urllib.request.urlopen(desk["url"] + path) as response:
        return json.loads(response.read())


def test_paste_the_seed_report(page, desk):
    """Coding the seed live puts the Amarah events on the map and Bergner's quotes in the document view."""
    page.fill("#token", desk["token"])
    page.fill("#paste", SEED.read_text(encoding="utf-8"))
    page.fill("#code-date", "2008-06-20")
    page.check("#store")
    page.click("#code")
    page.wait_for_function(
        "!['', 'coding…'].includes(document.querySelector('#code-status').textContent)", timeout=180_000
    )
    status = page.text_content("#code-status")
    assert "events" in status and "stored" in status, status

    places = [_fold(p) for p in page.eval_on_selector_all("#map circle.point", "els => els.map(e => e.dataset.place)")]
    assert any("amarah" in p for p in places), places
    amarah = page.locator("#map circle.point").filter(has=page.locator("title", has_text=re.compile("m.rah", re.I)))
    assert amarah.count() >= 1

    speakers = page.locator("#document .doc-quote .speaker").all_text_contents()
    assert any("Bergner" in s for s in speakers), speakers
    assert page.locator("#document mark.m-quote").count() >= 1
    # the seed's repeated paragraphs are greyed with a link to the paragraph they repeat
    duplicates = page.locator("#document p.dup")
    assert duplicates.count() >= 1
    target = duplicates.first.get_attribute("data-duplicate-of")
    assert duplicates.first.locator("a.dup-link").get_attribute("href") == f"#para-{target}"
    page.screenshot(path=str(ARTIFACTS / "seed-coded.png"), full_page=True)

    # clicking the Amarah point filters the table to the events there (the point may cluster neighbours)
    clicked = {_fold(p) for p in amarah.first.get_attribute("data-place").split("|")}
    amarah.first.dispatch_event("click")
    page.wait_for_function("document.querySelector('#filters [name=bbox]').value !== ''")
    page.wait_for_function("document.querySelector('#bbox-note').textContent.startsWith('map area')")
    page.wait_for_timeout(500)
    places = [_fold(cell) for cell in page.locator("#events tbody tr td:nth-child(5)").all_text_contents()]
    assert places and set(places) <= clicked, (places, clicked)
    assert any("amarah" in p for p in places)


def test_filter_the_table_by_type_and_country(page, desk):
    expected = _api(desk, "/events?type=ASSAULT&country=IRQ&limit=1")["total"]
    assert expected > 0
    page.select_option("#f-type", "ASSAULT")
    page.fill("#filters [name=country]", "IRQ")
    page.click("#filters button[type=submit]")
    page.wait_for_function(f"document.querySelector('#count').dataset.total === '{expected}'")
    count = page.text_content("#count")
    assert count.endswith(f" of {expected}"), count
    types = page.locator("#events tbody tr td:nth-child(2)").all_text_contents()
    assert types and all(t.strip().startswith("ASSAULT") for t in types), types
    page.screenshot(path=str(ARTIFACTS / "filtered.png"), full_page=True)
    # sorting by confidence reorders the rows
    page.click("#events th[data-sort=confidence]")
    page.wait_for_selector("#events th.sorted-desc[data-sort=confidence]")
    page.wait_for_timeout(300)
    confidences = [float(c) for c in page.locator("#events tbody tr td:nth-child(7)").all_text_contents()]
    assert confidences == sorted(confidences, reverse=True)


def test_open_an_events_evidence(page, desk):
    first = page.locator("#events tbody tr").first
    event_id = first.get_attribute("data-event-id")
    event = _api(desk, f"/events/{event_id}")
    first.click()
    page.wait_for_selector(f"#evidence [data-event-id='{event_id}']")
    trigger = page.locator("#evidence-sentence mark[data-kind=trigger]").text_content()
    assert trigger == event["trigger"]["text"]
    actor = page.locator("#evidence-sentence mark[data-kind=actor1]").text_content()
    assert actor == event["actor1"]["text"]
    place = page.locator("#evidence-sentence mark[data-kind=place]").text_content()
    assert place == event["location"]["text"]
    assert "confidence" in page.text_content("#evidence .confidence")
    reports = page.locator("#evidence .reports li")
    assert reports.count() == len(event["reports"])
    assert event["reports"][0]["title"] in reports.first.text_content()
    page.screenshot(path=str(ARTIFACTS / "evidence.png"), full_page=True)


def test_page_and_timeline_and_network_render(page, desk):
    stats = _api(desk, "/stats")
    assert page.locator("#map path.country").count() > 100  # offline world-atlas outlines
    assert page.locator("#timeline rect.bar").count() >= len(stats["by_family_day"])
    assert page.locator("#network circle.node").count() >= 2
    page.click("#next")
    page.wait_for_function("document.querySelector('#count').textContent.startsWith('21')")


def test_coding_without_the_token_asks_for_it(page):
    page.fill("#paste", "Rebels attacked an army base near Kidal on Tuesday.")
    page.click("#code")
    assert "token" in page.text_content("#code-status")


def test_brushing_the_timeline_sets_the_date_range(page, desk):
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=5)
    page.mouse.up()
    page.wait_for_function("document.querySelector('#filters [name=since]').value !== ''")
    since = page.input_value("#filters [name=since]")
    until = page.input_value("#filters [name=until]")
    assert since < until
    expected = _api(desk, f"/events?since={since}&until={until}&limit=1")["total"]
    page.wait_for_function(f"document.querySelector('#count').dataset.total === '{expected}'")
    dates = page.locator("#events tbody tr td:nth-child(1)").all_text_contents()
    assert all(since <= d <= until for d in dates), (since, until, dates)


def test_dyad_network_filters_by_family(page, desk):
    everything = page.locator("#network line.edge").count()
    page.select_option("#net-family", "verbal_cooperation")
    colours = set(page.eval_on_selector_all("#network line.edge", "els => els.map(e => e.getAttribute('stroke'))"))
    assert colours == {"#4e9a4e"}, colours
    assert page.locator("#network line.edge").count() <= everything
