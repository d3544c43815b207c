"""The service worker's file and the distress script's rules, as the build writes them
(soignants/pipeline/service_worker.py, distress_script.py), on a small built site made here; the
worker itself runs in Chromium in tests/browser_help/test_offline.py."""

import json
import re

import pytest

from soignants.pipeline import distress_script, service_worker

TEMPLATE = (service_worker.TEMPLATE.as_posix(), "/* x */ var SETTINGS = /*ss:reglages*/{\"off\": true}/*ss:fin*/; go(SETTINGS);")
PAGE = ('<html><head><link rel="stylesheet" href="{up}assets/site.css"><link rel="icon" href="{up}assets/icone.svg">'
        '<link rel="canonical" href="https://ailleurs.example/"><script src="{up}assets/page.js"></script>'
        '<script src="https://ailleurs.example/x.js"></script></head><body><img src="{up}assets/absente.png"></body></html>')


def make_site(root, english=True):
    for prefix in ("", "en/") if english else ("",):
        for page in service_worker.PAGES:
            path = root / prefix / page / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(PAGE.format(up="../" * (prefix + page).count("/")), encoding="utf-8")
    (root / "fiches" / "x").mkdir(parents=True)
    (root / "fiches" / "x" / "index.html").write_text(PAGE.format(up="../../"), encoding="utf-8")
    (root / "assets").mkdir(exist_ok=True)
    for name in ("site.css", "icone.svg", "page.js"):
        (root / "assets" / name).write_text(name, encoding="utf-8")
    template = root / TEMPLATE[0]
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text(TEMPLATE[1], encoding="utf-8")
    return root


def written_settings(root) -> dict:
    text = (root / service_worker.WORKER).read_text(encoding="utf-8")
    return json.loads(re.search(r"var SETTINGS=(\{.*?\});", text).group(1))


def build(root, on=True) -> dict:
    return service_worker.write(root, service_worker.take_template(root), on)


def test_the_worker_keeps_the_help_pages_of_each_edition_and_their_files_only(tmp_path):
    root = make_site(tmp_path)
    chosen = build(root)
    assert chosen == written_settings(root)
    assert chosen["precache"] == [*service_worker.PAGES, *("en/" + p for p in service_worker.PAGES),
                                  "assets/site.css", "assets/icone.svg", "assets/page.js"]
    assert chosen["offline"] == {"default": "aide/hors-ligne/", "en": "en/aide/hors-ligne/"}
    assert not (root / service_worker.TEMPLATE).exists(), "le modèle non rempli resterait publié"


def test_its_version_changes_with_the_kept_files_and_only_with_them(tmp_path):
    first = build(make_site(tmp_path / "a"))["version"]
    same = build(make_site(tmp_path / "b"))["version"]
    assert first == same
    other = make_site(tmp_path / "c")
    (other / "fiches" / "x" / "index.html").write_text("autre", encoding="utf-8")  # not kept: same version
    assert build(other)["version"] == first
    changed = make_site(tmp_path / "d")
    card = changed / "aide" / "carte" / "index.html"
    card.write_text(card.read_text(encoding="utf-8").replace("<body>", "<body>0 805 23 23 37"), encoding="utf-8")
    assert build(changed)["version"] != first
    style = make_site(tmp_path / "e")
    (style / "assets" / "site.css").write_text("changé", encoding="utf-8")
    assert build(style)["version"] != first


def test_the_kill_switch_writes_a_worker_that_removes_itself(tmp_path):
    root = make_site(tmp_path)
    assert build(root, on=False) == {"off": True} == written_settings(root)
    assert [service_worker.enabled(v) for v in (None, True, "true", False, "false", "non", "0", "Off")] == \
        [True, True, True, False, False, False, False, False]


def test_a_missing_help_page_or_template_is_said_in_french(tmp_path):
    root = make_site(tmp_path, english=False)
    (root / "aide" / "carte" / "index.html").unlink()
    with pytest.raises(service_worker.ServiceWorkerError, match="aide/carte/"):
        build(root)
    with pytest.raises(service_worker.ServiceWorkerError, match="manque dans le site construit"):
        service_worker.take_template(tmp_path / "vide")


def test_the_distress_rules_are_folded_words_only(tmp_path):
    script = tmp_path / distress_script.SCRIPT
    script.parent.mkdir(parents=True)
    script.write_text("var RULES = /*ss:regles*/null/*ss:fin*/;", encoding="utf-8")
    distress_script.write_rules(tmp_path, {"terms": ["prendre", "suicide"], "counts": [3, 2]})
    rules = json.loads(script.read_text(encoding="utf-8")[len("var RULES = "):-1])
    words = [w for key in ("phrases", "exhaustion", "exceptions") for phrase in rules[key] for w in phrase]
    words += rules["known"] + list(rules["spellings"]) + [w for out in rules["spellings"].values() for w in out]
    assert words and all(re.fullmatch(r"[a-z0-9]+", w) for w in words)
    assert "prendr" in rules["known"]  # « prendre » is a word of the site: no typo read into it
    script.write_text("var RULES = null;", encoding="utf-8")
    with pytest.raises(distress_script.DistressScriptError, match="emplacement"):
        distress_script.write_rules(tmp_path, None)
