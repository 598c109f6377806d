"""Topic frequency from a transparent lexicon, with the evidence for every count.

The package is laid out as the pipeline runs: :mod:`analysis.topics.lexicon` (find, validate
and index a lexicon) → :mod:`analysis.topics.matching` (candidate hits of one article and the
per-hit rules: names, negation, context, exclusions) → :mod:`analysis.topics.rules`
(article-level corroboration) → :mod:`analysis.topics.hits` (hit records with their evidence)
→ :mod:`analysis.topics.summaries` (tables per topic, section or speaker); beside it
:mod:`analysis.topics.places` (the gazetteer) and :mod:`analysis.topics.suggest` (terms the
lexicon misses). Every name is importable from ``analysis.topics`` itself.

Lexicons are TOML files. Two ship with the package and can be named instead of a path:
``default`` (``analysis/resources/topics_default.toml``: general news on the 17 top-level
subjects of IPTC Media Topics, each with its ``medtop:`` code) and ``international-affairs``
(``topics_international-affairs.toml``: 8 topics for diplomacy, security and trade news).
:func:`lexicon_path` resolves a name or path; :func:`load_lexicon` validates the file and names
the file, topic and term of every error.

The format::

    [meta]                         name, version, description, scheme (optional strings)
    [rules]                        optional; applies to every topic
      negations = ["not related to", "no evidence of", ...]   # cues that cancel a hit
      negation_window = 3          # up to this many words between the cue and the hit
      proper_names = true          # false: topic words inside names count too
      min_hits = 2                 # a topic needs this many hits in an article to count there
      min_share_of_top = 0.25      # (since 2.12; default 0: off) a topic counts in an article
                                   # only with at least this share of the leading topic's hits
      min_entries = 3              # (since 2.13; default 1: off) a topic that does not lead the
                                   # article counts only with this many distinct entries there
    [rules.corroboration]          optional (absent: off); a hit counts only with support nearby
      paragraph = true             another term of the topic in the same paragraph supports it
      window = 20                  ... or one at most this many words away (0: no word window)
      article_hits = 0             ... or the topic has this many hits in the article (0: never)
    [topics.<id>]                  one table per topic (<id>: a short lowercase identifier)
      label    = "Sport"           required
      code     = "medtop:15000000" optional scheme code
      min_paragraphs = 2           optional (since 2.9; default 1): the topic counts in an article
                                   only when its counted hits lie in this many paragraphs
      terms    = [...]             words, phrases, ``*`` globs at the start or end of a word;
                                   compared case-insensitively
      names    = ["Premier League", "Senate"]   proper names, compared case-sensitively; they
                                   count even inside a longer name
      acronyms = ["NFL"]           case-sensitive single tokens (counted like names)
      exclude  = ["food security"] words or phrases that never count; they consume their words
    [topics.<id>.context."<term>"] optional context rule for one of the topic's terms
      unless  = ["tennis", "basketball"]  no hit when one of these is in the same sentence
      require = ["judge*", "ruled"]       a hit only when one of these is in the same sentence
      window  = 8                         look only this many words either side (same sentence)
    [[topics.<id>.context."<term>"]]  the same written twice or more (an array of tables):
                                   several rules for one term, each with its own window; a hit
                                   counts only when every rule passes
    [[topics.<id>.context."*"]]    a rule for every term, name and acronym of the topic (on top
                                   of their own rules), e.g. ``unless = ["like a"]``, ``window = 4``
      terms = ["radio", "TV"]      (since 2.8) only for these entries of the topic: one rule
                                   shared by a group of entries, e.g. the medium of an ad
                                   (``unless = ["ad", "ads"]``) for every word naming a medium
      scope = "paragraph"          (since 2.8, any rule) look for the context words in the hit's
                                   paragraph instead of its sentence ("sentence", the default);
                                   ``window`` still counts words, within the paragraph

Matching (:func:`topic_hits`) works on the word tokens of :mod:`analysis.text`:

* a token is compared lower-cased, with ’ and ' alike and a possessive ’s removed
  ("Kenya’s" → kenya); "U.S." stays "u.s." (never "us"); acronyms and names compare
  case-sensitively;
* terms match whole tokens (trade ≠ trademark; ``trade*`` would match both); a phrase matches
  consecutive tokens of one sentence separated by white space only;
* at every position the longest match across the whole lexicon wins (at equal length: a name or
  acronym, then a term, then a negation cue, then an exclusion; among terms an exact word, then
  the longer glob), each token is counted once, and
  an ``exclude`` phrase or a negation cue consumes its tokens without a hit;
* **proper names**: a capitalised run is two or more capitalised tokens in a row (white space
  only between them; "of", "the", "de" … may join them: "Department of Health"). A sentence's
  first word is capitalised anyway, so it only joins a run when the next word is capitalised
  too ("Security forces" is no name, "Security Council" is), and never when it is a stop word
  ("The U.S." is no name). A ``terms`` hit inside a run counts
  only when it covers at least two of the run's capitalised words, i.e. when the lexicon lists
  the name itself ("supreme court" counts in "U.S. Supreme Court"; "court" does not count in
  "Shenley Court", nor "security" in "Security Council"). ``names`` and ``acronyms`` always
  count. Sentences of five or more words that are nearly all capitalised (title case) are exempt;
* **negation**: a hit that follows a negation cue of ``[rules]`` within ``negation_window``
  words of the same sentence, with no punctuation in between, does not count ("not related to
  terrorism", "no evidence of any attack");
* **context rules** keep ambiguous words honest: "attack" with ``unless = ["midfielder", …]``,
  "court" with ``unless = ["tennis", …]``.

* **too few hits**: with ``min_hits = 2`` a topic that has a single hit in an article counts
  nothing there (an isolated word is most often a figure of speech or an aside: "the campaign
  caught fire", "you might have written his obituary"). The default lexicon uses 2, the
  international-affairs lexicon 1.
* **corroboration** (``[rules.corroboration]``, checked before ``min_hits``): a hit counts only
  when its topic is supported in its neighbourhood: another counted hit of the same topic *by a
  different lexicon entry* (another term, name or acronym; "trade" twice is one entry, a glob
  is one entry whatever word it matched; since 2.6 entries of one stem, see
  :func:`entry_stem`, count as one: "sport" and "sports" do not support each other) in the
  same paragraph (``paragraph = true``) or at most
  ``window`` words away, or — when ``article_hits`` is not 0 — at least that many counted hits
  of the topic in the article. Hits dropped for another reason neither count nor support. In
  2016 US political news the other subjects come up mostly as one-off asides (a hobby, a figure
  of speech, a game comparison, the weather in a scene) that bring no second word of their
  subject; a passage *about* sport or science names several. The price is recall: an isolated
  but correct mention ("security" alone in a paragraph of a security story) no longer counts.
  The default lexicon (since 2.5) uses ``paragraph = true``, ``window = 20``,
  ``article_hits = 0``, chosen on label batches 1-5 (README, ``benchmarks/topic_precision.py``);
  the international-affairs lexicon has the rule off.

* **spread** (``min_paragraphs`` of a topic, checked after ``min_hits``; since lexicon 2.9):
  a topic whose counted hits in an article all lie in fewer than ``min_paragraphs`` paragraphs
  counts nothing there (reason ``confined``). An aside fills one paragraph even when it brings
  two words of its subject (a convention's line-up of a coach and two ballplayers, tech donors
  and a software firm); an article about the subject comes back to it. The default lexicon sets
  3 for arts, 2 for education, science and sport (2.9) and for health and society (2.10)
  (``docs/topics-measurement.md``); the price is recall — a one-paragraph passage that is
  about the subject no longer counts.

* **distinct entries** (``min_entries`` of ``[rules]``, checked after ``min_paragraphs`` and
  before the share of the leading topic; since lexicon 2.13): a topic that does not lead the
  article (fewer counted hits than the topic with most; ties all lead) and whose counted hits
  there bring fewer than ``min_entries`` distinct entries (told apart by their stems, as for
  corroboration) counts nothing there (reason ``narrow``). A subject an article only touches
  comes back with the same one or two words (a teachers' union as a campaign's endorser, "the
  military" in a list of complaints); a subject it covers brings its vocabulary. The default
  lexicon uses 3, chosen on label batches 6-14 scored on the lexicon each was drawn from, by
  the criterion that chose 2.12's share (``docs/topics-measurement.md``); the leading topic
  always counts, so coverage is unchanged. The price is recall, as for the share rule.

* **share of the leading topic** (``min_share_of_top`` of ``[rules]``, checked last, after
  ``min_paragraphs``; since lexicon 2.12): a topic whose counted hits in an article number less
  than ``min_share_of_top`` times the counted hits of the article's leading topic counts nothing
  there (reason ``minor``); the leading topic always counts, so an article with any counted hit
  keeps a topic. A topic far behind the article's subject is most often mentioned in passing (a
  campaign story's one line on trade, a church as a rally's venue, a jobs figure in a debate
  story); a story that covers a second subject gives it a good share of the first one's hits.
  The default lexicon uses 0.25, chosen by leave-one-batch-out among passage-level and
  article-level rules (on label batches 6-13 scored on the lexicon each was drawn from; on
  batches 1-13 the same procedure picks 0.3) (``docs/topics-measurement.md``); on fresh batch
  14 the lexicon's hits read 0.765 precise, not the 0.905 that estimate promised. The price is
  recall —
  a correct but brief passage on a secondary subject no longer counts. The counting is one pass
  over the article's hits.

``topic_hits(..., dropped=True)`` also lists the candidate hits that did not count, with the
reason (``name``, ``negation``, ``context``, ``excluded``, ``uncorroborated``, ``few``,
``confined``, ``narrow``, ``minor``), so
every decision can be
audited.

Tables carry raw counts and their denominators: :func:`topic_summary` gives hits, words,
``per_1000_words``, paragraphs and ``paragraph_share``, sentences and ``sentence_share``,
``hit_share``; :func:`topic_breakdown` gives the same per section or per speaker vs narration.
Places (:func:`place_hits`) are kept in their own table from a gazetteer of countries, capitals,
cities and regions with their demonyms ("South Sudan" is not "Sudan"; "Democratic Republic of
the Congo (DRC)" is one mention). :func:`suggest_terms` and :func:`suggest_corpus` offer what the
lexicon misses; :func:`check_lexicon` reports overlapping and never-matching terms.

>>> from analysis.text import article_from_text
>>> art = article_from_text("Trade rose. Kenya’s trademark security deal helped exports.", "x")
>>> topic_hits(art)[["topic", "term", "matched"]].values.tolist()
[['economy', 'trade', 'Trade'], ['economy', 'exports', 'exports']]

("trademark" is not "trade"; the lone "security" has no other conflict term near it, so it is
uncorroborated: ``topic_hits(art, dropped=True)`` lists it with that reason.)
"""

from __future__ import annotations

from analysis.topics.hits import (
    HIT_COLUMNS,
    _in_quote,
    _quote_lookup,
    topic_hit_records,
    topic_hits,
)
from analysis.topics.lexicon import (
    _CONTEXT_KEYS,
    _CORROBORATION_KEYS,
    _DOUBLE,
    _NO_CANDIDATES,
    _PRIORITY,
    _RULE_KEYS,
    _SHIPPED_NAME,
    _TERM_OK,
    _TOPIC_KEYS,
    DEFAULT_LEXICON,
    STOPWORDS_TXT,
    ContextRule,
    Corroboration,
    Lexicon,
    LexiconError,
    Topic,
    _build_index,
    _candidates,
    _check_term,
    _context_patterns,
    _known_keys,
    _matches,
    _parse_context,
    _parse_corroboration,
    _parse_rule,
    _parse_rules,
    _specificity,
    _word_list,
    _word_matcher,
    default_lexicon,
    entry_stem,
    lexicon_path,
    load_lexicon,
    normalise,
    shipped_lexicons,
    stopwords,
)
from analysis.topics.matching import (
    _NAME_JOINERS,
    _PUNCT,
    _context_ok,
    _match_runs,
    _Names,
    _Strings,
)
from analysis.topics.places import (
    _HYPHEN,
    PLACE_COLUMNS,
    PLACES_CSV,
    _lookup_single,
    _place_regex,
    _places,
    _split_compound,
    _strip_poss,
    place_hit_records,
    place_hits,
    place_in,
    place_summary,
)
from analysis.topics.rules import (
    _near,
    corroborate,
)
from analysis.topics.suggest import (
    suggest_terms,
)
from analysis.topics.summaries import (
    SUMMARY_COLUMNS,
    topic_breakdown,
    topic_summary,
)

__all__ = [
    "ContextRule",
    "Corroboration",
    "DEFAULT_LEXICON",
    "Lexicon",
    "LexiconError",
    "STOPWORDS_TXT",
    "Topic",
    "_CONTEXT_KEYS",
    "_CORROBORATION_KEYS",
    "_DOUBLE",
    "_NO_CANDIDATES",
    "_PRIORITY",
    "_RULE_KEYS",
    "_SHIPPED_NAME",
    "_TERM_OK",
    "_TOPIC_KEYS",
    "_build_index",
    "_candidates",
    "_check_term",
    "_context_patterns",
    "_known_keys",
    "_matches",
    "_parse_context",
    "_parse_corroboration",
    "_parse_rule",
    "_parse_rules",
    "_specificity",
    "_word_list",
    "_word_matcher",
    "default_lexicon",
    "entry_stem",
    "lexicon_path",
    "load_lexicon",
    "normalise",
    "shipped_lexicons",
    "stopwords",
    "_NAME_JOINERS",
    "_Names",
    "_PUNCT",
    "_Strings",
    "_context_ok",
    "_match_runs",
    "_near",
    "corroborate",
    "HIT_COLUMNS",
    "_in_quote",
    "_quote_lookup",
    "topic_hit_records",
    "topic_hits",
    "SUMMARY_COLUMNS",
    "topic_breakdown",
    "topic_summary",
    "PLACES_CSV",
    "PLACE_COLUMNS",
    "_HYPHEN",
    "_lookup_single",
    "_place_regex",
    "_places",
    "_split_compound",
    "_strip_poss",
    "place_hit_records",
    "place_hits",
    "place_in",
    "place_summary",
    "suggest_terms",
]
