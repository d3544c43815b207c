"""Material's search index, rewritten into the query rules of the site's search.

The pages themselves are searched with Pagefind's index in fragments (search_pagefind.py), not
with this file: Material still fetches `search/search_index.json` when the reader opens the
search, and hands it to its "worker" (search-soignants.js, in the page). So the file keeps only:
- `config`: Material's settings (separator, languages), read by the browser's tokenizer;
- `config.soignants`: the stop words and word-form rules with which search-soignants.js
  normalizes the query (folding, « l'Ordre » -> « ordre »; see folding.py), the typo settings,
  the distress phrases (data/recherche-detresse.yml), the help page of each edition (with its
  title and a line of text, shown first on distress even when the words do not find it) and the
  editions' prefixes (see search_query.py);
- no documents: the index of every page, 4 KB gzip a fiche, is what Pagefind replaces.

The words of the site, with the number of pages holding each, go to `search/vocabulaire.json`,
fetched only when a word of 5 letters or more finds nothing (the typo rule, search_query.py).

Those words and the help pages' lines are read from our own pages as the build writes them
(`page_document`, one lxml parse of a page's content: under a millisecond), not from Material's
index: its plugin parsed every page in pure Python for an index this module threw away (issue 25).
The hook keeps the plugin for its search box and stops its indexing (overrides/hooks/site.py).
"""

from html import unescape
import json
import re

import lxml.html

from ..model import distress
from ..model.folding import fold, join_hyphens, query_rules
from ..model.search_query import MAX_CORRECTIONS, MIN_TYPO_LENGTH, Vocabulary
from .material_text import BrowserText

VOCABULARY_FILE = "vocabulaire.json"
# A correction is a word of the site one edit away from a typed word of MIN_TYPO_LENGTH letters
# or more: never shorter than one letter less. The most frequent words first, within a bound, so
# that the file stays small at any size of the site (a rare word's typo is then left as typed).
MIN_VOCABULARY_LENGTH = MIN_TYPO_LENGTH - 1
MAX_VOCABULARY = 20_000
HELP_TEXT_LENGTH = 160
TAG = re.compile(r"<[^>]*>")
# Where a block starts or ends, words are apart even when the HTML has no space there.
BLOCK_EDGE = re.compile(r"<(?=/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|table|tr|td|th|caption|section|article|aside|"
                        r"details|summary|blockquote|figure|figcaption|br|hr|pre|header|footer|nav)\b)", re.I)
SPACES = re.compile(r"\s+")


def keywords_text(words: list[str]) -> str:
    """The reader's words of a page, folded; hyphenated ones also joined (« burn-out » gives
    « burn out » and « burnout »)."""
    forms = []
    for word in words:
        folded = fold(str(word))
        forms.append(folded)
        if join_hyphens(folded) != folded:
            forms.append(join_hyphens(folded))
    return " ".join(dict.fromkeys(forms))


def typo_settings() -> dict:
    return {"typo": {"min_length": MIN_TYPO_LENGTH, "max_corrections": MAX_CORRECTIONS}}


def plain_text(html: str) -> str:
    """Material's index text (HTML) as plain text; the browser escapes it where it lands."""
    return SPACES.sub(" ", unescape(TAG.sub(" ", html or ""))).strip()


def page_document(content_html: str, location: str, title: str) -> dict:
    """A page as the search's words see it: its title, and the text of its content without its
    first heading (the title) and without what is marked `data-search-exclude` (as Material's
    plugin read it)."""
    text = ""
    if content_html and content_html.strip():
        root = lxml.html.fragment_fromstring(BLOCK_EDGE.sub(" <", content_html), create_parent="div")
        for element in root.xpath("//*[@data-search-exclude] | (//h1)[1]"):
            if element.getparent() is not None:
                element.drop_tree()  # (the text that followed it stays)
        text = SPACES.sub(" ", root.text_content()).strip()
    return {"location": location, "title": plain_text(title or ""), "text": text}


def help_documents(docs: list[dict], help_pages: dict[str, str]) -> dict[str, dict]:
    """The help page of each edition, as a result of the list: its title and its first line of
    text (from its first section when the page has no text before it)."""
    found: dict[str, dict] = {}
    for doc in docs:
        page = doc.get("location", "").split("#")[0]
        if page not in help_pages.values():
            continue
        entry = found.setdefault(page, {"title": "", "text": ""})
        if "#" not in doc["location"]:
            entry["title"] = plain_text(doc.get("title", ""))
        if not entry["text"]:
            text = plain_text(doc.get("text", ""))
            if len(text) > HELP_TEXT_LENGTH:
                text = text[:HELP_TEXT_LENGTH].rsplit(" ", 1)[0] + " …"
            entry["text"] = text
    return found


def vocabulary_of(docs: list[dict], config: dict, keywords_by_location: dict[str, list[str]]) -> dict:
    """The words of the site (folded, as typed by a reader) and the pages holding each, the most
    frequent MAX_VOCABULARY, in alphabetical order: {"terms": [...], "counts": [...]}."""
    text = BrowserText(config)
    folded_docs = []
    for doc in docs:
        folded = {"folded_title": " ".join(text.folded_terms(doc.get("title"))),
                  "folded": " ".join(text.folded_terms(doc.get("text"))),
                  "folded_tags": " ".join(text.folded_terms(doc.get("tags")))}
        if "#" not in doc["location"]:
            folded["keywords"] = keywords_text(keywords_by_location.get(doc["location"], []))
        folded_docs.append(folded)
    # Sections are documents of their own in Material's index: count each page once.
    by_page: dict[str, dict] = {}
    for doc, folded in zip(docs, folded_docs):
        page = by_page.setdefault(doc["location"].split("#")[0], {})
        for name, value in folded.items():
            page[name] = (page.get(name, "") + " " + value).strip()
    counts = Vocabulary.from_docs(list(by_page.values()), text.separator).frequency
    kept = [t for t in counts if len(t) >= MIN_VOCABULARY_LENGTH and t.isascii() and t.isalpha()]
    kept = sorted(sorted(kept), key=lambda t: -counts[t])[:MAX_VOCABULARY]
    kept.sort()
    return {"terms": kept, "counts": [counts[t] for t in kept]}


def enrich(index: dict, docs: list[dict], keywords_by_location: dict[str, list[str]],
           distress_rules: dict | None = None) -> tuple[dict, dict]:
    """The index as the browser gets it (rules, no documents), and the vocabulary, from `docs`
    (our pages: page_document)."""
    config = index["config"]
    rules = distress_rules if distress_rules is not None else distress.index_rules()
    config["soignants"] = {**query_rules(BrowserText(config).query_stop_words()), **typo_settings(), **rules,
                           "help_documents": help_documents(docs, rules["help_pages"]),
                           "vocabulary": VOCABULARY_FILE}
    vocabulary = vocabulary_of(docs, config, keywords_by_location)
    return {"config": config, "docs": []}, vocabulary


def rewrite(path, docs: list[dict], keywords_by_location: dict[str, list[str]]) -> dict:
    """Rewrite the index in place from our pages' `docs` and write the vocabulary next to it;
    returns the vocabulary."""
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    light, vocabulary = enrich(index, docs, keywords_by_location)
    for target, data in ((path, light), (path.parent / VOCABULARY_FILE, vocabulary)):
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
    return vocabulary
