"""The trimmed sheet styles every built page exactly as Material's own two sheets do (issue 25:
soignants/pipeline/material_css.py removes the rules no page can use).

On every built page, in Chromium, the computed style of every element and of its ::before and
::after is read with the trimmed sheet, then with Material's original sheets in its place (served
to this page only, by the test), in the light scheme on a desktop and in the dark scheme at a
phone's width: any difference is a rule the trimming removed wrongly. (Transitions are turned off,
so that no value is read halfway.)"""

import json

import pytest

from browser_helpers import ALL_PAGES, MATERIAL_SCHEME
from browser_support import MISSING_PAGE, open_page
from soignants.pipeline import material_css

PROPERTIES = [
    "display", "position", "visibility", "float", "clear", "box-sizing", "color", "background-color",
    "background-image", "font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing",
    "text-align", "text-decoration-line", "text-transform", "white-space", "vertical-align", "list-style-type",
    "margin-top", "margin-right", "margin-bottom", "margin-left", "padding-top", "padding-right", "padding-bottom",
    "padding-left", "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
    "border-top-style", "border-left-style", "border-top-color", "border-left-color", "border-top-left-radius",
    "width", "height", "min-height", "max-width", "top", "left", "z-index", "opacity", "overflow-x", "overflow-y",
    "flex-direction", "flex-grow", "flex-shrink", "justify-content", "align-items", "gap", "order", "cursor",
    "box-shadow", "transform", "outline-style", "mask-image", "fill", "content", "pointer-events", "user-select",
]
# The computed styles of a page, element by element in document order, ::before and ::after when
# they exist (the page does not change between two readings: its order is the same).
SNAPSHOT = """(properties) => {
  const out = [];
  const elements = document.querySelectorAll("body, body *");
  for (let i = 0; i < elements.length; i++) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(elements[i], pseudo);
      if (pseudo && style.content === "none") continue;
      out.push(i + (pseudo || "") + "=" + properties.map((name) => style.getPropertyValue(name)).join("|"));
    }
  }
  return out;
}"""
# Where the i-th element is, to say it in a failure.
WHERE = """(i) => {
  const el = document.querySelectorAll("body, body *")[i];
  const parts = [];
  for (let node = el; node && node !== document.body; node = node.parentElement) {
    parts.unshift(node.tagName.toLowerCase() + (node.id ? "#" + node.id : "")
                  + (node.classList.length ? "." + [...node.classList].join(".") : ""));
  }
  return "body>" + parts.join(">");
}"""
SWAP = """async (url) => {
  const trimmed = document.querySelector('link[rel=stylesheet][href$="material.min.css"]');
  const original = document.createElement("link");
  original.rel = "stylesheet";
  original.href = url;
  await new Promise((done, failed) => {
    original.onload = done;
    original.onerror = () => failed(new Error("feuille de Material non chargée"));
    trimmed.after(original);
  });
  trimmed.remove();
}"""
STILL = "*,*::before,*::after{transition:none!important;animation:none!important}"
ORIGINAL = "ss-test-material-original.css"
STILL_SHEET = "ss-test-sans-transition.css"


def material_original() -> str:
    return "\n".join(material_css.material_sheet(name).read_text(encoding="utf-8")
                     for name in material_css.MATERIAL_SHEETS)


def differences(page, before: list[str], after: list[str], limit: int = 8) -> list[str]:
    """What differs between two readings, element by element (its place in the page, the values)."""
    before_by = dict(line.split("=", 1) for line in before)
    after_by = dict(line.split("=", 1) for line in after)
    found = []
    for key in sorted(set(before_by) | set(after_by), key=lambda k: int(k.split(":")[0])):
        if before_by.get(key) == after_by.get(key):
            continue
        index, _, pseudo = key.partition(":")
        where = page.evaluate(WHERE, int(index)) + (":" + pseudo if pseudo else "")
        if key not in before_by or key not in after_by:
            found.append(f"{where} : {'absent' if key not in before_by else 'présent'} avec la feuille réduite")
        else:
            found.append(f"{where} : " + "; ".join(f"{name} {a!r} → {b!r}" for name, a, b in zip(
                PROPERTIES, before_by[key].split("|"), after_by[key].split("|")) if a != b))
        if len(found) >= limit:
            break
    return found


@pytest.fixture(scope="module")
def styles_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR", service_workers="block")
    original = material_original()
    context.route(f"**/{ORIGINAL}", lambda route: route.fulfill(body=original, content_type="text/css"))
    context.route(f"**/{STILL_SHEET}", lambda route: route.fulfill(body=STILL, content_type="text/css"))
    yield context
    context.close()


def set_state(page, width: int, scheme: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.evaluate("(scheme) => document.body.setAttribute('data-md-color-scheme', scheme)", MATERIAL_SCHEME[scheme])


@pytest.mark.parametrize("path", ALL_PAGES.values(), ids=ALL_PAGES.keys())
def test_the_trimmed_sheet_styles_the_page_as_materials_own(styles_context, site_url, site_root, path):
    page, _journal = open_page(styles_context, site_url, site_root, path)
    try:
        page.wait_for_load_state("load")
        base = site_url + "assets/stylesheets/"
        page.evaluate("(url) => new Promise((done, failed) => { const l = document.createElement('link');"
                      " l.rel = 'stylesheet'; l.href = url; l.onload = done;"
                      " l.onerror = () => failed(new Error('feuille sans transition non chargée'));"
                      " document.head.appendChild(l); })", base + STILL_SHEET)
        states = [(1280, "light"), (390, "dark")]
        trimmed = {}
        for width, scheme in states:
            set_state(page, width, scheme)
            trimmed[width, scheme] = page.evaluate(SNAPSHOT, PROPERTIES)
        page.evaluate(SWAP, base + ORIGINAL)
        problems = []
        for width, scheme in states:
            set_state(page, width, scheme)
            original = page.evaluate(SNAPSHOT, PROPERTIES)
            assert len(original) > 50, "la page n'a presque aucun élément : a-t-elle été servie ?"
            problems += [f"{width} px, {scheme} — {line}" for line in differences(page, original, trimmed[width, scheme])]
        assert problems == [], f"{path or 'accueil'} : la feuille réduite ne donne pas le même rendu :\n" + "\n".join(problems)
    finally:
        page.close()
