"""Planning: who goes where (placement) and which coach carries whom (routing), as PuLP models; the Plan."""

from planning.make import PlanCheckError, make_plan
from planning.plan import Plan
from planning.solver import SolveInfo

__all__ = ["Plan", "PlanCheckError", "SolveInfo", "make_plan"]
