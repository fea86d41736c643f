"""Core: the bottom layer — diagnostics and errors, files, paths, resources, text rules."""
