"""The foundation: the site builds strictly, holds every section and fiche, loads nothing from
another host, works under a subpath, and shows the help strip from the data file everywhere."""

import json
import os
import re
import subprocess
import sys
from urllib.request import urlopen
from urllib.error import HTTPError

from pathlib import Path

import pytest

from soignants.model import catalog, help_data
from soignants.checks import site_checks
from soignants.model.folding import fold
from soignants.model.frontmatter import split_front_matter
from soignants.render.pages import HELP_MARKER

ROOT = Path(__file__).resolve().parent.parent

SECTIONS = ["", "aide/", "fiches/", "fiches/cabinet/", "fiches/soignant/", "temoignages/",
            "bibliographie/", "a-propos/", "a-propos/confidentialite/", "a-propos/accessibilite/",
            "a-propos/contribuer/"]


def page_location(src_uri: str) -> str:
    return src_uri[: -len(".md")] + "/"


def read(site_root, location):
    return (site_root / location / "index.html").read_text(encoding="utf-8")


def test_strict_build_prints_no_warning(build_log):
    assert "WARNING" not in build_log and "ERROR" not in build_log, build_log


def test_the_two_model_fiches_are_in_place():
    titles = {f.title for f in catalog.fiches()}
    assert "Épuisement professionnel : repérer, en parler, se faire aider" in titles
    assert "Trouver son médecin traitant quand on est soignant" in titles


@pytest.mark.parametrize("location", SECTIONS)
def test_every_section_is_built_with_a_description(site_root, location):
    soup = site_checks.parse(read(site_root, location))
    assert soup.find("h1") is not None
    assert soup.find("meta", attrs={"name": "description"})["content"].strip()


def test_every_fiche_and_testimony_is_built_in_the_nav_and_in_the_french_index(site_root):
    entries = [*catalog.fiches(), *catalog.testimonies()]
    assert len(catalog.fiches()) >= 2 and catalog.testimonies()
    for entry in entries:
        location = page_location(entry.src_uri)
        page = site_checks.parse(read(site_root, location))
        assert page.find("h1").get_text(strip=True).startswith(entry.title[:20])
        assert page.find("div", attrs={"data-pagefind-body": True}), f"{location} absent de l'index de recherche"
        section_index = location.rsplit("/", 2)[0] + "/"
        nav = site_checks.parse(read(site_root, section_index)).find("nav", class_="md-nav--primary")
        hrefs = {a["href"].rstrip("/").split("/")[-1] for a in nav.find_all("a", href=True)}
        assert location.rstrip("/").split("/")[-1] in hrefs, f"{location} absent de la navigation"


def test_part_indexes_list_each_of_their_fiches(site_root):
    for part in catalog.PARTS:
        body = site_checks.parse(read(site_root, f"fiches/{part}/")).find("article")
        linked = {a["href"].rstrip("/").split("/")[-1] for a in body.find_all("a", href=True)}
        for fiche in catalog.fiches_of_part(part):
            assert fiche.src_uri.split("/")[-1][:-3] in linked


def test_no_page_stylesheet_or_script_loads_from_another_host(site_root, html_pages):
    offenders = []
    for page in html_pages:
        soup = site_checks.parse(page.read_text(encoding="utf-8"))
        offenders += [f"{page.name}: {url}" for url in site_checks.html_resources(soup)
                      if site_checks.is_other_host(url)]
    for css in site_root.rglob("*.css"):
        offenders += [f"{css.name}: {url}" for url in site_checks.css_resources(css.read_text(encoding="utf-8"))
                      if site_checks.is_other_host(url)]
    assert html_pages and not offenders, offenders


def test_the_theme_is_not_told_to_fetch_anything_at_run_time(site_root):
    # repo_url makes Material fetch repository statistics from another host; fonts, Google ones.
    config = site_checks.parse(read(site_root, "")).find("script", id="__config")
    assert config is not None
    assert "repo_url" not in config.get_text()
    home = read(site_root, "")
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home


def test_the_checker_sees_an_external_resource_when_there_is_one():
    soup = site_checks.parse('<link rel="stylesheet" href="https://cdn.example/x.css">'
                             '<img srcset="//img.example/a.png 2x"><div style="background:url(http://t.example/p)">')
    found = [u for u in site_checks.html_resources(soup) if site_checks.is_other_host(u)]
    assert len(found) == 3


def test_every_internal_link_asset_and_anchor_answers_200_under_a_subpath(site_root, site_url):
    # Statically: every href/src of every built page resolves to a file and an anchor.
    assert site_checks.internal_link_problems(site_root, site_url) == []
    # And over HTTP, the way a static host serves it, for every distinct target.
    targets = set()
    for page in site_root.rglob("*.html"):
        here = site_url if page.name == "404.html" else site_checks.page_url(site_root, page, site_url)
        soup = site_checks.parse(page.read_text(encoding="utf-8"))
        for ref in [*site_checks.links(soup), *site_checks.html_resources(soup)]:
            if ref.startswith(("tel:", "mailto:", "data:")) or site_checks.is_other_host(ref):
                continue
            from urllib.parse import urljoin
            targets.add(urljoin(here, ref).split("#")[0])
    failures = []
    for url in sorted(targets):
        try:
            with urlopen(url, timeout=10) as answer:
                answer.read()
                status = answer.status
        except HTTPError as error:
            status = error.code
        if status != 200:
            failures.append(f"{status} {url}")
    assert len(targets) > 50 and failures == []


def test_help_strip_is_on_every_page_with_tel_links_from_the_data_file(html_pages):
    expected = [(e["telephone"], help_data.tel_uri(e["telephone"])) for e in help_data.strip_entries()]
    assert len(expected) >= 3
    for page in html_pages:
        strip = site_checks.parse(page.read_text(encoding="utf-8")).find(class_="ss-bandeau")
        assert strip is not None, f"pas de bandeau d'aide dans {page}"
        assert strip.get("aria-label")
        shown = [(a.find("strong").get_text(strip=True), a["href"])
                 for a in strip.find_all("a", href=re.compile("^tel:"))]
        assert shown == expected, page


def test_no_help_number_is_typed_by_hand_in_templates_or_pages():
    # A structure may have no telephone (schema: optional), e.g. one known only by e-mail.
    digits = [re.sub(r"\D", "", e.get("telephone", "")) for e in help_data.structures()]
    numbers = [n for n in digits if len(n) >= 4]
    assert numbers, "data/aide.yml should hold help numbers to look for"
    root = catalog.DOCS_DIR.parent
    sources = [*root.joinpath("overrides").rglob("*.html"), *root.joinpath("docs").rglob("*.md")]
    for path in sources:
        # Search keywords in the front matter may hold a number a reader types; the body may not.
        text = HELP_MARKER.sub("", split_front_matter(path.read_text(encoding="utf-8")).body)
        for number in numbers:
            spaced = re.compile(r"\b" + r"\s?".join(number) + r"\b")
            assert not spaced.search(text), f"{path}: numéro {number} écrit à la main"


def test_tel_uri_dials_french_numbers_internationally():
    assert help_data.tel_uri("0 805 23 23 36") == "tel:+33805232336"
    assert help_data.tel_uri("0800 288 038") == "tel:+33800288038"
    assert help_data.tel_uri("3114") == "tel:3114"
    assert help_data.tel_uri("15") == "tel:15"


def test_root_404_is_french(site_root):
    page_404 = (site_root / "404.html").read_text(encoding="utf-8")
    assert page_404.lstrip().startswith("<!doctype html>\n<html lang=\"fr\"")
    assert '<html lang="en"' in read(site_root, "en/")


def test_english_edition_links_untranslated_pages_to_the_french_ones(site_root):
    """No copy of French pages under /en/: the English pages and menu link to the French page,
    marked as French, and every such link leads to a page that exists."""
    fiche = page_location(catalog.fiches()[0].src_uri)
    assert not (site_root / "en" / fiche / "index.html").exists()
    english_pages = sorted((site_root / "en").rglob("*.html"))
    assert english_pages
    to_french = 0
    for path in english_pages:
        soup = site_checks.parse(path.read_text(encoding="utf-8"))
        assert "fr-edition:" not in str(soup), path
        for link in soup.find_all("a", hreflang="fr"):
            if "md-select__link" in (link.get("class") or []):
                continue  # the language switcher
            target = (path.parent / link["href"].split("#")[0]).resolve()
            assert target.relative_to(site_root.resolve()).parts[:1] != ("en",), (path, link["href"])
            assert (target / "index.html").is_file() or target.is_file(), (path, link["href"])
            to_french += 1
    assert to_french >= len(catalog.fiches())  # at least the fiches, from the Fiches section


def test_no_alternate_link_makes_the_theme_fetch_a_missing_sitemap(html_pages):
    for page in html_pages:
        soup = site_checks.parse(page.read_text(encoding="utf-8"))
        assert not soup.find("link", rel="alternate", hreflang=True), page


def test_fiche_pages_show_draft_notice_and_review_dates(site_root):
    from soignants.render.bibliography import date_fr
    for fiche in catalog.fiches():
        article = site_checks.parse(read(site_root, page_location(fiche.src_uri))).find("article")
        text = article.get_text(" ", strip=True)
        footer = article.find(class_="ss-fiche-pied").get_text(" ", strip=True)
        assert date_fr(fiche.meta["redige_le"]) in footer
        assert date_fr(fiche.meta["prochaine_relecture"]) in footer
        for author in fiche.meta["auteurs"]:
            assert author in footer
        if fiche.meta["statut"] == "brouillon":
            assert "Fiche en attente de relecture par le comité éditorial" in text
            banner = article.find(class_="admonition").get_text(" ", strip=True)
            assert f"Rédigée par {', '.join(fiche.meta['auteurs'])}" in banner
            assert "brouillon" in footer and "Rédigée par" in footer
            # A draft never claims a review: no « Dernière relecture », no reviewers.
            assert "Dernière relecture" not in footer and "Relue par" not in footer
        else:
            assert date_fr(fiche.meta["relu_le"]) in footer and "Dernière relecture" in footer


def test_without_the_setting_no_page_links_to_a_forge(site_root):
    """mkdocs.yml leaves « signalement » empty: no « Signaler une erreur » link (and no forge host)."""
    for entry in (*catalog.fiches(), *catalog.testimonies()):
        html = read(site_root, page_location(entry.src_uri))
        assert "ss-signaler" not in html and "Signaler une erreur" not in html, entry.src_uri


def test_the_feed_is_valid_atom(site_root):
    import xml.etree.ElementTree as ET
    from soignants.render import news
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.parse(site_root / "feed.xml").getroot()
    assert root.tag == f"{atom}feed"
    for required in ("id", "title", "updated"):
        assert (root.findtext(f"{atom}{required}") or "").strip(), required
    entries = root.findall(f"{atom}entry")
    assert len(entries) == min(news.FEED_LIMIT, len(news.events()))
    ids = [e.findtext(f"{atom}id") for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        link = entry.find(f"{atom}link").get("href")
        assert link.startswith("http") and entry.findtext(f"{atom}updated")
        location = link.split("/urps/", 1)[1]
        assert (site_root / location / "index.html").is_file(), link
    assert [e.findtext(f"{atom}updated") for e in entries] == sorted(
        (e.findtext(f"{atom}updated") for e in entries), reverse=True)


def test_search_index_carries_reader_keywords_and_holds_every_indexed_page(site_root):
    fiche = next(f for f in catalog.fiches() if f.meta.get("mots_cles"))
    page = site_checks.parse(read(site_root, page_location(fiche.src_uri)))
    body = page.find("div", attrs={"data-pagefind-body": True})
    keywords = body.find("span", attrs={"data-pagefind-weight": True})
    for word in fiche.meta["mots_cles"]:
        assert fold(word) in keywords.get_text()
    assert keywords.find_parent("p").has_attr("hidden"), "les mots-clés ne s'affichent pas"
    # Pagefind's index, built after the site: one fragment per indexed page, and nothing of the
    # ready-made interfaces the site does not use.
    bundle = site_root / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = sum(1 for p in site_root.rglob("*.html")
                 if re.search(r"<div [^>]*data-pagefind-body", p.read_text(encoding="utf-8")))
    assert entry["languages"]["fr"]["page_count"] == marked > 40
    assert len(list((bundle / "fragment").iterdir())) == marked
    assert not list(bundle.glob("pagefind-*ui*")) and not (bundle / "pagefind-highlight.js").exists()


@pytest.mark.lent  # builds a whole site
def test_built_without_site_url_and_copied_under_a_sub_path_every_link_works(tmp_path):
    """A host that copies site/ under /urps/ without setting SITE_URL: every link of every page
    (language switcher included) still resolves. Only the 404 page, served at any address, keeps
    links from the site's root, which need SITE_URL (README, « Publier »)."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    site_dir = tmp_path / "urps"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = site_checks.internal_link_problems(site_dir, "http://hebergeur.example/urps/")
    assert [p for p in problems if not p.startswith("404.html")] == []
    switchers = [a for page in site_dir.rglob("*.html") if page.name != "404.html"
                 for a in site_checks.parse(page.read_text(encoding="utf-8")).select("a.md-select__link")]
    assert switchers and not [a["href"] for a in switchers if a["href"].startswith("/")]
    # What needs the public address is left out rather than claiming a local one, and said once.
    # (The contributors' and hosts' guides name the local preview server, http://127.0.0.1:8000, as text.)
    guides = (site_dir / "a-propos" / "contribuer", site_dir / "a-propos" / "heberger")
    claiming = [str(page.relative_to(site_dir)) for page in [*site_dir.rglob("*.html"), site_dir / "feed.xml",
                                                              site_dir / "sitemap.xml"]
                if not any(g in page.parents for g in guides) and re.search(r"(?:https?:)?//(?:127\.0\.0\.1|localhost)[:/]",
                             re.sub(r"<!--.*?-->", "", page.read_text(encoding="utf-8"), flags=re.S))]
    assert claiming == []
    home = site_checks.parse((site_dir / "index.html").read_text(encoding="utf-8"))
    assert home.find("link", rel="canonical") is None and home.find(class_="ss-adresse-impression") is None
    assert (result.stdout + result.stderr).count("SITE_URL n'est pas défini") == 1


def test_our_scripts_and_style_sheets_are_minified_in_the_built_site(site_root):
    for folder, comment in (("javascripts", "//"), ("stylesheets", "/*")):
        sources = sorted((ROOT / "overrides" / "assets" / folder).glob("*.js" if folder == "javascripts" else "*.css"))
        assert len(sources) >= 3
        for source in sources:
            # The service worker is written at the site's root from its template, with its settings;
            # detresse.js carries the distress rules (soignants/pipeline/service_worker.py,
            # distress_script.py): compared here without them.
            where = site_root / ("service-worker.js" if source.name == "service-worker.js" else f"assets/{folder}/{source.name}")
            built = re.sub(r"var (RULES|SETTINGS)=\{.*?\};", r"var \1=null;", where.read_text(encoding="utf-8"), count=1)
            original = source.read_text(encoding="utf-8")
            assert comment in original and len(built) < 0.85 * len(original), source.name
            assert "\n" not in built.strip() or folder == "javascripts", source.name
            assert "\n// " not in built and "/*\n" not in built, source.name  # comments gone
