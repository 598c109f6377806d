"""Quotes on any subject shape: every generated subject next to a speech cue resolves to a
speaker or to no speaker, never an exception (issue 12, class 1), and offsets round-trip."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.quotes import extract_quotes
from analysis.text import article_from_text

DETERMINERS = ["the", "The", "a", "A", "an", "his", "her", "its", "their", "one", "another",
               "this", "some", "two"]
ADJECTIVES = ["daily", "weekly", "early", "former", "senior", "only", "lonely", "angry", "Kenyan",
              "local", "27-year-old", "so-called", "chief"]
NOUNS = ["daily", "paper", "spokesman", "minister", "statement", "tweet", "voice", "plan",
         "official", "series", "aide", "family", "friend", "ministry", "campaign"]
NAMES = ["Ruto", "Amina Odhiambo", "Mr. Otieno", "J. Kamau", "Dr. Wanjiru", "O’Neill",
         "Hassan Sheikh Mohamud", "van der Berg", "MCKENZIE", "McCain", "Ali", "U.N.", "IMF"]
PRONOUNS = ["he", "she", "they", "it", "He", "She", "They", "It", "him", "her", "we", "I"]
ORGS = ["the Ministry of Health", "Amnesty International", "the State Department", "the Bank",
        "Kenya Airways", "the Daily Nation", "the Times"]
POSSESSIVES = ["Kenya’s", "Ruto's", "the ministry’s", "his", "Clinton’s", "its", "farmers’"]
VERBS = ["said", "wrote", "told reporters", "added", "noted", "says", "tweeted", "explained",
         "went on", "called it", "described"]
ADVERBS = ["", "also ", "later ", "quickly ", "then ", "daily "]

word = st.sampled_from
subject = st.one_of(
    word(PRONOUNS),
    word(NAMES),
    word(ORGS),
    st.tuples(word(DETERMINERS), st.lists(word(ADJECTIVES), max_size=3), word(NOUNS)).map(
        lambda t: " ".join([t[0], *t[1], t[2]])),
    st.tuples(word(POSSESSIVES), st.lists(word(ADJECTIVES), max_size=2), word(NOUNS),
              st.sampled_from(["", ", Jane Akinyi,", " Glen Caplin"])).map(
        lambda t: " ".join([t[0], *t[1], t[2]]) + t[3]),
    st.tuples(word(DETERMINERS), word(ADJECTIVES)).map(" ".join),
    st.tuples(word(DETERMINERS)).map(lambda t: t[0]),
    st.tuples(word(NAMES), word(["a former minister", "the spokesman", "69", "who spoke"])).map(
        lambda t: f"{t[0]}, {t[1]},"),
)
SHAPES = [
    "“It is over,” {s} {a}{v}.",
    "“It is over,” {v} {s}.",
    "{S} {a}{v}, “It is over.”",
    "{S} {a}{v}: “It is over.”",
    "{S} {a}{v} the plan was “a fabrication of the worst kind.”",
    "{S} {a}{v} the news.\n“It is over.”",
    "“It is over,” {s} {a}{v}. “And it will stay over.”",
    "According to {s}, “it is over.”",
    "{S} {a}{v} that it was over.",
    "It was over, {s} {a}{v}.",
]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subject, word(VERBS), word(ADVERBS), word(SHAPES), st.sampled_from(["", "Mr. Ruto met "
       "Ms. Amina Odhiambo of the Ministry of Health. "]))
def test_any_subject_shape_resolves_or_gives_no_speaker(subj, verb, adverb, shape, lead):
    text = lead + shape.format(s=subj, S=_cap(subj), v=verb, a=adverb)
    art = article_from_text(text, "t")
    for q in extract_quotes(art):
        assert art.text[q.start:q.end] == q.text
        assert q.speaker is None or (isinstance(q.speaker, str) and q.speaker.strip())


def test_the_daily_wrote_is_a_speaker_not_a_crash():
    # the reported crash: "daily" read as an adverb left "the" alone as the subject
    qs = extract_quotes(article_from_text("“It is over,” the daily wrote.", "t"))
    assert [(q.text, q.kind, q.speaker) for q in qs] == [("It is over,", "direct", "the daily")]
