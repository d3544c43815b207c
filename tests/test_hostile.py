"""The hostile-input corpus (tests/hostile_corpus.py), tried as an attacker would.

1. The content check: each case that it must refuse gives a French `file:line` error with its code.
2. The build: a copy of the site where every page body, every free-text field of every schema and
   every data file holds a payload is built, served under a sub-path and opened in
   Chromium, page by page: no dialog, no request off 127.0.0.1, no event attribute or script
   address anywhere in the page, no Content-Security-Policy violation; the search too.
3. Resource exhaustion: the check and the build refuse, in French and without a traceback, an
   alias bomb, a file of 400 KB, a list nested 200 levels; the check finishes on 100 KB
   adversarial lines (a hang detector with a generous limit, not a timing assertion).
"""

from __future__ import annotations

from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
import copy
import os
import re
import shutil
import subprocess
import sys
import threading

import pytest
import yaml

from browser_support import Journal, QuietHandler, csp_violations, context_options, free_port, is_local
from hostile_corpus import (BODY, FIELD_PAYLOAD, PERSONAL, ROOT, URL_PAYLOAD, Case, schema, text_fields)
from hostile_corpus import CONTRIBUTED_FILES, MACHINERY, PREMIUM
from soignants.lint.project import Project
from soignants.lint.runner import run

COPIED = ("docs", "data", "overrides", "soignants", "mkdocs.yml")
BASE_FICHE = "docs/fiches/soignant/addictions.md"
FICHE_WITH_DEADLINES = "docs/fiches/cabinet/relations-caisse.md"
BASE_TESTIMONY = "docs/temoignages/ne-pas-savoir-dire-non.md"
HELP_ENTRY = "sps"          # in the help strip: on every page
REFERENCE = "Wu2000"        # cited by a fiche: on its page and a bibliography page
SUBPATH = "urps"
MARK = "XSSMARK"


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, destination / name)
    return destination


def split_page(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def write_page(path: Path, meta: dict, body: str) -> None:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def set_path(data, path: tuple, value) -> bool:
    """Set a value at a schema path (0 for « the first item »); False when the data has none."""
    target = data
    for step in path[:-1]:
        if isinstance(step, int):
            if not isinstance(target, list) or not target:
                return False
            target = target[step]
        else:
            if not isinstance(target, dict):
                return False
            target = target.setdefault(step, [] if isinstance(path[path.index(step) + 1], int) else {})
    last = path[-1]
    if isinstance(last, int):
        if not isinstance(target, list):
            return False
        if target:
            target[0] = value
        else:
            target.append(value)
    else:
        target[last] = value
    return True


# --- the cases ----------------------------------------------------------------------------------

def body_cases() -> list[Case]:
    return [Case(f"corps-{ident}", "body", payload, code) for ident, payload, code in BODY]


def field_cases() -> list[Case]:
    cases = []
    for name in ("fiche", "temoignage", "aide", "bibliographie", "questionnaire", "departements"):
        for path in text_fields(schema(name)):
            if name == "bibliographie" and path[:1] == ("themes",) or path[-1:] == ("region",) \
                    or (name == "departements" and path[:1] == ("regions",)) \
                    or (name == "aide" and "regions" in path) or path[-2:] == ("themes", 0):
                continue  # identifiers that other data refer to: changing them is a broken reference
            cases.append(Case(f"champ-{name}-{'.'.join(map(str, path))}", name, FIELD_PAYLOAD, None, path))
    # Fields with a pattern that a hostile value can still match: escaped where they land.
    cases += [
        Case("champ-aide-email-motif", "aide", f'x"><img/src=x/onerror=alert(1)>{MARK}@evil.fr', None, ("email",)),
        Case("champ-aide-source.url-motif", "aide", f'https://evil.example/" onmouseover="alert(\'{MARK}\')',
             None, ("source", "url")),
        Case("champ-bibliographie-URL-motif", "bibliographie",
             f'https://evil.example/" onmouseover="alert(\'{MARK}\')', None, ("URL",)),
    ]
    return cases


# Values a schema refuses: the content check says so, the build never sees them.
PATTERN_CASES = [
    Case("motif-aide-telephone", "aide", f"<b>{MARK}</b>", "champ-invalide", ("telephone",)),
    Case("motif-aide-url", "aide", URL_PAYLOAD, "champ-invalide", ("source", "url")),
    Case("motif-bibliographie-url", "bibliographie", URL_PAYLOAD, "champ-invalide", ("URL",)),
    Case("motif-bibliographie-doi", "bibliographie", f"<script>{MARK}</script>", "champ-invalide", ("DOI",)),
]

CONFIG_CASES = [
    Case("config-extra-javascript", "config", "extra_javascript:\n  - https://cdn.example.org/x.js\n",
         "configuration-refusee"),
    Case("config-extra-css", "config", "extra_css:\n  - //cdn.example.org/x.css\n", "configuration-refusee"),
    Case("config-font", "config", "theme:\n  name: material\n  font:\n    text: Roboto\n", "configuration-refusee"),
    Case("config-analytics", "config", "extra:\n  analytics:\n    provider: google\n    property: G-XSSMARK\n",
         "configuration-refusee"),
    Case("config-repo-url", "config", "repo_url: https://github.com/exemple/depot\n", "configuration-refusee"),
    Case("config-plugin", "config", "plugins:\n  - search\n  - macros\n", "configuration-refusee"),
    Case("config-hook", "config", "hooks:\n  - overrides/hooks/site.py\n  - scripts/x.py\n", "configuration-refusee"),
]

PERSONAL_CASES = [Case(f"personnel-{ident}", "personal", text, "donnee-personnelle") for ident, text in PERSONAL]

ALIAS_BOMB = ('a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n'
              'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n'
              'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n')
EXHAUSTION_CASES = [
    Case("epuisement-alias-fiche", "front", ALIAS_BOMB, "yaml-invalide"),
    Case("epuisement-imbrication-yaml", "front", "tags: " + "[" * 40 + "x" + "]" * 40 + "\n", "yaml-invalide"),
    Case("epuisement-liste-200-niveaux", "body", "\n".join("  " * i + f"- {MARK} {i}" for i in range(200)),
         "imbrication-profonde"),
    Case("epuisement-citation-200-niveaux", "body", ">" * 200 + f" {MARK}", "imbrication-profonde"),
    Case("epuisement-fichier-400-ko", "body", (f"{MARK} texte de remplissage. " * 16) + "\n\n" * 1 + 
         ("Paragraphe de remplissage sans fin utile. " * 20 + "\n\n") * 500, "fichier-trop-gros"),
    Case("epuisement-alias-donnees", "aide-raw", "", "yaml-invalide"),
]
ADVERSARIAL_LINES = ["{" * 100_000, "<a " * 33_000, "[" * 100_000, "](" * 50_000, "<!--" * 25_000,
                     "0 " * 50_000, "a@" * 50_000, "&#" * 50_000, "1 rue " * 16_000, "Dr " * 33_000,
                     "`" * 100_000, "*" * 100_000, "<" * 100_000, "\\" * 100_000, "![](" * 25_000,
                     "{: " * 33_000, "<b " * 33_000 + "x=" * 1000, "06 " * 33_000, "+33" * 33_000]


def machinery_cases() -> list[Case]:
    """Issue 20, part A: calls, look-alike help, DOM clobbering, the search's attributes (page bodies)."""
    return [Case(f"corps-{ident}", "body", payload, code) for ident, payload, code, _ in MACHINERY]


def all_cases() -> list[Case]:
    return (body_cases() + field_cases() + PATTERN_CASES + CONFIG_CASES + PERSONAL_CASES + EXHAUSTION_CASES
            + machinery_cases())


def test_the_corpus_is_large_and_covers_every_kind():
    cases = all_cases()
    kinds = {c.kind for c in cases}
    assert len(cases) >= 60, len(cases)
    assert {"body", "fiche", "temoignage", "aide", "bibliographie", "questionnaire", "departements", "config",
            "personal", "front"} <= kinds
    # Every free-text field of every schema is attacked (the fields come from the schemas).
    for name in ("fiche", "temoignage", "aide", "bibliographie", "questionnaire"):
        assert any(c.kind == name for c in cases), name


# --- 1. the content check -------------------------------------------------------------------

@pytest.fixture(scope="module")
def lint_root(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("lint") / "projet")


def _fiche_with_body(root: Path, name: str, addition: str) -> tuple[Path, int]:
    text = (ROOT / BASE_FICHE).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = text.count("\n") + 1
    path = root / "docs" / "fiches" / "soignant" / f"{name}.md"
    path.write_text(text + addition + "\n", encoding="utf-8")
    return path, line


def _refused(root: Path, path: Path, code: str, lines: range | None = None):
    problems = run(Project.at(root), [path]).problems
    found = [p for p in problems if p.code == code and p.severity == "erreur"]
    assert found, f"{code} attendu pour {path.name} :\n" + "\n".join(p.format() for p in problems)
    if lines is not None:
        assert any(p.line in lines for p in found), (list(lines)[:3], [p.format() for p in found])
    shown = found[0].format()
    assert re.match(r"^[^:]+:\d+: ", shown) and "Traceback" not in shown
    return found


LINT_CASES = [c for c in all_cases() if c.code]


@pytest.mark.parametrize("case", LINT_CASES, ids=[c.ident for c in LINT_CASES])
def test_the_content_check_refuses(lint_root, case):
    root = lint_root
    if case.kind == "body":
        path, line = _fiche_with_body(root, case.ident, case.payload)
        # The line of the payload (or of the part of it that is refused); a file too big is the file.
        _refused(root, path, case.code, None if case.code == "fichier-trop-gros" else
                 range(line, line + case.payload.count("\n") + 1))
    elif case.kind == "personal":
        text = (ROOT / BASE_TESTIMONY).read_text(encoding="utf-8").rstrip("\n") + "\n\n"
        path = root / "docs" / "temoignages" / f"{case.ident}.md"
        path.write_text(text + case.payload + "\n", encoding="utf-8")
        _refused(root, path, case.code, range(text.count("\n") + 1, text.count("\n") + 2))
    elif case.kind == "front":
        meta, body = split_page((ROOT / BASE_FICHE).read_text(encoding="utf-8"))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        path = root / "docs" / "fiches" / "soignant" / f"{case.ident}.md"
        path.write_text(f"---\n{front}{case.payload}---\n{body}", encoding="utf-8")
        _refused(root, path, case.code, range(front.count("\n") + 2, front.count("\n") + 2 + case.payload.count("\n")))
    elif case.kind == "config":
        config = root / "mkdocs.yml"
        original = config.read_text(encoding="utf-8")
        try:
            config.write_text(original + "\n" + case.payload, encoding="utf-8")
            _refused(root, config, case.code)
        finally:
            config.write_text(original, encoding="utf-8")
    elif case.kind == "aide-raw":
        path = root / "data" / "aide.yml"
        original = path.read_text(encoding="utf-8")
        try:
            path.write_text(original.replace('  - id: "3114"', '  - &contact\n    id: "3114"', 1), encoding="utf-8")
            _refused(root, path, case.code)
        finally:
            path.write_text(original, encoding="utf-8")
    else:  # a data file's field with a value its schema refuses
        path = _data_file(root, case.kind)
        original = path.read_text(encoding="utf-8")
        try:
            _inject_data(root, case)
            _refused(root, path, case.code)
        finally:
            path.write_text(original, encoding="utf-8")


def test_the_content_check_finishes_on_adversarial_lines(tmp_path):
    """Each rule on 100 KB lines built to make a pattern backtrack. The limit only catches a hang
    (a super-linear pattern takes minutes there); the check's speed is measured in scripts/bench."""
    root = copy_project(tmp_path / "projet")
    body = "\n\n".join(ADVERSARIAL_LINES)
    path, _ = _fiche_with_body(root, "lignes-adverses", body)
    testimony = root / "docs" / "temoignages" / "lignes-adverses.md"
    testimony.write_text((ROOT / BASE_TESTIMONY).read_text(encoding="utf-8") + "\n" + body + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "lint.py"), "--racine", str(root),
                             str(path), str(testimony)], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode in (0, 1), result.stderr


# --- data files -----------------------------------------------------------------------------

def _data_file(root: Path, kind: str) -> Path:
    return {"aide": root / "data" / "aide.yml", "bibliographie": root / "data" / "bibliographie.yml",
            "questionnaire": root / "data" / "questionnaires" / "phq-9.yml",
            "departements": root / "data" / "departements.yml"}[kind]


def _target(data: dict, kind: str):
    if kind == "aide":
        return next(s for s in data["structures"] if s["id"] == HELP_ENTRY)
    if kind == "bibliographie":
        return next(r for r in data["references"] if r["id"] == REFERENCE)
    return data


def _inject_data(root: Path, *cases: Case) -> None:
    by_file: dict[Path, list[Case]] = {}
    for case in cases:
        by_file.setdefault(_data_file(root, case.kind), []).append(case)
    for path, file_cases in by_file.items():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in file_cases:
            target = _target(data, case.kind)
            # A schema path inside the list of structures or references points at the chosen entry.
            field_path = case.path[2:] if case.path[:2] in (("structures", 0), ("references", 0)) else case.path
            set_path(target, field_path, case.payload)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


# --- 2. the build, in Chromium ----------------------------------------------------------------

def _inject_pages(root: Path, cases: list[Case]) -> None:
    for case in cases:
        if case.kind == "body":
            _fiche_with_body(root, case.ident, f"Cas {case.ident} : {MARK}\n\n{case.payload}")
    for kind, base in (("fiche", BASE_FICHE), ("temoignage", BASE_TESTIMONY)):
        meta, body = split_page((ROOT / base).read_text(encoding="utf-8"))
        meta = copy.deepcopy(meta)
        if kind == "fiche":  # a deadline to attack, field by field (its box and « Tous les délais »)
            meta.setdefault("delais", copy.deepcopy(split_page((ROOT / FICHE_WITH_DEADLINES).read_text(
                encoding="utf-8"))[0]["delais"][:1]))
        for case in (c for c in cases if c.kind == kind):
            if case.path == ("audio", "transcription"):
                meta["audio"] = {"fichier": "x.mp3", "transcription": case.payload}
            else:
                set_path(meta, case.path, case.payload)
        name = "champs-hostiles"
        folder = root / ("docs/fiches/soignant" if kind == "fiche" else "docs/temoignages")
        write_page(folder / f"{name}.md", meta, body)


BUILD_CASES = [c for c in all_cases() if c.code is None or (c.kind == "body" and c.code in
                                                              ("html-dangereux", "ressource-externe",
                                                               "html-reserve", "appel-hors-marqueur"))]
# The transcript's address is checked by the build itself (a MarkerError in French): not built.
BUILD_CASES = [c for c in BUILD_CASES if c.path != ("audio", "transcription")]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile") / "projet")
    _inject_pages(root, BUILD_CASES)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("\nstrict: true\n", "\nstrict: false\n"), encoding="utf-8")
    _inject_data(root, *[c for c in BUILD_CASES if c.kind in ("aide", "bibliographie", "questionnaire", "departements")])
    port = free_port()
    host = root.parent / "host"
    env = dict(os.environ, SITE_URL=f"http://127.0.0.1:{port}/{SUBPATH}/", NO_MKDOCS_2_WARNING="1")
    # Not strict: some payloads are also broken links, which a strict build refuses; the point here
    # is what a reader would get from content that got past every check (a real build refuses it
    # first, with the content check's lines: tests/build_without_content_check.py stubs that out).
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "build_without_content_check.py"), "build",
                             "--site-dir", str(host / SUBPATH)],
                            cwd=root, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(QuietHandler, directory=str(host)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield host / SUBPATH, f"http://127.0.0.1:{port}/{SUBPATH}/"
    server.shutdown()
    server.server_close()


# Anything in the page that would run or load: event attributes, script addresses, and elements
# that only the theme may write (none may come from content).
DOM_PROBLEMS = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
      if (/^(href|src|action|formaction|xlink:href|poster|data|srcset|ping)$/i.test(a.name)
          && /^\\s*(javascript|vbscript|data:text\\/html)/i.test(a.value)) bad.push(`${el.tagName} ${a.name}=${a.value}`);
      // A link may lead to another site (the reader chooses to go); nothing may load from one.
      if (/^(src|action|formaction|poster|data|srcset|ping)$/i.test(a.name) && /evil\\.example/i.test(a.value))
        bad.push(`${el.tagName} ${a.name}=${a.value}`);
    }
  }
  for (const el of document.querySelectorAll('article style, article iframe, article object, article embed, '
      + 'article base, article meta, article svg, article math, article video, article form:not([method=dialog])'))
    bad.push(`<${el.tagName.toLowerCase()}> dans le contenu`);
  // The page's own scripts and style sheet (added by our code after sanitising) and nothing else.
  const own = /\\/assets\\/(javascripts|stylesheets)\\/[a-z-]+\\.(js|css)$/;
  for (const el of document.querySelectorAll('article script, article link')) {
    const address = el.src || el.href || '';
    const data = el.tagName === 'SCRIPT' && el.type === 'application/json' && !el.src;
    if (!data && !(new URL(address, location.href).host === location.host && own.test(address)))
      bad.push(`<${el.tagName.toLowerCase()}> dans le contenu : ${address || el.textContent.slice(0, 60)}`);
  }
  return bad;
}"""


def _visit(context, url: str, action=None) -> list[str]:
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    from browser_support import CSP_RECORDER
    journal = Journal().attach(page)
    page.add_init_script(CSP_RECORDER)
    try:
        page.goto(url)
        if action:
            action(page)
        page.wait_for_load_state("networkidle")
        problems = [f"boîte de dialogue : {m}" for m in dialogs]
        problems += [f"requête vers un autre hôte : {u}" for u in journal.other_hosts()]
        problems += page.evaluate(DOM_PROBLEMS)
        problems += csp_violations(page)
    finally:
        page.close()
    return problems


def test_every_page_a_payload_reached_is_harmless(hostile_site, browser):
    site_dir, site_url = hostile_site
    reached = sorted(p for p in site_dir.rglob("*.html") if MARK in p.read_text(encoding="utf-8"))
    # Every payload reached the site (the corpus is not tested on an empty page).
    assert len(reached) >= len([c for c in BUILD_CASES if c.kind == "body"]), reached
    context = browser.new_context(**context_options("desktop"))
    report = {}
    try:
        for html_file in reached:
            path = html_file.relative_to(site_dir).as_posix().removesuffix("index.html")
            problems = _visit(context, site_url + path)
            if problems:
                report[path] = problems
    finally:
        context.close()
    assert not report, "\n".join(f"{path} :\n  " + "\n  ".join(p) for path, p in report.items())


def test_the_hostile_titles_are_harmless_in_search_results(hostile_site, browser):
    _, site_url = hostile_site

    def search(page):
        page.locator(".md-search__input").click()
        page.wait_for_function("() => document.getElementById('__search').checked")
        page.keyboard.type("addictions")
        page.wait_for_selector(".md-search-result__item", timeout=30_000)

    context = browser.new_context(**context_options("desktop"))
    try:
        assert _visit(context, site_url, search) == []
    finally:
        context.close()


def test_no_payload_is_left_as_markup_in_any_built_page(hostile_site):
    """Beyond the pages opened in Chromium: no built file holds a payload as markup (parsed as a
    browser would: an escaped « onerror= » inside a text or an attribute value is only text)."""
    from bs4 import BeautifulSoup
    site_dir, _ = hostile_site
    found = []
    for html_file in site_dir.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        if MARK not in text:
            continue
        soup = BeautifulSoup(text, "html.parser")
        for element in soup.find_all(True):
            events = [name for name in element.attrs if name.lower().startswith("on")]
            scripted = [name for name, value in element.attrs.items() if isinstance(value, str)
                        and re.match(r"\s*(javascript|vbscript):", value, re.IGNORECASE)]
            runs = element.name == "script" and element.get("type") != "application/json" and MARK in element.get_text()
            loads = element.name in ("iframe", "object", "embed", "base")
            if events or scripted or runs or loads:
                found.append(f"{html_file.relative_to(site_dir).as_posix()} : <{element.name}> {events or scripted}")
    assert not found, "\n".join(found)


def test_the_open_data_csv_has_no_formula(hostile_site):
    site_dir, _ = hostile_site
    import csv
    with open(site_dir / "donnees" / "aide.csv", encoding="utf-8") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


# --- 3. the build refuses what would exhaust it ----------------------------------------------

@pytest.mark.parametrize("case", [c for c in EXHAUSTION_CASES if c.kind in ("front", "body")],
                         ids=lambda c: c.ident)
def test_the_build_refuses_in_french_without_a_traceback(tmp_path, case):
    root = copy_project(tmp_path / "projet")
    if case.kind == "body":
        path, _ = _fiche_with_body(root, case.ident, case.payload)
    else:
        meta, body = split_page((ROOT / BASE_FICHE).read_text(encoding="utf-8"))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        path = root / "docs" / "fiches" / "soignant" / f"{case.ident}.md"
        path.write_text(f"---\n{front}{case.payload}---\n{body}", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True,
                            timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    assert f"{case.ident}.md" in output, output[-3000:]


# --- issue 20 B: page kinds, mkdocs.yml, bounded work, distress data -------------------------------
# (the cases are in hostile_corpus.py, block « issue 20 B »; kept apart from the other helpers')

import json  # noqa: E402

from hostile_corpus import cases_20b  # noqa: E402

CASES_20B = cases_20b()


def test_the_20b_corpus_covers_its_classes():
    kinds = {c.kind for c in CASES_20B}
    assert len(CASES_20B) >= 30 and {"page", "config", "body", "front", "comite", "distress"} <= kinds
    assert len({c.ident for c in CASES_20B} | {c.ident for c in all_cases()}) == len(CASES_20B) + len(all_cases())


def _merge_front_matter(path: Path, addition: dict) -> None:
    meta, body = split_page(path.read_text(encoding="utf-8"))
    for key, value in addition.items():
        if isinstance(value, dict) and isinstance(meta.get(key), dict):
            meta[key] = {**meta[key], **value}
        else:
            meta[key] = value
    write_page(path, meta, body)


@pytest.mark.parametrize("case", CASES_20B, ids=[c.ident for c in CASES_20B])
def test_the_content_check_refuses_20b(lint_root, case):
    root = lint_root
    if case.kind in ("body", "front", "config"):
        test_the_content_check_refuses(root, case)
        return
    if case.kind == "page":
        path = root / "docs" / case.path[0]
    else:
        path = root / "data" / ("comite.yml" if case.kind == "comite" else "recherche-detresse.yml")
    original = path.read_text(encoding="utf-8")
    try:
        if case.kind == "page":
            _merge_front_matter(path, json.loads(case.payload))
        elif case.kind == "comite":
            data = yaml.safe_load(original)
            data["membres"] = [json.loads(case.payload)]
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        else:  # an exception of the distress search that would swallow a query of its core
            data = yaml.safe_load(original)
            data["exceptions"].append({"expression": case.payload, "raison": "une exception trop large (corpus)"})
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        _refused(root, path, case.code)
    finally:
        path.write_text(original, encoding="utf-8")


# The build path: the same refusals stop `mkdocs build`, in French, without a traceback. A sample
# of each class (each case is a build of the project's copy).
BUILD_20B = ["page-statut-balisage", "page-gabarit", "page-aide-exclue", "page-controle", "front-historique-controle",
             "epuisement-crochets-100000", "epuisement-balises-a-33000", "config-site-name", "config-env-home",
             "config-forge-sosie", "config-extra-scope", "config-script-local", "config-snippets"]


def _build(root: Path, tmp_path: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                          cwd=root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env), capture_output=True,
                          text=True, timeout=900)


@pytest.mark.parametrize("ident", BUILD_20B)
def test_the_build_refuses_20b_in_french(tmp_path, ident):
    case = next(c for c in CASES_20B if c.ident == ident)
    root = copy_project(tmp_path / "projet")
    if case.kind == "body":
        target = _fiche_with_body(root, case.ident, case.payload)[0].name
    elif case.kind == "front":
        meta, body = split_page((ROOT / BASE_FICHE).read_text(encoding="utf-8"))
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        target = f"{case.ident}.md"
        (root / "docs" / "fiches" / "soignant" / target).write_text(f"---\n{front}{case.payload}---\n{body}",
                                                                     encoding="utf-8")
    elif case.kind == "page":
        _merge_front_matter(root / "docs" / case.path[0], json.loads(case.payload))
        target = case.path[0]
    else:
        config = root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "\n" + case.payload, encoding="utf-8")
        target = "mkdocs.yml"
    result = _build(root, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "Traceback" not in output, output[-3000:]
    assert re.search(re.escape(target) + r":\d+: ", output), output[-3000:]
    assert not (tmp_path / "site" / "index.html").exists() or case.kind == "body"


MARKER = "python-tag-ran"
PYTHON_TAG = f'copyright: !!python/object/apply:os.system ["touch {MARKER}"]\n'


def test_a_python_tag_is_refused_before_mkdocs_reads_the_file(tmp_path):
    """MkDocs reads mkdocs.yml with PyYAML's full loader, before any hook: `make build` and
    `make serve` run the content check on it first, with a safe loader; so do the pre-render and
    the hook (soignants/pipeline/config_guard.py). The tag is never executed on these paths."""
    root = copy_project(tmp_path / "projet")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + PYTHON_TAG, encoding="utf-8")
    # The Makefile checks mkdocs.yml before each MkDocs command.
    for target in ("build", "serve"):
        commands = subprocess.run(["make", "-n", "-W", ".venv/.site", target], cwd=ROOT, capture_output=True,
                                  text=True, timeout=60).stdout.splitlines()
        mkdocs = next(i for i, line in enumerate(commands) if "/mkdocs " in line)
        assert any("scripts/lint.py mkdocs.yml" in line for line in commands[:mkdocs]), commands
    # The content check: French, the line of the tag, nothing run.
    lint = subprocess.run([sys.executable, str(ROOT / "scripts" / "lint.py"), "--racine", str(root), str(config)],
                          cwd=root, capture_output=True, text=True, timeout=120)
    assert lint.returncode == 1 and "Traceback" not in lint.stdout + lint.stderr
    assert re.search(r"mkdocs\.yml:\d+: balise YAML « !!python/object/apply:os\.system » refusée", lint.stdout)
    # The pre-render (make prerender, the Zensical build): refused before anything is read.
    prerendered = subprocess.run([sys.executable, str(ROOT / "scripts" / "prerender.py"), str(tmp_path / "copie"),
                                  "--config", str(config)], cwd=root, capture_output=True, text=True, timeout=300)
    assert prerendered.returncode != 0 and "Traceback" not in prerendered.stdout + prerendered.stderr
    assert "balise YAML" in prerendered.stdout + prerendered.stderr
    assert not (root / MARKER).exists() and not (tmp_path / MARKER).exists()


def test_a_page_over_its_time_budget_stops_the_build_in_french(tmp_path):
    """Past the pre-scan, a page that keeps Python-Markdown busy (40 000 links and 1 900 admonitions,
    some seconds on any machine) is stopped by the per-page budget (SOIGNANTS_BUDGET_PAGE, in
    seconds; 20 by default). It is the home page, the first page MkDocs builds: no other page is
    measured before it."""
    from soignants.model.limits import work_problem
    root = copy_project(tmp_path / "projet")
    slow = ("[a](b) " * 160 + "\n\n") * 200 + "!!! note\n    x\n" * 1_900
    assert work_problem(slow) is None  # the pre-scan lets it through: the budget is what stops it
    home = root / "docs" / "index.md"
    meta, _ = split_page(home.read_text(encoding="utf-8"))
    write_page(home, meta, "\n# Accueil\n\n" + slow)
    # Its links lead nowhere: the content check, which every real build runs first, would stop
    # it before; here the budget itself is under test (tests/build_without_content_check.py).
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "build_without_content_check.py"), "build",
                             "--strict", "--site-dir", str(tmp_path / "site")], cwd=root,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SOIGNANTS_BUDGET_PAGE="1"),
                            capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
    assert "docs/index.md:1: la construction de cette page a dépassé 1 s" in output, output[-3000:]


# === issue 20, part A: content cannot reach the page's machinery, nor publish code ==============
# (the cases: tests/hostile_corpus.py, MACHINERY and CONTRIBUTED_FILES)

def test_part_a_covers_every_class_with_enough_cases():
    classes = {}
    for _, _, _, kind in MACHINERY:
        classes[kind] = classes.get(kind, 0) + 1
    assert set(classes) == {"appel", "imitation", "clobbering", "recherche", "code"}
    assert len(MACHINERY) + len(CONTRIBUTED_FILES) >= 35


def _place(root: Path, relative: str, content: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if content.startswith("-> "):
        path.symlink_to(content[3:])
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("ident, relative, content, code", CONTRIBUTED_FILES, ids=[c[0] for c in CONTRIBUTED_FILES])
def test_the_content_check_refuses_contributed_code(tmp_path, ident, relative, content, code):
    root = copy_project(tmp_path / "projet")
    path = _place(root, relative, content)
    problems = run(Project.at(root)).problems
    found = [p for p in problems if p.code == code and p.path == relative]
    assert found, f"{code} attendu pour {relative} :\n" + "\n".join(p.format() for p in problems)
    assert re.match(r"^[^:]+:\d+: ", found[0].format()) and "Traceback" not in found[0].format()
    if content.startswith("-> "):
        assert path.is_symlink()  # the check told of the link without following it


def test_the_build_refuses_contributed_code_in_french(tmp_path):
    """All the files at once: the build stops before reading any page, naming each of them."""
    root = copy_project(tmp_path / "projet")
    for _, relative, content, _ in CONTRIBUTED_FILES:
        _place(root, relative, content)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                            cwd=root, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True,
                            timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
    assert "La construction du site s'arrête" in output
    for ident, relative, _, code in CONTRIBUTED_FILES:
        assert f"{relative}:" in output and f"({code})" in output, (ident, output[-3000:])
    assert not (tmp_path / "site" / "sw.js").exists() and not (tmp_path / "site" / "images").exists()


def _machinery_pages(site_dir: Path) -> list[Path]:
    idents = [f"corps-{ident}" for ident, *_ in MACHINERY]
    return [site_dir / "fiches" / "soignant" / ident / "index.html" for ident in idents]


def test_the_built_pages_of_part_a_keep_no_machinery(hostile_site):
    """What the build made of each case: no call link but ours (to numbers of data/aide.yml, showing
    their digits), no reserved class, id, data-* or role from the content, no form, no file of the
    site that is not the project's."""
    from soignants.checks import asset_manifest, built_site
    from soignants.model import help_data
    site_dir, _ = hostile_site
    numbers = built_site.call_numbers(help_data.structures())
    report = {}
    for html_file in _machinery_pages(site_dir):
        assert html_file.is_file(), html_file
        html = html_file.read_text(encoding="utf-8")
        problems = [p.format() for p in built_site.page_problems(html, html_file.name, [], numbers=numbers)
                    if p.code.startswith("appel-")]
        if PREMIUM[1:] in html:
            problems.append("le numéro surtaxé est dans la page")
        content = html[html.index("<article"):html.index("</article>")]
        for reserved in ('id="__', 'class="ss-bandeau', 'class="md-dialog', 'data-pagefind-meta="title',
                         'data-pagefind-weight="10"', 'data-md-component', 'role="alertdialog"', "<form",
                         "<input", "<audio", 'tabindex="1"', 'id="SoignantsSearchEngine"'):
            if reserved in content:
                problems.append(f"« {reserved} » dans le contenu")
        if problems:
            report[html_file.parent.name] = problems
    found = asset_manifest.problems(site_dir)
    if found:
        report["fichiers du site"] = [f"{f.path}: {f.message}" for f in found]
    assert not report, "\n".join(f"{k} :\n  " + "\n  ".join(v) for k, v in report.items())


SCRIPTS_FIND_THEIR_OWN = """() => [
  ['__config', 'SCRIPT'], ['__search', 'INPUT'], ['__drawer', 'INPUT'],
  ['ss-recherche-detresse-modele', 'TEMPLATE']
].filter(([id, tag]) => { const el = document.getElementById(id); return !el || el.tagName !== tag; })
 .map(([id, tag]) => `getElementById('${id}') ne trouve pas le <${tag.toLowerCase()}> du site`)"""


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_no_case_of_part_a_covers_imitates_or_clobbers_the_help_in_a_browser(hostile_site, browser, size):
    """Each page a case reached, opened in Chromium: the real strip and « Quitter » are visible and
    uncovered, nothing in the content looks like them, the theme's and our scripts find their own
    elements, no call link dials anything but a number of data/aide.yml, no dialog opens and
    nothing is asked of another host."""
    from help_visibility import HELP_UNCOVERED
    site_dir, site_url = hostile_site
    context = browser.new_context(**context_options(size))
    report = {}
    try:
        for html_file in _machinery_pages(site_dir):
            path = html_file.relative_to(site_dir).as_posix().removesuffix("index.html")
            page = context.new_page()
            dialogs = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            journal = Journal().attach(page)
            try:
                page.goto(site_url + path)
                page.wait_for_load_state("networkidle")
                problems = page.evaluate(HELP_UNCOVERED) + page.evaluate(SCRIPTS_FIND_THEIR_OWN)
                calls = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)"
                                      ".filter(h => /^(tel|sms|callto):/i.test(h))")
                problems += [f"lien d'appel {h}" for h in calls if PREMIUM[1:] in h or not h.startswith("tel:")]
                problems += [f"boîte de dialogue : {m}" for m in dialogs]
                problems += [f"requête vers un autre hôte : {u}" for u in journal.other_hosts()]
            finally:
                page.close()
            if problems:
                report[path] = problems
    finally:
        context.close()
    assert not report, "\n".join(f"{k} :\n  " + "\n  ".join(v) for k, v in report.items())


def test_the_browser_check_sees_an_overlay_over_the_strip(browser):
    """The check itself can fail: a layer over the strip, a look-alike strip in the content."""
    from help_visibility import HELP_UNCOVERED
    context = browser.new_context(**context_options("phone"))
    try:
        page = context.new_page()
        page.set_content(
            '<div class="ss-bandeau"><a href="tel:3114">3114</a><a href="tel:15">15</a><a href="/aide/">Aide</a></div>'
            '<div data-ss-quitter-zone><a data-ss-quitter href="https://www.google.fr/">Quitter</a></div>'
            '<article><div class="ss-bandeau__lien">3114</div></article>'
            '<div style="position:fixed;inset:0;background:white"></div>')
        problems = page.evaluate(HELP_UNCOVERED)
    finally:
        context.close()
    assert any("couvert" in p and "3114" in p for p in problems), problems
    assert any("couvert" in p and "Quitter" in p for p in problems), problems
    assert any("apparence du site" in p for p in problems), problems



def test_the_search_on_a_clobbering_page_keeps_its_own_settings_and_the_distress_card(hostile_site, browser):
    """On the page that planted `__config` and the distress card's model: the search opens, finds,
    shows the real crisis card with the numbers of data/aide.yml, and sends nothing elsewhere."""
    from soignants.model import help_data
    _, site_url = hostile_site
    context = browser.new_context(**context_options("phone"))
    try:
        page = context.new_page()
        journal = Journal().attach(page)
        page.goto(site_url + "fiches/soignant/corps-clobbering-config/")
        page.locator("label[for='__search']").first.click()
        page.wait_for_function("() => document.getElementById('__search').checked")
        page.keyboard.type("envie de mourir")
        page.wait_for_selector("[data-ss-recherche-detresse] .ss-recherche-detresse a[href^='tel:']", timeout=30_000)
        shown = page.evaluate("""() => [...document.querySelectorAll(
            "[data-ss-recherche-detresse] .ss-recherche-detresse a[href^='tel:']")].map(a => a.getAttribute('href'))""")
        page.wait_for_load_state("networkidle")
        assert journal.other_hosts() == []
    finally:
        context.close()
    assert shown and set(shown) <= {entry["tel"] for entry in help_data.strip_entries()}, shown
