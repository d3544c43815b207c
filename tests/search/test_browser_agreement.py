"""The harness tells the truth: in real Chromium, on the served site, the queries of the suite
marked `browser: true` are typed into Material's search box (on an English page for `lang: en`),
and the first three pages shown are the harness's first three, in the same order when the first
one is the help page of a query in distress (the same set otherwise: pages tied on score at the
third place may swap). The query normalization, the typo corrections and the distress check give
the same answers in both, for every query of the suite."""

from search_page import location
from soignants.model import distress

TIE = 1e-6  # relative score difference under which two pages are tied


def acceptable_top3(results) -> tuple[set[str], set[str]]:
    """(pages that must be in the top 3, pages that may be) given the harness's ranked pages."""
    if len(results) <= 3:
        pages = {page.location for page in results}
        return pages, pages
    third = results[2].score
    tolerance = abs(third) * TIE
    must = {page.location for page in results if page.score > third + tolerance}
    may = {page.location for page in results if page.score >= third - tolerance}
    return must, may


EDITION_PAGE = {"fr": "", "en": "en/"}


def test_browser_shows_the_harness_top3(open_search, site_url, site_search, search_queries):
    sample = [(entry["query"], entry.get("lang", "fr")) for entry in search_queries if entry.get("browser")]
    assert len(sample) >= 10
    assert {lang for _, lang in sample} == {"fr", "en"}

    shown = {}
    for lang in ("fr", "en"):
        page = open_search(EDITION_PAGE[lang])
        for query, query_lang in sample:
            if query_lang == lang:
                page.type(query)
                shown[query, lang] = [location(href, site_url) for href in page.result_links()]
        assert not page.errors, f"erreurs JavaScript pendant la recherche : {page.errors}"
    disagreements = []
    for (query, lang), links in shown.items():
        results = site_search.search(query, lang=lang)
        must, may = acceptable_top3(results)
        top3 = set(links[:3])
        first_is_help = site_search.distress(query) and links[:1] != [results[0].location]
        if first_is_help or not (must <= top3 <= may) or len(top3) != min(3, len(results)):
            disagreements.append(f"« {query} » ({lang}) : navigateur {links[:3]}, "
                                 f"harnais {[p.location for p in results[:4]]}")
    assert not disagreements, "le harnais et le navigateur ne classent pas pareil :\n" + "\n".join(disagreements)


def test_browser_normalizes_queries_like_python(open_search, site_search, search_queries):
    queries = [entry["query"] for entry in search_queries] + [
        "Je n’en peux plus", "PRÉVOYANCE", "cœur", "e-réputation", "médicaux", "stress", "+RCP -x \"a b\"",
        "Ærø", "l'Ordre", "naïve", "Noël", "ﬁchier", "burn–out"]

    in_browser = open_search().normalize(queries)
    in_python = [site_search.normalize(query) for query in queries]
    differences = [f"« {q} » : navigateur « {b} », Python « {p} »"
                   for q, b, p in zip(queries, in_browser, in_python) if b != p]
    assert not differences, "\n".join(differences)
    assert any("*^" in n for n in in_python), "aucune faute corrigée : la comparaison ne teste pas les fautes"


def test_browser_sees_distress_like_python(open_search, site_search, search_queries, distress_data):
    queries = ([entry["query"] for entry in search_queries] + distress.phrases(distress_data)
               + [case["requete"] for case in distress.must_not_trigger(distress_data)]
               + ["envie de courir", "me prendre en charge", "suicide assisté", "SUICIDE", "sui-cide"])
    page = open_search()
    in_browser = page.page.evaluate("qs => qs.map(q => window.soignantsSearch.distress(q))", queries)
    in_python = [list(p) if (p := site_search.distress(q)) else None for q in queries]
    differences = [f"« {q} » : navigateur {b}, Python {p}" for q, b, p in zip(queries, in_browser, in_python) if b != p]
    assert not differences, "\n".join(differences)


def test_results_highlight_words_whatever_their_accents(open_search):
    page = open_search()
    seen = {}
    for query in ("medecin traitant", "épuisée", "prévoiance"):
        page.type(query)
        seen[query] = {
            "marks": {m.lower() for m in page.page.eval_on_selector_all(
                ".md-search-result__item mark", "ms => ms.map(m => m.textContent.trim())")},
            "links": page.result_links(),
        }
    assert not page.errors, page.errors
    assert {"médecin", "traitant"} <= seen["medecin traitant"]["marks"]
    assert "épuisement" in seen["épuisée"]["marks"]
    assert "prévoyance" in seen["prévoiance"]["marks"]  # the corrected word
    # The query never goes into a result's address (Material's search.highlight is off).
    for query, entry in seen.items():
        assert entry["links"] and all("?" not in link for link in entry["links"]), (query, entry["links"])
