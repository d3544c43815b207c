"""The menu the hook completes from the content, and the English edition's links to French pages."""

import random
import string

from soignants.render import editions
from soignants.pipeline import navigation
from soignants.model.catalog import title_order


def titled(titles):
    return [(f"fiches/cabinet/{i:04d}.md", title) for i, title in enumerate(sorted(titles, key=title_order))]


def random_titles(rng, count):
    letters = string.ascii_uppercase + "ÉÈÀÇ"
    return [rng.choice(letters) + "".join(rng.choice(string.ascii_lowercase) for _ in range(6))
            for _ in range(count)]


def test_letter_groups_keep_every_page_once_in_order_and_small():
    rng = random.Random(4)
    for count in (1, 41, 137, 900):
        pages = titled(random_titles(rng, count))
        groups = navigation.letter_groups(pages, size=30)
        flat = [page for _, members in groups for page in members]
        assert flat == pages
        assert all(0 < len(members) <= 30 for _, members in groups)
        labels = [label for label, _ in groups]
        assert len(labels) == len(set(labels))


def test_letter_group_labels_name_the_initials_they_hold_accents_folded():
    pages = titled(["Épuisement", "Erreur", "Assurances", "Burn-out"] + [f"Sujet {i}" for i in range(35)])
    groups = dict(navigation.letter_groups(pages, size=30))
    assert {title for _, title in groups["A – E"]} == {"Assurances", "Burn-out", "Épuisement", "Erreur"}
    assert len(groups["S (1)"]) == 30 and len(groups["S (2)"]) == 5


def test_a_part_with_few_fiches_is_one_flat_list_and_many_are_grouped(tmp_path, monkeypatch):
    class Fiche:
        def __init__(self, i):
            self.src_uri, self.title = f"fiches/cabinet/f{i:03d}.md", f"Fiche {chr(65 + i % 26)}{i:03d}"

    for count, grouped in ((navigation.GROUP_THRESHOLD, False), (navigation.GROUP_THRESHOLD + 1, True)):
        fiches = sorted((Fiche(i) for i in range(count)), key=lambda f: f.title)
        monkeypatch.setattr(navigation.catalog, "fiches_of_part", lambda part, docs_dir=None: fiches)
        nav = navigation.complete([{"Le cabinet": ["fiches/cabinet/index.md"]}])
        entries = nav[0]["Le cabinet"][1:]
        assert all(isinstance(e, dict) for e in entries) == grouped
        assert all(isinstance(e, str) for e in entries) == (not grouped)
        listed = [p for e in entries for p in (next(iter(e.values())) if isinstance(e, dict) else [e])]
        assert sorted(listed) == sorted(f.src_uri for f in fiches)


def test_english_menu_links_untranslated_pages_to_the_french_edition(monkeypatch):
    monkeypatch.setattr(navigation.catalog, "page_title", lambda src, docs_dir=None: "À propos")
    nav = navigation.complete(["index.md", "a-propos/index.md"], translated=lambda src: src == "index.md")
    assert nav == ["index.md", {"À propos": "fr-edition:a-propos/index.md"}]


def test_french_links_are_relative_to_the_english_page():
    html = ('<a href="fr-edition:fiches/cabinet/prevoyance.md#l-essentiel">x</a>'
            '<a href="fr-edition:index.md">y</a><a href="autre/">z</a>')
    out = editions.french_links(html, "en/fiches/cabinet/")
    assert 'href="../../../fiches/cabinet/prevoyance/#l-essentiel" hreflang="fr"' in out
    assert 'href="../../../" hreflang="fr"' in out
    assert 'href="autre/"' in out and "fr-edition:" not in out


def test_markdown_links_to_untranslated_pages_only_are_rewritten():
    markdown = "[a](prevoyance.md#x) [b](index.md) [c](manquante.md) [d](https://example.org/a.md)"
    out = editions.link_untranslated(
        markdown, "fiches/cabinet/index.md",
        translated=lambda src: src == "fiches/cabinet/index.md",
        exists=lambda src: src != "fiches/cabinet/manquante.md")
    assert out == ("[a](fr-edition:fiches/cabinet/prevoyance.md#x) [b](index.md) [c](manquante.md) "
                   "[d](https://example.org/a.md)")


def test_the_english_menu_shows_translated_fiches_under_their_english_title_in_english_order(monkeypatch):
    class Fiche:
        def __init__(self, src, title):
            self.src_uri, self.title = src, title

    fiches = [Fiche("fiches/soignant/epuisement.md", "Épuisement professionnel"),
              Fiche("fiches/soignant/plainte.md", "Plainte d'un patient")]
    monkeypatch.setattr(navigation.catalog, "fiches_of_part", lambda part, docs_dir=None: fiches)
    monkeypatch.setattr(navigation.catalog, "page_title",
                        lambda src, docs_dir=None: {"fiches/soignant/epuisement.en.md": "Burnout"}[src])
    nav = navigation.complete([{"The carer": ["fiches/soignant/index.md"]}, {"Home": "index.md"}],
                              translated=lambda src: src in ("fiches/soignant/index.md", "fiches/soignant/epuisement.md"))
    assert nav[0]["The carer"] == ["fiches/soignant/index.md", "fiches/soignant/epuisement.md",
                                   # a title from front matter is escaped: the theme writes it as it is
                                   {"Plainte d&#39;un patient": "fr-edition:fiches/soignant/plainte.md"}]
    assert nav[1] == {"Home": "fr-edition:index.md"}


def test_other_link_forms_to_untranslated_pages_are_rewritten_too():
    markdown = ('[a](prevoyance.md "Titre") [b](prevoyance.md?x=1#y) [c](prevoyance.en.md)\n'
                "[ref]: prevoyance.md#z\n")
    out = editions.link_untranslated(
        markdown, "fiches/cabinet/index.md",
        translated=lambda src: src.endswith(".en.md"), exists=lambda src: True)
    assert out == ('[a](fr-edition:fiches/cabinet/prevoyance.md "Titre") '
                   "[b](fr-edition:fiches/cabinet/prevoyance.md?x=1#y) [c](prevoyance.en.md)\n"
                   "[ref]: fr-edition:fiches/cabinet/prevoyance.md#z\n")


def test_menu_links_to_french_pages_are_read_in_french():
    html = ('<a href="fr-edition:fiches/x.md" class="md-nav__link">Prévoyance</a>'
            '<a href="fr-edition:fiches/x.md?h=y#z">the French page</a>')
    out = editions.french_links(html, "en/")
    assert out == ('<a href="../fiches/x/" hreflang="fr" class="md-nav__link" lang="fr">Prévoyance</a>'
                   '<a href="../fiches/x/?h=y#z" hreflang="fr">the French page</a>')
