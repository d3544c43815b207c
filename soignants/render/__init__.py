"""Rendering: the markers and the data-driven pages turned into Markdown, escaping and sanitising.

Imports only soignants.model (and the paths in soignants/__init__.py).
"""
