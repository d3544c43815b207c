"""Distress answered with help first (data/recherche-detresse.yml): in real Chromium, every phrase
of the list, typed into the search, opens the results with the crisis card (the numbers of the
help strip, as tel: links, and the way to « Trouver de l'aide »); a phrase of crisis also puts the
help page first, a phrase of exhaustion leaves the results in their order; every documented
must-not-trigger query shows no card. The page's matching (detresse.js) and Python's
(search_query.py) agree on every query tried. The card shows as the phrase is typed, before the
search engine has loaded, and offline (with one line saying the search is unavailable); the
numbers and « Quitter » stay in the open search on every query. The card is reached and used with
the keyboard, axe finds nothing wrong with it, and nothing of the query is stored, sent or put in
the address (the search fetches only files of the site's own index)."""

from urllib.parse import unquote
import json

import pytest

from browser_support import axe_violations, context_options
from call_targets import call_link_problems
from search_page import location
from soignants.model import distress, help_data
from soignants.model.search_query import Vocabulary, distress_match, phrase_words

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
    phrases = distress.all_phrases(distress_data)
    assert len(distress.phrases(distress_data)) >= 15 and len(distress.phrases(distress_data, "epuisement")) >= 10
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
    ("noires idées", False),                                       # the words of a phrase follow each other
    ("suicide assisté", False), ("je pense au suicide assisté", False),
    ("suicide assisté et idées suicidaires", True),                # the second phrase is outside the exception
    ("me prendre en charge", False),                               # « prendre », a word of the site, is not « pendre »
    ("self-harm", True), ("self harm", True), ("can’t go on", True),
    # Written as people write at night (issue 21): no accents, no apostrophe, SMS, third person.
    ("je n'en peux plus", True), ("jen peux plus", True), ("jpp", True), ("chui a bout", True),
    ("je suis à bout de forces", True), ("elle n'en peut plus", True), ("il veut mourir", True),
    ("jveux mourir", True), ("je ne vois plus d'issue", True), ("ma vie na plus de sens", True),
    ("fatiguee de vivre", True), ("au secours", True), ("aidez-moi", True), ("plus la force", True),
    ("je veux tout arrêter", True), ("pensées de mort", True), ("mourir", True),
    # Negations that change the meaning, and the phrases' neighbours that are no distress.
    ("envie de vivre autrement", False), ("voir le bout du tunnel", False), ("au bout de trois mois", False),
    ("je ne peux plus payer mes cotisations", False), ("aide à mourir", False), ("tout arrêt de travail", False),
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
    """Crisis: the card and the help page first. Exhaustion: the card, the results in their order."""
    edition, help_page, help_title = EDITIONS[lang]
    strip = help_data.strip_entries()
    page = open_search(edition)
    failures = []
    crisis = distress_data["expressions"][lang]
    for phrase in crisis + distress_data["epuisement"][lang]:
        page.enter(phrase)
        card = card_state(page)
        links = [location(href, site_url) for href in page.result_links()]
        if not card or not card["visible"]:
            failures.append(f"« {phrase} » : pas d'encadré")
        elif [href for href, _ in card["tel"]] != [entry["tel"] for entry in strip]:
            failures.append(f"« {phrase} » : numéros {card['tel']}")
        elif [(location(href, site_url), text) for href, text in card["help"]] != [(help_page, help_title)]:
            failures.append(f"« {phrase} » : lien d'aide {card['help']}")
        if phrase in crisis and links[:1] != [help_page]:
            failures.append(f"« {phrase} » : premiers résultats {links[:3]}")
        found = page.search([phrase])[0]
        if phrase not in crisis and found["help"] is not None:
            failures.append(f"« {phrase} » (épuisement) : la page d'aide est mise en tête")
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


# --- The page and Python agree (detresse.js and search_query.py) ------------------------------------

def typo_variants(phrase: str) -> list[str]:
    """The phrase with one typo in a word of 5 letters or more: a letter dropped, two swapped, one
    doubled; what the typo rule forgives, or refuses when the typed word is a word of the site."""
    words = phrase_words(phrase)
    out = []
    for i, word in enumerate(words):
        if len(word) < 5:
            continue
        middle = len(word) // 2
        for typed in (word[:middle] + word[middle + 1:], word[:middle - 1] + word[middle] + word[middle - 1] + word[middle + 1:],
                      word[:middle] + word[middle] + word[middle:]):
            out.append(" ".join(words[:i] + [typed] + words[i + 1:]))
    return out


def test_the_page_matches_as_python_does(open_search, distress_data, site_root, search_queries):
    terms = json.loads((site_root / "search" / "vocabulaire.json").read_text(encoding="utf-8"))
    vocabulary = Vocabulary(dict(zip(terms["terms"], terms["counts"])))
    rules = distress.rules(distress_data)
    phrases = distress.all_phrases(distress_data)
    queries = list(dict.fromkeys(
        phrases + [variant for phrase in phrases for variant in typo_variants(phrase)]
        + [case["requete"] for case in distress.must_not_trigger(distress_data)]
        + [query for query, _ in MATCHING] + [entry["query"] for entry in search_queries]
        + ["me prendre en charge", "courir", "envie de courir", "sourire", "jpp svp", "JE VEUX MOURIR !!!"]))
    assert len(queries) > 400
    page = open_search()
    found = page.page.evaluate("qs => qs.map(q => window.soignantsDetresse.match(q))", queries)
    differ = []
    for query, browser in zip(queries, found):
        python = distress_match(query, rules, vocabulary.has_prefix)
        if (python and [list(python[0]), python[1]]) != (browser and [browser["phrase"], browser["level"]]):
            differ.append(f"« {query} » : Python {python}, navigateur {browser}")
    assert not differ, "\n".join(differ)


# --- Before the engine, and offline ---------------------------------------------------------------

FICHE = "fiches/soignant/epuisement-professionnel/"
SEARCH_ICON = "label.md-header__button[for=__search]"
SEARCH_BOX = "input.md-search__input"
OVERLAY_STATE = """() => {
  const shown = el => !!el && el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const onTop = el => { if (!shown(el)) return false; const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.bottom > 0 && r.top < innerHeight && !!hit && el.contains(hit); };
  const meta = document.querySelector(".md-search-result__meta");
  return {
    card: shown(document.querySelector("[data-ss-recherche-detresse] .ss-recherche-detresse")),
    unavailable: shown(document.querySelector("[data-ss-recherche-indisponible]")),
    initialising: shown(meta) ? meta.textContent.trim() : null,
    row: [...document.querySelectorAll(".md-search .ss-recherche-aide a[href^='tel:']")].filter(onTop).map(a => a.getAttribute("href")),
    card_numbers: [...document.querySelectorAll(".ss-recherche-detresse a[href^='tel:']")].filter(onTop).map(a => a.getAttribute("href")),
    quitter: [...document.querySelectorAll(".md-search [data-ss-quitter-aussi]")].some(onTop),
  };
}"""


def open_phone_search(page):
    page.locator(SEARCH_ICON).click()
    page.wait_for_function("() => document.getElementById('__search').checked")
    # Material fades the search in: measured once it is fully on screen.
    page.wait_for_function("""() => [".md-search__inner", ".md-search__output"].every(sel =>
      getComputedStyle(document.querySelector(sel)).opacity === "1")""")


def test_the_card_shows_as_the_phrase_is_typed_before_the_engine_has_loaded(new_context, open_page_in):
    context = new_context(**context_options("phone", "dark"))
    held = []
    context.route("**/search-soignants.js", lambda route: held.append(route))  # the engine never arrives
    opened, journal = open_page_in(context, FICHE)
    open_phone_search(opened)
    tel = [entry["tel"] for entry in help_data.strip_entries()]
    state = opened.evaluate(OVERLAY_STATE)
    assert state["row"] == tel and state["quitter"] and not state["card"], state  # on every query, even none
    opened.locator(SEARCH_BOX).press_sequentially("jpp")
    state = opened.evaluate(OVERLAY_STATE)  # no wait: the keystroke's own handler showed it
    assert state["card"] and state["card_numbers"] == tel and state["quitter"], state
    assert state["initialising"] and not state["unavailable"], state  # the engine is still loading
    opened.locator(SEARCH_BOX).fill("plainte")
    state = opened.evaluate(OVERLAY_STATE)
    assert not state["card"] and state["row"] == tel and state["quitter"], state
    assert held, "le moteur de recherche n'a pas été demandé à l'ouverture"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_offline_the_search_says_so_and_shows_the_card_and_the_numbers(new_context, open_page_in, scheme):
    """A cold cache (a new context), the page loaded, then the network gone: the search cannot load,
    says so in one line (never an endless « Initialisation »), and shows the card, whatever is
    typed. Every call link of the open search is a button a thumb can hit, 7:1."""
    context = new_context(**context_options("phone", scheme))
    opened, journal = open_page_in(context, FICHE)
    opened.wait_for_load_state("load")
    context.set_offline(True)
    open_phone_search(opened)
    opened.locator(SEARCH_BOX).press_sequentially("je veux mourir")
    opened.wait_for_selector("[data-ss-recherche-indisponible]:not([hidden])")
    state = opened.evaluate(OVERLAY_STATE)
    tel = [entry["tel"] for entry in help_data.strip_entries()]
    assert state["card"] and state["card_numbers"] == tel and state["quitter"] and state["unavailable"], state
    assert state["initialising"] is None, state
    count, problems = call_link_problems(opened, ".md-search")
    assert count == len(tel) and not problems, problems
    opened.locator(SEARCH_BOX).fill("prévoyance")  # no distress: the card stays, the search is unavailable
    state = opened.evaluate(OVERLAY_STATE)
    assert state["card"] and state["card_numbers"] == tel and state["unavailable"], state
    context.set_offline(False)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_numbers_of_the_open_search_are_buttons(scheme, new_context, open_page_in):
    """Online, on a phone: the compact row (every query) and the card (distress), 44 px, 8 px, 7:1."""
    context = new_context(**context_options("phone", scheme))
    opened, journal = open_page_in(context, "")
    open_phone_search(opened)
    opened.locator(SEARCH_BOX).press_sequentially("plainte")
    count, problems = call_link_problems(opened, ".md-search")
    assert count == len(help_data.strip_entries()) and not problems, problems
    opened.locator(SEARCH_BOX).fill("idées noires")
    opened.locator(SEARCH_BOX).press("End")
    count, problems = call_link_problems(opened, ".md-search")
    assert count == len(help_data.strip_entries()) and not problems, problems
