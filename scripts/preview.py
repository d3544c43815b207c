#!/usr/bin/env python3
"""Aperçu d'une proposition : `python scripts/preview.py [--base RÉF | --toutes | FICHIER ...]`.

Thin command-line layer over soignants/tools/preview.py (the logic lives there). Exit status: 0 when
the preview was written, 1 when it could not be (the site does not build...), 2 when the command
line itself is wrong.
"""

from pathlib import Path
import sys
import tempfile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Construit le site et écrit, dans un dossier, les pages que la proposition modifie, chacune en un
fichier HTML qui s'ouvre depuis le disque, sans connexion et sans script : marqueurs rendus
(numéros d'aide, citations), encadrés, pied de page, styles copiés à côté, images incluses.
Le fichier index.html du dossier les liste.

Les pages retenues : celles que « git diff » montre entre --base et la version courante ; toutes
les fiches et tous les témoignages si la proposition touche data/, overrides/, soignants/,
ou mkdocs.yml, si git ne peut pas comparer, ou avec --toutes ; ou les FICHIERS donnés."""

EPILOG = """\
Exemples :
  python scripts/preview.py                       # par rapport à origin/main
  python scripts/preview.py --base main
  python scripts/preview.py docs/fiches/soignant/plainte-patient.md
  python scripts/preview.py --toutes --sortie /tmp/apercu
Puis ouvrez apercu/index.html dans votre navigateur."""


def parse_arguments(argv):
    parser = FrenchArgumentParser(prog="scripts/preview.py", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("files", nargs="*", metavar="FICHIER",
                        help="page de docs/ à prévisualiser (par défaut : celles que la proposition modifie)")
    parser.add_argument("--base", metavar="RÉF", default="origin/main",
                        help="version de départ de la proposition (par défaut : origin/main)")
    parser.add_argument("--toutes", action="store_true",
                        help="prévisualiser toutes les fiches et tous les témoignages")
    parser.add_argument("--site", metavar="DOSSIER", type=Path,
                        help="site déjà construit à utiliser (par défaut : construit pour l'occasion)")
    parser.add_argument("--sortie", metavar="DOSSIER", type=Path, default=ROOT / "apercu",
                        help="dossier de l'aperçu, vidé puis rempli (par défaut : apercu/)")
    parser.add_argument("--resume", metavar="FICHIER", type=Path,
                        help="écrire aussi un résumé en Markdown (pour le résumé d'une tâche de CI)")
    arguments = parser.parse_args(argv)
    if arguments.files and arguments.toutes:
        parser.error("donnez des FICHIERS ou --toutes, pas les deux")
    return arguments


def main(argv=None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    from soignants.tools.preview import PreviewError, build_site, select_pages, summary_markdown, write_preview

    try:
        selection = select_pages(ROOT, arguments.base, arguments.toutes, arguments.files)
        with tempfile.TemporaryDirectory(prefix="apercu-site-") as scratch:
            site_dir = arguments.site
            if site_dir is None:
                site_dir = Path(scratch) / "site"
                print("Construction du site…")
                build_site(ROOT, site_dir)
            elif not (site_dir / "index.html").is_file():
                raise PreviewError(f"« {site_dir} » n'est pas un site construit (pas de index.html)")
            entries = write_preview(ROOT, site_dir, selection, arguments.sortie)
    except PreviewError as error:
        print(f"aperçu impossible : {error}", file=sys.stderr)
        return 1
    if arguments.resume:
        arguments.resume.write_text(summary_markdown(entries, selection), encoding="utf-8")
    print(f"Pages retenues : {selection.reason}.")
    for entry in entries:
        print(f"  {entry.source} → {entry.file}")
    print(f"Aperçu de {len(entries)} page(s) : ouvrez {arguments.sortie / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
