#!/usr/bin/env python3
"""Check the links of the built site (site/): internal links by default, external ones on demand.

    python scripts/check_links.py                # internal links and anchors, offline, blocking
    python scripts/check_links.py --external     # links to other sites (network), weekly

Logic in soignants/checks/site_checks.py (internal) and soignants/checks/external_links.py (external).
Exit code: 0 when all is well, 1 on a broken internal link or a dead external link (doubtful
external links are reported, never blocking), 2 on a usage error or a missing site/.
"""

from pathlib import Path
import json
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.checks import external_links, site_checks  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Vérifie les liens du site construit (dossier site/, après « make build »).

Par défaut : les liens internes et les ancres (#section) de chaque page, sans réseau.
Avec --external : les liens vers d'autres sites, un par un, poliment (au plus une requête par
site toutes les --delay secondes), avec un cache pour ne pas redemander ce qui a été vérifié
récemment. Les liens « morts » font échouer la commande, les « douteux » sont seulement signalés.
"""


def shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def parse_args(argv):
    parser = FrenchArgumentParser(prog="check_links.py", description=DESCRIPTION)
    parser.add_argument("--site", type=Path, default=ROOT / "site", metavar="DOSSIER",
                        help="le site construit (par défaut : site/)")
    parser.add_argument("--base-url", metavar="ADRESSE",
                        help="adresse ou chemin de publication du site, ex. /urps/ (par défaut : lue dans "
                             "la page d'accueil construite, sinon /)")
    parser.add_argument("--external", action="store_true",
                        help="vérifier les liens vers d'autres sites (demande le réseau)")
    parser.add_argument("--timeout", type=float, default=10, metavar="SECONDES",
                        help="attente maximale d'une réponse (par défaut : 10)")
    parser.add_argument("--delay", type=float, default=1, metavar="SECONDES",
                        help="intervalle minimal entre deux requêtes au même site (par défaut : 1)")
    parser.add_argument("--workers", type=int, default=4, metavar="N",
                        help="nombre de sites interrogés en parallèle (par défaut : 4)")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "liens-externes.json", metavar="FICHIER",
                        help="fichier cache des réponses (par défaut : .cache/liens-externes.json)")
    parser.add_argument("--cache-days", type=float, default=7, metavar="JOURS",
                        help="durée de validité d'une réponse en cache ; 0 pour tout revérifier (par défaut : 7)")
    parser.add_argument("--json", type=Path, metavar="FICHIER", help="écrire aussi le rapport dans ce fichier JSON")
    args = parser.parse_args(argv)
    if args.timeout <= 0 or args.delay < 0 or args.workers < 1:
        parser.error("--timeout doit être positif, --delay positif ou nul, --workers au moins 1")
    return args


def write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def internal(args, base_url: str) -> int:
    problems = site_checks.internal_link_problems(args.site, base_url)
    pages = len(list(args.site.rglob("*.html")))
    for problem in problems:
        print(f"{shown(args.site)}/{problem}")
    if args.json:
        write_json(args.json, {"mode": "interne", "adresse_de_base": base_url, "pages_lues": pages,
                               "problemes": problems})
    if problems:
        print(f"\n{len(problems)} lien{'s' if len(problems) > 1 else ''} interne{'s' if len(problems) > 1 else ''} "
              f"cassé{'s' if len(problems) > 1 else ''} dans {pages} pages (adresse de base : {base_url}). "
              "Corrigez le lien dans la page source (docs/…), puis reconstruisez le site avec « make build ».")
        return 1
    print(f"Liens internes : aucun problème dans {pages} pages (adresse de base : {base_url}).")
    return 0


def external(args, base_url: str) -> int:
    def progress(result, done, total):
        print(f"  [{done}/{total}] {result.category} {result.url}", file=sys.stderr, flush=True)

    def announce(addresses, cached):
        print(f"Vérification de {addresses} adresses externes, dont {cached} déjà vérifiées récemment (cache) ; "
              f"au plus une requête par site toutes les {external_links.seconds_fr(args.delay)}, "
              f"attente maximale {external_links.seconds_fr(args.timeout)}…",
              file=sys.stderr, flush=True)

    report = external_links.check_site(args.site, own_base=base_url, timeout=args.timeout, delay=args.delay,
                                       cache_path=args.cache, cache_days=args.cache_days, workers=args.workers,
                                       progress=progress, announce=announce)
    print(external_links.format_report(report))
    if args.json:
        write_json(args.json, report.to_json())
    return 1 if report.has_dead_links else 0


def main(argv=None) -> int:
    args = parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"check_links.py : erreur : pas de site construit dans {shown(args.site)}/ ; "
              "construisez-le d'abord avec « make build » (ou indiquez son dossier avec --site).", file=sys.stderr)
        return 2
    base_url = (external_links.normalise_base_url(args.base_url) if args.base_url
                else external_links.built_base_url(args.site))
    try:
        return external(args, base_url) if args.external else internal(args, base_url)
    except OSError as error:  # an unreadable page, an unwritable cache or report
        print(f"check_links.py : erreur : impossible de lire ou d'écrire {error.filename or 'un fichier'} "
              f"({error.strerror or error})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
