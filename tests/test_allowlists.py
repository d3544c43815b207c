"""Issue 20 B beyond the hostile corpus: the real configuration passes its allowlist, the report
link's host is compared whole, the build's own guard on theme fields, Jinja and feed errors in
French, the pre-scan's limits and the page budget's watchdog."""

from pathlib import Path
import time

import jinja2
import pytest

from soignants.lint.config_checks import DOCUMENTED_ENV, check_config, config_text_problems
from soignants.model.limits import MAX_OPEN, work_problem
from soignants.pipeline import page_budget, prerender, template_errors
from soignants.render import feedback, news, theme_fields

ROOT = Path(__file__).resolve().parents[1]


def test_the_project_configuration_passes_its_allowlist():
    assert check_config(ROOT / "mkdocs.yml", "mkdocs.yml", environ={}) == []


def test_the_documented_variables_are_the_ones_the_configuration_reads():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    used = {name for name in DOCUMENTED_ENV if f"!ENV [{name}" in text}
    assert used == {"SITE_URL", "SIGNALEMENT_FORGE", "SIGNALEMENT_COURRIEL", "HORS_LIGNE"}
    guide = (ROOT / "docs" / "a-propos" / "contribuer" / "configuration.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in guide for name in DOCUMENTED_ENV)


@pytest.mark.parametrize("forge,refused", [
    ("https://github.com/urps/site", False), ("https://gitlab.com/urps/site", False),
    ("https://githu6.com/urps/site", True), ("https://github.com.evil.example/urps/site", True),
    ("https://github.com@evil.example/urps/site", True), ("https://gіthub.com/urps/site", True),
    ("https://github.com:8443/urps/site", True), ("https://xn--gthub-n4a.com/urps/site", True),
    ("https://gitlab.urps.example/urps/site", True),
])
def test_the_report_link_leads_to_the_project_forge(forge, refused):
    assert (feedback.forge_problem(forge, environ={}) is not None) is refused


def test_a_self_hosted_gitlab_is_known_from_its_own_runner():
    forge = "https://gitlab.urps.example/urps/site"
    assert feedback.forge_problem(forge, environ={"CI_SERVER_HOST": "gitlab.urps.example"}) is None
    assert feedback.forge_problem(forge, environ={"CI_SERVER_URL": "https://gitlab.urps.example"}) is None
    assert feedback.forge_problem("https://gitlab.urps.example.evil.example/x", {"CI_SERVER_HOST": "gitlab.urps.example"})


def test_a_value_from_the_environment_is_checked_like_the_default(tmp_path):
    text = ("site_name: Essai\ntheme:\n  name: material\n  custom_dir: overrides\nhooks:\n  - overrides/hooks/site.py\n"
            "extra:\n  signalement:\n    forge: !ENV [SIGNALEMENT_FORGE, \"https://githu6.com/x/y\"]\n")
    problems = config_text_problems(text, "mkdocs.yml", tmp_path, environ={})
    assert [(p.line, p.code) for p in problems] == [(9, "configuration-refusee")]
    assert "githu6.com" in problems[0].message


def test_nothing_is_constructed_when_a_tag_is_refused(tmp_path):
    marker = tmp_path / "ran"
    text = f'site_name: !!python/object/apply:os.system ["touch {marker}"]\n'
    problems = config_text_problems(text, "mkdocs.yml", tmp_path, environ={})
    assert [p.code for p in problems] == ["configuration-refusee"] and not marker.exists()
    with pytest.raises(SystemExit) as stopped:
        config = tmp_path / "mkdocs.yml"
        config.write_text(text, encoding="utf-8")
        prerender.load_config(config)
    assert "balise YAML" in str(stopped.value.code) and not marker.exists()


def test_theme_fields_that_would_still_reach_the_theme_are_neutralised():
    meta = {"title": "X", "template": "redirect.html", "status": '"><img src=x onerror=alert(1)>', "icon": "../x",
            "hide": ["toc", "bandeau"], "revision_date": "<b>x</b>", "location": "javascript:alert(1)"}
    site = prerender.Site(ROOT / "docs")
    rendered = prerender.page("# X\n", meta, "a-propos/x.md", "fr", site)
    assert rendered.theme_meta["template"] == "main.html"
    assert rendered.theme_meta["status"] is None and rendered.theme_meta["icon"] is None
    assert rendered.theme_meta["hide"] == ["toc"]
    assert rendered.theme_meta["revision_date"] is None and rendered.theme_meta["location"] is None
    fine = {"template": "main.html", "status": "new", "icon": "material/lifebuoy", "hide": ["toc"]}
    assert theme_fields.neutralised(fine) == {}


def test_a_template_error_names_the_page_in_french():
    class Refused(Exception):
        pass

    env = jinja2.Environment(loader=jinja2.DictLoader({
        "main.html": "{% include '.icons/' ~ page.meta.icon ~ '.svg' %}", "broken.html": "{% if %}"}))
    template_errors.in_french(env, Refused)
    page = type("Page", (), {"file": type("File", (), {"src_uri": "aide/index.md"})(), "meta": {"icon": "x/y"}})()
    with pytest.raises(Refused, match=r"^docs/aide/index\.md:1: le thème n'a pas pu écrire cette page"):
        env.get_template("main.html").render(page=page)
    with pytest.raises(Refused, match=r"^broken\.html:1: erreur de syntaxe dans le gabarit"):
        env.get_template("broken.html")


def test_a_feed_entry_xml_refuses_names_its_page(tmp_path, monkeypatch):
    event = news.Event("2026-11-01", "fiches/soignant/x.md", "Titre", "texte\x01", "modifie")
    monkeypatch.setattr(news, "events", lambda docs_dir=None: [event])
    with pytest.raises(news.FeedError, match=r"^docs/fiches/soignant/x\.md:1: .*historique"):
        news.write_feed(tmp_path / "feed.xml", "https://exemple.org/", "Site")


@pytest.mark.parametrize("text", ["[" * (MAX_OPEN + 1), "(" * (MAX_OPEN + 1), "<a " * 40, "*a* " * 600,
                                  "- a\n" * 2_100, "[[" + "mot " * 70_000, ("<a " + "mot " * 2_000 + "\n\n") * 30])
def test_the_pre_scan_refuses_runs_with_a_line(text):
    found = work_problem(text)
    assert found is not None and found[0] >= 1 and found[1]


def test_the_pre_scan_lets_the_real_pages_and_escaped_signs_through():
    for page in (ROOT / "docs").rglob("*.md"):
        assert work_problem(page.read_text(encoding="utf-8")) is None, page
    assert work_problem("\\[" * 10_000) is None
    assert work_problem("Voir [la fiche](x.md) (et [celle-ci](y.md)). " * 100) is None


def test_the_budget_interrupts_python_work_in_this_thread_and_leaves_nothing_behind():
    class TooLong(Exception):
        pass

    page_budget.start("docs/x.md", TooLong, 0.2)
    started = time.monotonic()
    with pytest.raises(TooLong, match=r"^docs/x\.md:1: la construction de cette page a dépassé 0\.2 s"):
        while time.monotonic() - started < 60:
            sum(range(100))
    page_budget.stop()
    page_budget.start("docs/y.md", TooLong, 0.2)
    page_budget.stop()
    end = time.monotonic() + 0.6
    while time.monotonic() < end:  # a stopped budget never fires later
        sum(range(100))


def test_every_page_has_a_schema_and_an_english_fiche_is_checked_without_requiring_fields(tmp_path):
    import shutil
    from datetime import date

    from soignants.lint import Project, run
    from soignants.lint.project import page_schema

    root = tmp_path / "projet"
    shutil.copytree(ROOT / "tests" / "fixtures" / "lint" / "projet", root)
    project = Project.at(root, today=date(2026, 11, 23))
    for page in (root / "docs").rglob("*.md"):
        assert page_schema(project, page)[0] in ("fiche", "temoignage", "page"), page
    english = root / "docs" / "fiches" / "soignant" / "modele.en.md"
    english.write_text('---\ntitle: "A model fact sheet"\nstatus: new\n---\n\n# A model fact sheet\n', encoding="utf-8")
    assert page_schema(project, english) == ("fiche", True)
    found = [(p.code, p.line) for p in run(project, [english]).problems]
    assert found == [("champ-inconnu", 3)], found  # no « missing field », but no field outside the fiche's model
