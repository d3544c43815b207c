"""The help pages in Chromium: the département filter, the quick exit (click, keyboard, Escape
twice) leaving no history entry for our page, the pages without JavaScript, accessibility (axe,
WCAG 2.1 A and AA) and no request leaving 127.0.0.1."""

import re

import pytest

from browser_support import axe_violations
from help_browser_helpers import QUICK_EXIT

HELP_PAGES = ["aide/", "aide/annuaire/", "aide/carte/", "en/aide/", "en/aide/annuaire/"]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def visible_codes(page) -> list[str]:
    return page.eval_on_selector_all("#ss-departements tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.code)")


def visible_regions(page) -> list[str]:
    return page.eval_on_selector_all("section.ss-region:not([hidden])", "s => s.map(x => x.dataset.region)")


def status(page) -> str:
    return page.locator("#ss-filtre-etat").inner_text().strip()


# --- the département filter -------------------------------------------------------------------

def test_the_filter_narrows_to_the_departement_typed(guarded, site_url):
    page, _ = guarded()
    page.goto(site_url + "aide/annuaire/")
    field = page.get_by_label("Votre département (numéro ou nom)")
    assert field.is_visible()
    assert len(visible_codes(page)) == 101 and len(visible_regions(page)) == 18
    field.fill("13")
    assert visible_codes(page) == ["13"]
    assert visible_regions(page) == ["Provence-Alpes-Côte d'Azur"]
    assert status(page) == "1 département correspond."
    for typed, codes in [("2a", ["2A"]), ("finistere", ["29"]), ("Côte-d'Or", ["21"]), ("974", ["974"]),
                         ("97", ["971", "972", "973", "974", "976"]), ("bretagne", ["22", "29", "35", "56"]),
                         ("ain", ["01"])]:
        field.fill(typed)
        assert visible_codes(page) == codes, typed
    field.fill("zzz")
    assert visible_codes(page) == [] and visible_regions(page) == []
    assert status(page).startswith("Aucun département")
    field.fill("")
    assert len(visible_codes(page)) == 101 and len(visible_regions(page)) == 18


def test_enter_on_a_single_match_goes_to_its_region(guarded, site_url):
    page, _ = guarded()
    page.goto(site_url + "aide/annuaire/")
    field = page.get_by_label("Votre département (numéro ou nom)")
    field.fill("34")
    field.press("Enter")
    page.wait_for_function("() => location.hash === '#region-occitanie'")
    assert page.locator("#region-occitanie").is_visible()
    assert "06 08 28 25 89" in page.locator("section[data-region='Occitanie']").inner_text()


def test_without_javascript_every_departement_reaches_its_region(guarded, site_url):
    page, _ = guarded(java_script_enabled=False)
    page.goto(site_url + "aide/annuaire/")
    assert not page.locator("[data-ss-filtre]").is_visible()
    assert page.locator("#ss-departements tbody tr").count() == 101
    page.locator("#dep-13 a").click()
    assert page.url.endswith("#region-provence-alpes-cote-d-azur")
    assert page.locator("#region-provence-alpes-cote-d-azur").is_visible()
    # The quick exit is there too, as a plain link.
    assert page.locator("a[data-ss-quitter]").get_attribute("href") == QUICK_EXIT


# --- quick exit -------------------------------------------------------------------------------

def _open_after_a_neutral_page(guarded, site_url, location="aide/", **options):
    """History: [..., a page that is not ours, our page]; returns the history's length then."""
    page, guard = guarded(**options)
    start = site_url.replace("/urps/", "/")  # the host's root, outside the site
    page.goto(start)
    before = page.evaluate("history.length")
    page.goto(site_url + location)
    length = page.evaluate("history.length")
    assert length == before + 1
    return page, guard, (start, length)


def _assert_left_without_trace(page, guard, history, site_url):
    start, length = history
    page.wait_for_url(QUICK_EXIT)
    assert guard.quick_exits == [QUICK_EXIT]
    assert guard.referrers == [None], "le site neutre apprend d'où vient le lecteur"
    assert page.evaluate("history.length") == length, "la sortie rapide a ajouté une entrée à l'historique"
    page.evaluate("history.back()")
    page.wait_for_url(start)
    assert not page.url.startswith(site_url)


def test_quick_exit_replaces_the_page_in_the_history(guarded, site_url):
    page, guard, start = _open_after_a_neutral_page(guarded, site_url)
    assert guard.quick_exits == []  # not loaded before the click
    page.locator("a[data-ss-quitter]").click()
    _assert_left_without_trace(page, guard, start, site_url)


def test_quick_exit_with_the_keyboard(guarded, site_url):
    page, guard, start = _open_after_a_neutral_page(guarded, site_url, "fiches/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a[data-ss-quitter]')"):
            break
    else:
        pytest.fail("le bouton « Quitter rapidement » n'est pas atteint au clavier")
    page.keyboard.press("Enter")
    _assert_left_without_trace(page, guard, start, site_url)


def test_escape_twice_leaves_and_once_does_not(guarded, site_url):
    page, guard, start = _open_after_a_neutral_page(guarded, site_url, "aide/annuaire/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1300)
    page.keyboard.press("Escape")  # too late to count as the second press
    page.wait_for_timeout(300)
    assert page.url.startswith(site_url) and guard.quick_exits == []
    # Escape clearing the filter does not count either.
    field = page.get_by_label("Votre département (numéro ou nom)")
    field.fill("13")
    field.press("Escape")
    page.wait_for_timeout(300)
    assert page.url.startswith(site_url)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    _assert_left_without_trace(page, guard, start, site_url)


def test_quick_exit_stays_in_the_header_on_a_phone_without_covering_the_text(guarded, site_url):
    page, _ = guarded(**PHONE)
    page.goto(site_url + "fiches/soignant/epuisement-professionnel/")
    link = page.locator("a[data-ss-quitter]")
    assert page.locator(".md-header a[data-ss-quitter]").count() == 1
    page.mouse.wheel(0, 3000)
    page.evaluate("window.scrollTo(0, 3000)")
    page.wait_for_timeout(200)
    assert link.is_visible()
    box, header = link.bounding_box(), page.locator(".md-header").bounding_box()
    assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"]
    assert box["height"] >= 40  # a thumb can hit it
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling


# --- accessibility and network --------------------------------------------------------------

@pytest.mark.parametrize("location, scheme", [
    *[(location, scheme) for location in HELP_PAGES if not location.startswith("en/") for scheme in ("light", "dark")],
    *[(location, "light") for location in HELP_PAGES if location.startswith("en/")]])
def test_help_pages_have_no_axe_violation(guarded, site_url, location, scheme):
    page, _ = guarded(color_scheme=scheme)
    page.goto(site_url + location)
    if location.endswith("annuaire/"):
        page.get_by_role("searchbox").fill("13")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_help_pages_on_a_phone_have_no_axe_violation(guarded, site_url):
    page, _ = guarded(**PHONE)
    for location in ("aide/", "aide/annuaire/", "aide/carte/"):
        page.goto(site_url + location)
        violations = axe_violations(page)
        assert not violations, f"{location}\n" + "\n".join(violations)


def test_the_card_prints_on_one_page(guarded, site_url):
    page, _ = guarded()
    page.goto(site_url + "aide/carte/")
    page.emulate_media(media="print")
    assert not page.locator("h1").is_visible() and not page.locator(".md-header").is_visible()
    assert page.locator(".ss-carte").is_visible()
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
    # With JavaScript, the card prints the directory's full address.
    assert page.locator("a[data-ss-url]").get_attribute("data-ss-url").startswith(site_url + "aide/annuaire")
