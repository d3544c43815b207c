"""When nothing is found, the search says so kindly and shows the way to « Trouver de l'aide »,
in French and on /en/ in English, with a link that works under the site's subpath."""

import pytest

from search_page import location

NOTHING = "zzqxwv"  # no page holds it


@pytest.mark.parametrize("edition, meta, hint, help_page, help_title", [
    ("", "Aucun document trouvé", "Aucune page ne correspond", "aide/", "Trouver de l'aide"),
    ("en/", "No matching documents", "No page matches", "en/aide/", "Find help"),
])
def test_no_result_points_to_help(open_search, site_url, edition, meta, hint, help_page, help_title):
    page = open_search(edition)
    page.type(NOTHING)
    assert page.meta() == meta
    box = page.page.locator("[data-ss-recherche-vide]")
    assert box.get_attribute("aria-live") == "polite"
    shown_hint = box.inner_text() if box.is_visible() else ""
    assert hint in shown_hint, shown_hint
    link = box.locator("a")
    href = link.evaluate("a => a.href") if link.count() else None
    assert href and location(href, site_url) == help_page
    # A query that finds something takes the hint away.
    page.type("burnout")
    assert box.inner_text().strip() == "" and len(page.result_links()) > 0
    # And the way to help works, under the subpath.
    page.type(NOTHING)
    link.click()
    page.page.wait_for_load_state()
    assert location(page.page.url.split("#")[0], site_url) == help_page
    assert page.page.locator("h1").first.inner_text().replace("¶", "").strip() == help_title
    assert not page.errors, page.errors
