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
