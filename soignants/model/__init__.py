"""The model: reading and validating the content (docs/) and the data (data/): the JSON schemas,
the model of a new fiche (templates/fiche.md), the readers of every data file.

The lowest layer: it imports no other sub-package of soignants (only the paths in soignants/__init__.py).
"""
