"""Cross-checks of scale: a scenario that passes ``check`` is one ``plan`` and ``simulate`` are sized for.

Each field has its own bound (``scenarios.bounds``); these checks bound what fields do together. The routing model
keeps an n-by-n table of minutes and km over the enterprises it routes together, so their number is bounded; the
simulation's crowd chart keeps a row per minute of the night and replication, so the night the plan itself
expects is bounded (a planned night of several days is a typo, not a plan).
"""

from __future__ import annotations

import math

from scenarios.bounds import DAY_MIN
from scenarios.errors import InputError
from scenarios.ranges import MAX_WORKERS
from scenarios.scenario import Scenario

WHAT_ZH = {"workers": "工人", "enterprises": "企业", "districts": "区市"}
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
        ("workers", sc.workers, MAX_WORKERS, "the largest roster the toolkit is sized for"),
        ("enterprises", sc.enterprises, MAX_ENTERPRISES, "routing keeps an n-by-n table of the enterprises"),
        ("districts", sc.districts, MAX_DISTRICTS, "more districts than any city has"),
    ):
        if len(table) > limit:
            raise InputError(
                f"{len(table):,} {key}, more than the limit of {limit:,} ({why}).",
                f"{len(table):,} 条{WHAT_ZH[key]}，超过上限 {limit:,}。",
                file=sc.table_file(key) if key != "workers" or "roster" in (sc.raw.get("workers") or {}) else file,
                fix="split the event into several scenarios (one per train or per day).",
                fix_zh="把这次活动拆成几个方案（每趟列车或每天一个）。",
            )
    return []


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
            f"{max(rounds, 1)} coach rounds of up to {sc.policy.max_ride_min:g} min out and back"
            if rides > stages[worst]
            else f"{worst} alone takes {stages[worst] / 60:,.0f} h"
        )
        raise InputError(
            f"the plan would expect a night of {night / 60:,.0f} hours, more than {MAX_NIGHT_MIN // 60} ({cause}).",
            f"按这些数字，整晚需要 {night / 60:,.0f} 小时，超过 {MAX_NIGHT_MIN // 60} 小时（{cause}）。",
            file=file,
            field="station" if rides <= stages[worst] else "fleet",
            fix="check the figures named (units: seconds per person, minutes, metres), or split the event.",
            fix_zh="检查所列数字（单位：每人秒数、分钟、米），或拆分这次活动。",
        )
    if station > WARN_STATION_MIN:
        worst = max(stages, key=stages.__getitem__)
        return [
            f"the station phase may take {station / 60:.0f} h for {len(sc.workers):,} workers "
            f"({worst}: {stages[worst] / 60:.0f} h of it)."
        ]
    return []
