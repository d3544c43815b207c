"""The result list in Chromium: the words found are highlighted whatever their accents, the query
never goes into a result's address, and what Pagefind returns (titles, excerpts) lands as text."""


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


def test_titles_and_excerpts_land_as_text(open_search):
    page = open_search()
    page.type("prévoyance")
    # Inside each result, only the elements Material builds and our highlighting: no markup
    # from the index (Pagefind's excerpts carry HTML; search-soignants.js makes them text).
    tags = set(page.page.eval_on_selector_all(
        ".md-search-result__item *", "els => els.map(e => e.tagName.toLowerCase())"))
    assert tags <= {"a", "article", "div", "h1", "h2", "mark", "details", "summary", "nav", "span", "p"}, tags
    assert page.page.locator(".md-search-result__item").count() >= 3
    titles = page.page.eval_on_selector_all(".md-search-result__item h1", "hs => hs.map(h => h.textContent)")
    assert titles and all(t.strip() and "<" not in t and "¶" not in t for t in titles), titles
    assert not page.errors, page.errors


NO_ENGINE_WORKER = """
(() => {
  const Native = window.Worker;
  window.Worker = function (url, options) {
    if (String(url).includes("pagefind-worker")) throw new Error("pas de worker pour Pagefind");
    return new Native(url, options);
  };
  window.Worker.prototype = Native.prototype;
})();
"""


def test_the_search_works_when_its_engine_runs_in_the_page(new_context, open_page_in):
    # A browser that cannot start Pagefind's worker: Pagefind runs its WebAssembly in the page,
    # under the page's Content-Security-Policy ('wasm-unsafe-eval', soignants/pipeline/csp.py).
    from browser_support import context_options
    from search_page import SearchPage

    context = new_context(**context_options("desktop"))
    context.add_init_script(NO_ENGINE_WORKER)
    page = SearchPage(*open_page_in(context, ""))
    page.type("prévoyance")
    assert page.result_links(), "aucun résultat quand le moteur tourne dans la page"
    assert not page.errors, page.errors
    assert not page.journal.problems(), page.journal.problems()
