"""Every page of the site, on a phone and a desktop, in light and dark: axe-core finds no WCAG 2.1 A/AA
violation, nothing is asked of another host, nothing fails, the console stays clean, the skip
link and the focus ring work, and the help strip is on screen and easy to tap; the strip and
« Quitter » are not covered by any element nor imitated by the content (tests/help_visibility.py);
every call link is a button a thumb can hit (on a phone: 44 × 44 px, 8 px apart, 7:1 contrast;
tests/call_targets.py), and nothing moves once shown (no layout shift).

One page load serves all the checks of a (page, size, scheme), to keep the suite fast; each check
returns its problems and the test reports them all at once."""

import warnings
from urllib.parse import quote

import pytest

from browser_helpers import ALL_PAGES, MATERIAL_SCHEME, focus_state, scheme_of
from browser_support import MISSING_PAGE, SIZES, axe_violations, csp_violations
from help_visibility import HELP_UNCOVERED
from call_targets import call_link_problems

FOCUS_STOPS_CHECKED = 8
KEYBOARD_COMBINATIONS = {("phone", "light"), ("desktop", "dark")}


def check_scheme(page, scheme):
    shown = scheme_of(page)
    expected = MATERIAL_SCHEME[scheme]
    return [] if shown == expected else [f"data-md-color-scheme vaut {shown!r}, attendu {expected!r}"]


def check_help_strip(page, size):
    """The strip: visible without scrolling, tel: links named by their text, 44 px tap targets."""
    problems = []
    strip = page.locator(".ss-bandeau")
    if strip.count() != 1:
        return ["pas de bandeau d'aide (.ss-bandeau)"]
    viewport = SIZES[size]["viewport"]
    box = strip.bounding_box()
    if not strip.is_visible() or box is None or box["y"] < 0 or box["x"] < 0 \
            or box["y"] + box["height"] > viewport["height"] or box["x"] + box["width"] > viewport["width"]:
        problems.append(f"bandeau hors de l'écran au chargement : {box}")
    links = strip.locator("a[href^='tel:']")
    if links.count() < 3:
        problems.append(f"{links.count()} liens tel: dans le bandeau, au moins 3 attendus")
    for link in [*links.all(), *strip.locator("a:not([href^='tel:'])").all()]:
        name = link.inner_text().strip()
        href = link.get_attribute("href")
        if not name:
            problems.append(f"lien sans texte dans le bandeau : {href}")
        height = link.bounding_box()["height"]
        if height < 44:
            problems.append(f"cible trop petite dans le bandeau : {href} ({height:.0f} px de haut, 44 attendus)")
    return problems


# The page's layout shifts since it started loading (none by a reader's input), as the browser
# records them (Cumulative Layout Shift's entries).
LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  const observer = new PerformanceObserver(list => shifts.push(...list.getEntries()));
  observer.observe({type: "layout-shift", buffered: true});
  // Each moved node with where it was and where it went (x, y, width, height), and the first
  // words of its text: enough to tell, from a CI log, what moved and by how much.
  const rect = r => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  const named = s => !s.node ? "?" : `${s.node.className || s.node.nodeName}` +
    ` « ${(s.node.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 30)} » (${rect(s.previousRect)} → ${rect(s.currentRect)})`;
  setTimeout(() => { observer.disconnect(); resolve(shifts.filter(e => !e.hadRecentInput).map(e =>
    `${e.value.toFixed(4)} à ${Math.round(e.startTime)} ms : ${e.sources.map(named).join(", ")}`)); }, 0);
})"""


# Cumulative Layout Shift 0, as Lighthouse shows it (three decimals): a sub-pixel reflow of a line
# of text, now and then on a busy machine, is not a page that moves.
MAX_LAYOUT_SHIFT = 0.0005


def layout_shifts(page):
    shifts = page.evaluate(LAYOUT_SHIFTS)
    total = sum(float(shift.split(" ", 1)[0]) for shift in shifts)
    return [f"décalage de mise en page {shift}" for shift in shifts] if total >= MAX_LAYOUT_SHIFT else []


def check_layout_shifts(page, reopen):
    """The page's layout shifts; when there are some, the page is loaded once more and only the
    shifts seen both times fail the test. On the saturated CI machine (4 Chromiums on 2 cores), a
    page now and then moved once in hundreds of loads and never again, which none of the same
    loads here reproduced (7 December 2026): that one is reported as a warning, with what moved,
    so that it is seen and not lost. A page that moves each time it loads still fails."""
    first = layout_shifts(page)
    if not first:
        return []
    again = reopen()
    try:
        second = layout_shifts(again)
    finally:
        again.close()
    if second:
        return first + ["au second chargement :"] + second
    warnings.warn(f"{page.url} : décalage au premier chargement seulement : " + " ; ".join(first))
    return []


def check_call_links(page):
    count, problems = call_link_problems(page)
    return problems if count else []


def check_keyboard(page, path):
    """The first Tab stop is the skip link, which takes the focus to the content; the first
    few Tab stops show a focus ring on a visible element."""
    problems = []
    stops = []
    for _ in range(FOCUS_STOPS_CHECKED):
        page.keyboard.press("Tab")
        stops.append(focus_state(page))
    for state in stops:
        if state is None:
            problems.append("le focus retombe sur la page")
        elif not state["visible"]:
            problems.append(f"focus sur un élément invisible : {state['description']}")
        elif not state["ring"]:
            problems.append(f"focus sans contour visible : {state['description']}")
    if path == MISSING_PAGE:
        return problems  # no table of contents, so Material puts no skip link on the 404 page
    if not (stops[0] and stops[0]["isSkipLink"]):
        problems.append(f"le premier arrêt de Tab n'est pas le lien d'évitement : {stops[0]}")
        return problems
    page.focus("a.md-skip")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.length > 1")
    page.keyboard.press("Tab")
    after = focus_state(page)
    if not (after and after["inContent"]):
        problems.append(f"après le lien d'évitement, Tab ne mène pas dans le contenu : {after}")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("name", list(ALL_PAGES))
def test_page_in_a_real_browser(shared_context, site_url, open_page_in, name, size, scheme):
    path = ALL_PAGES[name]
    page, journal = open_page_in(shared_context(size, scheme), path)
    try:
        sections = {
            "stabilité (aucun décalage)": check_layout_shifts(
                page, lambda: open_page_in(shared_context(size, scheme), path)[0]),
            "thème de couleurs": check_scheme(page, scheme),
            "axe-core (WCAG 2.1 A/AA)": axe_violations(page),
            "bandeau d'aide": check_help_strip(page, size),
        }
        if scheme == "light":  # the layout is the same in both schemes
            sections["aide visible, non imitée"] = page.evaluate(HELP_UNCOVERED)
        if size == "phone":
            sections["liens d'appel (44 px, 8 px, 7:1)"] = check_call_links(page)
        # The keyboard journey once per size and once per scheme (phone/light, desktop/dark).
        if (size, scheme) in KEYBOARD_COMBINATIONS:
            sections["clavier"] = check_keyboard(page, path)
        if scheme == "light":  # « Quitter » stays in reach, in the sticky header, at the page's end
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            sections["aide visible, non imitée"] += [f"en bas de page : {p}" for p in page.evaluate(HELP_UNCOVERED)
                                                     if "Quitter" in p or "contenu" in p]
        page.wait_for_load_state("networkidle")
        sections["réseau et console"] = journal.problems()
        sections["Content-Security-Policy"] = csp_violations(page)
    finally:
        page.close()
    report = "\n".join(f"[{title}]\n  " + "\n  ".join(problems)
                       for title, problems in sections.items() if problems)
    assert not report, f"{name} ({site_url}{path}), {size}, {scheme} :\n{report}"


# A page whose script puts a block above its text once the text has been shown: it moves at
# each load. The same page without the script stands for a second load that did not move.
MOVING_PAGE = """<!doctype html><html lang="fr"><body style="margin:0; padding:1px">
<main><p style="font-size:40px">Un texte déjà affiché</p></main>
<script>requestAnimationFrame(() => setTimeout(() => {
  const block = document.createElement("div"); block.style.height = "300px";
  document.querySelector("main").prepend(block); }, 100));</script></body></html>"""
STILL_PAGE = MOVING_PAGE.split("<script>")[0] + "</body></html>"


def _opened(context, html):
    page = context.new_page()
    page.goto("data:text/html;charset=utf-8," + quote(html))  # (set_content records no shift)
    page.wait_for_timeout(400)  # the block is in
    return page


def test_the_stability_check_fails_a_page_that_moves_at_each_load(new_context):
    context = new_context(**SIZES["desktop"])
    problems = check_layout_shifts(_opened(context, MOVING_PAGE), lambda: _opened(context, MOVING_PAGE))
    assert "au second chargement :" in problems, problems
    assert all("décalage de mise en page" in line for line in problems if line != "au second chargement :")


def test_the_stability_check_warns_of_a_page_that_moved_once_with_what_moved(new_context):
    context = new_context(**SIZES["desktop"])
    with pytest.warns(UserWarning, match="premier chargement seulement.*texte déjà affiché"):
        problems = check_layout_shifts(_opened(context, MOVING_PAGE), lambda: _opened(context, STILL_PAGE))
    assert problems == []
