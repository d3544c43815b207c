"""The data files: data/aide.yml (help contacts), data/bibliographie.yml (references),
data/questionnaires/*.yml (self-assessments) and data/recherche-detresse.yml (the words of
distress in the search).

Each is valid against its schema, with each problem at the line of its key; ids are unique;
a help contact checked more than 12 months ago is flagged; a reference's themes exist and each
theme has its page under docs/bibliographie/; a questionnaire is coherent (bands, maximum,
alerts: soignants/model/questionnaires.py) and names only known references and help contacts.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model import distress
from ..model.dates import months_old
from ..model.questionnaires import coherence_problems, texts
from ..render.markers import HELP_MARKER
from ..model.search_query import DistressRules, distress_phrase, occurrences, phrase_words
from .contact_changes import contact_change_problems
from .phone_numbers import data_number_problems
from .project import Context
from .reading import read_text
from .report import WARNING, Problem
from .front_matter import unknown_key_message
from .page_fields import control_problems
from .schema_messages import issues
from .sources import home_page_problems
from .yaml_errors import located
from .yaml_lines import YamlLines, load_with_lines

STALE_AFTER_MONTHS = 12
# Fields of data/aide.yml that are not text for readers (a number belongs in `telephone` only).
AIDE_NOT_TEXT = {"id", "telephone", "email", "web", "url", "verifie_le", "regions", "departements"}
# Fields of a questionnaire that are not text for readers.
QUESTIONNAIRE_NOT_TEXT = {"id", "url", "aide", "cle", "sources", "lignes"}  # lignes: ids of data/aide.yml


@dataclass
class DataFile:
    data: dict | None
    lines: YamlLines | None
    problems: list


def load_data_file(path: Path, shown: str, schema_name: str) -> DataFile:
    """Read, parse and validate a data file; `data` is None when it cannot be used further."""
    read = read_text(path, shown)
    if read.text is None:
        return DataFile(None, None, read.problems)
    try:
        data, lines = load_with_lines(read.text)
    except yaml.YAMLError as error:
        line, message = located(error, read.text)
        return DataFile(None, None, [Problem(shown, line, "yaml-invalide", f"fichier de données illisible : {message}")])
    if not isinstance(data, dict):
        return DataFile(None, None, [Problem(shown, 1, "yaml-invalide",
                                             "le fichier doit être une suite de lignes « champ: valeur » "
                                             "(voir le modèle dans soignants/model/schemas/)")])
    problems = read.problems + [Problem(shown, line, "champ-duplique",
                        f"le champ « {path[-1]} » est écrit deux fois au même endroit ; seule la dernière "
                        "valeur compte, supprimez l'une des deux lignes")
                for path, line in lines.duplicates]
    for issue in issues(schema_name, data):
        problems.append(Problem(shown, lines.line(issue.path), issue.code,
                                _with_entry(data, issue.path) + issue.message))
    problems += control_problems(data, lines, shown, "ce fichier")
    return DataFile(data, lines, problems)


def _with_entry(data: dict, path: tuple) -> str:
    """« contact « mots » : » / « référence « Wu2000 » : » before a message about a list entry."""
    if len(path) >= 2 and isinstance(path[1], int) and isinstance(data.get(path[0]), list):
        entries = data[path[0]]
        entry = entries[path[1]] if path[1] < len(entries) else None
        label = {"structures": "contact", "references": "référence", "themes": "thème", "items": "question",
                 "paliers": "palier", "echelle": "choix", "alertes": "alerte", "exceptions": "exception",
                 "ne_declenchent_pas": "requête", "membres": "membre"}.get(path[0], "élément")
        if isinstance(entry, dict) and isinstance(entry.get("id"), (str, int)):
            return f"{label} « {entry['id']} » : "
        return f"{label} n°{path[1] + 1} : "
    return ""


def _duplicate_ids(entries, list_name: str, label: str, lines: YamlLines, shown: str) -> list[Problem]:
    problems, seen = [], {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or "id" not in entry:
            continue
        key = str(entry["id"])
        if key in seen:
            problems.append(Problem(shown, lines.line((list_name, index, "id")), "id-duplique",
                                    f"{label} « {key} » déjà défini ligne {seen[key]} ; chaque identifiant doit être "
                                    "unique : renommez l'un des deux ou fusionnez-les"))
        else:
            seen[key] = lines.line((list_name, index, "id"))
    return problems


def check_aide(ctx: Context, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    loaded = load_data_file(path, shown, "aide")
    problems = loaded.problems
    if loaded.data is None:
        return problems
    entries = loaded.data.get("structures")
    entries = entries if isinstance(entries, list) else []
    problems += _duplicate_ids(entries, "structures", "identifiant", loaded.lines, shown)
    problems += home_page_problems(loaded.data, loaded.lines, shown, "aide")
    # A contact's texts may quote today's help numbers (its own name, its source); no other number.
    problems += data_number_problems(loaded.data, loaded.lines, ctx.known_numbers, shown, skip=AIDE_NOT_TEXT,
                                     allow_known=True)
    problems += contact_change_problems(ctx, loaded.data, loaded.lines, shown)
    today = ctx.project.today
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("verifie_le"), str):
            continue
        verified = entry["verifie_le"]
        line = loaded.lines.line(("structures", index, "verifie_le"))
        age = months_old(verified, today)
        name = entry.get("id", f"n°{index + 1}")
        if age is None:
            if not any(p.line == line for p in problems):
                problems.append(Problem(shown, line, "date-invalide",
                                        f"contact « {name} » : « verifie_le » vaut « {verified} », qui n'est pas une "
                                        "date ; écrivez AAAA-MM ou AAAA-MM-JJ (ex. 2026-11)"))
        elif age < 0:
            problems.append(Problem(shown, line, "date-invalide",
                                    f"contact « {name} » : « verifie_le » ({verified}) est dans le futur ; écrivez la "
                                    "date réelle de la vérification"))
        elif age > STALE_AFTER_MONTHS and entry.get("statut") != "historique":
            problems.append(Problem(shown, line, "contact-perime",
                                    f"contact « {name} » vérifié en {verified}, il y a {age} mois (plus de "
                                    f"{STALE_AFTER_MONTHS}) ; revérifiez le numéro et les horaires dans la source, "
                                    "puis mettez à jour « verifie_le » (ou passez-le en « statut: historique » "
                                    "s'il n'est plus confirmé)", WARNING))
    return problems


def check_bibliography(ctx: Context, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    loaded = load_data_file(path, shown, "bibliographie")
    problems = loaded.problems
    if loaded.data is None:
        return problems
    lines = loaded.lines
    themes = loaded.data.get("themes") if isinstance(loaded.data.get("themes"), list) else []
    references = loaded.data.get("references") if isinstance(loaded.data.get("references"), list) else []
    problems += _duplicate_ids(themes, "themes", "thème", lines, shown)
    problems += _duplicate_ids(references, "references", "clé", lines, shown)
    problems += home_page_problems(loaded.data, lines, shown, "bibliographie")
    theme_ids = [str(t["id"]) for t in themes if isinstance(t, dict) and "id" in t]
    for index, theme in enumerate(theme_ids):
        page = ctx.project.docs_dir / "bibliographie" / f"{theme}.md"
        if not page.is_file():
            problems.append(Problem(shown, lines.line(("themes", index, "id")), "theme-sans-page",
                                    f"le thème « {theme} » n'a pas de page docs/bibliographie/{theme}.md ; créez-la "
                                    f"(titre, puis le marqueur <!-- bibliographie: {theme} -->) comme les autres "
                                    "pages de thème"))
    for index, ref in enumerate(references):
        if not isinstance(ref, dict) or not isinstance(ref.get("themes"), list):
            continue
        for position, theme in enumerate(ref["themes"]):
            if isinstance(theme, str) and theme not in theme_ids:
                problems.append(Problem(shown, lines.line(("references", index, "themes", position)),
                                        "theme-inconnu",
                                        f"référence « {ref.get('id', index + 1)} » : thème « {theme} » inconnu ; "
                                        f"thèmes possibles : {', '.join(theme_ids)}"))
        accessed = ref.get("accessed")
        if isinstance(accessed, str) and months_old(accessed, ctx.project.today) is None \
                and not any(p.line == lines.line(("references", index, "accessed")) for p in problems):
            problems.append(Problem(shown, lines.line(("references", index, "accessed")), "date-invalide",
                                    f"référence « {ref.get('id', index + 1)} » : « accessed » vaut « {accessed} », "
                                    "qui n'est pas une date ; écrivez AAAA-MM ou AAAA-MM-JJ"))
    return problems


def check_questionnaire(ctx: Context, path: Path) -> list[Problem]:
    shown = ctx.shown(path)
    loaded = load_data_file(path, shown, "questionnaire")
    if loaded.data is None or loaded.problems:
        return loaded.problems  # coherence needs a file that follows its schema
    data, lines, problems = loaded.data, loaded.lines, []
    for issue in coherence_problems(data, expected_id=Path(path).stem):
        problems.append(Problem(shown, lines.line(issue.path), "questionnaire-incoherent", issue.message))
    known = ctx.references
    if known is not None:
        for index, key in enumerate(data["references"]):
            if key not in known:
                problems.append(Problem(shown, lines.line(("references", index)), "cle-inconnue",
                                        unknown_key_message(key, known, "dans « references »")))
    contacts = ctx.help_ids
    if contacts is not None:
        for key_path, text in texts(data):
            for match in HELP_MARKER.finditer(text):
                if match.group(1) not in contacts:
                    problems.append(Problem(shown, lines.line(key_path), "aide-inconnue",
                                            f"contact d'aide « {match.group(1)} » inconnu dans « {match.group(0)} » ; "
                                            f"identifiants possibles (data/aide.yml) : {', '.join(sorted(contacts))}"))
        problems += _band_lines_problems(ctx, data, lines, shown, contacts)
    problems += data_number_problems(data, lines, ctx.known_numbers, shown, skip=QUESTIONNAIRE_NOT_TEXT)
    return problems


def _band_lines_problems(ctx: Context, data: dict, lines: YamlLines, shown: str, contacts: set[str]) -> list[Problem]:
    """Each band's `lignes` (shown as buttons right after the score): known lines of data/aide.yml,
    each with a number in service; a line without a number is never offered as a line to call."""
    entries = {str(e.get("id")): e for e in ctx.help_entries if isinstance(e, dict)}
    problems = []
    for band_index, band in enumerate(data["paliers"]):
        for index, key in enumerate(band.get("lignes") or []):
            where = lines.line(("paliers", band_index, "lignes", index))
            entry = entries.get(key)
            if key not in contacts or entry is None:
                problems.append(Problem(shown, where, "aide-inconnue",
                                        f"ligne d'aide « {key} » inconnue dans les « lignes » du palier « {band['id']} » ; "
                                        f"identifiants possibles (data/aide.yml) : {', '.join(sorted(contacts))}"))
            elif not entry.get("telephone") or entry.get("statut") == "historique":
                problems.append(Problem(shown, where, "ligne-sans-numero",
                                        f"la ligne « {key} » du palier « {band['id']} » n'a pas de numéro de téléphone en "
                                        "service dans data/aide.yml : le résultat n'y proposerait rien à appeler ; "
                                        "choisissez une ligne qui a un numéro"))
    return problems


def check_distress(ctx: Context, path: Path) -> list[Problem]:
    """data/recherche-detresse.yml: its schema, then what would make the search misbehave.

    Checked without the site's vocabulary, so with no typo forgiven (every word counts as a word
    of the site): a documented must-not-trigger query that contains a phrase as written would open
    the card whatever the site holds."""
    shown = ctx.shown(path)
    loaded = load_data_file(path, shown, "recherche-detresse")
    if loaded.data is None or loaded.problems:
        return loaded.problems  # the checks below need a file that follows its schema
    data, lines, problems = loaded.data, loaded.lines, []
    known = lambda stem: True  # noqa: E731 - no typo forgiven here
    phrases = []  # (text, words, line)
    first_seen: dict[tuple, tuple[str, int]] = {}
    levels = [(key, lang) for key in ("expressions", "epuisement") if key in data for lang in ("fr", "en")]
    for key, lang in levels:
        for index, text in enumerate(data[key][lang]):
            line = lines.line((key, lang, index))
            words = tuple(phrase_words(text))
            if not words:
                problems.append(Problem(shown, line, "champ-invalide",
                                        f"l'expression « {text} » ne contient aucun mot de deux lettres ou plus : la "
                                        "recherche ne la reconnaîtrait jamais ; écrivez-la en toutes lettres"))
                continue
            if words in first_seen:
                other, other_line = first_seen[words]
                problems.append(Problem(shown, line, "expression-en-double",
                                        f"l'expression « {text} » est la même que « {other} » (ligne {other_line}) une "
                                        "fois les accents, les majuscules et les apostrophes ôtés ; supprimez l'une des deux"))
                continue
            first_seen[words] = (text, line)
            phrases.append((text, words, line))
    exceptions = [tuple(phrase_words(e["expression"])) for e in data["exceptions"]]
    for index, entry in enumerate(data["exceptions"]):
        if not any(occurrences(list(exceptions[index]), words, known) for _, words, _ in phrases):
            problems.append(Problem(shown, lines.line(("exceptions", index, "expression")), "exception-inutile",
                                    f"l'exception « {entry['expression']} » ne contient aucune expression de la liste : "
                                    "elle ne change rien ; retirez-la, ou corrigez-la pour qu'elle contienne "
                                    "l'expression à ne pas compter", WARNING))
    exceptions = tuple(e for e in exceptions if e)
    spellings = distress.rules(data).spellings  # SMS spellings written out, as in the search
    every_phrase = DistressRules(tuple(words for _, words, _ in phrases), exceptions, (), spellings)
    for index, case in enumerate(data["ne_declenchent_pas"]):
        # The query opens the card with some phrase iff it does with all of them: look for which
        # one only then (a few hundred queries × phrases otherwise: a third of `make lint`).
        if not distress_phrase(case["requete"], every_phrase, known):
            continue
        for text, words, line in phrases:
            if distress_phrase(case["requete"], DistressRules((words,), exceptions, (), spellings), known):
                problems.append(Problem(shown, lines.line(("ne_declenchent_pas", index, "requete")), "exemple-declenche",
                                        f"la requête « {case['requete']} » ne doit pas ouvrir l'encadré de détresse, mais "
                                        f"elle contient l'expression « {text} » (ligne {line}) ; précisez ou retirez "
                                        "l'expression, ajoutez une exception, ou retirez cette requête de "
                                        "« ne_declenchent_pas » si elle doit bien ouvrir l'encadré"))
                break
    problems += _swallowed_core(ctx, data, lines, shown, tuple(words for _, words, _ in phrases))
    return problems


def _core(ctx: Context) -> list[tuple[str, str, int]]:
    """(language, query, index) of the must-trigger corpus, [] when it cannot be read."""
    core = ctx.distress_core
    block = core.get("doivent_declencher") if isinstance(core, dict) else None
    if not isinstance(block, dict):
        return []
    return [(lang, query, index) for lang in ("fr", "en") for index, query in enumerate(block.get(lang) or [])
            if isinstance(query, str)]


def _swallowed_core(ctx: Context, data: dict, lines, shown: str, phrases: tuple) -> list[Problem]:
    """An exception that keeps a query of the must-trigger corpus from opening the card (read with
    the search's own matcher, soignants/model/search_query.py, no typo forgiven)."""
    known = lambda stem: True  # noqa: E731 - no typo forgiven here
    problems = []
    core_file = ctx.project.distress_core_file.name
    for index, entry in enumerate(data["exceptions"]):
        exception = tuple(phrase_words(entry["expression"]))
        if not exception:
            continue
        eaten = [query for _, query, _ in _core(ctx)
                 if distress_phrase(query, DistressRules(phrases, ()), known)
                 and not distress_phrase(query, DistressRules(phrases, (exception,)), known)]
        if eaten:
            shown_queries = ", ".join(f"« {q} »" for q in eaten[:3]) + (" …" if len(eaten) > 3 else "")
            problems.append(Problem(shown, lines.line(("exceptions", index, "expression")), "detresse-avalee",
                                    f"l'exception « {entry['expression']} » empêcherait l'encadré des numéros d'aide "
                                    f"de s'ouvrir pour {shown_queries} (data/{core_file}, les requêtes qui doivent "
                                    "toujours l'ouvrir) ; resserrez l'exception pour qu'elle ne contienne pas ces "
                                    "mots, ou retirez-la"))
    return problems


def check_distress_core(ctx: Context, path: Path) -> list[Problem]:
    """data/recherche-detresse-socle.yml: its schema, and each of its queries opens the card with
    the expressions of data/recherche-detresse.yml (the exceptions are checked there)."""
    shown = ctx.shown(path)
    loaded = load_data_file(path, shown, "recherche-detresse-socle")
    if loaded.data is None or loaded.problems:
        return loaded.problems
    data = ctx.distress_data
    expressions = data.get("expressions") if isinstance(data, dict) else None
    if not isinstance(expressions, dict):
        return []  # data/recherche-detresse.yml's own check says why it cannot be read
    known = lambda stem: True  # noqa: E731 - no typo forgiven here
    phrases = tuple(tuple(phrase_words(p)) for lang in ("fr", "en") for p in expressions.get(lang) or []
                    if isinstance(p, str) and phrase_words(p))
    problems = []
    for lang, query in ((lang, q) for lang in ("fr", "en") for q in loaded.data["doivent_declencher"][lang]):
        if not distress_phrase(query, DistressRules(phrases, ()), known):
            index = loaded.data["doivent_declencher"][lang].index(query)
            problems.append(Problem(shown, loaded.lines.line(("doivent_declencher", lang, index)),
                                    "detresse-non-reconnue",
                                    f"« {query} » doit ouvrir l'encadré des numéros d'aide, mais aucune expression de "
                                    f"data/{ctx.project.distress_file.name} ne s'y trouve ; ajoutez-en une (ex. "
                                    "les mots qui disent la détresse, dans l'ordre où on les tape)"))
    return problems
