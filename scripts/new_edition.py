#!/usr/bin/env python3
"""Create a regional edition, ready to fill in: python scripts/new_edition.py CODE --nom "…" --region 53

Logic in soignants/tools/new_edition.py. Exit code: 0 when created, 2 when nothing was written
(the message says what to change, in French).
"""

from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants import PROJECT_ROOT  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402
from soignants.tools.new_edition import EditionScaffoldError, create_edition, next_steps  # noqa: E402

DESCRIPTION = """\
Crée une édition régionale du site : editions/CODE.yml (en brouillon, en attente de l'URPS) et
la page de la région, editions/CODE/docs/region/index.md. N'écrit jamais de numéro, d'adresse ni
de nom inventés : ce qui n'est pas connu reste « à compléter par l'URPS », et « make lint » le
rappelle. Ne remplace jamais une édition existante.

exemples :
  python scripts/new_edition.py bretagne --nom "URPS Médecins libéraux de Bretagne" --region 53
  make edition CODE=bretagne NOM="URPS Médecins libéraux de Bretagne" REGION=53
"""


def shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="new_edition.py", description=DESCRIPTION)
    parser.add_argument("code", metavar="CODE", help="le code de l'édition, en minuscules (ex. bretagne)")
    parser.add_argument("--nom", required=True, metavar="NOM",
                        help="l'organisation qui publie l'édition (ex. \"URPS Médecins libéraux de Bretagne\")")
    parser.add_argument("--region", required=True, metavar="CODES",
                        help="code(s) INSEE de la ou des régions servies, séparés par des virgules (ex. 53)")
    parser.add_argument("--racine", type=Path, default=PROJECT_ROOT, metavar="DOSSIER",
                        help="dossier du projet (par défaut : celui de ce script)")
    args = parser.parse_args(argv)
    try:
        created = create_edition(args.code, args.nom, args.region, root=args.racine)
    except EditionScaffoldError as error:
        print(f"new_edition.py : erreur : {error}", file=sys.stderr)
        return 2
    print(next_steps(created, shown(created.file), shown(created.page)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
