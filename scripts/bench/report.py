"""The bench's tables, in French (the site's language), as Markdown: printed as they are on the
terminal and pasted into docs/a-propos/performances.md by `--docs`."""

from pathlib import Path
import re

from .stats import kb, show
from .weight import KINDS

BUDGET_FICHE_GZIP = 60 * 1024
BUDGET_SECOND_PAGE_GZIP = 30 * 1024
DOCS_START = "<!-- bench: debut -->"
DOCS_END = "<!-- bench: fin -->"
PAGE_LABELS = {"home": "Accueil", "part": "Partie (fiches/soignant/)", "fiche": "Une fiche",
               "testimony": "Un témoignage", "bibliography": "Bibliographie", "help": "Trouver de l'aide",
               "en_home": "Accueil anglais (en/)"}
KIND_LABELS = {"HTML": "HTML", "CSS": "CSS", "JS": "JS", "search rules": "règles de recherche",
               "search index": "index (Pagefind)", "worker": "worker",
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
        second = entry.get("second_page")
        rows.append([name, first["requests"], kb(first["raw"]), f"**{kb(first['gzip'])}**",
                     kb(first["without_search"]["gzip"])]
                    + [kb(first["by_kind"][k]["gzip"]) for k in KINDS]
                    + [f"+{after['requests']} / +{kb(after['gzip'])}",
                       f"**{kb(second['gzip'])}** ({second['requests']} req., dont {second.get('revalidated', 0)} × 304)"
                       if second else "non mesuré"])
    headers = ["Page", "Requêtes", "Ko brut", "Ko gzip", "dont page seule (gzip)"] \
        + [f"{KIND_LABELS[k]} (gzip)" for k in KINDS] + ["Recherche ouverte : requêtes / Ko gzip",
                                                         "En 2e page d'une visite (cache chaud) : Ko gzip"]
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
                     cell("ours", "ratio_to_floor", "×", 1), cell("material"), cell("ours", "ratio_to_material", "×", 2),
                     cell("properdocs"), cell("properdocs", "ratio_to_floor", "×", 1),
                     cell("zensical"), cell("zensical", "ratio_to_floor", "×", 2),
                     tools.get("ours", {}).get("warnings", "")])
    return table(["Corpus", "Essais", "Pages source", "Pages HTML (nous)", "Notre build", "s/page", "MkDocs nu (plancher)",
                  "Rapport au plancher", "MkDocs + Material nus", "Rapport à Material", "ProperDocs", "ProperDocs / plancher", "Pré-rendu + Zensical",
                  "Zensical / plancher", "Avertissements"], rows)


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


def engines_table(sizes: list[dict]) -> str:
    """The site's search (Pagefind behind Material's box): the first query, CPU throttled 4×."""
    rows = []
    for size in sizes:
        entry = size.get("engines")
        if not entry:
            continue
        if "error" in entry and "first_query" not in entry:
            rows.append([size["label"], entry["error"]] + [""] * 4)
            continue
        site = entry["first_query"].get("site") or {}
        index, pagefind = entry.get("index") or {}, entry.get("pagefind_build") or {}
        build = entry.get("site_build_seconds")
        rows.append([
            size["label"],
            show(site.get("gzip"), "Ko", 1, 1 / 1024),
            _ms(site.get("ms")),
            f"{kb(index.get('pagefind_bytes'))} Ko + {kb(index.get('rules_bytes'))} Ko" if index.get("pagefind_bytes") else "n/d",
            (f"{build:.1f} s" if build else "n/d") + (f" (dont Pagefind {pagefind['seconds']:.2f} s)" if "seconds" in pagefind else ""),
        ])
    return table(["Corpus", "1re requête : octets reçus (gzip)", "Résultats à l'écran, CPU ÷ 4",
                  "Index sur disque (Pagefind + règles et vocabulaire)", "Construction du site"], rows)


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


def _median(entry) -> float | None:
    return entry.get("median") if isinstance(entry, dict) else None


def weight_budget(results: dict) -> list[str]:
    fiche = (results.get("weight") or {}).get("fiche", {}).get("first_visit")
    if not fiche:
        return []
    total, page = fiche["gzip"], fiche["without_search"]["gzip"]
    verdict = "tenu" if total <= BUDGET_FICHE_GZIP else "dépassé"
    search = total - page
    how = (f"et {kb(search)} Ko pour la recherche (règles, moteur, index), chargés avant tout clic sur la recherche"
           if search >= 50 else "la recherche (règles, moteur, index) ne se charge qu'à l'ouverture de la recherche")
    lines = [f"- Budget « première visite d'une fiche ≤ 60 Ko gzip » : **{verdict}** — {kb(total)} Ko gzip en tout, "
             f"dont {kb(page)} Ko pour la page elle-même (HTML, CSS, JS, icône) ; {how}."]
    second = (results.get("weight") or {}).get("fiche", {}).get("second_page")
    if second:
        verdict = "tenu" if second["gzip"] <= BUDGET_SECOND_PAGE_GZIP else "dépassé"
        lines.append(f"- Budget « une fiche en 2e page d'une visite ≤ 30 Ko gzip » : **{verdict}** — "
                     f"{kb(second['gzip'])} Ko gzip ({second['requests']} requêtes, dont {second.get('revalidated', 0)} "
                     "fichiers inchangés, réponse 304 sans contenu).")
    return lines


LIGHTHOUSE_PAGES = {"home": "accueil", "fiche": "fiche"}
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_budget(results: dict) -> list[str]:
    pages = results.get("lighthouse") or {}
    shown, ok = [], True
    for key, name in LIGHTHOUSE_PAGES.items():
        scores = [_median((pages.get(key) or {}).get(category)) for category in LIGHTHOUSE_CATEGORIES]
        if None in scores:
            return []
        ok = ok and scores[0] >= 95 and all(score == 100 for score in scores[1:])
        shown.append(f"{name} {' / '.join(f'{score:.0f}' for score in scores)}")
    return [f"- Budget Lighthouse (téléphone : performance ≥ 95 ; accessibilité, bonnes pratiques, SEO à 100) : "
            f"**{'tenu' if ok else 'dépassé'}** — {', '.join(shown)} (médianes)."]


def build_budgets(sizes: list[dict]) -> list[str]:
    ratios, per_page, to_material = [], [], []
    for size in sizes:
        ours = ((size.get("build") or {}).get("tools") or {}).get("ours") or {}
        ratio, seconds = _median(ours.get("ratio_to_floor")), _median(ours.get("seconds_per_page"))
        if ratio is not None:
            ratios.append((size["label"], ratio))
        if _median(ours.get("ratio_to_material")) is not None:
            to_material.append((size["label"], _median(ours.get("ratio_to_material"))))
        if seconds is not None and size.get("generated"):
            per_page.append((size["label"], seconds))
    lines = []
    if ratios:
        verdict = "tenu" if all(r <= 1.5 for _, r in ratios) else "dépassé"
        lines.append(f"- Budget « secondes par page ≤ 1,5 × MkDocs nu, à chaque taille » : **{verdict}** — "
                     + ", ".join(f"{label} : {r:.2f} ×" for label, r in ratios) + ".")
    if to_material:
        verdict = "tenu" if all(r <= 1.5 for _, r in to_material) else "dépassé"
        lines.append(f"- Budget « construction ≤ 1,5 × MkDocs + Material nus, à chaque taille » : **{verdict}** — "
                     + ", ".join(f"{label} : {r:.2f} ×" for label, r in to_material) + ".")
    if len(per_page) >= 2:
        (first, a), (last, b) = per_page[0], per_page[-1]
        verdict = "tenu" if b <= 1.5 * a else "dépassé"
        lines.append(f"- Croissance presque linéaire (secondes par page de {first} à {last} fiches, au plus × 1,5) : "
                     f"**{verdict}** — {a:.3f} s puis {b:.3f} s par page ({b / a:.2f} ×).")
    return lines


def budgets(results: dict) -> list[str]:
    return weight_budget(results) + lighthouse_budget(results) + build_budgets(results.get("sizes", []))


def crisis_table(crisis: dict) -> str:
    """The reader in crisis on a phone (scripts/bench/crisis.py)."""
    if "card_ms" not in crisis:
        return f"Non mesuré : {crisis.get('error', '')}"
    first = crisis["first_results"]
    rows = [["Encadré de détresse affiché, en ligne (cache vide)", _ms(crisis["card_ms"]["online"])],
            ["Encadré de détresse affiché, hors connexion (depuis l'ouverture de la recherche)", _ms(crisis["card_ms"]["offline"])],
            [f"Premiers résultats (« {crisis['query']} » tapé dès l'ouverture)", _ms(first["ms"])],
            ["… depuis l'ouverture de la recherche", _ms(first["from_open_ms"])],
            ["Octets reçus avant les premiers résultats (Ko gzip / brut, requêtes)",
             f"{show(first['gzip'], 'Ko', 1, 1 / 1024)} / {show(first['raw'], 'Ko', 1, 1 / 1024)}, "
             f"{show(first['requests'], '', 0)}"]]
    lines = [table(["Mesure (téléphone, processeur ralenti 4 fois)", "Valeur"], rows), "",
             table(["Page (mode sombre, Slow 4G, processeur ÷ 4, cache vide)", "Luminance de la première image",
                    "Image la plus claire", "Images peintes", "CLS"],
                   [[PAGE_LABELS.get(label, label), show(entry["first_luminance"], digits=2),
                     show(entry["max_luminance"], digits=2), show(entry["frames"], digits=0), show(entry["cls"], digits=3)]
                    for label, entry in crisis["pages"].items()])]
    if crisis.get("errors"):
        lines += ["", "Échecs : " + " ; ".join(crisis["errors"])[:600]]
    return "\n".join(lines)


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
    if results.get("crisis"):
        parts += ["### Le lecteur en détresse, sur un téléphone", "",
                  "De la touche qui complète « je veux mourir » à l'encadré des numéros peint ; des premiers "
                  "résultats ; de la première image en mode sombre (luminance moyenne, 0 noir, 1 blanc ; une page "
                  "sombre est vers 0,05) et du décalage de mise en page (CLS) par type de page.", "",
                  crisis_table(results["crisis"]), ""]
    if sizes:
        parts += ["### Temps de construction", "", build_table(sizes), "",
                  "### Taille des pages quand le nombre de fiches augmente", "", page_growth_table(sizes, results.get("weight")), "",
                  "### Recherche", "", search_table(sizes), "",
                  "### La recherche du site, première requête", "",
                  "Du clic sur la recherche, la requête « épuisement » tapée aussitôt, jusqu'au premier "
                  "résultat à l'écran, processeur ralenti 4 fois (Chromium), cache vide ; octets reçus "
                  "pendant ce temps.", "",
                  engines_table(sizes), "",
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
