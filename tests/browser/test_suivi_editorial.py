"""The « Suivi éditorial » page reads without sideways scrolling, on a 1280-pixel screen and on a
phone (its tables wrap; on a phone each row is a card: soignants/render/editorial.py, site.css)."""

import pytest

PAGE = "a-propos/suivi-editorial/"

OVERFLOW = """() => {
  const wide = [];
  for (const table of document.querySelectorAll(".ss-suivi table")) {
    for (const box of [table, table.closest(".md-typeset__scrollwrap"), table.closest(".md-typeset__table")]) {
      if (box && box.scrollWidth > box.clientWidth + 1) {
        wide.push(`${box.className || box.tagName}: ${box.scrollWidth} > ${box.clientWidth}`);
      }
    }
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + 1) wide.push(`page: ${page.scrollWidth} > ${page.clientWidth}`);
  return {tables: document.querySelectorAll(".ss-suivi table").length, wide};
}"""


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_editorial_tables_fit_the_screen(shared_context, open_page_in, size):
    page, journal = open_page_in(shared_context(size, "light"), PAGE)
    try:
        result = page.evaluate(OVERFLOW)
        week = page.locator("h2", has_text="Cette semaine").count()
    finally:
        page.close()
    assert result["tables"] >= 1 and week == 1
    assert result["wide"] == [], f"{size} : défilement horizontal dans {result['wide']}"
