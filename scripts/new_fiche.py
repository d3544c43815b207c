#!/usr/bin/env python3
"""Create a new fiche, ready to fill in: python scripts/new_fiche.py "Titre" --partie soignant

Logic in soignants/tools/scaffold.py. Exit code: 0 when created, 1 when the file exists already,
2 on a wrong title, part or name (the message says what to change, in French).
"""

from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

import subprocess  # noqa: E402

from soignants import DOCS_DIR  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402
from soignants.tools.scaffold import AlreadyExists, ScaffoldError, create_fiche, next_steps  # noqa: E402

DESCRIPTION = """\
Crée une nouvelle fiche à partir du modèle (soignants/model/templates/fiche.md), en brouillon,
datée d'aujourd'hui, avec ses cinq sections à remplir (« À compléter »). Ne remplace jamais
une fiche existante. L'auteur est le nom donné par --auteur, sinon votre nom dans git
(git config user.name), sinon « À compléter ».

exemples :
  python scripts/new_fiche.py "Le contrôle de la caisse" --partie cabinet
  python scripts/new_fiche.py "Après une agression au cabinet" --partie soignant --slug agression
  python scripts/new_fiche.py "Le congé maternité" --partie cabinet --auteur "Dr Anne Exemple"
  make fiche TITRE="Le congé maternité" PARTIE=cabinet
"""


def git_user_name() -> str | None:
    try:
        out = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    name = out.stdout.strip() if out.returncode == 0 else ""
    return name or None


def shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="new_fiche.py", description=DESCRIPTION)
    parser.add_argument("titre", help="le titre de la fiche, entre guillemets (5 à 120 caractères)")
    parser.add_argument("--partie", required=True, metavar="cabinet|soignant",
                        help="\u00ab\u00a0cabinet\u00a0\u00bb (le cabinet comme entreprise) ou "
                             "\u00ab\u00a0soignant\u00a0\u00bb (le médecin comme personne)")
    parser.add_argument("--slug", metavar="NOM",
                        help="nom du fichier sans .md (par défaut : tiré du titre, sans accents, ex. controle-de-la-caisse)")
    parser.add_argument("--auteur", action="append", metavar="NOM",
                        help="nom d'un auteur, tel qu'il s'affichera sur la page (répétable ; par défaut : "
                             "votre nom dans git)")
    parser.add_argument("--docs-dir", type=Path, default=DOCS_DIR, metavar="DOSSIER",
                        help="dossier des pages du site (par défaut : docs/)")
    args = parser.parse_args(argv)
    try:
        authors = args.auteur or [name for name in [git_user_name()] if name]
        created = create_fiche(args.titre, args.partie, slug=args.slug, docs_dir=args.docs_dir, authors=authors)
    except AlreadyExists as error:
        print(f"new_fiche.py : {error}", file=sys.stderr)
        return 1
    except ScaffoldError as error:
        print(f"new_fiche.py : erreur : {error}", file=sys.stderr)
        return 2
    print(next_steps(created, shown(created.path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
