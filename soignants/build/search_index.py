"""Post-process Material's search index so that a tired reader's words find the right page.

Material's French search does no accent folding and knows nothing of our keywords
(see ../shared/FIELD-NOTES.md). The browser's lunr indexes every field listed in `config.fields`
and shows only title, text and tags, so the rewrite below gives it:
- `folded_title`, `folded`, `folded_tags`: title, text and tags folded (« Épuisé » -> « epuise »),
  hyphenated compounds also joined (« burn-out » -> « burn out burnout »). They carry the ranking.
- `keywords`: the front matter's `mots_cles` and tags, folded, only on the page's main document
  (not its sections), so that a reader's own words lead to the fiche itself.
- `title`, `text`, `tags` stay indexed at a negligible weight, only so that the browser still
  highlights matching words in the result list. Ranking on both forms would count a word twice
  when the query stops before its accent (« difficult* » matches « difficulté » and « difficulte »).
- `config.soignants`: the stop words and word-form rules with which search-soignants.js
  normalizes the query in the browser (folding, « l'Ordre » -> « ordre », light stem; see folding.py),
  the typo settings, the distress phrases (data/recherche-detresse.yml), the help page of each
  edition and the editions' prefixes (see search_query.py).
  Since every query reaches the index folded, only the folded fields need weight.

Boosts: Material gives tags 1 000 000 and titles 1 000, so a testimony tagged « épuisement »
outranked the fiche titled « Épuisement professionnel ». Here the page title, its tags and its
keywords weigh the same (1 000), the text 1. The relevance suite (tests/search) measures the effect.
The browser semantics (tokenizer, stop words) come from search_harness.py, which also reproduces
the ranking outside the browser.
"""

import json

from ..model import distress
from ..model.folding import fold, join_hyphens, query_rules
from .search_harness import BrowserText
from ..model.search_query import EXACT_BOOST, MAX_CORRECTIONS, MIN_TYPO_LENGTH

TITLE_BOOST = 1000      # Material's own title boost
TEXT_BOOST = 1
TAGS_BOOST = 1000       # Material: 1 000 000
KEYWORDS_BOOST = 1000
# Small enough that lunr rounds the field's weights to 0 (it keeps 3 decimals), not 0 itself:
# lunr reads a boost of 0 as 1.
DISPLAY_ONLY_BOOST = 1e-6
# Display field -> (indexed twin, boost).
TWINS = {"title": ("folded_title", TITLE_BOOST), "text": ("folded", TEXT_BOOST), "tags": ("folded_tags", TAGS_BOOST)}


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
    return {"typo": {"min_length": MIN_TYPO_LENGTH, "exact_boost": EXACT_BOOST, "max_corrections": MAX_CORRECTIONS}}


def enrich(index: dict, keywords_by_location: dict[str, list[str]], distress_rules: dict | None = None) -> dict:
    """Add the twin and keywords fields and the query rules (`distress_rules`: distress.index_rules())."""
    config = index["config"]
    fields = config.setdefault("fields", {})
    text = BrowserText(config)
    for source, (twin, boost) in TWINS.items():
        fields[source] = {"boost": DISPLAY_ONLY_BOOST}
        fields[twin] = {"boost": boost}
    fields["keywords"] = {"boost": KEYWORDS_BOOST}
    config["soignants"] = {**query_rules(text.query_stop_words()), **typo_settings(),
                           **(distress_rules if distress_rules is not None else distress.index_rules())}
    for doc in index["docs"]:
        for source, (twin, _) in TWINS.items():
            forms = text.folded_terms(doc.get(source))
            if forms:
                doc[twin] = " ".join(forms)
        if "#" not in doc["location"]:
            words = keywords_by_location.get(doc["location"], [])
            if words:
                doc["keywords"] = keywords_text(words)
    return index


def rewrite(path, keywords_by_location: dict[str, list[str]]) -> None:
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    enrich(index, keywords_by_location)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
