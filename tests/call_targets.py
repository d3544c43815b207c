"""Measuring what a thumb and tired eyes get of every call link on a page (issue 21): each
visible `tel:` link at least 44 × 44 CSS px, at least 8 px from any other call link, and its text
at least 7:1 on the background it is drawn on (the link's own colour composed over the first
opaque backgrounds behind it). One `evaluate` per page, for every test that needs it
(tests/browser/test_pages.py on every page; the search overlay, the header's help, the
questionnaire's result elsewhere)."""

MIN_SIZE_PX = 44
MIN_GAP_PX = 8
MIN_CONTRAST = 7.0

MEASURE = """([scope, minSize, minGap, minContrast]) => {
  const root = scope ? document.querySelector(scope) : document;
  if (!root) return {count: 0, problems: ["zone introuvable : " + scope]};
  const parse = c => { const m = (c.match(/[\\d.]+/g) || [0, 0, 0, 0]).map(Number);
                       return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a),
                                   b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const background = el => {
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    const canvas = parse(getComputedStyle(document.body).backgroundColor);
    let bg = canvas.a > 0 ? {...canvas, a: 1} : {r: 255, g: 255, b: 255, a: 1};
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                     return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const links = [...root.querySelectorAll("a[href^='tel:']")]
    .filter(a => a.checkVisibility({visibilityProperty: true, opacityProperty: true}));
  const rects = links.map(a => a.getBoundingClientRect());
  const problems = [];
  links.forEach((a, i) => {
    const r = rects[i];
    const name = `« ${a.textContent.trim().replace(/\\s+/g, " ").slice(0, 40)} » (${a.getAttribute("href")}, `
      + `${(a.closest("[class]") || a).className.split(" ")[0] || a.parentElement.tagName.toLowerCase()})`;
    if (r.width < minSize || r.height < minSize) {
      problems.push(`${name} : ${r.width.toFixed(0)} × ${r.height.toFixed(0)} px, ${minSize} × ${minSize} attendus`);
    }
    const bg = background(a);
    const contrast = ratio(over(parse(getComputedStyle(a).color), bg), bg);
    if (contrast < minContrast) problems.push(`${name} : contraste ${contrast.toFixed(2)}:1, ${minContrast}:1 attendu`);
    rects.forEach((o, j) => {
      if (j <= i) return;
      const dx = Math.max(o.left - r.right, r.left - o.right, 0), dy = Math.max(o.top - r.bottom, r.top - o.bottom, 0);
      const gap = Math.hypot(dx, dy);
      if (gap < minGap) problems.push(`${name} : à ${gap.toFixed(1)} px du lien ${links[j].getAttribute("href")}, ${minGap} attendus`);
    });
  });
  return {count: links.length, problems};
}"""


def call_link_problems(page, scope: str | None = None) -> tuple[int, list[str]]:
    """(number of visible tel: links, problems) on the page, or inside the element `scope`."""
    found = page.evaluate(MEASURE, [scope, MIN_SIZE_PX, MIN_GAP_PX, MIN_CONTRAST])
    return found["count"], found["problems"]
