#!/usr/bin/env python3
"""Pré-rendu : python scripts/prerender.py DOSSIER [--config mkdocs.yml]

Writes a generator-ready copy of the French edition into DOSSIER (emptied first): DOSSIER/docs/ with
the markers expanded, DOSSIER/mkdocs.yml with the menu completed and no hook. Logic in
soignants/pipeline/prerender.py (the MkDocs hook runs the same code in memory).
"""

from pathlib import Path
import sys

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soignants.tools.relaunch import ensure_dependencies  # noqa: E402

ensure_dependencies()  # no activated .venv needed: starts again with the project's own

from soignants.render import feedback  # noqa: E402
from soignants.pipeline import build_notices, prerender  # noqa: E402
from soignants.pipeline.build_errors import ContentError, warnings_text  # noqa: E402
from soignants.tools.french_cli import FrenchArgumentParser  # noqa: E402

DESCRIPTION = """\
Écrit dans DOSSIER une copie de l'édition française prête pour un autre générateur : les pages avec
leurs marqueurs développés ([[aide:…]], [@…], listes, annuaire, questionnaires…), le menu
complété, les numéros du bandeau d'aide, les données ouvertes et le flux ; et un mkdocs.yml
sans crochet (hook) ni extension i18n. Le dossier est vidé d'abord.
exemples :
  python scripts/prerender.py /tmp/pre-rendu
  make prerender                      (dans prerendu/)
  .cache/zensical-venv/bin/zensical build -f /tmp/pre-rendu/mkdocs.yml"""


def main(argv=None) -> int:
    parser = FrenchArgumentParser(prog="scripts/prerender.py", description=DESCRIPTION)
    parser.add_argument("dossier", metavar="DOSSIER", help="dossier de sortie (vidé d'abord)")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="fichier de configuration (mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        summary = prerender.write(args.dossier, args.config)
    except ContentError as error:
        print(error.code, file=sys.stderr)
        return 1
    except (prerender.PrerenderError, feedback.SettingError) as error:
        print(f"prerender.py : {error}", file=sys.stderr)
        return 1
    if summary["warnings"]:
        print(warnings_text(summary["warnings"]), file=sys.stderr)
    if summary["notices"]:
        print(build_notices.once(summary["notices"]), file=sys.stderr)
    print(f"{summary['pages']} pages pré-rendues (édition {summary['lang']}) dans {summary['out_dir']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
