"""Ways through a long page on a phone (soignants/render/page_guides.py): the compact table of
contents under the title, and « L'essentiel » leading to what to do; both land on the anchors
MkDocs gives the headings (checked on the built fiche)."""

import re

from soignants.render import page_guides
from soignants.render import generated
from soignants.render.pages import render_page_markdown

FICHE = """# Titre

## L'essentiel

- Un point.

## Repérer / comprendre

Texte.

```
## pas un titre
```

## Que faire, pas à pas

1. Faire.

## Délais à ne pas manquer {#delais}

- Deux mois.

## Vers qui se tourner

- Quelqu'un.

## Vers qui se tourner
"""


def test_the_compact_toc_lists_the_sections_with_their_anchors():
    toc = generated.unmark(page_guides.compact_toc(FICHE, {}))
    assert toc.startswith('<details class="ss-sommaire ss-hors-recherche" markdown="1">')
    assert re.findall(r"\]\(#([^)]+)\)", toc) == ["lessentiel", "reperer-comprendre", "que-faire-pas-a-pas", "delais",
                                                 "vers-qui-se-tourner", "vers-qui-se-tourner_1"]
    assert "pas un titre" not in toc
    assert page_guides.compact_toc(FICHE, {"hide": ["toc"]}) == ""
    assert page_guides.compact_toc("# T\n\n## A\n\n## B\n", {}) == ""  # two sections: no need
    assert "On this page" in page_guides.compact_toc(FICHE, {}, "en")


def test_the_essentials_lead_to_the_steps_the_deadlines_and_the_help():
    out = generated.unmark(page_guides.essential_links(FICHE))
    block = re.search(r'<p class="ss-essentiel-suite ss-hors-recherche" markdown="1">(.*)</p>', out).group(1)
    assert re.findall(r"\]\(#([^)]+)\)", block) == ["que-faire-pas-a-pas", "delais", "vers-qui-se-tourner"]
    assert out.index("- Un point.") < out.index("ss-essentiel-suite") < out.index("## Repérer")
    assert page_guides.essential_links("# T\n\n## Autre\n") == "# T\n\n## Autre\n"


def test_a_rendered_fiche_carries_both_and_their_links_land(site_root):
    html = (site_root / "fiches" / "soignant" / "epuisement-professionnel" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    toc = re.search(r'<details class="ss-sommaire ss-hors-recherche">(.*?)</details>', html, re.DOTALL).group(1)
    essential = re.search(r'<p class="ss-essentiel-suite ss-hors-recherche">(.*?)</p>', html, re.DOTALL).group(1)
    targets = re.findall(r'href="#([^"]+)"', toc + essential)
    assert len(targets) >= 7 and set(targets) <= ids, set(targets) - ids
    assert "que-faire-pas-a-pas" in re.findall(r'href="#([^"]+)"', essential)


def test_both_are_left_out_of_the_search_index():
    from soignants.pipeline.search_pagefind import EXCLUDED
    from soignants.render.pages import NOT_SEARCHED
    assert page_guides.NOT_SEARCHED == NOT_SEARCHED and "." + NOT_SEARCHED in EXCLUDED
    assert 'class="ss-sommaire ss-hors-recherche"' in generated.unmark(render_page_markdown("# T\n\n## A\n\n## B\n\n## C\n", {}, "a-propos/x.md"))
