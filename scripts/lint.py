#!/usr/bin/env python3
"""Contrôle du contenu : `python scripts/lint.py [FICHIER ...] [--strict]`.

Thin command-line layer over soignants.lint (the checks live there). Exit status: 0 when there
is no error, 1 when there is one (with --strict, a warning counts as an error), 2 when the
command line itself is wrong.
"""

import argparse
from datetime import date
from pathlib import Path
import sys

# The package sits at the project's root; make it importable even when not pip-installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Vérifie le contenu du site : en-têtes des fiches et des témoignages, sections obligatoires,
liens et ancres entre pages, marqueurs [[aide:…]] et [@Clé], numéros d'aide écrits à la main,
textes d'exemple laissés tels quels, HTML dangereux, ressources chargées depuis un autre site,
données personnelles dans les témoignages, auteurs, relecteurs et dates de relecture,
et les fichiers de données data/aide.yml, data/bibliographie.yml, data/comite.yml et
data/questionnaires/*.yml. Sans FICHIER : tout le contenu de docs/ et tous les fichiers de données.

Les avertissements de fraîcheur (contact à revérifier, relecture dépassée) ne concernent que les
fichiers que votre proposition modifie (comparaison avec git) ou les FICHIERS nommés ; --tout les
montre pour tout le contenu (c'est ce que fait la vérification hebdomadaire)."""

EPILOG = """\
Chaque problème s'affiche sur une ligne « fichier:ligne: message (code) », suivie d'un résumé.
Code de sortie : 0 s'il n'y a aucune erreur, 1 s'il y en a au moins une, 2 si la commande est
mal écrite. La liste des codes et leur sens : soignants/lint/codes.py.
Exemples :
  python scripts/lint.py
  python scripts/lint.py docs/fiches/soignant/plainte-patient.md
  python scripts/lint.py docs/temoignages --strict
  python scripts/lint.py --tout --strict      (la vérification hebdomadaire)

En intégration continue : --format github ajoute à chaque ligne une annotation GitHub (le
message s'affiche sur la ligne du fichier dans la proposition) ; --format gitlab écrit le rapport
de qualité de code que lit GitLab (JSON Code Climate), dans le fichier --sortie ou à l'écran."""


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas une date au format AAAA-MM-JJ") from None


def parse_arguments(argv):
    parser = FrenchArgumentParser(prog="scripts/lint.py", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("files", nargs="*", metavar="FICHIER",
                        help="fichier ou dossier à vérifier (par défaut : tout le contenu)")
    parser.add_argument("--strict", action="store_true",
                        help="compter les avertissements comme des erreurs (relecture dépassée, contact "
                             "à revérifier…)")
    parser.add_argument("--tout", action="store_true",
                        help="avertir de tout ce qui a vieilli (contacts, relectures), pas seulement dans les "
                             "fichiers modifiés")
    parser.add_argument("--base", metavar="REVISION",
                        help="révision git de départ de la proposition (par défaut : là où la branche a quitté "
                             "main, ou la cible de la demande de fusion en CI)")
    parser.add_argument("--date", metavar="AAAA-MM-JJ", type=_day,
                        help="faire comme si on était ce jour-là (par défaut : aujourd'hui)")
    parser.add_argument("--racine", metavar="DOSSIER", type=Path,
                        help="racine d'un autre projet à vérifier, avec ses docs/ et data/ "
                             "(par défaut : ce dépôt)")
    parser.add_argument("--format", choices=["texte", "github", "gitlab"], default="texte",
                        help="forme du rapport : texte (par défaut), github (annotations en plus) ou "
                             "gitlab (rapport de qualité de code)")
    parser.add_argument("--sortie", metavar="FICHIER", type=Path,
                        help="avec --format gitlab : écrire le rapport dans FICHIER et afficher les "
                             "messages comme d'habitude")
    arguments = parser.parse_args(argv)
    if arguments.sortie is not None and arguments.format != "gitlab":
        parser.error("--sortie ne sert qu'avec --format gitlab")
    return arguments


def main(argv=None) -> int:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # never fail on a terminal that is not UTF-8
        except (AttributeError, ValueError):
            pass
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        from soignants.lint import Project, failed, run, summary
        from soignants.lint.report import codeclimate, github_annotation

        today = arguments.date or date.today()
        options = {"tout": arguments.tout, "base": arguments.base}
        project = (Project.at(arguments.racine, today, **options) if arguments.racine
                   else Project(today=today, **options))
        result = run(project, arguments.files or None)
        if arguments.format == "gitlab":
            if arguments.sortie is None:
                print(codeclimate(result.problems))
                return 1 if failed(result.problems, arguments.strict) else 0
            arguments.sortie.write_text(codeclimate(result.problems) + "\n", encoding="utf-8")
        for problem in result.problems:
            print(problem.format())
            if arguments.format == "github":
                print(github_annotation(problem))
        print(summary(result.problems, result.files, arguments.strict))
        return 1 if failed(result.problems, arguments.strict) else 0
    except KeyboardInterrupt:
        print("contrôle interrompu", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:  # noqa: BLE001 - never a traceback for an editor
        print(f"erreur interne du contrôle ({type(error).__name__} : {error}) ; signalez-la à l'équipe "
              "technique", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
