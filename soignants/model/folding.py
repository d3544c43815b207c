"""Accent folding and light French word forms for search: « médecin » and « medecin » must meet,
and so must « épuisé » and « épuisement ».

Two consumers, which must agree to the letter:
- Python: the index rewrite (search_index.py: the site's words) and the content check of the
  distress phrases (lint/data_checks.py);
- the browser: overrides/assets/javascripts/search-soignants.js folds what the reader types, drops the
  stop words and compares word forms the same way. The JavaScript gets the data below (stop words
  and word-form rules) from `search/search_index.json` (`config.soignants`, see `query_rules`),
  so only the few lines of code are written twice; tests/search checks the browser's side on
  every query of the relevance suite and every distress phrase.
"""

from functools import lru_cache
import re
import unicodedata

# Word-form rules, applied to an accent-free lower-case word of letters only.
# Material appends `*` to each query term (prefix search), so the query only needs to be cut down
# to a prefix that every form of the word shares: « dettes » -> « dett* » finds « dette »,
# « épuisé » -> « epuis* » finds « épuisement ». Nothing is stemmed in the index.
# Each rule: (suffix, replacement, shortest stem kept). The first matching rule of each list wins.
PLURAL_RULES = (
    ("aux", "a", 4),   # médicaux -> medica* (médical, médicale), travaux -> trava* (travail)
    ("ss", "ss", 0),   # stress: not a plural
    ("s", "", 4),      # dettes -> dette, internes -> interne
    ("x", "", 4),      # jeux -> jeu
)
SUFFIX_RULES = (
    ("ement", "", 4),  # épuisement -> epuis*, harcèlement -> harcel*
    ("ation", "", 4),  # installation -> install*, cotisation -> cotis*
    ("ee", "", 4),     # épuisée -> epuis*
    ("er", "", 4),     # installer -> install*, assurer -> assur*
    ("e", "", 4),      # épuisé -> epuis*, dette -> dett*, retraite -> retrait*
)
HYPHEN_IN_WORD = re.compile(r"([a-z0-9])-(?=[a-z0-9])")
NOT_WORD = re.compile(r"[^a-z0-9]+")


class _FoldedCharacters(dict):
    """Code point -> its folded form, computed once per character: the index rewrite folds
    every word of the site, and a per-character Unicode lookup each time was its main cost."""

    SPELLED = {"’": "'", "‘": "'", "œ": "oe", "æ": "ae"}

    def __missing__(self, code: int) -> str:
        char = self.SPELLED.get(chr(code), chr(code))
        decomposed = unicodedata.normalize("NFKD", char)
        folded = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
        self[code] = folded
        return folded


_FOLDED = _FoldedCharacters()


def fold(text: str) -> str:
    """Lower-case, strip diacritics (Unicode marks after NFKD), write œ/æ as oe/ae and the
    typographic apostrophes as a plain one. Same steps as `fold` in search-soignants.js."""
    return text.lower().translate(_FOLDED)


def join_hyphens(folded: str) -> str:
    """« burn-out » -> « burnout », « e-reputation » -> « ereputation »: a hyphenated compound is
    one word for the reader, whichever way it is written."""
    return HYPHEN_IN_WORD.sub(r"\1", folded)


def _apply(word: str, rules) -> str:
    for suffix, replacement, shortest in rules:
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)]
            return stem + replacement if len(stem) >= shortest else word
    return word


@lru_cache(maxsize=1 << 16)  # the same words come back: the content check, the vocabulary, the typo rules
def light_stem(word: str) -> str:
    """The prefix shared by the usual forms of a folded French word (see the rules above).
    Words with digits and words of four letters or fewer are left alone."""
    if len(word) <= 4 or not word.isalpha():
        return word
    return _apply(_apply(word, PLURAL_RULES), SUFFIX_RULES)


def normalize_query(query: str, stop_words=frozenset()) -> str:
    """What the reader typed -> the query given to Material's search, e.g.
    « Je n’en peux plus » -> « peux plus », « Épuisée » -> « epuis », « burn-out » -> « burnout ».

    Folded, hyphenated compounds joined, split on anything but letters and digits (so that
    « l'Ordre » gives « ordre »), one-letter words and stop words (folded) dropped, light stem,
    each word once. Lunr's query syntax (+, -, ~, ^, :, quotes) is not kept: readers do not use it
    and a stray character must not change the results."""
    words = []
    for word in NOT_WORD.split(join_hyphens(fold(query))):
        if len(word) < 2 or word in stop_words:
            continue
        stem = light_stem(word)
        if stem not in words:
            words.append(stem)
    return " ".join(words)


def query_rules(stop_words) -> dict:
    """The data search-soignants.js needs to run `normalize_query`, stored in the search index."""
    return {
        "stop_words": sorted(stop_words),
        "plural_rules": [list(rule) for rule in PLURAL_RULES],
        "suffix_rules": [list(rule) for rule in SUFFIX_RULES],
    }
