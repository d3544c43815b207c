"""The pre-render is the seam: the MkDocs hook and `scripts/prerender.py` give the same Markdown
for every page, and the generator-ready copy keeps the site's guarantees (markers expanded, menu
complete, help strip filled, every page's HTML cleaned by the same allowlist)."""

from pathlib import Path
import os
import re
import shutil
import subprocess
import sys

import markdown as python_markdown
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

from soignants.model import catalog, help_data
from soignants.pipeline import prerender
from soignants.render.markers import BLOCK_MARKER, HELP_MARKER
from soignants.render import generated

ROOT = Path(__file__).resolve().parent.parent
FORGE = "https://github.com/urps/soigner-les-soignants"


class CaptureMarkdown(BasePlugin):
    """Records what MkDocs renders for each page, once our hook is done with it."""

    def __init__(self):
        super().__init__()
        self.pages = {}

    @event_priority(-1000)
    def on_page_markdown(self, markdown, page, config, files):
        self.pages[(config.theme["language"], page.file.src_uri)] = {
            "markdown": markdown, "canonical": page.canonical_url, "assets": page.ss_assets}
        return markdown


@pytest.fixture(scope="module")
def mkdocs_pages(tmp_path_factory):
    """Every page as the MkDocs hook rendered it, in both editions, with the report link on (so
    that the footers' addresses are compared too)."""
    saved = dict(os.environ)
    os.environ.update(SIGNALEMENT_FORGE=FORGE, SITE_URL="http://127.0.0.1:8000/urps/", NO_MKDOCS_2_WARNING="1")
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path_factory.mktemp("mkdocs-site")))
        capture = CaptureMarkdown()
        config.plugins["test-capture"] = capture
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
        site = prerender.Site(Path(config.docs_dir), config.site_url, config.extra, config.site_name)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return capture.pages, site


def _source(src_uri: str):
    return prerender.split_page((ROOT / "docs" / src_uri).read_text(encoding="utf-8-sig"))


def test_the_hook_and_the_prerender_give_the_same_markdown_for_every_page(mkdocs_pages):
    pages, site = mkdocs_pages
    sources = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    english = {s for s in sources if catalog.is_translation(Path(s))}
    assert {src for lang, src in pages if lang == "fr"} == sources - english
    assert {src for lang, src in pages if lang == "en"} == english
    catalog.use_docs_dir(site.docs_dir)
    help_data.load_help.cache_clear()
    differing = []
    for (lang, src_uri), seen in sorted(pages.items()):
        _, meta, markdown = _source(src_uri)
        # mkdocs-static-i18n (priority 50, before our hook) joins the lines again with "\n",
        # which drops the file's last line break; nothing else comes between the file and us.
        markdown = "\n".join(markdown.splitlines())
        ours = prerender.page(markdown, meta, src_uri, lang, site)  # computes its own address
        assert prerender.canonical_url(site.site_url, src_uri.replace(".en.md", ".md"), lang) == seen["canonical"]
        if ours.markdown != seen["markdown"] or ours.assets != seen["assets"]:
            differing.append(f"{lang} {src_uri}")
    assert not differing, differing
    # The comparison saw the parts that differ from page to page.
    fiche = pages[("fr", "fiches/soignant/epuisement-professionnel.md")]["markdown"]
    assert "[[aide:" not in fiche and "[@" not in fiche and "issues/new?" in fiche
    assert pages[("fr", "aide/annuaire.md")]["assets"][1].startswith("<script")


@pytest.fixture(scope="module")
def prerendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("prerendered") / "copie"
    result = subprocess.run([sys.executable, "scripts/prerender.py", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, SITE_URL="http://127.0.0.1:8000/urps/"))
    assert result.returncode == 0, result.stderr
    assert "pages pré-rendues" in result.stdout
    return out


def test_the_copy_holds_each_french_page_with_its_front_matter_escaped_where_the_theme_prints_it(prerendered):
    config = yaml.safe_load((prerendered / "mkdocs.yml").read_text(encoding="utf-8"))
    token = config["markdown_extensions"][-1][prerender.SANITIZE_EXTENSION]["token"]
    assert len(token) == 32
    site = prerender.Site(ROOT / "docs", "http://127.0.0.1:8000/urps/", {}, "")
    catalog.use_docs_dir(site.docs_dir)
    written = sorted(p.relative_to(prerendered / "docs").as_posix() for p in (prerendered / "docs").rglob("*.md"))
    assert written and not [w for w in written if w.endswith(".en.md")]
    for src_uri in written:
        front_matter, meta, markdown = _source(src_uri)
        expected = prerender.page(markdown, meta, src_uri, "fr", site, html_urls="source")
        # The copy's run marked what our markers wrote with its own token (render/generated.py).
        text = (prerendered / "docs" / src_uri).read_text(encoding="utf-8").replace(token, generated.TOKEN)
        assert text == prerender.page_file_text(prerender.front_matter_text(front_matter, meta, expected),
                                                expected, generated.TOKEN), src_uri
        _, written_meta, _ = prerender.split_page(text)
        assert written_meta == {**meta, **expected.theme_meta}, src_uri
        if all(meta.get(k) == v for k, v in expected.theme_meta.items()):
            assert front_matter is None or text.startswith(front_matter)  # kept as written
        # Left unexpanded, a marker the renderer reads (the guide's pages show some in code, as text).
        for marker in (HELP_MARKER.pattern, catalog.CITATION.pattern, BLOCK_MARKER.pattern):
            assert not re.search(marker, text, re.MULTILINE), (src_uri, marker)
    # « Plainte d'un patient » : the apostrophe is escaped once, for a theme that prints it as is.
    plainte = (prerendered / "docs" / "fiches/soignant/plainte-patient.md").read_text(encoding="utf-8")
    assert "title: 'Plainte d&#39;un patient" in plainte
    # Raw HTML addresses follow the Markdown file in the copy, the built page in MkDocs.
    news = (prerendered / "docs" / "a-propos" / "quoi-de-neuf.md").read_text(encoding="utf-8")
    assert 'href="../feed.xml"' in news
    assert 'src="../assets/javascripts/annuaire.js"' in (prerendered / "docs/aide/annuaire.md").read_text(encoding="utf-8")


def test_the_copy_has_the_completed_menu_the_help_strip_and_no_hook(prerendered):
    config = yaml.safe_load((prerendered / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config
    assert config["plugins"] == [{"search": {"lang": "fr", "separator": "[\\s\\-'’/]+"}}]
    assert config["theme"]["custom_dir"] == "overrides"
    assert (prerendered / "overrides" / "main.html").is_file() and not (prerendered / "overrides" / "hooks").exists()
    numbers = [entry["telephone"] for entry in config["extra"]["bandeau"]]
    assert numbers == [entry["telephone"] for entry in help_data.strip_entries()] and "3114" in numbers
    menu = yaml.safe_dump(config["nav"], allow_unicode=True)
    for entry in [*catalog.fiches(ROOT / "docs"), *catalog.testimonies(ROOT / "docs")]:
        assert entry.src_uri in menu
    for name in ("feed.xml", "donnees/aide.json", "donnees/aide.csv"):
        assert (prerendered / "docs" / name).is_file(), name
    # The site's own scripts come with the theme folder (custom_dir), never from docs/.
    assert (prerendered / "overrides" / "assets" / "javascripts" / "annuaire.js").is_file()
    assert not (prerendered / "docs" / "assets").exists()


def test_the_sanitising_extension_cleans_and_restores_only_this_runs_assets():
    token = "0123456789abcdef0123456789abcdef"
    rendered = prerender.RenderedPage(
        "# Titre\n\n<script>alert(1)</script>\n\n<p style=\"color:red\" onclick=\"x()\">texte</p>\n\n"
        "<!--ss-assets:ffffffffffffffffffffffffffffffff:apres\n<script src=\"x.js\"></script>\n-->\n",
        {}, ('<link rel="stylesheet" href="a.css">', '<script src="b.js" defer></script>'), [])
    source = prerender.page_file_text(None, rendered, token)
    html = python_markdown.markdown(source, extensions=[prerender.SANITIZE_EXTENSION],
                                    extension_configs={prerender.SANITIZE_EXTENSION: {"token": token}})
    assert html.startswith('<link rel="stylesheet" href="a.css">\n')
    assert html.split("\n", 1)[1].strip().startswith("<h1>Titre</h1>")
    assert html.endswith('<script src="b.js" defer></script>')
    assert "alert" not in html and "style=" not in html and "onclick" not in html and "x.js" not in html
    assert "<p>texte</p>" in html
    # Without the run's token (a page copied elsewhere), nothing is set aside: comments go.
    bare = python_markdown.markdown(source, extensions=[prerender.SANITIZE_EXTENSION])
    assert "<script" not in bare and "<link" not in bare


def test_the_command_refuses_an_output_inside_docs_in_french(tmp_path):
    result = subprocess.run([sys.executable, "scripts/prerender.py", str(ROOT / "docs" / "sortie")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "choisissez un dossier de sortie hors du projet" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (ROOT / "docs" / "sortie").exists()


def test_the_command_stops_on_a_content_error_with_the_content_checks_lines(tmp_path):
    # The whole content check runs (soignants/pipeline/build_errors.py): a small valid project.
    project = tmp_path / "projet"
    shutil.copytree(ROOT / "tests" / "fixtures" / "lint" / "projet", project)
    (project / "mkdocs.yml").write_text("site_name: Essai\ntheme:\n  name: material\n  custom_dir: overrides\n"
                                        "hooks:\n  - overrides/hooks/site.py\n", encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Accueil\n\n[[aide:numero-inexistant]]\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "scripts/prerender.py", str(tmp_path / "sortie"),
                             "--config", str(project / "mkdocs.yml")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    assert "index.md:3:" in result.stderr and "numero-inexistant" in result.stderr
    assert "Traceback" not in result.stderr
