"""The parts of the contributors' guide that are written from the code, so that they cannot drift.

Some pages of « À propos › Contribuer » (docs/a-propos/contribuer/) hold blocks between two
comments:

    <!-- début du texte produit par scripts/guide.py : codes -->
    …
    <!-- fin du texte produit par scripts/guide.py -->

`python scripts/guide.py` rewrites each block from its source; `--verifier` (and the tests) fail
when one is out of date. A new code of the content check, a new field of a fiche's front matter,
or a changed limit reaches the guide by running the command, never by hand.

- `codes`: every code of the content check (soignants/lint/codes.py), with its kind and meaning;
- `champs-fiche`: every field of a fiche's front matter (soignants/model/schemas/fiche.schema.json):
  required or not, what it holds (the schema's description), its form (lengths, values, dates),
  and its value in the page's complete example (the YAML block after `<!-- exemple: fiche -->`);
- `champs-temoignage`: the fields of a testimony's front matter, in a table.
"""

from __future__ import annotations

from pathlib import Path
import re

from ..lint.codes import CODES
from ..lint.report import WARNING
from ..model import schemas

GUIDE_DIR = Path("docs") / "a-propos" / "contribuer"
BLOCK = re.compile(r"(<!-- début du texte produit par scripts/guide\.py : (?P<name>[a-z-]+) -->\n)"
                   r"(?P<body>.*?)(<!-- fin du texte produit par scripts/guide\.py -->)", re.DOTALL)
EXAMPLE = re.compile(r"<!-- exemple: (?P<name>[a-z-]+) -->\n```[a-z]*\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
NBSP = "\u00a0"


class GuideError(Exception):
    """A guide page asks for a block that does not exist; the message is in French."""


def french_spacing(text: str) -> str:
    """A no-break space before « : ; ! ? » » and after « « », as in the rest of the guide."""
    text = re.sub(r"(?<=\S) (?=[:;!?»])", NBSP, text)
    return text.replace("« ", f"«{NBSP}")


def _quoted(values) -> str:
    return ", ".join(f"«{NBSP}{v}{NBSP}»" for v in values)


def form(node: dict) -> str:
    """What a value must look like, in French, from its JSON schema."""
    if "enum" in node:
        return f"une valeur parmi{NBSP}: {_quoted(node['enum'])}"
    kind = node.get("type")
    if kind == "string":
        if node.get("format") == "date":
            return "une date au format AAAA-MM-JJ"
        low, high = node.get("minLength"), node.get("maxLength")
        if low and high:
            return f"un texte de {low} à {high} caractères"
        if low:
            return f"un texte d'au moins {low} caractère{'s' if low > 1 else ''}"
        return "un texte"
    if kind in ("number", "integer"):
        low, high = node.get("minimum"), node.get("maximum")
        number = "un nombre entier" if kind == "integer" else "un nombre"
        return f"{number} de {low} à {high}" if low is not None and high is not None else number
    if kind == "boolean":
        return "`true` (oui) ou `false` (non)"
    if kind == "array":
        text = "une liste"
        if node.get("minItems"):
            text += f" d'au moins {node['minItems']} élément{'s' if node['minItems'] > 1 else ''}"
        if node.get("uniqueItems"):
            text += ", sans doublon"
        items = node.get("items") or {}
        if items.get("type") == "object":
            return f"{text}{NBSP}; chaque élément a {_fields(items)}"
        return f"{text}{NBSP}; chacun est {form(items)}" if items else text
    if kind == "object":
        fields = _fields(node)
        return f"un groupe de sous-champs{NBSP}: {fields}" if fields else "un groupe de sous-champs"
    return "une valeur"


def _fields(node: dict) -> str:
    required = set(node.get("required", []))
    parts = [f"`{name}` ({form(sub)}{', obligatoire' if name in required else ''})"
             for name, sub in node.get("properties", {}).items()]
    return ", ".join(parts)


def _conditional_fields(schema: dict) -> set[str]:
    """Fields required only when `statut` is `relu` (the schema's if/then)."""
    then = schema.get("then") or {}
    return set(then.get("required", []))


def example_lines(page_text: str, name: str) -> dict[str, str]:
    """Each field of the page's example (`<!-- exemple: name -->`) as written there: its line and the
    indented lines under it."""
    match = next((m for m in EXAMPLE.finditer(page_text) if m.group("name") == name), None)
    if match is None:
        raise GuideError(f"l'exemple « <!-- exemple: {name} --> » manque dans la page")
    fields: dict[str, list[str]] = {}
    current = None
    for line in match.group("body").splitlines():
        key = re.match(r"^([a-z_]+):", line)
        if key:
            current = key.group(1)
            fields[current] = [line]
        elif current and line.startswith((" ", "\t")) and line.strip():
            fields[current].append(line)
        else:
            current = None
    return {key: "\n".join(lines) for key, lines in fields.items()}


def _resolved(node: dict, schema: dict) -> dict:
    """A `{"$ref": "#/$defs/x"}` node replaced by its definition (one level, as our schemas use)."""
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return schema.get("$defs", {}).get(ref.removeprefix("#/$defs/"), node)
    return node


def _sub_fields(node: dict, schema: dict) -> list[str]:
    """One line per sub-field of a list of groups (e.g. each deadline of `delais`): its name,
    whether it is required, what it means and what it looks like."""
    items = _resolved(node.get("items") or {}, schema)
    if items.get("type") != "object":
        return []
    required = set(items.get("required", []))
    lines = []
    for name, sub in items.get("properties", {}).items():
        sub = _resolved(sub, schema)
        need = "obligatoire" if name in required else "facultatif"
        description = french_spacing((sub.get("description") or "").strip())
        lines.append(f"- `{name}` ({need}){NBSP}: {description} Forme{NBSP}: {form(sub)}.".replace("  ", " "))
    return lines


def fiche_fields(page_text: str) -> str:
    schema = schemas.schema(schemas.FICHE)
    required, conditional = set(schema["required"]), _conditional_fields(schema)
    values = example_lines(page_text, "fiche")
    sections = []
    for name, node in schema["properties"].items():
        if name in required:
            need = "**Obligatoire.**"
        elif name in conditional:
            need = f"**Facultatif** pour un brouillon, **obligatoire** quand `statut` vaut `relu`."
        else:
            need = "**Facultatif.**"
        description = french_spacing((node.get("description") or "").strip())
        sub_fields = _sub_fields(node, schema)
        shape = form(dict(node, items={})) + f"{NBSP}; chaque élément a les sous-champs suivants" if sub_fields else form(node)
        lines = [f"### `{name}`", "", f"{need} {description}".rstrip(), "", f"Forme{NBSP}: {shape}."]
        if sub_fields:
            lines += ["", *sub_fields]
        if name in values:
            lines += ["", "```yaml", values[name], "```"]
        sections.append("\n".join(lines))
    return "\n\n".join(sections) + "\n"


def testimony_fields(page_text: str) -> str:
    schema = schemas.schema(schemas.TEMOIGNAGE)
    fiche = schemas.schema(schemas.FICHE)["properties"]
    required, conditional = set(schema["required"]), _conditional_fields(schema)
    rows = ["| Champ | Obligatoire | Ce qu'il contient | Forme |", "| --- | --- | --- | --- |"]
    for name, node in schema["properties"].items():
        need = "oui" if name in required else ("si `relu`" if name in conditional else "non")
        description = french_spacing((node.get("description") or "").strip())
        if not description and name in fiche:
            description = "comme pour une fiche"
        rows.append(f"| `{name}` | {need} | {_cell(description)} | {form(node).replace('|', '/')} |")
    return "\n".join(rows) + "\n"


_CODE_LIKE = re.compile(r"\[\[aide:[^\]]*\]\]|\[@[^\]]*\]|<[^>]+>")


def _cell(text: str) -> str:
    """A table cell that shows the text as written: markers, citations and tags it names are code
    (`[[aide:…]]`), never a marker the site would expand or a tag it would read."""
    pieces, position = [], 0
    for match in _CODE_LIKE.finditer(text):
        pieces.append(_plain(text[position:match.start()]))
        pieces.append(f"`{match.group(0)}`")
        position = match.end()
    pieces.append(_plain(text[position:]))
    return "".join(pieces)


def _plain(text: str) -> str:
    return french_spacing(text.replace("&", "&amp;").replace("<", "&lt;").replace("[", "&#91;").replace("|", "/"))


def codes_table(page_text: str) -> str:
    rows = ["| Code | Gravité | Ce qu'il signifie |", "| --- | --- | --- |"]
    for code, (severity, meaning) in sorted(CODES.items()):
        kind = "avertissement" if severity == WARNING else "erreur"
        rows.append(f"| `{code}` | {kind} | {_cell(meaning)} |")
    return "\n".join(rows) + "\n"


WRITERS = {"codes": codes_table, "champs-fiche": fiche_fields, "champs-temoignage": testimony_fields}


def refreshed(text: str) -> str:
    """The page with each generated block rewritten from its source."""
    def replace(match: re.Match) -> str:
        name = match.group("name")
        if name not in WRITERS:
            raise GuideError(f"bloc « {name} » inconnu (connus : {', '.join(sorted(WRITERS))})")
        return match.group(1) + WRITERS[name](text) + match.group(4)
    return BLOCK.sub(replace, text)


def guide_pages(root: Path) -> list[Path]:
    return sorted((root / GUIDE_DIR).glob("*.md"))


def stale_pages(root: Path) -> list[Path]:
    """The guide pages whose generated blocks are out of date."""
    return [page for page in guide_pages(root)
            if refreshed(text := page.read_text(encoding="utf-8")) != text]


def refresh_all(root: Path) -> list[Path]:
    """Rewrite every out-of-date page; returns those changed."""
    changed = []
    for page in guide_pages(root):
        text = page.read_text(encoding="utf-8")
        new = refreshed(text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed.append(page)
    return changed
