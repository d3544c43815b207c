#!/usr/bin/env python3
"""Generate .github/CODEOWNERS and .gitlab/CODEOWNERS from data/comite.yml.

Fix and fail: writes the files that are out of date, says which, exits 1; exits 0 when both are
up to date. `--check` (CI) writes nothing and exits 1 when a file is out of date.
"""

from datetime import date
from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()

from soignants.model import committee  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Met à jour les fichiers CODEOWNERS (.github/CODEOWNERS pour GitHub, .gitlab/CODEOWNERS pour
GitLab) à partir des membres actuels du comité éditorial et des mainteneurs techniques
(data/comite.yml).
Code de sortie : 0 si tout était à jour ; 1 si un fichier a été réécrit (relancez, puis
enregistrez-le dans votre proposition) ou, avec --check, s'il n'est pas à jour."""


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="scripts/codeowners.py", description=DESCRIPTION)
    parser.add_argument("--check", action="store_true",
                        help="vérifier seulement, sans rien écrire (pour l'intégration continue)")
    parser.add_argument("--racine", type=Path, default=ROOT, metavar="DOSSIER",
                        help="racine du projet (par défaut : ce dépôt)")
    args = parser.parse_args(argv)
    root = args.racine
    try:
        members = committee.load_members(root / "data" / "comite.yml")
        maintainers = committee.load_maintainers(root / "data" / "comite.yml")
    except Exception as error:  # noqa: BLE001 - an editor never sees a traceback
        print(f"codeowners.py : data/comite.yml illisible ({error}) ; lancez « python scripts/lint.py "
              "data/comite.yml » pour savoir où", file=sys.stderr)
        return 2
    stale = []
    for forge, relative in committee.CODEOWNERS_FILES.items():
        try:
            wanted = committee.codeowners(members, date.today(), forge, maintainers)
        except committee.HandleError as error:
            print(f"codeowners.py : {error}", file=sys.stderr)
            return 2
        target = root / relative
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current == wanted:
            continue
        stale.append(relative.as_posix())
        if not args.check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(wanted, encoding="utf-8")
    if not stale:
        print("CODEOWNERS à jour (data/comite.yml)")
        return 0
    if args.check:
        print(f"pas à jour avec data/comite.yml : {', '.join(stale)} ; lancez « python scripts/codeowners.py » "
              "et ajoutez les fichiers à votre proposition", file=sys.stderr)
    else:
        print(f"réécrit à partir de data/comite.yml : {', '.join(stale)} ; ajoutez-les à votre proposition")
    return 1


if __name__ == "__main__":
    sys.exit(main())
