"""The plan model: pydantic records, loading from raw records, and the domain rules."""
