"""The proposal preview (scripts/preview.py, soignants/tools/preview.py).

Which pages a proposal changes (git, on a small repository made here), where each page is
built, and the preview itself: a changed fiche opens in Chromium from file://, shows its
rendered markers (help numbers, citations) and its styles, and asks nothing of any host.
"""

from pathlib import Path
import re
import shutil
import subprocess
import sys

import pytest

from browser_support import context_options

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.preview import (INERT_LINK_TITLE, PreviewError, build_site, built_page,  # noqa: E402
                               preview_name, select_pages, summary_markdown, write_preview)

PREVIEW = ROOT / "scripts" / "preview.py"


# --- which pages ---------------------------------------------------------------------------

def git(root, *arguments):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@localhost", *arguments], cwd=root,
                   check=True, capture_output=True)


def write(root: Path, name: str, text: str = "x\n"):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repository(tmp_path):
    root = tmp_path / "depot"
    for name in ["docs/fiches/soignant/a.md", "docs/fiches/soignant/b.md", "docs/fiches/cabinet/c.en.md",
                 "docs/temoignages/t.md", "docs/a-propos/index.md", "data/aide.yml", "scripts/x.py"]:
        write(root, name)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    git(root, "checkout", "-qb", "proposition")
    return root


def test_the_pages_a_proposal_changes(repository):
    write(repository, "docs/fiches/soignant/a.md", "changed\n")
    write(repository, "docs/a-propos/index.md", "changed\n")
    write(repository, "scripts/x.py", "changed\n")
    (repository / "docs/fiches/soignant/b.md").unlink()
    git(repository, "commit", "-qam", "proposal")
    selection = select_pages(repository, "main")
    assert selection.pages == ["docs/a-propos/index.md", "docs/fiches/soignant/a.md"]
    assert selection.removed == ["docs/fiches/soignant/b.md"]
    assert "main" in selection.reason


def test_a_data_change_previews_every_fiche_and_testimony(repository):
    write(repository, "data/aide.yml", "changed\n")
    git(repository, "commit", "-qam", "data")
    selection = select_pages(repository, "main")
    assert selection.pages == ["docs/fiches/cabinet/c.en.md", "docs/fiches/soignant/a.md",
                               "docs/fiches/soignant/b.md", "docs/temoignages/t.md"]
    assert "data/aide.yml" in selection.reason


def test_without_git_or_with_toutes_every_fiche(repository, tmp_path):
    shutil.rmtree(repository / ".git")
    selection = select_pages(repository, "main")
    assert len(selection.pages) == 4 and "git n'a pas pu comparer" in selection.reason
    assert select_pages(repository, "main", everything=True).pages == selection.pages
    assert select_pages(repository, "une-branche-inconnue").pages == selection.pages


def test_where_each_page_is_built():
    assert built_page("docs/fiches/soignant/plainte-patient.md") == "fiches/soignant/plainte-patient/index.html"
    assert built_page("docs/fiches/soignant/index.md") == "fiches/soignant/index.html"
    assert built_page("docs/index.en.md") == "en/index.html"
    assert built_page("docs/aide/annuaire.en.md") == "en/aide/annuaire/index.html"
    assert preview_name("fiches/soignant/plainte-patient/index.html") == "fiches-soignant-plainte-patient.html"
    assert preview_name("index.html") == "accueil.html"


# --- the preview in the browser ------------------------------------------------------------

def a_fiche_with_markers() -> str:
    """A real fiche that uses both a help marker and a citation (whatever the fiches are today)."""
    for path in sorted((ROOT / "docs" / "fiches").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "[[aide:" in text and re.search(r"\[@\w", text) and not path.name.startswith("index"):
            return path.relative_to(ROOT).as_posix()
    pytest.fail("aucune fiche n'utilise à la fois [[aide:…]] et [@…]")


@pytest.fixture(scope="module")
def preview(site_root, tmp_path_factory):
    fiche = a_fiche_with_markers()
    other = next(p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "docs" / "temoignages").glob("*.md"))
                 if p.name != "index.md")
    out = tmp_path_factory.mktemp("apercu") / "apercu"
    selection = select_pages(ROOT, None, given=[fiche, other])
    entries = write_preview(ROOT, site_root, selection, out)
    return out, {e.source: e for e in entries}, fiche


def opened(browser, url):
    """Open url in a fresh context; every request is recorded, any request off file:// is refused."""
    context = browser.new_context(**context_options("desktop"))
    requests, refused, console = [], [], []
    context.route(re.compile(r"^(?!file:)"), lambda route: (refused.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type in ("error", "warning") and console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page, requests, refused, console


def test_a_changed_fiche_opens_offline_with_its_markers_rendered(browser, preview):
    out, entries, fiche = preview
    entry = entries[fiche]
    context, page, requests, refused, console = opened(browser, (out / entry.file).as_uri())
    try:
        # Nothing but the page and its copied stylesheets, all inside the preview folder.
        assert refused == []
        assert requests and all(url.startswith(out.as_uri() + "/") for url in requests), requests
        assert {url.rsplit("/", 1)[-1] for url in requests if url.endswith(".css")} >= {"site.css", "aide.css"}
        assert console == []
        assert page.locator("script").count() == 0
        assert page.evaluate("[...document.images].every(i => i.src.startsWith('data:') && i.complete)")

        # Markers rendered: help numbers as telephone links, citations linked to their reference.
        article = page.locator("article")
        text = article.inner_text()
        assert "[[aide:" not in text and "[@" not in text
        assert article.locator("a[href^='tel:']").first.is_visible()
        citation = article.locator("a[href^='#ref-']").first
        assert citation.is_visible()
        target = citation.get_attribute("href")[1:]
        assert page.locator(f"[id='{target}']").count() == 1

        # Styled by the site's stylesheets (read from file://), and the preview says what it is.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.locator(".admonition").count() == 0 or page.evaluate(
            "getComputedStyle(document.querySelector('.admonition')).borderLeftStyle") == "solid"
        assert "Aperçu de la proposition" in page.locator(".apercu-bandeau").inner_text()
        assert page.evaluate("document.querySelector('meta[http-equiv]').getAttribute('http-equiv')") == \
            "Content-Security-Policy"
    finally:
        context.close()


def test_links_between_previewed_pages_work_and_others_are_inert(browser, preview):
    out, entries, fiche = preview
    context, page, requests, refused, console = opened(browser, (out / "index.html").as_uri())
    try:
        assert refused == [] and console == []
        links = page.locator("main a")
        assert sorted(links.evaluate_all("a => a.map(x => x.getAttribute('href'))")) == \
            sorted(e.file for e in entries.values())
        page.locator(f"main a[href='{entries[fiche].file}']").click()
        page.wait_for_load_state("load")
        assert page.url == (out / entries[fiche].file).as_uri()
        hrefs = page.locator("a[href]").evaluate_all("a => a.map(x => x.getAttribute('href'))")
        local = [h for h in hrefs if not re.match(r"^(#|[a-z]+:)", h)]
        assert set(local) <= {e.file for e in entries.values()} | {"index.html"}, local
        assert page.locator(f"a[title=\"{INERT_LINK_TITLE}\"]").count() > 0
        assert refused == []
    finally:
        context.close()


def test_summary_for_the_ci_job(preview):
    out, entries, fiche = preview
    text = summary_markdown(list(entries.values()), select_pages(ROOT, None, given=[fiche]))
    assert text.startswith("## Aperçu des pages modifiées") and f"`{fiche}`" in text and "index.html" in text


# --- the command ---------------------------------------------------------------------------

def run_preview(*arguments):
    return subprocess.run([sys.executable, str(PREVIEW), *map(str, arguments)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_the_command_writes_the_folder_and_says_where(site_root, tmp_path):
    fiche = a_fiche_with_markers()
    result = run_preview(fiche, "--site", site_root, "--sortie", tmp_path / "apercu", "--resume", tmp_path / "r.md")
    assert result.returncode == 0, result.stderr
    assert "ouvrez" in result.stdout and (tmp_path / "apercu" / "index.html").is_file()
    assert fiche in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_the_command_refuses_what_is_not_a_page_in_french(site_root, tmp_path):
    result = run_preview("README.md", "--site", site_root, "--sortie", tmp_path / "apercu")
    assert result.returncode == 1 and "n'est pas une page de docs/" in result.stderr
    assert "Traceback" not in result.stderr
    both = run_preview("--toutes", "docs/index.md")
    assert both.returncode == 2 and "pas les deux" in both.stderr


def test_a_site_that_does_not_build_is_reported_in_french(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav: [: :\n", encoding="utf-8")
    with pytest.raises(PreviewError) as raised:
        build_site(tmp_path, tmp_path / "site")
    assert "la construction du site a échoué" in str(raised.value)
