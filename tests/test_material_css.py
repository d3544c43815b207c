"""Material's style sheets, trimmed at the end of the build to what its pages can use
(soignants/pipeline/material_css.py): what a page has stays, what no page can have goes, and the
built site links the trimmed sheet only. (That the trimmed sheet styles every built page exactly as
Material's own two do is checked in a browser: tests/browser/test_trimmed_styles.py.)"""

import gzip
import re

import tinycss2

from soignants.pipeline import material_css

PAGE = ('<html dir="ltr"><body data-md-color-scheme="default" data-md-color-primary="custom">'
        '<header class="md-header"><div class="md-header__title"><div class="md-header__topic">t</div></div></header>'
        '<nav class="md-nav"><ul class="md-nav__list"><li class="md-nav__item"><a class="md-nav__link">x</a></li></ul></nav>'
        '<article class="md-content__inner md-typeset"><div class="admonition note"></div></article></body></html>')


def trimmed_for(*pages: str) -> str:
    words = material_css.Words()
    for html in pages:
        words.add_page(html)
    return material_css.trimmed(words)


def selectors(css: str) -> set[str]:
    """Every selector of a sheet, at any depth (@media…), as written."""
    found = set()

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                found.update(s.strip() for s in tinycss2.serialize(rule.prelude).split(","))
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword != "keyframes":
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def material_text() -> str:
    return "".join(material_css.material_sheet(name).read_text(encoding="utf-8") for name in material_css.MATERIAL_SHEETS)


def test_what_a_page_has_stays_and_what_no_page_can_have_goes():
    css = trimmed_for(PAGE)
    kept = selectors(css)
    original = selectors(material_text())
    # Material's own sheets style things this site never shows: tooltips, code annotations, right-to-left.
    for absent in (".md-tooltip2", ".md-annotation", "[dir=rtl]", "[data-md-color-primary=indigo]"):
        assert any(absent in s for s in original), f"{absent} n'est plus dans Material : ce test est à revoir"
        assert not any(absent in s for s in kept), f"{absent} est resté dans la feuille réduite"
    for present in (".md-header", ".md-nav__link", ".md-typeset .admonition", "[dir=ltr]",
                    "[data-md-color-scheme=default]"):
        assert any(s.startswith(present) for s in kept), f"{present} manque dans la feuille réduite"
    assert len(gzip.compress(css.encode())) < 0.7 * len(gzip.compress(material_text().encode()))


def test_a_class_on_a_page_keeps_its_rules():
    """A component only one page has (the content tabs): its rules are kept for that build only."""
    tabbed = '<div class="tabbed-set tabbed-alternate"><div class="tabbed-labels"></div></div>'
    assert not any(".tabbed-labels" in s for s in selectors(trimmed_for(PAGE)))
    assert any(".tabbed-labels" in s for s in selectors(trimmed_for(PAGE, tabbed)))


def test_classes_material_adds_when_it_runs_are_kept():
    """Not in any page as written, added by Material's bundle to a component the pages have."""
    kept = selectors(trimmed_for(PAGE))
    assert any(".md-nav__link--active" in s for s in kept)
    assert any(".md-header__title--active" in s for s in kept)
    assert not any(".md-tooltip2--active" in s for s in kept)  # added by Material to a component no page has


def test_custom_properties_read_by_no_kept_rule_go():
    css = trimmed_for(PAGE)
    defined = set(re.findall(r"(--[\w-]+):", css))
    read = set(re.findall(r"var\((--[\w-]+)", css))
    # Our sheets and scripts, and Material's bundle, read properties too: those stay.
    scripts = "".join(p.read_text(encoding="utf-8") for p in material_css.own_files())
    scripts += material_css.material_bundle().read_text(encoding="utf-8")
    unread = {name for name in defined - read if name not in scripts}
    assert unread == set(), sorted(unread)[:10]
    # The admonition icons of the kinds no page uses (« bug », « quote »…) are gone with their rules.
    assert "--md-admonition-icon--bug" in material_text()
    assert "--md-admonition-icon--bug" not in css


def test_the_built_site_links_the_trimmed_sheet_only(site_root, html_pages):
    sheets = site_root / "assets" / "stylesheets"
    assert (sheets / "material.min.css").is_file()
    assert not list(sheets.glob("main.*.min.css*")) and not list(sheets.glob("palette.*.min.css*"))
    for page in html_pages:
        html = page.read_text(encoding="utf-8")
        if "<html" not in html[:500] or "md-header" not in html:
            continue  # redirections, fragments
        assert "stylesheets/material.min.css" in html, page.relative_to(site_root)
        assert not re.search(r"stylesheets/(main|palette)\.[0-9a-f]+\.min\.css", html), page.relative_to(site_root)
