#!/usr/bin/env python3
"""Rewrite the generated parts of the contributors' guide (docs/a-propos/contribuer/).

Thin command-line layer over soignants/tools/guide_reference.py. Exit status: 0 when every page
was up to date; 1 when a page was rewritten (add it to your proposal) or, with --verifier, when
one is out of date; 2 when a page asks for a block that does not exist.
"""

from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()

from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Réécrit les parties du guide des contributeurs (docs/a-propos/contribuer/) tirées du code : la
liste des codes du contrôle du contenu (soignants/lint/codes.py) et les champs de l'en-tête
d'une fiche et d'un témoignage (soignants/model/schemas/). Lancez-la après avoir ajouté un code
ou un champ. Code de sortie : 0 si tout était à jour ; 1 si une page a été réécrite (ajoutez-la
à votre proposition) ou, avec --verifier, si une page n'est pas à jour."""


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="scripts/guide.py", description=DESCRIPTION)
    parser.add_argument("--verifier", action="store_true", help="vérifier seulement, sans rien écrire")
    arguments = parser.parse_args(argv)
    from soignants.tools.guide_reference import GuideError, refresh_all, stale_pages

    try:
        pages = stale_pages(ROOT) if arguments.verifier else refresh_all(ROOT)
    except GuideError as error:
        print(f"guide.py : {error}", file=sys.stderr)
        return 2
    for page in pages:
        relative = page.relative_to(ROOT).as_posix()
        print(f"{relative} : pas à jour" if arguments.verifier else f"{relative} : réécrit")
    if pages and arguments.verifier:
        print("Lancez « python scripts/guide.py » puis ajoutez ces pages à votre proposition.", file=sys.stderr)
    return 1 if pages else 0


if __name__ == "__main__":
    sys.exit(main())
