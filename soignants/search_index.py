"""Post-process Material's search index so that a tired reader's words find the right page.

Material's French search does no accent folding and knows nothing of our keywords
(see ../shared/FIELD-NOTES.md). We add two invisible fields that the browser's lunr indexes:
- `folded`: the accent-free form of the title and text ("medecin" finds "médecin");
- `keywords`: the front matter's `mots_cles` and tags, folded too, with a strong boost, only on the
  page's main document (not its sections), so synonyms lead to the fiche itself.
"""

import json
import re

from .folding import fold

KEYWORDS_BOOST = 60
FOLDED_BOOST = 1
TAG = re.compile(r"<[^>]+>")


def page_location(location: str) -> str:
    """`fiches/x/#section` -> `fiches/x/`."""
    return location.split("#", 1)[0]


def enrich(index: dict, keywords_by_location: dict[str, list[str]], drop_locations=frozenset()) -> dict:
    """Add the folded and keywords fields; drop the English edition's copies of French pages
    (their French twin is already indexed: one result, in the language it is written in)."""
    index["docs"] = [doc for doc in index["docs"] if page_location(doc["location"]) not in drop_locations]
    fields = index["config"].setdefault("fields", {})
    fields["folded"] = {"boost": FOLDED_BOOST}
    fields["keywords"] = {"boost": KEYWORDS_BOOST}
    for doc in index["docs"]:
        plain = TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
        folded = fold(plain)
        if folded != plain.lower():
            doc["folded"] = folded
        if "#" not in doc["location"]:
            words = keywords_by_location.get(doc["location"], [])
            if words:
                doc["keywords"] = " ".join(dict.fromkeys([*words, *(fold(w) for w in words)]))
    return index


def rewrite(path, keywords_by_location: dict[str, list[str]], drop_locations=frozenset()) -> None:
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    enrich(index, keywords_by_location, drop_locations)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
