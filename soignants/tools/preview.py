"""A proposal's preview: what changes for the reader, page by page, in files opened from the disk.

`scripts/preview.py` compares the proposal with its base, as the reader will see them:

1. two copies of the project are written in a scratch folder (soignants/tools/preview_trees.py):
   the base, and the base's code with the proposal's `docs/` and `data/` (the proposal is the
   working tree, uncommitted changes included, or a folder given with --proposition). The
   proposal's code, templates, hooks and `mkdocs.yml` are never used, so never run;
2. both are built by the base's code;
3. the two sites are compared page by page (soignants/tools/preview_changes.py): every page whose
   text changed, labelled « nouvelle », « modifiée », « supprimée » or « touchée par les données »;
4. each changed page is written with the words added and removed marked in its rendered text
   (soignants/tools/rendered_diff.py), beside its plain « avant » and « après » versions, each a
   self-contained file (soignants/tools/preview_page.py); `index.html` lists them, the most
   safety-relevant first, and says what was compared with what.

CI publishes the folder as an artifact: on GitLab, linked from the merge request; on GitHub, built
by a workflow of the default branch and linked in a comment (.github/workflows/apercu.yml).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import html
import os
from pathlib import Path, PurePosixPath
import re
import shutil
import subprocess
import sys
import tempfile

from bs4 import BeautifulSoup

from . import preview_trees, rendered_diff
from .preview_changes import GROUPS, MODIFIED, NEW, REMOVED, STRIP, THROUGH_DATA, PageChange, compare_sites
from .preview_page import PREVIEW_CSP, Stylesheets, self_contained_page
from .preview_trees import Sources, TreeError

BUILD_TIMEOUT = 900
MAX_LISTED_CHANGES = 60  # changes listed at the top of one page; the page shows them all

PREVIEW_CSS = """\
/* The preview's own styles (scripts/preview.py): not part of the site. */
.apercu-bandeau {
  margin: 0;
  padding: 0.5rem 1rem;
  background: #fff3c4;
  color: #2b2200;
  border-bottom: 2px solid #8a6d00;
  font: 0.8rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.apercu-bandeau a, .apercu-resume a { color: #2b2200; text-decoration: underline; }
.apercu-index { max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1c1c1c;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.apercu-index a { color: #0b4f8a; }
.apercu-index code { font-size: 0.9em; }
.apercu-index li { margin: 0.4rem 0; }
.apercu-etiquette { display: inline-block; padding: 0 0.4rem; border: 1px solid currentColor;
  border-radius: 0.3rem; font-size: 0.85em; }
.apercu-resume { margin: 0 0 1.5rem; padding: 0.6rem 1rem; background: #fff8dc; color: #2b2200;
  border-left: 4px solid #8a6d00; font-size: 0.75rem; }
/* Added and removed words: colour, and a line (under or through) for those who do not see it. */
ins.apercu-ajout, .md-typeset ins.apercu-ajout { background: #d3f5d3; color: #0b3d0b;
  text-decoration: underline 2px; }
del.apercu-suppression, .md-typeset del.apercu-suppression { background: #fcd9d6; color: #5c0b05;
  text-decoration: line-through 2px; }
del.apercu-bloc { display: block; }
[id^="modif-"] { scroll-margin-top: 7rem; }
.apercu-bloc-ajoute { box-shadow: -4px 0 0 #2e7d32; }
.apercu-bloc-supprime { box-shadow: -4px 0 0 #c62828; }
/* Screen readers are told where a change starts (the colour and the line are not read). */
ins.apercu-ajout::before, del.apercu-suppression::before, ins.apercu-ajout::after,
del.apercu-suppression::after { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
ins.apercu-ajout::before { content: " [ajout : "; }
del.apercu-suppression::before { content: " [suppression : "; }
ins.apercu-ajout::after, del.apercu-suppression::after { content: "] "; }
"""

LABEL_SENTENCES = {
    NEW: "Page nouvelle : la proposition l'ajoute.",
    MODIFIED: "Page modifiée : la proposition change son texte.",
    REMOVED: "Page supprimée par la proposition : voici ce qu'elle montrait.",
    THROUGH_DATA: ("Page touchée par les données : son fichier ne change pas, mais ce qu'elle affiche change, "
                   "par un fichier de données (data/…) ou une liste tirée d'autres pages que la proposition modifie."),
}


class PreviewError(Exception):
    """Something the person running the preview must fix; the message is in French."""


@dataclass
class Entry:
    change: PageChange
    file: str                       # fiches-soignant-x.html, in the preview folder
    before_file: str | None = None  # fiches-soignant-x.avant.html
    after_file: str | None = None   # fiches-soignant-x.apres.html
    diff: rendered_diff.Diff | None = None


@dataclass
class Comparison:
    """What the preview compares: said at the top of the index and in the CI summary."""
    proposal: str      # « votre copie de travail… » / « la proposition (dossier …) »
    base: str          # « origin/main » (commit abc1234 (2026-12-01))
    working_tree: bool
    uncommitted: list[str] = field(default_factory=list)


@dataclass
class Preview:
    entries: list[Entry]
    comparison: Comparison
    sources: Sources


# --- Building ---------------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def build_site(root: Path, site_dir: Path) -> None:
    """`mkdocs build` of the copy at `root` into site_dir, by that copy's own (base) code; a
    failure becomes a PreviewError with the end of its log."""
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("PYTHON", "GIT_", "SIGNALEMENT_", "SITE_URL"))}
    environment.update(NO_MKDOCS_2_WARNING="1", GIT_CEILING_DIRECTORIES=str(Path(root).resolve().parent))
    command = [sys.executable, "-I", "-m", "mkdocs", "build", "--quiet", "--config-file", "mkdocs.yml",
               "--site-dir", str(site_dir)]
    try:
        result = subprocess.run(command, cwd=root, env=environment, capture_output=True, text=True,
                                timeout=BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise PreviewError(f"la construction du site dépasse {BUILD_TIMEOUT // 60} minutes") from None
    if result.returncode != 0:
        lines = [_ANSI.sub("", line) for line in (result.stdout + result.stderr).strip().splitlines()]
        raise PreviewError("la construction du site a échoué ; corrigez d'abord ce que signale "
                           "« make lint » ou « make build » :\n" + "\n".join(lines[-15:]))


# --- The comparison -------------------------------------------------------------------------------

def compare(repository: Path, base: str, proposal: Path | None) -> tuple[str, Comparison]:
    """The base commit to build, and what the index says about it."""
    repository = repository.resolve()
    working_tree = proposal is None or proposal.resolve() == repository
    try:
        commit = preview_trees.commit_of(repository, base)
        if working_tree:
            commit = preview_trees.merge_base(repository, commit)
        shown_base = f"« {base} » (commit {preview_trees.describe(repository, commit)})"
    except TreeError as error:
        raise PreviewError(str(error)) from None
    if working_tree:
        waiting = preview_trees.uncommitted(repository)
        text = ("votre copie de travail : les fichiers de docs/ et data/ tels qu'ils sont sur le disque, "
                "y compris ce qui n'est pas encore enregistré dans git (commit)")
        return commit, Comparison(text, shown_base, True, waiting)
    return commit, Comparison(f"la proposition (les fichiers docs/ et data/ du dossier « {proposal} »)",
                              shown_base, False)


def make_preview(repository: Path, base: str, proposal: Path | None, out_dir: Path) -> Preview:
    """Build the base and the proposal, compare them and write the preview into out_dir."""
    commit, comparison = compare(repository, base, proposal)
    folder = (proposal or repository).resolve()
    if not folder.is_dir():
        raise PreviewError(f"« {proposal} » n'est pas un dossier")
    with tempfile.TemporaryDirectory(prefix="apercu-") as scratch_name:
        scratch = Path(scratch_name)
        try:
            before, after, sources = preview_trees.prepare_trees(repository.resolve(), commit, folder, scratch)
        except TreeError as error:
            raise PreviewError(str(error)) from None
        changes: list[PageChange] = []
        if sources.changed:
            print("Construction du site avant la proposition…", file=sys.stderr)
            build_site(before, scratch / "site-avant")
            print("Construction du site avec la proposition…", file=sys.stderr)
            build_site(after, scratch / "site-apres")
            labels = {**{p: NEW for p in sources.added}, **{p: MODIFIED for p in sources.modified},
                      **{p: REMOVED for p in sources.removed}}
            changes = compare_sites(scratch / "site-avant", scratch / "site-apres", before, after, labels)
        entries = write_preview(changes, scratch / "site-avant", scratch / "site-apres", out_dir)
    preview = Preview(entries, comparison, sources)
    (out_dir / "index.html").write_text(index_page(preview), encoding="utf-8")
    return preview


# --- The preview folder -----------------------------------------------------------------------

def preview_name(built: str) -> str:
    """fiches/soignant/x/index.html -> fiches-soignant-x.html (one flat folder, readable names)."""
    if built.startswith(STRIP):
        return f"{built}.html"
    parts = [p for p in PurePosixPath(built).parent.parts]
    return ("-".join(parts) or "accueil") + ".html"


def write_preview(changes: list[PageChange], before_site: Path, after_site: Path, out_dir: Path) -> list[Entry]:
    """Write one file per changed page (with its « avant » and « après »); returns the entries."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "assets").mkdir(parents=True)
    (out_dir / "assets" / "apercu.css").write_text(PREVIEW_CSS, encoding="utf-8")
    stylesheets = Stylesheets(out_dir)
    included = {c.built: preview_name(c.built) for c in changes if not c.built.startswith(STRIP)}
    note = "Les liens vers les pages que la proposition ne change pas sont désactivés."
    entries = []
    for change in changes:
        entry = Entry(change, preview_name(change.built))
        if change.built.startswith(STRIP):
            entry.diff = rendered_diff.mark_changes(change.before or "", change.after or "")
            home = "en/index.html" if change.built.endswith("-en") else "index.html"
            page = _with_content((after_site / home).read_text(encoding="utf-8"),
                                 _summary_box(entry) + f'<h1>{html.escape(change.title)}</h1>{entry.diff.html}')
            _write(out_dir / entry.file, self_contained_page(page, home, after_site, stylesheets, included, note))
            entries.append(entry)
            continue
        if change.before is not None and change.after is not None:
            entry.diff = change.diff or rendered_diff.mark_changes(change.before, change.after)
            entry.before_file = entry.file.removesuffix(".html") + ".avant.html"
            entry.after_file = entry.file.removesuffix(".html") + ".apres.html"
            before_page = (before_site / change.built).read_text(encoding="utf-8")
            after_page = (after_site / change.built).read_text(encoding="utf-8")
            _write(out_dir / entry.before_file, self_contained_page(
                before_page, change.built, before_site, stylesheets, included, "Version avant la proposition. " + note))
            _write(out_dir / entry.after_file, self_contained_page(
                after_page, change.built, after_site, stylesheets, included, "Version avec la proposition. " + note))
            page = _with_content(after_page, _summary_box(entry) + entry.diff.html)
            _write(out_dir / entry.file, self_contained_page(page, change.built, after_site, stylesheets, included, note))
        else:
            site = after_site if change.after is not None else before_site
            page = _with_content((site / change.built).read_text(encoding="utf-8"), None, _summary_box(entry))
            _write(out_dir / entry.file, self_contained_page(page, change.built, site, stylesheets, included, note))
        entries.append(entry)
    return entries


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _with_content(page_html: str, content: str | None, box: str = "") -> str:
    """A built page whose article holds `content` (the marked diff), or its own content after `box`."""
    soup = BeautifulSoup(page_html, "lxml")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        return page_html
    inner = content if content is not None else box + article.decode_contents()
    article.clear()
    holder = BeautifulSoup(f"<div>{inner}</div>", "lxml").div
    for child in list(holder.contents):
        article.append(child.extract())
    return str(soup)


def _summary_box(entry: Entry) -> str:
    change = entry.change
    parts = [f"<p><strong>{html.escape(LABEL_SENTENCES[change.label])}</strong>"]
    if change.source and not change.built.startswith(STRIP):
        parts.append(f" Fichier : <code>{html.escape(change.source)}</code>.")
    parts.append("</p>")
    diff = entry.diff
    if diff is not None and diff.changes:
        parts.append(f"<p>{len(diff.changes)} modification(s) : {diff.added_words} mot(s) ajouté(s), "
                     f"{diff.removed_words} retiré(s). Les mots ajoutés sont "
                     '<ins class="apercu-ajout">soulignés sur fond vert</ins>, les mots retirés '
                     '<del class="apercu-suppression">barrés sur fond rouge</del> ; la cible d\'un lien '
                     "(le numéro qu'il appelle, la page où il mène) est écrite entre parenthèses quand elle "
                     "change.</p>")
        items = []
        for item in diff.changes[:MAX_LISTED_CHANGES]:
            said = []
            if item.removed:
                said.append(f"retiré « {html.escape(item.removed)} »")
            if item.added:
                said.append(f"ajouté « {html.escape(item.added)} »")
            items.append(f'<li><a href="#{item.anchor}">{" ; ".join(said)}</a></li>')
        more = len(diff.changes) - MAX_LISTED_CHANGES
        if more > 0:
            items.append(f"<li>et {more} autre(s), plus bas dans la page</li>")
        parts.append(f'<ol class="apercu-liste-modifs">{"".join(items)}</ol>')
    elif diff is not None:
        parts.append("<p>Le fichier change, mais pas le texte que voit le lecteur "
                     "(un champ de l'en-tête qui ne s'affiche pas, une mise en forme).</p>")
    if entry.before_file:
        parts.append(f'<p>Sans marques : la page <a href="{entry.before_file}">avant</a> et '
                     f'<a href="{entry.after_file}">après</a> la proposition.</p>')
    return f'<div class="apercu-resume" role="note">{"".join(parts)}</div>'


# --- The index --------------------------------------------------------------------------------------

def _entry_line(entry: Entry) -> str:
    change = entry.change
    details = []
    if entry.diff is not None and entry.diff.changes:
        details.append(f"{len(entry.diff.changes)} modification(s)")
    elif entry.diff is not None:
        details.append("rien de visible ne change")
    if entry.before_file:
        details.append(f'<a href="{entry.before_file}">avant</a>, <a href="{entry.after_file}">après</a>')
    if change.source and not change.built.startswith(STRIP):
        details.append(f"<code>{html.escape(change.source)}</code>")
    return (f'<li><a href="{entry.file}">{html.escape(change.title)}</a> '
            f'<span class="apercu-etiquette">{html.escape(change.label)}</span>'
            + (f" — {' ; '.join(details)}" if details else "") + "</li>")


def index_page(preview: Preview) -> str:
    comparison, sources = preview.comparison, preview.sources
    body = ["<h1>Aperçu de la proposition</h1>",
            f"<p>Cet aperçu compare {html.escape(comparison.proposal)}, avec la version de départ "
            f"{html.escape(comparison.base)}.</p>"]
    if comparison.working_tree:
        if comparison.uncommitted:
            listed = ", ".join(f"<code>{html.escape(p)}</code>" for p in comparison.uncommitted[:10])
            more = " …" if len(comparison.uncommitted) > 10 else ""
            body.append(f"<p><strong>Avant commit</strong> : {len(comparison.uncommitted)} fichier(s) pas encore "
                        f"enregistré(s) dans git sont compris dans l'aperçu ({listed}{more}).</p>")
        else:
            body.append("<p>Tous les fichiers de docs/ et data/ sont enregistrés dans git (rien en attente de commit).</p>")
    body.append("<p>Les deux versions sont construites par le code de la version de départ (mkdocs.yml, overrides/, "
                "soignants/) : la proposition n'apporte que ses fichiers docs/ et data/, lus comme des données. "
                "Aucun code de la proposition n'est exécuté.</p>")
    if sources.code_changed:
        listed = ", ".join(f"<code>{html.escape(p)}</code>" for p in sources.code_changed[:10])
        more = " …" if len(sources.code_changed) > 10 else ""
        body.append(f"<p><strong>La proposition modifie aussi du code</strong>, que cet aperçu n'utilise pas : "
                    f"{listed}{more}. Ce code est à relire par l'équipe technique ; l'aperçu n'en montre pas l'effet.</p>")
    if preview.entries:
        for group, name in GROUPS.items():
            members = [e for e in preview.entries if e.change.group == group]
            if members:
                body.append(f"<h2>{html.escape(name)}</h2>\n<ul>\n" + "\n".join(_entry_line(e) for e in members) + "\n</ul>")
    elif sources.changed:
        body.append("<p>La proposition modifie des fichiers de docs/ ou data/, mais aucune page ne change pour le lecteur.</p>")
    else:
        body.append("<p>Cette proposition ne modifie aucun fichier de docs/ ni de data/ : aucune page ne change.</p>")
    if sources.skipped:
        left = "".join(f"<li><code>{html.escape(s.path)}</code> : {html.escape(s.reason)}</li>" for s in sources.skipped)
        body.append("<h2>Fichiers laissés de côté</h2>\n<p>L'aperçu ne suit jamais un lien symbolique ni ne lit un fichier "
                    f"hors du projet ; ces fichiers de la proposition n'y sont pas (le contrôle du contenu les refuse) :</p>\n"
                    f"<ul>{left}</ul>")
    body.append("<p>Chaque page s'ouvre depuis ce dossier, sans connexion : elle ne charge rien d'un autre site et "
                "n'exécute aucun script. La recherche, le mode sombre et l'annuaire interactif ne fonctionnent que sur "
                "le site publié.</p>")
    main = "\n".join(body)
    return f"""<!doctype html>
<html lang="fr">
<head>
  <meta http-equiv="Content-Security-Policy" content="{PREVIEW_CSP}">
  <meta name="referrer" content="no-referrer">
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Aperçu de la proposition — Soigner les soignants</title>
  <link rel="stylesheet" href="assets/apercu.css">
</head>
<body>
<main class="apercu-index">
{main}
</main>
</body>
</html>
"""


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>()#+!|~@])")


def _markdown_text(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def summary_markdown(preview: Preview) -> str:
    """What the CI job summary says about the preview (French Markdown)."""
    lines = ["## Aperçu des pages modifiées", "",
             f"Comparaison : {_markdown_text(preview.comparison.proposal)}, avec la version de départ "
             f"{_markdown_text(preview.comparison.base)} ; construit par le code de la version de départ.", ""]
    for group, name in GROUPS.items():
        members = [e for e in preview.entries if e.change.group == group]
        if members:
            lines += [f"**{name}**", ""]
            lines += [f"- {_markdown_text(e.change.title)} — {e.change.label}" for e in members]
            lines.append("")
    if not preview.entries:
        lines += ["Aucune page ne change pour le lecteur.", ""]
    lines.append("Téléchargez l'artefact « apercu », décompressez-le et ouvrez `index.html` dans votre navigateur : "
                 "rien à installer, aucune connexion nécessaire.")
    return "\n".join(lines) + "\n"
