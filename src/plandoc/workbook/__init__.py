"""The input workbooks: schema, blank templates and export (xlsx ↔ yaml)."""
