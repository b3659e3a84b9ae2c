"""Cross-checks between the sections and tables of a scenario, one ``check_*`` function each.

Each check raises ScenarioError naming the file, row and fix, or returns warnings (text) for things a planner
should know but that do not stop the run.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from scenarios.errors import Msg, ScenarioError, cut, quoted, suggest
from scenarios.scale import check_night_length, check_table_sizes
from scenarios.scenario import Scenario
from scenarios.travel import check_place_ids, check_travel_matrix, haversine_km

#: Enterprises farther than this from the station (straight line) are taken to be typos in the coordinates.
MAX_KM_FROM_STATION = 250.0


def check_enterprise_districts(sc: Scenario, file: str) -> list[str]:
    """Every enterprise's district exists."""
    known = set(sc.districts.index)
    ents = sc.enterprises
    bad = ~ents["district"].isin(known).to_numpy()
    if bad.any():
        ent = ents.index[bad][0]
        district = ents.at[ent, "district"]
        raise ScenarioError("check.ent_district", file=sc.table_file("enterprises"), row=int(ents.at[ent, "row"]),
                            field="district", district=quoted(district), ent=cut(ent), hint=suggest(district, known))
    return []


def _worker_row_error(
    sc: Scenario, bad: pd.Series, field: str, message: Callable[[str, object], Msg], fix: Msg
) -> None:
    """Raise for the first worker where ``bad`` holds, naming the roster row; ``message(worker, value)``."""
    if not bad.any():
        return
    w = sc.workers
    wid = w.index[bad.to_numpy()][0]
    msg = message(wid, w.at[wid, field])
    raise ScenarioError(
        msg,
        file=sc.table_file("workers"),
        row=int(w.at[wid, "row"]) if "row" in w.columns else None,
        field=field,
        fix=fix,
    )


def check_workers(sc: Scenario, file: str) -> list[str]:
    """Returning employers, wishes and skills refer to things that exist; gender, age and car are plausible."""
    w = sc.workers
    for column, known, what in (
        ("returning_employer", set(sc.enterprises.index), "enterprise"),
        ("wish_district", set(sc.districts.index), "district"),
        ("wish_job", set(sc.jobs), "job type"),
    ):
        _worker_row_error(
            sc,
            (w[column] != "") & ~w[column].isin(known),
            column,
            lambda wid, v, what=what, known=known: Msg(
                "check.worker_ref", what=Msg(f"word.{what.replace(' ', '_')}"), value=quoted(v), worker=cut(wid),
                hint=suggest(str(v), known),
            ),
            Msg("check.worker_ref.fix", what=Msg(f"word.{what.replace(' ', '_')}")),
        )
    jobs = set(sc.jobs)
    unknown_skill = w["skills"].map(
        lambda text: next((s.strip() for s in str(text).split(";") if s.strip() and s.strip() not in jobs), "")
    )
    _worker_row_error(
        sc,
        unknown_skill != "",
        "skills",
        lambda wid, v: Msg("check.skill", skill=quoted(unknown_skill[wid]), worker=cut(wid),
                           hint=suggest(unknown_skill[wid], jobs)),
        Msg("check.skill.fix"),
    )
    _worker_row_error(
        sc,
        ~w["gender"].isin(["M", "F", ""]),
        "gender",
        lambda wid, v: Msg("check.gender", value=quoted(v), worker=cut(wid)),
        Msg("check.gender.fix"),
    )
    _worker_row_error(
        sc,
        (w["age"] != 0) & ((w["age"] < 16) | (w["age"] > 75)),
        "age",
        lambda wid, v: Msg("check.age", value=v, worker=cut(wid)),
        Msg("check.age.fix"),
    )
    _worker_row_error(
        sc,
        (w["car"] < 1) | (w["car"] > sc.train.cars),
        "car",
        lambda wid, v: Msg("check.car", value=v, worker=cut(wid), cars=sc.train.cars),
        Msg("check.car.fix"),
    )
    return []


def check_train_capacity(sc: Scenario, file: str) -> list[str]:
    """The train has a seat for every worker."""
    if len(sc.workers) > sc.train.seats:
        raise ScenarioError("check.train_seats", file=file, field="train.cars", n=len(sc.workers),
                            seats=sc.train.seats, cars=sc.train.cars, per_car=sc.train.seats_per_car)
    return []


def check_posts(sc: Scenario, file: str) -> list[str]:
    """Posts cover the workers, or a warning says how many cannot be placed."""
    posts = int(sc.posts.to_numpy().sum())
    negative = sc.posts.lt(0).any(axis=1)
    if negative.any():
        ent = sc.enterprises.index[negative][0]
        raise ScenarioError("check.negative_posts", file=sc.table_file("enterprises"),
                            row=int(sc.enterprises.at[ent, "row"]), field="posts", ent=cut(ent))
    if posts < len(sc.workers):
        return [Msg("warn.few_posts", n=len(sc.workers), posts=posts, k=len(sc.workers) - posts)]
    return []


def check_own_vehicles(sc: Scenario, file: str) -> list[str]:
    """Enterprises that collect their own workers say with what and when; pickup is 'coach' or 'own'."""
    ents = sc.enterprises
    path = sc.table_file("enterprises")
    own = (ents["pickup"] == "own").to_numpy()
    bad = (
        ~ents["pickup"].isin(("coach", "own")).to_numpy()
        | (own & ((ents["own_seats"] <= 0).to_numpy() | ~ents["own_arrival"].astype(bool).to_numpy()))
        | (ents["checkin_close_min"] <= ents["checkin_open_min"]).to_numpy()
    )
    for ent, row in ents[bad].head(1).iterrows():  # the first bad row, with the first of its faults
        if row["pickup"] not in ("coach", "own"):
            raise ScenarioError("check.pickup", file=path, row=int(row["row"]), field="pickup",
                                value=quoted(row["pickup"]), ent=cut(ent))
        if row["pickup"] == "own" and (row["own_seats"] <= 0 or not row["own_arrival"]):
            raise ScenarioError("check.own_vehicle", file=path, row=int(row["row"]), field="own_seats", ent=cut(ent))
        if row["checkin_close_min"] <= row["checkin_open_min"]:
            raise ScenarioError("check.checkin", file=path, row=int(row["row"]), field="checkin_close", ent=cut(ent),
                                close=row["checkin_close"], open=row["checkin_open"])
    return []


def check_fleet_seats(sc: Scenario, file: str) -> list[str]:
    """The coaches have seats for everyone who goes by coach."""
    own = sc.enterprises["pickup"] == "own"
    by_coach = len(sc.workers) - int(np.minimum(sc.posts[own].sum(axis=1), sc.enterprises.loc[own, "own_seats"]).sum())
    seats = sc.total_seats
    if seats <= 0:
        raise ScenarioError("check.no_seats", file=file, field="fleet")
    if seats < by_coach:
        if sc.policy.routes == "open":
            raise ScenarioError("check.few_seats", file=file, field="fleet", n=by_coach, seats=seats)
        return [Msg("warn.second_trips", n=by_coach, seats=seats)]
    return []


def check_coordinates(sc: Scenario, file: str) -> list[str]:
    """Enterprises and district centres lie within a plausible distance of the station."""
    for key, table in (("enterprises", sc.enterprises), ("districts", sc.districts)):
        km = haversine_km(sc.station.lat, sc.station.lon, table["lat"].to_numpy(), table["lon"].to_numpy())
        bad = ~(km <= MAX_KM_FROM_STATION)
        if bad.any():
            ident = table.index[bad][0]
            raise ScenarioError("check.far_away", file=sc.table_file(key), row=int(table.at[ident, "row"]), field="lat",
                                what=Msg(f"word.{key[:-1]}"), ident=ident, lat=table.at[ident, "lat"],
                                lon=table.at[ident, "lon"], km=f"{km[bad][0]:.0f}", limit=f"{MAX_KM_FROM_STATION:.0f}")
    return []


def check_quotas(sc: Scenario, file: str) -> list[str]:
    """District quotas name districts that exist."""
    for district in sc.policy.district_quotas:
        if district not in sc.districts.index:
            raise ScenarioError("check.quota_district", file=file, field=f"policy.district_quotas.{cut(district)}",
                                district=quoted(district), hint=suggest(district, sc.districts.index))
    return []


CHECKS: tuple[Callable[[Scenario, str], list[str]], ...] = (
    check_table_sizes,
    check_place_ids,
    check_enterprise_districts,
    check_workers,
    check_train_capacity,
    check_posts,
    check_own_vehicles,
    check_fleet_seats,
    check_coordinates,
    check_quotas,
    check_travel_matrix,
    check_night_length,
)


def validate(sc: Scenario, file: str = "<scenario>") -> list[str]:
    """Run every cross-check; raise the first error, return the warnings."""
    warnings: list[str] = []
    for check in CHECKS:
        warnings.extend(check(sc, file))
    return warnings
