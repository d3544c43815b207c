"""Help within reach on a phone, wherever the reader is (issue 21): the header's help button opens
the numbers of the strip from the bottom of a long fiche, without scrolling back (each a button a
thumb can hit, 7:1, in both schemes); « Quitter » is on screen and works from the open search and
from the open menu, where the header is covered, leaving no history entry for our page."""

import pytest

from browser_support import context_options
from call_targets import call_link_problems
from help_browser_helpers import QUICK_EXIT
from soignants.model import help_data

FICHE = "fiches/soignant/epuisement-professionnel/"
ON_TOP = """sel => {
  const el = [...document.querySelectorAll(sel)].find(e => e.checkVisibility({visibilityProperty: true}));
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return r.top >= 0 && r.bottom <= innerHeight && !!hit && el.contains(hit);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_help_button_opens_the_numbers_from_the_bottom_of_a_fiche(guarded, site_url, scheme):
    page, _ = guarded(**context_options("phone", scheme))
    page.goto(site_url + FICHE)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => scrollY > 2000")
    button = page.locator(".md-header [data-ss-appel] > summary")
    assert page.evaluate(ON_TOP, ".md-header [data-ss-appel] > summary"), "le bouton d'aide n'est pas à l'écran"
    button.click()
    numbers = page.eval_on_selector_all("[data-ss-appel] a[href^='tel:']", "links => links.map(a => a.getAttribute('href'))")
    assert numbers == [entry["tel"] for entry in help_data.strip_entries()]
    assert page.evaluate(ON_TOP, "[data-ss-appel] a[href^='tel:']")
    count, problems = call_link_problems(page, "[data-ss-appel]")
    assert count == len(numbers) and not problems, problems
    page.keyboard.press("Escape")  # closes the panel, and does not count towards leaving
    assert not page.evaluate("document.querySelector('[data-ss-appel]').open")
    assert page.url.startswith(site_url)


def _left(page, guard):
    page.wait_for_url(QUICK_EXIT)
    assert guard.quick_exits == [QUICK_EXIT] and guard.referrers == [None]


def test_quitter_from_the_open_search(guarded, site_url):
    page, guard = guarded(**context_options("phone", "dark"))
    page.goto(site_url.replace("/urps/", "/"))
    page.goto(site_url + FICHE)
    length = page.evaluate("history.length")
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").press_sequentially("plainte")
    selector = ".md-search [data-ss-quitter-aussi]"
    assert page.evaluate(ON_TOP, selector), "« Quitter » n'est pas à l'écran dans la recherche ouverte"
    page.locator(selector).click()
    _left(page, guard)
    assert page.evaluate("history.length") == length, "la sortie rapide a ajouté une entrée à l'historique"


def test_quitter_from_the_open_menu(guarded, site_url):
    page, guard = guarded(**context_options("phone", "light"))
    page.goto(site_url + FICHE)
    page.locator(".md-header .ss-menu-button").click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    selector = ".md-sidebar--primary [data-ss-quitter-aussi]"
    page.wait_for_function(f"() => ({ON_TOP})({selector!r})")  # once the menu has slid in
    page.locator(selector).click()
    _left(page, guard)


def test_every_button_of_the_header_is_44_px_on_a_phone(guarded, site_url):
    page, _ = guarded(**context_options("phone", "light"))
    page.goto(site_url + FICHE)
    sizes = page.evaluate("""() => [...document.querySelectorAll(
        ".md-header__inner a, .md-header__inner label, .md-header__inner button, .md-header__inner summary")]
      .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true})
                    && !el.closest(".ss-appel__panneau, .md-search, .md-select__inner"))
      .map(el => { const r = el.getBoundingClientRect();
                   return [(el.getAttribute("aria-label") || el.textContent || el.className).trim().slice(0, 30), r.width, r.height]; })""")
    assert len(sizes) >= 6, sizes  # menu, help, « Quitter », colour scheme, language, search
    small = [entry for entry in sizes if entry[1] < 44 or entry[2] < 44]
    assert small == [], small
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
