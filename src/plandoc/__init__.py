"""plandoc: Norwegian development-programme plans from spreadsheets to Word and PDF."""

__version__ = "0.1.0"
