"""The helpers of the command lines in scripts/: French arguments, relaunching in the project's
virtualenv, a new fiche from its model, the preview of a proposal.

The top layer: it may import every other sub-package; none imports it.
"""
