

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
