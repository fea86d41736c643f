"""Build orchestration: what is out of date, the workers, the manifest, progress."""
