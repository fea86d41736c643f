"""Readers: turn .xlsx and .yaml input files into raw records with source references."""
