"""The words of distress (data/recherche-detresse.yml): read, folded like the index, and handed to
the search (config.soignants.distress in the search index; see search_query.py for how a query is
matched, and overrides/assets/javascripts/search-soignants.js for the browser's side)."""

from .. import DATA_DIR
from .search_query import DistressRules, phrase_words
from .yamlfile import load_yaml_file

DISTRESS_FILE = DATA_DIR / "recherche-detresse.yml"
# The must-trigger corpus: queries that must always open the card (no exception may swallow one).
CORE_FILE = DATA_DIR / "recherche-detresse-socle.yml"
# The help page put first, by edition (language -> location in the search index).
HELP_PAGES = {"fr": "aide/", "en": "en/aide/"}
# The non-default editions and the prefix of their pages in the search index.
EDITIONS = {"en": "en/"}


def load(path=DISTRESS_FILE) -> dict:
    return load_yaml_file(path)


def phrases(data: dict) -> list[str]:
    """Every phrase of the file, all languages, in file order."""
    return [p for lang in ("fr", "en") for p in (data.get("expressions") or {}).get(lang) or []]


def exceptions(data: dict) -> list[str]:
    return [entry["expression"] for entry in data.get("exceptions") or []]


def core_queries(core: dict) -> list[str]:
    """The queries of the must-trigger corpus (data/recherche-detresse-socle.yml), all languages."""
    block = core.get("doivent_declencher") or {}
    return [q for lang in ("fr", "en") for q in block.get(lang) or []]


def load_core(path=CORE_FILE) -> dict:
    return load_yaml_file(path)


def must_not_trigger(data: dict) -> list[dict]:
    """The documented queries that must not show the card: {requete, raison}."""
    return list(data.get("ne_declenchent_pas") or [])


def rules(data: dict) -> DistressRules:
    """The phrases and exceptions as the search matches them (folded words)."""
    return DistressRules(tuple(tuple(phrase_words(p)) for p in phrases(data) if phrase_words(p)),
                         tuple(tuple(phrase_words(e)) for e in exceptions(data) if phrase_words(e)))


def index_rules(path=DISTRESS_FILE) -> dict:
    """What the browser needs, stored in the search index (config.soignants)."""
    found = rules(load(path))
    return {"distress": {"phrases": [list(p) for p in found.phrases],
                         "exceptions": [list(e) for e in found.exceptions]},
            "help_pages": dict(HELP_PAGES), "editions": dict(EDITIONS)}
