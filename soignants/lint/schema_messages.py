"""JSON Schema errors, told in French: what is wrong, and how to fix it.

jsonschema says « 'en cours' is not one of ['brouillon', 'relu'] »; an editor reads « le champ
« statut » vaut « en cours » ; valeurs possibles : brouillon, relu ». Each error becomes an
`Issue`: the key path it concerns (for the line), a stable code and the message.
"""

from dataclasses import dataclass
import difflib
import re

from ..model import schemas
from . import characters

TYPES_FR = {
    "string": "un texte",
    "array": "une liste (ex. [a, b])",
    "object": "un groupe de champs indentés",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "true ou false",
    "null": "vide",
}

# What the format of a field means, for an editor (by field name, so that a schema change of
# the exact pattern keeps the explanation; the pattern's length bounds are added when present).
FORMATS_FR = {
    "id": "seulement des minuscules sans accent, des chiffres et des tirets (ex. sos-medecins)",
    "sources": "une clé de bibliographie commence par une lettre, sans espace ni accent (ex. Wu2000)",
    "fiches_liees": "un chemin de fiche depuis docs/ (ex. fiches/soignant/epuisement-professionnel.md)",
    "telephone": "seulement des chiffres et des espaces, tel qu'il s'affiche (ex. 0 805 23 23 36)",
    "email": "une adresse électronique du type nom@domaine.fr",
    "web": "une adresse qui commence par https://",
    "url": "une adresse qui commence par http:// ou https://",
    "URL": "une adresse qui commence par http:// ou https://",
    "DOI": "un DOI commence par « 10. » (sans https://doi.org/ devant)",
    "departements": "un numéro de département (ex. 06, 2A, 974)",
    "fichier": "un nom de fichier en minuscules, en .mp3, .ogg, .m4a ou .opus",
    "duree": "une durée du type 12:34 (minutes:secondes)",
    "evenement": "un événement qui commence par « la » ou « l' », pour se lire après « à compter de » "
                 "(ex. la réception de la notification)",
    "legifrance": "le lien d'un article sur Légifrance, avec son identifiant "
                  "(ex. https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006748137)",
}
LENGTH_BOUNDS = re.compile(r"\{(\d+),(\d+)\}\$$")


@dataclass(frozen=True)
class Issue:
    path: tuple  # key path in the instance (for the line)
    code: str
    message: str


def show(value, limit: int = 60) -> str:
    if value is None or value == "":
        return "vide"
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _field(path: tuple) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "en-tête"


def _is_item(path: tuple) -> bool:
    return bool(path) and isinstance(path[-1], int)


def _subject(path: tuple, value) -> str:
    """« le champ « statut » vaut « x » » or « « publics » contient « x » »."""
    if _is_item(path):
        return f"« {_field(path)} » contient « {show(value)} »"
    return f"le champ « {_field(path)} » vaut « {show(value)} »"


def _schema_at(root: dict, schema_path) -> dict:
    node = root
    for step in schema_path:
        node = node[step]
    return node


def _owner(error, schema_name: str) -> dict:
    """The object schema that holds the `if`/`then` which raised an error ({} when none)."""
    steps = list(error.schema_path)
    if "then" not in steps:
        return {}
    cut = len(steps) - 1 - steps[::-1].index("then")
    try:
        owner = _schema_at(schemas.schema(schema_name), steps[:cut])
    except (KeyError, IndexError, TypeError):
        return {}
    # `allOf: [{if, then}, …]` sits inside the object schema: climb out of the allOf item.
    if cut >= 2 and steps[cut - 2] == "allOf":
        try:
            return {**_schema_at(schemas.schema(schema_name), steps[:cut - 2]), **owner}
        except (KeyError, IndexError, TypeError):
            return owner
    return owner


def _condition(error, schema_name: str) -> str:
    """For an error raised by a `then` clause: « (parce que « statut » vaut « relu ») »."""
    condition = _owner(error, schema_name).get("if", {})
    for name, rule in condition.get("properties", {}).items():
        if "const" in rule:
            return f" (parce que « {name} » vaut « {rule['const']} »)"
    if condition.get("required"):
        return " (parce que « " + " », « ".join(condition["required"]) + " » est renseigné)"
    return ""


def _example(name: str, prop: dict) -> str:
    if "enum" in prop:
        return f"{name}: {prop['enum'][0]} ; valeurs possibles : {', '.join(map(str, prop['enum']))}"
    if prop.get("format") == "date":
        return f"{name}: AAAA-MM-JJ"
    kind = prop.get("type")
    if kind == "array":
        return f"{name}: [élément1, élément2]"
    if kind == "object":
        required = prop.get("required", [])
        return f"{name}:" + (f" puis, indentés dessous, {', '.join(required)}" if required else "")
    return f"{name}: …"


def _date_pattern(pattern: str) -> bool:
    return "20[0-9]{2}" in pattern


# Fields that were renamed: an old page (or a habit) still writes them.
RENAMED = {
    "derniere_relecture": "remplacé par « redige_le » (date de rédaction) et, une fois la page relue par le "
                          "comité, « relu_le » (date de la relecture)",
}


def bare_key(name: str) -> str:
    """A key as typed on a keyboard: `partie\u00a0` and `mots_cles’` become `partie`, `mots_cles`."""
    return re.sub(r"[^a-z0-9_]", "", characters.plain(name).lower())


def _unknown_key_hint(name: str, allowed: list) -> str:
    """Why a key is unknown: renamed, special characters in it (named), or a typo."""
    if name in RENAMED and name not in allowed:
        return f" : {RENAMED[name]}"
    hidden = characters.described(name)
    if hidden:
        fixed = bare_key(name)
        return (f"{hidden.replace('(il contient', '(le nom contient')} ; écrivez-le au clavier"
                + (f" : « {fixed} »" if fixed in allowed else ""))
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    return f" ; vouliez-vous écrire « {close[0]} » ?" if close else ""


def _issue_for(error, schema_name: str) -> list[Issue]:
    path = tuple(error.absolute_path)
    value = error.instance
    field = _field(path)
    why = _condition(error, schema_name)
    kind = error.validator

    if kind == "required":
        issues = []
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                prop = (error.schema.get("properties", {}).get(name)
                        or _owner(error, schema_name).get("properties", {}).get(name) or {})
                described = f" — {prop['description']}" if prop.get("description") else ""
                issues.append(Issue(path, "champ-manquant",
                                    f"champ obligatoire « {name} » absent{why} ; ajoutez une ligne "
                                    f"« {_example(name, prop)} »{described}"))
        return issues

    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        issues = []
        for name in value if isinstance(value, dict) else []:
            if name in allowed:
                continue
            issues.append(Issue(path + (name,), "champ-inconnu",
                                f"champ « {name} » inconnu{_unknown_key_hint(str(name), allowed)} ; "
                                f"champs possibles : {', '.join(allowed)}"))
        return issues

    if kind == "enum":
        options = ", ".join(map(str, error.validator_value))
        return [Issue(path, "valeur-interdite", f"{_subject(path, value)}{why} ; valeurs possibles : {options}")]

    if kind == "const":
        return [Issue(path, "valeur-interdite",
                      f"{_subject(path, value)} ; il doit valoir « {error.validator_value} »{why}")]

    if kind == "format" and error.validator_value == "date":
        return [Issue(path, "date-invalide",
                      f"{_subject(path, value)}, qui n'est pas une date ; écrivez une date réelle au format "
                      f"AAAA-MM-JJ (ex. 2026-11-23)")]

    if kind == "pattern":
        pattern = error.validator_value
        if _date_pattern(pattern):
            return [Issue(path, "date-invalide",
                          f"{_subject(path, value)}, qui n'est pas une date ; écrivez-la au format "
                          f"AAAA-MM ou AAAA-MM-JJ (ex. 2026-11)")]
        expected = FORMATS_FR.get(field) or error.schema.get("description") or f"format attendu : {pattern}"
        bounds = LENGTH_BOUNDS.search(pattern)
        if bounds and field in FORMATS_FR:
            expected += f", de {bounds.group(1)} à {bounds.group(2)} caractères"
        return [Issue(path, "champ-invalide", f"{_subject(path, value)} ; attendu : {expected}")]

    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " ou ".join(TYPES_FR.get(t, t) for t in expected)
        if value is None:
            return [Issue(path, "champ-invalide",
                          f"le champ « {field} » est vide ; écrivez sa valeur après « {field}: » ({wanted})")]
        return [Issue(path, "champ-invalide", f"{_subject(path, value)} ; attendu : {wanted}")]

    if kind in ("minLength", "maxLength"):
        length = len(value) if isinstance(value, str) else 0
        bound = error.validator_value
        what = f"un élément de « {field} » (« {show(value)} »)" if _is_item(path) else f"le texte « {field} »"
        if kind == "minLength":
            fix = "complétez-le" if length else "écrivez sa valeur"
            text = f"{what} est trop court ({length} caractère{'s' if length > 1 else ''}, minimum {bound}) ; {fix}"
        else:
            text = f"{what} est trop long ({length} caractères, maximum {bound}) ; raccourcissez-le"
        return [Issue(path, "champ-invalide", text)]

    if kind == "minItems":
        bound = error.validator_value
        if bound <= 1:
            text = f"la liste « {field} » est vide{why} ; ajoutez au moins un élément"
        else:
            text = f"la liste « {field} » doit contenir au moins {bound} éléments{why}"
        return [Issue(path, "champ-invalide", text)]

    if kind == "maxItems":
        return [Issue(path, "champ-invalide",
                      f"la liste « {field} » a trop d'éléments (maximum {error.validator_value})")]

    if kind == "uniqueItems":
        seen, twice = [], None
        for item in value if isinstance(value, list) else []:
            if item in seen:
                twice = item
                break
            seen.append(item)
        return [Issue(path, "champ-invalide",
                      f"la liste « {field} » contient deux fois « {show(twice)} » ; supprimez le doublon")]

    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        bounds = f"entre {low} et {high}" if low is not None and high is not None else \
            (f"au moins {low}" if low is not None else f"au plus {high}")
        return [Issue(path, "champ-invalide", f"{_subject(path, value)} ; il doit être {bounds}")]

    return [Issue(path, "champ-invalide",
                  f"la valeur du champ « {field} » (« {show(value)} ») ne respecte pas le modèle "
                  f"soignants/model/schemas/{schema_name}.schema.json (règle « {kind} »)")]


def issues(schema_name: str, instance) -> list[Issue]:
    found = []
    for error in schemas.errors(schema_name, instance):
        found.extend(_issue_for(error, schema_name))
    return found
