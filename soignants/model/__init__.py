"""The model: reading and validating the content (docs/) and the data (data/, the JSON schemas).

The lowest layer: it imports no other sub-package of soignants (only the paths in soignants/__init__.py).
"""
