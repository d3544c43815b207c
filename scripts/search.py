#!/usr/bin/env python3
"""How a query ranks in the site's search: `python scripts/search.py "requête" [--site site/] [--top 10]`.

Runs the reader's search itself on the built site, in Chromium (soignants/tools/site_search.py).
Exit code: 0, 1 when the query finds nothing, 2 on a usage error or a missing built site.
"""

from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Montre comment une requête se classe dans la recherche du site, comme dans le navigateur d'un
lecteur (la recherche du site elle-même, dans Chromium) : les pages dans l'ordre où elles
s'affichent. Le site doit être construit (make build)."""

EPILOG = """\
Exemples :
  python scripts/search.py "je n'en peux plus"
  python scripts/search.py "plainte ordre" --top 5
  python scripts/search.py "idées noires"
  python scripts/search.py "find help" --en
Pour qu'une fiche remonte sur des mots de lecteur, ajoutez-les à ses « mots_cles »,
puis reconstruisez le site et vérifiez ici ; la suite tests/search/queries.yml garde ces requêtes."""


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="python scripts/search.py", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("requete", metavar="REQUÊTE", help="ce que le lecteur tape, entre guillemets")
    parser.add_argument("--site", default=str(ROOT / "site"), metavar="DOSSIER",
                        help="le site construit (par défaut : site/)")
    parser.add_argument("--top", type=int, default=10, metavar="N", help="nombre de pages affichées (10)")
    parser.add_argument("--en", action="store_true", help="chercher comme depuis une page anglaise (/en/)")
    args = parser.parse_args(argv)

    from soignants.tools import site_search

    try:
        [found] = site_search.search(args.site, [args.requete], english=args.en)
    except site_search.SearchUnavailable as error:
        print(f"Recherche impossible : {error}", file=sys.stderr)
        return 2
    print(f"Requête : « {args.requete} » ; cherchée comme : « {' '.join(found['words'])} »")
    if found["help"]:
        print("Détresse (data/recherche-detresse.yml) : encadré des numéros d'urgence au-dessus des résultats, "
              "et la page d'aide en premier.")
    pages = found["pages"]
    if not pages:
        print("Aucune page trouvée : le lecteur voit « Aucun document trouvé » et le lien vers Trouver de l'aide.")
        return 1
    names = site_search.titles(args.site, pages)
    for rank, location in enumerate(pages[:args.top], start=1):
        print(f"{rank:>3}. {location or '(accueil)'}  —  {names.get(location, '')}")
    if len(pages) > args.top:
        print(f"… et {len(pages) - args.top} autre(s) page(s).")
    return 0

if __name__ == "__main__":
    sys.exit(main())
