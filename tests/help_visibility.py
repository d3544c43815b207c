"""The help cannot be imitated or hidden (issue 20): what a browser test checks on a page.

`HELP_UNCOVERED` runs in the page: the real help strip and « Quitter » are there once, visible,
in the viewport and not covered by any other element (elementFromPoint at their centres and
corners: the element found must belong to them); and no element of the page's content takes
their look (their classes, the theme's dialog, banner, consent or header classes) or floats
above the page (`position: fixed` or `sticky`). Used on every built page (tests/browser/
test_help_uncovered.py) and on the hostile corpus's pages (tests/test_hostile.py)."""

HELP_UNCOVERED = r"""() => {
  const problems = [];
  const vw = window.innerWidth, vh = window.innerHeight;
  const describe = el => !el ? 'rien' : el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const visible = el => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) < 0.5) return false;
    }
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1;
  };
  const uncovered = (el, zone, label) => {
    if (!visible(el)) { problems.push(`${label} : invisible`); return; }
    const r = el.getBoundingClientRect();
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    if (cx < 0 || cy < 0 || cx >= vw || cy >= vh) {
      problems.push(`${label} : hors de l'écran (${Math.round(cx)}, ${Math.round(cy)})`);
      return;
    }
    const inset = 3;
    const points = [[cx, cy], [r.left + inset, r.top + inset], [r.right - inset, r.top + inset],
                    [r.left + inset, r.bottom - inset], [r.right - inset, r.bottom - inset]];
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= vw || y >= vh) continue;
      const top = document.elementFromPoint(x, y);
      if (!top || !zone.contains(top)) {
        problems.push(`${label} : couvert en (${Math.round(x)}, ${Math.round(y)}) par ${describe(top)}`);
        return;
      }
    }
  };
  const strips = document.querySelectorAll('.ss-bandeau');
  const exits = document.querySelectorAll('[data-ss-quitter]');
  if (strips.length !== 1) problems.push(`${strips.length} bandeaux d'aide (.ss-bandeau), 1 attendu`);
  if (exits.length !== 1) problems.push(`${exits.length} liens « Quitter » ([data-ss-quitter]), 1 attendu`);
  // The template's own copies in the open search and menu (data-ss-quitter-aussi) are not counted.
  const zones = [...document.querySelectorAll('.ss-quitter')].filter(z => !z.querySelector('[data-ss-quitter-aussi]'));
  if (zones.length > 1) problems.push('plusieurs zones « Quitter » (.ss-quitter)');
  if (strips.length === 1) {
    const strip = strips[0];
    const links = strip.querySelectorAll('a');
    if (links.length < 3) problems.push(`${links.length} liens dans le bandeau d'aide`);
    links.forEach(a => uncovered(a, strip, `lien du bandeau « ${a.textContent.trim().slice(0, 30)} »`));
  }
  if (exits.length === 1) uncovered(exits[0], exits[0].closest('[data-ss-quitter-zone]') || exits[0], '« Quitter »');
  // Their look, or a layer above the page, from the page's content.
  const lookAlike = /^(ss-bandeau|ss-quitter|ss-recherche|ss-carte$|md-(dialog|banner|consent|header|top|search|overlay|sidebar|nav|tabs))/;
  for (const content of document.querySelectorAll('article')) {
    for (const el of content.querySelectorAll('*')) {
      const names = [...el.classList].filter(c => lookAlike.test(c));
      if (names.length && !el.closest('.ss-carte')) problems.push(`contenu qui prend l'apparence du site : ${describe(el)}`);
      const position = getComputedStyle(el).position;
      if (position === 'fixed' || position === 'sticky') problems.push(`contenu en position ${position} : ${describe(el)}`);
    }
  }
  return problems;
}"""
