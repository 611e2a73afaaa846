"""A corpus of hostile inputs: every way a file can be bad, to prove a batch never stalls and loses nothing.

Why generated: the failure modes are known (empty, binary, mixed encodings, mojibake, huge files, malformed
JSONL lines, HTML bombs, other languages, run-on sentences, CSV with broken quotes and huge fields, symlink
loops), and a generator gives each with its expected outcome, at full size for the benchmark
(``benchmarks/badinput.py``) or reduced for the test suite.  Every text in it is written here.

``.manifest.json`` in the output folder (hidden, so it is not read as an input) lists, per input file,
how many records it must yield and how many of them must be errors (``None`` where that depends on the
pipeline, e.g. which encoding the detector settles on).

Run: ``python -m eventscope.evaluation.badinput OUTDIR [--reduced] [--seed S]``
"""

from __future__ import annotations

import argparse
import json
import os
import random
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST = ".manifest.json"
CLAUSES = (
    "rebels attacked an army post near {place}",
    "police arrested {n} protesters in {place}",
    "soldiers shelled villages outside {place}",
    "militants killed {n} villagers near {place}",
    "the governor of {place} condemned the violence",
    "officials in {place} said {n} people were wounded",
    "troops withdrew from {place} after clashes with militia fighters",
    "aid workers fled {place} as gunmen burned the market",
)
PLACES = ("Kidal", "Gao", "Mopti", "Timbuktu", "Bamako", "Sikasso", "Kayes", "Segou", "Niamey", "Agadez")
STORIES = (
    "Rebels attacked an army base near Kidal on Tuesday, killing three soldiers, officials said.",
    "Police in Nairobi arrested 40 protesters who marched against rising fuel prices on Monday.",
    "The foreign ministers of Ghana and Togo met in Accra to discuss security along their border.",
    "Gunmen abducted 12 students from a school in northern Nigeria, a local official said.",
    "The government of Chad accused Sudanese militias of shelling border villages last week.",
)
FOREIGN = {
    "fr": "Des rebelles ont attaqué une base militaire près de Kidal mardi, tuant trois soldats, selon des "
    "responsables locaux. Le gouvernement a condamné cette attaque et promis une enquête rapide.",
    "es": "Los rebeldes atacaron una base del ejército cerca de Kidal el martes y mataron a tres soldados, "
    "dijeron las autoridades. El gobierno condenó el ataque y prometió una investigación.",
    "de": "Rebellen haben am Dienstag einen Armeestützpunkt in der Nähe von Kidal angegriffen und drei "
    "Soldaten getötet, teilten Behördenvertreter mit. Die Regierung verurteilte den Angriff.",
    "pt": "Os rebeldes atacaram uma base do exército perto de Kidal na terça-feira e mataram três soldados, "
    "disseram as autoridades. O governo condenou o ataque e prometeu uma investigação.",
}
ARTICLE = (
    "<p>Rebels attacked an army base near Kidal on Tuesday, killing three soldiers, officials said.</p>"
    "<p>The army said it had sent reinforcements to the region and that the attackers fled north.</p>"
    "<p>Residents of the town said the fighting lasted for several hours before the rebels withdrew.</p>"
)


@dataclass(frozen=True)
class Expected:
    """What coding one input must yield: ``records`` lines in the output, ``errors`` of them with an error."""

    path: str
    records: int
    errors: int | None
    note: str


def long_sentence(chars: int, seed: int = 0, punctuated: bool = True) -> str:
    """One run-on sentence of about ``chars`` characters: clauses joined by commas (or by nothing at all)."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < chars:
        clause = rng.choice(CLAUSES).format(place=rng.choice(PLACES), n=rng.randint(2, 90))
        parts.append(clause)
        length += len(clause) + 6
    joiner = ", and " if punctuated else " and "
    text = joiner.join(parts)
    text = text[0].upper() + text[1:]
    return text + "." if punctuated else text


def _mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (as browsers do, undefined bytes kept): the classic "â€™" damage."""
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

    return text.encode("utf-8").decode("sloppy-windows-1252")


def generate(out: Path, reduced: bool = False, seed: int = 0) -> list[Expected]:
    """Write the corpus into ``out`` (created) and return (and write) the manifest."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    expected: list[Expected] = []

    def write(name: str, data: bytes | str, records: int, errors: int | None, note: str) -> None:
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected.append(Expected(name, records, errors, note))

    write("empty.txt", b"", 1, 1, "empty file: E101")
    write("blank.txt", b" \n\t\n  ", 1, 1, "only whitespace: E101")
    write("binary.txt", bytes(rng.randrange(256) for _ in range(4096)) + b"\x00" * 16, 1, 1, "binary: E102")
    write(
        "cp1252.txt",
        "Officials said the café in Gao was closed – “for now”.".encode("cp1252"),
        1,
        0,
        "Windows-1252 text, decoded",
    )
    mixed = STORIES[0].encode("utf-8") + b"\n" + "Le café à Gao était fermé.".encode("latin-1") + b"\n"
    write("mixed-encoding.txt", mixed + STORIES[1].encode("utf-8"), 1, None, "UTF-8 and Latin-1 in one file")
    quoted = "The minister said: “We won’t negotiate with the rebels,” before leaving Bamako — officials said."
    write("mojibake.txt", _mojibake(quoted), 1, 0, "UTF-8 read as cp1252, repaired by ftfy")
    big = (50 if not reduced else 21) * 1_000_000
    line = (STORIES[0] + "\n").encode()
    write("huge.txt", line * (big // len(line) + 1), 1, 1, "too large: E105")

    lines = 100_000 if not reduced else 2_000
    jsonl: list[str] = []
    malformed = 0
    for number in range(lines):
        if number % 97 == 0:
            jsonl.append(f'{{"id": "broken-{number}", "text": "unterminated')
            malformed += 1
        elif number % 1000 == 1:
            jsonl.append(json.dumps({"id": f"story-{number}", "text": long_sentence(300, seed=number)}))
        else:
            jsonl.append(json.dumps({"id": f"copy-{number}", "text": STORIES[number % len(STORIES)]}))
    write("corpus.jsonl", "\n".join(jsonl) + "\n", lines, malformed, "malformed lines: E104, the rest kept")

    def article(kind: str) -> str:  # distinct pages: identical text would be one document (one content id)
        return f"{ARTICLE}<p>This page was written to test {kind} in the ingest of HTML pages.</p>"

    nested = "<div>" * 300 + article("deep nesting") + "</div>" * 300
    write(
        "deep-nesting.html",
        f"<html><head><title>Deep</title></head><body>{nested}</body></html>",
        1,
        0,
        "300 nested tags around the article",
    )
    script_size = (11 if not reduced else 2) * 1_000_000
    script = "<script>var x = '" + "a" * script_size + "';</script>"
    body = f"<body><article>{article('a huge script')}</article></body>"
    write("huge-script.html", f"<html><head>{script}</head>{body}</html>", 1, 0, "a huge script before the article")
    bomb = (
        '<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    body = f"<body><p>&c;&c;&c;</p>{'&amp;' * 50_000}<article>{article('an entity bomb')}</article></body>"
    write("entity-bomb.html", f"{bomb}<html>{body}</html>", 1, 0, "entity expansion attempt; the article survives")

    for code, text in FOREIGN.items():
        write(f"lang-{code}.txt", text, 1, 1, f"{code}: not coded (E108)")

    sizes = (10_000, 40_000) if reduced else (10_000, 40_000, 200_000)
    for size in sizes:
        write(f"long-sentence-{size // 1000}k.txt", long_sentence(size, seed=size), 1, 0, "one run-on sentence")
    unpunctuated = 200_000 if not reduced else 40_000
    write(
        f"unpunctuated-{unpunctuated // 1000}k.txt",
        long_sentence(unpunctuated, seed=3, punctuated=False),
        1,
        0,
        "no punctuation at all",
    )

    field = (30 if not reduced else 2) * 1_000_000
    rows = [
        "id,text",
        f'a1,"{STORIES[0]}"',
        f'a2,"{STORIES[1]} He said ""no"" twice."',
        f'a3,"{STORIES[2]}',
        f'a4,"{STORIES[3]}"',
        f'a5,"{"x" * field}"',
        f'a6,"{STORIES[4]}"',
        'a7,"Troops left Gao on Friday."',
    ]
    write("broken.csv", "\n".join(rows) + "\n", 7, 2, "a broken quote (a3) and a huge field (a5) are errors")

    loop = out / "loop"
    loop.mkdir(exist_ok=True)
    (loop / "note.txt").write_text(STORIES[4], encoding="utf-8")
    for name, target in (("self.txt", "self.txt"), ("again", "..")):
        link = loop / name
        if link.is_symlink() or link.exists():
            link.unlink()
        os.symlink(target, link)
    expected.append(Expected("loop/note.txt", 1, 0, "a real file beside the loops"))
    expected.append(Expected("loop/self.txt", 1, 1, "a symlink to itself: error record"))
    expected.append(Expected("loop/again", 1, 1, "a directory symlink back up the tree: error record"))

    (out / MANIFEST).write_text(json.dumps([asdict(e) for e in expected], indent=1), encoding="utf-8")
    return expected


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--reduced", action="store_true", help="small sizes (for tests)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    expected = generate(Path(args.outdir), reduced=args.reduced, seed=args.seed)
    print(f"{len(expected)} inputs, {sum(e.records for e in expected)} records expected -> {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def load_manifest(folder: Path) -> list[Expected]:
    return [Expected(**entry) for entry in json.loads((folder / MANIFEST).read_text(encoding="utf-8"))]


def check_output(folder: Path, records: list[dict]) -> list[str]:
    """What the coded output of ``folder`` gets wrong against its manifest (empty when all is well).

    Every input needs its records: the total must match, every expected error must be there, and each
    single-document input must be found (by its path in an error message, or by its text)."""
    expected = load_manifest(folder)
    problems: list[str] = []
    total = sum(e.records for e in expected)
    if len(records) != total:
        problems.append(f"{len(records)} records, expected {total}")
    errors = [r["error"] for r in records if r.get("error")]
    known = [e for e in expected if e.errors is not None]
    floor = sum(e.errors or 0 for e in known)
    ceiling = floor + sum(e.records for e in expected if e.errors is None)
    if not floor <= len(errors) <= ceiling:
        problems.append(f"{len(errors)} error records, expected {floor}..{ceiling}")
    for entry in expected:
        if entry.records != 1:
            continue
        path = str(folder / entry.path)
        mentioned = any(path in message for message in errors)
        if entry.errors == 1 and not mentioned:
            problems.append(f"no error record for {entry.path} ({entry.note})")
    return problems
