"""Distress answered with help first (data/recherche-detresse.yml): in real Chromium, every phrase
of the list, typed into the search, opens the results with the crisis card (the numbers of the
help strip, as tel: links, and the way to « Trouver de l'aide ») and puts the help page first;
every documented must-not-trigger query shows no card. The card is reached and used with the
keyboard, axe finds nothing wrong with it, and nothing of the query is stored, sent or put in
the address (the search fetches only files of the site's own index)."""

from urllib.parse import unquote

import pytest

from browser_support import axe_violations
from search_page import location
from soignants.model import distress, help_data

CARD = "[data-ss-recherche-detresse] .ss-recherche-detresse"
EDITIONS = {"fr": ("", "aide/", "Trouver de l’aide"), "en": ("en/", "en/aide/", "Find help")}


def card_state(page) -> dict | None:
    """What the crisis card shows (None when there is none)."""
    return page.page.evaluate("""sel => {
      const card = document.querySelector(sel);
      if (!card) return null;
      const style = getComputedStyle(card);
      return {
        visible: card.getClientRects().length > 0 && style.visibility !== "hidden",
        tel: [...card.querySelectorAll("a[href^='tel:']")].map(a => [a.getAttribute("href"), a.textContent.trim()]),
        help: [...card.querySelectorAll("a:not([href^='tel:'])")].map(a => [a.href, a.textContent.trim()]),
      };
    }""", CARD)


# --- The list itself, through the page's own matching ---------------------------------------------

def test_every_phrase_triggers_and_no_documented_case_does(open_search, distress_data):
    phrases = distress.phrases(distress_data)
    assert len(phrases) >= 15
    page = open_search()
    assert [p for p, found in zip(phrases, page.distress(phrases)) if not found] == []
    cases = distress.must_not_trigger(distress_data)
    assert len(cases) >= 8
    assert {"suicide assisté législation", "erreur de prescription"} <= {c["requete"] for c in cases}
    queries = [c["requete"] for c in cases]
    assert {q: p for q, p in zip(queries, page.distress(queries)) if p} == {}


def test_every_query_of_the_core_opens_the_card(open_search):
    """The must-trigger corpus (data/recherche-detresse-socle.yml), through the page's own matching:
    no exception of the list swallows one (the content check says the same, detresse-avalee)."""
    core = distress.core_queries(distress.load_core())
    assert {"je veux me suicider", "envie de mourir", "me tuer", "en finir", "I want to kill myself"} <= set(core)
    page = open_search()
    assert [q for q, found in zip(core, page.distress(core)) if not found] == []
    assert not page.errors, page.errors


MATCHING = [
    ("Idées SUICIDAIRES", True), ("idée suicidaire", True), ("j'ai des idees suicidaires", True),
    ("sucide", True), ("envie de mourrir", True),                 # one typo in a word of 5+ letters
    ("envie mourir", False),                                       # the words of a phrase follow each other
    ("suicide assisté", False), ("je pense au suicide assisté", False),
    ("suicide assisté et idées suicidaires", True),                # the second phrase is outside the exception
    ("me prendre en charge", False),                               # « prendre », a word of the site, is not « pendre »
    ("self-harm", True), ("self harm", True), ("can’t go on", True),
]


def test_how_a_query_is_matched(open_search):
    page = open_search()
    found = page.distress([query for query, _ in MATCHING])
    assert [(query, bool(f)) for (query, _), f in zip(MATCHING, found)] == MATCHING


def test_distress_puts_the_help_page_first_and_adds_it_when_not_found(open_search):
    for lang, (edition, help_page, _) in EDITIONS.items():
        page = open_search(edition)
        for found in page.search(["en finir", "je veux mourir", "idées noires"]):  # « en finir » alone finds almost nothing
            assert found["pages"][0] == help_page and found["help"] == help_page, (lang, found)


# --- In Chromium -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_phrase_opens_the_card_and_the_help_page_first(open_search, site_url, distress_data, lang):
    edition, help_page, help_title = EDITIONS[lang]
    strip = help_data.strip_entries()
    page = open_search(edition)
    failures = []
    for phrase in distress_data["expressions"][lang]:
        page.enter(phrase)
        card = card_state(page)
        links = [location(href, site_url) for href in page.result_links()]
        if not card or not card["visible"]:
            failures.append(f"« {phrase} » : pas d'encadré")
        elif [href for href, _ in card["tel"]] != [entry["tel"] for entry in strip]:
            failures.append(f"« {phrase} » : numéros {card['tel']}")
        elif [(location(href, site_url), text) for href, text in card["help"]] != [(help_page, help_title)]:
            failures.append(f"« {phrase} » : lien d'aide {card['help']}")
        if links[:1] != [help_page]:
            failures.append(f"« {phrase} » : premiers résultats {links[:3]}")
    assert not failures, "\n".join(failures)
    assert not page.errors, page.errors


def test_the_card_shows_each_number_with_its_name(open_search):
    page = open_search()
    page.enter("idées suicidaires")
    card = card_state(page)
    for entry, (href, text) in zip(help_data.strip_entries(), card["tel"], strict=True):
        assert href == entry["tel"]
        assert text.startswith(entry["telephone"]) and entry["nom_court"] in text, text


def test_documented_cases_do_not_open_the_card(open_search, distress_data):
    page = open_search()
    wrongly = []
    for case in distress.must_not_trigger(distress_data):
        page.enter(case["requete"])
        if card_state(page) is not None:
            wrongly.append(case["requete"])
    # A query in distress, then one that is not: the card goes away.
    page.enter("envie de mourir")
    assert card_state(page) is not None
    page.enter("plainte ordre")
    assert card_state(page) is None
    assert wrongly == [], f"encadré de détresse affiché à tort pour : {wrongly}"
    assert not page.errors, page.errors


def test_the_card_is_used_with_the_keyboard(open_search, site_url):
    page = open_search()
    page.type("envie d'en finir")
    box = page.page.locator("input.md-search__input")
    box.press("ArrowDown")  # Material moves the focus through the links of its result area
    focused = page.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == help_data.strip_entries()[0]["tel"], focused
    ring = page.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring != "none", "le lien a le focus sans le montrer"
    hrefs = []
    for _ in range(len(help_data.strip_entries()) + 1):
        hrefs.append(page.page.evaluate("document.activeElement.href"))
        page.page.keyboard.press("ArrowDown")
    assert location(hrefs[-1], site_url) == "aide/", hrefs  # after the numbers, « Trouver de l'aide »
    # Enter in the search box opens the first result: the help page.
    box.focus()
    with page.page.expect_navigation():
        box.press("Enter")
    assert location(page.page.url.split("#")[0], site_url) == "aide/"
    assert not page.errors, page.errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_card_has_no_accessibility_fault(new_context, open_page_in, scheme):
    from browser_support import context_options
    from search_page import SearchPage

    context = new_context(**context_options("phone", scheme))
    opened, journal = open_page_in(context, "")
    opened.locator("label.md-header__button[for=__search]").click()  # on a phone, the search icon first
    page = SearchPage(opened, journal)
    page.enter("je veux mourir")
    assert card_state(page)["visible"]
    assert page.page.locator("[data-ss-recherche-detresse]").get_attribute("aria-live") == "polite"
    violations = axe_violations(page.page)
    assert violations == [], "\n".join(violations)


def test_nothing_of_the_query_is_kept_or_sent(open_search, site_url):
    page = open_search()
    before = len(page.journal.requests)
    url = page.page.url
    queries = ("je veux mourir", "kill myself", "suicde")
    for query in queries:
        page.type(query)
    # The search fetches files of the site's index (search/, pagefind/), never the query itself.
    fetched = page.journal.requests[before:]
    outside = [u for u in fetched if not u.startswith((site_url + "search/", site_url + "pagefind/"))]
    assert outside == [], f"requête hors de l'index du site pendant la recherche : {outside}"
    for query in queries:
        for word in query.split():
            if len(word) > 2:
                assert not any(word in unquote(u).lower() for u in fetched), (word, fetched)
    assert page.page.url == url
    stored = page.page.evaluate("""() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage),
                                   document.cookie, history.length])""")
    for word in ("mourir", "kill", "suicde"):
        assert word not in unquote(stored), stored
    assert not page.journal.problems(), page.journal.problems()
