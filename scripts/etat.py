#!/usr/bin/env python3
"""Tableau de bord éditorial : python scripts/etat.py [--csv] [--date AAAA-MM-JJ]

Each fiche and testimony with its status, authors, reviewers, last and next review, whether it
is overdue and how many sources it cites, most urgent first; then the help contacts due for
checking. Logic in soignants/render/editorial.py (the « Suivi éditorial » page shows the same), the
table and the spreadsheet in soignants/tools/dashboard.py.
"""

from datetime import date
from pathlib import Path
import shutil
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.render import editorial  # noqa: E402
from soignants.tools import dashboard  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Dit ce qui est à faire cette semaine (relectures en retard ou proches, brouillons qui attendent
depuis le plus longtemps, contacts d'aide à revérifier, où voir les propositions en attente), puis
l'état de relecture de chaque fiche et de chaque témoignage, du plus urgent au moins urgent, et
les contacts d'aide à revérifier.
Avec --csv : un tableau pour un tableur (réunion du comité), sur la sortie standard.
exemples :
  python scripts/etat.py
  python scripts/etat.py --csv > etat.csv
  make etat"""

def _day(text: str):
    try:
        return date.fromisoformat(text)
    except ValueError:
        import argparse
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas une date au format AAAA-MM-JJ") from None


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="scripts/etat.py", description=DESCRIPTION)
    parser.add_argument("--csv", action="store_true", help="écrire un tableau CSV (séparateur « ; ») pour un tableur")
    parser.add_argument("--date", type=_day, metavar="AAAA-MM-JJ", help="faire comme si on était ce jour-là")
    args = parser.parse_args(argv)
    today = args.date or date.today()
    try:
        records = editorial.as_records(today)
        contacts = editorial.contact_records(today)
    except Exception as error:  # noqa: BLE001 - an editor never sees a traceback
        print(f"etat.py : le contenu n'a pas pu être lu ({type(error).__name__} : {error}) ; lancez « make lint » "
              "pour savoir quel fichier corriger", file=sys.stderr)
        return 2
    if args.csv:
        dashboard.write_csv(records, contacts, sys.stdout)
        return 0
    try:
        from soignants.pipeline.prerender import load_config
        forge = ((load_config(ROOT / "mkdocs.yml").get("extra") or {}).get("signalement") or {}).get("forge")
    except Exception:  # noqa: BLE001 - only the link to the proposals depends on it
        forge = None
    print(dashboard.week_text(editorial.this_week(today), today, str(forge) if forge else None))
    print()
    print(dashboard.table(records, contacts, shutil.get_terminal_size((120, 20)).columns))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `python scripts/etat.py | head`
        sys.exit(0)
