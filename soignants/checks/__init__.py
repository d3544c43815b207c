"""Checks of a built site: what every page must have, its links inside and outside the site.

Beside soignants.lint (the checks of the sources): imports soignants.render and soignants.model.
"""
