"""The front matter of a page: present, valid YAML, valid against its schema, coherent.

Every problem points to the line of the offending key in the file (not in the YAML block), or
to the line of its parent when the key is missing.
"""

from dataclasses import dataclass
import difflib
from pathlib import Path
import posixpath

import yaml

from ..model.frontmatter import FRONT_MATTER
from .markdown_text import blank
from .project import FICHE, TEMOIGNAGE, Context
from .quotes import unclosed_quote_line, unclosed_quote_message
from .report import Problem
from .schema_messages import bare_key, issues, show
from .yaml_errors import TAB_MESSAGE, located
from .yaml_lines import YamlLines, load_with_lines

SCHEMA_OF = {FICHE: "fiche", TEMOIGNAGE: "temoignage"}
KIND_FR = {FICHE: "une fiche", TEMOIGNAGE: "un témoignage"}
YAML_FIRST_LINE = 2  # the YAML of a front matter starts after its opening `---`


@dataclass
class FrontMatter:
    meta: dict | None  # None when absent or unreadable
    lines: YamlLines | None
    body: str  # the whole text with the front matter blanked: same line numbers as the file
    title: str | None


def read_front_matter(text: str, kind: str, shown: str) -> tuple[FrontMatter, list[Problem]]:
    match = FRONT_MATTER.match(text)
    if not match:
        problems = []
        first = text.split("\n", 1)[0].strip()
        if first.startswith("---"):
            problems.append(Problem(shown, 1, "entete-absente",
                                    "l'en-tête commence par « --- » mais n'est jamais fermé ; ajoutez une ligne "
                                    "« --- » seule après le dernier champ"))
        elif kind in SCHEMA_OF:
            hint = (" (il doit commencer à la toute première ligne du fichier)"
                    if text.lstrip().startswith("---") else "")
            problems.append(Problem(shown, 1, "entete-absente",
                                    f"en-tête absent : {KIND_FR[kind]} commence par un bloc encadré de deux lignes "
                                    f"« --- » qui porte ses champs (title, description…){hint} ; "
                                    "partez du modèle soignants/model/templates/fiche.md ou d'une fiche existante"))
        return FrontMatter(None, None, text, None), problems

    body = blank(text[: match.end()]) + text[match.end():]
    meta_text = match.group(1)
    try:
        meta, lines = load_with_lines(meta_text, first_line=YAML_FIRST_LINE, root_line=1)
    except yaml.YAMLError as error:
        line, message = located(error, meta_text, YAML_FIRST_LINE)
        message = f"en-tête illisible : {message}"
        quote = None if message.endswith(TAB_MESSAGE) else unclosed_quote_line(meta_text, YAML_FIRST_LINE, line)
        if quote is not None:
            line, message = quote[0], unclosed_quote_message(quote[1])
        return FrontMatter(None, None, body, None), [Problem(shown, line, "yaml-invalide", message)]
    if meta is None:
        meta = {}  # an empty front matter: the schema says which fields are missing
    elif not isinstance(meta, dict):
        return FrontMatter(None, None, body, None), [
            Problem(shown, YAML_FIRST_LINE, "yaml-invalide",
                    "l'en-tête doit être une suite de lignes « champ: valeur » (ex. title: \"…\")")]
    problems = [Problem(shown, line, "champ-duplique",
                        f"le champ « {path[-1]} » est écrit deux fois ; seule la dernière valeur compte, "
                        "supprimez l'une des deux lignes")
                for path, line in lines.duplicates]
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    return FrontMatter(meta, lines, body, title), problems


def schema_problems(front: FrontMatter, kind: str, shown: str, schema: str | None = None,
                    partial: bool = False) -> list[Problem]:
    """The front matter against its schema (`schema`, or the one of a fiche or a testimony);
    `partial`: the English edition of a fiche or a testimony, whose fields need not all be there."""
    name = schema or SCHEMA_OF.get(kind)
    if name is None or front.meta is None:
        return []
    found = issues(name, front.meta)
    if partial:
        found = [i for i in found if i.code != "champ-manquant"]
    # A key written with an invisible or curly character is reported once, where it is written,
    # not also as « missing » at the top of the file.
    mistyped = {bare_key(str(i.path[-1])) for i in found if i.code == "champ-inconnu" and i.path}
    found = [i for i in found if not (i.code == "champ-manquant" and i.path == ()
                                      and any(f"« {name} »" in i.message for name in mistyped))]
    return [Problem(shown, front.lines.line(issue.path), issue.code, issue.message) for issue in found]


def reference_problems(front: FrontMatter, ctx: Context, shown: str, path: Path, kind: str) -> list[Problem]:
    """Keys of `sources`, the folder of a fiche, the files a testimony points to."""
    if front.meta is None:
        return []
    meta, lines, problems = front.meta, front.lines, []
    known = ctx.references
    sources = meta.get("sources")
    if known is not None and isinstance(sources, list):
        for index, key in enumerate(sources):
            if isinstance(key, str) and key not in known:
                problems.append(Problem(shown, lines.line(("sources", index)), "cle-inconnue",
                                        unknown_key_message(key, known, "dans « sources »")))
    if kind == FICHE:
        folder = Path(path).parent.name
        part = meta.get("partie")
        if isinstance(part, str) and part in ("cabinet", "soignant") and part != folder:
            problems.append(Problem(shown, lines.line(("partie",)), "partie-incoherente",
                                    f"la fiche est rangée dans fiches/{folder}/ mais « partie » vaut « {part} » ; "
                                    f"corrigez « partie » ou déplacez le fichier dans fiches/{part}/"))
    if kind == TEMOIGNAGE:
        problems += _testimony_file_problems(meta, lines, ctx, shown, path)
    return problems


def _testimony_file_problems(meta, lines, ctx: Context, shown: str, path: Path) -> list[Problem]:
    problems = []
    docs = ctx.project.docs_dir
    related = meta.get("fiches_liees")
    for index, target in enumerate(related if isinstance(related, list) else []):
        if isinstance(target, str) and not (docs / target).is_file():
            problems.append(Problem(shown, lines.line(("fiches_liees", index)), "lien-casse",
                                    f"« fiches_liees » cite « {show(target)} », qui n'existe pas ; écrivez le chemin "
                                    "d'une fiche depuis docs/ (ex. fiches/soignant/epuisement-professionnel.md)"))
    audio = meta.get("audio")
    if isinstance(audio, dict):
        folder = Path(path).parent
        sound = audio.get("fichier")
        if isinstance(sound, str) and not ((folder / sound).is_file() or (folder / "audio" / sound).is_file()):
            problems.append(Problem(shown, lines.line(("audio", "fichier")), "lien-casse",
                                    f"fichier audio « {show(sound)} » introuvable ; placez-le dans "
                                    "docs/temoignages/audio/ ou corrigez son nom"))
        transcript = audio.get("transcription")
        if isinstance(transcript, str) and transcript != "ci-dessous":
            target = posixpath.normpath((folder / transcript.split("#")[0]).as_posix())
            if not Path(target).is_file():
                problems.append(Problem(shown, lines.line(("audio", "transcription")), "lien-casse",
                                        f"transcription « {show(transcript)} » introuvable ; écrivez le chemin du "
                                        "fichier .md de la transcription depuis ce témoignage, ou « ci-dessous »"))
    return problems


def unknown_key_message(key: str, known: dict, where: str) -> str:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    hint = f" ; vouliez-vous écrire « {close[0]} » ?" if close else ""
    return (f"clé de bibliographie « {key} » inconnue {where}{hint} ; ajoutez la référence à "
            "data/bibliographie.yml ou corrigez la clé")
