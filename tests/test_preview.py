"""The proposal preview (scripts/preview.py, soignants/tools/preview*.py, rendered_diff.py).

One proposal, left uncommitted in a copy of this project (a working-tree run, before any commit):
a sentence of a fiche changed, a help contact's hours and strip label changed in data/aide.yml,
a bibliography title changed, a new fiche, and hostile changes to the code (a `!!python` tag in
mkdocs.yml, a hook, a template, soignants/) and symbolic links to a file outside the project.
The preview must show the fiche's insertions and deletions marked in its rendered text, every page
the data reaches labelled « touchée par les données », the help first, open from file:// with no
request, and never run the proposal's code nor read the file outside.
"""

from pathlib import Path
import base64
import html
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from browser_support import context_options

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.model.frontmatter import split_front_matter  # noqa: E402
from soignants.tools import preview_trees  # noqa: E402
from soignants.tools.preview import PreviewError, build_site, make_preview, preview_name, summary_markdown  # noqa: E402
from soignants.tools.preview_changes import (MODIFIED, NEW, REMOVED, STRIP, THROUGH_DATA,  # noqa: E402
                                             built_page)
from soignants.tools.preview_page import INERT_LINK_TITLE, Stylesheets, self_contained_page  # noqa: E402
from soignants.tools.rendered_diff import mark_changes  # noqa: E402

PREVIEW = ROOT / "scripts" / "preview.py"
SECRET = "SECRET-HORS-DU-DEPOT"
TEMPLATE_MARK = "GABARIT-DE-LA-PROPOSITION"
CONTACT = "sps"


def git(root, *arguments):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@localhost", *arguments], cwd=root,
                   check=True, capture_output=True)


def copy_of_the_project(destination: Path) -> Path:
    """This project's files as they are on the disk (tests/ left out), committed on `main`."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if name.startswith("tests/") or not source.is_file() or source.is_symlink():
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    git(destination, "init", "-q", "-b", "main")
    git(destination, "add", "-A")
    git(destination, "commit", "-qm", "base")
    return destination


def replace_once(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} absent de {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def citing(root: Path, key: str) -> set[str]:
    """The fiches and testimonies that cite a bibliography key (in `sources`, or as [@key] in the
    text): their « Références citées » show its title."""
    found = set()
    for path in [*(root / "docs" / "fiches").rglob("*.md"), *(root / "docs" / "temoignages").rglob("*.md")]:
        page = split_front_matter(path.read_text(encoding="utf-8"))
        if key in (page.meta or {}).get("sources", []) or f"[@{key}]" in page.body:
            found.add(path.relative_to(root).as_posix())
    return found


class Proposal:
    """What the fixture changed, to compare with what the preview found."""
    fiche: str
    added_word = "NOUVEAUMOTAJOUTE"
    removed_word: str
    new_fiche = "docs/fiches/cabinet/fiche-nouvelle-apercu.md"
    removed: str  # a testimony no page links to
    cited_key: str
    markers: list[Path]


@pytest.fixture(scope="module")
def proposal(tmp_path_factory):
    root = copy_of_the_project(tmp_path_factory.mktemp("depot") / "depot")
    outside = tmp_path_factory.mktemp("ailleurs") / "secret.txt"
    outside.write_text(f"{SECRET}\n", encoding="utf-8")
    markers = [outside.parent / f"execute-{n}" for n in range(4)]
    facts = Proposal()
    facts.markers = markers

    # A sentence of a fiche that shows the contact: one word replaced by another.
    facts.fiche = next(p.relative_to(root).as_posix() for p in sorted((root / "docs/fiches").rglob("*.md"))
                       if f"[[aide:{CONTACT}]]" in p.read_text(encoding="utf-8") and p.name != "index.md")
    fiche = root / facts.fiche
    body = fiche.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    line = next(l for l in body.splitlines()
                if l.startswith("- ") and len(re.findall(r"[A-Za-zÀ-ÿ]{6,}", l)) >= 2 and "[[" not in l)
    facts.removed_word = re.findall(r"[A-Za-zÀ-ÿ]{6,}", line)[1]
    replace_once(fiche, line, line.replace(facts.removed_word, facts.added_word, 1))

    # The contact's hours (in every page that shows it) and its label in the help strip.
    help_data = root / "data" / "aide.yml"
    contact = next(c for c in yaml.safe_load(help_data.read_text(encoding="utf-8"))["structures"] if c["id"] == CONTACT)
    text = help_data.read_text(encoding="utf-8")
    start = text.index(f'id: "{CONTACT}"')
    block = text[start:text.index("\n\n", start)]
    # As many words as before: « L'essentiel » counts the words a marker shows (60 at most).
    changed = block.replace(f'horaires: "{contact["horaires"]}"', 'horaires: "jour et nuit"')
    changed = changed.replace(f'nom_court: "{contact["nom_court"]}"', 'nom_court: "Écoute SPS"')
    assert changed != block
    help_data.write_text(text.replace(block, changed), encoding="utf-8")

    # A bibliography title: every page citing it changes.
    bibliography = root / "data" / "bibliographie.yml"
    references = yaml.safe_load(bibliography.read_text(encoding="utf-8"))["references"]
    reference = max(references, key=lambda r: len(citing(root, r["id"])))
    facts.cited_key = reference["id"]
    replace_once(bibliography, f'title: "{reference["title"]}"', f'title: "{reference["title"]} (titre corrigé)"')

    # A new fiche, never added to git.
    model = (root / "docs/fiches/cabinet/assurances.md").read_text(encoding="utf-8")
    old_title = re.search(r"^title: (.+)$", model, re.MULTILINE).group(1).strip().strip('"')
    (root / facts.new_fiche).write_text(model.replace(old_title, "Une fiche nouvelle pour l'aperçu"), encoding="utf-8")

    # A testimony removed (the testimonies' list changes with it), one that no page links to.
    pages = [p.read_text(encoding="utf-8") for p in (root / "docs").rglob("*.md")]
    facts.removed = next(p.relative_to(root).as_posix() for p in sorted((root / "docs/temoignages").glob("*.md"))
                         if not p.name.startswith("index") and not any(f"/{p.name})" in t or f"({p.name})" in t for t in pages))
    (root / facts.removed).unlink()

    # Hostile code: none of it may run or be used by the preview.
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as handle:
        handle.write(f'\nsite_author: !!python/object/apply:os.system ["touch {markers[0]}"]\n')
    with (root / "overrides/hooks/site.py").open("a", encoding="utf-8") as handle:
        handle.write(f"\nPath({str(markers[1])!r}).touch()\n")
    with (root / "soignants/__init__.py").open("a", encoding="utf-8") as handle:
        handle.write(f"\nimport pathlib\npathlib.Path({str(markers[2])!r}).touch()\n")
    main_template = root / "overrides/main.html"
    main_template.write_text(main_template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}" + TEMPLATE_MARK, 1) + f"\n{TEMPLATE_MARK}\n", encoding="utf-8")
    (root / "overrides/partials/nouveau.html").write_text(TEMPLATE_MARK, encoding="utf-8")
    # Files of the machine, through symbolic links in the content.
    (root / "docs/fiches/soignant/secret.md").symlink_to(outside)
    (root / "docs/images").mkdir(exist_ok=True)
    (root / "docs/images/secret.png").symlink_to(outside)
    (root / "data/lien").symlink_to(outside.parent, target_is_directory=True)

    out = tmp_path_factory.mktemp("apercu") / "apercu"
    preview = make_preview(root, "main", None, out)
    return root, out, preview, facts


def entries_by_source(preview):
    return {e.change.source: e for e in preview.entries if e.change.source and not e.change.built.startswith(STRIP)}


# --- what the preview found ----------------------------------------------------------------------

def test_the_changed_fiche_shows_its_insertion_and_deletion(proposal):
    root, out, preview, facts = proposal
    entry = entries_by_source(preview)[facts.fiche]
    assert entry.change.label == MODIFIED
    page = (out / entry.file).read_text(encoding="utf-8")
    assert re.search(rf'<ins class="apercu-ajout"[^>]*>[^<]*{facts.added_word}', page)
    assert re.search(rf'<del class="apercu-suppression"[^>]*>[^<]*{facts.removed_word}', page)
    # The plain versions, before and after, each without marks.
    before = (out / entry.before_file).read_text(encoding="utf-8")
    after = (out / entry.after_file).read_text(encoding="utf-8")
    assert facts.removed_word in before and facts.added_word not in before
    assert facts.added_word in after and "apercu-ajout" not in after.split("<article", 1)[1]


def test_pages_reached_through_data_are_labelled_and_help_comes_first(proposal):
    root, out, preview, facts = proposal
    by_source = entries_by_source(preview)
    shows_contact = {p.relative_to(root).as_posix() for p in (root / "docs").rglob("*.md")
                     if f"[[aide:{CONTACT}]]" in p.read_text(encoding="utf-8")}
    expected = ({"docs/aide/index.md", "docs/aide/annuaire.md", "docs/aide/carte.md"} | shows_contact
                | citing(root, facts.cited_key)) - {facts.fiche, facts.new_fiche}
    assert expected <= set(by_source), expected - set(by_source)
    for source in expected:
        assert by_source[source].change.label == THROUGH_DATA, source
    assert by_source[facts.new_fiche].change.label == NEW and by_source[facts.new_fiche].change.group == 2  # with the fiches
    removed = by_source[facts.removed]
    assert removed.change.label == REMOVED and removed.change.after is None
    assert "Page supprimée par la proposition" in (out / removed.file).read_text(encoding="utf-8")
    assert by_source["docs/temoignages/index.md"].change.label == THROUGH_DATA  # its list, from the pages
    # A page the proposal does not reach is not listed.
    assert "docs/a-propos/accessibilite.md" not in by_source

    # The help strip first, then the help pages, then fiches, then the rest.
    assert preview.entries[0].change.built == STRIP and "Écoute SPS" in preview.entries[0].change.after
    groups = [e.change.group for e in preview.entries]
    assert groups == sorted(groups)
    help_group = [e.change.source for e in preview.entries if e.change.group == 1]
    assert help_group[0] == "docs/aide/index.md"
    aide_pages = [s.startswith("docs/aide/") and not s.endswith(".en.md") for s in help_group]
    assert aide_pages == sorted(aide_pages, reverse=True)  # the help pages before the fiches that show help
    index = (out / "index.html").read_text(encoding="utf-8")
    headings = [html.unescape(h) for h in re.findall(r"<h2>(.*?)</h2>", index)]
    assert headings[:3] == ["Le bandeau d'aide, sur toutes les pages", "Numéros et pages d'aide", "Fiches"]
    for label in ("nouvelle", "modifiée", "touchée par les données"):
        assert f'<span class="apercu-etiquette">{label}</span>' in index


def test_the_working_tree_is_previewed_before_commit_and_the_index_says_so(proposal):
    root, out, preview, facts = proposal
    assert preview.comparison.working_tree
    assert facts.new_fiche in preview.comparison.uncommitted and facts.fiche in preview.comparison.uncommitted
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "votre copie de travail" in index and "<strong>Avant commit</strong>" in index
    assert "pas encore enregistré(s) dans git" in index and "« main »" in index


def test_the_proposal_code_never_runs_and_files_outside_are_never_read(proposal):
    root, out, preview, facts = proposal
    assert not any(marker.exists() for marker in facts.markers)
    written = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    assert TEMPLATE_MARK not in written
    assert SECRET not in written and base64.b64encode(f"{SECRET}\n".encode()).decode() not in written
    # The proposal's content was rendered all the same (by the base's code).
    assert facts.added_word in written
    # The reviewer is told what was left out and which code the preview did not use.
    index = (out / "index.html").read_text(encoding="utf-8")
    for skipped in ("docs/fiches/soignant/secret.md", "docs/images/secret.png", "data/lien"):
        assert f"<code>{skipped}</code> : lien symbolique" in index
    for code in ("mkdocs.yml", "overrides/hooks/site.py", "overrides/main.html", "soignants/__init__.py",
                 "overrides/partials/nouveau.html"):
        assert f"<code>{code}</code>" in index
    assert "Aucun code de la proposition n'est exécuté" in index


def test_the_ci_summary_lists_the_pages_by_group(proposal):
    root, out, preview, facts = proposal
    text = summary_markdown(preview)
    assert text.startswith("## Aperçu des pages modifiées") and "**Numéros et pages d'aide**" in text
    assert "touchée par les données" in text and "index.html" in text


# --- in the browser, from file:// ---------------------------------------------------------------

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


def test_the_marked_page_opens_offline_with_visible_insertions_and_deletions(browser, proposal):
    root, out, preview, facts = proposal
    entry = entries_by_source(preview)[facts.fiche]
    context, page, requests, refused, console = opened(browser, (out / entry.file).as_uri())
    try:
        assert refused == [] and console == []
        assert requests and all(url.startswith(out.as_uri() + "/") for url in requests), requests
        assert page.locator("script").count() == 0
        assert page.evaluate("document.querySelector('meta[http-equiv]').getAttribute('http-equiv')") == \
            "Content-Security-Policy"
        added = page.locator("article ins.apercu-ajout", has_text=facts.added_word).first
        removed = page.locator("article del.apercu-suppression", has_text=facts.removed_word).first
        assert added.is_visible() and removed.is_visible()
        style = "e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e).backgroundColor]"
        added_style, removed_style = added.evaluate(style), removed.evaluate(style)
        assert added_style[0] == "underline" and removed_style[0] == "line-through"
        assert added_style[1] != removed_style[1] and "rgba(0, 0, 0, 0)" not in (added_style[1], removed_style[1])
        # The list of changes at the top leads to each of them.
        link = page.locator(".apercu-liste-modifs a", has_text=facts.added_word).first
        target = link.get_attribute("href")[1:]
        assert page.locator(f"[id='{target}']").count() == 1
        # Still the site's look: its own stylesheets, read from the preview folder.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        assert page.locator("article a[href^='tel:']").first.is_visible()
    finally:
        context.close()


def test_the_index_and_every_page_open_with_no_request(browser, proposal):
    root, out, preview, facts = proposal
    context, page, requests, refused, console = opened(browser, (out / "index.html").as_uri())
    try:
        assert refused == [] and console == []
        listed = set(page.locator("main a").evaluate_all("a => a.map(x => x.getAttribute('href'))"))
        files = {e.file for e in preview.entries} | {e.before_file for e in preview.entries if e.before_file} \
            | {e.after_file for e in preview.entries if e.after_file}
        assert listed == files
        for name in sorted(files):
            page.goto((out / name).as_uri())
            page.wait_for_load_state("load")
            assert page.locator("script").count() == 0, name
            local = [h for h in page.locator("a[href]").evaluate_all("a => a.map(x => x.getAttribute('href'))")
                     if not re.match(r"^(#|[a-z]+:)", h)]
            assert {h.split("#")[0] for h in local} <= files | {"index.html"}, (name, local)
        assert page.locator(f"a[title=\"{INERT_LINK_TITLE}\"]").count() > 0
        assert refused == [] and console == []
        assert all(url.startswith(out.as_uri() + "/") for url in requests)
    finally:
        context.close()


# --- pieces --------------------------------------------------------------------------------------

def test_rendered_diff_marks_words_blocks_and_call_targets():
    before = ('<p>Appelez le <a href="tel:3114">3114</a> maintenant.</p>'
              "<ul><li>un</li><li>deux</li><li>trois</li></ul><p>Fin.</p>")
    after = ('<p>Appelez vite le <a href="tel:0899">3114</a> maintenant.</p>'
             "<ul><li>un</li><li>trois</li><li>quatre</li></ul><p>Fin.</p>")
    diff = mark_changes(before, after)
    assert '<ins class="apercu-ajout" id="modif-1">vite</ins>' in diff.html
    # Same text, another number dialled: the old and new targets are both shown.
    assert "(appelle le 3114)</del>" in diff.html and "(appelle le 0899)</ins>" in diff.html
    assert '<li class="apercu-bloc-supprime"><del class="apercu-suppression"' in diff.html and ">deux</del>" in diff.html
    assert '<li class="apercu-bloc-ajoute"><ins class="apercu-ajout"' in diff.html
    assert [c.removed for c in diff.changes] == ["", "(appelle le 3114)", "deux", ""]
    assert mark_changes(after, after).changes == []


def test_an_absolute_or_escaping_path_is_never_embedded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    site = tmp_path / "site"
    (site / "page" / "img").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "page" / "img" / "ok.png").write_bytes(b"\x89PNG-ok")
    (site / "page" / "img" / "lien.png").symlink_to(secret)
    (site / "assets" / "style.css").write_text(
        f"a {{ background: url({secret}); }} b {{ background: url(../../secret.txt); }} "
        "i { background: url(../page/img/ok.png); }", encoding="utf-8")
    page = (f'<html><head><link rel="stylesheet" href="../assets/style.css"><link rel="icon" href="{secret}"></head>'
            f'<body><article class="md-content__inner"><img src="{secret}"><img src="../../secret.txt">'
            f'<img src="img/lien.png"><img src="file://{secret}"><img src="img/ok.png"></article></body></html>')
    out = tmp_path / "apercu"
    text = self_contained_page(page, "page/index.html", site, Stylesheets(out), {}, "")
    written = text + "".join(p.read_text(encoding="utf-8") for p in (out / "assets").glob("*.css"))
    encoded = base64.b64encode(SECRET.encode()).decode()
    assert encoded not in written and SECRET not in written and str(secret) not in written
    assert text.count("data:image/png;base64,") == 1  # only img/ok.png, inside the site
    assert written.count(base64.b64encode(b"\x89PNG-ok").decode()) == 2  # the image and the stylesheet's


def test_a_proposal_folder_brings_only_its_content_as_plain_files(tmp_path):
    """The GitHub job: the proposal checked out as data in a folder, rendered by the base's code."""
    base = tmp_path / "base"
    for name, text in {"mkdocs.yml": "site_name: base\n", "docs/index.md": "# Base\n", "data/aide.yml": "a: 1\n",
                       "soignants/__init__.py": "", "tests/x.py": "boom"}.items():
        (base / name).parent.mkdir(parents=True, exist_ok=True)
        (base / name).write_text(text, encoding="utf-8")
    git(base, "init", "-q", "-b", "main")
    git(base, "add", "-A")
    git(base, "commit", "-qm", "base")
    folder = tmp_path / "proposition"
    for name, text in {"mkdocs.yml": "site_name: !!python/name:os.system\n", "docs/index.md": "# Proposée\n",
                       "docs/neuve.md": "# Neuve\n", "soignants/__init__.py": "import os\n"}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "docs" / "lien.md").symlink_to(base / "mkdocs.yml")
    before, after, sources = preview_trees.prepare_trees(base, preview_trees.commit_of(base, "main"), folder,
                                                         tmp_path / "scratch")
    assert (after / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: base\n"
    assert (after / "soignants/__init__.py").read_text(encoding="utf-8") == ""
    assert (after / "docs/index.md").read_text(encoding="utf-8") == "# Proposée\n"
    assert not (after / "docs/lien.md").exists() and not (after / "tests").exists()
    assert sources.added == ["docs/neuve.md"] and sources.modified == ["docs/index.md"]
    assert sources.removed == ["data/aide.yml"]
    assert [(s.path, s.reason) for s in sources.skipped] == [("docs/lien.md", "lien symbolique")]
    assert sources.code_changed == ["mkdocs.yml", "soignants/__init__.py"]


def test_where_each_page_is_built():
    assert built_page("docs/fiches/soignant/plainte-patient.md") == "fiches/soignant/plainte-patient/index.html"
    assert built_page("docs/fiches/soignant/index.md") == "fiches/soignant/index.html"
    assert built_page("docs/index.en.md") == "en/index.html"
    assert built_page("docs/aide/annuaire.en.md") == "en/aide/annuaire/index.html"
    assert preview_name("fiches/soignant/plainte-patient/index.html") == "fiches-soignant-plainte-patient.html"
    assert preview_name("index.html") == "accueil.html"


# --- the command ---------------------------------------------------------------------------------

def run_preview(*arguments):
    return subprocess.run([sys.executable, str(PREVIEW), *map(str, arguments)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)


def test_the_command_refuses_an_unknown_base_in_french(tmp_path):
    result = run_preview("--base", "une-branche-qui-n-existe-pas", "--sortie", tmp_path / "apercu")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "la version de départ « une-branche-qui-n-existe-pas » est introuvable" in result.stderr
    folder = run_preview("--base", "HEAD", "--proposition", tmp_path / "absent", "--sortie", tmp_path / "apercu")
    assert folder.returncode == 1 and "n'est pas un dossier" in folder.stderr
    wrong = run_preview("--inconnue")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr


def test_a_site_that_does_not_build_is_reported_in_french(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav: [: :\n", encoding="utf-8")
    with pytest.raises(PreviewError) as raised:
        build_site(tmp_path, tmp_path / "site")
    assert "la construction du site a échoué" in str(raised.value)
