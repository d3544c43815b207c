"""Relevance of the site's search, measured on the built index with the harness (the browser's own
ranking, reproduced in Python): what a tired reader types must bring the right page in the top 3.

Metrics (recall@1, recall@3, MRR), overall and for each kind of query (typo, distress), are
printed and written to test-artifacts/search-metrics.json. A failing query is fixed in the fiche's
`mots_cles` or in the indexing, never by removing it.
"""

from pathlib import Path
import json

import pytest

from soignants.model.folding import fold, light_stem, normalize_query
from soignants.build.search_harness import BrowserText, language
from soignants.model.search_query import EXACT_BOOST, one_edit_apart, query_words

ROOT = Path(__file__).resolve().parents[2]
ARTIFACT = ROOT / "test-artifacts" / "search-metrics.json"
MIN_RECALL_AT_3 = 0.95
KINDS = ("typo", "distress")
MIN_TYPO_QUERIES = 25
MIN_DISTRESS_QUERIES = 15


def rank_of(pages: list[str], expected: str) -> int | None:
    return pages.index(expected) + 1 if expected in pages else None


def test_queries_file_is_a_real_suite(search_queries, site_search):
    assert len(search_queries) >= 40
    assert sum(1 for q in search_queries if q.get("browser")) >= 10
    assert sum(1 for q in search_queries if q.get("kind") == "typo") >= MIN_TYPO_QUERIES
    assert sum(1 for q in search_queries if q.get("kind") == "distress") >= MIN_DISTRESS_QUERIES
    pages = {page for page in site_search.by_location if "#" not in page}
    for entry in search_queries:
        assert set(entry) <= {"query", "expected", "browser", "kind", "lang"}, entry
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


def test_relevance(search_queries, site_search):
    details = []
    for entry in search_queries:
        lang = entry.get("lang", "fr")
        results = site_search.search(entry["query"], lang=lang)
        pages = [page.location for page in results]
        details.append({
            "query": entry["query"],
            "kind": entry.get("kind", ""),
            "lang": lang,
            "normalized": site_search.normalize(entry["query"]),
            "expected": entry["expected"],
            "rank": rank_of(pages, entry["expected"]),
            "top3": pages[:3],
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


@pytest.mark.parametrize("typed, plain", [
    ("médecin traitant", "medecin traitant"),
    ("Épuisé", "epuise"),
    ("PRÉVOYANCE ARRÊT MALADIE", "prevoyance arret maladie"),
    ("plainte à l’Ordre", "plainte a l'ordre"),
    ("burn-out", "burnout"),
    ("cœur", "coeur"),
])
def test_accents_case_and_typography_do_not_change_results(site_search, typed, plain):
    assert site_search.normalize(typed) == site_search.normalize(plain)
    assert site_search.pages(typed) == site_search.pages(plain)


def test_word_forms_meet(site_search):
    # The forms of a word give the same query prefix, which Material's `*` extends.
    for forms in [("épuisé", "épuisée", "épuisement", "épuisés"), ("dette", "dettes"),
                  ("agressé", "agressée"), ("installer", "installation")]:
        stems = {site_search.normalize(form) for form in forms}
        assert len(stems) == 1, (forms, stems)
    assert site_search.normalize("agression").startswith(site_search.normalize("agressé"))
    assert site_search.normalize("médical").startswith(site_search.normalize("médicaux"))
    assert site_search.normalize("épuisement").startswith("epuis")


def test_query_normalization():
    stop = BrowserText({"lang": ["fr", "en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}) \
        .query_stop_words()
    assert normalize_query("Je n’en peux plus", stop) == "peux plus"
    assert normalize_query("plainte à l'Ordre des médecins", stop) == "plaint ordr medecin"
    assert normalize_query("IJ", stop) == "ij"
    assert normalize_query("+RCP -assurance \"rc pro\"", stop) == "rcp assuranc rc pro"
    assert normalize_query("le la les", stop) == ""
    assert light_stem("stress") == "stress"
    assert light_stem("bms10") == "bms10"
    assert fold("Œuvre d’Ære") == "oeuvre d'aere"


def test_stop_words_are_read_from_material():
    french, english = language("fr"), language("en")
    assert {"les", "des", "été", "vous"} <= french.stop_words
    assert {"the", "and", "with"} <= english.stop_words
    assert "À-Ö" in french.word_characters


def test_index_ranks_on_folded_fields_and_carries_query_rules(site_search):
    config = site_search.config
    fields = config["fields"]
    # Display fields stay indexed (highlighting) but weigh nothing: lunr keeps 3 decimals.
    for name in ("title", "text", "tags"):
        assert fields[name]["boost"] * 100 < 0.0005
    for name in ("folded_title", "folded", "folded_tags", "keywords"):
        assert fields[name]["boost"] >= 1
    rules = config["soignants"]
    assert "les" in rules["stop_words"] and "ete" in rules["stop_words"]
    assert rules["plural_rules"] and rules["suffix_rules"]


# --- Typos forgiven (soignants/model/search_query.py) -------------------------------------------------

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


def test_exact_queries_are_sent_as_before(site_search, search_queries):
    # A query whose words all start words of the site is not touched by the typo rule:
    # its ranking is the one it had before typos were forgiven.
    stop = site_search.query_stop_words
    plain = [q["query"] for q in search_queries if not q.get("kind")]
    assert {q: site_search.normalize(q) for q in plain if site_search.normalize(q) != normalize_query(q, stop)} == {}
    # Elsewhere, only words that find nothing as typed are replaced (« sucidaires »); the others
    # are still sent, weighing more than the corrected ones.
    others = [q["query"] for q in search_queries if q.get("kind")]
    changed = {q: site_search.normalize(q) for q in others if site_search.normalize(q) != normalize_query(q, stop)}
    assert changed
    for query, sent in changed.items():
        for word in query_words(query, stop):
            if site_search.vocabulary.has_prefix(light_stem(word)):
                assert f"{light_stem(word)}*^{EXACT_BOOST}" in sent.split(), (query, sent)


@pytest.mark.parametrize("typed", ["SPZ", "IJJ", "3141", "3114", "mrot", "dete", "RCP", "bms1O"])
def test_short_words_and_numbers_stay_exact(site_search, typed):
    stop = site_search.query_stop_words
    assert site_search.normalize(typed) == normalize_query(typed, stop)


def test_a_typo_finds_what_the_right_spelling_finds(site_search):
    for typo, right in [("epuisemnt", "épuisement"), ("prévoiance", "prévoyance"), ("alcoool", "alcool"),
                        ("harcelemnt", "harcèlement"), ("huisier", "huissier")]:
        assert site_search.normalize(right) in site_search.normalize(typo).split(), typo
        found, expected = site_search.pages(typo, 100), site_search.pages(right, 100)
        assert set(expected) <= set(found) and found[0] == expected[0], typo
    # Words typed right weigh more than corrected ones in the same query.
    assert site_search.normalize("agresssion cabinet") == "agression cabinet*^2"


# --- Readers' search only, own edition first ---------------------------------------------------

def test_pages_for_contributors_are_not_in_the_readers_search(site_search):
    pages = {location for location in site_search.by_location if "#" not in location}
    assert "a-propos/" in pages and "a-propos/confidentialite/" in pages
    assert {"a-propos/performances/", "a-propos/contribuer/"}.isdisjoint(pages)
    for query in ("performances lighthouse", "contribuer pull request", "temps de construction"):
        assert not any(p.startswith(("a-propos/performances", "a-propos/contribuer")) for p in site_search.pages(query, 50))


def test_each_edition_finds_its_own_pages_first(site_search):
    for query in ("aide", "help", "burnout", "3114"):
        english = site_search.pages(query, 1000, lang="en")  # every result: the same set, reordered
        french = site_search.pages(query, 1000, lang="fr")
        assert sorted(english) == sorted(french), query  # the same pages, in another order
        split = sum(1 for p in english if p.startswith("en/"))
        assert all(p.startswith("en/") for p in english[:split]) and split > 0, (query, english)
        assert not any(p.startswith("en/") for p in french[:len(french) - split]), (query, french)
