"""The SVG images a page may hold: an allowlist, checked on the parsed document (lxml).

An SVG file is a document: opened on its own, from the site's own host (which the pages'
Content-Security-Policy trusts), it can run a script in any namespace (`<svg:script>`,
`<html:script>`), embed a page (`foreignObject`), load or link anything (`href`, `url(…)`), change
its own links as it plays (`<set>`, `<animate>`), or expand a few `<use>` into billions of shapes
that hang every page that shows it (« use bomb »). So a contributed SVG holds only drawing: the
elements and namespaces listed here, references only inside the file (`#id`), no event attribute,
no doctype, entity or processing instruction, and a bounded size, depth and number of drawn
shapes once every `<use>` is expanded.

One engine for every path: the content check (soignants/lint/assets.py), the build (which runs the
same check before reading any page) and the essentials check of a built site (soignants/checks/).
`problems()` gives (line, code, message) in French; the codes are the content check's.
"""

from __future__ import annotations

import re

from lxml import etree

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Namespaces of drawing tools' metadata (Inkscape, Sodipodi, RDF/Dublin Core, Creative Commons):
# inert, never rendered nor run. XHTML is not among them: its <script> runs anywhere in the file.
INERT_NAMESPACES = frozenset({
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
})
# Drawing only. Not here: script, foreignObject, a (links), image and feImage (load files),
# set, animate* and discard (can rewrite a link as the image plays), iframe, video, audio.
ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "style", "switch",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
    "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
    "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology",
    "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
})
REFERENCE_ATTRIBUTES = frozenset({"href", f"{{{XLINK}}}href"})
MAX_BYTES = 100_000
MAX_DEPTH = 32
MAX_USES = 200
# Shapes drawn once every <use> is expanded (a 1.6 KB file of nested <use> reaches billions).
MAX_DRAWN = 20_000
# In CSS (a <style> or a style="…"): only references inside the file, no rule that loads or
# imports anything, no escape that would hide one.
CSS_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
CSS_FORBIDDEN = re.compile(r"@|\\|expression\s*\(|javascript:|image-set\s*\(|-moz-binding|behavior\s*:", re.IGNORECASE)

FIX = "enregistrez l'image en « SVG simple » (Inkscape : Enregistrer sous…) ou exportez-la en PNG"


def _parser() -> etree.XMLParser:
    # No DTD read, no entity expanded, nothing fetched, libxml2's size limits kept.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_blank_text=False)


def _local(name: str) -> tuple[str | None, str]:
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return namespace, local
    return None, name


def problems(data: bytes) -> list[tuple[int, str, str]]:
    """What an SVG file holds that the site refuses: (line, code, message in French)."""
    if len(data) > MAX_BYTES:
        return [(1, "svg-trop-complexe", f"image SVG de {len(data) // 1000} Ko (au plus {MAX_BYTES // 1000} Ko) : "
                                         "simplifiez-la ou exportez-la en PNG")]
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except etree.XMLSyntaxError as error:
        return [(max(1, error.lineno or 1), "html-dangereux",
                 f"image SVG illisible ({error.msg}) : le navigateur pourrait la lire autrement que ce contrôle ; {FIX}")]
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        return [(1, "html-dangereux", f"image SVG avec une déclaration <!DOCTYPE …> (entités) : {FIX}")]
    root = tree.getroot()
    if root.tag != f"{{{SVG}}}svg":
        return [(root.sourceline or 1, "html-dangereux", f"ce fichier .svg n'est pas une image SVG (<{_local(str(root.tag))[1]}>) ; {FIX}")]
    found: list[tuple[int, str, str]] = [
        (line_of(sibling), "html-dangereux", f"instruction <?{sibling.target} …?> dans une image SVG : {FIX}")
        for sibling in root.itersiblings(preceding=True) if isinstance(sibling, etree._ProcessingInstruction)]
    ids = {}
    uses = 0
    for element in root.iter():
        line = element.sourceline or 1
        if isinstance(element, etree._Entity):
            found.append((line, "html-dangereux", f"entité « &{element.name}; » dans une image SVG : {FIX}"))
            continue
        if isinstance(element, etree._ProcessingInstruction):
            found.append((line, "html-dangereux", f"instruction <?{element.target} …?> dans une image SVG : {FIX}"))
            continue
        if not isinstance(element.tag, str):
            continue  # a comment
        namespace, name = _local(element.tag)
        if namespace in INERT_NAMESPACES or (namespace != SVG and _inside_metadata(element)):
            if namespace not in INERT_NAMESPACES and namespace != SVG:
                found.append((line, "html-dangereux", f"élément <{name}> d'un espace de noms inconnu ({namespace}) "
                                                      f"dans une image SVG : {FIX}"))
            continue
        if namespace != SVG or name not in ELEMENTS:
            what = "exécute du code, intègre une page ou charge un fichier" if name.lower() in (
                "script", "foreignobject", "iframe", "image", "feimage", "a", "set", "animate", "handler",
                "listener", "object", "embed") else "n'est pas dans la liste de ce qu'une image du site peut contenir"
            found.append((line, "html-dangereux", f"élément <{name}> interdit dans une image SVG : il {what} ; {FIX}"))
            continue
        depth = sum(1 for _ in element.iterancestors())
        if depth > MAX_DEPTH:
            found.append((line, "svg-trop-complexe", f"image SVG imbriquée sur plus de {MAX_DEPTH} niveaux : "
                                                     "simplifiez-la ou exportez-la en PNG"))
            break
        if name == "use":
            uses += 1
        if name == "style":
            found += _css_problems(element.text or "", line)
        for attribute, value in element.attrib.items():
            found += _attribute_problems(attribute, value, line)
        if element.get("id"):
            ids[element.get("id")] = element
    if uses > MAX_USES:
        found.append((1, "svg-trop-complexe", f"image SVG avec {uses} éléments <use> (au plus {MAX_USES}) : "
                                              "simplifiez-la ou exportez-la en PNG"))
    if not found and _drawn(root, ids) > MAX_DRAWN:
        found.append((1, "svg-trop-complexe", f"image SVG qui dessine plus de {MAX_DRAWN} formes une fois ses <use> "
                                              "développés (elle bloquerait chaque page qui la montre) : "
                                              "simplifiez-la ou exportez-la en PNG"))
    return found


def line_of(node) -> int:
    return node.sourceline or 1


def _inside_metadata(element) -> bool:
    return any(a.tag == f"{{{SVG}}}metadata" for a in element.iterancestors())


def _attribute_problems(attribute: str, value: str, line: int) -> list[tuple[int, str, str]]:
    namespace, name = _local(attribute)
    if name.lower().startswith("on"):
        return [(line, "html-dangereux", f"attribut « {name} » interdit dans une image SVG : il exécute du code ; {FIX}")]
    if namespace not in (None, XLINK, XML) and namespace not in INERT_NAMESPACES:
        return [(line, "html-dangereux", f"attribut « {name} » d'un espace de noms inconnu dans une image SVG ; {FIX}")]
    if attribute in REFERENCE_ATTRIBUTES or name == "href":
        if not value.strip().startswith("#"):
            code = "ressource-externe" if re.match(r"\s*(https?:)?//", value) else "html-dangereux"
            return [(line, code, f"référence « {value[:60]} » interdite dans une image SVG : seules les références "
                                 f"internes (#identifiant) sont permises ; {FIX}")]
        return []
    if name == "style" or "url" in value.lower():
        return _css_problems(value, line)
    return []


def _css_problems(css: str, line: int) -> list[tuple[int, str, str]]:
    if CSS_FORBIDDEN.search(css):
        return [(line, "html-dangereux", "style d'une image SVG avec une règle @, un échappement « \\ » ou une expression : "
                                         f"{FIX}")]
    for match in CSS_URL.finditer(css):
        if not match.group(1).startswith("#"):
            code = "ressource-externe" if re.match(r"(https?:)?//", match.group(1)) else "html-dangereux"
            return [(line, code, f"url(« {match.group(1)[:60]} ») interdite dans une image SVG : seules les références "
                                 f"internes url(#identifiant) sont permises ; {FIX}")]
    return []


def _drawn(root, ids: dict) -> int:
    """Elements drawn once every <use> is replaced by what it points to (stops past MAX_DRAWN)."""
    alive = list(root.iter())  # lxml's element objects stay the same while referenced: id() is stable
    memo: dict[int, int] = {}
    visiting: set[int] = set()

    def count(element) -> int:
        key = id(element)
        if key in memo:
            return memo[key]
        if key in visiting:
            return MAX_DRAWN + 1  # a <use> that draws itself
        visiting.add(key)
        total = 1
        if element.tag == f"{{{SVG}}}use":
            target = (element.get("href") or element.get(f"{{{XLINK}}}href") or "").strip()[1:]
            if target in ids:
                total += count(ids[target])
        for child in element:
            if isinstance(child.tag, str):
                total += count(child)
            if total > MAX_DRAWN:
                break
        visiting.discard(key)
        memo[key] = min(total, MAX_DRAWN + 1)
        return memo[key]

    total = count(root)
    del alive
    return total
