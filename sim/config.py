"""Every default of the simulation in one place, each with where the number comes from.

Scenario parameters (walk, desks, bays, boarding, travel cv, the train's delay model, the coaches' wait limit) and
the night model (``scenarios.disruptions``: coach no-shows and lateness, missed workers, a held-up train) come from
the Scenario; this module holds what the scenario does not describe: service-time shapes, dwell times, the log.
``SimConfig.with_overrides({"bay_call": "first_ready"})`` makes a variant. An option under ``disruptions.`` given to
``simulate`` is a change of the scenario's night model (``split_night``), so there is one model, the scenario's.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from scenarios.disruptions import PREFIX as NIGHT_PREFIX
from scenarios.errors import ScenarioError, suggest

WELCOME_MODES = ("ceremony", "per_worker")
DESK_DISTRIBUTIONS = ("uniform", "exponential", "fixed")
LOG_MODES = ("full", "lean", "auto")
BAY_CALLS = ("all_ready", "first_ready")


def _check(condition: bool, name: str, key: str, **params: object) -> None:
    if not condition:
        raise ScenarioError(key, field=f"options.{name}", **params)


def _one_of(value: object, choices: tuple[str, ...], name: str) -> None:
    _check(value in choices, name, "num.one_of", choices=", ".join(choices), value=repr(value))


def _non_negative(value: float, name: str) -> None:
    _check(isinstance(value, int | float) and math.isfinite(value) and value >= 0, name, "num.non_negative",
           value=repr(value))


def _pair(pair: tuple[float, float], name: str) -> None:
    _check(len(pair) == 2 and 0 <= pair[0] <= pair[1], name, "num.range_pair", value=repr(list(pair)))


@dataclass(frozen=True)
class SimConfig:
    """Simulation options that the scenario does not hold. ``random=False`` switches every random part off."""

    random: bool = True
    #: "ceremony": one welcome for the whole train, starting when the last worker is in the hall (news reports
    #: describe one ceremony per train); "per_worker": every worker spends ``welcome_min`` from reaching the hall.
    welcome: str = "ceremony"
    #: Gift-pack desk service around the scenario's ``desk_service_s``: "uniform" on [1 - s, 1 + s] x mean,
    #: "exponential", or "fixed".
    desk_distribution: str = "uniform"
    desk_spread: float = 0.5  # estimate: a pack and a signature take half to 1.5 times the mean (10-30 s at 20)
    #: When a vehicle pulls into a coach bay: "all_ready" once its whole present group is at the sign (staff hold
    #: groups at the district signs and call the coach; estimate of practice), or "first_ready" when the first is.
    bay_call: str = "all_ready"
    gather_min: float = 1.0  # estimate: from the desks to the district sign on the square
    stop_min: tuple[float, float] = (2.0, 3.0)  # issue 5: 2 to 3 minutes per stop (park, open the luggage hold)
    drop_s_per_person: float = 10.0  # estimate: one worker with luggage off the coach; planning/baseline.py uses 10
    checkin_s: tuple[float, float] = (30.0, 60.0)  # issue 5: 30 to 60 s per worker at the dormitory
    checkin_desks: int = 1  # estimate: one dormitory manager on duty at night
    #: False: staff know at alighting who did not get off the train (the roll call at the doors), so a coach never
    #: waits for them (issue 13); True: it waits up to ``policy.max_coach_wait_min`` from when its group formed.
    wait_for_missing: bool = False
    #: What the event log keeps: "full" (every event of every replication), "lean" (train and vehicle rows only;
    #: worker milestones go straight to the timelines, so KPIs and charts are the same) or "auto" (full for the
    #: first ``full_log_replications`` replications, lean for the rest: worker-level detail stays small).
    log: str = "auto"
    full_log_replications: int = 20  # choice: ~5,000 rows a replication of 531 workers; 100,000 rows in all
    n_jobs: int = 2  # processes for many replications (this machine has 2 cores)
    parallel_min_replications: int = 100  # fewer replications run in this process (start-up costs ~1 s)
    #: The seed of the season-wide draws (``travel.bias``): None, the run's own (one draw per replication); a
    #: season gives every evening the season's seed, so replication r of every night shares its error.
    season_seed: int | None = None

    def __post_init__(self) -> None:
        _one_of(self.welcome, WELCOME_MODES, "welcome")
        _one_of(self.desk_distribution, DESK_DISTRIBUTIONS, "desk_distribution")
        _check(0 <= self.desk_spread <= 1, "desk_spread", "num.share", value=repr(self.desk_spread))
        _one_of(self.bay_call, BAY_CALLS, "bay_call")
        for name in ("gather_min", "drop_s_per_person"):
            _non_negative(getattr(self, name), name)
        _pair(self.stop_min, "stop_min")
        _pair(self.checkin_s, "checkin_s")
        _check(self.checkin_desks >= 1, "checkin_desks", "num.at_least_1", value=self.checkin_desks)
        _one_of(self.log, LOG_MODES, "log")
        _check(self.full_log_replications >= 0, "full_log_replications", "num.whole_non_negative",
               value=self.full_log_replications)
        _check(self.n_jobs >= 1, "n_jobs", "num.at_least_1", value=self.n_jobs)
        _check(self.season_seed is None or (isinstance(self.season_seed, int) and self.season_seed >= 0),
               "season_seed", "num.whole_non_negative_or_none", value=repr(self.season_seed))

    def with_overrides(self, overrides: dict[str, Any]) -> SimConfig:
        """A copy with dotted-path overrides, e.g. ``{"disruptions.coach_no_show.rule": "second_trip"}``."""
        config: Any = self
        for path, value in overrides.items():
            config = _replace_path(config, path.split("."), value, path)
        return config


def _replace_path(obj: Any, parts: list[str], value: Any, path: str) -> Any:
    names = [f.name for f in dataclasses.fields(obj)]
    if parts[0] not in names:
        raise ScenarioError("sim.unknown_option", field=f"options.{path}", name=parts[0], hint=suggest(parts[0], names))
    if len(parts) == 1:
        current = getattr(obj, parts[0])
        if isinstance(current, tuple):
            value = tuple(value)
        return dataclasses.replace(obj, **{parts[0]: value})
    return dataclasses.replace(obj, **{parts[0]: _replace_path(getattr(obj, parts[0]), parts[1:], value, path)})


def split_night(options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(simulation options, night-model overrides of the scenario) of a dict of dotted paths."""
    night = {k: v for k, v in options.items() if k.startswith(NIGHT_PREFIX)}
    return {k: v for k, v in options.items() if k not in night}, night


def as_config(options: SimConfig | dict[str, Any] | None) -> SimConfig:
    """A SimConfig from None (defaults), a SimConfig, or a dict of dotted-path overrides."""
    if options is None:
        return SimConfig()
    if isinstance(options, SimConfig):
        return options
    if isinstance(options, dict):
        return SimConfig().with_overrides(options)
    raise ScenarioError("sim.options", field="options", kind=type(options).__name__)
