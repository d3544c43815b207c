"""Switching language keeps the reader where they are (issue 21): from every page, the language
switcher leads to the same page in the other edition where it exists, else to the closest page
of that edition (the section's page), never to a missing page; read from the built site."""

from pathlib import Path
from urllib.parse import urljoin
import re

from soignants.render.editions import nearest_translation, page_url

DOCS = Path(__file__).resolve().parent.parent / "docs"
SWITCH = re.compile(r'<a href="([^"]*)" hreflang="(fr|en)" class="md-select__link">')


def switcher(site_root, address: str) -> dict:
    text = (site_root / address / "index.html").read_text(encoding="utf-8")
    base = "http://site/" + address
    return {lang: urljoin(base, href)[len("http://site/"):] for href, lang in SWITCH.findall(text)}


def test_every_page_switches_to_itself_or_its_section(site_root):
    checked = 0
    for source in sorted(DOCS.rglob("*.md")):
        relative = source.relative_to(DOCS).as_posix()
        if relative.endswith(".en.md") or relative.startswith("assets/"):
            continue
        address = page_url(relative)
        translated = source.with_name(source.name[:-len(".md")] + ".en.md").is_file()
        expected = "en/" + address if translated else nearest_translation(relative, DOCS)
        links = switcher(site_root, address)
        assert links["en"] == expected, (relative, links)
        assert (site_root / links["en"] / "index.html").is_file(), links["en"]
        if translated:
            assert switcher(site_root, "en/" + address)["fr"] == address
        checked += 1
    assert checked > 50
    assert switcher(site_root, "fiches/soignant/epuisement-professionnel/")["en"] == "en/fiches/soignant/"
