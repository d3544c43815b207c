"""The words of distress (data/recherche-detresse.yml): read, folded like the index, and handed to
the search (config.soignants.distress in the search index; see search_query.py for how a query is
matched, and overrides/assets/javascripts/detresse.js for the browser's side, which matches as
the reader types, with the data of `browser_rules` written into it at build time).

Two levels: `expressions` (crisis: the card, and the help page first among the results) and
`epuisement` (exhaustion: the card, the results in their order). `graphies`: SMS spellings written
out before matching (« jpp » -> « j'en peux plus »)."""

from .. import DATA_DIR
from .folding import PLURAL_RULES, SUFFIX_RULES
from .search_query import CRISIS, EXHAUSTION, MIN_TYPO_LENGTH, DistressRules, known_near, phrase_words
from .yamlfile import load_yaml_file

DISTRESS_FILE = DATA_DIR / "recherche-detresse.yml"
# The must-trigger corpus: queries that must always open the card (no exception may swallow one).
CORE_FILE = DATA_DIR / "recherche-detresse-socle.yml"
# The help page put first, by edition (language -> location in the search index).
HELP_PAGES = {"fr": "aide/", "en": "en/aide/"}
# The non-default editions and the prefix of their pages in the search index.
EDITIONS = {"en": "en/"}
LEVELS = {"expressions": CRISIS, "epuisement": EXHAUSTION}


def load(path=DISTRESS_FILE) -> dict:
    return load_yaml_file(path)


def phrases(data: dict, key: str = "expressions") -> list[str]:
    """Every phrase of one level (`expressions`: crisis, `epuisement`: exhaustion), all languages,
    in file order."""
    return [p for lang in ("fr", "en") for p in (data.get(key) or {}).get(lang) or []]


def all_phrases(data: dict) -> list[str]:
    """Every phrase of the file, crisis then exhaustion."""
    return [p for key in LEVELS for p in phrases(data, key)]


def exceptions(data: dict) -> list[str]:
    return [entry["expression"] for entry in data.get("exceptions") or []]


def core_queries(core: dict) -> list[str]:
    """The queries of the must-trigger corpus (data/recherche-detresse-socle.yml), all languages."""
    block = core.get("doivent_declencher") or {}
    return [q for lang in ("fr", "en") for q in block.get(lang) or []]


def load_core(path=CORE_FILE) -> dict:
    return load_yaml_file(path)


def spellings(data: dict) -> dict[str, str]:
    """SMS spellings: {typed word: what it stands for}."""
    return dict(data.get("graphies") or {})


def must_not_trigger(data: dict) -> list[dict]:
    """The documented queries that must not show the card: {requete, raison}."""
    return list(data.get("ne_declenchent_pas") or [])


def _folded(texts) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase_words(t)) for t in texts if phrase_words(t))


def _folded_spellings(data: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found = []
    for typed, meant in spellings(data).items():
        words = phrase_words(str(typed))
        if len(words) == 1:  # « na » -> « n'a » writes out to no word: it is then left out
            found.append((words[0], tuple(phrase_words(str(meant)))))
    return tuple(found)


def rules(data: dict) -> DistressRules:
    """The phrases, exceptions and spellings as the search matches them (folded words)."""
    return DistressRules(_folded(phrases(data, "expressions")), _folded(exceptions(data)),
                         _folded(phrases(data, "epuisement")), _folded_spellings(data))


def _as_lists(found: DistressRules) -> dict:
    return {"phrases": [list(p) for p in found.phrases],
            "exhaustion": [list(p) for p in found.exhaustion],
            "exceptions": [list(e) for e in found.exceptions],
            "spellings": {word: list(out) for word, out in found.spellings}}


def index_rules(path=DISTRESS_FILE) -> dict:
    """What the search engine needs, stored in the search index (config.soignants)."""
    return {"distress": _as_lists(rules(load(path))), "help_pages": dict(HELP_PAGES), "editions": dict(EDITIONS)}


def browser_rules(vocabulary, path=DISTRESS_FILE) -> dict:
    """What detresse.js needs to match as the reader types, without the search engine or the
    site's words: the phrases and their rules, the word-form rules, and the few stems of the site
    that a typo must not be read into (search_query.known_near)."""
    found = rules(load(path))
    return {**_as_lists(found),
            "plural_rules": [list(rule) for rule in PLURAL_RULES],
            "suffix_rules": [list(rule) for rule in SUFFIX_RULES],
            "min_typo_length": MIN_TYPO_LENGTH,
            "known": known_near(found, vocabulary)}
