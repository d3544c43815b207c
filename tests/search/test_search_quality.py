"""What the search shows, beyond its order (issue 21): an excerpt never shows a page's hidden
keywords as if they were its text; English words typed on the French edition, and the acronyms
the site uses, bring their page first; on the real engine, in Chromium."""

import html
import re

import pytest

from soignants.model.folding import fold

KEYWORDS = re.compile(r'<span data-pagefind-weight="\d+" data-pagefind-meta="mots_cles">([^<]*)</span>')
FIRST = {
    # English words on the French edition (the fiches' English keywords)
    "complaint": "fiches/soignant/plainte-patient/", "insurance": "fiches/cabinet/assurances/",
    "bankruptcy": "fiches/cabinet/difficultes-financieres/", "sick leave": "fiches/cabinet/prevoyance/",
    "burnout": "fiches/soignant/epuisement-professionnel/",
    # The site's acronyms
    "MOTS": "aide/", "SPS": "aide/", "ASRA": "aide/", "CARMF": "fiches/cabinet/prevoyance/",
    "RCP": "fiches/cabinet/assurances/", "MSO": "fiches/cabinet/relations-caisse/",
}


def keywords_of(site_root, page: str) -> list[str]:
    text = (site_root / page / "index.html").read_text(encoding="utf-8")
    found = KEYWORDS.search(text)
    return html.unescape(found.group(1)).split() if found else []


@pytest.mark.parametrize("query", ["accident", "envie d'un accident", "complaint", "je n'en peux plus", "malade"])
def test_an_excerpt_never_shows_the_hidden_keywords(open_search, site_root, query):
    page = open_search()
    found = page.search([query])[0]
    assert found["pages"]
    shown = []
    for location, texts in zip(found["pages"], found["texts"]):
        words = keywords_of(site_root, location)
        # Five keywords in a row, as they follow each other in the hidden text: never in what is shown.
        runs = {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}
        for text in texts:
            plain = " ".join(fold(text).split())
            shown.append(text)
            assert not any(run in plain for run in runs), f"« {query} », {location} : « {text} »"
    assert all(text.strip() for text in shown)


def test_english_words_and_acronyms_bring_their_page_first(open_search):
    page = open_search()
    queries = list(FIRST)
    wrong = {q: f["pages"][:3] for q, f in zip(queries, page.search(queries)) if f["pages"][:1] != [FIRST[q]]}
    assert wrong == {}, f"pas en tête : {wrong}"
