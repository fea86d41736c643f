"""Builders: one per document kind, model → Markdown (Jinja2) → document tree."""
