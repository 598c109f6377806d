"""Deterministic synthetic news articles written from the team's own phrase bank.

The shipped sample corpus (``data/corpus/``, written by ``data/make_sample_corpus.py``) and the
benchmark corpora (``benchmarks/corpus.py``) come from here: fictional people, fictional outlets,
sentences composed by the team. No third-party text is used. The same ``seed`` gives the same
articles, byte for byte.

>>> arts = list(synthetic_articles(2, seed=1))
>>> [sorted(a) for a in arts][0]
['author', 'date', 'id', 'language', 'outlet', 'text', 'title']
>>> arts == list(synthetic_articles(2, seed=1))
True
"""

from __future__ import annotations

import random
from collections.abc import Iterator

OUTLETS = ["Coastal Herald", "Lakeside Daily", "Highland Times"]
AUTHORS = ["Staff reporter", "Wanjiru Ndegwa", "Tom Achieng", "Lucy Barasa", "Sam Kiprop"]

# (name, role phrase, surname) — all fictional
PEOPLE = [
    ("Amina Wekesa", "Kenya’s trade minister", "Wekesa"),
    ("Daniel Otieno", "a Ugandan security analyst", "Otieno"),
    ("Grace Mwangi", "the county governor", "Mwangi"),
    ("Peter Kamau", "a senior health official", "Kamau"),
    ("Halima Noor", "the opposition leader", "Noor"),
    ("Joseph Mutua", "a farmers' union spokesman", "Mutua"),
    ("Esther Chebet", "Tanzania’s environment secretary", "Chebet"),
    ("Victor Odhiambo", "an economist at a Nairobi bank", "Odhiambo"),
    ("Mary Akinyi", "a school principal", "Akinyi"),
    ("Samuel Lagat", "the police commander", "Lagat"),
]

TOPICS = {
    "economy": [
        "Exports of tea and flowers rose in the quarter, and traders expect investment to follow.",
        "The central bank kept interest rates unchanged as inflation eased and prices steadied.",
        "Small businesses say the new tax on imports has raised costs for farmers and traders.",
        "The budget sets aside money for roads, ports and a new industrial park near the coast.",
    ],
    "security": [
        "Police deployed extra officers to the border after a string of attacks on traders.",
        "The peacekeeping mission will add troops and armoured vehicles before the elections.",
        "Officials said the security forces had arrested four suspects after the raid.",
        "Residents said the military patrols had made the market safer after dark.",
    ],
    "health": [
        "The clinic treated more than 300 patients in the first week of the vaccination drive.",
        "Hospitals reported a shortage of nurses and medicine in rural counties.",
        "Health workers went door to door to register children for the immunisation campaign.",
    ],
    "climate": [
        "The drought has left pastoralists without water, and the rains are expected late again.",
        "Flooding along the river destroyed crops and forced families from their homes.",
        "The county plans to plant a million trees to restore forests on the hills.",
    ],
    "governance": [
        "Parliament debated the bill late into the night before a narrow vote.",
        "The court ordered the electoral commission to publish the results of every station.",
        "Auditors found that a third of the county's contracts had no record of a tender.",
    ],
    "diplomacy": [
        "The two governments signed an agreement on trade and agreed to meet again next year.",
        "The visiting delegation held talks with ministers on regional cooperation.",
        "Diplomats said the partnership would cover energy, transport and education.",
    ],
}

QUOTES = {
    "economy": ["We want every farmer to sell at a fair price, not just the big exporters",
                "Investment follows stability, and we have given investors both",
                "The cost of living is the first thing people ask me about"],
    "security": ["Nobody should be afraid to open a shop in this town",
                 "We will not negotiate with the people who burned the market",
                 "The patrols are working, but they cannot go on forever"],
    "health": ["A vaccine in a fridge in the capital does not protect a child in the village",
               "We need more nurses, and we need them to stay",
               "Every clinic should have medicine on its shelves by the end of the month"],
    "climate": ["The rains used to come in March; now nobody can plan a season",
                "Planting trees is cheaper than rebuilding bridges every year",
                "The drought is not a story about the future, it is happening now"],
    "governance": ["The public has a right to see every contract we sign",
                   "A vote taken at midnight is still a vote",
                   "The courts must be allowed to do their work without threats"],
    "diplomacy": ["Our neighbours are our first market and our closest partners",
                  "This agreement is the start of the work, not the end of it",
                  "We came to listen as much as to talk"],
}

HEADLINES = {
    "economy": "Traders count the cost of new import tax",
    "security": "Extra police sent to border market town",
    "health": "Vaccination drive reaches rural clinics",
    "climate": "Drought and floods test county plans",
    "governance": "Court orders release of polling results",
    "diplomacy": "Ministers agree to deepen regional ties",
}

SUBHEADS = ["What comes next", "Reaction", "Background", "The numbers"]


def _quote_paragraph(rng: random.Random, person: tuple[str, str, str], first: bool,
                     line: str) -> str:
    name, role, surname = person
    who = f"{name}, {role}" if first else surname
    form = rng.randrange(4)
    if form == 0:
        return f"“{line},” said {who}."
    if form == 1:
        return f"“{line},” {name if first else surname} said."
    if form == 2:
        return f"{who}, said: “{line}.”" if first else f"{who} said: “{line}.”"
    return f"“{line},” {surname if not first else name} told reporters. “We will keep going.”"


def synthetic_articles(n: int, seed: int = 0, paragraphs: int = 8,
                       start_year: int = 2024) -> Iterator[dict]:
    """Yield ``n`` articles as dicts (id, title, outlet, author, date, language, text).

    ``paragraphs`` sets the length: 8 gives about 250 words, 36 about the sample's 1,200.

    >>> a = next(synthetic_articles(1, seed=3, paragraphs=4))
    >>> a["id"], a["outlet"] in OUTLETS, a["text"].count("\\n") >= 4
    ('synthetic-00000', True, True)
    """
    rng = random.Random(seed)
    topics = sorted(TOPICS)
    for i in range(n):
        main = rng.choice(topics)
        second = rng.choice([t for t in topics if t != main])
        month = rng.randrange(12) + 1
        day = rng.randrange(28) + 1
        speakers = rng.sample(PEOPLE, 3)
        introduced: set[str] = set()
        paras = []
        for k in range(paragraphs):
            if k and k % 9 == 0:
                paras.append(SUBHEADS[(k // 9 - 1) % len(SUBHEADS)])
            topic = main if rng.random() < 0.7 else second
            if k % 2 == 1:
                person = speakers[rng.randrange(3) if rng.random() < 0.8 else 0]
                first = person[0] not in introduced
                introduced.add(person[0])
                paras.append(_quote_paragraph(rng, person, first, rng.choice(QUOTES[topic])))
            else:
                paras.append(" ".join(rng.sample(TOPICS[topic], 2)))
        text = HEADLINES[main] + "\n" + "\n".join(paras) + "\n"
        yield {
            "id": f"synthetic-{i:05d}",
            "title": HEADLINES[main],
            "outlet": rng.choice(OUTLETS),
            "author": rng.choice(AUTHORS),
            "date": f"{start_year}-{month:02d}-{day:02d}",
            "language": "en",
            "text": text,
        }
