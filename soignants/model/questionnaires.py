"""Self-assessment questionnaires (data/questionnaires/ID.yml): loading, coherence, scoring.

A questionnaire is data, so that the editorial group can change it without touching code: its
items, answer scale, scoring, bands, alerts, references and reproduction licence. It is shown by
the `<!-- questionnaire: ID -->` marker (soignants/render/questionnaire_form.py) and scored in the
reader's browser by overrides/assets/javascripts/auto-evaluation.js; `score()` here is the same rule
in Python, for the tests and for anyone who wants to check a result by hand.

Checked twice, with the same rules: by the build (`load()` raises QuestionnaireError, in French)
and by the content check (soignants/lint/data_checks.py, each problem at its line). The JSON
Schema says what each field is; `coherence_problems()` says what a schema cannot: the bands cover
every score from min to max without gap or overlap, max is what the items and scale allow, an
alert names an existing item and scale values.
"""

from dataclasses import dataclass
from pathlib import Path

from .. import DATA_DIR
from . import schemas
from .yamlfile import load_yaml_file

QUESTIONNAIRES_DIR = DATA_DIR / "questionnaires"
SCHEMA = "questionnaire"
LANGUAGES = ("fr", "en")


class QuestionnaireError(ValueError):
    """A questionnaire file is missing or incoherent; the message is for an editor, in French."""


@dataclass(frozen=True)
class Issue:
    path: tuple  # key path in the file (for the line), e.g. ("paliers", 2, "min")
    message: str


# --- files --------------------------------------------------------------------------------------

def path_of(questionnaire_id: str, directory: Path = QUESTIONNAIRES_DIR) -> Path:
    return Path(directory) / f"{questionnaire_id}.yml"


def ids(directory: Path = QUESTIONNAIRES_DIR) -> list[str]:
    """The questionnaires there are: the names of data/questionnaires/*.yml."""
    directory = Path(directory)
    return sorted(p.stem for p in directory.glob("*.yml")) if directory.is_dir() else []


def load(questionnaire_id: str, directory: Path = QUESTIONNAIRES_DIR) -> dict:
    """A questionnaire, valid against its schema and coherent; QuestionnaireError otherwise.

    Read at every call (no cache): `mkdocs serve` must show an edited file at the next build.
    """
    path = path_of(questionnaire_id, directory)
    if not path.is_file():
        known = ", ".join(ids(directory)) or "aucun"
        raise QuestionnaireError(f"questionnaire « {questionnaire_id} » introuvable : il n'y a pas de fichier "
                                 f"data/questionnaires/{questionnaire_id}.yml (questionnaires possibles : {known}).")
    data = load_yaml_file(path)
    shown = f"data/questionnaires/{path.name}"
    errors = schemas.errors(SCHEMA, data)
    if errors:
        details = " ; ".join(f"{'/'.join(str(p) for p in e.absolute_path) or '(racine)'} : {e.message}"
                             for e in errors)
        raise QuestionnaireError(f"{shown} ne respecte pas son modèle (soignants/model/schemas/questionnaire.schema.json) : "
                                 f"{details} ; lancez python scripts/lint.py {shown} pour le détail, ligne par ligne.")
    issues = coherence_problems(data, expected_id=path.stem)
    if issues:
        raise QuestionnaireError(f"{shown} est incohérent : " + " ; ".join(i.message for i in issues) + ".")
    return data


# --- coherence ------------------------------------------------------------------------------------

def _duplicates(entries: list, key: str, list_name: str, label: str) -> list[Issue]:
    issues, seen = [], {}
    for index, entry in enumerate(entries):
        value = entry[key]
        if value in seen:
            issues.append(Issue((list_name, index, key),
                                f"{label} « {value} » figure deux fois (n°{seen[value] + 1} et n°{index + 1}) ; "
                                "chaque valeur doit être unique"))
        else:
            seen[value] = index
    return issues


def coherence_problems(data: dict, expected_id: str | None = None) -> list[Issue]:
    """What the schema cannot say. `data` must already be valid against the schema."""
    issues = []
    if expected_id is not None and data["id"] != expected_id:
        issues.append(Issue(("id",), f"« id » vaut « {data['id']} » mais le fichier s'appelle {expected_id}.yml ; "
                                     "donnez-leur le même nom (le marqueur <!-- questionnaire: ID --> utilise le nom "
                                     "du fichier)"))
    scale, items, score, bands = data["echelle"], data["items"], data["score"], data["paliers"]
    issues += _duplicates(scale, "valeur", "echelle", "la valeur")
    issues += _duplicates(items, "id", "items", "la question")
    issues += _duplicates(bands, "id", "paliers", "le palier")
    values = [choice["valeur"] for choice in scale]
    for index in range(1, len(values)):
        if values[index] <= values[index - 1]:
            issues.append(Issue(("echelle", index, "valeur"),
                                f"les choix de l'échelle doivent aller du plus petit au plus grand : la valeur "
                                f"{values[index]} vient après {values[index - 1]}"))
            break

    lowest, highest = len(items) * min(values), len(items) * max(values)
    if score["min"] != lowest:
        issues.append(Issue(("score", "min"),
                            f"« min » vaut {score['min']}, mais {len(items)} questions à {min(values)} point(s) au "
                            f"moins donnent {lowest} ; écrivez min: {lowest}"))
    if score["max"] != highest:
        issues.append(Issue(("score", "max"),
                            f"« max » vaut {score['max']}, mais {len(items)} questions à {max(values)} point(s) au "
                            f"plus donnent {highest} ; écrivez max: {highest} (ou vérifiez les questions et "
                            "l'échelle)"))
    if not score["min"] <= score["seuil_haut"] <= score["max"]:
        issues.append(Issue(("score", "seuil_haut"),
                            f"« seuil_haut » vaut {score['seuil_haut']}, hors des scores possibles "
                            f"({score['min']} à {score['max']})"))

    issues += _band_problems(bands, score)
    known_items = [item["id"] for item in items]
    for index, alert in enumerate(data["alertes"]):
        if alert["item"] not in known_items:
            issues.append(Issue(("alertes", index, "item"),
                                f"l'alerte n°{index + 1} porte sur la question « {alert['item']} », qui n'existe "
                                f"pas ; questions possibles : {', '.join(known_items)}"))
        for position, value in enumerate(alert["valeurs"]):
            if value not in values:
                issues.append(Issue(("alertes", index, "valeurs", position),
                                    f"l'alerte n°{index + 1} se déclenche sur la réponse {value}, qui n'est pas dans "
                                    f"l'échelle ({', '.join(map(str, values))})"))
    return issues


def _band_problems(bands: list, score: dict) -> list[Issue]:
    issues = []
    for index, band in enumerate(bands):
        if band["min"] > band["max"]:
            issues.append(Issue(("paliers", index, "max"),
                                f"le palier « {band['id']} » va de {band['min']} à {band['max']} : son « max » doit "
                                "être au moins égal à son « min »"))
    first, last = bands[0], bands[-1]
    if first["min"] != score["min"]:
        issues.append(Issue(("paliers", 0, "min"),
                            f"le premier palier (« {first['id']} ») commence à {first['min']}, mais le score le plus "
                            f"bas est {score['min']} ; les paliers doivent couvrir tous les scores de {score['min']} "
                            f"à {score['max']}"))
    for index in range(1, len(bands)):
        before, band = bands[index - 1], bands[index]
        if band["min"] > before["max"] + 1:
            gap = (f"{before['max'] + 1}" if band["min"] == before["max"] + 2
                   else f"{before['max'] + 1} à {band['min'] - 1}")
            issues.append(Issue(("paliers", index, "min"),
                                f"trou entre les paliers « {before['id']} » (jusqu'à {before['max']}) et "
                                f"« {band['id']} » (à partir de {band['min']}) : aucun palier pour le score {gap} ; "
                                f"écrivez min: {before['max'] + 1}"))
        elif band["min"] <= before["max"]:
            issues.append(Issue(("paliers", index, "min"),
                                f"les paliers « {before['id']} » (jusqu'à {before['max']}) et « {band['id']} » (à "
                                f"partir de {band['min']}) se chevauchent ; écrivez min: {before['max'] + 1}, ou "
                                "remettez les paliers dans l'ordre, du plus bas au plus haut"))
    if last["max"] != score["max"]:
        issues.append(Issue(("paliers", len(bands) - 1, "max"),
                            f"le dernier palier (« {last['id']} ») finit à {last['max']}, mais le score le plus haut "
                            f"est {score['max']} ; les paliers doivent couvrir tous les scores de {score['min']} "
                            f"à {score['max']}"))
    threshold = score["seuil_haut"]
    for index, band in enumerate(bands):
        if band["min"] >= threshold and band["niveau"] != "haut":
            issues.append(Issue(("paliers", index, "niveau"),
                                f"le palier « {band['id']} » commence à {band['min']}, au-dessus du seuil haut "
                                f"({threshold}) : son « niveau » doit être « haut »"))
        elif band["max"] < threshold and band["niveau"] == "haut":
            issues.append(Issue(("paliers", index, "niveau"),
                                f"le palier « {band['id']} » finit à {band['max']}, sous le seuil haut ({threshold}) : "
                                "son « niveau » ne peut pas être « haut » (bas ou moyen)"))
    return issues


# --- texts and scoring ------------------------------------------------------------------------------

IDS_NOT_TEXT = {"lignes"}  # identifiers of data/aide.yml (« 3114 » is an id there, not a typed number)


def texts(data: dict):
    """Every text of the file with its key path: (path, text). For marker checks at the right line."""
    def walk(node, path):
        if isinstance(node, str):
            yield path, node
        elif isinstance(node, dict):
            for key, value in node.items():
                if key not in IDS_NOT_TEXT:
                    yield from walk(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, path + (index,))
    yield from walk(data, ())


@dataclass(frozen=True)
class Score:
    total: int
    band: dict
    alerts: tuple  # the alerts the answers set off
    high: bool     # total at or above `seuil_haut`, or an alert: the result asks to call now


def missing(data: dict, answers: dict) -> list[int]:
    """Numbers (1-based) of the items without an answer."""
    return [n for n, item in enumerate(data["items"], 1) if answers.get(item["id"]) is None]


def score(data: dict, answers: dict) -> Score:
    """The result of complete answers ({item id: scale value}), as auto-evaluation.js computes it."""
    if missing(data, answers):
        raise ValueError(f"réponses manquantes : questions {missing(data, answers)}")
    total = sum(answers[item["id"]] for item in data["items"])
    band = next(b for b in data["paliers"] if b["min"] <= total <= b["max"])
    alerts = tuple(a for a in data["alertes"] if answers[a["item"]] in a["valeurs"])
    return Score(total, band, alerts, total >= data["score"]["seuil_haut"] or bool(alerts))
