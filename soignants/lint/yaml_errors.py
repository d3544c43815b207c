"""PyYAML's syntax errors, told to an editor in French, at the right line."""

import re

import yaml

# (pattern of PyYAML's « problem », French explanation with the fix)
EXPLANATIONS = [
    (r"anchors and aliases are refused",
     "« & » ou « * » en début de valeur crée une ancre ou un renvoi YAML, refusés ici (un renvoi peut "
     "démultiplier le fichier à l'infini) ; mettez la valeur entre guillemets ou recopiez-la"),
    (r"nesting too deep",
     "listes ou champs imbriqués sur plus de 20 niveaux ; aplatissez la structure"),
    (r"mapping values are not allowed",
     "deux-points « : » inattendu ; si la valeur contient « : », mettez-la entre guillemets "
     "(ex. title: \"Plainte : que faire\"), sinon vérifiez l'indentation de la ligne"),
    (r"found character '\\t'", "tabulation interdite dans l'en-tête ou les données ; indentez avec des espaces"),
    (r"found character (?:'[@`]' )?that cannot start any token",
     "une valeur ne peut pas commencer par « @ », « ` » ou « % » ; mettez-la entre guillemets "
     "(ex. relecteurs: [\"@identifiant\"])"),
    (r"could not find expected ':'",
     "il manque « : » après le nom d'un champ, ou un guillemet n'est pas fermé"),
    (r"end of stream|<stream end>",
     "fin de texte inattendue : un guillemet, un crochet [ ou une accolade { n'est pas fermé"),
    (r"expected ',' or '\]'",
     "liste entre crochets mal écrite ; séparez les éléments par des virgules et fermez avec « ] »"),
    (r"expected ',' or '\}'",
     "groupe entre accolades mal écrit ; séparez les éléments par des virgules et fermez avec « } »"),
    (r"unknown escape character",
     "barre oblique inverse « \\ » inconnue entre guillemets doubles ; doublez-la (\\\\) ou utilisez des guillemets simples"),
    (r"could not determine a constructor|unacceptable tag",
     "étiquette YAML « ! » non autorisée ; écrivez la valeur sans « ! » ou entre guillemets"),
    (r"undefined alias",
     "« * » en début de valeur est un renvoi YAML ; mettez la valeur entre guillemets"),
    (r"expected <block end>|did not find expected key|expected <document start>",
     "indentation incohérente, ou une ligne « - élément » mélangée à des lignes « champ: valeur » ; "
     "alignez les champs d'un même niveau sur la même colonne"),
    (r"did not find expected '-' indicator",
     "élément de liste mal aligné ; alignez les tirets « - » d'une même liste"),
    (r"unhashable key",
     "nom de champ invalide ; un nom de champ est un simple mot suivi de « : »"),
    (r"found unexpected ':'", "deux-points « : » inattendu ; mettez la valeur entre guillemets"),
    (r"while scanning an alias|while scanning an anchor",
     "« * » ou « & » en début de valeur a un sens en YAML ; mettez la valeur entre guillemets"),
    (r"while scanning a directive|found unexpected document|expected a single document",
     "plusieurs documents YAML ; ne laissez qu'un seul bloc et retirez les lignes « --- » en trop"),
]


def explain(error: yaml.YAMLError) -> str:
    problem = " ".join(str(x) for x in (getattr(error, "context", None), getattr(error, "problem", None)) if x)
    problem = problem or str(error).splitlines()[0]
    for pattern, french in EXPLANATIONS:
        if re.search(pattern, problem):
            return french
    return f"syntaxe YAML incorrecte ({problem}) ; vérifiez les guillemets, les deux-points et l'indentation"


def error_line(error: yaml.YAMLError, first_line: int = 1, default: int = 1) -> int:
    """File line of a YAML error (PyYAML marks are 0-based in the parsed text).

    For an unclosed quote or bracket PyYAML points at the end of the text; the context mark
    (where the quote or bracket opened) is where the editor must look.
    """
    problem = str(getattr(error, "problem", "") or "")
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    if context_mark is not None and ("end of stream" in problem or "<stream end>" in problem):
        mark = context_mark
    mark = mark or context_mark
    return first_line + mark.line if mark is not None else default


# A tab before the first sign of a line: YAML indents with spaces only, and PyYAML's own message
# for it depends on where it sits (« found character '\t' », « expected <block end> »…).
LEADING_TAB = re.compile(r"^[ ]*\t", re.MULTILINE)
TAB_MESSAGE = ("tabulation en début de ligne : YAML ne décale qu'avec des espaces ; remplacez la tabulation par "
               "des espaces, alignés sur le champ du même niveau")


def tab_line(text: str, first_line: int = 1) -> int | None:
    """File line of the first line whose indentation holds a tab, or None."""
    match = LEADING_TAB.search(text or "")
    return first_line + text.count("\n", 0, match.start()) if match else None


def located(error: yaml.YAMLError, text: str, first_line: int = 1, default: int = 1) -> tuple[int, str]:
    """(file line, French explanation) of a YAML error in `text`: a tab in an indentation is named
    as such, at its own line, wherever PyYAML stumbled."""
    tab = tab_line(text, first_line)
    if tab is not None:
        return tab, TAB_MESSAGE
    return error_line(error, first_line, default), explain(error)
