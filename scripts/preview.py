#!/usr/bin/env python3
"""Aperçu d'une proposition : `python scripts/preview.py [--base RÉF] [--proposition DOSSIER]`.

Thin command-line layer over soignants/tools/preview.py (the logic lives there). Exit status: 0 when
the preview was written, 1 when it could not be (unknown base, the site does not build...), 2 when
the command line itself is wrong.
"""

from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Montre ce que la proposition change pour le lecteur, page par page, dans un dossier de fichiers
HTML qui s'ouvrent depuis le disque, sans connexion et sans script.

Le site est construit deux fois, avant et avec la proposition, par le code de la version de
départ (la proposition n'apporte que ses dossiers docs/ et data/ ; son code n'est jamais
exécuté). Chaque page dont le texte change est montrée avec les mots ajoutés et retirés
marqués, et ses versions « avant » et « après » : pages nouvelles, modifiées, supprimées, et
touchées par les données (un numéro changé dans data/aide.yml change aussi la page d'aide,
l'annuaire, la carte et chaque fiche qui l'affiche). index.html les liste, les numéros d'aide
d'abord.

Par défaut, la proposition est votre copie de travail, y compris ce qui n'est pas encore
enregistré dans git : l'aperçu marche avant le commit."""

EPILOG = """\
Exemples :
  python scripts/preview.py                        # votre copie de travail, par rapport à origin/main
  python scripts/preview.py --base main
  python scripts/preview.py --base "$BASE" --proposition proposition --sortie apercu   # en CI
Puis ouvrez apercu/index.html dans votre navigateur."""


def parse_arguments(argv):
    parser = FrenchArgumentParser(prog="scripts/preview.py", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--base", metavar="RÉF", default="origin/main",
                        help="version de départ, une branche ou un commit de git (par défaut : origin/main)")
    parser.add_argument("--proposition", metavar="DOSSIER", type=Path,
                        help="dossier où lire les fichiers docs/ et data/ de la proposition "
                             "(par défaut : cette copie de travail)")
    parser.add_argument("--sortie", metavar="DOSSIER", type=Path, default=ROOT / "apercu",
                        help="dossier de l'aperçu, vidé puis rempli (par défaut : apercu/)")
    parser.add_argument("--resume", metavar="FICHIER", type=Path,
                        help="écrire aussi un résumé en Markdown (pour le résumé d'une tâche de CI)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    from soignants.tools.preview import PreviewError, make_preview, summary_markdown

    try:
        preview = make_preview(ROOT, arguments.base, arguments.proposition, arguments.sortie)
    except PreviewError as error:
        print(f"aperçu impossible : {error}", file=sys.stderr)
        return 1
    if arguments.resume:
        arguments.resume.write_text(summary_markdown(preview), encoding="utf-8")
    print(f"Comparaison : {preview.comparison.proposal}, avec {preview.comparison.base}.")
    for entry in preview.entries:
        print(f"  {entry.change.label:>24} : {entry.change.title} → {entry.file}")
    if not preview.entries:
        print("Aucune page ne change pour le lecteur.")
    print(f"Aperçu de {len(preview.entries)} page(s) : ouvrez {arguments.sortie / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
