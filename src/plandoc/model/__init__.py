"""The plan model: pydantic records, loading from raw records, and the domain rules."""

from plandoc.model import programme as _programme
from plandoc.model.project import Project as _Project

# Programme.projects names Project, whose module imports programme.py; the forward reference
# is resolved here, before anything else can use the model.
_programme.Programme.model_rebuild(_types_namespace={"Project": _Project})
