"""Regional editions (editions/CODE.yml, soignants/model/regional.py), on the built sites.

The national site (tests/conftest.py `site_root`) and each edition of editions/ (`edition_site`)
are built once per session, strictly, under the sub-path /urps/. On their HTML: each edition's
help strip has the national lines and only lines of its own region; its own pages appear in no
other edition (pages, menu, sitemap, search index); each passes the essentials check under its
sub-path; the help pages put its region first; and the HTTP header files of every site say what
the pages' <meta> policy says, plus what a <meta> cannot.
"""

from datetime import date
from pathlib import Path
import gzip
import json
import re
from urllib.parse import urlsplit
import xml.etree.ElementTree as ElementTree

import pytest
from yaml import safe_load as yaml_safe_load

from soignants.checks import built_site, site_checks
from soignants.model import help_data, regional
from soignants.model.frontmatter import split_front_matter
from soignants.pipeline import http_headers

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = regional.codes()
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def edition(code: str) -> regional.Edition | None:
    return regional.load(code) if code else None


@pytest.fixture(scope="module")
def sites(site_root, edition_site) -> dict[str, Path]:
    """Built folder of each site: "" the national one, then each edition."""
    return {"": site_root, **{code: edition_site(code).root for code in EDITIONS}}


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def strip_tels(html: str) -> set[str]:
    strip = site_checks.parse(html).find(class_="ss-bandeau")
    return {a["href"] for a in strip.find_all("a", href=True) if a["href"].startswith("tel:")}


def own_pages(code: str) -> list[tuple[str, str]]:
    """(address from the site's root, title) of each page of editions/CODE/docs/."""
    docs = regional.editions_dir() / code / "docs"
    found = []
    for path in sorted(docs.rglob("*.md")):
        relative = path.relative_to(docs).as_posix()
        address = relative[:-len("index.md")] if relative.endswith("index.md") else relative[:-3] + "/"
        found.append((address, split_front_matter(path.read_text(encoding="utf-8")).meta["title"]))
    return found


def title_of(page: Path) -> str:
    soup = site_checks.parse(page.read_text(encoding="utf-8"))
    h1 = soup.find("h1")
    return " ".join((h1.get_text(" ", strip=True) if h1 else "").replace("¶", "").split())


def sitemap_locations(site: Path) -> list[str]:
    tree = ElementTree.parse(site / "sitemap.xml")
    return [urlsplit(loc.text).path for loc in tree.iter(f"{SITEMAP}loc")]


def search_fragments(site: Path) -> dict[str, str]:
    """Pagefind's index: page address (from the site's folder) -> the text indexed for it (each
    fragment is gzip JSON)."""
    fragments = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        entry = json.loads(data[data.index(b"{"):])
        fragments[entry["url"].removeprefix("/urps/").removeprefix("/")] = entry["content"]
    return fragments


# --- the declared editions --------------------------------------------------------------------

def test_the_two_example_editions_are_drafts_awaiting_their_urps():
    assert {"normandie", "paca"} <= set(EDITIONS)
    for code in ("normandie", "paca"):
        loaded = regional.load(code)
        assert loaded.is_draft
        assert regional.is_to_complete(loaded.data["hebergeur"]["adresse"])  # nothing invented
    assert regional.load("paca").region_names == ("Provence-Alpes-Côte d'Azur",)
    assert regional.load("normandie").region_names == ("Normandie",)


@pytest.mark.parametrize("code", EDITIONS)
def test_each_edition_builds_strictly_without_warning(edition_site, code):
    log = edition_site(code).build_log
    assert "WARNING" not in log and "ERROR" not in log and "Traceback" not in log, log


@pytest.mark.parametrize("code", EDITIONS)
def test_each_edition_passes_the_essentials_check_under_a_sub_path(edition_site, code):
    site = edition_site(code)
    count, problems = built_site.site_problems(site.root, require_csp=True, base_url=site.url,
                                               strip_entries=regional.strip_entries(edition(code)))
    assert count > 40
    assert problems == [], "\n".join(p.format() for p in problems)


# --- the help strip ---------------------------------------------------------------------------

def test_each_strip_has_the_national_lines_and_only_its_regions(sites):
    national = {e["tel"] for e in help_data.strip_entries()}
    contacts = help_data.structures()
    shown_regional = {}
    for code, site in sites.items():
        scope = edition(code)
        regional_tels = set()
        for page in pages_of(site):
            tels = strip_tels(page.read_text(encoding="utf-8"))
            assert national <= tels, f"{code or 'national'} {page}: lignes nationales manquantes"
            for tel in tels - national:
                owners = [e for e in contacts if e.get("telephone") and help_data.tel_uri(e["telephone"]) == tel]
                assert scope is not None and owners and all(scope.serves(e) for e in owners), \
                    f"{code or 'national'} {page.relative_to(site)} : {tel} n'est pas une ligne de la région"
                assert all(e["id"] in scope.regional_line_ids for e in owners)
            regional_tels |= tels - national
        shown_regional[code] = regional_tels
    assert shown_regional[""] == set()
    # Each edition shows the lines its file names that were checked within the year: Normandie,
    # MOTS; PACA, not MED'AIDE, whose number has not been checked since 2018 (until the URPS
    # confirms it). That a fresh line does reach every page, whatever the date:
    # tests/test_new_edition.py (an edition whose line is checked on the day of the test).
    contacts_by_id = help_data.by_id()
    for code in EDITIONS:
        fresh = {help_data.tel_uri(contacts_by_id[i]["telephone"]) for i in regional.load(code).regional_line_ids
                 if not help_data.is_stale(contacts_by_id[i], date.today())}
        assert shown_regional[code] == fresh, code


def test_the_search_distress_card_lists_the_same_lines_as_the_strip(sites):
    html = (sites["normandie"] / "index.html").read_text(encoding="utf-8")
    card = site_checks.parse(html).find(id="ss-recherche-detresse-modele")
    assert card is not None
    assert "06 08 28 25 89" in card.decode_contents()


# --- an edition's own pages are its alone -----------------------------------------------------

@pytest.mark.parametrize("code", EDITIONS)
def test_a_regional_page_appears_in_no_other_edition(sites, code):
    own = own_pages(code)
    assert own, f"editions/{code}/docs/ n'a aucune page"
    menu_label = regional.load(code).data["menu"]
    home = (sites[code] / "index.html").read_text(encoding="utf-8")
    tabs = [a.get_text(" ", strip=True) for a in site_checks.parse(home).select(".md-tabs__link")]
    assert menu_label in tabs
    for address, title in own:
        # In its edition: the page, the sitemap, the search index.
        assert title_of(sites[code] / address / "index.html") == title
        assert f"/urps/{address}" in sitemap_locations(sites[code])
        assert search_fragments(sites[code])[address].startswith(title)
        for other, site in sites.items():
            if other == code:
                continue
            where = other or "national"
            assert all(title_of(page) != title for page in pages_of(site)), f"{title} dans l'édition {where}"
            for page in pages_of(site):
                links = site_checks.parse(page.read_text(encoding="utf-8")).select(".md-nav__link, .md-tabs__link")
                labels = {" ".join(a.get_text(" ", strip=True).split()) for a in links}
                assert title not in labels and menu_label not in labels, f"{title} au menu de {where}"
            for location in sitemap_locations(site):
                target = site / location.removeprefix("/urps/") / "index.html"
                assert not target.is_file() or title_of(target) != title, f"{title} au plan du site {where}"
            assert not any(text.startswith(title) for text in search_fragments(site).values()), \
                f"{title} dans l'index de recherche de l'édition {where}"


# --- the help pages put the region first ------------------------------------------------------

def test_which_number_lists_the_regions_lines_first(sites):
    text = site_checks.parse((sites["normandie"] / "aide" / "index.html").read_text(encoding="utf-8")).get_text(" ")
    first = text.index("Dans votre région (Normandie)")
    assert "Association MOTS" in text[first:first + 400]
    assert text.index("Dans d'autres régions") > first
    national = site_checks.parse((sites[""] / "aide" / "index.html").read_text(encoding="utf-8")).get_text(" ")
    assert "Dans votre région" not in national and "Dans certaines régions" in national


def test_the_directory_opens_on_the_editions_region(sites):
    soup = site_checks.parse((sites["paca"] / "aide" / "annuaire" / "index.html").read_text(encoding="utf-8"))
    sections = [s["data-region"] for s in soup.select("section.ss-region")]
    assert sections[0] == "Provence-Alpes-Côte d'Azur" and len(sections) == 18  # the others stay, one tap away
    html = (sites["paca"] / "aide" / "annuaire" / "index.html").read_text(encoding="utf-8")
    assert html.index('class="ss-region"') < html.index('id="ss-departements"')  # before the table
    national = site_checks.parse((sites[""] / "aide" / "annuaire" / "index.html").read_text(encoding="utf-8"))
    assert national.select("section.ss-region")[0]["data-region"] == "Auvergne-Rhône-Alpes"


def test_the_printable_card_is_the_editions(sites):
    def card(site):
        soup = site_checks.parse((site / "aide" / "carte" / "index.html").read_text(encoding="utf-8"))
        return ([h.get_text(strip=True).rstrip("¶") for h in soup.select(".ss-carte__groupe")],
                {a["href"] for a in soup.select("a.ss-carte__numero")})
    groups, tels = card(sites["normandie"])
    assert groups[-1] == "Dans votre région (Normandie)"
    assert help_data.tel_uri(help_data.by_id()["mots"]["telephone"]) in tels
    assert help_data.tel_uri(help_data.by_id()["asra"]["telephone"]) not in tels  # Auvergne-Rhône-Alpes
    _, national_tels = card(sites[""])
    assert help_data.tel_uri(help_data.by_id()["asra"]["telephone"]) in national_tels


# --- name, colours, languages -----------------------------------------------------------------

@pytest.mark.parametrize("code", EDITIONS)
def test_an_edition_carries_its_name_colours_and_draft_status(sites, code):
    loaded = regional.load(code)
    home = site_checks.parse((sites[code] / "index.html").read_text(encoding="utf-8"))
    assert home.find("title").get_text().endswith(f" - {loaded.site_name}")
    assert "brouillon en attente de l'URPS" in home.select_one(".md-copyright").get_text()
    assert "Édition en préparation, en attente de l'URPS" in home.get_text()
    stylesheet = (sites[code] / "assets" / "stylesheets" / "edition.css").read_text(encoding="utf-8")
    for colour in loaded.data["couleurs"].values():
        assert colour.lower() in stylesheet
    assert any(link["href"].endswith("assets/stylesheets/edition.css") for link in home.select('link[rel="stylesheet"]'))


def test_an_edition_builds_only_its_languages(sites):
    assert not (sites["normandie"] / "en").exists()  # langues: [fr]
    assert not site_checks.parse((sites["normandie"] / "index.html").read_text(encoding="utf-8")).select("[hreflang=en]")
    english_home = (sites["paca"] / "en" / "index.html").read_text(encoding="utf-8")  # langues: [fr, en]
    assert "Provence-Alpes-Côte d'Azur edition" in english_home
    assert "<title>Home - Soigner les soignants — PACA</title>" in english_home  # not the national site's name


# --- HTTP headers -----------------------------------------------------------------------------

def directives(policy: str) -> dict[str, set[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = set(words[1:])
    return parsed


def header_policies(site: Path) -> dict[str, str]:
    """The Content-Security-Policy each header file sends, parsed in each file's own syntax."""
    netlify = (site / http_headers.HEADERS_FILE).read_text(encoding="utf-8").splitlines()
    rule = next(i for i, line in enumerate(netlify) if line.endswith("/*") and not line.startswith("#"))
    block = {}
    for line in netlify[rule + 1:]:
        if not line.startswith("  "):
            break
        name, _, value = line.strip().partition(": ")
        block[name] = value
    apache = re.findall(r'^\s*Header always set Content-Security-Policy "([^"]*)"$',
                        (site / http_headers.HTACCESS_FILE).read_text(encoding="utf-8"), re.MULTILINE)
    nginx = re.findall(r'^\s*add_header Content-Security-Policy "([^"]*)" always;$',
                       (site / http_headers.NGINX_FILE).read_text(encoding="utf-8"), re.MULTILINE)
    assert len(apache) == 1 and len(nginx) == 2 and nginx[0] == nginx[1]
    assert block["Referrer-Policy"] == "no-referrer" and block["X-Content-Type-Options"] == "nosniff"
    return {"_headers": block["Content-Security-Policy"], ".htaccess": apache[0], "nginx": nginx[0]}


def test_header_files_say_what_every_pages_policy_says(sites):
    for code, site in sites.items():
        policies = header_policies(site)
        metas = []
        for page in pages_of(site):
            meta = site_checks.parse(page.read_text(encoding="utf-8")).find(
                "meta", attrs={"http-equiv": "Content-Security-Policy"})
            metas.append(directives(meta["content"]))
        page_hashes = set().union(*(m["script-src"] for m in metas))
        for name, policy in policies.items():
            header = directives(policy)
            where = f"{code or 'national'} {name}"
            assert header.pop("frame-ancestors") == {"'none'"}, where
            for meta in metas:
                assert set(header) == set(meta), where
                for directive, sources in meta.items():
                    if directive == "script-src":
                        assert sources <= header[directive], f"{where} : une page a un script que l'en-tête refuserait"
                    else:
                        assert header[directive] == sources, f"{where} : {directive}"
            assert header["script-src"] == page_hashes, f"{where} : l'en-tête autorise un script d'aucune page"


def test_header_files_cache_fingerprinted_files_long_and_the_rest_briefly(sites):
    site = sites["normandie"]
    netlify = (site / http_headers.HEADERS_FILE).read_text(encoding="utf-8")
    bundle = next(p for p in (site / "assets" / "javascripts").glob("bundle.*.min.js"))
    rule = f"/urps/assets/javascripts/{bundle.name}\n  Cache-Control: public, max-age=31536000, immutable"
    assert rule in netlify
    assert "/urps/pagefind/fragment/*\n  Cache-Control: public, max-age=31536000, immutable" in netlify
    htaccess = (site / http_headers.HTACCESS_FILE).read_text(encoding="utf-8")
    assert 'Header set Cache-Control "no-cache"' in htaccess and "ErrorDocument 404 /urps/404.html" in htaccess
    pattern = re.search(r'<FilesMatch "([^"]+)">', htaccess).group(1)
    assert re.search(pattern, bundle.name) and not re.search(pattern, "index.html") \
        and not re.search(pattern, "site.css") and not re.search(pattern, "pagefind.js")
    for text in (netlify, htaccess, (site / http_headers.NGINX_FILE).read_text(encoding="utf-8")):
        assert "Strict-Transport-Security" in text  # offered, commented out, with its warning
        assert not re.search(r"^\s*(add_header |Header always set |  )Strict-Transport-Security", text, re.MULTILINE)


# --- the hosting guide and its twin in the README ---------------------------------------------

def command_blocks(text: str) -> list[str]:
    blocks = re.findall(r"^([ \t]*)```(?:sh|text)\n(.*?)^[ \t]*```", text, re.MULTILINE | re.DOTALL)
    return ["\n".join(line[len(indent):] for line in body.rstrip("\n").split("\n")) for indent, body in blocks]


def test_the_hosting_guide_and_the_readme_give_the_same_commands():
    guide = (ROOT / "docs" / "a-propos" / "heberger.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert command_blocks(guide) and command_blocks(guide) == command_blocks(readme.split("## Publier", 1)[1]
                                                                            .split("## Comment c'est fait", 1)[0])
    for host in ("GitHub Pages", "GitLab Pages", "Hébergement mutualisé", "En-têtes HTTP", "Vérifier après publication"):
        assert host.lower() in guide.lower() and host.lower() in readme.lower(), host
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("edition", "editions", "build", "serve"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


# --- the edition file's values, before any build ----------------------------------------------

def test_contrast_ratio_follows_wcag():
    assert round(regional.contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(regional.contrast_ratio("#777777", "#ffffff"), 2) == 4.48  # just below AA
    assert regional.contrast_problems({"principale": "#767676"}) == []  # 4.54:1, the lightest AA grey
    assert [name for name, _, _ in regional.contrast_problems({"principale": "#777777", "liens_sombre": "#333333"})] \
        == ["principale", "liens_sombre"]


def test_values_the_theme_prints_as_they_are_cannot_carry_markup():
    from soignants.lint.schema_messages import issues
    base = yaml_safe_load((ROOT / "editions" / "normandie.yml").read_text(encoding="utf-8"))
    for field, value in (("nom_site", "<img src=x onerror=alert(1)>"), ("menu", "En <b>région</b>"),
                         ("nom_site", "Nom\nsur deux lignes")):
        found = issues("edition", {**base, field: value})
        assert [(i.path, i.code) for i in found] == [((field,), "champ-invalide")], found
    colours = {**base["couleurs"], "liens": "#123456;} body{display:none"}
    assert [(i.path, i.code) for i in issues("edition", {**base, "couleurs": colours})] == \
        [(("couleurs", "liens"), "champ-invalide")]


def test_an_editions_page_is_found_where_it_is_written():
    normandie = regional.load("normandie")
    assert normandie.source_path("region/index.md") == "editions/normandie/docs/region/index.md"
    assert normandie.source_path("aide/index.md") == "docs/aide/index.md"


def test_an_unknown_or_misspelt_edition_stops_in_french():
    with pytest.raises(regional.EditionError, match="editions/bretonne.yml n'existe pas.*normandie"):
        regional.from_environment(environ={"EDITION": "bretonne"})
    with pytest.raises(regional.EditionError, match="minuscules"):
        regional.from_environment(environ={"EDITION": "../docs"})
    assert regional.from_environment(environ={"EDITION": ""}) is None
    assert regional.from_environment(environ={"EDITION": "national"}) is None
