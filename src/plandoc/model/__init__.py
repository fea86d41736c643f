"""The plan model: pydantic records of a programme and its projects, and the domain rules."""
