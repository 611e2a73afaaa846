"""Ingest keeps what it can: broken CSV rows, symlink loops, hostile HTML and mojibake (issue 12)."""

import os

import pytest

from eventscope.ingest import read_inputs, readers
from eventscope.ingest.readers import make_document


def _docs(path):
    return list(read_inputs([str(path)]))


def test_csv_broken_quote_is_one_error_with_its_line_and_does_not_swallow_the_next_rows(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text(
        "id,text\n"
        'r1,"Troops entered the town on Monday."\n'
        'r2,"The ministry said it would respond\n'
        'r3,"Police dispersed a march in the capital."\n'
        "r4,Rebels shelled the airport.\n",
        encoding="utf-8",
    )
    docs = _docs(path)
    assert [d.doc_id for d in docs if d.error is None] == ["r1", "r3", "r4"]
    errors = [d for d in docs if d.error]
    assert len(errors) == 1
    assert "[E104]" in errors[0].error and f"{path}:3" in errors[0].error
    assert all("ministry" not in d.text for d in docs), "the broken row must not be merged into another"


def test_csv_quoted_field_over_several_lines_is_one_row(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text(
        "id,text\n"
        'm1,"Rebels attacked a convoy near Gao.\n'
        'The army said three soldiers died, and two were hurt."\n'
        'm2,"A second report, ""quoted"" here."\n',
        encoding="utf-8",
    )
    docs = _docs(path)
    assert [d.doc_id for d in docs] == ["m1", "m2"] and all(d.error is None for d in docs)
    assert docs[0].text.endswith("two were hurt.") and 'A second report, "quoted" here.' == docs[1].text


def test_csv_huge_field_is_one_error_and_the_rows_after_it_are_kept(tmp_path):
    path = tmp_path / "huge.csv"
    huge = "x" * (readers.MAX_DOCUMENT_CHARS + 10)
    path.write_text(f'id,text\nh1,"Troops left Gao."\nh2,"{huge}"\nh3,"Police arrested two men."\n', encoding="utf-8")
    docs = _docs(path)
    assert [d.doc_id for d in docs] == ["h1", "h2", "h3"]
    assert [bool(d.error) for d in docs] == [False, True, False]
    assert "[E105]" in docs[1].error or "[E104]" in docs[1].error


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loops_are_error_records_and_real_files_are_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "real.txt").write_text("Rebels attacked a base near Kidal on Tuesday.", encoding="utf-8")
    os.symlink("self.txt", folder / "self.txt")
    os.symlink("..", folder / "up")
    os.symlink(folder / "real.txt", folder / "alias.txt")
    docs = _docs(folder)
    by_origin = {d.origin: d for d in docs}
    assert by_origin[str(folder / "real.txt")].error is None
    assert by_origin[str(folder / "alias.txt")].error is None
    assert "[E107]" in by_origin[str(folder / "self.txt")].error
    assert "symlink loop" in by_origin[str(folder / "up")].error
    assert len({d.doc_id for d in docs if d.error}) == 2, "each failure is its own record"


ARTICLE = (
    "<p>Rebels attacked an army base near Kidal on Tuesday, killing three soldiers, officials said.</p>"
    "<p>The army said it had sent reinforcements to the region and that the attackers fled north.</p>"
)


def test_html_nested_300_deep_still_gives_its_text(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(f"<html><body>{'<div>' * 300}{ARTICLE}{'</div>' * 300}</body></html>", encoding="utf-8")
    doc = _docs(path)[0]
    assert doc.error is None and "Rebels attacked an army base near Kidal" in doc.text
    assert "reinforcements" in doc.text


def test_html_huge_script_does_not_hide_the_article(tmp_path):
    path = tmp_path / "script.html"
    script = "<script>var blob = '" + "a" * 11_000_000 + "';</script>"
    path.write_text(f"<html><head>{script}</head><body><article>{ARTICLE}</article></body></html>", encoding="utf-8")
    doc = _docs(path)[0]
    assert doc.error is None and "killing three soldiers" in doc.text and "aaaa" not in doc.text


def test_html_reprint_notice_falls_back_to_recall_then_density(monkeypatch):
    calls = []

    def fake_extract(html, **mode):
        calls.append(mode)
        return "This article was originally published by the Wire and is republished with permission."

    monkeypatch.setattr(readers, "_trafilatura_text", fake_extract)
    doc = readers._from_html(f"<html><body><nav><a href='/'>Home</a></nav>{ARTICLE}</body></html>", "page.html")
    assert calls == [{"favor_precision": True}, {"favor_recall": True}]
    assert "Rebels attacked an army base" in doc.text and "Home" not in doc.text
    assert any("density" in warning for warning in doc.warnings)


def test_notice_detection_keeps_real_articles():
    assert readers._is_notice(None) and readers._is_notice("Copyright 2024 The Wire. All rights reserved.")
    assert not readers._is_notice("Rebels attacked an army base near Kidal on Tuesday, killing three soldiers.")


def test_mojibake_is_repaired_with_a_warning_and_clean_text_is_untouched():
    import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252 (how browsers misread UTF-8)

    damaged = "The minister said: “We won’t negotiate,” in Bamako.".encode().decode("sloppy-windows-1252")
    doc = make_document(damaged)
    assert "won’t negotiate" in doc.text and "â€" not in doc.text
    assert doc.warnings == ("mojibake repaired (ftfy)",)
    clean = make_document("Protesters in São Paulo and Zürich marched — “peacefully”, police said.")
    assert clean.warnings == () and "São Paulo" in clean.text and "“peacefully”" in clean.text


def test_windows_1252_punctuation_read_as_control_characters_is_restored_one_for_one():
    """ "\\x97" is Windows-1252's em dash seen through Latin-1: the parser took it for a word."""
    text = "A rumour spread by text messaging \x97 warning people to stay away from the mall, \x93police\x94 said."
    doc = make_document(text)
    assert doc.text == "A rumour spread by text messaging — warning people to stay away from the mall, “police” said."
    assert len(doc.text) == len(text)  # offsets hold
    assert doc.warnings == ("C1 control characters read as Windows-1252 (ftfy)",)


def test_a_horizontal_bar_is_read_as_a_dash_and_gold_offsets_still_align():
    from eventscope.ingest.normalize import normalize_text, offset_map

    original = "Crutcher, 40 \u2015 a father \u2015 was shot  in Tulsa."
    normalized = normalize_text(original)
    assert normalized == "Crutcher, 40 \u2014 a father \u2014 was shot in Tulsa."
    mapping = offset_map(original, normalized)
    start = original.index("Tulsa")
    assert normalized[mapping[start] : mapping[start] + 5] == "Tulsa"
