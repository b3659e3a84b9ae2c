"""Spring Wind person-post matching: candidates by occupation code, a stable assignment with capacities and groups
(seeker-proposing deferred acceptance, checked by an independent blocking-pair counter), recommendations spread
across posts, and reasons in Chinese."""

from planning.match.match import FairMatch, match_fair
from planning.match.policy import MatchPolicy

__all__ = ["FairMatch", "MatchPolicy", "match_fair"]
