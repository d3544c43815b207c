"""The self-assessment (docs/aide/auto-evaluation.md, PHQ-9) in Chromium: the score at every band
boundary, computed by clicking answers; the result opens with the score and what it means, then
the alert when item 9 is not 0, then the band's two or three lines to call (as buttons a thumb can
hit, a number the alert gives not repeated), the whole directory last; no request at all while answering and none outside
127.0.0.1; no cookie and nothing in the browser's storage, the address or the history; the
missing answers named; done with the keyboard alone; no axe violation, before and after the
result, light and dark, phone and desktop; and the page without JavaScript.

Expected totals are the sums of the answers the test clicks; band labels, thresholds and alerts
come from the data file (data/questionnaires/phq-9.yml), numbers from data/aide.yml."""

import pytest

from browser_support import SIZES, axe_violations
from call_targets import call_link_problems
from soignants.model import help_data, questionnaires

DATA = questionnaires.load("phq-9")
ITEMS = [item["id"] for item in DATA["items"]]
SCALE = [choice["valeur"] for choice in DATA["echelle"]]
THRESHOLD = DATA["score"]["seuil_haut"]
ALERT = DATA["alertes"][0]
ALERT_POSITION = ITEMS.index(ALERT["item"])
PAGE = "aide/auto-evaluation/"
URGENT = [help_data.tel_uri(help_data.by_id()[key]["telephone"]) for key in ("3114", "samu-15", "112")]
BOUNDARIES = sorted({DATA["score"]["min"], DATA["score"]["max"],
                     *[b["min"] for b in DATA["paliers"]], *[b["max"] for b in DATA["paliers"]]})


def band_of(total: int) -> dict:
    return next(b for b in DATA["paliers"] if b["min"] <= total <= b["max"])


def answers_adding_up_to(total: int, alert_item: int = 0) -> list[int]:
    """One answer per item, summing to `total`, with the alert's item (item 9) at `alert_item`."""
    values, left = [0] * len(ITEMS), total - alert_item
    values[ALERT_POSITION] = alert_item
    for position in range(len(ITEMS)):
        if position == ALERT_POSITION:
            continue
        values[position] = min(max(SCALE), left)
        left -= values[position]
    assert left == 0 and sum(values) == total
    return values


def band_lines(band: dict) -> list[str]:
    """The tel: links of a band's lines (`lignes`), in the data file's order."""
    return [help_data.tel_uri(help_data.by_id()[key]["telephone"]) for key in band.get("lignes", [])]


def open_questionnaire(guarded, site_url, location=PAGE, **options):
    page, guard = guarded(**options)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + location)
    page.wait_for_load_state("networkidle")
    return page, guard, requests


def click_answers(page, values):
    """Click the label (not the tiny radio) of each answer; None leaves an item unanswered."""
    for item, value in zip(ITEMS, values):
        if value is not None:
            page.locator(f"#phq-9-{item} label.ss-q__reponse").nth(SCALE.index(value)).click()


def see_result(page):
    page.get_by_role("button", name="Voir mon résultat").click()


def result_state(page) -> dict:
    return page.evaluate("""() => {
      const result = document.getElementById('phq-9-resultat');
      const shown = el => !!el && !el.closest('[hidden]') && el.getClientRects().length > 0;
      const help = result.querySelector('[data-ss-aide]');
      const total = result.querySelector('.ss-q__total');
      const band = [...result.querySelectorAll('[data-ss-palier]')].filter(shown);
      const alerts = [...result.querySelectorAll('[data-ss-alerte]')].filter(shown);
      return {
        shown: shown(result),
        total: result.querySelector('[data-ss-total]').textContent,
        bands: band.map(b => b.dataset.ssPalier),
        bandText: band.map(b => b.innerText).join(' '),
        alerts: alerts.map(a => a.innerText),
        alertLinks: alerts.flatMap(a => [...a.querySelectorAll('a[href^="tel:"]')].map(x => x.getAttribute('href'))),
        helpShown: shown(help),
        lines: [...result.querySelectorAll('[data-ss-lignes] a[href^="tel:"]')].filter(shown).map(a => a.getAttribute('href')),
        // What is shown, top to bottom: the score, its band, the alert, the lines, the whole directory.
        order: [["score", total], ["palier", band[0]], ["alerte", alerts[0]],
                ["lignes", [...result.querySelectorAll('[data-ss-lignes]')].filter(shown)[0]], ["annuaire", help]]
          .filter(part => part[1] && shown(part[1]))
          .sort((a, b) => a[1].getBoundingClientRect().top - b[1].getBoundingClientRect().top).map(part => part[0]),
        helpLinks: [...help.querySelectorAll('a[href^="tel:"]')].filter(shown).map(a => a.getAttribute('href')),
        focus: document.activeElement && document.activeElement.id,
        announce: document.getElementById('phq-9-annonce').textContent,
      };
    }""")


def private_state(page) -> dict:
    return page.evaluate("""async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
      url: location.href,
      history: history.length,
    })""")


# --- scoring at the band boundaries ---------------------------------------------------------------

@pytest.mark.parametrize("total", BOUNDARIES)
def test_the_score_at_every_band_boundary(guarded, site_url, total):
    page, _, _ = open_questionnaire(guarded, site_url)
    # Item 9 stays at 0 unless the other items cannot reach the total alone (27).
    values = answers_adding_up_to(total, alert_item=max(0, total - max(SCALE) * (len(ITEMS) - 1)))
    click_answers(page, values)
    see_result(page)
    state = result_state(page)
    band = band_of(sum(values))
    assert state["shown"] and state["total"] == str(sum(values))
    assert state["bands"] == [band["id"]]
    assert f"« {band['libelle']['fr']} »" in state["bandText"] and band["explication"]["fr"][:40] in state["bandText"]
    assert state["focus"] == "phq-9-resultat-titre"
    alert = values[ALERT_POSITION] in ALERT["valeurs"]
    # The score and what it means first, then the alert, then the band's lines; the directory last.
    assert state["order"] == ["score", "palier"] + (["alerte"] if alert else []) + ["lignes", "annuaire"], state["order"]
    expected = [tel for tel in band_lines(band) if not (alert and tel in state["alertLinks"])]
    assert 1 <= len(state["lines"]) <= 3 and state["lines"] == expected, (state["lines"], expected)
    assert state["helpShown"] and set(URGENT) <= set(state["helpLinks"])
    assert page.locator(f"#phq-9-table tr[data-ss-palier-ligne='{band['id']}']").get_attribute("aria-current") == "true"


# --- the lines to call, after the score -------------------------------------------------------------

def test_item_9_not_zero_shows_the_alert_after_the_meaning_and_does_not_repeat_its_numbers(guarded, site_url):
    page, _, _ = open_questionnaire(guarded, site_url)
    values = answers_adding_up_to(2, alert_item=ALERT["valeurs"][0])
    assert sum(values) < THRESHOLD
    click_answers(page, values)
    see_result(page)
    state = result_state(page)
    band = band_of(sum(values))
    assert state["total"] == str(sum(values)) and state["bands"] == [band["id"]]
    assert state["order"] == ["score", "palier", "alerte", "lignes", "annuaire"], state["order"]
    assert state["alerts"] and ALERT["titre"]["fr"] in state["alerts"][0]
    assert set(URGENT) <= set(state["alertLinks"]), "l'alerte doit donner le 3114, le 15 et le 112"
    assert state["lines"] and not set(state["lines"]) & set(state["alertLinks"])


@pytest.mark.parametrize("total", [THRESHOLD, DATA["score"]["max"] - max(SCALE)])
def test_a_high_total_opens_with_the_score_then_its_lines(guarded, site_url, total):
    page, _, _ = open_questionnaire(guarded, site_url)
    values = answers_adding_up_to(total)
    click_answers(page, values)
    see_result(page)
    state = result_state(page)
    assert state["total"] == str(sum(values)) and state["alerts"] == []
    assert state["order"] == ["score", "palier", "lignes", "annuaire"], state["order"]
    assert state["lines"] == band_lines(band_of(sum(values))) and URGENT[0] in state["lines"]
    assert page.evaluate("document.activeElement.id") == "phq-9-resultat-titre"


def test_a_low_total_with_item_9_at_zero_still_gives_lines_to_call(guarded, site_url):
    page, _, _ = open_questionnaire(guarded, site_url)
    values = answers_adding_up_to(THRESHOLD - 1)
    click_answers(page, values)
    see_result(page)
    state = result_state(page)
    assert state["total"] == str(THRESHOLD - 1) and state["alerts"] == []
    assert state["order"] == ["score", "palier", "lignes", "annuaire"] and len(state["lines"]) >= 2
    assert state["helpShown"] and set(URGENT) <= set(state["helpLinks"])
    # Changing an answer afterwards hides the result until it is asked for again.
    click_answers(page, [None] * ALERT_POSITION + [ALERT["valeurs"][-1]])
    assert not result_state(page)["shown"]
    see_result(page)
    assert "alerte" in result_state(page)["order"]


# --- private by construction ------------------------------------------------------------------------

def test_answering_makes_no_request_and_stores_nothing(guarded, site_url):
    page, guard, requests = open_questionnaire(guarded, site_url)
    assert any(url.endswith("/assets/javascripts/auto-evaluation.js") for url in requests)
    # Material itself keeps the colour scheme in localStorage (« <path>.__palette »), on every page:
    # that is the theme's, not the questionnaire's. Start from empty storage to see what answering adds.
    keys = page.evaluate("Object.keys(localStorage)")
    assert all(key.endswith(".__palette") for key in keys), keys
    page.evaluate("localStorage.clear()")
    before = private_state(page)
    requests.clear()
    click_answers(page, answers_adding_up_to(12, alert_item=1))
    see_result(page)
    page.get_by_role("button", name="Effacer mes réponses").click()
    click_answers(page, answers_adding_up_to(3))
    see_result(page)
    page.wait_for_timeout(500)
    assert requests == [], f"requêtes pendant les réponses : {requests}"
    after = private_state(page)
    assert after == before, "le questionnaire a laissé une trace (adresse, historique ou stockage)"
    assert after["cookie"] == "" and after["local"] == 0 and after["session"] == 0 and after["databases"] == 0
    assert after["url"] == site_url + PAGE
    assert guard.outside == []


def test_leaving_the_page_clears_the_answers(guarded, site_url):
    page, _, _ = open_questionnaire(guarded, site_url)
    click_answers(page, answers_adding_up_to(5))
    page.goto(site_url + "aide/")
    page.go_back()
    page.wait_for_load_state("load")
    assert page.locator("form[data-ss-questionnaire] input:checked").count() == 0
    assert not result_state(page)["shown"]


def test_clear_my_answers(guarded, site_url):
    page, _, _ = open_questionnaire(guarded, site_url)
    click_answers(page, answers_adding_up_to(7))
    see_result(page)
    page.get_by_role("button", name="Effacer mes réponses").click()
    assert page.locator("form[data-ss-questionnaire] input:checked").count() == 0
    state = result_state(page)
    assert not state["shown"] and state["announce"]


# --- missing answers ---------------------------------------------------------------------------------

def test_the_missing_answers_are_named_and_nothing_is_scored(guarded, site_url):
    page, _, _ = open_questionnaire(guarded, site_url)
    values = answers_adding_up_to(6)
    values[2] = values[6] = None  # questions 3 and 7
    click_answers(page, values)
    see_result(page)
    error = page.locator("#phq-9-erreur")
    assert error.is_visible() and not result_state(page)["shown"]
    assert "questions 3 et 7" in error.inner_text() and "Il manque 2 réponses" in error.inner_text()
    assert page.evaluate("document.activeElement.id") == "phq-9-erreur"
    error.get_by_role("link", name="Question 7").click()
    assert page.evaluate("document.activeElement.name") == "phq-9-q7"
    assert page.url == site_url + PAGE
    click_answers(page, [None] * 2 + [0] + [None] * 3 + [1])
    see_result(page)
    assert not error.is_visible() and result_state(page)["total"] == str(sum(v or 0 for v in values) + 1)


# --- keyboard only ---------------------------------------------------------------------------------------

def test_the_keyboard_alone_completes_it(guarded, site_url):
    page, _, _ = open_questionnaire(guarded, site_url)
    active = "document.activeElement.name || document.activeElement.id || document.activeElement.textContent"
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "phq-9-q1":
            break
    else:
        pytest.fail("la première question n'est pas atteinte avec Tab")
    values = [0, 1, 2, 3, 0, 1, 2, 0, 1]
    for position, (item, value) in enumerate(zip(ITEMS, values)):
        if position:
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == f"phq-9-{item}", page.evaluate(active)
        if value == 0:
            page.keyboard.press("Space")
        for _ in range(value):
            page.keyboard.press("ArrowRight")
        assert page.evaluate(f"document.querySelector(\"input[name='phq-9-{item}']:checked\").value") == str(value)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    state = result_state(page)
    assert state["shown"] and state["total"] == str(sum(values)) and state["focus"] == "phq-9-resultat-titre"
    assert state["order"][:2] == ["score", "palier"] and state["lines"]
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.type") == "reset"
    page.keyboard.press("Space")
    assert page.locator("form[data-ss-questionnaire] input:checked").count() == 0 and not result_state(page)["shown"]


# --- phones, no JavaScript, accessibility ------------------------------------------------------------

def test_answers_are_big_enough_for_a_thumb(guarded, site_url):
    page, _, _ = open_questionnaire(guarded, site_url, **SIZES["phone"])
    labels = page.locator("label.ss-q__reponse")
    assert labels.count() == len(ITEMS) * len(SCALE)
    heights = page.eval_on_selector_all("label.ss-q__reponse", "ls => ls.map(l => l.getBoundingClientRect().height)")
    assert min(heights) >= 44, min(heights)
    page.locator("#phq-9-q1 .ss-q__libelle").nth(2).tap()  # the words, not the radio
    assert page.locator("input[name='phq-9-q1']:checked").get_attribute("value") == str(SCALE[2])
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES["phone"]["viewport"]["width"]


def test_without_javascript_the_reader_adds_up_and_reads_the_table(guarded, site_url):
    page, _, _ = open_questionnaire(guarded, site_url, java_script_enabled=False)
    assert page.get_by_text("Sans JavaScript : additionnez les chiffres, puis lisez le tableau.").is_visible()
    assert not page.get_by_role("button", name="Voir mon résultat").is_visible()
    rows = page.locator("#phq-9-table tbody tr")
    assert rows.count() == len(DATA["paliers"])
    for row, band in zip(rows.all(), DATA["paliers"]):
        assert band["libelle"]["fr"] in row.inner_text() and str(band["min"]) in row.inner_text()
    page.locator("#phq-9-q1 label.ss-q__reponse").nth(1).click()
    assert page.locator("#phq-9-q1 .ss-q__valeur").nth(1).inner_text() == str(SCALE[1])
    assert page.url == site_url + PAGE


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_before_and_after_the_result(guarded, site_url, size, scheme):
    page, _, _ = open_questionnaire(guarded, site_url, color_scheme=scheme, **SIZES[size])
    violations = axe_violations(page)
    assert not violations, "avant le résultat\n" + "\n".join(violations)
    values = answers_adding_up_to(4)
    values[2] = None
    click_answers(page, values)
    see_result(page)  # the missing answer message
    violations = axe_violations(page)
    assert not violations, "réponse manquante\n" + "\n".join(violations)
    click_answers(page, [None, None, 2] + [None] * 5 + [ALERT["valeurs"][0]])
    see_result(page)
    state = result_state(page)
    assert state["shown"] and state["alerts"] and state["lines"]
    violations = axe_violations(page)
    assert not violations, "après le résultat\n" + "\n".join(violations)
    if size == "phone":  # every number of the result is a button a thumb can hit, 7:1
        count, problems = call_link_problems(page, "#phq-9-resultat")
        assert count >= 5 and not problems, problems


def test_the_english_page_scores_and_has_no_axe_violation(guarded, site_url):
    page, _, requests = open_questionnaire(guarded, site_url, "en/" + PAGE)
    assert any(url.endswith("/assets/javascripts/auto-evaluation.js") for url in requests)
    assert page.locator("#phq-9-q1 legend").inner_text().endswith(DATA["items"][0]["texte"]["en"])
    values = answers_adding_up_to(16)
    click_answers(page, values)
    page.get_by_role("button", name="See my result").click()
    state = result_state(page)
    assert state["total"] == str(sum(values)) and state["order"][:3] == ["score", "palier", "lignes"]
    assert f"« {band_of(sum(values))['libelle']['en']} »" in state["bandText"]
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
