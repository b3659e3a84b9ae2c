"""Cross-checks of scale: a scenario that passes ``check`` is one ``plan`` and ``simulate`` are sized for.

Each field has its own bound (``scenarios.bounds``); these checks bound what fields do together. The routing model
keeps an n-by-n table of minutes and km over the enterprises it routes together, so their number is bounded; the
simulation's crowd chart keeps a row per minute of the night and replication, so the night the plan itself
expects is bounded (a planned night of several days is a typo, not a plan).
"""

from __future__ import annotations

import math

from scenarios.bounds import DAY_MIN
from scenarios.errors import Msg, ScenarioError
from scenarios.ranges import MAX_WORKERS
from scenarios.scenario import Scenario
from scenarios.texts import what_zh

#: Enterprises of one scenario: 5,000 make routing tables of 5,000 x 5,000 (400 MB of minutes and km together).
MAX_ENTERPRISES = 5_000
#: Districts of one scenario (a Chinese city has about ten; a province a few hundred counties).
MAX_DISTRICTS = 1_000
#: The longest night the plan may expect, from the scheduled arrival to the last coach's last possible return.
MAX_NIGHT_MIN = 3 * DAY_MIN
#: A station phase longer than this gets a warning (reception usually takes under two hours).
WARN_STATION_MIN = 12 * 60


def check_table_sizes(sc: Scenario, file: str) -> list[str]:
    """Workers, enterprises and districts within what planning is sized for."""
    for key, table, limit, why in (
        ("workers", sc.workers, MAX_WORKERS, Msg("scale.why_workers")),
        ("enterprises", sc.enterprises, MAX_ENTERPRISES, Msg("scale.why_enterprises")),
        ("districts", sc.districts, MAX_DISTRICTS, Msg("scale.why_districts")),
    ):
        if len(table) > limit:
            raise ScenarioError(
                "scale.rows",
                file=sc.table_file(key) if key != "workers" or "roster" in (sc.raw.get("workers") or {}) else file,
                n=len(table), key=key, key_zh=what_zh(key), limit=limit, why=why,
            )
    return []


#: The catalog key of each stage of ``station_minutes``.
STAGES = {
    "the known delay (train.delay_min)": "scale.stage_delay",
    "alighting (station.alight_s_per_person)": "scale.stage_alight",
    "the walk (station.walk_m)": "scale.stage_walk",
    "the welcome (station.welcome_min)": "scale.stage_welcome",
    "the gift-pack desks (station.desks, station.desk_service_s)": "scale.stage_desks",
    "boarding (station.board_s_per_person)": "scale.stage_board",
}


def station_minutes(sc: Scenario) -> dict[str, float]:
    """An upper estimate of each stage at the station, in minutes: the slow end of every range."""
    st, train = sc.station, sc.train
    n = len(sc.workers)
    seats = max((c.seats for c in sc.fleet.values() if c.count > 0), default=0)
    delay = train.delay_min + (train.delay.fixed_min if train.delay.kind == "fixed" else 0.0)
    per_door = n / (train.cars * train.doors_per_car)
    return {
        "the known delay (train.delay_min)": delay,
        "alighting (station.alight_s_per_person)": per_door * st.alight_s_per_person[1] / 60,
        "the walk (station.walk_m)": st.walk_m / st.walk_speed_mps[0] / 60,
        "the welcome (station.welcome_min)": st.welcome_min,
        "the gift-pack desks (station.desks, station.desk_service_s)": n * st.desk_service_s / st.desks / 60,
        "boarding (station.board_s_per_person)": seats * st.board_s_per_person[1] / 60,
    }


def check_night_length(sc: Scenario, file: str) -> list[str]:
    """The station phase plus every coach round the fleet needs, each up to max_ride_min out and back, fit 3 days."""
    stages = station_minutes(sc)
    station = sum(stages.values())
    seats = sc.total_seats
    rounds = math.ceil(len(sc.workers) / seats) if seats > 0 else 1
    night = station + max(rounds, 1) * 2 * sc.policy.max_ride_min
    if night > MAX_NIGHT_MIN:
        worst = max(stages, key=stages.__getitem__)
        rides = rounds * 2 * sc.policy.max_ride_min
        cause = (
            Msg("scale.rounds", n=max(rounds, 1), minutes=f"{sc.policy.max_ride_min:g}")
            if rides > stages[worst]
            else Msg("scale.stage_alone", stage=Msg(STAGES[worst]), hours=f"{stages[worst] / 60:,.0f}")
        )
        raise ScenarioError("scale.night", file=file, field="station" if rides <= stages[worst] else "fleet",
                            hours=f"{night / 60:,.0f}", limit=MAX_NIGHT_MIN // 60, cause=cause)
    if station > WARN_STATION_MIN:
        worst = max(stages, key=stages.__getitem__)
        return [Msg("warn.station_long", hours=f"{station / 60:.0f}", n=f"{len(sc.workers):,}",
                    stage=Msg(STAGES[worst]), part=f"{stages[worst] / 60:.0f}")]
    return []
