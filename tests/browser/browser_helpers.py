"""What the tests of this folder share: the pages to visit, Material's colour schemes, and where
the focus is. The Chromium, the contexts' sizes and schemes, the page journal and axe-core are
shared with the other browser tests: tests/browser_support.py."""

from pathlib import Path

from browser_support import MISSING_PAGE

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ARTIFACTS = ROOT / "test-artifacts"
SEARCH_RESULT_TIMEOUT_MS = 20_000  # the index is built in a worker: slow on a busy machine
# What Material writes in <body data-md-color-scheme> for each.
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


def _first_page(section: str) -> str:
    pages = sorted(p for p in (DOCS / section).glob("*.md")
                   if not p.name.startswith("index.") and p.name.count(".") == 1)
    assert pages, f"aucune page dans docs/{section}/"
    return f"{section}/{pages[0].stem}/"


FICHE = "fiches/soignant/epuisement-professionnel/"
def every_page() -> dict[str, str]:
    """Every page the build makes from docs/ (French and English editions) and the 404 page, by
    a test id -> its path under the site's root. Read from docs/, so a new fiche is visited too."""
    import sys
    sys.path.insert(0, str(ROOT))
    from soignants.render.editions import page_url
    pages = {}
    for source in sorted(DOCS.rglob("*.md")):
        relative = source.relative_to(DOCS).as_posix()
        if relative.startswith("assets/"):
            continue
        if relative.endswith(".en.md"):
            path = "en/" + page_url(relative[:-len(".en.md")] + ".md")
        else:
            path = page_url(relative)
        pages[path.rstrip("/") or "accueil"] = path
    pages["404"] = MISSING_PAGE
    return pages


ALL_PAGES = every_page()

# One page of every kind, by a name used in test ids -> its path under the site's root.
PAGES = {
    "accueil": "",
    "partie": "fiches/soignant/",
    "fiche": FICHE,
    "temoignage": _first_page("temoignages"),
    "bibliographie": "bibliographie/",
    "theme-bibliographie": _first_page("bibliographie"),
    "aide": "aide/",
    "404": MISSING_PAGE,
    "accueil-en": "en/",
}


# The focused element as a reader sees it: Material draws the focus of its (invisible) palette
# radio on the label that follows it.
FOCUS_STATE = """async () => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const shown = element.matches("input.md-option") ? element.nextElementSibling : element;
  // Let transitions end first (Material fades in the skip link, the language menu, the search).
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)));
  const style = getComputedStyle(shown);
  const rect = shown.getBoundingClientRect();
  const name = (element.getAttribute("aria-label") || element.innerText || element.getAttribute("href") || "")
    .trim().replace(/\\s+/g, " ").slice(0, 60);
  return {
    description: `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} « ${name} »`,
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
    visible: shown.checkVisibility({opacityProperty: true, visibilityProperty: true})
             && rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.bottom > 0
             && rect.left < innerWidth && rect.top < innerHeight,
    inContent: !!element.closest(".md-content"),
    isSkipLink: element.matches("a.md-skip"),
    isSearchInput: element.matches(".md-search__input"),
    isPalette: element.matches("input.md-option"),
    isMenuButton: element.matches(".md-header .ss-menu-button"),
    inDrawer: !!element.closest(".md-sidebar--primary"),
  };
}"""


def focus_state(page) -> dict | None:
    return page.evaluate(FOCUS_STATE)


def tab_until(page, predicate, limit: int = 40) -> dict:
    """Press Tab until the focused element satisfies `predicate` (on its focus state)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state and predicate(state):
            return state
    raise AssertionError(f"introuvable au clavier en {limit} appuis sur Tab")


def scheme_of(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")
