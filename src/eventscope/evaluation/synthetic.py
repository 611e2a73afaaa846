"""A synthetic news corpus: wire-style reports built from templates, for benchmarks and the dedup evaluation.

Why synthetic: benchmarks need thousands of documents of a known size that anyone can regenerate
byte-for-byte (``generate_corpus(n, seed)``), and the duplicate-detection evaluation needs stories it can
copy, edit and vary on purpose (``StoryPlan``: the same plan rendered with other slot values is a
distinct-but-similar story, a hard negative).  Every template and name here was written for eventscope;
the people and wire services are fictional, the countries and cities real so the geoparser and the actor
resolver have work to do.  Sentences cover the PLOVER event types (ASSAULT, PROTEST, COERCE, MOBILIZE,
CONSULT, AGREE, AID, REQUEST, ACCUSE, REJECT, THREATEN, SANCTION, SUPPORT, COOPERATE, CONCEDE, RETREAT)
with their verbs, plus quotes, background and no-event sentences, as real wire copy has.

Run: ``python -m eventscope.evaluation.synthetic N OUT.jsonl [--seed S] [--length short|long]``
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# -- vocabularies -------------------------------------------------------------------------------

COUNTRIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # name, adjective, cities (capital first)
    ("Ukraine", "Ukrainian", ("Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia")),
    ("Russia", "Russian", ("Moscow", "Belgorod", "Kursk", "Rostov-on-Don", "Saint Petersburg")),
    ("Israel", "Israeli", ("Jerusalem", "Tel Aviv", "Haifa", "Beersheba")),
    ("Iran", "Iranian", ("Tehran", "Isfahan", "Tabriz", "Mashhad")),
    ("Nigeria", "Nigerian", ("Abuja", "Lagos", "Maiduguri", "Kano", "Port Harcourt")),
    ("Sudan", "Sudanese", ("Khartoum", "Omdurman", "El Fasher", "Port Sudan")),
    ("Pakistan", "Pakistani", ("Islamabad", "Karachi", "Peshawar", "Lahore", "Quetta")),
    ("India", "Indian", ("New Delhi", "Mumbai", "Srinagar", "Kolkata")),
    ("China", "Chinese", ("Beijing", "Shanghai", "Guangzhou")),
    ("Colombia", "Colombian", ("Bogota", "Medellin", "Cali", "Cucuta")),
    ("Mexico", "Mexican", ("Mexico City", "Culiacan", "Tijuana", "Guadalajara")),
    ("France", "French", ("Paris", "Marseille", "Lyon", "Nantes")),
    ("Germany", "German", ("Berlin", "Munich", "Hamburg", "Leipzig")),
    ("Turkey", "Turkish", ("Ankara", "Istanbul", "Diyarbakir", "Izmir")),
    ("Syria", "Syrian", ("Damascus", "Aleppo", "Idlib", "Homs")),
    ("Iraq", "Iraqi", ("Baghdad", "Mosul", "Basra", "Kirkuk")),
    ("Somalia", "Somali", ("Mogadishu", "Kismayo", "Baidoa")),
    ("Ethiopia", "Ethiopian", ("Addis Ababa", "Mekelle", "Gondar", "Bahir Dar")),
    ("Myanmar", "Myanmar", ("Naypyitaw", "Yangon", "Mandalay")),
    ("Venezuela", "Venezuelan", ("Caracas", "Maracaibo", "Valencia")),
    ("Kenya", "Kenyan", ("Nairobi", "Mombasa", "Kisumu")),
    ("Brazil", "Brazilian", ("Brasilia", "Sao Paulo", "Rio de Janeiro")),
    ("Philippines", "Philippine", ("Manila", "Davao", "Marawi", "Cebu")),
    ("United States", "U.S.", ("Washington", "New York", "Chicago")),
    ("Britain", "British", ("London", "Manchester", "Belfast")),
    ("Egypt", "Egyptian", ("Cairo", "Alexandria", "Port Said")),
    ("Mali", "Malian", ("Bamako", "Gao", "Timbuktu", "Mopti")),
    ("Afghanistan", "Afghan", ("Kabul", "Kandahar", "Herat", "Jalalabad")),
    ("Yemen", "Yemeni", ("Sanaa", "Aden", "Hodeidah", "Marib")),
    ("Lebanon", "Lebanese", ("Beirut", "Tyre", "Tripoli", "Sidon")),
    ("Poland", "Polish", ("Warsaw", "Krakow", "Gdansk")),
    ("South Africa", "South African", ("Pretoria", "Johannesburg", "Durban", "Cape Town")),
)

ORGANIZATIONS = (
    "the United Nations",
    "the European Union",
    "NATO",
    "the African Union",
    "the World Bank",
    "the International Monetary Fund",
    "the Red Cross",
    "Amnesty International",
    "Human Rights Watch",
    "the World Food Programme",
    "the U.N. refugee agency",
    "the Arab League",
)

FIRST_NAMES = (
    "Amara",
    "Viktor",
    "Lena",
    "Tomas",
    "Nadia",
    "Omar",
    "Ines",
    "Rafael",
    "Mei",
    "Daniel",
    "Yusuf",
    "Sofia",
    "Karim",
    "Elena",
    "Joseph",
    "Priya",
    "Hassan",
    "Marta",
    "Felix",
    "Zainab",
    "Anton",
    "Grace",
)
SURNAMES = (
    "Okonkwo",
    "Marchetti",
    "Halvorsen",
    "Demir",
    "Castellanos",
    "Varga",
    "Nakamura",
    "Mensah",
    "Petrenko",
    "Albrecht",
    "Rahimi",
    "Duval",
    "Kowalczyk",
    "Ferreira",
    "Osei",
    "Lindqvist",
    "Haddad",
    "Moreno",
    "Sokolova",
    "Abiodun",
    "Brennan",
    "Qureshi",
)

WIRES = ("Meridian Press", "Northline News", "Harbor Wire", "Atlas News Service", "Compass Daily")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

ISSUES = (
    "rising fuel prices",
    "a new tax on bread",
    "the arrest of an opposition leader",
    "police violence",
    "cuts to public pensions",
    "a disputed election result",
    "corruption in the energy ministry",
    "the closure of a steel plant",
    "a proposed constitutional amendment",
    "unpaid wages",
)
TOPICS = (
    "border security",
    "a prisoner exchange",
    "grain exports",
    "a ceasefire in the east",
    "energy supplies",
    "the return of refugees",
    "a long-delayed trade agreement",
    "water rights on a shared river",
)
CHARGES = (
    "plotting to overthrow the government",
    "financing terrorism",
    "inciting unrest",
    "espionage",
    "violating the ceasefire",
    "smuggling weapons across the border",
    "war crimes",
)
DEMANDS = (
    "the release of political prisoners",
    "early elections",
    "the resignation of the interior minister",
    "an independent inquiry into the killings",
    "higher wages",
    "an end to the curfew",
)
WORKPLACES = ("the state railway", "the main port", "two oil refineries", "public hospitals", "a copper mine")
OFFICIALS = (
    "a local official",
    "a police spokesman",
    "the health ministry",
    "a military source",
    "witnesses",
    "the regional governor",
    "hospital officials",
    "a security official",
)
QUOTES = (
    "We will not tolerate attacks on our citizens",
    "This is a clear violation of international law",
    "Our doors remain open to dialogue, but our patience is not unlimited",
    "The situation on the ground is extremely difficult",
    "We expect the other side to honour its commitments",
    "Those responsible will be brought to justice",
    "Civilians are paying the highest price for this conflict",
    "There can be no military solution to this crisis",
    "We have taken every measure to protect the population",
    "The talks were constructive and we agreed to meet again",
)
SPEECH_VERBS = ("said", "told reporters", "said in a statement", "told a news conference", "wrote on social media")

# -- sentence templates by PLOVER event type ----------------------------------------------------
# Slots: a_* / b_* are the story's two countries (names, adjectives, people, institutions); {city} is the
# story's place; {n} {m} {k} {crowd} {amount} {pct} {year} {day} are drawn per sentence.

EVENT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "ASSAULT": (
        "{a_forces} shelled residential areas of {city} {day}, killing at least {n} civilians and wounding"
        " {m} others, {official} said.",
        "Gunmen attacked a police checkpoint outside {city} {day}, killing {n} officers before fleeing into"
        " nearby hills.",
        "A car bomb exploded near a crowded market in {city} {day}, killing {n} people and injuring {m},"
        " according to {official}.",
        "{a_forces} launched air strikes on rebel positions near {city}, destroying {k} vehicles and an"
        " ammunition depot.",
        "Insurgents ambushed a military convoy on the road to {city} {day}, killing {n} soldiers.",
        "A drone struck a fuel depot on the outskirts of {city} overnight, setting off a fire that burned"
        " for {k} hours.",
    ),
    "PROTEST": (
        "Thousands of people marched through the centre of {city} {day} to protest against {issue}.",
        "About {crowd} demonstrators rallied outside parliament in {city}, demanding {demand}.",
        "Workers at {workplace} in {city} went on strike {day} over {issue}.",
        "Students blocked the main highway into {city} for {k} hours in protest at {issue}.",
    ),
    "COERCE": (
        "{a_police} arrested {n} opposition activists in {city} {day}, accusing them of {charge}.",
        "Authorities in {city} imposed a night-time curfew after {k} days of unrest.",
        "{a_gov} banned public gatherings in {city} and blocked access to several news websites.",
        "{a_police} detained a prominent journalist in {city} on suspicion of {charge}.",
    ),
    "MOBILIZE": (
        "{a_forces} deployed about {crowd} additional troops to the border with {b_name} {day}.",
        "{a_gov} called up {crowd} reservists and put its air defences on high alert.",
        "{a_navy} moved {k} warships into waters off the coast of {b_name}.",
    ),
    "CONSULT": (
        "{a_leader} met {b_leader} in {city} {day} to discuss {topic}.",
        "{a_minister} travelled to {b_capital} for talks on {topic} with {b_minister}.",
        "{a_leader} spoke by telephone with {b_leader} about {topic}, {a_adj} officials said.",
        "Envoys from {a_name} and {b_name} held a second round of talks in {city} on {topic}.",
    ),
    "AGREE": (
        "{a_gov} and {b_gov} agreed {day} to resume talks on {topic} within {k} weeks.",
        "{a_leader} pledged to hold a referendum on {topic} before the end of {year2}.",
        "{a_gov} offered to host a new round of negotiations between the warring parties.",
    ),
    "AID": (
        "{org} delivered {n} tonnes of food and medicine to {city} {day}.",
        "{a_gov} pledged {amount} million dollars in humanitarian aid to {b_name}.",
        "{b_gov} sent {k} planes carrying tents and blankets to families displaced near {city}.",
    ),
    "REQUEST": (
        "{a_leader} called on {b_gov} to {request}.",
        "{org} appealed for {amount} million dollars to feed families displaced by the fighting around {city}.",
        "{a_minister} urged {org} to send observers to {city}.",
    ),
    "ACCUSE": (
        "{a_gov} accused {b_gov} of {charge}.",
        "{org} condemned the violence in {city} and said those responsible must be held to account.",
        "{a_minister} blamed {b_adj} forces for the attack on {city}, which killed {n} people.",
        "{org} criticised {a_gov} over the treatment of detainees held in {city}.",
    ),
    "REJECT": (
        "{b_gov} rejected the accusations as baseless.",
        "{a_gov} refused to withdraw its troops from the area around {city}.",
        "{b_leader} dismissed the proposal as a publicity stunt.",
    ),
    "THREATEN": (
        "{a_leader} threatened to impose sanctions on {b_name} if its forces did not leave {city}.",
        "{a_minister} warned that {a_name} would retaliate against any further attack.",
    ),
    "SANCTION": (
        "{a_gov} imposed sanctions on {n} {b_adj} officials over {issue}.",
        "{a_gov} expelled {k} {b_adj} diplomats {day} and recalled its ambassador from {b_capital}.",
        "{a_gov} froze the assets of {k} companies linked to the {b_adj} military.",
    ),
    "SUPPORT": (
        "{org} praised {a_gov} for its decision to release the detainees.",
        "{b_leader} welcomed the agreement and endorsed the plan for a transitional government.",
    ),
    "COOPERATE": (
        "{a_police} and {b_police} agreed to share intelligence on armed groups operating near {city}.",
        "{a_gov} extradited {k} suspects to {b_name} {day}.",
    ),
    "CONCEDE": (
        "{a_gov} lifted the curfew in {city} {day} after {k} days.",
        "{a_leader} pardoned {n} political prisoners and eased restrictions on the press.",
        "{a_gov} suspended the planned tax increase after weeks of protests.",
    ),
    "RETREAT": (
        "{a_forces} withdrew from positions around {city} {day}, {official} said.",
        "{a_gov} released {n} detainees held since the protests began.",
        "Rebel fighters pulled out of {k} villages near {city} under the terms of a local truce.",
    ),
}

BACKGROUND_TEMPLATES = (
    "{city} has been the scene of repeated clashes since {year}.",
    "The {a_adj} economy is expected to shrink by {pct} percent this year, according to {org} estimates.",
    "More than {crowd} people have fled the region since the start of the year.",
    "Relations between {a_name} and {b_name} have been strained since a border dispute in {year}.",
    "The city of about {amount},000 people lies some {k}0 kilometres from the border.",
    "Elections are due in {a_name} in {year2}, and the government faces growing criticism over {issue}.",
    "It was not possible to independently verify the casualty figures.",
    "Prices of basic goods in {city} have risen by {pct} percent over the past {k} months.",
    "Local media reported long queues at petrol stations across {city}.",
)
CLOSING_TEMPLATES = (
    "{b_gov} did not immediately respond to a request for comment.",
    "There was no immediate claim of responsibility.",
    "Officials said the investigation was continuing.",
    "{org} said it was monitoring the situation closely.",
)
QUOTE_TEMPLATES = (
    '"{quote}," {speaker} {speech}.',
    '"{quote}," {speaker} {speech} in {capital}. "{quote2}."',
    "{speaker} {speech} that {quote_indirect}.",
)
HEADLINES = {
    "ASSAULT": "Deadly attack hits {city}",
    "PROTEST": "Protesters take to the streets in {city}",
    "COERCE": "Crackdown in {city} as arrests mount",
    "MOBILIZE": "{a_name} reinforces border with {b_name}",
    "CONSULT": "{a_name} and {b_name} hold talks",
    "AGREE": "{a_name}, {b_name} agree to resume talks",
    "AID": "Aid reaches {city}",
    "REQUEST": "{a_name} urges action over {city}",
    "ACCUSE": "{a_name} accuses {b_name}",
    "REJECT": "{b_name} rejects accusations",
    "THREATEN": "{a_name} warns {b_name}",
    "SANCTION": "{a_name} imposes sanctions on {b_name}",
    "SUPPORT": "Praise for {a_name} decision",
    "COOPERATE": "{a_name} and {b_name} step up cooperation",
    "CONCEDE": "{a_name} eases restrictions",
    "RETREAT": "Forces withdraw near {city}",
}
LENGTHS = {"short": ((3, 5), (2, 4)), "long": ((15, 30), (3, 5))}
"""Paragraphs per document and sentences per paragraph: short ≈ 150 words, long ≈ 1,500 words."""


# -- story plans --------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryPlan:
    """What a story says, minus its slot values: the actors, the lead event and each sentence's template.

    Rendering the same plan with another ``slot_seed`` gives the same story shape about another place,
    day and numbers: the dedup evaluation's distinct-but-similar negative.
    """

    a: int
    b: int
    org: str
    lead_type: str
    paragraphs: tuple[tuple[str, ...], ...]
    people: tuple[str, ...]
    wire: str


def make_plan(rng: random.Random, length: str = "short") -> StoryPlan:
    """Choose actors and the template of every sentence (no slot values yet)."""
    if length not in LENGTHS:
        raise ValueError(f"length must be short or long, not {length!r}")
    (low, high), (s_low, s_high) = LENGTHS[length]
    a, b = rng.sample(range(len(COUNTRIES)), 2)
    lead_type = rng.choice(sorted(EVENT_TEMPLATES))
    used: set[str] = set()

    def pick(pool: Iterable[str]) -> str:
        options = [t for t in pool if t not in used] or list(pool)
        choice = rng.choice(options)
        used.add(choice)
        return choice

    paragraphs = [(pick(EVENT_TEMPLATES[lead_type]), pick(QUOTE_TEMPLATES + BACKGROUND_TEMPLATES))]
    for index in range(1, rng.randint(low, high) - 1):
        sentences = []
        for _ in range(rng.randint(s_low, s_high)):
            roll = rng.random()
            if roll < 0.55:
                kind = lead_type if rng.random() < 0.3 else rng.choice(sorted(EVENT_TEMPLATES))
                sentences.append(pick(EVENT_TEMPLATES[kind]))
            elif roll < 0.75:
                sentences.append(pick(QUOTE_TEMPLATES))
            else:
                sentences.append(pick(BACKGROUND_TEMPLATES))
        paragraphs.append(tuple(sentences))
        if index == 1 and length == "short":
            used.clear()  # short stories are too few sentences to exhaust a pool; keep them varied
    paragraphs.append((pick(CLOSING_TEMPLATES),))
    people = tuple(f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(4))
    return StoryPlan(
        a=a,
        b=b,
        org=rng.choice(ORGANIZATIONS),
        lead_type=lead_type,
        paragraphs=tuple(paragraphs),
        people=people,
        wire=rng.choice(WIRES),
    )


def relead(plan: StoryPlan, rng: random.Random) -> StoryPlan:
    """The same plan with another lead event (another type): a different event about the same actors."""
    lead_type = rng.choice([t for t in sorted(EVENT_TEMPLATES) if t != plan.lead_type])
    lead = (rng.choice(EVENT_TEMPLATES[lead_type]),) + plan.paragraphs[0][1:]
    return StoryPlan(
        a=plan.a,
        b=plan.b,
        org=plan.org,
        lead_type=lead_type,
        paragraphs=(lead,) + plan.paragraphs[1:],
        people=plan.people,
        wire=plan.wire,
    )


class _Slots(dict):
    """Slot values drawn on first use: per-story values are fixed, per-sentence ones fresh each time."""

    PER_SENTENCE = frozenset(
        {
            "n",
            "m",
            "k",
            "crowd",
            "amount",
            "pct",
            "year",
            "year2",
            "day",
            "official",
            "issue",
            "charge",
            "demand",
            "request",
            "topic",
            "workplace",
            "quote",
            "quote2",
            "quote_indirect",
            "speaker",
            "speech",
            "capital",
        }
    )

    def __init__(self, plan: StoryPlan, rng: random.Random, published: date) -> None:
        super().__init__()
        self.rng = rng
        self.published = published
        a_name, a_adj, a_cities = COUNTRIES[plan.a]
        b_name, b_adj, b_cities = COUNTRIES[plan.b]
        p = plan.people
        self.update(
            a_name=a_name,
            a_adj=a_adj,
            b_name=b_name,
            b_adj=b_adj,
            org=plan.org,
            city=rng.choice(a_cities),
            a_capital=a_cities[0],
            b_capital=b_cities[0],
            a_gov=f"the {a_adj} government",
            b_gov=f"the {b_adj} government",
            a_police=f"{a_adj} police",
            b_police=f"{b_adj} police",
            a_forces=rng.choice([f"{a_adj} forces", f"The {a_adj} army", f"{a_adj} troops"]),
            a_navy=f"The {a_adj} navy",
            a_leader=f"{a_adj} President {p[0]}",
            b_leader=f"{b_adj} Prime Minister {p[1]}",
            a_minister=f"{a_adj} Foreign Minister {p[2]}",
            b_minister=f"{b_adj} Foreign Minister {p[3]}",
        )
        self.fixed = dict(self)

    def fresh(self) -> None:
        """Forget per-sentence values so the next sentence draws its own numbers and day."""
        self.clear()
        self.update(self.fixed)

    def __missing__(self, key: str) -> str:
        rng = self.rng
        value: str
        if key in ("n", "m"):
            value = str(rng.randint(2, 60))
        elif key == "k":
            value = str(rng.randint(2, 9))
        elif key == "crowd":
            value = f"{rng.randint(2, 40) * 500:,}"
        elif key == "amount":
            value = str(rng.randint(3, 95) * 5)
        elif key == "pct":
            value = str(rng.randint(2, 35))
        elif key == "year":
            value = str(rng.randint(2011, self.published.year - 1))
        elif key == "year2":
            value = str(self.published.year + rng.randint(0, 1))
        elif key == "day":
            value = "on " + WEEKDAYS[(self.published - timedelta(days=rng.randint(0, 3))).weekday()]
        elif key == "official":
            value = rng.choice(OFFICIALS)
        elif key in ("issue", "charge", "demand", "topic", "workplace"):
            pool = {"issue": ISSUES, "charge": CHARGES, "demand": DEMANDS, "topic": TOPICS, "workplace": WORKPLACES}[
                key
            ]
            value = rng.choice(pool)
        elif key == "request":
            value = rng.choice(
                [
                    "withdraw its forces from {city}",
                    "free the detained journalists",
                    "open a humanitarian corridor to {city}",
                    "hand over the suspects",
                ]
            )
            value = value.format(city=self["city"])
        elif key in ("quote", "quote2"):
            value = rng.choice(QUOTES)
        elif key == "quote_indirect":
            value = rng.choice(QUOTES).lower().replace("our ", "their ").replace("we ", "they ")
        elif key == "speaker":
            value = rng.choice(
                [
                    self["a_leader"],
                    self["a_minister"],
                    self["b_minister"],
                    f"a spokesman for {self['org']}",
                    f"a senior {self['a_adj']} official",
                ]
            )
        elif key == "speech":
            value = rng.choice(SPEECH_VERBS)
        elif key == "capital":
            value = rng.choice([self["a_capital"], self["b_capital"]])
        else:
            raise KeyError(key)
        self[key] = value
        return value


def render(plan: StoryPlan, slot_seed: int, doc_id: str, published: date | None = None) -> dict[str, str]:
    """One document dict (id, title, date, source, text) from a plan; paragraphs separated by blank lines."""
    rng = random.Random(slot_seed)
    published = published or date(2023, 1, 1) + timedelta(days=rng.randint(0, 729))
    slots = _Slots(plan, rng, published)
    paragraphs = []
    for index, sentences in enumerate(plan.paragraphs):
        rendered = []
        for template in sentences:
            slots.fresh()
            sentence = template.format_map(slots)
            rendered.append(sentence[0].upper() + sentence[1:])
        text = " ".join(rendered)
        if index == 0:
            dateline = f"{slots['city'].upper()}, {MONTHS[published.month - 1]} {published.day} ({plan.wire}) - "
            text = dateline + text
        paragraphs.append(text)
    slots.fresh()
    title = HEADLINES[plan.lead_type].format_map(slots)
    return {
        "id": doc_id,
        "title": title,
        "date": published.isoformat(),
        "source": plan.wire,
        "text": "\n\n".join(paragraphs),
    }


def generate_corpus(n_docs: int, seed: int = 0, length: str = "short") -> list[dict[str, str]]:
    """``n_docs`` distinct wire reports; the same (n_docs, seed, length) always gives the same corpus."""
    rng = random.Random(f"eventscope-synthetic/{seed}/{length}")
    docs = []
    for number in range(n_docs):
        plan = make_plan(rng, length)
        docs.append(render(plan, rng.getrandbits(32), f"syn-{length}-{seed}-{number:06d}"))
    return docs


def write_jsonl(docs: Iterable[dict], path: str | Path) -> Path:
    """Write documents one JSON object a line (the format ``eventscope code`` reads)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_docs", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--length", choices=sorted(LENGTHS), default="short")
    args = parser.parse_args(argv)
    write_jsonl(generate_corpus(args.n_docs, args.seed, args.length), args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
