"""Målform: fixed labels per language and Norwegian number and date formatting."""
