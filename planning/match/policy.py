"""The knobs of a Spring Wind match: the weights of what seekers and employers want, list lengths, groups, fairness."""

from __future__ import annotations

from dataclasses import dataclass, field

KEEP = ("enterprise", "district", "none")


@dataclass(frozen=True)
class MatchPolicy:
    """How seekers and posts are scored and matched.

    A seeker's score of a post: ``wage * (mid wage - floor) / 1000 - km * km / 10 + dorm (when a dormitory is
    wanted and given) - night (nights refused, shifts worked) + wish (the post's code is the one asked for)``.
    A post's score of a seeker: years of experience (up to 5, ``years`` each), the seeker's first code being the
    post's (``skill``), certificates beyond those required, and ``home_bonus`` by home county (fairness across
    counties of origin: e.g. ``{"通渭县": 0.5}`` moves that county's seekers up every employer's list).
    Recommendation lists of ``k`` posts come from each seeker's best ``pool`` acceptable posts, spread by an entropic
    optimal transport (``planning.match.transport``: softness ``spread_eps``, strength ``spread_tau``, 0 for the
    plain lists, ``spread_rounds`` scaling iterations).
    """

    wage: float = 1.0
    km: float = 0.5
    dorm: float = 1.0
    night: float = 1.0
    wish: float = 0.5
    years: float = 0.3
    skill: float = 1.0
    candidates: int = 40
    per_post: int = 4
    k: int = 10
    keep_groups: str = "enterprise"
    group_options: int = 400
    group_candidates: int = 400
    repair_rounds: int = 6
    extend_rounds: int = 1
    pool: int = 200
    spread_eps: float = 0.1
    spread_tau: float = 0.3
    spread_rounds: int = 20
    home_bonus: dict[str, float] = field(default_factory=dict)
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("wage", "km", "dorm", "night", "wish", "years", "skill"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not 0 <= value <= 100:
                raise ValueError(f"Expected {name} in [0, 100], got {value!r}.")
        for name, low, high in (("candidates", 1, 1000), ("per_post", 0, 100), ("k", 1, 100),
                                ("group_options", 1, 1000), ("group_candidates", 1, 10_000),
                                ("repair_rounds", 0, 1000), ("extend_rounds", 0, 10), ("spread_rounds", 0, 1000),
                                ("pool", 1, 1000)):
            value = getattr(self, name)
            if not isinstance(value, int) or not low <= value <= high:
                raise ValueError(f"Expected {name} a whole number from {low} to {high}, got {value!r}.")
        for name, low in (("spread_eps", 0.001), ("spread_tau", 0.0)):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not low <= value <= 1000:
                raise ValueError(f"Expected {name} from {low} to 1000, got {value!r}.")
        if self.keep_groups not in KEEP:
            raise ValueError(f"Expected keep_groups one of {', '.join(KEEP)}, got {self.keep_groups!r}.")
        if self.k > min(self.candidates, self.pool):
            raise ValueError(f"Expected k at most candidates and pool ({min(self.candidates, self.pool)}), got "
                             f"{self.k}.")
