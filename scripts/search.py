#!/usr/bin/env python3
"""How a query ranks in the site's search: `python scripts/search.py "requête" [--site site/] [--top 10]`.

Reads the built index (site/search/search_index.json) and ranks pages exactly as the reader's
browser does (soignants/build/search_harness.py). Exit code: 0, 1 when the query finds nothing,
2 on a usage error or a missing built site.
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
lecteur : les pages dans l'ordre où elles s'affichent, avec leur score et les sections trouvées.
Le site doit être construit (make build)."""

EPILOG = """\
Exemples :
  python scripts/search.py "je n'en peux plus"
  python scripts/search.py "plainte ordre" --top 5
  python scripts/search.py "medecin traitant" --sections
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
    parser.add_argument("--sections", action="store_true", help="montrer aussi les sections trouvées")
    parser.add_argument("--en", action="store_true", help="chercher comme depuis une page anglaise (/en/)")
    args = parser.parse_args(argv)

    index = Path(args.site) / "search" / "search_index.json"
    if not index.is_file():
        print(f"Index de recherche introuvable : {index}\nConstruisez d'abord le site : make build", file=sys.stderr)
        return 2
    try:
        from soignants.build.search_harness import SiteSearch
        search = SiteSearch.from_site(args.site)
    except ImportError:
        print("Le paquet Python « lunr » manque : installez les dépendances de test "
              "(pip install -e '.[test]', ou make test).", file=sys.stderr)
        return 2

    normalized = search.normalize(args.requete)
    note = " ; « *^2 » : mot tapé juste, qui pèse plus que les mots corrigés d'une faute" if "*^" in normalized else ""
    print(f"Requête : « {args.requete} » ; cherchée comme : « {normalized} » (chaque mot en début de mot{note})")
    phrase = search.distress(args.requete)
    if phrase:
        print(f"Détresse (« {' '.join(phrase)} », data/recherche-detresse.yml) : encadré des numéros d'urgence "
              "au-dessus des résultats, et la page d'aide en premier.")
    results = search.search(args.requete, lang="en" if args.en else "fr")
    if not results:
        print("Aucune page trouvée : le lecteur voit « Aucun document trouvé » et le lien vers Trouver de l'aide.")
        return 1
    for rank, page in enumerate(results[:args.top], start=1):
        print(f"{rank:>3}. {page.score:>12.1f}  {page.location or '(accueil)'}  —  {page.title}")
        if args.sections:
            for hit in page.hits[:4]:
                if hit.location != page.location:
                    print(f"{'':>19}{hit.score:>10.1f}  {hit.location}  —  {hit.title}")
    if len(results) > args.top:
        print(f"… et {len(results) - args.top} autre(s) page(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
