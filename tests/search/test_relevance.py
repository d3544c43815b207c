"""Relevance of the site's search, measured on the real engine: in Chromium, on the served site,
each query of the suite goes through the page's own search (search-soignants.js: folding, stop
words, typos, distress, then Pagefind's index of the built site), on an English page for
`lang: en`. What a tired reader types must bring the right page in the top 3.

Metrics (recall@1, recall@3, MRR), overall and for each kind of query (typo, distress), are
printed and written to test-artifacts/search-metrics.json. A failing query is fixed in the fiche's
`mots_cles` or in the indexing, never by removing it.
"""

from pathlib import Path
import json
import re

import pytest

from soignants.model.folding import fold, light_stem, normalize_query
from soignants.pipeline.material_text import BrowserText, language
from soignants.model.search_query import one_edit_apart

ROOT = Path(__file__).resolve().parents[2]
ARTIFACT = ROOT / "test-artifacts" / "search-metrics.json"
MIN_RECALL_AT_3 = 0.95
KINDS = ("typo", "distress")
MIN_TYPO_QUERIES = 25
MIN_DISTRESS_QUERIES = 15
EDITION_PAGE = {"fr": "", "en": "en/"}
BODY = re.compile(r"<div [^>]*data-pagefind-body")


def indexed_pages(site_root: Path) -> set[str]:
    """The pages the readers' search holds: those the build marked for Pagefind."""
    pages = set()
    for path in site_root.rglob("index.html"):
        if BODY.search(path.read_text(encoding="utf-8")):
            location = path.parent.relative_to(site_root).as_posix()
            pages.add("" if location == "." else location + "/")
    return pages


def rank_of(pages: list[str], expected: str) -> int | None:
    return pages.index(expected) + 1 if expected in pages else None


def test_queries_file_is_a_real_suite(search_queries, site_root):
    assert len(search_queries) >= 40
    assert sum(1 for q in search_queries if q.get("kind") == "typo") >= MIN_TYPO_QUERIES
    assert sum(1 for q in search_queries if q.get("kind") == "distress") >= MIN_DISTRESS_QUERIES
    pages = indexed_pages(site_root)
    for entry in search_queries:
        assert set(entry) <= {"query", "expected", "kind", "lang"}, entry
        assert entry.get("kind", "typo") in KINDS and entry.get("lang", "fr") in ("fr", "en"), entry
        assert entry["expected"] in pages, f"« {entry['expected']} » n'est pas une page de l'index de recherche"
    keys = [(q["query"], q.get("lang", "fr")) for q in search_queries]
    assert len(set(keys)) == len(keys), "requête en double"


def metrics_of(details: list[dict]) -> dict:
    n = len(details)
    return {
        "queries": n,
        "recall_at_1": round(sum(1 for d in details if d["rank"] == 1) / n, 4),
        "recall_at_3": round(sum(1 for d in details if d["rank"] and d["rank"] <= 3) / n, 4),
        "mrr": round(sum(1 / d["rank"] for d in details if d["rank"]) / n, 4),
    }


@pytest.fixture
def suite_results(search_queries, new_context, open_page_in):
    """Every query of the suite, searched on a page of its edition: {(query, lang): result}."""
    from browser_support import context_options
    from search_page import SearchPage

    results = {}
    for lang, path in EDITION_PAGE.items():
        queries = [q["query"] for q in search_queries if q.get("lang", "fr") == lang]
        page = SearchPage(*open_page_in(new_context(**context_options("desktop")), path))
        for query, found in zip(queries, page.search(queries)):
            results[query, lang] = found
        assert not page.errors, f"erreurs JavaScript pendant la recherche : {page.errors}"
    return results


def test_relevance(search_queries, suite_results):
    details = []
    for entry in search_queries:
        lang = entry.get("lang", "fr")
        found = suite_results[entry["query"], lang]
        details.append({
            "query": entry["query"],
            "kind": entry.get("kind", ""),
            "lang": lang,
            "words": found["words"],
            "expected": entry["expected"],
            "rank": rank_of(found["pages"], entry["expected"]),
            "top3": found["pages"][:3],
        })
    n = len(details)
    metrics = metrics_of(details)
    by_kind = {kind: metrics_of([d for d in details if d["kind"] == kind]) for kind in KINDS}
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps({**metrics, "by_kind": by_kind, "details": details}, ensure_ascii=False,
                                   indent=2) + "\n", encoding="utf-8")
    misses = [d for d in details if not d["rank"] or d["rank"] > 3]
    print(f"\nRecherche : {n} requêtes, rappel@1 {metrics['recall_at_1']:.3f}, "
          f"rappel@3 {metrics['recall_at_3']:.3f}, MRR {metrics['mrr']:.3f}")
    for kind, figures in by_kind.items():
        print(f"  dont {kind} : {figures['queries']} requêtes, rappel@1 {figures['recall_at_1']:.3f}, "
              f"rappel@3 {figures['recall_at_3']:.3f}, MRR {figures['mrr']:.3f}")
    for d in misses:
        print(f"  hors des 3 premiers : « {d['query']} » -> {d['expected']} (rang {d['rank']}), "
              f"en tête : {', '.join(d['top3'])}")
    assert metrics["recall_at_3"] >= MIN_RECALL_AT_3, (
        f"rappel@3 {metrics['recall_at_3']:.3f} < {MIN_RECALL_AT_3} ; requêtes hors des 3 premiers : "
        + "; ".join(f"« {d['query']} » (attendu {d['expected']}, rang {d['rank']})" for d in misses))
    not_first = [d for d in details if d["kind"] == "distress" and d["rank"] != 1]
    assert not not_first, "détresse : la page d'aide doit venir en premier ; " + "; ".join(
        f"« {d['query']} » : rang {d['rank']}, en tête {d['top3']}" for d in not_first)


def test_accents_case_and_typography_do_not_change_results(open_search):
    pairs = [("médecin traitant", "medecin traitant"), ("Épuisé", "epuise"),
             ("PRÉVOYANCE ARRÊT MALADIE", "prevoyance arret maladie"), ("plainte à l’Ordre", "plainte a l'ordre"),
             ("burn-out", "burnout"), ("cœur", "coeur")]
    page = open_search()
    found = page.search([q for pair in pairs for q in pair])
    for i, (typed, plain) in enumerate(pairs):
        assert found[2 * i]["pages"] == found[2 * i + 1]["pages"], (typed, plain)
        assert found[2 * i]["pages"], typed


def test_word_forms_meet(open_search):
    # The forms of a word find the same pages: the first page of the first form is in the top 3 of each.
    page = open_search()
    for forms in [("épuisé", "épuisée", "épuisement", "épuisés"), ("dette", "dettes"),
                  ("agressé", "agressée", "agression"), ("installer", "installation")]:
        found = page.search(list(forms))
        first = found[0]["pages"][0]
        assert all(first in f["pages"][:3] for f in found), (forms, [f["pages"][:3] for f in found])


def test_query_normalization():
    stop = BrowserText({"lang": ["fr", "en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}) \
        .query_stop_words()
    assert normalize_query("Je n’en peux plus", stop) == "peux plus"
    assert normalize_query("plainte à l'Ordre des médecins", stop) == "plaint ordr medecin"
    assert normalize_query("IJ", stop) == "ij"
    assert normalize_query("le la les", stop) == ""
    assert light_stem("stress") == "stress"
    assert fold("Œuvre d’Ære") == "oeuvre d'aere"


def test_stop_words_are_read_from_material():
    french, english = language("fr"), language("en")
    assert {"les", "des", "été", "vous"} <= french.stop_words
    assert {"the", "and", "with"} <= english.stop_words
    assert "À-Ö" in french.word_characters


def test_the_rules_file_is_light_and_the_pages_are_marked_for_the_index(site_root):
    index = json.loads((site_root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [], "l'index de Material ne sert plus qu'à porter les règles"
    rules = index["config"]["soignants"]
    assert "les" in rules["stop_words"] and rules["distress"]["phrases"]
    assert set(rules["help_documents"]) == set(rules["help_pages"].values())
    assert all(doc["title"] and doc["text"] for doc in rules["help_documents"].values())
    vocabulary = json.loads((site_root / "search" / rules["vocabulary"]).read_text(encoding="utf-8"))
    assert len(vocabulary["terms"]) == len(vocabulary["counts"]) > 1000
    assert vocabulary["terms"] == sorted(vocabulary["terms"]) and {"epuisement", "prevoyance"} <= set(vocabulary["terms"])
    # The fiche's own words, weighed like a title, and its edition, in the indexed body only.
    fiche = (site_root / "fiches" / "cabinet" / "prevoyance" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span data-pagefind-weight="7" data-pagefind-meta="mots_cles">[^<]*indemnites journalieres', fiche)
    assert 'data-pagefind-filter="edition:fr"' in fiche
    english = (site_root / "en" / "index.html").read_text(encoding="utf-8")
    assert 'data-pagefind-filter="edition:en"' in english
    entry = json.loads((site_root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]  # one index, both editions, French word rules
    assert entry["languages"]["fr"]["page_count"] == len(indexed_pages(site_root))


# --- Typos forgiven (soignants/model/search_query.py, search-soignants.js) -------------------------------

@pytest.mark.parametrize("a, b, expected", [
    ("epuisment", "epuisement", True),   # a letter missing
    ("alcoool", "alcool", True),         # a letter extra
    ("burnuot", "burnout", True),        # two letters swapped
    ("prevoyence", "prevoyance", True),  # a wrong letter
    ("prevoyance", "prevoyance", False),
    ("burnot", "burnout", True),
    ("pliatne", "plainte", False),       # two swaps away
    ("plaitne", "plainte", True),
    ("epusment", "epuisement", False),   # two letters missing
])
def test_one_edit(a, b, expected):
    assert one_edit_apart(a, b) is expected
    assert one_edit_apart(b, a) is expected


def typed_words(query: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", fold(query).replace("-", "")) if len(w) >= 2]


def test_exact_queries_are_sent_as_typed(open_search, search_queries, site_root):
    # A query whose words are all words of the site is not touched by the typo rule.
    plain = [q["query"] for q in search_queries if not q.get("kind") and q.get("lang", "fr") == "fr"]
    page = open_search()
    changed = {q: p["words"] for q, p in zip(plain, page.prepare(plain))
               if any(w not in typed_words(q) for w in p["words"])}
    assert changed == {}
    # The typos of the suite are corrected, each to a word of the site.
    vocabulary = set(json.loads((site_root / "search" / "vocabulaire.json").read_text(encoding="utf-8"))["terms"])
    typos = [q["query"] for q in search_queries if q.get("kind") == "typo" and q.get("lang", "fr") == "fr"]
    corrections = {w for q, p in zip(typos, page.prepare(typos)) for w in p["words"] if w not in typed_words(q)}
    assert len(corrections) >= 10, corrections
    assert corrections <= vocabulary, corrections - vocabulary


@pytest.mark.parametrize("typed", ["SPZ", "IJJ", "3141", "3114", "mrot", "dete", "RCP", "bms1O"])
def test_short_words_and_numbers_stay_exact(open_search, typed):
    page = open_search()
    [prepared] = page.prepare([typed])
    assert prepared["words"] == typed_words(typed)


def test_a_typo_finds_what_the_right_spelling_finds(open_search):
    pairs = [("epuisemnt", "épuisement"), ("prévoiance", "prévoyance"), ("alcoool", "alcool"),
             ("harcelemnt", "harcèlement"), ("huisier", "huissier"), ("agresion", "agression")]
    page = open_search()
    found = page.search([q for pair in pairs for q in pair])
    for i, (typo, right) in enumerate(pairs):
        wrong, expected = found[2 * i], found[2 * i + 1]
        assert wrong["words"] == [fold(right)] or light_stem(fold(right)) in wrong["words"] \
            or wrong["words"] == expected["words"], (typo, wrong["words"])
        assert wrong["pages"][:3] == expected["pages"][:3] and expected["pages"], (typo, wrong["pages"], expected["pages"])
    # A word typed right is kept as typed beside a corrected one.
    [mixed] = page.prepare(["agresssion cabinet"])
    assert mixed["words"] == ["agression", "cabinet"]


# --- Readers' search only, own edition first ---------------------------------------------------

def test_pages_for_contributors_are_not_in_the_readers_search(open_search, site_root):
    pages = indexed_pages(site_root)
    assert "a-propos/" in pages and "a-propos/confidentialite/" in pages
    assert {"a-propos/performances/", "a-propos/contribuer/", "a-propos/suivi-editorial/"}.isdisjoint(pages)
    page = open_search()
    for found in page.search(["performances lighthouse", "contribuer pull request", "temps de construction",
                              "suivi editorial relecture"]):
        assert not any(p.startswith(("a-propos/performances", "a-propos/contribuer", "a-propos/suivi-editorial"))
                       for p in found["pages"]), found["pages"]


def test_each_edition_finds_its_own_pages_first(open_search):
    queries = ["aide", "help", "burnout", "3114"]
    french = open_search().search(queries)
    english = open_search("en/").search(queries)
    for query, fr, en in zip(queries, french, english):
        split = sum(1 for p in en["pages"] if p.startswith("en/"))
        assert split > 0 and all(p.startswith("en/") for p in en["pages"][:split]), (query, en["pages"])
        french_first = [p for p in fr["pages"] if not p.startswith("en/")]
        assert fr["pages"][:len(french_first)] == french_first and french_first, (query, fr["pages"])
