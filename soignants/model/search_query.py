"""What the reader's search does with a query once it is folded (soignants/model/folding.py):
typos forgiven, distress answered with help first.

Two consumers, which must agree to the letter, as for folding.py:
- Python: the index rewrite (the site's vocabulary, search_index.py) and the content check of
  data/recherche-detresse.yml (lint/data_checks.py: a documented query must not trigger);
- the browser: overrides/assets/javascripts/search-soignants.js, which gets the data (the distress
  phrases, the help pages, the settings below) from `search/search_index.json` and the site's
  words from `search/vocabulaire.json`. tests/search/test_distress.py checks that both agree.

1. Typos. A word of 5 letters or more, without digits, that is no word of the site (no word the
   search found starts with its light stem) is replaced by the site's most frequent word one edit
   away (a letter missing, extra, swapped with the next one, or wrong): « epuisemnt » ->
   « epuisement ». The query then finds what the right spelling finds. A query without a
   correction is sent exactly as typed. Short words and numbers are never corrected (« SPS »,
   « IJ », « 3114 »).
2. Distress. data/recherche-detresse.yml lists phrases (soignants/model/distress.py); a query that
   contains one, word after word, folded, each word in its usual forms (light stem), glued to an
   elided « j' », « d' », « n' »… typed without its apostrophe (« jen peux plus »), or with one
   typo when the typed word is not a word of the site, shows the crisis card. A phrase of crisis
   (`expressions`) also puts the help page first; a phrase of exhaustion (`epuisement`) leaves
   the results in their order (the fiche « Épuisement professionnel » first). Before matching,
   the SMS spellings of the file (`graphies`: « jpp », « chui ») are written out. A phrase inside
   one of the file's exceptions (« suicide assisté ») does not count.
   The browser matches as the reader types, before the search engine has loaded
   (overrides/assets/javascripts/detresse.js, with the data of distress.browser_rules).
"""

from bisect import bisect_left
from dataclasses import dataclass
import re

from .folding import NOT_WORD, fold, join_hyphens, light_stem

MIN_TYPO_LENGTH = 5     # shorter words stay exact
MAX_CORRECTIONS = 3     # words tried for one mistyped word (the browser uses the first)
VOCABULARY_FIELDS = ("folded_title", "folded", "folded_tags", "keywords")
TERM_EDGES = re.compile(r"^[^a-z0-9]+|[^a-z0-9]+$")
LETTERS = re.compile(r"[a-z]+")
WORD = re.compile(r"[a-z0-9]+")


def one_edit_apart(a: str, b: str) -> bool:
    """True when `b` is `a` with exactly one letter missing, extra, wrong, or swapped with the
    next one (optimal string alignment distance 1)."""
    if a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) == 1 or (len(diffs) == 2 and diffs[1] == diffs[0] + 1
                                   and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]])
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def may_be_mistyped(word: str) -> bool:
    """Only words of letters, long enough, are ever corrected."""
    return len(word) >= MIN_TYPO_LENGTH and LETTERS.fullmatch(word) is not None


class Vocabulary:
    """The words of the site as the search indexes them (the folded fields of every document,
    split like the index, punctuation trimmed), with the number of documents holding each."""

    def __init__(self, frequencies: dict[str, int]):
        self.terms = sorted(frequencies)
        self.frequency = frequencies
        self.stems = {term: light_stem(term) for term in self.terms}

    @classmethod
    def from_docs(cls, docs: list[dict], separator: re.Pattern) -> "Vocabulary":
        frequencies: dict[str, int] = {}
        for doc in docs:
            seen = set()
            for name in VOCABULARY_FIELDS:
                value = doc.get(name)
                if not isinstance(value, str):
                    continue
                for token in separator.split(value):
                    term = TERM_EDGES.sub("", token)
                    if len(term) >= 2 and WORD.fullmatch(term):
                        seen.add(term)
            for term in seen:
                frequencies[term] = frequencies.get(term, 0) + 1
        return cls(frequencies)

    def has_prefix(self, prefix: str) -> bool:
        """Does some word of the site start with `prefix` (what the search's `prefix*` finds)?"""
        i = bisect_left(self.terms, prefix)
        return i < len(self.terms) and self.terms[i].startswith(prefix)



def query_words(query: str, stop_words=frozenset()) -> list[str]:
    """The folded words of a query that the search keeps (see folding.normalize_query)."""
    return [w for w in NOT_WORD.split(join_hyphens(fold(query))) if len(w) >= 2 and w not in stop_words]


# --- Distress ----------------------------------------------------------------------------------

def phrase_words(text: str) -> list[str]:
    """A query or a phrase as the distress check reads it: folded, hyphenated compounds joined,
    cut into words of two letters or more (stop words kept: « envie de mourir »)."""
    return [w for w in NOT_WORD.split(join_hyphens(fold(text))) if len(w) >= 2]


# Letters that French elides before a vowel (« j'en », « d'en », « n'en », « qu'en »): typed without
# the apostrophe, they stay glued to the next word (« jen »), which then still matches.
ELIDED = ("j", "d", "l", "m", "n", "s", "t", "c", "qu")
ELIDED_BEFORE = "aeiouyh"
CRISIS, EXHAUSTION = "crise", "epuisement"


@dataclass(frozen=True)
class DistressRules:
    phrases: tuple[tuple[str, ...], ...]
    exceptions: tuple[tuple[str, ...], ...]
    exhaustion: tuple[tuple[str, ...], ...] = ()
    spellings: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (typed word, its words written out)

    @classmethod
    def from_config(cls, rules: dict) -> "DistressRules":
        distress = rules.get("distress") or {}
        return cls(tuple(tuple(p) for p in distress.get("phrases", ())),
                   tuple(tuple(p) for p in distress.get("exceptions", ())),
                   tuple(tuple(p) for p in distress.get("exhaustion", ())),
                   tuple((word, tuple(out)) for word, out in (distress.get("spellings") or {}).items()))


def distress_words(query: str, spellings=()) -> list[str]:
    """The query's words as the distress check reads them: `phrase_words`, each SMS spelling of
    the file written out (« jpp » -> « en peux plus »)."""
    table = dict(spellings)
    words = []
    for word in phrase_words(query):
        words.extend(table.get(word, (word,)))
    return words


def elided(typed: str, wanted: str) -> bool:
    """`typed` is `wanted` with an elided letter glued before it (« jen » for « j'en »)."""
    return wanted[:1] in ELIDED_BEFORE and any(typed == letter + wanted for letter in ELIDED)


def word_matches(typed: str, wanted: str, known) -> bool:
    """`typed` is `wanted`, in another usual form, glued to an elided letter, or with one typo if
    it is no word of the site."""
    if typed == wanted or light_stem(typed) == light_stem(wanted) or elided(typed, wanted):
        return True
    if not (may_be_mistyped(typed) and may_be_mistyped(wanted)) or known(light_stem(typed)):
        return False
    return one_edit_apart(typed, wanted) or one_edit_apart(light_stem(typed), light_stem(wanted))


def occurrences(words: list[str], phrase, known) -> list[tuple[int, int]]:
    """Where `phrase` occurs in `words`, as (start, end) ranges."""
    n = len(phrase)
    return [(i, i + n) for i in range(len(words) - n + 1)
            if all(word_matches(words[i + j], phrase[j], known) for j in range(n))]


def distress_match(query: str, rules: DistressRules, known=lambda stem: False) -> tuple[tuple[str, ...], str] | None:
    """The first phrase of crisis the query contains outside every exception, else the first
    phrase of exhaustion, with its level (CRISIS or EXHAUSTION); None when there is none.
    `known(stem)`: is it the start of a word of the site (then a typo is not forgiven)."""
    words = distress_words(query, rules.spellings)
    if not words:
        return None
    excepted = [span for exception in rules.exceptions for span in occurrences(words, exception, known)]
    for level, phrases in ((CRISIS, rules.phrases), (EXHAUSTION, rules.exhaustion)):
        for phrase in phrases:
            for start, end in occurrences(words, phrase, known):
                if not any(a <= start and end <= b for a, b in excepted):
                    return phrase, level
    return None


def distress_phrase(query: str, rules: DistressRules, known=lambda stem: False) -> tuple[str, ...] | None:
    """The phrase `distress_match` finds, whatever its level; else None."""
    found = distress_match(query, rules, known)
    return found[0] if found else None


ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def one_edit_variants(word: str) -> set[str]:
    """Every word of letters one edit away from `word` (see one_edit_apart)."""
    out = set()
    for i in range(len(word) + 1):
        for letter in ALPHABET:
            out.add(word[:i] + letter + word[i:])
        if i < len(word):
            out.add(word[:i] + word[i + 1:])
            for letter in ALPHABET:
                out.add(word[:i] + letter + word[i + 1:])
        if i < len(word) - 1:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
    out.discard(word)
    return out


def known_near(rules: DistressRules, vocabulary: "Vocabulary") -> list[str]:
    """The light stems, one typo away from a word of a phrase, that start a word of the site: all
    the browser needs to know of the site's words to forgive typos exactly as `word_matches` does
    with the whole vocabulary (a typed word is only looked up when it is one edit away from a
    phrase's word, or its stem from the word's stem)."""
    stems = set()
    wanted = {w for phrase in rules.phrases + rules.exhaustion for w in phrase if may_be_mistyped(w)}
    for word in wanted:
        stems |= {light_stem(t) for t in one_edit_variants(word) if may_be_mistyped(t)}
        stems |= one_edit_variants(light_stem(word))
    # The stem of a word of 5 letters or more has 4 letters or more (folding.light_stem).
    return sorted(stem for stem in stems if len(stem) >= 4 and vocabulary.has_prefix(stem))
