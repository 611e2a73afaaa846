import json

from eventscope.ingest import read_inputs
from eventscope.ingest.readers import MAX_DOCUMENT_CHARS, make_document, parse_date


def test_text_file_keeps_first_line_as_text_and_derives_stable_id(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Troops crossed the river.\r\n\r\nThe ministry confirmed it.\n", encoding="utf-8")
    first = list(read_inputs([str(path)]))
    second = list(read_inputs([str(path)]))
    assert len(first) == 1
    doc = first[0]
    assert doc.error is None and doc.title is None
    assert doc.text == "Troops crossed the river.\nThe ministry confirmed it."
    assert doc.doc_id == second[0].doc_id and len(doc.doc_id) == 16


def test_jsonl_bad_lines_are_reported_and_the_rest_goes_on(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": "Rebels attacked a convoy.", "date": "March 3, 2021", "title": "T"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "ok-2", "text": "Police arrested two men."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(read_inputs([str(path)]))
    assert [d.doc_id for d in docs if d.error is None] == ["ok-1", "ok-2"]
    assert docs[0].date == "2021-03-03" and docs[0].title == "T"
    errors = [d.error for d in docs if d.error]
    assert len(errors) == 3
    assert any("[E104]" in e for e in errors) and any("[E101]" in e for e in errors)


def test_binary_undecodable_and_missing_inputs_become_error_records(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary" * 10)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("Protesters marched in the capital.", encoding="utf-8")
    docs = list(read_inputs([str(tmp_path), str(tmp_path / "nope.txt")]))
    by_error = {d.origin.rsplit("/", 1)[-1]: d.error for d in docs}
    assert "[E102]" in by_error["bin.txt"]
    assert "[E101]" in by_error["empty.txt"]
    assert by_error["good.txt"] is None
    assert "[E107]" in by_error["nope.txt"]


def test_latin1_text_is_decoded_not_rejected(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "The café owner in Genève said the président's convoy passed at noon, "
        "and the crowd cheered as it went by.".encode("latin-1")
    )
    doc = next(read_inputs([str(path)]))
    assert doc.error is None and "président" in doc.text and "café" in doc.text


def test_french_text_is_decoded_and_reported_as_unsupported(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le président a rencontré le ministre à Genève pour des négociations.".encode("latin-1"))
    doc = next(read_inputs([str(path)]))
    assert "président" in doc.text
    assert doc.language == "fr" and doc.error.startswith("[E108] language fr not supported")


def test_huge_document_is_reported():
    doc = make_document("word " * (MAX_DOCUMENT_CHARS // 4))
    assert doc.error and "[E105]" in doc.error and doc.text == ""


def test_html_boilerplate_is_removed_and_metadata_read(tmp_path):
    html = """<html><head><title>Talks resume in Doha</title>
    <meta property="article:published_time" content="2022-05-04"></head><body>
    <nav>Home | World | Sport | Subscribe now</nav>
    <article><p>Negotiators from both sides met in Doha on Tuesday to resume talks on a prisoner exchange,
    the foreign ministry said in a statement issued late in the evening.</p>
    <p>The mediators said the next round would focus on humanitarian access to the besieged towns.</p></article>
    <footer>Copyright. Cookie policy. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = next(read_inputs([str(path)]))
    assert doc.error is None
    assert "Negotiators from both sides" in doc.text
    assert "Subscribe" not in doc.text and "Cookie" not in doc.text
    assert doc.title == "Talks resume in Doha" and doc.date == "2022-05-04"


def test_csv_corpus_and_default_date(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('id,text,source\nr1,"Troops withdrew from the town.",wire\n', encoding="utf-8")
    doc = next(read_inputs([str(path)], default_date="2020-01-02"))
    assert (doc.doc_id, doc.source, doc.date) == ("r1", "wire", "2020-01-02")


def test_parse_date_forms():
    assert parse_date("2021-07-09T10:00:00Z") == "2021-07-09"
    assert parse_date("9 July 2021") == "2021-07-09"
    assert parse_date("not a date at all") is None


RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example Wire</title>
<item><title>Talks in Doha</title><link>https://example.org/a</link><guid>wire-a</guid>
<pubDate>Tue, 04 Jun 2024 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Negotiators met in Doha on Tuesday.</p><p>The mediators said talks would resume.</p>]]>
</content:encoded></item>
<item><title>No body</title><link>https://example.org/b</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><id>tag:example.org,2024:1</id><title>Strike in Lagos</title><link href="https://example.org/c"/>
<published>2024-06-05T08:00:00Z</published><summary>Dock workers went on strike in Lagos.</summary></entry>
</feed>"""


def test_rss_and_atom_feeds_give_one_document_per_item(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    (tmp_path / "broken.xml").write_text("<rss><channel><item>", encoding="utf-8")
    docs = {d.doc_id: d for d in read_inputs([str(tmp_path)])}
    doha = docs["wire-a"]
    assert doha.text == "Negotiators met in Doha on Tuesday.\nThe mediators said talks would resume."
    assert (doha.title, doha.date, doha.url, doha.source) == (
        "Talks in Doha",
        "2024-06-04",
        "https://example.org/a",
        "Example Wire",
    )
    assert docs["tag:example.org,2024:1"].date == "2024-06-05"
    assert docs["tag:example.org,2024:1"].text == "Dock workers went on strike in Lagos."
    errors = [d.error for d in docs.values() if d.error]
    assert any("E101" in e for e in errors)  # the item without a body
    assert any("E104" in e for e in errors)  # the malformed feed
