"""Writers: one module per output format, each walking the document tree."""
