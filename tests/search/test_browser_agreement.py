"""The harness tells the truth: in real Chromium, on the served site, the queries of the suite
marked `browser: true` are typed into Material's search box, and the first three pages shown are
the harness's first three (the same set; pages tied on score at the third place may swap)."""

from search_page import location

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


def test_browser_shows_the_harness_top3(open_search, site_url, site_search, search_queries):
    sample = [entry["query"] for entry in search_queries if entry.get("browser")]
    assert len(sample) >= 10

    page = open_search()
    shown = {}
    for query in sample:
        page.type(query)
        shown[query] = [location(href, site_url) for href in page.result_links()]
    assert not page.errors, f"erreurs JavaScript pendant la recherche : {page.errors}"
    disagreements = []
    for query in sample:
        results = site_search.search(query)
        must, may = acceptable_top3(results)
        top3 = set(shown[query][:3])
        if not (must <= top3 <= may) or len(top3) != min(3, len(results)):
            disagreements.append(f"« {query} » : navigateur {shown[query][:3]}, "
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


def test_results_highlight_words_whatever_their_accents(open_search):
    page = open_search()
    seen = {}
    for query in ("medecin traitant", "épuisée"):
        page.type(query)
        seen[query] = {
            "marks": {m.lower() for m in page.page.eval_on_selector_all(
                ".md-search-result__item mark", "ms => ms.map(m => m.textContent.trim())")},
            "first_link": page.result_links()[0],
        }
    assert not page.errors, page.errors
    assert {"médecin", "traitant"} <= seen["medecin traitant"]["marks"]
    assert "épuisement" in seen["épuisée"]["marks"]
    # The opened page highlights the words as written there (Material's `h` parameter).
    assert "h=%C3%A9puis" in seen["épuisée"]["first_link"], seen["épuisée"]["first_link"]
