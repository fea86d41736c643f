"""The benchmark and its corpus generator (python -m bench)."""
