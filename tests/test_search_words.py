"""The search's words (typo vocabulary, help pages' lines) are read from our own pages, not from
Material's index (issue 25: its plugin parsed every page for an index that was thrown away)."""

import json

from soignants.pipeline.search_index import page_document


def test_a_page_is_read_without_its_title_and_what_is_kept_out_of_the_search():
    html = ('<h1 id="t">Le titre</h1><p>Premier <strong>paragraphe</strong>.</p>'
            '<div class="admonition" data-search-exclude><p>Brouillon en attente</p></div> et la suite'
            '<h2>Partie</h2><p>Deuxième</p><h1>Autre titre</h1>')
    doc = page_document(html, "fiches/x/", "Le &amp; titre")
    assert doc["location"] == "fiches/x/" and doc["title"] == "Le & titre"
    assert doc["text"] == "Premier paragraphe. et la suite Partie Deuxième Autre titre"
    assert page_document("", "a/", "A")["text"] == ""


def test_materials_plugin_indexes_no_page_and_the_words_come_from_ours(site_root):
    """The index file Material writes holds no page (its plugin no longer parses them), and the
    vocabulary still has the words of the fiches, counted by page."""
    index = json.loads((site_root / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []
    vocabulary = json.loads((site_root / "search" / "vocabulaire.json").read_text(encoding="utf-8"))
    counts = dict(zip(vocabulary["terms"], vocabulary["counts"]))
    assert counts["epuisement"] > 5 and counts["prevoyance"] >= 2
