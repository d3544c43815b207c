"""Constants shared by the help pages' browser tests and their fixtures (a module name of its
own: tests/browser has its own conftest, so `import conftest` would be ambiguous)."""

QUICK_EXIT = "https://www.google.fr/"
STUB = "<!doctype html><html lang='fr'><title>Accueil</title><p>Page neutre (stub des tests)</p></html>"
