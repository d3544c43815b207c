#!/usr/bin/env python3
"""L'essentiel du site construit : python scripts/check_built_site.py SITE [--csp] [--adresse URL]

Checks the built HTML, whatever generator made it: help strip numbers, no raw marker, nothing
from another host, cleaned content, call links, the files against the build's manifest;
optionally the CSP (and the manifest's presence) and the internal links. Logic in
soignants/checks/built_site.py.
"""

from pathlib import Path
import os
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.checks import built_site  # noqa: E402
from soignants.model import regional  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Vérifie chaque page du site construit, quel que soit le générateur qui l'a construit :
  - le bandeau d'aide avec chaque numéro de data/aide.yml marqué « bandeau » (et, pour une édition
    régionale, les lignes de sa région), et aucun autre ;
  - aucun marqueur resté brut ([[aide:…]], [@Clé], <!-- liste-fiches … -->…) ;
  - rien de chargé depuis un autre site (pages et feuilles de style) ;
  - aucun script en ligne, attribut on…= ou style= dans le contenu des pages ;
  - chaque lien d'appel (tel:, sms:…) compose un numéro de data/aide.yml et en montre les chiffres ;
  - chaque script, style, page, image SVG ou worker du site est un fichier du projet, par son
    empreinte (manifeste-des-fichiers.json, écrit par la construction), et aucun lien symbolique.
Avec --csp : chaque page porte sa Content-Security-Policy et le site son manifeste (construction MkDocs).
Avec --adresse : chaque lien interne mène à un fichier du site, sans sortir de son dossier.
Une ligne par problème, « fichier: message (code) » ; code de sortie 1 s'il y en a.
exemples :
  python scripts/check_built_site.py site --csp
  python scripts/check_built_site.py site-normandie --csp --edition normandie
  python scripts/check_built_site.py prerendu/site --adresse http://127.0.0.1:8000/urps/"""


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="scripts/check_built_site.py", description=DESCRIPTION)
    parser.add_argument("site", metavar="SITE", help="dossier du site construit (ex. site)")
    parser.add_argument("--csp", action="store_true", help="exiger la Content-Security-Policy sur chaque page")
    parser.add_argument("--edition", metavar="CODE", default=os.environ.get("EDITION", ""),
                        help="édition régionale construite (editions/CODE.yml ; par défaut la variable EDITION) : "
                             "son bandeau a les lignes nationales et celles de sa région, et aucune autre")
    parser.add_argument("--adresse", metavar="URL",
                        help="adresse pour laquelle le site est construit (ex. http://127.0.0.1:8000/urps/) : "
                             "vérifie aussi les liens internes")
    args = parser.parse_args(argv)
    if not Path(args.site).is_dir():
        print(f"check_built_site.py : le dossier « {args.site} » n'existe pas ; construisez d'abord le site "
              "(make build)", file=sys.stderr)
        return 2
    base = args.adresse.rstrip("/") + "/" if args.adresse else None
    try:
        edition = regional.from_environment(environ={"EDITION": args.edition})
    except regional.EditionError as error:
        print(f"check_built_site.py : {error}", file=sys.stderr)
        return 2
    count, problems = built_site.site_problems(args.site, require_csp=args.csp, base_url=base,
                                               strip_entries=regional.strip_entries(edition))
    for problem in problems:
        print(problem.format())
    if problems:
        print(f"{len(problems)} problème(s) sur {count} pages : ce site ne doit pas être publié.", file=sys.stderr)
        return 1
    print(f"{count} pages vérifiées : bandeau d'aide, marqueurs, ressources, contenu, liens d'appel, fichiers"
          + (", CSP" if args.csp else "") + (", liens internes" if base else "") + " : rien à signaler.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
