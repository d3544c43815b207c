"""What runs around a static-site generator: the pre-rendering of the pages, the menu, the
search index, the open data, the Content-Security-Policy, the build's errors and caches.

Imports soignants.lint, soignants.render and soignants.model; only the generator's adapter
(overrides/hooks/site.py) and the command lines (scripts/, soignants.tools) import it.
"""
