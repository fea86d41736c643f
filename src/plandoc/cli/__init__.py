"""The command line: `plandoc build|validate|template|convert|dump|bauta …`."""

from plandoc.cli.main import main

__all__ = ["main"]
