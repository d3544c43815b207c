"""The bench's tables, in French (the site's language), as Markdown: printed as they are on the
terminal and pasted into docs/a-propos/performances.md by `--docs`."""

from pathlib import Path
import re

from .stats import kb, show
from .weight import KINDS

BUDGET_FICHE_GZIP = 80 * 1024
DOCS_START = "<!-- bench: debut -->"
DOCS_END = "<!-- bench: fin -->"
PAGE_LABELS = {"home": "Accueil", "part": "Partie (fiches/soignant/)", "fiche": "Une fiche",
               "testimony": "Un témoignage", "bibliography": "Bibliographie", "help": "Trouver de l'aide",
               "en_home": "Accueil anglais (en/)"}
KIND_LABELS = {"HTML": "HTML", "CSS": "CSS", "JS": "JS", "search index": "index", "worker": "worker",
               "lunr languages": "lunr fr", "other": "autres"}


def table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _ms(summary) -> str:
    return show(summary, "ms", digits=0)


def weight_table(weight: dict) -> str:
    rows = []
    for label, entry in weight.items():
        name = PAGE_LABELS.get(label, label)
        if "error" in entry:
            rows.append([name, entry["error"]] + [""] * (len(KINDS) + 3))
            continue
        first, after = entry["first_visit"], entry["search_opened"]
        rows.append([name, first["requests"], kb(first["raw"]), f"**{kb(first['gzip'])}**",
                     kb(first["without_search"]["gzip"])]
                    + [kb(first["by_kind"][k]["gzip"]) for k in KINDS]
                    + [f"+{after['requests']} / +{kb(after['gzip'])}"])
    headers = ["Page", "Requêtes", "Ko brut", "Ko gzip", "dont page seule (gzip)"] \
        + [f"{KIND_LABELS[k]} (gzip)" for k in KINDS] + ["Recherche ouverte : requêtes / Ko gzip"]
    return table(headers, rows)


def lighthouse_table(lighthouse: dict) -> str:
    if "error" in lighthouse:
        return f"Lighthouse n'a pas pu tourner : {lighthouse['error']}"
    rows = []
    for label, entry in lighthouse.items():
        if not entry.get("performance"):
            rows.append([PAGE_LABELS.get(label, label), "échec : " + "; ".join(entry.get("errors", []))[:200]]
                        + [""] * 7)
            continue
        rows.append([PAGE_LABELS.get(label, label)]
                    + [show(entry[c], digits=0) for c in ("performance", "accessibility", "best-practices", "seo")]
                    + [_ms(entry["LCP_ms"]), _ms(entry["TBT_ms"]), show(entry["CLS"], digits=3),
                       show(entry["benchmark_index"], digits=0)])
    return table(["Page", "Performance", "Accessibilité", "Bonnes pratiques", "SEO", "LCP", "TBT", "CLS",
                  "Indice machine"], rows)


def build_table(sizes: list[dict]) -> str:
    rows = []
    for size in sizes:
        build = size.get("build")
        if not build:
            continue
        tools = build["tools"]

        def cell(tool, key="seconds", unit="s", digits=1):
            entry = tools.get(tool, {})
            if entry.get("error"):
                return "n/d"
            if entry.get("timeout_seconds") and not entry.get("seconds"):
                return f"> {entry['timeout_seconds']:.0f} s (arrêté)" if key == "seconds" else "—"
            return show(entry.get(key), unit, digits) + (f" ⚠ {entry['failed_runs']} échec(s)" if entry.get("failed_runs") else "")

        finished = bool((tools.get("ours") or {}).get("seconds"))
        rows.append([size["label"], build.get("runs", ""), build["source_pages"],
                     build.get("html_files_ours", "") if finished else "—",
                     cell("ours"), cell("ours", "seconds_per_page", "s", 3), cell("floor"),
                     cell("ours", "ratio_to_floor", "×", 1), cell("zensical"), cell("zensical", "ratio_to_floor", "×", 2),
                     tools.get("ours", {}).get("warnings", "")])
    return table(["Corpus", "Essais", "Pages source", "Pages HTML (nous)", "Notre build", "s/page", "MkDocs nu (plancher)",
                  "Rapport au plancher", "Zensical (info)", "Zensical / plancher", "Avertissements"], rows)


def page_growth_table(sizes: list[dict], results_weight: dict | None = None) -> str:
    rows = []
    for size in sizes:
        html = size.get("html") or {}
        cells = []
        for key in ("fiche", "part"):
            entry = html.get(key)
            cells.append(f"{kb(entry['raw'])} / {kb(entry['gzip'])}" if entry else "n/d")
        weight = size.get("fiche_weight") or ((results_weight or {}).get("fiche", {}) if not size.get("generated") else {})
        first = weight.get("first_visit")
        cells.append(f"{kb(first['gzip'])} ({kb(first['without_search']['gzip'])} sans la recherche)" if first else "n/d")
        rows.append([size["label"], *cells])
    return table(["Corpus", "HTML d'une fiche (Ko brut / gzip)", "HTML de la page de partie", "Première visite d'une fiche (Ko gzip)"], rows)


def search_table(sizes: list[dict]) -> str:
    rows = []
    for size in sizes:
        index, search = size.get("index") or {}, size.get("search") or {}
        if not index or "error" in index:
            continue
        rows.append([size["label"], f"{index['docs']} ({index['docs_fr']} fr / {index['docs_en']} en)",
                     kb(index["raw"]), kb(index["gzip"]), _ms(search.get("index_build_ms")),
                     _ms(search.get("ready_after_navigation_ms")), _ms(search.get("query_worker_ms")),
                     _ms(search.get("query_shown_ms"))])
    return table(["Corpus", "Documents indexés", "Index Ko brut", "Index Ko gzip", "Construction de l'index",
                  "Recherche prête après l'ouverture de la page", "Requête (réponse du worker)",
                  "Requête (résultats affichés)"], rows)


def checks_table(sizes: list[dict]) -> str:
    rows = []
    for size in sizes:
        checks = size.get("checks") or {}
        rebuild = size.get("rebuild") or {}

        def cell(entry):
            if not entry:
                return "non mesuré"
            if entry.get("error") and not entry.get("seconds"):
                return entry["error"]
            text = show(entry.get("seconds"), "s", 2)
            if entry.get("last_line"):
                text += f" — « {entry['last_line'][:80]} »"
            return text

        rebuild_cell = (rebuild.get("skipped") or rebuild.get("error") or show(rebuild.get("seconds"), "s", 1)) \
            if rebuild else "non mesuré"
        rows.append([size["label"], cell(checks.get("lint")), cell(checks.get("links")), rebuild_cell or "non mesuré"])
    return table(["Corpus", "Contrôle du contenu (scripts/lint.py)", "Contrôle des liens (scripts/check_links.py)",
                  "Reconstruction sous mkdocs serve (1 fiche modifiée)"], rows)


def budgets(results: dict) -> list[str]:
    lines = []
    fiche = (results.get("weight") or {}).get("fiche", {}).get("first_visit")
    if fiche:
        total, page = fiche["gzip"], fiche["without_search"]["gzip"]
        verdict = "tenu" if total <= BUDGET_FICHE_GZIP else "dépassé"
        lines.append(
            f"- Budget « première visite d'une fiche ≤ 80 Ko gzip » : **{verdict}** — {kb(total)} Ko gzip en tout, "
            f"dont {kb(page)} Ko pour la page elle-même (HTML, CSS, JS, icône) et "
            f"{kb(total - page)} Ko pour la recherche (index, worker, langues lunr), que Material charge dès "
            "l'ouverture de la page, avant tout clic sur la recherche.")
    return lines


def markdown(results: dict) -> str:
    meta = results.get("meta", {})
    sizes = results.get("sizes", [])
    commands = meta.get("commands") or [meta.get("command", "python scripts/bench.py")]
    dates = meta.get("dates") or [meta.get("date", "?")]
    machines = meta.get("machines") or [meta.get("machine", "")]
    parts = ["Mesuré avec :", ""]
    parts += [f"- `{c}` le {d} ({m})" for c, d, m in zip(commands, dates, machines)]
    parts += ["", "Chaque case donne la médiane des essais et, entre parenthèses, le minimum et le maximum "
              "(nombre d'essais par taille : colonne « Essais »).", ""]
    parts += budgets(results) + [""]
    if results.get("weight"):
        parts += ["### Poids des pages (contenu réel, Chromium, cache vide)", "", weight_table(results["weight"]), ""]
    if results.get("lighthouse"):
        parts += ["### Lighthouse (téléphone, contenu réel)", "", lighthouse_table(results["lighthouse"]), ""]
    if sizes:
        parts += ["### Temps de construction", "", build_table(sizes), "",
                  "### Taille des pages quand le nombre de fiches augmente", "", page_growth_table(sizes, results.get("weight")), "",
                  "### Recherche", "", search_table(sizes), "",
                  "### Contrôles et reconstruction", "", checks_table(sizes), ""]
    return "\n".join(parts)


def update_docs(page: Path, text: str) -> bool:
    """Replace the block between the bench markers of the docs page; False if they are missing."""
    content = page.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(DOCS_START) + ".*?" + re.escape(DOCS_END), re.DOTALL)
    if not pattern.search(content):
        return False
    page.write_text(pattern.sub(lambda _: f"{DOCS_START}\n\n{text.strip()}\n\n{DOCS_END}", content), encoding="utf-8")
    return True
