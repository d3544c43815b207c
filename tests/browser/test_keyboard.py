"""With the keyboard alone: search and reach a result, switch the colour scheme with Enter and
Space, open the menu of a narrow screen, and see where the focus is at every Tab stop."""

import pytest

from browser_helpers import FICHE, MATERIAL_SCHEME, SEARCH_RESULT_TIMEOUT_MS, focus_state, scheme_of, tab_until

OTHER = {"light": "dark", "dark": "light"}


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_search_opens_and_a_result_is_reached_with_the_keyboard_alone(fresh_context, open_page_in, site_url, size):
    page, journal = open_page_in(fresh_context(size), "")
    state = tab_until(page, lambda s: s["isSearchInput"])
    assert state["visible"] and state["ring"], state
    assert page.evaluate("document.getElementById('__search').checked"), "la recherche ne s'est pas ouverte"
    page.keyboard.type("épuisement")
    page.wait_for_selector(".md-search-result__item", timeout=SEARCH_RESULT_TIMEOUT_MS)
    page.keyboard.press("ArrowDown")
    state = focus_state(page)
    assert state and state["visible"] and "md-search-result__link" in state["description"], state
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] == target.split("#")[0] and page.url.startswith(site_url), page.url
    assert page.locator("article h1").first.is_visible()
    page.wait_for_load_state("networkidle")
    assert journal.problems() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_palette_toggle_works_with_enter_and_space(fresh_context, open_page_in, size, scheme):
    page, journal = open_page_in(fresh_context(size, scheme), FICHE)
    assert scheme_of(page) == MATERIAL_SCHEME[scheme]
    state = tab_until(page, lambda s: s["isPalette"])
    assert state["visible"] and state["ring"], f"la bascule de thème a le focus sans le montrer : {state}"
    page.keyboard.press("Enter")
    assert scheme_of(page) == MATERIAL_SCHEME[OTHER[scheme]], "Entrée ne change pas le thème"
    state = focus_state(page)
    assert state["isPalette"] and state["visible"] and state["ring"], state
    page.keyboard.press(" ")
    assert scheme_of(page) == MATERIAL_SCHEME[scheme], "Espace ne change pas le thème"
    page.keyboard.press(" ")
    assert scheme_of(page) == MATERIAL_SCHEME[OTHER[scheme]]
    page.reload()  # the choice is remembered
    assert scheme_of(page) == MATERIAL_SCHEME[OTHER[scheme]]
    assert journal.problems() == []


def test_the_menu_of_a_phone_opens_with_enter_or_space_and_closes_with_escape(fresh_context, open_page_in):
    page, journal = open_page_in(fresh_context("phone"), FICHE)
    state = tab_until(page, lambda s: s["isMenuButton"])
    assert state["visible"] and state["ring"], state
    assert page.get_attribute(".md-header .ss-menu-button", "aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    assert page.get_attribute(".md-header .ss-menu-button", "aria-expanded") == "true"
    in_menu = tab_until(page, lambda s: s["inDrawer"])
    assert in_menu["visible"] and in_menu["ring"], in_menu
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert focus_state(page)["isMenuButton"]
    page.keyboard.press(" ")
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__drawer').checked")
    assert journal.problems() == []


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_tab_stop_of_a_fiche_is_visible_and_outlined(shared_context, open_page_in, size):
    """Tab through the whole fiche: no stop is off screen (e.g. in the closed menu of a phone)
    or without a focus ring."""
    page, _ = open_page_in(shared_context(size, "light"), FICHE)
    problems, seen = [], 0
    try:
        for seen in range(1, 400):
            page.keyboard.press("Tab")
            state = focus_state(page)
            if state is None or (seen > 1 and state["isSkipLink"]):
                break  # back to the start of the page
            if not state["visible"]:
                problems.append(f"invisible : {state['description']}")
            elif not state["ring"]:
                problems.append(f"sans contour : {state['description']}")
    finally:
        page.close()
    assert seen > 20 and not problems, "\n".join(problems)
