"""Deadlines in Chromium (issue 22): the date calculator of a fiche's « Délais à ne pas manquer »
box (fixed dates, month ends, leap years, any time zone), what it keeps to itself (no storage, no
request, no change of address), the box without JavaScript, sorting the « Tous les délais »
table, and, on every fiche, a help number or the deadlines box visible without scrolling on a
390 × 844 phone."""

import re

import pytest

from browser_helpers import ALL_PAGES

FICHE = "fiches/cabinet/relations-caisse/"  # one deadline: 2 months
ALL_DEADLINES = "aide/delais/"
FICHES = sorted(path for path in ALL_PAGES.values() if re.fullmatch(r"fiches/[a-z-]+/[a-z0-9-]+/", path))

# (start, number, unit, last day), each worked out by hand from the rule of the code de procédure
# civile (art. 641): days counted from the day after; months to the same day number, or the last
# day of a shorter month; hours as whole days inside the window; no extension to a working day.
CASES = [
    ("2027-01-31", 1, "mois", "2027-02-28"),    # 31 January + 1 month: end of February
    ("2028-01-31", 1, "mois", "2028-02-29"),    # leap year
    ("2027-03-31", 1, "mois", "2027-04-30"),
    ("2026-12-31", 2, "mois", "2027-02-28"),    # across the year
    ("2027-11-30", 3, "mois", "2028-02-29"),
    ("2027-08-31", 6, "mois", "2028-02-29"),
    ("2027-01-15", 2, "mois", "2027-03-15"),
    ("2027-03-03", 15, "jours", "2027-03-18"),  # the day of notification does not count
    ("2027-12-20", 15, "jours", "2028-01-04"),
    ("2028-02-20", 10, "jours", "2028-03-01"),  # 29 February counts
    ("2027-02-20", 10, "jours", "2027-03-02"),
    ("2027-01-01", 45, "jours", "2027-02-15"),
    ("2027-10-25", 10, "jours", "2027-11-04"),  # across the change to winter time (31 October 2027)
    ("2027-03-03", 48, "heures", "2027-03-04"), # earliest whole day: as if received at midnight
    ("2027-03-03", 24, "heures", "2027-03-03"),
    ("2028-02-28", 48, "heures", "2028-02-29"),
    ("2028-02-29", 1, "ans", "2029-02-28"),
    ("2027-03-06", 0, "jours", "2027-03-06"),   # to do at once
]


def last_day(page, start, number, unit):
    return page.evaluate("([s, n, u]) => { const d = window.ssDelais; return d.isoOf(d.lastDay(d.parseIso(s), n, u)); }",
                         [start, number, unit])


@pytest.mark.parametrize("timezone", ["Europe/Paris", "Pacific/Kiritimati", "America/Los_Angeles"])
def test_the_last_day_is_the_legal_one_at_the_latest(fresh_context, open_page_in, timezone):
    page, journal = open_page_in(fresh_context("phone", timezone_id=timezone), FICHE)
    page.wait_for_function("() => window.ssDelais !== undefined")
    found = [(start, number, unit, last_day(page, start, number, unit)) for start, number, unit, _ in CASES]
    assert found == [(s, n, u, end) for s, n, u, end in CASES]
    assert page.evaluate("['2027-02-29', '2027-13-01', '27-01-01', ''].map(window.ssDelais.parseIso)") == [None] * 4
    assert journal.problems() == []


def test_the_reader_types_a_date_and_sees_the_last_day_and_nothing_leaves_the_page(fresh_context, open_page_in, site_url):
    page, journal = open_page_in(fresh_context("phone"), FICHE)
    page.wait_for_load_state("networkidle")
    field = page.get_by_label("Date de la réception de la notification de payer l'indu")
    note = page.locator(".ss-delais__prudence")
    assert note.is_visible() and "sans report pour un samedi, un dimanche ou un jour férié" in note.inner_text()
    requests_before = len(journal.requests)
    history_before = page.evaluate("history.length")

    field.fill("2026-12-31")
    result = page.locator("#delai-recours-amiable-indu output.ss-delai__date")
    assert result.get_attribute("data-date") == "2027-02-28"
    assert result.inner_text() == "Au plus tard le dimanche 28 février 2027"
    field.fill("2027-01-15")
    assert result.inner_text() == "Au plus tard le lundi 15 mars 2027"
    field.fill("")
    assert result.inner_text() == ""

    page.wait_for_timeout(300)  # let anything the page might send be sent (there must be nothing)
    assert len(journal.requests) == requests_before, journal.requests[requests_before:]
    assert page.url == site_url + FICHE
    assert page.evaluate("() => [document.cookie, localStorage.length, sessionStorage.length, history.length]") \
        == ["", 0, 0, history_before]
    assert journal.problems() == []


def test_the_box_reads_fully_without_javascript(fresh_context, open_page_in):
    page, _ = open_page_in(fresh_context("phone", java_script_enabled=False), FICHE)
    box = page.locator(".ss-delais")
    text = box.inner_text()
    for words in ("2 mois", "à compter de la réception de la notification de payer l'indu",
                  "commission de recours amiable", "Suspensif : oui.", "Code de la sécurité sociale",
                  "Faites-vous confirmer la date par"):
        assert words in text, words
    # The date fields are the script's: in the page, but none shows (never a dead one).
    assert page.locator(".ss-delais input").count() >= 1
    assert page.locator(".ss-delais input:visible, .ss-delais__prudence:visible").count() == 0
    assert box.locator("a[href^='https://www.legifrance.gouv.fr/']").count() == 1


def sort_keys(page, column):
    return page.evaluate("c => Array.from(document.querySelectorAll('table.ss-delais-tous tbody tr'))"
                         ".map(r => r.cells[c].getAttribute('data-tri'))", column)


@pytest.mark.parametrize("path,fiche,duration", [(ALL_DEADLINES, "Fiche", "Délai"),
                                                  ("en/" + ALL_DEADLINES, "Fact sheet", "Deadline")])
def test_all_deadlines_sort_by_fiche_and_by_duration(fresh_context, open_page_in, path, fiche, duration):
    page, journal = open_page_in(fresh_context("desktop"), path)
    rows = page.locator("table.ss-delais-tous tbody tr")
    assert rows.count() >= 9
    by_fiche = sort_keys(page, 0)
    assert by_fiche == sorted(by_fiche)  # the order without JavaScript: by fiche

    page.get_by_role("button", name=re.compile(duration)).click()
    numbers = [float(x) for x in sort_keys(page, 1)]
    assert numbers == sorted(numbers) and numbers[0] == 0  # the requisition: at once
    header = page.locator("th", has=page.get_by_role("button", name=re.compile(duration)))
    assert header.get_attribute("aria-sort") == "ascending"
    page.get_by_role("button", name=re.compile(duration)).click()
    assert [float(x) for x in sort_keys(page, 1)] == sorted(numbers, reverse=True)
    assert header.get_attribute("aria-sort") == "descending"

    page.get_by_role("button", name=re.compile(fiche)).click()
    assert sort_keys(page, 0) == by_fiche
    assert header.get_attribute("aria-sort") is None
    assert page.locator("p.ss-delais-statut[role=status]").inner_text()
    assert journal.problems() == []


def test_the_all_deadlines_page_is_in_both_menus(fresh_context, open_page_in):
    for path, title in ((ALL_DEADLINES, "Tous les délais"), ("en/" + ALL_DEADLINES, "All the deadlines")):
        page, _ = open_page_in(fresh_context("desktop"), path)
        assert page.locator(".md-nav a.md-nav__link", has_text=re.compile(title)).count() >= 1, path
        page.close()


VISIBLE = """() => {
    const height = window.innerHeight;
    const content = document.querySelector('.md-content');
    const inView = el => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= height; };
    const box = document.getElementById('delais-a-ne-pas-manquer');
    const help = Array.from(content.querySelectorAll('a[href^="tel:"]')).filter(inView);
    return {box: !!box && inView(box), help: help.map(a => a.textContent.trim()),
            first: Math.round(Math.min(...Array.from(content.querySelectorAll('a[href^="tel:"]'))
                                          .map(a => a.getBoundingClientRect().bottom), 99999))};
}"""


@pytest.mark.parametrize("path", FICHES)
def test_help_or_deadlines_show_without_scrolling_on_a_phone(shared_context, open_page_in, path):
    """On a 390 × 844 phone, at the top of every fiche: a help number of the page's own content
    (not only the strip every page has) or the « Délais à ne pas manquer » box's title."""
    page, _ = open_page_in(shared_context("phone", "light"), path)
    try:
        seen = page.evaluate(VISIBLE)
        assert seen["box"] or seen["help"], (
            f"{path} : ni numéro d'aide ni encadré des délais visible sans défiler "
            f"(premier numéro à {seen['first']} px pour un écran de 844 px)")
    finally:
        page.close()
