"""Relative links between pages: the file exists under docs/, the `#anchor` exists in it.

Pages use the suffix layout of mkdocs-static-i18n: `x.md` is the French page, `x.en.md` its
English edition; a link is always written to `x.md`. From an English page it resolves to
`x.en.md` when that exists, else to the French page (the fallback); from a French page, `x.md`
must exist.
Anchors are the heading ids that Python-Markdown's `toc` gives (accents removed: « Repérer /
comprendre » -> `#reperer-comprendre`), ids written by hand, and `#ref-KEY` for a reference the
target page cites (its « Références citées ») or lists (a bibliography theme page).
"""

import difflib
from pathlib import Path
import posixpath
import re
from urllib.parse import unquote

from ..model.catalog import CITATION, is_translation
from ..render import pages as render
from ..render.markers import BLOCK_MARKER
from .front_matter import read_front_matter
from .markdown_text import LineIndex, explicit_ids, heading_ids, headings, links, mask
from .project import FICHE, TEMOIGNAGE, Context, page_kind
from .reading import read_text
from .report import Problem

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
GENERATED_HEADINGS = {"fr": "references-citees", "en": "references"}
ANY_REFERENCE = "ref-*"  # the page's references are unknown: any #ref-KEY is accepted
ANY_ANCHOR = "*"  # the page's generated content is unknown: any anchor is accepted
LIST_MARKERS = {"liste-fiches", "liste-temoignages", "bibliographie", "annuaire"}


def has_anchor(anchors: set[str], anchor: str) -> bool:
    return (anchor in anchors or ANY_ANCHOR in anchors
            or (anchor.startswith("ref-") and ANY_REFERENCE in anchors))


def _language(path: Path) -> str:
    return "en" if is_translation(path) else "fr"


def page_anchors(ctx: Context, path: Path) -> set[str] | None:
    """Every anchor a page will have once built, or None if it cannot be read."""
    text = read_text(path, "").text
    if text is None:
        return None
    kind = page_kind(ctx.project, path)
    front, _ = read_front_matter(text, kind, "")
    body, generated = _with_generated_content(ctx, path, front.body)
    masked = mask(body)
    taken = explicit_ids(masked)
    anchors = set(taken) | set(heading_ids(headings(masked, body), taken)) | generated
    source_kind = page_kind(ctx.project, _french_of(path))
    if source_kind in (FICHE, TEMOIGNAGE):
        anchors.add(GENERATED_HEADINGS[_language(path)])
        if front.meta is None:  # unreadable front matter: reported on that page, not on its links
            anchors.add(ANY_REFERENCE)
        sources = (front.meta or {}).get("sources")
        cited = (sources if isinstance(sources, list) else []) + CITATION.findall(front.body)
        anchors.update(f"ref-{key}" for key in cited if isinstance(key, str))
    references = ctx.references
    for marker in BLOCK_MARKER.finditer(front.body):
        if marker.group(1) == "bibliographie":
            if references is None:  # unreadable bibliography: reported on data/bibliographie.yml
                anchors.add(ANY_REFERENCE)
                continue
            theme = marker.group(2)
            anchors.update(f"ref-{key}" for key, ref in references.items()
                           if isinstance(ref.get("themes"), list) and ref["themes"][:1] == [theme])
    return anchors


def _with_generated_content(ctx: Context, path: Path, body: str) -> tuple[str, set[str]]:
    """The body with the blocks the build generates (headings, ids), when they have any.

    Lists of fiches, testimonies, references and help contacts add no anchor of their own
    (references are handled above). Other block markers (the help directory's) generate
    headings and ids: on the real project they are expanded with the build's own code; when
    that is not possible (a test project, broken data), any anchor of the page is accepted
    rather than reported wrongly.
    """
    kinds = {m.group(1) for m in BLOCK_MARKER.finditer(body)} - LIST_MARKERS
    if not kinds:
        return body, set()
    if ctx.project.is_default:
        try:
            src_uri = (ctx.docs_relative(path) or "").replace(".en.md", ".md")
            return render.expand_block_markers(body, src_uri, _language(path)), set()
        except Exception:  # noqa: BLE001 - the build reports its own errors; here, be lenient
            pass
    return body, {ANY_ANCHOR}


def _french_of(path: Path) -> Path:
    return path.with_name(path.name.replace(".en.md", ".md")) if is_translation(path) else path


def _resolve(page: Path, target: str) -> Path | None:
    """The file a link to a .md page leads to, following the i18n suffix layout; None if none."""
    candidate = Path(posixpath.normpath((page.parent / target).as_posix()))
    options = [candidate]
    if is_translation(page) and not is_translation(candidate):
        options.insert(0, candidate.with_name(candidate.name[:-3] + ".en.md"))
    return next((p for p in options if p.is_file()), None)


def _suggest(ctx: Context, page: Path, target: str) -> str:
    name = posixpath.basename(target)
    docs = ctx.project.docs_dir.resolve()
    by_name: dict[str, list[str]] = {}
    for candidate in ctx.markdown_files:
        by_name.setdefault(posixpath.basename(candidate), []).append(candidate)
    close = difflib.get_close_matches(name, [n for n in by_name if not n.startswith("index.")], n=1, cutoff=0.75)
    pool = by_name.get(name) or (by_name[close[0]] if close else [])
    if not pool:
        return ""
    relative = posixpath.relpath((docs / pool[0]).as_posix(), page.parent.as_posix())
    return f" ; vouliez-vous écrire « {relative} » ?"


def link_problems(ctx: Context, page: Path, shown: str, masked: str) -> list[Problem]:
    index = LineIndex(masked)
    docs = ctx.project.docs_dir.resolve()
    page = Path(page).resolve()
    own_anchors = None
    problems = []
    for link in links(masked):
        if link.by_reference:
            continue
        target = link.target.strip()
        if not target or SCHEME.match(target) or target.startswith("//"):
            continue
        line = index.line(link.offset)
        where, _, anchor = target.partition("#")
        where = unquote(where.split("?", 1)[0])
        if where.startswith("/"):
            problems.append(Problem(shown, line, "lien-casse",
                                    f"lien absolu « {target} » : il casse quand le site est publié dans un "
                                    "sous-dossier ; écrivez un lien relatif vers le fichier .md "
                                    "(ex. ../../aide/index.md)"))
            continue
        if not where:  # an anchor in the same page
            if own_anchors is None:
                own_anchors = ctx.anchors(page, lambda p: page_anchors(ctx, p)) or set()
            if anchor and not has_anchor(own_anchors, anchor):
                problems.append(Problem(shown, line, "ancre-cassee", _anchor_message(anchor, "cette page",
                                                                                     own_anchors)))
            continue
        resolved_path = Path(posixpath.normpath((page.parent / where).as_posix()))
        try:
            resolved_path.relative_to(docs)
        except ValueError:
            problems.append(Problem(shown, line, "lien-casse",
                                    f"le lien « {target} » sort du dossier docs/ ; un lien ne peut viser "
                                    "qu'une page ou un fichier du site"))
            continue
        if where.endswith("/") or resolved_path.is_dir():
            index_md = posixpath.join(where.rstrip("/"), "index.md")
            problems.append(Problem(shown, line, "lien-casse",
                                    f"le lien « {target} » vise un dossier ; visez le fichier .md "
                                    f"(ex. « {index_md} »)"))
            continue
        if not where.endswith(".md"):
            if not resolved_path.is_file():
                problems.append(Problem(shown, line, "lien-casse",
                                        f"le lien « {target} » vise un fichier qui n'existe pas ; "
                                        "corrigez le chemin (relatif à cette page) ou ajoutez le fichier"))
            continue
        resolved = _resolve(page, where)
        if resolved is None:
            problems.append(Problem(shown, line, "lien-casse",
                                    f"le lien « {target} » vise une page qui n'existe pas{_suggest(ctx, page, where)}"
                                    " (le chemin est relatif à cette page)"))
            continue
        if anchor:
            anchors = ctx.anchors(resolved, lambda p: page_anchors(ctx, p))
            if anchors is not None and not has_anchor(anchors, anchor):
                problems.append(Problem(shown, line, "ancre-cassee",
                                        _anchor_message(anchor, f"« {where} »", anchors)))
    return problems


def _anchor_message(anchor: str, where: str, anchors: set[str]) -> str:
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1, cutoff=0.6)
    hint = f" ; vouliez-vous écrire « #{close[0]} » ?" if close else ""
    shown = ", ".join(f"#{a}" for a in sorted(a for a in anchors if not a.startswith("ref-"))[:12])
    listed = f" (ancres des titres : {shown})" if shown else ""
    return (f"l'ancre « #{anchor} » n'existe pas dans {where}{hint}{listed} ; une ancre est le titre "
            "en minuscules, sans accents ni ponctuation, avec des tirets")
