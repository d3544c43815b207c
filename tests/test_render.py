"""Markers and front matter rendered into Markdown: what editors write, what readers get."""

from datetime import date
import re

import pytest

from soignants.render import bibliography, generated
from soignants.model import help_data
from soignants.render.pages import (MarkerError, audio_block, draft_notice, expand_citations,
                              expand_help_markers, render_page_markdown)

FICHE_META = {
    "title": "Essai", "partie": "soignant", "statut": "brouillon", "sources": ["Wu2000"],
    "auteurs": ["Dr Anne Exemple"], "redige_le": "2026-11-23", "prochaine_relecture": "2027-11-23",
}


def _rendered(markdown_text: str):
    """As a page gets it: Markdown, then the sanitiser (which turns our marked values back)."""
    import markdown
    from bs4 import BeautifulSoup
    from soignants.render import sanitize
    return BeautifulSoup(sanitize.clean(markdown.markdown(markdown_text)), "html.parser")


def test_help_marker_renders_the_data_file_number_as_a_tel_link():
    entry = help_data.by_id()["sps"]
    out = _rendered(expand_help_markers("Appelez [[aide:sps]].", "x.md"))
    link = out.find("a", href=help_data.tel_uri(entry["telephone"]))
    assert link is not None and link.get_text() == entry["telephone"]
    assert entry["nom"] in out.get_text()


def test_historic_number_is_never_a_link():
    out = expand_help_markers("[[aide:pass-2018]]", "x.md")
    assert "tel:" not in out and "non confirmé" in out


def test_a_contact_checked_over_a_year_ago_carries_its_caveat_wherever_its_marker_is_used():
    """The directory says « numéro à confirmer » for a stale contact; a fiche citing it says so too."""
    entry = help_data.by_id()["sps"]
    checked = help_data.checked_on(entry)
    fresh_day = date(checked.year + 1, checked.month, 1)   # 12 whole months at most: still fresh
    stale_day = date(checked.year + 2, checked.month, 1)   # 24 months: stale
    assert "à confirmer" not in expand_help_markers("[[aide:sps]]", "fiches/x.md", today=fresh_day)
    stale = expand_help_markers("Appelez [[aide:sps]].", "fiches/x.md", today=stale_day)
    out = _rendered(stale)
    assert f"dernière vérification en {bibliography.date_fr(entry['verifie_le'])} : numéro à confirmer" in out.get_text()
    assert out.find("a", href=help_data.tel_uri(entry["telephone"])) is not None
    # The same words in the English edition, and in a page rendered as a whole (fiche, testimony).
    english = _rendered(expand_help_markers("[[aide:sps]]", "fiches/x.md", "en", today=stale_day)).get_text()
    assert "number to be confirmed" in english
    page = render_page_markdown("# Essai\n\n## L'essentiel\n\n- [[aide:sps]]\n", FICHE_META,
                                "fiches/soignant/essai.md", today=stale_day)
    assert "numéro à confirmer" in page


def test_historic_numbers_keep_their_own_warning_not_the_stale_caveat():
    out = expand_help_markers("[[aide:pass-2018]]", "x.md", today=date(2030, 1, 1))
    assert "non confirmé" in out and "à confirmer" not in out


def test_unknown_help_marker_names_the_file_in_french():
    with pytest.raises(MarkerError, match=r"fiches/x\.md.*contact d'aide inconnu.*aide:nope"):
        expand_help_markers("[[aide:nope]]", "fiches/x.md")


def test_citation_links_to_the_reference_in_the_page():
    out = expand_citations("Voir [@Wu2000].", "fiches/soignant/x.md")
    link = _rendered(out).find("a", href="#ref-Wu2000")
    assert link is not None and link.get_text() == bibliography.short_citation(bibliography.references()["Wu2000"])


def test_unknown_citation_is_an_error():
    with pytest.raises(MarkerError, match="Inconnu1999"):
        expand_citations("[@Inconnu1999]", "fiches/x.md")


def test_fiche_gets_draft_notice_after_title_references_and_footer():
    md = render_page_markdown("# Essai\n\n## L'essentiel\n\nTexte [@Galam2012].\n", FICHE_META,
                              "fiches/soignant/essai.md", today=date(2026, 11, 23))
    title_at, notice_at = md.index("# Essai"), md.index("Fiche en attente de relecture")
    assert title_at < notice_at < md.index("## L'essentiel")
    assert '<span id="ref-Wu2000"></span>' in md and '<span id="ref-Galam2012"></span>' in md
    assert "../../bibliographie/erreur-medicale.md#ref-Wu2000" in md
    assert "23 novembre 2027" in md and "brouillon" in md.split("ss-fiche-pied")[1]


def test_overdue_review_is_shown_to_the_reader():
    meta = dict(FICHE_META, prochaine_relecture="2026-01-01")
    assert "1 janvier 2026" in draft_notice(meta, date(2026, 11, 23))
    assert draft_notice(dict(FICHE_META, statut="relu"), date(2026, 11, 23)) == ""


def test_testimony_audio_comes_with_its_transcript():
    meta = {"audio": {"fichier": "audio/recit.mp3", "transcription": "recit-transcription.md"}}
    block = generated.unmark(audio_block(meta))
    assert '<audio controls preload="none" src="audio/recit.mp3"></audio>' in block
    assert "[Transcription](recit-transcription.md)" in block


def test_references_never_end_a_part_with_two_periods():
    from soignants.render.bibliography import full_citation_html, references
    for key, ref in references().items():
        text = re.sub(r"<a [^>]*>.*?</a>", "", full_citation_html(ref))
        assert ".." not in text.replace("...", "…"), (key, text)
