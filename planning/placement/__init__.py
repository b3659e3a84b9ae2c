"""Placement: which enterprise (and job) each worker goes to, as a PuLP model over groups of identical workers."""

from planning.placement.explain import shortfalls, unplaced_table
from planning.placement.groups import Groups, make_groups
from planning.placement.model import PlacementModel, build_model
from planning.placement.place import place
from planning.placement.score import score
from planning.placement.weights import Weights

__all__ = ["Groups", "PlacementModel", "Weights", "build_model", "make_groups", "place", "score", "shortfalls",
           "unplaced_table"]
