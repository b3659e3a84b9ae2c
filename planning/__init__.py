"""Planning: who goes where (placement) and which coach carries whom (routing), as PuLP models; the Plan."""

from planning.make import PlanCheckError, make_plan
from planning.options import PlanOptions
from planning.plan import Plan
from planning.solver import SolveInfo

__all__ = ["Plan", "PlanCheckError", "PlanOptions", "SolveInfo", "make_plan"]
